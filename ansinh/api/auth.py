"""Who is calling: a personal token (`Authorization: Bearer ansinh_…`) or the web session.

Tokens are stored hashed (ansinh.accounts.actions). Session calls that change something need the
CSRF token like any form of the web app; token calls do not (a token is not sent by a browser
on its own)."""

from __future__ import annotations

from ninja.security import APIKeyCookie, HttpBearer

from ansinh.accounts.actions import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in user of the web app; CSRF-checked for unsafe methods (APIKeyCookie does it)."""

    param_name = "sessionid"

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None
