"""Writes of user accounts. Roles and scopes come with the permission policy (issue 10)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction


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
