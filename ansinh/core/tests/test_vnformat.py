from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.core.vnformat import format_date, format_number, format_percent, parse_number


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(4.8, None, "4,8"), (1234, None, "1.234"), (1234.5, None, "1.234,5"), (1234567.891, 2, "1.234.567,89"), (0, None, "0"), (-2.5, None, "-2,5"), (7, 1, "7,0")],
)
def test_format_number_uses_comma_decimals_and_dot_thousands(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_percent_and_date_follow_vietnamese_typesetting():
    assert format_percent(4.8) == "4,8 %"
    assert format_date(date(2026, 11, 28)) == "28/11/2026"
    assert format_number(None) == "–"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4,8", "4.8"), ("1.234", "1234"), ("1.234,5", "1234.5"), ("1234.5", "1234.5"), ("1.234.567", "1234567"), (" 12 ", "12"), ("-3,25", "-3.25"), ("0.234", "0.234"), ("-1.234", "-1234")],
)
def test_parse_number_reads_vietnamese_notation(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["abc", "", "1,2,3", "NaN", "inf", "-Infinity", "²", "1²"])  # "²": str.isdigit says yes
def test_parse_number_refuses_text_with_a_vietnamese_message(text):
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_parse_number_reads_back_what_format_number_writes(value):
    assert parse_number(format_number(value, 2)) == value


def test_format_number_writes_numbers_beyond_the_default_precision():
    # Found by the importers' fuzz test: 10^26 failed to round with Decimal's 28 digits.
    assert format_number(Decimal("1e26")) == "100.000.000.000.000.000.000.000.000"
    assert format_number(Decimal("1e999999999")) == "1E+999999999"  # at once, not a billion digits
