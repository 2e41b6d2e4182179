"""Reserve the next record number in a folder: above every number in the tree and on every branch."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history.numbers import names_on_branches
from toolkit.records import atomic

NUMBERED = re.compile(r"^([0-9]{4})-[^/\\]*\.md$")


def number_of(name: str) -> int | None:
    """The record number in a file name such as `0007-use-kafka.md`, or None."""
    match = NUMBERED.match(name)
    return int(match.group(1)) if match else None


def create_numbered(root: Path, folder: Path, slug: str, render: Callable[[int], bytes]) -> Path:
    """Create `NNNN-slug.md` in *folder* with the next free number and `render(number)` as content.

    The folder lock serialises concurrent processes; the exclusive create is the reservation, so
    even a process that ignores the lock cannot make us overwrite its file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with atomic.folder_lock(folder):
        local = {number_of(p.name) for p in folder.iterdir()}
        taken = (local | {number_of(n) for n in names_on_branches(root, folder)}) - {None}
        number = max(taken, default=0) + 1
        while True:
            if number > 9999:
                raise DecisionbookError("no free four-digit number left", folder)
            path = folder / f"{number:04d}-{slug}.md"
            if number not in taken and atomic.create_exclusive(path, render(number)):
                return path
            number += 1
