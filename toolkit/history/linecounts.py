"""Lines each commit added and removed, kept from one `decide effort git` to the next (ADR 0036).

A commit's diff is fixed by the commit and its parents, so git need not diff it again on every run:
only the commits not counted before are given to `git log --numstat`. What else decides git's count
(diff settings, `.gitattributes` marking files binary) is hashed into the key of the whole store, so a
change to any of it counts every commit again. A count is kept with the parents it was made against: a
shallow clone's boundary commit has none and counts its whole tree, and after `git fetch --unshallow`
it is counted again. Authors and dates are always read from git, so a new mailmap applies at once.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from toolkit.records import parsecache
from toolkit.records.hashes import blake2b

NAME = "commit-lines"
_VERSION = b"commit-lines 1\0"  # a new layout of the store starts afresh
# The settings that change what `git log --numstat` counts for a commit; any other diff.* key only
# makes a needless recount.
_SETTINGS = r"^(diff\.|log\.showroot$|core\.(attributesfile|bigfilethreshold)$)"


def settings(git) -> bytes:
    """A hash of what, beside a commit and its parents, decides the lines git counts for it: diff
    settings and the attribute files (tracked `.gitattributes`, `info/attributes`, the user's own)."""
    config = git.output("config", "-z", "--get-regexp", _SETTINGS).stdout
    tracked = git.output("ls-files", "-z", "--", ":(glob)**/.gitattributes").stdout
    files = [git.top / os.fsdecode(name) for name in tracked.split(b"\0") if name]
    common = _common_dir(git.top)
    if common is not None:
        files.append(common / "info" / "attributes")
    files.append(_user_attributes(config))
    hasher = blake2b(_VERSION + config, digest_size=16)
    for path in files:
        try:
            content = path.read_bytes()
        except OSError:
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


def load(top: Path, key: bytes) -> dict[str, list]:
    """SHA -> [lines added, lines removed, parents as `%P` shows them], as last saved under *key*."""
    body = parsecache.load_blob(top, NAME, key)
    if body is None:
        return {}
    try:
        known = json.loads(body)
    except ValueError:
        return {}
    return known if type(known) is dict else {}


def save(top: Path, key: bytes, counts: dict[str, list]) -> None:
    """Keep *counts* (in load's form) under *key*, in place of what was kept before."""
    parsecache.save_blob(top, NAME, key, json.dumps(counts, separators=(",", ":")).encode())
