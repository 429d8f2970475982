"""Reads of administrative units: which unit a code meant on a date, trees, lineage."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet

from ansinh.core.errors import ErrorCode, UserError
from ansinh.orgunits.models import OrgUnit, UnitSuccession


def valid_on(on: date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=on)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def list_unit_versions(code: str) -> QuerySet[OrgUnit]:
    """Every unit that ever carried `code` (or its zero-padded forms), oldest first."""
    # An open start (None) means "earliest": first on every database (PostgreSQL sorts NULLs last).
    return (
        OrgUnit.objects.filter(code__in=code_candidates(code))
        .select_related("parent")
        .order_by(F("valid_from").asc(nulls_first=True))
    )


def get_unit(code: str, on: date | None = None) -> OrgUnit:
    """The unit that carried `code` on `on` (default: today). Raises UserError if none/ambiguous."""
    on = on or date.today()
    matches = list(OrgUnit.objects.filter(valid_on(on), code__in=code_candidates(code)).select_related("parent"))
    if not matches:
        raise UserError.single(
            ErrorCode.UNKNOWN_UNIT, f"không có đơn vị hành chính mã {code} vào ngày {on:%d/%m/%Y}", field="unit"
        )
    exact = [unit for unit in matches if unit.code == code]
    if len(exact) == 1:
        return exact[0]
    if len(matches) > 1:
        names = "; ".join(f"{unit.code} {unit.name}" for unit in matches)
        raise UserError.single(ErrorCode.AMBIGUOUS_UNIT, f"mã {code} trùng nhiều đơn vị ({names}); ghi đủ chữ số", field="unit")
    return matches[0]


def ancestors(unit: OrgUnit) -> list[OrgUnit]:
    """The units above `unit`, nearest first (a parent chain is at most three long; callers
    select_related the parents when they walk many units)."""
    found, current = [], unit.parent
    while current is not None:
        found.append(current)
        current = current.parent
    return found


def chain_ids(unit: OrgUnit) -> set[int]:
    """The ids of `unit` and of every unit above it."""
    return {unit.pk, *(above.pk for above in ancestors(unit))}


def unit_tree(root: OrgUnit, on: date) -> dict[str, Any]:
    """`root` and every descendant valid on `on`, as nested dicts; two queries, whatever the size."""
    candidates = list(OrgUnit.objects.filter(valid_on(on), level__gt=root.level).order_by("code"))
    children: dict[int, list[OrgUnit]] = defaultdict(list)
    for unit in candidates:
        children[unit.parent_id].append(unit)

    def build(unit: OrgUnit) -> dict[str, Any]:
        node = unit_summary(unit)
        node["children"] = [build(child) for child in children.get(unit.pk, [])]
        return node

    return build(root)


def unit_lineage(code: str, on: date | None = None) -> list[dict[str, Any]]:
    """Each version of `code` (or only the one valid on `on`) with predecessors and successors."""
    versions = list(list_unit_versions(code))
    if on is not None:
        versions = [unit for unit in versions if _covers(unit, on)]
    if not versions:
        where = f" vào ngày {on:%d/%m/%Y}" if on else ""
        raise UserError.single(ErrorCode.UNKNOWN_UNIT, f"không có đơn vị hành chính mã {code}{where}", field="unit")
    ids = [unit.pk for unit in versions]
    edges = UnitSuccession.objects.filter(Q(predecessor_id__in=ids) | Q(successor_id__in=ids)).select_related(
        "predecessor", "successor"
    )
    before: dict[int, list] = defaultdict(list)
    after: dict[int, list] = defaultdict(list)
    for edge in edges:
        if edge.successor_id in ids:
            before[edge.successor_id].append(_edge_summary(edge, edge.predecessor))
        if edge.predecessor_id in ids:
            after[edge.predecessor_id].append(_edge_summary(edge, edge.successor))
    return [
        {**unit_summary(unit), "predecessors": before.get(unit.pk, []), "successors": after.get(unit.pk, [])}
        for unit in versions
    ]


def unit_summary(unit: OrgUnit) -> dict[str, Any]:
    parent = unit.parent
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "kind_vi": unit.get_kind_display(),
        "level": unit.level,
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
        "parent": {"code": parent.code, "name": parent.name} if parent else None,
    }


def _edge_summary(edge: UnitSuccession, other: OrgUnit) -> dict[str, Any]:
    return {
        "code": other.code,
        "name": other.name,
        "kind": other.kind,
        "valid_from": other.valid_from.isoformat() if other.valid_from else None,
        "valid_to": other.valid_to.isoformat() if other.valid_to else None,
        "effective_on": edge.effective_on.isoformat(),
        "succession": edge.kind,
        "whole": edge.whole,
        "legal_basis": edge.legal_basis,
    }


def _covers(unit: OrgUnit, on: date) -> bool:
    return (unit.valid_from is None or unit.valid_from <= on) and (unit.valid_to is None or unit.valid_to >= on)


def code_candidates(code: str) -> list[str]:
    """A user may type 1 for Hà Nội (01); offer the zero-padded forms of each level too."""
    text = str(code).strip()
    if not text.isdigit():
        return [text]
    return sorted({text, text.zfill(2), text.zfill(3), text.zfill(5)})
