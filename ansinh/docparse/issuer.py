"""Who issued the document, read from its header: the lines in capitals above the title, left of
the national motto.

    SỞ Y TẾ HÀ TĨNH                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TRUNG TÂM Y TẾ                          Độc lập - Tự do - Hạnh phúc
    KHU VỰC HƯƠNG KHÊ
    Số: 118/KH-TTYT                     Hương Khê, ngày 12 tháng 02 năm 2026
                                KẾ HOẠCH

The first line names the body above the issuer ("SỞ Y TẾ HÀ TĨNH", "BỘ CÔNG AN", "ĐẢNG BỘ TỈNH …"),
the last the issuer; a last line naming only a place ("TỈNH QUẢNG TRỊ", "KHU VỰC HƯƠNG KHÊ") or a
branch ("CHI NHÁNH TỈNH BÌNH ĐỊNH") goes on the line above it, and a standing body ("BAN THƯỜNG
TRỰC") is that of the body above. A name without a place takes the first line's; a joint plan
("Số: 09/KHLT-…") is issued by the first body named. The name is given as the document writes it
in its text ("Trung tâm Y tế khu vực Hương Khê"), else in sentence case.
"""

from __future__ import annotations

import re

from ansinh.docparse.text import Para, fold

_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc")
_TITLE = re.compile(r"^(?:DỰ THẢO\s+)?(?:CHƯƠNG TRÌNH|KẾ HOẠCH|QUYẾT ĐỊNH)\b")
_NUMBER_OR_DATE = re.compile(r"^(?:Số|V/v)\b|,\s*ngày\b", re.IGNORECASE)
# "TỈNH QUẢNG TRỊ", "KHU VỰC HƯƠNG KHÊ": a place only, the end of the name above it (not "TỈNH ỦY", "TỈNH
# ĐOÀN"); "CHI NHÁNH …": a branch of it; "VÀ DU LỊCH …", "CÔNG NGHỆ TÂY SÔNG HẬU": a name wrapped
_GOES_ON = re.compile(r"^(?:(?:tinh|thanh pho|xa|phuong|huyen|quan|thi xa|thi tran|dac khu|khu vuc)\s(?!uy\b|doan\b)|chi nhanh\b|va\s|cong nghe\b|cac cong trinh\b)")
# "BAN THƯỜNG TRỰC", "BAN CHẤP HÀNH": the standing body of the one named above it
_STANDING = re.compile(r"^(?:ban thuong truc|ban thuong vu|ban chap hanh|thuong truc)$")
_PLACE = re.compile(r"\b(?:tỉnh(?! ủy| uỷ| đoàn)|thành phố|xã(?! hội)|phường|huyện(?! ủy| uỷ)|quận|thị xã|thị trấn|đặc khu|khu vực)\s+\S.*$", re.IGNORECASE)
# "Sở", "Hội", "Liên đoàn" …: bodies named by a field ("Sở Y tế", "Liên đoàn Lao động"), not "Ủy ban nhân dân"
_NAMED_BY_FIELD = re.compile(r"^(?:Sở|Hội|Liên đoàn|Liên minh|Hiệp hội|Trung tâm|Ban|Chi cục|Cục|Phòng|Trường|Bệnh viện|Báo|Đài|Quỹ|Viện|Văn phòng)\s+")
# names written the same wherever they stand in another
_PROPER_NAMES = ("Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Việt Nam", "Hồ Chí Minh", "Hội đồng nhân dân", "Ủy ban nhân dân", "Hội Nông dân",
                 "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Liên đoàn Lao động", "Đảng")
# "CCB", "LHPN", "TNCS": abbreviations, kept in capitals (no vowel in them)
_ABBREVIATION = re.compile(r"^[^AEIOUYÀ-ỸĂÂÊÔƠƯ]{2,6}$|^UB(?:ND|MTTQ)$")


def header_issuer(paras: list[Para], text: str) -> str | None:
    """The issuer the header names, or None when it names none (a header the text lost)."""
    title_at = next((i for i, para in enumerate(paras[:30]) if _TITLE.match(para.text.strip())), 0)
    head = paras[:title_at]
    # the left column's lines stand above the number (Word gives the right column's after them)
    number_at = next((i for i, para in enumerate(head) if re.match(r"Số\b", para.text.strip())), None)
    units = _units([line for para in head[:number_at] for line in _left_lines(para.text)] if number_at else [])
    units = units or _units([line for para in head for line in _left_lines(para.text)])
    if not units:
        return None
    joint = number_at is not None and bool(re.search(r"/[A-ZĐ]*LT\b", head[number_at].text))
    name, place = _name_and_place(units, joint)
    folded = fold(text)  # (once: both names are looked for in it)
    where = _as_written(place, text, folded) if place else ""
    where = where[:1].lower() + where[1:] if _PLACE.match(where) else where  # "… tỉnh Lào Cai", not "… Tỉnh Lào Cai"
    if re.search(r"\buy$", fold(name)):  # "ĐẢNG BỘ TỈNH TUYÊN QUANG" / "TỈNH ỦY": "Tỉnh ủy Tuyên Quang"
        where = re.sub(r"^(?:tỉnh|thành phố|xã|phường|huyện|quận|thị xã|thị trấn|đặc khu)\s+", "", where)
    return f"{_as_written(name, text, folded)} {where}".strip()


