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
    assert typed(plainyaml.load(text)) == typed(plain), text  # read again from the lines it remembers
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
    "a:b c", "http://x", "ab:", "a b:", "x  #y", "'a' b", '"a" b', "'a'  # c", "[a, b]  # c", "Yes", "t:", "a::b",
    '"a # b"', "' x '", "a b c", "é: x", "_x", "a'b", 'a"b', "a: ", "x #", "~ # c", "null # c",
])
KEYS = st.sampled_from(["status", "date", "decision-makers", "team_tag", "a", "true", "null", "1", "k", "x-y", "Key"])
LINES = st.one_of(
    st.tuples(KEYS, st.sampled_from([": ", ":", ":  ", " : ", ":\t"]), WORDS).map("".join),
    st.sampled_from(["", "# a comment", "  indented: x", "- item", "  - id: p99", "---", "...", "%YAML 1.2",
                     "  # an indented comment", "   ", "  continued words", "k:", "k:   "]),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_agrees_with_the_strict_loader_or_steps_aside(lines, newline):
    agree_or_step_aside(newline.join(lines) + newline)


def agree_or_step_aside(text: str) -> None:
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
    st.sampled_from(["", "  # a comment", "criteria:", "criteria: # c", "criteria: []", "title: x", "  -", "---",
                     "# a comment", "      # a deeper comment", "   ", "  - 3", "    - id: x", "owner: ~", "k: [a]"]),
)


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(["criteria:", "criteria: # c", "criteria:   ", "criteria: ~", "criteria: x"]),
       st.lists(BLOCK_LINES, min_size=1, max_size=10), st.sampled_from(["\n", "\r\n", "\r"]))
def test_lists_of_criteria_agree_with_the_strict_loader_or_step_aside(opener, lines, newline):
    agree_or_step_aside("title: t\n" + opener + newline + newline.join(lines) + newline)


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


def test_reads_comments_and_blank_lines_among_criteria_itself():
    text = ("title: Ingest  # short\ncriteria: # measured weekly\n  # latency first\n  - id: p99\n\n"
            "# about the target\n    target: \"<= 200\"   \n    metric: it's  p99 #1\n  - id: works\n    target: 'yes'\n")
    assert agree(text)
    assert plainyaml.load(text)["criteria"][0] == {"id": "p99", "target": "<= 200", "metric": "it's  p99"}
    assert agree(text.replace("\n", "\r\n"))


def test_steps_aside_for_what_it_does_not_read():
    for text in ("title: a\n  continued\n", "a: [b, [c]]\n", "k: |\n  x\n", "k:\n  nested: x\n", "true: x\n",
                 "k: 'it''s'\n", 'k: "a\\"b"\n', "criteria:\n  - id: a\n    - b\n", "k: a\tb\n", "- a\n",
                 "criteria:\n  - id: a\n   target: x\n", "criteria:\n  - id: a\n    target:\n", "k: v\nk: w\n"):
        assert plainyaml.load(text) is None, text


def test_remembered_lines_give_each_reader_its_own_lists():
    text = "decisions: [1, 2]\ncriteria:\n  - id: a\n    target: yes\n"
    first = plainyaml.load(text)
    first["decisions"].append(3)
    first["criteria"][0]["kill"] = "no"
    assert plainyaml.load(text) == {"decisions": [1, 2], "criteria": [{"id": "a", "target": "yes"}]}


def test_remembers_a_bounded_number_of_lines():
    for n in range(plainyaml._SEEN_MAX + 10):
        assert plainyaml.load(f"k: v{n}\n") == {"k": f"v{n}"}
    assert len(plainyaml._SEEN) <= plainyaml._SEEN_MAX
