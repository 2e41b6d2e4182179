"""Pages of an ADR folder named as its records are that are none of them: the folder's template and its
index, told by what they say (ADR 0114), as their names tell `0000-template.md` and `README.md`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from urllib.parse import unquote

from toolkit.records.adr import Decision, stated_status, template_choices
from toolkit.records.adr_words import LazyPattern

# A title that names a list of records: `ADR Overview`, `Index of decisions`, `Decision log`, `Table of contents`.
_LIST_TITLE = LazyPattern(r"\b(?:overview|index|contents|summary|list|log|register|catalog(?:ue)?)\b", re.IGNORECASE)
# A line of a list or a table, and the target of each Markdown link on it, without its anchor or title.
_ITEM = LazyPattern(r"^\s*(?:(?:[*+-]|\d{1,9}[.)])\s|\|)")
_TARGET = LazyPattern(r"\]\(\s*<?([^)\s<>#]+)")


def is_template_or_index(record: Decision, data: bytes, records: Callable[[], frozenset[str]]) -> bool:
    """Whether *record*, read from *data*, is the folder's template or its index page rather than a record.

    The template is numbered 0 and its status (or the status its Status section states again) is the list of
    statuses to choose from, none chosen (conda's `cep-0000.md`: `Draft | Proposed | Accepted | ...`); a record 0
    that chose one (MADR's `0000-use-markdown-architectural-decision-records.md`) is a record. The index has no
    number (or 0) and no status, a title that names a list (Unleash's `ADRs.md`: `ADR Overview`), and list items or
    table rows that link to two or more of the folder's *records* (their normalised paths, asked for only then).
    """
    if record.number == 0 and _is_template(record, data):
        return True
    if record.number not in (None, 0) or record.status_raw is not None or record.superseded_by is not None:
        return False
    return bool(record.title and _LIST_TITLE.search(record.title)) and _lists_records(record, data, records())


def _is_template(record: Decision, data: bytes) -> bool:
    raw = record.status_raw
    if raw is None:  # stated where or as its status is not read (an HTML table's row)
        raw = stated_status(data.decode("utf-8", "replace").splitlines())
    if raw is not None and template_choices(raw):
        return True
    if record.status_again is None:
        return False
    # Its front matter copied along a status (`status: accepted`), its Status section the choices to pick from.
    line, start, end = record.status_again
    lines = data.decode("utf-8", "replace").splitlines()
    return line <= len(lines) and template_choices(lines[line - 1][start:end])


def _lists_records(record: Decision, data: bytes, records: frozenset[str]) -> bool:
    folder = record.path.parent
    linked = set()
    for line in data.decode("utf-8", "replace").splitlines():
        if _ITEM.match(line):
            linked.update(path for target in _TARGET.findall(line)
                          if (path := os.path.normpath(folder / unquote(target))) in records)
            if len(linked) >= 2:
                return True
    return False
