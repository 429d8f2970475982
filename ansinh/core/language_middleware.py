"""The UI language: Vietnamese unless the user chose English with the switcher.

Django's LocaleMiddleware also follows the browser's Accept-Language header. Offices here often
run browsers installed in English, and their staff would get an English UI they never asked
for; so only the explicit choice (the language cookie set by the switcher) counts (ADR 0005).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


def chosen_language(request: HttpRequest) -> str:
    """The language saved by the switcher if it is one we offer, else the default (vi)."""
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return cookie if cookie in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware without Accept-Language; its response handling is kept."""

    def process_request(self, request: HttpRequest) -> None:
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request: HttpRequest, response):
        response = super().process_response(request, response)
        # The choice belongs to this request: code that runs next in the same thread (another
        # request's actions, a test) must not write English labels because of it.
        translation.activate(settings.LANGUAGE_CODE)
        return response
