"""`decide check`: every finding about the workspace's records, as `path:line: severity: message`."""

from __future__ import annotations

import itertools
import os
import re
import shlex
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.actions import leftovers, prototype_lint
from toolkit.actions.adr_index import stale_index
from toolkit.actions.numbering import taken_numbers
from toolkit.actions.adrs import (
    Decisions,
    adr_files,
    load_decisions,
    outgoing,
    outside_links,
    shown_path,
    team_folder,
    to_be_superseded,
    decided_templates,
    unnamed_records,
    unreadable_key,
)
from toolkit.records import sidecar
from toolkit.records.adr import MADR, REVERSE, Decision
from toolkit.records.adr_words import (
    FOLDER_PAGES,
    UNREAD_EXTENSIONS,
    is_record_file,
    numbered_file,
    record_name,
    translated_name,
    unread_record,
)
from toolkit.records.finding import Finding
from toolkit.workspace import CONFIG_NAME, Workspace, candidates_holding_records, missing_adr_dir

MIGRATION_PHASES = ("expand", "switch", "contract", "rollback")


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    def summary(self) -> str:
        return f"{self.errors} error(s), {self.warnings} warning(s)"


def _duplicates(ws: Workspace, decisions: Decisions) -> list[Finding]:
    """One error per number that several records share (a merge of parallel work), at the one dated first, naming
    the others and the free numbers that would part them (ADR 0128)."""
    shared = []
    for key, records in decisions.by_key().items():
        if len(records) > 1:
            # Records of two series (team folders numbered each from 1, ADR 0129) share no number.
            series: dict[Path, list[Decision]] = {}
            paths = {record.path for record in records}
            for record in records:
                original = translated_name(record.path.name)
                if original is not None and record.path.with_name(original) in paths:
                    continue  # a record's translation beside it (`0001-x-de.md` by `0001-x.md`) shares its number
                series.setdefault(team_folder(ws, record.path) or ws.adr_dir, []).append(record)
            shared += [(key, folder, alike) for folder, alike in series.items() if len(alike) > 1]
    found = []
    free: dict[Path, Iterator[int]] = {}  # the free numbers of each series, handed out once each
    # `decide adr renumber` given a file name that two folders hold asks for the folder: name those by their path.
    names = Counter(path.name for path in adr_files(ws.adr_dir)) if shared else Counter()
    for key, folder, records in shared:
        if folder not in free:
            # Free here and on every branch, as renumber and `adr new` count them: one git question per series.
            taken = {r.number or 0 for r in decisions.records if (team_folder(ws, r.path) or ws.adr_dir) == folder}
            free[folder] = itertools.count(max(taken_numbers(ws.root, folder) | taken) + 1)
        # The record dated first keeps the number: the others came after it (in name order where days agree).
        first, *others = sorted(records, key=lambda r: r.date or "9999")
        message = f"number {key} is also used by {_and([shown_path(ws, r.path) for r in others])}"
        if key.isdigit():
            moves = [_move(ws, record, next(free[folder]), names[record.path.name] > 1) for record in others]
            message += f"; give {'that one a free number' if len(others) == 1 else 'those free numbers'} with "
            message += _and(moves)
            # The folder that holds each record: a record kept as a folder (`0002-x/README.md`) is held by its parent.
            held = {r.path.parent if record_name(r.path) == r.path.name else r.path.parent.parent for r in records}
            folders = sorted(held - {ws.adr_dir})
            if len(held) == len(records) and folders:
                # Sibling folders that each number from 1 (Camunda's domains) may be series of their own: the
                # numbers cannot say (ADR 0136), the team can, with the file adr-tools reads.
                named = _and([shown_path(ws, f) + "/" for f in folders])
                message += (f", or, where {named} numbers its own records, put an `.adr-dir` holding `.` in it"
                            if len(folders) == 1 else f", or, where each of {named} numbers its own records, put "
                            "an `.adr-dir` holding `.` in each")
        found.append(Finding(shown_path(ws, first.path), None, "error", message))
    return found


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _move(ws: Workspace, record: Decision, number: int, alike: bool) -> str:
    """How *record* is given *number*: `decide adr renumber`, naming its file by its path where another file
    of the ADR folder has its name (*alike*); or for a record kept as a folder, which that command leaves
    alone, renaming its folder."""
    if record_name(record.path) != record.path.name:
        return f"a rename of {shown_path(ws, record.path.parent)}/ to number {number}"
    named = shown_path(ws, record.path) if alike else record.path.name
    return f"`decide adr renumber {shlex.quote(named)} --to {number}`"


