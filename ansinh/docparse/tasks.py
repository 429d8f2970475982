"""Task groups of "NHIỆM VỤ VÀ GIẢI PHÁP" and the assignments of "TỔ CHỨC THỰC HIỆN".

A task starts at "1.", "9.1" or "a)"; "- " bullets and plain paragraphs are its content. Lines
"Cơ quan chỉ đạo / chủ trì: …" give the lead, "Cơ quan tham mưu, thực hiện / phối hợp: …" the
implementers, "Thời gian thực hiện / hoàn thành: …" the timeline. A group with no lines of its
own takes the lead and timeline its subtasks share. Items of section IV become organisation
tasks IV.1…; their bodies come from the sentence (subject, "chủ trì, phối hợp với …",
"chỉ đạo X …").
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from ansinh.docparse.text import TABLE_NUMBER_HEADINGS, Para, chapter_numeral, fold, part_numeral, unify_tones
from ansinh.programs.programfile import BodySpec, TaskSpec

# --- bodies: split a list of names, name and code each body ---------------------------------
#
# Lists are cut at ";" always, and at ", " and " và " except inside known compound names whose
# comma or "và" belongs to one body. Abbreviations are written out (UBND, HĐND, UBMTTQ, BTV) and
# tone marks unified, so "Thị uỷ" and "Thị ủy" give one body; the code is an ASCII slug of the
# name without the word "các".

_COMMA, _AND = "\u2063", "\u2064"  # invisible separators: same length as what they replace
_COMPOUNDS = (
    r"tham muu, giup viec", r"linh vuc, dia ban", r"hdnd va ubnd", r"quan ly thu - so, the", r"phong cap so, the\b", r"pho bien, giao duc phap luat", r"hoc sinh, sinh vien",  # ("Phòng Cấp sổ, thẻ")
    r"phong, chong", r"lam sang, can lam sang", r"bao tro xa hoi, tre em va phong", r"dang uy, chi bo", r"chi bo, dang bo", r"chi, dang uy", r"xa, phuong", r"xa, thi tran", r"co quan, ca nhan",
    r"co quan, don vi", r"(?:cac )?phong, (?:cac )?don vi", r"huyen, (?:thi xa, thanh pho|thanh pho, thi xa|thanh pho)", r"quan, huyen", r"xa, phuong, thi tran", r"ban, nganh", r"phong, ban", r"so, nganh", r"thuong binh va xa hoi", r"tai nguyen va moi truong",
    r"giao duc va dao tao", r"van hoa va thong tin", r"van hoa, the thao va du lich", r"van hoa, dien anh va the thao", r"van hoa, khoa hoc va thong tin",
    r"van hoa - thong tin va the thao", r"nong nghiep va phat trien nong thon", r"tai chinh - ke hoach", r"kinh te - ha tang",
    r"to chuc chinh tri - xa hoi", r"thong tin va truyen thong", r"ke hoach va dau tu", r"khoa hoc va cong nghe",
    r"lao dong - thuong binh va xa hoi", r"(?:huyen|thi|thanh) uy(?:, (?:huyen|thi|thanh) uy)+(?:, dang uy)?",
    r"kinh te, ha tang(?: va do thi)?",  # a ward's department since 2025
    r"chinh sach, chien luoc", r"mat tran to quoc, cac doan the",  # the provincial Party's board and committee since 2025
    r"nganh, (?:cac )?doan the",  # "các ngành, đoàn thể của xã": one group
    r"lao dong, viec lam(?: va bao hiem xa hoi)?", r"phong cong chuc, vien chuc",  # departments of a Sở Nội vụ since 2025
    r"hoi dong nhan dan va uy ban nhan dan",  # "Văn phòng HĐND và UBND": one office
    r"doan dai bieu quoc hoi va hoi dong nhan dan",  # "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office too
    # names of the 2025 reorganisation: the provincial media, the Party's merged board and its offices
    r"bao va phat thanh, truyen hinh", r"tuyen truyen, bao chi va xuat ban", r"dan van va dan toc, ton giao",
    r"(?:xa, )?phuong, dac khu", r"so, ban, nganh", r"cac ban, van phong(?!,)",  # "Các ban, Văn phòng Hội …": one group (not "…, Văn phòng, Ủy ban Kiểm tra")
    r"quan ly thu - so, the", r"khu cong nghe cao va cac khu cong nghiep", r"kt, ht va dt",  # ("Phòng KT, HT và ĐT": one)
    r"(?:mam non|tieu hoc|trung hoc co so|trung hoc pho thong)(?:,? (?:va )?(?:mam non|tieu hoc|trung hoc co so|trung hoc pho thong))+",
    # "các chi bộ thôn, làng, plei", "nhân viên y tế thôn, bản": the kinds of village of one body
    r"(?:thon|lang|plei|ban|buon|ap|soc|to dan pho|khu pho)(?:,? (?:va )?(?:thon|lang|plei|ban|buon|ap|soc|to dan pho|khu pho)\b)+",
    # "Các phòng chuyên môn, đơn vị thuộc Sở", "Các khoa, phòng thuộc Trung tâm": the issuer's own units, one group
    r"cac (?:phong|khoa|ban|chi cuc|don vi|van phong)(?: (?:chuyen mon|chuc nang|nghiep vu|su nghiep))?"
    r"(?:,? (?:va )?(?:cac )?(?:phong|khoa|ban|chi cuc|don vi|van phong)(?: (?:chuyen mon|chuc nang|nghiep vu|su nghiep))?)+ (?=(?:truc )?thuoc\b)",
)
_ABBREVIATIONS = (
    (r"\bUBMTTQ\s*VN\b|\bUBMTTQ\b", "Ủy ban Mặt trận Tổ quốc Việt Nam"), (r"\bUBND\b", "Ủy ban nhân dân"),
    (r"\bHĐND\b", "Hội đồng nhân dân"), (r"\bBTV\b", "Ban Thường vụ"), (r"\bBCH\b", "Ban Chấp hành"), (r"\bCT\s*[-–]\s*XH\b", "chính trị - xã hội"),
    (r"\bMTTQ\b", "Mặt trận Tổ quốc"),
    # the short names tables use for the units of a ward or a province ("Phòng VH-XH", "PGD NHCSXH Hoàng Mai")
    (r"\bVH\s*-\s*XH\b", "Văn hóa - Xã hội"), (r"\bKT,\s*HT và ĐT\b", "Kinh tế, Hạ tầng và Đô thị"), (r"\bPGD\b", "Phòng giao dịch"),
    (r"\bNHCSXH\b", "Ngân hàng Chính sách xã hội"), (r"\bBHXH\b", "Bảo hiểm xã hội"), (r"\bLHPN\b", "Liên hiệp Phụ nữ"),
    (r"\bLĐLĐ\b", "Liên đoàn Lao động"), (r"\bCCB\b", "Cựu chiến binh"),
)
_KINDS = (
    ("hoi dong nhan dan", "council"), ("mat tran", "front"), ("uy ban nhan dan", "state"), ("phong ", "state"),
    ("cong an", "state"), ("tram y te", "state"), ("truong ", "state"), ("ban thuong vu", "party"), ("dang uy", "party"),
    ("thi uy", "party"), ("tinh uy", "party"), ("huyen uy", "party"), ("chi bo", "party"), ("ban tuyen giao", "party"),
    ("doan thanh nien", "front"), ("hoi ", "front"),
)


# "các phòng, khoa, trung tâm": units of the issuer named by their kind only, in lower case, one group
# ("Các phòng, Trung tâm Dịch vụ việc làm" names a centre of its own)
_UNIT_KINDS = re.compile(r"\b[Cc]ác (?:phòng|khoa|ban|trung tâm|đơn vị)(?:,? (?:và )?(?:phòng|khoa|ban|trung tâm|đơn vị)\b)+")


def _protect(text: str) -> str:
    folded = fold(text)
    chars = list(text)
    for match in _UNIT_KINDS.finditer(text):
        for index in range(match.start(), match.end()):
            if chars[index] == ",":
                chars[index] = _COMMA
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
_BODY_START = r"(?:các|Các|Ủy ban|Uỷ ban|UBND|Ban|Phòng|Hội|Sở|Báo(?! cáo)|Trung tâm|Đài|Điểm|Trạm|Trường|Công chức|Thanh tra|Bưu điện|Bộ Chỉ huy|Bộ đội|Chi nhánh|Đảng ủy|Đảng uỷ|Chi bộ|Bảo hiểm|Ngân hàng|Công an|Mặt trận|Văn phòng|Đoàn|Liên đoàn|[Cc]ông đoàn|Thị ủy|Thị uỷ|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|Cơ quan|cơ quan)\b"
_SEPARATOR = rf"(,\s+|\s+và\s+(?={_BODY_START}))"


def split_bodies(text: str) -> list[str]:
    """"Ban Tuyên giáo Thị ủy; các đảng ủy, chi bộ trực thuộc Thị ủy và các cơ quan liên quan"
    → three names."""
    # "Các đơn vị trực thuộc Sở (trường trung học phổ thông, …, trung cấp)": a list of examples, not
    # bodies; a bracket without a list stays part of the name ("Công chức Văn hóa - Xã hội (phụ trách …)").
    text = re.sub(r"\s*\([^()]*,[^()]*\)", "", text.strip()).rstrip(".").strip()
    # "Ủy ban nhân dân phường (Phòng Văn hóa - Xã hội)": the body, then the office that does the work
    text = re.sub(r"\s*\((?=(?:Phòng|Ban|Văn phòng|Công chức|Trung tâm|Bộ phận)\b)[^()]*\)", "", text)
    protected = _protect(text)
    names = []
    for match in re.finditer(r"[^;]+", protected):
        start = match.start()
        for part in re.split(_SEPARATOR, match.group()):
            if part and not re.fullmatch(_SEPARATOR, part):
                name = text[start : start + len(part)].strip(" ,")
                # "Ủy ban nhân dân các xã Đức Thọ, Đức Minh, Đức Quang": the places of one body
                # (each word in capitals: "À-Ỹ" holds small letters too, "Thành đoàn Huế" is a body of its own)
                if names and re.search(r"\bcac (?:xa|phuong)\b", fold(names[-1])) and len(name.split()) <= 3 and all(word[:1].isupper() for word in name.split()):
                    names[-1] = f"{names[-1]}, {name}"
                # "Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu, môi trường (PC03)", "Phòng Chăm
                # sóc, nuôi dưỡng": the fields of one name
                elif names and (" về " in names[-1] or re.match(r"(?:Phòng|Ban|Trung tâm) \S+ \S+$", names[-1]) and len(name.split()) <= 3) \
                        and name[:1].islower() and not _BODY_HEAD.match(fold(name) + " ") and not _VERB.match(fold(name)):
                    names[-1] = f"{names[-1]}, {name}"
                elif len(name) > 2:
                    names.append(name)
            start += len(part)
    return names


def canonical_name(name: str) -> str:
    name = unify_tones(name.strip().rstrip(".:"))
    for pattern, full in _ABBREVIATIONS:
        name = re.sub(pattern, full, name)
    name = re.sub(r"\s+trên địa bàn(?:\s.*)?$", "", re.sub(r"\s+", " ", name))  # a place, not part of the name
    name = re.sub(r"\s+trong (?:quá trình|việc|công tác|chăm sóc|hoạt động)\b.*$", "", name)  # "Hội trong quá trình thực hiện": when, not who
    name = re.sub(r"\s*\((?:cơ quan|đơn vị) thường trực[^)]*\)", "", name)  # "Sở X (cơ quan thường trực Ban Chỉ đạo)": its role
    name = re.sub(r"^phối hợp(?: với)?\s+", "", name, flags=re.IGNORECASE)  # "…, phối hợp Bảo hiểm xã hội thành phố"
    # "Đảng ủy phường giao Ủy ban nhân dân phường (chủ trì …)": the body given the work, not the one giving it
    if (giving := re.match(r"[^,;]{3,60}?\s+giao(?: cho)?\s+(?=\w)", name)) and name[giving.end()].isupper():
        name = name[giving.end() :]
    name = re.sub(r"^(?:Thủ trưởng|Tổ trưởng|Trưởng|Người đứng đầu)\s+(?=các\s)", "", name)  # "Trưởng các phòng": the offices
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


# "Ghi chú: CTĐ: Chữ thập đỏ; Hội CTĐ cấp xã: Hội Chữ thập đỏ các xã, phường, đặc khu; …": the short
# names a table uses, written out under it (a short name holds an abbreviation, "CTĐ")
_LEGEND = re.compile(r"^\*?\s*(?:Ghi chú|(?:Chữ |Từ )?viết tắt)\s*:\s*", re.IGNORECASE)
_SHORT_NAME = re.compile(r"(?P<short>[^:;]{0,30}?\b[A-ZĐ]{2,}\b[^:;]{0,20}?)\s*:\s*(?P<full>[^:;]{3,120})")


def short_names(paras: list[Para]) -> dict[str, str]:
    """The short names the document's legends write out: short name → full name."""
    found: dict[str, str] = {}
    for para in paras:
        if legend := _LEGEND.match(para.text):
            for piece in para.text[legend.end() :].rstrip(".* ").split(";"):
                if pair := _SHORT_NAME.fullmatch(piece.strip()):
                    found[pair.group("short").strip()] = pair.group("full").strip()
    return found


