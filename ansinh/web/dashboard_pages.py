"""The dashboard: the program at a glance (every target's status at a unit and year, filterable)
and each target's story (chart with the path to the goal, the units under it ranked, downloads).
Views parse the query, call the dashboard selectors and render; charts come from reports.charts,
the code the Word report uses."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from openpyxl import Workbook

from ansinh.accounts import policies
from ansinh.analytics.dashboard import OverviewFilters, program_overview, target_story
from ansinh.analytics.progress import STATUS_LABELS_VI
from ansinh.analytics.selectors import resolve_unit
from ansinh.core.errors import UserError
from ansinh.datavalues.selectors import unit_report_states
from ansinh.programs import selectors as programs
from ansinh.reports import charts, content
from ansinh.reports.selectors import units_in_year
from ansinh.web.oversight_pages import oversight_context

CSV_COLUMNS = ("target", "target_name", "unit_label", "unit_code", "unit_name", "year", "value")


class BadQuery(Exception):
    """A query parameter out of range; shown to the user in Vietnamese with the parameter named."""


def _program(code: str):
    try:
        return programs.get_program(code)
    except UserError:
        raise Http404(code) from None


def _years(program) -> list[int]:
    return list(range(program.start_year - 1, min(program.end_year, date.today().year) + 1))


def _choose(request: HttpRequest, program) -> tuple[str, int]:
    """(unit code, year) from the query, defaulting to the program's unit and the current year."""
    years = _years(program)
    raw_year = request.GET.get("year") or str(years[-1])
    if not raw_year.isdecimal() or int(raw_year) not in years:
        raise BadQuery(f"year: năm '{raw_year}' không hợp lệ; chọn từ {years[0]} đến {years[-1]}")
    return (request.GET.get("unit") or program.scope_unit.code).strip(), int(raw_year)


def _refused(request: HttpRequest, program, message: str) -> HttpResponse:
    return render(request, "web/bad_query.html", {"program": program, "message": message}, status=400)


def _allowed(request: HttpRequest) -> bool:
    return policies.can_view(request.user)


@login_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    program = _program(code)
    if not _allowed(request):
        return HttpResponse("Bạn không có quyền xem chương trình này.", status=403)
    areas = {a["code"]: a["name"] for a in program.areas}
    filters = OverviewFilters(request.GET.get("status", ""), request.GET.get("area", ""), request.GET.get("body", ""))
    try:
        unit_code, year = _choose(request, program)
        if filters.status and filters.status not in STATUS_LABELS_VI:
            raise BadQuery(f"status: tình trạng '{filters.status}' không có")
        if filters.area and filters.area not in areas:
            raise BadQuery(f"area: lĩnh vực '{filters.area}' không có")
        data = program_overview(program, unit_code, year, filters)
    except BadQuery as error:
        return _refused(request, program, str(error))
    except UserError as error:
        return _refused(request, program, "; ".join(str(p) for p in error.problems))
    groups = [
        {"code": area_code, "name": name, "rows": [_decorate(r) for r in data["rows"] if r["area"] == area_code]}
        for area_code, name in areas.items()
    ]
    groups = [g for g in groups if g["rows"]]
    commune = {}
    if not data["is_scope"]:  # a commune's page: its reports due now and the tasks of the communes
        unit = resolve_unit(data["unit"]["code"], year)
        commune = {"reports": unit_report_states(unit, date.today()), "tasks": programs.commune_tasks(program)}
    context = {
        "program": program, "data": data, "groups": groups, "filters": filters, "areas": areas, "commune": commune,
        "units": units_in_year(program, year), "years": _years(program), "statuses": STATUS_LABELS_VI,
        "shown": len(data["rows"]), "query": request.GET.urlencode(),
    }
    return render(request, "web/overview.html", context)


