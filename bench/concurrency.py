"""Concurrency benchmark (issue 10): 50 users writing the same values at once for 60 s.

Each simulated user loops: read a value and its version (GET, ETag), write it back plus one with
`If-Match` (PUT). The demo's 2026S1 values of NHA_TAM (one per post-reform unit: 5, at most
CELLS) are shared by all 50 users, so most writes race: the loser must get 412 or 409 (a conflict
reported to the user), never a silent overwrite. At the end, each cell's value
must equal its start plus the number of writes that succeeded on it: no lost update. Also counts
5xx answers (must be zero). Served by gunicorn (2 workers) on a throwaway demo installation.

Run: make bench   (or: .venv/bin/python -m bench.concurrency; ANSINH_BENCH_SECONDS=10 for a short run)
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections import Counter
from pathlib import Path

os.environ.setdefault("ANSINH_BENCH_USERS", "50")

from bench.api_load import _token  # noqa: E402
from bench.web_load import SECONDS, USERS, _percentiles, _request, _start_server, run_clients  # noqa: E402

CELLS = 10


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ansinh-concurrency-") as folder:
        server, port = _start_server(Path(folder))
        try:
            headers = {"Authorization": f"Bearer {_token(Path(folder))}", "Content-Type": "application/json"}
            _response, body = _request(port, "GET", "/api/v1/datavalues?dataElement=NHA_TAM&period=2026S1&limit=100", headers=headers)
            cells = [f"/api/v1/datavalues/NHA_TAM/{item['orgUnit']}/2026S1" for item in json.loads(body)["items"]][:CELLS]
            start = {cell: _value(port, cell, headers) for cell in cells}
            outcomes: Counter = Counter()
            won: Counter = Counter()
            lock = threading.Lock()

            def read_then_write(turn: int):
                cell = cells[turn % len(cells)]
                response, body = _request(port, "GET", cell, headers=headers)
                current = json.loads(body)
                # A comment: values far from their peers need one (an outlier warning), as in the forms.
                payload = json.dumps({"value": str(int(current["value"]) + 1), "comment": "thử ghi đồng thời"})
                response, _ = _request(port, "PUT", cell, payload, {**headers, "If-Match": response.getheader("ETag")})
                with lock:
                    outcomes[response.status] += 1
                    if response.status == 200:
                        won[cell] += 1
                return response, b""

            latencies, server_times, _failures = run_clients(read_then_write)
            lost = {cell: (start[cell] + won[cell], _value(port, cell, headers)) for cell in cells}
            lost = {cell: pair for cell, pair in lost.items() if pair[0] != pair[1]}
            server_errors = sum(n for status, n in outcomes.items() if status >= 500)
            print(f"Concurrency: {USERS} users on {len(cells)} shared values for {SECONDS:.0f} s, gunicorn 2 workers, SQLite:")
            conflicts = outcomes[412] + outcomes[409]
            print(f"  {sum(outcomes.values())} writes: {outcomes[200]} saved, {conflicts} refused as conflicts "
                  f"(412 seen before writing: {outcomes[412]}, 409 caught inside the transaction: {outcomes[409]}), "
                  f"{server_errors} server errors, other answers {dict((s, n) for s, n in outcomes.items() if s not in (200, 409, 412) and s < 500)}")
            print(f"  lost updates: {len(lost)} of {len(cells)} values {'(none)' if not lost else lost}")
            print(f"  saved writes: server time {_percentiles(server_times)}; client latency {_percentiles(latencies)}")
        finally:
            server.terminate()
            server.wait(timeout=10)


def _value(port: int, cell: str, headers: dict) -> int:
    _response, body = _request(port, "GET", cell, headers=headers)
    return int(json.loads(body)["value"])


if __name__ == "__main__":
    main()
