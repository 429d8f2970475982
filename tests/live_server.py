"""A real server for the tests that talk HTTP from outside (the browser, the API walk-through),
set up the way `make run` does it: its own SQLite file, migrated, the demo loaded through the real
actions, `manage.py runserver`. The developer's installation in var/ is never touched."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_demo(workdir: Path) -> Iterator[tuple[str, Path]]:
    """Yields (base URL, database file); stops the server afterwards."""
    database = workdir / "ansinh.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "ANSINH_UPLOAD_DIR": str(workdir / "uploads"), "ANSINH_DEBUG": "true"}
    for command in (["python", "manage.py", "migrate", "--noinput"], ["ansinh", "demo", "setup"]):
        subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "python"), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # the one bounded wait of the suite: the server starting
            try:
                urlopen(f"{base}/accounts/login/", timeout=1)
                break
            except (URLError, ConnectionError):
                time.sleep(0.1)
        yield base, database
    finally:
        process.terminate()
        process.wait(timeout=10)
