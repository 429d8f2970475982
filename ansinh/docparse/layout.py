"""Tables laid out with spaces or TABs, as a PDF's text comes out with its layout kept:

    TT    Nội dung                          Đơn vị chủ trì        Đơn vị phối hợp       Thời gian
    1     Tuyên truyền Nghị quyết số        Ban Thường trực Ủy    Các tổ chức chính     Thường xuyên
          42-NQ/TW đến Nhân dân             ban MTTQ Việt Nam xã  trị - xã hội xã

Each cell wraps inside its column, side by side with the others. They are read back into the
form a table copied from Word takes (`text.TABLE_NUMBER_HEADINGS`): the heading cells one per
paragraph, then per row its number and its cells, each cell's wrapped lines joined. Positions
stay those of the file: every piece of a cell keeps its offset.

A table Word saves as text has one row per line, its cells parted by TABs; its cells are put one
per line the same way.
"""

from __future__ import annotations

import re

HEADER = re.compile(r"^\s*(?:STT|TT)\s{2,}\S")
# a row's number stands alone in its column: "2     Vận động …", not "2. Định hướng …" (prose)
_ROW_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,2})*|[IVX]+|[a-zđ])[.)]?(?=\s{2,}|\s*$)")
CELL = re.compile(r"\S+(?: \S+)*")  # words one space apart; two or more spaces part cells


# "--- ------------------------------ ----------- ---------": the rule under a table's heading that
# a converter (pandoc's plain text) draws, one run of dashes per column; a rule of one run frames it
RULE = re.compile(r"^\s*-{3,}(?:\s+-{2,})*\s*$")


def columns(line: str, following: list[str] | tuple[str, ...] = ()) -> list[int] | None:
    """Where each column of a heading row starts, if the line is one (three columns or more): from
    the rule of dashes drawn under the heading (its wrapped lines between), else from the gaps of
    two spaces or more between the heading's cells."""
    if not HEADER.match(line):
        return None
    for next_line in following[:4]:
        if RULE.match(next_line):
            runs = [match.start() for match in re.finditer(r"-+", next_line)]
            return runs if len(runs) >= 3 else None
        if not next_line.strip() or next_line[:1].strip():  # the heading wraps on indented lines only
            break
    starts = [match.start() for match in CELL.finditer(line)]
    return starts if len(starts) >= 3 else None


def _second_column_at_the_rows(starts: list[int], rows: list[str]) -> list[int]:
    """A heading centred over its column ("STT        Chỉ tiêu        Đơn vị tính") starts right of
    where the column's cells do ("  1   Tỷ lệ hộ nghèo theo chuẩn …"): the column after the row's
    number starts where the rows' text does, when that is further left."""
    texts = [match.end() for line in rows if (match := re.match(r"\s*\d{1,3}\.?\s{2,}(?=\S)", line))]
    if texts and starts[0] < min(texts) < starts[1]:
        return [starts[0], min(texts), *starts[2:]]
    return starts


def _runs_across(line: str, starts: list[int]) -> bool:
    """A line of prose, its words one space apart over the edges of two columns or more, and not
    a row whose cells are set one space apart (each edge then begins a word)."""
    text = line.strip()
    begin = len(line) - len(line.lstrip())
    crossed = [start for start in starts[1:] if begin < start < begin + len(text)]
    at_words = all(line[start - 1] == " " and line[start] != " " for start in crossed)
    return "  " not in text and len(crossed) >= 2 and not at_words


def _slices(line: str, starts: list[int]) -> list[tuple[int, str]]:
    """(column start in the line, text) of each column; a word that runs over a column's edge
    stays whole in the column it began in."""
    bounds = []
    for start in starts[1:]:
        while start < len(line) and 0 < start and line[start - 1] != " " and line[start] != " ":
            start -= 1  # the edge falls inside a word: the word belongs to the column on the left
        bounds.append(start)
    edges = [0, *bounds, len(line)]
    return [(a, line[a:b]) for a, b in zip(edges, edges[1:])]


def read_table(lines: list[str], offsets: list[int], first: int, is_end) -> tuple[list[tuple[str, list[tuple[int, int]]]], int]:
    """The cells of the table whose heading row is lines[first], as (text, pieces) in reading
    order (pieces: position in text → offset in the file), and the index of the first line after
    it. The table ends at a line `is_end` accepts, or at prose that starts at the margin."""
    starts = _second_column_at_the_rows(columns(lines[first], lines[first + 1 : first + 5]), lines[first + 1 : first + 12])
    rows: list[list[list[tuple[str, int]]]] = [[[] for _ in starts]]  # the heading row first
    numbers: list[tuple[str, int] | None] = [None]
    repeated = False  # a page break repeats the heading row: dropped until the next row
    index = first
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if index > first and is_end(stripped):
            break
        index += 1
        if not stripped or RULE.match(line) or (re.fullmatch(r"\d{1,3}", stripped) and len(line) - len(line.lstrip()) > starts[1]):
            continue  # an empty line, a rule of dashes, or a page number standing out in the middle of the page
        if index - 1 > first and HEADER.match(line):
            repeated = True
            continue
        cells = _slices(line, starts)
        number = cells[0][1].strip()
        if _ROW_NUMBER.match(line) and number:
            rows.append([[] for _ in starts])
            numbers.append((number.rstrip(".)"), offsets[index - 1] + line.index(number)))
            repeated = False
        elif index - 1 > first and (line[:1].strip() or _runs_across(line, starts)):
            index -= 1  # prose, at the margin or running across the columns: the table has ended
            break
        if repeated:
            continue
        for column, (at, text) in enumerate(cells[1:], start=1):
            if text.strip():
                rows[-1][column].append((text.strip(), offsets[index - 1] + at + len(text) - len(text.lstrip())))
        if index - 1 == first:
            rows[0][0].append((number, offsets[first] + line.index(number)))
    return _reading_order(rows, numbers), index


def _reading_order(rows, numbers) -> list[tuple[str, list[tuple[int, int]]]]:
    cells = []
    for row, number in zip(rows, numbers):
        if number:
            cells.append((number[0], [(0, number[1])]))
        for pieces in row:
            if pieces:
                text, joined = "", []
                for piece, offset in pieces:
                    joined.append((len(text) + (1 if text else 0), offset))
                    text = f"{text} {piece}" if text else piece
                cells.append((text, joined))
    return cells


def split_tab_rows(lines: list[str], offsets: list[int]) -> tuple[list[str], list[int]]:
    """Lines and their offsets, with each row of a table saved as text by Word ("1.1<TAB>Phát triển
    kỹ thuật …<TAB>Phòng Kế hoạch tổng hợp<TAB>…", two TABs or more) put one cell per line, each
    cell at its own offset. An empty cell leaves no line, as in a Word table copied to text. A
    line with one TAB after a row's number, next to such a row, is a row of the table too
    ("1<TAB>Giảm nghèo, an sinh xã hội": a group's number and name)."""
    split_lines: list[str] = []
    split_offsets: list[int] = []
    for index, (line, offset) in enumerate(zip(lines, offsets)):
        group_row = bool(re.match(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+)\.?\t", line))
        beside_row = group_row and any(other.count("\t") >= 2 for other in lines[max(index - 1, 0) : index + 2])
        if line.count("\t") < 2 and not beside_row:
            split_lines.append(line)
            split_offsets.append(offset)
            continue
        for cell in re.finditer(r"[^\t]+", line):
            if cell.group().strip():
                split_lines.append(cell.group())
                split_offsets.append(offset + cell.start())
    return split_lines, split_offsets
