"""Text normalisation for the program parser.

The text a position refers to is the file's text after Unicode NFC; every substitution made
before splitting into lines keeps the length, so offsets stay valid. Matching uses `fold`
(lower case, no diacritics, đ→d; one output character per input character) and `unify_tones`
("hoà"→"hòa", "thuỷ"→"thủy", "uỷ"→"ủy"); source_text always keeps the original spelling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ansinh.core.errors import ErrorCode, UserError

MAX_BYTES = 1_000_000  # about 250 pages; a program is 10-30 pages
_SENTENCE_END = tuple('.:;!?…"”)')
_PAGE_LINE = re.compile(r"^\s*(?:-\s*\d{1,3}\s*-|\d{1,3}|trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^[a-zđ]\)\s")  # "a) …" opens an item even in lower case
_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])")


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
    """NFC, with only length-keeping substitutions (NBSP, CR, inline '**' bold markers)."""
    text = unicodedata.normalize("NFC", raw)
    return text.replace("\u00a0", " ").replace("\r", " ").replace("**", "\n ")


def _joins(previous: str, line: str) -> bool:
    if previous.endswith(_SENTENCE_END) or previous.isupper() or _ITEM.match(line):
        return False
    first = line[:1]
    return first.isalpha() and first.islower()


def paragraphs(text: str) -> list[Para]:
    """Non-empty lines as paragraphs; page numbers dropped, broken sentences joined."""
    paras: list[Para] = []
    offset = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        start = offset + len(raw_line) - len(raw_line.lstrip())
        offset += len(raw_line) + 1
        if not stripped or _PAGE_LINE.match(stripped):
            continue
        if paras and _joins(paras[-1].text, stripped):
            para = paras[-1]
            para.pieces.append((len(para.text) + 1, start))
            para.text = f"{para.text} {stripped}"
        else:
            paras.append(Para(stripped, start, [(0, start)]))
    return paras


def decode(raw: bytes, name: str) -> str:
    """Bytes of a .txt file to text; refuses binary junk and oversize input in Vietnamese."""
    if not raw.strip():
        raise fail("tệp rỗng: không có nội dung để đọc", name)
    if len(raw) > MAX_BYTES:
        raise fail(f"tệp quá lớn ({len(raw):,} byte; tối đa {MAX_BYTES:,} byte, khoảng 250 trang)".replace(",", "."), name)
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


def read_document(path: Path) -> str:
    """The text of a .txt file. .docx needs python-docx, which this installation does not have."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix in (".docx", ".doc"):
        raise fail(
            "chưa đọc được tệp Word (.docx/.doc): máy này chưa cài thư viện python-docx. "
            "Hãy mở văn bản bằng Word và lưu thành .txt (mã hóa UTF-8) rồi chạy lại",
            name,
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise fail(f"tệp quá lớn ({size:,} byte; tối đa {MAX_BYTES:,} byte, khoảng 250 trang)".replace(",", "."), name)
    return decode(path.read_bytes(), name)
