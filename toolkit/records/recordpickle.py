"""The pickle dialect of the parse cache: our record types and plain date values in, nothing callable.

Kept apart from parsecache so that a command answered from a kept text (`decide adr list`) never
imports pickle.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from pathlib import Path
from types import MappingProxyType

_PATH = type(Path())
_PLAIN_CLASSES = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"), ("datetime", "timedelta"),
                  ("builtins", "frozenset"), ("builtins", "set")}


def _mapping_proxy(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


class _Pickler(pickle.Pickler):
    # Records carry read-only mappings, which pickle cannot store by itself.
    dispatch_table = {**copyreg.dispatch_table, MappingProxyType: lambda m: (_mapping_proxy, (dict(m),))}


class _PathPickler(_Pickler):
    # Asked about every object pickled, so only values that hold paths pay for it.
    def persistent_id(self, obj):
        # Paths are stored as text and come back as the Path objects the reader already holds.
        return str(obj) if type(obj) is _PATH else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, paths: dict[str, Path]):
        super().__init__(file)
        self._paths = paths

    def find_class(self, module, name):
        # Only our record types and the plain values they hold: a planted file cannot name a callable.
        # A dotted name would reach through a module to whatever it imported (`files.os.system`).
        if (module, name) in _PLAIN_CLASSES:
            return super().find_class(module, name)
        if module.startswith("toolkit.records.") and "." not in name:
            found = super().find_class(module, name)
            if found is _mapping_proxy or _is_record_type(found) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a cached record type")

    def persistent_load(self, pid):
        path = self._paths.get(pid)
        return path if path is not None else Path(pid)


def _is_record_type(found) -> bool:
    """A dataclass or named tuple: building one only stores values, it runs nothing of the file's choosing."""
    return isinstance(found, type) and (hasattr(found, "__dataclass_fields__") or issubclass(found, tuple))


def dumps(value, paths: bool) -> bytes:
    """*value* pickled; *paths* says whether it holds Path objects, stored as their text."""
    buffer = io.BytesIO()
    (_PathPickler if paths else _Pickler)(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def load(file, paths: dict[str, Path]):
    """The value pickled in the binary *file*; *paths* maps text back to the Path objects the reader holds."""
    return _Unpickler(file, paths).load()
