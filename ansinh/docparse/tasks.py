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

from ansinh.docparse.bodies import BodyRegistry
from ansinh.docparse.text import Para, fold
from ansinh.programs.programfile import TaskSpec

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
    r"bao cao", r"tham muu(?=\s+(?:cho|ubnd|uy ban|dang uy|ban|thi uy|huyen uy|tinh uy))",
)
_VERB = re.compile(r"\b(?:" + "|".join(_VERBS) + r")\b")
_BODY_HEAD = re.compile(
    r"^(?:cac |ubnd|uy ban|ban |phong |hoi |dang uy|cong an|trung tam|truong |tram |van phong|doan |mat tran|chi bo)"
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

