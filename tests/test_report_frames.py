"""The library code behind the report notebooks: checklist, agenda order, log aggregates, HTML helpers."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from toolkit.frames.log import status_counts, supersede_edges, verdicts_by_month
from toolkit.frames.weekly import agenda_key
from toolkit.records.adr_text import TemplateText, migration_phases, sections
from toolkit.reports.present import Safe, badge, esc, link, table

TEMPLATE = TemplateText(["# T\n\n## Considered Options\n\n* The option we chose\n\n## Confirmation\n\nHow we know.\n"])


def _states(body):
    return {s.title: TEMPLATE.state(s) for s in sections(body.split("\n")) if s.level >= 2}


def test_section_states():
    body = ("# Title\n\n## Considered Options\n\n- the option we chose\n* {title of option 2}\n\n"
            "## Decision Outcome\n\n### Consequences\n\n<!-- to be written -->\n\n### Confirmation\n\n"
            "How we know.\nA test proves it.\n")
    assert _states(body) == {"Considered Options": "template", "Decision Outcome": "written",
                             "Consequences": "empty", "Confirmation": "written"}


@pytest.mark.parametrize("plan, rollbacks", [
    ("- Expand: add column. Rollback: drop it.\n- Switch: read it. Roll back: flag off.\n"
     "- Contract: drop old. Rollback: restore from backup.", ["drop it.", "flag off.", "restore from backup."]),
    ("### Expand\nadd.\n### Switch\nread.\n### Contract\ndrop.\n### Rollback\nexpand: drop the column; "
     "contract: restore it", ["expand: drop the column;", "", "contract: restore it", "expand: drop the column; contract: restore it"]),
    ("**Expand** add\n**Switch** read\n**Contract** drop\n4. Rollback: restore the nightly backup.",
     ["restore the nightly backup."] * 4),
])
def test_migration_phases_find_each_rollback(plan, rollbacks):
    assert [p.rollback for p in migration_phases(plan, TEMPLATE)] == rollbacks


def test_phases_keep_the_order_written():
    assert [p.name for p in migration_phases("1. Contract first\n2. Expand\n", TEMPLATE)] == ["contract", "expand"]


def test_sections_skip_headings_in_code_fences():
    found = sections("## A\n```\n## not a heading\n```\n## B\ntext\n".split("\n"))
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


def test_text_that_needs_no_escaping_is_told_apart_from_text_that_does():
    import html

    from toolkit.records.text import visible

    # Plain text is passed through unchanged; anything else goes the whole way, escaped and marked.
    for point in [*range(0x180), 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x1F600]:
        text = f"a{chr(point)}b"
        assert esc(text) == html.escape(visible(text), quote=True), hex(point)
    rows = [{"a": "<i>", "b": 1.234, "c": "x"}]
    assert table(rows, [("a", "A"), ("b", "B", lambda v: Safe(f"<em>{v}</em>")), ("c", "C")]) == (
        '<table class="db-table"><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody>'
        "<tr><td>&lt;i&gt;</td><td><em>1.234</em></td><td>x</td></tr></tbody></table>")


def test_a_stacked_table_names_each_cell_after_its_heading_cells():
    # On a phone the header row is hidden: every cell but the row's heading carries its column's header.
    rows = [{"ref": "P1", "title": "<b>", "state": "met", "note": None}]
    columns = [("ref", "#"), ("title", "Prototype"), ("state", "State", badge), ("note", "<Note>")]
    assert table(rows, columns, stack=2) == (
        '<table class="db-table db-stack"><thead><tr><th>#</th><th>Prototype</th><th>State</th><th>&lt;Note&gt;</th>'
        '</tr></thead><tbody><tr><td>P1</td><td>&lt;b&gt;</td><td data-label="State"><span class="db-rec db-met">met'
        '</span></td><td data-label="&lt;Note&gt;"></td></tr></tbody></table>')
