"""`ansinh program …`: action programs as data."""

from __future__ import annotations

from pathlib import Path

import click

from ansinh.cli.common import CONTEXT_SETTINGS, cli_user, print_json, user_errors


@click.group(name="program", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Chương trình hành động: chỉ tiêu, nhiệm vụ, cơ quan thực hiện.

    \b
    Example:
      ansinh program show duc-pho-42 --json
    """


@group.command("list")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
def list_programs(as_json: bool) -> None:
    """Liệt kê các chương trình đã nạp.

    \b
    Example:
      ansinh program list --json
    """
    from ansinh.programs.selectors import list_programs as select_programs

    rows = [
        {
            "code": p.code,
            "doc_type": p.doc_type,
            "number": p.number,
            "title": p.title,
            "issuing_body": p.issuing_body.name,
            "scope_unit": {"code": p.scope_unit.code, "name": p.scope_unit.name},
            "period": {"start": p.start_year, "end": p.end_year},
            "targets": p.target_count,
            "tasks": p.task_count,
        }
        for p in select_programs()
    ]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        click.echo(f"{row['code']:20} {row['doc_type']} {row['number']} – {row['issuing_body']} ({row['targets']} chỉ tiêu, {row['tasks']} nhiệm vụ)")


@group.command("show")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON (hợp đồng trong docs/cli.md).")
@user_errors
def show(code: str, as_json: bool) -> None:
    """Chỉ tiêu và nhiệm vụ của chương trình CODE.

    \b
    Example:
      ansinh program show duc-pho-42 --json
    """
    from ansinh.core.vnformat import format_number
    from ansinh.programs.selectors import get_program, program_summary

    summary = program_summary(get_program(code))
    if as_json:
        print_json(summary)
        return
    click.echo(f"{summary['doc_type']} {summary['number']} – {summary['issuing_body']}")
    click.echo(summary["title"])
    click.echo(f"\nChỉ tiêu ({len(summary['targets'])}):")
    for t in summary["targets"]:
        if t["comparator"] == "range":
            amount = f"{format_number(t['low'])}–{format_number(t['high'])}"
        else:
            amount = format_number(t["value"]) if t["value"] is not None else "(định tính)"
        click.echo(f"  {t['code']} [{t['comparator']}] {amount} {t['unit']} – {t['name']} ({t['year']})")
    click.echo(f"\nNhiệm vụ ({len(summary['tasks'])}):")
    for task in summary["tasks"]:
        click.echo(f"  {task['number']}. {task['title'][:90]}")
        click.echo(f"      chỉ đạo: {task['lead'] or '–'}; thực hiện: {'; '.join(task['implementers']) or '–'}")


@group.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@user_errors
def load(file: Path, as_json: bool) -> None:
    """Kiểm tra và nạp một tệp chương trình (YAML, docs/program-file.md).

    Tệp có lỗi bị từ chối toàn bộ, với thông báo ghi rõ tệp, dòng và trường; nạp lại
    cùng một tệp không thay đổi gì.

    \b
    Example:
      ansinh program load ansinh/programs/examples/duc-pho-42.yaml
    """
    from ansinh.programs.actions import do_load_program
    from ansinh.programs.programfile import parse_program_file

    spec = parse_program_file(file)
    result = do_load_program(spec, acting_user=cli_user(), channel=f"cli:{file.name}")
    if as_json:
        print_json(result.as_dict())
        return
    label = {"created": "đã tạo", "updated": "đã cập nhật", "unchanged": "không thay đổi"}[result.status]
    click.echo(f"{result.program.code}: {label} ({result.targets} chỉ tiêu, {result.tasks} nhiệm vụ)")


@group.command("export")
@click.argument("code")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@user_errors
def export(code: str, file: Path) -> None:
    """Ghi chương trình CODE ra tệp YAML cùng định dạng với tệp nạp vào.

    \b
    Example:
      ansinh program export duc-pho-42 /tmp/duc-pho-42.yaml
    """
    from ansinh.programs.programfile import dump_program_file, spec_to_file_data
    from ansinh.programs.selectors import get_program, program_spec

    file.write_text(dump_program_file(spec_to_file_data(program_spec(get_program(code)))), encoding="utf-8")
    click.echo(f"Đã ghi {file}")


def _register_parse() -> None:
    from ansinh.cli.commands_parse import parse

    group.add_command(parse)


_register_parse()
