"""`decide check` findings for prototypes: cards that do not parse, bad branch names, kills that overlap targets,
moved goalposts, uncarded citations, bad ledger lines, verdicts and meeting closes given twice."""

from __future__ import annotations

from pathlib import Path

from toolkit.actions import unfinished
from toolkit.actions.adrs import Decisions, load_decisions, shown_path
from toolkit.actions.ledgers import read_effort, read_evidence, read_meetings, read_retractions, read_verdicts
from toolkit.actions.prototypes import earlier_definitions, read_cards
from toolkit.judge import goalposts
from toolkit.records import columns, frontmatter
from toolkit.records.finding import Finding
from toolkit.records.ledger import LedgerRead
from toolkit.records.prototype import card_number, contradictions, criterion_line
from toolkit.records.refname import branch_name_problem
from toolkit.workspace import Workspace


def _branch_names(ws: Workspace, cards) -> list[Finding]:
    """An error at a branch name git refuses, and a warning at each card naming a branch an earlier card names."""
    found, first = [], {}
    for card in sorted(cards, key=lambda card: card.number):
        if card.branch is None:
            continue
        why = branch_name_problem(card.branch)
        if why:
            found.append(Finding(ws.relative(card.path), frontmatter.key_line(card.path, "branch"), "error",
                                 f"branch {card.branch!r} is not a name git accepts: {why}"))
        elif card.branch in first:
            other = first[card.branch]
            found.append(Finding(ws.relative(card.path), frontmatter.key_line(card.path, "branch"), "warning",
                                 f"branch {card.branch!r} is {other.ref}'s too ({ws.relative(other.path)}): "
                                 "effort from git counts its commits for both; give each prototype its own branch"))
        else:
            first[card.branch] = card
    return found


def _contradictions(ws: Workspace, cards) -> list[Finding]:
    """An error for each criterion whose kill condition overlaps its target, at the criterion's line."""
    found = []
    for card in cards:
        for index, message in contradictions(card):
            line = criterion_line(card.path, card.criteria[index].id, ws.config.max_file_bytes)
            found.append(Finding(ws.relative(card.path), line, "error",
                                 f"{message}; triage counts such a value as met"))
    return found


def _cited(ws: Workspace, decisions: Decisions, numbers: set[int]) -> list[Finding]:
    found = []
    for record in decisions.records:
        missing = [n for n in record.prototypes if n not in numbers]
        if missing:
            refs = ", ".join(f"P{n}" for n in missing)
            found.append(Finding(shown_path(ws, record.path), frontmatter.key_line(record.path, "prototypes"), "error",
                                 f"cites prototype {refs}, which has no card in {ws.relative(ws.proto_dir)}/"))
    return found


def _card_slips(ws: Workspace, cards, decisions: Decisions) -> list[Finding]:
    """A warning at a card's `decisions:` naming an ADR the folder does not hold, and at a deadline set
    before the card started: slips of the pen that no command would ever point out."""
    numbers = {record.number for record in decisions.records}
    found = []
    for card in cards:
        # A team whose folder holds no ADRs keeps them elsewhere: its citations cannot be checked here.
        missing = [n for n in card.decisions if n not in numbers] if numbers else []
        if missing:
            refs = ", ".join(f"ADR {n}" for n in missing)
            found.append(Finding(ws.relative(card.path), frontmatter.key_line(card.path, "decisions"), "warning",
                                 f"cites {refs}, which {'is' if len(missing) == 1 else 'are'} not in "
                                 f"{ws.relative(ws.adr_dir)}/"))
        if card.started is not None and card.deadline is not None and card.deadline < card.started:
            found.append(Finding(ws.relative(card.path), frontmatter.key_line(card.path, "deadline"), "warning",
                                 f"deadline {card.deadline} is before the card started ({card.started})"))
    return found


def findings(ws: Workspace, decisions: Decisions | None = None) -> list[Finding]:
    """Errors for cards and ledger lines that cannot be read, branch names git refuses, kill conditions
    that overlap their targets and ADRs citing prototypes with no card; warnings for cards citing ADRs the
    folder lacks or ending before they started, for entries naming no card or criterion, for criteria changed
    after evidence, for a second keep or discard of a card in a row and a second close of a meeting, and for
    cards behind their verdict or a branch their discard left unarchived. *decisions*: the ADRs, if already loaded."""
    cards = read_cards(ws)
    found = list(cards.problems)
    found.extend(_branch_names(ws, cards.cards))
    found.extend(_contradictions(ws, cards.cards))
    known = {card.number: card for card in cards.cards}
    numbers = set(known) | {card_number(Path(p.path)) for p in cards.problems}
    decisions = decisions or load_decisions(ws)
    found.extend(_cited(ws, decisions, numbers))
    found.extend(_card_slips(ws, cards.cards, decisions))
    ledgers = ((ws.evidence_ledger, read_evidence(ws)), (ws.effort_ledger, read_effort(ws)), (ws.verdict_ledger, read_verdicts(ws)))
    for path, read in ledgers:
        found.extend(read.problems)
        orphans = sorted({entry.prototype for entry in read.entries} - numbers)
        if orphans:
            refs = ", ".join(f"P{n}" for n in orphans)
            found.append(Finding(ws.relative(path), None, "warning", f"entries for prototypes with no card: {refs}"))
    found.extend(_retractions(ws, ledgers[0][1], ledgers[1][1]))
    found.extend(_repeated_verdicts(ws, ledgers[2][1]))
    found.extend(unfinished.finding(ws, *gap) for gap in unfinished.lagging(ws, cards.cards, ledgers[2][1]))
    found.extend(unfinished.left_unarchived(ws, cards.cards, ledgers[2][1]))
    found.extend(_effort_outside(ws, known, ledgers[1][1], ledgers[2][1]))
    found.extend(_repeated_closes(ws))
    gone: dict[tuple[int, str], int] = {}
    for entry in ledgers[0][1].entries:
        card = known.get(entry.prototype)
        if card is not None and card.criterion(entry.criterion) is None:
            gone[card.number, entry.criterion] = gone.get((card.number, entry.criterion), 0) + 1
    for (number, criterion), count in sorted(gone.items()):
        found.append(Finding(ws.relative(ws.evidence_ledger), None, "warning",
                             f"{count} evidence line(s) for criterion {criterion!r}, which P{number} no longer has"))
    found.extend(_moved_goalposts(ws, cards.cards, ledgers[0][1], ledgers[2][1]))
    return found


