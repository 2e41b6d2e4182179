"""Appending effort and evidence, checked first so a refused entry writes nothing; reading, listing and retracting."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from toolkit.actions.prototypes import card_path, parse_date, parse_ref
from toolkit.errors import DecisionbookError
from toolkit.records import files, ledger, prototype
from toolkit.records.criteria import parse_number, parse_value
from toolkit.records.finding import Finding
from toolkit.records.ledger import Effort, Evidence, LedgerRead, Meeting, Retraction, Verdict
from toolkit.records.text import one_line
from toolkit.workspace import Workspace, reads_as_path


def _optional(value: str | None, what: str) -> str | None:
    return one_line(value, what) if value is not None else None


def who(ws: Workspace, by: str | None) -> str | None:
    """*by* as given, else git's user.name (else the login name): who records something, one line."""
    from toolkit.history.identity import user_name

    name = by if by is not None else user_name(ws.root)
    return one_line(name, "by") if name is not None else None


def log_effort(
    ws: Workspace,
    ref: str | int,
    hours: str | float,
    date: str | None = None,
    by: str | None = None,
    note: str | None = None,
    force: bool = False,
) -> Effort:
    """Append hours spent on a prototype to the effort ledger (which judging never reads).

    More than `[effort] max_hours_per_entry` (24) in one entry is refused as a likely typo unless *force*;
    more than ledger.MAX_HOURS always.
    """
    number = parse_number(str(hours))
    if number is None:
        raise DecisionbookError(f"hours {hours!r} is not a finite number written in ASCII digits")
    if number < 0:
        raise DecisionbookError(f"hours must not be negative, not {hours}")
    if number == 0:
        raise DecisionbookError(f"hours must be more than 0, not {hours}")
    if number > ledger.MAX_HOURS:
        raise DecisionbookError(f"{number:g} hours is more than one entry may hold "
                                f"({ledger.MAX_HOURS:,.0f} hours), even with --force; log them in several entries")
    limit = ws.config.max_hours_per_entry
    if number > limit and not force:
        raise DecisionbookError(
            f"{number:g} hours in one entry is more than {limit:g} ([effort] max_hours_per_entry); "
            "pass --force if it is right"
        )
    day = parse_date(date, "date") if date is not None else dt.date.today()
    if day > dt.date.today():
        raise DecisionbookError(f"date {day} is in the future; log hours once they are spent")
    card_path(ws, ref)
    entry = Effort(ledger.new_id(), ledger.now(), parse_ref(ref), number, day.isoformat(),
                   who(ws, by), _optional(note, "note"))
    ledger.append(ws.effort_ledger, entry)
    return entry


def _source(ws: Workspace, source: str | None) -> str | None:
    """*source* as reports read it, from the workspace root: a relative path typed in another folder is
    taken from there, as every path a command is given is.

    One that names no file there is kept as typed (it may be a note), unless the root has a file of that
    name, which the reports would then link in its place; one that leads out of the workspace is its
    path from the root.
    """
    here = Path.cwd()
    if source is None or here == ws.root or not reads_as_path(source):
        return source
    typed = Path(os.path.normpath(here / source))
    inside = typed == ws.root or ws.root in typed.parents
    if typed.exists() and inside:
        return typed.relative_to(ws.root).as_posix()
    if not inside:  # outside the workspace: its path from the root still, which no report links
        return Path(os.path.relpath(typed, ws.root)).as_posix()
    at_root = Path(os.path.realpath(ws.root / source))  # what the reports would link
    if ws.root in at_root.parents and at_root.exists():
        raise DecisionbookError(f"--source {source} names no file in {ws.relative(here)}; give the path from here "
                                f"({os.path.relpath(at_root, here)} for the one at the workspace root)")
    return source


def add_evidence(
    ws: Workspace,
    ref: str | int,
    criterion: str,
    value: str,
    unit: str | None = None,
    source: str | None = None,
    note: str | None = None,
    by: str | None = None,
    measured: str | None = None,
    warn: Callable[[str], object] | None = None,
) -> Evidence:
    """Append one measurement for a criterion on the card, stamped with the card's criteria hash now.

    *measured* (YYYY-MM-DD, not after today) is the day the value was taken when that is not today.
    A day before the card's `started` is recorded all the same (a prototype may reuse an earlier
    measurement), and *warn* is told of it, as a likely typo.
    """
    day = parse_date(measured, "measured") if measured is not None else None
    if day is not None and day > dt.date.today():
        raise DecisionbookError(f"measured {day} is in the future")
    by = who(ws, by)  # asks git: done before the lock, so no one waits on it
    path = card_path(ws, ref)
    # The card is locked from its reading to the append, as its edits and verdicts lock it: the measurement is
    # stamped with the criteria an edit at once leaves, and lands before or after a verdict's judging, never during.
    with files.locked(path, ws.relative(path)):
        card = prototype.read(path, ws.config.max_file_bytes, ws.root)
        found = card.criterion(criterion)
        if found is None:
            known = ", ".join(c.id for c in card.criteria) or "none yet; add one with `decide criterion add`"
            raise DecisionbookError(f"{card.ref} has no criterion {criterion!r} (criteria: {known})")
        entry = Evidence(
            ledger.new_id(), ledger.now(), card.number, criterion, parse_value(value, found.yes_no, criterion),
            _optional(unit, "unit"), _source(ws, _optional(source, "source")), _optional(note, "note"), by,
            card.criteria_hash, found.hash, day.isoformat() if day is not None else None,
        )
        ledger.append(ws.evidence_ledger, entry)
    early = day is not None and card.started is not None and day < card.started
    if early and warn is not None:
        warn(f"measured {day} is before {card.ref} started ({card.started}): a typo? Recorded as given; if the "
             f"day is wrong, `decide evidence retract {entry.id}` and add it again")
    return entry


