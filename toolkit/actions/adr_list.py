"""What `decide adr list` prints: the ADRs as rows in a format, the error it ends with, and a cache of it.

The printed text is kept under the folder's hash (see adr_folder) in the git folder, else in the
user's cache folder (see parsecache), unless the listing ends in an error.
"""

from __future__ import annotations

from toolkit.actions.adr_folder import folder_key
from toolkit.errors import DecisionbookError
from toolkit.records import parsecache
from toolkit.workspace import Workspace

COLUMNS = ["number", "title", "status", "date", "path"]


def _listing(ws: Workspace, status: str | None, fmt: str) -> tuple[str, DecisionbookError | None]:
    from toolkit.actions.adrs import decision_row, list_decisions
    from toolkit.records.table import render

    decisions = list_decisions(ws, status)
    rows = [decision_row(ws, record) for record in decisions.records]
    if fmt != "json":
        rows = [{**row, "number": row["number"] if row["number"] is not None else row["key"]} for row in rows]
    return render(rows, COLUMNS, fmt), decisions.unreadable_error()


def adr_listing(ws: Workspace, status: str | None = None, fmt: str = "table") -> tuple[str, DecisionbookError | None]:
    """The listing of *ws*'s ADRs (only *status* when given) in *fmt*, and the first unreadable file as an error.

    The listing shows every readable ADR even when some file cannot be read; the error then names
    that file and counts the others.
    """
    key = folder_key(ws, status, fmt)
    if key is not None:
        cached = parsecache.load_blob(ws.root, f"adr-list-{fmt}", key)
        if cached is not None:
            return cached.decode("utf-8"), None
    text, error = _listing(ws, status, fmt)
    if key is not None and error is None:
        parsecache.save_blob(ws.root, f"adr-list-{fmt}", key, text.encode("utf-8"))
    return text, error
