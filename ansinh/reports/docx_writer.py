"""Render a `content.Report` as an editable Word document (.docx) with python-docx.

A4, Times New Roman, the margins and header blocks of the letterhead's layout (docs/reports.md):
every element is ordinary Word text, tables and pictures, so an official edits it as usual.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ansinh.reports.content import Chart, Paragraph, Report, Table
from ansinh.reports.layout import MARGINS_MM, NATIONAL_MOTTO, NATIONAL_TITLE, PARTY, PARTY_TITLE, STATE, Letterhead

FONT = "Times New Roman"
BODY_SIZE = 14
A4_MM = (210, 297)
_HEADINGS = {"heading1": (True, False), "heading2": (True, False), "heading3": (True, True)}


def render(report: Report) -> bytes:
    document = Document()
    _base_style(document)
    layout = report.letterhead.layout if report.letterhead else STATE
    _page(document.sections[0], layout, landscape=False)
    _page_numbers(document.sections[0])
    if report.letterhead:
        _letterhead(document, report.letterhead)
    _title(document, report.doc_type, report.subject)
    for block in report.blocks:
        if isinstance(block, Paragraph):
            _paragraph(document, block)
        elif isinstance(block, Table):
            _table(document, block, layout)
        elif isinstance(block, Chart):
            _chart(document, block)
    if report.letterhead:
        _signature(document, report.letterhead, report.signer_lines)
    _properties(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _base_style(document) -> None:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_SIZE)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.15


def _page(section, layout: str, *, landscape: bool) -> None:
    width, height = A4_MM
    top, bottom, left, right = MARGINS_MM[layout]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(height), Mm(width)) if landscape else (Mm(width), Mm(height))
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)


def _page_numbers(section) -> None:
    """Page numbers centred in the top margin, none on the first page (NĐ 30/2020, 36-HD/VPTW)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    run.font.size = Pt(BODY_SIZE)


def _letterhead(document, head: Letterhead) -> None:
    table = _borderless_table(document, 2, [Cm(7.8), Cm(8.7)])
    left, right = table.rows[0].cells
    if head.layout == PARTY:
        _cell_line(left, head.superior, 14, first=True)
        _cell_line(left, head.issuer, 14, bold=True)
        _cell_line(left, "*", 14)
        _cell_line(left, head.number_line, 14)
        _cell_line(right, PARTY_TITLE, 15, bold=True, underline=True, first=True)
        _cell_line(right, "", 14)
        _cell_line(right, head.place_date, 14, italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    else:
        first = True
        if head.superior:
            _cell_line(left, head.superior, 13, first=True)
            first = False
        for line in head.issuer.splitlines():
            _cell_line(left, line, 13, bold=True, first=first)
            first = False
        _cell_line(left, "", 6)
        _cell_line(left, head.number_line, 13)
        _cell_line(right, NATIONAL_TITLE, 12, bold=True, first=True)
        _cell_line(right, NATIONAL_MOTTO, 13, bold=True, underline=True)
        _cell_line(right, "", 13)
        _cell_line(right, head.place_date, 14, italic=True)


def _title(document, doc_type: str, subject: str) -> None:
    for text, size in ((doc_type, 16), (subject, 14)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(12 if text is doc_type else 0)
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    rule = document.add_paragraph()
    rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rule.add_run("-----").font.size = Pt(BODY_SIZE)


def _paragraph(document, block: Paragraph) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1.0)
    run = paragraph.add_run(block.text)
    if block.kind in _HEADINGS:
        run.bold, run.italic = _HEADINGS[block.kind]
        paragraph.paragraph_format.keep_with_next = True
    elif block.kind == "placeholder":
        run.italic = True
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    elif block.kind == "note":
        run.italic = True
    elif block.kind == "caption":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.italic = True


def _table(document, block: Table, layout: str) -> None:
    if block.landscape:
        _new_section(document, layout, landscape=True)
    caption = document.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    caption_run = caption.add_run(block.caption)
    caption_run.italic = True
    caption_run.font.size = Pt(12)
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [Cm(w) for w in block.widths_cm])
    _repeat_header(table.rows[0])
    for index, title in enumerate(block.columns):
        _table_text(table.rows[0].cells[index], title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row_index, values in enumerate(block.rows, start=1):
        cells = table.rows[row_index].cells
        if row_index - 1 in block.group_rows:
            merged = cells[0].merge(cells[-1])
            _table_text(merged, values[0], bold=True)
            continue
        for index, value in enumerate(values):
            align = WD_ALIGN_PARAGRAPH.RIGHT if index in block.number_columns else (WD_ALIGN_PARAGRAPH.CENTER if index in (0, 2) else WD_ALIGN_PARAGRAPH.LEFT)
            _table_text(cells[index], value, align=align)
    _widths(table, [Cm(w) for w in block.widths_cm])
    if block.landscape:
        _new_section(document, layout, landscape=False)


def _new_section(document, layout: str, *, landscape: bool) -> None:
    """A section for a wide table; its first page is numbered too (only page 1 of the report is not)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _page(section, layout, landscape=landscape)
    section.different_first_page_header_footer = False


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table_text(cell, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(12)


def _chart(document, block: Chart) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
    caption = document.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = caption.add_run(block.caption)
    run.italic = True
    run.font.size = Pt(12)


def _signature(document, head: Letterhead, signer_lines: tuple[str, ...]) -> None:
    table = _borderless_table(document, 2, [Cm(8.0), Cm(8.0)])
    keep_together = OxmlElement("w:cantSplit")  # the signature block never breaks across pages
    table.rows[0]._tr.get_or_add_trPr().append(keep_together)
    left, right = table.rows[0].cells
    heading = "Nơi nhận:"
    _cell_line(left, heading, 14 if head.layout == PARTY else 12, bold=head.layout == STATE, italic=head.layout == STATE,
               underline=head.layout == PARTY, first=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for index, recipient in enumerate(head.recipients):
        ending = "." if index == len(head.recipients) - 1 else ","
        _cell_line(left, f"- {recipient}{ending}", 12 if head.layout == PARTY else 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for index, line in enumerate(signer_lines):
        _cell_line(right, line, 14, bold=index < 2 or index == len(signer_lines) - 1, first=index == 0)


def _borderless_table(document, columns: int, widths):
    table = document.add_table(rows=1, cols=columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    return table


def _widths(table, widths) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word reads those)."""
    table.autofit = False
    for index, width in enumerate(widths):
        table.columns[index].width = width
    for row in table.rows:
        for index, width in enumerate(widths):
            if index < len(row.cells):
                row.cells[index].width = width


def _cell_line(cell, text: str, size: int, *, bold: bool = False, italic: bool = False, underline: bool = False,
               first: bool = False, align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline


def _properties(document, report: Report) -> None:
    properties = document.core_properties
    properties.author = "ansinh"
    properties.last_modified_by = "ansinh"
    properties.revision = 1
    for name, value in report.properties.items():
        setattr(properties, name, value)
    if report.snapshot:
        moment = report.snapshot.generated_at.replace(tzinfo=None, microsecond=0)
        properties.created = moment
        properties.modified = moment
