"""Commands that check before they write, run by many real `decide` processes at once: the outcomes
are only those that running them one after another can give."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import from_today

from toolkit.records import adr, frontmatter

ROUNDS = 2

# `decide` (toolkit.entry:main, what the installed script runs) in a process that has done its imports
# before it waits at a gate: once the gate opens, every process makes its check within milliseconds of
# the others, so a check made outside the lock is caught in every run, not in one of three.
_GATED = """
import sys
import toolkit.actions.adrs, toolkit.actions.meetings, toolkit.actions.verdicts, toolkit.cli
from toolkit.entry import main
print("ready", flush=True)
sys.stdin.readline()
main()
"""


def _run_together(commands, cwd) -> list[tuple[int, str]]:
    """Start every command, open the gate for all at once; each one's exit code and error output, in order."""
    procs = [subprocess.Popen([sys.executable, "-c", _GATED, *command], cwd=cwd, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for command in commands]
    assert [proc.stdout.readline() for proc in procs] == ["ready\n"] * len(procs)
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = [(proc.communicate(timeout=120)[1], proc.returncode)[::-1] for proc in procs]
    assert not any("Traceback" in err for _, err in results), results
    return results


def _ledger(root, name) -> list[dict]:
    path = root / "prototypes" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def cards(repo, decide):
    """A workspace with a card for each round, P1 and P2, deadline 64 days from today."""
    for n in range(1, ROUNDS + 1):
        assert decide("proto", "new", f"Idea {n}", "--deadline", from_today(64), cwd=repo).exit_code == 0
    return repo


def _status(root, number) -> str:
    (card,) = (root / "prototypes").glob(f"{number:04d}-*.md")
    return frontmatter.read(card).meta["status"]


def test_of_ten_keeps_or_discards_at_once_one_is_recorded_and_the_others_refused(cards, decide_process):
    for n, verdict, status in ((1, "keep", "kept"), (2, "discard", "discarded")):
        results = _run_together([[verdict, f"P{n}", "--reason", f"r{i}"] for i in range(10)], cards)
        assert sorted(code for code, _ in results) == [0] + [2] * 9, results
        again = decide_process(verdict, f"P{n}", "--reason", "once more", cwd=cards)
        assert again.exit_code == 2 and f"a second {verdict} would count twice" in again.stderr
        assert [err for code, err in results if code == 2] == [again.stderr] * 9  # as when given one after another
        assert [v["verdict"] for v in _ledger(cards, "verdicts") if v["prototype"] == n] == [verdict]
        assert _status(cards, n) == status


def test_keeps_and_discards_at_once_leave_the_card_as_the_last_verdict_says(cards):
    for n in range(1, ROUNDS + 1):
        results = _run_together([[("keep", "discard")[i % 2], f"P{n}", "--reason", f"r{i}"] for i in range(10)], cards)
        given = [v for v in _ledger(cards, "verdicts") if v["prototype"] == n]
        assert sorted(code for code, _ in results) == [0] * len(given) + [2] * (10 - len(given)), results
        assert given == sorted(given, key=lambda v: v["id"])  # the file's order is the order they were given
        for before, after in zip(["active"] + [v["verdict"] for v in given], given):
            assert after["previous_status"] == {"active": "active", "keep": "kept", "discard": "discarded"}[before]
            assert after["verdict"] != before  # a second keep or discard in a row is refused
        assert _status(cards, n) == {"keep": "kept", "discard": "discarded"}[given[-1]["verdict"]]
    assert not list((cards / "prototypes").glob("*.lock"))


def test_iterations_at_once_chain_each_deadline_to_the_one_it_replaced(cards):
    for n in range(1, ROUNDS + 1):
        days = [from_today(day) for day in range(105, 115)]
        results = _run_together([["iterate", f"P{n}", "--reason", "again", "--deadline", day] for day in days], cards)
        assert [code for code, _ in results] == [0] * len(days), results
        given = [v for v in _ledger(cards, "verdicts") if v["prototype"] == n]
        assert given == sorted(given, key=lambda v: v["id"])
        assert sorted(v["deadline"] for v in given) == days
        assert [v["previous_deadline"] for v in given] == [from_today(64)] + [v["deadline"] for v in given[:-1]]
        (card,) = (cards / "prototypes").glob(f"{n:04d}-*.md")
        assert str(frontmatter.read(card).meta["deadline"]) == given[-1]["deadline"]


def test_a_meeting_closed_ten_times_at_once_is_closed_once(repo, decide_process):
    for day in ("2026-11-06", "2026-11-13"):
        results = _run_together([["meeting", "close", "--date", day, "--attendee", f"a{i}"] for i in range(10)], repo)
        assert sorted(code for code, _ in results) == [0] + [2] * 9, results
        again = decide_process("meeting", "close", "--date", day, cwd=repo)
        assert again.exit_code == 2 and f"prototypes/meetings.jsonl: error: the meeting of {day} was closed already" \
            in again.stderr
        assert [err for code, err in results if code == 2] == [again.stderr] * 9
    assert [m["date"] for m in _ledger(repo, "meetings")] == ["2026-11-06", "2026-11-13"]


def test_of_ten_records_superseding_one_at_once_one_is_made_and_named_back(repo, decide, decide_process):
    folder = repo / "decisions"
    for n in range(1, ROUNDS + 1):
        assert decide("adr", "new", f"Old {n}", "--no-edit", cwd=repo).exit_code == 0
        before = set(folder.glob("0*.md"))
        old = max(before)
        results = _run_together([["adr", "new", f"New {n}.{i}", "--supersedes", old.name[:4], "--no-edit"]
                                 for i in range(10)], repo)
        assert sorted(code for code, _ in results) == [0] + [2] * 9, results
        (successor,) = set(folder.glob("0*.md")) - before
        again = decide_process("adr", "new", "Once more", "--supersedes", old.name[:4], "--no-edit", cwd=repo)
        assert again.exit_code == 2 and f"{old.name}: error: " in again.stderr
        assert f"is already superseded by ADR {int(successor.name[:4])};" in again.stderr
        assert [err for code, err in results if code == 2] == [again.stderr] * 9
        assert adr.read(old)[1].superseded_by == str(int(successor.name[:4]))
        assert adr.read(successor)[1].supersedes == (str(int(old.name[:4])),)
        assert set(folder.glob("0*.md")) == before | {successor}
    assert not list(folder.glob("*.lock"))
    check = decide("check", cwd=repo)
    assert check.exit_code == 0, check.output


def test_an_entry_retracted_ten_times_at_once_is_retracted_once(repo, decide, decide_process):
    assert decide("proto", "new", "Idea", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "p99", "--target", "<= 200", cwd=repo).exit_code == 0
    for name, command in (("evidence", ["evidence", "add", "P1", "p99", "180"]),
                          ("effort", ["effort", "log", "P1", "3"])):
        assert decide(*command, cwd=repo).exit_code == 0
        (entry,) = _ledger(repo, name)
        results = _run_together([[name, "retract", entry["id"], "--reason", f"r{i}"] for i in range(10)], repo)
        assert sorted(code for code, _ in results) == [0] + [2] * 9, results
        again = decide_process(name, "retract", entry["id"], "--reason", "once more", cwd=repo)
        assert again.exit_code == 2 and "was already retracted" in again.stderr
        assert [err for code, err in results if code == 2] == [again.stderr] * 9  # as when given one after another
        assert [r["retracts"] for r in _ledger(repo, "retractions") if r["ledger"] == name] == [entry["id"]]
