"""Template filters writing numbers and dates the Vietnamese way (ansinh.core.vnformat)."""

from django import template

from ansinh.core import vnformat

register = template.Library()


@register.filter
def vn_number(value, decimals=None):
    # Official figures keep the Vietnamese notation in every UI language, as in the reports.
    return vnformat.format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_date(value):
    """A date, or an ISO date string ("2025-07-01"), as 01/07/2025."""
    if isinstance(value, str):
        from datetime import date

        value = date.fromisoformat(value) if value else None
    return vnformat.format_date(value)


@register.filter
def target_amount(target):
    """"< 2 %", "35–40 %", "≈ 75 tuổi", "(định tính)" for a Target."""
    if target.comparator == "qual":
        return "định tính"
    signs = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "=", "approx": "≈"}
    unit = f" {target.unit_label}" if target.unit_label else ""
    if target.comparator == "range":
        return f"{vnformat.format_number(target.low)}–{vnformat.format_number(target.high)}{unit}"
    return f"{signs[target.comparator]} {vnformat.format_number(target.value)}{unit}"


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (Django templates cannot index by a variable)."""
    return mapping.get(key)
