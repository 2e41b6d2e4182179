"""`decide adr history`: each commit that changed an ADR, its author and the status change it made."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import git
from toolkit.actions.adr_history import decision_dates
from toolkit.workspace import open_workspace

MADR = "---\nstatus: {status}\ndate: 2026-11-02\n---\n# Use Kafka\n\nContext.\n"
NYGARD = "# 2. Keep logs\n\nDate: 2026-11-02\n\n## Status\n\n{status}\n\n## Context\n\nText.\n"


def commit_as(repo: Path, author: str, date: str, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, f"--author={author} <{author}@example.com>", f"--date={date}")


@pytest.fixture
def decided(repo):
    """ADR 1 proposed by ana on Nov 2, renamed, accepted by ben on Nov 9; ADR 2 (Nygard) still proposed."""
    path = repo / "decisions" / "0001-use-kafka.md"
    path.write_text(MADR.format(status="proposed"))
    (repo / "decisions" / "0002-keep-logs.md").write_text(NYGARD.format(status="Proposed"))
    commit_as(repo, "ana", "2026-11-02T10:00:00+01:00", "propose kafka")
    git(repo, "mv", "decisions/0001-use-kafka.md", "decisions/0001-use-kafka-streams.md")
    commit_as(repo, "ana", "2026-11-03T10:00:00+01:00", "rename")
    path = repo / "decisions" / "0001-use-kafka-streams.md"
    path.write_text(MADR.format(status="accepted"))
    commit_as(repo, "ben", "2026-11-09T16:30:00+01:00", "accept kafka")
    return repo


def test_history_shows_proposed_to_accepted_with_date_and_author(decided, decide):
    result = decide("adr", "history", "1", cwd=decided)
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["DATE", "COMMIT", "AUTHOR", "BEFORE", "AFTER", "SUBJECT"]
    assert len(lines) == 4
    first, rename, accept = (line.split() for line in lines[1:])
    assert first[0] == "2026-11-02" and first[2] == "ana" and first[3] == "proposed"
    assert rename[2:5] == ["ana", "proposed", "proposed"]
    assert accept[0] == "2026-11-09" and accept[2:5] == ["ben", "proposed", "accepted"]


def test_history_json_and_nygard_form(decided, decide):
    (decided / "decisions" / "0002-keep-logs.md").write_text(NYGARD.format(status="Accepted"))
    commit_as(decided, "chen", "2026-11-12T09:00:00+00:00", "accept logs")
    rows = json.loads(decide("adr", "history", "2", "--format", "json", cwd=decided).stdout)
    assert [(r["before"], r["after"], r["author"]) for r in rows] == [
        (None, "proposed", "ana"), ("proposed", "accepted", "chen"),
    ]
    assert rows[1]["date"] == "2026-11-12T09:00:00+00:00" and len(rows[1]["sha"]) == 40


def test_decision_dates(decided):
    dates = decision_dates(open_workspace(decided))
    assert dates[decided / "decisions/0001-use-kafka-streams.md"] == {
        "proposed_on": dt.date(2026, 11, 2), "accepted_on": dt.date(2026, 11, 9), "days_to_decide": 7,
    }
    assert dates[decided / "decisions/0002-keep-logs.md"] == {"proposed_on": dt.date(2026, 11, 2), "accepted_on": None, "days_to_decide": None}


def test_uncommitted_adr_and_unknown_adr(repo, decide):
    (repo / "decisions" / "0001-new.md").write_text(MADR.format(status="proposed"))
    result = decide("adr", "history", "1", cwd=repo)
    assert result.exit_code == 2 and "has no commits yet" in result.stderr
    assert decide("adr", "history", "7", cwd=repo).exit_code == 2


def test_history_without_git(tmp_path, decide):
    (tmp_path / "decisionbook.toml").write_text("")
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "0001-x.md").write_text(MADR.format(status="proposed"))
    result = decide("adr", "history", "1", cwd=tmp_path)
    assert result.exit_code == 2 and "not inside a git repository" in result.stderr
    assert decision_dates(open_workspace(tmp_path)) == {}


def test_decision_history_frame(decided):
    from toolkit.frames import Book

    frame = Book.open(decided).decision_history()
    assert list(frame.columns) == ["adr", "title", "status", "proposed on", "accepted on", "days to decide"]
    first = frame.set_index("adr").loc["ADR-0001"]
    assert first["days to decide"] == 7 and str(first["accepted on"].date()) == "2026-11-09"
    assert frame.set_index("adr").loc["ADR-0002"].isna()["days to decide"]


def test_history_never_borrows_another_record_made_from_the_same_template(repo, decide):
    """git's copy detection pairs a new ADR with an older one from the same template; history must not follow it."""
    for title in ("Use A", "Use B", "Use C"):
        assert decide("adr", "new", title, "--no-edit", "--date", "2026-11-02", cwd=repo).exit_code == 0
        commit_as(repo, "ana", "2026-11-02T10:00:00+00:00", f"propose {title}")
        number = title[-1:].replace("A", "1").replace("B", "2").replace("C", "3")
        assert decide("adr", "status", number, "accepted", "--date", "2026-11-03", "--force", cwd=repo).exit_code == 0
        commit_as(repo, "ben", "2026-11-03T10:00:00+00:00", f"accept {title}")
    assert decide("adr", "new", "Use D", "--no-edit", "--date", "2026-11-04", cwd=repo).exit_code == 0
    commit_as(repo, "chen", "2026-11-04T10:00:00+00:00", "propose D")
    for number, subjects in (("1", ["propose Use A", "accept Use A"]), ("2", ["propose Use B", "accept Use B"]),
                             ("3", ["propose Use C", "accept Use C"]), ("4", ["propose D"])):
        rows = json.loads(decide("adr", "history", number, "--format", "json", cwd=repo).stdout)
        assert [r["subject"] for r in rows] == subjects, number
        assert rows[0]["before"] is None
    dates = decision_dates(open_workspace(repo))
    assert dates[repo / "decisions/0004-use-d.md"] == {"proposed_on": dt.date(2026, 11, 4), "accepted_on": None, "days_to_decide": None}


