"""The report's Excel annex (phụ lục): the targets by year, and by unit and year. Pure code.

Numbers are stored as numbers (never text, never formulas) so an official can sort, chart and
recompute them; the sheets are set up to print on A4 landscape, one page wide, with the header
row repeated on every page.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ansinh.reports.content import ReviewInput, capitalise, subject_line, target_amount

NUMBER_FORMAT = "#,##0.00"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_FONT = "Times New Roman"


def render(data: ReviewInput, breakdown: dict) -> bytes:
    workbook = Workbook()
    _targets_sheet(workbook.active, data)
    _units_sheet(workbook.create_sheet("Theo đơn vị"), data, breakdown)
    _about_sheet(workbook.create_sheet("Thông tin"), data)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _targets_sheet(sheet, data: ReviewInput) -> None:
    sheet.title = "Chỉ tiêu"
    years = list(data.snapshot.data_years)
    header = ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", f"Mục tiêu {data.program.end_year}", "Năm mục tiêu", *[f"Năm {y}" for y in years], "Tình trạng", "Số đơn vị đã báo cáo / phải báo cáo"]
    _title(sheet, f"PHỤ LỤC 1. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ({data.unit_name.upper()})", subject_line(data) + (" (DỮ LIỆU MẪU, không phải số liệu thật)" if data.sample else ""), len(header))
    _header(sheet, header)
    for number, row in enumerate(data.targets, start=1):
        values = {p["year"]: p["value"] for p in row["series"]}
        completeness = row["completeness"]
        reported = f"{completeness['reported']}/{completeness['expected']}" if completeness["expected"] else ""
        cells = [number, row["target"], row["name"], row["unit"], target_amount(row), row["target_year"], *[values.get(y) for y in years], row["status_vi"], reported]
        _row(sheet, cells, numbers=range(7, 7 + len(years)))
    _finish(sheet, [6, 8, 60, 14, 12, 10, *[11] * len(years), 18, 14])


def _units_sheet(sheet, data: ReviewInput, breakdown: dict) -> None:
    years = list(breakdown["years"])
    header = ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Mã đơn vị", "Đơn vị hành chính", *[f"Năm {y}" for y in years]]
    _title(sheet, f"PHỤ LỤC 2. CÁC CHỈ TIÊU THEO ĐƠN VỊ HÀNH CHÍNH ({data.unit_name.upper()})", "Số liệu của từng đơn vị trong các năm đơn vị đó tồn tại (sau sắp xếp đơn vị hành chính 2025 là đơn vị mới)", len(header))
    _header(sheet, header)
    totals = {row["target"]: {p["year"]: p["value"] for p in row["series"]} for row in data.targets}
    for row in data.targets:
        if not row["series"]:
            continue
        _row(sheet, [row["target"], row["name"], row["unit"], breakdown["unit"]["code"], f"{capitalise(data.unit_name)} (toàn địa bàn)", *[totals[row["target"]].get(y) for y in years]], numbers=range(6, 6 + len(years)), bold=True)
        for unit in breakdown["units"]:
            values = unit["values"].get(row["target"], {})
            _row(sheet, [row["target"], row["name"], row["unit"], unit["code"], unit["name"], *[values.get(y) for y in years]], numbers=range(6, 6 + len(years)))
    _finish(sheet, [10, 50, 12, 10, 26, *[11] * len(years)])


def _about_sheet(sheet, data: ReviewInput) -> None:
    s = data.snapshot
    rows = [
        ("Chương trình", s.program_code),
        ("Loại báo cáo", s.kind),
        ("Kỳ báo cáo", s.period),
        ("Đơn vị", f"{capitalise(data.unit_name)} ({s.unit_code})"),
        ("Dữ liệu mẫu", "CÓ: số liệu mẫu để thử hệ thống, không phải số liệu thật" if data.sample else "không"),
        ("Thời điểm trích số liệu", s.generated_at.strftime("%H:%M:%S %d/%m/%Y")),
        ("Các năm số liệu", f"{s.data_years[0]}–{s.data_years[-1]}"),
        ("Kỳ báo cáo nhiệm vụ", ", ".join(s.task_periods) or "–"),
        ("Tình trạng duyệt số liệu", s.approval_sentence()),
        *[(f"Số báo cáo số liệu '{status}'", count) for status, count in sorted(s.approvals.items())],
        ("Ghi chú", "Số liệu là giá trị đã tính của chỉ số (tỷ lệ tính trên tổng tử số và tổng mẫu số, không lấy bình quân các tỷ lệ)."),
    ]
    for index, (label, value) in enumerate(rows, start=1):
        sheet.cell(index, 1, label).font = Font(name=_FONT, bold=True)
        sheet.cell(index, 2, value).font = Font(name=_FONT)
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 90


def _title(sheet, title: str, subtitle: str, width: int) -> None:
    sheet.cell(1, 1, title).font = Font(name=_FONT, bold=True, size=13)
    sheet.cell(2, 1, subtitle).font = Font(name=_FONT, italic=True, size=11)
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _header(sheet, header: list[str]) -> None:
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(4, column, text)
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _row(sheet, values: list, *, numbers: range, bold: bool = False) -> None:
    index = sheet.max_row + 1
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(index, column, value)
        cell.font = Font(name=_FONT, bold=bold)
        cell.border = _BORDER
        cell.alignment = Alignment(vertical="top", wrap_text=column not in numbers)
        if column in numbers and value is not None:
            cell.number_format = NUMBER_FORMAT


def _finish(sheet, widths: list[int]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A5"
    sheet.print_title_rows = "4:4"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
