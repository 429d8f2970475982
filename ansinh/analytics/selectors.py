"""Reads for analytics: the database turned into the pure engine's inputs, and program
evaluation from the materialised aggregates (a fixed handful of queries per evaluation)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import cache

from ansinh.analytics.cube import COMMUNE_LEVEL, DISTRICT_LEVEL, ElementSpec, UnitVersion, commune_expected
from ansinh.analytics.evaluation import Cell, ElementInfo, IndicatorInfo, TargetInfo, evaluate_target, unit_series
from ansinh.analytics.models import ElementAggregate, ManualStatus
from ansinh.analytics.territory import Edge, Lineage, Territory
from ansinh.core.errors import ErrorCode, UserError
from ansinh.core.periods import parse_period, periods_of_year
from ansinh.datavalues.models import DataValue
from ansinh.indicators.models import DataElement, Indicator
from ansinh.orgunits.models import OrgUnit, UnitSuccession
from ansinh.orgunits.selectors import code_candidates
from ansinh.programs.models import Program, Target


def unit_versions(ids: Iterable[int] | None = None) -> list[UnitVersion]:
    rows = OrgUnit.objects.all() if ids is None else OrgUnit.objects.filter(id__in=list(ids))
    return [UnitVersion(*row) for row in rows.values_list("id", "parent_id", "level", "valid_from", "valid_to")]


def load_lineage() -> Lineage:
    edges = [Edge(*row) for row in UnitSuccession.objects.values_list("predecessor_id", "successor_id", "whole")]
    return Lineage(unit_versions(), edges)


def element_specs(elements: Iterable[DataElement] | None = None) -> list[ElementSpec]:
    """Elements measured by a kind-"value" indicator (life expectancy) are not summed."""
    not_summable = set(Indicator.objects.filter(kind="value").values_list("numerator_id", flat=True))
    rows = DataElement.objects.all() if elements is None else elements
    return [ElementSpec(e.id, e.collection_level == "town", e.id not in not_summable) for e in rows]


def resolve_unit(code: str, year: int) -> OrgUnit:
    """The unit a user means by `code` for `year`: the one valid at the end of the year, else the
    latest one before it (a dissolved unit, evaluated over its successors), else the first after."""
    versions = list(OrgUnit.objects.filter(code__in=code_candidates(code)))
    if not versions:
        raise UserError.single(ErrorCode.UNKNOWN_UNIT, f"không có đơn vị hành chính mã {code}", field="unit")
    codes = {unit.code for unit in versions}
    if len(codes) > 1:
        exact = [unit for unit in versions if unit.code == code]
        if not exact:
            raise UserError.single(ErrorCode.AMBIGUOUS_UNIT, f"mã {code} trùng nhiều đơn vị ({', '.join(sorted(codes))}); ghi đủ chữ số", field="unit")
        versions = exact
    end = date(year, 12, 31)
    valid = [u for u in versions if (u.valid_from is None or u.valid_from <= end) and (u.valid_to is None or u.valid_to >= end)]
    if valid:
        return valid[0]
    before = [u for u in versions if u.valid_to is not None and u.valid_to < end]
    if before:
        return max(before, key=lambda u: u.valid_to)
    return min(versions, key=lambda u: u.valid_from)


def _indicator_info(indicator: Indicator) -> IndicatorInfo:
    def info(element: DataElement | None) -> ElementInfo | None:
        if element is None:
            return None
        return ElementInfo(element.id, element.code, element.period_type, element.time_aggregation)

    return IndicatorInfo(
        indicator.code, indicator.kind, info(indicator.numerator), info(indicator.denominator), info(indicator.weight), indicator.factor
    )


def target_info(target: Target) -> TargetInfo:
    def number(value):
        return None if value is None else float(value)

    return TargetInfo(
        code=target.code,
        name=target.name,
        comparator=target.comparator,
        value=number(target.value),
        low=number(target.low),
        high=number(target.high),
        unit_label=target.unit_label,
        year=target.year,
        indicator=_indicator_info(target.indicator) if target.indicator else None,
        accumulate_from=target.accumulate_from,
        baseline_value=number(target.baseline_value),
        baseline_year=target.baseline_year,
    )


def evaluate_program(program: Program, unit_code: str, year: int) -> dict:
    """Every target of `program` at the unit `unit_code` for `year`, with series and inputs."""
    unit = resolve_unit(unit_code, year)
    targets = list(
        program.targets.select_related(
            "indicator__numerator", "indicator__denominator", "indicator__weight"
        ).order_by("position")
    )
    years = list(range(program.start_year - 1, year + 1))
    lineage = load_lineage()
    territory_for = cache(lambda day: lineage.territory(unit.pk, day))
    cells = _cells_for(targets, years, territory_for, lineage.units)
    manual = _manual_statuses(targets, unit, year)
    results = [
        evaluate_target(target_info(t), years, territory_for, lambda e, p, u: cells.get((e, p, u)), manual.get(t.pk))
        for t in targets
    ]
    return {
        "program": program.code,
        "unit": {"code": unit.code, "name": unit.name, "valid_from": _iso(unit.valid_from), "valid_to": _iso(unit.valid_to)},
        "year": year,
        "territory": _territory_summary(territory_for(date(year, 12, 31))),
        "targets": [r.as_dict() for r in results],
    }


def _cells_for(targets: list[Target], years: list[int], territory_for, units: dict[int, UnitVersion]) -> dict[tuple[int, str, int], Cell]:
    """Every cell the evaluation of `targets` can ask for (a fixed number of queries)."""
    elements: dict[int, DataElement] = {}
    members, periods = set(), set()
    for target in targets:
        indicator = target.indicator
        if indicator is None:
            continue
        for element in filter(None, [indicator.numerator, indicator.denominator, indicator.weight]):
            elements[element.id] = element
            for year in years:
                for period in _periods(element, year):
                    periods.add(period)
                    members.update(territory_for(parse_period(period).end).members)
    return cells_of(elements, periods, members, units)


def cells_of(elements: dict[int, DataElement], periods: set[str], members: set[int], units: dict[int, UnitVersion]) -> dict[tuple[int, str, int], Cell]:
    """The cube's cells of `elements` × `periods` × `members`, in two queries: the stored
    aggregates of the units above the communes (and of the communes' parents), and the communes'
    own values, from which their cells are built (the cube does not store them, analytics/cube.py)."""
    communes = {m for m in members if m in units and units[m].level >= COMMUNE_LEVEL}
    parents = {units[m].parent_id for m in communes if units[m].parent_id is not None}
    rows = ElementAggregate.objects.filter(data_element_id__in=list(elements), unit_id__in=(members - communes) | parents, period__in=periods)
    stored = {
        (r.data_element_id, r.period, r.unit_id): Cell(r.value, r.reported, r.expected)
        for r in rows.only("data_element_id", "period", "unit_id", "value", "reported", "expected")
    }
    asked = {key: cell for key, cell in stored.items() if key[2] in members}
    return {**asked, **_commune_cells(elements, periods, communes, units, stored)}


def _commune_cells(elements: dict[int, DataElement], periods: set[str], communes: set[int], units: dict[int, UnitVersion], stored: dict) -> dict:
    """Commune cells exactly as the cube computes them (analytics/cube.py): the value is the sum of
    the commune's values over categories, and a commune with a value made every report it owed
    (`commune_expected`). A commune without a value has a cell (nothing reported of what it owed)
    only where its parent's stored cell has a value, as the cube keeps silent cells."""
    if not communes or not elements:
        return {}
    ends = {period: parse_period(period).end for period in periods}
    sums: dict[tuple[int, str, int], float] = defaultdict(float)
    values = DataValue.objects.filter(data_element_id__in=list(elements), unit_id__in=communes, period__in=periods)
    for element_id, unit_id, period, value in values.values_list("data_element_id", "unit_id", "period", "value"):
        if units[unit_id].valid_on(ends[period]):  # the cube holds only units valid at the period's end
            sums[(element_id, period, unit_id)] += float(value)
    cells = {}
    for (element_id, period, unit_id), total in sums.items():
        owed = _reports_owed(elements[element_id], units[unit_id], units, ends[period])
        cells[(element_id, period, unit_id)] = Cell(total, owed, owed)
    children: dict[int, list[int]] = defaultdict(list)
    for unit_id in communes:
        children[units[unit_id].parent_id].append(unit_id)
    for (element_id, period, parent_id), parent_cell in stored.items():
        if parent_cell.value is None or element_id not in elements:
            continue
        for unit_id in children.get(parent_id, ()):
            unit = units[unit_id]
            if (element_id, period, unit_id) in cells or not unit.valid_on(ends[period]):
                continue
            owed = _reports_owed(elements[element_id], unit, units, ends[period])
            if owed:
                cells[(element_id, period, unit_id)] = Cell(None, 0, owed)
    return cells


def _reports_owed(element: DataElement, commune: UnitVersion, units: dict[int, UnitVersion], end: date) -> int:
    """Town-level elements come from the district while a district stands above the commune."""
    parent = units.get(commune.parent_id)
    under_district = parent is not None and parent.level == DISTRICT_LEVEL and parent.valid_on(end)
    return commune_expected(element.collection_level == "town", under_district)


def _periods(element: DataElement, year: int) -> list[str]:
    return periods_of_year(year, element.period_type)


def _manual_statuses(targets: list[Target], unit: OrgUnit, year: int) -> dict[int, dict]:
    qualitative = [t.pk for t in targets if t.comparator == "qual"]
    rows = (
        ManualStatus.objects.filter(target_id__in=qualitative, unit=unit, year__lte=year)
        .select_related("set_by")
        .order_by("target_id", "year")
    )
    latest: dict[int, dict] = {}
    for row in rows:  # later years overwrite earlier ones
        latest[row.target_id] = {
            "status": row.status,
            "set_by": row.set_by.get_username(),
            "set_at": row.set_at.isoformat(),
            "reason": row.reason,
        }
    return latest


def _territory_summary(territory: Territory) -> dict:
    """The units the evaluation year was computed over (the successors of a dissolved unit)."""
    members = OrgUnit.objects.filter(id__in=territory.members).order_by("code")
    return {
        "members": [{"code": u.code, "name": u.name} for u in members],
        "mapped": territory.mapped,
        "exact": territory.exact,
        "note": territory.note,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def breakdown_units(unit: OrgUnit, years: list[int], lineage: Lineage) -> dict[int, list[int]]:
    """The units under `unit` for each year: its children valid at the year's end, or, for a year
    after it was dissolved, the units that took over its territory. Unit id -> years it is shown."""
    shown: dict[int, list[int]] = {}
    for year in years:
        day = date(year, 12, 31)
        territory = lineage.territory(unit.pk, day)
        if territory.mapped:
            ids = list(territory.members) if territory.exact else []
        else:
            ids = [child for child in lineage.children.get(unit.pk, []) if lineage.units[child].valid_on(day)]
        for unit_id in ids:
            shown.setdefault(unit_id, []).append(year)
    return shown


def evaluate_breakdown(program: Program, unit_code: str, year: int, years: list[int], target_codes: list[str] | None = None) -> dict:
    """Each target's yearly figures (or only `target_codes`') for every unit under `unit_code` (the
    review report's annex, a target page's ranking), in a fixed number of queries."""
    unit = resolve_unit(unit_code, year)
    lineage = load_lineage()
    shown = breakdown_units(unit, years, lineage)
    units_by_id = {u.pk: u for u in OrgUnit.objects.filter(id__in=list(shown))}
    targets = program.targets.select_related("indicator__numerator", "indicator__denominator", "indicator__weight").order_by("position")
    targets = list(targets if target_codes is None else targets.filter(code__in=target_codes))
    alone = {unit_id: Territory((unit_id,), True, False) for unit_id in shown}
    cells = _cells_for(targets, years, lambda day: Territory(tuple(alone), True, False), lineage.units)
    lookup = lambda e, p, u: cells.get((e, p, u))  # noqa: E731
    rows = []
    for unit_id in sorted(shown, key=lambda i: (units_by_id[i].valid_from or date.min, units_by_id[i].code)):
        member = units_by_id[unit_id]
        values = {}
        for target in targets:
            if target.comparator == "qual" or target.indicator is None:
                continue
            series = dict(unit_series(target_info(target), years, unit_id, lookup))
            values[target.code] = {y: _round_value(series[y].value) if y in shown[unit_id] and y in series else None for y in years}
        rows.append({"code": member.code, "name": member.name, "years": shown[unit_id], "values": values})
    return {"program": program.code, "unit": {"code": unit.code, "name": unit.name}, "years": years, "units": rows}


def _round_value(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)
