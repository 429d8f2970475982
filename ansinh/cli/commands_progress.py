"""`ansinh progress …`: the progress status of one series against one target, from the shell.

A statistician can check any status by hand, without a database: the command calls
ansinh.analytics.progress.assess on the numbers given, and --json prints every intermediate
quantity (docs/progress-status.md).
"""

from __future__ import annotations

from dataclasses import asdict

import click

from ansinh.analytics.progress import COMPARATORS, KINDS, MAX_ABS_VALUE, Assessment, TargetRule, assess, parse_series
from ansinh.cli.common import CONTEXT_SETTINGS, print_json
from ansinh.core.vnformat import format_number, parse_number


@click.group(name="progress", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Đánh giá tiến độ một chuỗi số liệu so với chỉ tiêu.

    Phương pháp và ngưỡng: docs/progress-status.md.

    \b
    Example:
      ansinh progress assess --series 2015=6.0,2018=4.8,2024=3.0 --comparator lt --target 2 --target-year 2030
    """


@group.command("assess")
@click.option("--series", required=True, help="Các cặp năm=giá trị. Dùng ; giữa các cặp khi có dấu phẩy thập phân; * sau giá trị: năm chưa đủ đơn vị báo cáo.")
@click.option("--comparator", required=True, type=click.Choice(COMPARATORS), help="Phép so sánh của chỉ tiêu.")
@click.option("--target", type=str, help="Giá trị chỉ tiêu (2 hoặc 2,5); với range: 35..40. Không dùng với qual.")
@click.option("--target-year", type=int, required=True, help="Năm phải đạt chỉ tiêu.")
@click.option("--base-year", type=int, help="Năm gốc (mặc định: năm đầu tiên có số liệu đầy đủ).")
@click.option("--kind", type=click.Choice(KINDS), default="rate", show_default=True, help="Tỷ lệ, số đếm hay số cộng dồn.")
@click.option("--direction", type=click.Choice(["increase", "decrease"]), help="Chiều mong muốn (chỉ cần cho eq ở giá trị giữa).")
@click.option("--upper-limit", type=float, help="Mức tối đa tự nhiên, ví dụ 100 cho tỷ lệ phần trăm.")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON với mọi đại lượng trung gian.")
def assess_command(
    series: str,
    comparator: str,
    target: str | None,
    target_year: int,
    base_year: int | None,
    kind: str,
    direction: str | None,
    upper_limit: float | None,
    as_json: bool,
) -> None:
    """Xếp loại tiến độ của chuỗi số liệu --series so với một chỉ tiêu.

    \b
    Example:
      ansinh progress assess --series 2015=6.0,2018=4.8,2024=3.0 --comparator lt --target 2 --target-year 2030 --json
      ansinh progress assess --series "2023=0;2026=60" --comparator ge --target 300 --target-year 2030 --kind cumulative
      ansinh progress assess --series 2020=25,2024=30 --comparator range --target 35..40 --target-year 2030
    """
    try:
        observations = parse_series(series)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--series") from error
    value, low, high = _target_numbers(comparator, target)
    rule = TargetRule(comparator, value, low, high, target_year, kind=kind, direction=direction, upper_limit=upper_limit)
    try:
        result = assess(observations, rule, base_year=base_year)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    if as_json:
        print_json(asdict(result))
        return
    _print_human(result)


def _target_numbers(comparator: str, text: str | None) -> tuple[float | None, float | None, float | None]:
    """--target as (value, low, high): "2", "2,5", or "35..40" for range; nothing for qual."""
    if comparator == "qual":
        if text:
            raise click.BadParameter("chỉ tiêu định tính (qual) không có giá trị số", param_hint="--target")
        return None, None, None
    if not text:
        raise click.BadParameter(f"so sánh {comparator} cần --target", param_hint="--target")
    if comparator == "range":
        low, separator, high = text.partition("..")
        if not separator:
            raise click.BadParameter(f'"{text}": so sánh range cần dạng thấp..cao, ví dụ 35..40', param_hint="--target")
        return None, _number(low), _number(high)
    if ".." in text:
        raise click.BadParameter(f'"{text}": dạng thấp..cao chỉ dùng với --comparator range', param_hint="--target")
    return _number(text), None, None


def _number(text: str) -> float:
    try:
        return float(parse_number(text))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--target") from error


def _print_human(result: Assessment) -> None:
    click.echo(f"Trạng thái: {result.status_vi} ({result.status})")
    click.echo(f"Phương pháp: {result.method}")
    if result.year is not None:
        click.echo(f"Giá trị mới nhất: {_number_vi(result.value)} (năm {result.year})")
    if result.baseline_year is not None:
        click.echo(f"Giá trị gốc: {_number_vi(result.baseline)} (năm {result.baseline_year})")
    if result.target_value is not None:
        click.echo(f"Giá trị chỉ tiêu so sánh: {_number_vi(result.target_value)}")
    if result.gap is not None:
        click.echo(f"Khoảng cách còn lại: {_number_vi(result.gap)}")
    if result.inputs.get("ratio") is not None:
        click.echo(f"Tỷ số tiến độ: {_number_vi(result.inputs['ratio'], 3)}")
    click.echo(f"Giải thích: {result.explanation_vi}")
    click.echo("Dùng --json để xem mọi đại lượng trung gian.")


def _number_vi(value: float, decimals: int | None = None) -> str:
    """format_number; ratios beyond MAX_ABS_VALUE (a vanishing required change) print as ∞."""
    if abs(value) >= MAX_ABS_VALUE:
        return "∞" if value > 0 else "-∞"
    return format_number(value, decimals)
