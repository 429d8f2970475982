"""Benchmark: the database-backed analytics path on the Đức Phổ demo (SQLite, or the database
named by DATABASE_URL). Builds a throwaway database through the real actions, then times:
  - evaluation of the whole program for the former town in 2026 (what a page does);
  - one corrected value through do_set_data_values, including the incremental refresh;
  - a full refresh of the materialised cube.

Run: make bench   (or: .venv/bin/python -m bench.demo_analytics)
"""

from __future__ import annotations

import statistics
import time

from bench.database import throwaway_database


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms ({len(ordered)} runs)"


def main() -> None:
    throwaway_database()
    from ansinh.accounts.actions import get_or_create_system_user
    from ansinh.analytics.actions import do_refresh_aggregates
    from ansinh.analytics.selectors import evaluate_program
    from ansinh.datavalues.actions import ValueEntry, do_set_data_values
    from ansinh.datavalues.models import DataValue
    from ansinh.demo.setup import setup_demo
    from ansinh.programs.models import Program

    start = time.perf_counter()
    setup_demo()
    print(f"Demo installation built through the actions: {time.perf_counter() - start:.2f} s "
          f"({DataValue.objects.count():,} values)")
    program = Program.objects.get(code="duc-pho-42")
    samples = []
    for _ in range(30):
        start = time.perf_counter()
        evaluate_program(program, "534", 2026)
        samples.append(time.perf_counter() - start)
    print(f"evaluate duc-pho-42 at 534 for 2026 (34 targets): {_percentiles(samples)}")
    user = get_or_create_system_user("bench")
    value = DataValue.objects.select_related("data_element", "unit").get(data_element__code="THAT_NGHIEP", period="2024S2", unit__code="21442")
    samples = []
    for step in range(20):
        start = time.perf_counter()
        do_set_data_values([ValueEntry(value.data_element, value.unit, value.period, value.value + step + 1)], acting_user=user, channel="bench")
        samples.append(time.perf_counter() - start)
    print(f"one commune value corrected, incremental refresh included: {_percentiles(samples)}")
    start = time.perf_counter()
    summary = do_refresh_aggregates()
    print(f"full refresh of the cube: {time.perf_counter() - start:.2f} s ({summary.rows:,} rows)")


if __name__ == "__main__":
    main()
