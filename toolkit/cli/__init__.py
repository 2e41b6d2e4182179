"""The `decide` command: assembles the click groups and maps errors to exit codes in one place."""

from __future__ import annotations

import click

from toolkit import __version__
from toolkit.errors import DecisionbookError


class Group(click.Group):
    """A click group that turns DecisionbookError into `path:line: error: message` and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DecisionbookError as exc:
            where = ""
            if exc.path is not None:
                where = f"{exc.path}:{exc.line}: " if exc.line is not None else f"{exc.path}: "
            click.echo(f"{where}error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            name = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"{name}error: {exc.strerror or exc}", err=True)
            ctx.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="decide")
def cli():
    """Decision records, design reviews and keep-or-discard triage, kept as plain files in git."""


def _register():
    from toolkit.cli import adr, check, proto, report, workspace

    for command in (
        workspace.init,
        adr.adr,
        check.check,
        proto.proto,
        proto.criterion,
        proto.effort,
        proto.evidence,
        proto.triage,
        proto.keep,
        proto.iterate,
        proto.discard,
        proto.audit,
        report.report,
        report.demo,
        report.lab,
    ):
        cli.add_command(command)


_register()


def main(args=None, prog_name="decide"):
    cli.main(args=args, prog_name=prog_name)
