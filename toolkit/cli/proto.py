"""`decide proto|criterion|effort|evidence|triage|keep|iterate|discard|audit`: prototype triage."""

from __future__ import annotations

import json

import click

from toolkit.actions import ledgers, prototypes, triage as triage_actions, verdicts
from toolkit.cli import output
from toolkit.cli.types import AsciiInt
from toolkit.errors import DecisionbookError
from toolkit.judge.sunkcost import hours_text
from toolkit.records.criteria import AGGREGATES
from toolkit.records.prototype import STATUSES
from toolkit.records.text import visible
from toolkit.workspace import open_workspace


def _problems(problems) -> None:
    for problem in problems:
        click.echo(visible(str(problem)), err=True)


def _warning(message: str) -> None:
    click.echo(visible(f"warning: {message}"), err=True)


def _fail_on(unreadable) -> None:
    """End with exit 2 naming the first card that could not be read, after the rest was printed."""
    error = prototypes.unreadable_error(unreadable)
    if error is not None:
        raise error


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return prototypes.parse_date(value, param.name.replace("_", "-"))
    except DecisionbookError as exc:
        raise click.BadParameter(exc.message) from None


as_of_option = click.option(
    "--as-of", callback=_date, metavar="DATE", help="Judge as of this date, YYYY-MM-DD (default: today)."
)


@click.group()
def proto():
    """Prototype cards. P is a prototype reference wherever a command takes one: P7, P-0007 or 7."""


@proto.command("new")
@click.argument("title")
@click.option("--owner", help="Who runs the prototype.")
@click.option("--deadline", metavar="DATE", help="End of the timebox, YYYY-MM-DD.")
@click.option("--timebox", metavar="N[d|w]", help="Timebox from today instead of a deadline, e.g. 10d or 2w.")
@click.option("--branch", help="The git branch holding the prototype's code.")
@click.option("--decision", "decisions", type=AsciiInt(), multiple=True, metavar="N", help="An ADR this prototype informs; repeatable.")
def proto_new(title, owner, deadline, timebox, branch, decisions):
    """Create prototypes/NNNN-slug.md from the card template and print its path."""
    ws = open_workspace()
    path = prototypes.new(ws, title, owner, deadline, timebox, branch, decisions)
    click.echo(output.here(path))


@proto.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only cards with this status.")
@output.format_option()
def proto_list(status, fmt):
    """List prototype cards; one that cannot be read is listed as unreadable, and the command exits 2."""
    rows, problems = prototypes.list_cards(open_workspace(), status)
    output.emit(rows, ["ref", "title", "status", "owner", "deadline", "criteria", "path"], fmt)
    _fail_on(problems)


@proto.command("show")
@click.argument("ref", metavar="P")
@as_of_option
@output.format_option(("table", "json"))
def proto_show(ref, as_of, fmt):
    """Show a card: its hypothesis, criteria states and recommendation. P7, P-0007 or 7."""
    shown, problems = triage_actions.show(open_workspace(), ref, as_of)
    _problems(problems)
    if fmt == "json":
        click.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        return
    click.echo(f"{shown['ref']}  {visible(shown['title'])}  [{shown['status']}]")
    for key in ("owner", "started", "deadline", "branch", "path"):
        if shown[key]:
            click.echo(f"{key}: {visible(str(shown[key]))}")
    if shown["hypothesis"]:
        click.echo(f"hypothesis: {visible(shown['hypothesis'])}")
    click.echo(f"recommendation: {shown['recommendation']} (merit {shown['merit']:.2f}, coverage {shown['coverage']:.2f})")
    click.echo(f"reason: {visible(shown['reason'])}")
    if shown["states"]:
        output.emit(shown["states"], ["criterion", "state", "value", "target", "kill", "must", "weight", "evidence"], "table")
    click.echo(f"effort logged: {hours_text(shown['hours_logged'])} (not used to judge)")


@click.group()
def criterion():
    """Success and kill criteria on a prototype card, fixed before evidence."""


