"""Work on a branch that the main branch does not have: commits, days, authors, lines, from one `git log`."""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from toolkit.history.archive import TAG_PREFIX
from toolkit.history.repository import Repository, open_repository


@dataclass(frozen=True)
class Activity:
    branch: str
    state: str  # "branch" | "remote" | "archived" | "missing" | "invalid" (not a usable branch name)
    ref: str | None  # the ref read: refs/heads/x, refs/remotes/origin/x or refs/tags/archive/x
    commits: int = 0
    active_days: int = 0
    authors: tuple[str, ...] = ()
    added: int = 0  # lines; a renamed file counts only its changed lines
    removed: int = 0
    first: str | None = None  # ISO author date of the earliest commit
    last: str | None = None


def _all_refs(repo: Repository) -> dict[str, str]:
    """Every branch, remote-tracking branch and archive tag with the commit it points at, in one call."""
    output = repo.run(
        "for-each-ref", "--format=%(refname)%00%(objectname)%00%(*objectname)",
        "refs/heads", "refs/remotes", f"refs/tags/{TAG_PREFIX}",
    )
    refs = {}
    for line in output.splitlines():
        name, sha, peeled = line.split("\x00")
        refs[name] = peeled or sha
    return refs


def _branch_ref(refs: dict[str, str], branch: str) -> tuple[str | None, str | None, str | None]:
    """(state, ref, sha) for *branch*: local, else remote-tracking, else its archive tag."""
    candidates = [("branch", f"refs/heads/{branch}")]
    candidates += [
        ("remote", ref) for ref in sorted(refs)
        if ref.startswith("refs/remotes/") and ref.split("/", 3)[-1] == branch
    ]
    candidates.append(("archived", f"refs/tags/{TAG_PREFIX}{branch}"))
    for state, ref in candidates:
        if ref in refs:
            return state, ref, refs[ref]
    return None, None, None


def parse_numstat_log(output: str) -> dict:
    """Totals from `git log --numstat --format=%x01%H%x02%aN%x02%aI` output."""
    commits = 0
    days: set[str] = set()
    authors: set[str] = set()
    added = removed = 0
    dates: list[str] = []
    for chunk in output.split("\x01")[1:]:
        header, _, rest = chunk.partition("\n")
        _, author, date = header.split("\x02")
        commits += 1
        authors.add(author)
        days.add(date[:10])
        dates.append(date)
        for line in rest.splitlines():
            parts = line.split("\t", 2)
            if len(parts) == 3:
                # Binary files show "-" for both counts: they have no lines to count.
                added += int(parts[0]) if parts[0].isdigit() else 0
                removed += int(parts[1]) if parts[1].isdigit() else 0
    return {
        "commits": commits,
        "active_days": len(days),
        "authors": tuple(sorted(authors)),
        "added": added,
        "removed": removed,
        "first": min(dates, key=dt.datetime.fromisoformat) if dates else None,
        "last": max(dates, key=dt.datetime.fromisoformat) if dates else None,
    }


def branch_activity(repo: Repository, refs: dict[str, str], branch: str, main_sha: str) -> Activity:
    """The commits on *branch* (or its remote-tracking copy, or its archive tag) not on the main branch.

    The branch name is only looked up among the refs git listed; git itself gets SHAs.
    """
    if not branch or branch.startswith("-") or any(c in branch for c in "\n\x00"):
        return Activity(branch, "invalid", None)
    state, ref, sha = _branch_ref(refs, branch)
    if sha is None:
        return Activity(branch, "missing", None)
    output = repo.run(
        "log", "--numstat", "--format=%x01%H%x02%aN%x02%aI", "--end-of-options", sha, f"^{main_sha}", "--",
    )
    return Activity(branch, state, ref, **parse_numstat_log(output))


@dataclass(frozen=True)
class ActivityReport:
    main_branch: str
    shallow: bool
    activities: tuple[Activity, ...]


def activities(root: Path, branches: list[str], main_branch: str | None) -> ActivityReport:
    """Activity of each branch in *branches* against the main branch ([git] main_branch or detected)."""
    repo = open_repository(root)
    try:
        repo.require_commits()
        name, main_sha = repo.main_branch(main_branch)
        refs = _all_refs(repo)
        # The branches' logs are independent: run them side by side, one git process each.
        with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
            found = pool.map(lambda branch: branch_activity(repo, refs, branch, main_sha), branches)
            return ActivityReport(name, repo.is_shallow, tuple(found))
    finally:
        repo.close()
