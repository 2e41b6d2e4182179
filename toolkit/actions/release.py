"""`decide check release`: a revision range must not ship a data-format change with the code that uses it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from toolkit.history.changes import range_changes
from toolkit.workspace import DEFAULT_NOT_CODE_GLOBS, Workspace

SAFE_ORDER = (
    "expand: change the stored data so that both the old and the new code read it, and release that alone",
    "ship the code that uses the new form",
    "contract: remove the old form once no running code reads it",
)


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern:
    """`**/` is any number of folders (none included), `*` and `?` stay inside one folder."""
    out = []
    at = 0
    while at < len(pattern):
        if pattern.startswith("**/", at):
            out.append("(?:.*/)?")
            at += 3
        elif pattern.startswith("**", at):
            out.append(".*")
            at += 2
        elif pattern[at] == "*":
            out.append("[^/]*")
            at += 1
        elif pattern[at] == "?":
            out.append("[^/]")
            at += 1
        else:
            out.append(re.escape(pattern[at]))
            at += 1
    return re.compile("".join(out) + r"\Z")


def glob_match(pattern: str, path: str) -> bool:
    """Whether repository path *path* matches *pattern*; a pattern without `/` matches the file name."""
    target = path if "/" in pattern else path.rsplit("/", 1)[-1]
    return bool(_glob_regex(pattern).match(target))


def _matches(patterns, path: str) -> bool:
    return any(glob_match(p, path) for p in patterns)


@dataclass(frozen=True)
class Conflict:
    data: tuple[str, ...]
    code: tuple[str, ...]
    commit: str | None = None  # set with --per-commit
    subject: str | None = None
    pair: tuple[str, str] | None = None  # the [[release.pairs]] entry that matched

    def as_dict(self) -> dict:
        return {
            "commit": self.commit,
            "subject": self.subject,
            "pair": {"data": self.pair[0], "code": self.pair[1]} if self.pair else None,
            "data": list(self.data),
            "code": list(self.code),
        }


@dataclass(frozen=True)
class ReleaseCheck:
    range: str
    base: str | None
    tip: str
    commits: int
    per_commit: bool
    data: tuple[str, ...]
    code: tuple[str, ...]
    other: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    adrs: tuple[dict, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.conflicts

    def as_dict(self) -> dict:
        return {
            "range": self.range,
            "base": self.base,
            "tip": self.tip,
            "commits": self.commits,
            "per_commit": self.per_commit,
            "ok": self.ok,
            "data": list(self.data),
            "code": list(self.code),
            "other": list(self.other),
            "conflicts": [c.as_dict() for c in self.conflicts],
            "safe_order": [] if self.ok else list(SAFE_ORDER),
            "adrs": list(self.adrs),
        }


def _record_prefixes(workspace: Workspace, top) -> tuple[str, ...]:
    """Repository paths of the workspace's own records (ADRs, prototypes, reports, config): never code."""
    prefixes = []
    for folder in (workspace.adr_dir, workspace.proto_dir, workspace.reports_dir):
        try:
            prefixes.append(folder.resolve().relative_to(top).as_posix() + "/")
        except ValueError:
            continue
    try:
        prefixes.append(workspace.config_path.resolve().relative_to(top).as_posix())
    except ValueError:
        pass
    return tuple(prefixes)


def classify(workspace: Workspace, path: str, records: tuple[str, ...] = ()) -> str:
    """"data", "code" or "other" for a repository path, by the [release] globs."""
    config = workspace.config
    if _matches(config.release_data, path):
        return "data"
    if config.release_code is not None:
        return "code" if _matches(config.release_code, path) else "other"
    if path.startswith(records) or _matches(DEFAULT_NOT_CODE_GLOBS, path):
        return "other"
    return "code"