def _link_line(record: Decision, relation: str, key: str) -> int | None:
    for link in record.links:
        if link.relation == relation and link.target == key:
            return link.line
    return record.status_line if relation == "superseded by" else None


def _missing_targets(ws: Workspace, decisions: Decisions) -> list[Finding]:
    keys = decisions.by_key()
    # A file that could not be read is reported once, as itself; links to it are not errors too.
    keys.update(dict.fromkeys(unreadable_key(f) for f in decisions.unreadable))
    # A link to one of several drafts numbered 0 (ADR 0077) names it by the number they share: it is there.
    if any(record.number is None and (numbered_file(record_name(record.path)) or (0, 1))[1] == 0
           for record in decisions.records):
        keys.setdefault("0", [])
    found = []
    for record in decisions.records:
        for relation, key in dict.fromkeys(outgoing(record)):  # a record named twice is named once here
            if key not in keys and decisions.get(key) is None:
                found.append(
                    Finding(
                        shown_path(ws, record.path),
                        _link_line(record, relation, key),
                        "error",
                        f"{relation} ADR {key}, which does not exist",
                    )
                )
    return found


def _one_sided(ws: Workspace, decisions: Decisions) -> list[Finding]:
    """A relation the other ADR does not record back: after a renumber or a hand edit it may mean another record.

    A successor not yet marked on its predecessor is left to the status check (it may be pending).
    In a hand-kept form (bullets, bold labels, Nygard) a predecessor's `Superseded by` that the
    successor does not repeat is only a warning: many teams record the replacement on the old record
    alone, as do tools that keep a `superseded_by` key. A front-matter status naming the successor,
    which `decide` writes together with the successor's `supersedes`, is an error where the folder
    keeps `supersedes` keys; where no record does, the folder follows MADR, which names a successor
    in the old record's status alone, and it is a warning (ADR 0073). A record that keeps
    its fields under an `adr:` mapping (mkdocs-material-adr) records every relation on one side, as that
    plugin shows both from one: any one-sided relation of its is a warning. A `relates to` in a record's body,
    where teams list related records one way (`## Related`, `## See also`, a `Related:` field), is none (ADR 0252).
    """
    keys = decisions.by_key()
    held = _held_by_expired(decisions)
    keeps_supersedes = any(r.form == MADR and r.supersedes for r in decisions.records)
    found = []
    for record in decisions.records:
        for relation, key in dict.fromkeys(outgoing(record)):
            targets = keys.get(held.get(key, key), ())
            if relation not in REVERSE or len(targets) != 1 or len(keys[record.key]) != 1:
                continue
            target = targets[0]
            if relation == "supersedes" and target.status != "superseded" and not target.superseded_by:
                continue
            back = REVERSE[relation]
            line = _link_line(record, relation, key)
            if relation == "relates to" and (record.form != MADR or (line or 0) >= record.body_line):
                continue  # a body lists related records one way (`## Related`, `## See also`; ADR 0252)
            if (back, record.key) not in _outgoing(target, held):
                decide_wrote = (keeps_supersedes and record.form == MADR
                                and "superseded by" in (record.status_raw or "").lower())
                mapped = record.form == MADR and record.status_span is not None  # a status kept under `adr:`
                severity = ("warning" if mapped or relation == "superseded by" and not decide_wrote
                            else "error")
                # The command that records it on both, as `adr new --amends` would have had it not been stopped.
                command = f"decide adr link {record.key} {relation.replace(' ', '-')} {key}"
                found.append(Finding(
                    shown_path(ws, record.path), line, severity,
                    f"{relation} ADR {key}, but ADR {key} does not record {back} ADR {record.key} back; `{command}` "
                    "records it there",
                ))
    return found


def _held_by_expired(decisions: Decisions) -> dict[str, str]:
    """The numbers that only an expired text holds, each with the text's key, its file name (ADR 0169): a relation
    naming the number (`Amends [RFC 249](...)`) names that text, as `adr show` reads it."""
    keys = decisions.by_key()
    held: dict[str, list[str]] = {}
    for record in decisions.records:
        if record.number is not None and str(record.number) not in keys:
            held.setdefault(str(record.number), []).append(record.key)
    return {number: named[0] for number, named in held.items() if len(named) == 1}


