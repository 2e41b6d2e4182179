"""`decide adr index`: the table of ADRs kept between markers in the ADR folder's index (README.md).

The table is kept under the folder's hash (see adr_folder), so an index that is up to date costs
reading the folder, not parsing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from toolkit.actions.adr_folder import folder_key, shown_path
from toolkit.actions.index_file import INDEX_END, INDEX_START, index_path, marker_line, outside_code
from toolkit.actions.index_forms import HOW, cell, row_cells, team_index, unlinked_index
from toolkit.errors import CheckFailed, DecisionbookError
from toolkit.records import files, frontmatter, parsecache
from toolkit.records.adr_edit import link_target
from toolkit.records.adr_words import language_of, numbered_file
from toolkit.records.named import named
from toolkit.workspace import Workspace

TYPE_CHECKING = False  # typing's constant, read as true by type checkers, without importing typing
if TYPE_CHECKING:
    from toolkit.actions.adrs import Decisions
    from toolkit.records.adr import Decision
    from toolkit.records.finding import Finding

# adr-log's markers (MADR's index tool), which may carry a note: `<!-- adrlog -- Regenerate with ... -->`.
ADRLOG_START = re.compile(r"<!--\s*adrlog(?:\s|-->)")
ADRLOG_END = "<!-- adrlogstop -->"


# A new index's heading and column names in the language most of the folder's records write their status in,
# among those whose status words are read; English for the rest.
INDEX_WORDS = {
    "en": ("Architecture decision records", "Title", "Status", "Date"),
    "de": ("Architekturentscheidungen", "Titel", "Status", "Datum"),
    "fr": ("Décisions d'architecture", "Titre", "Statut", "Date"),
    "es": ("Decisiones de arquitectura", "Título", "Estado", "Fecha"),
    "it": ("Decisioni architetturali", "Titolo", "Stato", "Data"),
    "pt": ("Decisões de arquitetura", "Título", "Estado", "Data"),
    "nl": ("Architectuurbeslissingen", "Titel", "Status", "Datum"),
    "no": ("Arkitekturbeslutninger", "Tittel", "Status", "Dato"),
    "da": ("Arkitekturbeslutninger", "Titel", "Status", "Dato"),
    "sv": ("Arkitekturbeslut", "Titel", "Status", "Datum"),
    "pl": ("Decyzje architektoniczne", "Tytuł", "Status", "Data"),
    "cs": ("Architektonická rozhodnutí", "Název", "Stav", "Datum"),
    "ru": ("Архитектурные решения", "Название", "Статус", "Дата"),
    "zh": ("架构决策记录", "标题", "状态", "日期"),
    "ja": ("アーキテクチャ決定記録", "タイトル", "ステータス", "日付"),
    "ko": ("아키텍처 결정 기록", "제목", "상태", "날짜"),
}
# The header rows of the table in those languages.
_HEADERS = {f"| ADR | {title} | {status} | {date} |" for _, title, status, date in INDEX_WORDS.values()}


def _language(decisions: Decisions) -> str:
    from collections import Counter

    spoken = Counter((language_of(r.status_raw or "") or "en").split("-")[0] for r in decisions.records)
    language, count = spoken.most_common(1)[0] if spoken else ("en", 0)
    return language if language in INDEX_WORDS and 2 * count > len(decisions.records) else "en"


def index_table(ws: Workspace, decisions: Decisions) -> list[str]:
    """The heading of a new index, then the table's lines."""
    heading, title, status, date = INDEX_WORDS[_language(decisions)]
    lines = [f"# {heading}", f"| ADR | {title} | {status} | {date} |", "| --- | --- | --- | --- |"]
    for record in decisions.records:
        label, title, href, status, date = row_cells(ws.adr_dir, record)
        lines.append(f"| {label} | [{title}]({href}) | {status} | {date} |")
    return lines


