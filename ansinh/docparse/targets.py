"""Targets of section "Mục tiêu cụ thể": sentences split into fragments, one target each.

A paragraph is cut into sentences (". " before a capital letter, and ";"), a sentence into
fragments at "," or " và " when both sides state a quantity. Each fragment gives a comparator
(from the wording just before the number), a value or a range, a unit and a year; a fragment
without a quantity, or opening with a commitment ("hoàn thành phổ cập…", "bảo đảm…"), is
qualitative. Indicators are matched by word overlap with the names in nq42.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ansinh.core.vnformat import format_number, parse_number
from ansinh.docparse import layout
from ansinh.docparse.text import TABLE_NUMBER_HEADINGS, Para, chapter_numeral, fold, part_numeral
from ansinh.programs.programfile import TargetSpec

LIBRARY = Path(__file__).resolve().parent.parent / "indicators" / "library" / "nq42.yaml"
_NUM = r"\d+(?:[.,]\d+)*"
# Beds and doctors are counted per 10,000 people, written "/10.000 dân", "/vạn dân" or "trên vạn dân".
_PER_10K = r"(?:\s*(?:/|trên)\s*(?:vạn|10\.000)\s*dân)?"
_UNIT = rf"%/năm|%|tỷ đồng(?:/năm)?|triệu đồng(?:/người)?(?:/năm)?|m²\s*sàn/người|m2\s*sàn/người|m²\s*sàn|m2\s*sàn|m²|giường(?:\s+bệnh)?{_PER_10K}|bác sĩ{_PER_10K}|căn hộ|căn nhà|căn|nhà|tuổi|năm|tháng|người(?:/năm)?|hộ|xã|trường"
_QUANTITY = re.compile(
    rf"(?<![\d/])(?<!niệm )(?P<num>{_NUM})(?:\s*(?:-|–|đến)\s*(?P<high>{_NUM}))?\s*(?P<unit>{_UNIT})?(?![\w/])", re.IGNORECASE
)
_TARGET_UNITS = {"%", "tuổi", "năm", "giường", "bác sĩ", "căn hộ", "căn", "căn nhà", "m² sàn/người", "hộ", "người", "xã", "trường", "nhà", "%/năm", "tỷ đồng", "triệu đồng"}
# Wording before the number, folded; the keyword closest to the number decides.
_COMPARATOR_WORDS = (
    # Negated comparisons first: at the same distance from the number they win over "hơn".
    ("khong thap hon", "ge"), ("khong it hon", "ge"), ("khong duoi", "ge"), ("khong cao hon", "le"), ("khong nhieu hon", "le"),
    ("khong qua", "le"), ("toi da", "le"), ("khong vuot", "le"), ("giam con", "le"), ("giam xuong con", "le"), ("duoi", "lt"), ("tren", "gt"), ("hon", "gt"),
    ("khoang", "approx"), ("xap xi", "approx"), ("dat", "ge"), ("toi thieu", "ge"), ("it nhat", "ge"),
    ("phan dau", "ge"), ("tro len", "ge"),
)
_QUAL_OPENINGS = ("hoan thanh", "bao dam", "dam bao", "co ban cham dut", "co ban hoan thanh", "duy tri", "giu vung", "khong de")
# "không còn nhà tạm", "xóa toàn bộ …", "xóa 07 căn nhà tạm … còn lại": nothing left (the number
# is what is left today, not the target).
_ZERO_OPENING = re.compile(r"^(?:xoa bo hoan toan|xoa hoan toan|xoa toan bo|xoa het|xoa xong|khong con|khong de phat sinh(?: moi)? nha tam|xoa [\d.]+ (?:can|nha tam)|xoa nha tam)\b")
# Units that make a commitment sentence quantitative ("bảo đảm 100% hộ…", "hoàn thành 1.200 căn hộ");
# "trẻ từ 3 đến 5 tuổi" after "hoàn thành phổ cập" only describes a population.
_MEASURED_UNITS = {"%", "căn hộ", "căn", "căn nhà", "giường", "bác sĩ", "m² sàn/người"}
_STOP = {"ty", "le", "so", "cua", "va", "o", "tren", "duoc", "co", "cac", "trong", "cho", "tu", "den", "nguoi", "dat", "the"}
# "đến năm 2030", "năm 2025 đạt…" (not "so với năm 2020"); a deadline "trước ngày 31/12/2025", "trước tháng 10/2025".
_YEAR = re.compile(
    r"(?<!so với )năm\s+(\d{4})(?!\s*[-–])|(?:trước|đến|trong)\s+(?:ngày\s+\d{1,2}/|tháng\s+)\d{1,2}/(\d{4})"
    r"|(?:trước|đến|trong)\s+quý\s+[IV]+/(\d{4})",  # "Trong quý I/2026, 100% cấp ủy …"
    re.IGNORECASE,
)
# "từ 30% đến 35%", "30% - 35%": a range whose first number carries the unit too.
_RANGE_WITH_UNITS = re.compile(rf"({_NUM})\s*%\s*(?:-|–|đến)\s*({_NUM})\s*%")
# "a) Về y tế": the heading of a group of targets, not a target.
_AREA_HEADING = re.compile(r"^(?:Về|Lĩnh vực|Nhóm chỉ tiêu(?: về)?|Đối với)\s+[^:]{2,80}$")


@dataclass
class Fragment:
    text: str
    offset: int  # in the source text
    year: int
    area: str
    per_10k: bool  # its sentence speaks of "… trên 10.000 dân"
    context: str = ""


def _has_quantity(text: str) -> bool:
    """A number with a unit a target is measured in ("36 tháng tuổi" of a population is not one)."""
    return any(
        match.group("unit") and _unit_name(match) in _TARGET_UNITS and not _POPULATION_AGE.search(text[max(match.start() - 20, 0) : match.end()])
        for match in _QUANTITY.finditer(text)
    )


# "người từ 40 tuổi trở lên", "trẻ em dưới 5 tuổi", "người có công từ đủ 14 tuổi": an age that says who
# is counted, not a target
_POPULATION_AGE = re.compile(r"(?:người|trẻ em|trẻ|phụ nữ|lao động)\s+(?:từ|dưới|trên)\s+\d+\s*tuổi$|\btừ đủ\s+\d+\s*tuổi$", re.IGNORECASE)


# A count of things named by what they count ("600 "Mái ấm công đoàn"", "2.400 công trình"): a number
# followed by a word, not a year ("giai đoạn 2026 - 2030 hỗ trợ …") nor a date; the group holds the
# first two words of what is counted.
_COUNT = re.compile(r"(?<![\d/.,-])(?!(?:19|20)\d\d\b)\d+(?:\.\d{3})*\s+([^\d\s-]\S*(?:\s+[^\d\s,;.]+)?)")


def _cut(text: str, pattern: str, need_quantity: bool, counted_left: bool = False) -> list[tuple[int, str]]:
    """Cut `text` at `pattern`; with need_quantity only where both sides state a quantity (with
    counted_left, any figure on the left will do: "600 "Mái ấm công đoàn", trong đó năm 2026
    hoàn thành 150 căn", whose count is named by what it counts) or count the same thing."""
    parts: list[tuple[int, str]] = []
    start = 0
    for match in re.finditer(pattern, text):
        left, right = text[start:match.start()], text[match.end():]
        next_cut = re.search(pattern, right)
        right_part = right[: next_cut.start()] if next_cut else right
        left_counts = _has_quantity(left) or counted_left and bool(_COUNT.search(left))
        # "… cho ít nhất 280 lao động, trong đó chuyển đổi nghề cho 80 lao động …", "Vận động 3.000 phụ nữ
        # tham gia …, 5.000 phụ nữ tham gia …": two counts of the same thing
        same_count = bool(_counted(left) & _counted(right_part))
        if need_quantity and not (left_counts and _has_quantity(right_part) or same_count):
            continue
        parts.append((start, left))
        start = match.end()
    parts.append((start, text[start:]))
    return parts


def _counted(text: str) -> set[str]:
    """The words counts are named by ("280 lao động" → "lao động")."""
    return {match.group(1) for match in _COUNT.finditer(text)}


def _strip(offset: int, text: str) -> tuple[int, str]:
    text = re.sub(r"^\s*\(\d{1,2}\)\s+", lambda m: " " * len(m.group()), text)  # "(2) 100% xã …": the number is no part
    stripped = text.strip().rstrip(".").strip()
    if stripped.endswith(")") and stripped.count(")") > stripped.count("("):  # a milestone's closing bracket
        stripped = stripped[:-1].rstrip()
    lead = len(text) - len(text.lstrip())
    return offset + lead, stripped


def _per_10k(sentence: str) -> bool:
    return "10.000 dân" in sentence or "vạn dân" in sentence


def split_fragments(text: str) -> list[tuple[int, str, bool, str]]:
    """(position, fragment, per_10k, context) of a paragraph of targets.

    The context is the text used for naming and indicator matching: a fragment continuing the
    previous one ("…cấp tiểu học đạt 99,5%, cấp trung học cơ sở đạt 97,5%") borrows the
    previous subject; one cut at " và " keeps its whole clause."""
    pieces = []
    last_context = ""
    # (a sentence may open with its figure: "… trở về địa phương. 100% thân nhân quân nhân …")
    for s_pos, sentence in _cut(text, r"\.\s+(?=[A-ZĐÀ-Ỹ]|\d+(?:,\d+)?\s*%|\(\d{1,2}\)\s)|;\s*", False):  # (or its number: "… (2) 100% xã …")
        per_10k = _per_10k(sentence)
        previous = ""
        # "… đạt 65% (năm 2026 đạt 55%)": the bracket is a milestone of its own, cut like a clause
        # "Tỷ lệ lao động qua đào tạo đạt 75%, trong đó có bằng cấp, chứng chỉ đạt 40 - 45%": the part
        # after "trong đó" is a target of its own, commas and all
        # "…, (bảo đảm) không còn chi hội yếu kém": a commitment of its own after a comma, quantity or not
        parts = [(t_pos + k_pos, kept) for t_pos, part in _cut(sentence, r",\s+(?=trong đó\b)", True, counted_left=True)
                 for k_pos, kept in _cut(part, r",\s+(?=(?:bảo đảm |đảm bảo )?không còn\s)", False)]
        clauses = [(t_pos + c_pos, clause) for t_pos, part in parts
                   for c_pos, clause in _cut(part, r",\s+(?!chứng chỉ\b)|\s*\((?=năm\s+\d{4}[^()]*\d\s*%\))|\)(?=\s*(?:[,;.]|$))", True)]
        for c_pos, clause in clauses:
            parts = _cut(clause, r"\s+và\s+", True)
            for a_pos, part in parts:
                pos, fragment = _strip(s_pos + c_pos + a_pos, part)
                if len(fragment.split()) < 3 or _TIME_ONLY.fullmatch(fragment):  # ("Đến năm 2027, không còn …": the year is no target)
                    continue
                resolved = _resolve_ellipsis(fragment, previous)
                previous = resolved
                context = resolved if len(parts) == 1 else f"{resolved} {clause.strip()}"
                if (_NO_SUBJECT.match(fragment) or re.match(r"trong đó\b", fragment, re.IGNORECASE)) and last_context:
                    context = f"{last_context} {fragment}"  # "…; đến năm 2030 đạt 33 - 36%", "…, trong đó có bằng cấp …"
                last_context = context
                pieces.append((pos, fragment, per_10k, context))
    return pieces


_TIME_ONLY = re.compile(r"(?:(?:đến|tới|trong|cuối|đến hết)\s+)?năm\s+\d{4}", re.IGNORECASE)


# A fragment that names nothing measured, only a year and a value ("đến năm 2030 đạt trên 40%",
# "tối thiểu 50% vào năm 2030"), continues the subject of the fragment before it, even across ";".
_NO_SUBJECT = re.compile(
    rf"^(?:(?:(?:đến|vào|trong|tới)\s+)?năm\s+\d{{4}},?\s*)?(?:(?:đạt|trên|dưới|khoảng|tối thiểu|ít nhất|không quá|tối đa|từ"
    rf"|giảm xuống|giảm còn|tăng lên)\s+)*{_NUM}(?:\s*(?:-|–|đến)\s*{_NUM})?\s*%?(?:\s+(?:trở lên|(?:vào |đến |trong )?năm \d{{4}}))*\.?$",
    re.IGNORECASE,
)


def _resolve_ellipsis(fragment: str, previous: str) -> str:
    """"cấp trung học cơ sở…" after "tỷ lệ đi học đúng độ tuổi cấp tiểu học…" → the full subject."""
    first = fold(fragment).split()[0]
    if not previous or first[0].isdigit() or fold(fragment).startswith("ty le"):
        return fragment
    match = re.search(rf"\b{re.escape(first)}\b", fold(previous))
    if not match or match.start() == 0:
        return fragment
    return previous[: match.start()] + fragment


# "bác sĩ trên 10.000 dân", "trên địa bàn tỉnh có 60% …": "trên" is no comparator there
_PER_PEOPLE = re.compile(r"\btren (?:(?:\d{1,3}(?:\.000)+|mot van|van) dan|dia ban)\b")


def _comparator_before(prefix: str) -> str | None:
    folded = _PER_PEOPLE.sub(lambda m: " " * len(m.group()), fold(prefix))
    # ("Tỷ lệ lao động qua đào tạo (kể cả đào tạo dưới 3 tháng) 40%": a bracket says what is counted)
    folded = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), folded)
    if symbol := re.search(r"(<=|>=|≤|≥|<|>)\s*$", folded):  # "< 6,5", "≥ 95" in a table's cell
        return {"<": "lt", "<=": "le", "≤": "le", ">": "gt", ">=": "ge", "≥": "ge"}[symbol.group(1)]
    best, best_end = None, -1
    for word, comparator in _COMPARATOR_WORDS:
        for match in re.finditer(rf"\b{word}\b", folded):
            if match.end() > best_end:
                best, best_end = comparator, match.end()
    return best


