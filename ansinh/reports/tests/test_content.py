"""The report's text and tables from plain facts: what the data says, placeholders for the rest."""

from datetime import datetime

from ansinh.reports import charts, content
from ansinh.reports.content import Chart, Paragraph, ProgramFacts, ReportFacts, ReviewInput, Snapshot, Table, TaskFacts
from ansinh.reports.layout import PARTY, Letterhead


def _row(code, name, comparator, target, series, status, status_vi, unit="%", gap=None, area="a1", complete=True, low=None, high=None):
    latest = next(((y, v) for y, v in reversed(series) if v is not None), (None, None))
    return {
        "target": code, "name": name, "comparator": comparator, "unit": unit, "value": latest[1], "year": latest[0],
        "target_value": target, "target_year": 2030, "gap": gap, "status": status, "status_vi": status_vi, "area": area,
        "series": [{"year": y, "value": v, "complete": complete} for y, v in series],
        "completeness": {"reported": 15, "expected": 15}, "inputs": {"low": low, "high": high},
    }


UNEMPLOYMENT = _row("T02", "Tỷ lệ thất nghiệp chung", "lt", 2.0, [(2023, 3.2), (2024, 3.0), (2025, 2.9)], "off_track", "Khó đạt", gap=0.9)
HOUSING = _row("T27", "Số căn hộ nhà ở xã hội", "ge", 300.0, [(2023, 0.0), (2024, 0.0), (2025, 45.0)], "off_track", "Khó đạt", unit="căn hộ", gap=255.0, area="a2")
TRAINED = _row("T04", "Tỷ lệ lao động qua đào tạo", "range", 35.0, [(2023, 24.0), (2024, 25.5), (2025, 26.5)], "needs_acceleration", "Cần đẩy nhanh", low=35.0, high=40.0)
INSURED = _row("T12", "Tỷ lệ trẻ em đi học", "ge", 99.5, [(2023, 99.6), (2024, 99.7), (2025, 99.8)], "achieved", "Đã đạt", gap=0.0, complete=False)
QUALITATIVE = {**_row("T09", "Bảo đảm mức sống tối thiểu", "qual", None, [], "insufficient_data", "Chưa đủ dữ liệu"), "series": []}


def _input(kind="annual", tasks=(), targets=(UNEMPLOYMENT, TRAINED, INSURED, QUALITATIVE, HOUSING), sample=False):
    head = Letterhead(PARTY, "ĐẢNG BỘ TỈNH QUẢNG NGÃI", "THỊ ỦY ĐỨC PHỔ", "Số      -BC/TU", "Đức Phổ, ngày    tháng    năm 2026",
                      "T/M BAN THƯỜNG VỤ", ("Tỉnh ủy (báo cáo)", "Lưu VT"))
    snapshot = Snapshot(datetime(2026, 1, 5, 9, 30), (2023, 2024, 2025), ("2025S1", "2025S2"), {"approved": 14, "submitted": 1},
                        "duc-pho-42", "534", kind, "2025")
    program = ProgramFacts("duc-pho-42", "Chương trình hành động", "-CTr/TU", "…", "Thị ủy Đức Phổ", "Nghị quyết số 42-NQ/TW",
                           2024, 2030, (("a1", "An sinh xã hội"), ("a2", "Nhà ở")))
    return ReviewInput(kind, "2025", 2025, "năm 2025", "thị xã Đức Phổ", "thị xã Đức Phổ", "Thị ủy Đức Phổ", program,
                       tuple(targets), {}, tuple(tasks), head, snapshot, sample=sample)


def _texts(report):
    return [b.text for b in report.blocks if isinstance(b, Paragraph)]


def test_subject_names_the_program_with_a_blank_draft_number_and_the_resolution():
    assert content.subject_line(_input()) == "kết quả thực hiện Chương trình hành động số …-CTr/TU của Thị ủy Đức Phổ thực hiện Nghị quyết số 42-NQ/TW năm 2025"
    assert content.subject_line(_input("final")).startswith("tổng kết 2 năm thực hiện")


def test_the_five_sections_are_in_order_and_what_a_person_writes_is_a_placeholder():
    report = content.compose(_input())
    headings = [b.text for b in report.blocks if isinstance(b, Paragraph) and b.kind == "heading1"]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV", "V"]
    placeholders = [b.text for b in report.blocks if isinstance(b, Paragraph) and b.kind == "placeholder"]
    assert any("Nguyên nhân" in p for p in placeholders) and any("Đề xuất" in p for p in placeholders)
    assert all(p.startswith("[") and p.endswith("]") for p in placeholders)


def test_shortfall_sentence_says_where_the_target_stands_and_the_pace_needed():
    # 2,9 % in 2025 toward < 2 % in 2030: 0,9 to go in 5 years = 0,18 a year; 2023–2025 fell 0,15 a year.
    assert content.shortfall_sentence(UNEMPLOYMENT) == (
        "Tỷ lệ thất nghiệp chung: năm 2025 là 2,9 %, mục tiêu < 2 % năm 2030, còn cách 0,9 điểm %; "
        "cần giảm bình quân 0,18 điểm %/năm đến 2030, giai đoạn 2023–2025 giảm 0,15 điểm %/năm (Khó đạt)."
    )
    assert content.shortfall_sentence(HOUSING) == (
        "Số căn hộ nhà ở xã hội: năm 2025 là 45 căn hộ, mục tiêu ≥ 300 căn hộ năm 2030, còn cách 255 căn hộ; "
        "cần tăng bình quân 51 căn hộ/năm đến 2030, giai đoạn 2023–2025 tăng 22,5 căn hộ/năm (Khó đạt)."
    )


