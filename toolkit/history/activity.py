"""Work on a branch that the main branch does not have: commits, days, authors, lines, from `git log`.

This module runs plain git processes rather than GitPython (ADR 0030): importing GitPython and the
`git version` calls it makes cost `decide effort git` a third of the CPU that git's own diffing does.
"""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history import linecounts, plaingit
from toolkit.history.archive import TAG_PREFIX
from toolkit.history.dates import day_order, day_text, written
from toolkit.history.rawgit import UTF8_LOG


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
    first: str | None = None  # ISO author date of the earliest commit, as git writes it
    last: str | None = None


class _Git(plaingit.Git):
    """git in one working tree, and its log parsed as it comes."""

    def log(self, *args: str, stdin: bytes | None = None) -> dict[str, tuple]:
        """The commits of `git log ARGS` (in parse_numstat_log's format), parsed while git is still writing.

        stdout is the only pipe, read in large blocks: watching stderr as well would make Python poll
        through a megabyte of log in small pieces. git's message is asked for again when it failed.
        *stdin* is for `--stdin`, which git reads whole before it writes anything.
        """
        args = (*UTF8_LOG, *args)
        commits: dict[str, tuple] = {}
        source = subprocess.DEVNULL if stdin is None else subprocess.PIPE
        with subprocess.Popen(["git", *args], cwd=self.top, env=plaingit.env(), stdin=source, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) as proc:
            if stdin is not None:
                with contextlib.suppress(BrokenPipeError):  # git stopped early: its message is asked for below
                    proc.stdin.write(stdin)
                    proc.stdin.close()
            pending = b""
            while block := proc.stdout.read(1 << 18):
                pending += block
                # Commits start at \x01: parse the complete ones, keep the last, which may go on.
                end = pending.rfind(b"\x01")
                if end > 0:
                    parse_numstat_log(pending[:end].decode("utf-8", "surrogateescape"), commits)
                    pending = pending[end:]
            parse_numstat_log(pending.decode("utf-8", "surrogateescape"), commits)
        if proc.returncode != 0:
            return parse_numstat_log(self.run(*args, stdin=stdin))
        return commits


