"""The caller's own API tokens: list, create (the token is shown once), revoke."""

from __future__ import annotations

from ninja import Router

from ansinh.accounts.actions import do_create_api_token, do_revoke_api_token
from ansinh.accounts.models import ApiToken
from ansinh.api.errors import COMMON_ERRORS
from ansinh.api.schemas import NewTokenOut, TokenIn, TokenOut

router = Router()


@router.get("/tokens", response={200: list[TokenOut], **COMMON_ERRORS}, tags=["tokens"], summary="My API tokens")
def my_tokens(request):
    return list(ApiToken.objects.filter(user=request.user))


@router.post("/tokens", response={200: NewTokenOut, **COMMON_ERRORS}, tags=["tokens"], summary="Create an API token")
def create_token(request, body: TokenIn):
    row, token = do_create_api_token(name=body.name, acting_user=request.user)
    return {**{f: getattr(row, f) for f in ("id", "name", "prefix", "created_at", "last_used_at", "revoked_at")}, "token": token}


@router.post("/tokens/{token_id}/revoke", response={200: TokenOut, **COMMON_ERRORS}, tags=["tokens"], summary="Revoke one of my API tokens")
def revoke_token(request, token_id: int):
    return do_revoke_api_token(token_id, acting_user=request.user)
