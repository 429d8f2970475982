"""Reads of user accounts: the second factor (TOTP) of a user (docs/security.md)."""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice

# The single device name ansinh gives: one authenticator app per user, so that a lost phone is
# one reset, not a hunt through several devices.
DEVICE_NAME = "ansinh"


def confirmed_device(user) -> TOTPDevice | None:
    """The TOTP device that guards this user's login, or None when he has not turned it on."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice | None:
    """The device being set up: its secret is shown until the user confirms it with a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()
