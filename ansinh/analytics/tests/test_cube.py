"""The element cube: own values win, sums of parts, completeness, epochs. Pure, no database."""

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.analytics.cube import ElementSpec, PeriodSpec, UnitVersion, ValueColumns, commune_expected, roll_up

END_2024, END_2025 = date(2024, 12, 31), date(2025, 12, 31)
REFORM = date(2025, 7, 1)
# Province 1; district 2 (dissolved 30/6/2025) with communes 3, 4, 5; new commune 6 from 01/7/2025.
UNITS = [
    UnitVersion(1, None, 1, None, None),
    UnitVersion(2, 1, 2, None, date(2025, 6, 30)),
    UnitVersion(3, 2, 3, None, date(2025, 6, 30)),
    UnitVersion(4, 2, 3, None, date(2025, 6, 30)),
    UnitVersion(5, 2, 3, None, date(2025, 6, 30)),
    UnitVersion(6, 1, 3, REFORM, None),
]
COUNT, TOWN, LIFE = ElementSpec(10, False), ElementSpec(11, True), ElementSpec(12, True, summable=False)
PERIODS = [PeriodSpec("2024", END_2024), PeriodSpec("2025", END_2025)]


def cube(rows, elements=(COUNT, TOWN, LIFE), units=UNITS, stored_only=False):
    """Every cell readers see (communes included), or only the stored ones."""
    result = {}
    for cube_slice in roll_up(units, list(elements), PERIODS, ValueColumns.from_rows(rows)):
        for e, p, u, value, reported, expected in cube_slice.rows() if stored_only else cube_slice.cells():
            result[(e, PERIODS[p].code, u)] = (value, reported, expected)
    return result


def test_communes_sum_up_to_district_and_province_with_completeness():
    # Given two of three communes reporting a count in 2024
    result = cube([(10, 3, 0, 5.0), (10, 4, 0, 7.0)])
    # Then the district and the province hold the sum and say 2 of 3 reported
    assert result[(10, "2024", 2)] == (12.0, 2, 3)
    assert result[(10, "2024", 1)] == (12.0, 2, 3)
    # and the silent commune is stored, with nothing reported under it
    assert result[(10, "2024", 5)] == (None, 0, 1)


def test_commune_cells_are_not_stored_as_they_only_repeat_the_values():
    rows = [(10, 3, 0, 5.0), (10, 4, 0, 7.0), (10, 6, 1, 2.0)]
    stored, every = cube(rows, stored_only=True), cube(rows)
    assert {u for _, _, u in stored} == {1, 2}
    assert stored == {key: cell for key, cell in every.items() if key[2] in (1, 2)}


def test_a_commune_under_a_district_owes_no_town_level_report_and_one_without_owes_it():
    # Commune 7 hangs directly under the province while district 2 still exists (an incomplete tree).
    units = [*UNITS, UnitVersion(7, 1, 3, None, date(2025, 6, 30))]
    result = cube([(11, 3, 0, 6.0), (11, 7, 0, 4.0)], elements=(TOWN,), units=units)
    assert result[(11, "2024", 3)] == (6.0, 0, 0)
    assert result[(11, "2024", 7)] == (4.0, 1, 1)
    assert commune_expected(True, under_district=True) == 0 and commune_expected(True, under_district=False) == 1
    assert commune_expected(False, under_district=True) == 1


def test_a_town_level_value_is_used_at_its_level_and_not_added_to_commune_values():
    # Given the health centre's figure for the town and a stray commune figure
    result = cube([(11, 2, 0, 80.0), (11, 3, 0, 6.0)])
    # Then the town value is the agency's, not 86, and the town counts as fully reported
    assert result[(11, "2024", 2)] == (80.0, 1, 1)
    assert result[(11, "2024", 1)] == (80.0, 1, 1)


def test_after_the_reform_town_level_elements_are_expected_from_the_communes():
    result = cube([(11, 6, 1, 90.0)])
    assert result[(11, "2025", 6)] == (90.0, 1, 1)
    assert result[(11, "2025", 1)] == (90.0, 1, 1)
    assert (11, "2025", 2) not in result  # the district no longer exists in 2025


def test_values_that_cannot_be_summed_stay_where_they_were_reported():
    result = cube([(12, 3, 0, 74.0), (12, 4, 0, 73.0)])
    assert result[(12, "2024", 3)] == (74.0, 0, 0)
    assert (12, "2024", 2) not in result  # no own value, and summing life expectancies means nothing


def test_disaggregated_values_of_one_cell_add_up_to_its_total():
    result = cube([(10, 3, 0, 2.0), (10, 3, 0, 3.0)])  # e.g. women and men
    assert result[(10, "2024", 3)] == (5.0, 1, 1)


leaf_values = st.lists(st.tuples(st.sampled_from([3, 4, 5]), st.integers(0, 10_000)), min_size=1, max_size=12)


@given(leaf_values)
@settings(max_examples=60, deadline=None)
def test_property_province_equals_the_sum_of_its_communes(pairs):
    rows = [(10, unit, 0, float(v)) for unit, v in pairs]
    result = cube(rows, elements=(COUNT,))
    assert result[(10, "2024", 1)][0] == float(sum(v for _, v in pairs))
    assert result[(10, "2024", 1)][1] == len({unit for unit, _ in pairs})


@given(leaf_values, st.randoms(use_true_random=False))
@settings(max_examples=60, deadline=None)
def test_property_the_result_does_not_depend_on_the_order_of_the_input(pairs, rng):
    rows = [(10, unit, 0, float(v)) for unit, v in pairs]
    shuffled = rows[:]
    rng.shuffle(shuffled)
    assert cube(rows, elements=(COUNT,)) == cube(shuffled, elements=(COUNT,))


@given(st.lists(st.integers(0, 1000), min_size=3, max_size=3), st.lists(st.integers(0, 1000), min_size=3, max_size=3))
@settings(max_examples=60, deadline=None)
def test_property_rate_parts_stay_consistent_so_the_rate_stays_within_bounds(nums, extra):
    dens = [n + e for n, e in zip(nums, extra)]
    rows = [(10, u, 0, float(n)) for u, n in zip([3, 4, 5], nums)] + [(11, u, 0, float(d)) for u, d in zip([3, 4, 5], dens)]
    result = cube(rows, elements=(COUNT, ElementSpec(11, False)))
    numerator, denominator = result[(10, "2024", 1)][0], result[(11, "2024", 1)][0]
    assert numerator <= denominator
    if denominator:
        assert 0 <= numerator / denominator * 100 <= 100


def test_a_province_with_nothing_reported_has_no_rows():
    assert cube([]) == {}


def test_cube_arrays_are_float_and_nan_free_where_reported():
    (slice_2024, _) = roll_up(UNITS, [COUNT], PERIODS, ValueColumns.from_rows([(10, 3, 0, 1.0), (10, 6, 1, 2.0)]))
    assert slice_2024.value.dtype == np.float64
