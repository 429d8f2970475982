"""Materialised analytics: element aggregates per unit and period, kept current by the actions
that change data values (pages read these, never the raw values), and the statuses people set
for qualitative targets."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ansinh.analytics.progress import STATUS_LABELS_VI


class ElementAggregate(models.Model):
    """One cell of the element cube (analytics/cube.py): a unit's own value or its children's sum."""

    # The unique constraint and the (unit, period) index cover the lookups; no per-key indexes.
    data_element = models.ForeignKey("indicators.DataElement", on_delete=models.CASCADE, related_name="+", db_index=False)
    unit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.CASCADE, related_name="+", db_index=False)
    period = models.CharField(max_length=10)
    value = models.FloatField(null=True)  # None: nothing reported under the unit
    reported = models.PositiveIntegerField()  # reporting units under it that reported
    expected = models.PositiveIntegerField()  # reporting units under it that should report

    class Meta:
        constraints = [models.UniqueConstraint(fields=["data_element", "unit", "period"], name="aggregate_unique_cell")]
        indexes = [models.Index(fields=["unit", "period"])]


class ManualStatus(models.Model):
    """A status set by a person for a qualitative target (no number to compute it from)."""

    target = models.ForeignKey("programs.Target", on_delete=models.CASCADE, related_name="manual_statuses")
    unit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=list(STATUS_LABELS_VI.items()))
    reason = models.TextField(_("lý do, căn cứ"))
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "unit", "year"], name="manual_status_unique")]
