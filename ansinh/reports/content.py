"""The review report (báo cáo sơ kết / tổng kết) as a document model built from plain facts. Pure code.

`compose` turns a `ReviewInput` (the program, one unit's evaluation, the task reports, the data
snapshot) into a `Report`: the letterhead and a list of blocks (paragraphs, tables, charts) that
`docx_writer` renders. Sentences made from data say only what the data says; what only a person can
write (causes, lessons, proposals) is a visible placeholder in square brackets, never invented.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from ansinh.analytics.progress import STATUS_LABELS_VI
from ansinh.core.vnformat import format_number
from ansinh.reports import charts
from ansinh.reports.layout import Letterhead

SIX_MONTH, ANNUAL, MID_TERM, FINAL, DATA_SHEET = "six-month", "annual", "mid-term", "final", "data-sheet"
KINDS = (SIX_MONTH, ANNUAL, MID_TERM, FINAL, DATA_SHEET)
# Statuses that the assessment section lists as shortcomings, and those the directions section names.
LAGGING = ("off_track", "regressing")
TO_ACCELERATE = ("off_track", "regressing", "needs_acceleration")
MAX_TREND_CHARTS = 8  # a page of small multiples; the rest are in the annex table
PLACEHOLDER_PREFIX = "["


@dataclass(frozen=True)
class ProgramFacts:
    code: str
    doc_type: str
    number: str
    title: str
    issuer_name: str
    implements: str  # "Nghị quyết số 42-NQ/TW" or ""
    start_year: int
    end_year: int
    areas: tuple[tuple[str, str], ...]  # (code, name) in the document's order


@dataclass(frozen=True)
class ReportFacts:
    body: str
    period: str
    status_vi: str
    progress_percent: int | None
    text: str


@dataclass(frozen=True)
class TaskFacts:
    number: str
    title: str
    section: str  # "tasks" | "organisation"
    lead: str | None
    implementers: tuple[str, ...]
    timeline_text: str
    reports: tuple[ReportFacts, ...]  # the latest report of each body within the review window
    missing: tuple[tuple[str, str], ...]  # (body, period) reports owed and not filed


@dataclass(frozen=True)
class Snapshot:
    """What the report was built from, written into the document so it can be reproduced."""

    generated_at: datetime
    data_years: tuple[int, ...]
    task_periods: tuple[str, ...]
    approvals: dict[str, int]  # submission status -> count, for the unit's territory in the year
    program_code: str
    unit_code: str
    kind: str
    period: str

    def approval_sentence(self) -> str:
        total = sum(self.approvals.values())
        if not total:
            return "số liệu chưa qua bước gửi, duyệt (chưa có báo cáo số liệu nào được gửi trong năm)"
        approved = self.approvals.get("approved", 0) + self.approvals.get("excused", 0)
        return f"{approved}/{total} báo cáo số liệu của các đơn vị đã được duyệt hoặc miễn"


@dataclass(frozen=True)
class ReviewInput:
    kind: str
    period: str
    year: int
    period_label: str  # "năm 2025", "6 tháng đầu năm 2025", "giai đoạn 2024–2025"
    unit_name: str
    scope_name: str  # the program's unit ("thị xã Đức Phổ"); equal to unit_name for the town report
    reporter: str  # who reports: the program's issuer for its own unit, "Đảng ủy phường …" for a commune
    program: ProgramFacts
    targets: tuple[dict, ...]  # evaluation rows (ansinh.analytics.selectors.evaluate_program) + "area"
    scope_targets: dict[str, dict]  # the program unit's rows by target code, for the data sheet
    tasks: tuple[TaskFacts, ...]
    letterhead: Letterhead
    snapshot: Snapshot
    signer_title: str = ""  # "BÍ THƯ"; a placeholder when empty
    signer_name: str = ""
    sample: bool = False  # the database holds sample (demo) values: the report says so at the top


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "body"  # body | heading1 | heading2 | heading3 | bullet | placeholder | note | caption


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    group_rows: frozenset[int]  # indexes of rows that are a heading across the table (an area)
    widths_cm: tuple[float, ...]
    landscape: bool
    caption: str
    number_columns: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Chart:
    png: bytes
    width_cm: float
    caption: str


@dataclass(frozen=True)
class Report:
    letterhead: Letterhead | None  # None for a data sheet
    doc_type: str  # "BÁO CÁO", "PHIẾU SỐ LIỆU"
    subject: str
    blocks: tuple = ()
    signer_lines: tuple[str, ...] = ()
    snapshot: Snapshot | None = None
    properties: dict = field(default_factory=dict)


def placeholder(what: str) -> Paragraph:
    return Paragraph(f"[{what}]", "placeholder")


def program_reference(program: ProgramFacts) -> str:
    """ "Chương trình hành động số 12-CTr/TU của Thị ủy Đức Phổ"; a draft's blank number as "…"."""
    number = program.number if not program.number.startswith("-") else f"…{program.number}"
    return f"{program.doc_type} số {number} của {program.issuer_name}"


