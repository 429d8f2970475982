"""The Excel template: what an office receives, and what ansinh reads back from it.

Files are filled the way an office would (openpyxl standing in for Excel), then read. Pure
code: no database.
"""

import io
import shutil
import subprocess
import zipfile
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from ansinh.core.errors import ErrorCode
from ansinh.core.vnformat import parse_number
from ansinh.datavalues import excel
from ansinh.datavalues.excel import (
    MANIFEST_SHEET,
    TEMPLATE_VERSION,
    TemplateElement,
    TemplateSheet,
    read_workbook,
    sheet_names,
    write_workbook,
)
from ansinh.datavalues.rows import Location, RawValue

FILE = "duc-pho.xlsx"
SHEET = "Xã Đức Phổ"


def element(code, value_type="integer", **fields):
    return TemplateElement(code, f"Chỉ tiêu {code}", "hộ" if value_type == "integer" else "%", value_type, **fields)


def unit_sheet(unit_code="21439", unit_name=SHEET, elements=None):
    elements = elements if elements is not None else [element("E1"), element("E2", "number"), element("E3")]
    return TemplateSheet(unit_code, unit_name, "2025S1", "6 tháng đầu năm 2025", "GN", "Giảm nghèo bền vững", elements)


def template(*sheets):
    return write_workbook(list(sheets) or [unit_sheet()], title="Mẫu nhập số liệu giảm nghèo", generated_at="01/07/2025 08:00")


