"""This project's own ADRs pass `decide check`, and their index in decisions/README.md is current."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_own_decisions_pass_the_check(decide):
    result = decide("check", cwd=ROOT / "decisions")
    assert result.exit_code == 0, result.output
    listed = decide("adr", "list", "--format", "json", cwd=ROOT)
    assert listed.exit_code == 0
    assert '"status": "accepted"' in listed.stdout


def test_own_decision_index_is_current(decide):
    result = decide("adr", "index", "--check", cwd=ROOT)
    assert result.exit_code == 0, result.output
