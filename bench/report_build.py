"""Benchmark: building the review report on the Đức Phổ demo (issue: "under 3 s on this machine").

Builds a throwaway database through the real actions, then times, for the town's annual 2025
review and the final 2030 review: the whole build (reads, composition, charts, Word file, Excel
annex) and, separately, each stage, so a slow stage is visible. The PDF conversion is timed when
LibreOffice is installed (it is a separate, optional program).

Run: make bench   (or: .venv/bin/python -m bench.report_build)
"""

from __future__ import annotations

import statistics
import time

from bench.database import throwaway_database

RUNS = 5


def _timed(function, runs: int = RUNS) -> tuple[float, float, object]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), max(samples), result


def main() -> None:
    throwaway_database()
    from ansinh.demo.setup import setup_demo

    setup_demo()
    from ansinh.programs.selectors import get_program
    from ansinh.reports import annex, content, docx_writer, pdf
    from ansinh.reports.builder import build_review
    from ansinh.reports.selectors import Signing, breakdown, review_input
    from ansinh.reports.windows import review_window

    build_review("duc-pho-42", "annual", "2025", "534")  # warm-up: imports, matplotlib font cache
    for kind, period in (("annual", "2025"), ("final", "2030")):
        median, worst, built = _timed(lambda kind=kind, period=period: build_review("duc-pho-42", kind, period, "534"))
        print(f"Report {kind} {period} (town 534), Word + Excel annex: median {median:.2f} s, worst {worst:.2f} s "
              f"of {RUNS}; docx {len(built.docx) / 1024:.0f} KiB, xlsx {len(built.xlsx) / 1024:.0f} KiB")
    program = get_program("duc-pho-42")
    window = review_window("annual", "2025", program.start_year, program.end_year)
    from django.utils import timezone

    stages = {
        "read (evaluation, tasks, snapshot)": lambda: review_input(program, window, "534", timezone.localtime(), Signing()),
    }
    _, _, data = _timed(stages["read (evaluation, tasks, snapshot)"], 1)
    stages["compose (text, tables, 2 charts)"] = lambda: content.compose(data)
    _, _, report = _timed(stages["compose (text, tables, 2 charts)"], 1)
    stages["render Word (.docx)"] = lambda: docx_writer.render(report)
    stages["annex breakdown read + Excel"] = lambda: annex.render(data, breakdown(program, window, "534"))
    for name, function in stages.items():
        median, _, _ = _timed(function)
        print(f"  stage {name}: median {median * 1000:.0f} ms")
    if pdf.soffice():
        median, _, _ = _timed(lambda: pdf.convert(docx_writer.render(report), "pdf"), 2)
        print(f"PDF through LibreOffice (optional): median {median:.2f} s")
    else:
        print("PDF through LibreOffice: skipped (soffice not installed)")


if __name__ == "__main__":
    main()
