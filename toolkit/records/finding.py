"""A lint finding: `path:line: error|warning: message`, the unit every check reports in."""

from toolkit.records.named import named


@named
class Finding:
    path: str
    line: int | None
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "severity": self.severity, "message": self.message}
