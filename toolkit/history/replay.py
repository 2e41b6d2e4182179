"""Create a repository from a `git fast-import` stream, with no user or system git config involved."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from toolkit.errors import DecisionbookError


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> None:
    # A fixed identity and no user or system config: the same stream gives the same commits anywhere.
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "decisionbook", "GIT_AUTHOR_EMAIL": "decisionbook@example.com",
           "GIT_COMMITTER_NAME": "decisionbook", "GIT_COMMITTER_EMAIL": "decisionbook@example.com"}
    try:
        subprocess.run(["git", *args], cwd=folder, input=stdin, env=env, capture_output=True, check=True)
    except FileNotFoundError:
        raise DecisionbookError("git is not installed") from None
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DecisionbookError(f"git {args[0]} failed: {message[-1] if message else exc.returncode}", folder) from None


def replay(folder: Path, stream: bytes) -> None:
    """Make *folder* a repository (branch main) holding the history in *stream*, its work tree checked in."""
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "fast-import", "--quiet", stdin=stream)
    _git(folder, "reset", "-q")
