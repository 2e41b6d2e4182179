"""The library code behind the report notebooks: checklist, agenda order, log aggregates, HTML helpers."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from toolkit.frames.log import status_counts, supersede_edges, verdicts_by_month
from toolkit.frames.review import checklist, phases, sections
from toolkit.frames.weekly import agenda_key
from toolkit.reports.present import Safe, badge, esc, link, table

MADR = """\
# Title

## Considered Options

* One
* Two

## Decision Outcome

### Consequences

<!-- to be written -->

### Confirmation

A test proves it.
"""


def _results(body, data_change=False, plan=None):
    return {item.item: (item.result, item.detail) for item in checklist(body, data_change, plan)}


def test_checklist_on_a_madr_record():
    results = _results(MADR)
    assert results["at least two considered options"] == ("pass", "2 options listed")
    assert results["consequences stated"] == ("warn", "section is empty")
    assert results["confirmation stated"] == ("pass", "stated")
    assert not any("migration" in item for item in results)


def test_checklist_on_a_nygard_record():
    results = _results("# 1. Use X\n\n## Status\n\nAccepted\n\n## Consequences\n\nMore work.\n")
    assert results["at least two considered options"] == ("warn", "no Considered Options section")
    assert results["consequences stated"][0] == "pass"
    assert results["confirmation stated"] == ("warn", "no Confirmation section")


@pytest.mark.parametrize("plan, separate, rollback", [
    ("- Expand: add column. Rollback: drop it.\n- Switch: read it. Roll back: flag off.\n"
     "- Contract: drop old. Rollback: restore from backup.", "pass", "pass"),
    ("### Expand\nadd. rollback: drop\n### Contract\ndrop. rollback: restore\n### Switch\nread. rollback: flag",
     "warn", "pass"),
    ("Expand and switch and contract in one release.", "warn", "warn"),
    ("**Expand** add\n**Switch** read, rollback by flag\n", "warn", "warn"),
])
def test_migration_plan_phases(plan, separate, rollback):
    results = _results("## Migration Plan\n\n" + plan + "\n", data_change=True, plan=plan)
    assert results["migration plan for the data change"][0] == "pass"
    assert results["expand, switch and contract ship separately"][0] == separate
    assert results["a rollback at each phase"][0] == rollback


def test_missing_migration_plan_warns():
    results = _results(MADR, data_change=True)
    assert results["migration plan for the data change"] == ("warn", "data-change: true but no Migration Plan section")


def test_phases_keep_the_order_written():
    assert [name for name, _ in phases("1. Contract first\n2. Expand\n")] == ["contract", "expand"]


def test_sections_skip_headings_in_code_fences():
    found = sections("## A\n```\n## not a heading\n```\n## B\ntext\n")
    assert [s.title for s in found] == ["A", "B"]


def test_agenda_order():
    rows = [
        {"number": 1, "killed": False, "deadline_passed": False, "recommendation": "keep", "deadline": None},
        {"number": 2, "killed": False, "deadline_passed": True, "recommendation": "discard", "deadline": "2026-01-01"},
        {"number": 3, "killed": True, "deadline_passed": True, "recommendation": "discard", "deadline": "2026-01-01"},
        {"number": 4, "killed": False, "deadline_passed": False, "recommendation": "iterate", "deadline": "2026-05-01"},
        {"number": 5, "killed": False, "deadline_passed": False, "recommendation": "iterate", "deadline": "2026-03-01"},
    ]
    for row in rows:
        row["now"] = True
    assert [r["number"] for r in sorted(rows, key=agenda_key)] == [3, 2, 5, 4, 1]
    rows[0]["now"] = rows[1]["now"] = False  # what needs no decision this week goes after all that does
    assert [r["number"] for r in sorted(rows, key=agenda_key)] == [3, 5, 4, 2, 1]


def _adr(key, label, supersedes=(), superseded_by=None):
    return SimpleNamespace(key=key, label=label, supersedes=supersedes, superseded_by=superseded_by)


def test_supersede_edges_from_either_side_once():
    records = [_adr("1", "ADR-0001", superseded_by="3"), _adr("3", "ADR-0003", supersedes=("1",)),
               _adr("4", "ADR-0004", supersedes=("9",))]
    assert supersede_edges(records) == [("ADR-0003", "ADR-0001"), ("ADR-0004", "ADR-9")]


def test_status_counts_known_first():
    assert status_counts(["accepted", None, "proposed", "accepted", "odd"]) == [
        ("proposed", 1), ("accepted", 2), ("odd", 1), ("unknown", 1)]


def test_verdicts_by_month():
    verdict = lambda day, v: SimpleNamespace(day=dt.date.fromisoformat(day), verdict=v)  # noqa: E731
    rows = verdicts_by_month([verdict("2026-09-30", "keep"), verdict("2026-08-01", "discard"),
                              verdict("2026-09-01", "discard"), verdict("2026-09-02", "iterate")])
    assert rows == [{"month": "2026-08", "kept": 0, "discarded": 1}, {"month": "2026-09", "kept": 1, "discarded": 1}]


def test_escaping_helpers():
    assert esc("<b onclick='x'>&</b>") == "&lt;b onclick=&#x27;x&#x27;&gt;&amp;&lt;/b&gt;"
    assert esc("abc\u202edef") == "abc&lt;U+202E&gt;def"
    assert esc(0.6666) == "0.67" and esc(True) == "yes" and esc(None) == ""
    assert link("https://example.com/?a=1&b=<2>") == (
        '<a href="https://example.com/?a=1&amp;b=&lt;2&gt;" rel="noopener noreferrer nofollow">'
        "https://example.com/?a=1&amp;b=&lt;2&gt;</a>")
    for url in ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example", "https:/x"):
        assert "<a" not in link(url)
    assert badge("keep") == '<span class="db-rec db-keep">keep</span>'
    assert badge("<x>") == "&lt;x&gt;"
    html = table([{"a": "<i>", "b": Safe("<b>ok</b>")}], [("a", "A"), ("b", "B")])
    assert "<td>&lt;i&gt;</td>" in html and "<td><b>ok</b></td>" in html
