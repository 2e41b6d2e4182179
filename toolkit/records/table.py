"""Rows shown as a text table, JSON or CSV: one look for every listing, with or without click."""

from __future__ import annotations

import csv
import io
import json

from toolkit.records.text import visible_line

FORMATS = ("table", "json", "csv")


def _cell(value, exact: bool = False) -> str:
    if type(value) is str:  # most cells: checked first
        return visible_line(value)
    if value is None:
        return ""
    if isinstance(value, float):
        shown = f"{value:.2f}"
        # A figure someone recorded is not rounded away (0.9949 is not 0.99 beside a target of >= 0.995); to six
        # decimals, as the reports show it.
        return repr(round(value, 6)) if exact and float(shown) != value else shown
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
            writer.writerow([_cell(row.get(c), c in _EXACT) for c in columns])
        return buffer.getvalue().rstrip("\n")
    cut = [c in _CUT for c in columns]
    table = [[c.upper() for c in columns]] + [
        [_cut(cell) if cut_it else cell for cell, cut_it in zip((_cell(row.get(c), c in _EXACT) for c in columns), cut)]
        for row in rows
    ]
    widths = [max(_width(r[i]) for r in table) for i in range(len(columns))]
    return "\n".join("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths)).rstrip() for r in table)


# Free text cut in a table (JSON and CSV keep it whole): one long title does not pad every row of a listing.
_CUT = frozenset(("title", "reason"))
_MOST = 60  # terminal columns
# Figures as they were recorded (evidence, hours, a criterion's weight), where computed ones show two decimals.
_EXACT = frozenset(("value", "hours", "weight"))


def _width(text: str) -> int:
    """The columns *text* takes in a terminal: two for a wide (CJK) character, none for a combining mark."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str) -> str:
    if len(text) <= _MOST // 2 or _width(text) <= _MOST:
        return text
    while _width(text) > _MOST - 1:
        text = text[: -max(1, (_width(text) - _MOST) // 2)]
    return text + "…"
