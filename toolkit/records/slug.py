"""Safe file names from titles: words joined by '-', bounded, never a path or a dot file."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60

_WORD = re.compile(r"[a-z0-9]+")
_LETTERS = re.compile(r"[^\W_]+")  # letters and digits of any script: never a separator or a dot


def slugify(title: str, max_length: int = MAX_SLUG) -> str:
    """ASCII words of *title* (`Wähle Café` -> `wahle-cafe`); a title with none, written in another
    script, keeps its own letters (`使用 Redis 缓存` -> `redis`, `生成图形` -> `生成图形`)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = _WORD.findall(ascii_text) or _LETTERS.findall(unicodedata.normalize("NFC", title).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "untitled"
