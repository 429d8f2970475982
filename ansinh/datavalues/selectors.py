"""Reads of data values and reports (a fixed handful of queries per call)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Max, Min

from ansinh.accounts import policies
from ansinh.core.errors import ErrorCode, UserError
from ansinh.core.periods import parse_period, periods_of_year
from ansinh.datavalues.models import DataValue, Submission, SubmissionStatus
from ansinh.datavalues.reporting import due_date
from ansinh.datavalues.validation import Candidate, Context, ElementMeta, Rule
from ansinh.indicators.models import DataElement, DataSet, Indicator, ValidationRule
from ansinh.indicators.rules import parse_expression
from ansinh.orgunits.models import OrgUnit
from ansinh.orgunits.selectors import chain_ids, code_candidates, get_unit, valid_on
from ansinh.programs.models import Program


def has_sample_data() -> bool:
    return DataValue.objects.filter(is_sample=True).exists()


def units_for_codes(codes: set[str]) -> dict[str, list[OrgUnit]]:
    """Every version of every unit carrying one of `codes` (or its zero-padded form), by code."""
    wanted = {candidate for code in codes for candidate in code_candidates(code)}
    found: dict[str, list[OrgUnit]] = defaultdict(list)
    for unit in OrgUnit.objects.filter(code__in=wanted).select_related("parent__parent"):
        found[unit.code].append(unit)
    return found


def program_years() -> tuple[int, int]:
    """Years data may be entered for: from the year before the earliest program (its baseline)
    to the end of the latest one."""
    bounds = Program.objects.aggregate(Min("start_year"), Max("end_year"))
    start, end = bounds["start_year__min"], bounds["end_year__max"]
    return (start - 1, end) if start else (2000, 2100)


def previous_period(code: str) -> str:
    period = parse_period(code)
    if period.period_type == "yearly":
        return str(period.year - 1)
    if period.period_type == "six_monthly":
        return f"{period.year}S1" if code.endswith("S2") else f"{period.year - 1}S2"
    if period.period_type == "quarterly":
        quarter = int(code[-1])
        return f"{period.year}Q{quarter - 1}" if quarter > 1 else f"{period.year - 1}Q4"
    month = period.start.month
    return f"{period.year}{month - 1:02d}" if month > 1 else f"{period.year - 1}12"


def validation_context(candidates: list[Candidate]) -> Context:
    codes = {c.element for c in candidates}
    elements = {e.code: e for e in DataElement.objects.all()}
    pairs = [
        (num, den)
        for num, den in Indicator.objects.filter(kind="ratio", factor=100).values_list("numerator__code", "denominator__code")
    ]
    rules = [
        Rule(r.code, r.name, parse_expression(r.left), r.operator, parse_expression(r.right), r.importance)
        for r in ValidationRule.objects.all()
    ]
    units, periods = {c.unit for c in candidates}, {c.period for c in candidates}
    existing: dict[tuple[int, str], dict[str, Decimal]] = defaultdict(dict)
    for unit, period, code, value in DataValue.objects.filter(unit_id__in=units, period__in=periods, category="").values_list(
        "unit_id", "period", "data_element__code", "value"
    ):
        existing[(unit, period)][code] = value
    previous_periods = {p: previous_period(p) for p in periods}
    previous = {
        (unit, period, code): value
        for unit, period, code, value in DataValue.objects.filter(unit_id__in=units, period__in=set(previous_periods.values()), data_element__code__in=codes, category="").values_list(
            "unit_id", "period", "data_element__code", "value"
        )
    }
    return Context(
        elements={code: ElementMeta(e.code, e.name, e.value_type, e.unit_label) for code, e in elements.items()},
        percentage_pairs=pairs,
        rules=rules,
        existing=dict(existing),
        previous_periods=previous_periods,
        previous=previous,
        peer_rates=_peer_rates(candidates, pairs),
    )


def _peer_rates(candidates: list[Candidate], pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[float]]:
    """Rates of the other units of the same level in the same period, for the outlier check."""
    denominators = dict(pairs)
    wanted = {(c.period, c.element) for c in candidates if c.element in denominators}
    if not wanted:
        return {}
    own = {c.unit for c in candidates}
    codes = {e for _, e in wanted} | {denominators[e] for _, e in wanted}
    rows = DataValue.objects.filter(period__in={p for p, _ in wanted}, data_element__code__in=codes, category="").exclude(unit_id__in=own)
    values: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(dict)
    for period, unit, code, value in rows.values_list("period", "unit_id", "data_element__code", "value"):
        values[(period, unit)][code] = value
    rates: dict[tuple[str, str], list[float]] = defaultdict(list)
    for (period, _unit), cell in values.items():
        for numerator, denominator in denominators.items():
            if (period, numerator) in wanted and cell.get(denominator) and numerator in cell:
                rates[(period, numerator)].append(float(cell[numerator] / cell[denominator] * 100))
    return dict(rates)


def report_locks(cells: set[tuple[int, str]], for_update: bool = False) -> dict[tuple[int, int, str], str]:
    """(data set id, unit id, period) -> status of the reports of those data sets and periods
    (`for_update`: row-locked until the caller's transaction ends, so no approval slips in)."""
    if not cells:
        return {}
    rows = Submission.objects.filter(data_set_id__in={c[0] for c in cells}, period__in={c[1] for c in cells})
    if for_update:
        rows = rows.select_for_update()
    return {(s.data_set_id, s.unit_id, s.period): s.status for s in rows}


def missing_elements(data_set: DataSet, unit: OrgUnit, period: str) -> list[str]:
    present = set(DataValue.objects.filter(unit=unit, period=period, data_element__data_set_link__data_set=data_set).values_list("data_element__code", flat=True))
    return [e.code for e in data_set.elements.order_by("data_set_link__position") if e.code not in present]


def reporting_units_below(data_set: DataSet, unit: OrgUnit, period: str) -> list[OrgUnit]:
    """The units under `unit` that report `data_set` themselves, as the tree stood at the period's end."""
    end = parse_period(period).end
    if data_set.level == "commune":
        candidates = OrgUnit.objects.filter(valid_on(end), level=3)
    else:
        has_districts = OrgUnit.objects.filter(valid_on(end), level=2).exists()
        candidates = OrgUnit.objects.filter(valid_on(end), level=2 if has_districts else 3)
    below = [u for u in candidates.select_related("parent__parent") if u.pk != unit.pk and unit.pk in chain_ids(u)]
    return sorted(below, key=lambda u: u.code)


def pending_reports(data_set: DataSet, units: list[OrgUnit], period: str) -> list[str]:
    done = set(
        Submission.objects.filter(data_set=data_set, period=period, unit__in=units, status__in=[SubmissionStatus.APPROVED, SubmissionStatus.EXCUSED]).values_list("unit_id", flat=True)
    )
    return [u.name for u in units if u.pk not in done]


@dataclass(frozen=True)
class ReportRow:
    unit: OrgUnit
    status: str
    status_label: str
    submitted_at: Any
    on_time: bool | None
    values: int
    expected: int
    reason: str


def reporting_status(data_set: DataSet, parent: OrgUnit, period: str, today: date | None = None) -> dict[str, Any]:
    """Who has reported what for the period: one row per unit expected to report (completeness
    and timeliness, "ai chưa báo cáo?")."""
    units = reporting_units_below(data_set, parent, period) or [parent]
    submissions = {s.unit_id: s for s in Submission.objects.filter(data_set=data_set, period=period, unit__in=units)}
    counts = defaultdict(int)
    for unit_id in DataValue.objects.filter(unit__in=units, period=period, data_element__data_set_link__data_set=data_set).values_list("unit_id", flat=True):
        counts[unit_id] += 1
    expected = data_set.elements.count()
    deadline = due_date(period, data_set.due_days)
    rows = []
    for unit in units:
        submission = submissions.get(unit.pk)
        status = submission.status if submission else "not_started"
        submitted = submission.submitted_at if submission else None
        on_time = None if submitted is None else submitted.date() <= deadline
        label = SubmissionStatus(status).label if submission else ("chưa gửi" if counts[unit.pk] else "chưa nhập")
        rows.append(ReportRow(unit, status, label, submitted, on_time, counts[unit.pk], expected, submission.reason if submission else ""))
    parent_submission = Submission.objects.filter(data_set=data_set, period=period, unit=parent).first()
    reported = sum(1 for r in rows if r.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED))
    return {
        "data_set": data_set,
        "parent": parent,
        "period": period,
        "due_date": deadline,
        "rows": rows,
        "reported": reported,
        "expected": len(rows),
        "late": sum(1 for r in rows if r.on_time is False) + sum(1 for r in rows if r.submitted_at is None and (today or date.today()) > deadline),
        "parent_status": parent_submission.get_status_display() if parent_submission else "chưa duyệt",
    }


