"""The rows of an ADR index, and a team's own table or list of its records, kept without markers."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from toolkit.actions.index_file import INDEX_END, INDEX_START, outside_code
from toolkit.errors import DecisionbookError
from toolkit.records.adr_edit import link_target
from toolkit.records.adr_words import STATUSES, is_record_file, is_rst, read_status

TYPE_CHECKING = False  # typing's constant, read as true by type checkers, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.records.adr import Decision

    # The records given, each as committed before on the history of its own file: {path: versions}.
    Earlier = Callable[[list[Decision]], dict[Path, list[Decision]]]
    # Where a row or item says something of its record (start, end), and what decisionbook writes there for a record.
    Piece = tuple[int, int, Callable[[Decision], str]]

# Said with every refusal: the team's index stays as it is until they choose where decisionbook's goes.
HOW = (f"nothing was written. To have `decide adr index` keep the index, put the lines {INDEX_START} and "
       f"{INDEX_END} in place of the table or list it should keep")

_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]\((<[^<>\n]+>|[^()\s]+)\)")


# Where Markdown starts HTML (`<b>`, `</b>`, `<!--`): not `a < b`, nor a site's shortcode (`{{< ref "x.md" >}}`).
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
# Code, which shows `<` as written and `&lt;` as those four characters; not after a backslash, which makes the
# backtick a character of its own (a backtick escaped that way is taken as no code, and what follows escaped).
_CODE = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def cell(text) -> str:
    """Table-safe Markdown: no column breaks, no HTML, hidden characters shown."""
    from toolkit.records.text import visible  # only when a table is built, not for an up-to-date index

    text, parts, at = str(text or ""), [], 0
    for code in _CODE.finditer(text):
        parts += [_HTML_START.sub("&lt;", text[at : code.start()]), code.group()]
        at = code.end()
    parts.append(_HTML_START.sub("&lt;", text[at:]))
    return visible("".join(parts)).replace("|", "\\|")


def _rebased(folder: str, href: str) -> str:
    """*href*, written from the subfolder *folder*, as the folder above it reaches it; an address or an
    anchor stays as it is."""
    if "://" in href or href.startswith(("#", "/", "mailto:")):
        return href
    return posixpath.normpath(f"{folder}/{href}")


def row_cells(adr_dir: Path, record: Decision) -> tuple[str, str, str, str, str]:
    """(label, title as link text, link, status, date) of *record*'s row in an index in *adr_dir*, each
    safe in a table cell."""
    from toolkit.records.adr import markdown_links

    # A record in a category subfolder is linked by its path from the folder's index, and so are the
    # links in its status, which it writes from its own folder.
    where = os.path.relpath(record.path.parent, adr_dir).replace(os.sep, "/")
    href = link_target(record.name if where == "." else f"{where}/{record.name}")
    title = cell(record.title or record.name).replace("[", "\\[").replace("]", "\\]")
    status = record.status_raw or record.status
    if status and is_rst(record.path):  # the index is Markdown: its links too
        status = markdown_links(status)
    if status:
        status = _MARKDOWN_LINK.sub(lambda link: f"[{link.group(1)}]({_status_target(where, link.group(2))})", status)
    return cell(record.cited), title, href, cell(status), cell(record.date)


def _status_target(folder: str, href: str) -> str:
    """A link's target in the status of a record in *folder*, as the index reaches it: a name between angle brackets
    (`<0003 use x.md>`) escaped instead (`0003%20use%20x.md`), as a table cell shows no `<`."""
    if href.startswith("<"):
        href = link_target(href[1:-1])
    return href if folder == "." else _rebased(folder, href)


# A table's header words, by the field decisionbook writes in that column.
_COLUMNS = {
    **dict.fromkeys(("adr", "adrs", "#", "no", "no.", "nr", "nr.", "n°", "nº", "num", "number", "id", "adr #",
                     "adr no.", "adr number", "adr id", "rfc", "nummer", "numéro", "número", "numero"), "label"),
    **dict.fromkeys(("title", "decision", "name", "subject", "topic", "adr title", "titel", "titre", "título",
                     "titulo", "titolo", "tittel", "entscheidung", "décision", "decisión", "beslutning", "název",
                     "tytuł", "タイトル", "标题", "標題", "제목", "название"), "title"),
    **dict.fromkeys(("status", "state", "statut", "estado", "stato", "stav", "ステータス", "状态", "狀態", "상태",
                     "статус"), "status"),
    **dict.fromkeys(("date", "decided", "decision date", "date decided", "last updated", "updated", "datum",
                     "fecha", "data", "dato", "日付", "日期", "날짜", "дата"), "date"),
}
_LINK = re.compile(r"\[((?:\\.|[^\[\]\\])*)\]\((<[^<>\n]*>|[^()\s]+)\)")
_ITEM = re.compile(r"^([*+-]|\d{1,9}[.)])([ \t]+)(.*)$")
_LABEL_WORDS = r"[A-Za-z]+(?:[-_ ][A-Za-z]+)*[-_ ]?"  # `ADR-`, `RFC`, before a record's number
_LABEL = _LABEL_WORDS + r"\d+"
_TITLE_AFTER = re.compile(r"^(\s*[:.]\s+|\s+[-–—]\s+)(\S.*)$")  # `[ADR-0001](0001-x.md) - Title`, as adr-log
_BEFORE_TITLE = re.compile(rf"^(?:\d+(?:\.\s+|[ \t]+)|{_LABEL}(?:\s*[:.]\s+|\s+[-–—]\s+))")  # `1. `, `ADR-1: `


def _link_text_form(text: str, href: str = "") -> tuple:
    """How a link names its record: `1. Title` (adr-tools' toc) -> ("number", ". "), `0004 Title` (Qiskit's RFCs)
    -> ("number", " ", 4), the width of its zero padding; `08` (Jupyter's JEPs) -> ("number alone", "2");
    `ADR-001` -> ("label", ""), `ADR-001: Title` -> ("label title", ": "), `0001-x.md` -> ("file", ""), `0001-x`
    (an mdBook's SUMMARY) -> ("stem", ""), else ("title", "")."""
    if text.isascii() and text.isdigit():
        return "number alone", str(len(text)) if text.startswith("0") else "1"
    if match := re.match(r"^\d+(\.\s+)\S", text):
        return "number", match.group(1)
    if match := re.match(r"^(0\d+)([ \t]+)\S", text):  # zero-padded: no title starts so
        return "number", match.group(2), len(match.group(1))
    if re.fullmatch(_LABEL, text) and _numbers(text, href):
        return "label", ""
    if is_record_file(text):
        return "file", ""
    if " " not in text and is_record_file(f"{text}.md"):
        return "stem", ""
    match = re.match(rf"^({_LABEL})(\s*[:.]\s+|\s+[-–—]\s+)\S", text)
    if match and _numbers(match.group(1), href):
        return "label title", match.group(2)
    return "title", ""


def _numbers(text: str, href: str) -> bool:
    """Whether the last number of *text* is the one the name of the file *href* links to starts with (`ADR-003`
    for `0003-x.md`): a title that ends in a number (`Use Python 3`) names no record."""
    linked = re.search(r"\d+", posixpath.basename(unquote(href.strip("<>"))))
    return not href or linked is not None and int(linked.group()) == int(re.findall(r"\d+", text)[-1])


def _link_text(form: tuple, record: Decision, label: str, title: str) -> str:
    kind, between, *width = form
    if kind == "number alone":
        return f"{record.number:0{between}d}" if record.number is not None else label
    if kind == "number":
        return f"{record.number:0{width[0] if width else 1}d}{between}{title}" if record.number is not None else title
    if kind == "label":
        return label
    if kind == "file":
        return record.path.name
    if kind == "stem":
        return record.path.stem
    return f"{label}{between}{title}" if kind == "label title" else title


def _target(href: str) -> str | None:
    """The path a link's target names from the index's folder, None for an address or an anchor."""
    href = href.strip("<>")
    if "://" in href or href.startswith(("#", "/", "mailto:")):
        return None
    return posixpath.normpath(unquote(href.split("#", 1)[0]))


class _Index:
    """The index's lines and what is known of the folder's records, to find the team's table or list."""

    def __init__(self, adr_dir: Path, records: list[Decision], lines: list[str], shown: str,
                 statuses: dict[str, str], earlier: Earlier):
        self.adr_dir, self.records, self.lines, self.shown = adr_dir, records, lines, shown
        self.statuses = statuses  # [adr.statuses]: a team's words for a status, read in its rows as in its records
        self.earlier = earlier
        self.paths = {os.path.relpath(r.path, adr_dir).replace(os.sep, "/") for r in records}

    def names_record(self, href: str) -> bool:
        """Whether a link goes to a record: one of the folder's, or a record's name (one since removed)."""
        path = _target(href)
        return path is not None and (path in self.paths or is_record_file(posixpath.basename(path)))

    def refuse(self, line: int, why: str) -> DecisionbookError:
        return DecisionbookError(f"{why}: {HOW}", self.shown, line + 1)


def team_index(adr_dir: Path, records: list[Decision], lines: list[str], shown: str, statuses: dict[str, str],
               earlier: Earlier, within: range | None = None) -> tuple[int, int, list[str]] | None:
    """Where a team's own index of the records is in *lines* (a table or a list of links to them, kept
    without markers; only one *within* those lines, where given) and its lines now: its rows or items kept and
    completed (_table, _list); None when *lines* hold none. A second such table, a column or row decisionbook
    cannot write, or a list in a form it does not know raises, naming the line, and the file stays as it is."""
    index = _Index(adr_dir, records, lines, shown, statuses, earlier)
    found = [block for block in _blocks(lines) if (within is None or block[1] in within and block[2] <= within.stop)
             and _lists_records(index, block)]
    if not found:
        return None
    if len(found) > 1:
        places = " and ".join(str(block[1] + 1) for block in found[:2])
        raise index.refuse(found[1][1], f"more than one table or list of the ADRs here (lines {places})")
    kind, start, end = found[0]
    return _table(index, start, end) if kind == "table" else _list(index, start, end)


def _blocks(lines: list[str]) -> list[tuple[str, int, int]]:
    """("table" | "list", first line, end) of each table and each list outside code blocks."""
    from toolkit.records.adr import DELIMITER_ROW

    blocks, prose, i = [], set(outside_code(lines)), 0
    while i < len(lines):
        line = lines[i]
        if i not in prose:  # a table or list shown in a code block is an example, not the index
            i += 1
            continue
        if ("|" in line and i + 1 < len(lines) and "|" in lines[i + 1] and DELIMITER_ROW.match(lines[i + 1])
                and not line.lstrip().startswith(">")):
            end = i + 2
            while end < len(lines) and lines[end].strip() and "|" in lines[end]:
                end += 1
            blocks.append(("table", i, end))
            i = end
            continue
        item = _ITEM.match(line)
        if item:
            end, last = i + 1, i
            while end < len(lines):
                following = _ITEM.match(lines[end])
                if following and _same_list(item.group(1), following.group(1)) or lines[end][:1] in (" ", "\t"):
                    last = end
                elif lines[end].strip():
                    break
                end += 1
            blocks.append(("list", i, last + 1))
            i = last + 1
            continue
        i += 1
    return blocks


# A record's number in a column of them (`001`, `ADR-0001`, `**0001**`), and at an item's start, where a number alone
# is a step or a version (`- Python 3`): zero-padded or after ADR (`- 0001 Modularny monolit`, `- ADR 7: x`).
_NUMBER_CELL = re.compile(r"\W*(?:[A-Za-z]+[-_ ]?)?0*(\d{1,9})\b")
_NUMBER_ITEM = re.compile(r"\W*(?:(?:ADR|RFC)[-_ #]?0*|0+)(\d{1,9})\b", re.IGNORECASE)


def unlinked_index(lines: list[str], numbers: set[int]) -> int | None:
    """The first line of a table or list that names two or more of the records by their *numbers* alone, with no
    link (`| 001 | Soft Delete Pattern | Přijato |`, `- 0001 Modularny monolit`): an index of the team's that
    decisionbook cannot keep; None where there is none. A table names them in a first column headed as a number
    (`ID`, `#`, `ADR`); a table of steps (`| 1 | Install |`) or a list of versions names none."""
    for kind, start, end in _blocks(lines):
        if kind == "table":
            head = (_split(lines[start].strip()) or [""])[0].strip(" \t*_`").lower()
            rows = lines[start + 2 : end] if _COLUMNS.get(head) == "label" else []
            firsts, number = [(_split(row) or [""])[0] for row in rows], _NUMBER_CELL
        else:
            rows = [line for line in lines[start:end] if _ITEM.match(line)]
            firsts, number = [_ITEM.match(row).group(3) for row in rows], _NUMBER_ITEM
        named = [first for first, row in zip(firsts, rows)
                 if "](" not in row and (found := number.match(first)) and int(found.group(1)) in numbers]
        if len(named) >= 2:
            return start
    return None


def _same_list(bullet: str, other: str) -> bool:
    return bullet == other if not bullet[0].isdigit() else other[:1].isdigit() and other[-1] == bullet[-1]


def _lists_records(index: _Index, block: tuple[str, int, int]) -> bool:
    """Whether the table or list is an index of the records: a table with a row that links one, a list
    of which two items start with such a link, or all items as adr-tools, adr-log or a list of titles
    write them."""
    kind, start, end = block
    lines = index.lines[start:end]
    if kind == "table":
        return any(index.names_record(link.group(2)) for line in lines[2:] for link in _LINK.finditer(line))
    items = [_item(line) for line in lines if _ITEM.match(line)]
    linked = [item for item in items if item is not None and index.names_record(item[1])]
    return len(linked) >= 2 or bool(linked) and len(linked) == len(items) and all(item[2] for item in linked)


# Emphasis around an item's link: `- **[ADR-005: Title](./005-x.md)**`.
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\[)")


def _item_link(line: str) -> tuple[re.Match, re.Match, str] | None:
    """The item *line* is, the link it starts with, and the emphasis around that link (`**`, or ""); None when it
    starts with no link, or its emphasis is not closed right after the link."""
    item = _ITEM.match(line)
    if item is None:
        return None
    mark = _EMPHASIS.match(item.group(3))
    mark = mark.group(1) if mark else ""
    link = _LINK.match(line, item.start(3) + len(mark))
    if link is None or not line.startswith(mark, link.end()):
        return None
    return item, link, mark


# A status in brackets at an item's end: `- [ADR-0001](0001-x.md) - Title (Accepted)`, `(**Proposed**)`.
_NOTE = re.compile(r"\s+\(([*_`]*)([^()*_`\n]+?)([*_`]*)\)$")


def _status_note(line: str) -> re.Match | None:
    """The status note *line* ends with, its words group 2; None where it ends with none."""
    note = _NOTE.search(line.rstrip()) if line.rstrip().endswith(")") else None
    return note if note and note.group(1) == note.group(3)[::-1] and read_status(note.group(2))[0] in STATUSES else None


def _item(line: str) -> tuple[str, str, tuple | None] | None:
    """(bullet, link, form) of a list item that starts with a link; its form is None when decisionbook
    cannot write it: ((link text form), words after the link, the emphasis around the link)."""
    found = _item_link(line)
    if found is None:
        return None
    item, link, mark = found
    text, tail = link.group(1), line[link.end() + len(mark) :].rstrip()
    if (note := _status_note(tail)) is not None:
        tail = tail[: note.start()]
    form = _link_text_form(text, link.group(2))
    if not tail:
        return item.group(1), link.group(2), (form, None, mark)
    after = _TITLE_AFTER.match(tail)
    # Words after a link whose text carries no title: the title, as adr-log writes it, or the team's own.
    untitled = form[0] in ("label", "file", "number alone")
    return item.group(1), link.group(2), ((form, after.group(1), mark) if after and untitled else None)


def _table(index: _Index, start: int, end: int) -> tuple[int, int, list[str]]:
    """The team's rows as they are, but for a status cell that no longer says its record's status, without the rows
    of records since removed, and with a row of each record it lacks, written as its first row is."""
    lines = index.lines
    head = lines[start].strip()
    names = [name.strip(" \t*_`").lower() for name in _split(head)]
    kinds = [_COLUMNS.get(name) for name in names]
    unknown = next((name for name, kind in zip(_split(head), kinds) if kind is None), None)
    if unknown is not None:
        column = f'"{unknown.strip()}"' if unknown.strip() else "without a name"
        raise index.refuse(start, f"the table of the ADRs here has a column decisionbook does not fill ({column})")
    linked_at, form, dot, linked = None, None, False, []
    for row in range(start + 2, end):
        cells = _split(lines[row].strip())
        at = next((n for n, text in enumerate(cells) if (link := _LINK.search(text))
                   and index.names_record(link.group(2))), None)
        if at is None:
            raise index.refuse(row, "this row of the table of the ADRs links no record")
        link = _LINK.search(cells[at])
        linked.append((row, _target(link.group(2))))
        if linked_at is None:
            linked_at, form, dot = at, _link_text_form(link.group(1).strip(), link.group(2)), \
                link.group(2).startswith("./")
            named = cells[kinds.index("label")] if "label" in kinds[: len(cells)] else ""
            first = _LINK.sub(lambda label: label.group(1), named).strip()
        elif form[0] == "number alone" and (
                padded := _link_text_form(link.group(1).strip(), link.group(2)))[0] == form[0]:
            # `[29]` says no width and `[08]` below it does: the widest padding of the table's links is its own.
            form = (form[0], max(form[1], padded[1], key=int))
    if linked_at >= len(kinds) or kinds[linked_at] not in ("label", "title"):
        raise index.refuse(start, "the table of the ADRs here links its records from a column other than the "
                                  "number or the title")
    if kinds[linked_at] == "label" and form[0] not in ("number alone", "number", "file"):
        form = ("label", "")
    opened, closed = head.startswith("|"), head.endswith("|") and not head.endswith("\\|")
    paths = [_path(index, record) for record in index.records]
    ranks = {path: rank for rank, path in enumerate(paths)}
    status_at = kinds.index("status") if "status" in kinds else None
    # A row of a record since removed goes with it.
    kept = [(lines[row], ranks[path]) for row, path in linked if path in ranks]
    followed = _followed(index, [(row, index.records[rank], _row_pieces(index, row, kinds)) for row, rank in kept])
    rows = [(rank, _with_status(index, row, status_at, index.records[rank])) for row, (_, rank) in zip(followed, kept)]
    descending = len(rows) > 1 and all(a[0] > b[0] for a, b in zip(rows, rows[1:]))
    listed = {path for _, path in linked}
    for rank, record in enumerate(index.records):
        if paths[rank] in listed:
            continue
        label, title, href, status, date = row_cells(index.adr_dir, record)
        label = _label_as(first, record, label)
        cells = [{"label": label, "title": title, "status": status, "date": date}[kind] for kind in kinds]
        href = f"./{href}" if dot and not href.startswith(("./", "../")) else href  # as the rows write theirs
        cells[linked_at] = f"[{_link_text(form, record, label, title)}]({href})"
        # Below the last row of a record before it in the table's order (newest first, or oldest first).
        at = max((n + 1 for n, (other, _) in enumerate(rows) if (other > rank if descending else other < rank)),
                 default=0)
        rows.insert(at, (rank, ("| " if opened else "") + " | ".join(cells) + (" |" if closed else "")))
    return start + 2, end, [row for _, row in rows]


def _path(index: _Index, record: Decision) -> str:
    return os.path.relpath(record.path, index.adr_dir).replace(os.sep, "/")


def _title_at(text: str, href: str) -> int | None:
    """Where the title starts in a link's text that carries one (_link_text_form); None in one that does not."""
    kind = _link_text_form(text, href)[0]
    if kind in ("number", "label title"):
        return _BEFORE_TITLE.match(text).end()
    return 0 if kind == "title" else None


def _stripped(row: str, begin: int, end: int) -> tuple[int, int]:
    """The span of a cell's text without the spaces around it."""
    text = row[begin:end]
    return begin + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())


def _row_pieces(index: _Index, row: str, kinds: list[str | None]) -> list[Piece]:
    """The title and the date a table *row* says of its record: in its title and date cells, and in the text of its
    link where that carries the title (`[0004 Noise mitigation](...)`)."""
    pieces = []
    for n, span in enumerate(_spans(row)):
        begin, end = _stripped(row, *span)
        link = _LINK.search(row, begin, end)
        if link and index.names_record(link.group(2)):
            at = _title_at(link.group(1), link.group(2))
            if at is not None:
                pieces.append((link.start(1) + at, link.end(1), lambda record: row_cells(index.adr_dir, record)[1]))
        elif n < len(kinds) and kinds[n] in ("title", "date"):
            field = 1 if kinds[n] == "title" else 4
            pieces.append((begin, end, lambda record, field=field: row_cells(index.adr_dir, record)[field]))
    return pieces


def _followed(index: _Index, entries: list[tuple[str, Decision, list[Piece]]]) -> list[str]:
    """Each line of *entries* with what it says of its record's title and date as the record says it now, where it
    says what a committed version of the record said: a line copied from the record follows it, and words the
    record never said (a shorter title of the team's own) are the team's. Git is asked once, and only of the
    records whose lines say something other than they do now."""
    stale = [record for line, record, pieces in entries
             if any(line[begin:end] != render(record) for begin, end, render in pieces)]
    before = index.earlier(stale) if stale else {}
    followed = []
    for line, record, pieces in entries:
        for begin, end, render in sorted(pieces, key=lambda piece: piece[0], reverse=True):
            written, now = line[begin:end], render(record)
            if now and written != now and any(written == render(old) for old in before.get(record.path, ())):
                line = line[:begin] + now + line[end:]
        followed.append(line)
    return followed


def _label_as(written: str, record: Decision, label: str) -> str:
    """*record*'s number as the team's first row writes its own (*written*): the words before it and its padding
    (`RFC001` gives `RFC013` where the file's name is `ewc-rfc013-x.md`), or the number alone (Strimzi's `14`);
    *label* where *written* is no such name."""
    match = re.fullmatch(rf"((?:{_LABEL_WORDS})?)(\d+)", written)
    if match is None or record.number is None:
        return label
    digits = match.group(2)
    return f"{match.group(1)}{record.number:0{len(digits) if digits.startswith('0') else 1}d}"


def _with_status(index: _Index, row: str, at: int | None, record: Decision) -> str:
    """The team's *row* of *record*, its status cell (column *at*) written anew where it says another status than
    the record does; a status the record does not state is the team's to keep."""
    spans = _spans(row)
    if at is None or at >= len(spans) or record.status is None:
        return row
    begin, finish = spans[at]
    written = row[begin:finish]
    if written.strip() and read_status(written.strip().replace("\\|", "|"), index.statuses)[0] == record.status:
        return row
    status = row_cells(index.adr_dir, record)[3]
    if not written.strip():
        return f"{row[:begin]} {status} {row[finish:]}"
    begin += len(written) - len(written.lstrip())
    finish -= len(written) - len(written.rstrip())
    return row[:begin] + status + row[finish:]


def _spans(row: str) -> list[tuple[int, int]]:
    """Where each cell of a table row is, between its bars; a bar escaped (`\\|`) or in code is text."""
    bars, code, i = [], False, 0
    while i < len(row):
        char = row[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            code = not code
        elif char == "|" and not code:
            bars.append(i)
        i += 1
    edges = [-1, *bars, len(row)]
    spans = [(left + 1, right) for left, right in zip(edges, edges[1:])]
    shown = row.strip()
    if shown.startswith("|"):
        spans = spans[1:]
    if shown.endswith("|") and not shown.endswith("\\|"):
        spans = spans[:-1]
    return spans


def _split(row: str) -> list[str]:
    """The cells of a table row (_spans)."""
    return [row[begin:end] for begin, end in _spans(row)]


def _list_title(record: Decision, linked: bool = False) -> str:
    """*record*'s title in a list: as adr-tools and adr-log write it, but for `<`, which stays text here as everywhere
    decisionbook writes a title, and, in a link's text (*linked*), for brackets, which would end it."""
    from toolkit.records.text import visible

    title = visible(str(record.title or record.name)).replace("<", "&lt;")
    return title.replace("[", "\\[").replace("]", "\\]") if linked else title


def _item_pieces(line: str) -> list[Piece]:
    """The title a list item says of its record: in its link's text, or in the words after the link."""
    _, link, mark = _item_link(line)
    at = _title_at(link.group(1), link.group(2))
    if at is not None:
        return [(link.start(1) + at, link.end(1), lambda record: _list_title(record, linked=True))]
    end = link.end() + len(mark)
    rest = line[end:].rstrip()
    if (note := _status_note(rest)) is not None:
        rest = rest[: note.start()]
    after = _TITLE_AFTER.match(rest)
    return [(end + after.start(2), end + after.end(2), _list_title)] if after else []


def _with_note(index: _Index, line: str, record: Decision) -> str:
    """*line*, an item of *record*, its status note written anew where it says another status than the record does."""
    note = _status_note(line)
    if note is None or record.status is None or read_status(note.group(2), index.statuses)[0] == record.status:
        return line
    status = row_cells(index.adr_dir, record)[3]
    if not _NOTE.fullmatch(f" ({status})"):  # `Superseded by [3. X](...)`: its word alone, which a note can hold
        status = record.status.capitalize() if note.group(2)[:1].isupper() else record.status
    return line[: note.start(2)] + status + line[note.end(2) :]


def _list(index: _Index, start: int, end: int) -> tuple[int, int, list[str]]:
    """The team's items as they are, without the items of records since removed, and with an item of each record
    it lacks, written as its first item is, where a table would put its row (_table); numbered `1.` `2.` `3.`,
    the items are numbered again in their order."""
    from toolkit.records.text import visible

    lines = index.lines[start:end]
    nested = next((n for n, line in enumerate(lines) if line.strip() and not _ITEM.match(line)), None)
    if nested is not None:
        raise index.refuse(start + nested, "the list of the ADRs here holds lines decisionbook would not write "
                                           "back (a nested list, or an item on more than one line)")
    items = [(n, _item(line)) for n, line in enumerate(lines) if line.strip()]
    odd = next((n for n, item in items if item is None or item[2] is None or not index.names_record(item[1])), None)
    if odd is not None:
        raise index.refuse(start + odd, "this item of the list of the ADRs is not a link to a record in a form "
                                        "decisionbook writes (`* [1. Title](0001-x.md)` as adr-tools, "
                                        "`* [ADR-0001](0001-x.md) - Title` as adr-log, `* [Title](0001-x.md)`)")
    text_form, after, mark = items[0][1][2]
    # The number as the first item writes its own (`ADR 001` beside file names `ADR-001-x.md`).
    first_link = _item_link(lines[items[0][0]])[1]
    written_label = re.match(_LABEL, first_link.group(1)) if text_form[0].startswith("label") else None
    bullets = [item[0] for _, item in items]
    counted = bullets[0][0].isdigit() and len(set(bullets)) > 1  # `1.` `2.` `3.`, not `1.` on every item
    prefix = "./" if all(item[1].strip("<>").startswith("./") for _, item in items) else ""
    gap = _ITEM.match(lines[0]).group(2)
    loose = any(not line.strip() for line in lines)
    paths = [_path(index, record) for record in index.records]
    ranks = {path: rank for rank, path in enumerate(paths)}
    # An item of a record since removed goes with it.
    kept = [(lines[n], ranks[_target(item[1])]) for n, item in items if _target(item[1]) in ranks]
    followed = _followed(index, [(line, index.records[rank], _item_pieces(line)) for line, rank in kept])
    written = [(rank, _with_note(index, line, index.records[rank])) for line, (_, rank) in zip(followed, kept)]
    first_note = _status_note(lines[items[0][0]])
    descending = len(written) > 1 and all(a[0] > b[0] for a, b in zip(written, written[1:]))
    listed = {rank for _, rank in kept}
    for rank, record in enumerate(index.records):
        if rank in listed:
            continue
        title = _list_title(record)
        label = visible(record.cited)
        label = _label_as(written_label.group(), record, label) if written_label else label
        text = _link_text(text_form, record, label, _list_title(record, linked=True))
        line = f"{bullets[0]}{gap}{mark}[{text}]({prefix}{link_target(paths[rank])}){mark}" + (
            after + title if after is not None else "")
        if first_note is not None and record.status is not None:  # as the first item notes its record's status
            line += f" ({first_note.group(1)}{row_cells(index.adr_dir, record)[3]}{first_note.group(3)})"
        at = max((n + 1 for n, (other, _) in enumerate(written) if (other > rank if descending else other < rank)),
                 default=0)
        written.insert(at, (rank, line))
    if counted:
        numbers, mark = [int(bullet[:-1]) for bullet in bullets], bullets[0][-1]
        # Numbered down (`3.` `2.` `1.`), the last item keeps its number; else the first does.
        down = all(a > b for a, b in zip(numbers, numbers[1:]))
        number = (lambda n: numbers[-1] + len(written) - 1 - n) if down else (lambda n: numbers[0] + n)
        written = [(rank, f"{number(n)}{mark}{line[len(_ITEM.match(line).group(1)) :]}")
                   for n, (rank, line) in enumerate(written)]
    out = []
    for _, line in written:
        out += ["", line] if loose and out else [line]
    return start, end, out
