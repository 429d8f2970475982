"""The web shell: login, program page, unit page, Vietnamese by default, English on request."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@pytest.mark.parametrize("url", ["/", "/programs/duc-pho-42/", "/units/534/"])
def test_pages_require_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_login_page_is_vietnamese_and_logs_the_demo_admin_in(client, db):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in page and "Tên đăng nhập" in page and "Mật khẩu" in page
    response = client.post(reverse("login"), {"username": "admin", "password": "ansinh-demo-2026"})
    assert response.status_code == 302
    assert "Đăng xuất" in client.get("/").content.decode()


def test_wrong_password_gets_a_vietnamese_message(client, db):
    page = client.post(reverse("login"), {"username": "admin", "password": "sai"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page


def test_home_lists_the_program_and_labels_sample_data(admin_client):
    page = admin_client.get("/").content.decode()
    assert "duc-pho-42" in page and "Thị ủy Đức Phổ" in page
    assert "Dữ liệu mẫu" in page


def test_program_page_lists_every_target_with_comparator_source_and_every_task(admin_client):
    page = admin_client.get("/programs/duc-pho-42/").content.decode()
    assert len(re.findall(r"<td>T\d\d</td>", page)) == 34
    assert "&lt; 2 %" in page and "35–40 %" in page and "≈ 75 tuổi" in page and "&gt; 95 %" in page and "≥ 99,5 %" in page
    assert "<q>Tỷ lệ thất nghiệp chung dưới 2%</q>" in page
    for number in ["1", "9", "9.1", "9.2", "9.3", "IV.5"]:
        assert f'<a href="/programs/duc-pho-42/tasks/{number}/">{number}</a>' in page
    assert "Ban Thường vụ Thị ủy Đức Phổ" in page and "Thường xuyên" in page and "Năm 2024 và các năm tiếp theo" in page


def test_unknown_program_is_404(admin_client):
    assert admin_client.get("/programs/khong-co/").status_code == 404


def test_unit_page_shows_both_units_of_code_21439_and_the_tree_on_a_date(admin_client):
    page = admin_client.get("/units/21439/?on=2024-06-01").content.decode()
    assert "Phường Nguyễn Nghiêm" in page and "Phường Đức Phổ" in page and "Nghị quyết 1677/NQ-UBTVQH15" in page
    town = admin_client.get("/units/534/?on=2024-06-01").content.decode()
    assert town.count('<li><a href="/units/214') == 15
    assert "01/06/2024" in town


def test_unit_page_for_a_date_when_the_code_did_not_exist(admin_client):
    page = admin_client.get("/units/534/?on=2026-01-01").content.decode()
    assert "Không có đơn vị nào mang mã này vào ngày đã chọn." in page


def test_english_is_available_through_the_language_switch(admin_client):
    admin_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = admin_client.get("/programs/duc-pho-42/").content.decode()
    assert '<html lang="en">' in page and "Lead body" in page and "Sample data" in page


def test_a_browser_installed_in_english_still_gets_vietnamese(admin_client):
    page = admin_client.get("/programs/duc-pho-42/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in page and "Dữ liệu mẫu" in page


def test_an_unknown_language_in_the_cookie_falls_back_to_vietnamese(admin_client):
    admin_client.cookies["django_language"] = "fr"
    page = admin_client.get("/programs/duc-pho-42/").content.decode()
    assert '<html lang="vi">' in page


def test_templates_load_nothing_from_outside_the_app():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), template


def test_the_stylesheet_is_served_locally(admin_client):
    from django.contrib.staticfiles import finders

    assert finders.find("web/ansinh.css")


def test_program_page_shows_per_task_the_status_of_its_targets_and_the_latest_reports(admin_client):
    page = admin_client.get("/programs/duc-pho-42/").content.decode()
    assert "T21: Đi lùi" in page  # task 6 serves health insurance, regressing in the demo
    assert "Ban Tuyên giáo Thị ủy Đức Phổ (2026S" in page


def test_not_found_pages_speak_vietnamese(admin_client, settings):
    settings.DEBUG = False
    response = admin_client.get("/programs/khong-co/")
    assert response.status_code == 404 and "Không tìm thấy trang" in response.content.decode()


@pytest.mark.parametrize("url", ["/accounts/login/", "/public/duc-pho-42/", "/api/v1/openapi.json"])
def test_every_response_carries_a_strict_content_security_policy(client, db, url):
    policy = client.get(url)["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_a_request_in_english_does_not_leave_english_active_for_what_runs_next(admin_client):
    from django.utils import translation

    admin_client.cookies["django_language"] = "en"
    assert "Log out" in admin_client.get("/").content.decode()
    assert translation.get_language() == "vi"
