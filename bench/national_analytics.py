"""Benchmark: the analytics engine on a synthetic national dataset (issue 3).

Vietnam's 2024 tree (63 provinces, ~700 districts, ~10,600 communes), 40 indicators of two data
elements each (4 elements reported by district agencies), 7 years, each value split by sex:
about 12 million values. Times, on the same arrays:
  (a) full recompute: the element cube at every level and year, then all 40 indicators there;
  (b) recompute after one commune changes one value (its element, period and province only);
  (c) evaluation of the whole program (40 targets, 7 years, progress status) for one province;
and, as the lower bound for (a), DuckDB GROUP BYs producing the same sums (commune totals,
district and province sums). Prints each figure, the ratio and the peak memory.

Run: make bench   (or: .venv/bin/python -m bench.national_analytics [--scale 0.1])
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date

import numpy as np

from ansinh.analytics.cube import ElementSpec, PeriodSpec, UnitVersion, ValueColumns, roll_up
from ansinh.analytics.evaluation import Cell, ElementInfo, IndicatorInfo, TargetInfo, evaluate_target
from ansinh.analytics.territory import Territory

YEARS = list(range(2020, 2027))
N_INDICATORS = 40
TOWN_LEVEL_ELEMENTS = {1, 3, 5, 7}  # numerators of the first four indicators: district agencies
SEED = 20261129


def build_tree(scale: float) -> tuple[list[UnitVersion], np.ndarray, np.ndarray]:
    """Units, and for every commune its district and province id."""
    rng = np.random.default_rng(SEED)
    n_provinces, n_districts, n_communes = 63, round(700 * scale) or 63, round(10_600 * scale) or 700
    district_province = np.sort(np.r_[np.arange(63), rng.integers(0, 63, n_districts - 63)]) + 1
    commune_district = np.sort(np.r_[np.arange(n_districts), rng.integers(0, n_districts, n_communes - n_districts)]) + 1000
    units = [UnitVersion(i, None, 1, None, None) for i in range(1, n_provinces + 1)]
    units += [UnitVersion(1000 + i, int(district_province[i]), 2, None, None) for i in range(n_districts)]
    units += [UnitVersion(100_000 + i, int(commune_district[i]), 3, None, None) for i in range(n_communes)]
    commune_ids = np.arange(100_000, 100_000 + n_communes)
    return units, commune_ids, commune_district


def build_values(commune_ids: np.ndarray, commune_district: np.ndarray) -> tuple[ValueColumns, dict]:
    """~12 M values (×2 for sex), grouped by element and period like a database index would be."""
    rng = np.random.default_rng(SEED + 1)
    districts = np.unique(commune_district)
    chunks, index, start = [], {}, 0
    for element in range(1, 2 * N_INDICATORS + 1):
        reporters = districts if element in TOWN_LEVEL_ELEMENTS else commune_ids
        is_numerator = element % 2 == 1
        for period in range(len(YEARS)):
            n = len(reporters) * 2  # female, male
            base = rng.integers(200, 5000, n).astype(np.float64)
            value = np.floor(base * (0.3 if is_numerator else 1.0))
            chunks.append((np.full(n, element), np.repeat(reporters, 2), np.full(n, period), value))
            index[(element, period)] = slice(start, start + n)
            start += n
    e, u, p, v = (np.concatenate([c[i] for c in chunks]) for i in range(4))
    return ValueColumns(e.astype(np.int64), u.astype(np.int64), p.astype(np.int64), v), index


def elements() -> list[ElementSpec]:
    return [ElementSpec(e, e in TOWN_LEVEL_ELEMENTS) for e in range(1, 2 * N_INDICATORS + 1)]


def periods() -> list[PeriodSpec]:
    return [PeriodSpec(str(y), date(y, 12, 31)) for y in YEARS]


def full_recompute(units, values):
    slices = roll_up(units, elements(), periods(), values)
    cube = slices[0]
    numerators, denominators = cube.value[0::2], cube.value[1::2]  # elements 1,3,5… over 2,4,6…
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = numerators / denominators * 100  # every indicator, every unit, every year
    return cube, rates


def one_value_changed(units, values, index, cube, commune_id: int, element: int, period: int):
    """Recompute one (element, period) cell inside the changed commune's province, write it back."""
    by_id = {u.id: u for u in units}
    province = commune_id
    while by_id[province].parent_id is not None:
        province = by_id[province].parent_id
    subtree = [u for u in units if _root(u.id, by_id) == province]
    cell = index[(element, period)]
    member = np.isin(values.unit[cell], [u.id for u in subtree])
    part = ValueColumns(values.element[cell][member], values.unit[cell][member], values.period[cell][member], values.value[cell][member])
    (fresh,) = roll_up(subtree, [ElementSpec(element, element in TOWN_LEVEL_ELEMENTS)], periods(), part)
    columns = np.searchsorted(cube.unit_ids, fresh.unit_ids)
    cube.value[element - 1, period, columns] = fresh.value[0, period]
    return fresh