@criterion.command("add")
@click.argument("ref", metavar="P")
@click.argument("criterion_id", metavar="ID")
@click.option("--target", required=True, metavar="EXPR", help='Success condition: "<= 200", "> 0.9", "== 1", or yes / no.')
@click.option("--kill", metavar="EXPR", help="Kill condition in the same form; crossing it recommends discard.")
@click.option("--must", is_flag=True, help="A must-have: keep needs it met, and a passed deadline without it discards.")
@click.option("--weight", metavar="W", help="Weight in merit (default 1).")
@click.option("--metric", metavar="TEXT", help="What is measured, e.g. 'p99 ingest latency (ms)'.")
@click.option("--aggregate", type=click.Choice(AGGREGATES), help="How several values combine (default latest).")
def criterion_add(ref, criterion_id, target, kill, must, weight, metric, aggregate):
    """Add criterion ID to prototype P's card. P7, P-0007 or 7.

    If evidence with this ID was recorded under another definition, a warning says so: triage flags the
    goalposts as moved.
    """
    ws = open_workspace()
    edit = prototypes.add_criterion(ws, ref, criterion_id, target, kill, must, weight, metric, aggregate)
    click.echo(f"{edit.card.ref}: added criterion {criterion_id} ({output.here(edit.card.path)})")
    _moved(edit)


@criterion.command("remove")
@click.argument("ref", metavar="P")
@click.argument("criterion_id", metavar="ID")
def criterion_remove(ref, criterion_id):
    """Remove criterion ID from prototype P's card; its evidence stays in the ledger.

    If evidence was recorded for it, a warning says so: triage flags the goalposts as moved.
    """
    ws = open_workspace()
    edit = prototypes.remove_criterion(ws, ref, criterion_id)
    click.echo(f"{edit.card.ref}: removed criterion {criterion_id} ({output.here(edit.card.path)})")
    _moved(edit)


def _moved(edit) -> None:
    if edit.warning:
        click.echo(visible(f"warning: {edit.warning}"), err=True)


@click.group()
def effort():
    """The effort ledger (shown beside verdicts, never used to judge)."""


# A number such as -3 is an argument to refuse with a clear message, not an unknown option.
NUMBER_ARGUMENTS = {"ignore_unknown_options": True}


@effort.command("log", context_settings=NUMBER_ARGUMENTS)
@click.argument("ref", metavar="P")
@click.argument("hours")
@click.option("--date", metavar="DATE", help="The day the work was done, YYYY-MM-DD (default: today).")
@click.option("--by", metavar="WHO", help="Who did the work (default: git's user.name).")
@click.option("--note", metavar="TEXT", help="What the time went on.")
@click.option("--force", is_flag=True, help="Accept more hours in one entry than [effort] max_hours_per_entry (24).")
def effort_log(ref, hours, date, by, note, force):
    """Append HOURS spent on prototype P to prototypes/effort.jsonl."""
    entry = ledgers.log_effort(open_workspace(), ref, hours, date, by, note, force)
    click.echo(f"P{entry.prototype}: logged {hours_text(entry.hours)} on {entry.date} ({entry.id})")


EFFORT_COLUMNS = ["id", "date", "ref", "hours", "by", "note", "retracted"]
EVIDENCE_COLUMNS = ["id", "date", "ref", "criterion", "value", "unit", "source", "by", "retracted"]


def _list(name: str, columns: list[str], fmt: str) -> None:
    rows, problems, unreadable = ledgers.list_entries(open_workspace(), name)
    _problems(problems)
    if fmt != "json":
        rows = [{**row, "retracted": f"retracted: {row['retraction']['reason']}" if row["retracted"] else ""}
                for row in rows]
    output.emit(rows, columns, fmt)
    if unreadable:  # an empty list would read as an empty ledger: exit 2, as for a card that cannot be read
        click.get_current_context().exit(2)


def _retract(name: str, entry_id: str, reason: str, by: str | None) -> None:
    retraction = ledgers.retract(open_workspace(), name, entry_id, reason, by)
    click.echo(f"P{retraction.prototype}: {name} entry {retraction.retracts} retracted ({retraction.id}); "
               "it stays in the ledger and no longer counts")


@effort.command("list")
@output.format_option()
def effort_list(fmt):
    """List the effort ledger, oldest first; retracted entries are marked."""
    _list("effort", EFFORT_COLUMNS, fmt)