class BodyRegistry:
    """The bodies met so far, one per slug, in order of first mention."""

    def __init__(self, short_names: dict[str, str] | None = None) -> None:
        self.bodies: dict[str, BodySpec] = {}
        self.issuer: str | None = None  # the code of the body that issues the document
        # the document's own short names, the longest first ("Hội CTĐ cấp xã" before "CTĐ")
        shorts = sorted(short_names or {}, key=len, reverse=True)
        self._short = re.compile("|".join(rf"(?<!\w){re.escape(short)}(?!\w)" for short in shorts)) if shorts else None
        self._full = short_names or {}

    def is_issuer(self, code: str) -> bool:
        """The issuer, also when named without its place ("Sở Nội vụ" in the plan of "Sở Nội vụ tỉnh Lào Cai")."""
        if not self.issuer:
            return False
        place = r"(?:tinh|thanh-pho|xa|phuong|huyen|quan|thi-xa|dac-khu|khu-vuc)"
        # ("Ban Chấp hành Hội LHPN phường Hạc Thành" is the association "Hội Liên hiệp Phụ nữ phường")
        issuer = re.sub(r"^(?:ban-chap-hanh|ban-thuong-vu|ban-thuong-truc|thuong-truc)-", "", self.issuer)
        named_after = issuer.startswith(f"{code}-") and (re.match(rf"{place}-", issuer[len(code) + 1 :]) or re.search(rf"-{place}$", code))
        return code in (issuer, self.issuer) or bool(named_after)

    def add(self, name: str) -> str:
        if self._short:
            name = self._short.sub(lambda match: self._full[match.group()], name)
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

