"""Excel templates for commune offices: write a pre-filled .xlsx, read the filled one back.

Offices work in Excel or LibreOffice; they rename sheets, insert rows, paste from last year's
file and type numbers the Vietnamese way ("4,8", "1.234"). So the template carries its own map:
a very hidden sheet "_ansinh" lists every data sheet with its unit code, period, data set and
element codes, and every data sheet repeats its codes in a hidden column. The reader identifies
values by those codes, never by position alone or by a sheet's visible name, and when the
layout was changed it says exactly what changed instead of guessing. An upload is accepted
whole or refused, so the reader reports every problem it finds, each located by file, sheet,
row and column.

Pure code: no Django, no database. Layout, rules and messages: docs/excel-template.md.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ansinh.core.damaged_zip import DAMAGED_ZIP_ERRORS
from ansinh.core.errors import ErrorCode, Problem
from ansinh.core.vnformat import format_date, format_number, parse_number
from ansinh.datavalues.rows import MAX_ARCHIVE_BYTES, MAX_UPLOAD_BYTES, Location, RawValue, ReadResult

__all__ = ["TEMPLATE_VERSION", "TemplateElement", "TemplateSheet", "number_text", "read_workbook", "sheet_names", "write_workbook"]

TEMPLATE_VERSION = "ansinh-xlsx/1"
INSTRUCTIONS_SHEET = "Hướng dẫn"
MANIFEST_SHEET = "_ansinh"

# An .xlsx is itself a zip: a small upload can unpack into gigabytes of XML. A template for a
# hundred communes unpacks to a few megabytes, so anything above this is refused unparsed.
MAX_UNPACKED_BYTES = MAX_ARCHIVE_BYTES
# How far below the table the reader looks for rows someone added. Reading streams the sheet,
# so this bounds the work however far away a stray cell is.
EXTRA_ROWS_CHECKED = 1000

# --- Layout of a data sheet; TEMPLATE_VERSION pins it and the reader checks it. ---------------
# The sheet's own codes, in the hidden column A above the table.
# (TemplateSheet attribute, row, label in messages)
CODE_CELLS = (("unit_code", 1, "mã đơn vị"), ("period", 2, "kỳ"), ("data_set_code", 3, "mã bộ số liệu"))
HEADER_ROW = 6
FIRST_ROW = 7
# (header, width): columns A..G. "Mã" is hidden; "Giá trị kỳ này" and "Ghi chú" are the inputs.
COLUMNS = (
    ("Mã", 14),
    ("STT", 6),
    ("Chỉ tiêu", 60),
    ("Đơn vị tính", 14),
    ("Kỳ trước", 16),
    ("Giá trị kỳ này", 18),
    ("Ghi chú", 40),
)
CODE_COLUMN, INPUT_COLUMN, NOTE_COLUMN, PREVIOUS_COLUMN = "A", "F", "G", "E"
LAST_COLUMN = get_column_letter(len(COLUMNS))
# Header cells looked at when a column is missing from its place, to say where it went.
HEADER_SCAN_WIDTH = len(COLUMNS) + 13

VALUE_TYPES = ("integer", "number")
NUMBER_FORMATS = {"integer": "#,##0", "number": "#,##0.##"}

# --- Messages (docs/excel-template.md lists them with their causes). ------------------------
MSG_TOO_LARGE = "tệp nặng {size} MB, vượt giới hạn {limit} MB cho một tệp"
MSG_EMPTY_FILE = "tệp rỗng (0 byte)"
MSG_OLD_EXCEL = (
    "đây là tệp Excel 97–2003 (.xls) hoặc tệp có đặt mật khẩu; hãy mở tệp, bỏ mật khẩu nếu có "
    "và lưu lại dưới dạng “Excel Workbook (.xlsx)”"
)
MSG_ODS = "đây là tệp LibreOffice (.ods); hãy chọn “Lưu thành” > “Excel 2007-365 (.xlsx)” rồi tải lên lại"
MSG_NOT_XLSX = "không phải tệp Excel .xlsx; hãy tải lên tệp mẫu đã điền, lưu dưới dạng .xlsx"
MSG_UNPACKED_TOO_LARGE = (
    "nội dung tệp khi giải nén vượt {limit} MB, lớn hơn nhiều so với một mẫu nhập liệu; "
    "hãy tải lên đúng tệp mẫu đã điền"
)
MSG_CORRUPT = "tệp .xlsx bị hỏng, không mở được; hãy mở lại bằng Excel hoặc LibreOffice, lưu dưới dạng .xlsx rồi tải lên"
MSG_EMPTY_WORKBOOK = "bảng tính trống, không trang nào có dữ liệu"
MSG_NOT_TEMPLATE = (
    "không phải mẫu nhập liệu của ansinh (không có trang kỹ thuật “_ansinh”); "
    "hãy tải mẫu từ ansinh, điền vào chính mẫu đó rồi tải lên"
)
MSG_MANIFEST_BROKEN = "trang kỹ thuật “_ansinh” bị hỏng ({detail}); hãy tải mẫu mới"
MSG_UNKNOWN_VERSION = "mẫu phiên bản '{version}' không được hỗ trợ (ansinh đọc phiên bản '{expected}'); hãy tải mẫu mới"
MSG_SHEET_MISSING = (
    "thiếu trang '{sheet}' (đơn vị mã {unit}); trang đã bị đổi tên hoặc xoá — hãy giữ nguyên tên trang như trong mẫu"
)
MSG_SHEET_RENAMED = "trang '{sheet}' (đơn vị mã {unit}) đã bị đổi tên thành '{actual}'; hãy đặt lại tên '{sheet}'"
MSG_SHEET_UNKNOWN = "trang '{sheet}' không có trong mẫu; hãy xoá trang này hoặc chuyển số liệu vào đúng trang của đơn vị"
MSG_CODES_CHANGED = (
    "mã ẩn của trang không khớp với mẫu ({detail}); trang có thể đã được chép từ tệp khác — "
    "hãy điền vào đúng tệp đã tải về"
)
MSG_COLUMN_MOVED = "cột '{name}' đã bị chuyển từ cột {expected} sang cột {actual}; hãy giữ nguyên thứ tự cột như trong mẫu"
MSG_COLUMN_CHANGED = "cột {column}: tiêu đề phải là '{name}' (đang là {actual}); không đổi tên, thêm, xoá hay di chuyển cột"
MSG_ROW_DELETED = "dòng {row}: thiếu chỉ tiêu mã '{code}' — dòng đã bị xoá; không xoá, chèn hay di chuyển dòng"
MSG_ROW_INSERTED = "dòng {row}: dòng chèn thêm, không có trong mẫu (ở đây phải là chỉ tiêu mã '{code}')"
MSG_ROW_MOVED = "dòng {row}: chỉ tiêu mã '{actual}' nằm sai chỗ (ở đây phải là chỉ tiêu mã '{code}') — dòng đã bị di chuyển"
MSG_ROW_UNKNOWN = "dòng {row}: mã chỉ tiêu '{actual}' không có trong mẫu (ở đây phải là chỉ tiêu mã '{code}')"
MSG_ROW_ADDED = "dòng {row}: có nội dung bên dưới bảng của mẫu (bảng kết thúc ở dòng {last}); không thêm dòng — hãy xoá nội dung này"
MSG_NOT_A_NUMBER = "ô {cell}: '{text}' không phải là số"
MSG_FORMULA = "ô {cell} chứa công thức; hãy nhập giá trị số"
MSG_BOOLEAN = "ô {cell} chứa giá trị đúng/sai ({text}); hãy nhập giá trị số"
MSG_DATE = "ô {cell} chứa ngày/giờ ({text}); hãy nhập giá trị số"
MSG_ERROR_VALUE = "ô {cell} chứa lỗi {text}; hãy nhập giá trị số"

# --- Styles: Times New Roman, what the offices' own documents use. --------------------------
FONT_NAME = "Times New Roman"
FONT = Font(name=FONT_NAME, size=12)
FONT_BOLD = Font(name=FONT_NAME, size=12, bold=True)
FONT_TITLE = Font(name=FONT_NAME, size=14, bold=True)
FONT_NOTE = Font(name=FONT_NAME, size=11, italic=True)
FONT_HIDDEN = Font(name=FONT_NAME, size=9, color="808080")
INPUT_FILL = PatternFill("solid", fgColor="FFFF99")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
UNLOCKED = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass(frozen=True)
class TemplateElement:
    code: str
    name: str
    unit_label: str
    value_type: str  # "integer" | "number"
    previous: Decimal | None = None  # last period's value, shown beside the input cell
    current: Decimal | None = None  # already entered value (pre-filled)
    comment: str = ""


@dataclass(frozen=True)
class TemplateSheet:
    unit_code: str
    unit_name: str
    period: str
    period_label: str  # e.g. "2025S1", "6 tháng đầu năm 2025"
    data_set_code: str
    data_set_name: str
    elements: list[TemplateElement]


# ============================================================================================
# Writer
# ============================================================================================


def write_workbook(sheets: list[TemplateSheet], *, title: str, generated_at: str) -> bytes:
    """The template as .xlsx bytes: instructions, one sheet per TemplateSheet, the map."""
    if not sheets:
        raise ValueError("write_workbook needs at least one sheet")
    for sheet in sheets:
        _check_sheet(sheet)
    names = sheet_names(sheets)
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    _write_instructions(instructions, sheets, names, title=title, generated_at=generated_at)
    for sheet, name in zip(sheets, names, strict=True):
        _write_data_sheet(workbook.create_sheet(name), sheet)
    _write_manifest(workbook.create_sheet(MANIFEST_SHEET), sheets, names, title=title, generated_at=generated_at)
    # Without a password: the lock keeps people from renaming or moving sheets by accident; it
    # is not a security boundary (the reader checks everything anyway).
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.properties.title = _clean_text(title)
    workbook.properties.creator = "ansinh"
    workbook.active = 0
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _check_sheet(sheet: TemplateSheet) -> None:
    """Programming errors, not user input: the reader relies on unique codes per sheet."""
    codes = [element.code for element in sheet.elements]
    if len(set(codes)) != len(codes):
        raise ValueError(f"duplicate element codes in the sheet of unit {sheet.unit_code}")
    for element in sheet.elements:
        if element.value_type not in VALUE_TYPES:
            raise ValueError(f"value_type of {element.code} must be one of {VALUE_TYPES}, not {element.value_type!r}")
        if not element.code.strip():
            raise ValueError(f"an element of unit {sheet.unit_code} has an empty code")


def sheet_names(sheets: Sequence[TemplateSheet]) -> list[str]:
    """Excel-valid, unique sheet names after the units: at most 31 characters, none of
    []:*?/\\, not starting or ending with an apostrophe, unique ignoring case (as Excel does)."""
    taken = {INSTRUCTIONS_SHEET.casefold(), MANIFEST_SHEET.casefold(), "history"}  # "History" is reserved by Excel
    names = []
    for sheet in sheets:
        base = _clean_sheet_name(sheet.unit_name) or _clean_sheet_name(sheet.unit_code) or "Đơn vị"
        name, counter = base, 2
        while name.casefold() in taken:
            suffix = f" ({counter})"
            name = base[: 31 - len(suffix)].rstrip() + suffix
            counter += 1
        taken.add(name.casefold())
        names.append(name)
    return names


def _clean_sheet_name(text: str) -> str:
    # NFC first: a decomposed "ầ" would count as three of the 31 characters.
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if char in "[]:*?/\\" or ord(char) < 32 else char for char in text)
    text = " ".join(text.split()).strip("' ")
    return text[:31].rstrip("' ")


def _clean_text(text: str) -> str:
    """Names and notes as a cell can hold them (XML forbids most control characters)."""
    return ILLEGAL_CHARACTERS_RE.sub("", unicodedata.normalize("NFC", str(text)))


def _put(ws, ref: str, value, *, font: Font = FONT, alignment: Alignment | None = None):
    """Write a cell; text is always text, so a unit called "=..." never becomes a formula."""
    cell = ws[ref]
    if isinstance(value, str):
        cell.value = _clean_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _cell_number(value: Decimal | None):
    """Excel stores doubles; an int stays an int so that 1234 is not shown as 1234.0."""
    if value is None:
        return None
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def _write_instructions(ws, sheets, names, *, title: str, generated_at: str) -> None:
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 95
    _put(ws, "A1", title, font=FONT_TITLE)
    facts = [
        ("Bộ số liệu", "; ".join(_unique(sheet.data_set_name for sheet in sheets))),
        ("Kỳ báo cáo", "; ".join(_unique(sheet.period_label for sheet in sheets))),
        ("Đơn vị", f"{len(sheets)} đơn vị, mỗi đơn vị một trang: " + ", ".join(names)),
        ("Thời điểm tạo mẫu", generated_at),
        ("Phiên bản mẫu", TEMPLATE_VERSION),
    ]
    row = 3
    for label, value in facts:
        _put(ws, f"A{row}", label, font=FONT_BOLD, alignment=WRAP)
        _put(ws, f"B{row}", value, alignment=WRAP)
        row += 1
    row += 1
    _put(ws, f"A{row}", "Cách điền", font=FONT_BOLD)
    for number, step in enumerate(INSTRUCTIONS, start=1):
        row += 1
        _put(ws, f"A{row}", f"{number}.", alignment=Alignment(horizontal="right", vertical="top"))
        _put(ws, f"B{row}", step, alignment=WRAP)
    _set_print(ws, f"A1:B{row}", title_rows=None)
    ws.protection.sheet = True


INSTRUCTIONS = (
    "Mỗi đơn vị (xã, phường) có một trang riêng mang tên đơn vị. Chỉ nhập vào các ô màu vàng: "
    "cột “Giá trị kỳ này” (số liệu) và cột “Ghi chú”. Các ô khác đã được khoá.",
    "Nhập số, không nhập chữ, đơn vị tính hay công thức. Có thể viết số theo cách Việt Nam: "
    "dấu chấm ngăn cách hàng nghìn (1.234), dấu phẩy thập phân (4,8).",
    "Chỉ tiêu tính bằng số người, số hộ, số lượt… chỉ nhận số nguyên không âm; các chỉ tiêu khác "
    "nhận số thập phân không âm.",
    "Để trống ô nếu chưa có số liệu; nếu số liệu bằng không thì nhập 0.",
    "Cột “Kỳ trước” là số đã báo cáo kỳ trước, để đối chiếu. Khi số kỳ này khác nhiều so với kỳ "
    "trước, hãy ghi lý do vào cột “Ghi chú”.",
    "Không đổi tên, xoá, thêm hay di chuyển trang, cột hoặc dòng; không chép trang sang tệp khác. "
    "Cần mẫu mới thì tải lại từ ansinh.",
    "Lưu tệp dưới dạng Excel (.xlsx); trong LibreOffice chọn “Lưu thành” > “Excel 2007-365 (.xlsx)” "
    "và giữ định dạng này. Sau đó tải tệp lên ansinh; có thể nén nhiều tệp của các xã thành một tệp .zip.",
    "Tệp được nhận toàn bộ, hoặc bị trả lại kèm danh sách lỗi theo trang, dòng, cột; sửa hết các lỗi "
    "rồi tải lên lại.",
)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _write_data_sheet(ws, sheet: TemplateSheet) -> None:
    _write_codes(ws, sheet)
    _write_title_block(ws, sheet)
    _write_header(ws)
    for index, element in enumerate(sheet.elements):
        _write_element_row(ws, FIRST_ROW + index, index + 1, element)
    _add_validations(ws, sheet.elements)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.column_dimensions[CODE_COLUMN].hidden = True
    ws.freeze_panes = f"A{FIRST_ROW}"
    last_row = FIRST_ROW + len(sheet.elements) - 1
    _set_print(ws, f"B1:{LAST_COLUMN}{max(last_row, HEADER_ROW)}", title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    _protect_data_sheet(ws)


def _write_codes(ws, sheet: TemplateSheet) -> None:
    """The sheet's identity inside the sheet, so a renamed sheet can still be recognised."""
    for attribute, row, _ in CODE_CELLS:
        cell = _put(ws, f"{CODE_COLUMN}{row}", getattr(sheet, attribute), font=FONT_HIDDEN)
        cell.number_format = "@"


