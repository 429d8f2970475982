"""Progress status (tình trạng tiến độ) of one indicator series against one program target.

This is a pure computation with no Django. Web pages, reports and the CLI all call `assess` with plain
numbers. Every status can then be redone by hand from `Assessment.inputs`; the formulas and worked
examples are in docs/progress-status.md.

Why these methods (docs/adr/0006-progress-status-method.md):

- Rates use the Statistics Canada / Open SDG ratio d·CAGR_obs / |CAGR_req|. Unlike the signed ratios
  of the sdg-build draft and UNSD, it stays correct when the baseline already beats the target.
- Counts, cumulative counts and zeros use the ESCAP-style linear method: the share of the distance
  covered, compared with the share of the time elapsed. Growth rates are undefined at zero.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ansinh.core.vnformat import format_date, format_number, format_percent, parse_number

STATUS_LABELS_VI = {
    "achieved": "Đã đạt",
    "on_track": "Đúng tiến độ",
    "needs_acceleration": "Cần đẩy nhanh",
    "off_track": "Khó đạt",
    "regressing": "Đi lùi",
    "insufficient_data": "Chưa đủ dữ liệu",
}
COMPARATORS = ("lt", "le", "gt", "ge", "eq", "approx", "range", "qual")
KINDS = ("rate", "count", "cumulative")
DIRECTIONS = {"increase": 1, "decrease": -1}
# Cut-points on the progress ratio (Eurostat, Statistics Canada / Open SDG): ratio >= key value.
THRESHOLDS = {"on_track": 0.95, "needs_acceleration": 0.6, "off_track": 0.0}
APPROX_TOLERANCE_SHARE = 0.02  # "khoảng 75" is met within ±2 % of 75
MAX_ABS_VALUE = 1e15  # larger numbers are input errors, and they would overflow the arithmetic

_IMPLIED_DIRECTION = {"lt": -1, "le": -1, "gt": 1, "ge": 1}
_RULE_NUMBERS_VI = {
    "value": "giá trị chỉ tiêu (value)",
    "low": "cận dưới (low)",
    "high": "cận trên (high)",
    "upper_limit": "mức tối đa (upper_limit)",
}
_WORDS_VI = {"lt": "dưới", "le": "không quá", "gt": "trên", "ge": "tối thiểu", "eq": "bằng", "approx": "khoảng"}
_MAX_EXPONENT = 700.0  # keeps exp() finite for absurd ratios; statuses there do not depend on it


@dataclass(frozen=True)
class Observation:
    year: int
    value: float  # the indicator value already computed for that year (4.8 for 4.8 %)
    complete: bool = True  # False when not every expected unit reported (9 of 15 communes)


@dataclass(frozen=True)
class TargetRule:
    comparator: str  # lt, le, gt, ge, eq, approx, range, qual
    value: float | None  # for lt/le/gt/ge/eq/approx
    low: float | None  # for range
    high: float | None  # for range
    target_year: int
    kind: str = "rate"  # "rate" | "count" | "cumulative" (cumulative: the values are already running totals)
    direction: str | None = None  # "increase" | "decrease"; None: derived from the comparator
    upper_limit: float | None = None  # natural maximum (100 for percentages): trend on the shortfall


@dataclass(frozen=True)
class Assessment:
    status: str  # one of STATUS_LABELS_VI
    status_vi: str
    method: str  # statcan_cagr_ratio, linear_distance, band, goldilocks_approx, goldilocks_eq, saturated_rate,
    #              target_met, target_lost, deadline_passed, manual, none
    value: float | None  # latest complete value used
    year: int | None
    baseline: float | None
    baseline_year: int | None
    target_value: float | None  # the number compared: the target, or the nearest bound for range
    gap: float | None  # distance the value still has to move in the desirable direction (0 when achieved)
    inputs: dict  # every intermediate quantity needed to redo the computation by hand
    explanation_vi: str


@dataclass(frozen=True)
class _Data:
    complete: tuple[Observation, ...]
    dropped: tuple[Observation, ...]
    latest_incomplete: Observation | None


@dataclass(frozen=True)
class _Goal:
    """The target restated as: move `measure` in `direction` until it reaches `threshold`."""

    measure: str  # "value", "shortfall" (upper limit - value) or "distance" (|value - target|)
    direction: int  # +1: the measure must rise; -1: it must fall
    threshold: float  # the measure's value at which the target is met
    method: str | None  # the method code when the measure is transformed; None: the trend method's code
    origin: float = 0.0  # the upper limit (shortfall) or the target (distance)

    def on_measure(self, value: float) -> float:
        if self.measure == "shortfall":
            return self.origin - value
        if self.measure == "distance":
            return abs(value - self.origin)
        return value


# ---------------------------------------------------------------------------------------------
# Public API


def assess(series: list[Observation], rule: TargetRule, *, base_year: int | None = None) -> Assessment:
    """Status of `series` against `rule`. Raises ValueError (Vietnamese) on invalid input."""
    rule = _checked_rule(rule)
    data = _prepare(series)
    inputs = _rule_inputs(rule) | _data_inputs(data, base_year)
    if rule.comparator == "qual":
        text = "Chỉ tiêu định tính: không tính tự động, cần đánh giá thủ công."
        return _result("insufficient_data", "none", rule, data, None, None, inputs, text)
    if not data.complete:
        return _result("insufficient_data", "none", rule, data, None, None, inputs, "Chưa có số liệu đầy đủ nào.")
    latest = data.complete[-1]
    baseline = _baseline(data.complete, base_year)
    trend_base = baseline if baseline is not None and baseline.year < latest.year else None
    if _meets(rule, latest.value):
        text = f"Năm {latest.year}: {_n(latest.value)}, đã đạt chỉ tiêu {_target_phrase(rule)}."
        return _result("achieved", "target_met", rule, data, latest, trend_base, inputs, text)
    if trend_base is None:
        text = _too_few_text(rule, latest, baseline, base_year)
        return _result("insufficient_data", "none", rule, data, latest, None, inputs, text)
    return _trend(rule, data, trend_base, latest, inputs)


def manual_assessment(status: str, *, set_by: str, set_at: str, reason: str) -> Assessment:
    """A status set by a person (qual targets, or an override), recorded with who, when and why."""
    if status not in STATUS_LABELS_VI:
        raise ValueError(f"trạng thái {status!r} không hợp lệ; chọn một trong: {', '.join(STATUS_LABELS_VI)}")
    if not set_by.strip():
        raise ValueError("đánh giá thủ công cần ghi người đánh giá (set_by)")
    if not reason.strip():
        raise ValueError("đánh giá thủ công cần ghi lý do (reason)")
    text = f"Đánh giá thủ công: {STATUS_LABELS_VI[status]} (người đánh giá {set_by}, ngày {_date_vi(set_at)}). Lý do: {reason}"
    inputs = {"set_by": set_by, "set_at": set_at, "reason": reason}
    return Assessment(status, STATUS_LABELS_VI[status], "manual", None, None, None, None, None, None, inputs, text)


def parse_series(text: str) -> list[Observation]:
    """Read "2015=6.0,2018=4.8,2024=3.0" into observations, sorted by year.

    If the text contains ';', then ';' separates the pairs and a value may use the Vietnamese decimal
    comma ("2015=6,0;2018=4,8"). Otherwise ',' separates the pairs and the decimal mark is '.'.
    A trailing '*' marks an incomplete year ("2025=2.9*": not every unit reported).
    """
    separator = ";" if ";" in text else ","
    pieces = [piece.strip() for piece in text.split(separator) if piece.strip()]
    if not pieces:
        raise ValueError("chuỗi số liệu trống; ví dụ: 2015=6.0,2018=4.8,2024=3.0")
    observations: dict[int, Observation] = {}
    for piece in pieces:
        observation = _parse_pair(piece, separator)
        if observation.year in observations:
            raise ValueError(f'cặp "{piece}": năm {observation.year} bị lặp trong chuỗi số liệu')
        observations[observation.year] = observation
    return [observations[year] for year in sorted(observations)]


# ---------------------------------------------------------------------------------------------
# Input checks


def _checked_rule(rule: TargetRule) -> TargetRule:
    if rule.comparator not in COMPARATORS:
        raise ValueError(f"phép so sánh {rule.comparator!r} không hợp lệ; chọn một trong: {', '.join(COMPARATORS)}")
    if rule.kind not in KINDS:
        raise ValueError(f"loại chỉ số {rule.kind!r} không hợp lệ; chọn một trong: {', '.join(KINDS)}")
    if rule.direction is not None and rule.direction not in DIRECTIONS:
        raise ValueError(f"chiều {rule.direction!r} không hợp lệ; chọn increase hoặc decrease")
    numbers = {name: _finite(getattr(rule, name), label) for name, label in _RULE_NUMBERS_VI.items()}
    rule = replace(rule, target_year=int(rule.target_year), **numbers)
    _check_bounds(rule)
    return rule


def _check_bounds(rule: TargetRule) -> None:
    comparator = rule.comparator
    if comparator == "range":
        if rule.low is None or rule.high is None:
            raise ValueError("so sánh range cần cả cận dưới (low) và cận trên (high)")
        if rule.low > rule.high:
            raise ValueError(f"cận dưới {_n(rule.low)} lớn hơn cận trên {_n(rule.high)}")
        return
    if comparator == "qual":
        return
    if rule.value is None:
        raise ValueError(f"so sánh {comparator} cần giá trị chỉ tiêu (value)")
    implied = _IMPLIED_DIRECTION.get(comparator)
    if implied and rule.direction and DIRECTIONS[rule.direction] != implied:
        raise ValueError(f"so sánh {comparator} mâu thuẫn với chiều {rule.direction}")
    if rule.upper_limit is not None and comparator in ("gt", "ge", "eq") and rule.value > rule.upper_limit:
        raise ValueError(f"chỉ tiêu {_n(rule.value)} vượt mức tối đa {_n(rule.upper_limit)}")


def _finite(value: float | Decimal | None, what: str) -> float | None:
    if value is None:
        return None
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{what} phải là một số hữu hạn, không phải {value!r}")
    if abs(number) > MAX_ABS_VALUE:
        raise ValueError(f"{what} = {value!r} quá lớn")
    return number


def _prepare(series: list[Observation]) -> _Data:
    observations = sorted(
        (Observation(int(o.year), _finite(o.value, f"giá trị năm {o.year}"), bool(o.complete)) for o in series),
        key=lambda o: o.year,
    )
    for earlier, later in zip(observations, observations[1:]):
        if earlier.year == later.year:
            raise ValueError(f"năm {later.year} xuất hiện hai lần trong chuỗi số liệu")
    latest_incomplete = observations[-1] if observations and not observations[-1].complete else None
    return _Data(
        complete=tuple(o for o in observations if o.complete),
        dropped=tuple(o for o in observations if not o.complete),
        latest_incomplete=latest_incomplete,
    )


def _baseline(complete: tuple[Observation, ...], base_year: int | None) -> Observation | None:
    """The complete observation at base_year, else the first one after it (default: the first one)."""
    return next((o for o in complete if base_year is None or o.year >= base_year), None)


_PAIR = re.compile(r"(\d{4})\s*=\s*(\S+?)\s*(\*?)")
_NUMBER = {",": re.compile(r"-?\d+(\.\d+)?"), ";": re.compile(r"-?\d[\d.]*(,\d+)?")}


def _parse_pair(piece: str, separator: str) -> Observation:
    match = _PAIR.fullmatch(piece)
    if not match:
        hint = "; dùng dấu ; giữa các cặp khi giá trị có dấu phẩy thập phân" if separator == "," else ""
        raise ValueError(f'cặp "{piece}" không đúng dạng năm=giá trị (ví dụ 2018=4.8){hint}')
    raw = match[2]
    if not _NUMBER[separator].fullmatch(raw):
        raise ValueError(f'cặp "{piece}": "{raw}" không phải là số')
    value = float(parse_number(raw)) if separator == ";" else float(raw)
    return Observation(int(match[1]), _finite(value, f'cặp "{piece}"'), complete=not match[3])


# ---------------------------------------------------------------------------------------------
# Target test


def _direction(rule: TargetRule) -> int | None:
    """+1 increase, -1 decrease, None two-sided (approx, range, eq at an interior value)."""
    if rule.comparator in _IMPLIED_DIRECTION:
        return _IMPLIED_DIRECTION[rule.comparator]
    if rule.comparator != "eq":
        return None
    if rule.direction:
        return DIRECTIONS[rule.direction]
    if rule.value == 0:
        return -1
    if rule.value == 100 or rule.value == rule.upper_limit:
        return 1
    return None


def _tolerance(rule: TargetRule) -> float:
    """approx: 2 % of |T|. eq on a rate: half a unit of T's last written digit (100 -> 0.5). Else 0."""
    if rule.comparator == "approx":
        return APPROX_TOLERANCE_SHARE * abs(rule.value)
    if rule.comparator == "eq" and rule.kind == "rate":
        return 0.5 * 10.0 ** -_decimals(rule.value)
    return 0.0


