"""Territories across reorganisations: forward to successors, back to predecessors, and
honesty about splits. Pure, no database."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.analytics.cube import UnitVersion
from ansinh.analytics.territory import Edge, Lineage

OLD_END, NEW_START = date(2025, 6, 30), date(2025, 7, 1)
UNITS = [
    UnitVersion(1, None, 1, None, None),
    UnitVersion(2, 1, 2, None, OLD_END),  # the dissolved town
    *[UnitVersion(i, 2, 3, None, OLD_END) for i in (3, 4, 5, 6)],
    UnitVersion(7, 1, 3, NEW_START, None),  # takes 3 and 4
    UnitVersion(8, 1, 3, NEW_START, None),  # takes 5 and 6
]
EDGES = [Edge(3, 7, True), Edge(4, 7, True), Edge(5, 8, True), Edge(6, 8, True)]
LINEAGE = Lineage(UNITS, EDGES)


def test_a_unit_valid_on_the_day_is_its_own_territory():
    territory = LINEAGE.territory(3, date(2024, 12, 31))
    assert (territory.members, territory.exact, territory.mapped) == ((3,), True, False)


def test_a_dissolved_town_is_evaluated_over_the_union_of_its_successors():
    territory = LINEAGE.territory(2, date(2026, 12, 31))
    assert (territory.members, territory.exact, territory.mapped) == ((7, 8), True, True)


def test_a_new_unit_looks_back_to_the_communes_it_took_in():
    territory = LINEAGE.territory(7, date(2024, 12, 31))
    assert (territory.members, territory.exact) == ((3, 4), True)


def test_a_split_cannot_be_remapped_exactly_and_says_so():
    units = [*UNITS[:6], UnitVersion(7, 1, 3, NEW_START, None), UnitVersion(8, 1, 3, NEW_START, None)]
    edges = [Edge(3, 7, True), Edge(4, 7, False), Edge(4, 8, False), Edge(5, 8, True), Edge(6, 8, True)]
    territory = Lineage(units, edges).territory(7, date(2024, 12, 31))
    assert territory.exact is False
    assert "chia tách" in territory.note


def test_a_successor_that_also_took_land_from_outside_is_not_exact():
    units = [*UNITS, UnitVersion(9, 1, 3, None, OLD_END)]  # a commune of another town
    edges = [*EDGES, Edge(9, 8, True)]
    territory = Lineage(units, edges).territory(2, date(2026, 12, 31))
    assert territory.exact is False


def test_a_commune_without_recorded_lineage_is_not_guessed():
    territory = Lineage(UNITS, EDGES[:3]).territory(2, date(2026, 12, 31))
    assert territory.exact is False and "chưa ghi lịch sử sắp xếp" in territory.note


@given(st.lists(st.integers(0, 1000), min_size=4, max_size=4))
@settings(max_examples=50, deadline=None)
def test_property_merge_conserves_the_territory_sum(values):
    # Values of the old communes, and the same people counted by the new units that took them in.
    old = dict(zip((3, 4, 5, 6), values))
    new = {7: old[3] + old[4], 8: old[5] + old[6]}
    before = sum(old.values())  # the town in 2024: its four communes
    after = sum(new[m] for m in LINEAGE.territory(2, date(2026, 12, 31)).members)
    assert before == after
    back = sum(old[m] for m in LINEAGE.territory(7, date(2024, 12, 31)).members)
    assert back == new[7]
