"""Task follow-up: reports by assigned bodies, evidence, returns, closed periods, reminders."""

import json
from datetime import date

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from ansinh.accounts.models import Role, RoleAssignment
from ansinh.cli.main import cli
from ansinh.core.errors import UserError
from ansinh.programs.models import Body, Program, TaskGroup
from ansinh.tasks.actions import do_add_evidence, do_close_period, do_file_task_report, do_return_task_report, do_send_reminders
from ansinh.tasks.models import Evidence, Reminder, TaskReport
from ansinh.tasks.schedule import TaskPlan, expected_reports, missing_reports, report_periods

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def program(db):
    return Program.objects.get(code="duc-pho-42")


def officer_of(body_code: str, username: str):
    user = get_user_model().objects.create_user(username, email=f"{username}@ansinh.invalid")
    RoleAssignment.objects.create(user=user, role=Role.BODY_OFFICER, body=Body.objects.get(code=body_code))
    return user


def task(program, number):
    return TaskGroup.objects.get(program=program, number=number)


# --- schedule (pure) ---------------------------------------------------------------------------

def test_report_periods_run_from_the_program_start_to_the_period_under_way():
    assert report_periods(2024, date(2025, 7, 2)) == ["2024S1", "2024S2", "2025S1", "2025S2"]


def test_yearly_tasks_are_due_from_their_year_and_dated_tasks_until_their_date():
    plans = [
        TaskPlan(1, "1", "continuous", None, None, (10,)),
        TaskPlan(2, "2", "yearly_from", 2025, None, (10, 11)),
        TaskPlan(3, "3", "fixed_date", None, date(2024, 6, 30), (12,)),
    ]
    expected = expected_reports(plans, ["2024S1", "2024S2", "2025S1"])
    assert sorted((e.task_id, e.body_id, e.period) for e in expected) == [
        (1, 10, "2024S1"), (1, 10, "2024S2"), (1, 10, "2025S1"), (2, 10, "2025S1"), (2, 11, "2025S1"), (3, 12, "2024S1"),
    ]
    assert expected[0].due == date(2024, 6, 24)  # cut-off 14/6 plus 10 days


def test_missing_reports_are_those_past_due_and_not_filed():
    expected = expected_reports([TaskPlan(1, "1", "continuous", None, None, (10,))], ["2024S1", "2024S2"])
    missing = missing_reports(expected, {(1, 10, "2024S1")}, date(2025, 1, 1))
    assert [(m.period, m.due) for m in missing] == [("2024S2", date(2024, 12, 24))]


# --- reports ------------------------------------------------------------------------------------

def test_an_assigned_body_files_a_report_linked_to_targets(program):
    user = officer_of("ban-tuyen-giao-thi-uy-duc-pho", "tuyen-giao")
    report = do_file_task_report(task(program, "1"), Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho"), "2026S2",
                                 status="in_progress", text="Tổ chức 12 hội nghị quán triệt", acting_user=user, channel="web", target_codes=["T01"])
    assert (report.status, report.state, [t.code for t in report.targets.all()]) == ("in_progress", "submitted", ["T01"])
    assert report.history.first().history_change_reason == "web"


def test_a_body_cannot_report_on_a_task_not_assigned_to_it(program):
    user = officer_of("ban-hdnd-thi-xa-duc-pho", "hdnd")
    with pytest.raises(UserError, match="không được giao nhiệm vụ 1"):
        do_file_task_report(task(program, "1"), Body.objects.get(code="ban-hdnd-thi-xa-duc-pho"), "2026S2",
                            status="done", text="x", acting_user=user, channel="web")
    assert not TaskReport.objects.filter(body__code="ban-hdnd-thi-xa-duc-pho", task__number="1").exists()


def test_a_user_cannot_report_for_another_body(program):
    user = officer_of("ban-hdnd-thi-xa-duc-pho", "hdnd2")
    with pytest.raises(UserError, match="không có quyền báo cáo thay"):
        do_file_task_report(task(program, "1"), Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho"), "2026S2",
                            status="done", text="x", acting_user=user, channel="web")