def _write_title_block(ws, sheet: TemplateSheet) -> None:
    lines = [
        (sheet.data_set_name, FONT_TITLE),
        (f"Đơn vị: {sheet.unit_name}", FONT_BOLD),
        (f"Kỳ báo cáo: {sheet.period_label}", FONT_BOLD),
        ("Nhập số liệu vào các ô màu vàng (cột “Giá trị kỳ này”), ghi chú vào cột “Ghi chú”. "
         "Xem cách điền ở trang “Hướng dẫn”.", FONT_NOTE),
    ]
    for row, (text, font) in enumerate(lines, start=1):
        _put(ws, f"B{row}", text, font=font, alignment=Alignment(vertical="center"))
        ws.merge_cells(f"B{row}:{LAST_COLUMN}{row}")
    ws.row_dimensions[1].height = 22


def _write_header(ws) -> None:
    for index, (header, _) in enumerate(COLUMNS, start=1):
        cell = _put(ws, f"{get_column_letter(index)}{HEADER_ROW}", header, font=FONT_BOLD, alignment=HEADER_ALIGNMENT)
        cell.fill = HEADER_FILL
        cell.border = BORDER
    ws.row_dimensions[HEADER_ROW].height = 32


def _write_element_row(ws, row: int, number: int, element: TemplateElement) -> None:
    number_format = NUMBER_FORMATS[element.value_type]
    code = _put(ws, f"A{row}", element.code, font=FONT_HIDDEN)
    code.number_format = "@"
    _put(ws, f"B{row}", number, alignment=CENTER)
    _put(ws, f"C{row}", element.name, alignment=WRAP)
    _put(ws, f"D{row}", element.unit_label, alignment=CENTER)
    previous = _put(ws, f"{PREVIOUS_COLUMN}{row}", _cell_number(element.previous))
    previous.number_format = number_format
    value = _put(ws, f"{INPUT_COLUMN}{row}", _cell_number(element.current))
    value.number_format = number_format
    note = _put(ws, f"{NOTE_COLUMN}{row}", element.comment or None, alignment=WRAP)
    note.number_format = "@"  # a note "5 hộ" stays text even if it starts with a digit
    for cell in (value, note):
        cell.fill = INPUT_FILL
        cell.protection = UNLOCKED
    for column in range(1, len(COLUMNS) + 1):
        ws.cell(row=row, column=column).border = BORDER


