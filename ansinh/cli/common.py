"""Helpers shared by the `ansinh` commands: Django set-up, JSON output, error printing, the
acting user. Kept apart from main.py so that command modules never import the CLI root."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ansinh.settings")
    import django

    django.setup()
    from django.utils import translation

    translation.activate(os.environ.get("ANSINH_LANGUAGE", "vi"))


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def user_errors(func: Callable) -> Callable:
    """Print a UserError as located Vietnamese lines on stderr and exit 1; no traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ansinh.core.errors import UserError

        try:
            return func(*args, **kwargs)
        except UserError as error:
            click.echo(f"Lỗi ({len(error.problems)}):", err=True)
            for problem in error.problems:
                click.echo(f"  {problem}", err=True)
            sys.exit(1)

    return wrapper


def cli_user():
    """The user CLI writes are attributed to: $ANSINH_USER, else the system account 'ansinh-cli'."""
    from ansinh.accounts.actions import get_or_create_system_user

    return get_or_create_system_user(os.environ.get("ANSINH_USER", "ansinh-cli"))
