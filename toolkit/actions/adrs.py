"""ADR operations behind `decide adr ...`: load, create, show, change status and link."""

import datetime as _dt
import contextlib
import functools
import os
import re
from collections import Counter
from pathlib import Path, PurePosixPath

from toolkit.actions.adr_folder import shown_path
from toolkit.actions.adr_form import (
    NAMED_WIDTH,
    TEMPLATES,
    adr_tools_blanks,
    copied_template,
    day_example,
    fill_blanks,
    folder_form,
    front_matter_blanks,
    numbered_like_records,
    own_template,
    placed_after_records,
    site_keys_like_records,
    team_template,
    titled_like_records,
)
from toolkit.actions.numbering import create_numbered
from toolkit.errors import DecisionbookError
from toolkit.history.numbers import BranchNames
from toolkit.records import adr_edit, atomic, files, folder_index, frontmatter, parsecache, sidecar
from toolkit.records.adr import (
    MADR,
    REVERSE,
    STATUSES,
    UNKNOWN,
    Decision,
    ReadOptions,
    file_key,
    from_document,
    noted_records,
    prototype_ref,
    ref_key,
    relation_name,
    require_editable,
)
from toolkit.records.adr_words import (
    AMBIGUOUS,
    RELATION_STATUS,
    SYNONYMS,
    BESIDE_STATUS,
    DATED_FILE,
    FOLDER_PAGES,
    LETTERED,
    RECORD_DEPTH,
    STAGE_FOLDERS,
    LazyPattern,
    draft_slug,
    folder_page,
    folder_record,
    is_record_file,
    is_rst,
    is_slug_record,
    is_iso_day,
    iso_date,
    language_of,
    languages_of,
    marked_choices,
    marked_status,
    may_hold_records,
    numbered_file,
    numbered_slug,
    numbered_template,
    page_name,
    plain_words,
    proven_order,
    read_status,
    record_name,
    series_label,
    series_record,
    series_reference,
    status_mark,
    successor_choice,
    status_word,
    template_name,
    without_companions,
    order_read,
    written_as,
)
from toolkit.records.adr_pages import is_template_or_index
from toolkit.records.bulk import paused_gc
from toolkit.records.files import is_folder
from toolkit.records.finding import Finding
from toolkit.records.folder_index import Listed
from toolkit.records.named import named
from toolkit.records.text import digits_hint, one_line
from toolkit.workspace import Workspace

# The life of a decision (ADR 0091): a draft may be decided without being proposed first, and a
# proposal may be replaced by another before it is decided.
TRANSITIONS = {
    "draft": ("proposed", "accepted", "rejected"),
    "proposed": ("accepted", "rejected", "superseded"),
    "accepted": ("deprecated", "superseded"),
    "rejected": ("proposed",),
}
DATA_CHANGE_START = "<!-- decisionbook:data-change -->"
DATA_CHANGE_END = "<!-- decisionbook:end-data-change -->"
_UNNUMBERED = LazyPattern(r"(?:\b[A-Za-z]+[-_ ]?)?\$\{number\}[ \t]*[.:-]?[ \t]*")


@named
class Decisions:
    """Every ADR in a workspace's ADR folder, plus the files that could not be read at all.

    `records` are sorted by number (log4brains files, which have none, by name after them).
    `unreadable` holds one error Finding per file whose text or YAML is malformed.
    """

    folder: Path
    records: tuple[Decision, ...]
    unreadable: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = ()  # warnings about the folder's own files: its list of records (folder_index)

    def by_key(self) -> dict[str, list[Decision]]:
        keys: dict[str, list[Decision]] = {}
        for record in self.records:
            keys.setdefault(record.key, []).append(record)
        return keys

    def get(self, ref) -> Decision | None:
        """The ADR *ref* names (12, "0012", "ADR-0012", a slug), or None."""
        matches = self._named(ref)
        return matches[0] if matches else None

    def linked(self, key: str) -> Decision | None:
        """The ADR a relation's *key* names (as `outgoing` gives it), or None. A key is read as a key: one that
        would read as another (`CFR-001`, after `ADR-CFR-001`, as ADR 1) names no other record but its series'."""
        series = self._series(key)
        return series[0] if series else self.get(key) if ref_key(key) == key else None

    def _series(self, ref) -> list[Decision]:
        """The records of a series of their own *ref* names by their label (`VIS-001`), not by the folder's number."""
        label = series_reference(ref)
        if label is None:
            return []
        return [r for r in self.records if r.number is None and series_label(record_name(r.path)) == label]

    def _named(self, ref) -> list[Decision]:
        series = self._series(ref)
        if series:
            return series
        key = ref_key(ref)
        # A record named by its number or its day is found by its whole slug too.
        return [r for r in self.records if r.key == key] or [
            r for r in self.records if key and _slug(record_name(r.path)) == key
        ] or (_as_listed(self.records, ref, lambda r: r.key) if isinstance(ref, str) else []) or [
            r for r in self.records if key and str(r.number) == key]  # an expired text no revision has replaced

    def find(self, ref) -> Decision:
        """Like get, but a missing or ambiguous reference is a DecisionbookError."""
        key = ref_key(ref)
        matches = [r for r in self.records if r.key == key]
        if isinstance(ref, str) and not ref.strip().isdigit() and (len(matches) > 1 or _names_marked(ref)):
            # A file's own name is that file, even where others share its number (`0050-x`, `0050-x.md`).
            name = record_name(ref.strip())
            named = [r for r in matches if name in ((own := record_name(r.path)), own.rpartition(".")[0])]
            if len(named) > 1 and "/" in ref:
                within = _by_path([r.path for r in named], ref)
                named = [r for r in named if r.path in within]
            if len(named) == 1:
                return named[0]
            if _names_marked(ref):
                raise DecisionbookError(_ambiguous(ref, [r.path for r in named]) if named else f"no ADR {ref}")
        if len(matches) <= 1:
            matches = self._named(ref)
        if len(matches) > 1:
            raise DecisionbookError(_ambiguous(ref, [r.path for r in matches]))
        found = matches[0] if matches else None
        if found is None:
            for finding in self.unreadable:
                if key is not None and unreadable_key(finding) == key:
                    raise DecisionbookError(finding.message, finding.path, finding.line)
            raise DecisionbookError(f"no ADR {ref}{digits_hint(str(ref))}")
        return found

    def findings(self) -> list[Finding]:
        """What could not be read or understood, file by file."""
        return [*self.unreadable, *(f for r in self.records for f in r.findings)]

    def unreadable_error(self) -> DecisionbookError | None:
        """The first file that could not be read, as the error naming it (and how many more), or None."""
        if not self.unreadable:
            return None
        first, more = self.unreadable[0], len(self.unreadable) - 1
        suffix = f" (and {more} more unreadable ADR files; `decide check` lists them)" if more else ""
        return DecisionbookError(first.message + suffix, first.path, first.line)


def _as_listed(items: list, typed: str, key) -> list:
    """The *items* whose *key* is the text *typed*; else those it is once both are in Unicode's composed form
    (NFC), as a keyboard types `café` that a Mac names a file in its decomposed form."""
    import unicodedata  # only when a reference is looked up by its text, not while listing

    typed = typed.strip()
    return [item for item in items if key(item) == typed] or [
        item for item in items if unicodedata.normalize("NFC", key(item)) == unicodedata.normalize("NFC", typed)]


_TIME_OF_DAY = LazyPattern(r"^(?:[01]\d|2[0-3])[-_][0-5]\d[-_]")  # after the day: `2025-06-10_14_30_function-service`


def _slug(name: str) -> str | None:
    """The slug of a record's file or folder *name* after its number, its day (`20201001-adopt-graphql`) or a
    draft's placeholder: a record is named by its whole slug, so `go` names no `0002-use-go.md` and `strategy`
    no `2025-06-09_logging-strategy.md`, by every command alike."""
    slug = numbered_slug(name)
    if slug is None and (dated := DATED_FILE.match(name)):
        slug = _TIME_OF_DAY.sub("", dated.group(3), count=1)
    return draft_slug(name) or None if slug is None else slug


def _ambiguous(ref, paths: list[Path]) -> str:
    """What to tell someone whose *ref* names the records in *paths*, which share its number (ADR 0128)."""
    names = [_file_name(path) for path in paths]
    named = record_name(paths[0]).rpartition(".")[0]
    if len(set(names)) < len(names):  # one name in two folders (`global/0001-x.md`, `websre/0001-x.md`)
        names = [f"{path.parent.name}/{path.name}" for path in paths]
        named = f"{paths[0].parent.name}/{paths[0].stem}"
    shared = "its number" if (ref_key(ref) or "").isdigit() else "that slug"
    return f"ADR {ref} is ambiguous: {', '.join(names)} share {shared}; name one by its file, as `{named}`"


def _names_marked(ref) -> bool:
    """Whether *ref* is the file name of a text its name marks (`0249-x.expired`, `0249-x.expired.md`): that names
    the text alone, never the revision its number names (ADR 0169)."""
    if not isinstance(ref, str):
        return False
    name = record_name(ref.strip())
    return marked_status(name) is not None or marked_status(name + ".md") is not None


def _by_path(paths: list[Path], ref: str) -> list[Path]:
    """The *paths* that end as *ref* does when it names folders too (`websre/0001-x.md`, `decisions/websre/0001-x`):
    where records in two folders share a file name, the folder tells them apart."""
    tail = "/" + ref.strip().replace("\\", "/").removeprefix("./")
    return [path for path in paths
            if (text := path.as_posix()).endswith(tail) or text.rpartition(".")[0].endswith(tail)]


