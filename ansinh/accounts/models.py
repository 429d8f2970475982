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