def _outgoing(record: Decision, held: dict[str, str]) -> list[tuple[str, str]]:
    """The relations *record* records, each naming the key of the record it names (`_held_by_expired`)."""
    return [(relation, held.get(key, key)) for relation, key in outgoing(record)]


def _successors(decisions: Decisions) -> dict[str, set[str]]:
    """For each ADR key, the keys of the ADRs that supersede it, from either side's record."""
    held = _held_by_expired(decisions)
    successors: dict[str, set[str]] = {}
    for record in decisions.records:
        for relation, key in _outgoing(record, held):
            if relation == "superseded by":
                successors.setdefault(record.key, set()).add(key)
            elif relation == "supersedes":
                successors.setdefault(key, set()).add(record.key)
    return successors


def _cycles(ws: Workspace, decisions: Decisions, successors: dict[str, set[str]]) -> list[Finding]:
    found = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    reported: set[frozenset] = set()

    def visit(key: str, path: list[str]) -> None:
        state[key] = 1
        path.append(key)
        for nxt in sorted(successors.get(key, ())):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    record = decisions.linked(nxt)
                    where = shown_path(ws, record.path) if record else shown_path(ws, decisions.folder)
                    chain = " -> ".join([*cycle, nxt])
                    found.append(Finding(where, record.status_line if record else None, "error", f"supersede cycle: {chain}"))
            elif state.get(nxt) is None:
                visit(nxt, path)
        path.pop()
        state[key] = 2

    for key in sorted(successors):
        if state.get(key) is None:
            visit(key, [])
    return found


_UNDECIDED = ("draft", "proposed")


def _status_consistency(ws: Workspace, decisions: Decisions, successors: dict[str, set[str]]) -> list[Finding]:
    found = []
    shared = {key for key, records in decisions.by_key().items() if len(records) > 1}
    for record in decisions.records:
        where = shown_path(ws, record.path)
        if record.status == "superseded" and not successors.get(record.key):
            # Many teams write a bare `Superseded`: worth a warning, not a failed check.
            found.append(Finding(where, record.status_line, "warning", "superseded, but no ADR is named as its successor"))
        elif record.key in shared and not record.superseded_by:
            continue  # which of the records sharing the number another one supersedes, its number cannot say
        elif record.status == "deprecated" and successors.get(record.key) == {record.superseded_by}:
            continue  # deprecated in favour of the record it names itself: `已废弃（被 ADR-0030 取代）`
        elif successors.get(record.key) and record.status not in ("superseded", None):
            waiting = set()
            if ws.config.supersede_on == "accept":  # a proposed successor supersedes this one once accepted
                waiting = {k for k in successors[record.key]
                           if (n := decisions.linked(k)) and to_be_superseded(record, n)}
            if not successors[record.key] - waiting:
                continue
            # A successor not yet decided is named with its status: it supersedes this one only once accepted.
            newer = ", ".join(f"{key} ({n.status})" if (n := decisions.linked(key)) and n.status in _UNDECIDED
                              else key for key in sorted(successors[record.key] - waiting))
            found.append(
                Finding(where, record.status_line, "warning", f"ADR {newer} supersedes this one, but its status is {record.status}")
            )
    return found


def _migration_plans(ws: Workspace, records) -> list[Finding]:
    found = []
    for record in records:
        if not record.data_change:
            continue
        where = shown_path(ws, record.path)
        if record.migration_plan is None:
            found.append(
                Finding(where, record.data_change_line, "error",
                        "data-change: true needs a \"Migration plan\" section naming expand, switch, contract and rollback")
            )
            continue
        words = set(re.findall(r"[a-z]+", record.migration_plan.lower()))
        missing = [phase for phase in MIGRATION_PHASES if phase not in words]
        if missing:
            found.append(
                Finding(where, record.data_change_line, "error", f"the migration plan does not name: {', '.join(missing)}")
            )
    return found


def _template_text(ws: Workspace, decisions: Decisions) -> list[Finding]:
    from toolkit.actions.adr_review import approval_findings, template_findings, template_text

    template = template_text(ws)
    found = []
    for record in decisions.records:
        data = sidecar.read(record.path, None)  # a KEP's approvals are in its kep.yaml
        found += [*template_findings(ws, record, template, data), *approval_findings(ws, record, data)]
    return found