@effort.command("retract")
@click.argument("entry_id", metavar="ID")
@click.option("--reason", required=True, metavar="TEXT", help="Why the entry is wrong: required, one line.")
@click.option("--by", metavar="WHO", help="Who retracts it.")
def effort_retract(entry_id, reason, by):
    """Retract effort entry ID: a line in prototypes/retractions.jsonl; nothing is edited or deleted."""
    _retract("effort", entry_id, reason, by)


@click.group()
def evidence():
    """The evidence ledger."""


@evidence.command("add", context_settings=NUMBER_ARGUMENTS)
@click.argument("ref", metavar="P")
@click.argument("criterion_id", metavar="CRITERION")
@click.argument("value")
@click.option("--unit", metavar="U", help="Unit of the value, e.g. ms.")
@click.option("--source", metavar="URL|PATH", help="Where the measurement comes from; a path from the current folder.")
@click.option("--note", metavar="TEXT", help="Anything the number does not say.")
@click.option("--by", metavar="WHO", help="Who measured it (default: git's user.name).")
@click.option("--measured", metavar="DATE", help="The day the value was taken, YYYY-MM-DD (default: today).")
def evidence_add(ref, criterion_id, value, unit, source, note, by, measured):
    """Append a measured VALUE for CRITERION of prototype P to prototypes/evidence.jsonl."""
    entry = ledgers.add_evidence(open_workspace(), ref, criterion_id, value, unit, source, note, by, measured,
                                 warn=_warning)
    shown = value.strip()
    if entry.unit and not isinstance(entry.value, bool):  # a yes/no has no unit, as the report shows it
        shown += f" {visible(entry.unit)}"
    click.echo(f"P{entry.prototype}: recorded {criterion_id} = {shown} ({entry.id})")


@evidence.command("list")
@output.format_option()
def evidence_list(fmt):
    """List the evidence ledger, oldest first; retracted entries are marked."""
    _list("evidence", EVIDENCE_COLUMNS, fmt)


@evidence.command("retract")
@click.argument("entry_id", metavar="ID")
@click.option("--reason", required=True, metavar="TEXT", help="Why the measurement is wrong: required, one line.")
@click.option("--by", metavar="WHO", help="Who retracts it.")
def evidence_retract(entry_id, reason, by):
    """Retract evidence entry ID: a line in prototypes/retractions.jsonl; nothing is edited or deleted."""
    _retract("evidence", entry_id, reason, by)


TRIAGE_COLUMNS = ["ref", "title", "recommendation", "merit", "coverage", "met", "unmet", "killed", "unmeasured", "reason"]


@click.command()
@as_of_option
@output.format_option()
def triage(as_of, fmt):
    """Recommend keep / iterate / discard for every active prototype, on evidence alone.

    A card that cannot be read is named, its prototype not judged, and the command exits 2.
    """
    ws = open_workspace()
    result = triage_actions.triage(ws, as_of)
    unreadable = set(result.unreadable)
    _problems(p for p in result.problems if p not in unreadable)
    data = triage_actions.as_dict(ws, result)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        output.emit(data["prototypes"], ["ref", "title", "status", "owner", "deadline", *TRIAGE_COLUMNS[2:]], "csv")
    else:
        click.echo(_triage_text(data, result.unreadable))
    _fail_on(result.unreadable)


def _triage_text(data: dict, unreadable) -> str:
    """The triage as text; *unreadable* are the cards that could not be read."""
    # One write for the whole text: 10,000 prototypes print 40,000 lines.
    lines = [f"Triage as of {data['as_of']}: {len(data['prototypes'])} active prototype(s), judged on evidence alone"
             + (f"; {len(unreadable)} card(s) could not be read." if unreadable else ".")]
    for row in data["prototypes"]:
        lines += ["", f"{row['ref']}  {visible(row['title'])}  ->  {row['recommendation']}"
                      f"  (merit {row['merit']:.2f}, coverage {row['coverage']:.2f})", f"  {visible(row['reason'])}"]
        if row["states"]:
            table = output.render(row["states"], ["criterion", "state", "value", "target", "kill", "must", "weight"], "table")
            lines += ["    " + line for line in table.splitlines()]
    if unreadable:
        lines += ["", "Cards that could not be read, so not judged:"]
        lines += [f"  {visible(str(problem))}" for problem in unreadable]
    lines.append("")
    if not data["sunk_cost"]:
        lines.append("Sunk-cost check: nothing to flag.")
    else:
        lines.append("Sunk-cost check (effort appears only here, and only to warn):")
        lines += [f"  ! {warning['kind']}: {visible(warning['message'])}" for warning in data["sunk_cost"]]
    return "\n".join(lines)


