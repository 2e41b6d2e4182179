"""`decide effort git`: branch activity beside logged hours, never mixed into them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import BRANCH_CARD as CARD
from conftest import git

EFFORT_LINE = (
    '{"id": "01JDX0000000000000000000AA", "at": "2026-11-10T10:00:00+00:00", "prototype": 3, '
    '"hours": 12.5, "date": "2026-11-10", "by": "ana", "note": "spike"}\n'
)


def card(repo: Path, number: int, branch: str) -> Path:
    path = repo / "prototypes" / f"{number:04d}-proto-{number}.md"
    path.write_text(CARD.format(branch=branch))
    return path


def work(repo: Path, name: str, text: str, author: str, date: str) -> None:
    (repo / name).write_text(text)
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"work on {name}", f"--author={author} <{author}@example.com>", f"--date={date}")


@pytest.fixture
def branched(repo):
    """P3 on proto/ingest: 4 commits by ana and ben on three days; main moves on separately."""
    card(repo, 3, "proto/ingest")
    (repo / "prototypes" / "effort.jsonl").write_text(EFFORT_LINE)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card")
    git(repo, "checkout", "-q", "-b", "proto/ingest")
    work(repo, "ingest.py", "a\nb\nc\n", "ana", "2026-11-03T10:00:00+00:00")
    work(repo, "ingest.py", "a\nB\nc\nd\n", "ben", "2026-11-03T15:00:00+00:00")
    work(repo, "consumer.py", "x\n", "ana", "2026-11-04T09:00:00+00:00")
    work(repo, "ingest.py", "a\n", "ben", "2026-11-06T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    work(repo, "main.py", "m\n", "carl", "2026-11-05T09:00:00+00:00")
    return repo


def test_two_authors_three_days_and_line_counts(branched, decide):
    before = (branched / "prototypes" / "effort.jsonl").read_bytes()
    result = decide("effort", "git", "P3", "--format", "json", cwd=branched)
    assert result.exit_code == 0, result
    report = json.loads(result.stdout)
    assert report["main_branch"] == "main"
    row = report["prototypes"][0]
    assert row["prototype"] == "P3" and row["branch"] == "proto/ingest" and row["state"] == "branch"
    assert row["commits"] == 4
    assert row["authors"] == ["ana", "ben"]
    assert row["active_days"] == 3
    # +3; +2 -1 (b->B, d); +1; -3 (B, c, d removed)
    assert (row["added"], row["removed"]) == (6, 4)
    assert row["first"].startswith("2026-11-03T10:00") and row["last"].startswith("2026-11-06")
    assert row["hours"] == 12.5
    assert (branched / "prototypes" / "effort.jsonl").read_bytes() == before


def test_table_shows_hours_beside_commits(branched, decide):
    result = decide("effort", "git", cwd=branched)
    assert result.exit_code == 0, result
    header, line = result.stdout.splitlines()[:2]
    assert header.split()[:4] == ["PROTOTYPE", "BRANCH", "STATE", "COMMITS"] and header.split()[-1] == "HOURS"
    assert line.split()[:4] == ["P3", "proto/ingest", "branch", "4"] and line.split()[-1] == "12.50"
    assert "hours come from the effort ledger" in result.stdout


def test_missing_and_archived_branches_are_reported(branched, decide):
    card(branched, 4, "proto/never-made")
    git(branched, "tag", "-a", "-m", "discarded", "archive/proto/ingest", "proto/ingest")
    git(branched, "branch", "-D", "proto/ingest")
    result = decide("effort", "git", "--format", "json", cwd=branched)
    assert result.exit_code == 0, result
    rows = {row["prototype"]: row for row in json.loads(result.stdout)["prototypes"]}
    assert rows["P3"]["state"] == "archived" and rows["P3"]["commits"] == 4
    assert rows["P4"]["state"] == "missing" and rows["P4"]["commits"] == 0


def test_remote_tracking_branch_and_origin_head(branched, decide, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(branched), str(clone))
    result = decide("effort", "git", "P3", "--format", "json", cwd=clone)
    row = json.loads(result.stdout)["prototypes"][0]
    assert json.loads(result.stdout)["main_branch"] == "origin/main"
    assert row["state"] == "remote" and row["ref"] == "refs/remotes/origin/proto/ingest" and row["commits"] == 4


def test_configured_main_branch(branched, decide):
    git(branched, "branch", "trunk", "proto/ingest~2")
    (branched / "decisionbook.toml").write_text('[git]\nmain_branch = "trunk"\n')
    row = json.loads(decide("effort", "git", "P3", "--format", "json", cwd=branched).stdout)["prototypes"][0]
    assert row["commits"] == 2
    (branched / "decisionbook.toml").write_text('[git]\nmain_branch = "--upload-pack=touch pwned.txt"\n')
    result = decide("effort", "git", "P3", cwd=branched)
    assert result.exit_code == 2 and "not a usable branch name" in result.stderr
    assert not list(branched.parent.rglob("pwned.txt"))


def test_hostile_branch_name_in_a_card_is_reported_not_run(repo, decide):
    card(repo, 5, '"--upload-pack=touch pwned.txt"')
    result = decide("effort", "git", "--format", "json", cwd=repo)
    assert result.exit_code == 0, result
    assert json.loads(result.stdout)["prototypes"][0]["state"] == "invalid"
    assert not list(repo.parent.rglob("pwned.txt"))


def test_unknown_prototype_is_exit_2(branched, decide):
    result = decide("effort", "git", "P9", cwd=branched)
    assert result.exit_code == 2 and "no prototype P9" in result.stderr


def test_no_commits_yet(tmp_path, decide):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "prototypes").mkdir()
    card(tmp_path, 1, "proto/x")
    result = decide("effort", "git", cwd=tmp_path)
    assert result.exit_code == 2 and "no commits yet" in result.stderr


def test_git_activity_frame_keeps_hours_apart(branched):
    from toolkit.frames import Book

    frame = Book.open(branched).git_activity()
    row = frame.set_index("prototype").loc["P3"]
    assert (row["commits"], row["active days"], row["authors"]) == (4, 3, 2)
    assert (row["lines added"], row["lines removed"], row["hours logged"]) == (6, 4, 12.5)


def test_shallow_clone_says_counts_are_partial(branched, decide, tmp_path):
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", "--no-single-branch", f"file://{branched}", str(clone))
    result = decide("effort", "git", "P3", cwd=clone)
    assert result.exit_code == 0, result
    assert "shallow clone" in result.stdout
    assert json.loads(decide("effort", "git", "P3", "--format", "json", cwd=clone).stdout)["shallow"] is True