def test_history_follows_a_retitle_and_a_renumber_but_not_a_swap(repo, decide):
    """The same number or the same slug is the same record; a delete-and-add of another record is not a rename."""
    decisions = repo / "decisions"
    (decisions / "0001-use-kafka.md").write_text(MADR.format(status="proposed"))
    commit_as(repo, "ana", "2026-11-02T10:00:00+00:00", "propose kafka")
    git(repo, "mv", "decisions/0001-use-kafka.md", "decisions/0005-use-kafka.md")
    commit_as(repo, "ana", "2026-11-03T10:00:00+00:00", "renumber")
    git(repo, "mv", "decisions/0005-use-kafka.md", "decisions/0007-use-pulsar.md")
    commit_as(repo, "ben", "2026-11-04T10:00:00+00:00", "replace kafka with pulsar")
    git(repo, "mv", "decisions/0007-use-pulsar.md", "decisions/0007-use-apache-pulsar.md")
    commit_as(repo, "ben", "2026-11-05T10:00:00+00:00", "retitle")
    rows = json.loads(decide("adr", "history", "7", "--format", "json", cwd=repo).stdout)
    assert [r["subject"] for r in rows] == ["replace kafka with pulsar", "retitle"]
    assert decision_dates(open_workspace(repo))[repo / "decisions/0007-use-apache-pulsar.md"]["proposed_on"] == dt.date(2026, 11, 4)


def test_design_review_history_is_the_record_s_own(repo, decide):
    from toolkit.frames.review import status_history

    decide("adr", "new", "Use A", "--no-edit", cwd=repo)
    commit_as(repo, "ana", "2026-11-02T10:00:00+00:00", "a")
    decide("adr", "status", "1", "accepted", "--force", cwd=repo)
    commit_as(repo, "ana", "2026-11-03T10:00:00+00:00", "b")
    decide("adr", "new", "Use B", "--no-edit", cwd=repo)
    commit_as(repo, "ana", "2026-11-04T10:00:00+00:00", "c")
    ws = open_workspace(repo)
    from toolkit.actions.adrs import load_decisions

    rows = status_history(ws, load_decisions(ws).find("2"))
    assert [(r["subject"], r["status"]) for r in rows] == [("c", "proposed")]