def edit(content, change):
    """Open, change and save the way a person with a spreadsheet program would."""
    workbook = load_workbook(io.BytesIO(content))
    change(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fill(content, cells, sheet=SHEET):
    def change(workbook):
        for ref, value in cells.items():
            workbook[sheet][ref] = value

    return edit(content, change)


def at(row=None, column="", sheet=SHEET, file=FILE):
    return str(Location(file, sheet, row, column))


def problems_of(result):
    return [(problem.code, problem.where, problem.message) for problem in result.problems]


def value(code, text, row, unit="21439", sheet=SHEET, comment=""):
    return RawValue(code, unit, "2025S1", text, Location(FILE, sheet, row, "F"), comment=comment)


# --- Round trips ----------------------------------------------------------------------------


def test_round_trip_returns_exactly_the_entered_values_with_their_cells():
    # given a template filled in F7 (integer), F8 (decimal) with a note, F9 left empty
    content = fill(template(), {"F7": 12, "F8": 4.8, "G8": "tăng do rà soát lại"})

    # when it is read
    result = read_workbook(content, FILE)

    # then the two entered values come back, located, with codes from the template
    assert result.problems == []
    assert result.values == [value("E1", "12", 7), value("E2", "4.8", 8, comment="tăng do rà soát lại")]
    assert result.units_seen == ["21439"]


def test_prefilled_values_are_written_in_place_and_read_back_as_entered():
    # given elements with last period's value and an already entered value
    sheet = unit_sheet(elements=[
        element("E1", previous=Decimal(120), current=Decimal(118), comment="đã kiểm tra"),
        element("E2", "number", previous=Decimal("4.8"), current=Decimal("4.25")),
    ])

    # when the template is written and read back untouched
    content = template(sheet)
    workbook = load_workbook(io.BytesIO(content))
    result = read_workbook(content, FILE)

    # then "Kỳ trước" shows the previous value, the input cell the current one, and only the
    # input cells are read
    ws = workbook[SHEET]
    assert [ws["E7"].value, ws["F7"].value, ws["G7"].value] == [120, 118, "đã kiểm tra"]
    assert [ws["E8"].value, ws["F8"].value] == [4.8, 4.25]
    assert result.problems == []
    assert result.values == [value("E1", "118", 7, comment="đã kiểm tra"), value("E2", "4.25", 8)]


def test_multi_sheet_workbook_reads_every_unit_from_its_own_sheet():
    # given a workbook for three communes, two of them filled
    sheets = [unit_sheet("21439", "Xã Đức Phổ"), unit_sheet("21440", "Phường Sa Huỳnh"), unit_sheet("21441", "Xã Phổ An")]
    content = fill(template(*sheets), {"F7": 1}, sheet="Xã Đức Phổ")
    content = fill(content, {"F9": 3}, sheet="Xã Phổ An")

    # when it is read
    result = read_workbook(content, FILE)

    # then values carry each sheet's unit, and the empty sheet is still a unit seen
    assert result.problems == []
    assert result.values == [value("E1", "1", 7), value("E3", "3", 9, unit="21441", sheet="Xã Phổ An")]
    assert result.units_seen == ["21439", "21440", "21441"]


def test_sheets_in_another_order_are_read_by_name():
    # given a three-unit workbook whose sheets were reordered
    sheets = [unit_sheet("21439", "Xã Đức Phổ"), unit_sheet("21440", "Phường Sa Huỳnh"), unit_sheet("21441", "Xã Phổ An")]
    content = fill(template(*sheets), {"F7": 5}, sheet="Xã Phổ An")
    content = edit(content, lambda wb: wb.move_sheet("Xã Phổ An", offset=-2))
    assert load_workbook(io.BytesIO(content)).sheetnames[1] == "Xã Phổ An"

    # when it is read
    result = read_workbook(content, FILE)

    # then nothing is wrong and the value belongs to its unit
    assert result.problems == []
    assert result.values == [value("E1", "5", 7, unit="21441", sheet="Xã Phổ An")]


def test_empty_and_blank_input_cells_give_no_value_and_notes_alone_are_not_values():
    # given one value, one cell holding only spaces, and a note beside an empty cell
    content = fill(template(), {"F7": 0, "F8": "   ", "G9": "chưa có số liệu"})

    # when it is read
    result = read_workbook(content, FILE)

    # then only the zero is a value
    assert result.problems == []
    assert result.values == [value("E1", "0", 7)]


@pytest.mark.parametrize(
    ("typed", "value_text", "number"),
    [("4,8", "4,8", "4.8"), ("1.234", "1.234", "1234"), (" 1.234,5 ", "1.234,5", "1234.5"), ("12\u00a0", "12", "12")],
)
def test_text_in_vietnamese_notation_is_passed_through_for_parse_number(typed, value_text, number):
    # given a number typed as text, the Vietnamese way
    content = fill(template(), {"F8": typed})

    # when it is read
    result = read_workbook(content, FILE)

    # then the text is passed on, stripped, and parse_number reads the intended number
    assert result.problems == []
    assert result.values == [value("E2", value_text, 8)]
    assert parse_number(result.values[0].value_text) == Decimal(number)


@pytest.mark.parametrize(
    ("cell_value", "value_text"),
    [(4.8, "4.8"), (1234.0, "1234"), (1234, "1234"), (0.5, "0.5"), (1.234, "1,234"), (0.125, "0.125"), (1e-7, "0.0000001"), (0, "0")],
)
def test_number_cells_are_read_exactly_and_in_a_form_parse_number_reads_back(cell_value, value_text):
    # given a number cell (the decimal comma appears only where the dot would mean thousands)
    content = fill(template(), {"F8": cell_value})

    # when it is read
    result = read_workbook(content, FILE)

    # then the text is exact and parse_number gives the cell's number, not a thousandfold one
    assert result.values == [value("E2", value_text, 8)]
    assert parse_number(value_text) == Decimal(repr(cell_value))


# --- Bad cells --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell_value", "message"),
    [
        ("abc", "ô F7: 'abc' không phải là số"),
        ("NaN", "ô F7: 'NaN' không phải là số"),
        ("12 hộ", "ô F7: '12 hộ' không phải là số"),
        ("=E7*2", "ô F7 chứa công thức; hãy nhập giá trị số"),
        (True, "ô F7 chứa giá trị đúng/sai (TRUE); hãy nhập giá trị số"),
        (datetime(2025, 7, 1), "ô F7 chứa ngày/giờ (01/07/2025); hãy nhập giá trị số"),
    ],
)
def test_a_cell_that_is_not_a_number_is_refused_at_its_place(cell_value, message):
    # given F7 holding text, a formula, a boolean or a date, and a good value in F8
    content = fill(template(), {"F7": cell_value, "F8": 2})

    # when it is read
    result = read_workbook(content, FILE)

    # then F7 is one located problem and F8 is still read
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(7, "F"), message)]
    assert result.values == [value("E2", "2", 8)]


def test_text_starting_with_an_equals_sign_is_treated_as_a_formula():
    # given a formula stored as text (as pasted from another program)
    def change(workbook):
        cell = workbook[SHEET]["F7"]
        cell.value = "=SUM(1;2)"
        cell.data_type = "s"

    # when it is read
    result = read_workbook(edit(template(), change), FILE)

    # then it is refused like a formula
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(7, "F"), "ô F7 chứa công thức; hãy nhập giá trị số")]


