"""Commands that ask git: `effort git`, `adr history`, `adr renumber`, `check release`, `proto restore`."""

from __future__ import annotations

import json

import click

from toolkit.cli.output import emit, format_option
from toolkit.cli.types import AsciiInt


@click.command("git")
@click.argument("prototype", metavar="[P]", required=False)
@format_option(("table", "json"))
def effort_git(prototype, fmt):
    """Commits, active days, authors and lines on each prototype branch (or P's), beside logged hours.

    Counts only the commits the main branch does not have. Hours come from the effort ledger
    and are never derived from commits; neither is used to judge.
    """
    from toolkit.actions.git_effort import as_text, git_effort
    from toolkit.workspace import open_workspace

    from toolkit.records.text import visible

    result = git_effort(open_workspace(), prototype)
    click.echo(as_text(result, fmt), nl=False)
    for problem in result.problems:
        click.echo(visible(str(problem)), err=True)


@click.command()
@click.argument("number", metavar="N")
@format_option(("table", "json"))
def history(number, fmt):
    """Each commit that changed ADR N (following renames): date, author, status before and after."""
    from toolkit.actions.adr_history import COLUMNS, adr_history, cut_note
    from toolkit.history.dates import day_text
    from toolkit.workspace import open_workspace

    rows = adr_history(open_workspace(), number)
    emit([{**row, "date": day_text(row["date"])} if fmt == "table" else row for row in rows], COLUMNS, fmt)
    if (note := cut_note(rows)) is not None:
        click.echo(f"note: {note}", err=True)


@click.command()
@click.argument("number", metavar="N")
@click.option("--to", "new_number", metavar="M", required=True, type=AsciiInt(1), help="The new, unused number.")
def renumber(number, new_number):
    """Give ADR N (or its file name, when two ADRs share a number) the number M, fixing links to it."""
    from toolkit.actions.renumber import renumber_adr
    from toolkit.workspace import open_workspace

    result = renumber_adr(open_workspace(), number, new_number)
    from toolkit.records.text import visible

    click.echo(visible(f"renamed {result.old} -> {result.new}"))
    for path in result.rewritten:
        click.echo(visible(f"updated links in {path}"))
    for path in result.cards:
        click.echo(visible(f"updated decisions: in {path}"))
    for warning in result.warnings:
        click.echo(visible(f"warning: {warning}"), err=True)


@click.command()
@click.argument("revision_range", metavar="REV_RANGE")
@format_option(("text", "json"), default="text")
@click.option("--per-commit", is_flag=True, help="Check each commit on its own instead of the range as a whole.")
@click.pass_context
def release(ctx, revision_range, fmt, per_commit):
    """Exit 1 if REV_RANGE (A..B) ships a data-format change together with code that uses it.

    Files are data when they match [release] data globs in decisionbook.toml (default: migrations
    folders, *.sql, *.proto, *.avsc, schema files), code when they match [release] code (default:
    everything but docs, tests and the workspace's records). [[release.pairs]] narrows the rule.
    """
    from toolkit.actions.release import check_release, explain
    from toolkit.workspace import open_workspace

    result = check_release(open_workspace(), revision_range, per_commit)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo("\n".join(explain(result)))
    if not result.ok:
        ctx.exit(1)


@click.command()
@click.argument("prototype", metavar="P")
def restore(prototype):
    """Recreate prototype P's branch from its archive/<branch> tag (made by `decide discard`). P7, P-0007 or 7."""
    from toolkit.actions.archive import restore_prototype
    from toolkit.workspace import open_workspace

    result = restore_prototype(open_workspace(), prototype)
    if result.already:
        click.echo(f"branch {result.branch} was already restored at {result.commit[:12]} from tag {result.tag}; "
                   "nothing to do")
    else:
        click.echo(f"branch {result.branch} restored at {result.commit[:12]} from tag {result.tag}")