def _conflicts(data, code, pairs, commit=None, subject=None) -> list[Conflict]:
    if not data or not code:
        return []
    if not pairs:
        return [Conflict(tuple(data), tuple(code), commit, subject)]
    found = []
    for pair in pairs:
        paired_data = [p for p in data if glob_match(pair[0], p)]
        paired_code = [p for p in code if glob_match(pair[1], p)]
        if paired_data and paired_code:
            found.append(Conflict(tuple(paired_data), tuple(paired_code), commit, subject, pair))
    return found


def _data_change_adrs(workspace: Workspace) -> tuple[dict, ...]:
    """The ADRs marked `data-change: true` that still stand (not superseded, deprecated or rejected);
    unreadable files are left to `decide check`."""
    from toolkit.actions.adrs import load_decisions

    return tuple(
        {"path": workspace.relative(r.path), "title": r.title, "status": r.status}
        for r in load_decisions(workspace).records
        if r.data_change and r.status not in ("superseded", "deprecated", "rejected")
    )


def check_release(workspace: Workspace, revision_range: str, per_commit: bool = False) -> ReleaseCheck:
    """Classify every file the range changed; a conflict is data and code changed together.

    With *per_commit*, each commit is checked on its own instead of the range as a whole.
    """
    from toolkit.history.repository import open_repository

    repo = open_repository(workspace.root)
    try:
        changes = range_changes(repo, revision_range)
    finally:
        repo.close()
    records = _record_prefixes(workspace, repo.top)
    kinds = {path: classify(workspace, path, records) for path in changes.paths}
    pairs = workspace.config.release_pairs
    conflicts: list[Conflict] = []
    if per_commit:
        for commit in changes.commits:
            data = sorted(p for p in set(commit.paths) if kinds[p] == "data")
            code = sorted(p for p in set(commit.paths) if kinds[p] == "code")
            conflicts += _conflicts(data, code, pairs, commit.sha, commit.subject)
    else:
        data = sorted(p for p, k in kinds.items() if k == "data")
        code = sorted(p for p, k in kinds.items() if k == "code")
        conflicts = _conflicts(data, code, pairs)
    return ReleaseCheck(
        range=revision_range,
        base=changes.base,
        tip=changes.tip,
        commits=len(changes.commits),
        per_commit=per_commit,
        data=tuple(sorted(p for p, k in kinds.items() if k == "data")),
        code=tuple(sorted(p for p, k in kinds.items() if k == "code")),
        other=tuple(sorted(p for p, k in kinds.items() if k == "other")),
        conflicts=tuple(conflicts),
        adrs=_data_change_adrs(workspace) if conflicts else (),
    )


def explain(result: ReleaseCheck) -> list[str]:
    """The text report: what the range changes and, on a conflict, the safe order."""
    lines = [
        f"release check {result.range}: {result.commits} commit(s), "
        f"{len(result.data)} data file(s), {len(result.code)} code file(s)"
    ]
    if result.ok:
        if result.data and result.code:
            lines.append("ok: data and code change, but never together in one commit or [[release.pairs]] entry")
        elif result.data:
            lines.append("ok: only data-format files change; ship this before the code that needs it")
        else:
            lines.append("ok: no data-format change ships together with code")
        return lines
    lines.append("error: this range changes how data is stored together with the code that uses it")
    for conflict in result.conflicts:
        if conflict.commit:
            lines.append(f"commit {conflict.commit[:12]} {conflict.subject}")
        if conflict.pair:
            lines.append(f"  [[release.pairs]] data = {conflict.pair[0]!r}, code = {conflict.pair[1]!r}")
        lines += [f"  data: {p}" for p in conflict.data]
        lines += [f"  code: {p}" for p in conflict.code]
    lines.append("ship it in separate releases, in this order:")
    lines += [f"  {n}. {step}" for n, step in enumerate(SAFE_ORDER, 1)]
    if result.adrs:
        lines.append("ADRs with data-change: true that describe the migration:")
        lines += [f"  {a['path']}: {a['title']}" for a in result.adrs]
    else:
        lines.append("no ADR has data-change: true; write one with the migration plan (`decide adr new`)")
    return lines
