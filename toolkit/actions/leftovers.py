"""`decide check` warnings for temporary files and locks that an interrupted command left in the workspace."""

from __future__ import annotations

from toolkit.actions.adrs import record_folders
from toolkit.records import parsecache
from toolkit.records.files import leftover_temps, stale_locks
from toolkit.records.finding import Finding
from toolkit.workspace import Workspace


def findings(ws: Workspace) -> list[Finding]:
    """A warning for each `.NAME.*.tmp`, and each `NAME.lock` whose process has ended, in the folders
    decisionbook writes, the parse cache's included: the ADR folder and the category folders below it that records
    are read from, the folders of teams that number their own records (ADR 0129) among them, where `decide adr
    renumber` run at the top edits them; not a link to a folder, whose records are not read, nor written."""
    folders = [ws.root, *record_folders(ws.adr_dir), ws.proto_dir, ws.reports_dir]
    git = parsecache.git_dir(ws.root)
    if git is not None:
        folders.append(git / parsecache.FOLDER)
    found = []
    for folder in dict.fromkeys(folders):
        for temp in leftover_temps(folder):
            found.append(Finding(ws.relative(temp), None, "warning",
                                 "temporary file left by an interrupted write; the next write of "
                                 f"{temp.name[1:].rsplit('.', 2)[0]} removes it, or delete it"))
        for lock, holder in stale_locks(folder):
            found.append(Finding(ws.relative(lock), None, "warning", _left(lock, holder)))
    return found


def _left(lock, holder: dict) -> str:
    locked = lock.with_name(lock.name[: -len(".lock")])
    process = f"process {holder['pid']} on {holder['host']}"
    if not locked.exists():
        return f"left by {process}, which ended while it edited {locked.name}, a file no longer there; delete it"
    if holder.get("task"):
        return f"left by `{holder['task']}` ({process}), which ended before it finished; run it again to finish it"
    return f"left by {process}, which ended while it edited {locked.name}; its next edit takes it over, or delete it"
