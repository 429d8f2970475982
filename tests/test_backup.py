"""`ansinh backup` / `ansinh restore` on a throwaway installation of the database engine this test
pass uses (SQLite file, or a new PostgreSQL database): the round trip is exact, table by table,
files included; a damaged or foreign archive is refused before anything changes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from tests.live_server import BIN, ROOT


def _postgres_url(name: str) -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{name}"


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """A migrated demo installation with one uploaded file; yields a runner of `ansinh` commands."""
    workdir = tmp_path_factory.mktemp("backup")
    postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    name = f"ansinh_backup_{uuid.uuid4().hex[:8]}"
    if postgres:
        import psycopg

        with psycopg.connect(_postgres_url("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        url = _postgres_url(name)
    else:
        url = f"sqlite:///{workdir / 'ansinh.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "ANSINH_UPLOAD_DIR": str(workdir / "uploads")}
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=check)

    run("python", "manage.py", "migrate", "--noinput")
    run("ansinh", "demo", "setup")
    (workdir / "uploads" / "7f").mkdir(parents=True)
    (workdir / "uploads" / "7f" / "bien-ban.pdf").write_bytes(b"%PDF-1.4 bien ban hop")
    try:
        yield run, workdir
    finally:
        if postgres:
            import psycopg

            with psycopg.connect(_postgres_url("postgres"), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_exactly_table_by_table_and_file_by_file(installation):
    run, workdir = installation
    archive = workdir / "sao-luu.tar.gz"
    summary = json.loads(run("ansinh", "backup", "--out", str(archive), "--json").stdout)
    assert summary["tables"] > 40 and summary["rows"] > 10_000 and summary["files"] == 1
    # Then the installation changes: a new role, a lost file
    run("ansinh", "accounts", "grant", "nguoi-moi", "--role", "viewer")
    (workdir / "uploads" / "7f" / "bien-ban.pdf").unlink()
    # When it is restored
    result = json.loads(run("ansinh", "restore", str(archive), "--yes", "--json").stdout)
    # Then every table equals the backup, and the file is back
    assert result["exact"] and result["different"] == []
    assert (workdir / "uploads" / "7f" / "bien-ban.pdf").read_bytes() == b"%PDF-1.4 bien ban hop"
    again = json.loads(run("ansinh", "backup", "--out", str(workdir / "lan-2.tar.gz"), "--json").stdout)
    assert again["rows"] == summary["rows"]


def test_restore_asks_for_confirmation(installation):
    run, workdir = installation
    archive = workdir / "xac-nhan.tar.gz"
    run("ansinh", "backup", "--out", str(archive))
    refused = run("ansinh", "restore", str(archive), check=False)
    assert refused.returncode != 0 and "--yes" in refused.stderr


def test_a_file_that_is_not_a_backup_is_refused(installation):
    run, workdir = installation
    fake = workdir / "khong-phai.tar.gz"
    fake.write_bytes(b"this is not a tar archive")
    refused = run("ansinh", "restore", str(fake), "--yes", check=False)
    assert refused.returncode == 1 and "không đọc được" in refused.stderr


def test_a_damaged_file_in_the_archive_is_refused_before_anything_changes(installation):
    run, workdir = installation
    archive = workdir / "goc.tar.gz"
    run("ansinh", "backup", "--out", str(archive))
    damaged = workdir / "hong.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name.startswith("uploads/"):
                data = b"doctored"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data) if data is not None else None)
    run("ansinh", "accounts", "grant", "sau-sao-luu", "--role", "viewer")
    refused = run("ansinh", "restore", str(damaged), "--yes", check=False)
    assert refused.returncode == 1 and "chưa khôi phục gì" in refused.stderr
    # The role granted after the backup is still there: nothing was replaced
    listing = run("python", "manage.py", "shell", "-c",
                  "from ansinh.accounts.models import RoleAssignment; print(RoleAssignment.objects.filter(user__username='sau-sao-luu').count())")
    assert listing.stdout.strip().endswith("1")
