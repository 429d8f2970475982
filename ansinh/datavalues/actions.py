"""Writes of data values: set-based upserts, atomic and attributed (who, when, old, new, channel)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from ansinh.analytics.actions import do_refresh_aggregates
from ansinh.core.audit import bulk_create_attributed, bulk_update_attributed
from ansinh.core.errors import ErrorCode, Problem, UserError
from ansinh.core.periods import parse_period
from ansinh.datavalues.models import DataValue
from ansinh.indicators.models import DataElement, ValueType
from ansinh.core.summaries import ImportSummary
from ansinh.orgunits.models import OrgUnit


@dataclass(frozen=True)
class ValueEntry:
    data_element: DataElement
    unit: OrgUnit
    period: str
    value: Decimal
    category: str = ""
    comment: str = ""
    source: str = ""
    is_sample: bool = False
    where: str = ""  # "row 12" etc., for messages


def check_entries(entries: list[ValueEntry]) -> None:
    """Built-in rules every value must pass; raises UserError listing every bad entry."""
    problems = []
    for entry in entries:
        label = entry.where or f"{entry.data_element.code}/{entry.unit.code}/{entry.period}"
        try:
            period = parse_period(entry.period)
        except ValueError as exc:
            problems.append(Problem(ErrorCode.FIELD_INVALID, str(exc), label, "period"))
            continue
        if period.period_type != entry.data_element.period_type:
            problems.append(
                Problem(ErrorCode.FIELD_INVALID, f"{entry.data_element.code} báo cáo theo kỳ {entry.data_element.period_type}, không theo kỳ {entry.period}", label, "period")
            )
        if entry.value < 0:
            problems.append(Problem(ErrorCode.FIELD_INVALID, f"giá trị {entry.value} âm", label, "value"))
        if entry.data_element.value_type == ValueType.INTEGER and entry.value != entry.value.to_integral_value():
            problems.append(Problem(ErrorCode.FIELD_INVALID, f"{entry.data_element.code} phải là số nguyên, nhận {entry.value}", label, "value"))
        if not _unit_valid_at(entry.unit, period.end):
            problems.append(
                Problem(ErrorCode.UNKNOWN_UNIT, f"đơn vị {entry.unit.code} {entry.unit.name} không còn/chưa có hiệu lực trong kỳ {entry.period}", label, "unit")
            )
    if problems:
        raise UserError(problems)


@transaction.atomic
def do_set_data_values(entries: list[ValueEntry], *, acting_user: Any, channel: str) -> ImportSummary:
    check_entries(entries)
    keys = {(e.data_element.pk, e.unit.pk, e.period, e.category) for e in entries}
    if len(keys) != len(entries):
        raise UserError.single(ErrorCode.DUPLICATE_CODE, "một ô số liệu xuất hiện hai lần trong cùng lần nhập")
    existing = {
        (v.data_element_id, v.unit_id, v.period, v.category): v
        for v in DataValue.objects.filter(
            data_element_id__in={k[0] for k in keys}, unit_id__in={k[1] for k in keys}, period__in={k[2] for k in keys}
        )
    }
    to_create, to_update, unchanged = [], [], 0
    now = timezone.now()
    for entry in entries:
        current = existing.get((entry.data_element.pk, entry.unit.pk, entry.period, entry.category))
        if current is None:
            to_create.append(
                DataValue(
                    data_element=entry.data_element,
                    unit=entry.unit,
                    period=entry.period,
                    category=entry.category,
                    value=entry.value,
                    comment=entry.comment,
                    source=entry.source,
                    is_sample=entry.is_sample,
                    updated_by=acting_user,
                )
            )
        elif (current.value, current.comment, current.source, current.is_sample) != (entry.value, entry.comment, entry.source, entry.is_sample):
            current.value, current.comment, current.source, current.is_sample = entry.value, entry.comment, entry.source, entry.is_sample
            current.updated_by, current.updated_at = acting_user, now
            to_update.append(current)
        else:
            unchanged += 1
    bulk_create_attributed(DataValue, to_create, acting_user, channel)
    if to_update:
        bulk_update_attributed(DataValue, to_update, ["value", "comment", "source", "is_sample", "updated_by", "updated_at"], acting_user, channel)
    # What depends on these values (the analytics cube) is brought up to date in the same transaction.
    do_refresh_aggregates({(v.data_element_id, v.period, v.unit_id) for v in [*to_create, *to_update]})
    return ImportSummary(len(to_create), len(to_update), unchanged)


def _unit_valid_at(unit: OrgUnit, end) -> bool:
    """A value belongs to a unit that existed at the end of the period it describes."""
    return (unit.valid_from is None or unit.valid_from <= end) and (unit.valid_to is None or unit.valid_to >= end)
