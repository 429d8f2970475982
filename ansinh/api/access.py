"""The API's permission checks: the web app's policy module (ansinh.accounts.policies), raised as
the API's errors. Writes are checked again by the actions themselves."""

from __future__ import annotations

from ansinh.accounts import policies
from ansinh.core.errors import ErrorCode, UserError


class Forbidden(UserError):
    """The user may not do this (HTTP 403)."""


def require_viewer(request) -> None:
    if not policies.can_view(request.user):
        raise Forbidden.single(ErrorCode.FIELD_INVALID, "tài khoản này chưa được giao vai trò nào nên không xem được số liệu", field="permission")
