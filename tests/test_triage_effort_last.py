"""`decide triage` judges before it reads the effort ledger, which a first run reads in a second process
meanwhile: what it shows is what judging every record at once shows, on any day asked for."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import from_today

from toolkit.actions import triage as triaging
from toolkit.actions.triage import as_of_records, load_records, run, triage
from toolkit.workspace import open_workspace


def _restamp(ledger: Path, days: list[str]) -> None:
    """Give the entries of *ledger*, in order, the days *days* (their `at`), as if recorded then."""
    lines = [json.loads(line) for line in ledger.read_text().splitlines()]
    for line, day in zip(lines, days, strict=True):
        line["at"] = f"{day}T10:00:00+00:00"
    ledger.write_text("".join(json.dumps(line) + "\n" for line in lines))


@pytest.fixture
def recorded(repo, decide) -> Path:
    """Three prototypes over twenty days: evidence and effort before and after the days asked for,
    entries retracted before and after them, a verdict given later, and a bad line in each ledger."""
    for title in ("Kafka ingest", "Edge cache", "Search rewrite"):
        assert decide("proto", "new", title, "--deadline", from_today(40), cwd=repo).exit_code == 0
    for ref in ("P1", "P2", "P3"):
        assert decide("criterion", "add", ref, "p99", "--target", "<= 200", "--kill", "> 500", cwd=repo).exit_code == 0
    for ref, value in (("P1", "240"), ("P1", "150"), ("P2", "600"), ("P2", "120"), ("P3", "90"), ("P1", "700")):
        assert decide("evidence", "add", ref, "p99", value, cwd=repo).exit_code == 0
    for ref, hours in (("P1", "8"), ("P2", "20"), ("P2", "24"), ("P3", "4"), ("P1", "6")):
        assert decide("effort", "log", ref, hours, "--date", from_today(-25), cwd=repo).exit_code == 0
    folder = repo / "prototypes"
    for card in folder.glob("000*.md"):
        card.write_text(card.read_text().replace(f"started: {from_today(0)}", f"started: {from_today(-30)}"))
    _restamp(folder / "evidence.jsonl", [from_today(n) for n in (-20, -15, -14, -6, -5, -3)])
    _restamp(folder / "effort.jsonl", [from_today(n) for n in (-20, -16, -9, -7, -2)])
    evidence = json.loads(decide("evidence", "list", "--format", "json", cwd=repo).stdout)
    effort = json.loads(decide("effort", "list", "--format", "json", cwd=repo).stdout)
    retracted = (("evidence", evidence[1]), ("effort", effort[1]), ("evidence", evidence[5]), ("effort", effort[2]))
    for name, entry in retracted:
        assert decide(name, "retract", entry["id"], "--reason", "a typo", cwd=repo).exit_code == 0
    _restamp(folder / "retractions.jsonl", [from_today(n) for n in (-12, -11, -4, -1)])
    assert decide("keep", "P3", "--reason", "fast enough", cwd=repo).exit_code == 0
    _restamp(folder / "verdicts.jsonl", [from_today(-4)])
    for name in ("evidence", "effort", "verdicts"):
        with (folder / f"{name}.jsonl").open("a") as ledger:
            ledger.write('{"id": "bad", "at": "yesterday"}\n')
    return repo


@pytest.mark.parametrize("days", [-30, -18, -13, -8, -5, -3, -1, 0, 30])
def test_triage_shows_what_judging_every_record_at_once_shows(recorded, days):
    ws = open_workspace(recorded)
    as_of = dt.date.fromisoformat(from_today(days))
    shown = triage(ws, as_of)
    assert shown == run(ws, load_records(ws), as_of)
    # The records it judged, with the effort read after: the records of that day, retracted entries included.
    read = triaging._read_for_judging(ws)
    stood = triaging._with_effort(ws, read, as_of_records(read.records, as_of, ws))
    assert stood == as_of_records(load_records(ws), as_of, ws)
    assert {type(w.entry).__name__ for w in stood.withdrawn} == ({"Evidence", "Effort"} if days >= -11 else set())
    assert [problem.path for problem in shown.problems] == [
        "prototypes/evidence.jsonl", "prototypes/effort.jsonl", "prototypes/verdicts.jsonl"]


def test_the_days_asked_for_see_different_records(recorded):
    """The records above tell the days apart: the comparison is not of empty triages."""
    ws = open_workspace(recorded)
    seen = set()
    for days in (-18, -13, -8, -3, 0):
        shown = triage(ws, dt.date.fromisoformat(from_today(days)))
        seen.add((tuple((row.card.ref, row.judgement.recommendation) for row in shown.rows),
                  tuple((w.prototype, w.kind, w.hours) for w in shown.warnings)))
    assert len(seen) == 5
