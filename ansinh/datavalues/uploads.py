"""Reading an uploaded file of any supported kind into raw values. Pure code.

The kind is chosen by the file name's extension, then confirmed by the reader (a PNG renamed
.xlsx is refused by the Excel reader with its own message): .xlsx (the ansinh template), .zip
(a folder of commune workbooks), .csv (docs/data-exchange.md), .json (DHIS2 dataValueSets).
Every reader hands back values whose text `parse_number` reads as intended.
"""

from __future__ import annotations

from pathlib import PurePath

from ansinh.core.errors import ErrorCode, Problem
from ansinh.datavalues.archives import read_archive
from ansinh.datavalues.excel import read_workbook
from ansinh.datavalues.exchange import read_csv, read_dhis2_json
from ansinh.datavalues.rows import ReadResult

SUPPORTED = (".xlsx", ".zip", ".csv", ".json")


def read_upload(content: bytes, filename: str) -> ReadResult:
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".xlsx":
        return read_workbook(content, filename)
    if suffix == ".zip":
        return _read_zip(content, filename)
    if suffix == ".csv":
        return read_csv(content, filename)
    if suffix == ".json":
        return read_dhis2_json(content, filename)
    message = f"định dạng tệp '{suffix or '(không có đuôi)'}' không hỗ trợ; dùng {', '.join(SUPPORTED)}"
    return ReadResult(problems=[Problem(ErrorCode.FILE_UNREADABLE, message, f"tệp {filename}")])


def _read_zip(content: bytes, filename: str) -> ReadResult:
    members, problems = read_archive(content, filename)
    result = ReadResult(problems=list(problems))
    if not members and not problems:
        result.problems.append(Problem(ErrorCode.FILE_UNREADABLE, "tệp nén không có bảng tính .xlsx nào", f"tệp {filename}"))
    for name, data in members:
        part = read_workbook(data, f"{filename}/{name}")
        result.values += part.values
        result.problems += part.problems
        result.units_seen += part.units_seen
    return result
