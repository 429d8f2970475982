"""Which reports each body owes on each task, and which are overdue. Pure code.

Tasks are reported every six months (the program's interim rhythm: "6 tháng đầu năm", "cả năm"),
by their implementing bodies (or by the lead body when the task names no other). A continuous task
("Thường xuyên") or a yearly one ("Năm 2024 và các năm tiếp theo") is due every period from its
start; a task with a fixed date is due every period until its date; an unspecified timeline is due
every period of the program. A period's report is due `REPORT_DUE_DAYS` after the period's cut-off
date (ansinh.datavalues.reporting).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ansinh.core.periods import parse_period, periods_of_year
from ansinh.datavalues.reporting import due_date

REPORT_DUE_DAYS = 10


@dataclass(frozen=True)
class TaskPlan:
    task_id: int
    number: str
    timeline_kind: str
    from_year: int | None
    due: date | None
    reporters: tuple[int, ...]  # body ids expected to report


@dataclass(frozen=True)
class Expected:
    task_id: int
    body_id: int
    period: str
    due: date


def report_periods(start_year: int, today: date) -> list[str]:
    """Six-month periods from the program's start whose cut-off has passed or is under way."""
    periods = []
    for year in range(start_year, today.year + 1):
        for code in periods_of_year(year, "six_monthly"):
            if parse_period(code).start <= today:
                periods.append(code)
    return periods


def expected_reports(plans: list[TaskPlan], periods: list[str]) -> list[Expected]:
    found = []
    for plan in plans:
        for period in periods:
            if _due_in(plan, period):
                found += [Expected(plan.task_id, body, period, due_date(period, REPORT_DUE_DAYS)) for body in plan.reporters]
    return found


def _due_in(plan: TaskPlan, period: str) -> bool:
    start = parse_period(period).start
    if plan.timeline_kind == "yearly_from" and plan.from_year and start.year < plan.from_year:
        return False
    if plan.timeline_kind == "fixed_date" and plan.due and start > plan.due:
        return False
    return True


def missing_reports(expected: list[Expected], filed: set[tuple[int, int, str]], today: date) -> list[Expected]:
    """Expected reports past their due date that no body has filed."""
    return [e for e in expected if e.due < today and (e.task_id, e.body_id, e.period) not in filed]