# --- Changed layout -------------------------------------------------------------------------


def test_renamed_sheet_is_refused_naming_both_names():
    # given the unit's sheet renamed, with a value in it
    content = fill(template(), {"F7": 1})
    content = edit(content, lambda wb: setattr(wb[SHEET], "title", "Duc Pho"))

    # when it is read
    result = read_workbook(content, FILE)

    # then one problem says what to rename it back to, and nothing is read
    message = "trang 'Xã Đức Phổ' (đơn vị mã 21439) đã bị đổi tên thành 'Duc Pho'; hãy đặt lại tên 'Xã Đức Phổ'"
    assert problems_of(result) == [(ErrorCode.FIELD_MISSING, at(sheet="Duc Pho"), message)]
    assert result.values == []
    assert result.units_seen == []


def test_deleted_sheet_is_refused_naming_the_expected_sheet():
    # given a two-unit workbook with one sheet deleted
    content = template(unit_sheet(), unit_sheet("21440", "Phường Sa Huỳnh"))
    content = edit(content, lambda wb: wb.remove(wb["Phường Sa Huỳnh"]))

    # when it is read
    result = read_workbook(content, FILE)

    # then the missing sheet is named
    message = (
        "thiếu trang 'Phường Sa Huỳnh' (đơn vị mã 21440); trang đã bị đổi tên hoặc xoá — "
        "hãy giữ nguyên tên trang như trong mẫu"
    )
    assert problems_of(result) == [(ErrorCode.FIELD_MISSING, at(sheet=""), message)]
    assert result.units_seen == ["21439"]


def test_an_added_sheet_with_content_is_refused_and_an_empty_one_ignored():
    # given two added sheets, one with figures and one empty
    def change(workbook):
        workbook.create_sheet("Nháp")["B2"] = 15
        workbook.create_sheet("Sheet1")

    # when it is read
    result = read_workbook(edit(template(), change), FILE)

    # then only the sheet with content is refused, by name
    message = "trang 'Nháp' không có trong mẫu; hãy xoá trang này hoặc chuyển số liệu vào đúng trang của đơn vị"
    assert problems_of(result) == [(ErrorCode.FIELD_UNKNOWN, at(sheet="Nháp"), message)]


def test_moved_column_is_refused_naming_the_column_and_where_it_went():
    # given the input column moved from F to H
    content = fill(template(), {"F7": 1})
    content = edit(content, lambda wb: wb[SHEET].move_range("F6:F9", cols=2))

    # when it is read
    result = read_workbook(content, FILE)

    # then the column is named, and no value is read from a sheet whose columns moved
    message = "cột 'Giá trị kỳ này' đã bị chuyển từ cột F sang cột H; hãy giữ nguyên thứ tự cột như trong mẫu"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(6, "F"), message)]
    assert result.values == []


def test_renamed_column_header_is_refused_naming_the_column():
    # given the header "Đơn vị tính" shortened
    content = fill(template(), {"D6": "ĐVT", "F7": 1})

    # when it is read
    result = read_workbook(content, FILE)

    # then
    message = "cột D: tiêu đề phải là 'Đơn vị tính' (đang là 'ĐVT'); không đổi tên, thêm, xoá hay di chuyển cột"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(6, "D"), message)]
    assert result.values == []


def test_deleted_row_is_refused_naming_the_row_and_the_missing_element():
    # given row 8 (element E2) deleted, values below it moved up
    content = fill(template(), {"F9": 3})
    content = edit(content, lambda wb: wb[SHEET].delete_rows(8))

    # when it is read
    result = read_workbook(content, FILE)

    # then E3's value is not attributed to E2: the sheet is refused at row 8
    message = "dòng 8: thiếu chỉ tiêu mã 'E2' — dòng đã bị xoá; không xoá, chèn hay di chuyển dòng"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(8, "A"), message)]
    assert result.values == []


def test_inserted_row_is_refused():
    # given an empty row inserted above row 8
    content = edit(template(), lambda wb: wb[SHEET].insert_rows(8))

    # when it is read
    result = read_workbook(content, FILE)

    # then
    message = "dòng 8: dòng chèn thêm, không có trong mẫu (ở đây phải là chỉ tiêu mã 'E2')"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(8, "A"), message)]


