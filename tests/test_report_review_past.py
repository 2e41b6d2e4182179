"""`decide report review N --as-of DAY` in git shows the record as its last commit on or before DAY held it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from report_fixtures import git, invoke, scan

TODAY = dt.date.today()
PROPOSED = (TODAY - dt.timedelta(days=10)).isoformat()
DAY = (TODAY - dt.timedelta(days=5)).isoformat()  # the day of the meeting re-read
ACCEPTED = (TODAY - dt.timedelta(days=2)).isoformat()

FIRST = f"""---
status: proposed
date: {PROPOSED}
decision-makers: [ana]
---
# Use a queue

## Context and Problem Statement

Orders arrive in bursts that the billing service cannot absorb.

## Considered Options

* A queue between them
* Scaling billing up

## Decision Outcome

Chosen option: a queue, because bursts pass through it.
"""

LATER = """
## Consequences

* Good, because billing keeps its pace: written after the meeting.
"""


@pytest.fixture(scope="module")
def past(tmp_path_factory):
    """ADR 1 proposed on PROPOSED; after DAY retitled, a decision-maker added, Consequences written, approved by
    both and accepted; ADR 2 first committed after DAY. {"root", "then", "now": report texts of ADR 1,
    "new": report text of ADR 2 as of DAY}."""
    from toolkit.workspace import init

    root = tmp_path_factory.mktemp("pastreview") / "ws"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    init(root)
    (root / "decisionbook.toml").write_text('[people]\nana = "engineering"\nben = "product"\n', encoding="utf-8")
    record = root / "decisions" / "0001-use-a-queue.md"
    record.write_text(FIRST, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Propose a queue", day=PROPOSED)
    text = FIRST.replace("# Use a queue", "# Use a message queue").replace("[ana]", "[ana, ben]") + LATER
    record.write_text(text, encoding="utf-8")
    for who in ("ana", "ben"):
        assert invoke(root, "adr", "approve", "1", "--by", who).exit_code == 0
    accepted = invoke(root, "adr", "status", "1", "accepted", "--date", ACCEPTED)
    assert accepted.exit_code == 0, accepted.output
    (root / "decisions" / "0002-keep-orders-for-a-year.md").write_text(
        f"---\nstatus: proposed\ndate: {ACCEPTED}\ndecision-makers: [ben]\n---\n# Keep orders for a year\n\n"
        "## Context and Problem Statement\n\nWritten after the meeting.\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Accept the queue", day=ACCEPTED)

    def text_of(ref, *day):
        result = invoke(root, "report", "review", ref, *(("--as-of", *day) if day else ()))
        assert result.exit_code == 0, result.output
        html = (root / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
        assert scan(html).problems == []
        return html, " ".join(" ".join(scan(html).text).split())

    return {"root": root, "then": text_of("1", DAY), "now": text_of("1"), "new": text_of("2", DAY)}


def _row(html: str, item: str) -> str:
    match = re.search(rf"<tr><td>{re.escape(item)}</td>(.*?)</tr>", html, re.S)
    assert match, item
    return match.group(1)


def test_the_title_status_and_text_are_those_of_that_day(past):
    html, text = past["then"]
    assert "Design review — ADR-0001 Use a queue" in text and "message queue" not in text
    assert f"status proposed · date {PROPOSED}" in text
    assert f"Shown as it stood in the last commit on or before {DAY}" in text
    assert "written after the meeting" not in text
    assert "Design review — ADR-0001 Use a message queue" in past["now"][1]  # today's review is today's record


def test_a_section_written_after_the_day_fails_the_checklist_of_that_day(past):
    html, text = past["then"]
    assert "missing" in _row(html, 'section "Consequences"')
    assert "pass" in _row(past["now"][0], 'section "Consequences"')
    # It said that `decide adr status` "refuses" to accept it: the command judges today's text, which passes.
    assert (f"Not ready to accept on {DAY}: 2 required item(s) failed, so decide adr status would have refused to "
            "accept it that day without --force") in text


def test_an_approval_given_after_the_day_does_not_count_that_day(past):
    html, text = past["then"]
    assert "ana (outstanding)" in _row(html, "sign-off")
    assert "approved" not in _row(html, "sign-off")
    assert "2 approval(s), 2 needed" in _row(past["now"][0], "sign-off")


def test_a_decision_maker_added_after_the_day_is_not_among_its_people(past):
    html, text = past["then"]
    people = text[text.index("People Person"):text.index("Evidence behind it")]
    assert "ana decision-maker" in people and "ben decision-maker" not in people
    assert "Roles not involved: product (ben could fill it)." in text
    assert "ben" not in _row(html, "sign-off")


def test_history_rows_after_the_day_are_left_out(past):
    html, text = past["then"]
    history = text[text.index("History"):]
    assert "Propose a queue" in history and "Accept the queue" not in history and "accepted" not in history
    assert "Accept the queue" in past["now"][1]


def test_the_lint_of_that_day_is_run_on_that_day_s_text(past):
    html, text = past["then"]
    assert "checks of this file on its text of that day" in text


def test_a_record_first_committed_after_the_day_is_said_not_in_git_then(past):
    html, text = past["new"]
    assert f"was not in git on {DAY}" in text and f"No commit of this file on or before {DAY}." in text
    shown = text[text.index("Design review"):]
    assert "Written after the meeting" not in shown and "ben" not in shown and "People" not in shown
    assert "Keep orders for a year" not in shown and "proposed" not in shown  # its title and status came later


def test_the_sections_left_out_leave_no_blank_band(past):
    # A section left out was still an empty cell, padded as one that shows something: four of them stood
    # between the note and "Evidence behind it" as a blank band.
    html, text = past["new"]
    cells = re.findall(r'<div id="cell-id=([^"]*)" class="(jp-Cell [^"]*)"', html)
    assert [name for name, classes in cells if "jp-mod-noOutputs" in classes] == []
    assert len(cells) == 3 and "nothing written in it is shown. Evidence behind it" in text


def test_the_library_gives_what_the_report_shows(past):
    from toolkit.frames.review import review
    from toolkit.workspace import open_workspace

    then = review(open_workspace(past["root"]), "1", dt.date.fromisoformat(DAY))
    assert then.decision.title == "Use a queue" and then.decision.decision_makers == ("ana",)
    assert then.shown == "then" and "written after the meeting" not in then.body
    assert [row["subject"] for row in then.history] == ["Propose a queue"]
    assert next(i for i in then.checklist if i.item == "sign-off").result == "fail"
    absent = review(open_workspace(past["root"]), "2", dt.date.fromisoformat(DAY))
    assert absent.shown == "absent" and absent.body == "" and absent.checklist == () and absent.people == ()


def test_a_past_day_outside_git_says_the_record_is_today_s(tmp_path):
    from toolkit.workspace import init

    init(tmp_path)
    (tmp_path / "decisions" / "0001-use-a-queue.md").write_text(FIRST, encoding="utf-8")
    result = invoke(tmp_path, "report", "review", "1", "--as-of", DAY)
    assert result.exit_code == 0, result.output
    text = " ".join(scan((tmp_path / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")).text)
    assert f"The folder is not in git: the record is shown as it is today; how it stood on {DAY} is not known." \
        in " ".join(text.split())


def test_a_record_that_cannot_be_read_as_it_stood_that_day_is_named_only(tmp_path):
    from toolkit.workspace import init

    git(tmp_path, "init", "-q", "-b", "main")
    init(tmp_path)
    record = tmp_path / "decisions" / "0001-use-a-queue.md"
    record.write_text(FIRST.replace("decision-makers: [ana]", "decision-makers: [ana"), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Propose a queue", day=PROPOSED)
    record.write_text(FIRST, encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Close the list of decision-makers", day=ACCEPTED)
    result = invoke(tmp_path, "report", "review", "1", "--as-of", DAY)
    assert result.exit_code == 0, result.output
    html = (tmp_path / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    text = " ".join(" ".join(scan(html).text).split())
    assert f"Its last commit on or before {DAY} holds a record that cannot be read: line 4:" in text
    shown = text[text.index("Design review"):]
    assert "status unreadable" in shown and "Use a queue" not in shown and "Orders arrive" not in shown
    assert "Traceback" not in html and "Close the list" not in shown


def test_a_record_renumbered_since_and_its_relations_are_reviewed_as_they_stood(tmp_path):
    # ADR 1 became ADR 4 after the day and a new record took the number 1. The review of ADR 4 as of the day named it
    # ADR-0004 and its file of today; the review of ADR 2 listed it as amending the new ADR 1, under that record's
    # title, and ADR 3, first committed after the day, under its title of today.
    from toolkit.workspace import init

    git(tmp_path, "init", "-q", "-b", "main")
    init(tmp_path)
    folder = tmp_path / "decisions"
    (folder / "0001-use-a-queue.md").write_text(FIRST, encoding="utf-8")
    (folder / "0002-retry-failed-orders.md").write_text(
        f"---\nstatus: proposed\ndate: {PROPOSED}\nlinks: [{{relation: amends, adr: 1}}, {{relation: amends, adr: 3}}]"
        "\n---\n# Retry failed orders\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Propose a queue and retries", day=PROPOSED)
    assert invoke(tmp_path, "adr", "renumber", "1", "--to", "4").exit_code == 0
    (folder / "0001-log-every-order.md").write_text(
        f"---\nstatus: proposed\ndate: {ACCEPTED}\n---\n# Log every order\n", encoding="utf-8")
    (folder / "0003-keep-orders-for-a-year.md").write_text(
        f"---\nstatus: proposed\ndate: {ACCEPTED}\n---\n# Keep orders for a year\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Renumber the queue; log and keep orders", day=ACCEPTED)

    def text_of(ref, *day):
        result = invoke(tmp_path, "report", "review", ref, *(("--as-of", *day) if day else ()))
        assert result.exit_code == 0, result.output
        return " ".join(" ".join(scan((tmp_path / result.stdout.strip().splitlines()[-1]).read_text(
            encoding="utf-8")).text).split())

    queue = text_of("4", DAY)
    assert "Design review — ADR-0001 Use a queue" in queue and "decisions/0001-use-a-queue.md" in queue
    assert "Renamed since: it is ADR-0004 today, decisions/0004-use-a-queue.md." in queue
    assert "amended by ADR-0002 Retry failed orders" in queue
    retries = text_of("2", DAY)
    assert "amends ADR-0001 Use a queue" in retries and "Log every order" not in retries
    assert "amends ADR-0003 (not in git then)" in retries and "Keep orders for a year" not in retries
    today = text_of("2")
    assert "amends ADR-0004 Use a queue" in today and "amends ADR-0003 Keep orders for a year" in today


def test_a_past_day_s_checklist_knows_the_team_s_template_of_that_day(tmp_path):
    # The team's template of the day held "Say why this matters."; a record proposed with that line left in was not
    # ready. The template was reworded later: the review of the day read today's and counted the line as written.
    from toolkit.workspace import init

    git(tmp_path, "init", "-q", "-b", "main")
    init(tmp_path)
    folder = tmp_path / "decisions"
    template = "---\nstatus: proposed\n---\n# Title\n\n## Context and Problem Statement\n\n{}\n"
    (folder / "adr-template.md").write_text(template.format("Say why this matters."), encoding="utf-8")
    (folder / "0001-use-a-queue.md").write_text(FIRST.replace(
        "Orders arrive in bursts that the billing service cannot absorb.", "Say why this matters."), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Propose a queue", day=PROPOSED)
    (folder / "adr-template.md").write_text(template.format("Describe the problem in two lines."), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Reword the template", day=ACCEPTED)
    result = invoke(tmp_path, "report", "review", "1", "--as-of", DAY)
    assert result.exit_code == 0, result.output
    html = (tmp_path / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert "still the template" in _row(html, 'section "Context and Problem Statement"')
    text = " ".join(" ".join(scan(html).text).split())
    assert 'section "Context and Problem Statement" is still the template\'s text' in text  # its checks of that day
    today = invoke(tmp_path, "report", "review", "1")
    html = (tmp_path / today.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert "pass" in _row(html, 'section "Context and Problem Statement"')  # today's template is another
