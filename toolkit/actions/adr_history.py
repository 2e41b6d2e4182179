"""`decide adr history` and decision dates: an ADR's status changes as git recorded them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from toolkit.actions.adrs import load_decisions
from toolkit.errors import DecisionbookError
from toolkit.history.filelog import FileRevision, file_history, folder_history
from toolkit.records import adr
from toolkit.workspace import Workspace

COLUMNS = ["date", "commit", "author", "before", "after", "subject"]
DECIDED = ("accepted", "rejected")


def same_record(before: str, after: str) -> bool:
    """Whether a rename from *before* to *after* keeps one ADR: its number stays (a retitle) or its slug (a renumber)."""
    old, new = before.rsplit("/", 1)[-1], after.rsplit("/", 1)[-1]
    old_number, _, old_slug = old.partition("-")
    new_number, _, new_slug = new.partition("-")
    return (old_number == new_number and old_number.isdigit()) or (old_slug == new_slug and bool(old_slug))


def _status(revision: FileRevision) -> str | None:
    """The status the file held after *revision*; "deleted", or "unreadable" when it did not parse."""
    if revision.content is None:
        return "deleted" if revision.change == "D" else None
    try:
        return adr.parse(revision.content, Path(revision.path)).status
    except DecisionbookError:
        return "unreadable"


def _rows(revisions: list[FileRevision]) -> list[dict]:
    rows = []
    before = None
    for revision in revisions:
        after = _status(revision)
        rows.append({
            "date": revision.date,
            "commit": revision.commit[:12],
            "sha": revision.commit,
            "author": revision.author,
            "path": revision.path,
            "before": before,
            "after": after,
            "subject": revision.subject,
        })
        before = after
    return rows


def adr_history(workspace: Workspace, ref: str) -> list[dict]:
    """Each commit that changed ADR *ref* (following its own renames only), oldest first, with status before and after."""
    record = load_decisions(workspace).find(ref)
    rows = _rows(file_history(workspace.root, record.path, same_record))
    if not rows:
        raise DecisionbookError("has no commits yet: commit it to start its history", workspace.relative(record.path))
    return rows


def _day(iso: str) -> dt.date:
    return dt.datetime.fromisoformat(iso).date()


def histories(workspace: Workspace) -> dict[str, list[dict]]:
    """The history rows (as `adr_history` gives them) of every committed file in the ADR folder, by file name."""
    return {path.rsplit("/", 1)[-1]: _rows(revisions)
            for path, revisions in folder_history(workspace.root, workspace.adr_dir, same_record).items()}


def decision_dates(workspace: Workspace) -> dict[str, dict]:
    """For each committed ADR (keyed as `load_decisions` keys it): proposed on, accepted on, days to decide.

    "proposed on" is the first commit where the ADR was proposed (or first committed, if it
    started in another status); "days to decide" runs from there to the first accepted or
    rejected status. None where history does not tell.
    """
    by_path = histories(workspace)
    dates = {}
    for record in load_decisions(workspace).records:
        rows = by_path.get(record.name)
        if not rows:
            continue
        proposed = next((r["date"] for r in rows if r["after"] == "proposed"), rows[0]["date"])
        accepted = next((r["date"] for r in rows if r["after"] == "accepted"), None)
        decided = next((r["date"] for r in rows if r["after"] in DECIDED), None)
        dates[record.key] = {
            "proposed_on": _day(proposed),
            "accepted_on": _day(accepted) if accepted else None,
            "days_to_decide": (_day(decided) - _day(proposed)).days if decided else None,
        }
    return dates
