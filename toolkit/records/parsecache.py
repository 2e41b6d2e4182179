"""A disposable cache of parsed records in the repository's git folder, so re-reading 1,000 files is fast.

Entries are keyed by what they were parsed from: a file's path, the name messages show and a hash
of its bytes, so no timestamp is trusted and any edit is seen. Outside a git repository nothing is
cached; the user's own files are never touched. A cache that cannot be read is ignored and
rewritten. Pickle is safe here only because the git folder is trusted already: whoever can write
`.git/` can make git run any command (hooks, `core.fsmonitor`).
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import pickle
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Any

try:  # hashlib loads OpenSSL at import, a cost `decide adr list` would feel; blake2 is built in
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - interpreters without the built-in module
    from hashlib import blake2b

from toolkit.errors import DecisionbookError

FOLDER = "decisionbook"  # inside the git folder
# The parsers whose output is cached: a changed parser never sees what the old one made.
_PARSERS = (
    "adr.py", "adr_words.py", "criteria.py", "finding.py", "frontmatter.py", "ledger.py", "parsecache.py", "plainyaml.py",
    "prototype.py", "strictyaml.py",
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


def _mapping_proxy(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


class _Pickler(pickle.Pickler):
    # Records carry read-only mappings, which pickle cannot store by itself.
    dispatch_table = {**copyreg.dispatch_table, MappingProxyType: lambda m: (_mapping_proxy, (dict(m),))}


class _PathPickler(_Pickler):
    # Asked about every object pickled, so only stores of records that hold paths pay for it.
    def persistent_id(self, obj):
        # Paths are stored as text and come back as the Path objects the reader already holds.
        return str(obj) if type(obj) is _PATH else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, paths: dict[str, Path]):
        super().__init__(file)
        self._paths = paths

    def find_class(self, module, name):
        # Only our record types and the plain values they hold: a planted file cannot name a callable.
        if module.startswith("toolkit.records.") or (module, name) in _PLAIN_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a cached record type")

    def persistent_load(self, pid):
        path = self._paths.get(pid)
        return path if path is not None else Path(pid)


_PATH = type(Path())
_PLAIN_CLASSES = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"), ("datetime", "timedelta"),
                  ("copyreg", "__newobj__"), ("copyreg", "_reconstructor"), ("builtins", "object"),
                  ("builtins", "frozenset"), ("builtins", "set"), ("builtins", "getattr")}


def load_blob(start: Path, name: str, key: bytes) -> bytes | None:
    """The bytes saved as *name* under *key* by save_blob, or None: no git folder, another key or parser, a damaged file."""
    folder = git_dir(start)
    if folder is None:
        return None
    try:
        data = (folder / FOLDER / f"{name}.blob").read_bytes()
    except OSError:
        return None
    head, body = data[:32], data[32:]
    return body if head == digest(_stamp() + key) + digest(body) else None


def save_blob(start: Path, name: str, key: bytes, body: bytes) -> None:
    """Keep *body* as *name* under *key* (and the parsers' stamp) until another save replaces it."""
    folder = git_dir(start)
    if folder is not None:
        _write(folder / FOLDER / f"{name}.blob", digest(_stamp() + key) + digest(body) + body)


def _write(path: Path, data: bytes) -> None:
    """Replace *path* atomically; a git folder we cannot write is left alone."""
    from toolkit.records import atomic  # only writers pay for it, not `decide adr list`

    with contextlib.suppress(OSError, DecisionbookError):
        path.parent.mkdir(exist_ok=True)
        # No fsync: after a crash a torn cache reads as a miss, and is rebuilt.
        atomic.replace(path, data, durable=False)


class Store:
    """One cache file: a mapping from keys to parsed values, rewritten only when it changed.

    Keys not asked for since the store was opened are dropped on `save`, so the file holds only
    what the last read needed.
    """

    def __init__(self, start: Path, name: str, paths=None):
        """The store *name* of the repository holding *start*; *paths* are Paths to reuse when reading it
        (None: the values hold no paths)."""
        folder = git_dir(start)
        self.path = folder / FOLDER / f"{name}.pickle" if folder is not None else None
        self._pickler = _Pickler if paths is None else _PathPickler
        self._old = self._load({str(path): path for path in paths or ()})
        self._new: dict[Any, Any] = {}
        self._dirty = False

    def _load(self, paths: dict[str, Path]) -> dict:
        if self.path is None:
            return {}
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        try:
            stamp, table = _Unpickler(io.BytesIO(data), paths).load()  # the git folder is trusted (see above)
        except Exception:  # noqa: BLE001 - a torn, old or foreign file is just a cache miss
            return {}
        return table if stamp == _stamp() and isinstance(table, dict) else {}

    @property
    def enabled(self) -> bool:
        """False outside a git repository, where nothing is kept."""
        return self.path is not None

    def get(self, key) -> Any:
        value = self._old.get(key)
        if value is not None:
            self._new[key] = value
        return value

    def put(self, key, value) -> None:
        self._new[key] = value
        self._dirty = True

    def save(self) -> None:
        """Write the entries used since opening, atomically; a git folder we cannot write is left alone."""
        if self.path is None or not (self._dirty or self._new.keys() != self._old.keys()):
            return
        buffer = io.BytesIO()
        self._pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((_stamp(), self._new))
        _write(self.path, buffer.getvalue())
        self._old, self._dirty = self._new, False
