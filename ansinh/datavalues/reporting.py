"""Reporting calendar: cut-off dates (thời gian chốt số liệu) and due dates. Pure code.

The state reporting regime (Nghị định 09/2019/NĐ-CP, Điều 12, as repeated in provincial rules such
as Quyết định 01/2023/QĐ-UBND of Khánh Hòa, Điều 4) closes the figures of a report on the 14th:
a month's report covers the 15th of the month before to the 14th; a six-month report the 15th of
December before to 14 June; a yearly report the 15th of December before to 14 December. Each data
set adds its own number of days (`due_days`) for sending the report.
"""

from __future__ import annotations

from datetime import date, timedelta

from ansinh.core.periods import parse_period

CUT_OFF_DAY = 14


def cut_off_date(period_code: str) -> date:
    period = parse_period(period_code)
    if period.period_type in ("yearly",) or period_code.endswith("S2"):
        return date(period.year, 12, CUT_OFF_DAY)
    return date(period.end.year, period.end.month, CUT_OFF_DAY)


def due_date(period_code: str, due_days: int) -> date:
    return cut_off_date(period_code) + timedelta(days=due_days)
