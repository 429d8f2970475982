"""The indicator library file (YAML): data elements and the indicators computed from them.

Pure parsing and writing; `actions.do_load_indicator_library` stores the result. Format and
the official definitions: docs/indicators.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ansinh.core.errors import ErrorCode
from ansinh.core.periods import PERIOD_TYPES
from ansinh.core.yamlfile import FieldReader, choice, code, list_of, load_yaml, raw_text, text
from ansinh.indicators.rules import OPERATORS, expression_codes, parse_expression

FORMAT_VERSION = "ansinh-indicators/1"
_TOP = {"format", "data_elements", "indicators", "data_sets", "validation_rules"}
_DATA_SET = {"code", "name", "period_type", "level", "collected_by", "due_days", "elements"}
_RULE = {"code", "name", "left", "operator", "right", "importance"}
_ELEMENT = {"code", "name", "unit", "value_type", "time_aggregation", "period_type", "collection_level", "collected_by", "definition"}
_INDICATOR = {"code", "name", "unit", "kind", "numerator", "denominator", "weight", "factor", "direction", "definition", "source", "note"}


@dataclass(frozen=True)
class DataElementSpec:
    code: str
    name: str
    unit: str
    value_type: str
    time_aggregation: str
    period_type: str
    collection_level: str
    collected_by: str
    definition: str


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    unit: str
    kind: str
    numerator: str
    denominator: str | None
    weight: str | None
    factor: int
    direction: str
    definition: str
    source: str
    note: str


@dataclass(frozen=True)
class DataSetSpec:
    code: str
    name: str
    period_type: str
    level: str
    collected_by: str
    due_days: int
    elements: list[str]


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    left: str
    operator: str
    right: str
    importance: str


@dataclass(frozen=True)
class Library:
    elements: list[DataElementSpec]
    indicators: list[IndicatorSpec]
    data_sets: list[DataSetSpec]
    rules: list[RuleSpec]


def _factor(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"hệ số {value!r} phải là số nguyên dương (1, 100, 10000)")
    return value


def parse_indicator_library(path: Path | str) -> Library:
    data = load_yaml(path)
    reader = FieldReader(Path(path).name)
    if not reader.mapping(data, "", _TOP):
        reader.raise_if_problems()
    version = reader.required(data, "format", "", text)
    if version and version != FORMAT_VERSION:
        reader.add(ErrorCode.FIELD_INVALID, f"định dạng {version!r} không hỗ trợ; dùng {FORMAT_VERSION}", node=data, key="format", path="format")
    elements: list[DataElementSpec] = []
    for item_path, item in reader.items(data, "data_elements", "", required=True):
        if not reader.mapping(item, item_path, _ELEMENT):
            continue
        elements.append(
            DataElementSpec(
                code=reader.required(item, "code", item_path, code),
                name=reader.required(item, "name", item_path, text),
                unit=reader.required(item, "unit", item_path, text),
                value_type=reader.optional(item, "value_type", item_path, choice(["integer", "number"]), "integer"),
                time_aggregation=reader.optional(item, "time_aggregation", item_path, choice(["sum", "last"]), "last"),
                period_type=reader.optional(item, "period_type", item_path, choice(PERIOD_TYPES), "yearly"),
                collection_level=reader.required(item, "collection_level", item_path, choice(["commune", "town"])),
                collected_by=reader.required(item, "collected_by", item_path, text),
                definition=reader.optional(item, "definition", item_path, raw_text, ""),
            )
        )
    element_codes = [element.code for element in elements]
    _report_duplicates(reader, [(item, element.code) for item, element in zip(_mappings(data, "data_elements"), elements)], "data_elements")
    indicators: list[IndicatorSpec] = []
    for item_path, item in reader.items(data, "indicators", "", required=True):
        if not reader.mapping(item, item_path, _INDICATOR):
            continue
        indicator = IndicatorSpec(
            code=reader.required(item, "code", item_path, code),
            name=reader.required(item, "name", item_path, text),
            unit=reader.required(item, "unit", item_path, text),
            kind=reader.required(item, "kind", item_path, choice(["ratio", "count", "value"])),
            numerator=reader.required(item, "numerator", item_path, code),
            denominator=reader.optional(item, "denominator", item_path, code),
            weight=reader.optional(item, "weight", item_path, code),
            factor=reader.optional(item, "factor", item_path, _factor, 1),
            direction=reader.required(item, "direction", item_path, choice(["increase", "decrease"])),
            definition=reader.optional(item, "definition", item_path, raw_text, ""),
            source=reader.optional(item, "source", item_path, text, ""),
            note=reader.optional(item, "note", item_path, raw_text, ""),
        )
        for key in ("numerator", "denominator", "weight"):
            ref = getattr(indicator, key)
            if ref and ref not in element_codes:
                reader.add(ErrorCode.UNKNOWN_REFERENCE, f"phần tử dữ liệu {ref!r} không có trong data_elements", node=item, key=key, path=f"{item_path}.{key}")
        if indicator.kind == "ratio" and not indicator.denominator:
            reader.add(ErrorCode.FIELD_MISSING, "chỉ số tỷ số (ratio) cần mẫu số (denominator)", node=item, key=None, path=f"{item_path}.denominator")
        if indicator.kind != "ratio" and indicator.denominator:
            reader.add(ErrorCode.FIELD_INVALID, "chỉ số loại count/value không có mẫu số", node=item, key="denominator", path=f"{item_path}.denominator")
        if indicator.weight and indicator.kind != "value":
            reader.add(ErrorCode.FIELD_INVALID, "trọng số (weight) chỉ dùng cho chỉ số loại value", node=item, key="weight", path=f"{item_path}.weight")
        indicators.append(indicator)
    _report_duplicates(reader, [(item, indicator.code) for item, indicator in zip(_mappings(data, "indicators"), indicators)], "indicators")
    by_code = {element.code: element for element in elements}
    data_sets = _read_data_sets(reader, data, by_code)
    rules = _read_rules(reader, data, by_code)
    reader.raise_if_problems()
    return Library(elements, indicators, data_sets, rules)


def _days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365:
        raise ValueError(f"{value!r} phải là số ngày từ 0 đến 365")
    return value


def _read_data_sets(reader: FieldReader, data: dict, elements: dict[str, DataElementSpec]) -> list[DataSetSpec]:
    result, owner = [], {}
    for item_path, item in reader.items(data, "data_sets", ""):
        if not reader.mapping(item, item_path, _DATA_SET):
            continue
        spec = DataSetSpec(
            code=reader.required(item, "code", item_path, code),
            name=reader.required(item, "name", item_path, text),
            period_type=reader.required(item, "period_type", item_path, choice(PERIOD_TYPES)),
            level=reader.required(item, "level", item_path, choice(["commune", "town"])),
            collected_by=reader.required(item, "collected_by", item_path, text),
            due_days=reader.optional(item, "due_days", item_path, _days, 5),
            elements=reader.required(item, "elements", item_path, list_of(code)) or [],
        )
        for element_code in spec.elements:
            element = elements.get(element_code)
            if element is None:
                reader.add(ErrorCode.UNKNOWN_REFERENCE, f"phần tử dữ liệu {element_code!r} không có trong data_elements", node=item, key="elements", path=f"{item_path}.elements")
            elif element.period_type != spec.period_type or element.collection_level != spec.level:
                reader.add(ErrorCode.FIELD_INVALID, f"phần tử {element_code} báo cáo theo kỳ {element.period_type}, cấp {element.collection_level}; biểu này theo kỳ {spec.period_type}, cấp {spec.level}", node=item, key="elements", path=f"{item_path}.elements")
            elif element_code in owner:
                reader.add(ErrorCode.DUPLICATE_CODE, f"phần tử {element_code} đã thuộc biểu {owner[element_code]}; mỗi phần tử chỉ thuộc một biểu", node=item, key="elements", path=f"{item_path}.elements")
            owner.setdefault(element_code, spec.code)
        result.append(spec)
    _report_duplicates(reader, [(item, s.code) for item, s in zip(_mappings(data, "data_sets"), result)], "data_sets")
    return result


def _read_rules(reader: FieldReader, data: dict, elements: dict[str, DataElementSpec]) -> list[RuleSpec]:
    result = []
    for item_path, item in reader.items(data, "validation_rules", ""):
        if not reader.mapping(item, item_path, _RULE):
            continue
        spec = RuleSpec(
            code=reader.required(item, "code", item_path, code),
            name=reader.required(item, "name", item_path, text),
            left=reader.required(item, "left", item_path, _expression),
            operator=reader.required(item, "operator", item_path, choice(OPERATORS)),
            right=reader.required(item, "right", item_path, _expression),
            importance=reader.optional(item, "importance", item_path, choice(["error", "warning"]), "error"),
        )
        for side in ("left", "right"):
            text_value = getattr(spec, side)
            if text_value is None:
                continue
            for element_code in sorted(expression_codes(parse_expression(text_value)) - set(elements)):
                reader.add(ErrorCode.UNKNOWN_REFERENCE, f"phần tử dữ liệu {element_code!r} không có trong data_elements", node=item, key=side, path=f"{item_path}.{side}")
        result.append(spec)
    _report_duplicates(reader, [(item, r.code) for item, r in zip(_mappings(data, "validation_rules"), result)], "validation_rules")
    return result


def _expression(value: Any) -> str:
    source = text(value)
    parse_expression(source)  # raises ValueError with a Vietnamese message
    return source


def _mappings(data: dict, key: str) -> list:
    """The items of a list that were read (non-mappings were reported and skipped)."""
    return [item for item in (data.get(key) or []) if isinstance(item, dict)]


def _report_duplicates(reader: FieldReader, items: list[tuple[dict, str | None]], key: str) -> None:
    seen: set[str] = set()
    for item, item_code in items:
        if item_code is None:
            continue  # already reported as missing
        if item_code in seen:
            reader.add(ErrorCode.DUPLICATE_CODE, f"mã {item_code!r} bị trùng", node=item, key="code", path=f"{key}.code")
        seen.add(item_code)