def _pick_quantity(text: str) -> re.Match | None:
    matches = [m for m in _QUANTITY.finditer(text) if _unit_name(m) in _TARGET_UNITS]
    percent = [m for m in matches if m.group("unit") == "%"]
    if percent:
        return percent[0]
    return matches[-1] if matches else None


def _unit_name(match: re.Match) -> str:
    unit = (match.group("unit") or "").lower()
    if unit.startswith(("m²", "m2")):
        return "m² sàn/người" if "sàn" in unit else "m²"
    for base in ("giường", "bác sĩ", "tỷ đồng", "triệu đồng", "người"):  # "4.000 người/năm": people
        if unit.startswith(base):
            return base
    return unit


def _unit(match: re.Match, per_10k: bool) -> str:
    unit = _unit_name(match)
    written = (match.group("unit") or "").lower()
    if unit in ("giường", "bác sĩ") and (per_10k or "dân" in written):
        return f"{unit}/10.000 dân"
    return unit


def _name(text: str, unit: str) -> str:
    name = re.sub(r"^(?:phấn đấu|Phấn đấu)\s+(?:có\s+)?", "", text)
    name = re.sub(
        rf"[\s,]*(?:(?:giảm xuống|giảm còn|tăng lên|đạt|tối thiểu|ít nhất|khoảng|dưới|trên|không quá|tối đa|từ)\s+)*"
        rf"{_NUM}(?:\s*(?:[-–]|đến)\s*{_NUM})?\s*%\s*$", "", name,
    )
    name = re.sub(r"^(?:trong đó|bảo đảm|đảm bảo)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(
        rf"^(?:(?:trên|dưới|khoảng|đạt|ít nhất|tối thiểu|không quá|tối đa)\s+)*{_NUM}\s*%\s*", "", name, flags=re.IGNORECASE
    ).strip(" ,")
    if unit == "%" and not fold(name).startswith("ty le"):
        name = f"Tỷ lệ {name}"
    return name[:1].upper() + name[1:]


