"""`decide check` warnings for temporary files that an interrupted write left in the workspace."""

from __future__ import annotations

from toolkit.records import parsecache
from toolkit.records.files import leftover_temps
from toolkit.records.finding import Finding
from toolkit.workspace import Workspace


def findings(ws: Workspace) -> list[Finding]:
    """A warning for each `.NAME.*.tmp` in the folders decisionbook writes, the parse cache's included."""
    folders = [ws.root, ws.adr_dir, ws.proto_dir, ws.reports_dir]
    git = parsecache.git_dir(ws.root)
    if git is not None:
        folders.append(git / parsecache.FOLDER)
    found = []
    for folder in dict.fromkeys(folders):
        for temp in leftover_temps(folder):
            found.append(Finding(ws.relative(temp), None, "warning",
                                 "temporary file left by an interrupted write; the next write of "
                                 f"{temp.name[1:].rsplit('.', 2)[0]} removes it, or delete it"))
    return found
