"""The review report built from the demo database: letterhead, every target, every number as the
analytics API gives it, every task group, charts, the annex, reproducibility, PDF where possible."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from docx.shared import Pt
from openpyxl import load_workbook

from ansinh.analytics.selectors import evaluate_program
from ansinh.programs.models import Body, Program
from ansinh.reports import pdf
from ansinh.reports.builder import build_review
from ansinh.reports.selectors import Signing
from ansinh.reports.tests.docx_reading import all_text, open_docx, outline, target_table

GOLDEN = Path(__file__).resolve().parent / "golden"
MOMENT = datetime(2026, 1, 5, 9, 30)


@pytest.fixture
def annual(db):
    return build_review("duc-pho-42", "annual", "2025", "534", generated_at=MOMENT)


def _mm(*lengths) -> tuple[int, ...]:
    return tuple(round(length.mm) for length in lengths)  # Word stores twentieths of a point


def _number(text: str) -> float | None:
    text = text.replace(" (*)", "")
    return None if text == "–" else float(text.replace(".", "").replace(",", "."))


def test_party_letterhead_number_date_title_and_signature(annual):
    document = open_docx(annual.docx)
    head = document.tables[0].rows[0].cells
    assert [p.text for p in head[0].paragraphs] == ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ", "*", "Số      -BC/TU"]
    party_title = head[1].paragraphs[0].runs[0]
    assert party_title.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and party_title.bold and party_title.underline and party_title.font.size == Pt(15)
    place = head[1].paragraphs[-1].runs[0]
    assert place.text == "Đức Phổ, ngày    tháng    năm 2026" and place.italic
    issuer = head[0].paragraphs[1].runs[0]
    assert issuer.bold and issuer.font.size == Pt(14)
    texts = [p.text for p in document.paragraphs]
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.runs[0].font.size == Pt(16)
    assert texts[texts.index("BÁO CÁO") + 1].startswith("Kết quả thực hiện Chương trình hành động số …-CTr/TU của Thị ủy Đức Phổ")
    signature = document.tables[-1].rows[0].cells
    assert signature[0].paragraphs[0].text == "Nơi nhận:" and signature[0].paragraphs[1].text == "- Tỉnh uỷ (báo cáo),"
    assert signature[0].paragraphs[-1].text == "- Lưu VT."
    assert [p.text for p in signature[1].paragraphs][:2] == ["T/M BAN THƯỜNG VỤ", "[CHỨC VỤ NGƯỜI KÝ]"]


def test_page_is_a4_with_party_margins_times_new_roman_14_justified(annual):
    document = open_docx(annual.docx)
    section = document.sections[0]
    assert _mm(section.page_width, section.page_height) == (210, 297)
    assert _mm(section.top_margin, section.bottom_margin, section.left_margin, section.right_margin) == (25, 25, 35, 15)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    assert all(run.font.name in (None, "Times New Roman") for p in document.paragraphs for run in p.runs)
    body = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Chương trình hành động"))
    assert body.alignment == 3  # WD_ALIGN_PARAGRAPH.JUSTIFY
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml


def test_target_table_has_every_target_and_the_numbers_and_statuses_of_the_analytics_api(annual):
    document = open_docx(annual.docx)
    table = target_table(document)
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu 2030", "Năm 2023", "Năm 2024", "Năm 2025", "Đánh giá"]
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:] if row.cells[0].text.isdigit()]
    program = Program.objects.get(code="duc-pho-42")
    api = evaluate_program(program, "534", 2025)["targets"]
    assert len(rows) == program.targets.count() == len(api) == 34
    for row, expected in zip(rows, api, strict=True):
        assert row[1] == expected["name"] and row[-1] == expected["status_vi"]
        series = {p["year"]: p["value"] for p in expected["series"]}
        for year, text in zip((2023, 2024, 2025), row[4:7], strict=True):
            shown, value = _number(text), series.get(year)
            assert (shown is None) == (value is None), (expected["target"], year)
            if value is not None:
                assert shown == pytest.approx(value, abs=0.005), (expected["target"], year)


def test_every_task_group_and_both_charts_are_in_the_report(annual):
    document = open_docx(annual.docx)
    text = all_text(document)
    for task in Program.objects.get(code="duc-pho-42").task_groups.all():
        assert f"\n{task.number}. " in text, task.number
    assert len(document.inline_shapes) == 2
    for heading in ("I. CÔNG TÁC LÃNH ĐẠO", "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG", "V. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in text
    assert "DỮ LIỆU MẪU" in text  # the demo database holds sample values


def test_golden_structure_of_the_annual_report(annual):
    """Headings, table shapes and pictures in order; figures are checked against the API elsewhere.
    After an intended change of layout: rewrite the golden file from `outline()` and review the diff."""
    golden = (GOLDEN / "annual-2025-534.txt").read_text(encoding="utf-8").splitlines()
    assert outline(open_docx(annual.docx)) == golden


def test_the_report_records_its_snapshot_and_rebuilding_gives_the_same_numbers(annual):
    properties = open_docx(annual.docx).core_properties
    assert properties.subject == "duc-pho-42 annual 2025 534"
    assert "generated 2026-01-05T09:30:00" in properties.comments and "data years 2023-2025" in properties.comments
    again = build_review("duc-pho-42", "annual", "2025", "534", generated_at=MOMENT)
    assert all_text(open_docx(again.docx)) == all_text(open_docx(annual.docx))
    first, second = load_workbook(io.BytesIO(annual.xlsx)), load_workbook(io.BytesIO(again.xlsx))
    for name in first.sheetnames:
        assert list(first[name].values) == list(second[name].values)


def test_annex_is_typed_formula_free_and_matches_the_api_for_the_town_and_each_unit(annual):
    workbook = load_workbook(io.BytesIO(annual.xlsx))
    assert workbook.sheetnames == ["Chỉ tiêu", "Theo đơn vị", "Thông tin"]
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith("="))]
    targets = workbook["Chỉ tiêu"]
    header = [c.value for c in targets[4]]
    assert header[6:9] == ["Năm 2023", "Năm 2024", "Năm 2025"]
    program = Program.objects.get(code="duc-pho-42")
    api = {row["target"]: row for row in evaluate_program(program, "534", 2025)["targets"]}
    for row in targets.iter_rows(min_row=5, values_only=True):
        series = {p["year"]: p["value"] for p in api[row[1]]["series"]}
        for year, value in zip((2023, 2024, 2025), row[6:9], strict=True):
            assert value == series.get(year) and (value is None or isinstance(value, float | int))
    assert targets.max_row - 4 == 34 and targets.page_setup.orientation == "landscape" and targets.print_title_rows == "$4:$4"
    by_unit = [row for row in workbook["Theo đơn vị"].iter_rows(min_row=5, values_only=True) if row[0] == "T02"]
    assert len(by_unit) == 1 + 15 + 5  # the town, its 15 communes to 2024, the 5 units of the 2025 reform
    nguyen_nghiem_2024 = next(row for row in by_unit if row[4] == "Phường Nguyễn Nghiêm")
    commune_api = next(r for r in evaluate_program(program, "21439", 2024)["targets"] if r["target"] == "T02")
    assert nguyen_nghiem_2024[6] == next(p["value"] for p in commune_api["series"] if p["year"] == 2024)
    assert nguyen_nghiem_2024[7] is None  # the ward was dissolved in 2025


def test_a_commune_report_has_its_own_party_committee_in_the_letterhead(db):
    built = build_review("duc-pho-42", "annual", "2026", "21457", generated_at=MOMENT, signing=Signing(number=7, day=date(2026, 2, 5)))
    head = open_docx(built.docx).tables[0].rows[0].cells
    assert [p.text for p in head[0].paragraphs] == ["ĐẢNG BỘ TỈNH QUẢNG NGÃI", "ĐẢNG ỦY XÃ NGUYỄN NGHIÊM", "*", "Số 7-BC/ĐU"]
    assert head[1].paragraphs[-1].text == "Nguyễn Nghiêm, ngày 05 tháng 02 năm 2026"
    text = all_text(open_docx(built.docx))
    assert "Đảng ủy xã Nguyễn Nghiêm báo cáo kết quả thực hiện năm 2026 trên địa bàn xã Nguyễn Nghiêm" in text
    assert "- Ban Thường vụ Thị ủy Đức Phổ (báo cáo)," in text


def test_a_program_of_a_peoples_committee_gets_the_state_layout(db):
    program = Program.objects.get(code="duc-pho-42")
    Body.objects.filter(pk=program.issuing_body_id).update(kind="state", name="Ủy ban nhân dân thị xã Đức Phổ")
    built = build_review("duc-pho-42", "annual", "2025", "534", generated_at=MOMENT, signing=Signing(number=5))
    document = open_docx(built.docx)
    head = document.tables[0].rows[0].cells
    left = [p.text for p in head[0].paragraphs if p.text]
    assert left[-3:] == ["ỦY BAN NHÂN DÂN", "THỊ XÃ ĐỨC PHỔ", "Số: 05/BC-UBND"]
    assert [p.text for p in head[1].paragraphs][:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    section = document.sections[0]
    assert _mm(section.top_margin, section.bottom_margin, section.left_margin, section.right_margin) == (20, 20, 30, 15)
    assert "TM. ỦY BAN NHÂN DÂN" in all_text(document)


def test_final_review_puts_eight_years_on_a_landscape_page_and_adds_lessons(db):
    built = build_review("duc-pho-42", "final", "2030", "534", generated_at=MOMENT, with_annex=False)
    document = open_docx(built.docx)
    assert any(s.page_width > s.page_height for s in document.sections)
    assert [c.text for c in target_table(document).rows[0].cells][4:12] == [f"Năm {y}" for y in range(2023, 2031)]
    assert "4. Bài học kinh nghiệm" in all_text(document) and built.xlsx is None


def test_the_data_sheet_compares_the_unit_with_the_town(db):
    built = build_review("duc-pho-42", "data-sheet", "2024", "21442", generated_at=MOMENT)
    document = open_docx(built.docx)
    table = target_table(document)
    assert [c.text for c in table.rows[0].cells][-2:] == ["Thị xã Đức Phổ 2024", "Đánh giá"]
    program = Program.objects.get(code="duc-pho-42")
    town = next(r for r in evaluate_program(program, "534", 2024)["targets"] if r["target"] == "T02")
    row = next(r for r in table.rows if r.cells[1].text == town["name"])
    assert _number(row.cells[-2].text) == pytest.approx(next(p["value"] for p in town["series"] if p["year"] == 2024), abs=0.005)


def test_a_report_is_built_in_a_fixed_number_of_queries(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        build_review("duc-pho-42", "final", "2030", "534", generated_at=MOMENT)


def test_pdf_and_png_through_libreoffice_where_it_is_installed(annual):
    if pdf.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed on this machine: the PDF/PNG rendering is not tested")
    rendered = pdf.convert(annual.docx, "pdf")
    assert rendered.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", rendered)) >= 10
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed: the PNG of the first page is not tested")
    assert pdf.convert(annual.docx, "png").startswith(b"\x89PNG")


def test_without_libreoffice_pdf_is_a_clear_message(annual, monkeypatch):
    from ansinh.core.errors import UserError

    monkeypatch.setattr(pdf.shutil, "which", lambda _name: None)
    with pytest.raises(UserError) as caught:
        pdf.convert(annual.docx)
    assert "chưa cài LibreOffice" in caught.value.problems[0].message
