"""What the decision-log site shows of each ADR: relations both ways, git history, prototypes, neighbours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from toolkit.actions.adr_graph import edges
from toolkit.actions.adr_history import DECIDED, revisions_and_rows
from toolkit.actions.adrs import (Related, load_decisions, outgoing, read_options, reverse_seen, shown_path,
                                   to_be_superseded)
from toolkit.errors import DecisionbookError
from toolkit.history import dates
from toolkit.history.plaingit import working_tree
from toolkit.records import files, frontmatter
from toolkit.records.adr import Decision, from_document
from toolkit.records.finding import Finding
from toolkit.workspace import Workspace

# A proposal closes when it is decided, or when it is deprecated or superseded before anyone committed a decision.
CLOSED = (*DECIDED, "deprecated", "superseded")
# The status of a record that had no commit by the day a log is for, or had been deleted by then.
NOT_IN_GIT = "not in git then"  # never committed by that day, committed later, or deleted by then


@dataclass(frozen=True)
class Step:
    """A status the record reached in git: in a commit of which date, by whom."""

    status: str
    date: str | None  # the commit's date as git writes it; None where git cannot write it
    author: str

    @property
    def day(self) -> dt.date | None:
        """The calendar day of the commit; None where it has none (no date, or a year past 9999)."""
        return dates.day(self.date)


@dataclass(frozen=True)
class Entry:
    decision: Decision
    status: str | None  # the status it had at the end of the day the pages are for (see `stood`)
    dated: str | None  # its date field at the end of that day, from the same commit as `status`
    body: str  # the Markdown after the front matter
    related: tuple[Related, ...]
    history: tuple[dict, ...]  # date, commit, author, before, after, subject (oldest first), up to that day
    proposed: Step | None  # first proposed (or first committed) in git; None without history
    decided: Step | None  # first accepted, rejected, deprecated or superseded after that
    prototypes: tuple[dict, ...]  # ref, title, status, recommendation, reason, verdict
    previous: Decision | None
    next: Decision | None

    @property
    def decided_on(self) -> dt.date | None:
        """The day it was decided: in git, or for a record that came into git decided, the earlier day its
        file gives (an adopted folder's record of 2023 was not decided the day it was committed)."""
        if self.decided is None:
            return None
        own = _date(self.dated) if self.proposed is None else None
        return own if own is not None and (self.decided.day is None or own < self.decided.day) else self.decided.day

    def waiting(self, as_of: dt.date) -> int | None:
        """Days an open proposal (by its `status`, of the day the pages are for) has waited by *as_of*: from
        its proposal in git where that commit has a day, else its date field."""
        if self.status not in ("proposed", "draft"):
            return None
        start = (self.proposed.day if self.proposed else None) or _date(self.dated)
        return (as_of - start).days if start and start <= as_of else None  # proposed later: not yet waiting


@dataclass(frozen=True)
class DecisionPages:
    entries: tuple[Entry, ...]  # in record order
    edges: tuple[tuple[str, str, str], ...]  # (from key, relation, to key), each relation once
    unreadable: tuple[Finding, ...]
    audit: object  # toolkit.judge.audit.Audit
    as_of: dt.date
    # Where the statuses come from: "now", the files (`as_of` is today); "git", the last commit by `as_of`;
    # "today", the files, for a past day outside git.
    statuses: str = "now"


def _date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def body(data: bytes) -> str:
    """The Markdown after the front matter (the whole text when there is none)."""
    text = data.decode("utf-8-sig", "replace").replace("\r\n", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def relations(records) -> dict[str, list[Related]]:
    """For each ADR key, its relations from its own side, whichever file records them (as `adr show` does)."""
    found: dict[str, dict[tuple[str, str], str]] = {r.key: {} for r in records}
    by_key: dict[str, Decision] = {}
    for record in records:
        by_key.setdefault(record.key, record)
        for pair in outgoing(record):
            found[record.key][pair] = "here"
    for record in records:
        for relation, key in outgoing(record):
            if key == record.key or key not in found:
                continue
            mine = (reverse_seen(relation, record.key, by_key[key]), record.key)
            if relation == "supersedes" and to_be_superseded(by_key[key], record):
                mine = ("to be superseded by", record.key)
            where = found[key].get(mine)
            found[key][mine] = "both" if where in ("here", "both") else "there"
    return {key: [Related(rel, other, by_key.get(other), where) for (rel, other), where in pairs.items()]
            for key, pairs in found.items()}


def _steps(rows: list[dict]) -> tuple[Step | None, Step | None]:
    if not rows:
        return None, None
    first = next((r for r in rows if r["after"] == "proposed"), rows[0])
    later = rows[rows.index(first):]
    decided = next((r for r in later if r["after"] in CLOSED), None)
    step = lambda r: Step(r["after"] or "unknown", r["date"], r["author"])  # noqa: E731
    if decided is first:  # it came into git decided (a folder adopted, a record written after the fact)
        return None, step(decided)
    return step(first), step(decided) if decided else None


def by_the_day(rows: list[dict], as_of: dt.date) -> list[int]:
    """The indexes of *rows* (a record's history, oldest first) committed on *as_of* or before, by the day
    git wrote (in the offset the commit was made in)."""
    end = dates.day_order(as_of.isoformat())
    return [i for i, row in enumerate(rows) if (day := dates.day_text(row["date"])) and dates.day_order(day) <= end]


def stood(rows: list[dict], as_of: dt.date) -> str | None:
    """The status of the last of *rows* committed on *as_of* or before; NOT_IN_GIT without one, or once deleted."""
    kept = by_the_day(rows, as_of)
    return NOT_IN_GIT if not kept or rows[kept[-1]]["after"] == "deleted" else rows[kept[-1]]["after"]


def _dated_then(ws: Workspace, record: Decision, revision, data: bytes) -> str | None:
    """The date field *record* had in *revision*: today's where the file is as committed then or the revision
    deleted it (nothing tells that day's then); None where that revision cannot be read."""
    if revision.content is None or revision.content == data:
        return record.date
    try:
        doc = frontmatter.parse(revision.content, revision.path)
        return from_document(doc, Path(revision.path), None, read_options(ws)).date
    except DecisionbookError:
        return None


def _prototypes(ws: Workspace, as_of: dt.date):
    """({ADR number: card numbers that name it}, judge(card) -> row, the ledgers as they stood on *as_of*)."""
    from toolkit.actions.triage import as_of_records, judge_card, load_records

    records = load_records(ws)
    # Judged as `decide triage --as-of` judges: each card's status, deadline, criteria and evidence of that day.
    stood = as_of_records(records, as_of, ws)
    evidence = stood.evidence_by_prototype()
    latest = {}
    for verdict in sorted(stood.verdicts, key=lambda v: v.id):
        latest[verdict.prototype] = verdict.verdict
    cards = {card.number: card for card in stood.cards}
    naming: dict[int, list[int]] = {}
    for card in records.cards:
        for number in card.decisions:
            naming.setdefault(number, []).append(card.number)
    judged: dict[int, dict] = {}

    def row(number: int) -> dict:
        if number not in judged:
            card = cards.get(number)
            if card is None:
                later = next((c for c in records.cards if c.number == number), None)
                judged[number] = {"ref": f"P{number}", "title": None, "status": "missing", "recommendation": None,
                                  "reason": "no prototype card with this number", "verdict": None}
                if later is not None:
                    judged[number].update(ref=later.ref, title=later.title, status="not started",
                                          reason=f"started on {later.started}, after {as_of}")
            else:
                judgement = judge_card(card, evidence.get(number, []), as_of, ws.config.keep_threshold)
                judged[number] = {"ref": card.ref, "title": card.title, "status": card.status,
                                  "recommendation": judgement.recommendation, "reason": judgement.reason,
                                  "verdict": latest.get(number)}
        return judged[number]

    return naming, row, stood


def decision_pages(ws: Workspace, as_of: dt.date) -> DecisionPages:
    """Every ADR with what its page in the decision-log site shows; prototypes judged as of *as_of*."""
    from toolkit.judge.audit import audit

    decisions = load_decisions(ws)
    records = decisions.records
    related = relations(records)
    history = revisions_and_rows(ws)
    naming, prototype_row, ledgers = _prototypes(ws, as_of)
    # A past day's statuses are read from git, as its cards are; outside git only today's can be told.
    statuses = "now" if as_of >= dt.date.today() else "git" if history or working_tree(ws.root) is not None else "today"
    entries = []
    for index, record in enumerate(records):
        rows, revisions = history.get(record.path, ([], []))
        proposed, decided = _steps(rows)
        data = files.read_bytes(record.path, ws.config.max_file_bytes, ws.root, shown_path(ws, record.path))
        status, dated, shown = record.status, record.date, rows
        if statuses == "git":
            # The page of a past day shows the status, date field and commits of that day, not later ones.
            kept = by_the_day(rows, as_of)
            shown = [rows[i] for i in kept]
            status = stood(rows, as_of)
            # Without a commit by then the file's date is the only one known, as on the timeline.
            dated = _dated_then(ws, record, revisions[kept[-1]], data) if kept else record.date
        numbers = dict.fromkeys(record.prototypes)
        numbers.update(dict.fromkeys(naming.get(record.number, ()) if record.number is not None else ()))
        entries.append(Entry(
            decision=record,
            status=status,
            dated=dated,
            body=body(data),
            related=tuple(related[record.key]),
            history=tuple(shown),
            proposed=proposed,
            decided=decided,
            prototypes=tuple(prototype_row(n) for n in numbers),
            previous=records[index - 1] if index else None,
            next=records[index + 1] if index + 1 < len(records) else None,
        ))
    return DecisionPages(tuple(entries), tuple(edges(decisions)), decisions.unreadable,
                         audit(ledgers.verdicts, ledgers.effort), as_of, statuses)
