"""`parse` command, invoked directly (it is registered under `ansinh program` elsewhere)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ansinh.cli.commands_parse import parse

GOLD = Path(__file__).resolve().parent.parent / "gold"


def test_json_output_has_the_program_show_shape():
    result = CliRunner().invoke(parse, [str(GOLD / "duc-pho-42.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["targets"]) == 34 and len(data["tasks"]) == 17
    assert (data["targets"][3]["comparator"], data["targets"][3]["low"], data["targets"][3]["high"]) == ("range", 35, 40)
    assert data["tasks"][0]["timeline"]["kind"] == "continuous"


def test_out_and_evaluate(tmp_path):
    out = tmp_path / "nhap.yaml"
    result = CliRunner().invoke(parse, [str(GOLD / "pho-an-ke-hoach.txt"), "--out", str(out), "--evaluate", str(GOLD / "pho-an-ke-hoach.yaml")])
    assert result.exit_code == 0, result.output
    assert "Chỉ tiêu: precision 1,000, recall 1,000, F1 1,000" in result.output
    assert "Nhiệm vụ: precision" in result.output
    assert "Thông tin văn bản: 5/5 đúng" in result.output
    assert out.read_text(encoding="utf-8").count("source_text:") == 10


def test_bad_input_is_a_vietnamese_error_without_traceback(tmp_path):
    path = tmp_path / "rong.txt"
    path.write_text("", encoding="utf-8")
    result = CliRunner().invoke(parse, [str(path)])
    assert result.exit_code == 1
    assert "tệp rỗng" in result.output and "Traceback" not in result.output


def test_help_has_an_example():
    result = CliRunner().invoke(parse, ["--help"])
    assert "Example:" in result.output
    assert "ansinh program parse ../shared/seeds/000_d05823c75ea666fa.txt --json" in result.output
