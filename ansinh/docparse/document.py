"""The whole document: header, implemented documents, period, then targets and tasks.

`parse_document(text, filename)` is the entry point; it returns a draft `ProgramSpec`. The
scope unit is left for the reviewer (scope_unit_code ""), because a document names its place in
words, not by administrative code. Positions ("vị trí: N") are character offsets in the file
text after Unicode NFC.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from ansinh.docparse.issuer import header_issuer
from ansinh.docparse.targets import extract_targets
from ansinh.docparse.tasks import BodyRegistry, canonical_name, extract_tasks, short_names
from ansinh.docparse.text import Para, clean_text, fail, fold, paragraphs, read_document
from ansinh.programs.programfile import BasisSpec, ProgramSpec

# Party style "43-CTr/TU" (number-type/issuer) and state style "87/KH-UBND" (number/type-issuer).
_NUMBER = re.compile(r"^Số\s*:?\s*((?:\d+)?\s*[-/]\s*[A-Za-zĐđ]+[-/][A-Za-zĐđ\-]+)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^(?P<place>[^,]{2,40}),\s*ngày\s*(?P<day>\d{0,2})\s*tháng\s*(?P<month>\d{0,2})\s*năm\s*(?P<year>\d{4})")
_DOC_TYPES = (("chuong trinh hanh dong", "Chương trình hành động"), ("chuong trinh", "Chương trình"), ("ke hoach", "Kế hoạch"))
_BASIS = re.compile(
    r"(?P<type>Nghị quyết|Kế hoạch|Chương trình|Chỉ thị|Kết luận|Quyết định)\s+số\s+(?P<number>\d+-[A-Za-zĐđ]+/[A-Za-zĐđ]+)"
    r"(?:\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}))?(?:\s+của\s+(?P<issuer>[^,;()\n]+?)(?=\s+(?:về|thực hiện|về việc)\b|\s+và\s+(?:Nghị quyết|Kế hoạch|Chương trình|Chỉ thị|Kết luận|Quyết định)\b|[,;(]|$))?"
)
_ISSUER = re.compile(r"(?P<body>(?:Ban Thường vụ\s+)?(?:Thị ủy|Thị uỷ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Ủy ban nhân dân|UBND)(?:\s+(?:xã|phường|thị trấn|huyện|thị xã|tỉnh|thành phố))?\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*)\s+ban hành")
_VIETNAMESE_MARKS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_CODE = re.compile(r"[^a-z0-9]+")


def parse_file(path: Path) -> ProgramSpec:
    return parse_document(read_document(path), path.name)


def parse_document(text: str, filename: str = "chuong-trinh.txt") -> ProgramSpec:
    """A draft program from the text of an action program; raises UserError (Vietnamese)."""
    text = clean_text(text)
    _check_language(text, filename)
    paras = paragraphs(text)
    header = _header(paras)
    registry = BodyRegistry(short_names(paras))
    issuer_name = _issuing_body(paras, text, header["place"])
    issuing_code = registry.add(issuer_name)
    # the issuer is no partner of its own plan; in a joint plan ("Số: 09/KHLT-SGDĐT-HKH") each issuer is the other's
    registry.issuer = None if re.search(r"/[A-ZĐ]*LT\b", header["number"]) else issuing_code
    start = int(header["year"]) if header["year"] else date.today().year
    end, vision = _period(text, start)
    first, last = _title_period(header["title"]) or (start, end)
    targets, areas = extract_targets(paras, end, start if header["year"] else None)  # no date: no year is "before" it
    tasks = extract_tasks(paras, registry, start)
    if not targets and not tasks:
        raise fail("không tìm thấy phần \"Mục tiêu cụ thể\" hay \"Nhiệm vụ và giải pháp\": văn bản có phải là "
                   "chương trình hành động hoặc kế hoạch không?", filename)
    month = f"-{int(header['month']):02d}" if header["month"] else ""
    return ProgramSpec(
        code=program_code(filename), doc_type=header["doc_type"], number=header["number"], draft=header["draft"],
        title=header["title"], issuing_body=issuing_code, superior_body=header["superior"],
        issued_on=f"{start}{month}", place=header["place"], scope_unit_code="",
        scope_unit_on=date(start, int(header["month"] or 1), 1), start_year=first, end_year=last, vision_year=vision,
        signer=_signer(paras), recipients=_recipients(paras), implements=_implements(text),
        general_objective=_general_objective(paras), bodies=list(registry.bodies.values()), areas=areas,
        targets=targets, tasks=tasks, filename=filename,
        where={"scope_unit": "chưa xác định: người duyệt chọn đơn vị hành chính của chương trình"},
    )


def program_code(filename: str) -> str:
    stem = Path(filename).stem
    ascii_stem = unicodedata.normalize("NFD", stem.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore").decode()
    code = _CODE.sub("-", ascii_stem.lower()).strip("-")
    return code[:60] or "chuong-trinh"


def _check_language(text: str, filename: str) -> None:
    sample = text[:50000].lower()
    letters = sum(1 for char in sample if char.isalpha())
    marked = sum(1 for char in sample if char in _VIETNAMESE_MARKS)
    if letters < 50:
        raise fail("văn bản quá ngắn hoặc không có chữ: không đọc được chương trình hành động", filename)
    if marked / letters < 0.05:
        raise fail("văn bản không phải tiếng Việt (gần như không có chữ có dấu); bộ đọc chỉ đọc văn bản tiếng Việt", filename)


def _header(paras: list[Para]) -> dict:
    header = {"number": "", "place": "", "day": "", "month": "", "year": "", "doc_type": "Chương trình hành động",
              "draft": False, "title": "", "superior": ""}
    head = paras[:25]
    for index, para in enumerate(head):
        folded = fold(para.text)
        # A header set in two columns puts the number and the date on one line, far apart.
        cells = re.split(r"\t|\s{3,}", para.text)  # (Word's text of the header table: "Số: 215/KH-BVSN<TAB>Cà Mau, ngày …")
        for cell in cells:
            if (number := _NUMBER.match(cell)) and not header["number"]:
                header["number"] = re.sub(r"\s+", "", number.group(1)).replace("Ctr", "CTr")
            elif (dated := _DATE_LINE.match(cell)) and not header["year"]:
                header.update({key: dated.group(key) for key in ("place", "day", "month", "year")})
        if len(cells) > 1:
            continue
        if folded.startswith("du thao") or folded.endswith("du thao"):
            header["draft"] = True
        elif folded.startswith("dang bo ") and para.text.isupper():
            header["superior"] = para.text
        if para.text.isupper() and not header["title"]:
            for key, label in _DOC_TYPES:
                if folded.replace("du thao", "").strip().startswith(key):
                    header["doc_type"] = label
                    header["title"] = _title_after(head, index)
                    break
    return header


def _title_after(head: list[Para], index: int) -> str:
    for para in head[index + 1 :]:
        if para.text.isupper() and len(para.text) < 60:
            continue
        return para.text.strip().rstrip(".")
    return ""


def _issuing_body(paras: list[Para], text: str, place: str) -> str:
    for para in paras[:30]:
        found = _ISSUER.search(para.text)
        if found:
            return canonical_name(found.group("body"))
    if named := header_issuer(paras, text):
        return canonical_name(named)
    return f"Cơ quan ban hành {place}".strip()


def _title_period(title: str) -> tuple[int, int] | None:
    """The period the title names: "… giai đoạn 2026 - 2030" (a plan dated December 2025 starts in
    2026), or "… năm 2026", a plan for one year."""
    if span := re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", title):
        return int(span.group(1)), int(span.group(2))
    if (year := re.search(r"\bnăm\s+(\d{4})\b(?!\s*[-–])", title)) and not re.search(r"\b(?:đến|tới)\s+năm\s+\d{4}", title):
        return int(year.group(1)), int(year.group(1))
    return None


def _period(text: str, start: int) -> tuple[int, int | None]:
    folded = fold(text[:200000])
    # ("Chỉ tiêu 8: Đến năm 2028, …" is one target's year, not the program's)
    ends = [int(year) for year in re.findall(r"(?:muc tieu|chi tieu)(?!\s+\d)[^\n]{0,60}?den nam (\d{4})", folded)]
    if not ends:  # no "mục tiêu … đến năm 2030": the latest "đến năm …" or "giai đoạn 2024 - 2030" of the text
        # (a plan of two years may say only "vào cuối năm 2025", "đến hết năm 2025", "trong hai năm 2024 - 2025")
        pairs = re.findall(r"(?<!tam nhin )(?:den|toi|den het|cuoi) nam (\d{4})|(?:giai doan|nam) \d{4}\s*[-–]\s*(\d{4})", folded)
        ends = [int(by_year or by_period) for by_year, by_period in pairs]
    end = max([year for year in ends if start <= year <= start + 30] or [start + 5])
    vision = re.search(r"tam nhin (?:den|toi) nam (\d{4})", folded)
    vision_year = int(vision.group(1)) if vision and int(vision.group(1)) > end else None
    return end, vision_year


def _implements(text: str) -> list[BasisSpec]:
    preamble = text[:6000]
    found: dict[str, BasisSpec] = {}
    for match in _BASIS.finditer(preamble):
        number = match.group("number").replace("Ctr", "CTr")
        issued = ""
        if match.group("date"):
            day, month, year = (int(part) for part in match.group("date").split("/"))
            issued = f"{year}-{month:02d}-{day:02d}"
        basis = found.setdefault(number, BasisSpec(doc_type=match.group("type"), number=number))
        basis.issued_on = basis.issued_on or issued
        basis.issuer = basis.issuer or (match.group("issuer") or "").strip()
    return list(found.values())


# "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "TL. CHỦ TỊCH": for whom the signer signs
_SIGNING = re.compile(r"^(?:T/M|TM\.?|K/T|KT\.?|TL\.|TUQ\.|Q\.)\s*\S")
# "GIÁM ĐỐC", "HIỆU TRƯỞNG": a head who signs in their own name
_HEAD_TITLE = re.compile(r"^(?:GIÁM ĐỐC|CHỦ TỊCH|HIỆU TRƯỞNG|TRƯỞNG BAN|BÍ THƯ|TỔNG BIÊN TẬP|CHỈ HUY TRƯỞNG|CHÁNH [A-ZĐÀ-Ỹ ]{3,30}|TRƯỞNG PHÒNG|GIÁM ĐỐC [A-ZĐÀ-Ỹ ]{3,40}|VIỆN TRƯỞNG|CỤC TRƯỞNG)$")


def _signer(paras: list[Para]) -> str:
    """The signature block's first line: what the signer signs for ("TM. ỦY BAN NHÂN DÂN" over "KT.
    CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), else the head's title ("GIÁM ĐỐC"), read in the cells beside "Nơi nhận"."""
    # the block beside "Nơi nhận" (an appendix may follow it), else the end of the text
    at = next((i for i, para in enumerate(paras) if re.search(r"\bNơi nhận\b", para.text)), None)
    block = paras[max(at - 12, 0) : at + 15] if at is not None else paras[-40:]
    cells = [cell.strip() for para in block for cell in re.split(r"\t|\s{3,}", para.text) if cell.strip()]
    signing = next((cell for cell in cells if _SIGNING.match(cell)), None)
    return _signing_line(signing) if signing else next((cell for cell in cells if _HEAD_TITLE.match(cell)), "")


