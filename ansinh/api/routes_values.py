"""Data values (read, write one with If-Match, write a batch atomically), DHIS2 dataValueSets,
and the report workflow (submit, approve, return, excuse, re-open). Every write goes through the
same actions as the web forms and files: permissions, locks, validation, history."""

from __future__ import annotations

import json

from django.http import HttpResponse
from ninja import Query, Router, Status

from ansinh.api.access import Forbidden, require_viewer
from ansinh.api.errors import COMMON_ERRORS, ApiErrorCode, ErrorOut, error_body
from ansinh.api.schemas import BatchIn, DataValueOut, DataValuePage, DataValueSetIn, DecisionIn, ImportOut, SubmissionOut, ValueIn
from ansinh.core.errors import ErrorCode, UserError
from ansinh.datavalues import selectors
from ansinh.datavalues.actions import REPORT_DECISIONS, do_import_values, do_report_decision
from ansinh.datavalues.exchange import machine_text, machine_value_text, read_dhis2_json, write_dhis2_json
from ansinh.datavalues.rows import Location, RawValue

router = Router()
CHANNEL = "API"
WRITE_ERRORS = {**COMMON_ERRORS, 409: ErrorOut, 412: ErrorOut, 428: ErrorOut}


def _value_out(value) -> dict:
    return {
        "dataElement": value.data_element.code, "orgUnit": value.unit.code, "period": value.period,
        "categoryOptionCombo": value.category, "value": machine_value(value.value), "comment": value.comment,
        "version": value.version, "updatedAt": value.updated_at,
        "updatedBy": value.updated_by.get_username() if value.updated_by else None,
    }


def machine_value(number) -> str:
    """4.8000 -> "4.8", 26705.0000 -> "26705": the notation of every ansinh export (never "2.6705E+4")."""
    return machine_text(selectors.plain_decimal(number))


@router.get("/datavalues", response={200: DataValuePage, **COMMON_ERRORS}, tags=["data values"], summary="Stored values, filtered, a page at a time")
def list_values(request, dataElement: str = "", orgUnit: str = "", period: str = "",
                limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=10_000_000)):
    require_viewer(request)
    count, rows = selectors.values_page(element_code=dataElement, unit_code=orgUnit, period=period, limit=limit, offset=offset)
    return {"count": count, "limit": limit, "offset": offset, "items": [_value_out(v) for v in rows]}


def _cell(element: str, unit_code: str, period: str):
    """The unit the code meant at the period's end, and the stored value there (or None)."""
    from ansinh.core.periods import parse_period
    from ansinh.orgunits.selectors import get_unit

    try:
        end = parse_period(period).end
    except ValueError as exc:
        raise UserError.single(ErrorCode.FIELD_INVALID, str(exc), field="period") from None
    unit = get_unit(unit_code, end)
    return unit, selectors.stored_value(element, unit, period)


@router.get("/datavalues/{dataElement}/{orgUnit}/{period}", response={200: DataValueOut, **COMMON_ERRORS}, tags=["data values"],
            summary="One value, with its version as the ETag")
def get_value(request, response: HttpResponse, dataElement: str, orgUnit: str, period: str):
    require_viewer(request)
    _unit, value = _cell(dataElement, orgUnit, period)
    if value is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"chưa có số liệu {dataElement} của {orgUnit} kỳ {period}", field="value")
    response["ETag"] = f'"{value.version}"'
    return _value_out(value)


@router.put("/datavalues/{dataElement}/{orgUnit}/{period}", response={200: ImportOut, **WRITE_ERRORS}, tags=["data values"],
            summary="Write one value (If-Match required to change an existing one)")
