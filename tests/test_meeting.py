"""The weekly meeting end to end: since the last meeting, decisions to record, closing the meeting, re-rendering."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from report_fixtures import AS_OF, HOURS, build, git, scan

TODAY = dt.date.today()
YESTERDAY = (TODAY - dt.timedelta(days=1)).isoformat()


def _ok(result):
    assert result.exit_code == 0, result.output
    return result


def _report(decide, root, *args):
    path = _ok(decide("report", "weekly", *args, cwd=root)).stdout.strip().splitlines()[-1]
    return (root / path).read_text(encoding="utf-8")


def _heading(html: str, level: str = "12", start: str = "") -> re.Match | None:
    """The first heading of a *level* whose text (a day in it is marked to stay on one line) starts with *start*;
    group 2 is its text."""
    for found in re.finditer(rf"<h([{level}])[^>]*>(.*?)</h\1>", html):
        if re.sub(r"<[^>]+>", "", found.group(2)).startswith(start):
            return found
    return None


def _heading_text(html: str, start: str) -> str:
    return re.sub(r"<[^>]+>", "", _heading(html, "2", start).group(2))


def _section(html: str, title: str) -> str:
    """The HTML from heading *title* to the next heading of the same level or higher."""
    found = _heading(html, start=title)
    assert found, f"no section {title!r}"
    rest = html[found.end():]
    following = re.search(r"<h[12][ >]", rest)
    return rest[: following.start()] if following else rest


def _text(html: str) -> str:
    return " ".join(scan(html).text)


def _ledger(root, name):
    path = root / "prototypes" / name
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def meeting_workspace(repo, decide):
    """Three prototypes started today: one killed, one met, one unmeasured; distinctive effort; a meeting yesterday."""
    for title in ("Kafka ingest", "Edge cache", "Dark mode"):
        _ok(decide("proto", "new", title, cwd=repo))
    _ok(decide("criterion", "add", "P1", "p99", "--target", "<= 200", "--kill", "> 500", "--must", cwd=repo))
    _ok(decide("criterion", "add", "P2", "hit-rate", "--target", ">= 0.8", "--must", cwd=repo))
    _ok(decide("criterion", "add", "P3", "nps", "--target", ">= 30", cwd=repo))
    (repo / "bench").mkdir()
    (repo / "bench" / "run-1.txt").write_text("p99 912\n")
    _ok(decide("evidence", "add", "P1", "p99", "912", "--unit", "ms", "--source", "bench/run-1.txt", cwd=repo))
    _ok(decide("evidence", "add", "P2", "hit-rate", "0.111", "--source", "javascript:alert(1)", cwd=repo))
    _ok(decide("effort", "log", "P2", str(HOURS), "--force", cwd=repo))
    return repo


def test_since_the_last_meeting_starts_when_the_meeting_was_closed(meeting_workspace, decide):
    root = meeting_workspace
    closed = _ok(decide("meeting", "close", "--attendee", "ana", cwd=root))
    # P3, started today with nothing recorded, counts as opened after the meeting: next week's news.
    assert "2 active prototype(s) got no verdict" in closed.stdout and "P1  Kafka ingest" in closed.stdout
    assert "Dark mode" not in closed.stdout  # P3 by its title: a "P3" may be in the id
    (meeting,) = _ledger(root, "meetings.jsonl")
    assert meeting["date"] == TODAY.isoformat() and meeting["attendees"] == ["ana"] and meeting["by"] == "Test User"
    _ok(decide("evidence", "add", "P2", "hit-rate", "0.987", "--unit", "ratio", cwd=root))

    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()  # the report that follows today's meeting
    since = _section(_report(decide, root, "--as-of", tomorrow), f"Since the meeting of {TODAY}")
    text = _text(since)
    assert "0.987 ratio" in text and "unmet → met" in text  # the value, its unit, the state it moved
    assert "0.111" not in text and "912" not in text  # recorded before the meeting was closed
    assert "iterate" in text and "keep" in text  # P2's recommendation changed
    again = decide("meeting", "close", "--attendee", "ben", cwd=root)
    assert again.exit_code == 2 and f"the meeting of {TODAY} was closed already" in again.stderr
    assert len(_ledger(root, "meetings.jsonl")) == 1


def test_a_meeting_closed_days_late_counts_what_came_after_it_as_new(meeting_workspace, decide):
    # Recorded today, after yesterday's meeting took place and before anyone closed it: the meeting never saw it.
    root = meeting_workspace
    closed = _ok(decide("meeting", "close", "--date", YESTERDAY, cwd=root))
    assert "every active prototype got a verdict" in closed.stdout  # all three started today, after it
    since = _section(_report(decide, root, "--as-of", TODAY.isoformat()), f"Since the meeting of {YESTERDAY}")
    assert "912" in _text(since) and "0.111" in _text(since)


def _moment(day: str, time: str) -> str:
    """*time* on *day* in the local offset, as `decide` writes `at`."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(time)).astimezone().isoformat()


def _recorded(root, name: str, *stamps: str) -> None:
    """Give the last len(*stamps*) lines of ledger *name* these `at` stamps, as if recorded then."""
    path = root / "prototypes" / name
    lines = path.read_text().splitlines()
    for index, stamp in zip(range(len(lines) - len(stamps), len(lines)), stamps):
        lines[index] = json.dumps({**json.loads(lines[index]), "at": stamp}, ensure_ascii=False)
    path.write_text("".join(line + "\n" for line in lines))


def _started(root, number: int, day: str) -> None:
    (card,) = (root / "prototypes").glob(f"{number:04d}-*.md")
    card.write_text(card.read_text().replace(f"started: {TODAY}", f"started: {day}"))


