"""`decide adr history` and decision dates: an ADR's status changes as git recorded them."""

from __future__ import annotations

import os
from pathlib import Path

from toolkit.actions.adrs import load_decisions
from toolkit.errors import DecisionbookError
from toolkit.history.dates import day
from toolkit.history.filelog import FileRevision, file_history, folder_history, shallow_boundary
from toolkit.records import adr, frontmatter, sidecar
from toolkit.records.adr_words import (
    DATED_FILE,
    draft_slug,
    folder_page,
    is_slug_record,
    numbered_file,
    record_name,
    series_label,
    series_record,
)
from toolkit.workspace import Workspace

COLUMNS = ["date", "commit", "author", "before", "after", "subject"]
DECIDED = ("accepted", "rejected")
# The change of a KEP's revision whose page and kep.yaml, as they stood, could not be read together: git gives no
# file of a commit's log this letter.
_UNREADABLE = "U"


def _number_and_slug(name: str) -> tuple[int | None, str]:
    numbered = numbered_file(name)
    if numbered:
        return numbered[1], numbered[2].lstrip("-_ ")
    dated = DATED_FILE.match(name)
    if dated:
        return None, dated.group(3)
    if series_record(name):  # named by its series' label (`VIS-001`), which a new title keeps; no slug has a `#`
        word, number, letter = series_label(name)
        return None, f"#{word}{number}{letter}"
    return None, draft_slug(name) or (name.rpartition(".")[0] if is_slug_record(name) else "")


def _as_page(path: str) -> str:
    """The path of the page whose fields the kep.yaml at *path* holds; any other path as it is."""
    folder, _, name = path.rpartition("/")
    return f"{folder}/README.md" if name == sidecar.NAME and folder else path


def same_record(before: str, after: str) -> bool:
    """Whether a rename from *before* to *after* keeps one ADR: its number stays (a retitle) or its slug (a renumber)."""
    # A record kept as a folder is named by it: `CIP-0010/CIP-0010.md` moved to `CIP-0010/README.md` is one record;
    # a KEP's kep.yaml is its page's, two KEPs' kep.yaml files made from one template are not one.
    old_number, old_slug = _number_and_slug(record_name(_as_page(before)))
    new_number, new_slug = _number_and_slug(record_name(_as_page(after)))
    return (old_number is not None and old_number == new_number) or (bool(old_slug) and old_slug == new_slug)


def _parsed(revision: FileRevision):
    """(status, document, decision) of *revision*: "deleted" or "unreadable" (and no document) when it has none."""
    if revision.content is None:
        return {"D": "deleted", _UNREADABLE: "unreadable"}.get(revision.change), None, None
    try:
        doc = frontmatter.parse(revision.content, revision.path)
        decision = adr.from_document(doc, Path(revision.path))
    except DecisionbookError:
        return "unreadable", None, None
    return decision.status, doc, decision


def _status_beside(revision: FileRevision, lines: tuple[str, ...], newer) -> tuple[str | None, tuple[str, ...]] | None:
    """The status of *revision* when it differs from the parsed *newer* (document, decision) only in its
    front matter's `status:` line, with its lines; None when it must be parsed whole."""
    doc, decision = newer
    if revision.content is None or decision.status_raw is None or doc.fm_end is None:
        return None
    try:
        text = revision.content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\x00" in text or text.startswith("\ufeff") != bool(doc.bom):
        return None
    mine = tuple(text[len(doc.bom):].splitlines(keepends=True))
    if len(mine) != len(lines):
        return None
    changed = [i for i, (a, b) in enumerate(zip(mine, lines)) if a != b]
    if len(changed) != 1 or not 0 < changed[0] < doc.fm_end or lines[changed[0] + 1][:1] in (" ", "\t"):
        return None
    index = changed[0]
    plain, _ = adr.front_matter_status(lines[index])
    if not plain or adr.front_matter_value(lines[index]) != decision.status_raw:
        return None
    plain, status = adr.front_matter_status(mine[index])
    return (status, mine) if plain else None


def _statuses(revisions: list[FileRevision]) -> list[str | None]:
    """The status the file held after each revision; "deleted", or "unreadable" when it did not parse.

    The newest revision is parsed; an older one that changed only the status line of the front
    matter is read from that line alone, which is what most revisions of a record are.
    """
    statuses: list[str | None] = []
    newer = None  # (document, decision) of the nearest newer revision that parsed, and its lines
    for revision in reversed(revisions):
        quick = _status_beside(revision, newer[2], newer[:2]) if newer else None
        if quick is not None:
            statuses.append(quick[0])
            newer = (newer[0], newer[1], quick[1])
            continue
        status, doc, decision = _parsed(revision)
        statuses.append(status)
        if doc is not None:
            newer = (doc, decision, doc.lines)
        elif revision.content is not None:
            newer = None
    return statuses[::-1]


