"""The API, endpoint by endpoint: what each returns to a user who may, and the refusal (with the
one error shape and a Vietnamese message) for one who may not. The matrix of every role against
every write endpoint is in tests/test_permission_matrix.py."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ansinh.accounts.actions import do_create_api_token
from ansinh.accounts.models import ApiToken, Role, RoleAssignment
from ansinh.analytics.selectors import evaluate_program
from ansinh.datavalues.models import DataValue, Submission
from ansinh.programs.models import Body, Program
from ansinh.tasks.models import TaskReport

API = "/api/v1"
CELL = f"{API}/datavalues/NHA_TAM/21457/2026S2"


def api_client(user) -> Client:
    """A client that authenticates with a fresh personal token of `user`, as a script would."""
    _row, token = do_create_api_token(name="kiểm thử", acting_user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def put(client, url, data, **headers):
    return client.put(url, json.dumps(data), content_type="application/json", **headers)


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def assert_error(response, status, code, words=""):
    body = response.json()
    assert response.status_code == status, body
    assert body["code"] == code and isinstance(body["message"], str) and isinstance(body["problems"], list)
    assert words in json.dumps(body, ensure_ascii=False)


# --- authentication ---------------------------------------------------------------------------


def test_no_token_is_401_with_the_error_shape(db):
    assert_error(Client().get(f"{API}/programs"), 401, "not_authenticated", "khóa API")


def test_a_wrong_or_revoked_token_is_401_and_last_use_is_recorded(viewer):
    assert_error(Client(HTTP_AUTHORIZATION="Bearer ansinh_sai").get(f"{API}/programs"), 401, "not_authenticated")
    row, token = do_create_api_token(name="cổng tỉnh", acting_user=viewer)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get(f"{API}/programs").status_code == 200
    row.refresh_from_db()
    assert row.last_used_at is not None and token not in str(ApiToken.objects.values_list())  # stored hashed
    assert post(client, f"{API}/tokens/{row.pk}/revoke").status_code == 200
    assert_error(client.get(f"{API}/programs"), 401, "not_authenticated")


def test_a_user_without_any_role_is_403(db):
    from django.contrib.auth import get_user_model

    assert_error(api_client(get_user_model().objects.create_user("khong-vai-tro")).get(f"{API}/programs"), 403, "permission_denied")


def test_session_writes_need_the_csrf_token(commune_officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(commune_officer)
    assert client.get(f"{API}/programs").status_code == 200  # reads: the session is enough
    response = put(client, CELL, {"value": "3"})
    assert response.status_code in (401, 403) and not DataValue.objects.filter(unit__code="21457", period="2026S2").exists()


# --- reads ------------------------------------------------------------------------------------


def test_units_tree_and_lineage(viewer):
    client = api_client(viewer)
    tree = client.get(f"{API}/units/534", {"on": "2024-06-01"}).json()
    assert tree["name"] == "Thị xã Đức Phổ" and len(tree["children"]) == 15
    lineage = client.get(f"{API}/units/21439/lineage").json()
    assert {v["name"] for v in lineage} == {"Phường Nguyễn Nghiêm", "Phường Đức Phổ"}
    assert_error(client.get(f"{API}/units/99999"), 404, "not_found", "99999")
    assert_error(client.get(f"{API}/units/534", {"on": "29/11/2026"}), 400, "invalid", "YYYY-MM-DD")


def test_programs_list_and_detail(viewer):
    client = api_client(viewer)
    (program,) = client.get(f"{API}/programs").json()
    assert (program["code"], program["targets"], program["tasks"]) == ("duc-pho-42", 34, 17)
    detail = client.get(f"{API}/programs/duc-pho-42").json()
    assert len(detail["targets"]) == 34 and detail["issuing_body"] == "Thị ủy Đức Phổ"
    assert_error(client.get(f"{API}/programs/khong-co"), 404, "not_found", "khong-co")


def test_the_indicator_library(viewer):
    rows = api_client(viewer).get(f"{API}/indicators").json()
    unemployment = next(r for r in rows if r["code"] == "TL_THAT_NGHIEP")
    assert (unemployment["numerator"], unemployment["denominator"], unemployment["factor"]) == ("THAT_NGHIEP", "LLLD", 100)


def test_evaluation_equals_the_analytics_and_is_utf8(viewer):
    response = api_client(viewer).get(f"{API}/programs/duc-pho-42/evaluation", {"unit": "534", "year": 2026})
    assert "Thị xã Đức Phổ" in response.content.decode()  # letters, not \\u escapes
    expected = evaluate_program(Program.objects.get(code="duc-pho-42"), "534", 2026)
    assert [(t["target"], t["value"], t["status"]) for t in response.json()["targets"]] == [
        (t["target"], t["value"], t["status"]) for t in expected["targets"]
    ]


@pytest.mark.parametrize(("query", "field"), [({"unit": "534", "year": "abc"}, "query.year"), ({"unit": "534"}, "query.year"), ({"year": 2026}, "query.unit")])
def test_evaluation_refuses_a_bad_query_naming_the_field(viewer, query, field):
    response = api_client(viewer).get(f"{API}/programs/duc-pho-42/evaluation", query)
    assert_error(response, 400, "invalid")
    assert field in [p["field"] for p in response.json()["problems"]]


def test_target_series_ranks_the_units(viewer):
    body = api_client(viewer).get(f"{API}/programs/duc-pho-42/targets/T02/series", {"unit": "534", "year": 2024}).json()
    values = [u["value"] for u in body["ranking"]]
    assert body["ranking_year"] == 2024 and len(values) + len(body["not_reported"]) == 15 and values == sorted(values)


def test_data_values_are_paginated_and_filtered(viewer):
    client = api_client(viewer)
    page = client.get(f"{API}/datavalues", {"dataElement": "DAN_SO", "limit": 5, "offset": 5}).json()
    assert page["count"] == DataValue.objects.filter(data_element__code="DAN_SO").count() and len(page["items"]) == 5
    assert {i["dataElement"] for i in page["items"]} == {"DAN_SO"} and "." not in page["items"][0]["value"]
    one = page["items"][0]
    single = client.get(f"{API}/datavalues/DAN_SO/{one['orgUnit']}/{one['period']}")
    assert single.json()["value"] == one["value"] and single["ETag"] == f'"{one["version"]}"'
    assert_error(client.get(f"{API}/datavalues", {"limit": 5000}), 400, "invalid")


def test_dhis2_export_and_submissions_list(viewer):
    client = api_client(viewer)
    document = client.get(f"{API}/dataValueSets", {"dataSet": "XA_6THANG", "period": "2026S1", "orgUnit": "21457"}).json()
    assert document["dataValues"] and {v["orgUnit"] for v in document["dataValues"]} == {"21457"}
    rows = client.get(f"{API}/submissions", {"dataSet": "XA_6THANG", "period": "2026S1", "orgUnit": "51"}).json()
    assert len(rows) == 96 and {r["status"] for r in rows} == {"not_started"}
    assert_error(client.get(f"{API}/submissions", {"dataSet": "KHONG", "period": "2026S1", "orgUnit": "51"}), 404, "not_found", "KHONG")


def test_task_reports_and_the_report_file(viewer):
    client = api_client(viewer)
    reports = client.get(f"{API}/programs/duc-pho-42/tasks/4/reports").json()
    assert len(reports) == TaskReport.objects.filter(task__number="4").count() > 0
    word = client.get(f"{API}/programs/duc-pho-42/report", {"type": "annual", "period": "2025", "unit": "534"})
    assert word.status_code == 200 and word.content.startswith(b"PK")
    assert_error(client.get(f"{API}/programs/duc-pho-42/report", {"type": "annual", "period": "2040", "unit": "534"}), 400, "invalid", "2040")


# --- writes -----------------------------------------------------------------------------------


def test_put_a_new_value_then_change_it_only_with_the_version_read(commune_officer):
    client = api_client(commune_officer)
    created = put(client, CELL, {"value": "3", "comment": "qua API"})
    assert created.status_code == 200 and created.json()["created"] == 1 and created["ETag"] == '"1"'
    value = DataValue.objects.get(unit__code="21457", period="2026S2", data_element__code="NHA_TAM")
    assert value.value == 3 and value.history.first().history_change_reason == "API"
    assert_error(put(client, CELL, {"value": "4"}), 428, "precondition_required", "If-Match")
    assert_error(put(client, CELL, {"value": "4"}, HTTP_IF_MATCH='"7"'), 412, "conflict", "phiên bản 1")
    assert_error(put(client, CELL, {"value": "4"}, HTTP_IF_MATCH='"²"'), 400, "invalid", "If-Match")  # no int() crash
    changed = put(client, CELL, {"value": "4"}, HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200 and changed["ETag"] == '"2"'
    assert_error(put(client, CELL, {"value": "5"}, HTTP_IF_MATCH='"1"'), 412, "conflict", "phiên bản 2")
    value.refresh_from_db()
    assert (value.value, value.version) == (4, 2)


def test_a_stored_value_of_another_commune_is_refused_for_permission_not_for_a_missing_version(commune_officer, other_commune_officer):
    put(api_client(commune_officer), CELL, {"value": "3"})
    assert_error(put(api_client(other_commune_officer), CELL, {"value": "4"}), 403, "permission_denied", "không có quyền")
    assert_error(put(api_client(commune_officer), f"{API}/datavalues/KHONG_CO/21457/2026S2", {"value": "4"}), 404, "not_found", "KHONG_CO")


@pytest.mark.parametrize(("value", "words"), [("1.234,5", "không phải là số dạng máy"), ("-3", "âm"), ("=1+1", "công thức"), ("abc", "không phải là số")])
def test_put_refuses_a_bad_value_and_writes_nothing(commune_officer, value, words):
    assert_error(put(api_client(commune_officer), CELL, {"value": value}), 400, "invalid", words)
    assert not DataValue.objects.filter(unit__code="21457", period="2026S2").exists()


def test_batch_is_all_or_none_with_every_refused_item_named(commune_officer):
    client = api_client(commune_officer)
    good = {"dataElement": "NHA_TAM", "orgUnit": "21457", "period": "2026S2", "value": "3"}
    bad = {"dataElement": "KHONG_CO", "orgUnit": "21457", "period": "2026S2", "value": "1"}
    foreign = {"dataElement": "NHA_TAM", "orgUnit": "21472", "period": "2026S2", "value": "1"}
    response = post(client, f"{API}/datavalues/batch", {"values": [good, bad]})
    assert_error(response, 400, "invalid", "KHONG_CO")
    assert "mục 2: mã phần tử dữ liệu" in json.dumps(response.json(), ensure_ascii=False)  # items counted from 1
    assert_error(post(client, f"{API}/datavalues/batch", {"values": [good, foreign]}), 403, "permission_denied", "không có quyền")
    assert not DataValue.objects.filter(period="2026S2", data_element__code="NHA_TAM").exists()
    dry = post(client, f"{API}/datavalues/batch?dryRun=true", {"values": [good]}).json()
    assert dry["created"] == 1 and dry["dry_run"] and not DataValue.objects.filter(period="2026S2", unit__code="21457").exists()
    assert post(client, f"{API}/datavalues/batch", {"values": [good]}).json()["created"] == 1
    again = post(client, f"{API}/datavalues/batch", {"values": [good]}).json()
    assert (again["created"], again["unchanged"]) == (0, 1)  # idempotent


def test_batch_with_a_stale_version_is_a_conflict(commune_officer):
    client = api_client(commune_officer)
    item = {"dataElement": "NHA_TAM", "orgUnit": "21457", "period": "2026S2", "value": "3"}
    post(client, f"{API}/datavalues/batch", {"values": [item]})
    put(client, CELL, {"value": "4"}, HTTP_IF_MATCH='"1"')
    assert_error(post(client, f"{API}/datavalues/batch", {"values": [{**item, "value": "9", "version": 1}]}), 409, "conflict", "đã sửa thành 4")


def test_dhis2_import_all_or_none(commune_officer):
    client = api_client(commune_officer)
    document = {"dataValues": [{"dataElement": "NHA_TAM", "period": "2026S2", "orgUnit": "21457", "value": "3"}]}
    assert post(client, f"{API}/dataValueSets", document).json()["created"] == 1
    broken = client.post(f"{API}/dataValueSets", b"{not json", content_type="application/json")
    assert_error(broken, 400, "invalid")


def test_report_workflow_submit_then_approve_by_the_right_people(commune_officer, province_approver):
    officer = api_client(commune_officer)
    assert_error(post(officer, f"{API}/submissions/XA_6THANG/21457/2026S2/submit"), 400, "invalid", "còn thiếu số liệu")
    previous = DataValue.objects.filter(unit__code="21457", period="2026S1", data_element__data_set_link__data_set__code="XA_6THANG")
    items = [{"dataElement": v.data_element.code, "orgUnit": "21457", "period": "2026S2", "value": format(v.value.normalize(), "f")} for v in previous]
    assert post(officer, f"{API}/datavalues/batch", {"values": items}).status_code == 200
    assert post(officer, f"{API}/submissions/XA_6THANG/21457/2026S2/submit").json()["status"] == "submitted"
    assert_error(post(officer, f"{API}/submissions/XA_6THANG/21457/2026S2/approve"), 403, "permission_denied")
    approver = api_client(province_approver)
    assert_error(post(approver, f"{API}/submissions/XA_6THANG/21457/2026S2/return"), 400, "invalid", "lý do")
    assert post(approver, f"{API}/submissions/XA_6THANG/21457/2026S2/approve").json()["status"] == "approved"
    assert_error(put(officer, CELL, {"value": "99"}, HTTP_IF_MATCH='"1"'), 400, "invalid", "đã duyệt")
    assert post(approver, f"{API}/submissions/XA_6THANG/21457/2026S2/reopen", {"reason": "sửa số nhà tạm"}).json()["status"] == "draft"
    assert_error(post(approver, f"{API}/submissions/XA_6THANG/21457/2026S2/bless"), 400, "invalid", "bless")
    assert Submission.history.filter(unit__code="21457", period="2026S2").count() >= 3


def test_a_body_officer_files_a_task_report_and_another_body_cannot(db):
    from django.contrib.auth import get_user_model

    body = Body.objects.get(code="ban-tuyen-giao-thi-uy-duc-pho")
    officer = get_user_model().objects.create_user("tuyen-giao")
    RoleAssignment.objects.create(user=officer, role=Role.BODY_OFFICER, body=body)
    payload = {"body": body.code, "period": "2026S2", "status": "in_progress", "progress_percent": 40, "text": "Đã tổ chức 2 hội nghị"}
    filed = post(api_client(officer), f"{API}/programs/duc-pho-42/tasks/1/reports", payload)
    assert filed.status_code == 200 and filed.json()["submitted_by"] == "tuyen-giao"
    other = get_user_model().objects.create_user("hdnd")
    RoleAssignment.objects.create(user=other, role=Role.BODY_OFFICER, body=Body.objects.get(code="ban-hdnd-thi-xa-duc-pho"))
    assert_error(post(api_client(other), f"{API}/programs/duc-pho-42/tasks/1/reports", payload), 403, "permission_denied", "báo cáo thay")
    assert_error(post(api_client(officer), f"{API}/programs/duc-pho-42/tasks/1/reports", {**payload, "progress_percent": 140}), 400, "invalid")


def test_tokens_are_created_listed_and_only_their_owner_revokes_them(viewer, commune_officer):
    client = api_client(viewer)
    created = post(client, f"{API}/tokens", {"name": "cổng thông tin"}).json()
    assert created["token"].startswith("ansinh_") and created["prefix"] == created["token"][:12]
    assert "token" not in client.get(f"{API}/tokens").json()[0]
    assert_error(post(client, f"{API}/tokens", {"name": "   "}), 400, "invalid", "đặt tên")
    assert_error(post(api_client(commune_officer), f"{API}/tokens/{created['id']}/revoke"), 404, "not_found")
    assert ApiToken.objects.get(pk=created["id"]).revoked_at is None


# --- the schema -------------------------------------------------------------------------------


def test_the_openapi_schema_describes_every_endpoint_and_is_served_without_login(db):
    response = Client().get("/api/schema/", follow=True)
    schema = response.json()
    assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "ansinh API"
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), (method, path)
            assert "400" in operation["responses"] or method == "get", (method, path)
    assert "/api/v1/datavalues/batch" in schema["paths"] and "/api/v1/programs/{code}/evaluation" in schema["paths"]


def test_the_documentation_page_uses_only_local_files(db):
    page = Client().get("/api/docs/", follow=True).content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
