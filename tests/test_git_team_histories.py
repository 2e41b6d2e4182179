"""Records of one file name in different folders (each team's `0001-record-architecture-decisions.md`, which
adr-tools writes in every folder it initialises) each have their own git history: in the decision log, its
frames, a past day's log and the design review. The fixtures follow Mozilla's SRE layout; their text is our own."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import repository_with
from report_fixtures import scan

from toolkit.workspace import open_workspace

FIRST = "0001-record-architecture-decisions.md"
TEAM = "# 1. Record architecture decisions\n\nDate: {day}\n\n## Status\n\n{status}\n\n## Context\n\nThe {team} team.\n"


def _commit(root: Path, author: str, day: str, message: str) -> None:
    stamp = f"{day}T10:00:00+00:00"
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message, f"--author={author} <{author}@example.com>"], cwd=root,
                   check=True, env={**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})


def _propose_and_accept(root: Path, team: str, author: str, proposed: str, accepted: str) -> None:
    record = root / "decisions" / team / FIRST
    record.write_text(TEAM.format(day=proposed, status="Proposed", team=team))
    _commit(root, author, proposed, f"{team}: propose recording decisions")
    record.write_text(TEAM.format(day=proposed, status="Accepted", team=team))
    _commit(root, author, accepted, f"{team}: accept recording decisions")


@pytest.fixture
def teams(tmp_path) -> Path:
    """Two team folders, each with its `.adr-dir` and its ADR 1 of one file name: the global team's proposed on
    2021-01-04 and accepted a week later by ana, the websre team's proposed on 2022-03-01 and accepted 20 days
    later by ben."""
    root = repository_with(tmp_path / "repo", {"decisions/global/.adr-dir": ".\n", "decisions/websre/.adr-dir": ".\n"})
    _propose_and_accept(root, "global", "ana", "2021-01-04", "2021-01-11")
    _propose_and_accept(root, "websre", "ben", "2022-03-01", "2022-03-21")
    return root


def _text(page: Path) -> str:
    return " ".join(" ".join(scan(page.read_text(encoding="utf-8")).text).split())


def test_the_frames_give_each_team_s_record_its_own_dates(teams):
    from toolkit.frames import Book

    book = Book.open(teams)
    frame = book.decision_history()
    assert [(str(row["proposed on"].date()), str(row["accepted on"].date()), row["days to decide"])
            for _, row in frame.iterrows()] == [("2021-01-04", "2021-01-11", 7), ("2022-03-01", "2022-03-21", 20)]
    assert [(wait["proposed_on"], wait["accepted_on"], wait["days"]) for wait in book.log().time_to_decide] \
        == [("2021-01-04", "2021-01-11", 7), ("2022-03-01", "2022-03-21", 20)]


def test_the_decision_log_dates_each_team_s_record_by_its_own_commits(teams, decide):
    assert decide("report", "log", "--out", "site", cwd=teams).exit_code == 0
    index = _text(teams / "site/index.html")
    assert re.search(r"Accepted \(2\) ADR Title Date Proposed on Decided on "
                     r"global/ ADR-0001 Record architecture decisions 2021-01-04 2021-01-04 2021-01-11 "
                     r"websre/ ADR-0001 Record architecture decisions 2022-03-01 2022-03-01 2022-03-21 ", index), index


def test_a_past_day_s_log_shows_each_team_s_record_as_its_own_commits_left_it(teams, decide):
    # On 2021-06-01 the global team's record was accepted and the websre team's not yet written.
    assert decide("report", "log", "--out", "site", "--as-of", "2021-06-01", cwd=teams).exit_code == 0
    index = _text(teams / "site/index.html")
    assert "2 decisions in decisions, as of 2021-06-01. accepted: 1 · not in git then: 1" in index, index
    assert re.search(r"Accepted \(1\) ADR Title Date Proposed on Decided on "
                     r"global/ ADR-0001 Record architecture decisions 2021-01-04 2021-01-04 2021-01-11 "
                     r"Not in git then", index)


def test_each_team_s_record_has_its_own_page_in_the_decision_log(teams, decide):
    # Both pages were `0001-record-architecture-decisions.html`, the second written over the first.
    from test_report_site import dead_links

    assert decide("report", "log", "--out", "site", cwd=teams).exit_code == 0
    site = teams / "site"
    assert sorted(page.name for page in site.glob("*.html")) == [
        "global-0001-record-architecture-decisions.html", "graph.html", "index.html",
        "websre-0001-record-architecture-decisions.html"]
    mine = _text(site / "global-0001-record-architecture-decisions.html")
    assert "Proposed on 2021-01-04 by ana; accepted on 2021-01-11 by ana (7 days later)." in mine
    assert "global: accept recording decisions" in mine and "websre:" not in mine and "The global team." in mine
    theirs = _text(site / "websre-0001-record-architecture-decisions.html")
    assert "Proposed on 2022-03-01 by ben; accepted on 2022-03-21 by ben (20 days later)." in theirs
    assert "websre: accept recording decisions" in theirs and "global:" not in theirs
    # Each page names its file by its path in the ADR folder, which tells the team.
    assert "· global/0001-record-architecture-decisions.md" in mine
    assert "· websre/0001-record-architecture-decisions.md" in theirs
    assert dead_links(site, lambda page: page.read_text(encoding="utf-8")) == []

    assert decide("report", "log", "--out", "site", "--as-of", "2021-06-01", cwd=teams).exit_code == 0
    assert "accepted on 2021-01-11 by ana" in _text(site / "global-0001-record-architecture-decisions.html")
    assert "No git history for this file yet." in _text(site / "websre-0001-record-architecture-decisions.html")


def test_the_design_review_shows_each_team_s_record_its_own_history(teams, decide):
    from toolkit.actions.adrs import load_decisions
    from toolkit.frames.review import status_history

    ws = open_workspace(teams)
    assert [[(row["date"], row["author"], row["status"]) for row in status_history(ws, record)]
            for record in load_decisions(ws).records] == [
        [("2021-01-04", "ana", "proposed"), ("2021-01-11", "ana", "accepted")],
        [("2022-03-01", "ben", "proposed"), ("2022-03-21", "ben", "accepted")]]
    shown = decide("adr", "history", f"websre/{FIRST}", "--format", "json", cwd=teams)
    assert [(row["subject"], row["path"]) for row in json.loads(shown.stdout)] == [
        ("websre: propose recording decisions", f"decisions/websre/{FIRST}"),
        ("websre: accept recording decisions", f"decisions/websre/{FIRST}")]


def test_each_team_s_record_has_its_own_design_review(teams, decide):
    # The notebook was given the key `1`, which both teams' records have, and failed; both reviews had one name.
    made = [decide("report", "review", f"{team}/{FIRST}", "--as-of", "2022-06-01", cwd=teams)
            for team in ("global", "websre")]
    assert [m.exit_code for m in made] == [0, 0], [m.output for m in made]
    pages = [teams / m.stdout.strip().splitlines()[-1] for m in made]
    assert pages[0] != pages[1]
    assert "The global team." in _text(pages[0]) and "The websre team." not in _text(pages[0])
    assert "The websre team." in _text(pages[1]) and "The global team." not in _text(pages[1])


def test_inside_a_team_s_folder_its_record_has_its_own_dates(teams):
    from toolkit.frames import Book

    frame = Book.open(teams / "decisions/websre").decision_history()
    assert [(str(row["proposed on"].date()), row["days to decide"]) for _, row in frame.iterrows()] == [
        ("2022-03-01", 20)]


def test_a_record_s_notes_folder_of_its_name_lends_it_no_history(tmp_path):
    # `0031-node-labels/README.md` holds notes on the record `0031-node-labels.md` beside it, and was
    # keyed as that record: its later commit dated the record.
    from toolkit.frames import Book

    root = repository_with(tmp_path / "repo", {
        "decisions/0031-node-labels.md": "---\nstatus: accepted\ndate: 2018-04-02\n---\n# Node labels\n",
    })
    _commit(root, "ana", "2018-04-02", "Accept node labels")
    (root / "decisions/0031-node-labels").mkdir()
    (root / "decisions/0031-node-labels/README.md").write_text("# Notes on node labels\n\nStatus: accepted.\n")
    _commit(root, "ben", "2019-05-06", "Notes on node labels")
    frame = Book.open(root).decision_history()
    assert [(row["adr"], str(row["proposed on"].date()), str(row["accepted on"].date()), row["days to decide"])
            for _, row in frame.iterrows()] == [("ADR-0031", "2018-04-02", "2018-04-02", 0)]


def _dates(root: Path) -> list[tuple]:
    """(ADR, proposed on, accepted on or None) of each record, as the decision-history frame gives them."""
    from toolkit.frames import Book

    frame = Book.open(root).decision_history()
    return [(row["adr"], str(row["proposed on"].date()), str(row["accepted on"].date()) if row.notna()["accepted on"]
             else None) for _, row in frame.iterrows()]


def test_a_renamed_team_record_records_kept_as_folders_and_keps_keep_their_histories(teams):
    # A team's record retitled in git keeps its history; a record kept as a folder (`0007-use-x/index.md`) and
    # a KEP (its page beside its kep.yaml) are dated by their pages' commits, in team folders as at the top.
    websre = teams / "decisions/websre"
    (websre / "0002-use-a-cdn.md").write_text(TEAM.format(day="2022-04-01", status="Proposed", team="websre")
                                              .replace("# 1. Record architecture decisions", "# 2. Use a CDN"))
    _commit(teams, "ben", "2022-04-01", "websre: propose a CDN")
    subprocess.run(["git", "mv", "decisions/websre/0002-use-a-cdn.md", "decisions/websre/0002-serve-from-a-cdn.md"],
                   cwd=teams, check=True)
    _commit(teams, "ben", "2022-04-02", "websre: retitle")
    (websre / "0002-serve-from-a-cdn.md").write_text(
        (websre / "0002-serve-from-a-cdn.md").read_text().replace("Proposed", "Accepted"))
    _commit(teams, "ben", "2022-04-08", "websre: accept a CDN")
    (teams / "decisions/global/0007-use-tls").mkdir()
    (teams / "decisions/global/0007-use-tls/index.md").write_text(
        "---\nstatus: proposed\ndate: 2023-05-01\n---\n# Use TLS\n\n## Context and Problem Statement\n\nWhy.\n")
    (teams / "decisions/global/0007-use-tls/diagram.md").write_text("# Diagram\n")
    _commit(teams, "ana", "2023-05-01", "global: propose TLS")
    page = teams / "decisions/global/0007-use-tls/index.md"
    page.write_text(page.read_text().replace("status: proposed", "status: accepted"))
    _commit(teams, "ana", "2023-05-03", "global: accept TLS")
    assert _dates(teams) == [("ADR-0001", "2021-01-04", "2021-01-11"), ("ADR-0001", "2022-03-01", "2022-03-21"),
                             ("ADR-0002", "2022-04-01", "2022-04-08"), ("ADR-0007", "2023-05-01", "2023-05-03")]

    from test_adr_record_folders import _keps

    keps = _keps(teams.parent / "keps")
    _commit(keps, "ana", "2021-01-07", "Start")
    page = keps / "keps/sig-node/2200-node-swap/README.md"
    page.write_text(page.read_text() + "\n## Design\n\nSwap on demand.\n")
    _commit(keps, "ben", "2021-02-09", "Design node swap")
    assert [row for row in _dates(keps) if row[0] in ("ADR-0031", "ADR-2200")] == [
        ("ADR-0031", "2021-01-07", "2021-01-07"), ("ADR-2200", "2021-01-07", None)]
    from toolkit.actions.adrs import load_decisions
    from toolkit.frames.review import status_history

    ws = open_workspace(keps)
    swap = next(record for record in load_decisions(ws).records if record.number == 2200)
    assert [row["subject"] for row in status_history(ws, swap)] == ["Start", "Design node swap"]


def test_an_adr_folder_at_the_top_of_the_repository_has_its_histories(tmp_path):
    root = repository_with(tmp_path / "repo", {".adr-dir": ".\n", FIRST: TEAM.format(
        day="2021-01-04", status="Proposed", team="only")})
    _commit(root, "ana", "2021-01-04", "Propose")
    (root / FIRST).write_text(TEAM.format(day="2021-01-04", status="Accepted", team="only"))
    _commit(root, "ana", "2021-01-09", "Accept")
    assert _dates(root) == [("ADR-0001", "2021-01-04", "2021-01-09")]


def _index_rows(site: Path) -> list[list[str]]:
    """The text of each cell of each row of the index's tables of records, cell by cell."""
    from html.parser import HTMLParser

    class Rows(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell = [], None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag == "td":
                self.cell = []

        def handle_endtag(self, tag):
            if tag == "td":
                self.rows[-1].append(" ".join("".join(self.cell).split()))
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell.append(data)

    parser = Rows()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    return [row for row in parser.rows if row and "ADR-" in row[0]]


def test_the_index_names_the_folder_of_records_whose_labels_repeat(teams, decide):
    # Both teams' records read `ADR-0001 Record architecture decisions`, told apart only by where they link.
    websre = teams / "decisions/websre"
    (websre / "0002-use-a-cdn.md").write_text(TEAM.format(day="2022-04-01", status="Proposed", team="websre")
                                              .replace("# 1. Record architecture decisions", "# 2. Use a CDN"))
    _commit(teams, "ben", "2022-04-01", "websre: propose a CDN")
    assert decide("report", "log", "--out", "site", "--as-of", "2022-04-05", cwd=teams).exit_code == 0
    assert [row[:2] for row in _index_rows(teams / "site")] == [
        ["ADR-0002", "Use a CDN"], ["ADR-0002", "Use a CDN"],
        ["global/ ADR-0001", "Record architecture decisions"], ["websre/ ADR-0001", "Record architecture decisions"]]
    # The timeline's rows are named so too.
    timeline = (teams / "site/timeline.svg").read_text(encoding="utf-8")
    assert "global/ADR-0001" in timeline and "websre/ADR-0001" in timeline and "/ADR-0002" not in timeline
    # A folder of records whose labels are all their own shows none.
    alone = teams.parent / "websre-site"
    assert decide("report", "log", "--out", alone, cwd=teams / "decisions/websre").exit_code == 0
    assert [row[0] for row in _index_rows(alone)] == ["ADR-0002", "ADR-0002", "ADR-0001"]


def test_records_in_folders_whose_names_join_alike_each_keep_their_page(tmp_path, decide):
    # `a-b/` and `a/b/` both gave `a-b-0001-record-architecture-decisions.html`: one page written over the other.
    from test_report_site import dead_links

    root = repository_with(tmp_path / "repo", {
        f"decisions/{team}/{FIRST}": TEAM.format(day="2021-01-04", status="Accepted", team=team.replace("/", " "))
        for team in ("a-b", "a/b")})
    _commit(root, "ana", "2021-01-04", "both teams")
    assert decide("report", "log", "--out", "site", cwd=root).exit_code == 0
    site = root / "site"
    pages = sorted(page.name for page in site.glob("*.html") if page.name not in ("graph.html", "index.html"))
    assert len(pages) == 2, pages
    assert sorted("The a-b team." in _text(site / page) for page in pages) == [False, True]
    assert sorted("The a b team." in _text(site / page) for page in pages) == [False, True]
    assert dead_links(site, lambda page: page.read_text(encoding="utf-8")) == []


def test_a_record_of_a_series_of_its_own_keeps_its_history_through_a_new_title(tmp_path, decide):
    # `VIS-001-modules.md` renamed `VIS-001-modules-v2.md` is one record, as `0001-x.md` renamed is, by its label.
    record = "# ADR VIS-001: Modules\n\n**Date:** 2021-01-04\n**Status:** {status}\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/ADR/001-soft-delete.md": "# ADR 001: Soft delete\n\n**Status:** Accepted\n",
        "docs/ADR/VIS-001-modules.md": record.format(status="Proposed")})
    _commit(root, "ana", "2021-01-04", "Propose")
    (root / "docs/ADR/VIS-001-modules.md").write_text(record.format(status="Accepted"))
    _commit(root, "ben", "2021-01-09", "Accept")
    subprocess.run(["git", "mv", "docs/ADR/VIS-001-modules.md", "docs/ADR/VIS-001-modules-v2.md"], cwd=root, check=True)
    _commit(root, "ana", "2021-02-01", "Retitle")
    shown = decide("adr", "history", "VIS-001", "--format", "json", cwd=root)
    assert shown.exit_code == 0, shown.output
    assert [(row["date"][:10], row["before"], row["after"]) for row in json.loads(shown.stdout)] == [
        ("2021-01-04", None, "proposed"), ("2021-01-09", "proposed", "accepted"),
        ("2021-02-01", "accepted", "accepted")]