def form_rows(data_set: DataSet, unit: OrgUnit, period: str) -> list[dict[str, Any]]:
    """One row per element of the form: current value (with its version), last period's value."""
    elements = list(data_set.elements.order_by("data_set_link__position"))
    previous_code = previous_period(period)
    current = {v.data_element_id: v for v in DataValue.objects.filter(unit=unit, period=period, category="", data_element__in=elements).select_related("updated_by")}
    previous = dict(
        DataValue.objects.filter(unit=unit, period=previous_code, category="", data_element__in=elements).values_list("data_element_id", "value")
    )
    return [
        {"element": e, "value": current.get(e.pk), "previous": previous.get(e.pk), "version": current[e.pk].version if e.pk in current else 0}
        for e in elements
    ]


def value_history(value: DataValue) -> list[dict[str, Any]]:
    """Who changed a value, when, from what to what, and through which channel."""
    records = list(value.history.select_related("history_user").order_by("history_date"))
    result, before = [], None
    for record in records:
        result.append({
            "when": record.history_date,
            "who": record.history_user.get_username() if record.history_user else "",
            "old": before,
            "new": record.value,
            "channel": record.history_change_reason or "",
        })
        before = record.value
    return list(reversed(result))


def histories_for(values: list[DataValue]) -> dict[int, list[dict[str, Any]]]:
    """The change history of several values in one query (for the entry form)."""
    records = DataValue.history.filter(id__in=[v.pk for v in values]).select_related("history_user").order_by("id", "history_date")
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    before: dict[int, Decimal | None] = {}
    for record in records:
        grouped[record.id].append({
            "when": record.history_date,
            "who": record.history_user.get_username() if record.history_user else "",
            "old": before.get(record.id),
            "new": record.value,
            "channel": record.history_change_reason or "",
        })
        before[record.id] = record.value
    return {key: list(reversed(rows)) for key, rows in grouped.items()}


