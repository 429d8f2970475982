"""Shared test set-up: the demo installation is built once per test database (through the real
actions, like `make run`), and every test runs in a transaction rolled back afterwards."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from ansinh.demo.setup import setup_demo

    with django_db_blocker.unblock():
        setup_demo()


@pytest.fixture
def acting_user(db):
    from ansinh.accounts.actions import get_or_create_system_user

    return get_or_create_system_user("test-runner")


@pytest.fixture
def admin_client(client, db):
    from ansinh.demo.setup import DEMO_ADMIN

    from django.http import HttpRequest

    # A request, as the login throttling backend (django-axes) needs one to count attempts.
    assert client.login(request=HttpRequest(), username=DEMO_ADMIN[0], password=DEMO_ADMIN[1])
    return client


def _user_with_role(username: str, role: str, unit_code: str | None, on: str, agency: str = ""):
    from datetime import date

    from django.contrib.auth import get_user_model

    from ansinh.accounts.models import RoleAssignment
    from ansinh.orgunits.selectors import get_unit

    user = get_user_model().objects.create_user(username=username, password="mat-khau-thu-nghiem-2026")
    unit = get_unit(unit_code, date.fromisoformat(on)) if unit_code else None
    RoleAssignment.objects.create(user=user, role=role, unit=unit, agency=agency)
    return user


@pytest.fixture
def commune_officer(db):
    """Officer of xã Nguyễn Nghiêm (21457), a unit of the 2025 reform."""
    return _user_with_role("can-bo-nguyen-nghiem", "commune_officer", "21457", "2026-01-01")


@pytest.fixture
def other_commune_officer(db):
    return _user_with_role("can-bo-khanh-cuong", "commune_officer", "21472", "2026-01-01")


@pytest.fixture
def province_approver(db):
    """Approves the reports of Quảng Ngãi's communes (after 2025 the province is the level above)."""
    return _user_with_role("duyet-quang-ngai", "approver", "51", "2026-01-01")


@pytest.fixture
def town_approver(db):
    """Approver of thị xã Đức Phổ, for the periods before the reform."""
    return _user_with_role("duyet-duc-pho", "approver", "534", "2024-06-01")


@pytest.fixture
def health_officer(db):
    return _user_with_role("can-bo-y-te", "agency_officer", "51", "2026-01-01", agency="Trung tâm Y tế")


@pytest.fixture
def viewer(db):
    return _user_with_role("nguoi-xem", "viewer", None, "2026-01-01")
