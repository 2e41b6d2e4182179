"""git's rules for a branch name (`git check-ref-format --branch`), checked without running git."""

from __future__ import annotations

_FORBIDDEN = frozenset(" ~^:?*[\\")


def branch_name_problem(name: str) -> str | None:
    """Why git would refuse *name* as a branch name, or None when it accepts it."""
    if not name:
        return "it is empty"
    if name.startswith("-"):
        return "it starts with '-'"
    if name == "HEAD" or name == "@":
        return f"{name!r} is reserved"
    bad = sorted({c for c in name if ord(c) < 0x20 or ord(c) == 0x7F or c in _FORBIDDEN})
    if bad:
        shown = ", ".join(repr(c) for c in bad)
        return f"it contains {shown}"
    if ".." in name:
        return "it contains '..'"
    if "@{" in name:
        return "it contains '@{'"
    if name.startswith("/") or name.endswith("/") or "//" in name:
        return "it has an empty part between slashes"
    if name.endswith("."):
        return "it ends with '.'"
    for part in name.split("/"):
        if part.startswith("."):
            return f"part {part!r} starts with '.'"
        if part.endswith(".lock"):
            return f"part {part!r} ends with '.lock'"
    return None