def _verdict_report(result) -> None:
    entry = result.entry
    if result.finished:
        click.echo(f"P{entry.prototype}: the {entry.verdict} recorded on {entry.at[:10]} is finished; card status is "
                   f"now {result.card.status}. No second verdict recorded.")
        return
    click.echo(f"P{entry.prototype}: {entry.verdict} recorded; card status is now {result.card.status}.")
    click.echo(f"recommendation at this moment: {result.judgement.recommendation} (merit {result.judgement.merit:.2f})")
    if result.override:
        click.echo(f"this verdict overrides the recommendation ({result.judgement.recommendation}); it is recorded as an override.")
    if result.effort_words:
        _warning(f"the reason speaks of effort ({result.effort_words!r}): a verdict rests on the evidence against the "
                 "criteria, and the effort already spent is sunk; the sunk-cost audit counts this one as given")


reason_option = click.option("--reason", required=True, metavar="TEXT", help="Why: required, one line, kept in the verdict ledger.")
by_option = click.option("--by", metavar="WHO", help="Who decided (default: git's user.name).")


@click.command()
@click.argument("ref", metavar="P")
@reason_option
@by_option
@as_of_option
def keep(ref, reason, by, as_of):
    """Record a keep verdict for prototype P; its card becomes kept."""
    _verdict_report(verdicts.keep(open_workspace(), ref, reason, by, as_of))


@click.command()
@click.argument("ref", metavar="P")
@reason_option
@click.option("--deadline", metavar="DATE", help="A new deadline for the next round, YYYY-MM-DD.")
@by_option
@as_of_option
def iterate(ref, reason, deadline, by, as_of):
    """Record an iterate verdict for prototype P; its card stays active."""
    _verdict_report(verdicts.iterate(open_workspace(), ref, reason, deadline, by, as_of))


@click.command()
@click.argument("ref", metavar="P")
@reason_option
@by_option
@as_of_option
@click.option("--keep-branch", is_flag=True, help="Leave the prototype's branch alone instead of archiving it.")
def discard(ref, reason, by, as_of, keep_branch):
    """Record a discard verdict for prototype P; its card becomes discarded.

    The prototype's branch is tagged archive/<branch> (the reason as message) and deleted;
    `decide proto restore P` brings it back. A branch another card still names is left as it is.
    """
    result = verdicts.discard(open_workspace(), ref, reason, by, as_of, keep_branch)
    _verdict_report(result)
    if result.archived:
        archived = result.archived
        click.echo(f"archived branch {archived.branch} as tag {archived.tag} (at {archived.commit[:12]}); "
                   f"deleted branch {archived.branch}")
    if result.branch_left_for:
        cards = ", ".join(result.branch_left_for)
        click.echo(visible(f"branch {result.card.branch} left as it is: {cards} still "
                           f"{'names' if len(result.branch_left_for) == 1 else 'name'} it"))


@click.command()
@output.format_option()
def audit(fmt):
    """Sunk-cost audit over all verdicts: override rate toward keep by effort quartile."""
    result = verdicts.audit(open_workspace())
    rows = [
        {"quartile": r.quartile, "min_hours": r.min_hours, "max_hours": r.max_hours, "verdicts": r.verdicts,
         "overrides_toward_keep": r.overrides_toward_keep, "rate": r.rate}
        for r in result.rows
    ]
    if fmt == "json":
        click.echo(json.dumps({"quartiles": rows, "verdicts": result.verdicts,
                               "overrides_toward_keep": result.overrides_toward_keep, "conclusion": result.conclusion}, indent=2))
        return
    output.emit(rows, list(rows[0]), fmt)
    if fmt == "table":
        click.echo("")
        click.echo(result.conclusion)
