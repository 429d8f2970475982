"""`ansinh report …`: the interim/final review report (báo cáo sơ kết, tổng kết) as Word + Excel."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from pathlib import Path

import click

from ansinh.cli.common import CONTEXT_SETTINGS, print_json, user_errors

KIND_CHOICES = ("six-month", "annual", "mid-term", "final", "data-sheet")


def _day(value: str | None) -> date | None:
    """ "2026-01-05" or the Vietnamese "05/01/2026"."""
    if not value:
        return None
    try:
        if "/" in value:
            day, month, year = (int(part) for part in value.split("/"))
            return date(year, month, day)
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"ngày {value!r} không hợp lệ: ghi 05/01/2026 hoặc 2026-01-05", param_hint="--date") from None


@click.group(name="report", context_settings=CONTEXT_SETTINGS)
def group() -> None:
    """Báo cáo sơ kết, tổng kết chương trình: tệp Word theo thể thức, phụ lục Excel, PDF.

    \b
    Example:
      ansinh report build duc-pho-42 --type annual --period 2025 --unit 534 --out bc.docx --xlsx phu-luc.xlsx
    """


@group.command("build")
@click.argument("program")
@click.option("--type", "kind", type=click.Choice(KIND_CHOICES), default="annual", show_default=True,
              help="six-month (kỳ 2025S1/2025S2), annual, mid-term, final (kỳ là năm), data-sheet (phiếu số liệu một đơn vị).")
@click.option("--period", required=True, help="Kỳ báo cáo: 2025 (năm) hoặc 2025S1 (6 tháng đầu năm).")
@click.option("--unit", "unit_code", required=True, help="Mã đơn vị hành chính (534 = thị xã Đức Phổ).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Tệp Word (.docx) sẽ ghi.")
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path), help="Ghi thêm phụ lục số liệu (.xlsx).")
@click.option("--pdf", type=click.Path(dir_okay=False, path_type=Path), help="Ghi thêm bản PDF (cần LibreOffice).")
@click.option("--number", type=click.IntRange(1, 99999), help="Số văn bản (bỏ trống: để trống cho văn thư ghi).")
@click.option("--date", "day", help="Ngày ký (05/01/2026 hoặc 2026-01-05); bỏ trống: để trống ngày, tháng.")
@click.option("--signer-title", default="", help="Chức vụ người ký, ví dụ 'BÍ THƯ'.")
@click.option("--signer-name", default="", help="Họ và tên người ký.")
@click.option("--json", "as_json", is_flag=True, help="In tóm tắt dạng JSON.")
@user_errors
def build(program: str, kind: str, period: str, unit_code: str, out: Path, xlsx: Path | None, pdf: Path | None,
          number: int | None, day: str | None, signer_title: str, signer_name: str, as_json: bool) -> None:
    """Dựng báo cáo PROGRAM cho một đơn vị, một kỳ: tệp Word sửa được, phụ lục Excel, PDF nếu có LibreOffice.

    \b
    Example:
      ansinh report build duc-pho-42 --type annual --period 2025 --unit 534 --out bc.docx --xlsx phu-luc.xlsx
    """
    from ansinh.reports import pdf as pdf_conversion
    from ansinh.reports.builder import build_review
    from ansinh.reports.selectors import Signing

    started = time.perf_counter()
    signing = Signing(number=number, day=_day(day), signer_title=signer_title, signer_name=signer_name)
    built = build_review(program, kind, period, unit_code, signing=signing, with_annex=xlsx is not None)
    out.write_bytes(built.docx)
    files = {"docx": str(out)}
    if xlsx is not None:
        xlsx.write_bytes(built.xlsx)
        files["xlsx"] = str(xlsx)
    if pdf is not None:
        pdf.write_bytes(pdf_conversion.convert(built.docx, "pdf"))
        files["pdf"] = str(pdf)
    summary = _summary(built, files, time.perf_counter() - started)
    if as_json:
        print_json(summary)
        return
    click.echo(f"Đã ghi {', '.join(files.values())} ({summary['seconds']} giây).")
    click.echo(f"Số liệu trích lúc {summary['snapshot']['generated_at']}; {summary['snapshot']['approvals_vi']}.")
    click.echo("Tình trạng chỉ tiêu: " + "; ".join(f"{label} {count}" for label, count in summary["statuses_vi"].items()))


def _summary(built, files: dict, seconds: float) -> dict:
    from ansinh.analytics.progress import STATUS_LABELS_VI

    snapshot = built.report.snapshot
    counts = Counter(row["status"] for row in built.targets)
    return {
        "files": files,
        "seconds": round(seconds, 2),
        "targets": len(built.targets),
        "statuses": dict(counts),
        "statuses_vi": {STATUS_LABELS_VI[s]: counts[s] for s in STATUS_LABELS_VI if counts[s]},
        "snapshot": {
            "program": snapshot.program_code, "unit": snapshot.unit_code, "type": snapshot.kind, "period": snapshot.period,
            "generated_at": snapshot.generated_at.isoformat(), "data_years": list(snapshot.data_years),
            "task_periods": list(snapshot.task_periods), "approvals": snapshot.approvals, "approvals_vi": snapshot.approval_sentence(),
        },
    }
