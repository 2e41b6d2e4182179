"""Named tuples written as classes, without importing typing.

`typing.NamedTuple` gives records the class syntax (annotated fields, defaults, methods) but costs
every command the import of typing, about a tenth of `decide --version`; `collections.namedtuple`,
which it is built on, does not.
"""

from __future__ import annotations

from collections import namedtuple

_CLASS_ONLY = ("__dict__", "__weakref__")


def named(cls: type) -> type:
    """*cls*'s annotated fields as a named tuple of the same name, with its defaults, methods and
    docstring: what `class X(NamedTuple)` makes, from `@named class X:`."""
    body = vars(cls)
    fields = tuple(body.get("__annotations__", {}))
    defaults = [body[name] for name in fields if name in body]
    if any(name in body for name in fields[: len(fields) - len(defaults)]):
        raise TypeError(f"{cls.__name__}: a field without a default follows one with a default")
    base = namedtuple(cls.__name__, fields, defaults=defaults, module=cls.__module__)
    kept = {key: value for key, value in body.items() if key not in fields and key not in _CLASS_ONLY}
    return type(cls.__name__, (base,), {**kept, "__slots__": ()})
