"""The audit log: every recorded write (django-simple-history) across all tracked models, newest
first, with who, when, through which channel, and what changed from what. Reads only: history
rows are never edited (the admin shows them read-only, and no view writes them).

One query per tracked model for the entries and one for their previous versions, whatever the
number of rows: about 40 queries for the 20 tracked models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone
from simple_history.models import registered_models

ACTIONS = {"+": "tạo", "~": "sửa", "-": "xóa"}
# Tracked models of other libraries, whose own names are English.
_NAMES = {"otp_totp_totpdevice": "thiết bị xác thực hai lớp (TOTP)"}
_SKIPPED = {"history_id", "history_date", "history_change_reason", "history_type", "history_user", "history_user_id"}


@dataclass(frozen=True)
class AuditFilters:
    username: str = ""
    model: str = ""  # a tracked model's table name; "" for all
    since: date | None = None
    until: date | None = None


def audit_models() -> list[tuple[str, str]]:
    """(table, Vietnamese name) of every tracked model, for the filter."""
    return sorted(((table, model_name(table, model)) for table, model in registered_models.items()), key=lambda item: item[1])


def model_name(table: str, model) -> str:
    return _NAMES.get(table) or str(model._meta.verbose_name)


def audit_entries(filters: AuditFilters, limit: int = 200) -> list[dict[str, Any]]:
    entries = []
    for table, model in registered_models.items():
        if filters.model and table != filters.model:
            continue
        entries += _entries_of(table, model, filters, limit)
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries[:limit]


def _entries_of(table: str, model, filters: AuditFilters, limit: int) -> list[dict[str, Any]]:
    history = model.history.model
    rows = history.objects.select_related("history_user").order_by("-history_date", "-history_id")
    if filters.username:
        rows = rows.filter(history_user__username=filters.username)
    if filters.since:
        rows = rows.filter(history_date__gte=timezone.make_aware(datetime.combine(filters.since, time.min)))
    if filters.until:
        rows = rows.filter(history_date__lte=timezone.make_aware(datetime.combine(filters.until, time.max)))
    rows = list(rows[:limit])
    if not rows:
        return []
    pk = model._meta.pk.attname
    previous = _previous_versions(history, pk, rows)
    fields = [f for f in history._meta.concrete_fields if f.attname not in _SKIPPED and f.name not in _SKIPPED]
    return [
        {
            "when": row.history_date,
            "user": row.history_user.get_username() if row.history_user else "",
            "channel": row.history_change_reason or "",
            "action": ACTIONS.get(row.history_type, row.history_type),
            "model": model_name(table, model),
            "object": f"{model_name(table, model)} #{getattr(row, pk)}",
            "changes": _changes(fields, previous.get(row.history_id), row),
        }
        for row in rows
    ]


def _previous_versions(history, pk: str, rows: list) -> dict[int, Any]:
    """For each history row, the row before it of the same object (one query for all of them)."""
    ids = {getattr(r, pk) for r in rows}
    earlier = history.objects.filter(**{f"{pk}__in": ids}, history_date__lte=max(r.history_date for r in rows)).order_by(pk, "history_date", "history_id")
    by_object: dict[Any, list] = {}
    for version in earlier:
        by_object.setdefault(getattr(version, pk), []).append(version)
    found = {}
    for row in rows:
        versions = by_object.get(getattr(row, pk), [])
        position = next((i for i, v in enumerate(versions) if v.history_id == row.history_id), None)
        found[row.history_id] = versions[position - 1] if position else None
    return found


def _changes(fields, before, after) -> list[tuple[str, str, str]]:
    """(field, old, new) for every field that differs; every field of a created object."""
    changes = []
    for field in fields:
        new = getattr(after, field.attname)
        old = getattr(before, field.attname) if before is not None else None
        if before is None or old != new:
            changes.append((str(field.verbose_name), "" if old is None else str(old), "" if new is None else str(new)))
    return changes
