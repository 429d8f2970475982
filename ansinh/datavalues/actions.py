"""Writes of data values and reports: set-based, atomic, attributed (who, when, old, new, channel).

- `do_set_data_values`: the one place values are written; checks built-in rules, locks and
  version conflicts, then keeps the analytics cube current in the same transaction.
- `do_import_values`: values read from a file or a form (codes and text) are resolved, checked
  for permission, locks and validation rules, and written all together or not at all.
- `do_submit_report`, `do_return_report`, `do_approve_report`, `do_excuse_report`,
  `do_reopen_report`: the draft → submitted → approved (locked) / returned workflow.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

import numpy as np
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ansinh.accounts import policies
from ansinh.analytics.actions import WrittenValues, do_refresh_aggregates
from ansinh.analytics.cube import ValueColumns
from ansinh.core.audit import attribute
from ansinh.core.bulk_sql import copy_rows, db_datetime, db_decimal, insert_rows, update_rows
from ansinh.core.errors import ErrorCode, Problem, UserError
from ansinh.core.gc_pause import no_cycle_collection
from ansinh.core.periods import parse_period
from ansinh.core.summaries import ImportSummary
from ansinh.core.vnformat import parse_number
from ansinh.datavalues import selectors
from ansinh.datavalues.models import DataValue, Submission, SubmissionStatus
from ansinh.datavalues.rows import RawValue
from ansinh.datavalues.uploads import read_upload
from ansinh.datavalues.validation import MAX_WHOLE_DIGITS, Candidate, check, storage_problem
from ansinh.indicators.models import DataElement, DataSet, ValueType
from ansinh.orgunits.models import OrgUnit
from ansinh.orgunits.selectors import ancestors

LOCKED = (SubmissionStatus.SUBMITTED, SubmissionStatus.APPROVED, SubmissionStatus.EXCUSED)
PERIOD_TYPE_LABELS = {"yearly": "năm", "six_monthly": "6 tháng", "quarterly": "quý", "monthly": "tháng"}


class ValueEntry(NamedTuple):
    """A value ready to be written (a NamedTuple: an import builds a million of them)."""

    data_element: DataElement
    unit: OrgUnit
    period: str
    value: Decimal
    category: str = ""
    comment: str = ""
    source: str = ""
    is_sample: bool = False
    where: Any = ""  # a Location or text naming where the value came from, for messages
    # The version the writer saw (0: it saw no value); None: no check (files, which carry none).
    expected_version: int | None = None


class ConflictError(UserError):
    """Someone else changed a value after the writer read it; nothing was written."""


def check_entries(entries: list[ValueEntry]) -> None:
    """Built-in rules every value must pass; raises UserError listing every bad entry."""
    problems = []
    for entry in entries:
        label = str(entry.where) if entry.where else f"{entry.data_element.code}/{entry.unit.code}/{entry.period}"
        try:
            period = parse_period(entry.period)
        except ValueError as exc:
            problems.append(Problem(ErrorCode.FIELD_INVALID, str(exc), label, "period"))
            continue
        if period.period_type != entry.data_element.period_type:
            problems.append(
                Problem(ErrorCode.FIELD_INVALID, f"{entry.data_element.code} báo cáo theo kỳ {entry.data_element.period_type}, không theo kỳ {entry.period}", label, "period")
            )
        if entry.value < 0:
            problems.append(Problem(ErrorCode.FIELD_INVALID, f"giá trị {entry.value} âm", label, "value"))
        if entry.data_element.value_type == ValueType.INTEGER and entry.value != entry.value.to_integral_value():
            problems.append(Problem(ErrorCode.FIELD_INVALID, f"{entry.data_element.code} phải là số nguyên, nhận {entry.value}", label, "value"))
        if not _unit_valid_at(entry.unit, period.end):
            problems.append(
                Problem(ErrorCode.UNKNOWN_UNIT, f"đơn vị {entry.unit.code} {entry.unit.name} không còn/chưa có hiệu lực trong kỳ {entry.period}", label, "unit")
            )
    if problems:
        raise UserError(problems)


@transaction.atomic
def do_set_data_values(entries: list[ValueEntry], *, acting_user: Any, channel: str, checked: bool = False) -> ImportSummary:
    """Write values. `checked`: the caller (do_import_values) already ran the same checks and
    more (validation.check), so they are not run twice over a million values."""
    if not checked:
        check_entries(entries)
    keys = [(e.data_element.id, e.unit.id, e.period, e.category) for e in entries]
    if len(set(keys)) != len(entries):
        raise UserError.single(ErrorCode.DUPLICATE_CODE, "một ô số liệu xuất hiện hai lần trong cùng lần nhập")
    existing = {
        (v.data_element_id, v.unit_id, v.period, v.category): v
        for v in DataValue.objects.select_for_update().filter(
            data_element_id__in={e.data_element.id for e in entries}, unit_id__in={e.unit.id for e in entries}, period__in={e.period for e in entries}
        )
    }
    _refuse_conflicts(entries, existing)
    now = timezone.now()
    to_create, to_update, unchanged = _sorted_out(entries, keys, existing, acting_user, now) if existing else (entries, [], 0)
    _insert_values(to_create, acting_user, channel, now)
    _update_values(to_update, acting_user, channel, now)
    # What depends on these values (the analytics cube) is brought up to date in the same
    # transaction, from the values in memory rather than read back.
    updated = {v.pk for v in to_update}
    kept = [v for v in existing.values() if v.pk not in updated]
    do_refresh_aggregates(_written_values(to_create, to_update, kept))
    return ImportSummary(len(to_create), len(to_update), unchanged)


def _sorted_out(entries: list[ValueEntry], keys: list[tuple], existing: dict, acting_user: Any, now) -> tuple[list, list, int]:
    """New values, stored values changed by the entries (updated in place), and how many entries
    repeat what is stored."""
    to_create, to_update, unchanged = [], [], 0
    for entry, key in zip(entries, keys):
        current = existing.get(key)
        if current is None:
            to_create.append(entry)
        elif (current.value, current.comment, current.source, current.is_sample) != (entry.value, entry.comment, entry.source, entry.is_sample):
            current.value, current.comment, current.source, current.is_sample = entry.value, entry.comment, entry.source, entry.is_sample
            current.updated_by, current.updated_at, current.version = acting_user, now, current.version + 1
            to_update.append(current)
        else:
            unchanged += 1
    return to_create, to_update, unchanged


def _written_values(created: list[ValueEntry], updated: list[DataValue], kept: list[DataValue]) -> WrittenValues:
    """The refresh's view of this write: every current value of the units written to (the new,
    the changed, and the stored ones left as they were), as columns."""
    stored = [*updated, *kept]
    codes = [e.period for e in created] + [v.period for v in stored]
    periods = sorted(set(codes))
    index = {code: i for i, code in enumerate(periods)}
    columns = ValueColumns(
        np.array([e.data_element.id for e in created] + [v.data_element_id for v in stored], dtype=np.int64),
        np.array([e.unit.id for e in created] + [v.unit_id for v in stored], dtype=np.int64),
        np.fromiter(map(index.__getitem__, codes), dtype=np.int64, count=len(codes)),
        np.fromiter(map(float, [e.value for e in created] + [v.value for v in stored]), dtype=np.float64, count=len(codes)),
    )
    changed = np.arange(len(codes)) < len(created) + len(updated)
    return WrittenValues(columns, periods, changed)


# The write itself: set-based SQL (core/bulk_sql.py), each value with its history row carrying who,
# when, the new value and the channel; the old value is the previous history row.
_ENTRY_COLUMNS = ("data_element_id", "unit_id", "period", "category", "value", "comment", "source", "is_sample")
_VALUE_COLUMNS = (*_ENTRY_COLUMNS, "created_at", "updated_at", "updated_by_id", "version")
_HISTORY_COLUMNS = ("id", *_VALUE_COLUMNS, "history_date", "history_change_reason", "history_type", "history_user_id")


def _row(value: DataValue, stamp) -> tuple:
    field = DataValue._meta.get_field("value")
    return (
        value.data_element_id, value.unit_id, value.period, value.category, db_decimal(value.value, field), value.comment,
        value.source, value.is_sample, db_datetime(value.created_at), stamp, value.updated_by_id, value.version,
    )


def _insert_values(entries: list[ValueEntry], acting_user: Any, channel: str, now) -> None:
    if not entries:
        return
    stamp, field = db_datetime(now), DataValue._meta.get_field("value")
    user_id = acting_user.pk if acting_user else None
    last_id = DataValue.objects.aggregate(last=Max("id"))["last"] or 0
    rows = ((e.data_element.id, e.unit.id, e.period, e.category, db_decimal(e.value, field), e.comment, e.source, e.is_sample) for e in entries)
    constants = {"created_at": stamp, "updated_at": stamp, "updated_by_id": user_id, "version": 1}
    insert_rows(DataValue, _ENTRY_COLUMNS, rows, constants)
    # The history rows of the new values, written by the database from the rows just inserted
    # (ids above those stored before, this transaction's timestamp), without a round trip
    # through Python; the id range keeps it to the new rows whatever the size of the table.
    copy_rows(
        DataValue,
        DataValue.history.model,
        _VALUE_COLUMNS,
        extra={"history_date": stamp, "history_change_reason": channel[:100], "history_type": "+", "history_user_id": user_id},
        where={"id__gt": last_id, "created_at": stamp},
    )


def _update_values(values: list[DataValue], acting_user: Any, channel: str, now) -> None:
    if not values:
        return
    stamp = db_datetime(now)
    field = DataValue._meta.get_field("value")
    columns = ("value", "comment", "source", "is_sample", "updated_by_id", "updated_at", "version")
    update_rows(DataValue, columns, ((db_decimal(v.value, field), v.comment, v.source, v.is_sample, v.updated_by_id, stamp, v.version, v.pk) for v in values))
    user_id = acting_user.pk if acting_user else None
    insert_rows(DataValue.history.model, _HISTORY_COLUMNS, ((v.pk, *_row(v, stamp), stamp, channel[:100], "~", user_id) for v in values))


def _refuse_conflicts(entries: list[ValueEntry], existing: dict) -> None:
    problems = []
    for entry in entries:
        if entry.expected_version is None:
            continue
        current = existing.get((entry.data_element.id, entry.unit.id, entry.period, entry.category))
        seen = entry.expected_version
        if (current is None and seen == 0) or (current is not None and current.version == seen):
            continue
        if current is None:
            continue  # the value the writer saw was removed: writing it again is no overwrite
        who = current.updated_by.get_username() if current.updated_by else "người khác"
        when = timezone.localtime(current.updated_at).strftime("%H:%M %d/%m/%Y")
        message = (
            f"{entry.data_element.name}: {who} đã sửa thành {current.value} lúc {when} sau khi bạn mở biểu; "
            "giá trị của bạn chưa được lưu, hãy xem lại"
        )
        problems.append(Problem(ErrorCode.FIELD_INVALID, message, str(entry.where), entry.data_element.code))
    if problems:
        raise ConflictError(problems)


def _unit_valid_at(unit: OrgUnit, end) -> bool:
    """A value belongs to a unit that existed at the end of the period it describes."""
    return (unit.valid_from is None or unit.valid_from <= end) and (unit.valid_to is None or unit.valid_to >= end)


# --- imports: codes and text in, values out --------------------------------------------------------


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    denied: bool = False  # some value was refused because the user may not enter it (the API answers 403)
    conflict: bool = False  # some value changed since the writer read it (the API answers 409)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created, "updated": self.updated, "unchanged": self.unchanged, "refused": self.refused,
            "dry_run": self.dry_run, "errors": self.errors, "warnings": self.warnings,
        }


def do_import_values(
    raw_values: list[RawValue],
    *,
    acting_user: Any,
    channel: str,
    dry_run: bool = False,
    read_problems: list[Problem] | None = None,
    versions: dict[tuple[str, str, str], int] | None = None,
) -> ImportReport:
    """Resolve, check and write values read from a file or form: all of them or none.

    Value texts are read the Vietnamese way (4,8 and 1.234); the file readers hand them over so.
    `versions`: for forms, the version of each (element, unit, period) the user saw.
    """
    with no_cycle_collection():  # a million entries, candidates and keys (core/gc_pause.py)
        return _import_values(raw_values, acting_user, channel, dry_run, read_problems or [], versions or {})


def _import_values(raw_values: list[RawValue], acting_user: Any, channel: str, dry_run: bool, read_problems: list[Problem], versions: dict) -> ImportReport:
    report = ImportReport(dry_run=dry_run, errors=[str(p) for p in read_problems])
    entries, candidates, errors, report.denied = _resolve(raw_values, acting_user, versions)
    # The reports written into, each once: locks are checked and drafts opened per report, not per value.
    reports = _reports_of(entries)
    report.errors += errors + _locked(reports, entries)
    if not report.errors:
        findings = check(candidates, selectors.validation_context(candidates))
        report.errors += [str(f) for f in findings if f.level == "error"]
        report.warnings += [str(f) for f in findings if f.level == "warning"]
    if report.errors:
        report.refused = len(raw_values)
        return report
    try:
        with transaction.atomic():
            # Locks again, inside the transaction: a report approved since the first check wins.
            relocked = _locked(reports, entries, for_update=True)
            if relocked:
                raise UserError([Problem(ErrorCode.FIELD_INVALID, message) for message in relocked])
            summary = do_set_data_values(entries, acting_user=acting_user, channel=channel, checked=True)
            _open_reports(reports, acting_user, channel)
            if dry_run:
                transaction.set_rollback(True)
    except UserError as error:
        report.errors += [str(p) for p in error.problems]
        report.refused = len(raw_values)
        report.conflict = isinstance(error, ConflictError)
        return report
    report.created, report.updated, report.unchanged = summary.created, summary.updated, summary.unchanged
    return report


def do_import_file(content: bytes, filename: str, *, acting_user: Any, dry_run: bool = False) -> ImportReport:
    """An uploaded .xlsx, .zip of workbooks, .csv or DHIS2 .json: all its values or none.
    The history of every value written names the file (the channel)."""
    read = read_upload(content, filename)
    report = do_import_values(
        read.values, acting_user=acting_user, channel=f"tệp {filename}"[:100], dry_run=dry_run, read_problems=read.problems
    )
    if not read.values and not report.errors:
        report.errors.append(f"tệp {filename}: không có giá trị nào để nhập")
    return report


def _resolve(raw_values, user, versions) -> tuple[list[ValueEntry], list[Candidate], list[str], bool]:
    """Codes and text to objects and numbers. A file names a few elements, units and periods many
    times over, so each is looked up once (`_Lookups`), not once per value."""
    # PostgreSQL refuses NUL in any text, even in a lookup; found by tests/test_fuzz.py. Written
    # inline, not as a function called per value: this scan runs over every value of a file.
    errors = [
        f"{raw.where}: có ký tự NUL (mã 0), không phải chữ; gõ lại ô này"
        for raw in raw_values
        if "\x00" in f"{raw.element_code}{raw.unit_code}{raw.period}{raw.value_text}{raw.category}{raw.comment}"
    ]
    if errors:
        return [], [], errors, False
    lookups = _Lookups(raw_values, user)
    target = lookups.target
    entries, candidates = [], []
    denied = False
    for raw in raw_values:
        found = target(raw.element_code, raw.unit_code, raw.period)
        if isinstance(found, str):
            errors.append(f"{raw.where}: {found}")
            denied = denied or isinstance(found, Denied)
            continue
        element, unit = found
        text = raw.value_text
        try:
            # A plain count, the common case, is read directly; parse_number reads it alike.
            value = Decimal(text) if text.isascii() and text.isdigit() else parse_number(text)
        except ValueError as exc:
            errors.append(f"{raw.where}: {exc}")
            continue
        # A plain count of up to 14 digits always fits: the common case skips the check.
        too_much = None if text.isdecimal() and len(text) <= MAX_WHOLE_DIGITS else storage_problem(value)
        if too_much:
            errors.append(f"{raw.where}: {too_much}")
            continue
        version = versions.get((element.code, unit.code, raw.period)) if versions else None
        # `where` stays a Location: turned into text only for the few values that get a message.
        # Both tuples are built with every field by tuple.__new__, without the NamedTuple's own
        # __new__ (a Python function): a million of each are built here, in 0.8 s instead of 1.3 s.
        entries.append(_new(ValueEntry, (element, unit, raw.period, value, raw.category, raw.comment, "", False, raw.where, version)))
        candidates.append(_new(Candidate, (element.code, unit.id, raw.period, value, raw.comment, raw.where)))
    return entries, candidates, errors, denied


_new = tuple.__new__


class Denied(str):
    """A refusal message that is a matter of permission, not of the value."""


class _Lookups:
    """Resolution of codes to objects. A file of a million values names a few dozen elements, a
    few thousand units and a few periods: each is resolved once, then reused by dict lookups."""

    def __init__(self, raw_values: list[RawValue], user):
        self.user = user
        elements = DataElement.objects.filter(code__in={r.element_code for r in raw_values}).select_related("data_set_link__data_set")
        self.elements = {e.code: (e, e.data_set_link.data_set if hasattr(e, "data_set_link") else None) for e in elements}
        self.units = selectors.units_for_codes({r.unit_code for r in raw_values})
        self.first_year, self.last_year = selectors.program_years()
        self.today = timezone.localdate()
        # Caches keyed by period, then by unit (nested: no key tuple built per value).
        self.unit_cache: dict[str, dict[str, OrgUnit | str]] = defaultdict(dict)
        self.period_types: dict[str, str] = {}
        self.allowed: dict[int, dict[int, bool]] = defaultdict(dict)  # data set id -> unit id -> may enter

    def target(self, element_code: str, unit_code: str, period_code: str) -> tuple | str:
        """(element, unit), or why not; every step is a dict lookup once its key has been seen."""
        element, data_set = self.elements.get(element_code, (None, None))
        if element is None:
            return f"mã phần tử dữ liệu '{element_code}' không có"
        units = self.unit_cache[period_code]
        unit = units.get(unit_code)
        if unit is None:
            unit = units[unit_code] = self._unit(unit_code, period_code)
        if isinstance(unit, str):
            return unit
        period_type = self.period_types.get(period_code) or self.period_types.setdefault(period_code, parse_period(period_code).period_type)
        if period_type != element.period_type:
            return f"{element.code} báo cáo theo kỳ {PERIOD_TYPE_LABELS.get(element.period_type, element.period_type)}, không theo kỳ {period_code}"
        allowed_here = self.allowed[data_set.id if data_set else 0]
        allowed = allowed_here.get(unit.id)
        if allowed is None:
            allowed = allowed_here[unit.id] = data_set is not None and policies.can_enter(self.user, data_set, unit)
        if not allowed:
            return Denied(f"bạn không có quyền nhập '{data_set.name if data_set else element.code}' cho {unit.name}")
        return element, unit

    def _unit(self, unit_code: str, period_code: str) -> OrgUnit | str:
        try:
            period = parse_period(period_code)
        except ValueError as exc:
            return str(exc)
        if not self.first_year <= period.year <= self.last_year:
            return f"kỳ {period_code} nằm ngoài thời kỳ của các chương trình ({self.first_year}–{self.last_year})"
        if period.start > self.today:
            return f"kỳ {period_code} chưa bắt đầu"
        unit = _unit_at(self.units.get(unit_code.zfill(5)) or self.units.get(unit_code) or [], period.end)
        return unit or f"không có đơn vị hành chính mã '{unit_code}' trong kỳ {period_code}"


def _unit_at(versions: list[OrgUnit], end) -> OrgUnit | None:
    return next((u for u in versions if _unit_valid_at(u, end)), None)


Report = tuple[int, int, str]  # (data set id, unit id, period): one report


def _reports_of(entries: list[ValueEntry]) -> dict[Report, OrgUnit]:
    """Every report the entries write into, with its unit (a plain loop: it runs once per value)."""
    data_set_of = _data_set_ids(entries)
    reports: dict[Report, OrgUnit] = {}
    for entry in entries:
        reports[(data_set_of[entry.data_element.id], entry.unit.id, entry.period)] = entry.unit
    return reports


def _data_set_ids(entries: list[ValueEntry]) -> dict[int, int]:
    """Element id -> data set id, each element's relation followed once (through the ORM's
    related-object descriptors it would cost per value)."""
    elements = {entry.data_element.id: entry.data_element for entry in entries}
    return {element_id: element.data_set_link.data_set_id for element_id, element in elements.items()}


def _locked(reports: dict[Report, OrgUnit], entries: list[ValueEntry], for_update: bool = False) -> list[str]:
    """Reports already submitted, approved or excused (for the unit or a unit above it) are locked;
    every value written into one is refused, with the reason."""
    locks = selectors.report_locks({(data_set_id, period) for data_set_id, _, period in reports}, for_update)
    locked = {key: status for key, status in locks.items() if status in LOCKED}
    if not locked:
        return []
    reasons = {key: reason for key, unit in reports.items() if (reason := _lock_reason(locked, key[0], unit, key[2]))}
    if not reasons:
        return []
    data_set_of = _data_set_ids(entries)
    keyed = (((data_set_of[e.data_element.id], e.unit.id, e.period), e) for e in entries)
    return [f"{entry.where}: {reasons[key]}" for key, entry in keyed if key in reasons]


def _lock_reason(locked: dict, data_set_id: int, unit: OrgUnit, period: str) -> str | None:
    for holder in [unit, *ancestors(unit)]:
        status = locked.get((data_set_id, holder.id, period))
        if status:
            return f"báo cáo kỳ {period} của {holder.name} {SubmissionStatus(status).label}; cần mở lại trước khi sửa"
    return None


def _open_reports(reports: dict[Report, OrgUnit], acting_user, channel: str) -> None:
    """A report that receives values exists (as a draft) from then on, for the reporting-status views."""
    wanted = set(reports)
    if not wanted:
        return
    existing = set(
        Submission.objects.filter(
            data_set_id__in={w[0] for w in wanted}, unit_id__in={w[1] for w in wanted}, period__in={w[2] for w in wanted}
        ).values_list("data_set_id", "unit_id", "period")
    )
    missing = sorted(wanted - existing)
    if not missing:
        return
    insert_rows(Submission, ("data_set_id", "unit_id", "period", "status", "reason"), ((d, u, p, SubmissionStatus.DRAFT, "") for d, u, p in missing))
    stamp, user_id = db_datetime(timezone.now()), acting_user.pk if acting_user else None
    created = Submission.objects.filter(
        data_set_id__in={m[0] for m in missing}, unit_id__in={m[1] for m in missing}, period__in={m[2] for m in missing}
    ).values_list("id", "data_set_id", "unit_id", "period")
    history_columns = ("id", "data_set_id", "unit_id", "period", "status", "reason", "history_date", "history_change_reason", "history_type", "history_user_id")
    missing_set = set(missing)
    insert_rows(
        Submission.history.model,
        history_columns,
        ((pk, d, u, p, SubmissionStatus.DRAFT, "", stamp, channel[:100], "+", user_id) for pk, d, u, p in created if (d, u, p) in missing_set),
    )


# --- the report workflow ---------------------------------------------------------------------------


def _report(data_set: DataSet, unit: OrgUnit, period: str) -> Submission:
    submission = Submission.objects.select_for_update().filter(data_set=data_set, unit=unit, period=period).first()
    return submission or Submission(data_set=data_set, unit=unit, period=period)


def _deny(message: str) -> UserError:
    return UserError.single(ErrorCode.FIELD_INVALID, message, field="permission")


@transaction.atomic
def do_submit_report(data_set: DataSet, unit: OrgUnit, period: str, *, acting_user: Any, channel: str) -> Submission:
    if not policies.can_enter(acting_user, data_set, unit):
        raise _deny(f"bạn không có quyền gửi '{data_set.name}' của {unit.name}")
    submission = _report(data_set, unit, period)
    if submission.pk and submission.status not in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED):
        raise UserError.single(ErrorCode.FIELD_INVALID, f"báo cáo đang ở trạng thái '{submission.get_status_display()}', không gửi lại được", field="status")
    missing = selectors.missing_elements(data_set, unit, period)
    if missing:
        raise UserError.single(ErrorCode.FIELD_MISSING, f"còn thiếu số liệu: {', '.join(missing)}", field="values")
    submission.status, submission.submitted_at, submission.submitted_by, submission.reason = SubmissionStatus.SUBMITTED, timezone.now(), acting_user, ""
    attribute(submission, acting_user, channel).save()
    return submission


@transaction.atomic
def do_return_report(submission: Submission, *, reason: str, acting_user: Any, channel: str) -> Submission:
    return _decide(submission, SubmissionStatus.RETURNED, reason, acting_user, channel, allowed_from=(SubmissionStatus.SUBMITTED,), needs_reason=True)


@transaction.atomic
def do_approve_report(data_set: DataSet, unit: OrgUnit, period: str, *, acting_user: Any, channel: str) -> Submission:
    """Approve a unit's report, or, for a unit above the reporting level (the town), approve the
    whole once every unit under it is approved or excused."""
    submission = _report(data_set, unit, period)
    below = selectors.reporting_units_below(data_set, unit, period)
    if below:
        pending = selectors.pending_reports(data_set, below, period)
        if pending:
            raise UserError.single(ErrorCode.FIELD_INVALID, f"chưa duyệt được: các đơn vị chưa được duyệt hoặc miễn: {', '.join(pending)}", field="status")
        allowed_from = (SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED)
    else:
        allowed_from = (SubmissionStatus.SUBMITTED,)
    return _decide(submission, SubmissionStatus.APPROVED, "", acting_user, channel, allowed_from=allowed_from)


@transaction.atomic
def do_excuse_report(data_set: DataSet, unit: OrgUnit, period: str, *, reason: str, acting_user: Any, channel: str) -> Submission:
    submission = _report(data_set, unit, period)
    allowed = (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED, SubmissionStatus.SUBMITTED)
    return _decide(submission, SubmissionStatus.EXCUSED, reason, acting_user, channel, allowed_from=allowed, needs_reason=True)


@transaction.atomic
def do_reopen_report(submission: Submission, *, reason: str, acting_user: Any, channel: str) -> Submission:
    """Unlock an approved report (a privileged act, recorded with its reason)."""
    above = Submission.objects.filter(
        data_set=submission.data_set, period=submission.period, unit__in=ancestors(submission.unit), status=SubmissionStatus.APPROVED
    ).select_related("unit").first()
    if above is not None:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"báo cáo của {above.unit.name} đã duyệt; cần mở lại báo cáo đó trước", field="status")
    allowed = (SubmissionStatus.APPROVED, SubmissionStatus.EXCUSED)
    return _decide(submission, SubmissionStatus.DRAFT, reason, acting_user, channel, allowed_from=allowed, needs_reason=True)


REPORT_DECISIONS = ("submit", "approve", "return", "excuse", "reopen")


def do_report_decision(data_set: DataSet, unit: OrgUnit, period: str, decision: str, *, reason: str, acting_user: Any, channel: str) -> Submission:
    """One step of the report workflow by name (the web's buttons and the API's actions)."""
    if decision == "submit":
        return do_submit_report(data_set, unit, period, acting_user=acting_user, channel=channel)
    if decision == "approve":
        return do_approve_report(data_set, unit, period, acting_user=acting_user, channel=channel)
    if decision == "excuse":
        return do_excuse_report(data_set, unit, period, reason=reason, acting_user=acting_user, channel=channel)
    if decision in ("return", "reopen"):
        submission = Submission.objects.filter(data_set=data_set, unit=unit, period=period).first()
        if submission is None:
            if not policies.can_approve(acting_user, unit):
                raise _deny(f"bạn không có quyền duyệt báo cáo của {unit.name}")
            raise UserError.single(ErrorCode.NOT_FOUND, "chưa có báo cáo để trả lại hoặc mở lại", field="status")
        handler = do_return_report if decision == "return" else do_reopen_report
        return handler(submission, reason=reason, acting_user=acting_user, channel=channel)
    raise UserError.single(ErrorCode.FIELD_INVALID, f"thao tác '{decision}' không có; dùng: {', '.join(REPORT_DECISIONS)}", field="action")


def _decide(submission, status, reason: str, acting_user, channel, *, allowed_from, needs_reason: bool = False) -> Submission:
    if not policies.can_approve(acting_user, submission.unit):
        raise _deny(f"bạn không có quyền duyệt báo cáo của {submission.unit.name}")
    current = submission.status if submission.pk else SubmissionStatus.DRAFT
    if current not in allowed_from:
        label = SubmissionStatus(current).label
        raise UserError.single(ErrorCode.FIELD_INVALID, f"báo cáo đang ở trạng thái '{label}', không chuyển sang '{SubmissionStatus(status).label}' được", field="status")
    if needs_reason and not reason.strip():
        raise UserError.single(ErrorCode.FIELD_MISSING, "cần ghi lý do", field="reason")
    submission.status, submission.reason = status, reason.strip()
    submission.decided_at, submission.decided_by = timezone.now(), acting_user
    attribute(submission, acting_user, channel).save()
    return submission
