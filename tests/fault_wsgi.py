"""The app with a fault point, for tests/test_faults.py: gunicorn serves `application` from here.

ANSINH_FAULT_POINT names a write action's inner step ("import": after the values of an upload are
written, before its transaction commits; "approval": after a report's status is set to approved,
before commit). That step runs, then writes what its own transaction sees to ANSINH_FAULT_MARKER
and waits, so that the test can kill the server at exactly that moment. Test code only: the
application itself has no fault points."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from ansinh.wsgi import application  # noqa: F401  (sets Django up; served by gunicorn)
from django.db import connection

from ansinh.datavalues import actions

_STEPS = {"import": "_open_reports", "approval": "_decide"}


def _stop_after(step_name: str, marker: Path):
    original = getattr(actions, step_name)

    def stopped(*args, **kwargs):
        result = original(*args, **kwargs)
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM datavalues_datavalue")
            values = cursor.fetchone()[0]
        seen = {"in_transaction": connection.in_atomic_block, "values": values, "status": getattr(result, "status", None)}
        marker.write_text(json.dumps(seen))
        time.sleep(600)  # until killed
        return result

    setattr(actions, step_name, stopped)


_point = os.environ.get("ANSINH_FAULT_POINT")
if _point:
    _stop_after(_STEPS[_point], Path(os.environ["ANSINH_FAULT_MARKER"]))