def own_findings(ws: Workspace, record: Decision, data: bytes, template=None) -> list[Finding]:
    """What `check` finds in *record*, read from *data*, that its text alone decides: what reading it found,
    its migration plan, text left in it of *template* (`toolkit.records.adr_text.TemplateText`, default: today's
    templates) and approvals that cannot be read; none of the checks that compare it with other records."""
    from toolkit.actions.adr_review import approval_findings, template_findings

    return [*record.findings, *_migration_plans(ws, [record]), *template_findings(ws, record, template, data),
            *approval_findings(ws, record, data)]


def _folder(ws: Workspace, decisions: Decisions) -> list[Finding]:
    """The ADR folder missing, holding documents but no record read, or records named as records are
    but in a form not read: each would otherwise be a passing check of nothing."""
    where = shown_path(ws, ws.adr_dir)
    message = missing_adr_dir(ws)
    if message:
        return [Finding(where, None, "warning", message)]
    if not decisions.records and not decisions.unreadable and (pages := _pages(ws.adr_dir)):
        return [Finding(where, None, "warning",
                        f"holds {pages} Markdown or reStructuredText file(s) but no record: records are named by "
                        "their number (`0001-use-kafka.md`), their date or, in a folder of no others, their slug")]
    unread: dict[str, list[str]] = {}
    try:
        names = sorted(os.listdir(ws.adr_dir))
    except OSError:  # a folder we may not list: its records are named unreadable elsewhere
        names = []
    for name in names:
        kind = unread_record(name, extension_less=(ws.adr_dir / name).is_file())
        if kind is not None and is_record_file(kind[1]):
            unread.setdefault(kind[0], []).append(name)
    findings = [Finding(where, None, "warning",
                        f"{len(found)} {kind} file(s) named as records are not read ({_some(found)}): decisionbook "
                        "reads records in Markdown (`.md`) and reStructuredText (`.rst`)")
                for kind, found in unread.items()]
    if not unread and not decisions.records and not decisions.unreadable:
        # Pages in a form not read, one in each folder of a proposal (Jenkins' `jep/229/README.adoc`).
        findings += [Finding(where, None, "warning",
                             f"holds {len(found)} {kind} file(s) but no record ({_some(found)}): decisionbook reads "
                             "records in Markdown (`.md`) and reStructuredText (`.rst`)")
                     for kind, found in _unread_pages(ws).items()]
    if unnamed := [shown_path(ws, path) for path in unnamed_records(ws)]:
        findings.append(Finding(where, None, "warning",
                                f"{len(unnamed)} file(s) state a status but are not read as records, as their names "
                                f"hold no record number ({_some(unnamed)}): name a record by its number, "
                                "`0017-use-kafka.md`"))
    findings += [Finding(shown_path(ws, record.path), 1, "warning",
                         f"named as a template, but written as a decided record (status {record.status}, "
                         f"{record.date}): it is not listed; if it is a record, name it without `template`")
                 for record in decided_templates(ws)]
    return findings + _other_folders(ws) + list(decisions.notes)


def _other_folders(ws: Workspace) -> list[Finding]:
    """Folders where teams keep records that hold records beside the one read, which are not read."""
    held = candidates_holding_records(ws)
    read = held.pop(ws.adr_dir, 0)
    return [Finding(shown_path(ws, folder), None, "warning",
                    f"holds {count} record(s) too, not read: decisionbook reads {shown_path(ws, ws.adr_dir)}, "
                    f"{'which holds more' if read > count else 'looked in first'} ({read}); to read this folder "
                    f'instead, name it in {CONFIG_NAME}: [paths] decisions = "{shown_path(ws, folder)}"')
            for folder, count in held.items()]


def _outside_links(ws: Workspace) -> list[Finding]:
    """A link in the ADR folder to a folder outside the workspace, which reading passes in silence."""
    return [Finding(shown_path(ws, link), None, "warning",
                    f"a symbolic link to {os.path.realpath(link)}, outside the workspace: the records there are not "
                    "read here; run decide in that folder for them")
            for link in outside_links(ws)]


def _some(names: list[str]) -> str:
    return ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")


