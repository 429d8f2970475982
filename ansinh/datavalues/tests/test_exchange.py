"""Data exchange files (ansinh.datavalues.exchange): ansinh's CSV layout and DHIS2 dataValueSets
JSON. Pure code: no database, no Django."""

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.core.errors import ErrorCode
from ansinh.core.vnformat import parse_number
from ansinh.datavalues import rows
from ansinh.datavalues.exchange import (
    CSV_COLUMNS,
    DEFAULT_CATEGORY_COMBO,
    ExportValue,
    read_csv,
    read_dhis2_json,
    write_csv,
    write_dhis2_json,
)
from ansinh.datavalues.rows import Location

HEADER = ",".join(CSV_COLUMNS)
MACHINE_NUMBER_HINT = "không phải là số dạng máy: dùng dấu chấm thập phân, không phân cách hàng nghìn, không dạng mũ (ví dụ 1234.5)"
FORMULA_HINT = "trông như công thức bảng tính; chỉ nhận số (công thức không được tính khi nhập và có thể gây hại khi mở tệp)"
PERIOD_HINT = "không hợp lệ; dùng dạng 2025 (năm), 2025S1 (6 tháng), 2025Q3 (quý) hoặc 202507 (tháng)"

SAMPLE = [
    ExportValue("HO_NGHEO", "21439", "2025", Decimal("4.8"), comment="Theo rà soát, cuối năm"),
    ExportValue("HO_NGHEO", "21439", "2025S1", Decimal("1234567")),
    ExportValue("TRE_EM", "21439", "2025Q3", Decimal("0.125"), category="sex:female", comment='Ghi chú có "ngoặc kép", dấu phẩy; và dòng\nmới'),
    ExportValue("TRE_EM", "21439", "2025Q3", Decimal("17.50"), category="sex:male"),
    ExportValue("TRE_EM", "00001", "202507", Decimal("-5"), stored_by="can-bo-xa", last_updated="2025-08-01T09:30:00"),
]


