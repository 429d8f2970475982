"""From element aggregates to each target's series and progress status. Pure code, no ORM.

A target's value for a year is its indicator computed over the unit's territory for that year:
ratios divide the summed numerator by the summed denominator (never an average of rates),
counts sum, values that cannot be summed (life expectancy) are weighted by population, and
cumulative targets add the yearly counts from their start year. Every figure carries the
completeness of what it was computed from, and the inputs needed to redo it by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ansinh.analytics.progress import Assessment, Observation, TargetRule, assess, manual_assessment
from ansinh.analytics.territory import Territory
from ansinh.core.periods import parse_period, periods_of_year


@dataclass(frozen=True)
class ElementInfo:
    id: int
    code: str
    period_type: str
    time_aggregation: str  # "sum" or "last"


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    kind: str  # ratio | count | value
    numerator: ElementInfo
    denominator: ElementInfo | None
    weight: ElementInfo | None
    factor: int


@dataclass(frozen=True)
class TargetInfo:
    code: str
    name: str
    comparator: str
    value: float | None
    low: float | None
    high: float | None
    unit_label: str
    year: int
    indicator: IndicatorInfo | None
    accumulate_from: int | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None


@dataclass(frozen=True)
class Cell:
    value: float | None
    reported: int
    expected: int


@dataclass(frozen=True)
class Figure:
    """An element or indicator value for one year over one territory."""

    value: float | None
    reported: int
    expected: int
    exact: bool = True
    period: str = ""
    note: str = ""
    parts: dict = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.value is not None and self.exact and self.expected > 0 and self.reported >= self.expected


CellLookup = Callable[[int, str, int], Cell | None]  # (element id, period code, unit id)
TerritoryFor = Callable[[date], Territory]


def element_year(element: ElementInfo, year: int, territory_for: TerritoryFor, cell: CellLookup) -> Figure:
    periods = periods_of_year(year, element.period_type)
    if element.time_aggregation == "sum":
        figures = [_element_period(element, p, territory_for, cell) for p in periods]
        if any(f.value is None for f in figures):
            reported = sum(f.reported for f in figures)
            return Figure(None, reported, sum(f.expected for f in figures), all(f.exact for f in figures), str(year), _notes(figures))
        return Figure(
            sum(f.value for f in figures), sum(f.reported for f in figures), sum(f.expected for f in figures),
            all(f.exact for f in figures), str(year), _notes(figures),
        )
    for period in reversed(periods):  # a stock: the latest period of the year with any report
        figure = _element_period(element, period, territory_for, cell)
        if figure.value is not None or not figure.exact:
            return figure
    return figure


def _notes(figures: list[Figure]) -> str:
    return "; ".join(dict.fromkeys(f.note for f in figures if f.note))


def _element_period(element: ElementInfo, period: str, territory_for: TerritoryFor, cell: CellLookup) -> Figure:
    territory = territory_for(parse_period(period).end)
    cells = [cell(element.id, period, member) for member in territory.members]
    present = [c for c in cells if c is not None]
    values = [c.value for c in present if c.value is not None]
    reported, expected = sum(c.reported for c in present), sum(c.expected for c in present)
    if not territory.exact:
        return Figure(None, reported, expected, False, period, territory.note)
    return Figure(sum(values) if values else None, reported, expected, True, period, territory.note)


def indicator_year(indicator: IndicatorInfo, year: int, territory_for: TerritoryFor, cell: CellLookup) -> Figure:
    numerator = element_year(indicator.numerator, year, territory_for, cell)
    if indicator.kind == "count":
        return _with_parts(numerator, {indicator.numerator.code: numerator.value})
    if indicator.kind == "value":
        return _weighted_value(indicator, year, territory_for, cell)
    denominator = element_year(indicator.denominator, year, territory_for, cell)
    value = None
    if numerator.value is not None and denominator.value:
        value = numerator.value / denominator.value * indicator.factor
    weakest = min((numerator, denominator), key=lambda f: (f.reported / f.expected) if f.expected else 0)
    return Figure(
        value,
        weakest.reported,
        weakest.expected,
        numerator.exact and denominator.exact,
        numerator.period if numerator.period == denominator.period else f"{numerator.period}/{denominator.period}",
        _notes([numerator, denominator]),
        {indicator.numerator.code: numerator.value, indicator.denominator.code: denominator.value, "factor": indicator.factor},
    )


def _with_parts(figure: Figure, parts: dict) -> Figure:
    return Figure(figure.value, figure.reported, figure.expected, figure.exact, figure.period, figure.note, parts)


def _weighted_value(indicator: IndicatorInfo, year: int, territory_for: TerritoryFor, cell: CellLookup) -> Figure:
    """Mean of the members' own values weighted by population (a single member: its own value)."""
    located = element_year(indicator.numerator, year, territory_for, cell)  # the period and completeness
    if located.value is None:
        return located
    territory = territory_for(parse_period(located.period).end)
    pairs = []
    for member in territory.members:
        member_cell = cell(indicator.numerator.id, located.period, member)
        if member_cell is None or member_cell.value is None:
            continue
        weight = None
        if indicator.weight is not None:
            alone = Territory((member,), True, False)
            weight = element_year(indicator.weight, year, lambda _day, alone=alone: alone, cell).value
        pairs.append((member_cell.value, weight or 1.0))
    value = sum(v * w for v, w in pairs) / sum(w for _, w in pairs)
    parts = {"members": [{"value": v, "weight": w} for v, w in pairs]}
    return Figure(value, located.reported, located.expected, located.exact, located.period, located.note, parts)


