"""The user's personal API tokens (docs/api.md): listed with their last use, created (the token is
shown once, on the page that created it), revoked."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ansinh.accounts.actions import do_create_api_token, do_revoke_api_token
from ansinh.accounts.models import ApiToken
from ansinh.core.errors import UserError


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    context = {"tokens": ApiToken.objects.filter(user=request.user), "new_token": None, "errors": []}
    if request.method == "POST":
        try:
            _row, context["new_token"] = do_create_api_token(name=request.POST.get("name", ""), acting_user=request.user)
        except UserError as error:
            context["errors"] = [p.message for p in error.problems]
            return render(request, "web/tokens.html", context, status=400)
    return render(request, "web/tokens.html", context)


@login_required
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        do_revoke_api_token(token_id, acting_user=request.user)
    except UserError as error:
        return HttpResponse("; ".join(p.message for p in error.problems), status=404)
    return redirect("web:tokens")