def _file_name(path: Path) -> str:
    """A record's file as messages name it: `0002-x.md`; a page with its folder, `0002-x/README.md`."""
    return f"{path.parent.name}/{path.name}" if record_name(path) != path.name else path.name


def unreadable_key(finding: Finding) -> str | None:
    """The key of the record a file that could not be read would be: its page's, for a KEP's kep.yaml."""
    folder, _, name = finding.path.rpartition("/")
    return file_key(record_name(f"{folder}/README.md" if name == sidecar.NAME else finding.path))


def adr_files(folder: Path) -> list[Path]:
    """The ADR files in *folder* and in the category folders below it (`security/0003-x.md`, PowerShell's
    `Archive/Rejected/RFC0015-x.md`), down to RECORD_DEPTH folders, by name.

    A record is named by a number of any width, perhaps after a prefix (`ADR-0001-x.md`), or by a date
    (`YYYYMMDD-slug.md`, `YYYY-MM-DD-slug.md`); in a folder with none of those, by its slug alone
    (`choose-a-database.md`). README, index and template files are not records, nor are a record's
    translations and addenda beside it (`0009-use-x.en.md`, `0009-ADDENDUM-y.md`). A subfolder named with
    the number or the whole name of a record beside it (`0009/` or `009-use-x/` by `0009-use-x.md`,
    `20241206-x/` by `20241206-x.md`) holds that record's notes, drafts and chapters, not records.
    """
    files, slug_files = _named_files(folder)
    return files or slug_files


def team_folder(ws: Workspace, path: Path) -> Path | None:
    """The folder below the ADR folder, holding *path*, that has an `.adr-dir` of its own: a team's records,
    numbered apart from the others' as adr-tools does there (Mozilla's SRE teams, ADR 0129); None for a record of
    the ADR folder's own series."""
    folder = path.parent
    while folder != ws.adr_dir and ws.adr_dir in folder.parents:
        if os.path.isfile(folder / ".adr-dir"):
            return folder
        folder = folder.parent
    return None


def team_folders(ws: Workspace) -> list[Path]:
    """The folders in the ADR folder that have an `.adr-dir` of their own (see team_folder), by name. A link to a
    folder is none, wherever it leads (ADRs 0157, 0173): the records behind it are not read here."""
    try:
        with os.scandir(ws.adr_dir) as entries:
            return sorted(Path(entry.path) for entry in entries if is_folder(entry) and not entry.is_symlink()
                          and os.path.isfile(os.path.join(entry.path, ".adr-dir")))
    except OSError:
        return []


def outside_links(ws: Workspace) -> list[Path]:
    """The symbolic links in the ADR folder to folders outside the workspace, by name. Their records are not the
    workspace's: their ids and paths would leave it, so they are neither read nor numbered with its own."""
    try:
        with os.scandir(ws.adr_dir) as entries:
            links = sorted(Path(entry.path) for entry in entries if entry.is_symlink() and is_folder(entry))
    except OSError:
        return []
    targets = {link: Path(os.path.realpath(link)) for link in links}
    return [link for link, target in targets.items() if target != ws.root and ws.root not in target.parents]


def record_folders(folder: Path) -> list[Path]:
    """*folder* and the category folders below it that records are read from (down to RECORD_DEPTH folders, as
    adr_files reads them); links to folders are not followed."""
    found = [(folder, 0)]
    for at, depth in found:  # grows as it is walked: each folder after its parent
        if depth == RECORD_DEPTH:
            continue
        try:
            with os.scandir(at) as entries:
                below = sorted(entry.path for entry in entries
                               if may_hold_records(entry.name) and entry.is_dir(follow_symlinks=False))
        except OSError:
            continue
        found.extend((Path(path), depth + 1) for path in below)
    return [at for at, _ in found]


# The stages a record may start at, earliest first: a problem stated (linkerd's `problem/`), then a design proposed.
_FIRST_STAGES = ("problem", "draft", "design", "proposed")


def _first_stage(folder: Path) -> Path | None:
    """Where the ADR *folder* keeps its records in folders named by their stage, two of them at least holding
    records (ADR 0161), its folder of the earliest stage a record starts at: a new record is written there, as
    linkerd's problem statements are. Else None."""
    try:
        with os.scandir(folder) as entries:
            stages = {entry.name.lower(): Path(entry.path) for entry in entries
                      if entry.name.lower() in STAGE_FOLDERS and entry.is_dir(follow_symlinks=False)}
    except OSError:
        return None
    if sum(bool(adr_files(stage)) for stage in stages.values()) < 2:
        return None
    return next((stages[name] for name in _FIRST_STAGES if name in stages), None)


def _records_subfolder(folder: Path) -> Path | None:
    """The one subfolder the ADR *folder* keeps two or more records in and every record, where it keeps none of its
    own (`docs/architecture-decisions/records/` beside `templates/` and an index page): a new record goes there as
    well. Else None."""
    paths = adr_files(folder)
    held = {path.parent for path in paths}
    if len(paths) < 2 or len(held) != 1:
        return None
    (only,) = held
    return only if only.parent == folder else None


def unnamed_records(ws: Workspace) -> list[Path]:
    """The files of the ADR folder (and its category subfolders) that state a status as records do but
    are not read as records: named by no number or date, beside records that are (`ADR-CFR-001-x.md`,
    `ard-6.md` by `0005-x.md`)."""
    files, slug_files = _named_files(ws.adr_dir)
    found = []
    for path in slug_files if files else ():
        if template_name(path.stem) or _lettered_companion(path, files):
            continue
        try:
            record = _parse_file(ws, path)[1]
        except DecisionbookError:
            continue
        if record.status in STATUSES:
            found.append(path)
    return found


def _lettered_companion(path: Path, files: list[Path]) -> bool:
    """Whether *path* is named as a record's companion (`0012D-x.md`) beside that record (`0012-x.md`)."""
    if not path.name[:1].isdigit():
        return False
    match = LETTERED.match(path.name)
    return match is not None and path.with_name(match.group(1) + match.group(2)) in files


def decided_templates(ws: Workspace) -> list[Decision]:
    """The files of the ADR folder named as templates numbered from 1 (`0001-adr-template.md`) that are written
    as decided records, with a status and a day (arsnova's record of its conventions), read as records would be.
    Their names alone cannot tell them from templates, so they stay unlisted and `check` names them (ADR 0136)."""
    templates: list[Path] = []
    _add_named_files(ws.adr_dir, 0, [], [], templates)
    found = []
    for path in templates:
        try:
            record = _parse_file(ws, path)[1]
        except DecisionbookError:
            continue
        if record.status in STATUSES and record.date is not None:
            found.append(record)
    return found


def _named_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The numbered or dated record files in *folder* and its category folders (down to RECORD_DEPTH
    folders below it), and those that may be records named by their slug alone."""
    files: list[Path] = []
    slug_files: list[Path] = []
    _add_named_files(folder, 0, files, slug_files)
    return files, slug_files


def _add_named_files(folder: Path, depth: int, files: list[Path], slug_files: list[Path],
                     templates: list[Path] | None = None, above: frozenset[str] = frozenset()) -> None:
    """Add to *files* and *slug_files* the records in *folder*, *depth* folders below the ADR folder, and
    in the folders below it; to *templates*, if given, the files numbered but named as templates. A file named as
    a record in the folder *above* it is named is a copy of that record (`archive/0013-x.md` by `0013-x.md`). Each
    folder is listed once; links to folders are not followed, so no walk leaves the ADR folder or loops."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    names, slugs, subfolders, pages = [], [], [], []
    for entry in entries:
        if is_record_file(entry.name):
            if not is_folder(entry):
                names.append(entry.name)
        elif may_hold_records(entry.name) and entry.is_dir(follow_symlinks=False):
            subfolders.append(entry.name)
        elif not is_folder(entry):
            pages.append(entry.name)
            if is_slug_record(entry.name):
                slugs.append(entry.name)
            elif templates is not None and numbered_template(entry.name):
                templates.append(folder / entry.name)
    names = without_companions([name for name in names if name not in above] if above else names)
    if depth and not names and folder_record(folder.name) and (page := folder_page(pages, folder.name)) is not None:
        # A record kept as a folder (`CIP-0001/README.md`): its page is the record; its images,
        # translations and notes are not records.
        files.append(folder / page)
        return
    files.extend(folder / name for name in sorted(names))  # sort names, not Paths: 10,000 of them
    slug_files.extend(folder / name for name in sorted(slugs))
    if depth == RECORD_DEPTH:
        return
    # A folder named by the number of a record beside it (`0009/`, `009-use-x/` by `0009-use-x.md`), or by its
    # whole name (`20241206-oci-registries/` by `20241206-oci-registries.md`), holds that record's notes, drafts
    # and chapters.
    numbers = {numbered[1] for name in names if (numbered := numbered_file(name))} if subfolders else set()
    stems = {name.rpartition(".")[0] for name in names} if subfolders else set()
    for sub in sorted(subfolders):
        if sub not in stems and (numbered_file(sub + ".md") or (None, None))[1] not in numbers:
            _add_named_files(folder / sub, depth + 1, files, slug_files, templates, frozenset(names))


def read_options(ws: Workspace, paths: list[Path] | None = None,
                 listed: tuple[Listed, ...] | None = None) -> ReadOptions:
    """How this workspace's records are read: its own status words and date order, the records
    named by their slug alone, which a link names by file name (*paths*: the folder's records), and the
    fields the folder's list of records gives them (*listed*, else read from it)."""
    slugs = tuple(sorted(path.stem for path in paths if is_slug_record(path.name))) if paths else ()
    series = tuple(sorted(path.stem for path in paths if series_record(path.name))) if paths else ()
    if listed is None:
        listed = _folder_list(ws)[0]
    return ReadOptions(ws.config.adr_statuses, ws.config.date_order, slugs, str(ws.adr_dir), listed, series)


