"""The sunk-cost check beside the recommendations, and the audit of verdicts against effort."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import from_today, git

from toolkit.judge.audit import audit
from toolkit.judge.sunkcost import high_effort_threshold, is_override, toward_keep
from toolkit.records.ledger import Effort, Verdict

AS_OF = from_today(30)  # after everything the tests record now, so all of it counts as of it


@pytest.fixture
def ws(repo, decide):
    def make(title, deadline, *criteria):
        path = decide("proto", "new", title, "--deadline", deadline, cwd=repo).stdout.strip()
        number = int(path.split("/")[-1][:4])
        for args in criteria:
            assert decide("criterion", "add", number, *args, cwd=repo).exit_code == 0
        return number

    make("Kafka ingest", from_today(64), ("p99", "--target", "<= 200", "--kill", "> 500"),
         ("cost", "--target", "< 100"))
    make("Edge cache", from_today(23), ("hit-rate", "--target", ">= 0.9", "--must"))
    make("Dark mode", from_today(64), ("nps", "--target", ">= 30"))
    return repo


def warnings(decide, root, as_of=AS_OF):
    result = decide("triage", "--as-of", as_of, "--format", "json", cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["sunk_cost"]


def test_goalposts_moved_names_the_criterion(ws, decide):
    decide("evidence", "add", "P1", "p99", "180", cwd=ws)
    decide("evidence", "add", "P1", "cost", "50", cwd=ws)
    assert not [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    card = ws / "prototypes/0001-kafka-ingest.md"
    card.write_text(card.read_text().replace('target: "<= 200"', 'target: "<= 150"'))
    moved = [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    assert [(w["ref"], w["criteria"]) for w in moved] == [("P1", ["p99"])]
    assert "goalposts moved: changed after evidence: p99" in moved[0]["message"]
    table = decide("triage", "--as-of", AS_OF, cwd=ws).stdout
    assert "goalposts moved" in table and "p99" in table
    # A verdict given on the criteria as they are now: the team judged it with the goalposts where they stand.
    assert decide("iterate", "P1", "--reason", "150 ms is the real budget", cwd=ws).exit_code == 0
    assert not [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    card.write_text(card.read_text().replace('target: "< 100"', 'target: "< 80"'))
    assert [w["criteria"] for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"] == [["cost", "p99"]]


def test_goalposts_moved_when_a_criterion_is_redefined_through_the_cli(ws, decide):
    decide("evidence", "add", "P3", "nps", "25", cwd=ws)
    decide("criterion", "remove", "P3", "nps", cwd=ws)
    decide("criterion", "add", "P3", "nps", "--target", ">= 20", cwd=ws)
    decide("criterion", "add", "P3", "churn", "--target", "< 5", cwd=ws)
    (moved,) = [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    assert moved["criteria"] == ["nps"]


def test_a_criterion_put_back_as_it_was_is_no_moved_goalpost(ws, decide):
    # cost's entry is stamped with the card as it was while p99 was redefined; cost itself never changed.
    decide("evidence", "add", "P1", "p99", "180", cwd=ws)
    decide("criterion", "remove", "P1", "p99", cwd=ws)
    decide("criterion", "add", "P1", "p99", "--target", "<= 250", "--kill", "> 500", cwd=ws)
    decide("evidence", "add", "P1", "cost", "50", cwd=ws)
    (moved,) = [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    assert moved["criteria"] == ["p99"]
    decide("criterion", "remove", "P1", "p99", cwd=ws)
    decide("criterion", "add", "P1", "p99", "--target", "<= 200", "--kill", "> 500", cwd=ws)
    assert not [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]


def _old_entries_then_p99_moved(ws, decide) -> None:
    """Evidence for P1's p99 and cost as older versions wrote it (no criterion hash), then p99's target moved."""
    decide("evidence", "add", "P1", "p99", "180", cwd=ws)
    decide("evidence", "add", "P1", "cost", "50", cwd=ws)
    ledger = ws / "prototypes/evidence.jsonl"
    lines = [json.loads(line) for line in ledger.read_text().splitlines()]
    ledger.write_text("".join(json.dumps({k: v for k, v in e.items() if k != "criterion_hash"}) + "\n" for e in lines))
    card = ws / "prototypes/0001-kafka-ingest.md"
    card.write_text(card.read_text().replace('target: "<= 200"', 'target: "<= 150"'))


def test_entries_without_their_criterion_hash_fall_back_to_the_card_and_name_their_criterion(ws, decide):
    _old_entries_then_p99_moved(ws, decide)
    (moved,) = [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    assert moved["criteria"] == ["cost", "p99"]  # recorded under other criteria: which one moved is not known
    assert "may have changed after evidence: cost" in moved["message"] and "p99" in moved["message"]


def test_goalposts_warning_says_what_evidence_was_recorded_under_and_what_holds_now(ws, decide):
    decide("evidence", "add", "P3", "nps", "25", cwd=ws)
    decide("criterion", "remove", "P3", "nps", cwd=ws)
    decide("criterion", "add", "P3", "nps", "--target", ">= 20", "--must", cwd=ws)
    (moved,) = [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    # Never committed: the old definition is kept nowhere, and the warning says so.
    assert ("goalposts moved: changed after evidence: nps (1 evidence entry was recorded under another definition; "
            "now target >= 20, must)") in moved["message"]
    git(ws, "add", "-A")
    git(ws, "commit", "-qm", "nps at 20")
    decide("evidence", "add", "P3", "nps", "22", cwd=ws)
    decide("criterion", "remove", "P3", "nps", cwd=ws)
    decide("criterion", "add", "P3", "nps", "--target", ">= 10", "--weight", "2", cwd=ws)
    (moved,) = [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    assert ("changed after evidence: nps (2 evidence entries were recorded under another definition and under "
            "target >= 20, must; now target >= 10, weight 2)") in moved["message"]
    table = decide("triage", "--as-of", AS_OF, cwd=ws).stdout
    assert "recorded under another definition and under target >= 20, must; now target >= 10, weight 2" in table


def test_committed_cards_tell_which_criterion_moved_under_entries_without_their_own_hash(ws, decide):
    git(ws, "add", "-A")
    git(ws, "commit", "-qm", "cards")
    _old_entries_then_p99_moved(ws, decide)
    (moved,) = [w for w in warnings(decide, ws) if w["kind"] == "goalposts-moved"]
    assert moved["criteria"] == ["p99"]
    assert ("changed after evidence: p99 (1 evidence entry was recorded under target <= 200, kill > 500; "
            "now target <= 150, kill > 500)") in moved["message"]


def test_high_effort_on_discard_says_the_hours_are_sunk(ws, decide):
    decide("evidence", "add", "P1", "p99", "800", cwd=ws)
    for ref, hours in (("P1", "120"), ("P2", "5"), ("P3", "8")):
        decide("effort", "log", ref, hours, "--date", "2026-11-20", "--force", cwd=ws)
    found = warnings(decide, ws)
    (high,) = [w for w in found if w["kind"] == "high-effort" and w["ref"] == "P1"]
    assert high["hours"] == 120
    assert "120 hours logged" in high["message"] and "recommended for discard" in high["message"]
    assert "sunk and play no part in the recommendation" in high["message"]
    assert all("play no part" in w["message"] for w in found)


def test_configured_sunk_cost_hours(ws, decide):
    (ws / "decisionbook.toml").write_text("[triage]\nsunk_cost_hours = 200\n")
    decide("evidence", "add", "P1", "p99", "800", cwd=ws)
    decide("effort", "log", "P1", "120", "--force", cwd=ws)
    assert not [w for w in warnings(decide, ws) if w["kind"] == "high-effort"]
    assert high_effort_threshold([1, 2, 3, 100], None) == pytest.approx(27.25)
    assert high_effort_threshold([1, 2, 3, 100], 40) == 40


def test_deadline_passed_and_high_effort_past_deadline(ws, decide):
    decide("effort", "log", "P2", "60", "--force", cwd=ws)
    decide("effort", "log", "P3", "2", cwd=ws)
    kinds = {(w["ref"], w["kind"]) for w in warnings(decide, ws)}
    assert ("P2", "deadline-passed") in kinds and ("P2", "high-effort") in kinds
    assert ("P3", "deadline-passed") not in kinds


def test_stale_evidence(ws, decide):
    decide("evidence", "add", "P3", "nps", "25", cwd=ws)
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    stale = [w for w in warnings(decide, ws, later) if w["kind"] == "stale-evidence" and w["ref"] == "P3"]
    assert len(stale) == 1 and "no new evidence for 30 days" in stale[0]["message"]
    assert "the limit is 14" in stale[0]["message"]
    today = dt.date.today().isoformat()
    assert not [w for w in warnings(decide, ws, today) if w["kind"] == "stale-evidence" and w["ref"] == "P3"]


def test_stale_evidence_counts_from_the_day_measured_not_the_day_recorded(ws, decide):
    today = dt.date.today()
    taken = (today - dt.timedelta(days=40)).isoformat()
    assert decide("evidence", "add", "P3", "nps", "25", "--measured", taken, cwd=ws).exit_code == 0
    (stale,) = [w for w in warnings(decide, ws, today.isoformat()) if w["kind"] == "stale-evidence" and w["ref"] == "P3"]
    assert f"no new evidence for 40 days (since {taken}" in stale["message"]
    assert decide("evidence", "add", "P3", "nps", "26", "--measured", (today - dt.timedelta(days=2)).isoformat(),
                  cwd=ws).exit_code == 0
    assert not [w for w in warnings(decide, ws, today.isoformat()) if w["kind"] == "stale-evidence" and w["ref"] == "P3"]


def test_override_is_recorded_and_warned(ws, decide):
    decide("evidence", "add", "P1", "p99", "800", cwd=ws)
    decide("effort", "log", "P1", "90", "--force", cwd=ws)
    today = dt.date.today()
    result = decide("keep", "P1", "--reason", "we have come this far", "--as-of", today.isoformat(), cwd=ws)
    assert result.exit_code == 0, result.output
    assert "overrides the recommendation (discard)" in result.stdout
    (override,) = [w for w in warnings(decide, ws, today.isoformat()) if w["kind"] == "override"]
    assert override["ref"] == "P1" and "keep verdict" in override["message"] and "we have come this far" in override["message"]
    assert "90 hours" in override["message"]
    # The card is closed now: the override is news for stale_days, then it is the audit's business.
    later = (today + dt.timedelta(days=15)).isoformat()
    assert not [w for w in warnings(decide, ws, later) if w["kind"] == "override"]


def test_override_rules():
    assert is_override("keep", "discard") and is_override("discard", "keep") and is_override("keep", "needs-evidence")
    assert not is_override("iterate", "needs-evidence") and not is_override("discard", "needs-evidence")
    assert not is_override("discard", "discard")
    assert toward_keep("keep", "iterate") and toward_keep("iterate", "discard") and not toward_keep("discard", "keep")


def _verdict(i, prototype, verdict, recommendation):
    return Verdict(f"01V{i:05d}", "2046-11-25T10:00:00+00:00", prototype, verdict, "r", recommendation, 0.5)


def _effort(count):
    return [Effort(f"01E{n:05d}", "2046-11-20T10:00:00+00:00", n, float(n * 10), "2046-11-20") for n in range(1, count + 1)]


def test_audit_finds_overrides_concentrated_on_high_effort():
    verdicts = [_verdict(n, n, "discard", "discard") for n in range(1, 16)]
    verdicts += [_verdict(n, n, "keep", "discard") for n in range(16, 21)]
    result = audit(verdicts, _effort(20))
    assert [r.verdicts for r in result.rows] == [5, 5, 5, 5]
    assert [r.overrides_toward_keep for r in result.rows] == [0, 0, 0, 5]
    assert result.rows[3].min_hours == 160 and result.rows[3].rate == 1.0
    assert result.conclusion.startswith("Overrides toward keep concentrate where effort was high: 100%")
    assert "p = 6.4e-05" in result.conclusion  # 1 in C(20, 5)


def test_audit_does_not_conclude_from_too_few_verdicts_per_quartile():
    verdicts = [_verdict(n, n, "discard", "discard") for n in range(1, 7)]
    verdicts += [_verdict(7, 7, "keep", "discard"), _verdict(8, 8, "iterate", "discard")]
    result = audit(verdicts, _effort(8))
    assert [r.overrides_toward_keep for r in result.rows] == [0, 0, 0, 2]
    assert result.conclusion == (
        "Too few verdicts (8) to tell whether overrides toward keep follow effort: effort quartiles 1, 2, 3, 4 "
        "hold fewer than 5 verdicts (at least 5 in each quartile are needed).")


def test_audit_states_no_difference_the_counts_cannot_show():
    # One override in the top quartile of 5 against none elsewhere: 20% against 0%, but chance alone does that often.
    verdicts = [_verdict(n, n, "keep", "keep") for n in range(1, 20)] + [_verdict(20, 20, "keep", "discard")]
    result = audit(verdicts, _effort(20))
    assert result.rows[3].rate == 0.2
    assert result.conclusion.startswith(
        "The verdicts do not show overrides toward keep concentrating where effort was high: 20% of verdicts")
    assert "p = 0.25" in result.conclusion and "concentrate where" not in result.conclusion


def test_audit_counts_only_effort_logged_before_the_verdict():
    effort = [Effort("01E1", "2046-11-20T10:00:00+00:00", 1, 500.0, "2046-12-20")]
    result = audit([_verdict(1, 1, "keep", "discard")], effort)
    assert result.rows[0].max_hours == 0


def test_audit_says_when_overrides_do_not_follow_effort(ws, decide):
    empty = json.loads(decide("audit", "--format", "json", cwd=ws).stdout)
    assert empty["conclusion"] == "No verdicts are recorded yet, so there is nothing to audit."
    verdicts = [_verdict(1, 1, "keep", "discard")] + [_verdict(n, n, "keep", "keep") for n in range(2, 21)]
    assert audit(verdicts, _effort(20)).conclusion.startswith(
        "The verdicts do not show overrides toward keep concentrating where effort was high: 0% of verdicts")


def test_audit_command(ws, decide):
    decide("evidence", "add", "P1", "p99", "800", cwd=ws)
    decide("effort", "log", "P1", "50", "--date", "2026-11-20", "--force", cwd=ws)
    assert decide("keep", "P1", "--reason", "sunk", "--as-of", dt.date.today().isoformat(), cwd=ws).exit_code == 0
    out = decide("audit", cwd=ws)
    assert out.exit_code == 0
    assert "QUARTILE" in out.stdout and "Too few verdicts (1)" in out.stdout
