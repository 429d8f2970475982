"""Oversight remarks: a supervisor (HĐND, Mặt trận) writes them on a target or a task, sees them
on its page with author and time, and changes no data; every other role is refused (also in
tests/test_permission_matrix.py); an empty remark is refused; each is in the history."""

import pytest
from django.test import Client

from ansinh.accounts.models import Role, RoleAssignment
from ansinh.datavalues.models import DataValue
from ansinh.programs.models import OversightComment

TARGET_PAGE = "/programs/duc-pho-42/targets/T02/"
TASK_PAGE = "/programs/duc-pho-42/tasks/4/"


@pytest.fixture
def supervisor(db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("dai-bieu-hdnd", first_name="Đại biểu", last_name="HĐND")
    RoleAssignment.objects.create(user=user, role=Role.SUPERVISOR)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.mark.parametrize("page", [TARGET_PAGE, TASK_PAGE])
def test_a_supervisor_writes_a_remark_and_sees_it_on_the_page(supervisor, page):
    user, client = supervisor
    values_before = DataValue.history.count()
    response = client.post(page + "comments/", {"text": "Đề nghị làm rõ nguyên nhân tỷ lệ thất nghiệp tăng ở phường Sa Huỳnh."})
    assert response.status_code == 302 and response["Location"].endswith("#oversight-title")
    shown = client.get(page).content.decode()
    assert "Đề nghị làm rõ nguyên nhân tỷ lệ thất nghiệp tăng" in shown and "Đại biểu HĐND" in shown
    remark = OversightComment.objects.get()
    assert remark.history.get().history_user == user and remark.history.get().history_change_reason == "web"
    assert DataValue.history.count() == values_before  # a remark changes no data


def test_the_form_is_shown_only_to_those_who_may_comment(supervisor, viewer):
    _user, client = supervisor
    assert 'name="text"' in client.get(TARGET_PAGE).content.decode()
    other = Client()
    other.force_login(viewer)
    page = other.get(TARGET_PAGE).content.decode()
    assert "Ý kiến giám sát" in page and 'id="oversight-text"' not in page


def test_an_empty_remark_is_refused(supervisor):
    _user, client = supervisor
    response = client.post(TARGET_PAGE + "comments/", {"text": "   "})
    assert response.status_code == 400 and "không được để trống" in response.content.decode()
    assert not OversightComment.objects.exists()


def test_a_viewer_cannot_comment(viewer):
    client = Client()
    client.force_login(viewer)
    response = client.post(TASK_PAGE + "comments/", {"text": "x"})
    assert response.status_code == 403 and not OversightComment.objects.exists()
