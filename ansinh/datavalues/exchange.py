"""Data values in and out as files other systems understand: a CSV in ansinh's own column layout
and DHIS2's `dataValueSets` JSON, both identifying things by code (DHIS2 idScheme=code).

Pure code, no Django: the readers turn bytes into `ReadResult(values, problems)` (see
`ansinh.datavalues.rows`) and never look anything up; matching codes against the database is
the caller's job. The writers turn `ExportValue`s into bytes. docs/data-exchange.md describes
both formats, the number rules and every message a reader can give.

Numbers: a file is either *machine format* (DHIS2 JSON, and CSV separated by ",") where "." is
the decimal mark and there is no grouping, so "1.234" is one point two three four; or *human
format* (CSV separated by ";", as Vietnamese Excel saves it) read by
`ansinh.core.vnformat.parse_number`, where "1.234" is one thousand two hundred thirty-four and
"4,8" is four point eight. Whatever the format, `RawValue.value_text` is text that
`parse_number` reads as the intended number: machine values are rewritten with a decimal comma
("1.234" -> "1,234"), human values are kept as written. Callers therefore always use
`parse_number(raw.value_text)`.
"""

from __future__ import annotations

import csv
import io
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from ansinh.core.errors import ErrorCode, Problem
from ansinh.core.gc_pause import no_cycle_collection
from ansinh.core.periods import parse_period
from ansinh.core.vnformat import format_number, parse_number
from ansinh.datavalues import rows
from ansinh.datavalues.rows import Location, RawValue, ReadResult

CSV_COLUMNS = ("data_element", "period", "org_unit", "category", "value", "comment")
CSV_REQUIRED_COLUMNS = ("data_element", "period", "org_unit", "value")
DEFAULT_CATEGORY_COMBO = ""
DHIS2_DEFAULT_NAME = "default"  # name and code of DHIS2's default category (and attribute) option combo

# Field labels for "missing" messages, shared by both formats (CSV column, JSON key).
_LABELS = {"element": "mã chỉ số", "period": "kỳ báo cáo", "unit": "mã đơn vị", "value": "giá trị"}

# "." decimals, no grouping, no exponent: what DHIS2 writes and what `write_*` produce.
_MACHINE_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
# Digits with Vietnamese marks and spaces only; parse_number alone would also take "NaN" or "1E5".
_HUMAN_NUMBER = re.compile(r"[+-]?[\d.,\s\u00a0]+")
# A spreadsheet would evaluate these; "-5" is a number, "-A1" or "=SUM(...)" is a formula.
_FORMULA = re.compile(r"[=@]|[+-]\s*[^\d\s.,]")
# Text cells a spreadsheet could take for a formula get a leading "'" on export (OWASP advice);
# readers remove exactly one such "'", so any text survives a round trip.
_NEEDS_GUARD = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")
_RISKY_FIRST = frozenset("'=+-@\t\r")


@dataclass(frozen=True)
class ExportValue:
    """One stored figure, identified by codes, ready to be written to a file."""

    element_code: str
    unit_code: str
    period: str
    value: Decimal
    category: str = ""
    comment: str = ""
    stored_by: str = ""
    last_updated: str = ""  # ISO datetime text


# --------------------------------------------------------------------------------------------
# Writers


