# shellcheck shell=bash
# Make a PostgreSQL server reachable for CI (sourced by .ci/run):
# 1. the machine's server on 127.0.0.1:5432, started with pg_ctlcluster if it is installed but down;
# 2. otherwise a throwaway cluster in a temporary directory, run as an unprivileged user, stopped
#    when the CI run exits. Exports ANSINH_PG_URL for scripts/test.sh.

pg_answers() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$1" -p "$2" -t 3
}

ensure_postgres() {
  export ANSINH_PG_URL="${ANSINH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  if pg_answers 127.0.0.1 5432; then return 0; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 20); do pg_answers 127.0.0.1 5432 && return 0; sleep 0.5; done
  fi
  start_private_postgres
}

start_private_postgres() {
  local bindir initdb_bin user dir port=54329
  initdb_bin="$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)"
  [[ -n "$initdb_bin" ]] || initdb_bin="$(command -v initdb || true)"
  if [[ -z "$initdb_bin" ]]; then
    echo "No PostgreSQL server binaries found; install the postgresql package." >&2
    return 1
  fi
  bindir="$(dirname "$initdb_bin")"
  dir="$(mktemp -d /tmp/ansinh-pg.XXXXXX)"
  user="$(id -un)"
  if [[ "$(id -u)" == 0 ]]; then  # PostgreSQL refuses to run as root
    user=ansinhci
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home "$user"
    chown "$user" "$dir"
  fi
  run_as() { if [[ "$user" == "$(id -un)" ]]; then "$@"; else su "$user" -s /bin/sh -c "$(printf '%q ' "$@")"; fi; }
  run_as "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
  run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  trap 'run_as "'"$bindir"'/pg_ctl" -D "'"$dir"'/data" -m fast stop >/dev/null 2>&1 || true' EXIT
  export ANSINH_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "Started a private PostgreSQL on 127.0.0.1:$port for this run."
}