def _folder_list(ws: Workspace) -> tuple[tuple[Listed, ...], Finding | None]:
    """The records the ADR folder's list names (Fuchsia's `_rfcs.yaml`), and a warning where it cannot be read."""
    return folder_index.read(ws.adr_dir, ws.config.max_file_bytes, ws.root,
                             shown_path(ws, ws.adr_dir / folder_index.NAME))


def _parse_file(ws: Workspace, path: Path, shown: str | None = None,
                options: ReadOptions | None = None) -> tuple[frontmatter.Document, Decision]:
    shown = shown or shown_path(ws, path)
    try:
        data = sidecar.read(path, ws.config.max_file_bytes, ws.root, shown)
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc.strerror}", shown) from None
    try:
        doc = frontmatter.parse(data, shown)
    except DecisionbookError as exc:
        raise _in_own_file(exc, path) from None
    return doc, _in_own_files(from_document(doc, path, shown, options or _options_for(ws, path)))


def _in_own_file(error: DecisionbookError, path: Path) -> DecisionbookError:
    """*error* about *path*'s record at the file and line that hold it: a KEP's fields are its kep.yaml's."""
    if path.name.lower() not in FOLDER_PAGES or error.path is None:
        return error
    # The YAML reader names a second line in its message (`... never closed: ... on line 5`): placed too.
    message = re.sub(r"(?<= on line )\d+$",
                     lambda line: str(sidecar.place(path, error.path, int(line.group()))[1] or line.group()),
                     error.message)
    return DecisionbookError(message, *sidecar.place(path, error.path, error.line))


def _in_own_files(record: Decision) -> Decision:
    """*record* with each finding at the file and line that hold it (see `_in_own_file`)."""
    if record.path.name.lower() not in FOLDER_PAGES or not record.findings:
        return record
    return record._replace(findings=tuple(sidecar.placed(finding, record.path) for finding in record.findings))


def _read_again(ws: Workspace, decision: Decision) -> Decision:
    """*decision*'s file read again after an edit, its day in the order *decision*'s was read in (`05-08-20` in a
    folder whose other dates are written day first)."""
    options = _options_for(ws, decision.path)
    order = order_read(decision.date_raw or "", decision.date)
    return _parse_file(ws, decision.path, options=options._replace(date_order=order) if order else options)[1]


def _options_for(ws: Workspace, path: Path) -> ReadOptions:
    # Only a record named by its slug alone needs its folder listed: its links name other such files.
    return read_options(ws, adr_files(ws.adr_dir) if is_slug_record(path.name) else None)


def load_decisions(ws: Workspace) -> Decisions:
    """Read every ADR in the workspace. Never raises for a bad file: it lands in `unreadable`."""
    records: list[Decision] = []
    unreadable: list[Finding] = []
    paths = adr_files(ws.adr_dir)
    entries, note = _folder_list(ws)
    options = read_options(ws, paths, entries)
    settings = repr(options)  # one string in every cache key: hashed once, the same in every process
    listed = functools.cache(lambda: frozenset(os.path.normpath(path) for path in paths))  # what an index links to
    with paused_gc():
        cache = parsecache.Store(ws.root, "adrs", paths)
        limit = ws.config.max_file_bytes
        for path in paths:
            shown = shown_path(ws, path)
            try:
                data = sidecar.read(path, limit, ws.root, shown)
            except OSError as exc:
                unreadable.append(Finding(shown, None, "error", f"cannot read: {exc.strerror}"))
                continue
            except DecisionbookError as exc:  # named where it is: a KEP's kep.yaml, at its line
                unreadable.append(Finding(exc.path or shown, exc.line, "error", exc.message))
                continue
            key = (str(path), shown, parsecache.digest(data), settings)
            record = cache.get(key)
            if record is None:
                try:
                    record = _in_own_files(from_document(frontmatter.parse(data, shown), path, shown, options))
                except DecisionbookError as exc:
                    exc = _in_own_file(exc, path)
                    unreadable.append(Finding(exc.path or shown, exc.line, "error", exc.message))
                    continue
                cache.put(key, record)
            if record.number in (None, 0) and is_template_or_index(record, data, listed):
                continue  # the folder's template or index page (ADR 0114)
            records.append(record)
    cache.save()
    if options.date_order is None:
        records = _dated_as_the_folder_writes(ws, records, options)
    if sum(record.number == 0 for record in records) > 1:
        # Several records numbered 0 are drafts waiting for their numbers (Rust's and Ember's RFCs,
        # `0000-x.md`): each is known by its name, as `XXXX-x.md` is; one alone is record 0 (MADR's first).
        records = [record._replace(number=None, key=record_name(record.path).rpartition(".")[0])
                   if record.number == 0 else record for record in records]
    records.sort(key=record_order)
    return Decisions(ws.adr_dir, tuple(records), tuple(unreadable), (note,) if note else ())


# A template's blank for a day written year first, in any language's letters: `YYYY-MM-DD`, `AAAA-MM-JJ`.
_YEAR_FIRST_BLANK = LazyPattern(r"(?<![^\W\d_])[^\W\d_]{4}[-/.][^\W\d_]{2}[-/.][^\W\d_]{2}(?![^\W\d_])")


def record_order(record: Decision) -> tuple:
    """Where *record* is listed: by number; records without numbers after them, by the names that name them
    (a record kept as a folder by its folder's)."""
    return record.number is None, record.number or 0, record_name(record.path)


def _dated_as_the_folder_writes(ws: Workspace, records: list[Decision], options: ReadOptions) -> list[Decision]:
    """*records* with each date that could be day or month first (`04/07/2023`) read in the order the
    folder's other dates prove (`20/08/2023`: day first), when they prove one order and not the other."""
    unsure = [r for r in records if r.date is None and r.date_raw and iso_date(r.date_raw) == AMBIGUOUS]
    if not unsure:
        return records
    orders = {proven_order(r.date_raw) for r in records if r.date_raw} - {None}
    if len(orders) != 1:
        return records
    options = options._replace(date_order=orders.pop())
    again = {}
    for record in unsure:
        try:
            again[record.path] = _parse_file(ws, record.path, options=options)[1]
        except (DecisionbookError, OSError):
            continue  # changed since it was read: it stays as read
    return [again.get(record.path, record) for record in records]


def list_decisions(ws: Workspace, status: str | None = None) -> Decisions:
    """The workspace's ADRs, only those with *status* when given."""
    decisions = load_decisions(ws)
    if status is None:
        return decisions
    wanted = status.strip().lower()
    if wanted not in STATUSES and not any((r.status or "").lower() == wanted for r in decisions.records):
        raise DecisionbookError(f"no status {status!r}: the statuses are {', '.join(STATUSES)}")
    chosen = tuple(r for r in decisions.records if (r.status or "").lower() == wanted)
    return Decisions(decisions.folder, chosen, decisions.unreadable)


def decision_row(ws: Workspace, record: Decision) -> dict:
    """One ADR as a flat dict (what `adr list --format json` prints and frames build on)."""
    return {
        "number": record.number,
        "key": record.key,
        "title": record.title,
        "status": record.status,
        "status_raw": record.status_raw,
        "date": record.date,
        "date_raw": record.date_raw,
        "path": shown_path(ws, record.path),
        "form": record.form,
        "superseded_by": record.superseded_by,
        "supersedes": list(record.supersedes),
        "links": [{"relation": link.relation, "adr": link.target} for link in record.links],
        "decision_makers": list(record.decision_makers),
        "consulted": list(record.consulted),
        "informed": list(record.informed),
        "prototypes": list(record.prototypes),
        "data_change": record.data_change,
    }


def find_one(ws: Workspace, ref) -> tuple[frontmatter.Document, Decision]:
    """Read only the file *ref* names, so one broken ADR elsewhere does not block an edit."""
    return _parse_file(ws, _find_path(ws, ref))


@contextlib.contextmanager
def _editing(ws: Workspace, ref):
    """Lock the file *ref* names and read it under the lock: what an edit changes is what is there now."""
    path = _find_path(ws, ref)
    with files.locked(path, shown_path(ws, path)):
        doc, decision = _parse_file(ws, path)
        if decision.date is None and decision.date_raw and iso_date(decision.date_raw) == AMBIGUOUS:
            # Read alone its day could be either order (`05-08-20`): read as the listing reads it, in the order the
            # folder's other dates prove, so a change writes the new day in that order too.
            decision = next((r for r in load_decisions(ws).records if r.path == path), decision)
        yield doc, decision


