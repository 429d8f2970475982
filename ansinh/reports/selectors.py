"""Reads for the review report: the database turned into `content.ReviewInput` and the annex's
breakdown, in a fixed number of queries whatever the number of units, targets or task reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count

from ansinh.analytics.selectors import breakdown_units, evaluate_breakdown, evaluate_program, load_lineage, resolve_unit
from ansinh.datavalues.models import Submission
from ansinh.datavalues.selectors import has_sample_data
from ansinh.orgunits.models import OrgUnit
from ansinh.programs.models import BodyKind, Program
from ansinh.programs.selectors import program_tasks, task_bodies
from ansinh.reports import layout
from ansinh.reports.content import ProgramFacts, ReportFacts, ReviewInput, Snapshot, TaskFacts
from ansinh.reports.windows import Window
from ansinh.tasks.models import ReportState, TaskReport
from ansinh.tasks.schedule import expected_reports, missing_reports
from ansinh.tasks.selectors import plans

_LEVEL_WORDS = ("Thành phố", "Thị xã", "Huyện", "Quận", "Phường", "Xã", "Thị trấn", "Tỉnh", "Đặc khu")


@dataclass(frozen=True)
class Signing:
    """What the person issuing the report fills in; all optional (a draft leaves them blank)."""

    number: int | None = None
    day: date | None = None
    signer_title: str = ""
    signer_name: str = ""


def review_input(program: Program, window: Window, unit_code: str, generated_at: datetime, signing: Signing) -> ReviewInput:
    unit = resolve_unit(unit_code, window.year)
    rows = evaluate_program(program, unit.code, window.year)["targets"]
    areas = dict(program.targets.values_list("code", "area"))
    targets = tuple({**row, "area": areas.get(row["target"], "")} for row in rows)
    is_scope = unit.pk == program.scope_unit_id
    scope_rows = {}
    if window.kind == "data-sheet" and not is_scope:
        scope_rows = {row["target"]: row for row in evaluate_program(program, program.scope_unit.code, window.year)["targets"]}
    elif window.kind == "data-sheet":
        scope_rows = {row["target"]: row for row in targets}
    head, reporter = _letterhead(program, unit, is_scope, generated_at.year, signing)
    snapshot = Snapshot(
        generated_at, window.data_years, window.task_periods, _approvals(unit, window.year),
        program.code, unit.code, window.kind, window.period,
    )
    return ReviewInput(
        kind=window.kind, period=window.period, year=window.year, period_label=window.label,
        unit_name=_lower_level(unit.name), scope_name=_lower_level(program.scope_unit.name), reporter=reporter,
        program=_program_facts(program), targets=targets, scope_targets=scope_rows,
        tasks=_task_facts(program, window, generated_at.date()), letterhead=head, snapshot=snapshot,
        signer_title=signing.signer_title, signer_name=signing.signer_name, sample=has_sample_data(),
    )


def breakdown(program: Program, window: Window, unit_code: str) -> dict:
    return evaluate_breakdown(program, unit_code, window.year, list(window.data_years))


def _program_facts(program: Program) -> ProgramFacts:
    first_basis = program.bases.order_by("position").first()
    implements = f"{first_basis.doc_type} số {first_basis.number}" if first_basis else ""
    return ProgramFacts(
        code=program.code, doc_type=program.doc_type, number=program.number, title=program.title,
        issuer_name=program.issuing_body.name, implements=implements,
        start_year=program.start_year, end_year=program.end_year, areas=tuple((a["code"], a["name"]) for a in program.areas),
    )


def _letterhead(program: Program, unit: OrgUnit, is_scope: bool, issue_year: int, signing: Signing) -> tuple[layout.Letterhead, str]:
    """The program's own issuer for its unit; for another unit, that unit's Party committee or
    people's committee (the kind of body follows the program's issuer)."""
    party = program.issuing_body.kind == BodyKind.PARTY
    kind = layout.PARTY if party else layout.STATE
    if is_scope:
        reporter = program.issuing_body.name
        superior = program.superior_body_name
        place = program.place or _place_name(unit.name)
        recipients = _scope_recipients(program)
    else:
        reporter = f"Đảng ủy {_lower_level(unit.name)}" if party else f"Ủy ban nhân dân {_lower_level(unit.name)}"
        parent = unit.parent
        superior = f"ĐẢNG BỘ {layout.upper_vi(_full_name(parent))}" if party and parent else ("" if not party else program.superior_body_name)
        place = _place_name(unit.name)
        recipients = (f"Ban Thường vụ {program.issuing_body.name} (báo cáo)", "Lưu VT")
    issuer = layout.upper_vi(reporter)
    if party:
        suffix = layout.party_suffix(issuer, program.number if is_scope else "")
    else:
        issuer = issuer.replace("ỦY BAN NHÂN DÂN ", "ỦY BAN NHÂN DÂN\n", 1)
        suffix = "UBND"
    head = layout.Letterhead(
        layout=kind, superior=superior, issuer=issuer,
        number_line=layout.number_line(kind, signing.number, suffix),
        place_date=layout.place_date(place, signing.day, signing.day.year if signing.day else issue_year),
        signer_authority=layout.signer_authority(kind, issuer), recipients=recipients,
    )
    return head, reporter


def _scope_recipients(program: Program) -> tuple[str, ...]:
    """The program's own distribution, the first (the superior) marked "(báo cáo)"."""
    recipients = list(program.recipients) or ["Lưu VT"]
    if len(recipients) > 1 and "(báo cáo)" not in recipients[0]:
        recipients[0] = f"{recipients[0]} (báo cáo)"
    return tuple(recipients)