def subject_line(data: ReviewInput) -> str:
    ref = program_reference(data.program)
    implements = f" thực hiện {data.program.implements}" if data.program.implements else ""
    start, year = data.program.start_year, data.year
    if data.kind == SIX_MONTH:
        return f"sơ kết {data.period_label} thực hiện {ref}{implements}"
    if data.kind == ANNUAL:
        return f"kết quả thực hiện {ref}{implements} {data.period_label}"
    if data.kind == MID_TERM:
        return f"sơ kết giữa kỳ {year - start + 1} năm thực hiện {ref}{implements} ({data.period_label})"
    if data.kind == FINAL:
        return f"tổng kết {year - start + 1} năm thực hiện {ref}{implements} ({data.period_label})"
    return f"các chỉ tiêu của {ref} tại {data.unit_name}, {data.period_label}"


def compose(data: ReviewInput) -> Report:
    if data.kind == DATA_SHEET:
        return _data_sheet(data)
    blocks: list = _sample_banner(data) + [Paragraph(_opening(data))]
    blocks += _leadership(data)
    blocks += _results(data)
    blocks += _assessment(data)
    blocks += _directions(data)
    blocks += [Paragraph("V. ĐỀ XUẤT, KIẾN NGHỊ", "heading1"), placeholder("Đề xuất, kiến nghị với cấp trên: do người soạn báo cáo viết")]
    blocks.append(Paragraph(_snapshot_note(data.snapshot), "note"))
    signer = (data.letterhead.signer_authority, data.signer_title or "[CHỨC VỤ NGƯỜI KÝ]", "", "", "", data.signer_name or "[Họ và tên]")
    return Report(data.letterhead, "BÁO CÁO", capitalise(subject_line(data)), tuple(blocks), signer, data.snapshot, _properties(data))


SAMPLE_BANNER = "DỮ LIỆU MẪU: báo cáo này dựng từ số liệu mẫu để thử hệ thống, không phải số liệu thật."


def _sample_banner(data: ReviewInput) -> list:
    return [Paragraph(SAMPLE_BANNER, "placeholder")] if data.sample else []


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _opening(data: ReviewInput) -> str:
    ref = program_reference(data.program)
    implements = f" thực hiện {data.program.implements}" if data.program.implements else ""
    where = "" if data.unit_name == data.scope_name else f" trên địa bàn {data.unit_name}"
    return f"Thực hiện {ref}{implements}, {data.reporter} báo cáo kết quả thực hiện {data.period_label}{where} như sau:"


# I. Leadership: the reports on group 1 (dissemination) and on section IV (organisation).

def _is_leadership(task: TaskFacts) -> bool:
    return task.section == "organisation" or task.number.split(".")[0] == "1"


def _leadership(data: ReviewInput) -> list:
    blocks: list = [Paragraph("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, QUÁN TRIỆT, TUYÊN TRUYỀN", "heading1")]
    tasks = [t for t in data.tasks if _is_leadership(t)]
    if not any(t.reports for t in tasks):
        blocks.append(placeholder(f"Chưa có báo cáo nào về công tác lãnh đạo, chỉ đạo trong {data.period_label}: người soạn bổ sung"))
    for task in tasks:
        blocks += _task_paragraphs(task)
    return blocks