def _signing_line(cell: str) -> str:
    """The signing line alone, when a converter joined the block's lines with spaces ("TM. BAN
    THƯỜNG VỤ CHỦ TỊCH Nguyễn Thị …"): up to the signer's title ("KT.", "PHÓ …", "CHỦ TỊCH" …) or name."""
    words = cell.split()
    for index in range(2, len(words)):
        title = " ".join(words[index : index + 2])
        if not words[index].isupper() or words[index] in ("KT.", "PHÓ") or title in ("CHỦ TỊCH", "GIÁM ĐỐC", "BÍ THƯ", "TRƯỞNG BAN", "HIỆU TRƯỞNG"):
            return " ".join(words[:index])
    return cell


def _recipients(paras: list[Para]) -> list[str]:
    recipients: list[str] = []
    inside = False
    for para in paras[-60:]:
        if fold(para.text).startswith("noi nhan"):
            inside = True
            continue
        if inside:
            if not para.text.startswith(("-", "+", "•")):
                break
            recipients.append(para.text.lstrip("-+• ").rstrip(";.,").strip())
    return recipients


def _general_objective(paras: list[Para]) -> str:
    for index, para in enumerate(paras):
        if "muc tieu tong quat" in fold(para.text) and len(para.text) < 120 and index + 1 < len(paras):
            return paras[index + 1].text
    return ""


