"""A NUL character in a form field, a query parameter or a JSON body is refused with 400 naming
the field, before any view runs, so nothing is written (PostgreSQL cannot hold it)."""

import json

from ansinh.accounts.models import ApiToken


def test_a_form_field_with_nul_is_refused_and_nothing_is_written(admin_client):
    before = ApiToken.objects.count()
    response = admin_client.post("/account/tokens/", {"name": "cổng\x00tỉnh"})
    assert response.status_code == 400 and "trường 'name'" in response.content.decode()
    assert ApiToken.objects.count() == before


def test_a_query_parameter_with_nul_is_refused(admin_client):
    response = admin_client.get("/programs/duc-pho-42/overview/", {"area": "a\x00"})
    assert response.status_code == 400 and "trường 'area'" in response.content.decode()


def test_a_json_body_with_nul_gets_the_api_error_shape(admin_client):
    document = {"dataValues": [{"dataElement": "NHA_TAM\u0000", "period": "2026S2", "orgUnit": "21457", "value": "3"}]}
    response = admin_client.post("/api/v1/dataValueSets", json.dumps(document), content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "invalid" and "NUL" in response.json()["message"]


def test_ordinary_requests_pass(admin_client):
    assert admin_client.get("/programs/duc-pho-42/overview/", {"year": "2025"}).status_code == 200
