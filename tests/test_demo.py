"""`decide demo`: the sample workspace, its git history and its weekly report, the same on every day."""

from __future__ import annotations

import re
import subprocess

import pytest
from report_fixtures import invoke, scan

from toolkit.records import prototype
from toolkit.reports.demo import AS_OF, source

EXPECTED = {
    "Streaming ingest on Kafka": "keep",
    "GraphQL gateway for mobile": "discard",
    "Edge cache for product pages": "keep",
    "Rust rewrite of the pricing engine": "discard",
    "Search autocomplete with embeddings": "iterate",
    "Feature flags via the config service": "needs-evidence",
    "Offline mode for the field app": "discard",
    "Event-sourced orders": "iterate",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "decisionbook-demo"
    result = invoke(folder.parent, "demo")
    assert result.exit_code == 0, result.output
    return folder, result


def _git(folder, *args):
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout


def test_prints_the_report_path(demo):
    folder, result = demo
    assert result.stdout.strip() == str(folder / "reports" / "2026-W44-weekly-triage.html")
    assert f"weekly report as of {AS_OF.isoformat()}" in result.stderr


def test_report_has_every_prototype_with_its_recommendation_and_charts(demo):
    folder, result = demo
    html = (folder / "reports" / "2026-W44-weekly-triage.html").read_text(encoding="utf-8")
    parsed = scan(html)
    text = " ".join(parsed.text)
    for title, recommendation in EXPECTED.items():
        assert re.search(rf"{re.escape(title)}\s*(?:\S+\s*){{0,4}}{recommendation}", text), title
    assert len([src for src in parsed.images if src.startswith("data:image/png")]) >= 2
    assert parsed.problems == []
    assert not re.search(r'class="[^"]*jp-InputArea-editor', html) and "Book.open" not in html
    assert "137.25" not in html  # blind by default


def test_sample_data_covers_the_story():
    cards = [prototype.read(p) for p in sorted((source() / "prototypes").glob("*.md"))]
    assert {c.title for c in cards} == set(EXPECTED)
    assert set(EXPECTED.values()) == {"keep", "iterate", "discard", "needs-evidence"}
    adrs = sorted((source() / "decisions").glob("*.md"))
    assert len(adrs) == 6
    texts = [p.read_text() for p in adrs]
    assert any("status: superseded by" in t for t in texts)
    assert any("data-change: true" in t and "## Migration Plan" in t for t in texts)
    verdicts = (source() / "prototypes" / "verdicts.jsonl").read_text().splitlines()
    assert any('"verdict": "iterate"' in v and '"recommendation": "discard"' in v for v in verdicts)


def test_git_history_has_fixed_dates_and_a_prototype_branch(demo):
    folder, _ = demo
    assert _git(folder, "status", "--porcelain", "--untracked-files=no") == ""
    log = _git(folder, "log", "--format=%ad %an %s", "--date=short", "main")
    assert "2026-06-29 Ana Alves Start the decision book" in log
    assert "2026-08-14 Eli Novak ADR-0004: accepted" in log
    assert "proto/event-sourced-orders" in _git(folder, "branch", "--list", "proto/*")
    assert _git(folder, "rev-list", "--count", "main..proto/event-sourced-orders").strip() == "3"
    assert "archive/proto/graphql-gateway" in _git(folder, "tag", "--list")


def test_history_is_the_same_every_time(demo, tmp_path):
    folder, _ = demo
    from toolkit.reports.demo import build

    again = build(tmp_path / "again")
    assert _git(again, "rev-parse", "main") == _git(folder, "rev-parse", "main")


def test_runs_again_over_a_previous_demo(demo, tmp_path):
    from toolkit.reports.demo import build

    first = build(tmp_path / "d")
    (first / "reports").mkdir()
    (first / "reports" / "2026-W44-weekly-triage.html").write_text("an earlier report")
    build(first)
    assert not (first / "reports").exists()  # reports are made again from the workspace, not kept


@pytest.mark.parametrize("work", ["committed", "changed", "added", "branch"])
def test_a_demo_someone_has_worked_in_is_not_replaced(decide, tmp_path, work):
    folder = tmp_path / "d"
    assert decide("demo", folder).exit_code == 0
    card = folder / "prototypes" / "0001-streaming-ingest-on-kafka.md"
    if work == "committed":
        card.write_text(card.read_text() + "Our own notes.\n")
        _git(folder, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qam", "Our notes")
    elif work == "changed":
        card.write_text(card.read_text() + "Our own notes.\n")
    elif work == "added":
        (folder / "decisions" / "0099-our-own-decision.md").write_text("# Our own decision\n")
    else:
        _git(folder, "branch", "proto/ours")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts}
    result = decide("demo", folder)
    assert result.exit_code == 2
    assert "holds work that is not the demo's" in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts} == before
    if work == "branch":
        assert "proto/ours" in _git(folder, "branch")


def test_refuses_a_folder_that_is_not_a_demo(tmp_path, decide):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.md").write_text("keep me")
    result = decide("demo", target)
    assert result.exit_code == 2
    assert "not empty and was not made by `decide demo`" in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.md"]


def test_sample_workspace_passes_decide_check(demo):
    folder, _ = demo
    result = invoke(folder, "check")
    assert result.exit_code == 0, result.output
    # P8's write-p99 target moved after evidence on purpose: the one warning, which the report shows too. Its git
    # history holds the card as it was first written, so the warning says what moved, where it said "another
    # definition".
    assert result.output == (
        "prototypes/0008-event-sourced-orders.md:14: warning: criterion 'write-p99' changed after evidence: "
        "1 evidence entry was recorded under target <= 40, must; now target <= 50, must (goalposts moved)\n"
        "0 error(s), 1 warning(s)\n")
