"""The demo's reviewed years: the reports of 2023 and 2024 submitted and approved through the real
workflow actions (each commune's, then the town's), so the locks, the reporting pages and the
public page have approved figures to show. Idempotent: reports already approved are left alone."""

from __future__ import annotations

from django.db import transaction

from ansinh.core.periods import periods_of_year
from ansinh.datavalues.actions import do_approve_report, do_submit_report
from ansinh.datavalues.models import Submission, SubmissionStatus
from ansinh.datavalues.selectors import reporting_units_below
from ansinh.indicators.models import DataSet
from ansinh.orgunits.models import OrgUnit

REVIEWED_YEARS = (2023, 2024)
CHANNEL = "demo"


@transaction.atomic
def approve_reviewed_years(town: OrgUnit, acting_user, years: tuple[int, ...] = REVIEWED_YEARS) -> int:
    """Submit and approve every report of `town` and the units under it for `years`; returns how
    many reports were approved now."""
    approved = 0
    done = {(s.data_set_id, s.unit_id, s.period) for s in Submission.objects.filter(status=SubmissionStatus.APPROVED)}
    for data_set in DataSet.objects.order_by("code"):
        for year in years:
            for period in periods_of_year(year, data_set.period_type):
                for unit in reporting_units_below(data_set, town, period):
                    approved += _approve(data_set, unit, period, acting_user, done)
                approved += _approve(data_set, town, period, acting_user, done)
    return approved


def _approve(data_set: DataSet, unit: OrgUnit, period: str, acting_user, done: set) -> int:
    if (data_set.pk, unit.pk, period) in done:
        return 0
    if not reporting_units_below(data_set, unit, period):  # a reporting unit: it submits first
        do_submit_report(data_set, unit, period, acting_user=acting_user, channel=CHANNEL)
    do_approve_report(data_set, unit, period, acting_user=acting_user, channel=CHANNEL)
    return 1