def _decimals(value: float) -> int:
    """Decimals as written: 100.0 -> 0, 99.5 -> 1, 0.05 -> 2."""
    return max(0, -Decimal(repr(value)).normalize().as_tuple().exponent)


def _meets(rule: TargetRule, v: float) -> bool:
    comparator, target = rule.comparator, rule.value
    if comparator == "range":
        return rule.low <= v <= rule.high
    if comparator in _IMPLIED_DIRECTION:  # lt and gt are strict: 2.0 is not "below 2"
        return {"lt": v < target, "le": v <= target, "gt": v > target, "ge": v >= target}[comparator]
    direction = None if comparator == "approx" else _direction(rule)
    if direction is None:
        return abs(v - target) <= _tolerance(rule)
    return direction * (target - v) <= _tolerance(rule)


def _met_test(rule: TargetRule) -> str:
    fixed = {"lt": "v < T", "le": "v <= T", "gt": "v > T", "ge": "v >= T", "approx": "|v - T| <= tolerance"}
    if rule.comparator in fixed:
        return fixed[rule.comparator]
    if rule.comparator == "range":
        return "low <= v <= high"
    return {None: "|v - T| <= tolerance", 1: "v >= T - tolerance", -1: "v <= T + tolerance"}[_direction(rule)]


def _gap(rule: TargetRule, v: float) -> float:
    if _meets(rule, v):
        return 0.0
    if rule.comparator == "range":
        return _r(rule.low - v if v < rule.low else v - rule.high)
    if rule.comparator == "approx":
        return _r(abs(v - rule.value) - _tolerance(rule))
    return _r(abs(v - rule.value))