def _plain(value) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def spec_summary(spec: ProgramSpec) -> dict:
    """The parsed program in the JSON shape of `ansinh program show CODE --json`."""
    names = {body.code: body.name for body in spec.bodies}
    targets = [
        {"code": t.code, "name": t.name, "area": t.area, "comparator": t.comparator, "value": _plain(t.value),
         "low": _plain(t.low), "high": _plain(t.high), "unit": t.unit, "year": t.year, "indicator": t.indicator,
         "source_text": t.source_text}
        for t in spec.targets
    ]
    tasks = [
        {"number": t.number, "section": t.section, "parent": t.parent_number, "title": t.title,
         "lead": names.get(t.lead) if t.lead else None, "implementers": [names.get(code, code) for code in t.implementers],
         "timeline": {"kind": t.timeline_kind, "from_year": t.timeline_from_year,
                      "due": t.timeline_due.isoformat() if t.timeline_due else None, "text": t.timeline_text}}
        for t in spec.tasks
    ]
    return {
        "code": spec.code, "title": spec.title, "doc_type": spec.doc_type, "number": spec.number,
        "issuing_body": names.get(spec.issuing_body, spec.issuing_body), "issued_on": spec.issued_on, "draft": spec.draft,
        "scope_unit": {"code": spec.scope_unit_code, "name": ""},
        "period": {"start": spec.start_year, "end": spec.end_year, "vision": spec.vision_year},
        "implements": [f"{basis.doc_type} {basis.number}" for basis in spec.implements],
        "targets": targets, "tasks": tasks,
    }
