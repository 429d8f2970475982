"""Reads: units, programs, evaluations, a target's series and ranking, report files."""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from ninja import Query, Router

from ansinh.analytics.dashboard import target_story
from ansinh.analytics.selectors import evaluate_program
from ansinh.api.access import require_viewer
from ansinh.api.errors import COMMON_ERRORS, ErrorOut
from ansinh.api.schemas import EvaluationOut, IndicatorOut, LineageOut, ProgramListOut, ProgramOut, TargetSeriesOut, UnitTreeOut
from ansinh.indicators.selectors import indicator_summaries
from ansinh.orgunits import selectors as units
from ansinh.programs import selectors as programs
from ansinh.reports.builder import build_review, report_file

router = Router()
YEAR_RANGE = {"ge": 1900, "le": 2100}


@router.get("/units/{code}", response={200: UnitTreeOut, **COMMON_ERRORS}, tags=["units"], summary="A unit and its tree on a date")
def unit_tree(request, code: str, on: date | None = None):
    """The unit that carried `code` on `on` (default: today) with every unit under it then.
    Example: `/api/v1/units/534?on=2024-06-01` (thị xã Đức Phổ and its 15 communes)."""
    require_viewer(request)
    day = on or date.today()
    return units.unit_tree(units.get_unit(code, day), day)


@router.get("/units/{code}/lineage", response={200: list[LineageOut], **COMMON_ERRORS}, tags=["units"], summary="Versions of a code across reorganisations")
def unit_lineage(request, code: str):
    """Every unit that carried `code`, with predecessors and successors (the 2025 reform)."""
    require_viewer(request)
    return units.unit_lineage(code)


@router.get("/programs", response={200: list[ProgramListOut], **COMMON_ERRORS}, tags=["programs"], summary="Programs")
def program_list(request):
    require_viewer(request)
    return [
        {"code": p.code, "title": p.title, "issuing_body": p.issuing_body.name, "scope_unit": p.scope_unit.code,
         "start_year": p.start_year, "end_year": p.end_year, "targets": p.target_count, "tasks": p.task_count}
        for p in programs.list_programs()
    ]


@router.get("/programs/{code}", response={200: ProgramOut, **COMMON_ERRORS}, tags=["programs"], summary="A program: targets and tasks")
def program_detail(request, code: str):
    """The same shape as `ansinh program show CODE --json`."""
    require_viewer(request)
    return programs.program_summary(programs.get_program(code))


@router.get("/indicators", response={200: list[IndicatorOut], **COMMON_ERRORS}, tags=["programs"], summary="The indicator library")
def indicators(request):
    """Every indicator the programs' targets are measured by: its data elements and formula
    (the same as `ansinh indicators list --json`)."""
    require_viewer(request)
    return indicator_summaries()


@router.get("/programs/{code}/evaluation", response={200: EvaluationOut, **COMMON_ERRORS}, tags=["analytics"], summary="Every target's status at a unit and year")
def evaluation(request, code: str, unit: str, year: int = Query(..., **YEAR_RANGE)):
    """Example: `/api/v1/programs/duc-pho-42/evaluation?unit=534&year=2026`. The same figures as
    `ansinh evaluate`, the dashboard and the report."""
    require_viewer(request)
    return evaluate_program(programs.get_program(code), unit, year)


@router.get("/programs/{code}/targets/{target}/series", response={200: TargetSeriesOut, **COMMON_ERRORS}, tags=["analytics"],
            summary="One target's series and the units under the unit ranked")
def target_series(request, code: str, target: str, unit: str, year: int = Query(..., **YEAR_RANGE)):
    require_viewer(request)
    program = programs.get_program(code)
    programs.get_target(program, target)
    story = target_story(program, target, unit, year)
    ranking = story["ranking"]
    return {"unit": story["unit"], "evaluation": story["row"], "ranking_year": ranking["year"],
            "ranking": ranking["ranked"], "not_reported": ranking["missing"]}


@router.get("/programs/{code}/report", response={200: bytes, **COMMON_ERRORS, 503: ErrorOut}, tags=["reports"], summary="Build a review report")
def report(request, code: str, type: str, period: str, unit: str, format: str = Query("docx", pattern="^(docx|xlsx|pdf)$")):
    """The review report (docs/reports.md) as a file: `type` six-month, annual, mid-term, final or
    data-sheet; `format` docx, xlsx (the annex) or pdf (needs LibreOffice on the server)."""
    require_viewer(request)
    built = build_review(code, type, period, unit, with_annex=format == "xlsx")
    content, content_type, filename = report_file(built, format)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