def _find_path(ws: Workspace, ref) -> Path:
    if isinstance(ref, Path):  # a record already found: that very file
        return ref
    key = ref_key(ref)
    folder = ws.adr_dir
    if isinstance(ref, str) and (ref.endswith((".md", ".markdown", ".qmd", ".rst")) or not ref.strip().isdigit()):
        # A file's own name is that file, even where two share its number (`0004-x.md`, `0004-x-de.md`),
        # and so is the name without its extension that a draft is listed by (`0000-feature-a`).
        name = record_name(ref.strip())
        paths = adr_files(folder)
        named = (_as_listed(paths, name, lambda p: (own := record_name(p)).rpartition(".")[0] or own)
                 or _as_listed(paths, name, record_name))
        if len(named) > 1 and "/" in ref:
            named = _by_path(named, ref)
        if len(named) == 1:
            return named[0]
        if (label := series_reference(ref)) is not None:  # `VIS-001`: a series' record, not the folder's number 1
            named = [path for path in paths if series_label(record_name(path)) == label] or named
            if len(named) == 1:
                return named[0]
        if _names_marked(ref):
            raise DecisionbookError(_ambiguous(ref, named) if named else f"no ADR {ref}", shown_path(ws, folder))
    if key is None:
        raise DecisionbookError(f"{ref!r} is not an ADR number or slug{digits_hint(str(ref))}")
    # A record kept as a folder (`CIP-0001/README.md`) is found by the folder's name.
    record_names = {path: record_name(path) for path in adr_files(folder)}
    if key.isdigit():
        candidates = [p for p, name in record_names.items() if file_key(name) == key]
        # The number names the revision, not the expired text beside it (`0249-x.expired.md`), as its key does.
        candidates = [p for p in candidates if marked_status(p.name) is None] or candidates
    else:
        stems = {path: name.rpartition(".")[0] for path, name in record_names.items()}
        candidates = ([p for p, stem in stems.items() if stem == key]
                      or [p for p, name in record_names.items() if _slug(name) == key])
    if not candidates and key.isdigit():
        candidates = _numbered_by_title(ws, record_names, int(key))
    if not candidates:
        raise DecisionbookError(f"no ADR {ref}", shown_path(ws, folder))
    if len(candidates) > 1:
        raise DecisionbookError(_ambiguous(ref, candidates), shown_path(ws, folder))
    return candidates[0]


def _numbered_by_title(ws: Workspace, record_names: dict[Path, str], number: int) -> list[Path]:
    """The records named by their day alone whose titles give them *number* (`2024-05-01-x.md`, `# ADR-003: X`).
    Read only when no file name gives the number: a folder that numbers its files never reads a page for this."""
    found = []
    for path, name in record_names.items():
        if DATED_FILE.match(name) and numbered_file(name) is None:
            with contextlib.suppress(DecisionbookError):  # a broken page is named by the command that reads it
                if _parse_file(ws, path)[1].number == number:
                    found.append(path)
    return found


def _write(ws: Workspace, path: Path, before: bytes, after: bytes, holds=None) -> bool:
    """Write *after* over *before* when it reads back, and says what the edit meant (*holds* of the
    record it reads as); a broken edit, or one the file's layout would hide, is never written."""
    if after == before:
        return False
    try:
        record = from_document(frontmatter.parse(after, shown_path(ws, path)), path, None, _options_for(ws, path))
    except DecisionbookError:  # the edit, not the file, broke its YAML
        record = None
    if record is None or holds is not None and not holds(record):
        raise DecisionbookError("the file's layout defeats this edit; make it by hand", shown_path(ws, path))
    sidecar.write(path, after)
    return True


def _relations(record: Decision) -> set[tuple[str, str]]:
    return {("supersedes", key) for key in record.supersedes} | {(link.relation, link.target) for link in record.links}


def _said_by_status(decision: Decision) -> set[tuple[str, str]]:
    """The relation *decision*'s status phrase says its status by (`Deprecated by [5. X](...)`): a change of status
    replaces it with the phrase, and says so (ADR 0178), as it does a successor named there."""
    relation = read_status(decision.status_raw)[1] if decision.status_raw else None
    return {(link.relation, link.target) for link in decision.links if relation not in (None, *BESIDE_STATUS)
            and link.relation == relation and link.line == decision.status_line}


def _links(before: Decision, relation: str, target: Decision):
    """What the record *before* must read as once *relation* *target* is written in it: that link
    beside every relation it had."""
    return lambda record: adr_edit.has_link(record, relation, target) and _relations(record) >= _relations(before)


class _Group:
    """Edits of several records that stand or fall together (see `_together`)."""

    def __init__(self, ws: Workspace, locks: contextlib.ExitStack):
        self.ws, self.locks = ws, locks
        self.made: list[tuple[Path, bytes]] = []  # each file written, with its bytes before

    def editing(self, ref) -> tuple[frontmatter.Document, Decision]:
        """The record *ref* names, read under its lock, which is held until the whole group ends."""
        return self.locks.enter_context(_editing(self.ws, ref))

    def write(self, path: Path, before: bytes, after: bytes, holds=None) -> None:
        try:
            written = _write(self.ws, path, before, after, holds)
        except DecisionbookError:  # refused: nothing was written
            raise
        except BaseException:  # Ctrl-C or a full disk, perhaps once the file was replaced: it is put back too
            self.made.append((path, before))
            raise
        if written:
            self.made.append((path, before))


@contextlib.contextmanager
def _together(ws: Workspace, refs=()):
    """Edits of several records that stand or fall together: when a later one is refused, those
    written are put back. Every record's lock is held until the group ends, so no edit made in
    between is lost to a put-back; the records *refs* name are locked first, in path order, so two
    groups over the same records cannot wait on each other."""
    with contextlib.ExitStack() as locks:
        for path in sorted({_find_path(ws, ref) for ref in refs}):
            locks.enter_context(files.locked(path, shown_path(ws, path)))
        group = _Group(ws, locks)
        try:
            yield group
        except BaseException:  # a refusal, and as well Ctrl-C or a full disk between two of the writes
            for path, before in reversed(group.made):
                sidecar.write(path, before)
            raise


def _superseded(ws: Workspace, doc: frontmatter.Document, record: Decision, successor: Decision, day: str,
                links: tuple[str, ...]) -> bytes:
    """*record*'s file marked superseded by *successor* on *day*, in the form, mark and words its folder writes."""
    return adr_edit.superseded_and_dated(doc, record, successor, day, _folder_status_form(ws, record), links,
                                         _superseded_mark(ws, record), _successor_words(ws, record))


def _link_both(ws: Workspace, source: Decision, relation: str, target: Decision, reverse: str) -> list[Path]:
    """Record *relation* on source and *reverse* on target, or on neither; the paths that changed."""
    links = _folder_links(ws)
    with _together(ws, (source.path, target.path)) as group:
        for ref, rel, other in ((source, relation, target), (target, reverse, source)):
            doc, fresh = group.editing(ref.path)
            if rel == "superseded by" and not adr_edit.has_link(fresh, rel, other):
                # A change of status, as `adr status N superseded --by M` makes it: dated where the record is then.
                after = _superseded(ws, doc, fresh, other, _dt.date.today().isoformat(), links)
            else:
                after = adr_edit.add_link(doc, fresh, rel, other, links)
            group.write(fresh.path, doc.to_bytes(), after, _links(fresh, rel, other))
    return [path for path, _ in group.made]


_LINKS_ENOUGH = 12  # links enough to tell how a folder writes them, read from its newest records
_PLAIN_NAME = LazyPattern(r"(?:ADR|RFC)[-_ #]?\d+", re.IGNORECASE)  # a record named without a link: `ADR-0005`


def _folder_links(ws: Workspace) -> tuple[str, ...]:
    """The links the folder's newest records write to other records (`[ADR 014](./014-x.md)`), for a new link
    to be written as theirs are; a link command reads the records for them, as `adr new` without one never does.
    Where most of the records its statuses and their notes name are named without a link (`Superseded by ADR-0005`,
    `已废弃（被 ADR-0030 取代）`), those names instead, for a new relation to name its record so too."""
    records = load_decisions(ws).records
    named = [target for record in records if record.status_raw
             and (target := read_status(record.status_raw, dict(ws.config.adr_statuses))[2])]
    named += [noted for record in records if record.status_raw for noted in noted_records(record.status_raw)]
    plain = [target for target in named if _PLAIN_NAME.fullmatch(target.strip(" *_."))]
    if len(plain) * 2 > len(named):
        return tuple(plain)
    links: list[str] = []
    for record in reversed(records):
        try:
            text = frontmatter.decode(files.read_bytes(record.path, ws.config.max_file_bytes, ws.root), record.path)
        except (OSError, DecisionbookError):
            continue
        links += adr_edit.record_links(text)
        if len(links) >= _LINKS_ENOUGH:
            break
    return tuple(links)


def _reverse_of(relation: str, reverse: str | None, how: str = "name it with --reverse") -> str:
    if reverse:
        return relation_name(reverse)
    if relation in REVERSE:
        return REVERSE[relation]
    raise DecisionbookError(
        f"decisionbook does not know the reverse of {relation!r}; {how} (known relations: {', '.join(sorted(REVERSE))})"
    )


@named
class Created:
    path: Path
    updated: tuple[Path, ...]  # the ADRs it supersedes or links to, edited in their own form, and the folder's list
    pending: tuple[Decision, ...] = ()  # ADRs to be marked superseded when this one is accepted
    beside: tuple[str, ...] = ()  # the category folders holding every other record, where it was written above them

    @property
    def note(self) -> str | None:
        """What to say of where it was written, if anything."""
        if not self.beside:
            return None
        return (f"written above the folders every other record is kept in ({', '.join(self.beside)}); "
                "`--in FOLDER` writes a record in one")


def _template_text(template: str, extension: str) -> tuple[str, Path]:
    from toolkit.bundled import templates_dir

    kind = "rst" if extension == "rst" else "md"
    path = templates_dir() / f"{template}.{kind}" if template in TEMPLATES else Path(template)
    try:
        return frontmatter.decode(files.read_bytes(path), path), path
    except OSError as exc:
        raise DecisionbookError(f"cannot read template: {exc.strerror}", path) from None


def _data_change_block(text: str, keep: bool, template: Path) -> str:
    lines = text.splitlines(keepends=True)
    out, inside = [], False
    for line in lines:
        marker = line.strip()
        if marker == DATA_CHANGE_START:
            inside = True
        elif marker == DATA_CHANGE_END:
            inside = False
        elif keep or not inside:
            out.append(line)
    if inside:
        raise DecisionbookError(f"{DATA_CHANGE_START} is never closed by {DATA_CHANGE_END}", template)
    if keep and DATA_CHANGE_START not in text and not re.search(r"^#+[ \t][^\n]*migration plan", text, re.M | re.I):
        # A team's template without the section: a data change needs it, so it comes from decisionbook's own.
        madr = _template_text("madr", "md")[0]
        block = madr[madr.index(DATA_CHANGE_START) + len(DATA_CHANGE_START) : madr.index(DATA_CHANGE_END)]
        out.append(("\n" if out and out[-1].strip() else "") + block.strip("\n") + "\n")
    return "".join(out)