def read_target(fragment: Fragment, code: str) -> TargetSpec:
    text = fragment.text
    folded = fold(text)
    spec = TargetSpec(
        code=code, area=fragment.area, name=text[:1].upper() + text[1:], comparator="qual", value=None, low=None, high=None,
        unit="", year=fragment.year, indicator=None, source_text=text, note=f"vị trí: {fragment.offset}",
    )
    opening = re.sub(r"^phan dau\s+", "", folded)
    # "hoàn thành việc xóa toàn bộ nhà tạm", "Trong năm 2025, hỗ trợ xóa xong 100% nhà tạm"
    zero_opening = re.sub(r"^(?:(?:trong|den|toi) nam \d{4},?\s*|giai doan \d{4}\s*-\s*\d{4},?\s*)", "", opening)
    # "Cùng với các nguồn lực khác, góp phần hoàn thành xóa nhà tạm …": the share others take is no condition.
    zero_opening = re.sub(r"^cung (?:voi [^,]{3,60}?(?:,\s*|\s+(?=(?:gop phan|hoan thanh)\b))|toan tinh\s+|ca he thong chinh tri\s+)", "", zero_opening)
    zero_opening = re.sub(r"^(?:(?:hoan thanh viec|hoan thanh|ho tro|giu vung ket qua|phoi hop|gop phan|bao dam|dam bao)\s+)+", "", zero_opening)
    zero_opening = re.sub(r"^cung (?:toan tinh|ca he thong chinh tri)\s+(?:hoan thanh\s+)?", "", zero_opening)  # "góp phần cùng toàn tỉnh xóa xong …"
    # "Hoàn thành hỗ trợ xây mới, sửa chữa 27 căn nhà tạm … còn lại": the 27 are today's stock.
    if _ZERO_OPENING.match(zero_opening) or re.search(r"\b\d+ can nha tam\b.*\bcon lai\b", folded):
        # Houses left are counted (nhà tạm); "không còn hộ nghèo" has no count to set to zero: qual.
        indicator = match_indicator(fragment.context or text, "căn", text) if re.search(r"\bnha\b", folded) else None
        if indicator is not None:
            spec.comparator, spec.value, spec.unit, spec.indicator = "eq", Decimal(0), "căn", indicator
        return spec
    quantities = _RANGE_WITH_UNITS.sub(r"\1 - \2%", text)  # same length up to the first number
    match = _pick_quantity(quantities)
    if match is None or opening.startswith(_QUAL_OPENINGS) and _unit_name(match) not in _MEASURED_UNITS:
        return spec
    spec.unit = _unit(match, fragment.per_10k)
    if spec.unit == "căn" and re.search(r"\bcan ho\b", fold(text[: match.start()])):
        spec.unit = "căn hộ"  # "tổng số căn hộ nhà ở xã hội … đạt khoảng 12.000 căn": apartments
    stated = None  # a comparator the words give ("dưới", "trên", "đạt") rather than the default
    if match.group("high"):
        spec.comparator, spec.low, spec.high = "range", parse_number(match.group("num")), parse_number(match.group("high"))
    else:
        spec.value = parse_number(match.group("num"))
        # "… trẻ dưới 1 tuổi duy trì từ 98% trở lên": what follows the number is the surer sign.
        stated = _comparator_after(quantities[match.end():]) or _comparator_before(text[: match.start()][-30:])
        spec.comparator = stated or "ge"
        if spec.unit == "%" and spec.value == 100 and spec.comparator == "ge":
            spec.comparator = "eq"
        if spec.value == 0 and spec.comparator == "ge":  # "còn lại: 0 căn"; at least nothing is no target
            spec.comparator = "eq"
    spec.name = _name(_subject(fragment), spec.unit)
    per_10k = " trên 10.000 dân" if spec.unit.endswith("/10.000 dân") else ""
    own = _subject(fragment) + per_10k
    spec.indicator = match_indicator(own, spec.unit) or match_indicator(fragment.context + per_10k, spec.unit, text)
    # "trong đó hỗ trợ xây dựng mới 1.958 căn": houses built, not houses left; but "Số nhà tạm … 0 căn"
    # (a table's row) counts the houses there are, and none are to be left
    # ("xây dựng 180 căn nhà cho hộ … còn ở nhà tạm": the households still live there; the houses are built)
    built = re.search(r"\bxay (?:dung |moi )*[\d.]+ can\b", folded)
    left = re.search(r"\b(?:con lai|khong con|con o)\b", folded) and not built or spec.value == 0 and spec.comparator == "eq"
    if spec.indicator and "con lai" in _indicator_names()[spec.indicator] and not left:
        spec.indicator = None
    # a bare figure of a rate to bring down ("Tỷ lệ trẻ em … suy dinh dưỡng thể thấp còi | 22,0" in a
    # year's column) is a ceiling: every gold author drafted such targets lt / le, none ge
    if spec.comparator == "ge" and spec.value is not None and not stated and spec.indicator in _falling():
        spec.comparator = "le"
    return spec


