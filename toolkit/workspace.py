"""Find the workspace root, read decisionbook.toml, and know every path inside the workspace."""

import os
import re
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files, folder_index, plaintoml
from toolkit.records.adr_words import (
    DATE_ORDERS, DEPENDENCY_FOLDERS, STAGE_FOLDERS, STATUSES, LazyPattern, folder_page, folder_record,
    is_record_file, is_slug_record, may_hold_records, slug_page,
)
from toolkit.records.named import named

CONFIG_NAME = "decisionbook.toml"
ADR_DIR_CANDIDATES = (
    "decisions", "docs/decisions", "docs/adr", "doc/adr", "docs/architecture/decisions",
    "adr", "adrs", "architecture-decision-records", "architecture-decision-record", "docs/architecture/adr",
    "doc/decisions", "docs/adrs", "doc/architecture/decisions", "architecture/decisions", "architecture/adr",
)
# Found, in any case (`ADRs/`), at the top or anywhere under docs/ a few levels down, when holding records.
# A name is compared in lower case, `_` read as `-`, after a chapter's number (`05_decisions`, arc42's
# `09_architecture_decisions`) and without `-adrs` after it (`architecture-decision-record-adrs`).
DEEP_ADR_DIR_NAMES = ("decisions", "adr", "adrs", "architecture-decisions", "architecture-decision-records",
                      "architecture-decision-record", "decision-records", "decision-log", "decision-logs",
                      "decisionlog", "beslutninger", "beslissingen", "entscheidungen", "decisiones", "decisões",
                      "decisoes", "décisions")
# (the last seven Norwegian and Danish, Dutch, German, Spanish, Portuguese with and without its accent (folder
# names are often written in ASCII: `doc/decisoes/`), and French)
DEEP_ADR_DIR_DEPTH = 4
# The folders documentation is kept in, those a few levels down are looked through: `website/docs` is a
# Docusaurus site's (Unleash keeps its ADRs in `website/docs/contributing/ADRs/`); `content` a Hugo site's (a
# handbook's `content/adr/`).
DOCS_ROOTS = ("docs", "doc", "dok", "documentation", "website/docs", "content")
# Found like those, last, when a record in it has a status: `docs/architecture/adr-020-x.md` (Cosmos SDK),
# not the numbered chapters of an arc42 description (`01_introduction_and_goals.md`).
# So are folders of proposals kept as decision records (`rfcs/0012-x.md`, `proposals/`, `design/`, Rust's,
# React's and Vue's `text/` and `active-rfcs/`, ESLint's `designs/` and Pigweed's `seed/`).
LOOSE_ADR_DIR_NAMES = ("architecture", "arch", "rfcs", "rfc", "proposals", "design", "designs", "text", "active-rfcs",
                       "seed")

DEFAULT_DATA_GLOBS = (
    "**/migrations/**",
    "**/migrate/**",
    "**/*.sql",
    "**/*.proto",
    "**/*.avsc",
    "**/*.schema.json",
    "**/*.schema.yaml",
    "**/*.schema.yml",
    "**/schemas/**",
)
DEFAULT_NOT_CODE_GLOBS = (
    "**/*.md", "**/*.rst", "**/*.txt", "docs/**", "doc/**", "tests/**", "test/**",
    "**/.gitattributes", "**/.gitignore", "decisionbook.toml",
)


@named
class Config:
    """Settings from decisionbook.toml; every field has a default an absent file satisfies (never mutated)."""

    decisions: str | None = None  # [paths] decisions: the ADR folder, relative to the root
    prototypes: str = "prototypes"  # [paths] prototypes
    reports: str = "reports"  # [paths] reports
    notebooks: str = "notebooks"  # [paths] notebooks: team copies that override the bundled ones
    keep_threshold: float = 0.7  # [triage] keep_threshold: merit needed for "keep"
    sunk_cost_hours: float | None = None  # [triage] sunk_cost_hours: effort that counts as high
    stale_days: int = 14  # [triage] stale_days: days without evidence before a warning
    max_extensions: int = 2  # [triage] max_extensions: deadline extensions before the agenda warns
    links_base: str | None = None  # [links] base-url: a repository's web view that report links point into
    main_branch: str | None = None  # [git] main_branch; detected from origin/HEAD, main, master
    people: dict[str, str] = {}  # [people] person = "product|design|engineering"
    release_data: tuple[str, ...] = DEFAULT_DATA_GLOBS  # [release] data
    release_code: tuple[str, ...] | None = None  # [release] code; None: all but docs, ADRs, tests
    release_pairs: tuple[tuple[str, str], ...] = ()  # [[release.pairs]] data = GLOB, code = GLOB
    supersede_on: str = "create"  # [adr] supersede-on: mark the old ADR superseded on "create" or "accept"
    max_hours_per_entry: float = 24.0  # [effort] max_hours_per_entry: more in one entry needs --force
    adr_statuses: tuple[tuple[str, str], ...] = ()  # [adr.statuses] "a team's phrase" = "accepted"
    date_order: str | None = None  # [adr] date-order: how to read 05/02/2018 (day-first | month-first)
    adr_template: str | None = None  # [adr] template: madr | nygard | log4brains | a path; default: the folder's form
    max_file_bytes: int = files.DEFAULT_LIMIT  # [limits] max_file_mib: the largest record file read
    review_required: dict[str, tuple[str, ...]] = {}  # [review] required: form -> sections
    approvals_needed: int | None = None  # [review] approvals-needed; None: every decision-maker
    review_templates: tuple[str, ...] = ()  # [review] templates: the team's own ADR templates
    raw: dict[str, object] = {}  # the whole file, unknown keys included


