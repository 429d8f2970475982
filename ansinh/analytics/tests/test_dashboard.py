"""The dashboard's reads: overview rows and filters, and the ranking of units under a target."""

import pytest

from ansinh.analytics.dashboard import OverviewFilters, program_overview, rank_units, shortfall, target_story
from ansinh.analytics.selectors import evaluate_program
from ansinh.programs.models import Program
from ansinh.reports.charts import sparkline_svg

UNEMPLOYMENT = {"target": "T02", "comparator": "lt", "target_value": 2.0, "inputs": {}}
TRAINED = {"target": "T04", "comparator": "range", "target_value": 35.0, "inputs": {"low": 35.0, "high": 40.0}}


@pytest.mark.parametrize(
    ("row", "value", "expected"),
    [
        (UNEMPLOYMENT, 3.0, 1.0), (UNEMPLOYMENT, 1.5, -0.5),
        ({"comparator": "ge", "target_value": 25.0}, 20.0, 5.0), ({"comparator": "ge", "target_value": 25.0}, 30.0, -5.0),
        (TRAINED, 30.0, 5.0), (TRAINED, 37.0, 0.0), (TRAINED, 42.0, 2.0),
        ({"comparator": "approx", "target_value": 75.0}, 73.0, 2.0), ({"comparator": "eq", "target_value": 100.0}, 100.0, 0.0),
    ],
)
def test_shortfall_is_the_distance_in_the_undesirable_direction(row, value, expected):
    assert shortfall(row, value) == pytest.approx(expected)


def test_units_are_ranked_best_first_and_those_without_figures_listed_apart():
    units = [
        {"code": "1", "name": "A", "years": [2024], "values": {"T02": {2024: 3.5}}},
        {"code": "2", "name": "B", "years": [2024], "values": {"T02": {2024: 1.9}}},
        {"code": "3", "name": "C", "years": [2024], "values": {"T02": {2024: None}}},
        {"code": "4", "name": "D", "years": [2025], "values": {"T02": {2025: 9.0}}},  # did not exist in 2024
    ]
    ranking = rank_units(UNEMPLOYMENT, units, 2024)
    assert [(u["name"], u["rank"], u["shortfall"]) for u in ranking["ranked"]] == [("B", 1, -0.1), ("A", 2, 1.5)]
    assert ranking["missing"] == [{"code": "3", "name": "C"}]


def test_a_qualitative_target_is_not_ranked():
    assert rank_units({"target": "T09", "comparator": "qual", "target_value": None}, [], 2024)["ranked"] == []


def test_sparkline_is_small_decorative_svg_with_the_goal_line():
    svg = sparkline_svg([(2023, 3.2), (2024, 3.0)], 2.0, "off_track")
    assert svg.startswith('<svg class="spark"') and 'aria-hidden="true"' in svg and "stroke-dasharray" in svg
    assert sparkline_svg([], 2.0, "off_track") == ""


def test_overview_rows_equal_the_evaluation_and_filters_keep_what_they_say(db):
    program = Program.objects.get(code="duc-pho-42")
    api = {row["target"]: row for row in evaluate_program(program, "534", 2025)["targets"]}
    everything = program_overview(program, "534", 2025, OverviewFilters())
    assert len(everything["rows"]) == everything["total"] == 34 and everything["is_scope"]
    assert all(row["value"] == api[row["target"]]["value"] and row["status"] == api[row["target"]]["status"] for row in everything["rows"])
    assert {s: n for s, _, n in everything["counts"]} == {s: sum(r["status"] == s for r in api.values()) for s, _, _ in everything["counts"]}
    off = program_overview(program, "534", 2025, OverviewFilters(status="off_track"))
    assert {r["target"] for r in off["rows"]} == {code for code, r in api.items() if r["status"] == "off_track"}
    housing = program_overview(program, "534", 2025, OverviewFilters(area="nha-o-nuoc-sach-ve-sinh"))
    assert {r["target"] for r in housing["rows"]} == {f"T{n}" for n in range(27, 35)}
    body = everything["body_choices"][0][0]
    by_body = program_overview(program, "534", 2025, OverviewFilters(body=body))
    assert 0 < len(by_body["rows"]) and all(body in r["body_codes"] for r in by_body["rows"])


def test_a_commune_overview_carries_the_town_value_beside_its_own(db):
    program = Program.objects.get(code="duc-pho-42")
    commune = program_overview(program, "21457", 2026, OverviewFilters())
    town = {row["target"]: row["value"] for row in evaluate_program(program, "534", 2026)["targets"]}
    assert not commune["is_scope"] and commune["scope_name"] == "Thị xã Đức Phổ"
    assert all(row["scope_value"] == town[row["target"]] for row in commune["rows"])


def test_target_story_ranks_the_fifteen_communes_of_2024(db):
    program = Program.objects.get(code="duc-pho-42")
    story = target_story(program, "T02", "534", 2024)
    ranked = story["ranking"]["ranked"]
    assert story["ranking"]["year"] == 2024 and len(ranked) + len(story["ranking"]["missing"]) == 15
    for unit in ranked:
        own = next(r for r in evaluate_program(program, unit["code"], 2024)["targets"] if r["target"] == "T02")
        assert unit["value"] == next(p["value"] for p in own["series"] if p["year"] == 2024)
    assert [u["value"] for u in ranked] == sorted(u["value"] for u in ranked)  # lower unemployment ranks first
