"""`decide report weekly`: the meeting report, blind to effort unless revealed, safe to share."""

from __future__ import annotations

import json
import re

import pytest
from report_fixtures import BIDI_TITLE, HOURS, IMG_TITLE, JS_SOURCE, QUOTED_TITLE, SCRIPT_TITLE, scan


def _html(weekly_reports, which):
    result = weekly_reports[which]
    assert result.exit_code == 0, result.output
    path = result.stdout.strip().splitlines()[-1]
    return path, (weekly_reports["root"] / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reports(weekly_reports, report_workspace):
    return {**weekly_reports, "root": report_workspace}


def test_writes_notebook_and_html_named_by_iso_week(reports):
    path, _ = _html(reports, "blind")
    assert path == "reports/2026-W43-weekly-triage.html"
    assert (reports["root"] / "reports/2026-W43-weekly-triage.ipynb").is_file()
    assert _html(reports, "revealed")[0] == "reports/2026-W43-weekly-triage-revealed.html"


def test_shows_every_active_prototype_with_its_recommendation(reports):
    text = " ".join(scan(_html(reports, "blind")[1]).text)
    for title in (SCRIPT_TITLE, IMG_TITLE, QUOTED_TITLE):
        assert title in text
    assert "Report <U+202E>gnp.exe" in text and BIDI_TITLE not in text
    for heading, recommendation in (("P1", "discard"), ("P2", "discard"), ("P3", "iterate"), ("P4", "needs-evidence")):
        assert re.search(rf"{heading} .*?{recommendation}", text, re.S)
    assert "kill condition crossed: latency is 900, kill > 500" in text
    assert "Closed prototypes" in text and "Search ranking" in text


def test_agenda_puts_kill_then_deadline_then_the_rest(reports):
    html = _html(reports, "blind")[1]
    agenda = html[html.index(">Agenda<") : html.index(">Decisions to record<")]
    rows = re.findall(r"<tr><td><a [^>]*>(P\d)</a></td>", agenda)
    assert rows == ["P1", "P2", "P3", "P4"]
    words = re.sub(r"<[^>]+>", "", agenda)  # a day in the text is marked to stay on one line
    assert "kill condition crossed" in words and "deadline 2026-10-01 passed" in words


def test_blind_report_has_no_effort_anywhere(reports):
    html = re.sub(r"data:image/png;base64,[^\"]+", "", _html(reports, "blind")[1])
    for hours in (HOURS, 6.5, 12.5, 20.75):
        assert str(hours) not in html
    assert "137" not in html
    assert ">Sunk-cost check<" not in html
    assert "Effort is hidden in this report (blind)" in html


def test_revealed_report_adds_the_sunk_cost_check(reports):
    html = _html(reports, "revealed")[1]
    text = " ".join(scan(html).text)
    assert "Sunk-cost check" in text
    assert "137.25" in text and "12.5" in text
    assert "overrode the recommendation" in text  # P3's keep over iterate
    assert "proto/script" in text  # git activity of P1's branch
    assert len(scan(html).images) >= 3  # heatmap, timeline, effort vs merit


def test_html_has_charts_and_no_code(reports):
    html = _html(reports, "blind")[1]
    parsed = scan(html)
    assert len([i for i in parsed.images if i.startswith("data:image/png")]) >= 2
    assert "Book.open" not in html and "show_figure" not in html
    assert not re.search(r'class="[^"]*jp-InputArea-editor', html)


@pytest.mark.parametrize("which", ["blind", "revealed"])
def test_user_text_is_escaped_and_nothing_can_run(reports, which):
    html = _html(reports, which)[1]
    parsed = scan(html)
    assert parsed.problems == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    assert "&lt;b onmouseover=alert(4)&gt;slow&lt;/b&gt;" in html


def test_only_http_sources_are_links(reports):
    html = _html(reports, "blind")[1]
    parsed = scan(html)
    assert "https://example.com/run/1" in parsed.links
    assert not any(link.startswith(("javascript", "ftp")) for link in parsed.links)
    text = " ".join(parsed.text)
    assert JS_SOURCE in text and "ftp://example.com/cost" in text


def test_ledger_lines_with_days_or_hours_beyond_reason_are_named_and_the_report_still_runs(repo, decide):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "p99", "--target", "<= 200", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "p99", "150", "--measured", "2026-11-30", cwd=repo).exit_code == 0
    assert decide("effort", "log", "P1", "2", cwd=repo).exit_code == 0
    changes = (("evidence", '"2026-11-30"', '"0001-01-01"'), ("effort", '"hours": 2.0', '"hours": 1.7e308'))
    for name, old, new in changes:
        path = repo / "prototypes" / f"{name}.jsonl"
        line = path.read_text()
        path.write_text(line + line.replace(old, new).replace(line[8:34], "01BBBBBBBBBBBBBBBBBBBBBBBB"))
    for args in ((), ("--reveal",)):
        result = decide("report", "weekly", "--as-of", "2026-12-01", *args, cwd=repo)
        assert result.exit_code == 0, result.output
        text = " ".join(scan((repo / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")).text)
        assert "evidence.jsonl:2: error: measured '0001-01-01' is outside the days decisionbook takes" in text
        assert "effort.jsonl:2: error: hours 1.7e+308 is more than one entry may hold" in text


def test_prototypes_at_one_point_of_the_effort_chart_are_named_in_one_label_not_printed_over_each_other(repo, decide):
    # New prototypes sit together at 0 hours and merit 0: one label per prototype there made a blot of "P2" .. "P5".
    from toolkit.frames import Book
    from toolkit.reports.charts import effort_vs_merit

    for title in ("Kafka ingest", "Edge cache", "Dark mode", "Search ranking", "Feature flags"):
        assert decide("proto", "new", title, cwd=repo).exit_code == 0
    assert decide("effort", "log", "P1", "5", cwd=repo).exit_code == 0
    figure = effort_vs_merit(Book.open(repo).weekly(blind=False).effort)
    labels = sorted(text.get_text() for text in figure.axes[0].texts)
    assert labels == ["P1", "P2, P3, P4, P5"]


def test_long_criterion_ids_that_begin_alike_read_apart_on_the_heatmap(repo, decide):
    # Ids were cut after 21 characters: both cells read `p95-latency-checkout-…`, met and unmet alike.
    from toolkit.frames import Book
    from toolkit.reports.charts import criteria_heatmap

    assert decide("proto", "new", "One-page checkout", cwd=repo).exit_code == 0
    for device, value in (("mobile", "180"), ("desktop", "420")):
        assert decide("criterion", "add", "P1", f"p95-latency-checkout-{device}", "--target", "<= 300",
                      cwd=repo).exit_code == 0
        assert decide("evidence", "add", "P1", f"p95-latency-checkout-{device}", value, cwd=repo).exit_code == 0
    figure = criteria_heatmap(Book.open(repo).weekly().heatmap)
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert len(labels) == 2 and labels[0].startswith("✓ p95-lat") and labels[1].startswith("✗ p95-lat")
    assert labels[0].endswith("-mobile") and labels[1].endswith("-desktop")
    assert all(len(label) <= 2 + 22 for label in labels)


def test_the_evidence_timeline_counts_entries_measured_on_one_day(repo, decide):
    # Two criteria measured on one day drew two dots at one place: the chart showed one entry where the card has two.
    from toolkit.frames import Book
    from toolkit.reports.charts import evidence_timeline

    assert decide("proto", "new", "Edge cache", cwd=repo).exit_code == 0
    for criterion in ("hit-rate", "origin-load", "p95"):
        assert decide("criterion", "add", "P1", criterion, "--target", ">= 1", cwd=repo).exit_code == 0
    for criterion, day in (("hit-rate", "2026-11-13"), ("origin-load", "2026-11-13"), ("p95", "2026-11-14")):
        assert decide("evidence", "add", "P1", criterion, "2", "--measured", day, cwd=repo).exit_code == 0
    week = Book.open(repo).weekly()
    figure = evidence_timeline(week.timeline, week.as_of, list(week.charted))
    ax = figure.axes[0]
    (dots,) = ax.collections
    assert len(dots.get_offsets()) == 2  # one dot a day
    assert [text.get_text() for text in ax.texts] == ["×2"]


def test_one_hour_is_written_as_one_hour_in_the_sunk_cost_check(repo, decide):
    assert decide("proto", "new", "Edge cache", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "hit-rate", "--target", ">= 0.8", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "hit-rate", "0.9", cwd=repo).exit_code == 0
    assert decide("iterate", "P1", "--reason", "one more week of traffic", cwd=repo).exit_code == 0  # keep recommended
    for hours in ("1", "1"):
        assert decide("effort", "log", "P1", hours, cwd=repo).exit_code == 0
    (wrong, _) = json.loads(decide("effort", "list", "--format", "json", cwd=repo).stdout)
    assert decide("effort", "retract", wrong["id"], "--reason", "logged twice", cwd=repo).exit_code == 0
    result = decide("report", "weekly", "--reveal", cwd=repo)
    assert result.exit_code == 0, result.output
    text = " ".join(scan((repo / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")).text)
    assert "The 1 hour spent on it is sunk and plays no part in the recommendation." in text
    assert ": 1 hour, retracted: logged twice" in text
    assert "1 hours" not in text


def test_a_card_whose_name_is_not_ascii_is_named_as_written_and_linked(repo, decide):
    # The link's text was its address: `Card: 0001-%D8%A8%D8%AD%D8%AB-...md`.
    assert decide("proto", "new", "بحث سريع", cwd=repo).exit_code == 0
    (card,) = (repo / "prototypes").glob("0001-*.md")
    result = decide("report", "weekly", cwd=repo)
    assert result.exit_code == 0, result.output
    parsed = scan((repo / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8"))
    assert card.name in [text.strip() for text in parsed.text]
    assert "%D8" not in " ".join(parsed.text)
    assert "../prototypes/0001-%D8%A8%D8%AD%D8%AB-%D8%B3%D8%B1%D9%8A%D8%B9.md" in parsed.links


def test_a_right_to_left_title_or_name_keeps_the_figures_after_it_in_their_place(repo, decide):
    # A browser carried a figure that follows Arabic text into its run: "P1 30 :بحث سريع hours logged".
    assert decide("proto", "new", "بحث سريع", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "p95", "--target", "<= 100", "--kill", "> 300", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "p95", "400", cwd=repo).exit_code == 0
    assert decide("effort", "log", "P1", "30", "--force", cwd=repo).exit_code == 0
    assert decide("iterate", "P1", "--reason", "20 ms more from caching", "--by", "مريم", cwd=repo).exit_code == 0
    result = decide("report", "weekly", "--reveal", cwd=repo)
    assert result.exit_code == 0, result.output
    html = (repo / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert scan(html).problems == []
    assert '<li>P1 <span class="db-name">بحث سريع</span>: 30 hours logged' in html
    assert 'by <span class="db-name">مريم</span>: <span class="db-name">20 ms more from caching</span>' in html
    assert '"Warning">P1 <span class="db-name">بحث سريع</span>: the iterate verdict of' in html
    assert ".db-name { unicode-bidi: isolate; }" in html