def _open(root: Path) -> tuple[_Git, bool]:
    """The working tree holding *root* and whether it is a shallow clone, from one `git rev-parse`."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--is-shallow-repository", "--show-toplevel"], cwd=root,
                              env=plaingit.env(), capture_output=True)
    except FileNotFoundError:
        from toolkit.history.repository import GitUnavailable

        raise GitUnavailable() from None
    shallow, _, top = proc.stdout.decode("utf-8", "surrogateescape").removesuffix("\n").partition("\n")
    if proc.returncode != 0 or not top:
        # Not a repository, a bare one, or one git refuses: the history layer's own opening says which.
        from toolkit.history.repository import open_repository

        open_repository(root).close()
        raise DecisionbookError(plaingit.message(proc.stderr, proc.returncode), root)
    return _Git(Path(top).resolve()), shallow == "true"


class _Refs:
    """Every branch, remote-tracking branch and archive tag: the commit each points at, from one `for-each-ref`."""

    def __init__(self, targets: dict[str, str], commits: dict[str, str], symbolic: dict[str, str]):
        self.targets = targets  # ref -> the object it points at, tags peeled (what `git log` is given)
        self.commits = commits  # ref -> commit, for the refs that point at a commit (what `REF^{commit}` resolves)
        self.symbolic = symbolic  # symbolic ref -> the ref it points at (origin/HEAD)

    @classmethod
    def read(cls, git: _Git) -> _Refs:
        output = git.run(
            "for-each-ref", "--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)%00%(symref)",
            "refs/heads", "refs/remotes", f"refs/tags/{TAG_PREFIX}",
        )
        targets, commits, symbolic = {}, {}, {}
        for line in output.splitlines():
            name, sha, kind, peeled, peeled_kind, symref = line.split("\x00")
            targets[name] = peeled or sha
            if (peeled_kind or kind) == "commit":
                commits[name] = peeled or sha
            if symref:
                symbolic[name] = symref
        return cls(targets, commits, symbolic)

    def has_commits(self, git: _Git) -> bool:
        if any(ref.startswith(("refs/heads/", "refs/remotes/")) for ref in self.targets):
            return True
        return git.output("rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode == 0

    def main_branch(self, git: _Git, configured: str | None, settings: Path | None) -> tuple[str, str]:
        """(name, sha) of the main branch: [git] main_branch (set in *settings*), else origin/HEAD, else
        main, else master."""
        if configured:
            setting = f"[git] main_branch {configured!r}"
            if configured.startswith("-") or any(c in configured for c in "\n\x00"):
                raise DecisionbookError(f"{setting} is not a usable branch name: it may not start with '-'", settings)
            checked = git.output("check-ref-format", "--branch", configured)
            if checked.returncode != 0 or checked.stdout.decode("utf-8", "surrogateescape").strip() != configured:
                raise DecisionbookError(f"{setting} is not a valid git branch name", settings)
            for ref in (f"refs/heads/{configured}", f"refs/remotes/{configured}", f"refs/remotes/origin/{configured}"):
                if ref in self.commits:
                    return configured, self.commits[ref]
            raise DecisionbookError(f"{setting} is not a branch of this repository", settings)
        origin = self.symbolic.get("refs/remotes/origin/HEAD")
        if origin in self.commits:
            return origin.removeprefix("refs/remotes/"), self.commits[origin]
        for name in ("main", "master"):
            for ref in (f"refs/heads/{name}", f"refs/remotes/origin/{name}"):
                if ref in self.commits:
                    return name, self.commits[ref]
        raise DecisionbookError(
            "cannot tell the main branch (no origin/HEAD, main or master); set [git] main_branch in decisionbook.toml"
        )

    def branch(self, branch: str) -> tuple[str | None, str | None, str | None]:
        """(state, ref, sha) for *branch*: local, else remote-tracking, else its archive tag."""
        candidates = [("branch", f"refs/heads/{branch}")]
        candidates += [
            ("remote", ref) for ref in sorted(self.targets)
            if ref.startswith("refs/remotes/") and ref.split("/", 3)[-1] == branch
        ]
        candidates.append(("archived", f"refs/tags/{TAG_PREFIX}{branch}"))
        for state, ref in candidates:
            if ref in self.targets:
                return state, ref, self.targets[ref]
        return None, None, None


def parse_numstat_log(output: str, commits: dict[str, tuple] | None = None) -> dict[str, tuple]:
    """Each commit of `git log --numstat --format=%x01%H%x02%P%x02%aN%x02%aI%x02%at` output, in git's order.

    By SHA: (parent SHAs, author, ISO author date as git writes it, seconds since 1970, lines added, lines
    removed); both dates None where git cannot write the commit's date. Added to *commits* when given.
    """
    commits = {} if commits is None else commits
    for chunk in output.split("\x01")[1:]:
        header, _, rest = chunk.partition("\n")
        sha, parents, author_dates = header.split("\x02", 2)
        author, date, seconds = author_dates.rsplit("\x02", 2)
        added = removed = 0
        for line in rest.split("\n"):
            if line:
                parts = line.split("\t", 2)
                if len(parts) == 3:
                    # Binary files show "-" for both counts: they have no lines to count.
                    added += int(parts[0]) if parts[0].isdigit() else 0
                    removed += int(parts[1]) if parts[1].isdigit() else 0
        date = written(date)
        commits[sha] = (parents.split(), author, date, int(seconds) if date else None, added, removed)
    return commits


# The seconds order the commits: a date past the year 9999 is no Python datetime.
_FORMAT = "--format=%x01%H%x02%P%x02%aN%x02%aI%x02%at"


def _counted_log(git: _Git, revisions: list[str]) -> dict[str, tuple]:
    """The commits of `git log --numstat REVISIONS`; git diffs only those no earlier run counted (ADR 0036)."""
    key = linecounts.settings(git)
    saves, known = linecounts.load(git.top, key)
    if not known:
        commits = git.log("log", "--numstat", _FORMAT, "--end-of-options", *revisions, "--")
    else:
        commits = git.log("log", _FORMAT, "--end-of-options", *revisions, "--")
        missing = []
        for sha, commit in commits.items():
            counted = linecounts.lines(known.get(sha), " ".join(commit[0]))
            if counted is None:
                missing.append(sha)
            else:
                commits[sha] = (*commit[:4], *counted)
        if not missing:
            return commits
        counted = git.log("log", "--numstat", "--no-walk=unsorted", _FORMAT, "--stdin",
                          stdin="".join(f"{sha}\n" for sha in missing).encode())
        for sha in missing:
            commits[sha] = (*commits[sha][:4], *counted[sha][4:])
    linecounts.save(git.top, key, saves, known, commits)
    return commits


def _totals(commits: dict[str, tuple], order: dict[str, int], tip: str, until: str | None = None) -> dict:
    """Totals over the commits reachable from *tip* among *commits*, the log of every branch without main;
    with *until* (YYYY-MM-DD), over those authored by the end of that day.

    A commit of that log reached from *tip* has all its ancestors that main lacks in the log too, so
    walking parents inside it finds exactly what `git log TIP ^main` lists.
    """
    seen: set[str] = set()
    stack = [tip]
    while stack:
        sha = stack.pop()
        if sha not in seen and sha in commits:
            seen.add(sha)
            stack.extend(commits[sha][0])
    own = [commits[sha] for sha in sorted(seen, key=order.__getitem__)]
    if until is not None:
        # A commit git cannot date is not known to be authored by then.
        own = [commit for commit in own if commit[2] and day_order(day_text(commit[2])) <= day_order(until)]
    dated = [commit for commit in own if commit[2]]
    return {
        "commits": len(own),
        "active_days": len({day_text(date) for _, _, date, _, _, _ in dated}),
        "authors": tuple(sorted({author for _, author, _, _, _, _ in own})),
        "added": sum(commit[4] for commit in own),
        "removed": sum(commit[5] for commit in own),
        "first": min(dated, key=lambda commit: commit[3])[2] if dated else None,
        "last": max(dated, key=lambda commit: commit[3])[2] if dated else None,
    }


@dataclass(frozen=True)
class ActivityReport:
    main_branch: str
    shallow: bool
    activities: tuple[Activity, ...]


def main_branch_names(root: Path, configured: str | None, settings: Path | None = None) -> frozenset[str]:
    """The main branch as `decide effort git` counts against it, by the names a card's `branch:` may give it
    (`main` for `origin/main`); none when there is no such branch yet."""
    git, _ = _open(root)
    refs = _Refs.read(git)
    try:
        name, _ = refs.main_branch(git, configured, settings)
    except DecisionbookError:  # a setting naming no branch yet still names the main one; else there is none
        name = configured or ""
    return frozenset({name, name.removeprefix("origin/")} - {""})


def activities(root: Path, branches: list[str], main_branch: str | None, settings: Path | None = None,
               until: str | None = None) -> ActivityReport:
    """Activity of each branch in *branches* against the main branch ([git] main_branch, set in
    *settings*, or detected); with *until* (YYYY-MM-DD), of the commits authored by the end of that day.

    Each branch is read from its local branch, else its remote-tracking copy, else its archive tag;
    branch names are only looked up among the refs git listed, and git itself gets SHAs. One
    `git log` over all of them diffs each commit once, however many branches share it, and a commit
    an earlier run counted is not diffed again.
    """
    git, shallow = _open(root)
    refs = _Refs.read(git)
    if not refs.has_commits(git):
        raise DecisionbookError("the git repository has no commits yet; commit something first")
    name, main_sha = refs.main_branch(git, main_branch, settings)
    found = {}
    for branch in branches:
        if not branch or branch.startswith("-") or any(c in branch for c in "\n\x00"):
            found[branch] = ("invalid", None, None)
        else:
            state, ref, sha = refs.branch(branch)
            found[branch] = ("missing", None, None) if sha is None else (state, ref, sha)
    tips = sorted({sha for _, _, sha in found.values() if sha})
    commits = _counted_log(git, [*tips, f"^{main_sha}"]) if tips else {}
    order = {sha: at for at, sha in enumerate(commits)}
    totals = {tip: _totals(commits, order, tip, until) for tip in tips}
    return ActivityReport(name, shallow, tuple(
        Activity(branch, state, ref, **totals[sha]) if sha else Activity(branch, state, ref)
        for branch, (state, ref, sha) in ((branch, found[branch]) for branch in branches)
    ))
