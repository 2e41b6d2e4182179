"""Prototype cards and an evidence ledger from tests/fixtures/prototypes: read, edited, reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit.errors import DecisionbookError
from toolkit.records import ledger, prototype
from toolkit.records.ledger import Evidence

FIXTURES = Path(__file__).parent / "fixtures" / "prototypes"

BROKEN = {
    "0004-bad-target.md": (5, "target 'fast' is not understood"),
    "0005-not-a-mapping.md": (2, "front matter must be a mapping"),
    "0006-duplicate-key.md": (3, "duplicate key 'title'"),
    "0007-unclosed.md": (1, "never closed"),
    "0008-mapping-title.md": (2, "title must be text, found a mapping"),
    "0009-mixed-kill.md": (6, "both be yes/no or both be numeric"),
    "0010-bad-status.md": (3, "status must be one of active, kept, discarded"),
}


@pytest.mark.parametrize(("front", "line", "message"), [
    ("status: active\n", None, "title is missing: a card needs one"),
    ("title:\nstatus: active\n", 2, "title is empty: a card needs one"),
    ('title: "  "\nstatus: active\n', 2, "title is empty: a card needs one"),
    # A title YAML reads as a number, a day or yes/no: the message says how to keep it as written.
    ("title: 1984\n", 2, 'title must be text, found int; quote it to keep it as written: title: "1984"'),
    ("owner: 2026-11-02  # who?\ntitle: x\n", 2,
     'owner must be text, found date; quote it to keep it as written: owner: "2026-11-02"'),
])
def test_a_card_without_a_title_is_told_so(tmp_path, front, line, message):
    path = tmp_path / "0001-x.md"
    path.write_text(f"---\n{front}---\n## Hypothesis\n")
    with pytest.raises(DecisionbookError) as raised:
        prototype.read(path)
    assert (raised.value.line, raised.value.message) == (line, message)


@pytest.fixture
def cards(tmp_path):
    folder = tmp_path / "prototypes"
    shutil.copytree(FIXTURES, folder)
    return folder


def test_full_card_reads_every_field_and_keeps_unknown_keys(cards):
    card = prototype.read(cards / "0001-full-card.md")
    assert (card.number, card.title, card.status, card.owner) == (1, "Streaming ingest on Kafka", "active", "ana")
    assert str(card.started) == "2026-11-02" and str(card.deadline) == "2026-11-20"
    assert card.branch == "proto/streaming-ingest" and card.decisions == (12,)
    assert card.extra == {"review-board": "platform"}
    p99, replay = card.criteria
    assert (str(p99.target), str(p99.kill), p99.must, p99.weight, p99.aggregate) == ("<= 200", "> 500", True, 2.0, "median")
    assert p99.extra == {"dashboard": "grafana/ingest"} and p99.metric == "p99 ingest latency (ms)"
    assert replay.yes_no and replay.target.holds(True) and not replay.target.holds(False)
    assert card.hypothesis == "Kafka keeps p99 ingest latency under 200 ms at peak load, with replay from any offset."


def test_bom_crlf_card_survives_edits_byte_for_byte(cards):
    path = cards / "0002-bom-crlf.md"
    before = path.read_bytes()
    card = prototype.read(path)
    assert card.title == "Café search: fuzzy" and card.status == "kept"
    prototype.add_criterion(path, {"id": "latency", "target": "< 50"})
    prototype.set_status(path, "active")
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf---\r\n")
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after == before.replace(b"status: kept", b"status: active").replace(
        b'  target: ">= 0.8"\r\n', b'  target: ">= 0.8"\r\n- id: latency\r\n  target: "< 50"\r\n')
    prototype.remove_criterion(path, "latency")
    prototype.set_status(path, "kept")
    assert path.read_bytes() == before


def test_every_edit_of_the_full_card_changes_only_its_lines(cards):
    path = cards / "0001-full-card.md"
    before = path.read_text()
    prototype.remove_criterion(path, "replay")
    assert path.read_text() == before.replace("  - id: replay\n    target: yes\n", "")
    prototype.add_criterion(path, {"id": "replay", "target": "yes"})
    assert path.read_text() == before.replace("    target: yes\n", '    target: "yes"\n')
    import datetime as dt

    prototype.set_deadline(path, dt.date(2026, 12, 4))
    assert path.read_text().count("\n") == before.count("\n")
    assert "deadline: 2026-12-04        # the timebox, as a date\n" in path.read_text()


def test_flow_criteria_are_read_and_removal_is_refused(cards):
    path = cards / "0003-flow-criteria.md"
    card = prototype.read(path)
    assert [c.id for c in card.criteria] == ["a", "b"] and card.criteria[1].target.operand is False
    before = path.read_bytes()
    with pytest.raises(DecisionbookError, match="flow style"):
        prototype.remove_criterion(path, "a")
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_cards_are_reported_with_their_line(cards, name):
    line, message = BROKEN[name]
    with pytest.raises(DecisionbookError) as caught:
        prototype.read(cards / name)
    assert caught.value.line == line, str(caught.value)
    assert message in caught.value.message


def test_the_evidence_fixture_loads_what_it_can():
    read = ledger.read(FIXTURES / "evidence.jsonl", Evidence, "prototypes/evidence.jsonl")
    assert [e.id[-1] for e in read.entries] == ["1", "2", "4"]
    assert read.entries[1].extra == {"future-field": {"kept": True}}
    assert read.entries[1].to_json().endswith('"future-field": {"kept": true}}')
    assert [(p.line, p.message.split(":")[0]) for p in read.problems] == [
        (3, "NaN is not a number a ledger may hold"),
        (6, "torn last line (an interrupted write?)"),
    ]
