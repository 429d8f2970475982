"""The program file (YAML): parse it into plain specs, and write a program back out.

Pure code: no ORM here. `actions.do_load_program` resolves references against the database
(indicators, units, bodies) and writes; `selectors.program_file_data` reads a stored program
into the same dict shape that `dump_program_file` writes. Format: docs/program-file.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ansinh.core.errors import ErrorCode, Problem
from ansinh.core.yamlfile import (
    FieldReader,
    a_date,
    boolean,
    choice,
    code,
    list_of,
    load_yaml,
    number,
    partial_date,
    raw_text,
    text,
    year,
)

FORMAT_VERSION = "ansinh-program/1"
COMPARATORS = ("lt", "le", "gt", "ge", "eq", "approx", "range", "qual")
BODY_KINDS = ("party", "state", "council", "front", "sector", "group")
TIMELINE_KINDS = ("continuous", "yearly_from", "fixed_date", "unspecified")
SECTIONS = ("tasks", "organisation")

_TOP = {"format", "program", "bodies", "areas", "targets", "tasks"}
_PROGRAM = {
    "code", "doc_type", "number", "draft", "title", "issuing_body", "superior_body", "issued_on", "place",
    "scope_unit", "period", "signer", "recipients", "implements", "general_objective",
}
_SCOPE = {"code", "on"}
_PERIOD = {"start", "end", "vision"}
_BASIS = {"doc_type", "number", "issued_on", "issuer", "title"}
_BODY = {"code", "name", "kind"}
_AREA = {"code", "name"}
_TARGET = {
    "code", "area", "name", "comparator", "value", "low", "high", "unit", "year", "indicator",
    "accumulate_from", "source_text", "baseline", "milestones", "note",
}
_BASELINE = {"value", "year", "source"}
_MILESTONE = {"year", "comparator", "value", "low", "high", "source"}
_TASK = {"number", "section", "title", "content", "lead", "implementers", "timeline", "serves_targets", "subtasks"}
_TIMELINE = {"kind", "from_year", "due", "text"}


@dataclass
class BasisSpec:
    doc_type: str
    number: str
    issued_on: str = ""
    issuer: str = ""
    title: str = ""


@dataclass
class BodySpec:
    code: str
    name: str
    kind: str


@dataclass
class MilestoneSpec:
    year: int
    comparator: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    source: str = ""


@dataclass
class TargetSpec:
    code: str
    area: str
    name: str
    comparator: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str
    year: int
    indicator: str | None
    source_text: str
    accumulate_from: int | None = None
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    baseline_source: str = ""
    milestones: list[MilestoneSpec] = field(default_factory=list)
    note: str = ""
    where: str = ""  # file:line of the target, for errors found later against the database


@dataclass
class TaskSpec:
    number: str
    section: str
    title: str
    content: list[str]
    lead: str | None
    implementers: list[str]
    timeline_kind: str
    timeline_from_year: int | None
    timeline_due: date | None
    timeline_text: str
    serves_targets: list[str]
    parent_number: str | None = None
    where: str = ""


@dataclass
class ProgramSpec:
    code: str
    doc_type: str
    number: str
    draft: bool
    title: str
    issuing_body: str
    superior_body: str
    issued_on: str
    place: str
    scope_unit_code: str
    scope_unit_on: date
    start_year: int
    end_year: int
    vision_year: int | None
    signer: str
    recipients: list[str]
    implements: list[BasisSpec]
    general_objective: str
    bodies: list[BodySpec]
    areas: list[dict[str, str]]
    targets: list[TargetSpec]
    tasks: list[TaskSpec]  # flattened, parents before their subtasks
    filename: str = ""
    where: dict[str, str] = field(default_factory=dict)  # "scope_unit" -> file:line, ...


def parse_program_file(path: Path | str, *, text_content: str | None = None) -> ProgramSpec:
    """Parse and validate a program file on its own; raises UserError listing every problem."""
    data = load_yaml(path, text=text_content)
    reader = FieldReader(Path(path).name)
    if not reader.mapping(data, "", _TOP):
        reader.raise_if_problems()
    version = reader.required(data, "format", "", text)
    if version and version != FORMAT_VERSION:
        reader.add(ErrorCode.FIELD_INVALID, f"định dạng {version!r} không hỗ trợ; dùng {FORMAT_VERSION}", node=data, key="format", path="format")
    program = data.get("program")
    if program is None:
        reader.add(ErrorCode.FIELD_MISSING, "thiếu phần program", node=data, key=None, path="program")
        reader.raise_if_problems()
    spec = _read_program(reader, program)
    spec.bodies = _read_bodies(reader, data)
    spec.areas = _read_areas(reader, data)
    spec.targets = _read_targets(reader, data, spec)
    spec.tasks = _read_tasks(reader, data, spec)
    _check_references(reader, spec)
    reader.raise_if_problems()
    return spec


def _read_program(reader: FieldReader, node: Any) -> ProgramSpec:
    path = "program"
    reader.mapping(node, path, _PROGRAM)
    if not isinstance(node, dict):
        reader.raise_if_problems()
    scope = node.get("scope_unit")
    scope_code, scope_on = None, None
    if scope is None:
        reader.add(ErrorCode.FIELD_MISSING, "thiếu trường bắt buộc", node=node, key=None, path="program.scope_unit")
    elif reader.mapping(scope, "program.scope_unit", _SCOPE):
        scope_code = reader.required(scope, "code", "program.scope_unit", code)
        scope_on = reader.required(scope, "on", "program.scope_unit", a_date)
    period = node.get("period")
    start = end = vision = None
    if period is None:
        reader.add(ErrorCode.FIELD_MISSING, "thiếu trường bắt buộc", node=node, key=None, path="program.period")
    elif reader.mapping(period, "program.period", _PERIOD):
        start = reader.required(period, "start", "program.period", year)
        end = reader.required(period, "end", "program.period", year)
        vision = reader.optional(period, "vision", "program.period", year)
        if start and end and start > end:
            reader.add(ErrorCode.FIELD_INVALID, f"năm bắt đầu {start} sau năm kết thúc {end}", node=period, key="start", path="program.period.start")
    implements = []
    for item_path, item in reader.items(node, "implements", path):
        if reader.mapping(item, item_path, _BASIS):
            implements.append(
                BasisSpec(
                    doc_type=reader.required(item, "doc_type", item_path, text),
                    number=reader.required(item, "number", item_path, text),
                    issued_on=reader.optional(item, "issued_on", item_path, partial_date, ""),
                    issuer=reader.optional(item, "issuer", item_path, text, ""),
                    title=reader.optional(item, "title", item_path, text, ""),
                )
            )
    return ProgramSpec(
        code=reader.required(node, "code", path, code),
        doc_type=reader.required(node, "doc_type", path, text),
        number=reader.optional(node, "number", path, text, ""),
        draft=reader.optional(node, "draft", path, boolean, False),
        title=reader.required(node, "title", path, text),
        issuing_body=reader.required(node, "issuing_body", path, code),
        superior_body=reader.optional(node, "superior_body", path, text, ""),
        issued_on=reader.required(node, "issued_on", path, partial_date),
        place=reader.optional(node, "place", path, text, ""),
        scope_unit_code=scope_code,
        scope_unit_on=scope_on,
        start_year=start,
        end_year=end,
        vision_year=vision,
        signer=reader.optional(node, "signer", path, text, ""),
        recipients=reader.optional(node, "recipients", path, list_of(text), []),
        implements=implements,
        general_objective=reader.optional(node, "general_objective", path, text, ""),
        bodies=[],
        areas=[],
        targets=[],
        tasks=[],
        filename=reader.filename,
        where={"scope_unit": reader.where(node, "scope_unit"), "issuing_body": reader.where(node, "issuing_body")},
    )


def _read_bodies(reader: FieldReader, data: dict) -> list[BodySpec]:
    bodies, seen = [], set()
    for item_path, item in reader.items(data, "bodies", ""):
        if not reader.mapping(item, item_path, _BODY):
            continue
        body = BodySpec(
            code=reader.required(item, "code", item_path, code),
            name=reader.required(item, "name", item_path, text),
            kind=reader.required(item, "kind", item_path, choice(BODY_KINDS)),
        )
        if body.code in seen:
            reader.add(ErrorCode.DUPLICATE_CODE, f"mã cơ quan {body.code!r} bị trùng", node=item, key="code", path=f"{item_path}.code")
        seen.add(body.code)
        bodies.append(body)
    return bodies


def _read_areas(reader: FieldReader, data: dict) -> list[dict[str, str]]:
    areas = []
    for item_path, item in reader.items(data, "areas", ""):
        if reader.mapping(item, item_path, _AREA):
            areas.append({"code": reader.required(item, "code", item_path, code), "name": reader.required(item, "name", item_path, text)})
    return areas


def _read_bounds(reader: FieldReader, node: dict, path: str, comparator: str | None) -> tuple:
    value = reader.optional(node, "value", path, number)
    low = reader.optional(node, "low", path, number)
    high = reader.optional(node, "high", path, number)
    if comparator == "qual":
        for key, given in (("value", value), ("low", low), ("high", high)):
            if given is not None:
                reader.add(ErrorCode.FIELD_INVALID, "chỉ tiêu định tính (qual) không có giá trị số", node=node, key=key, path=f"{path}.{key}")
    elif comparator == "range":
        if low is None or high is None:
            reader.add(ErrorCode.FIELD_MISSING, "so sánh range cần cả low và high", node=node, key=None, path=f"{path}.low")
        elif low > high:
            reader.add(ErrorCode.FIELD_INVALID, f"cận dưới {low} lớn hơn cận trên {high}", node=node, key="low", path=f"{path}.low")
        if value is not None:
            reader.add(ErrorCode.FIELD_INVALID, "so sánh range dùng low và high, không dùng value", node=node, key="value", path=f"{path}.value")
    elif comparator is not None:
        if value is None:
            reader.add(ErrorCode.FIELD_MISSING, f"so sánh {comparator} cần value", node=node, key=None, path=f"{path}.value")
        if low is not None or high is not None:
            reader.add(ErrorCode.FIELD_INVALID, "low/high chỉ dùng với so sánh range", node=node, key="low" if low is not None else "high", path=f"{path}.low")
    return value, low, high


def _read_targets(reader: FieldReader, data: dict, program: ProgramSpec) -> list[TargetSpec]:
    targets, seen = [], set()
    area_codes = {area["code"] for area in program.areas}
    for item_path, item in reader.items(data, "targets", "", required=True):
        if not reader.mapping(item, item_path, _TARGET):
            continue
        comparator = reader.required(item, "comparator", item_path, choice(COMPARATORS))
        value, low, high = _read_bounds(reader, item, item_path, comparator)
        target = TargetSpec(
            code=reader.required(item, "code", item_path, code),
            area=reader.required(item, "area", item_path, code),
            name=reader.required(item, "name", item_path, text),
            comparator=comparator,
            value=value,
            low=low,
            high=high,
            unit=reader.optional(item, "unit", item_path, text, ""),
            year=reader.required(item, "year", item_path, year),
            indicator=reader.optional(item, "indicator", item_path, code),
            source_text=reader.required(item, "source_text", item_path, text),
            accumulate_from=reader.optional(item, "accumulate_from", item_path, year),
            note=reader.optional(item, "note", item_path, raw_text, ""),
            where=reader.where(item),
        )
        if comparator and comparator != "qual":
            if not target.unit:
                reader.add(ErrorCode.FIELD_MISSING, "chỉ tiêu định lượng cần đơn vị tính (unit)", node=item, key=None, path=f"{item_path}.unit")
            if not target.indicator:
                reader.add(ErrorCode.FIELD_MISSING, "chỉ tiêu định lượng phải gắn với một chỉ số (indicator)", node=item, key=None, path=f"{item_path}.indicator")
        if target.area and area_codes and target.area not in area_codes:
            reader.add(ErrorCode.UNKNOWN_REFERENCE, f"lĩnh vực {target.area!r} chưa khai báo trong areas", node=item, key="area", path=f"{item_path}.area")
        if target.code in seen:
            reader.add(ErrorCode.DUPLICATE_CODE, f"mã chỉ tiêu {target.code!r} bị trùng", node=item, key="code", path=f"{item_path}.code")
        seen.add(target.code)
        if target.year and program.start_year and not program.start_year <= target.year <= (program.vision_year or program.end_year or target.year):
            reader.add(ErrorCode.FIELD_INVALID, f"năm {target.year} nằm ngoài thời kỳ của chương trình", node=item, key="year", path=f"{item_path}.year")
        baseline = item.get("baseline")
        if baseline is not None and reader.mapping(baseline, f"{item_path}.baseline", _BASELINE):
            target.baseline_value = reader.required(baseline, "value", f"{item_path}.baseline", number)
            target.baseline_year = reader.required(baseline, "year", f"{item_path}.baseline", year)
            target.baseline_source = reader.required(baseline, "source", f"{item_path}.baseline", text) or ""
        for milestone_path, milestone in reader.items(item, "milestones", item_path):
            if not reader.mapping(milestone, milestone_path, _MILESTONE):
                continue
            m_comparator = reader.required(milestone, "comparator", milestone_path, choice(COMPARATORS))
            m_value, m_low, m_high = _read_bounds(reader, milestone, milestone_path, m_comparator)
            target.milestones.append(
                MilestoneSpec(
                    year=reader.required(milestone, "year", milestone_path, year),
                    comparator=m_comparator,
                    value=m_value,
                    low=m_low,
                    high=m_high,
                    source=reader.optional(milestone, "source", milestone_path, text, ""),
                )
            )
        targets.append(target)
    return targets


def _read_tasks(reader: FieldReader, data: dict, program: ProgramSpec) -> list[TaskSpec]:
    tasks: list[TaskSpec] = []
    seen: set[str] = set()

    def read(items: list[tuple[str, Any]], parent: str | None, parent_section: str) -> None:
        for item_path, item in items:
            if not reader.mapping(item, item_path, _TASK):
                continue
            timeline = item.get("timeline")
            kind, from_year, due, timeline_text = "unspecified", None, None, ""
            if timeline is None:
                reader.add(ErrorCode.FIELD_MISSING, "thiếu trường bắt buộc", node=item, key=None, path=f"{item_path}.timeline")
            elif reader.mapping(timeline, f"{item_path}.timeline", _TIMELINE):
                kind = reader.required(timeline, "kind", f"{item_path}.timeline", choice(TIMELINE_KINDS))
                from_year = reader.optional(timeline, "from_year", f"{item_path}.timeline", year)
                due = reader.optional(timeline, "due", f"{item_path}.timeline", a_date)
                timeline_text = reader.optional(timeline, "text", f"{item_path}.timeline", text, "")
                if kind == "yearly_from" and from_year is None:
                    reader.add(ErrorCode.FIELD_MISSING, "thời gian 'yearly_from' cần from_year", node=timeline, key=None, path=f"{item_path}.timeline.from_year")
                if kind == "fixed_date" and due is None:
                    reader.add(ErrorCode.FIELD_MISSING, "thời gian 'fixed_date' cần due", node=timeline, key=None, path=f"{item_path}.timeline.due")
            section = reader.optional(item, "section", item_path, choice(SECTIONS), parent_section)
            task = TaskSpec(
                number=reader.required(item, "number", item_path, text),
                section=section,
                title=reader.required(item, "title", item_path, text),
                content=reader.optional(item, "content", item_path, list_of(text), []),
                lead=reader.optional(item, "lead", item_path, code),
                implementers=reader.optional(item, "implementers", item_path, list_of(code), []),
                timeline_kind=kind,
                timeline_from_year=from_year,
                timeline_due=due,
                timeline_text=timeline_text,
                serves_targets=reader.optional(item, "serves_targets", item_path, list_of(code), []),
                parent_number=parent,
                where=reader.where(item),
            )
            if task.number in seen:
                reader.add(ErrorCode.DUPLICATE_CODE, f"số thứ tự nhiệm vụ {task.number!r} bị trùng", node=item, key="number", path=f"{item_path}.number")
            seen.add(task.number)
            tasks.append(task)
            read(reader.items(item, "subtasks", item_path), task.number, section)

    read(reader.items(data, "tasks", "", required=True), None, "tasks")
    return tasks


def _check_references(reader: FieldReader, spec: ProgramSpec) -> None:
    """References inside the file: targets named by tasks. Bodies may also live in the database,
    so unknown body codes are checked by the loader."""
    target_codes = {target.code for target in spec.targets}
    for task in spec.tasks:
        for target_code in task.serves_targets:
            if target_code not in target_codes:
                reader.problems.append(
                    Problem(ErrorCode.UNKNOWN_REFERENCE, f"chỉ tiêu {target_code!r} không có trong targets", task.where, "serves_targets")
                )


# --- writing --------------------------------------------------------------------------------


def _plain_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value.normalize())


def _without_empty(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value not in (None, "", [], {})}


def spec_to_file_data(spec: ProgramSpec) -> dict[str, Any]:
    """The YAML document for a ProgramSpec (the exporter builds a spec from the database)."""
    children: dict[str | None, list[TaskSpec]] = {}
    for task in spec.tasks:
        children.setdefault(task.parent_number, []).append(task)

    def task_data(task: TaskSpec, parent_section: str) -> dict[str, Any]:
        timeline = _without_empty(
            {"kind": task.timeline_kind, "from_year": task.timeline_from_year, "due": task.timeline_due, "text": task.timeline_text}
        )
        return _without_empty(
            {
                "number": task.number,
                "section": task.section if task.section != parent_section else None,
                "title": task.title,
                "content": task.content,
                "lead": task.lead,
                "implementers": task.implementers,
                "timeline": timeline,
                "serves_targets": task.serves_targets,
                "subtasks": [task_data(child, task.section) for child in children.get(task.number, [])],
            }
        )

    def target_data(target: TargetSpec) -> dict[str, Any]:
        baseline = None
        if target.baseline_value is not None:
            baseline = {"value": _plain_number(target.baseline_value), "year": target.baseline_year, "source": target.baseline_source}
        milestones = [
            _without_empty(
                {
                    "year": m.year,
                    "comparator": m.comparator,
                    "value": _plain_number(m.value),
                    "low": _plain_number(m.low),
                    "high": _plain_number(m.high),
                    "source": m.source,
                }
            )
            for m in target.milestones
        ]
        return _without_empty(
            {
                "code": target.code,
                "area": target.area,
                "name": target.name,
                "comparator": target.comparator,
                "value": _plain_number(target.value),
                "low": _plain_number(target.low),
                "high": _plain_number(target.high),
                "unit": target.unit,
                "year": target.year,
                "indicator": target.indicator,
                "accumulate_from": target.accumulate_from,
                "source_text": target.source_text,
                "baseline": baseline,
                "milestones": milestones,
                "note": target.note,
            }
        )

    program = _without_empty(
        {
            "code": spec.code,
            "doc_type": spec.doc_type,
            "number": spec.number,
            "draft": spec.draft or None,
            "title": spec.title,
            "issuing_body": spec.issuing_body,
            "superior_body": spec.superior_body,
            "issued_on": spec.issued_on,
            "place": spec.place,
            "scope_unit": {"code": spec.scope_unit_code, "on": spec.scope_unit_on},
            "period": _without_empty({"start": spec.start_year, "end": spec.end_year, "vision": spec.vision_year}),
            "signer": spec.signer,
            "recipients": spec.recipients,
            "implements": [_without_empty(vars(basis).copy()) for basis in spec.implements],
            "general_objective": spec.general_objective,
        }
    )
    return {
        "format": FORMAT_VERSION,
        "program": program,
        "bodies": [vars(body).copy() for body in spec.bodies],
        "areas": spec.areas,
        "targets": [target_data(target) for target in spec.targets],
        "tasks": [task_data(task, "tasks") for task in children.get(None, [])],
    }


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as people write the file by hand.
        super().increase_indent(flow, False)


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def dump_program_file(data: dict[str, Any]) -> str:
    header = "# Program file (docs/program-file.md). Written by `ansinh program export`.\n"
    return header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, indent=2)
