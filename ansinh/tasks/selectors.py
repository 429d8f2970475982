"""Reads for task follow-up: plans, the board, a body's tasks, pending items (fixed queries)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from ansinh.programs.models import AssignmentRole, Body, Program, TaskGroup
from ansinh.programs.selectors import program_tasks
from ansinh.tasks.models import PeriodClosure, TaskOutput, TaskReport
from ansinh.tasks.schedule import Expected, TaskPlan, expected_reports, missing_reports, report_periods


def task_groups(program: Program) -> list[TaskGroup]:
    return program_tasks(program)


def reporters(task: TaskGroup) -> list[Body]:
    """The bodies that report on `task`: its implementers, or its lead when it names none.
    A parent task whose subtasks carry the work (group 9) is reported through them."""
    implementers = [a.body for a in task.assignments.all() if a.role == AssignmentRole.IMPLEMENTER]
    lead = [a.body for a in task.assignments.all() if a.role == AssignmentRole.LEAD]
    return implementers or lead


def plans(tasks: list[TaskGroup]) -> list[TaskPlan]:
    parents = {t.parent_id for t in tasks if t.parent_id}
    return [
        TaskPlan(t.pk, t.number, t.timeline_kind, t.timeline_from_year, t.timeline_due, tuple(b.pk for b in reporters(t)))
        for t in tasks
        if t.pk not in parents
    ]


def filed_reports(program: Program) -> dict[tuple[int, int, str], TaskReport]:
    rows = TaskReport.objects.filter(task__program=program).select_related("submitted_by")
    return {(r.task_id, r.body_id, r.period): r for r in rows}


def pending(program: Program, today: date, body_ids: set[int] | None = None) -> dict[str, list]:
    """Missing period reports and overdue outputs, optionally for some bodies only."""
    tasks = task_groups(program)
    periods = report_periods(program.start_year, today)
    expected = expected_reports(plans(tasks), periods)
    filed = filed_reports(program)
    missing = [e for e in missing_reports(expected, {k for k, r in filed.items() if r.state == "submitted"}, today) if body_ids is None or e.body_id in body_ids]
    outputs = [
        o for o in TaskOutput.objects.filter(task__program=program, due__lt=today, completed_on__isnull=True).select_related("task", "body")
        if body_ids is None or o.body_id in body_ids
    ]
    return {"missing": missing, "overdue_outputs": outputs, "tasks": {t.pk: t for t in tasks}}


def board(program: Program, period: str, today: date) -> dict[str, Any]:
    """Rows: task groups; columns: bodies; cells: the status each body reported for `period`."""
    tasks = task_groups(program)
    parents = {t.parent_id for t in tasks if t.parent_id}
    bodies: dict[int, Body] = {}
    for task in tasks:
        for body in reporters(task):
            bodies.setdefault(body.pk, body)
    filed = filed_reports(program)
    expected = {(e.task_id, e.body_id) for e in expected_reports(plans(tasks), [period])}
    late_by = {
        (e.task_id, e.body_id)
        for e in missing_reports(expected_reports(plans(tasks), [period]), {k for k, r in filed.items() if r.state == "submitted"}, today)
    }
    rows = []
    for task in tasks:
        cells = []
        for body_id in bodies:
            report = filed.get((task.pk, body_id, period))
            cells.append({
                "expected": (task.pk, body_id) in expected and task.pk not in parents,
                "report": report,
                "overdue": (task.pk, body_id) in late_by,
            })
        rows.append({"task": task, "cells": cells})
    return {"period": period, "bodies": list(bodies.values()), "rows": rows}


def task_history(task: TaskGroup) -> list[TaskReport]:
    return list(task.reports.select_related("body", "submitted_by").prefetch_related("evidence", "targets").order_by("-period", "body__name"))


def is_closed(program: Program, period: str) -> bool:
    return PeriodClosure.objects.filter(program=program, period=period).exists()


def status_summary(program: Program, period: str, today: date) -> list[dict[str, Any]]:
    """The JSON of `ansinh tasks status`: per task its bodies, statuses, last report, overdue flags."""
    tasks = task_groups(program)
    filed = filed_reports(program)
    expected = expected_reports(plans(tasks), [period])
    overdue = {(e.task_id, e.body_id) for e in missing_reports(expected, {k for k, r in filed.items() if r.state == "submitted"}, today)}
    last_report: dict[tuple[int, int], TaskReport] = {}
    for (task_id, body_id, _), report in sorted(filed.items(), key=lambda item: item[0][2]):
        last_report[(task_id, body_id)] = report
    outputs = defaultdict(list)
    for output in TaskOutput.objects.filter(task__program=program).select_related("body"):
        outputs[output.task_id].append(output)
    result = []
    for task in tasks:
        bodies = []
        for body in reporters(task):
            report = filed.get((task.pk, body.pk, period))
            last = last_report.get((task.pk, body.pk))
            bodies.append({
                "body": body.name,
                "status": report.status if report else None,
                "status_vi": report.get_status_display() if report else "chưa báo cáo",
                "state": report.state if report else None,
                "last_report": last.submitted_at.date().isoformat() if last else None,
                "overdue": (task.pk, body.pk) in overdue,
            })
        result.append({
            "number": task.number,
            "title": task.title,
            "bodies": bodies,
            "overdue_outputs": [
                {"title": o.title, "body": o.body.name, "due": o.due.isoformat()} for o in outputs[task.pk] if o.due < today and o.completed_on is None
            ],
        })
    return result


def current_period(today: date) -> str:
    return f"{today.year}S1" if today.month <= 6 else f"{today.year}S2"


def expected_for(program: Program, today: date) -> list[Expected]:
    return expected_reports(plans(task_groups(program)), report_periods(program.start_year, today))


def latest_reports(program: Program) -> dict[int, list[TaskReport]]:
    """Per task, each body's most recent report (for the program page)."""
    latest: dict[tuple[int, int], TaskReport] = {}
    for report in TaskReport.objects.filter(task__program=program).select_related("body").order_by("period"):
        latest[(report.task_id, report.body_id)] = report
    by_task: dict[int, list[TaskReport]] = defaultdict(list)
    for (task_id, _), report in latest.items():
        by_task[task_id].append(report)
    return dict(by_task)
