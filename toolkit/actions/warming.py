"""Keeping the ledgers and cards in the parse cache in a second process while `decide triage` runs
(ADR 0237, ADR 0253).

The first run in a clone finds no cache and parses every ledger line, which costs as much as the rest
of the run. A child forked before the command's own modules are imported keeps what judging reads
first (the evidence, verdicts and retractions), then the effort, saying so after each through a pipe,
then the cards. Meanwhile the command imports, opens the workspace and reads the cards without
keeping them; it reads the evidence from the cache once the child says it is kept, judges, and reads
the effort once that is kept. The cache is keyed by what was read, so a child that failed, or was
killed, costs the command only the reading it would have done anyway, and the next run the keeping,
never a different answer.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

_forked = False
_pipe: int | None = None  # the child writes a byte to it each time it has kept what the command waits for
_kept = 0  # how many of those the command has heard of: the ledgers judging reads, then every ledger
_JUDGING, _LEDGERS = 1, 2


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
    """Fork a child keeping the ledgers and cards of the workspace holding *folder* in the cache, when
    no ledger is kept there yet, one holds lines, in git, and a second core can run it; `wait_for_judging`
    and `wait` wait for the ledgers. For a process's own entry only: a process that goes on (a test, a
    notebook) gets no child."""
    global _forked, _pipe
    # macOS: a forked child running Python is not safe once system libraries are loaded; Windows cannot fork.
    if _forked or not hasattr(os, "fork") or sys.platform == "darwin" or _cores() < 2:
        return
    if not _cold(Path(folder)):
        return
    # Imported before the fork: the command imports them too, and the child starts reading at once.
    from toolkit.actions.ledgers import read_effort, read_evidence, read_verdicts
    from toolkit.actions.prototypes import read_cards
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
        heard, told = os.pipe()
    except OSError:
        return
    # What is alive now stays: the collector never walks it, so neither process copies its pages by marking them.
    gc.freeze()
    try:
        pid = os.fork()
    except OSError:
        os.close(heard)
        os.close(told)
        return
    if pid:
        os.close(told)
        _forked, _pipe = True, heard
        return
    try:
        os.close(heard)
        # Nothing the child does is seen, and a pipe the command writes to closes when the command ends.
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        with paused_gc():
            read_evidence(ws)
            read_verdicts(ws)
            _tell(told)
            read_effort(ws)
            _tell(told)
            read_cards(ws)
    finally:
        os._exit(0)  # no flush of buffers copied from the command, no handlers it registered


def _tell(told: int) -> None:
    try:
        os.write(told, b".")
    except OSError:
        pass  # the command has ended: what is kept serves the next one


def keeps_cards() -> bool:
    """Whether a child keeps the cards: the command reading them meanwhile need not."""
    return _forked


def _until(stage: int) -> None:
    global _pipe, _kept
    while _pipe is not None and _kept < stage:
        try:
            said = os.read(_pipe, 1)
        except OSError:
            said = b""
        # Nothing: the child has ended, and whatever it did not keep the command reads itself.
        _kept = _kept + 1 if said else _LEDGERS
    if _pipe is not None and _kept >= _LEDGERS:
        os.close(_pipe)
        _pipe = None


def wait_for_judging() -> None:
    """Wait until the child `start` forked, if any, has kept what judging reads: the evidence, the verdicts and
    the retractions."""
    _until(_JUDGING)


def wait() -> None:
    """Wait until the child `start` forked, if any, has kept every ledger; it goes on to keep the cards."""
    _until(_LEDGERS)
