"""The weekly meeting as a record: close it (a line in prototypes/meetings.jsonl), find the previous one, and
the window of what came after it."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from toolkit.actions.ledgers import read_meetings, who
from toolkit.actions.prototypes import parse_date
from toolkit.actions.triage import Records, as_of_records, load_records
from toolkit.errors import DecisionbookError
from toolkit.records import atomic, files, ledger
from toolkit.records.finding import Finding
from toolkit.records.ledger import Meeting
from toolkit.records.prototype import Prototype
from toolkit.records.text import one_line
from toolkit.workspace import Workspace, iso_week

# Without a meeting or --since, "since" means the week before the report.
DEFAULT_DAYS = 7
REPORT_LIMIT = 64 * 1024 * 1024  # bytes: a weekly report, charts and all, is a small fraction of it
_TIME = re.compile(r"^\d{2}:\d{2}$")


@dataclass(frozen=True)
class Window:
    """What counts as new after a meeting (or from --since, or in the week before a report): the one rule that
    the weekly report and `decide meeting close` share.

    An entry is new when recorded after the meeting ended: at the moment it was closed, when closed on its own
    day; at the time given with --ended; else (closed on a later day without one) from the start of its day,
    so what cannot be placed is shown again rather than never. Cards say only the day they started (see
    `opened`).
    """

    first: dt.date  # the first day an entry can be recorded, or a card started, and be new
    basis: str  # where it starts: the meeting of DATE, DATE (--since), or the last 7 days
    start: str  # the start in words, exact to the second where a moment is known
    after: dt.datetime | None = None  # new from this moment on; None: from the start of `first`
    tie: str = ""  # within `after`'s second, entries whose ids sort after this one are new
    meeting: Meeting | None = None

    def is_new(self, at: str, ident: str = "") -> bool:
        if self.after is None:
            return at[:10] >= self.first.isoformat()  # the day in the offset it was recorded in, as everywhere
        moment = dt.datetime.fromisoformat(at)
        return moment > self.after or moment == self.after and ident > self.tie

    @property
    def judged_on(self) -> dt.date:
        """The day whose judgement is the state before the window: a deadline passes at the end of its day."""
        return self.after.date() if self.after is not None else self.first - dt.timedelta(days=1)

    def span(self, as_of: dt.date) -> str:
        return f"Changes recorded {self.start} to the end of {as_of.isoformat()}."

    def opened(self, records: Records, as_of: dt.date) -> list[Prototype]:
        """The cards opened in the window: started on its first day or later, with nothing recorded for them
        before it began. A card says only the day it started: a ledger entry tells that it was there earlier."""
        candidates = {c.number: c for c in records.cards if c.started is not None and self.first <= c.started <= as_of}
        if not candidates:
            return []
        evidence = records.evidence_by_prototype()
        seen = {number for number in candidates
                if any(not self.is_new(e.at, e.id) for e in evidence.get(number, ()))}
        seen.update(v.prototype for v in records.verdicts if v.prototype in candidates and not self.is_new(v.at, v.id))
        return [card for number, card in candidates.items() if number not in seen]


def _moment(moment: dt.datetime) -> str:
    return moment.isoformat(sep=" ")


def check_since(since: dt.date | None, as_of: dt.date) -> None:
    """Refuse a *since* after the report's day: its window would be empty and the report would say nothing changed."""
    if since is not None and since > as_of:
        raise DecisionbookError(f"since {since} is after the report's day {as_of}; "
                                f"give a day on or before it (--since, --as-of)")


def window(meeting: Meeting | None, since: dt.date | None, as_of: dt.date) -> Window:
    """The window of a report for *as_of*: from *since* when asked for, else from *meeting*, else the last week."""
    check_since(since, as_of)
    if since is not None:
        return Window(since, f"{since.isoformat()} (--since)", f"from the start of {since.isoformat()} (--since)")
    if meeting is None:
        first = as_of - dt.timedelta(days=DEFAULT_DAYS - 1)
        return Window(first, f"{first.isoformat()}, the last {DEFAULT_DAYS} days (no earlier meeting recorded)",
                      f"from the start of {first.isoformat()}")
    basis = f"the meeting of {meeting.date}"
    if meeting.ended is not None:
        ended = dt.datetime.fromisoformat(meeting.ended)
        return Window(meeting.day, basis, f"from {_moment(ended)} (when the meeting ended)", ended, meeting=meeting)
    if meeting.at[:10] == meeting.date:
        closed = dt.datetime.fromisoformat(meeting.at)
        # `at` has whole seconds: within the same second the ids (ULIDs, milliseconds first) say which came later.
        return Window(meeting.day, basis, f"after {_moment(closed)} (when the meeting was closed)", closed,
                      meeting.id, meeting)
    return Window(meeting.day, basis, f"from the start of {meeting.date} (the meeting's day: it was closed on "
                                      f"{meeting.at[:10]} without the time it ended)", meeting=meeting)