def write_csv(values: Iterable[ExportValue]) -> bytes:
    """CSV in the documented layout: UTF-8 with a BOM (so Excel shows Vietnamese letters),
    "," separated, CRLF line ends, machine numbers; `read_csv` reads it back unchanged."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_rows(values))
    return buffer.getvalue().encode("utf-8-sig")


def _csv_rows(values: Iterable[ExportValue]) -> Iterator[tuple[str, ...]]:
    """Rows are produced lazily so that a large export is never held twice as Python objects."""
    guard = _guard_formula
    for v in values:
        yield (
            guard(v.element_code),
            v.period,
            guard(v.unit_code),
            guard(v.category),
            machine_text(v.value),
            guard(v.comment),
        )


def write_dhis2_json(values: Iterable[ExportValue], *, complete_date: str | None = None) -> bytes:
    """DHIS2 `dataValueSets` JSON with codes as identifiers (import it with idScheme=code).

    One data value per line, so that a large file can be diffed and read by people; keys that
    DHIS2 treats as optional are left out when empty."""
    complete = f'"completeDate": {json.dumps(complete_date)}, ' if complete_date else ""
    opening = f'{{{complete}"dataValues": ['
    items = ",\n".join(json.dumps(_dhis2_item(v), ensure_ascii=False) for v in values)
    text = f"{opening}\n{items}\n]}}\n" if items else f"{opening}]}}\n"
    return text.encode("utf-8")


def _dhis2_item(value: ExportValue) -> dict[str, str]:
    item = {"dataElement": value.element_code, "period": value.period, "orgUnit": value.unit_code}
    if value.category != DEFAULT_CATEGORY_COMBO:
        item["categoryOptionCombo"] = value.category
    item["value"] = machine_text(value.value)
    if value.comment:
        item["comment"] = value.comment
    if value.stored_by:
        item["storedBy"] = value.stored_by
    if value.last_updated:
        item["lastUpdated"] = value.last_updated
    return item


def machine_text(value: Decimal) -> str:
    """"." decimal, no grouping, no exponent: the one notation every importer parses alike."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"giá trị {value} không phải là số hữu hạn, không ghi ra tệp được")
    return format(number, "f")


def _guard_formula(text: str) -> str:
    if text[:1] in _RISKY_FIRST and _NEEDS_GUARD.match(text):
        return "'" + text
    return text


def _unguard_formula(text: str) -> str:
    return text[1:] if _GUARDED.match(text) else text


# --------------------------------------------------------------------------------------------
# Number rules


def machine_value_text(text: str) -> str:
    """Machine notation -> value_text that parse_number reads back exactly ("1.5" -> "1,5").

    parse_number would take "1.234" for 1234, so machine text must not reach it unchanged."""
    if text.isascii() and text.isdigit():  # the common case, without a regular expression
        return text
    if _MACHINE_NUMBER.fullmatch(text):
        # With exactly one "," and no ".", parse_number reads this as Decimal(text), exactly.
        return text.replace(".", ",")
    if _FORMULA.match(text):
        raise ValueError(_formula_message(text))
    raise ValueError(
        f'giá trị "{text}" không phải là số dạng máy: dùng dấu chấm thập phân, '
        "không phân cách hàng nghìn, không dạng mũ (ví dụ 1234.5)"
    )


def _read_human_number(text: str) -> str:
    """Vietnamese notation, kept as written once parse_number accepts it as a finite number."""
    if _FORMULA.match(text):
        raise ValueError(_formula_message(text))
    try:
        number = parse_number(text)
    except ValueError:
        number = None
    if number is None or not number.is_finite() or not _HUMAN_NUMBER.fullmatch(text):
        raise ValueError(f'giá trị "{text}" không phải là số (tệp phân cách bằng dấu chấm phẩy: viết 4,8 hoặc 1.234,5)')
    return text


def _formula_message(text: str) -> str:
    return (
        f'giá trị "{text}" trông như công thức bảng tính; chỉ nhận số '
        "(công thức không được tính khi nhập và có thể gây hại khi mở tệp)"
    )


# --------------------------------------------------------------------------------------------
# Shared reading machinery


def _problem(code: ErrorCode, message: str, where: Location) -> Problem:
    """Problem.where is the whole Location as text, as the Excel reader writes it, so a caller
    prints every reader's problems alike: "tệp a.csv, dòng 7, cột value: …"."""
    return Problem(code, message, str(where))


def _file_problem(result: ReadResult, code: ErrorCode, message: str, filename: str, **place: object) -> ReadResult:
    result.problems.append(_problem(code, message, Location(filename, **place)))
    return result


