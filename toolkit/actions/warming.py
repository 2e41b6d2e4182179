"""Reading the ledgers into the parse cache in a second process while `decide triage` starts (ADR 0237).

The first run in a clone finds no cache and parses every ledger line, which costs as much as the rest
of the run. A child forked before the command's own modules are imported reads the ledgers, keeps what
it parsed in the cache and ends; meanwhile the command imports, opens the workspace and reads the
cards, then waits for the child and reads the ledgers from the cache. The cache is keyed by the
ledgers' bytes, so a child that failed, or was killed, costs the command only the reading it would
have done anyway, never a different answer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_child: int | None = None


def _cold(start: Path) -> bool:
    """Whether the workspace holding *start* is in git and no ledger of it has been read into the cache yet."""
    from toolkit.records.parsecache import FOLDER, git_dir

    folder = git_dir(start)
    if folder is None:
        return False  # outside git the cache is per folder read, and a first run happens once per machine
    try:
        return not any(name.startswith("ledger-") for name in os.listdir(folder / FOLDER))
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _holds_lines(path: Path) -> bool:
    try:
        return os.stat(path).st_size > 0
    except OSError:
        return False


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def start(folder: str = ".") -> None:
    """Fork a child reading the ledgers of the workspace holding *folder* into the cache, when none is
    there yet, one holds lines, in git, and a second core can run it; `wait` waits for it. For a
    process's own entry only: a process that goes on (a test, a notebook) gets no child."""
    global _child
    # macOS: a forked child running Python is not safe once system libraries are loaded; Windows cannot fork.
    if _child is not None or not hasattr(os, "fork") or sys.platform == "darwin" or _cores() < 2:
        return
    if not _cold(Path(folder)):
        return
    # Imported before the fork: the command imports them too, and the child starts reading at once.
    from toolkit.actions.ledgers import read_effort, read_evidence, read_verdicts
    from toolkit.errors import DecisionbookError
    from toolkit.records.bulk import paused_gc
    from toolkit.workspace import open_workspace

    try:
        ws = open_workspace(folder)
    except (DecisionbookError, OSError):
        return  # the command opens it again, and says why
    if not any(_holds_lines(path) for path in (ws.evidence_ledger, ws.effort_ledger, ws.verdict_ledger)):
        return  # nothing would be kept, so every run would fork again
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        return
    if pid:
        _child = pid
        return
    try:
        # Nothing the child does is seen, and a pipe the command writes to closes when the command ends.
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        with paused_gc():
            read_evidence(ws)
            read_effort(ws)
            read_verdicts(ws)
    finally:
        os._exit(0)  # no flush of buffers copied from the command, no handlers it registered


def wait() -> None:
    """Wait for the child `start` forked, if any: the ledgers are then read from what it kept."""
    global _child
    if _child is None:
        return
    pid, _child = _child, None
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
