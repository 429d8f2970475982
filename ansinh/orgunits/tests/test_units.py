"""Administrative units with history: the Đức Phổ reorganisation of 01/7/2025."""

from datetime import date

import pytest
from django.conf import settings

from ansinh.core.errors import UserError
from ansinh.orgunits.actions import do_import_editions, do_import_units, do_record_lineage
from ansinh.orgunits.lineagefile import parse_lineage_file
from ansinh.orgunits.gso_editions import kind_from_name, read_edition
from ansinh.orgunits.models import OrgUnit, UnitSuccession
from ansinh.orgunits.selectors import get_unit, unit_lineage, unit_tree

OLD_DUC_PHO = {
    "21439": "Phường Nguyễn Nghiêm", "21442": "Xã Phổ An", "21445": "Xã Phổ Phong", "21448": "Xã Phổ Thuận",
    "21451": "Phường Phổ Văn", "21454": "Phường Phổ Quang", "21457": "Xã Phổ Nhơn", "21460": "Phường Phổ Ninh",
    "21463": "Phường Phổ Minh", "21466": "Phường Phổ Vinh", "21469": "Phường Phổ Hòa", "21472": "Xã Phổ Cường",
    "21475": "Xã Phổ Khánh", "21478": "Phường Phổ Thạnh", "21481": "Xã Phổ Châu",
}
SUCCESSORS = {
    "21439": ("Phường Đức Phổ", {"21439", "21469", "21463", "21466", "21460"}),
    "21478": ("Phường Sa Huỳnh", {"21478", "21481"}),
    "21451": ("Phường Trà Câu", {"21451", "21454", "21442", "21448"}),
    "21457": ("Xã Nguyễn Nghiêm", {"21457", "21445"}),
    "21472": ("Xã Khánh Cường", {"21475", "21472"}),
}


def test_kind_comes_from_the_name_prefix_because_the_old_data_calls_every_ward_xa():
    assert kind_from_name("Phường Nguyễn Nghiêm", 3) == "ward"
    assert kind_from_name("Thị xã Đức Phổ", 2) == "town"
    assert kind_from_name("Thành phố Quảng Ngãi", 2) == "provincial_city"
    assert kind_from_name("Thành phố Hà Nội", 1) == "central_city"


def test_the_whole_country_reads_with_a_kind_for_every_unit():
    old = read_edition("2024", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL)
    new = read_edition("2025", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL)
    assert (len(old), len(new)) == (10_810, 3_355)
    assert {r.code: r.kind for r in old}["058"] == "provincial_city"  # spelled "Thành Phố Bắc Kạn" in the data
    assert sum(1 for r in old if r.level == 1) == 63 and sum(1 for r in new if r.level == 1) == 34


def test_importing_both_editions_of_a_province_that_merged_away_is_allowed(acting_user):
    summaries = do_import_editions(["2024", "2025"], {"62"}, pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, acting_user=acting_user, channel="t")
    assert (summaries["2024"].unchanged, summaries["2025"].created) == (1 + 10 + 102, 0)


def test_importing_an_unknown_province_writes_nothing(acting_user):
    before = OrgUnit.objects.count()
    with pytest.raises(UserError, match="không có tỉnh mã 99"):
        do_import_editions(["2024", "2025"], {"99"}, pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, acting_user=acting_user, channel="t")
    assert OrgUnit.objects.count() == before


def test_the_2024_edition_holds_the_three_levels_and_the_2025_edition_two():
    old = read_edition("2024", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, province_codes={"51"})
    new = read_edition("2025", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, province_codes={"51"})
    assert {r.code: r.name for r in old if r.parent_code == "534"} == OLD_DUC_PHO
    assert {r.level for r in new} == {1, 3}
    assert sum(1 for r in new if r.level == 3) == 96  # NQ 1677 Điều 1.92: 86 xã, 9 phường, 1 đặc khu
    assert {r.kind for r in new if r.level == 3} == {"commune", "ward", "special_zone"}


def test_tree_of_duc_pho_in_2024_lists_its_15_communes_and_wards(db):
    tree = unit_tree(get_unit("534", date(2024, 6, 1)), date(2024, 6, 1))
    assert (tree["name"], tree["kind"]) == ("Thị xã Đức Phổ", "town")
    assert {child["code"]: child["name"] for child in tree["children"]} == OLD_DUC_PHO


