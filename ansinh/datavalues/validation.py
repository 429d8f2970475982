"""Checks on values about to be written. Pure code: plain inputs, located findings out.

Three kinds of checks (docs/data-collection.md):
- built-in: counts are not negative, integers are whole, a percentage lies in 0–100, and the
  numerator of every percentage indicator does not exceed its denominator;
- declared rules (indicator library `validation_rules`): left side, operator, right side;
- outliers (warnings only): a value far from the unit's own previous value, or a rate far from
  its peers' rates in the same period.
Errors block. Warnings pass only with a comment explaining the figure.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from ansinh.core.vnformat import format_number, format_percent
from ansinh.indicators.rules import OPERATORS, Term, evaluate

OUTLIER_CHANGE = Decimal("0.5")  # ±50 % against the previous period …
OUTLIER_MIN_DIFFERENCE = Decimal(10)  # … and at least 10 units, so small counts do not alarm
PEER_Z_LIMIT = 3.5  # modified z-score (Iglewicz & Hoaglin) of a rate among its peers
PEER_MINIMUM = 5  # peers needed before comparing with them


# What a stored value holds (DataValue.value: 18 digits, 4 after the decimal mark). A figure
# beyond it is refused with a message rather than rounded or failed on by the database.
MAX_WHOLE_DIGITS, MAX_DECIMALS = 14, 4


def storage_problem(value: Decimal) -> str | None:
    """Why `value` cannot be stored as it is, or None."""
    sign, digits, exponent = value.as_tuple()
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if value.adjusted() >= MAX_WHOLE_DIGITS:
        return f"số quá lớn (tối đa {MAX_WHOLE_DIGITS} chữ số phần nguyên)"
    if decimals > MAX_DECIMALS and value != value.quantize(Decimal(1).scaleb(-MAX_DECIMALS)):
        return f"số có quá {MAX_DECIMALS} chữ số thập phân; làm tròn trước khi nhập"
    return None


class Candidate(NamedTuple):
    element: str
    unit: int  # unit id
    period: str
    value: Decimal
    comment: str = ""
    where: Any = ""  # a Location (or text); only stringified in messages


@dataclass(frozen=True)
class ElementMeta:
    code: str
    name: str
    value_type: str  # integer | number
    unit_label: str


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    left: list[Term]
    operator: str
    right: list[Term]
    importance: str  # error | warning


@dataclass(frozen=True)
class Finding:
    level: str  # "error" | "warning"
    message: str
    where: Any
    element: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class Context:
    """What the checks need besides the candidates (read by the caller in a few queries)."""

    elements: dict[str, ElementMeta]
    percentage_pairs: list[tuple[str, str]]  # (numerator, denominator) of percentage indicators
    rules: list[Rule]
    existing: dict[tuple[int, str], dict[str, Decimal]]  # (unit, period) -> stored values
    previous: dict[tuple[int, str], Decimal]  # (unit, element) -> value of the previous period
    peer_rates: dict[tuple[str, str], list[float]]  # (period, numerator) -> rates of other units


def check(candidates: list[Candidate], context: Context) -> list[Finding]:
    findings = [f for c in candidates for f in _value_checks(c, context.elements[c.element])]
    merged = _merged(candidates, context.existing)
    by_cell = {(c.unit, c.period, c.element): c for c in candidates}
    findings += _pair_checks(merged, by_cell, context)
    findings += _rule_checks(merged, by_cell, context)
    findings += _outliers(candidates, merged, context)
    return _warnings_need_comments(findings, by_cell)


def _value_checks(c: Candidate, meta: ElementMeta) -> list[Finding]:
    found = []
    if c.value < 0:
        found.append(Finding("error", f"{meta.name}: giá trị {_vn(c.value)} âm; số liệu không được âm", c.where, c.element))
    if meta.value_type == "integer" and c.value != c.value.to_integral_value():
        found.append(Finding("error", f"{meta.name}: phải là số nguyên, nhận {_vn(c.value)}", c.where, c.element))
    if meta.unit_label.strip() == "%" and c.value > 100:
        found.append(Finding("error", f"{meta.name}: tỷ lệ {_vn(c.value)} % vượt quá 100 %", c.where, c.element))
    return found


def _merged(candidates: list[Candidate], existing) -> dict[tuple[int, str], dict[str, Decimal]]:
    merged: dict[tuple[int, str], dict[str, Decimal]] = defaultdict(dict)
    for c in candidates:
        merged[(c.unit, c.period)].update(existing.get((c.unit, c.period), {}))
    for c in candidates:
        merged[(c.unit, c.period)][c.element] = c.value
    return merged


def _located(by_cell, unit: int, period: str, codes: list[str]) -> Candidate | None:
    """The candidate a finding about `codes` should point at (the first one being written)."""
    return next((by_cell[(unit, period, code)] for code in codes if (unit, period, code) in by_cell), None)


def _pair_checks(merged, by_cell, context: Context) -> list[Finding]:
    found = []
    for (unit, period), values in merged.items():
        for numerator, denominator in context.percentage_pairs:
            if numerator in values and denominator in values and values[numerator] > values[denominator]:
                at = _located(by_cell, unit, period, [numerator, denominator])
                if at is None:
                    continue
                num_name, den_name = context.elements[numerator].name, context.elements[denominator].name
                message = f"{num_name} ({_vn(values[numerator])}) lớn hơn {den_name} ({_vn(values[denominator])})"
                found.append(Finding("error", message, at.where, at.element))
    return found


def _rule_checks(merged, by_cell, context: Context) -> list[Finding]:
    found = []
    for (unit, period), values in merged.items():
        for rule in context.rules:
            left, right = evaluate(rule.left, values), evaluate(rule.right, values)
            if left is None or right is None or OPERATORS[rule.operator](left, right):
                continue
            codes = [t.code for t in rule.left + rule.right if t.code]
            at = _located(by_cell, unit, period, codes)
            if at is not None:
                message = f"không thỏa quy tắc {rule.code} ({rule.name}): {_vn(left)} {rule.operator} {_vn(right)} sai"
                found.append(Finding(rule.importance, message, at.where, at.element))
    return found


def _outliers(candidates: list[Candidate], merged, context: Context) -> list[Finding]:
    found = []
    denominators = dict(context.percentage_pairs)
    spreads = {key: _median_and_mad(peers) for key, peers in context.peer_rates.items() if len(peers) >= PEER_MINIMUM}
    for c in candidates:
        name = context.elements[c.element].name
        before = context.previous.get((c.unit, c.element))
        if before is not None and before > 0:
            change = (c.value - before) / before
            if abs(change) > OUTLIER_CHANGE and abs(c.value - before) >= OUTLIER_MIN_DIFFERENCE:
                found.append(Finding("warning", f"{name}: {_vn(c.value)} thay đổi {change * 100:+.0f} % so với kỳ trước ({_vn(before)})", c.where, c.element))
        spread = spreads.get((c.period, c.element))
        value_den = merged[(c.unit, c.period)].get(denominators[c.element]) if spread and c.element in denominators else None
        if value_den:
            rate, (median, mad) = float(c.value / value_den * 100), spread
            if mad > 0 and 0.6745 * abs(rate - median) / mad > PEER_Z_LIMIT:
                found.append(Finding("warning", f"{name}: tỷ lệ {format_percent(rate, 1)} khác xa các đơn vị khác (trung vị {format_percent(median, 1)})", c.where, c.element))
    return found


def _median_and_mad(values: list[float]) -> tuple[float, float]:
    median = statistics.median(values)
    return median, statistics.median(abs(v - median) for v in values)


def _warnings_need_comments(findings: list[Finding], by_cell) -> list[Finding]:
    result = []
    commented = {(c.element, c.where) for c in by_cell.values() if c.comment.strip()}
    for finding in findings:
        if finding.level == "warning" and (finding.element, finding.where) not in commented:
            finding = Finding("error", f"{finding.message}; nếu số liệu đúng, hãy ghi chú giải thích", finding.where, finding.element)
        result.append(finding)
    return result


def _vn(value: Decimal) -> str:
    return format_number(value, None)
