"""`decide adr index`: the table of ADRs kept between markers in the ADR folder's README.md.

The table is kept under the folder's hash (see adr_folder), so an index that is up to date costs
reading the folder, not parsing it.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from toolkit.actions.adr_folder import folder_key, shown_path
from toolkit.errors import CheckFailed, DecisionbookError
from toolkit.records import files, frontmatter, parsecache
from toolkit.records.adr_edit import link_target
from toolkit.records.named import named
from toolkit.workspace import Workspace

TYPE_CHECKING = False  # typing's constant, read as true by type checkers, without importing typing
if TYPE_CHECKING:
    from toolkit.actions.adrs import Decisions
    from toolkit.records.finding import Finding

INDEX_START = "<!-- decisionbook:index:start -->"
INDEX_END = "<!-- decisionbook:index:end -->"
# adr-log's markers (MADR's index tool), which may carry a note: `<!-- adrlog -- Regenerate with ... -->`.
ADRLOG_START = re.compile(r"<!--\s*adrlog(?:\s|-->)")
ADRLOG_END = "<!-- adrlogstop -->"


def _cell(text) -> str:
    """Table-safe Markdown: no column breaks, no HTML, hidden characters shown."""
    from toolkit.records.text import visible  # only when a table is built, not for an up-to-date index

    return visible(str(text or "").replace("<", "&lt;")).replace("|", "\\|")


def index_table(ws: Workspace, decisions: Decisions) -> list[str]:
    from toolkit.records.adr import markdown_links
    from toolkit.records.adr_words import is_rst

    lines = ["| ADR | Title | Status | Date |", "| --- | --- | --- | --- |"]
    for record in decisions.records:
        # A record in a category subfolder is linked by its path from the folder's README, and so are
        # the links in its status, which it writes from its own folder.
        where = os.path.relpath(record.path.parent, ws.adr_dir).replace(os.sep, "/")
        href = link_target(record.name if where == "." else f"{where}/{record.name}")
        text = _cell(record.title or record.name).replace("[", "\\[").replace("]", "\\]")
        title = f"[{text}]({href})"
        status = record.status_raw or record.status
        if status and is_rst(record.path):  # the index is Markdown: its links too
            status = markdown_links(status)
        if status and where != ".":
            status = _MARKDOWN_LINK.sub(lambda link: f"[{link.group(1)}]({_rebased(where, link.group(2))})", status)
        lines.append(f"| {_cell(record.label)} | {title} | {_cell(status)} | {_cell(record.date)} |")
    return lines


_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]+)\)")


def _rebased(folder: str, href: str) -> str:
    """*href*, written from the subfolder *folder*, as the folder above it reaches it; an address or an
    anchor stays as it is."""
    if "://" in href or href.startswith(("#", "/", "mailto:")):
        return href
    return posixpath.normpath(f"{folder}/{href}")


def _plain_document(ws: Workspace, path: Path) -> frontmatter.Document:
    """README.md as lines only: a `---` rule at its top is not front matter to load."""
    try:
        text = frontmatter.decode(files.read_bytes(path, ws.config.max_file_bytes, ws.root, shown_path(ws, path)), path)
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc.strerror}", path) from None
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = tuple(text[len(bom) :].splitlines(keepends=True))
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    return frontmatter.Document(path, bom, newline, lines, None, {})


@named
class IndexResult:
    path: Path
    changed: bool


def _table(ws: Workspace) -> list[str]:
    """The index table of *ws*'s ADRs: kept from the last run while the folder is unchanged."""
    key = folder_key(ws, "index", skip=_readme(ws.adr_dir).name)
    kept = parsecache.load_blob(ws.root, "adr-index", key) if key is not None else None
    if kept is not None:
        return kept.decode("utf-8").split("\n")
    from toolkit.actions.adrs import load_decisions

    decisions = load_decisions(ws)
    error = decisions.unreadable_error()
    if error is not None:  # an index without that record would drop its row: the file is named instead
        raise error
    table = index_table(ws, decisions)
    if key is not None:
        parsecache.save_blob(ws.root, "adr-index", key, "\n".join(table).encode("utf-8"))
    return table


