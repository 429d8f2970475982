"""Set-based writes for the hot paths (a million values per import): one prepared statement run
with `executemany`, instead of the ORM's per-object preparation and its small SQLite batches.

Callers pass values already in database form (see `db_datetime`, `db_decimal`); the SQL is the
same on SQLite and PostgreSQL. Used only where a benchmark shows the ORM path is the bottleneck
(docs/performance.md); everything else writes through the ORM.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from django.db import connection, models

CHUNK = 20_000  # rows per executemany: bounded memory for the parameter list


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple]) -> int:
    if connection.vendor == "postgresql":
        return _copy_in(model, columns, rows)
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    return _run_many(sql, rows)


def update_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Each row: the new values of `columns`, then the primary key."""
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"
    return _run_many(sql, rows)


def copy_rows(
    source: type[models.Model], target: type[models.Model], columns: Sequence[str], *, extra: dict, where: dict
) -> int:
    """INSERT INTO target (id, columns…, extra…) SELECT id, columns…, extra values FROM source
    WHERE …: e.g. the history rows of values just inserted, written by the database itself.
    `where` supports `column: value` and `column__in: [values]`."""
    quote = connection.ops.quote_name
    target_columns = ["id", *columns, *extra]
    selected = [quote("id"), *(quote(c) for c in columns), *(["%s"] * len(extra))]
    conditions, params = [], list(extra.values())
    for key, value in where.items():
        if key.endswith("__in"):
            conditions.append(f"{quote(key[:-4])} IN ({', '.join(['%s'] * len(value))})")
            params.extend(value)
        else:
            conditions.append(f"{quote(key)} = %s")
            params.append(value)
    sql = (
        f"INSERT INTO {quote(target._meta.db_table)} ({', '.join(quote(c) for c in target_columns)}) "
        f"SELECT {', '.join(selected)} FROM {quote(source._meta.db_table)} WHERE {' AND '.join(conditions)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _copy_in(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """PostgreSQL's COPY: one stream instead of a round trip per row (several times faster)."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    written = 0
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
            written += 1
    return written


def _run_many(sql: str, rows: Iterable[tuple]) -> int:
    written, chunk = 0, []
    with connection.cursor() as cursor:
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                cursor.executemany(sql, chunk)
                written, chunk = written + len(chunk), []
        if chunk:
            cursor.executemany(sql, chunk)
            written += len(chunk)
    return written


def db_datetime(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)


def db_decimal(value: Decimal, field: models.DecimalField):
    """A Decimal for the database. Counts (whole numbers) and values within the field's decimal
    places go as int / text, which every backend stores exactly; only longer fractions take
    Django's rounding path (slower, and rare)."""
    exponent = value.as_tuple().exponent
    if exponent >= 0 or value == value.to_integral_value():
        return int(value)
    if -exponent <= field.decimal_places:
        return str(value)
    return connection.ops.adapt_decimalfield_value(value, field.max_digits, field.decimal_places)
