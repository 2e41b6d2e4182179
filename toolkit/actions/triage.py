"""Triage: load the cards and ledgers once, judge every active prototype, and run the sunk-cost check."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from toolkit.actions import warming
from toolkit.actions.ledgers import read_effort, read_evidence, read_verdicts, require_whole
from toolkit.actions.prototypes import CardsRead, earlier_definitions, load, read_cards, summary
from toolkit.actions.unfinished import STATUS_AFTER, caught_up, finding, lagging
from toolkit.errors import DecisionbookError
from toolkit.judge import goalposts, sunkcost
from toolkit.judge.merit import Judgement, judge
from toolkit.records import columns, frontmatter, prototype
from toolkit.records.bulk import paused_gc
from toolkit.records.finding import Finding
from toolkit.records.ledger import Effort, Evidence, LedgerRead, Verdict, Withdrawn
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
    return _with_effort(ws, _read_for_judging(ws))


@dataclass(frozen=True)
class _ForJudging:
    """What judging reads, read: the cards, the evidence and the verdicts, and the findings of cards a verdict's
    command left behind; `records` holds them without effort, which judging never reads."""

    cards: CardsRead
    evidence: LedgerRead
    verdicts: LedgerRead
    behind: tuple[Finding, ...]
    records: Records


def _read_for_judging(ws: Workspace) -> _ForJudging:
    with paused_gc():
        cards = read_cards(ws, keep=not warming.keeps_cards())
        warming.wait_for_judging()
        evidence, verdicts = read_evidence(ws), read_verdicts(ws)
    # A card a verdict's command left behind is read as the verdict ledger says, and named (ADR 0215).
    gaps = {card.number: (card, verdict, line) for card, verdict, line in lagging(ws, cards.cards, verdicts)}
    behind = tuple(finding(ws, *gap) for gap in gaps.values())
    stood = tuple(caught_up(card, gaps[card.number][1]) if card.number in gaps else card for card in cards.cards)
    records = Records(stood, evidence.entries, (), verdicts.entries,
                      cards.problems + evidence.problems + verdicts.problems + behind, evidence.withdrawn,
                      unreadable=cards.problems)
    return _ForJudging(cards, evidence, verdicts, behind, records)


def _with_effort(ws: Workspace, read: _ForJudging, records: Records | None = None) -> Records:
    """*records* (by default those *read* holds) with the effort ledger read; a ledger that cannot be read at all
    is an error, named in the order evidence, effort, verdicts."""
    with paused_gc():
        warming.wait()
        effort = read_effort(ws)
    require_whole(read.evidence, effort, read.verdicts)
    problems = read.cards.problems + read.evidence.problems + effort.problems + read.verdicts.problems + read.behind
    records = read.records if records is None else records
    entries, withdrawn = effort.entries, effort.withdrawn
    if records.as_of is not None:
        day = records.as_of.isoformat()
        entries, withdrawn = _counted_on(entries, withdrawn, Effort, day, "at", "date"), _retracted_by(withdrawn, day)
    return _grouped_once(records, replace(records, effort=entries, problems=problems,
                                          withdrawn=records.withdrawn + withdrawn))


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
    return _grouped_once(records, replace(stood, as_of=as_of))


def _grouped_once(records: Records, result: Records) -> Records:
    """*result*, made from *records*: holding the same evidence, it keeps its grouping."""
    if result.evidence is records.evidence and "_evidence_by_prototype" in records.__dict__:
        result.__dict__["_evidence_by_prototype"] = records._evidence_by_prototype
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


def _counted_on(entries, withdrawn: tuple[Withdrawn, ...], kind, day: str, *names: str):
    """The *entries* of *kind* that counted at the end of *day* by their fields *names*: an entry retracted
    after it (one of *withdrawn*) still counted then."""
    undone = [w.entry for w in withdrawn if w.retraction.at[:10] > day and isinstance(w.entry, kind)]
    # `at` starts with its own calendar date, so comparing text is comparing days, without parsing.
    return _until(sorted([*entries, *undone], key=lambda e: e.id) if undone else entries, day, *names)


def _retracted_by(withdrawn: tuple[Withdrawn, ...], day: str) -> tuple[Withdrawn, ...]:
    return tuple(w for w in withdrawn if w.retraction.at[:10] <= day)


def _ledgers_as_of(records: Records, as_of: dt.date) -> Records:
    day = as_of.isoformat()
    withdrawn = _retracted_by(records.withdrawn, day)
    retracted_later = len(withdrawn) < len(records.withdrawn)
    evidence = _counted_on(records.evidence, records.withdrawn, Evidence, day, "at", "measured")
    effort = _counted_on(records.effort, records.withdrawn, Effort, day, "at", "date")
    verdicts = _until(records.verdicts, day, "at")
    if not retracted_later and len(evidence) == len(records.evidence) and len(effort) == len(records.effort) \
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
    return _warned(ws, records, _judged(ws, records, as_of), as_of, blind)


def _judged(ws: Workspace, records: Records, as_of: dt.date) -> tuple[tuple[TriageRow, ...], goalposts.Earlier]:
    """The judgement of every active card in *records* (as of *as_of*), and the criteria the cards whose goalposts
    moved had before: all read from the cards and the evidence, none from the effort."""
    evidence = records.evidence_by_prototype()
    threshold = ws.config.keep_threshold
    with paused_gc():
        rows = tuple(
            TriageRow(card, judge_card(card, evidence.get(card.number, []), as_of, threshold))
            for card in records.cards
            if card.status == "active"
        )
        moved = [row.card for row in rows if goalposts.moved(row.card, evidence.get(row.card.number, []))]
    return rows, earlier_definitions(ws, moved)


def _warned(ws: Workspace, records: Records, judged: tuple[tuple[TriageRow, ...], goalposts.Earlier],
            as_of: dt.date, blind: bool = False) -> Triage:
    """The triage of *records* (as of *as_of*) whose active cards are *judged*, with the sunk-cost check beside it."""
    rows, earlier = judged
    with paused_gc():
        warnings = sunkcost.check(
            records.cards,
            {row.card.number: row.judgement for row in rows},
            records.effort,
            records.evidence_by_prototype(),
            records.verdicts,
            as_of,
            ws.config.stale_days,
            ws.config.sunk_cost_hours,
            blind,
            earlier,
        )
    return Triage(as_of, rows, records.cards, tuple(warnings), records.problems, records.unreadable)


def triage(ws: Workspace, as_of: dt.date | None = None) -> Triage:
    """What `decide triage` shows: recommendations for active prototypes, on evidence alone."""
    as_of = as_of or dt.date.today()
    read = _read_for_judging(ws)
    # Judged before the effort is read, which a first run in a clone reads in a second process meanwhile.
    stood = as_of_records(read.records, as_of, ws)
    judged = _judged(ws, stood, as_of)
    return _warned(ws, _with_effort(ws, read, stood), judged, as_of)


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
