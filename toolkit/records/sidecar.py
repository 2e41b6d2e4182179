"""A record's fields kept in a file beside its page (a KEP's `kep.yaml`), read and edited as its front matter."""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import atomic, files
from toolkit.records.adr_words import FOLDER_PAGES, folder_record

NAME = "kep.yaml"
# The words kep.yaml writes for decisionbook's statuses, where it has one that reads back as that status.
WORDS = {"proposed": "provisional", "accepted": "implementable", "superseded": "replaced"}
_BOM = b"\xef\xbb\xbf"


def beside(path: Path) -> Path | None:
    """The fields file read with *path*, the page of a record kept as a folder (`1441-x/README.md` by
    `1441-x/kep.yaml`); None when there is none, or when the page keeps front matter of its own."""
    if path.name.lower() not in FOLDER_PAGES or not folder_record(path.parent.name):
        return None
    fields = path.parent / NAME
    try:
        if not fields.is_file() or fields.is_symlink():
            return None
        with open(path, "rb") as page:
            own = own_front_matter(page.read(6))
    except OSError:
        return None
    return None if own else fields


def shown_beside(shown: str) -> str:
    """The fields file's path as messages show it, from its page's."""
    folder = shown.rpartition("/")[0]
    return f"{folder}/{NAME}" if folder else NAME


def read(path: Path, limit: int | None = files.DEFAULT_LIMIT, root: Path | None = None, shown=None) -> bytes:
    """*path*'s bytes; with a fields file beside it, those fields first, between `---` lines, as front matter."""
    data = files.read_bytes(path, limit, root, shown)
    fields = beside(path)
    if fields is None:
        return data
    return joined(data, files.read_bytes(fields, limit, root, shown_beside(shown) if shown else None),
                  shown_beside(shown) if shown else fields)


def own_front_matter(page: bytes) -> bool:
    """Whether the bytes of a page open with front matter of its own, which is then read without a fields file."""
    return page[:6].removeprefix(_BOM).startswith((b"---", b"+++"))


def joined(page: bytes, kept: bytes, where) -> bytes:
    """The fields *kept* (the file at *where*) before the *page*, between `---` lines, as `read` gives them."""
    for number, line in enumerate(kept.splitlines(), start=1):
        if line.rstrip() in (b"---", b"..."):  # it would end the fields joined as front matter, and split them
            raise DecisionbookError("a document marker (`---` or `...`): its fields are read as one YAML "
                                    "document without them; remove the line", where, number)
    if kept and not kept.endswith((b"\n", b"\r")):
        kept += _ending(kept)
    return b"---\n" + kept + b"---\n" + page


def _ending(kept: bytes) -> bytes:
    """The line ending of the fields *kept*: `\r\n`, `\r` alone (a classic Mac file), else `\n`, so that a line
    added to them ends as theirs do."""
    return b"\r\n" if b"\r\n" in kept else b"\r" if b"\r" in kept else b"\n"


_CLOSING = re.compile(rb"(?<=[\r\n])---\n")  # the fields have no such line: `read` refuses one


def _split(data: bytes) -> tuple[bytes, bytes]:
    """The fields and the page of bytes `read` joined."""
    end = _CLOSING.search(data, 4).start()
    return data[4:end], data[end + 4 :]


def write(path: Path, data: bytes) -> None:
    """Write *data*, bytes as `read` gives them, back: the fields to the file beside the page, the rest
    to the page; a file whose bytes stay the same is not written."""
    fields = beside(path)
    if fields is None:
        atomic.replace(path, data)
        return
    kept, page = _split(data)
    old = files.read_bytes(fields)
    if old and not old.endswith((b"\n", b"\r")):
        kept = kept.removesuffix(_ending(old))  # its last line had no line end: `read` gave it one
    if kept != old:
        atomic.replace(fields, kept)
    if page != files.read_bytes(path):
        atomic.replace(path, page)


def place(path: Path, shown: str, line: int | None) -> tuple[str, int | None]:
    """Where line *line* of *path*'s bytes as `read` joins them stands: in the fields file or on the page."""
    fields = beside(path)
    if fields is None or line is None:
        return shown, line
    try:
        kept = files.read_bytes(fields)
    except OSError:
        return shown, line
    closing = 2 + len(kept.splitlines())
    if line > closing:
        return shown, line - closing
    return shown_beside(shown), line - 1 if 1 < line < closing else None


def placed(finding, path: Path):
    """*finding* about *path*'s joined bytes, at the file and line that hold it."""
    where, line = place(path, finding.path, finding.line)
    return finding._replace(path=where, line=line) if (where, line) != (finding.path, finding.line) else finding
