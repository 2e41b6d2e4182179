"""Opening the files records live in: regular files only, bounded reads, per-file edit locks, leftover temporaries."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import time
from pathlib import Path

from toolkit.errors import DecisionbookError

DEFAULT_LIMIT = 4 * 1024 * 1024  # bytes; `[limits] max_file_mib` in decisionbook.toml
LOCK_WAIT = 10.0  # seconds a writer waits for another one's lock before giving up
_SILENT_LOCK_AGE = 5.0  # a lock still empty this long after creation was left by a writer killed at once
_FOREIGN_LOCK_AGE = 600.0  # a lock taken on another host (a shared folder) is trusted this long
# `.NAME.RANDOM.tmp`: twelve hex digits from `atomic.replace`, eight from tempfile in older versions.
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?:[0-9a-f]{12}|[a-z0-9_]{8})\.tmp$")


def read_bytes(path: Path, limit: int | None = DEFAULT_LIMIT, root: Path | None = None, shown=None) -> bytes:
    """The bytes of the regular file *path*, at most *limit* of them.

    A FIFO, a device or a folder is refused without waiting or reading; with *root*, so is a
    symbolic link to a file outside it. A missing file raises FileNotFoundError; every other
    problem a DecisionbookError naming *shown* (default *path*).
    """
    where = shown if shown is not None else path
    fd = open_regular(path, root, shown)
    try:
        size = os.fstat(fd).st_size
        if limit is not None and size > limit:
            raise DecisionbookError(too_big(size, limit), where)
        chunks, done = [], 0
        while True:
            # Read to the end rather than trusting st_size: the file may grow meanwhile.
            chunk = os.read(fd, max(size - done, 0) + 65536)
            if not chunk:
                return b"".join(chunks)
            done += len(chunk)
            if limit is not None and done > limit:
                raise DecisionbookError(too_big(done, limit), where)
            chunks.append(chunk)
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc.strerror}", where) from None
    finally:
        os.close(fd)


def open_regular(path: Path, root: Path | None = None, shown=None) -> int:
    """A file descriptor open for reading the regular file *path*, refused as `read_bytes` refuses; the caller closes it."""
    where = shown if shown is not None else path
    try:
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer that never comes.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (os.O_NOFOLLOW if root else 0))
        except OSError as exc:
            if exc.errno != errno.ELOOP or root is None:
                raise
            _require_inside(path, root, where)
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc.strerror}", where) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DecisionbookError(f"cannot read: not a regular file ({kind(info.st_mode)})", where)
    except OSError as exc:
        os.close(fd)
        raise DecisionbookError(f"cannot read: {exc.strerror}", where) from None
    except BaseException:
        os.close(fd)
        raise
    return fd


def is_folder(entry: os.DirEntry) -> bool:
    """Whether the folder entry *entry* is a folder or a link to one; a link that loops is not (reading it says why)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def kind(mode: int) -> str:
    """What a file of *mode* that is not a regular file is, for a message."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def too_big(size: int, limit: int) -> str:
    return (f"cannot read: larger than the {_as_written(limit)} MiB limit for one file "
            f"(at least {size / 1048576:.3g} MiB; raise [limits] max_file_mib in decisionbook.toml)")


def _as_written(limit: int) -> str:
    """The *limit* in bytes as `max_file_mib` wrote it: the shortest figure whose bytes it is. A limit of 0.001 MiB
    is 1,048 bytes, which three figures name 0.000999 MiB."""
    mib = limit / 1048576
    # Seventeen figures always give the bytes back.
    return next(shown for digits in range(1, 18) if int(float(shown := f"{mib:.{digits}g}") * 1048576) == limit)


def _require_inside(path: Path, root: Path, where) -> None:
    target = Path(os.path.realpath(path))
    root = Path(os.path.realpath(root))
    if target != root and root not in target.parents:
        raise DecisionbookError(f"cannot read: a symbolic link to {target}, outside the workspace", where)


def require_writable(path: Path, shown=None) -> None:
    """Refuse to write *path* when it is a symbolic link: a write never follows one."""
    if os.path.islink(path):
        where = shown if shown is not None else path
        raise DecisionbookError(
            f"refusing to write through a symbolic link (to {os.readlink(path)}); replace it with a regular file", where
        )


def leftover_temps(folder: Path, name: str | None = None) -> list[Path]:
    """Temporary files `.NAME.*.tmp` that a killed write left in *folder* (only those of *name*, when given)."""
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _TEMP.match(entry)
        if match and (name is None or match.group("name") == name):
            found.append(Path(folder) / entry)
    return found


def remove_leftover_temps(path: Path) -> None:
    """Delete what killed writes of *path* left beside it; call it holding *path*'s lock."""
    for temp in leftover_temps(path.parent, path.name):
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


# --- locks -------------------------------------------------------------------------------------

_held: dict[str, int] = {}  # lock path -> depth, so a writer may lock a file it already holds


def lock_path(path: Path) -> Path:
    """The lock file of *path*: `NAME.lock` beside it, as git names its own."""
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def locked(path: Path, shown=None, task: str | None = None):
    """Hold *path*'s lock for a whole read-modify-write, so concurrent edits run one after another.

    The lock is `NAME.lock`, created exclusively and holding this process's id, host and start
    time, and *task*: the command that finishes the work should the process end first (`decide check`
    names it); a lock whose process is gone is taken over (see `_stale`).
    """
    lock = lock_path(Path(path))
    key = os.path.abspath(lock)
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    fd = _acquire(lock, shown if shown is not None else path, task)
    _held[key] = 1
    try:
        yield
    finally:
        del _held[key]
        try:
            # Remove only our own lock: never one that replaced it.
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                os.unlink(lock)
        except FileNotFoundError:
            pass
        finally:
            os.close(fd)


