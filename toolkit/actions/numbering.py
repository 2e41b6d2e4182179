"""Reserve the next record number in a folder: above every number in the tree and on every branch."""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from toolkit.history.numbers import BranchNames
from toolkit.records import atomic, files
from toolkit.records.adr_words import (
    FOLDER_PAGES,
    RECORD_DEPTH,
    folder_page,
    folder_record,
    may_hold_records,
    numbered_file,
    unread_record,
)


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
    numbered = numbered_file(name + ".md") if "." not in name and folder_record(name) else None
    return numbered[1] if numbered else None  # a folder named by its day (`2022-02-10-x/`) has no number


def numbers_in(folder: Path) -> set[int]:
    """The record numbers taken in the records' *folder* and in its category folders, as far as records are read."""
    return _numbers_in(folder, 0) - {None}


def _numbers_in(folder: Path, depth: int) -> set[int | None]:
    """The record numbers in *folder*, *depth* folders below the records' folder, and in the category
    folders below it as far as records are read (RECORD_DEPTH); links to folders are not followed."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        if not depth:
            raise
        return set()  # a category that cannot be read lists no records either
    numbers = {number_of(entry.name, entry.is_file(follow_symlinks=False)) for entry in entries}
    if depth == 1 and folder_record(folder.name) and (_PAGE.intersection(entry.name.lower() for entry in entries)
                                                     or folder_page([entry.name for entry in entries], folder.name)):
        # A record kept as a folder's page (`012-release/index.md`, `CIP-0012/README.md`) holds the
        # folder's number; a folder named by a number alone (`2019/`) is a category.
        numbers.add(_folder_number(folder.name))
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and may_hold_records(entry.name):
            if depth:  # a category's records kept as folders (`sig-cli/1441-shell-debug/`)
                numbers.add(_folder_number(entry.name))
            if depth < RECORD_DEPTH:
                numbers |= _numbers_in(folder / entry.name, depth + 1)
    return numbers


def taken_numbers(root: Path, folder: Path, branches: BranchNames | None = None) -> set[int]:
    """The numbers no new or renumbered record of the records' *folder* may take: those in the folder and its
    category folders, which share its numbers, and those of the names in it on every branch of the repository
    at *root*. *branches*, started by the caller earlier, gives those names (else they are asked now)."""
    with contextlib.nullcontext(branches) if branches is not None else BranchNames(root, folder) as asked:
        here = numbers_in(folder)  # read while git answers
        return here | {n for name in asked.names() if (n := number_of(name) or _folder_number(name)) is not None}


def create_numbered(
    root: Path, folder: Path, slug: str, render: Callable[[int], bytes], name: Callable[[int], str] | None = None,
    numbers: Iterator[int] | None = None, branches: BranchNames | None = None, into: Path | None = None,
) -> Path:
    """Create `NNNN-slug.md` (or `name(number)`) in *folder* with the next free number, any number
    of digits, and `render(number)` as content; with *numbers*, the first of them that is free.
    *branches*, started by the caller earlier, gives the names on other branches (else they are asked now).
    *into*, a folder below *folder* (a stage folder), holds the new record, numbered among *folder*'s.

    The folder lock serialises concurrent processes; the exclusive create is the reservation, so
    even a process that ignores the lock cannot make us overwrite its file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with atomic.folder_lock(folder):
        files.remove_stale_locks(folder)  # what an ended process left, a lock of a file renamed since included
        taken = taken_numbers(root, folder, branches)
        for number in numbers if numbers is not None else itertools.count(max(taken, default=0) + 1):
            path = (into or folder) / (name(number) if name else f"{number:04d}-{slug}.md")
            if number not in taken and _create(into or folder, path, lambda: render(number)):
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
