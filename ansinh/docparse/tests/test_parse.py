"""The parser against the seed (whose shipped program file is the gold standard), two composed
documents with hand-made gold files, and bad input."""

from __future__ import annotations

import functools
import io
import re
import textwrap
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from ansinh.core.errors import UserError
from ansinh.docparse.document import parse_document, parse_file, spec_summary
from ansinh.docparse.evaluation import body_mapping, evaluate, mismatches, spans_overlap
from ansinh.docparse.targets import Fragment, read_target, split_fragments
from ansinh.docparse.tasks import read_timeline, split_bodies
from ansinh.docparse.text import clean_text, fold, paragraphs, unify_tones
from ansinh.programs.programfile import dump_program_file, parse_program_file, spec_to_file_data

GOLD = Path(__file__).resolve().parent.parent / "gold"
SHIPPED = Path(__file__).resolve().parents[2] / "programs" / "examples" / "duc-pho-42.yaml"
DOCUMENTS = ("duc-pho-42", "pho-an-ke-hoach", "tinh-ctr-nq42")


@pytest.fixture(scope="module")
def seed():
    return parse_file(GOLD / "duc-pho-42.txt")


@pytest.fixture(scope="module")
def shipped():
    return parse_program_file(SHIPPED)


# --- the seed ------------------------------------------------------------------------------


def test_gold_copy_is_the_shipped_program_file():
    assert (GOLD / "duc-pho-42.yaml").read_bytes() == SHIPPED.read_bytes()


def test_seed_has_the_34_targets_of_the_shipped_file(seed, shipped):
    assert len(seed.targets) == 34
    for parsed, gold in zip(seed.targets, shipped.targets, strict=True):
        assert spans_overlap(parsed.source_text, gold.source_text), (parsed.code, parsed.source_text)
        got = (parsed.comparator, parsed.value, parsed.low, parsed.high, parsed.unit, parsed.year)
        assert got == (gold.comparator, gold.value, gold.low, gold.high, gold.unit, gold.year), gold.code
        assert parsed.indicator == gold.indicator, gold.code


def test_seed_target_source_text_and_position_are_the_original(seed):
    text = clean_text((GOLD / "duc-pho-42.txt").read_text(encoding="utf-8"))
    for target in seed.targets:
        offset = int(target.note.removeprefix("vị trí: "))
        words = target.source_text.split()[:4]
        assert text[offset:].split()[:4] == words, target.code
    assert "thuỷ" not in seed.targets[0].source_text  # nothing rewritten in source_text
    assert seed.targets[24].source_text.endswith("suy dinh dưỡng thể thấp còi dưới 4,8 %")  # broken line joined


def test_seed_tasks_match_the_shipped_file(seed, shipped):
    assert [task.number for task in seed.tasks] == [task.number for task in shipped.tasks]
    assert [t.number for t in seed.tasks if t.section == "organisation"] == [f"IV.{n}" for n in range(1, 6)]
    assert mismatches(seed, shipped) == []
    by_number = {task.number: task for task in seed.tasks}
    assert by_number["1"].timeline_kind == "continuous"
    assert (by_number["2"].timeline_kind, by_number["2"].timeline_from_year) == ("yearly_from", 2024)
    assert by_number["9.2"].parent_number == "9"
    assert by_number["IV.5"].lead == "ban-tuyen-giao-thi-uy"
    assert by_number["1"].where.startswith("vị trí: ")


def test_seed_header(seed):
    assert (seed.code, seed.doc_type, seed.number, seed.draft) == ("duc-pho-42", "Chương trình hành động", "-CTr/TU", True)
    assert (seed.issued_on, seed.place, seed.issuing_body) == ("2024-03", "Đức Phổ", "thi-uy-duc-pho")
    assert (seed.start_year, seed.end_year, seed.vision_year) == (2024, 2030, 2045)
    assert [(b.doc_type, b.number, b.issued_on) for b in seed.implements] == [
        ("Nghị quyết", "42-NQ/TW", "2023-11-24"), ("Kế hoạch", "19-KH/TW", "2023-11-27"), ("Chương trình", "43-CTr/TU", "2024-01-22"),
    ]
    assert seed.scope_unit_code == ""
    assert seed.signer == "T/M BAN THƯỜNG VỤ" and seed.recipients[0] == "Tỉnh uỷ"


def test_written_program_file_reads_back_with_only_the_scope_unit_to_fill(seed, tmp_path):
    path = tmp_path / "nhap.yaml"
    path.write_text(dump_program_file(spec_to_file_data(seed)), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        parse_program_file(path)
    assert [problem.field for problem in caught.value.problems] == ["program.scope_unit.code"]
    filled = path.read_text(encoding="utf-8").replace("code: ''", "code: '534'", 1)
    again = parse_program_file(path, text_content=filled)
    assert len(again.targets) == 34 and len(again.tasks) == 17


def test_summary_has_the_program_show_shape(seed):
    data = spec_summary(seed)
    assert set(data) == {"code", "title", "doc_type", "number", "issuing_body", "issued_on", "draft", "scope_unit", "period", "implements", "targets", "tasks"}
    assert set(data["targets"][0]) == {"code", "name", "area", "comparator", "value", "low", "high", "unit", "year", "indicator", "source_text"}
    assert set(data["tasks"][0]) == {"number", "section", "parent", "title", "lead", "implementers", "timeline"}
    assert data["tasks"][0]["lead"] == "Ban Thường vụ Thị ủy"


# --- scores on every gold document -------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_gold_files_are_valid_program_files(name):
    spec = parse_program_file(GOLD / f"{name}.yaml")
    assert spec.targets and spec.tasks


@pytest.mark.parametrize("name", DOCUMENTS)
def test_scores(name, capsys):
    scores = evaluate(parse_file(GOLD / f"{name}.txt"), parse_program_file(GOLD / f"{name}.yaml"))
    with capsys.disabled():
        print(f"\n{name}: chỉ tiêu {scores['targets']}; nhiệm vụ {scores['tasks']}")
    floor = 0.95 if name == "duc-pho-42" else 0.9
    assert scores["targets"]["f1"] >= floor
    assert scores["tasks"]["f1"] >= floor


# --- rules -----------------------------------------------------------------------------------------


def _one(text: str):
    """How each target of a line is read, before the library is consulted (a number no indicator
    measures is then drafted as qualitative: test_a_number_no_indicator_measures_is_drafted_as_qualitative)."""
    fragments = [Fragment(fragment, pos, 2030, "x", per_10k, context) for pos, fragment, per_10k, context in split_fragments(text)]
    return [(t.comparator, t.value, t.low, t.high, t.unit) for t in (read_target(f, "T01") for f in fragments)]


def test_comparators_values_and_units():
    assert _one("Tỷ lệ hộ nghèo không quá 3%.") == [("le", Decimal(3), None, None, "%")]
    assert _one("Ít nhất 90% trẻ em được tiêm chủng đầy đủ.") == [("ge", Decimal(90), None, None, "%")]
    assert _one("Xây dựng khoảng 1.200 căn hộ nhà ở xã hội.") == [("approx", Decimal(1200), None, None, "căn hộ")]
    assert _one("Tỷ lệ lao động có việc làm đạt từ 35 đến 40%.") == [("range", None, Decimal(35), Decimal(40), "%")]
    assert _one("Tỷ lệ người dân tham gia bảo hiểm y tế trên 95,5%.") == [("gt", Decimal("95.5"), None, None, "%")]
    assert _one("Xóa bỏ hoàn toàn nhà tạm, nhà dột nát.") == [("eq", Decimal(0), None, None, "căn")]
    assert _one("Bảo đảm vững chắc mức sinh thay thế.") == [("qual", None, None, None, "")]


def test_fragments_split_only_where_a_new_quantity_starts():
    parts = [fragment for _, fragment, _, _ in split_fragments("tỷ lệ lao động có bằng cấp, chứng chỉ đạt 35-40%, 20% lao động tham gia bảo hiểm xã hội")]
    assert parts == ["tỷ lệ lao động có bằng cấp, chứng chỉ đạt 35-40%", "20% lao động tham gia bảo hiểm xã hội"]


def test_bodies_and_timelines():
    assert split_bodies("Các cơ quan tham mưu, giúp việc Thị uỷ, đảng uỷ, chi bộ trực thuộc Thị uỷ.") == [
        "Các cơ quan tham mưu, giúp việc Thị uỷ", "đảng uỷ, chi bộ trực thuộc Thị uỷ",
    ]
    assert read_timeline("Thường xuyên.")[0] == "continuous"
    assert read_timeline("Năm 2024 và các năm tiếp theo.")[:2] == ("yearly_from", 2024)
    assert read_timeline("Trước ngày 30/6/2025")[0] == "fixed_date"
    assert read_timeline("Quý IV/2024")[2].isoformat() == "2024-12-31"


def test_text_normalisation():
    assert unify_tones("Thị uỷ, hoà, thuỷ, quý") == "Thị ủy, hòa, thủy, quý"
    assert unify_tones("Ban Chính sách - Luật pháp, kỹ thuật, khuất") == "Ban Chính sách - Luật pháp, kỹ thuật, khuất"  # uậ is no old spelling
    assert fold("Đảng uỷ") == fold("đảng ủy") == "dang uy"
    paras = paragraphs(clean_text("Tỷ lệ trẻ em suy\n\n12\n\ndinh dưỡng dưới 5%.\nIII. NHIỆM VỤ"))
    assert [p.text for p in paras] == ["Tỷ lệ trẻ em suy dinh dưỡng dưới 5%.", "III. NHIỆM VỤ"]


# --- bad input -----------------------------------------------------------------------------------


def _refused(path: Path) -> str:
    with pytest.raises(UserError) as caught:
        parse_file(path)
    message = str(caught.value)
    assert path.name in message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"  \n")
    assert "rỗng" in _refused(path)


def test_non_vietnamese_document(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("Action programme. Targets: unemployment below 2%. Tasks: raise awareness.\n" * 20, encoding="utf-8")
    assert "không phải tiếng Việt" in _refused(path)


def test_vietnamese_text_that_is_not_a_program(tmp_path):
    path = tmp_path / "thu.txt"
    path.write_text("Kính gửi các đồng chí, hôm nay trời đẹp và mọi người đều khỏe mạnh, vui vẻ.\n" * 5, encoding="utf-8")
    assert "Mục tiêu cụ thể" in _refused(path)


def test_two_megabyte_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "dai.txt"
    path.write_bytes(b"a" * 2_000_000)

    def must_not_read(self):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", must_not_read)
    assert "quá lớn (2.000.000 byte; tối đa 1.000.000 byte, khoảng 250 trang)" in _refused(path)


def test_large_but_allowed_file_is_parsed():
    # Its time is measured, not asserted: docs/program-parser.md.
    page = (GOLD / "duc-pho-42.txt").read_text(encoding="utf-8")
    spec = parse_document((page * 25)[:900_000], "dai.txt")
    assert len(spec.targets) == 34


def test_binary_junk(tmp_path):
    path = tmp_path / "rac.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "không phải văn bản" in _refused(path)


def test_docx_zip_bomb_is_refused_without_opening(tmp_path):
    path = tmp_path / "bom.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 60_000_000)
    path.write_bytes(buffer.getvalue())
    assert "khi giải nén vượt 50 MB" in _refused(path)


def test_docx_zip_bomb_that_lies_about_its_size_is_refused(tmp_path):
    path = tmp_path / "bom2.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * 60_000_000)
    raw = bytearray(buffer.getvalue())
    # Rewrite the declared uncompressed size (central directory) to 1 KB.
    directory = raw.rfind(b"PK\x01\x02")
    raw[directory + 24:directory + 28] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    assert "không đọc" in _refused(path) or "hỏng" in _refused(path)


def test_docx_with_a_compression_method_zipfile_cannot_read_is_refused(tmp_path):
    # Method 99 (AES encryption) makes zipfile raise NotImplementedError, not BadZipFile.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
    raw = bytearray(buffer.getvalue())
    directory = raw.rfind(b"PK\x01\x02")
    raw[directory + 10:directory + 12] = (99).to_bytes(2, "little")
    path = tmp_path / "ma-hoa.docx"
    path.write_bytes(bytes(raw))
    assert "tệp .docx hỏng" in _refused(path)


def test_the_seed_as_a_word_document_parses_like_the_text(tmp_path):
    import docx

    document = docx.Document()
    for paragraph in (GOLD / "duc-pho-42.txt").read_text(encoding="utf-8").split("\n\n"):
        document.add_paragraph(paragraph.strip())
    path = tmp_path / "chuong-trinh.docx"
    document.save(path)
    spec = parse_file(path)
    assert len(spec.targets) == 34 and len(spec.tasks) == 17


def test_an_old_doc_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"0" * 100)
    assert "lưu lại thành .docx" in _refused(path)


def test_a_pdf_is_refused_with_advice(tmp_path):
    path = tmp_path / "ban-scan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 100)
    assert "bản .docx hoặc .txt" in _refused(path)


UNSEEN = Path(__file__).resolve().parent.parent / "unseen"


@pytest.mark.parametrize("name", ["huyen-ke-hoach-nq42", "dang-uy-phuong-ctr", "huyen-uy-ctr"])
def test_documents_first_measured_unseen_now_parse_fully(name):
    # Each was written after the rules were frozen and first scored below the goal
    # (docs/program-parser.md); the fixes they led to are kept by this test.
    scores = evaluate(parse_file(UNSEEN / f"{name}.txt"), parse_program_file(UNSEEN / f"{name}.yaml"))
    assert scores["targets"]["f1"] == 1.0 and scores["tasks"]["f1"] == 1.0, scores


def test_partners_of_a_section_iv_item_stop_at_the_verb_that_follows():
    spec = parse_file(UNSEEN / "huyen-uy-ctr.txt")
    item = next(task for task in spec.tasks if task.number == "IV.1")
    names = {body.code: body.name for body in spec.bodies}
    assert [names[code] for code in item.implementers] == ["Các cơ quan liên quan"]


def test_va_joins_two_bodies_only_when_a_body_name_follows():
    assert split_bodies("Ban Tuyên giáo và Dân vận Đảng ủy phường") == ["Ban Tuyên giáo và Dân vận Đảng ủy phường"]
    assert split_bodies("Ủy ban Mặt trận Tổ quốc Việt Nam thị xã và các tổ chức chính trị - xã hội thị xã") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam thị xã", "các tổ chức chính trị - xã hội thị xã",
    ]


def test_state_style_document_numbers_are_read():
    assert parse_file(UNSEEN / "huyen-ke-hoach-nq42.txt").number == "87/KH-UBND"


# --- what the fresh documents taught (docs/program-parser.md, fourth measurement) ---------------

FRESH = Path(__file__).resolve().parent.parent / "fresh"


# (ubnd-xa-ke-hoach: its author drafted "bố trí kinh phí … trong dự toán ngân sách hằng năm" as no
# time; since round 29 the rules read it as yearly, as most later authors do: one task of 14)
@pytest.mark.parametrize(("name", "tasks_f1"), [("tinh-uy-ke-hoach", 1.0), ("ubnd-xa-ke-hoach", 0.928), ("dang-uy-khoi-ctr", 1.0)])
def test_fresh_documents_first_measured_below_the_goal_now_parse_fully(name, tasks_f1):
    # Written by a separate author who saw neither the rules nor the parser's output; first
    # scores 0,744/0,462, 0,966/0,400 and 0,500/0,500 (targets/tasks F1); the fixes are kept here.
    scores = evaluate(parse_file(FRESH / f"{name}.txt"), parse_program_file(FRESH / f"{name}.yaml"))
    assert scores["targets"]["f1"] == 1.0 and scores["tasks"]["f1"] >= tasks_f1, scores


def _targets_of(section: str):
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nII. MỤC TIÊU\n\n2. Chỉ tiêu cụ thể\n\n" + section
            + "\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Ban Tuyên giáo.\n")
    return parse_document(text, "thu.txt").targets


def test_a_group_heading_of_targets_is_not_a_target():
    targets = _targets_of("a) Về y tế\n\n- Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.")
    assert [(t.comparator, t.value, t.year) for t in targets] == [("ge", Decimal(95), 2030)]


def test_doctors_and_beds_per_van_dan_are_per_10000_people_and_two_quantities_give_two_targets():
    targets = _targets_of("- Đến năm 2030: đạt 11 bác sĩ/vạn dân và 32 giường bệnh/vạn dân.")
    assert [(t.unit, t.value) for t in targets] == [("bác sĩ/10.000 dân", Decimal(11)), ("giường/10.000 dân", Decimal(32))]


def test_negated_comparisons_ranges_with_units_and_years_inside_sentences():
    targets = _targets_of(
        "- Tỷ lệ tham gia bảo hiểm xã hội không thấp hơn 30% vào năm 2025.\n\n"
        "- Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt từ 30% đến 35% vào năm 2030.\n\n"
        "- Tỷ lệ dân số tham gia bảo hiểm y tế năm 2025 đạt 94,5%, năm 2030 đạt trên 97%."
    )
    assert [(t.comparator, t.value or (t.low, t.high), t.year) for t in targets] == [
        ("ge", Decimal(30), 2025), ("range", (Decimal(30), Decimal(35)), 2030), ("ge", Decimal("94.5"), 2025), ("gt", Decimal(97), 2030),
    ]


def test_a_year_opening_a_paragraph_covers_its_sentences():
    targets = _targets_of("- Đến năm 2030: tuổi thọ trung bình khoảng 75,5 tuổi; tỷ lệ trẻ em suy dinh dưỡng giảm xuống dưới 12%.")
    assert [t.year for t in targets] == [2030, 2030]


def test_timelines_of_the_fresh_documents():
    assert read_timeline("Hằng năm.", 2024)[:2] == ("yearly_from", 2024)
    assert read_timeline("Giai đoạn 2024 - 2030.")[:2] == ("yearly_from", 2024)
    assert read_timeline("Đến năm 2030.")[2].isoformat() == "2030-12-31"
    assert split_bodies("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy") == ["Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]


def test_points_stating_no_bodies_of_their_own_are_the_groups_content():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n4. Phát triển thị trường lao động\n\n"
            "a) Nâng cao hiệu quả Trung tâm Dịch vụ việc làm\n\nb) Đổi mới đào tạo nghề\n\n"
            "Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội.\n\nThời gian thực hiện: Hằng năm.\n")
    tasks = parse_document(text, "thu.txt").tasks
    assert [(t.number, t.timeline_kind) for t in tasks] == [("4", "yearly_from")]
    assert tasks[0].lead and tasks[0].content == ["Nâng cao hiệu quả Trung tâm Dịch vụ việc làm", "Đổi mới đào tạo nghề"]


def test_organisation_items_take_the_sections_numeral_and_the_body_before_a_colon():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Ban Tuyên giáo.\n\n"
            "IV. KINH PHÍ THỰC HIỆN\n\nTừ ngân sách xã.\n\nV. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Công chức Văn hóa - Xã hội\n\n- Là đầu mối, chủ trì tham mưu Ủy ban nhân dân xã triển khai Kế hoạch.\n\n"
            "- Theo dõi, báo cáo kết quả.\n\n2. Công an xã: Phối hợp làm sạch dữ liệu dân cư.\n\n"
            "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã tăng cường giám sát.\n")
    spec = parse_document(text, "thu.txt")
    names = {b.code: b.name for b in spec.bodies}
    org = [(t.number, names.get(t.lead), [names[c] for c in t.implementers]) for t in spec.tasks if t.section == "organisation"]
    assert org == [
        ("V.1", "Công chức Văn hóa - Xã hội", []), ("V.2", None, ["Công an xã"]),
        ("V.3", None, ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]),
    ]


# --- what the hold-out documents taught (fifth measurement) ------------------------------------

DOCPARSE = Path(__file__).resolve().parent.parent

# Rounds 5–7 (docs/program-parser.md): each document's scores after the fixes its round led to,
# kept from falling. First-contact scores are in the docs. What is still counted wrong is mostly
# a disagreement of convention: numbers no library indicator counts are qual in the gold files
# ("tỷ lệ hộ nghèo dưới 15%", "100% trạm y tế có bác sĩ"); "Trưởng các phòng, Thủ trưởng các đơn
# vị" are one body there; "các trường Mầm non, Tiểu học, Trung học cơ sở" three names here.
# Round 29 lowered thirteen floors here by a task each, and one of the fourth round above: the rules
# now read "bố trí kinh phí … trong dự toán ngân sách hằng năm" in an organisation item as yearly,
# as 21 of the 35 such items of the gold files are drafted; those authors drafted it as no time.
MEASURED = [
    ("holdout", "dang-uy-phuong-ke-hoach", 1.0, 1.0), ("holdout", "huyen-uy-mien-nui-ctr", 1.0, 1.0),
    ("holdout", "so-ldtbxh-ke-hoach", 1.0, 0.875),
    ("batch3", "dang-uy-xa-ke-hoach", 1.0, 0.923), ("batch3", "thi-uy-ctr", 1.0, 0.937),
    ("batch3", "ubnd-huyen-ke-hoach", 1.0, 1.0),
    ("batch4", "ban-dan-van-ke-hoach", 0.9, 0.933), ("batch4", "tinh-uy-ctr", 0.977, 1.0),
    ("batch4", "ubnd-phuong-ke-hoach", 0.916, 0.666),
    ("batch5", "dang-uy-xa-ctr", 1.0, 1.0), ("batch5", "so-y-te-ke-hoach", 1.0, 1.0),
    ("batch5", "ubnd-tinh-ke-hoach", 1.0, 0.9),
    ("batch6", "hoi-phu-nu-tinh-ke-hoach", 0.967, 1.0), ("batch6", "thanh-uy-ctr", 0.977, 1.0),
    ("batch6", "ubnd-phuong-ke-hoach", 1.0, 0.894),
    ("batch7", "so-gddt-ke-hoach", 0.878, 0.774), ("batch7", "tinh-uy-hop-nhat-ctr", 0.978, 0.962),
    ("batch7", "ubnd-xa-moi-ke-hoach", 0.937, 0.923),
    ("batch8", "dang-uy-phuong-phu-bai-ctr", 0.969, 1.0), ("batch8", "so-noi-vu-ke-hoach", 0.974, 0.954),
    ("batch8", "so-xay-dung-ke-hoach", 0.947, 0.947),
    ("batch9", "bhxh-tinh-ke-hoach", 1.0, 0.894), ("batch9", "dang-uy-xa-mien-nui-ctr", 0.969, 1.0),
    ("batch9", "ubnd-tinh-hop-nhat-ke-hoach", 0.956, 0.931),
    ("batch10", "mttq-tinh-ctr", 0.962, 0.944), ("batch10", "nhcsxh-tinh-ke-hoach", 1.0, 0.937),
    ("batch10", "ubnd-huyen-ven-bien-ke-hoach", 1.0, 0.952),
    ("batch11", "dang-uy-phuong-cai-rang-ctr", 1.0, 1.0), ("batch11", "ldld-tinh-ke-hoach", 0.952, 1.0),
    ("batch11", "tinh-doan-ctr", 1.0, 0.866),
    ("batch12", "ban-tgdv-tinh-uy-ke-hoach", 1.0, 0.941), ("batch12", "hoi-nong-dan-tinh-ctr", 1.0, 0.941),
    ("batch12", "so-dttg-ke-hoach", 1.0, 0.923),
    ("batch13", "so-tai-chinh-ke-hoach", 1.0, 0.933), ("batch13", "ubnd-tp-bao-loc-ke-hoach", 1.0, 0.913),
    ("batch13", "ubnd-tp-da-nang-ke-hoach", 0.987, 0.971),
    ("batch14", "buu-dien-tinh-ke-hoach", 0.972, 1.0), ("batch14", "cong-an-tinh-ke-hoach", 0.941, 0.96),
    ("batch14", "so-nnmt-ke-hoach", 1.0, 1.0),
    ("batch15", "dang-uy-ubnd-tinh-ctr", 1.0, 1.0), ("batch15", "hoi-ccb-tinh-ctr", 1.0, 0.933),
    ("batch15", "ubnd-phuong-tang-nhon-phu-ke-hoach", 1.0, 1.0),
    ("batch16", "hoi-nct-tinh-ctr", 0.882, 0.875), ("batch16", "tt-hdnd-tinh-ke-hoach", 1.0, 0.928),
    ("batch16", "ttyt-khu-vuc-ke-hoach", 0.926, 1.0),
    ("batch17", "dang-uy-xa-bien-gioi-ctr", 1.0, 0.937), ("batch17", "lmhtx-tinh-viec-lam-ke-hoach", 0.846, 0.933),
    ("batch17", "ubnd-tinh-xoa-nha-tam-ke-hoach", 1.0, 0.875),
    ("batch18", "hoi-ctd-tinh-ctr", 0.937, 0.933), ("batch18", "ttdvvl-tinh-ke-hoach", 0.962, 1.0),
    ("batch18", "ubnd-dac-khu-phu-quoc-ke-hoach", 1.0, 0.941),
    ("batch19", "so-khcn-so-hoa-ke-hoach", 1.0, 0.962), ("batch19", "so-y-te-tre-em-ke-hoach", 0.937, 1.0),
    ("batch19", "ubnd-xa-cau-ke-ke-hoach", 1.0, 1.0),
    ("batch20", "hoi-khuyen-hoc-tinh-ctr", 1.0, 0.933), ("batch20", "mttq-xa-cho-gao-ke-hoach", 1.0, 0.933),
    ("batch20", "so-vhttdl-gia-dinh-ke-hoach", 1.0, 0.878),
    ("batch21", "bql-kcn-tinh-ke-hoach", 1.0, 1.0), ("batch21", "dang-uy-quan-su-tinh-ctr", 1.0, 0.923),
    ("batch21", "truong-cao-dang-ke-hoach", 1.0, 0.956),
    ("batch22", "hoi-nguoi-mu-tinh-dong-thap-ctr", 1.0, 0.909), ("batch22", "ttctxh-tinh-phu-tho-ke-hoach", 1.0, 1.0),
    ("batch22", "ubnd-phuong-khuong-dinh-ke-hoach-2026", 1.0, 1.0),
    ("batch23", "bvdk-tinh-ke-hoach", 1.0, 0.95), ("batch23", "dang-uy-cq-dang-tinh-ctr", 1.0, 0.769),
    ("batch23", "thong-ke-tinh-ke-hoach", 0.933, 0.818),
    ("batch24", "bao-ptth-tinh-ke-hoach", 1.0, 0.888), ("batch24", "ubnd-xa-dao-san-ke-hoach", 1.0, 0.846),
    ("batch24", "vpdp-ntm-tinh-ke-hoach", 1.0, 0.692),
    ("batch25", "doan-phuong-bac-nha-trang-ke-hoach", 0.967, 0.5), ("batch25", "hoi-bao-tro-nkt-tmc-thanh-hoa-ctr", 0.965, 0.846),
    ("batch25", "so-tu-phap-ninh-binh-ke-hoach", 1.0, 0.85),
    ("batch26", "bhxh-co-so-duc-tho-ke-hoach", 1.0, 0.666), ("batch26", "hoi-cuu-tnxp-nghe-an-ctr", 0.96, 0.916),
    ("batch26", "pgd-nhcsxh-duc-pho-ke-hoach", 1.0, 0.888),
    ("batch27", "dang-uy-dac-khu-phu-quy-ctr", 0.956, 0.928), ("batch27", "hlhpn-xa-yen-thanh-ke-hoach", 1.0, 0.9),
    ("batch27", "ttbtxh-tinh-ha-tinh-ke-hoach", 0.814, 0.9),
    ("batch28", "hoi-nan-nhan-da-cam-quang-tri-ctr", 0.944, 1.0), ("batch28", "truong-chinh-tri-gia-lai-ke-hoach", 0.9, 0.8),
    ("batch28", "ubnd-phuong-lang-biang-da-lat-ke-hoach-2026", 0.976, 0.937),
    ("batch29", "hiep-hoi-doanh-nghiep-hung-yen-ke-hoach", 1.0, 0.666), ("batch29", "hoi-luat-gia-tuyen-quang-ctr", 0.956, 0.75),
    ("batch29", "ubnd-phuong-sa-huynh-ke-hoach", 1.0, 1.0),
    ("batch30", "cdc-lao-cai-ke-hoach", 0.974, 0.9), ("batch30", "dang-uy-phuong-chu-van-an-hai-phong-ctr", 0.975, 0.692),
    ("batch30", "hoi-nkt-ninh-binh-ctr", 0.918, 0.8),
    ("batch31", "bcd-giam-ngheo-lao-cai-ke-hoach", 1.0, 0.928), ("batch31", "so-cong-thuong-gia-lai-ke-hoach", 0.969, 0.777),
    ("batch31", "ubnd-xa-cu-pui-ke-hoach", 0.978, 0.941),
    ("batch32", "dang-uy-xa-y-ty-lao-cai-ctr", 1.0, 0.714), ("batch32", "ldld-tinh-bac-ninh-ke-hoach", 0.923, 0.857),
    ("batch32", "so-noi-vu-thai-nguyen-ke-hoach", 0.923, 0.75),
    ("batch33", "so-gddt-lam-dong-ke-hoach", 1.0, 0.937), ("batch33", "ubmttq-phuong-thot-not-ke-hoach", 0.956, 0.846),
    ("batch33", "ubnd-tinh-tay-ninh-ke-hoach", 0.9, 0.666),
    ("batch34", "bdbp-an-giang-ke-hoach", 0.923, 0.928), ("batch34", "dang-uy-xa-ninh-thanh-loi-ca-mau-ctr", 1.0, 1.0),
    ("batch34", "so-xay-dung-khanh-hoa-ke-hoach", 1.0, 0.928),
    ("batch35", "bv-san-nhi-ca-mau-ke-hoach", 1.0, 0.933), ("batch35", "dang-uy-bdbp-cao-bang-ctr", 0.975, 0.857),
    ("batch35", "ubnd-xa-tia-dinh-ke-hoach", 1.0, 0.941),
    ("batch36", "dang-uy-phuong-bach-mai-ha-noi-ctr", 1.0, 0.937), ("batch36", "quy-htnd-vinh-long-ke-hoach", 1.0, 0.866),
    ("batch36", "ubnd-dac-khu-con-dao-ke-hoach", 0.938, 1.0),
    ("batch37", "dang-uy-xa-ia-hrung-gia-lai-ctr", 0.956, 1.0), ("batch37", "so-vhttdl-lai-chau-ke-hoach", 0.937, 0.846),
    ("batch37", "ubnd-phuong-thanh-khe-da-nang-ke-hoach", 1.0, 0.947),
    ("batch38", "dang-uy-so-y-te-son-la-ctr", 1.0, 0.962), ("batch38", "thanh-tra-tinh-dak-lak-ke-hoach", 1.0, 0.888),
    ("batch38", "ubnd-phuong-vy-da-hue-ke-hoach", 1.0, 1.0),
    ("batch39", "bqlda-dd-cn-quang-ninh-ke-hoach", 0.8, 1.0), ("batch39", "ubnd-phuong-thuan-giao-tp-hcm-ke-hoach", 0.954, 0.944),
    ("batch39", "ubnd-xa-tuy-an-dong-dak-lak-ke-hoach", 0.95, 0.909),
    ("batch40", "dang-uy-phuong-tam-phuoc-dong-nai-ctr", 1.0, 0.769), ("batch40", "so-gddt-dien-bien-ban-tru-ke-hoach", 0.882, 0.8),
    ("batch40", "ubnd-xa-tap-son-vinh-long-ke-hoach", 1.0, 1.0),
    ("batch41", "dang-uy-xa-lung-cu-tuyen-quang-ctr", 0.947, 0.8), ("batch41", "so-nnmt-quang-tri-nuoc-sach-ke-hoach", 0.95, 0.875),
    ("batch41", "ubnd-tinh-dong-nai-chi-tra-khong-tien-mat-ke-hoach", 1.0, 0.882),
    ("batch42", "hoi-lhtn-tinh-hung-yen-ctr", 1.0, 0.857), ("batch42", "ubnd-xa-dong-loc-ha-tinh-ke-hoach", 1.0, 0.758),
    ("batch43", "dang-uy-xa-tan-dien-dong-thap-ctr", 1.0, 0.75), ("batch43", "hnd-tinh-phu-tho-kinh-te-tap-the-ke-hoach", 1.0, 1.0),
    ("batch43", "ubnd-phuong-ky-lua-lang-son-ke-hoach", 1.0, 0.916),
    ("batch44", "dang-uy-phuong-kinh-bac-bac-ninh-ctr", 1.0, 0.857), ("batch44", "hoi-lhpn-tp-can-tho-ke-hoach", 1.0, 0.923),
    ("batch44", "ubnd-xa-dien-chau-nghe-an-ke-hoach", 1.0, 0.916),
    ("batch45", "dang-uy-xa-bac-ai-tay-khanh-hoa-ctr", 0.933, 0.8), ("batch45", "hoi-lhpn-ha-noi-ke-hoach", 0.96, 0.888),
    ("batch45", "so-y-te-hai-phong-ke-hoach", 1.0, 0.642),
    ("batch46", "bhxh-tinh-quang-ngai-ke-hoach", 1.0, 0.923), ("batch46", "tinh-uy-tay-ninh-ctr", 1.0, 0.785),
    ("batch46", "ubnd-phuong-rach-gia-an-giang-ke-hoach", 1.0, 0.692),
    ("batch47", "dang-uy-dac-khu-van-don-quang-ninh-ctr", 0.933, 0.615), ("batch47", "hoi-ctd-lang-son-ke-hoach", 0.967, 0.769),
    ("batch47", "so-noi-vu-cao-bang-ke-hoach", 1.0, 0.583),
    ("batch48", "dang-uy-phuong-moc-chau-son-la-ctr", 1.0, 0.875), ("batch48", "hoi-ccb-tp-hue-ke-hoach", 1.0, 0.833),
    ("batch48", "ubnd-tinh-thanh-hoa-ke-hoach", 1.0, 1.0),
    ("batch49", "dang-uy-phuong-muong-thanh-dien-bien-ctr", 1.0, 0.588), ("batch49", "hoi-khuyen-hoc-phuong-hac-thanh-thanh-hoa-ke-hoach", 0.965, 0.75),
    ("batch49", "ubnd-xa-chieng-mai-son-la-ke-hoach", 0.914, 0.562),
    ("batch50", "dang-uy-xa-tan-uyen-lai-chau-ctr", 1.0, 0.6), ("batch50", "ldld-tinh-ca-mau-ke-hoach", 0.869, 0.75),
    ("batch50", "so-y-te-thai-nguyen-ke-hoach", 1.0, 0.846),
    ("batch51", "hoi-nct-tp-ho-chi-minh-ke-hoach", 0.965, 0.75), ("batch51", "tinh-uy-thai-nguyen-ctr", 0.947, 0.611),
    ("batch51", "ubnd-xa-nam-tra-my-da-nang-ke-hoach", 1.0, 0.714),
    ("batch52", "dang-uy-xa-tien-hai-hung-yen-ctr", 1.0, 0.785), ("batch52", "nhcsxh-tinh-vinh-long-ke-hoach", 0.933, 0.6),
    ("batch52", "ubnd-tinh-dong-thap-ke-hoach", 1.0, 0.933),
    ("batch53", "tinh-uy-tuyen-quang-ctr", 1.0, 0.8), ("batch53", "ubmttq-tinh-vinh-long-ke-hoach", 1.0, 0.722),
    ("batch53", "ubnd-phuong-sa-dec-dong-thap-ke-hoach", 1.0, 0.384),
    ("batch54", "dang-uy-xa-khe-sanh-quang-tri-ctr", 0.875, 0.857), ("batch54", "hoi-nong-dan-tinh-tay-ninh-ke-hoach", 1.0, 0.833),
    ("batch54", "ubnd-tinh-ninh-binh-ke-hoach", 1.0, 0.933),
    ("batch55", "tinh-uy-ha-tinh-ctr", 1.0, 0.814), ("batch55", "ubnd-xa-gio-linh-quang-tri-ke-hoach", 1.0, 0.5),
    ("batch56", "dang-uy-phuong-soc-trang-can-tho-ctr", 1.0, 0.833), ("batch56", "hoi-lhpn-tp-ho-chi-minh-ke-hoach", 1.0, 0.833),
    ("batch56", "ubnd-tinh-lam-dong-ke-hoach", 1.0, 0.923),
    ("batch57", "dang-uy-phuong-mong-cai-1-quang-ninh-ctr", 1.0, 0.769), ("batch57", "hoi-ctd-tp-da-nang-ke-hoach", 1.0, 0.7),
    ("batch57", "ubnd-phuong-cua-lo-nghe-an-ke-hoach", 1.0, 0.533),
    ("batch58", "tinh-doan-an-giang-ke-hoach", 1.0, 0.833), ("batch58", "ubnd-phuong-kim-long-hue-ke-hoach", 1.0, 0.769),
    ("batch58", "ubnd-tinh-lai-chau-ke-hoach", 0.947, 0.846),
    ("batch59", "dang-uy-phuong-vinh-yen-phu-tho-ctr", 1.0, 0.692), ("batch59", "hoi-nct-tinh-dak-lak-ke-hoach", 0.896, 0.611),
    ("batch59", "ubnd-dac-khu-co-to-quang-ninh-ke-hoach", 0.972, 0.666),
    ("batch60", "dang-uy-xa-nga-son-thanh-hoa-ctr", 1.0, 0.923), ("batch60", "ldld-tinh-dong-nai-ke-hoach", 1.0, 1.0),
    ("batch60", "so-y-te-tinh-hung-yen-ke-hoach", 1.0, 0.937),
    ("batch61", "bhxh-tinh-lam-dong-ke-hoach", 1.0, 0.916), ("batch61", "tinh-uy-gia-lai-ctr", 1.0, 1.0),
    ("batch61", "ubnd-phuong-phu-ly-ninh-binh-ke-hoach", 1.0, 1.0),
    ("batch62", "dang-uy-phuong-tuy-hoa-dak-lak-ctr", 1.0, 1.0), ("batch62", "hoi-nong-dan-tinh-quang-tri-ke-hoach", 1.0, 1.0),
    ("batch62", "so-noi-vu-tinh-lao-cai-ke-hoach", 1.0, 1.0),
    ("batch63", "nhcsxh-tinh-quang-tri-ke-hoach", 1.0, 0.928), ("batch63", "ubnd-tinh-khanh-hoa-ke-hoach", 1.0, 1.0),
    ("batch63", "ubnd-xa-mang-but-ke-hoach", 1.0, 1.0),
    ("batch64", "hoi-lhpn-tinh-tuyen-quang-ke-hoach", 1.0, 0.846), ("batch64", "thanh-uy-hai-phong-ctr", 1.0, 0.944),
    ("batch64", "ubnd-dac-khu-ly-son-ke-hoach", 1.0, 1.0),
    ("batch65", "bhxh-tinh-tuyen-quang-ke-hoach", 1.0, 1.0), ("batch65", "dang-uy-xa-tra-cu-vinh-long-ctr", 1.0, 1.0),
    ("batch65", "so-xay-dung-tinh-bac-ninh-ke-hoach", 0.833, 1.0),
    ("batch66", "btv-tinh-uy-lao-cai-ctr", 1.0, 1.0), ("batch66", "hoi-nct-tinh-phu-tho-ke-hoach", 1.0, 1.0),
    ("batch66", "ubnd-phuong-hoang-liet-ha-noi-ke-hoach", 1.0, 1.0),
    ("batch67", "dang-uy-ubnd-tinh-dak-lak-ctr", 1.0, 1.0), ("batch67", "so-y-te-tinh-gia-lai-ke-hoach", 0.842, 1.0),
    ("batch67", "ubnd-xa-hoang-thanh-ke-hoach", 0.937, 0.944),
    ("batch68", "dang-uy-xa-muong-nhe-dien-bien-ke-hoach", 1.0, 1.0), ("batch68", "ubmttq-tinh-an-giang-ke-hoach", 1.0, 1.0),
    ("batch68", "ubnd-phuong-thu-dau-mot-tp-hcm-quyet-dinh-ke-hoach", 1.0, 1.0), ("batch69", "so-dttg-tinh-lang-son-ke-hoach", 1.0, 1.0),
    ("batch69", "so-gddt-hoi-khuyen-hoc-an-giang-khlt", 1.0, 0.928), ("batch69", "tinh-uy-nghe-an-ctr", 1.0, 1.0),
    ("batch70", "cong-an-tinh-ha-tinh-ke-hoach", 0.909, 1.0), ("batch70", "dang-uy-phuong-my-tho-dong-thap-ke-hoach", 1.0, 1.0),
    ("batch70", "ubnd-xa-dam-doi-ca-mau-ke-hoach", 1.0, 1.0), ("batch71", "hoi-ctd-tp-da-nang-ke-hoach", 1.0, 1.0),
    ("batch71", "so-nnmt-tinh-dong-thap-ke-hoach", 1.0, 1.0), ("batch71", "thanh-uy-can-tho-ctr", 1.0, 1.0),
    ("batch72", "dang-uy-xa-meo-vac-tuyen-quang-ctr", 1.0, 1.0), ("batch72", "truong-cd-son-la-ke-hoach", 1.0, 1.0),
    ("batch72", "ttdvvl-tp-hue-ke-hoach", 0.952, 1.0), ("batch73", "buu-dien-tinh-dak-lak-ke-hoach", 1.0, 1.0),
    ("batch73", "dang-uy-phuong-kon-tum-quang-ngai-ctr", 0.928, 1.0), ("batch73", "tinh-uy-khanh-hoa-ctr", 1.0, 1.0),
    ("batch74", "ban-chi-dao-ctmtqg-xa-bat-xat-lao-cai-ke-hoach", 1.0, 1.0), ("batch74", "hoi-lhpn-phuong-hac-thanh-thanh-hoa-ke-hoach", 1.0, 1.0),
    ("batch74", "ubnd-tinh-ninh-binh-ke-hoach", 1.0, 1.0), ("batch75", "bhxh-tinh-hung-yen-ke-hoach", 1.0, 1.0),
    ("batch75", "thanh-uy-tp-ho-chi-minh-ctr", 1.0, 1.0), ("batch75", "ubnd-dac-khu-bach-long-vi-hai-phong-ke-hoach", 0.903, 1.0),
    ("batch76", "ldld-tinh-dong-nai-ke-hoach", 1.0, 0.866), ("batch76", "so-tai-chinh-tinh-phu-tho-ke-hoach", 0.916, 0.916),
    ("batch76", "tt-ctxh-tinh-quang-tri-ke-hoach", 1.0, 0.933), ("batch77", "nhcsxh-tinh-gia-lai-ke-hoach", 0.916, 0.9),
    ("batch77", "tinh-uy-phu-tho-ctr", 1.0, 1.0), ("batch77", "ubmttq-phuong-viet-yen-bac-ninh-ke-hoach", 1.0, 1.0),
]


