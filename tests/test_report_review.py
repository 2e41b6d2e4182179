"""`decide report review N`: one ADR against the checklist, its roles, its evidence and its lint."""

from __future__ import annotations

import re

import pytest
from report_fixtures import invoke, scan


@pytest.fixture(scope="module")
def review_html(report_workspace):
    result = invoke(report_workspace, "report", "review", "2", "--as-of", "2026-10-20")
    assert result.exit_code == 0, result.output
    path = result.stdout.strip().splitlines()[-1]
    assert path == "reports/2026-10-20-design-review-0002.html"
    return (report_workspace / path).read_text(encoding="utf-8")


def _row(html: str, item: str) -> str:
    match = re.search(rf"<tr><td>{re.escape(item)}</td>(.*?)</tr>", html, re.S)
    assert match, item
    return match.group(1)


def test_checklist_lines_pass_fail_or_warn(review_html):
    assert "warn" in _row(review_html, "at least two considered options")
    assert "1 option listed" in _row(review_html, "at least two considered options")
    assert "pass" in _row(review_html, 'section "Consequences"')
    assert "missing" in _row(review_html, 'section "Context and Problem Statement"')
    assert "pass" in _row(review_html, "migration plan: expand")
    assert "does not say how it rolls back" in _row(review_html, "migration plan: contract")
    assert "no rollback for: contract" in _row(review_html, "migration plan: rollback")
    assert "pass" in _row(review_html, "expand, switch and contract ship separately")
    assert "ben (outstanding)" in _row(review_html, "sign-off")
    assert "Not ready to accept on 2026-10-20: 4 required item(s) failed" in " ".join(scan(review_html).text)


def test_roles_not_involved(review_html):
    text = " ".join(scan(review_html).text)
    assert "Roles not involved: design (dara could fill it), product (ana could fill it)." in text  # ana is only informed


def test_cited_prototypes_with_recommendations(review_html):
    text = " ".join(scan(review_html).text)
    assert re.search(r"P3\s*Cache \"warm\" start \\ path\s*active\s*iterate", text)
    assert re.search(r"P1\s*<script>alert\(1\)</script>\s*active\s*discard", text)
    assert "Not backed by evidence yet" in text


def test_cited_prototypes_link_to_their_cards(review_html):
    # The weekly report links each card; the review named them only, so a reader could not open the evidence.
    attributes = 'rel="noopener noreferrer nofollow"'
    assert f'<a href="../prototypes/0003-cache.md" {attributes}>Cache "warm" start \\ path</a>' in review_html
    assert f'<a href="../prototypes/0001-script.md" {attributes}>&lt;script&gt;alert(1)&lt;/script&gt;</a>' in review_html


def test_title_history_and_lint(review_html):
    text = " ".join(" ".join(scan(review_html).text).split())  # the label and days are marked to stay on one line
    assert 'Design review — ADR-0002 Event-source "orders" <img src=x onerror=alert(2)>' in text
    assert "2026-09-28" in text and "proposed" in text
    assert "the migration plan" not in text or "Lint" in text
    assert scan(review_html).problems == []


def test_unknown_adr_is_an_input_error(report_workspace):
    result = invoke(report_workspace, "report", "review", "42")
    assert result.exit_code == 2
    assert "no ADR 42" in result.output


def test_the_record_is_rendered_with_links_between_adrs(review_html):
    record = review_html[review_html.index('<div class="db-record">'):]
    assert "<h2>Considered Options</h2>" in record and "<li>Store events</li>" in record
    assert '<a href="../decisions/0003-use-cockroachdb.md">ADR-0003</a>' in record
    assert "the trap" in record and "javascript:" not in scan(record).links
    assert "&lt;img src=x onerror=alert(2)&gt;" in record  # the title's markup, as text
    assert scan(review_html).problems == []


def test_cited_prototypes_count_evidence_as_triage_does_as_of_a_day(tmp_path):
    """A value measured before the day but recorded after it was not known that day (ADR 0028)."""
    import datetime as dt

    from report_fixtures import build

    from toolkit.actions.decision_pages import decision_pages
    from toolkit.frames.review import cited_prototypes
    from toolkit.records import ledger
    from toolkit.records.ledger import Evidence
    from toolkit.workspace import open_workspace

    ws = open_workspace(build(tmp_path / "ws"))
    ledger.append(ws.evidence_ledger, Evidence("E90", "2026-10-25T10:00:00+00:00", 3, "hit-rate", 0.95,
                                               measured="2026-10-18"))
    for day, recommendation in (("2026-10-20", "iterate"), ("2026-10-25", "keep")):
        (row,) = cited_prototypes(ws, [3], dt.date.fromisoformat(day))
        assert row["recommendation"] == recommendation, (day, row)
        (entry,) = [e for e in decision_pages(ws, dt.date.fromisoformat(day)).entries if e.decision.number == 2]
        assert {p["ref"]: p["recommendation"] for p in entry.prototypes}["P3"] == recommendation