def _too_big(content: bytes, filename: str, result: ReadResult) -> bool:
    """Checked before any decoding, so an oversized upload costs no parsing at all."""
    if len(content) <= rows.MAX_UPLOAD_BYTES:
        return False
    size = format_number(len(content) / 1024 / 1024, 1)
    limit = format_number(rows.MAX_UPLOAD_BYTES / 1024 / 1024)
    _file_problem(result, ErrorCode.FILE_UNREADABLE, f"tệp nặng {size} MB, vượt giới hạn {limit} MB; hãy chia thành nhiều tệp nhỏ hơn", filename)
    return True


def _decode(content: bytes, filename: str, result: ReadResult, advice: str) -> str | None:
    """UTF-8 (a BOM is allowed); otherwise a problem naming the first bad line."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content.count(b"\n", 0, exc.start) + 1
        _file_problem(result, ErrorCode.FILE_UNREADABLE, f"tệp không phải văn bản UTF-8 (gặp byte lạ ở dòng {line}); {advice}", filename)
        return None
    if not text.strip():
        _file_problem(result, ErrorCode.FILE_UNREADABLE, "tệp trống", filename)
        return None
    return text


@dataclass(frozen=True)
class _Names:
    """Column names (CSV) or keys (JSON) of the fields, for locating problems."""

    element: str
    period: str
    unit: str
    category: str
    value: str
    place: str  # "dòng" or "mục", for naming the first of two duplicates


_CSV_SYNTAX_MESSAGE = (
    "không đọc được dòng này: ngoặc kép mở mà không đóng, có ký tự ngay sau ngoặc kép đóng, "
    f"hoặc ô dài quá {format_number(csv.field_size_limit())} ký tự"
)
_CSV_NAMES = _Names("data_element", "period", "org_unit", "category", "value", "dòng")
_JSON_NAMES = _Names("dataElement", "period", "orgUnit", "categoryOptionCombo", "value", "mục")


class _Collector:
    """Checks one record's fields (already text) and keeps it, or records why not.

    Shared by CSV and JSON so both formats apply the same rules with the same messages. `where`
    is the record's Location without a column (as RawValue.where); a problem adds the column."""

    def __init__(self, result: ReadResult, names: _Names, read_number: Callable[[str], str]) -> None:
        self.result = result
        self.names = names
        self.read_number = read_number
        self.seen: dict[tuple[str, str, str, str], Location] = {}
        self.period_errors: dict[str, str | None] = {}
        self.units: dict[str, None] = {}
        # One string object per distinct code: a million rows name a few hundred codes, and
        # sharing them saves a fifth of the memory and makes the duplicate check hash less.
        self.shared: dict[str, str] = {}

    def add(self, where: Location, element: str, period: str, unit: str, category: str, value: str, comment: str) -> None:
        if unit:
            self.units[unit] = None
        if not (element and period and unit and value):
            self._report_missing(where, element, period, unit, value)
            return
        period_error = self.period_errors.get(period)
        if period_error is None:
            period_error = self._check_period(period)
        try:
            # Plain digits, most values of a large file, read the same in both number formats.
            value_text = value if value.isascii() and value.isdigit() else self.read_number(value)
        except ValueError as exc:
            value_error = str(exc)
        else:
            value_error = ""
        if period_error or value_error:
            if period_error:
                self.report(ErrorCode.FIELD_INVALID, period_error, where, self.names.period)
            if value_error:
                self.report(ErrorCode.FIELD_INVALID, value_error, where, self.names.value)
            return
        if category and category.lower() == DHIS2_DEFAULT_NAME:
            category = DEFAULT_CATEGORY_COMBO
        share = self.shared.setdefault
        element, period, unit, category = share(element, element), share(period, period), share(unit, unit), share(category, category)
        key = (element, period, unit, category)
        first = self.seen.setdefault(key, where)
        if first is not where:
            self._report_duplicate(where, first, key)
            return
        # Every field given, by tuple.__new__: cheaper than the NamedTuple's __new__, once per value.
        self.result.values.append(tuple.__new__(RawValue, (element, unit, period, value_text, where, category, comment)))

    def finish(self) -> ReadResult:
        self.result.units_seen = list(self.units)
        return self.result

    def report(self, code: ErrorCode, message: str, where: Location, column: str) -> None:
        self.result.problems.append(_problem(code, message, where._replace(column=column) if column else where))

    def _report_missing(self, where: Location, element: str, period: str, unit: str, value: str) -> None:
        """Every empty required field is named, not only the first."""
        names = self.names
        for name, text, label in ((names.element, element, "element"), (names.period, period, "period"), (names.unit, unit, "unit"), (names.value, value, "value")):
            if not text:
                self.report(ErrorCode.FIELD_MISSING, f"thiếu {_LABELS[label]}", where, name)

    def _report_duplicate(self, where: Location, first: Location, key: tuple[str, str, str, str]) -> None:
        names = self.names
        first_position = first.row if first.row is not None else first.item
        element, period, unit, category = key
        shown = ", ".join((element, period, unit, category or DHIS2_DEFAULT_NAME))
        message = f"trùng với {names.place} {first_position}: cùng {names.element}, {names.period}, {names.unit}, {names.category} ({shown})"
        self.report(ErrorCode.DUPLICATE_CODE, message, where, "")

    def _check_period(self, period: str) -> str:
        """Cached: a file of a million rows usually names a handful of periods."""
        try:
            parse_period(period)
            error = ""
        except ValueError as exc:
            error = str(exc)
        self.period_errors[period] = error
        return error


