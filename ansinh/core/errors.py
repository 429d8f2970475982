"""Errors that reach a user: a machine-readable code plus a Vietnamese message.

Each error names where it happened (file and line, sheet/row/column, or a field) so that a
person can fix the input. Domain code raises `UserError`; the web, API and CLI layers print
`str(error)` and never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class ErrorCode(str, Enum):
    # Input files (program files, lineage files, indicator libraries).
    FILE_UNREADABLE = "file_unreadable"  # cannot open / not UTF-8 / not YAML
    FIELD_MISSING = "field_missing"
    FIELD_UNKNOWN = "field_unknown"  # a key the format does not define (usually a typo)
    FIELD_INVALID = "field_invalid"  # wrong type or value
    DUPLICATE_CODE = "duplicate_code"
    UNKNOWN_REFERENCE = "unknown_reference"  # points to an indicator/body/target that does not exist
    UNKNOWN_UNIT = "unknown_unit"  # no administrative unit with that code on that date
    AMBIGUOUS_UNIT = "ambiguous_unit"
    NOT_FOUND = "not_found"
    SOURCE_MISSING = "source_missing"  # a data file the command needs is not on disk
    TOOL_MISSING = "tool_missing"  # an optional program (LibreOffice for PDF) is not installed
    TOOL_FAILED = "tool_failed"  # that program ran but did not produce its output


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows."""

    code: ErrorCode
    message: str
    where: str = ""  # "duc-pho-42.yaml:57" or "Sheet1!C7"
    field: str = ""  # "targets[3].comparator"

    def __str__(self) -> str:
        location = ": ".join(part for part in (self.where, self.field) if part)
        return f"{location}: {self.message}" if location else self.message

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code.value, "where": self.where, "field": self.field, "message": self.message}


@dataclass
class UserError(Exception):
    """Input refused; nothing was changed. Holds every problem found, not just the first."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)

    @classmethod
    def single(cls, code: ErrorCode, message: str, *, where: str = "", field: str = "") -> UserError:
        return cls([Problem(code, message, where, field)])
