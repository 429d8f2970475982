"""One error shape for every API failure: a machine-readable `code`, a Vietnamese `message`, and
the located `problems` behind it (docs/api.md)."""

from __future__ import annotations

from enum import Enum

from django.http import JsonResponse
from ninja import Schema


class ApiErrorCode(str, Enum):
    INVALID = "invalid"  # the request is well formed but its content is refused (400)
    NOT_AUTHENTICATED = "not_authenticated"  # no or a wrong token / session (401)
    PERMISSION_DENIED = "permission_denied"  # the user may not do this (403)
    NOT_FOUND = "not_found"  # no such program, unit, target, value (404)
    CONFLICT = "conflict"  # the value changed since the client read it (409 / 412)
    PRECONDITION_REQUIRED = "precondition_required"  # a change of an existing value without If-Match (428)
    UNAVAILABLE = "unavailable"  # an optional tool (LibreOffice) is missing, or the database is unreachable (503)


class ProblemOut(Schema):
    code: str
    message: str
    where: str = ""
    field: str = ""


class ErrorOut(Schema):
    code: ApiErrorCode
    message: str
    problems: list[ProblemOut] = []


def error_body(code: ApiErrorCode, message: str, problems: list[dict] | None = None) -> dict:
    return {"code": code.value, "message": message, "problems": problems or []}


def error_response(code: ApiErrorCode, message: str, status: int) -> JsonResponse:
    """The same shape for answers given before the API itself runs (middleware, the error page)."""
    return JsonResponse(error_body(code, message), status=status, json_dumps_params={"ensure_ascii": False})


# Responses every operation may give; listed in each operation's schema.
COMMON_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
