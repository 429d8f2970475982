"""Reading a generated report back with python-docx, for the tests: texts, tables, outline."""

from __future__ import annotations

import io

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def body_items(document):
    """Paragraphs and tables of the body, in document order."""
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            yield Paragraph(child, document)
        elif child.tag.endswith("}tbl"):
            yield Table(child, document)


def all_text(document) -> str:
    parts = []
    for item in body_items(document):
        if isinstance(item, Paragraph):
            parts.append(item.text)
        else:
            parts += [cell.text for row in item.rows for cell in row.cells]
    return "\n".join(parts)


def outline(document) -> list[str]:
    """The document's structure without its figures: bold paragraphs (headings), table shapes, pictures."""
    lines = []
    for item in body_items(document):
        if isinstance(item, Table):
            lines.append(f"TABLE {len(item.rows)}x{len(item.columns)}")
        elif item.runs and all(run.bold for run in item.runs if run.text.strip()) and item.text.strip():
            lines.append(f"{'H3' if item.runs[0].italic else 'B'} {item.text[:70]}")
        elif item._p.xpath(".//pic:pic"):
            lines.append("PICTURE")
    return lines


def target_table(document):
    """The table whose header starts with STT and Chỉ tiêu."""
    return next(t for t in document.tables if t.rows[0].cells[0].text == "STT" and t.rows[0].cells[1].text == "Chỉ tiêu")
