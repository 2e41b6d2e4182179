"""Criteria hashes are kept in users' evidence and verdict ledgers: the hand-written canonical JSON
gives the bytes json.dumps gave, and every hash is the one the json.dumps form gave, for any input."""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.records import criteria, frontmatter, prototype
from toolkit.records.criteria import Expr, definition_text
from toolkit.records.prototype import Criterion


# The hashes as they were first written: a dict per criterion through json.dumps, then sha256.
def original_format_number(value) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def original_expr(expr: Expr) -> str:
    if expr.op == "is":
        return "yes" if expr.operand else "no"
    return f"{expr.op} {original_format_number(expr.operand)}"


def original_definition(c: Criterion) -> dict:
    return {
        "id": c.id,
        "target": original_expr(c.target),
        "kill": original_expr(c.kill) if c.kill is not None else None,
        "must": c.must,
        "weight": original_format_number(c.weight),
        "aggregate": c.aggregate,
    }


def original_hash(definitions: list[dict]) -> str:
    canonical = json.dumps(definitions, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()[:16]


def original_criteria_hash(items) -> str:
    return original_hash(sorted((original_definition(c) for c in items), key=lambda d: d["id"]))


AWKWARD = [
    "", "p99", "é", "日本語", "😀", "\ud800", "\x00", "\x1f", "\x7f", "\u2028", "\u202e", '"', "\\", "/", "\t\n\r\b\f",
    "a\"b\\c", "</script>", "<= 200", None, True, False, 0, 1, -1, 2**64, 10**20, 1e21, 1e-7, -0.0, 0.0, 1.5, 0.1,
    float("inf"), float("-inf"), float("nan"), [1, "é", None], {"b": 1, "a": [True]}, (1, 2),
]
SLOTS = ("ident", "target", "kill", "must", "weight", "aggregate")
PLAIN = {"ident": "p99", "target": "<= 200", "kill": None, "must": False, "weight": "1", "aggregate": "latest"}


def as_json(values: dict) -> str:
    named = {"id" if k == "ident" else k: v for k, v in values.items()}
    return json.dumps(named, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


@pytest.mark.parametrize("slot", SLOTS)
def test_definition_text_is_what_json_dumps_writes_for_any_value(slot):
    for value in AWKWARD:
        values = {**PLAIN, slot: value}
        assert definition_text(**values) == as_json(values), (slot, value)


def test_definition_text_is_what_json_dumps_writes_for_mixed_values():
    rng = random.Random(7)
    for _ in range(2000):
        values = {slot: rng.choice(AWKWARD) for slot in SLOTS}
        assert definition_text(**values) == as_json(values), values


def test_definition_text_of_a_value_json_refuses_is_refused_too():
    with pytest.raises(TypeError):
        definition_text(**{**PLAIN, "must": object()})


NUMBERS = ["0", "1", "-1", "+3", "200", "0.5", ".5", "5.", "1.5", "-0.0", "0.0", "1e21", "1E-7", "12345678901234567",
           "999999999999999.9", "0.1", "1e15", "-2.5e3"]
WEIGHTS = ["1", "2", "0.5", "3.25", "1e14", "999999999999999", "0.1", "7"]
ID_CHARS = "aAbBzZ0129._-"
YES_NO = ["yes", "no", "Yes", "true", "FALSE", '"yes"']


def random_id(rng: random.Random, taken: set[str]) -> str:
    while True:
        ident = rng.choice("aAbBzZ019") + "".join(rng.choice(ID_CHARS) for _ in range(rng.randint(0, 4)))
        if ident not in taken:
            taken.add(ident)
            return ident


def random_card(rng: random.Random) -> str:
    lines, taken = ["---", "title: Generated", "criteria:"], set()
    for _ in range(rng.randint(0, 7)):
        lines.append(f'  - id: "{random_id(rng, taken)}"')  # quoted: `0.5` or `10` would load as numbers
        yes_no = rng.random() < 0.3
        if yes_no:
            lines.append(f"    target: {rng.choice(YES_NO)}")
            if rng.random() < 0.3:
                lines.append(f"    kill: {rng.choice(['no', 'yes', 'false'])}")
        else:
            op = rng.choice(["<", "<=", ">", ">=", "=="])
            lines.append(f'    target: "{op} {rng.choice(NUMBERS)}"')
            if rng.random() < 0.5:
                lines.append(f"    kill: '{rng.choice(['<', '>', '>=', '<=', '=='])}{rng.choice(['', ' ', '  '])}{rng.choice(NUMBERS)}'")
        if rng.random() < 0.5:
            lines.append(f"    must: {rng.choice(['true', 'false'])}")
        if rng.random() < 0.5:
            lines.append(f"    weight: {rng.choice(WEIGHTS)}")
        if rng.random() < 0.5:
            lines.append(f"    aggregate: {rng.choice(['latest', 'min', 'max'] + ([] if yes_no else ['median', 'mean']))}")
        if rng.random() < 0.3:
            lines.append(f"    metric: {rng.choice(['p99 (ms)', 'works', 'é'])}")
    return "\n".join([*lines, "---", "## Hypothesis", "", "It helps.", ""])


def read(text: str) -> prototype.Prototype:
    return prototype.from_document(frontmatter.parse(text.encode(), Path("0001-generated.md")))


def test_hashes_of_generated_cards_are_the_original_ones():
    rng = random.Random(2026)
    for _ in range(800):
        text = random_card(rng)
        card = read(text)
        assert card.criteria_hash == prototype.criteria_hash(card.criteria[::-1]) == original_criteria_hash(card.criteria), text
        for item in card.criteria:
            assert item.hash == original_hash([original_definition(item)]), text


def test_hashes_of_criteria_built_by_hand_are_the_original_ones():
    rng = random.Random(11)
    texts = [value for value in AWKWARD if isinstance(value, str)] + ["a10", "a9", "B", "b", "A", "_", "-"]
    numbers = [1, 2, 0.5, 1e15, 1e21, -0.0, 1.5, 10**16 + 1, float("nan"), float("inf"), True]
    exprs = [Expr("is", True), Expr("is", False)] + [Expr(op, n) for op in ("<", "<=", "==") for n in numbers]
    for _ in range(1500):
        items = tuple(
            Criterion(rng.choice(texts), rng.choice(exprs), rng.choice([None, *exprs]), rng.choice([True, False, 1, None]),
                      rng.choice(numbers), rng.choice(texts))
            for _ in range(rng.randint(0, 6)))
        assert prototype.criteria_hash(items) == original_criteria_hash(items)
        for item in items:
            assert item.hash == original_hash([original_definition(item)])


def test_a_known_card_keeps_its_known_hashes():
    # Written down from the json.dumps implementation; evidence recorded against them must stay current.
    card = read('---\ntitle: Ingest\ncriteria:\n  - id: works\n    target: "yes"\n'
                '  - id: p99\n    target: "<= 200"\n    kill: "> 500"\n    must: true\n    weight: 2\n---\n')
    assert card.criteria_hash == "b8b61ffd1359b22d"
    assert [c.hash for c in card.criteria] == ["4e1b08d91aabac0e", "fb52cc6f6aabaaf1"]


def test_an_expression_keeps_its_text():
    expr = criteria.parse_expr("<=  2e2")
    assert str(expr) == expr.text == "<= 200" and vars(expr)["text"] == "<= 200"


_OPENSSL_SEEN = ("import sys\nfrom toolkit.entry import main\n"
                 "try:\n    main(sys.argv[1:])\n"
                 "finally:\n    print('OPENSSL', '_hashlib' in sys.modules, file=sys.stderr)\n")


def test_hashing_criteria_and_sign_off_never_loads_openssl(repo):
    # hashlib loads OpenSSL when imported, a few milliseconds of every command that judges or records
    # evidence; the interpreter's own sha256 gives the same hashes (checked against hashlib above).
    steps = [["proto", "new", "Streaming ingest"], ["criterion", "add", "P1", "p99", "--target", "<= 200"],
             ["evidence", "add", "P1", "p99", "150"], ["triage"], ["triage", "--format", "json"],
             ["adr", "new", "Use a queue", "--no-edit"], ["adr", "approve", "1", "--by", "ana"]]
    for argv in steps:
        proc = subprocess.run([sys.executable, "-c", _OPENSSL_SEEN, *argv], cwd=repo, capture_output=True, text=True)
        assert proc.returncode == 0, (argv, proc.stderr)
        assert "OPENSSL False" in proc.stderr, (argv, proc.stderr)
    entry = json.loads((repo / "prototypes" / "evidence.jsonl").read_text().splitlines()[0])
    card = prototype.read(repo / "prototypes" / "0001-streaming-ingest.md")
    assert entry["criteria_hash"] == original_criteria_hash(card.criteria)
    assert entry["criterion_hash"] == original_criteria_hash(card.criteria[:1])
