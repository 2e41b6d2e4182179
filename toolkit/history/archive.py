"""Archiving a discarded prototype's branch under the tag `archive/<branch>`, and bringing it back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history.repository import Repository, open_repository

TAG_PREFIX = "archive/"


@dataclass(frozen=True)
class Archived:
    branch: str
    tag: str
    commit: str
    already: bool = False  # restore found the branch at the tag's commit already: nothing was done


def _worktree_holding(repo: Repository, branch: str) -> Path | None:
    """The worktree that has *branch* checked out, if any."""
    current = None
    for line in repo.run("worktree", "list", "--porcelain").splitlines():
        if line.startswith("worktree "):
            current = Path(line[len("worktree ") :])
        elif line == f"branch refs/heads/{branch}":
            return current
    return None


def _tag_commit(repo: Repository, tag: str) -> str | None:
    return repo.ref_sha(f"refs/tags/{tag}")


def check_archivable(repo: Repository, branch: str) -> str | None:
    """The tip SHA of local *branch*, or None when it does not exist; refuse a branch in use.

    A branch checked out in any worktree is refused, and so is one with uncommitted work there,
    so that archiving never loses a file.
    """
    repo.check_branch_name(branch)
    tip = repo.ref_sha(f"refs/heads/{branch}")
    if tip is None:
        return None
    holder = _worktree_holding(repo, branch)
    if holder is not None:
        dirty = repo.run_ok("-C", str(holder), "status", "--porcelain", "--untracked-files=normal")
        if dirty:
            raise DecisionbookError(
                f"branch {branch!r} has uncommitted work in {holder}; commit or remove it, "
                "then switch that worktree to another branch", holder
            )
        raise DecisionbookError(
            f"branch {branch!r} is checked out in {holder}; switch to another branch first "
            "(or pass --keep-branch)", holder
        )
    existing = _tag_commit(repo, TAG_PREFIX + branch)
    if existing is not None and existing != tip:
        raise DecisionbookError(
            f"tag {TAG_PREFIX + branch!r} already exists at {existing[:12]}, not at the branch tip {tip[:12]}; "
            "rename or delete that tag first"
        )
    return tip


def unarchived(root: Path, branches) -> set[str]:
    """Those of *branches* that are still branches with no `archive/<branch>` tag: one git call for them all
    (the names are compared with its output, never passed to it). Empty outside git."""
    branches = set(branches)
    repo = open_repository(root, required=False) if branches else None
    if repo is None:
        return set()
    try:
        out = repo.run_ok("for-each-ref", "--format=%(refname)", "refs/heads/", "refs/tags/" + TAG_PREFIX)
    finally:
        repo.close()
    refs = set((out or "").splitlines())
    return {branch for branch in branches
            if f"refs/heads/{branch}" in refs and f"refs/tags/{TAG_PREFIX}{branch}" not in refs}


def archive_branch(root: Path, branch: str, message: str) -> Archived | None:
    """Tag the tip of *branch* `archive/<branch>` (annotated, *message*), then delete the branch.

    None when there is no git repository or the branch does not exist locally. The tag is
    verified to exist at the tip before the branch is deleted, and the deletion only happens if
    the branch still points there.
    """
    repo = open_repository(root, required=False)
    if repo is None:
        return None
    try:
        tip = check_archivable(repo, branch)
        if tip is None:
            return None
        tag = TAG_PREFIX + branch
        if _tag_commit(repo, tag) is None:
            repo.run("tag", "-a", f"--message={message}", "--", tag, tip, what=f"cannot create tag {tag!r}")
        if _tag_commit(repo, tag) != tip:
            raise DecisionbookError(f"tag {tag!r} does not point at {tip[:12]}; branch {branch!r} kept")
        repo.run("update-ref", "-d", f"refs/heads/{branch}", tip, what=f"cannot delete branch {branch!r}")
        return Archived(branch, tag, tip)
    finally:
        repo.close()


def restore_branch(root: Path, branch: str) -> Archived:
    """Recreate *branch* at the commit its `archive/<branch>` tag points at; the tag stays."""
    repo = open_repository(root)
    try:
        repo.check_branch_name(branch)
        tag = TAG_PREFIX + branch
        commit = _tag_commit(repo, tag)
        if commit is None:
            raise DecisionbookError(f"no tag {tag!r} to restore branch {branch!r} from")
        current = repo.ref_sha(f"refs/heads/{branch}")
        if current is not None:
            if current == commit:
                return Archived(branch, tag, commit, already=True)
            raise DecisionbookError(f"branch {branch!r} already exists at {current[:12]}; nothing restored")
        repo.run("update-ref", f"refs/heads/{branch}", commit, "", what=f"cannot create branch {branch!r}")
        return Archived(branch, tag, commit)
    finally:
        repo.close()
