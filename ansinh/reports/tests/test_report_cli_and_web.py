"""`ansinh report build` and the report page of the web app: files written, errors named, no writes."""

import json

import pytest
from click.testing import CliRunner
from django.urls import reverse
from openpyxl import load_workbook

from ansinh.cli.main import cli
from ansinh.datavalues.models import DataValue
from ansinh.reports.tests.docx_reading import open_docx, target_table


def test_cli_builds_the_word_report_and_the_annex_and_prints_its_snapshot(db, tmp_path):
    out, annex = tmp_path / "bc.docx", tmp_path / "phu-luc.xlsx"
    result = CliRunner().invoke(cli, ["report", "build", "duc-pho-42", "--type", "annual", "--period", "2025", "--unit", "534",
                                      "--out", str(out), "--xlsx", str(annex), "--number", "12", "--date", "05/02/2026", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["targets"] == 34 and sum(summary["statuses"].values()) == 34
    assert summary["snapshot"]["data_years"] == [2023, 2024, 2025] and summary["snapshot"]["task_periods"] == ["2025S1", "2025S2"]
    document = open_docx(out.read_bytes())
    assert document.tables[0].rows[0].cells[0].paragraphs[-1].text == "Số 12-BC/TU"
    assert document.tables[0].rows[0].cells[1].paragraphs[-1].text == "Đức Phổ, ngày 05 tháng 02 năm 2026"
    assert load_workbook(annex).sheetnames == ["Chỉ tiêu", "Theo đơn vị", "Thông tin"]


def test_cli_human_output_is_vietnamese(db, tmp_path):
    result = CliRunner().invoke(cli, ["report", "build", "duc-pho-42", "--period", "2025", "--unit", "534", "--out", str(tmp_path / "a.docx")])
    assert result.exit_code == 0 and "Đã ghi" in result.output and "Tình trạng chỉ tiêu:" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2035", "--unit", "534"], "period: năm 2035 nằm ngoài thời gian của chương trình (2024–2030)"),
        (["--type", "six-month", "--period", "2025", "--unit", "534"], "period: kỳ '2025' không đúng dạng báo cáo 6 tháng"),
        (["--period", "2025", "--unit", "99999"], "unit: không có đơn vị hành chính mã 99999"),
        (["--period", "2025", "--unit", "534", "--date", "31/02/2026"], "ngày '31/02/2026' không hợp lệ"),
    ],
)
def test_cli_refuses_bad_input_with_the_field_named_and_writes_no_file(db, tmp_path, args, message):
    out = tmp_path / "bc.docx"
    result = CliRunner().invoke(cli, ["report", "build", "duc-pho-42", *args, "--out", str(out)])
    assert result.exit_code != 0 and message in result.output and not out.exists()


def test_report_page_needs_a_login(client, db):
    response = client.get(reverse("web:report", args=["duc-pho-42"]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_program_page_links_to_the_report_page_and_shows_the_status_chart(admin_client):
    page = admin_client.get("/programs/duc-pho-42/").content.decode()
    assert reverse("web:report", args=["duc-pho-42"]) in page and "status-chart.svg?year=" in page
    svg = admin_client.get(reverse("web:status-chart", args=["duc-pho-42"]), {"year": 2025})
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert admin_client.get(reverse("web:status-chart", args=["duc-pho-42"]), {"year": "abc"}).status_code == 400


def test_report_page_offers_the_types_and_the_units_in_vietnamese(admin_client):
    page = admin_client.get(reverse("web:report", args=["duc-pho-42"])).content.decode()
    assert "Báo cáo sơ kết, tổng kết" in page and "Sơ kết giữa kỳ" in page and "Tổng kết" in page
    assert 'value="534"' in page and "Xã Nguyễn Nghiêm (21457)" in page and "Phường Phổ Văn (21451)" in page


def test_report_download_as_word_and_excel_reads_only(admin_client):
    values_before = DataValue.objects.count()
    url = reverse("web:report", args=["duc-pho-42"])
    word = admin_client.get(url, {"type": "annual", "period": "2025", "unit": "534", "format": "docx"})
    assert word.status_code == 200 and word["Content-Disposition"] == 'attachment; filename="bao-cao-duc-pho-42-annual-2025-534.docx"'
    table = target_table(open_docx(word.content))
    assert sum(1 for row in table.rows if row.cells[0].text.isdigit()) == 34
    excel = admin_client.get(url, {"type": "annual", "period": "2025", "unit": "534", "format": "xlsx"})
    assert excel.status_code == 200 and excel["Content-Disposition"].endswith('-phu-luc.xlsx"')
    assert DataValue.objects.count() == values_before


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "annual", "period": "20x5", "unit": "534"}, "kỳ &#x27;20X5&#x27; không đúng dạng năm"),
        ({"type": "monthly", "period": "2025", "unit": "534"}, "loại báo cáo &#x27;monthly&#x27; không có"),
        ({"type": "annual", "period": "2025", "unit": "00000"}, "không có đơn vị hành chính mã 00000"),
        ({"type": "annual", "period": "2025", "unit": "534", "format": "exe"}, "định dạng &#x27;exe&#x27; không có"),
    ],
)
def test_report_page_refuses_bad_input_with_a_vietnamese_message(admin_client, params, message):
    response = admin_client.get(reverse("web:report", args=["duc-pho-42"]), {"format": "docx", **params})
    assert response.status_code == 400 and message in response.content.decode()


def test_a_user_without_any_role_cannot_build_a_report(client, db):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(username="khong-vai-tro", password="mat-khau-thu-nghiem-2026")
    client.force_login(get_user_model().objects.get(username="khong-vai-tro"))
    response = client.get(reverse("web:report", args=["duc-pho-42"]), {"type": "annual", "period": "2025", "unit": "534"})
    assert response.status_code == 403


def test_report_page_in_english(admin_client):
    admin_client.cookies["django_language"] = "en"
    page = admin_client.get(reverse("web:report", args=["duc-pho-42"])).content.decode()
    assert "Interim and final review reports" in page and "Download the report" in page
