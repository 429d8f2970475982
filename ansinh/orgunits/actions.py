"""Writes of administrative units: import an edition of the official list, record lineage.

Both are set-based (a handful of queries whatever the number of units), atomic and attributed.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.db import transaction

from ansinh.core.audit import bulk_create_attributed, bulk_update_attributed
from ansinh.core.errors import ErrorCode, Problem, UserError
from ansinh.core.summaries import ImportSummary
from ansinh.orgunits.gso_editions import EDITIONS, UnitRecord, read_edition
from ansinh.orgunits.lineagefile import LineageEdge
from ansinh.orgunits.models import OrgUnit, UnitSuccession
from ansinh.orgunits.selectors import valid_on


@transaction.atomic
def do_import_units(records: list[UnitRecord], *, edition_key: str, acting_user: Any, channel: str) -> ImportSummary:
    """Upsert the units of one edition, keyed by (code, valid_from). Idempotent.

    `records` must list parents before children (gso_editions yields them so).
    """
    edition = EDITIONS[edition_key]
    same_edition = (
        OrgUnit.objects.filter(valid_from=edition.valid_from)
        if edition.valid_from is not None
        else OrgUnit.objects.filter(valid_from__isnull=True)
    )
    existing = {unit.code: unit for unit in same_edition}
    created = updated = unchanged = 0
    for level in (1, 2, 3):
        level_records = [record for record in records if record.level == level]
        to_create, to_update = [], []
        for record in level_records:
            parent = existing.get(record.parent_code) if record.parent_code else None
            if record.parent_code and parent is None:
                raise UserError.single(ErrorCode.UNKNOWN_UNIT, f"đơn vị {record.code} trỏ tới đơn vị cha {record.parent_code} không có")
            unit = existing.get(record.code)
            if unit is None:
                to_create.append(
                    OrgUnit(
                        code=record.code,
                        name=record.name,
                        kind=record.kind,
                        level=record.level,
                        parent=parent,
                        valid_from=edition.valid_from,
                        valid_to=edition.valid_to,
                        source=edition.source,
                    )
                )
                continue
            changed = (unit.name, unit.kind, unit.level, unit.parent_id, unit.valid_to, unit.source) != (
                record.name,
                record.kind,
                record.level,
                parent.pk if parent else None,
                edition.valid_to,
                edition.source,
            )
            if changed:
                unit.name, unit.kind, unit.level, unit.parent = record.name, record.kind, record.level, parent
                unit.valid_to, unit.source = edition.valid_to, edition.source
                to_update.append(unit)
            else:
                unchanged += 1
        for unit in bulk_create_attributed(OrgUnit, to_create, acting_user, channel):
            existing[unit.code] = unit
        if to_update:
            bulk_update_attributed(
                OrgUnit, to_update, ["name", "kind", "level", "parent", "valid_to", "source"], acting_user, channel
            )
        created += len(to_create)
        updated += len(to_update)
    return ImportSummary(created, updated, unchanged)


@transaction.atomic
def do_import_editions(
    edition_keys: list[str], province_codes: set[str] | None, *, pre2025_wheel: Path, acting_user: Any, channel: str
) -> dict[str, ImportSummary]:
    """Import several editions at once (all or nothing). A province needs to exist in at least
    one of them: Kon Tum (62) is in the 2024 edition only, having merged into Quảng Ngãi."""
    summaries = {}
    found: set[str] = set()
    for key in edition_keys:
        records = read_edition(key, pre2025_wheel=pre2025_wheel, province_codes=province_codes, allow_missing=len(edition_keys) > 1)
        found |= {record.code for record in records if record.level == 1}
        summaries[key] = do_import_units(records, edition_key=key, acting_user=acting_user, channel=channel)
    missing = sorted(code.zfill(2) for code in (province_codes or set()) if code.zfill(2) not in found)
    if missing:
        raise UserError.single(ErrorCode.UNKNOWN_UNIT, f"không có tỉnh mã {', '.join(missing)} trong các ấn bản đã chọn", field="province")
    return summaries


@transaction.atomic
def do_record_lineage(
    effective_on: date, edges: list[LineageEdge], *, acting_user: Any, channel: str, filename: str = ""
) -> ImportSummary:
    """Record successions: predecessors as they stood the day before, successors on the day."""
    day_before = effective_on - timedelta(days=1)
    before = {unit.code: unit for unit in OrgUnit.objects.filter(valid_on(day_before), code__in={e.predecessor_code for e in edges})}
    after = {unit.code: unit for unit in OrgUnit.objects.filter(valid_on(effective_on), code__in={e.successor_code for e in edges})}
    problems = []
    for edge in edges:
        if edge.predecessor_code not in before:
            problems.append(f"không có đơn vị mã {edge.predecessor_code} ngày {day_before:%d/%m/%Y} (đơn vị cũ)")
        if edge.successor_code not in after:
            problems.append(f"không có đơn vị mã {edge.successor_code} ngày {effective_on:%d/%m/%Y} (đơn vị mới)")
    if problems:
        raise UserError([Problem(ErrorCode.UNKNOWN_UNIT, message, filename) for message in dict.fromkeys(problems)])
    existing = {
        (s.predecessor_id, s.successor_id): s
        for s in UnitSuccession.objects.filter(predecessor__in=before.values(), successor__in=after.values())
    }
    to_create, to_update, unchanged = [], [], 0
    for edge in edges:
        pred, succ = before[edge.predecessor_code], after[edge.successor_code]
        current = existing.get((pred.pk, succ.pk))
        values = (effective_on, edge.kind, edge.whole, edge.legal_basis)
        if current is None:
            to_create.append(
                UnitSuccession(
                    predecessor=pred, successor=succ, effective_on=effective_on, kind=edge.kind, whole=edge.whole, legal_basis=edge.legal_basis
                )
            )
        elif (current.effective_on, current.kind, current.whole, current.legal_basis) != values:
            current.effective_on, current.kind, current.whole, current.legal_basis = values
            to_update.append(current)
        else:
            unchanged += 1
    bulk_create_attributed(UnitSuccession, to_create, acting_user, channel)
    if to_update:
        bulk_update_attributed(UnitSuccession, to_update, ["effective_on", "kind", "whole", "legal_basis"], acting_user, channel)
    return ImportSummary(len(to_create), len(to_update), unchanged)
