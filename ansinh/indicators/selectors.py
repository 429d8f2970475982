"""Reads of the indicator library."""

from __future__ import annotations

from typing import Any

from ansinh.indicators.models import Indicator


def indicator_formula(indicator: Indicator) -> str:
    if indicator.kind == "ratio":
        factor = f" × {indicator.factor:,}".replace(",", ".") if indicator.factor != 1 else ""
        return f"{indicator.numerator.code} / {indicator.denominator.code}{factor}"
    if indicator.kind == "count":
        return f"Σ {indicator.numerator.code}"
    weight = f" (bình quân gia quyền theo {indicator.weight.code})" if indicator.weight else ""
    return f"{indicator.numerator.code}{weight}"


def indicator_summaries() -> list[dict[str, Any]]:
    indicators = Indicator.objects.select_related("numerator", "denominator", "weight").order_by("code")
    return [
        {
            "code": i.code,
            "name": i.name,
            "unit": i.unit_label,
            "kind": i.kind,
            "numerator": i.numerator.code,
            "denominator": i.denominator.code if i.denominator else None,
            "factor": i.factor,
            "direction": i.direction,
            "formula": indicator_formula(i),
            "source": i.source,
        }
        for i in indicators
    ]