def test_a_decided_record_is_reviewed_as_decided_not_as_ready_to_accept(decide, repo):
    # After acceptance the review still said "Ready to accept".
    path = repo / decide("adr", "new", "Use a queue", "--no-edit", cwd=repo).stdout.strip()
    assert decide("adr", "status", "1", "accepted", "--force", "--date", "2026-11-20", cwd=repo).exit_code == 0
    from report_fixtures import git

    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Accept the queue", day="2026-11-20")  # a past day's review reads its commit
    made = decide("report", "review", "1", "--as-of", "2026-11-21", cwd=repo)
    assert made.exit_code == 0, made.output
    text = " ".join(scan((repo / made.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")).text)
    assert "Decided: accepted on 2026-11-20; " in text and "ready to accept" not in text.lower()
    assert "status: accepted" in path.read_text()  # the report rendered the record as it is


def test_a_link_to_a_looping_symbolic_link_is_shown_as_text(repo, decide):
    record = repo / "decisions" / "0001-use-a-queue.md"
    record.write_text("---\nstatus: proposed\ndate: 2026-10-01\n---\n# Use a queue\n\nSee [the notes](notes.md).\n")
    (repo / "decisions" / "notes.md").symlink_to("notes.md")
    result = decide("report", "review", "1", cwd=repo)
    assert result.exit_code == 0, result.output
    html = (repo / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert "the notes" in html and not [link for link in scan(html).links if "notes" in link]


def test_cited_prototypes_as_of_a_day_are_as_triage_saw_them_that_day(decide, repo):
    """A prototype discarded today was active yesterday, its deadline passed: the review of yesterday shows what
    `decide triage --as-of` yesterday shows, not today's status with yesterday's evidence; so does the log's page."""
    import datetime as dt
    import json

    today = dt.date.today()
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    assert decide("proto", "new", "Edge cache", cwd=repo).exit_code == 0
    card = next((repo / "prototypes").glob("0001-*.md"))
    text = re.sub(r"started: \S+", f"started: {today - dt.timedelta(days=20)}", card.read_text(encoding="utf-8"))
    card.write_text(re.sub(r"deadline: \S*", f"deadline: {today - dt.timedelta(days=3)}", text), encoding="utf-8")
    assert decide("criterion", "add", "P1", "hit-rate", "--target", ">= 0.9", "--must", cwd=repo).exit_code == 0
    assert decide("adr", "new", "Cache at the edge", "--no-edit", cwd=repo).exit_code == 0
    record = next((repo / "decisions").glob("0001-*.md"))
    cited = record.read_text(encoding="utf-8").replace("status: proposed", "status: proposed\nprototypes: [1]")
    record.write_text(cited, encoding="utf-8")
    # Committed before yesterday: the log of yesterday shows the record, and the prototypes it cites, as they stood.
    from report_fixtures import git

    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Cite the edge cache", day=(today - dt.timedelta(days=2)).isoformat())
    assert decide("discard", "P1", "--reason", "deadline passed, hit rate never measured", cwd=repo).exit_code == 0

    (then,) = json.loads(decide("triage", "--as-of", yesterday, "--format", "json", cwd=repo).stdout)["prototypes"]
    made = decide("report", "review", "1", "--as-of", yesterday, cwd=repo)
    assert made.exit_code == 0, made.output
    shown = " ".join(scan((repo / made.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")).text)
    assert re.search(rf"P1\s*Edge cache\s*{then['status']}\s*{then['recommendation']}", shown), (then, shown)
    site = decide("report", "log", "--as-of", yesterday, cwd=repo)
    assert site.exit_code == 0, site.output
    page = (repo / site.stdout.strip()).parent / f"{record.stem}.html"
    shown = " ".join(scan(page.read_text(encoding="utf-8")).text)
    assert re.search(rf"P1\s*Edge cache\s*{then['status']}\s*{then['recommendation']}", shown), (then, shown)


def test_a_title_s_markup_is_shown_as_text_in_the_heading(tmp_path):
    # A tag the page's sanitiser allows (`<b>`) would be live markup in the heading were the title not escaped.
    from toolkit.reports.demo import build

    root = build(tmp_path / "demo")
    record = next((root / "decisions").glob("0006-*.md"))
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"^# .*$", "# Event-source <b>bold</b> orders", text, count=1, flags=re.M),
                      encoding="utf-8")
    result = invoke(root, "report", "review", "6")
    assert result.exit_code == 0, result.output
    html = (root / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert "&lt;b&gt;bold&lt;/b&gt;" in heading and "<b>" not in heading, heading


def _review_text(root, ref: str) -> str:
    result = invoke(root, "report", "review", ref)
    assert result.exit_code == 0, result.output
    html = (root / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert scan(html).problems == []
    return " ".join(" ".join(scan(html).text).split())


def test_the_sign_off_says_who_is_to_approve_and_how(tmp_path):
    # The sign-off said "1 of 2 approval(s) needed; waiting for ben (outstanding)." and, with no decision-maker named,
    # "No decision-maker is named and nobody has approved. no approvals needed.": the review passed a record nobody
    # was asked to approve, and neither said what to run.
    from toolkit.workspace import init

    init(tmp_path)
    record = ("---\nstatus: proposed\ndate: 2026-11-20\ndecision-makers: [{}]\n---\n# {}\n\n"
              "## Context and Problem Statement\n")
    (tmp_path / "decisions" / "0001-use-a-queue.md").write_text(record.format("ana, ben o'hara", "Use a queue"))
    (tmp_path / "decisions" / "0002-keep-orders.md").write_text(record.format("", "Keep orders"))
    assert invoke(tmp_path, "adr", "approve", "1", "--by", "ana").exit_code == 0
    waiting = _review_text(tmp_path, "1")
    assert "1 of 2 approval(s) needed; waiting for ben o'hara (outstanding)." in waiting
    assert "To sign off, each runs: decide adr approve 1 --by 'ben o'\"'\"'hara'" in waiting
    nobody = _review_text(tmp_path, "2")
    assert "No decision-maker is named and nobody has approved. No approvals needed." in nobody
    assert ("Nobody is asked to sign off: name the decision-makers in the record's decision-makers field; each then "
            "approves its text with decide adr approve 2 --by NAME") in nobody
