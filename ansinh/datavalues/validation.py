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
    previous_periods: dict[str, str]  # period -> the period before it, for the periods written
    previous: dict[tuple[int, str, str], Decimal]  # (unit, period, element) -> stored value, of those earlier periods
    peer_rates: dict[tuple[str, str], list[float]]  # (period, numerator) -> rates of other units


def check(candidates: list[Candidate], context: Context) -> list[Finding]:
    """Every finding, in the order of the candidates within each kind of check. A file holds a
    million candidates in some fifty thousand (unit, period) reports: the checks across elements
    work per report, the others in one light pass over the candidates."""
    reports = _by_report(candidates)
    merged = _merged(reports, context.existing)
    findings = _value_checks(candidates, context.elements)
    findings += _pair_checks(merged, reports, context)
    findings += _rule_checks(merged, reports, context)
    findings += _outliers(candidates, merged, context)
    return _warnings_need_comments(findings, candidates)


def _by_report(candidates: list[Candidate]) -> dict[tuple[int, str], dict[str, Candidate]]:
    """(unit, period) -> element code -> candidate, reports in the order first met."""
    reports: dict[tuple[int, str], dict[str, Candidate]] = defaultdict(dict)
    for c in candidates:
        reports[(c.unit, c.period)][c.element] = c
    return reports


def _value_checks(candidates: list[Candidate], elements: dict[str, ElementMeta]) -> list[Finding]:
    """Built-in limits of each value: one comparison or two per value; messages only for the few
    that fail."""
    limits = {code: (meta.value_type == "integer", meta.unit_label.strip() == "%") for code, meta in elements.items()}
    found = []
    for c in candidates:
        whole, percent = limits[c.element]
        value = c.value
        if value < 0 or (whole and value != value.to_integral_value()) or (percent and value > 100):
            found += _value_problems(c, elements[c.element])
    return found


def _value_problems(c: Candidate, meta: ElementMeta) -> list[Finding]:
    found = []
    if c.value < 0:
        found.append(Finding("error", f"{meta.name}: giá trị {_vn(c.value)} âm; số liệu không được âm", c.where, c.element))
    if meta.value_type == "integer" and c.value != c.value.to_integral_value():
        found.append(Finding("error", f"{meta.name}: phải là số nguyên, nhận {_vn(c.value)}", c.where, c.element))
    if meta.unit_label.strip() == "%" and c.value > 100:
        found.append(Finding("error", f"{meta.name}: tỷ lệ {_vn(c.value)} % vượt quá 100 %", c.where, c.element))
    return found


def _merged(reports, existing) -> dict[tuple[int, str], dict[str, Decimal]]:
    """The values of each report once written: the stored ones, overridden by the candidates."""
    return {key: {**existing.get(key, {}), **{code: c.value for code, c in report.items()}} for key, report in reports.items()}


def _located(reports, unit: int, period: str, codes: list[str]) -> Candidate | None:
    """The candidate a finding about `codes` should point at (the first one being written)."""
    report = reports.get((unit, period), {})
    return next((report[code] for code in codes if code in report), None)


def _pair_checks(merged, reports, context: Context) -> list[Finding]:
    found = []
    for (unit, period), values in merged.items():
        for numerator, denominator in context.percentage_pairs:
            if numerator in values and denominator in values and values[numerator] > values[denominator]:
                at = _located(reports, unit, period, [numerator, denominator])
                if at is None:
                    continue
                num_name, den_name = context.elements[numerator].name, context.elements[denominator].name
                message = f"{num_name} ({_vn(values[numerator])}) lớn hơn {den_name} ({_vn(values[denominator])})"
                found.append(Finding("error", message, at.where, at.element))
    return found


def _rule_checks(merged, reports, context: Context) -> list[Finding]:
    found = []
    for (unit, period), values in merged.items():
        for rule in context.rules:
            left, right = evaluate(rule.left, values), evaluate(rule.right, values)
            if left is None or right is None or OPERATORS[rule.operator](left, right):
                continue
            codes = [t.code for t in rule.left + rule.right if t.code]
            at = _located(reports, unit, period, codes)
            if at is not None:
                message = f"không thỏa quy tắc {rule.code} ({rule.name}): {_vn(left)} {rule.operator} {_vn(right)} sai"
                found.append(Finding(rule.importance, message, at.where, at.element))
    return found


def _outliers(candidates: list[Candidate], merged, context: Context) -> list[Finding]:
    found = []
    previous = context.previous
    denominators = dict(context.percentage_pairs)
    # (period, numerator) -> (median, spread) of the peers' rates, and the denominator's code
    peers = {
        key: (_median_and_mad(rates), denominators[key[1]])
        for key, rates in context.peer_rates.items()
        if len(rates) >= PEER_MINIMUM and key[1] in denominators
    }
    numerators = {numerator for _, numerator in peers}
    earlier_of = context.previous_periods
    for c in candidates:
        # A file may hold several periods: the unit's report of the period before may be in the
        # file itself (merged holds it, the file's values over the stored ones), or only stored.
        earlier = earlier_of.get(c.period)
        row = merged.get((c.unit, earlier))
        before = row.get(c.element) if row is not None else previous.get((c.unit, earlier, c.element))
        if before is not None and before > 0:
            change = (c.value - before) / before
            if abs(change) > OUTLIER_CHANGE and abs(c.value - before) >= OUTLIER_MIN_DIFFERENCE:
                name = context.elements[c.element].name
                found.append(Finding("warning", f"{name}: {_vn(c.value)} thay đổi {change * 100:+.0f} % so với kỳ trước ({_vn(before)})", c.where, c.element))
        if c.element not in numerators:  # most values: no tuple built, no lookup
            continue
        peer = peers.get((c.period, c.element))
        if peer is None or peer[0][1] <= 0:
            continue
        (median, mad), denominator = peer
        value_den = merged[(c.unit, c.period)].get(denominator)
        if value_den:
            rate = float(c.value / value_den * 100)
            if 0.6745 * abs(rate - median) / mad > PEER_Z_LIMIT:
                name = context.elements[c.element].name
                found.append(Finding("warning", f"{name}: tỷ lệ {format_percent(rate, 1)} khác xa các đơn vị khác (trung vị {format_percent(median, 1)})", c.where, c.element))
    return found


def _median_and_mad(values: list[float]) -> tuple[float, float]:
    median = statistics.median(values)
    return median, statistics.median(abs(v - median) for v in values)


def _warnings_need_comments(findings: list[Finding], candidates: list[Candidate]) -> list[Finding]:
    if not any(f.level == "warning" for f in findings):
        return findings
    commented = {(c.element, c.where) for c in candidates if c.comment.strip()}
    result = []
    for finding in findings:
        if finding.level == "warning" and (finding.element, finding.where) not in commented:
            finding = Finding("error", f"{finding.message}; nếu số liệu đúng, hãy ghi chú giải thích", finding.where, finding.element)
        result.append(finding)
    return result


def _vn(value: Decimal) -> str:
    return format_number(value, None)
