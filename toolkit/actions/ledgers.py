"""Appending effort and evidence, checked first so a refused entry writes nothing; reading the ledgers."""

from __future__ import annotations

import datetime as dt

from toolkit.actions.prototypes import card_path, load, parse_date, parse_ref
from toolkit.errors import DecisionbookError
from toolkit.records import ledger
from toolkit.records.criteria import parse_number, parse_value
from toolkit.records.ledger import Effort, Evidence, LedgerRead, Verdict
from toolkit.records.text import one_line
from toolkit.workspace import Workspace


def _optional(value: str | None, what: str) -> str | None:
    return one_line(value, what) if value is not None else None


def log_effort(
    ws: Workspace,
    ref: str | int,
    hours: str | float,
    date: str | None = None,
    by: str | None = None,
    note: str | None = None,
) -> Effort:
    """Append hours spent on a prototype to the effort ledger (which judging never reads)."""
    number = parse_number(str(hours))
    if number is None:
        raise DecisionbookError(f"hours {hours!r} is not a finite number written in ASCII digits")
    if number <= 0:
        raise DecisionbookError(f"hours must be more than 0, not {hours}")
    day = parse_date(date, "date") if date is not None else dt.date.today()
    card_path(ws, ref)
    entry = Effort(ledger.new_id(), ledger.now(), parse_ref(ref), number, day.isoformat(),
                   _optional(by, "by"), _optional(note, "note"))
    ledger.append(ws.effort_ledger, entry)
    return entry


def add_evidence(
    ws: Workspace,
    ref: str | int,
    criterion: str,
    value: str,
    unit: str | None = None,
    source: str | None = None,
    note: str | None = None,
    by: str | None = None,
) -> Evidence:
    """Append one measurement for a criterion on the card, stamped with the card's criteria hash now."""
    card = load(ws, ref)
    found = card.criterion(criterion)
    if found is None:
        known = ", ".join(c.id for c in card.criteria) or "none yet; add one with `decide criterion add`"
        raise DecisionbookError(f"{card.ref} has no criterion {criterion!r} (criteria: {known})")
    entry = Evidence(
        ledger.new_id(), ledger.now(), card.number, criterion, parse_value(value, found.yes_no, criterion),
        _optional(unit, "unit"), _optional(source, "source"), _optional(note, "note"), _optional(by, "by"),
        card.criteria_hash, found.hash,
    )
    ledger.append(ws.evidence_ledger, entry)
    return entry


def _name(ws: Workspace, path) -> str:
    return ws.relative(path)


def read_effort(ws: Workspace) -> LedgerRead:
    return ledger.read(ws.effort_ledger, Effort, _name(ws, ws.effort_ledger), ws.root)


def read_evidence(ws: Workspace) -> LedgerRead:
    return ledger.read(ws.evidence_ledger, Evidence, _name(ws, ws.evidence_ledger), ws.root)


def read_verdicts(ws: Workspace) -> LedgerRead:
    return ledger.read(ws.verdict_ledger, Verdict, _name(ws, ws.verdict_ledger), ws.root)
