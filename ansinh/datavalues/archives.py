"""Commune workbooks sent as one .zip: the .xlsx members, read in memory, safely.

A zip from an upload form is untrusted. Its names may climb out of a folder ("../x.xlsx",
"/etc/x", "C:\\x"), it may hold another archive, or a few kilobytes may unpack into gigabytes
(a zip bomb). Nothing is ever extracted to disk, so names are only labels here; they are still
refused when unsafe, because a name like that means the archive was not made by an office
zipping its folder, and someone downstream might one day use it as a path. Sizes are checked
from the zip directory before anything is read, and again while reading, since a directory can
lie. Pure code: no Django.
"""

from __future__ import annotations

import io
import re
import zipfile

from ansinh.core.damaged_zip import DAMAGED_ZIP_ERRORS
from ansinh.core.errors import ErrorCode, Problem
from ansinh.core.vnformat import format_number
from ansinh.datavalues.rows import MAX_ARCHIVE_BYTES, MAX_UPLOAD_BYTES, Location

__all__ = ["MAX_MEMBERS", "read_archive"]

MAX_MEMBERS = 200  # workbooks in one archive; a town has far fewer communes
# An .xlsx is already deflated, so zipping it again gains almost nothing (ratio near 1). A
# member unpacking to a hundred times its packed size is not a workbook.
MAX_COMPRESSION_RATIO = 100
# Below this, a high ratio is harmless (a tiny text file of repeated characters).
RATIO_CHECKED_FROM_BYTES = 1024 * 1024

# What zipping on a Mac or from an open Excel adds; not the office's files, so silently skipped.
IGNORED_PARTS = ("__MACOSX",)
IGNORED_FILES = (".ds_store", "thumbs.db", "desktop.ini")
ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst", ".cab", ".arj", ".lz", ".lzma")
_DRIVE = re.compile(r"^[A-Za-z]:")

MSG_TOO_LARGE = "tệp nén nặng {size} MB, vượt giới hạn {limit} MB"
MSG_NOT_ZIP = "không phải tệp .zip hoặc tệp bị hỏng; hãy nén các tệp .xlsx bằng “Send to > Compressed (zipped) folder” hoặc 7-Zip (định dạng .zip)"
MSG_TOO_MANY = "tệp nén có {count} tệp, quá giới hạn {limit} tệp; hãy chia thành nhiều tệp nén"
MSG_UNPACKED_TOO_LARGE = "nội dung tệp nén khi giải nén là {size} MB, vượt giới hạn {limit} MB"
MSG_BOMB = "tệp '{name}' khi giải nén lớn gấp {ratio} lần khi nén, không thể là một bảng tính; tệp nén bị từ chối"
MSG_UNSAFE_NAME = (
    "tên '{name}' không an toàn (có '..', đường dẫn tuyệt đối, dấu '\\' hoặc ổ đĩa); "
    "hãy nén lại các tệp .xlsx trong một thư mục bình thường"
)
MSG_NESTED = "tệp '{name}' là tệp nén nằm trong tệp nén; hãy đưa các tệp .xlsx trực tiếp vào một tệp nén"
MSG_NOT_XLSX = "tệp '{name}' không phải tệp .xlsx; tệp nén chỉ được chứa các tệp mẫu Excel (.xlsx) đã điền"
MSG_ENCRYPTED = "tệp '{name}' được nén có mật khẩu; hãy nén lại không đặt mật khẩu"
MSG_DUPLICATE = "tệp '{name}' xuất hiện hai lần trong tệp nén"
MSG_MEMBER_TOO_LARGE = "tệp '{name}' nặng {size} MB, vượt giới hạn {limit} MB cho một tệp"
MSG_MEMBER_BROKEN = "tệp '{name}' trong tệp nén bị hỏng, không đọc được; hãy nén lại"
MSG_SIZE_LIE = "tệp '{name}' có kích thước thật lớn hơn kích thước ghi trong tệp nén; tệp nén bị từ chối"
MSG_EMPTY = "tệp nén không có tệp .xlsx nào"

