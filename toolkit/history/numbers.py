"""Record numbers already taken on other branches, read from git's objects without a checkout."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from toolkit.history.rawgit import Process, batch_input, batch_output


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


class BranchNames:
    """File names in a folder on every local and remote-tracking branch, asked of git when made and
    read by `names()`: git answers while the caller reads the folder.

    Empty when the folder's repository is not a git repository, has no commits or git cannot answer.
    Two git processes whatever the number of branches, and neither GitPython nor subprocess imported
    (ADR 0027: `decide adr new` would spend most of its time importing them): one `for-each-ref`, and one
    `cat-file --batch` that reads `<commit>:./<folder>` for every branch tip, the folder named relative
    to *root*, where git runs. Use in a `with` block: git not asked is ended on leaving it.
    """

    def __init__(self, root: Path, folder: Path):
        self.inside = os.path.relpath(folder, root).replace(os.sep, "/")
        self.answer: set[str] | None = None
        self.processes = contextlib.ExitStack()
        # git reads one question a line: a folder whose name holds a newline is asked NUL-separated (`-z`, git 2.38
        # or newer; an older git refuses it, and no other branch's names are read).
        self.nul = "\n" in self.inside
        try:
            self.refs = self.processes.enter_context(
                Process(root, "for-each-ref", "--format=%(objectname)", "refs/heads", "refs/remotes"))
            self.batch = self.processes.enter_context(
                Process(root, "cat-file", "--batch", *(["-z"] if self.nul else []), stdin=True))
        except OSError:  # no git: no names from other branches
            self.answer = set()

    def names(self) -> set[str]:
        if self.answer is None:
            self.answer = self._read()
        return self.answer

    def _read(self) -> set[str]:
        status, refs = self.refs.answer()
        if status != 0 or not refs:
            return set()
        commits = sorted(set(refs.decode("ascii").split()))
        # `./` names the folder from where git runs, the workspace's root, which may lie below the repository's
        # top (a team folder with its own `.adr-dir`); `<commit>^{tree}` would be the top's.
        wanted = [f"{commit}:./{self.inside}" for commit in commits]
        status, out = self.batch.answer(batch_input(wanted, self.nul))
        if status != 0:
            return set()
        names: set[str] = set()
        seen_trees: set[bytes] = set()
        for sha, kind, data in batch_output(out, wanted).values():  # a branch without the folder has no answer
            if kind == b"tree" and sha not in seen_trees:
                seen_trees.add(sha)
                names |= tree_names(data)
        return names

    def __enter__(self) -> BranchNames:
        return self

    def __exit__(self, *exc) -> None:
        self.processes.close()
