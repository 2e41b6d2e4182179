"""The pickle dialect of the parse cache: our record types and plain date values in, nothing callable.

Kept apart from parsecache so that a command answered from a kept text (`decide adr list`) never
imports pickle.
"""

from __future__ import annotations

import copyreg
import functools
import io
import pickle
from pathlib import Path
from types import MappingProxyType

_PATH = type(Path())
_PLAIN_CLASSES = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"), ("datetime", "timedelta"),
                  ("builtins", "frozenset"), ("builtins", "set")}


def _mapping_proxy(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


def _path(text: str) -> Path:
    # The name a stored path is rebuilt by; the reader answers it with its own lookup (`_known_path`).
    return Path(text)


class _Pickler(pickle.Pickler):
    # Records carry read-only mappings, which pickle cannot store by itself. Paths are stored as their
    # text and come back as the Path objects the reader already holds. A table entry is looked up only
    # for objects of those types; a `persistent_id` would be a Python call for every object pickled.
    dispatch_table = {**copyreg.dispatch_table, MappingProxyType: lambda m: (_mapping_proxy, (dict(m),)),
                      _PATH: lambda p: (_path, (str(p),))}


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, paths: dict[str, Path]):
        super().__init__(file)
        # Not a bound method: the memo keeps what find_class returns, and a method would tie the
        # unpickler, its memo and the file's bytes into a cycle that outlives the load.
        self._path = functools.partial(_known_path, paths)

    def find_class(self, module, name):
        # Only our record types and the plain values they hold: a planted file cannot name a callable.
        # A dotted name would reach through a module to whatever it imported (`files.os.system`).
        if (module, name) in _PLAIN_CLASSES:
            return super().find_class(module, name)
        if (module, name) == (__name__, "_path"):  # makes a Path of a text, nothing more
            return self._path
        if module.startswith("toolkit.records.") and "." not in name:
            found = super().find_class(module, name)
            if found is _mapping_proxy or _is_record_type(found) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a cached record type")


def _known_path(paths: dict[str, Path], text: str) -> Path:
    path = paths.get(text)
    return path if path is not None else Path(text)


def _is_record_type(found) -> bool:
    """A dataclass or named tuple: building one only stores values, it runs nothing of the file's choosing."""
    return isinstance(found, type) and (hasattr(found, "__dataclass_fields__") or issubclass(found, tuple))


def dumps(value) -> bytes:
    """*value* pickled, its Path objects as their text."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def load(file, paths: dict[str, Path]):
    """The value pickled in the binary *file*; *paths* maps text back to the Path objects the reader holds."""
    return _Unpickler(file, paths).load()
