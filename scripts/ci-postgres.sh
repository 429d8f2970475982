# shellcheck shell=bash
# Make a PostgreSQL server reachable for CI (sourced by .ci/run), and export ANSINH_PG_URL:
# 1. ANSINH_PG_URL if the caller set it (used as given);
# 2. the machine's server on 127.0.0.1:5432 (started with pg_ctlcluster if installed but down);
# 3. otherwise a throwaway cluster in a temporary directory, run as an unprivileged user and
#    stopped when the CI run exits.

PG_PRIVATE_DIR=""
PG_PRIVATE_USER=""
PG_PRIVATE_BIN=""

pg_connects() {  # a real login, not just a listening port (pg_hba may want a password)
  if command -v psql >/dev/null 2>&1; then
    psql "$1" -Atqc 'select 1' >/dev/null 2>&1
  else
    pg_isready -q -d "$1" -t 3 >/dev/null 2>&1
  fi
}

ensure_postgres() {
  if [[ -n "${ANSINH_PG_URL:-}" ]]; then return 0; fi
  local url="postgres://postgres@127.0.0.1:5432/postgres"
  if ! pg_connects "$url" && command -v pg_ctlcluster >/dev/null 2>&1 && [[ -d /etc/postgresql ]]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 20); do pg_connects "$url" && break; sleep 0.5; done
  fi
  if pg_connects "$url"; then
    export ANSINH_PG_URL="$url"
  else
    start_private_postgres
  fi
}

run_as_pg_user() {
  if [[ "$PG_PRIVATE_USER" == "$(id -un)" ]]; then "$@"; else su "$PG_PRIVATE_USER" -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

stop_private_postgres() {
  [[ -n "$PG_PRIVATE_DIR" ]] || return 0
  run_as_pg_user "$PG_PRIVATE_BIN/pg_ctl" -D "$PG_PRIVATE_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_PRIVATE_DIR"
}

start_private_postgres() {
  local initdb_bin port=54329
  initdb_bin="$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)"
  [[ -n "$initdb_bin" ]] || initdb_bin="$(command -v initdb || true)"
  if [[ -z "$initdb_bin" ]]; then
    echo "No PostgreSQL server binaries found; install the postgresql package." >&2
    return 1
  fi
  PG_PRIVATE_BIN="$(dirname "$initdb_bin")"
  PG_PRIVATE_DIR="$(mktemp -d /tmp/ansinh-pg.XXXXXX)"
  PG_PRIVATE_USER="$(id -un)"
  if [[ "$(id -u)" == 0 ]]; then  # PostgreSQL refuses to run as root
    PG_PRIVATE_USER=ansinhci
    id "$PG_PRIVATE_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_PRIVATE_USER"
    chown "$PG_PRIVATE_USER" "$PG_PRIVATE_DIR"
  fi
  trap stop_private_postgres EXIT
  run_as_pg_user "$PG_PRIVATE_BIN/initdb" -D "$PG_PRIVATE_DIR/data" -U postgres --auth=trust >/dev/null
  run_as_pg_user "$PG_PRIVATE_BIN/pg_ctl" -D "$PG_PRIVATE_DIR/data" -l "$PG_PRIVATE_DIR/log" -w \
    -o "-p $port -k $PG_PRIVATE_DIR -c listen_addresses=127.0.0.1" start >/dev/null
  export ANSINH_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "Started a private PostgreSQL on 127.0.0.1:$port for this run."
}
