"""The plainest front matter (`key: value`, `key: [a, b]`, a card's list of criteria) read without
PyYAML, exactly as StrictLoader reads it.

Most ADRs and cards hold nothing else, and reading 1,000 of them through a YAML parser costs far more
than the files do. Anything this reader is not sure of (quotes, blocks, indentation, tags, floats,
unusual characters, a duplicate key, an invalid date) makes it return None, and the caller asks the
strict YAML loader, which also words every error.
"""

from __future__ import annotations

import datetime as _dt
import re

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_INT = re.compile(r"[-+]?[0-9]{1,18}\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = ("", "~", "null", "Null", "NULL")
# A plain scalar that starts with one of these is something else in YAML, or may be.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NOT_SURE = object()


def _scalar(text: str, flow: bool):
    """What StrictLoader makes of the plain scalar *text*, or _NOT_SURE."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if (text[0] in _INDICATORS or ": " in text or text.endswith(":")
            or (flow and any(c in text for c in ",[]{}:#"))):
        return _NOT_SURE
    first = text[0]
    if first.isdigit() or first in "+.":
        if _INT.match(text):
            return int(text.lstrip("+"), 10)
        date = _DATE.match(text)
        if date:
            try:
                return _dt.date(int(date[1]), int(date[2]), int(date[3]))
            except ValueError:
                return _NOT_SURE
        return _NOT_SURE  # floats, times, hex and octal: left to YAML
    if text in ("<<", "="):
        return _NOT_SURE
    return text


def _value(text: str):
    if text.startswith("["):
        if not text.endswith("]"):
            return _NOT_SURE
        inner = text[1:-1].strip()
        if not inner:
            return []
        items = [_scalar(item.strip(), True) if item.strip() else _NOT_SURE for item in inner.split(",")]
        return _NOT_SURE if any(item is _NOT_SURE for item in items) else items
    return _scalar(text, False)


def _quoted(rest: str):
    """A one-line quoted scalar with nothing to unescape, then at most a comment; else _NOT_SURE."""
    quote = rest[0]
    end = rest.find(quote, 1)
    if end < 0:
        return _NOT_SURE
    inner, after = rest[1:end], rest[end + 1 :]
    if "\\" in inner or (after.strip() and not (after[0] == " " and after.lstrip().startswith("#"))):
        return _NOT_SURE
    return inner


def _entry(line: str, keys) -> tuple[str, object]:
    """The key and value of a `key: value` line (no indentation), or (None, _NOT_SURE)."""
    key, sep, rest = line.partition(":")
    if not sep or not _KEY.match(key) or key in keys or _scalar(key, False) != key:
        return None, _NOT_SURE
    if rest and rest[0] != " ":
        return None, _NOT_SURE
    text = rest.strip()
    if text[:1] in ("'", '"'):
        return key, _quoted(text)
    comment = rest.find(" #")
    if comment >= 0:
        rest = rest[:comment]
    return key, _value(rest.strip())


def _items(lines: list[str], start: int) -> tuple[list | None, int]:
    """A block list of one-line mappings from *start* (`  - key: value`, then `    key: value`):
    the list and the index after it, or None when the lines hold anything else."""
    first = lines[start]
    indent = len(first) - len(first.lstrip(" "))
    dash, inner = " " * indent + "- ", " " * (indent + 2)
    items: list[dict] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if line.startswith(dash):
            item: dict = {}
            items.append(item)
            line = line[len(dash) :]
        elif line.startswith(inner) and items:
            item = items[-1]
            line = line[len(inner) :]
        elif line and line[0] != " " and not (indent == 0 and line.startswith("-")):
            break  # the next top-level key
        else:
            return None, index
        key, value = _entry(line, item)
        if value is _NOT_SURE or value is None:  # an empty value may open a nested block
            return None, index
        item[key] = value
        index += 1
    return items, index


def load(text: str) -> dict | None:
    """The mapping *text* holds when every line is `key: plain value`, a comment, blank, or belongs to
    a block list of one-line mappings; else None."""
    # Tabs, control characters and Unicode line breaks (which splitlines would split on) are YAML's.
    if not text.replace("\r", "").replace("\n", "").isprintable():
        return None
    mapping: dict = {}
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line or line.startswith("#"):
            continue
        if line[0] == " ":
            return None
        key, value = _entry(line, mapping)
        if value is None and line.rstrip().endswith(":") and index < len(lines) and lines[index][:1] in (" ", "-"):
            value, index = _items(lines, index)
            if value is None:
                return None
        if value is _NOT_SURE:
            return None
        mapping[key] = value
    return mapping or None
