"""Refuse text with NUL characters (code 0) in any form field, query parameter or JSON body,
with a 400 naming the field. No person types one; PostgreSQL cannot store one, and a query that
merely looks one up fails there with a server error (found by tests/test_fuzz.py). Django's form
fields refuse NUL already; this covers the views and API routes that read requests directly.
Uploaded files are not looked at: a workbook is binary and is checked by its reader."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from ansinh.api.errors import ApiErrorCode, error_response

MESSAGE = "có ký tự NUL (mã 0) trong trường '{field}'; yêu cầu bị từ chối, không có gì được ghi"


class NullCharacterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        field = _field_with_nul(request)
        if field is None:
            return self.get_response(request)
        message = MESSAGE.format(field=field)
        if request.path.startswith("/api/"):
            return error_response(ApiErrorCode.INVALID, message, 400)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def _field_with_nul(request: HttpRequest) -> str | None:
    for source in (request.GET, request.POST) if request.method == "POST" else (request.GET,):
        for key, values in source.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return key.replace("\x00", "")
    if request.content_type == "application/json" and (b"\\u0000" in request.body or b"\x00" in request.body):
        return "body"
    return None
