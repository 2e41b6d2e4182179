"""Triage: load the cards and ledgers once, judge every active prototype, and run the sunk-cost check."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from toolkit.actions import warming
from toolkit.actions.ledgers import read_effort, read_evidence, read_verdicts, require_whole
from toolkit.actions.prototypes import earlier_definitions, load, read_cards, summary
from toolkit.actions.unfinished import STATUS_AFTER, caught_up, finding, lagging
from toolkit.errors import DecisionbookError
from toolkit.judge import goalposts, sunkcost
from toolkit.judge.merit import Judgement, judge
from toolkit.records import columns, frontmatter, prototype
from toolkit.records.bulk import paused_gc
from toolkit.records.finding import Finding
from toolkit.records.ledger import Effort, Evidence, Verdict, Withdrawn
from toolkit.records.prototype import Prototype
from toolkit.workspace import Workspace


@dataclass(frozen=True)
class Records:
    """Everything triage reads, loaded once; `problems` holds every card or ledger line that did not load."""

    cards: tuple[Prototype, ...]
    evidence: tuple[Evidence, ...]
    effort: tuple[Effort, ...]
    verdicts: tuple[Verdict, ...]
    problems: tuple[Finding, ...]
    withdrawn: tuple[Withdrawn, ...] = ()  # retracted evidence and effort: shown as such, never counted
    as_of: dt.date | None = None  # set by `as_of_records`: these are the records as they stood that day
    unreadable: tuple[Finding, ...] = ()  # the cards among `problems`: not loaded, so never judged

    def evidence_by_prototype(self) -> Mapping[int, list[Evidence]]:
        """Evidence entries grouped by prototype number, in id order, oldest first (grouped once)."""
        return self._evidence_by_prototype

    @cached_property
    def _evidence_by_prototype(self) -> Mapping[int, list[Evidence]]:
        return columns.grouped(self.evidence, "prototype", "id")


def load_records(ws: Workspace) -> Records:
    """Every card and ledger entry triage judges on; a ledger that cannot be read at all is an error."""
    with paused_gc():
        cards = read_cards(ws)
        warming.wait()
        evidence, effort, verdicts = read_evidence(ws), read_effort(ws), read_verdicts(ws)
    require_whole(evidence, effort, verdicts)
    problems = cards.problems + evidence.problems + effort.problems + verdicts.problems
    # A card a verdict's command left behind is read as the verdict ledger says, and named (ADR 0215).
    behind = {card.number: (card, verdict, line) for card, verdict, line in lagging(ws, cards.cards, verdicts)}
    problems += tuple(finding(ws, *gap) for gap in behind.values())
    stood = tuple(caught_up(card, behind[card.number][1]) if card.number in behind else card for card in cards.cards)
    return Records(stood, evidence.entries, effort.entries, verdicts.entries, problems,
                   evidence.withdrawn + effort.withdrawn, unreadable=cards.problems)


def as_of_records(records: Records, as_of: dt.date, ws: Workspace | None = None) -> Records:
    """*records* as they stood at the end of *as_of*: entries recorded (or measured) later are left out,
    cards started later are left out, and a card's status and deadline are put back to what they were
    before the verdicts given after *as_of*. With *ws* in git and *as_of* before today, each card's
    criteria are those it had in the last commit of that day, when the card differs from it now.
    """
    if records.as_of == as_of:
        return records
    stood = _ledgers_as_of(records, as_of)
    if ws is not None and as_of < dt.date.today():
        stood = _criteria_as_of(ws, stood, as_of)
    result = replace(stood, as_of=as_of)
    if result.evidence is records.evidence and "_evidence_by_prototype" in records.__dict__:
        result.__dict__["_evidence_by_prototype"] = records._evidence_by_prototype  # the same entries: grouped once
    return result


def _criteria_as_of(ws: Workspace, records: Records, as_of: dt.date) -> Records:
    cards = criteria_as_of(ws, records.cards, as_of)
    return records if cards is records.cards else replace(records, cards=cards)


def criteria_as_of(ws: Workspace, cards: tuple[Prototype, ...], day: dt.date) -> tuple[Prototype, ...]:
    """*cards*, each with the criteria it had in the last commit of *day* where it differs from that (in git)."""
    from toolkit.history.snapshot import changed_since_day

    earlier = changed_since_day(ws.root, ws.proto_dir, day)
    if not earlier:
        return cards
    # A card keeps its number when its file is renamed: the name it had that day is the one of that number gone since.
    gone = {prototype.card_number(path): data for path, data in earlier.items()
            if data is not None and not path.exists()}
    stood = []
    for card in cards:
        path = card.path.resolve()
        data = gone.get(card.number) if path in earlier and earlier[path] is None else earlier.get(path)
        if data is not None:
            try:
                card = replace(card, criteria=prototype.from_document(frontmatter.parse(data, card.path)).criteria)
            except DecisionbookError:
                pass  # a version that no longer parses: the card as it is now is the best answer
        stood.append(card)
    return tuple(stood)


def _until(entries, day: str, *names: str):
    """The *entries* whose fields *names* (timestamps or days, or None) fall on *day* or before."""
    if all(max(filter(None, columns.column(entries, name)), default="")[:10] <= day for name in names):
        return entries  # the usual case, a day after the last entry: found without a call per entry
    return columns.select(entries, lambda *values: all((v or "")[:10] <= day for v in values), *names)


def _ledgers_as_of(records: Records, as_of: dt.date) -> Records:
    day = as_of.isoformat()
    # An entry retracted after *as_of* still counted on that day.
    undone = [w.entry for w in records.withdrawn if w.retraction.at[:10] > day]
    withdrawn = tuple(w for w in records.withdrawn if w.retraction.at[:10] <= day)
    all_evidence = sorted([*records.evidence, *(e for e in undone if isinstance(e, Evidence))], key=lambda e: e.id) \
        if undone else records.evidence
    all_effort = sorted([*records.effort, *(e for e in undone if isinstance(e, Effort))], key=lambda e: e.id) \
        if undone else records.effort
    # `at` starts with its own calendar date, so comparing text is comparing days, without parsing.
    evidence = _until(all_evidence, day, "at", "measured")
    effort = _until(all_effort, day, "at", "date")
    verdicts = _until(records.verdicts, day, "at")
    if not undone and len(evidence) == len(records.evidence) and len(effort) == len(records.effort) \
            and len(verdicts) == len(records.verdicts) and all(c.started is None or c.started <= as_of for c in records.cards):
        return records
    later: dict[int, list[Verdict]] = defaultdict(list)
    for verdict in records.verdicts:
        if verdict.at[:10] > day:
            later[verdict.prototype].append(verdict)
    given: dict[int, Verdict] = {}
    for verdict in sorted(verdicts, key=lambda v: v.id):
        given[verdict.prototype] = verdict
    cards = []
    for card in records.cards:
        if card.started is not None and card.started > as_of:
            continue
        undone = sorted(later.get(card.number, ()), key=lambda v: v.id)
        if undone:
            status = undone[0].previous_status  # recorded by newer versions; else what the verdicts imply
            if status is None:
                status = STATUS_AFTER[given[card.number].verdict] if card.number in given else "active"
            extended = next((v for v in undone if v.deadline is not None), None)
            deadline = card.deadline
            if extended is not None:
                deadline = dt.date.fromisoformat(extended.previous_deadline) if extended.previous_deadline else None
            card = replace(card, status=status, deadline=deadline)
        cards.append(card)
    return Records(tuple(cards), evidence, effort, verdicts, records.problems, withdrawn,
                   unreadable=records.unreadable)


@dataclass(frozen=True)
class TriageRow:
    card: Prototype
    judgement: Judgement


@dataclass(frozen=True)
class Triage:
    as_of: dt.date
    rows: tuple[TriageRow, ...]  # the active prototypes
    cards: tuple[Prototype, ...]  # every card, for warnings about verdicts on closed ones
    warnings: tuple[sunkcost.SunkCostWarning, ...]
    problems: tuple[Finding, ...]
    unreadable: tuple[Finding, ...] = ()  # the cards among `problems`: their prototypes are not judged


def judge_card(card: Prototype, evidence: list[Evidence], as_of: dt.date, keep_threshold: float) -> Judgement:
    """*card* judged on *evidence*; its deadline counts while it is active: a keep or a discard ends its timebox."""
    return judge(card.criteria, evidence, as_of, card.deadline if card.status == "active" else None, keep_threshold)


def run(ws: Workspace, records: Records, as_of: dt.date, blind: bool = False) -> Triage:
    """Judge every active card in *records* as it stood on *as_of* (see `as_of_records`), then the
    sunk-cost check beside it; *blind* leaves effort out of the warnings' wording too."""
    records = as_of_records(records, as_of, ws)
    evidence = records.evidence_by_prototype()
    threshold = ws.config.keep_threshold
    with paused_gc():
        rows = tuple(
            TriageRow(card, judge_card(card, evidence.get(card.number, []), as_of, threshold))
            for card in records.cards
            if card.status == "active"
        )
        moved = [row.card for row in rows if goalposts.moved(row.card, evidence.get(row.card.number, []))]
        warnings = sunkcost.check(
            records.cards,
            {row.card.number: row.judgement for row in rows},
            records.effort,
            evidence,
            records.verdicts,
            as_of,
            ws.config.stale_days,
            ws.config.sunk_cost_hours,
            blind,
            earlier_definitions(ws, moved),
        )
    return Triage(as_of, rows, records.cards, tuple(warnings), records.problems, records.unreadable)