def test_a_range_target_aims_at_its_nearer_bound():
    assert content.pace_sentence(TRAINED).startswith("cần tăng bình quân 1,7 điểm %/năm")  # (35 − 26,5) / 5


def test_target_table_groups_rows_by_area_and_writes_vietnamese_numbers():
    table = content.target_table(_input())
    assert table.columns == ("STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu 2030", "Năm 2023", "Năm 2024", "Năm 2025", "Đánh giá")
    assert table.rows[0][0] == "An sinh xã hội" and 0 in table.group_rows
    by_name = {row[1]: row for row in table.rows}
    assert by_name["Tỷ lệ thất nghiệp chung"][3:] == ("< 2", "3,20", "3,00", "2,90", "Khó đạt")
    assert by_name["Tỷ lệ lao động qua đào tạo"][3] == "35–40"
    assert by_name["Số căn hộ nhà ở xã hội"][4:7] == ("0", "0", "45")  # counts stay whole
    assert by_name["Tỷ lệ trẻ em đi học"][6] == "99,80 (*)"  # incomplete reports are marked
    assert by_name["Bảo đảm mức sống tối thiểu"][3:] == ("Định tính", "–", "–", "–", "Chưa đủ dữ liệu")
    assert not table.landscape and content.target_table(_input()).widths_cm[0] > 1.0


def test_many_years_put_the_table_on_a_landscape_page():
    data = _input()
    wide = ReviewInput(**{**data.__dict__, "snapshot": Snapshot(**{**data.snapshot.__dict__, "data_years": tuple(range(2023, 2031))})})
    assert content.target_table(wide).landscape


def test_assessment_lists_lagging_targets_silent_bodies_and_the_approval_state():
    task = TaskFacts("3", "Giải quyết việc làm", "tasks", "Ban Thường vụ", ("Phòng Lao động",), "Thường xuyên",
                     (ReportFacts("Phòng Lao động", "2025S1", "đang triển khai", 60, "Đã tổ chức 3 phiên giao dịch việc làm"),),
                     (("Phòng Lao động", "2025S2"), ("Trung tâm GDNN", "2025S2")))
    report = content.compose(_input(tasks=[task]))
    text = "\n".join(_texts(report))
    assert "- Phòng Lao động (đang triển khai, 60 %, kỳ 6 tháng đầu năm 2025): Đã tổ chức 3 phiên giao dịch việc làm." in text
    assert "- Trung tâm GDNN: chưa gửi báo cáo 6 tháng cuối năm 2025." in text
    assert "Cơ quan, đơn vị chưa gửi báo cáo nhiệm vụ: Phòng Lao động (nhiệm vụ 3); Trung tâm GDNN (nhiệm vụ 3)." in text
    assert "14/15 báo cáo số liệu của các đơn vị đã được duyệt hoặc miễn" in text
    assert "1 chỉ tiêu đã đạt mục tiêu: tỷ lệ trẻ em đi học." in text
    assert "- 1 chỉ tiêu chưa đủ số liệu hoặc chưa được đánh giá: bảo đảm mức sống tối thiểu." in text


def test_charts_are_included_for_the_status_summary_and_the_lagging_targets():
    charts_in = [b for b in content.compose(_input()).blocks if isinstance(b, Chart)]
    assert [c.caption.split(".")[0] for c in charts_in] == ["Biểu đồ 1", "Biểu đồ 2"]
    assert all(c.png.startswith(b"\x89PNG") for c in charts_in)


def test_sample_data_is_labelled_at_the_top():
    assert _texts(content.compose(_input(sample=True)))[0].startswith("DỮ LIỆU MẪU")
    assert not _texts(content.compose(_input()))[0].startswith("DỮ LIỆU MẪU")


def test_the_data_sheet_has_no_letterhead_and_one_row_per_target():
    report = content.compose(_input("data-sheet"))
    tables = [b for b in report.blocks if isinstance(b, Table)]
    assert report.letterhead is None and report.doc_type == "PHIẾU SỐ LIỆU" and len(tables[0].rows) == 5


def test_required_path_runs_from_the_first_value_to_the_goal_unless_already_met():
    points = ((2023, 3.2), (2025, 2.9))
    assert charts.required_path(points, 2030, 2.0, 2.0, "lt") == ((2023, 3.2), (2030, 2.0))
    assert charts.required_path(((2023, 96.2),), 2030, 95.0, 95.0, "gt") == ()
    assert charts.required_path(((2023, 24.0),), 2030, 35.0, 40.0, "range") == ((2023, 24.0), (2030, 35.0))
    assert charts.required_path(((2023, 37.0),), 2030, 35.0, 40.0, "range") == ()
    assert charts.required_path((), 2030, 2.0, 2.0, "lt") == ()


def test_the_svg_of_a_chart_is_the_same_for_the_same_data():
    spec = content.trend_spec(UNEMPLOYMENT)
    first, second = charts.to_svg(charts.trend(spec, "lt")), charts.to_svg(charts.trend(spec, "lt"))
    assert first == second and b"<svg" in first