def _task_paragraphs(task: TaskFacts) -> list:
    blocks = [Paragraph(f"{task.number}. {capitalise(task.title)}", "heading3")]
    roles = []
    if task.lead:
        roles.append(f"Cơ quan chỉ đạo: {task.lead}")
    if task.implementers:
        roles.append(f"cơ quan tham mưu, thực hiện: {', '.join(task.implementers)}")
    if task.timeline_text:
        roles.append(f"thời gian: {task.timeline_text}")
    if roles:
        blocks.append(Paragraph(capitalise("; ".join(roles)) + ".", "note"))
    for report in task.reports:
        progress = f", {report.progress_percent} %" if report.progress_percent is not None else ""
        blocks.append(Paragraph(f"- {report.body} ({report.status_vi}{progress}, kỳ {period_name(report.period)}): {_sentence(report.text)}", "bullet"))
    for body, periods in _missing_by_body(task.missing):
        blocks.append(Paragraph(f"- {body}: chưa gửi báo cáo {', '.join(period_name(p) for p in periods)}.", "bullet"))
    return blocks


def _missing_by_body(missing: tuple[tuple[str, str], ...]) -> list[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = {}
    for body, period in missing:
        grouped.setdefault(body, []).append(period)
    return list(grouped.items())


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def period_name(code: str) -> str:
    """ "2025S1" -> "6 tháng đầu năm 2025"; "2025" -> "năm 2025"."""
    if len(code) == 6 and code[4] == "S":
        half = "đầu" if code[5] == "1" else "cuối"
        return f"6 tháng {half} năm {code[:4]}"
    return f"năm {code}"


# II. Results: 1. the targets (table and charts), 2. the task groups.

def _results(data: ReviewInput) -> list:
    blocks: list = [Paragraph("II. KẾT QUẢ THỰC HIỆN", "heading1"), Paragraph("1. Kết quả thực hiện các chỉ tiêu", "heading2")]
    blocks.append(Paragraph(status_counts_sentence(data.targets, data.year, data.program.end_year)))
    blocks.append(target_table(data))
    blocks.append(Chart(charts.to_png(status_chart(data.targets, data.year)), 15.5, f"Biểu đồ 1. Tình trạng các chỉ tiêu đến năm {data.year}"))
    lagging = [row for row in data.targets if row["status"] in TO_ACCELERATE and row["series"]]
    if lagging:
        specs = [(trend_spec(row), row["comparator"]) for row in lagging[:MAX_TREND_CHARTS]]
        shown = "" if len(lagging) <= MAX_TREND_CHARTS else f" ({MAX_TREND_CHARTS}/{len(lagging)} chỉ tiêu; đủ số liệu tại Phụ lục)"
        blocks.append(Chart(charts.to_png(charts.trend_grid(specs)), 16.0, f"Biểu đồ 2. Các chỉ tiêu cần đẩy nhanh, khó đạt hoặc đi lùi và lộ trình cần đạt{shown}"))
    blocks.append(Paragraph("2. Kết quả thực hiện các nhiệm vụ, giải pháp", "heading2"))
    leadership = [t.number for t in data.tasks if _is_leadership(t) and t.section == "tasks" and "." not in t.number]
    if leadership:
        blocks.append(Paragraph(f"(Nhiệm vụ {', '.join(leadership)} đã nêu tại mục I.)", "note"))
    for task in data.tasks:
        if not _is_leadership(task):
            blocks += _task_paragraphs(task)
    return blocks


def status_counts_sentence(rows: tuple[dict, ...], year: int, end_year: int) -> str:
    counts = Counter(row["status"] for row in rows)
    parts = [f"{counts[s]} chỉ tiêu {STATUS_LABELS_VI[s].lower()}" for s in STATUS_LABELS_VI if counts[s]]
    return f"Đến năm {year}, trong {len(rows)} chỉ tiêu đến năm {end_year}: {'; '.join(parts)}. Chi tiết tại bảng dưới đây (số liệu từng đơn vị tại Phụ lục)."


def status_chart(rows: tuple[dict, ...], year: int):
    counts = Counter(row["status"] for row in rows)
    return charts.status_summary(counts, STATUS_LABELS_VI, f"Tình trạng {len(rows)} chỉ tiêu đến năm {year}")


def trend_spec(row: dict) -> charts.TrendSpec:
    points = tuple((p["year"], p["value"]) for p in row["series"] if p["value"] is not None)
    low, high = target_bounds(row)
    return charts.TrendSpec(row["name"], row["unit"], points, row["target_year"], low, high, row["status_vi"], row["status"])


def target_bounds(row: dict) -> tuple[float | None, float | None]:
    if row["comparator"] == "range":
        inputs = row.get("inputs", {})
        return inputs.get("low"), inputs.get("high")
    return row["target_value"], row["target_value"]


def target_amount(row: dict) -> str:
    """ "< 2", "35–40", "≈ 75", "định tính": the goal as the table writes it (unit in its column)."""
    if row["comparator"] == "qual":
        return "Định tính"
    if row["comparator"] == "range":
        low, high = target_bounds(row)
        return f"{format_number(low)}–{format_number(high)}"
    signs = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "", "approx": "≈"}
    return f"{signs[row['comparator']]} {format_number(row['target_value'])}".strip()