def _moved_goalposts(ws: Workspace, cards, evidence: LedgerRead, verdicts: LedgerRead) -> list[Finding]:
    """A warning at each criterion whose definition changed after evidence was recorded under another one
    (a criterion removed since is reported with the ledger's other findings), until a verdict is given on the
    criteria as they are: the team has then judged the card with the goalposts where they stand."""
    by_card = columns.grouped(evidence.entries, "prototype", "id")
    judged = {(v.prototype, v.criteria_hash) for v in verdicts.entries}
    moved = [card for card in cards if (card.number, card.criteria_hash) not in judged
             and goalposts.moved(card, by_card.get(card.number, ()))]
    earlier = earlier_definitions(ws, moved)
    found = []
    for card in moved:
        for criterion in goalposts.moved(card, by_card.get(card.number, ()), earlier):
            if not criterion.removed:
                line = criterion_line(card.path, criterion.criterion, ws.config.max_file_bytes)
                found.append(Finding(ws.relative(card.path), line, "warning",
                                     f"{goalposts.said(criterion)} (goalposts moved)"))
    return found


def _effort_outside(ws: Workspace, cards: dict, effort: LedgerRead, verdicts: LedgerRead) -> list[Finding]:
    """A warning at each effort line dated before its card started, or after a keep or discard closed the card
    (and no iterate reopened it by then): a day mistyped, or hours that belong to another prototype. Recorded
    as given and counted as ever; only named."""
    name = ws.relative(ws.effort_ledger)
    closes = columns.grouped(verdicts.entries, "prototype", "id")
    found = []
    for line, entry in zip(effort.lines or [None] * len(effort.entries), effort.entries):
        card = cards.get(entry.prototype)
        if card is None:
            continue
        if card.started is not None and entry.date < card.started.isoformat():
            found.append(Finding(name, line, "warning", f"{entry.hours:g} hour(s) of P{card.number} on {entry.date}, "
                                                        f"before its card says it started ({card.started})"))
            continue
        before = [v for v in closes.get(card.number, ()) if v.at[:10] < entry.date]
        if before and before[-1].verdict != "iterate":
            found.append(Finding(name, line, "warning", f"{entry.hours:g} hour(s) of P{card.number} on {entry.date}, "
                                                        f"after its {before[-1].verdict} of {before[-1].at[:10]}"))
    return found


def _retractions(ws: Workspace, evidence: LedgerRead, effort: LedgerRead) -> list[Finding]:
    """Bad lines of the retraction ledger, and warnings for retractions naming no entry."""
    read = read_retractions(ws)
    name = ws.relative(ws.retraction_ledger)
    known = {
        "evidence": (ws.evidence_ledger, {e.id for e in evidence.entries} | {w.entry.id for w in evidence.withdrawn}),
        "effort": (ws.effort_ledger, {e.id for e in effort.entries} | {w.entry.id for w in effort.withdrawn}),
    }
    found = list(read.problems)
    for retraction in read.entries:
        path, ids = known[retraction.ledger]
        if retraction.retracts not in ids:
            found.append(Finding(name, None, "warning", f"retraction {retraction.id} retracts {retraction.ledger} entry "
                                                        f"{retraction.retracts}, which is not in {ws.relative(path)}"))
    return found


def _repeated_verdicts(ws: Workspace, verdicts: LedgerRead) -> list[Finding]:
    """A warning at each keep or discard that follows the same verdict on its card, in the order given:
    `decide` refuses it, but an older version, a union merge of two branches or a hand edit can leave one."""
    name = ws.relative(ws.verdict_ledger)
    last: dict[int, tuple[str, int]] = {}  # prototype -> its latest verdict and that verdict's line
    found = []
    for line, entry in sorted(zip(verdicts.lines, verdicts.entries), key=lambda pair: pair[1].id):
        verdict, first = last.get(entry.prototype, (None, None))
        if entry.verdict != "iterate" and entry.verdict == verdict:
            message = f"a second {verdict} of P{entry.prototype} in a row (the first on line {first})"
            found.append(Finding(name, line, "warning", message + ": the sunk-cost audit counts each"))
        else:
            last[entry.prototype] = (entry.verdict, line)
    return sorted(found, key=lambda finding: finding.line)


def _repeated_closes(ws: Workspace) -> list[Finding]:
    """Bad lines of the meeting ledger, and a warning at each close of a day closed before."""
    read = read_meetings(ws)
    name = ws.relative(ws.meeting_ledger)
    first: dict[str, int] = {}
    found = list(read.problems)
    for line, meeting in zip(read.lines, read.entries):
        if meeting.date in first:
            found.append(Finding(name, line, "warning", f"a second close of the meeting of {meeting.date} "
                                                        f"(the first on line {first[meeting.date]})"))
        first.setdefault(meeting.date, line)
    return found
