"""Writes of task follow-up: reports, their return, evidence, outputs, closing a period,
reminders. Atomic and attributed, permission-checked through accounts.policies."""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from datetime import date
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from ansinh.accounts import policies
from ansinh.accounts.models import RoleAssignment
from ansinh.core.audit import attribute
from ansinh.core.errors import ErrorCode, UserError
from ansinh.core.periods import parse_period
from ansinh.programs.models import Body, Program, Target, TaskGroup
from ansinh.tasks import selectors
from ansinh.tasks.models import Evidence, PeriodClosure, ProgressStatus, Reminder, ReportState, TaskOutput, TaskReport

# Evidence: documents and pictures only; anything that can run or render script is refused.
ALLOWED_EVIDENCE = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    ".doc": "application/msword", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ".odt": "application/vnd.oasis.opendocument.text", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
MAGIC = {".pdf": (b"%PDF",), ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",), ".odt": (b"PK\x03\x04",),
         ".doc": (b"\xd0\xcf\x11\xe0",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG",)}


def _refuse(message: str, field: str = "") -> UserError:
    return UserError.single(ErrorCode.FIELD_INVALID, message, field=field)


@transaction.atomic
def do_file_task_report(
    task: TaskGroup, body: Body, period: str, *, status: str, text: str, acting_user: Any, channel: str,
    progress_percent: int | None = None, target_codes: list[str] | None = None, completed_outputs: list[int] | None = None,
) -> TaskReport:
    """File (or correct) a body's report on a task for a period; `completed_outputs` marks the
    body's dated outputs under this task as delivered today."""
    if not policies.can_report_for(acting_user, body):
        raise _refuse(f"bạn không có quyền báo cáo thay {body.name}", "permission")
    if body.pk not in {b.pk for b in selectors.reporters(_with_assignments(task))}:
        raise _refuse(f"{body.name} không được giao nhiệm vụ {task.number}", "task")
    try:
        parse_period(period)
    except ValueError as exc:
        raise _refuse(str(exc), "period") from None
    if selectors.is_closed(task.program, period):
        raise _refuse(f"kỳ {period} đã khóa sau sơ kết; không thể gửi hoặc sửa báo cáo", "period")
    if status not in ProgressStatus.values:
        raise _refuse(f"tình hình {status!r} không hợp lệ; dùng một trong: {', '.join(ProgressStatus.values)}", "status")
    if progress_percent is not None and not 0 <= progress_percent <= 100:
        raise _refuse(f"% tiến độ {progress_percent} phải từ 0 đến 100", "progress_percent")
    if not text.strip():
        raise UserError.single(ErrorCode.FIELD_MISSING, "cần ghi kết quả thực hiện", field="text")
    targets = list(Target.objects.filter(program=task.program, code__in=target_codes or []))
    if len(targets) != len(set(target_codes or [])):
        unknown = sorted(set(target_codes or []) - {t.code for t in targets})
        raise _refuse(f"chỉ tiêu không có trong chương trình: {', '.join(unknown)}", "targets")
    report = TaskReport.objects.filter(task=task, body=body, period=period).first() or TaskReport(task=task, body=body, period=period)
    report.status, report.progress_percent, report.text = status, progress_percent, text.strip()
    report.state, report.return_reason = ReportState.SUBMITTED, ""
    report.submitted_by, report.submitted_at = acting_user, timezone.now()
    attribute(report, acting_user, channel).save()
    report.targets.set(targets)
    for output in TaskOutput.objects.filter(task=task, body=body, pk__in=completed_outputs or [], completed_on__isnull=True):
        output.completed_on = timezone.localdate()
        attribute(output, acting_user, channel).save()
    return report


def _with_assignments(task: TaskGroup) -> TaskGroup:
    return TaskGroup.objects.prefetch_related("assignments__body").get(pk=task.pk)


@transaction.atomic
def do_return_task_report(report: TaskReport, *, reason: str, acting_user: Any, channel: str) -> TaskReport:
    """The lead body sends a report back for more detail."""
    lead = next((a.body for a in _with_assignments(report.task).assignments.all() if a.role == "lead"), None)
    if not policies.can_review_task(acting_user, lead):
        raise _refuse("chỉ cơ quan chỉ đạo của nhiệm vụ mới trả lại báo cáo được", "permission")
    if not reason.strip():
        raise UserError.single(ErrorCode.FIELD_MISSING, "cần ghi nội dung cần bổ sung", field="reason")
    report.state, report.return_reason = ReportState.RETURNED, reason.strip()
    attribute(report, acting_user, channel).save()
    return report


def do_add_evidence(report: TaskReport, *, name: str, content: bytes, acting_user: Any) -> Evidence:
    """Store an attachment safely: size and type checked, content sniffed, a generated name in a
    folder outside the web root; the original name is only remembered for display."""
    if not policies.can_report_for(acting_user, report.body):
        raise _refuse(f"bạn không có quyền thêm minh chứng cho {report.body.name}", "permission")
    suffix = _checked_name(name)
    limit = settings.ANSINH_EVIDENCE_MAX_BYTES
    if len(content) > limit:
        raise _refuse(f"tệp {name} nặng {len(content) / 1048576:.1f} MB, vượt giới hạn {limit // 1048576} MB", "file")
    if not content.startswith(MAGIC[suffix]):
        raise _refuse(f"nội dung tệp {name} không phải là tệp {suffix} thật", "file")
    if selectors.is_closed(report.task.program, report.period):
        raise _refuse(f"kỳ {report.period} đã khóa sau sơ kết", "period")
    stored = f"{uuid.uuid4().hex}{suffix}"
    folder = settings.ANSINH_UPLOAD_DIR / "evidence"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / stored
    path.write_bytes(content)
    try:
        with transaction.atomic():
            return Evidence.objects.create(
                report=report, original_name=name[:200], stored_name=stored, content_type=ALLOWED_EVIDENCE[suffix],
                size=len(content), sha256=hashlib.sha256(content).hexdigest(), uploaded_by=acting_user,
            )
    except Exception:
        path.unlink(missing_ok=True)  # nothing stored when the record is not
        raise


def _checked_name(name: str) -> str:
    if not name or "/" in name or "\\" in name or ".." in name or "\x00" in name or PurePath(name).name != name:
        raise _refuse(f"tên tệp {name!r} không hợp lệ (không được chứa đường dẫn)", "file")
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_EVIDENCE:
        raise _refuse(f"loại tệp {suffix or '(không có đuôi)'} không được phép; chỉ nhận {', '.join(sorted(ALLOWED_EVIDENCE))}", "file")
    return suffix


@transaction.atomic
def do_add_output(task: TaskGroup, body: Body, *, title: str, kind: str, due: date, acting_user: Any, channel: str) -> TaskOutput:
    lead = next((a.body for a in _with_assignments(task).assignments.all() if a.role == "lead"), None)
    if not (policies.can_review_task(acting_user, lead) or policies.can_report_for(acting_user, body)):
        raise _refuse("chỉ cơ quan chỉ đạo hoặc cơ quan thực hiện mới giao sản phẩm được", "permission")
    output = TaskOutput(task=task, body=body, title=title.strip(), kind=kind, due=due)
    attribute(output, acting_user, channel).save()
    return output


@transaction.atomic
def do_close_period(program: Program, period: str, *, acting_user: Any) -> PeriodClosure:
    if not policies.is_system_admin(acting_user):
        raise _refuse("chỉ quản trị hệ thống mới khóa kỳ báo cáo được", "permission")
    closure, _ = PeriodClosure.objects.get_or_create(program=program, period=period, defaults={"closed_by": acting_user})
    return closure


def do_send_reminders(program: Program, today: date) -> list[Reminder]:
    """E-mail each body with missing reports or overdue outputs, at most once a day, and keep
    the message (the in-app list shows the same items). Returns the reminders sent now."""
    items = selectors.pending(program, today)
    by_body: dict[int, list[str]] = defaultdict(list)
    tasks = items["tasks"]
    for missing in items["missing"]:
        by_body[missing.body_id].append(f"- Nhiệm vụ {tasks[missing.task_id].number}: chưa gửi báo cáo kỳ {missing.period} (hạn {missing.due:%d/%m/%Y})")
    for output in items["overdue_outputs"]:
        by_body[output.body_id].append(f"- Nhiệm vụ {output.task.number}: sản phẩm \"{output.title}\" quá hạn từ {output.due:%d/%m/%Y}")
    recipients = _recipients(set(by_body))
    sent = []
    for body in Body.objects.filter(pk__in=by_body).order_by("name"):
        message = f"Kính gửi {body.name},\n\nChương trình {program.code} còn các việc sau:\n" + "\n".join(by_body[body.pk])
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(body=body, sent_on=today, recipients=recipients.get(body.pk, []), message=message)
        except IntegrityError:
            continue  # already reminded today
        if reminder.recipients:
            send_mail(f"[ansinh] Nhắc việc: {program.code}", message, None, reminder.recipients)
        sent.append(reminder)
    return sent


def _recipients(body_ids: set[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    rows = RoleAssignment.objects.filter(body_id__in=body_ids).select_related("user")
    for row in rows:
        if row.user.email and row.user.is_active:
            found[row.body_id].append(row.user.email)
    return {k: sorted(set(v)) for k, v in found.items()}


