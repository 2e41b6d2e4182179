"""The plain front-matter reader gives exactly what the strict YAML loader gives, or leaves the text to it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.records import plainyaml
from toolkit.records.strictyaml import load_yaml

FIXTURES = Path(__file__).parent / "fixtures"


def typed(value):
    """*value* with every scalar's type beside it, so 1, 1.0 and True are told apart."""
    if isinstance(value, dict):
        return {typed(k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def agree(text: str) -> bool:
    plain = plainyaml.load(text)
    if plain is not None:
        assert typed(plain) == typed(load_yaml(text)), text
    return plain is not None


WORDS = st.sampled_from([
    "accepted", "proposed", "superseded by ADR-0012", "ana", "dev-team", "platform", "0010", "12", "+7", "-3",
    "2026-11-27", "2026-13-01", "2026-1-5", "12:30:00", "1.5", ".5", "1e3", ".inf", "0x1F", "0o17", "1_000",
    "true", "False", "TRUE", "yes", "no", "on", "null", "Null", "~", "", "<<", "=", "a: b", "a:b", "a #b", "a#b",
    "[a, b]", "[]", "[1, 2026-11-27, x y]", "[a, [b]]", "[a,]", "{a: b}", "'q'", '"q"', "&a x", "*a", "!!str x",
    "| x", "> x", "%x", "@x", "`x`", "- x", "? x", "x]", "x}", "a, b", "é", "a\u00a0b", "a\u202eb", "x\x85y",
    "a  b", "a\tb", "a :", "[a, b] # c", "x # comment", "#", "[a b, c]", "[a: b]", "[a#b]", "[ ]",
])
KEYS = st.sampled_from(["status", "date", "decision-makers", "team_tag", "a", "true", "null", "1", "k", "x-y", "Key"])
LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([": ", ":", ":  ", " : ", ":\t"]), WORDS).map("".join),
    st.sampled_from(["", "# a comment", "  indented: x", "- item", "  - id: p99", "---", "...", "%YAML 1.2"]),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_agrees_with_the_strict_loader_or_steps_aside(lines, newline):
    text = newline.join(lines) + newline
    try:
        load_yaml(text)
    except Exception:  # noqa: BLE001 - the strict loader refuses it: the plain reader must step aside
        assert plainyaml.load(text) is None, text
        return
    agree(text)


ITEM_VALUES = st.sampled_from([
    "p99", "c0", '"<= 200"', "'>= 3'", '"yes"', "yes", "true", "2", "2.5", "latest", "", "~", "[a]", "[]", '"a #b"',
    '"a" # c', '"a"#c', "'it''s'", '"a\\"b"', '"x', "a: b", "p99 # c", "2026-11-27", "- x", "&a x", "*a", '""',
])
ITEM_KEYS = st.sampled_from(["id", "target", "kill", "must", "weight", "metric", "id", "true", "<<", "x-y"])
BLOCK_LINES = st.one_of(
    st.tuples(st.sampled_from(["  - ", "    ", "- ", "  ", "   ", "      ", "  -  ", "  -"]), ITEM_KEYS,
              st.sampled_from([": ", ":", " : "]), ITEM_VALUES).map("".join),
    st.sampled_from(["", "  # a comment", "criteria:", "criteria: # c", "criteria: []", "title: x", "  -", "---"]),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(BLOCK_LINES, min_size=1, max_size=10), st.sampled_from(["\n", "\r\n"]))
def test_lists_of_criteria_agree_with_the_strict_loader_or_step_aside(lines, newline):
    text = "title: t\ncriteria:" + newline + newline.join(lines) + newline
    try:
        load_yaml(text)
    except Exception:  # noqa: BLE001 - the strict loader refuses it: the plain reader must step aside
        assert plainyaml.load(text) is None, text
        return
    agree(text)


def test_reads_a_card_with_criteria_itself():
    text = ("title: Ingest\nstatus: active\ndecisions: [12]\ncriteria:\n"
            '  - id: p99\n    metric: p99 latency (ms)\n    target: "<= 200"   # the goal\n    kill: "> 500"\n'
            "    must: true\n    weight: 2\n  - id: works\n    target: 'yes'\nowner: ana\n")
    assert agree(text)
    assert plainyaml.load(text)["criteria"][1] == {"id": "works", "target": "yes"}
    assert agree(text.replace("  - ", "- ").replace("    ", "  "))  # the list at the key's own indentation


def test_reads_the_usual_front_matter_itself():
    text = ("status: accepted\ndate: 2026-11-27\ndecision-makers: [ana, ben]\nconsulted: [chen]\ninformed: []\n"
            "supersedes: [3]\nteam-tag: platform  # unknown key, kept\n")
    assert agree(text)
    assert plainyaml.load(text)["date"] == dt.date(2026, 11, 27)


def test_every_fixture_front_matter_agrees():
    for path in sorted(FIXTURES.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---\n") and "\n---" in text[3:]:
            block = text[4 : text.index("\n---", 3) + 1]
            try:
                load_yaml(block)
            except Exception:  # noqa: BLE001
                assert plainyaml.load(block) is None, path
                continue
            agree(block)
