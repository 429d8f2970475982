"""Set-based writes for the hot paths (a million values per import): one prepared statement run
with `executemany`, instead of the ORM's per-object preparation and its small SQLite batches.
Large inserts go through COPY on PostgreSQL and a staging table on SQLite (`insert_rows`).

Callers pass values already in database form (see `db_datetime`, `db_decimal`); the SQL is the
same on SQLite and PostgreSQL. Used only where a benchmark shows the ORM path is the bottleneck
(docs/performance.md); everything else writes through the ORM.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from itertools import chain, islice

from django.db import connection, models

CHUNK = 20_000  # rows per executemany: bounded memory for the parameter list
_STAGING_TABLE = "ansinh_staged_rows"


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple], constants: dict | None = None) -> int:
    """INSERT the rows (values of `columns`, in order); `constants` are columns whose value is the
    same for every row (a timestamp, the writer), bound once instead of once per row."""
    constants = constants or {}
    fixed = tuple(constants.values())
    if connection.vendor == "postgresql":
        return _copy_in(model, [*columns, *constants], rows, fixed)
    rows = iter(rows)
    first = list(islice(rows, CHUNK))
    if len(first) < CHUNK:  # a small write: straight in, no staging table
        return _run_many(_insert_sql(model, [*columns, *constants]), (row + fixed for row in first))
    return _insert_staged(model, columns, chain(first, rows), constants)


def _insert_sql(model: type[models.Model], columns: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )


def _insert_staged(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple], constants: dict) -> int:
    """SQLite, many rows: into a temporary table without indexes, then one INSERT … SELECT.
    executemany runs one statement per row, and each statement into an indexed AUTOINCREMENT
    table carries its own overhead; measured on a million values: 9.4 s straight in, 4.7 s
    staged (docs/performance.md). The staging table is created and dropped in the transaction."""
    quote = connection.ops.quote_name
    staged = [f"c{i}" for i in range(len(columns))]
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE {_STAGING_TABLE} ({', '.join(staged)})")
        written = _stage(cursor, len(columns), rows)
        target = ", ".join(quote(c) for c in [*columns, *constants])
        selected = ", ".join([*staged, *(["%s"] * len(constants))])
        cursor.execute(
            f"INSERT INTO {quote(model._meta.db_table)} ({target}) SELECT {selected} FROM {_STAGING_TABLE} ORDER BY rowid",
            list(constants.values()),
        )
        cursor.execute(f"DROP TABLE {_STAGING_TABLE}")
    return written


def _stage(cursor, width: int, rows: Iterable[tuple]) -> int:
    """Rows into the staging table, as many per statement as SQLite takes parameters: each
    statement costs a step of the database besides its parameters (a million rows of 8 columns:
    3.7 s one per statement, 2.2 s a hundred per statement)."""
    per_statement = max(1, connection.features.max_query_params // width)
    one = f"({', '.join(['%s'] * width)})"
    single = f"INSERT INTO {_STAGING_TABLE} VALUES {one}"
    many = f"INSERT INTO {_STAGING_TABLE} VALUES {', '.join([one] * per_statement)}"
    step, written = width * per_statement, 0
    for chunk in _chunks(rows):
        whole = len(chunk) - len(chunk) % per_statement
        flat = list(chain.from_iterable(chunk[:whole]))
        if flat:
            cursor.executemany(many, [flat[i:i + step] for i in range(0, len(flat), step)])
        if whole < len(chunk):
            cursor.executemany(single, chunk[whole:])
        written += len(chunk)
    return written


def _chunks(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    """Lists of CHUNK rows (the last one shorter): bounded memory for the parameters."""
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK)):
        yield chunk


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
    `where` supports `column: value`, `column__in: [values]` and `column__gt: value`."""
    quote = connection.ops.quote_name
    target_columns = ["id", *columns, *extra]
    selected = [quote("id"), *(quote(c) for c in columns), *(["%s"] * len(extra))]
    conditions, params = [], list(extra.values())
    for key, value in where.items():
        if key.endswith("__in"):
            conditions.append(f"{quote(key[:-4])} IN ({', '.join(['%s'] * len(value))})")
            params.extend(value)
        elif key.endswith("__gt"):
            conditions.append(f"{quote(key[:-4])} > %s")
            params.append(value)
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


def _copy_in(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple], constants: tuple) -> int:
    """PostgreSQL's COPY: one stream instead of a round trip per row (several times faster)."""
    quote = connection.ops.quote_name
    sql = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    written = 0
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row + constants)
            written += 1
    return written


def _run_many(sql: str, rows: Iterable[tuple]) -> int:
    written = 0
    with connection.cursor() as cursor:
        for chunk in _chunks(rows):
            cursor.executemany(sql, chunk)
            written += len(chunk)
    return written


def db_datetime(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)


def db_decimal(value: Decimal, field: models.DecimalField):
    """A Decimal for the database. Counts (whole numbers) and values within the field's decimal
    places go as int / text, which every backend stores exactly. A longer fraction (rare: the
    imports refuse it before) is rounded here to the field's places, half away from zero as
    PostgreSQL's numeric does, because Django 5.2 passes it on as given and SQLite would keep
    every digit: both backends then store the same value."""
    if value == value.to_integral_value():  # cheaper than as_tuple(), once per value of an import
        return int(value)
    if -value.as_tuple().exponent <= field.decimal_places:
        return str(value)
    return str(value.quantize(Decimal(1).scaleb(-field.decimal_places), rounding=ROUND_HALF_UP))