def _add_validations(ws, elements: Sequence[TemplateElement]) -> None:
    """Excel and LibreOffice refuse a negative or non-numeric entry as it is typed; the reader
    still checks, since validation is lost when values are pasted."""
    for value_type in VALUE_TYPES:
        rows = [FIRST_ROW + index for index, element in enumerate(elements) if element.value_type == value_type]
        if not rows:
            continue
        validation = _validation(value_type)
        for row in rows:
            validation.add(f"{INPUT_COLUMN}{row}")
        ws.add_data_validation(validation)


def _validation(value_type: str) -> DataValidation:
    whole = value_type == "integer"
    return DataValidation(
        type="whole" if whole else "decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        errorStyle="stop",
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Số liệu không hợp lệ",
        error=(
            "Chỉ tiêu này chỉ nhận số nguyên không âm (0, 1, 2, …). Không nhập chữ, số thập phân hay công thức."
            if whole
            else "Chỉ tiêu này chỉ nhận số không âm, ví dụ 4,8 hoặc 1.234. Không nhập chữ hay công thức."
        ),
        promptTitle="Nhập số nguyên" if whole else "Nhập số",
        prompt=(
            "Số nguyên từ 0 trở lên, ví dụ 1.234. Để trống nếu chưa có số liệu."
            if whole
            else "Số từ 0 trở lên, ví dụ 4,8 (dấu phẩy thập phân). Để trống nếu chưa có số liệu."
        ),
    )