def current_periods(period_type: str, today: date) -> list[str]:
    """The period under way and the one before it (the ones people report for)."""
    codes = [p for year in (today.year - 1, today.year) for p in periods_of_year(year, period_type)]
    started = [code for code in codes if parse_period(code).start <= today]
    return list(reversed(started[-2:]))


def forms_for_user(user, today: date) -> list[dict[str, Any]]:
    """Each (data set, unit, period) the user may enter now, with its report status."""
    rows = []
    grants = policies.grants_of(user)
    scope_units = OrgUnit.objects.filter(id__in=[g.unit_id for g in grants if g.unit_id]).select_related("parent")
    for data_set in DataSet.objects.all():
        for period in current_periods(data_set.period_type, today):
            end = parse_period(period).end
            for scope in scope_units:
                units = [scope] if scope.level == 3 or data_set.level == "town" and scope.level == 2 else reporting_units_below(data_set, scope, period)
                for unit in units:
                    valid = (unit.valid_from is None or unit.valid_from <= end) and (unit.valid_to is None or unit.valid_to >= end)
                    if valid and policies.can_enter(user, data_set, unit):
                        rows.append({"data_set": data_set, "unit": unit, "period": period})
    statuses = {
        (s.data_set_id, s.unit_id, s.period): s.get_status_display()
        for s in Submission.objects.filter(data_set__in={r["data_set"] for r in rows}, unit__in={r["unit"] for r in rows}, period__in={r["period"] for r in rows})
    }
    for row in rows:
        row["status"] = statuses.get((row["data_set"].pk, row["unit"].pk, row["period"]), "chưa nhập")
    return rows


def approval_scopes(user) -> list[OrgUnit]:
    """Units whose reports the user follows: approval scopes, else the units the user reports for,
    else the provinces (for viewers and supervisors, who see everything)."""
    grants = policies.grants_of(user)
    ids = [g.unit_id for g in grants if g.unit_id]
    if ids:
        return list(OrgUnit.objects.filter(id__in=ids).order_by("code"))
    return list(OrgUnit.objects.filter(level=1, valid_to__isnull=True).order_by("code"))


def template_sheets(data_set: DataSet, unit: OrgUnit, period: str, period_label: str):
    """The sheets of an Excel template: one per reporting unit (the unit itself, or every unit
    under it that reports the data set), pre-filled with current and last period's values."""
    from ansinh.datavalues.excel import TemplateElement, TemplateSheet

    units = reporting_units_below(data_set, unit, period) or [unit]
    elements = list(data_set.elements.order_by("data_set_link__position"))
    wanted_periods = [period, previous_period(period)]
    values = defaultdict(dict)
    rows = DataValue.objects.filter(unit__in=units, period__in=wanted_periods, data_element__in=elements, category="")
    for unit_id, element_id, row_period, value, comment in rows.values_list("unit_id", "data_element_id", "period", "value", "comment"):
        values[(unit_id, row_period)][element_id] = (value, comment)
    sheets = []
    for reporting_unit in units:
        current, previous = values[(reporting_unit.pk, period)], values[(reporting_unit.pk, wanted_periods[1])]
        sheets.append(
            TemplateSheet(
                unit_code=reporting_unit.code, unit_name=reporting_unit.name, period=period, period_label=period_label,
                data_set_code=data_set.code, data_set_name=data_set.name,
                elements=[
                    TemplateElement(
                        code=e.code, name=e.name, unit_label=e.unit_label, value_type=e.value_type,
                        previous=previous.get(e.pk, (None, ""))[0], current=current.get(e.pk, (None, ""))[0],
                        comment=current.get(e.pk, (None, ""))[1],
                    )
                    for e in elements
                ],
            )
        )
    return sheets