@functools.cache
def _measured(folder: str, name: str) -> dict:
    return evaluate(parse_file(DOCPARSE / folder / f"{name}.txt"), parse_program_file(DOCPARSE / folder / f"{name}.yaml"))


@pytest.mark.parametrize(("folder", "name", "targets_f1", "tasks_f1"), MEASURED)
def test_measured_documents_keep_their_scores_after_the_fixes(folder, name, targets_f1, tasks_f1):
    scores = _measured(folder, name)
    assert scores["targets"]["f1"] >= targets_f1 and scores["tasks"]["f1"] >= tasks_f1, scores


# The share of the measured documents whose header field the parser reads right (2026-11-30, 226
# documents: number 0,964, month of issue 0,995, issuing body 0,933, signer 0,991, period 0,982), floors of it.
HEADER_FLOORS = {"number": 0.96, "issued_on": 0.99, "issuing_body": 0.93, "signer": 0.99, "period": 0.98}


def test_measured_documents_keep_the_share_of_their_header_read_right():
    headers = [_measured(folder, name)["header"] for folder, name, _, _ in MEASURED]
    shares = {field: sum(header[field] for header in headers) / len(headers) for field in HEADER_FLOORS}
    assert all(shares[field] >= floor for field, floor in HEADER_FLOORS.items()), shares


def test_a_section_headed_chi_tieu_holds_targets_and_the_general_objective_does_not():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nII. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU\n\n1. Mục tiêu tổng quát\n\n"
            "Đổi mới cách thức thực hiện chính sách, phát triển thị trường lao động linh hoạt.\n\n2. Các chỉ tiêu chủ yếu đến năm 2030\n\n"
            "a) Lĩnh vực bảo hiểm\n\n- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Ban Tuyên giáo.\n")
    assert [(t.comparator, t.value, t.year) for t in parse_document(text, "thu.txt").targets] == [("ge", Decimal(95), 2030)]
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nII. CHỈ TIÊU\n1. Năm 2025\n- Tỷ lệ tiêm chủng cho trẻ dưới 1 tuổi duy trì từ 98% trở lên.\n"
            "- Hoàn thành xóa 07 căn nhà tạm còn lại trước tháng 10/2025.\n- Không còn hộ nghèo theo chuẩn nghèo đa chiều.\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\nCơ quan chủ trì: Ban Tuyên giáo.\n")
    assert [(t.comparator, t.value, t.unit, t.year) for t in parse_document(text, "thu.txt").targets] == [
        ("ge", Decimal(98), "%", 2025), ("eq", Decimal(0), "căn", 2025), ("qual", None, "", 2025),
    ]


def test_labels_written_on_one_line_and_a_header_in_two_columns():
    text = ("SỞ LAO ĐỘNG - THƯƠNG BINH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 86/KH-SLĐTBXH          Quảng Nam, ngày 02 tháng 7 năm 2024\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\n* Chỉ đạo: Ban Thường vụ Đảng ủy. Thực hiện: Các chi bộ trực thuộc. Thời gian: Thường xuyên.\n\n"
            "2. Việc làm\n\n(Đơn vị chủ trì: Ủy ban nhân dân phường; phối hợp: Hội Cựu chiến binh phường; thời gian: Hằng năm.)\n")
    spec = parse_document(text, "thu.txt")
    names = {b.code: b.name for b in spec.bodies}
    assert (spec.number, spec.start_year) == ("86/KH-SLĐTBXH", 2024)
    assert [(t.number, names[t.lead], [names[c] for c in t.implementers], t.timeline_kind, t.timeline_from_year) for t in spec.tasks] == [
        ("1", "Ban Thường vụ Đảng ủy", ["Các chi bộ trực thuộc"], "continuous", None),
        ("2", "Ủy ban nhân dân phường", ["Hội Cựu chiến binh phường"], "yearly_from", 2024),
    ]


# --- what the third batch taught (sixth measurement) -----------------------------------------

def test_years_of_sentences_deadlines_and_periods():
    targets = _targets_of(
        "a) Lao động, việc làm và giảm nghèo\n\n"
        "- Phấn đấu năm 2025 có 25% lao động tham gia bảo hiểm xã hội. Năm 2030, tỷ lệ tham gia bảo hiểm xã hội đạt 35%, "
        "tham gia bảo hiểm thất nghiệp đạt 25%; bảo hiểm y tế bao phủ trên 97% dân số.\n\n"
        "- Xóa toàn bộ nhà tạm, nhà dột nát cho hộ nghèo trước năm 2026.\n\n"
        "- Giai đoạn 2024 - 2030, hoàn thành khoảng 500 căn hộ nhà ở xã hội."
    )
    assert [(t.comparator, t.value, t.year) for t in targets] == [
        ("ge", Decimal(25), 2025), ("ge", Decimal(35), 2030), ("ge", Decimal(25), 2030), ("gt", Decimal(97), 2030),
        ("eq", Decimal(0), 2025), ("approx", Decimal(500), 2030),
    ]


def test_assignments_written_as_sentences():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n"
            "1. Tuyên truyền\n\nTuyên truyền sâu rộng Nghị quyết.\n\n"
            "Phân công: Ban Thường vụ Đảng ủy chỉ đạo; các chi bộ trực thuộc và Đài Truyền thanh xã thực hiện. Thời gian: thường xuyên.\n\n"
            "2. Rà soát đội ngũ công chức (Phòng Nội vụ chủ trì, phối hợp với Phòng Lao động - Thương binh và Xã hội thực hiện hằng năm).\n\n"
            "3. Kiểm tra, giám sát\n\nPhân công: Ủy ban Kiểm tra Đảng ủy, Ủy ban Mặt trận Tổ quốc Việt Nam xã. Thời gian: Năm 2024 - 2030.\n")
    spec = parse_document(text, "thu.txt")
    assert _task_rows(spec) == [
        ("1", "Ban Thường vụ Đảng ủy", ["Các chi bộ trực thuộc", "Đài Truyền thanh xã"], "continuous"),
        ("2", "Phòng Nội vụ", ["Phòng Lao động - Thương binh và Xã hội"], "yearly_from"),
        ("3", None, ["Ủy ban Kiểm tra Đảng ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"], "yearly_from"),
    ]
    assert spec.tasks[1].title == "Rà soát đội ngũ công chức"  # the assignment in brackets is not part of the title


# --- the fourth batch (seventh measurement) ----------------------------------------------------

def test_a_numbered_chi_tieu_heading_after_a_general_objective_and_sub_headings_of_years():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nII. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu\n\nNâng cao đời sống Nhân dân.\n\n"
            "2. Chỉ tiêu\n\n2.1. Chỉ tiêu đến năm 2025\n\n- Tỷ lệ thất nghiệp dưới 3%.\n\n2.2. Chỉ tiêu đến năm 2030\n\n"
            "- Hoàn thành hỗ trợ xóa 09 căn nhà tạm còn lại.\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Ban Tuyên giáo.\n")
    assert [(t.comparator, t.value, t.unit, t.year) for t in parse_document(text, "thu.txt").targets] == [
        ("lt", Decimal(3), "%", 2025), ("eq", Decimal(0), "căn", 2030),
    ]


# --- what batches 5-7 taught (eighth and ninth measurements) -----------------------------------

def _tasks_of(section: str, organisation: str = ""):
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n" + section
            + ("\n\nIV. TỔ CHỨC THỰC HIỆN\n\n" + organisation if organisation else "") + "\n\nNơi nhận:\n")
    return _task_rows(parse_document(text, "thu.txt"))


def _task_rows(spec, title: bool = False):
    """(number, [title,] lead's name, implementers' names, timeline kind) of each task."""
    names = {b.code: b.name for b in spec.bodies}
    return [(t.number, *([t.title] if title else []), names.get(t.lead), [names[c] for c in t.implementers], t.timeline_kind) for t in spec.tasks]


def test_assignments_given_with_giao_or_in_a_bracketed_paragraph_and_names_holding_verbs():
    assert _tasks_of(
        "1. Tuyên truyền\n\nĐẩy mạnh tuyên truyền. Giao Sở Xây dựng chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh, Phòng Tổ chức cán bộ, "
        "Ban Tổ chức - Kiểm tra và Chi nhánh Ngân hàng Chính sách xã hội tỉnh thực hiện. Thời gian: thường xuyên.\n\n"
        "2. Đào tạo nghề\n\n(Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên chủ trì, phối hợp với Phòng Giáo dục và Đào tạo "
        "thực hiện; thời gian: từng năm học)."
    ) == [
        ("1", "Sở Xây dựng", ["Bộ Chỉ huy Quân sự tỉnh", "Phòng Tổ chức cán bộ", "Ban Tổ chức - Kiểm tra",
                              "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"], "continuous"),
        # "thường xuyên" inside a body's name is no timeline; "từng năm học" is every year
        ("2", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", ["Phòng Giáo dục và Đào tạo"], "yearly_from"),
    ]


def test_a_task_table_flattened_to_one_cell_per_line():
    table = ("TT\nNhiệm vụ, giải pháp\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian thực hiện\n\n"
             "1\nTuyên truyền chính sách mới\nPhòng Văn hóa - Xã hội\nCông an phường; các tổ dân phố\nThường xuyên\n\n"
             "2\nGiảm nghèo và nhà ở\n\n2.1\nRà soát hộ nghèo\nPhòng Kinh tế, Hạ tầng và Đô thị\nHằng năm\n\n"
             "2.2\nHỗ trợ xóa nhà tạm\nPhòng Kinh tế, Hạ tầng và Đô thị\nỦy ban MTTQ Việt Nam phường\nQuý IV/2025\n")
    assert _tasks_of(table) == [
        ("1", "Phòng Văn hóa - Xã hội", ["Công an phường", "Các tổ dân phố"], "continuous"),  # the row "1" is no page number
        ("2", "Phòng Kinh tế, Hạ tầng và Đô thị", [], "unspecified"),  # a merged heading row takes its rows' shared lead
        ("2.1", "Phòng Kinh tế, Hạ tầng và Đô thị", [], "yearly_from"),  # no partner cell: the time goes to the time column
        ("2.2", "Phòng Kinh tế, Hạ tầng và Đô thị", ["Ủy ban Mặt trận Tổ quốc Việt Nam phường"], "fixed_date"),
    ]


def test_a_lead_marked_chu_tri_and_assignments_listed_by_task_number_in_the_organisation_section():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\nThực hiện: Phòng Văn hóa - Xã hội (chủ trì); Công an xã; Ủy ban MTTQ Việt Nam xã.\nThời gian: thường xuyên.\n\n"
        "2. Giáo dục\n\na) Phổ cập giáo dục\n\nb) Học bổng\n",
        "1. Phân công thực hiện các nhiệm vụ tại mục III\n\n"
        "- Nhiệm vụ 2, điểm a: Phòng Giáo dục phổ thông chủ trì; Phòng Giáo dục Mầm non phối hợp. Thời gian: hằng năm.\n\n"
        "2. Phòng Kế hoạch - Tài chính là cơ quan thường trực, tổng hợp kết quả thực hiện.\n",
    )
    assert tasks[0] == ("1", "Phòng Văn hóa - Xã hội", ["Công an xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"], "continuous")
    assert ("2.a", "Phòng Giáo dục phổ thông", ["Phòng Giáo dục Mầm non"], "yearly_from") in tasks
    # the assignment lines and their heading are no organisation tasks; item 2 keeps its number
    assert [t for t in tasks if t[0].startswith("IV")] == [("IV.2", "Phòng Kế hoạch - Tài chính", [], "unspecified")]


def test_a_number_no_indicator_measures_is_drafted_as_qualitative_with_the_number_in_the_note():
    targets = _targets_of("- Mỗi năm hỗ trợ ít nhất 1.200 hộ phụ nữ nghèo phát triển sinh kế.\n"
                          "- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt 97%.")
    assert [(t.comparator, t.value, t.indicator) for t in targets] == [("qual", None, None), ("ge", Decimal(97), "TL_TIEM_CHUNG")]
    assert "văn bản nêu ít nhất 1.200 hộ" in targets[0].note


def test_subjects_carried_over_numbered_items_houses_left_and_years_of_lettered_headings():
    targets = _targets_of(
        "a) Đến hết năm 2025\n\n- Có khoảng 28% lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội; đến năm 2030 đạt trên 40%.\n"
        "- Hoàn thành hỗ trợ xây mới, sửa chữa 27 căn nhà tạm, nhà dột nát còn lại.\n\n"
        "b) Đến năm 2030\n\n(12) Giữ vững kết quả không còn hộ gia đình ở nhà tạm, nhà dột nát.\n"
        "(13) Tỷ lệ người dân tham gia bảo hiểm y tế không dưới 95%.\n(14) Trạm Y tế xã có ít nhất 02 bác sĩ làm việc.")
    assert [(t.comparator, t.value, t.year, t.indicator) for t in targets] == [
        ("approx", Decimal(28), 2025, "TL_THAM_GIA_BHXH"), ("gt", Decimal(40), 2030, "TL_THAM_GIA_BHXH"),
        ("eq", Decimal(0), 2025, "NHA_TAM_CON_LAI"), ("eq", Decimal(0), 2030, "NHA_TAM_CON_LAI"),
        ("ge", Decimal(95), 2030, "TL_BAO_PHU_BHYT"),
        ("qual", None, 2030, None),  # two doctors at a station are no "doctors per 10,000 people"
    ]


def test_a_target_table_with_a_column_per_year():
    targets = _targets_of(
        "Các chỉ tiêu như sau:\n\nTT\nChỉ tiêu\nĐơn vị tính\nNăm 2026\nĐến năm 2030\n\n"
        "1\nTỷ lệ hộ gia đình người có công có mức sống từ trung bình khá trở lên\n%\n100\n100\n\n"
        "2\nTỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ\n%\n24\n30 - 32\n\n"
        "3\nTỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi\n%\nDưới 10,5\nDưới 8\n")
    assert [(t.comparator, t.value, t.low, t.high, t.year, t.indicator) for t in targets] == [
        ("eq", Decimal(100), None, None, 2026, "TL_HO_NCC_KHA"), ("eq", Decimal(100), None, None, 2030, "TL_HO_NCC_KHA"),
        ("ge", Decimal(24), None, None, 2026, "TL_LD_CO_BANG"), ("range", None, Decimal(30), Decimal(32), 2030, "TL_LD_CO_BANG"),
        ("lt", Decimal("10.5"), None, None, 2026, "TL_THAP_COI"), ("lt", Decimal(8), None, None, 2030, "TL_THAP_COI"),
    ]


def test_the_situation_a_targets_section_opens_with_is_no_target():
    text = ("ỦY BAN NHÂN DÂN XÃ NGUYỄN NGHIÊM\nSố: 09/KH-UBND          Nguyễn Nghiêm, ngày 14 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 42-NQ/TW giai đoạn 2026 - 2030\n\nII. MỤC TIÊU, CHỈ TIÊU\n\n2. Chỉ tiêu cụ thể\n\n"
            "Xã được thành lập từ ngày 01/7/2025, hiện có 15 thôn. Cuối năm 2025, toàn xã còn 249 hộ nghèo (tỷ lệ 2,76%), "
            "tỷ lệ dân số tham gia bảo hiểm y tế đạt 92,7%.\n\nCác chỉ tiêu dưới đây phấn đấu đạt vào năm 2030.\n\n"
            "- Tỷ lệ dân số tham gia bảo hiểm y tế trên 96%.\n- Đến năm học 2026 - 2027, 99% trẻ 6 - 10 tuổi đi học tiểu học.\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Văn hóa - Xã hội.\n")
    assert [(t.comparator, t.value, t.year) for t in parse_document(text, "xa.txt").targets] == [
        ("gt", Decimal(96), 2030), ("ge", Decimal(99), 2027),  # a school year counts by its last year
    ]


def test_a_bracketed_list_of_examples_is_no_body_and_a_group_assigned_later_takes_its_points_timeline():
    tasks = _tasks_of(
        "1. Giáo dục\n\na) Phổ cập\n\nb) Học bổng\n",
        "1. Phân công thực hiện các nhiệm vụ tại mục III\n\n"
        "- Nhiệm vụ 1, điểm a: Phòng Giáo dục phổ thông chủ trì. Thời gian: hằng năm.\n\n"
        "- Nhiệm vụ 1, điểm b: Phòng Kế hoạch - Tài chính chủ trì. Thời gian: hằng năm.\n\n"
        "2. Các đơn vị trực thuộc Sở (trường trung học phổ thông, trường cao đẳng, trung cấp) xây dựng kế hoạch thực hiện.\n",
    )
    assert tasks[0] == ("1", None, [], "yearly_from")
    assert tasks[-1] == ("IV.2", None, ["Các đơn vị trực thuộc Sở"], "unspecified")



# --- what batch 8 taught (tenth measurement) -----------------------------------------------------

def test_assignments_listed_by_body_with_the_points_of_section_iii_they_take():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\nQuán triệt Kế hoạch. Thời gian thực hiện: thường xuyên.\n\n"
        "2. Nhà ở\n\n2.1. Điều chỉnh chương trình nhà ở. Thời gian thực hiện: hoàn thành trong Quý IV/2024.\n\n"
        "2.2. Bố trí quỹ đất. Thời gian thực hiện: hằng năm.\n\n"
        "3. Cấp nước\n\na) Đô thị. Thời gian thực hiện: hằng năm.\n\nb) Nông thôn. Thời gian thực hiện: hằng năm.\n",
        "1. Phân công thực hiện\n\n"
        "a) Phòng Quản lý nhà: chủ trì thực hiện các nhiệm vụ tại điểm 1 và 2 Mục III; phối hợp thực hiện nhiệm vụ tại điểm 3 (nội dung b) Mục III.\n\n"
        "b) Phòng Hạ tầng kỹ thuật: chủ trì thực hiện nhiệm vụ tại điểm 3 Mục III; phối hợp thực hiện nhiệm vụ tại điểm 2 (nội dung 2.2) Mục III.\n\n"
        "2. Phòng Kế hoạch - Tài chính là đầu mối theo dõi, tổng hợp kết quả.\n",
    )
    assert tasks == [
        ("1", "Phòng Quản lý nhà", [], "continuous"),  # a closing "Thời gian thực hiện: …" sentence is the timeline
        ("2", "Phòng Quản lý nhà", [], "unspecified"),  # a whole point is assigned through its own points
        ("2.1", "Phòng Quản lý nhà", [], "fixed_date"),
        ("2.2", "Phòng Quản lý nhà", ["Phòng Hạ tầng kỹ thuật"], "yearly_from"),
        ("3", "Phòng Hạ tầng kỹ thuật", [], "yearly_from"),
        ("3.a", "Phòng Hạ tầng kỹ thuật", [], "yearly_from"),
        ("3.b", "Phòng Hạ tầng kỹ thuật", ["Phòng Quản lý nhà"], "yearly_from"),
        ("IV.2", "Phòng Kế hoạch - Tài chính", [], "unspecified"),  # the lines and their heading are no tasks
    ]


def test_an_office_in_brackets_and_bodies_that_carry_out_a_task_in_a_closing_sentence():
    assert _tasks_of(
        "1. Người có công\n\nChăm lo người có công. Ủy ban nhân dân phường (Phòng Văn hóa - Xã hội) chủ trì, phối hợp với "
        "Công ty Cổ phần Cấp nước Thừa Thiên Huế thực hiện; thời gian: thường xuyên.\n\n"
        "2. Giám sát\n\nGiám sát việc thực hiện chính sách.\n\nThường trực Hội đồng nhân dân phường, Ủy ban MTTQ Việt Nam phường "
        "thực hiện theo chương trình giám sát hằng năm.\n"
    ) == [
        ("1", "Ủy ban nhân dân phường", ["Công ty Cổ phần Cấp nước Thừa Thiên Huế"], "continuous"),
        ("2", None, ["Thường trực Hội đồng nhân dân phường", "Ủy ban Mặt trận Tổ quốc Việt Nam phường"], "yearly_from"),
    ]


def test_a_milestone_in_brackets_is_a_target_of_its_year_and_helping_to_remove_houses_is_none_left():
    targets = _targets_of(
        "a) Đến năm 2030\n\n- Tỷ lệ lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội đạt 65% (năm 2026 đạt 55%).\n"
        "- Phối hợp hoàn thành xóa nhà tạm, nhà dột nát cho hộ nghèo trước ngày 31/12/2025.")
    assert [(t.comparator, t.value, t.year, t.indicator, t.source_text) for t in targets] == [
        ("ge", Decimal(65), 2030, "TL_THAM_GIA_BHXH", "Tỷ lệ lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội đạt 65%"),
        ("ge", Decimal(55), 2026, "TL_THAM_GIA_BHXH", "năm 2026 đạt 55%"),
        ("eq", Decimal(0), 2025, "NHA_TAM_CON_LAI", "Phối hợp hoàn thành xóa nhà tạm, nhà dột nát cho hộ nghèo trước ngày 31/12/2025"),
    ]



# --- what batch 9 taught (eleventh measurement) --------------------------------------------------

def test_a_responsibility_label_holding_a_sentence_and_assignments_by_body_in_one_sentence():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\nTrách nhiệm thực hiện: Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo và Phát thanh, "
        "Truyền hình Gia Lai.\n\nTiến độ: Thường xuyên.\n\n"
        "2. Giảm nghèo\n\nRà soát hộ nghèo. Thời gian thực hiện: hằng năm.\n\n3. Y tế\n\nKhám sàng lọc. Thời gian thực hiện: hằng năm.\n",
        "1. Ban Thường vụ Đảng ủy lãnh đạo, chỉ đạo thực hiện Chương trình.\n\n2. Phân công thực hiện các nhiệm vụ tại Mục III:\n\n"
        "- Ủy ban nhân dân xã chủ trì nhiệm vụ 2; phối hợp thực hiện nhiệm vụ 3.\n\n- Trạm Y tế xã chủ trì nhiệm vụ 3.\n\n"
        "- Công an xã phối hợp thực hiện các nhiệm vụ 2 và 3.\n",
    )
    assert tasks[:3] == [
        # (the merged newspaper's name holds a comma: known since the thirteenth round)
        ("1", "Sở Văn hóa, Thể thao và Du lịch", ["Báo và Phát thanh, Truyền hình Gia Lai"], "continuous"),
        ("2", "Ủy ban nhân dân xã", ["Công an xã"], "yearly_from"),
        ("3", "Trạm Y tế xã", ["Ủy ban nhân dân xã", "Công an xã"], "yearly_from"),
    ]
    assert [t[0] for t in tasks[3:]] == ["IV.1"]  # the lines and their heading are no organisation tasks


