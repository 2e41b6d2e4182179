"""Writes that never tear a file: exclusive create, locked temp-file-and-rename, single-call appends."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_held: list[int] = []  # the Ctrl-C an `uninterrupted` block holds back


def _hold(signum, frame) -> None:
    _held.append(signum)


@contextlib.contextmanager
def uninterrupted():
    """Hold Ctrl-C (SIGINT) back until the block's writes are all done, then let it stop the command.

    A Ctrl-C landing between a write's steps (a temporary file made, not yet renamed) or between the files
    one change spans (a verdict and its card) would leave them for `decide check` to name; a kill still can.
    """
    # The C module `signal` wraps: the wrapper builds its enums at import, a cost `adr new` would pay each run.
    import _signal as signal

    try:
        previous = signal.signal(signal.SIGINT, _hold)
    except ValueError:  # not the main thread, which alone receives signals
        yield
        return
    if previous is _hold:  # within another such block, which lets the signal go at its end
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if _held:
            _held.clear()
            if callable(previous):
                previous(signal.SIGINT, None)  # Python's own handler raises KeyboardInterrupt
            elif previous == signal.SIG_DFL:
                signal.raise_signal(signal.SIGINT)


def _temporary(path: Path) -> tuple[Path, int]:
    """A new temporary file `.NAME.RANDOM.tmp` beside *path*, as `files.leftover_temps` knows them, open to write."""
    while True:
        tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            # Created like any new file, so the user's umask applies; O_EXCL never follows a link.
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue


def _write_all(fd: int, data: bytes, durable: bool = True) -> None:
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        if durable:
            os.fsync(handle.fileno())


def create_exclusive(path: Path, data: bytes) -> bool:
    """Create *path* holding *data*, whole or not at all; return False, touching nothing, if it already exists.

    The data is written to a temporary file first and hard-linked to *path*, which fails if *path*
    exists: a process killed midway leaves a temporary file (`decide check` names it), never an
    empty or half-written *path* holding its number.
    """
    with uninterrupted():
        tmp, fd = _temporary(path)
        try:
            _write_all(fd, data)
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
                    raise
                return _create_in_place(path, data)  # a file system without hard links (FAT, some shares)
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_dir(path.parent)
    return True


def _create_in_place(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except FileExistsError:
        return False
    try:
        _write_all(fd, data)
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
        with uninterrupted():
            tmp, fd = _temporary(path)
            try:
                _write_all(fd, data, durable)
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(tmp, os.stat(path).st_mode & 0o7777)
                os.replace(tmp, path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            if durable:
                _fsync_dir(path.parent)


def append_line(path: Path, line: str) -> None:
    """Append one record; a single write() so a crash can tear at most this last line.

    A write cut short (a full disk, a file size limit) is taken back: the ledger is left as it was and
    the error names it. A ledger that is not a regular file (a FIFO) is refused without waiting.
    """
    if "\n" in line:
        raise ValueError("a ledger record must be a single line")
    data = (line + "\n").encode("utf-8")
    try:
        # O_NOFOLLOW: a ledger that is a symbolic link is refused, not followed out of the workspace.
        # O_NONBLOCK and O_RDWR: a FIFO opens at once, without a reader, and is refused below.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY
                     | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            files.require_writable(path)
        raise DecisionbookError(f"cannot write: {exc.strerror}", path) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DecisionbookError(f"cannot write: not a regular file ({files.kind(mode)})", path)
        # Appends take turns, so the length before this one is where a failed one must cut back to.
        fcntl.flock(fd, fcntl.LOCK_EX)
        start = os.fstat(fd).st_size
        # A torn last line from an earlier crash must not swallow this record.
        if start and os.pread(fd, 1, start - 1) != b"\n":
            data = b"\n" + data
        try:
            done = 0
            while done < len(data):  # one write, unless the disk fills: the rest then fails, saying why
                done += os.write(fd, data[done:])
            os.fsync(fd)
        except OSError as exc:
            os.ftruncate(fd, start)
            raise DecisionbookError(f"cannot write: {exc.strerror}; nothing was recorded", path) from None
    finally:
        os.close(fd)


_folders: set[str] = set()  # folders this process holds locked: a second flock of its own would wait for ever


@contextlib.contextmanager
def folder_lock(folder: Path):
    """Hold an exclusive lock on *folder* so concurrent processes pick distinct numbers in it.

    A command that also locks records in it takes the folder's lock first, so no two commands hold one
    each and wait for the other's; taking it again inside is a no-op.
    """
    key = os.path.realpath(folder)
    if key in _folders:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        _folders.add(key)
        try:
            yield
        finally:
            _folders.discard(key)
    finally:
        os.close(fd)
