"""The demo data: deterministic, consistent, reported by the units that existed at the time."""

from collections import defaultdict

from ansinh.core.periods import parse_period
from ansinh.datavalues.models import DataValue
from ansinh.demo.scenario import OldCommune, generate
from ansinh.demo.setup import load_sample_values
from ansinh.indicators.models import Indicator

COMMUNES = [OldCommune(code, code in {"21439", "21451"}) for code in ("21439", "21442", "21451", "21457")]
SUCCESSORS = {"21439": ["21439", "21442"], "21451": ["21451", "21457"]}


def test_the_generator_is_deterministic():
    assert generate(COMMUNES, SUCCESSORS, "534") == generate(COMMUNES, SUCCESSORS, "534")


def test_new_units_report_the_sum_of_the_communes_they_took_in():
    values = {(v.data_element, v.unit_code, v.epoch, v.period): v.value for v in generate(COMMUNES, SUCCESSORS, "534")}
    # 2025S2 population of the new 21439 = what its two predecessors would have counted.
    old = generate(COMMUNES, {"x": ["21439"], "y": ["21442"]}, "534")
    parts = {v.unit_code: v.value for v in old if v.data_element == "DAN_SO" and v.period == "2025S2"}
    assert values[("DAN_SO", "21439", "new", "2025S2")] == parts["x"] + parts["y"]


def test_every_data_element_of_every_indicator_has_sample_values_2023_to_2026(db):
    years = defaultdict(set)
    for code, period in DataValue.objects.filter(is_sample=True).values_list("data_element__code", "period"):
        years[code].add(parse_period(period).year)
    for indicator in Indicator.objects.select_related("numerator", "denominator"):
        for element in filter(None, [indicator.numerator, indicator.denominator]):
            assert years[element.code] == {2023, 2024, 2025, 2026}, element.code


def test_old_communes_report_until_2025s1_and_new_units_from_2025s2(db):
    commune_values = DataValue.objects.filter(data_element__collection_level="commune").select_related("unit")
    for value in commune_values:
        end = parse_period(value.period).end
        assert (value.unit.valid_from is None or value.unit.valid_from <= end) and (value.unit.valid_to is None or end <= value.unit.valid_to)
    periods_by_epoch = defaultdict(set)
    for value in commune_values:
        periods_by_epoch["new" if value.unit.valid_from else "old"].add(value.period)
    assert max(periods_by_epoch["old"]) == "2025S1" and min(periods_by_epoch["new"]) == "2025S2"
    assert {v.unit.code for v in commune_values if v.unit.valid_from is None} >= {"21439", "21481"}  # 15 old units
    assert len({v.unit_id for v in commune_values}) == 20  # 15 old + 5 new


def test_numerators_never_exceed_denominators(db):
    values = {(v.data_element.code, v.unit_id, v.period): v.value for v in DataValue.objects.select_related("data_element")}
    checked = 0
    for indicator in Indicator.objects.filter(kind="ratio", factor=100).select_related("numerator", "denominator"):
        for (element, unit, period), value in values.items():
            if element == indicator.numerator.code and (indicator.denominator.code, unit, period) in values:
                assert value <= values[(indicator.denominator.code, unit, period)], (indicator.code, unit, period)
                checked += 1
    assert checked > 500


def test_every_sample_value_is_flagged_and_sourced_as_sample(db):
    assert not DataValue.objects.filter(is_sample=False).exists()
    assert set(DataValue.objects.values_list("source", flat=True)) == {"Dữ liệu mẫu (ansinh demo), không phải số liệu thật"}


def test_loading_the_sample_values_again_changes_nothing(acting_user):
    summary = load_sample_values(acting_user)
    assert summary["created"] == summary["updated"] == 0
    assert summary["unchanged"] == DataValue.objects.count()


def test_one_new_commune_has_not_sent_its_2026_first_half_labour_figures(db):
    reported = set(DataValue.objects.filter(data_element__code="THAT_NGHIEP", period="2026S1").values_list("unit__code", flat=True))
    assert reported == {"21439", "21451", "21457", "21478"}
