"""Observed values (số liệu): one number of one data element, for one unit, one period.

The unit is the unit *version* valid when the value was observed (an old commune for 2024,
a new ward for 2026); analytics follows lineage, values are never re-attached.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DataValue(models.Model):
    data_element = models.ForeignKey("indicators.DataElement", on_delete=models.PROTECT, related_name="values")
    unit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.PROTECT, related_name="data_values")
    period = models.CharField(_("kỳ"), max_length=10, help_text=_("2025, 2025S1, 2025Q3, 202507"))
    # Disaggregation (e.g. "sex:female"); "" is the total, as DHIS2's default category combo.
    category = models.CharField(_("phân tổ"), max_length=60, blank=True, default="")
    value = models.DecimalField(_("giá trị"), max_digits=18, decimal_places=4)
    comment = models.CharField(_("ghi chú"), max_length=500, blank=True)
    source = models.CharField(_("nguồn số liệu"), max_length=300, blank=True, help_text=_("cơ quan, văn bản"))
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["data_element", "unit", "period", "category"]
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [
            models.UniqueConstraint(fields=["data_element", "unit", "period", "category"], name="datavalue_unique_cell"),
        ]
        indexes = [models.Index(fields=["period", "data_element"])]

    def __str__(self) -> str:
        return f"{self.data_element_id}@{self.unit_id}/{self.period}={self.value}"
