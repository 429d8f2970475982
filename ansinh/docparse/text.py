"""Text normalisation for the program parser.

The text a position refers to is the file's text after Unicode NFC; every substitution made
before splitting into lines keeps the length, so offsets stay valid. Matching uses `fold`
(lower case, no diacritics, đ→d; one output character per input character) and `unify_tones`
("hoà"→"hòa", "thuỷ"→"thủy", "uỷ"→"ủy"); source_text always keeps the original spelling.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

import docx  # python-docx
import docx.table

from ansinh.core.damaged_zip import DAMAGED_ZIP_ERRORS
from ansinh.core.errors import ErrorCode, UserError
from ansinh.docparse import layout, markdown

MAX_BYTES = 1_000_000  # about 250 pages; a program is 10-30 pages
_SENTENCE_END = tuple('.:;!?…"”)')
_PAGE_LINE = re.compile(r"^\s*(?:-\s*\d{1,3}\s*-|\d{1,3}|trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^[a-zđ]\)\s")  # "a) …" opens an item even in lower case
_NEW_ITEM = re.compile(r"^(?:\d+(?:\.\d+)*\.|[IVX]+\.|[a-zđ]\)|[-+•*–])\s")
TABLE_NUMBER_HEADINGS = ("tt", "stt")  # the first column of a table flattened to one cell per line
# A tone mark right after "oa", "oe", "uy" … ending the word; "uậ" in "thuật", "luật" (a circumflex
# follows the dot below) is no old-style spelling and stays as it is.
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_]|[\u0300-\u036f])")


def fail(message: str, where: str = "") -> UserError:
    return UserError.single(ErrorCode.FILE_UNREADABLE, message, where=where)


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0]
    if unicodedata.combining(base):
        return " "
    return base.lower()


def fold(text: str) -> str:
    """Lower case without diacritics, same length as `text` (positions line up)."""
    return "".join(_fold_char(char) for char in text)


def unify_tones(text: str) -> str:
    """Old-style tone placement ("hoà", "thuỷ", "uỷ") to the new style ("hòa", "thủy", "ủy")."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_TONE.sub(r"\1\3\2", decomposed))


@dataclass
class Para:
    """One paragraph: lines broken inside a sentence joined by a space."""

    text: str
    start: int
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (position in text, offset in source)

    def offset(self, pos: int) -> int:
        """The source offset of position `pos` of this paragraph."""
        best = (0, self.start)
        for piece in self.pieces:
            if piece[0] <= pos:
                best = piece
        return best[1] + pos - best[0]


def clean_text(raw: str) -> str:
    """NFC, with only length-keeping substitutions (NBSP, CR, inline '**' bold markers; Markdown
    and pandoc's grid tables read as plain text)."""
    text = markdown.without_grid_rules(unicodedata.normalize("NFC", raw).replace("\u00a0", " ").replace("\r", " "))
    if markdown.is_markdown(text):
        return markdown.plain_text(text)
    return text.replace("**", "\n ")


_LABEL = re.compile(r"^[^:.]{2,40}:\s")  # "Chủ trì: …", "Thời gian: …" (not "Ban Chỉ huy quân sự xã. Thời gian: …": a sentence going on)