def _name(ws: Workspace, path) -> str:
    return ws.relative(path)


def read_retractions(ws: Workspace) -> LedgerRead:
    return ledger.read(ws.retraction_ledger, Retraction, _name(ws, ws.retraction_ledger), ws.root)


def _counted(ws: Workspace, name: str, read: LedgerRead) -> LedgerRead:
    retractions = read_retractions(ws)
    counted = ledger.withdraw(read, (r for r in retractions.entries if r.ledger == name))
    if retractions.unreadable:  # the entries it retracts would count again: what is read is not whole
        return replace(counted, unreadable=counted.unreadable + retractions.unreadable)
    return counted


def require_whole(*reads: LedgerRead, until: str = "nothing is judged") -> None:
    """Refuse, naming the ledger, when one of *reads* could not be read at all (or its retractions could not):
    a judgement on the rest would be a wrong one, as a retracted value would count again. *until* says what
    waits for it."""
    for read in reads:
        for finding in read.unreadable:
            raise DecisionbookError(f"{finding.message}; {until} until it can be read", finding.path)


def read_effort(ws: Workspace) -> LedgerRead:
    """The effort entries that count; retracted ones are in `withdrawn`."""
    return _counted(ws, "effort", ledger.read(ws.effort_ledger, Effort, _name(ws, ws.effort_ledger), ws.root))


def read_evidence(ws: Workspace) -> LedgerRead:
    """The evidence entries that count; retracted ones are in `withdrawn`."""
    return _counted(ws, "evidence", ledger.read(ws.evidence_ledger, Evidence, _name(ws, ws.evidence_ledger), ws.root))


_READERS = {"effort": read_effort, "evidence": read_evidence}


def _row(entry, retraction: Retraction | None) -> dict:
    row = json.loads(entry.to_json())
    row["ref"] = f"P{entry.prototype}"
    if isinstance(entry, Evidence):
        row["date"] = entry.day.isoformat()
        row["value"] = ("yes" if entry.value else "no") if isinstance(entry.value, bool) else entry.value
    row["retracted"] = retraction is not None
    row["retraction"] = (
        {"id": retraction.id, "at": retraction.at, "reason": retraction.reason, "by": retraction.by}
        if retraction else None
    )
    return row


def list_entries(ws: Workspace, name: str) -> tuple[list[dict], tuple[Finding, ...], tuple[Finding, ...]]:
    """Every entry of ledger *name* ("effort" or "evidence") in id order, retracted ones marked; the bad lines;
    and the ledgers that could not be read at all (it, or the retractions), whose entries the rows lack."""
    read = _READERS[name](ws)
    pairs = [(e, None) for e in read.entries] + [(w.entry, w.retraction) for w in read.withdrawn]
    pairs.sort(key=lambda pair: pair[0].id)
    rows = [_row(entry, retraction) for entry, retraction in pairs]
    return rows, read.problems + read_retractions(ws).problems, read.unreadable


def retract(ws: Workspace, name: str, ident: str, reason: str, by: str | None = None) -> Retraction:
    """Append a retraction of entry *ident* of ledger *name*; the entry stays, but no longer counts."""
    reason = one_line(reason, "reason")
    ident = ident.strip().upper()
    path = ws.effort_ledger if name == "effort" else ws.evidence_ledger
    missing = DecisionbookError(f"no {name} entry {ident} (`decide {name} list` shows the ids)", _name(ws, path))
    if not ws.retraction_ledger.parent.is_dir():
        raise missing  # no folder of ledgers: no entry, and no lock to take
    by = who(ws, by)  # asks git: done before the lock, so no one waits on it
    # The retractions are locked from the check to the append: of retractions of one entry at once, one is
    # recorded and the others refused, as when given one after another.
    with files.locked(ws.retraction_ledger, _name(ws, ws.retraction_ledger)):
        read = _READERS[name](ws)
        for withdrawn in read.withdrawn:
            if withdrawn.entry.id == ident:
                earlier = withdrawn.retraction
                raise DecisionbookError(f"{name} entry {ident} was already retracted on {earlier.day}: "
                                        f"{earlier.reason}")
        entry = next((e for e in read.entries if e.id == ident), None)
        if entry is None:
            raise missing
        retraction = Retraction(ledger.new_id(), ledger.now(), entry.prototype, name, ident, reason, by)
        ledger.append(ws.retraction_ledger, retraction)
    return retraction


def read_verdicts(ws: Workspace) -> LedgerRead:
    return ledger.read(ws.verdict_ledger, Verdict, _name(ws, ws.verdict_ledger), ws.root)


def read_meetings(ws: Workspace) -> LedgerRead:
    return ledger.read(ws.meeting_ledger, Meeting, _name(ws, ws.meeting_ledger), ws.root)
