from datetime import date

import pytest

from ansinh.core.periods import parse_period, periods_of_year


@pytest.mark.parametrize(
    ("code", "start", "end", "kind"),
    [
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "yearly"),
        ("2025S1", date(2025, 1, 1), date(2025, 6, 30), "six_monthly"),
        ("2025S2", date(2025, 7, 1), date(2025, 12, 31), "six_monthly"),
        ("2025Q3", date(2025, 7, 1), date(2025, 9, 30), "quarterly"),
        ("202402", date(2024, 2, 1), date(2024, 2, 29), "monthly"),
    ],
)
def test_parse_period_gives_dhis2_iso_bounds(code, start, end, kind):
    period = parse_period(code)
    assert (period.start, period.end, period.period_type, period.year) == (start, end, kind, start.year)


@pytest.mark.parametrize("bad", ["2025S3", "2025Q5", "202513", "25", "2025-01", ""])
def test_parse_period_refuses_malformed_codes_in_vietnamese(bad):
    with pytest.raises(ValueError, match="kỳ báo cáo"):
        parse_period(bad)


def test_periods_of_year_lists_the_parts_in_order():
    assert periods_of_year(2025, "six_monthly") == ["2025S1", "2025S2"]
    assert periods_of_year(2025, "quarterly")[-1] == "2025Q4"
