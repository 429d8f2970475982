"""`ansinh demo …`: the built-in example installation."""

from __future__ import annotations

import click

from ansinh.cli.common import CONTEXT_SETTINGS, user_errors


@click.group(name="demo", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Cài đặt mẫu: chương trình của Thị ủy Đức Phổ với dữ liệu mẫu.

    \b
    Example:
      ansinh demo setup
    """


@group.command("setup")
@click.option("--whole-country", is_flag=True, help="Nạp đơn vị hành chính của cả nước (mặc định: Quảng Ngãi và Kon Tum).")
@user_errors
def setup(whole_country: bool) -> None:
    """Nạp đơn vị hành chính, lịch sử sắp xếp, thư viện chỉ số, chương trình duc-pho-42,
    tài khoản quản trị mẫu và dữ liệu mẫu 2023–2026. Chạy lại không tạo trùng.

    \b
    Example:
      ansinh demo setup
    """
    from ansinh.demo.setup import DEMO_ADMIN, setup_demo

    report = setup_demo(whole_country=whole_country)
    for line in report.lines():
        click.echo(line)
    click.echo(f"Tài khoản quản trị mẫu: {DEMO_ADMIN[0]} / {DEMO_ADMIN[1]}")
