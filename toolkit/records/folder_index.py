"""One file of a folder that lists its records' fields, which their pages do not state: Fuchsia keeps every RFC's
title, status and days in `_rfcs.yaml` beside the pages (ADR 0164). It is read with a YAML loader and edited line by
line (ADR 0196): a dump would drop its comments and change its quoting."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files
from toolkit.records.adr_words import LazyPattern
from toolkit.records.finding import Finding
from toolkit.records.named import named

NAME = "_rfcs.yaml"
_WITHOUT = "the records it lists are read without it"


@named
class Listed:
    """A record's fields as the folder's list gives them; "" where it gives none."""

    file: str  # the page, from the folder: `0001_rfc_process.md`
    title: str
    status: str
    date: str  # the day it was reviewed, else the day it was submitted, as written


def read(folder: Path, limit: int | None, root: Path, shown: str) -> tuple[tuple[Listed, ...], Finding | None]:
    """The records *folder*'s list names, and a warning (the list shown as *shown*) where it cannot be read: then
    none, and each record is read from its page alone."""
    try:
        data = files.read_bytes(folder / NAME, limit, root, shown)
    except FileNotFoundError:
        return (), None
    except OSError as exc:
        return (), Finding(shown, None, "warning", f"cannot read: {exc.strerror}: {_WITHOUT}")
    except DecisionbookError as exc:  # too big, or not a regular file (a FIFO)
        return (), Finding(shown, exc.line, "warning", f"{exc.message}: {_WITHOUT}")
    return _parsed(data, shown)


def _parsed(data: bytes, shown: str) -> tuple[tuple[Listed, ...], Finding | None]:
    """The records the list *data* names, and a warning where it cannot be read: then none."""
    try:
        entries = _entries(data, shown)
    except UnicodeDecodeError:
        return (), Finding(shown, None, "warning", f"not UTF-8 text: {_WITHOUT}")
    except DecisionbookError as exc:
        return (), Finding(shown, exc.line, "warning", f"{exc.message}: {_WITHOUT}")
    if not isinstance(entries, list):
        return (), Finding(shown, None, "warning", "not a list of records (`- file: 0001_x.md`, `status: ...`): "
                                                   "the records are read without it")
    listed: dict[str, Listed] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            fields = [_text(entry.get(key)) for key in ("title", "status", "reviewed", "submitted")]
            listed.setdefault(entry["file"], Listed(entry["file"], fields[0], fields[1], fields[2] or fields[3]))
    return tuple(listed.values()), None


def _entries(data: bytes, shown: str) -> object:
    """What YAML reads of the list *data*."""
    from toolkit.records.strictyaml import load_yaml  # only a folder that keeps such a list pays for PyYAML

    return load_yaml(data.decode("utf-8-sig"), shown)


def _text(value: object) -> str:
    """A field's value as text: a day YAML read as a date is written back as YAML wrote it (`2020-02-27`)."""
    return "" if value is None or isinstance(value, (list, dict)) else str(value).strip()


# A key of an entry and where its value is: `- name: 'RFC-0001'`, `  status: 'Accepted'   # a comment`.
_FIELD = LazyPattern(r"^(-[ \t]+|[ \t]+)([A-Za-z_][\w-]*)(:[ \t]*)"
                     r"('(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\"|[^#]*?)[ \t]*(?:#.*)?$")
_WRITE = "{}, so decisionbook cannot edit it line by line; nothing was written: edit it by hand"


@named
class _Entry:
    start: int  # its first line, `- ...`
    fields: dict  # key -> the index of its line
    value: dict  # what YAML reads


def _lines(data: bytes) -> tuple[str, list[str], str]:
    """(BOM, lines with their ends, line end) of the list."""
    text = data.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text[len(bom) :].splitlines(keepends=True)
    return bom, lines, "\r\n" if lines and lines[0].endswith("\r\n") else "\n"


