"""Goalposts moved: criteria whose evidence was recorded under another definition than the card has now."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.records.criteria import format_number
from toolkit.records.ledger import Evidence
from toolkit.records.prototype import Criterion, Prototype


@dataclass(frozen=True)
class Moved:
    """A criterion with evidence recorded under another definition, or removed from the card after evidence."""

    criterion: str
    entries: int  # evidence entries recorded under another definition
    removed: bool  # the card has no such criterion now
    certain: bool = True  # False: entries older than criterion hashes, recorded when the card's criteria differed


def describe(criterion: Criterion) -> str:
    """What *criterion* asks for, in words: every part of it whose change moves the goalposts."""
    parts = [f"target {criterion.target}"]
    if criterion.kill is not None:
        parts.append(f"kill {criterion.kill}")
    if criterion.must:
        parts.append("must")
    if criterion.weight != 1:
        parts.append(f"weight {format_number(criterion.weight)}")
    if criterion.aggregate != "latest":
        parts.append(f"aggregate {criterion.aggregate}")
    return ", ".join(parts)


def entry_count(count: int) -> str:
    """`1 evidence entry was` or `N evidence entries were`."""
    return "1 evidence entry was" if count == 1 else f"{count} evidence entries were"


def _moved(card: Prototype, entry: Evidence) -> bool | None:
    """True if *entry* was recorded under another definition of its criterion than *card* has; None if it may
    have been (an entry without its criterion's hash, recorded when the card's criteria differed)."""
    if entry.criteria_hash is not None and entry.criteria_hash == card.criteria_hash:
        return False  # the whole card is as it was, so each criterion is too
    now = card.criterion(entry.criterion)
    if entry.criterion_hash is not None:
        return now is None or entry.criterion_hash != now.hash
    if entry.criteria_hash is None:
        return False  # recorded before any hash was kept: nothing to compare
    return True if now is None else None


def moved(card: Prototype, entries: Iterable[Evidence]) -> tuple[Moved, ...]:
    """The criteria of *card* (or gone from it) whose *entries* were recorded under another definition, by id.

    Each entry is judged by its own criterion's hash; only an entry written before those were kept falls
    back to the hash of the card's criteria as a whole, and then which criterion changed is not known.
    """
    found: dict[str, list[bool]] = {}
    for entry in entries:
        verdict = _moved(card, entry)
        if verdict is not False:
            found.setdefault(entry.criterion, []).append(verdict is True)
    return tuple(Moved(criterion, len(sure), card.criterion(criterion) is None, any(sure))
                 for criterion, sure in sorted(found.items()))


def explain(found: Iterable[Moved]) -> str:
    """*found* in words, e.g. `changed after evidence: p99; removed after evidence: cost`."""
    groups = {"changed after evidence": [], "removed after evidence": [], "may have changed after evidence": []}
    for m in found:
        kind = "removed" if m.removed else "changed" if m.certain else "may have changed"
        groups[f"{kind} after evidence"].append(m.criterion)
    return "; ".join(f"{kind}: {', '.join(ids)}" for kind, ids in groups.items() if ids)
