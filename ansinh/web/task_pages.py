"""Pages of task follow-up: the board of a program, a task with its reports, a body's own
tasks and reminders, evidence downloads."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ansinh.accounts import policies
from ansinh.core.errors import ErrorCode, UserError
from ansinh.programs.models import Body, Program, TaskGroup
from ansinh.tasks import selectors
from ansinh.tasks.actions import do_add_evidence, do_file_task_report, do_return_task_report
from ansinh.tasks.models import Evidence, ProgressStatus, TaskReport
from ansinh.tasks.schedule import report_periods
from ansinh.web.oversight_pages import oversight_context


@login_required
def task_board(request: HttpRequest, code: str) -> HttpResponse:
    program = get_object_or_404(Program, code=code)
    today = date.today()
    periods = report_periods(program.start_year, today)
    period = request.GET.get("period") or selectors.current_period(today)
    if period not in periods:
        period = periods[-1]
    return render(request, "web/task_board.html", {"program": program, "periods": periods, **selectors.board(program, period, today)})


@login_required
@require_http_methods(["GET", "POST"])
def task_page(request: HttpRequest, code: str, number: str) -> HttpResponse:
    found = get_object_or_404(TaskGroup.objects.select_related("program"), program__code=code, number=number)
    task = next(t for t in selectors.task_groups(found.program) if t.pk == found.pk)  # with its assignments
    my_bodies = [b for b in selectors.reporters(task) if policies.can_report_for(request.user, b)]
    errors: list[str] = []
    if request.method == "POST":
        errors = _file_report(request, task, my_bodies)
        if not errors:
            messages.success(request, "Đã gửi báo cáo nhiệm vụ.")
            return redirect(reverse("web:task", args=[code, number]))
    lead = next((a.body for a in task.assignments.all() if a.role == "lead"), None)
    context = {
        "task": task, "program": task.program, "reports": selectors.task_history(task), "my_bodies": my_bodies,
        "statuses": ProgressStatus.choices, "periods": report_periods(task.program.start_year, date.today()),
        "may_review": policies.can_review_task(request.user, lead), "errors": errors, "lead": lead,
        "outputs": task.outputs.select_related("body"), "targets": task.serves_targets.all(),
        **oversight_context(request, task, reverse("web:task-comment", args=[code, number])),
    }
    return render(request, "web/task.html", context, status=400 if errors else 200)


def _file_report(request, task: TaskGroup, my_bodies: list[Body]) -> list[str]:
    body = next((b for b in my_bodies if str(b.pk) == request.POST.get("body")), None)
    if body is None:
        return ["Bạn không có quyền báo cáo nhiệm vụ này cho cơ quan đã chọn."]
    percent = request.POST.get("progress_percent", "").strip()
    try:
        report = do_file_task_report(
            task, body, request.POST.get("period", ""), status=request.POST.get("status", ""), text=request.POST.get("text", ""),
            progress_percent=int(percent) if percent.isdecimal() else None, acting_user=request.user, channel="web",
            target_codes=request.POST.getlist("targets"),
            completed_outputs=[int(v) for v in request.POST.getlist("completed_outputs") if v.isdecimal()],
        )
        for upload in request.FILES.getlist("evidence"):
            if upload.size > settings.ANSINH_EVIDENCE_MAX_BYTES:  # refused before it is read into memory
                limit = settings.ANSINH_EVIDENCE_MAX_BYTES // 1048576
                raise UserError.single(ErrorCode.FIELD_INVALID, f"tệp {upload.name} vượt giới hạn {limit} MB", field="file")
            do_add_evidence(report, name=upload.name, content=upload.read(), acting_user=request.user)
    except UserError as error:
        return [problem.message for problem in error.problems]
    return []


@login_required
@require_POST
def return_report(request: HttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(TaskReport.objects.select_related("task__program"), pk=report_id)
    try:
        do_return_task_report(report, reason=request.POST.get("reason", ""), acting_user=request.user, channel="web")
        messages.success(request, "Đã trả lại báo cáo để bổ sung.")
    except UserError as error:
        if any(p.field == "permission" for p in error.problems):
            return HttpResponse(error.problems[0].message, status=403)
        messages.error(request, str(error.problems[0].message))
    return redirect(reverse("web:task", args=[report.task.program.code, report.task.number]))


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    """The user's bodies: missing reports and overdue outputs, across programs (the in-app
    reminder list)."""
    bodies = policies.bodies_of(request.user)
    today = date.today()
    rows = []
    for program in Program.objects.all():
        items = selectors.pending(program, today, bodies)
        rows.append({"program": program, **items})
    return render(request, "web/my_tasks.html", {"rows": rows, "bodies": Body.objects.filter(pk__in=bodies)})


@login_required
def evidence_file(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = get_object_or_404(Evidence, pk=evidence_id)
    path = settings.ANSINH_UPLOAD_DIR / "evidence" / evidence.stored_name
    if not path.is_file():
        raise Http404("evidence")
    return FileResponse(path.open("rb"), as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type)
