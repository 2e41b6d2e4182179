"""Who is recording: git's user.name, else the login name."""

from __future__ import annotations

import getpass
import subprocess
from pathlib import Path


def user_name(root: Path) -> str | None:
    """git's `user.name` as seen from *root* (repository, global or system config), else the login name."""
    try:
        proc = subprocess.run(["git", "config", "--get", "user.name"], cwd=root, capture_output=True, timeout=10)
        name = proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        name = ""
    if name:
        return name
    try:
        return getpass.getuser() or None
    except (OSError, KeyError):  # no login name in the environment or the password database
        return None
