"""Record numbers already taken on other branches, read from git's objects without a checkout."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


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
    number of branches, and no GitPython (`decide adr new` would spend most of its time importing
    it): one `for-each-ref`, and one `cat-file --batch` that reads `<commit>:./<folder>` for every
    branch tip, the folder named relative to *root*, where git runs.
    """
    inside = os.path.relpath(folder, root).replace(os.sep, "/")
    refs = _git(root, ["for-each-ref", "--format=%(objectname)", "refs/heads", "refs/remotes"])
    if not refs:
        return set()
    commits = sorted(set(refs.decode("ascii").split()))
    specs = "".join(f"{commit}:./{inside}\n" if inside != "." else f"{commit}^{{tree}}\n" for commit in commits)
    out = _git(root, ["cat-file", "--batch"], specs.encode("utf-8", "surrogateescape"))
    names: set[str] = set()
    seen_trees: set[bytes] = set()
    at = 0
    while out and at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) != 3:  # `<spec> missing` or `ambiguous`: nothing there on that branch
            continue
        sha, kind, size = header[0], header[1], int(header[2])
        data, at = out[at : at + size], at + size + 1
        if kind == b"tree" and sha not in seen_trees:
            seen_trees.add(sha)
            names |= tree_names(data)
    return names


def _git(root: Path, args: list[str], stdin: bytes = b"") -> bytes | None:
    """Output of git *args* (fixed options only) run in *root*, or None when git fails or is missing."""
    try:
        proc = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True)
    except OSError:
        return None
    return proc.stdout if proc.returncode == 0 else None