def _target_value(rule: TargetRule, latest: Observation | None) -> float | None:
    if rule.comparator != "range":
        return rule.value
    if latest is None:
        return None
    return rule.low if abs(latest.value - rule.low) <= abs(latest.value - rule.high) else rule.high


# ---------------------------------------------------------------------------------------------
# Trend


def _goal(rule: TargetRule, latest: float) -> _Goal:
    if rule.comparator == "range":
        below = latest < rule.low
        return _Goal("value", 1 if below else -1, rule.low if below else rule.high, "band")
    direction = _direction(rule)
    if direction is None:
        method = "goldilocks_approx" if rule.comparator == "approx" else "goldilocks_eq"
        return _Goal("distance", -1, _tolerance(rule), method, origin=rule.value)
    if direction == 1 and rule.upper_limit is not None:
        return _Goal("shortfall", -1, rule.upper_limit - rule.value, "saturated_rate", origin=rule.upper_limit)
    return _Goal("value", direction, rule.value, None)


def _trend(rule: TargetRule, data: _Data, base: Observation, latest: Observation, inputs: dict) -> Assessment:
    goal = _goal(rule, latest.value)
    x_b, x_t = goal.on_measure(base.value), goal.on_measure(latest.value)
    inputs |= {
        "measure": goal.measure,
        "measure_direction": "increase" if goal.direction == 1 else "decrease",
        "measure_baseline": _r(x_b),
        "measure_latest": _r(x_t),
        "measure_target": _r(goal.threshold),
    }
    if _meets(rule, base.value):
        inputs["baseline_met"] = True
        text = (
            f"Năm {base.year}: {_n(base.value)}, đã đạt chỉ tiêu {_target_phrase(rule)}; "
            f"năm {latest.year}: {_n(latest.value)}, không còn đạt nên xếp loại Đi lùi."
        )
        return _result("regressing", "target_lost", rule, data, latest, base, inputs, text)
    if latest.year >= rule.target_year:
        return _deadline_passed(rule, data, base, latest, goal.direction * (x_t - x_b), inputs)
    status, method, text = _progress_ratio(goal, rule, base, latest, inputs)
    return _result(status, goal.method or method, rule, data, latest, base, inputs, text)


