"""Load benchmark of the dashboard (issue 6): 20 concurrent users for 60 s on loopback.

Sets up a throwaway installation the way `make run` does (SQLite, migrate, the Đức Phổ demo),
serves it with gunicorn (2 sync workers, one per core of these machines), logs in, and lets 20
simulated users request the program overview (and, separately, a target page) back to back.
Prints requests per second, errors, and the p50/p95/p99 of two times: what the user waits
(client latency, including queueing behind the other 19) and what the server spends on one
request (the Server-Timing header, ansinh/core/server_timing.py). The goal is about the second:
server time under 150 ms at the 95th percentile.

Run: make bench   (or: .venv/bin/python -m bench.web_load; ANSINH_BENCH_SECONDS=10 for a short run)
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
USERS = int(os.environ.get("ANSINH_BENCH_USERS", "20"))
SECONDS = float(os.environ.get("ANSINH_BENCH_SECONDS", "60"))
PAGES = (("overview", "/programs/duc-pho-42/overview/"), ("target page", "/programs/duc-pho-42/targets/T02/?year=2025"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(workdir: Path) -> tuple[subprocess.Popen, int]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'ansinh.sqlite3'}", "ANSINH_UPLOAD_DIR": str(workdir / "uploads")}
    for command in (["python", "manage.py", "migrate", "--noinput"], ["ansinh", "demo", "setup"]):
        subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "ansinh.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(workdir / "server.log", "w"),  # noqa: SIM115 (lives as long as the server)
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _request(port: int, method: str, path: str, body: str = "", headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response, content


def _log_in(port: int) -> str:
    response, content = _request(port, "GET", "/accounts/login/")
    csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    form = urllib.parse.urlencode({"username": "admin", "password": "ansinh-demo-2026", "csrfmiddlewaretoken": token})
    response, _ = _request(port, "POST", "/accounts/login/", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}", "Referer": f"http://127.0.0.1:{port}/accounts/login/",
    })
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    if response.status != 302 or not session:
        raise RuntimeError("could not log in")
    return f"sessionid={session.group(1)}; csrftoken={csrf}"


def run_clients(make_request) -> tuple[list[float], list[float], int]:
    """USERS threads calling `make_request(turn)` back to back for SECONDS: client latencies and
    server times (ms) of the 200 answers, and the number of failures."""
    latencies, server_times, errors, turns = [], [], [0], [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + SECONDS

    def user() -> None:
        while time.perf_counter() < deadline:
            with lock:
                turns[0] += 1
                turn = turns[0]
            started = time.perf_counter()
            try:
                response, _ = make_request(turn)
                ok = response.status == 200
                timing = re.search(r"dur=([\d.]+)", response.getheader("Server-Timing") or "")
            except OSError:
                ok, timing = False, None
            elapsed = time.perf_counter() - started
            with lock:
                if ok and timing:
                    latencies.append(elapsed * 1000)
                    server_times.append(float(timing.group(1)))
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=user) for _ in range(USERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, server_times, errors[0]


def _percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return f"p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms, p99 {cuts[98]:.0f} ms"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ansinh-load-") as folder:
        server, port = _start_server(Path(folder))
        try:
            cookie = _log_in(port)
            for name, path in PAGES:
                _request(port, "GET", path, headers={"Cookie": cookie})  # warm-up: imports, caches
                latencies, server_times, errors = run_clients(lambda _turn, path=path: _request(port, "GET", path, headers={"Cookie": cookie}))
                print(f"Web load, {name} ({path}), {USERS} users for {SECONDS:.0f} s, gunicorn 2 workers, SQLite:")
                print(f"  {len(latencies)} requests, {len(latencies) / SECONDS:.1f} req/s, errors {errors}")
                print(f"  server time (Server-Timing): {_percentiles(server_times)}")
                print(f"  user waits (client latency, with queueing): {_percentiles(latencies)}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
