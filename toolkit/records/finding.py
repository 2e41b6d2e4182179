"""A lint finding: `path:line: error|warning: message`, the unit every check reports in."""

# No `from __future__ import annotations`: NamedTuple would compile each field's annotation string.
from typing import NamedTuple  # not dataclasses, which import inspect and ast


class Finding(NamedTuple):
    path: str
    line: int | None
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "severity": self.severity, "message": self.message}
