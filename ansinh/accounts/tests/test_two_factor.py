"""Second factor (TOTP): a user turns it on with his app, is then asked for a code after the
password on every page (admin and API sessions included), a code works once, wrong codes slow
down, it is turned off only with a code, an administrator can reset it, and the setting makes it
compulsory for administrators and approvers. Every change is in the audit trail."""

import time

import pytest
from click.testing import CliRunner
from django.http import HttpRequest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ansinh.accounts.actions import do_create_api_token
from ansinh.cli.main import cli

PASSWORD = "mat-khau-thu-nghiem-2026"
OVERVIEW = "/programs/duc-pho-42/overview/"


def code(device):
    """The code the user's app shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def later(device):
    """As if the next 30-second period had come (a used code is refused until then) and the
    slow-down after wrong codes had passed."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, drift=0, throttling_failure_count=0, throttling_failure_timestamp=None)
    device.refresh_from_db()
    return device


def logged_in(user):
    client = Client()
    assert client.login(request=HttpRequest(), username=user.username, password=PASSWORD)
    return client


def enrolled(user):
    """Given a user who has turned two-factor on through the pages; returns his device."""
    client = logged_in(user)
    client.post("/account/two-factor/begin/")
    device = TOTPDevice.objects.get(user=user)
    assert client.post("/account/two-factor/confirm/", {"code": code(device)}).status_code == 302
    device.refresh_from_db()
    return device