def test_a_target_table_column_of_what_was_achieved_is_no_target():
    text = ("BẢO HIỂM XÃ HỘI TỈNH KON TUM\nSố: 1186/KH-BHXH          Kon Tum, ngày 15 tháng 7 năm 2024\n\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 42-NQ/TW\n\nII. MỤC TIÊU VÀ CHỈ TIÊU PHẤN ĐẤU\n\n2. Chỉ tiêu phấn đấu\n\n"
            "TT\nChỉ tiêu\nĐơn vị tính\nThực hiện năm 2023\nNăm 2025\nĐến năm 2030\n\n"
            "1\nTỷ lệ dân số tham gia bảo hiểm y tế\n%\n94,2\nTrên 95\nTrên 97\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Truyền thông.\n")
    assert [(t.comparator, t.value, t.year) for t in parse_document(text, "bhxh.txt").targets] == [
        ("gt", Decimal(95), 2025), ("gt", Decimal(97), 2030),
    ]


# --- what batches 10 and 11 taught (twelfth measurement) -----------------------------------------

def test_a_target_table_with_group_rows_a_page_number_between_rows_and_lower_case_unit_cells():
    text = ("ỦY BAN NHÂN DÂN HUYỆN MỘ ĐỨC\nSố: 187/KH-UBND          Mộ Đức, ngày 26 tháng 8 năm 2024\n\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 42-NQ/TW\n\nII. MỤC TIÊU, CHỈ TIÊU\n\n"
        "TT\nChỉ tiêu\nĐơn vị tính\nThực hiện năm 2023\nKế hoạch năm 2025\nMục tiêu đến năm 2030\n\n"
        "I\nLao động, việc làm\n\n1\nTỷ lệ thất nghiệp chung\n%\n2,9\nDưới 2,8\nDưới 2,5\n\n2\n\n"
        "II\nY tế, nhà ở\n\n2\nSố bác sĩ trên 10.000 dân\nBác sĩ\n5,4\n6\n7\n\n"
        "3\nSố nhà tạm, nhà dột nát của hộ nghèo còn lại\nCăn\n312\n0\n0\n\n"
        "4\nDiện tích nhà ở bình quân đầu người\nm2 sàn/người\n24,5\n25,5\nKhoảng 27\n\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Văn hóa và Thông tin.\n")
    # (the column of 2023 is what was achieved, before the plan: no target)
    assert [(t.comparator, t.value, t.unit, t.year, t.indicator) for t in parse_document(text, "huyen.txt").targets] == [
        ("lt", Decimal("2.8"), "%", 2025, "TL_THAT_NGHIEP"), ("lt", Decimal("2.5"), "%", 2030, "TL_THAT_NGHIEP"),
        # "trên 10.000 dân" names the measure; it is no comparator
        ("ge", Decimal(6), "bác sĩ/10.000 dân", 2025, "BAC_SI_10K"), ("ge", Decimal(7), "bác sĩ/10.000 dân", 2030, "BAC_SI_10K"),
        # at least nothing is no target: none left
        ("eq", Decimal(0), "căn", 2025, "NHA_TAM_CON_LAI"), ("eq", Decimal(0), "căn", 2030, "NHA_TAM_CON_LAI"),
        ("ge", Decimal("25.5"), "m² sàn/người", 2025, "DIEN_TICH_NHA_O_BQ"), ("approx", Decimal(27), "m² sàn/người", 2030, "DIEN_TICH_NHA_O_BQ"),
    ]


def test_a_share_in_a_common_goal_and_a_two_year_period_and_a_running_header():
    targets = _targets_of(
        "- Cùng với các nguồn lực khác, góp phần hoàn thành xóa nhà tạm, nhà dột nát cho hộ nghèo trước ngày 31/12/2025.\n\n"
        "Chương trình giám sát và vận động Quỹ Vì người nghèo giai đoạn 2024 - 2030\n2\n\n"
        "- Trong hai năm 2024 - 2025, vận động xây mới ít nhất 1.500 nhà Đại đoàn kết cho hộ nghèo.\n\n"
        "Chương trình giám sát và vận động Quỹ Vì người nghèo giai đoạn 2024 - 2030\n3\n\n"
        "- Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%."
    )
    assert [(t.comparator, t.value, t.year, t.indicator) for t in targets] == [
        ("eq", Decimal(0), 2025, "NHA_TAM_CON_LAI"), ("qual", None, 2025, None), ("ge", Decimal(95), 2030, "TL_BAO_PHU_BHYT"),
    ]
    assert "1.500 nhà" in targets[1].note  # the number kept for the reviewer


def test_a_bracket_of_labels_closing_a_subtask_and_organisation_sentences():
    tasks = _tasks_of(
        "5. Giảm nghèo\n\n5.1. Rà soát hộ nghèo đúng quy trình, công khai (Cơ quan chủ trì: Phòng Lao động - Thương binh và Xã hội; "
        "cơ quan phối hợp: Phòng Nông nghiệp, Công an huyện; thời gian thực hiện: hằng năm, rà soát trong quý IV).\n",
        "1. Ban Phong trào Tỉnh đoàn là đơn vị thường trực, chủ trì tham mưu triển khai Chương trình.\n\n"
        "2. Ủy ban Kiểm tra Đảng ủy phường đưa việc lãnh đạo, chỉ đạo thực hiện Chương trình vào chương trình kiểm tra.\n\n"
        "3. Đề nghị Hội Nông dân tỉnh, Hội Liên hiệp Phụ nữ tỉnh chỉ đạo tổ chức hội các cấp phối hợp thực hiện tốt các nội dung ủy thác.\n\n"
        "4. Đề nghị Hội Cựu chiến binh tỉnh cụ thể hóa Chương trình; chỉ đạo hội cấp dưới phối hợp với Ủy ban MTTQ Việt Nam cùng cấp tổ chức thực hiện.\n",
    )
    assert tasks == [
        ("5", "Phòng Lao động - Thương binh và Xã hội", [], "yearly_from"),  # what its one point states
        ("5.1", "Phòng Lao động - Thương binh và Xã hội", ["Phòng Nông nghiệp", "Công an huyện"], "yearly_from"),
        ("IV.1", "Ban Phong trào Tỉnh đoàn", [], "unspecified"),
        ("IV.2", None, ["Ủy ban Kiểm tra Đảng ủy phường"], "unspecified"),  # "việc … chỉ đạo" is a noun: no lead
        ("IV.3", None, ["Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"], "unspecified"),  # several asked: none leads
        ("IV.4", None, ["Hội Cựu chiến binh tỉnh"], "unspecified"),  # "hội cấp dưới", "… cùng cấp": no one body
    ]


def test_assignments_by_body_naming_muc_and_diem_of_phan_iii():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\n- Tuyên truyền Nghị quyết.\n\n2. Chăm lo đời sống\n\na) Nhà ở xã hội cho công nhân.\n\nb) Quỹ Mái ấm Công đoàn.\n",
        "1. Phân công thực hiện\n\n"
        "- Ban Tuyên giáo: Chủ trì tham mưu triển khai nội dung tại mục 1 Phần III; phối hợp thực hiện nội dung tại điểm b mục 2 Phần III.\n\n"
        "- Ban Tài chính: Chủ trì tham mưu triển khai nội dung tại điểm a, điểm b mục 2 Phần III.\n\n"
        "- Liên đoàn Lao động các huyện: Phối hợp thực hiện nội dung tại các mục 1 và điểm a mục 2 Phần III.\n\n"
        "2. Đề nghị phối hợp\n\n- Đề nghị Sở Xây dựng phối hợp thực hiện nội dung tại điểm a mục 2 Phần III.\n",
    )
    assert tasks == [
        ("1", "Ban Tuyên giáo", ["Liên đoàn Lao động các huyện"], "unspecified"),
        ("2", "Ban Tài chính", [], "unspecified"),
        ("2.a", "Ban Tài chính", ["Liên đoàn Lao động các huyện", "Sở Xây dựng"], "unspecified"),
        ("2.b", "Ban Tài chính", ["Ban Tuyên giáo"], "unspecified"),
    ]


def test_an_appendix_table_of_assignments_gives_each_task_its_bodies_by_number():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIV. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tham mưu cấp ủy\n\n- Tham mưu bố trí nguồn lực.\n\n"
            "2. Huy động nguồn vốn\n\n2.1. Huy động tiền gửi\n\n2.2. Giải ngân vốn ủy thác\n\n"
            "V. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng căn cứ Phụ lục xây dựng kế hoạch.\n\nNơi nhận:\n- Như trên.\n\nGIÁM ĐỐC\n\n"
            "PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH\n\nTT\nNhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian thực hiện\n\n"
            "1\nTham mưu cấp ủy\nPhòng Kế hoạch - Nghiệp vụ tín dụng\nPhòng Kế toán - Ngân quỹ; Phòng Tin học\nHằng năm\n\n"
            "2\nHuy động nguồn vốn\n\n2.1\nHuy động tiền gửi\nPhòng Kế toán - Ngân quỹ\nPhòng Kế hoạch - Nghiệp vụ tín dụng\nThường xuyên\n\n"
            "2.2\nGiải ngân vốn ủy thác\nPhòng Kế toán - Ngân quỹ\nPhòng Tin học\nHoàn thành trước ngày 31/12/2024\n")
    spec = parse_document(text, "nhcs.txt")
    assert _task_rows(spec) == [
        ("1", "Phòng Kế hoạch - Nghiệp vụ tín dụng", ["Phòng Kế toán - Ngân quỹ", "Phòng Tin học"], "yearly_from"),
        ("2", "Phòng Kế toán - Ngân quỹ", [], "unspecified"),  # the lead its points share; their timelines differ
        ("2.1", "Phòng Kế toán - Ngân quỹ", ["Phòng Kế hoạch - Nghiệp vụ tín dụng"], "continuous"),
        ("2.2", "Phòng Kế toán - Ngân quỹ", ["Phòng Tin học"], "fixed_date"),
        ("V.1", None, ["Các phòng"], "unspecified"),
    ]


def test_a_running_header_goes_only_where_it_stands_beside_page_numbers():
    header = "Kế hoạch thực hiện Nghị quyết 42 giai đoạn 2024 - 2030"
    label = "Cơ quan phối hợp: Ủy ban nhân dân các xã, thị trấn"
    text = f"Mở đầu.\n{header}\n2\n{label}\nĐoạn hai.\n3\n{header}\n{label}\n{header}\nKết thúc."
    # The header is beside a page number twice, but not the third time: it is kept every time.
    assert [p.text for p in paragraphs(text)].count(header) == 3
    text = f"Mở đầu.\n{header}\n2\n{label}\nĐoạn hai.\n3\n{header}\n{label}\nKết thúc."
    assert [p.text for p in paragraphs(text)] == ["Mở đầu.", label, "Đoạn hai.", label, "Kết thúc."]


# --- what batches 12 and 13 taught (thirteenth measurement) --------------------------------------

def test_responsibility_labels_names_of_2025_and_timelines_that_recur_first():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\n- Tuyên truyền Nghị quyết.\n\nTrách nhiệm: Sở Văn hóa và Thể thao chủ trì; Báo và Phát thanh, Truyền hình "
        "Đà Nẵng, các sở, ban, ngành, Ủy ban nhân dân các xã, phường, đặc khu phối hợp.\n\nThời hạn: Hằng năm; sơ kết vào quý IV/2028.\n\n"
        "2. Chính sách\n\n- Trình nghị quyết.\n\nTrách nhiệm: Phòng Dân vận và Dân tộc, Tôn giáo (chủ trì); Phòng Tuyên truyền, Báo chí "
        "và Xuất bản (phối hợp).\n\nThời hạn: Trình Hội đồng nhân dân tỉnh tại kỳ họp cuối năm 2026.\n",
        "1. Thống kê thành phố Đà Nẵng chủ trì, phối hợp với Sở Nội vụ xây dựng bộ số liệu nền.\n\n"
        "2. Phòng Quản lý đô thị, Phòng Kinh tế theo chức năng, nhiệm vụ tham mưu phát triển nhà ở xã hội.\n\n"
        "3. Phòng Dân vận và Dân tộc, Tôn giáo là đầu mối theo dõi, tổng hợp, tham mưu lãnh đạo Ban báo cáo Thường trực Tỉnh ủy.\n\n"
        "4. Trong quá trình triển khai, giao Phòng Quản lý ngân sách chủ trì, phối hợp với Phòng Kế hoạch - Tổng hợp tham mưu sơ kết.\n",
    )
    assert tasks == [
        ("1", "Sở Văn hóa và Thể thao", ["Báo và Phát thanh, Truyền hình Đà Nẵng", "Các sở, ban, ngành",
                                          "Ủy ban nhân dân các xã, phường, đặc khu"], "yearly_from"),
        ("2", "Phòng Dân vận và Dân tộc, Tôn giáo", ["Phòng Tuyên truyền, Báo chí và Xuất bản"], "fixed_date"),
        ("IV.1", "Thống kê thành phố Đà Nẵng", ["Sở Nội vụ"], "unspecified"),
        ("IV.2", None, ["Phòng Quản lý đô thị", "Phòng Kinh tế"], "unspecified"),
        ("IV.3", "Phòng Dân vận và Dân tộc, Tôn giáo", [], "unspecified"),  # the leaders it advises are no partner
        ("IV.4", "Phòng Quản lý ngân sách", ["Phòng Kế hoạch - Tổng hợp"], "unspecified"),
    ]


def test_assignments_by_body_naming_khoan_and_diem_of_muc_iii_and_a_bracket_holding_only_the_deadline():
    tasks = _tasks_of(
        "1. Dự toán\n\na) Hướng dẫn lập dự toán chi (thời hạn: hằng năm, theo lịch xây dựng dự toán).\n\n"
        "b) Trình định mức phân bổ (thời hạn: trước ngày 10/12/2025).\n\n2. Đầu tư công\n\n- Phân bổ vốn (thời hạn: thường xuyên).\n",
        "1. Phân công nhiệm vụ\n\na) Phòng Quản lý ngân sách: chủ trì tham mưu thực hiện các nhiệm vụ tại khoản 1 Mục III; phối hợp "
        "thực hiện nhiệm vụ tại khoản 2 Mục III.\n\nb) Phòng Tài chính đầu tư: chủ trì tham mưu thực hiện nhiệm vụ tại khoản 2 Mục III; "
        "phối hợp thực hiện nhiệm vụ tại điểm b khoản 1 Mục III.\n\n2. Đề nghị phối hợp\n\n"
        "- Ủy ban nhân dân các xã, phường: phối hợp thực hiện nhiệm vụ tại điểm a khoản 1 Mục III (kinh phí giảm nghèo).\n",
    )
    assert tasks == [
        ("1", "Phòng Quản lý ngân sách", [], "unspecified"),
        ("1.a", "Phòng Quản lý ngân sách", ["Ủy ban nhân dân các xã, phường"], "yearly_from"),
        ("1.b", "Phòng Quản lý ngân sách", ["Phòng Tài chính đầu tư"], "fixed_date"),
        ("2", "Phòng Tài chính đầu tư", ["Phòng Quản lý ngân sách"], "continuous"),
    ]


def test_appendix_rows_under_a_group_with_only_bullets_are_its_points():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\n- Đổi mới hình thức tuyên truyền.\n\n"
            "2. Sinh kế\n\n- Hỗ trợ sản xuất.\n\nIV. TỔ CHỨC THỰC HIỆN\n\n1. Các phòng căn cứ Phụ lục xây dựng kế hoạch.\n\nNơi nhận:\n- Như trên.\n\n"
            "Phụ lục\nNHIỆM VỤ CỤ THỂ\n\nTT\nNhiệm vụ\nChủ trì\nPhối hợp\nThời gian\nSản phẩm\n\n1\nTuyên truyền\n\n"
            "1.1\nBiên soạn tài liệu song ngữ\nPhòng Tuyên truyền và Địa bàn\nSở Văn hóa, Thể thao và Du lịch\nHằng năm\nTài liệu\n\n"
            "2\nSinh kế\n\n2.1\nHướng dẫn dự án sinh kế\nPhòng Chính sách dân tộc\nSở Nông nghiệp và Môi trường\nQuý IV/2026\nBáo cáo\n\n"
            "2.2\nRà soát nhu cầu vay vốn\nPhòng Chính sách dân tộc\nỦy ban nhân dân các xã, phường\nThường xuyên\nDanh sách\n")
    spec = parse_document(text, "so-dttg.txt")
    assert _task_rows(spec, title=True) == [
        ("1", "Tuyên truyền", "Phòng Tuyên truyền và Địa bàn", [], "yearly_from"),
        ("1.1", "Biên soạn tài liệu song ngữ", "Phòng Tuyên truyền và Địa bàn", ["Sở Văn hóa, Thể thao và Du lịch"], "yearly_from"),
        ("2", "Sinh kế", "Phòng Chính sách dân tộc", [], "unspecified"),
        ("2.1", "Hướng dẫn dự án sinh kế", "Phòng Chính sách dân tộc", ["Sở Nông nghiệp và Môi trường"], "fixed_date"),
        ("2.2", "Rà soát nhu cầu vay vốn", "Phòng Chính sách dân tộc", ["Ủy ban nhân dân các xã, phường"], "continuous"),
        ("IV.1", "Các phòng căn cứ Phụ lục xây dựng kế hoạch", None, ["Các phòng"], "unspecified"),
    ]


def test_numbered_target_sentences_lead_ins_parts_of_the_population_money_and_text_cells():
    targets = _targets_of(
        "2.1. Trong quý I/2026, 100% cấp ủy trực thuộc hoàn thành việc quán triệt Kế hoạch.\n\n"
        "2.2. Đến năm 2028, trên 90% người dân được khảo sát hài lòng với việc thực hiện chính sách xã hội.\n\n"
        "2.3. Góp phần cùng toàn tỉnh phấn đấu đến năm 2030: tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 97%; tỷ lệ hội viên nông dân "
        "tham gia bảo hiểm y tế đạt 95%; trong đó bảo hiểm xã hội tự nguyện khoảng 6%.\n\n"
        "- Bên cạnh các chỉ tiêu trên, các cấp Hội góp phần thực hiện các chỉ tiêu của tỉnh: hoàn thành xóa nhà tạm, nhà dột nát trong năm 2025.\n\n"
        "- Diện tích nhà ở bình quân đầu người khoảng 32 m2 sàn.\n\n"
        "- Nguồn vốn ủy thác tăng bình quân 12%/năm, đến năm 2030 đạt khoảng 750 tỷ đồng.\n\n"
        "(*) Chỉ tiêu số 3 tính cộng dồn từ năm 2024."
    )
    assert [(t.comparator, t.value, t.unit, t.year, t.indicator) for t in targets] == [
        ("qual", None, "", 2026, None),  # a quarter's year; a numbered sentence with a quantity is no heading
        ("qual", None, "", 2028, None),
        ("gt", Decimal(97), "%", 2030, "TL_BAO_PHU_BHYT"),  # the year before the colon
        ("qual", None, "", 2030, None),  # members are part of the population: not its rate
        ("qual", None, "", 2030, None),  # the voluntary share is no rate of the library
        ("eq", Decimal(0), "căn", 2025, "NHA_TAM_CON_LAI"),  # the introduction is no part of it
        ("approx", Decimal(32), "m² sàn/người", 2030, "DIEN_TICH_NHA_O_BQ"),
        ("qual", None, "", 2030, None), ("qual", None, "", 2030, None),  # a yearly growth, an amount of money
    ]
    assert targets[5].source_text == "hoàn thành xóa nhà tạm, nhà dột nát trong năm 2025"
    assert "750 tỷ đồng" in targets[8].note


def test_a_commitment_in_words_in_a_year_column_of_a_target_table():
    text = ("ỦY BAN NHÂN DÂN THÀNH PHỐ BẢO LỘC\nSố: 264/KH-UBND          Bảo Lộc, ngày 17 tháng 6 năm 2024\n\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 42-NQ/TW\n\nII. MỤC TIÊU, CHỈ TIÊU\n\nTT\nChỉ tiêu\nĐVT\nNăm 2025\nNăm 2030\n\n"
            "1\nTỷ lệ hộ nghèo theo chuẩn nghèo đa chiều\n%\nDưới 0,3\nKhông còn hộ nghèo\n\n2\nTỷ lệ dân số tham gia bảo hiểm y tế\n%\n95\n-\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Văn hóa và Thông tin.\n")
    assert [(t.comparator, t.value, t.year, t.source_text) for t in parse_document(text, "bao-loc.txt").targets] == [
        ("qual", None, 2025, "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều Dưới 0,3%"),
        ("qual", None, 2030, "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều Không còn hộ nghèo"),
        ("ge", Decimal(95), 2025, "Tỷ lệ dân số tham gia bảo hiểm y tế 95%"),
    ]


# --- what batches 14 and 15 taught (fourteenth measurement) --------------------------------------

def test_a_tasks_section_arranged_by_body():
    tasks = _tasks_of(
        "1. Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06) - đơn vị thường trực\n\n"
        "a) Tham mưu ban hành văn bản hướng dẫn làm sạch dữ liệu. Hoàn thành trước ngày 30/9/2025.\n\n"
        "b) Chủ trì, phối hợp với Sở Y tế, Sở Nội vụ tiếp nhận dữ liệu người hưởng. Thực hiện hằng quý.\n\n"
        "2. Phòng Cảnh sát kinh tế (PC03)\n\nNắm tình hình, xử lý hành vi trục lợi; phối hợp với Thanh tra tỉnh kiểm tra việc chi trả. "
        "Thực hiện thường xuyên.\n\n3. Công an các xã, phường\n\na) Phối hợp với Phòng Văn hóa - Xã hội rà soát dữ liệu. Thực hiện hằng tháng.\n"
    )
    assert tasks == [
        ("1", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", [], "unspecified"),
        ("1.a", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", [], "fixed_date"),
        ("1.b", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", ["Sở Y tế", "Sở Nội vụ"], "yearly_from"),
        ("2", "Phòng Cảnh sát kinh tế", ["Thanh tra tỉnh"], "continuous"),
        ("3", "Công an các xã, phường", [], "yearly_from"),
        ("3.a", "Công an các xã, phường", ["Phòng Văn hóa - Xã hội"], "yearly_from"),
    ]


def test_a_task_table_broken_by_a_page_and_its_header_repeated():
    tasks = _tasks_of(
        "TT\nNội dung công việc\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian thực hiện\n\n"
        "1\nTư vấn tại điểm chi trả\nBưu điện các huyện, thành phố\nỦy ban nhân dân các xã, phường, thị trấn; Hội Cựu chiến binh tỉnh\n"
        "Hằng tháng, tại mỗi kỳ chi trả\n\n3\nTT\nNội dung công việc\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian thực hiện\n\n"
        "2\nĐối soát dữ liệu chi trả\nPhòng Tài chính bưu chính\nBảo hiểm xã hội tỉnh; Công an tỉnh\nHoàn thành trong năm 2025\n"
    )
    assert tasks == [
        ("1", "Bưu điện các huyện, thành phố", ["Ủy ban nhân dân các xã, phường, thị trấn", "Hội Cựu chiến binh tỉnh"], "yearly_from"),
        ("2", "Phòng Tài chính bưu chính", ["Bảo hiểm xã hội tỉnh", "Công an tỉnh"], "fixed_date"),
    ]


def test_rates_no_library_indicator_measures_and_what_introduces_targets():
    targets = _targets_of(
        "Phấn đấu đến năm 2030 đạt các chỉ tiêu sau (chỉ tiêu có mốc khác được ghi rõ):\n\n"
        "- Tỷ lệ người hưởng lương hưu nhận qua tài khoản cá nhân đạt tối thiểu 35% vào cuối năm 2024.\n\n"
        "- 85% hộ gia đình nông thôn có nhà tiêu hợp vệ sinh; tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh đạt 95%.\n\n"
        "- Tỷ lệ lao động qua đào tạo đạt 75%, trong đó có bằng cấp, chứng chỉ đạt 40 - 45%.\n\n"
        "- Phấn đấu 100% hội viên có thẻ bảo hiểm y tế; cùng toàn tỉnh hoàn thành xóa nhà tạm, nhà dột nát trước ngày 31/12/2025."
    )
    assert [(t.comparator, t.value, t.low, t.year, t.indicator) for t in targets] == [
        ("qual", None, None, 2024, None),  # paid without cash: not the share paid
        ("qual", None, None, 2030, None),  # rural households: not all households' rate
        ("ge", Decimal(95), None, 2030, "TL_HO_VE_SINH"),
        ("qual", None, None, 2030, None),  # trained labour with no word of a degree: no library rate (as three gold authors drafted it)
        ("range", None, Decimal(40), 2030, "TL_LD_CO_BANG"),  # "trong đó" takes the subject before it
        ("qual", None, None, 2030, None),  # members are part of the population
        ("eq", Decimal(0), None, 2025, "NHA_TAM_CON_LAI"),  # "cùng toàn tỉnh": with the whole province
    ]


def test_a_two_year_plan_ends_where_its_targets_say_by_the_end_of_a_year():
    text = ("BƯU ĐIỆN TỈNH THÁI BÌNH\nSố: 318/KH-BĐTB          Thái Bình, ngày 20 tháng 5 năm 2024\n\nKẾ HOẠCH\nChi trả không dùng tiền mặt\n\n"
            "III. CHỈ TIÊU\n\n1. Chi trả qua tài khoản\n\n- Mở mới ít nhất 30.000 tài khoản vào cuối năm 2025.\n\n"
            "- Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 94%.\n\nIV. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Kế hoạch.\n")
    spec = parse_document(text, "buu-dien.txt")
    assert (spec.start_year, spec.end_year) == (2024, 2025)
    assert [(t.comparator, t.year) for t in spec.targets] == [("qual", 2025), ("gt", 2025)]


def test_organisation_items_named_by_their_heads_and_more_verbs_and_names():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\n- Tuyên truyền chính sách.\n\n2. Nước sạch\n\n- Đầu tư công trình.\n\n"
        "Trung tâm Nước sạch chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng tỉnh, Câu lạc bộ Doanh nhân Cựu chiến binh tỉnh "
        "thực hiện trong giai đoạn 2026 - 2030.\n",
        "1. Giám đốc Bưu điện các huyện, thành phố xây dựng kế hoạch chi tiết, gửi về Bưu điện tỉnh trước ngày 31/5/2024.\n\n"
        "2. Phòng Kế toán - Tài chính bố trí kinh phí in ấn tài liệu, mua sắm thiết bị; Phòng Tổ chức - Hành chính đưa kết quả vào thi đua.\n\n"
        "3. Ban Thường vụ Hội Cựu chiến binh tỉnh phân công các đồng chí Ủy viên Ban Thường vụ theo dõi việc thực hiện.\n\n"
        "4. Đề nghị phối hợp\n\n- Đề nghị Bảo hiểm xã hội cơ sở phối hợp thực hiện nhiệm vụ tại điểm 1 và điểm 2 Mục III.\n",
    )
    assert tasks == [
        ("1", None, ["Bảo hiểm xã hội cơ sở"], "unspecified"),
        ("2", "Trung tâm Nước sạch", ["Ban Quản lý dự án đầu tư xây dựng tỉnh", "Câu lạc bộ Doanh nhân Cựu chiến binh tỉnh",
                                     "Bảo hiểm xã hội cơ sở"], "yearly_from"),
        ("IV.1", None, ["Bưu điện các huyện, thành phố"], "fixed_date"),
        ("IV.2", None, ["Phòng Kế toán - Tài chính", "Phòng Tổ chức - Hành chính"], "unspecified"),  # a subject after ";" too
        ("IV.3", None, ["Ban Thường vụ Hội Cựu chiến binh tỉnh"], "unspecified"),
    ]


# --- what batches 16 and 17 taught (fifteenth measurement) ---------------------------------------

def test_defining_phrases_anniversaries_money_per_person_and_houses_counted_before_removal():
    targets = _targets_of(
        "- Hoàn thành xóa 3.246 nhà tạm, nhà dột nát trên địa bàn tỉnh trước ngày 31/8/2025, trong đó hỗ trợ xây dựng mới 1.958 căn.\n\n"
        "- Bàn giao nhà cho hộ người có công nhân dịp kỷ niệm 78 năm Ngày Thương binh - Liệt sỹ.\n\n"
        "- Đến năm 2028, 100% rác thải sinh hoạt tại khu du lịch được thu gom, xử lý.\n\n"
        "- Tỷ lệ người hưởng nhận qua tài khoản đạt 35%; riêng khu vực đô thị đạt 60%.\n\n"
        "- Ít nhất 50% người lao động làm việc thường xuyên trong hợp tác xã tham gia bảo hiểm xã hội.\n\n"
        "- Thu nhập bình quân của thành viên hợp tác xã đạt 95 triệu đồng/người/năm."
    )
    assert [(t.comparator, t.value, t.indicator) for t in targets] == [
        ("eq", Decimal(0), "NHA_TAM_CON_LAI"),  # the 3.246 are today's houses, none are to be left
        ("qual", None, None),  # houses built: neither houses left nor social housing
        ("qual", None, None),  # an anniversary's years are no quantity
        ("qual", None, None),  # solid waste is no "nước thải"
        ("qual", None, None), ("qual", None, None),  # paid without cash; "đô thị" alone is no unemployment rate
        ("qual", None, None),  # workers of cooperatives are part of the labour force
        ("qual", None, None),
    ]
    assert (targets[0].year, targets[3].year) == (2025, 2028)
    assert "95 triệu đồng" in targets[-1].note


def test_a_heading_bracket_holding_its_time_and_hospital_departments():
    tasks = _tasks_of(
        "1. Rà soát, chốt danh sách hộ được hỗ trợ (hoàn thành trước ngày 28/02/2025)\n\n- Rà soát từng hộ.\n\n"
        "2. Truyền thông giáo dục sức khỏe\n\n- Duy trì chuyên mục sức khỏe.\n\nKhoa Dân số - Truyền thông giáo dục sức khỏe chủ trì; "
        "Trạm Y tế các xã phối hợp; đề nghị Đồn Biên phòng Mẫu Sơn phối hợp. Thời gian: thường xuyên.\n"
    )
    assert tasks == [
        ("1", None, [], "fixed_date"),
        ("2", "Khoa Dân số - Truyền thông giáo dục sức khỏe", ["Trạm Y tế các xã", "Đồn Biên phòng Mẫu Sơn"], "continuous"),
    ]


def test_a_plan_of_supervision_names_who_supervises_and_not_who_is_supervised():
    text = ("HỘI ĐỒNG NHÂN DÂN TỈNH TÂY NINH\nTHƯỜNG TRỰC\nSố: 09/KH-HĐND          Tây Ninh, ngày 20 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
            "Giám sát việc thực hiện chính sách xã hội\n\nIII. NỘI DUNG GIÁM SÁT\n\n"
            "1. Giám sát chuyên đề năm 2026 về bảo hiểm xã hội\n\n- Nội dung: Kết quả phát triển người tham gia.\n\n"
            "- Chủ thể giám sát: Thường trực Hội đồng nhân dân tỉnh.\n\n- Cơ quan giúp việc: Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh; "
            "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh.\n\n- Đối tượng giám sát: Ủy ban nhân dân tỉnh; Sở Y tế.\n\n"
            "- Thời gian: Quý III/2026.\n\nIV. TỔ CHỨC THỰC HIỆN\n\n1. Ban Văn hóa - Xã hội xây dựng đề cương.\n\nNơi nhận:\n")
    spec = parse_document(text, "tt-hdnd.txt")
    assert _task_rows(spec)[0] == (
        "1", "Thường trực Hội đồng nhân dân tỉnh",
        ["Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"], "fixed_date",
    )


def test_a_subject_before_a_colon_an_age_that_says_who_and_tren_dia_ban():
    targets = _targets_of(
        "+ Tỷ lệ dân số được quản lý sức khỏe: năm 2026 đạt 88%; đến năm 2030 đạt trên 95%.\n\n"
        "+ Tỷ lệ người từ 40 tuổi trở lên được khám sàng lọc tăng huyết áp, đái tháo đường đạt 70% năm 2026.\n\n"
        "+ Góp phần để trên địa bàn tỉnh có 60% số người sau độ tuổi nghỉ hưu được hưởng lương hưu, bảo hiểm xã hội hằng tháng "
        "và trợ cấp hưu trí xã hội."
    )
    assert [(t.comparator, t.value, t.year, t.indicator) for t in targets] == [
        ("ge", Decimal(88), 2026, "TL_QUAN_LY_SUC_KHOE"),  # the colon follows the subject: no introduction
        ("gt", Decimal(95), 2030, "TL_QUAN_LY_SUC_KHOE"),
        ("qual", None, 2026, None),  # one target: "từ 40 tuổi trở lên" says who is screened
        ("ge", Decimal(60), 2030, "TL_HUONG_HUU"),  # "trên địa bàn" is no comparator
    ]


# --- what batches 18 and 19 taught (sixteenth measurement) ---------------------------------------

def test_unemployment_benefits_are_no_unemployment_rate_and_a_share_in_removing_houses():
    targets = _targets_of(
        "- 100% người lao động đang hưởng trợ cấp thất nghiệp được tư vấn, giới thiệu việc làm.\n\n"
        "- Tỷ lệ lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm thất nghiệp đạt 30%.\n\n"
        "- Tỷ lệ thất nghiệp chung dưới 2%.\n\n"
        "- Góp phần cùng toàn tỉnh xóa xong nhà tạm, nhà dột nát trước ngày 31/10/2025."
    )
    assert [(t.comparator, t.indicator) for t in targets] == [
        ("qual", None), ("ge", "TL_THAM_GIA_BHTN"), ("lt", "TL_THAT_NGHIEP"),
        ("eq", "NHA_TAM_CON_LAI"),  # "góp phần cùng toàn tỉnh xóa xong …": none left
    ]


def test_a_responsibility_line_with_its_time_and_words_that_open_no_newspaper():
    tasks = _tasks_of(
        "1. Truyền thông\n\n- Đa dạng hóa hình thức truyền thông.\n\nTrách nhiệm: Phòng Bảo trợ xã hội và Trẻ em chủ trì; Trung tâm Kiểm soát "
        "bệnh tật tỉnh, Báo và Phát thanh, Truyền hình Phú Thọ phối hợp. Thời gian: thường xuyên.\n",
        "1. Bảo đảm kinh phí, trang thiết bị cho hoạt động tuyên truyền tổ chức thực hiện.\n\n"
        "2. Báo và Phát thanh, Truyền hình Phú Thọ mở chuyên mục về quyền trẻ em.\n",
    )
    assert tasks == [
        ("1", "Phòng Bảo trợ xã hội và Trẻ em", ["Trung tâm Kiểm soát bệnh tật tỉnh", "Báo và Phát thanh, Truyền hình Phú Thọ"], "continuous"),
        ("IV.1", None, [], "unspecified"),  # "Bảo đảm …" opens no newspaper's name
        ("IV.2", None, ["Báo và Phát thanh, Truyền hình Phú Thọ"], "unspecified"),
    ]


def test_a_table_ends_at_the_next_part_and_broken_sentences_are_joined_again():
    text = ("TT\nChỉ tiêu\nNăm 2030\n\n1\nTỷ lệ dân số tham gia bảo hiểm y tế\n95\n\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Chăm sóc trẻ em suy\ndinh dưỡng\n\n7\n\n2. Việc làm\n")
    paras = [p.text for p in paragraphs(text)]
    assert "Chỉ tiêu" in paras and "95" in paras  # cells stay cells inside the table
    assert "1. Chăm sóc trẻ em suy dinh dưỡng" in paras and "7" not in paras  # after it: joined, page number dropped


def test_satisfaction_money_and_groups_the_library_does_not_count_draft_no_indicator():
    targets = _targets_of(
        "- Mức độ hài lòng của người dân đối với việc thực hiện chính sách bảo hiểm y tế đạt ít nhất 90%.\n\n"
        "- Tỷ lệ số tiền chậm đóng bảo hiểm xã hội, bảo hiểm y tế so với số phải thu dưới 2%.\n\n"
        "- 100% người cao tuổi có thẻ bảo hiểm y tế.\n\n"
        "- 100% người cao tuổi thuộc diện hưởng trợ cấp xã hội hằng tháng được hưởng đầy đủ.\n\n"
        "- 100% trẻ em dưới 36 tháng tuổi mồ côi cả cha lẫn mẹ, người cao tuổi cô đơn thuộc hộ nghèo được hưởng trợ cấp xã hội.\n\n"
        "- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%."
    )
    assert [(t.comparator, t.indicator) for t in targets] == [
        ("qual", None),  # satisfaction: no coverage rate
        ("qual", None),  # a share of money: no share of people
        ("qual", None),  # the elderly: a part of the population
        ("qual", None),  # recipients without the orphans that define the library's rate
        ("eq", "TL_HUONG_TRO_CAP"),
        ("ge", "TL_BAO_PHU_BHYT"),
    ]


def test_a_partner_list_ends_at_a_verb_and_work_done_within_a_year_is_dated():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\n- Đẩy mạnh tuyên truyền.\n",
        "1. Phòng Kinh tế chủ trì, phối hợp với Phòng Văn hóa - Xã hội lồng ghép nguồn vốn hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo.\n\n"
        "2. Trạm Y tế xã chủ trì thực hiện các chỉ tiêu về y tế; phối hợp với Bảo hiểm xã hội cơ sở vận động người dân tham gia "
        "bảo hiểm y tế; hoàn thành lập hồ sơ sức khỏe điện tử cho người dân trong năm 2027.\n",
    )
    assert tasks[1:] == [
        ("IV.1", "Phòng Kinh tế", ["Phòng Văn hóa - Xã hội"], "unspecified"),  # "lồng ghép" ends the partner's name
        ("IV.2", "Trạm Y tế xã", ["Bảo hiểm xã hội cơ sở"], "fixed_date"),
    ]


def test_a_clause_asking_a_further_body_and_lap_ending_a_partner_name():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\n- Đẩy mạnh tuyên truyền.\n",
        "1. Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành tỉnh chuẩn bị báo cáo; đề nghị Bảo hiểm xã hội tỉnh, Chi nhánh "
        "Ngân hàng Chính sách xã hội tỉnh phối hợp thực hiện.\n\n"
        "2. Văn phòng Hội đồng nhân dân tỉnh chủ trì, phối hợp với các Ban của Hội đồng nhân dân tỉnh lập danh mục kiến nghị "
        "sau từng cuộc giám sát.\n",
    )
    assert tasks[1:] == [
        ("IV.1", "Ủy ban nhân dân tỉnh", ["Các sở, ngành tỉnh", "Bảo hiểm xã hội tỉnh", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"], "unspecified"),
        ("IV.2", "Văn phòng Hội đồng nhân dân tỉnh", ["Các Ban của Hội đồng nhân dân tỉnh"], "unspecified"),
    ]


def test_the_issuers_own_units_listed_before_thuoc_are_one_group():
    assert split_bodies("Các phòng chuyên môn, đơn vị thuộc Sở") == ["Các phòng chuyên môn, đơn vị thuộc Sở"]
    assert split_bodies("Các khoa, phòng thuộc Trung tâm") == ["Các khoa, phòng thuộc Trung tâm"]
    assert split_bodies("Thủ trưởng các phòng, chi cục, đơn vị trực thuộc Sở") == ["Thủ trưởng các phòng, chi cục, đơn vị trực thuộc Sở"]
    assert split_bodies("Các phòng chức năng, Chi cục thuộc Sở") == ["Các phòng chức năng, Chi cục thuộc Sở"]
    assert split_bodies("Phòng Kế hoạch, các đơn vị liên quan") == ["Phòng Kế hoạch", "các đơn vị liên quan"]  # no "thuộc": two


def test_parts_named_phan_or_lettered_and_targets_numbered_chi_tieu():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nPHẦN II. CHỈ TIÊU ĐẾN NĂM 2030\n\n"
            "Chỉ tiêu 1. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n\n"
            "Chỉ tiêu 2. Góp phần nâng tuổi thọ trung bình của người dân lên khoảng\n76 tuổi.\n\n"
            "PHẦN III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Văn hóa.\n")
    spec = parse_document(text, "thu.txt")
    assert [(t.comparator, t.value, t.unit, t.indicator) for t in spec.targets] == [
        ("ge", Decimal(95), "%", "TL_BAO_PHU_BHYT"), ("approx", Decimal(76), "tuổi", "TUOI_THO"),  # the figure on the next line
    ]
    assert _task_rows(spec) == [("1", "Phòng Văn hóa", [], "unspecified")]
    lettered = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 42-NQ/TW\n\nB. MỤC TIÊU\nII. Mục tiêu cụ thể\n"
                "- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n\nC. NHIỆM VỤ VÀ GIẢI PHÁP\n\n1. Tuyên truyền\n"
                "(Chủ trì: Ban Tuyên truyền Hội Khuyến học tỉnh; phối hợp: Báo và Phát thanh, Truyền hình\n"
                "Tuyên Quang, Hội Khuyến học các xã, phường; thời gian: thường xuyên.)\n\n"
                "D. TỔ CHỨC THỰC HIỆN\n1. Hội Khuyến học các xã, phường tạo điều kiện, phối hợp với Hội trong quá trình thực hiện.\n")
    spec = parse_document(lettered, "thu.txt")
    assert len(spec.targets) == 1  # the targets end at "C. NHIỆM VỤ …"
    assert _task_rows(spec) == [
        # the bracket runs on over the line break
        ("1", "Ban Tuyên truyền Hội Khuyến học tỉnh", ["Báo và Phát thanh, Truyền hình Tuyên Quang", "Hội Khuyến học các xã, phường"], "continuous"),
        ("D.1", None, ["Hội Khuyến học các xã, phường"], "unspecified"),  # "phối hợp với Hội": the issuer itself
    ]


