"""Rows shown as a text table, JSON or CSV: one look for every listing, with or without click."""

from __future__ import annotations

import csv
import io
import json

from toolkit.records.text import visible_line

FORMATS = ("table", "json", "csv")


def _cell(value) -> str:
    if type(value) is str:  # most cells: checked first
        return visible_line(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    return visible_line(str(value))


def render(rows: list[dict], columns: list[str], fmt: str) -> str:
    """*rows* (dicts) in *fmt*; JSON keeps types and every key, table and CSV show *columns*."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return buffer.getvalue().rstrip("\n")
    table = [[c.upper() for c in columns]] + [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(columns))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in table)