def without_indicator(spec: TargetSpec) -> TargetSpec:
    """A number nothing in the library measures (households helped, jobs a year, a poverty rate
    the library has no data for) cannot be followed as a numeric target: a program file needs an
    indicator for one. It is drafted as qualitative, the number kept in the note for the person
    reviewing the draft, who may add an indicator and make it numeric."""
    # written the Vietnamese way for the reviewer ("ít nhất 1.200 hộ", "từ 0,5–1 %/năm")
    bound = f"{format_number(spec.low)}–{format_number(spec.high)}" if spec.comparator == "range" else format_number(spec.value)
    stated = f"{_STATED[spec.comparator]} {bound} {spec.unit}".strip()
    spec.note = f"{spec.note}; văn bản nêu {stated}, chưa có chỉ số phù hợp trong thư viện"
    spec.comparator, spec.value, spec.low, spec.high, spec.unit = "qual", None, None, None, ""
    return spec


_STATED = {"lt": "dưới", "le": "không quá", "gt": "trên", "ge": "ít nhất", "eq": "bằng", "approx": "khoảng", "range": "từ"}


def _subject(fragment: Fragment) -> str:
    """The context up to the end of the fragment's value phrase."""
    context = fragment.context or fragment.text
    end = context.find(fragment.text)
    return context[: end + len(fragment.text)] if end >= 0 else fragment.text


def _comparator_after(suffix: str) -> str | None:
    folded = fold(suffix[:20])
    if "tro len" in folded:
        return "ge"
    if "tro xuong" in folded:
        return "le"
    return None


# Abbreviations the indicators' names spell out ("Tỷ lệ dân số tham gia BHYT đạt 96,2%")
_SPELLINGS = (("BHYT", "bảo hiểm y tế"), ("BHXH", "bảo hiểm xã hội"), ("BHTN", "bảo hiểm thất nghiệp"),
              ("NOXH", "nhà ở xã hội"), ("TCMR", "tiêm chủng mở rộng"), ("SDD", "suy dinh dưỡng"))


def _spelled_out(text: str) -> str:
    for short, full in _SPELLINGS:
        text = re.sub(rf"\b{short}\b", full, text)
    return text


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]+", fold(text)) if word not in _STOP}


@lru_cache(maxsize=1)
def _library():
    from ansinh.indicators.libraryfile import parse_indicator_library

    return parse_indicator_library(LIBRARY)


@lru_cache(maxsize=1)
def _falling() -> frozenset[str]:
    """The indicators a program wants lower (unemployment, stunting, temporary houses left)."""
    return frozenset(i.code for i in _library().indicators if i.direction == "decrease")


@lru_cache(maxsize=1)
def _indicators() -> tuple[tuple[str, frozenset[str], str], ...]:
    library = _library()
    names = [(i.code, re.sub(r"\(.*?\)", "", i.name), i.unit) for i in library.indicators]
    names += [(i.code, other, i.unit) for i in library.indicators for other in _OTHER_NAMES.get(i.code, ())]
    return tuple((code, frozenset(_words(name)), unit) for code, name, unit in names)


def _area_named(folded: str) -> str:
    """"nong thon" or "thanh thi" when a text (folded) narrows itself to rural or urban areas."""
    if re.search(r"\bnong thon\b", folded):
        return "nong thon"
    return "thanh thi" if re.search(r"\b(?:thanh thi|do thi)\b", folded) else ""


@lru_cache(maxsize=1)
def _indicator_names() -> dict[str, str]:
    return {i.code: fold(i.name) for i in _library().indicators}


@lru_cache(maxsize=1)
def _whole_population() -> frozenset[str]:
    """The library's rates of the whole population or labour force ("Tỷ lệ dân số tham gia bảo
    hiểm y tế", "Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội", "Tỷ lệ đi học đúng
    độ tuổi cấp tiểu học")."""
    return frozenset(code for code, name in _indicator_names().items() if re.match(r"ty le (?:dan so|luc luong lao dong|lao dong|di hoc dung do tuoi|ho gia dinh)\b", name))


# How documents name some indicators in words the library's formal names lack.
_OTHER_NAMES = {
    "TL_TIEM_CHUNG": ("trẻ dưới 1 tuổi tiêm chủng đầy đủ",),
    "TL_HO_VE_SINH": ("hộ gia đình có nhà tiêu hợp vệ sinh",),
}


def match_indicator(text: str, unit: str, own: str = "") -> str | None:
    """The nq42 indicator whose name words are best covered by the text (the fragment with its
    context), ties broken by the words of the fragment itself; else None."""
    text, own = _spelled_out(text), _spelled_out(own)
    if _UNMEASURED.search(fold(f"{text} {own}")) or _PART_OF_TERRITORY.search(fold(own or text)):
        return None
    words = _words(text)
    own_words = _words(own) if own else words
    # ("…; từ 98% trở lên vào năm 2030": a fragment without a subject speaks of its context's)
    bare = bool(own) and bool(re.match(r"(?:tu|tren|duoi|dat|khoang|toi thieu|it nhat|\d)", fold(own)))
    part_only = bool(_PART_OF_POPULATION.search(fold(text if bare else own or text)))
    plain_text = _benefit_free(fold(f"{text} {own}"))
    area = _area_named(fold(own or text)) if unit == "%" else ""  # a rate of rural households is no rate of all
    best, best_score = None, 0.0
    for code, names, measured_in in _indicators():
        if not names or not _units_agree(unit, measured_in):
            continue
        if part_only and code in _whole_population():  # "hội viên nông dân tham gia bảo hiểm y tế": not the population's
            continue
        if any(phrases[0] in _benefit_free(_indicator_names()[code]) and not any(p in plain_text for p in phrases) for phrases in _DEFINING):
            continue
        if area and area != _area_named(_indicator_names()[code]):  # "hộ gia đình nông thôn có nhà tiêu hợp vệ sinh": not all households'
            continue
        shared = len(names & words)
        score = shared / len(names) + len(names & own_words) / 100
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= 0.6 else None