# "1.", "2.1", "1-" (Party documents); "2030 đạt …" at a line's start is no item
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(?:\.|-(?=\s))?\s+(\S.*)$")
_LETTERED = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
_BULLET = re.compile(r"^[-+•*–→⇒►]\s*")  # ("→ Đơn vị thực hiện: …", an arrow before a task's assignment line)
_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_MONTH = re.compile(r"tháng\s+(?:\d{1,2}\s*[-–]\s*)?(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE)  # "tháng 10 - 12/2026": by December
_QUARTER = re.compile(r"quý\s+([IV]+|\d)\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE)
_VERBS = (
    r"lanh dao", r"(?<!duoc giao )(?<!duoc phan cong )chu tri", r"(?<!ban )(?<!phong )(?<!hanh chinh - )to chuc(?! chinh tri)", r"tang cuong", r"(?<!so )(?<!ban )(?<!phong )(?<!dau tu )xay dung", r"huong dan", r"trien khai",
    r"co trach nhiem", r"phoi hop", r"theo doi", r"(?<!ban )chi dao", r"can cu", r"khan truong", r"day manh", r"thuc hien",
    r"bao cao", r"ban hanh", r"(?<!phong )(?<!ban )tuyen truyen", r"ra soat", r"cap nhat", r"(?<!phong )(?<!- )(?<!ke hoach )tong hop", r"(?<!- )(?<!chi dao )van dong", r"quan triet", r"(?<!ban )(?<!phong )pho bien", r"cu the hoa", r"(?<!uy ban )(?<!- )kiem tra", r"giam sat",
    r"tham muu(?=\s+(?:cho|ubnd|uy ban|dang uy|ban|thi uy|huyen uy|tinh uy|giam doc|bo tri|so ket|tong ket|phat trien|trien khai|xay dung|cac nhiem vu|nhiem vu|thuc hien|dua))", r"lam dau moi", r"la dau moi", r"la (?:co quan|don vi) (?:thuong truc|dau moi)",
    # "X đưa việc lãnh đạo, chỉ đạo … vào chương trình kiểm tra": "đưa việc" is the verb, "chỉ đạo" a noun there
    r"dua (?:viec|noi dung|ket qua|chi tieu)", r"phan cong(?= (?:cac|dong chi|can bo))", r"(?<!tham muu )bo tri(?= (?:kinh phi|nguon|von|ngan sach|du))", r"xac thuc", r"lam sach", r"mo(?= (?:cac )?(?:chuyen trang|chuyen muc|lop|dot|rong|tai khoan))", r"huy dong", r"tham hoi", r"(?<!quy )cham lo", r"(?<!phong )(?<!trung tam )(?<!to )(?<!- )tu van(?=,? (?:ho tro|gioi thieu|cho|nguoi|hoc|viec))",
    r"(?<!phong )khai thac", r"(?<!trung tam )(?<!- )gioi thieu", r"de xuat", r"dang tai", r"thu thap", r"cung cap(?= (?:thong tin|du lieu|danh sach|so lieu|cho|day du|kip thoi|tai lieu))", r"tiep nhan", r"dau tranh",
    r"theo (?:chuc nang|linh vuc)",  # "Phòng X, Phòng Y theo chức năng, nhiệm vụ tham mưu …", "Các thành viên Ban Chỉ đạo theo lĩnh vực …"
    r"long ghep", r"chuan bi", r"ky ket", r"kien toan", r"tao dieu kien", r"nam (?:chac|bat|tinh hinh)", r"chu dong(?= (?:trien khai|phoi hop|thuc hien|xay dung|tham muu))", r"quan tam(?=,? (?:phoi hop|tao dieu kien|chi dao|ho tro|bo tri|huong dan))", r"lap(?= (?:danh sach|danh muc|ho so|ke hoach|bao cao|du toan))", r"(?<!trung tam )(?<!quy )(?<!hoi )bao dam", r"(?<!trung tam )dam bao", r"nang cao", r"duy tri", r"hoan thanh", r"day nhanh",
    r"giao(?=\s+(?:chi tieu|nhiem vu))", r"(?<!ban )(?<!hoi dong )thanh lap", r"tap huan", r"cap the", r"truc tiep (?:chi dao|lanh dao)", r"giup(?=\s+(?:ban|ubnd|uy ban|thuong truc|dang uy))",
)
_VERB = re.compile(r"\b(?:" + "|".join(_VERBS) + r")\b")
_BUILD = re.compile(r"xay dung")  # "… thuộc Sở xây dựng kế hoạch": the verb the lookbehind of _VERBS passes over
_BODY_HEAD = re.compile(
    r"^(?:cac |ubnd|uy ban|ban |phong |hoi |dang uy|dang doan|cong an|trung tam|truong |tram |van phong|doan |mat tran|chi bo"
    r"|so (?!lieu|luong|hoa |tien |ho so)|bao hiem xa hoi|tinh uy|thi uy|huyen uy|thanh uy|ngan hang|cong chuc|dai |thuong truc|thu truong|truong cac|thanh tra"
    r"|buu dien|diem |bo chi huy|bo doi|chi nhanh|cong ty|lien doan|cong doan|bao (?!cao|dam|ve|hiem|tro|quan|luu)|thong ke (?:tinh|thanh pho|khu vuc|co so)|cong thong tin|chi cuc|cuc |kho bac|vien |toa an|cau lac bo|don bien phong|khoa (?!hoc)|tinh doan|benh vien|quy |thu vien |co so (?:day nghe|giao duc|bao tro|tro giup|cai nghien|y te)|to (?:dan pho|truong|cong tac|thong ke|quan ly|che do|giam dinh|tiep nhan|nghiep vu)|khoi (?:dan van|thi dua|co quan|doanh nghiep)|giam doc |bo phan |p[a-z]\d\d\b)"  # ("PC06", "PA05": a police department by its code)
)


def section_bounds(paras: list[Para]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """[start, end) of the tasks section and of the organisation section (IV)."""
    tasks_start = org_start = end = funding = None
    in_chapters = False  # "PHẦN THỨ BA / TỔ CHỨC THỰC HIỆN": parts above the Roman ones, which are sections inside
    for index, para in enumerate(paras):
        folded = fold(para.text)
        roman = part_numeral(para.text)
        closing = folded.startswith(("noi nhan", "t/m ", "tm. ", "tm ")) or folded == "noi nhan:"
        chapter = chapter_numeral(paras[index - 1].text) if index else None
        if chapter and "to chuc thuc hien" in folded and org_start is None:
            org_start, in_chapters = index, True
            continue
        # "Phần thứ ba / NHIỆM VỤ VÀ GIẢI PHÁP" (not "MỤC TIÊU, NHIỆM VỤ …": its Roman sections part it)
        if chapter and ("nhiem vu" in folded or "giai phap" in folded) and "muc tieu" not in folded and tasks_start is None:
            tasks_start = index
            continue
        if in_chapters and end is None and (closing or chapter_numeral(para.text)):
            end = index
        if in_chapters:
            continue
        # ("III. NỘI DUNG GIÁM SÁT" in a plan of supervision: its items are the tasks)
        # ("III. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN": what is to be done, and by whom; "III. NỘI DUNG,
        # LỊCH TRÌNH GIÁM SÁT VÀ PHẢN BIỆN XÃ HỘI": and when)
        if roman and ("nhiem vu" in folded or "giai phap" in folded or re.search(r"noi dung(?:, lich trinh)? (?:giam sat|kiem tra|khao sat|va phan cong|thuc hien)", folded)) and tasks_start is None:
            tasks_start = index
        elif roman and re.search(r"to chuc thuc hien|phan cong (?:thuc hien|nhiem vu)", folded) and org_start is None:
            org_start = index
        elif roman and re.match(r"[ivx]+\.?\s*[-–.]?\s*kinh phi\b", folded) and tasks_start is not None and org_start is None:
            funding = index  # "IV. KINH PHÍ THỰC HIỆN" between the tasks and the organisation: neither
        elif roman and org_start is not None and end is None and re.search(r"che do bao cao|trach nhiem thuc hien|to chuc thuc hien", folded):
            continue  # "VI. CHẾ ĐỘ BÁO CÁO" (or "V. TỔ CHỨC THỰC HIỆN") after "V. PHÂN CÔNG NHIỆM VỤ": more of the organisation, its items VI.1 …
        elif (roman or closing) and org_start is not None and end is None and index > org_start:
            end = index
    tasks_end = org_start - 1 if in_chapters else (funding or org_start)  # (not the "PHẦN THỨ BA" line)
    tasks = (tasks_start + 1, tasks_end if org_start else len(paras)) if tasks_start is not None else None
    org = (org_start + 1, end or len(paras)) if org_start is not None else None
    return tasks, org


def read_timeline(text: str, start_year: int | None = None, labelled: bool = False) -> tuple[str, int | None, date | None]:
    """(kind, from_year, due) of a timeline phrase; `start_year` (the program's first year)
    dates a bare "Hằng năm". `labelled`: the phrase is a task's stated time ("Thời gian: …"), not
    words of a sentence."""
    folded = fold(text)
    if "thuong xuyen" in folded or "lien tuc" in folded:
        return "continuous", None, None
    # "Hằng năm; sơ kết vào quý IV/2028": what recurs comes first, a milestone after it is no deadline;
    # so does work every quarter or month, year after year
    if re.match(r"\s*(?:thuc hien\s+)?(?:hang nam|tung nam|moi nam|hang quy|hang thang|hang tuan|(?:tung|moi|hang) hoc ky|dinh ky)\b", folded) and (start_year or re.search(r"tu nam \d{4}", folded)):
        since = re.search(r"tu nam (\d{4})", folded)
        return "yearly_from", int(since.group(1)) if since else start_year, None
    if since := re.match(r"\s*tu hoc ky [ivx\d]+ nam hoc (\d{4})", folded):  # "từ học kỳ I năm học 2026 - 2027": every year from then
        return "yearly_from", int(since.group(1)), None
    # "từ kỳ chi trả tháng 7/2026", "từ quý III/2026": work that starts then and goes on
    if re.match(r"\s*(?:thuc hien\s+)?tu\b", folded) and not re.search(r"\bden\b", folded) and (since := re.search(r"(?:/|nam\s+)(\d{4})", folded)):
        return "yearly_from", int(since.group(1)), None
    # "2026 - 2030, năm 2026 bàn giao 60 căn trước ngày 31/12/2026": the period first, a milestone inside it
    if span := re.match(r"\s*(?:giai doan |nam )?(\d{4})\s*[-–]\s*\d{4}\s*[,;]", folded):
        return "yearly_from", int(span.group(1)), None
    # "Thời gian: rà soát xong trước ngày 31/3/2026; hỗ trợ sinh kế hằng năm": work that recurs, one
    # step of it dated (every gold author drafted such a stated time as recurring; in a sentence of
    # the organisation "… báo cáo trước ngày 15/12/2026 và hằng năm" most leave it a deadline)
    dated = _DATE.search(text) or _MONTH.search(text) or _QUARTER.search(text)
    if labelled and dated and re.search(r"\b(?:hang nam|hang quy|moi nam)\b", folded):
        since = re.search(r"tu nam (\d{4})", folded) or re.search(r"(\d{4})", text)
        return "yearly_from", int(since.group(1)), None
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
    listed = re.findall(r"\bnam (\d{4})\s*(?:,|va)\s*(?:nam )?(\d{4})\b", folded)  # "năm 2027, năm 2029": each of them
    if listed:
        return "yearly_from", min(int(year) for pair in listed for year in pair), None
    year = re.search(r"(\d{4})", text)
    if year and ("tiep theo" in folded or "hang nam" in folded or "tu nam" in folded or "den nam" in folded and "tu" in folded
                 or re.search(r"\d{4}\s*[-–]\s*\d{4}", folded)):  # "Giai đoạn 2024 - 2030", "Năm 2024 - 2030": every year of it
        return "yearly_from", int(year.group(1)), None
    if not year and re.search(r"hang nam|tung nam|moi nam|hang quy|hang thang", folded) and start_year:  # "Hằng năm", "Từng năm học", "Tuần thứ hai hằng tháng"
        return "yearly_from", start_year, None
    if year and folded.strip().startswith(("den nam", "toi nam", "den het nam")):  # "Đến năm 2030", "Đến hết năm 2027": done by then
        return "fixed_date", None, date(int(year.group(1)), 12, 31)
    if year and ("trong nam" in folded or re.match(r"\s*(?:hoan thanh\s+)?nam\b", folded) or "truoc" in folded or "cuoi nam" in folded):  # ("Hoàn thành năm 2029")
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


# Where a label starts inside a line holding several ("* Chỉ đạo: … Thực hiện: … Thời gian: …",
# "(Đơn vị chủ trì: …; phối hợp: …; thời gian: …)").
_LABEL_KEY = re.compile(
    r"(?:^|(?<=[.;]\s))(?=(?:(?:cơ quan|đơn vị)\s+)?(?:chỉ đạo|chủ trì|đầu mối|phối hợp|thực hiện|tham mưu|thời gian|thời hạn|phân công|trách nhiệm)[^:.;]{0,40}:)",
    re.IGNORECASE,
)


# "… theo hình thức cộng đồng (Chủ trì: Phòng Kinh tế; phối hợp: …; thời gian: 2026 - 2030).": the
# labels in a bracket that closes a paragraph of content
_CLOSING_LABELS = re.compile(
    r"^(?P<prose>.*\S)\s*\((?P<labels>(?:(?:cơ quan|đơn vị)\s+)?(?:chỉ đạo|chủ trì)[^:()]{0,40}:[^()]*)\)\.?$", re.IGNORECASE
)


def _labels(text: str) -> list[tuple[str, str]]:
    """Every label of a line: one, or several written on one line."""
    if closing := _CLOSING_LABELS.match(text):
        text = closing.group("labels")
    inner = re.sub(r"^\((.*)\)\.?$", r"\1", _BULLET.sub("", text).strip())
    starts = [m.start() for m in _LABEL_KEY.finditer(inner)]
    if len(starts) < 2:
        label = _label(text) or (_label(inner) if inner != text else None)
        return [label] if label else []
    pieces = [inner[a:b].strip().rstrip(".;").strip() for a, b in zip(starts, [*starts[1:], len(inner)])]
    found = [_label(piece) for piece in pieces]
    # "(Văn phòng Hội chủ trì; phối hợp: Y, Z. Thời gian: …)": the lead named before the labels
    lead = re.fullmatch(r"(.{3,120}?)\s+chủ trì", inner[: starts[0]].strip().rstrip(".;,").strip())
    return ([("lead", lead.group(1))] if lead else []) + found if all(found) else []


def _label(text: str) -> tuple[str, str] | None:
    """("lead" | "implementers" | "timeline", value) of a "Cơ quan …: …" line."""
    stripped = _BULLET.sub("", text)
    if ":" not in stripped[:70]:
        return None
    key, value = stripped.split(":", 1)
    if ";" in key:  # "Giao Văn phòng Sở chủ trì thực hiện; thời gian: quý II/2027.": a sentence, its time after it
        return None
    folded = fold(key)
    if "thoi gian" in folded or "thoi han" in folded or "tien do" in folded:
        return "timeline", value.strip()
    if folded.strip() == "phan cong":  # "Phân công: X chỉ đạo; Y, Z thực hiện."
        return "assignment", value.strip()
    if re.match(r"\s*chu the\b", folded) and len(key) < 40:  # "Chủ thể giám sát: Thường trực HĐND tỉnh" leads a supervision
        return "lead", value.strip()
    # ("X lãnh đạo, chỉ đạo các sở: Y tế, Xây dựng …" lists departments by their field: a sentence)
    if not re.search(r"co quan|don vi|chu tri|dau moi|phoi hop|chi dao|tham muu|thuc hien|trach nhiem", folded) or len(key) > 60 or re.search(r"\bcac so(?:, nganh)?\s*$", folded):
        return None
    if "chu tri" not in folded and "chi dao" not in folded and re.search(r"(?<!\()\b(?:chu tri|chi dao)\b", fold(value)):
        return "assignment", value.strip()  # "Trách nhiệm thực hiện: X chủ trì, phối hợp với Y …"
    if "chi dao" in folded or "chu tri" in folded or re.match(r"\s*(?:don vi |co quan )?dau moi\s*$", folded):  # ("Đầu mối: Văn phòng Sở")
        return "lead", value.strip()
    return "implementers", value.strip()


def _apply_label(task: TaskSpec, kind: str, value: str, registry: BodyRegistry, start_year: int | None = None) -> None:
    if kind == "assignment":
        _prose_roles(task, value, registry, start_year)
        return
    if kind == "timeline":
        task.timeline_kind, task.timeline_from_year, task.timeline_due = read_timeline(value, start_year, labelled=True)
        task.timeline_text = value.rstrip(".").strip()
        return
    value = re.sub(r"\s*\((?:cơ quan |đơn vị )?phối hợp\)", "", value, flags=re.IGNORECASE)  # "Y, Z (phối hợp)": the rest are
    marked = re.search(r"([^;:]+?)\s*\((?:cơ quan |đơn vị )?chủ trì\)", value, re.IGNORECASE)
    if marked and kind == "implementers":  # "Thực hiện: Phòng X (chủ trì); Phòng Y; Công an xã."
        value = value.replace(marked.group(0), marked.group(1))
        # the last name before the marker, whole ("Phòng Dân vận và Dân tộc, Tôn giáo (chủ trì)")
        task.lead = task.lead or registry.add(split_bodies(marked.group(1))[-1])
    codes = registry.add_all(value)
    # ("Cơ quan chỉ đạo: Ban Thường vụ …" then "Cơ quan chủ trì tham mưu: Phòng Chính trị": the body
    # that directs leads, the one that prepares the work is the first to carry it out)
    if kind == "lead" and codes and not task.lead:
        task.lead = codes[0]
        codes = codes[1:]
    task.implementers.extend(code for code in codes if code not in task.implementers and code != task.lead)


def _parent_of(number: str, known: dict[str, TaskSpec]) -> str | None:
    if "." in number:
        parent = number.rsplit(".", 1)[0]
        return parent if parent in known else None
    return None


def extract_tasks(paras: list[Para], registry: BodyRegistry, start_year: int | None = None) -> list[TaskSpec]:
    bounds, org = section_bounds(paras)
    tasks: list[TaskSpec] = []
    if bounds:
        lettered = (part_numeral(paras[bounds[0] - 1].text) or "") in _PART_LETTERS  # "C. NHIỆM VỤ, GIẢI PHÁP"
        section, assignments = _assignment_list_apart(paras[bounds[0] : bounds[1]])
        tasks.extend(_section_tasks(section, registry, start_year, roman_groups=lettered))
        if not tasks and any("phu luc" in fold(para.text) for para in section):
            tasks.extend(_appendix_table_tasks(paras[bounds[1] :], registry, start_year))
        _assign_by_body(assignments, tasks, registry, start_year)
    if org:
        # "IV." usually; "V." after a section on funding; "D." in lettered parts; "III" of "PHẦN THỨ BA"
        numeral = part_numeral(paras[org[0] - 1].text) or chapter_numeral(paras[org[0] - 2].text)
        items = _without_assignment_tables(paras[org[0] : org[1]], tasks, registry, start_year)
        items = _assign_by_reference(items, {task.number: task for task in tasks}, registry, start_year)
        items = _assign_by_body(items, tasks, registry, start_year)
        _inherit_from_subtasks(tasks)  # again: the lines just read may have assigned the subtasks
        organisation = _organisation_tasks(items, registry, numeral, start_year)
        tasks.extend(_assign_from_organisation_items(organisation, tasks, registry, start_year))
    if bounds:
        _assign_from_appendix(paras[bounds[1] :], tasks, registry, start_year)
    return _fold_unassigned_points(tasks)


def _assignment_list_apart(paras: list[Para]) -> tuple[list[Para], list[Para]]:
    """The tasks section, and the lines after an unnumbered "Phân công thực hiện:" closing it
    ("- Ban Tuyên giáo … chủ trì nhiệm vụ 1 và nhiệm vụ 7; phối hợp nhiệm vụ 3."): those lines
    assign the tasks by number, like the organisation section's, and are no content of the last task."""
    for index, para in enumerate(paras):
        if re.fullmatch(r"phan cong (?:thuc hien|nhiem vu)\b[^:.;]{0,40}:", fold(para.text)):  # ("Phân công thực hiện các nhiệm vụ:")
            return paras[:index], paras[index + 1 :]
    return paras, []


def _appendix_table_tasks(paras: list[Para], registry: BodyRegistry, start_year: int | None) -> list[TaskSpec]:
    """A tasks section that only points to its appendix ("Nhiệm vụ cụ thể, cơ quan chủ trì … tại Phụ
    lục kèm theo"): the tasks are the rows of the appendix's table "TT | Nhiệm vụ | Cơ quan chủ trì |
    …", read like a table inside the section, up to the next appendix."""
    for index, para in enumerate(paras):
        if fold(para.text) not in TABLE_NUMBER_HEADINGS:
            continue
        headings = [_column(p.text) for p in itertools.takewhile(lambda p: not _ROW_NUMBER.match(p.text), paras[index + 1 :])]
        if "title" in headings and "lead" in headings:
            end = next((i for i in range(index + 1, len(paras)) if fold(paras[i].text).startswith("phu luc")), len(paras))
            return _table_tasks(paras[index + 1 : end], registry, start_year)
    return []


def _fold_unassigned_points(tasks: list[TaskSpec]) -> list[TaskSpec]:
    """Points a), b) that nothing in the document assigns on their own are what their task is made
    of: its content, no tasks of their own (the task may be assigned whole). When one of them is
    assigned on its own ("phối hợp thực hiện điểm b nhiệm vụ 2"), they stay tasks, and those with
    no lead take the one their task was given."""
    result = list(tasks)
    for group in tasks:
        points = [t for t in tasks if t.parent_number == group.number and re.fullmatch(r".+\.[a-zđ]", t.number)]
        if not points or len(points) != len([t for t in tasks if t.parent_number == group.number]):
            continue
        if any(_assigned(p) for p in points):
            for point in points:
                point.lead = point.lead or (group.lead if group.lead not in point.implementers else None)
            continue
        for point in points:
            group.content.extend([point.title, *point.content])
            result.remove(point)
    return result


_APPENDIX_ROW = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?$")


_NAMES_A_TASK = re.compile(r"\b(?:nhiệm vụ|mục)\s+(?:số\s+)?\d|\bnội dung\s+\d+\.\d", re.IGNORECASE)
# "nội dung a, b mục III": tasks lettered right under the part, "a)" … "h)", named by their letters
_LETTERED_TASKS = re.compile(r"\bnội dung\s+([a-zđ](?:\s*(?:,|và)\s*[a-zđ])*)\b(?!\s+(?!mục|phần)\w)", re.IGNORECASE)


def _assign_from_organisation_items(items: list[TaskSpec], tasks: list[TaskSpec], registry: BodyRegistry, start_year: int | None = None) -> list[TaskSpec]:
    """"4. Ủy ban nhân dân đặc khu chủ trì thực hiện các nhiệm vụ từ mục 2 đến mục 7 Phần thứ ba …
    Giao Phòng Văn hóa - Xã hội tham mưu các nhiệm vụ 3, 5 và 7": an organisation item naming
    tasks of section III by number assigns them (it stays an item of its own). The clause's own
    subject, else the item's body, leads them when it "chủ trì", else joins them."""
    by_number = {task.number: task for task in tasks}
    kept: list[TaskSpec] = []
    for item in items:
        own = [item.lead] if item.lead else item.implementers
        # "Đảng ủy phường lãnh đạo Ủy ban nhân dân phường xây dựng kế hoạch …; chủ trì triển khai các nhiệm
        # vụ tại các mục 2, 3 …": the body led carries out what follows, not the one that leads it
        if item.lead and item.implementers and re.match(r"[^;]*?\b(?:lanh dao|chi dao)\b", fold(item.title)):
            own = item.implementers[:1]
        assigned: list[TaskSpec] = []
        # "Phân công thực hiện: X chủ trì các nhiệm vụ 3, 4 …; Y chủ trì nhiệm vụ 8 …" is a line of
        # assignments, no item; "X chủ trì các nhiệm vụ 2 đến 7" stays one, as most gold authors keep it
        only_assigns = bool(re.match(r"phan cong(?: thuc hien| nhiem vu)?:", fold(item.title)))
        for clause in re.split(r";\s*|(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", item.title):
            if not (_NAMES_A_TASK.search(clause) or _LETTERED_TASKS.search(clause)):
                # "… chủ trì thực hiện các nội dung 2.1, 2.2 …; phối hợp với Trung tâm … triển khai": its partners;
                # "…; thực hiện thường xuyên.", "…; hoàn thành làm sạch dữ liệu … trước ngày 31/12/2026": its time
                when = _clause_time(clause, start_year)
                only_assigns = only_assigns and bool(assigned) and (_names_partners(clause) or when[0] != "unspecified")
                _partners_of(assigned, clause, registry)
                _time_of(assigned, when)
                continue
            clause = re.sub(r"^Phân công(?: thực hiện| nhiệm vụ)?:\s*", "", clause, flags=re.IGNORECASE)
            found = _new_task("", "", "organisation", None, 0)
            _organisation_roles(found, clause, registry)
            bodies = [code for code in [found.lead, *found.implementers] if code] or own
            leads = bool(re.search(r"\bchu tri\b", fold(clause)))
            # "…; phối hợp với Trung tâm Dịch vụ việc làm thực hiện nhiệm vụ 2", "…; chủ trì, phối hợp với các
            # ngành, đoàn thể của xã thực hiện các nhiệm vụ tại mục 3, 4 …": the item's body and those partners
            partners = _named_partners(clause, fold(clause), registry) if re.match(r"\s*(?:chu tri,?\s+)?phoi hop voi\b", fold(clause)) else []
            assigned = _referenced(clause, by_number, tasks)
            # "… nhiệm vụ tại mục 6 Phần III, hoàn thành trước ngày 30/9/2027": the time after a comma
            if after := re.search(r",\s+((?:thực hiện|hoàn thành)\b[^,]*)$", clause):
                _time_of(assigned, read_timeline(after.group(1), start_year))
            for task in assigned:
                if leads and bodies and not task.lead:
                    task.lead = bodies[0]
                joining = [*bodies[1 if leads else 0 :], *partners]
                task.implementers.extend(code for code in dict.fromkeys(joining) if code not in task.implementers and code != task.lead)
        if not (only_assigns and assigned and not item.content):
            kept.append(item)
    _inherit_from_subtasks(tasks)
    return kept


def _clause_time(clause: str, start_year: int | None) -> tuple:
    """The time a clause of time alone states ("thực hiện hằng năm", "hoàn thành … trước ngày …")."""
    return read_timeline(clause, start_year) if re.match(r"(?:thuc hien|hoan thanh)\b", fold(clause)) else ("unspecified", None, None)


def _names_partners(clause: str) -> bool:
    """A clause "phối hợp với X, Y …" after an assignment: the partners of the work just assigned."""
    return bool(re.match(r"phoi hop voi\b", fold(clause)))


def _partners_of(tasks: list[TaskSpec], clause: str, registry: BodyRegistry) -> None:
    """The partners a clause "phối hợp với X, Y …" adds to the tasks just assigned."""
    if not _names_partners(clause):
        return
    partners = _named_partners(clause, fold(clause), registry)
    for task in tasks:
        task.implementers.extend(code for code in partners if code not in task.implementers and code != task.lead)


def _time_of(tasks: list[TaskSpec], when: tuple) -> None:
    """The time an organisation item states for the tasks it has just assigned, where they have none."""
    for task in tasks if when[0] != "unspecified" else []:
        if task.timeline_kind == "unspecified":
            task.timeline_kind, task.timeline_from_year, task.timeline_due = when


def _without_assignment_tables(paras: list[Para], tasks: list[TaskSpec], registry: BodyRegistry, start_year: int | None) -> list[Para]:
    """"1. Phân công thực hiện các nhiệm vụ tại Mục III" then a table "TT | Nhiệm vụ | Đơn vị chủ
    trì | …" in the organisation section assigns the tasks like an appendix does; the table and
    its heading are no organisation items."""
    spans = _assign_from_appendix(paras, tasks, registry, start_year) + _assign_from_body_table(paras, tasks, registry)
    dropped = {index for span in spans for index in span}
    for span in spans:  # "1. Phân công thực hiện" (then perhaps "Các nhiệm vụ … như sau:") before the table
        before = [i for i in (span.start - 1, span.start - 2) if i >= 0]
        if before and paras[before[0]].text.endswith(":") and len(before) > 1:
            dropped.add(before[0])
            before = before[1:]
        dropped |= {i for i in before[:1] if "phan cong" in fold(paras[i].text)}
    return [para for index, para in enumerate(paras) if index not in dropped]


def _body_table_columns(headings: list[str]) -> tuple[int, int, int] | None:
    """(body, leads, joins) columns of a table of assignments arranged by body ("Cơ quan, đơn vị |
    Chủ trì nhiệm vụ số | Phối hợp thực hiện nhiệm vụ số"), if the headings are those of one."""
    folded = [fold(heading) for heading in headings]
    body = next((i for i, h in enumerate(folded) if re.search(r"co quan|don vi", h) and not re.search(r"chu tri|phoi hop", h)), None)
    leads = next((i for i, h in enumerate(folded) if "chu tri" in h and re.search(r"nhiem vu|\bso\b", h)), None)
    joins = next((i for i, h in enumerate(folded) if "phoi hop" in h and re.search(r"nhiem vu|\bso\b", h)), None)
    return None if None in (body, leads, joins) else (body, leads, joins)


def _assign_from_body_table(paras: list[Para], tasks: list[TaskSpec], registry: BodyRegistry) -> list[range]:
    """"STT | Cơ quan, đơn vị | Chủ trì nhiệm vụ số | Phối hợp thực hiện nhiệm vụ số", one cell per
    line, rows "1 | Phòng Văn hóa - Xã hội | 1, 3, 4 | 2, 9" ("-" where none): the body leads the
    tasks of the one list and joins those of the other. A row numbered "I", "II" names a group of
    bodies ("Đề nghị các cơ quan, tổ chức phối hợp"). Returns the paragraphs each table spans."""
    by_number = {task.number: task for task in tasks}
    spans = []
    for start, para in enumerate(paras):
        if fold(para.text) not in TABLE_NUMBER_HEADINGS:
            continue
        index = start + 1
        while index < len(paras) and not _BODY_TABLE_ROW.match(paras[index].text):
            index += 1
        columns = _body_table_columns([p.text for p in paras[start + 1 : index]])
        if columns is None:
            continue
        width = index - start - 1
        while index < len(paras) and _BODY_TABLE_ROW.match(paras[index].text):
            if re.fullmatch(r"[IVX]+\.?", paras[index].text):  # the group's number and name
                index += 2
                continue
            cells = [p.text for p in paras[index + 1 : index + 1 + width]]
            index += 1 + width
            if len(cells) < width:
                break
            codes = registry.add_all(cells[columns[0]])
            for at, leads in ((columns[1], True), (columns[2], False)):
                for task in (by_number[n] for n in re.findall(r"\d+(?:\.\d+)*", cells[at]) if n in by_number):
                    rest = codes
                    if leads and codes and not task.lead:
                        task.lead, rest = codes[0], codes[1:]
                    task.implementers.extend(c for c in rest if c not in task.implementers and c != task.lead)
        spans.append(range(start, index))
    return spans


_BODY_TABLE_ROW = re.compile(r"^(?:\d{1,2}|[IVX]+)\.?$")


def _assign_from_appendix(paras: list[Para], tasks: list[TaskSpec], registry: BodyRegistry, start_year: int | None) -> list[range]:
    """"PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ", a table after the signature flattened one cell per line
    ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện"), gives each task
    of the tasks section that states nothing itself its bodies and timeline, by its number. A
    row with fewer cells (a group's name only, "2 | Huy động …") assigns nothing. A full row
    numbered under a group of the tasks section that has no such point ("3.1" under "3. Hỗ trợ
    sinh kế" and its bullets) is a task of its own, the row's task cell its title. Returns the
    paragraphs each such table spans."""
    by_number = {task.number: task for task in tasks}
    spans = []
    for start, para in enumerate(paras):
        if fold(para.text) not in TABLE_NUMBER_HEADINGS:
            continue
        index, roles = start + 1, []
        while index < len(paras) and not _APPENDIX_ROW.match(paras[index].text):
            roles.append(_column(paras[index].text))
            index += 1
        if "lead" not in roles or _body_table_columns([p.text for p in paras[start + 1 : index]]):
            continue  # (a table arranged by body: `_assign_from_body_table`)
        last = ()
        while index < len(paras) and _APPENDIX_ROW.match(paras[index].text):
            number = tuple(int(part) for part in paras[index].text.rstrip(".").split("."))
            if number <= last:  # "6", then "2": a page's number after the table, not a row
                break
            last = number
            end = index + 1
            while end < len(paras) and end - index <= 3 * len(roles) and not _APPENDIX_ROW.match(paras[end].text):
                end += 1
            cells = paras[index + 1 : end]
            # cells wrapped over lines, or text after the table's last row (a web page's "Tệp đính kèm …"):
            # the row as it stands when its time column reads as a time, else put back together
            if len(cells) > len(roles):
                plain = "timeline" in roles and _reads_as_time(cells[roles.index("timeline")].text, start_year)
                unwrapped = [] if plain else _unwrapped_cells(cells, start_year)
                if len(unwrapped) == len(roles):
                    cells = unwrapped
                else:
                    cells, end = cells[: len(roles)], index + 1 + len(roles)
            full_row = len(cells) == len(roles)
            title = cells[roles.index("title")].text if full_row and "title" in roles else ""
            number = _referenced_number(title, by_number) or paras[index].text.rstrip(".")
            task = by_number.get(number)
            if task is None and title and "." in number and number.rsplit(".", 1)[0] in by_number:
                task = _appendix_point(number, cells[roles.index("title")], tasks, by_number)
            if task is not None and full_row and not _assigned(task):
                for role, cell in zip(roles, cells):
                    if role in ("lead", "implementers", "timeline"):
                        _apply_label(task, role, cell.text, registry, start_year)
            index = end
        spans.append(range(start, index))
    _inherit_from_subtasks(tasks)
    return spans


def _referenced_number(title: str, by_number: dict[str, TaskSpec]) -> str | None:
    """The task a row's task cell points back to ("Bố trí quỹ đất … (mục III.1.2)"): the rows of such
    a table are counted on their own, so the row's number need not be the task's."""
    found = re.search(r"\((?:mục|điểm|nhiệm vụ)\s+(?:[IVX]+\.)?(\d+(?:\.\d+)*)\)\.?$", title.strip(), re.IGNORECASE)
    return found.group(1) if found and found.group(1) in by_number else None


def _appendix_point(number: str, title: Para, tasks: list[TaskSpec], by_number: dict[str, TaskSpec]) -> TaskSpec:
    """A new point of a group, placed after the group's last point so far."""
    parent = number.rsplit(".", 1)[0]
    task = _new_task(number, title.text, "tasks", parent, title.start)
    family = [i for i, t in enumerate(tasks) if t.number == parent or (t.number + ".").startswith(parent + ".")]
    tasks.insert(family[-1] + 1, task)
    by_number[number] = task
    return task


# "- Nhiệm vụ 3, điểm a: Phòng X chủ trì; Phòng Y phối hợp. Thời gian: hằng năm." in the
# organisation section assigns a task of section III; such lines (and the heading above them)
# are no organisation tasks of their own.
_REFERENCE = re.compile(r"^[-+•*–]?\s*Nhiệm vụ\s+(\d+(?:\.\d+)*)(?:,?\s*điểm\s+([a-zđ]))?\s*:\s*(.+)$", re.IGNORECASE)


# "a) Phòng X: chủ trì thực hiện các nhiệm vụ tại điểm 2, 3 và 9 Mục III; phối hợp thực hiện nhiệm vụ
# tại điểm 4 (nội dung b) Mục III.": the same assignments, listed by body instead of by task.
# Or "- Ban Tổ chức: Chủ trì tham mưu triển khai nội dung tại mục 7 Phần III; phối hợp thực hiện nội
# dung tại điểm c mục 4 Phần III." (mục = the task, điểm = its lettered point).
_BY_BODY = re.compile(
    r"^(?:\d{1,2}\.\s+|[a-zđ]\)|[-+•*–])?\s*(?:Đề nghị\s+)?(?P<body>[^:]{3,150}):\s*(?P<duty>(?:.*\b(?:điểm\s+\d.*\bMục|mục\s+\d.*\bPhần|khoản\s+\d.*\bMục)\s+[IVX]+\b"
    r"|(?:chủ trì|phối hợp)[^;]*\b(?:nhiệm vụ\s+(?:số\s+)?\d|nội dung\s+\d+\.\d|tất cả (?:các )?nhiệm vụ)).*)$",  # "1. Ban X: chủ trì thực hiện nhiệm vụ 2; phối hợp thực hiện nhiệm vụ 5."
    re.IGNORECASE,
)
# "- Trạm Y tế xã chủ trì nhiệm vụ 5; phối hợp thực hiện nhiệm vụ 6.": the same, in one sentence.
_BY_BODY_SENTENCE = re.compile(
    r"^(?:[a-zđ]\)|[-+•*–])?\s*(?:Đề nghị\s+)?(?P<body>[^:;]{3,150}?)\s+(?P<duty>(?:chủ trì|phối hợp)\b[^;]*?\b(?:nhiệm vụ\s+(?:số\s+)?\d|mục\s+\d+\.\d|mục\s+\d.*\bPhần\s+[IVX]+\b|(?:khoản|điểm)\s+\d.*\b(?:Mục|Phần)\s+[IVX]+\b).*)$"
)
# "1. Phòng Xây dựng nếp sống văn hóa và Gia đình" then "- Chủ trì thực hiện các nhiệm vụ tại điểm
# 1.1, 1.2 và 2.1 Phần III.": a bullet with no subject under a heading that names the body. Or a
# paragraph after a clause of the body's standing role ("Là cơ quan thường trực …; chủ trì tham mưu
# thực hiện nhiệm vụ tại mục 1 và mục 3 Phần III, …", "Là cơ quan thường trực, chủ trì …"); "Tổ chức
# thực hiện các nhiệm vụ tại mục 2, 3 và 6 Phần III trên địa bàn": the body carries out that work
# without leading it. ("- Chủ trì thực hiện nhiệm vụ 1 và nhiệm vụ 5; phối hợp thực hiện nhiệm vụ 6.": the
# tasks by their numbers alone.)
_DUTY_BULLET = re.compile(
    r"^[-+•*–]?\s*(?:[^;]*;\s*|Là (?:cơ quan|đơn vị)\b[^;,]*,\s*)??(?P<duty>(?:[Cc]hủ trì|[Pp]hối hợp|[Tt]ổ chức thực hiện)\b[^;]*?\b(?:(?:nhiệm vụ|mục|khoản|điểm)\s+\d.*\b(?:Mục|Phần)\s+[IVX]+\b|mục\s+\d+\.\d|nhiệm vụ\s+(?:số\s+)?\d{1,2}(?:\.\d{1,2})?\b(?![/.]\d)).*)$"
)
# "điểm a, điểm c mục 4", "điểm b khoản 1": points of a task named by its mục (or khoản, in a
# document whose parts are "Mục I, II, III").
_LETTERED_POINTS = re.compile(r"điểm\s+([a-zđ](?:\s*(?:,|và)\s*(?:điểm\s+)?[a-zđ])*)\s+(?:mục|khoản)\s+(\d+)", re.IGNORECASE)
_POINT = re.compile(r"(?:điểm\s+)?(\d+(?:\.\d+)*)(?:\s*\(nội dung\s+([^)]*)\))?")


def _assign_by_body(paras: list[Para], tasks: list[TaskSpec], registry: BodyRegistry, start_year: int | None = None) -> list[Para]:
    by_number = {task.number: task for task in tasks}
    rest: list[Para] = []
    heading_body = None  # the body a numbered heading names, when it names only a body
    asked = None  # the bodies a heading asks, "8. Đề nghị Đoàn Thanh niên, Hội Sinh viên Trường"
    for para in paras:
        if numbered := _NUMBERED.match(para.text):
            heading_body = _heading_body(numbered.group(2))
            asked = _heading_body(re.sub(r"^(?:Đề nghị|Kiến nghị)\s+", "", numbered.group(2)))
        line = _BY_BODY.match(para.text) or _BY_BODY_SENTENCE.match(para.text)
        if asked and not heading_body and not numbered and not line and (duty := _DUTY_BULLET.match(para.text)):
            # "- Phối hợp thực hiện nhiệm vụ 1 và nhiệm vụ 5.2; …" under it, no subject of its own: theirs,
            # and the content of their item (a bullet with a subject of its own stays that body's line)
            rest.append(para)
            _assign_duties(duty.group("duty"), registry.add_all(asked), by_number, tasks, registry, start_year)
            continue
        if heading_body and line and not _BODY_HEAD.match(fold(line.group("body")) + " "):
            line = None  # "Chủ trì, phối hợp với Đồn Biên phòng … mục 6 Phần III" under "4. Công an xã": no subject of its own
        if heading_body and not numbered and (line or (line := _DUTY_BULLET.match(para.text))):
            # the body's own duties, kept as the content of its organisation item
            body = line.groupdict().get("body") or heading_body
            rest.append(para)
        elif not line or not _BODY_HEAD.match(fold(line.group("body")) + " "):
            rest.append(para)
            continue
        else:
            body = line.group("body")
            if rest and _NUMBERED.match(rest[-1].text) and not rest[-1].text.endswith("."):
                rest.pop()  # the heading of such lines: "1. Phân công thực hiện", "2. Đề nghị các sở, ngành phối hợp"
        _assign_duties(line.group("duty"), registry.add_all(body), by_number, tasks, registry, start_year)
    _inherit_from_subtasks(tasks)
    return rest


def _assign_duties(duty: str, codes: list[str], by_number: dict[str, TaskSpec], tasks: list[TaskSpec], registry: BodyRegistry, start_year: int | None = None) -> None:
    """The clauses of one body's duties ("chủ trì … điểm 2, 3 Mục III; phối hợp … điểm 4 Mục III"):
    the body leads the points a clause saying "chủ trì" names and joins the others."""
    previous: list[TaskSpec] = []
    assigned: list[TaskSpec] = []  # all the line assigns: a time closing it is the time of each
    for clause in re.split(r";\s*", duty):
        # "…; Phòng giao dịch Ngân hàng Chính sách xã hội … phối hợp thực hiện nhiệm vụ số 9": another body's duty
        if (other := _BY_BODY_SENTENCE.match(clause)) and _BODY_HEAD.match(fold(other.group("body")) + " ") and previous:
            codes, clause = registry.add_all(other.group("body")), other.group("duty")
        leads = "chu tri" in fold(clause)
        referenced = _referenced(clause, by_number, tasks)
        if not referenced:
            # "Chủ trì … điểm 3.1, 3.2 Phần III; phối hợp với Trung tâm Huấn luyện … tổ chức các giải":
            # the partner of the work just assigned
            _partners_of(previous, clause, registry)
        # "… mục 6 Phần III; thực hiện thường xuyên.": the time of the work just assigned ("chủ trì các
        # nhiệm vụ 3 và 5 …; chủ trì các nhiệm vụ 4, 6 và 7; thực hiện hằng năm.": of all the line assigned;
        # after a duty of its own, "…; tham mưu bố trí nguồn vốn …; hoàn thành rà soát … hằng năm", of that duty)
        when = _clause_time(clause, start_year) if not referenced else ("unspecified",)
        _time_of(assigned, when)
        if not referenced and when[0] == "unspecified" and not _names_partners(clause):
            assigned = []
        # "chủ trì … mục 2 Phần III, phối hợp với Phòng giao dịch …": the partners of that work
        partners = _named_partners(clause, fold(clause), registry) if referenced and leads else []
        for task in referenced:
            if leads and codes and not task.lead:
                task.lead = codes[0]
            task.implementers.extend(c for c in [*codes[0 if not leads else 1 :], *partners] if c not in task.implementers and c != task.lead)
        previous = referenced or previous
        assigned.extend(task for task in referenced if task not in assigned)


def _referenced(clause: str, by_number: dict[str, TaskSpec], tasks: list[TaskSpec]) -> list[TaskSpec]:
    """The tasks "tại điểm 2, 3, 4 và 9", "điểm 4 (nội dung a)", "điểm 2 (nội dung 2.1 và 2.2)" name.
    A whole point with points of its own is assigned through them (its own bodies are what they share)."""
    found: list[TaskSpec] = []
    if re.search(r"\btất cả (?:các )?nhiệm vụ\b", clause, re.IGNORECASE):  # "phối hợp thực hiện tất cả các nhiệm vụ"
        return [task for task in tasks if task.parent_number is None]
    if span := re.search(r"\btừ (?:mục|nhiệm vụ)\s+(\d+) đến (?:mục|nhiệm vụ)\s+(\d+)", clause, re.IGNORECASE):  # "từ mục 2 đến mục 7"
        return [by_number[str(n)] for n in range(int(span.group(1)), int(span.group(2)) + 1) if str(n) in by_number]
    if re.search(r"\b(?:mục|khoản)\s+\d", clause, re.IGNORECASE):  # "tại các mục 2, 3, 6 và điểm a mục 4 Phần III"
        for letters, number in _LETTERED_POINTS.findall(clause):
            found.extend(by_number[name] for name in (f"{number}.{letter}" for letter in re.findall(r"\b[a-zđ]\b", letters)) if name in by_number)
        rest = _LETTERED_POINTS.sub(" ", clause).split("Phần")[0]
        for numbers in re.findall(r"\b(?:mục|khoản)\s+(\d+(?:\.\d+)*(?:\s*(?:,|và)\s*(?:mục\s+|khoản\s+)?\d+(?:\.\d+)*)*)", rest, re.IGNORECASE):
            for number in re.findall(r"\d+(?:\.\d+)*", numbers):  # ("mục 3.1, 3.3 và 3.6": the points themselves)
                found.extend(by_number[name] for name in _through_points(number, tasks, by_number) if name in by_number)
        return found
    for letters, number in re.findall(r"điểm\s+([a-zđ](?:\s*(?:,|và)\s*(?:điểm\s+)?[a-zđ])*)\s+(?:của\s+)?nhiệm vụ\s+(\d+)", clause):
        # "điểm b nhiệm vụ 2": the point of a task named by its number
        found.extend(by_number[name] for name in (f"{number}.{letter}" for letter in re.findall(r"\b[a-zđ]\b", letters)) if name in by_number)
    clause = re.sub(r"điểm\s+[a-zđ](?:\s*(?:,|và)\s*(?:điểm\s+)?[a-zđ])*\s+(?:của\s+)?nhiệm vụ\s+\d+", " ", clause)
    for letters in _LETTERED_TASKS.findall(clause):  # "nội dung a, b mục III": the tasks "a)", "b)" of the part
        found.extend(by_number[letter] for letter in re.findall(r"\b[a-zđ]\b", letters) if letter in by_number)
    at = re.search(r"điểm|nhiệm vụ|nội dung\s+\d", clause)  # ("nội dung 1.2 và 4.1": the points by another name)
    for number, parts in _POINT.findall(clause[at.start():].split("Mục")[0] if at else ""):
        if parts:
            names = [p if "." in p else f"{number}.{p}" for p in re.findall(r"\d+(?:\.\d+)+|\b[a-zđ]\b", parts)]
        else:
            names = _through_points(number, tasks, by_number)
        found.extend(by_number[name] for name in names if name in by_number)
    return found


def _through_points(number: str, tasks: list[TaskSpec], by_number: dict[str, TaskSpec]) -> list[str]:
    """The tasks a reference to task `number` assigns: its subtasks "2.1", "2.2" when it has them;
    itself when its only points are "a)", "b)" that nothing assigns on their own (they are its
    content, and go with it)."""
    children = [t.number for t in tasks if t.parent_number == number]
    lettered = children and all(re.fullmatch(r".+\.[a-zđ]", child) for child in children)
    if lettered and not any(_assigned(by_number[child]) for child in children if child in by_number):
        return [number]
    return children or [number]


def _assign_by_reference(paras: list[Para], tasks: dict[str, TaskSpec], registry: BodyRegistry, start_year: int | None) -> list[Para]:
    rest: list[Para] = []
    for para in paras:
        reference = _REFERENCE.match(para.text)
        number = reference and (f"{reference.group(1)}.{reference.group(2)}" if reference.group(2) else reference.group(1))
        if not reference or number not in tasks:
            rest.append(para)
            continue
        task = tasks[number]
        for sentence in re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", reference.group(3)):
            label = _label(sentence)
            if label and label[0] == "timeline":
                _apply_label(task, *label, registry, start_year)
            elif not (task.lead or task.implementers):
                _prose_roles(task, sentence, registry, start_year)
    if len(rest) < len(paras) and rest and _NUMBERED.match(rest[0].text) and "phan cong" in fold(rest[0].text):
        rest = rest[1:]  # "1. Phân công thực hiện các nhiệm vụ tại mục III": the heading of those lines
    return rest


# Inside a part lettered "C. NHIỆM VỤ, GIẢI PHÁP", its Roman sections "I. Giảm nghèo …" group the
# numbered tasks, which run on from one section to the next.
_ROMAN_GROUP = re.compile(r"^([IVX]+)\.\s+(\S.*)$")


_PART_LETTERS = tuple("ABCDĐEFGH")


def _section_tasks(paras: list[Para], registry: BodyRegistry, start_year: int | None = None, roman_groups: bool = False) -> list[TaskSpec]:
    table = next((i for i, para in enumerate(paras) if fold(para.text) in TABLE_NUMBER_HEADINGS), None)
    known: dict[str, TaskSpec] = {}
    if table is not None:  # "TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian", one cell per line
        known = {task.number: task for task in _table_tasks(paras[table + 1 :], registry, start_year)}
        paras = paras[:table]
    current: TaskSpec | None = None
    group: str | None = None
    roman: str | None = None  # "I. Giảm nghèo đô thị …": a group of the numbered tasks under it
    for para in paras:
        numbered, lettered = _NUMBERED.match(para.text), _LETTERED.match(para.text)
        if roman_groups and (heading := _ROMAN_GROUP.match(para.text)) and heading.group(1) not in known:
            roman = heading.group(1)
            current = _new_task(roman, heading.group(2), "tasks", None, para.start)
        elif numbered:
            number = numbered.group(1)
            parent = _parent_of(number, known) or (roman if "." not in number else None)
            current = _new_task(number, numbered.group(2), "tasks", parent, para.start)
            group = number if "." not in number else group
        elif lettered:
            number = f"{group}.{lettered.group(1)}" if group else lettered.group(1)
            current = _new_task(number, lettered.group(2), "tasks", group, para.start)
        elif current is not None:
            labels = _labels(para.text)
            for label in labels:
                _apply_label(current, *label, registry, start_year)
            if not labels:
                current.content.append(_BULLET.sub("", para.text))
            elif closing := _CLOSING_LABELS.match(para.text):
                current.content.append(_BULLET.sub("", closing.group("prose")))  # the work, before its bracket
            continue
        else:
            continue
        if current.number not in known:
            known[current.number] = current
    tasks = _fold_unassigned_letters(list(known.values()))
    _assign_by_heading_body(tasks, registry, start_year)
    for task in tasks:
        if not (task.lead or task.implementers):
            _roles_from_sentences(task, registry, start_year)
        if task.timeline_kind == "unspecified":
            _timeline_sentence(task, registry, start_year)
    _inherit_from_subtasks(tasks)
    return tasks


# "1. Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06) - đơn vị thường trực" then its
# points "b) Chủ trì, phối hợp với Sở Y tế …": a tasks section arranged by body.
_DUTY_OPENING = re.compile(r"^(?:chu tri|phoi hop|tham muu|la don vi|la co quan)\b")


def _assign_by_heading_body(tasks: list[TaskSpec], registry: BodyRegistry, start_year: int | None) -> None:
    """When two or more groups of the tasks section are headed by a body's name alone and some of
    their points open with a duty and no subject ("Chủ trì, phối hợp với …"), each such heading's
    body leads its points (or the group itself when it has none); the bodies a point names after
    "phối hợp với" are its implementers, and a closing "Thực hiện thường xuyên." its timeline."""
    groups = [(task, name) for task in tasks if task.parent_number is None and (name := _heading_body(task.title))]
    points_of = {task.number: [t for t in tasks if t.parent_number == task.number] for task, _ in groups}
    dutiful = [g for g, _ in groups if any(_DUTY_OPENING.match(fold(_BULLET.sub("", text))) for p in points_of[g.number] or [g] for text in _texts(p))]
    if len(dutiful) < 2:
        return
    for group, name in groups:
        body = registry.add(name)
        group.lead = group.lead or body
        points = points_of[group.number]
        for task in points or [group]:
            task.lead = task.lead or body
            text = " ".join(_texts(task)) if points else " ".join(group.content)
            for partner in _named_partners(text, fold(text), registry):
                if partner not in task.implementers and partner != task.lead:
                    task.implementers.append(partner)
            if task.timeline_kind == "unspecified":
                for sentence in reversed(re.split(r"(?<=[.;])\s+", text)):
                    kind, from_year, due = read_timeline(sentence, start_year) if re.match(r"(?:Thực hiện|Hoàn thành|Thời gian)", sentence) else ("unspecified", None, None)
                    if kind != "unspecified":
                        task.timeline_kind, task.timeline_from_year, task.timeline_due = kind, from_year, due
                        break


def _texts(task: TaskSpec) -> list[str]:
    return [task.title, *task.content]


def _heading_body(title: str) -> str | None:
    """"Phòng Tham mưu", "Công an các xã, phường", "Phòng Cảnh sát kinh tế (PC03)": a body's name and
    nothing else (an abbreviation in brackets and "- đơn vị thường trực" dropped)."""
    name = re.sub(r"\s*\([A-ZĐ0-9]{2,8}\)|\s+[-–]\s+(?:đơn vị|cơ quan) thường trực$", "", title.strip().rstrip(".:")).strip()
    folded = fold(name)
    if max((len(part.split()) for part in split_bodies(name)), default=0) > 15 or _VERB.search(folded) or not _BODY_HEAD.match(folded + " ") or re.match(r"phong[, ]+chong", folded):
        return None
    return name


def _timeline_sentence(task: TaskSpec, registry: BodyRegistry, start_year: int | None) -> None:
    """"… theo quy định. Thời gian thực hiện: hằng năm.": a time label closing the task's text,
    whoever the task is assigned to (the bodies may be named elsewhere); failing that, a time in
    a bracket closing the heading ("1. Rà soát … (hoàn thành trong Quý II/2026)", the bracket
    sometimes on a line of its own) or a sentence of time alone closing the text ("… Thực hiện
    hằng năm.", "Hoàn thành trước ngày 31/12/2028.")."""
    for text in [task.title, *task.content]:
        for sentence in re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", text):
            label = _label(sentence)
            if label and label[0] == "timeline":
                _apply_label(task, *label, registry, start_year)
                return
    # "… bằng tiếng Việt và tiếng Khmer. (Thời gian: quý III/2026)": a bracket of time alone closing the text
    for text in reversed([task.title, *task.content]):
        bracket = re.search(r"\(([^()]+)\)\.?\s*$", text)
        if bracket and (label := _label(bracket.group(1))) and label[0] == "timeline":
            _apply_label(task, *label, registry, start_year)
            return
    phrase = _heading_time(task) or (_closing_time(task.content[-1]) if task.content else None)
    if phrase:
        task.timeline_kind, task.timeline_from_year, task.timeline_due = read_timeline(phrase, start_year, labelled=True)
        task.timeline_text = task.timeline_text or phrase.strip().rstrip(".")


_TIME_WORDS = r"(?:trong\s+|tu\s+)?(?:thuong xuyen|lien tuc|hang nam|hang quy|tung nam|moi nam|dinh ky|giai doan|nam \d{4}|quy [ivx\d]+|thang \d|truoc|ky )"


# "Hoàn thành kiện toàn trong năm 2026.": a verb of doing, a few words of what, then the time;
# or the time alone, "Năm 2026 và các năm tiếp theo."
_CLOSING_TIME = re.compile(r"(?:hoan thanh|thuc hien|trien khai)((?:\s+[^\s,;.()]+){0,10}?)\s+" + _TIME_WORDS)  # (a short sentence: below)
_TIME_ALONE = re.compile(
    r"(?:trong\s+)?(?:nam \d{4}(?: va cac nam tiep theo|\s*-\s*\d{4})?|giai doan \d{4}\s*-\s*\d{4}|tu nam \d{4}|hang nam|thuong xuyen|lien tuc|quy [ivx]+/\d{4})\.?"
)


def _closing_time(text: str) -> str | None:
    """The time of the sentence closing a task's text when it says only that ("… Thực hiện hằng
    năm.", "Hoàn thành trước ngày 31/12/2028.", "Năm 2026 và các năm tiếp theo."), also in brackets
    ("… tại các thôn. (Thực hiện thường xuyên)"); "hằng năm" inside a sentence of the work is not."""
    text = text.strip()
    bracket = re.search(r"\(([^()]+)\)\.?$", text)
    last = (bracket.group(1) if bracket else re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", text)[-1]).strip()
    folded = fold(last)
    verb_then_time = _CLOSING_TIME.match(folded)
    # (a bracket closing the text holds its time alone: "(hoàn thành rà soát học sinh … trước ngày 30/9/2026)")
    if (verb_then_time and (not verb_then_time.group(1) or len(folded.split()) <= (16 if bracket else 12))) or _TIME_ALONE.fullmatch(folded):
        return last
    # "Hằng năm, trọng tâm dịp Tết Nguyên đán …": the time first, then when within it
    opening = folded.split(",")[0]
    if "," in folded and _TIME_ALONE.fullmatch(opening.strip()) and re.match(r",\s*(?:trong tam|tap trung|nhat la|chu yeu)\b", folded[len(opening):]):
        return last[: len(opening)]
    return None


def _heading_time(task: TaskSpec) -> str | None:
    """The time of "… (hoàn thành trong Quý II/2026)" closing the heading, or of a first line
    "(năm 2026 - 2027)" under it; fold() keeps positions, so the span cuts the original."""
    for text in [task.title, *task.content[:1]]:
        found = re.search(r"\(((?:hoan thanh|thuc hien|trien khai)?\s*" + _TIME_WORDS + r"[^()]*)\)\.?\s*$", fold(text))
        if found and (text is task.title or found.start() == len(text) - len(text.lstrip())):
            return text[found.start(1) : found.end(1)]
    return None


# --- tasks in a table flattened to text: the heading cells, then per row its number and cells ------

_ROW_NUMBER = re.compile(r"^(\d+(?:\.\d+)*|[a-zđ]|[IVX]+|[A-H])[.)]?$")
_COLUMN_KEYS = (
    ("timeline", ("thoi gian", "thoi han", "tien do")), ("lead", ("chu tri", "chi dao")),
    ("implementers", ("phoi hop", "thuc hien", "tham muu")), ("title", ("nhiem vu", "noi dung", "giai phap")),
)


def _column(heading: str) -> str:
    folded = fold(heading)
    return next((kind for kind, keys in _COLUMN_KEYS if any(key in folded for key in keys)), "other")  # "Sản phẩm", "Ghi chú"


def _table_tasks(paras: list[Para], registry: BodyRegistry, start_year: int | None) -> list[TaskSpec]:
    """Rows of a task table: a line with the row's number ("1", "4.1", "a"), then one line per
    cell. A row with its title only is a group heading (a merged row); its subtasks follow."""
    first_row = next((i for i, para in enumerate(paras) if _ROW_NUMBER.match(para.text)), len(paras))
    columns = [_column(para.text) for para in paras[:first_row]]
    roles = columns[columns.index("title") + 1 :] if "title" in columns else columns[1:]
    rows: list[tuple[str, int, list[Para]]] = []
    for para in paras[first_row:]:
        if _LEGEND.match(para.text):  # "Ghi chú: CTĐ: Chữ thập đỏ; …" under the table: no cell of its last row
            break
        number = _ROW_NUMBER.match(para.text)
        if number:
            rows.append((number.group(1), para.start, []))
        else:
            rows[-1][2].append(para)
    known: dict[str, TaskSpec] = {}
    group = part = None  # the row "1" points "a", "b" belong to; the row "I" rows "1", "2" belong to
    for number, start, lines in rows:
        cells = [line.text for line in lines]
        if len(cells) > len(roles) + 1 and len(unwrapped := _unwrapped_cells(lines, start_year)) == len(roles) + 1:
            cells = [line.text for line in unwrapped]
        if not cells or fold(cells[0]) in TABLE_NUMBER_HEADINGS:  # a page's number, then the header row again
            continue
        if re.fullmatch(r"[IVX]+|[A-H]", number):  # "I | CÔNG TÁC TUYÊN TRUYỀN", "A | …": a part of the table
            part, group = number, None
        elif number.isalpha():  # "a": a point of the group above
            number = f"{group}.{number}" if group else number
        elif "." not in number:
            group = number
        parent = _parent_of(number, known) or (part if part and "." not in number and number != part else None)
        task = _new_task(number, cells[0], "tasks", parent, start)
        # a column "Phân công thực hiện" holding "Chủ trì: X" and "Phối hợp: Y" as lines of their own
        labels = [label for cell in cells[1:] if (label := _label(cell)) and label[0] in ("lead", "implementers", "timeline")]
        plain = [cell for cell in cells[1:] if not _label(cell)]
        for kind, value in labels:
            _apply_label(task, kind, value, registry, start_year)
        given = {kind for kind, _ in labels}
        open_roles = [role for role in roles if role not in given and not (given & {"lead", "implementers"} and role in ("lead", "implementers"))]
        for kind, value in _cells_by_column(plain, open_roles if labels else roles, start_year):
            if kind in ("lead", "implementers", "timeline"):
                _apply_label(task, kind, value, registry, start_year)
        known[number] = task
    return list(known.values())


def _unwrapped_cells(lines: list[Para], start_year: int | None) -> list[Para]:
    """A PDF's table cell that wrapped leaves a line per line of it. A line goes on the cell above
    when it opens in lower case, follows a line ending in ",", ";", "-" or "và", or opens neither
    like a body's name nor with a time ("Ủy ban Mặt trận Tổ quốc" / "Việt Nam phường; Đoàn" /
    "Thanh niên phường" is one cell); a time is a cell of its own ("Mô hình tại chi hội" after it
    is the next column's)."""
    cells: list[Para] = []
    for line in lines:
        new_cell = not cells or _reads_as_time(cells[-1].text, start_year) or (
            not line.text[:1].islower()
            and not re.search(r"(?:[,;\-–]|\svà)$", cells[-1].text)
            and (bool(_BODY_HEAD.match(fold(line.text) + " ")) or _reads_as_time(line.text, start_year))
        )
        if new_cell:
            cells.append(line)
        else:
            above = cells[-1]
            shift = len(above.text) + 1
            cells[-1] = Para(f"{above.text} {line.text}", above.start, [*above.pieces, *((shift + pos, at) for pos, at in line.pieces)])
    return cells


def _reads_as_time(cell: str, start_year: int | None) -> bool:
    """Whether a table's cell states a time; "Hằng năm" does even when the program states no first
    year (any year will do to tell the kind)."""
    return read_timeline(cell, start_year or 2000)[0] != "unspecified"


def _cells_by_column(cells: list[str], roles: list[str], start_year: int | None) -> list[tuple[str, str]]:
    """A row whose empty cells left no line has fewer cells than columns, one whose cell ran over
    two lines more. A cell that reads as a time anchors the row: the cells before it fill the
    columns before the time column from the left (any surplus joining the last of them: "Công an
    thành phố" / "Sở Văn hóa và Thể thao" are two partners), those after it the columns after."""
    if len(cells) == len(roles) or "timeline" not in roles or not cells:
        return list(zip(roles, cells))
    at = roles.index("timeline")
    timed = [i for i, cell in enumerate(cells) if i > 0 and _reads_as_time(cell, start_year)]
    if not timed:
        return list(zip(roles, cells))
    time = min(timed, key=lambda i: abs(i - at))
    before, before_roles = cells[:time], roles[:at]
    if len(before) > len(before_roles) and before_roles:
        kept = len(before_roles) - 1
        before = [*before[:kept], "; ".join(before[kept:])]
    return [*zip(before_roles, before), ("timeline", cells[time]), *zip(roles[at + 1 :], cells[time + 1 :])]


def _prose_roles(task: TaskSpec, text: str, registry: BodyRegistry, start_year: int | None = None) -> None:
    """Roles stated in words: "X chủ trì, phối hợp với Y thực hiện", "X chỉ đạo Y, Z thực hiện",
    "X chủ trì; Y, Z phối hợp" (clauses at ";" read one by one, the first lead kept). "Ban Thường
    vụ giao X chủ trì …": the body that assigns is none of the task's."""
    text = re.sub(r"^[^,;]{3,60}?\s+giao(?: cho)?\s+(?=[A-ZĐ])", "", text.strip())
    # "Rà soát hộ nghèo, hộ cận nghèo: Chi cục Phát triển nông thôn chủ trì, …": the point's name, then its roles
    run_in = re.match(r"[^:;.]{3,120}:\s+(?=\w)", text)  # (not a label "…; thời gian: quý II/2027")
    if run_in and text[run_in.end()].isupper() and not _label(text) and not _BODY_HEAD.match(fold(text) + " ") and _BODY_HEAD.match(fold(text[run_in.end() :]) + " "):
        text = text[run_in.end() :]
    for clause in re.split(r";\s*", text.strip().rstrip(".")):
        label = _label(clause)
        # "(X chủ trì, phối hợp với Y thực hiện; thời gian: hằng năm)"; "… dân cư. Chủ trì: Phòng X; phối hợp: Y; thời gian: …"
        if label and label[0] in ("timeline", "lead", "implementers"):
            _apply_label(task, *label, registry, start_year)
            continue
        if task.lead and _names_partners(clause):  # "X là đầu mối tham mưu …; phối hợp với Y tổ chức giám sát": X's partners
            task.implementers.extend(c for c in _named_partners(clause, fold(clause), registry) if c not in task.implementers and c != task.lead)
            continue
        found = _new_task("", "", "tasks", None, 0)
        _organisation_roles(found, clause, registry)
        if not (found.lead or found.implementers) and not _VERB.search(fold(clause)) and _BODY_HEAD.match(fold(clause) + " "):
            found.implementers = registry.add_all(clause)  # "Phân công: A, B, C." names the bodies only
        if found.lead and not task.lead:
            task.lead = found.lead
        elif found.lead and found.lead not in task.implementers and found.lead != task.lead:
            task.implementers.append(found.lead)
        task.implementers.extend(c for c in found.implementers if c not in task.implementers and c != task.lead)


# "(Phòng Nội vụ chủ trì, phối hợp với … thực hiện hằng năm)", or a sentence of the same kind.
_ROLE_SENTENCE = re.compile(r"\b(?:chu tri|(?<!ban )chi dao|la dau moi)\b|^giao\s.*\blanh dao\b")  # ("Giao X lãnh đạo; Y, Z tổ chức thực hiện")


def _roles_from_sentences(task: TaskSpec, registry: BodyRegistry, start_year: int | None) -> None:
    """A task with no label lines may name its bodies in a sentence of its text, in brackets at
    the end of its title, or in a paragraph of its own; the first such sentence is taken."""
    bracketed = re.findall(r"\(([^()]{10,})\)", task.title)
    for chunk in bracketed:  # "… công khai (Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian thực hiện: …)."
        labels = _labels(chunk)
        # "1. Rà soát danh sách hộ (hoàn thành trước ngày 28/02/2025)": a heading's bracket holding its time only
        if not labels and re.match(r"(?:hoàn thành|thực hiện|trước|trong|hằng|thường xuyên|từ|quý|tháng|năm)\b", chunk, re.IGNORECASE):
            if read_timeline(chunk, start_year)[0] != "unspecified" and not re.search(r"\bchu tri\b|\bphoi hop\b", fold(chunk)):
                labels = [("timeline", chunk)]
        if not labels:
            continue
        for kind, value in labels:  # "(thời hạn: hằng năm, theo lịch …)" alone: the bodies are assigned elsewhere
            _apply_label(task, kind, value, registry, start_year)
        task.title = task.title.replace(f"({chunk})", "").strip().rstrip(".").strip()
        if any(kind != "timeline" for kind, _ in labels):
            return
        bracketed.remove(chunk)
        break
    texts = [re.sub(r"^\((.*)\)\.?$", r"\1", text) for text in [task.title, *task.content]]  # a paragraph in brackets
    # "… cài đặt ứng dụng VssID (Phòng Công nghệ thông tin chủ trì, phối hợp với Công an tỉnh; hoàn
    # thành … trước ngày 30/9/2026).": a bracket of roles closing a paragraph of the task's content
    closing = [found.group(1) for text in task.content if (found := re.search(r"\(([^()]{10,})\)\.?$", text.strip()))]
    sentences = bracketed + closing + [part for text in texts for part in re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", text)]
    # "Thường trực HĐND phường, Ủy ban MTTQ phường thực hiện theo chương trình giám sát hằng năm."
    # (bodies, then "thực hiện" and at most when or how: a sentence describing the work does not count)
    doers = [s for s in sentences if _BODY_HEAD.match(fold(s) + " ") and re.match(
        r"^[^,;]{3,80}(?:,[^,;]{3,80})*\s+thuc hien(?:\s+(?:theo|trong|hang|thuong|tu|den|giai doan)\b[^;]*)?\.?$", fold(s))]
    # "Ủy ban Mặt trận Tổ quốc … và các tổ chức chính trị - xã hội tỉnh tăng cường giám sát …; vận động …":
    # the last paragraph of a task, a body's own work, names its implementers
    # ("Thanh tra, kiểm tra việc …" opens with two verbs, no body)
    # (a point of one paragraph, "c) Hội Cựu chiến binh phường phối hợp với Ủy ban nhân dân phường thăm hỏi …": its title)
    own_work = task.content[-1] if task.content else task.title if re.search(r"(?:^|\.)[a-zđ]$", task.number) else ""
    last = fold(own_work)
    verb = _VERB.search(last)
    workers = [own_work] if verb and _BODY_HEAD.match(last + " ") and not last[: verb.start()].rstrip().endswith(",") else []
    for sentence in [s for s in sentences if _ROLE_SENTENCE.search(fold(s))] + doers[-1:] + workers:
        _prose_roles(task, sentence, registry, start_year)
        if task.lead or task.implementers:
            if task.timeline_kind == "unspecified":  # "… thực hiện. Thời gian: thường xuyên."
                timeline = next((label for part in sentences if (label := _label(part)) and label[0] == "timeline"), None)
                if timeline:
                    _apply_label(task, *timeline, registry, start_year)
            if task.timeline_kind == "unspecified":
                # "X chủ trì, phối hợp với Y thực hiện; hoàn thành năm 2028.": the clause of time after the roles
                clauses = [when for clause in re.split(r";\s*", sentence)[1:] if (when := _clause_time(clause.strip(), start_year))[0] != "unspecified"]
                kind, from_year, due = clauses[-1] if clauses else read_timeline(sentence, start_year)
                if kind != "unspecified":
                    task.timeline_kind, task.timeline_from_year, task.timeline_due = kind, from_year, due
            if bracketed and sentence == bracketed[0]:
                task.title = task.title.replace(f"({sentence})", "").strip()
            return


def _fold_unassigned_letters(tasks: list[TaskSpec]) -> list[TaskSpec]:
    """Points a), b), c) of a group whose bodies and timeline are stated once, after the last
    point, are the group's content, and those lines are the group's: "4. … a) … b) … c) …
    Cơ quan chủ trì: …" is one task. Points that each state their own stay subtasks."""
    result = list(tasks)
    for group in tasks:
        letters = [t for t in tasks if t.parent_number == group.number and re.fullmatch(r".+\.[a-zđ]", t.number)]
        # (a point whose own sentence assigns it, "Giao Ban X chủ trì …", is assigned too; a closing
        # paragraph "Trung tâm X chủ trì thực hiện; Y phối hợp. Thời gian: …" after the last point
        # assigns the group)
        last = letters[-1] if letters else None
        closing = bool(last and last.content and _ROLE_SENTENCE.search(fold(last.content[-1])))
        if not letters or _assigned(group) or any(_assigned(t) or _assigning_sentence(t) for t in letters[:-1]) or not (_assigned(last) or closing):
            continue
        last = letters[-1]
        group.lead, group.implementers = last.lead, last.implementers
        group.timeline_kind, group.timeline_from_year, group.timeline_due, group.timeline_text = (
            last.timeline_kind, last.timeline_from_year, last.timeline_due, last.timeline_text)
        for point in letters:
            group.content.extend([point.title, *point.content])
            result.remove(point)
    return result


def _assigning_sentence(task: TaskSpec) -> bool:
    return any(_ROLE_SENTENCE.search(fold(text)) for text in _texts(task))


def _assigned(task: TaskSpec) -> bool:
    return bool(task.lead or task.implementers or task.timeline_kind != "unspecified")


def _inherit_from_subtasks(tasks: list[TaskSpec]) -> None:
    """A group that states nothing itself takes the lead and timeline all its subtasks share."""
    for task in tasks:
        children = [child for child in tasks if child.parent_number == task.number]
        if not children:
            continue
        leads = {child.lead for child in children}
        timelines = {(child.timeline_kind, child.timeline_from_year, child.timeline_due) for child in children}
        if len(leads) == 1 and not (task.lead or task.implementers):
            task.lead = leads.pop()
        if len(timelines) == 1 and task.timeline_kind == "unspecified":
            task.timeline_kind, task.timeline_from_year, task.timeline_due = timelines.pop()
        elif task.timeline_kind == "unspecified" and {kind for kind, _, _ in timelines} == {"yearly_from"}:
            # "hằng năm" (from the program's first year) and "năm 2026 và các năm tiếp theo": yearly from the first
            task.timeline_kind, task.timeline_from_year = "yearly_from", min(year or 0 for _, year, _ in timelines) or None


def _organisation_tasks(paras: list[Para], registry: BodyRegistry, numeral: str = "IV", start_year: int | None = None) -> list[TaskSpec]:
    """One task per item; when the items are numbered, "-" bullets under an item are its content."""
    numbered_items = any(_NUMBERED.match(para.text) for para in paras)
    tasks: list[TaskSpec] = []
    for para in paras:
        if sub_part := part_numeral(para.text):  # "II. TRÁCH NHIỆM THỰC HIỆN" inside "PHẦN THỨ BA": its items are II.1 …
            numeral = sub_part
            continue
        numbered, lettered, bullet = _NUMBERED.match(para.text), _LETTERED.match(para.text), _BULLET.match(para.text)
        if bullet and numbered_items and tasks and not (numbered or lettered):
            tasks[-1].content.append(para.text[bullet.end() :])
            continue
        if not (numbered or lettered or bullet):
            if tasks and not tasks[-1].content and _heading_body(re.sub(r"^Đề nghị\s+", "", tasks[-1].title)):
                tasks[-1].content.append(para.text)  # "1. Văn phòng Ban" then its duties in a paragraph
            continue
        text = numbered.group(2) if numbered else lettered.group(2) if lettered else para.text[bullet.end() :]
        # Numbered items keep the document's number (V.2 … when V.1 only assigned section III's tasks).
        number = numbered.group(1) if numbered and "." not in numbered.group(1) else str(len(tasks) + 1)
        tasks.append(_new_task(f"{numeral}.{number}", text, "organisation", None, para.start))
    for task in tasks:
        _organisation_roles(task, task.title, registry, "\n".join(task.content))
        _further_subjects(task, registry)
        _bodies_asked_in_bullets(task, registry)
        # the item's own words, or those of the duties under a heading that only names the body
        said = " ".join([task.title, *task.content]) if _heading_body(re.sub(r"^Đề nghị\s+", "", task.title)) else task.title
        said = re.sub(r"\b(?:sơ kết|tổng kết)\b[^.;]*", "", said, flags=re.IGNORECASE)  # the reviews' dates are no deadline of the item
        if _DATE.search(said) or _MONTH.search(said) or _QUARTER.search(said):
            task.timeline_kind, task.timeline_from_year, task.timeline_due = read_timeline(said)
        elif done := _DONE_IN_YEAR.search(said):
            task.timeline_kind, task.timeline_from_year, task.timeline_due = read_timeline(done.group(1))
        elif re.search(r"(?<!giao duc )(?<!chi )\bthuong xuyen\b", fold(said)):  # ("dự toán chi thường xuyên": recurrent spending)  # ("Trung tâm … Giáo dục thường xuyên": a name)
            task.timeline_kind = "continuous"
        elif start_year and re.search(r"\bchuong trinh (?:kiem tra, giam sat|giam sat|kiem tra) hang nam\b|\b(?:kinh phi|ngan sach|nguon luc)\b[^.;]*\b(?:du toan|ke hoach tai chinh)\b[^.;]*\bhang nam\b", fold(said)):
            # "Ủy ban Kiểm tra … đưa … vào chương trình kiểm tra, giám sát hằng năm": checked every year;
            # "… bố trí kinh phí (nguồn lực) thực hiện Kế hoạch trong dự toán ngân sách hằng năm": funded every year
            task.timeline_kind, task.timeline_from_year = "yearly_from", start_year
    return tasks


def _bodies_asked_in_bullets(task: TaskSpec, registry: BodyRegistry) -> None:
    """"4. Đề nghị các cơ quan, đơn vị phối hợp" then "- Đề nghị Ủy ban nhân dân phường …", "- Đề
    nghị Bảo hiểm xã hội cơ sở … phối hợp …": the bodies the bullets ask are the item's."""
    asked = [line for line in task.content if re.match(r"(?:đề nghị|kiến nghị)\s", line, re.IGNORECASE)]
    generic = all(re.match(r"cac (?:co quan|don vi|so|nganh)\b", fold(registry.bodies[code].name)) for code in task.implementers)
    if not asked or task.lead or not generic:
        return
    task.implementers = []
    for line in asked:
        found = _new_task("", "", "organisation", None, 0)
        _organisation_roles(found, line, registry)
        task.implementers.extend(code for code in [found.lead, *found.implementers] if code and code not in task.implementers)


# "…; hoàn thành lập hồ sơ sức khỏe điện tử cho người dân trong năm 2027": work due within a year
_DONE_IN_YEAR = re.compile(r"\bhoàn thành\b[^.;]{0,100}?\b((?:trong|trước|cuối|đến hết) năm \d{4})", re.IGNORECASE)


def _further_subjects(task: TaskSpec, registry: BodyRegistry) -> None:
    """"Phòng Kế toán - Tài chính bố trí kinh phí …; Phòng Tổ chức - Hành chính đưa kết quả …": a
    clause after ";" with a body of its own as subject names one more body of the item."""
    for clause in re.split(r";\s+|(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", task.title)[1:]:  # (after ";" or a full stop)
        clause = re.sub(_ASKING, "", clause, flags=re.IGNORECASE)  # "…; đề nghị Bảo hiểm xã hội tỉnh phối hợp"
        folded = fold(clause)
        if not (_BODY_HEAD.match(folded + " ") and _VERB.search(folded)):
            continue
        found = _new_task("", "", "organisation", None, 0)
        _organisation_roles(found, clause, registry)
        if found.lead and not task.lead:  # "…; Ban Chính sách - Pháp luật là đầu mối theo dõi, tổng hợp …" leads
            task.lead = found.lead
            task.implementers = [code for code in task.implementers if code != found.lead]
        for code in [found.lead, *found.implementers]:
            if code and code != task.lead and code not in task.implementers:
                task.implementers.append(code)


# "Công an xã: Phối hợp …", "Công chức Tài chính - Kế toán: Tham mưu …": the body, then its duty.
_DUTY = re.compile(r"^(?P<body>(?:(?!\.\s)[^:]){3,120}):\s*(?P<duty>\S.*)$")  # (no sentence's end in the body: "… của các chi bộ. Thời gian: …")
_LEADING_DUTY = r"^(?:la dau moi|chu tri|la (?:co quan|don vi) (?:thuong truc|dau moi))"  # "X: Chỉ đạo các trường …" directs others; it does not lead the task


_ASKING = r"^(?:đề nghị|kiến nghị|giao(?: cho)?|yêu cầu)\s+"  # the word that asks or assigns, before the body


def _departments_named_short(sentence: str) -> str:
    """"các sở, ngành: Nội vụ, Y tế, Bảo hiểm xã hội tỉnh … cung cấp …" → "Sở Nội vụ, Sở Y tế, Bảo
    hiểm xã hội tỉnh … cung cấp …": departments listed by their field only, also as those directed
    ("… lãnh đạo, chỉ đạo các sở: Y tế, Xây dựng … triển khai")."""
    listed = re.search(r"(?:^(?:[Cc]ác\s+)?[Ss]ở(?:,\s*ngành)?\s*:\s*|(?<=\s)các\s+sở(?:,\s*ngành)?\s*:\s*(?=[A-ZĐ]))", sentence)
    if not listed:
        return sentence
    rest = sentence[listed.end() :]
    folded = fold(rest)
    # (a field named like a verb, "Xây dựng", opens an item of the list: no verb there)
    verb = next((m for m in _VERB.finditer(folded) if not re.search(r"(?:^|,)\s*$", folded[: m.start()])), None)
    subject = rest[: verb.start()] if verb else rest
    names = [name if _BODY_HEAD.match(fold(name) + " ") else f"Sở {name}" for name in split_bodies(subject)]
    return sentence[: listed.start()] + ", ".join(names) + " " + rest[len(subject) :]


def _organisation_roles(task: TaskSpec, sentence: str, registry: BodyRegistry, content: str = "") -> None:
    # "Đề nghị X …" asks a body outside the issuer's command; "Giao X …", "Yêu cầu X …" assign it.
    sentence = re.sub(r"^trong quá trình (?:triển khai|thực hiện)[^,]{0,40},\s*", "", sentence, flags=re.IGNORECASE)
    sentence = _departments_named_short(re.sub(_ASKING, "", sentence, flags=re.IGNORECASE))
    duty = _DUTY.match(sentence)
    heading_only = not _VERB.search(fold(sentence)) and content  # "1. Công chức Văn hóa - Xã hội" and its bullets
    if (duty or heading_only) and _BODY_HEAD.match(fold(duty.group("body") if duty else sentence) + " "):
        subject = duty.group("body") if duty else sentence
        what = fold(duty.group("duty") if duty else content)
        codes = registry.add_all(subject)
        # "6. Thư viện tỉnh, Trung tâm Văn hóa tỉnh" then "- Thư viện tỉnh chủ trì …": the one that leads
        named_lead = next((c for c in codes if len(codes) > 1 and f"{fold(registry.bodies[c].name)} chu tri" in what), None)
        if named_lead:
            task.lead, task.implementers = named_lead, [c for c in codes if c != named_lead]
        # ("- Chủ trì thực hiện các nhiệm vụ tại mục 3.1 …" among its bullets: the body leads)
        # ("Văn phòng: Tham mưu …; là đầu mối theo dõi …": a later clause of its duty leads too)
        elif codes and (any(re.match(_LEADING_DUTY, part.strip()) for part in what.split(";")) or heading_only and any(re.match(_LEADING_DUTY, line.strip()) for line in what.split("\n"))):
            task.lead, task.implementers = codes[0], codes[1:]
        else:
            task.implementers.extend(codes)
        if task.lead or heading_only:  # "1. Phòng X" / "- Là cơ quan thường trực, chủ trì, phối hợp với các phòng, đơn vị …"
            for partner in _named_partners(duty.group("duty") if duty else content, what, registry):
                if partner not in task.implementers and partner != task.lead:
                    task.implementers.append(partner)
        return
    folded = fold(sentence)
    verb = _VERB.search(folded)
    # "Các phòng, chi cục … thuộc Sở xây dựng kế hoạch …": in lower case after "Sở" the verb, no Sở Xây dựng
    if (lower := re.search(r"(?<=\bSở )xây dựng\b", sentence)) and (not verb or lower.start() < verb.start()):
        verb = _BUILD.match(folded, lower.start())
    if not verb or verb.start() == 0:
        return
    subject = sentence[: verb.start()].strip(" ,")
    subject = re.sub(r"^(?:Giám đốc|Chủ tịch)\s+(?=[A-ZĐ])", "", subject)  # "Giám đốc Bưu điện các huyện …": the body
    # "Các phòng, đơn vị thuộc Sở được giao chủ trì tại Mục III xây dựng …": who they are, not what they do here
    if not _BODY_HEAD.match(fold(subject) + " "):
        return
    rest = folded[verb.start() :]
    # ("X bảo đảm kinh phí …; chủ trì, phối hợp với Y …": a later clause of the same subject leads)
    leads = (verb.group().startswith(("lanh dao", "chi dao", "chu tri", "la dau moi", "la co quan", "la don vi", "truc tiep")) or rest.startswith("chu tri")
             or bool(re.search(r";\s*chu tri\b", rest)) or bool(re.search(r"\((?:co quan|don vi) thuong truc", fold(subject))))
    codes = registry.add_all(subject)
    if leads and len(codes) > 1 and not verb.group().startswith(("chu tri", "la ", "lam ")) and not rest.startswith("chu tri"):
        leads = False  # "Đề nghị Hội Nông dân, Hội Phụ nữ, Tỉnh đoàn chỉ đạo hội các cấp …": each its own, none leads
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
    # ("tham mưu lãnh đạo Ban báo cáo …": advising the leaders, who are no partner)
    for marker in re.finditer(r"\b(?:(?<!ban )(?<!tham muu )chi dao|(?<!tham muu )lanh dao|phoi hop(?: voi)?)\s+", folded):  # ("phối hợp Sở X": no "với")
        start = marker.end()
        following = _VERB.search(folded, start)
        end = following.start() if following else len(folded)
        end = min(end, folded.find(";", start) % (len(folded) + 1))  # a clause's partners end with it
        phrase = sentence[start:end].strip(" ,")
        if phrase and (_BODY_HEAD.match(fold(phrase) + " ") or phrase.startswith("Báo ")) and len(phrase) < 300:  # "Báo …": a newspaper
            # "hội cấp dưới", "Ủy ban MTTQ cùng cấp": a level, no one body
            # ("phối hợp với Hội", "với Sở": the issuer speaking of itself, one word)
            # ("phối hợp với các cấp Hội trong triển khai …": the issuer's own levels, no partner)
            phrase = re.sub(r"\s+(?:trong|trên|tại)$", "", phrase)
            names = [name for name in split_bodies(phrase) if not re.search(r"\b(?:cap duoi|cung cap)\b|^cac cap\b", fold(name))
                     and (len(canonical_name(name).split()) > 1 or re.fullmatch(r"[A-ZĐ]{2,}\d*", name))]  # ("PC06": one word, a unit's code)
            # ("Đề nghị Bảo hiểm xã hội tỉnh … phối hợp với Sở Nội vụ" in the Sở's own plan: the issuer, no partner)
            codes.extend(code for name in names if not registry.is_issuer(slug(name)) and (code := registry.add(name)) not in codes)
    return codes

