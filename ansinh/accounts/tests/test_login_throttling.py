"""Password guessing: after five wrong passwords for one account from one address, the login is
locked out (HTTP 429, a Vietnamese page) even with the right password; other accounts are not."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

from ansinh.demo.setup import DEMO_ADMIN


def attempt(client, password, username=DEMO_ADMIN[0]):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7")


def test_five_wrong_passwords_lock_the_account_from_that_address(db):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "doan-mo").status_code == 200  # the form again, with its message
    locked = attempt(client, "doan-mo")
    assert locked.status_code == 429 and "Tạm khóa đăng nhập" in locked.content.decode()
    assert attempt(client, DEMO_ADMIN[1]).status_code == 429  # even the right password now
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(db):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "doan-mo")
    assert attempt(client, DEMO_ADMIN[1]).status_code == 302
    client.logout()
    assert attempt(client, "doan-mo").status_code == 200  # counting starts again


def test_another_account_is_not_locked_by_someone_elses_failures(db):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("can-bo", password="mat-khau-rieng-2026")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "doan-mo")
    assert attempt(client, "mat-khau-rieng-2026", username="can-bo").status_code == 302
