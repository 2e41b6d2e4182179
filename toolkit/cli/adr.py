"""`decide adr ...`: write, list, show, link and index architecture decision records."""

from __future__ import annotations

import json
import os
import sys

import click

from toolkit.cli.output import format_option, here, workspace_here
from toolkit.cli.types import Day
from toolkit.errors import DecisionbookError
from toolkit.records.text import visible, visible_line

DATE = Day()


def _workspace():
    return workspace_here()


def _label(path) -> str:
    from toolkit.records.adr import file_key

    key = file_key(path.name)
    return f"ADR-{int(key):04d}" if key.isdigit() else key


def _link_pair(text: str) -> tuple[str, str]:
    ref, sep, relation = text.partition(":")
    if not sep or not ref.strip() or not relation.strip():
        raise click.BadParameter(f"{text!r} is not N:RELATION, e.g. 5:relates-to", param_hint="--link")
    return ref.strip(), relation.strip()


@click.group()
def adr():
    """Architecture decision records in the workspace's ADR folder."""


@adr.command("new")
@click.argument("title")
@click.option("--template", metavar="madr|nygard|log4brains|PATH",
              help="Built-in template name, or the path of a team's own template file "
                   "(default: [adr] template in decisionbook.toml, else the form the folder already uses, else madr).")
@click.option("--supersedes", multiple=True, metavar="N", help="An ADR this one supersedes (repeatable); it is marked superseded.")
@click.option("--amends", multiple=True, metavar="N", help="An ADR this one amends (repeatable); it gets an `amended by` link.")
@click.option("--link", "links", multiple=True, metavar="N:RELATION",
              help="Another relation to ADR N, e.g. 5:relates-to (repeatable); N gets the reverse.")
@click.option("--data-change", is_flag=True, help="The decision changes stored data: adds data-change: true and a migration plan section.")
@click.option("--prototype", "prototypes", multiple=True, metavar="P", help="A prototype whose evidence informs this decision: P7, P-0007 or 7 (repeatable).")
@click.option("--date", "day", type=DATE, help="The decision's date (default: today), as YYYY-MM-DD.")
@click.option("--no-edit", is_flag=True, help="Do not open $VISUAL/$EDITOR on the new file.")
@click.option("--force", is_flag=True, help="Supersede an ADR even when another ADR already supersedes it.")
@click.option("--in", "folder", metavar="FOLDER",
              help="Write it in FOLDER, a subfolder of the ADR folder by its path there (a category: security).")
def new(title, template, supersedes, amends, links, data_change, prototypes, day, no_edit, force, folder):
    """Create a new ADR titled TITLE with the next free number and print its path."""
    from toolkit.actions.adrs import new_decision

    result = new_decision(
        _workspace(), title, template=template, supersedes=supersedes, amends=amends,
        links=tuple(_link_pair(text) for text in links), data_change=data_change,
        prototypes=prototypes, date=day, force=force, folder=folder,
    )
    click.echo(here(result.path))
    for path in result.updated:
        click.echo(f"updated {here(path)}", err=True)
    if result.note:
        click.echo(visible(result.note), err=True)
    for older in result.pending:
        click.echo(f"{older.label} will be marked superseded when {_label(result.path)} is accepted", err=True)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not no_edit and editor and sys.stdin.isatty():
        try:
            click.edit(filename=str(result.path))
        except click.ClickException as exc:
            # An editor this machine lacks, or one that exits non-zero: the record stays, and is named.
            detail = exc.message.removeprefix(f"{editor}: ")
            raise DecisionbookError(f"the record is written, but the editor ({editor}) failed: {detail}",
                                    result.path) from None


@adr.command("list")
@click.option("--status", help="Only ADRs with this status, e.g. accepted.")
@format_option()
def list_(status, fmt):
    """List the ADRs: number, title, status, date and path."""
    from toolkit.actions.adr_list import adr_listing

    from toolkit.workspace import missing_adr_dir

    ws = _workspace()
    text, error = adr_listing(ws, status, fmt)
    click.echo(text)
    if (missing := missing_adr_dir(ws)) is not None:
        click.echo(f"warning: {visible(missing)}", err=True)
    if error is not None:
        raise error


def _show_text(shown) -> str:
    record = shown.decision
    # One field a line: a title or status broken over lines (a list's `"x\nstatus: Accepted"`) could forge another.
    lines = [f"{record.label}: {visible_line(record.title or '(no title)')}"]
    lines.append(f"status: {visible_line(record.status_raw or '(none)')}")
    for name, value in (("date", record.date), ("path", shown.path), ("form", record.form)):
        if value:
            lines.append(f"{name}: {visible_line(str(value))}")
    for name, people in (("decision-makers", record.decision_makers), ("consulted", record.consulted),
                         ("informed", record.informed)):
        if people:
            lines.append(f"{name}: {visible_line(', '.join(people))}")
    if record.data_change:
        lines.append("data-change: true")
    if shown.related:
        lines.append("links:")
        for item in shown.related:
            other = item.decision
            what = (f"{other.label}: {visible_line(other.title or '')} ({other.status or '?'})" if other
                    else f"ADR {item.key} (missing)")
            lines.append(f"  {item.relation} {what}  [recorded {item.recorded}]")
    if shown.prototypes:
        lines.append("prototypes:")
        for number, title in shown.prototypes:
            lines.append(f"  P{number}" + (f": {visible_line(title)}" if title else " (no card)"))
    return "\n".join(lines)


