"""What the decision-log site shows of each ADR: relations both ways, git history, prototypes, neighbours."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from toolkit.actions.adr_graph import edges
from toolkit.actions.adr_history import DECIDED, revisions_and_rows
from toolkit.actions.adrs import (Decisions, Related, adr_files, load_decisions, outgoing, read_options,
                                   record_order, reverse_seen, shown_path, to_be_superseded)
from toolkit.errors import DecisionbookError
from toolkit.history import dates
from toolkit.history.plaingit import working_tree
from toolkit.records import files, frontmatter, sidecar
from toolkit.records.adr import Decision, from_document, named_by
from toolkit.records.finding import Finding
from toolkit.workspace import Workspace

# A proposal closes when it is decided, or when it is deprecated or superseded before anyone committed a decision.
CLOSED = (*DECIDED, "deprecated", "superseded")
# The status of a record that had no commit by the day a log is for, or had been deleted by then.
NOT_IN_GIT = "not in git then"  # never committed by that day, committed later, or deleted by then
# What a record named only by its file (not in git that day, or unreadable in its commit of that day) is shown
# with: nothing written in it, so that nothing written later shows on a page of that day.
_NAMED_ONLY = dict(decision_makers=(), consulted=(), informed=(), supersedes=(), superseded_by=None, links=(),
                   prototypes=(), data_change=False)


def outside_git_note(as_of: dt.date) -> str:
    """What a log or review of a past day says of its record outside git, where only today's is known."""
    return (f"The folder is not in git: the record is shown as it is today; how it stood on {as_of.isoformat()} is "
            "not known.")


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
    # How the record is shown: "now", the file as it is (today's log, or a past day's outside git); "then", as
    # the last commit by the day held it; "absent", named only, with no commit by then; "unreadable", named only,
    # that commit's record cannot be read (`problem` says why).
    shown: str = "now"
    problem: str | None = None
    renamed: Decision | None = None  # the record of today, where its file had another name on that day

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
        end = text.find("\n---\n", 3)  # from 3: fields joined from an empty kep.yaml close at once
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


def _path_then(ws: Workspace, record: Decision, revisions: list, revision, taken: set[Path]) -> Path:
    """The path *record*'s file had in *revision*, one of its *revisions* (the last is its file of today); its path
    of today where that name is another record's today (one of the paths *taken*): they would share a page."""
    inside = record.path.relative_to(ws.adr_dir).as_posix()
    # The revisions name files from the top of the repository, which may hold the workspace in a folder.
    then = ws.adr_dir / revision.path.removeprefix(revisions[-1].path.removesuffix(inside))
    return record.path if then in taken else then


def _as_committed(ws: Workspace, record: Decision, revision, today: bytes, options,
                  path: Path) -> tuple[Decision, str, str | None]:
    """*record* as *revision* held it, how it is shown ("then" or "unreadable", see `Entry.shown`) and why it
    cannot be read where it cannot. It is read as today's file is, under *path*, the name its file had then, so
    that its number, its page and the links to it are those of that day."""
    # The file's own name today keeps what the folder gave it beyond its name (a draft numbered 0 known by its name).
    number, key = (record.number, record.key) if path == record.path else named_by(path)
    named = record._replace(key=key, number=number, path=path)
    if revision.content is None:  # a KEP's page and kep.yaml of that commit
        return named._replace(status="unreadable", **_NAMED_ONLY), "unreadable", \
            f"its page and its {sidecar.NAME} as they stood then cannot be read together"
    if revision.content == today and path == record.path:
        return record, "then", None
    limit = ws.config.max_file_bytes
    if limit is not None and len(revision.content) > limit:  # as today's file would be, it is not read
        return named._replace(status="unreadable", **_NAMED_ONLY), "unreadable", \
            files.too_big(len(revision.content), limit).removeprefix("cannot read: ")
    shown = shown_path(ws, path)
    try:
        then = from_document(frontmatter.parse(revision.content, shown), path, shown, options())
    except DecisionbookError as exc:
        where = f"line {exc.line}: " if exc.line else ""
        return named._replace(status="unreadable", **_NAMED_ONLY), "unreadable", where + exc.message
    return then._replace(key=key, number=number), "then", None


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
                                  "reason": "no prototype card with this number", "verdict": None, "path": None}
                if later is not None:
                    judged[number].update(ref=later.ref, title=later.title, status="not started", path=later.path,
                                          reason=f"started on {later.started}, after {as_of}")
            else:
                judgement = judge_card(card, evidence.get(number, []), as_of, ws.config.keep_threshold)
                judged[number] = {"ref": card.ref, "title": card.title, "status": card.status,
                                  "recommendation": judgement.recommendation, "reason": judgement.reason,
                                  "verdict": latest.get(number), "path": card.path}
        return judged[number]

    return naming, row, stood


@dataclass(frozen=True)
class AsOf:
    """A record as the log and the design review of a day show it (see `Entry` for the fields it shares)."""

    decision: Decision
    shown: str
    problem: str | None
    status: str | None
    dated: str | None
    history: tuple[dict, ...]  # its rows up to that day
    body: str
    content: bytes | None  # what it was read from on a past day in git: that commit's (a KEP's page joined to its
    # kep.yaml); None where the file of today is shown, or nothing of it is
    renamed: Decision | None = None  # the record of today, where its file had another name on that day


