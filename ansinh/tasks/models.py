"""Task follow-up: what each assigned body reports on each task, each period; outputs with
deadlines; evidence files; reminders sent; periods closed after their review."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OutputKind(models.TextChoices):
    PLAN = "plan", _("kế hoạch")
    DECISION = "decision", _("quyết định")
    REPORT = "report", _("báo cáo")
    CAMPAIGN = "campaign", _("đợt tuyên truyền, vận động")
    OTHER = "other", _("sản phẩm khác")


class TaskOutput(models.Model):
    """A dated product a body owes under a task (sản phẩm): a plan, a decision, a report …"""

    task = models.ForeignKey("programs.TaskGroup", on_delete=models.CASCADE, related_name="outputs")
    body = models.ForeignKey("programs.Body", on_delete=models.PROTECT, related_name="outputs")
    title = models.CharField(_("sản phẩm"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=OutputKind.choices)
    due = models.DateField(_("thời hạn"))
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due", "id"]


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("chưa triển khai")
    IN_PROGRESS = "in_progress", _("đang triển khai")
    DONE = "done", _("hoàn thành")
    LATE = "late", _("chậm")


class ReportState(models.TextChoices):
    SUBMITTED = "submitted", _("đã gửi")
    RETURNED = "returned", _("bị trả lại, cần bổ sung")


class TaskReport(models.Model):
    """A body's report on one task for one period (6 tháng / năm)."""

    task = models.ForeignKey("programs.TaskGroup", on_delete=models.CASCADE, related_name="reports")
    body = models.ForeignKey("programs.Body", on_delete=models.PROTECT, related_name="task_reports")
    period = models.CharField(_("kỳ"), max_length=10)
    status = models.CharField(_("tình hình"), max_length=12, choices=ProgressStatus.choices)
    progress_percent = models.PositiveSmallIntegerField(_("% tiến độ"), null=True, blank=True)
    text = models.TextField(_("kết quả thực hiện"))
    targets = models.ManyToManyField("programs.Target", blank=True, related_name="task_reports")
    state = models.CharField(_("trạng thái"), max_length=10, choices=ReportState.choices, default=ReportState.SUBMITTED)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["task", "body", "period"]
        constraints = [models.UniqueConstraint(fields=["task", "body", "period"], name="task_report_unique")]


class Evidence(models.Model):
    """A file attached to a report, stored outside the web root under a generated name."""

    report = models.ForeignKey(TaskReport, on_delete=models.CASCADE, related_name="evidence")
    original_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=80, unique=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)


class Reminder(models.Model):
    """A reminder sent to a body: at most one per body per day."""

    body = models.ForeignKey("programs.Body", on_delete=models.CASCADE, related_name="reminders")
    sent_on = models.DateField()
    recipients = models.JSONField(default=list)
    message = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["body", "sent_on"], name="one_reminder_per_body_per_day")]


class PeriodClosure(models.Model):
    """A reporting period closed after its review: no report for it may be filed or changed."""

    program = models.ForeignKey("programs.Program", on_delete=models.CASCADE, related_name="closed_periods")
    period = models.CharField(max_length=10)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["program", "period"], name="period_closure_unique")]
