"""Writes of analytics: keep the materialised element cube current, record manual statuses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
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


@dataclass(frozen=True)
class WrittenValues:
    """What a write leaves in memory for the refresh, so that a million-value import is not read
    back: every current value of the units written to, for the elements and periods written
    (the new and changed ones, and those the write left unchanged), as columns whose `period`
    indexes `periods`; `changed` marks the values the write created or changed."""

    values: ValueColumns
    periods: list[str]
    changed: np.ndarray  # bool, one per value


@transaction.atomic
def do_refresh_aggregates(written: WrittenValues | None = None) -> RefreshSummary:
    """Recompute the cube: everything (None), or what the values a write changed affect.

    Only the elements and periods of the changed values are recomputed, and only inside the
    provinces (tree roots) of their units, so one commune's correction costs the size of its
    province, not of the country. The values of the units written to come from `written`; only
    those of the other units of these provinces are read. A derived store, exactly reproducible
    from the audited data values, so it carries no audit of its own.
    """
    if written is None:
        return _refresh_everything()
    changed = written.values.where(written.changed)
    if not len(changed):
        return RefreshSummary(0, 0)
    all_units = unit_versions()
    units = _within_roots_of(all_units, set(np.unique(changed.unit).tolist()))
    element_ids = np.unique(changed.element).tolist()
    period_codes = sorted({written.periods[i] for i in np.unique(changed.period).tolist()})
    values = _scope_values(written, units, element_ids, period_codes)
    slices = roll_up(units, element_specs(DataElement.objects.filter(id__in=element_ids)), _period_specs(period_codes), values)
    # Every (element, period) pair of these elements and periods is recomputed and replaced, not
    # only the pairs written: the values read cover them all.
    stale = ElementAggregate.objects.filter(data_element_id__in=element_ids, period__in=period_codes)
    if len(units) != len(all_units):  # a national import replaces every province's cells: no list of ids needed
        stale = stale.filter(unit_id__in=[u.id for u in units])
    return RefreshSummary(len(element_ids) * len(period_codes), _replace(stale, _stored_rows(slices, period_codes)))


def _scope_values(written: WrittenValues, units: list[UnitVersion], element_ids: list[int], period_codes: list[str]) -> ValueColumns:
    """The values of these elements and periods in these units, periods indexing `period_codes`:
    the written units' from memory, the other units' read (none of them was written to)."""
    period_index = {code: i for i, code in enumerate(period_codes)}
    in_memory = set(np.unique(written.values.unit).tolist())
    others = [u.id for u in units if u.id not in in_memory]
    rows = _fetch(_values_of(others, element_ids, period_codes)) if others else []
    known, remap = written.values, np.array([period_index.get(code, -1) for code in written.periods], dtype=np.int64)
    # Periods outside `period_codes` become -1, which the cube leaves out.
    return ValueColumns.joined([ValueColumns(known.element, known.unit, remap[known.period], known.value), ValueColumns.from_rows(rows, period_index)])


def _values_of(unit_ids: list[int], element_ids: list[int], period_codes: list[str]):
    values = DataValue.objects.filter(data_element_id__in=element_ids, period__in=period_codes, unit_id__in=unit_ids)
    return values.values_list("data_element_id", "unit_id", "period", "value")


def _refresh_everything() -> RefreshSummary:
    period_codes = sorted(set(DataValue.objects.values_list("period", flat=True)))
    period_index = {code: i for i, code in enumerate(period_codes)}
    rows = _fetch(DataValue.objects.values_list("data_element_id", "unit_id", "period", "value"))
    elements = element_specs(DataElement.objects.all())
    slices = roll_up(unit_versions(), elements, _period_specs(period_codes), ValueColumns.from_rows(rows, period_index))
    return RefreshSummary(len(elements) * len(period_codes), _replace(ElementAggregate.objects.all(), _stored_rows(slices, period_codes)))


def _period_specs(codes: list[str]) -> list[PeriodSpec]:
    return [PeriodSpec(code, parse_period(code).end) for code in codes]


def _stored_rows(slices, period_codes: list[str]):
    """The cube's stored cells as ElementAggregate rows."""
    for cube_slice in slices:
        for e, p, u, value, reported, expected in cube_slice.rows():
            yield e, u, period_codes[p], value, reported, expected


def _replace(stale, rows) -> int:
    stale._raw_delete(stale.db)  # a derived table: no cascades or signals to honour, just rows
    return insert_rows(ElementAggregate, ("data_element_id", "unit_id", "period", "value", "reported", "expected"), rows)


def _fetch(queryset) -> list[tuple]:
    """The rows of a values_list query straight from the cursor: a full refresh reads every
    value, and the ORM's per-row conversion is not needed for plain numbers."""
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
