"""Build a review report: read the data once, compose, render the Word file and its Excel annex.

A read, not a write: nothing in the database changes. The document records the snapshot it was
built from (docs/reports.md), so the same data always gives the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from ansinh.programs.selectors import get_program
from ansinh.reports import annex, content, docx_writer
from ansinh.reports.selectors import Signing, breakdown, review_input
from ansinh.reports.windows import review_window


@dataclass(frozen=True)
class BuiltReport:
    docx: bytes
    xlsx: bytes | None
    report: content.Report
    targets: tuple[dict, ...]  # the evaluation rows the report shows (for summaries and checks)
    file_stem: str  # "bao-cao-duc-pho-42-annual-2025-534"


def build_review(program_code: str, kind: str, period: str, unit_code: str, *, signing: Signing | None = None,
                 generated_at: datetime | None = None, with_annex: bool = True) -> BuiltReport:
    program = get_program(program_code)
    window = review_window(kind, period, program.start_year, program.end_year)
    moment = generated_at or timezone.now()
    if timezone.is_naive(moment):  # a wall-clock time given by the caller (tests, --at): local time
        moment = timezone.make_aware(moment)
    moment = timezone.localtime(moment).replace(microsecond=0)
    data = review_input(program, window, unit_code, moment, signing or Signing())
    report = content.compose(data)
    xlsx = annex.render(data, breakdown(program, window, data.snapshot.unit_code)) if with_annex else None
    stem = f"{'phieu-so-lieu' if kind == content.DATA_SHEET else 'bao-cao'}-{program.code}-{kind}-{window.period}-{data.snapshot.unit_code}"
    return BuiltReport(docx_writer.render(report), xlsx, report, data.targets, stem)


FILE_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def report_file(built: BuiltReport, file_format: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the Word report, its Excel annex or its PDF: what the
    web page and the API hand out."""
    from ansinh.reports import pdf

    content = {"docx": lambda: built.docx, "xlsx": lambda: built.xlsx, "pdf": lambda: pdf.convert(built.docx, "pdf")}[file_format]()
    suffix = "-phu-luc" if file_format == "xlsx" else ""
    return content, FILE_TYPES[file_format], f"{built.file_stem}{suffix}.{file_format}"
