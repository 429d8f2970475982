"""Every role against every web write endpoint: a role without the right gets a refusal and
nothing changes (values, reports, task reports, programs, their histories). Where a role has
the right (a program administrator importing a program, a supervisor writing an oversight
remark), its own test shows the write happening: ansinh/web/tests/test_program_import.py,
ansinh/web/tests/test_oversight.py."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ansinh.accounts.models import Role, RoleAssignment
from ansinh.datavalues.models import DataValue, Submission
from ansinh.orgunits.selectors import get_unit
from ansinh.programs.models import Body, OversightComment, Program, Target
from ansinh.programs.programfile import dump_program_file, spec_to_file_data
from ansinh.programs.selectors import get_program, program_spec
from ansinh.tasks.models import TaskReport

COMMUNE, PERIOD = "21457", "2026S2"


def make_user(name, role=None, unit_code=None, agency="", body_code=None):
    user = get_user_model().objects.create_user(name)
    if role:
        RoleAssignment.objects.create(
            user=user, role=role, unit=get_unit(unit_code) if unit_code else None, agency=agency,
            body=Body.objects.get(code=body_code) if body_code else None,
        )
    return user


ROLES = {
    "anonymous": lambda: None,
    "viewer": lambda: make_user("viewer", Role.VIEWER),
    "supervisor": lambda: make_user("supervisor", Role.SUPERVISOR),
    "other_commune_officer": lambda: make_user("other-commune", Role.COMMUNE_OFFICER, "21472"),
    "other_agency_officer": lambda: make_user("other-agency", Role.AGENCY_OFFICER, "51", agency="Trung tâm Y tế"),
    "other_body_officer": lambda: make_user("other-body", Role.BODY_OFFICER, body_code="ban-hdnd-thi-xa-duc-pho"),
    "program_admin": lambda: make_user("program-admin", Role.PROGRAM_ADMIN),
}


def snapshot():
    return (
        DataValue.objects.count(), DataValue.history.count(),
        sorted(Submission.objects.values_list("unit_id", "period", "status")), Submission.history.count(),
        TaskReport.objects.count(), TaskReport.history.count(),
        Program.objects.count(), Program.history.count(), Target.history.count(),
        OversightComment.objects.count(), OversightComment.history.count(),
    )


def valid_program_draft():
    """The shipped program under a new code: loading it would add a program, so a refusal shows."""
    data = spec_to_file_data(program_spec(get_program("duc-pho-42")))
    data["program"]["code"] = "chuong-trinh-gia-mao"
    return dump_program_file(data)


def endpoints():
    tuyen_giao = Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho")
    report = TaskReport.objects.filter(task__number="1", body=tuyen_giao).first()
    csv = b"data_element,period,org_unit,category,value,comment\nNHA_TAM,2026S2,21457,,3,\n"
    return {
        "entry form save": (f"/data/XA_6THANG/{COMMUNE}/{PERIOD}/", {"action": "save", "value-NHA_TAM": "3", "version-NHA_TAM": "0"}),
        "upload": ("/data/upload/", {"file": SimpleUploadedFile("x.csv", csv)}),
        "approve": (f"/reporting/XA_6THANG/2025S1/21442/decide/", {"action": "approve"}),
        "return": (f"/reporting/XA_6THANG/2025S1/21442/decide/", {"action": "return", "reason": "x"}),
        "excuse": (f"/reporting/XA_6THANG/2025S1/21442/decide/", {"action": "excuse", "reason": "x"}),
        "reopen": (f"/reporting/XA_6THANG/2025S1/21442/decide/", {"action": "reopen", "reason": "x"}),
        "task report": ("/programs/duc-pho-42/tasks/1/", {"body": tuyen_giao.pk, "period": PERIOD, "status": "done", "text": "x"}),
        "return task report": (f"/task-reports/{report.pk}/return/", {"reason": "x"}),
        "program import": ("/programs/import/", {"draft": valid_program_draft(), "source": "", "filename": "x.txt"}),
        "oversight remark on a target": ("/programs/duc-pho-42/targets/T02/comments/", {"text": "ý kiến"}),
        "oversight remark on a task": ("/programs/duc-pho-42/tasks/4/comments/", {"text": "ý kiến"}),
    }


ENDPOINT_NAMES = [
    "entry form save", "upload", "approve", "return", "excuse", "reopen", "task report", "return task report", "program import",
    "oversight remark on a target", "oversight remark on a task",
]
# The roles that hold the right to an endpoint (in this fixture's scope); every other pair is refused.
ALLOWED = {
    ("program_admin", "program import"),
    # Their success is shown in ansinh/web/tests/test_oversight.py.
    ("supervisor", "oversight remark on a target"), ("supervisor", "oversight remark on a task"),
}


@pytest.mark.parametrize(
    ("role", "endpoint"),
    [(role, endpoint) for endpoint in ENDPOINT_NAMES for role in ROLES if (role, endpoint) not in ALLOWED],
)
def test_a_role_without_the_right_is_refused_and_nothing_changes(db, role, endpoint):
    user = ROLES[role]()
    client = Client()
    if user is not None:
        client.force_login(user)
    url, data = endpoints()[endpoint]
    before = snapshot()
    response = client.post(url, data)
    if user is None:
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code in (400, 403), (role, endpoint, response.status_code)
    assert snapshot() == before


def test_the_forged_program_draft_would_load_for_a_program_administrator(db):
    # Guards the matrix above: its "program import" refusals mean something only if the same
    # request succeeds for the role that holds the right.
    client = Client()
    client.force_login(ROLES["program_admin"]())
    url, data = endpoints()["program import"]
    response = client.post(url, data)
    assert response.status_code == 302 and Program.objects.filter(code="chuong-trinh-gia-mao").exists()


# --- the API: the same policy, through personal tokens ------------------------------------------


def api_endpoints():
    item = {"dataElement": "NHA_TAM", "orgUnit": COMMUNE, "period": PERIOD, "value": "3"}
    decide = "/api/v1/submissions/XA_6THANG/21442/2025S1"
    return {
        "api put value": ("put", f"/api/v1/datavalues/NHA_TAM/{COMMUNE}/{PERIOD}", {"value": "3"}),
        "api batch": ("post", "/api/v1/datavalues/batch", {"values": [item]}),
        "api dataValueSets": ("post", "/api/v1/dataValueSets", {"dataValues": [item]}),
        "api submit": ("post", f"/api/v1/submissions/XA_6THANG/{COMMUNE}/{PERIOD}/submit", {}),
        "api approve": ("post", f"{decide}/approve", {}),
        "api return": ("post", f"{decide}/return", {"reason": "x"}),
        "api excuse": ("post", f"{decide}/excuse", {"reason": "x"}),
        "api reopen": ("post", f"{decide}/reopen", {"reason": "x"}),
        "api task report": ("post", "/api/v1/programs/duc-pho-42/tasks/1/reports",
                            {"body": "ban-tuyen-giao-thi-uy-duc-pho", "period": PERIOD, "status": "done", "text": "x"}),
    }


@pytest.mark.parametrize(("role", "endpoint"), [(role, endpoint) for endpoint in api_endpoints() for role in ROLES])
def test_through_the_api_a_role_without_the_right_is_refused_and_nothing_changes(db, role, endpoint):
    import json

    from ansinh.accounts.actions import do_create_api_token

    user = ROLES[role]()
    headers = {}
    if user is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {do_create_api_token(name='matrix', acting_user=user)[1]}"
    method, url, payload = api_endpoints()[endpoint]
    before = snapshot()
    response = getattr(Client(), method)(url, json.dumps(payload), content_type="application/json", **headers)
    expected = {401} if user is None else {403}
    assert response.status_code in expected, (role, endpoint, response.status_code, response.content[:300])
    assert response.json()["code"] in ("not_authenticated", "permission_denied", "invalid")
    assert snapshot() == before


@pytest.mark.parametrize(("role", "endpoint"), [("approver of the town", "api excuse"), ("officer of the commune", "api put value")])
def test_the_same_api_requests_succeed_for_the_roles_that_hold_the_right(db, role, endpoint):
    # Guards the matrix above: its refusals mean something only if the same request can succeed.
    import json

    from ansinh.accounts.actions import do_create_api_token

    if role.startswith("approver"):  # of thị xã Đức Phổ as it stood before the 2025 reform, over Phổ An's 2025S1 report
        from datetime import date

        user = get_user_model().objects.create_user("approver")
        RoleAssignment.objects.create(user=user, role=Role.APPROVER, unit=get_unit("534", date(2024, 6, 1)))
    else:
        user = make_user("officer", Role.COMMUNE_OFFICER, COMMUNE)
    method, url, payload = api_endpoints()[endpoint]
    token = do_create_api_token(name="matrix", acting_user=user)[1]
    before = snapshot()
    response = getattr(Client(), method)(url, json.dumps(payload), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200, response.content
    assert snapshot() != before
