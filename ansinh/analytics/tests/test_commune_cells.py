"""Commune cells are not stored: readers build them from the values. On the demo, they must be
exactly the cells the whole cube computes, silent communes included, and the stored rows must be
the same after an incremental refresh as after a full one."""

import importlib
from decimal import Decimal

from django.apps import apps

from ansinh.analytics.actions import do_refresh_aggregates
from ansinh.analytics.cube import COMMUNE_LEVEL, PeriodSpec, ValueColumns, roll_up
from ansinh.analytics.evaluation import Cell
from ansinh.analytics.models import ElementAggregate
from ansinh.analytics.selectors import cells_of, element_specs, unit_versions
from ansinh.core.periods import parse_period
from ansinh.datavalues.actions import ValueEntry, do_set_data_values
from ansinh.datavalues.models import DataValue
from ansinh.indicators.models import DataElement
from ansinh.orgunits.models import OrgUnit


def full_cube() -> dict:
    """Every cell (communes included) of the cube computed in memory from every stored value."""
    rows = list(DataValue.objects.values_list("data_element_id", "unit_id", "period", "value"))
    codes = sorted({period for _, _, period, _ in rows})
    periods = [PeriodSpec(code, parse_period(code).end) for code in codes]
    values = ValueColumns.from_rows(rows, {code: i for i, code in enumerate(codes)})
    return {
        (e, codes[p], u): Cell(value, reported, expected)
        for cube_slice in roll_up(unit_versions(), element_specs(), periods, values)
        for e, p, u, value, reported, expected in cube_slice.cells()
    }


def read_cells(unit_ids: set[int]) -> dict:
    units = {u.id: u for u in unit_versions()}
    elements = {e.id: e for e in DataElement.objects.all()}
    periods = set(DataValue.objects.values_list("period", flat=True))
    return cells_of(elements, periods, unit_ids, units)


def stored_rows() -> set:
    return set(ElementAggregate.objects.values_list("data_element_id", "unit_id", "period", "value", "reported", "expected"))


def test_commune_cells_read_from_the_values_equal_what_the_cube_computes(db, acting_user):
    # Given a sex-disaggregated value (its cell is the total), a commune's figure for a town-level
    # element while the district collects it, and the demo's silent communes
    element, commune = DataElement.objects.get(code="THAT_NGHIEP"), OrgUnit.objects.get(code="21442")
    entries = [ValueEntry(element, commune, "2024S2", Decimal(n), category) for n, category in ((2, "sex:female"), (5, "sex:male"))]
    entries.append(ValueEntry(DataElement.objects.get(code="BAC_SI"), commune, "2024", Decimal(3)))
    do_set_data_values(entries, acting_user=acting_user, channel="test")
    communes = set(OrgUnit.objects.filter(level=COMMUNE_LEVEL).values_list("id", flat=True))
    computed = {key: cell for key, cell in full_cube().items() if key[2] in communes}
    # Then the cells read equal the cube's, silent ones included
    read = read_cells(communes)
    assert read == computed
    assert any(cell.value is None for cell in read.values())
    assert any(cell.expected == 0 for cell in read.values())  # town-level figures a commune owes no report of


def test_the_cells_read_above_the_communes_are_the_cube_s(db):
    above = set(OrgUnit.objects.filter(level__lt=COMMUNE_LEVEL).values_list("id", flat=True))
    assert read_cells(above) == {key: cell for key, cell in full_cube().items() if key[2] in above}


def test_incremental_and_full_refresh_store_the_same_rows_and_no_commune(db, acting_user):
    element = DataElement.objects.get(code="THAT_NGHIEP")
    entries = [
        ValueEntry(element, OrgUnit.objects.get(code="21442"), "2024S2", Decimal(3)),
        ValueEntry(element, OrgUnit.objects.get(code="21472", valid_from__isnull=False), "2026S1", Decimal(4)),  # a silent commune reports
    ]
    do_set_data_values(entries, acting_user=acting_user, channel="test")
    incremental = stored_rows()
    do_refresh_aggregates()
    assert stored_rows() == incremental
    assert not ElementAggregate.objects.filter(unit__level=COMMUNE_LEVEL).exists()


def test_the_migration_deletes_the_commune_cells_stored_before(db):
    element, commune = DataElement.objects.first(), OrgUnit.objects.filter(level=COMMUNE_LEVEL).first()
    ElementAggregate.objects.create(data_element=element, unit=commune, period="2024", value=1.0, reported=1, expected=1)
    before = ElementAggregate.objects.count()
    migration = importlib.import_module("ansinh.analytics.migrations.0002_drop_commune_aggregates")
    migration.drop_commune_cells(apps, None)
    assert ElementAggregate.objects.count() == before - 1
    assert not ElementAggregate.objects.filter(unit__level=COMMUNE_LEVEL).exists()


def test_one_write_to_two_elements_in_two_periods_refreshes_the_crossed_pairs_too(db, acting_user):
    # The refresh recomputes elements × periods: (LLLD, 2024S2) and (THAT_NGHIEP, 2024S1) were
    # deleted with the rest and must be written again, though no value of theirs changed.
    commune = OrgUnit.objects.get(code="21442")
    entries = [
        ValueEntry(DataElement.objects.get(code="THAT_NGHIEP"), commune, "2024S2", Decimal(3)),
        ValueEntry(DataElement.objects.get(code="LLLD"), commune, "2024S1", Decimal(2000)),
    ]
    do_set_data_values(entries, acting_user=acting_user, channel="test")
    incremental = stored_rows()
    do_refresh_aggregates()
    assert stored_rows() == incremental
