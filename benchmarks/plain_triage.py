"""The plain pandas baseline for `decide triage`: the same judging, written as one script over the files.

Cards with PyYAML, ledgers with pandas; the latest (or the criterion's aggregate of) evidence per
criterion against its target and kill, merit, coverage and a recommendation as of a date, and the
hours per prototype beside it. No validation, no error reporting, no caching.
Usage: python benchmarks/plain_triage.py WORKSPACE AS_OF
"""

import datetime as dt
import operator
import sys
from pathlib import Path

import pandas as pd
import yaml

OPS = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt, "==": operator.eq}


def holds(expr, value):
    if expr in (None, ""):
        return False
    text = str(expr).strip()
    if text in ("yes", "no"):
        return bool(value) == (text == "yes")
    op, number = text.split()
    return OPS[op](float(value), float(number))


def main() -> None:
    root, as_of = Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2])
    cards = []
    for path in sorted((root / "prototypes").glob("[0-9][0-9][0-9][0-9]-*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        if meta.get("status") == "active":
            cards.append((int(path.name[:4]), meta))
    evidence = pd.read_json(root / "prototypes/evidence.jsonl", lines=True).drop_duplicates("id").sort_values("id")
    effort = pd.read_json(root / "prototypes/effort.jsonl", lines=True).drop_duplicates("id")
    hours = effort.groupby("prototype")["hours"].sum()
    grouped = {key: group["value"].tolist() for key, group in evidence.groupby(["prototype", "criterion"])}
    rows = []
    for number, meta in cards:
        total = met = measured = 0.0
        killed = must_unmet = False
        for criterion in meta.get("criteria") or []:
            weight = float(criterion.get("weight", 1))
            total += weight
            values = grouped.get((number, criterion["id"]))
            if not values:
                must_unmet |= bool(criterion.get("must"))
                continue
            how = criterion.get("aggregate", "latest")
            value = values[-1] if how == "latest" else getattr(pd.Series(values, dtype=float), how)()
            measured += weight
            if holds(criterion.get("kill"), value):
                killed = True
            elif holds(criterion["target"], value):
                met += weight
            else:
                must_unmet |= bool(criterion.get("must"))
        merit = met / total if total else 0.0
        late = meta.get("deadline") is not None and meta["deadline"] < as_of
        if killed or (late and must_unmet):
            recommendation = "discard"
        elif not measured:
            recommendation = "needs-evidence"
        elif not must_unmet and merit >= 0.7:
            recommendation = "keep"
        else:
            recommendation = "iterate"
        rows.append((number, meta.get("title"), merit, measured / total if total else 0.0, recommendation,
                     float(hours.get(number, 0.0))))
    table = pd.DataFrame(rows, columns=["prototype", "title", "merit", "coverage", "recommendation", "hours"])
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
