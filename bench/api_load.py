"""API benchmark (issue 9): 20 concurrent clients on loopback, with personal tokens.

1. Reading one program's evaluation (`GET /api/v1/programs/duc-pho-42/evaluation?unit=534&year=2026`).
2. Writing a batch of 1,000 values (`POST /api/v1/datavalues/batch`), all clients writing the same
   1,000 stored cells back with a new comment: every batch changes every value (history rows,
   analytics refresh), and the writes queue on the database's write lock, as they would in an office.

Served by gunicorn (2 workers) on a throwaway demo installation (SQLite; set DATABASE_URL to a
PostgreSQL database to measure that). Prints requests, errors and p50/p95/p99 of the client latency
and of the server time (Server-Timing).

Run: make bench   (or: .venv/bin/python -m bench.api_load; ANSINH_BENCH_SECONDS=10 for a short run)
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from bench.web_load import BIN, ROOT, SECONDS, USERS, _percentiles, _request, _start_server, run_clients

EVALUATION = "/api/v1/programs/duc-pho-42/evaluation?unit=534&year=2026"
BATCH = "/api/v1/datavalues/batch"


def _token(workdir: Path) -> str:
    env = {**os.environ, "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{workdir / 'ansinh.sqlite3'}")}
    run = lambda *args: subprocess.run([str(BIN / "ansinh"), *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)  # noqa: E731
    run("accounts", "grant", "bench-admin", "--role", "system_admin")
    return run("accounts", "token", "bench-admin", "--name", "bench").stdout.strip()


def _cells(port: int, headers: dict) -> list[dict]:
    """1,000 stored values of recent periods (whatever their element), to write back with a new comment."""
    cells = []
    for period in ("2026S1", "2025S2", "2026", "2025", "2025S1", "2024S2", "2024"):
        _response, body = _request(port, "GET", f"/api/v1/datavalues?period={period}&limit=1000", headers=headers)
        cells += json.loads(body)["items"]
    return cells[:1000]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ansinh-api-load-") as folder:
        server, port = _start_server(Path(folder))
        try:
            headers = {"Authorization": f"Bearer {_token(Path(folder))}", "Content-Type": "application/json"}
            _request(port, "GET", EVALUATION, headers=headers)  # warm-up
            latencies, server_times, errors = run_clients(lambda _turn: _request(port, "GET", EVALUATION, headers=headers))
            print(f"API read, program evaluation, {USERS} clients for {SECONDS:.0f} s, gunicorn 2 workers:")
            print(f"  {len(latencies) + errors} requests, {len(latencies) / SECONDS:.1f} req/s, errors {errors}")
            print(f"  server time: {_percentiles(server_times)}; client latency: {_percentiles(latencies)}")
            cells = _cells(port, headers)

            def batch(turn: int):
                # The same numbers (the validation rules keep holding) with a new comment: every value
                # changes, so each batch writes 1,000 updates, their history rows and the analytics refresh.
                values = [{"dataElement": c["dataElement"], "orgUnit": c["orgUnit"], "period": c["period"],
                           "value": c["value"], "comment": f"lần {turn}"} for c in cells]
                return _request(port, "POST", BATCH, json.dumps({"values": values}), headers)

            latencies, server_times, errors = run_clients(batch)
            print(f"API write, batch of {len(cells)} values, {USERS} clients for {SECONDS:.0f} s:")
            print(f"  {len(latencies) + errors} batches, {len(latencies) * len(cells) / SECONDS:.0f} values/s, errors {errors}")
            print(f"  server time: {_percentiles(server_times)}; client latency: {_percentiles(latencies)}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