def row_decimals(row: dict) -> int:
    """Whole numbers for a row of counts (45 căn hộ), two decimals otherwise, the same in every year."""
    values = [p["value"] for p in row["series"] if p["value"] is not None]
    return 0 if all(abs(v - round(v)) < 1e-9 for v in values) else 2


def year_value(row: dict, year: int) -> str:
    """The figure of `row` for `year`; "(*)" marks a figure computed from incomplete reports."""
    point = next((p for p in row["series"] if p["year"] == year), None)
    if point is None or point["value"] is None:
        return "–"
    return format_number(point["value"], row_decimals(row)) + ("" if point["complete"] else " (*)")


def table_years(data: ReviewInput) -> list[int]:
    return list(data.snapshot.data_years)


def target_table(data: ReviewInput) -> Table:
    years = table_years(data)
    columns = ("STT", "Chỉ tiêu", "Đơn vị tính", f"Mục tiêu {data.program.end_year}", *[f"Năm {y}" for y in years], "Đánh giá")
    rows, groups = [], set()
    area_names = dict(data.program.areas)
    number = 0
    for area in dict.fromkeys(row.get("area", "") for row in data.targets):
        if area in area_names:
            groups.add(len(rows))
            rows.append((area_names[area],) + ("",) * (len(columns) - 1))
        for row in (r for r in data.targets if r.get("area", "") == area):
            number += 1
            rows.append((str(number), row["name"], row["unit"], target_amount(row), *[year_value(row, y) for y in years], row["status_vi"]))
    landscape = len(years) > 4
    year_width = 1.6 if landscape else 1.5
    name_width = (24.7 if landscape else 16.0) - 1.3 - 1.8 - 1.8 - 2.2 - year_width * len(years)
    widths = (1.3, name_width, 1.8, 1.8, *[year_width] * len(years), 2.2)
    numbers = frozenset(range(4, 4 + len(years)))
    caption = f"Bảng 1. Kết quả thực hiện các chỉ tiêu ({capitalise(data.unit_name)}); (*): số liệu chưa đủ các đơn vị báo cáo"
    return Table(columns, tuple(rows), frozenset(groups), widths, landscape, caption, numbers)


# III. Assessment: achievements, shortcomings (from the data), causes (a person writes them).

