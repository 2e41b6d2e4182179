"""Ledger entries held as columns: the same entries, values and types as the objects they replace."""

from __future__ import annotations

import dataclasses
import json
import math
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.records import columns, ledger
from toolkit.records.columns import Table
from toolkit.records.ledger import Effort, Evidence

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=2**63 - 2, max_value=2**70),
    st.floats(allow_nan=True), st.sampled_from([0.0, -0.0, 1.5]), st.text(max_size=4),
    st.text(min_size=3, max_size=3), st.sampled_from(["01ABC", "01ABD", "bé€𝄞x"]),
)


def _same(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b) or math.isnan(a) and math.isnan(b)
    return a == b


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(SCALARS, max_size=40), st.lists(st.text(min_size=5, max_size=5), max_size=40),
                 st.lists(st.floats(), max_size=40), st.lists(st.integers(), max_size=40)))
def test_a_column_reads_back_as_the_values_and_types_it_was_packed_from(values):
    stored = columns.pack(values)
    column = columns.unpack(pickle.loads(pickle.dumps(stored)))
    assert len(column) == len(values)
    assert all(map(_same, column, values)), (stored, values)
    assert all(_same(column[i], v) for i, v in enumerate(values))
    if values:
        assert _same(column[-1], values[-1])


def test_repeated_objects_unique_text_and_numbers_are_packed_small():
    shared = "bench"
    assert columns.pack([shared] * 1000) == columns.Same(shared, 1000)
    ids = [f"01J{n:023d}" for n in range(1000)]
    assert type(columns.pack(ids)) is columns.Fixed
    # A repeated text of one length stays a list of references to the one object: smaller than copies.
    for repeated in (["f354b63a0ecfd15b", "b8251957eda2f961"] * 500, ["c0", "c1", "c2"] * 300):
        assert type(columns.pack(repeated)) is tuple
    assert columns.pack([1, 2, 3]).typecode == "q"
    assert columns.pack([1.0, 2.5]).typecode == "d"
    assert type(columns.pack([1, True])) is tuple and type(columns.pack([1.0, 2])) is tuple


def _ledger(kind, count: int, extra_line: str = "") -> bytes:
    lines = []
    for n in range(count):
        if kind is Effort:
            raw = {"id": f"01J{n:023d}", "at": f"2026-11-{1 + n % 28:02d}T10:00:00+00:00", "prototype": n % 7,
                   "hours": n / 4, "date": f"2026-11-{1 + n % 28:02d}", "by": "ana" if n % 3 else None, "note": None}
        else:
            raw = {"id": f"01J{n:023d}", "at": f"2026-11-{1 + n % 28:02d}T10:00:00+00:00", "prototype": n % 7,
                   "criterion": f"c{n % 4}", "value": bool(n % 2) if n % 5 == 0 else float(n), "unit": None,
                   "source": None, "note": None, "by": "ana", "criteria_hash": None, "criterion_hash": None,
                   "measured": None}
        lines.append(json.dumps(raw))
    return ("\n".join(lines) + "\n" + extra_line).encode()


def test_a_table_is_a_sequence_of_the_entries_read():
    data = _ledger(Evidence, 50, '{"id": "x", "at": "2026-11-30T10:00:00+00:00", "prototype": 1, "criterion": "c9", '
                                 '"value": 1, "zz": [1]}\n')
    read = ledger.parse_lines(data, Evidence, "e.jsonl")
    table = read.entries
    assert type(table) is Table and len(table) == 51 and not read.problems
    objects = [Evidence.build(json.loads(line)) for line in data.decode().splitlines()]
    assert table == tuple(objects) and tuple(objects) == table and list(table) == objects
    assert table[-1] == objects[-1] and table[-1].extra == {"zz": [1]} and table[3:7] == tuple(objects[3:7])
    assert table != tuple(objects[:-1]) and table != objects[:-1] + [dataclasses.replace(objects[-1], value=2)]
    odd = table.take([5, 1, 3])
    assert list(odd) == [objects[5], objects[1], objects[3]] and odd[-1] == objects[3]
    assert list(odd.take([2])) == [objects[3]]
    assert odd.column("prototype") == [5, 1, 3]


def test_select_and_grouping_give_what_the_entries_would():
    table = ledger.parse_lines(_ledger(Effort, 300), Effort, "f.jsonl").entries
    objects = list(table)
    assert columns.select(table, lambda p: p >= 0, "prototype") is table
    kept = columns.select(table, lambda at, p: at < "2026-11-10" and p != 3, "at", "prototype")
    assert list(kept) == [e for e in objects if e.at < "2026-11-10" and e.prototype != 3]
    again = columns.select(kept, lambda hours: hours > 20, "hours")
    assert list(again) == [e for e in objects if e.at < "2026-11-10" and e.prototype != 3 and e.hours > 20]
    assert columns.select(tuple(objects), lambda h: h > 20, "hours") == tuple(e for e in objects if e.hours > 20)
    for entries in (table, kept, again, tuple(reversed(objects))):
        lazy = columns.grouped(entries, "prototype", "id")
        plain = columns.grouped(list(entries), "prototype", "id")
        assert type(plain) is dict and set(lazy) == set(plain) and len(lazy) == len(plain)
        for number, group in plain.items():
            assert lazy[number] == group == sorted(group, key=lambda e: e.id)
        assert lazy.get(99) is None


def test_a_grouping_keeps_the_groups_it_made_only_up_to_its_room(monkeypatch):
    table = ledger.parse_lines(_ledger(Evidence, 70), Evidence, "e.jsonl").entries  # 10 entries per prototype
    monkeypatch.setattr(columns._Groups, "KEEP", 25)
    lazy = columns.grouped(table, "prototype", "id")
    plain = columns.grouped(list(table), "prototype", "id")
    for _ in range(2):  # made, then kept or made again: the same entries either way
        for number in sorted(plain):
            assert lazy[number] == plain[number]
    assert sorted(lazy.kept) == [0, 1] and lazy.room == 5  # two groups of 10 fit, the third does not
    assert lazy[0] is lazy[0] and lazy[2] is not lazy[2]
