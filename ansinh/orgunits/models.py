"""Administrative units (đơn vị hành chính) with their validity in time, and their lineage.

A unit's identity is its GSO code *and* its validity period: GSO codes and names are reused
across reorganisations (21439 was phường Nguyễn Nghiêm until 30/6/2025 and is phường Đức Phổ
from 01/7/2025). A reorganisation therefore never edits a unit; it closes the old rows
(valid_to), adds new rows (valid_from) and records who succeeded whom (UnitSuccession).
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class UnitLevel(models.IntegerChoices):
    PROVINCE = 1, _("cấp tỉnh")
    DISTRICT = 2, _("cấp huyện")  # abolished on 01/7/2025 (Luật 72/2025/QH15)
    COMMUNE = 3, _("cấp xã")


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("tỉnh")
    CENTRAL_CITY = "central_city", _("thành phố trực thuộc trung ương")
    RURAL_DISTRICT = "rural_district", _("huyện")
    URBAN_DISTRICT = "urban_district", _("quận")
    TOWN = "town", _("thị xã")
    PROVINCIAL_CITY = "provincial_city", _("thành phố thuộc tỉnh")
    COMMUNE = "commune", _("xã")
    WARD = "ward", _("phường")
    TOWNSHIP = "township", _("thị trấn")
    SPECIAL_ZONE = "special_zone", _("đặc khu")


class OrgUnit(models.Model):
    code = models.CharField(_("mã"), max_length=10, db_index=True, help_text=_("Mã GSO, đủ chữ số: 51, 534, 21439"))
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    level = models.PositiveSmallIntegerField(_("cấp"), choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("trực thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # None = in force before the earliest edition we hold (the edition does not say since when).
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    # None = still in force.
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code", F("valid_from").asc(nulls_first=True)]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="orgunit_code_from_unique"),
            models.UniqueConstraint(
                fields=["code"], condition=Q(valid_from__isnull=True), name="orgunit_code_open_start_unique"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="orgunit_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code}, {self.validity_label})"

    @property
    def validity_label(self) -> str:
        start = self.valid_from.strftime("%d/%m/%Y") if self.valid_from else "…"
        end = self.valid_to.strftime("%d/%m/%Y") if self.valid_to else "nay"
        return f"{start}–{end}"


class SuccessionKind(models.TextChoices):
    MERGE = "merge", _("nhập")  # the whole predecessor went into the successor
    SPLIT = "split", _("chia tách")  # only part of the predecessor went into the successor
    RENAME = "rename", _("đổi tên")


class UnitSuccession(models.Model):
    """One edge of the lineage graph: (part of) `predecessor` became (part of) `successor`."""

    predecessor = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="successions_out")
    successor = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="successions_in")
    effective_on = models.DateField(_("ngày có hiệu lực"))
    kind = models.CharField(_("hình thức"), max_length=10, choices=SuccessionKind.choices)
    # Whole predecessor inside the successor? Only then can its data be re-mapped exactly.
    whole = models.BooleanField(_("nhập nguyên trạng"), default=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["effective_on", "successor__code", "predecessor__code"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_unique_edge"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_on})"
