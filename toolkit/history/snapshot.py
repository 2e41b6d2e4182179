"""Files of a folder as they were committed at the end of a past day, for those that differ now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from toolkit.history.repository import open_repository


def changed_since_day(root: Path, folder: Path, day: dt.date) -> dict[Path, bytes]:
    """{path: content at the end of *day*} for every file of *folder* whose working-tree content differs
    from the last commit on HEAD made on or before *day* (committer date, local time).

    Files that did not exist in that commit are left out, as is everything outside git or before the
    first commit: the caller keeps what it has now.
    """
    repo = open_repository(root, required=False)
    if repo is None:
        return {}
    try:
        # *day* is a date object, never user text; git reads "YYYY-MM-DD HH:MM:SS" as local time.
        commit = (repo.run_ok("rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD") or "").strip()
        if not commit:
            return {}
        where = repo.relative(folder)
        names = repo.run_ok("diff", "--name-only", "-z", "--no-renames", commit, "--", where) or ""
        found = {}
        for name in filter(None, names.split("\0")):
            blob = repo.object_data(f"{commit}:{name}")
            if blob is not None and blob[1] == "blob":
                found[repo.top / name] = blob[2]
        return found
    finally:
        repo.close()
