"""A throwaway database for the benchmarks that need Django: SQLite in a temporary folder, unless
DATABASE_URL names another (e.g. a PostgreSQL database created for the run)."""

from __future__ import annotations

import os
import tempfile


def throwaway_database() -> None:
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ansinh.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