_ROOTS: dict[int, int] = {}


def _root(uid: int, by_id: dict) -> int:
    if uid not in _ROOTS:
        parent = by_id[uid].parent_id
        _ROOTS[uid] = uid if parent is None else _root(parent, by_id)
    return _ROOTS[uid]


def evaluate_province(cube, province_id: int) -> list:
    column = int(np.searchsorted(cube.unit_ids, province_id))
    here = Territory((province_id,), True, False)

    def cell(element_id: int, period: str, unit_id: int):
        p = YEARS.index(int(period))
        value = cube.value[element_id - 1, p, column]
        return Cell(None if np.isnan(value) else float(value), int(cube.reported[element_id - 1, p, column]), int(cube.expected[element_id - 1, p, column]))

    results = []
    for i in range(N_INDICATORS):
        num = ElementInfo(2 * i + 1, f"N{i}", "yearly", "last")
        den = ElementInfo(2 * i + 2, f"D{i}", "yearly", "last")
        indicator = IndicatorInfo(f"I{i}", "ratio", num, den, None, 100)
        target = TargetInfo(f"T{i}", f"target {i}", "ge", 35.0, None, None, "%", 2030, indicator)
        results.append(evaluate_target(target, YEARS, lambda _day: here, cell))
    return results


def duckdb_lower_bound(values, commune_district, units) -> float:
    import duckdb

    district_of = {u.id: u.parent_id for u in units if u.level == 3}
    province_of = {u.id: u.parent_id for u in units if u.level == 2}
    unit_district = np.array([district_of.get(int(u), int(u)) for u in np.unique(values.unit)])
    lookup = dict(zip(np.unique(values.unit).tolist(), unit_district.tolist()))
    district = np.vectorize(lookup.get, otypes=[np.int64])(values.unit)
    province = np.vectorize(lambda d: province_of.get(d, d), otypes=[np.int64])(district)
    con = duckdb.connect()
    con.execute("PRAGMA threads=2")
    con.register("arrays", {"e": values.element, "u": values.unit, "d": district, "p": province, "t": values.period, "v": values.value})
    con.execute("CREATE TABLE v AS SELECT * FROM arrays")
    queries = [
        "CREATE OR REPLACE TEMP TABLE g1 AS SELECT e, u, t, sum(v) FROM v GROUP BY e, u, t",
        "CREATE OR REPLACE TEMP TABLE g2 AS SELECT e, d, t, sum(v) FROM v GROUP BY e, d, t",
        "CREATE OR REPLACE TEMP TABLE g3 AS SELECT e, p, t, sum(v) FROM v GROUP BY e, p, t",
    ]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for query in queries:
            con.execute(query)
        best = min(best, time.perf_counter() - start)
    return best


def timed(function, *args, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the national tree (1.0 = whole country)")
    args = parser.parse_args()
    units, commune_ids, commune_district = build_tree(args.scale)
    values, index = build_values(commune_ids, commune_district)
    print(f"Synthetic dataset: {sum(u.level == 1 for u in units)} provinces, {sum(u.level == 2 for u in units)} districts, "
          f"{sum(u.level == 3 for u in units)} communes; {2 * N_INDICATORS} elements, {len(YEARS)} years, by sex: "
          f"{len(values.value):,} values")
    full, (cube, rates) = timed(full_recompute, units, values)
    changed = int(commune_ids[len(commune_ids) // 2])
    incremental, _ = timed(one_value_changed, units, values, index, cube, changed, 10, 3, repeat=5)
    evaluation, results = timed(evaluate_province, cube, 31, repeat=5)
    lower = duckdb_lower_bound(values, commune_district, units)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    statuses = sorted({r.assessment.status for r in results})
    print(f"(a) full recompute, every indicator at every level and year: {full:.3f} s  (goal: within 3x of DuckDB)")
    print(f"    DuckDB GROUP BY lower bound (commune, district, province sums): {lower:.3f} s")
    print(f"    ratio: {full / lower:.2f}x")
    print(f"(b) recompute after one commune changes one value: {incremental * 1000:.1f} ms  (goal: < 200 ms)")
    print(f"(c) evaluation of a 40-target program for one province: {evaluation * 1000:.1f} ms  (goal: < 500 ms); statuses seen: {', '.join(statuses)}")
    print(f"peak memory: {peak:.2f} GiB  (goal: < 4 GiB)")
    print(f"checks: {int(np.isfinite(rates).sum()):,} indicator values computed")


if __name__ == "__main__":
    main()