# --------------------------------------------------------------------------------------------
# CSV reader


def read_csv(content: bytes, filename: str) -> ReadResult:
    """Read a CSV in the documented layout, "," (machine numbers) or ";" (Vietnamese numbers).

    Rows are numbered as a spreadsheet shows them, the header being row 1. Only rows without
    problems become values; the whole file is checked so that every problem is reported."""
    result = ReadResult()
    if _too_big(content, filename, result):
        return result
    text = _decode(content, filename, result, 'trong Excel hãy lưu bằng "CSV UTF-8 (Comma delimited)"')
    if text is None:
        return result
    separator = _detect_separator(text)
    # strict: an unclosed quote is an error, not a comment that silently swallows later rows
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        header = next(reader)
    except csv.Error:
        return _file_problem(result, ErrorCode.FILE_UNREADABLE, _CSV_SYNTAX_MESSAGE, filename, row=1)
    columns = _read_header(header, filename, result)
    if columns is None:
        return result
    collector = _Collector(result, _CSV_NAMES, machine_value_text if separator == "," else _read_human_number)
    with no_cycle_collection():
        _read_csv_rows(reader, collector, filename, columns, separator)
    return collector.finish()


def _detect_separator(text: str) -> str:
    """The header line decides: column names contain neither "," nor ";"."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _read_header(fields: list[str], filename: str, result: ReadResult) -> dict[str, int] | None:
    """Column name -> position; None (with problems naming the columns) if the header is wrong.

    Names are compared without case or surrounding spaces; order is free, category and comment
    may be left out."""
    names = [name.strip().lower() for name in fields]
    where = Location(filename, row=1)
    expected = ",".join(CSV_COLUMNS)
    if not set(names) & set(CSV_COLUMNS):
        message = f"thiếu dòng tiêu đề; dòng đầu phải là {expected} (phân cách bằng dấu phẩy hoặc dấu chấm phẩy)"
        result.problems.append(_problem(ErrorCode.FIELD_MISSING, message, where))
        return None
    problems = []
    for position, name in enumerate(names):
        if name not in CSV_COLUMNS:
            shown = fields[position].strip()
            message = f'cột "{shown}" không thuộc bố cục' if shown else "tiêu đề có cột không tên (thừa dấu phân cách?)"
            problems.append(_problem(ErrorCode.FIELD_UNKNOWN, f"{message}; các cột hợp lệ: {expected}", where._replace(column=shown)))
        elif name in names[:position]:
            problems.append(_problem(ErrorCode.FIELD_INVALID, f'cột "{name}" xuất hiện hai lần trong tiêu đề', where._replace(column=name)))
    for name in CSV_REQUIRED_COLUMNS:
        if name not in names:
            problems.append(_problem(ErrorCode.FIELD_MISSING, f'thiếu cột bắt buộc "{name}"', where._replace(column=name)))
    if problems:
        result.problems.extend(problems)
        return None
    return {name: position for position, name in enumerate(names)}


def _read_csv_rows(reader: Iterator[list[str]], collector: _Collector, filename: str, columns: dict[str, int], separator: str) -> None:
    """The hot loop of a large import: one pass, locals only, every check but the cheap ones
    left to `_Collector.add`. Row numbers continue from the header (row 1)."""
    width = len(columns)
    # An absent optional column reads the "" appended after the row's own fields.
    pick = operator.itemgetter(*(columns.get(name, width) for name in CSV_COLUMNS))
    add, unguard = collector.add, _unguard_formula
    line = 1  # the row last read; a csv.Error concerns the next one
    try:
        for line, fields in enumerate(reader, start=2):
            if len(fields) != width:
                if "".join(fields).strip():  # blank lines and ";;;;;" rows are skipped
                    collector.report(ErrorCode.FIELD_INVALID, _width_message(len(fields), width, separator), Location(filename, row=line), "")
                continue
            fields.append("")
            element, period, unit, category, value, comment = pick(fields)
            element, period, unit, category, value, comment = (
                element.strip(), period.strip(), unit.strip(), category.strip(), value.strip(), comment.strip()
            )
            if not (element or period or unit or category or value or comment):
                continue
            if "'" in (element[:1], unit[:1], category[:1], comment[:1]):
                element, unit, category, comment = unguard(element), unguard(unit), unguard(category), unguard(comment)
            add(Location.of_row(filename, line), element, period, unit, category, value, comment)
    except csv.Error:
        collector.report(ErrorCode.FILE_UNREADABLE, _CSV_SYNTAX_MESSAGE, Location(filename, row=line + 1), "")


def _width_message(count: int, width: int, separator: str) -> str:
    """Too many fields is nearly always an unquoted separator inside a cell: say which one."""
    message = f"dòng có {count} trường nhưng tiêu đề có {width} cột"
    if count > width and separator == ",":
        message += (
            "; trong tệp phân cách bằng dấu phẩy, số như 4,8 không đặt trong ngoặc kép bị tách thành hai trường: "
            "hãy viết 4.8 (dấu chấm thập phân) hoặc lưu tệp phân cách bằng dấu chấm phẩy"
        )
    elif count > width:
        message += '; ô có dấu chấm phẩy phải đặt trong ngoặc kép ("…")'
    return message


# --------------------------------------------------------------------------------------------
# DHIS2 JSON reader


class _JsonNumber(str):
    """A JSON number kept as its literal text, so 4.80 stays "4.80" and 1e400 is refused rather
    than turned into a float (or a four-thousand-digit int) behind the user's back."""


