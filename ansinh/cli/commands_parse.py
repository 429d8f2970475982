"""`ansinh program parse FILE`: read an action program (.docx, .txt, .md) into a draft program file.

Not registered here: the `ansinh program` group adds this command. Pure parsing, no database.
"""

from __future__ import annotations

from pathlib import Path

import click

from ansinh.cli.common import CONTEXT_SETTINGS, print_json, user_errors
from ansinh.core.vnformat import format_number

# the header's fields `--evaluate` checks, as the reviewer reads them
_HEADER_FIELDS = (("number", "số"), ("issued_on", "ngày ban hành"), ("issuing_body", "cơ quan ban hành"), ("signer", "người ký"), ("period", "thời kỳ"))


@click.command("parse", context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cùng dạng `ansinh program show --json`).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Ghi tệp chương trình (YAML) nháp ra đây.")
@click.option(
    "--evaluate", "gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="So với tệp chương trình chuẩn (làm bằng tay): in precision, recall, F1 cho chỉ tiêu và nhiệm vụ.",
)
@user_errors
def parse(file: Path, as_json: bool, out: Path | None, gold: Path | None) -> None:
    """Đọc văn bản chương trình hành động / kế hoạch (.docx, .txt UTF-8 hoặc .md chuyển từ Word) thành chương trình nháp.

    Mỗi chỉ tiêu và nhiệm vụ giữ câu gốc (source_text) và vị trí ký tự trong văn bản. Đơn vị
    hành chính (scope_unit) để trống cho người duyệt chọn. Tệp .doc và .pdf không đọc được:
    hãy lưu thành .docx hoặc .txt. Quy tắc: docs/program-parser.md.

    \b
    Example:
      ansinh program parse ../shared/seeds/000_d05823c75ea666fa.txt --json
      ansinh program parse van-ban.txt --out nhap.yaml --evaluate chuan.yaml
    """
    from ansinh.docparse.document import parse_file, spec_summary
    from ansinh.docparse.evaluation import evaluate
    from ansinh.programs.programfile import dump_program_file, parse_program_file, spec_to_file_data

    spec = parse_file(file)
    scores = evaluate(spec, parse_program_file(gold)) if gold else None
    if out:
        note = f"# Bản nháp đọc từ {file.name} bởi `ansinh program parse`; cần người duyệt điền scope_unit.code.\n"
        out.write_text(note + dump_program_file(spec_to_file_data(spec)), encoding="utf-8")
    if as_json:
        data = spec_summary(spec)
        if scores:
            data["evaluation"] = scores
        print_json(data)
        return
    click.echo(f"{spec.doc_type} {spec.number} ({spec.code}): {len(spec.targets)} chỉ tiêu, {len(spec.tasks)} nhiệm vụ")
    if out:
        click.echo(f"Đã ghi {out} (scope_unit để trống: người duyệt chọn đơn vị hành chính).")
    for kind, label in (("targets", "Chỉ tiêu"), ("tasks", "Nhiệm vụ")):
        if scores:
            score = scores[kind]
            click.echo(
                f"{label}: precision {format_number(score['precision'], 3)}, recall {format_number(score['recall'], 3)}, F1 {format_number(score['f1'], 3)} "
                f"({score['right']} đúng / {score['parsed']} đọc được / {score['gold']} chuẩn)"
            )
    if scores:
        header = scores["header"]
        wrong = ", ".join(label for field, label in _HEADER_FIELDS if not header[field])
        click.echo(f"Thông tin văn bản: {sum(header.values())}/{len(header)} đúng" + (f" (sai: {wrong})" if wrong else ""))
