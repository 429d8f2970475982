"""End to end, as issue 4 describes it: an officer downloads the template, fills it (in
LibreOffice when installed), uploads it, fixes the errors it reports, submits; a town approver
approves and the dashboard figures change. Plus the DHIS2 round trip and the CLI."""

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client
from openpyxl import load_workbook

from ansinh.analytics.selectors import evaluate_program
from ansinh.cli.main import cli
from ansinh.datavalues.actions import do_import_file
from ansinh.datavalues.models import DataValue, Submission
from ansinh.programs.models import Program

PERIOD, COMMUNE = "2026S2", "21457"


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fill(workbook_bytes: bytes, values: dict[str, object]) -> bytes:
    """Type values into the yellow column, as an officer would."""
    book = load_workbook(io.BytesIO(workbook_bytes))
    sheet = next(ws for ws in book.worksheets if ws.sheet_state == "visible" and ws.title != "Hướng dẫn")
    for row in sheet.iter_rows(min_row=1):
        code = row[0].value
        if code in values:
            row[5].value = values[code]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def through_libreoffice(content: bytes, tmp_path: Path) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return content  # the Excel tests cover files that lost LibreOffice-dropped features
    source = tmp_path / "filled.xlsx"
    source.write_bytes(content)
    outdir = tmp_path / "lo"
    subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", str(outdir), str(source)], check=True, timeout=120, capture_output=True)
    return (outdir / "filled.xlsx").read_bytes()


def previous_values() -> dict[str, int]:
    rows = DataValue.objects.filter(unit__code=COMMUNE, period="2026S1", data_element__data_set_link__data_set__code="XA_6THANG")
    return {code: int(value) for code, value in rows.values_list("data_element__code", "value")}


def test_template_fill_upload_fix_submit_approve_and_the_dashboard_changes(commune_officer, province_approver, tmp_path):
    officer, approver = logged_in(commune_officer), logged_in(province_approver)
    program = Program.objects.get(code="duc-pho-42")
    before = {t["target"]: t for t in evaluate_program(program, COMMUNE, 2026)["targets"]}["T28"]

    # Given the pre-filled template the officer downloads
    response = officer.get(f"/data/XA_6THANG/{COMMUNE}/{PERIOD}/template.xlsx")
    assert response.status_code == 200 and response["Content-Disposition"].endswith(f'XA_6THANG_{COMMUNE}_{PERIOD}.xlsx"')
    # When it is filled with one mistake (unemployed above the labour force) and uploaded
    values = previous_values() | {"NHA_TAM": 0}
    wrong = through_libreoffice(fill(response.content, values | {"THAT_NGHIEP": values["LLLD"] + 5}), tmp_path)
    page = officer.post("/data/upload/", {"file": _upload("xa-nguyen-nghiem.xlsx", wrong)})
    # Then it is refused with the sheet, row and column of the mistake, and nothing is written
    assert page.status_code == 400
    text = page.content.decode()
    assert "Tệp bị từ chối" in text and "lớn hơn Lực lượng lao động" in text and "cột F" in text
    assert not DataValue.objects.filter(unit__code=COMMUNE, period=PERIOD).exists()
    # When the officer fixes it and uploads again
    fixed = through_libreoffice(fill(response.content, values), tmp_path)
    assert officer.post("/data/upload/", {"file": _upload("xa-nguyen-nghiem.xlsx", fixed)}).status_code == 200
    # and submits the report from the form
    officer.post(f"/data/XA_6THANG/{COMMUNE}/{PERIOD}/", {"action": "submit", **_form_fields(values)})
    assert Submission.objects.get(unit__code=COMMUNE, period=PERIOD, data_set__code="XA_6THANG").status == "submitted"
    # Then the approver approves it
    approver.post(f"/reporting/XA_6THANG/{PERIOD}/{COMMUNE}/decide/", {"action": "approve"})
    assert Submission.objects.get(unit__code=COMMUNE, period=PERIOD, data_set__code="XA_6THANG").status == "approved"
    # and the dashboard figure for 2026 now uses the second half-year
    after = {t["target"]: t for t in evaluate_program(program, COMMUNE, 2026)["targets"]}["T28"]
    assert after["value"] == 0 and before["value"] != 0
    history = DataValue.objects.get(unit__code=COMMUNE, period=PERIOD, data_element__code="NHA_TAM").history.first()
    assert history.history_change_reason == "tệp xa-nguyen-nghiem.xlsx"


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _form_fields(values: dict[str, int]) -> dict[str, str]:
    fields = {}
    for code, amount in values.items():
        fields[f"value-{code}"] = str(amount)
        fields[f"version-{code}"] = "1"
    return fields


