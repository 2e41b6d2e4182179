"""A disposable cache of parsed records, so re-reading 1,000 files is fast.

Entries are keyed by what they were parsed from: a file's path, the name messages show and a hash
of its bytes, so no timestamp is trusted and any edit is seen. A cache that cannot be read is
ignored and rewritten; the user's own files are never touched. The cache lives in the repository's
git folder, or outside git in the user's own cache folder (ADR 0031). Both are trusted already:
whoever can write `.git/` can make git run any command (hooks, `core.fsmonitor`), and the user's
cache folder is used only when nobody else can write it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files
from toolkit.records.hashes import blake2b

FOLDER = "decisionbook"  # inside the git folder or the user's cache folder
_DIGEST_NAME = re.compile(r"[0-9a-f]{32}")  # a workspace folder's sub-folder of the user's cache folder
# The parsers whose output is cached: a changed parser never sees what the old one made.
_PARSERS = (
    "adr.py", "adr_words.py", "columns.py", "criteria.py", "days.py", "finding.py", "frontmatter.py", "hashes.py",
    "ledger.py", "parsecache.py", "named.py", "plainyaml.py", "prototype.py", "recordpickle.py", "strictyaml.py",
)


def digest(data: bytes | memoryview) -> bytes:
    return blake2b(data, digest_size=16).digest()


def git_dir(start: Path) -> Path | None:
    """The git folder of the repository holding *start* (a worktree's own one), or None."""
    try:
        for folder in (start, *start.parents):
            dot = folder / ".git"
            if dot.is_dir():
                return dot
            if dot.is_file():
                text = dot.read_text(encoding="utf-8").strip()
                return folder / text[len("gitdir:") :].strip() if text.startswith("gitdir:") else None
    except (OSError, UnicodeDecodeError):  # a folder we may not look into: no cache, not an error
        return None
    return None


_STAMP: bytes | None = None


def _stamp() -> bytes:
    global _STAMP
    if _STAMP is None:
        here = Path(__file__).parent
        _STAMP = digest(b"".join([sys.version.encode(), *((here / name).read_bytes() for name in _PARSERS)]))
    return _STAMP


def user_folder(start: Path) -> Path | None:
    """Where the cache of the files under *start* is kept outside git: the user's cache folder.

    `$XDG_CACHE_HOME/decisionbook` (default `~/.cache/decisionbook`), one sub-folder per workspace.
    None when there is no home, or when that folder is not the user's alone: a text planted there
    by someone else would be printed, or written into the team's README, and a record could run code.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    top = os.path.join(base, FOLDER)
    try:
        info = os.lstat(top)
    except FileNotFoundError:
        try:
            os.makedirs(top, mode=0o700)
            info = os.lstat(top)
        except OSError:
            return None
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    global _user_top
    _user_top = top
    folder = os.path.join(top, digest(os.fsencode(str(start))).hex())
    with contextlib.suppress(OSError):  # not there yet
        os.utime(folder)  # in use: kept by `_prune`
    return Path(folder)


KEEP_DAYS = 30  # a workspace folder's cache unused this long is removed (ADR 0032)
_DAY = 24 * 60 * 60
_PRUNED = ".pruned"  # in the user's cache folder: its time is when that folder was last pruned
_user_top: str | None = None  # the user's cache folder, once found to be the user's alone


def _prune(top: str) -> None:
    """Remove the caches of workspace folders not used for KEEP_DAYS, looking at most once a day.

    Only sub-folders named as `user_folder` names them are removed; links and other names stay.
    """
    stamp = os.path.join(top, _PRUNED)
    now = time.time()
    try:
        if now - os.stat(stamp).st_mtime < _DAY:
            return
    except FileNotFoundError:
        pass
    try:
        # O_NONBLOCK: a FIFO in its place is an error (no reader), not a wait for one.
        os.close(os.open(stamp, os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, 0o666))
        os.utime(stamp)
        entries = list(os.scandir(top))
    except OSError:
        return
    import shutil

    for entry in entries:
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > KEEP_DAYS * _DAY
            if old and _DIGEST_NAME.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            continue


def cache_folder(start: Path) -> Path | None:
    """Where the cache of the files under *start* lives: the git folder's, else the user's (or none)."""
    folder = git_dir(start)
    return folder / FOLDER if folder is not None else user_folder(start)


def _blob_path(start: Path, name: str) -> Path | None:
    folder = cache_folder(start)
    return folder / f"{name}.blob" if folder is not None else None


def load_blob(start: Path, name: str, key: bytes) -> bytes | None:
    """The bytes saved as *name* under *key* by save_blob, or None: another key or parser, a damaged file."""
    path = _blob_path(start, name)
    if path is None:
        return None
    try:
        data = files.read_bytes(path, None)
    except (OSError, DecisionbookError):  # absent, or not a regular file (a FIFO would block): a miss
        return None
    head, body = data[:32], data[32:]
    return body if head == digest(_stamp() + key) + digest(body) else None


def save_blob(start: Path, name: str, key: bytes, body: bytes) -> None:
    """Keep *body* as *name* under *key* (and the parsers' stamp) until another save replaces it.

    In a git repository it is kept in the git folder, elsewhere in the user's cache folder.
    """
    path = _blob_path(start, name)
    if path is not None:
        _write(path, digest(_stamp() + key) + digest(body) + body)


def _write(path: Path, data: bytes) -> None:
    """Replace *path* atomically; a folder we cannot write is left alone."""
    from toolkit.records import atomic  # only writers pay for it, not `decide adr list`

    with contextlib.suppress(OSError, DecisionbookError):
        path.parent.mkdir(mode=0o700, exist_ok=True)
        # No fsync: after a crash a torn cache reads as a miss, and is rebuilt.
        atomic.replace(path, data, durable=False)
    if _user_top is not None and path.parent.parent == Path(_user_top):
        _prune(_user_top)


class Store:
    """One cache file: a mapping from keys to parsed values, rewritten only when it changed.

    Keys not asked for since the store was opened are dropped on `save`, so the file holds only
    what the last read needed.
    """

    def __init__(self, start: Path, name: str, paths=None):
        """The store *name* of the files under *start*; *paths* are Paths that a path read back from it
        is when it names one of them (None: none to reuse)."""
        folder = cache_folder(start)
        self.path = folder / f"{name}.pickle" if folder is not None else None
        self._old = self._load({str(path): path for path in paths or ()})
        self._new: dict = {}
        self._dirty = False

    def _load(self, paths: dict[str, Path]) -> dict:
        if self.path is None:
            return {}
        try:
            file = open(files.open_regular(self.path), "rb")
        except (OSError, DecisionbookError):  # absent, or not a regular file (a FIFO would block): a miss
            return {}
        from toolkit.records import recordpickle

        # Read as a stream: the file's bytes are never all in memory beside what they hold.
        with file:
            try:
                stamp, table = recordpickle.load(file, paths)  # the folder is trusted (see above)
            except Exception:  # noqa: BLE001 - a torn, old or foreign file is just a cache miss
                return {}
        return table if stamp == _stamp() and isinstance(table, dict) else {}

    @property
    def enabled(self) -> bool:
        """False where nothing is kept: outside git without a cache folder of the user's own."""
        return self.path is not None

    def get(self, key):
        value = self._old.get(key)
        if value is not None:
            self._new[key] = value
        return value

    def put(self, key, value) -> None:
        self._new[key] = value
        self._dirty = True

    def save(self) -> None:
        """Write the entries used since opening, atomically; a folder we cannot write is left alone."""
        if self.path is None or not (self._dirty or self._new.keys() != self._old.keys()):
            return
        from toolkit.records import recordpickle

        _write(self.path, recordpickle.dumps((_stamp(), self._new)))
        self._old, self._dirty = self._new, False
