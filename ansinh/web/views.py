"""Pages of the web shell. Each view: parse input, call selectors, render. Login required."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ansinh.accounts import policies
from ansinh.analytics.progress import STATUS_LABELS_VI
from ansinh.analytics.selectors import evaluate_program
from ansinh.core.errors import UserError
from ansinh.orgunits import selectors as units
from ansinh.programs import selectors as programs
from ansinh.tasks.selectors import latest_reports


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {"programs": programs.list_programs(), "can_import": policies.can_edit_programs(request.user)}
    return render(request, "web/home.html", context)


@login_required
def program_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        program = programs.get_program(code)
    except UserError:
        raise Http404(code) from None
    targets = programs.program_targets(program)
    areas = [
        {"name": area["name"], "targets": [t for t in targets if t.area == area["code"]]} for area in program.areas
    ]
    year = date.today().year
    rows = evaluate_program(program, program.scope_unit.code, year)["targets"]
    statuses = {row["target"]: row for row in rows}
    counts = Counter(row["status"] for row in rows)
    status_counts = [(label, counts[status]) for status, label in STATUS_LABELS_VI.items() if counts[status]]
    latest = latest_reports(program)
    tasks = [
        (task, *programs.task_bodies(task), [statuses[t.code] for t in task.serves_targets.all()], latest.get(task.pk, []))
        for task in programs.program_tasks(program)
    ]
    return render(
        request,
        "web/program.html",
        {
            "program": program, "areas": areas, "target_count": len(targets), "tasks": tasks, "bases": program.bases.all(),
            "year": year, "status_counts": status_counts,
        },
    )


@login_required
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    on = _date_param(request.GET.get("on"))
    try:
        versions = units.unit_lineage(code)
    except UserError:
        raise Http404(code) from None
    try:
        current = units.get_unit(code, on)
    except UserError:
        current = None  # the code exists, but no unit carried it on that date
    tree = units.unit_tree(current, on) if current else None
    return render(request, "web/unit.html", {"code": code, "on": on, "versions": versions, "current": current, "tree": tree})


def _date_param(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        return date.today()