# What no library indicator measures though its words resemble one: how an allowance is paid
# ("nhận qua tài khoản", "không dùng tiền mặt": the share paid without cash, not the share paid),
# how satisfied people are ("mức độ hài lòng … bảo hiểm y tế": no coverage rate), a share of
# money ("số tiền chậm đóng bảo hiểm xã hội": no share of people insured), a share of administrative
# procedures ("100% thủ tục hành chính về BHXH, BHYT …"), insurance of crops, cages or boats ("bảo
# hiểm nông nghiệp", "bảo hiểm thân tàu": no one's health insurance), a rate of debts ("tỷ lệ nợ
# BHXH, BHTN, BHYT … so với tổng số phải thu": no share of people insured).
_UNMEASURED = re.compile(r"\b(?:qua tai khoan|khong dung tien mat|hai long|so tien|cham dong|thu tuc hanh chinh|dich vu cong|nuoc hop ve sinh|bao hiem nong nghiep|bao hiem than tau|ty le no|no dong)\b")
# A part of the territory the program covers ("các xã biên giới", "khu vực biên giới"): the
# library's indicators measure all of it.
_PART_OF_TERRITORY = re.compile(r"\bbien gioi\b")
# Words that narrow a rate to a part of the population: members, pupils, an ethnic group (every
# gold author drafted such rates as qualitative, not as the library's rate of the whole population).
_PART_OF_POPULATION = re.compile(
    r"\b(?:hoi vien|doan vien|hoc sinh|sinh vien|nguoi cao tuoi|dong bao dan toc|nguoi dan toc thieu so|cong nhan|bao hiem xa hoi tu nguyen"
    r"|trong (?:cac )?(?:hop tac xa|doanh nghiep)|tai (?:cac )?doanh nghiep|khu cong nghiep|quan nhan|dan quan"
    r"|can bo|cong chuc|vien chuc|dang vien|khuyet tat|nguoi mu|tre em mu|nguoi co cong|ho ngheo|ho can ngheo|thanh nien)\b"
)
# A phrase that defines what an indicator counts: its name holds it, so must the text ("rác thải …
# được thu gom, xử lý" is no "nước thải"; "khu vực đô thị đạt 60%" no unemployment rate; houses
# built for the poor no social housing; "người cao tuổi … hưởng trợ cấp xã hội hằng tháng" no
# rate of people past retirement age, nor of the library's recipients, who are defined by the
# orphans under 36 months they include).
# (Each with the other words a text may say it in: "công trình (phù hợp) vệ sinh" or "nhà tiêu".)
_DEFINING = (
    ("nha o xa hoi",), ("nuoc thai",), ("that nghiep",), ("36 thang",), ("nghi huu",), ("tiem",), ("bang cap",), ("thap coi",),
    ("cong trinh ve sinh", "cong trinh phu hop ve sinh", "nha tieu"),
)


def _benefit_free(folded: str) -> str:
    """The text without "trợ cấp / bảo hiểm thất nghiệp": a benefit, no unemployment rate."""
    return re.sub(r"\b(?:tro cap|bao hiem) that nghiep\b", " ", folded)


def _units_agree(stated: str, measured_in: str) -> bool:
    """A percentage is matched to a rate, "02 bác sĩ" (a count) not to doctors per 10,000
    people, "300 căn nhà" only to an indicator counted in houses."""
    if (stated == "%") != (measured_in == "%"):
        return False
    if stated.endswith("/10.000 dân") != measured_in.endswith("/10.000 dân"):
        return False
    return not measured_in.startswith("căn") or stated.startswith("căn")


# --- the section ---------------------------------------------------------------------------------

_HEADING_NUMBER = re.compile(r"^(?:[IVX]+|\d+(?:\.\d+)*)(?:\.|\s*-(?=\s))?\s")  # "2.", "II.", "2- " (Party documents)
_BULLET = re.compile(r"^(?:[-+•*–]\s*|[a-zđ]\)\s*|\(?\d+\)\s*|Chỉ tiêu\s+(?:số\s+)?\d+\s*[.:)–-]\s*)")  # "-", "a)", "1)", "(1)", "Chỉ tiêu 3."
_ABOUT = re.compile(r"^Về\s+([^:]{2,60}):\s*")


def is_heading(para: Para) -> bool:
    text = para.text
    return bool(_HEADING_NUMBER.match(text)) and len(text) < 120 and not text.rstrip().endswith((";", ","))


def _opens_targets(para: Para) -> bool:
    """"2. Mục tiêu cụ thể", "Chỉ tiêu chủ yếu …", or a section "II. CHỈ TIÊU"."""
    folded = fold(para.text)
    if len(para.text) >= 120 or para.text[:1].islower():  # ("giao chỉ tiêu cụ thể đến từng đơn vị": a sentence's end)
        return False
    if re.match(r"[-+•*–]\s", para.text):  # ("- Phấn đấu đạt 18 chỉ tiêu chủ yếu …": a bullet under the heading, none itself)
        return False
    return any(key in folded for key in ("muc tieu cu the", "chi tieu cu the", "chi tieu chu yeu")) or bool(
        re.match(r"^[ivx]+(?:\.|\s*[-–])\s+(?:muc tieu,?\s+)?(?:cac\s+)?chi tieu\b", folded)
        or re.match(r"^\d+(?:\.\d+)*(?:\.|-(?=\s))?\s+(?:cac\s+)?chi tieu\b", folded) and len(para.text) < 60)  # "2. Chỉ tiêu", "2- Chỉ tiêu"


def target_paragraphs(paras: list[Para]) -> tuple[int, int] | None:
    """[start, end) indexes of the paragraphs under "Mục tiêu cụ thể". When a section heading
    ("II. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU") is followed by a narrower one ("2. Các chỉ tiêu chủ
    yếu đến năm 2030"), the narrower one starts it: the general objective is no target."""
    start = None
    for index, para in enumerate(paras):
        folded = fold(para.text)
        if start is None:
            if _opens_targets(para):
                start = index
            continue
        if _opens_targets(para) and not part_numeral(para.text):
            # A narrower heading after a general objective moves the start; one after targets
            # ("2.1. Chỉ tiêu đến năm 2025", then "2.2. Chỉ tiêu đến năm 2030") is a sub-heading.
            # (or the targets section opened with "1. Mục tiêu chung" and its prose: no targets either)
            # (a table of targets, "STT | Chỉ tiêu | …", its figures one per cell, states them too)
            if not any(_has_quantity(p.text) or fold(p.text) in TABLE_NUMBER_HEADINGS for p in paras[start + 1 : index]) or any(
                    re.match(r"^\d+\.\s+muc tieu chung\b", fold(p.text)) for p in paras[start + 1 : index]):
                start = index
            continue
        if part_numeral(para.text) or chapter_numeral(para.text) or ("tam nhin" in folded and is_heading(para)) or (
            # ("9. Trên 90% … doanh nghiệp có tổ chức công đoàn …" is a target, no heading "3. Tổ chức thực hiện")
            re.match(r"^\d+\.\s", folded) and ("nhiem vu" in folded or "giai phap" in folded or "to chuc" in folded) and not _has_quantity(para.text)
            or re.match(r"^\d+\.\s+(?:muc dich|yeu cau)\b", folded)  # "3. Yêu cầu" after the targets
        ):
            return start, index
    return (start, len(paras)) if start is not None else None


