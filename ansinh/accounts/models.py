"""Roles with scopes (docs/permissions.md): what a user may do, where."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("quản trị hệ thống")  # everything
    PROGRAM_ADMIN = "program_admin", _("quản trị chương trình")  # edits programs
    APPROVER = "approver", _("người duyệt số liệu")  # approves reports of the units under its scope unit
    AGENCY_OFFICER = "agency_officer", _("cán bộ cơ quan chuyên môn")  # enters the data sets of its agency
    COMMUNE_OFFICER = "commune_officer", _("cán bộ xã, phường")  # enters and submits its commune's reports
    SUPERVISOR = "supervisor", _("giám sát (HĐND, Mặt trận)")  # reads everything, changes no data
    VIEWER = "viewer", _("xem")  # reads
    BODY_OFFICER = "body_officer", _("cán bộ cơ quan thực hiện nhiệm vụ")  # reports on its body's tasks


class RoleAssignment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    # Where the role applies: this unit and everything under it (None: everywhere).
    unit = models.ForeignKey("orgunits.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # For agency officers: the data sets whose `collected_by` names this agency.
    agency = models.CharField(_("cơ quan"), max_length=200, blank=True)
    # The body the user works for (reports on its tasks; as lead body, reviews the reports).
    body = models.ForeignKey("programs.Body", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["user", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "role", "unit", "agency", "body"], name="role_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.unit or 'toàn hệ thống'})"


class ApiToken(models.Model):
    """A personal API token (docs/api.md). Only its SHA-256 is stored: the token itself is shown
    once, when it is created. Revoking keeps the row, so the audit trail stays whole."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    prefix = models.CharField(_("tiền tố"), max_length=16)  # the first characters, to recognise a token in a list
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["user", "-created_at"]
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")

    def __str__(self) -> str:
        return f"{self.user} – {self.name} ({self.prefix}…)"


# The second factor is django-otp's TOTP device (ADR 0013). Turning it on or off, and an
# administrator's reset, are recorded like every other write; the secret and the counters that
# change at each login are not copied into the history.
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from simple_history import register  # noqa: E402

register(
    TOTPDevice,
    app="ansinh.accounts",
    table_name="accounts_historicaltotpdevice",
    excluded_fields=["key", "last_t", "drift", "throttling_failure_timestamp", "throttling_failure_count", "last_used_at", "created_at"],
)