@pytest.fixture
def late_meeting(repo, decide):
    """A meeting yesterday gives P1 a verdict at 14:00; at 16:00 P2 is opened and crosses its kill condition;
    the meeting is not closed yet."""
    before = (TODAY - dt.timedelta(days=2)).isoformat()
    _ok(decide("proto", "new", "Kafka ingest", cwd=repo))
    _ok(decide("criterion", "add", "P1", "p99", "--target", "<= 200", "--must", cwd=repo))
    _ok(decide("evidence", "add", "P1", "p99", "250", cwd=repo))
    _recorded(repo, "evidence.jsonl", _moment(before, "10:00"))
    _started(repo, 1, before)
    _ok(decide("iterate", "P1", "--reason", "tune batching", cwd=repo))
    _recorded(repo, "verdicts.jsonl", _moment(YESTERDAY, "14:00"))
    _ok(decide("proto", "new", "Embeddings search", cwd=repo))
    _ok(decide("criterion", "add", "P2", "p95", "--target", "<= 80", "--kill", "> 300", cwd=repo))
    _ok(decide("evidence", "add", "P2", "p95", "350", "--unit", "ms", cwd=repo))
    _recorded(repo, "evidence.jsonl", _moment(YESTERDAY, "16:02"))
    _started(repo, 2, YESTERDAY)
    return repo


def test_a_meeting_closed_a_day_late_leaves_no_hole_after_it(late_meeting, decide):
    # Closed the next morning with --date: what came after the meeting on its day was in no report.
    closed = _ok(decide("meeting", "close", "--date", YESTERDAY, cwd=late_meeting))
    assert "every active prototype got a verdict" in closed.stdout  # P2 was opened after the meeting
    assert f"counts as new what is recorded from the start of {YESTERDAY}" in closed.stdout
    html = _report(decide, late_meeting, "--as-of", TODAY.isoformat())
    since = _text(_section(html, f"Since the meeting of {YESTERDAY}"))
    assert (f"Changes recorded from the start of {YESTERDAY} (the meeting's day: it was closed on {TODAY} without "
            f"the time it ended) to the end of {TODAY}.") in since
    assert "Nothing changed" not in since
    assert [r[:3] for r in _rows(html, "Prototypes opened and closed")] == [["P2", "Embeddings search", "opened"]]
    assert _rows(html, "Kill conditions newly crossed") == [["P2", "Embeddings search", "p95"]]
    assert [r[:4] for r in _rows(html, "Recommendations that changed")] == [["P2", "Embeddings search", "new",
                                                                             "discard"]]
    assert [r[1:4] for r in _rows(html, "New evidence")] == [["P2", "p95", "350 ms"]]
    # When the meeting ended is not known: its own verdict is shown again rather than anything never.
    assert [r[1] for r in _rows(html, "Verdicts recorded")] == ["P1"]


def test_a_meeting_closed_late_counts_from_when_it_ended(late_meeting, decide):
    for wrong in ("3pm", "25:00", "15:00:00"):
        refused = decide("meeting", "close", "--date", YESTERDAY, "--ended", wrong, cwd=late_meeting)
        assert refused.exit_code == 2 and f"ended {wrong!r} is not a time of day" in refused.stderr
    closed = _ok(decide("meeting", "close", "--date", YESTERDAY, "--ended", "15:00", "--attendee", "ana",
                        cwd=late_meeting))
    assert "every active prototype got a verdict" in closed.stdout
    ended = _moment(YESTERDAY, "15:00")
    assert _ledger(late_meeting, "meetings.jsonl")[0]["ended"] == ended
    html = _report(decide, late_meeting, "--as-of", TODAY.isoformat())
    since = _text(_section(html, f"Since the meeting of {YESTERDAY}"))
    assert (f"Changes recorded from {ended.replace('T', ' ')} (when the meeting ended) to the end of {TODAY}."
            in since)
    assert [r[:3] for r in _rows(html, "Prototypes opened and closed")] == [["P2", "Embeddings search", "opened"]]
    assert "Verdicts recorded" not in since  # P1's was given at the meeting


def test_a_prototype_opened_after_a_same_day_close_is_listed_as_opened(repo, decide):
    _ok(decide("meeting", "close", cwd=repo))
    _ok(decide("proto", "new", "Embeddings search", cwd=repo))
    _ok(decide("criterion", "add", "P1", "p95", "--target", "<= 80", "--kill", "> 300", cwd=repo))
    _ok(decide("evidence", "add", "P1", "p95", "350", cwd=repo))
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    html = _report(decide, repo, "--as-of", tomorrow)
    assert _rows(html, "Prototypes opened and closed") == [["P1", "Embeddings search", "opened", TODAY.isoformat()]]
    assert [r[:4] for r in _rows(html, "Recommendations that changed")] == [["P1", "Embeddings search", "new",
                                                                             "discard"]]
    assert _rows(html, "Kill conditions newly crossed") == [["P1", "Embeddings search", "p95"]]


def test_the_window_is_stated_to_the_second_the_meeting_was_closed(repo, decide):
    _ok(decide("proto", "new", "GraphQL gateway", cwd=repo))
    _ok(decide("criterion", "add", "P1", "coverage", "--target", ">= 0.9", "--must", cwd=repo))
    _ok(decide("evidence", "add", "P1", "coverage", "0.5", cwd=repo))
    _ok(decide("meeting", "close", cwd=repo))
    _ok(decide("evidence", "add", "P1", "coverage", "0.82", cwd=repo))
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    html = _report(decide, repo, "--as-of", tomorrow)
    closed_at = _ledger(repo, "meetings.jsonl")[0]["at"]
    since = _text(_section(html, f"Since the meeting of {TODAY}"))
    # It said "Changes from" the day after the meeting, above a row of the meeting's own day.
    assert (f"Changes recorded after {closed_at.replace('T', ' ')} (when the meeting was closed) to the end of "
            f"{tomorrow}.") in since
    assert [(r[0], r[3]) for r in _rows(html, "New evidence")] == [(TODAY.isoformat(), "0.82")]


