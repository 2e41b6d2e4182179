"""The decision-log notebook (for `decide lab` and `toolkit.reports.make.log`): statuses, dates, supersedes, audit."""

from __future__ import annotations

import re

import pytest
from report_fixtures import git, scan

from toolkit.reports.make import log
from toolkit.workspace import open_workspace


@pytest.fixture(scope="module")
def log_html(report_workspace):
    ws = open_workspace(report_workspace)
    page = log(ws, progress=False).html
    assert re.fullmatch(r"reports/\d{4}-\d\d-\d\d-decision-log\.html", ws.relative(page))
    return page.read_text(encoding="utf-8")


def test_counts_timeline_and_supersedes(log_html):
    text = " ".join(scan(log_html).text)
    assert "3 decisions in decisions." in text
    for status in ("proposed", "accepted", "superseded"):
        assert status in text
    assert re.search(r"ADR-0003\s*ADR-0001", text)  # ADR-0003 supersedes ADR-0001
    assert len(scan(log_html).images) >= 4  # counts, timeline, supersede graph, kept/discarded


def test_time_to_decide_from_git(log_html):
    text = " ".join(scan(log_html).text)
    assert re.search(r"ADR-0003\s*Use CockroachDB\s*2026-09-28\s*2026-10-05\s*7", text)


def test_kept_per_month_and_audit(log_html):
    text = " ".join(scan(log_html).text)
    assert re.search(r"2026-08\s*1\s*0", text)
    assert "Sunk-cost audit" in text and "Overrides toward keep" in text
    assert scan(log_html).problems == []


