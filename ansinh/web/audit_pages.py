"""The audit log for system administrators: searchable by user, object kind and dates, exportable
as CSV; read-only (docs/security.md)."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ansinh.accounts import policies
from ansinh.core.audit_log import AuditFilters, audit_entries, audit_models

PAGE_LIMIT, EXPORT_LIMIT = 200, 10_000


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not policies.is_system_admin(request.user):
        return HttpResponse("Chỉ quản trị hệ thống xem được nhật ký thay đổi.", status=403)
    models = audit_models()
    try:
        filters = AuditFilters(
            username=request.GET.get("user", "").strip(),
            model=_choice(request.GET.get("model", ""), {table for table, _ in models}),
            since=_day(request.GET.get("since", ""), "since"),
            until=_day(request.GET.get("until", ""), "until"),
        )
    except ValueError as error:
        return render(request, "web/audit.html", {"models": models, "errors": [str(error)], "entries": []}, status=400)
    if request.GET.get("format") == "csv":
        return _csv(audit_entries(filters, EXPORT_LIMIT))
    return render(request, "web/audit.html", {"models": models, "filters": filters, "entries": audit_entries(filters, PAGE_LIMIT), "limit": PAGE_LIMIT})


def _choice(value: str, allowed: set[str]) -> str:
    if value and value not in allowed:
        raise ValueError(f"model: loại đối tượng '{value}' không có")
    return value


def _day(value: str, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{field}: ngày '{value}' phải có dạng YYYY-MM-DD") from None


def _csv(entries: list[dict]) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["when", "user", "channel", "action", "object", "field", "old", "new"])
    for entry in entries:
        when = timezone.localtime(entry["when"]).isoformat(timespec="seconds")
        for field, old, new in entry["changes"] or [("", "", "")]:
            writer.writerow([when, entry["user"], entry["channel"], entry["action"], entry["object"], field, old, new])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="nhat-ky-thay-doi.csv"'
    return response