@adr.command("show")
@click.argument("n")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="text for people, json for machines.")
def show(n, fmt):
    """Show ADR N with its links resolved both ways and the prototypes that inform it."""
    from toolkit.actions.adrs import show as show_decision

    shown = show_decision(_workspace(), n)
    if fmt == "json":
        click.echo(json.dumps(shown.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(_show_text(shown))


@adr.command("status")
@click.argument("n")
@click.argument("status")
@click.option("--date", "day", type=DATE, help="The date to stamp (default: today), as YYYY-MM-DD.")
@click.option("--force", is_flag=True, help="Allow a transition outside proposed -> accepted|rejected, accepted -> deprecated|superseded, rejected -> proposed, superseding an ADR that another already supersedes, and accepting an ADR the review gate refuses.")
@click.option("--by", metavar="M", help="With superseded: the ADR that supersedes N (it gets a `supersedes` link).")
def status(n, status, day, force, by):
    """Set the STATUS of ADR N and stamp the date. STATUS is draft, proposed, accepted, rejected, deprecated or
    superseded, or a word the team writes for one (declined), written in the case the record writes its status."""
    from toolkit.actions.adrs import change_status
    from toolkit.records import folder_index

    result = change_status(_workspace(), n, status, date=day, force=force, by=by)
    if not result.changed and result.decision.status == result.status:
        successor = f" by ADR {result.decision.superseded_by}" if result.decision.superseded_by and \
            result.status == "superseded" else ""
        click.echo(f"{result.decision.label} is already {result.status}{successor}; nothing changed")
        return
    kept = f" (its date, {result.decision.date}, kept)" if result.decision.date else ""
    click.echo(f"{result.decision.label}: {result.decision.status or '(none)'} -> {result.status}"
               + (f" ({result.date})" if result.date else kept))
    for path in result.changed:
        if path.name == folder_index.NAME:  # a status kept in the folder's list of records, not on the page
            click.echo(f"updated {here(path)}")
    if result.dropped:
        click.echo(f"warning: {here(result.decision.path)}: {result.decision.label} no longer names "
                   f"{visible(', '.join(result.dropped))}; its old status did", err=True)
    if result.unlinked is not None:
        click.echo(f"updated {here(result.unlinked.path)}: {result.unlinked.label} no longer supersedes "
                   f"{result.decision.label}")
    if result.still_linked is not None:
        successor, line = result.still_linked
        click.echo(f"warning: {here(successor.path)}{f':{line}' if line else ''}: {successor.label} still says it "
                   f"supersedes {result.decision.label}, in words of its own; change them by hand", err=True)


@adr.command("approve")
@click.argument("n")
@click.option("--by", metavar="NAME", help="Who approves (default: git's user.name, else the login name).")
@click.option("--date", "day", type=DATE, help="The date of the approval (default: today), as YYYY-MM-DD.")
def approve(n, by, day):
    """Record an approval of ADR N's current text: who, the date and a hash of the text."""
    from toolkit.actions.adr_review import approve as record_approval

    result = record_approval(_workspace(), n, by=by, date=day)
    note = "" if result.changed else " (already recorded)"
    click.echo(f"{result.decision.label}: approved by {visible(result.by)} on {result.date} ({result.content}){note}")
    if not result.counted:
        makers = ", ".join(result.decision.decision_makers)
        click.echo(f"warning: {visible(result.by)} is not one of its decision-makers ({visible(makers)}): the approval "
                   "is recorded but does not count toward sign-off; --by names the approver", err=True)


@adr.command("link")
@click.argument("n")
@click.argument("relation")
@click.argument("m")
@click.option("--reverse", metavar="RELATION",
              help="The relation to record on M, for relations decisionbook does not know (e.g. clarifies / clarified-by).")
def link(n, relation, m, reverse):
    """Record that ADR N RELATION ADR M, such as `5 amends 3`, and the reverse relation on M."""
    from toolkit.actions.adrs import link as link_decisions

    changed = link_decisions(_workspace(), n, relation, m, reverse=reverse)
    for path in changed:
        click.echo(f"updated {here(path)}")
    if not changed:
        click.echo("nothing to do: the link is already recorded")


@adr.command("index")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the index is out of date (for CI).")
def index(check):
    """Write the table of ADRs into the ADR folder's index (a new README.md where it has none)."""
    from toolkit.actions.adr_index import index as write_index

    result = write_index(_workspace(), check=check)
    if check:
        click.echo(f"{here(result.path)}: index is up to date")
    else:
        click.echo(f"{'updated' if result.changed else 'unchanged'} {here(result.path)}")


@adr.command("graph")
@click.option("--format", "fmt", type=click.Choice(("dot", "mermaid")), default="dot", show_default=True,
              help="Graphviz dot, or Mermaid for Markdown that renders it.")
def graph(fmt):
    """Print the supersedes / amends / other links between ADRs as Graphviz dot or Mermaid."""
    from toolkit.actions.adr_graph import graph as draw

    click.echo(draw(_workspace(), fmt))
