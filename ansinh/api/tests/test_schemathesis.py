"""Property-based tests of the API against its own OpenAPI schema (schemathesis): generated
requests to every operation, valid and invalid, as a system administrator. Zero server errors
(5xx) are allowed; every response must be documented in the schema (status code, content type,
body shape), and invalid requests must be refused. Bounded: a fixed number of examples
per operation (SCHEMATHESIS_EXAMPLES), so the run takes seconds, not minutes."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from ansinh.wsgi import application

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "12"))
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def same_connection():
    """Requests through the WSGI application would close the database connection at their end
    (Django's request signals), and with it the test's transaction on PostgreSQL; Django's own test
    client disconnects those signals the same way."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def admin_token(db, same_connection):
    from django.contrib.auth import get_user_model

    from ansinh.accounts.actions import do_create_api_token

    return do_create_api_token(name="schemathesis", acting_user=get_user_model().objects.get(username="admin"))[1]


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_request_makes_the_server_fail(case, admin_token):
    # Every check but "schema-valid data is accepted": a well-formed request naming a data element
    # or a unit that does not exist is rightly refused with 400/404, which that check counts as wrong.
    case.call_and_validate(headers={"Authorization": f"Bearer {admin_token}"}, excluded_checks=[positive_data_acceptance])
