"""Record numbers already taken on other branches, read from git's objects without a checkout."""

from __future__ import annotations

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

    Empty when *root* is not a git repository or has no commits. Two processes whatever the
    number of branches: one `for-each-ref`, and one `cat-file --batch` that reads `<ref>:<folder>`
    for every ref and each distinct tree once.
    """
    from toolkit.history.repository import open_repository

    repo = open_repository(root, required=False)
    if repo is None:
        return set()
    try:
        try:
            inside = repo.relative(folder)
        except ValueError:
            return set()
        refs = repo.run_ok("for-each-ref", "--format=%(objectname)", "refs/heads", "refs/remotes")
        if not refs:
            return set()
        commits = set(refs.split())
        names: set[str] = set()
        seen_trees: set[str] = set()
        for commit in sorted(commits):
            found = repo.object_data(f"{commit}:{inside}" if inside != "." else f"{commit}^{{tree}}")
            if found is None or found[1] != "tree" or found[0] in seen_trees:
                continue
            seen_trees.add(found[0])
            names |= tree_names(found[2])
        return names
    finally:
        repo.close()