def test_reports_for_a_closed_period_are_refused(program, django_user_model):
    admin = django_user_model.objects.create_user("admin-dong-ky")
    RoleAssignment.objects.create(user=admin, role=Role.SYSTEM_ADMIN)
    do_close_period(program, "2024S1", acting_user=admin)
    user = officer_of("ban-tuyen-giao-thi-uy-duc-pho", "tuyen-giao-3")
    before = TaskReport.objects.count()
    with pytest.raises(UserError, match="kỳ 2024S1 đã khóa sau sơ kết"):
        do_file_task_report(task(program, "1"), Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho"), "2024S1",
                            status="done", text="bổ sung", acting_user=user, channel="web")
    assert TaskReport.objects.count() == before


def test_only_the_lead_body_returns_a_report(program):
    tuyen_giao = officer_of("ban-tuyen-giao-thi-uy-duc-pho", "tuyen-giao-4")
    report = do_file_task_report(task(program, "1"), Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho"), "2026S2",
                                 status="in_progress", text="…", acting_user=tuyen_giao, channel="web")
    with pytest.raises(UserError, match="chỉ cơ quan chỉ đạo"):
        do_return_task_report(report, reason="Bổ sung số liệu", acting_user=tuyen_giao, channel="web")
    lead = officer_of("btv-thi-uy-duc-pho", "thuong-vu")
    do_return_task_report(report, reason="Bổ sung số hội nghị ở cấp xã", acting_user=lead, channel="web")
    report.refresh_from_db()
    assert (report.state, report.return_reason) == ("returned", "Bổ sung số hội nghị ở cấp xã")


# --- evidence -----------------------------------------------------------------------------------

@pytest.fixture
def report(program):
    user = officer_of("ban-tuyen-giao-thi-uy-duc-pho", "tuyen-giao-5")
    return do_file_task_report(task(program, "1"), Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho"), "2026S2",
                               status="done", text="…", acting_user=user, channel="web"), user


def test_evidence_is_stored_under_a_generated_name_outside_the_web_root(report, settings, tmp_path):
    settings.ANSINH_UPLOAD_DIR = tmp_path
    saved = do_add_evidence(report[0], name="bien-ban.pdf", content=PDF, acting_user=report[1])
    assert saved.stored_name != "bien-ban.pdf" and saved.stored_name.endswith(".pdf")
    assert (tmp_path / "evidence" / saved.stored_name).read_bytes() == PDF
    assert not str(tmp_path).startswith(str(settings.STATIC_ROOT))


@pytest.mark.parametrize(("name", "content", "message"), [
    ("virus.exe", b"MZ\x90\x00", "loại tệp .exe không được phép"),
    ("trang.html", b"<script>", "loại tệp .html không được phép"),
    ("../../ansinh/settings.pdf", PDF, "không được chứa đường dẫn"),
    ("gia.pdf", b"MZ not a pdf", "không phải là tệp .pdf thật"),
    ("lon.pdf", b"%PDF" + b"0" * (11 * 1024 * 1024), "vượt giới hạn 10 MB"),
])
def test_bad_attachments_are_refused_and_nothing_is_stored(report, settings, tmp_path, name, content, message):
    settings.ANSINH_UPLOAD_DIR = tmp_path
    with pytest.raises(UserError, match=message):
        do_add_evidence(report[0], name=name, content=content, acting_user=report[1])
    assert not Evidence.objects.exists() and not (tmp_path / "evidence").exists() or not any((tmp_path / "evidence").iterdir())


# --- reminders ------------------------------------------------------------------------------------

def test_reminders_list_missing_reports_and_overdue_outputs_once_a_day(program):
    sent = do_send_reminders(program, date.today())
    assert sent and len(mail.outbox) == len([r for r in sent if r.recipients])
    ubnd = next(r for r in sent if r.body.code == "ubnd-thi-xa-duc-pho")
    assert 'sản phẩm "Kế hoạch triển khai Nghị quyết 42-NQ/TW' in ubnd.message and "quá hạn từ 30/06/2024" in ubnd.message
    hdnd = next(r for r in sent if r.body.code == "ban-hdnd-thi-xa-duc-pho")
    assert "Nhiệm vụ 9.2: chưa gửi báo cáo kỳ 2026S1" in hdnd.message
    assert do_send_reminders(program, date.today()) == []  # never more than one per body per day
    assert Reminder.objects.filter(sent_on=date.today()).count() == len(sent)