def test_duties_listed_under_a_bodys_heading_assign_the_points_they_name():
    tasks = _tasks_of(
        "1. Nhóm nhiệm vụ về gia đình\n1.1. Truyền thông về giá trị gia đình.\n1.2. Phòng, chống bạo lực gia đình.\n"
        "2. Nhóm nhiệm vụ về thể thao\n2.1. Phát triển câu lạc bộ thể thao.\n(Thời gian: hằng năm)\n"
        "2.2. Dạy bơi cho trẻ em.\n(Thời gian: năm 2027 và các năm tiếp theo)\n",
        "1. Phòng Gia đình\n- Chủ trì thực hiện các nhiệm vụ tại điểm 1.1, 1.2 Phần III.\n\n"
        "2. Phòng Thể dục thể thao\n- Chủ trì thực hiện các nhiệm vụ tại điểm 2.1, 2.2 Phần III; phối hợp với Trung tâm Huấn luyện "
        "thể thao tỉnh tổ chức các giải.\n\n"
        "3. Thư viện tỉnh, Trung tâm Văn hóa tỉnh\n- Thư viện tỉnh chủ trì tổ chức ngày sách.\n- Trung tâm Văn hóa tỉnh phối hợp "
        "thực hiện nhiệm vụ tại điểm 1.1 Phần III.\n",
    )
    assert tasks == [
        ("1", "Phòng Gia đình", [], "unspecified"),
        ("1.1", "Phòng Gia đình", ["Trung tâm Văn hóa tỉnh"], "unspecified"),
        ("1.2", "Phòng Gia đình", [], "unspecified"),
        ("2", "Phòng Thể dục thể thao", [], "yearly_from"),  # its points recur, from different years
        ("2.1", "Phòng Thể dục thể thao", ["Trung tâm Huấn luyện thể thao tỉnh"], "yearly_from"),
        ("2.2", "Phòng Thể dục thể thao", ["Trung tâm Huấn luyện thể thao tỉnh"], "yearly_from"),
        ("IV.1", "Phòng Gia đình", [], "unspecified"),  # the headings stay organisation items
        ("IV.2", "Phòng Thể dục thể thao", ["Trung tâm Huấn luyện thể thao tỉnh"], "unspecified"),
        ("IV.3", "Thư viện tỉnh", ["Trung tâm Văn hóa tỉnh"], "unspecified"),  # the one its bullet says leads
    ]


LAYOUT_TABLE = """KẾ HOẠCH
Thực hiện Nghị quyết số 42-NQ/TW

III. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN

TT    Nội dung                            Đơn vị chủ trì          Đơn vị phối hợp          Thời gian thực
                                                                                           hiện

I     CÔNG TÁC TUYÊN TRUYỀN

1     Tuyên truyền Nghị quyết số          Ban Thường trực Ủy ban  Các tổ chức chính trị -  Thường xuyên
      42-NQ/TW đến Nhân dân               MTTQ Việt Nam xã        xã hội xã

                                                  2

TT    Nội dung                            Đơn vị chủ trì          Đơn vị phối hợp          Thời gian thực
                                                                                           hiện

2     Vận động Nhân dân tham gia bảo      Hội Liên hiệp Phụ nữ    Trạm Y tế xã; Đoàn       Trước ngày
      hiểm y tế hộ gia đình               xã                      Thanh niên xã            31/12/2028

IV. TỔ CHỨC THỰC HIỆN
1. Các tổ chức chính trị - xã hội xã xây dựng kế hoạch của tổ chức mình.
"""


def test_a_table_laid_out_with_spaces_is_read_cell_by_cell_keeping_positions():
    spec = parse_document(LAYOUT_TABLE, "thu.txt")
    assert _task_rows(spec, title=True)[:3] == [
        ("I", "CÔNG TÁC TUYÊN TRUYỀN", None, [], "unspecified"),  # a part of the table, its rows its subtasks
        ("1", "Tuyên truyền Nghị quyết số 42-NQ/TW đến Nhân dân", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã",
         ["Các tổ chức chính trị - xã hội xã"], "continuous"),
        ("2", "Vận động Nhân dân tham gia bảo hiểm y tế hộ gia đình", "Hội Liên hiệp Phụ nữ xã", ["Trạm Y tế xã", "Đoàn Thanh niên xã"], "fixed_date"),
    ]
    assert spec.tasks[1].parent_number == "I"
    cell = next(p for p in paragraphs(LAYOUT_TABLE) if p.text.startswith("Tuyên truyền"))
    assert LAYOUT_TABLE[cell.offset(cell.text.index("42-NQ/TW")) :].startswith("42-NQ/TW đến")  # the second line's piece


def test_tasks_numbered_nhiem_vu_and_a_bodys_heading_with_its_duties_in_a_paragraph():
    tasks = _tasks_of(
        "Nhiệm vụ 1. Rà soát quy hoạch\n- Rà soát quỹ đất nhà ở công nhân.\nChủ trì: Phòng Quy hoạch - Xây dựng.\nThời gian: quý II/2026.\n\n"
        "Nhiệm vụ 2. Thúc đẩy đầu tư nhà ở xã hội\nChủ trì: Phòng Quản lý đầu tư.\n",
        "1. Văn phòng Ban\nLà đầu mối theo dõi, tổng hợp tình hình thực hiện Kế hoạch.\n\n"
        "2. Các phòng chuyên môn, Công đoàn các khu công nghiệp\nXây dựng kế hoạch chi tiết, gửi Văn phòng Ban trước ngày 31/01/2026.\n\n"
        "3. Đề nghị Sở Xây dựng, Sở Nội vụ, Bảo hiểm xã hội tỉnh, Liên đoàn Lao động tỉnh\nPhối hợp chặt chẽ trong quá trình thực hiện.\n\n"
        "4. Đoàn Thanh niên, Công đoàn Trường: thường xuyên tuyên truyền, vận động người học.\n",
    )
    assert tasks == [
        ("1", "Phòng Quy hoạch - Xây dựng", [], "fixed_date"),
        ("2", "Phòng Quản lý đầu tư", [], "unspecified"),
        ("IV.1", "Văn phòng Ban", [], "unspecified"),  # "Là đầu mối …" under its heading
        ("IV.2", None, ["Các phòng chuyên môn", "Công đoàn các khu công nghiệp"], "fixed_date"),  # the date in its paragraph
        ("IV.3", None, ["Sở Xây dựng", "Sở Nội vụ", "Bảo hiểm xã hội tỉnh", "Liên đoàn Lao động tỉnh"], "unspecified"),
        ("IV.4", None, ["Đoàn Thanh niên", "Công đoàn Trường"], "continuous"),  # "thường xuyên"
    ]


def test_figures_of_part_of_the_workforce_years_of_a_law_and_of_a_sentence_set_out_by_years():
    targets = _targets_of(
        "a) Tỷ lệ người lao động tại các doanh nghiệp trong khu công nghiệp tham gia bảo hiểm xã hội bắt buộc trên 95% vào năm "
        "2027 và từ 98% trở lên vào năm 2030.\n\n"
        "b) Tỷ lệ lao động trong các khu công nghiệp đã qua đào tạo có bằng cấp, chứng chỉ đạt 45% đến năm 2030.\n\n"
        "c) Tổng số căn hộ nhà ở xã hội hoàn thành đạt khoảng 12.000 căn.\n\n"
        "d) Đối với quân nhân xuất ngũ\n\n"
        "e) Phấn đấu trên 75% quân nhân xuất ngũ có việc làm ổn định. 100% thân nhân quân nhân được cấp thẻ bảo hiểm y tế.\n\n"
        "g) 100% dân quân tự vệ được bảo đảm chế độ theo Luật Dân quân tự vệ năm 2019.\n\n"
        "h) Đến năm 2027 có 05 ngành đạt chuẩn kiểm định; đến năm 2028 có 03 nghề đạt cấp độ ASEAN; 100% nhà giáo đạt chuẩn.\n\n"
        "i) Quy mô tuyển sinh đạt tối thiểu 4.000 người/năm, trong đó trình độ cao đẳng chiếm từ 40% trở lên."
    )
    assert [(t.comparator, t.unit, t.year, t.indicator) for t in targets] == [
        ("qual", "", 2027, None), ("qual", "", 2030, None),  # workers of the zones: no rate of the labour force
        ("qual", "", 2030, None),  # "đã qua đào tạo" states no present; the zones' workers again
        ("approx", "căn hộ", 2030, "NOXH_CAN_HO"),  # "số căn hộ … 12.000 căn": apartments
        ("qual", "", 2030, None), ("qual", "", 2030, None),  # "Đối với …" is a heading; a sentence may open with its figure
        ("qual", "", 2030, None),  # the law's year is no target's
        ("qual", "", 2027, None), ("qual", "", 2028, None), ("qual", "", 2028, None),  # the last year named holds
        ("qual", "", 2030, None), ("qual", "", 2030, None),  # "4.000 người/năm" is a quantity: "trong đó …" is a target
    ]


def test_a_wrapped_text_runs_on_after_a_full_line_and_points_nothing_assigns_are_content():
    filler = "Nội dung tuyên truyền được tổ chức thường xuyên, liên tục, phù hợp với từng đối tượng ở cơ sở."
    wrapped = "\n".join(f"- {filler}" for _ in range(20))  # a text cut at one width, as a PDF's text is
    text = (f"KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\n{wrapped}\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n"
            "1. Tăng cường sự lãnh đạo của cấp ủy\na) Tổ chức học tập, quán triệt Nghị quyết.\nb) Đổi mới tuyên truyền.\n\n"
            "IV. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Ban Thường vụ Đảng ủy lãnh đạo Bộ Chỉ huy Quân sự tỉnh xây dựng kế hoạch triển khai thực hiện\n"
            "Chương trình hành động, hoàn thành trong quý I/2026.\n"
            "2. Đảng ủy các Ban Chỉ huy Phòng thủ khu vực, chi bộ, đảng bộ trực thuộc xây dựng kế hoạch thực hiện.\n"
            "3. Chi bộ quân sự các xã lãnh đạo Ban Chỉ huy quân sự xã nắm chắc đối tượng chính sách; thường xuyên tham mưu cấp ủy.\n")
    assert _task_rows(parse_document(text, "thu.txt")) == [
        ("1", None, [], "unspecified"),  # its points a), b) are its content: nothing assigns them
        ("IV.1", "Ban Thường vụ Đảng ủy", ["Bộ Chỉ huy Quân sự tỉnh"], "fixed_date"),  # "Chương trình …" runs on
        ("IV.2", None, ["Đảng ủy các Ban Chỉ huy Phòng thủ khu vực", "Chi bộ, đảng bộ trực thuộc"], "unspecified"),
        ("IV.3", "Chi bộ quân sự các xã", ["Ban Chỉ huy quân sự xã"], "continuous"),  # the partner ends at "nắm chắc"
    ]
    assert parse_document(text, "thu.txt").tasks[0].content == ["Tổ chức học tập, quán triệt Nghị quyết", "Đổi mới tuyên truyền"]


def test_a_label_bracket_broken_after_a_semicolon_units_named_by_kind_and_each_semester():
    tasks = _tasks_of(
        "1. Chính sách đối với người học\n"
        "1.1. Miễn, giảm học phí cho học sinh, sinh viên (Chủ trì: Phòng Công tác học sinh, sinh viên;\n"
        "phối hợp: Phòng Kế hoạch - Tài chính; thời gian: từng học kỳ).\n"
        "1.2. Bố trí ký túc xá miễn phí (Chủ trì: Phòng Quản trị; thời gian: từ học kỳ I năm học 2026 - 2027).\n",
        "1. Phòng Đào tạo: là đơn vị thường trực, chủ trì, phối hợp với các phòng, khoa, trung tâm triển khai Kế hoạch.\n",
    )
    assert tasks == [
        ("1", None, [], "yearly_from"),
        ("1.1", "Phòng Công tác học sinh, sinh viên", ["Phòng Kế hoạch - Tài chính"], "yearly_from"),
        ("1.2", "Phòng Quản trị", [], "yearly_from"),
        ("IV.1", "Phòng Đào tạo", ["Các phòng, khoa, trung tâm"], "unspecified"),  # one group
    ]
    assert read_timeline("từ học kỳ I năm học 2026 - 2027", 2025) == ("yearly_from", 2026, None)


def test_a_word_table_is_read_where_it_stands_one_cell_per_line(tmp_path):
    import docx

    document = docx.Document()
    for text in ("KẾ HOẠCH", "Thực hiện Nghị quyết số 42-NQ/TW", "II. MỤC TIÊU", "2. Chỉ tiêu cụ thể",
                 "- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95% vào năm 2030.", "III. NHIỆM VỤ, GIẢI PHÁP"):
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=5)
    rows = [["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
            ["1", "Tuyên truyền Nghị quyết", "Sở Văn hóa", "Sở Y tế, Công an tỉnh", "Thường xuyên"],
            ["2", "Rà soát hộ nghèo\nhằng năm", "Sở Nội vụ", "", "Quý IV/2026"]]  # a cell of two lines, an empty cell
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")  # after the table: the table is read before it
    document.add_paragraph("1. Sở Nội vụ theo dõi, tổng hợp.")
    path = tmp_path / "bang.docx"
    document.save(path)
    assert _task_rows(parse_file(path), title=True) == [
        ("1", "Tuyên truyền Nghị quyết", "Sở Văn hóa", ["Sở Y tế", "Công an tỉnh"], "continuous"),
        ("2", "Rà soát hộ nghèo hằng năm", "Sở Nội vụ", [], "fixed_date"),
        ("IV.1", "Sở Nội vụ theo dõi, tổng hợp", None, ["Sở Nội vụ"], "unspecified"),
    ]


def _wrapped(text: str, width: int = 100) -> str:
    """The text as a PDF gives it: prose cut at one width (tables copied cell per line stay)."""
    lines, table = [], False
    for line in text.split("\n"):
        table = (table and not re.match(r"[IVX]+\.\s", line)) or line.strip().lower() in ("tt", "stt")
        lines.append(line if table or len(line) <= width else textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


@pytest.mark.parametrize("name", ["batch13/so-tai-chinh-ke-hoach", "batch14/buu-dien-tinh-ke-hoach"])
def test_a_document_wrapped_like_a_pdf_reads_nearly_as_well_as_its_text(name):
    text, gold = (DOCPARSE / f"{name}.txt").read_text(encoding="utf-8"), parse_program_file(DOCPARSE / f"{name}.yaml")
    plain, wrapped = evaluate(parse_document(text, "a.txt"), gold), evaluate(parse_document(_wrapped(text), "a.txt"), gold)
    for part in ("targets", "tasks"):
        assert wrapped[part]["f1"] >= plain[part]["f1"] - 0.06, (part, plain, wrapped)


def test_lines_broken_where_a_sentence_cannot_end_are_joined():
    paras = [p.text for p in paragraphs(
        "- Ban Tuyên giáo: phối hợp thực hiện nội dung tại điểm 3 Mục\nIII.\n"
        "- Phòng Tài chính: chủ trì các nhiệm vụ tại khoản 3, khoản\n4, khoản 7 Mục III.\n"
        "- Tỷ lệ dân số tham gia bảo hiểm y tế đến năm\n2030 đạt 95%.\n"
        "Giao Ban Gia đình chủ trì. Thời gian:\nhằng năm.\n"
        "- Công tác dân số\n8.1. Sắp xếp mạng lưới trạm y tế\n"  # "dân số" asks for no number
        "Hằng năm\n3\n")]
    assert paras == [
        "- Ban Tuyên giáo: phối hợp thực hiện nội dung tại điểm 3 Mục III.",
        "- Phòng Tài chính: chủ trì các nhiệm vụ tại khoản 3, khoản 4, khoản 7 Mục III.",
        "- Tỷ lệ dân số tham gia bảo hiểm y tế đến năm 2030 đạt 95%.",
        "Giao Ban Gia đình chủ trì. Thời gian: hằng năm.",
        "- Công tác dân số", "8.1. Sắp xếp mạng lưới trạm y tế", "Hằng năm",
    ]


def test_party_parts_written_iii_dash_and_chapters_phan_thu_with_assignments_by_body():
    text = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 42-NQ/TW\n\nPHẦN THỨ HAI\nMỤC TIÊU, NHIỆM VỤ\n\n"
            "I- MỤC TIÊU\n2. Chỉ tiêu\n(1) Hằng năm, 100% cán bộ, đảng viên trong các cơ quan Đảng tham gia bảo hiểm y tế.\n"
            "(2) Không để phát sinh nhà tạm, nhà dột nát trên địa bàn tỉnh.\n\n"
            "II- NHIỆM VỤ VÀ GIẢI PHÁP\n1. Tuyên truyền\n(Thời gian thực hiện: thường xuyên)\n2. Văn hóa, thể thao\n"
            "(Thời gian thực hiện: năm 2027, năm 2029)\n\n"
            "PHẦN THỨ BA\nTỔ CHỨC THỰC HIỆN\n\nI. PHÂN CÔNG THỰC HIỆN\n"
            "1. Ban Văn hóa - Giáo dục Hội tỉnh: chủ trì thực hiện nhiệm vụ 1 và nhiệm vụ 2.\n"
            "2. Cơ sở Dạy nghề người mù tỉnh: phối hợp thực hiện tất cả các nhiệm vụ.\n\n"
            "II. TRÁCH NHIỆM THỰC HIỆN\n1. Ban Thường vụ Hội tỉnh chỉ đạo, kiểm tra việc thực hiện; sơ kết vào quý IV năm 2028.\n"
            "2. Kiến nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Sở Y tế quan tâm phối hợp.\n")
    spec = parse_document(text, "thu.txt")
    assert [(t.comparator, t.indicator) for t in spec.targets] == [
        ("qual", None),  # officials and Party members: a part of the population
        ("eq", "NHA_TAM_CON_LAI"),  # "không để phát sinh nhà tạm": none left
    ]
    assert _task_rows(spec) == [
        ("1", "Ban Văn hóa - Giáo dục Hội tỉnh", ["Cơ sở Dạy nghề người mù tỉnh"], "continuous"),
        ("2", "Ban Văn hóa - Giáo dục Hội tỉnh", ["Cơ sở Dạy nghề người mù tỉnh"], "yearly_from"),  # each of the years named
        ("II.1", "Ban Thường vụ Hội tỉnh", [], "unspecified"),  # the review's quarter is no deadline
        ("II.2", None, ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Sở Y tế"], "unspecified"),
    ]


def test_an_assignment_table_in_the_organisation_section_and_departments_named_by_field():
    tasks = _tasks_of(
        "1. Rà soát hệ thống chỉ tiêu\n\n- Rà soát.\n\n2. Tập huấn cho cấp xã\n\n- Tập huấn.\n",
        "     1. Phân công thực hiện các nhiệm vụ tại Mục III\n\n"
        " TT  Nhiệm vụ                  Đơn vị chủ trì          Đơn vị phối hợp                  Thời gian\n"
        " 1   Rà soát, chuẩn hóa hệ     Phòng Thống kê Tổng     Phòng Thống kê Dân số - Xã       Tháng 10 - 12/2026\n"
        "     thống chỉ tiêu            hợp                     hội; Sở Nội vụ\n"
        " 2   Tập huấn cho cấp xã       Các Tổ Thống kê khu     Phòng Thu thập thông tin         Thường xuyên\n"
        "                               vực                     thống kê\n\n"
        "     2. Phòng Thống kê Dân số - Xã hội là đơn vị đầu mối, giúp Chánh Thống kê tỉnh theo dõi việc thực hiện Kế\n"
        "hoạch.\n"
        "     3. Đề nghị các sở, ngành: Nội vụ, Y tế, Bảo hiểm xã hội tỉnh cung cấp đầy đủ số liệu.\n"
        "     4. Trưởng các phòng, Tổ trưởng các Tổ Thống kê khu vực chủ động triển khai nhiệm vụ được giao.\n",
    )
    assert tasks == [
        ("1", "Phòng Thống kê Tổng hợp", ["Phòng Thống kê Dân số - Xã hội", "Sở Nội vụ"], "fixed_date"),  # by December
        ("2", "Các Tổ Thống kê khu vực", ["Phòng Thu thập thông tin thống kê"], "continuous"),
        ("IV.2", "Phòng Thống kê Dân số - Xã hội", [], "unspecified"),  # the prose after the table is no cell of it
        ("IV.3", None, ["Sở Nội vụ", "Sở Y tế", "Bảo hiểm xã hội tỉnh"], "unspecified"),
        ("IV.4", None, ["Các phòng", "Các Tổ Thống kê khu vực"], "unspecified"),
    ]


def test_comparison_signs_a_lettered_heading_over_bullets_and_names_with_commas():
    targets = _targets_of(
        "a) Góp phần thực hiện các chỉ tiêu y tế của tỉnh đến năm 2030\n- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi < 6,5%.\n"
        "- Tỷ lệ dân số được quản lý sức khỏe ≥ 95%.\n"
        "- Phấn đấu tỷ lệ thất nghiệp chung dưới 2,5%, tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ trên 62%.\n"
        "- 80% chi hội hoạt động tốt, không còn chi hội yếu kém.\n"
        "- 100% trẻ em mù trong độ tuổi đi học được hỗ trợ học hòa nhập.\n"
        "- 100% người cao tuổi, trẻ em dưới 6 tuổi có thẻ bảo hiểm y tế được hưởng đầy đủ quyền lợi."
    )
    assert [(t.comparator, t.value, t.indicator) for t in targets] == [
        ("lt", Decimal("6.5"), "TL_THAP_COI"), ("ge", Decimal(95), "TL_QUAN_LY_SUC_KHOE"),
        ("lt", Decimal("2.5"), "TL_THAT_NGHIEP"), ("gt", Decimal(62), "TL_LD_CO_BANG"),  # "bằng cấp, chứng chỉ" stays whole
        ("qual", None, None), ("qual", None, None),  # "…, không còn chi hội yếu kém" is a commitment of its own
        ("qual", None, None),  # blind children: a part of those of school age
        ("qual", None, None),  # no vaccination: "tiêm" defines that rate
    ]
    assert split_bodies("Phòng Bảo trợ xã hội, Trẻ em và Phòng, chống tệ nạn xã hội; Các khoa lâm sàng, cận lâm sàng; Văn phòng HĐND và UBND phường") == [
        "Phòng Bảo trợ xã hội, Trẻ em và Phòng, chống tệ nạn xã hội", "Các khoa lâm sàng, cận lâm sàng", "Văn phòng HĐND và UBND phường"]


def test_more_places_a_sentence_cannot_end_and_units_named_khoi():
    paras = [p.text for p in paragraphs(
        "- Mặt trận phối hợp thực hiện các nhiệm vụ\n1, 2, 3 và 5.\n"
        "- Xây dựng kế hoạch, hoàn thành trước ngày\n30/4/2026.\n"
        "- Thời gian: giai đoạn 2026 -\n2030.\n"
        "- Thời gian: định kỳ\n6 tháng, hằng năm.\n"
        "- Thời gian: Năm\n2024 và các năm tiếp theo.\n")]
    assert paras == [
        "- Mặt trận phối hợp thực hiện các nhiệm vụ 1, 2, 3 và 5.", "- Xây dựng kế hoạch, hoàn thành trước ngày 30/4/2026.",
        "- Thời gian: giai đoạn 2026 - 2030.", "- Thời gian: định kỳ 6 tháng, hằng năm.", "- Thời gian: Năm 2024 và các năm tiếp theo.",
    ]
    assert _tasks_of("1. Tuyên truyền\n\n- Đẩy mạnh.\n", "3. Đề nghị Đảng ủy các xã lãnh đạo, chỉ đạo Khối dân vận xã cụ thể hóa Kế hoạch.\n")[1:] == [
        ("IV.3", "Đảng ủy các xã", ["Khối dân vận xã"], "unspecified")]


def test_round_19_layouts_a_lead_before_bracketed_labels_dash_numbering_and_a_split_assignment_cell():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nII- NỘI DUNG VÀ CHỈ TIÊU\n\n2- Chỉ tiêu\n\n"
            "- Có ít nhất 60% số xã đạt chuẩn nông thôn mới theo Bộ tiêu chí quốc gia giai đoạn 2026 - 2030 vào năm 2027.\n\n"
            "III- NHIỆM VỤ VÀ GIẢI PHÁP\n\n1- Tuyên truyền\n"
            "(Văn phòng Hội chủ trì; phối hợp: Ngân hàng Chính sách xã hội tỉnh, Hội Bảo trợ các xã. Thời gian: thường xuyên.)\n")
    spec = parse_document(text, "thu.txt")
    assert [(t.comparator, t.year) for t in spec.targets] == [("qual", 2027)]  # the criteria's period is no year of the target
    assert _task_rows(spec) == [("1", "Văn phòng Hội", ["Ngân hàng Chính sách xã hội tỉnh", "Hội Bảo trợ các xã"], "continuous")]
    table = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII- NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN\n\n"
             "STT\n\nNội dung công việc\n\nPhân công thực hiện\n\nThời gian\n\nA\n\nTUYÊN TRUYỀN TRÊN BÁO IN\n\n"
             "2\n\nSản xuất chuyên mục An sinh\n\nChủ trì: Phòng Chuyên đề\n\nPhối hợp: Phòng Kỹ thuật - Công nghệ\n\nHằng tuần\n\n"
             "IV- TỔ CHỨC THỰC HIỆN\n\n1- Phòng Hành chính - Trị sự bảo đảm kinh phí; chủ trì, phối hợp với Phòng Thư ký tòa soạn "
             "ký kết chương trình phối hợp, hoàn thành trong quý II/2026.\n\n"
             "2- Phòng Kế hoạch tổng hợp bố trí kinh phí trong dự toán chi thường xuyên hằng năm.\n")
    spec = parse_document(table, "thu.txt")
    assert _task_rows(spec) == [
        ("A", "Phòng Chuyên đề", [], "yearly_from"),  # a part of the table, taking what its one row states
        ("2", "Phòng Chuyên đề", ["Phòng Kỹ thuật - Công nghệ"], "yearly_from"),  # "Chủ trì:" and "Phối hợp:" cells; "Hằng tuần"
        ("IV.1", "Phòng Hành chính - Trị sự", ["Phòng Thư ký tòa soạn"], "fixed_date"),  # "…; chủ trì, …": it leads
        # "chi thường xuyên" is spending, not a time; "trong dự toán … hằng năm" funds it every year
        ("IV.2", None, ["Phòng Kế hoạch tổng hợp"], "yearly_from"),
    ]
    assert spec.tasks[1].parent_number == "A"


