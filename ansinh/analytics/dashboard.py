"""Reads for the dashboard pages: the program overview at a unit and year, and one target's story
with every unit under it ranked. Built on `evaluate_program` and `evaluate_breakdown` (materialised
aggregates, a fixed number of queries); filtering and ranking are pure functions below."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ansinh.analytics.progress import STATUS_LABELS_VI
from ansinh.analytics.selectors import evaluate_breakdown, evaluate_program, resolve_unit
from ansinh.programs.models import Program, TaskAssignment, TaskGroup


@dataclass(frozen=True)
class OverviewFilters:
    status: str = ""
    area: str = ""
    body: str = ""  # a body code: targets served by a task this body leads or carries out

    def keeps(self, row: dict) -> bool:
        return (
            (not self.status or row["status"] == self.status)
            and (not self.area or row["area"] == self.area)
            and (not self.body or self.body in row["body_codes"])
        )


def program_overview(program: Program, unit_code: str, year: int, filters: OverviewFilters) -> dict:
    """Every target at the unit for the year, with its area, the bodies whose tasks serve it, and,
    for a unit other than the program's, the program unit's value beside it."""
    evaluation = evaluate_program(program, unit_code, year)
    areas = dict(program.targets.values_list("code", "area"))
    bodies = _bodies_by_target(program)
    scope = resolve_unit(program.scope_unit.code, year)
    is_scope = evaluation["unit"]["code"] == scope.code and evaluation["unit"]["valid_from"] == _iso(scope.valid_from)
    scope_rows = {} if is_scope else {r["target"]: r for r in evaluate_program(program, scope.code, year)["targets"]}
    rows = []
    for row in evaluation["targets"]:
        served_by = bodies.get(row["target"], {})
        rows.append({
            **row,
            "area": areas.get(row["target"], ""),
            "body_codes": set(served_by),
            "bodies": sorted(served_by.values()),
            "scope_value": scope_rows[row["target"]]["value"] if row["target"] in scope_rows else None,
        })
    counts = Counter(row["status"] for row in rows)
    return {
        "unit": evaluation["unit"],
        "territory": evaluation["territory"],
        "year": year,
        "is_scope": is_scope,
        "scope_name": scope.name,
        "counts": [(status, label, counts[status]) for status, label in STATUS_LABELS_VI.items()],
        "total": len(rows),
        "rows": [row for row in rows if filters.keeps(row)],
        "body_choices": sorted({(code, name) for row in rows for code, name in bodies.get(row["target"], {}).items()}, key=lambda c: c[1]),
    }


def _bodies_by_target(program: Program) -> dict[str, dict[str, str]]:
    """Target code -> {body code: body name} of the bodies leading or carrying out its tasks."""
    links = TaskGroup.serves_targets.through.objects.filter(taskgroup__program=program).values_list("taskgroup_id", "target__code")
    assignments = TaskAssignment.objects.filter(task__program=program).values_list("task_id", "body__code", "body__name")
    by_task: dict[int, dict[str, str]] = {}
    for task_id, code, name in assignments:
        by_task.setdefault(task_id, {})[code] = name
    result: dict[str, dict[str, str]] = {}
    for task_id, target_code in links:
        result.setdefault(target_code, {}).update(by_task.get(task_id, {}))
    return result


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def target_story(program: Program, target_code: str, unit_code: str, year: int) -> dict:
    """One target at the unit: its evaluation row, and every unit under it ranked for the latest
    year with figures (who is furthest from the goal, who has not reported)."""
    evaluation = evaluate_program(program, unit_code, year)
    row = next((r for r in evaluation["targets"] if r["target"] == target_code), None)
    if row is None:
        return {}
    years = list(range(program.start_year - 1, year + 1))
    breakdown = evaluate_breakdown(program, evaluation["unit"]["code"], year, years, [target_code])
    rank_year = row["year"] or year
    return {"unit": evaluation["unit"], "row": row, "rank_year": rank_year, "year": year,
            "ranking": rank_units(row, breakdown["units"], rank_year), "breakdown": breakdown}


def shortfall(row: dict, value: float) -> float:
    """How far `value` is from the target in the undesirable direction (negative: beyond it)."""
    comparator = row["comparator"]
    inputs = row.get("inputs", {})
    goal = row["target_value"]
    if comparator in ("lt", "le"):
        return value - goal
    if comparator in ("gt", "ge"):
        return goal - value
    if comparator == "range":
        low, high = inputs.get("low"), inputs.get("high")
        return max(low - value, value - high, 0.0)
    return abs(value - goal)  # eq, approx: closeness counts


def rank_units(row: dict, units: list[dict], year: int) -> dict:
    """Units that existed in `year`, best first; those with no figure listed apart as not reported."""
    if row["comparator"] == "qual" or (row["target_value"] is None and row["comparator"] != "range"):
        return {"ranked": [], "missing": [], "year": year}
    present, missing = [], []
    for unit in units:
        if year not in unit["years"]:
            continue
        value = unit["values"].get(row["target"], {}).get(year)
        if value is None:
            missing.append({"code": unit["code"], "name": unit["name"]})
        else:
            present.append({"code": unit["code"], "name": unit["name"], "value": value, "shortfall": round(shortfall(row, value), 4)})
    present.sort(key=lambda u: (u["shortfall"], u["code"]))
    for position, unit in enumerate(present, start=1):
        unit["rank"] = position
    return {"ranked": present, "missing": missing, "year": year}


PUBLISHED_STATUSES = ("approved", "excused")


def published_overview(program: Program, year: int) -> dict:
    """The program at its own unit with approved figures only (the public page): for each target
    the latest year whose figure is complete and computed only from approved (or excused) reports.
    A year with one unapproved value behind it is not shown; nothing personal is returned."""
    evaluation = evaluate_program(program, program.scope_unit.code, year)
    years = list(range(program.start_year - 1, year + 1))  # the years evaluate_program computes
    unapproved = _unapproved_element_years(program, evaluation["unit"]["code"], years)
    elements = _elements_by_target(program)
    rows = []
    for row in evaluation["targets"]:
        published = [
            point for point in row["series"]
            if point["value"] is not None and point["complete"]
            and not any((element, point["year"]) in unapproved for element in elements.get(row["target"], ()))
        ]
        latest = published[-1] if published else None
        current = latest is not None and latest["year"] == row["year"]
        rows.append({
            "target": row["target"], "name": row["name"], "unit": row["unit"], "comparator": row["comparator"],
            "target_value": row["target_value"], "target_year": row["target_year"], "inputs": {k: row["inputs"].get(k) for k in ("low", "high")},
            "value": latest["value"] if latest else None, "year": latest["year"] if latest else None,
            "status": row["status"] if current else None, "status_vi": row["status_vi"] if current else None,
        })
    return {"unit": evaluation["unit"], "year": year, "rows": rows}


def _elements_by_target(program: Program) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for code, *ids in program.targets.values_list("code", "indicator__numerator_id", "indicator__denominator_id", "indicator__weight_id"):
        found[code] = {i for i in ids if i is not None}
    return found


def _unapproved_element_years(program: Program, unit_code: str, years: list[int]) -> set[tuple[int, int]]:
    """(element id, year) pairs with a stored value, in the unit's territory, whose report is not
    approved or excused. Two queries: the elements' values, and whether each has such a report."""
    from django.db.models import Exists, OuterRef

    from ansinh.analytics.selectors import load_lineage, resolve_unit
    from ansinh.core.periods import parse_period
    from ansinh.datavalues.models import DataValue, Submission

    unit = resolve_unit(unit_code, years[-1] if years else date.today().year)
    lineage = load_lineage()
    units: set[int] = set()
    for year in years:
        frontier = list(lineage.territory(unit.pk, date(year, 12, 31)).members)
        while frontier:  # the members and every unit under them
            units.update(frontier)
            frontier = [child for parent in frontier for child in lineage.children.get(parent, [])]
    element_ids = {i for ids in _elements_by_target(program).values() for i in ids}
    approved = Submission.objects.filter(
        data_set=OuterRef("data_element__data_set_link__data_set"), unit=OuterRef("unit"), period=OuterRef("period"),
        status__in=PUBLISHED_STATUSES,
    )
    rows = (
        DataValue.objects.filter(data_element_id__in=element_ids, unit_id__in=units)
        .annotate(ok=Exists(approved)).filter(ok=False).values_list("data_element_id", "period").order_by().distinct()
    )
    return {(element, parse_period(period).year) for element, period in rows}
