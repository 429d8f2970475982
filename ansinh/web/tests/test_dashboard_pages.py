"""The dashboard pages through Django's test client: overview, filters, unit and year switches, the
target page with its ranking, chart and downloads, and bad queries refused in Vietnamese."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ansinh.analytics.selectors import evaluate_program
from ansinh.core.vnformat import format_number
from ansinh.programs.models import Program

OVERVIEW = reverse("web:overview", args=["duc-pho-42"])


def _target_url(code, name="web:target"):
    return reverse(name, args=["duc-pho-42", code])


def _api(unit="534", year=2025):
    return {row["target"]: row for row in evaluate_program(Program.objects.get(code="duc-pho-42"), unit, year)["targets"]}


@pytest.mark.parametrize("url", [OVERVIEW, "/programs/duc-pho-42/targets/T02/", "/programs/duc-pho-42/targets/T02/data.csv"])
def test_dashboard_pages_need_a_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_overview_shows_every_target_with_the_api_value_status_and_counts(admin_client):
    page = admin_client.get(OVERVIEW, {"year": 2025}).content.decode()
    api = _api()
    rows = re.findall(r'<tr data-target="(T\d\d)">(.*?)</tr>', page, re.S)
    assert len(rows) == 34
    for code, html in rows:
        expected = api[code]
        assert f'<span class="badge status-{expected["status"]}">{expected["status_vi"]}</span>' in html
        if expected["value"] is not None:
            assert f"{format_number(expected['value'])} {expected['unit']}" in html
    off_track = sum(r["status"] == "off_track" for r in api.values())
    assert f"Khó đạt: <strong>{off_track}</strong>" in page
    assert "An sinh xã hội và lao động" in page and "Nhà ở, nước sạch và vệ sinh môi trường" in page


def test_overview_filters_by_status_area_and_body(admin_client):
    api = _api()
    page = admin_client.get(OVERVIEW, {"year": 2025, "status": "off_track"}).content.decode()
    shown = set(re.findall(r'<tr data-target="(T\d\d)">', page))
    assert shown == {code for code, row in api.items() if row["status"] == "off_track"}
    page = admin_client.get(OVERVIEW, {"year": 2025, "area": "giao-duc-y-te"}).content.decode()
    assert set(re.findall(r'<tr data-target="(T\d\d)">', page)) == {f"T{n}" for n in range(11, 27)}
    page = admin_client.get(OVERVIEW, {"year": 2025, "status": "achieved", "area": "nha-o-nuoc-sach-ve-sinh"}).content.decode()
    assert set(re.findall(r'<tr data-target="(T\d\d)">', page)) == {c for c, r in api.items() if r["status"] == "achieved" and int(c[1:]) >= 27}


def test_overview_of_a_commune_compares_with_the_town(admin_client):
    page = admin_client.get(OVERVIEW, {"unit": "21457", "year": 2026}).content.decode()
    assert "Tổng quan tiến độ: Xã Nguyễn Nghiêm, 2026" in page and '<th scope="col" class="num">Thị xã Đức Phổ</th>' in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "1999"}, "year: năm &#x27;1999&#x27; không hợp lệ"),
        ({"year": "abc"}, "year: năm &#x27;abc&#x27; không hợp lệ"),
        ({"year": "²"}, "year: năm &#x27;²&#x27; không hợp lệ"),  # a digit to str.isdigit, none to int()
        ({"unit": "99999"}, "unit: không có đơn vị hành chính mã 99999"),
        ({"status": "great"}, "status: tình trạng &#x27;great&#x27; không có"),
        ({"area": "none"}, "area: lĩnh vực &#x27;none&#x27; không có"),
    ],
)
def test_overview_refuses_bad_queries_in_vietnamese(admin_client, params, message):
    response = admin_client.get(OVERVIEW, params)
    assert response.status_code == 400 and message in response.content.decode()


def test_target_page_tells_the_story_and_ranks_the_communes(admin_client):
    page = admin_client.get(_target_url("T02"), {"year": 2024}).content.decode()
    row = _api(year=2024)["T02"]
    assert row["explanation_vi"] in page and "Cần giảm bình quân" in page
    assert f'<strong class="value">{format_number(row["value"])} %</strong>' in page
    ranking = re.findall(r'<tr><td class="num">(\d+)</td><td><a href="[^"]+">([^<]+)</a> \((\d+)\)</td><td class="num">([\d.,]+)</td>', page)
    assert len(ranking) == 15 and [int(r[0]) for r in ranking] == list(range(1, 16))
    values = [float(r[3].replace(".", "").replace(",", ".")) for r in ranking]
    assert values == sorted(values)  # unemployment: lowest first
    worst = re.search(r'<ol class="worst">(.*?)</ol>', page, re.S).group(1)
    assert ranking[-1][1] in worst.split("</li>")[0]
    assert "NHAP_" not in page and "Số liệu đầu vào" in page and "Nhiệm vụ phục vụ chỉ tiêu" in page


def test_target_chart_svg_and_png(admin_client):
    svg = admin_client.get(reverse("web:target-chart", args=["duc-pho-42", "T02", "svg"]))
    png = admin_client.get(reverse("web:target-chart", args=["duc-pho-42", "T02", "png"]), {"download": 1})
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert png.content.startswith(b"\x89PNG") and png["Content-Disposition"].endswith('.png"')


def test_target_downloads_hold_the_same_numbers_as_the_api(admin_client):
    program = Program.objects.get(code="duc-pho-42")
    town = _api(year=2024)["T02"]
    response = admin_client.get(reverse("web:target-data", args=["duc-pho-42", "T02", "csv"]), {"year": 2024})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    own = {int(r["year"]): float(r["value"]) for r in rows if r["unit_code"] == "534"}
    assert own == {p["year"]: p["value"] for p in town["series"] if p["value"] is not None}
    phu_an = {int(r["year"]): float(r["value"]) for r in rows if r["unit_code"] == "21442"}
    commune = next(r for r in evaluate_program(program, "21442", 2024)["targets"] if r["target"] == "T02")
    assert phu_an == {p["year"]: p["value"] for p in commune["series"] if p["value"] is not None}
    workbook = load_workbook(io.BytesIO(admin_client.get(reverse("web:target-data", args=["duc-pho-42", "T02", "xlsx"]), {"year": 2024}).content))
    values = [row[6] for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    assert len(values) == len(rows) and all(isinstance(v, float) for v in values)


def test_target_page_of_a_qualitative_target_and_an_unknown_target(admin_client):
    page = admin_client.get(_target_url("T09")).content.decode()
    assert "Chỉ tiêu định tính" in page and "Chưa đủ dữ liệu" in page
    assert admin_client.get(_target_url("T99")).status_code == 404
    assert admin_client.get("/programs/duc-pho-42/targets/T02/chart.gif").status_code == 404


def test_a_user_without_any_role_sees_no_dashboard(client, db):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(username="khong-vai-tro", password="mat-khau-thu-nghiem-2026")
    client.force_login(get_user_model().objects.get(username="khong-vai-tro"))
    for url in (OVERVIEW, _target_url("T02"), reverse("web:target-data", args=["duc-pho-42", "T02", "csv"])):
        assert client.get(url).status_code == 403


def test_overview_in_english_keeps_vietnamese_numbers(admin_client):
    admin_client.cookies["django_language"] = "en"
    page = admin_client.get(OVERVIEW, {"year": 2025}).content.decode()
    assert "Progress overview" in page and "92,78 %" in page


def test_every_response_says_how_long_the_server_took(admin_client):
    timing = admin_client.get(OVERVIEW)["Server-Timing"]
    assert re.fullmatch(r"app;dur=\d+\.\d", timing)


def test_the_unit_list_holds_the_units_of_the_chosen_year(admin_client):
    before = admin_client.get(OVERVIEW, {"year": 2024}).content.decode()
    after = admin_client.get(OVERVIEW, {"year": 2026}).content.decode()
    assert "Xã Phổ Nhơn (21457)" in before and "Xã Nguyễn Nghiêm (21457)" not in before
    assert "Xã Nguyễn Nghiêm (21457)" in after and "Xã Phổ Nhơn (21457)" not in after


def test_a_commune_page_shows_its_reports_due_and_the_communes_tasks(admin_client):
    page = admin_client.get(OVERVIEW, {"unit": "21457", "year": 2026}).content.decode()
    assert "Tình hình báo cáo số liệu của đơn vị" in page and "/data/XA_6THANG/21457/2026S2/" in page
    tasks = re.findall(r'<a href="/programs/duc-pho-42/tasks/([^/]+)/">', page.split('id="commune-tasks"')[1])
    assert tasks == ["9.2", "9.3", "IV.2"]  # those the "Các đảng ủy xã, phường" carry out, not "thị xã" or "xã hội" bodies
    town = admin_client.get(OVERVIEW, {"year": 2026}).content.decode()
    assert 'id="commune-tasks"' not in town
