"""Oversight remarks (ý kiến giám sát) of HĐND and Mặt trận on a target or a task: posted from
the target and task pages, shown on them (docs/task-followup.md)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from ansinh.accounts import policies
from ansinh.core.errors import UserError
from ansinh.programs.actions import do_add_oversight_comment
from ansinh.programs.models import Target, TaskGroup
from ansinh.programs.selectors import oversight_comments


def oversight_context(request: HttpRequest, subject, comment_url: str) -> dict:
    """What the pages' oversight section shows."""
    return {"oversight": oversight_comments(subject), "may_comment": policies.can_comment_as_overseer(request.user), "comment_url": comment_url}


@login_required
@require_POST
def comment_on_target(request: HttpRequest, code: str, target: str) -> HttpResponse:
    subject = get_object_or_404(Target, program__code=code, code=target)
    return _comment(request, subject, reverse("web:target", args=[code, target]))


@login_required
@require_POST
def comment_on_task(request: HttpRequest, code: str, number: str) -> HttpResponse:
    subject = get_object_or_404(TaskGroup, program__code=code, number=number)
    return _comment(request, subject, reverse("web:task", args=[code, number]))


def _comment(request: HttpRequest, subject, page: str) -> HttpResponse:
    try:
        do_add_oversight_comment(subject, request.POST.get("text", ""), acting_user=request.user, channel="web")
    except UserError as error:
        status = 403 if any(p.field == "permission" for p in error.problems) else 400
        return HttpResponse("; ".join(p.message for p in error.problems), status=status, content_type="text/plain; charset=utf-8")
    messages.success(request, "Đã ghi ý kiến giám sát.")
    return redirect(f"{page}#oversight-title")
