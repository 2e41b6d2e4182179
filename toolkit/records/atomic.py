"""Writes that never tear a file: exclusive create, locked temp-file-and-rename, single-call appends."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from pathlib import Path

from toolkit.records import files


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_exclusive(path: Path, data: bytes) -> bool:
    """Create *path* holding *data*; return False, touching nothing, if it already exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return True


def replace(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace the contents of *path* by writing a temporary file beside it and renaming it over.

    Holds the file's lock, so what a killed earlier write left behind (`.NAME.*.tmp`) is removed
    first; a symbolic link is refused, never followed or replaced. *durable* False skips fsync,
    for files that may be lost in a crash (the parse cache).
    """
    files.require_writable(path)
    with files.locked(path):
        files.remove_leftover_temps(path)
        while True:
            tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
            try:
                # Created like any new file, so the user's umask applies; O_EXCL never follows a link.
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
                break
            except FileExistsError:
                continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            with contextlib.suppress(FileNotFoundError):
                os.chmod(tmp, os.stat(path).st_mode & 0o7777)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        if durable:
            _fsync_dir(path.parent)


def append_line(path: Path, line: str) -> None:
    """Append one record; a single write() so a crash can tear at most this last line."""
    if "\n" in line:
        raise ValueError("a ledger record must be a single line")
    data = (line + "\n").encode("utf-8")
    try:
        # O_NOFOLLOW: a ledger that is a symbolic link is refused, not followed out of the workspace.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            files.require_writable(path)
        raise
    try:
        # A torn last line from an earlier crash must not swallow this record.
        if os.fstat(fd).st_size:
            with open(path, "rb") as reader:
                reader.seek(-1, os.SEEK_END)
                if reader.read(1) != b"\n":
                    data = b"\n" + data
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def folder_lock(folder: Path):
    """Hold an exclusive lock on *folder* so concurrent processes pick distinct numbers in it."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
