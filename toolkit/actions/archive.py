"""Archive a discarded prototype's branch under a tag, and `decide proto restore` to bring it back."""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history.activity import main_branch_names
from toolkit.history.archive import Archived, archive_branch, check_archivable, restore_branch
from toolkit.history.repository import open_repository
from toolkit.records.frontmatter import key_line
from toolkit.records.refname import branch_name_problem
from toolkit.workspace import Workspace


def ensure_archivable(workspace: Workspace, branch: str | None, card: Path | None = None) -> None:
    """Refuse, before any verdict is written, a branch that cannot be archived (checked out, dirty, the main one);
    *card*, the file naming *branch*, is named when the branch is the main one."""
    repo = open_repository(workspace.root, required=False) if branch else None
    if repo is None:
        return
    if card is not None:
        _require_branch_name(workspace, branch, card, ", or pass --keep-branch")
    # A card naming the main branch is a slip of the pen: archiving would delete the branch everyone works on.
    if branch in main_branch_names(workspace.root, workspace.config.main_branch, workspace.config_path):
        repo.close()
        where = workspace.relative(card) if card is not None else None
        raise DecisionbookError(f"branch {branch!r} is the main branch; a discard never archives it: fix the card's "
                                "`branch:`, or pass --keep-branch", where, key_line(card, "branch") if card else None)
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
    _require_branch_name(workspace, card.branch, card.path)
    return restore_branch(workspace.root, card.branch)


def _require_branch_name(workspace: Workspace, branch: str, card: Path, way_out: str = "") -> None:
    """Refuse a branch git would refuse as a name at the card's `branch:` line, as `decide check` names it."""
    why = branch_name_problem(branch)
    if why:
        raise DecisionbookError(f"branch {branch!r} is not a name git accepts: {why}; fix the card's `branch:`"
                                f"{way_out}", workspace.relative(card), key_line(card, "branch"))
