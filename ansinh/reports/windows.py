"""What a review covers: its year, the data years in its table and the task-report periods. Pure code.

- six-month "2025S1": the first half of 2025 (task reports of 2025S1; data up to 2025);
- annual "2025": the year (task reports of 2025S1 and 2025S2);
- mid-term "2025" and final "2030": the program from its start to that year;
- data-sheet "2025": one unit's figures up to that year.
Data years always start the year before the program (its baseline) so trends show where it began.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ansinh.core.errors import ErrorCode, UserError
from ansinh.reports.content import ANNUAL, DATA_SHEET, FINAL, KINDS, MID_TERM, SIX_MONTH, period_name

_YEAR = re.compile(r"^\d{4}$")
_HALF = re.compile(r"^(\d{4})S([12])$")


@dataclass(frozen=True)
class Window:
    kind: str
    period: str
    year: int
    data_years: tuple[int, ...]
    task_periods: tuple[str, ...]
    label: str


def review_window(kind: str, period: str, start_year: int, end_year: int) -> Window:
    if kind not in KINDS:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"loại báo cáo '{kind}' không có; chọn một trong: {', '.join(KINDS)}", field="type")
    period = period.strip().upper()
    if kind == SIX_MONTH:
        match = _HALF.match(period)
        if not match:
            raise UserError.single(ErrorCode.FIELD_INVALID, f"kỳ '{period}' không đúng dạng báo cáo 6 tháng: ghi như 2025S1 (6 tháng đầu năm) hoặc 2025S2", field="period")
        year = int(match.group(1))
    else:
        if not _YEAR.match(period):
            raise UserError.single(ErrorCode.FIELD_INVALID, f"kỳ '{period}' không đúng dạng năm: ghi 4 chữ số, ví dụ 2025", field="period")
        year = int(period)
    if not start_year <= year <= end_year:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"năm {year} nằm ngoài thời gian của chương trình ({start_year}–{end_year})", field="period")
    data_years = tuple(range(start_year - 1, year + 1))
    if kind == SIX_MONTH:
        return Window(kind, period, year, data_years, (period,), period_name(period))
    if kind == ANNUAL:
        return Window(kind, period, year, data_years, (f"{year}S1", f"{year}S2"), f"năm {year}")
    if kind in (MID_TERM, FINAL):
        periods = tuple(f"{y}S{h}" for y in range(start_year, year + 1) for h in (1, 2))
        return Window(kind, period, year, data_years, periods, f"giai đoạn {start_year}–{year}")
    assert kind == DATA_SHEET
    return Window(kind, period, year, data_years, (), f"năm {year}")
