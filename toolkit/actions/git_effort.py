"""`decide effort git`: each prototype branch's own commits, shown beside (never mixed into) logged hours."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.actions.ledgers import read_effort, require_whole
from toolkit.actions.prototypes import load, read_cards
from toolkit.history.activity import activities
from toolkit.history.dates import day_text
from toolkit.records import columns
from toolkit.records.finding import Finding
from toolkit.workspace import Workspace

COLUMNS = ["prototype", "branch", "state", "commits", "active_days", "authors", "added", "removed", "first", "last", "hours"]


@dataclass(frozen=True)
class GitEffort:
    main_branch: str
    shallow: bool
    rows: tuple[dict, ...]
    problems: tuple[Finding, ...] = ()  # the cards that did not load, so their branches are not counted

    @property
    def notes(self) -> list[str]:
        notes = [f"commits counted against {self.main_branch}; hours come from the effort ledger and are not derived from commits"]
        if self.shallow:
            notes.append("this is a shallow clone: only the fetched history is counted (`git fetch --unshallow` for all of it)")
        return notes


def _logged_hours(workspace: Workspace) -> dict[int, float]:
    # What judge.sunkcost.hours_by_prototype sums, without importing the judge: this command's CPU
    # is measured against raw git's.
    hours: dict[int, float] = {}
    effort = read_effort(workspace)
    # An unreadable ledger would show every prototype at 0 hours, as if none were logged.
    require_whole(effort, until="no hours are shown")
    for prototype, spent in columns.values(effort.entries, "prototype", "hours"):
        hours[prototype] = hours.get(prototype, 0.0) + spent
    return hours


def git_effort(workspace: Workspace, prototype: str | None = None, until: str | None = None) -> GitEffort:
    """Git activity of every prototype with a `branch` (or of *prototype* alone), beside its logged hours;
    with *until* (YYYY-MM-DD), of the commits authored by the end of that day.

    A prototype whose branch is gone is reported with state `missing`; one whose branch was
    archived on discard is read from its `archive/<branch>` tag.
    """
    if prototype:
        cards, problems = [load(workspace, prototype)], ()
    else:
        read = read_cards(workspace)
        cards, problems = list(read.cards), read.problems
    cards = [card for card in cards if card.branch]
    report = activities(workspace.root, [card.branch for card in cards], workspace.config.main_branch,
                        Path(workspace.relative(workspace.config_path)), until)
    hours = _logged_hours(workspace)
    rows = []
    for card, act in zip(cards, report.activities):
        rows.append({
            "prototype": card.ref,
            "title": card.title,
            "branch": card.branch,
            "state": act.state,
            "ref": act.ref,
            "commits": act.commits,
            "active_days": act.active_days,
            "authors": list(act.authors),
            "added": act.added,
            "removed": act.removed,
            "first": act.first,
            "last": act.last,
            "hours": hours.get(card.number, 0.0),
        })
    return GitEffort(report.main_branch, report.shallow, tuple(rows), problems)


def as_text(result: GitEffort, fmt: str) -> str:
    """What `decide effort git` prints: a table with its notes, or JSON (*fmt*), ending in a line break."""
    if fmt == "json":
        import json

        return json.dumps({"main_branch": result.main_branch, "shallow": result.shallow, "prototypes": list(result.rows)},
                          indent=2) + "\n"
    from toolkit.records.table import render

    rows = [{**row, "first": day_text(row["first"]), "last": day_text(row["last"])} for row in result.rows]
    return "".join(f"{line}\n" for line in (render(rows, COLUMNS, fmt), *(f"note: {note}" for note in result.notes)))
