"""Validation of values about to be written: built-in rules, declared rules, outliers. Pure."""

from decimal import Decimal

from ansinh.datavalues.validation import Candidate, Context, ElementMeta, Rule, check
from ansinh.indicators.rules import evaluate, parse_expression

ELEMENTS = {
    "UNEMPLOYED": ElementMeta("UNEMPLOYED", "Số người thất nghiệp", "integer", "người"),
    "LABOUR": ElementMeta("LABOUR", "Lực lượng lao động", "integer", "người"),
    "URBAN": ElementMeta("URBAN", "Hộ thành thị", "integer", "hộ"),
    "RURAL": ElementMeta("RURAL", "Hộ nông thôn", "integer", "hộ"),
    "HOUSEHOLDS": ElementMeta("HOUSEHOLDS", "Tổng số hộ", "integer", "hộ"),
    "RATE": ElementMeta("RATE", "Tỷ lệ nhập trực tiếp", "number", "%"),
}
HOUSEHOLD_RULE = Rule("HH", "Hộ thành thị + nông thôn = tổng", parse_expression("URBAN + RURAL"), "==", parse_expression("HOUSEHOLDS"), "error")


def context(**overrides) -> Context:
    base = dict(elements=ELEMENTS, percentage_pairs=[("UNEMPLOYED", "LABOUR")], rules=[HOUSEHOLD_RULE], existing={}, previous_periods={"2026S1": "2025S2", "2026S2": "2026S1"}, previous={}, peer_rates={})
    return Context(**{**base, **overrides})


def value(element, amount, where="dòng 2", comment="", unit=1, period="2026S2"):
    return Candidate(element, unit, period, Decimal(str(amount)), comment, where)


def test_clean_values_pass():
    assert check([value("UNEMPLOYED", 30), value("LABOUR", 1000)], context()) == []


def test_negative_count_fraction_and_rate_above_100_are_errors():
    findings = check([value("LABOUR", -5, unit=2), value("UNEMPLOYED", "2.5", "dòng 3"), value("RATE", 140, "dòng 4")], context())
    assert [(f.level, f.where) for f in findings] == [("error", "dòng 2"), ("error", "dòng 3"), ("error", "dòng 4")]
    assert "âm" in findings[0].message and "số nguyên" in findings[1].message and "140 % vượt quá 100 %" in findings[2].message


def test_numerator_above_denominator_is_an_error_even_against_a_stored_denominator():
    findings = check([value("UNEMPLOYED", 1200)], context(existing={(1, "2026S2"): {"LABOUR": Decimal(1000)}}))
    assert [f.message for f in findings] == ["Số người thất nghiệp (1.200) lớn hơn Lực lượng lao động (1.000)"]


def test_a_declared_rule_names_itself_and_both_sides():
    findings = check([value("URBAN", 10), value("RURAL", 20), value("HOUSEHOLDS", 31)], context())
    assert findings[0].message == "không thỏa quy tắc HH (Hộ thành thị + nông thôn = tổng): 30 == 31 sai"


def test_a_rule_with_a_missing_side_is_skipped():
    assert check([value("URBAN", 10)], context()) == []


def test_a_large_change_is_a_warning_that_passes_only_with_a_comment():
    previous = {(1, "2026S1", "LABOUR"): Decimal(1000)}
    (uncommented,) = check([value("LABOUR", 1800)], context(previous=previous))
    assert uncommented.level == "error" and "+80 % so với kỳ trước (1.000)" in uncommented.message and "ghi chú" in uncommented.message
    (commented,) = check([value("LABOUR", 1800, comment="sáp nhập thêm thôn")], context(previous=previous))
    assert commented.level == "warning"


def test_each_period_of_a_file_is_compared_with_its_own_previous_period():
    # Given stored labour figures of 1.000 in 2025S2 and 1.800 in 2026S1
    stored = {(1, "2025S2", "LABOUR"): Decimal(1000), (1, "2026S1", "LABOUR"): Decimal(1800)}
    # When one file brings 2026S1 again (1.000: a correction) and 2026S2 (1.000)
    findings = check([value("LABOUR", 1000, "dòng 2", period="2026S1"), value("LABOUR", 1000, "dòng 3", period="2026S2")], context(previous=stored))
    # Then 2026S1 is compared with 2025S2 (no change) and 2026S2 with the file's 2026S1 (no change)
    assert findings == []


def test_the_previous_period_written_in_the_same_file_is_the_one_compared():
    stored = {(1, "2025S2", "LABOUR"): Decimal(1000), (1, "2026S1", "LABOUR"): Decimal(1000)}
    findings = check([value("LABOUR", 1000, "dòng 2", period="2026S1"), value("LABOUR", 1800, "dòng 3", period="2026S2")], context(previous=stored))
    assert [(f.where, f.element) for f in findings] == [("dòng 3", "LABOUR")] and "(1.000)" in findings[0].message
    # and a unit whose earlier report is not in the file is compared with its stored one
    findings = check([value("LABOUR", 1800, "dòng 4", unit=2, period="2026S2"), value("LABOUR", 1000, "dòng 5", period="2026S1")], context(previous={(2, "2026S1", "LABOUR"): Decimal(1000)}))
    assert [f.where for f in findings] == ["dòng 4"]


def test_small_counts_do_not_raise_change_warnings():
    assert check([value("LABOUR", 12)], context(previous={(1, "2026S1", "LABOUR"): Decimal(6)})) == []


def test_a_rate_far_from_its_peers_is_a_warning():
    peers = {("2026S2", "UNEMPLOYED"): [3.0, 3.2, 2.9, 3.1, 3.3, 2.8]}
    findings = check([value("UNEMPLOYED", 150, comment="đóng cửa nhà máy"), value("LABOUR", 1000)], context(peer_rates=peers))
    assert [(f.level, f.element) for f in findings] == [("warning", "UNEMPLOYED")]
    assert "15,0 % khác xa các đơn vị khác" in findings[0].message


def test_expressions_with_coefficients():
    terms = parse_expression("TRE_DUOI_1 - 0.03 * DAN_SO + 2")
    assert evaluate(terms, {"TRE_DUOI_1": Decimal(100), "DAN_SO": Decimal(1000)}) == Decimal("72.00")
    assert evaluate(terms, {"TRE_DUOI_1": Decimal(100)}) is None
