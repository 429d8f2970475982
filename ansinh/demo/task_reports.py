"""Sample task follow-up for the Đức Phổ program, through the real actions: an officer for each
implementing body, their reports for the periods since 2024 on most tasks (some missing, so the
reminders have something to say), and dated outputs, one of them overdue."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model

from ansinh.accounts.models import Role, RoleAssignment
from ansinh.programs.models import Program
from ansinh.tasks.actions import do_add_output, do_file_task_report
from ansinh.tasks.models import TaskReport
from ansinh.tasks.selectors import expected_for, reporters, task_groups

SAMPLE_TEXT = {
    "in_progress": "Dữ liệu mẫu: đã triển khai các hoạt động theo kế hoạch của kỳ; tiếp tục thực hiện.",
    "done": "Dữ liệu mẫu: đã hoàn thành nội dung được giao trong kỳ.",
    "late": "Dữ liệu mẫu: một số nội dung chậm so với kế hoạch do thiếu kinh phí; đề nghị bổ sung.",
}


def load_task_reports(program: Program, today: date, acting_user) -> int:
    officers = _body_officers(program)
    tasks = {t.pk: t for t in task_groups(program)}
    existing = set(TaskReport.objects.filter(task__program=program).values_list("task_id", "body_id", "period"))
    filed = 0
    for index, expected in enumerate(expected_for(program, today)):
        key = (expected.task_id, expected.body_id, expected.period)
        # Every seventh report, and the councils' reports since 2026, are left missing on purpose.
        if key in existing or index % 7 == 3 or (expected.period >= "2026" and officers[expected.body_id][1].code.startswith("ban-hdnd")):
            continue
        user, body = officers[expected.body_id]
        status = "late" if index % 11 == 5 else ("done" if expected.period.endswith("S2") and index % 3 == 0 else "in_progress")
        do_file_task_report(
            tasks[expected.task_id], body, expected.period, status=status, text=SAMPLE_TEXT[status],
            progress_percent=None, acting_user=user, channel="demo",
            target_codes=[t.code for t in tasks[expected.task_id].serves_targets.all()][:3],
        )
        filed += 1
    _outputs(program, tasks, officers, acting_user)
    return filed


def _body_officers(program: Program) -> dict[int, tuple]:
    """One demo officer per reporting body, with an e-mail for the reminders."""
    officers = {}
    for task in task_groups(program):
        for body in reporters(task):
            if body.pk in officers:
                continue
            user, _ = get_user_model().objects.get_or_create(
                username=f"demo-{body.code}"[:150], defaults={"email": f"{body.code}@ansinh.invalid", "first_name": body.name[:150]}
            )
            RoleAssignment.objects.get_or_create(user=user, role=Role.BODY_OFFICER, unit=None, agency="", body=body)
            user._ansinh_grants = None  # the role was just granted
            officers[body.pk] = (user, body)
    return officers


def _outputs(program: Program, tasks: dict, officers: dict, acting_user) -> None:
    by_number = {t.number: t for t in tasks.values()}
    if by_number["IV.3"].outputs.exists():
        return
    ubnd = next(b for _, b in officers.values() if b.code.startswith("ubnd-"))
    do_add_output(by_number["IV.3"], ubnd, title="Kế hoạch triển khai Nghị quyết 42-NQ/TW, có chỉ tiêu định hướng đến năm 2025 (dữ liệu mẫu)",
                  kind="plan", due=date(2024, 6, 30), acting_user=acting_user, channel="demo")
    tham_muu = next(b for _, b in officers.values() if b.code.startswith("co-quan-tham-muu"))
    do_add_output(by_number["2"], tham_muu, title="Đề án số hóa dữ liệu chính sách xã hội (dữ liệu mẫu)",
                  kind="decision", due=date(2026, 12, 31), acting_user=acting_user, channel="demo")