def _statuses(ws: Workspace, as_of: dt.date, history: dict) -> str:
    """Where the records of *as_of* come from (see `DecisionPages.statuses`)."""
    # A past day's statuses are read from git, as its cards are; outside git only today's can be told.
    return "now" if as_of >= dt.date.today() else "git" if history or working_tree(ws.root) is not None else "today"


def _as_of(ws: Workspace, records, history: dict, as_of: dt.date, statuses: str) -> list[AsOf]:
    """Each of *records* as a log of *as_of* shows it, in their order."""
    options = functools.cache(lambda: read_options(ws, adr_files(ws.adr_dir)))
    taken = {record.path for record in records}
    found = []
    for record in records:
        rows, revisions = history.get(record.path, ([], []))
        if statuses != "git":
            data = files.read_bytes(record.path, ws.config.max_file_bytes, ws.root, shown_path(ws, record.path))
            found.append(AsOf(record, "now", None, record.status, record.date, tuple(rows), body(data), None))
            continue
        # Compared with each commit's content, which holds a KEP's kep.yaml joined to its page.
        data = sidecar.read(record.path, ws.config.max_file_bytes, ws.root, shown_path(ws, record.path))
        # The page of a past day shows the record as the last commit by then held it, and the commits up to then.
        kept = by_the_day(rows, as_of)
        status = stood(rows, as_of)
        if status == NOT_IN_GIT:
            # Without a commit by then the file's date is the only one known, as on the timeline.
            dated = record.date
            then, how, problem = record._replace(status=NOT_IN_GIT, **_NAMED_ONLY), "absent", None
        else:
            path = _path_then(ws, record, revisions, revisions[kept[-1]], taken)
            then, how, problem = _as_committed(ws, record, revisions[kept[-1]], data, options, path)
            dated = then.date if how == "then" else None
        content = revisions[kept[-1]].content if how == "then" else None
        found.append(AsOf(then, how, problem, status, dated, tuple(rows[i] for i in kept),
                          body(content) if content is not None else "", content,
                          record if then.path != record.path else None))
    return found


def relations_then(shown: list[AsOf]) -> list[tuple[Related, ...]]:
    """The relations of each of *shown*, in their order, among the records as they are shown. A record not in git
    then has none; a link to it from a record of that day names it by its label alone, with its status saying so,
    and a key it shares with a record of that day (a number given again after a renumber) names that record."""
    found = relations([s.decision for s in shown if s.shown != "absent"])
    absent: dict[str, Decision] = {}
    for s in shown:
        if s.shown == "absent":
            absent.setdefault(s.decision.key, s.decision._replace(title=None))
    return [() if s.shown == "absent" else tuple(
        item._replace(decision=absent.get(item.key)) if item.decision is None else item
        for item in found[s.decision.key]) for s in shown]


def record_as_of(ws: Workspace, ref, as_of: dt.date) -> tuple[AsOf, tuple[Related, ...], str]:
    """ADR *ref* as the log of *as_of* shows it, its relations among the records of that day, and where
    they come from (see `DecisionPages.statuses`)."""
    decisions = load_decisions(ws)
    wanted = decisions.find(ref)
    history = revisions_and_rows(ws)
    statuses = _statuses(ws, as_of, history)
    shown = _as_of(ws, decisions.records, history, as_of, statuses)
    index = next(i for i, record in enumerate(decisions.records) if record.path == wanted.path)
    return shown[index], relations_then(shown)[index], statuses


def decision_pages(ws: Workspace, as_of: dt.date) -> DecisionPages:
    """Every ADR with what its page in the decision-log site shows; prototypes judged as of *as_of*."""
    from toolkit.judge.audit import audit

    decisions = load_decisions(ws)
    history = revisions_and_rows(ws)
    naming, prototype_row, ledgers = _prototypes(ws, as_of)
    statuses = _statuses(ws, as_of, history)
    # A record renumbered since is listed where its number of that day puts it.
    pairs = sorted(zip(decisions.records, _as_of(ws, decisions.records, history, as_of, statuses)),
                   key=lambda pair: record_order(pair[1].decision))
    shown = [then for _, then in pairs]
    records = [then.decision for then in shown]
    # Relations and the graph's edges are those the records held as shown: a link written later is not drawn.
    related = relations_then(shown)
    entries = []
    for index, ((today, then), record) in enumerate(zip(pairs, records)):
        proposed, decided = _steps(history.get(today.path, ([], []))[0])
        numbers = dict.fromkeys(record.prototypes)
        # Cards are today's: they name the record by its number of today.
        numbers.update(dict.fromkeys(naming.get(today.number, ()) if today.number is not None else ()))
        entries.append(Entry(
            decision=record,
            status=then.status,
            dated=then.dated,
            body=then.body,
            related=related[index],
            history=then.history,
            proposed=proposed,
            decided=decided,
            prototypes=tuple(prototype_row(n) for n in numbers),
            previous=records[index - 1] if index else None,
            next=records[index + 1] if index + 1 < len(records) else None,
            shown=then.shown,
            problem=then.problem,
            renamed=then.renamed,
        ))
    return DecisionPages(tuple(entries), tuple(edges(Decisions(ws.adr_dir, tuple(records)))), decisions.unreadable,
                         audit(ledgers.verdicts, ledgers.effort), as_of, statuses)
