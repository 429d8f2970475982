"""The page of an unexpected error, and the special case of the database being unreachable
(restarted, failed over, network cut): 503 with Retry-After and a message saying to try again in
a moment, instead of a bare server error. Nothing is half-written in either case: every write runs
in one transaction, which the database rolls back when the connection is lost (tests/test_faults.py).

Django calls `server_error` inside its handling of the exception, so the exception is at hand."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.views.defaults import server_error as django_server_error

from ansinh.api.errors import ApiErrorCode, error_response

RETRY_AFTER_SECONDS = 30
UNAVAILABLE_MESSAGE = "Cơ sở dữ liệu tạm thời không truy cập được; không có dữ liệu nào bị ghi dở. Thử lại sau ít phút."


def server_error(request: HttpRequest) -> HttpResponse:
    if not isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return django_server_error(request)
    if request.path.startswith("/api/"):
        response = error_response(ApiErrorCode.UNAVAILABLE, UNAVAILABLE_MESSAGE, 503)
    else:
        page = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tạm gián đoạn · ansinh</title></head>'
            f"<body><h1>Tạm gián đoạn</h1><p>{UNAVAILABLE_MESSAGE}</p>"
            '<p lang="en">The database cannot be reached for the moment; nothing was half-written. Try again in a few minutes.</p></body></html>'
        )
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