def test_duties_in_a_paragraph_under_a_bodys_heading_naming_points_of_section_iii():
    tasks = _tasks_of(
        "1. Tuyên truyền\n- Đẩy mạnh.\n2. Giảm nghèo\n- Hỗ trợ sinh kế.\n3. An ninh\n- Nắm tình hình.\n",
        "1. Phòng Kinh tế\n      Chủ trì tham mưu thực hiện nhiệm vụ tại mục 2 Phần III, phối hợp với Phòng giao dịch Ngân hàng "
        "Chính sách xã hội khu vực Phong Thổ; tham mưu bố trí nguồn vốn.\n"
        "2. Công an xã\n      Chủ trì, phối hợp với Đồn Biên phòng Dào San thực hiện nhiệm vụ tại mục 3 Phần III; thực hiện thường xuyên.\n"
        "3. Trạm Y tế xã\n      Phối hợp với Phòng Văn hóa - Xã hội, các trường mầm non trong chăm sóc dinh dưỡng trẻ em.\n"
        "4. Ban Thường vụ Đoàn phường\n- Tổ chức quán triệt Kế hoạch.\n- Chủ trì thực hiện các nhiệm vụ tại mục 1.\n"
        "5. Đề nghị các cơ quan, đơn vị phối hợp\n- Đề nghị Ủy ban nhân dân phường quan tâm bố trí kinh phí; chỉ đạo Phòng Văn hóa - Xã hội "
        "phường phối hợp rà soát.\n",
    )
    assert tasks == [
        ("1", None, [], "unspecified"),
        ("2", "Phòng Kinh tế", ["Phòng giao dịch Ngân hàng Chính sách xã hội khu vực Phong Thổ"], "unspecified"),
        ("3", "Công an xã", ["Đồn Biên phòng Dào San"], "continuous"),  # "…; thực hiện thường xuyên."
        ("IV.1", "Phòng Kinh tế", ["Phòng giao dịch Ngân hàng Chính sách xã hội khu vực Phong Thổ"], "unspecified"),
        ("IV.2", "Công an xã", ["Đồn Biên phòng Dào San"], "continuous"),
        ("IV.3", None, ["Trạm Y tế xã", "Phòng Văn hóa - Xã hội", "Các trường mầm non"], "unspecified"),  # "trong chăm sóc …" cut
        ("IV.4", "Ban Thường vụ Đoàn phường", [], "unspecified"),  # a bullet says it leads
        ("IV.5", None, ["Ủy ban nhân dân phường", "Phòng Văn hóa - Xã hội phường"], "unspecified"),  # the bodies the bullets ask
    ]


def _row(*cells: str) -> str:
    """A row of the table laid out with spaces below: its cells at the heading's columns."""
    return "".join(cell.ljust(width) for cell, width in zip(cells, (5, 40, 17, 21, 20))).rstrip() + "\n"


def test_a_tight_layout_table_and_a_page_number_before_prose_and_references_to_dotted_points():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n"
            "TT   Nội dung nhiệm vụ                       Đơn vị chủ trì   Đơn vị phối hợp      Thời gian\n"
            "1.1  Rà soát, lập danh sách người thuộc diện Trung tâm Trợ    UBND các xã, phường; Quý II/2026\n"
            "     được trợ giúp pháp lý là người có công, giúp pháp lý nhà Sở Y tế; Sở Nội vụ\n"
            "     người thuộc hộ nghèo                    nước tỉnh\n"
            + _row("1.2", "Biên soạn tài liệu pháp luật", "Phòng Phổ biến,", "Sở Nội vụ", "Thường xuyên")
            + _row("", "", "giáo dục pháp", "", "") + _row("", "", "luật", "", "") +
            "                                                                    2\n"
            "      Ngoài các nhiệm vụ trên, các đơn vị chủ động phối hợp với Sở Tư pháp triển khai thực hiện.\n\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\n- Chủ trì thực hiện nhiệm vụ tại mục 1.2; phối hợp thực hiện nhiệm vụ tại mục 1.1.\n")
    spec = parse_document(text, "thu.txt")
    assert _task_rows(spec, title=True)[:2] == [
        ("1.1", "Rà soát, lập danh sách người thuộc diện được trợ giúp pháp lý là người có công, người thuộc hộ nghèo",
         "Trung tâm Trợ giúp pháp lý nhà nước tỉnh", ["Ủy ban nhân dân các xã, phường", "Sở Y tế", "Sở Nội vụ", "Văn phòng Sở"], "fixed_date"),
        ("1.2", "Biên soạn tài liệu pháp luật", "Phòng Phổ biến, giáo dục pháp luật", ["Sở Nội vụ"], "continuous"),
    ]
    assert not any("Ngoài các nhiệm vụ" in cell for task in spec.tasks for cell in [task.title, *task.content][:1] if task.number == "1.2")


def test_round_20_chapters_of_tasks_organisation_items_naming_tasks_and_an_assignment_section():
    text = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 42-NQ/TW\n\nPhần thứ hai\nMỤC TIÊU\n\n"
            "3. Các chỉ tiêu chủ yếu đến năm 2030\nĐến năm 2030, phấn đấu đạt được các chỉ tiêu sau: (1) Tỷ lệ dân số tham gia BHYT "
            "đạt 96,2%. (2) 100% thủ tục hành chính về BHXH, BHYT được giải quyết trên môi trường điện tử.\n\n"
            "Phần thứ ba\nNHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\n\n1. Tuyên truyền\n\n2. Phát triển kinh tế biển\n\n3. Trợ giúp xã hội\n\n"
            "Phần thứ tư\nTỔ CHỨC THỰC HIỆN\n\n"
            "1. Ủy ban nhân dân đặc khu chủ trì thực hiện các nhiệm vụ từ mục 2 đến mục 3 Phần thứ ba. Giao Phòng Văn hóa - Xã hội "
            "tham mưu các nhiệm vụ 3; Phòng Kinh tế tham mưu nhiệm vụ 2.\n\n"
            "2. Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu phối hợp thực hiện các nhiệm vụ 1 và 3.\n")
    spec = parse_document(text, "thu.txt")
    assert [(t.comparator, t.indicator, t.source_text[:12]) for t in spec.targets] == [
        ("ge", "TL_BAO_PHU_BHYT", "Tỷ lệ dân số"),  # "BHYT" spelled out for matching; "(1)" is no part of the fragment
        ("qual", None, "100% thủ tục"),  # a share of procedures, no share of people
    ]
    assert _task_rows(spec) == [
        ("1", None, ["Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu"], "unspecified"),
        ("2", "Ủy ban nhân dân đặc khu", ["Phòng Kinh tế"], "unspecified"),
        ("3", "Ủy ban nhân dân đặc khu", ["Phòng Văn hóa - Xã hội", "Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu"], "unspecified"),
        ("IV.1", "Ủy ban nhân dân đặc khu", ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế"], "unspecified"),  # the items stay
        ("IV.2", None, ["Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu"], "unspecified"),
    ]


def test_a_section_assigning_tasks_body_by_body_and_one_of_reports_after_it():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIV. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Tham mưu cấp ủy\n"
            "2. Phát triển người tham gia BHXH\na) Đối với BHXH bắt buộc\nb) Đối với BHXH tự nguyện\n"
            "V. PHÂN CÔNG NHIỆM VỤ\n1. Giám đốc Bảo hiểm xã hội cơ sở: Chủ trì nhiệm vụ 1.\n"
            "2. Tổ Quản lý thu - Sổ, thẻ: Chủ trì các nhiệm vụ 2; phối hợp thực hiện nhiệm vụ 1.\n"
            "3. Đề nghị Ủy ban nhân dân các xã Đức Thọ, Đức Minh, Đức Quang: Phối hợp thực hiện điểm b nhiệm vụ 2.\n"
            "VI. CHẾ ĐỘ BÁO CÁO\n1. Các tổ nghiệp vụ báo cáo kết quả thực hiện về Giám đốc trước ngày 15/6 hằng năm.\n")
    assert _task_rows(parse_document(text, "thu.txt")) == [
        ("1", "Giám đốc Bảo hiểm xã hội cơ sở", ["Tổ Quản lý thu - Sổ, thẻ"], "unspecified"),
        ("2", "Tổ Quản lý thu - Sổ, thẻ", [], "unspecified"),
        ("2.a", "Tổ Quản lý thu - Sổ, thẻ", [], "unspecified"),
        ("2.b", "Tổ Quản lý thu - Sổ, thẻ", ["Ủy ban nhân dân các xã Đức Thọ, Đức Minh, Đức Quang"], "unspecified"),
        ("VI.1", None, ["Các tổ nghiệp vụ"], "unspecified"),  # reports, a section of the organisation too
    ]


def test_the_general_objective_before_the_targets_and_an_indented_paragraph_after_a_full_line():
    targets = parse_document(
        "KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nII. MỤC TIÊU, CHỈ TIÊU\n1. Mục tiêu chung\nHiện nay Trung tâm nuôi dưỡng "
        "186 đối tượng tại 02 cơ sở.\n2. Chỉ tiêu cụ thể\n- Góp phần giảm tỷ lệ hộ nghèo đa chiều bình quân\n0,8 - 1%/năm.\n\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\n", "thu.txt").targets
    assert [t.source_text for t in targets] == ["Góp phần giảm tỷ lệ hộ nghèo đa chiều bình quân 0,8 - 1%/năm"]
    filler = "Nội dung tuyên truyền được tổ chức thường xuyên, liên tục, phù hợp với từng đối tượng ở cơ sở."
    text = "\n".join([filler] * 20) + "\n     3. Góp phần cùng địa phương thực hiện các chỉ tiêu đến năm 2030 của Đảng ủy\n     Phấn đấu hơn nữa.\n"
    assert [p.text for p in paragraphs(text)][-2:] == [
        "3. Góp phần cùng địa phương thực hiện các chỉ tiêu đến năm 2030 của Đảng ủy", "Phấn đấu hơn nữa."]


def test_round_21_points_named_noi_dung_a_body_that_assigns_and_a_closing_assignment_after_points():
    tasks = _tasks_of(
        "1. Tuyên truyền\n\nTổ chức quán triệt Nghị quyết. Ban Thường vụ giao Ban Phổ biến, giáo dục pháp luật chủ trì, "
        "phối hợp với Văn phòng Hội thực hiện.\n\n"
        "2. Tư vấn pháp luật\n\na) Mở rộng mạng lưới điểm tư vấn.\n\nb) Cử luật gia tham gia tố tụng.\n\n"
        "Trung tâm Tư vấn pháp luật của Hội chủ trì thực hiện; các chi hội luật gia phối hợp. Thời gian: hằng năm.\n\n"
        "3. Trách nhiệm xã hội\n3.1. Đối thoại tại nơi làm việc.\n",
        "1. Ban Phát triển nguồn nhân lực: chủ trì các nội dung 3.1; phối hợp nội dung 1.\n",
    )
    assert tasks == [
        # "Ban Thường vụ giao …": not its own; "phối hợp nội dung 1" joins it
        ("1", "Ban Phổ biến, giáo dục pháp luật", ["Văn phòng Hội", "Ban Phát triển nguồn nhân lực"], "unspecified"),
        ("2", "Trung tâm Tư vấn pháp luật của Hội", ["Các chi hội luật gia"], "yearly_from"),  # a), b) its content
        ("3", "Ban Phát triển nguồn nhân lực", [], "unspecified"),
        ("3.1", "Ban Phát triển nguồn nhân lực", [], "unspecified"),  # "nội dung 3.1"
    ]
    targets = _targets_of("- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n\n3. Yêu cầu\n\n- Việc triển khai phải thiết thực, không hình thức.")
    assert len(targets) == 1  # "3. Yêu cầu" ends the targets


def test_round_22_a_table_of_assignments_followed_by_a_page_number_and_a_standing_bodys_bracket():
    tasks = _tasks_of(
        "1. Tuyên truyền\n- Đẩy mạnh.\n2. Bình ổn thị trường\n- Dự trữ hàng hóa.\n",
        "1. Phân công thực hiện\nCác nhiệm vụ tại mục III được phân công cụ thể như sau:\nTT\nNhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\n"
        "Thời gian thực hiện\n1\nTuyên truyền (mục III.1)\nVăn phòng Sở\nPhòng Quản lý thương mại; Báo và Phát thanh, Truyền hình Gia Lai\n"
        "Thường xuyên\n2\nBình ổn thị trường (mục III.2)\nPhòng Quản lý thương mại\nSở Tài chính\nHằng năm\n2\n"
        "2. Sở Nông nghiệp và Môi trường (cơ quan thường trực Ban Chỉ đạo) theo dõi, tổng hợp kết quả thực hiện.\n"
        "3. Ủy ban nhân dân các xã kiện toàn Tổ giúp việc công tác giảm nghèo.\n"
        "4. Hội Người khuyết tật các xã và Báo và Phát thanh, Truyền hình tỉnh phối hợp tuyên truyền.\n",
    )
    assert tasks == [
        ("1", "Văn phòng Sở", ["Phòng Quản lý thương mại", "Báo và Phát thanh, Truyền hình Gia Lai"], "continuous"),
        ("2", "Phòng Quản lý thương mại", ["Sở Tài chính"], "yearly_from"),
        # the page number "2" after the table is no row of it, and the heading and its sentence are no items
        ("IV.2", "Sở Nông nghiệp và Môi trường", [], "unspecified"),  # "(cơ quan thường trực …)": it leads
        ("IV.3", None, ["Ủy ban nhân dân các xã"], "unspecified"),  # "kiện toàn" ends the name
        ("IV.4", None, ["Hội Người khuyết tật các xã", "Báo và Phát thanh, Truyền hình tỉnh"], "unspecified"),
    ]


def test_hygienic_water_reduced_to_a_level_and_households_of_a_part_of_the_population():
    targets = _targets_of(
        "- 100% hộ gia đình được sử dụng nước hợp vệ sinh.\n\n"
        "- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm còn 21,5%.\n\n"
        "- Tỷ lệ hộ gia đình ở nông thôn sử dụng nước sạch theo quy chuẩn đạt 70%, trong đó tại các buôn đồng bào dân tộc "
        "thiểu số tại chỗ đạt ít nhất 30%.")
    assert [(t.comparator, t.indicator) for t in targets] == [
        ("qual", None),  # hygienic water: no latrines, no clean water by the standard
        ("le", "TL_THAP_COI"),  # "giảm còn": down to
        ("ge", "TL_HO_NONG_THON_NUOC_SACH"), ("qual", None),  # the ethnic minorities' villages: a part of the households
    ]
    assert split_bodies("Các thành viên Ban Chỉ đạo theo lĩnh vực, địa bàn") == ["Các thành viên Ban Chỉ đạo theo lĩnh vực, địa bàn"]


def test_round_23_an_arrow_before_an_assignment_a_standing_bodys_paragraph_and_references_cut_after_a_comma():
    tasks = _tasks_of(
        "1. Tuyên truyền\n- Phổ biến chính sách.\n→ Đơn vị thực hiện: Phòng Chính sách (chủ trì), Văn phòng Sở. Thời hạn: hằng năm.\n"
        "2. Trợ giúp xã hội\n- Chi trả kịp thời.\n3. Bảo vệ trẻ em\n- Phòng, chống đuối nước.\n4. Chuyển đổi số\n- Số hóa hồ sơ.\n",
        "1. Sở Y tế\nLà cơ quan thường trực, chủ trì tổ chức thực hiện các nhiệm vụ tại mục 2 và 3 Phần III Kế hoạch này.\n"
        "2. Ủy ban nhân dân các xã\nTổ chức thực hiện các nhiệm vụ tại mục 3 Phần III trên địa bàn.\n"
        "3. Sở Tài chính chủ trì thực hiện các nhiệm vụ tại các mục 2,\n3 và 4 Phần III; bố trí kinh phí.\n",
    )
    assert tasks[:4] == [
        # "→ Đơn vị thực hiện: …": the arrow is a bullet; the time after the bodies is no body
        ("1", "Phòng Chính sách", ["Văn phòng Sở"], "yearly_from"),
        ("2", "Sở Y tế", [], "unspecified"),  # "Là cơ quan thường trực, chủ trì …" (the first to lead keeps it)
        ("3", "Sở Y tế", ["Ủy ban nhân dân các xã"], "unspecified"),  # "tổ chức thực hiện": it carries out
        ("4", "Sở Tài chính", [], "unspecified"),  # "mục 2," / "3 và 4 Phần III": one list across the line
    ]


def test_round_23_a_count_named_by_what_it_counts_split_at_trong_do_and_people_with_meritorious_services():
    targets = _targets_of(
        "- Giai đoạn 2026 - 2030 hỗ trợ xây mới, sửa chữa 600 \"Mái ấm công đoàn\" cho đoàn viên, trong đó năm 2026 "
        "hoàn thành 150 căn.\n\n"
        "- Bình quân mỗi năm cho vay hỗ trợ tạo việc làm cho\n1.100 - 1.300 lao động.\n\n"
        "- Đến năm 2030, 100% người có công đang hưởng trợ cấp được cấp thẻ bảo hiểm y tế và được quản lý sức khỏe.")
    assert [(t.source_text, t.year) for t in targets[:2]] == [
        ("Giai đoạn 2026 - 2030 hỗ trợ xây mới, sửa chữa 600 \"Mái ấm công đoàn\" cho đoàn viên", 2030),
        ("trong đó năm 2026 hoàn thành 150 căn", 2026),  # a target of its own
    ]
    # "… cho" / "1.100 - 1.300 lao động": the line asks for its figure
    assert targets[2].source_text == "Bình quân mỗi năm cho vay hỗ trợ tạo việc làm cho 1.100 - 1.300 lao động"
    assert (targets[3].comparator, targets[3].indicator) == ("qual", None)  # not the whole population's health care
    # a year is no count: nothing before "trong đó" to be a target of its own
    one = _targets_of("- Giai đoạn 2026 - 2030 xây dựng các thiết chế văn hóa cơ sở, trong đó 100% xã có nhà văn hóa đạt chuẩn.")
    assert [t.source_text for t in one] == [
        "Giai đoạn 2026 - 2030 xây dựng các thiết chế văn hóa cơ sở, trong đó 100% xã có nhà văn hóa đạt chuẩn"]


def test_round_23_a_supervision_plans_section_of_content_and_schedule_holds_the_tasks():
    text = ("KẾ HOẠCH\nGiám sát việc thực hiện chính sách xã hội\n\nIII. NỘI DUNG, LỊCH TRÌNH GIÁM SÁT VÀ PHẢN BIỆN XÃ HỘI\n\n"
            "1. Giám sát việc bình xét hộ nghèo.\nChủ trì: Ban Thường trực.\n\nIV. TỔ CHỨC THỰC HIỆN\n\nNơi nhận:\n")
    assert [(t.number, t.title) for t in parse_document(text, "thu.txt").tasks] == [("1", "Giám sát việc bình xét hộ nghèo")]


def test_round_23_verbs_that_end_a_bodys_name():
    tasks = _tasks_of(
        "1. Tuyên truyền\n- Đẩy mạnh.\n",
        "1. Ban Thường vụ Đảng ủy xã trực tiếp chỉ đạo việc quán triệt Chương trình.\n"
        "2. Ban công tác Mặt trận các khu vực nắm tình hình, phản ánh kịp thời ý kiến của Nhân dân.\n"
        "3. Bảo hiểm xã hội tỉnh phối hợp với Sở Y tế cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi.\n"
        "4. Ban Xây dựng Đảng chủ trì, phối hợp với Ủy ban Kiểm tra Đảng ủy xã tham mưu đưa nội dung vào chương trình kiểm tra.\n"
        "5. Các công đoàn cơ sở đưa chỉ tiêu chăm lo vào chương trình công tác.\n",
    )
    assert tasks[1:] == [
        ("IV.1", "Ban Thường vụ Đảng ủy xã", [], "unspecified"),  # "trực tiếp chỉ đạo": it leads
        ("IV.2", None, ["Ban công tác Mặt trận các khu vực"], "unspecified"),
        ("IV.3", None, ["Bảo hiểm xã hội tỉnh", "Sở Y tế"], "unspecified"),
        ("IV.4", "Ban Xây dựng Đảng", ["Ủy ban Kiểm tra Đảng ủy xã"], "unspecified"),
        ("IV.5", None, ["Các công đoàn cơ sở"], "unspecified"),
    ]


def test_round_24_a_table_saved_as_text_with_tabs_its_rows_pointing_back_to_the_tasks():
    tasks = _tasks_of(
        "1. Phát triển nhà ở xã hội\n1.1. Điều chỉnh kế hoạch phát triển nhà ở.\n1.2. Bố trí quỹ đất.\n2. Cấp nước sạch đô thị\n- Mở rộng mạng lưới.\n",
        "1. Phân công thực hiện\nTT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n"
        "1\tĐiều chỉnh kế hoạch (mục III.1.1)\tPhòng Quản lý nhà\tSở Tài chính\tQuý III/2026\n"
        "2\tBố trí quỹ đất (mục III.1.2)\tPhòng Quy hoạch - Kiến trúc\tSở Nông nghiệp và Môi trường\tHằng năm\n"
        "3\tCấp nước sạch đô thị (mục III.2)\tPhòng Hạ tầng kỹ thuật\tCác đơn vị cấp nước\tThường xuyên\n",
    )
    assert tasks[1:] == [
        # a row's number is the table's own; "(mục III.1.2)" names the task
        ("1.1", "Phòng Quản lý nhà", ["Sở Tài chính"], "fixed_date"),
        ("1.2", "Phòng Quy hoạch - Kiến trúc", ["Sở Nông nghiệp và Môi trường"], "yearly_from"),
        ("2", "Phòng Hạ tầng kỹ thuật", ["Các đơn vị cấp nước"], "continuous"),
    ]
    text = "Nơi nhận:\tGIÁM ĐỐC\nTT\tNhiệm vụ\tĐơn vị chủ trì\n1\tTuyên truyền\t\tVăn phòng\n"
    cells = paragraphs(text)
    assert [p.text for p in cells][:2] == ["Nơi nhận:\tGIÁM ĐỐC", "TT"]  # one TAB is no table's row
    # each cell at its own place in the file; an empty cell leaves no line, as in a Word table copied to text
    assert [text[p.start : p.start + len(p.text)] for p in cells[1:]] == ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "1", "Tuyên truyền", "Văn phòng"]


def test_round_24_organisation_after_a_part_of_assignments_a_directing_body_and_a_bracketed_gold_name():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW\n\nIII. NHIỆM VỤ\n\n1. Tuyên truyền\n"
            "Cơ quan chỉ đạo: Ban Thường vụ Đảng ủy.\nCơ quan chủ trì tham mưu: Phòng Chính trị.\nCơ quan phối hợp: Phòng Tham mưu.\n\n"
            "IV. PHÂN CÔNG THỰC HIỆN\n\nPhân công cụ thể như sau:\n\nV. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Văn phòng bố trí kinh phí thực hiện.\n\nNơi nhận:\n")
    spec = parse_document(text, "thu.txt")
    assert _task_rows(spec) == [
        ("1", "Ban Thường vụ Đảng ủy", ["Phòng Chính trị", "Phòng Tham mưu"], "unspecified"),  # the body that directs leads
        ("V.1", None, ["Văn phòng"], "unspecified"),  # "V. TỔ CHỨC THỰC HIỆN" after "IV. PHÂN CÔNG …" is more of it
    ]
    gold = SimpleNamespace(bodies=[SimpleNamespace(code="khoa-san", name="Khoa Sản (Bệnh viện Sản - Nhi tỉnh Cà Mau)"),
                                   SimpleNamespace(code="khoa-nhi", name="Khoa Nhi (Bệnh viện Sản - Nhi tỉnh Cà Mau)")])
    parsed = SimpleNamespace(bodies=[SimpleNamespace(code="khoa-nhi-x", name="Khoa Nhi")])
    assert body_mapping(parsed, gold) == {"khoa-nhi-x": "khoa-nhi"}  # the name before the bracket breaks the tie


def test_round_24_labels_in_a_bracket_closing_a_paragraph_and_a_header_with_its_page_number():
    header = "Kế hoạch số 19/KH-UBND ngày 06/02/2026 của UBND xã Tìa Dình" + " " * 30
    tasks = _tasks_of(
        "1. Phát triển sinh kế\n    Hỗ trợ giống bò, dê theo hình thức cộng đồng (Chủ trì: Phòng Kinh tế; phối hợp: Ban quản lý\n"
        f"{header}2\ncác bản; thời gian: 2026 - 2030).\n2. Tín dụng chính sách\n    Củng cố các tổ tiết kiệm.\n"
        f"{header}3\n")
    assert tasks == [("1", "Phòng Kinh tế", ["Ban quản lý các bản"], "yearly_from"), ("2", None, [], "unspecified")]
    spec = parse_document("KẾ HOẠCH\n\nIII. NHIỆM VỤ\n\n1. Phát triển sinh kế\n    Hỗ trợ giống bò (Chủ trì: Phòng Kinh tế).\n", "thu.txt")
    assert spec.tasks[0].content == ["Hỗ trợ giống bò"]  # the work, before its bracket


def test_round_24_a_bracket_inside_a_targets_name_and_training_with_no_degree():
    targets = _targets_of(
        "- Tỷ lệ lao động qua đào tạo (kể cả đào tạo dưới 3 tháng) đạt 45%.\n\n"
        "- Tỷ lệ lao động qua đào tạo đạt 75%, trong đó có bằng cấp, chứng chỉ đạt 35%.")
    assert [(t.comparator, t.value, t.indicator) for t in targets] == [
        ("qual", None, None),  # "dưới 3 tháng" says who is counted; training with no degree is no library rate
        ("qual", None, None), ("ge", Decimal(35), "TL_LD_CO_BANG"),
    ]
    # ("dưới 6 tuổi" in the bracket says who is counted: no "lt"; a bare figure is reached or passed)
    bracketed = _targets_of("- Tỷ lệ dân số tham gia bảo hiểm y tế (kể cả trẻ em dưới 6 tuổi) 96%.")
    assert [(t.comparator, t.value, t.indicator) for t in bracketed] == [("ge", Decimal(96), "TL_BAO_PHU_BHYT")]
    border = _targets_of("- Tỷ lệ dân số tham gia bảo hiểm y tế tại các xã biên giới đạt trên 95%.\n\n"
                         "- Không còn hộ gia đình ở khu vực biên giới phải ở nhà tạm, nhà dột nát.")
    assert [(t.comparator, t.indicator) for t in border] == [("qual", None), ("qual", None)]  # a part of the territory


def test_round_24_a_span_of_years_broken_before_its_dash_inside_a_bracket_and_a_period_with_a_milestone():
    tasks = _tasks_of(
        "1. Xây dựng nhà “Mái ấm biên cương”\n- Huy động ngày công.\n"
        "(Chủ trì: Phòng Hậu cần - Kỹ thuật; phối hợp: Phòng Chính trị; thời gian: 2026\n"
        "- 2030, năm 2026 bàn giao 60 căn trước ngày 31/12/2026)\n")
    assert tasks == [("1", "Phòng Hậu cần - Kỹ thuật", ["Phòng Chính trị"], "yearly_from")]  # "- 2030" is no bullet
    assert read_timeline("2026 - 2030, năm 2026 bàn giao 60 căn trước ngày 31/12/2026") == ("yearly_from", 2026, None)
    assert read_timeline("Năm 2026 - 2030; mỗi năm hoàn thành trước ngày 30/11") == ("yearly_from", 2026, None)
    assert read_timeline("hoàn thành trước ngày 31/12/2026") == ("fixed_date", None, date(2026, 12, 31))


def test_so_lieu_and_so_luong_are_no_department():
    tasks = _tasks_of(
        "1. Tuyên truyền\n- Đẩy mạnh.\n",
        "1. Chế độ báo cáo: báo cáo năm gửi trước ngày 15/12; số liệu báo cáo tính theo biểu mẫu do Sở Nội vụ hướng dẫn.\n"
        "2. Sở Y tế theo dõi, tổng hợp kết quả.\n")
    assert tasks[1:] == [("IV.1", None, [], "unspecified"), ("IV.2", None, ["Sở Y tế"], "unspecified")]  # "số" is no "Sở"


_THANH_KHE_LIKE = (
    "KẾ HOẠCH\nThực hiện chính sách xã hội năm 2026\n"
    "B. MỤC TIÊU, CHỈ TIÊU\nII. Chỉ tiêu cụ thể\n(Số liệu năm 2025 là số ước thực hiện trên địa bàn phường.)\n"
    "STT\tChỉ tiêu\tĐơn vị tính\tƯớc thực hiện năm 2025\tKế hoạch năm 2026\tĐến năm 2030\n"
    "1\tLao động, việc làm\n"
    "1.1\tTỷ lệ thất nghiệp khu vực thành thị\t%\t3,4\tDưới 3,3\tDưới 3\n"
    "1.2\tTỷ lệ dân số tham gia bảo hiểm y tế\t%\t94,6\t95,5\tTrên 97\n"
    "C. NHIỆM VỤ, GIẢI PHÁP\nI. Giảm nghèo đô thị\n1. Rà soát hộ nghèo (thời gian: quý IV hằng năm)\n+ Rà soát công khai.\n"
    "2. Hỗ trợ sinh kế (thời gian: hằng năm)\nII. Chuyển đổi số\n3. Số hóa dữ liệu (thời gian: quý III/2026)\n"
    "D. PHÂN CÔNG THỰC HIỆN\nCác cơ quan thực hiện các nhiệm vụ tại Mục C theo bảng sau:\n"
    "STT\tCơ quan, đơn vị\tChủ trì nhiệm vụ số\tPhối hợp thực hiện nhiệm vụ số\n"
    "I\tCác cơ quan, đơn vị thuộc phường\n"
    "1\tPhòng Văn hóa - Xã hội\t1, 3\t2\n2\tPhòng Kinh tế\t2\t-\n3\tCông an phường\t-\t3\n"
    "Đ. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội là cơ quan thường trực, chủ trì theo dõi, tổng hợp.\n\nNơi nhận:\n"
)


