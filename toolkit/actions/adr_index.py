"""`decide adr index`: the table of ADRs kept between markers in the ADR folder's README.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.actions.adrs import Decisions, load_decisions, shown_path
from toolkit.errors import CheckFailed, DecisionbookError
from toolkit.records import atomic, frontmatter
from toolkit.records.finding import Finding
from toolkit.records.text import visible
from toolkit.workspace import Workspace

INDEX_START = "<!-- decisionbook:index:start -->"
INDEX_END = "<!-- decisionbook:index:end -->"


def _cell(text) -> str:
    """Table-safe Markdown: no column breaks, no HTML, hidden characters shown."""
    return visible(str(text or "").replace("<", "&lt;")).replace("|", "\\|")


def index_table(ws: Workspace, decisions: Decisions) -> list[str]:
    lines = ["| ADR | Title | Status | Date |", "| --- | --- | --- | --- |"]
    for record in decisions.records:
        title = f"[{_cell(record.title or record.name).replace(']', '')}]({record.name})"
        lines.append(f"| {_cell(record.label)} | {title} | {_cell(record.status_raw or record.status)} | {_cell(record.date)} |")
    return lines


def _plain_document(path: Path) -> frontmatter.Document:
    """README.md as lines only: a `---` rule at its top is not front matter to load."""
    try:
        text = frontmatter.decode(path.read_bytes(), path)
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc.strerror}", path) from None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = tuple(text[len(bom) :].splitlines(keepends=True))
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    return frontmatter.Document(path, bom, newline, lines, None, {})


@dataclass(frozen=True)
class IndexResult:
    path: Path
    changed: bool


def _render(ws: Workspace, decisions: Decisions) -> tuple[Path, bytes, bytes, bool]:
    """README.md's path, its bytes now, its bytes with a fresh table, and whether it holds the markers now."""
    path = ws.adr_dir / "README.md"
    table = index_table(ws, decisions)
    marked = False
    if path.exists():
        doc = _plain_document(path)
        lines = doc.text_lines()
        marked = INDEX_START in (line.strip() for line in lines)
        if marked:
            start = next(i for i, line in enumerate(lines) if line.strip() == INDEX_START)
            end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == INDEX_END), None)
            if end is None:
                raise DecisionbookError(f"{INDEX_START} is never closed by {INDEX_END}", shown_path(ws, path), start + 1)
            after = frontmatter.with_lines(doc, start + 1, end, ["", *table, ""])
        else:
            tail = [""] if lines and lines[-1].strip() else []
            after = frontmatter.with_lines(doc, len(lines), len(lines), [*tail, INDEX_START, "", *table, "", INDEX_END])
        before = doc.to_bytes()
    else:
        before = b""
        body = ["# Architecture decision records", "", INDEX_START, "", *table, "", INDEX_END]
        after = "".join(line + "\n" for line in body).encode("utf-8")
    return path, before, after, marked


def stale_index(ws: Workspace, decisions: Decisions) -> Finding | None:
    """For `decide check`: a warning when README.md holds an index table that is out of date."""
    try:
        path, before, after, marked = _render(ws, decisions)
    except DecisionbookError as exc:
        return Finding(str(exc.path or shown_path(ws, ws.adr_dir)), exc.line, "error", exc.message)
    if marked and before != after:
        return Finding(shown_path(ws, path), None, "warning", "the ADR index is out of date; run `decide adr index`")
    return None


def index(ws: Workspace, check: bool = False) -> IndexResult:
    """Write the ADR table into the ADR folder's README.md between the index markers.

    Only the lines between the markers change; with *check*, nothing is written and a stale
    index raises CheckFailed.
    """
    path, before, after, _ = _render(ws, load_decisions(ws))
    stale = after != before
    if check:
        if stale:
            raise CheckFailed("the ADR index is out of date; run `decide adr index`", shown_path(ws, path))
        return IndexResult(path, False)
    if stale:
        ws.adr_dir.mkdir(parents=True, exist_ok=True)
        atomic.replace(path, after)
    return IndexResult(path, stale)
