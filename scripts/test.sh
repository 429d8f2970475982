#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL when a server is reachable (docs/testing.md).
#   ANSINH_TEST_DATABASES=sqlite|postgres|both (default both)
#   ANSINH_REQUIRE_POSTGRES=1  fail instead of skipping when no PostgreSQL answers (.ci/run sets it)
#   ANSINH_PG_URL  server to use (default postgres://postgres@127.0.0.1:5432/postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
which_dbs="${ANSINH_TEST_DATABASES:-both}"
pg_url="${ANSINH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
status=0

if [[ "$which_dbs" != postgres ]]; then
  echo "== Bộ kiểm thử trên SQLite / test suite on SQLite"
  DATABASE_URL="sqlite:///$(mktemp -d)/ansinh-test.sqlite3" "$BIN/pytest" "$@" || status=$?
fi

if [[ "$which_dbs" != sqlite ]]; then
  if "$BIN/python" - "$pg_url" <<'PY'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1], connect_timeout=3).close()
except Exception as exc:
    print(f"PostgreSQL not reachable at {sys.argv[1]}: {exc}", file=sys.stderr)
    sys.exit(1)
PY
  then
    # A throwaway database name per run; pytest-django creates test_<name> and drops it afterwards.
    db_url="${pg_url%/*}/ansinh_ci_$$_$RANDOM"
    echo "== Bộ kiểm thử trên PostgreSQL / test suite on PostgreSQL (${db_url##*@})"
    DATABASE_URL="$db_url" "$BIN/pytest" "$@" || status=$?
  elif [[ "${ANSINH_REQUIRE_POSTGRES:-0}" == 1 ]]; then
    echo "PostgreSQL is required here (ANSINH_REQUIRE_POSTGRES=1) but not reachable." >&2
    exit 1
  else
    echo "== Bỏ qua PostgreSQL: không có máy chủ nào trả lời / SKIPPED the PostgreSQL pass: no server reachable at ${pg_url##*@}"
  fi
fi
exit "$status"
