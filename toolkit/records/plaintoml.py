"""The plainest decisionbook.toml (`[table]` headers, `key = "text"`, numbers such as 14 and 0.7,
true and false, comments) read without tomllib, exactly as tomllib reads it.

A team's settings are a few such lines, and importing tomllib (with typing and datetime) cost the
hottest commands more than reading their ADR folder. Anything else (arrays, exponents, dates, quoted or
dotted keys, escapes, a repeated key) makes `load` return None, and tomllib reads the file and words
every error.
"""

from __future__ import annotations

import re

# Control characters other than tab may not appear in a TOML string or comment.
_TEXT = r"[^\"\\\x00-\x08\x0a-\x1f\x7f]"
_LINE = re.compile(
    rf"[ \t]*(?:\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]|([A-Za-z0-9_-]+)[ \t]*=[ \t]*"
    rf"(?:\"({_TEXT}*)\"|(true|false)|(-?(?:0|[1-9][0-9]{{0,17}})(?:\.[0-9]+)?)))?[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
)


def load(text: str) -> dict | None:
    """The mapping *text* holds when every line is a table header, `key = plain value`, a comment or
    blank; else None."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # a file saved on Windows
        if "\r" in text:
            return None  # a carriage return on its own: tomllib's to refuse
    document: dict = {}
    table = document
    for line in text.split("\n"):
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        header, key, string, word, number = match.groups()
        if header is not None:
            if header in document:
                return None
            table = document[header] = {}
        elif key is not None:
            if key in table:
                return None
            if string is not None:
                table[key] = string
            elif word is not None:
                table[key] = word == "true"
            else:
                table[key] = float(number) if "." in number else int(number)
    return document
