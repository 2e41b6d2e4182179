"""Lines written in full take a quicker path through validation and construction: same entries, same findings."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from toolkit.records import ledger
from toolkit.records.ledger import Effort, Evidence

EFFORT = {"id": "01E", "at": "2026-11-20T10:00:00+01:00", "prototype": 3, "hours": 1.5, "date": "2026-11-20",
          "by": "ana", "note": None}
EVIDENCE = {"id": "01V", "at": "2026-11-20T10:00:00+01:00", "prototype": 3, "criterion": "p99", "value": 180.0,
            "unit": "ms", "source": None, "note": None, "by": "ana", "criteria_hash": "ab", "criterion_hash": "cd",
            "measured": None}


def _outcome(kind, record):
    """The entry (without the extra field) or the finding that a line of *record* gives."""
    text = json.dumps(record).replace("Infinity", "1e400")  # a number too large for a float, as a line may hold
    read = ledger.parse_lines(text.encode() + b"\n", kind, "l.jsonl")
    if read.problems:
        return read.problems[0].message
    (entry,) = read.entries
    assert type(entry) is kind
    return dataclasses.replace(entry, extra={}) if entry.extra else entry


WRONG = [None, "", "x", 0, 2.5, -1.0, True, 1e400, "2026-11-20", "2026-11-20T10:00:00", "20261120", [], {}]


@pytest.mark.parametrize("kind, base", [(Effort, EFFORT), (Evidence, EVIDENCE)])
def test_a_line_with_every_field_reads_as_one_with_an_unknown_field_more(kind, base):
    # An unknown field sends a line through the precise checks: both paths must agree on every value.
    for name in base:
        for value in WRONG:
            record = {**base, name: value}
            assert _outcome(kind, record) == _outcome(kind, {**record, "zz": 1}), (name, value)


@pytest.mark.parametrize("field, value, message", [
    ("hours", 1e400, "hours is not finite"),
    ("hours", -1.0, "hours must not be negative"),
    ("at", "2026-11-20T10:00:00", "has no UTC offset"),
    ("date", "11/20", "is not YYYY-MM-DD"),
    ("id", "", "id must be text"),
])
def test_a_full_line_with_a_wrong_value_is_named_as_before(field, value, message):
    assert message in _outcome(Effort, {**EFFORT, field: value})


def test_whole_numbers_become_floats_and_measured_days_are_checked():
    assert type(_outcome(Effort, {**EFFORT, "hours": 2}).hours) is float
    assert _outcome(Evidence, {**EVIDENCE, "value": True}).value is True
    assert "measured '2026-1-02' is not YYYY-MM-DD" in _outcome(Evidence, {**EVIDENCE, "measured": "2026-1-02"})


@pytest.mark.parametrize("text, message", [
    (' {"id": 1}', "hours is missing"),
    ('{"id": 1} x', "not valid JSON (Extra data)"),
    ('{"id": 1} {}', "not valid JSON (Extra data)"),
    ('{"id": 1,}', "not valid JSON (Expecting property name enclosed in double quotes)"),
    ("", None),
])
def test_what_surrounds_a_json_value_is_judged_as_before(text, message):
    for ending in ("", " \t", "\r"):
        read = ledger.parse_lines((text + ending + "\n").encode(), Effort, "l.jsonl")
        assert [p.message for p in read.problems] == ([message] if message else [])


def test_quickly_built_entries_are_ordinary_frozen_entries():
    entry = _outcome(Evidence, EVIDENCE)
    assert entry == Evidence(**{**EVIDENCE, "extra": ledger._EMPTY}) and type(entry) is Evidence
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.value = 1.0
    assert dataclasses.replace(entry, value=2.0).value == 2.0
    assert [f.name for f in dataclasses.fields(entry)][-1] == "extra"
    assert json.loads(entry.to_json()) == EVIDENCE


def test_entries_from_the_cache_equal_those_read_from_the_file(repo):
    path = repo / "prototypes/effort.jsonl"
    rows = [{**EFFORT, "id": f"01E{n}", "hours": float(n)} for n in range(5)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows) + '{"id": "01Ex", "mood": 1}\n')
    cold = ledger.parse_lines(path.read_bytes(), Effort, "e")
    first = ledger.read(path, Effort, "e")
    warm = ledger.read(path, Effort, "e")
    assert cold == first == warm and len(warm.entries) == 5 and len(warm.problems) == 1
    assert {type(e) for e in warm.entries} == {Effort}
    assert any(p.name.startswith("ledger-effort-") for p in (repo / ".git/decisionbook").iterdir())


@pytest.mark.parametrize("kind", [ledger.Effort, ledger.Evidence, ledger.Verdict, ledger.Retraction, ledger.Meeting])
def test_every_kind_is_made_from_its_values_as_its_constructor_makes_it(kind):
    values = [f"v{n}" for n in range(len(dataclasses.fields(kind)))]
    made = ledger._MAKE[kind](*values)
    assert type(made) is kind and made == kind(*values) and repr(made) == repr(kind(*values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.by = "someone"


def test_shared_numbers_keep_their_type_and_sign(repo):
    path = repo / "prototypes/evidence.jsonl"
    values = [1.0, True, 1, -0.0, 0.0, -0.0, 1.0, False, 0]
    records = [{**EVIDENCE, "id": f"01V{n}", "value": v, "prototype": 4321} for n, v in enumerate(values)]
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    for read in (ledger.read(path, Evidence, "e"), ledger.read(path, Evidence, "e")):  # from the file, then the cache
        got = [e.value for e in read.entries]
        assert [(type(v), repr(v)) for v in got] == [(float, "1.0"), (bool, "True"), (float, "1.0"), (float, "-0.0"),
                                                     (float, "0.0"), (float, "-0.0"), (float, "1.0"), (bool, "False"),
                                                     (float, "0.0")]
        assert got[0] is got[6]
        # Whole numbers are never an object per entry: one value held once, or an array.
        assert type(read.entries.columns[read.entries.names.index("prototype")]) is not tuple


def _written_lines(base, rng, count) -> list[str]:
    """Lines in the form `decide` writes, with values of the kinds it writes; in about half of the
    ledgers one value is one a hand edit or another tool might leave, often wrong."""
    texts = [None, "", "ana", "é ü", "\u2028", "x" * 3]
    records = []
    for n in range(count):
        record = {**base, "id": f"01X{n}", "measured": rng.choice([None, "2026-11-19"])} if "measured" in base \
            else {**base, "id": f"01X{n}"}
        for name in record:
            if name in ("hours", "value"):
                record[name] = rng.choice([0.0, -0.0, 1.5, 1e21, 3, True] if name == "value" else [0.0, 1.5, 2, 7.25])
            elif base[name] is None or name in ("unit", "by", "criteria_hash"):
                record[name] = rng.choice(texts)
        records.append(record)
    if rng.random() < 0.5:
        record = rng.choice(records)
        record[rng.choice(list(record))] = rng.choice(
            [*texts, 'say "hi"', "back\\slash", "tab\there", "01X0", 0, 1, -1, -0.5, 2.5, -0.0, 1e300, 1e400, True,
             False, "2026-11-20", "2026-11-20T10:00:00", "2026-11-20T10:00:00+01:00", "20261120", "2026-13-01"])
    return [json.dumps(r, ensure_ascii=rng.random() < 0.2).replace("Infinity", "1e400") for r in records]


@pytest.mark.parametrize("kind, base", [(Effort, EFFORT), (Evidence, EVIDENCE)])
def test_a_ledger_in_the_written_form_reads_as_the_same_lines_read_one_by_one(kind, base):
    # A space after the opening brace is still the same JSON, but not the written form: it takes the
    # line-by-line reading. Both must give the same entries, line numbers and findings, in the same order.
    import random

    rng = random.Random(7)
    for trial in range(1000):
        lines = _written_lines(base, rng, rng.randint(1, 5))
        if trial % 10 == 0:
            lines.insert(rng.randint(0, len(lines)), rng.choice(["", "  ", "{}", lines[0] + "\r"]))
        data = "".join(line + "\n" for line in lines).encode()
        spaced = b"".join(b"{ " + line[1:] + b"\n" if line.startswith(b"{") else line + b"\n"
                          for line in data.split(b"\n")[:-1])
        written, one_by_one = ledger.parse_lines(data, kind, "l"), ledger.parse_lines(spaced, kind, "l")
        assert written == one_by_one, lines
        assert list(map(_types, written.entries)) == list(map(_types, one_by_one.entries))


@pytest.mark.parametrize("kind, base", [(Effort, EFFORT), (Evidence, EVIDENCE)])
@pytest.mark.parametrize("at", [
    "2026-11-20T10:00:00+01:00", "2026-11-20T23:59:59-23:59", "2026-02-29T10:00:00+01:00", "2028-02-29T10:00:00+00:00",
    "2026-02-30T10:00:00+01:00", "2026-13-01T10:00:00+01:00", "2026-00-10T10:00:00+01:00", "2026-11-20T24:00:00+01:00",
    "2026-11-20T10:60:00+01:00", "2026-11-20T10:00:60+01:00", "2026-11-20T10:00:00+24:00", "2026-11-20T10:00:00Z",
    "2026-11-20T10:00:00.5+01:00", "2026-11-20 10:00:00+01:00", "2026-11-20T10:00+01:00", "0999-11-20T10:00:00+01:00",
    "9999-12-31T10:00:00+01:00", "2026-11-20T10:00:00+0100", "20261120T100000+01:00",
])
def test_a_timestamp_reads_in_the_written_form_as_one_by_one(kind, base, at):
    """`at` is checked by its form in the written form and by parsing it one by one: both take the same ones."""
    line = json.dumps({**base, "at": at})
    written = ledger.parse_lines(line.encode() + b"\n", kind, "l")
    one_by_one = ledger.parse_lines(b"{ " + line[1:].encode() + b"\n", kind, "l")
    assert written == one_by_one


def _types(entry) -> tuple:
    return tuple(type(getattr(entry, f.name)) for f in dataclasses.fields(entry))


@pytest.mark.parametrize("entry", [
    Effort("01E", "2026-11-20T10:00:00+01:00", 3, 1.5, "2026-11-20", None, "é \"quoted\""),
    Effort("01E", "2026-11-20T10:00:00+01:00", 3, 0.25, "2026-11-20", "ana", ""),
    Evidence("01V", "2026-11-20T10:00:00+01:00", 3, "p99", 180.0, "ms", None, None, "ana", "ab", "cd", "2026-11-19"),
    Evidence("01V", "2026-11-20T10:00:00+01:00", 3, "works", True),
])
def test_what_decide_writes_is_read_in_the_written_form(entry):
    pattern = re.compile(ledger._WRITTEN[type(entry)][0], re.M)
    # Text with a quote is written escaped: that line takes the line-by-line reading, which is right too.
    assert bool(pattern.fullmatch(entry.to_json())) is ('"' not in (entry.note or ""))
    assert ledger.parse_lines(entry.to_json().encode() + b"\n", type(entry), "l").entries == (entry,)


def test_an_id_seen_in_an_earlier_piece_of_a_large_ledger_is_still_caught():
    lines = [json.dumps({**EFFORT, "id": f"01E{n:06}"}) for n in range(ledger._CHUNK // 100)]
    assert sum(map(len, lines)) > ledger._CHUNK  # read in two pieces
    for last, problems in ((lines[0], []), (json.dumps({**EFFORT, "id": "01E000000", "hours": 9.0}), [
            (len(lines) + 1, "id 01E000000 already used on line 1 for a different entry; the first is kept")])):
        read = ledger.parse_lines("".join(line + "\n" for line in [*lines, last]).encode(), Effort, "l")
        assert len(read.entries) == len(lines) and read.entries[0].hours == EFFORT["hours"]
        assert [(p.line, p.message) for p in read.problems] == problems
