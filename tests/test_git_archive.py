"""Archive on discard: tag `archive/<branch>` at the tip, then delete the branch; restore brings it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BRANCH_CARD as CARD
from conftest import git

from toolkit.actions.archive import archive_prototype_branch
from toolkit.errors import DecisionbookError
from toolkit.workspace import open_workspace


def refs(repo: Path) -> dict[str, str]:
    out = git(repo, "for-each-ref", "--format=%(refname) %(objectname) %(*objectname)")
    found = {}
    for line in out.splitlines():
        name, sha, *peeled = line.split()
        found[name] = peeled[0] if peeled else sha
    return found


@pytest.fixture
def proto(repo):
    """P3 with branch proto/ingest two commits ahead of main; main is checked out."""
    (repo / "prototypes" / "0003-ingest.md").write_text(CARD.format(branch="proto/ingest"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card")
    git(repo, "checkout", "-q", "-b", "proto/ingest")
    for n in range(2):
        (repo / "ingest.py").write_text(f"v{n}\n")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"ingest {n}")
    git(repo, "checkout", "-q", "main")
    return repo


def test_discard_tags_the_tip_and_deletes_the_branch_then_restore(proto, decide):
    tip = git(proto, "rev-parse", "proto/ingest").strip()
    result = decide("discard", "P3", "--reason", "p99 latency 900 ms, kill criterion crossed", cwd=proto)
    assert result.exit_code == 0, result
    assert "archive/proto/ingest" in result.stdout and "deleted branch proto/ingest" in result.stdout
    after = refs(proto)
    assert after["refs/tags/archive/proto/ingest"] == tip
    assert "refs/heads/proto/ingest" not in after
    assert git(proto, "cat-file", "-t", "archive/proto/ingest").strip() == "tag"
    assert "kill criterion crossed" in git(proto, "tag", "-l", "--format=%(contents)", "archive/proto/ingest")
    restored = decide("proto", "restore", "P3", cwd=proto)
    assert restored.exit_code == 0, restored
    assert "branch proto/ingest restored" in restored.stdout
    assert refs(proto)["refs/heads/proto/ingest"] == tip
    again = decide("proto", "restore", "P3", cwd=proto)
    assert again.exit_code == 0, again
    assert again.stdout == (f"branch proto/ingest was already restored at {tip[:12]} from tag archive/proto/ingest; "
                            "nothing to do\n")
    assert refs(proto)["refs/heads/proto/ingest"] == tip


def test_keep_branch_skips_the_archive(proto, decide):
    result = decide("discard", "P3", "--reason", "not needed", "--keep-branch", cwd=proto)
    assert result.exit_code == 0, result
    assert "refs/heads/proto/ingest" in refs(proto)
    assert "refs/tags/archive/proto/ingest" not in refs(proto)


def test_a_branch_two_cards_name_is_archived_only_when_the_last_of_them_is_discarded(proto, decide):
    tip = git(proto, "rev-parse", "proto/ingest").strip()
    made = decide("proto", "new", "Ingest in batches", "--owner", "ben", "--branch", "proto/ingest", cwd=proto)
    assert made.exit_code == 0, made
    check = decide("check", cwd=proto)
    assert ("prototypes/0004-ingest-in-batches.md:7: warning: branch 'proto/ingest' is P3's too "
            "(prototypes/0003-ingest.md)") in check.stdout, check
    first = decide("discard", "P3", "--reason", "too slow", cwd=proto)
    assert first.exit_code == 0, first
    assert "branch proto/ingest left as it is: P4 still names it" in first.stdout
    assert refs(proto)["refs/heads/proto/ingest"] == tip and "refs/tags/archive/proto/ingest" not in refs(proto)
    last = decide("discard", "P4", "--reason", "batches do not help", cwd=proto)
    assert last.exit_code == 0, last
    assert "refs/heads/proto/ingest" not in refs(proto) and refs(proto)["refs/tags/archive/proto/ingest"] == tip


def test_checked_out_branch_is_refused_before_the_verdict(proto, decide):
    git(proto, "checkout", "-q", "proto/ingest")
    result = decide("discard", "P3", "--reason", "slow", cwd=proto)
    assert result.exit_code == 2
    assert "is checked out" in result.stderr
    assert "refs/heads/proto/ingest" in refs(proto) and "refs/tags/archive/proto/ingest" not in refs(proto)
    assert not (proto / "prototypes" / "verdicts.jsonl").exists()


def test_dirty_worktree_of_the_branch_is_refused(proto, tmp_path):
    other = tmp_path / "wt"
    git(proto, "worktree", "add", "-q", str(other), "proto/ingest")
    (other / "ingest.py").write_text("unsaved work\n")
    with pytest.raises(DecisionbookError, match="has uncommitted work"):
        archive_prototype_branch(open_workspace(proto), "proto/ingest", "slow")
    assert (other / "ingest.py").read_text() == "unsaved work\n"
    assert "refs/heads/proto/ingest" in refs(proto)


def test_missing_branch_is_not_an_error(proto):
    git(proto, "branch", "-D", "proto/ingest")
    assert archive_prototype_branch(open_workspace(proto), "proto/ingest", "gone") is None
    assert archive_prototype_branch(open_workspace(proto), None, "no branch") is None


def test_existing_tag_elsewhere_is_refused(proto):
    git(proto, "tag", "archive/proto/ingest", "main")
    with pytest.raises(DecisionbookError, match="already exists"):
        archive_prototype_branch(open_workspace(proto), "proto/ingest", "again")
    assert "refs/heads/proto/ingest" in refs(proto)


def test_hostile_branch_names_do_nothing(repo, decide):
    (repo / "prototypes" / "0004-evil.md").write_text(CARD.format(branch='"--upload-pack=touch pwned.txt"'))
    for args in (("discard", "P4", "--reason", "evil"), ("proto", "restore", "P4")):
        result = decide(*args, cwd=repo)
        assert result.exit_code == 2, result
        # Named at the card's line, as `decide check` names it: the card is what to fix.
        assert result.stderr.startswith("prototypes/0004-evil.md:7: error: branch '--upload-pack=touch pwned.txt' "
                                        "is not a name git accepts: it starts with '-'; fix the card's `branch:`")
    with pytest.raises(DecisionbookError, match="not a usable branch name"):
        archive_prototype_branch(open_workspace(repo), "--upload-pack=touch pwned.txt", "x")
    with pytest.raises(DecisionbookError, match="not a valid git branch name"):
        archive_prototype_branch(open_workspace(repo), "bad..name", "x")
    assert not list(repo.parent.rglob("pwned.txt"))
    assert not (repo / "prototypes" / "verdicts.jsonl").exists()


def test_restore_errors(proto, decide):
    result = decide("proto", "restore", "P3", cwd=proto)
    assert result.exit_code == 2 and "no tag 'archive/proto/ingest'" in result.stderr
    git(proto, "tag", "-a", "-m", "x", "archive/proto/ingest", "main")
    result = decide("proto", "restore", "P3", cwd=proto)
    assert result.exit_code == 2 and "already exists" in result.stderr