def test_turning_it_on_shows_a_qr_code_and_a_secret_and_needs_a_right_code(viewer):
    client = logged_in(viewer)
    assert "Chưa bật" in client.get("/account/two-factor/").content.decode()

    assert client.post("/account/two-factor/begin/").status_code == 302
    page = client.get("/account/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user=viewer)
    assert not device.confirmed
    from base64 import b32encode

    assert b32encode(device.bin_key).decode()[:4] in page  # the secret, to type in by hand
    qr = client.get("/account/two-factor/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<?xml") and b"<svg" in qr.content
    assert qr["Cache-Control"] == "no-store"

    wrong = client.post("/account/two-factor/confirm/", {"code": "000000" if code(device) != "000000" else "111111"})
    assert wrong.status_code == 400 and "mã xác thực không đúng" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    later(device)
    right = client.post("/account/two-factor/confirm/", {"code": code(device)[:3] + " " + code(device)[3:]})
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert "Đang bật" in client.get("/account/two-factor/").content.decode()
    assert client.get("/account/two-factor/qr.svg").status_code == 404  # the secret is no longer shown
    # Who turned it on and when, without the secret itself.
    latest = TOTPDevice.history.model.objects.filter(id=device.pk).order_by("-history_id").first()
    assert latest.history_user == viewer and latest.confirmed and not hasattr(latest, "key")


def test_after_the_password_every_page_asks_for_the_code_first(viewer):
    device = enrolled(viewer)
    client = logged_in(viewer)
    response = client.get(OVERVIEW)
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/verify/?next=")

    wrong = client.post("/account/two-factor/verify/", {"code": "12345", "next": OVERVIEW})
    assert wrong.status_code == 400 and "mã xác thực không đúng" in wrong.content.decode()
    assert client.get(OVERVIEW).status_code == 302

    right = client.post("/account/two-factor/verify/", {"code": code(later(device)), "next": OVERVIEW})
    assert right.status_code == 302 and right["Location"] == OVERVIEW
    assert client.get(OVERVIEW).status_code == 200


def test_a_code_is_accepted_once(viewer):
    device = enrolled(viewer)
    used = code(later(device))
    first = logged_in(viewer)
    assert first.post("/account/two-factor/verify/", {"code": used}).status_code == 302
    second = logged_in(viewer)
    replay = second.post("/account/two-factor/verify/", {"code": used})
    assert replay.status_code == 400
    assert second.get(OVERVIEW).status_code == 302


def test_wrong_codes_slow_further_tries_down(viewer):
    device = enrolled(viewer)
    client = logged_in(viewer)
    client.post("/account/two-factor/verify/", {"code": "abcdef"})
    client.post("/account/two-factor/verify/", {"code": "000"})
    # Two failures: the next try must wait 2 s; even the right code is refused until then.
    refused = client.post("/account/two-factor/verify/", {"code": code(device)})
    assert refused.status_code == 400 and "thử lại sau" in refused.content.decode()
    assert client.get(OVERVIEW).status_code == 302


def test_the_admin_site_asks_for_the_code_too(db):
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_user("quan-tri-2fa", password=PASSWORD, is_staff=True, is_superuser=True)
    enrolled(staff)
    response = logged_in(staff).get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/verify/")


def test_in_the_api_a_session_without_the_code_is_no_login_but_a_token_works(viewer):
    enrolled(viewer)
    client = logged_in(viewer)
    assert client.get("/api/v1/programs").status_code == 401
    _row, token = do_create_api_token(name="cổng tỉnh", acting_user=viewer)
    assert Client().get("/api/v1/programs", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_a_session_without_the_code_cannot_write(commune_officer):
    from ansinh.datavalues.models import DataValue

    enrolled(commune_officer)
    before = (DataValue.objects.count(), DataValue.history.count())
    response = logged_in(commune_officer).post("/data/XA_6THANG/21457/2026S2/", {"action": "save", "value-NHA_TAM": "3", "version-NHA_TAM": "0"})
    assert response.status_code == 302 and "/account/two-factor/verify/" in response["Location"]
    assert (DataValue.objects.count(), DataValue.history.count()) == before


def test_turning_it_off_needs_a_current_code_and_is_recorded(viewer):
    device = enrolled(viewer)
    client = logged_in(viewer)
    client.post("/account/two-factor/verify/", {"code": code(later(device))})
    refused = client.post("/account/two-factor/disable/", {"code": ""})
    assert refused.status_code == 400 and TOTPDevice.objects.filter(user=viewer).exists()
    assert client.post("/account/two-factor/disable/", {"code": code(later(device))}).status_code == 302
    assert not TOTPDevice.objects.filter(user=viewer).exists()
    deleted = TOTPDevice.history.model.objects.filter(id=device.pk, history_type="-").get()
    assert deleted.history_user == viewer
    assert logged_in(viewer).get(OVERVIEW).status_code == 200  # no code asked any more


def test_nobody_can_turn_off_someone_elses_second_factor(viewer, commune_officer):
    device = enrolled(viewer)
    other = logged_in(commune_officer)
    assert other.post("/account/two-factor/disable/", {"code": code(later(device))}).status_code == 400
    assert other.post("/account/two-factor/confirm/", {"code": code(device)}).status_code == 400
    device.refresh_from_db()
    assert device.confirmed and TOTPDevice.objects.filter(user=viewer).count() == 1
    for path in ("/account/two-factor/begin/", "/account/two-factor/confirm/", "/account/two-factor/disable/"):
        anonymous = Client().post(path, {"code": code(device)})
        assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    assert TOTPDevice.objects.filter(user=viewer, confirmed=True).count() == 1


def test_starting_again_while_it_is_on_is_refused(viewer):
    enrolled(viewer)
    client = logged_in(viewer)
    device = TOTPDevice.objects.get(user=viewer)
    client.post("/account/two-factor/verify/", {"code": code(later(device))})
    refused = client.post("/account/two-factor/begin/")
    assert refused.status_code == 400 and "đã bật" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=viewer).count() == 1


def test_the_code_page_never_sends_the_user_to_another_site(viewer):
    device = enrolled(viewer)
    client = logged_in(viewer)
    response = client.post("/account/two-factor/verify/", {"code": code(later(device)), "next": "https://ke-gian.example/"})
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_system_administrator_resets_a_lost_phone_from_the_command_line(viewer):
    device = enrolled(viewer)
    result = CliRunner().invoke(cli, ["accounts", "two-factor-reset", viewer.username])
    assert result.exit_code == 0 and "đã xóa 1" in result.output
    assert not TOTPDevice.objects.filter(user=viewer).exists()
    assert TOTPDevice.history.model.objects.get(id=device.pk, history_type="-").history_change_reason == "cli"
    assert logged_in(viewer).get(OVERVIEW).status_code == 200


def test_the_audit_log_names_the_change_in_vietnamese(viewer, admin_client):
    enrolled(viewer)
    page = admin_client.get("/audit/", {"user": viewer.username}).content.decode()
    assert "thiết bị xác thực hai lớp (TOTP)" in page


@pytest.mark.parametrize("required", [True, False])
def test_when_required_an_approver_must_set_it_up_before_working_and_a_viewer_need_not(settings, town_approver, viewer, required):
    settings.ANSINH_TWO_FACTOR_REQUIRED = required
    approver_page = logged_in(town_approver).get(OVERVIEW)
    if required:
        assert approver_page.status_code == 302 and approver_page["Location"].startswith("/account/two-factor/?next=")
        assert "bắt buộc dùng xác thực hai lớp" in logged_in(town_approver).get("/account/two-factor/").content.decode()
    else:
        assert approver_page.status_code == 200
    assert logged_in(viewer).get(OVERVIEW).status_code == 200


def test_the_admin_site_lists_devices_without_their_secrets(viewer, admin_client):
    device = enrolled(viewer)
    page = admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")
    assert page.status_code == 200 and device.key not in page.content.decode()