def _full_width(lines: list[str]) -> int | None:
    """The length from which a line fills the width a wrapped text was cut at, when the text is
    wrapped (many of its long lines end within a few characters of one width); else None."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) > 40)
    if len(lengths) < 20:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for length in lengths if width - 15 <= length <= width + 5)
    return width - 15 if near >= 0.3 * len(lengths) else None


def _indent(line: str) -> int:
    line = line.lstrip("\f")  # (a page's first line carries the form feed, which sets it no deeper)
    return len(line) - len(line.lstrip())


def _after_full_line(lines: list[str], index: int, full: int | None, hanging: bool = False) -> bool:
    """The line before lines[index] filled the width a wrapped text is cut at, so a sentence may
    go on with a capital ("… xây dựng kế hoạch triển khai thực hiện" / "Chương trình hành động,
    hoàn thành …"). Not after a page number set far right, nor when lines[index] is indented as
    deep as that line: a paragraph's first line, where continued lines start at the margin
    (unless the text indents whole blocks, `hanging`, where continued lines keep the indent)."""
    if not full or index == 0:
        return False
    previous = lines[_over_page_break(lines, index)]
    # (the gap after an item's number, a tab Word wrote as spaces, fills no width: "3.      Thực hiện …")
    if len(re.sub(r"^(\s*\d{1,2}(?:\.\d{1,2})*\.)\s{2,}", r"\1 ", previous.rstrip())) < full or len(previous.split()) <= 3:
        return False
    # (under an item's heading "            4. Phát triển …", a line set as deep as the heading opens its
    # first paragraph; the heading's own text would go on at its column, "4. " passed, or at the margin)
    if hanging and _MARKER.match(previous.lstrip()) and 0 < _indent(previous) == _indent(lines[index]):
        return False
    return hanging or not (_indent(lines[index]) > 0 and _indent(lines[index]) >= _indent(previous))


def _over_page_break(lines: list[str], index: int) -> int:
    """The line before lines[index]; across a page break (empty lines and the page's number, "… đối
    với các dự thảo chính sách. Ban" / "2" / "Dân chủ - Pháp luật là đầu mối …"), the last line of
    text on the page before."""
    back = index - 1
    while back > 0 and (not lines[back].strip() or _PAGE_LINE.match(lines[back])):
        back -= 1
    crossed = any(_PAGE_LINE.match(line) and line.strip() for line in lines[back + 1 : index])
    return back if crossed else index - 1


def _hanging(lines: list[str]) -> bool:
    """Whether a wrapped text indents its blocks whole (a converter's "-   " bullets and "1.  "
    items, their lines all set in): lines going on in lower case keep the indent of the line
    before them more often than they start at the margin."""
    kept = margin = 0
    for previous, line in zip(lines, lines[1:]):
        text_column = _indent(previous) + len(marker.group()) if (marker := _MARKER.match(previous.lstrip())) else _indent(previous)
        if line.strip()[:1].islower() and previous.strip() and text_column > 0:
            kept += _indent(line) == text_column
            margin += _indent(line) == 0
    return kept >= 5 and kept > 2 * margin


_MARKER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.|[-+•*–])\s+")  # "1.  ", "-   ": an item's marker and the gap after it


def _runs_on(previous: str, line: str, after_full: bool, set_as_deep: bool) -> bool:
    """After a line that filled the wrapped width, a sentence goes on with a capital when the
    paragraph has not ended one, and after ";" or "," in lower case ("…; tiếp tục chi trả" / "bằng
    tiền mặt …"); a line set as deep as the one above it in a text of whole indented blocks goes on
    whatever it starts with. A new item never does, nor (but in such blocks) a label line."""
    if not after_full or _NEW_ITEM.match(line):
        return False
    return set_as_deep or not _LABEL.match(line) and (
        line[:1].isupper() and _unfinished(previous or ".") or line[:1].islower() and previous.endswith((";", ",")))


def _bracket_open(text: str) -> bool:
    """A bracket opened and not yet closed at the end of `text` ("a) … (Chủ trì: …; phối hợp: …;"):
    the last "(" after the last ")", whatever the ")" of an item's letter before it."""
    return text.rfind("(") > text.rfind(")")


def _unfinished(previous: str) -> bool:
    return not (previous.endswith(_SENTENCE_END) or previous.isupper())


# Words a line cannot end a sentence on: what they name follows ("… tại điểm 3 Mục" / "III.",
# "… đến năm" / "2030 đạt …").
_NEEDS_MORE = re.compile(r"(?<!\S)(?:tại|của|và|với|theo|các|những)$")
_NEEDS_PART = re.compile(r"(?<!\S)(?:[Mm]ục|[Pp]hần)$")
_NEEDS_NUMBER = re.compile(r"(?<!\S)(?:điểm|khoản|nhiệm vụ|[Nn]ăm|ngày|tháng|quý|định kỳ|(?<!dân )(?<!đổi )số)$")  # (not "dân số", "chuyển đổi số")


# A list of references that goes on after its comma ("… tại các mục 2," / "3, 4, 5 và 6 Phần III;")
_NUMBERS_GO_ON = re.compile(r"(?<!\S)(?:[Mm]ục|khoản|điểm|nhiệm vụ)\s+\d+(?:\.\d+)*(?:,\s*\d+(?:\.\d+)*)*,$")


# A label whose value begins on the next line ("… Thời gian:" / "hằng năm.")
_LABEL_END = re.compile(r"(?:^|[.;(]\s*)(?:[Tt]hời (?:gian|hạn)[^:.;]{0,20}|[Cc]hủ trì|[Pp]hối hợp|(?:[Cc]ơ quan|[Đđ]ơn vị) [^:.;]{0,25}):$")


def _cannot_end(previous: str, line: str) -> bool:
    """The line before stops where no sentence can, and the line goes on with what it asks for."""
    if _NEW_ITEM.match(line):
        return bool(_NEEDS_PART.search(previous) and re.match(r"[IVX]+\.", line)  # "… điểm 3 Mục" / "III."
                    # "(…; thời gian: 2026" / "- 2030, năm 2026 bàn giao …)": a span of years inside a bracket, no bullet
                    or _bracket_open(previous) and re.search(r"\d{4}$", previous) and re.match(r"[-–]\s*\d{4}\b", line))
    return bool(
        _NEEDS_MORE.search(previous) or _LABEL_END.search(previous)
        # "(Chủ trì: …; phối hợp: Báo và Phát thanh, Truyền hình" / "Tuyên Quang, …)": inside a bracket
        or _bracket_open(previous)
        or _NEEDS_PART.search(previous) and re.match(r"(?:[IVX]+|\d+)\b", line)
        or re.search(r"\d\s*[-–]$", previous) and line[:1].isdigit()  # "giai đoạn 2026 -" / "2030."
        # a list of references cut after a comma ("… tại các mục 2," / "3, 4, 5 và 6 Phần III;")
        or _NUMBERS_GO_ON.search(previous) and re.match(r"\d+(?:\.\d+)*(?:,|\s+và\s)", line)
        # a date ("… trong tháng" / "5/2026."), or a number with more after it ("… các nhiệm vụ" / "1, 2 và 5"); a bare "3" is a table row's
        or _NEEDS_NUMBER.search(previous) and re.match(r"\d{1,2}/\d{1,2}\b|\d{1,2}/\d{4}\b|\d+(?:[./]\d+)*(?:[,;:)]|\s+\S)|\d{4}\.$", line)  # (… "trong năm" / "2028.")
    )


def _joins(previous: str, line: str) -> bool:
    if _cannot_end(previous, line):
        return True
    if previous.endswith(_SENTENCE_END) or previous.isupper() or _ITEM.match(line):
        return False
    first = line[:1]
    # "… nâng tuổi thọ trung bình lên khoảng" / "76 tuổi và …", "… việc làm cho" / "1.100 - 1.300 lao
    # động": a figure the line before asks for
    if first.isdigit() and re.search(r"\b(?:khoảng|đạt|lên|xuống|trên|dưới|tối thiểu|tối đa|ít nhất|không quá|còn|từ|bình quân|chiếm|giảm|tăng|cho)$", previous):
        return True
    # "… đẩy mạnh phong trào" / "\"Vì người nghèo …\"": a name in quotes the sentence goes on with
    if first in "\"“" and previous.strip() and previous.split()[-1][:1].islower():
        return True
    return first.isalpha() and first.islower()


_NUMBERED_PART = re.compile(r"^(?:Mục|MỤC|Phần|PHẦN)\s+(\d{1,2})\.\s+")  # parts numbered in figures, the word before them
_LETTER_PART = re.compile(r"^([A-HĐ])\.\s+\S")  # (Vietnamese letters: "D.", then "Đ.")


def part_numeral(text: str) -> str | None:
    """"III" of "III. NHIỆM VỤ, GIẢI PHÁP" (or "III- …", as Party documents write it); "C" of "C.
    NHIỆM VỤ VÀ GIẢI PHÁP", a document whose parts are lettered (their headings in capitals, so
    that a sentence "A. …" is none)."""
    if roman := re.match(r"^([IVX]+)(?:\.|\s*[-–])\s", text):
        return roman.group(1)
    if (numbered := _NUMBERED_PART.match(text)) and text[numbered.end() :].isupper():  # "Mục 4. NHIỆM VỤ, GIẢI PHÁP"
        return numbered.group(1)
    lettered = _LETTER_PART.match(text)
    return lettered.group(1) if lettered and text.isupper() else None


_ORDINALS = {"nhat": "I", "hai": "II", "ba": "III", "tu": "IV", "nam": "V", "sau": "VI"}


def chapter_numeral(text: str) -> str | None:
    """"III" of "PHẦN THỨ BA", a part above the Roman-numbered ones."""
    found = re.fullmatch(r"phan thu (\w+)", fold(text.strip()))
    return _ORDINALS.get(found.group(1)) if found else None


# The word before a number that gives the structure: "PHẦN II. …", "Mục II. …", "Nhiệm vụ 2. …"
_LEADING_WORD = re.compile(r"^(?:PHẦN|Phần|MỤC|Mục)\s+(?=[IVX]+[.:]\s)|^(?:Nhiệm vụ|Nội dung)\s+(?=\d+(?:\.\d+)*[.:]\s)")
_GROUP_WORD = re.compile(r"^Mục\s+(?=\d+(?:\.\d+)*\.\s)")


def _leading_word(line: str) -> re.Match | None:
    """The word before a part's or item's number, to be read without it; "Mục 1. Chăm sóc sức khỏe
    …" is a group of tasks "1." (and "Mục 4. NHIỆM VỤ, GIẢI PHÁP", in capitals, a part)."""
    group = _GROUP_WORD.match(line)
    return _LEADING_WORD.match(line) or (group if group and not part_numeral(line) else None)


def _running_headers(text: str) -> set[str]:
    """Lines a page repeats at its top or bottom, next to its number ("Chương trình giám sát …
    giai đoạn 2024 - 2030" then "2"): the same words, at least six, ending without punctuation,
    each time beside a page-number line. (A repeated line elsewhere, a table's cell or a label,
    is kept.)"""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    beside_page: dict[str, list[bool]] = {}
    for index, line in enumerate(lines):
        if numbered := _HEADER_WITH_PAGE.match(line):  # "Kế hoạch số 19/KH-UBND … Tìa Dình            2"
            beside_page.setdefault(numbered.group(1), []).append(True)
        elif len(line.split()) >= 6 and not line.endswith((".", ";", ":", ",")):
            neighbours = lines[max(index - 1, 0) : index] + lines[index + 1 : index + 2]
            beside_page.setdefault(line, []).append(any(_PAGE_LINE.match(n) for n in neighbours))
    repeated = {line for line, pages in beside_page.items() if len(pages) >= 2 and all(pages)}
    # a header with the page's number at its right: its words repeat, the number changes
    return repeated | {line for line in lines if (numbered := _HEADER_WITH_PAGE.match(line)) and numbered.group(1) in repeated}


# A running header set on one line with the page's number far to its right
_HEADER_WITH_PAGE = re.compile(r"^(\S+(?: +\S+){3,})\s{10,}(?:Trang\s+)?\d{1,3}(?:/\d{1,3})?$")  # (four words or more, words one space apart)


def _footnotes(lines: list[str]) -> set[int]:
    """The lines of a page's footnotes, as a PDF's text gives them: "2 Năm 2026 tiếp tục áp dụng …"
    and its continued lines, just above the page's number, where the text earlier carries the mark
    glued to a word ("an sinh xã hội2", "(0,75%)1"). The sentence they interrupt then joins up."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        mark = re.match(r"\s*(\d{1,2}) (?=[A-ZĐÀ-Ỹ])", line)
        if not mark or not re.search(rf"(?:[^\W\d_]|[)%”\"]){mark.group(1)}(?!\d)", "\n".join(lines[max(index - 120, 0) : index])):
            continue
        end = next((j for j in range(index + 1, min(index + 7, len(lines))) if _PAGE_LINE.match(lines[j].strip())), None)
        if end is not None:
            found.update(range(index, end))
    return found


def _ends_table(line: str) -> bool:
    return bool(part_numeral(line) or _leading_word(line)) or fold(line).startswith("noi nhan")


def paragraphs(text: str) -> list[Para]:
    """Non-empty lines as paragraphs; page numbers dropped, broken sentences joined."""
    paras: list[Para] = []
    in_table = False  # after a table's "TT" column heading, a bare number is a row's, not a page's
    in_heading = False  # between "TT" and the first row's number: the heading cells
    # a table whose cells are parted by empty lines (plain `pdftotext`): a line right under another goes on its cell
    blank_parted = False
    headers = _running_headers(text)
    lines = text.split("\n")
    lines, offsets = layout.split_tab_rows(lines, list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0)))
    full, hanging = _full_width(lines), _hanging(lines)
    footnotes = _footnotes(lines)
    index = 0
    while index < len(lines):
        raw_line, start = lines[index], offsets[index] + _indent(lines[index])
        after_full = _after_full_line(lines, index, full, hanging)
        index += 1
        if index - 1 in footnotes:
            continue
        if layout.columns(raw_line, lines[index : index + 4]):  # a table laid out with spaces: read back cell by cell
            cells, index = layout.read_table(lines, offsets, index - 1, _ends_table)
            paras.extend(Para(cell, pieces[0][1], pieces) for cell, pieces in cells)
            continue
        stripped = raw_line.strip()
        # (a number after a form feed is the page's, even in a table; a rule of dashes a converter drew
        # around a table frames no text)
        # (nor does a rule of underscores, a footnote's "____________" or the one under a header's motto)
        if not stripped or _PAGE_LINE.match(stripped) and not (in_table and stripped.isdigit() and "\f" not in raw_line) or layout.RULE.match(stripped) or re.fullmatch(r"_{5,}", stripped):
            continue
        if stripped in headers and not in_table:
            continue
        if part := _leading_word(stripped):  # "PHẦN II. CHỈ TIÊU", "Nhiệm vụ 2. …", "Mục 1. Chăm …": read as "II. CHỈ TIÊU", "2. …", "1. …"
            stripped, start = stripped[part.end() :], start + part.end()
            stripped = re.sub(r"^(\d+(?:\.\d+)*):(?=\s)", r"\1.", stripped)  # "Nội dung 2: Củng cố …" as "2. Củng cố …"
        # a table lasts until the next part of the document ("III. NHIỆM VỤ …"), where prose resumes
        in_table = (in_table and not part_numeral(stripped)) or fold(stripped) in TABLE_NUMBER_HEADINGS
        if fold(stripped) in TABLE_NUMBER_HEADINGS:
            blank_parted = index < len(lines) and not lines[index].strip()
        above = lines[index - 2] if index >= 2 else ""  # the line right over this one, "" when empty or none
        in_heading = in_table and (fold(stripped) in TABLE_NUMBER_HEADINGS or in_heading and not re.fullmatch(r"\d{1,3}\.?", stripped))
        # a heading cell wrapped in the PDF's table ("Đơn vị" / "tính", "Thực hiện" / "năm 2025") goes on in lower case
        wrapped_heading = in_heading and bool(paras) and stripped[:1].islower()
        previous = paras[-1].text if paras else ""
        # blocks indented whole and parted by empty lines: a line right under another, set as deep, goes on
        # with it ("Phối hợp: Phòng Người có công; Công an tỉnh;" / "Sở Khoa học và Công nghệ. Thời gian: …")
        # (a label line set deeper than the text above it opens a paragraph: "            Cơ quan chỉ đạo: …"
        # under "      … theo hợp đồng.", where paragraphs open deeper than they go on)
        column = _indent(above) + len(marker.group()) if (marker := _MARKER.match(above.lstrip())) else _indent(above)
        set_as_deep = hanging and bool(above.strip()) and _indent(above) <= _indent(lines[index - 1]) and (_indent(lines[index - 1]) <= column or not _LABEL.match(stripped))
        continued = _joins(previous, stripped) or not in_table and _runs_on(previous, stripped, after_full, set_as_deep)
        # In a table a short lower-case line is a cell of its own ("m2 sàn/người", "người").
        # ("Tỷ lệ lao động qua đào tạo có bằng" / "cấp, chứng chỉ" with no empty line between: one cell)
        in_its_cell = in_table and blank_parted and bool(above.strip()) and not _PAGE_LINE.match(stripped)
        if paras and continued and not (in_table and len(stripped.split()) <= 3) or wrapped_heading or paras and in_its_cell:
            para = paras[-1]
            para.pieces.append((len(para.text) + 1, start))
            para.text = f"{para.text} {stripped}"
        else:
            paras.append(Para(stripped, start, [(0, start)]))
    return paras


def _thousands(number: int) -> str:
    """1.000.000: Vietnamese thousands separator, as users read sizes in their messages."""
    return f"{number:,}".replace(",", ".")


def decode(raw: bytes, name: str) -> str:
    """Bytes of a .txt file to text; refuses binary junk and oversize input in Vietnamese."""
    if not raw.strip():
        raise fail("tệp rỗng: không có nội dung để đọc", name)
    if len(raw) > MAX_BYTES:
        raise fail(f"tệp quá lớn ({_thousands(len(raw))} byte; tối đa {_thousands(MAX_BYTES)} byte, khoảng 250 trang)", name)
    if b"\x00" in raw[:4096]:
        raise fail("tệp không phải văn bản (có byte nhị phân); hãy lưu văn bản thành .txt UTF-8", name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise fail("tệp không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8", name) from None
    controls = sum(1 for char in text[:20000] if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f")
    if controls > 10:
        raise fail("tệp không phải văn bản (có nhiều ký tự điều khiển)", name)
    return text


MAX_DOCX_UNPACKED = 50 * 1024 * 1024  # a Word file's parts, unpacked; a 30-page program is ~1 MB


def read_document(path: Path) -> str:
    """The text of a .txt (UTF-8) or .docx file, bounded in size and time."""
    is_docx = path.suffix.lower() == ".docx"
    limit = MAX_DOCX_UNPACKED if is_docx else MAX_BYTES
    if path.stat().st_size > limit:  # refused before a byte is read
        pages = "" if is_docx else ", khoảng 250 trang"
        raise fail(f"tệp quá lớn ({_thousands(path.stat().st_size)} byte; tối đa {_thousands(limit)} byte{pages})", path.name)
    return read_upload(path.read_bytes(), path.name)


def read_upload(raw: bytes, name: str) -> str:
    """The text of a document's bytes, chosen by the file name's extension (CLI and web alike)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".doc":
        raise fail("tệp Word cũ (.doc) chưa đọc được; hãy lưu lại thành .docx hoặc .txt (UTF-8)", name)
    if suffix == ".pdf":
        raise fail("tệp PDF chưa đọc được (bản scan không có chữ để đọc); hãy dùng bản .docx hoặc .txt của văn bản", name)
    if suffix == ".docx":
        return read_docx(raw, name)
    return decode(raw, name)


def read_docx(raw: bytes, name: str) -> str:
    """Paragraphs (and table cells) of a .docx, one per line, after checking the zip is not a
    bomb: every part is read with a bounded stream before python-docx parses anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except DAMAGED_ZIP_ERRORS:
        raise fail("tệp .docx hỏng hoặc không phải tệp Word", name) from None
    with archive:
        if "word/document.xml" not in archive.namelist():
            raise fail("tệp .docx không có nội dung văn bản (thiếu word/document.xml)", name)
        if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED:
            raise fail(f"tệp .docx khi giải nén vượt {MAX_DOCX_UNPACKED // 1048576} MB; không đọc", name)
        budget = MAX_DOCX_UNPACKED
        try:
            for info in archive.infolist():  # the declared sizes may lie: count the real bytes
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        budget -= len(chunk)
                        if budget < 0:
                            raise fail(f"tệp .docx khi giải nén vượt {MAX_DOCX_UNPACKED // 1048576} MB; không đọc", name)
        except DAMAGED_ZIP_ERRORS:  # sizes or checksums that do not match, encrypted or unknown compression
            raise fail("tệp .docx hỏng (kích thước hoặc mã kiểm tra không khớp); không đọc", name) from None
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception:  # noqa: BLE001 - any parse failure of a user's file is one message
        raise fail("không đọc được nội dung tệp .docx", name) from None
    lines = []
    for block in document.iter_inner_content():  # paragraphs and tables, in the document's order
        lines.extend(_table_lines(block) if isinstance(block, docx.table.Table) else [block.text])
    return decode("\n\n".join(lines).encode("utf-8"), name)


def _table_lines(table) -> list[str]:
    """A Word table as a table copied to text takes it: one cell per line, row after row, so
    that "TT | Nội dung | Cơ quan chủ trì | …" reads like the tables of a .txt. A cell merged
    across columns is given once; the lines of a cell are joined."""
    lines = []
    for row in table.rows:
        seen = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):  # the same merged cell again
                continue
            seen.append(cell._tc)
            text = " ".join(part.strip() for part in cell.text.split("\n") if part.strip())
            if text:
                lines.append(text)
    return lines
