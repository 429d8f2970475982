"""The indicator library: definitions shared by every program that measures the same thing.

A data element (phần tử dữ liệu) is what an office reports: "số người thất nghiệp". An indicator
(chỉ số) is computed from data elements, never entered: "tỷ lệ thất nghiệp" = Σ unemployed /
Σ labour force × 100. Keeping numerator and denominator separate is what makes aggregation over
communes correct (sum the parts, then divide; never average rates).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CollectionLevel(models.TextChoices):
    COMMUNE = "commune", _("xã, phường (UBND cấp xã báo cáo)")
    TOWN = "town", _("cấp huyện/thị xã (cơ quan chuyên môn, ngành báo cáo)")


class ValueType(models.TextChoices):
    INTEGER = "integer", _("số nguyên")
    NUMBER = "number", _("số thực")


class TimeAggregation(models.TextChoices):
    # How the periods of one year combine into the year's value.
    SUM = "sum", _("cộng dồn các kỳ (lưu lượng)")  # e.g. houses built during the period
    LAST = "last", _("giá trị kỳ cuối (thời điểm)")  # e.g. population at the end of the period


class DataElement(models.Model):
    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    unit_label = models.CharField(_("đơn vị tính"), max_length=60)
    value_type = models.CharField(_("kiểu giá trị"), max_length=10, choices=ValueType.choices, default=ValueType.INTEGER)
    time_aggregation = models.CharField(
        _("gộp theo thời gian"), max_length=10, choices=TimeAggregation.choices, default=TimeAggregation.LAST
    )
    period_type = models.CharField(_("kỳ báo cáo"), max_length=20, default="yearly")
    collection_level = models.CharField(_("cấp thu thập"), max_length=10, choices=CollectionLevel.choices)
    collected_by = models.CharField(_("cơ quan báo cáo"), max_length=200)
    definition = models.TextField(_("định nghĩa"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("phần tử dữ liệu")
        verbose_name_plural = _("phần tử dữ liệu")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class IndicatorKind(models.TextChoices):
    RATIO = "ratio", _("tỷ số (tử số / mẫu số × hệ số)")
    COUNT = "count", _("số đếm (cộng các đơn vị)")
    VALUE = "value", _("giá trị đo ở một cấp (không cộng dồn)")  # life expectancy: estimated, not summed


class Direction(models.TextChoices):
    INCREASE = "increase", _("càng cao càng tốt")
    DECREASE = "decrease", _("càng thấp càng tốt")


class Indicator(models.Model):
    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    unit_label = models.CharField(_("đơn vị tính"), max_length=60)
    kind = models.CharField(_("loại"), max_length=10, choices=IndicatorKind.choices)
    numerator = models.ForeignKey(
        DataElement, verbose_name=_("tử số"), on_delete=models.PROTECT, related_name="numerator_of"
    )
    denominator = models.ForeignKey(
        DataElement, verbose_name=_("mẫu số"), null=True, blank=True, on_delete=models.PROTECT, related_name="denominator_of"
    )
    # Kind "value" (life expectancy) cannot be summed: over several units it is the mean weighted
    # by this data element (population), or unavailable when no weight is given.
    weight = models.ForeignKey(
        DataElement, verbose_name=_("trọng số"), null=True, blank=True, on_delete=models.PROTECT, related_name="weight_of"
    )
    factor = models.PositiveIntegerField(_("hệ số"), default=1, help_text=_("100 cho %, 10.000 cho 'trên 10.000 dân'"))
    direction = models.CharField(_("chiều mong muốn"), max_length=10, choices=Direction.choices)
    definition = models.TextField(_("định nghĩa chính thức"), blank=True)
    source = models.CharField(_("nguồn định nghĩa"), max_length=300, blank=True)
    note = models.TextField(_("lưu ý"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="ratio") | models.Q(denominator__isnull=False), name="indicator_ratio_has_denominator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class DataSet(models.Model):
    """A reporting form (biểu báo cáo): which elements one kind of office reports, how often.

    `level` says which units it is reported for (each commune, or the town); `body_kind` says who
    enters it there: the commune office itself, or a sector agency (BHXH, Trung tâm Y tế …).
    """

    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    period_type = models.CharField(_("kỳ báo cáo"), max_length=20)
    level = models.CharField(_("cấp báo cáo"), max_length=10, choices=CollectionLevel.choices)
    collected_by = models.CharField(_("cơ quan báo cáo"), max_length=200)
    # Days after the cut-off date (thời gian chốt số liệu) by which the report is due.
    due_days = models.PositiveSmallIntegerField(_("hạn gửi (ngày sau ngày chốt số liệu)"), default=5)
    elements = models.ManyToManyField(DataElement, through="DataSetElement", related_name="data_sets")

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("biểu báo cáo")
        verbose_name_plural = _("biểu báo cáo")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class DataSetElement(models.Model):
    data_set = models.ForeignKey(DataSet, on_delete=models.CASCADE)
    # An element is reported on exactly one form, so its data set is never ambiguous.
    data_element = models.OneToOneField(DataElement, on_delete=models.CASCADE, related_name="data_set_link")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["data_set", "position"]


class RuleImportance(models.TextChoices):
    ERROR = "error", _("lỗi (chặn)")
    WARNING = "warning", _("cảnh báo (cần ghi chú)")


class ValidationRule(models.Model):
    """A check between elements of one unit and period, as DHIS2's validation rules:
    left side, operator, right side; e.g. THAT_NGHIEP_THANH_THI <= THAT_NGHIEP."""

    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    left = models.CharField(_("vế trái"), max_length=300)
    operator = models.CharField(_("phép so sánh"), max_length=2)
    right = models.CharField(_("vế phải"), max_length=300)
    importance = models.CharField(_("mức độ"), max_length=10, choices=RuleImportance.choices, default=RuleImportance.ERROR)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.left} {self.operator} {self.right}"