def csv_file(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def json_file(document: object) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def problems(result) -> list[tuple[ErrorCode, str, str]]:
    return [(problem.code, problem.where, problem.message) for problem in result.problems]


def as_read(raw) -> tuple[str, str, str, str, str, str]:
    """What a caller gets: codes, period, category, comment and the number parse_number reads."""
    return (raw.element_code, raw.unit_code, raw.period, raw.category, raw.comment, str(parse_number(raw.value_text)))


def as_written(value: ExportValue) -> tuple[str, str, str, str, str, str]:
    return (value.element_code, value.unit_code, value.period, value.category, value.comment, str(value.value))


# --- writers -------------------------------------------------------------------------------


def test_write_csv_gives_bom_header_crlf_machine_numbers_and_quotes_only_where_needed():
    # when
    content = write_csv(SAMPLE[:3])
    # then
    assert content == (
        "\ufeffdata_element,period,org_unit,category,value,comment\r\n"
        'HO_NGHEO,2025,21439,,4.8,"Theo rà soát, cuối năm"\r\n'
        "HO_NGHEO,2025S1,21439,,1234567,\r\n"
        'TRE_EM,2025Q3,21439,sex:female,0.125,"Ghi chú có ""ngoặc kép"", dấu phẩy; và dòng\nmới"\r\n'
    ).encode("utf-8")


def test_write_csv_guards_text_that_a_spreadsheet_would_run_as_a_formula():
    # given a comment that Excel would evaluate
    values = [ExportValue("A", "01", "2025", Decimal("1"), comment="=HYPERLINK(\"http://x\")")]
    # when
    content = write_csv(values)
    # then the cell starts with an apostrophe, and the value cell "-5"-like numbers are untouched
    assert content.decode("utf-8-sig").splitlines()[1] == 'A,2025,01,,1,"\'=HYPERLINK(""http://x"")"'


def test_write_csv_writes_fixed_point_never_an_exponent():
    # given a Decimal that Python prints as 1.2E+7
    values = [ExportValue("A", "01", "2025", Decimal("1.2E+7"))]
    # then
    assert write_csv(values).decode("utf-8-sig").splitlines()[1] == "A,2025,01,,12000000,"


def test_write_dhis2_json_uses_dhis2_keys_and_leaves_out_empty_optional_ones():
    # when
    document = json.loads(write_dhis2_json([SAMPLE[0], SAMPLE[2], SAMPLE[4]], complete_date="2025-12-31"))
    # then
    assert document == {
        "completeDate": "2025-12-31",
        "dataValues": [
            {"dataElement": "HO_NGHEO", "period": "2025", "orgUnit": "21439", "value": "4.8", "comment": "Theo rà soát, cuối năm"},
            {
                "dataElement": "TRE_EM", "period": "2025Q3", "orgUnit": "21439", "categoryOptionCombo": "sex:female",
                "value": "0.125", "comment": 'Ghi chú có "ngoặc kép", dấu phẩy; và dòng\nmới',
            },
            {"dataElement": "TRE_EM", "period": "202507", "orgUnit": "00001", "value": "-5", "storedBy": "can-bo-xa", "lastUpdated": "2025-08-01T09:30:00"},
        ],
    }


def test_write_dhis2_json_writes_utf8_one_value_per_line_and_an_empty_list():
    # when
    content = write_dhis2_json([SAMPLE[1]])
    # then
    assert content == b'{"dataValues": [\n{"dataElement": "HO_NGHEO", "period": "2025S1", "orgUnit": "21439", "value": "1234567"}\n]}\n'
    assert write_dhis2_json([]) == b'{"dataValues": []}\n'
    assert "rà soát".encode() in write_dhis2_json([SAMPLE[0]])


# --- round trips ---------------------------------------------------------------------------


def test_csv_round_trip_keeps_codes_periods_categories_comments_and_exact_values():
    # when
    result = read_csv(write_csv(SAMPLE), "xuat.csv")
    # then "4.8" comes back as 4.8 (not 48), "17.50" keeps its trailing zero
    assert problems(result) == []
    assert [as_read(raw) for raw in result.values] == [as_written(value) for value in SAMPLE]
    assert [raw.where for raw in result.values] == [Location("xuat.csv", row=row) for row in (2, 3, 4, 5, 6)]
    assert result.units_seen == ["21439", "00001"]


def test_json_round_trip_keeps_codes_periods_categories_comments_and_exact_values():
    # when
    result = read_dhis2_json(write_dhis2_json(SAMPLE, complete_date="2025-12-31"), "xuat.json")
    # then
    assert problems(result) == []
    assert [as_read(raw) for raw in result.values] == [as_written(value) for value in SAMPLE]
    assert [raw.where for raw in result.values] == [Location("xuat.json", item=item) for item in (1, 2, 3, 4, 5)]


def test_machine_values_reach_the_caller_as_text_parse_number_reads_exactly():
    # given machine-format values whose "." parse_number alone would take for a thousands mark
    content = csv_file(HEADER, "A,2025,01,,1.234,", "B,2025,01,,1234567.80,", "C,2025,01,,-0.5,", "D,2025,01,,+7,")
    # when
    result = read_csv(content, "may.csv")
    # then 1.234 is one point two three four
    assert [raw.value_text for raw in result.values] == ["1,234", "1234567,80", "-0,5", "+7"]
    assert [parse_number(raw.value_text) for raw in result.values] == [Decimal("1.234"), Decimal("1234567.80"), Decimal("-0.5"), Decimal("7")]


@given(
    st.lists(
        st.builds(
            ExportValue,
            element_code=st.text("ABCXYZ_019-", min_size=1, max_size=8),
            unit_code=st.text("0123456789", min_size=2, max_size=5),
            period=st.sampled_from(["2024", "2025S1", "2025S2", "2025Q1", "2025Q4", "202501", "202512"]),
            value=st.integers(0, 6).flatmap(lambda places: st.decimals(-(10**12), 10**12, places=places, allow_nan=False, allow_infinity=False)),
            category=st.sampled_from(["", "sex:female", "sex:male", "age:0-5", "=x", "'-y"]),
            comment=st.text(max_size=40).map(str.strip),
        ),
        max_size=15,
        unique_by=lambda v: (v.element_code, v.period, v.unit_code, v.category),
    )
)
@settings(max_examples=150, deadline=None)
def test_any_valid_values_round_trip_through_both_formats(values):
    # when
    from_csv = read_csv(write_csv(values), "a.csv")
    from_json = read_dhis2_json(write_dhis2_json(values), "a.json")
    # then
    assert problems(from_csv) == [] and problems(from_json) == []
    assert [as_read(raw) for raw in from_csv.values] == [as_written(value) for value in values]
    assert [as_read(raw) for raw in from_json.values] == [as_written(value) for value in values]


# --- CSV: separators and numbers -------------------------------------------------------------


def test_semicolon_csv_reads_vietnamese_numbers_and_keeps_them_as_written():
    # given a CSV as Vietnamese Excel saves it: ";" separator, "," decimal, "." thousands
    content = csv_file("data_element;period;org_unit;category;value;comment", "A;2025;01;;4,8;tỷ lệ", "B;2025;01;;1.234;", "C;2025;01;;1.234,5;", "D;2025;01;;-5;")
    # when
    result = read_csv(content, "excel.csv")
    # then
    assert problems(result) == []
    assert [raw.value_text for raw in result.values] == ["4,8", "1.234", "1.234,5", "-5"]
    assert [parse_number(raw.value_text) for raw in result.values] == [Decimal("4.8"), Decimal("1234"), Decimal("1234.5"), Decimal("-5")]
    assert result.values[0].comment == "tỷ lệ"


def test_a_superscript_digit_in_a_semicolon_csv_is_refused_with_a_message_not_a_crash():
    # given "²", a digit to str.isdigit but no number (it crashed the reader, found in review)
    content = csv_file("data_element;period;org_unit;category;value;comment", "A;2025;01;;²;")
    # when
    result = read_csv(content, "excel.csv")
    # then
    assert result.values == [] and "không phải là số" in problems(result)[0][2]


def test_header_names_are_read_in_any_order_and_case_and_optional_columns_may_be_left_out():
    # given
    content = csv_file(" Value ,ORG_UNIT,period,data_element", "12,01,2025,A")
    # when
    result = read_csv(content, "a.csv")
    # then
    assert problems(result) == []
    assert [as_read(raw) for raw in result.values] == [("A", "01", "2025", "", "", "12")]


def test_blank_rows_are_skipped_and_later_rows_keep_their_spreadsheet_number():
    # given an empty line and an Excel ";;;;;" row
    content = csv_file("data_element;period;org_unit;category;value;comment", "", ";;;;;", "A;2025;01;;1;")
    # when
    result = read_csv(content, "a.csv")
    # then
    assert problems(result) == []
    assert [raw.where for raw in result.values] == [Location("a.csv", row=4)]


def test_a_row_location_built_the_fast_way_is_the_same_location():
    fast = Location.of_row("a.csv", 4)
    assert fast == Location("a.csv", row=4) and type(fast) is Location
    assert (fast.file, fast.row, fast.item, str(fast)) == ("a.csv", 4, None, "tệp a.csv, dòng 4")


def test_dhis2_default_category_combo_means_no_category():
    # given
    content = csv_file(HEADER, "A,2025,01,default,1,")
    # when
    result = read_csv(content, "a.csv")
    # then
    assert [raw.category for raw in result.values] == [DEFAULT_CATEGORY_COMBO]


# --- CSV: refused files ------------------------------------------------------------------------


def test_csv_larger_than_the_upload_limit_is_refused_before_parsing():
    # given 46 MB that would otherwise also be refused as not UTF-8
    content = csv_file(HEADER) + b"\xff" * (46 * 1024 * 1024)
    assert len(content) > rows.MAX_UPLOAD_BYTES
    # when
    result = read_csv(content, "to.csv")
    # then only the size is reported: the bytes were never decoded
    assert problems(result) == [(ErrorCode.FILE_UNREADABLE, "tệp to.csv", "tệp nặng 46,0 MB, vượt giới hạn 45 MB; hãy chia thành nhiều tệp nhỏ hơn")]
    assert result.values == []


def test_csv_not_in_utf8_is_refused_naming_the_line():
    # given a file saved in the Windows Vietnamese code page
    content = csv_file(HEADER, "A,2025,01,,1,ghi chú", encoding="cp1258")
    # when
    result = read_csv(content, "ansi.csv")
    # then
    assert problems(result) == [
        (ErrorCode.FILE_UNREADABLE, "tệp ansi.csv", 'tệp không phải văn bản UTF-8 (gặp byte lạ ở dòng 2); trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"')
    ]


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b" \r\n\r\n"])
def test_empty_csv_is_refused(content):
    assert problems(read_csv(content, "rong.csv")) == [(ErrorCode.FILE_UNREADABLE, "tệp rong.csv", "tệp trống")]


