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

    assert client.login(username=DEMO_ADMIN[0], password=DEMO_ADMIN[1])
    return client
