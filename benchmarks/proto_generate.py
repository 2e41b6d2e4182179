"""Synthetic workspaces for the triage benchmarks: N prototype cards with criteria, evidence, effort and verdicts.

Importable (`generate(root, ...)`) so other benchmarks can build the same workspace.
Run: python benchmarks/proto_generate.py DIR [--scale 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
from pathlib import Path

from toolkit.records.ledger import Effort, Evidence, Verdict
from toolkit.records.prototype import read
from toolkit.workspace import init

OPS = ("<=", ">=", "<", ">")
TODAY = dt.date(2026, 11, 27)


def _card(number: int, rng: random.Random, criteria: int) -> str:
    status = rng.choices(("active", "kept", "discarded"), (8, 1, 1))[0]
    started = TODAY - dt.timedelta(days=rng.randint(5, 60))
    deadline = started + dt.timedelta(days=rng.randint(7, 45))
    lines = [
        "---",
        f"title: Prototype {number} for idea {rng.randint(1, 10_000)}",
        f"status: {status}",
        f"owner: {rng.choice(('ana', 'ben', 'chen', 'dara'))}",
        f"started: {started}",
        f"deadline: {deadline}",
        f"branch: proto/p{number}",
        f"decisions: [{rng.randint(1, 50)}]",
        "criteria:",
    ]
    for i in range(criteria):
        if i == criteria - 1:
            lines += [f"  - id: c{i}", "    metric: works end to end", '    target: "yes"']
            continue
        op = rng.choice(OPS)
        lines += [f"  - id: c{i}", f"    metric: metric {i}", f'    target: "{op} {rng.randint(10, 90)}"']
        if rng.random() < 0.3:
            lines.append(f'    kill: "{"<" if op.startswith(">") else ">"} {0 if op.startswith(">") else 100}"')
        if rng.random() < 0.3:
            lines.append("    must: true")
        if rng.random() < 0.3:
            lines.append(f"    weight: {rng.randint(2, 3)}")
        if rng.random() < 0.2:
            lines.append(f"    aggregate: {rng.choice(('median', 'min', 'max', 'mean'))}")
    lines += ["---", "## Hypothesis", "", f"Idea {number} makes something measurably better.", "",
              "## Approach", "", "Build the smallest thing that can be measured.", "", "## Results", ""]
    return "\n".join(lines) + "\n"


def _stamp(rng: random.Random) -> tuple[str, dt.date]:
    day = TODAY - dt.timedelta(days=rng.randint(0, 60))
    return f"{day}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00+00:00", day


def _id(rng: random.Random, day: dt.date, serial: int) -> str:
    return f"{day:%Y%m%d}{serial:010d}{rng.randint(0, 99_999_999):08d}"


def generate(root: Path, prototypes: int = 1000, criteria: int = 5, evidence: int = 20_000, effort: int = 20_000,
             verdicts: int = 300, seed: int = 7, git: bool = True) -> Path:
    """Write a workspace at *root* with the given counts; return its root.

    With *git* the workspace is a git repository with everything committed, as a team's would be.
    """
    rng = random.Random(seed)
    ws = init(root).workspace
    cards = []
    for number in range(1, prototypes + 1):
        path = ws.proto_dir / f"{number:04d}-prototype-{number}.md"
        path.write_text(_card(number, rng, criteria), encoding="utf-8")
        cards.append(read(path))
    lines = []
    for serial in range(evidence):
        card = rng.choice(cards)
        criterion = rng.choice(card.criteria)
        at, day = _stamp(rng)
        value = rng.random() < 0.7 if criterion.yes_no else float(rng.randint(0, 100))
        lines.append(Evidence(_id(rng, day, serial), at, card.number, criterion.id, value, None, None, None, "bench",
                              card.criteria_hash, criterion.hash).to_json())
    ws.evidence_ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = []
    for serial in range(effort):
        at, day = _stamp(rng)
        lines.append(Effort(_id(rng, day, serial), at, rng.randint(1, prototypes), round(rng.uniform(0.25, 8), 2),
                            day.isoformat(), "bench").to_json())
    ws.effort_ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = []
    for serial in range(verdicts):
        at, day = _stamp(rng)
        recommendation = rng.choice(("keep", "iterate", "discard", "needs-evidence"))
        verdict = rng.choice(("keep", "iterate", "discard"))
        lines.append(Verdict(_id(rng, day, serial), at, rng.randint(1, prototypes), verdict, "weekly meeting",
                             recommendation, round(rng.random(), 2)).to_json())
    ws.verdict_ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if git:
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "prototypes"]):
            subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True)
    return ws.root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--scale", type=int, default=1, help="Multiply every count (10 for the growth check).")
    parser.add_argument("--no-git", action="store_true", help="A plain folder: no git repository, so no parse cache.")
    args = parser.parse_args()
    s = args.scale
    # Card numbers have four digits, so 10x stops at 9,999 cards.
    print(generate(args.root, min(1000 * s, 9999), 5, 20_000 * s, 20_000 * s, 300 * s, git=not args.no_git))


if __name__ == "__main__":
    main()
