"""The three reports: which notebook, which parameters, which file name under reports/."""

from __future__ import annotations

import datetime as dt

from toolkit.reports.run import Report, require_parameter, run
from toolkit.workspace import Workspace


def weekly(ws: Workspace, as_of: dt.date | None = None, reveal: bool = False, progress: bool = True,
           since: dt.date | None = None) -> Report:
    """The weekly triage report as of *as_of* (default today): reports/<ISO week>-weekly-triage.html.

    Blind unless *reveal*: then the Sunk-cost check (hours, effort chart, high-effort warnings, git
    activity) is added and the file name says so, so a blind and a revealed report of the same week can
    sit side by side. "Since" starts at *since* when given, else at the last recorded meeting, else a
    week back (`toolkit.actions.meetings.window`).
    """
    from toolkit.actions.meetings import check_since

    day = as_of or dt.date.today()
    check_since(since, day)  # before the notebook runs: bad input, not a failed report
    stem = ws.weekly_report(day, reveal).stem
    parameters = {"workspace": str(ws.root), "as_of": day.isoformat(), "blind": not reveal}
    if since is not None:  # only when given: a team's notebook copied before `since` existed lacks it
        require_parameter(ws, "weekly-triage", "since", "--since")
        parameters["since"] = since.isoformat()
    return run(ws, "weekly-triage", stem, parameters, progress)


def review(ws: Workspace, adr: str, as_of: dt.date | None = None, progress: bool = True) -> Report:
    """The design review of ADR *adr*: reports/<date>-design-review-<adr>.html."""
    from toolkit.actions.adrs import find_one, load_decisions

    decision = find_one(ws, adr)[1]
    day = as_of or dt.date.today()
    name = f"{decision.number:04d}" if decision.number is not None else decision.key
    ref = decision.key
    if sum(record.key == decision.key for record in load_decisions(ws).records) > 1:
        # Each team's ADR 1 has the key `1`: the notebook is given the file, and the report's name its folder.
        ref, name = ws.relative(decision.path), f"{decision.path.parent.name}-{name}"
    return run(ws, "design-review", f"{day.isoformat()}-design-review-{name}",
               {"workspace": str(ws.root), "adr": ref, "as_of": day.isoformat()}, progress)


def log(ws: Workspace, on: dt.date | None = None, progress: bool = True) -> Report:
    """The decision log: reports/<date>-decision-log.html."""
    day = on or dt.date.today()
    return run(ws, "decision-log", f"{day.isoformat()}-decision-log", {"workspace": str(ws.root)}, progress)