def test_a_supersede_waiting_for_acceptance_shows_as_such(repo, decide):
    config = repo / "decisionbook.toml"
    config.write_text(config.read_text() + '\n[adr]\nsupersede-on = "accept"\n')
    decide("adr", "new", "Use PostgreSQL", "--no-edit", cwd=repo)
    decide("adr", "status", "1", "accepted", "--force", cwd=repo)
    decide("adr", "new", "Use CockroachDB", "--no-edit", "--supersedes", "1", cwd=repo)
    html = log(open_workspace(repo), progress=False).html.read_text(encoding="utf-8")
    text = " ".join(scan(html).text)
    assert re.search(r"ADR-0002\s*ADR-0001\s*to be superseded once accepted", text)
    site = decide("report", "log", cwd=repo)
    assert site.exit_code == 0, site.output
    page = next((repo / site.stdout.strip()).parent.glob("**/*0001*.html"))
    assert re.search(r"to be superseded by\s*ADR-0002", " ".join(scan(page.read_text(encoding="utf-8")).text))
    review = decide("report", "review", "1", cwd=repo)
    assert review.exit_code == 0, review.output
    text = " ".join(scan((repo / review.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")).text)
    assert re.search(r"to be superseded by\s*ADR-0002\s*Use CockroachDB", text)


def test_a_record_dated_outside_the_charts_days_is_listed_but_left_off_the_timelines(repo, decide):
    for number, day in ((1, "2026-11-02"), (2, "0001-01-01"), (3, "9999-12-31")):
        (repo / "decisions" / f"{number:04d}-record-{number}.md").write_text(
            f"---\nstatus: proposed\ndate: {day}\n---\n# Record {number}\n")
    site = decide("report", "log", "--as-of", "2026-12-01", cwd=repo)
    assert site.exit_code == 0, site.output
    index = (repo / site.stdout.strip()).read_text(encoding="utf-8")
    assert all(f"Record {n}" in " ".join(scan(index).text) for n in (1, 2, 3))
    timeline = (repo / site.stdout.strip()).parent / "timeline.svg"
    drawn = timeline.read_text(encoding="utf-8")
    assert "ADR-0001" in drawn and "ADR-0002" not in drawn and "ADR-0003" not in drawn
    html = log(open_workspace(repo), progress=False).html.read_text(encoding="utf-8")
    assert "Record 2" in " ".join(scan(html).text)


def test_dollar_signs_in_names_are_drawn_as_written(repo, decide):
    # Matplotlib read `$...$` in a record's file name as mathtext: `report log` died in its parser.
    folder = repo / "decisions"
    (folder / "cost-in-$\\frac$.md").write_text("---\nstatus: proposed\ndate: 2026-01-01\n---\n# Price in $\n")
    (folder / "other-$x$.md").write_text(
        "---\nstatus: accepted\ndate: 2026-01-02\n---\n# Other\n\nSupersedes [the price](cost-in-$\\frac$.md)\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Price records", day="2026-01-02")  # in git on the day of the log
    site = decide("report", "log", "--as-of", "2026-02-01", cwd=repo)
    assert site.exit_code == 0, site.output
    folder = (repo / site.stdout.strip()).parent
    assert "cost-in-$\\frac$" in (folder / "timeline.svg").read_text(encoding="utf-8")
    assert "other-$x$" in (folder / "graph-1.svg").read_text(encoding="utf-8")
    html = log(open_workspace(repo), progress=False).html.read_text(encoding="utf-8")
    assert "cost-in-$\\frac$" in " ".join(scan(html).text) and len(scan(html).images) >= 3


def test_dollar_signs_in_a_team_s_own_relation_are_drawn_as_written(repo, decide):
    decide("adr", "new", "One", "--no-edit", cwd=repo)
    two = repo / decide("adr", "new", "Two", "--no-edit", cwd=repo).stdout.strip()
    relation = "links: [{relation: 'pays $\\frac$', adr: 1}]\n"
    two.write_text(two.read_text().replace("informed: []\n", "informed: []\n" + relation))
    site = decide("report", "log", cwd=repo)
    assert site.exit_code == 0, site.output
    assert "pays $\\frac$" in ((repo / site.stdout.strip()).parent / "graph-1.svg").read_text(encoding="utf-8")


# Four dated records whose names begin alike: two that fit two lines, two longer, alike but at their ends.
ALIKE = {
    "2026-09-14-move-the-order-service-events-onto-the-shared-kafka-cluster": "Move order events onto Kafka",
    "2026-09-14-move-the-order-service-events-onto-the-shared-postgres-outbox": "Move order events to an outbox",
    "2026-10-02-retire-the-legacy-billing-batch-jobs-before-the-q4-freeze-and-move-invoices-to-the-new-ledger":
        "Retire billing batches, move invoices",
    "2026-10-02-retire-the-legacy-billing-batch-jobs-before-the-q4-freeze-and-keep-invoices-in-the-old-ledger":
        "Retire billing batches, keep invoices",
}


def _row_names(svg: str) -> list[str]:
    """The names on a timeline picture's rows, each name's lines joined by a line break."""
    import xml.etree.ElementTree as ET

    ns = {"svg": "http://www.w3.org/2000/svg"}
    ticks = [g for g in ET.fromstring(svg).iterfind(".//svg:g", ns) if g.get("id", "").startswith("ytick_")]
    return ["\n".join(t.text for t in tick.iterfind(".//svg:text", ns)) for tick in ticks]


def test_long_names_that_begin_alike_read_apart_on_the_timelines(repo, decide):
    # Names were cut at 40 characters: `2026-09-14-move-the-order-service-event…` twice.
    for name, title in ALIKE.items():
        (repo / "decisions" / f"{name}.md").write_text(f"---\nstatus: proposed\ndate: {name[:10]}\n---\n# {title}\n")
    site = decide("report", "log", "--as-of", "2026-12-01", cwd=repo)
    assert site.exit_code == 0, site.output
    drawn = _row_names(((repo / site.stdout.strip()).parent / "timeline.svg").read_text(encoding="utf-8"))
    assert len(drawn) == len(set(drawn)) == 4
    kafka, outbox = sorted(ALIKE)[:2]
    assert {name.replace("\n", "") for name in drawn} >= {kafka, outbox}  # whole, on two lines
    assert all(max(len(line) for line in name.split("\n")) <= 40 for name in drawn)
    longest = [name for name in drawn if "ledger" in name]
    assert all(name.startswith("2026-10-02-retire-the-legacy-billing-") for name in longest)
    assert sorted(name[-31:] for name in longest) == ["keep-invoices-in-the-old-ledger",
                                                      "move-invoices-to-the-new-ledger"]
    html = log(open_workspace(repo), progress=False).html.read_text(encoding="utf-8")
    text = " ".join(scan(html).text)
    assert "UserWarning" not in text and len(scan(html).images) >= 2  # the timeline had left its axes no room
