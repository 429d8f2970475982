"""Set-based writes: small and large inserts (SQLite stages the large ones), constants bound once,
copies restricted by an id range, Decimals in database form. On whichever database runs the suite."""

from decimal import Decimal

from django.db import connection

from ansinh.analytics.models import ElementAggregate
from ansinh.core.bulk_sql import CHUNK, copy_rows, db_decimal, insert_rows
from ansinh.datavalues.models import DataValue
from ansinh.indicators.models import DataElement
from ansinh.orgunits.models import OrgUnit

COLUMNS = ("data_element_id", "unit_id", "period", "value")


def cells(count: int) -> list[tuple]:
    element, unit = DataElement.objects.first(), OrgUnit.objects.first()
    return [(element.id, unit.id, f"t{i}", float(i)) for i in range(count)]


def test_a_small_insert_writes_every_row_with_its_constants(db):
    written = insert_rows(ElementAggregate, COLUMNS, cells(3), {"reported": 1, "expected": 2})
    rows = ElementAggregate.objects.filter(period__startswith="t").order_by("id")
    assert written == 3
    assert [(r.period, r.value, r.reported, r.expected) for r in rows] == [("t0", 0.0, 1, 2), ("t1", 1.0, 1, 2), ("t2", 2.0, 1, 2)]


def test_a_large_insert_keeps_the_order_of_the_rows_and_leaves_no_staging_table(db):
    count = CHUNK * 2 + 7  # beyond one chunk: SQLite goes through its staging table
    written = insert_rows(ElementAggregate, COLUMNS, iter(cells(count)), {"reported": 0, "expected": 1})
    rows = list(ElementAggregate.objects.filter(period__startswith="t").order_by("id").values_list("period", "value", "expected"))
    assert written == count == len(rows)
    assert rows[0] == ("t0", 0.0, 1) and rows[-1] == (f"t{count - 1}", float(count - 1), 1)
    assert [period for period, _, _ in rows] == [f"t{i}" for i in range(count)]  # ids follow the rows' order
    assert "ansinh_staged_rows" not in connection.introspection.table_names(include_views=False)


def test_a_copy_takes_only_the_rows_above_the_id_given(db, acting_user):
    last = DataValue.objects.order_by("-id").values_list("id", flat=True).first()
    history = DataValue.history.model
    before = history.objects.count()
    copied = copy_rows(
        DataValue, history, ("data_element_id", "unit_id", "period", "category", "value", "comment", "source", "is_sample", "created_at", "updated_at", "updated_by_id", "version"),
        extra={"history_date": DataValue.objects.get(id=last).created_at, "history_change_reason": "test", "history_type": "+", "history_user_id": acting_user.pk},
        where={"id__gt": last - 2},
    )
    assert copied == 2 and history.objects.count() == before + 2
    assert set(history.objects.filter(history_change_reason="test").values_list("id", flat=True)) == {last - 1, last}


def test_decimals_go_as_whole_numbers_or_text_and_longer_fractions_rounded_to_the_field(db):
    field = DataValue._meta.get_field("value")
    assert db_decimal(Decimal("1234"), field) == 1234 and isinstance(db_decimal(Decimal("1234.000"), field), int)
    assert db_decimal(Decimal("1E+2"), field) == 100
    assert db_decimal(Decimal("4.8"), field) == "4.8" and db_decimal(Decimal("-0.0125"), field) == "-0.0125"
    # Longer fractions: 4 places, half away from zero, as PostgreSQL's numeric(18, 4) rounds them
    assert [db_decimal(Decimal(t), field) for t in ("1.234567", "0.00005", "-0.00005", "2.00004")] == ["1.2346", "0.0001", "-0.0001", "2.0000"]


def test_a_longer_fraction_is_stored_alike_on_every_backend(db):
    # Given a value written with more decimal places than the column keeps
    last = DataValue.objects.order_by("-id").values_list("id", flat=True).first()
    field = DataValue._meta.get_field("value")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {DataValue._meta.db_table} SET value = %s WHERE id = %s", [db_decimal(Decimal("1.234567"), field), last])
        # Then the column holds it rounded to its places, on SQLite as on PostgreSQL (what SQL
        # sums see; Django's own reads would round it either way)
        cursor.execute(f"SELECT value FROM {DataValue._meta.db_table} WHERE id = %s", [last])
        assert Decimal(str(cursor.fetchone()[0])) == Decimal("1.2346")
