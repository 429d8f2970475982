"""Writes of analytics: keep the materialised element cube current, record manual statuses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from ansinh.analytics.cube import PeriodSpec, UnitVersion, ValueColumns, roll_up
from ansinh.analytics.models import ElementAggregate, ManualStatus
from ansinh.analytics.progress import STATUS_LABELS_VI
from ansinh.analytics.selectors import element_specs, unit_versions
from ansinh.core.audit import attribute
from ansinh.core.bulk_sql import insert_rows
from ansinh.core.errors import ErrorCode, UserError
from ansinh.core.periods import parse_period
from ansinh.datavalues.models import DataValue
from ansinh.indicators.models import DataElement
from ansinh.orgunits.models import OrgUnit
from ansinh.programs.models import Target


@dataclass(frozen=True)
class RefreshSummary:
    cells: int  # (element, period) pairs recomputed
    rows: int  # aggregate rows written

    def as_dict(self) -> dict[str, int]:
        return {"cells": self.cells, "rows": self.rows}


@transaction.atomic
def do_refresh_aggregates(
    changes: Iterable[tuple[int, str, int]] | None = None, *, written: tuple[Any, list[tuple]] | None = None
) -> RefreshSummary:
    """Recompute the cube: everything (changes=None), or what some changed values affect.

    `changes` holds (element id, period, unit id) of changed values; only those elements and
    periods are recomputed, and only inside the provinces (tree roots) of those units, so one
    commune's correction costs the size of its province, not of the country. A derived store,
    exactly reproducible from the audited data values, so it carries no audit of its own.

    `written` = (timestamp, rows): the values the caller has just written with that `updated_at`,
    as (element id, unit id, period, value); they are taken from memory instead of being read
    back (a million-value import would otherwise read its own million rows again).
    """
    all_units = unit_versions()
    units, values, elements = all_units, DataValue.objects.all(), DataElement.objects.all()
    if changes is not None:
        changes = set(changes)
        if not changes:
            return RefreshSummary(0, 0)
        units = _within_roots_of(all_units, {unit for _, _, unit in changes})
        element_ids = {element for element, _, _ in changes}
        values = values.filter(data_element_id__in=element_ids, period__in={p for _, p, _ in changes})
        elements = elements.filter(id__in=element_ids)
        # Restrict to the provinces concerned, unless they are all of them (a national import):
        # then a long list of unit ids would only slow the query down.
        in_scope = None if len(units) == len(all_units) else [u.id for u in units]
        if in_scope is not None:
            values = values.filter(unit_id__in=in_scope)
        cells = {(element, period) for element, period, _ in changes}
        period_codes = sorted({p for _, p in cells})
    else:
        period_codes = sorted(set(values.values_list("period", flat=True)))
    period_index = {code: i for i, code in enumerate(period_codes)}
    if written is not None:
        values = values.exclude(updated_at=written[0])
    rows = _fetch(values.values_list("data_element_id", "unit_id", "period", "value"))
    if written is not None:
        rows = [*rows, *written[1]]
    periods = [PeriodSpec(code, parse_period(code).end) for code in period_codes]
    slices = roll_up(units, element_specs(elements), periods, ValueColumns.from_rows(rows, period_index))
    fresh = (
        (e, u, period_codes[p], value, reported, expected)
        for cube_slice in slices
        for e, p, u, value, reported, expected in cube_slice.rows()
        if changes is None or (e, period_codes[p]) in cells
    )
    stale = ElementAggregate.objects.all()
    if changes is not None:
        stale = stale.filter(data_element_id__in={e for e, _ in cells}, period__in=period_codes)
        if in_scope is not None:
            stale = stale.filter(unit_id__in=in_scope)
    stale._raw_delete(stale.db)  # a derived table: no cascades or signals to honour, just rows
    written = insert_rows(ElementAggregate, ("data_element_id", "unit_id", "period", "value", "reported", "expected"), fresh)
    return RefreshSummary(len(cells) if changes is not None else len(elements) * len(periods), written)


def _fetch(queryset) -> list[tuple]:
    """The rows of a values_list query straight from the cursor: a refresh after a large import
    reads a million values, and the ORM's per-row conversion is not needed for plain numbers."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _within_roots_of(units: list[UnitVersion], unit_ids: set[int]) -> list[UnitVersion]:
    """The units sharing a tree root (province) with any of `unit_ids`."""
    parent = {u.id: u.parent_id for u in units}

    def root(uid: int) -> int:
        while parent.get(uid) is not None:
            uid = parent[uid]
        return uid

    roots = {root(uid) for uid in unit_ids}
    return [u for u in units if root(u.id) in roots]


@transaction.atomic
def do_set_manual_status(target: Target, unit: OrgUnit, year: int, *, status: str, reason: str, acting_user: Any, channel: str) -> ManualStatus:
    """A person's assessment of a qualitative target: who, when, why (history keeps old ones)."""
    if target.comparator != "qual":
        raise UserError.single(ErrorCode.FIELD_INVALID, f"chỉ tiêu {target.code} có số liệu; trạng thái được tính tự động", field="target")
    if status not in STATUS_LABELS_VI:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"trạng thái {status!r} không hợp lệ; dùng một trong: {', '.join(STATUS_LABELS_VI)}", field="status")
    if not reason.strip():
        raise UserError.single(ErrorCode.FIELD_MISSING, "cần ghi lý do, căn cứ đánh giá", field="reason")
    record = ManualStatus.objects.filter(target=target, unit=unit, year=year).first() or ManualStatus(target=target, unit=unit, year=year)
    record.status, record.reason, record.set_by = status, reason.strip(), acting_user
    attribute(record, acting_user, channel).save()
    return record
