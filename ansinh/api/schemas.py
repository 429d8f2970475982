"""Request and response shapes of the API (they become the OpenAPI schema, with examples)."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

# --- units ----------------------------------------------------------------------------------


class UnitOut(Schema):
    code: str = Field(examples=["534"])
    name: str = Field(examples=["Thị xã Đức Phổ"])
    kind: str = Field(examples=["town"])
    level: int
    valid_from: date | None = None
    valid_to: date | None = None


class UnitTreeOut(UnitOut):
    children: list[UnitTreeOut] = []


class LineageOut(Schema):
    code: str
    name: str
    valid_from: date | None = None
    valid_to: date | None = None
    predecessors: list[dict] = []
    successors: list[dict] = []


# --- programs -------------------------------------------------------------------------------


class ProgramListOut(Schema):
    code: str = Field(examples=["duc-pho-42"])
    title: str
    issuing_body: str = Field(examples=["Thị ủy Đức Phổ"])
    scope_unit: str = Field(examples=["534"])
    start_year: int
    end_year: int
    targets: int
    tasks: int


class TargetOut(Schema):
    code: str = Field(examples=["T02"])
    name: str = Field(examples=["Tỷ lệ thất nghiệp chung"])
    area: str
    comparator: str = Field(examples=["lt"], description="lt, le, gt, ge, eq, approx, range, qual")
    value: float | None = Field(None, examples=[2.0])
    low: float | None = None
    high: float | None = None
    unit: str = Field(examples=["%"])
    year: int = Field(examples=[2030])
    indicator: str | None = None
    source_text: str


class TaskOut(Schema):
    number: str = Field(examples=["4"])
    section: str
    parent: str | None = None
    title: str
    lead: str | None = None
    implementers: list[str]
    timeline: dict


class ProgramOut(Schema):
    code: str
    title: str
    doc_type: str
    number: str
    issuing_body: str
    issued_on: str
    draft: bool
    scope_unit: dict
    period: dict
    implements: list[str]
    targets: list[TargetOut]
    tasks: list[TaskOut]


class IndicatorOut(Schema):
    code: str = Field(examples=["TL_THAT_NGHIEP"])
    name: str
    unit: str = Field(examples=["%"])
    kind: str = Field(examples=["ratio"], description="ratio, count, value")
    numerator: str = Field(examples=["THAT_NGHIEP"])
    denominator: str | None = Field(None, examples=["LLLD"])
    factor: int = Field(examples=[100])
    direction: str
    formula: str = Field(examples=["THAT_NGHIEP / LLLD × 100"])
    source: str


# --- analytics ------------------------------------------------------------------------------


class SeriesPointOut(Schema):
    year: int
    value: float | None
    complete: bool
    reported: int
    expected: int
    period: str
    note: str


class TargetEvaluationOut(Schema):
    target: str = Field(examples=["T02"])
    name: str
    indicator: str | None
    comparator: str
    unit: str
    value: float | None = Field(examples=[2.947])
    year: int | None = Field(examples=[2025])
    baseline: float | None
    baseline_year: int | None
    target_value: float | None = Field(examples=[2.0])
    target_year: int
    gap: float | None
    status: str = Field(examples=["off_track"], description="achieved, on_track, needs_acceleration, off_track, regressing, insufficient_data")
    status_vi: str = Field(examples=["Khó đạt"])
    method: str
    explanation_vi: str
    completeness: dict
    series: list[SeriesPointOut]
    inputs: dict


class EvaluationOut(Schema):
    program: str
    unit: dict
    year: int
    territory: dict
    targets: list[TargetEvaluationOut]


class RankedUnitOut(Schema):
    code: str
    name: str
    value: float
    shortfall: float = Field(description="distance to the goal in the undesirable direction; negative: beyond it")
    rank: int


class TargetSeriesOut(Schema):
    unit: dict
    evaluation: TargetEvaluationOut
    ranking_year: int
    ranking: list[RankedUnitOut]
    not_reported: list[dict]


# --- data values ----------------------------------------------------------------------------


class DataValueOut(Schema):
    dataElement: str = Field(examples=["HO_NGHEO"])
    orgUnit: str = Field(examples=["21457"])
    period: str = Field(examples=["2026S1"])
    categoryOptionCombo: str = ""
    value: str = Field(examples=["48"], description="machine notation: dot decimal, no thousands separator")
    comment: str = ""
    version: int = Field(description="send it back as If-Match (or `version`) to change the value")
    updatedAt: datetime
    updatedBy: str | None = None


class DataValuePage(Schema):
    count: int
    limit: int
    offset: int
    items: list[DataValueOut]


class ValueIn(Schema):
    value: str = Field(examples=["48"], description="machine notation: 4.8, 1234; not 1.234,5")
    comment: str = ""


class BatchItemIn(Schema):
    dataElement: str = Field(examples=["HO_NGHEO"])
    orgUnit: str = Field(examples=["21457"])
    period: str = Field(examples=["2026S1"])
    value: str = Field(examples=["48"])
    comment: str = ""
    version: int | None = Field(None, description="the version the client read (0: it saw no value); omitted: no check")


class BatchIn(Schema):
    values: list[BatchItemIn] = Field(max_length=100_000)


class DataValueSetIn(Schema):
    """DHIS2's dataValueSets JSON with codes as identifiers (docs/data-exchange.md)."""

    dataSet: str | None = None
    period: str | None = Field(None, description="default period of the items")
    orgUnit: str | None = Field(None, description="default unit of the items")
    dataValues: list[dict] = Field(
        max_length=1_000_000,
        examples=[[{"dataElement": "NHA_TAM", "period": "2026S2", "orgUnit": "21457", "value": "3", "comment": ""}]],
    )


class ImportOut(Schema):
    created: int
    updated: int
    unchanged: int
    refused: int
    dry_run: bool
    errors: list[str]
    warnings: list[str]


# --- submissions and tasks ------------------------------------------------------------------


class SubmissionOut(Schema):
    dataSet: str
    orgUnit: str
    period: str
    status: str = Field(examples=["approved"], description="draft, submitted, returned, approved, excused")
    status_vi: str
    reason: str = ""
    submittedAt: datetime | None = None
    decidedAt: datetime | None = None


class DecisionIn(Schema):
    reason: str = Field("", description="required to return, excuse or re-open")


class TaskReportOut(Schema):
    task: str
    body: str
    period: str
    status: str
    status_vi: str
    progress_percent: int | None
    text: str
    state: str
    submitted_by: str
    submitted_at: datetime


class TaskReportIn(Schema):
    body: str = Field(examples=["phong-lao-dong"], description="the code of the reporting body")
    period: str = Field(examples=["2026S1"])
    status: str = Field(examples=["in_progress"], description="not_started, in_progress, done, late")
    progress_percent: int | None = Field(None, ge=0, le=100)
    text: str
    targets: list[str] = []


# --- tokens ---------------------------------------------------------------------------------


class TokenIn(Schema):
    name: str = Field(examples=["cổng thông tin tỉnh"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(description="shown once: only its hash is stored")
