"""What changed since the last meeting: new evidence, moved states and recommendations, opened and closed
prototypes, kill conditions crossed, deadlines, verdicts."""

from __future__ import annotations

import datetime as dt
from bisect import insort
from dataclasses import dataclass

from toolkit.actions.meetings import window
from toolkit.actions.triage import Records, criteria_as_of, judge_card, shown_value
from toolkit.history.repository import GitUnavailable
from toolkit.judge.goalposts import describe
from toolkit.judge.merit import measured_order, state_of
from toolkit.records.criteria import of_sorted
from toolkit.records.ledger import Evidence, Meeting
from toolkit.records.prototype import Criterion, Prototype
from toolkit.workspace import Workspace

# Deadlines this close are on the agenda now, not next week.
DUE_DAYS = 7


@dataclass(frozen=True)
class Since:
    start: dt.date  # the first day on which an entry recorded, or a card started, can be new
    basis: str  # what the start is: --since, the previous meeting, or the week before
    meeting: Meeting | None  # the meeting the window starts at, if it does
    # date, recorded, ref, title, criterion, value, unit, source, note, by, and before and state: the criterion's
    # state just before the entry counted and just after; by measured date, then in the order they were recorded
    evidence: tuple[dict, ...]
    states: tuple[dict, ...]  # ref, title, criterion, before, state, note: criterion states that changed ("—" where
    # the criterion was added or removed since)
    recommendations: tuple[dict, ...]  # ref, title, before, recommendation, reason
    opened: tuple[dict, ...]  # ref, title, started
    closed: tuple[dict, ...]  # ref, title, verdict, date, by, reason
    killed: tuple[dict, ...]  # ref, title, criteria: kill conditions crossed now and not before
    deadlines: tuple[dict, ...]  # ref, title, deadline, when ("passed 3 days ago", "due in 2 days")
    verdicts: tuple[dict, ...]  # date, ref, title, verdict, recommendation, by, reason
    span: str  # the window in words, exact to the second where its start is a moment

    @property
    def start_words(self) -> str:
        """Where the window starts, in a few words: `the meeting of 2026-11-20`, or its first day."""
        return f"the meeting of {self.meeting.date}" if self.meeting is not None else self.start.isoformat()

    @property
    def empty(self) -> bool:
        return not any((self.evidence, self.states, self.recommendations, self.opened, self.closed, self.killed,
                        self.deadlines, self.verdicts))


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def due_words(deadline: dt.date, as_of: dt.date) -> str:
    """When a deadline not yet passed on *as_of* falls: "due today", "due in 3 days"."""
    return "due today" if deadline == as_of else f"due in {_days((deadline - as_of).days)}"


def _moves(records: Records, new_ids: set[str], touched: set[int]) -> dict[str, tuple[str, str]]:
    """Each new entry's id -> the state of its criterion just before the entry counted and just after.

    Entries count in the order they were recorded; the state after one is the judgement of the entries
    counted so far, under the criterion's aggregate (`latest`: the one measured last, so a value recorded
    late for an earlier day moves nothing). Entries of the *touched* prototypes only; an entry for a
    criterion the card does not have has none.
    """
    cards = {c.number: c for c in records.cards if c.number in touched}
    evidence = records.evidence_by_prototype()
    moves = {}
    for number, card in cards.items():
        counted: dict[str, list] = {}
        for entry in sorted(evidence.get(number, ()), key=_recorded_order):
            if card.criterion(entry.criterion) is not None:
                counted.setdefault(entry.criterion, []).append(entry)
        for criterion_id, entries in counted.items():
            states = _running_states(card.criterion(criterion_id), entries)
            for index, entry in enumerate(entries):
                if entry.id in new_ids:
                    moves[entry.id] = (states[index - 1] if index else "unmeasured", states[index])
    return moves


def _recorded_order(entry: Evidence) -> tuple[str, str]:
    return entry.at, entry.id


def _running_states(criterion: Criterion, entries: list[Evidence]) -> list[str]:
    """The state of *criterion* after each of *entries* counted, in the order given: the judgement of those
    counted so far, the aggregate kept up as they come (a window of 40,000 entries costs what one judgement does)."""
    how, ordered, states, value, last = criterion.aggregate, [], [], None, None
    for index, entry in enumerate(entries):
        new = entry.value
        if how == "latest":
            if last is None or measured_order(entry) > last:
                last, value = measured_order(entry), new
        elif index == 0 and how in ("min", "max"):
            value = new
        elif how == "min":
            value = min(value, new)
        elif how == "max":
            value = max(value, new)
        else:  # mean or median, of the numbers kept sorted
            insort(ordered, float(new))
            value = of_sorted(ordered, how)
        states.append(state_of(criterion, [value]).state)  # one value aggregates to itself
    return states


def _redefined(ws: Workspace, judged: dict, day: dt.date) -> dict[int, Prototype]:
    """The cards of *judged* whose criteria at the end of *day* (as committed then) differ from those judged now,
    with those criteria; none for today, whose criteria are the files' own."""
    if day >= dt.date.today():
        return {}
    cards = tuple(card for card, _ in judged.values())
    try:
        stood = criteria_as_of(ws, cards, day)
    except GitUnavailable:
        return {}  # no history to read: the report is drawn on the criteria as they are (ADR 0217)
    return {c.number: c for c in stood if c.criteria_hash != judged[c.number][0].criteria_hash}