def test_round_25_a_lettered_plan_with_tab_tables_of_targets_and_of_assignments_by_body():
    spec = parse_document(_THANH_KHE_LIKE, "thu.txt")
    # the 2025 column is what was done, no target; the group's row "1 | Lao động, việc làm" has no figures;
    # the bracketed note above the table is none
    assert [(t.comparator, t.value, t.year, t.indicator) for t in spec.targets] == [
        ("lt", Decimal("3.3"), 2026, "TL_THAT_NGHIEP_THANH_THI"), ("lt", Decimal(3), 2030, "TL_THAT_NGHIEP_THANH_THI"),
        ("ge", Decimal("95.5"), 2026, "TL_BAO_PHU_BHYT"), ("gt", Decimal(97), 2030, "TL_BAO_PHU_BHYT"),
    ]
    assert [(*row, t.parent_number) for row, t in zip(_task_rows(spec), spec.tasks)] == [
        # a Roman section of a lettered part groups the tasks (its lead and timeline what its tasks share)
        ("I", None, [], "yearly_from", None),
        ("1", "Phòng Văn hóa - Xã hội", [], "yearly_from", "I"),  # "1, 3" in the column of those it leads
        ("2", "Phòng Kinh tế", ["Phòng Văn hóa - Xã hội"], "yearly_from", "I"),
        ("II", "Phòng Văn hóa - Xã hội", [], "fixed_date", None),
        ("3", "Phòng Văn hóa - Xã hội", ["Công an phường"], "fixed_date", "II"),
        ("Đ.1", "Phòng Văn hóa - Xã hội", [], "unspecified", None),  # "Đ." is the part after "D."
    ]


def test_round_25_the_kinds_of_village_of_one_body_and_a_provincial_culture_centre():
    assert split_bodies("Ủy ban Mặt trận Tổ quốc Việt Nam xã; các chi bộ thôn, làng, plei") == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "các chi bộ thôn, làng, plei"]
    assert split_bodies("nhân viên y tế thôn, bản, Hội Liên hiệp Phụ nữ xã") == ["nhân viên y tế thôn, bản", "Hội Liên hiệp Phụ nữ xã"]
    assert split_bodies("Trung tâm Văn hóa, Điện ảnh và Thể thao tỉnh; Thư viện tỉnh") == [
        "Trung tâm Văn hóa, Điện ảnh và Thể thao tỉnh", "Thư viện tỉnh"]


def test_round_25_a_stated_time_that_recurs_with_one_step_dated():
    tasks = _tasks_of("1. Hỗ trợ sinh kế\n- Rà soát hộ nghèo.\nThời gian: rà soát xong trước ngày 31/3/2026; hỗ trợ sinh kế hằng năm.\n"
                      "2. Số hóa dữ liệu\n- Cập nhật.\nThời gian: hoàn thành trước ngày 30/6/2026.\n",
                      "1. Văn phòng tổng hợp, báo cáo trước ngày 15/12/2026 và hằng năm.\n")
    assert [(number, kind) for number, _, _, kind in tasks] == [
        ("1", "yearly_from"),  # the work recurs; one step of it is dated
        ("2", "fixed_date"),
        ("IV.1", "fixed_date"),  # a sentence of the organisation keeps its deadline
    ]


def test_round_25_a_section_of_a_fund_starts_a_bodys_name():
    tasks = _tasks_of("1. Tuyên truyền\n- Đẩy mạnh.\n",
                      "1. Bộ phận Kế toán Quỹ chủ trì, phối hợp với Bộ phận Nghiệp vụ Quỹ xây dựng kế hoạch nguồn vốn.\n")
    assert tasks[1:] == [("IV.1", "Bộ phận Kế toán Quỹ", ["Bộ phận Nghiệp vụ Quỹ"], "unspecified")]


def test_round_26_tasks_named_nhiem_vu_so_and_another_bodys_duty_after_a_semicolon():
    tasks = _tasks_of(
        "1. Tuyên truyền\n- Đẩy mạnh.\n2. Việc làm\n- Kết nối.\nThời gian thực hiện: Tuần thứ hai hằng tháng.\n3. Tín dụng\n- Cho vay.\n",
        "1. Phòng Văn hóa - Xã hội\n- Chủ trì thực hiện các nhiệm vụ số 1 và 2 tại Mục III.\n- Phối hợp với Trạm Y tế phường thực hiện nhiệm vụ số 3.\n"
        "2. Đề nghị các cơ quan, đơn vị trên địa bàn\n"
        "- Bảo hiểm xã hội cơ sở phối hợp thực hiện nhiệm vụ số 2; Phòng giao dịch Ngân hàng Chính sách xã hội phối hợp thực hiện nhiệm vụ số 3.\n",
    )
    assert tasks[:3] == [
        ("1", "Phòng Văn hóa - Xã hội", [], "unspecified"),
        ("2", "Phòng Văn hóa - Xã hội", ["Bảo hiểm xã hội cơ sở"], "yearly_from"),  # "hằng tháng": work that recurs
        ("3", None, ["Phòng Văn hóa - Xã hội", "Phòng giao dịch Ngân hàng Chính sách xã hội"], "unspecified"),  # the clause's own body
    ]


def test_round_26_parts_numbered_muc_1_and_what_no_household_sanitation_or_health_insurance_rate_measures():
    text = ("KẾ HOẠCH\nHỗ trợ người dân trước và sau thiên tai\nMục 1. ĐẶC ĐIỂM, TÌNH HÌNH\nNăm 2025 toàn xã có 3 cơn bão.\n"
            "Mục 3. MỤC TIÊU, CHỈ TIÊU\n3.2. Chỉ tiêu đến năm 2030\n"
            "* 100% hộ gia đình vùng bị ngập lụt được hướng dẫn xử lý nước, vệ sinh môi trường sau lũ.\n"
            "* 100% tàu cá được mua bảo hiểm thân tàu; ít nhất 60% lồng nuôi tôm hùm tham gia bảo hiểm nông nghiệp.\n"
            "* Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh đạt 95%.\n"
            "Mục 4. NHIỆM VỤ, GIẢI PHÁP\n1. Kiện toàn Ban Chỉ huy phòng thủ dân sự xã\nCơ quan chủ trì: Phòng Kinh tế.\n"
            "Mục 5. TỔ CHỨC THỰC HIỆN\n5.1. Giao Phòng Văn hóa - Xã hội chủ trì theo dõi, tổng hợp.\n\nNơi nhận:\n")
    spec = parse_document(text, "thu.txt")
    assert [(t.comparator, t.indicator) for t in spec.targets] == [
        ("qual", None),  # guidance on water and hygiene: no household sanitation rate
        ("qual", None), ("qual", None),  # boats and lobster cages: no one's health insurance
        ("ge", "TL_HO_VE_SINH"),  # "nhà tiêu" says it as well as "công trình vệ sinh"
    ]
    assert [(t.number, t.section) for t in spec.tasks] == [("1", "tasks"), ("5.1", "organisation")]  # "Mục 4.", "Mục 5." are parts


def test_round_26_a_year_after_a_page_number_and_gioi_thieu_ends_a_name():
    assert [p.text for p in paragraphs("- Đưa Trung tâm Bảo trợ xã hội vào sử dụng trong năm\n- 2 -\n2028.\n- Hỗ trợ 50 hộ.\n")] == [
        "- Đưa Trung tâm Bảo trợ xã hội vào sử dụng trong năm 2028.", "- Hỗ trợ 50 hộ."]
    tasks = _tasks_of("1. Tuyên truyền\n- Đẩy mạnh.\n",
                      "1. Liên đoàn Lao động tỉnh giới thiệu đoàn viên có nhu cầu mua nhà ở xã hội.\n"
                      "2. Phòng Tư vấn - Giới thiệu việc làm phối hợp tổ chức phiên giao dịch việc làm.\n")
    assert tasks[1:] == [("IV.1", None, ["Liên đoàn Lao động tỉnh"], "unspecified"),
                         ("IV.2", None, ["Phòng Tư vấn - Giới thiệu việc làm"], "unspecified")]  # (a name holding the words)


def test_round_26_groups_named_muc_1_and_a_running_header_ending_trang_2_of_4():
    header = "UBND phường Vỹ Dạ - Kế hoạch số 41/KH-UBND" + " " * 30
    tasks = _tasks_of(
        "Mục 1. Chăm sóc sức khỏe người cao tuổi\n1.1. Khám sức khỏe định kỳ.\n"
        "(Chủ trì: Trạm Y tế phường; phối hợp: Hội Người cao tuổi phường; thời\n"
        f"{header}Trang 2/4\ngian: hằng năm)\n"
        "Mục 2. Bảo đảm an sinh xã hội\n2.1. Chi trả trợ cấp đúng hạn.\n"
        f"{header}Trang 3/4\n")
    assert [(number, lead, kind) for number, lead, _, kind in tasks] == [
        ("1", "Trạm Y tế phường", "yearly_from"), ("1.1", "Trạm Y tế phường", "yearly_from"),  # "Mục 1." reads as "1."
        ("2", None, "unspecified"), ("2.1", None, "unspecified"),
    ]


def test_round_27_a_sentence_before_its_time_a_bare_year_column_and_households_of_the_poor():
    tasks = _tasks_of("1. Số hóa hồ sơ\n     Cập nhật dữ liệu.\n     Giao Văn phòng Sở chủ trì thực hiện; thời gian: quý II/2027.\n")
    assert tasks == [("1", "Văn phòng Sở", [], "fixed_date")]  # the sentence names the lead, no label before its ";"
    assert read_timeline("Hoàn thành năm 2029") == ("fixed_date", None, date(2029, 12, 31))
    targets = _targets_of(
        "TT\tChỉ tiêu\tĐơn vị tính\tHiện trạng 2025\tMục tiêu 2028\tMục tiêu 2030\n"
        "1\tTỷ lệ hộ gia đình ở nông thôn sử dụng nước sạch theo quy chuẩn\t%\t46,2\t58\t70\n"
        "2\tTỷ lệ hộ nghèo, hộ cận nghèo ở nông thôn sử dụng nước sạch theo quy chuẩn\t%\t31,4\t45\t≥ 60\n")
    assert [(t.year, t.value, t.indicator) for t in targets] == [
        (2028, Decimal(58), "TL_HO_NONG_THON_NUOC_SACH"), (2030, Decimal(70), "TL_HO_NONG_THON_NUOC_SACH"),  # "Mục tiêu 2028"
        (2028, None, None), (2030, None, None),  # the households of the poor: a part of the population
    ]


def test_round_28_a_time_closing_the_heading_or_the_text_and_the_checks_of_every_year():
    text = ("KẾ HOẠCH\nChăm sóc người cao tuổi giai đoạn 2026 - 2030\n\nIII. NHIỆM VỤ VÀ GIẢI PHÁP\n"
            "1. Rà soát, lập danh sách người cao tuổi sống một mình (hoàn thành trong Quý II/2026)\n"
            "     Rà soát từng hộ.\nChủ trì: Phòng Văn hóa - Xã hội; phối hợp: Công an phường.\n"
            "2. Thành lập Tổ tình nguyện tại tổ dân phố\n(thường xuyên)\n     Mỗi tổ dân phố thành lập một Tổ.\n"
            "3. Hỗ trợ vốn vay, khởi nghiệp\nGiới thiệu người lao động vay vốn ưu đãi. Thực hiện hằng năm.\n"
            "4. Phát triển mô hình kinh tế\nXây dựng ít nhất 02 mô hình. Hoàn thành trước ngày 31/12/2028.\n"
            "5. Tuyên truyền\nTuyên truyền, thực hiện hằng năm các nội dung trên.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n"
            "1. Phòng Văn hóa - Xã hội là cơ quan thường trực, chủ trì thực hiện các nhiệm vụ 1, 2 và 5; phối hợp với "
            "Trung tâm Dịch vụ việc làm tỉnh thực hiện nhiệm vụ 3 và nhiệm vụ 4.\n"
            "2. Ủy ban Kiểm tra Đảng ủy phường đưa việc thực hiện Kế hoạch vào chương trình kiểm tra, giám sát hằng năm.\n"
            "3. Công an phường tổ chức tập huấn, phổ biến pháp luật hằng năm.\n\nNơi nhận:\n")
    spec = parse_document(text, "thu.txt")
    assert [(number, kind) for number, _, _, kind in _task_rows(spec)] == [
        ("1", "fixed_date"),  # the bracket closing the heading
        ("2", "continuous"),  # a bracket on the line under it
        ("3", "yearly_from"), ("4", "fixed_date"),  # a sentence of time alone closing the text
        ("5", "unspecified"),  # "hằng năm" inside a sentence of the work: no stated time
        ("IV.1", "unspecified"), ("IV.2", "yearly_from"),  # checked every year
        ("IV.3", "unspecified"),
    ]
    assert spec.tasks[0].timeline_due == date(2026, 6, 30) and spec.tasks[2].timeline_from_year == 2026
    rows = {number: implementers for number, _, implementers, _ in _task_rows(spec)}
    # "Phòng … phối hợp với X thực hiện nhiệm vụ 3": both join it, X as well
    assert rows["3"] == rows["4"] == ["Phòng Văn hóa - Xã hội", "Trung tâm Dịch vụ việc làm tỉnh"]
    tasks = _tasks_of("6. Vận động tham gia bảo hiểm\nBan Tổ chức Tỉnh đoàn chủ trì, phối hợp với Bảo hiểm xã hội tỉnh tập huấn "
                      "cho cán bộ Hội cấp xã; thực hiện thường xuyên.\n")
    assert tasks == [("6", "Ban Tổ chức Tỉnh đoàn", ["Bảo hiểm xã hội tỉnh"], "continuous")]  # "tập huấn" ends the name
    targets = _targets_of("- Đến năm 2030, tỷ lệ thanh niên trong lực lượng lao động qua đào tạo có bằng cấp, chứng chỉ đạt trên 50%.")
    assert [(t.comparator, t.indicator) for t in targets] == [("qual", None)]  # youth only: no rate of the whole workforce


def test_round_28_a_unit_in_brackets_closing_a_table_rows_name():
    targets = _targets_of("TT\nChỉ tiêu\nNăm 2026\nNăm 2030\n"
                          "1\nTỷ lệ người sau độ tuổi nghỉ hưu hưởng lương hưu, BHXH hằng tháng và trợ cấp hưu trí xã hội (%)\n73\n80\n"
                          "2\nSố câu lạc bộ liên thế hệ tự giúp nhau (câu lạc bộ)\n5\n12\n")
    assert [(t.comparator, t.value, t.unit, t.year, t.indicator) for t in targets[:2]] == [
        ("ge", Decimal(73), "%", 2026, "TL_HUONG_HUU"), ("ge", Decimal(80), "%", 2030, "TL_HUONG_HUU")]
    assert targets[0].name.endswith("hưu trí xã hội")  # the bracket is the unit, not the name
    assert [t.comparator for t in targets[2:]] == ["qual", "qual"]  # a count no library indicator measures


def test_round_28_two_counts_of_one_thing_and_a_count_to_be_founded():
    targets = _targets_of("- Mỗi năm giải quyết việc làm cho ít nhất 280 lao động, trong đó chuyển đổi nghề cho 80 lao động "
                          "nông nghiệp bị ảnh hưởng bởi xâm nhập mặn.\n")
    assert [t.source_text for t in targets] == [
        "Mỗi năm giải quyết việc làm cho ít nhất 280 lao động",
        "trong đó chuyển đổi nghề cho 80 lao động nông nghiệp bị ảnh hưởng bởi xâm nhập mặn",
    ]
    targets = _targets_of("TT\nChỉ tiêu\nĐơn vị tính\nNăm 2026\nNăm 2030\n"
                          "1\nSố tổ hợp tác do hội viên nông dân làm nòng cốt được thành lập mới\ntổ hợp tác\n80\n450\n")
    assert [t.year for t in targets] == [2026, 2030]  # "được thành lập mới": to be founded, not what is


# --- what round 29 taught ------------------------------------------------------------------------

MARKDOWN_PLAN = """| **ỦY BAN NHÂN DÂN** **XÃ DIỄN CHÂU** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
|:--:|:--:|

**KẾ HOẠCH**

**Thực hiện chính sách xã hội giai đoạn 2026 - 2030**

**II. MỤC TIÊU**

***2. Chỉ tiêu cụ thể***

| **TT** | **Chỉ tiêu** | **Đơn vị tính** | **Kế hoạch năm 2026** | **Mục tiêu đến năm 2030** |
|:--:|----|:--:|:--:|:--:|
| **I** | **Bảo hiểm** |  |  |  |
| 1 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 94 | Trên 95 |
| 2 | Số nhà tạm, nhà dột nát của hộ nghèo, hộ cận nghèo | căn | 0 | 0 |

**III. NHIỆM VỤ, GIẢI PHÁP**

1\\. **Rà soát, quản lý hộ nghèo.** Tổ chức rà soát hộ nghèo hằng năm.

2\\. **Xóa nhà tạm.** Hỗ trợ xây mới nhà ở \\- theo quy định.

**IV. TỔ CHỨC THỰC HIỆN**

1\\. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã tham mưu bố trí kinh phí thực hiện trong dự toán ngân sách xã hằng năm.

**PHỤ LỤC**

| **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thời gian thực hiện** |
|:--:|----|----|----|----|
| 1 | Rà soát, quản lý hộ nghèo | Phòng Văn hóa - Xã hội | Trưởng các xóm | Hằng năm |
| 2 | Xóa nhà tạm | Ủy ban Mặt trận Tổ quốc Việt Nam xã | Phòng Kinh tế; Ban Chỉ huy Quân sự xã | Hoàn thành trước ngày 30/9/2026 |
"""


def test_round_29_markdown_made_of_a_word_document_reads_like_its_plain_text(tmp_path):
    assert len(clean_text(MARKDOWN_PLAN)) == len(MARKDOWN_PLAN)  # positions stay those of the file
    (tmp_path / "ke-hoach.md").write_text(MARKDOWN_PLAN, encoding="utf-8")
    spec = parse_file(tmp_path / "ke-hoach.md")  # a .md file is read as text
    assert [(t.comparator, t.value, t.unit, t.year, t.indicator) for t in spec.targets] == [
        ("ge", Decimal(94), "%", 2026, "TL_BAO_PHU_BHYT"), ("gt", Decimal(95), "%", 2030, "TL_BAO_PHU_BHYT"),
        ("eq", Decimal(0), "căn", 2026, "NHA_TAM_CON_LAI"), ("eq", Decimal(0), "căn", 2030, "NHA_TAM_CON_LAI"),  # none left
    ]
    assert _task_rows(spec, title=True) == [
        ("1", "Rà soát, quản lý hộ nghèo", "Phòng Văn hóa - Xã hội", ["Các xóm"], "yearly_from"),  # the bold run-in heading
        ("2", "Xóa nhà tạm", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", ["Phòng Kinh tế", "Ban Chỉ huy Quân sự xã"], "fixed_date"),
        ("IV.1", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã tham mưu bố trí kinh phí thực hiện trong dự toán ngân sách xã hằng năm",
         None, ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"], "yearly_from"),  # funded every year
    ]
    assert spec.tasks[1].content == ["Hỗ trợ xây mới nhà ở -  theo quy định."]  # "\-": the character escaped


def test_round_29_a_footnote_above_a_page_number_and_a_subject_assigned_elsewhere():
    tasks = _tasks_of(
        "1. Mở rộng bao phủ bảo hiểm xã hội2\n- Vận động người lao động tự do tham gia.\n"
        "(Chủ trì: Bảo hiểm xã hội cơ sở; phối hợp: Phòng Văn hóa - Xã hội phường, Công\n\n"
        "2 Năm 2026 tiếp tục áp dụng chuẩn nghèo đa chiều giai đoạn 2022 - 2025; từ năm 2027 áp dụng chuẩn\n"
        "nghèo đa chiều giai đoạn 2026 - 2030.\n\n                     3\n\nđoàn phường; thời gian: thường xuyên)\n",
        "1. Các phòng, đơn vị thuộc Sở được giao chủ trì tại Mục III xây dựng kế hoạch chi tiết, gửi Văn phòng Sở trước ngày 31/3/2026.\n")
    assert tasks == [
        ("1", "Bảo hiểm xã hội cơ sở", ["Phòng Văn hóa - Xã hội phường", "Công đoàn phường"], "continuous"),  # the footnote gone
        # "được giao chủ trì …": who they are, part of the group's name (as most gold authors keep it), no lead
        ("IV.1", None, ["Các phòng, đơn vị thuộc Sở được giao chủ trì tại Mục III"], "fixed_date"),
    ]


def test_round_29_a_table_row_with_an_empty_cell_or_a_cell_over_two_lines():
    tasks = _tasks_of("TT\nNội dung nhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\nSản phẩm\n"
                      "8\nTriển khai chương trình \"Mẹ đỡ đầu\".\nBan Gia đình - Xã hội\nThường xuyên\nDanh sách trẻ em được đỡ đầu\n"
                      "9\nNhân rộng mô hình \"Địa chỉ tin cậy\".\nBan Gia đình - Xã hội\nCông an thành phố\nSở Văn hóa và Thể thao\n"
                      "Hoàn thành trước 31/12/2027\nMô hình tại chi hội\n")
    assert tasks == [
        ("8", "Ban Gia đình - Xã hội", [], "continuous"),  # no partner: the time is no body
        ("9", "Ban Gia đình - Xã hội", ["Công an thành phố", "Sở Văn hóa và Thể thao"], "fixed_date"),
    ]


def test_round_29_two_counts_of_women_after_a_comma():
    targets = _targets_of("• Vận động ít nhất 3.000 phụ nữ tham gia bảo hiểm xã hội tự nguyện, 5.000 phụ nữ tham gia bảo hiểm y tế hộ gia đình.")
    assert [t.source_text for t in targets] == [
        "Vận động ít nhất 3.000 phụ nữ tham gia bảo hiểm xã hội tự nguyện", "5.000 phụ nữ tham gia bảo hiểm y tế hộ gia đình"]


# --- what round 30 taught ------------------------------------------------------------------------

PANDOC_PLAIN = """KẾ HOẠCH

Thực hiện chính sách xã hội giai đoạn 2026 - 2030

Thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Hội nghị lần thứ
tám Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đổi mới, nâng
cao chất lượng chính sách xã hội, đáp ứng yêu cầu sự nghiệp xây dựng và
bảo vệ Tổ quốc trong giai đoạn mới; Chương trình hành động số 27-CTr/TU
ngày 15/12/2025 của Tỉnh ủy thực hiện Nghị quyết số 42-NQ/TW; Kế hoạch
số 41/KH-UBND ngày 28/01/2026 của Ủy ban nhân dân tỉnh về thực hiện
Chương trình hành động số 27-CTr/TU, Sở Nội vụ xây dựng Kế hoạch thực
hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

-   Cụ thể hóa các nhiệm vụ, giải pháp thuộc lĩnh vực ngành Nội vụ được
    giao tại Kế hoạch số 41/KH-UBND của Ủy ban nhân dân tỉnh; xác định
    rõ nội dung, đơn vị chủ trì, thời hạn hoàn thành để tổ chức thực
    hiện và kiểm tra, đánh giá kết quả thực hiện của từng đơn vị.
-   Bảo đảm sự phối hợp chặt chẽ giữa các phòng, đơn vị thuộc Sở với các
    sở, ngành, Ủy ban nhân dân các xã, phường; gắn việc thực hiện Kế
    hoạch với nhiệm vụ phát triển kinh tế - xã hội hằng năm của tỉnh.

II. MỤC TIÊU

2. Chỉ tiêu chủ yếu

Các chỉ tiêu định lượng theo từng năm được giao tại Phụ lục kèm theo Kế
hoạch này.

III. NHIỆM VỤ, GIẢI PHÁP

1.  Số hóa, kết nối dữ liệu lao động và người có công, làm sạch dữ liệu

    -   Số hóa toàn bộ hồ sơ người có công đang lưu trữ; làm sạch dữ
        liệu, kết nối với Cơ sở dữ liệu quốc gia về dân cư và an sinh.
    -   Cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ
        tục hành chính đủ điều kiện của Sở và các đơn vị sự nghiệp.

    Đầu mối: Văn phòng Sở. Phối hợp: Phòng Người có công; Công an tỉnh;
    Sở Khoa học và Công nghệ. Thời gian: hoàn thành trước ngày
    31/12/2027.

2.  Nâng cao năng lực đội ngũ làm công tác lao động, người có công ở
    cấp xã

    Đầu mối: Phòng Công chức, viên chức. Phối hợp: Phòng Lao động, Việc
    làm và Bảo hiểm xã hội. Thời gian: hằng năm.

IV. TỔ CHỨC THỰC HIỆN

1.  Văn phòng Sở theo dõi, đôn đốc, tổng hợp kết quả thực hiện.

  ---------------------------------- -------------------------------------
  Nơi nhận:                          KT. GIÁM ĐỐC
  - UBND tỉnh (b/c);                 PHÓ GIÁM ĐỐC
  ---------------------------------- -------------------------------------

PHỤ LỤC

CHỈ TIÊU LAO ĐỘNG, VIỆC LÀM GIAI ĐOẠN 2026 - 2030

  ---------------------------------------------------------------------------
  TT  Chỉ tiêu                       Đơn vị tính Thực hiện Kế hoạch Mục tiêu
                                                 năm 2025  năm 2026 đến năm
                                                                    2030
  --- ------------------------------ ----------- --------- -------- ---------
  1   Tỷ lệ lao động qua đào tạo có  %           24,6      26       32
      bằng cấp, chứng chỉ

  2   Tỷ lệ thất nghiệp khu vực      %           3,1       Dưới 3   Dưới 2,5
      thành thị
  ---------------------------------------------------------------------------
"""


def test_round_30_plain_text_of_a_converter_its_drawn_table_in_an_appendix_and_blocks_set_in_whole():
    spec = parse_document(PANDOC_PLAIN, "thu.txt")
    assert [(t.comparator, t.value, t.year, t.indicator) for t in spec.targets] == [
        ("ge", Decimal(26), 2026, "TL_LD_CO_BANG"), ("ge", Decimal(32), 2030, "TL_LD_CO_BANG"),  # "2030" wrapped in the heading
        ("lt", Decimal(3), 2026, "TL_THAT_NGHIEP_THANH_THI"), ("lt", Decimal("2.5"), 2030, "TL_THAT_NGHIEP_THANH_THI"),
    ]
    assert _task_rows(spec) == [
        ("1", "Văn phòng Sở", ["Phòng Người có công", "Công an tỉnh", "Sở Khoa học và Công nghệ"], "fixed_date"),  # "Đầu mối:"
        ("2", "Phòng Công chức, viên chức", ["Phòng Lao động, Việc làm và Bảo hiểm xã hội"], "yearly_from"),
        ("IV.1", None, ["Văn phòng Sở"], "unspecified"),  # the rules of dashes around the signature frame nothing
    ]


def test_round_30_targets_stated_inside_each_task_and_nội_dung_numbering():
    text = ("KẾ HOẠCH\nCông tác nhân đạo giai đoạn 2026 - 2030\nII. NỘI DUNG, CHỈ TIÊU VÀ GIẢI PHÁP\n"
            "Nội dung 1: Củng cố tổ chức Hội, phát triển hội viên\nChỉ tiêu:\n"
            "– Đến năm 2027, 100% hội viên được quản lý trên phần mềm quản lý hội viên.\n"
            "– Đến năm 2030, tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 96%.\n"
            "Giải pháp:\n– Kiện toàn tổ chức Hội ở các xã, phường.\n"
            "Trách nhiệm: Ban Tuyên truyền - Vận động chủ trì; Văn phòng Hội phối hợp.\nThời gian: Thường xuyên.\n"
            "Nội dung 2: Vận động hiến máu tình nguyện\nGiải pháp:\n– Tổ chức các đợt cao điểm.\n"
            "Trách nhiệm: Văn phòng Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh chủ trì; phối hợp: Tỉnh đoàn.\n"
            "Thời gian: Hằng năm.\nIII. KINH PHÍ\nTừ nguồn ngân sách.\n")
    spec = parse_document(text, "thu.txt")
    assert [(t.comparator, t.value, t.year, t.indicator) for t in spec.targets] == [
        ("qual", None, 2027, None), ("gt", Decimal(96), 2030, "TL_BAO_PHU_BHYT")]
    assert _task_rows(spec) == [
        ("1", "Ban Tuyên truyền - Vận động", ["Văn phòng Hội"], "continuous"),  # "Vận động" is part of the name
        ("2", "Văn phòng Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh", ["Tỉnh đoàn"], "yearly_from"),
    ]


def test_round_30_a_party_committee_that_leads_and_the_boards_of_2025_and_times_that_start_or_recur():
    tasks = _tasks_of(
        "5. Mở rộng bao phủ bảo hiểm xã hội, bảo hiểm y tế\n\nTăng cường thanh tra, kiểm tra việc chậm đóng bảo hiểm xã hội.\n\n"
        "Giao Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo; Bảo hiểm xã hội tỉnh, Sở Y tế tổ chức thực hiện; thời gian: hằng năm từ năm 2026.\n\n"
        "6. Chuyển đổi phương thức chi trả (từ kỳ chi trả tháng 7/2026)\nChi trả qua tài khoản.\n"
        "7. Kiểm tra, giám sát việc chi trả (định kỳ 6 tháng một lần)\nKiểm tra tại khu phố.\n",
        "1. Ban Chính sách, chiến lược Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi việc thực hiện.\n"
        "2. Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh giám sát.\n")
    assert tasks == [
        ("5", "Đảng ủy Ủy ban nhân dân tỉnh", ["Bảo hiểm xã hội tỉnh", "Sở Y tế"], "yearly_from"),  # "Giao X lãnh đạo; …"
        ("6", None, [], "yearly_from"), ("7", None, [], "yearly_from"),  # from a month on; "định kỳ": recurring
        ("IV.1", "Ban Chính sách, chiến lược Tỉnh ủy", ["Văn phòng Tỉnh ủy"], "unspecified"),  # one board, a comma in its name
        ("IV.2", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "unspecified"),
    ]


def test_round_30_a_table_with_a_row_per_year_and_a_legend_for_its_columns():
    targets = _targets_of(
        "a) Chỉ tiêu phát triển người tham gia\nBảng 1. Chỉ tiêu bao phủ theo năm\nĐơn vị tính: %\n"
        "Năm                 BHXH           BHYT\n2025 (ước TH)       41,2            95,1\n"
        "2026                43,0            95,6\n2030                50,0            97,0\nGhi chú:\n"
        "- BHXH: tỷ lệ lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội;\n- BHYT: tỷ lệ dân số tham gia bảo hiểm y tế.\n"
        "Các chỉ tiêu năm 2027, 2029 được giao trong kế hoạch thu hằng năm.\n")
    assert [(t.comparator, t.value, t.year, t.indicator) for t in targets] == [
        ("ge", Decimal("43.0"), 2026, "TL_THAM_GIA_BHXH"), ("ge", Decimal("95.6"), 2026, "TL_BAO_PHU_BHYT"),
        ("ge", Decimal("50.0"), 2030, "TL_THAM_GIA_BHXH"), ("ge", Decimal("97.0"), 2030, "TL_BAO_PHU_BHYT"),
    ]  # the 2025 row is what was done; the table's title and the sentence about the targets are none


# --- what round 31 taught ------------------------------------------------------------------------

def test_round_31_a_table_under_a_centred_heading_and_a_bare_figure_of_a_rate_to_bring_down():
    targets = _targets_of(
        "                          Bảng 1. Một số chỉ tiêu chủ yếu theo năm\n"
        " STT                  Chỉ tiêu                     Đơn vị tính   Năm 2026   Năm 2028   Năm 2030\n"
        "  1   Tỷ lệ thất nghiệp khu vực thành thị                 %           3,2        3,0       Dưới 2\n"
        "  2   Tỷ lệ lao động qua đào tạo có bằng cấp,             %            31         34          38\n"
        "      chứng chỉ\n")
    assert [(t.comparator, t.value, t.year, t.indicator) for t in targets] == [
        ("le", Decimal("3.2"), 2026, "TL_THAT_NGHIEP_THANH_THI"), ("le", Decimal("3.0"), 2028, "TL_THAT_NGHIEP_THANH_THI"),  # to bring down: at most
        ("lt", Decimal(2), 2030, "TL_THAT_NGHIEP_THANH_THI"),
        ("ge", Decimal(31), 2026, "TL_LD_CO_BANG"), ("ge", Decimal(34), 2028, "TL_LD_CO_BANG"), ("ge", Decimal(38), 2030, "TL_LD_CO_BANG"),
    ]  # the row's text starts left of its centred heading "Chỉ tiêu"; its wrapped line stays in its cell
    assert targets[3].source_text.startswith("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ")


def test_round_31_a_pdf_table_with_wrapped_heading_cells_and_its_heading_repeated_after_a_page_break():
    targets = _targets_of(
        "TT\nChỉ tiêu\nĐơn vị\ntính\nThực hiện\nnăm 2025\nNăm 2026\nNăm 2030\n"
        "1\nTỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi\n%\n24,6\n23,8\n20,0\n"
        "2\nTỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân\n%\n14,2\n13,5\n11,5\n"
        "\f2\nTT\nChỉ tiêu\nĐơn vị\ntính\nThực hiện\nnăm 2025\nNăm 2026\nNăm 2030\n"
        "3\nTỷ lệ phụ nữ có thai được khám thai ít nhất 4 lần trong 3 thời kỳ\n%\n68\n72\n85\n")
    assert [(t.comparator, t.value, t.year, t.indicator) for t in targets] == [
        ("le", Decimal("23.8"), 2026, "TL_THAP_COI"), ("le", Decimal("20.0"), 2030, "TL_THAP_COI"),
        ("qual", None, 2026, None), ("qual", None, 2030, None),  # underweight is no stunting ("thấp còi")
        ("qual", None, 2026, None), ("qual", None, 2030, None),  # the row after the page's heading
    ]


def test_round_31_a_bracket_left_open_goes_on_over_a_label_line():
    tasks = _tasks_of(
        "3. Cải thiện bữa ăn\na) Hỗ trợ hộ nghèo phát triển mô hình vườn - ao - chuồng, trồng rau để cải thiện bữa ăn; lồng ghép\n"
        "nguồn vốn các Chương trình mục tiêu quốc gia (Chủ trì: Phòng Kinh tế; phối hợp: Hội Nông dân xã;\n"
        "thời gian: giai đoạn 2026 - 2030).\n")
    assert tasks == [("3", "Phòng Kinh tế", [], "yearly_from"), ("3.a", "Phòng Kinh tế", ["Hội Nông dân xã"], "yearly_from")]


# --- what round 32 taught ------------------------------------------------------------------------

def test_round_32_points_of_a_task_assigned_whole_are_its_content():
    text = ("KẾ HOẠCH\nChăm sóc sức khỏe giai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Tuyên truyền, phổ biến chính sách trợ giúp xã hội\na)\tĐa dạng hóa hình thức tuyên truyền.\n"
            "b)\tBiên soạn tài liệu song ngữ.\n2. Rà soát chính sách\na)\tRà soát các nghị quyết.\nb)\tĐề xuất sửa đổi.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở theo dõi, tổng hợp kết quả.\nNơi nhận:\n- Lưu: VT.\n"
            "PHỤ LỤC\nPHÂN CÔNG THỰC HIỆN NHIỆM VỤ\nTT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
            "1\tTuyên truyền, phổ biến chính sách trợ giúp xã hội\tVăn phòng Sở\tPhòng Bảo trợ xã hội\tThường xuyên\n"
            "2\tRà soát chính sách\tPhòng Bảo trợ xã hội\tSở Tư pháp\tQuý IV/2026\n")
    assert _task_rows(parse_document(text, "thu.txt")) == [
        ("1", "Văn phòng Sở", ["Phòng Bảo trợ xã hội"], "continuous"),  # its points a), b): its content
        ("2", "Phòng Bảo trợ xã hội", ["Sở Tư pháp"], "fixed_date"),
        ("IV.1", None, ["Văn phòng Sở"], "unspecified"),
    ]


def test_round_32_an_organisation_item_gives_the_time_and_the_partners_of_the_tasks_it_names():
    text = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Quán triệt Nghị quyết\n"
            "- Tổ chức quán triệt.\n2. Giảm nghèo bền vững\n- Hỗ trợ sinh kế.\n3. Chuyển đổi số\n- Làm sạch dữ liệu.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Ban Xây dựng Đảng Đảng ủy chủ trì, phối hợp với Văn phòng Đảng ủy thực hiện nhiệm vụ tại "
            "mục 1 phần III; thực hiện thường xuyên.\n2. Ủy ban nhân dân xã xây dựng kế hoạch thực hiện Chương trình; chủ trì, "
            "phối hợp với các ngành, đoàn thể của xã thực hiện các nhiệm vụ tại mục 2 phần III.\n3. Công an xã chủ trì thực hiện "
            "nhiệm vụ tại mục 3 phần III; hoàn thành làm sạch dữ liệu trước ngày 31/12/2026.\n4. Hội đồng nhân dân xã đưa nội dung "
            "thực hiện chính sách xã hội vào chương trình giám sát hằng năm.\nNơi nhận:\n")
    assert _task_rows(parse_document(text, "thu.txt"))[:4] == [
        ("1", "Ban Xây dựng Đảng Đảng ủy", ["Văn phòng Đảng ủy"], "continuous"),  # "…; thực hiện thường xuyên."
        ("2", "Ủy ban nhân dân xã", ["Các ngành, đoàn thể của xã"], "unspecified"),  # one group, the item's partners
        ("3", "Công an xã", [], "fixed_date"),  # "…; hoàn thành … trước ngày 31/12/2026"
        ("IV.1", "Ban Xây dựng Đảng Đảng ủy", ["Văn phòng Đảng ủy"], "continuous"),
    ]
    assert _task_rows(parse_document(text, "thu.txt"))[-1] == ("IV.4", None, ["Hội đồng nhân dân xã"], "yearly_from")


def test_round_32_a_year_before_a_comma_opens_its_sentence_only():
    targets = _targets_of("Phấn đấu đến năm 2030:\nVề nhà ở, nước sạch: Đến năm 2027, không còn hộ nghèo ở nhà tạm, nhà dột "
                          "nát. Tỷ lệ hộ gia đình ở nông thôn sử dụng nước sạch theo quy chuẩn đạt 60%.\n")
    assert [(t.comparator, t.value, t.year) for t in targets] == [("eq", Decimal(0), 2027), ("ge", Decimal(60), 2030)]
    targets = _targets_of("Phấn đấu đến năm 2030:\nĐến năm 2028: tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%. Tỷ lệ hộ gia "
                          "đình ở nông thôn sử dụng nước sạch theo quy chuẩn đạt 60%.\n")
    assert [t.year for t in targets] == [2028, 2028]  # before a colon it covers the paragraph


# --- what round 33 taught ------------------------------------------------------------------------

def test_round_33_a_table_of_targets_before_a_second_heading_and_a_targets_year_is_not_the_programs():
    text = ("KẾ HOẠCH\nPhát triển người tham gia bảo hiểm giai đoạn 2026 - 2030\nII. CHỈ TIÊU\n1. Chỉ tiêu theo từng năm\n"
            "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2026\tNăm 2030\n1\tTỷ lệ dân số tham gia bảo hiểm y tế\t%\t95,2\t97,0\n"
            "2. Chỉ tiêu khác đến năm 2030\n- Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm thất nghiệp đạt 40%.\n"
            "Chỉ tiêu 3: Đến năm 2028, có 90% khu dân cư đạt danh hiệu văn hóa.\n- Mỗi năm vận động 500 người tham gia.\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\nCơ quan chủ trì: Phòng Văn hóa - Xã hội.\n")
    spec = parse_document(text, "thu.txt")
    assert [(t.comparator, t.value, t.year) for t in spec.targets] == [
        ("ge", Decimal("95.2"), 2026), ("ge", Decimal("97.0"), 2030),  # the table, though "2. Chỉ tiêu khác" follows it
        ("ge", Decimal(40), 2030), ("qual", None, 2028),
        ("qual", None, 2030),  # the program's year: "Chỉ tiêu 3: Đến năm 2028" is one target's
    ]


def test_round_33_an_organisation_item_states_the_time_after_a_comma_or_every_year():
    tasks = _tasks_of("1. Tín dụng\n- Cho vay.\n2. Kiểm soát\n- Đối soát.\n3. Số hóa\n- Số hóa hồ sơ.\n",
                      "1. Phòng Kế hoạch - Nghiệp vụ tín dụng chủ trì thực hiện các nhiệm vụ tại mục 1 Phần III; thực hiện hằng năm.\n"
                      "2. Phòng Tin học chủ trì thực hiện nhiệm vụ tại mục 3 Phần III, hoàn thành trước ngày 30/9/2027.\n")
    assert [(number, kind) for number, _, _, kind in tasks[:3]] == [("1", "yearly_from"), ("2", "unspecified"), ("3", "fixed_date")]


# --- what round 34 taught ------------------------------------------------------------------------

def test_round_34_a_time_closing_an_assignment_line_and_points_that_go_with_their_task():
    section = ("1. Tuyên truyền\n- Quán triệt.\n2. Giảm nghèo\na) Rà soát hộ nghèo.\nb) Hỗ trợ sinh kế.\n3. Việc làm\n- Đào tạo nghề.\n"
               "4. Nhà ở\n- Xóa nhà tạm.\n")
    organisation = ("1. Phân công thực hiện các nhiệm vụ tại mục III:\n"
                    "- Đảng ủy Ủy ban nhân dân xã chủ trì nhiệm vụ 2, phối hợp với Đảng ủy Mặt trận Tổ quốc; chủ trì nhiệm vụ 3; "
                    "thực hiện hằng năm.\n"
                    "- Phòng Kinh tế chủ trì nhiệm vụ 4; tham mưu bố trí nguồn vốn; hoàn thành rà soát trước ngày 15/12 hằng năm.\n")
    text = ("KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation + "Nơi nhận:\n")
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "thu.txt"))}
    assert "2.a" not in rows and "2.b" not in rows  # the points go with task 2, assigned whole
    assert rows["2"] == ("Đảng ủy Ủy ban nhân dân xã", ["Đảng ủy Mặt trận Tổ quốc"], "yearly_from")  # the line's closing time
    assert rows["3"] == ("Đảng ủy Ủy ban nhân dân xã", [], "yearly_from")
    assert rows["4"] == ("Phòng Kinh tế", [], "unspecified")  # after a duty of its own, the time is that duty's


