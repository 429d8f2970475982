"""Lineage files (YAML): which units succeeded which in a reorganisation (docs/units.md).

Pure parsing: returns plain edges located by file and line; `actions.do_record_lineage` resolves
the codes against the units valid on each side of the effective date and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ansinh.core.errors import ErrorCode
from ansinh.core.yamlfile import FieldReader, a_date, choice, code, list_of, load_yaml, text

SUCCESSION_KINDS = ("merge", "split", "rename")

_LINEAGE_FIELDS = {"title", "legal_basis", "effective_on", "successions"}
_SUCCESSION_FIELDS = {"successor", "kind", "clause", "legal_basis", "predecessors", "whole"}


@dataclass(frozen=True)
class LineageEdge:
    predecessor_code: str
    successor_code: str
    kind: str
    whole: bool
    legal_basis: str


def parse_lineage_file(path: Path) -> tuple[date, list[LineageEdge]]:
    """Read a lineage YAML file (docs/units.md); every problem located by line and field."""
    data = load_yaml(path)
    reader = FieldReader(Path(path).name)
    if not reader.mapping(data, "", _LINEAGE_FIELDS):
        reader.raise_if_problems()
    legal_basis = reader.required(data, "legal_basis", "", text)
    effective_on = reader.required(data, "effective_on", "", a_date)
    reader.optional(data, "title", "", text)
    edges: list[LineageEdge] = []
    for item_path, item in reader.items(data, "successions", "", required=True):
        if not reader.mapping(item, item_path, _SUCCESSION_FIELDS):
            continue
        successor = reader.required(item, "successor", item_path, code)
        kind = reader.optional(item, "kind", item_path, choice(SUCCESSION_KINDS), "merge")
        clause = reader.optional(item, "clause", item_path, text, "")
        predecessors = reader.required(item, "predecessors", item_path, list_of(code)) or []
        whole = item.get("whole", kind != "split")
        if not isinstance(whole, bool):
            reader.add(ErrorCode.FIELD_INVALID, "phải là true hoặc false", node=item, key="whole", path=f"{item_path}.whole")
        own_basis = reader.optional(item, "legal_basis", item_path, text)
        basis = own_basis or (f"{legal_basis}, {clause}" if clause else (legal_basis or ""))
        edges.extend(LineageEdge(pred, successor, kind, bool(whole), basis) for pred in predecessors if successor)
    reader.raise_if_problems()
    return effective_on, edges
