"""Writes of user accounts. Roles and scopes come with the permission policy (issue 10)."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ansinh.accounts.models import ApiToken
from ansinh.core.audit import attribute
from ansinh.core.errors import ErrorCode, UserError


def get_or_create_system_user(username: str):
    """The account that command-line and automatic writes are attributed to; it cannot log in."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username, defaults={"first_name": "ansinh", "last_name": "(hệ thống)", "is_active": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def do_ensure_demo_admin(*, username: str, password: str):
    """The demo administrator printed by `make run`. Resets the password to the demo one."""
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=username)
    user.first_name, user.last_name = "Quản trị", "(dữ liệu mẫu)"
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return user


# --- personal API tokens (docs/api.md) --------------------------------------------------------

TOKEN_PREFIX = "ansinh_"
LAST_USED_RESOLUTION_SECONDS = 60  # last use is recorded at most once a minute, not on every call


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def do_create_api_token(*, name: str, acting_user) -> tuple[ApiToken, str]:
    """A new token for `acting_user`; returns the row and the token text, which is never stored."""
    name = " ".join(name.split())
    if not name:
        raise UserError.single(ErrorCode.FIELD_MISSING, "đặt tên cho khóa API (ví dụ: cổng thông tin tỉnh)", field="name")
    if len(name) > 100:
        raise UserError.single(ErrorCode.FIELD_INVALID, "tên khóa API dài quá 100 ký tự", field="name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user=acting_user, name=name, prefix=token[:12], digest=token_digest(token))
    attribute(row, acting_user, "token").save()
    return row, token


@transaction.atomic
def do_revoke_api_token(token_id: int, *, acting_user) -> ApiToken:
    """A user revokes his own token (a system administrator, anyone's)."""
    from ansinh.accounts.policies import is_system_admin

    row = ApiToken.objects.select_for_update().filter(pk=token_id).first()
    if row is None or (row.user_id != acting_user.pk and not is_system_admin(acting_user)):
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có khóa API số {token_id} của bạn", field="token")
    if row.revoked_at is None:
        row.revoked_at = timezone.now()
        attribute(row, acting_user, "token").save(update_fields=["revoked_at"])
    return row


def user_for_token(token: str):
    """The active user a token belongs to, or None. Records the last use (coarsely)."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    row = ApiToken.objects.select_related("user").filter(digest=token_digest(token), revoked_at__isnull=True).first()
    if row is None or not row.user.is_active:
        return None
    now = timezone.now()
    if row.last_used_at is None or (now - row.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
        # A plain update, not a save: using a token is not a change of the token worth a history row.
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


# --- roles (docs/permissions.md) --------------------------------------------------------------


@transaction.atomic
def do_grant_role(username: str, role: str, *, acting_user, channel: str = "cli", unit=None, agency: str = "", body=None, password: str | None = None):
    """Give `username` a role with its scope, creating the account when it does not exist (with the
    password given, or none: it then logs in only through an API token). Recorded in the history."""
    from ansinh.accounts.models import Role, RoleAssignment

    if role not in Role.values:
        raise UserError.single(ErrorCode.FIELD_INVALID, f"vai trò '{role}' không có; dùng một trong: {', '.join(Role.values)}", field="role")
    if role == Role.AGENCY_OFFICER and not agency:
        raise UserError.single(ErrorCode.FIELD_MISSING, "cán bộ cơ quan chuyên môn cần tên cơ quan (--agency)", field="agency")
    if role == Role.BODY_OFFICER and body is None:
        raise UserError.single(ErrorCode.FIELD_MISSING, "cán bộ cơ quan thực hiện nhiệm vụ cần mã cơ quan (--body)", field="body")
    if role == Role.COMMUNE_OFFICER and unit is None:
        raise UserError.single(ErrorCode.FIELD_MISSING, f"vai trò {role} cần đơn vị (--unit)", field="unit")
    user, created = get_user_model().objects.get_or_create(username=username)
    if created or password:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    assignment = RoleAssignment.objects.filter(user=user, role=role, unit=unit, agency=agency, body=body).first()
    if assignment is None:
        assignment = RoleAssignment(user=user, role=role, unit=unit, agency=agency, body=body)
        attribute(assignment, acting_user, channel).save()
    return assignment


# --- the second factor: TOTP with an authenticator app (docs/security.md) ---------------------


def _clean_code(code: str) -> str:
    return "".join((code or "").split())  # apps show "123 456"; people type it that way


@transaction.atomic
def do_begin_two_factor(*, acting_user):
    """Start setting up TOTP for `acting_user`: a new secret, shown once as a QR code and text,
    not guarding the login until confirmed with a code from the app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ansinh.accounts.selectors import DEVICE_NAME, confirmed_device

    if confirmed_device(acting_user) is not None:
        raise UserError.single(ErrorCode.FIELD_INVALID, "xác thực hai lớp đã bật; tắt trước khi cài lại", field="two_factor")
    for old in TOTPDevice.objects.filter(user=acting_user, confirmed=False):
        attribute(old, acting_user, "web").delete()
    device = TOTPDevice(user=acting_user, name=DEVICE_NAME, confirmed=False)
    attribute(device, acting_user, "web").save()
    return device


def do_confirm_two_factor(code: str, *, acting_user):
    """Turn TOTP on: the code proves the app holds the secret. Returns the device."""
    from ansinh.accounts.selectors import pending_device

    device = pending_device(acting_user)
    if device is None:
        raise UserError.single(ErrorCode.NOT_FOUND, "chưa bắt đầu cài xác thực hai lớp", field="two_factor")
    _check_code(device, code)  # outside a transaction: a wrong code's throttling must stay counted
    device.confirmed = True
    with transaction.atomic():
        attribute(device, acting_user, "web").save(update_fields=["confirmed"])
    return device


def do_disable_two_factor(code: str, *, acting_user) -> None:
    """Turn TOTP off; a current code is asked for, so a forgotten open session cannot do it."""
    from ansinh.accounts.selectors import confirmed_device

    device = confirmed_device(acting_user)
    if device is None:
        raise UserError.single(ErrorCode.NOT_FOUND, "xác thực hai lớp chưa bật", field="two_factor")
    _check_code(device, code)  # outside a transaction, as above
    with transaction.atomic():
        attribute(device, acting_user, "web").delete()


@transaction.atomic
def do_reset_two_factor(username: str, *, acting_user, channel: str = "cli") -> int:
    """A system administrator removes a user's devices (lost phone); he sets it up again at his
    next login. Returns how many devices were removed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise UserError.single(ErrorCode.NOT_FOUND, f"không có tài khoản '{username}'", field="username")
    devices = list(TOTPDevice.objects.filter(user=user))
    for device in devices:
        attribute(device, acting_user, channel).delete()
    return len(devices)


def verify_second_factor(user, code: str):
    """The login's second step: the confirmed device if `code` is right, else UserError. Wrong
    codes slow further tries down (1, 2, 4 … seconds, django-otp's throttling); a code is
    accepted once only. Not a recorded change: a login is not an edit of the device."""
    from ansinh.accounts.selectors import confirmed_device

    device = confirmed_device(user)
    if device is None:
        raise UserError.single(ErrorCode.NOT_FOUND, "tài khoản chưa bật xác thực hai lớp", field="code")
    _check_code(device, code)
    return device


def _check_code(device, code: str) -> None:
    """Raise unless `code` is the device's current, unused code. django-otp saves the device's
    counters (throttling, last step used) as it checks: not a change worth a history row."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait_until = timezone.localtime(details["locked_until"]).strftime("%H:%M:%S")
        raise UserError.single(ErrorCode.FIELD_INVALID, f"nhập sai nhiều lần; thử lại sau {wait_until}", field="code")
    device.skip_history_when_saving = True
    try:
        right = device.verify_token(_clean_code(code))  # a wrong or malformed code counts as a failure
    finally:
        del device.skip_history_when_saving
    if not right:
        raise UserError.single(ErrorCode.FIELD_INVALID, "mã xác thực không đúng hoặc đã dùng; nhập mã mới trên ứng dụng", field="code")
