"""User text that is safe to store and to show: no NUL, bidi and control characters made visible."""

from __future__ import annotations

import functools
import re

from toolkit.errors import DecisionbookError

# Bidirectional overrides and isolates can make text read differently from what it is.
HIDDEN_CHARACTERS = r"\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069"


@functools.cache  # compiled at the first text that needs it: most commands print none
def _hidden(in_a_line: bool) -> re.Pattern:
    return re.compile(f"[{HIDDEN_CHARACTERS}\t\n]" if in_a_line else f"[{HIDDEN_CHARACTERS}]")


def _shown(match: re.Match) -> str:
    return f"<U+{ord(match.group()):04X}>"


def visible(text: str) -> str:
    """*text* with control and bidi characters shown as `<U+202E>`, so nothing is disguised."""
    # Every hidden character is one Python does not print: text it prints whole has none.
    return text if text.isprintable() else _hidden(False).sub(_shown, text)


def visible_line(text: str) -> str:
    """*text* as `visible` shows it, its tabs and line breaks too: one cell of a table stays one cell."""
    return text if text.isprintable() else _hidden(True).sub(_shown, text)


def one_line(text: str, what: str) -> str:
    """Validate a one-line user value (title, reason, note): no NUL, no line breaks, not blank."""
    if "\x00" in text:
        raise DecisionbookError(f"{what} contains a NUL character")
    if "\n" in text or "\r" in text:
        raise DecisionbookError(f"{what} must be one line")
    if not text.strip():
        raise DecisionbookError(f"{what} must not be empty")
    return text.strip()


def digits_hint(text: str) -> str:
    """A note for a message about a number written with digits other than ASCII 0-9, else ""."""
    if any(c.isdigit() and not c.isascii() for c in text):
        return " (numbers are written with the digits 0-9 only)"
    return ""
