"""Create a repository from a `git fast-import` stream, with no user or system git config involved."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from toolkit.errors import DecisionbookError


def _git(folder: Path, *args: str, stdin: bytes | None = None) -> bytes:
    # A fixed identity and no user or system config: the same stream gives the same commits anywhere.
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "decisionbook", "GIT_AUTHOR_EMAIL": "decisionbook@example.com",
           "GIT_COMMITTER_NAME": "decisionbook", "GIT_COMMITTER_EMAIL": "decisionbook@example.com"}
    try:
        return subprocess.run(["git", *args], cwd=folder, input=stdin, env=env, capture_output=True, check=True).stdout
    except FileNotFoundError:
        raise DecisionbookError("git is not installed") from None
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DecisionbookError(f"git {args[0]} failed: {message[-1] if message else exc.returncode}", folder) from None


# In the git folder: the refs the replayed history made, so work added since can be told from it.
_REPLAYED = "decisionbook-replayed-refs"


def _refs(folder: Path) -> bytes:
    return _git(folder, "for-each-ref", "--format=%(objectname) %(refname)")


def replay(folder: Path, stream: bytes) -> None:
    """Make *folder* a repository (branch main) holding the history in *stream*, its work tree checked in."""
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "fast-import", "--quiet", stdin=stream)
    _git(folder, "reset", "-q")
    (folder / ".git" / _REPLAYED).write_bytes(_refs(folder))


def added_since_replay(folder: Path, outputs: str) -> str | None:
    """What *folder* holds that `replay` did not make, in a few words, or None: commits, branches or tags
    (refs other than the replayed ones), or files changed or added outside the folder *outputs*.
    A repository not made by `replay`, or one git cannot read, holds work of unknown origin."""
    try:
        replayed = (folder / ".git" / _REPLAYED).read_bytes()
        if _refs(folder) != replayed:
            return "commits, branches or tags of its own"
        status = _git(folder, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames")
    except (OSError, DecisionbookError):
        return "no record of the history it was made with"
    outside = [entry[3:].decode("utf-8", "replace") for entry in status.split(b"\0") if entry
               and not entry[3:].decode("utf-8", "replace").startswith(f"{outputs}/")]
    return f"changed files: {', '.join(outside[:3])}{', ...' if len(outside) > 3 else ''}" if outside else None