def _joined(revisions: list[FileRevision]) -> list[FileRevision]:
    """The revisions of a KEP's page and its kep.yaml (in commit order) as one per commit: the page as that
    commit left it, with the fields of its kep.yaml as they stood then, joined as `sidecar.read` joins today's."""
    joined = []
    page = fields = None  # the latest revision of each
    for index, revision in enumerate(revisions):
        if Path(revision.path).name == sidecar.NAME:
            fields = revision
        else:
            page = revision
        if index + 1 < len(revisions) and revisions[index + 1].commit == revision.commit:
            continue  # the commit changed both files: one revision, once both are read
        changed = page is not None and page.commit == revision.commit
        if page is None or page.change == "D" and not changed:
            continue  # no page then: no record, whatever its kep.yaml held
        content, change = page.content, page.change if changed else "M"
        if content is not None and fields is not None and fields.content is not None \
                and not sidecar.own_front_matter(content):
            try:
                content = sidecar.joined(content, fields.content, fields.path)
            except DecisionbookError:
                content, change = None, _UNREADABLE
        joined.append(FileRevision(revision.commit, revision.author, revision.date, revision.subject, change,
                                   page.path, content))
    return joined


def _rows(revisions: list[FileRevision]) -> list[dict]:
    rows = []
    before = None
    for revision, after in zip(revisions, _statuses(revisions)):
        rows.append({
            "date": revision.date,
            "commit": revision.commit[:12],
            "sha": revision.commit,
            "author": revision.author,
            "path": revision.path,
            "before": before,
            "after": after,
            "subject": revision.subject,
        })
        before = after
    return rows


def adr_history(workspace: Workspace, ref: str) -> list[dict]:
    """Each commit that changed ADR *ref* (following its own renames only), oldest first, with status before and after."""
    return record_history(workspace, load_decisions(workspace).find(ref))


def record_history(workspace: Workspace, record) -> list[dict]:
    """`adr_history` of the *record* `load_decisions` read, which its key alone may not name: every team's
    ADR 1 has the key `1`."""
    fields = sidecar.beside(record.path)
    revisions = file_history(workspace.root, record.path, same_record, fields)
    rows = _rows(_joined(revisions) if fields is not None else revisions)
    if not rows:
        raise DecisionbookError("has no commits yet: commit it to start its history", workspace.relative(record.path))
    rows[0]["cut"] = rows[0]["sha"] in shallow_boundary(workspace.root)
    return rows


def cut_note(rows: list[dict]) -> str | None:
    """What to tell a reader of *rows* whose oldest is where a shallow clone's history starts: git shows the
    file as made there, whenever it was made."""
    if not rows or not rows[0].get("cut"):
        return None
    return (f"this is a shallow clone: its history starts at {rows[0]['commit']}, so the record may be older than "
            "its first row (`git fetch --unshallow` brings the rest)")


def histories(workspace: Workspace) -> dict[Path, list[dict]]:
    """The history rows (as `adr_history` gives them) of every committed file in the ADR folder, by its path
    as `load_decisions` gives a record's: two teams' `0001-record-architecture-decisions.md` are two files."""
    return {path: rows for path, (rows, _) in revisions_and_rows(workspace).items()}


def revisions_and_rows(workspace: Workspace) -> dict[Path, tuple[list[dict], list[FileRevision]]]:
    """As `histories`, each file's rows with the revisions they were read from, one for one."""
    pages = {}  # a KEP's page by its kep.yaml's path, inside the ADR folder

    def page_of(inside: str) -> str | None:
        folder, _, name = inside.rpartition("/")
        if name != sidecar.NAME:
            return None
        try:
            page = folder_page(os.listdir(workspace.adr_dir / folder), folder.rpartition("/")[2])
        except OSError:
            return None
        if page is None or sidecar.beside(workspace.adr_dir / folder / page) is None:
            return None
        pages[inside] = f"{folder}/{page}" if folder else page
        return pages[inside]

    found = folder_history(workspace.root, workspace.adr_dir, same_record, page_of)
    keps = set(pages.values())
    both = {}
    for inside, revisions in found.items():
        revisions = _joined(revisions) if inside in keps else revisions
        both[workspace.adr_dir / inside] = (_rows(revisions), revisions)
    return both


def decision_dates(workspace: Workspace) -> dict[Path, dict]:
    """For each committed ADR (keyed by its path, as `load_decisions` gives it): proposed on, accepted on, days
    to decide.

    "proposed on" is the first commit where the ADR was proposed (or first committed, if it
    started in another status); "days to decide" runs from there to the first accepted or
    rejected status. None where history does not tell.
    """
    by_path = histories(workspace)
    dates = {}
    for record in load_decisions(workspace).records:
        rows = by_path.get(record.path)
        if not rows:
            continue
        # A day is None where the commit has none to give (git wrote no date, or one past the year 9999).
        proposed = day(next((r for r in rows if r["after"] == "proposed"), rows[0])["date"])
        decided = next((day(r["date"]) for r in rows if r["after"] in DECIDED), None)
        dates[record.path] = {
            "proposed_on": proposed,
            "accepted_on": next((day(r["date"]) for r in rows if r["after"] == "accepted"), None),
            "days_to_decide": (decided - proposed).days if decided and proposed else None,
        }
    return dates