def test_round_35_a_table_whose_year_columns_are_headed_by_the_bare_year():
    targets = _targets_of("TT\tChỉ tiêu\tĐơn vị tính\t2026\t2030\n1\tSố đơn vị máu tiếp nhận\tđơn vị\t42.000\t46.000\n")
    assert [(t.comparator, t.year) for t in targets] == [("qual", 2026), ("qual", 2030)]  # "2026" heads a column, no row
    assert targets[0].name.endswith("42.000 đơn vị")  # the figure stays with the target, for the reviewer


# --- what round 36 taught ------------------------------------------------------------------------

def test_round_36_the_body_led_carries_out_and_a_bracket_of_time_closes_a_task():
    section = ("1. Quán triệt\n- Tổ chức quán triệt.\n2. Giảm nghèo\n- Hỗ trợ sinh kế.\n"
               "3. Việc làm\n3.1. Tư vấn hướng nghiệp\nTổ chức ngày hội việc làm tại các trường. (Thời gian: hằng năm)\n"
               "3.2. Tiếp cận nguồn vốn\nCủng cố các Tổ Tiết kiệm và vay vốn. (Thời gian: thường xuyên)\n")
    organisation = ("1. Đảng ủy phường lãnh đạo Ủy ban nhân dân phường xây dựng kế hoạch thực hiện Chương trình; chủ trì triển khai "
                    "các nhiệm vụ tại các mục 2 phần III.\n"
                    "2. Ban Phong trào Tỉnh đoàn chủ trì thực hiện các nội dung 3.1, 3.2; phối hợp với Trung tâm Dịch vụ việc làm "
                    "tỉnh triển khai.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation + "Nơi nhận:\n"
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "thu.txt"))}
    assert rows["2"] == ("Ủy ban nhân dân phường", [], "unspecified")  # not the committee that leads it
    assert rows["3.1"] == ("Ban Phong trào Tỉnh đoàn", ["Trung tâm Dịch vụ việc làm tỉnh"], "yearly_from")  # "(Thời gian: hằng năm)"
    assert rows["3.2"] == ("Ban Phong trào Tỉnh đoàn", ["Trung tâm Dịch vụ việc làm tỉnh"], "continuous")  # "…; phối hợp với …"


# --- what round 37 taught ------------------------------------------------------------------------

def test_round_37_an_appendix_table_whose_cells_wrapped_over_lines():
    section = "1. Tuyên truyền\nTuyên truyền chính sách.\n2. Rà soát hộ nghèo\nRà soát hằng năm.\n"
    appendix = ("PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\nSTT\nNội dung nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n\n"
                "1\nTuyên truyền, nâng cao\nnhận thức\nPhòng Văn hóa - Xã hội\nỦy ban Mặt trận Tổ quốc\nViệt Nam phường; Đoàn\n"
                "Thanh niên phường\nThường xuyên\n\n"
                "2\nRà soát hộ nghèo, hộ cận\nnghèo\nBảo hiểm xã hội cơ sở Phủ\nLý\nPhòng Văn hóa - Xã hội;\nTrạm Y tế phường\nHằng năm\n")
    text = ("KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n"
            "1. Phòng Văn hóa - Xã hội là cơ quan thường trực.\nNơi nhận:\n- Lưu VT.\n" + appendix)
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "thu.txt"))}
    assert rows["1"] == ("Phòng Văn hóa - Xã hội", ["Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Đoàn Thanh niên phường"], "continuous")
    assert rows["2"] == ("Bảo hiểm xã hội cơ sở Phủ Lý", ["Phòng Văn hóa - Xã hội", "Trạm Y tế phường"], "yearly_from")


def test_round_37_a_line_of_assignments_and_the_time_that_closes_a_task():
    section = ("1. Kiện toàn bộ máy\nKiện toàn bộ phận chính sách xã hội. Hoàn thành kiện toàn trong năm 2026.\n"
               "2. Người có công\nChăm lo người có công.\nNăm 2026 và các năm tiếp theo.\n"
               "3. Chuyển đổi số\nLàm sạch dữ liệu (hoàn thành số hóa dữ liệu trong quý IV/2026).\n"
               "4. Mặt trận\nVận động nguồn lực giúp hộ nghèo. (Thực hiện thường xuyên)\n")
    organisation = ("1. Ban Thường vụ Đảng ủy xã lãnh đạo, chỉ đạo triển khai.\n"
                    "2. Phân công thực hiện: Ủy ban nhân dân xã chủ trì thực hiện các nhiệm vụ 1, 2 và 3 Mục III; Ủy ban Mặt trận "
                    "Tổ quốc Việt Nam xã chủ trì nhiệm vụ 4 Mục III, phối hợp với các tổ chức chính trị - xã hội xã.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation + "Nơi nhận:\n"
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "thu.txt"))}
    assert "IV.2" not in rows  # a line of assignments, no item of its own
    assert rows["1"] == ("Ủy ban nhân dân xã", [], "fixed_date")  # "Hoàn thành kiện toàn trong năm 2026."
    assert rows["2"] == ("Ủy ban nhân dân xã", [], "yearly_from")  # a paragraph of time alone
    assert rows["3"] == ("Ủy ban nhân dân xã", [], "fixed_date")  # a bracket closing the text
    assert rows["4"] == ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", ["Các tổ chức chính trị - xã hội xã"], "continuous")


def test_round_37_numbered_targets_that_count_and_a_baseline_period():
    targets = _targets_of("1. Số vụ ngừng việc tập thể giảm 30% so với giai đoạn 2021 - 2025.\n"
                          "2. Kết nạp mới ít nhất 40.000 đoàn viên.\n"
                          "3. Trên 90% công nhân tại các doanh nghiệp có tổ chức công đoàn được khám sức khỏe định kỳ.\n"
                          "4. Tỷ lệ dân số tham gia bảo hiểm y tế đạt 96%.")
    assert len(targets) == 4 and {t.year for t in targets} == {targets[3].year}  # 2025 is the baseline's year, not the target's
    assert "40.000 đoàn viên" in targets[1].source_text  # a count of what it names, no heading
    assert (targets[3].comparator, targets[3].value) == ("ge", Decimal(96))  # "tổ chức công đoàn" ended nothing


def test_round_37_the_unit_stated_above_a_table_and_a_note_under_it():
    targets = _targets_of("Đơn vị tính: %\nTT\tChỉ tiêu\tƯớc thực hiện 2025\tNăm 2026\tNăm 2030\n"
                          "1\tTỷ lệ dân số tham gia BHYT\t93,2\t94,5\t96,5\n"
                          "Chỉ tiêu các năm 2027, 2029 do Bảo hiểm xã hội tỉnh giao trong kế hoạch thu hằng năm.")
    assert [(t.comparator, t.value, t.unit, t.year) for t in targets] == [("ge", Decimal("94.5"), "%", 2026), ("ge", Decimal("96.5"), "%", 2030)]


def test_round_37_roles_in_a_bracket_closing_the_content_and_bodies_of_their_own_work():
    section = ("1. Chuyển đổi số\nLàm sạch dữ liệu người tham gia (Phòng Công nghệ thông tin chủ trì, phối hợp với Công an tỉnh; "
               "hoàn thành làm sạch dữ liệu trước ngày 30/9/2026).\n"
               "2. Dịch vụ xã hội\na) Về y tế: củng cố y tế cơ sở.\nb) Về nhà ở: phát triển nhà ở xã hội.\n"
               "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo các sở: Y tế, Xây dựng theo chức năng, nhiệm vụ triển khai thực hiện. "
               "Thời gian: Đến năm 2030.\n"
               "3. Mặt trận\nỦy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường giám sát. "
               "Thực hiện thường xuyên.\n")
    organisation = ("1. Các ban, Văn phòng Liên đoàn Lao động tỉnh chủ động tham mưu triển khai; Ban Chính sách - Pháp luật là đầu "
                    "mối theo dõi, tổng hợp.\n"
                    "2. Các công đoàn ngành, Công đoàn các Khu công nghiệp tỉnh và công đoàn cơ sở trực thuộc xây dựng kế hoạch.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation + "Nơi nhận:\n"
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "thu.txt"))}
    assert rows["1"] == ("Phòng Công nghệ thông tin", ["Công an tỉnh"], "fixed_date")
    assert rows["2"] == ("Đảng ủy Ủy ban nhân dân tỉnh", ["Sở Y tế", "Sở Xây dựng"], "fixed_date")  # "các sở: Y tế, Xây dựng"
    assert rows["3"] == (None, ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức chính trị - xã hội tỉnh"], "continuous")
    assert rows["IV.1"] == ("Ban Chính sách - Pháp luật", ["Các ban, Văn phòng Liên đoàn Lao động tỉnh"], "unspecified")
    assert rows["IV.2"][1] == ["Các công đoàn ngành", "Công đoàn các Khu công nghiệp tỉnh", "Công đoàn cơ sở trực thuộc"]


def test_round_37_a_task_table_whose_cells_wrapped_over_lines():
    table = ("TT\nNhiệm vụ, giải pháp\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian thực hiện\n\n"
             "1\nTuyên truyền, nâng cao\nnhận thức\nPhòng Kinh tế, Hạ tầng và\nĐô thị\nPhòng Văn hóa - Xã hội;\nTrạm Y tế phường\nHằng năm\n")
    rows = _tasks_of(table, "1. Phòng Văn hóa - Xã hội là cơ quan thường trực.")
    assert rows[0] == ("1", "Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Văn hóa - Xã hội", "Trạm Y tế phường"], "yearly_from")


# --- what round 38 taught ------------------------------------------------------------------------

def test_round_38_a_table_whose_cells_are_parted_by_empty_lines_keeps_a_wrapped_cell_whole():
    targets = _targets_of("TT\n\nChỉ tiêu\n\nĐơn vị\ntính\n\nKế hoạch\nnăm 2026\n\nMục tiêu đến\nnăm 2030\n\n"
                          "1\n\nTỷ lệ lao động qua đào tạo có bằng\ncấp, chứng chỉ\n\n%\n\n26\n\n33\n")
    assert [(t.comparator, t.value, t.unit, t.year) for t in targets] == [("ge", Decimal(26), "%", 2026), ("ge", Decimal(33), "%", 2030)]
    assert targets[0].source_text.startswith("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ")


def test_round_38_the_issuer_named_over_the_number_is_no_partner_of_its_own_plan():
    text = ("UBND TỈNH LÀO CAI\nSỞ NỘI VỤ\n\nSố: 58/KH-SNV\n\nLào Cai, ngày 16 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
            "Thực hiện Nghị quyết số 42-NQ/TW giai đoạn 2026 - 2030\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tuyên truyền\n\n"
            "Phòng Hành chính - Tổ chức chủ trì, phối hợp với Báo và Phát thanh, Truyền hình Lào Cai; thời gian: thường xuyên.\n\n"
            "IV. TỔ CHỨC THỰC HIỆN\n\n1. Đề nghị Bảo hiểm xã hội tỉnh, Liên đoàn Lao động tỉnh phối hợp với Sở Nội vụ trong tổ chức "
            "thực hiện các nhiệm vụ có liên quan.\n\n2. Đề nghị Chi nhánh Ngân hàng Chính sách xã hội tỉnh tạo điều kiện, phối hợp "
            "với các cấp Hội trong triển khai thực hiện Kế hoạch.\n\nNơi nhận:\n")
    spec = parse_document(text, "snv.txt")
    # the department of the province its header's first line names (see test_round_42_the_issuer_…)
    assert {b.code: b.name for b in spec.bodies}[spec.issuing_body] == "Sở Nội vụ tỉnh Lào Cai"
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(spec)}
    assert rows["1"] == ("Phòng Hành chính - Tổ chức", ["Báo và Phát thanh, Truyền hình Lào Cai"], "continuous")  # a name, no verb
    assert rows["IV.1"] == (None, ["Bảo hiểm xã hội tỉnh", "Liên đoàn Lao động tỉnh"], "unspecified")  # not the Sở itself
    assert rows["IV.2"] == (None, ["Chi nhánh Ngân hàng Chính sách xã hội tỉnh"], "unspecified")  # "các cấp Hội": a level


def test_round_38_a_word_numbered_heading_is_no_full_line():
    # Word's numbered list saved as text: "1." and its tab written as spaces, the heading short of the wrapped width
    wrapped = "Chi trả đầy đủ, kịp thời các chế độ ưu đãi; thăm hỏi, tặng quà người có công nhân"  # cut at 81 characters
    section = ("1.      Thực hiện tốt chính sách ưu đãi người có công với cách mạng\n" + "\n".join([wrapped] * 25) + ". Thực hiện hằng năm.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n1. Các chi bộ quán triệt.\n"
    rows = _task_rows(parse_document(text, "thu.txt"), title=True)
    assert rows[0] == ("1", "Thực hiện tốt chính sách ưu đãi người có công với cách mạng", None, [], "yearly_from")


def test_round_38_a_quoted_name_and_the_time_after_the_roles():
    section = ("2. Phát huy vai trò của Mặt trận Tổ quốc\nỦy ban Mặt trận Tổ quốc Việt Nam phường tăng cường giám sát; đẩy mạnh phong trào\n"
               "\"Vì người nghèo\", vận động xây dựng nhà Đại đoàn kết. Thực hiện thường xuyên.\n"
               "3. Tu bổ nghĩa trang liệt sĩ\nTu bổ nghĩa trang. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện; hoàn thành năm 2028.\n"
               "4. Chuyển đổi số\nSố hóa dữ liệu khách hàng.\nPhòng Tin học chủ trì, phối hợp với Công an tỉnh thực hiện. "
               "Thời gian thực hiện: Đến hết năm 2027.\n")
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(
        parse_document("KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "Nơi nhận:\n", "thu.txt"))}
    assert rows["2"] == (None, ["Ủy ban Mặt trận Tổ quốc Việt Nam phường"], "continuous")  # the quoted name goes on its sentence
    assert rows["3"] == ("Sở Nội vụ", ["Sở Tài chính"], "fixed_date")  # "…; hoàn thành năm 2028."
    assert rows["4"] == ("Phòng Tin học", ["Công an tỉnh"], "fixed_date")  # "Đến hết năm 2027"


def test_round_38_a_financial_plan_of_every_year_and_a_commitment_holding_đã():
    organisation = "1. Phòng Kế toán - Ngân quỹ chủ trì bố trí kinh phí thực hiện Kế hoạch trong kế hoạch tài chính hằng năm của Chi nhánh."
    rows = _tasks_of("1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Tin học.", organisation)
    assert rows[-1] == ("IV.1", "Phòng Kế toán - Ngân quỹ", [], "yearly_from")
    targets = _targets_of("- Phấn đấu giúp 3.000 hộ thoát nghèo; không để hộ đã thoát nghèo tái nghèo.")
    assert [t.source_text for t in targets][-1] == "không để hộ đã thoát nghèo tái nghèo"


# --- what round 39 taught ------------------------------------------------------------------------

def test_round_39_tasks_lettered_under_the_part_assigned_by_letter():
    section = ("a) Tuyên truyền\nTuyên truyền chính sách. Thực hiện thường xuyên.\n"
               "b) Giám sát\nGiám sát việc thực hiện chính sách.\n"
               "c) Trợ giúp xã hội\nThăm hỏi, tặng quà phụ nữ, trẻ em có hoàn cảnh khó khăn. Hằng năm, trọng tâm dịp Tết Nguyên đán.\n")
    organisation = ("1. Ban Tuyên giáo: Chủ trì thực hiện nội dung a, b mục III; hướng dẫn Hội các xã tuyên truyền Kế hoạch.\n"
                    "2. Ban Gia đình - Xã hội: Chủ trì thực hiện nội dung c mục III; phối hợp thực hiện nội dung b.\n"
                    "3. Văn phòng: Tham mưu bố trí kinh phí; là đầu mối theo dõi, tổng hợp, báo cáo kết quả thực hiện.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation + "Nơi nhận:\n"
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "hpn.txt"))}
    assert rows["a"] == ("Ban Tuyên giáo", [], "continuous")
    assert rows["b"] == ("Ban Tuyên giáo", ["Ban Gia đình - Xã hội"], "unspecified")  # "phối hợp thực hiện nội dung b"
    assert rows["c"] == ("Ban Gia đình - Xã hội", [], "yearly_from")  # "Hằng năm, trọng tâm dịp …"
    assert rows["IV.3"] == ("Văn phòng", [], "unspecified")  # a later clause of its duty: "là đầu mối"


def test_round_39_a_verb_that_ends_a_partner_a_yearly_inspection_and_a_rate_of_debts():
    organisation = ("1. Phòng Kinh tế: Chủ trì tham mưu bố trí kinh phí; phối hợp với Ban Quản lý dự án đầu tư xây dựng đặc khu "
                    "đẩy nhanh tiến độ các công trình cấp nước.\n"
                    "2. Văn phòng HĐND và UBND đặc khu: Đưa nội dung Kế hoạch vào chương trình kiểm tra hằng năm của Ủy ban nhân dân đặc khu.\n")
    rows = _tasks_of("1. Tuyên truyền\n\nCơ quan chủ trì: Phòng Văn hóa - Xã hội.", organisation)
    assert rows[-2] == ("IV.1", "Phòng Kinh tế", ["Ban Quản lý dự án đầu tư xây dựng đặc khu"], "unspecified")
    assert rows[-1][3] == "yearly_from"  # checked every year, like "… chương trình kiểm tra, giám sát hằng năm"
    targets = _targets_of("- Tỷ lệ nợ BHXH, BHTN, BHYT dưới 1,5% so với tổng số phải thu.")
    assert [(t.comparator, t.indicator) for t in targets] == [("qual", None)]  # no rate of people insured


# --- what round 40 taught ------------------------------------------------------------------------

def test_round_40_an_appendix_of_short_names_and_a_web_page_after_its_last_row():
    section = "1. Tuyên truyền\nTuyên truyền chính sách.\n2. Nhà ở xã hội\nPhát triển nhà ở xã hội.\n3. Huy động nguồn lực\nVận động.\n"
    appendix = ("PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\nSTT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\tSản phẩm\n"
                "1\tTuyên truyền\tPhòng VH-XH\tPGD NHCSXH Hoàng Mai; Hội LHPN phường\tThường xuyên\tTin, bài\n"
                "2\tNhà ở xã hội\tPhòng KT, HT và ĐT\tPhòng VH-XH\tĐến năm 2030\tBáo cáo\n"
                "3\tHuy động nguồn lực\tUBMTTQ phường\tCác tổ chức CT-XH phường\tHằng năm\tBáo cáo kết quả vận động\n"
                "Tệp đính kèm: 96-KH-UBND.pdf\nCác tin khác\nKế hoạch tổ chức Tháng hành động vì người cao tuổi năm 2026\n")
    text = ("KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n"
            "1. Phòng Văn hóa - Xã hội là cơ quan thường trực.\nNơi nhận:\n- Lưu VT.\n" + appendix)
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "hl.txt"))}
    assert rows["1"] == ("Phòng Văn hóa - Xã hội", ["Phòng giao dịch Ngân hàng Chính sách xã hội Hoàng Mai", "Hội Liên hiệp Phụ nữ phường"], "continuous")
    assert rows["2"] == ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Văn hóa - Xã hội"], "fixed_date")
    assert rows["3"] == ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", ["Các tổ chức chính trị - xã hội phường"], "yearly_from")


