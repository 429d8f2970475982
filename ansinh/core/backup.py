"""Backup and restore of an installation: the database and the uploaded files, in one archive.

- SQLite: the online backup API copies a consistent snapshot while the app keeps running.
- PostgreSQL: `pg_dump --format=custom` (a consistent snapshot by itself); restored with
  `pg_restore --clean --if-exists --no-owner --single-transaction`.
- Uploaded files (evidence) are copied as they are; their names are generated and never reused.

The archive carries a manifest with a fingerprint of every table (row count and a SHA-256 of its
rows in primary-key order); `restore` recomputes it afterwards and says whether the round trip is
exact (docs/operations.md).
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

from ansinh.core.errors import ErrorCode, UserError

FORMAT = "ansinh-backup/1"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


@dataclass(frozen=True)
class BackupSummary:
    path: str
    engine: str
    tables: int
    rows: int
    files: int
    bytes: int


def database_fingerprint() -> dict[str, list]:
    """{table: [rows, sha256]} for every table of the installed models (history tables included)."""
    found = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table in found:
                continue
            pk = model._meta.pk.column
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY "{pk}"')  # noqa: S608 - table names come from the models
            digest, rows = hashlib.sha256(), 0
            for row in cursor.fetchall():
                digest.update(repr(tuple(_plain(v) for v in row)).encode())
                rows += 1
            found[table] = [rows, digest.hexdigest()]
    return found


def _plain(value):
    """The same text for a value whichever driver read it (SQLite and PostgreSQL differ in types)."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBER:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"không sao lưu được cơ sở dữ liệu loại {vendor}", field="database")
    return vendor


def backup(out: Path) -> BackupSummary:
    engine = _engine()
    fingerprint = database_fingerprint()
    uploads = Path(settings.ANSINH_UPLOAD_DIR)
    with tempfile.TemporaryDirectory(prefix="ansinh-backup-") as folder:
        dump = Path(folder) / DATABASE_MEMBER[engine]
        _dump_sqlite(dump) if engine == "sqlite" else _dump_postgres(dump)
        files = sorted(p for p in uploads.rglob("*") if p.is_file()) if uploads.exists() else []
        manifest = {
            "format": FORMAT, "engine": engine, "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "tables": fingerprint, "uploads": {str(p.relative_to(uploads)): _sha256(p) for p in files},
        }
        out.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(out, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, DATABASE_MEMBER[engine])
            for path in files:
                archive.add(path, f"uploads/{path.relative_to(uploads)}")
    rows = sum(count for count, _ in fingerprint.values())
    return BackupSummary(str(out), engine, len(fingerprint), rows, len(files), out.stat().st_size)


def _dump_sqlite(target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)  # consistent even while others write
    finally:
        destination.close()


def _pg_url() -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgresql://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def _run(command: list[str], what: str) -> None:
    if shutil.which(command[0]) is None:
        raise UserError.single(ErrorCode.TOOL_MISSING, f"máy chưa cài {command[0]} (gói postgresql-client) nên không {what} được", field="database")
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise UserError.single(ErrorCode.TOOL_FAILED, f"{command[0]} báo lỗi: {result.stderr.strip()[:500]}", field="database")


def _dump_postgres(target: Path) -> None:
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _pg_url()], "sao lưu")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = archive.extractfile("manifest.json")
            manifest = json.loads(member.read()) if member else None
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as error:
        raise UserError.single(ErrorCode.FILE_UNREADABLE, f"tệp sao lưu {archive_path.name} không đọc được: {error}", field="file") from None
    if not manifest or manifest.get("format") != FORMAT:
        raise UserError.single(ErrorCode.FILE_UNREADABLE, f"{archive_path.name} không phải tệp sao lưu của ansinh", field="file")
    return manifest


def restore(archive_path: Path) -> dict:
    """Replace the database and the uploaded files with the archive's; returns the comparison of
    the restored tables with the manifest ({"exact": bool, "different": [tables]})."""
    manifest = read_manifest(archive_path)
    engine = _engine()
    if manifest["engine"] != engine:
        raise UserError.single(
            ErrorCode.FIELD_INVALID, f"bản sao lưu là {manifest['engine']}, cơ sở dữ liệu hiện tại là {engine}: không khôi phục chéo được", field="database"
        )
    with tempfile.TemporaryDirectory(prefix="ansinh-restore-") as folder:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(folder, filter="data")  # no absolute paths, links or devices
        dump = Path(folder) / DATABASE_MEMBER[engine]
        _check_uploads(Path(folder) / "uploads", manifest["uploads"])  # before anything is replaced
        _restore_sqlite(dump) if engine == "sqlite" else _restore_postgres(dump)
        _restore_uploads(Path(folder) / "uploads", manifest["uploads"])
    now = database_fingerprint()
    different = sorted(t for t, value in manifest["tables"].items() if now.get(t) != value)
    return {"exact": not different, "different": different, "tables": len(manifest["tables"]), "created_at": manifest["created_at"]}


def _restore_sqlite(dump: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _restore_postgres(dump: Path) -> None:
    connection.close()  # pg_restore drops tables this process may hold open
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", f"--dbname={_pg_url()}", str(dump)], "khôi phục")


def _check_uploads(extracted: Path, expected: dict[str, str]) -> None:
    for name, digest in expected.items():
        source = extracted / name
        if not source.is_file() or _sha256(source) != digest:
            raise UserError.single(ErrorCode.FILE_UNREADABLE, f"tệp đính kèm {name} trong bản sao lưu bị thiếu hoặc hỏng; chưa khôi phục gì", field="file")


def _restore_uploads(extracted: Path, expected: dict[str, str]) -> None:
    uploads = Path(settings.ANSINH_UPLOAD_DIR)
    if uploads.exists():
        shutil.rmtree(uploads)
    uploads.mkdir(parents=True)
    for name in expected:
        (uploads / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(extracted / name, uploads / name)
