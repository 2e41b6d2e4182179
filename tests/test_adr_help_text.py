"""`decide ... --help` prints usage for every registered command (tests/test_docs.py checks the texts)."""

from __future__ import annotations

import click

from toolkit.cli import cli


def walk(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, (*path, name))


def test_help_runs_for_every_command(decide):
    for path, command in walk(cli):
        result = decide(*path, "--help")
        assert result.exit_code == 0 and "Usage: decide" in result.stdout, path
        assert (command.help or "").split("\n")[0].split(";")[0][:30] in " ".join(result.stdout.split()), path