def _decorate(row: dict) -> dict:
    points = [(p["year"], p["value"]) for p in row["series"] if p["value"] is not None]
    low, _high = content.target_bounds(row)
    return {**row, "spark": charts.sparkline_svg(points, low, row["status"]), "amount": content.target_amount(row)}


@login_required
def target_page(request: HttpRequest, code: str, target: str) -> HttpResponse:
    program, story, refusal = _target_request(request, code, target)
    if refusal:
        return refusal
    model = story["model"]
    indicator = model.indicator
    context = {
        "program": program, "target": model, "story": story, "row": story["row"],
        "amount": content.target_amount(story["row"]), "pace": content.pace_sentence(story["row"]),
        "elements": [e for e in (indicator.numerator, indicator.denominator, indicator.weight) if e] if indicator else [],
        "tasks": list(model.task_groups.order_by("position")),
        "units": units_in_year(program, story["year"]), "years": _years(program), "year": story["year"],
        "query": f"unit={story['unit']['code']}&year={story['year']}",
        "best": story["ranking"]["ranked"][:3], "worst": list(reversed(story["ranking"]["ranked"][-3:])),
        **oversight_context(request, model, reverse("web:target-comment", args=[program.code, model.code])),
    }
    return render(request, "web/target.html", context)


def _target_request(request: HttpRequest, code: str, target: str) -> tuple[object, dict, HttpResponse | None]:
    """The program, the target's story for the query's unit and year, or the response refusing it."""
    program = _program(code)
    if not _allowed(request):
        return program, {}, HttpResponse("Bạn không có quyền xem chương trình này.", status=403)
    story, refusal = _story(request, program, target)
    return program, story, refusal


def _story(request: HttpRequest, program, target: str) -> tuple[dict, HttpResponse | None]:
    try:
        model = programs.get_target(program, target)
    except UserError:
        raise Http404(target) from None
    try:
        unit_code, year = _choose(request, program)
        return {**target_story(program, target, unit_code, year), "model": model}, None
    except BadQuery as error:
        return {}, _refused(request, program, str(error))
    except UserError as error:
        return {}, _refused(request, program, "; ".join(str(p) for p in error.problems))


@login_required
def target_chart(request: HttpRequest, code: str, target: str, extension: str) -> HttpResponse:
    """The target's series with its goal and the path to it: SVG for the page, PNG to download."""
    program, story, refusal = _target_request(request, code, target)
    if refusal:
        return refusal
    row = story["row"]
    figure = charts.trend(content.trend_spec(row), row["comparator"])
    if extension == "png":
        response = HttpResponse(charts.to_png(figure), content_type="image/png")
    else:
        response = HttpResponse(charts.to_svg(figure), content_type="image/svg+xml")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{program.code}-{target}-{story["unit"]["code"]}.{extension}"'
    return response


@login_required
def target_data(request: HttpRequest, code: str, target: str, extension: str) -> HttpResponse:
    """The figures behind the page: the unit's series and every unit under it, CSV or Excel."""
    program, story, refusal = _target_request(request, code, target)
    if refusal:
        return refusal
    rows = data_rows(story)
    name = f"{program.code}-{target}-{story['unit']['code']}.{extension}"
    if extension == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows)
        # A byte-order mark so Excel opens the UTF-8 file with its Vietnamese letters intact.
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = target
        sheet.append(["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Mã đơn vị", "Đơn vị hành chính", "Năm", "Giá trị"])
        for row in rows:
            sheet.append(list(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def data_rows(story: dict) -> list[tuple]:
    row, unit = story["row"], story["unit"]
    lines = [(row["target"], row["name"], row["unit"], unit["code"], unit["name"], p["year"], p["value"]) for p in row["series"] if p["value"] is not None]
    for member in story["breakdown"]["units"]:
        for year, value in sorted(member["values"].get(row["target"], {}).items()):
            if value is not None:
                lines.append((row["target"], row["name"], row["unit"], member["code"], member["name"], year, value))
    return lines
