"""Correcting the ledgers: list them, retract an entry with an appended line, refuse implausible effort."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from conftest import from_today

AS_OF = from_today(30)


@pytest.fixture
def ws(repo, decide):
    decide("proto", "new", "Kafka ingest", "--deadline", from_today(64), cwd=repo)
    decide("proto", "new", "Edge cache", "--deadline", from_today(64), cwd=repo)
    decide("criterion", "add", "P1", "p99", "--target", "<= 200", "--kill", "> 500", cwd=repo)
    decide("criterion", "add", "P2", "hits", "--target", ">= 0.9", cwd=repo)
    return repo


def ids(decide, ws, name):
    result = decide(name, "list", "--format", "json", cwd=ws)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_negative_hours_reach_the_ledger_s_own_message(ws, decide):
    result = decide("effort", "log", "P1", "-3", cwd=ws)
    assert result.exit_code == 2, result
    assert "hours must not be negative" in result.stderr and "No such option" not in result.stderr
    assert not (ws / "prototypes/effort.jsonl").exists()
    assert decide("effort", "log", "P1", "0", cwd=ws).exit_code == 2


def test_negative_evidence_value_is_a_value(ws, decide):
    decide("criterion", "add", "P1", "delta", "--target", "< 0", cwd=ws)
    result = decide("evidence", "add", "P1", "delta", "-5", cwd=ws)
    assert result.exit_code == 0, result.output
    assert ids(decide, ws, "evidence")[0]["value"] == -5


def test_implausible_effort_needs_force(ws, decide):
    ledger = ws / "prototypes/effort.jsonl"
    typo = decide("effort", "log", "P1", "1e3", cwd=ws)
    assert typo.exit_code == 2
    assert "1000 hours in one entry is more than 24 ([effort] max_hours_per_entry); pass --force" in typo.stderr
    forced = decide("effort", "log", "P1", "1e9", "--force", cwd=ws)
    assert forced.exit_code == 2
    assert "1e+09 hours is more than one entry may hold (10,000 hours), even with --force" in forced.stderr
    assert not ledger.exists()
    assert decide("effort", "log", "P1", "24", cwd=ws).exit_code == 0
    assert decide("effort", "log", "P1", "30", "--force", cwd=ws).exit_code == 0
    config = ws / "decisionbook.toml"
    config.write_text(config.read_text() + "\n[effort]\nmax_hours_per_entry = 8\n")
    assert decide("effort", "log", "P1", "9", cwd=ws).exit_code == 2
    assert [row["hours"] for row in ids(decide, ws, "effort")] == [24, 30]


def test_retracting_effort_appends_and_stops_counting(ws, decide):
    decide("effort", "log", "P1", "6", "--date", "2026-11-20", "--note", "setup", cwd=ws)
    decide("effort", "log", "P1", "6000", "--force", cwd=ws)
    ledger = ws / "prototypes/effort.jsonl"
    before = ledger.read_bytes()
    good, typo = ids(decide, ws, "effort")
    assert "effort logged: 6006 hours" in decide("proto", "show", "P1", cwd=ws).stdout
    missing = decide("effort", "retract", typo["id"], cwd=ws)
    assert missing.exit_code == 2 and "--reason" in missing.stderr

    result = decide("effort", "retract", typo["id"], "--reason", "typo: meant 1 hour", "--by", "ana", cwd=ws)
    assert result.exit_code == 0, result.output
    assert ledger.read_bytes() == before
    (line,) = [json.loads(text) for text in (ws / "prototypes/retractions.jsonl").read_text().splitlines()]
    assert {k: line[k] for k in ("prototype", "ledger", "retracts", "reason", "by")} == {
        "prototype": 1, "ledger": "effort", "retracts": typo["id"], "reason": "typo: meant 1 hour", "by": "ana"}
    assert "effort logged: 6 hours" in decide("proto", "show", "P1", cwd=ws).stdout

    listed = ids(decide, ws, "effort")
    assert [(r["id"], r["retracted"]) for r in listed] == [(good["id"], False), (typo["id"], True)]
    assert listed[1]["retraction"]["reason"] == "typo: meant 1 hour" and listed[1]["note"] is None
    table = decide("effort", "list", cwd=ws).stdout.splitlines()
    assert table[0].split() == ["ID", "DATE", "REF", "HOURS", "BY", "NOTE", "RETRACTED"]
    assert table[2].endswith("retracted: typo: meant 1 hour")

    again = decide("effort", "retract", typo["id"], "--reason", "again", cwd=ws)
    assert again.exit_code == 2 and "already retracted" in again.stderr
    unknown = decide("effort", "retract", "01NOSUCHID", "--reason", "x", cwd=ws)
    assert unknown.exit_code == 2 and "no effort entry 01NOSUCHID" in unknown.stderr
    assert decide("check", cwd=ws).exit_code == 0


def test_a_retraction_is_signed_by_git_s_user_when_no_one_is_named(ws, decide):
    # Effort and evidence are signed so; a retraction wrote `"by": null`, and the report's By column was empty.
    subprocess.run(["git", "config", "user.name", "Dara Okafor"], cwd=ws, check=True)
    decide("evidence", "add", "P1", "p99", "9000", cwd=ws)
    assert decide("evidence", "retract", ids(decide, ws, "evidence")[0]["id"], "--reason", "µs", cwd=ws).exit_code == 0
    (line,) = (ws / "prototypes/retractions.jsonl").read_text().splitlines()
    assert json.loads(line)["by"] == "Dara Okafor"


def test_retracting_evidence_changes_the_judgement_not_the_ledger(ws, decide):
    decide("evidence", "add", "P1", "p99", "180", cwd=ws)
    decide("evidence", "add", "P1", "p99", "9000", "--note", "wrong unit", cwd=ws)

    def recommendation():
        rows = json.loads(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=ws).stdout)["prototypes"]
        return {row["ref"]: row["recommendation"] for row in rows}["P1"]

    assert recommendation() == "discard"
    wrong = ids(decide, ws, "evidence")[1]
    assert decide("effort", "retract", wrong["id"], "--reason", "x", cwd=ws).exit_code == 2
    before = (ws / "prototypes/evidence.jsonl").read_bytes()
    assert decide("evidence", "retract", wrong["id"], "--reason", "measured in µs, not ms", cwd=ws).exit_code == 0
    assert (ws / "prototypes/evidence.jsonl").read_bytes() == before
    assert recommendation() == "keep"
    listed = ids(decide, ws, "evidence")
    assert [(r["value"], r["retracted"]) for r in listed] == [(180, False), (9000, True)]

    import toolkit

    assert toolkit.open_workspace(ws).evidence()["value"].tolist() == [180]


def test_check_reports_bad_and_dangling_retractions(ws, decide):
    retractions = ws / "prototypes/retractions.jsonl"
    retractions.write_text(
        '{"id": "01A", "at": "2026-11-20T10:00:00+00:00", "prototype": 1, "ledger": "effort", '
        '"retracts": "01NOPE", "reason": "x"}\n'
        '{"id": "01B", "at": "2026-11-20T10:00:00+00:00", "prototype": 1, "ledger": "verdicts", '
        '"retracts": "01NOPE", "reason": "x"}\n'
    )
    result = decide("check", cwd=ws)
    assert result.exit_code == 1
    assert "prototypes/retractions.jsonl:2: error: ledger must be one of effort, evidence" in result.stdout
    assert ("prototypes/retractions.jsonl: warning: retraction 01A retracts effort entry 01NOPE, which is not in "
            "prototypes/effort.jsonl") in result.stdout


def test_weekly_report_shows_retracted_entries_as_retracted(ws, decide):
    import datetime as dt
    import re

    from report_fixtures import invoke, scan

    today = dt.date.today().isoformat()
    decide("evidence", "add", "P1", "p99", "180", cwd=ws)
    decide("evidence", "add", "P1", "p99", "9000", cwd=ws)
    decide("effort", "log", "P1", "5", cwd=ws)
    decide("effort", "log", "P1", "400", "--force", cwd=ws)
    wrong = ids(decide, ws, "evidence")[1]["id"]
    typo = ids(decide, ws, "effort")[1]["id"]
    decide("evidence", "retract", wrong, "--reason", "wrong unit", cwd=ws)
    decide("effort", "retract", typo, "--reason", "meant 4 hours", cwd=ws)
    for reveal in ((), ("--reveal",)):
        result = invoke(ws, "report", "weekly", "--as-of", today, *reveal)
        assert result.exit_code == 0, result.output
        page = scan((ws / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8"))
        text = " ".join(page.text)
        assert re.search(r"Retracted evidence .*P1\s*p99\s*9000\s*wrong unit", text)
        if reveal:
            assert f"{today} P1: 400 hours, retracted: meant 4 hours" in text
            assert re.search(r"P1\s*Kafka ingest\s*5\s", text)
        else:
            assert "meant 4 hours" not in text


@pytest.mark.parametrize("broken", ["a FIFO", "a link out of the workspace"])
def test_a_retraction_ledger_that_cannot_be_read_stops_judging(ws, decide, tmp_path, broken):
    # Read without its retractions, the ledger would count a retracted value again: 150 met, not 700 killed.
    assert decide("evidence", "add", "P1", "p99", "700", cwd=ws).exit_code == 0
    assert decide("evidence", "add", "P1", "p99", "150", cwd=ws).exit_code == 0
    wrong = ids(decide, ws, "evidence")[1]["id"]
    assert decide("evidence", "retract", wrong, "--reason", "ran on the wrong host", cwd=ws).exit_code == 0
    triaged = json.loads(decide("triage", "--format", "json", cwd=ws).stdout)["prototypes"]
    assert [(row["ref"], row["recommendation"]) for row in triaged][0] == ("P1", "discard")
    ledger = ws / "prototypes/retractions.jsonl"
    if broken == "a FIFO":
        ledger.unlink()
        os.mkfifo(ledger)
    else:
        ledger.rename(tmp_path / "retractions.jsonl")
        ledger.symlink_to(tmp_path / "retractions.jsonl")
    card = (ws / "prototypes/0001-kafka-ingest.md").read_bytes()
    for args in (["triage"], ["triage", "--format", "json"], ["proto", "show", "P1"], ["keep", "P1", "--reason", "ok"]):
        result = decide(*args, cwd=ws)
        assert result.exit_code == 2, (args, result)
        assert result.stdout == "", args
        assert "prototypes/retractions.jsonl: error: cannot read: " in result.stderr
        assert result.stderr.strip().endswith("; nothing is judged until it can be read"), args
    assert not (ws / "prototypes/verdicts.jsonl").exists()
    assert (ws / "prototypes/0001-kafka-ingest.md").read_bytes() == card


def test_an_evidence_ledger_that_cannot_be_read_stops_judging(ws, decide, tmp_path):
    assert decide("evidence", "add", "P2", "hits", "0.95", cwd=ws).exit_code == 0
    ledger = ws / "prototypes/evidence.jsonl"
    ledger.rename(tmp_path / "evidence.jsonl")
    ledger.symlink_to(tmp_path / "evidence.jsonl")
    result = decide("triage", cwd=ws)
    assert result.exit_code == 2 and result.stdout == ""
    assert (f"prototypes/evidence.jsonl: error: cannot read: a symbolic link to {tmp_path / 'evidence.jsonl'}, outside "
            "the workspace; nothing is judged until it can be read") in result.stderr
    checked = decide("check", cwd=ws)  # the check still names it, among whatever else it finds
    assert checked.exit_code == 1 and "prototypes/evidence.jsonl: error: cannot read: a symbolic link" in checked.stdout