def extract_targets(paras: list[Para], default_year: int, start_year: int | None = None) -> tuple[list[TargetSpec], list[dict[str, str]]]:
    bounds = target_paragraphs(paras)
    blocks = _target_blocks(paras) if bounds is None else []
    if bounds is None and not blocks:
        return [], []
    year = _year_of(paras[bounds[0]].text, default_year) if bounds else default_year
    targets: list[TargetSpec] = []
    areas: list[dict[str, str]] = []
    section = paras[bounds[0] : bounds[1]] if bounds else blocks
    bounds = bounds or (len(paras), len(paras))
    index = 0
    while index < len(section):
        para = section[index]
        index += 1
        if fold(para.text) in TABLE_NUMBER_HEADINGS:  # "TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Đến năm 2030"
            fragments, index = _table_fragments(section, index, year, len(areas) + 1)
            _add_table(fragments, targets, areas, start_year)
            continue
        if _YEAR_ROWS_HEADING.match(para.text):  # "Năm | BHXH | BHXH TN | BHTN | BHYT", a row per year
            fragments, index = _year_rows_fragments(section, index, len(areas) + 1)
            _add_table(fragments, targets, areas, start_year)
            continue
        # ("2.5. Đến năm 2028, trên 90% người dân … hài lòng …." is a numbered target, no heading)
        # ("5. Kết nạp mới ít nhất 40.000 đoàn viên." too: a count of what it names)
        numbered_target = para.text.rstrip().endswith(".") and (_has_quantity(para.text) or bool(_COUNT.search(para.text)))
        if is_heading(para) and not numbered_target or para.text.endswith(":") and len(para.text) < 120:
            year = _year_of(para.text, year)
            continue
        # "a) Về y tế"; "a) Đến hết năm 2025" also sets the year; "d) Góp phần thực hiện các chỉ tiêu y tế
        # của tỉnh đến năm 2030" followed by its "-" bullets is their heading
        following = section[index].text if index < len(section) else ""
        if _is_area_heading(para.text) or _LETTER.match(para.text) and _heads_bullets(para.text, following):
            year = _year_of(para.text, year)
            continue
        if re.match(r"\(\*+\)|Ghi chú\b|Bảng \d+[.:]\s", para.text):  # "(*) Chỉ tiêu số 16 tính cộng dồn …": a table's footnote; "Bảng 1. …" its title
            continue
        if re.fullmatch(r"\((?!\d{1,2}\))[^()]*\)\.?", para.text):  # "(Tỷ lệ hộ nghèo tính theo chuẩn …; số liệu năm 2025 là số ước …)": a note
            continue
        if re.search(r"\b\d+ chỉ tiêu\b", para.text) and "%" not in para.text:  # "Phấn đấu … đạt 18 chỉ tiêu chủ yếu về … (chi tiết tại Phụ lục)": a count of the targets
            continue
        area = _area(para.text, len(areas) + 1)
        areas.append(area)
        body_start = _body_start(para.text)
        # "Đến năm 2030: tuổi thọ …; có 22 bác sĩ …": a year opening the paragraph covers all of it.
        # ("Đến năm 2027, không còn hộ nghèo … nhà tạm. Tỷ lệ … đạt 60%": a year before a comma opens its sentence only)
        opening = re.match(r"(?:Đến|Tới|Trong|Năm)\b[^,:;.]{0,20}?\d{4}\s*(?P<mark>[,:]?)", para.text[body_start:])
        whole = opening and (opening.group("mark") != "," or not re.search(r"\.\s+[A-ZĐÀ-Ỹ]", para.text[body_start:]))
        opening_year = _year_of(para.text[body_start:][:16], year) if whole else year
        # "Góp phần cùng toàn tỉnh phấn đấu đến năm 2030: tỷ lệ …; …": a year before the colon, too
        lead_in = re.match(r"([^:;]{0,100}?\bnăm\s+\d{4}):\s", para.text[body_start:])
        opening_year = _year_of(lead_in.group(1), opening_year) if lead_in else opening_year
        # "Bên cạnh các chỉ tiêu trên, các cấp Hội … góp phần thực hiện các chỉ tiêu của tỉnh: hoàn
        # thành xóa nhà tạm …; …": what introduces the list is no part of its first target
        introduction = re.match(r"[^:;.]{10,160}:\s+(?!(?:năm \d{4}|đến năm|đạt|trên|dưới|khoảng|\d))", para.text[body_start:])
        if introduction and not _has_quantity(introduction.group()):  # ("Tỷ lệ …: năm 2026 đạt 88%" names its subject)
            body_start += introduction.end()
        body = para.text[body_start:]
        for pos, fragment, per_10k, context in split_fragments(body):
            frag_year = _year_of(fragment, _sentence_year(body, pos, opening_year))
            item = Fragment(fragment, para.offset(body_start + pos), frag_year, area["code"], per_10k, context)
            if not _states_the_present(item, start_year):
                targets.append(_target(item, len(targets) + 1))
    # "Các chỉ tiêu định lượng theo từng năm được giao tại Phụ lục kèm theo": the appendix holds them
    # (one that only restates the targets section is no second source)
    pointed = any("phu luc" in fold(para.text) for para in section)
    for fragments in _appendix_tables(paras, bounds[1], year, len(areas) + 1) if pointed else []:
        _add_table(fragments, targets, areas, start_year)
    used = {target.area for target in targets}
    return targets, [area for area in areas if area["code"] in used]


def _add_table(fragments: list[Fragment], targets: list[TargetSpec], areas: list[dict[str, str]], start_year: int | None) -> None:
    """A table's targets, in an area of their own; a column of what was done ("Thực hiện năm 2023") gives none."""
    fragments = [fragment for fragment in fragments if not _states_the_present(fragment, start_year)]
    if fragments:
        areas.append({"code": fragments[0].area, "name": f"Nhóm chỉ tiêu {len(areas) + 1}"})
    targets.extend(_target(fragment, len(targets) + 1 + n) for n, fragment in enumerate(fragments))


def _target_blocks(paras: list[Para]) -> list[Para]:
    """With no targets section, the bullets under a line "Chỉ tiêu:" inside each task ("Nội dung 2:
    Củng cố tổ chức Hội …" / "Chỉ tiêu:" / "– Đến năm 2030, toàn tỉnh có 58.000 hội viên …" /
    "Giải pháp:"): each task states its own targets."""
    found: list[Para] = []
    for index, para in enumerate(paras):
        if re.fullmatch(r"chi tieu(?: cu the| chu yeu)?\s*:", fold(para.text).strip()):
            for bullet in paras[index + 1 :]:
                if not _BULLET.match(bullet.text):
                    break
                found.append(bullet)
    return found


def _appendix_tables(paras: list[Para], after: int, year: int, area_number: int) -> list[list[Fragment]]:
    """"PHỤ LỤC / CHỈ TIÊU LAO ĐỘNG, VIỆC LÀM … GIAI ĐOẠN 2026 - 2030" after the signature, then a
    table "TT | Chỉ tiêu | …": the targets "được giao tại Phụ lục" the targets section points to.
    (An appendix of tasks, "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ", holds none.)"""
    tables = []
    index = after
    while index < len(paras):
        title = " ".join(fold(para.text) for para in paras[index + 1 : index + 3])
        if fold(paras[index].text).startswith("phu luc") and "chi tieu" in title and not re.search(r"nhiem vu|phan cong", title):
            table = next((i for i in range(index + 1, min(index + 6, len(paras))) if fold(paras[i].text) in TABLE_NUMBER_HEADINGS), None)
            if table is not None:
                fragments, index = _table_fragments(paras, table + 1, year, area_number + len(tables))
                if fragments:
                    tables.append(fragments)
                continue
        index += 1
    return tables


