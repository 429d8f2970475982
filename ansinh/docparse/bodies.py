"""Bodies named in a program: split a list of names into separate bodies, name and code them.

Lists are cut at ";" always, and at ", " and " và " except inside known compound names whose
comma or "và" belongs to one body ("cơ quan tham mưu, giúp việc", "đảng ủy, chi bộ trực thuộc",
"xã, phường", "Lao động - Thương binh và Xã hội"). Abbreviations are written out (UBND, HĐND,
UBMTTQ, BTV) and tone marks unified, so "Thị uỷ" and "Thị ủy" give one body; the code is an
ASCII slug of the name without the word "các".
"""

from __future__ import annotations

import re

from ansinh.docparse.text import fold, unify_tones
from ansinh.programs.programfile import BodySpec

_COMMA, _AND = "\u2063", "\u2064"  # invisible separators: same length as what they replace
_COMPOUNDS = (
    r"tham muu, giup viec", r"dang uy, chi bo", r"chi, dang uy", r"xa, phuong", r"xa, thi tran", r"co quan, ca nhan",
    r"co quan, don vi", r"ban, nganh", r"phong, ban", r"so, nganh", r"thuong binh va xa hoi", r"tai nguyen va moi truong",
    r"giao duc va dao tao", r"van hoa va thong tin", r"van hoa, the thao va du lich", r"van hoa, khoa hoc va thong tin",
    r"van hoa - thong tin va the thao", r"nong nghiep va phat trien nong thon", r"tai chinh - ke hoach", r"kinh te - ha tang",
    r"to chuc chinh tri - xa hoi",
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


def split_bodies(text: str) -> list[str]:
    """"Ban Tuyên giáo Thị ủy; các đảng ủy, chi bộ trực thuộc Thị ủy và các cơ quan liên quan"
    → three names."""
    text = text.strip().rstrip(".").strip()
    protected = _protect(text)
    names = []
    for match in re.finditer(r"[^;]+", protected):
        start = match.start()
        for part in re.split(r"(,\s+|\s+và\s+)", match.group()):
            if part and not re.fullmatch(r",\s+|\s+và\s+", part):
                name = text[start : start + len(part)].strip(" ,")
                if len(name) > 2:
                    names.append(name)
            start += len(part)
    return names


def canonical_name(name: str) -> str:
    name = unify_tones(name.strip().rstrip(".:"))
    for pattern, full in _ABBREVIATIONS:
        name = re.sub(pattern, full, name)
    name = re.sub(r"\s+", " ", name)
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