def test_moved_row_is_refused():
    # given rows 7 and 8 swapped (codes travel with their rows)
    def change(workbook):
        ws = workbook[SHEET]
        for column in "ABCDEFG":
            ws[f"{column}7"].value, ws[f"{column}8"].value = ws[f"{column}8"].value, ws[f"{column}7"].value

    # when it is read
    result = read_workbook(edit(template(), change), FILE)

    # then
    message = "dòng 7: chỉ tiêu mã 'E2' nằm sai chỗ (ở đây phải là chỉ tiêu mã 'E1') — dòng đã bị di chuyển"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(7, "A"), message)]


def test_row_added_below_the_table_is_refused():
    # given a new indicator typed under the last row (9)
    content = fill(template(), {"C11": "Chỉ tiêu tự thêm", "F11": 5})

    # when it is read
    result = read_workbook(content, FILE)

    # then
    message = "dòng 11: có nội dung bên dưới bảng của mẫu (bảng kết thúc ở dòng 9); không thêm dòng — hãy xoá nội dung này"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(11), message)]


def test_sheet_with_codes_of_another_template_is_refused():
    # given a sheet whose hidden unit code differs from the map (pasted from another file)
    content = fill(template(), {"A1": "21500", "F7": 1})

    # when it is read
    result = read_workbook(content, FILE)

    # then
    message = (
        "mã ẩn của trang không khớp với mẫu (mã đơn vị '21500', mẫu ghi '21439'); trang có thể đã được "
        "chép từ tệp khác — hãy điền vào đúng tệp đã tải về"
    )
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(1, "A"), message)]
    assert result.values == []


# --- Whole-file refusals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "không phải tệp Excel .xlsx; hãy tải lên tệp mẫu đã điền, lưu dưới dạng .xlsx"),
        ("Mã;Giá trị\nE1;4,8\n".encode(), "không phải tệp Excel .xlsx; hãy tải lên tệp mẫu đã điền, lưu dưới dạng .xlsx"),
        (b"", "tệp rỗng (0 byte)"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
            "đây là tệp Excel 97–2003 (.xls) hoặc tệp có đặt mật khẩu; hãy mở tệp, bỏ mật khẩu nếu có "
            "và lưu lại dưới dạng “Excel Workbook (.xlsx)”",
        ),
    ],
    ids=["png", "csv", "empty-file", "xls"],
)
def test_a_file_that_is_not_xlsx_gives_one_problem_and_no_values(content, message):
    # when a PNG, a CSV, an empty file or an old .xls renamed .xlsx is read
    result = read_workbook(content, FILE)

    # then
    assert problems_of(result) == [(ErrorCode.FILE_UNREADABLE, f"tệp {FILE}", message)]
    assert result.values == []


def test_an_ods_file_is_told_to_be_saved_as_xlsx():
    # given a zip carrying the OpenDocument mimetype, as LibreOffice's own format does
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")

    # when it is read
    result = read_workbook(buffer.getvalue(), FILE)

    # then
    message = "đây là tệp LibreOffice (.ods); hãy chọn “Lưu thành” > “Excel 2007-365 (.xlsx)” rồi tải lên lại"
    assert problems_of(result) == [(ErrorCode.FILE_UNREADABLE, f"tệp {FILE}", message)]


