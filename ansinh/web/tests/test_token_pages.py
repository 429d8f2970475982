"""The API token page: create (shown once), list with last use, revoke only one's own."""

from django.test import Client
from django.urls import reverse

from ansinh.accounts.models import ApiToken


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_token_is_shown_once_then_listed_by_prefix_and_can_be_revoked(viewer):
    client = logged_in(viewer)
    page = client.post(reverse("web:tokens"), {"name": "cổng thông tin tỉnh"}).content.decode()
    row = ApiToken.objects.get(user=viewer)
    token = next(part for part in page.split("<code class=\"token\">")[1:2]).split("</code>")[0]
    assert token.startswith(row.prefix) and token not in client.get(reverse("web:tokens")).content.decode()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/programs").status_code == 200
    listing = client.get(reverse("web:tokens")).content.decode()
    assert "cổng thông tin tỉnh" in listing and "chưa dùng" not in listing  # its use was recorded
    assert client.post(reverse("web:revoke-token", args=[row.pk])).status_code == 302
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/programs").status_code == 401


def test_a_nameless_token_is_refused_in_vietnamese(viewer):
    response = logged_in(viewer).post(reverse("web:tokens"), {"name": "  "})
    assert response.status_code == 400 and "đặt tên cho khóa API" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_users_token(viewer, commune_officer):
    logged_in(viewer).post(reverse("web:tokens"), {"name": "của người xem"})
    row = ApiToken.objects.get(user=viewer)
    response = logged_in(commune_officer).post(reverse("web:revoke-token", args=[row.pk]))
    assert response.status_code == 404
    row.refresh_from_db()
    assert row.revoked_at is None and row.history.count() == 1


def test_the_token_page_needs_a_login(client, db):
    assert client.get(reverse("web:tokens")).status_code == 302
    assert client.post(reverse("web:tokens"), {"name": "x"}).status_code == 302 and not ApiToken.objects.exists()
