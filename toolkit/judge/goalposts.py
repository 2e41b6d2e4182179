"""Goalposts moved: criteria whose evidence was recorded under another definition than the card has now."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from toolkit.records.criteria import format_number
from toolkit.records.ledger import Evidence
from toolkit.records.prototype import Criterion, Prototype


@dataclass(frozen=True)
class Moved:
    """A criterion with evidence recorded under another definition, or removed from the card after evidence."""

    criterion: str
    entries: int  # evidence entries recorded under another definition
    now: Criterion | None  # None: the card has no such criterion now
    earlier: tuple[Criterion | None, ...] = ()  # the definitions they were recorded under, oldest first; None: unknown
    certain: bool = True  # False: entries older than criterion hashes, recorded when the card's criteria differed

    @property
    def removed(self) -> bool:
        return self.now is None


@dataclass(frozen=True)
class Earlier:
    """Definitions cards had before, as their committed versions hold them."""

    criteria: Mapping[str, Criterion]  # by the criterion's hash
    cards: Mapping[str, tuple[Criterion, ...]]  # a version's criteria, by the hash of them all


NOTHING = Earlier({}, {})


def earlier(versions: Iterable[Prototype]) -> Earlier:
    """What earlier *versions* of cards say about the definitions their evidence was recorded under."""
    criteria: dict[str, Criterion] = {}
    cards: dict[str, tuple[Criterion, ...]] = {}
    for version in versions:
        cards.setdefault(version.criteria_hash, version.criteria)
        for criterion in version.criteria:
            criteria.setdefault(criterion.hash, criterion)
    return Earlier(criteria, cards)


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


def _recorded_under(card: Prototype, entry: Evidence, earlier: Earlier) -> tuple[bool | None, Criterion | None]:
    """(moved, definition): moved is True if *entry* was recorded under another definition of its criterion
    than *card* has, None if it may have been (an entry without its criterion's hash, recorded when the card's
    criteria differed); definition is the one it was recorded under, where *earlier* knows it."""
    if entry.criteria_hash is not None and entry.criteria_hash == card.criteria_hash:
        return False, None  # the whole card is as it was, so each criterion is too
    now = card.criterion(entry.criterion)
    if entry.criterion_hash is not None:
        if now is not None and entry.criterion_hash == now.hash:
            return False, None
        return True, earlier.criteria.get(entry.criterion_hash)
    if entry.criteria_hash is None:
        return False, None  # recorded before any hash was kept: nothing to compare
    # Older than criterion hashes: a committed version of the card with the criteria of that day tells which.
    version = earlier.cards.get(entry.criteria_hash, ())
    was = next((c for c in version if c.id == entry.criterion), None)
    if was is None:
        return (True if now is None else None), None
    return (False, None) if now is not None and was.hash == now.hash else (True, was)


def moved(card: Prototype, entries: Iterable[Evidence], earlier: Earlier = NOTHING) -> tuple[Moved, ...]:
    """The criteria of *card* (or gone from it) whose *entries* were recorded under another definition, by id.

    Each entry is judged by its own criterion's hash; only an entry written before those were kept falls
    back to the hash of the card's criteria as a whole, and then, unless *earlier* holds the card as it was,
    which criterion changed is not known.
    """
    found: dict[str, list[tuple[bool | None, Criterion | None]]] = {}
    for entry in entries:
        sure, was = _recorded_under(card, entry, earlier)
        if sure is not False:
            found.setdefault(entry.criterion, []).append((sure, was))
    return tuple(_found(card, criterion, rows) for criterion, rows in sorted(found.items()))


def _found(card: Prototype, criterion: str, rows: list[tuple[bool | None, Criterion | None]]) -> Moved:
    definitions = {}
    for sure, was in rows:
        if sure:  # an entry that only may have moved says nothing of its criterion's definition
            definitions.setdefault(was.hash if was is not None else None, was)
    return Moved(criterion, len(rows), card.criterion(criterion), tuple(definitions.values()), bool(definitions))


def recorded(found: Moved) -> str:
    """How *found*'s evidence was recorded, e.g. `2 evidence entries were recorded under target >= 0.9`."""
    if not found.certain:
        return (f"{entry_count(found.entries)} recorded when the card's criteria differed, and which of them "
                "changed is not known")
    under = " and ".join(f"under {describe(c)}" if c is not None else "under another definition" for c in found.earlier)
    return f"{entry_count(found.entries)} recorded {under}"


def _kind(found: Moved) -> str:
    return "removed" if found.removed else "changed" if found.certain else "may have changed"


def _now(found: Moved) -> str:
    return "" if found.removed else f"; now {describe(found.now)}"


def said(found: Moved) -> str:
    """*found* as one clause, e.g. `criterion 'p99' changed after evidence: 1 evidence entry was recorded
    under target <= 200; now target <= 250`."""
    return f"criterion {found.criterion!r} {_kind(found)} after evidence: {recorded(found)}{_now(found)}"


def explain(found: Iterable[Moved]) -> str:
    """*found* in words, each criterion with the definitions its evidence was recorded under and the one it has now,
    e.g. `changed after evidence: p99 (1 evidence entry was recorded under target <= 200; now target <= 250)`."""
    groups: dict[str, list[str]] = {"changed": [], "removed": [], "may have changed": []}
    for m in found:
        groups[_kind(m)].append(f"{m.criterion} ({recorded(m)}{_now(m)})")
    return "; ".join(f"{kind} after evidence: {', '.join(items)}" for kind, items in groups.items() if items)
