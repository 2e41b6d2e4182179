"""`decide check` names effort dated outside the days its prototype ran: before its card started, after a keep
or discard closed it."""

from __future__ import annotations

import json

from conftest import from_today


def _line(at: str, verdict: str, previous: str, n: int) -> str:
    return json.dumps({"id": f"01JE{n:022d}", "at": f"{at}T10:00:00+00:00", "prototype": 1,
                       "verdict": verdict, "reason": "r", "previous_status": previous}) + "\n"


def test_effort_before_the_card_started_or_after_its_keep_is_warned_about_and_counted_as_ever(repo, decide):
    assert decide("proto", "new", "Idea", "--owner", "ana", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-idea.md"
    started, kept = from_today(-30), from_today(-10)
    text = card.read_text()
    card.write_text(text.replace(f"started: {from_today(0)}", f"started: {started}")
                    .replace("status: active", "status: kept"))
    (repo / "prototypes" / "verdicts.jsonl").write_text(_line(kept, "keep", "active", 1))
    for hours, day in (("2", from_today(-40)), ("3", from_today(-20)), ("4", kept), ("5", from_today(-5))):
        assert decide("effort", "log", "P1", hours, "--date", day, cwd=repo).exit_code == 0

    check = decide("check", cwd=repo)
    assert check.exit_code == 0, check.output
    warned = [line for line in check.stdout.splitlines() if line.startswith("prototypes/effort.jsonl")]
    assert warned == [
        f"prototypes/effort.jsonl:1: warning: 2 hour(s) of P1 on {from_today(-40)}, before its card says it started "
        f"({started})",
        f"prototypes/effort.jsonl:4: warning: 5 hour(s) of P1 on {from_today(-5)}, after its keep of {kept}",
    ]
    listed = json.loads(decide("effort", "list", "--format", "json", cwd=repo).stdout)
    assert sum(row["hours"] for row in listed) == 14  # named, never dropped

    triage = decide("triage", "--format", "json", cwd=repo)
    assert triage.exit_code == 0 and json.loads(triage.stdout)["problems"] == [], triage.output


def test_effort_after_an_iterate_reopened_the_card_is_not_warned_about(repo, decide):
    assert decide("proto", "new", "Idea", "--owner", "ana", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-idea.md"
    card.write_text(card.read_text().replace(f"started: {from_today(0)}", f"started: {from_today(-30)}"))
    (repo / "prototypes" / "verdicts.jsonl").write_text(
        _line(from_today(-20), "keep", "active", 1) + _line(from_today(-10), "iterate", "kept", 2))
    assert decide("effort", "log", "P1", "3", "--date", from_today(-5), cwd=repo).exit_code == 0
    check = decide("check", cwd=repo)
    assert not [line for line in check.stdout.splitlines() if line.startswith("prototypes/effort.jsonl")], check.output