def test_tree_of_quang_ngai_in_2026_has_the_96_new_units_including_the_5_successors(db):
    tree = unit_tree(get_unit("51", date(2026, 1, 1)), date(2026, 1, 1))
    children = {child["code"]: child["name"] for child in tree["children"]}
    assert len(children) == 96
    assert {code: children[code] for code in SUCCESSORS} == {code: name for code, (name, _) in SUCCESSORS.items()}
    assert all(child["children"] == [] for child in tree["children"])  # no district level any more


def test_district_534_does_not_exist_after_the_reform(db):
    with pytest.raises(UserError, match="không có đơn vị hành chính mã 534 vào ngày 01/01/2026"):
        get_unit("534", date(2026, 1, 1))


def test_lineage_of_21439_tells_apart_the_ward_of_2024_and_the_ward_of_2026(db):
    old, new = unit_lineage("21439")
    assert (old["name"], old["valid_to"], old["parent"]["code"]) == ("Phường Nguyễn Nghiêm", "2025-06-30", "534")
    assert [s["name"] for s in old["successors"]] == ["Phường Đức Phổ"]
    assert (new["name"], new["valid_from"], new["parent"]["code"]) == ("Phường Đức Phổ", "2025-07-01", "51")
    assert {p["code"] for p in new["predecessors"]} == SUCCESSORS["21439"][1]
    assert all("Nghị quyết 1677/NQ-UBTVQH15" in p["legal_basis"] for p in new["predecessors"])


def test_lineage_on_a_date_keeps_only_the_unit_valid_then(db):
    (only,) = unit_lineage("21457", date(2026, 3, 1))
    assert only["name"] == "Xã Nguyễn Nghiêm"
    assert {p["name"] for p in only["predecessors"]} == {"Xã Phổ Nhơn", "Xã Phổ Phong"}


def test_every_old_duc_pho_commune_has_exactly_one_whole_successor(db):
    edges = UnitSuccession.objects.filter(predecessor__parent__code="534")
    assert sorted(edge.predecessor.code for edge in edges) == sorted(OLD_DUC_PHO)
    assert all(edge.whole and edge.kind == "merge" for edge in edges)


def test_reimporting_an_edition_changes_nothing(acting_user):
    records = read_edition("2025", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, province_codes={"51"})
    before = OrgUnit.history.count()
    summary = do_import_units(records, edition_key="2025", acting_user=acting_user, channel="test")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 97)
    assert OrgUnit.history.count() == before


def test_import_of_another_province_is_attributed_in_the_history(acting_user):
    records = read_edition("2024", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, province_codes={"52"})
    summary = do_import_units(records, edition_key="2024", acting_user=acting_user, channel="test-import")
    assert summary.created == len(records)
    record = OrgUnit.history.filter(code="52").get()
    assert (record.history_user, record.history_change_reason, record.history_type) == (acting_user, "test-import", "+")


def test_unknown_province_is_refused():
    with pytest.raises(UserError, match="không có tỉnh mã 99"):
        read_edition("2025", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, province_codes={"99"})


def test_codes_are_zero_padded_per_level_and_a_bare_number_that_fits_several_is_ambiguous(acting_user):
    records = read_edition("2024", pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, province_codes={"01"})
    do_import_units(records, edition_key="2024", acting_user=acting_user, channel="test")
    on = date(2024, 1, 1)
    assert get_unit("01", on).name == "Thành phố Hà Nội"
    assert get_unit("001", on).name == "Quận Ba Đình"
    assert get_unit("00001", on).name == "Phường Phúc Xá"
    with pytest.raises(UserError, match="mã 1 trùng nhiều đơn vị"):
        get_unit("1", on)


def test_lineage_file_with_an_unknown_code_is_refused_and_writes_nothing(tmp_path, acting_user):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "legal_basis: NQ test\neffective_on: 2025-07-01\nsuccessions:\n"
        "  - successor: '21439'\n    predecessors: ['99999']\n",
        encoding="utf-8",
    )
    effective_on, edges = parse_lineage_file(path)
    before = UnitSuccession.objects.count()
    with pytest.raises(UserError, match="không có đơn vị mã 99999 ngày 30/06/2025"):
        do_record_lineage(effective_on, edges, acting_user=acting_user, channel="test", filename="bad.yaml")
    assert UnitSuccession.objects.count() == before


def test_lineage_file_with_a_bad_field_names_line_and_field(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("legal_basis: x\neffective_on: 2025-13-01\nsuccessions:\n  - successr: '1'\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        parse_lineage_file(path)
    text = str(caught.value)
    assert "bad.yaml:2: effective_on: ngày '2025-13-01' không đúng dạng YYYY-MM-DD" in text
    assert "bad.yaml:4: successions[0].successr: trường 'successr' không có trong định dạng" in text
