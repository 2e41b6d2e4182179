"""The commits that changed a file (or every file of a folder), following renames, with its content after each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history.dates import written
from toolkit.history.rawgit import ROOT_SHOWN, UTF8_LOG
from toolkit.history.repository import open_repository


@dataclass(frozen=True)
class FileRevision:
    commit: str
    author: str
    date: str | None  # ISO author date with offset, as git writes it; None where git cannot write it
    subject: str
    change: str  # A, M, R, D, C, T as git reports it
    path: str  # the file's repository path in this commit
    content: bytes | None  # None when the commit deleted the file


# Whether a file renamed from the first path to the second is still the same record.
SameRecord = Callable[[str, str], bool]


def parse_follow_log(output: str) -> list[tuple[str, str, str, str, str, str, str]]:
    """(sha, author, date, subject, change, path before, path) from `git log --follow --name-status -z` output."""
    rows = []
    for chunk in output.split("\x01")[1:]:
        header, _, rest = chunk.partition("\x00")
        sha, author, date, subject = header.split("\x02", 3)
        fields = [f for f in rest.lstrip("\n").split("\x00") if f]
        if not fields:
            continue
        rows.append((sha, author, written(date), subject, fields[0][:1], fields[1], fields[-1]))
    return rows


def _own_rows(rows: list, same: SameRecord) -> list:
    """The newest-first *rows* up to the commit that created the file; git's guess of an origin is cut off.

    A copy is never the same file, and a rename only when *same* says so: two records made from one
    template look alike enough for git to pair them.
    """
    own = []
    for sha, author, date, subject, change, before, at in rows:
        if change == "C" or change == "R" and not same(before, at):
            own.append((sha, author, date, subject, "A", at, at))
            break
        own.append((sha, author, date, subject, change, before, at))
    return own


def shallow_boundary(root: Path) -> set[str]:
    """The commits where the history of the shallow clone holding *root* is cut off (none in a full clone)."""
    repo = open_repository(root)
    try:
        return repo.shallow_commits()
    finally:
        repo.close()


def file_history(root: Path, path: Path, same: SameRecord, companion: Path | None = None) -> list[FileRevision]:
    """Every commit reachable from HEAD that changed *path* (following renames that *same* accepts), oldest first.

    With a *companion* (a KEP's kep.yaml beside its page), the commits that changed it (following the renames
    *same* accepts) are listed too, in commit order: a commit that changed both gives a revision of each, side
    by side.
    """
    repo = open_repository(root)
    try:
        repo.require_commits()
        try:
            inside = repo.relative(path)
        except ValueError:
            raise DecisionbookError("is not inside the git repository", path) from None
        if repo.ref_sha("HEAD") is None:
            raise DecisionbookError("HEAD points at no commit yet (an unborn branch)", repo.top)

        def followed(file: str) -> list:
            output = repo.run(
                "-c", "core.quotepath=off", *ROOT_SHOWN, *UTF8_LOG, "log", "--follow", "--name-status", "-z",
                "--format=%x01%H%x02%aN%x02%aI%x02%s", "HEAD", "--", file,
            )
            return _own_rows(parse_follow_log(output), same)

        rows = followed(inside)
        if companion is not None:
            rows += followed(repo.relative(companion))
            # git's own order of the commits that changed any path either file had: commit times alone cannot
            # order commits made in one second.
            paths = sorted({row[5] for row in rows} | {row[6] for row in rows})
            listed = repo.run("--literal-pathspecs", "log", "--format=%H", "--no-merges", "--full-history", "HEAD",
                              "--", *paths).split()
            order = {sha: index for index, sha in enumerate(listed)}
            rows.sort(key=lambda row: order.get(row[0], len(order)))
        revisions = []
        for sha, author, date, subject, change, _, at in reversed(rows):
            blob = None if change == "D" else repo.object_data(f"{sha}:{at}")
            content = blob[2] if blob is not None and blob[1] == "blob" else None
            revisions.append(FileRevision(sha, author, date, subject, change, at, content))
        return revisions
    finally:
        repo.close()


def folder_history(root: Path, folder: Path, same: SameRecord,
                   joins: Callable[[str], str | None] = lambda path: None) -> dict[str, list[FileRevision]]:
    """For each file now in *folder* (by its `/`-separated path inside *folder*), the commits that changed it,
    oldest first.

    A rename carries the history along only when *same* says both paths hold one record. A file that *joins*
    another's history (a KEP's kep.yaml, its page's) is listed in it, in commit order, and not on its own.

    One `git log` over the folder with rename detection, and one `cat-file` run reading every
    content at once, whatever the number of files.
    """
    repo = open_repository(root, required=False)
    if repo is None:
        return {}
    try:
        if repo.ref_sha("HEAD") is None:
            return {}
        try:
            inside = repo.relative(folder)
        except ValueError:
            return {}
        output = repo.run(
            "-c", "core.quotepath=off", *ROOT_SHOWN, *UTF8_LOG, "log", "-M", "--raw", "--no-abbrev", "-z",
            "--no-merges",
            "--format=%x01%H%x02%aN%x02%aI%x02%s", "HEAD", "--", inside,
        )
        changes = []  # (sha, author, date, subject, change, path before, path, blob id), oldest first
        for chunk in reversed(output.split("\x01")[1:]):
            header, _, rest = chunk.partition("\x00")
            sha, author, date, subject = header.split("\x02", 3)
            fields = [f for f in rest.lstrip("\n").split("\x00") if f]
            at = 0
            while at < len(fields):
                # ":<old mode> <new mode> <old blob> <new blob> <status>": reading the blob by its id
                # costs the same in any folder, where "<commit>:<path>" walks a tree as big as the folder.
                _, _, _, blob_id, status = fields[at].split()
                change = status[:1]
                if change in "RC":
                    before, path = fields[at + 1], fields[at + 2]
                    at += 3
                else:
                    before = path = fields[at + 1]
                    at += 2
                changes.append((sha, author, written(date), subject, change, before, path, blob_id))
        contents = repo.blobs(blob_id for *_, change, _, _, blob_id in changes if change != "D")
        histories: dict[str, list[FileRevision]] = {}
        for sha, author, date, subject, change, before, path, blob_id in changes:
            if change == "R":
                carried = histories.pop(before, [])
                histories[path] = carried if same(before, path) else []
            content = None if change == "D" else contents.get(blob_id)
            histories.setdefault(path, []).append(FileRevision(sha, author, date, subject, change, path, content))
            if change == "D":
                histories.pop(path)
        # Keyed inside the folder: the caller joins them to its files without knowing where the repository's top is.
        prefix = "" if inside == "." else inside + "/"
        found = {path.removeprefix(prefix): revisions for path, revisions in histories.items()}
        order = {sha: index for index, (sha, *_) in enumerate(changes)}
        for path in list(found):
            joined = joins(path)
            if joined in found:
                found[joined] = sorted(found[joined] + found.pop(path), key=lambda revision: order[revision.commit])
        return found
    finally:
        repo.close()
