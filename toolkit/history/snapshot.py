"""Files as they were committed: a folder's at the end of a past day, and every version of a few files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from toolkit.history.plaingit import working_tree
from toolkit.history.rawgit import ROOT_SHOWN


def changed_since_day(root: Path, folder: Path, day: dt.date) -> dict[Path, bytes | None]:
    """{path: content at the end of *day*} for every file of *folder* whose working-tree content differs
    from the last commit on HEAD made on or before *day* (committer date, local time).

    A file that did not exist in that commit maps to None (one renamed since: the name it had then
    maps to its content); everything outside git or before the first commit is left out: the caller
    keeps what it has now. Plain git processes answer (ADR 0053): GitPython's import alone would cost
    a triage as of a past day a sixth of its time. A repository git refuses is an error (`working_tree`).
    """
    git = working_tree(root, required=True)
    commit = _last_commit_by(git, day) if git is not None else ""
    if not commit:
        return {}
    try:
        where = Path(folder).resolve().relative_to(git.top).as_posix()
    except ValueError:  # the folder is outside the working tree: git keeps nothing of it
        return {}
    names = git.output("diff", "--name-only", "-z", "--no-renames", commit, "--", where)
    if names.returncode != 0:
        return {}
    paths = {f"{commit}:{name}": name for name in names.stdout.decode("utf-8", "surrogateescape").split("\0") if name}
    found = git.blobs(paths)
    return {git.top / name: found.get(spec) for spec, name in paths.items()}


def _last_commit_by(git, day: dt.date) -> str:
    """The last commit on HEAD made on or before *day* (committer date, local time); "" before the first."""
    # *day* is a date object, never user text; git reads "YYYY-MM-DD HH:MM:SS" as local time.
    found = git.output("rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
    return found.stdout.decode("ascii", "replace").strip() if found.returncode == 0 else ""


def committed_versions(root: Path, paths: Iterable[Path]) -> dict[Path, list[bytes]]:
    """{path: every content it was committed with on HEAD's history, newest first} for each of *paths* in git.

    Each file's own history: a rename is not followed, so a file is never taken for the one it was made from.
    Outside git or before the first commit there is none.
    """
    git = working_tree(root)
    if git is None:
        return {}
    names: dict[str, Path] = {}
    for path in paths:
        try:
            names[Path(path).resolve().relative_to(git.top).as_posix()] = path
        except ValueError:  # outside the working tree: git keeps nothing of it
            continue
    if not names:
        return {}
    log = git.output("--literal-pathspecs", "-c", "core.quotepath=off", *ROOT_SHOWN, "log", "--no-renames", "--raw",
                     "--no-abbrev", "-z", "--format=", "HEAD", "--", *names)
    if log.returncode != 0:
        return {}
    fields = log.stdout.decode("utf-8", "surrogateescape").split("\0")
    blobs: dict[str, list[str]] = {}
    # ":<old mode> <new mode> <old blob> <new blob> <status>", then the path: a deletion has no content.
    for header, name in zip(fields, fields[1:]):
        parts = header.lstrip("\n").split()
        if len(parts) == 5 and parts[0].startswith(":") and parts[4] != "D" and name in names:
            blobs.setdefault(name, []).append(parts[3])
    contents = git.blobs(blob for found in blobs.values() for blob in found)
    return {names[name]: [contents[blob] for blob in found if blob in contents] for name, found in blobs.items()}


def contents_on_day(root: Path, paths: Iterable[Path], day: dt.date) -> dict[Path, bytes | None] | None:
    """{path: its content in the last commit on HEAD made on or before *day*, None where that commit lacks it} for
    each of *paths* in the working tree; None outside git or before the first commit: how they stood is not known.
    A repository git refuses is an error (`working_tree`).
    """
    git = working_tree(root, required=True)
    commit = _last_commit_by(git, day) if git is not None else ""
    if not commit:
        return None
    names: dict[str, Path] = {}
    for path in paths:
        try:
            names[f"{commit}:{Path(path).resolve().relative_to(git.top).as_posix()}"] = path
        except ValueError:  # outside the working tree: git keeps nothing of it
            continue
    blobs = git.blobs(names)
    return {path: blobs.get(spec) for spec, path in names.items()}
