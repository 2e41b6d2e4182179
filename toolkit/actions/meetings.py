"""The weekly meeting as a record: close it (a line in prototypes/meetings.jsonl) and find the previous one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from toolkit.actions.ledgers import read_meetings, who
from toolkit.actions.prototypes import parse_date
from toolkit.actions.triage import as_of_records, load_records
from toolkit.errors import DecisionbookError
from toolkit.records import files, ledger
from toolkit.records.finding import Finding
from toolkit.records.ledger import Meeting
from toolkit.records.prototype import Prototype
from toolkit.records.text import one_line
from toolkit.workspace import Workspace


@dataclass(frozen=True)
class Closed:
    meeting: Meeting
    previous: Meeting | None
    undecided: tuple[Prototype, ...]  # active prototypes with no verdict since the previous meeting
    problems: tuple[Finding, ...]
    unreadable: tuple[Finding, ...] = ()  # the cards among `problems`: whether they got a verdict is not known


def previous_meeting(meetings, as_of: dt.date) -> Meeting | None:
    """The last meeting held before *as_of* and recorded by then: the one a report for *as_of* follows.

    A meeting on *as_of* itself is the one the report is for, so it does not count.
    """
    held = [m for m in meetings if m.day < as_of and m.at[:10] <= as_of.isoformat()]
    return max(held, key=lambda m: (m.date, m.id), default=None)


def close(ws: Workspace, date: str | dt.date | None = None, attendees=(), by: str | None = None) -> Closed:
    """Record that the meeting of *date* (default today) took place, and list what got no verdict in it.

    "No verdict" means: still active, and no verdict recorded since the previous meeting was closed.
    """
    day = parse_date(date, "date") if date is not None else dt.date.today()
    if day > dt.date.today():
        raise DecisionbookError(f"date {day} is in the future; close a meeting once it has taken place")
    names = tuple(one_line(a, "attendee (--attendee)") for a in attendees)
    by = who(ws, by)  # asks git: done before the lock, so no one waits on it
    ws.meeting_ledger.parent.mkdir(parents=True, exist_ok=True)
    # The ledger is locked from the check to the append, so closes at once come out as closes one after
    # another: one a day. Closing is rare and the lock is held for one read and one write, so no day needs its own.
    with files.locked(ws.meeting_ledger, ws.relative(ws.meeting_ledger)):
        meetings = read_meetings(ws)
        same = next((m for m in meetings.entries if m.date == day.isoformat()), None)
        if same is not None:
            raise DecisionbookError(f"the meeting of {day} was closed already, at {same.at}",
                                    ws.relative(ws.meeting_ledger))
        previous = previous_meeting(meetings.entries, day + dt.timedelta(days=1))
        entry = Meeting(ledger.new_id(), ledger.now(), day.isoformat(), names, by)
        ledger.append(ws.meeting_ledger, entry)
    records = as_of_records(load_records(ws), max(day, dt.date.today()))
    first = (day - dt.timedelta(days=6)).isoformat()  # without a previous meeting: the week before
    decided = {v.prototype for v in records.verdicts if (v.id > previous.id if previous else v.at[:10] >= first)}
    undecided = tuple(c for c in records.cards if c.status == "active" and c.number not in decided
                      and (c.started is None or c.started <= day))  # one started later was not on its agenda
    return Closed(entry, previous, undecided, meetings.problems + records.problems, records.unreadable)