def new_decision(
    ws: Workspace,
    title: str,
    template: str | None = None,
    supersedes: tuple = (),
    amends: tuple = (),
    links: tuple[tuple[str, str], ...] = (),
    data_change: bool = False,
    prototypes: tuple = (),
    date: _dt.date | None = None,
    force: bool = False,
    folder: str | None = None,
) -> Created:
    """Create a record from *template* (madr, nygard, log4brains or a file) with the next free number;
    in *folder*, a subfolder of the ADR folder by its path there (a category: `security`), where given.

    Without *template* the folder's own form is used (see adr_form.folder_form), and the name
    follows the folder's (`NNNN-slug.md`, `ADR-001-slug.md`, log4brains' `YYYYMMDD-slug.md`).
    *links* are (ADR, relation) pairs: the new ADR holds the relation, the other its reverse.
    Superseded and linked ADRs are edited in their own form after the new file exists (with
    `[adr] supersede-on = "accept"` a superseded ADR is marked only when the new one is accepted);
    an ADR already superseded by another is refused unless *force*.
    """
    ws.require_writable()
    title = one_line(title, "title")
    home = _category(ws, folder) if folder is not None else None
    relations = [("supersedes", ref) for ref in supersedes] + [("amends", ref) for ref in amends]
    relations += [(relation_name(rel), ref) for ref, rel in links]
    for relation, ref in relations:
        _reverse_of(relation, None, f"make the record, then `decide adr link N {relation} {ref} --reverse ...`")
    # Every ADR named is locked from its check to its edit: of records superseding one at once, one is
    # made and the others are refused, as when they are made one after another. The folder's lock comes
    # first, as `adr renumber` takes it, so the two never hold one lock each and wait for the other.
    folder_locked = atomic.folder_lock(ws.adr_dir) if ws.adr_dir.is_dir() else contextlib.nullcontext()
    # git reads the numbers taken on other branches while the folder is read here.
    with BranchNames(ws.root, ws.adr_dir) as branches, folder_locked, \
            _together(ws, [ref for _, ref in relations]) as group:
        return _new_decision(ws, group, branches, title, template, relations, data_change, prototypes, date, force,
                             home)


def _category(ws: Workspace, name: str) -> Path:
    """The folder *name* names in the ADR folder, where a new record is asked for (`--in security`): one that is
    there, inside it and not a team's own series (ADR 0245)."""
    where = shown_path(ws, ws.adr_dir) + "/"
    relative = PurePosixPath(name.replace("\\", "/"))
    folder = ws.adr_dir.joinpath(*relative.parts)
    inside = not relative.is_absolute() and ".." not in relative.parts and str(relative) != "."
    if not inside or not folder.is_dir() or ws.adr_dir.resolve() not in folder.resolve().parents:
        try:
            with os.scandir(ws.adr_dir) as entries:
                held = ", ".join(sorted(e.name for e in entries if is_folder(e) and not e.is_symlink()
                                        and not e.name.startswith("."))) or "none"
        except OSError:
            held = "none"
        raise DecisionbookError(f"no folder {name!r} in {where} to write the record in: --in names one of its "
                                f"folders by its path there ({held})", where)
    team = team_folder(ws, folder / "x.md")
    if team is not None:
        raise DecisionbookError(f"{shown_path(ws, team)}/ numbers its own records (its `.adr-dir`): run "
                                "`decide adr new` in it", where)
    return folder


