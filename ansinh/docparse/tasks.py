"""Task groups of "NHIỆM VỤ VÀ GIẢI PHÁP" and the assignments of "TỔ CHỨC THỰC HIỆN".

A task starts at "1.", "9.1" or "a)"; "- " bullets and plain paragraphs are its content. Lines
"Cơ quan chỉ đạo / chủ trì: …" give the lead, "Cơ quan tham mưu, thực hiện / phối hợp: …" the
implementers, "Thời gian thực hiện / hoàn thành: …" the timeline. A group with no lines of its
own takes the lead and timeline its subtasks share. Items of section IV become organisation
tasks IV.1…; their bodies come from the sentence (subject, "chủ trì, phối hợp với …",
"chỉ đạo X …").
"""

from __future__ import annotations

import re
from datetime import date

from ansinh.docparse.text import Para, fold, unify_tones
from ansinh.programs.programfile import BodySpec, TaskSpec

# --- bodies: split a list of names, name and code each body ---------------------------------
#
# Lists are cut at ";" always, and at ", " and " và " except inside known compound names whose
# comma or "và" belongs to one body. Abbreviations are written out (UBND, HĐND, UBMTTQ, BTV) and
# tone marks unified, so "Thị uỷ" and "Thị ủy" give one body; the code is an ASCII slug of the
# name without the word "các".