def triage(ws: Workspace, as_of: dt.date | None = None) -> Triage:
    """What `decide triage` shows: recommendations for active prototypes, on evidence alone."""
    return run(ws, load_records(ws), as_of or dt.date.today())


def shown_value(value) -> str | float | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def criterion_rows(row: TriageRow) -> list[dict]:
    return [
        {
            "criterion": s.criterion.id,
            "metric": s.criterion.metric,
            "target": str(s.criterion.target),
            "kill": str(s.criterion.kill) if s.criterion.kill is not None else None,
            "must": s.criterion.must,
            "weight": s.criterion.weight,
            "aggregate": s.criterion.aggregate,
            "value": shown_value(s.value),
            "evidence": s.count,
            "state": s.state,
        }
        for s in row.judgement.states
    ]


def prototype_row(ws: Workspace, row: TriageRow) -> dict:
    """One judged prototype as a flat mapping: the shape of `decide triage --format json` and the frame."""
    j = row.judgement
    return {
        **summary(ws, row.card),
        "hypothesis": row.card.hypothesis,
        "merit": j.merit,
        "coverage": j.coverage,
        "recommendation": j.recommendation,
        "reason": j.reason,
        **{state: sum(s.state == state for s in j.states) for state in ("met", "unmet", "killed", "unmeasured")},
        "criteria_hash": row.card.criteria_hash,
    }