def test_round_40_a_layout_text_whose_paragraphs_open_deeper_than_they_go_on():
    # `pdftotext -layout`: each paragraph's first line set in 12, the lines that go on in 6
    body = "      giữa các khu công nghiệp với các xã vùng cao; đổi mới giáo dục nghề nghiệp gắn với nhu cầu\n"
    section = ("            1. Phát triển thị trường lao động, giáo dục nghề nghiệp, tạo việc làm bền vững\n"
               "            Phát triển hệ thống thông tin thị trường lao động, kết nối cung - cầu lao động\n" + body * 22
               + "      chặt chẽ hoạt động đưa người lao động đi làm việc ở nước ngoài theo hợp đồng lao động.\n"
               "            Cơ quan chỉ đạo: Ban Thường vụ Tỉnh ủy.\n"
               "            Cơ quan tham mưu, thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.\n"
               "            Thời gian thực hiện: Giai đoạn 2026 - 2030.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n1. Các chi bộ quán triệt.\n"
    rows = _task_rows(parse_document(text, "lc.txt"), title=True)
    assert rows[0] == ("1", "Phát triển thị trường lao động, giáo dục nghề nghiệp, tạo việc làm bền vững", "Ban Thường vụ Tỉnh ủy",
                       ["Đảng ủy Ủy ban nhân dân tỉnh"], "yearly_from")


def test_round_41_an_unnumbered_assignment_list_closing_the_tasks_section():
    section = ("1. Tuyên truyền\nNâng cao nhận thức.\nThời gian thực hiện: Thường xuyên.\n2. Quản lý nhà nước\nHoàn thiện thể chế.\n"
               "Thời gian thực hiện: Hằng năm.\n3. Nhà ở\nPhát triển nhà ở xã hội.\nThời gian thực hiện: Hằng năm.\n"
               "Phân công thực hiện:\n- Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì nhiệm vụ 1 và nhiệm vụ 3; phối hợp nhiệm vụ 2.\n"
               "- Đảng ủy Ủy ban nhân dân tỉnh chủ trì nhiệm vụ 2.\n- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp các nhiệm vụ 1 và 3.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n1. Các cấp ủy quán triệt.\n"
    rows = _task_rows(parse_document(text, "na.txt"))
    assert rows[:3] == [
        ("1", "Ban Tuyên giáo và Dân vận Tỉnh ủy", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "continuous"),
        ("2", "Đảng ủy Ủy ban nhân dân tỉnh", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], "yearly_from"),
        ("3", "Ban Tuyên giáo và Dân vận Tỉnh ủy", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "yearly_from"),
    ]


def test_round_41_a_tasks_section_pointing_to_its_appendix_table_after_the_organisation_section():
    text = ("KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\nNhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời gian "
            "thực hiện tại Phụ lục kèm theo.\nIV. TỔ CHỨC THỰC HIỆN\n1\\. Phòng Văn hóa - Xã hội là cơ quan thường trực, theo dõi.\n"
            "2\\. Các phòng, đơn vị được giao chủ trì nhiệm vụ tại Phụ lục xây dựng kế hoạch chi tiết, hoàn thành trong tháng 4/2026.\n\n"
            "**Phụ lục**\n\n| **TT** | **Nhiệm vụ** | **Cơ quan chủ trì** | **Cơ quan phối hợp** | **Thời gian hoàn thành** |\n"
            "| --- | --- | --- | --- | --- |\n| 1 | Tuyên truyền | Phòng Văn hóa - Xã hội | Ủy ban MTTQ Việt Nam phường | Thường xuyên |\n"
            "| 2 | Nước sạch | Phòng Kinh tế, Hạ tầng và Đô thị | Ban điều hành các khu phố | Năm 2026 - 2028 |\n")
    rows = _task_rows(parse_document(text, "tdm.md"))
    assert rows == [
        ("1", "Phòng Văn hóa - Xã hội", ["Ủy ban Mặt trận Tổ quốc Việt Nam phường"], "continuous"),
        ("2", "Phòng Kinh tế, Hạ tầng và Đô thị", ["Ban điều hành các khu phố"], "yearly_from"),
        ("IV.1", "Phòng Văn hóa - Xã hội", [], "unspecified"),
        # "được giao chủ trì …" names which group, as most gold authors keep it
        ("IV.2", None, ["Các phòng, đơn vị được giao chủ trì nhiệm vụ tại Phụ lục"], "fixed_date"),
    ]


def test_round_41_roles_in_a_later_sentence_across_a_page_break_and_their_partners_clause():
    filler = "Tập trung giám sát việc rà soát hộ nghèo, hộ cận nghèo; thực hiện chính sách ưu đãi người có công\n"
    section = ("        1. Nâng cao chất lượng giám sát, phản biện xã hội\n"
               "        " + filler + filler * 20  # (enough lines to tell the width the text was wrapped at)
               + "lao động. Tổ chức lấy ý kiến phản biện đối với các dự thảo chính sách xã hội của tỉnh nhé. Ban\n\n"
               "                                            2\n"
               "\fDân chủ - Pháp luật là đầu mối tham mưu Ban Thường trực xây dựng chương trình giám sát\n"
               "chuyên đề; phối hợp với Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh tổ chức giám sát. Thời\n"
               "gian: xây dựng chương trình giám sát trong quý I hằng năm.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n1. Các Ban quán triệt.\n"
    assert _task_rows(parse_document(text, "ag.txt"))[0] == (
        "1", "Ban Dân chủ - Pháp luật", ["Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh"], "yearly_from")


def test_round_41_open_classes_and_raise_funds_are_verbs_and_resources_in_the_yearly_budget_are_yearly():
    section = ("1. Xóa mù chữ\nSở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Dân tộc và Tôn giáo, Hội Khuyến học tỉnh mở các lớp "
               "xóa mù chữ. (Thời gian: quý III hằng năm)\n")
    organisation = ("1. Sở Giáo dục và Đào tạo phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí; Hội Khuyến học "
                    "tỉnh huy động các nguồn lực xã hội hóa hỗ trợ người học.\n"
                    "2. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh xây dựng kế hoạch thực hiện; bố trí nguồn "
                    "lực thực hiện trong dự toán ngân sách hằng năm.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation
    assert _task_rows(parse_document(text, "kh.txt")) == [
        ("1", "Sở Giáo dục và Đào tạo", ["Sở Dân tộc và Tôn giáo", "Hội Khuyến học tỉnh"], "yearly_from"),
        ("IV.1", None, ["Sở Giáo dục và Đào tạo", "Sở Tài chính", "Hội Khuyến học tỉnh"], "unspecified"),
        ("IV.2", "Đảng ủy Ủy ban nhân dân tỉnh", ["Ủy ban nhân dân tỉnh"], "yearly_from"),
    ]


def test_round_41_targets_a_poverty_standards_period_houses_built_and_a_count_of_targets():
    targets = _targets_of(
        "2.1. Đến hết năm 2026\n\n- Không còn hộ nghèo theo chuẩn nghèo của Thành phố giai đoạn 2026 - 2030.\n\n"
        "2.2. Đến năm 2030\n\n- Phấn đấu đến năm 2030 đạt 18 chỉ tiêu chủ yếu về lao động, việc làm, y tế (chi tiết tại Phụ lục kèm theo).\n\n"
        "- Hỗ trợ xây dựng 180 căn nhà cho hộ nghèo, hộ cận nghèo còn ở nhà tạm, nhà dột nát, bảo đảm không còn nhà tạm, "
        "nhà dột nát trên địa bàn xã.\n\n- Phối hợp bảo đảm không còn hộ nghèo, hộ cận nghèo ở nhà tạm, nhà dột nát trên địa bàn tỉnh.")
    assert [(t.source_text, t.comparator, t.value, t.unit, t.year, t.indicator) for t in targets] == [
        ("Không còn hộ nghèo theo chuẩn nghèo của Thành phố giai đoạn 2026 - 2030", "qual", None, "", 2026, None),
        # built, not left: no indicator of houses left, so a count no indicator measures
        ("Hỗ trợ xây dựng 180 căn nhà cho hộ nghèo, hộ cận nghèo còn ở nhà tạm, nhà dột nát", "qual", None, "", 2030, None),
        ("bảo đảm không còn nhà tạm, nhà dột nát trên địa bàn xã", "eq", Decimal(0), "căn", 2030, "NHA_TAM_CON_LAI"),
        ("Phối hợp bảo đảm không còn hộ nghèo, hộ cận nghèo ở nhà tạm, nhà dột nát trên địa bàn tỉnh", "eq", Decimal(0), "căn", 2030, "NHA_TAM_CON_LAI"),
    ]


def test_round_42_an_assignment_list_headed_phan_cong_thuc_hien_cac_nhiem_vu_with_tab_bullets():
    section = ("1. Tuyên truyền\nTuyên truyền chính sách.\nThời gian thực hiện: thường xuyên.\n2. Nhà ở\nHỗ trợ nhà ở.\n"
               "Thời gian thực hiện: hằng năm.\nPhân công thực hiện các nhiệm vụ:\n"
               "-\tPhòng Văn hóa - Xã hội: chủ trì nhiệm vụ 1; phối hợp thực hiện nhiệm vụ 2.\n-\tPhòng Kinh tế: chủ trì nhiệm vụ 2.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "V. TỔ CHỨC THỰC HIỆN\n1. Các phòng triển khai.\n"
    assert _task_rows(parse_document(text, "dd.txt"))[:2] == [
        ("1", "Phòng Văn hóa - Xã hội", [], "continuous"), ("2", "Phòng Kinh tế", ["Phòng Văn hóa - Xã hội"], "yearly_from")]


def test_round_42_markdown_emphasis_wrapped_over_lines_and_a_pipe_table_kept():
    text = ("KẾ HOẠCH\n\ngiai đoạn 2026 - 2030\n\n**II. MỤC TIÊU**\n\n**2. Các chỉ tiêu chủ yếu**\n\n"
            "| TT | Chỉ tiêu | Đơn vị tính | Năm 2030 |\n|----|----------|-------------|----------|\n"
            "| 1 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | Trên 96 |\n\n"
            "**III. NHIỆM VỤ VÀ GIẢI PHÁP**\n\n**1. Lãnh đạo công tác tuyên truyền, nâng cao nhận thức về vị trí, vai\n"
            "trò của chính sách xã hội**\n\n-   Tổ chức học tập, quán triệt Nghị quyết.\n\n*Cơ quan chủ trì:* Ban Xây dựng Đảng Đảng ủy phường.\n\n"
            "*Thời gian:* Thường xuyên.\n\n**IV. TỔ CHỨC THỰC HIỆN**\n\n1\\. Các chi bộ quán triệt.\n")
    spec = parse_document(text, "mt.txt")
    assert [(t.comparator, t.value, t.year) for t in spec.targets] == [("gt", Decimal(96), 2030)]
    assert _task_rows(spec, title=True)[0] == (
        "1", "Lãnh đạo công tác tuyên truyền, nâng cao nhận thức về vị trí, vai trò của chính sách xã hội",
        "Ban Xây dựng Đảng Đảng ủy phường", [], "continuous")


def test_round_42_a_pandoc_grid_table_of_tasks_and_the_short_names_its_legend_writes_out():
    grid = ("+-----+-------------------+-------------+-------------+----------+\n"
            "| TT  | Nội dung nhiệm vụ | Đơn vị chủ  | Đơn vị phối | Thời     |\n"
            "|     |                   | trì         | hợp         | gian     |\n"
            "+=====+===================+=============+=============+==========+\n"
            "| 1   | Tuyên truyền,     | Ban Truyền  | Hội CTĐ cấp | Quý      |\n"
            "|     | quán triệt Nghị   | thông       | xã          | II/2026  |\n"
            "|     | quyết             |             |             |          |\n"
            "+-----+-------------------+-------------+-------------+----------+\n"
            "| 2   | Ứng phó thảm họa  | Ban Công    | Đội Thanh   | Thường   |\n"
            "|     |                   | tác xã hội  | niên CTĐ    | xuyên    |\n"
            "+-----+-------------------+-------------+-------------+----------+\n\n"
            "Ghi chú: CTĐ: Chữ thập đỏ; Hội CTĐ cấp xã: Hội Chữ thập đỏ các xã,\nphường, đặc khu; BHYT: bảo hiểm y tế.\n\n")
    text = ("KẾ HOẠCH\n\ngiai đoạn 2026 - 2030\n\nIII. NHIỆM VỤ VÀ GIẢI PHÁP\n\nBan Thường vụ phân công nhiệm vụ cụ thể như\nsau:\n\n"
            + grid + "IV. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng theo dõi.\n")
    assert _task_rows(parse_document(text, "ctd.txt"))[:2] == [
        ("1", "Ban Truyền thông", ["Hội Chữ thập đỏ các xã, phường, đặc khu"], "fixed_date"),
        ("2", "Ban Công tác xã hội", ["Đội Thanh niên Chữ thập đỏ"], "continuous"),
    ]


def test_round_42_a_points_name_before_its_roles_and_the_units_of_a_department_that_xay_dung():
    section = ("5. Giảm nghèo bền vững\n5.1. Rà soát hộ nghèo: Chi cục Phát triển nông thôn chủ trì, phối hợp với Ủy ban nhân dân các xã "
               "thực hiện. Thời gian: quý IV hằng năm.\n6. Chuyển đổi số\nGiao Văn phòng Sở chủ trì thực hiện; thời gian: quý II/2027.\n")
    organisation = "1. Các phòng, chi cục, đơn vị sự nghiệp thuộc Sở xây dựng kế hoạch chi tiết, hoàn thành trong tháng 6/2026.\n"
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "V. TỔ CHỨC THỰC HIỆN\n" + organisation
    assert _task_rows(parse_document(text, "dt.txt")) == [
        ("5", "Chi cục Phát triển nông thôn", [], "yearly_from"),
        ("5.1", "Chi cục Phát triển nông thôn", ["Ủy ban nhân dân các xã"], "yearly_from"),
        ("6", "Văn phòng Sở", [], "fixed_date"),  # "…; thời gian: quý II/2027": a label, no point's name
        ("V.1", None, ["Các phòng, chi cục, đơn vị sự nghiệp thuộc Sở"], "fixed_date"),
    ]


def test_round_42_police_departments_by_their_codes_and_an_age_that_says_who_is_counted():
    section = ("1. Đối soát dữ liệu\nĐối soát danh sách người có công. Giao PC06 chủ trì, phối hợp với Sở Nội vụ thực hiện, hoàn thành "
               "trước ngày 30/9/2026.\n2. Kết nối dữ liệu\nGiao Phòng Hồ sơ nghiệp vụ là đầu mối, phối hợp với PC06, Sở Khoa học và Công "
               "nghệ triển khai thực hiện. Thời gian: hoàn thành trong năm 2027.\n3. Phòng ngừa trục lợi\nGiao Phòng Cảnh sát điều tra tội "
               "phạm về tham nhũng, kinh tế, buôn lậu, môi trường (PC03) chủ trì, phối hợp với Thanh tra tỉnh thực hiện. Thời gian: hằng năm.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "V. TỔ CHỨC THỰC HIỆN\n1. Các phòng triển khai.\n"
    assert _task_rows(parse_document(text, "ca.txt"))[:3] == [
        ("1", "PC06", ["Sở Nội vụ"], "fixed_date"),
        ("2", "Phòng Hồ sơ nghiệp vụ", ["PC06", "Sở Khoa học và Công nghệ"], "fixed_date"),
        ("3", "Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu, môi trường (PC03)", ["Thanh tra tỉnh"], "yearly_from"),
    ]
    targets = _targets_of("- Ít nhất 90% người hưởng trợ cấp xã hội hằng tháng, người có công từ đủ 14 tuổi trở lên được kích hoạt "
                          "tài khoản định danh điện tử.")
    assert [t.source_text for t in targets] == [
        "Ít nhất 90% người hưởng trợ cấp xã hội hằng tháng, người có công từ đủ 14 tuổi trở lên được kích hoạt tài khoản định danh điện tử"]


def _header_of(head: str, body: str = "", signature: str = "") -> ProgramSpec:
    text = (head + "\nKẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW giai đoạn 2026 - 2030\n" + body
            + "\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\nCơ quan chủ trì: Phòng Văn hóa - Xã hội.\n" + signature)
    return parse_document(text, "dau.txt")


def _issuer_name(spec) -> str:
    return {b.code: b.name for b in spec.bodies}[spec.issuing_body]


def test_the_issuer_is_read_from_the_header_lines_left_of_the_motto():
    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    # a name over three lines, the text writing it elsewhere: as the text writes it
    spec = _header_of("SỞ Y TẾ HÀ TĨNH\nTRUNG TÂM Y TẾ\nKHU VỰC HƯƠNG KHÊ\nSố: 118/KH-TTYT\n" + motto + "Hương Khê, ngày 12 tháng 02 năm 2026",
                      "Trung tâm Y tế khu vực Hương Khê xây dựng Kế hoạch như sau:")
    assert _issuer_name(spec) == "Trung tâm Y tế khu vực Hương Khê"
    spec = _header_of("TRƯỜNG CAO ĐẲNG KỸ THUẬT -\nCÔNG NGHỆ TÂY SÔNG HẬU\nSố: 45/KH-CĐTSH\n" + motto,
                      "Trường Cao đẳng Kỹ thuật - Công nghệ Tây Sông Hậu xây dựng Kế hoạch như sau:")
    assert _issuer_name(spec) == "Trường Cao đẳng Kỹ thuật - Công nghệ Tây Sông Hậu"
    # Word's text of the header table: the left cell's lines, the number, then the right cell's
    spec = _header_of("ỦY BAN MTTQ VIỆT NAM TP CẦN THƠ\nHỘI LHPN THÀNH PHỐ CẦN THƠ\n***\nSố: 24/KH-HPN\nHỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM\n"
                      "Cần Thơ, ngày 25 tháng 3 năm 2026")
    assert _issuer_name(spec) == "Hội Liên hiệp Phụ nữ thành phố Cần Thơ"
    # the place on a line of its own, the text silent: sentence case, the place capitalised
    assert _issuer_name(_header_of("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n" + motto + "Số: 41/KH-UBND")) == "Ủy ban nhân dân tỉnh Quảng Trị"
    # a standing body under the one it belongs to
    assert _issuer_name(_header_of("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH QUẢNG BÌNH\nBAN THƯỜNG TRỰC\n-------\n" + motto)) == (
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Bình")
    # a Party committee named without its place, the Party's motto beside the number
    assert _issuer_name(_header_of("ĐẢNG BỘ TỈNH TUYÊN QUANG\nTỈNH ỦY\n*\nSố 27-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM")) == "Tỉnh ủy Tuyên Quang"
    # two columns side by side: a mass organisation's name on the right is no issuer
    spec = _header_of("   HỘI NÔNG DÂN TỈNH TÂY NINH                          HỘI NÔNG DÂN VIỆT NAM\n        BAN THƯỜNG VỤ\n"
                      "      Số: 86-KH/HNDT")
    assert _issuer_name(spec) == "Ban Thường vụ Hội Nông dân tỉnh Tây Ninh"
    # a department under the province's committee: of that province; named without it in the text, no partner of its own plan
    spec = _header_of("UBND TỈNH LÀO CAI\nSỞ NỘI VỤ\nSố: 58/KH-SNV", "", "IV. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Bảo hiểm xã hội tỉnh phối hợp "
                      "với Sở Nội vụ trong tổ chức thực hiện.\n")
    assert _issuer_name(spec) == "Sở Nội vụ tỉnh Lào Cai"
    assert _task_rows(spec)[-1] == ("IV.1", None, ["Bảo hiểm xã hội tỉnh"], "unspecified")


def test_the_signer_is_the_first_line_of_the_signature_block_beside_the_recipients():
    appendix = "PHỤ LỤC\n" + "".join(f"Dòng {n} của phụ lục.\n" for n in range(60))
    spec = _header_of("ỦY BAN NHÂN DÂN\nXÃ ĐẦM DƠI\nSố: 74/KH-UBND", "", "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- UBND tỉnh;\tKT. CHỦ TỊCH\n"
                      "- Lưu: VT.\tPHÓ CHỦ TỊCH\n" + appendix)
    assert spec.signer == "TM. ỦY BAN NHÂN DÂN"  # for whom, not the deputy's line, and an appendix after it
    spec = _header_of("UBND TỈNH LÀO CAI\nSỞ NỘI VỤ\nSố: 58/KH-SNV", "", "Nơi nhận:                    GIÁM ĐỐC\n- UBND tỉnh;\n")
    assert spec.signer == "GIÁM ĐỐC"  # a head signing in their own name
    spec = _header_of("ĐẢNG BỘ TỈNH SƠN LA\nĐẢNG ỦY SỞ Y TẾ\nSố 09-CTr/ĐU", "", "T/M ĐẢNG ỦY\nBÍ THƯ\n\nNguyễn Văn A\n\nNơi nhận:\n- Tỉnh ủy,\n")
    assert spec.signer == "T/M ĐẢNG ỦY"
    # a converter joined the block's lines with spaces: the signing line up to the signer's title
    spec = _header_of("LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI\nSố: 215/KH-LĐLĐ", "", "Nơi nhận: - Sở Nội vụ; - Lưu: VT.\tTM. BAN THƯỜNG VỤ CHỦ TỊCH Nguyễn Thị Hoa\n")
    assert spec.signer == "TM. BAN THƯỜNG VỤ"


def test_round_43_markdown_headings_and_an_appendix_after_the_signature():
    text = ("| TỔNG CÔNG TY BƯU ĐIỆN VIỆT NAM **BƯU ĐIỆN TỈNH ĐẮK LẮK** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n| --- | --- |\n"
            "| Số: 246/KH-BĐĐL | *Đắk Lắk, ngày 21 tháng 5 năm 2026* |\n\n**KẾ HOẠCH**\n\n**Chi trả không dùng tiền mặt giai đoạn 2026 - 2030**\n\n"
            "## II. MỤC TIÊU, CHỈ TIÊU\n\n### 2. Chỉ tiêu cụ thể\n\n* Góp phần cùng tỉnh nâng tỷ lệ dân số tham gia bảo hiểm y tế lên trên 95% vào năm 2030.\n\n"
            "## III. NHIỆM VỤ, GIẢI PHÁP\n\n### 1. Rà soát, chuẩn hóa dữ liệu người hưởng\n\n* Phối hợp rà soát danh sách.\n\n"
            "Đơn vị chủ trì, đơn vị phối hợp và thời gian thực hiện từng nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.\n\n"
            "## IV. TỔ CHỨC THỰC HIỆN\n\n1\\. Phòng Kinh doanh là đầu mối theo dõi.\n\n"
            "**PHỤ LỤC**\n\n| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n| --- | --- | --- | --- | --- |\n"
            "| 1 | Rà soát, chuẩn hóa dữ liệu người hưởng | Phòng Kinh doanh | Bảo hiểm xã hội tỉnh | Hằng năm |\n")
    spec = parse_document(text, "bd.txt")
    assert [(t.comparator, t.value, t.year) for t in spec.targets] == [("gt", Decimal(95), 2030)]
    assert _task_rows(spec)[:2] == [("1", "Phòng Kinh doanh", ["Bảo hiểm xã hội tỉnh"], "yearly_from"), ("IV.1", "Phòng Kinh doanh", [], "unspecified")]


def test_round_43_units_as_headings_with_duty_bullets_naming_tasks_by_number_alone():
    section = "".join(f"{n}. Nhiệm vụ số {n}\nNội dung {n}.\nThời gian: hằng năm.\n" for n in (1, 2))
    organisation = ("1. Phòng Đào tạo\n- Là đầu mối theo dõi.\n- Chủ trì thực hiện nhiệm vụ 2; phối hợp thực hiện nhiệm vụ 1.\n"
                    "2. Phòng Công tác học sinh, sinh viên\n- Chủ trì thực hiện nhiệm vụ 1.\n"
                    "3. Đề nghị Đoàn Thanh niên, Hội Sinh viên Trường\n- Phối hợp thực hiện nhiệm vụ 1; phát động phong trào.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation
    rows = _task_rows(parse_document(text, "cd.txt"))
    assert rows[:2] == [
        ("1", "Phòng Công tác học sinh, sinh viên", ["Phòng Đào tạo", "Đoàn Thanh niên", "Hội Sinh viên Trường"], "yearly_from"),
        ("2", "Phòng Đào tạo", [], "yearly_from"),
    ]
    assert [row[0] for row in rows[2:]] == ["IV.1", "IV.2", "IV.3"]  # each unit an item of its own


def test_round_43_roles_after_a_points_name_labels_inside_a_sentence_and_a_body_after_a_list_of_communes():
    section = ("6. Nhà ở\na) Hoàn thành xóa nhà tạm: Ủy ban nhân dân xã chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam xã huy "
               "động nguồn lực; hoàn thành trước ngày 30/9/2026.\nb) Bảo đảm nước sinh hoạt: Phòng Kinh tế chủ trì; thời gian: năm 2026 và các "
               "năm tiếp theo.\n7. Thông tin thị trường lao động\n7.1. Thu thập thông tin cung - cầu lao động. Chủ trì: Phòng Thông tin thị "
               "trường lao động; phối hợp: Ủy ban nhân dân các xã, phường, Thành đoàn Huế; thời gian: Quý I/2027.\n"
               "8. Hỗ trợ học nghề\nPhòng Bảo hiểm thất nghiệp phối hợp với các cơ sở giáo dục nghề nghiệp tư vấn, hỗ trợ học nghề cho "
               "người hưởng trợ cấp thất nghiệp. Thời gian: hằng năm.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng theo dõi.\n"
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "mv.txt"))}
    assert rows["6.a"] == ("Ủy ban nhân dân xã", ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"], "fixed_date")  # ("Ủy": a capital too)
    assert rows["6.b"] == ("Phòng Kinh tế", [], "yearly_from")
    assert rows["7.1"] == ("Phòng Thông tin thị trường lao động", ["Ủy ban nhân dân các xã, phường", "Thành đoàn Huế"], "fixed_date")
    assert rows["8"] == (None, ["Phòng Bảo hiểm thất nghiệp", "Các cơ sở giáo dục nghề nghiệp"], "yearly_from")  # "tư vấn": a verb


def test_round_43_a_sentence_end_in_no_bodys_name_a_month_on_the_next_line_and_a_bracket_of_time():
    section = ("7. Giám sát\n+ Giám sát việc bình xét hộ nghèo.\nỦy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị - xã hội xã "
               "tăng cường giám sát; Ủy ban Kiểm tra Đảng ủy kiểm tra việc lãnh đạo thực hiện chính sách xã hội của các chi bộ. Thời gian: hằng năm.\n"
               "8. Giáo dục\nThực hiện chính sách hỗ trợ tiền ăn; vận động quỹ khuyến học hỗ trợ học sinh (hoàn thành rà soát học sinh có "
               "nguy cơ bỏ học trước ngày 30/9/2026).\n")
    organisation = ("1. Các chi bộ trực thuộc Đảng ủy tổ chức quán triệt và xây dựng kế hoạch thực hiện Chương trình, hoàn thành trong tháng\n"
                    "5/2026.\n2. Đảng ủy phường giao Ủy ban nhân dân phường chủ trì thực hiện nhiệm vụ 8 tại Mục III.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "kt.txt"))}
    assert rows["7"] == (None, ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Các đoàn thể chính trị - xã hội xã", "Ủy ban Kiểm tra Đảng ủy"], "yearly_from")
    assert rows["8"] == ("Ủy ban nhân dân phường", [], "fixed_date")
    assert rows["IV.1"] == (None, ["Các chi bộ trực thuộc Đảng ủy"], "fixed_date")


def test_round_43_a_footnotes_rule_of_underscores_is_no_text():
    body = "         trình thực hiện; thường xuyên kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc trong quá\n"
    text = ("KẾ HOẠCH\ngiai đoạn 2026 - 2030\n" + body * 20 + "         Năm 2025, tỷ lệ hộ nghèo còn 2,38%1.\n"
            "                II. MỤC TIÊU\n                2. Mục tiêu cụ thể\n"
            "                - Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều của tỉnh giảm còn dưới 2%; riêng các xã\n\n\n"
            "         ____________________\n         1 Báo cáo số 486-BC/TU ngày 22/01/2026 của Ban Thường vụ Tỉnh ủy về kết quả năm 2025.\n"
            "                                                      2\n\n         miền núi giảm bình quân trên 3%/năm.\n"
            "                III. NHIỆM VỤ, GIẢI PHÁP\n                1. Tuyên truyền\n                Cơ quan chủ trì: Ban Tuyên giáo.\n")
    assert [t.source_text for t in parse_document(text, "kh.txt").targets][-1] == "riêng các xã miền núi giảm bình quân trên 3%/năm"


def test_the_period_the_title_names_and_a_date_after_a_tab():
    # Word's text of the header table: the number, a TAB, the place and date
    spec = _header_of("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 112/KH-UBND\tNinh Bình, ngày 06 tháng 4 năm 2026")
    assert spec.issued_on == "2026-04"
    # dated December 2025, for "giai đoạn 2026 - 2030": the period the title names
    text = ("Số: 412/KH-UBND\nGia Lai, ngày 29 tháng 12 năm 2025\nKẾ HOẠCH\nThực hiện Nghị quyết số 42-NQ/TW giai đoạn 2026 - 2030\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\nCơ quan chủ trì: Sở Nội vụ.\n")
    assert (parse_document(text, "gl.txt").start_year, parse_document(text, "gl.txt").end_year) == (2026, 2030)
    # a plan for one year, whatever targets to 2030 it recalls
    text = ("Số: 09/KH-UBND\nHà Nội, ngày 10 tháng 02 năm 2026\nKẾ HOẠCH\nThực hiện chính sách xã hội trên địa bàn phường năm 2026\n"
            "II. MỤC TIÊU\n2. Chỉ tiêu cụ thể\n- Phấn đấu đến năm 2030 tỷ lệ hộ nghèo dưới 1%.\n"
            "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền\nCơ quan chủ trì: Phòng Văn hóa - Xã hội.\n")
    assert (parse_document(text, "kd.txt").start_year, parse_document(text, "kd.txt").end_year) == (2026, 2026)


def test_round_44_a_label_line_cut_by_a_page_break_and_a_funding_section_before_the_organisation():
    body = "Rà soát, lập danh sách, hỗ trợ xây mới, sửa chữa nhà ở cho hộ nghèo, hộ cận nghèo trong thôn\n"
    section = ("4. Nhà ở\n\na) Xóa nhà tạm, nhà dột nát\n\n" + body * 20 + "\nCơ quan chủ trì: Phòng Kinh tế xã; phối hợp: Ủy ban Mặt trận Tổ quốc Việt Nam xã,\n"
               "3\n\nBan Chỉ huy quân sự xã. Thời gian: hoàn thành trước ngày 30/9/2026.\n\nb) Nước sạch\n\nCơ quan chủ trì: Trạm Y tế xã.\n\n"
               "5. Giám sát\n\nKiểm tra, giám sát việc rà soát hộ nghèo.\n\nỦy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã "
               "tổ chức giám sát; thời gian: hằng năm.\n\n")
    text = ("KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. KINH PHÍ THỰC HIỆN\n\n- Ngân sách nhà nước bố trí "
            "trong dự toán hằng năm của xã.\n\nV. TỔ CHỨC THỰC HIỆN\n\n1. Các thành viên Ban Chỉ đạo theo lĩnh vực và địa bàn được phân công "
            "thường xuyên kiểm tra, đôn đốc.\n")
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "bx.txt"))}
    assert rows["4.a"] == ("Phòng Kinh tế xã", ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Ban Chỉ huy quân sự xã"], "fixed_date")
    assert rows["5"] == (None, ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Các tổ chức chính trị - xã hội xã"], "yearly_from")  # not the funding's
    assert rows["V.1"] == (None, ["Các thành viên Ban Chỉ đạo"], "continuous")  # "theo lĩnh vực …": which ones, no name


def test_round_44_the_issuer_under_its_standing_body_and_the_issuers_of_a_joint_plan():
    # the Ban Chấp hành of the ward's association issues; "Hội Liên hiệp Phụ nữ phường" in its text is the issuer itself
    spec = _header_of("HỘI LHPN TỈNH THANH HÓA\nBCH HỘI LHPN PHƯỜNG HẠC THÀNH\n***\nSố: 12/KH-HPN", "",
                      "IV. TỔ CHỨC THỰC HIỆN\n3. Đề nghị Ủy ban nhân dân phường, Ủy ban Mặt trận Tổ quốc Việt Nam phường quan tâm, tạo "
                      "điều kiện, phối hợp với Hội Liên hiệp Phụ nữ phường triển khai Kế hoạch.\n")
    assert _issuer_name(spec) == "Ban Chấp hành Hội Liên hiệp Phụ nữ phường Hạc Thành"
    assert _task_rows(spec)[-1] == ("IV.3", None, ["Ủy ban nhân dân phường", "Ủy ban Mặt trận Tổ quốc Việt Nam phường"], "unspecified")
    # a joint plan: the first body under the province issues it, and each issuer may be the other's partner
    spec = _header_of("UBND TỈNH AN GIANG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nHỘI KHUYẾN HỌC TỈNH AN GIANG\n\nSố: 09/KHLT-SGDĐT-HKH", "",
                      "IV. TỔ CHỨC THỰC HIỆN\n1. Hội Khuyến học tỉnh chủ trì, phối hợp với Sở Giáo dục và Đào tạo hướng dẫn các cấp Hội.\n")
    assert _issuer_name(spec) == "Sở Giáo dục và Đào tạo tỉnh An Giang"
    assert _task_rows(spec)[-1] == ("IV.1", "Hội Khuyến học tỉnh", ["Sở Giáo dục và Đào tạo"], "unspecified")


def test_round_44_a_department_named_with_a_comma():
    section = "1. Cấp thẻ\nNội dung.\nThời gian thực hiện: hằng năm.\n"
    organisation = "Phân công thực hiện các nhiệm vụ tại Mục III như sau:\n- Phòng Cấp sổ, thẻ: chủ trì nhiệm vụ 1.\n- Phòng Công nghệ thông tin: phối hợp nhiệm vụ 1.\n"
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n" + organisation
    assert _task_rows(parse_document(text, "hy.txt"))[0] == ("1", "Phòng Cấp sổ, thẻ", ["Phòng Công nghệ thông tin"], "yearly_from")


def test_round_45_a_point_whose_own_sentence_names_its_bodies_and_a_department_named_by_two_fields():
    section = ("3. Chăm lo người có công\na) Rà soát hồ sơ.\nb) Ủy ban nhân dân phường chủ trì tổ chức thăm hỏi. Thời gian: hằng năm.\n"
               "c) Hội Cựu chiến binh phường phối hợp với Ủy ban nhân dân phường thăm hỏi, chăm lo người có công, thân nhân liệt sĩ. "
               "Thời gian: thường xuyên.\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + section + "IV. TỔ CHỨC THỰC HIỆN\n1. Các chi hội triển khai.\n"
    rows = {number: (lead, implementers, kind) for number, lead, implementers, kind in _task_rows(parse_document(text, "vy.txt"))}
    assert rows["3.c"] == (None, ["Hội Cựu chiến binh phường", "Ủy ban nhân dân phường"], "continuous")
    table = ("3. Chăm sóc đối tượng\nTT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
             "1\tChăm sóc, nuôi dưỡng đối tượng\tPhòng Chăm sóc, nuôi dưỡng\tTrạm Y tế phường Đông Hà\tHằng năm\n")
    text = "KẾ HOẠCH\ngiai đoạn 2026 - 2030\nIII. NHIỆM VỤ, GIẢI PHÁP\n" + table + "IV. TỔ CHỨC THỰC HIỆN\n1. Các phòng triển khai.\n"
    assert ("1", "Phòng Chăm sóc, nuôi dưỡng", ["Trạm Y tế phường Đông Hà"], "yearly_from") in _task_rows(parse_document(text, "qt.txt"))
