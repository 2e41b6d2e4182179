"""The workspace's git repository: opening it, running git, and turning user revisions into SHAs safely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import DecisionbookError


NO_GIT = "git is not installed, or not on PATH; this command reads the git repository (git 2.30 or newer)"


class GitUnavailable(DecisionbookError):
    """git cannot be run here: it is not installed, or it refuses the repository (one owned by another user).
    Unlike a workspace outside git, which has no history to show, this one has a history that cannot be read:
    a report must not show it as empty."""

    def __init__(self, message: str = NO_GIT, path=None):
        super().__init__(message, path)


def _git_message(exc) -> str:
    """git's own error text from a GitCommandError, in one line."""
    text = str(exc.stderr or "").strip().removeprefix("stderr:").strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        text = text[1:-1]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "; ".join(lines) or f"git exited with status {exc.status}"


@dataclass
class Repository:
    """An open git repository.

    User strings never reach git as options: revisions go through `resolve` (`rev-parse --verify
    --end-of-options REV^{commit}`) and only the SHAs are used afterwards; branch names go through
    `check_branch_name` (`git check-ref-format --branch`, no leading `-`).
    """

    handle: object  # git.Repo
    top: Path

    def run(self, *args: str, what: str | None = None) -> str:
        """Output of `git ARGS`; a failure becomes a DecisionbookError with git's message in one line."""
        from git.exc import GitCommandError

        try:
            return self.handle.git.execute(["git", *args])
        except GitCommandError as exc:
            message = _git_message(exc)
            raise DecisionbookError(f"{what}: {message}" if what else message, self.top) from None

    def run_ok(self, *args: str) -> str | None:
        """Output of `git ARGS`, or None when git fails (for questions whose answer may be no)."""
        from git.exc import GitCommandError

        try:
            return self.handle.git.execute(["git", *args])
        except GitCommandError:
            return None

    def object_data(self, spec: str) -> tuple[str, str, bytes] | None:
        """(sha, type, data) of the object *spec* names (`<sha>:<path>`), or None when it is missing.

        One long-running `git cat-file --batch` answers every call, so reading many blobs and
        trees costs one process.
        """
        if "\n" in spec:  # the batch reads a spec a line: a path holding a newline is asked NUL-separated
            from toolkit.history.plaingit import Git

            found = Git(self.top).objects([spec]).get(spec)
            return None if found is None else (found[0].decode("ascii"), found[1].decode("ascii"), found[2])
        try:
            sha, kind, _, data = self.handle.git.get_object_data(spec)
        except ValueError:
            return None
        return sha.decode("ascii"), kind.decode("ascii"), data

    def blobs(self, ids) -> dict[str, bytes]:
        """The data of each blob in *ids* (full object ids), by id; ids that are missing or not blobs are left out."""
        from toolkit.history.plaingit import Git

        return Git(self.top).blobs(ids)

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
            raise DecisionbookError("the git repository has no commits yet; commit something first")

    def resolve(self, rev: str, what: str = "revision") -> str:
        """The commit SHA that user revision *rev* names; exit 2 with git's message when it does not."""
        if not rev or rev.startswith("-"):
            raise DecisionbookError(f"{what} {rev!r} is not a revision: it may not be empty or start with '-'")
        if "\n" in rev or "\x00" in rev:
            raise DecisionbookError(f"{what} must be one line")
        from git.exc import GitCommandError

        try:
            return self.handle.git.execute(["git", "rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}"])
        except GitCommandError as exc:
            message = _git_message(exc)
            if not self.has_commits:
                message = "the git repository has no commits yet"
            elif self.is_shallow:
                message += " (this is a shallow clone: `git fetch --unshallow` brings the missing history)"
            raise DecisionbookError(f"{what} {rev!r} does not resolve: {message}") from None

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

    def relative(self, path: Path) -> str:
        """*path* relative to the repository's top folder, with `/` separators."""
        return Path(path).resolve().relative_to(self.top).as_posix()

    def close(self) -> None:
        self.handle.close()


def open_repository(root: Path, required: bool = True) -> Repository | None:
    """The git repository holding *root*; None (or, when *required*, a clear error) when there is none."""
    try:
        import git
    except ImportError:
        # GitPython refuses to import when it finds no git to run: its page of advice is no answer to a user.
        import shutil

        if shutil.which("git") is None:
            raise GitUnavailable() from None
        raise

    try:
        handle = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        if required:
            raise DecisionbookError("not inside a git repository", root) from None
        return None
    try:
        # GitPython opens a repository git itself refuses (`safe.directory`) without asking git: every question
        # would then fail, and the answers read as none.
        handle.git.execute(["git", "rev-parse", "--git-dir"])
    except git.GitCommandError as exc:
        handle.close()
        raise GitUnavailable(_git_message(exc), root) from None
    if handle.bare or handle.working_tree_dir is None:
        handle.close()
        if required:
            raise DecisionbookError("the workspace must be a git working tree, not a bare repository", root)
        return None
    return Repository(handle, Path(handle.working_tree_dir).resolve())