def export_values(*, data_set: DataSet | None = None, periods: list[str] | None = None, unit: OrgUnit | None = None):
    """Stored values as ExportValues (codes as identifiers), filtered by data set, periods and a
    unit with everything under it."""
    from ansinh.datavalues.exchange import ExportValue

    rows = DataValue.objects.select_related("data_element", "unit", "updated_by").order_by("period", "unit__code", "data_element__code", "category")
    if data_set is not None:
        rows = rows.filter(data_element__data_set_link__data_set=data_set)
    if periods:
        rows = rows.filter(period__in=periods)
    if unit is not None:
        rows = rows.filter(unit_id__in=[u.pk for u in _subtree(unit)])
    return [
        ExportValue(
            element_code=v.data_element.code, unit_code=v.unit.code, period=v.period, value=plain_decimal(v.value),
            category=v.category, comment=v.comment,
            stored_by=v.updated_by.get_username() if v.updated_by else "", last_updated=v.updated_at.isoformat(timespec="seconds"),
        )
        for v in rows.iterator(chunk_size=5000)
    ]


def _subtree(unit: OrgUnit) -> list[OrgUnit]:
    """`unit` and every unit ever under it (all validity periods)."""
    found, frontier = [unit], [unit.pk]
    while frontier:
        children = list(OrgUnit.objects.filter(parent_id__in=frontier))
        found += children
        frontier = [c.pk for c in children]
    return found


def plain_decimal(value: Decimal) -> Decimal:
    """26705.0000 -> 26705 and 4.8000 -> 4.8, never 2.6705E+4."""
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def report_objects(data_set_code: str, unit_code: str, period: str) -> tuple[DataSet, OrgUnit]:
    """The data set and the unit (as it stood at the period's end) that codes name; UserError if not."""
    data_set = DataSet.objects.filter(code=data_set_code).first()
    if data_set is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có biểu (bộ số liệu) mã '{data_set_code}'", field="dataSet")
    try:
        parsed = parse_period(period)
    except ValueError as exc:
        raise UserError.single(ErrorCode.FIELD_INVALID, str(exc), field="period") from None
    if parsed.period_type != data_set.period_type:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"biểu {data_set.code} báo cáo theo kỳ {data_set.period_type}, không theo kỳ {period}", field="period")
    return data_set, get_unit(unit_code, parsed.end)


def values_page(*, element_code: str = "", unit_code: str = "", period: str = "", limit: int = 100, offset: int = 0) -> tuple[int, list[DataValue]]:
    """Stored values filtered by element, unit code (every version of the code) and period, a page at a time."""
    rows = DataValue.objects.select_related("data_element", "unit", "updated_by").order_by("data_element__code", "unit__code", "period", "category", "id")
    if element_code:
        rows = rows.filter(data_element__code=element_code)
    if unit_code:
        rows = rows.filter(unit__code=unit_code)
    if period:
        rows = rows.filter(period=period)
    return rows.count(), list(rows[offset:offset + limit])


def stored_value(element_code: str, unit: OrgUnit, period: str) -> DataValue | None:
    return DataValue.objects.select_related("data_element", "unit", "updated_by").filter(
        data_element__code=element_code, unit=unit, period=period, category=""
    ).first()


def unit_report_states(unit: OrgUnit, today: date) -> list[dict[str, Any]]:
    """The reports a commune owes now: each commune-level data set for the current periods, with
    the report's status (a commune page's "reporting status"). One query for the statuses."""
    data_sets = list(DataSet.objects.filter(level="commune").order_by("code"))
    wanted = [(ds, period) for ds in data_sets for period in current_periods(ds.period_type, today)]
    found = {
        (s.data_set_id, s.period): s
        for s in Submission.objects.filter(unit=unit, data_set__in=data_sets, period__in={p for _, p in wanted})
    }
    rows = []
    for data_set, period in wanted:
        submission = found.get((data_set.pk, period))
        rows.append({
            "data_set": data_set, "period": period,
            "status": submission.status if submission else "not_started",
            "status_label": submission.get_status_display() if submission else "chưa gửi",
        })
    return rows