@pytest.mark.parametrize("before, after, same", [
    ("decisions/0001-use-kafka.md", "decisions/0005-use-kafka.md", True),
    ("decisions/0005-use-kafka.md", "decisions/0005-use-apache-kafka.md", True),
    ("decisions/0001-use-kafka.md", "decisions/0002-use-redis.md", False),
    ("docs/adr/ADR-001-use-kafka.md", "docs/adr/ADR-002-use-kafka.md", True),
    ("docs/adr/ADR-001-use-kafka.md", "docs/adr/ADR-001-use-pulsar.md", True),
    ("docs/adr/ADR-001-use-kafka.md", "docs/adr/ADR-002-use-redis.md", False),
    ("docs/adr/20240101-use-kafka.md", "docs/adr/20240102-use-kafka.md", True),
    ("docs/adr/20240101-use-kafka.md", "docs/adr/20240101-use-redis.md", False),
])
def test_same_record_by_number_or_slug_in_every_naming(before, after, same):
    from toolkit.actions.adr_history import same_record

    assert same_record(before, after) is same


def test_a_proposal_superseded_before_anyone_accepted_it_is_closed_and_a_later_one_is_not_yet_waiting(repo):
    from toolkit.actions.decision_pages import decision_pages

    (repo / "decisions" / "0001-use-kafka.md").write_text(MADR.format(status="proposed"))
    commit_as(repo, "ana", "2026-11-02T10:00:00+01:00", "propose kafka")
    (repo / "decisions" / "0001-use-kafka.md").write_text(MADR.format(status="superseded by ADR-0002"))
    (repo / "decisions" / "0002-use-pulsar.md").write_text(MADR.format(status="proposed").replace("Kafka", "Pulsar"))
    commit_as(repo, "ben", "2026-11-09T16:30:00+01:00", "pulsar instead")
    first, second = decision_pages(open_workspace(repo), dt.date(2026, 11, 5)).entries
    assert (first.decided.status, first.decided.day) == ("superseded", dt.date(2026, 11, 9))
    assert second.waiting(dt.date(2026, 11, 5)) is None  # proposed on the 9th: not waiting yet on the 5th
    # Pages of a later day hold the statuses of that day: proposed by then, and waiting since the 9th.
    later = decision_pages(open_workspace(repo), dt.date(2026, 11, 12)).entries[1]
    assert later.status == "proposed" and later.waiting(dt.date(2026, 11, 12)) == 3


def test_a_record_that_came_into_git_decided_was_decided_on_the_day_its_file_gives(repo):
    from toolkit.actions.decision_pages import decision_pages
    from toolkit.reports.site import _span

    (repo / "decisions" / "0002-keep-logs.md").write_text(NYGARD.format(status="Accepted"))  # dated 2026-11-02
    commit_as(repo, "ana", "2026-11-20T10:00:00+01:00", "adopt the team's folder")
    (entry,) = decision_pages(open_workspace(repo), dt.date(2026, 11, 30)).entries
    assert (entry.proposed, entry.decided.day, entry.decided_on) == (None, dt.date(2026, 11, 20), dt.date(2026, 11, 2))
    assert _span(entry, None) == "Accepted when it came into git on 2026-11-20 by ana; its file dates it 2026-11-02."


def test_a_record_whose_file_name_holds_a_newline_has_its_history(repo, decide):
    """git reads one object a line: such a name is asked NUL-separated, so its statuses are read, not lost."""
    from toolkit.actions.adrs import load_decisions
    from toolkit.frames.review import status_history

    path = repo / "decisions" / "0001-use-kafka\nfor-events.md"  # a title pasted with its line break
    path.write_text(MADR.format(status="proposed"))
    commit_as(repo, "ana", "2026-11-02T10:00:00+00:00", "propose kafka")
    path.write_text(MADR.format(status="accepted"))
    commit_as(repo, "ben", "2026-11-09T10:00:00+00:00", "accept kafka")
    rows = json.loads(decide("adr", "history", "1", "--format", "json", cwd=repo).stdout)
    assert [(r["subject"], r["before"], r["after"], r["path"]) for r in rows] == [
        ("propose kafka", None, "proposed", "decisions/0001-use-kafka\nfor-events.md"),
        ("accept kafka", "proposed", "accepted", "decisions/0001-use-kafka\nfor-events.md")]
    ws = open_workspace(repo)
    assert [(r["subject"], r["status"]) for r in status_history(ws, load_decisions(ws).find("1"))] == [
        ("propose kafka", "proposed"), ("accept kafka", "accepted")]
