"""The review report from the web: a form on its own page, the files as downloads; the status
chart of the program page (the same chart code as the Word report)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ansinh.accounts import policies
from ansinh.analytics.selectors import evaluate_program
from ansinh.core.errors import UserError
from ansinh.programs import selectors as programs
from ansinh.reports import charts, content
from ansinh.reports import pdf as pdf_conversion
from ansinh.reports.builder import FILE_TYPES, build_review, report_file
from ansinh.reports.selectors import report_units

FORMATS = tuple(FILE_TYPES)


def _program_or_404(code: str):
    try:
        return programs.get_program(code)
    except UserError:
        raise Http404(code) from None


@login_required
def report_form(request: HttpRequest, code: str) -> HttpResponse:
    program = _program_or_404(code)
    if not policies.can_view(request.user):
        return HttpResponse("Bạn không có quyền xem chương trình này.", status=403)
    year = min(max(date.today().year - 1, program.start_year), program.end_year)
    chosen = {"type": request.GET.get("type", "annual"), "period": request.GET.get("period", str(year)),
              "unit": request.GET.get("unit", program.scope_unit.code), "format": request.GET.get("format", "docx")}
    context = {"program": program, "chosen": chosen, "kinds": content.KINDS, "formats": FORMATS,
               "units": report_units(program, date.today().year), "has_pdf": pdf_conversion.soffice() is not None}
    if "type" not in request.GET:
        return render(request, "web/report_form.html", context)
    if chosen["format"] not in FORMATS:
        return render(request, "web/report_form.html", {**context, "errors": [f"format: định dạng '{chosen['format']}' không có"]}, status=400)
    try:
        built = build_review(program.code, chosen["type"], chosen["period"], chosen["unit"], with_annex=chosen["format"] == "xlsx")
        body, content_type, filename = report_file(built, chosen["format"])
    except UserError as error:
        return render(request, "web/report_form.html", {**context, "errors": [str(p) for p in error.problems]}, status=400)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def status_chart(request: HttpRequest, code: str) -> HttpResponse:
    """SVG: how many targets of the program are in each status at its unit in `year`."""
    program = _program_or_404(code)
    try:
        year = int(request.GET.get("year", date.today().year))
    except ValueError:
        return HttpResponse("year: năm phải là số, ví dụ 2026", status=400)
    if not 1900 <= year <= 2100:
        return HttpResponse("year: năm phải trong khoảng 1900–2100", status=400)
    rows = evaluate_program(program, program.scope_unit.code, year)["targets"]
    return HttpResponse(charts.to_svg(content.status_chart(tuple(rows), year)), content_type="image/svg+xml")
