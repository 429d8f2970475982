"""Attribution of writes for the audit trail (django-simple-history, see ADR 0004).

Every action passes `acting_user` and a `channel` ("cli", "web", "demo", "api", file name...)
down to here; history rows then carry who, when, old and new value, and how it came in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history


def attribute(instance: models.Model, acting_user: Any, channel: str) -> models.Model:
    """Mark `instance` so its next save() writes a history row naming user and channel."""
    instance._history_user = acting_user  # read by simple_history's pre-save hook
    instance._change_reason = channel[:100]
    return instance


def bulk_create_attributed(
    model: type[models.Model], objs: Iterable[models.Model], acting_user: Any, channel: str, batch_size: int = 2000
) -> list[models.Model]:
    return bulk_create_with_history(
        list(objs), model, batch_size=batch_size, default_user=acting_user, default_change_reason=channel[:100]
    )


def bulk_update_attributed(
    model: type[models.Model],
    objs: Iterable[models.Model],
    fields: list[str],
    acting_user: Any,
    channel: str,
    batch_size: int = 2000,
) -> int:
    return bulk_update_with_history(
        list(objs),
        model,
        fields,
        batch_size=batch_size,
        default_user=acting_user,
        default_change_reason=channel[:100],
    )
