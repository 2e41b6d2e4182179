"""The workspace's git repository: opening it, running git, and turning user revisions into SHAs safely."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import DecisionbookError

# git's messages in English whatever the user's locale, as the messages we pass on expect.
_ENV = {**os.environ, "LANGUAGE": "C", "LC_ALL": "C"}


class _GitFailed(Exception):
    def __init__(self, status: int, stderr: str):
        super().__init__(stderr)
        self.status = status
        self.stderr = stderr


def _git_message(exc: _GitFailed) -> str:
    """git's own error text, in one line."""
    lines = [line.strip() for line in exc.stderr.splitlines() if line.strip()]
    return "; ".join(lines) or f"git exited with status {exc.status}"


def _git(cwd: Path, args: list[str]) -> str:
    """Output of `git ARGS` in *cwd* (one final newline dropped); _GitFailed when git fails."""
    proc = subprocess.run(["git", *args], cwd=cwd, env=_ENV, capture_output=True)
    if proc.returncode != 0:
        raise _GitFailed(proc.returncode, proc.stderr.decode("utf-8", "replace"))
    out = proc.stdout.decode("utf-8", "surrogateescape")
    return out[:-1] if out.endswith("\n") else out


@dataclass
class Repository:
    """An open git repository, asked through plain `git` processes (importing GitPython costs more than most answers).

    User strings never reach git as options: revisions go through `resolve` (`rev-parse --verify
    --end-of-options REV^{commit}`) and only the SHAs are used afterwards; branch names go through
    `check_branch_name` (`git check-ref-format --branch`, no leading `-`).
    """

    top: Path
    _batch: subprocess.Popen | None = field(default=None, repr=False)

    def run(self, *args: str, what: str | None = None) -> str:
        """Output of `git ARGS`; a failure becomes a DecisionbookError with git's message in one line."""
        try:
            return _git(self.top, list(args))
        except _GitFailed as exc:
            message = _git_message(exc)
            raise DecisionbookError(f"{what}: {message}" if what else message, self.top) from None

    def run_ok(self, *args: str) -> str | None:
        """Output of `git ARGS`, or None when git fails (for questions whose answer may be no)."""
        try:
            return _git(self.top, list(args))
        except _GitFailed:
            return None

    def object_data(self, spec: str) -> tuple[str, str, bytes] | None:
        """(sha, type, data) of the object *spec* names (`<sha>:<path>`), or None when it is missing.

        One long-running `git cat-file --batch` answers every call, so reading many blobs and
        trees costs one process.
        """
        if "\n" in spec:
            return None
        if self._batch is None:
            self._batch = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.top, env=_ENV,
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._batch.stdin.write(spec.encode("utf-8", "surrogateescape") + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if len(header) != 3:  # `<spec> missing` or `ambiguous`
            return None
        size = int(header[2])
        data = self._batch.stdout.read(size + 1)[:size]
        return header[0].decode("ascii"), header[1].decode("ascii"), data

    @property
    def is_shallow(self) -> bool:
        return (self.run_ok("rev-parse", "--is-shallow-repository") or "").strip() == "true"

    def shallow_commits(self) -> set[str]:
        """The commits where a shallow clone's history is cut off (empty in a full clone)."""
        path = Path(self.run("rev-parse", "--git-path", "shallow").strip())
        path = path if path.is_absolute() else self.top / path
        try:
            return set(path.read_text(encoding="ascii").split())
        except OSError:
            return set()

    @property
    def has_commits(self) -> bool:
        return self.run_ok("rev-parse", "--verify", "--quiet", "HEAD^{commit}") is not None or bool(
            self.run("for-each-ref", "--count=1", "--format=%(objectname)", "refs/heads", "refs/remotes")
        )

    def require_commits(self) -> None:
        if not self.has_commits:
            raise DecisionbookError("the git repository has no commits yet; commit something first", self.top)

    def resolve(self, rev: str, what: str = "revision") -> str:
        """The commit SHA that user revision *rev* names; exit 2 with git's message when it does not."""
        if not rev or rev.startswith("-"):
            raise DecisionbookError(f"{what} {rev!r} is not a revision: it may not be empty or start with '-'")
        if "\n" in rev or "\x00" in rev:
            raise DecisionbookError(f"{what} must be one line")
        try:
            return _git(self.top, ["rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}"])
        except _GitFailed as exc:
            message = _git_message(exc)
            if not self.has_commits:
                message = "the git repository has no commits yet"
            elif self.is_shallow:
                message += " (this is a shallow clone: `git fetch --unshallow` brings the missing history)"
            raise DecisionbookError(f"{what} {rev!r} does not resolve: {message}", self.top) from None

    def ref_sha(self, refname: str) -> str | None:
        """The commit a full ref name (`refs/heads/x`, built by us from a checked name) points at."""
        out = self.run_ok("rev-parse", "--verify", "--quiet", "--end-of-options", f"{refname}^{{commit}}")
        return out.strip() if out else None

    def check_branch_name(self, name: str) -> str:
        """*name* when it is a valid branch name; a DecisionbookError saying why not otherwise."""
        if not name or name.startswith("-") or any(c in name for c in "\n\x00"):
            raise DecisionbookError(f"{name!r} is not a usable branch name: it may not be empty or start with '-'")
        checked = self.run_ok("check-ref-format", "--branch", name)
        if checked is None or checked.strip() != name:
            raise DecisionbookError(f"{name!r} is not a valid git branch name")
        return name

    def main_branch(self, configured: str | None) -> tuple[str, str]:
        """(name, sha) of the main branch: [git] main_branch, else origin/HEAD, else main, else master."""
        if configured:
            self.check_branch_name(configured)
            for ref in (f"refs/heads/{configured}", f"refs/remotes/{configured}", f"refs/remotes/origin/{configured}"):
                sha = self.ref_sha(ref)
                if sha:
                    return configured, sha
            raise DecisionbookError(f"[git] main_branch {configured!r} is not a branch of this repository")
        origin = self.run_ok("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD")
        if origin and self.ref_sha(origin.strip()):
            return origin.strip().removeprefix("refs/remotes/"), self.ref_sha(origin.strip())
        for name in ("main", "master"):
            for ref in (f"refs/heads/{name}", f"refs/remotes/origin/{name}"):
                sha = self.ref_sha(ref)
                if sha:
                    return name, sha
        raise DecisionbookError(
            "cannot tell the main branch (no origin/HEAD, main or master); set [git] main_branch in decisionbook.toml"
        )

    def relative(self, path: Path) -> str:
        """*path* relative to the repository's top folder, with `/` separators."""
        return Path(path).resolve().relative_to(self.top).as_posix()

    def close(self) -> None:
        if self._batch is not None:
            self._batch.stdin.close()
            self._batch.wait()
            self._batch.stdout.close()
            self._batch = None


def open_repository(root: Path, required: bool = True) -> Repository | None:
    """The git repository holding *root*; None (or, when *required*, a clear error) when there is none."""
    try:
        inside = _git(Path(root), ["rev-parse", "--is-inside-work-tree"]).strip()
        top = _git(Path(root), ["rev-parse", "--show-toplevel"]).strip() if inside == "true" else ""
    except (_GitFailed, OSError):
        if required:
            raise DecisionbookError("not inside a git repository", root) from None
        return None
    if not top:
        if required:
            raise DecisionbookError("the workspace must be a git working tree, not a bare repository", root)
        return None
    return Repository(Path(top).resolve())
