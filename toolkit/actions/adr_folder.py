"""The ADR folder as the texts built from it see it: a hash of all it holds, and paths as messages show them.

A text built from the folder (`decide adr list`'s listing, `decide adr index`'s table) is kept
(see parsecache) under a hash of everything it comes from: the bytes and names of every file in
the folder, the workspace's paths and settings, the options and the code that builds it. Using a
kept text then costs reading and hashing the files, without parsing or importing the ADR parser.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from toolkit.records.hashes import blake2b
from toolkit.workspace import Workspace

_HERE = Path(__file__).resolve().parents[1]
# The code between the files and the texts: a text kept by other code is never reused.
_SOURCES = ("records/*.py", "actions/adr*.py", "workspace.py", "errors.py")


def folder_key(ws: Workspace, *options, skip: str | None = None) -> bytes | None:
    """A hash of every input of a text built from *ws*'s ADR folder with *options*, or None when the
    folder holds more than plain files. The file named *skip* (the text's own file) is left out."""
    hasher = blake2b(digest_size=16)
    for pattern in _SOURCES:
        for path in sorted(_HERE.glob(pattern)):
            hasher.update(path.read_bytes())
    # The workspace's repr holds its paths and every setting, the team's status words included.
    hasher.update(repr((ws, options)).encode())
    try:
        with os.scandir(ws.adr_dir) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        for entry in entries:
            if entry.name == skip:
                continue
            # A folder, link or device could change what is listed without changing these bytes.
            if not entry.is_file(follow_symlinks=False):
                return None
            data = _read(entry.path, ws.config.max_file_bytes)
            if data is None:  # too large to read: the text reports it, uncached
                return None
            hasher.update(b"%s\0%d\0" % (os.fsencode(entry.name), len(data)))
            hasher.update(data)
    except OSError:
        return None
    return hasher.digest()


# Never follow a link or wait on a pipe that replaced a file since the folder was listed.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def _read(path: str, limit: int) -> bytes | None:
    """The file's bytes, or None when it holds more than *limit*."""
    # Unbuffered reads: a third of the time of open().read() over 1,000 small files.
    fd = os.open(path, _READ_FLAGS)
    try:
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 16):
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def shown_path(ws: Workspace, path: Path) -> str:
    """*path* relative to the workspace root, as messages show it."""
    if path == ws.root:
        return "."
    # Split the text, not the Path: listing 1,000 ADRs would build 1,000 parent Paths.
    folder, name = os.path.split(str(path))
    return _relative(str(ws.root), folder) + name


@functools.lru_cache(maxsize=16)
def _relative(root: str, folder: str) -> str:
    try:
        relative = Path(folder).relative_to(root).as_posix()
    except ValueError:
        return str(folder) + "/"
    return "" if relative == "." else relative + "/"
