"""Frames from git: prototype branch activity beside logged hours, and when each ADR was proposed and decided."""

from __future__ import annotations

from toolkit.workspace import Workspace

ACTIVITY_COLUMNS = [
    "prototype", "title", "branch", "state", "commits", "active days", "authors",
    "lines added", "lines removed", "first commit", "last commit", "hours logged",
]
DECISION_COLUMNS = ["adr", "title", "status", "proposed on", "accepted on", "days to decide"]


def git_activity(workspace: Workspace):
    """One row per prototype with a branch: its own commits (not on main) and, separately, logged hours."""
    import pandas as pd

    from toolkit.actions.git_effort import git_effort
    from toolkit.history.dates import moment

    rows = [
        {
            "prototype": r["prototype"],
            "title": r["title"],
            "branch": r["branch"],
            "state": r["state"],
            "commits": r["commits"],
            "active days": r["active_days"],
            "authors": len(r["authors"]),
            "lines added": r["added"],
            "lines removed": r["removed"],
            # A date past the year 9999 is no datetime: not a time the frame can hold.
            "first commit": pd.Timestamp(moment(r["first"]) or pd.NaT),
            "last commit": pd.Timestamp(moment(r["last"]) or pd.NaT),
            "hours logged": r["hours"],
        }
        for r in git_effort(workspace).rows
    ]
    return pd.DataFrame(rows, columns=ACTIVITY_COLUMNS)


def decision_history(workspace: Workspace):
    """One row per ADR: "proposed on", "accepted on" and "days to decide" where git history tells."""
    import pandas as pd

    from toolkit.actions.adr_history import decision_dates
    from toolkit.actions.adrs import load_decisions

    dates = decision_dates(workspace)
    rows = []
    for record in load_decisions(workspace).records:
        known = dates.get(record.path, {})
        days = known.get("days_to_decide")
        rows.append({
            "adr": record.label,
            "title": record.title,
            "status": record.status,
            "proposed on": pd.Timestamp(known["proposed_on"]) if known.get("proposed_on") else pd.NaT,
            "accepted on": pd.Timestamp(known["accepted_on"]) if known.get("accepted_on") else pd.NaT,
            "days to decide": pd.NA if days is None else days,
        })
    frame = pd.DataFrame(rows, columns=DECISION_COLUMNS)
    frame["days to decide"] = frame["days to decide"].astype("Int64")
    return frame
