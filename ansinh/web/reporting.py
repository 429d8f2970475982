"""Pages for following reports: who has reported what (completeness, timeliness), and the
approver's decisions (approve, return, excuse, re-open)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ansinh.accounts import policies
from ansinh.core.errors import UserError
from ansinh.core.periods import parse_period
from ansinh.datavalues import selectors
from ansinh.datavalues.actions import do_report_decision
from ansinh.indicators.models import DataSet
from ansinh.orgunits.selectors import get_unit
from ansinh.web.data_entry import period_label


@login_required
def reporting_index(request: HttpRequest) -> HttpResponse:
    today = date.today()
    rows = [(data_set, selectors.current_periods(data_set.period_type, today)) for data_set in DataSet.objects.all()]
    scopes = selectors.approval_scopes(request.user)
    return render(request, "web/reporting_index.html", {"rows": rows, "scopes": scopes})


def _report_objects(data_set_code: str, unit_code: str, period: str):
    """The data set and the unit (as it stood at the period's end) a URL names, or 404."""
    try:
        return DataSet.objects.get(code=data_set_code), get_unit(unit_code, parse_period(period).end)
    except (DataSet.DoesNotExist, UserError, ValueError):
        raise Http404("report") from None


@login_required
def reporting_status(request: HttpRequest, data_set_code: str, period: str, unit_code: str) -> HttpResponse:
    data_set, parent = _report_objects(data_set_code, unit_code, period)
    status = selectors.reporting_status(data_set, parent, period)
    context = {**status, "period_label": period_label(period), "may_approve": policies.can_approve(request.user, parent)}
    return render(request, "web/reporting_status.html", context)


@login_required
@require_POST
def decide(request: HttpRequest, data_set_code: str, period: str, unit_code: str) -> HttpResponse:
    """One approver decision on one unit's report; the outcome is shown on the status page."""
    data_set, unit = _report_objects(data_set_code, unit_code, period)
    if not policies.can_approve(request.user, unit):
        return HttpResponse(f"Bạn không có quyền duyệt báo cáo của {unit.name}.", status=403)
    action, reason, back = request.POST.get("action"), request.POST.get("reason", ""), request.POST.get("back", "")
    if action not in ("approve", "excuse", "return", "reopen"):
        return HttpResponse("Thao tác không hợp lệ.", status=400)
    try:
        do_report_decision(data_set, unit, period, action, reason=reason, acting_user=request.user, channel="web")
        messages.success(request, f"{unit.name}: đã cập nhật trạng thái báo cáo.")
    except UserError as error:
        for problem in error.problems:
            messages.error(request, f"{unit.name}: {problem.message}")
        if any(p.field == "permission" for p in error.problems):
            return HttpResponse("; ".join(p.message for p in error.problems), status=403)
    return redirect(back if back.startswith("/") else reverse("web:reporting-index"))