def test_a_damaged_xlsx_is_refused_as_corrupt():
    # given a template whose workbook part was overwritten with garbage
    source = zipfile.ZipFile(io.BytesIO(template()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as damaged:
        for info in source.infolist():
            damaged.writestr(info.filename, b"<not xml" if info.filename == "xl/workbook.xml" else source.read(info))

    # when it is read
    result = read_workbook(buffer.getvalue(), FILE)

    # then
    assert problems_of(result) == [(ErrorCode.FILE_UNREADABLE, f"tệp {FILE}", excel.MSG_CORRUPT)]


def test_a_50_mb_file_is_refused_by_size_before_any_parsing(monkeypatch):
    # given 50 MB of bytes, and parsers that must not be reached
    def must_not_parse(*args, **kwargs):
        raise AssertionError("parsed a file that is too large")

    monkeypatch.setattr(excel, "load_workbook", must_not_parse)
    monkeypatch.setattr(excel.zipfile, "ZipFile", must_not_parse)

    # when it is read
    result = read_workbook(bytes(50 * 1024 * 1024), FILE)

    # then
    assert problems_of(result) == [(ErrorCode.FILE_UNREADABLE, f"tệp {FILE}", "tệp nặng 50 MB, vượt giới hạn 45 MB cho một tệp")]


def test_empty_workbook_is_refused():
    # given a workbook saved with nothing in it
    buffer = io.BytesIO()
    Workbook().save(buffer)

    # when it is read
    result = read_workbook(buffer.getvalue(), FILE)

    # then
    assert problems_of(result) == [(ErrorCode.FILE_UNREADABLE, f"tệp {FILE}", "bảng tính trống, không trang nào có dữ liệu")]


def test_a_workbook_that_is_not_an_ansinh_template_is_refused():
    # given an office's own spreadsheet with figures
    workbook = Workbook()
    workbook.active.append(["Chỉ tiêu", "Giá trị"])
    workbook.active.append(["Số hộ nghèo", 12])
    buffer = io.BytesIO()
    workbook.save(buffer)

    # when it is read
    result = read_workbook(buffer.getvalue(), FILE)

    # then
    message = (
        "không phải mẫu nhập liệu của ansinh (không có trang kỹ thuật “_ansinh”); "
        "hãy tải mẫu từ ansinh, điền vào chính mẫu đó rồi tải lên"
    )
    assert problems_of(result) == [(ErrorCode.FILE_UNREADABLE, f"tệp {FILE}", message)]


def test_unknown_template_version_is_refused():
    # given a map claiming a later layout
    content = edit(template(), lambda wb: wb[MANIFEST_SHEET].cell(row=2, column=2, value="ansinh-xlsx/9"))

    # when it is read
    result = read_workbook(content, FILE)

    # then
    message = "mẫu phiên bản 'ansinh-xlsx/9' không được hỗ trợ (ansinh đọc phiên bản 'ansinh-xlsx/1'); hãy tải mẫu mới"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(sheet=MANIFEST_SHEET), message)]


def test_a_damaged_map_is_refused():
    # given a map whose sheet record was cleared
    def change(workbook):
        ws = workbook[MANIFEST_SHEET]
        for row in ws.iter_rows():
            if row[0].value == "sheet":
                for cell in row:
                    cell.value = None

    # when it is read
    result = read_workbook(edit(template(), change), FILE)

    # then
    message = "trang kỹ thuật “_ansinh” bị hỏng (chỉ tiêu 'E1' ghi cho trang 'Xã Đức Phổ' chưa được liệt kê); hãy tải mẫu mới"
    assert problems_of(result) == [(ErrorCode.FIELD_INVALID, at(sheet=MANIFEST_SHEET), message)]


# --- The template as written ------------------------------------------------------------------


def test_template_layout_codes_protection_validation_and_print_setup():
    # given a template with an integer and a decimal element
    content = template(unit_sheet(elements=[element("E1"), element("E2", "number")]))

    # when it is opened
    workbook = load_workbook(io.BytesIO(content))
    ws = workbook[SHEET]

    # then: instructions first, the map very hidden, the structure locked
    assert workbook.sheetnames == ["Hướng dẫn", SHEET, MANIFEST_SHEET]
    assert workbook[MANIFEST_SHEET].sheet_state == "veryHidden"
    assert workbook.security.lockStructure is True
    guide = [cell.value for row in workbook["Hướng dẫn"].iter_rows() for cell in row if cell.value]
    assert "01/07/2025 08:00" in guide and TEMPLATE_VERSION in guide and "Giảm nghèo bền vững" in guide
    # the title block, the header and the hidden codes
    assert [ws["B1"].value, ws["B2"].value, ws["B3"].value] == ["Giảm nghèo bền vững", f"Đơn vị: {SHEET}", "Kỳ báo cáo: 6 tháng đầu năm 2025"]
    assert [ws.cell(row=6, column=column).value for column in range(1, 8)] == [
        "Mã", "STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ trước", "Giá trị kỳ này", "Ghi chú",
    ]
    assert [ws["A1"].value, ws["A2"].value, ws["A3"].value, ws["A7"].value, ws["A8"].value] == ["21439", "2025S1", "GN", "E1", "E2"]
    assert ws.column_dimensions["A"].hidden is True
    assert ws.freeze_panes == "A7"
    # only the yellow input and note cells are unlocked
    assert ws.protection.sheet is True
    assert [ws[ref].protection.locked for ref in ("C7", "E7", "F7", "G7")] == [True, True, False, False]
    assert ws["F7"].fill.fgColor.rgb == "00FFFF99"
    assert [ws["F7"].number_format, ws["F8"].number_format] == ["#,##0", "#,##0.##"]
    assert {ws[ref].font.name for ref in ("B1", "C7", "F7")} == {"Times New Roman"}
    # validation per type, with a Vietnamese message
    rules = {(rule.type, str(rule.sqref), rule.operator, rule.formula1) for rule in ws.data_validations.dataValidation}
    assert rules == {("whole", "F7", "greaterThanOrEqual", "0"), ("decimal", "F8", "greaterThanOrEqual", "0")}
    assert all(rule.showErrorMessage and rule.error and rule.prompt for rule in ws.data_validations.dataValidation)
    # A4 landscape, one page wide
    assert (ws.page_setup.paperSize, ws.page_setup.orientation, ws.page_setup.fitToWidth) == (9, "landscape", 1)
    # the map
    records = [tuple(v for v in row if v is not None) for row in workbook[MANIFEST_SHEET].iter_rows(values_only=True)]
    assert ("version", TEMPLATE_VERSION) in records
    assert ("sheet", SHEET, "21439", "2025S1", "GN") in records
    assert [r for r in records if r[0] == "element"] == [("element", SHEET, "E1"), ("element", SHEET, "E2")]


