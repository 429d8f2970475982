"""The second factor (docs/security.md): a user turns TOTP on with an authenticator app (QR code
or typed secret, confirmed with a code), off with a current code; at login, the code page."""

from __future__ import annotations

import io
from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ansinh.accounts.actions import do_begin_two_factor, do_confirm_two_factor, do_disable_two_factor, verify_second_factor
from ansinh.accounts.policies import must_use_two_factor
from ansinh.accounts.selectors import confirmed_device, pending_device
from ansinh.core.errors import UserError


@login_required
def two_factor(request: HttpRequest, errors: list[str] | None = None, status: int = 200) -> HttpResponse:
    pending = pending_device(request.user)
    context = {
        "enabled": confirmed_device(request.user) is not None,
        "required": must_use_two_factor(request.user),
        "pending": pending,
        "secret": _grouped_secret(pending) if pending else "",
        "next": _safe_next(request),
        "errors": errors or [],
    }
    return render(request, "web/two_factor.html", context, status=status)


@login_required
@require_POST
def begin(request: HttpRequest) -> HttpResponse:
    try:
        do_begin_two_factor(acting_user=request.user)
    except UserError as error:
        return two_factor(request, [p.message for p in error.problems], status=400)
    return redirect(_with_next("web:two-factor", request))


@login_required
@require_POST
def confirm(request: HttpRequest) -> HttpResponse:
    try:
        device = do_confirm_two_factor(request.POST.get("code", ""), acting_user=request.user)
    except UserError as error:
        return two_factor(request, [p.message for p in error.problems], status=400)
    django_otp.login(request, device)  # the code just typed is this session's second step
    return redirect(_safe_next(request) or "web:two-factor")


@login_required
@require_POST
def disable(request: HttpRequest) -> HttpResponse:
    try:
        do_disable_two_factor(request.POST.get("code", ""), acting_user=request.user)
    except UserError as error:
        return two_factor(request, [p.message for p in error.problems], status=400)
    return redirect("web:two-factor")


@login_required
def qr_code(request: HttpRequest) -> HttpResponse:
    """The pending secret as a QR code (SVG drawn here: the secret never leaves the server)."""
    device = pending_device(request.user)
    if device is None:
        raise Http404(_("Không có mã QR: chưa bắt đầu cài xác thực hai lớp."))
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(buffer, kind="svg", scale=5, border=2, title=_("Mã QR cài xác thực hai lớp"))
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """The login's second step."""
    following = _safe_next(request) or "web:home"
    if request.user.is_verified() or confirmed_device(request.user) is None:
        return redirect(following)
    errors, status = [], 200
    if request.method == "POST":
        try:
            device = verify_second_factor(request.user, request.POST.get("code", ""))
        except UserError as error:
            errors, status = [p.message for p in error.problems], 400
        else:
            django_otp.login(request, device)
            return redirect(following)
    return render(request, "web/two_factor_verify.html", {"errors": errors, "next": _safe_next(request)}, status=status)


def _grouped_secret(device) -> str:
    """The base32 secret in groups of four, for typing into an app without a camera."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _safe_next(request: HttpRequest) -> str:
    """`next` when it points inside this site (never to another host: an open redirect)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()) else ""


def _with_next(name: str, request: HttpRequest) -> str:
    following = _safe_next(request)
    return reverse(name) + (f"?{urlencode({'next': following})}" if following else "")