def _plain_document(ws: Workspace, path: Path) -> frontmatter.Document:
    """The index as lines only: a `---` rule at its top is not front matter to load."""
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


def _table(ws: Workspace, path: Path) -> list[str]:
    """The index table of *ws*'s ADRs for the index *path*: kept from the last run while the folder is unchanged."""
    key = folder_key(ws, "index", skip=path.name)
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


def _index_path(ws: Workspace) -> Path:
    return index_path(ws.adr_dir, ws.config.max_file_bytes, ws.root)


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
        rows.append(f"{bullet} [{cell(label)}]({href}) - {title}")
    return rows


def _adrlog(ws: Workspace, path: Path, lines: list[str]) -> tuple[int, int, list[str]] | None:
    """Where adr-log keeps its list in the README (`<!-- adrlog ... -->` to `<!-- adrlogstop -->`) and the lines
    there now: the list's items kept and completed as a team's own list is (index_forms), else adr-log's list as
    it writes it, in the README's own bullets; None without those markers."""
    start = next((i for i in outside_code(lines) if ADRLOG_START.match(lines[i].strip())), None)
    if start is None:
        return None
    end = marker_line(lines, ADRLOG_END, start)
    if end is None:
        raise DecisionbookError(f"{lines[start].strip()} is never closed by {ADRLOG_END}", shown_path(ws, path),
                                start + 1)
    kept = _theirs(ws, path, lines, range(start + 1, end))
    if kept is not None:
        return kept
    bullet = next((line.strip()[0] for line in lines[start + 1 : end] if line.strip()[:2] in ("* ", "- ")), "*")
    from toolkit.actions.adrs import load_decisions

    return start + 1, end, ["", *adrlog_list(ws, load_decisions(ws), bullet), ""]


def _render(ws: Workspace, path: Path, made: list[str], theirs: bool = True) -> tuple[bytes, bytes, bool]:
    """The index *path*'s bytes now, its bytes with the table *made* (by index_table), and whether it holds
    the markers now. With *theirs*, an index that keeps adr-log's list, or a table or list of the records of the
    team's own, and not decisionbook's markers, has that list or table kept and completed in its own form instead."""
    heading, table = made[0], made[1:]
    marked = False
    if path.exists():
        if path.suffix.lower() == ".rst":
            raise DecisionbookError(
                "this index of the ADR folder is reStructuredText, which `decide adr index` does not write (it writes "
                "Markdown); nothing was written. Keep it by hand, or let Sphinx list the records: `.. toctree::` "
                "with `:glob:`",
                shown_path(ws, path))
        doc = _plain_document(ws, path)
        lines = doc.text_lines()
        start = marker_line(lines, INDEX_START)
        marked = start is not None
        kept = _adrlog(ws, path, lines) if theirs and not marked else None
        if kept is None and theirs and not marked:
            kept = _theirs(ws, path, lines)
        if kept is not None:
            start, end, rows = kept
            return doc.to_bytes(), frontmatter.with_lines(doc, start, end, rows), False
        if theirs and not marked and (at := _unlinked(ws, lines)) is not None:
            raise DecisionbookError(f"this table or list names the ADRs without links to them, in a form decisionbook "
                                    f"does not keep: {HOW}", shown_path(ws, path), at + 1)
        if marked:
            end = marker_line(lines, INDEX_END, start)
            if end is None:
                raise DecisionbookError(f"{INDEX_START} is never closed by {INDEX_END}", shown_path(ws, path), start + 1)
            # A header row written in another of the languages (the English one of an earlier version) is kept.
            header = next((line for line in lines[start + 1 : end] if line.strip()), None)
            if header in _HEADERS:
                table = [header, *table[1:]]
            after = frontmatter.with_lines(doc, start + 1, end, ["", *table, ""])
        else:
            tail = [""] if lines and lines[-1].strip() else []
            after = frontmatter.with_lines(doc, len(lines), len(lines), [*tail, INDEX_START, "", *table, "", INDEX_END])
        before = doc.to_bytes()
    else:
        before = b""
        body = [heading, "", INDEX_START, "", *table, "", INDEX_END]
        after = "".join(line + "\n" for line in body).encode("utf-8")
    return before, after, marked


