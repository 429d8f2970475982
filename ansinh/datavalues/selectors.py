"""Reads of data values."""

from __future__ import annotations

from ansinh.datavalues.models import DataValue


def has_sample_data() -> bool:
    return DataValue.objects.filter(is_sample=True).exists()


def count_values_by_unit(unit_ids: list[int]) -> dict[int, int]:
    from django.db.models import Count

    rows = DataValue.objects.filter(unit_id__in=unit_ids).values("unit_id").annotate(n=Count("id"))
    return {row["unit_id"]: row["n"] for row in rows}