def _unread_pages(ws: Workspace) -> dict[str, list[str]]:
    """The files in a form decisionbook does not read (AsciiDoc, MDX) in the folders of the ADR folder, by form."""
    found: dict[str, list[str]] = {}
    try:
        folders = sorted(entry.path for entry in os.scandir(ws.adr_dir)
                         if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."))
        for folder in folders:
            for name in sorted(os.listdir(folder)):
                kind = UNREAD_EXTENSIONS.get(name.rpartition(".")[2].lower()) if "." in name else None
                if kind is not None:
                    found.setdefault(kind, []).append(shown_path(ws, Path(folder) / name))
    except OSError:
        pass
    return found


def _pages(folder) -> int:
    """The Markdown and reStructuredText files in *folder* (but its index) and a level down (`CIP-0010/README.md`)."""
    count = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
            try:
                count += sum(1 for inner in os.scandir(entry.path) if inner.name.endswith((".md", ".rst")))
            except OSError:
                continue
        elif entry.name.endswith((".md", ".rst")) and entry.name.lower() not in ("readme.md", "readme.rst", "index.md"):
            count += 1
    return count


_NO_STATUS = "no status found"


def _says_no_status(finding: Finding) -> bool:
    """Whether *finding* is a record's saying no status: in no form (`no status found ...`), or in front matter
    without a status key (`no status`, Nix's RFCs, whose state is kept in their pull requests)."""
    return finding.message.startswith(_NO_STATUS) or finding.message == "no status"


def _without_named_pairs(ws: Workspace, decisions: Decisions, found: list[Finding]) -> list[Finding]:
    """*found* without the warnings about a team's own relation whose other record names it back
    (`Clarifies [1]` on 3 and `Clarified by [3]` on 1, as `decide adr link 3 clarifies 1 --reverse
    clarified-by` writes them): the team has said what the pair means."""
    by_key = {record.key: record for record in decisions.records}
    paired = set()
    for record in decisions.records:
        for link in record.links:
            other = by_key.get(link.target)
            # Answered by a relation of the team's own on the other record (`clarified by` for `clarifies`).
            if other is not None and any(back.target == record.key and back.relation not in REVERSE
                                         for back in other.links):
                paired.add((shown_path(ws, record.path), f"relation {link.relation!r} is not one decisionbook knows"))
    return [f for f in found if not any(f.path == path and f.message.startswith(start) for path, start in paired)]


def _record_findings(ws: Workspace, decisions: Decisions) -> list[Finding]:
    """What each record's reading found; where no record says a status, which some folders never do
    (their records are decided once written), one warning for the folder instead of one per record."""
    found = _without_named_pairs(ws, decisions, decisions.findings())
    silent = [f for f in found if _says_no_status(f)]
    if len(decisions.records) < 2 or len(silent) < len(decisions.records):
        return found
    return [*(f for f in found if not _says_no_status(f)),
            Finding(shown_path(ws, ws.adr_dir), None, "warning",
                    f"none of its {len(silent)} records says its status; `decide adr status N STATUS` gives one "
                    "its status in its own form")]


def _at_their_own_lines(ws: Workspace, decisions: Decisions, found: list[Finding]) -> list[Finding]:
    """*found* at the file and line that hold each: a line of a KEP's fields is its kep.yaml's."""
    pages = {shown_path(ws, r.path): r.path for r in decisions.records if r.path.name.lower() in FOLDER_PAGES}
    return [sidecar.placed(finding, pages[finding.path]) if finding.path in pages else finding for finding in found]


def check(ws: Workspace, strict: bool = False) -> Report:
    """Lint the whole workspace: ADRs one by one, then across ADRs, then prototypes and ledgers.

    Each finder below looks at the workspace (and the ADRs loaded once) and returns findings; a new
    kind of check, such as template text left in records, is one more finder in this list.
    *strict* reports every warning as an error, for a CI gate that tolerates neither.
    """
    decisions = load_decisions(ws)
    successors = _successors(decisions)
    findings = [
        *_folder(ws, decisions),
        *_outside_links(ws),
        *_record_findings(ws, decisions),
        *_at_their_own_lines(ws, decisions, [
            *_duplicates(ws, decisions),
            *_missing_targets(ws, decisions),
            *_one_sided(ws, decisions),
            *_cycles(ws, decisions, successors),
            *_status_consistency(ws, decisions, successors),
            *_migration_plans(ws, decisions.records),
            *_template_text(ws, decisions),
        ]),
        *filter(None, [stale_index(ws, decisions)]),
        *prototype_lint.findings(ws, decisions),
        *leftovers.findings(ws),
    ]
    if strict:
        findings = [f._replace(severity="error") for f in findings]
    findings.sort(key=lambda f: (f.path, f.line or 0))
    return Report(tuple(findings))
