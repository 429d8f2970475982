"""Values as read from a file (Excel, CSV, DHIS2 JSON), before they are matched against the
database: codes and text, with the exact place each came from. Pure code.

Every reader returns `ReadResult(values, problems)`; problems are located Vietnamese messages
(core.errors.Problem) naming file, sheet, row and column (or line / JSON item).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ansinh.core.errors import Problem

MAX_UPLOAD_BYTES = 45 * 1024 * 1024  # one workbook, CSV or JSON file (a million CSV values is ~40 MB)
MAX_ARCHIVE_BYTES = 50 * 1024 * 1024  # a zip of commune workbooks, unpacked


class Location(NamedTuple):
    """Where a value came from. A NamedTuple, not a dataclass: a million-value file creates a
    million of them, and tuples are several times cheaper to build."""

    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    item: int | None = None  # position in a JSON list
    field: str = ""  # a form field, for values typed on a web page

    @classmethod
    def of_row(cls, file: str, row: int) -> Location:
        """A row of a file, built by tuple.__new__ without the NamedTuple's own __new__ (a Python
        function): a million-row CSV builds a million, in a third of the time."""
        return tuple.__new__(cls, (file, "", row, "", None, ""))

    def __str__(self) -> str:
        parts = [f"tệp {self.file}"] if self.file else []
        if self.field:
            parts.append(self.field)
        if self.sheet:
            parts.append(f"trang '{self.sheet}'")
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}")
        if self.item is not None:
            parts.append(f"mục {self.item}")
        return ", ".join(parts)


class RawValue(NamedTuple):
    """One value as the file states it: codes as written, the number as text (so that
    "4,8" and "1.234" are interpreted by one rule, ansinh.core.vnformat.parse_number)."""

    element_code: str
    unit_code: str
    period: str
    value_text: str
    where: Location
    category: str = ""
    comment: str = ""


@dataclass
class ReadResult:
    values: list[RawValue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    units_seen: list[str] = field(default_factory=list)  # unit codes the file covers (empty sheets too)