def test_since_given_wins_over_the_last_meeting(repo, decide):
    _ok(decide("proto", "new", "X", cwd=repo))
    _ok(decide("criterion", "add", "P1", "a", "--target", ">= 1", cwd=repo))
    _ok(decide("evidence", "add", "P1", "a", "0.5", cwd=repo))
    _ok(decide("meeting", "close", cwd=repo))
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert "0.5" not in _text(_section(_report(decide, repo, "--as-of", tomorrow), f"Since the meeting of {TODAY}"))
    html = _report(decide, repo, "--as-of", tomorrow, "--since", TODAY.isoformat())
    since = _text(_section(html, f"Since {TODAY} (--since)"))  # it was ignored, in silence
    assert f"Changes recorded from the start of {TODAY} (--since) to the end of {tomorrow}." in since
    assert [r[3] for r in _rows(html, "New evidence")] == ["0.5"]


def test_decisions_to_record_run_as_printed(meeting_workspace, decide):
    _ok(decide("evidence", "add", "P2", "hit-rate", "0.95", "--note", "it's \"warm\" $HOME `x`", cwd=meeting_workspace))
    html = _report(decide, meeting_workspace, "--as-of", TODAY.isoformat())
    commands = [unescape(re.sub(r"<[^>]+>", "", c))
                for c in re.findall(r'<code class="db-command">(.*?)</code>', _section(html, "Decisions to record"))]
    assert sorted(shlex.split(c)[1:3] for c in commands) == [["discard", "P1"], ["iterate", "P3"], ["keep", "P2"]]
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "decide"
        _ok(decide(*words[1:], cwd=meeting_workspace))
    verdicts = {v["prototype"]: v for v in _ledger(meeting_workspace, "verdicts.jsonl")}
    assert {n: v["verdict"] for n, v in verdicts.items()} == {1: "discard", 2: "keep", 3: "iterate"}
    assert not any(v["verdict"] != v["recommendation"] and v["recommendation"] != "needs-evidence"
                   for v in verdicts.values())
    assert verdicts[3]["deadline"] == (TODAY + dt.timedelta(days=14)).isoformat()  # no deadline yet: a timebox
    assert all(v["by"] == "Test User" for v in verdicts.values())  # --by defaults to git's user.name
    closed = _ok(decide("meeting", "close", cwd=meeting_workspace))
    assert "every active prototype got a verdict" in closed.stdout


def _due_today(repo, decide) -> str:
    """The report of today on a card due today whose evidence recommends iterate."""
    _ok(decide("proto", "new", "Offline mode", "--deadline", TODAY.isoformat(), cwd=repo))
    _ok(decide("criterion", "add", "P1", "sync", "--target", "yes", "--must", cwd=repo))
    _ok(decide("criterion", "add", "P1", "conflicts", "--target", "<= 2", cwd=repo))
    _ok(decide("evidence", "add", "P1", "sync", "yes", cwd=repo))
    _ok(decide("evidence", "add", "P1", "conflicts", "5", cwd=repo))
    return _report(decide, repo, "--as-of", TODAY.isoformat())


def test_the_agenda_says_a_deadline_is_today(repo, decide):
    # The agenda put a deadline of the meeting's day as "within 7 days", as it did one a week away, while the
    # section above it said "due today".
    html = _due_today(repo, decide)
    assert f"deadline {TODAY} due today" in " ".join(_text(_section(html, "Agenda")).split())
    assert "within 7 days" not in _text(_section(html, "Agenda"))


def test_an_iterate_on_the_deadline_s_day_gives_a_new_timebox(repo, decide):
    # The command printed for a card due on the meeting's day kept that deadline: run as printed, the iterate left
    # the prototype past its timebox the next morning, and the next report recommended discarding it.
    html = _due_today(repo, decide)
    commands = [unescape(re.sub(r"<[^>]+>", "", c))
                for c in re.findall(r'<code class="db-command">(.*?)</code>', _section(html, "Decisions to record"))]
    assert [shlex.split(c)[:5] for c in commands] == [
        ["decide", "iterate", "P1", "--deadline", (TODAY + dt.timedelta(days=14)).isoformat()]]
    _ok(decide(*shlex.split(commands[0])[1:], cwd=repo))
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert "iterate" in _ok(decide("triage", "--as-of", tomorrow, cwd=repo)).stdout.split("->")[1]


def test_blind_report_warns_of_moved_goalposts_and_shows_no_hours(meeting_workspace, decide):
    root = meeting_workspace
    _ok(decide("criterion", "remove", "P2", "hit-rate", cwd=root))
    _ok(decide("criterion", "add", "P2", "hit-rate", "--target", ">= 0.05", "--must", cwd=root))
    html = _report(decide, root, "--as-of", TODAY.isoformat())
    warnings = _text(_section(html, "Warnings"))
    assert "goalposts moved: changed after evidence: hit-rate" in warnings
    without_images = re.sub(r"data:image/png;base64,[^\"]+", "", html)
    assert str(HOURS) not in without_images and "hours" not in _text(html).lower().replace("hours, no", "")
    assert ">Sunk-cost check<" not in html
    revealed = _report(decide, root, "--as-of", TODAY.isoformat(), "--reveal")
    assert str(HOURS) in _text(revealed)


def test_report_shows_what_moved_goalposts_did(meeting_workspace, decide):
    root = meeting_workspace
    # Three days ago P2's hit-rate was 0.111 against ">= 0.8"; since yesterday it is judged against ">= 0.05".
    past = (TODAY - dt.timedelta(days=3)).isoformat()
    evidence = root / "prototypes/evidence.jsonl"
    evidence.write_text("".join(json.dumps({**e, "at": f"{past}T10:00:00+00:00"}) + "\n"
                                for e in _ledger(root, "evidence.jsonl")))
    git(root, "add", "-A", day=past)
    git(root, "commit", "-qm", "cards and evidence", day=past)
    _ok(decide("criterion", "remove", "P2", "hit-rate", cwd=root))
    _ok(decide("criterion", "add", "P2", "hit-rate", "--target", ">= 0.05", "--must", cwd=root))
    html = _report(decide, root, "--as-of", TODAY.isoformat(), "--since", YESTERDAY)
    since = _text(_section(html, f"Since {YESTERDAY} (--since)"))
    assert "hit-rate unmet met goalposts moved: target >= 0.8, must → target >= 0.05, must" in since
    assert "iterate keep" in since  # the recommendation the new target made
    agenda = _text(_section(html, "Agenda"))
    assert "evidence says keep; goalposts moved after evidence: hit-rate" in agenda
    decisions = _section(html, "Decisions to record")
    assert ("changed after evidence: hit-rate (1 evidence entry was recorded under target >= 0.8, must; "
            "now target >= 0.05, must)") in _text(decisions)
    (command,) = [c for c in (unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(
        r'<code class="db-command">(.*?)</code>', decisions)) if " P2 " in c]
    assert shlex.split(command)[1] == "keep" and "goalposts moved after evidence: hit-rate" in command
    warnings = _text(_section(html, "Warnings"))
    assert "recorded under target >= 0.8, must; now target >= 0.05, must" in warnings


