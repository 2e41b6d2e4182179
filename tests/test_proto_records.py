"""Cards read in bulk: the records built for speed are the ones the classes build, and shortcuts change nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from toolkit.errors import DecisionbookError
from toolkit.records import criteria, frontmatter, prototype

CARD = """\
---
title: Ingest   # short
owner: ana
team: platform
criteria:
  # latency first
  - id: p99
    target: "<= 200"
    kill: '> 500'
    dashboard: grafana/ingest

  - id: works
    target: yes
    must: true
---
## Hypothesis

Kafka keeps p99 <!-- at peak --> under
200 ms.
# Approach
"""


def card(text: str = CARD, name: str = "0007-ingest.md") -> prototype.Prototype:
    return prototype.from_document(frontmatter.parse(text.encode(), Path(name)))


def rebuilt(record):
    """*record* built again through its class's own __init__."""
    return type(record)(**{f.name: getattr(record, f.name) for f in dataclasses.fields(record)})


def test_records_are_those_the_classes_build():
    read = card()
    for record in (read, *read.criteria):
        again = rebuilt(record)
        assert again == record
        assert list(vars(again)) == list(vars(record))  # every field, in the class's order
    assert dict(read.extra) == {"team": "platform"}
    assert dict(read.criteria[0].extra) == {"dashboard": "grafana/ingest"}
    assert not read.criteria[1].extra
    assert read.hypothesis == "Kafka keeps p99 under 200 ms."


def test_a_card_keeps_the_path_object_it_was_read_with():
    path = Path("prototypes/0007-ingest.md")
    assert frontmatter.parse(CARD.encode(), path).path is path
    assert frontmatter.parse(CARD.encode(), str(path)).path == path


@pytest.mark.parametrize("fence", ["---", "--- ", "...", "...\t", "---\x0c"])
def test_any_closing_fence_ends_the_front_matter(fence):
    doc = frontmatter.parse(f"---\nitems:\n- --x\n- .5\n{fence}\nbody\n".encode())
    assert doc.fm_end == 4
    assert doc.meta == {"items": ["--x", 0.5]}


def test_repeated_expressions_read_as_the_first_did():
    assert criteria.parse_expr("<= 17.5") is criteria.parse_expr("<= 17.5")
    assert criteria.parse_expr(" yes ") is criteria.parse_expr("yes")
    assert str(criteria.parse_expr(">=3")) == ">= 3"
    for _ in range(2):  # refused the second time too: only what parsed is remembered
        with pytest.raises(DecisionbookError, match="not understood"):
            criteria.parse_expr("about 3")
        with pytest.raises(DecisionbookError, match="no operator"):
            criteria.parse_expr(3)


def test_remembered_expressions_stay_few():
    for n in range(criteria._WRITTEN_MAX + 10):
        criteria.parse_expr(f"< {n}")
    assert len(criteria._WRITTEN) <= criteria._WRITTEN_MAX


@pytest.mark.parametrize(("text", "line", "message"), [
    ('  - id: a\n    target: "> 1"\n  - id: a\n    target: "> 2"\n', 6, "appears twice"),
    ('  - id: a\n    target: "> 1"\n  - id: b\n    weight: 0\n    target: "> 2"\n', 7, "weight must be"),
    ("  - id: a\n    target: yes\n  - 5\n", 6, "must be a mapping"),
    ('  - id: a\n    target: "> 1"\n    kill: "yes"\n', 6, "both be yes/no"),
])
def test_criterion_errors_still_name_their_line(text, line, message):
    with pytest.raises(DecisionbookError, match=message) as caught:
        card(f"---\ntitle: A\ncriteria:\n{text}---\n")
    assert caught.value.line == line
