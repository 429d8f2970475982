"""The CLI contract (docs/cli.md): JSON shapes, exit codes, help with an example for every command."""

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ansinh.cli.main import cli

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def all_commands(group: click.Group = cli, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


@pytest.mark.parametrize("path", [" ".join(path) for path, _ in all_commands()])
def test_every_command_has_help_with_an_example_and_is_documented(path):
    result = CliRunner().invoke(cli, [*path.split(), "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"ansinh {path}" in DOCS.read_text(encoding="utf-8")


def test_program_list_json(db):
    (program,) = json.loads(run("program", "list", "--json").output)
    assert (program["code"], program["targets"], program["tasks"]) == ("duc-pho-42", 34, 17)


def test_program_show_json_has_every_target_and_task(db):
    data = json.loads(run("program", "show", "duc-pho-42", "--json").output)
    assert len(data["targets"]) == 34
    assert [t["number"] for t in data["tasks"]][:12] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "9.1", "9.2", "9.3"]
    t25 = next(t for t in data["targets"] if t["code"] == "T25")
    assert (t25["comparator"], t25["value"], t25["unit"]) == ("lt", 4.8, "%")


def test_program_show_of_an_unknown_code_exits_1_with_a_vietnamese_message(db):
    result = CliRunner().invoke(cli, ["program", "show", "khong-co"])
    assert result.exit_code == 1
    assert "không có chương trình mã 'khong-co'" in result.output


def test_units_tree_json_on_a_date(db):
    data = json.loads(run("units", "tree", "534", "--on", "2024-06-01", "--json").output)
    assert (data["code"], data["on"], len(data["children"])) == ("534", "2024-06-01", 15)


def test_units_tree_rejects_a_malformed_date(db):
    result = CliRunner().invoke(cli, ["units", "tree", "534", "--on", "01/06/2024"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_units_lineage_json_gives_both_units_that_carried_21439(db):
    versions = json.loads(run("units", "lineage", "21439", "--json").output)
    assert [v["name"] for v in versions] == ["Phường Nguyễn Nghiêm", "Phường Đức Phổ"]
    assert len(versions[1]["predecessors"]) == 5


def test_program_export_writes_the_file_format(db, tmp_path):
    target = tmp_path / "out.yaml"
    run("program", "export", "duc-pho-42", str(target))
    text = target.read_text(encoding="utf-8")
    assert text.count("\n  - code: T") == 34
    assert re.search(r"^format: ansinh-program/1$", text, re.M)


def test_program_load_reports_unchanged_for_the_shipped_file(db):
    result = run("program", "load", "ansinh/programs/examples/duc-pho-42.yaml")
    assert "không thay đổi (34 chỉ tiêu, 17 nhiệm vụ)" in result.output


def test_program_load_of_a_bad_file_prints_located_errors_and_exits_1(db, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: ansinh-program/1\nprogram:\n  code: x\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["program", "load", str(bad)])
    assert result.exit_code == 1
    assert "bad.yaml:3: program.doc_type: thiếu trường bắt buộc" in result.output


def test_indicators_list_json_shows_formulas(db):
    rows = {row["code"]: row for row in json.loads(run("indicators", "list", "--json").output)}
    assert rows["BAC_SI_10K"]["formula"] == "BAC_SI / DAN_SO × 10.000"
    assert rows["TL_THAT_NGHIEP"]["factor"] == 100