def test_links_to_cards_and_sources_and_never_to_scripts(meeting_workspace, decide):
    root = meeting_workspace
    html = _report(decide, root, "--as-of", TODAY.isoformat(), "--since", YESTERDAY)
    assert 'href="../prototypes/0001-kafka-ingest.md"' in html
    assert 'href="../bench/run-1.txt"' in html
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # only as text, never in an attribute
    assert scan(html).problems == []
    (root / "decisionbook.toml").write_text('[links]\nbase-url = "https://git.example.com/team/repo/blob/main"\n')
    html = _report(decide, root, "--as-of", TODAY.isoformat())
    assert 'href="https://git.example.com/team/repo/blob/main/prototypes/0001-kafka-ingest.md"' in html


def test_rendered_again_as_of_a_past_date_it_is_the_same_file(tmp_path, decide):
    root = build(tmp_path / "ws")
    first = _report(decide, root, "--as-of", AS_OF).encode("utf-8")
    # Everything after AS_OF: evidence, a verdict closing a card, an extension, a meeting, effort.
    _ok(decide("evidence", "add", "P3", "hit-rate", "0.95", cwd=root))
    _ok(decide("evidence", "add", "P4", "works", "yes", "--measured", "2026-10-15", cwd=root))
    _ok(decide("keep", "P3", "--reason", "fast enough", cwd=root))
    _ok(decide("iterate", "P4", "--reason", "more time", "--deadline", "2027-03-01", cwd=root))
    _ok(decide("meeting", "close", "--date", "2026-10-19", cwd=root))
    _ok(decide("effort", "log", "P1", "3", cwd=root))
    again = _report(decide, root, "--as-of", AS_OF).encode("utf-8")
    assert again == first
    later = _report(decide, root, "--as-of", TODAY.isoformat())
    assert _heading(later, start="Since the meeting of 2026-10-19") and "0.95" in _text(later)


def test_criteria_edited_after_the_date_do_not_count_as_of_it(tmp_path, decide):
    root = build(tmp_path / "ws")
    first = _report(decide, root, "--as-of", AS_OF).encode("utf-8")
    before = _ok(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=root)).stdout
    # One card's criteria changed in a later commit, another's left changed in the working tree.
    _ok(decide("criterion", "add", "P3", "cold-start", "--target", "<= 5", "--must", cwd=root))
    git(root, "commit", "-q", "-am", "P3: cold start is a must", day="2026-11-02")
    _ok(decide("criterion", "add", "P4", "cost", "--target", "<= 10", "--must", cwd=root))
    assert _report(decide, root, "--as-of", AS_OF).encode("utf-8") == first
    assert _ok(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=root)).stdout == before
    now = _ok(decide("triage", "--as-of", TODAY.isoformat(), "--format", "json", cwd=root)).stdout
    assert '"cold-start"' in now and '"cost"' in now and '"cold-start"' not in before


def test_a_verdict_as_of_a_day_records_the_hash_of_the_criteria_it_was_judged_on(tmp_path, decide):
    root = build(tmp_path / "ws")
    then = {r["ref"]: r for r in json.loads(_ok(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=root)).stdout)
            ["prototypes"]}["P3"]
    _ok(decide("criterion", "add", "P3", "cold-start", "--target", "<= 5", cwd=root))
    git(root, "commit", "-q", "-am", "P3: cold start too", day="2026-11-02")
    now = {r["ref"]: r for r in json.loads(_ok(decide("triage", "--format", "json", cwd=root)).stdout)["prototypes"]}["P3"]
    assert then["criteria_hash"] != now["criteria_hash"] and then["merit"] != now["merit"]
    _ok(decide("iterate", "P3", "--reason", "as the meeting saw it", "--as-of", AS_OF, cwd=root))
    _ok(decide("iterate", "P3", "--reason", "as it is now", cwd=root))
    past, present = _ledger(root, "verdicts.jsonl")[-2:]
    assert (past["merit"], past["criteria_hash"]) == (then["merit"], then["criteria_hash"])
    assert (present["merit"], present["criteria_hash"]) == (now["merit"], now["criteria_hash"])


def test_criteria_as_of_a_day_come_from_git_without_gitpython(tmp_path, decide):
    """Its import alone would cost every `--as-of` triage a sixth of its time."""
    root = build(tmp_path / "ws")
    before = json.loads(_ok(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=root)).stdout)
    (card,) = (root / "prototypes").glob("0003-*.md")
    card.rename(card.with_name("0003-renamed by hand.md"))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "P3: a name with spaces", day="2026-10-01")
    _ok(decide("criterion", "add", "P3", "cold-start", "--target", "<= 5", "--must", cwd=root))
    git(root, "commit", "-q", "-am", "P3: cold start is a must", day="2026-11-02")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "toolkit", "triage", "--as-of", AS_OF,
                           "--format", "json"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert not {name for name in imported if name.split(".")[0] == "git"}

    def unnamed(rows):
        return [{key: value for key, value in row.items() if key != "path"} for row in rows]

    assert unnamed(json.loads(proc.stdout)["prototypes"]) == unnamed(before["prototypes"])
    assert '"cold-start"' not in proc.stdout
    # One `git cat-file --batch` answers for many files; a name that is missing, or no file, is left out.
    from toolkit.history.plaingit import working_tree

    named = "HEAD:prototypes/0003-renamed by hand.md"
    asked = ["HEAD:prototypes/0009-no such card.md", named, "HEAD:prototypes"]
    assert working_tree(root).blobs(asked) == {named: (root / "prototypes/0003-renamed by hand.md").read_bytes()}


