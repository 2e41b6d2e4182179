"""The effort-blind judgement: criteria and evidence, as of a date, give states, merit and a recommendation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.records.criteria import aggregate, format_number

if TYPE_CHECKING:
    from toolkit.records.ledger import Evidence
    from toolkit.records.prototype import Criterion


@dataclass(frozen=True)
class CriterionState:
    criterion: Criterion
    state: str  # met | unmet | killed | unmeasured
    value: float | bool | None  # the aggregated evidence value; None when unmeasured
    count: int  # evidence entries behind the value


@dataclass(frozen=True)
class Judgement:
    states: tuple[CriterionState, ...]
    merit: float
    coverage: float
    recommendation: str  # keep | iterate | discard | needs-evidence
    reason: str


def _shown(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return format_number(round(value, 6))


def _names(states: Iterable[CriterionState]) -> str:
    return ", ".join(s.criterion.id for s in states)


def measured_order(entry: Evidence) -> tuple[str, str]:
    """Where an evidence entry stands among its criterion's values: by the day it was measured (`measured`
    when given, else the day of `at`), then by id, the order it was recorded in. "latest" is the last."""
    return (entry.measured or entry.at[:10], entry.id)


def values_by_criterion(criteria: Iterable[Criterion], evidence: Iterable[Evidence]) -> dict[str, list]:
    """{criterion id: its evidence values in `measured_order`, oldest first}; evidence for criteria not
    in *criteria* is left out. A value recorded late for an earlier day does not replace a newer one."""
    values: dict[str, list] = {c.id: [] for c in criteria}
    for entry in sorted(evidence, key=measured_order):
        found = values.get(entry.criterion)
        if found is not None:
            found.append(entry.value)
    return values


def state_of(criterion: Criterion, values: list) -> CriterionState:
    """The state of *criterion* on its *values* (in `measured_order`). A value that meets the target is
    `met` even where the kill condition holds too: a card whose kill overlaps its target is an error
    `decide check` names, and a value meeting the card's own target never recommends discard."""
    if not values:
        return CriterionState(criterion, "unmeasured", None, 0)
    value = aggregate(values, criterion.aggregate)
    if criterion.target.holds(value):
        state = "met"
    elif criterion.kill is not None and criterion.kill.holds(value):
        state = "killed"
    else:
        state = "unmet"
    return CriterionState(criterion, state, value, len(values))


def judge(
    criteria: Sequence[Criterion],
    evidence: Iterable[Evidence],
    as_of: dt.date,
    deadline: dt.date | None,
    keep_threshold: float,
) -> Judgement:
    """Judge one prototype on its *evidence* against its *criteria*, as of *as_of*.

    There is no effort parameter, by design: a prototype that took three weeks and one that took
    thirty minutes get the same recommendation on the same evidence. Evidence for criteria not on
    the card is ignored; values are taken in `measured_order` (the day measured, then id), so
    "latest" is the value measured last, whenever it was recorded.
    """
    values = values_by_criterion(criteria, evidence)
    states = tuple(state_of(c, values[c.id]) for c in criteria)
    total = sum(c.weight for c in criteria)
    met = sum(s.criterion.weight for s in states if s.state == "met")
    measured = sum(s.criterion.weight for s in states if s.state != "unmeasured")
    merit = met / total if total else 0.0
    coverage = measured / total if total else 0.0
    recommendation, reason = _recommend(states, merit, as_of, deadline, keep_threshold)
    return Judgement(states, merit, coverage, recommendation, reason)


def _musts(states) -> list[str]:
    """The parts of a reason naming the must-haves that hold keep back: those measured and not met
    (unmet), apart from those not yet measured."""
    parts = []
    unmet = [s for s in states if s.criterion.must and s.state == "unmet"]
    unmeasured = [s for s in states if s.criterion.must and s.state == "unmeasured"]
    if unmet:
        parts.append(f"must-have not met: {_names(unmet)}")
    if unmeasured:
        parts.append(f"must-have not yet measured: {_names(unmeasured)}")
    return parts


def _recommend(states, merit, as_of, deadline, threshold) -> tuple[str, str]:
    killed = [s for s in states if s.state == "killed"]
    musts_unmet = [s for s in states if s.criterion.must and s.state != "met"]
    if killed:
        crossed = "; ".join(f"{s.criterion.id} is {_shown(s.value)}, kill {s.criterion.kill}" for s in killed)
        return "discard", f"kill condition crossed: {crossed}"
    if deadline is not None and as_of > deadline and musts_unmet:
        return "discard", f"deadline {deadline.isoformat()} passed with {'; '.join(_musts(musts_unmet))}"
    if not states:
        return "needs-evidence", "no criteria registered; add them with `decide criterion add`"
    if all(s.state == "unmeasured" for s in states):
        return "needs-evidence", f"nothing measured yet: {_names(states)}"
    score = f"merit {merit:.2f}"
    met = [s for s in states if s.state == "met"]
    if not musts_unmet and merit >= threshold:
        musts = [s for s in met if s.criterion.must]
        must_text = f"all must-haves met ({_names(musts)}), " if musts else ""
        return "keep", f"{must_text}{score} >= {threshold:.2f} (met: {_names(met)})"
    # The must-haves first, then every unmet and every unmeasured criterion (must-haves too), so the
    # lists name what the counts `unmet` and `unmeasured` count.
    parts = _musts(musts_unmet)
    if merit < threshold:
        parts.append(f"{score} < {threshold:.2f}")
    unmet = [s for s in states if s.state == "unmet"]
    unmeasured = [s for s in states if s.state == "unmeasured"]
    if unmet:
        parts.append(f"unmet: {_names(unmet)}")
    if unmeasured:
        parts.append(f"unmeasured: {_names(unmeasured)}")
    return "iterate", "; ".join(parts)
