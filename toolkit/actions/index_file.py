"""Which file of the ADR folder is its index: the one the team keeps there, else a new README.md."""

from __future__ import annotations

import os
import re
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files
from toolkit.records.adr_edit import link_target
from toolkit.records.adr_words import LazyPattern, is_index_file, is_record_file

INDEX_START = "<!-- decisionbook:index:start -->"
INDEX_END = "<!-- decisionbook:index:end -->"
ADRLOG = "<!-- adrlog"

_FENCE = LazyPattern(r" {0,3}(`{3,}|~{3,})")
_TRANSLATED = LazyPattern(r"\.[a-z]{2}(?:[-_][a-z]{2})?$", re.IGNORECASE)  # `index.es`, `README.pt-BR`


def _rank(name: str) -> tuple:
    """The likelier index first: the folder's own language before a translation (`index.md` before
    `index.es.md`), README before index before any other name (`00-index.md`, `toc.md`), mdBook's
    SUMMARY last, Markdown before reStructuredText."""
    stem, _, extension = name.rpartition(".")
    low = stem.lower()
    kind = 0 if "readme" in low else 3 if "summary" in low else 1 if "index" in low else 2
    return bool(_TRANSLATED.search(stem)), kind, extension.lower() == "rst", low[:1].isdigit(), name


def index_path(folder: Path, limit: int, root: Path) -> Path:
    """The index of the ADR folder *folder*: its README, `index.md`, `0000-index.md`, adr-tools' `toc.md`,
    `README.rst`... as the folder spells the name; of several, the first that holds an index (decisionbook's
    or adr-log's markers, a link to a record, a Sphinx toctree); where none is named so, a page that links to most
    of the records (a Docusaurus site's `intro.md`); README.md when the folder has none."""
    try:
        with os.scandir(folder) as entries:
            found = [(entry.name, not entry.is_dir()) for entry in entries]
    except OSError:
        found = []
    candidates = sorted((name for name, is_file in found if is_file and is_index_file(name)), key=_rank)
    records = [name for name, _ in found if is_record_file(name)] if candidates or len(found) < 1000 else []
    if len(candidates) > 1:
        held = next((name for name in candidates if _holds_index(folder / name, records, limit, root)), None)
        candidates = [held] if held else candidates
    if not candidates and len(records) >= 2:
        # A site's own page of the records: few pages beside them, each read to count the records it links.
        pages = sorted(name for name, is_file in found if is_file and name.lower().endswith((".md", ".markdown"))
                       and not is_record_file(name))
        candidates = [name for name in pages if 2 * _linked(folder / name, records, limit, root) > len(records)][:1]
    return folder / (candidates[0] if candidates else "README.md")


def _linked(path: Path, records: list[str], limit: int, root: Path) -> int:
    """How many of the *records* the page *path* links to from the items of a list or the rows of a table: a page
    whose prose names records is notes, not their index."""
    try:
        text = files.read_bytes(path, limit, root).decode("utf-8", "replace")
    except (OSError, DecisionbookError):
        return 0
    listed = "\n".join(line for line in text.splitlines() if _LISTED.match(line))
    return sum(f"({link_target(name)})" in listed or f"/{link_target(name)})" in listed for name in records)


_LISTED = re.compile(r"[ \t]*(?:[*+-]|\d{1,9}[.)]|\|)[ \t]")


def _holds_index(path: Path, records: list[str], limit: int, root: Path) -> bool:
    try:
        text = files.read_bytes(path, limit, root).decode("utf-8", "replace")
    except (OSError, DecisionbookError):  # no index to choose; writing it, if it is the one, says why
        return False
    lines = text.splitlines()
    return (marker_line(lines, INDEX_START) is not None or ADRLOG in text or ".. toctree::" in text
            or any(name in text or link_target(name) in text for name in records))


def outside_code(lines: list[str]) -> list[int]:
    """The indexes of the Markdown *lines* that are not code: neither in a block fenced by ``` or ~~~ (closed by
    a fence of its character at least as long; never closed, it runs to the end) nor indented as code. Markers
    shown there are an example of how to write them, not the place the index goes."""
    found, fence = [], None
    for index, line in enumerate(lines):
        mark = _FENCE.match(line)
        if fence is not None:
            closing = mark and mark.group(1)[0] == fence[0] and len(mark.group(1)) >= len(fence)
            if closing and not line[mark.end() :].strip():
                fence = None
        elif mark:
            fence = mark.group(1)
        elif not line.startswith(("    ", "\t")):
            found.append(index)
    return found


def marker_line(lines: list[str], marker: str, after: int = -1) -> int | None:
    """The index of the first line below *after* that is *marker*, outside code (outside_code); None when none is."""
    return next((index for index in outside_code(lines) if index > after and lines[index].strip() == marker), None)
