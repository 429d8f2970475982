"""The web entry form and the reporting-status page, as an officer and an approver use them."""

import pytest
from django.test import Client

from ansinh.datavalues.models import DataValue, Submission
from ansinh.indicators.models import DataSet

PERIOD, COMMUNE = "2026S2", "21457"
FORM = f"/data/XA_6THANG/{COMMUNE}/{PERIOD}/"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def previous_values() -> dict[str, int]:
    codes = DataSet.objects.get(code="XA_6THANG").elements.values_list("code", flat=True)
    rows = DataValue.objects.filter(unit__code=COMMUNE, period="2026S1", data_element__code__in=codes)
    return {code: int(value) for code, value in rows.values_list("data_element__code", "value")}


def post_data(values: dict[str, object], action="save", versions=None) -> dict[str, str]:
    data = {"action": action}
    for code, value in values.items():
        data[f"value-{code}"] = str(value)
        data[f"version-{code}"] = str((versions or {}).get(code, 0))
    return data


def test_the_form_lists_every_element_with_last_periods_value(commune_officer):
    page = logged_in(commune_officer).get(FORM).content.decode()
    assert page.count('class="value"') == 33
    assert "Kỳ trước (2026S1)" in page and "Lưu nháp" in page and "6 tháng cuối năm 2026" in page


def test_saving_a_draft_writes_values_through_the_web_channel(commune_officer):
    response = logged_in(commune_officer).post(FORM, post_data(previous_values()))
    assert response.status_code == 302
    value = DataValue.objects.get(unit__code=COMMUNE, period=PERIOD, data_element__code="DAN_SO")
    assert value.history.get().history_change_reason == "web form"
    assert Submission.objects.get(unit__code=COMMUNE, period=PERIOD).status == "draft"


def test_an_error_is_shown_beside_its_field_and_nothing_is_saved(commune_officer):
    values = previous_values() | {"THAT_NGHIEP": values_above_labour()}
    response = logged_in(commune_officer).post(FORM, post_data(values))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-THAT_NGHIEP"' in page and "lớn hơn Lực lượng lao động" in page
    assert f'value="{values["THAT_NGHIEP"]}"' in page  # what the officer typed is kept
    assert not DataValue.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()


def values_above_labour() -> int:
    return previous_values()["LLLD"] + 1


def test_save_and_submit_then_the_form_is_read_only(commune_officer):
    client = logged_in(commune_officer)
    client.post(FORM, post_data(previous_values(), action="submit"))
    assert Submission.objects.get(unit__code=COMMUNE, period=PERIOD).status == "submitted"
    page = client.get(FORM).content.decode()
    assert "Lưu nháp" not in page and "readonly" in page


def test_another_communes_officer_is_refused_and_nothing_changes(other_commune_officer):
    response = logged_in(other_commune_officer).post(FORM, post_data(previous_values()))
    assert response.status_code == 403
    assert not DataValue.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()


def test_a_stale_form_is_refused_with_the_other_persons_value(commune_officer):
    client = logged_in(commune_officer)
    values = previous_values()
    client.post(FORM, post_data(values))  # version 1 everywhere
    client.post(FORM, post_data(values | {"NHA_TAM": values["NHA_TAM"] + 1}, versions={code: 1 for code in values}))
    stale = client.post(FORM, post_data(values | {"NHA_TAM": values["NHA_TAM"] + 2}, versions={code: 1 for code in values}))
    assert stale.status_code == 400
    assert f"đã sửa thành {values['NHA_TAM'] + 1}" in stale.content.decode()


def test_the_reporting_page_lists_the_communes_and_the_approver_approves(commune_officer, province_approver):
    logged_in(commune_officer).post(FORM, post_data(previous_values(), action="submit"))
    approver = logged_in(province_approver)
    page = approver.get(f"/reporting/XA_6THANG/{PERIOD}/51/").content.decode()
    assert "Đã gửi: <strong>1/96</strong>" in page and "Xã Nguyễn Nghiêm" in page
    response = approver.post(f"/reporting/XA_6THANG/{PERIOD}/{COMMUNE}/decide/", {"action": "approve", "back": f"/reporting/XA_6THANG/{PERIOD}/51/"})
    assert response.status_code == 302
    assert Submission.objects.get(unit__code=COMMUNE, period=PERIOD).status == "approved"


@pytest.mark.parametrize("action", ["approve", "return", "excuse", "reopen"])
def test_a_commune_officer_cannot_decide_on_reports(commune_officer, action):
    logged_in(commune_officer).post(FORM, post_data(previous_values(), action="submit"))
    response = logged_in(commune_officer).post(f"/reporting/XA_6THANG/{PERIOD}/{COMMUNE}/decide/", {"action": action, "reason": "x"})
    assert response.status_code == 403
    assert Submission.objects.get(unit__code=COMMUNE, period=PERIOD).status == "submitted"


def test_my_reports_lists_the_forms_of_the_officers_commune(commune_officer):
    page = logged_in(commune_officer).get("/data/").content.decode()
    assert FORM in page and "Xã Nguyễn Nghiêm" in page
