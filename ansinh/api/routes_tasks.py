"""Task follow-up: the reports bodies file on the program's tasks, read and filed."""

from __future__ import annotations

from ninja import Router

from ansinh.api.access import Forbidden, require_viewer
from ansinh.api.errors import COMMON_ERRORS
from ansinh.api.schemas import TaskReportIn, TaskReportOut
from ansinh.core.errors import ErrorCode, UserError
from ansinh.programs.models import Body, TaskGroup
from ansinh.programs.selectors import get_program
from ansinh.tasks.actions import do_file_task_report
from ansinh.tasks.selectors import task_history

router = Router()


def _task(code: str, number: str) -> TaskGroup:
    task = TaskGroup.objects.filter(program=get_program(code), number=number).select_related("program").first()
    if task is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"chương trình {code} không có nhiệm vụ {number}", field="task")
    return task


def _report_out(report) -> dict:
    return {"task": report.task.number, "body": report.body.code, "period": report.period, "status": report.status,
            "status_vi": report.get_status_display(), "progress_percent": report.progress_percent, "text": report.text,
            "state": report.state, "submitted_by": report.submitted_by.get_username(), "submitted_at": report.submitted_at}


@router.get("/programs/{code}/tasks/{number}/reports", response={200: list[TaskReportOut], **COMMON_ERRORS}, tags=["tasks"],
            summary="Every report filed on a task, latest period first")
def task_reports(request, code: str, number: str):
    require_viewer(request)
    return [_report_out(r) for r in task_history(_task(code, number))]


@router.post("/programs/{code}/tasks/{number}/reports", response={200: TaskReportOut, **COMMON_ERRORS}, tags=["tasks"],
             summary="File (or correct) a body's report on a task for a period")
def file_task_report(request, code: str, number: str, body: TaskReportIn):
    """Only a user of the reporting body (or an administrator) may file it (docs/permissions.md)."""
    task = _task(code, number)
    reporter = Body.objects.filter(code=body.body).first()
    if reporter is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có cơ quan mã '{body.body}'", field="body")
    try:
        report = do_file_task_report(task, reporter, body.period, status=body.status, text=body.text, acting_user=request.user,
                                     channel="API", progress_percent=body.progress_percent, target_codes=body.targets)
    except UserError as error:
        if any(p.field == "permission" for p in error.problems):
            raise Forbidden(error.problems) from None
        raise
    return _report_out(report)
