"""`ansinh units …`: administrative units and their lineage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ansinh.cli.common import CONTEXT_SETTINGS, cli_user, print_json, user_errors


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"ngày {value!r} phải có dạng YYYY-MM-DD, ví dụ 2024-06-01") from None


@click.group(name="units", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Đơn vị hành chính (mã GSO, hiệu lực theo thời gian, lịch sử sắp xếp).

    \b
    Example:
      ansinh units tree 534 --on 2024-06-01 --json
    """


@group.command("import")
@click.option("--edition", type=click.Choice(["2024", "2025", "all"]), default="all", show_default=True,
              help="2024: danh mục 3 cấp trước 01/7/2025; 2025: danh mục 2 cấp từ 01/7/2025.")
@click.option("--province", "provinces", multiple=True, help="Chỉ nạp tỉnh này (mã GSO, lặp lại được); mặc định cả nước.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@user_errors
def import_units(edition: str, provinces: tuple[str, ...], as_json: bool) -> None:
    """Nạp danh mục đơn vị hành chính từ dữ liệu của gói vietnam-provinces.

    Chạy lại không tạo trùng: đơn vị được nhận diện bằng (mã, ngày bắt đầu hiệu lực).

    \b
    Example:
      ansinh units import --edition all --province 51
    """
    from django.conf import settings

    from ansinh.orgunits.actions import do_import_editions

    keys = ["2024", "2025"] if edition == "all" else [edition]
    summaries = do_import_editions(
        keys, set(provinces) or None, pre2025_wheel=settings.ANSINH_GSO_PRE2025_WHEEL, acting_user=cli_user(), channel="cli:units import"
    )
    results = {key: summary.as_dict() for key, summary in summaries.items()}
    if as_json:
        print_json(results)
        return
    for key, summary in results.items():
        click.echo(f"Ấn bản {key}: tạo mới {summary['created']}, cập nhật {summary['updated']}, không đổi {summary['unchanged']}")


@group.command("lineage-load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@user_errors
def lineage_load(file: Path) -> None:
    """Ghi lịch sử sắp xếp (đơn vị cũ → đơn vị mới) từ một tệp YAML (docs/units.md).

    \b
    Example:
      ansinh units lineage-load ansinh/orgunits/lineage/quang-ngai-2025.yaml
    """
    from ansinh.orgunits.actions import do_record_lineage
    from ansinh.orgunits.lineagefile import parse_lineage_file

    effective_on, edges = parse_lineage_file(file)
    summary = do_record_lineage(effective_on, edges, acting_user=cli_user(), channel=f"cli:{file.name}", filename=file.name)
    click.echo(f"{file.name}: tạo mới {summary.created}, cập nhật {summary.updated}, không đổi {summary.unchanged}")


@group.command("tree")
@click.argument("code")
@click.option("--on", "on", help="Ngày (YYYY-MM-DD); mặc định hôm nay.")
@click.option("--json", "as_json", is_flag=True, help="In cây dạng JSON.")
@user_errors
def tree(code: str, on: str | None, as_json: bool) -> None:
    """Cây đơn vị hành chính dưới đơn vị CODE như nó tồn tại vào ngày --on.

    \b
    Example:
      ansinh units tree 534 --on 2024-06-01 --json
      ansinh units tree 51 --on 2026-01-01
    """
    from ansinh.orgunits.selectors import get_unit, unit_tree

    when = _date(on) or date.today()
    result = unit_tree(get_unit(code, when), when)
    if as_json:
        print_json({"on": when.isoformat(), **result})
        return

    def show(node: dict, depth: int) -> None:
        click.echo(f"{'  ' * depth}{node['code']}  {node['name']}")
        for child in node["children"]:
            show(child, depth + 1)

    click.echo(f"Ngày {when:%d/%m/%Y}:")
    show(result, 0)


@group.command("lineage")
@click.argument("code")
@click.option("--on", "on", help="Chỉ đơn vị mang mã này vào ngày (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@user_errors
def lineage(code: str, on: str | None, as_json: bool) -> None:
    """Mọi đơn vị từng mang mã CODE, với đơn vị tiền thân và kế thừa.

    Mã GSO được dùng lại sau sắp xếp: 21439 là phường Nguyễn Nghiêm đến 30/6/2025 và
    phường Đức Phổ từ 01/7/2025; lệnh này tách bạch hai đơn vị đó.

    \b
    Example:
      ansinh units lineage 21439 --json
    """
    from ansinh.orgunits.selectors import unit_lineage

    versions = unit_lineage(code, _date(on))
    if as_json:
        print_json(versions)
        return
    for unit in versions:
        period = f"{unit['valid_from'] or '…'} – {unit['valid_to'] or 'nay'}"
        click.echo(f"{unit['code']}  {unit['name']}  ({period})")
        for edge in unit["predecessors"]:
            click.echo(f"    ← {edge['code']} {edge['name']} ({edge['effective_on']}; {edge['legal_basis']})")
        for edge in unit["successors"]:
            click.echo(f"    → {edge['code']} {edge['name']} ({edge['effective_on']}; {edge['legal_basis']})")