def read_archive(content: bytes, filename: str) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """(name, bytes) of every .xlsx member, in archive order, and the problems found.

    A problem with the archive as a whole (not a zip, too big, too many members, a bomb) returns
    no members. A problem with one member (unsafe name, nested archive, other file type) skips
    that member and still returns the others, so the caller can check them too and report
    everything at once; any problem means the upload is refused.
    """
    if len(content) > MAX_ARCHIVE_BYTES:
        message = MSG_TOO_LARGE.format(size=_megabytes(len(content)), limit=_megabytes(MAX_ARCHIVE_BYTES))
        return [], [_problem(ErrorCode.FILE_UNREADABLE, message, filename)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except DAMAGED_ZIP_ERRORS:
        return [], [_problem(ErrorCode.FILE_UNREADABLE, MSG_NOT_ZIP, filename)]
    with archive:
        return _read_members(archive, filename)


def _read_members(archive: zipfile.ZipFile, filename: str) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    entries = [(info, _display_name(info)) for info in archive.infolist()]
    files = [(info, name) for info, name in entries if not info.is_dir() and not _ignored(name)]
    fatal = _archive_problem(files, filename)
    if fatal is not None:
        return [], [fatal]
    # Every entry, folders and skipped Mac files included: an unsafe name anywhere means the
    # archive was not simply an office's folder.
    problems = [_problem(ErrorCode.FIELD_INVALID, MSG_UNSAFE_NAME.format(name=name), filename) for _, name in entries if _unsafe(name)]
    wanted = []
    seen: set[str] = set()
    for info, name in files:
        if _unsafe(name):
            continue
        message = _member_problem(info, name, seen)
        seen.add(name.casefold())
        if message is not None:
            problems.append(_problem(ErrorCode.FIELD_INVALID, message, _member_file(filename, name)))
        else:
            wanted.append((info, name))
    members, read_problems, stop = _read_wanted(archive, wanted, filename)
    if stop:
        return [], read_problems
    problems += read_problems
    if not members and not problems:
        problems.append(_problem(ErrorCode.FILE_UNREADABLE, MSG_EMPTY, filename))
    return members, problems


def _archive_problem(files: list[tuple[zipfile.ZipInfo, str]], filename: str) -> Problem | None:
    """Refusals decided from the directory alone, before any byte is decompressed."""
    if len(files) > MAX_MEMBERS:
        return _problem(ErrorCode.FIELD_INVALID, MSG_TOO_MANY.format(count=len(files), limit=MAX_MEMBERS), filename)
    total = sum(info.file_size for info, _ in files)
    if total > MAX_ARCHIVE_BYTES:
        message = MSG_UNPACKED_TOO_LARGE.format(size=_megabytes(total), limit=_megabytes(MAX_ARCHIVE_BYTES))
        return _problem(ErrorCode.FIELD_INVALID, message, filename)
    for info, name in files:
        if info.file_size >= RATIO_CHECKED_FROM_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            ratio = format_number(info.file_size // max(info.compress_size, 1), 0)
            return _problem(ErrorCode.FIELD_INVALID, MSG_BOMB.format(name=name, ratio=ratio), _member_file(filename, name))
    return None


def _member_problem(info: zipfile.ZipInfo, name: str, seen: set[str]) -> str | None:
    lowered = name.casefold()
    if lowered in seen:
        return MSG_DUPLICATE.format(name=name)
    if lowered.endswith(ARCHIVE_SUFFIXES):
        return MSG_NESTED.format(name=name)
    if not lowered.endswith(".xlsx"):
        return MSG_NOT_XLSX.format(name=name)
    if info.flag_bits & 0x1:
        return MSG_ENCRYPTED.format(name=name)
    if info.file_size > MAX_UPLOAD_BYTES:
        return MSG_MEMBER_TOO_LARGE.format(name=name, size=_megabytes(info.file_size), limit=_megabytes(MAX_UPLOAD_BYTES))
    return None


def _read_wanted(archive: zipfile.ZipFile, wanted, filename: str) -> tuple[list[tuple[str, bytes]], list[Problem], bool]:
    """Read each member, never more than its declared size plus one byte: getting that extra
    byte proves the directory lied, and the whole archive is refused (the bool)."""
    members, problems = [], []
    budget = MAX_ARCHIVE_BYTES
    for info, name in wanted:
        limit = min(info.file_size, budget)
        try:
            with archive.open(info) as stream:
                data = stream.read(limit + 1)
        except DAMAGED_ZIP_ERRORS:
            problems.append(_problem(ErrorCode.FILE_UNREADABLE, MSG_MEMBER_BROKEN.format(name=name), _member_file(filename, name)))
            continue
        if len(data) > limit:
            return [], [_problem(ErrorCode.FIELD_INVALID, MSG_SIZE_LIE.format(name=name), _member_file(filename, name))], True
        budget -= len(data)
        members.append((name, data))
    return members, problems, False


def _display_name(info: zipfile.ZipInfo) -> str:
    """Most zip tools write UTF-8 names without setting the UTF-8 flag; zipfile then decodes
    them as cp437 and "Xã" comes out garbled. Undo that when the bytes are valid UTF-8."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _unsafe(name: str) -> bool:
    return (
        not name
        or "\x00" in name
        or "\\" in name
        or name.startswith("/")
        or bool(_DRIVE.match(name))
        or ".." in name.split("/")
    )


def _ignored(name: str) -> bool:
    parts = name.split("/")
    base = parts[-1].casefold()
    return any(part in IGNORED_PARTS for part in parts) or base in IGNORED_FILES or base.startswith("~$") or base.startswith("._")


def _member_file(filename: str, name: str) -> str:
    """How a member is named in locations; the caller should pass the same to read_workbook."""
    return f"{filename}/{name}"


def _megabytes(size: int) -> str:
    return format_number(size / (1024 * 1024), 1 if size % (1024 * 1024) else 0)


def _problem(code: ErrorCode, message: str, file: str) -> Problem:
    return Problem(code, message, where=str(Location(file)))