def test_a_card_renamed_since_a_day_is_judged_on_the_criteria_it_had_that_day(tmp_path, decide):
    # The day's version is found by the card's number under the name its file had then, not by today's name.
    root = build(tmp_path / "ws")
    before = json.loads(_ok(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=root)).stdout)
    (card,) = (root / "prototypes").glob("0003-*.md")
    git(root, "mv", f"prototypes/{card.name}", "prototypes/0003-a-new-name.md")
    _ok(decide("criterion", "add", "P3", "cold-start", "--target", "<= 5", "--must", cwd=root))
    git(root, "commit", "-q", "-am", "P3: renamed, and cold start is a must", day="2026-11-02")
    after = json.loads(_ok(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=root)).stdout)

    def unnamed(rows):
        return [{key: value for key, value in row.items() if key != "path"} for row in rows]

    assert unnamed(after["prototypes"]) == unnamed(before["prototypes"])
    assert "cold-start" not in json.dumps(after)


def test_extensions_past_the_limit_are_a_warning(repo, decide):
    (repo / "decisionbook.toml").write_text("[triage]\nmax_extensions = 1\n")
    _ok(decide("proto", "new", "Zombie", "--deadline", TODAY.isoformat(), cwd=repo))
    for weeks in (1, 2):
        deadline = (TODAY + dt.timedelta(weeks=weeks)).isoformat()
        _ok(decide("iterate", "P1", "--reason", f"round {weeks}", "--deadline", deadline, "--by", "ana", cwd=repo))
    import toolkit

    (row,) = toolkit.open_workspace(repo).weekly(TODAY).agenda
    assert row["extensions"] == 2 and row["now"]
    assert row["extension_warning"] == "extended 2 times (limit 1): decide, or it lingers"
    assert (row["verdict"], row["verdict_by"], row["verdict_reason"]) == ("iterate", "ana", "round 2")


def test_measured_date_places_evidence_and_cannot_be_in_the_future(repo, decide):
    _ok(decide("proto", "new", "Cache", cwd=repo))
    _ok(decide("criterion", "add", "P1", "hit", "--target", ">= 1", cwd=repo))
    # The card started today: a day before it is recorded as given, with a warning (a likely typo).
    early = _ok(decide("evidence", "add", "P1", "hit", "2", "--measured", YESTERDAY, cwd=repo))
    (entry,) = _ledger(repo, "evidence.jsonl")
    assert entry["measured"] == YESTERDAY and entry["at"][:10] == TODAY.isoformat()
    assert early.stderr == (f"warning: measured {YESTERDAY} is before P1 started ({TODAY}): a typo? Recorded as "
                            f"given; if the day is wrong, `decide evidence retract {entry['id']}` and add it again\n")
    assert _ok(decide("evidence", "add", "P1", "hit", "3", "--measured", TODAY.isoformat(), cwd=repo)).stderr == ""
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    result = decide("evidence", "add", "P1", "hit", "2", "--measured", tomorrow, cwd=repo)
    assert result.exit_code == 2 and "in the future" in result.stderr
    import toolkit

    week = toolkit.open_workspace(repo).weekly(TODAY)
    assert [t["date"] for t in week.timeline] == [YESTERDAY, TODAY.isoformat()]


def test_by_falls_back_to_the_login_name_outside_git(tmp_path, decide_process, monkeypatch):
    import getpass

    from toolkit.workspace import init

    init(tmp_path / "ws")
    root = tmp_path / "ws"
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1"}
    assert decide_process("proto", "new", "Cache", cwd=root, env=env).exit_code == 0
    assert decide_process("effort", "log", "P1", "2", cwd=root, env=env).exit_code == 0
    (entry,) = _ledger(root, "effort.jsonl")
    assert entry["by"] == getpass.getuser()


def test_an_empty_workspace_has_nothing_to_triage(repo, decide):
    html = _report(decide, repo)
    text = _text(html)
    assert "Nothing to triage" in text
    assert "<table" not in html and "Agenda" not in text
    shutil.rmtree(repo / "reports")


def test_since_starts_at_since_else_at_the_meeting_else_a_week_back(repo, decide):
    import toolkit

    _ok(decide("proto", "new", "Cache", "--deadline", (TODAY + dt.timedelta(days=3)).isoformat(), cwd=repo))
    book = toolkit.open_workspace(repo)
    week = book.weekly(TODAY)
    assert week.since.start == TODAY - dt.timedelta(days=6) and "last 7 days" in week.since.basis
    assert [d["when"] for d in week.since.deadlines] == ["due in 3 days"]
    assert [o["ref"] for o in week.since.opened] == ["P1"]
    assert book.weekly(TODAY, since=YESTERDAY).since.start == TODAY - dt.timedelta(days=1)
    _ok(decide("meeting", "close", "--date", YESTERDAY, cwd=repo))
    week = toolkit.open_workspace(repo).weekly(TODAY)
    assert week.since.basis == f"the meeting of {YESTERDAY}" and week.since.start == TODAY - dt.timedelta(days=1)
    week = toolkit.open_workspace(repo).weekly(TODAY, since="2020-01-01")  # asked for: it wins
    assert week.since.basis == "2020-01-01 (--since)" and week.since.meeting is None
    # The report for the meeting's own day follows the meeting before it, not the one it is for.
    assert toolkit.open_workspace(repo).weekly(YESTERDAY).since.meeting is None


