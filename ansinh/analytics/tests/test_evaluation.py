"""The Đức Phổ demo evaluated end to end: every target, the dissolved town, a new ward with
its predecessors' history, completeness, incremental updates, manual statuses."""

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner

from ansinh.analytics.actions import do_refresh_aggregates, do_set_manual_status
from ansinh.analytics.progress import STATUS_LABELS_VI
from ansinh.analytics.selectors import evaluate_program, resolve_unit
from ansinh.cli.main import cli
from ansinh.core.errors import UserError
from ansinh.datavalues.actions import ValueEntry, do_set_data_values
from ansinh.datavalues.models import DataValue
from ansinh.indicators.models import DataElement
from ansinh.orgunits.models import OrgUnit
from ansinh.programs.models import Program, Target


@pytest.fixture
def program(db):
    return Program.objects.get(code="duc-pho-42")


def by_code(result):
    return {row["target"]: row for row in result["targets"]}


def sum_values(element, period, units):
    return sum(DataValue.objects.filter(data_element__code=element, period=period, unit__in=units).values_list("value", flat=True))


def test_every_target_of_the_former_town_gets_a_status_in_2026(program):
    result = evaluate_program(program, "534", 2026)
    assert len(result["targets"]) == 34
    assert {row["status"] for row in result["targets"]} <= set(STATUS_LABELS_VI)
    assert all(row["status_vi"] == STATUS_LABELS_VI[row["status"]] for row in result["targets"])
    # The demo shows every status.
    assert {row["status"] for row in result["targets"]} == set(STATUS_LABELS_VI)


def test_the_dissolved_town_is_evaluated_over_its_five_successors(program):
    territory = evaluate_program(program, "534", 2026)["territory"]
    assert territory["mapped"] and territory["exact"]
    assert sorted(m["name"] for m in territory["members"]) == sorted(
        ["Phường Đức Phổ", "Phường Sa Huỳnh", "Phường Trà Câu", "Xã Nguyễn Nghiêm", "Xã Khánh Cường"]
    )


def test_a_rate_is_the_sum_of_numerators_over_the_sum_of_denominators(program):
    # Given the 2024 figures of the 15 old communes (end of year: 2024S2)
    communes = OrgUnit.objects.filter(parent__code="534")
    expected = sum_values("HO_VE_SINH", "2024S2", communes) / sum_values("SO_HO", "2024S2", communes) * 100
    # When the town is evaluated, its 2024 value is that ratio (not a mean of commune rates)
    t32 = by_code(evaluate_program(program, "534", 2026))["T32"]
    value_2024 = next(s for s in t32["series"] if s["year"] == 2024)
    assert value_2024["value"] == pytest.approx(float(expected), abs=1e-4)
    assert (value_2024["reported"], value_2024["expected"], value_2024["complete"]) == (15, 15, True)


def test_per_10000_uses_the_town_level_numerator_and_the_communes_population(program):
    doctors = DataValue.objects.get(data_element__code="BAC_SI", period="2024", unit__code="534").value
    population = sum_values("DAN_SO", "2024S2", OrgUnit.objects.filter(parent__code="534"))
    t20 = by_code(evaluate_program(program, "534", 2024))["T20"]
    assert t20["value"] == pytest.approx(float(doctors / population * 10000), abs=1e-4)
    assert t20["inputs"]["figures"] == {"BAC_SI": float(doctors), "DAN_SO": float(population), "factor": 10000}


def test_a_new_ward_carries_the_history_of_its_predecessors(program):
    result = evaluate_program(program, "21439", 2026)
    assert result["unit"]["name"] == "Phường Đức Phổ"
    t02 = by_code(result)["T02"]
    years = {s["year"]: s for s in t02["series"]}
    predecessors = OrgUnit.objects.filter(code__in=["21439", "21469", "21463", "21466", "21460"], valid_to__isnull=False)
    expected_2024 = sum_values("THAT_NGHIEP", "2024S2", predecessors) / sum_values("LLLD", "2024S2", predecessors) * 100
    assert years[2024]["value"] == pytest.approx(float(expected_2024), abs=1e-4)
    assert years[2023]["complete"] and years[2026]["complete"]


def test_town_level_figures_cannot_be_split_onto_a_new_ward_before_2025(program):
    t20 = by_code(evaluate_program(program, "21439", 2026))["T20"]
    years = {s["year"]: s for s in t20["series"]}
    assert years[2024]["value"] is None  # the 2024 doctors were counted for the whole town only
    assert years[2026]["value"] is not None


