"""The `decide` command: assembles the click groups and maps errors to exit codes in one place."""

from __future__ import annotations

import importlib

import click

from toolkit import __version__
from toolkit.errors import DecisionbookError, error_line
from toolkit.records.text import visible  # a file's name may hold a terminal's control characters

# Ctrl-C exits as a shell reports a command SIGINT stopped (128 + 2), never 1, a check that failed (ADR 0214).
INTERRUPTED = 130


def _interrupted() -> click.exceptions.Exit:
    """The exit of a command Ctrl-C stopped: click's words, on the line after the terminal's `^C`, and our code."""
    click.echo("\nAborted!", err=True)
    return click.exceptions.Exit(INTERRUPTED)


class Group(click.Group):
    """A click group that turns DecisionbookError into `path:line: error: message` and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DecisionbookError as exc:
            click.echo(visible(error_line(exc)), err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            click.echo(visible(error_line(exc)), err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            raise _interrupted() from None


# Each command's module is imported only when that command runs, so `decide adr list` pays for
# click and the ADR code, not for the prototype, git or report commands.
COMMANDS = {
    "init": "toolkit.cli.workspace:init",
    "adr": "toolkit.cli.adr:adr",
    "check": "toolkit.cli.check:check",
    "proto": "toolkit.cli.proto:proto",
    "criterion": "toolkit.cli.proto:criterion",
    "effort": "toolkit.cli.proto:effort",
    "evidence": "toolkit.cli.proto:evidence",
    "triage": "toolkit.cli.proto:triage",
    "keep": "toolkit.cli.proto:keep",
    "iterate": "toolkit.cli.proto:iterate",
    "discard": "toolkit.cli.proto:discard",
    "audit": "toolkit.cli.proto:audit",
    "meeting": "toolkit.cli.meeting:meeting",
    "report": "toolkit.cli.report:report",
    "demo": "toolkit.cli.report:demo",
    "lab": "toolkit.cli.report:lab",
}
# Subcommands that live in another module than their group.
ATTACHED = {
    "adr": ("toolkit.cli.git:history", "toolkit.cli.git:renumber"),
    "effort": ("toolkit.cli.git:effort_git",),
    "check": ("toolkit.cli.git:release",),
    "proto": ("toolkit.cli.git:restore",),
}


def _load(spec: str) -> click.Command:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


class Decide(Group):
    """The top-level group: loads each command on first use."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:  # while the top-level options are read, before any command runs
            raise _interrupted() from None

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            command = _load(COMMANDS[name])
            for spec in ATTACHED.get(name, ()):
                command.add_command(_load(spec))
            self.add_command(command, name)
        return self.commands.get(name)


@click.group(cls=Decide, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="decide")
@click.option("-v", "--verbose", is_flag=True, help="Say which workspace folders are used.")
def cli(verbose):
    """Decision records, design reviews and keep-or-discard triage, kept as plain files in git."""


def main(args=None, prog_name="decide"):
    cli.main(args=args, prog_name=prog_name)