def _new_decision(ws: Workspace, group: _Group, branches: BranchNames, title: str, template: str | None,
                  relations: list, data_change: bool, prototypes: tuple, date: _dt.date | None, force: bool,
                  chosen: Path | None = None) -> Created:
    """`new_decision` once the ADRs *relations* name are locked in *group*; in the folder *chosen*, if given."""
    day = (date or _dt.date.today()).isoformat()
    links = _folder_links(ws) if relations else ()
    targets = []
    for relation, ref in relations:
        doc, target = find_one(ws, ref)
        # Superseding a Markdown record that says no status gives it one (ADR 0086): nothing to refuse.
        if not (relation == "supersedes" and target.form == UNKNOWN and not is_rst(target.path)
                and not doc.has_front_matter):
            require_editable(doc, target)  # before the new file exists, so a refusal leaves nothing behind
        if relation == "supersedes" and not force:
            _refuse_second_successor(ws, target, None)
        targets.append((relation, target))
    numbers = []
    for ref in prototypes:
        number = prototype_ref(ref)
        if number is None:
            raise DecisionbookError(f"{ref!r} is not a prototype reference (P7, P-0007 or 7)")
        from toolkit.actions.prototypes import card_path  # only a record that cites a prototype needs it

        card_path(ws, number)  # no card: refused before the record exists, as `check` would fail on it
        numbers.append(number)
    folder = ws.adr_dir
    try:
        names = sorted(e.name for e in os.scandir(folder) if is_record_file(e.name) and not is_folder(e))
    except OSError:
        names = []
    if not names and (teams := team_folders(ws)):
        # Each team numbers its own records where its `.adr-dir` points adr-tools (ADR 0129): one made here
        # would be in no team's folder nor series.
        raise DecisionbookError(f"records here are numbered per team folder, each with its own .adr-dir "
                                f"({', '.join(shown_path(ws, team) + '/' for team in teams)}): run `decide adr new` "
                                "in the folder of the team the record belongs to", shown_path(ws, folder))
    every = [] if names else adr_files(folder)
    files = [folder / name for name in names[-5:]] if names else every[-5:]
    home = chosen or (None if names else _first_stage(folder) or _records_subfolder(folder)) or folder
    # Records kept only in category folders (`back-end/`, `front-end/`): one written above them is in none, and
    # `--in` says which (ADR 0245).
    beside = () if home != folder else tuple(sorted({path.relative_to(folder).parts[0] for path in every
                                                     if path.parent != folder}))

    read: dict[Path, frontmatter.Document] = {}

    @functools.cache
    def recent() -> list[Decision]:
        records = []
        for path in files:
            try:
                read[path], record = _parse_file(ws, path)
            except DecisionbookError:
                continue
            records.append(record)
        return records

    kept = [] if names else [page_name(path) for path in files if record_name(path) != path.name]
    # Records kept as folders (`CIP-0001/README.md`): a new one is a folder too, its page named as theirs.
    page = Counter(kept).most_common(1)[0][0] if 2 * len(kept) > len(files) else ""
    form = folder_form(ws, names or [record_name(path) for path in files], recent, template, page)
    # A copy has no front matter to hold prototypes or a data change: those take the MADR template.
    copied, written_day = None, day
    if form.model and not (numbers or data_change):
        others, days = [], []
        for path in files:
            if path != form.model:
                try:
                    doc, record = _parse_file(ws, path)
                except DecisionbookError:
                    continue
                others.append(doc)
                days.append(record.date_raw)
        model = _parse_file(ws, form.model)
        # A proposal of a folder whose proposals start as drafts (`:Status: Draft`, scikit-learn's SLEPs) starts so.
        drafts = is_rst(form.model) and any(r.status == "draft" for r in recent())
        status = "draft" if drafts else "proposed"
        copied = copied_template(*model, others, status, _new_word(ws, model[1], status))
        if copied is not None and model[1].date_raw:
            # The copy's date is written as the record copied writes its own (`2 December 2026`, pandas' PDEPs).
            written_day = written_as(day_example(model[1].date_raw, days), day,
                                     order_read(model[1].date_raw, model[1].date),
                                     adr_edit.record_months_language(model[0], model[1].status_raw))
    if copied is not None:
        (text, width), template_path = copied, form.model
    else:
        (text, template_path), width = _template_text(form.template, form.extension), 0
        if form.own:
            # The team's own, found in the folder: its blanks are the ones adr-tools, log4brains or MADR write.
            doc = frontmatter.parse(front_matter_blanks(adr_tools_blanks(text)).encode("utf-8"), template_path)
            blank = from_document(doc, template_path)
            # A status the template asks for in no language of status words is written in the records' language.
            spoken = Counter(language_of(r.status_raw or "") for r in recent()).most_common(1)
            text, width = team_template(doc, blank, (ws.adr_dir / folder_index.NAME).is_file(),
                                        spoken[0][0] if spoken else None)
            text, width = numbered_like_records(text, width, recent(), read)
            text = placed_after_records(text, recent(), read)
            dated = [record for record in recent() if record.date and record.date_raw]
            if blank.date and blank.date_raw and not is_iso_day(blank.date_raw.strip()):
                # An example day (`12 Temmuz 2025`): the day as the template writes it.
                written_day = written_as(blank.date_raw, day, order_read(blank.date_raw, blank.date),
                                         adr_edit.record_months_language(doc, blank.status_raw))
            elif dated and blank.date_raw and iso_date(blank.date_raw) is None and not _YEAR_FIRST_BLANK.search(
                    blank.date_raw):
                # A blank written day first (`dd/mm/aa`): the day as the folder's newest record writes its own.
                newest = dated[-1]
                written_day = written_as(day_example(newest.date_raw, [r.date_raw for r in dated]), day,
                                         order_read(newest.date_raw, newest.date),
                                         adr_edit.record_months_language(read[newest.path], newest.status_raw))
        else:
            text, width = titled_like_records(text, recent(), read)
            text = site_keys_like_records(text, recent(), read)
    text = _data_change_block(text, data_change, template_path)
    slug = form.words(title)
    # A template's status is marked as most of the folder's records mark theirs (`**Accepted**`, `[Aceptada]`); a
    # copied record's is already.
    marks = Counter() if copied is not None else Counter(
        adr_edit.status_emphasis(read[record.path], record) or adr_edit.status_brackets(record)
        for record in recent() if record.status_span is not None)
    mark, count = marks.most_common(1)[0] if marks else ("", 0)
    mark = mark if 2 * count > marks.total() else ""
    symbol = "" if copied is not None else _proposed_symbol(recent())
    capital = copied is None and _capitalised_statuses(recent())

    # Records named by their day whose titles number them (`2024-05-01-x.md`, `# ADR-003: X`): a new one's title
    # takes the number after the newest's, as its name takes the day.
    numbers_in_titles = [r.number for r in recent()] if form.unnumbered in ("date", "compact date") else []
    titled = None
    if numbers_in_titles and None not in numbers_in_titles[-2:]:  # the newest are numbered so, whatever the oldest
        titled = max(n for n in numbers_in_titles if n is not None) + 1

    def render(number: int | None) -> bytes:
        shown = number if number is not None else titled
        path = home / (form.name(number, slug, day) if number is not None else form.unnumbered_name(day, slug))
        values = {"number": str(shown).zfill(form.width if width == NAMED_WIDTH else width), "title": title,
                  "date": written_day, "name": path.name}
        # A record named by its date has no number: `# ${number}. ${title}` becomes `# ${title}`.
        numbered = text if shown is not None else _UNNUMBERED.sub("", text)
        filled = fill_blanks(numbered, values)
        data = (adr_edit.fit_underlines(filled) if is_rst(template_path) else filled).encode("utf-8")
        doc = frontmatter.parse(data, template_path)
        # A template whose Status section lists the choices unchecked (`- [ ] Proposed`): the new record's is.
        if ("[ ]" in numbered and from_document(doc, path).status is None
                and (ticked := adr_edit.tick(doc, "Proposed", day)) is not None):
            data, doc = ticked, frontmatter.parse(ticked, template_path)
        if mark:
            data = adr_edit.emphasised(doc, from_document(doc, path), mark)
            doc = frontmatter.parse(data, template_path)
        if capital and (made := from_document(doc, path)).form == MADR and (made.status_raw or "")[:1].islower():
            # A site may list records by their status as written (`status: Proposed`): a new one is written so.
            data = adr_edit.set_status(doc, made, "proposed", None, made.status_raw[:1].upper() + made.status_raw[1:])
            doc = frontmatter.parse(data, template_path)
        if symbol and (made := from_document(doc, path)).status_span is not None and made.form != MADR:
            lines = list(doc.lines)
            at, start = made.status_line - 1, made.status_span[0]
            lines[at] = f"{lines[at][:start]}{symbol} {lines[at][start:]}"
            data = doc.to_bytes(lines)
            doc = frontmatter.parse(data, template_path)
        for relation, target in targets:
            data = adr_edit.add_link(doc, from_document(doc, path), relation, target, links)
            doc = frontmatter.parse(data, template_path)
        if numbers or data_change:
            if from_document(doc, path).form != MADR:
                raise DecisionbookError("--prototype and --data-change need a template with front matter", template_path)
            if numbers:
                data = adr_edit.add_prototypes(doc, numbers)
                doc = frontmatter.parse(data, template_path)
            if data_change:
                data = adr_edit.set_data_change(doc)
        from_document(frontmatter.parse(data, template_path), path)
        return data

    if form.unnumbered:
        path = home / form.unnumbered_name(day, slug)
        if form.unnumbered == "slug" and not is_slug_record(path.name):
            # `0007-seven.md` would make the folder a numbered one, `readme.md` no record at all.
            raise DecisionbookError(f"a record named {path.name} would not be read as one of this folder's; "
                                    "give it another title", shown_path(ws, ws.adr_dir))
        path.parent.mkdir(parents=True, exist_ok=True)  # a record kept as a folder: `2026-12-02-x/README.md`
        if not atomic.create_exclusive(path, render(None)):
            raise DecisionbookError("already exists; give the record another title", shown_path(ws, path))
    else:
        path = create_numbered(ws.root, ws.adr_dir, slug, render, lambda number: form.name(number, slug, day),
                               form.stamps(day), branches, home)
    created = _parse_file(ws, path)[1]
    waits = ws.config.supersede_on == "accept"  # a superseded record is marked when the new one is accepted
    pending = [target for relation, target in targets if relation == "supersedes" and waits]
    edited = [(relation, target) for relation, target in targets if not (relation == "supersedes" and waits)]
    listed = []
    try:
        for relation, target in edited:
            doc, fresh = group.editing(target.path)
            if relation == "supersedes":  # a change of the older record's status: dated as one
                after = _superseded(ws, doc, fresh, created, day, links)
            else:
                after = adr_edit.add_link(doc, fresh, REVERSE[relation], created, links)
            group.write(fresh.path, doc.to_bytes(), after, _links(fresh, REVERSE[relation], created))
        if (ws.adr_dir / folder_index.NAME).is_file():
            # The folder's list of records names every record its site shows: the new one gets its entry there.
            page, word = path.relative_to(ws.adr_dir).as_posix(), _listed_word(ws, created.status or "proposed")
            listed.append(_edit_list(ws, lambda data, shown: folder_index.with_entry(
                data, page, created.number, title, word, day, shown)))
    except BaseException:  # refused, or Ctrl-C between the edits
        path.unlink()  # a record that cannot take its side of a relation: the new one is not left half-linked
        if form.page:
            with contextlib.suppress(OSError):  # a folder that held files before keeps them
                path.parent.rmdir()
        raise
    return Created(path, tuple(dict.fromkeys([*(p for p, _ in group.made), *listed])), tuple(pending),
                   beside if len(beside) > 1 else ())


def _refuse_second_successor(ws: Workspace, decision: Decision, successor: Decision | None) -> None:
    """An ADR names one successor: superseding it again would leave two `superseded by` records."""
    current = decision.superseded_by
    if current and (successor is None or current != successor.key):
        raise DecisionbookError(
            f"{decision.label} is already superseded by ADR {current}; supersede that one instead, "
            "or --force to name a new successor in its place",
            shown_path(ws, decision.path),
        )


@named
class StatusChange:
    decision: Decision  # as it was before the change
    status: str
    date: str | None  # the day the change wrote as the record's date; None when the date was kept
    changed: tuple[Path, ...]
    # What the old status named that the record, its status replaced, names no more: the links on its line, else
    # its successor (`its successor, ADR 5`).
    dropped: tuple[str, ...] = ()
    unlinked: Decision | None = None  # that successor, its `supersedes` link to the record taken out with it
    # ... or, where its own words say it supersedes the record, it and the line that says so: they are left as written.
    still_linked: tuple[Decision, int | None] | None = None


def _listed_status(ws: Workspace, decision: Decision) -> bool:
    """Whether only the folder's list of records (Fuchsia's `_rfcs.yaml`) states *decision*'s status: its site shows
    the list's, so a change of it is written there, not into the page."""
    if decision.status_line is not None or not (listed := read_options(ws).listed):
        return False
    page = decision.path.relative_to(ws.adr_dir).as_posix()
    return any(entry.file == page and entry.status for entry in listed)


def _listed_word(ws: Workspace, status: str) -> str:
    """*status* as the folder's list of records writes it: the word its entries most use for it, else the status
    capitalised as most of their words are (`Accepted`)."""
    said = [entry.status for entry in read_options(ws).listed if entry.status]
    words = Counter(word for word in said if read_status(word, dict(ws.config.adr_statuses))[0] == status)
    if words:
        return words.most_common(1)[0][0]
    return status.capitalize() if 2 * sum(word[:1].isupper() for word in said) > len(said) else status


def _edit_list(ws: Workspace, edit) -> Path:
    """Write the folder's list of records as *edit* (its bytes -> new bytes) gives it, under its lock (ADR 0196)."""
    path = ws.adr_dir / folder_index.NAME
    shown = shown_path(ws, path)
    with files.locked(path, shown):
        try:
            data = files.read_bytes(path, ws.config.max_file_bytes, ws.root, shown)
        except OSError as exc:
            raise DecisionbookError(f"cannot read: {exc.strerror}", shown) from None
        after = edit(data, shown)
        if after != data:
            atomic.replace(path, after)
    return path


