"""`ansinh data …`: templates, imports, exports and reporting status of data values."""

from __future__ import annotations

from pathlib import Path

import click

from ansinh.cli.common import CONTEXT_SETTINGS, cli_user, print_json, user_errors


@click.group(name="data", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Số liệu: biểu Excel, nhập tệp, xuất CSV/DHIS2, tình hình báo cáo.

    \b
    Example:
      ansinh data import xa-nguyen-nghiem.xlsx --dry-run
    """


def _objects(data_set_code: str, unit_code: str, period: str):
    from ansinh.core.errors import ErrorCode, UserError
    from ansinh.core.periods import parse_period
    from ansinh.indicators.models import DataSet
    from ansinh.orgunits.selectors import get_unit

    try:
        data_set = DataSet.objects.get(code=data_set_code)
    except DataSet.DoesNotExist:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có biểu báo cáo mã {data_set_code!r}", field="data_set") from None
    try:
        end = parse_period(period).end
    except ValueError as exc:
        raise UserError.single(ErrorCode.FIELD_INVALID, str(exc), field="period") from None
    return data_set, get_unit(unit_code, end)


@group.command("template")
@click.option("--data-set", "data_set_code", required=True, help="Mã biểu báo cáo, ví dụ XA_6THANG.")
@click.option("--unit", "unit_code", required=True, help="Mã xã (một trang) hoặc mã huyện/tỉnh (mỗi xã một trang).")
@click.option("--period", required=True, help="Kỳ báo cáo: 2026S2, 2026 …")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Tệp ghi ra (mặc định: <biểu>_<đơn vị>_<kỳ>.xlsx).")
@user_errors
def template(data_set_code: str, unit_code: str, period: str, out: Path | None) -> None:
    """Tạo bảng tính Excel điền sẵn để các xã nhập số liệu.

    \b
    Example:
      ansinh data template --data-set XA_6THANG --unit 51 --period 2026S2 --out mau.xlsx
    """
    from ansinh.web.data_entry import build_template, template_filename

    data_set, unit = _objects(data_set_code, unit_code, period)
    target = out or Path(template_filename(data_set, unit, period))
    target.write_bytes(build_template(data_set, unit, period))
    click.echo(f"Đã ghi {target}")


@group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra, không ghi gì.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
def import_file(file: Path, dry_run: bool, as_json: bool) -> None:
    """Nhập một tệp .xlsx (theo mẫu), .zip (nhiều bảng tính), .csv hoặc .json (DHIS2):
    nhận toàn bộ hoặc từ chối toàn bộ, với danh sách lỗi theo trang/dòng/cột.

    Người ghi là $ANSINH_USER (phải có quyền nhập các biểu trong tệp).

    \b
    Example:
      ansinh data import xa-nguyen-nghiem.xlsx --dry-run --json
    """
    from ansinh.datavalues.actions import do_import_file

    report = do_import_file(file.read_bytes(), file.name, acting_user=cli_user(), dry_run=dry_run)
    if as_json:
        print_json(report.as_dict())
    else:
        verb = "Kiểm tra (chưa ghi)" if dry_run else "Đã nhập"
        click.echo(f"{file.name}: {verb}: tạo mới {report.created}, cập nhật {report.updated}, không đổi {report.unchanged}, từ chối {report.refused}")
        for error in report.errors:
            click.echo(f"  Lỗi: {error}", err=True)
        for warning in report.warnings:
            click.echo(f"  Cảnh báo: {warning}")
    raise SystemExit(1 if report.errors else 0)


@group.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "dhis2"]), default="csv", show_default=True)
@click.option("--data-set", "data_set_code", help="Chỉ biểu này.")
@click.option("--period", "periods", multiple=True, help="Chỉ kỳ này (lặp lại được).")
@click.option("--unit", "unit_code", help="Chỉ đơn vị này và các đơn vị trực thuộc (mọi thời kỳ).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Tệp ghi ra.")
@user_errors
def export(fmt: str, data_set_code: str | None, periods: tuple[str, ...], unit_code: str | None, out: Path) -> None:
    """Xuất số liệu ra CSV (docs/data-exchange.md) hoặc JSON dataValueSets của DHIS2, mã làm định danh.

    \b
    Example:
      ansinh data export --format dhis2 --data-set XA_6THANG --period 2025S1 --out 2025S1.json
    """
    from ansinh.core.errors import ErrorCode, UserError
    from ansinh.datavalues.exchange import write_csv, write_dhis2_json
    from ansinh.datavalues.selectors import export_values
    from ansinh.indicators.models import DataSet
    from ansinh.orgunits.models import OrgUnit

    data_set = DataSet.objects.filter(code=data_set_code).first() if data_set_code else None
    if data_set_code and data_set is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có biểu báo cáo mã {data_set_code!r}", field="data_set")
    unit = OrgUnit.objects.filter(code=unit_code).order_by("-valid_from").first() if unit_code else None
    if unit_code and unit is None:
        raise UserError.single(ErrorCode.UNKNOWN_UNIT, f"không có đơn vị hành chính mã {unit_code}", field="unit")
    values = export_values(data_set=data_set, periods=list(periods) or None, unit=unit)
    out.write_bytes(write_csv(values) if fmt == "csv" else write_dhis2_json(values))
    click.echo(f"Đã ghi {len(values)} giá trị vào {out}")


@group.command("status")
@click.option("--data-set", "data_set_code", required=True, help="Mã biểu báo cáo.")
@click.option("--unit", "unit_code", required=True, help="Đơn vị cấp trên (huyện, tỉnh).")
@click.option("--period", required=True, help="Kỳ báo cáo.")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@user_errors
def status(data_set_code: str, unit_code: str, period: str, as_json: bool) -> None:
    """Ai đã báo cáo, ai chưa: trạng thái, ngày gửi, đúng hạn hay trễ hạn.

    \b
    Example:
      ansinh data status --data-set XA_6THANG --unit 534 --period 2025S1
    """
    from ansinh.datavalues.selectors import reporting_status

    data_set, unit = _objects(data_set_code, unit_code, period)
    result = reporting_status(data_set, unit, period)
    rows = [
        {"unit": r.unit.code, "name": r.unit.name, "status": r.status, "values": r.values, "expected": r.expected,
         "submitted_at": r.submitted_at.isoformat() if r.submitted_at else None, "on_time": r.on_time, "reason": r.reason}
        for r in result["rows"]
    ]
    if as_json:
        print_json({"data_set": data_set.code, "unit": unit.code, "period": period, "due_date": result["due_date"].isoformat(),
                    "reported": result["reported"], "expected": result["expected"], "rows": rows})
        return
    click.echo(f"{data_set.name} – {unit.name} – {period}: đã gửi {result['reported']}/{result['expected']}, hạn {result['due_date']:%d/%m/%Y}")
    for r in result["rows"]:
        click.echo(f"  {r.unit.code} {r.unit.name:30} {r.status_label:12} {r.values}/{r.expected}")
