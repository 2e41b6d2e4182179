"""Reserve the next record number in a folder: above every number in the tree and on every branch."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from toolkit.history.numbers import names_on_branches
from toolkit.records import atomic, files
from toolkit.records.adr_words import FOLDER_PAGES, folder_record, numbered_file, unread_record


def number_of(name: str, is_file: bool = False) -> int | None:
    """The record number in a file name such as `0007-use-kafka.md` or `ADR-12-x.markdown`, or None; a
    record in a form not read (`0001-x.adoc`, and for the name of a file, not a folder, `ADR002-x` with
    no extension) holds its number too, which a new record must not take."""
    numbered = numbered_file(name)
    if numbered is None and (unread := unread_record(name, extension_less=is_file)) is not None:
        numbered = numbered_file(unread[1])
    return numbered[1] if numbered else None


# A record's page in its own folder, and a site generator's page of a folder (Hugo's `_index.md`).
_PAGE = FOLDER_PAGES | {"_index.md"}


def _folder_number(name: str) -> int | None:
    """The number of a record kept as a folder named *name* (`CIP-0007`, `0007-use-kafka`); a name with
    an extension is a file's."""
    return numbered_file(name + ".md")[1] if "." not in name and folder_record(name) else None


def create_numbered(
    root: Path, folder: Path, slug: str, render: Callable[[int], bytes], name: Callable[[int], str] | None = None,
    numbers: Iterator[int] | None = None,
) -> Path:
    """Create `NNNN-slug.md` (or `name(number)`) in *folder* with the next free number, any number
    of digits, and `render(number)` as content; with *numbers*, the first of them that is free.

    The folder lock serialises concurrent processes; the exclusive create is the reservation, so
    even a process that ignores the lock cannot make us overwrite its file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with atomic.folder_lock(folder):
        files.remove_stale_locks(folder)  # what an ended process left, a lock of a file renamed since included
        # Records kept in category subfolders share the folder's numbers.
        local = set()
        with os.scandir(folder) as entries:
            for entry in entries:
                found = number_of(entry.name, entry.is_file(follow_symlinks=False))
                local.add(found)
                if found is None and not entry.name.startswith(".") and files.is_folder(entry):
                    inside = os.listdir(entry.path)
                    # A category's records, also those kept as folders (`sig-cli/1441-shell-debug/`).
                    local |= {number_of(name) or _folder_number(name) for name in inside}
                    if folder_record(entry.name) and _PAGE.intersection(name.lower() for name in inside):
                        # A record kept as a folder's page (`012-release/index.md`, `CIP-0012/README.md`) holds
                        # the folder's number; a folder named by a number alone (`2019/`) is a category.
                        local.add(numbered_file(entry.name + ".md")[1])
        taken = (local | {number_of(n) or _folder_number(n) for n in names_on_branches(root, folder)}) - {None}
        for number in numbers if numbers is not None else itertools.count(max(taken, default=0) + 1):
            path = folder / (name(number) if name else f"{number:04d}-{slug}.md")
            if number not in taken and _create(folder, path, lambda: render(number)):
                return path


def _create(folder: Path, path: Path, render: Callable[[], bytes]) -> bool:
    """Create *path* exclusively; a record kept as a folder (`CIP-0007/README.md`) reserves its number by
    creating the folder exclusively, and leaves none behind when its page cannot be written."""
    if path.parent == folder:
        return atomic.create_exclusive(path, render())
    try:
        path.parent.mkdir()
    except FileExistsError:
        return False
    try:
        return atomic.create_exclusive(path, render())
    except BaseException:
        path.parent.rmdir()
        raise
