"""What `decide adr list` prints: the ADRs as rows in a format, the error it ends with, and a cache of it.

Inside git the printed text is kept (see parsecache) under a hash of everything it comes from: the
bytes and names of every file in the ADR folder, the workspace paths, the options and the code that
builds it. A warm `decide adr list` then reads and hashes the files and prints, without parsing,
unpickling records or importing the ADR parser.
"""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import parsecache
from toolkit.workspace import Workspace

COLUMNS = ["number", "title", "status", "date", "path"]
_HERE = Path(__file__).resolve().parents[1]
# The code between the files and the printed text: a listing kept by other code is never reused.
_SOURCES = ("records/*.py", "actions/adr*.py", "workspace.py", "errors.py")


def _key(ws: Workspace, status: str | None, fmt: str) -> bytes | None:
    """A hash of every input of the listing, or None when the folder holds more than plain files."""
    hasher = parsecache.blake2b(digest_size=16)
    for pattern in _SOURCES:
        for path in sorted(_HERE.glob(pattern)):
            hasher.update(path.read_bytes())
    hasher.update(repr((str(ws.root), str(ws.adr_dir), status, fmt)).encode())
    try:
        with os.scandir(ws.adr_dir) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        for entry in entries:
            # A folder, link or device could change what is listed without changing these bytes.
            if not entry.is_file(follow_symlinks=False):
                return None
            data = _read(entry.path)
            hasher.update(b"%s\0%d\0" % (os.fsencode(entry.name), len(data)))
            hasher.update(data)
    except OSError:
        return None
    return hasher.digest()


# Never follow a link or wait on a pipe that replaced a file since the folder was listed.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _read(path: str) -> bytes:
    # Unbuffered reads: a third of the time of open().read() over 1,000 small files.
    fd = os.open(path, _READ_FLAGS)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _listing(ws: Workspace, status: str | None, fmt: str) -> tuple[str, DecisionbookError | None]:
    from toolkit.actions.adrs import decision_row, list_decisions
    from toolkit.records.table import render

    decisions = list_decisions(ws, status)
    rows = [decision_row(ws, record) for record in decisions.records]
    if fmt != "json":
        rows = [{**row, "number": row["number"] if row["number"] is not None else row["key"]} for row in rows]
    error = None
    if decisions.unreadable:
        first = decisions.unreadable[0]
        more = len(decisions.unreadable) - 1
        suffix = f" (and {more} more unreadable ADR files; `decide check` lists them)" if more else ""
        error = DecisionbookError(first.message + suffix, first.path, first.line)
    return render(rows, COLUMNS, fmt), error


def adr_listing(ws: Workspace, status: str | None = None, fmt: str = "table") -> tuple[str, DecisionbookError | None]:
    """The listing of *ws*'s ADRs (only *status* when given) in *fmt*, and the first unreadable file as an error.

    The listing shows every readable ADR even when some file cannot be read; the error then names
    that file and counts the others.
    """
    key = _key(ws, status, fmt) if parsecache.git_dir(ws.root) is not None else None
    if key is not None:
        cached = parsecache.load_blob(ws.root, f"adr-list-{fmt}", key)
        if cached is not None:
            return cached.decode("utf-8"), None
    text, error = _listing(ws, status, fmt)
    if key is not None and error is None:
        parsecache.save_blob(ws.root, f"adr-list-{fmt}", key, text.encode("utf-8"))
    return text, error
