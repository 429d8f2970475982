"""Production refuses the development secret key and DEBUG."""

import os
import subprocess
import sys

import pytest


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {key: value for key, value in os.environ.items() if not key.startswith("ANSINH_")}
    return subprocess.run(
        [sys.executable, "-c", "import ansinh.settings"], env={**base, **env}, capture_output=True, text=True
    )


@pytest.mark.parametrize("key", [None, "", "short"])
def test_production_without_its_own_strong_key_refuses_to_start(key):
    env = {"ANSINH_ENV": "production", "ANSINH_DEBUG": "false"}
    if key is not None:
        env["ANSINH_SECRET_KEY"] = key
    result = _import_settings(env)
    assert result.returncode != 0
    assert "ANSINH_SECRET_KEY" in result.stderr


def test_production_with_debug_on_refuses_to_start():
    result = _import_settings({"ANSINH_ENV": "production", "ANSINH_SECRET_KEY": "x" * 50, "ANSINH_DEBUG": "true"})
    assert result.returncode != 0


def test_production_with_its_own_key_and_debug_off_starts():
    result = _import_settings({"ANSINH_ENV": "production", "ANSINH_SECRET_KEY": "x" * 50, "ANSINH_DEBUG": "false"})
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_with_production_settings():
    env = {"ANSINH_ENV": "production", "ANSINH_SECRET_KEY": "k" * 20 + "-production-secret-" + "z" * 20, "ANSINH_DEBUG": "false"}
    base = {key: value for key, value in os.environ.items() if not key.startswith("ANSINH_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**base, **env}, capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
