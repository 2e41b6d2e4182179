"""Safe file names from titles: ASCII words joined by '-', bounded, never a path or a dot file."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60

_WORD = re.compile(r"[a-z0-9]+")


def slugify(title: str, max_length: int = MAX_SLUG) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = _WORD.findall(ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "untitled"
