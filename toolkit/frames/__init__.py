"""Workspace -> pandas DataFrames: the API that notebooks and reports call."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path

import pandas as pd

from toolkit.records.bulk import paused_gc
from toolkit.workspace import Workspace, open_workspace


def _as_of(value: dt.date | str | None) -> dt.date:
    from toolkit.actions.prototypes import parse_date

    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    return parse_date(value, "as_of")


class Book:
    """A workspace's records as DataFrames. Files are read once per Book; open a new one to see changes.

    Every number here comes from the same functions the `decide` commands call.
    """

    def __init__(self, workspace: Workspace):
        self.workspace = workspace
        self._judged: dict[dt.date, object] = {}

    @classmethod
    def open(cls, path: str | Path = ".") -> Book:
        return cls(open_workspace(path))

    @cached_property
    def records(self):
        """Cards and ledgers as loaded (`toolkit.actions.triage.Records`); `.problems` lists what did not load."""
        from toolkit.actions.triage import load_records

        return load_records(self.workspace)

    @paused_gc()
    def decisions(self) -> pd.DataFrame:
        """One row per ADR: number, key, title, status, status_raw, date, path, form, superseded_by,
        supersedes, links, decision_makers, consulted, informed, prototypes, data_change."""
        from toolkit.frames.decisions import decisions_frame

        return decisions_frame(self.workspace)

    @paused_gc()
    def prototypes(self) -> pd.DataFrame:
        """One row per card: prototype (number), ref, title, status, owner, started, deadline, branch,
        decisions, criteria (count), path, hypothesis, criteria_hash."""
        from toolkit.frames.prototypes import prototypes_frame

        return prototypes_frame(self.workspace, self.records)

    @paused_gc()
    def criteria(self) -> pd.DataFrame:
        """One row per criterion of every card: prototype, ref, title, status, criterion, metric, target,
        kill, must, weight, aggregate, evidence (count), latest (the value measured last), value (aggregated),
        state."""
        from toolkit.frames.prototypes import criteria_frame

        return criteria_frame(self.records)

    @paused_gc()
    def evidence(self) -> pd.DataFrame:
        """One row per evidence entry: id, at, prototype, criterion, value, unit, source, note, by,
        criteria_hash, criterion_hash."""
        from toolkit.frames.ledgers import evidence_frame

        return evidence_frame(self.records)

    @paused_gc()
    def effort(self) -> pd.DataFrame:
        """One row per effort entry: id, at, prototype, hours, date, by, note."""
        from toolkit.frames.ledgers import effort_frame

        return effort_frame(self.records)

    @paused_gc()
    def verdicts(self) -> pd.DataFrame:
        """One row per verdict: id, at, prototype, verdict, reason, recommendation, merit, override,
        toward_keep, criteria_hash, by."""
        from toolkit.frames.ledgers import verdicts_frame

        return verdicts_frame(self.records)

    def _triage(self, as_of):
        from toolkit.actions.triage import run

        day = _as_of(as_of)
        if day not in self._judged:
            self._judged[day] = run(self.workspace, self.records, day)
        return self._judged[day]

    @paused_gc()
    def triage(self, as_of: dt.date | str | None = None) -> pd.DataFrame:
        """One row per active prototype, judged on evidence alone as `decide triage` does: prototype, ref,
        title, status, owner, started, deadline, branch, decisions, criteria, path, hypothesis, merit,
        coverage, recommendation, reason, met, unmet, killed, unmeasured (counts), criteria_hash.
        `attrs["as_of"]` holds the date."""
        from toolkit.frames.triage import triage_frame

        return triage_frame(self.workspace, self._triage(as_of))

    @paused_gc()
    def sunk_cost(self, as_of: dt.date | str | None = None) -> pd.DataFrame:
        """One row per sunk-cost warning: prototype, ref, title, kind (high-effort, override,
        goalposts-moved, stale-evidence, deadline-passed), hours, criteria (that moved), message."""
        from toolkit.frames.triage import sunk_cost_frame

        return sunk_cost_frame(self._triage(as_of))

    def audit(self) -> pd.DataFrame:
        """The sunk-cost audit by effort quartile: quartile, min_hours, max_hours, verdicts,
        overrides_toward_keep, rate; `attrs["conclusion"]` holds the one-sentence finding."""
        from toolkit.frames.triage import audit_frame
        from toolkit.judge.audit import audit

        return audit_frame(audit(self.records.verdicts, self.records.effort))

    def weekly(self, as_of: dt.date | str | None = None, blind: bool = True, since: dt.date | str | None = None):
        """What the weekly triage report shows (`toolkit.frames.weekly.Weekly`); blind loads no effort at all.
        "Since" starts at *since* when given, else at the previous meeting, else a week before *as_of*."""
        from toolkit.frames.weekly import weekly

        return weekly(self.workspace, _as_of(as_of), blind, _as_of(since) if since else None)

    def review(self, adr, as_of: dt.date | str | None = None):
        """What the design-review report shows for ADR *adr* (`toolkit.frames.review.Review`)."""
        from toolkit.frames.review import review

        return review(self.workspace, adr, _as_of(as_of))

    def git_activity(self) -> pd.DataFrame:
        """One row per prototype with a branch: commits not on main, active days, authors, lines, and hours logged beside them."""
        from toolkit.frames.history import git_activity

        return git_activity(self.workspace)

    def decision_history(self) -> pd.DataFrame:
        """One row per ADR from git history: adr, title, status, "proposed on", "accepted on", "days to decide"."""
        from toolkit.frames.history import decision_history

        return decision_history(self.workspace)

    def log(self):
        """What the decision-log report shows (`toolkit.frames.log.DecisionLog`)."""
        from toolkit.frames.log import decision_log

        return decision_log(self.workspace)
