"""Roll data values up the administrative tree: the element cube. Pure code (numpy, no ORM).

For every data element, period and unit valid at the end of that period, the cube holds:
- `value`: the unit's own value when it has one (a town-level figure from a sector agency is used
  at that level and never added to commune values), otherwise the sum of its children's values;
- `expected` / `reported`: how many of the units that should report this element lie under the
  unit, and how many of them did (completeness). Commune-level elements are expected from
  commune-level units; town-level elements from district-level units while that level exists,
  and from commune-level units once it was abolished (01/7/2025): a commune reports them when
  no district stands above it (`commune_expected`, also used by readers that build commune
  cells from the raw values, analytics/selectors.py).

Only the cells of units above the communes are stored (`CubeSlice.rows`): a commune's cell only
repeats its raw values (summed over categories) and `commune_expected`, so readers build it from
the values, and an import of a million commune values does not write a million cells again.

Elements that cannot be summed (life expectancy) keep only their own values (`summable=False`).
Disaggregations (categories) of one cell are added into its total. Work is vectorised per
"epoch" (the set of units valid at a period's end), so the cost grows with the data, not with
Python loops over units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

COMMUNE_LEVEL, DISTRICT_LEVEL = 3, 2


def commune_expected(town_level: bool, under_district: bool) -> int:
    """How many reports a commune-level unit owes for an element (its own, or none): town-level
    elements come from the district while there is one above the commune."""
    return 0 if town_level and under_district else 1


@dataclass(frozen=True)
class UnitVersion:
    id: int
    parent_id: int | None
    level: int
    valid_from: date | None
    valid_to: date | None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ElementSpec:
    id: int
    town_level: bool  # collected by a sector agency for the district/town
    summable: bool = True


@dataclass(frozen=True)
class PeriodSpec:
    code: str
    end: date


@dataclass
class ValueColumns:
    """Raw values as parallel arrays (element id, unit id, period code, value)."""

    element: np.ndarray
    unit: np.ndarray
    period: np.ndarray  # index into the `periods` list given to roll_up
    value: np.ndarray

    @classmethod
    def from_rows(cls, rows: Sequence[tuple], period_index: dict | None = None) -> ValueColumns:
        """From (element id, unit id, period, value) rows; `period_index` maps period codes to
        indexes when the rows carry codes. Values may be Decimals, floats or ints."""
        if not rows:
            empty = np.array([], dtype=np.int64)
            return cls(empty, empty, empty, np.array([], dtype=np.float64))
        e, u, p, v = zip(*rows)
        periods = np.array([period_index[code] for code in p] if period_index is not None else p, np.int64)
        return cls(np.array(e, np.int64), np.array(u, np.int64), periods, np.array(v, np.float64))

    def __len__(self) -> int:
        return len(self.value)

    def where(self, mask: np.ndarray) -> ValueColumns:
        return ValueColumns(self.element[mask], self.unit[mask], self.period[mask], self.value[mask])

    @classmethod
    def joined(cls, parts: Sequence[ValueColumns]) -> ValueColumns:
        return cls(*(np.concatenate([getattr(part, name) for part in parts]) for name in ("element", "unit", "period", "value")))


@dataclass
class CubeSlice:
    """Aggregates of one epoch: arrays [element, period-in-epoch, unit]."""

    unit_ids: np.ndarray
    element_ids: np.ndarray
    period_indexes: np.ndarray  # global period indexes of this epoch
    value: np.ndarray  # NaN where nothing was reported under the unit
    reported: np.ndarray
    expected: np.ndarray
    parent: np.ndarray  # position of each unit's parent, -1 for roots
    level: np.ndarray  # administrative level of each unit (1 province … 3 commune)

    def rows(self):
        """The cells stored (ElementAggregate): those of the units above the communes. A commune's
        cell is its own values, which readers take from the values themselves."""
        return self._cells(self.level < COMMUNE_LEVEL)

    def cells(self):
        """Every cell worth having, communes included (what readers see)."""
        return self._cells(np.ones(len(self.level), dtype=bool))

    def _cells(self, of_units: np.ndarray):
        """(element id, global period index, unit id, value or None, reported, expected) for the
        cells worth having among `of_units`: those with a value, and the silent ones whose parent
        has a value (a commune that did not report while its neighbours did must count in
        completeness)."""
        has_value = ~np.isnan(self.value)
        parent_has_value = np.zeros_like(has_value)
        children = self.parent >= 0
        parent_has_value[:, :, children] = has_value[:, :, self.parent[children]]
        wanted = (has_value | (parent_has_value & (self.expected > 0))) & of_units[None, None, :]
        e_idx, p_idx, u_idx = np.nonzero(wanted)
        values = self.value[e_idx, p_idx, u_idx]
        # Built column by column with numpy, then zipped: a million cells in well under a second.
        value_list = np.where(np.isnan(values), None, values).tolist()
        return zip(
            self.element_ids[e_idx].tolist(),
            self.period_indexes[p_idx].tolist(),
            self.unit_ids[u_idx].tolist(),
            value_list,
            self.reported[e_idx, p_idx, u_idx].tolist(),
            self.expected[e_idx, p_idx, u_idx].tolist(),
        )


def roll_up(units: Sequence[UnitVersion], elements: Sequence[ElementSpec], periods: Sequence[PeriodSpec], values: ValueColumns) -> list[CubeSlice]:
    """The cube for every period, one slice per epoch (periods sharing the same valid units)."""
    epochs: dict[tuple[int, ...], list[int]] = {}
    for index, period in enumerate(periods):
        valid = tuple(sorted(u.id for u in units if u.valid_on(period.end)))
        epochs.setdefault(valid, []).append(index)
    by_id = {u.id: u for u in units}
    return [_roll_up_epoch([by_id[i] for i in ids], elements, np.array(indexes), values) for ids, indexes in epochs.items()]


def _roll_up_epoch(units: list[UnitVersion], elements: Sequence[ElementSpec], period_indexes: np.ndarray, values: ValueColumns) -> CubeSlice:
    unit_ids = np.array([u.id for u in units], dtype=np.int64)
    pos = {uid: i for i, uid in enumerate(unit_ids.tolist())}
    n_units, n_elements, n_periods = len(units), len(elements), len(period_indexes)
    parent = np.array([pos.get(u.parent_id, -1) if u.parent_id is not None else -1 for u in units], dtype=np.int64)
    level = np.array([u.level for u in units], dtype=np.int64)
    own, has_own = _own_values(elements, period_indexes, values, pos, (n_elements, n_periods, n_units))
    leaf_expected = _expected_leaves(elements, level, parent)  # [element, unit]
    subtree_expected = _subtree_sum(leaf_expected, parent, level)
    summable = np.array([e.summable for e in elements], dtype=bool)[:, None, None]
    child_sum, child_has, child_reported = _accumulate_values(own, has_own, leaf_expected, subtree_expected, parent, level, summable)
    value = np.where(has_own, own, np.where(child_has & summable, child_sum, np.nan))
    expected = np.broadcast_to(subtree_expected[:, None, :], value.shape).astype(np.int64)
    reported = np.where(has_own, expected, child_reported).astype(np.int64)
    return CubeSlice(unit_ids, np.array([e.id for e in elements], dtype=np.int64), period_indexes, value, reported, expected, parent, level)


def _own_values(elements, period_indexes, values: ValueColumns, pos: dict[int, int], shape):
    """Dense [element, period, unit] sums of the raw values, and where any value exists."""
    e = _lookup(values.element, {spec.id: i for i, spec in enumerate(elements)})
    p = _lookup(values.period, {int(period): i for i, period in enumerate(period_indexes.tolist())})
    u = _lookup(values.unit, pos)
    keep = (e >= 0) & (p >= 0) & (u >= 0)  # values of other epochs or other elements fall out here
    flat = np.ravel_multi_index((e[keep], p[keep], u[keep]), shape)
    size = shape[0] * shape[1] * shape[2]
    sums = np.bincount(flat, weights=values.value[keep], minlength=size).reshape(shape)
    has = np.bincount(flat, minlength=size).reshape(shape) > 0
    return sums, has


def _lookup(keys: np.ndarray, mapping: dict[int, int]) -> np.ndarray:
    """Vectorised dict lookup: the position of each key in `mapping`, -1 where absent.

    Ids are database keys: small non-negative integers, so a dense table and one gather is the
    fast path; sparse or negative ids fall back to a binary search."""
    if len(keys) == 0 or not mapping:
        return np.full(len(keys), -1, dtype=np.int64)
    known = np.fromiter(mapping.keys(), dtype=np.int64, count=len(mapping))
    positions = np.fromiter(mapping.values(), dtype=np.int64, count=len(mapping))
    low, high = int(known.min()), int(known.max())
    if low >= 0 and high < 4 * len(known) + 10_000_000:
        table = np.full(high + 2, -1, dtype=np.int64)
        table[known] = positions
        return np.where(keys < 0, -1, table[np.clip(keys, 0, high + 1)])
    order = np.argsort(known)
    sorted_known = known[order]
    found = np.clip(np.searchsorted(sorted_known, keys), 0, len(sorted_known) - 1)
    return np.where(sorted_known[found] == keys, positions[order][found], -1)


def _expected_leaves(elements, level: np.ndarray, parent: np.ndarray) -> np.ndarray:
    """[element, unit]: 1 where the unit itself owes the element's report (commune_expected for
    communes; a district owes the town-level ones)."""
    under_district = np.zeros(len(level), dtype=bool)
    children = parent >= 0
    under_district[children] = level[parent[children]] == DISTRICT_LEVEL
    commune = level == COMMUNE_LEVEL
    owes_town_level = (level == DISTRICT_LEVEL) | (commune & ~under_district)
    rows = [owes_town_level if e.town_level else commune for e in elements]
    return np.array(rows, dtype=np.int64).reshape(len(elements), len(level))


def _children_by_level(parent: np.ndarray, level: np.ndarray):
    """(child level, children positions sorted by parent, group starts, parent of each group), deepest first."""
    for child_level in sorted(set(level.tolist()), reverse=True):
        children = np.nonzero((level == child_level) & (parent >= 0))[0]
        if len(children) == 0:
            continue
        order = children[np.argsort(parent[children], kind="stable")]
        parents = parent[order]
        starts = np.r_[0, np.nonzero(np.diff(parents))[0] + 1]
        yield child_level, order, starts, parents[starts]


def _subtree_sum(leaf: np.ndarray, parent: np.ndarray, level: np.ndarray) -> np.ndarray:
    """[element, unit] sums of `leaf` over each unit's subtree, deepest level first."""
    total = leaf.astype(np.float64).copy()
    for _, order, starts, group_parents in _children_by_level(parent, level):
        total[:, group_parents] += np.add.reduceat(total[:, order], starts, axis=1)
    return total


def _accumulate_values(own, has_own, leaf_expected, subtree_expected, parent, level, summable):
    """Bottom-up: a unit's value is its own value if any, else the sum over its children."""
    value = np.where(has_own, own, 0.0)
    has = has_own.copy()
    reported = np.where(has_own, subtree_expected[:, None, :], 0).astype(np.float64)
    child_sum = np.zeros_like(value)
    child_has = np.zeros_like(has)
    child_reported = np.zeros_like(reported)
    for _, order, starts, group_parents in _children_by_level(parent, level):
        child_sum[:, :, group_parents] += np.add.reduceat(value[:, :, order], starts, axis=2)
        child_has[:, :, group_parents] |= np.logical_or.reduceat(has[:, :, order], starts, axis=2)
        child_reported[:, :, group_parents] += np.add.reduceat(reported[:, :, order], starts, axis=2)
        # Parents of this level are final once all their (deeper) children have been added.
        final = np.zeros(len(level), dtype=bool)
        final[group_parents] = True
        take_children = final[None, None, :] & ~has_own
        value = np.where(take_children, np.where(summable, child_sum, 0.0), value)
        has = np.where(take_children, child_has & summable, has)
        reported = np.where(take_children, child_reported, reported)
    return child_sum, child_has, child_reported
