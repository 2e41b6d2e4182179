"""Record numbers already taken on other branches, read from git's objects without a checkout."""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history.plaingit import Git


def tree_names(data: bytes) -> set[str]:
    """Entry names of a raw git tree object (`<mode> <name>\\0<binary sha>` repeated)."""
    names = set()
    at = 0
    while at < len(data):
        space = data.index(b" ", at)
        nul = data.index(b"\x00", space)
        names.add(data[space + 1 : nul].decode("utf-8", "surrogateescape"))
        at = nul + 21
    return names


def names_on_branches(root: Path, folder: Path) -> set[str]:
    """File names in *folder* on every local and remote-tracking branch of the repository at *root*.

    Empty when *root* is not a git repository or has no commits. Two git processes whatever the
    number of branches, and no GitPython (ADR 0027: `decide adr new` would spend most of its time importing
    it): one `for-each-ref`, and one `cat-file --batch` that reads `<commit>:./<folder>` for every
    branch tip, the folder named relative to *root*, where git runs.
    """
    inside = os.path.relpath(folder, root).replace(os.sep, "/")
    git = Git(root)
    try:
        refs = git.output("for-each-ref", "--format=%(objectname)", "refs/heads", "refs/remotes")
        if refs.returncode != 0 or not refs.stdout:
            return set()
        commits = sorted(set(refs.stdout.decode("ascii").split()))
        found = git.objects(f"{commit}:./{inside}" if inside != "." else f"{commit}^{{tree}}" for commit in commits)
    except (OSError, DecisionbookError):  # no git, or one that cannot answer: no names from other branches
        return set()
    names: set[str] = set()
    seen_trees: set[bytes] = set()
    for sha, kind, data in found.values():  # a branch without the folder has no answer
        if kind == b"tree" and sha not in seen_trees:
            seen_trees.add(sha)
            names |= tree_names(data)
    return names