def _deadline_passed(rule, data, base, latest, movement: float, inputs: dict) -> Assessment:
    inputs["movement"] = _r(movement)
    status = "regressing" if movement < 0 else "off_track"
    change = "có cải thiện" if movement > 0 else ("không đổi" if movement == 0 else "xấu đi")
    text = (
        f"Đã đến năm mục tiêu {rule.target_year}; số liệu năm {latest.year} là {_n(latest.value)}, chưa đạt chỉ tiêu "
        f"{_target_phrase(rule)}; so với năm {base.year} ({_n(base.value)}) {change}."
    )
    return _result(status, "deadline_passed", rule, data, latest, base, inputs, text)


def _progress_ratio(goal: _Goal, rule: TargetRule, base: Observation, latest: Observation, inputs: dict):
    x_b, x_t = goal.on_measure(base.value), goal.on_measure(latest.value)
    span = (base.year, latest.year, rule.target_year)
    linear = rule.kind != "rate" or min(x_b, x_t, goal.threshold) <= 0
    inputs |= {
        "trend_method": "linear_distance" if linear else "statcan_cagr_ratio",
        "years_elapsed": latest.year - base.year,
        "years_to_target": rule.target_year - base.year,
        "elapsed_share": _r((latest.year - base.year) / (rule.target_year - base.year)),
    }
    ratio, text = (_linear_ratio if linear else _cagr_ratio)(goal, x_b, x_t, span, inputs)
    inputs |= {"ratio": None if ratio is None else _r(ratio), "thresholds": dict(THRESHOLDS)}
    if ratio is None:
        return _no_required_change(rule, base, latest, goal.direction * (x_t - x_b), inputs)
    status = _status_for_ratio(ratio)
    text += f" Tỷ số tiến độ {_num(ratio, 2)} (ngưỡng 0,95 / 0,6 / 0): {STATUS_LABELS_VI[status]}."
    return status, inputs["trend_method"], text


