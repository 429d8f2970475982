"""The HTTP API, version 1 (docs/api.md): `/api/v1/`, its OpenAPI schema at `/api/v1/openapi.json`
(also `/api/schema/`), the browsable documentation at `/api/v1/docs` (Swagger UI served by the app).

Views are typed signatures that call selectors and actions; every failure leaves as one JSON shape
(ansinh.api.errors) with a Vietnamese message."""

from __future__ import annotations

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer

from ansinh.api import routes_read, routes_tasks, routes_tokens, routes_values
from ansinh.api.access import Forbidden
from ansinh.api.auth import SessionAuth, TokenAuth
from ansinh.api.errors import ApiErrorCode, error_body
from ansinh.core.errors import ErrorCode, UserError

class Utf8Renderer(JSONRenderer):
    """Vietnamese letters as themselves in the JSON (readable with curl), not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=Utf8Renderer(),
    title="ansinh API",
    version="1",
    description=(
        "Programs, targets, tasks, data values, reports and analytics of ansinh. "
        "Authenticate with a personal token (`Authorization: Bearer ansinh_…`, created in the web app "
        "under 'Khóa API' or with POST /api/v1/tokens) or the web session. Errors: "
        '`{"code": "...", "message": "...", "problems": [...]}` with a Vietnamese message.'
    ),
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
for module in (routes_read, routes_values, routes_tasks, routes_tokens):
    api.add_router("", module.router)

_STATUS = {ErrorCode.NOT_FOUND: 404, ErrorCode.UNKNOWN_UNIT: 404}


@api.exception_handler(UserError)
def user_error(request, error: UserError):
    problems = [p.as_dict() for p in error.problems]
    if isinstance(error, Forbidden):
        return api.create_response(request, error_body(ApiErrorCode.PERMISSION_DENIED, _first(error), problems), status=403)
    status = next((_STATUS[p.code] for p in error.problems if p.code in _STATUS), 400)
    code = ApiErrorCode.NOT_FOUND if status == 404 else ApiErrorCode.INVALID
    if error.problems and error.problems[0].code == ErrorCode.TOOL_MISSING:
        status, code = 503, ApiErrorCode.UNAVAILABLE
    return api.create_response(request, error_body(code, _first(error), problems), status=status)


def _first(error: UserError) -> str:
    return error.problems[0].message if error.problems else "yêu cầu không hợp lệ"


@api.exception_handler(ValidationError)
def invalid_request(request, error: ValidationError):
    problems = [
        {"code": "invalid", "message": _vi_validation(item), "where": "", "field": ".".join(str(p) for p in item.get("loc", []))}
        for item in error.errors
    ]
    return api.create_response(request, error_body(ApiErrorCode.INVALID, "yêu cầu không đúng dạng", problems), status=400)


def _vi_validation(item: dict) -> str:
    kind = item.get("type", "")
    if kind == "missing":
        return "thiếu trường bắt buộc"
    if "int" in kind or "float" in kind:
        return "phải là số"
    if "bool" in kind:
        return "phải là true hoặc false"
    if "date" in kind:
        return "ngày phải có dạng YYYY-MM-DD"
    if "json" in kind:
        return "nội dung không phải JSON hợp lệ"
    return f"giá trị không hợp lệ ({item.get('msg', kind)})"


@api.exception_handler(AuthenticationError)
def not_authenticated(request, error):
    return api.create_response(request, error_body(ApiErrorCode.NOT_AUTHENTICATED, "cần đăng nhập hoặc khóa API hợp lệ (Authorization: Bearer …)"), status=401)


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, error_body(ApiErrorCode.NOT_FOUND, "không tìm thấy"), status=404)


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    code = {401: ApiErrorCode.NOT_AUTHENTICATED, 403: ApiErrorCode.PERMISSION_DENIED, 404: ApiErrorCode.NOT_FOUND}.get(error.status_code, ApiErrorCode.INVALID)
    return api.create_response(request, error_body(code, str(error)), status=error.status_code)
