"""A throwaway PostgreSQL server of the test's own, which a test may restart or stop without
touching the machine's server or the suite's database (tests/test_faults.py). The same recipe as
scripts/ci-postgres.sh: the newest initdb on the machine, a temporary data directory, trust
authentication, 127.0.0.1 on a free port; under root, run as an unprivileged system user
(PostgreSQL refuses root)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.live_server import free_port

USER = "ansinhci"


def server_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: [int(x) for x in p.split("/")[4].split(".") if x.isdigit()])
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PrivatePostgres:
    def __init__(self, binaries: Path):
        self.bin = binaries
        self.dir = Path(tempfile.mkdtemp(prefix="ansinh-pg-fault-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.user = os.environ.get("USER", "")
        if os.geteuid() == 0:
            self.user = USER
            if subprocess.run(["id", USER], capture_output=True).returncode != 0:
                subprocess.run(["useradd", "--system", "--no-create-home", USER], check=True)
            shutil.chown(self.dir, USER)

    def url(self, database: str = "postgres", query: str = "") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}{query}"

    def _run(self, *command: str) -> None:
        if os.geteuid() == 0:
            command = ("su", USER, "-s", "/bin/sh", "-c", " ".join(f"'{part}'" for part in command))
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-o", options, action, *extra)

    def start(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust")
        self._pg_ctl("start")

    def restart(self) -> None:
        """A real restart: every connection is cut, new ones are refused until it is back."""
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        try:
            self._pg_ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