def _unlinked(ws: Workspace, lines: list[str]) -> int | None:
    """The line where the index lists the records by number, without links (index_forms.unlinked_index)."""
    from toolkit.actions.adrs import adr_files
    numbers = {numbered[1] for path in adr_files(ws.adr_dir) if (numbered := numbered_file(path.name))}
    return unlinked_index(lines, numbers)


def _theirs(ws: Workspace, path: Path, lines: list[str], within: range | None = None
            ) -> tuple[int, int, list[str]] | None:
    """The team's own table or list of the records in the index (only one *within* those lines, where given), and
    its lines now (index_forms)."""
    if not any("](" in line for line in lines):  # no link, no index of links: the records need not be read
        return None
    from toolkit.actions.adrs import load_decisions

    decisions = load_decisions(ws)
    error = decisions.unreadable_error()
    if error is not None:  # an index without that record would drop its row: the file is named instead
        raise error
    return team_index(ws.adr_dir, decisions.records, lines, shown_path(ws, path), dict(ws.config.adr_statuses),
                      lambda records: _earlier(ws, records), within)


def _earlier(ws: Workspace, records: list[Decision]) -> dict[Path, list[Decision]]:
    """Each of *records* as committed on HEAD's history of its own file; a version that does not parse tells nothing."""
    from toolkit.actions.adrs import read_options
    from toolkit.history.snapshot import committed_versions
    from toolkit.records import adr

    options = read_options(ws)
    found: dict[Path, list[Decision]] = {}
    for path, contents in committed_versions(ws.root, [record.path for record in records]).items():
        for data in contents:
            try:
                found.setdefault(path, []).append(adr.parse(data, path, shown_path(ws, path), options))
            except DecisionbookError:
                continue
    return found


def stale_index(ws: Workspace, decisions: Decisions) -> Finding | None:
    """For `decide check`: a warning when the ADR folder's index holds decisionbook's table, out of date.
    An index decisionbook does not keep (adr-log's list, the team's own table, reStructuredText) is not its
    to judge."""
    from toolkit.records.finding import Finding

    path = _index_path(ws)
    if path.suffix.lower() == ".rst":
        return None
    try:
        before, after, marked = _render(ws, path, index_table(ws, decisions), theirs=False)
    except DecisionbookError as exc:
        return Finding(str(exc.path or shown_path(ws, ws.adr_dir)), exc.line, "error", exc.message)
    if marked and before != after:
        return Finding(shown_path(ws, path), None, "warning", "the ADR index is out of date; run `decide adr index`")
    return None


def index(ws: Workspace, check: bool = False) -> IndexResult:
    """Write the ADR table into the ADR folder's index (index_file) between the index markers, or keep and complete
    the team's own table or list of the records there; a new README.md holds it where the folder has no index.

    Only the lines between the markers (or of the team's table or list) change; with *check*, nothing is
    written and a stale index raises CheckFailed.
    """
    path = _index_path(ws)
    table = _table(ws, path)
    if check or ws.adr_dir.is_dir():
        before, after, _ = _render(ws, path, table)
        if after == before:  # nothing to write, so no lock to take
            return IndexResult(path, False)
        if check:
            stale = "is out of date" if path.exists() else "does not exist yet"
            raise CheckFailed(f"the ADR index {stale}; run `decide adr index`", shown_path(ws, path))
    ws.adr_dir.mkdir(parents=True, exist_ok=True)
    with files.locked(path, shown_path(ws, path)):  # read and written as one step, so no edit is lost
        before, after, _ = _render(ws, path, table)
        if after != before:
            from toolkit.records import atomic

            atomic.replace(path, after)
    return IndexResult(path, after != before)
