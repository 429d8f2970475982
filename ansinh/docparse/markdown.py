"""Markdown a converter (pandoc and the like) made of a Word document, read as the plain text Word
itself would give:

    | **TT** | **Chỉ tiêu** | **Đơn vị tính** | **Năm 2026** |
    |:--:|----|:--:|:--:|
    | 1 | Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều | % | 2,3 |

    1\\. **Rà soát, quản lý hộ nghèo.** Tổ chức rà soát hằng năm …

A pipe table's rows become rows of TAB-separated cells (the form of a table Word saves as text),
its separator row goes (a line break inside a cell, "<br>", parts the cell's lines), an escape
("1\\.", "\\-") gives the character it escapes, a heading's "##" goes, emphasis markers go (also
over the lines a converter wrapped them on), and a bold run-in heading ("1\\. **Rà soát ….** Tổ
chức …") ends its line, as a heading of its own. Pandoc's grid tables ("+-----+", any text) become
tables laid out with spaces. Every substitution keeps the length, so positions stay those of the file.
"""

from __future__ import annotations

import re

_SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")  # "|:--:|----|", a rule "---"
_ESCAPE = re.compile(r"\\([-.*_()\[\]#+!>`])")
_ESCAPED_NUMBER = re.compile(r"^\d{1,2}\\\.\s", re.MULTILINE)
_ATX_HEADING = re.compile(r"^#{1,6}(?=\s)")  # a heading's "##"
_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
# "1. ", "a) ", "- " before a run-in heading: what may stand before it on its line
_ITEM_OPENING = re.compile(r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+)\.|[a-zđ]\)|-)?\s*$")


# pandoc's grid tables ("+-----+------+", "| 1   | Tuyên truyền, |", "+=====+======+" under the heading)
_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_GRID_ROW = re.compile(r"^\s*\|.*\|\s*$")


def without_grid_rules(text: str) -> str:
    """A grid table as a table laid out with spaces (`layout.py`): its bars blank, its borders
    rules of dashes, one run per column (the rule under the heading gives the columns). The
    length is kept."""
    lines = text.split("\n")
    in_grid = False  # a grid's rows stand between its borders (a pipe table's rows have none)
    for index, line in enumerate(lines):
        if _GRID_BORDER.match(line):
            lines[index], in_grid = re.sub(r"[=:]", "-", line.replace("+", " ")), True
        elif in_grid and _GRID_ROW.match(line):
            lines[index] = line.replace("|", " ")
        else:
            in_grid = False
    return "\n".join(lines)


def is_markdown(text: str) -> bool:
    """A pipe table's separator row, or numbered items written with escaped dots ("1\\. …")."""
    return any(_SEPARATOR_ROW.match(line) and "|" in line for line in text.split("\n")) or len(_ESCAPED_NUMBER.findall(text)) >= 2


# "**1. Lãnh đạo công tác tuyên truyền, … về vị trí, vai" / "trò của chính sách xã hội**": emphasis a
# converter wrapped over lines (an item's heading), opening a line and closing within its paragraph
_WRAPPED_EMPHASIS = re.compile(
    r"^([ \t]*)(\*{1,3})(?=\S)((?:(?!\n[ \t]*\n)[^*])*?\n(?:(?!\n[ \t]*\n)[^*])*?)(?<=\S)\2(?!\*)", re.MULTILINE)


def plain_text(text: str) -> str:
    text = _WRAPPED_EMPHASIS.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(3) + " " * len(m.group(2)), text)
    return "\n".join(_plain_line(line) for line in text.split("\n"))


def _plain_line(line: str) -> str:
    if _SEPARATOR_ROW.match(line) and ("|" in line or "---" in line):
        return " " * len(line)
    line = _ATX_HEADING.sub(lambda match: " " * len(match.group()), line)  # "## I. MỤC ĐÍCH" → "   I. MỤC ĐÍCH"
    line = _ESCAPE.sub(lambda match: match.group(1) + " ", line)
    if line.lstrip().startswith("|"):
        line = line.replace("<br>", "    ")  # a line break inside a cell ("TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH")
        return _emphasis(_cells(line), run_in=False)
    return _emphasis(line, run_in=True)


def _cells(row: str) -> str:
    """"| 1 | Tỷ lệ … | % |" → " 1 \t Tỷ lệ … \t % ": the outer bars blank, the inner ones TABs."""
    first, last = row.index("|"), row.rstrip().rindex("|")
    chars = list(row)
    for position, char in enumerate(row):
        if char == "|":
            chars[position] = " " if position in (first, last) else "\t"
    return "".join(chars)


def _emphasis(line: str, run_in: bool) -> str:
    """Emphasis markers blanked; a bold span right at an item's opening with text after it (a run-in
    heading) ends the line there."""
    def replace(match: re.Match[str]) -> str:
        marks, inner = match.group(1), match.group(2)
        heading = run_in and len(marks) >= 2 and _ITEM_OPENING.match(line[: match.start()]) and line[match.end() :].strip()
        closing = "\n" + " " * (len(marks) - 1) if heading else " " * len(marks)
        return " " * len(marks) + inner + closing

    return _EMPHASIS.sub(replace, line)