# "hiện có 15 thôn", "đã giảm …", "được thành lập từ …": what is, not what is aimed at.
# "Các chỉ tiêu dưới đây phấn đấu đạt vào năm 2030, …": a sentence about the targets, not one.
# ("Các chỉ tiêu năm 2027, 2029 được giao trong kế hoạch thu hằng năm", "Chỉ tiêu các năm 2027, 2029 do
# Bảo hiểm xã hội tỉnh giao …": about the targets too; "Chỉ tiêu 3: …" is one)
_PRESENT = re.compile(r"(?<!\w)(?:đã(?! qua đào tạo)|hiện có|hiện nay|được thành lập(?! mới))(?!\w)|chỉ tiêu (?:dưới đây|sau đây|như sau|sau\b)|^(?:Các )?chỉ tiêu\b(?!\s*\d)", re.IGNORECASE)


def _states_the_present(fragment: Fragment, start_year: int | None) -> bool:
    """The situation a targets section may open with ("Cuối năm 2025, toàn xã còn 249 hộ nghèo"
    in a plan of 2026): a year before the program's first, or words of what already is ("không để
    hộ … đã thoát nghèo tái nghèo" commits to what will be, whatever "đã" it holds)."""
    committed = re.match(r"không để\b", fragment.text, re.IGNORECASE)
    return (start_year is not None and fragment.year < start_year) or bool(not committed and _PRESENT.search(fragment.text))


def _target(fragment: Fragment, number: int) -> TargetSpec:
    target = read_target(fragment, f"T{number:02d}")
    return target if target.indicator or target.comparator == "qual" else without_indicator(target)


_ROW_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
_GROUP_NUMBER = re.compile(r"^(?:[IVX]+|[A-D])\.?$")  # "I | Lao động, việc làm": a row naming a group of rows


def _table_fragments(paras: list[Para], start: int, year: int, area_number: int) -> tuple[list[Fragment], int]:
    """A table of targets flattened to one cell per line: the heading cells up to the first row
    number, then rows. Each row gives one target per column headed by a year ("Năm 2026",
    "Đến năm 2030"), read as "<chỉ tiêu> <value><unit>". Cells are counted, not recognised (a
    value "100" looks like a row number); the table ends after a row no row number follows.
    Returns the fragments and the index after the table."""
    index = start
    written = []
    # (a column headed by a bare year, "2026", is no row's number)
    while index < len(paras) and (not _ROW_NUMBER.match(paras[index].text) or re.fullmatch(r"(?:19|20)\d\d", paras[index].text)) and not _GROUP_NUMBER.match(paras[index].text):
        written.append(paras[index].text)
        index += 1
    headings = [fold(text) for text in written]
    if not headings:
        return [], start
    name_at = next((i for i, h in enumerate(headings) if "chi tieu" in h or "noi dung" in h), 0)
    unit_at = next((i for i, h in enumerate(headings) if "don vi" in h or h == "dvt"), None)
    # ("Ước thực hiện năm 2025", "Thực hiện năm 2025": what was done, the baseline, no target)
    years = [(i, _column_year(text)) for i, text in enumerate(written)
             if re.search(r"\d{4}", text) and not re.match(r"(?:uoc (?:thuc hien|dat)|thuc hien|hien trang|ket qua)\b", headings[i])]
    stated_unit = _unit_above(paras[max(start - 4, 0) : start - 1])
    fragments = []
    while index < len(paras) and (_ROW_NUMBER.match(paras[index].text) or _GROUP_NUMBER.match(paras[index].text) or _heading_again(paras, index, written)):
        if _heading_again(paras, index, written):  # a page break repeated the heading row
            index += 1 + len(written)
            continue
        if _GROUP_NUMBER.match(paras[index].text) or _numbered_group(paras, index):  # the group's number and name, no figures
            index += 2
            continue
        following = paras[index + 1].text if index + 1 < len(paras) else ""
        if _ROW_NUMBER.match(following) or _GROUP_NUMBER.match(following):  # a page number between rows
            index += 1
            continue
        cells = paras[index + 1 : index + 1 + len(headings)]  # a value "100" looks like a row number: count
        index += 1 + len(cells)
        if len(cells) <= name_at:
            continue
        # (with no unit column, "Đơn vị tính: %" above the table states it for every row)
        unit = cells[unit_at].text.strip() if unit_at is not None and unit_at < len(cells) else stated_unit
        name = cells[name_at].text
        # "Tỷ lệ người cao tuổi có thẻ bảo hiểm y tế (%)": with no unit column, the unit closes the name
        if unit_at is None and (in_name := re.search(r"\s*\(([^()\d]{1,20})\)$", name)) and len(in_name.group(1).split()) <= 3:
            name, unit = name[: in_name.start()], in_name.group(1).strip()
        written_unit = unit if unit == "%" else f" {unit}" if unit else ""
        for column, column_year in years:
            # "Không còn hộ nghèo" in a year's column is a commitment too; "-" is none
            if column < len(cells) and (re.search(r"\d", cells[column].text) or len(cells[column].text.split()) >= 2):
                figure = re.search(r"\d", cells[column].text)  # a commitment in words takes no unit
                text = f"{name} {cells[column].text}{written_unit if figure else ''}"
                fragments.append(Fragment(text, cells[name_at].start, column_year, f"nhom-{area_number}", _per_10k(text), text))
    return fragments, index


_YEAR_ROWS_HEADING = re.compile(r"^Năm(?:\s{2,}\S+(?: \S+)*){2,}$")
_LEGEND = re.compile(r"^[-–•+]?\s*([^\s:][^:]{0,19}):\s*(.+?)[;.]?$")


def _unit_above(paras: list[Para]) -> str:
    """The unit a line above a table states for all of it ("Đơn vị tính: %")."""
    above = " ".join(para.text for para in paras)
    return found.group(1).strip() if (found := re.search(r"(?:Đơn vị tính|ĐVT):\s*([^\s;.,]+)", above)) else ""


def _year_rows_fragments(paras: list[Para], start: int, area_number: int) -> tuple[list[Fragment], int]:
    """A table with a row per year, laid out with spaces: "Năm  BHXH  BHXH TN  BHTN  BHYT", then
    "2026  43,0  4,8  35,5  95,6" …, its columns named in full by a legend under it ("- BHXH: tỷ lệ
    lực lượng lao động … tham gia bảo hiểm xã hội;") and its unit above it ("Đơn vị tính: %"). Each
    year's cell is a target of that year, read as "<the column's name> <value><unit>"; a row of what
    was done ("2025 (ước TH)") gives none. Returns the fragments and the index after the legend."""
    heads = [cell.group() for cell in layout.CELL.finditer(paras[start - 1].text)][1:]
    unit = _unit_above(paras[max(start - 3, 0) : start - 1])
    index, rows = start, []
    while index < len(paras) and re.match(r"\d{4}\b", paras[index].text):
        cells = list(layout.CELL.finditer(paras[index].text))
        if len(cells) == len(heads) + 1 and not re.search(r"\b(?:uoc|thuc hien|hien trang)\b", fold(cells[0].group())):
            rows.append((paras[index], cells))
        index += 1
    names: dict[str, str] = {}
    while index < len(paras) and (re.match(r"Ghi chú\b|\(\*\)", paras[index].text) or (legend := _LEGEND.match(paras[index].text))):
        if not paras[index].text.startswith(("Ghi chú", "(*)")) and legend.group(1).strip() in heads:
            names[legend.group(1).strip()] = legend.group(2)
        index += 1
    written = unit if unit == "%" else f" {unit}" if unit else ""
    fragments = []
    for para, cells in rows:
        year = int(cells[0].group()[:4])
        for head, cell in zip(heads, cells[1:]):
            if re.search(r"\d", cell.group()):
                text = f"{names.get(head, head)} {cell.group()}{written}"
                fragments.append(Fragment(text, para.offset(cell.start()), year, f"nhom-{area_number}", _per_10k(text), text))
    return fragments, index


