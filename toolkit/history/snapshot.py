"""Files of a folder as they were committed at the end of a past day, for those that differ now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from toolkit.history.plaingit import working_tree


def changed_since_day(root: Path, folder: Path, day: dt.date) -> dict[Path, bytes]:
    """{path: content at the end of *day*} for every file of *folder* whose working-tree content differs
    from the last commit on HEAD made on or before *day* (committer date, local time).

    Files that did not exist in that commit are left out, as is everything outside git or before the
    first commit: the caller keeps what it has now. Plain git processes answer (ADR 0053): GitPython's
    import alone would cost a triage as of a past day a sixth of its time.
    """
    git = working_tree(root)
    if git is None:
        return {}
    # *day* is a date object, never user text; git reads "YYYY-MM-DD HH:MM:SS" as local time.
    found = git.output("rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
    commit = found.stdout.decode("ascii", "replace").strip() if found.returncode == 0 else ""
    if not commit:
        return {}
    try:
        where = Path(folder).resolve().relative_to(git.top).as_posix()
    except ValueError:  # the folder is outside the working tree: git keeps nothing of it
        return {}
    names = git.output("diff", "--name-only", "-z", "--no-renames", commit, "--", where)
    if names.returncode != 0:
        return {}
    paths = {f"{commit}:{name}": name for name in names.stdout.decode("utf-8", "surrogateescape").split("\0") if name}
    return {git.top / paths[spec]: data for spec, data in git.blobs(paths).items()}
