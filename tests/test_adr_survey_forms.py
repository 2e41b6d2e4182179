"""Forms of ADR folders teams already keep: a day in backticks under the title, more status words."""

from __future__ import annotations

from pathlib import Path

from conftest import listed_adrs, repository_with

BACKTICKED = "# Small parts\n\n`2021-07-02`\n\n## Status\n\n`{status}`\n\n## Context\n\nParts were written twice.\n"


def test_a_day_in_backticks_alone_under_the_title_is_the_date_and_a_status_change_sets_it(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/001-small-parts.md": BACKTICKED.format(status="Proposed"),
        "docs/adr/002-tabs.md": BACKTICKED.format(status="✅ Accepted").replace("2021-07-02", "2021-07-05"),
    })
    assert [(r["number"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (1, "proposed", "2021-07-02"), (2, "accepted", "2021-07-05")]
    result = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/001-small-parts.md").read_text() == BACKTICKED.format(status="Accepted").replace(
        "2021-07-02", "2026-03-22")


GERMAN = "# ADR-{n:04d}: {title}\n\n## Status\n\n{status}\n\n## Kontext\n\nWarum {n}.\n"


def test_abgeloest_says_superseded_with_or_without_its_english_word_after_it(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/architecture/adrs/0001-a.md": GERMAN.format(n=1, title="Tokens", status="Akzeptiert"),
        "docs/architecture/adrs/deprecated/0002-b.md": GERMAN.format(n=2, title="Cookies",
                                                                     status="Abgelöst (Superseded)"),
        "docs/architecture/adrs/deprecated/0003-c.md": GERMAN.format(n=3, title="Sitzungen",
                                                                     status="Abgelöst durch [ADR-0004](../0004-d.md)"),
        "docs/architecture/adrs/0004-d.md": GERMAN.format(n=4, title="Links", status="Akzeptiert"),
    })
    listed = {r["number"]: (r["status"], r["superseded_by"]) for r in listed_adrs(decide, root)}
    assert listed == {1: ("accepted", None), 2: ("superseded", None), 3: ("superseded", "4"), 4: ("accepted", None)}
    assert "unknown status" not in decide("check", cwd=root).stdout