def _assessment(data: ReviewInput) -> list:
    blocks: list = [Paragraph("III. ĐÁNH GIÁ CHUNG", "heading1"), Paragraph("1. Ưu điểm", "heading2")]
    achieved = [r for r in data.targets if r["status"] == "achieved"]
    on_track = [r for r in data.targets if r["status"] == "on_track"]
    if achieved:
        blocks.append(Paragraph(f"- {len(achieved)} chỉ tiêu đã đạt mục tiêu: {_names(achieved)}.", "bullet"))
    if on_track:
        blocks.append(Paragraph(f"- {len(on_track)} chỉ tiêu đúng tiến độ: {_names(on_track)}.", "bullet"))
    blocks.append(placeholder("Ưu điểm trong lãnh đạo, chỉ đạo, tổ chức thực hiện: người soạn bổ sung"))
    blocks.append(Paragraph("2. Hạn chế", "heading2"))
    for row in (r for r in data.targets if r["status"] in LAGGING):
        blocks.append(Paragraph(f"- {shortfall_sentence(row)}", "bullet"))
    missing_data = [r for r in data.targets if r["status"] == "insufficient_data"]
    if missing_data:
        blocks.append(Paragraph(f"- {len(missing_data)} chỉ tiêu chưa đủ số liệu hoặc chưa được đánh giá: {_names(missing_data)}.", "bullet"))
    silent = _silent_bodies(data.tasks)
    if silent:
        blocks.append(Paragraph(f"- Cơ quan, đơn vị chưa gửi báo cáo nhiệm vụ: {'; '.join(silent)}.", "bullet"))
    blocks.append(Paragraph(f"- Số liệu: {data.snapshot.approval_sentence()} (năm {data.year}).", "bullet"))
    blocks.append(Paragraph("3. Nguyên nhân", "heading2"))
    blocks.append(placeholder("Nguyên nhân khách quan và chủ quan của hạn chế: người soạn báo cáo viết"))
    if data.kind in (MID_TERM, FINAL):
        blocks.append(Paragraph("4. Bài học kinh nghiệm", "heading2"))
        blocks.append(placeholder("Bài học kinh nghiệm: người soạn báo cáo viết"))
    return blocks


def _names(rows: list[dict]) -> str:
    return "; ".join(_lower_first(r["name"]) for r in rows)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def shortfall_sentence(row: dict) -> str:
    """ "Tỷ lệ thất nghiệp …: năm 2025 là 2,95 %, mục tiêu < 2 % năm 2030, còn cách 0,95 điểm %; cần giảm
    bình quân 0,19 điểm %/năm, giai đoạn 2023–2025 giảm 0,23 điểm %/năm (Khó đạt)." """
    unit = row["unit"]
    value = _with_unit(row["value"], unit)
    goal = f"{target_amount(row)} {unit}".strip() if unit != "%" else f"{target_amount(row)} %"
    text = f"{row['name']}: năm {row['year']} là {value}, mục tiêu {goal} năm {row['target_year']}"
    if row["gap"]:
        text += f", còn cách {_distance(row['gap'], unit)}"
    pace = pace_sentence(row)
    return f"{text}{'; ' + pace if pace else ''} ({row['status_vi']})."