def _status_for_ratio(ratio: float) -> str:
    for status, cut in THRESHOLDS.items():
        if ratio >= cut:
            return status
    return "regressing"


def _cagr(end: float, start: float, years: int) -> float:
    exponent = (math.log(end) - math.log(start)) / years
    return math.expm1(max(-_MAX_EXPONENT, min(exponent, _MAX_EXPONENT)))


def _cagr_ratio(goal: _Goal, x_b: float, x_t: float, span: tuple, inputs: dict) -> tuple[float | None, str]:
    """Statistics Canada / Open SDG: P = d · CAGR_obs / |CAGR_req|, using the baseline and latest points only."""
    b, t, target_year = span
    observed = _cagr(x_t, x_b, t - b)
    required = _cagr(goal.threshold, x_b, target_year - b)
    growth = (math.log(x_t) - math.log(x_b)) / (t - b)
    projected = math.exp(min(math.log(x_t) + (target_year - t) * growth, _MAX_EXPONENT))
    inputs |= {"cagr_observed": _r(observed), "cagr_required": _r(required), "projected_measure": _r(projected)}
    if required == 0:
        return None, ""
    same_way = (observed > 0) == (required > 0)
    did = "không đổi" if observed == 0 else f"{'đã' if same_way else 'lại'} {_verb(observed)} {_rate(observed)}/năm"
    need = f"{_measure_prefix(goal)}cần {_verb(required)} bình quân {_rate(required)}/năm giai đoạn {b}–{target_year}"
    return goal.direction * observed / abs(required), f"{_cap(need)}; {b}–{t} {did}."


