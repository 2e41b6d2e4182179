"""Lines each commit added and removed, kept from one `decide effort git` to the next (ADR 0036).

A commit's diff is fixed by the commit and its parents, so git need not diff it again on every run:
only the commits not counted before are given to `git log --numstat`. What else decides git's count
(diff settings, `.gitattributes` marking files binary) is hashed into the key of the whole store, so a
change to any of it counts every commit again. A count is kept with the parents it was made against: a
shallow clone's boundary commit has none and counts its whole tree, and after `git fetch --unshallow`
it is counted again. Authors and dates are always read from git, so a new mailmap applies at once.
A count is kept while one of the last KEEP saves listed its commit (ADR 0045).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files, parsecache
from toolkit.records.hashes import blake2b

NAME = "commit-lines"
_VERSION = b"commit-lines 2\0"  # a new layout of the store starts afresh
KEEP = 20  # saves that a count outlives the last run listing its commit
_ATTRIBUTES_LIMIT = 1 << 20  # an attribute file larger than this counts by its name alone
# The settings that change what `git log --numstat` counts for a commit; any other diff.* key only
# makes a needless recount.
_SETTINGS = r"^(diff\.|log\.showroot$|core\.(attributesfile|bigfilethreshold)$)"


def settings(git) -> bytes:
    """A hash of what, beside a commit and its parents, decides the lines git counts for it: diff
    settings and the attribute files (every `.gitattributes` of the tree, `info/attributes`, the user's own)."""
    config = git.output("config", "-z", "--get-regexp", _SETTINGS).stdout
    # Untracked attribute files count for git too; ignored folders (node_modules) are not walked.
    listed = git.output("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--",
                         ":(glob)**/.gitattributes").stdout
    # In the working tree a link is no attribute file to git either; nothing waits on a FIFO or reads a device.
    places = [(git.top / os.fsdecode(name), git.top) for name in listed.split(b"\0") if name]
    common = _common_dir(git.top)
    if common is not None:
        places.append((common / "info" / "attributes", None))
    places.append((_user_attributes(config), None))
    hasher = blake2b(_VERSION + config, digest_size=16)
    for path, root in places:
        try:
            content = files.read_bytes(path, _ATTRIBUTES_LIMIT, root)
        except (FileNotFoundError, DecisionbookError):
            content = b"\0absent"
        hasher.update(b"\0%d\0%s\0" % (len(content), os.fsencode(path)) + content)
    return hasher.digest()


def _common_dir(top: Path) -> Path | None:
    """The git folder shared by every worktree: a linked worktree's own folder names it in `commondir`."""
    own = parsecache.git_dir(top)
    if own is None:
        return None
    try:
        return own / (own / "commondir").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return own


def _user_attributes(config: bytes) -> Path:
    for entry in config.split(b"\0"):
        key, _, value = entry.partition(b"\n")
        if key == b"core.attributesfile" and value:
            return Path(os.path.expanduser(os.fsdecode(value)))
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base, "git", "attributes")


def load(top: Path, key: bytes) -> tuple[int, dict[str, list]]:
    """(saves so far, SHA -> [lines added, lines removed, parents as `%P` shows them, the save that last
    listed it]) as kept under *key*; (0, {}) when nothing usable is kept."""
    body = parsecache.load_blob(top, NAME, key)
    try:
        kept = json.loads(body) if body is not None else None
    except (ValueError, RecursionError):  # a store damaged or made by hand
        kept = None
    if type(kept) is not dict or type(kept.get("saves")) is not int or type(kept.get("commits")) is not dict:
        return 0, {}
    return kept["saves"], kept["commits"]


def lines(entry: object, parents: str) -> tuple[int, int] | None:
    """The (added, removed) an entry of load's keeps for a commit that has *parents* now, else None."""
    if type(entry) is list and len(entry) == 4 and type(entry[0]) is type(entry[1]) is int and entry[2] == parents:
        return entry[0], entry[1]
    return None


def save(top: Path, key: bytes, saves: int, known: dict[str, list], commits: dict[str, tuple]) -> None:
    """Keep the counts of *commits* (parse_numstat_log's) and those of *known* (load's) that one of the
    last KEEP saves listed, under *key*: a run over one branch does not drop the others' counts, and
    the commits of branches long merged or deleted go."""
    saves += 1
    kept = {sha: entry for sha, entry in known.items() if type(entry) is list and len(entry) == 4
            and type(entry[3]) is int and entry[3] > saves - KEEP}
    kept.update({sha: [commit[4], commit[5], " ".join(commit[0]), saves] for sha, commit in commits.items()})
    body = json.dumps({"saves": saves, "commits": kept}, separators=(",", ":")).encode()
    parsecache.save_blob(top, NAME, key, body)
