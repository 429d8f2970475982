"""`ansinh indicators …`: the indicator library."""

from __future__ import annotations

from pathlib import Path

import click

from ansinh.cli.common import CONTEXT_SETTINGS, cli_user, print_json, user_errors


@click.group(name="indicators", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Thư viện chỉ số và phần tử dữ liệu, dùng chung cho mọi chương trình.

    \b
    Example:
      ansinh indicators list --json
    """


@group.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@user_errors
def load(file: Path) -> None:
    """Nạp (hoặc cập nhật) thư viện chỉ số từ tệp YAML (docs/indicators.md).

    \b
    Example:
      ansinh indicators load ansinh/indicators/library/nq42.yaml
    """
    from ansinh.indicators.actions import do_load_indicator_library
    from ansinh.indicators.libraryfile import parse_indicator_library

    summary = do_load_indicator_library(parse_indicator_library(file), acting_user=cli_user(), channel=f"cli:{file.name}")
    click.echo(f"{file.name}: tạo mới {summary.created}, cập nhật {summary.updated}, không đổi {summary.unchanged}")


@group.command("list")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
def list_indicators(as_json: bool) -> None:
    """Liệt kê các chỉ số với công thức.

    \b
    Example:
      ansinh indicators list
    """
    from ansinh.indicators.selectors import indicator_summaries

    rows = indicator_summaries()
    if as_json:
        print_json(rows)
        return
    for row in rows:
        click.echo(f"{row['code']:28} {row['formula']}")
