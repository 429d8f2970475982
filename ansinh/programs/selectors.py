"""Reads of programs: lists, the JSON shape of `ansinh program show`, and the file form."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from ansinh.core.errors import ErrorCode, UserError
from ansinh.programs.models import AssignmentRole, Body, Program, Target, TaskAssignment, TaskGroup
from ansinh.programs.programfile import BasisSpec, BodySpec, MilestoneSpec, ProgramSpec, TargetSpec, TaskSpec


def list_programs() -> QuerySet[Program]:
    return (
        Program.objects.select_related("issuing_body", "scope_unit")
        .annotate(target_count=Count("targets", distinct=True), task_count=Count("task_groups", distinct=True))
        .order_by("code")
    )


def get_program(code: str) -> Program:
    try:
        return list_programs().get(code=code)
    except Program.DoesNotExist:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có chương trình mã {code!r}", field="program") from None


def get_target(program: Program, code: str) -> Target:
    try:
        return program.targets.get(code=code)
    except Target.DoesNotExist:
        raise UserError.single(ErrorCode.NOT_FOUND, f"chương trình {program.code} không có chỉ tiêu {code!r}", field="target") from None


def program_targets(program: Program) -> list[Target]:
    return list(
        program.targets.select_related("indicator").prefetch_related("milestones").order_by("position")
    )


def program_tasks(program: Program) -> list[TaskGroup]:
    assignments = TaskAssignment.objects.select_related("body").order_by("role", "position")
    return list(
        program.task_groups.select_related("parent")
        .prefetch_related(Prefetch("assignments", queryset=assignments), "serves_targets")
        .order_by("position")
    )


def task_bodies(task: TaskGroup) -> tuple[Any, list[Any]]:
    """(lead body or None, implementing bodies) from prefetched assignments."""
    lead = next((a.body for a in task.assignments.all() if a.role == AssignmentRole.LEAD), None)
    implementers = [a.body for a in task.assignments.all() if a.role == AssignmentRole.IMPLEMENTER]
    return lead, implementers


def program_summary(program: Program) -> dict[str, Any]:
    """The JSON contract of `ansinh program show CODE --json` (docs/cli.md)."""
    targets = [
        {
            "code": t.code,
            "name": t.name,
            "area": t.area,
            "comparator": t.comparator,
            "value": _number(t.value),
            "low": _number(t.low),
            "high": _number(t.high),
            "unit": t.unit_label,
            "year": t.year,
            "indicator": t.indicator.code if t.indicator else None,
            "source_text": t.source_text,
        }
        for t in program_targets(program)
    ]
    tasks = []
    for task in program_tasks(program):
        lead, implementers = task_bodies(task)
        tasks.append(
            {
                "number": task.number,
                "section": task.section,
                "parent": task.parent.number if task.parent else None,
                "title": task.title,
                "lead": lead.name if lead else None,
                "implementers": [body.name for body in implementers],
                "timeline": {
                    "kind": task.timeline_kind,
                    "from_year": task.timeline_from_year,
                    "due": task.timeline_due.isoformat() if task.timeline_due else None,
                    "text": task.timeline_text,
                },
            }
        )
    return {
        "code": program.code,
        "title": program.title,
        "doc_type": program.doc_type,
        "number": program.number,
        "issuing_body": program.issuing_body.name,
        "issued_on": program.issued_on,
        "draft": program.is_draft,
        "scope_unit": {"code": program.scope_unit.code, "name": program.scope_unit.name},
        "period": {"start": program.start_year, "end": program.end_year, "vision": program.vision_year},
        "implements": [f"{b.doc_type} {b.number}" for b in program.bases.all()],
        "targets": targets,
        "tasks": tasks,
    }


def program_spec(program: Program) -> ProgramSpec:
    """A stored program as a ProgramSpec: what `ansinh program export` writes."""
    targets = program_targets(program)
    tasks = program_tasks(program)
    declared = {body.code: body for body in Body.objects.filter(code__in=program.body_codes)}
    bodies = {code: _body_spec(declared[code]) for code in program.body_codes if code in declared}
    task_specs = []
    for task in tasks:
        lead, implementers = task_bodies(task)
        for body in ([lead] if lead else []) + implementers:
            bodies.setdefault(body.code, _body_spec(body))
        task_specs.append(
            TaskSpec(
                number=task.number,
                section=task.section,
                title=task.title,
                content=list(task.content),
                lead=lead.code if lead else None,
                implementers=[body.code for body in implementers],
                timeline_kind=task.timeline_kind,
                timeline_from_year=task.timeline_from_year,
                timeline_due=task.timeline_due,
                timeline_text=task.timeline_text,
                serves_targets=[t.code for t in sorted(task.serves_targets.all(), key=lambda t: t.position)],
                parent_number=task.parent.number if task.parent else None,
            )
        )
    return ProgramSpec(
        code=program.code,
        doc_type=program.doc_type,
        number=program.number,
        draft=program.is_draft,
        title=program.title,
        issuing_body=program.issuing_body.code,
        superior_body=program.superior_body_name,
        issued_on=program.issued_on,
        place=program.place,
        scope_unit_code=program.scope_unit.code,
        scope_unit_on=program.scope_unit_on,
        start_year=program.start_year,
        end_year=program.end_year,
        vision_year=program.vision_year,
        signer=program.signer,
        recipients=list(program.recipients),
        implements=[
            BasisSpec(b.doc_type, b.number, b.issued_on, b.issuer, b.title) for b in program.bases.all()
        ],
        general_objective=program.general_objective,
        bodies=list(bodies.values()),
        areas=list(program.areas),
        targets=[_target_spec(t) for t in targets],
        tasks=task_specs,
    )


def _body_spec(body) -> BodySpec:
    return BodySpec(body.code, body.name, body.kind)


def _target_spec(target: Target) -> TargetSpec:
    return TargetSpec(
        code=target.code,
        area=target.area,
        name=target.name,
        comparator=target.comparator,
        value=target.value,
        low=target.low,
        high=target.high,
        unit=target.unit_label,
        year=target.year,
        indicator=target.indicator.code if target.indicator else None,
        source_text=target.source_text,
        accumulate_from=target.accumulate_from,
        baseline_value=target.baseline_value,
        baseline_year=target.baseline_year,
        baseline_source=target.baseline_source,
        milestones=[
            MilestoneSpec(m.year, m.comparator, m.value, m.low, m.high, m.source) for m in target.milestones.all()
        ],
        note=target.note,
    )


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value.normalize())


# "xã" as a commune: not "thị xã" (a town), not "xã hội" (society).
_COMMUNE_WORD = re.compile(r"(?<!thị )\bxã\b(?!\s+hội)", re.IGNORECASE)


def commune_tasks(program: Program) -> list[TaskGroup]:
    """Tasks carried out by the communes as a group: a group body named after them ("Các đảng ủy
    xã, phường", "UBND các xã, thị trấn") leads or implements them (a commune page's tasks)."""
    return [
        task for task in program_tasks(program)
        if any(a.body.kind == "group" and _COMMUNE_WORD.search(a.body.name) for a in task.assignments.all())
    ]


def oversight_comments(subject) -> list:
    """The oversight remarks on a target or a task, newest first, with their authors."""
    from ansinh.programs.models import OversightComment

    field = "target" if isinstance(subject, Target) else "task"
    return list(OversightComment.objects.filter(**{field: subject}).select_related("author"))
