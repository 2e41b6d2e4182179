"""The one root error type, and the exit codes the command line maps it to."""

from __future__ import annotations

import os  # not pathlib: importing it costs `decide --version` more than the rest of its work


class DecisionbookError(Exception):
    """A problem with the user's input or files; shown as `path:line: message`, never a traceback."""

    exit_code = 2

    def __init__(self, message: str, path: str | os.PathLike | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class CheckFailed(DecisionbookError):
    """A check ran and found problems (exit code 1), as opposed to bad input (exit code 2)."""

    exit_code = 1


def _as_typed(path: str) -> str:
    """*path* relative to the current folder when it lies below it: the name a user would type."""
    from pathlib import Path

    try:
        return str(Path(path).relative_to(Path.cwd()))
    except (ValueError, OSError):
        return path


def error_line(exc: DecisionbookError | OSError) -> str:
    """The one line the command line prints for *exc*: `path:line: error: message`."""
    if isinstance(exc, DecisionbookError):
        where = ""
        if exc.path is not None:
            path = _as_typed(exc.path)
            where = f"{path}:{exc.line}: " if exc.line is not None else f"{path}: "
        return f"{where}error: {exc.message}"
    name = f"{exc.filename}: " if exc.filename else ""
    return f"{name}error: {exc.strerror or exc}"
