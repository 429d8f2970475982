"""Asks for the second factor before anything else (docs/security.md).

After the password, a user whose account has a confirmed TOTP device reaches no page but the
code page until he has typed a code; with ANSINH_TWO_FACTOR_REQUIRED, an administrator or
approver without a device reaches no page but the set-up page. Both hold for the admin site.

The API is different: a personal token is its own credential and passes; a web session that has
not passed the second step is not a login there (it is treated as no session at all).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse

from ansinh.accounts.policies import must_use_two_factor
from ansinh.accounts.selectors import confirmed_device

# Reachable half-way through a login: the two pages themselves, leaving, the language switch
# and the static files the pages need.
_OPEN_PREFIXES = ("/accounts/logout/", "/accounts/login/", "/i18n/", "/static/", "/account/two-factor/")


class TwoFactorGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = request.user
        if not user.is_authenticated or user.is_verified() or request.path.startswith(_OPEN_PREFIXES):
            return self.get_response(request)
        step = _missing_step(user)
        if step is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            request.user = AnonymousUser()  # the API then answers 401 unless a token is sent
            return self.get_response(request)
        target = reverse("web:two-factor-verify" if step == "verify" else "web:two-factor")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def _missing_step(user) -> str | None:
    """"verify" when the user has a device but has not typed a code in this session, "enrol"
    when he must have one and has none, None when nothing is missing."""
    if confirmed_device(user) is not None:
        return "verify"
    if must_use_two_factor(user):
        return "enrol"
    return None
