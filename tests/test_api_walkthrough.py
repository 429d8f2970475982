"""The API walk-through of docs/api.md against a real server over HTTP: a commune officer's token
reads the town's 2026 evaluation, writes a value for its commune, is refused for another one;
the documented Python client does the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.live_server import BIN, ROOT, serve_demo


@pytest.fixture(scope="module")
def officer_token(tmp_path_factory):
    for base, database in serve_demo(tmp_path_factory.mktemp("api")):
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
        # The documented set-up: a role, then a token, both from the command line.
        subprocess.run([str(BIN / "ansinh"), "accounts", "grant", "can-bo-nguyen-nghiem", "--role", "commune_officer", "--unit", "21457"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        token = subprocess.run([str(BIN / "ansinh"), "accounts", "token", "can-bo-nguyen-nghiem", "--name", "walk-through"],
                               cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.strip()
        yield base, token


def call(base, token, method, path, body=None, headers=None):
    request = urllib.request.Request(f"{base}/api/v1{path}", method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_read_write_and_be_refused_over_http(officer_token):
    base, token = officer_token
    status, evaluation = call(base, token, "GET", "/programs/duc-pho-42/evaluation?unit=534&year=2026")
    assert status == 200 and len(evaluation["targets"]) == 34 and evaluation["unit"]["name"] == "Thị xã Đức Phổ"
    status, written = call(base, token, "PUT", "/datavalues/NHA_TAM/21457/2026S2", {"value": "3"})
    assert status == 200 and written["created"] == 1
    status, refused = call(base, token, "PUT", "/datavalues/NHA_TAM/21472/2026S2", {"value": "3"})
    assert status == 403 and refused["code"] == "permission_denied" and "không có quyền" in refused["message"]


def test_the_documented_python_client(officer_token):
    base, token = officer_token
    result = subprocess.run([sys.executable, str(ROOT / "docs" / "examples" / "api_client.py"), base, token],
                            capture_output=True, text=True, timeout=120, check=True)
    lines = result.stdout.splitlines()
    assert any("Khó đạt" in line for line in lines)
    assert any("'created'" in line or "'updated'" in line or "'unchanged'" in line for line in lines)
    assert lines[-1].startswith("từ chối: 403 permission_denied")
