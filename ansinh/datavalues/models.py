"""Observed values (số liệu): one number of one data element, for one unit, one period.

The unit is the unit *version* valid when the value was observed (an old commune for 2024,
a new ward for 2026); analytics follows lineage, values are never re-attached.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DataValue(models.Model):
    # No separate index on data_element: the unique constraint below starts with it. Every index
    # costs on each of a million inserted values (docs/performance.md).
    data_element = models.ForeignKey("indicators.DataElement", on_delete=models.PROTECT, related_name="values", db_index=False)
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
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", db_index=False)
    # Raised by one at every change: a writer that saw version 3 cannot overwrite version 4.
    version = models.PositiveIntegerField(default=1)

    # History rows are looked up by value id (indexed); the other copied keys need no index.
    history = HistoricalRecords(no_db_index=["data_element", "unit", "updated_by", "history_user"])

    class Meta:
        ordering = ["data_element", "unit", "period", "category"]
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [
            models.UniqueConstraint(fields=["data_element", "unit", "period", "category"], name="datavalue_unique_cell"),
        ]

    def __str__(self) -> str:
        return f"{self.data_element_id}@{self.unit_id}/{self.period}={self.value}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("đang nhập")  # values may change freely
    SUBMITTED = "submitted", _("đã gửi")  # waiting for the approver; the reporter cannot change it
    RETURNED = "returned", _("bị trả lại")  # sent back with a reason; open again for the reporter
    APPROVED = "approved", _("đã duyệt")  # locked: values cannot change unless re-opened
    EXCUSED = "excused", _("được miễn")  # the approver excused this unit for this period


class Submission(models.Model):
    """The state of one report: a data set, for one unit, for one period."""

    data_set = models.ForeignKey("indicators.DataSet", on_delete=models.PROTECT, related_name="submissions")
    unit = models.ForeignKey("orgunits.OrgUnit", on_delete=models.PROTECT, related_name="submissions")
    period = models.CharField(_("kỳ"), max_length=10)
    status = models.CharField(_("trạng thái"), max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT)
    reason = models.TextField(_("lý do"), blank=True)  # why it was returned, excused or re-opened
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["data_set", "period", "unit"]
        constraints = [models.UniqueConstraint(fields=["data_set", "unit", "period"], name="submission_unique")]

    def __str__(self) -> str:
        return f"{self.data_set_id}/{self.unit_id}/{self.period}: {self.status}"