def test_csv_without_header_is_refused_with_the_expected_header():
    # given data from the first line on
    content = csv_file("A,2025,01,,1,")
    # then
    assert problems(read_csv(content, "a.csv")) == [
        (
            ErrorCode.FIELD_MISSING,
            "tệp a.csv, dòng 1",
            "thiếu dòng tiêu đề; dòng đầu phải là data_element,period,org_unit,category,value,comment (phân cách bằng dấu phẩy hoặc dấu chấm phẩy)",
        )
    ]


def test_header_with_unknown_duplicate_and_missing_columns_names_each_of_them():
    # given a typo ("orgunit"), a repeated column and no "value"
    content = csv_file("data_element,period,orgunit,period", "A,2025,01,2025")
    # then
    expected = "các cột hợp lệ: data_element,period,org_unit,category,value,comment"
    assert problems(read_csv(content, "a.csv")) == [
        (ErrorCode.FIELD_UNKNOWN, "tệp a.csv, dòng 1, cột orgunit", f'cột "orgunit" không thuộc bố cục; {expected}'),
        (ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 1, cột period", 'cột "period" xuất hiện hai lần trong tiêu đề'),
        (ErrorCode.FIELD_MISSING, "tệp a.csv, dòng 1, cột org_unit", 'thiếu cột bắt buộc "org_unit"'),
        (ErrorCode.FIELD_MISSING, "tệp a.csv, dòng 1, cột value", 'thiếu cột bắt buộc "value"'),
    ]


def test_unquoted_decimal_comma_in_a_comma_csv_is_a_wrong_field_count_that_says_why():
    # given 4,8 typed into a ","-separated file: it splits into "4" and "8"
    content = csv_file(HEADER, "A,2025,01,,4,8,", "B,2025,01,1")
    # then
    assert problems(read_csv(content, "a.csv")) == [
        (
            ErrorCode.FIELD_INVALID,
            "tệp a.csv, dòng 2",
            "dòng có 7 trường nhưng tiêu đề có 6 cột; trong tệp phân cách bằng dấu phẩy, số như 4,8 không đặt trong ngoặc kép "
            "bị tách thành hai trường: hãy viết 4.8 (dấu chấm thập phân) hoặc lưu tệp phân cách bằng dấu chấm phẩy",
        ),
        (ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 3", "dòng có 4 trường nhưng tiêu đề có 6 cột"),
    ]


def test_extra_field_in_a_semicolon_csv_points_at_an_unquoted_semicolon():
    content = csv_file("data_element;period;org_unit;value", "A;2025;01;1;ghi chú; thêm")
    assert problems(read_csv(content, "a.csv")) == [
        (ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 2", 'dòng có 6 trường nhưng tiêu đề có 4 cột; ô có dấu chấm phẩy phải đặt trong ngoặc kép ("…")')
    ]


def test_quoted_decimal_comma_in_a_comma_csv_is_refused_as_ambiguous():
    # given "1,234": 1.234 for a Vietnamese reader, 1234 for an English one
    content = csv_file(HEADER, 'A,2025,01,,"1,234",')
    # then
    assert problems(read_csv(content, "a.csv")) == [(ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 2, cột value", f'giá trị "1,234" {MACHINE_NUMBER_HINT}')]


def test_every_empty_required_field_is_named():
    # given a row with only a category and a comment
    content = csv_file(HEADER, " , ,,sex:female, ,ghi chú")
    # then
    assert problems(read_csv(content, "a.csv")) == [
        (ErrorCode.FIELD_MISSING, "tệp a.csv, dòng 2, cột data_element", "thiếu mã chỉ số"),
        (ErrorCode.FIELD_MISSING, "tệp a.csv, dòng 2, cột period", "thiếu kỳ báo cáo"),
        (ErrorCode.FIELD_MISSING, "tệp a.csv, dòng 2, cột org_unit", "thiếu mã đơn vị"),
        (ErrorCode.FIELD_MISSING, "tệp a.csv, dòng 2, cột value", "thiếu giá trị"),
    ]


def test_period_not_in_iso_form_is_refused_with_the_forms_allowed():
    content = csv_file(HEADER, "A,2025-07,01,,1,", "B,Q3/2025,01,,1,")
    assert problems(read_csv(content, "a.csv")) == [
        (ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 2, cột period", f'kỳ báo cáo "2025-07" {PERIOD_HINT}'),
        (ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 3, cột period", f'kỳ báo cáo "Q3/2025" {PERIOD_HINT}'),
    ]


@pytest.mark.parametrize("text", ["abc", "1e5", "NaN", "1_000", "4,8"])
def test_comma_csv_refuses_values_that_are_not_machine_numbers(text):
    content = csv_file(HEADER, f'A,2025,01,,"{text}",')
    assert problems(read_csv(content, "a.csv")) == [(ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 2, cột value", f'giá trị "{text}" {MACHINE_NUMBER_HINT}')]


@pytest.mark.parametrize("text", ["abc", "1E5", "NaN", "Infinity", "1,2,3"])
def test_semicolon_csv_refuses_values_parse_number_refuses_or_that_are_no_figures(text):
    content = csv_file("data_element;period;org_unit;value", f"A;2025;01;{text}")
    assert problems(read_csv(content, "a.csv")) == [
        (ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 2, cột value", f'giá trị "{text}" không phải là số (tệp phân cách bằng dấu chấm phẩy: viết 4,8 hoặc 1.234,5)')
    ]


@pytest.mark.parametrize("separator", [",", ";"])
@pytest.mark.parametrize("text", ["=SUM(A1:A3)", "=1+2", "@cmd", "-A1", "+B2", "-cmd|' /C calc'!A0"])
def test_formulas_are_refused_in_both_separators(text, separator):
    # given
    header = separator.join(("data_element", "period", "org_unit", "value"))
    content = csv_file(header, separator.join(("A", "2025", "01", f'"{text}"')))
    # then
    assert problems(read_csv(content, "a.csv")) == [(ErrorCode.FIELD_INVALID, "tệp a.csv, dòng 2, cột value", f'giá trị "{text}" {FORMULA_HINT}')]


def test_a_plain_negative_number_is_a_number_not_a_formula():
    # given (negative values are refused later, by the caller's rules)
    result = read_csv(csv_file(HEADER, "A,2025,01,,-5,", "B,2025,01,,-0.5,"), "a.csv")
    # then
    assert problems(result) == []
    assert [raw.value_text for raw in result.values] == ["-5", "-0,5"]


def test_duplicate_cell_names_both_lines_and_keeps_the_first():
    # given row 4 repeats row 2 (same element, period, unit and category); row 3 differs by category
    content = csv_file(HEADER, "A,2025,01,,1,", "A,2025,01,sex:female,2,", "A,2025,01,default,3,")
    # when
    result = read_csv(content, "a.csv")
    # then
    assert problems(result) == [
        (ErrorCode.DUPLICATE_CODE, "tệp a.csv, dòng 4", "trùng với dòng 2: cùng data_element, period, org_unit, category (A, 2025, 01, default)")
    ]
    assert [raw.value_text for raw in result.values] == ["1", "2"]


def test_unclosed_quote_is_refused_at_its_row_instead_of_swallowing_later_rows():
    # given
    content = csv_file(HEADER, "A,2025,01,,1,ok", 'B,2025,01,,2,"chưa đóng', "C,2025,01,,3,")
    # when
    result = read_csv(content, "a.csv")
    # then
    assert problems(result) == [
        (
            ErrorCode.FILE_UNREADABLE,
            "tệp a.csv, dòng 3",
            "không đọc được dòng này: ngoặc kép mở mà không đóng, có ký tự ngay sau ngoặc kép đóng, hoặc ô dài quá 131.072 ký tự",
        )
    ]
    assert [raw.element_code for raw in result.values] == ["A"]


def test_all_problems_of_a_file_are_reported_not_only_the_first():
    # given
    content = csv_file(HEADER, "A,2025,01,,x,", "B,2025,01,,1,", "C,20251,01,,=1,")
    # when
    result = read_csv(content, "a.csv")
    # then
    assert [problem.where for problem in result.problems] == ["tệp a.csv, dòng 2, cột value", "tệp a.csv, dòng 4, cột period", "tệp a.csv, dòng 4, cột value"]
    assert [raw.element_code for raw in result.values] == ["B"]


# --- DHIS2 JSON ----------------------------------------------------------------------------


def test_dhis2_export_with_extra_keys_and_default_combos_is_read():
    # given what DHIS2 sends: uids we ignore, created/followup, the default combos
    content = json_file(
        {
            "dataSet": "pBOMPrpg1QX",
            "completeDate": "2025-07-31",
            "dataValues": [
                {
                    "dataElement": "HO_NGHEO", "period": "202507", "orgUnit": "21439", "categoryOptionCombo": "default",
                    "attributeOptionCombo": "default", "value": "4.8", "storedBy": "admin", "created": "2025-08-01T10:00:00.000",
                    "lastUpdated": "2025-08-01T10:00:00.000", "followup": False, "comment": " rà soát ",
                },
                {"dataElement": "HO_NGHEO", "period": "202507", "orgUnit": "21440", "value": 12, "deleted": False},
            ],
        }
    )
    # when
    result = read_dhis2_json(content, "dhis2.json")
    # then
    assert problems(result) == []
    assert [as_read(raw) for raw in result.values] == [("HO_NGHEO", "21439", "202507", "", "rà soát", "4.8"), ("HO_NGHEO", "21440", "202507", "", "", "12")]
    assert result.units_seen == ["21439", "21440"]


def test_json_numbers_are_read_as_written_and_dots_are_decimals():
    # given numbers, not strings: 4.80 keeps its zero, 1.234 is not a thousand
    content = b'{"dataValues": [{"dataElement": "A", "period": "2025", "orgUnit": "01", "value": 4.80},' \
              b' {"dataElement": "B", "period": "2025", "orgUnit": "01", "value": 1.234}]}'
    # when
    result = read_dhis2_json(content, "a.json")
    # then
    assert [raw.value_text for raw in result.values] == ["4,80", "1,234"]
    assert [str(parse_number(raw.value_text)) for raw in result.values] == ["4.80", "1.234"]


def test_top_level_period_and_org_unit_apply_to_items_that_leave_them_out():
    # given DHIS2's short form
    content = json_file({"period": "2025Q3", "orgUnit": "21439", "dataValues": [{"dataElement": "A", "value": "1"}, {"dataElement": "B", "period": "2025Q4", "value": "2"}]})
    # when
    result = read_dhis2_json(content, "a.json")
    # then
    assert [(raw.element_code, raw.unit_code, raw.period) for raw in result.values] == [("A", "21439", "2025Q3"), ("B", "21439", "2025Q4")]


def test_json_larger_than_the_upload_limit_is_refused_before_parsing():
    # given 46 MB that is not even JSON
    content = b"{" + b" " * (46 * 1024 * 1024)
    # then
    assert problems(read_dhis2_json(content, "to.json")) == [
        (ErrorCode.FILE_UNREADABLE, "tệp to.json", "tệp nặng 46,0 MB, vượt giới hạn 45 MB; hãy chia thành nhiều tệp nhỏ hơn")
    ]


def test_json_not_in_utf8_is_refused():
    content = '{"dataValues": [\n{"comment": "rà soát"}]}'.encode("cp1258")
    assert problems(read_dhis2_json(content, "a.json")) == [
        (ErrorCode.FILE_UNREADABLE, "tệp a.json", "tệp không phải văn bản UTF-8 (gặp byte lạ ở dòng 2); DHIS2 luôn xuất JSON bằng UTF-8")
    ]


def test_empty_json_is_refused():
    assert problems(read_dhis2_json(b"  \n", "a.json")) == [(ErrorCode.FILE_UNREADABLE, "tệp a.json", "tệp trống")]


def test_invalid_json_is_refused_with_line_and_column():
    # given a trailing comma on line 3
    content = b'{"dataValues": [\n  {"dataElement": "A"},\n  ]\n}'
    # then
    assert problems(read_dhis2_json(content, "a.json")) == [(ErrorCode.FILE_UNREADABLE, "tệp a.json, dòng 3", "nội dung không phải JSON hợp lệ (lỗi ở dòng 3, cột 3)")]


def test_a_bare_list_is_refused_with_the_shape_dhis2_uses():
    content = json_file([{"dataElement": "A", "period": "2025", "orgUnit": "01", "value": "1"}])
    assert problems(read_dhis2_json(content, "a.json")) == [
        (ErrorCode.FIELD_INVALID, "tệp a.json", 'tệp là một danh sách JSON; DHIS2 dùng một đối tượng: {"dataValues": [...]}')
    ]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("5", (ErrorCode.FIELD_INVALID, "tệp a.json", 'nội dung phải là một đối tượng JSON {"dataValues": [...]}')),
        ("{}", (ErrorCode.FIELD_MISSING, "tệp a.json, cột dataValues", 'thiếu khóa "dataValues"')),
        ('{"dataValues": {}}', (ErrorCode.FIELD_INVALID, "tệp a.json, cột dataValues", '"dataValues" phải là một danh sách')),
        ('{"dataValues": [], "orgUnit": 21439}', (ErrorCode.FIELD_INVALID, "tệp a.json, cột orgUnit", '"orgUnit" phải là chuỗi ký tự')),
    ],
)
def test_json_top_level_must_be_a_data_value_set(document, expected):
    assert problems(read_dhis2_json(document.encode(), "a.json")) == [expected]


def test_attribute_option_combo_other_than_default_is_refused_at_top_level_and_per_item():
    # given
    at_top = json_file({"attributeOptionCombo": "donor:unicef", "dataValues": []})
    per_item = json_file({"dataValues": [{"dataElement": "A", "period": "2025", "orgUnit": "01", "value": "1", "attributeOptionCombo": "donor:unicef"}]})
    message = 'attributeOptionCombo "donor:unicef" không được hỗ trợ: ansinh không dùng tổ hợp thuộc tính; chỉ nhận "default" hoặc để trống'
    # then
    assert problems(read_dhis2_json(at_top, "a.json")) == [(ErrorCode.FIELD_INVALID, "tệp a.json, cột attributeOptionCombo", message)]
    assert problems(read_dhis2_json(per_item, "a.json")) == [(ErrorCode.FIELD_INVALID, "tệp a.json, cột attributeOptionCombo, mục 1", message)]


def test_deleted_items_are_refused():
    content = json_file({"dataValues": [{"dataElement": "A", "period": "2025", "orgUnit": "01", "value": "1", "deleted": True}]})
    assert problems(read_dhis2_json(content, "a.json")) == [
        (ErrorCode.FIELD_INVALID, "tệp a.json, cột deleted, mục 1", 'xóa số liệu qua tệp chưa được hỗ trợ; hãy bỏ mục có "deleted": true')
    ]


def test_json_items_must_be_objects_with_text_codes_and_a_string_or_number_value():
    # given item 1 not an object, item 2 with wrong types, item 3 with keys missing
    content = json_file({"dataValues": ["A", {"dataElement": "A", "period": 2025, "orgUnit": 1, "value": True}, {"dataElement": "A", "value": None}]})
    # then
    assert problems(read_dhis2_json(content, "a.json")) == [
        (ErrorCode.FIELD_INVALID, "tệp a.json, mục 1", "mục phải là một đối tượng JSON {...}"),
        (ErrorCode.FIELD_INVALID, "tệp a.json, cột period, mục 2", '"period" phải là chuỗi ký tự'),
        (ErrorCode.FIELD_INVALID, "tệp a.json, cột orgUnit, mục 2", '"orgUnit" phải là chuỗi ký tự'),
        (ErrorCode.FIELD_INVALID, "tệp a.json, cột value, mục 2", '"value" phải là chuỗi hoặc số'),
        (ErrorCode.FIELD_MISSING, "tệp a.json, cột period, mục 3", "thiếu kỳ báo cáo"),
        (ErrorCode.FIELD_MISSING, "tệp a.json, cột orgUnit, mục 3", "thiếu mã đơn vị"),
        (ErrorCode.FIELD_MISSING, "tệp a.json, cột value, mục 3", "thiếu giá trị"),
    ]


@pytest.mark.parametrize(("value", "shown"), [('"1,234"', "1,234"), ('"4,8"', "4,8"), ("1e5", "1e5"), ("NaN", "NaN"), ('"mười"', "mười")])
def test_json_values_must_be_machine_numbers(value, shown):
    # given (parse_number is not used: "1,234" is refused, not read as 1.234)
    content = f'{{"dataValues": [{{"dataElement": "A", "period": "2025", "orgUnit": "01", "value": {value}}}]}}'.encode()
    # then
    assert problems(read_dhis2_json(content, "a.json")) == [(ErrorCode.FIELD_INVALID, "tệp a.json, cột value, mục 1", f'giá trị "{shown}" {MACHINE_NUMBER_HINT}')]


def test_json_period_must_be_iso():
    content = json_file({"dataValues": [{"dataElement": "A", "period": "2025W27", "orgUnit": "01", "value": "1"}]})
    assert problems(read_dhis2_json(content, "a.json")) == [(ErrorCode.FIELD_INVALID, "tệp a.json, cột period, mục 1", f'kỳ báo cáo "2025W27" {PERIOD_HINT}')]


def test_json_duplicate_names_both_items_default_combo_included():
    # given item 2 repeats item 1 ("default" and no combo are the same cell)
    content = json_file(
        {
            "dataValues": [
                {"dataElement": "A", "period": "2025", "orgUnit": "01", "value": "1"},
                {"dataElement": "A", "period": "2025", "orgUnit": "01", "categoryOptionCombo": "default", "value": "2"},
            ]
        }
    )
    # when
    result = read_dhis2_json(content, "a.json")
    # then
    assert problems(result) == [
        (ErrorCode.DUPLICATE_CODE, "tệp a.json, mục 2", "trùng với mục 1: cùng dataElement, period, orgUnit, categoryOptionCombo (A, 2025, 01, default)")
    ]
    assert [raw.value_text for raw in result.values] == ["1"]
