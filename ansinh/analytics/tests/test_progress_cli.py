"""`ansinh progress assess`, run through click's CliRunner on the command group itself (no database)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ansinh.cli.commands_progress import group

UNEMPLOYMENT = ["--series", "2015=6.0,2018=4.8,2024=3.0", "--comparator", "lt", "--target", "2", "--target-year", "2030"]


def run(*args: str):
    return CliRunner().invoke(group, ["assess", *args])


def test_json_output_has_the_contract_keys():
    # given: the unemployment example (P = 1.049591, see test_progress.py)
    result = run(*UNEMPLOYMENT, "--json")
    # then
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert list(data) == [
        "status", "status_vi", "method", "value", "year", "baseline", "baseline_year",
        "target_value", "gap", "inputs", "explanation_vi",
    ]
    assert (data["status"], data["method"], data["gap"], data["baseline_year"]) == ("on_track", "statcan_cagr_ratio", 1.0, 2015)
    assert data["inputs"]["ratio"] == pytest.approx(1.049591, abs=1e-6)


def test_human_output_is_vietnamese():
    result = run(*UNEMPLOYMENT)
    assert result.exit_code == 0
    assert result.output.splitlines()[:7] == [
        "Trạng thái: Đúng tiến độ (on_track)",
        "Phương pháp: statcan_cagr_ratio",
        "Giá trị mới nhất: 3 (năm 2024)",
        "Giá trị gốc: 6 (năm 2015)",
        "Giá trị chỉ tiêu so sánh: 2",
        "Khoảng cách còn lại: 1",
        "Tỷ số tiến độ: 1,050",
    ]


def test_range_target_and_vietnamese_decimal_comma():
    # given: "35..40" for a range; "2,5"-style numbers are read the Vietnamese way
    banded = run("--series", "2020=25,2024=30", "--comparator", "range", "--target", "35..40", "--target-year", "2030", "--json")
    comma = run("--series", "2020=3,0;2024=2,4", "--comparator", "le", "--target", "2,5", "--target-year", "2030", "--json")
    # then: 30 is below the band (nearest bound 35); 2.4 <= 2.5 is achieved
    assert json.loads(banded.output)["target_value"] == 35.0
    assert (json.loads(comma.output)["status"], json.loads(comma.output)["target_value"]) == ("achieved", 2.5)


def test_cumulative_kind_and_base_year_options():
    result = run(
        "--series", "2020=0,2023=0,2026=60", "--comparator", "ge", "--target", "300",
        "--target-year", "2030", "--kind", "cumulative", "--base-year", "2023", "--json",
    )
    data = json.loads(result.output)
    # covered 60/300 = 0.2 over 3/7 of the time: ratio 0.466667 -> off_track
    assert (data["status"], data["baseline_year"]) == ("off_track", 2023)


def test_qual_needs_no_target():
    result = run("--series", "2024=1", "--comparator", "qual", "--target-year", "2030", "--json")
    assert (result.exit_code, json.loads(result.output)["status"]) == (0, "insufficient_data")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--series", "2015=6,0,2018=4.8", "--comparator", "lt", "--target", "2"], 'cặp "0" không đúng dạng'),
        (["--series", "2015=6.0,2015=5", "--comparator", "lt", "--target", "2"], "năm 2015 bị lặp"),
        (["--series", "2015=6.0", "--comparator", "lt"], "so sánh lt cần --target"),
        (["--series", "2015=6.0", "--comparator", "lt", "--target", "abc"], "không phải là số"),
        (["--series", "2015=6.0", "--comparator", "range", "--target", "35"], "cần dạng thấp..cao"),
        (["--series", "2015=6.0", "--comparator", "lt", "--target", "1..2"], "chỉ dùng với --comparator range"),
        (["--series", "2015=6.0", "--comparator", "range", "--target", "40..35"], "cận dưới 40 lớn hơn cận trên 35"),
        (["--series", "2015=6.0", "--comparator", "qual", "--target", "1"], "không có giá trị số"),
        (["--series", "2015=6.0", "--comparator", "lt", "--target", "2", "--direction", "increase"], "mâu thuẫn"),
    ],
)
def test_bad_input_exits_2_with_a_vietnamese_message_and_no_traceback(args, message):
    result = run(*args, "--target-year", "2030")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, (ValueError, TypeError))


@pytest.mark.parametrize("args", [["--help"], ["assess", "--help"]])
def test_help_has_an_example(args):
    result = CliRunner().invoke(group, args)
    assert result.exit_code == 0
    assert "Example:\n    ansinh progress assess --series 2015=6.0,2018=4.8,2024=3.0" in result.output
