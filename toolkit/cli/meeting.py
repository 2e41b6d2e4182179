"""`decide meeting close`: record that the weekly meeting took place."""

from __future__ import annotations

import click

from toolkit.records.text import visible
from toolkit.cli.output import here
from toolkit.workspace import open_workspace


@click.group()
def meeting():
    """The weekly keep-or-discard meeting, kept in prototypes/meetings.jsonl."""


@meeting.command("close")
@click.option("--date", metavar="DATE", help="The day the meeting took place, YYYY-MM-DD (default: today).")
@click.option("--ended", metavar="HH:MM",
              help="When it ended, that day, local time (default: now; closed on a later day: the start of its day).")
@click.option("--attendee", "attendees", multiple=True, metavar="NAME", help="Who attended; repeatable.")
@click.option("--by", metavar="WHO", help="Who records it (default: git's user.name).")
def meeting_close(date, ended, attendees, by):
    """Record that the meeting took place; list the active prototypes that got no verdict in it.

    The next weekly report counts what was recorded after the meeting ended as new: after this close, or
    from --ended. Closed on a later day without --ended, all of the meeting's day counts as new.
    The weekly report of the meeting's week (and its revealed one) is kept as reports/DATE-meeting-weekly-triage.html.
    """
    from toolkit.actions.meetings import close

    ws = open_workspace()
    result = close(ws, date, attendees, by, ended)
    for problem in result.problems:
        click.echo(visible(str(problem)), err=True)
    entry = result.meeting
    with_whom = f" with {', '.join(entry.attendees)}" if entry.attendees else ""
    click.echo(f"meeting of {entry.date}{with_whom} recorded in {here(ws.meeting_ledger)} ({entry.id})")
    follows = "" if result.after.meeting is entry else f" (it follows {result.after.basis}, the latest one)"
    click.echo(f"the next weekly report counts as new what is recorded {result.after.start}{follows}")
    if entry.reports:
        click.echo(f"kept the weekly report of {result.week} it looked at as {', '.join(entry.reports)}")
    else:
        click.echo(f"no weekly report of {result.week} in {here(ws.reports_dir)}/ to keep with it")
    unread = (f"; {len(result.unreadable)} card(s) could not be read (above), so whether they got one is not known"
              if result.unreadable else "")
    if not result.undecided:
        click.echo(f"every active prototype got a verdict {result.counted}{unread}")
        return
    click.echo(f"{len(result.undecided)} active prototype(s) got no verdict {result.counted}{unread}:")
    for card in result.undecided:
        click.echo(f"  {card.ref}  {visible(card.title)}")