def _linear_ratio(goal: _Goal, x_b: float, x_t: float, span: tuple, inputs: dict) -> tuple[float | None, str]:
    """ESCAP Current Status style: share of the distance covered ÷ share of the time elapsed."""
    b, t, target_year = span
    required = goal.threshold - x_b
    elapsed = (t - b) / (target_year - b)
    projected = x_b + (x_t - x_b) * (target_year - b) / (t - b)
    inputs |= {"required_change": _r(required), "projected_measure": _r(projected)}
    if required == 0:
        return None, ""
    covered = goal.direction * (x_t - x_b) / abs(required)
    inputs["covered_share"] = _r(covered)
    verb, towards = ("tăng", "lên") if required > 0 else ("giảm", "xuống")
    need = f"{_measure_prefix(goal)}cần {verb} từ {_n(x_b)} {towards} {_n(goal.threshold)} giai đoạn {b}–{target_year}"
    done = f"đã thực hiện {_share(covered)}" if covered >= 0 else f"lại đi ngược {_share(-covered)}"
    return covered / elapsed, f"{_cap(need)}; đến {t} {done} quãng cần đi, trong khi thời gian đã qua {_share(elapsed)}."


def _no_required_change(rule, base, latest, movement: float, inputs: dict):
    """The baseline sits exactly on a strict threshold (2.0 against "below 2"): only crossing it counts."""
    inputs["movement"] = _r(movement)
    status = "regressing" if movement < 0 else "off_track"
    change = "không đổi" if movement == 0 else ("chưa vượt qua ngưỡng" if movement > 0 else "xa ngưỡng hơn")
    text = (
        f"Năm {base.year} đúng bằng ngưỡng {_n(rule.value)} (chưa đạt vì so sánh chặt); "
        f"năm {latest.year}: {_n(latest.value)}, {change}: {STATUS_LABELS_VI[status]}."
    )
    return status, inputs["trend_method"], text


# ---------------------------------------------------------------------------------------------
# Result, inputs and Vietnamese text


def _result(status, method, rule, data, latest, baseline, inputs, text) -> Assessment:
    return Assessment(
        status=status,
        status_vi=STATUS_LABELS_VI[status],
        method=method,
        value=latest.value if latest else None,
        year=latest.year if latest else None,
        baseline=baseline.value if baseline else None,
        baseline_year=baseline.year if baseline else None,
        target_value=None if rule.comparator == "qual" else _target_value(rule, latest),
        gap=_gap(rule, latest.value) if latest and rule.comparator != "qual" else None,
        inputs=inputs,
        explanation_vi=text + _incomplete_note(data),
    )


def _rule_inputs(rule: TargetRule) -> dict:
    if rule.comparator == "qual":
        return {"comparator": "qual", "target_year": rule.target_year, "kind": rule.kind}
    direction = _direction(rule)
    inputs = {
        "comparator": rule.comparator,
        "target": rule.value,
        "low": rule.low,
        "high": rule.high,
        "target_year": rule.target_year,
        "kind": rule.kind,
        "direction": {1: "increase", -1: "decrease", None: "two_sided"}[direction],
        "upper_limit": rule.upper_limit,
        "met_test": _met_test(rule),
    }
    if rule.comparator in ("eq", "approx"):
        inputs["tolerance"] = _r(_tolerance(rule))
    return inputs