@dataclass(frozen=True)
class TargetResult:
    target: TargetInfo
    series: list[tuple[int, Figure]]
    assessment: Assessment

    def as_dict(self) -> dict:
        latest = next((f for y, f in reversed(self.series) if f.value is not None), None)
        latest_year = next((y for y, f in reversed(self.series) if f.value is not None), None)
        a = self.assessment
        return {
            "target": self.target.code,
            "name": self.target.name,
            "indicator": self.target.indicator.code if self.target.indicator else None,
            "comparator": self.target.comparator,
            "unit": self.target.unit_label,
            "value": _round(a.value if a.value is not None else (latest.value if latest else None)),
            "year": a.year if a.year is not None else latest_year,
            "baseline": _round(a.baseline),
            "baseline_year": a.baseline_year,
            "target_value": _round(a.target_value if a.target_value is not None else self.target.value),
            "target_year": self.target.year,
            "gap": _round(a.gap),
            "status": a.status,
            "status_vi": a.status_vi,
            "method": a.method,
            "explanation_vi": a.explanation_vi,
            "completeness": _completeness(latest, latest_year),
            "series": [
                {"year": y, "value": _round(f.value), "complete": f.complete, "reported": f.reported, "expected": f.expected, "period": f.period, "note": f.note}
                for y, f in self.series
            ],
            "inputs": {**a.inputs, "figures": latest.parts if latest else {}},
        }


def _completeness(figure: Figure | None, year: int | None) -> dict:
    """How many of the expected reporting units reported, for the latest year with a value."""
    if figure is None:
        return {"year": None, "reported": 0, "expected": 0, "ratio": None, "complete": False}
    ratio = round(figure.reported / figure.expected, 4) if figure.expected else None
    return {"year": year, "reported": figure.reported, "expected": figure.expected, "ratio": ratio, "complete": figure.complete}


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def evaluate_target(
    target: TargetInfo,
    years: list[int],
    territory_for: TerritoryFor,
    cell: CellLookup,
    manual: dict | None = None,
) -> TargetResult:
    """Series and status of one target at one unit, over `years` (the last is the evaluation year)."""
    if target.comparator == "qual" or target.indicator is None:
        if manual:
            assessment = manual_assessment(manual["status"], set_by=manual["set_by"], set_at=manual["set_at"], reason=manual["reason"])
        else:
            assessment = assess([], _rule(target))
        return TargetResult(target, [], assessment)
    series = [(year, indicator_year(target.indicator, year, territory_for, cell)) for year in years]
    if target.accumulate_from is not None:
        series = _accumulated(series, target.accumulate_from)
    observations = [Observation(year, figure.value, figure.complete) for year, figure in series if figure.value is not None]
    if target.baseline_value is not None and target.baseline_year not in {o.year for o in observations}:
        observations.insert(0, Observation(target.baseline_year, target.baseline_value, True))
    observations.sort(key=lambda o: o.year)
    return TargetResult(target, series, assess(observations, _rule(target), base_year=target.baseline_year))


def _accumulated(series: list[tuple[int, Figure]], start: int) -> list[tuple[int, Figure]]:
    result, running, complete, reported, expected = [], 0.0, True, 0, 0
    for year, figure in series:
        if year < start:
            continue
        if figure.value is None:
            result.append((year, Figure(None, figure.reported, figure.expected, figure.exact, figure.period, figure.note)))
            complete = False
            continue
        running += figure.value
        complete = complete and figure.complete
        reported, expected = figure.reported, figure.expected
        accumulated = Figure(running, reported if complete else 0, expected, figure.exact, figure.period, figure.note, {"accumulated_from": start, "this_year": figure.value})
        result.append((year, accumulated))
    return [(start - 1, Figure(0.0, 1, 1, True, str(start - 1), "", {"accumulated_from": start}))] + result


def _rule(target: TargetInfo) -> TargetRule:
    kind = "cumulative" if target.accumulate_from is not None else ("count" if target.indicator and target.indicator.kind == "count" else "rate")
    percent = target.unit_label == "%"
    return TargetRule(
        comparator=target.comparator,
        value=target.value,
        low=target.low,
        high=target.high,
        target_year=target.year,
        kind=kind,
        upper_limit=100.0 if percent and target.comparator in ("ge", "gt", "eq") and (target.value or 0) > 50 else None,
    )



def unit_series(target: TargetInfo, years: list[int], unit_id: int, cell: CellLookup) -> list[tuple[int, Figure]]:
    """A target's yearly figures over one unit's own data (an annex row), no lineage mapping."""
    alone = Territory((unit_id,), True, False)
    return evaluate_target(target, years, lambda _day: alone, cell).series