def change_status(
    ws: Workspace, ref, status: str, date: _dt.date | None = None, force: bool = False, by=None
) -> StatusChange:
    """Move ADR *ref* to *status* and stamp *date* (default today); refuse odd transitions unless forced.

    Accepting is refused (exit 1) while the review gate finds required items failing, unless forced.

    `superseded` with *by* also records `supersedes` on the successor. `accepted` marks the ADRs
    this one supersedes as superseded, where that waited for it (`[adr] supersede-on = "accept"`).
    """
    ws.require_writable()
    typed, status = status.strip(), status.strip().lower()
    team_word = None
    if status not in STATUSES:
        # A word the team writes for a status (`declined`, or one `[adr.statuses]` maps) is that status, written so.
        meant = {phrase.lower(): word for phrase, word in ws.config.adr_statuses}.get(status) or SYNONYMS.get(status)
        naming = " " in status and status in RELATION_STATUS  # `superseded by`, `geändert durch`: a record follows
        if meant not in STATUSES or naming:
            raise DecisionbookError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}"
                                    + (" (superseded --by N names the successor)" if naming else ""))
        status, team_word = meant, typed
    if by is not None and status != "superseded":
        raise DecisionbookError("--by names a successor, so it goes with the status superseded; "
                                f"to record who approved, run `decide adr approve {ref} --by NAME`")
    # Every record the change may edit is locked first: the successor, the one it names now, and those it supersedes.
    current = find_one(ws, ref)[1]
    named = load_decisions(ws).get(current.superseded_by) if current.superseded_by else None
    related = ((by,) if by is not None else current.supersedes if status == "accepted" else ()) + (
        (named.path,) if named is not None else ())
    with _together(ws, (ref, *related)) as group:
        doc, decision = group.editing(ref)
        if status == "superseded" and decision.status == "superseded" and (
                by is None or find_one(ws, by)[1].key == decision.superseded_by):
            # No successor named, or the one the record names: it, and every word around it, stays as written.
            return StatusChange(decision, status, None, ())
        if status == decision.status != "superseded" and date is None and not force:
            # Accepted again after an approval, or in another word for it (`approved`): nothing to change.
            return StatusChange(decision, status, None, ())
        listed = _listed_status(ws, decision)
        if listed and by is not None:
            where = shown_path(ws, ws.adr_dir / folder_index.NAME)
            raise DecisionbookError(f"{decision.label}'s status is kept in {where}, the folder's list of records, and "
                                    "its page names no successor: change both by hand", shown_path(ws, decision.path))
        if status == "superseded" and by is not None and not force:
            _refuse_second_successor(ws, decision, find_one(ws, by)[1])
        # No status yet, or a word decisionbook does not know (`mergé`): any status may follow.
        allowed = TRANSITIONS.get(decision.status, ()) if decision.status in STATUSES else STATUSES
        if status not in allowed and not force:
            then = f"it can become {', '.join(allowed)}" if allowed else "no status follows it"
            successor = decision.superseded_by if decision.status == "superseded" else None
            named = f" by ADR {successor}" if successor else ""
            raise DecisionbookError(f"{decision.label} is {decision.status or 'without a status'}{named}; {then} "
                                    f"(--force to set {status} anyway)", shown_path(ws, decision.path))
        if status == "accepted" and not force:
            from toolkit.actions.adr_review import require_acceptable

            require_acceptable(ws, doc, decision)
        if listed:  # its status line there, alone: the page and the list's days stay
            page, word = decision.path.relative_to(ws.adr_dir).as_posix(), _listed_word(ws, status)
            path = _edit_list(ws, lambda data, shown: folder_index.with_status(data, page, word, shown))
            return StatusChange(decision, status, None, (path,))
        day = (date or _dt.date.today()).isoformat()
        before = doc.to_bytes()
        # Read before the change: the successor's link was written as the folder wrote its links then.
        links = _folder_links(ws) if by is not None or decision.superseded_by or (
            decision.supersedes and status == "accepted") else ()
        if by is not None:
            successor = find_one(ws, by)[1]
            if successor.key == decision.key:
                raise DecisionbookError(f"{decision.label} cannot supersede itself")
            after = _superseded(ws, doc, decision, successor, day, links)
        else:
            words = _written_words(ws, decision, status)
            if team_word is not None:  # in the case the record writes its status in, beside the folder's mark
                lead, plain, trail = status_mark(words) if words else ("", "", "")
                capital = (decision.status_raw or plain or "A")[:1].isupper()
                words = lead + (team_word[:1].upper() + team_word[1:] if capital else team_word.lower()) + trail
            after = adr_edit.set_status(doc, decision, status, day, words, _folder_status_form(ws, decision))
        kept = _relations(decision) - _said_by_status(decision)
        if by is not None:
            def holds(record):
                superseded = (record.status, record.superseded_by) == ("superseded", successor.key)
                return superseded and _relations(record) >= kept
        else:
            def holds(record):
                return record.status == status and _relations(record) >= kept
        group.write(decision.path, before, after, holds)
        if by is not None:
            sdoc, successor = group.editing(by)
            after = adr_edit.add_link(sdoc, successor, "supersedes", decision, links)
            group.write(successor.path, sdoc.to_bytes(), after, _links(successor, "supersedes", decision))
        changed = _read_again(ws, decision)
        # A date that says when the decision was taken is kept after (`dated_by_change`).
        dated = day if changed.date == day else None
        dropped = _left_out(doc, decision, changed, after)
        unlinked = still_linked = None
        if named is not None and changed.superseded_by != decision.superseded_by:
            unlinked, still_linked = _unlink_successor(group, named.path, decision, links)
            if unlinked is not None or still_linked is not None:
                # The successor is told of on its own (`updated ...`, or its own words): not a loss to warn of too.
                dropped = tuple(text for text in dropped if not _names_record(text, decision.superseded_by, named.path))
        if status == "accepted":
            accepted = changed
            for key in accepted.supersedes:
                odoc, older = group.editing(key)
                if not older.superseded_by:  # else marked already, by this one or (refused at creation) another
                    after = _superseded(ws, odoc, older, accepted, day, links)
                    group.write(older.path, odoc.to_bytes(), after, _links(older, "superseded by", accepted))
    return StatusChange(decision, status, dated, tuple(path for path, _ in group.made), dropped, unlinked, still_linked)


def _unlink_successor(group: _Group, path: Path, decision: Decision,
                      links: tuple[str, ...]) -> tuple[Decision | None, tuple[Decision, int | None] | None]:
    """Take the `supersedes` link to *decision* out of the record at *path*, which *decision* named as its successor
    and names no more, so that neither says it (ADR 0198): where the link is as `add_link` writes it, with the
    folder's *links*; else the record's own words say it, and they stay. The record unlinked, or it and the line that
    still says it; (None, None) where it names no such link."""
    doc, successor = group.editing(path)
    if not adr_edit.has_link(successor, "supersedes", decision):
        return None, None
    options = _options_for(group.ws, path)
    after = adr_edit.without_link(doc, successor, "supersedes", decision, links, options)
    if after is None:
        return None, (successor, adr_edit.link_line(doc, successor, "supersedes", decision, options))
    kept = _relations(successor) - {("supersedes", decision.key)}
    group.write(path, doc.to_bytes(), after,
                lambda record: not adr_edit.has_link(record, "supersedes", decision) and _relations(record) >= kept)
    return successor, None


def _left_out(doc: frontmatter.Document, decision: Decision, changed: Decision, after: bytes) -> tuple[str, ...]:
    """The links to records on *decision*'s status line that the file *after*, its status changed, no longer holds;
    else its successor, where *changed* names it no more (`status: superseded by ADR-0005` has no link)."""
    line = doc.text_lines()[decision.status_line - 1] if decision.status_line is not None else ""
    text = after.decode("utf-8", "replace")
    links = tuple(link for link in adr_edit.record_links(line) if link not in text)
    if links or not decision.superseded_by or changed.superseded_by == decision.superseded_by:
        return links
    return (f"its successor, ADR {decision.superseded_by}",)


def _names_record(text: str, key: str, path: Path) -> bool:
    """Whether *text*, an entry of `_left_out`, names the record *key* at *path*: its link, or its key."""
    target = re.search(r"\]\(<?([^)>\s]+)", text)
    if target is not None:
        return PurePosixPath(target.group(1).split("#")[0]).name == path.name
    return text == f"its successor, ADR {key}"


def _folder_status_form(ws: Workspace, decision: Decision) -> str | None:
    """The form most of the folder's records state their status in (`**Status:** X`, a bold field), for
    *decision* to be given a status in when it states none; None when it has one, or no other record does."""
    if decision.form != UNKNOWN:
        return None
    forms = Counter(r.form for r in load_decisions(ws).records if r.form != UNKNOWN and r.status_line is not None)
    return forms.most_common(1)[0][0] if forms else None


def _written_words(ws: Workspace, decision: Decision, status: str) -> str | None:
    """The words *decision* takes for *status*: a KEP's kep.yaml knows its own (`implementable`), else
    those of the folder's records (`_folder_words`)."""
    if status in sidecar.WORDS and sidecar.beside(decision.path) is not None:
        return sidecar.WORDS[status]
    words = _folder_words(ws, decision, status)
    if not _marks_status(decision):
        return words
    plain = status_mark(words)[1] if words else status_word(status, decision.status_raw or "")
    mark = _folder_mark(ws, decision, status)
    return f"{mark} {plain}" if mark else plain


def _marks_status(decision: Decision) -> bool:
    """Whether *decision* writes a mark beside its status (`⏳ **제안됨**`, `Proposed ❓`): a new status takes the
    folder's mark for it, or none (ADR 0159)."""
    return decision.form != MADR and decision.status_span is not None and any(
        status_mark(decision.status_raw or "")[::2])


def _template_lines(ws: Workspace) -> list[str]:
    """The lines of the team's own template for new records; none where it has none or it cannot be read."""
    template = own_template(ws)
    if template is None:
        return []
    try:
        return frontmatter.decode(files.read_bytes(template, ws.config.max_file_bytes, ws.root), template).splitlines()
    except (OSError, DecisionbookError):
        return []


def _successor_words(ws: Workspace, decision: Decision) -> str | None:
    """The words the team's own template gives a superseded record before its successor (`abgelöst durch`, of
    `vorgeschlagen | angenommen | abgelöst durch ADR-YYYY`), in *decision*'s language; None where it gives none."""
    language = language_of(decision.status_raw or "")
    for line in _template_lines(ws):
        if (words := successor_choice(line)) is not None:
            # In the case the record writes its status in, as decisionbook's own words are (`_cased`), not the template's.
            words = words[:1].lower() + words[1:]
            return words if language_of(words) == language and ":" not in words else None
    return None


