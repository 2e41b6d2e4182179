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

_INT = re.compile(r"[-+]?[0-9]{1,18}\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_WORDS = {**dict.fromkeys(("", "~", "null", "Null", "NULL")), **_BOOLS}  # what YAML reads as null or a bool
# Keys YAML reads as something other than their text.
_NOT_KEYS = frozenset(_WORDS) - {"", "~"}
# A plain scalar that starts with one of these is something else in YAML, or may be.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}:#")  # which inside a flow list may end an item or open another
_NOT_SURE = object()


def _scalar(text: str, flow: bool):
    """What StrictLoader makes of the plain scalar *text*, or _NOT_SURE."""
    if text in _WORDS:
        return _WORDS[text]
    if (text[0] in _INDICATORS or ": " in text or text.endswith(":")
            or (flow and not _FLOW_INDICATORS.isdisjoint(text))):
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


def _flow(text: str):
    """The one-line flow list *text* (`[a, b]`), or _NOT_SURE."""
    if not text.endswith("]"):
        return _NOT_SURE
    inner = text[1:-1].strip()
    if not inner:
        return []
    items = [_scalar(item.strip(), True) if item.strip() else _NOT_SURE for item in inner.split(",")]
    return _NOT_SURE if any(item is _NOT_SURE for item in items) else items


# One line: `key: value` (indented, or opening an item with `- `), or a blank or comment line. A value
# is quoted text with nothing to unescape (quotes kept, so that `""` is told from no value), words that
# start with a letter and hold no colon (text, unless null or a bool), or other plain words up to a
# ` #` comment. No group backtracks, so matching stays linear.
_LINE = re.compile(
    r"""(?:( *)(- )?([A-Za-z_][A-Za-z0-9_-]*):(?: +(?:("[^"\\\n]*"|'[^'\n]*')"""
    r"""|([A-Za-z][^ \n:]*(?: +[^ \n#:][^ \n:]*)*)|([^ \n#'"][^ \n]*(?: +[^ \n#][^ \n]*)*)))? *(?:(?<= )#[^\n]*)?"""
    r"""| *(?:#[^\n]*)?)"""
)
_BLANK = ("", "", "", None, False)
# Cards repeat lines (`status: active`, `    must: true`): each distinct one is read once per process.
_SEEN: dict[str, tuple] = {}
_SEEN_MAX = 10_000


def _line(line: str) -> tuple | None:
    """(indentation, dash, key, value, whether a block list may follow) for a `key: value` line,
    _BLANK for a blank or comment line, None for a line this reader leaves to YAML."""
    # Tabs, control characters and Unicode line breaks are YAML's.
    match = _LINE.fullmatch(line) if line.isprintable() else None
    if match is None:
        return None
    spaces, dash, key, quoted, words, plain = match.groups()
    if not key:
        return _BLANK
    if key in _NOT_KEYS:
        return None
    if words:
        value = _WORDS.get(words, words)
    elif quoted:
        value = quoted[1:-1]
    elif plain:
        value = _flow(plain) if plain[0] == "[" else _scalar(plain, False)
        if value is _NOT_SURE:
            return None
        if type(value) is list:
            value = tuple(value)  # kept read-only; each mapping gets its own list
    else:
        return spaces, dash or "", key, None, True
    return spaces, dash or "", key, value, False


def load(text: str) -> dict | None:
    """The mapping *text* holds when every line is `key: plain value`, a comment, blank, or belongs to
    a block list of one-line mappings; else None."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    mapping: dict = {}
    opener = None  # a top-level key with nothing after its colon, which a block list may follow
    items: list | None = None  # that block list, once its first item is seen
    inner = ""  # the indentation of its items' keys after the first
    for line in text.split("\n"):
        entry = _SEEN.get(line)
        if entry is None:
            entry = _line(line)
            if entry is None:
                return None
            if len(_SEEN) < _SEEN_MAX:
                _SEEN[line] = entry
        spaces, dash, key, value, opens = entry
        if not key:
            continue
        if type(value) is tuple:
            value = list(value)
        if not spaces and not dash:
            if key in mapping:
                return None
            mapping[key] = value
            opener = key if opens else None
            items = None
        elif dash:
            if items is None:
                if opener is None:
                    return None
                items = mapping[opener] = []
                inner, opener = spaces + "  ", None
            elif spaces + "  " != inner:
                return None
            item: dict = {}
            items.append(item)
            # An empty value would open a nested block: YAML's to read.
            if value is None:
                return None
            item[key] = value
        elif spaces != inner or items is None or key in item or value is None:
            return None
        else:
            item[key] = value
    return mapping or None