def _located(data: bytes, shown: str) -> tuple[str, list[str], str, list[_Entry]]:
    """The list's lines and each entry's, paired with what YAML reads of it; raises where they do not pair up (an
    entry written in flow style, or keys indented otherwise than the entry's first)."""
    bom, lines, newline = _lines(data)
    read = _entries(data, shown)
    located, column = [], None
    for index, line in enumerate(lines):
        field = _FIELD.match(line.rstrip("\r\n"))
        if line.startswith("-"):
            located.append(_Entry(index, {}, {}))
            column = len(field.group(1)) if field else None
        if field and located and len(field.group(1)) == column:
            located[-1].fields.setdefault(field.group(2), index)
    if not isinstance(read, list) or len(read) != len(located) or any(
            not isinstance(value, dict) or set(value) != set(entry.fields) for value, entry in zip(read, located)):
        raise DecisionbookError(_WRITE.format("its entries are not one `key: value` a line"), shown)
    for value, entry in zip(read, located):
        entry.value.update(value)
    return bom, lines, newline, located


def _value_span(line: str) -> tuple[int, int]:
    field = _FIELD.match(line.rstrip("\r\n"))
    return field.start(4), field.end(4)


def _quoted(value: str, like: str) -> str:
    """*value* quoted as *like* is (`'...'`, `"..."`), or plain where *like* is and YAML reads it back as written."""
    if like.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    if like.startswith('"'):
        import json

        return json.dumps(value, ensure_ascii=False)
    from toolkit.records.strictyaml import load_yaml

    try:
        plain = value and _text(load_yaml(f"k: {value}\n").get("k")) == value
    except DecisionbookError:
        plain = False
    return value if plain else _quoted(value, "'")


def with_status(data: bytes, page: str, word: str, shown: str) -> bytes:
    """The list *data* with the status of the entry naming *page* written *word*, on its line alone; the quoting and
    a comment after it stay."""
    bom, lines, _, located = _located(data, shown)
    entry = next((entry for entry in located if entry.value.get("file") == page), None)
    if entry is None or "status" not in entry.fields:
        raise DecisionbookError(_WRITE.format(f"no entry of {page} has a status line"), shown)
    line = lines[entry.fields["status"]]
    begin, end = _value_span(line)
    lines[entry.fields["status"]] = line[:begin] + _quoted(word, line[begin:end]) + line[end:]
    return _reads_back((bom + "".join(lines)).encode("utf-8"), page, word, shown)


def with_entry(data: bytes, page: str, number: int | None, title: str, status: str, day: str, shown: str) -> bytes:
    """The list *data* with an entry of the new record *page* after its last, written as that one is: its keys in
    their order, each quoted as there, and a blank line before it where one stands before that one. The entry
    holds the record's name (`RFC-0004`, numbered as the last one's), title, file, *status* and the day it was
    *submitted*; any other key is left empty (`''`, or `[]` where the last entry holds a list)."""
    bom, lines, newline, located = _located(data, shown)
    if not located:
        raise DecisionbookError(_WRITE.format("it has no entry to write a new one like"), shown)
    last = located[-1]
    name = str(last.value.get("name") or "")
    digits = re.search(r"\d+", name)
    filled = {"title": title, "file": page, "status": status, "submitted": day}
    if digits and number is not None:
        filled["name"] = f"{name[: digits.start()]}{number:0{len(digits.group())}d}{name[digits.end() :]}"
    entry = []
    for key, index in last.fields.items():
        line = lines[index].rstrip("\r\n")
        field = _FIELD.match(line)
        written = field.group(4)
        if key in filled:
            value = _quoted(filled[key], written)
        else:
            value = "[]" if isinstance(last.value[key], list) else _quoted("", written or "'")
        between = field.group(3) if field.group(3) != ":" else ": "  # `area:` above its block list: `area: []`
        entry.append(f"{line[: field.start(3)]}{between}{value}{newline}")
    text = "".join(lines)
    if text and not text.endswith("\n"):
        text += newline
    if last.start and not lines[last.start - 1].strip() and not text.endswith(f"{newline}{newline}"):
        text += newline
    return _reads_back((bom + text + "".join(entry)).encode("utf-8"), page, status, shown)


def _reads_back(data: bytes, page: str, status: str, shown: str) -> bytes:
    """*data*, where it reads as giving *page* the *status*; an edit the list's layout defeats is never written."""
    listed, problem = _parsed(data, shown)
    if problem is not None or not any(entry.file == page and entry.status == status for entry in listed):
        raise DecisionbookError(_WRITE.format("the edit would not read back"), shown)
    return data
