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
    OversightComment,
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
        _save_if_changed(body, {"name": body_spec.name, "kind": body_spec.kind}, acting_user, channel)
        bodies[body.code] = body
    return bodies


def _save_if_changed(instance: Any, values: dict[str, Any], acting_user: Any, channel: str) -> bool:
    """Set `values` and save only when something differs, so history shows real changes only."""
    if instance.pk is not None and all(getattr(instance, key) == value for key, value in values.items()):
        return False
    for key, value in values.items():
        setattr(instance, key, value)
    attribute(instance, acting_user, channel).save()
    return True


def _replace_rows(model, current: dict, wanted: dict, acting_user: Any, channel: str) -> None:
    """Make the child rows of a program equal `wanted` ({key: field values}), keyed by `key`:
    unchanged rows stay, changed ones are updated, others deleted or created (all in history)."""
    for key, row in current.items():
        if key not in wanted:
            attribute(row, acting_user, channel).delete()
    for key, values in wanted.items():
        _save_if_changed(current.get(key) or model(), values, acting_user, channel)


def _upsert_program(existing, spec: ProgramSpec, resolved: _Resolved, bodies, acting_user, channel) -> Program:
    program = existing or Program(code=spec.code)
    _save_if_changed(
        program,
        {
            "doc_type": spec.doc_type,
            "number": spec.number,
            "title": spec.title,
            "issuing_body": bodies[spec.issuing_body],
            "superior_body_name": spec.superior_body,
            "issued_on": spec.issued_on,
            "place": spec.place,
            "is_draft": spec.draft,
            "scope_unit": resolved.scope_unit,
            "scope_unit_on": spec.scope_unit_on,
            "start_year": spec.start_year,
            "end_year": spec.end_year,
            "vision_year": spec.vision_year,
            "signer": spec.signer,
            "recipients": spec.recipients,
            "general_objective": spec.general_objective,
            "areas": spec.areas,
            "body_codes": [body.code for body in spec.bodies],
            "source_file": spec.filename,
        },
        acting_user,
        channel,
    )
    _replace_rows(
        ProgramBasis,
        {basis.position: basis for basis in program.bases.all()},
        {i: {"program": program, "position": i, **vars(basis)} for i, basis in enumerate(spec.implements, start=1)},
        acting_user,
        channel,
    )
    return program


def _sync_targets(program: Program, spec: ProgramSpec, resolved: _Resolved, acting_user, channel) -> dict[str, Target]:
    current = {target.code: target for target in program.targets.all()}
    kept: dict[str, Target] = {}
    for position, t in enumerate(spec.targets, start=1):
        target = current.pop(t.code, None) or Target(program=program, code=t.code)
        _save_if_changed(
            target,
            {
                "position": position,
                "area": t.area,
                "name": t.name,
                "comparator": t.comparator,
                "value": t.value,
                "low": t.low,
                "high": t.high,
                "unit_label": t.unit,
                "year": t.year,
                "indicator": resolved.indicators.get(t.indicator) if t.indicator else None,
                "accumulate_from": t.accumulate_from,
                "source_text": t.source_text,
                "note": t.note,
                "baseline_value": t.baseline_value,
                "baseline_year": t.baseline_year,
                "baseline_source": t.baseline_source,
            },
            acting_user,
            channel,
        )
        kept[t.code] = target
    for removed in current.values():
        attribute(removed, acting_user, channel).delete()
    _replace_rows(
        TargetMilestone,
        {(m.target_id, m.year): m for m in TargetMilestone.objects.filter(target__program=program)},
        {
            (kept[t.code].pk, m.year): {"target": kept[t.code], "year": m.year, "comparator": m.comparator, "value": m.value, "low": m.low, "high": m.high, "source": m.source}
            for t in spec.targets
            for m in t.milestones
        },
        acting_user,
        channel,
    )
    return kept


def _sync_tasks(program: Program, spec: ProgramSpec, bodies, targets: dict[str, Target], acting_user, channel) -> None:
    current = {task.number: task for task in program.task_groups.all()}
    kept: dict[str, TaskGroup] = {}
    for position, t in enumerate(spec.tasks, start=1):
        task = current.pop(t.number, None) or TaskGroup(program=program, number=t.number)
        _save_if_changed(
            task,
            {
                "parent": kept.get(t.parent_number) if t.parent_number else None,
                "position": position,
                "section": t.section,
                "title": t.title,
                "content": t.content,
                "timeline_kind": t.timeline_kind,
                "timeline_from_year": t.timeline_from_year,
                "timeline_due": t.timeline_due,
                "timeline_text": t.timeline_text,
            },
            acting_user,
            channel,
        )
        kept[t.number] = task
    for removed in sorted(current.values(), key=lambda task: -task.position):
        attribute(removed, acting_user, channel).delete()
    _replace_rows(
        TaskAssignment,
        {(a.task_id, a.body_id, a.role): a for a in TaskAssignment.objects.filter(task__program=program)},
        {
            (kept[t.number].pk, bodies[code].pk, role): {"task": kept[t.number], "body": bodies[code], "role": role, "position": i}
            for t in spec.tasks
            for role, codes in ((AssignmentRole.LEAD, [t.lead] if t.lead else []), (AssignmentRole.IMPLEMENTER, t.implementers))
            for i, code in enumerate(codes, start=1)
        },
        acting_user,
        channel,
    )
    for t in spec.tasks:  # a handful of link sets; set() writes only the difference
        kept[t.number].serves_targets.set([targets[code] for code in t.serves_targets])


# --- oversight remarks of HĐND and Mặt trận (docs/task-followup.md) --------------------------

MAX_COMMENT_LENGTH = 4000


@transaction.atomic
def do_add_oversight_comment(subject: Target | TaskGroup, text: str, *, acting_user: Any, channel: str) -> OversightComment:
    """A supervisor's remark on a target or a task; it changes no data and is never edited."""
    from ansinh.accounts.policies import can_comment_as_overseer

    if not can_comment_as_overseer(acting_user):
        raise UserError.single(ErrorCode.FIELD_INVALID, "chỉ đại biểu giám sát (HĐND, Mặt trận Tổ quốc) ghi được ý kiến giám sát", field="permission")
    text = text.strip()
    if not text:
        raise UserError.single(ErrorCode.FIELD_MISSING, "ý kiến giám sát không được để trống", field="text")
    if len(text) > MAX_COMMENT_LENGTH:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"ý kiến dài quá {MAX_COMMENT_LENGTH} ký tự", field="text")
    is_target = isinstance(subject, Target)
    comment = OversightComment(
        program_id=subject.program_id, target=subject if is_target else None, task=None if is_target else subject,
        author=acting_user, text=text,
    )
    attribute(comment, acting_user, channel).save()
    return comment
