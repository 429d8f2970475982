"""Reporting periods in DHIS2's ISO notation: `2025` (year), `2025S1`/`2025S2` (six months),
`2025Q3` (quarter), `202507` (month). Pure functions, no ORM."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

_PATTERNS = {
    "yearly": re.compile(r"^(\d{4})$"),
    "six_monthly": re.compile(r"^(\d{4})S([12])$"),
    "quarterly": re.compile(r"^(\d{4})Q([1-4])$"),
    "monthly": re.compile(r"^(\d{4})(0[1-9]|1[0-2])$"),
}
_MONTHS_PER_PART = {"yearly": 12, "six_monthly": 6, "quarterly": 3, "monthly": 1}

PERIOD_TYPES = tuple(_PATTERNS)


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    period_type: str
    code: str

    @property
    def year(self) -> int:
        return self.start.year


@lru_cache(maxsize=4096)  # a million values name a handful of periods
def parse_period(code: str) -> Period:
    """Parse an ISO period code; raises ValueError with a Vietnamese message."""
    text = str(code).strip()
    for period_type, pattern in _PATTERNS.items():
        match = pattern.match(text)
        if not match:
            continue
        year = int(match.group(1))
        part = int(match.group(2)) if match.lastindex and match.lastindex > 1 else 1
        months = _MONTHS_PER_PART[period_type]
        first_month = (part - 1) * months + 1
        start = date(year, first_month, 1)
        end = _month_end(year, first_month + months - 1)
        return Period(start, end, period_type, text)
    raise ValueError(
        f'kỳ báo cáo "{text}" không hợp lệ; dùng dạng 2025 (năm), 2025S1 (6 tháng), 2025Q3 (quý) hoặc 202507 (tháng)'
    )


def periods_of_year(year: int, period_type: str) -> list[str]:
    if period_type == "yearly":
        return [str(year)]
    if period_type == "six_monthly":
        return [f"{year}S1", f"{year}S2"]
    if period_type == "quarterly":
        return [f"{year}Q{q}" for q in range(1, 5)]
    if period_type == "monthly":
        return [f"{year}{m:02d}" for m in range(1, 13)]
    raise ValueError(f"loại kỳ báo cáo không hợp lệ: {period_type}")


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)
