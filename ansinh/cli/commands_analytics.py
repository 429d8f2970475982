"""`ansinh evaluate` and `ansinh analytics …`: progress of a program's targets."""

from __future__ import annotations

import click

from ansinh.cli.common import CONTEXT_SETTINGS, cli_user, print_json, user_errors


@click.command(name="evaluate", context_settings=CONTEXT_SETTINGS)
@click.argument("program")
@click.option("--unit", "unit_code", required=True, help="Mã đơn vị hành chính (đơn vị đã giải thể được đánh giá trên địa bàn kế thừa).")
@click.option("--year", type=click.IntRange(1900, 2100), required=True, help="Năm đánh giá.")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON (hợp đồng trong docs/cli.md).")
@user_errors
def evaluate(program: str, unit_code: str, year: int, as_json: bool) -> None:
    """Trạng thái tiến độ mọi chỉ tiêu của chương trình PROGRAM tại một đơn vị, một năm.

    \b
    Example:
      ansinh evaluate duc-pho-42 --unit 534 --year 2026 --json
    """
    from ansinh.analytics.selectors import evaluate_program
    from ansinh.core.vnformat import format_number
    from ansinh.programs.selectors import get_program

    result = evaluate_program(get_program(program), unit_code, year)
    if as_json:
        print_json(result["targets"])
        return
    territory = result["territory"]
    click.echo(f"{result['unit']['name']} ({result['unit']['code']}), năm {year}")
    if territory["mapped"]:
        names = ", ".join(m["name"] for m in territory["members"])
        click.echo(f"Đánh giá trên địa bàn kế thừa: {names}")
    for row in result["targets"]:
        value = format_number(row["value"]) if row["value"] is not None else "–"
        done = row["completeness"]
        share = f" [{done['year']}: {done['reported']}/{done['expected']} đơn vị báo cáo]" if done["expected"] and not done["complete"] else ""
        click.echo(f"  {row['target']} {row['status_vi']:16} {value:>10} {row['unit'] or ''} ({row['year'] or '–'}){share}  {row['name']}")


@click.group(name="analytics", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Số liệu tổng hợp và đánh giá tiến độ.

    \b
    Example:
      ansinh analytics refresh
    """


@group.command("refresh")
@user_errors
def refresh() -> None:
    """Tính lại toàn bộ số liệu tổng hợp từ số liệu gốc (thường không cần: mỗi lần nhập số
    liệu đã tự cập nhật phần liên quan).

    \b
    Example:
      ansinh analytics refresh
    """
    from ansinh.analytics.actions import do_refresh_aggregates

    summary = do_refresh_aggregates()
    click.echo(f"Đã tính lại {summary.cells} ô (phần tử × kỳ), {summary.rows} dòng tổng hợp.")


@group.command("set-status")
@click.argument("program")
@click.argument("target")
@click.option("--unit", "unit_code", required=True, help="Mã đơn vị hành chính.")
@click.option("--year", type=click.IntRange(1900, 2100), required=True, help="Năm đánh giá.")
@click.option("--status", required=True, type=click.Choice(["achieved", "on_track", "needs_acceleration", "off_track", "regressing", "insufficient_data"]))
@click.option("--reason", required=True, help="Lý do, căn cứ đánh giá.")
@user_errors
def set_status(program: str, target: str, unit_code: str, year: int, status: str, reason: str) -> None:
    """Ghi trạng thái do người đánh giá cho một chỉ tiêu định tính (ai, khi nào, vì sao).

    \b
    Example:
      ansinh analytics set-status duc-pho-42 T16 --unit 534 --year 2025 --status on_track --reason "Báo cáo dân số 2025"
    """
    from ansinh.analytics.actions import do_set_manual_status
    from ansinh.analytics.selectors import resolve_unit
    from ansinh.programs.selectors import get_program, get_target

    record = do_set_manual_status(
        get_target(get_program(program), target), resolve_unit(unit_code, year), year,
        status=status, reason=reason, acting_user=cli_user(), channel="cli:analytics set-status",
    )
    click.echo(f"{target} ({record.unit.name}, {year}): {record.get_status_display()}")