def test_no_reminder_for_a_body_with_nothing_pending(program):
    sent = {r.body.code for r in do_send_reminders(program, date(2024, 6, 1))}  # before the first due date
    assert sent == set()


# --- CLI and pages --------------------------------------------------------------------------------

def test_tasks_status_json_has_bodies_statuses_and_overdue_flags(program):
    result = CliRunner().invoke(cli, ["tasks", "status", "duc-pho-42", "--period", "2026S1", "--json"])
    data = json.loads(result.output)
    numbers = [t["number"] for t in data["tasks"]]
    assert numbers[:12] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "9.1", "9.2", "9.3"]
    task_92 = next(t for t in data["tasks"] if t["number"] == "9.2")
    council = next(b for b in task_92["bodies"] if b["body"].startswith("Các Ban Hội đồng nhân dân"))
    assert council["status"] is None and council["overdue"] is True
    iv3 = next(t for t in data["tasks"] if t["number"] == "IV.3")
    assert iv3["overdue_outputs"][0]["due"] == "2024-06-30"


def test_tasks_remind_command_prints_what_it_sent(program):
    result = CliRunner().invoke(cli, ["tasks", "remind", "duc-pho-42"])
    assert result.exit_code == 0 and "thư nhắc việc" in result.output


def test_the_board_shows_every_task_group_and_body(program, admin_client):
    page = admin_client.get("/programs/duc-pho-42/tasks/?period=2026S1").content.decode()
    for number in ["1", "9.1", "9.3", "IV.5"]:
        assert f'/programs/duc-pho-42/tasks/{number}/"' in page
    assert "quá hạn" in page and "Ban Tuyên giáo Thị ủy Đức Phổ" in page


def test_a_body_files_a_report_with_evidence_through_the_page(program, settings, tmp_path):
    settings.ANSINH_UPLOAD_DIR = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    user = officer_of("ban-tuyen-giao-thi-uy-duc-pho", "tuyen-giao-web")
    client = Client()
    client.force_login(user)
    body = Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho")
    response = client.post("/programs/duc-pho-42/tasks/1/", {
        "body": body.pk, "period": "2026S2", "status": "in_progress", "text": "Tổ chức hội nghị", "targets": [],
        "evidence": SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf"),
    })
    assert response.status_code == 302
    assert TaskReport.objects.get(task__number="1", body=body, period="2026S2").evidence.get().original_name == "bien-ban.pdf"


def test_a_non_lead_cannot_return_a_report_through_the_page(program, report):
    client = Client()
    client.force_login(report[1])
    response = client.post(f"/task-reports/{report[0].pk}/return/", {"reason": "x"})
    assert response.status_code == 403
    report[0].refresh_from_db()
    assert report[0].state == "submitted"


def test_my_tasks_lists_the_bodys_pending_items(program):
    user = officer_of("ban-hdnd-thi-xa-duc-pho", "hdnd-web")
    client = Client()
    client.force_login(user)
    page = client.get("/tasks/mine/").content.decode()
    assert "Các Ban Hội đồng nhân dân thị xã Đức Phổ" in page and "chưa gửi báo cáo kỳ" in page


def test_an_output_marked_completed_is_no_longer_overdue(program):
    user = officer_of("ubnd-thi-xa-duc-pho", "ubnd-officer")
    iv3 = task(program, "IV.3")
    output = iv3.outputs.get()
    do_file_task_report(iv3, Body.objects.get(code="ubnd-thi-xa-duc-pho"), "2026S2", status="done", text="Đã ban hành kế hoạch",
                        acting_user=user, channel="web", completed_outputs=[output.pk])
    output.refresh_from_db()
    assert output.completed_on == date.today()
    reminders = do_send_reminders(program, date.today())
    assert not any("Kế hoạch triển khai" in r.message for r in reminders)
