"""Writes of the indicator library (idempotent upserts by code, attributed)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import transaction

from ansinh.core.audit import attribute
from ansinh.indicators.libraryfile import DataElementSpec, IndicatorSpec
from ansinh.indicators.models import DataElement, Indicator
from ansinh.core.summaries import ImportSummary


@transaction.atomic
def do_load_indicator_library(
    elements: list[DataElementSpec], indicators: list[IndicatorSpec], *, acting_user: Any, channel: str
) -> ImportSummary:
    outcomes: Counter[str] = Counter()
    stored_elements = {e.code: e for e in DataElement.objects.filter(code__in=[s.code for s in elements])}
    for spec in elements:
        element = stored_elements.get(spec.code) or DataElement(code=spec.code)
        wanted = {
            "name": spec.name,
            "unit_label": spec.unit,
            "value_type": spec.value_type,
            "time_aggregation": spec.time_aggregation,
            "period_type": spec.period_type,
            "collection_level": spec.collection_level,
            "collected_by": spec.collected_by,
            "definition": spec.definition,
        }
        outcomes[_apply(element, wanted, acting_user, channel)] += 1
        stored_elements[spec.code] = element
    stored = {i.code: i for i in Indicator.objects.filter(code__in=[s.code for s in indicators])}
    for spec in indicators:
        indicator = stored.get(spec.code) or Indicator(code=spec.code)
        wanted = {
            "name": spec.name,
            "unit_label": spec.unit,
            "kind": spec.kind,
            "numerator_id": stored_elements[spec.numerator].pk,
            "denominator_id": stored_elements[spec.denominator].pk if spec.denominator else None,
            "weight_id": stored_elements[spec.weight].pk if spec.weight else None,
            "factor": spec.factor,
            "direction": spec.direction,
            "definition": spec.definition,
            "source": spec.source,
            "note": spec.note,
        }
        outcomes[_apply(indicator, wanted, acting_user, channel)] += 1
    return ImportSummary(outcomes["created"], outcomes["updated"], outcomes["unchanged"])


def _apply(instance: Any, wanted: dict[str, Any], acting_user: Any, channel: str) -> str:
    is_new = instance.pk is None
    if not is_new and all(getattr(instance, key) == value for key, value in wanted.items()):
        return "unchanged"
    for key, value in wanted.items():
        setattr(instance, key, value)
    attribute(instance, acting_user, channel).save()
    return "created" if is_new else "updated"