def _units(lines: list[str]) -> list[str]:
    """The header's names, a name wrapped over lines put back together."""
    units: list[str] = []
    for line in lines:
        if units and _GOES_ON.match(fold(line)):
            units[-1] = f"{units[-1]} {line}"
        else:
            units.append(line)
    return units


def _name_and_place(units: list[str], joint: bool) -> tuple[str, str]:
    """The issuer's name in the header's capitals, and the place it takes from the first line."""
    if joint and len(units) > 1:  # a joint plan ("Số: 09/KHLT-SGDĐT-HKH") names its bodies one under the other: the first issues it
        name = units[1] if len(units) > 2 and _PLACE.search(units[0]) else units[0]
    else:
        name = units[-1]
    if len(units) > 1 and _STANDING.match(fold(name)):
        return f"{name} {units[-2]}", ""  # "ỦY BAN MTTQ VIỆT NAM TỈNH AN GIANG" / "BAN THƯỜNG TRỰC"
    above = _PLACE.search(units[0]) if len(units) > 1 and not _PLACE.search(name) else None
    if not above:
        return name, ""
    provincial = re.search(r"\s+(?:TỈNH|THÀNH PHỐ)$", name)  # "ĐẢNG ỦY QUÂN SỰ TỈNH": the province's
    name = name[: provincial.start()] if provincial else name
    # "UBND TỈNH GIA LAI" / "SỞ Y TẾ": the department of that province ("TỈNH ỦY THÁI NGUYÊN" names its place)
    named_by_place = not provincial and re.search(r"\buy\b", fold(name)) and not re.search(r"\buy$", fold(name))
    return name, "" if named_by_place else above.group()


def _left_lines(line: str) -> list[str]:
    """The header's own lines in a row of its two columns: the first cell (the right column holds
    the motto, or a mass organisation's name, "HỘI NÔNG DÂN VIỆT NAM"), in capitals, neither the
    number nor the date; and what is left of a cell once the motto is taken out (a line of the
    left column the text joined to it)."""
    columns = line.strip().split("\t")  # (a table's columns; inside one, a cell's lines: "ỦY BAN NHÂN DÂN<br>PHƯỜNG …")
    if len(columns) > 1:
        first, rest = re.split(r"\s{3,}", columns[0]), columns[1:]
    else:
        cells = re.split(r"\s{3,}", line.strip())
        first, rest = cells[:1], cells[1:]
    kept = [*first, *(cell for cell in rest if _MOTTO.search(cell))]
    kept = [re.sub(r"^[-–]+$", "", _MOTTO.sub(" ", cell).strip(" *_")) for cell in kept]  # (a rule "-------", not "KỸ THUẬT -")
    return [cell for cell in kept if cell and cell.isupper() and not _NUMBER_OR_DATE.search(cell) and not _TITLE.match(cell)]


def _as_written(name: str, text: str, folded_text: str) -> str:
    """The name as the text writes it after the header ("SỞ XÂY DỰNG TỈNH KHÁNH HÒA" → "Sở Xây dựng
    tỉnh Khánh Hòa"), else in sentence case."""
    name = re.sub(r"\s+", " ", name)
    key = fold(name)
    for found in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", folded_text):
        if not (written := text[found.start() : found.end()]).isupper():  # (the header's own line is in capitals)
            return written
    return _sentence_case(name)


def _sentence_case(name: str) -> str:
    """"SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH CAO BẰNG" → "Sở Nông nghiệp và Môi trường tỉnh Cao Bằng":
    each field a body is named by, a committee's or a place's name and a few proper names capitalised,
    abbreviations kept."""
    cased = " ".join(word if _ABBREVIATION.match(word) else word.lower() for word in name.split(" "))
    cased = cased[:1].upper() + cased[1:]
    if (head := _NAMED_BY_FIELD.match(cased)) and not _PLACE.match(cased[head.end() :]):
        fields = re.split(r"(,\s+|\s+và\s+)", _PLACE.sub("", cased[head.end() :]))
        capitalised = "".join(part if re.fullmatch(r",\s+|\s+và\s+", part) else part[:1].upper() + part[1:] for part in fields)
        cased = cased[: head.end()] + capitalised + cased[head.end() + len("".join(fields)) :]
    if not _PLACE.search(cased):  # "Tỉnh ủy hà tĩnh": the place a committee is named by
        cased = re.sub(r"(?<=\bủy )(.+)$", lambda match: " ".join(word.capitalize() for word in match.group(1).split(" ")), cased)
    for proper in _PROPER_NAMES:  # ("… ủy ban mặt trận tổ quốc việt nam …" in a name of its standing body)
        cased = re.sub(rf"(?<!\w){re.escape(proper.lower())}(?!\w)", proper, cased)
    cased = re.sub(r"\bhội (?=[A-ZĐ]{2,}\b)", "Hội ", cased)  # "BCH hội LHPN …": the association, by its short name
    if place := _PLACE.search(cased):
        words = place.group().split(" ")
        kind = 2 if fold(" ".join(words[:2])) in ("thanh pho", "thi xa", "thi tran", "dac khu", "khu vuc") else 1
        cased = cased[: place.start()] + " ".join([*words[:kind], *(word.capitalize() for word in words[kind:])])
    return cased
