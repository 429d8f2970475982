"""`ansinh accounts …`: give users roles, and personal API tokens, from the command line."""

from __future__ import annotations

from datetime import date

import click

from ansinh.cli.common import CONTEXT_SETTINGS, cli_user, print_json, user_errors


@click.group(name="accounts", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Tài khoản: vai trò theo phạm vi, khóa API cá nhân.

    \b
    Example:
      ansinh accounts grant can-bo-nguyen-nghiem --role commune_officer --unit 21457
    """


@group.command("grant")
@click.argument("username")
@click.option("--role", required=True, help="system_admin, program_admin, approver, agency_officer, commune_officer, supervisor, viewer, body_officer.")
@click.option("--unit", "unit_code", help="Mã đơn vị phạm vi (vai trò áp dụng cho đơn vị này và các đơn vị trực thuộc).")
@click.option("--on", "on", help="Ngày xác định đơn vị theo mã (YYYY-MM-DD), mặc định hôm nay.")
@click.option("--agency", default="", help="Tên cơ quan (cán bộ cơ quan chuyên môn), ví dụ 'Trung tâm Y tế'.")
@click.option("--body", "body_code", help="Mã cơ quan thực hiện nhiệm vụ (body_officer).")
@click.option("--password", help="Mật khẩu đăng nhập web (bỏ trống: chỉ dùng khóa API).")
@user_errors
def grant(username: str, role: str, unit_code: str | None, on: str | None, agency: str, body_code: str | None, password: str | None) -> None:
    """Giao vai trò cho USERNAME (tạo tài khoản nếu chưa có).

    \b
    Example:
      ansinh accounts grant can-bo-nguyen-nghiem --role commune_officer --unit 21457
    """
    from ansinh.accounts.actions import do_grant_role
    from ansinh.core.errors import ErrorCode, UserError
    from ansinh.orgunits.selectors import get_unit
    from ansinh.programs.models import Body

    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        raise click.BadParameter(f"ngày {on!r} phải có dạng YYYY-MM-DD", param_hint="--on") from None
    unit = get_unit(unit_code, day) if unit_code else None
    body = Body.objects.filter(code=body_code).first() if body_code else None
    if body_code and body is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có cơ quan mã '{body_code}'", field="body")
    assignment = do_grant_role(username, role, acting_user=cli_user(), unit=unit, agency=agency, body=body, password=password)
    click.echo(f"{username}: {assignment.get_role_display()}{f' – {unit.name}' if unit else ''}{f' – {agency}' if agency else ''}{f' – {body.name}' if body else ''}")


@group.command("token")
@click.argument("username")
@click.option("--name", required=True, help="Dùng cho việc gì (ví dụ: cổng thông tin tỉnh).")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@user_errors
def token(username: str, name: str, as_json: bool) -> None:
    """Tạo khóa API cho USERNAME và in ra một lần (chỉ lưu bản băm).

    \b
    Example:
      ansinh accounts token can-bo-nguyen-nghiem --name "cổng thông tin tỉnh"
    """
    from django.contrib.auth import get_user_model

    from ansinh.accounts.actions import do_create_api_token
    from ansinh.core.errors import ErrorCode, UserError

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có tài khoản '{username}'", field="username")
    row, text = do_create_api_token(name=name, acting_user=user)
    if as_json:
        print_json({"username": username, "name": row.name, "prefix": row.prefix, "token": text})
    else:
        click.echo(text)


@group.command("two-factor-reset")
@click.argument("username")
@user_errors
def two_factor_reset(username: str) -> None:
    """Xóa thiết bị xác thực hai lớp của USERNAME (mất điện thoại); lần đăng nhập sau người đó cài lại.

    \b
    Example:
      ansinh accounts two-factor-reset nguoi-duyet-thi-xa
    """
    from ansinh.accounts.actions import do_reset_two_factor

    removed = do_reset_two_factor(username, acting_user=cli_user())
    click.echo(f"{username}: đã xóa {removed} thiết bị xác thực hai lớp" if removed else f"{username}: không có thiết bị xác thực hai lớp nào")
