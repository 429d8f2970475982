"""An action program (chương trình hành động) as data: its targets, task groups and bodies.

Programs are loaded from and exported to the YAML program file (docs/program-file.md); the
models hold exactly what the file says, so a round trip is lossless.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class BodyKind(models.TextChoices):
    PARTY = "party", _("cơ quan Đảng")
    STATE = "state", _("cơ quan nhà nước")
    COUNCIL = "council", _("Hội đồng nhân dân")
    FRONT = "front", _("Mặt trận, đoàn thể")
    SECTOR = "sector", _("cơ quan chuyên môn, ngành")
    GROUP = "group", _("nhóm cơ quan")  # "các đảng ủy, chi bộ trực thuộc": many bodies named at once


class Body(models.Model):
    """A body (cơ quan, đơn vị) that leads or carries out tasks; shared across programs."""

    code = models.CharField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=BodyKind.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")

    def __str__(self) -> str:
        return self.name


class Program(models.Model):
    code = models.CharField(_("mã"), max_length=80, unique=True)
    doc_type = models.CharField(_("loại văn bản"), max_length=100)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    title = models.TextField(_("trích yếu"))
    issuing_body = models.ForeignKey(Body, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+")
    superior_body_name = models.CharField(_("cơ quan cấp trên"), max_length=200, blank=True)
    issued_on = models.CharField(_("ngày ban hành"), max_length=10, help_text=_("YYYY, YYYY-MM hoặc YYYY-MM-DD"))
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    is_draft = models.BooleanField(_("dự thảo"), default=False)
    scope_unit = models.ForeignKey(
        "orgunits.OrgUnit", verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="programs"
    )
    # The date the file identified the scope unit on (a code alone is ambiguous across reforms).
    scope_unit_on = models.DateField(_("địa bàn xác định vào ngày"))
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    vision_year = models.PositiveSmallIntegerField(_("tầm nhìn đến năm"), null=True, blank=True)
    signer = models.CharField(_("thẩm quyền ký"), max_length=200, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    general_objective = models.TextField(_("mục tiêu tổng quát"), blank=True)
    # Groups of targets as the document presents them: [{"code": ..., "name": ...}, ...].
    areas = models.JSONField(_("lĩnh vực"), default=list, blank=True)
    # The bodies the file declares, in its order (bodies themselves are shared records).
    body_codes = models.JSONField(default=list, blank=True)
    source_file = models.CharField(_("tệp nguồn"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")

    def __str__(self) -> str:
        return f"{self.code}: {self.title[:80]}"


class ProgramBasis(models.Model):
    """A document the program implements (căn cứ): NQ 42-NQ/TW → KH 19-KH/TW → CTr 43-CTr/TU."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="bases")
    position = models.PositiveSmallIntegerField()
    doc_type = models.CharField(max_length=100)
    number = models.CharField(max_length=60)
    issued_on = models.CharField(max_length=10, blank=True)
    issuer = models.CharField(max_length=200, blank=True)
    title = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "position"]

    def __str__(self) -> str:
        return f"{self.doc_type} {self.number}"


class Comparator(models.TextChoices):
    LT = "lt", _("dưới")
    LE = "le", _("không quá")
    GT = "gt", _("trên")
    GE = "ge", _("đạt tối thiểu")
    EQ = "eq", _("đạt")
    APPROX = "approx", _("khoảng")
    RANGE = "range", _("trong khoảng")
    QUAL = "qual", _("định tính")