def _goalposts(earlier: Prototype, criterion: Criterion) -> str | None:
    """What a state change owes to *criterion*'s definition being another than in the card *earlier*."""
    was = earlier.criterion(criterion.id)
    if was is None or was.hash == criterion.hash:
        return None
    return f"goalposts moved: {describe(was)} → {describe(criterion)}"


def since_last(ws: Workspace, records: Records, judged: dict, meeting: Meeting | None, since: dt.date | None,
               as_of: dt.date) -> Since:
    """The changes in the window (`toolkit.actions.meetings.window`) up to the end of *as_of*; *records* are
    already as of *as_of* and *judged* maps each active card's number to (card, judgement) as of *as_of*."""
    bounds = window(meeting, since, as_of)
    is_new, before_day = bounds.is_new, bounds.judged_on
    opened = bounds.opened(records, as_of)
    new_cards = {card.number for card in opened}
    titles = {c.number: (c.ref, c.title) for c in records.cards}
    new_evidence = [e for e in records.evidence if is_new(e.at, e.id)]
    new_ids = {e.id for e in new_evidence}
    old_by_proto: dict[int, list] = {}
    for entry in records.evidence:
        if entry.id not in new_ids:
            old_by_proto.setdefault(entry.prototype, []).append(entry)
    states, recommendations, killed = [], [], []
    threshold = ws.config.keep_threshold
    touched = {e.prototype for e in new_evidence}
    redefined = _redefined(ws, judged, before_day)
    for number, (card, now) in judged.items():
        # States follow evidence and criteria; without new evidence or criteria only a deadline in the window
        # can move the recommendation, so only those cards are judged again.
        if number not in touched and number not in redefined and not (
                card.deadline is not None and before_day <= card.deadline < as_of):
            continue
        earlier = redefined.get(number, card)
        before = judge_card(earlier, old_by_proto.get(number, []), before_day, threshold)
        ref, title = card.ref, card.title
        was = {s.criterion.id: s.state for s in before.states}
        crossed = []
        # A card's criteria redefined since: one added or removed is a change, whatever its state (opened cards are
        # listed as opened).
        reshaped = number in redefined and number not in new_cards
        for state in now.states:
            if reshaped and state.criterion.id not in was:
                states.append({"ref": ref, "title": title, "criterion": state.criterion.id, "before": "—",
                               "state": state.state, "note": f"criterion added: {describe(state.criterion)}"})
                continue
            old = was.get(state.criterion.id, "unmeasured")
            if old != state.state:
                states.append({"ref": ref, "title": title, "criterion": state.criterion.id, "before": old,
                               "state": state.state, "note": _goalposts(earlier, state.criterion)})
                if state.state == "killed":
                    crossed.append(state.criterion.id)
        kept = {s.criterion.id for s in now.states}
        states += [{"ref": ref, "title": title, "criterion": s.criterion.id, "before": s.state, "state": "—",
                    "note": f"criterion removed: {describe(s.criterion)}"}
                   for s in before.states if reshaped and s.criterion.id not in kept]
        if crossed:
            killed.append({"ref": ref, "title": title, "criteria": ", ".join(crossed)})
        if number in new_cards or before.recommendation != now.recommendation:
            # A card opened in the window had no recommendation before it.
            recommendations.append({"ref": ref, "title": title,
                                    "before": "new" if number in new_cards else before.recommendation,
                                    "recommendation": now.recommendation, "reason": now.reason})
    moves = _moves(records, new_ids, touched)
    evidence = []
    for entry in sorted(new_evidence, key=lambda e: (e.day, e.id)):
        if entry.prototype not in titles:
            continue
        before, state = moves.get(entry.id, (None, None))
        ref, title = titles[entry.prototype]
        evidence.append({
            "date": entry.day.isoformat(), "recorded": entry.recorded.isoformat(), "ref": ref, "title": title,
            "criterion": entry.criterion, "value": shown_value(entry.value), "unit": entry.unit,
            "source": entry.source, "note": entry.note, "by": entry.by, "before": before, "state": state,
        })
    verdicts = []
    for verdict in sorted(records.verdicts, key=lambda v: v.id):
        if is_new(verdict.at, verdict.id) and verdict.prototype in titles:
            ref, title = titles[verdict.prototype]
            verdicts.append({"date": verdict.day.isoformat(), "ref": ref, "title": title, "verdict": verdict.verdict,
                             "recommendation": verdict.recommendation, "by": verdict.by, "reason": verdict.reason,
                             "deadline": verdict.deadline})
    last_verdict = {v["ref"]: v for v in verdicts}
    closed = [last_verdict[c.ref] for c in records.cards if c.status != "active" and c.ref in last_verdict]
    deadlines = []
    for card, _ in judged.values():
        if card.deadline is None:
            continue
        # A deadline passes at the end of its day: it passed within the window if the day after is in it.
        if before_day <= card.deadline < as_of:
            when = f"passed {_days((as_of - card.deadline).days)} ago"
        elif as_of <= card.deadline <= as_of + dt.timedelta(days=DUE_DAYS):
            when = due_words(card.deadline, as_of)
        else:
            continue
        deadlines.append({"ref": card.ref, "title": card.title, "deadline": card.deadline.isoformat(), "when": when})
    deadlines.sort(key=lambda d: d["deadline"])
    return Since(bounds.first, bounds.basis, bounds.meeting, tuple(evidence), tuple(states), tuple(recommendations),
                 tuple({"ref": c.ref, "title": c.title, "started": c.started.isoformat()} for c in opened),
                 tuple(closed), tuple(killed), tuple(deadlines), tuple(verdicts), bounds.span(as_of))