def read_dhis2_json(content: bytes, filename: str) -> ReadResult:
    """Read a DHIS2 `dataValueSets` JSON object exported with idScheme=code.

    Items are numbered from 1 in the order of "dataValues". Keys ansinh does not use (created,
    followup, storedBy, lastUpdated, …) are ignored; top-level "period" and "orgUnit" apply to
    items that leave them out, as in DHIS2."""
    result = ReadResult()
    if _too_big(content, filename, result):
        return result
    text = _decode(content, filename, result, "DHIS2 luôn xuất JSON bằng UTF-8")
    if text is None:
        return result
    with no_cycle_collection():
        try:
            document = json.loads(text, parse_float=_JsonNumber, parse_int=_JsonNumber, parse_constant=_JsonNumber)
        except json.JSONDecodeError as exc:
            message = f"nội dung không phải JSON hợp lệ (lỗi ở dòng {exc.lineno}, cột {exc.colno})"
            return _file_problem(result, ErrorCode.FILE_UNREADABLE, message, filename, row=exc.lineno)
        items = _data_values(document, filename, result)
        if items is None:
            return result
        collector = _Collector(result, _JSON_NAMES, machine_value_text)
        defaults = {key: document.get(key) for key in ("period", "orgUnit")}
        for position, item in enumerate(items, start=1):
            _read_item(collector, Location(filename, item=position), item, defaults)
    return collector.finish()


