"""The audit log: every write with who, when, channel, old and new value; system administrators
only; searchable; exportable; nothing on it writes."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from ansinh.datavalues.actions import ValueEntry, do_set_data_values
from ansinh.datavalues.models import DataValue

URL = reverse("web:audit")


@pytest.fixture
def corrected_value(commune_officer):
    value = DataValue.objects.select_related("data_element", "unit").filter(unit__code="21457", period="2026S1").first()
    do_set_data_values([ValueEntry(value.data_element, value.unit, value.period, value.value + 7)], acting_user=commune_officer, channel="web")
    return value


def test_an_administrator_sees_who_changed_what_from_what(admin_client, corrected_value):
    page = admin_client.get(URL, {"user": "can-bo-nguyen-nghiem"}).content.decode()
    old, new = corrected_value.value, corrected_value.value + 7
    assert "can-bo-nguyen-nghiem" in page and "web" in page and "sửa" in page
    assert f"{old} → {new}" in page or f"{Decimal(old):.4f} → {Decimal(new):.4f}" in page


def test_the_log_filters_by_kind_and_dates_and_refuses_a_bad_date(admin_client, corrected_value):
    values = admin_client.get(URL, {"model": "datavalues_datavalue"}).content.decode().split("<tbody>")[1]
    roles = admin_client.get(URL, {"model": "accounts_roleassignment"}).content.decode().split("<tbody>")[1]
    assert "số liệu #" in values and "số liệu #" not in roles and "#" in roles
    none = admin_client.get(URL, {"until": "2000-01-01"}).content.decode()
    assert "Không có lần ghi nào khớp." in none
    bad = admin_client.get(URL, {"since": "29/11/2026"})
    assert bad.status_code == 400 and "since: ngày &#x27;29/11/2026&#x27; phải có dạng YYYY-MM-DD" in bad.content.decode()
    assert admin_client.get(URL, {"model": "khong_co"}).status_code == 400


def test_the_log_exports_as_csv_with_old_and_new_values(admin_client, corrected_value):
    response = admin_client.get(URL, {"user": "can-bo-nguyen-nghiem", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    change = next(r for r in rows if r["field"] == "giá trị")
    assert Decimal(change["old"]) == corrected_value.value and Decimal(change["new"]) == corrected_value.value + 7
    assert change["user"] == "can-bo-nguyen-nghiem" and change["action"] == "sửa"


@pytest.mark.parametrize("role", ["viewer", "commune_officer", "province_approver"])
def test_only_a_system_administrator_may_read_the_log(request, role):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv"}).status_code == 403


def test_the_log_has_no_way_to_write(admin_client):
    before = DataValue.history.count()
    assert admin_client.post(URL, {"user": "x"}).status_code in (200, 405)
    assert DataValue.history.count() == before
