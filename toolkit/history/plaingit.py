"""git run as plain processes, for the questions GitPython's import would cost more than git's answer (ADR 0030)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history.rawgit import batch_input, batch_output, env


def message(stderr: bytes, status: int) -> str:
    """git's error text in one line."""
    lines = [line.strip() for line in stderr.decode("utf-8", "surrogateescape").splitlines() if line.strip()]
    return "; ".join(lines) or f"git exited with status {status}"


class Git:
    """git run in one working tree, with fixed options; user strings are only ever looked up, never passed as options."""

    # A plain class: a dataclass costs the commands that use it more to define than it saves to write.
    def __init__(self, top: Path):
        self.top = top

    def output(self, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(["git", *args], cwd=self.top, env=env(), capture_output=True, input=stdin)
        except FileNotFoundError:
            from toolkit.history.repository import GitUnavailable

            raise GitUnavailable() from None

    def run(self, *args: str, stdin: bytes | None = None) -> str:
        """Output of `git ARGS`; a failure becomes a DecisionbookError with git's message in one line."""
        proc = self.output(*args, stdin=stdin)
        if proc.returncode != 0:
            raise DecisionbookError(message(proc.stderr, proc.returncode), self.top)
        return proc.stdout.decode("utf-8", "surrogateescape")

    def objects(self, specs) -> dict[str, tuple[bytes, bytes, bytes]]:
        """(id, type, data) of the object each of *specs* names (an id, `<commit>:<path>`), by spec;
        specs that name nothing are left out.

        All of them are asked of one `git cat-file --batch` in one go: a question and answer per object
        makes both processes wait for each other thousands of times, which a busy machine makes slow.
        """
        wanted = list(dict.fromkeys(specs))
        lines = [spec for spec in wanted if "\n" not in spec]
        found = self._batch(lines) if lines else {}
        if len(lines) < len(wanted):
            # git reads one spec a line: a path holding a newline is asked NUL-separated (`-z`, git 2.38 or newer;
            # an older git refuses it, and those specs name nothing).
            found |= self._batch([spec for spec in wanted if "\n" in spec], nul=True)
        return found

    def _batch(self, wanted: list[str], nul: bool = False) -> dict[str, tuple[bytes, bytes, bytes]]:
        proc = self.output("cat-file", "--batch", *(["-z"] if nul else []), stdin=batch_input(wanted, nul))
        if proc.returncode != 0:
            if nul:
                return {}
            raise DecisionbookError(f"git cat-file failed: {message(proc.stderr, proc.returncode)}", self.top)
        return batch_output(proc.stdout, wanted)

    def blobs(self, specs) -> dict[str, bytes]:
        """The data of each blob *specs* name, by spec; specs that name nothing, or no blob, are left out."""
        return {spec: data for spec, (_, kind, data) in self.objects(specs).items() if kind == b"blob"}


def working_tree(root: Path, required: bool = False) -> Git | None:
    """The working tree holding *root*; None outside git, in a bare repository, one git refuses, or
    where git is not installed. *required*: a repository git refuses (another owner's, a newer format),
    or one where git is not installed, is an error naming why, as answering from today's files would be
    wrong; outside git it is still None."""
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, env=env(), capture_output=True)
    except OSError:
        proc = None
    top = proc.stdout.decode("utf-8", "surrogateescape").removesuffix("\n") if proc is not None else ""
    if proc is not None and proc.returncode == 0 and top:
        return Git(Path(top).resolve())
    from toolkit.records.parsecache import git_dir

    if not required or git_dir(root) is None:
        return None
    from toolkit.history.repository import GitUnavailable

    raise GitUnavailable(message(proc.stderr, proc.returncode), root) if proc is not None else GitUnavailable()
