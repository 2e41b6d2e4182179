"""`decide report log`: the decision log as a static site, checked page by page in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from report_fixtures import IMG_TITLE, SCRIPT_TITLE, invoke, scan
from test_browser import CHROMIUM, _dom_after_load

from toolkit.reports.demo import build

DEMO_DAY = "2026-10-29"
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (the CI script installs it)")


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.refs.append(attrs[name])


def _refs(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


def _dom(page: Path, profile: Path) -> str:
    """*page* as Chromium's DOM after loading it from disk."""
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=90,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dead_links(site: Path, read) -> list[str]:
    """Every href/src in every page of *site* (as *read* returns the page) whose relative target or #anchor is missing."""
    dead = []
    pages = {page.name: read(page) for page in sorted(site.glob("*.html"))}
    for name, html in pages.items():
        for ref in _refs(html).refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                continue  # not internal: only http(s) and mailto survive the sanitiser
            target = unquote(parts.path) or name
            if target.startswith("../") and (site / target).resolve().is_relative_to(site.parent.parent.resolve()):
                # A workspace file beside the site: a prototype card.
                if not (site / target).is_file():
                    dead.append(f"{name}: {ref}")
                continue
            if not (site / target).is_file() or (site / target).resolve().parent != site.resolve():
                dead.append(f"{name}: {ref}")
            elif parts.fragment and target.endswith(".html") and parts.fragment not in _refs(pages[target]).ids:
                dead.append(f"{name}: {ref} (no such anchor)")
    return dead


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    root = build(tmp_path_factory.mktemp("site") / "demo")
    result = invoke(root, "report", "log", "--as-of", DEMO_DAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "reports/decision-log/index.html"
    return root / "reports" / "decision-log"


def _text(page: Path) -> str:
    return " ".join(" ".join(scan(page.read_text(encoding="utf-8")).text).split())


def test_one_page_per_adr_and_the_index(demo_site):
    adrs = sorted(p.stem for p in (demo_site.parent.parent / "decisions").glob("*.md"))
    assert sorted(p.stem for p in demo_site.glob("*.html")) == sorted([*adrs, "index", "graph"])
    index = _text(demo_site / "index.html")
    assert "6 decisions in decisions, as of 2026-10-29." in index
    assert re.search(r"Open proposals ADR Title Proposed on By Days waiting ADR-0006 Event-source the order history 2026-10-26 Eli Novak 3 ", index)
    assert "Accepted (4)" in index and "Superseded (1)" in index and "Sunk-cost audit" in index
    assert "Too few verdicts (5)" in index  # the demo has 5 verdicts: no conclusion drawn from them
    assert {p.name for p in demo_site.glob("*.svg")} == {"timeline.svg", "graph-1.svg"}


def test_an_adr_page_has_relations_both_ways_history_prototypes_and_neighbours(demo_site):
    newer = _text(demo_site / "0005-keep-rest-with-a-backend-for-frontend.html")
    assert "supersedes ADR-0003 Use REST for the mobile API superseded in both" in newer
    assert "Proposed on 2026-08-20 by Chen Li; accepted on 2026-08-24 by Chen Li (4 days later)." in newer
    assert re.search(r"P2 GraphQL gateway for mobile discarded discard kill condition crossed.* discard", newer)
    assert "previous: ADR-0004 Ingest events through Kafka" in newer and "next: ADR-0006" in newer
    assert "Considered Options" in newer  # the record itself, rendered
    older = _text(demo_site / "0003-use-rest-for-the-mobile-api.html")
    assert "superseded by ADR-0005 Keep REST with a backend-for-frontend for mobile accepted in both" in older
    html = (demo_site / "0003-use-rest-for-the-mobile-api.html").read_text(encoding="utf-8")
    assert '<a href="0005-keep-rest-with-a-backend-for-frontend.html">ADR-0005</a>' in html
    assert '<img src="graph-1.svg"' in html


def test_an_adr_page_links_each_prototype_behind_it_to_its_card(demo_site, tmp_path):
    # The design review and the weekly report link each card; the log's pages named them only.
    html = (demo_site / "0006-event-source-the-order-history.html").read_text(encoding="utf-8")
    assert '<a class="db-words" href="../../prototypes/0008-event-sourced-orders.md">Event-sourced orders</a>' in html
    root = demo_site.parent.parent
    assert invoke(root, "report", "log", "--as-of", DEMO_DAY, "--out", str(tmp_path / "site")).exit_code == 0
    elsewhere = (tmp_path / "site" / "0006-event-source-the-order-history.html").read_text(encoding="utf-8")
    card = Path(os.path.relpath(root / "prototypes" / "0008-event-sourced-orders.md", tmp_path / "site")).as_posix()
    assert f'<a class="db-words" href="{card}">Event-sourced orders</a>' in elsewhere


def test_no_dead_internal_link_in_the_files(demo_site):
    assert dead_links(demo_site, lambda page: page.read_text(encoding="utf-8")) == []
    assert len(_refs((demo_site / "index.html").read_text()).refs) > 10


@needs_chromium
def test_no_dead_internal_link_in_the_browser(demo_site, tmp_path):
    assert dead_links(demo_site, lambda page: _dom(page, tmp_path / page.stem)) == []


def test_a_second_run_replaces_the_site_and_a_foreign_folder_is_refused(demo_site, tmp_path):
    root = demo_site.parent.parent
    (demo_site / "index.html").write_text("an earlier run's page")
    assert invoke(root, "report", "log", "--as-of", DEMO_DAY).exit_code == 0
    assert "Decision log" in (demo_site / "index.html").read_text()
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    result = invoke(root, "report", "log", "--out", str(foreign))
    assert result.exit_code == 2 and "was not written by `decide report log`" in result.output
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    assert invoke(root, "report", "log", "--out", str(tmp_path / "new" / "site")).exit_code == 0
    assert (tmp_path / "new" / "site" / "graph.html").is_file()


def test_a_site_folder_never_takes_what_the_site_did_not_write(decide, repo):
    # An empty folder became a site, and each later run replaced it whole: the ADRs written there since
    # were deleted. The records' own folders are refused, and a site holding a file of someone else's too.
    new_adr = decide("adr", "new", "Precious decision", "--no-edit", cwd=repo).stdout.strip()
    for out in ("decisions", "prototypes", ".", ".."):
        refused = decide("report", "log", "--out", out, cwd=repo)
        assert refused.exit_code == 2 and "holds the workspace's records" in refused.stderr, out
    assert decide("report", "log", "--out", "site", cwd=repo).exit_code == 0
    (repo / "site" / "notes.md").write_text("my notes\n")
    refused = decide("report", "log", "--out", "site", cwd=repo)
    assert refused.exit_code == 2
    assert "site: error: holds notes.md, which `decide report log` did not write and would remove" in refused.stderr
    assert (repo / "site" / "notes.md").read_text() == "my notes\n" and (repo / new_adr).is_file()
    (repo / "loop").symlink_to("loop")
    looped = decide("report", "log", "--out", "loop/site", cwd=repo)
    assert looped.exit_code == 2
    assert looped.stderr.startswith("loop/site: error: cannot be used: Too many levels of symbolic"), looped.stderr


def test_a_site_removes_only_the_files_it_wrote(decide, repo):
    # Any .html or .svg in an earlier site passed for one of its own: a hand-written about.html and logo.svg
    # put into the published folder were deleted without a word.
    gone = decide("adr", "new", "Short lived", "--no-edit", cwd=repo).stdout.strip()
    assert decide("report", "log", "--out", "site", cwd=repo).exit_code == 0
    site = repo / "site"
    mine = {"about.html": "<p>our contact page</p>", "logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "notes.txt": "x"}
    for name, text in mine.items():
        (site / name).write_text(text)
    refused = decide("report", "log", "--out", "site", cwd=repo)
    assert refused.exit_code == 2
    assert refused.stderr == ("site: error: holds about.html, logo.svg, notes.txt, which `decide report log` did "
                              "not write and would remove; move them or choose another --out\n")
    assert all((site / name).read_text() == text for name, text in mine.items())
    # The pages and pictures it wrote are its own: the page of a record removed since goes with the rest.
    for name in mine:
        (site / name).unlink()
    page = site / (Path(gone).stem + ".html")
    assert page.is_file()
    (repo / gone).unlink()
    assert decide("report", "log", "--out", "site", cwd=repo).exit_code == 0
    assert not page.exists() and (site / "index.html").is_file()


def test_a_site_written_before_it_listed_its_files_keeps_what_it_cannot_have_written(decide, repo):
    # A site of an earlier version marks its folder without listing its files: its own are the pages of
    # the records there now, the index, the graph, the style and the pictures; any other file is refused.
    decide("adr", "new", "Kept", "--no-edit", cwd=repo)
    assert decide("report", "log", "--out", "site", cwd=repo).exit_code == 0
    site = repo / "site"
    (site / ".decisionbook-log").write_bytes(
        b"a decision-log site written by decisionbook; `decide report log` replaces this folder\n")
    (site / "graph-7.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")  # a picture of a larger graph
    (site / "about.html").write_text("mine")
    refused = decide("report", "log", "--out", "site", cwd=repo)
    assert refused.exit_code == 2 and "holds about.html, which" in refused.stderr, refused.stderr
    (site / "about.html").unlink()
    assert decide("report", "log", "--out", "site", cwd=repo).exit_code == 0
    assert not (site / "graph-7.svg").exists() and (site / "index.html").is_file()


HOSTILE_BODY = f"""
## Context and Problem Statement

<script>document.body.setAttribute('data-pwned','yes');console.log('ran')</script>

{IMG_TITLE}

<div onmouseover="alert(1)">hover</div>

[click](javascript:document.body.setAttribute('data-pwned','yes'))
[tab](java&#x09;script:alert(1)) ![pixel](https://tracker.example/p.png) [data](data:text/html,<script>alert(1)</script>)
[the cockroach decision](0003-use-cockroachdb.md)

| a | b |
|---|---|
| <svg onload=alert(1)> | `<script>` |
"""


@pytest.fixture(scope="module")
def hostile_site(report_workspace, tmp_path_factory):
    from report_fixtures import git

    root = tmp_path_factory.mktemp("hostile") / "ws"
    shutil.copytree(report_workspace, root)
    result = invoke(root, "adr", "new", SCRIPT_TITLE, "--no-edit", "--date", "2026-10-10")
    assert result.exit_code == 0, result.output
    path = root / result.stdout.strip()
    path.write_text(path.read_text().replace("## Context and Problem Statement", HOSTILE_BODY, 1))
    # Committed before the day of the log, which shows the record as it stood then.
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Propose the hostile record", day="2026-10-10")
    result = invoke(root, "report", "log", "--as-of", "2026-10-20", "--out", "reports/hostile")
    assert result.exit_code == 0, result.output
    return root / "reports" / "hostile"


def test_hostile_titles_and_bodies_come_out_as_text(hostile_site):
    pages = sorted(hostile_site.glob("*.html"))
    assert len(pages) == 6  # four ADRs, index and graph
    for page in pages:
        html = page.read_text(encoding="utf-8")
        pictures = re.compile(r"src=(timeline|graph-\d+)\.svg on <img> is not an embedded image")
        assert [p for p in scan(html).problems if not pictures.fullmatch(p)] == [], page.name
        assert all(not ref.lower().startswith(("javascript", "data:text")) for ref in scan(html).links), page.name
    hostile = next(p for p in pages if p.name.startswith("0004-"))
    text = _text(hostile)
    assert f"ADR-0004: {SCRIPT_TITLE}" in text and "<div onmouseover=\"alert(1)\">hover</div>" in text
    assert '<a href="0003-use-cockroachdb.html">the cockroach decision</a>' in hostile.read_text()
    index = _text(hostile_site / "index.html")
    assert SCRIPT_TITLE in index and 'Event-source "orders" <img src=x onerror=alert(2)>' in index
    assert dead_links(hostile_site, lambda page: page.read_text(encoding="utf-8")) == []


@needs_chromium
def test_no_script_runs_in_any_page_of_the_hostile_site(hostile_site, tmp_path):
    page = hostile_site / "index.html"
    control = hostile_site / "control.html"  # the same payload, live: proves the check can see a script run
    control.write_text(page.read_text().replace(
        "</main>", "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes');console.log('ran')\"></main>"))
    try:
        body, console = _dom_after_load(control, tmp_path / "control")
        assert body.get("data-pwned") == "yes" and console
    finally:
        control.unlink()
    for page in sorted(hostile_site.glob("*.html")):
        body, console = _dom_after_load(page, tmp_path / page.stem)
        assert "data-pwned" not in body and console == [], page.name


def test_a_log_as_of_a_past_day_shows_each_status_as_it_stood_that_day(tmp_path):
    # `--as-of` judged the prototypes and counted the waiting days as of the day, but listed every ADR with its
    # status of today: a proposal accepted four days later read "accepted" in the log of a day it was still open.
    from report_fixtures import build as build_workspace, git

    root = build_workspace(tmp_path / "ws")  # ADR-0003 proposed on 09-28, accepted on 10-05
    (root / "decisions" / "0004-cache-reads.md").write_text(
        "---\nstatus: accepted\ndate: 2026-10-10\n---\n# Cache reads\n\n## Context and Problem Statement\n\nSlow.\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Cache reads", day="2026-10-10")
    assert invoke(root, "report", "log", "--as-of", "2026-10-01").exit_code == 0
    site = root / "reports" / "decision-log"
    index = _text(site / "index.html")
    assert "4 decisions in decisions, as of 2026-10-01. proposed: 2 · superseded: 1 · not in git then: 1" in index
    assert "Each record is shown as it stood in the last commit on or before 2026-10-01" in index
    assert re.search(r"Open proposals .* ADR-0003 Use CockroachDB 2026-09-28 Ben 3 ", index)
    assert "Accepted (" not in index and re.search(r"Not in git then \(1\) .* ADR-0004 Cache reads", index)
    # Its date field is the file's, proposed on 09-28 and not decided yet: no day decided on.
    assert re.search(r"Proposed \(2\) .* ADR-0003 Use CockroachDB 2026-10-05 2026-09-28 Superseded \(1\)", index)
    page = _text(site / "0003-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB proposed" in page
    assert "Shown as it stood in the last commit on or before 2026-10-01: its status, date, title," in page
    older = _text(site / "0001-use-postgresql.html")
    assert "superseded by ADR-0003 Use CockroachDB proposed" in older
    assert '<a href="#not-in-git-then">not in git then: 1</a>' in (site / "index.html").read_text(encoding="utf-8")
    assert dead_links(site, lambda page: page.read_text(encoding="utf-8")) == []

    assert invoke(root, "report", "log", "--as-of", "2026-10-10").exit_code == 0
    index = _text(site / "index.html")
    assert "4 decisions in decisions, as of 2026-10-10. proposed: 1 · accepted: 2 · superseded: 1" in index
    assert "not in git" not in index
    assert "Each record is shown as it stood in the last commit on or before 2026-10-10" in index

    # Outside git nothing tells how a status stood: the log says its statuses are today's.
    plain = tmp_path / "plain"
    shutil.copytree(root, plain, ignore=shutil.ignore_patterns(".git", "reports"))
    assert invoke(plain, "report", "log", "--as-of", "2026-10-01").exit_code == 0
    index = _text(plain / "reports" / "decision-log" / "index.html")
    assert ("Statuses are as they are today: the folder is not in git, so how they stood on 2026-10-01 "
            "is not known.") in index
    assert "accepted: 2" in index
    assert ("The folder is not in git: the record is shown as it is today; how it stood on 2026-10-01 is not "
            "known.") in _text(plain / "reports" / "decision-log" / "0004-cache-reads.html")


def test_a_past_day_s_page_shows_the_date_and_history_of_that_day(tmp_path):
    # A log of 10-01 showed ADR-0003 with the date field written on 10-12 and a History table listing the
    # commits of 10-05 and 10-12, none of which had happened by that day.
    from report_fixtures import ADRS, build as build_workspace, git

    root = build_workspace(tmp_path / "ws")  # ADR-0003 proposed on 09-28 (date field 2026-10-05), accepted 10-05
    record = root / "decisions" / "0003-use-cockroachdb.md"
    record.write_text(ADRS["0003-use-cockroachdb.md"].replace("date: 2026-10-05", "date: 2026-10-12"))
    git(root, "commit", "-q", "-am", "Redate ADR-0003", day="2026-10-12")
    site = root / "reports" / "decision-log"

    assert invoke(root, "report", "log", "--as-of", "2026-10-01").exit_code == 0
    page = _text(site / "0003-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB proposed date 2026-10-05 · 0003-use-cockroachdb.md" in page
    assert "Shown as it stood in the last commit on or before 2026-10-01: its status, date, title," in page
    assert "Start" in page and "Accept ADR-0003" not in page and "Redate ADR-0003" not in page
    assert "Proposed on 2026-09-28 by Ben; not decided yet." in page
    index = _text(site / "index.html")
    assert re.search(r"Proposed \(2\) .* ADR-0003 Use CockroachDB 2026-10-05 2026-09-28 Superseded \(1\)", index)

    assert invoke(root, "report", "log", "--as-of", "2026-10-06").exit_code == 0
    page = _text(site / "0003-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB accepted date 2026-10-05 ·" in page
    assert "Accept ADR-0003" in page and "Redate ADR-0003" not in page
    assert "Proposed on 2026-09-28 by Ben; accepted on 2026-10-05 by Ben (7 days later)." in page

    # Today's log shows the file as it is, and every commit.
    assert invoke(root, "report", "log").exit_code == 0
    page = _text(site / "0003-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB accepted date 2026-10-12 ·" in page and "Redate ADR-0003" in page


def test_a_past_day_s_index_counts_and_dates_nothing_after_that_day(tmp_path):
    # The log of 08-20 ran the sunk-cost audit over all five verdicts, three of them given in September and
    # October (the override toward keep among them), and listed ADR-0006, first committed on 10-26, as
    # "proposed on 2026-10-26".
    root = build(tmp_path / "demo")
    assert invoke(root, "report", "log", "--as-of", "2026-08-20").exit_code == 0
    index = _text(root / "reports" / "decision-log" / "index.html")
    assert "None of the 2 verdicts overrode the evidence toward keep" in index
    assert re.search(r"Not in git then \(1\) ADR Title Date Proposed on Decided on ADR-0006 Event-source the order "
                     r"history 2026-10-26 Sunk-cost audit", index)
    assert "2026-10-26 2026-10-26" not in index


def _past_workspace(tmp_path: Path) -> Path:
    """The report workspace (ADR-0003 proposed on 09-28, accepted on 10-05) with ADR-0003 retitled on 10-12,
    a decision-maker and a data change added to it that day and a sentence of its text rewritten."""
    from report_fixtures import ADRS, build as build_workspace, git

    root = build_workspace(tmp_path / "ws")
    record = root / "decisions" / "0003-use-cockroachdb.md"
    record.write_text(ADRS["0003-use-cockroachdb.md"]
                      .replace("# Use CockroachDB", "# Use CockroachDB in every region")
                      .replace("decision-makers: [ben, ana]", "decision-makers: [ben, ana, cleo]\ndata-change: true")
                      .replace("A failover drill.", "A failover drill in each region."))
    git(root, "commit", "-q", "-am", "Retitle ADR-0003", day="2026-10-12")
    return root


def test_a_past_day_s_page_shows_the_title_people_and_text_of_that_day(tmp_path):
    # A log of 10-06 showed ADR-0003 with the title, the decision-maker, the data-change flag and the text
    # committed on 10-12, under a note saying the record was today's.
    root = _past_workspace(tmp_path)
    record = root / "decisions" / "0003-use-cockroachdb.md"
    record.write_text(record.read_text().replace("A failover drill in each region.", "Not committed yet."))
    site = root / "reports" / "decision-log"
    assert invoke(root, "report", "log", "--as-of", "2026-10-06").exit_code == 0
    page = _text(site / "0003-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB accepted date 2026-10-05 · 0003-use-cockroachdb.md Shown as it" in page
    assert ("Shown as it stood in the last commit on or before 2026-10-06: its status, date, title, people, "
            "relations and text; later changes, committed or not, are left out.") in page
    assert "as it is today" not in page
    assert "decision-makers ben, ana consulted dara" in page and "cleo" not in page
    assert "A failover drill." in page and "in each region" not in page and "Not committed yet" not in page
    assert "every region" not in page and "data change" not in page
    assert "Use CockroachDB in every region" not in " ".join(
        _text(page) for page in sorted(site.glob("*.html")))
    assert "superseded by ADR-0003 Use CockroachDB accepted" in _text(site / "0001-use-postgresql.html")
    assert "next: ADR-0003 Use CockroachDB " in _text(site / "0002-event-source-orders.html")
    index = _text(site / "index.html")
    assert re.search(r"Accepted \(1\) .* ADR-0003 Use CockroachDB 2026-10-05 2026-09-28 2026-10-05 Superseded", index)
    assert ("Each record is shown as it stood in the last commit on or before 2026-10-06: its status, date, title, "
            "people, relations and text; later changes, committed or not, are left out.") in index
    assert "Use CockroachDB</text>" in (site / "graph-1.svg").read_text(encoding="utf-8")
    assert "every region" not in (site / "graph-1.svg").read_text(encoding="utf-8")

    # The log of today shows the file as it is, uncommitted words included.
    assert invoke(root, "report", "log").exit_code == 0
    page = _text(site / "0003-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB in every region accepted" in page and "data change" in page
    assert "decision-makers ben, ana, cleo" in page and "Not committed yet." in page
    assert "as it stood" not in page


def test_a_relation_added_after_the_day_is_not_on_that_day_s_graph_or_pages(tmp_path):
    # ADR-0002 came to supersede ADR-0001 on 10-12; the log of 10-06 drew that edge and listed it on both pages.
    from report_fixtures import git

    root = _past_workspace(tmp_path)
    record = root / "decisions" / "0002-event-source-orders.md"
    record.write_text(record.read_text().replace("prototypes: [3, 1]", "prototypes: [3, 1]\nsupersedes: [1]"))
    git(root, "commit", "-q", "-am", "ADR-0002 supersedes ADR-0001", day="2026-10-12")
    site = root / "reports" / "decision-log"
    assert invoke(root, "report", "log", "--as-of", "2026-10-06").exit_code == 0
    assert "1 relation." in _text(site / "graph.html")
    assert "supersedes ADR-0001" not in _text(site / "0002-event-source-orders.html")
    older = _text(site / "0001-use-postgresql.html")
    assert "superseded by ADR-0003" in older and "ADR-0002" not in older.partition("Relations")[2].partition(
        "History")[0]
    assert dead_links(site, lambda page: page.read_text(encoding="utf-8")) == []

    assert invoke(root, "report", "log").exit_code == 0
    assert "2 relations." in _text(site / "graph.html")
    assert "supersedes ADR-0001" in _text(site / "0002-event-source-orders.html")


def test_a_record_created_after_the_day_shows_nothing_written_later(tmp_path):
    # ADR-0004, first committed on 10-12, showed its decision-makers, its relation and its whole text in the log
    # of 10-06, a day it did not exist.
    from report_fixtures import git

    root = _past_workspace(tmp_path)
    (root / "decisions" / "0004-cache-reads.md").write_text(
        "---\nstatus: proposed\ndate: 2026-10-12\ndecision-makers: [dara]\nsupersedes: [2]\n---\n# Cache reads\n\n"
        "## Context and Problem Statement\n\nReads of the catalogue are slow.\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Propose ADR-0004", day="2026-10-12")
    site = root / "reports" / "decision-log"
    assert invoke(root, "report", "log", "--as-of", "2026-10-06").exit_code == 0
    page = _text(site / "0004-cache-reads.html")
    assert "ADR-0004: Cache reads not in git then" in page
    assert ("It has no commit on or before 2026-10-06 (or it was deleted by then): only its name is shown, as it "
            "is today.") in page
    assert "dara" not in page and "catalogue" not in page and "supersedes" not in page
    assert "No relation to another decision." in page
    # Its badge is grey as the other statuses that are no decision's: its class has a rule of the style sheet.
    badge = re.search(r'class="db-rec (db-[a-z-]+)">not in git then<',
                      (site / "0004-cache-reads.html").read_text(encoding="utf-8")).group(1)
    assert re.search(rf"\.{badge}[ ,{{]", (site / "style.css").read_text(encoding="utf-8"))
    assert "ADR-0004" not in _text(site / "0002-event-source-orders.html").partition("Relations")[2].partition(
        "History")[0]
    assert "1 relation." in _text(site / "graph.html")


def test_a_past_day_s_page_of_a_revision_that_cannot_be_read_says_so(tmp_path):
    # On 10-03 ADR-0002 was committed with front matter YAML cannot read, and mended on 10-08; the log of 10-04
    # showed today's text as if it had stood that day.
    from report_fixtures import git

    root = _past_workspace(tmp_path)
    record = root / "decisions" / "0002-event-source-orders.md"
    good = record.read_text()
    record.write_text(good.replace("informed: [ana]", "informed: [ana"))
    git(root, "commit", "-q", "-am", "Inform more people", day="2026-10-03")
    record.write_text(good)
    git(root, "commit", "-q", "-am", "Mend ADR-0002", day="2026-10-08")
    site = root / "reports" / "decision-log"
    result = invoke(root, "report", "log", "--as-of", "2026-10-04")
    assert result.exit_code == 0, result.output
    page = _text(site / "0002-event-source-orders.html")
    assert "ADR-0002: Event-source \"orders\" <img src=x onerror=alert(2)> unreadable" in page
    assert re.search(r"Its last commit on or before 2026-10-04 \(Inform more people, on 2026-10-03\) holds a record "
                     r"that cannot be read: .*; nothing of it is shown but its name\.", page), page
    assert "Store events" not in page and "Migration" not in page and "ben" not in page.partition("History")[0]
    assert re.search(r"Unreadable \(1\) .* ADR-0002 ", _text(site / "index.html"))


def test_a_past_day_s_revision_larger_than_a_record_may_be_is_not_read(tmp_path):
    # A revision of that day far over `[limits] max_file_mib` was parsed whole, as no file of today would be.
    from report_fixtures import git

    root = _past_workspace(tmp_path)
    record = root / "decisions" / "0002-event-source-orders.md"
    good = record.read_text()
    record.write_text(good + "\nPadding of a pasted log.\n" * 2000)
    git(root, "commit", "-q", "-am", "Paste the log", day="2026-10-03")
    record.write_text(good)
    git(root, "commit", "-q", "-am", "Drop the log", day="2026-10-08")
    with (root / "decisionbook.toml").open("a") as config:
        config.write("\n[limits]\nmax_file_mib = 0.01\n")
    site = root / "reports" / "decision-log"
    assert invoke(root, "report", "log", "--as-of", "2026-10-04").exit_code == 0
    page = _text(site / "0002-event-source-orders.html")
    # The limit as the user wrote it, not as 10,485 bytes make it (0.00999928 MiB).
    assert "holds a record that cannot be read: larger than the 0.01 MiB limit for one file (at least 0.0" in page
    assert "Padding" not in page


def _renumbered_since(tmp_path, name: str, text: str):
    """The past workspace after ADR-0003 became ADR-0007 on 10-14 and a new proposal *name* came on 10-15."""
    from report_fixtures import git

    root = _past_workspace(tmp_path)
    renumbered = invoke(root, "adr", "renumber", "3", "--to", "7")
    assert renumbered.exit_code == 0, renumbered.output
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Renumber ADR-0003 to ADR-0007", day="2026-10-14")
    (root / "decisions" / name).write_text("---\nstatus: proposed\ndate: 2026-10-15\n---\n" + text)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"Propose {name}", day="2026-10-15")
    return root


def test_a_record_renumbered_since_the_day_has_that_day_s_number_and_page(tmp_path):
    # ADR-0003 became ADR-0007 on 10-14 and a new record took the number 3: the log of 10-06 showed the record as
    # ADR-0007 on 0007-use-cockroachdb.html, and ADR-0001's "superseded by ADR-0003" led to the new record, which
    # had no commit then, under its title of today.
    root = _renumbered_since(tmp_path, "0003-cache-reads.md",
                             "# Cache reads\n\n## Context and Problem Statement\n\nSlow.\n")
    site = root / "reports" / "decision-log"
    assert invoke(root, "report", "log", "--as-of", "2026-10-06").exit_code == 0
    assert not (site / "0007-use-cockroachdb.html").exists()
    page = _text(site / "0003-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB accepted date 2026-10-05 · 0003-use-cockroachdb.md" in page
    assert "Renamed since: it is ADR-0007 today, 0007-use-cockroachdb.md." in page
    assert "supersedes ADR-0001 Use PostgreSQL superseded in both" in page
    older = _text(site / "0001-use-postgresql.html")
    assert "superseded by ADR-0003 Use CockroachDB accepted in both" in older and "Cache reads" not in older
    html = (site / "0001-use-postgresql.html").read_text(encoding="utf-8")
    assert '<a href="0003-use-cockroachdb.html">ADR-0003</a>' in html
    # The link in ADR-0002's text of that day named 0003-use-cockroachdb.md: it leads to that day's page.
    assert 'href="0003-use-cockroachdb.html"' in (site / "0002-event-source-orders.html").read_text(encoding="utf-8")
    new = _text(site / "0003-cache-reads.html")
    assert "ADR-0003: Cache reads not in git then" in new and "No relation to another decision." in new
    assert "In the graph" not in new
    index = _text(site / "index.html")
    assert re.search(r"Accepted \(1\) .* ADR-0003 Use CockroachDB 2026-10-05", index) and "ADR-0007" not in index
    assert "ADR-0007" not in (site / "graph-1.svg").read_text(encoding="utf-8")
    assert dead_links(site, lambda page: page.read_text(encoding="utf-8")) == []

    assert invoke(root, "report", "log").exit_code == 0
    page = _text(site / "0007-use-cockroachdb.html")
    assert "ADR-0007: Use CockroachDB in every region accepted" in page and "Renamed since" not in page
    assert not (site / "0003-use-cockroachdb.html").exists()


def test_a_relation_to_a_record_not_in_git_that_day_says_so_without_today_s_title(tmp_path):
    # On 10-03 ADR-0002 came to amend ADR-0004, which was first committed on 10-12: the log of 10-06 listed
    # ADR-0004 as amended by ADR-0002 and named it by its title of today on both pages and on the graph.
    from report_fixtures import git

    root = _past_workspace(tmp_path)
    record = root / "decisions" / "0002-event-source-orders.md"
    record.write_text(record.read_text().replace("prototypes: [3, 1]",
                                                 "prototypes: [3, 1]\nlinks: [{relation: amends, adr: 4}]"))
    git(root, "commit", "-q", "-am", "ADR-0002 amends ADR-0004", day="2026-10-03")
    (root / "decisions" / "0004-cache-reads.md").write_text(
        "---\nstatus: proposed\ndate: 2026-10-12\n---\n# Cache reads\n\n## Context and Problem Statement\n\nSlow.\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Propose ADR-0004", day="2026-10-12")
    site = root / "reports" / "decision-log"
    assert invoke(root, "report", "log", "--as-of", "2026-10-06").exit_code == 0
    page = _text(site / "0002-event-source-orders.html")
    relations = page.partition("Relations")[2].partition("History")[0]
    assert "amends ADR-0004 not in git then in this record" in relations and "Cache reads" not in relations
    later = _text(site / "0004-cache-reads.html")
    assert "No relation to another decision." in later and "ADR-0002" not in later.partition("Relations")[2]
    graphs = " ".join(p.read_text(encoding="utf-8") for p in site.glob("graph-*.svg"))
    assert "Cache reads" not in graphs and "not in git then" in graphs
    assert dead_links(site, lambda page: page.read_text(encoding="utf-8")) == []

    assert invoke(root, "report", "log").exit_code == 0
    assert "amends ADR-0004 Cache reads proposed in this record" in _text(site / "0002-event-source-orders.html")


def test_a_record_renamed_since_keeps_today_s_page_where_another_record_has_its_old_name(tmp_path):
    # After ADR-0003 became ADR-0007, a new record was written under its old file name: on a page of a day before,
    # both would be 0003-use-cockroachdb.html and one page would be written over the other.
    root = _renumbered_since(tmp_path, "0003-use-cockroachdb.md", "# Use CockroachDB for reports\n")
    site = root / "reports" / "decision-log"
    assert invoke(root, "report", "log", "--as-of", "2026-10-06").exit_code == 0
    assert "ADR-0007: Use CockroachDB accepted" in _text(site / "0007-use-cockroachdb.html")
    assert "ADR-0003: Use CockroachDB for reports not in git then" in _text(site / "0003-use-cockroachdb.html")
    assert dead_links(site, lambda page: page.read_text(encoding="utf-8")) == []