@dataclass(frozen=True)
class Closed:
    meeting: Meeting
    previous: Meeting | None  # the meeting before it: its verdicts are those recorded after that one
    undecided: tuple[Prototype, ...]  # active prototypes of its agenda with no verdict since the previous meeting
    problems: tuple[Finding, ...]
    after: Window  # the window of the next report (after the latest meeting): what it counts as new
    unreadable: tuple[Finding, ...] = ()  # the cards among `problems`: whether they got a verdict is not known
    week: str = ""  # the meeting's ISO week (2026-W44), whose weekly reports it keeps

    @property
    def counted(self) -> str:
        """Since when a verdict counts as given in this meeting, in words: at a first meeting only the last week
        is looked at, so a card decided earlier is listed as undecided, and the words say why."""
        if self.previous is not None:
            return f"since the meeting of {self.previous.date}"
        first = window(None, None, self.meeting.day).first
        return f"in the {DEFAULT_DAYS} days from {first} to {self.meeting.date} (no earlier meeting recorded)"


def previous_meeting(meetings, as_of: dt.date) -> Meeting | None:
    """The last meeting held before *as_of* and recorded by then: the one a report for *as_of* follows.

    A meeting on *as_of* itself is the one the report is for, so it does not count.
    """
    held = [m for m in meetings if m.day < as_of and m.at[:10] <= as_of.isoformat()]
    return max(held, key=lambda m: (m.date, m.id), default=None)


def _ended(day: dt.date, ended: str) -> str:
    try:
        time = dt.time.fromisoformat(ended) if _TIME.match(ended) else None
    except ValueError:
        time = None
    if time is None:
        raise DecisionbookError(f"ended {ended!r} is not a time of day; write HH:MM, e.g. 15:30")
    local = dt.datetime.combine(day, time)
    moment = local.astimezone()  # in the local offset, as `at` is written
    if moment.astimezone().replace(tzinfo=None) != local:  # the clocks jumped over it: it would be read an hour off
        raise DecisionbookError(f"ended {ended} did not happen on {day}: the clocks moved forward over it here; "
                                "give the time the clocks showed")
    if moment > dt.datetime.now(dt.timezone.utc):
        raise DecisionbookError(f"ended {day} {ended} is in the future; close a meeting once it has ended")
    return moment.isoformat(timespec="seconds")


def _keep_reports(ws: Workspace, day: dt.date) -> tuple[str, ...]:
    """Copy the weekly reports of *day*'s week (blind, and revealed where there is one) to files named by the
    meeting's day, which no command writes again: the week's report is written over each time it is rendered,
    and a verdict is traced to what the meeting had on screen. Each copy sits beside its report, so the links
    in it, relative to reports/, still lead to the files."""
    kept = []
    for revealed in (False, True):
        source = ws.weekly_report(day, revealed)
        try:
            data = files.read_bytes(source, REPORT_LIMIT, ws.root, ws.relative(source))
        except FileNotFoundError:
            continue
        copy = source.with_name(f"{day.isoformat()}-meeting-weekly-triage{'-revealed' if revealed else ''}.html")
        # Never written over: one left by a close that stopped before its line was written is taken if the same.
        # A link in its place is no copy: it would show whatever the week's report says later.
        if not atomic.create_exclusive(copy, data) and (
                os.path.islink(copy) or files.read_bytes(copy, REPORT_LIMIT, ws.root, ws.relative(copy)) != data):
            raise DecisionbookError(f"is there already and is not a copy of {ws.relative(source)} as it is now; "
                                    "move it away to close the meeting", ws.relative(copy))
        kept.append(ws.relative(copy))
    return tuple(kept)


def close(ws: Workspace, date: str | dt.date | None = None, attendees=(), by: str | None = None,
          ended: str | None = None) -> Closed:
    """Record that the meeting of *date* (default today) took place, ending at *ended* (HH:MM, default: now),
    with copies of the weekly reports of its week it looked at (`_keep_reports`), and list what got no
    verdict in it.

    "No verdict" means: on its agenda (not opened in the window after it), still active, and no verdict
    recorded in the window after the previous meeting (`window`).
    """
    # Read once: a close running across midnight defaults, checks and judges on one day, not on two.
    today = dt.date.today()
    day = parse_date(date, "date") if date is not None else today
    if day > today:
        raise DecisionbookError(f"date {day} is in the future; close a meeting once it has taken place")
    end = _ended(day, ended) if ended is not None else None
    names = tuple(dict.fromkeys(one_line(a, "attendee (--attendee)") for a in attendees))  # each once, in order
    by = who(ws, by)  # asks git: done before the lock, so no one waits on it
    # Read before the meeting is written: a ledger that cannot be read refuses the close, rather than fail it
    # half done, the meeting recorded and a second close refused.
    records = as_of_records(load_records(ws), today)
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
        kept = _keep_reports(ws, day)  # before the line that names them
        entry = Meeting(ledger.new_id(), ledger.now(), day.isoformat(), names, by, end, kept)
        ledger.append(ws.meeting_ledger, entry)
    since = window(previous, None, day)
    decided = {v.prototype for v in records.verdicts if since.is_new(v.at, v.id)}
    own = window(entry, None, today)
    later = {card.number for card in own.opened(records, today)}  # opened after it: not on its agenda
    # A forgotten meeting closed after a later one: the next report still follows the later one.
    latest = max((*meetings.entries, entry), key=lambda m: (m.date, m.id))
    after = own if latest is entry else window(latest, None, today)
    undecided = tuple(c for c in records.cards if c.status == "active" and c.number not in decided | later)
    return Closed(entry, previous, undecided, meetings.problems + records.problems, after, records.unreadable,
                  iso_week(day))
