"""The public page (công khai, minh bạch): a program's approved figures, without login.

Switched off with ANSINH_PUBLIC_PAGE=false (the page then does not exist: 404). Only aggregated
figures of the program's own unit, computed from approved reports, are shown; no names, no
comments, no per-commune values."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ansinh.analytics.dashboard import published_overview
from ansinh.core.errors import UserError
from ansinh.programs import selectors as programs
from ansinh.reports import content


def public_program(request: HttpRequest, code: str) -> HttpResponse:
    if not settings.ANSINH_PUBLIC_PAGE:
        raise Http404("public page switched off")
    try:
        program = programs.get_program(code)
    except UserError:
        raise Http404(code) from None
    year = min(date.today().year, program.end_year)
    data = published_overview(program, year)
    rows = [{**row, "amount": content.target_amount(row)} for row in data["rows"]]
    areas = dict(program.targets.values_list("code", "area"))
    groups = [
        {"name": area["name"], "rows": [r for r in rows if areas.get(r["target"]) == area["code"]]} for area in program.areas
    ]
    return render(request, "web/public.html", {"program": program, "data": data, "groups": groups, "shown": sum(r["value"] is not None for r in rows)})
