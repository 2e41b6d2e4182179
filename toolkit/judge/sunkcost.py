"""The sunk-cost check: warnings beside the recommendations; the only judging code that sees effort, to warn."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from toolkit.judge import goalposts
from toolkit.judge.merit import Judgement
from toolkit.records import columns
from toolkit.records.ledger import Effort, Evidence, Verdict
from toolkit.records.prototype import Prototype

KINDS = ("high-effort", "override", "goalposts-moved", "stale-evidence", "deadline-passed")
_RANK = {"discard": 0, "iterate": 1, "needs-evidence": 1, "keep": 2}


@dataclass(frozen=True)
class SunkCostWarning:
    prototype: int
    kind: str  # one of KINDS
    message: str
    hours: float
    criteria: tuple[str, ...] = ()  # for goalposts-moved: the criteria that moved
    moved: tuple[goalposts.Moved, ...] = ()  # for goalposts-moved: how each of them moved


def is_override(verdict: str, recommendation: str | None) -> bool:
    """A verdict overrides when it departs from the recommendation.

    With nothing measured there is no evidence to override, except by keeping the prototype anyway.
    """
    if recommendation is None:
        return False
    if recommendation == "needs-evidence":
        return verdict == "keep"
    return verdict != recommendation


def toward_keep(verdict: str, recommendation: str | None) -> bool:
    """True when the verdict keeps more alive than the evidence recommended (discard -> iterate/keep...)."""
    return recommendation in _RANK and _RANK[verdict] > _RANK[recommendation]


def hours_by_prototype(effort: Iterable[Effort]) -> dict[int, float]:
    totals: dict[int, float] = defaultdict(float)
    for prototype, hours in columns.values(effort, "prototype", "hours"):
        totals[prototype] += hours
    return dict(totals)


def quantile(values: Sequence[float], q: float) -> float:
    """The *q* quantile with linear interpolation between order statistics."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def high_effort_threshold(active_hours: Sequence[float], sunk_cost_hours: float | None) -> float | None:
    """Hours that count as high: the configured figure, else the top quartile of active prototypes."""
    if sunk_cost_hours is not None:
        return sunk_cost_hours
    positive = [h for h in active_hours if h > 0]
    return quantile(positive, 0.75) if positive else None


def hours_text(hours: float) -> str:
    """`1 hour`, `2.5 hours`."""
    return f"{hours:g} hour" if hours == 1 else f"{hours:g} hours"


def _sunk(hours: float) -> str:
    if hours == 1:
        return "The 1 hour spent on it is sunk and plays no part in the recommendation."
    if hours:
        return f"The {hours_text(hours)} spent on it are sunk and play no part in the recommendation."
    return "No hours are logged; effort plays no part in the recommendation either way."


def check(
    cards: Sequence[Prototype],
    judgements: Mapping[int, Judgement],
    effort: Iterable[Effort],
    evidence: Mapping[int, Sequence[Evidence]],
    verdicts: Iterable[Verdict],
    as_of: dt.date,
    stale_days: int,
    sunk_cost_hours: float | None,
    blind: bool = False,
    earlier: goalposts.Earlier = goalposts.NOTHING,
) -> list[SunkCostWarning]:
    """Warnings for the prototypes in *judgements* (the active ones) and the latest verdict of every card.

    *evidence* is grouped by prototype. Verdicts given after *as_of* are not yet known on that date and
    are left out. *blind*: no effort was given, and the messages do not speak of hours. *earlier*: the
    definitions the cards had before, to say what evidence was recorded under where goalposts moved.
    """
    hours = hours_by_prototype(effort)
    sunk = (lambda spent: "") if blind else _sunk
    latest_verdict: dict[int, Verdict] = {}
    judged = set()  # (prototype, criteria hash) of each verdict given: a card judged on its criteria as they are
    for verdict in sorted(verdicts, key=lambda v: v.id):
        if verdict.day <= as_of:
            latest_verdict[verdict.prototype] = verdict
            judged.add((verdict.prototype, verdict.criteria_hash))
    threshold = high_effort_threshold([hours.get(n, 0.0) for n in judgements], sunk_cost_hours)
    basis = "above the configured sunk_cost_hours" if sunk_cost_hours is not None else "top quartile of active prototypes"
    warnings = []
    for card in sorted(cards, key=lambda c: c.number):
        spent = hours.get(card.number, 0.0)
        name = f"{card.ref} {card.title}"
        judgement = judgements.get(card.number)
        verdict = latest_verdict.get(card.number)
        # A closed card's override is news for one stale_days window; an active card's stays news.
        recent = verdict is not None and (judgement is not None or (as_of - verdict.day).days <= stale_days)
        if recent and is_override(verdict.verdict, verdict.recommendation):
            warnings.append(SunkCostWarning(card.number, "override", (
                f"{name}: the {verdict.verdict} verdict of {verdict.day} overrode the recommendation "
                f"({verdict.recommendation}); reason given: {verdict.reason}. {sunk(spent)}"), spent))
        if judgement is None:
            continue
        past = card.deadline is not None and as_of > card.deadline
        if threshold is not None and spent >= threshold and spent > 0 and (judgement.recommendation == "discard" or past):
            why = "is recommended for discard" if judgement.recommendation == "discard" else f"is past its deadline {card.deadline}"
            warnings.append(SunkCostWarning(card.number, "high-effort", (
                f"{name}: {hours_text(spent)} logged ({basis}) and it {why}. Those hours are spent whichever "
                f"way you decide: they are sunk and play no part in the recommendation."), spent))
        entries = evidence.get(card.number, [])
        moved = goalposts.moved(card, entries, earlier) if (card.number, card.criteria_hash) not in judged else ()
        if moved:
            warnings.append(SunkCostWarning(card.number, "goalposts-moved", (
                f"{name}: goalposts moved: {goalposts.explain(moved)}. Evidence is judged against the criteria "
                f"as they are now. {sunk(spent)}"), spent, tuple(m.criterion for m in moved), moved))
        # ISO days compare as text, and `at` starts with the day it was recorded: one date parsed, not one per entry.
        latest = max((e.measured or e.at[:10] for e in entries), default=None)
        last = dt.date.fromisoformat(latest) if latest else card.started
        if last is not None and (as_of - last).days > stale_days:
            since = f"since {last}" if entries else f"since it started on {last}"
            warnings.append(SunkCostWarning(card.number, "stale-evidence", (
                f"{name}: no new evidence for {(as_of - last).days} days ({since}; the limit is {stale_days}). "
                f"{sunk(spent)}"), spent))
        if past:
            warnings.append(SunkCostWarning(card.number, "deadline-passed", (
                f"{name}: its deadline {card.deadline} passed {(as_of - card.deadline).days} days ago; decide now "
                f"on the evidence. {sunk(spent)}"), spent))
    if blind:
        return [replace(w, message=w.message.rstrip()) for w in warnings]
    return warnings