class Target(models.Model):
    """A target (chỉ tiêu) of a program, with the seed sentence it comes from."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(_("mã"), max_length=60)
    position = models.PositiveSmallIntegerField()
    area = models.CharField(_("lĩnh vực"), max_length=60)
    name = models.CharField(_("tên"), max_length=400)
    comparator = models.CharField(_("so sánh"), max_length=10, choices=Comparator.choices)
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=4, null=True, blank=True)
    low = models.DecimalField(_("cận dưới"), max_digits=14, decimal_places=4, null=True, blank=True)
    high = models.DecimalField(_("cận trên"), max_digits=14, decimal_places=4, null=True, blank=True)
    unit_label = models.CharField(_("đơn vị tính"), max_length=60, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"))
    indicator = models.ForeignKey(
        "indicators.Indicator", verbose_name=_("chỉ số"), null=True, blank=True, on_delete=models.PROTECT, related_name="targets"
    )
    # Cumulative targets ("300 căn hộ" built 2024–2030) add the indicator's yearly values from here.
    accumulate_from = models.PositiveSmallIntegerField(_("cộng dồn từ năm"), null=True, blank=True)
    source_text = models.TextField(_("trích nguyên văn"))
    baseline_value = models.DecimalField(_("giá trị gốc"), max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("năm gốc"), null=True, blank=True)
    baseline_source = models.CharField(_("nguồn giá trị gốc"), max_length=300, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "position"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["program", "code"], name="target_code_unique_in_program")]

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"


class TargetMilestone(models.Model):
    """An intermediate target, e.g. the 2025 figures that section IV.3 asks the UBND to set."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="milestones")
    year = models.PositiveSmallIntegerField()
    comparator = models.CharField(max_length=10, choices=Comparator.choices)
    value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    low = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    high = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["target", "year"]
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="milestone_unique_year")]


class TimelineKind(models.TextChoices):
    CONTINUOUS = "continuous", _("thường xuyên")
    YEARLY_FROM = "yearly_from", _("hằng năm, từ năm")
    FIXED_DATE = "fixed_date", _("thời hạn cố định")
    UNSPECIFIED = "unspecified", _("không nêu")


class TaskSection(models.TextChoices):
    TASKS = "tasks", _("Nhiệm vụ và giải pháp")
    ORGANISATION = "organisation", _("Tổ chức thực hiện")


class TaskGroup(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="task_groups")
    number = models.CharField(_("số thứ tự"), max_length=20)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="subtasks")
    position = models.PositiveSmallIntegerField()
    section = models.CharField(_("phần"), max_length=20, choices=TaskSection.choices, default=TaskSection.TASKS)
    title = models.TextField(_("tên nhiệm vụ"))
    content = models.JSONField(_("nội dung"), default=list, blank=True)
    timeline_kind = models.CharField(_("thời gian"), max_length=20, choices=TimelineKind.choices)
    timeline_from_year = models.PositiveSmallIntegerField(null=True, blank=True)
    timeline_due = models.DateField(null=True, blank=True)
    timeline_text = models.CharField(_("thời gian (nguyên văn)"), max_length=300, blank=True)
    serves_targets = models.ManyToManyField(Target, blank=True, related_name="task_groups")

    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "position"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        constraints = [models.UniqueConstraint(fields=["program", "number"], name="task_number_unique_in_program")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title[:80]}"


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("cơ quan chỉ đạo, chủ trì")
    IMPLEMENTER = "implementer", _("cơ quan tham mưu, thực hiện")


class TaskAssignment(models.Model):
    task = models.ForeignKey(TaskGroup, on_delete=models.CASCADE, related_name="assignments")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(max_length=12, choices=AssignmentRole.choices)
    position = models.PositiveSmallIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["task", "role", "position"]
        constraints = [models.UniqueConstraint(fields=["task", "body", "role"], name="assignment_unique")]


class OversightComment(models.Model):
    """An oversight remark (ý kiến giám sát) of HĐND or Mặt trận Tổ quốc on a target or a task:
    the seed gives them the oversight of the program; they comment and change no data. A remark
    is never edited: a new one follows it (the history keeps who wrote it and when)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="oversight_comments")
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.CASCADE, related_name="oversight_comments")
    task = models.ForeignKey(TaskGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="oversight_comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ý kiến giám sát")
        verbose_name_plural = _("ý kiến giám sát")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target__isnull=False, task__isnull=True) | models.Q(target__isnull=True, task__isnull=False),
                name="oversight_comment_on_one_subject",
            )
        ]
