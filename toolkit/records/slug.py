"""Safe file names from titles: words joined by '-', bounded, never a path or a dot file."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60

_WORD = re.compile(r"[A-Za-z0-9]+")
_LETTERS = re.compile(r"[^\W_]+")  # letters and digits of any script: never a separator or a dot


# Latin letters that are no accented letter, so that decomposing them leaves nothing: `løsning` was `lsning`.
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "đ": "d",
                       "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"})


def slugify(title: str, max_length: int = MAX_SLUG, accents: bool = False, cased: bool = False) -> str:
    """ASCII words of *title* (`Wähle Café` -> `wahle-cafe`, `Ny løsning` -> `ny-losning`); a title with
    none, written in another script, keeps its own letters (`使用 Redis 缓存` -> `redis`, `生成图形` -> `生成图形`);
    with *accents*, every word keeps its letters as written (`Decisão sobre força` -> `decisão-sobre-força`); with
    *cased*, its capitals (`Use Knative` -> `Use-Knative`)."""
    def case(text: str) -> str:
        return text if cased else text.lower()

    letters = _LETTERS.findall(case(unicodedata.normalize("NFC", title)))
    if accents:
        words = letters
    else:
        folded = unicodedata.normalize("NFKD", title.translate(_FOLD)).encode("ascii", "ignore").decode("ascii")
        words = _WORD.findall(case(folded)) or letters
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "untitled"