def _data_values(document: object, filename: str, result: ReadResult) -> list | None:
    """The "dataValues" list, or None with a problem saying what the top level should be."""
    if isinstance(document, list):
        message = 'tệp là một danh sách JSON; DHIS2 dùng một đối tượng: {"dataValues": [...]}'
        _file_problem(result, ErrorCode.FIELD_INVALID, message, filename)
        return None
    if not isinstance(document, dict):
        _file_problem(result, ErrorCode.FIELD_INVALID, 'nội dung phải là một đối tượng JSON {"dataValues": [...]}', filename)
        return None
    problems_before = len(result.problems)
    items = document.get("dataValues")
    if items is None:
        _file_problem(result, ErrorCode.FIELD_MISSING, 'thiếu khóa "dataValues"', filename, column="dataValues")
    elif not isinstance(items, list):
        _file_problem(result, ErrorCode.FIELD_INVALID, '"dataValues" phải là một danh sách', filename, column="dataValues")
    for key in ("period", "orgUnit"):
        if document.get(key) is not None and not _is_text(document[key]):
            _file_problem(result, ErrorCode.FIELD_INVALID, f'"{key}" phải là chuỗi ký tự', filename, column=key)
    if message := _attribute_combo_error(document.get("attributeOptionCombo")):
        _file_problem(result, ErrorCode.FIELD_INVALID, message, filename, column="attributeOptionCombo")
    return None if len(result.problems) != problems_before else items


def _read_item(collector: _Collector, where: Location, item: object, defaults: dict[str, object]) -> None:
    """Type checks specific to JSON; the common rules are left to the collector."""
    report = collector.report
    if not isinstance(item, dict):
        report(ErrorCode.FIELD_INVALID, "mục phải là một đối tượng JSON {...}", where, "")
        return
    before = len(collector.result.problems)
    texts = {}
    for key in ("dataElement", "period", "orgUnit", "categoryOptionCombo", "comment"):
        raw = item.get(key)
        if raw is None:
            raw = defaults.get(key)
        if raw is not None and not _is_text(raw):
            report(ErrorCode.FIELD_INVALID, f'"{key}" phải là chuỗi ký tự', where, key)
        texts[key] = raw.strip() if _is_text(raw) else ""
    value = item.get("value")
    if value is not None and not isinstance(value, str):
        report(ErrorCode.FIELD_INVALID, '"value" phải là chuỗi hoặc số', where, "value")
    if message := _attribute_combo_error(item.get("attributeOptionCombo")):
        report(ErrorCode.FIELD_INVALID, message, where, "attributeOptionCombo")
    if str(item.get("deleted")).lower() == "true":  # DHIS2 sends a boolean; "true" is read alike
        report(ErrorCode.FIELD_INVALID, 'xóa số liệu qua tệp chưa được hỗ trợ; hãy bỏ mục có "deleted": true', where, "deleted")
    if len(collector.result.problems) != before:
        return
    value_text = value.strip() if isinstance(value, str) else ""
    collector.add(where, texts["dataElement"], texts["period"], texts["orgUnit"], texts["categoryOptionCombo"], value_text, texts["comment"])


def _is_text(raw: object) -> bool:
    """A JSON string; a JSON number is not a code (it would lose leading zeros such as "01")."""
    return isinstance(raw, str) and not isinstance(raw, _JsonNumber)


def _attribute_combo_error(raw: object) -> str | None:
    if raw is None or (_is_text(raw) and raw.strip().lower() in ("", DHIS2_DEFAULT_NAME)):
        return None
    return f'attributeOptionCombo "{raw}" không được hỗ trợ: ansinh không dùng tổ hợp thuộc tính; chỉ nhận "default" hoặc để trống'