def put_value(request, response: HttpResponse, dataElement: str, orgUnit: str, period: str, body: ValueIn):
    """Send `If-Match: "3"` with the version you read (GET gives it as the ETag). Without it a
    stored value is not overwritten (428); with an old version the answer is 412 and the current
    value, and nothing changes. A new value needs no If-Match."""
    unit, current = _cell(dataElement, orgUnit, period)
    _require_entry(request.user, dataElement, unit)  # a refusal comes before any talk of versions
    seen = _if_match(request)
    if current is not None and seen is None:
        return Status(428, error_body(ApiErrorCode.PRECONDITION_REQUIRED, "số liệu này đã có; gửi kèm If-Match với phiên bản bạn đã đọc (GET trả về trong ETag)"))
    if current is not None and seen != current.version:
        return Status(412, error_body(ApiErrorCode.CONFLICT, f"số liệu đã được sửa thành {machine_value(current.value)} (phiên bản {current.version}) sau khi bạn đọc; chưa ghi gì"))
    raw = RawValue(dataElement, unit.code, period, _number_text(body.value, "value"), Location(field="value"), "", body.comment)
    versions = {(dataElement, unit.code, period): seen if seen is not None else 0}
    report = do_import_values([raw], acting_user=request.user, channel=CHANNEL, versions=versions)
    stored = selectors.stored_value(dataElement, unit, period)
    if not report.errors and stored is not None:
        response["ETag"] = f'"{stored.version}"'
    return _answer(report)


def _require_entry(user, element_code: str, unit) -> None:
    from ansinh.accounts import policies
    from ansinh.indicators.models import DataElement

    element = DataElement.objects.select_related("data_set_link__data_set").filter(code=element_code).first()
    if element is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"mã phần tử dữ liệu '{element_code}' không có", field="dataElement")
    data_set = element.data_set_link.data_set if hasattr(element, "data_set_link") else None
    if data_set is None or not policies.can_enter(user, data_set, unit):
        raise Forbidden.single(ErrorCode.FIELD_INVALID, f"bạn không có quyền nhập '{data_set.name if data_set else element.code}' cho {unit.name}", field="permission")


def _if_match(request) -> int | None:
    header = request.headers.get("If-Match")
    if header is None:
        return None
    text = header.strip().removeprefix("W/").strip('"')
    if not text.isdecimal():
        raise UserError.single(ErrorCode.FIELD_INVALID, f"If-Match '{header}' không phải phiên bản (ví dụ \"3\")", field="If-Match")
    return int(text)


def _number_text(text: str, field: str) -> str:
    try:
        return machine_value_text(text.strip())
    except ValueError as exc:
        raise UserError.single(ErrorCode.FIELD_INVALID, str(exc), field=field) from None


def _answer(report) -> Status:
    if not report.errors:
        return Status(200, report.as_dict())
    if report.denied:
        return Status(403, error_body(ApiErrorCode.PERMISSION_DENIED, "bạn không có quyền ghi một số giá trị; không giá trị nào được ghi", _problems(report)))
    if report.conflict:
        return Status(409, error_body(ApiErrorCode.CONFLICT, "có giá trị đã bị người khác sửa sau khi bạn đọc; không giá trị nào được ghi", _problems(report)))
    return Status(400, error_body(ApiErrorCode.INVALID, f"{len(report.errors)} lỗi; không giá trị nào được ghi", _problems(report)))


def _problems(report) -> list[dict]:
    return [{"code": "refused", "message": text, "where": "", "field": ""} for text in report.errors]


@router.post("/datavalues/batch", response={200: ImportOut, **WRITE_ERRORS}, tags=["data values"], summary="Write many values: all or none")
def batch(request, body: BatchIn, dryRun: bool = False):
    """Every value is checked (codes, permission, locks, validation rules, versions) before any is
    written; one refusal refuses the batch, and the answer lists every refused item by position."""
    raws, versions, problems = [], {}, []
    for index, item in enumerate(body.values):
        try:
            text = machine_value_text(item.value.strip())
        except ValueError as exc:
            problems.append(f"mục {index + 1}: {exc}")
            continue
        raws.append(RawValue(item.dataElement, item.orgUnit, item.period, text, Location(item=index + 1), "", item.comment))
        if item.version is not None:
            versions[(item.dataElement, item.orgUnit, item.period)] = item.version
    if problems:
        return Status(400, error_body(ApiErrorCode.INVALID, f"{len(problems)} lỗi; không giá trị nào được ghi",
                                      [{"code": "refused", "message": p, "where": "", "field": "value"} for p in problems]))
    return _answer(do_import_values(raws, acting_user=request.user, channel=CHANNEL, dry_run=dryRun, versions=versions))