def _expect(value, kind, name, path):
    """*value*, the setting *name* (`[triage] keep_threshold`) of *path*, when of *kind*; else an error at its line."""
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        table, _, key = name.strip("[").partition("] ")
        raise DecisionbookError(f"{name} must be {kind.__name__ if isinstance(kind, type) else 'a number'}", path,
                                config_line(path, table, key) if key else None)
    return value


def _toml(text: str, path: Path) -> dict:
    raw = plaintoml.load(text)
    if raw is not None:
        return raw
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 puts the position only in the message: "... (at line 3, column 14)".
        found = re.search(r"\(at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        message = str(exc).split(" (at line")[0]
        raise DecisionbookError(f"invalid TOML: {message}", path, line) from None
    except RecursionError:  # arrays or tables nested some 500 deep: tomllib parses them recursively
        raise DecisionbookError("invalid TOML: nested too deeply", path) from None


def _settings_text(data: bytes, path: Path) -> str:
    # Notepad and PowerShell 5 save UTF-8 with a byte order mark, which TOML readers refuse: it is left out.
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise files.not_utf8(data, exc.start, path) from None


def load_config(path: Path) -> Config:
    if not os.path.lexists(path):
        return Config()
    try:
        # Only from inside the workspace, as every record is read: settings linked in from elsewhere are refused.
        text = _settings_text(files.read_bytes(path, root=path.parent), path)
    except FileNotFoundError:  # a symbolic link to nothing: the team's settings are missing, not absent
        raise DecisionbookError(f"cannot read: a symbolic link to {os.readlink(path)}, which does not exist",
                                path) from None
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc}", path) from None
    raw = _toml(text, path)
    paths = raw.get("paths", {})
    triage = raw.get("triage", {})
    git = raw.get("git", {})
    release = raw.get("release", {})
    people = raw.get("people", {})
    links = raw.get("links", {})
    adr = raw.get("adr", {})
    effort = raw.get("effort", {})
    limits = raw.get("limits", {})
    for name, table in (("paths", paths), ("triage", triage), ("git", git), ("release", release), ("people", people),
                        ("links", links), ("adr", adr), ("effort", effort), ("limits", limits)):
        _expect(table, dict, f"[{name}]", path)
    supersede_on = adr.get("supersede-on", "create")
    if supersede_on not in ("create", "accept"):
        raise DecisionbookError('[adr] supersede-on must be "create" or "accept"', path,
                                config_line(path, "adr", "supersede-on"))
    pairs = []
    for pair in _expect(release.get("pairs", []), list, "[[release.pairs]]", path):
        if not isinstance(pair, dict) or not isinstance(pair.get("data"), str) or not isinstance(pair.get("code"), str):
            raise DecisionbookError("each [[release.pairs]] needs data = GLOB and code = GLOB", path)
        pairs.append((pair["data"], pair["code"]))

    def globs(key):
        if key not in release:
            return None
        value = _expect(release[key], list, f"[release] {key}", path)
        if not all(isinstance(v, str) for v in value):
            raise DecisionbookError(f"[release] {key} must be a list of glob strings", path,
                                    config_line(path, "release", key))
        return tuple(value)

    threshold = _expect(triage.get("keep_threshold", 0.7), (int, float), "[triage] keep_threshold", path)
    if not 0 <= threshold <= 1:
        raise DecisionbookError("[triage] keep_threshold must be between 0 and 1", path,
                                config_line(path, "triage", "keep_threshold"))
    sunk = triage.get("sunk_cost_hours")
    # nan and inf compare false with every number of hours: the sunk-cost warning would never fire.
    if sunk is not None and not 0 < _expect(sunk, (int, float), "[triage] sunk_cost_hours", path) < float("inf"):
        raise DecisionbookError("[triage] sunk_cost_hours must be a finite number above 0", path,
                                config_line(path, "triage", "sunk_cost_hours"))
    max_hours = _expect(effort.get("max_hours_per_entry", 24), (int, float), "[effort] max_hours_per_entry", path)
    if not 0 < max_hours < float("inf"):
        raise DecisionbookError("[effort] max_hours_per_entry must be a number above 0", path,
                                config_line(path, "effort", "max_hours_per_entry"))
    review = _review(_expect(raw.get("review", {}), dict, "[review]", path), path)
    for person, role in people.items():
        if not isinstance(role, str):
            raise DecisionbookError(f"[people] {person} must be a role name such as \"engineering\"", path,
                                    config_line(path, "people", person))
    mib = limits.get("max_file_mib")
    if mib is not None and (not 0 < _expect(mib, (int, float), "[limits] max_file_mib", path) <= 1024):
        raise DecisionbookError("[limits] max_file_mib must be more than 0 and at most 1024", path,
                                config_line(path, "limits", "max_file_mib"))
    statuses = _expect(adr.get("statuses", {}), dict, "[adr.statuses]", path)
    for phrase, meaning in statuses.items():
        if meaning not in STATUSES:
            raise DecisionbookError(f"[adr.statuses] {phrase!r} must map to one of {', '.join(STATUSES)}", path,
                                    config_line(path, "adr.statuses", phrase))
    order = adr.get("date-order")
    if order is not None and order not in DATE_ORDERS:
        raise DecisionbookError(f"[adr] date-order must be {' or '.join(DATE_ORDERS)}", path,
                                config_line(path, "adr", "date-order"))
    decisions = paths.get("decisions")
    if "dir" in adr:
        decisions = _expect(adr["dir"], str, "[adr] dir", path)
    return Config(
        decisions=_expect(decisions, str, "[paths] decisions", path) if decisions is not None else None,
        prototypes=_expect(paths.get("prototypes", "prototypes"), str, "[paths] prototypes", path),
        reports=_expect(paths.get("reports", "reports"), str, "[paths] reports", path),
        notebooks=_expect(paths.get("notebooks", "notebooks"), str, "[paths] notebooks", path),
        keep_threshold=float(threshold),
        sunk_cost_hours=float(sunk) if sunk is not None else None,
        stale_days=_count(triage, "stale_days", 14, path),
        max_extensions=_count(triage, "max_extensions", 2, path),
        links_base=_base_url(links, path),
        main_branch=_expect(git["main_branch"], str, "[git] main_branch", path) if "main_branch" in git else None,
        people=dict(people),
        release_data=globs("data") or DEFAULT_DATA_GLOBS,
        release_code=globs("code"),
        release_pairs=tuple(pairs),
        supersede_on=supersede_on,
        max_hours_per_entry=float(max_hours),
        adr_statuses=tuple((phrase.strip().lower(), meaning) for phrase, meaning in statuses.items()),
        date_order=order,
        adr_template=_expect(adr["template"], str, "[adr] template", path) if "template" in adr else None,
        max_file_bytes=int(mib * 1048576) if mib is not None else files.DEFAULT_LIMIT,
        **review,
        raw=raw,
    )


def _count(triage: dict, key: str, default: int, path: Path) -> int:
    """`[triage] key`, a whole number of days or times: below 0 would flag every prototype, so it is refused."""
    count = _expect(triage.get(key, default), int, f"[triage] {key}", path)
    if count < 0:
        raise DecisionbookError(f"[triage] {key} must not be negative", path, config_line(path, "triage", key))
    return count


def _review(review: dict, path: Path) -> dict:
    """[review]: `required` (a list for every form, or a table of lists by form), `approvals-needed`, `templates`."""
    def names(value, key, table="review"):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            shown = f"{table.removeprefix('review')}.{key}".lstrip(".")
            raise DecisionbookError(f"[review] {shown} must be a list of section names", path,
                                    config_line(path, table, key))
        return tuple(value)

    required = review.get("required")
    if required is None:
        by_form = {}
    elif isinstance(required, dict):
        by_form = {form: names(value, form, "review.required") for form, value in required.items()}
    else:
        by_form = {"*": names(required, "required")}
    needed = review.get("approvals-needed", "all")
    if needed != "all" and (not isinstance(needed, int) or isinstance(needed, bool) or needed < 0):
        raise DecisionbookError('[review] approvals-needed must be "all" or a number of decision-makers', path,
                                config_line(path, "review", "approvals-needed"))
    templates = review.get("templates", [])
    if not isinstance(templates, list) or not all(isinstance(t, str) for t in templates):
        raise DecisionbookError("[review] templates must be a list of template file paths", path,
                                config_line(path, "review", "templates"))
    return {"review_required": by_form, "approvals_needed": None if needed == "all" else needed,
            "review_templates": tuple(templates)}


def _base_url(links: dict, path: Path) -> str | None:
    if "base-url" not in links:
        return None
    url = _expect(links["base-url"], str, "[links] base-url", path)
    if not re.match(r"https?://[^/\s]+", url):
        raise DecisionbookError("[links] base-url must be an http(s) URL", path, config_line(path, "links", "base-url"))
    return url.rstrip("/") + "/"


def iso_week(day) -> str:
    """The ISO week of the date *day*, as the weekly reports are named by it: 2026-W44."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _inside(root: Path, relative: str, what: str, config_path: Path) -> Path:
    # realpath, not resolve(): a symbolic link that loops is left as it is, to be refused where it is read.
    target = Path(os.path.realpath(root / relative))
    if target != root and root not in target.parents:
        raise DecisionbookError(f"{what} path {relative!r} leaves the workspace", config_path)
    return target


def _found_inside(root: Path, relative: str) -> Path:
    """*relative*, a folder no setting names (found, or the default), below *root*; refused as one a setting
    names is when it leaves the workspace, naming the symbolic link on its way that leaves."""
    target = Path(os.path.realpath(root / relative))
    if target != root and root not in target.parents:
        parts = Path(relative).parts
        for count in range(1, len(parts) + 1):  # the whole path leaves, so one of these does
            link = root.joinpath(*parts[:count])
            beyond = Path(os.path.realpath(link))
            if beyond != root and root not in beyond.parents:
                raise DecisionbookError(f"a symbolic link to {beyond}, outside the workspace", link)
    return target


def config_inside(root: Path, relative: str, table: str, key: str) -> Path:
    """*relative*, the path `[table] key` of decisionbook.toml gives, below *root*; refused, naming the
    key's line, when it or a symbolic link on its way leaves the workspace."""
    config_path = root / CONFIG_NAME
    try:
        return _inside(root, relative, f"[{table}] {key}", config_path)
    except DecisionbookError as exc:
        raise DecisionbookError(exc.message, config_path, config_line(config_path, table, key)) from None


_TABLE = LazyPattern(r"[ \t]*\[\[?[ \t]*([^\]]*?)[ \t]*\]")
# A bare key, or a quoted one (`"on hold"`, `"Ana María"`), whose text is compared as written without escapes.
_KEY = LazyPattern(r'[ \t]*(?:"([^"\\]*)"|\'([^\']*)\'|([A-Za-z0-9_.-]+))[ \t]*=')


def _key_name(found: re.Match) -> str:
    return next(group for group in found.groups() if group is not None)


def config_line(path: Path, table: str, key: str) -> int | None:
    """The line of the TOML file *path* that sets *key* in [*table*], for a message; None when none does."""
    try:
        text = files.read_bytes(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, DecisionbookError):
        return None
    current = ""
    for number, line in enumerate(text.split("\n"), start=1):
        if header := _TABLE.match(line):
            current = header.group(1)
        elif (found := _KEY.match(line)) and f"{current}.{_key_name(found)}".lstrip(".") == f"{table}.{key}":
            return number
    return None


@named
class Workspace:
    """A team's decision repository: its root, its settings and where each kind of record lives."""

    root: Path
    config: Config
    adr_dir: Path
    read_only: bool = False  # a folder of ADRs outside git and without decisionbook.toml: nothing is written

    def require_writable(self) -> None:
        if self.read_only:
            raise DecisionbookError(
                "this folder is read as it is (no git repository, no decisionbook.toml); "
                "run `decide init` to write records here",
                self.root,
            )

    def _folder(self, key: str) -> Path:
        """The folder `[paths] key` names, or its default, inside the workspace."""
        if key in self.config.raw.get("paths", {}):
            return config_inside(self.root, getattr(self.config, key), "paths", key)
        return _found_inside(self.root, getattr(self.config, key))

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def proto_dir(self) -> Path:
        return self._folder("prototypes")

    @property
    def effort_ledger(self) -> Path:
        return self.proto_dir / "effort.jsonl"

    @property
    def evidence_ledger(self) -> Path:
        return self.proto_dir / "evidence.jsonl"

    @property
    def verdict_ledger(self) -> Path:
        return self.proto_dir / "verdicts.jsonl"

    @property
    def retraction_ledger(self) -> Path:
        return self.proto_dir / "retractions.jsonl"

    @property
    def meeting_ledger(self) -> Path:
        return self.proto_dir / "meetings.jsonl"

    @property
    def reports_dir(self) -> Path:
        return self._folder("reports")

    def weekly_report(self, day, revealed: bool = False) -> Path:
        """The weekly report of *day*'s ISO week, reports/2026-W44-weekly-triage.html (`-revealed` with the
        sunk-cost check): one file a week, written over each time it is rendered."""
        return self.reports_dir / f"{iso_week(day)}-weekly-triage{'-revealed' if revealed else ''}.html"

    @property
    def notebooks_dir(self) -> Path:
        return self._folder("notebooks")

    def relative(self, path: Path) -> str:
        """*path* as the user sees it in messages: relative to the root where possible."""
        try:
            # realpath, not resolve(): a file that is a looping link is named, not a RuntimeError. Only its
            # folder's: a file that is a link is named by its own name, not its target's, which may be outside.
            path = Path(path)
            return str((Path(os.path.realpath(path.parent)) / path.name).relative_to(self.root))
        except ValueError:
            return str(path)


_SCHEME = LazyPattern(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


def reads_as_path(text: str) -> bool:
    """Whether *text* (an evidence source) reads as a relative file path: no scheme, as a URL has, not
    absolute or from a home folder, no backslash or control character."""
    return not (_SCHEME.match(text) or text.startswith(("/", "\\", "~")) or "\\" in text
                or any(ord(c) < 32 for c in text))


def _adr_dir_file(root: Path) -> Path | None:
    marker = root / ".adr-dir"
    if marker.is_file():
        try:
            # A byte order mark, as PowerShell 5's Set-Content writes, is no part of the folder's name.
            data = files.read_bytes(marker, root=root)
            name = data.decode("utf-8-sig").strip()
        except UnicodeDecodeError as exc:
            raise files.not_utf8(data.removeprefix(b"\xef\xbb\xbf"), exc.start, marker) from None
        if name:
            return _inside(root, name, ".adr-dir", marker)
    return None


LOG4BRAINS_CONFIG = ".log4brains.yml"


def _log4brains_folders(root: Path) -> tuple[Path | None, tuple[tuple[Path, Path], ...]]:
    """The ADR folders log4brains' settings name: the project's `adrFolder`, and each package's code folder with
    its own `adrFolder` (a monorepo's per-service logs), both below *root*; none where there is no such file."""
    marker = root / LOG4BRAINS_CONFIG
    if not marker.is_file():
        return None, ()
    from toolkit.records.strictyaml import load_yaml  # only where log4brains keeps the records: YAML costs

    text = _settings_text(files.read_bytes(marker, root=root), marker)
    settings = load_yaml(text, marker) if text.strip() else None
    project = settings.get("project") if isinstance(settings, dict) else None
    if not isinstance(project, dict):
        return None, ()

    def folder(value) -> Path | None:
        return _inside(root, value, f"{LOG4BRAINS_CONFIG} adrFolder", marker) if isinstance(value, str) else None

    packages = project.get("packages")
    owned = tuple((_inside(root, package["path"], f"{LOG4BRAINS_CONFIG} path", marker), folder(package["adrFolder"]))
                  for package in (packages if isinstance(packages, list) else ())
                  if isinstance(package, dict) and isinstance(package.get("path"), str)
                  and isinstance(package.get("adrFolder"), str))
    return folder(project.get("adrFolder")), owned


def _named_adr_dir(root: Path) -> Path | None:
    """The ADR folder a tool's own file names: adr-tools' `.adr-dir`, else log4brains' `adrFolder`."""
    named = _adr_dir_file(root)
    return named if named is not None else _log4brains_folders(root)[0]


def _package_adr_dir(root: Path, start: Path) -> Path | None:
    """The ADR folder of the log4brains package *start* is in (its code or its records), the nearest where
    packages nest; log4brains lists each package's records apart from the project's."""
    held = [(code, adr) for code, adr in _log4brains_folders(root)[1]
            for owner in (code, adr) if owner == start or owner in start.parents]
    return max(held, key=lambda pair: len(pair[0].parts))[1] if held else None


def _record_kinds(folder: Path, slugs: bool):
    """For each record *folder* holds, whether it is numbered or dated; with *slugs*, records named by their slug
    alone are given too (only in a folder named as ADR folders are: elsewhere any folder of Markdown files would)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if is_record_file(entry.name) or folder_record(entry.name) and _holds_page(entry):
                    yield True
                elif slugs and is_slug_record(entry.name):
                    yield False
    except OSError:
        return


def _holds_records(folder: Path, slugs: bool) -> bool:
    """Whether *folder* holds records, as _record_kinds finds them; the first numbered one ends the look."""
    named_alone = False
    for numbered in _record_kinds(folder, slugs):
        if numbered:
            return True
        named_alone = True
    return named_alone


def _records_in(folder: Path, slugs: bool) -> int:
    """How many records *folder* holds, as _record_kinds finds them: those named by their slug alone only where none
    is numbered or dated."""
    kinds = list(_record_kinds(folder, slugs))
    return sum(kinds) or len(kinds)


def _holds_categories(folder: Path, slugs: bool) -> bool:
    """Whether *folder* holds records, or holds them in its category folders one level down (Unleash's
    `ADRs/back-end/x.md`), as the records are read (ADR 0114); deeper folders are not looked through."""
    return _holds_records(folder, slugs) or any(_holds_records(category, slugs) for category in _subfolders(folder)
                                                if may_hold_records(category.name))


def _holds_page(entry: os.DirEntry) -> bool:
    """Whether *entry* is a record kept as a folder: a folder holding its page (`0001-use-x/README.md`)."""
    try:
        return files.is_folder(entry) and folder_page(os.listdir(entry.path), entry.name) is not None
    except OSError:
        return False


# A status as a field or a heading near a record's start (`status: accepted`, `* Status: x`, `**Status:** x`,
# `:Status: x`, `| Status | x |`, a table's `| Author | Status |` column, `## Status`), not the word in a
# sentence (`Errors use HTTP status codes`).
_STATUS_FIELD = LazyPattern(
    rb"(?im)^[ \t>*+|#:-]*[*_]{0,3}status[*_]{0,3}[ \t]*(?::|\||\r?$)|\|[ \t]*[*_]{0,3}status[*_]{0,3}[ \t]*\|")
# A proposal process whose records state no status (it lives in the pull request) heads each with the day it was
# started or last updated: Nix's `start-date:`, Rust's, React's and Vue's `- Start Date:`, Go's `Last updated:`,
# Wagtail's `* Created:` and `* Last Modified:`, Polkadot's table row `| **Start Date** | 19.07.2023 |`, Cedar's
# Timeline item `- Started: 2024-06-26`.
_PROPOSAL_HEADER = LazyPattern(
    rb"(?im)^[ \t*+|-]*[*_]{0,2}(?:start[- _]date|started|last updated|last modified|created)[*_]{0,2}[ \t]*[:|]")


def _has_status(folder: Path, root: Path) -> bool:
    """Whether the first record file of *folder* (a regular file within *root*), else the page of its first record
    kept as a folder, speaks of a status near its start, or is headed as a proposal is, or the folder keeps its
    records' statuses in a list of them (folder_index)."""
    try:
        names = os.listdir(folder)
        name = min((name for name in names if is_record_file(name)), default=None) or _first_page(folder, names)
    except OSError:  # unreadable
        return False
    if name is None:  # no record after all
        return False
    # A list that is no regular file (a FIFO) still marks the folder: reading it then warns that it cannot be read.
    return _headed(folder / name, root) or (folder / folder_index.NAME).exists()


def _first_page(folder: Path, names: list[str]) -> str | None:
    """The page of the first record kept as a folder in *folder* (ESLint's `designs/2019-x/README.md`), as a path
    from *folder*; None when it keeps none."""
    for name in sorted(names):
        if folder_record(name) and (folder / name).is_dir():
            page = folder_page(os.listdir(folder / name), name)
            if page is not None:
                return f"{name}/{page}"
    return None


def _headed(path: Path, root: Path) -> bool:
    """Whether the file *path* (a regular file within *root*) speaks of a status near its start, or is headed as a
    proposal is."""
    try:
        start = files.read_bytes(path, files.DEFAULT_LIMIT, root)[:4096]
    except (OSError, DecisionbookError):  # unreadable, or not a regular file
        return False
    return _STATUS_FIELD.search(start) is not None or _PROPOSAL_HEADER.search(start) is not None


def _dir_name(name: str) -> str:
    # GitBook names a page's folder after its title: `Architecture Decision Record - ADRs` gives
    # `architecture-decision-record-adrs`, the short name after the long one. A name in the team's language may say
    # what it is in brackets after it: `アーキテクチャ決定記録(ADR)`.
    name = re.sub(r"^\d{1,3}[-_. ]+", "", name.lower()).replace("_", "-")
    bracketed = re.search(r"[(（]\s*(adrs?)\s*[)）]$", name)
    return bracketed.group(1) if bracketed else re.sub(r"(?<=.)-adrs?$", "", name)


def _named_folders(root: Path) -> list[Path]:
    """The folders named as ADR folders (DEEP_ADR_DIR_NAMES) or proposals are (LOOSE_ADR_DIR_NAMES), at the top
    or in DOCS_ROOTS a few levels down, nearest first: walked once, then filtered by each pass of discovery."""
    names = (*DEEP_ADR_DIR_NAMES, *LOOSE_ADR_DIR_NAMES)
    found = [folder for folder in _subfolders(root) if _dir_name(folder.name) in names]
    for top in DOCS_ROOTS:
        level = [root / top] if (root / top).is_dir() else []
        for _ in range(DEEP_ADR_DIR_DEPTH):
            level = [child for folder in level for child in _subfolders(folder)]
            found += [child for child in level if _dir_name(child.name) in names]
    return found


_DOCS_TOPS = frozenset(top.split("/")[0] for top in DOCS_ROOTS)


def _in_own_tops(root: Path) -> list[Path]:
    """The folders named as ADR folders one level into the other folders at the top, which a team names in its own
    words (`00_nucleo/adr/`), or in a docs folder there (`data/docs/adr/`), holding records named by number or
    date: code is named so too (`src/adr/`), and a package's Markdown is no record (ADR 0249). Looked for only where
    no other place holds records."""
    inside = [child for top in _subfolders(root) if top.name not in _DOCS_TOPS for child in _subfolders(top)]
    # And in a docs folder of one of them: a service's own (`data/docs/adr/`).
    inside += [grandchild for child in inside if child.name in _DOCS_TOPS for grandchild in _subfolders(child)]
    return [child for child in inside if _dir_name(child.name) in DEEP_ADR_DIR_NAMES and _holds_records(child, False)]


def _subfolders(folder: Path) -> list[Path]:
    """The folders in *folder* but hidden ones and dependency folders, by name; none when it cannot be read."""
    try:
        with os.scandir(folder) as entries:
            return [Path(path) for path in sorted(e.path for e in entries if files.is_folder(e)
                                                  and not e.name.startswith(".") and not _dependency_folder(e.name))]
    except OSError:
        return []


def _dependency_folder(name: str) -> bool:
    return name.lower() in DEPENDENCY_FOLDERS


def _deep_adr_dirs(root: Path, named: list[Path], slugs: bool, names=DEEP_ADR_DIR_NAMES) -> list[Path]:
    """The folders of *named* (see _named_folders) named as *names* that hold records (*slugs*: records named by
    their slug alone count). Under the documentation's folders, records in their category folders count too; at
    the top a folder so named may be code (`adr/` a package), whose subfolders' Markdown is no record."""
    return [folder for folder in named if _dir_name(folder.name) in names
            and (_holds_records(folder, slugs) if folder.parent == root else _holds_categories(folder, slugs))]


def _find_adr_dir(root: Path, config: Config) -> Path:
    if config.decisions:
        table, key = ("adr", "dir") if "dir" in config.raw.get("adr", {}) else ("paths", "decisions")
        return config_inside(root, config.decisions, table, key)
    named = _named_adr_dir(root)
    if named is not None:
        return named
    found = _discover_adr_dir(root)
    _found_inside(root, str(found.relative_to(root)))  # its own path, not the link's target, names its records
    return found


def _discover_adr_dir(root: Path) -> Path:
    """The first folder where teams keep ADRs that holds records, else the first of those that exists."""
    existing = [root / c for c in ADR_DIR_CANDIDATES if (root / c).is_dir()]
    named = _named_folders(root)
    # Numbered or dated records first: a folder of names alone is taken only where none has those.
    for slugs in (False, True):
        held = [folder for folder in existing if _holds_records(folder, slugs)]
        if len(held) > 1:
            # An older folder left beside the one a team writes in now (`docs/decisions/` beside `docs/adr/`): the
            # one holding more records, the first of as many; `check` names the other (ADR 0181).
            return max(held, key=lambda folder: _records_in(folder, slugs))
        with_records = held or _deep_adr_dirs(root, named, slugs) or (not slugs and _in_own_tops(root))
        if with_records:
            return with_records[0]
    loose = [folder for folder in _deep_adr_dirs(root, named, False, LOOSE_ADR_DIR_NAMES) if _has_status(folder, root)]
    if existing or loose:
        return existing[0] if existing else _stages_holder(loose[0])
    return root if _holds_proposal_folders(root) or _holds_proposal_files(root) else root / ADR_DIR_CANDIDATES[0]


def _stages_holder(folder: Path) -> Path:
    """The folder holding *folder* where *folder* is one of the folders it keeps its records in by their stage
    (linkerd's `problem/`, `design/` and `active/`; STAGE_FOLDERS), two of them at least holding records: the
    records of every stage are read. Else *folder*."""
    if folder.name.lower() not in STAGE_FOLDERS:
        return folder
    stages = [sub for sub in _subfolders(folder.parent)
              if sub.name.lower() in STAGE_FOLDERS and _holds_records(sub, False)]
    return folder.parent if len(stages) >= 2 else folder


# The pages a proposal kept as a folder is named by its kind: `031-set-pipeline-step/proposal.md`.
_PROPOSAL_PAGES = frozenset(f"{stem}.{extension}" for stem in ("proposal", "rfc") for extension in ("md", "rst"))


def _holds_proposal_folders(root: Path) -> bool:
    """Whether *root* holds records kept as folders whose pages are named by their slugs, as Jupyter's
    enhancement proposals are kept at the top of their repository (`29-jep-process/jep-process.md`), or as
    proposals (Concourse's `031-set-pipeline-step/proposal.md`). Two at least, pages named so, not READMEs, and
    one speaking of its status or two named as proposals: a tutorial's numbered chapters (`01-intro/README.md`,
    `02-setup/setup.md`) are no records."""
    pages = []
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                if folder_record(entry.name) and files.is_folder(entry):
                    pages += [Path(entry.path, name) for name in os.listdir(entry.path)
                              if slug_page(entry.name, name) or name.lower() in _PROPOSAL_PAGES]
    except OSError:
        return False
    proposals = {page.parent for page in pages if page.name.lower() in _PROPOSAL_PAGES}
    return len({page.parent for page in pages}) >= 2 and (
        len(proposals) >= 2 or any(_headed(page, root) for page in pages))


def _holds_proposal_files(root: Path) -> bool:
    """Whether *root* holds numbered records as files, as Qiskit's RFCs (`0020-release-cycle.md`) and the wallet
    consortium's (`ewc-rfc004-x.md`) are kept at the top of their repositories, beside the README. Two at least, the
    first speaking of its status, or beside a template numbered 0 (Strimzi's proposals, which say no status, beside
    `000-template.md`): a guide's numbered chapters (`01-intro.md`, `02-setup.md`) are no records."""
    try:
        listed = os.listdir(root)
    except OSError:
        return False
    names = sorted(name for name in listed if is_record_file(name))
    return len(names) >= 2 and (_headed(root / names[0], root) or any(map(_ZERO_TEMPLATE.match, listed)))


_ZERO_TEMPLATE = LazyPattern(r"^0+[-_]template\.(?:md|markdown|qmd|rst)$", re.IGNORECASE)


def candidates_holding_records(ws: Workspace) -> dict[Path, int]:
    """The folders where teams keep records that hold some, each with how many, where two or more do and the ADR
    folder was found among them (none is named in decisionbook.toml or `.adr-dir`); else none."""
    if ws.config.decisions or _named_adr_dir(ws.root) is not None:
        return {}
    existing = [ws.root / c for c in ADR_DIR_CANDIDATES if (ws.root / c).is_dir()]
    for slugs in (False, True):
        held = {folder: count for folder in existing if (count := _records_in(folder, slugs))}
        if held:
            return held if len(held) > 1 and ws.adr_dir in held else {}
    return {}


def missing_adr_dir(ws: Workspace) -> str | None:
    """What to tell someone whose ADR folder is not there (none named, none found), or None."""
    if ws.adr_dir.is_dir():
        return None
    named = ws.config.decisions is not None or _named_adr_dir(ws.root) is not None
    where = "" if named else (", and no folder where teams keep them (docs/adr/, doc/adr/, docs/decisions/...) "
                              "holds records")
    return (f"no ADR folder: {ws.relative(ws.adr_dir)}/ does not exist{where}; "
            f'name yours in {CONFIG_NAME}: [paths] decisions = "its/path"')


def find_root(start: Path) -> Path | None:
    start = start.resolve()
    chain = [start, *start.parents]
    # A settings file that is a broken link marks the root too, to be reported there rather than skipped.
    markers = ((CONFIG_NAME, os.path.lexists), (".adr-dir", os.path.exists), (".git", os.path.exists))
    top = max((index for index, folder in enumerate(chain) if any(there(folder / m) for m, there in markers)),
              default=-1)
    # A package installed or vendored into a project may ship its own markers, which are passed (ADR 0172): from a
    # folder in or below a dependency folder, the project around it is the root.
    outer = max((index for index, folder in enumerate(chain[:top]) if _dependency_folder(folder.name)), default=-1)
    for marker, there in markers:
        for folder in chain[outer + 1:]:
            if there(folder / marker):
                return folder
    return None


def open_workspace(start: str | Path = ".") -> Workspace:
    """The workspace holding *start*: nearest decisionbook.toml, else .adr-dir, else git root."""
    start = Path(start)
    if not start.exists():
        raise DecisionbookError("no such folder", start)
    root = find_root(start)
    if root is None:
        folder = start.resolve()
        adr_dir = folder if _holds_records(folder, slugs=False) else _find_adr_dir(folder, Config())
        if _holds_records(adr_dir, slugs=adr_dir != folder):
            return Workspace(root=folder, config=Config(), adr_dir=adr_dir, read_only=True)
        raise DecisionbookError(
            "no workspace here or above (no decisionbook.toml, .adr-dir or git repository); "
            "run `decide init` first",
            start.resolve(),
        )
    config = load_config(root / CONFIG_NAME)
    adr_dir = _find_adr_dir(root, config)
    if config.decisions is None and _adr_dir_file(root) is None:
        package = _package_adr_dir(root, start.resolve())
        if package is not None:
            adr_dir = package
        elif not _holds_categories(adr_dir, slugs=True):
            adr_dir = _service_adr_dir(root, start.resolve()) or adr_dir
        elif _named_adr_dir(root) is None:
            adr_dir = _service_adr_dir(root, start.resolve(), packages_only=True) or adr_dir
    return Workspace(root=root, config=config, adr_dir=adr_dir)


# Files that make a folder a package or service of its own: its build's or its package manager's.
PACKAGE_MANIFESTS = ("package.json", "pyproject.toml", "setup.py", "go.mod", "Cargo.toml", "pom.xml", "build.gradle",
                     "build.gradle.kts", "composer.json", "Gemfile", "mix.exs")


def _service_adr_dir(root: Path, start: Path, packages_only: bool = False) -> Path | None:
    """The ADR folder of the part of a monorepo *start* is in (`src/catalogue/doc/architecture/decisions/`), when
    the repository's top has none: found as at the top, from *start* up to the folder below *root*. A dependency
    folder and the folders below it (`node_modules/x/`) are passed: the ADR folder a dependency ships is not the
    project's (ADR 0165). With *packages_only*, where the top keeps records too, only a folder that is a package of
    its own (`apps/web/` with its `package.json`) is looked through: its records are its own, where a folder of
    fixtures or notes is no part of the monorepo that keeps decisions apart (ADR 0223)."""
    for folder in (start, *start.parents):
        if folder == root or root not in folder.parents:
            return None
        if any(_dependency_folder(part) for part in folder.relative_to(root).parts):
            continue
        if packages_only and not any((folder / manifest).is_file() for manifest in PACKAGE_MANIFESTS):
            continue
        found = _discover_adr_dir(folder)
        if found != folder and _holds_categories(found, slugs=True):
            _found_inside(root, str(found.relative_to(root)))
            return found
    return None


CONFIG_TEMPLATE = """\
# decisionbook settings. Every key is optional; the values shown are the defaults.

[paths]
decisions = {decisions}
prototypes = "prototypes"
reports = "reports"

[triage]
keep_threshold = 0.7   # merit (share of criterion weight met) needed to recommend "keep"
stale_days = 14        # warn when a prototype has had no new evidence for this long
# sunk_cost_hours = 40 # effort that counts as high; default: top quartile of active prototypes
max_extensions = 2     # deadline extensions (iterate with a new deadline) before the agenda warns

[links]
# base-url = "https://git.example.com/team/repo/blob/main/"  # report links point here instead of to files

[people]
# ana = "product"
# ben = "engineering"
"""


@named
class InitResult:
    workspace: Workspace
    created: tuple[str, ...]


def _text_lines(path: Path) -> list[str]:
    """The lines of the text file *path*; none when there is no such file."""
    try:
        return files.read_bytes(path).decode("utf-8", "replace").splitlines()
    except FileNotFoundError:
        return []


_GLOB = LazyPattern(r"[\\*?\[]|^[#!]")  # what a .gitattributes pattern reads as a glob, a comment or a negation


def _union_merge_line(folder: str) -> str:
    """The .gitattributes line that merges the ledgers in *folder* (from the root) with git's union driver.

    The folder's name is matched as written: `[`, `*`, `?` and a leading `#` or `!` are escaped, and a
    pattern with a space or a quote is quoted, else git would read another pattern, or none.
    """
    pattern = _GLOB.sub(lambda match: "\\" + match.group(), folder) + "/*.jsonl"
    if any(c in pattern for c in ' \t"'):
        pattern = '"' + pattern.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{pattern} merge=union"


def init(path: str | Path = ".", adr_dir: str | None = None, nested: bool = False) -> InitResult:
    """Create (or adopt) a workspace at *path*; running it again changes nothing.

    *adr_dir* names the ADR folder (relative to *path*) instead of finding it. Inside another workspace
    a new one is refused unless *nested*: it would take over every command run below it.
    """
    from toolkit.records import atomic  # only `decide init` writes here

    root = Path(path).resolve()
    config_path = root / CONFIG_NAME
    outer = next((folder for folder in root.parents if (folder / CONFIG_NAME).is_file()), None)
    if outer is not None and not nested and not config_path.exists():
        raise DecisionbookError(f"this folder is inside the workspace at {outer}; run decide there, or pass "
                                "--nested to keep a separate workspace here", root)
    root.mkdir(parents=True, exist_ok=True)
    created: list[str] = []
    named = _inside(root, adr_dir, "--adr-dir", root) if adr_dir is not None else None
    if config_path.exists():
        config = load_config(config_path)
        adr_dir = _find_adr_dir(root, config)
        if named is not None and named != adr_dir:
            raise DecisionbookError(
                f"the ADR folder is already {adr_dir.relative_to(root).as_posix()}; change [paths] decisions here",
                config_path,
            )
    else:
        adr_dir = named or _find_adr_dir(root, Config())
        config = None  # the template's settings are the defaults
    attributes = root / ".gitattributes"
    proto_dir = Workspace(root=root, config=config or Config(), adr_dir=adr_dir).proto_dir
    for folder, what, other in ((adr_dir, "ADRs", "--adr-dir"),
                                (proto_dir, "prototype cards", "[paths] prototypes in decisionbook.toml")):
        if os.path.lexists(folder) and not folder.is_dir():  # refused before anything is made, as below
            raise DecisionbookError(f"a file, where the folder of the {what} goes; move it, or name another with "
                                    f"{other}", folder)
    line = _union_merge_line(proto_dir.relative_to(root).as_posix())
    if line not in _text_lines(attributes):
        files.require_writable(attributes)  # refused before anything is made: the folder stays as it was
    if config is None:
        import json

        # A JSON string is a TOML basic string: a folder named with a quote or a backslash is written escaped.
        # JSON's string is TOML's but for DEL, which JSON leaves as it is and TOML refuses.
        folder = json.dumps(adr_dir.relative_to(root).as_posix(), ensure_ascii=False).replace("\x7f", "\\u007f")
        text = CONFIG_TEMPLATE.format(decisions=folder)
        if atomic.create_exclusive(config_path, text.encode("utf-8")):
            created.append(CONFIG_NAME)
        config = load_config(config_path)
    workspace = Workspace(root=root, config=config, adr_dir=adr_dir)
    for folder in (workspace.adr_dir, workspace.proto_dir):
        if not folder.is_dir():
            folder.mkdir(parents=True)
            created.append(workspace.relative(folder) + "/")
    if not attributes.exists():
        atomic.create_exclusive(attributes, (line + "\n").encode("utf-8"))
        created.append(".gitattributes")
    else:
        with files.locked(attributes):
            current = files.read_bytes(attributes)
            if line not in current.decode("utf-8", "replace").splitlines():
                separator = b"" if not current or current.endswith(b"\n") else b"\n"
                atomic.replace(attributes, current + separator + (line + "\n").encode("utf-8"))
                created.append(".gitattributes (merge=union line)")
    return InitResult(workspace, tuple(created))
