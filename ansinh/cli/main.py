"""The `ansinh` command line: thin wrappers over the Python API (docs/cli.md).

Every command has --help with an example. Django is set up once, before any command runs;
commands call selectors/actions and print either Vietnamese text or --json.
"""

from __future__ import annotations

import click

from ansinh.cli.common import CONTEXT_SETTINGS, setup_django


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="ansinh")
def cli() -> None:
    """ansinh: chương trình hành động an sinh xã hội (Nghị quyết 42-NQ/TW) dưới dạng dữ liệu.

    \b
    Example:
      ansinh program show duc-pho-42 --json
    """
    setup_django()


def _register() -> None:
    from ansinh.cli import (
        commands_accounts,
        commands_analytics,
        commands_backup,
        commands_data,
        commands_demo,
        commands_indicators,
        commands_program,
        commands_progress,
        commands_report,
        commands_tasks,
        commands_units,
    )

    modules = (
        commands_units, commands_indicators, commands_program, commands_data, commands_tasks,
        commands_analytics, commands_progress, commands_report, commands_demo, commands_accounts,
    )
    for module in modules:
        cli.add_command(module.group)
    cli.add_command(commands_analytics.evaluate)
    cli.add_command(commands_backup.backup)
    cli.add_command(commands_backup.restore)


_register()


def main() -> None:
    cli(prog_name="ansinh")


if __name__ == "__main__":
    main()
