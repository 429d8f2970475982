"""An unreachable database answers 503 with Retry-After and a Vietnamese "try again" (JSON in
the API's error shape), any other unexpected error the plain 500 page."""

import json

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from ansinh.web.error_pages import server_error


def answer(path, error):
    try:
        raise error
    except Exception:  # Django calls the handler inside its own except block, as here
        return server_error(RequestFactory().get(path))


def test_a_lost_database_connection_is_a_503_page_saying_to_try_again():
    response = answer("/programs/duc-pho-42/overview/", OperationalError("server closed the connection unexpectedly"))
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Thử lại sau ít phút" in response.content.decode()


def test_in_the_api_it_is_the_api_error_shape():
    response = answer("/api/v1/programs", OperationalError("connection refused"))
    body = json.loads(response.content)
    assert response.status_code == 503 and body["code"] == "unavailable" and "tạm thời không truy cập được" in body["message"]


@pytest.mark.django_db
def test_any_other_error_is_the_plain_server_error_page():
    response = answer("/", ZeroDivisionError())
    assert response.status_code == 500 and "Lỗi hệ thống" in response.content.decode()