def test_a_triage_as_of_a_past_day_needs_no_git_outside_a_repository(tmp_path):
    from toolkit.workspace import init

    init(tmp_path / "ws")
    bin_only = tmp_path / "bin"  # python and decide, but no git
    bin_only.mkdir()
    for name in ("python", "decide"):
        (bin_only / name).symlink_to(Path(sys.executable).parent / name)
    proc = subprocess.run(["decide", "triage", "--as-of", YESTERDAY, "--format", "json"], cwd=tmp_path / "ws",
                          capture_output=True, text=True, env={**os.environ, "PATH": str(bin_only)})
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert json.loads(proc.stdout)["prototypes"] == []


def _rows(html: str, heading: str) -> list[list[str]]:
    """The body rows of the first table after *heading*, each as its cells' text."""
    found = next(found for found in re.finditer(r"<h([1-6])[^>]*>(.*?)</h\1>", html)
                 if re.sub(r"<[^>]+>", "", found.group(2)) == heading)  # a day in it is marked as well
    rest = html[found.start():]
    table = rest[: rest.index("</table>")]
    return [[unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(<td.*?)</tr>", table, re.S)]


def test_new_evidence_shows_what_each_entry_did_in_date_order(repo, decide):
    def day(n: int) -> str:
        return (TODAY - dt.timedelta(days=n)).isoformat()

    _ok(decide("proto", "new", "Relay", cwd=repo))
    _ok(decide("criterion", "add", "P1", "lag", "--target", "<= 500", "--kill", "> 2000", cwd=repo))
    _ok(decide("criterion", "add", "P1", "hit", "--target", ">= 0.8", "--aggregate", "median", cwd=repo))
    for criterion, value, measured in (("lag", "820 ms", 5), ("lag", "830 ms", 4), ("lag", "430 ms", 3),
                                       ("hit", "0.9", 3), ("hit", "0.5", 2), ("hit", "0.85", 1), ("lag", "2500 ms", 0)):
        number, *unit = value.split()
        _ok(decide("evidence", "add", "P1", criterion, number, *(("--unit", *unit) if unit else ()),
                   "--measured", day(measured), cwd=repo))
    # Recorded last, measured first: placed by its day, and moving nothing, as the judgement takes the latest
    # measured; it read "unmeasured -> met", then the next row "met -> unmet": a met criterion that never was.
    _ok(decide("evidence", "add", "P1", "lag", "450", "--unit", "ms", "--measured", day(6), cwd=repo))
    html = _report(decide, repo, "--as-of", TODAY.isoformat())
    rows = [(r[0], r[2], r[3], r[4]) for r in _rows(html, "New evidence")]
    assert rows == [
        (day(6), "lag", "450 ms", "killed"),
        (day(5), "lag", "820 ms", "unmeasured → unmet"),
        (day(4), "lag", "830 ms", "unmet"),
        (day(3), "lag", "430 ms", "unmet → met"),
        (day(3), "hit", "0.9", "unmeasured → met"),
        (day(2), "hit", "0.5", "met → unmet"),  # the median of 0.9 and 0.5 is 0.7
        (day(1), "hit", "0.85", "unmet → met"),  # the median of the three is 0.85
        (day(0), "lag", "2500 ms", "met → killed"),
    ]


def test_cards_that_cannot_be_read_are_counted_beside_the_recommendations(meeting_workspace, decide):
    root = meeting_workspace
    killed = root / "prototypes/0001-kafka-ingest.md"  # the one that needs a decision this week
    killed.write_text(killed.read_text().replace('target: "<= 200"', 'target: "<== 200"'))
    html = _report(decide, root, "--as-of", TODAY.isoformat())
    text = _text(html)
    assert ("2 active prototypes, judged on their evidence against criteria registered in advance; 0 need a "
            "decision this week; 1 card(s) could not be read, so not judged or counted here, and may need one") in text
    counts = _rows(html, f"Weekly triage — {TODAY}")[0]
    assert counts[-1] == "1" and "could not be read" in html[html.index("<table"):html.index("</thead>")]
    assert "Nothing needs a decision this week" not in text
    assert "prototypes/0001-kafka-ingest.md:" in _text(_section(html, f"Weekly triage — {TODAY}"))
    for card in (root / "prototypes").glob("000[23]-*.md"):
        card.write_text(card.read_text().replace("target: ", "target: <"))
    text = _text(_report(decide, root, "--as-of", TODAY.isoformat()))
    assert "Nothing to triage" not in text and "3 card(s) could not be read" in text


def test_closing_a_meeting_says_which_cards_could_not_be_told(meeting_workspace, decide):
    # A card that could not be read was left out of "got no verdict" in silence.
    card = meeting_workspace / "prototypes/0001-kafka-ingest.md"
    card.write_text(card.read_text().replace('target: "<= 200"', 'target: "<== 200"'))
    closed = decide("meeting", "close", cwd=meeting_workspace)
    assert closed.exit_code == 0 and "prototypes/0001-kafka-ingest.md:" in closed.stderr
    week = (TODAY - dt.timedelta(days=6)).isoformat()
    assert (f"1 active prototype(s) got no verdict in the 7 days from {week} to {TODAY} (no earlier meeting "
            "recorded); 1 card(s) could not be read (above), so whether they got one is not known:") in closed.stdout


def test_since_after_the_report_date_is_refused(repo, decide):
    """A --since typed a month late would show "Nothing changed" for a week full of evidence: it is refused."""
    _ok(decide("proto", "new", "Kafka ingest", cwd=repo))
    _ok(decide("criterion", "add", "P1", "p99", "--target", "<= 200", cwd=repo))
    _ok(decide("evidence", "add", "P1", "p99", "180", cwd=repo))
    later = (TODAY + dt.timedelta(days=8)).isoformat()
    result = decide("report", "weekly", "--as-of", TODAY.isoformat(), "--since", later, cwd=repo)
    assert result.exit_code == 2, result.output
    assert f"since {later} is after the report's day {TODAY}" in result.stderr
    assert not list(repo.glob("reports/*.html"))


def test_a_forgotten_meeting_closed_after_a_later_one_names_the_window_of_the_later_one(meeting_workspace, decide):
    """Closing last week's meeting after this week's: the next report still follows this week's."""
    root = meeting_workspace
    _ok(decide("meeting", "close", cwd=root))
    week_ago = (TODAY - dt.timedelta(days=7)).isoformat()
    closed = _ok(decide("meeting", "close", "--date", week_ago, cwd=root))
    said = closed.stdout.splitlines()[1]
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    window = _text(_section(_report(decide, root, "--as-of", tomorrow), f"Since the meeting of {TODAY}"))
    start = re.search(r"Changes recorded (.*) to the end of", window).group(1)
    assert f"the meeting of {TODAY}" in said and start in said, (said, start)
    assert f"from the start of {week_ago}" not in said


def test_a_report_on_the_day_of_a_closed_meeting_does_not_say_none_was_recorded(repo, decide):
    """The meeting of the report's own day is the one the report is for: the window is the week before, and the
    heading says no earlier meeting is recorded, not that none is."""
    _ok(decide("proto", "new", "Kafka ingest", cwd=repo))
    _ok(decide("meeting", "close", cwd=repo))
    html = _report(decide, repo, "--as-of", TODAY.isoformat())
    first = (TODAY - dt.timedelta(days=6)).isoformat()
    heading = _heading_text(html, "Since ")
    assert heading == f"Since {first}, the last 7 days (no earlier meeting recorded)"


def test_an_end_time_the_clocks_skipped_is_refused(repo, decide, monkeypatch):
    """02:30 did not happen in Berlin on 2026-03-29 (clocks went from 02:00 to 03:00): read as 01:30, it would count
    an hour of the meeting as after it. It is refused; 02:30 of the autumn change, which happened twice, is taken."""
    import time

    original = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        refused = decide("meeting", "close", "--date", "2026-03-29", "--ended", "02:30", cwd=repo)
        assert refused.exit_code == 2, refused.output
        assert "02:30 did not happen on 2026-03-29" in refused.stderr
        assert _ledger(repo, "meetings.jsonl") == []
        _ok(decide("meeting", "close", "--date", "2026-10-25", "--ended", "02:30", cwd=repo))
        assert _ledger(repo, "meetings.jsonl")[0]["ended"] == "2026-10-25T02:30:00+02:00"
    finally:
        monkeypatch.delenv("TZ")
        if original is not None:
            monkeypatch.setenv("TZ", original)
        time.tzset()


def test_an_attendee_named_twice_is_recorded_once(repo, decide):
    _ok(decide("meeting", "close", "--attendee", "ana", "--attendee", "ben", "--attendee", "ana", cwd=repo))
    (meeting,) = _ledger(repo, "meetings.jsonl")
    assert meeting["attendees"] == ["ana", "ben"]


def test_an_end_time_still_to_come_is_refused(repo, decide):
    now = dt.datetime.now()
    later = now + dt.timedelta(minutes=2)
    if later.date() != now.date():
        pytest.skip("too close to midnight for a later time on the same day")
    ended = later.strftime("%H:%M")
    refused = decide("meeting", "close", "--ended", ended, cwd=repo)
    assert refused.exit_code == 2, refused.output
    assert f"ended {now.date()} {ended} is in the future" in refused.stderr
    assert _ledger(repo, "meetings.jsonl") == []


def test_a_ledger_that_cannot_be_read_refuses_the_close_before_it_is_recorded(meeting_workspace, decide):
    root = meeting_workspace
    evidence = root / "prototypes" / "evidence.jsonl"
    evidence.rename(root / "evidence.jsonl.kept")
    evidence.mkdir()
    refused = decide("meeting", "close", cwd=root)
    assert refused.exit_code == 2, refused.output
    assert "prototypes/evidence.jsonl: error: cannot read" in refused.stderr
    assert _ledger(root, "meetings.jsonl") == []
    evidence.rmdir()
    (root / "evidence.jsonl.kept").rename(evidence)
    _ok(decide("meeting", "close", cwd=root))


def test_closing_a_meeting_says_since_when_its_verdicts_count(repo, decide):
    # The close listed the cards that "got no verdict" without saying since when: at a first meeting a card
    # given a verdict ten days before was listed, and nothing said that only the last 7 days were looked at.
    ten_days_ago = (TODAY - dt.timedelta(days=10)).isoformat()
    three_days_ago = (TODAY - dt.timedelta(days=3)).isoformat()
    _ok(decide("proto", "new", "Kafka ingest", cwd=repo))
    _started(repo, 1, ten_days_ago)
    _ok(decide("iterate", "P1", "--reason", "tune batching", cwd=repo))
    _recorded(repo, "verdicts.jsonl", _moment(ten_days_ago, "14:00"))
    first = _ok(decide("meeting", "close", "--date", three_days_ago, cwd=repo))
    week = (TODAY - dt.timedelta(days=9)).isoformat()
    assert (f"1 active prototype(s) got no verdict in the 7 days from {week} to {three_days_ago} "
            "(no earlier meeting recorded):\n  P1  Kafka ingest") in first.stdout
    _ok(decide("iterate", "P1", "--reason", "batching helped", cwd=repo))
    second = _ok(decide("meeting", "close", cwd=repo))
    assert f"every active prototype got a verdict since the meeting of {three_days_ago}" in second.stdout


def test_closing_a_meeting_keeps_the_weekly_report_it_looked_at(meeting_workspace, decide):
    # The week's report is written over each time it is rendered: once rendered again after the meeting, what
    # the meeting had on screen when it decided was gone, and the meeting's line did not say which it was.
    root = meeting_workspace
    week = "{}-W{:02d}".format(*TODAY.isocalendar()[:2])
    on_screen = _report(decide, root, "--as-of", TODAY.isoformat())
    closed = _ok(decide("meeting", "close", cwd=root))
    kept = f"reports/{TODAY}-meeting-weekly-triage.html"
    assert f"kept the weekly report of {week} it looked at as {kept}" in closed.stdout
    (meeting,) = _ledger(root, "meetings.jsonl")
    assert meeting["reports"] == [kept]
    _ok(decide("evidence", "add", "P2", "hit-rate", "0.95", cwd=root))
    again = _report(decide, root, "--as-of", TODAY.isoformat())
    assert again != on_screen and "0.95" in _text(again)
    assert (root / kept).read_text(encoding="utf-8") == on_screen
    # Its links are relative to reports/, where the copy sits too: they still lead to the files.
    assert 'href="../prototypes/0001-kafka-ingest.md"' in on_screen


def test_a_meeting_without_a_report_of_its_week_keeps_none_and_says_so(repo, decide):
    _ok(decide("proto", "new", "Kafka ingest", cwd=repo))
    closed = _ok(decide("meeting", "close", cwd=repo))
    week = "{}-W{:02d}".format(*TODAY.isocalendar()[:2])
    assert f"no weekly report of {week} in reports/ to keep with it" in closed.stdout
    assert _ledger(repo, "meetings.jsonl")[0]["reports"] == []
    assert not (repo / "reports").exists() or not list((repo / "reports").iterdir())


def test_a_link_planted_at_a_kept_report_s_name_is_no_copy(repo, decide):
    # A link to the week's report read as the same page: the line named a "copy" every later render changed.
    _ok(decide("proto", "new", "Kafka ingest", cwd=repo))
    week = "{}-W{:02d}".format(*TODAY.isocalendar()[:2])
    (repo / "reports").mkdir()
    (repo / "reports" / f"{week}-weekly-triage.html").write_text("<p>blind</p>")
    kept = repo / "reports" / f"{TODAY}-meeting-weekly-triage.html"
    kept.symlink_to(f"{week}-weekly-triage.html")
    refused = decide("meeting", "close", cwd=repo)
    assert refused.exit_code == 2 and f"reports/{kept.name}: error: is there already" in refused.stderr, refused.output
    assert kept.is_symlink() and _ledger(repo, "meetings.jsonl") == []


def test_a_kept_report_is_never_written_over(repo, decide):
    _ok(decide("proto", "new", "Kafka ingest", cwd=repo))
    week = "{}-W{:02d}".format(*TODAY.isocalendar()[:2])
    (repo / "reports").mkdir()
    (repo / "reports" / f"{week}-weekly-triage-revealed.html").write_text("<p>with the hours</p>")
    kept = repo / "reports" / f"{TODAY}-meeting-weekly-triage-revealed.html"
    kept.write_text("<p>someone's own page</p>")
    refused = decide("meeting", "close", cwd=repo)
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert (f"reports/{kept.name}: error: is there already and is not a copy of "
            f"reports/{week}-weekly-triage-revealed.html") in refused.stderr
    assert kept.read_text() == "<p>someone's own page</p>" and _ledger(repo, "meetings.jsonl") == []
    # One left by a close that stopped before its line was written holds the same page: it is taken.
    kept.write_text("<p>with the hours</p>")
    closed = _ok(decide("meeting", "close", cwd=repo))
    assert f"as reports/{kept.name}" in closed.stdout
    assert _ledger(repo, "meetings.jsonl")[0]["reports"] == [f"reports/{kept.name}"]


def test_the_evidence_timeline_marks_what_was_recorded_since_the_last_meeting(repo, decide):
    _ok(decide("proto", "new", "Cache", cwd=repo))
    _ok(decide("criterion", "add", "P1", "hit", "--target", ">= 1", cwd=repo))
    for value in ("2", "3"):
        _ok(decide("evidence", "add", "P1", "hit", value, cwd=repo))
    three_days_ago, two_days_ago = ((TODAY - dt.timedelta(days=n)).isoformat() for n in (3, 2))
    # The first was recorded three days ago, before the meeting two days ago; the second since.
    ledger = repo / "prototypes" / "evidence.jsonl"
    first, second = ledger.read_text().splitlines()
    ledger.write_text(json.dumps({**json.loads(first), "at": f"{three_days_ago}T10:00:00+00:00"}) + f"\n{second}\n")
    _ok(decide("meeting", "close", "--date", two_days_ago, "--ended", "17:00", cwd=repo))
    import toolkit
    from toolkit.reports import charts

    week = toolkit.open_workspace(repo).weekly(TODAY)
    assert [(t["date"], t["new"]) for t in week.timeline] == [(three_days_ago, False), (TODAY.isoformat(), True)]
    figure = charts.evidence_timeline(week.timeline, week.as_of, list(week.charted), week.since.start_words)
    assert [text.get_text() for text in figure.legends[0].get_texts()] == [
        "evidence", f"new since the meeting of {two_days_ago}", f"as of {TODAY.isoformat()}"]
    colours = {tuple(c.get_facecolor()[0][:3].round(3)) for c in figure.axes[0].collections}
    assert len(colours) == 2  # the new dot is not the colour of the old one


def test_criteria_added_or_removed_since_the_last_meeting_are_changes_since_it(repo, decide):
    # A criterion added after the meeting, still unmeasured, moved no state: "since the last meeting" said nothing.
    week_ago, started = ((TODAY - dt.timedelta(days=n)).isoformat() for n in (7, 10))
    (repo / "prototypes" / "0001-cache.md").write_text(
        f"---\ntitle: Cache\nstarted: {started}\ncriteria:\n  - id: hit\n    target: \">= 1\"\n"
        "  - id: cost\n    target: \"<= 5\"\n---\n## Hypothesis\n\nFaster.\n")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "card"], cwd=repo, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": f"{week_ago}T12:00:00"})
    _ok(decide("meeting", "close", "--date", week_ago, "--ended", "17:00", cwd=repo))
    _ok(decide("criterion", "add", "P1", "p99", "--target", "<= 200", "--must", cwd=repo))
    _ok(decide("criterion", "remove", "P1", "cost", cwd=repo))
    import toolkit

    week = toolkit.open_workspace(repo).weekly(TODAY)
    assert [(s["criterion"], s["before"], s["state"], s["note"]) for s in week.since.states] == [
        ("p99", "—", "unmeasured", "criterion added: target <= 200, must"),
        ("cost", "unmeasured", "—", "criterion removed: target <= 5")]
