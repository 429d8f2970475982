"""`Server-Timing: app;dur=12.3` on every response: the milliseconds Django spent on the request.

Browsers' developer tools show it, and `make bench` (bench/web_load.py) reads it to report the
server's own time apart from the queueing a loaded machine adds. It reveals nothing but a duration.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response
