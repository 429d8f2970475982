"""Worked examples for ansinh.analytics.progress, each computed by hand in its comments.

Notation: b = baseline year, t = latest year, Y = target year. CAGR(x1, x0, n) = (x1/x0)^(1/n) - 1,
computed as exp(ln(x1/x0)/n) - 1. P = d · CAGR_obs / |CAGR_req| (Statistics Canada / Open SDG).
Linear ratio = [d·(x_t - x_b)/|X - x_b|] / [(t - b)/(Y - b)].
Cut-points: P >= 0.95 on_track; 0.6 <= P < 0.95 needs_acceleration; 0 <= P < 0.6 off_track; P < 0 regressing.
These tests import no Django, so they also run with `-p no:django`.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.analytics.progress import (
    COMPARATORS,
    KINDS,
    STATUS_LABELS_VI,
    Assessment,
    Observation,
    TargetRule,
    assess,
    manual_assessment,
    parse_series,
)

P = pytest.approx


def rule(comparator, value=None, target_year=2030, *, low=None, high=None, **options) -> TargetRule:
    return TargetRule(comparator, value, low, high, target_year, **options)


def series(text: str) -> list[Observation]:
    return parse_series(text)


# ---------------------------------------------------------------------------------------------
# The status vocabulary


def test_status_labels_are_the_fixed_six_in_order():
    assert list(STATUS_LABELS_VI.items()) == [
        ("achieved", "Đã đạt"),
        ("on_track", "Đúng tiến độ"),
        ("needs_acceleration", "Cần đẩy nhanh"),
        ("off_track", "Khó đạt"),
        ("regressing", "Đi lùi"),
        ("insufficient_data", "Chưa đủ dữ liệu"),
    ]


# ---------------------------------------------------------------------------------------------
# lt: the unemployment example, Statistics Canada ratio


def test_unemployment_below_2_by_2030_is_on_track():
    # given: unemployment 6.0 (2015), 4.8 (2018), 3.0 (2024); target "below 2 % by 2030"
    # when: assessed with the default baseline (the first complete point, 2015)
    result = assess(series("2015=6.0,2018=4.8,2024=3.0"), rule("lt", 2))
    # then: only the baseline and latest points count (StatCan uses two points).
    #   CAGR_obs = (3.0/6.0)^(1/9) - 1 = exp(ln 0.5 / 9) - 1 = exp(-0.693147/9) - 1 = exp(-0.077016) - 1 = -0.074125
    #   CAGR_req = (2/6.0)^(1/15) - 1 = exp(-1.098612/15) - 1 = exp(-0.073241) - 1 = -0.070623
    #   d = -1 (lt: decrease), P = -1 · -0.074125 / 0.070623 = 1.049591 >= 0.95 -> on_track
    #   gap = 3.0 - 2 = 1.0
    assert result.status == "on_track"
    assert result.status_vi == "Đúng tiến độ"
    assert result.method == "statcan_cagr_ratio"
    assert (result.value, result.year, result.baseline, result.baseline_year) == (3.0, 2024, 6.0, 2015)
    assert result.target_value == 2.0
    assert result.gap == 1.0
    assert result.inputs["cagr_observed"] == P(-0.074125, abs=1e-6)
    assert result.inputs["cagr_required"] == P(-0.070623, abs=1e-6)
    assert result.inputs["ratio"] == P(1.049591, abs=1e-6)
    assert result.inputs["met_test"] == "v < T"
    assert result.explanation_vi == (
        "Cần giảm bình quân 7,1 %/năm giai đoạn 2015–2030; 2015–2024 đã giảm 7,4 %/năm. "
        "Tỷ số tiến độ 1,05 (ngưỡng 0,95 / 0,6 / 0): Đúng tiến độ."
    )


def test_unemployment_with_base_year_2018():
    # given: the same series, baseline year 2018
    result = assess(series("2015=6.0,2018=4.8,2024=3.0"), rule("lt", 2), base_year=2018)
    # then: CAGR_obs = (3.0/4.8)^(1/6) - 1 = exp(ln 0.625 / 6) - 1 = exp(-0.470004/6) - 1 = exp(-0.078334) - 1 = -0.075344
    #       CAGR_req = (2/4.8)^(1/12) - 1 = exp(-0.875469/12) - 1 = exp(-0.072956) - 1 = -0.070358
    #       P = 0.075344 / 0.070358 = 1.070872 -> on_track
    assert (result.status, result.baseline_year, result.baseline) == ("on_track", 2018, 4.8)
    assert result.inputs["ratio"] == P(1.070872, abs=1e-6)
    assert result.inputs["base_year_requested"] == 2018


def test_base_year_without_a_complete_observation_uses_the_next_one():
    # given: base year 2016, which has no observation
    result = assess(series("2015=6.0,2018=4.8,2024=3.0"), rule("lt", 2), base_year=2016)
    # then: the first complete observation after 2016 is the baseline (2018), as in the example above
    assert (result.baseline_year, result.status) == (2018, "on_track")


# ---------------------------------------------------------------------------------------------
# The target test of every comparator (strictness and tolerances)


@pytest.mark.parametrize(
    ("target", "value", "met"),
    [
        (rule("lt", 2), 1.99, True),
        (rule("lt", 2), 2.0, False),  # lt is strict: 2.0 is not "below 2"
        (rule("le", 2), 2.0, True),
        (rule("le", 2), 2.01, False),
        (rule("gt", 95), 95.0, False),  # gt is strict
        (rule("gt", 95), 95.01, True),
        (rule("ge", 95), 95.0, True),
        (rule("ge", 95), 94.99, False),
        (rule("eq", 100), 99.5, True),  # eq on a rate: half a unit of the last digit of 100 -> tolerance 0.5
        (rule("eq", 100), 99.49, False),
        (rule("eq", 99.5), 99.45, True),  # 99.5 is written with one decimal -> tolerance 0.05
        (rule("eq", 99.5), 99.4, False),
        (rule("eq", 0, kind="count"), 0.0, True),  # eq on a count: exact
        (rule("eq", 0, kind="count"), 1.0, False),
        (rule("eq", 7), 7.5, True),  # eq at an interior value is two-sided: |v - 7| <= 0.5
        (rule("eq", 7), 6.5, True),
        (rule("eq", 7), 7.6, False),
        (rule("approx", 75), 73.5, True),  # approx: |v - 75| <= 2 % of 75 = 1.5
        (rule("approx", 75), 76.5, True),
        (rule("approx", 75), 73.4, False),
        (rule("approx", 75), 76.6, False),
        (rule("range", low=35, high=40), 35.0, True),  # range: bounds included
        (rule("range", low=35, high=40), 40.0, True),
        (rule("range", low=35, high=40), 34.9, False),
        (rule("range", low=35, high=40), 40.1, False),
    ],
)
def test_single_latest_value_is_achieved_exactly_when_it_meets_the_target(target, value, met):
    # given: one complete observation
    # when: assessed
    result = assess([Observation(2024, value)], target)
    # then: one point is enough for "achieved", never for a trend
    assert result.status == ("achieved" if met else "insufficient_data")
    assert result.method == ("target_met" if met else "none")
    # the gap is 0 when met; it is also 0 on a strict bound (2.0 against "below 2"), which is not met
    assert result.gap == 0.0 if met else result.gap >= 0.0


def test_tolerances_are_reported_in_inputs():
    assert assess([Observation(2024, 99.6)], rule("eq", 100)).inputs["tolerance"] == 0.5
    assert assess([Observation(2024, 99.6)], rule("eq", 99.5)).inputs["tolerance"] == 0.05
    assert assess([Observation(2024, 74.0)], rule("approx", 75)).inputs["tolerance"] == 1.5
    assert assess([Observation(2024, 1.0)], rule("eq", 0, kind="count")).inputs["tolerance"] == 0.0


# ---------------------------------------------------------------------------------------------
# Trend examples for each comparator


def test_le_poverty_rate_is_off_track():
    # given: poverty 4.0 (2020) -> 3.6 (2024); target "no more than 1.5 by 2030"
    result = assess(series("2020=4.0,2024=3.6"), rule("le", 1.5))
    # then: CAGR_obs = (3.6/4.0)^(1/4) - 1 = exp(ln 0.9 / 4) - 1 = exp(-0.105361/4) - 1 = exp(-0.026340) - 1 = -0.025996
    #       CAGR_req = (1.5/4.0)^(1/10) - 1 = exp(ln 0.375 / 10) - 1 = exp(-0.098083) - 1 = -0.093426
    #       P = 0.025996 / 0.093426 = 0.278254: 0 <= P < 0.6 -> off_track; gap = 3.6 - 1.5 = 2.1
    assert (result.status, result.method) == ("off_track", "statcan_cagr_ratio")
    assert result.inputs["ratio"] == P(0.278254, abs=1e-6)
    assert result.gap == 2.1


def test_ge_doctors_per_10000_is_on_track():
    # given: doctors per 10,000 people 5.0 (2020) -> 5.8 (2024); target "at least 7 by 2030"
    result = assess(series("2020=5.0,2024=5.8"), rule("ge", 7))
    # then: CAGR_obs = (5.8/5)^(1/4) - 1 = exp(0.148420/4) - 1 = exp(0.037105) - 1 = 0.037802
    #       CAGR_req = (7/5)^(1/10) - 1 = exp(0.336472/10) - 1 = exp(0.033647) - 1 = 0.034220
    #       d = +1, P = 0.037802 / 0.034220 = 1.104685 -> on_track; gap = 7 - 5.8 = 1.2
    assert result.status == "on_track"
    assert result.inputs["ratio"] == P(1.104685, abs=1e-6)
    assert result.gap == 1.2


def test_gt_health_insurance_rising_is_on_track():
    # given: health insurance coverage 90 (2020) -> 93 (2024); target "above 95 by 2030"
    result = assess(series("2020=90,2024=93"), rule("gt", 95))
    # then: CAGR_obs = (93/90)^(1/4) - 1 = exp(0.032790/4) - 1 = exp(0.008197) - 1 = 0.008231
    #       CAGR_req = (95/90)^(1/10) - 1 = exp(0.054067/10) - 1 = exp(0.005407) - 1 = 0.005421
    #       P = 0.008231 / 0.005421 = 1.518279 -> on_track; gap = 95 - 93 = 2
    assert result.status == "on_track"
    assert result.inputs["ratio"] == P(1.518279, abs=1e-6)
    assert result.gap == 2.0


def test_eq_100_percent_without_upper_limit_uses_cagr_towards_100():
    # given: 90 (2020) -> 97 (2024); target "100 % by 2030" (eq 100 -> increase)
    result = assess(series("2020=90,2024=97"), rule("eq", 100))
    # then: CAGR_obs = (97/90)^(1/4) - 1 = exp(0.074901/4) - 1 = exp(0.018725) - 1 = 0.018902
    #       CAGR_req = (100/90)^(1/10) - 1 = exp(0.105361/10) - 1 = exp(0.010536) - 1 = 0.010592
    #       P = 0.018902 / 0.010592 = 1.784572 -> on_track; gap = 100 - 97 = 3
    assert (result.status, result.method) == ("on_track", "statcan_cagr_ratio")
    assert result.inputs["direction"] == "increase"
    assert result.inputs["met_test"] == "v >= T - tolerance"
    assert result.inputs["ratio"] == P(1.784572, abs=1e-6)
    assert result.gap == 3.0


def test_eq_100_percent_with_upper_limit_100_uses_the_linear_method_on_the_shortfall():
    # given: the same series with upper_limit 100: the shortfall 100 - v must fall to 100 - 100 = 0
    result = assess(series("2020=90,2024=97"), rule("eq", 100, upper_limit=100))
    # then: the shortfall target is 0, so CAGR cannot be used; linear:
    #   shortfall 10 -> 3, covered = -1 · (3 - 10) / |0 - 10| = 0.7; elapsed = (2024-2020)/(2030-2020) = 0.4
    #   ratio = 0.7 / 0.4 = 1.75 -> on_track
    assert (result.status, result.method) == ("on_track", "saturated_rate")
    assert result.inputs["trend_method"] == "linear_distance"
    assert (result.inputs["measure_baseline"], result.inputs["measure_latest"]) == (10.0, 3.0)
    assert result.inputs["covered_share"] == 0.7
    assert result.inputs["elapsed_share"] == 0.4
    assert result.inputs["ratio"] == 1.75


# ---------------------------------------------------------------------------------------------
# The trap: the baseline already beats the target, then the value falls below it


def test_baseline_better_than_target_then_worse_is_regressing_never_on_track():
    # given: health insurance 97 % (2020) -> 94 % (2024); target "above 95 % by 2030"
    result = assess(series("2020=97,2024=94"), rule("gt", 95))
    # then: a signed ratio would say on track:
    #   CAGR_obs = (94/97)^(1/4) - 1 = exp(-0.031416/4) - 1 = -0.007823
    #   CAGR_req = (95/97)^(1/10) - 1 = exp(-0.020834/10) - 1 = -0.002081
    #   CAGR_obs / CAGR_req = +3.759 (both negative) -> "on track" in the PR #318 draft
    # ours: the baseline met the target and the latest value does not -> regressing (target_lost);
    # the direction-aware P = +1 · -0.007823 / 0.002081 = -3.759 would also be < 0.
    assert (result.status, result.method) == ("regressing", "target_lost")
    assert result.inputs["baseline_met"] is True
    assert result.gap == 1.0  # 95 - 94
    assert result.explanation_vi == (
        "Năm 2020: 97, đã đạt chỉ tiêu năm 2030 (trên 95); năm 2024: 94, không còn đạt nên xếp loại Đi lùi."
    )


def test_baseline_better_than_target_with_upper_limit_is_also_regressing():
    # given: the same series, coverage capped at 100 (shortfall 3 -> 6, target shortfall 5)
    result = assess(series("2020=97,2024=94"), rule("gt", 95, upper_limit=100))
    # then: the shortfall rose from 3 (met: 3 < 5) to 6 -> regressing
    assert (result.status, result.method) == ("regressing", "target_lost")


def test_decrease_target_met_at_baseline_then_lost_is_regressing():
    # given: unemployment 1.8 (2020) -> 2.5 (2024); target "below 2"
    result = assess(series("2020=1.8,2024=2.5"), rule("lt", 2))
    # then: 1.8 < 2 met at the baseline, 2.5 not met now -> regressing; gap = 2.5 - 2 = 0.5
    assert (result.status, result.gap) == ("regressing", 0.5)


# ---------------------------------------------------------------------------------------------
# Zero target and cumulative counts: linear method


def test_zero_target_temporary_houses_is_on_track():
    # given: temporary houses 120 (2020) -> 40 (2024); target "0 by 2030" (eq 0 -> decrease), a count
    result = assess(series("2020=120,2024=40"), rule("eq", 0, kind="count"))
    # then: CAGR towards 0 is undefined; linear:
    #   covered = -1 · (40 - 120) / |0 - 120| = 80/120 = 0.666667
    #   elapsed = (2024-2020)/(2030-2020) = 0.4; ratio = 0.666667/0.4 = 1.666667 -> on_track; gap = 40
    assert (result.status, result.method) == ("on_track", "linear_distance")
    assert result.inputs["covered_share"] == P(0.666667, abs=1e-6)
    assert result.inputs["ratio"] == P(1.666667, abs=1e-6)
    assert result.inputs["projected_measure"] == -80.0  # 120 + (40 - 120)·10/4: the linear path crosses 0
    assert result.gap == 40.0


def test_zero_target_as_a_rate_also_uses_the_linear_method():
    # given: the same numbers declared as a rate: the zero target still rules out CAGR
    result = assess(series("2020=120,2024=40"), rule("eq", 0))
    assert (result.status, result.method) == ("on_track", "linear_distance")


def test_cumulative_300_social_housing_units_is_off_track():
    # given: running total 0 (2023) -> 60 (2026); target "at least 300 built by 2030"
    result = assess(series("2023=0,2026=60"), rule("ge", 300, kind="cumulative"))
    # then: covered = (60 - 0)/(300 - 0) = 0.2; elapsed = (2026-2023)/(2030-2023) = 3/7 = 0.428571
    #       ratio = 0.2/0.428571 = 0.466667: 0 <= ratio < 0.6 -> off_track; gap = 300 - 60 = 240
    #       the linear path projects 0 + 60·7/3 = 140 units by 2030
    assert (result.status, result.method) == ("off_track", "linear_distance")
    assert result.inputs["covered_share"] == 0.2
    assert result.inputs["elapsed_share"] == P(0.428571, abs=1e-6)
    assert result.inputs["ratio"] == P(0.466667, abs=1e-6)
    assert result.inputs["projected_measure"] == 140.0
    assert result.gap == 240.0
    assert result.explanation_vi == (
        "Cần tăng từ 0 lên 300 giai đoạn 2023–2030; đến 2026 đã thực hiện 20 % quãng cần đi, "
        "trong khi thời gian đã qua 43 %. Tỷ số tiến độ 0,47 (ngưỡng 0,95 / 0,6 / 0): Khó đạt."
    )


def test_count_moving_the_wrong_way_is_regressing():
    # given: temporary houses 120 (2020) -> 150 (2024); target 0
    result = assess(series("2020=120,2024=150"), rule("eq", 0, kind="count"))
    # then: covered = -1 · (150 - 120)/120 = -0.25; ratio = -0.25/0.4 = -0.625 < 0 -> regressing
    assert (result.status, result.inputs["ratio"]) == ("regressing", -0.625)


# ---------------------------------------------------------------------------------------------
# range and approx


def test_range_35_to_40_below_the_band_uses_the_lower_bound():
    # given: trained labour 25 (2020) -> 30 (2024); target "35–40 % by 2030"
    result = assess(series("2020=25,2024=30"), rule("range", low=35, high=40))
    # then: the nearest bound is 35 (increase):
    #   CAGR_obs = (30/25)^(1/4) - 1 = exp(0.182322/4) - 1 = exp(0.045580) - 1 = 0.046635
    #   CAGR_req = (35/25)^(1/10) - 1 = exp(0.336472/10) - 1 = exp(0.033647) - 1 = 0.034220
    #   P = 0.046635/0.034220 = 1.362816 -> on_track; gap = 35 - 30 = 5
    assert (result.status, result.method) == ("on_track", "band")
    assert result.target_value == 35.0
    assert result.inputs["ratio"] == P(1.362816, abs=1e-6)
    assert result.gap == 5.0


def test_range_above_the_band_uses_the_upper_bound():
    # given: 45 (2020) -> 42 (2024), band 35–40
    result = assess(series("2020=45,2024=42"), rule("range", low=35, high=40))
    # then: nearest bound 40 (decrease):
    #   CAGR_obs = (42/45)^(1/4) - 1 = exp(-0.068993/4) - 1 = exp(-0.017248) - 1 = -0.017100
    #   CAGR_req = (40/45)^(1/10) - 1 = exp(-0.117783/10) - 1 = exp(-0.011778) - 1 = -0.011709
    #   P = 0.017100/0.011709 = 1.460416 -> on_track; gap = 42 - 40 = 2
    assert (result.status, result.target_value, result.gap) == ("on_track", 40.0, 2.0)
    assert result.inputs["ratio"] == P(1.460416, abs=1e-6)


def test_range_inside_the_band_is_achieved():
    # given: 30 (2020) -> 37 (2024): 35 <= 37 <= 40
    result = assess(series("2020=30,2024=37"), rule("range", low=35, high=40))
    # then: achieved; the nearest bound to 37 is 35 (|37-35| = 2 < |37-40| = 3)
    assert (result.status, result.method, result.gap, result.target_value) == ("achieved", "target_met", 0.0, 35.0)
    assert result.explanation_vi == "Năm 2024: 37, đã đạt chỉ tiêu năm 2030 (từ 35 đến 40)."


def test_approx_75_life_expectancy_needs_acceleration():
    # given: life expectancy 73.0 (2015) -> 73.3 (2024); target "about 75 by 2030"
    result = assess(series("2015=73.0,2024=73.3"), rule("approx", 75))
    # then: tolerance = 2 % of 75 = 1.5; goldilocks distance |v - 75|: 2.0 -> 1.7, must fall to 1.5
    #   CAGR_obs = (1.7/2.0)^(1/9) - 1 = exp(ln 0.85 / 9) - 1 = exp(-0.162519/9) - 1 = exp(-0.018058) - 1 = -0.017896
    #   CAGR_req = (1.5/2.0)^(1/15) - 1 = exp(ln 0.75 / 15) - 1 = exp(-0.287682/15) - 1 = exp(-0.019179) - 1 = -0.018996
    #   d = -1 on the distance, P = 0.017896/0.018996 = 0.942069: 0.6 <= P < 0.95 -> needs_acceleration
    #   gap = |73.3 - 75| - 1.5 = 0.2
    assert (result.status, result.method) == ("needs_acceleration", "goldilocks_approx")
    assert result.inputs["measure"] == "distance"
    assert (result.inputs["measure_baseline"], result.inputs["measure_latest"]) == (2.0, 1.7)
    assert result.inputs["measure_target"] == 1.5
    assert result.inputs["ratio"] == P(0.942069, abs=1e-6)
    assert result.gap == 0.2
    assert result.target_value == 75.0


def test_approx_overshooting_the_target_is_not_progress():
    # given: 73.0 (2015) -> 77.0 (2024), about 75: the distance stays 2.0
    result = assess(series("2015=73.0,2024=77.0"), rule("approx", 75))
    # then: CAGR_obs on the distance = (2.0/2.0)^(1/9) - 1 = 0 -> P = 0 -> off_track
    assert (result.status, result.inputs["ratio"]) == ("off_track", 0.0)


# ---------------------------------------------------------------------------------------------
# Saturated rates near 100 %


def test_saturated_enrolment_99_2_against_99_5_uses_the_shortfall():
    # given: enrolment 99.0 (2020) -> 99.2 (2024); target "at least 99.5 % by 2030"; natural maximum 100
    result = assess(series("2020=99.0,2024=99.2"), rule("ge", 99.5, upper_limit=100))
    # then: the shortfall 100 - v goes 1.0 -> 0.8 and must reach 100 - 99.5 = 0.5:
    #   CAGR_obs = (0.8/1.0)^(1/4) - 1 = exp(-0.223144/4) - 1 = exp(-0.055786) - 1 = -0.054258
    #   CAGR_req = (0.5/1.0)^(1/10) - 1 = exp(-0.693147/10) - 1 = exp(-0.069315) - 1 = -0.066967
    #   P = 0.054258/0.066967 = 0.810226 -> needs_acceleration; gap = 99.5 - 99.2 = 0.3
    assert (result.status, result.method) == ("needs_acceleration", "saturated_rate")
    assert result.inputs["measure"] == "shortfall"
    assert result.inputs["ratio"] == P(0.810226, abs=1e-6)
    assert result.gap == 0.3


def test_same_enrolment_without_upper_limit_reads_raw_cagr():
    # given: the same series without upper_limit
    result = assess(series("2020=99.0,2024=99.2"), rule("ge", 99.5))
    # then: CAGR_obs = (99.2/99.0)^(1/4) - 1 = 0.000505; CAGR_req = (99.5/99.0)^(1/10) - 1 = 0.000504
    #       P = 1.001512 -> on_track: on raw values the last half point looks as easy as any other
    assert result.status == "on_track"
    assert result.inputs["ratio"] == P(1.001512, abs=1e-6)


# ---------------------------------------------------------------------------------------------
# Data rules: incomplete observations, too few points, deadlines


def test_incomplete_latest_observation_is_dropped_and_reported():
    # given: 5.0 (2020), 4.0 (2024), and 1.5 for 2025 from only 9 of 15 communes (incomplete)
    observations = [Observation(2020, 5.0), Observation(2024, 4.0), Observation(2025, 1.5, complete=False)]
    # when: assessed against "below 2 by 2030"
    result = assess(observations, rule("lt", 2))
    # then: 2025 would meet the target but is ignored; 2024 is the latest value used:
    #   CAGR_obs = (4/5)^(1/4) - 1 = exp(-0.223144/4) - 1 = -0.054258
    #   CAGR_req = (2/5)^(1/10) - 1 = exp(-0.916291/10) - 1 = exp(-0.091629) - 1 = -0.087556
    #   P = 0.054258/0.087556 = 0.619696 -> needs_acceleration
    assert (result.status, result.year, result.value) == ("needs_acceleration", 2024, 4.0)
    assert result.inputs["ratio"] == P(0.619696, abs=1e-6)
    assert result.inputs["dropped_incomplete"] == [{"year": 2025, "value": 1.5}]
    assert result.inputs["latest_incomplete"] == {"year": 2025, "value": 1.5}
    assert result.explanation_vi.endswith("Số liệu năm 2025 (1,5) chưa đủ đơn vị báo cáo nên không dùng để đánh giá.")


def test_incomplete_first_observation_moves_the_baseline():
    # given: 2015 incomplete, 2018 and 2024 complete
    result = assess(series("2015=6.0*,2018=4.8,2024=3.0"), rule("lt", 2))
    # then: the baseline is the first complete point, 2018 (P = 1.070872 as computed above)
    assert (result.baseline_year, result.status) == (2018, "on_track")
    assert result.inputs["dropped_incomplete"] == [{"year": 2015, "value": 6.0}]
    assert result.inputs["latest_incomplete"] is None


def test_only_one_point_not_meeting_the_target_is_insufficient_data():
    result = assess(series("2024=3.0"), rule("lt", 2))
    assert (result.status, result.method, result.value, result.baseline, result.gap) == (
        "insufficient_data", "none", 3.0, None, 1.0
    )
    assert result.explanation_vi == (
        "Chỉ có một số liệu đầy đủ (năm 2024: 3), chưa đủ hai điểm để xét xu hướng; "
        "giá trị này chưa đạt chỉ tiêu năm 2030 (dưới 2)."
    )


def test_only_one_point_meeting_the_target_is_achieved():
    result = assess(series("2024=1.5"), rule("lt", 2))
    assert (result.status, result.method, result.gap) == ("achieved", "target_met", 0.0)


def test_one_complete_point_plus_an_incomplete_one_is_insufficient_data():
    result = assess([Observation(2020, 5.0, complete=False), Observation(2024, 4.0)], rule("lt", 2))
    assert result.status == "insufficient_data"
    assert result.inputs["dropped_incomplete"] == [{"year": 2020, "value": 5.0}]


def test_no_complete_observation_is_insufficient_data():
    result = assess([Observation(2024, 1.0, complete=False)], rule("lt", 2))
    assert (result.status, result.value, result.gap) == ("insufficient_data", None, None)


def test_empty_series_is_insufficient_data():
    assert assess([], rule("lt", 2)).status == "insufficient_data"


def test_no_data_since_the_base_year_is_insufficient_data():
    result = assess(series("2015=6.0,2018=4.8"), rule("lt", 2), base_year=2020)
    assert (result.status, result.year) == ("insufficient_data", 2018)
    assert result.explanation_vi.startswith("Không có số liệu đầy đủ từ năm gốc 2020 trở đi")


def test_latest_value_meeting_the_target_before_the_base_year_is_still_achieved():
    result = assess(series("2015=6.0,2018=1.5"), rule("lt", 2), base_year=2020)
    assert result.status == "achieved"


def test_target_year_reached_without_meeting_the_target_is_off_track_or_regressing():
    # given: the target year has data and the target is not met: never on_track, whatever the pace
    improving = assess(series("2020=5,2030=3"), rule("lt", 2))
    worsening = assess(series("2020=5,2031=6"), rule("lt", 2))
    # then: improving but late -> off_track; worse than the baseline -> regressing
    assert (improving.status, improving.method, improving.inputs["movement"]) == ("off_track", "deadline_passed", 2.0)
    assert (worsening.status, worsening.method, worsening.inputs["movement"]) == ("regressing", "deadline_passed", -1.0)


def test_baseline_exactly_on_a_strict_threshold_needs_no_ratio():
    # given: 2.0 (2020) and 2.0 (2024) against "below 2": the required change is 0, the ratio undefined
    flat = assess(series("2020=2.0,2024=2.0"), rule("lt", 2))
    worse = assess(series("2020=2.0,2024=2.4"), rule("lt", 2))
    # then: staying on the threshold -> off_track; moving away -> regressing
    assert (flat.status, flat.inputs["ratio"], flat.inputs["cagr_required"]) == ("off_track", None, 0.0)
    assert (worse.status, worse.inputs["movement"]) == ("regressing", -0.4)


def test_duplicate_years_are_rejected():
    with pytest.raises(ValueError, match="năm 2018 xuất hiện hai lần"):
        assess([Observation(2018, 4.8), Observation(2018, 4.9)], rule("lt", 2))


def test_non_finite_values_are_rejected():
    with pytest.raises(ValueError, match="hữu hạn"):
        assess([Observation(2018, float("nan"))], rule("lt", 2))


@pytest.mark.parametrize(
    ("bad_rule", "message"),
    [
        (rule("lt"), "so sánh lt cần giá trị chỉ tiêu"),
        (rule("range", low=40, high=35), "cận dưới 40 lớn hơn cận trên 35"),
        (rule("range", low=35), "cần cả cận dưới"),
        (rule("lt", 2, direction="increase"), "mâu thuẫn"),
        (rule("ge", 120, upper_limit=100), "vượt mức tối đa 100"),
        (rule("between", 2), "phép so sánh 'between' không hợp lệ"),
        (rule("lt", 2, kind="ratio"), "loại chỉ số 'ratio' không hợp lệ"),
        (rule("eq", 5, direction="up"), "chiều 'up' không hợp lệ"),
    ],
)
def test_invalid_rules_are_rejected_in_vietnamese(bad_rule, message):
    with pytest.raises(ValueError, match=message):
        assess(series("2020=1,2024=2"), bad_rule)


def test_decimal_inputs_are_accepted():
    # the database stores Decimal; assess works in float
    from decimal import Decimal

    result = assess([Observation(2015, Decimal("6.0")), Observation(2024, Decimal("3.0"))], rule("lt", Decimal("2")))
    assert (result.status, result.value, result.target_value) == ("on_track", 3.0, 2.0)


# ---------------------------------------------------------------------------------------------
# qual and manual statuses


def test_qual_target_is_insufficient_data_with_method_none():
    result = assess(series("2020=1,2024=2"), rule("qual"))
    assert (result.status, result.method, result.target_value, result.gap) == ("insufficient_data", "none", None, None)
    assert result.explanation_vi == "Chỉ tiêu định tính: không tính tự động, cần đánh giá thủ công."


def test_manual_assessment_records_who_when_why():
    result = manual_assessment("on_track", set_by="Phòng LĐ-TB&XH", set_at="2025-06-30", reason="Đã ban hành đề án")
    assert isinstance(result, Assessment)
    assert (result.status, result.status_vi, result.method) == ("on_track", "Đúng tiến độ", "manual")
    assert result.inputs == {"set_by": "Phòng LĐ-TB&XH", "set_at": "2025-06-30", "reason": "Đã ban hành đề án"}
    assert result.explanation_vi == (
        "Đánh giá thủ công: Đúng tiến độ (người đánh giá Phòng LĐ-TB&XH, ngày 30/06/2025). Lý do: Đã ban hành đề án"
    )


@pytest.mark.parametrize(
    ("status", "set_by", "reason", "message"),
    [
        ("done", "A", "lý do", "trạng thái 'done' không hợp lệ"),
        ("achieved", " ", "lý do", "người đánh giá"),
        ("achieved", "A", "", "lý do"),
    ],
)
def test_manual_assessment_validates(status, set_by, reason, message):
    with pytest.raises(ValueError, match=message):
        manual_assessment(status, set_by=set_by, set_at="2025-06-30", reason=reason)


# ---------------------------------------------------------------------------------------------
# parse_series


def test_parse_series_with_commas_between_pairs():
    assert parse_series("2015=6.0,2018=4.8,2024=3.0") == [
        Observation(2015, 6.0),
        Observation(2018, 4.8),
        Observation(2024, 3.0),
    ]


def test_parse_series_with_semicolons_and_vietnamese_decimal_commas():
    assert parse_series(" 2018 = 4,8 ; 2015=6.0 ;") == [Observation(2015, 6.0), Observation(2018, 4.8)]


def test_parse_series_marks_incomplete_years_with_a_star():
    assert parse_series("2024=3.0,2025=2.9*") == [Observation(2024, 3.0), Observation(2025, 2.9, complete=False)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "chuỗi số liệu trống"),
        ("2015=6.0,2018", 'cặp "2018" không đúng dạng năm=giá trị'),
        ("2015=6,0,2018=4,8", 'cặp "0" không đúng dạng năm=giá trị .*dùng dấu ;'),
        ("15=6.0", 'cặp "15=6.0" không đúng dạng'),
        ("2015=abc", 'cặp "2015=abc": "abc" không phải là số'),
        ("2015=1e3", 'cặp "2015=1e3": "1e3" không phải là số'),
        ("2015=6.0,2015=5.0", 'cặp "2015=5.0": năm 2015 bị lặp'),
        ("2015=6,0;2015=5", "năm 2015 bị lặp"),
    ],
)
def test_parse_series_errors_name_the_bad_pair(text, message):
    with pytest.raises(ValueError, match=message):
        parse_series(text)


# ---------------------------------------------------------------------------------------------
# Properties

_values = st.floats(min_value=-1000, max_value=1000, allow_nan=False, allow_infinity=False)
_years = st.integers(min_value=2000, max_value=2040)


@st.composite
def _rules(draw) -> TargetRule:
    comparator = draw(st.sampled_from(COMPARATORS))
    kind = draw(st.sampled_from(KINDS))
    target_year = draw(_years)
    if comparator == "range":
        low, high = sorted(draw(st.lists(_values, min_size=2, max_size=2)))
        return rule("range", target_year=target_year, low=low, high=high, kind=kind)
    if comparator == "qual":
        return rule("qual", target_year=target_year, kind=kind)
    value = draw(_values)
    direction = draw(st.sampled_from([None, "increase", "decrease"])) if comparator == "eq" else None
    headroom = draw(st.none() | st.floats(min_value=0, max_value=1000)) if comparator in ("gt", "ge", "eq") else None
    upper_limit = None if headroom is None else value + headroom
    return rule(comparator, value, target_year, kind=kind, direction=direction, upper_limit=upper_limit)


_observations = st.lists(
    st.builds(Observation, year=_years, value=_values, complete=st.booleans()),
    unique_by=lambda observation: observation.year,
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(observations=_observations, target=_rules(), base_year=st.none() | _years)
def test_status_is_always_one_of_the_six(observations, target, base_year):
    result = assess(observations, target, base_year=base_year)
    assert result.status in STATUS_LABELS_VI
    assert result.status_vi == STATUS_LABELS_VI[result.status]
    assert result.explanation_vi


@st.composite
def _met_cases(draw) -> tuple[TargetRule, float]:
    """A rule and a value that meets it by construction (margins keep clear of float rounding)."""
    comparator = draw(st.sampled_from(["lt", "le", "gt", "ge", "eq", "approx", "range"]))
    target = draw(st.floats(min_value=1, max_value=1000))
    margin = draw(st.floats(min_value=0.01, max_value=100))
    if comparator == "range":
        share = draw(st.floats(min_value=0, max_value=1))
        return rule("range", low=target, high=target + margin), target + share * margin
    if comparator == "approx":
        share = draw(st.floats(min_value=-0.9, max_value=0.9))
        return rule("approx", target), target + share * 0.02 * target
    value = {"lt": target - margin, "le": target - margin, "gt": target + margin, "ge": target + margin, "eq": target}
    return rule(comparator, target, kind=draw(st.sampled_from(KINDS))), value[comparator]


@settings(max_examples=300, deadline=None)
@given(case=_met_cases(), history=_observations, latest_year=st.integers(min_value=2041, max_value=2050))
def test_latest_value_meeting_the_target_is_always_achieved(case, history, latest_year):
    # given: any history, then a latest complete value that meets the target
    target, value = case
    observations = [*history, Observation(latest_year, value)]
    # then: achieved, whatever the trend or the target year
    result = assess(observations, target)
    assert (result.status, result.gap) == ("achieved", 0.0)


@settings(max_examples=200, deadline=None)
@given(observations=_observations, target=_rules(), seed=st.integers(min_value=0, max_value=10_000))
def test_result_does_not_depend_on_the_order_of_the_input(observations, target, seed):
    shuffled = list(observations)
    random.Random(seed).shuffle(shuffled)
    assert assess(shuffled, target) == assess(sorted(observations, key=lambda o: o.year), target)
