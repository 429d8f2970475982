"""Which units, valid on a given day, cover the territory of a unit that was not valid then.

Data stay attached to the units that existed when they were observed; to compare a new ward's
2026 value with 2024, or to evaluate the program of a dissolved town (thị xã Đức Phổ, ended
30/6/2025) in 2026, ansinh maps the unit's territory across the reorganisation through its
recorded lineage. Pure code: plain dataclasses in, a Territory out.

Exactness: a mapping is exact only when every lineage edge moves a whole unit and the units
found cover neither more nor less than the original territory. Otherwise the result says so
and the caller shows no number for that period rather than invent one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ansinh.analytics.cube import COMMUNE_LEVEL, UnitVersion


@dataclass(frozen=True)
class Edge:
    predecessor: int
    successor: int
    whole: bool


@dataclass(frozen=True)
class Territory:
    members: tuple[int, ...]  # unit ids valid on the day, together covering the territory
    exact: bool
    mapped: bool  # True when lineage was followed (the unit itself was not valid on the day)
    note: str = ""


class Lineage:
    """Units and succession edges, indexed for territory questions."""

    def __init__(self, units: Iterable[UnitVersion], edges: Iterable[Edge]):
        self.units = {unit.id: unit for unit in units}
        self.children: dict[int, list[int]] = defaultdict(list)
        for unit in self.units.values():
            if unit.parent_id is not None:
                self.children[unit.parent_id].append(unit.id)
        self.successors: dict[int, list[Edge]] = defaultdict(list)
        self.predecessors: dict[int, list[Edge]] = defaultdict(list)
        for edge in edges:
            self.successors[edge.predecessor].append(edge)
            self.predecessors[edge.successor].append(edge)

    def territory(self, unit_id: int, day: date) -> Territory:
        unit = self.units[unit_id]
        if unit.valid_on(day):
            return Territory((unit_id,), True, False)
        forward = unit.valid_to is not None and day > unit.valid_to
        boundary = unit.valid_to if forward else unit.valid_from
        footprint = self._footprint(unit, boundary)
        if not footprint:
            return Territory((), False, True, "đơn vị không có đơn vị cấp xã trực thuộc để quy đổi")
        return self._follow(set(footprint), day, forward)

    def _footprint(self, unit: UnitVersion, day: date) -> list[int]:
        """The commune-level units that made up `unit` on `day` (itself if commune-level)."""
        if unit.level >= COMMUNE_LEVEL:
            return [unit.id]
        found, stack = [], [unit.id]
        while stack:
            for child_id in self.children.get(stack.pop(), []):
                child = self.units[child_id]
                if not child.valid_on(day):
                    continue
                if child.level >= COMMUNE_LEVEL:
                    found.append(child_id)
                else:
                    stack.append(child_id)
        return sorted(found)

    def _follow(self, current: set[int], day: date, forward: bool) -> Territory:
        exact, notes = True, []
        for _ in range(10):  # reorganisations chain at most a few times
            if all(self.units[uid].valid_on(day) for uid in current):
                return Territory(tuple(sorted(current)), exact, True, "; ".join(notes))
            step: set[int] = set()
            for uid in sorted(current):
                if self.units[uid].valid_on(day):
                    step.add(uid)
                    continue
                edges = (self.successors if forward else self.predecessors).get(uid, [])
                if not edges:
                    exact = False
                    notes.append(f"chưa ghi lịch sử sắp xếp của đơn vị #{uid}")
                for edge in edges:
                    other = edge.successor if forward else edge.predecessor
                    step.add(other)
                    if not edge.whole:
                        exact = False
                        notes.append("có đơn vị bị chia tách, không quy đổi chính xác được")
            exact = exact and self._closed(current, step, forward)
            if not exact and not notes:
                notes.append("địa bàn mới rộng hơn hoặc hẹp hơn địa bàn cũ")
            current = step
        return Territory(tuple(sorted(current)), False, True, "chuỗi sắp xếp quá dài")

    def _closed(self, before: set[int], after: set[int], forward: bool) -> bool:
        """Do the units of `after` cover exactly the territory of `before`?"""
        back = self.predecessors if forward else self.successors
        for uid in after - before:
            sources = {edge.predecessor if forward else edge.successor for edge in back.get(uid, [])}
            if not sources <= before:
                return False
        return True