def _with_unit(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    return f"{format_number(value)} %" if unit == "%" else f"{format_number(value)} {unit}".strip()


def _distance(amount: float, unit: str) -> str:
    return f"{format_number(amount)} điểm %" if unit == "%" else f"{format_number(amount)} {unit}".strip()


def pace_sentence(row: dict) -> str:
    """The yearly change needed to reach the goal from the latest value, beside the change so far."""
    points = [(p["year"], p["value"]) for p in row["series"] if p["value"] is not None]
    low, high = target_bounds(row)
    if len(points) < 2 or low is None or row["target_year"] <= points[-1][0]:
        return ""
    (first_year, first), (last_year, last) = points[0], points[-1]
    goal = low if row["comparator"] != "range" or last < low else high
    needed = (goal - last) / (row["target_year"] - last_year)
    observed = (last - first) / (last_year - first_year)
    unit = "điểm %" if row["unit"] == "%" else row["unit"]
    need_word = "tăng" if needed >= 0 else "giảm"
    seen_word = "tăng" if observed >= 0 else "giảm"
    return (
        f"cần {need_word} bình quân {format_number(abs(needed))} {unit}/năm đến {row['target_year']}, "
        f"giai đoạn {first_year}–{last_year} {seen_word} {format_number(abs(observed))} {unit}/năm"
    )


def _silent_bodies(tasks: tuple[TaskFacts, ...]) -> list[str]:
    by_body: dict[str, list[str]] = {}
    for task in tasks:
        for body, _period in task.missing:
            numbers = by_body.setdefault(body, [])
            if task.number not in numbers:
                numbers.append(task.number)
    return [f"{body} (nhiệm vụ {', '.join(numbers)})" for body, numbers in by_body.items()]


# IV. Directions: the targets to push, from the data; the rest a person writes.

def _directions(data: ReviewInput) -> list:
    blocks: list = [Paragraph("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "heading1")]
    push = [r for r in data.targets if r["status"] in TO_ACCELERATE]
    if push:
        blocks.append(Paragraph("Tập trung lãnh đạo, chỉ đạo đẩy nhanh tiến độ các chỉ tiêu:", "body"))
        for row in push:
            pace = pace_sentence(row)
            blocks.append(Paragraph(f"- {row['name']}{': ' + pace if pace else ''}.", "bullet"))
    blocks.append(placeholder("Nhiệm vụ, giải pháp trọng tâm thời gian tới: người soạn báo cáo viết"))
    return blocks


def _snapshot_note(snapshot: Snapshot) -> str:
    years = snapshot.data_years
    return (
        f"Số liệu trích từ hệ thống ansinh lúc {snapshot.generated_at:%H:%M} ngày {snapshot.generated_at:%d/%m/%Y}; "
        f"số liệu các năm {years[0]}–{years[-1]}; {snapshot.approval_sentence()}; kèm theo Phụ lục số liệu (tệp Excel)."
    )


def _properties(data: ReviewInput) -> dict:
    s = data.snapshot
    return {
        "title": f"{'Báo cáo' if data.kind != DATA_SHEET else 'Phiếu số liệu'} {subject_line(data)}"[:255],
        "subject": f"{s.program_code} {s.kind} {s.period} {s.unit_code}",
        "keywords": f"ansinh; {s.program_code}; {s.kind}; {s.period}; {s.unit_code}",
        "comments": f"ansinh snapshot: generated {s.generated_at.isoformat(timespec='seconds')}; data years {s.data_years[0]}-{s.data_years[-1]}; "
        f"task periods {','.join(s.task_periods) or '-'}; approvals {dict(sorted(s.approvals.items()))}",
    }


# The one-unit data sheet: the unit's figures beside the program unit's and the target.

def _data_sheet(data: ReviewInput) -> Report:
    years = table_years(data)
    columns = ("STT", "Chỉ tiêu", "Đơn vị tính", f"Mục tiêu {data.program.end_year}", *[f"Năm {y}" for y in years], f"{capitalise(data.scope_name)} {data.year}", "Đánh giá")
    rows = []
    for number, row in enumerate(data.targets, start=1):
        scope_row = data.scope_targets.get(row["target"])
        town = year_value(scope_row, data.year) if scope_row else "–"
        rows.append((str(number), row["name"], row["unit"], target_amount(row), *[year_value(row, y) for y in years], town, row["status_vi"]))
    landscape = len(years) > 3
    year_width = 1.6
    name_width = (24.7 if landscape else 16.0) - 1.3 - 1.8 - 1.8 - 2.0 - 2.2 - year_width * len(years)
    table = Table(
        columns, tuple(rows), frozenset(), (1.3, name_width, 1.8, 1.8, *[year_width] * len(years), 2.0, 2.2), landscape,
        f"Các chỉ tiêu tại {data.unit_name}; (*): số liệu chưa đủ các đơn vị báo cáo", frozenset(range(4, 5 + len(years))),
    )
    blocks = (
        *_sample_banner(data),
        Paragraph(status_counts_sentence(data.targets, data.year, data.program.end_year)),
        table,
        Paragraph(_snapshot_note(data.snapshot), "note"),
    )
    return Report(None, "PHIẾU SỐ LIỆU", capitalise(subject_line(data)), blocks, (), data.snapshot, _properties(data))
