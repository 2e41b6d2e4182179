"""The weekly report's numbers are the numbers `decide triage` prints for the same date."""

from __future__ import annotations

import json

from conftest import from_today
from report_fixtures import AS_OF

import toolkit


def test_weekly_frame_agrees_with_triage_command(report_workspace, decide):
    printed = json.loads(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=report_workspace).stdout)
    expected = {row["ref"]: (row["recommendation"], row["merit"], row["reason"]) for row in printed["prototypes"]}
    for blind in (True, False):
        week = toolkit.open_workspace(report_workspace).weekly(AS_OF, blind=blind)
        shown = {row["ref"]: (row["recommendation"], row["merit"], row["reason"]) for row in week.sections}
        assert shown == expected
    assert len(expected) >= 3


def test_records_made_after_as_of_count_in_neither(repo, decide):
    """`--as-of` takes the workspace as it stood that day: later cards, evidence and verdicts do not count."""
    decide("proto", "new", "Edge cache", cwd=repo)
    decide("criterion", "add", "P1", "hit-rate", "--target", ">= 0.8", "--must", cwd=repo)
    assert decide("evidence", "add", "P1", "hit-rate", "0.9", cwd=repo).exit_code == 0
    future = from_today(30)
    now = json.loads(decide("triage", "--as-of", future, "--format", "json", cwd=repo).stdout)["prototypes"]
    assert [(r["recommendation"], r["merit"]) for r in now] == [("keep", 1.0)]
    assert [(r["recommendation"], r["merit"]) for r in toolkit.open_workspace(repo).weekly(future).sections] == [("keep", 1.0)]
    past = "2026-01-05"
    assert json.loads(decide("triage", "--as-of", past, "--format", "json", cwd=repo).stdout)["prototypes"] == []
    assert toolkit.open_workspace(repo).weekly(past).sections == ()