def _data_inputs(data: _Data, base_year: int | None) -> dict:
    latest = data.latest_incomplete
    return {
        "base_year_requested": base_year,
        "complete_observations": [{"year": o.year, "value": o.value} for o in data.complete],
        "dropped_incomplete": [{"year": o.year, "value": o.value} for o in data.dropped],
        "latest_incomplete": {"year": latest.year, "value": latest.value} if latest else None,
    }


def _target_phrase(rule: TargetRule) -> str:
    if rule.comparator == "range":
        core = f"từ {_n(rule.low)} đến {_n(rule.high)}"
    else:
        core = f"{_WORDS_VI[rule.comparator]} {_n(rule.value)}"
    tolerance = _tolerance(rule) if rule.comparator in ("eq", "approx") else 0.0
    note = f", dung sai ±{_n_exact(tolerance)}" if tolerance else ""
    return f"năm {rule.target_year} ({core}{note})"


def _too_few_text(rule: TargetRule, latest: Observation, baseline: Observation | None, base_year: int | None) -> str:
    point = f"(năm {latest.year}: {_n(latest.value)})"
    if baseline is None:
        head = f"Không có số liệu đầy đủ từ năm gốc {base_year} trở đi; số liệu đầy đủ gần nhất {point}"
    else:
        since = f" kể từ năm gốc {base_year}" if base_year is not None else ""
        head = f"Chỉ có một số liệu đầy đủ{since} {point}, chưa đủ hai điểm để xét xu hướng; giá trị này"
    return f"{head} chưa đạt chỉ tiêu {_target_phrase(rule)}."


def _incomplete_note(data: _Data) -> str:
    latest = data.latest_incomplete
    if latest is None:
        return ""
    return f" Số liệu năm {latest.year} ({_n(latest.value)}) chưa đủ đơn vị báo cáo nên không dùng để đánh giá."


def _measure_prefix(goal: _Goal) -> str:
    if goal.measure == "shortfall":
        return f"tính trên phần còn thiếu so với mức tối đa {_n(goal.origin)}, "
    if goal.measure == "distance":
        return f"tính trên khoảng cách tới {_n(goal.origin)} (đạt khi không quá {_n_exact(goal.threshold)}), "
    return ""


def _date_vi(text: str) -> str:
    try:
        return format_date(date.fromisoformat(text[:10]))
    except ValueError:
        return text


def _verb(change: float) -> str:
    return "tăng" if change > 0 else "giảm"


def _rate(change: float) -> str:
    """Yearly rate of change: 7,4 % (one decimal), or 0,05 % (two decimals below 1 %)."""
    percent = abs(change) * 100
    return _percent(percent, 1 if percent >= 1 else 2)


def _share(share: float) -> str:
    return _percent(share * 100, 0)


def _percent(value: float, decimals: int) -> str:
    return f"{_num(value, decimals)} %" if abs(value) >= MAX_ABS_VALUE else format_percent(value, decimals)


def _num(value: float, decimals: int) -> str:
    """format_number, also for the huge ratios that a vanishing required change produces (shown as ∞)."""
    if abs(value) >= MAX_ABS_VALUE:
        return "∞" if value > 0 else "-∞"
    return format_number(value, decimals)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _n(value: float) -> str:
    return format_number(value)


def _n_exact(value: float) -> str:
    """A tolerance in full (0,005), not rounded to two decimals like _n."""
    return format_number(value, _decimals(_r(value)))


def _r(value: float) -> float:
    """Ten significant digits: drops float noise (0.20000000000000284) and keeps enough to redo by hand."""
    return float(f"{value:.10g}") + 0.0  # + 0.0 turns -0.0 into 0.0
