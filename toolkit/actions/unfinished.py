"""Verdicts whose card was left behind (ADR 0215), and discards whose branch was left unarchived (ADR 0242).

A verdict is two writes: its line in the verdict ledger, then the card's `status:` (and the `deadline:` an iterate
sets). The ledger is written first and is the truth; the card copies it. A command killed between the two leaves a
card that still says what it said before its latest verdict: readers take the status from the ledger, `decide check`
names the card, and the same verdict given again writes the card and records nothing twice. A discard then archives
the prototype's branch, a third step that a kill, or git refusing the tag, can leave undone: `decide check` names
that branch too, and the discard given again archives it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from toolkit.history.archive import TAG_PREFIX, unarchived
from toolkit.records import frontmatter
from toolkit.records.finding import Finding
from toolkit.records.ledger import LedgerRead, Verdict
from toolkit.records.prototype import Prototype
from toolkit.workspace import Workspace

STATUS_AFTER = {"keep": "kept", "iterate": "active", "discard": "discarded"}


def latest(verdicts: LedgerRead) -> dict[int, tuple[Verdict, int | None]]:
    """Each prototype's latest verdict (by id, the order they were given) and the ledger line it is on."""
    lines = verdicts.lines or [None] * len(verdicts.entries)
    found: dict[int, tuple[Verdict, int | None]] = {}
    for verdict, line in zip(verdicts.entries, lines):
        if verdict.prototype not in found or verdict.id > found[verdict.prototype][0].id:
            found[verdict.prototype] = (verdict, line)
    return found


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def behind(card: Prototype, verdict: Verdict) -> bool:
    """Whether *card* still says what it said before *verdict*, its latest, and not what the verdict made it.

    A verdict of a version that did not record the card's status before it cannot tell and is taken as written.
    """
    if verdict.previous_status is None:
        return False
    if card.status == verdict.previous_status != STATUS_AFTER[verdict.verdict]:
        return True
    return verdict.deadline is not None and _day(card.deadline) == verdict.previous_deadline != verdict.deadline


def caught_up(card: Prototype, verdict: Verdict) -> Prototype:
    """*card* as *verdict* left it: its status, and the deadline an iterate set."""
    deadline = dt.date.fromisoformat(verdict.deadline) if verdict.deadline is not None else card.deadline
    return replace(card, status=STATUS_AFTER[verdict.verdict], deadline=deadline)


def finding(ws: Workspace, card: Prototype, verdict: Verdict, line: int | None) -> Finding:
    """A warning at the card's line that lags *verdict* (on *line* of the verdict ledger), naming the command
    that finishes it."""
    key = "status" if card.status != STATUS_AFTER[verdict.verdict] else "deadline"
    said = f"{key} {card.status if key == 'status' else _day(card.deadline)}"
    made = STATUS_AFTER[verdict.verdict] if key == "status" else verdict.deadline
    where = ws.relative(ws.verdict_ledger) + (f":{line}" if line is not None else "")
    # A card put back to active by hand, on purpose: the ledger still says kept or discarded until a verdict says not.
    reopen = (f", or `decide iterate P{card.number} --reason ...` to reopen it"
              if key == "status" and verdict.verdict != "iterate" else "")
    again = f"decide {verdict.verdict} P{card.number}" + (f" --deadline {verdict.deadline}" if verdict.deadline else "")
    return Finding(ws.relative(card.path), frontmatter.key_line(card.path, key), "warning",
                   f"says {said}, but its {verdict.verdict} of {verdict.at[:10]} ({where}) made it {made}: the card "
                   f"was not written after it (the command was cut short, or the card edited back); run `{again} "
                   "--reason ...` again to finish it (no second verdict is recorded)" + reopen)


def lagging(ws: Workspace, cards, verdicts: LedgerRead) -> list[tuple[Prototype, Verdict, int | None]]:
    """Each card of *cards* behind its latest verdict, with that verdict and its ledger line."""
    last = latest(verdicts)
    return [(card, *last[card.number]) for card in cards if card.number in last and behind(card, last[card.number][0])]


def left_unarchived(ws: Workspace, cards, verdicts: LedgerRead) -> list[Finding]:
    """A warning at the `branch:` line of each card whose latest verdict, a discard, archives its branch, where
    that branch is still there with no archive tag and no other card not discarded names it."""
    last = latest(verdicts)
    working = {card.branch for card in cards if card.status != STATUS_AFTER["discard"]}
    named = {}
    for card in cards:
        verdict, line = last.get(card.number, (None, None))
        if (verdict is not None and verdict.verdict == "discard" and verdict.archives
                and verdict.archives == card.branch and card.branch not in working and not behind(card, verdict)):
            named[card.number] = (card, verdict, line)
    left = unarchived(ws.root, (card.branch for card, _, _ in named.values()))
    found = []
    for card, verdict, line in named.values():
        if card.branch in left:
            where = ws.relative(ws.verdict_ledger) + (f":{line}" if line is not None else "")
            found.append(Finding(
                ws.relative(card.path), frontmatter.key_line(card.path, "branch"), "warning",
                f"branch {card.branch!r} is still there, with no tag {TAG_PREFIX}{card.branch}, though the discard of "
                f"{verdict.at[:10]} ({where}) archives it: the command was cut short, or git refused the tag; run "
                f"`decide discard P{card.number} --reason ...` again to archive it (no second verdict is recorded)"))
    return found