def _set_print(ws, area: str, *, title_rows: str | None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_options.horizontalCentered = True
    ws.print_area = area
    if title_rows:
        ws.print_title_rows = title_rows


def _protect_data_sheet(ws) -> None:
    """Locked labels and codes, unlocked inputs; no password, so an office that must unprotect
    can, and the reader does not depend on it. Resizing columns and rows stays allowed."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _write_manifest(ws, sheets, names, *, title: str, generated_at: str) -> None:
    """Typed records, one per row, in plain cells: LibreOffice may drop the very hidden state or
    defined names on the way through, but it keeps cell contents."""
    records: list[list] = [
        ["#", "Trang kỹ thuật của ansinh: bản đồ của mẫu. Không sửa, không xoá."],
        ["version", TEMPLATE_VERSION],
        ["title", title],
        ["generated_at", generated_at],
    ]
    records += [["sheet", name, s.unit_code, s.period, s.data_set_code] for s, name in zip(sheets, names, strict=True)]
    records += [["element", name, e.code] for s, name in zip(sheets, names, strict=True) for e in s.elements]
    for row, record in enumerate(records, start=1):
        for column, value in enumerate(record, start=1):
            _put(ws, f"{get_column_letter(column)}{row}", value).number_format = "@"
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


# ============================================================================================
# Reader
# ============================================================================================


@dataclass
class _SheetMap:
    """One data sheet as the manifest describes it."""

    name: str
    unit_code: str
    period: str
    data_set_code: str
    element_codes: list[str] = field(default_factory=list)

    @property
    def last_row(self) -> int:
        return FIRST_ROW + len(self.element_codes) - 1


class _Grid:
    """The top-left part of a sheet, read once: read-only openpyxl re-parses the sheet XML on
    every cell access, so each sheet is streamed a single time into this."""

    def __init__(self, ws, max_row: int, max_col: int):
        self.rows = [tuple(row) for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col)]

    def cell(self, row: int, column: int):
        if row <= len(self.rows) and column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return None

    def value(self, row: int, column: int):
        cell = self.cell(row, column)
        return None if cell is None else cell.value


def read_workbook(content: bytes, filename: str) -> ReadResult:
    """Every value entered in a filled template, or the problems that refuse it.

    Empty input cells give no value. Values are returned even when there are problems in other
    sheets (so the caller can show everything), but never from a sheet whose layout changed.
    """
    problem = _container_problem(content, filename)
    if problem is not None:
        return ReadResult(problems=[problem])
    workbook = _load(content)
    if workbook is None:
        return ReadResult(problems=[_problem(ErrorCode.FILE_UNREADABLE, MSG_CORRUPT, filename)])
    try:
        return _read_loaded(workbook, filename)
    finally:
        workbook.close()


def _container_problem(content: bytes, filename: str) -> Problem | None:
    """Checks on the bytes alone, before any parsing."""
    unreadable = ErrorCode.FILE_UNREADABLE
    if len(content) > MAX_UPLOAD_BYTES:
        message = MSG_TOO_LARGE.format(size=_megabytes(len(content)), limit=_megabytes(MAX_UPLOAD_BYTES))
        return _problem(unreadable, message, filename)
    if not content:
        return _problem(unreadable, MSG_EMPTY_FILE, filename)
    if content.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .xls, and also password-encrypted .xlsx
        return _problem(unreadable, MSG_OLD_EXCEL, filename)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "mimetype" in names:
                with archive.open("mimetype") as stream:  # a few bytes only: the member may be anything
                    if b"opendocument" in stream.read(100):
                        return _problem(unreadable, MSG_ODS, filename)
    except DAMAGED_ZIP_ERRORS:
        return _problem(unreadable, MSG_NOT_XLSX, filename)
    if "xl/workbook.xml" not in names:
        return _problem(unreadable, MSG_NOT_XLSX, filename)
    # zipfile never yields more than a member's declared size, so the declared sizes bound
    # what openpyxl can unpack.
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        return _problem(unreadable, MSG_UNPACKED_TOO_LARGE.format(limit=_megabytes(MAX_UNPACKED_BYTES)), filename)
    return None


def _load(content: bytes):
    """Read-only mode streams each sheet instead of building every cell in memory."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops; irrelevant here
        try:
            return load_workbook(io.BytesIO(content), read_only=True, data_only=False, keep_links=False)
        # openpyxl on a damaged file can fail with almost any exception (XML, KeyError, zip,
        # TypeError in its descriptors); to the user they all mean the same: cannot open.
        except Exception:  # noqa: BLE001
            return None


def _read_loaded(workbook, filename: str) -> ReadResult:
    if MANIFEST_SHEET not in workbook.sheetnames:
        empty = all(not _has_content(ws) for ws in workbook.worksheets)
        message = MSG_EMPTY_WORKBOOK if empty else MSG_NOT_TEMPLATE
        return ReadResult(problems=[_problem(ErrorCode.FILE_UNREADABLE, message, filename)])
    sheet_maps, problem = _read_manifest(workbook[MANIFEST_SHEET], filename)
    if problem is not None:
        return ReadResult(problems=[problem])
    result = ReadResult()
    known = {sheet_map.name for sheet_map in sheet_maps} | {INSTRUCTIONS_SHEET, MANIFEST_SHEET}
    extras = [ws for ws in workbook.worksheets if ws.title not in known]
    renamed: set[str] = set()
    for sheet_map in sheet_maps:
        if sheet_map.name in workbook.sheetnames:
            _read_data_sheet(workbook[sheet_map.name], sheet_map, filename, result)
            continue
        twin = _renamed_sheet(extras, sheet_map)
        if twin is not None:
            renamed.add(twin.title)
            message = MSG_SHEET_RENAMED.format(sheet=sheet_map.name, unit=sheet_map.unit_code, actual=twin.title)
            result.problems.append(_problem(ErrorCode.FIELD_MISSING, message, filename, sheet=twin.title))
        else:
            message = MSG_SHEET_MISSING.format(sheet=sheet_map.name, unit=sheet_map.unit_code)
            result.problems.append(_problem(ErrorCode.FIELD_MISSING, message, filename))
    for ws in extras:
        # An empty sheet someone added carries nothing and is ignored; anything with content
        # could be data put in the wrong place, so it refuses the file.
        if ws.title not in renamed and _has_content(ws):
            message = MSG_SHEET_UNKNOWN.format(sheet=ws.title)
            result.problems.append(_problem(ErrorCode.FIELD_UNKNOWN, message, filename, sheet=ws.title))
    for chartsheet in workbook.chartsheets:
        message = MSG_SHEET_UNKNOWN.format(sheet=chartsheet.title)
        result.problems.append(_problem(ErrorCode.FIELD_UNKNOWN, message, filename, sheet=chartsheet.title))
    return result


def _has_content(ws) -> bool:
    # The stored dimension may be wrong (some programs write "A1" for any sheet); without it
    # read-only openpyxl reads every cell there is.
    ws.reset_dimensions()
    return any(value is not None and value != "" for row in ws.iter_rows(values_only=True) for value in row)


def _read_manifest(ws, filename: str) -> tuple[list[_SheetMap], Problem | None]:
    def broken(detail: str) -> tuple[list[_SheetMap], Problem]:
        message = MSG_MANIFEST_BROKEN.format(detail=detail)
        return [], _problem(ErrorCode.FIELD_INVALID, message, filename, sheet=MANIFEST_SHEET)

    version = ""
    sheets: dict[str, _SheetMap] = {}
    ws.reset_dimensions()  # a wrong stored dimension would silently cut records off
    for row in ws.iter_rows(values_only=True):
        values = [_text(value) for value in row] + [""] * 5
        kind = values[0]
        if kind == "version":
            version = values[1]
        elif kind == "sheet":
            if not values[1] or values[1] in sheets:
                return broken(f"trang '{values[1]}' ghi trống hoặc hai lần")
            sheets[values[1]] = _SheetMap(values[1], values[2], values[3], values[4])
        elif kind == "element":
            if values[1] not in sheets or not values[2]:
                return broken(f"chỉ tiêu '{values[2]}' ghi cho trang '{values[1]}' chưa được liệt kê")
            sheets[values[1]].element_codes.append(values[2])
    if not version:
        return broken("không ghi phiên bản")
    if version != TEMPLATE_VERSION:
        message = MSG_UNKNOWN_VERSION.format(version=version, expected=TEMPLATE_VERSION)
        return [], _problem(ErrorCode.FIELD_INVALID, message, filename, sheet=MANIFEST_SHEET)
    if not sheets:
        return broken("không có trang đơn vị nào")
    return list(sheets.values()), None


def _renamed_sheet(extras, sheet_map: _SheetMap):
    """The unknown sheet that carries this sheet's hidden codes, if any."""
    wanted = [getattr(sheet_map, attribute) for attribute, _, _ in CODE_CELLS]
    for ws in extras:
        grid = _Grid(ws, max_row=len(CODE_CELLS), max_col=1)
        if [_text(grid.value(row, 1)) for _, row, _ in CODE_CELLS] == wanted:
            return ws
    return None


def _read_data_sheet(ws, sheet_map: _SheetMap, filename: str, result: ReadResult) -> None:
    if sheet_map.unit_code not in result.units_seen:
        result.units_seen.append(sheet_map.unit_code)
    grid = _Grid(ws, max_row=sheet_map.last_row + EXTRA_ROWS_CHECKED, max_col=HEADER_SCAN_WIDTH)
    layout = _codes_problems(grid, sheet_map, filename) + _header_problems(grid, sheet_map, filename)
    if not layout:
        row_problem = _row_problem(grid, sheet_map, filename)
        layout = [row_problem] if row_problem else []
    result.problems.extend(layout)
    if layout:
        return  # positions no longer mean what the map says: reading would misattribute values
    for index, code in enumerate(sheet_map.element_codes):
        value, problem = _read_input(grid, FIRST_ROW + index, code, sheet_map, filename)
        if problem is not None:
            result.problems.append(problem)
        elif value is not None:
            result.values.append(value)


def _codes_problems(grid: _Grid, sheet_map: _SheetMap, filename: str) -> list[Problem]:
    differences = []
    for attribute, row, label in CODE_CELLS:
        actual = _text(grid.value(row, 1))
        expected = getattr(sheet_map, attribute)
        if actual != expected:
            differences.append(f"{label} '{actual}', mẫu ghi '{expected}'")
    if not differences:
        return []
    message = MSG_CODES_CHANGED.format(detail="; ".join(differences))
    return [_problem(ErrorCode.FIELD_INVALID, message, filename, sheet=sheet_map.name, row=1, column=CODE_COLUMN)]


def _header_problems(grid: _Grid, sheet_map: _SheetMap, filename: str) -> list[Problem]:
    actual = [_text(grid.value(HEADER_ROW, column)) for column in range(1, HEADER_SCAN_WIDTH + 1)]
    problems = []
    for index, (name, _) in enumerate(COLUMNS):
        if actual[index] == name:
            continue
        letter = get_column_letter(index + 1)
        if name in actual:
            moved_to = get_column_letter(actual.index(name) + 1)
            message = MSG_COLUMN_MOVED.format(name=name, expected=letter, actual=moved_to)
        else:
            shown = f"'{actual[index]}'" if actual[index] else "trống"
            message = MSG_COLUMN_CHANGED.format(column=letter, name=name, actual=shown)
        problems.append(_problem(ErrorCode.FIELD_INVALID, message, filename, sheet=sheet_map.name, row=HEADER_ROW, column=letter))
    return problems


def _row_problem(grid: _Grid, sheet_map: _SheetMap, filename: str) -> Problem | None:
    """The first row out of place: after one, every later row is shifted, and a list of them
    would bury the one change the officer has to undo."""
    expected = sheet_map.element_codes
    present = {_text(grid.value(row, 1)) for row in range(FIRST_ROW, len(grid.rows) + 1)}
    for index, code in enumerate(expected):
        row = FIRST_ROW + index
        actual = _text(grid.value(row, 1))
        if actual == code:
            continue
        if code not in present:
            message = MSG_ROW_DELETED.format(row=row, code=code)
        elif not actual:
            message = MSG_ROW_INSERTED.format(row=row, code=code)
        elif actual in expected:
            message = MSG_ROW_MOVED.format(row=row, actual=actual, code=code)
        else:
            message = MSG_ROW_UNKNOWN.format(row=row, actual=actual, code=code)
        return _problem(ErrorCode.FIELD_INVALID, message, filename, sheet=sheet_map.name, row=row, column=CODE_COLUMN)
    for row in range(sheet_map.last_row + 1, len(grid.rows) + 1):
        if any(_text(grid.value(row, column)) for column in range(1, len(COLUMNS) + 1)):
            message = MSG_ROW_ADDED.format(row=row, last=sheet_map.last_row)
            return _problem(ErrorCode.FIELD_INVALID, message, filename, sheet=sheet_map.name, row=row)
    return None


def _read_input(grid: _Grid, row: int, code: str, sheet_map: _SheetMap, filename: str) -> tuple[RawValue | None, Problem | None]:
    cell = grid.cell(row, column_index_from_string(INPUT_COLUMN))
    ref = f"{INPUT_COLUMN}{row}"
    text, message = _input_text(cell, ref)
    if message is not None:
        return None, _problem(ErrorCode.FIELD_INVALID, message, filename, sheet=sheet_map.name, row=row, column=INPUT_COLUMN)
    if text is None:
        return None, None
    where = Location(filename, sheet_map.name, row, INPUT_COLUMN)
    comment = _note_text(grid.value(row, column_index_from_string(NOTE_COLUMN)))
    return RawValue(code, sheet_map.unit_code, sheet_map.period, text, where, comment=comment), None


def _input_text(cell, ref: str) -> tuple[str | None, str | None]:
    """(value_text, None), (None, None) for an empty cell, or (None, message)."""
    value = None if cell is None else cell.value
    if value is None:
        return None, None
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.strip().startswith("=")):
        return None, MSG_FORMULA.format(cell=ref)
    if getattr(cell, "data_type", "") == "e":
        return None, MSG_ERROR_VALUE.format(cell=ref, text=value)
    if isinstance(value, bool):  # before int: True is an int to Python
        return None, MSG_BOOLEAN.format(cell=ref, text="TRUE" if value else "FALSE")
    if isinstance(value, (datetime, date)):
        return None, MSG_DATE.format(cell=ref, text=format_date(value))
    if isinstance(value, (time, timedelta)):
        return None, MSG_DATE.format(cell=ref, text=value)
    if isinstance(value, (int, float, Decimal)):
        return number_text(Decimal(repr(value)) if isinstance(value, float) else Decimal(value)), None
    text = str(value).strip()
    if not text:
        return None, None
    try:
        number = parse_number(text)
    except ValueError:
        return None, MSG_NOT_A_NUMBER.format(cell=ref, text=text)
    if not number.is_finite():  # Decimal reads "NaN" and "Infinity"; they are not figures
        return None, MSG_NOT_A_NUMBER.format(cell=ref, text=text)
    return text, None


def number_text(number: Decimal) -> str:
    """A number cell as text that parse_number reads back to exactly this number.

    Plain decimal notation (4.8 -> "4.8", 1234.0 -> "1234"), except when the dot would be read
    as a thousands separator by the Vietnamese rule ("1.234" is 1234): then the decimal comma
    ("1,234" is 1.234).
    """
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if parse_number(text) != number:
        text = text.replace(".", ",")
    return text


def _note_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number_text(Decimal(repr(value)))
    return str(value).strip()


def _text(value) -> str:
    """A code or header as text: numbers LibreOffice or a user turned into numbers read back as
    their digits, Unicode in one normal form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _megabytes(size: int) -> str:
    return format_number(size / (1024 * 1024), 1 if size % (1024 * 1024) else 0)


def _problem(code: ErrorCode, message: str, filename: str, *, sheet: str = "", row: int | None = None, column: str = "") -> Problem:
    return Problem(code, message, where=str(Location(filename, sheet, row, column)))
