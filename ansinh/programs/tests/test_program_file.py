"""The Đức Phổ program file: complete, faithful to the seed, and loadable both ways."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from ansinh.core.errors import UserError
from ansinh.demo.setup import PROGRAM_FILE
from ansinh.programs.actions import do_load_program
from ansinh.programs.models import Program, Target
from ansinh.programs.programfile import dump_program_file, parse_program_file, spec_to_file_data
from ansinh.programs.selectors import get_program, program_spec, program_summary

SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seeds" / "000_d05823c75ea666fa.txt"
# The repository keeps a copy of the source document beside the program file it became.
FIXTURE_SEED = PROGRAM_FILE.with_suffix(".source.txt")

# (code, comparator, value, low, high, unit) for every target of section II.2.1, in order.
EXPECTED_TARGETS = [
    ("T01", "eq", 100, None, None, "%"), ("T02", "lt", 2, None, None, "%"), ("T03", "lt", Decimal("2.5"), None, None, "%"),
    ("T04", "range", None, 35, 40, "%"), ("T05", "ge", 20, None, None, "%"), ("T06", "ge", 15, None, None, "%"),
    ("T07", "ge", 25, None, None, "%"), ("T08", "eq", 100, None, None, "%"), ("T09", "qual", None, None, None, ""),
    ("T10", "qual", None, None, None, ""), ("T11", "qual", None, None, None, ""), ("T12", "ge", Decimal("99.5"), None, None, "%"),
    ("T13", "ge", Decimal("97.5"), None, None, "%"), ("T14", "ge", Decimal("72.3"), None, None, "%"), ("T15", "eq", 100, None, None, "%"),
    ("T16", "qual", None, None, None, ""), ("T17", "approx", 75, None, None, "tuổi"), ("T18", "ge", 68, None, None, "năm"),
    ("T19", "ge", 25, None, None, "giường/10.000 dân"), ("T20", "ge", 7, None, None, "bác sĩ/10.000 dân"),
    ("T21", "gt", 95, None, None, "%"), ("T22", "gt", 95, None, None, "%"), ("T23", "gt", 90, None, None, "%"),
    ("T24", "ge", 95, None, None, "%"), ("T25", "lt", Decimal("4.8"), None, None, "%"), ("T26", "qual", None, None, None, ""),
    ("T27", "ge", 300, None, None, "căn hộ"), ("T28", "eq", 0, None, None, "căn"), ("T29", "approx", 33, None, None, "m² sàn/người"),
    ("T30", "eq", 100, None, None, "%"), ("T31", "ge", 80, None, None, "%"), ("T32", "eq", 100, None, None, "%"),
    ("T33", "ge", 25, None, None, "%"), ("T34", "ge", 15, None, None, "%"),
]


def _seed_text() -> str:
    path = SEED if SEED.exists() else FIXTURE_SEED
    assert path.read_bytes() == FIXTURE_SEED.read_bytes()
    return " ".join(path.read_text(encoding="utf-8").split())


def test_every_target_of_section_ii_is_there_with_comparator_value_and_unit():
    spec = parse_program_file(PROGRAM_FILE)
    got = [(t.code, t.comparator, t.value, t.low, t.high, t.unit) for t in spec.targets]
    expected = [
        (c, comp, None if v is None else Decimal(v), None if lo is None else Decimal(lo), None if hi is None else Decimal(hi), u)
        for c, comp, v, lo, hi, u in EXPECTED_TARGETS
    ]
    assert got == expected
    assert {t.year for t in spec.targets} == {2030}


def test_source_texts_are_verbatim_fragments_of_the_seed_in_document_order():
    seed = _seed_text()
    spec = parse_program_file(PROGRAM_FILE)
    positions = []
    for target in spec.targets:
        assert target.source_text in seed, target.code
        positions.append(seed.index(target.source_text))
    assert positions == sorted(positions)


def test_every_number_of_section_ii_2_1_is_covered_by_a_target():
    seed = _seed_text()
    section = seed[seed.index("2.1. Mục tiêu cụ thể đến năm 2030") : seed.index("2.2. Tầm nhìn")]
    quoted = " ".join(t.source_text for t in parse_program_file(PROGRAM_FILE).targets)
    numbers = set(re.findall(r"\d+(?:,\d+)?", section)) - {"2.1", "2030"}
    missing = {n for n in numbers if n not in quoted and n != "2030"}
    assert missing == set()


def test_numeric_targets_point_to_an_indicator_and_qualitative_ones_do_not():
    for target in parse_program_file(PROGRAM_FILE).targets:
        assert (target.indicator is None) == (target.comparator == "qual"), target.code


def test_task_groups_1_to_9_with_9_1_to_9_3_and_section_iv():
    tasks = {t.number: t for t in parse_program_file(PROGRAM_FILE).tasks}
    assert [n for n in tasks if tasks[n].section == "tasks"] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "9.1", "9.2", "9.3"]
    assert [n for n in tasks if tasks[n].section == "organisation"] == ["IV.1", "IV.2", "IV.3", "IV.4", "IV.5"]
    assert tasks["1"].timeline_kind == "continuous" and tasks["1"].timeline_text == "Thường xuyên"
    assert all(tasks[n].timeline_kind == "yearly_from" and tasks[n].timeline_from_year == 2024 for n in ["2", "5", "8", "9.2"])
    assert tasks["1"].implementers == [
        "ban-tuyen-giao-thi-uy-duc-pho", "dang-uy-chi-bo-truc-thuoc-thi-uy-duc-pho", "co-quan-ca-nhan-lien-quan-duc-pho",
    ]
    assert tasks["9.2"].implementers == ["ban-hdnd-thi-xa-duc-pho", "dang-uy-xa-phuong-duc-pho"]
    assert {tasks[n].parent_number for n in ["9.1", "9.2", "9.3"]} == {"9"}
    assert all(tasks[n].lead == "btv-thi-uy-duc-pho" for n in [str(i) for i in range(1, 10)])


def test_show_json_contract_lists_targets_and_tasks_with_bodies(db):
    summary = program_summary(get_program("duc-pho-42"))
    assert set(summary) >= {"code", "title", "targets", "tasks"}
    assert set(summary["targets"][0]) >= {"code", "name", "comparator", "value", "low", "high", "unit", "year", "indicator", "source_text"}
    t04 = next(t for t in summary["targets"] if t["code"] == "T04")
    assert (t04["comparator"], t04["low"], t04["high"], t04["value"]) == ("range", 35, 40, None)
    task1 = summary["tasks"][0]
    assert (task1["number"], task1["lead"]) == ("1", "Ban Thường vụ Thị ủy Đức Phổ")
    assert task1["implementers"][0] == "Ban Tuyên giáo Thị ủy Đức Phổ"
    assert task1["timeline"]["text"] == "Thường xuyên"


def test_export_then_parse_gives_back_the_same_program(db, tmp_path):
    stored = spec_to_file_data(program_spec(get_program("duc-pho-42")))
    exported = tmp_path / "export.yaml"
    exported.write_text(dump_program_file(stored), encoding="utf-8")
    assert spec_to_file_data(parse_program_file(exported)) == stored
    assert stored == spec_to_file_data(parse_program_file(PROGRAM_FILE))


def test_loading_the_same_file_again_changes_nothing(acting_user):
    before = Target.history.count()
    result = do_load_program(parse_program_file(PROGRAM_FILE), acting_user=acting_user, channel="test")
    assert result.status == "unchanged"
    assert Target.history.count() == before


def test_an_edited_target_is_updated_and_its_history_keeps_old_and_new(acting_user, tmp_path):
    text = PROGRAM_FILE.read_text(encoding="utf-8").replace("source_text: Tỷ lệ thất nghiệp chung dưới 2%\n", "source_text: Tỷ lệ thất nghiệp chung dưới 2%\n    note: sửa thử\n")
    edited = tmp_path / "duc-pho-42.yaml"
    edited.write_text(text, encoding="utf-8")
    result = do_load_program(parse_program_file(edited), acting_user=acting_user, channel="test-edit")
    assert result.status == "updated"
    t02 = Target.objects.get(program__code="duc-pho-42", code="T02")
    newest, previous = t02.history.all()[:2]
    assert (previous.note, newest.note, newest.history_user, newest.history_change_reason) == ("", "sửa thử", acting_user, "test-edit")


BAD_CASES = [
    ("    comparator: lt\n    value: 2\n", "    comparator: lte\n    value: 2\n", "comparator: giá trị 'lte' không hợp lệ"),
    ("    low: 35\n    high: 40\n", "    low: 40\n    high: 35\n", "low: cận dưới 40 lớn hơn cận trên 35"),
    ("    indicator: TL_THAT_NGHIEP\n", "    indicator: KHONG_CO\n", "indicator: chỉ số 'KHONG_CO' chưa có trong thư viện"),
    ("  - code: T03\n", "  - code: T02\n", "code: mã chỉ tiêu 'T02' bị trùng"),
    ('    code: "534"\n', '    code: "999"\n', "program.scope_unit.code: không có đơn vị hành chính mã 999"),
    ("    name: Tỷ lệ thất nghiệp chung\n", "", "name: thiếu trường bắt buộc"),
    ("    comparator: lt\n    value: 2\n", "    comparator: lt\n    value:\n", "value: so sánh lt cần value"),
    # Found by the fuzz test: a list field given a single text crashed the reader (TypeError).
    ("  serves_targets:\n  - T01\n- number: '4'\n", "  serves_targets: T01\n- number: '4'\n", "serves_targets: "),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_CASES)
def test_bad_program_files_are_refused_naming_file_line_and_field_and_load_nothing(tmp_path, acting_user, old, new, message):
    text = PROGRAM_FILE.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("code: duc-pho-42", "code: bad-42").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        do_load_program(parse_program_file(bad), acting_user=acting_user, channel="test")
    line = next(str(p) for p in caught.value.problems if message in str(p))
    assert re.match(r"^bad\.yaml:\d+: ", line), line
    assert not Program.objects.filter(code="bad-42").exists()


def test_the_line_number_points_at_the_wrong_field(tmp_path):
    text = PROGRAM_FILE.read_text(encoding="utf-8").replace("    comparator: range\n", "    comparator: between\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        parse_program_file(bad)
    problem = caught.value.problems[0]
    line_number = int(problem.where.split(":")[1])
    assert text.splitlines()[line_number - 1] == "    comparator: between"
    assert problem.field == "targets[3].comparator"
