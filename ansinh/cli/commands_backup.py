"""`ansinh backup` and `ansinh restore`: the database and the uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path

import click

from ansinh.cli.common import CONTEXT_SETTINGS, print_json, user_errors


@click.command("backup", context_settings=CONTEXT_SETTINGS)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Tệp sao lưu sẽ ghi (.tar.gz).")
@click.option("--json", "as_json", is_flag=True, help="In tóm tắt dạng JSON.")
@user_errors
def backup(out: Path, as_json: bool) -> None:
    """Sao lưu cơ sở dữ liệu (SQLite hoặc PostgreSQL) và các tệp đính kèm, khi ứng dụng vẫn chạy.

    \b
    Example:
      ansinh backup --out /srv/backup/ansinh-2026-11-29.tar.gz
    """
    from ansinh.core.backup import backup as do_backup

    summary = do_backup(out)
    if as_json:
        print_json(summary.__dict__)
        return
    from ansinh.core.vnformat import format_number

    click.echo(f"Đã sao lưu {summary.engine}: {summary.tables} bảng, {format_number(summary.rows)} dòng, {summary.files} tệp đính kèm "
               f"-> {summary.path} ({format_number(summary.bytes)} byte)")


@click.command("restore", context_settings=CONTEXT_SETTINGS)
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Xác nhận thay toàn bộ dữ liệu hiện tại bằng bản sao lưu.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@user_errors
def restore(archive: Path, yes: bool, as_json: bool) -> None:
    """Khôi phục từ tệp sao lưu: thay cơ sở dữ liệu và tệp đính kèm, rồi đối chiếu từng bảng.

    Dừng ứng dụng trước khi khôi phục.

    \b
    Example:
      ansinh restore /srv/backup/ansinh-2026-11-29.tar.gz --yes
    """
    from ansinh.core.backup import read_manifest
    from ansinh.core.backup import restore as do_restore

    manifest = read_manifest(archive)
    if not yes:
        raise click.UsageError(f"khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng bản sao lưu lúc {manifest['created_at']}; thêm --yes để xác nhận")
    result = do_restore(archive)
    if as_json:
        print_json(result)
    elif result["exact"]:
        click.echo(f"Đã khôi phục bản sao lưu lúc {result['created_at']}: {result['tables']} bảng khớp từng dòng.")
    else:
        click.echo(f"Đã khôi phục, nhưng các bảng sau khác bản sao lưu: {', '.join(result['different'])}", err=True)
    if not result["exact"]:
        raise SystemExit(2)