def _readme(folder: Path) -> Path:
    """The folder's README as it spells the name (`readme.md`, `Readme.md`), else README.md: a second
    README beside it would collide with the first where names ignore case (macOS, Windows)."""
    try:
        with os.scandir(folder) as entries:
            spelled = sorted(entry.name for entry in entries if entry.name.lower() == "readme.md")
    except OSError:
        spelled = []
    return folder / (spelled[0] if spelled else "README.md")


def adrlog_list(ws: Workspace, decisions: Decisions, bullet: str = "*") -> list[str]:
    """The ADRs as adr-log lists them between its markers: `* [ADR-0001](0001-x.md) - Title`."""
    from toolkit.records.text import visible

    rows = []
    for record in decisions.records:
        where = os.path.relpath(record.path.parent, ws.adr_dir).replace(os.sep, "/")
        href = link_target(record.name if where == "." else f"{where}/{record.name}")
        digits = re.match(r"\D*(\d+)", record.name) if record.number is not None else None
        label = f"ADR-{digits.group(1)}" if digits else record.key
        # As adr-log writes it, but for `<`, which stays text here as everywhere decisionbook writes a title.
        title = visible(str(record.title or record.name)).replace("<", "&lt;")
        rows.append(f"{bullet} [{_cell(label)}]({href}) - {title}")
    return rows


def _adrlog(ws: Workspace, path: Path, lines: list[str]) -> tuple[int, int, list[str]] | None:
    """Where adr-log keeps its list in the README (`<!-- adrlog ... -->` to `<!-- adrlogstop -->`) and
    the list as it would write it now, in the README's own bullets; None without those markers."""
    start, fence = None, None
    for i, line in enumerate(lines):  # markers shown in a code block are an example, not the index
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence == stripped[:3] else (fence or stripped[:3])
        elif fence is None and ADRLOG_START.match(stripped):
            start = i
            break
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == ADRLOG_END), None)
    if end is None:
        raise DecisionbookError(f"{lines[start].strip()} is never closed by {ADRLOG_END}", shown_path(ws, path),
                                start + 1)
    bullet = next((line.strip()[0] for line in lines[start + 1 : end] if line.strip()[:2] in ("* ", "- ")), "*")
    from toolkit.actions.adrs import load_decisions

    return start, end, adrlog_list(ws, load_decisions(ws), bullet)


def _render(ws: Workspace, table: list[str], adrlog: bool = True) -> tuple[Path, bytes, bytes, bool]:
    """README.md's path, its bytes now, its bytes with *table*, and whether it holds the markers now.
    A README that keeps adr-log's list (and not decisionbook's markers) has that list written as adr-log
    writes it, with *adrlog*."""
    path = _readme(ws.adr_dir)
    marked = False
    if path.exists():
        doc = _plain_document(ws, path)
        lines = doc.text_lines()
        marked = INDEX_START in (line.strip() for line in lines)
        kept = _adrlog(ws, path, lines) if adrlog and not marked else None
        if kept is not None:
            start, end, rows = kept
            return path, doc.to_bytes(), frontmatter.with_lines(doc, start + 1, end, ["", *rows, ""]), False
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
    from toolkit.records.finding import Finding

    try:
        path, before, after, marked = _render(ws, index_table(ws, decisions), adrlog=False)
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
    table = _table(ws)
    path = _readme(ws.adr_dir)
    if check or ws.adr_dir.is_dir():
        path, before, after, _ = _render(ws, table)
        if after == before:  # nothing to write, so no lock to take
            return IndexResult(path, False)
        if check:
            raise CheckFailed("the ADR index is out of date; run `decide adr index`", shown_path(ws, path))
    ws.adr_dir.mkdir(parents=True, exist_ok=True)
    with files.locked(path, shown_path(ws, path)):  # read and written as one step, so no edit is lost
        path, before, after, _ = _render(ws, table)
        if after != before:
            from toolkit.records import atomic

            atomic.replace(path, after)
    return IndexResult(path, after != before)