def _full_name(unit: OrgUnit) -> str:
    """ "Tỉnh Quảng Ngãi" for a unit stored as "Quảng Ngãi": the level word comes from its kind."""
    if any(unit.name.startswith(word + " ") for word in _LEVEL_WORDS):
        return unit.name
    return f"{unit.get_kind_display()} {unit.name}"


def _place_name(name: str) -> str:
    for word in _LEVEL_WORDS:
        if name.startswith(word + " "):
            return name[len(word) + 1:]
    return name


def _lower_level(name: str) -> str:
    """ "Thị xã Đức Phổ" -> "thị xã Đức Phổ" (a unit named inside a sentence)."""
    for word in _LEVEL_WORDS:
        if name.startswith(word + " "):
            return word.lower() + name[len(word):]
    return name


def _approvals(unit: OrgUnit, year: int) -> dict[str, int]:
    """How the year's data reports of the unit and the units under it stand (approved, submitted …)."""
    lineage = load_lineage()
    ids = set(breakdown_units(unit, [year], lineage)) | set(lineage.territory(unit.pk, date(year, 12, 31)).members) | {unit.pk}
    rows = Submission.objects.filter(unit_id__in=ids, period__startswith=str(year)).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def _task_facts(program: Program, window: Window, today: date) -> tuple[TaskFacts, ...]:
    tasks = program_tasks(program)
    filed = TaskReport.objects.filter(task__program=program, period__in=window.task_periods, state=ReportState.SUBMITTED).select_related("body").order_by("period")
    latest: dict[tuple[int, int], TaskReport] = {}
    for report in filed:  # ordered by period: the latest of each body wins
        latest[(report.task_id, report.body_id)] = report
    expected = expected_reports(plans(tasks), list(window.task_periods))
    missing = missing_reports(expected, {(r.task_id, r.body_id, r.period) for r in filed}, today)
    names = {a.body_id: a.body.name for task in tasks for a in task.assignments.all()}
    reports_of: dict[int, list[TaskReport]] = defaultdict(list)
    for (task_id, _body), report in latest.items():
        reports_of[task_id].append(report)
    missing_of: dict[int, list] = defaultdict(list)
    for item in missing:
        missing_of[item.task_id].append(item)
    facts = []
    for task in tasks:
        lead, implementers = task_bodies(task)
        reports = sorted(reports_of[task.pk], key=lambda r: r.body.name)
        facts.append(TaskFacts(
            number=task.number, title=task.title, section=task.section,
            lead=lead.name if lead else None, implementers=tuple(b.name for b in implementers),
            timeline_text=task.timeline_text,
            reports=tuple(ReportFacts(r.body.name, r.period, r.get_status_display(), r.progress_percent, r.text) for r in reports),
            missing=tuple((names.get(m.body_id, str(m.body_id)), m.period) for m in missing_of[task.pk]),
        ))
    return tuple(facts)


def report_units(program: Program, until_year: int) -> list[tuple[str, str]]:
    """The units a report can be built for: the program's unit, then every unit under it (or that
    took over its territory) in the program's years, as (code, name) once per code and name."""
    lineage = load_lineage()
    shown = breakdown_units(program.scope_unit, list(range(program.start_year - 1, until_year + 1)), lineage)
    units = OrgUnit.objects.filter(id__in=list(shown)).order_by("valid_from", "code")
    choices = [(program.scope_unit.code, program.scope_unit.name)]
    for unit in units:
        if (unit.code, unit.name) not in choices:
            choices.append((unit.code, unit.name))
    return choices


def units_in_year(program: Program, year: int) -> list[tuple[str, str]]:
    """The program's unit and the units under it (or its successors) at the end of `year`: one
    option per code, so a code shared across the 2025 reform means the unit of that year."""
    lineage = load_lineage()
    shown = breakdown_units(program.scope_unit, [year], lineage)
    units = OrgUnit.objects.filter(id__in=list(shown)).order_by("code")
    return [(program.scope_unit.code, program.scope_unit.name)] + [(u.code, u.name) for u in units]
