"""The files each commit of a revision range changed, read in one `git log` pass."""

from __future__ import annotations

from dataclasses import dataclass
from toolkit.errors import DecisionbookError
from toolkit.history.rawgit import ROOT_SHOWN, UTF8_LOG
from toolkit.history.repository import Repository


@dataclass(frozen=True)
class Commit:
    sha: str
    subject: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class RangeChanges:
    range: str
    base: str | None  # resolved SHA of the excluded side, None for a single revision's history
    tip: str
    commits: tuple[Commit, ...]  # newest first

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(sorted({p for c in self.commits for p in c.paths}))


def resolve_range(repo: Repository, text: str) -> tuple[str | None, str]:
    """(base, tip) SHAs for `A..B`, `A...B` (base = merge base) or a lone `B` (all its history).

    An empty side means HEAD, as in git.
    """
    if not text or text.startswith("-"):
        raise DecisionbookError(f"revision range {text!r} may not be empty or start with '-'")
    if "..." in text:
        left, right = text.split("...", 1)
        left_sha = repo.resolve(left or "HEAD")
        right_sha = repo.resolve(right or "HEAD")
        base = repo.run("merge-base", left_sha, right_sha, what=f"no common ancestor for {text!r}").strip()
        return base, right_sha
    if ".." in text:
        left, right = text.split("..", 1)
        return repo.resolve(left or "HEAD"), repo.resolve(right or "HEAD")
    return None, repo.resolve(text)


def parse_log(output: str) -> list[Commit]:
    """Commits from `git log -z --name-only --format=%x01%H%x02%s` output."""
    commits = []
    for chunk in output.split("\x01")[1:]:
        header, _, rest = chunk.partition("\x00")
        sha, _, subject = header.partition("\x02")
        paths = tuple(p for p in rest.lstrip("\n").split("\x00") if p)
        commits.append(Commit(sha, subject, paths))
    return commits


def range_changes(repo: Repository, text: str) -> RangeChanges:
    """Every commit in revision range *text* with the paths it changed (renames as delete + add)."""
    repo.require_commits()
    base, tip = resolve_range(repo, text)
    spec = [tip] if base is None else [tip, f"^{base}"]
    output = repo.run(
        "-c", "core.quotepath=off", *ROOT_SHOWN, *UTF8_LOG, "log", "-z", "--name-only", "--no-renames",
        "--format=%x01%H%x02%s", "--end-of-options", *spec, "--",
    )
    commits = tuple(parse_log(output))
    boundary = repo.shallow_commits() & {c.sha for c in commits}
    if boundary:
        # A shallow clone's oldest commit shows its whole tree as added: the range is incomplete.
        raise DecisionbookError(
            f"revision range {text!r} reaches the start of this shallow clone ({min(boundary)[:12]}); "
            "fetch more history (`git fetch --deepen=N` or `--unshallow`)",
            repo.top,
        )
    return RangeChanges(text, base, tip, commits)