def test_incomplete_latest_data_is_shown_but_not_used_for_the_status(program):
    t02 = by_code(evaluate_program(program, "534", 2026))["T02"]
    assert t02["completeness"] == {"year": 2026, "reported": 4, "expected": 5, "ratio": 0.8, "complete": False}
    assert t02["year"] == 2025  # the status rests on the last complete year
    assert t02["inputs"]["dropped_incomplete"]


def test_cumulative_target_accumulates_the_yearly_completions(program):
    t27 = by_code(evaluate_program(program, "534", 2026))["T27"]
    assert [(s["year"], s["value"]) for s in t27["series"]] == [(2023, 0.0), (2024, 0.0), (2025, 45.0), (2026, 105.0)]
    assert t27["method"] == "linear_distance"


def test_a_changed_value_updates_the_evaluation_at_once(program, acting_user):
    # Given the town's 2024 doctors
    before = by_code(evaluate_program(program, "534", 2024))["T20"]["value"]
    value = DataValue.objects.get(data_element__code="BAC_SI", period="2024", unit__code="534")
    # When the health centre corrects it
    do_set_data_values(
        [ValueEntry(value.data_element, value.unit, "2024", value.value + 20, source="Trung tâm Y tế")],
        acting_user=acting_user,
        channel="test",
    )
    # Then the evaluation reflects it without a full refresh
    after = by_code(evaluate_program(program, "534", 2024))["T20"]["value"]
    population = sum_values("DAN_SO", "2024S2", OrgUnit.objects.filter(parent__code="534"))
    assert after - before == pytest.approx(float(20 / population * 10000), abs=1e-3)  # values are rounded to 4 places


def test_incremental_and_full_refresh_agree(program, acting_user):
    element = DataElement.objects.get(code="THAT_NGHIEP")
    unit = OrgUnit.objects.get(code="21442")
    do_set_data_values([ValueEntry(element, unit, "2024S2", Decimal(3))], acting_user=acting_user, channel="test")
    incremental = evaluate_program(program, "534", 2026)
    do_refresh_aggregates()
    assert evaluate_program(program, "534", 2026) == incremental


def test_a_commune_value_for_a_town_level_element_is_not_double_counted(program, acting_user):
    before = by_code(evaluate_program(program, "534", 2024))["T20"]["value"]
    element = DataElement.objects.get(code="BAC_SI")
    do_set_data_values([ValueEntry(element, OrgUnit.objects.get(code="21442"), "2024", Decimal(3))], acting_user=acting_user, channel="test")
    assert by_code(evaluate_program(program, "534", 2024))["T20"]["value"] == before


def test_qualitative_targets_take_the_status_a_person_set(program, acting_user):
    unit = resolve_unit("534", 2025)
    target = Target.objects.get(program=program, code="T16")
    do_set_manual_status(target, unit, 2025, status="on_track", reason="Báo cáo công tác dân số năm 2025", acting_user=acting_user, channel="test")
    t16 = by_code(evaluate_program(program, "534", 2025))["T16"]
    assert (t16["status"], t16["method"]) == ("on_track", "manual")
    assert t16["inputs"]["set_by"] == acting_user.get_username() and "dân số" in t16["inputs"]["reason"]


def test_a_manual_status_needs_a_reason_and_a_qualitative_target(program, acting_user):
    unit = resolve_unit("534", 2025)
    with pytest.raises(UserError, match="cần ghi lý do"):
        do_set_manual_status(Target.objects.get(program=program, code="T16"), unit, 2025, status="on_track", reason=" ", acting_user=acting_user, channel="t")
    with pytest.raises(UserError, match="trạng thái được tính tự động"):
        do_set_manual_status(Target.objects.get(program=program, code="T02"), unit, 2025, status="on_track", reason="x", acting_user=acting_user, channel="t")


def test_evaluate_cli_json_contract(program):
    result = CliRunner().invoke(cli, ["evaluate", "duc-pho-42", "--unit", "534", "--year", "2026", "--json"])
    rows = json.loads(result.output)
    assert len(rows) == 34
    assert set(rows[0]) >= {"target", "indicator", "value", "year", "baseline", "target_value", "status", "status_vi", "method", "completeness", "inputs"}


def test_evaluate_cli_for_an_unknown_unit_exits_1(program):
    result = CliRunner().invoke(cli, ["evaluate", "duc-pho-42", "--unit", "99999", "--year", "2026"])
    assert result.exit_code == 1 and "không có đơn vị hành chính mã 99999" in result.output


def test_evaluation_reads_aggregates_in_a_fixed_number_of_queries(program, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        evaluate_program(program, "534", 2026)