def _heading_again(paras: list[Para], index: int, written: list[str]) -> bool:
    """"TT | Chỉ tiêu | …" once more, where a row's number is due: the heading row a PDF repeats
    at the top of the table's next page."""
    return fold(paras[index].text) in TABLE_NUMBER_HEADINGS and [para.text for para in paras[index + 1 : index + 1 + len(written)]] == written


def _column_year(heading: str) -> int:
    """The year a column of targets is headed by: "Năm 2026", "Đến năm 2030", "Giai đoạn 2026 - 2030"
    (its end), or a bare "Mục tiêu 2028"."""
    return _year_of(heading, 0) or int(re.findall(r"\d{4}", heading)[-1])


def _numbered_group(paras: list[Para], index: int) -> bool:
    """"1 | Giảm nghèo, an sinh xã hội" then "1.1 | Tỷ lệ hộ nghèo … ": a row numbered like a row that
    names a group of the rows numbered under it, and holds no figures."""
    number = paras[index].text.rstrip(".")
    return index + 2 < len(paras) and paras[index + 2].text.rstrip(".").startswith(f"{number}.") and bool(_ROW_NUMBER.match(paras[index + 2].text))


_LETTER = re.compile(r"^[a-zđ]\)\s+")
_TARGET_WORDS = re.compile(r"\b(?:dat|bao dam|dam bao|hoan thanh|khong con|duy tri|xoa|phan dau|co ban)\b")


def _is_area_heading(text: str) -> bool:
    """"a) Về y tế", "b) Lĩnh vực người có công", "c) Y tế và giáo dục": names of groups of
    targets. A lettered line counts when it is short, states no quantity, ends without a full
    stop and has none of the words targets are stated with."""
    if _has_quantity(text):
        return False
    if _AREA_HEADING.match(text[_body_start(text):]):
        return True
    rest = _LETTER.sub("", text)
    return bool(_LETTER.match(text)) and len(rest.split()) <= 10 and not rest.rstrip().endswith(".") and not _TARGET_WORDS.search(fold(rest))


def _heads_bullets(text: str, following: str) -> bool:
    return not _has_quantity(text) and not text.rstrip().endswith((".", ";")) and bool(re.match(r"[-+•*–]\s", following))


def _body_start(text: str) -> int:
    start = 0
    bullet = _BULLET.match(text)
    if bullet:
        start = bullet.end()
    about = _ABOUT.match(text[start:])
    if about:
        start += about.end()
    return start


def _area(text: str, number: int) -> dict[str, str]:
    rest = text[_BULLET.match(text).end() if _BULLET.match(text) else 0 :]
    about = _ABOUT.match(rest)
    name = about.group(1).strip() if about else f"Nhóm chỉ tiêu {number}"
    return {"code": f"nhom-{number}", "name": name[:1].upper() + name[1:]}


# "theo Luật Dân quân tự vệ năm 2019", "theo Bộ tiêu chí quốc gia giai đoạn 2026 - 2030", "theo chuẩn
# nghèo của Thành phố giai đoạn 2026 - 2030": the year of a law, a set of criteria or a standard, no
# year of the target
_LAW_YEAR = re.compile(r"\b(?:Luật|Bộ luật|Hiến pháp|Bộ tiêu chí)\s[^,;.()]{0,60}?(?:năm\s+\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4})"
                       r"|\b[Cc]huẩn nghèo\s[^,;.()]{0,60}?giai đoạn\s+\d{4}\s*[-–]\s*\d{4}")  # ("… chuẩn nghèo … từ năm 2027": the target's)
# "giảm 30% so với giai đoạn 2021 - 2025", "so với năm 2025": the baseline's year, not the target's
_BASELINE_YEAR = re.compile(r"\bso với\s+(?:cuối\s+|đầu\s+)?(?:năm\s+\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4})", re.IGNORECASE)
_BEFORE_YEAR = re.compile(r"trước\s+năm\s+(\d{4})", re.IGNORECASE)  # "trước năm 2026": within 2025
# "Giai đoạn 2024 - 2030": by 2030; "Trong hai năm 2024 - 2025", "các năm 2024 - 2025": by 2025
_PERIOD_END = re.compile(r"(?:giai đoạn|năm)\s+\d{4}\s*[-–]\s*(\d{4})", re.IGNORECASE)
_SENTENCE_YEAR = re.compile(r"(?:(?:đến|tới|trong|phấn đấu|phấn đấu đến|cuối|đến hết)\s+)?năm\s+(\d{4})\b", re.IGNORECASE)


def _year_of(text: str, default: int) -> int:
    text = _BASELINE_YEAR.sub(" ", _LAW_YEAR.sub(" ", text))
    if school_year := re.search(r"năm học\s+\d{4}\s*[-–]\s*(\d{4})", text, re.IGNORECASE):  # "năm học 2026 - 2027": by 2027
        return int(school_year.group(1))
    if before := _BEFORE_YEAR.search(text):
        return int(before.group(1)) - 1
    if both := re.search(r"năm\s+\d{4}\s+và\s+(?:năm\s+)?(\d{4})\b", text, re.IGNORECASE):  # "Chỉ tiêu đến năm 2027 và năm 2030": by the later
        return int(both.group(1))
    match = _YEAR.search(text)
    if match:
        return int(match.group(1) or match.group(2) or match.group(3))
    period = _PERIOD_END.search(text)
    return int(period.group(1)) if period else default


def _sentence_year(text: str, position: int, default: int) -> int:
    """The year a sentence opens with ("Năm 2030, tỷ lệ … đạt 35%, tham gia … đạt 25%"; "…; đến
    năm 2030, đạt 11 bác sĩ …"), for the fragments of that sentence. In a sentence set out by
    years, a clause without one takes the last named before it ("Đến năm 2028 có 05 ngành …; đến
    năm 2030 có 03 nghề …; 100% nhà giáo …": 2030)."""
    sentence = text.rfind(". ", 0, position) + 2 if text.rfind(". ", 0, position) >= 0 else 0
    starts = [sentence, *(sentence + match.end() for match in re.finditer(r"; ", text[sentence:position]))]
    for start in reversed(starts):
        if opening := _SENTENCE_YEAR.match(text[start:].lstrip()):
            if start == starts[-1] or _SENTENCE_YEAR.match(text[sentence:].lstrip()):
                return int(opening.group(1))
    return default
