"""`ansinh tasks …`: follow-up of the task groups (nhiệm vụ) of a program."""

from __future__ import annotations

from datetime import date

import click

from ansinh.cli.common import CONTEXT_SETTINGS, print_json, user_errors


def _today(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        raise click.BadParameter(f"ngày {value!r} phải có dạng YYYY-MM-DD") from None


@click.group(name="tasks", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Theo dõi nhiệm vụ: báo cáo của các cơ quan, việc quá hạn, nhắc việc.

    \b
    Example:
      ansinh tasks status duc-pho-42 --period 2026S1 --json
    """


@group.command("status")
@click.argument("program")
@click.option("--period", help="Kỳ báo cáo (mặc định: kỳ 6 tháng hiện tại).")
@click.option("--today", help="Ngày xét quá hạn (YYYY-MM-DD), mặc định hôm nay.")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@user_errors
def status(program: str, period: str | None, today: str | None, as_json: bool) -> None:
    """Từng nhiệm vụ: cơ quan thực hiện, tình hình báo cáo kỳ, ngày báo cáo gần nhất, quá hạn.

    \b
    Example:
      ansinh tasks status duc-pho-42 --period 2026S1 --json
    """
    from ansinh.programs.selectors import get_program
    from ansinh.tasks.selectors import current_period, status_summary

    day = _today(today)
    chosen = period or current_period(day)
    rows = status_summary(get_program(program), chosen, day)
    if as_json:
        print_json({"program": program, "period": chosen, "tasks": rows})
        return
    click.echo(f"{program} – kỳ {chosen}")
    for row in rows:
        click.echo(f"{row['number']}. {row['title'][:80]}")
        for body in row["bodies"]:
            flag = " [QUÁ HẠN]" if body["overdue"] else ""
            click.echo(f"    {body['body']}: {body['status_vi']}{flag}")
        for output in row["overdue_outputs"]:
            click.echo(f"    sản phẩm quá hạn: {output['title']} ({output['body']}, hạn {output['due']})")


@group.command("remind")
@click.argument("program")
@click.option("--today", help="Ngày gửi (YYYY-MM-DD), mặc định hôm nay.")
@user_errors
def remind(program: str, today: str | None) -> None:
    """Gửi thư nhắc việc cho từng cơ quan còn thiếu báo cáo hoặc có sản phẩm quá hạn; mỗi cơ
    quan nhiều nhất một thư mỗi ngày (chạy bằng cron hằng ngày).

    \b
    Example:
      ansinh tasks remind duc-pho-42
    """
    from ansinh.programs.selectors import get_program
    from ansinh.tasks.actions import do_send_reminders

    sent = do_send_reminders(get_program(program), _today(today))
    click.echo(f"Đã gửi {len(sent)} thư nhắc việc.")
    for reminder in sent:
        click.echo(f"  {reminder.body.name}: {len(reminder.message.splitlines()) - 3} việc; gửi tới {', '.join(reminder.recipients) or '(chưa có địa chỉ thư)'}")
