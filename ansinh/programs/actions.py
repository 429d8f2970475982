"""Writes of programs: load a program file (idempotent, atomic, attributed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ansinh.core.audit import attribute
from ansinh.core.errors import ErrorCode, Problem, UserError
from ansinh.indicators.models import Indicator
from ansinh.orgunits.models import OrgUnit
from ansinh.orgunits.selectors import valid_on
from ansinh.programs.models import (
    AssignmentRole,
    Body,
    Program,
    ProgramBasis,
    Target,
    TargetMilestone,
    TaskAssignment,
    TaskGroup,
)
from ansinh.programs.programfile import ProgramSpec, spec_to_file_data
from ansinh.programs.selectors import program_spec


@dataclass(frozen=True)
class LoadResult:
    program: Program
    status: str  # "created" | "updated" | "unchanged"
    targets: int
    tasks: int

    def as_dict(self) -> dict[str, Any]:
        return {"program": self.program.code, "status": self.status, "targets": self.targets, "tasks": self.tasks}


@dataclass(frozen=True)
class _Resolved:
    scope_unit: OrgUnit
    indicators: dict[str, Indicator]


def check_program_references(spec: ProgramSpec) -> _Resolved:
    """Resolve what the file points to in the database; every miss is a located problem."""
    problems: list[Problem] = []
    units = list(OrgUnit.objects.filter(valid_on(spec.scope_unit_on), code=spec.scope_unit_code))
    if not units:
        problems.append(
            Problem(
                ErrorCode.UNKNOWN_UNIT,
                f"không có đơn vị hành chính mã {spec.scope_unit_code} vào ngày {spec.scope_unit_on:%d/%m/%Y} "
                "(nạp danh mục bằng `ansinh units import`)",
                spec.where.get("scope_unit", spec.filename),
                "program.scope_unit.code",
            )
        )
    wanted = {t.indicator for t in spec.targets if t.indicator}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=wanted)}
    for target in spec.targets:
        if target.indicator and target.indicator not in indicators:
            problems.append(
                Problem(
                    ErrorCode.UNKNOWN_REFERENCE,
                    f"chỉ số {target.indicator!r} chưa có trong thư viện chỉ số (nạp bằng `ansinh indicators load`)",
                    target.where,
                    f"targets[{target.code}].indicator",
                )
            )
    file_bodies = {body.code for body in spec.bodies}
    referenced = {spec.issuing_body} | {c for task in spec.tasks for c in [task.lead, *task.implementers] if c}
    known = file_bodies | set(Body.objects.filter(code__in=referenced - file_bodies).values_list("code", flat=True))
    if spec.issuing_body not in known:
        problems.append(
            Problem(ErrorCode.UNKNOWN_REFERENCE, f"cơ quan {spec.issuing_body!r} chưa khai báo trong bodies", spec.where.get("issuing_body", ""), "program.issuing_body")
        )
    for task in spec.tasks:
        for body_code in [task.lead, *task.implementers]:
            if body_code and body_code not in known:
                problems.append(
                    Problem(ErrorCode.UNKNOWN_REFERENCE, f"cơ quan {body_code!r} chưa khai báo trong bodies", task.where, f"tasks[{task.number}]")
                )
    if problems:
        raise UserError(problems)
    return _Resolved(units[0], indicators)


@transaction.atomic
def do_load_program(spec: ProgramSpec, *, acting_user: Any, channel: str) -> LoadResult:
    """Create or update the program described by `spec`. Nothing is written when anything is
    wrong, and nothing is written when the stored program already equals the file."""
    resolved = check_program_references(spec)
    existing = Program.objects.filter(code=spec.code).first()
    if existing is not None and spec_to_file_data(program_spec(existing)) == spec_to_file_data(spec):
        return LoadResult(existing, "unchanged", len(spec.targets), len(spec.tasks))
    bodies = _upsert_bodies(spec, acting_user, channel)
    program = _upsert_program(existing, spec, resolved, bodies, acting_user, channel)
    targets = _sync_targets(program, spec, resolved, acting_user, channel)
    _sync_tasks(program, spec, bodies, targets, acting_user, channel)
    return LoadResult(program, "created" if existing is None else "updated", len(spec.targets), len(spec.tasks))


def _upsert_bodies(spec: ProgramSpec, acting_user: Any, channel: str) -> dict[str, Body]:
    referenced = {spec.issuing_body} | {c for task in spec.tasks for c in [task.lead, *task.implementers] if c}
    bodies = {body.code: body for body in Body.objects.filter(code__in=referenced | {b.code for b in spec.bodies})}
    for body_spec in spec.bodies:
        body = bodies.get(body_spec.code) or Body(code=body_spec.code)
        if body.pk is None or (body.name, body.kind) != (body_spec.name, body_spec.kind):
            body.name, body.kind = body_spec.name, body_spec.kind
            attribute(body, acting_user, channel).save()
        bodies[body.code] = body
    return bodies


def _upsert_program(existing, spec: ProgramSpec, resolved: _Resolved, bodies, acting_user, channel) -> Program:
    program = existing or Program(code=spec.code)
    program.doc_type = spec.doc_type
    program.number = spec.number
    program.title = spec.title
    program.issuing_body = bodies[spec.issuing_body]
    program.superior_body_name = spec.superior_body
    program.issued_on = spec.issued_on
    program.place = spec.place
    program.is_draft = spec.draft
    program.scope_unit = resolved.scope_unit
    program.scope_unit_on = spec.scope_unit_on
    program.start_year, program.end_year, program.vision_year = spec.start_year, spec.end_year, spec.vision_year
    program.signer = spec.signer
    program.recipients = spec.recipients
    program.general_objective = spec.general_objective
    program.areas = spec.areas
    program.body_codes = [body.code for body in spec.bodies]
    program.source_file = spec.filename
    attribute(program, acting_user, channel).save()
    program.bases.all().delete()
    ProgramBasis.objects.bulk_create(
        ProgramBasis(program=program, position=i, **vars(basis)) for i, basis in enumerate(spec.implements, start=1)
    )
    return program


def _sync_targets(program: Program, spec: ProgramSpec, resolved: _Resolved, acting_user, channel) -> dict[str, Target]:
    current = {target.code: target for target in program.targets.all()}
    kept: dict[str, Target] = {}
    for position, t in enumerate(spec.targets, start=1):
        target = current.pop(t.code, None) or Target(program=program, code=t.code)
        target.position = position
        target.area, target.name, target.comparator = t.area, t.name, t.comparator
        target.value, target.low, target.high = t.value, t.low, t.high
        target.unit_label, target.year = t.unit, t.year
        target.indicator = resolved.indicators.get(t.indicator) if t.indicator else None
        target.accumulate_from = t.accumulate_from
        target.source_text, target.note = t.source_text, t.note
        target.baseline_value, target.baseline_year, target.baseline_source = t.baseline_value, t.baseline_year, t.baseline_source
        attribute(target, acting_user, channel).save()
        kept[t.code] = target
    for removed in current.values():
        attribute(removed, acting_user, channel).delete()
    TargetMilestone.objects.filter(target__program=program).delete()
    TargetMilestone.objects.bulk_create(
        TargetMilestone(target=kept[t.code], year=m.year, comparator=m.comparator, value=m.value, low=m.low, high=m.high, source=m.source)
        for t in spec.targets
        for m in t.milestones
    )
    return kept


def _sync_tasks(program: Program, spec: ProgramSpec, bodies, targets: dict[str, Target], acting_user, channel) -> None:
    current = {task.number: task for task in program.task_groups.all()}
    kept: dict[str, TaskGroup] = {}
    for position, t in enumerate(spec.tasks, start=1):
        task = current.pop(t.number, None) or TaskGroup(program=program, number=t.number)
        task.parent = kept.get(t.parent_number) if t.parent_number else None
        task.position, task.section, task.title, task.content = position, t.section, t.title, t.content
        task.timeline_kind, task.timeline_from_year = t.timeline_kind, t.timeline_from_year
        task.timeline_due, task.timeline_text = t.timeline_due, t.timeline_text
        attribute(task, acting_user, channel).save()
        kept[t.number] = task
    for removed in sorted(current.values(), key=lambda task: -task.position):
        attribute(removed, acting_user, channel).delete()
    TaskAssignment.objects.filter(task__program=program).delete()
    TaskAssignment.objects.bulk_create(
        TaskAssignment(task=kept[t.number], body=bodies[body_code], role=role, position=i)
        for t in spec.tasks
        for role, codes in ((AssignmentRole.LEAD, [t.lead] if t.lead else []), (AssignmentRole.IMPLEMENTER, t.implementers))
        for i, body_code in enumerate(codes, start=1)
    )
    links = TaskGroup.serves_targets.through
    links.objects.filter(taskgroup__program=program).delete()
    links.objects.bulk_create(
        links(taskgroup=kept[t.number], target=targets[code]) for t in spec.tasks for code in t.serves_targets
    )