def _superseded_mark(ws: Workspace, decision: Decision) -> str:
    """The mark the folder writes beside a superseded status (`⚠️`), where *decision* marks its status; else ""."""
    return _folder_mark(ws, decision, "superseded") if _marks_status(decision) else ""


def _folder_mark(ws: Workspace, decision: Decision, status: str) -> str:
    """The mark the folder writes beside *status* (`✅` for accepted): as the choices on *decision*'s status line
    list it (`<!-- Proposed ❓ OR Accepted ✅ -->`), else its template's choices, else most of its records with
    that status; "" where none marks it."""
    doc, _ = _parse_file(ws, decision.path)
    line = doc.text_lines()[decision.status_line - 1]
    template = own_template(ws)
    sources = [line[decision.status_span[1] :]]
    if template is not None:
        with contextlib.suppress(DecisionbookError):
            sources.append(_parse_file(ws, template)[1].status_raw or "")
    for text in sources:
        if status in (choices := marked_choices(text)):
            return _mark_of(choices[status])
    counted = Counter(_mark_of(r.status_raw or "") for r in load_decisions(ws).records if r.status == status)
    counted.pop("", None)
    return counted.most_common(1)[0][0] if counted else ""


def _mark_of(phrase: str) -> str:
    """The mark beside a status phrase's words (`✅` of `✅ **승인됨**`), "" for none."""
    before, _, after = status_mark(phrase)
    return (before or after).strip()


def _folder_words(ws: Workspace, decision: Decision, status: str) -> str | None:
    """The words the folder's records write *status* in, in *decision*'s language, where they agree on
    one that is not decisionbook's own (`承認済み` for accepted, where decisionbook writes `採用`)."""
    written, records, language = _folder_written(ws, decision, status)
    (mark, word), count = written.most_common(1)[0] if written else (("", ""), 0)
    if "![" in (decision.status_raw or "") and count < 2 and (badge := _template_badge(ws, status)):
        return badge  # no record shows it yet: the badge the team's template lists for it
    # Two records or more, and most of those with that status: one record's word is not the folder's. Else the
    # language's own (a word of two languages moves on in the folder's).
    words = mark + word if count >= 2 and 2 * count > records else status_word(status, "", language)
    # None where a change of status writes that word anyway, from the record's own phrase.
    return None if words.lower() == status_word(status, decision.status_raw or "").lower() else words


def _capitalised_statuses(records: list[Decision]) -> bool:
    """Whether most of *records* that state their status in front matter write it with a capital (`Accepted`)."""
    firsts = [letter.group() for record in records
              if record.form == MADR and (letter := re.search(r"[^\W\d_]", record.status_raw or ""))]
    return 2 * sum(first.isupper() for first in firsts) > len(firsts)


def _proposed_symbol(records: list[Decision]) -> str:
    """The symbol most of *records* that are proposed write before their status (`🤔` of `🤔 Proposed`), which a new
    record written from a template takes as a change of status would; "" where most write none."""
    marks = Counter(status_mark(record.status_raw or "")[0].strip() for record in records
                    if record.status == "proposed")
    mark, count = marks.most_common(1)[0] if marks else ("", 0)
    return mark if 2 * count > marks.total() else ""


def _template_badge(ws: Workspace, status: str) -> str | None:
    """The badge the team's template lists for *status* among its choices (`[![Generic badge](https://badgen.net/
    badge/ADR/approved/green/)](...)`, accepted), or None."""
    return next((line.strip() for line in _template_lines(ws)
                 if line.lstrip().startswith(("![", "[![")) and read_status(line.strip())[0] == status), None)


def _new_word(ws: Workspace, model: Decision, status: str) -> str | None:
    """The word a new record copied from *model* writes *status* in: the one most of the folder's records with
    that status write, the newest's of as many (`提议中` where decisionbook writes `提议`); None where none has it."""
    written = _folder_written(ws, model, status)[0]
    return "".join(written.most_common(1)[0][0]) if written else None  # with its mark: `🤔 proposed`


def _folder_written(ws: Workspace, decision: Decision, status: str) -> tuple[Counter, int, str | None]:
    """How the folder's records in *decision*'s language write *status*: how many write each (mark, word) that
    means that status and no more, counted from the newest record; how many have that status; the language."""
    folder = load_decisions(ws).records
    # The folder's language, from the words that belong to one language only (`Accettata`, not `Proposta`).
    languages = Counter(bases.pop() for r in folder
                        if len(bases := {said.split("-")[0] for said in languages_of(r.status_raw or "")}) == 1)
    language = language_of(decision.status_raw or "", languages)
    plain = plain_words(status, language)
    written, records = Counter(), 0
    # Newest first (of one day, the last listed), so that of words as many records write, its word comes first.
    for record in sorted(reversed(folder), key=lambda r: r.date or "", reverse=True):
        # A word of either gender (Portugal's `aceite`) is the record's language's, whichever that is.
        if record.status != status or language not in (languages_of(record.status_raw or "") or (None,)):
            continue
        records += 1
        raw = (record.status_raw or "").strip().strip("*_`")
        if "![" in raw:  # a badge, which the folder shows for each status in a colour of its own: shown whole
            written["", raw] += 1
            continue
        mark = re.match(r"[^\w\[(*_`]*", raw).group()  # a symbol the folder writes before the word: `✅ Accepted`
        word = raw[len(mark) :].strip("*_` ").lower()
        if word in plain:  # a word that means that status and no more (`Approved`, not `Implemented`)
            written[mark, word] += 1
    return written, records, language


def link(ws: Workspace, source_ref, relation: str, target_ref, reverse: str | None = None) -> tuple[Path, ...]:
    """Record `source RELATION target` on source and the reverse relation on target."""
    ws.require_writable()
    relation = relation_name(relation)
    reverse = _reverse_of(relation, reverse)
    source = find_one(ws, source_ref)[1]
    target = find_one(ws, target_ref)[1]
    if source.key == target.key:
        raise DecisionbookError(f"{source.label} cannot be linked to itself")
    return tuple(_link_both(ws, source, relation, target, reverse))


@named
class Related:
    relation: str  # from the shown ADR's side: "supersedes", "superseded by", "amended by", ...
    key: str
    decision: Decision | None  # None when the link points at a missing ADR
    recorded: str  # "here", "there" or "both": which file holds the link


@named
class Shown:
    decision: Decision
    path: str
    row: dict  # decision_row of the ADR
    related: tuple[Related, ...]
    prototypes: tuple[tuple[int, str | None], ...]  # (number, title when the card exists)

    def as_dict(self) -> dict:
        return {
            **self.row,
            "related": [
                {
                    "relation": item.relation,
                    "adr": item.key,
                    "title": item.decision.title if item.decision else None,
                    "status": item.decision.status if item.decision else None,
                    "recorded": item.recorded,
                }
                for item in self.related
            ],
            "prototype_cards": [{"number": n, "title": t} for n, t in self.prototypes],
        }


def outgoing(record: Decision) -> list[tuple[str, str]]:
    """(relation, key) pairs this ADR records itself."""
    pairs = [("supersedes", key) for key in record.supersedes]
    if record.superseded_by:
        pairs.append(("superseded by", record.superseded_by))
    return pairs + [(link.relation, link.target) for link in record.links if link.target]


def to_be_superseded(older: Decision, newer: Decision) -> bool:
    """Whether *newer*, which names *older* in `supersedes`, is yet to be accepted while *older* is not marked."""
    return newer.status in ("draft", "proposed") and older.status != "superseded" and not older.superseded_by


def prototype_titles(ws: Workspace, record: Decision) -> tuple[tuple[int, str | None], ...]:
    from toolkit.records import prototype

    numbers = dict.fromkeys(record.prototypes)
    titles: dict[int, str | None] = {}
    folder = ws.proto_dir
    for path in sorted(folder.glob("[0-9][0-9][0-9][0-9]*-*.md")) if folder.is_dir() else []:
        if prototype.card_number(path) is None:
            continue
        try:
            card = prototype.read(path, ws.config.max_file_bytes, ws.root)
        except DecisionbookError:
            continue
        if card.number in numbers or (record.number is not None and record.number in card.decisions):
            numbers.setdefault(card.number)
            titles[card.number] = card.title
    return tuple((n, titles.get(n)) for n in numbers)


def reverse_seen(relation: str, source: str, holder: Decision) -> str:
    """What *holder* calls the reverse of *source*'s `relation` to it: decisionbook's name, else the one
    relation of the team's own that *holder* records back to *source* (`clarified by` for `clarifies`,
    as `decide adr link 3 clarifies 1 --reverse clarified-by` writes them), else `relation (reverse)`."""
    if relation in REVERSE:
        return REVERSE[relation]
    own = {rel for rel, key in outgoing(holder) if key == source and rel not in REVERSE}
    return own.pop() if len(own) == 1 else f"{relation} (reverse)"


def show(ws: Workspace, ref) -> Shown:
    """One ADR with its links resolved both ways and the prototypes that inform it."""
    decisions = load_decisions(ws)
    record = decisions.find(ref)
    related: dict[tuple[str, str], str] = {}
    for relation, key in outgoing(record):
        related[(relation, key)] = "here"
    for other in decisions.records:
        if other is record:
            continue
        for relation, key in outgoing(other):
            if key != record.key:
                continue
            mine = (reverse_seen(relation, other.key, record), other.key)
            if relation == "supersedes" and to_be_superseded(record, other):
                mine = ("to be superseded by", other.key)
            related[mine] = "both" if related.get(mine) in ("here", "both") else "there"
    rows = tuple(Related(rel, key, decisions.linked(key), where) for (rel, key), where in related.items())
    return Shown(record, shown_path(ws, record.path), decision_row(ws, record), rows, prototype_titles(ws, record))
