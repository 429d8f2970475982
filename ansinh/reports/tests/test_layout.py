"""The letterhead rules of 36-HD/VPTW (Party) and Nghị định 30/2020 (state), and review windows."""

from datetime import date

import pytest

from ansinh.core.errors import UserError
from ansinh.reports import layout
from ansinh.reports.windows import review_window


@pytest.mark.parametrize(
    ("kind", "number", "suffix", "expected"),
    [
        (layout.PARTY, 12, "TU", "Số 12-BC/TU"),
        (layout.PARTY, 7, "ĐU", "Số 7-BC/ĐU"),
        (layout.PARTY, None, "TU", "Số      -BC/TU"),
        (layout.STATE, 5, "UBND", "Số: 05/BC-UBND"),
        (layout.STATE, 141, "UBND", "Số: 141/BC-UBND"),
        (layout.STATE, None, "UBND", "Số:      /BC-UBND"),
    ],
)
def test_number_line_follows_the_party_or_the_state_form(kind, number, suffix, expected):
    assert layout.number_line(kind, number, suffix) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 2, 5), "Đức Phổ, ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 20), "Đức Phổ, ngày 20 tháng 01 năm 2026"),
        (date(2018, 4, 3), "Đức Phổ, ngày 03 tháng 4 năm 2018"),
        (date(2025, 11, 28), "Đức Phổ, ngày 28 tháng 11 năm 2025"),
    ],
)
def test_place_date_pads_days_below_ten_and_months_one_and_two(day, expected):
    assert layout.place_date("Đức Phổ", day, day.year) == expected


def test_a_draft_leaves_day_and_month_blank():
    assert layout.place_date("Đức Phổ", None, 2026) == "Đức Phổ, ngày    tháng    năm 2026"


@pytest.mark.parametrize(
    ("issuer", "program_number", "suffix"),
    [("Thị ủy Đức Phổ", "", "TU"), ("Thị uỷ Đức Phổ", "", "TU"), ("Huyện ủy Bình Sơn", "", "HU"),
     ("Đảng ủy phường Đức Phổ", "", "ĐU"), ("Ban Chỉ đạo", "43-CTr/TU", "TU")],
)
def test_party_suffix_comes_from_the_issuer_not_only_the_program_number(issuer, program_number, suffix):
    assert layout.party_suffix(issuer, program_number) == suffix


def test_upper_case_keeps_the_vietnamese_tone_marks():
    assert layout.upper_vi("Thị ủy Đức Phổ") == "THỊ ỦY ĐỨC PHỔ"


def test_signer_authority_for_each_layout():
    assert layout.signer_authority(layout.PARTY, "THỊ ỦY ĐỨC PHỔ") == "T/M BAN THƯỜNG VỤ"
    assert layout.signer_authority(layout.STATE, "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỔ") == "TM. ỦY BAN NHÂN DÂN"


def test_windows_of_each_report_type():
    annual = review_window("annual", "2025", 2024, 2030)
    assert (annual.year, annual.data_years, annual.task_periods, annual.label) == (2025, (2023, 2024, 2025), ("2025S1", "2025S2"), "năm 2025")
    half = review_window("six-month", "2025s1", 2024, 2030)
    assert (half.period, half.task_periods, half.label) == ("2025S1", ("2025S1",), "6 tháng đầu năm 2025")
    mid = review_window("mid-term", "2025", 2024, 2030)
    assert mid.task_periods == ("2024S1", "2024S2", "2025S1", "2025S2") and mid.label == "giai đoạn 2024–2025"
    final = review_window("final", "2030", 2024, 2030)
    assert final.data_years == tuple(range(2023, 2031))
    assert review_window("data-sheet", "2026", 2024, 2030).task_periods == ()


@pytest.mark.parametrize(
    ("kind", "period", "field", "words"),
    [
        ("annual", "2035", "period", "ngoài thời gian của chương trình (2024–2030)"),
        ("annual", "2025S1", "period", "không đúng dạng năm"),
        ("six-month", "2025", "period", "không đúng dạng báo cáo 6 tháng"),
        ("six-month", "2025S3", "period", "không đúng dạng báo cáo 6 tháng"),
        ("quarterly", "2025", "type", "loại báo cáo 'quarterly' không có"),
        ("annual", "25/12/2025", "period", "không đúng dạng năm"),
    ],
)
def test_bad_windows_are_refused_with_the_field_named(kind, period, field, words):
    with pytest.raises(UserError) as caught:
        review_window(kind, period, 2024, 2030)
    problem = caught.value.problems[0]
    assert problem.field == field and words in problem.message
