"""Archive a discarded prototype's branch under a tag, and `decide proto restore` to bring it back."""

from __future__ import annotations

from toolkit.errors import DecisionbookError
from toolkit.history.archive import Archived, archive_branch, check_archivable, restore_branch
from toolkit.history.repository import open_repository
from toolkit.workspace import Workspace


def ensure_archivable(workspace: Workspace, branch: str | None) -> None:
    """Refuse, before any verdict is written, a branch that cannot be archived (checked out, dirty)."""
    repo = open_repository(workspace.root, required=False) if branch else None
    if repo is None:
        return
    try:
        check_archivable(repo, branch)
    finally:
        repo.close()


def archive_prototype_branch(workspace: Workspace, branch: str | None, reason: str) -> Archived | None:
    """Tag `archive/<branch>` at the branch tip with *reason* as message, then delete the branch.

    None when the prototype has no branch, the workspace is not in git, or the branch is not
    there (already archived, or never made).
    """
    if not branch:
        return None
    return archive_branch(workspace.root, branch, reason)


def restore_prototype(workspace: Workspace, ref: str) -> Archived:
    """Recreate prototype *ref*'s branch at the commit its `archive/<branch>` tag points at."""
    from toolkit.actions.prototypes import load

    card = load(workspace, ref)
    if not card.branch:
        raise DecisionbookError(f"{card.ref} has no branch in its card", workspace.relative(card.path))
    return restore_branch(workspace.root, card.branch)