def warning_rows(result: Triage) -> list[dict]:
    cards = {card.number: card for card in result.cards}
    return [
        {
            "prototype": w.prototype,
            "ref": cards[w.prototype].ref,
            "title": cards[w.prototype].title,
            "kind": w.kind,
            "hours": w.hours,
            "criteria": list(w.criteria),
            "message": w.message,
        }
        for w in result.warnings
    ]


def as_dict(ws: Workspace, result: Triage) -> dict:
    """The whole triage as plain data: what `decide triage --format json` prints."""
    return {
        "as_of": result.as_of.isoformat(),
        "prototypes": [{**prototype_row(ws, row), "states": criterion_rows(row)} for row in result.rows],
        "sunk_cost": warning_rows(result),
        "problems": [p.as_dict() for p in result.problems],
        "unreadable": [p.as_dict() for p in result.unreadable],
    }


def show(ws: Workspace, ref, as_of: dt.date | None = None) -> tuple[dict, tuple[Finding, ...]]:
    """One card with its criteria states and recommendation, and the hours logged beside them, as they
    stood at the end of *as_of* (default today), as triage judges them that day (see `as_of_records`)."""
    day = as_of or dt.date.today()
    stood = card_records(ws, load(ws, ref), day)
    row = TriageRow(stood.cards[0], judge_stood(ws, stood, day))
    shown = {
        **prototype_row(ws, row),
        "states": criterion_rows(row),
        "evidence_lines": len(stood.evidence),
        "hours_logged": sunkcost.hours_by_prototype(stood.effort).get(row.card.number, 0),
    }
    return shown, stood.problems


def card_records(ws: Workspace, card: Prototype, day: dt.date) -> Records:
    """*card* and its own ledger entries as they stood at the end of *day*, as triage reads them that
    day (see `as_of_records`); `problems` are the ledgers' bad lines. A card started later is an error, as is
    a ledger that cannot be read at all."""
    evidence, effort, verdicts = read_evidence(ws), read_effort(ws), read_verdicts(ws)
    require_whole(evidence, effort, verdicts)
    mine = Records((card,), tuple(columns.select(evidence.entries, lambda n: n == card.number, "prototype")),
                   tuple(columns.select(effort.entries, lambda n: n == card.number, "prototype")),
                   tuple(v for v in verdicts.entries if v.prototype == card.number),
                   evidence.problems + effort.problems,
                   tuple(w for w in evidence.withdrawn + effort.withdrawn if w.entry.prototype == card.number))
    stood = as_of_records(mine, day, ws)
    if not stood.cards:
        raise DecisionbookError(f"{card.ref} was started on {card.started}, after {day}")
    return stood


def judge_stood(ws: Workspace, stood: Records, day: dt.date) -> Judgement:
    """The judgement of the one card of *stood* (from `card_records`) on *day*, as triage gives it."""
    card = stood.cards[0]
    return judge_card(card, stood.evidence_by_prototype().get(card.number, []), day, ws.config.keep_threshold)
