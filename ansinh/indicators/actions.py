"""Writes of the indicator library (idempotent upserts by code, attributed)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import transaction

from ansinh.core.audit import attribute
from ansinh.indicators.libraryfile import Library
from ansinh.indicators.models import DataElement, DataSet, DataSetElement, Indicator, ValidationRule
from ansinh.core.summaries import ImportSummary


@transaction.atomic
def do_load_indicator_library(library: Library, *, acting_user: Any, channel: str) -> ImportSummary:
    """Upsert data elements, indicators, data sets and validation rules by code (idempotent)."""
    elements, indicators = library.elements, library.indicators
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
    _load_data_sets(library.data_sets, stored_elements, outcomes, acting_user, channel)
    stored_rules = {r.code: r for r in ValidationRule.objects.filter(code__in=[s.code for s in library.rules])}
    for spec in library.rules:
        rule = stored_rules.get(spec.code) or ValidationRule(code=spec.code)
        wanted = {"name": spec.name, "left": spec.left, "operator": spec.operator, "right": spec.right, "importance": spec.importance}
        outcomes[_apply(rule, wanted, acting_user, channel)] += 1
    return ImportSummary(outcomes["created"], outcomes["updated"], outcomes["unchanged"])


def _load_data_sets(specs, stored_elements, outcomes: Counter, acting_user, channel) -> None:
    stored = {d.code: d for d in DataSet.objects.filter(code__in=[s.code for s in specs])}
    for spec in specs:
        data_set = stored.get(spec.code) or DataSet(code=spec.code)
        wanted = {"name": spec.name, "period_type": spec.period_type, "level": spec.level, "collected_by": spec.collected_by, "due_days": spec.due_days}
        outcomes[_apply(data_set, wanted, acting_user, channel)] += 1
        links = [(e.data_element.code, e.position) for e in DataSetElement.objects.filter(data_set=data_set).select_related("data_element")]
        wanted_links = [(element_code, i) for i, element_code in enumerate(spec.elements, start=1)]
        if sorted(links) != sorted(wanted_links):
            DataSetElement.objects.filter(data_element__code__in=spec.elements).delete()
            DataSetElement.objects.filter(data_set=data_set).delete()
            DataSetElement.objects.bulk_create(
                DataSetElement(data_set=data_set, data_element=stored_elements[code], position=i) for code, i in wanted_links
            )


def _apply(instance: Any, wanted: dict[str, Any], acting_user: Any, channel: str) -> str:
    is_new = instance.pk is None
    if not is_new and all(getattr(instance, key) == value for key, value in wanted.items()):
        return "unchanged"
    for key, value in wanted.items():
        setattr(instance, key, value)
    attribute(instance, acting_user, channel).save()
    return "created" if is_new else "updated"