def test_a_zip_of_commune_workbooks_imports_in_one_step(province_approver, db, django_user_model):
    from ansinh.accounts.models import RoleAssignment
    from ansinh.orgunits.selectors import get_unit

    admin = django_user_model.objects.create_user("quan-tri")
    RoleAssignment.objects.create(user=admin, role="system_admin")
    workbook = logged_in(province_approver).get(f"/data/XA_6THANG/{COMMUNE}/{PERIOD}/template.xlsx").content
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("xa/nguyen-nghiem.xlsx", fill(workbook, previous_values()))
    report = do_import_file(archive.getvalue(), "cac-xa.zip", acting_user=admin)
    assert report.errors == [] and report.created == 33
    assert get_unit(COMMUNE).data_values.filter(period=PERIOD).count() == 33


def test_a_zip_with_a_path_traversal_name_is_refused_and_writes_nothing(commune_officer):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../etc/x.xlsx", b"not really")
    report = do_import_file(archive.getvalue(), "xau.zip", acting_user=commune_officer)
    assert report.errors and not DataValue.objects.filter(period=PERIOD).exists()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("anh.png", b"\x89PNG\r\n", "định dạng tệp '.png' không hỗ trợ"),
    ("rong.csv", b"", "tệp rong.csv"),
    ("lon.xlsx", b"0" * (50 * 1024 * 1024), "vượt giới hạn 45 MB"),
])
def test_unsupported_empty_or_oversized_files_get_a_clear_message(commune_officer, name, content, message):
    report = do_import_file(content, name, acting_user=commune_officer)
    assert any(message in error for error in report.errors), report.errors


def test_dhis2_json_exported_by_the_system_reimports_to_identical_values(db, django_user_model, tmp_path):
    from ansinh.accounts.models import RoleAssignment

    admin = django_user_model.objects.create_user("quan-tri-dhis2")
    RoleAssignment.objects.create(user=admin, role="system_admin")
    runner = CliRunner()
    out = tmp_path / "2025S1.json"
    result = runner.invoke(cli, ["data", "export", "--format", "dhis2", "--data-set", "XA_6THANG", "--period", "2025S1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    before = dict(DataValue.objects.filter(period="2025S1", data_element__data_set_link__data_set__code="XA_6THANG").values_list("id", "value"))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["dataValues"]) == len(before) == 15 * 33
    first = do_import_file(out.read_bytes(), out.name, acting_user=admin)
    assert first.errors == [] and first.created == 0
    after = dict(DataValue.objects.filter(period="2025S1", data_element__data_set_link__data_set__code="XA_6THANG").values_list("id", "value"))
    assert after == before
    again = do_import_file(out.read_bytes(), out.name, acting_user=admin)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(before))


def test_cli_import_dry_run_json_reports_every_error(commune_officer, tmp_path, monkeypatch):
    csv = tmp_path / "sai.csv"
    csv.write_text("data_element,period,org_unit,category,value,comment\nNHA_TAM,2026S2,21457,,-3,\nKHONG_CO,2026S2,21457,,1,\n", encoding="utf-8")
    monkeypatch.setenv("ANSINH_USER", commune_officer.username)
    result = CliRunner().invoke(cli, ["data", "import", str(csv), "--dry-run", "--json"])
    summary = json.loads(result.output)
    assert result.exit_code == 1 and summary["refused"] == 2 and summary["dry_run"] is True
    assert any("dòng 3" in e and "KHONG_CO" in e for e in summary["errors"])
    assert not DataValue.objects.filter(period=PERIOD).exists()


def test_cli_template_writes_one_sheet_per_commune(db, tmp_path):
    out = tmp_path / "mau.xlsx"
    result = CliRunner().invoke(cli, ["data", "template", "--data-set", "XA_6THANG", "--unit", "534", "--period", "2025S1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert len([ws for ws in book.worksheets if ws.sheet_state == "visible"]) == 1 + 15


def test_cli_status_json_lists_every_commune(db):
    result = CliRunner().invoke(cli, ["data", "status", "--data-set", "XA_6THANG", "--unit", "534", "--period", "2025S1", "--json"])
    data = json.loads(result.output)
    assert (data["expected"], data["due_date"], len(data["rows"])) == (15, "2025-06-19", 15)
