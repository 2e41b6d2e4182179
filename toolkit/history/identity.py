"""Who is working: git's user.name in the workspace's repository."""

from __future__ import annotations

from pathlib import Path

from toolkit.history.repository import open_repository


def user_name(root: Path) -> str | None:
    """git's `user.name` for the repository holding *root*; None outside git or when it is unset."""
    repo = open_repository(root, required=False)
    if repo is None:
        return None
    try:
        name = repo.run_ok("config", "--get", "user.name")
    finally:
        repo.close()
    return name.strip() if name and name.strip() else None