def _acquire(lock: Path, where, task: str | None = None) -> int:
    import json  # only writers pay for it, not `decide adr list`

    deadline = time.monotonic() + LOCK_WAIT
    pause = 0.002
    while True:
        # Who we are is found before the lock exists: a lock stays empty only for one write, never
        # while this process imports or reads /proc, so a waiting writer does not take it for a dead one's.
        holder = (json.dumps({**_me(), "task": task} if task else _me()) + "\n").encode()
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            pass
        except FileNotFoundError:
            raise DecisionbookError("cannot lock: the folder does not exist", where) from None
        except OSError as exc:
            raise DecisionbookError(f"cannot lock ({lock.name}): {exc.strerror}", where) from None
        else:
            try:
                os.write(fd, holder)
            except OSError as exc:  # a full disk: leave no lock behind that others must wait out
                os.close(fd)
                lock.unlink(missing_ok=True)
                raise DecisionbookError(f"cannot lock ({lock.name}): {exc.strerror}", where) from None
            return fd
        if _break_if_stale(lock):
            continue
        if time.monotonic() > deadline:
            raise DecisionbookError(f"another process is editing this file ({_describe(lock)}); "
                                    f"try again, or delete {lock.name} if no such process runs", where)
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


_ME: dict | None = None


def _me() -> dict:
    global _ME
    if _ME is None:
        import socket
        pid = os.getpid()
        _ME = {"pid": pid, "host": socket.gethostname(), "boot": _boot_id(), "start": _start_time(pid), "at": time.time()}
    return {**_ME, "at": time.time()}


def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return None


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def _start_time(pid: int) -> str | None:
    fields = _proc_stat(pid)
    return fields[19] if fields and len(fields) > 19 else None


def _holder(fd: int) -> dict | None:
    import json

    try:
        data = json.loads(os.pread(fd, 4096, 0))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and type(data.get("pid")) is int else None


def _stale(holder: dict | None, age: float) -> bool:
    """Whether the process that wrote a lock is certainly gone.

    On this host: its pid is free, a zombie, or a newer process (another start time or boot).
    On another host nothing can be asked, so only a lock far older than any edit is stale.
    """
    if holder is None:
        return age > _SILENT_LOCK_AGE  # killed between creating the lock and writing it
    me = _me()
    if holder.get("host") != me["host"]:
        return age > _FOREIGN_LOCK_AGE
    if holder.get("boot") and me["boot"] and holder["boot"] != me["boot"]:
        return True
    fields = _proc_stat(holder["pid"])
    if fields is not None:
        return fields[0] == "Z" or (holder.get("start") is not None and _start_time(holder["pid"]) != holder["start"])
    try:
        os.kill(holder["pid"], 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _break_if_stale(lock: Path) -> bool:
    """Remove *lock* if its holder is gone; True when it was removed (or already gone)."""
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        # Breakers take turns on the old lock's flock and check that the name still means that
        # very file: two of them can never remove a lock that a third has just taken.
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            now = os.stat(lock)
        except FileNotFoundError:
            return True
        mine = os.fstat(fd)
        if (now.st_ino, now.st_dev) != (mine.st_ino, mine.st_dev):
            return True
        if not _stale(_holder(fd), time.time() - mine.st_mtime):
            return False
        os.unlink(lock)
        return True
    finally:
        os.close(fd)


def stale_locks(folder: Path) -> list[tuple[Path, dict]]:
    """The locks in *folder* that a process which has ended left behind, each with what it says of its holder.

    Only files that read as decisionbook's own locks count: a `poetry.lock` or `yarn.lock` is a project's file.
    """
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".lock"))
    except OSError:
        return []
    found = []
    for name in names:
        lock = Path(folder) / name
        try:
            fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            holder = _holder(fd) if stat.S_ISREG(info.st_mode) and info.st_size < 4096 else None
            if holder is not None and "host" in holder and _stale(holder, time.time() - info.st_mtime):
                found.append((lock, holder))
        finally:
            os.close(fd)
    return found


def remove_stale_locks(folder: Path) -> None:
    """Take over and remove the locks in *folder* whose process has ended, unless one marks a task still
    to finish (`locked`'s *task*, its file still there): `decide check` names that until it is run again.

    Locks of files that exist are also taken over by their next edit; this also clears those of files
    renamed or deleted since, which no edit takes again.
    """
    for lock, holder in stale_locks(folder):
        if not (holder.get("task") and lock.with_name(lock.name[: -len(".lock")]).exists()):
            _break_if_stale(lock)


def _describe(lock: Path) -> str:
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return lock.name
    try:
        holder = _holder(fd)
    finally:
        os.close(fd)
    if holder is None:
        return lock.name
    return f"{lock.name} held by process {holder['pid']} on {holder.get('host')}"


def not_utf8(data: bytes, start: int, path) -> DecisionbookError:
    """The error for *data* that stops being UTF-8 at byte *start*: named at its line, or as the UTF-16 that
    Windows tools save as "Unicode", which no line of could be read."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return DecisionbookError("UTF-16 text; save it as UTF-8", path, 1)
    return DecisionbookError("not valid UTF-8 text", path, data[:start].count(b"\n") + 1)