@router.post("/dataValueSets", response={200: ImportOut, **WRITE_ERRORS}, tags=["DHIS2"], summary="Import a DHIS2 dataValueSets document")
def import_data_value_sets(request, body: DataValueSetIn, dryRun: bool = False):
    """The body is DHIS2's JSON: `{"dataValues": [{"dataElement", "period", "orgUnit", "value", ...}]}`
    with codes as identifiers (docs/data-exchange.md). All values or none. The numbers are read from
    the request's text exactly (4.80 stays 4.80), by the same reader as an uploaded .json file."""
    read = read_dhis2_json(request.body, "API dataValueSets")
    report = do_import_values(read.values, acting_user=request.user, channel="API dataValueSets", dry_run=dryRun, read_problems=read.problems)
    if not read.values and not report.errors:
        report.errors.append("không có giá trị nào để nhập")
    return _answer(report)


@router.get("/dataValueSets", response={200: dict, **COMMON_ERRORS}, tags=["DHIS2"], summary="Export values as DHIS2 dataValueSets")
def export_data_value_sets(request, dataSet: str, period: str, orgUnit: str):
    """The values of a data set for a period, for a unit and every unit under it."""
    require_viewer(request)
    data_set, unit = selectors.report_objects(dataSet, orgUnit, period)
    return json.loads(write_dhis2_json(selectors.export_values(data_set=data_set, periods=[period], unit=unit)))


@router.get("/submissions", response={200: list[SubmissionOut], **COMMON_ERRORS}, tags=["reports workflow"], summary="Who has reported a data set for a period")
def submissions(request, dataSet: str, period: str, orgUnit: str):
    """One row per unit expected to report under `orgUnit` (or the unit itself)."""
    require_viewer(request)
    data_set, unit = selectors.report_objects(dataSet, orgUnit, period)
    status = selectors.reporting_status(data_set, unit, period)
    return [
        {"dataSet": data_set.code, "orgUnit": row.unit.code, "period": period, "status": row.status, "status_vi": row.status_label,
         "reason": row.reason, "submittedAt": row.submitted_at, "decidedAt": None}
        for row in status["rows"]
    ]


@router.post("/submissions/{dataSet}/{orgUnit}/{period}/{action}", response={200: SubmissionOut, **WRITE_ERRORS}, tags=["reports workflow"],
             summary="Submit, approve, return, excuse or re-open a report")
def decide(request, dataSet: str, orgUnit: str, period: str, action: str, body: DecisionIn):
    """`action` is one of submit, approve, return, excuse, reopen. Returning, excusing and
    re-opening need a `reason`. Same rules as the web app (docs/data-collection.md)."""
    if action not in REPORT_DECISIONS:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"thao tác '{action}' không có; dùng: {', '.join(REPORT_DECISIONS)}", field="action")
    data_set, unit = selectors.report_objects(dataSet, orgUnit, period)
    try:
        submission = do_report_decision(data_set, unit, period, action, reason=body.reason, acting_user=request.user, channel=CHANNEL)
    except UserError as error:
        if any(p.field == "permission" for p in error.problems):
            raise Forbidden(error.problems) from None
        raise
    return {"dataSet": data_set.code, "orgUnit": unit.code, "period": period, "status": submission.status,
            "status_vi": submission.get_status_display(), "reason": submission.reason,
            "submittedAt": submission.submitted_at, "decidedAt": submission.decided_at}
