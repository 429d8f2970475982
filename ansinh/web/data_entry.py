"""Pages for entering data: the user's forms, the entry form of one report, uploads."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ansinh.accounts import policies
from ansinh.core.errors import UserError
from ansinh.core.periods import parse_period
from ansinh.datavalues import selectors
from ansinh.datavalues.actions import ImportReport, do_import_file, do_import_values, do_submit_report
from ansinh.datavalues.models import Submission
from ansinh.datavalues.rows import MAX_ARCHIVE_BYTES, Location, RawValue
from ansinh.indicators.models import DataSet
from ansinh.orgunits.models import OrgUnit
from ansinh.orgunits.selectors import get_unit


@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    """The forms this user may fill, for the current and the previous period."""
    rows = selectors.forms_for_user(request.user, date.today())
    return render(request, "web/my_reports.html", {"rows": rows})


def _report_objects(data_set_code: str, unit_code: str, period: str) -> tuple[DataSet, OrgUnit]:
    try:
        data_set = DataSet.objects.get(code=data_set_code)
        unit = get_unit(unit_code, parse_period(period).end)
    except (DataSet.DoesNotExist, UserError, ValueError):
        raise Http404("report") from None
    if data_set.period_type != parse_period(period).period_type:
        raise Http404("period")
    return data_set, unit


@login_required
@require_http_methods(["GET", "POST"])
def entry_form(request: HttpRequest, data_set_code: str, unit_code: str, period: str) -> HttpResponse:
    data_set, unit = _report_objects(data_set_code, unit_code, period)
    may_enter = policies.can_enter(request.user, data_set, unit)
    if request.method == "POST":
        if not may_enter:
            return HttpResponse("Bạn không có quyền nhập biểu này.", status=403)
        return _save(request, data_set, unit, period)
    return _render_form(request, data_set, unit, period, may_enter)


def _render_form(request, data_set, unit, period, may_enter: bool, *, posted=None, errors=None, warnings=None, status=200):
    rows = selectors.form_rows(data_set, unit, period)
    histories = selectors.histories_for([row["value"] for row in rows if row["value"] is not None])
    errors_by_code = _by_element(errors or [], rows)
    for row in rows:
        code = row["element"].code
        row["posted"] = (posted or {}).get(code)
        row["errors"] = errors_by_code.get(code, [])
        row["history"] = histories.get(row["value"].pk, []) if row["value"] is not None else []
    submission = Submission.objects.filter(data_set=data_set, unit=unit, period=period).first()
    context = {
        "data_set": data_set, "unit": unit, "period": period, "period_label": period_label(period), "rows": rows,
        "may_enter": may_enter and (submission is None or submission.status in ("draft", "returned")),
        "submission": submission, "general_errors": errors_by_code.get("", []), "warnings": warnings or [],
        "previous_period": selectors.previous_period(period),
    }
    return render(request, "web/entry_form.html", context, status=status)


def _by_element(errors: list[str], rows) -> dict[str, list[str]]:
    """Attach each message to the row it names ("… dòng 7 …" -> the element of row 7)."""
    result: dict[str, list[str]] = {}
    for message in errors:
        code = next((row["element"].code for row in rows if f"[{row['element'].code}]" in message), "")
        result.setdefault(code, []).append(message.replace(f"[{code}] ", "") if code else message)
    return result


def _save(request, data_set, unit, period) -> HttpResponse:
    rows = selectors.form_rows(data_set, unit, period)
    raw, versions, posted = [], {}, {}
    for row in rows:
        code = row["element"].code
        text = request.POST.get(f"value-{code}", "").strip()
        posted[code] = text
        versions[(code, unit.code, period)] = int(request.POST.get(f"version-{code}", "0") or 0)
        if text:
            comment = request.POST.get(f"comment-{code}", "").strip()
            raw.append(RawValue(code, unit.code, period, text, Location(field=f"[{code}] {row['element'].name}"), comment=comment))
    report = do_import_values(raw, acting_user=request.user, channel="web form", versions=versions)
    if report.errors:
        return _render_form(request, data_set, unit, period, True, posted=posted, errors=report.errors, warnings=report.warnings, status=400)
    if request.POST.get("action") == "submit":
        try:
            do_submit_report(data_set, unit, period, acting_user=request.user, channel="web form")
        except UserError as error:
            return _render_form(request, data_set, unit, period, True, posted=posted, errors=[str(p) for p in error.problems], status=400)
        messages.success(request, f"Đã gửi báo cáo {data_set.name} kỳ {period_label(period)}.")
    else:
        messages.success(request, f"Đã lưu nháp: {report.created} giá trị mới, {report.updated} giá trị sửa.")
    return redirect(reverse("web:entry", args=[data_set.code, unit.code, period]))


def period_label(code: str) -> str:
    period = parse_period(code)
    if period.period_type == "six_monthly":
        return f"6 tháng {'đầu' if code.endswith('S1') else 'cuối'} năm {period.year}"
    if period.period_type == "quarterly":
        return f"quý {code[-1]} năm {period.year}"
    if period.period_type == "monthly":
        return f"tháng {period.start.month:02d}/{period.year}"
    return f"năm {period.year}"


@login_required
def template_download(request: HttpRequest, data_set_code: str, unit_code: str, period: str) -> HttpResponse:
    """The pre-filled Excel template: one sheet for a commune, or one per commune under a unit."""
    data_set, unit = _report_objects(data_set_code, unit_code, period)
    if not (policies.can_enter(request.user, data_set, unit) or policies.can_approve(request.user, unit)):
        return HttpResponse("Bạn không có quyền tải biểu này.", status=403)
    content = build_template(data_set, unit, period)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{template_filename(data_set, unit, period)}"'
    return response


def build_template(data_set: DataSet, unit: OrgUnit, period: str) -> bytes:
    from django.utils import timezone

    from ansinh.datavalues.excel import write_workbook

    sheets = selectors.template_sheets(data_set, unit, period, period_label(period))
    generated = timezone.localtime().strftime("%H:%M %d/%m/%Y")
    return write_workbook(sheets, title=f"{data_set.name} – {period_label(period)}", generated_at=generated)


def template_filename(data_set: DataSet, unit: OrgUnit, period: str) -> str:
    return f"{data_set.code}_{unit.code}_{period}.xlsx"


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Upload a filled template, a zip of templates, a CSV or a DHIS2 JSON file."""
    if request.method == "GET":
        return render(request, "web/upload.html", {})
    uploaded = request.FILES.get("file")
    if uploaded is None:
        return render(request, "web/upload.html", {"report": None, "missing": True}, status=400)
    if uploaded.size > MAX_ARCHIVE_BYTES:
        report = ImportReport(errors=[f"tệp {uploaded.name}: quá lớn ({uploaded.size // (1024 * 1024)} MB); tối đa {MAX_ARCHIVE_BYTES // (1024 * 1024)} MB"])
    else:
        report = do_import_file(uploaded.read(), uploaded.name, acting_user=request.user, dry_run=bool(request.POST.get("dry_run")))
    status = 400 if report.errors else 200
    return render(request, "web/upload.html", {"report": report, "filename": uploaded.name}, status=status)