_COMMA, _AND = "\u2063", "\u2064"  # invisible separators: same length as what they replace
_COMPOUNDS = (
    r"tham muu, giup viec", r"dang uy, chi bo", r"chi, dang uy", r"xa, phuong", r"xa, thi tran", r"co quan, ca nhan",
    r"co quan, don vi", r"ban, nganh", r"phong, ban", r"so, nganh", r"thuong binh va xa hoi", r"tai nguyen va moi truong",
    r"giao duc va dao tao", r"van hoa va thong tin", r"van hoa, the thao va du lich", r"van hoa, khoa hoc va thong tin",
    r"van hoa - thong tin va the thao", r"nong nghiep va phat trien nong thon", r"tai chinh - ke hoach", r"kinh te - ha tang",
    r"to chuc chinh tri - xa hoi", r"thong tin va truyen thong", r"ke hoach va dau tu", r"khoa hoc va cong nghe",
    r"lao dong - thuong binh va xa hoi", r"huyen uy, thi uy(?:, thanh uy)?(?:, dang uy)?",
)
_ABBREVIATIONS = (
    (r"\bUBMTTQ\s*VN\b|\bUBMTTQ\b", "Ủy ban Mặt trận Tổ quốc Việt Nam"), (r"\bUBND\b", "Ủy ban nhân dân"),
    (r"\bHĐND\b", "Hội đồng nhân dân"), (r"\bBTV\b", "Ban Thường vụ"), (r"\bCT\s*[-–]\s*XH\b", "chính trị - xã hội"),
    (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
)
_KINDS = (
    ("hoi dong nhan dan", "council"), ("mat tran", "front"), ("uy ban nhan dan", "state"), ("phong ", "state"),
    ("cong an", "state"), ("tram y te", "state"), ("truong ", "state"), ("ban thuong vu", "party"), ("dang uy", "party"),
    ("thi uy", "party"), ("tinh uy", "party"), ("huyen uy", "party"), ("chi bo", "party"), ("ban tuyen giao", "party"),
    ("doan thanh nien", "front"), ("hoi ", "front"),
)


def _protect(text: str) -> str:
    folded = fold(text)
    chars = list(text)
    for pattern in _COMPOUNDS:
        for match in re.finditer(pattern, folded):
            for index in range(match.start(), match.end()):
                if chars[index] == ",":
                    chars[index] = _COMMA
            for inner in re.finditer(r" va ", folded[match.start() : match.end()]):
                at = match.start() + inner.start() + 1
                chars[at : at + 2] = [_AND, _AND]
    return "".join(chars)


# "và" joins two bodies only when a body's name starts after it ("… Việt Nam và các tổ chức …");
# inside a name it is part of it ("Ban Tuyên giáo và Dân vận", "Văn hóa - Thể thao và Truyền thông").
_BODY_START = r"(?:các|Các|Ủy ban|Uỷ ban|UBND|Ban|Phòng|Hội|Sở|Trung tâm|Đảng ủy|Đảng uỷ|Chi bộ|Bảo hiểm|Ngân hàng|Công an|Mặt trận|Văn phòng|Đoàn|Liên đoàn|Thị ủy|Thị uỷ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Cơ quan|cơ quan)\b"
_SEPARATOR = rf"(,\s+|\s+và\s+(?={_BODY_START}))"


def split_bodies(text: str) -> list[str]:
    """"Ban Tuyên giáo Thị ủy; các đảng ủy, chi bộ trực thuộc Thị ủy và các cơ quan liên quan"
    → three names."""
    text = text.strip().rstrip(".").strip()
    protected = _protect(text)
    names = []
    for match in re.finditer(r"[^;]+", protected):
        start = match.start()
        for part in re.split(_SEPARATOR, match.group()):
            if part and not re.fullmatch(_SEPARATOR, part):
                name = text[start : start + len(part)].strip(" ,")
                if len(name) > 2:
                    names.append(name)
            start += len(part)
    return names


def canonical_name(name: str) -> str:
    name = unify_tones(name.strip().rstrip(".:"))
    for pattern, full in _ABBREVIATIONS:
        name = re.sub(pattern, full, name)
    name = re.sub(r"\s+trên địa bàn(?:\s.*)?$", "", re.sub(r"\s+", " ", name))  # a place, not part of the name
    return name[:1].upper() + name[1:]


def slug(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(canonical_name(name)))
    words = [word for word in words if word != "cac"]
    return "-".join(words)[:80].strip("-") or "co-quan"


def body_kind(name: str) -> str:
    folded = fold(canonical_name(name)) + " "
    if folded.startswith("cac "):
        return "group"
    for key, kind in _KINDS:
        if key in folded:
            return kind
    return "sector"


class BodyRegistry:
    """The bodies met so far, one per slug, in order of first mention."""

    def __init__(self) -> None:
        self.bodies: dict[str, BodySpec] = {}

    def add(self, name: str) -> str:
        code = slug(name)
        if code not in self.bodies:
            self.bodies[code] = BodySpec(code=code, name=canonical_name(name), kind=body_kind(name))
        return code

    def add_all(self, text: str) -> list[str]:
        codes = []
        for name in split_bodies(text):
            code = self.add(name)
            if code not in codes:
                codes.append(code)
        return codes


# --- tasks ----------------------------------------------------------------------------------------

_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
_LETTERED = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
_BULLET = re.compile(r"^[-+•*–]\s*")
_ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$")
_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE)
_QUARTER = re.compile(r"quý\s+([IV]+|\d)\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE)
_VERBS = (
    r"lanh dao", r"chu tri", r"to chuc(?! chinh tri)", r"tang cuong", r"xay dung", r"huong dan", r"trien khai",
    r"co trach nhiem", r"phoi hop", r"theo doi", r"chi dao", r"can cu", r"khan truong", r"day manh", r"thuc hien",
    r"bao cao", r"ban hanh", r"tuyen truyen", r"quan triet", r"pho bien", r"cu the hoa", r"(?<!uy ban )kiem tra", r"giam sat", r"tham muu(?=\s+(?:cho|ubnd|uy ban|dang uy|ban|thi uy|huyen uy|tinh uy))",
)
_VERB = re.compile(r"\b(?:" + "|".join(_VERBS) + r")\b")
_BODY_HEAD = re.compile(
    r"^(?:cac |ubnd|uy ban|ban |phong |hoi |dang uy|cong an|trung tam|truong |tram |van phong|doan |mat tran|chi bo"
    r"|so |bao hiem xa hoi|tinh uy|thi uy|huyen uy|ngan hang)"
)


def section_bounds(paras: list[Para]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """[start, end) of the tasks section and of the organisation section (IV)."""
    tasks_start = org_start = end = None
    for index, para in enumerate(paras):
        folded = fold(para.text)
        roman = _ROMAN.match(para.text)
        closing = folded.startswith(("noi nhan", "t/m ", "tm. ", "tm ")) or folded == "noi nhan:"
        if roman and ("nhiem vu" in folded or "giai phap" in folded) and tasks_start is None:
            tasks_start = index
        elif roman and "to chuc thuc hien" in folded:
            org_start = index
        elif (roman or closing) and org_start is not None and end is None and index > org_start:
            end = index
    tasks = (tasks_start + 1, org_start if org_start else len(paras)) if tasks_start is not None else None
    org = (org_start + 1, end or len(paras)) if org_start is not None else None
    return tasks, org


def read_timeline(text: str) -> tuple[str, int | None, date | None]:
    folded = fold(text)
    if "thuong xuyen" in folded or "lien tuc" in folded:
        return "continuous", None, None
    found = _DATE.search(text)
    if found:
        return "fixed_date", None, _safe_date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    month = _MONTH.search(text)
    if month:
        return "fixed_date", None, _month_end(int(month.group(2)), int(month.group(1)))
    quarter = _QUARTER.search(text)
    if quarter:
        number = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(quarter.group(1).upper(), None) or int(quarter.group(1))
        return "fixed_date", None, _month_end(int(quarter.group(2)), 3 * number)
    year = re.search(r"(\d{4})", text)
    if year and ("tiep theo" in folded or "hang nam" in folded or "tu nam" in folded or "den nam" in folded and "tu" in folded):
        return "yearly_from", int(year.group(1)), None
    if year and ("trong nam" in folded or folded.strip().startswith("nam") or "truoc" in folded):
        return "fixed_date", None, date(int(year.group(1)), 12, 31)
    return "unspecified", None, None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _new_task(number: str, title: str, section: str, parent: str | None, offset: int) -> TaskSpec:
    return TaskSpec(
        number=number, section=section, title=title.strip().rstrip(".").strip(), content=[], lead=None, implementers=[],
        timeline_kind="unspecified", timeline_from_year=None, timeline_due=None, timeline_text="", serves_targets=[],
        parent_number=parent, where=f"vị trí: {offset}",
    )


def _label(text: str) -> tuple[str, str] | None:
    """("lead" | "implementers" | "timeline", value) of a "Cơ quan …: …" line."""
    stripped = _BULLET.sub("", text)
    if ":" not in stripped[:70]:
        return None
    key, value = stripped.split(":", 1)
    folded = fold(key)
    if "thoi gian" in folded or "thoi han" in folded or "tien do" in folded:
        return "timeline", value.strip()
    if not re.search(r"co quan|don vi|chu tri|phoi hop|chi dao|tham muu|thuc hien", folded) or len(key) > 60:
        return None
    if "chi dao" in folded or "chu tri" in folded:
        return "lead", value.strip()
    return "implementers", value.strip()


def _apply_label(task: TaskSpec, kind: str, value: str, registry: BodyRegistry) -> None:
    if kind == "timeline":
        task.timeline_kind, task.timeline_from_year, task.timeline_due = read_timeline(value)
        task.timeline_text = value.rstrip(".").strip()
        return
    codes = registry.add_all(value)
    if kind == "lead" and codes:
        task.lead = codes[0]
        codes = codes[1:]
    task.implementers.extend(code for code in codes if code not in task.implementers)


def _parent_of(number: str, known: dict[str, TaskSpec]) -> str | None:
    if "." in number:
        parent = number.rsplit(".", 1)[0]
        return parent if parent in known else None
    return None


def extract_tasks(paras: list[Para], registry: BodyRegistry) -> list[TaskSpec]:
    bounds, org = section_bounds(paras)
    tasks: list[TaskSpec] = []
    if bounds:
        tasks.extend(_section_tasks(paras[bounds[0] : bounds[1]], registry))
    if org:
        tasks.extend(_organisation_tasks(paras[org[0] : org[1]], registry))
    return tasks


def _section_tasks(paras: list[Para], registry: BodyRegistry) -> list[TaskSpec]:
    known: dict[str, TaskSpec] = {}
    current: TaskSpec | None = None
    group: str | None = None
    for para in paras:
        numbered, lettered = _NUMBERED.match(para.text), _LETTERED.match(para.text)
        if numbered:
            number = numbered.group(1)
            current = _new_task(number, numbered.group(2), "tasks", _parent_of(number, known), para.start)
            group = number if "." not in number else group
        elif lettered:
            number = f"{group}.{lettered.group(1)}" if group else lettered.group(1)
            current = _new_task(number, lettered.group(2), "tasks", group, para.start)
        elif current is not None:
            label = _label(para.text)
            if label:
                _apply_label(current, *label, registry)
            else:
                current.content.append(_BULLET.sub("", para.text))
            continue
        else:
            continue
        if current.number not in known:
            known[current.number] = current
    tasks = list(known.values())
    _inherit_from_subtasks(tasks)
    return tasks


def _inherit_from_subtasks(tasks: list[TaskSpec]) -> None:
    """A group that states nothing itself takes the lead and timeline all its subtasks share."""
    for task in tasks:
        children = [child for child in tasks if child.parent_number == task.number]
        if not children or task.lead or task.implementers or task.timeline_kind != "unspecified":
            continue
        leads = {child.lead for child in children}
        timelines = {(child.timeline_kind, child.timeline_from_year, child.timeline_due) for child in children}
        if len(leads) == 1:
            task.lead = leads.pop()
        if len(timelines) == 1:
            task.timeline_kind, task.timeline_from_year, task.timeline_due = timelines.pop()


def _organisation_tasks(paras: list[Para], registry: BodyRegistry) -> list[TaskSpec]:
    tasks: list[TaskSpec] = []
    for para in paras:
        numbered, lettered, bullet = _NUMBERED.match(para.text), _LETTERED.match(para.text), _BULLET.match(para.text)
        if not (numbered or lettered or bullet):
            continue
        text = numbered.group(2) if numbered else lettered.group(2) if lettered else para.text[bullet.end() :]
        task = _new_task(f"IV.{len(tasks) + 1}", text, "organisation", None, para.start)
        _organisation_roles(task, task.title, registry)
        tasks.append(task)
    return tasks


def _organisation_roles(task: TaskSpec, sentence: str, registry: BodyRegistry) -> None:
    folded = fold(sentence)
    verb = _VERB.search(folded)
    if not verb or verb.start() == 0:
        return
    subject = sentence[: verb.start()].strip(" ,")
    if not _BODY_HEAD.match(fold(subject) + " "):
        return
    rest = folded[verb.start() :]
    leads = verb.group().startswith(("lanh dao", "chi dao", "chu tri")) or rest.startswith("chu tri")
    codes = registry.add_all(subject)
    if leads and codes:
        task.lead = codes[0]
        task.implementers.extend(codes[1:])
    else:
        task.implementers.extend(codes)
    for partner in _named_partners(sentence, folded, registry):
        if partner not in task.implementers and partner != task.lead:
            task.implementers.append(partner)


def _named_partners(sentence: str, folded: str, registry: BodyRegistry) -> list[str]:
    """Bodies after "chỉ đạo" or "phối hợp với", up to the next verb."""
    codes: list[str] = []
    for marker in re.finditer(r"\b(?:chi dao|phoi hop voi)\s+", folded):
        start = marker.end()
        following = _VERB.search(folded, start)
        end = following.start() if following else len(folded)
        phrase = sentence[start:end].strip(" ,")
        if phrase and _BODY_HEAD.match(fold(phrase) + " ") and len(phrase) < 120:
            codes.extend(code for code in registry.add_all(phrase) if code not in codes)
    return codes