def test_sheet_names_are_excel_valid_and_unique():
    # given unit names with forbidden characters, too long, repeated, or reserved by the template
    sheets = [
        unit_sheet("1", "Phường: Trần/Hưng*Đạo?"),
        unit_sheet("2", "Xã có tên rất dài vượt quá ba mươi mốt ký tự"),
        unit_sheet("3", "Xã có tên rất dài vượt quá ba mươi mốt ký tự"),
        unit_sheet("4", "xã đức phổ"),
        unit_sheet("5", "Xã Đức Phổ"),
        unit_sheet("6", "Hướng dẫn"),
    ]

    # when names are chosen
    names = sheet_names(sheets)

    # then
    assert names == [
        "Phường Trần Hưng Đạo",
        "Xã có tên rất dài vượt quá ba m",
        "Xã có tên rất dài vượt quá (2)",
        "xã đức phổ",
        "Xã Đức Phổ (2)",
        "Hướng dẫn (2)",
    ]
    assert all(len(name) <= 31 for name in names)


def test_a_unit_name_that_looks_like_a_formula_is_written_as_text():
    # given a unit whose name starts with "="
    content = template(unit_sheet(unit_name="=HYPERLINK(\"x\")"))

    # when it is opened
    ws = load_workbook(io.BytesIO(content))["=HYPERLINK(\"x\")"]

    # then the title is text, not a formula
    assert (ws["B2"].value, ws["B2"].data_type) == ("Đơn vị: =HYPERLINK(\"x\")", "s")


@pytest.mark.parametrize(
    "sheets",
    [[], [unit_sheet(elements=[element("E1"), element("E1")])], [unit_sheet(elements=[element("E1", "text")])]],
    ids=["no-sheet", "duplicate-code", "unknown-type"],
)
def test_writer_refuses_what_the_reader_could_not_map_back(sheets):
    with pytest.raises(ValueError):
        write_workbook(sheets, title="x", generated_at="x")


# --- LibreOffice --------------------------------------------------------------------------------


def test_workbook_stripped_the_way_libreoffice_may_save_it_is_still_read():
    # given a filled template that lost the very hidden state, the protections, the validation
    # and the defined names (what a round trip through another program can drop)
    def strip(workbook):
        workbook[MANIFEST_SHEET].sheet_state = "hidden"
        workbook.security = None
        for ws in workbook.worksheets:
            ws.protection.sheet = False
            ws.data_validations.dataValidation = []
            ws.print_title_rows = None
        for name in list(workbook.defined_names):
            del workbook.defined_names[name]

    content = edit(fill(template(), {"F7": 7, "F8": "4,8"}), strip)

    # when it is read
    result = read_workbook(content, FILE)

    # then the cell contents are enough
    assert result.problems == []
    assert result.values == [value("E1", "7", 7), value("E2", "4,8", 8)]


def test_workbook_saved_again_by_libreoffice_is_read(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed on this machine: the xlsx -> xlsx round trip through it is not tested")
    # given a filled template converted xlsx -> xlsx by LibreOffice
    source = tmp_path / "in" / FILE
    source.parent.mkdir()
    source.write_bytes(fill(template(), {"F7": 7, "F8": 4.8, "G8": "ghi chú"}))
    out = tmp_path / "out"
    command = [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)

    # when the converted file is read
    result = read_workbook((out / FILE).read_bytes(), FILE)

    # then the values come back as entered
    assert result.problems == []
    assert result.values == [value("E1", "7", 7), value("E2", "4.8", 8, comment="ghi chú")]
