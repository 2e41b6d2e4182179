"""The form a folder's ADRs already have, so a new record is named and written the same way."""

import datetime as _dt
import itertools
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from toolkit.records import frontmatter
from toolkit.records.adr import (
    BOLD,
    BULLETS,
    DELIMITER_ROW,
    FIELD,
    FRONT_MATTER_ALIASES,
    HTML,
    MADR,
    MAKER_KEYS,
    META_HEADINGS,
    NYGARD,
    REVERSE,
    STATUS_LABELS,
    TABLE,
    TITLE_HEADINGS,
    UNKNOWN,
    Decision,
    column_fields,
    from_document,
    heading_label,
    html_row_value,
    keyed_relation,
    line_fields,
    project_number,
    read_as_field,
    title_field,
    title_field_end,
)
from toolkit.actions.index_file import outside_code
from toolkit.records.adr_edit import header_lines, marked_as, restated, status_as_written
from toolkit.records.adr_words import (
    DATED_FILE,
    HEADING,
    SLUG_PAGE,
    STATUSES,
    SYNONYMS,
    TEMPLATE_HINTS,
    TEMPLATE_WORDS,
    NUMBER_WORDS,
    LazyPattern,
    adornment,
    choices,
    find_date,
    first_choice,
    folder_page,
    folder_record,
    heading_text,
    is_iso_day,
    is_record_file,
    is_rst,
    is_slug_record,
    language_of,
    languages_of,
    marked_choices,
    numbered_file,
    read_status,
    split_title,
    status_word,
    status_words,
    title_number_span,
    underlined_headings,
)
from toolkit.records.named import named
from toolkit.records.slug import MAX_SLUG, slugify
from toolkit.workspace import Workspace, config_inside

TEMPLATES = ("madr", "nygard", "log4brains")
# Where adr-tools, log4brains and MADR keep a team's template inside the ADR folder.
FOLDER_TEMPLATES = ("templates/template.md", "template.md", "adr-template.md")
# A template's name: "template" as its first or second word, or its last (`adr-template-minimal`, `template-adr`,
# `decision-record-template`, `ADRXXX-...-template`, `0000--template`); `use-a-template-engine` is a record's.
_TEMPLATE_STEM = LazyPattern(rf"^[-_ ]*(?:[^-_ ]+[-_ ]+)?(?:{TEMPLATE_WORDS})(?:$|[-_ ])|[-_ ](?:{TEMPLATE_WORDS})$",
                            re.IGNORECASE)


def config_template(ws: Workspace) -> str | None:
    """`[adr] template`: a bundled template's name, or the path of a file inside the workspace (one that
    leaves it, itself or through a symbolic link, is refused)."""
    name = ws.config.adr_template
    if name is None or name in TEMPLATES:
        return name
    return str(config_inside(ws.root, name, "adr", "template"))


_HINT = re.compile("|".join(map(re.escape, TEMPLATE_HINTS)))


def folder_template(folder: Path) -> Path | None:
    """The team's own template kept in the ADR folder (ADR 0072): one of FOLDER_TEMPLATES, else a
    Markdown file there named as a template and not as a record (`0000-template.md`, `_template.md`,
    `ADRXXX-architecture-decision-record-template.md`, `NNNN-adr-template.md`) or kept in its
    `templates/` or `template/` folder; of several, the shortest name (`adr-template.md` before
    `adr-template-lite.md`)."""
    for name in FOLDER_TEMPLATES:
        path = folder / name
        if path.is_file() and not path.is_symlink():
            return path
    found, slugs, numbered = [], [], False
    for sub in ("", "templates", "template"):
        try:
            with os.scandir(folder / sub) as entries:
                for entry in entries:
                    # Most names of a folder of 10,000 records hint at no template: one search passes them, and
                    # whether the folder numbers its records is asked until a first one says so.
                    if not sub and _HINT.search(entry.name.lower()) is None:
                        numbered = numbered or is_record_file(entry.name)
                        continue
                    if not sub and is_record_file(entry.name):
                        numbered = True
                        continue
                    stem, dot, extension = entry.name.rpartition(".")
                    if (dot and extension.lower() in ("md", "markdown", "qmd") and (sub or _TEMPLATE_STEM.search(stem))
                            and not is_record_file(entry.name) and entry.is_file(follow_symlinks=False)):
                        # In a folder named by slugs alone, such a name is one of its records.
                        (slugs if not sub and is_slug_record(entry.name) else found).append(folder / sub / entry.name)
        except OSError:
            continue
    found += slugs if numbered else []
    return min(found, key=lambda path: (len(path.name), path.name)) if found else None


# An RFC process keeps its template at the repository's top, beside the folder of its records: Rust's, React's,
# Vue's and Nix's `0000-template.md` above `text/`, `active-rfcs/` or `rfcs/`, Solana's `XXXX-template.md` above
# `proposals/`. Only those names: a top folder's other templates (`pull_request_template.md`) are not a record's.
_TOP_TEMPLATE = LazyPattern(r"^(?:0+|X+)[-_]template\.(?:md|markdown)$", re.IGNORECASE)


# A template for a process's issues or pull requests is no record's (`.github/PULL_REQUEST_TEMPLATE.md`).
_FORGE_TEMPLATE = LazyPattern(r"pull[-_ ]?request|issue", re.IGNORECASE)


# A folder numbered 0 that new records are copied from, as records kept as folders are: Concourse's `000-example/`.
_TEMPLATE_FOLDER = LazyPattern(r"^0+[-_](?:example|template)$", re.IGNORECASE)


def guide_template(folder: Path) -> Path | None:
    """In a folder whose records are kept as folders, the template one of its other folders keeps (Jupyter's
    `jupyter-enhancement-proposal-guidelines/JEP-TEMPLATE.md` beside `62-cell-id/`): the Markdown file named as a
    template in a folder that is no record's, or the page of a folder named as an example numbered 0
    (`000-example/proposal.md`); None when there is none, or more than one."""
    found = []
    try:
        with os.scandir(folder) as entries:
            subs = [Path(entry.path) for entry in entries if not entry.name.startswith((".", "_"))
                    and not folder_record(entry.name) and entry.is_dir(follow_symlinks=False)]
        for sub in subs:
            with os.scandir(sub) as entries:
                names = {entry.name: entry for entry in entries}
            page = folder_page(list(names), sub.name) if _TEMPLATE_FOLDER.match(sub.name) else None
            found += [Path(names[page].path)] if page and names[page].is_file(follow_symlinks=False) else [
                Path(entry.path) for entry in names.values()
                if (parts := entry.name.rpartition("."))[2].lower() in ("md", "markdown", "qmd")
                and _TEMPLATE_STEM.search(parts[0]) and not _FORGE_TEMPLATE.search(parts[0])
                and entry.is_file(follow_symlinks=False)]
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


def own_template(ws: Workspace, page: str = "") -> Path | None:
    """The team's own template: kept in the ADR folder (folder_template), else, where records are kept as folders
    (each its *page*), in another folder there (guide_template), else, for a folder at the repository's top, the RFC
    process's `0000-template.md` beside it."""
    found = folder_template(ws.adr_dir)
    if found is None and page:
        found = guide_template(ws.adr_dir)
    if found is not None or ws.adr_dir.parent != ws.root:
        return found
    try:
        with os.scandir(ws.root) as entries:
            tops = sorted(Path(entry.path) for entry in entries
                          if _TOP_TEMPLATE.match(entry.name) and entry.is_file(follow_symlinks=False))
    except OSError:
        return None
    return tops[0] if tops else None


@named
class FolderForm:
    """How new records in a folder are named and which template writes them."""

    template: str  # madr | nygard | log4brains | a path; nygard is written in reStructuredText as `.rst`
    prefix: str = ""  # `ADR-` in `ADR-0012-x.md`
    width: int = 4  # digits, zero padded
    separator: str = "-"
    extension: str = "md"
    # Names without a number: "date" (`2021-03-04-slug.md`), "compact date" (log4brains' `20210304-slug.md`)
    # or "slug" (`slug.md`); "" for numbered names.
    unnumbered: str = ""
    joint: str = "-"  # between a dated name's date and its slug: `-`, `_` (`20160720_x.md`) or ` - `
    date_joint: str = "-"  # inside a dated name's date: `2021-12-12`, or `2021_12_12`
    model: Path | None = None  # a record of the folder whose form no template writes: new ones copy it
    own: bool = False  # the template is the team's own, kept in the folder: its blanks are filled as written
    slugged: bool = True  # False where names are the number alone (`ADR-12.md`)
    joiner: str = "-"  # between a slug's words: `-`, or `_` (`ADR-001_use_git_hooks.md`)
    titled: bool = False  # names write the title as it is, not a slug: `001 - Layered Desktop App.md`
    day_first: bool = False  # numbered names start with the day they were made: `2026-02-26_adr-0001_x.md`
    timestamped: bool = False  # numbers are the time each record was made: `20240516132303-x.md`
    page: str = ""  # records kept as folders: the page in each (`CIP-0012/README.md`)
    accents: bool = False  # slugs keep their words' accents: `0005-api-de-mudanças-e-replicação.md`
    cased: bool = False  # slugs keep the title's capitals: `adr-018-Knative_based_Kyma_eventing.md`

    def words(self, title: str) -> str:
        """What a new record's name says after its number: the slug of *title*, or in a titled folder the
        title itself, without the characters a file name or a link cannot hold."""
        if not self.titled:
            return slugify(title, accents=self.accents, cased=self.cased)
        words = " ".join(re.sub(r'[/\\:*?"<>|#%\x00-\x1f\x7f]', " ", title).split()).strip(" .-")
        return words[:MAX_SLUG].rsplit(" ", 1)[0].rstrip(" .-") if len(words) > MAX_SLUG else words or slugify(title)

    def name(self, number: int, slug: str, day: str) -> str:
        """The name of record *number* made on *day* (YYYY-MM-DD)."""
        tail = f"{self.separator}{slug.replace('-', self.joiner)}" if self.slugged else ""
        lead = f"{day.replace('-', self.date_joint)}{self.joint}" if self.day_first else ""
        stem = f"{lead}{self.prefix}{number:0{self.width}d}{tail}"
        page = self.page.replace(SLUG_PAGE, slug.replace("-", self.joiner))
        return f"{stem}/{page}" if page else f"{stem}.{self.extension}"

    def stamps(self, day: str) -> Iterator[int] | None:
        """In a folder numbered by the time each record was made, the numbers a record made on *day*
        (YYYY-MM-DD) may take: that day at the time now, local as the day is, then a second later each;
        else None (the next number after the folder's)."""
        if not self.timestamped:
            return None
        moment = _dt.datetime.combine(_dt.date.fromisoformat(day), _dt.datetime.now().time().replace(microsecond=0))
        return (int((moment + _dt.timedelta(seconds=n)).strftime(_STAMP)) for n in itertools.count())

    def unnumbered_name(self, day: str, slug: str) -> str:
        """The name of a record made on *day* (YYYY-MM-DD) in a folder whose names have no number."""
        dates = {"date": day.replace("-", self.date_joint), "compact date": day.replace("-", ""),
                 "month": day[:7].replace("-", "")}
        stem = f"{dates[self.unnumbered]}{self.joint}{slug}" if self.unnumbered in dates else slug
        return f"{stem}/{self.page}" if self.page else f"{stem}.{self.extension}"


_STAMP = "%Y%m%d%H%M%S"


def _is_stamp(digits: str) -> bool:
    """Whether *digits* are a time written as `20240516132303` (YYYYMMDDHHMMSS)."""
    try:
        return len(digits) == 14 and bool(_dt.datetime.strptime(digits, _STAMP))
    except ValueError:
        return False


def _most(counter: Counter, default):
    return counter.most_common(1)[0][0] if counter else default


_YEAR_MONTH_NAME = LazyPattern(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])[-_][^/\\]")
_SEPARATOR = LazyPattern(r"(?:-+|_+)?")  # between a number and its slug: `-`, `__`, or none
_CAPITAL = LazyPattern(r"[A-Z]")


def folder_form(ws: Workspace, names: list[str], recent: Callable[[], list[Decision]], template: str | None,
                page: str = "") -> FolderForm:
    """The form for a new record: *template* when given, else decisionbook.toml's, else the folder's own.

    An adr-tools folder (`.adr-dir`, or Nygard records, whatever their names) gets Nygard records; a
    log4brains folder (`YYYYMMDD-` names, or `.log4brains.yml`) gets dated MADR 2 records; an empty folder
    gets MADR 4.
    A folder that holds its own template (FOLDER_TEMPLATES) gets that (ADR 0072); a folder of records
    in a form no template writes, a copy of its latest such record (`model`, ADR 0069).
    A folder of dated names gets a dated name, written as most of them are; a folder of names that
    are slugs alone, a slug alone.
    Names keep the folder's prefix, number width, separator and extension (*names* are the
    folder's record file names; a record kept as a folder is named by the folder, and *page* names
    the page in each). *recent* reads the last few records, whose forms decide the template when
    nothing else does.
    """
    parsed = [(name, numbered_file(name)) for name in names]
    numbered = [n for _, n in parsed if n]
    # The names that start with a day, and those of them that give no number (log4brains' `20210304-x.md`).
    leads = [match for match in map(DATED_FILE.match, names) if match]
    matches = [match for match in leads if not numbered_file(match.string)]
    days = [match for match in leads if numbered_file(match.string)]
    day_first = 2 * len(days) > len(numbered)
    dated = [match.group(2) for match in matches]  # the separator in each date
    joint = _most(Counter(match.string[match.end(1) : match.start(3)] for match in matches), "-")
    compact = dated.count("")
    chosen = template or config_template(ws)
    extension = _extension(names)
    model, own = None, None
    if chosen is None and extension == "rst":
        chosen = "nygard"  # the one form decisionbook writes in reStructuredText (templates/nygard.rst)
        model = _field_list_model(recent())
    if chosen is None:
        # The team's own template in the folder, as adr-tools, log4brains and MADR keep one.
        own = own_template(ws, page)
        chosen = str(own) if own is not None else None
    if chosen is None:
        records = recent()
        forms = Counter(r.form for r in records)
        if (ws.root / ".log4brains.yml").is_file():
            chosen = "log4brains"
        elif (ws.root / ".adr-dir").is_file() or _most(forms, None) == NYGARD:
            # Status sections say Nygard even where records are named by their day as log4brains names its own
            # (`adr/20240524-pipeline/index.md`).
            chosen = "nygard"
        elif compact and compact >= len(numbered) or _most(forms, None) == BULLETS:
            chosen = "log4brains"  # MADR 2 bullets, named like the folder's other records
        else:
            chosen = "madr"
            # Bold labels, `Status:` lines, a table: no template writes these, so the latest such record is copied;
            # so is one of a folder whose records say no status, by their date line (`**Date:** 2020-02-20`).
            form = _most(forms, None)
            if form in _COPIED and numbered and not dated:
                model = _latest(records, lambda r: r.form == form and r.status_line)
            elif form == UNKNOWN and numbered and not dated:
                model = _latest(records, lambda r: r.form == form and r.date_span)
                # Nor a date: a record titled with its number over its sections (`# 0001 编辑器选型`), as it is.
                model = model or next((r.path for r in reversed(records) if r.form == form and r.status_line is None
                                       and r.date_line is None and _numbered_title(r)), None)
        if chosen != "madr":
            # adr-tools' and log4brains' templates are English: records written in another language are copied,
            # and so are Nygard records titled otherwise than adr-tools titles them (`# ADR-0012 - Title`), and
            # bullets under a title that carries its number, which log4brains' template has not (pandas' PDEPs:
            # `# PDEP-6: Title` over `- Created:` and `- Status:`).
            model = _latest(records, lambda r: r.form in (NYGARD, BULLETS) and r.status_line
                            and (language_of(r.status_raw or "")
                                 or r.form == NYGARD and r.number is not None and not _adr_tools_title(r)
                                 or r.form == BULLETS and r.number is not None and _numbered_title(r)))
    if chosen.lower().endswith(".rst"):
        extension = "rst"
    elif extension == "rst" and chosen != "nygard":
        extension = "md"  # a Markdown template writes a Markdown file, whatever the folder's others are
    if not numbered or len(dated) > len(numbered):  # a folder of dated names, with a draft `00000000_x.md`
        # Named by the year and month alone (Thanos' `202301-x.md`): more of them than of whole days, a month's.
        months = sum(1 for name in names if name[:1] in "12" and _YEAR_MONTH_NAME.match(name))
        if months > len(dated):
            style = "month"
        elif dated:
            style = "compact date" if 2 * compact >= len(dated) else "date"
        elif names and all(map(is_slug_record, names)):
            style = "slug"
        else:
            style = "compact date" if chosen == "log4brains" and not names else ""
        return FolderForm(chosen, unnumbered=style, extension=extension, joint=joint, model=model, own=own is not None,
                          date_joint=_most(Counter(sep for sep in dated if sep), "-"), page=page)
    # A zero-padded folder writes its padding; an unpadded one (`1-x.md`, `12-x.md`) writes none.
    written = [_digits(name, n[0]) for name, n in parsed if n]  # each number as written: `0012`
    width = _most(Counter(len(digits) for digits in written if digits.startswith("0") and len(digits) > 1), 1)
    stamps = sum(map(_is_stamp, written))
    # `0001-x.md`, `0001_x.md`, `0001--x.md`; the words of slugs joined as the folder joins them (`ADR-001_Use_git.md`).
    separator = _SEPARATOR.match
    separators = Counter(separator(sep).group() or sep[:1] or "-" for _, _, sep, _ in numbered)
    words = Counter("_" if "_" in slug and "-" not in slug else "-"
                    for _, _, sep, _ in numbered if (slug := sep.lstrip("-_. ")))
    # Titles as they are (`001 - Layered Desktop App.md`): words parted by spaces, in capitals too.
    capital = _CAPITAL.search
    titled = 2 * sum(" " in tail.strip() and bool(capital(tail)) for _, _, tail, _ in numbered) > len(numbered)
    if titled:
        separators = Counter(re.match(r"[ ._-]*", tail).group() or "-" for _, _, tail, _ in numbered)
        words = Counter()
    if day_first:
        joint = _most(Counter(match.string[match.end(1) : match.start(3)] for match in days), "-")
        date_joint = _most(Counter(match.group(2) for match in days), "-")
        numbered = [(prefix[match.start(3) :] if (match := DATED_FILE.match(prefix + "x.md")) else prefix, *rest)
                    for prefix, *rest in numbered]
    else:
        date_joint = "-"
    return FolderForm(
        chosen,
        prefix=_most(Counter(prefix for prefix, _, _, _ in numbered), ""),
        width=width,
        separator=_most(separators, "-"),
        extension=extension,
        model=model,
        own=own is not None,
        joiner=_most(words, "-"),
        slugged=any(slug for _, _, slug, _ in numbered),
        titled=titled,
        day_first=day_first,
        timestamped=2 * stamps > len(numbered),
        joint=joint,
        date_joint=date_joint,
        page=page,
        accents=any(map(_accented, (slug for _, _, slug, _ in numbered))),
        cased=2 * sum(tail.lstrip("-_ ")[:1].isupper() for _, _, tail, _ in numbered) > len(numbered),
    )


def _accented(slug: str) -> bool:
    """Whether *slug* holds a Latin letter beyond ASCII (`mudanças`, `løsning`): its folder keeps the words of
    titles as written. Other scripts are kept by every slug already."""
    import unicodedata

    return not slug.isascii() and any(not ch.isascii() and unicodedata.name(ch, "").startswith("LATIN")
                                      for ch in slug)


def _latest(records: list[Decision], like: Callable[[Decision], object]) -> Path | None:
    """The latest of *records* that is *like* the ones a new record is copied from; of those, the latest with a
    title where most of them have one: a record that lost its title heading is not how the folder writes them."""
    alike = [record for record in reversed(records) if like(record)]
    titled = [record for record in alike if record.title_line is not None]
    chosen = titled if 2 * len(titled) > len(alike) else alike
    return chosen[0].path if chosen else None


def _field_list_model(records: list[Decision]) -> Path | None:
    """The record to copy in a folder of reStructuredText records headed by a field list (scikit-learn's SLEPs:
    `:Status: Draft` under the title), which no template writes: the latest, or the latest whose title carries its
    number where most of theirs do (`SLEP006: Metadata routing`)."""
    fielded = [r for r in records if r.form == FIELD and r.status_line]
    if not fielded or _most(Counter(r.form for r in records), None) != FIELD:
        return None
    numbered = [r for r in fielded if _numbered_title(r)]
    return (numbered if 2 * len(numbered) > len(fielded) else fielded)[-1].path


# The blanks of the templates adr-tools ships (`# NUMBER. TITLE`, `Date: DATE`, `STATUS`).
_ADR_TOOLS_BLANKS = {"NUMBER": "${number}", "TITLE": "${title}", "DATE": "${date}", "STATUS": "Proposed"}


# The number's blank in a template's title, after the label it keeps (`ADRxxx: Title`, `NNNN) Title`,
# `ADR-nnn: Title`, `ADR {ADR-NUMBER}: {TITLE}`, `${number}. TITLE`, `ADR [Número]: [Título]`, Pulsar's
# `PIP-XYZ: Title`, Wagtail's `RFC <number>: <title>`), and a heading id after it (`{#adr_nnnn}`).
_TITLE_BLANK = LazyPattern(
    r"^((?:[A-Za-z]+?[-_ ]?)??)(\$\{number\}|\{[^{}]*(?:\$\{number\}|(?i:number))[^{}]*\}|[xX]{2,}|[nN]{3,}|0{3,}"
    rf"|(?<=-)XYZ|\[(?i:{NUMBER_WORDS})\]|<(?i:{NUMBER_WORDS})>)(\s*[.:)\-–—·|：]\s*|[ \t]+)")
_HEADING_ID = LazyPattern(r"\s*\{#[^{}]*\}\s*$")
# A label alone before a template's title, which every record of the process keeps: Go's `# Proposal: [Title]`,
# Primer's `# [ADR] Title`.
_TITLE_LABEL = LazyPattern(r"^(?:(?:RFC|Proposal)\s*[:：]|\[(?:ADR|RFC)\])\s*", re.IGNORECASE)
NAMED_WIDTH = -1  # the width of a title's number blank that the folder's file names give it


def _blanks_only(heading: str) -> bool:
    """Whether *heading* is blanks and a label already (`${number}. ${title}`, `${title} (ADR-${number})`),
    not a template's words around them (`(CHANGE ME) DECISION TEMPLATE ${title}`)."""
    return "${title}" in heading and len(re.sub(r"\$\{\w+\}|[^A-Za-z]", "", heading)) <= 4


def _titled(heading: str) -> tuple[str, int]:
    """A template's title *heading* as a new record's: its label and number blank kept, as `${number}`, its
    words `${title}`, a heading id kept with the number in it; and the number's width (0: as it comes,
    NAMED_WIDTH: as the file names write it)."""
    blank = _TITLE_BLANK.match(heading) if len(heading) <= 200 else None  # the pattern is slow on longer
    if blank is None:
        label = _TITLE_LABEL.match(heading)
        return (label.group(0) if label else "") + "${title}", 0
    number = blank.group(2)
    # `{ADR-NUMBER}`, `<number>` and `PIP-XYZ` say no width: as it comes; `[Número]` none either, and is written
    # as the file names are.
    width = (0 if number.startswith(("${", "{", "<")) or number == "XYZ"
             else NAMED_WIDTH if number.startswith("[") else len(number))
    ident = _HEADING_ID.search(heading[blank.end() :])
    tail = re.sub(re.escape(number), "${number}", ident.group(0), flags=re.IGNORECASE) if ident else ""
    return f"{blank.group(1)}${{number}}{blank.group(3)}${{title}}{tail}", width


def team_template(doc, record: Decision, site_titled: bool = False, language: str | None = None) -> tuple[str, int]:
    """A team's own template (*doc*, read as *record*) with its blanks as `decide` fills them: adr-tools'
    words in capitals, a title, status and date written as placeholders (MADR's `{short title ...}`,
    log4brains' `[draft | proposed | ...]`) as `${title}`, proposed and `${date}`, in its front matter and
    below it; a day or its blank in any front-matter key (`creation-date: yyyy-mm-dd`) as `${date}`, and the
    records its front matter relates to (`replaces:`), which are examples, none; the rest as written.
    A template that is one of the folder's records (its title numbered, its decision taken: an ADR 0 kept
    as `0000-adr-template.md`) is copied as the latest record is (ADR 0069), its front matter's other
    values emptied.
    Where the folder's list titles its records (*site_titled*, ADR 0164), a title the site fills in from the list
    (`# {{ rfc.name }}: {{ rfc.title }}`) is kept, and the number the template names itself by
    (`{% set rfcid = "RFC-0000" %}`) is the new record's, as on each of the folder's pages.
    With it, the width of the number its title's blank holds (`ADRxxx`: 3), else its front matter's, 0 when it
    says none. A status the template asks for in words of no status (`Hva er status på denne ADR'en?`) is written
    in *language*, the folder's records' (`Foreslått`), without the list of choices below the question."""
    lines = doc.text_lines()
    # Below front matter a template may state its title, status and date again (`# Title`, `## Status`).
    below = _below_front_matter(doc, record) if doc.has_front_matter and not doc.is_toml else None
    kept = _kept_record(lines, record, below)
    copied = (copied_template(*below) if below else copied_template(doc, record)) if kept else None
    if copied is not None and below is None:
        return copied
    edits: dict[int, list[tuple[int, int, str]]] = {}
    dropped: set[int] = set()
    width = _fill_stated(lines, record, edits, site_titled=site_titled, language=language, dropped=dropped)
    width = _fill_header(lines, doc.body_start, edits, record.title_line) or width
    if record.status_line is None and copied is None and (at := _status_section_end(lines)) is not None:
        # A Status section holding the template's advice alone (`> [!TIP]` ...): the new record's status below it.
        word = status_word("proposed", "", language) if language else "proposed"
        edits.setdefault(at, []).append((len(lines[at]), len(lines[at]), doc.newline * 2 + word[:1].upper() + word[1:]))
    title = record.title_line - 1 if record.title_line is not None and copied is None else None
    if title is not None and (begin := title_field(lines[title])) is not None:
        # `**Title**: short present tense imperative phrase, ...` over a second line: the whole of it is the blank.
        edits[title] = [(begin, len(lines[title]), "${title}")]
        dropped.update(range(title + 1, title_field_end(lines, title)))
    elif title is not None and _in_title_section(lines, title):
        # `## Title` over `[Short title that describes the decision]`: the line is the blank.
        edits[title] = [(len(lines[title]) - len(lines[title].lstrip()), len(lines[title].rstrip()), "${title}")]
    if title is not None and not HEADING.match(lines[title]):
        # The template's words to its user above a title that is a field (`Use this template to create ...`).
        above = range(doc.body_start, title)
        if not any(HEADING.match(lines[i]) or line_fields(lines[i]) for i in above):
            dropped.update(above)
    if site_titled:
        width = _fill_site_number(lines, doc.body_start, edits) or width
    if below:
        if copied is None:
            width = _fill_stated(lines, below[1], edits, level=1, site_titled=site_titled, language=language) or width
        numbered = _fill_front_matter(doc, record, edits, dropped, copied is not None)
        width = width or numbered
    for index, changes in edits.items():
        line = lines[index]
        for start, end, text in sorted(changes, reverse=True):
            line = line[:start] + text + line[end:]
        lines[index] = line
    if copied is not None:
        head = [line for index, line in enumerate(lines[: doc.body_start]) if index not in dropped]
        if doc.body_start < len(lines) and not lines[doc.body_start].strip():
            head.append("")
        return doc.bom + doc.newline.join([*head, copied[0]]), copied[1] or width
    out = [line for index, line in enumerate(lines) if index not in dropped]
    return doc.bom + _DAY_ITEM.sub(r"\1${date}", doc.newline.join(out)) + doc.newline, width


def _in_title_section(lines: list[str], index: int) -> bool:
    """Whether line *index* is under a heading that names the record's title (`## Title`), no other between."""
    above = next((i for i in range(index - 1, -1, -1) if HEADING.match(lines[i])), None)
    heading = HEADING.match(lines[above]) if above is not None else None
    return (heading is not None and heading.group(2) is not None
            and status_words(heading_text(heading)) in TITLE_HEADINGS)


def _status_section_end(lines: list[str]) -> int | None:
    """The index of the last line of a template's Status section that holds its advice alone, None where it holds
    more (or there is none)."""
    start = next((i for i, line in enumerate(lines) if (heading := HEADING.match(line)) and heading.group(2) is not None
                  and heading_label(heading_text(heading)) in STATUS_LABELS), None)
    if start is None:
        return None
    level = len(HEADING.match(lines[start]).group(1))
    end = next((i for i in range(start + 1, len(lines))
                if (below := HEADING.match(lines[i])) and len(below.group(1)) <= level), len(lines))
    held = [i for i in range(start + 1, end) if lines[i].strip()]
    # Only advice (a quote, a comment): a list of choices to tick, or a line to fill, is the team's way to state it.
    return held[-1] if held and all(lines[i].lstrip().startswith((">", "<!--")) for i in held) else None


# A list item that starts with a day's blank in braces: a Changelog's first entry (`* {date}: {changelog}`, Cosmos
# SDK's template and its chains'), which dates the record.
_DAY_ITEM = LazyPattern(r"^([ \t]*[*+-][ \t]+)\{(?:date|yyyy-mm-dd)\}", re.IGNORECASE | re.MULTILINE)


def _fill_stated(lines: list[str], stated: Decision, edits: dict, level: int | None = None,
                 site_titled: bool = False, language: str | None = None, dropped: set[int] | None = None) -> int:
    """Add to *edits* the blanks of the title heading (of *level* only, when given; none where *site_titled* and
    the site fills the heading in), status and date *stated* reads on *lines*; the width of the number the
    title's blank holds. A status asked for in words of no status is written in *language* where given, and the
    list of choices under it is added to *dropped* where given (`_choices_below`)."""
    title = HEADING.match(lines[stated.title_line - 1]) if stated.title_line is not None else None
    if title is not None and level is not None and len(title.group(1)) != level:
        title = None  # read alone, the text below front matter may be titled by its first section: no title
    if title is not None and title.group(2) is not None and site_titled and "{{" in heading_text(title):
        title = None  # the site's words: it fills the page's title in from the folder's list
    width = 0
    if title is not None and title.group(2) is not None and not _blanks_only(heading_text(title)):
        heading, width = _titled(heading_text(title))
        edits[stated.title_line - 1] = [(title.start(2), title.start(2) + len(heading_text(title)), heading)]
    raw = stated.status_raw or ""
    # A choice written with its mark (`[Proposed ❓ | Accepted ✅]`) is written so: the mark says the status too.
    words = status_word("proposed", raw, language) if language and not languages_of(raw) else None
    status = marked_choices(raw).get("proposed") or status_as_written("proposed", stated, words)
    if "![" in raw and stated.status == "proposed":
        status = raw.strip()  # a badge showing proposed (`![Generic badge](.../ADR/proposed/orange/)`), as records do
    first = first_choice(raw.strip())
    if (stated.status or read_status(first)[0]) == "draft" and first.strip("\"'").isalpha():
        # The template's own first status, a draft: the team's records start as drafts (Solana's `Draft`, Couchbase's
        # `[DRAFT | REVIEW | ACCEPTED]`).
        status = first
    if stated.form == MADR and stated.status_line is not None and ":" in lines[stated.status_line - 1]:
        line = lines[stated.status_line - 1]
        parts = _FRONT_VALUE.match(line)
        # A comment after the value (`# proposed | accepted | superseded by ADR-XXXX`) tells the author the choices:
        # it stays, as the team's records keep it.
        value, comment = (parts.group(2), parts.group(3) or "") if parts else (line[line.index(":") + 1 :].strip(), "")
        # A one-word blank quoted (`status: "STATUS"`, `"proposed"`) is filled in its quotes, as the folder's records
        # quote theirs; a quoted list of choices (`"{proposé | rejeté}"`) is no value a record keeps.
        quoted = len(value) > 2 and value[0] == value[-1] and value[0] in "\"'" and value[1:-1].isalpha()
        quote = value[0] if quoted else ""
        status = f"{quote}{status}{quote}" if quote and quote not in status else status
        edits[stated.status_line - 1] = [(line.index(":") + 1, len(line), f" {status}{comment}")]
    elif stated.status_line is not None and stated.status_span is not None and raw.strip() != status:
        start, end = stated.status_span
        if lines[stated.status_line - 1][:start].strip() == ">" and (choices(raw) or raw.rstrip().endswith("?")):
            # `> Proposed, Accepted, Rejected`, `> What is the status?`: the quote marks the template's words to its
            # author; a record states its own.
            start = 0
        edits.setdefault(stated.status_line - 1, []).append((start, end, status))
        if dropped is not None and read_status(raw)[0] not in STATUSES:
            dropped.update(_choices_below(lines, stated.status_line - 1))
    if stated.date_line is not None and "${date}" not in lines[stated.date_line - 1]:
        line = lines[stated.date_line - 1]
        span = stated.date_span or ((line.index(":") + 2, len(line)) if ":" in line else None)
        if span is not None:
            edits.setdefault(stated.date_line - 1, []).append((*span, "${date}"))
    return width


# An item of a list of status choices a template asks the author to keep one of: `* \`Akseptert\``, `- Proposed`.
_CHOICE_ITEM = LazyPattern(r"^[ \t]*[*+-][ \t]+`?([^`\n]{1,40}?)`?[ \t]*$")


def _choices_below(lines: list[str], index: int) -> list[int]:
    """The lines of the list of status choices below line *index* (a template's question for the status), and the
    blank lines above it; none where it has fewer than two items, or fewer than half of them are status words."""
    end = index + 1
    while end < len(lines) and not lines[end].strip():
        end += 1
    items = []
    while end < len(lines) and (found := _CHOICE_ITEM.match(lines[end])) is not None:
        items.append(found.group(1))
        end += 1
    known = sum(read_status(item)[0] in STATUSES for item in items)
    return list(range(index + 1, end)) if len(items) >= 2 and 2 * known >= len(items) else []


# A site template's statement naming the record a page is, in the list (Fuchsia's `{% set rfcid = "RFC-0000" %}`):
# the template's number, all zeros.
_SITE_NUMBER = LazyPattern(r"""^\{%-?[ \t]*set[ \t]+\w+[ \t]*=[ \t]*(["'])[^"'\d]*(0+)\1[ \t]*-?%\}""")


def _fill_site_number(lines: list[str], start: int, edits: dict) -> int:
    """Add to *edits* the number blank of each statement above the first section (*start* the body's first line)
    naming the page's record by the template's number; the width of that number, 0 for none."""
    width = 0
    for index, line in header_lines(lines, start):
        if (named := _SITE_NUMBER.match(line)) is not None:
            edits.setdefault(index, []).append((named.start(2), named.end(2), "${number}"))
            width = len(named.group(2))
    return width


def _below_front_matter(doc, record: Decision) -> tuple:
    """The text below *doc*'s front matter as a document and record of its own, on the lines it has in *doc*."""
    lines = doc.text_lines()
    text = doc.newline.join([""] * doc.body_start + lines[doc.body_start :])
    below = frontmatter.parse(text.encode("utf-8"), doc.path)
    return below, from_document(below, record.path)


# A template that says a decision was taken, under a title with a number, is a record kept as the template.
_DECIDED = frozenset(("accepted", "rejected", "deprecated", "superseded"))


def _kept_record(lines: list[str], record: Decision, below: tuple | None) -> bool:
    """Whether the template *record* (*below* its front matter, if any) is a record kept as the template."""
    stated = below[1] if below else record
    if not {record.status, stated.status} & _DECIDED or stated.title_line is None:
        return False
    title = HEADING.match(lines[stated.title_line - 1])
    span = title_number_span(heading_text(title)) if title is not None and title.group(2) is not None else None
    return span is not None and heading_text(title)[span[0] : span[1]].isdigit()


# A header field's whole value as a blank: in angle brackets (Wagtail's `* RFC: <number>`, `* Last Modified: <date>`),
# in square brackets (`- RFC ID: [number]`), or as the number's digits in hashes (`| **RFC #** | #### |`).
_FIELD_BLANK = LazyPattern(rf"<(?:(?P<number>{NUMBER_WORDS})|(?P<date>date|(?:yyyy|aaaa|jjjj)\b[^<>]*))>"
                           rf"|\[(?P<bracketed>{NUMBER_WORDS})\]|(?P<hashes>#{{3,}})", re.IGNORECASE)


def _fill_header(lines: list[str], start: int, edits: dict, title_line: int | None) -> int:
    """Add to *edits* the number's and day's blanks that the fields of the header (the lines from *start* to the
    first section) hold as their whole value, and the title's where the title is a field's value in brackets
    (`- RFC Name: [Short name]`, on line *title_line*); the rest (`* Author: <name>`) is the author's to fill.
    The width of a number's blank in hashes, 0 for none."""
    width = 0
    for index, line in header_lines(lines, start):
        if not any(mark in line for mark in "<[#"):
            continue
        for _, begin, end, _ in line_fields(line):
            value = line[begin:end]
            blank = _FIELD_BLANK.fullmatch(value)
            if blank is None and index + 1 == title_line and not HEADING.match(line) and (
                    value[:1] + value[-1:] in ("[]", "<>")):
                blank = value
            if blank is None or any(begin < e and b < end for b, e, _ in edits.get(index, ())):
                continue
            if isinstance(blank, str):
                edits.setdefault(index, []).append((begin, end, "${title}"))
            else:
                edits.setdefault(index, []).append((begin, end, "${date}" if blank.group("date") else "${number}"))
                width = len(blank.group("hashes") or "") or width
    return width


# A day not yet written, as a front-matter value: `yyyy-mm-dd`, `{YYYY-MM-DD when ...}`, French `AAAA-MM-JJ`.
_DAY_BLANK = LazyPattern(r"""^["'{\[<]?(?:yyyy|aaaa|jjjj)\b""", re.IGNORECASE)
# A front-matter line's key and colon, its value, and a comment after it.
# Each part is taken once and whole (`*+`, `(?>...)`): a long line of spaces is read in one pass.
_FRONT_VALUE = LazyPattern(r"""^([^\s#:][^:]*:[ \t]*+)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'"""
                           r"""|(?>(?:[^# \t]|[ \t]++(?!#))*))((?:(?<=[ \t])|[ \t]+)#.*)?$""")


def _fill_front_matter(doc, record: Decision, edits: dict, dropped: set[int], kept: bool) -> int:
    """Add to *edits* the blanks of *doc*'s front matter besides the status and date *record* reads: its
    title, a number's blank (Solana's `simd: 'XXXX'`), each day (a blank, or the day the template itself was
    written: `created: 2025-11-25`) as the new record's, a value written as the number its file name has as the
    new record's number (a site's menu order, `nav_order: 0000` in `0000-modele-adr.md`; a page's id after its label,
    `id: adrs-adr000` in `adr000-template.md`), its relations as no
    relation (their lines after the first to *dropped*); and where the template is a record *kept*, every other
    value emptied. The width of the number, 0 when there is none."""
    lines = doc.text_lines()
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    own = _OWN_NUMBER.match(record.path.name)
    width = 0
    for key, value in meta.items():
        span = frontmatter.key_span(doc, key) if isinstance(key, str) and value is not None else None
        if span is None or span[0] + 1 in (record.status_line, record.date_line):
            continue
        start, end = span
        line = lines[start]
        found = _FRONT_VALUE.match(line)
        if key.lower() == "title" and isinstance(value, str) and found:
            quote = found.group(2)[:1] if found.group(2)[:1] in "'\"" else ""
            if kept:
                blanks = _kept_title(value)[0]
            elif _blanks_only(value) and not _TITLE_BLANK.match(value):
                blanks = None
            else:  # its number's blank too (Backstage's `title: ADR000: [TITLE]`)
                blanks, digits = _titled(value)
                width = digits or width
            if blanks is not None:
                edits[start] = [(found.start(2), found.end(2), f"{quote}{blanks}{quote}")]
        elif found and (_DAY_BLANK.match(found.group(2)) or _is_day(value)):
            edits[start] = [(found.start(2), found.end(2), "${date}")]
        elif found and not kept and isinstance(value, str) and _NUMBER_BLANK.fullmatch(value):
            at = found.start(2) + found.group(2).index(value)  # inside its quotes: `'0500'`
            edits[start] = [(at, at + len(value), "${number}")]
            width = len(value)
        elif found and own is not None and found.group(2) == own.group(1):
            edits[start] = [(found.start(2), found.end(2), "${number}")]
            width = len(own.group(1))
        elif (found and own is not None and isinstance(value, str) and not own.group(1).strip("0")
              and (named := re.search(rf"(?:(?<=[A-Za-z])|(?<=[A-Za-z][-_])){own.group(1)}(?!\d)", found.group(2)))):
            # The template's number after a label, naming the page by it (Backstage's `id: adrs-adr000`).
            edits[start] = [(found.start(2) + named.start(), found.start(2) + named.end(), "${number}")]
            width = len(own.group(1))
        elif keyed_relation(key) or key.lower() == "links" or kept:
            # A template's relations are examples (`replaces: ["/docs/proposals/20181231-replaced-proposal.md"]`).
            empty = "[]" if isinstance(value, list) or not kept else "{}" if isinstance(value, dict) else ""
            edits[start] = [(0, len(line), f"{line[: line.index(':') + 1]} {empty}".rstrip())]
            dropped.update(range(start + 1, end))
    return width


# A number not yet given, as a front-matter value: `XXXX`, `NNNN`.
_NUMBER_BLANK = LazyPattern(r"[xX]{2,}|[nN]{3,}")
_OWN_NUMBER = LazyPattern(r"[A-Za-z]*[-_]?(\d+)")  # a template's number in its name: `0000-template`, `adr000-template`


def _kept_title(title: str, number: int | None = None) -> tuple[str, int]:
    """A record's *title* as a new record's: its number `${number}` (*number*, the record's, also after its
    project's name: `EWC RFC012: Title`), its words `${title}`; and the width of its number (0: none)."""
    span = title_number_span(title)
    words = split_title(title)[1]
    if span is None and (own := project_number(title, number)) is not None:
        span, words = own[:2], title[own[2] :]
    if words.startswith("[") and words.endswith("]") and words.count("[") == 1 and words.count("]") == 1:
        words = words[1:-1]  # `# [ADR-004][REST API in Python]`: the brackets are the form's, the words the title
    at = title.rfind(words)
    blanks = title[:at] + "${title}" + title[at + len(words) :]
    if span is None:
        return blanks, 0
    return blanks[: span[0]] + "${number}" + blanks[span[1] :], span[1] - span[0]


# A template's title that is its words alone once its own name is taken out (`# ADR テンプレート`), perhaps
# after a blank for the record's label (Primer's `# [ADR] Title of the Architectural Decision Record`).
_BARE_TITLE = LazyPattern(r"^(#{1,6}[ \t]+)(\[(?:ADR|RFC)\][ \t]*)?\$\{title\}[ \t]*$", re.MULTILINE)


def numbered_like_records(text: str, width: int, records: list[Decision], docs: dict) -> tuple[str, int]:
    """*text*, a team template titled by its words alone, with the title written as most of the folder's
    *records* (read from *docs*) write theirs with their own number (`# ADR-0001: ...`); and the number's width:
    *width*, the template's, else the one most of the records' titles write (`# ADR {ADR-NUMBER}: ...` beside
    `# ADR 011: ...` gives 3)."""
    found = _BARE_TITLE.search(text) if "${number}" not in text else None
    forms, labels = Counter(), 0
    for record in records if found or "${number}" in text and not width else ():
        lines = docs[record.path].text_lines() if record.path in docs and record.title_line else ()
        heading = HEADING.match(lines[record.title_line - 1]) if lines else None
        labels += heading is not None and heading_text(heading).startswith(("[ADR]", "[RFC]"))
        if heading is not None and heading.group(2) is not None and record.number is not None:
            blanks, digits = _kept_title(heading_text(heading))
            if "${number}" in blanks:
                forms[blanks, digits] += 1
    (blanks, digits), count = forms.most_common(1)[0] if forms else (("", 0), 0)
    if not forms or 2 * count <= len(records):
        # No form most of them write: a label's blank is left out where the records do not write it as it stands
        # (`# [ADR] Prefer slots`), the title its words (`# Use a queue`).
        unlabelled = found is not None and found.group(2) and 2 * labels <= len(records)
        if unlabelled:
            text = text[: found.start()] + found.group(1) + "${title}" + text[found.end() :]
        return text, width
    if found is None:
        return text, digits
    return text[: found.start()] + found.group(1) + blanks + text[found.end() :], digits


def titled_like_records(text: str, records: list[Decision], docs: dict) -> tuple[str, int]:
    """*text*, decisionbook's own template, with a `title:` first in its front matter where most of the folder's
    *records* (read from *docs*) give theirs one, written as theirs are (`title: "ADR-0002: Protect main"`): a
    documentation site's pages are titled so, and its menus show nothing without one. With the width of the
    number that title writes, 0 for none. A template without front matter (MADR 2's) is given one; its title
    heading is left out where most of the records have none: the site shows the front matter's title, and
    would show it twice (ownCloud's pages)."""
    head = text.split("\n---", 1)[0] if text.startswith("---\n") else None
    if head is not None and re.search(r"(?m)^title[ \t]*:", head):
        return text, 0
    forms, headed = Counter(), 0
    for record in records:
        doc = docs.get(record.path)
        title = doc.meta.get("title") if doc is not None and isinstance(doc.meta, dict) else None
        if isinstance(title, str) and title.strip():
            line = next((line for line in doc.text_lines()[: doc.body_start] if line.startswith("title:")), "")
            quote = line[len("title:") :].strip()[:1]
            forms[(*_kept_title(title.strip(), record.number), quote if quote in ("'", '"') else "")] += 1
        headed += doc is not None and any(line.startswith("# ") for line in doc.text_lines()[doc.body_start :])
    (blanks, digits, quote), count = forms.most_common(1)[0] if forms else (("", 0, ""), 0)
    if 2 * count <= len(records) or "${title}" not in blanks:
        return text, 0
    if head is None:
        body = _TITLE_LINE.sub("", text, count=1) if 2 * headed <= len(records) else text
        return f"---\ntitle: {quote}{blanks}{quote}\n---\n\n{body}", digits
    return f"---\ntitle: {quote}{blanks}{quote}\n{text[4:]}", digits


_TITLE_LINE = LazyPattern(r"\A# \$\{title\}\n+")


# A page's place in a documentation site's menu, as a front-matter number: Docusaurus' `sidebar_position`, Hugo's
# `weight`, just-the-docs' `nav_order`.
_MENU_PLACE = LazyPattern(r"^(sidebar_position|weight|nav_order)(:[ \t]*)(\d+)([ \t]*)$", re.MULTILINE)


def placed_after_records(text: str, records: list[Decision], docs: dict) -> str:
    """*text*, a new record from a team template, placed in its site's menu after the folder's *records* (read from
    *docs*): a menu place in its front matter that is a number, one past the largest of theirs. The template's own
    (`sidebar_position: 2`, below the folder's index page) would put it among them. Records that all take one place
    (`sidebar_position: 1`) are ordered by their names: the template's is kept."""
    end = text.find("\n---", 3) if text.startswith("---") else -1
    found = _MENU_PLACE.search(text, 0, end) if end > 0 else None
    if found is None:
        return text
    places = [meta.get(found.group(1)) for record in records
              if isinstance(meta := getattr(docs.get(record.path), "meta", None), dict)]
    places = [place for place in places if isinstance(place, int) and not isinstance(place, bool)]
    if len(set(places)) < 2 or int(found.group(3)) > max(places):
        return text
    return text[: found.start(3)] + str(max(places) + 1) + text[found.end(3) :]


def site_keys_like_records(text: str, records: list[Decision], docs: dict) -> str:
    """*text*, a new record from decisionbook's own template, with the documentation site's keys that every one
    of the folder's *records* (read from *docs*) holding YAML front matter writes alike (`layout: default`,
    `parent: Architecture decisions`, as written), a key naming each one's own file as the new record's (`${name}`),
    and a menu place one past the largest of theirs where each has one: just-the-docs lists a page under its
    parent only when it names one. Needs two such records, and more than half of *records*; keys the reader takes
    for the record's own fields are the template's."""
    pages = [(doc, record.path.name) for record in records if (doc := docs.get(record.path)) is not None
             and doc.has_front_matter and not doc.is_toml and isinstance(doc.meta, dict)]
    fronted = [doc for doc, _ in pages]
    if len(fronted) < 2 or 2 * len(fronted) <= len(records):
        return text
    head = text.split("\n---", 1)[0] if text.startswith("---\n") else ""
    newest, added = fronted[-1], []
    for key in newest.meta:
        if not isinstance(key, str) or read_as_field(key) or re.search(rf"(?m)^{re.escape(key)}[ \t]*:", head):
            continue
        spans = [frontmatter.key_span(doc, key) for doc in fronted]
        if None in spans:
            continue
        written = ["".join(line.rstrip("\r\n") + "\n" for line in doc.lines[start:end])
                   for doc, (start, end) in zip(fronted, spans)]
        places = [doc.meta.get(key) for doc in fronted]
        if _MENU_PLACE.fullmatch(written[-1].rstrip("\n")) and all(type(p) is int for p in places) \
                and len(set(places)) > 1:
            added.append(f"{key}: {max(places) + 1}\n")
        elif all(place == name for place, (_, name) in zip(places, pages)):
            added.append(f"{key}: ${{name}}\n")  # the page's own file, for the site's edit link (`geekdocFilePath`)
        elif len(set(written)) == 1:
            added.append(written[0])
    if not added:
        return text
    if not head:
        # A front matter of its own, apart from the heading as the newest record's is.
        after = newest.lines[newest.fm_end + 1 : newest.fm_end + 2]
        return f"---\n{''.join(added)}---\n{'' if after and after[0].strip() else chr(10)}{text}"
    title = re.search(r"(?m)^title[ \t]*:.*\n", text[: len(head) + 1])
    at = title.end() if title else 4
    return text[:at] + "".join(added) + text[at:]


def _is_day(value) -> bool:
    return isinstance(value, _dt.date) or isinstance(value, str) and is_iso_day(value)


_PEOPLE_KEYS = frozenset((*MAKER_KEYS, "consulted", "informed"))
_BRACED_VALUE = LazyPattern(r"^([ \t]*[^\s:#][^:#\n]*:[ \t]*)(\{[^\n]*\})[ \t]*$", re.MULTILINE)


_PLACEHOLDER = LazyPattern(r"\$\{(number|title|date|name)\}")
# A line of YAML front matter that holds one value: its key or list dash, the value, a comment or spaces after it.
# Each part is taken once and whole (`++`, `(?>...)`): a long line of spaces is read in one pass.
_YAML_VALUE = LazyPattern(r"""^([ \t]*+(?:-[ \t]++)?(?:[A-Za-z0-9_][\w.-]*|"[^"]*"|'[^']*'):[ \t]++|[ \t]*+-[ \t]++)"""
                          r"""("(?:\\.|[^"\\])*"|'(?:''|[^'])*'|(?>(?:[^# \t]|[ \t]++(?=[^# \t]))*))"""
                          r"""((?:(?:(?<=[ \t])|[ \t]+)#.*)?[ \t]*+)$""")


def fill_blanks(text: str, values: dict[str, str]) -> str:
    """*text* with each blank (`${title}`) filled from *values*, in one pass. In YAML front matter the title,
    words a user typed, is written so that YAML reads it back as typed: on its own as frontmatter.scalar
    writes a value, in the template's quotes escaped as they need, among other words the whole value quoted."""
    lines = text.splitlines(keepends=True)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    if not lines or lines[0].rstrip() != "---":
        end = 0
    if "${title}" not in "".join(lines[1:end]):  # no title in front matter: nothing is YAML to write
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
    filled, block = [], None  # block: the indentation of a block scalar's key (`notes: |`); its text is as written
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        indent = len(body) - len(body.lstrip(" "))
        found = None
        if 0 < index < end and (block is None or body.strip() and indent <= block):
            found = _YAML_VALUE.match(body)
            block = indent if found and found.group(2)[:1] in ("|", ">") else None
        if found and "${title}" in found.group(2):
            filled.append(found.group(1) + _yaml_value(found.group(2), values) + found.group(3) + line[len(body) :])
        else:
            filled.append(_PLACEHOLDER.sub(lambda m: values[m.group(1)], line))
    return "".join(filled)


def _yaml_value(value: str, values: dict[str, str]) -> str:
    """The YAML *value* of a template's front matter, its blanks filled and its title read back as typed."""
    title = frontmatter.scalar(values["title"])
    if value[:1] == "'":
        words = values["title"].replace("'", "''")
    elif value[:1] == '"':
        words = title[1:-1] if title[:1] == '"' else title
    elif value[:1] in ("[", "{"):
        words = title
    else:
        return frontmatter.scalar(_PLACEHOLDER.sub(lambda m: values[m.group(1)], value))
    return _PLACEHOLDER.sub(lambda m: words if m.group(1) == "title" else values[m.group(1)], value)


def front_matter_blanks(text: str) -> str:
    """*text* with each front-matter value that is a placeholder in braces quoted, as MADR 3's template
    writes them bare (`status: {proposed | ... | superseded by [ADR-0005](0005-example.md)}`), which YAML
    cannot read, and the people's lists empty; the rest of the template is kept as written."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text

    import json  # only for a template with bare placeholders: every `adr new` would compile its patterns

    def blank(match: re.Match) -> str:
        key = match.group(1).strip().rstrip(":").strip().lower()
        key = FRONT_MATTER_ALIASES.get(key, key)
        # Who decides, is consulted or informed is named in each record: an empty list, not the template's words.
        value = "[]" if key in _PEOPLE_KEYS else json.dumps(match.group(2), ensure_ascii=False)
        return match.group(1) + value

    return _BRACED_VALUE.sub(blank, text[:end]) + text[end:]


def adr_tools_blanks(text: str) -> str:
    """*text* with adr-tools' blanks (`NUMBER`, `TITLE`, `DATE`, `STATUS`) as decisionbook's placeholders; a
    blank a team's template writes in brackets or between percent signs is them too (`# [NUMBER] [TITLE]`,
    `[DATE PROPOSED]`, `# ADR-%%NUMBER%%: %%TITLE%%`)."""
    return re.sub(r"\[(NUMBER|TITLE|DATE|STATUS)\b[A-Z ]*\](?!\()|%%(NUMBER|TITLE|DATE|STATUS)%%"
                  r"|\b(NUMBER|TITLE|DATE|STATUS)\b",
                  lambda m: _ADR_TOOLS_BLANKS[m.group(1) or m.group(2) or m.group(3)], text)


_COPIED = (BOLD, FIELD, TABLE, HTML)
_HTML_TABLE_TAGS = ("<table", "</table", "</td>")
_RULE = LazyPattern(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # a Markdown thematic break: `---`, `***`, `* * *`


def _adr_tools_title(record: Decision) -> bool:
    """Whether *record*'s title heading is written as adr-tools writes it: `# 12. Title`."""
    try:
        line = record.path.read_text(encoding="utf-8").splitlines()[record.title_line - 1]
    except (OSError, UnicodeDecodeError, IndexError, TypeError):
        return True
    return re.match(r"#\s+\d+\.\s", line) is not None


def _numbered_title(record: Decision) -> bool:
    """Whether *record*'s title heading carries its number (`# PDEP-6: Title`, `# 6. Title`)."""
    try:
        line = record.path.read_text(encoding="utf-8").splitlines()[record.title_line - 1]
    except (OSError, UnicodeDecodeError, IndexError, TypeError):
        return False
    heading = HEADING.match(line)
    if heading is None:
        return is_rst(record.path) and title_number_span(line.strip()) is not None  # a title over its underline
    return title_number_span(heading_text(heading)) is not None


def _names_a_relation(label: str) -> bool:
    return label in REVERSE or label.endswith(" by") or SYNONYMS.get(label) == "superseded"  # `Ersetzt:`


def _parts(doc) -> dict[str, str]:
    """The labels of *doc*'s sections (level 2 and below, `#` before each, with their heading lines) and
    of the fields above its first section (with themselves)."""
    labels, title, sections = {}, False, False
    lines = doc.text_lines()
    prose = set(outside_code(lines))  # a heading shown in a code block is no section
    for index, line in enumerate(lines):
        heading = HEADING.match(line) if line.startswith("#") and index in prose else None
        if heading is not None and len(heading.group(1)) == 1 and not title:
            title = True  # the title; a folder may write its sections at level 1 too (`# Context`)
        elif heading is not None:
            sections = True
            labels.setdefault("#" + heading_label(heading_text(heading)), line.rstrip())
        elif not sections and ":" in line:
            labels.update((label, label) for label, *_ in line_fields(line))
    return labels


def copied_template(doc, record: Decision, others=(), status: str = "proposed",
                    words: str | None = None) -> tuple[str, int] | None:
    """A template that writes a new record as *record* (read from *doc*) is written, and the width of
    the number in its title; None when it cannot be copied (front matter, a title heading without words). A
    record titled by its file name alone is copied without a title heading.

    The title's number and words become `${number}` and `${title}`, the status *status* in *words* (the
    folder's word for it) or in the record's language, its date `${date}`; other fields above the first section
    keep their labels without their values, and each section its heading without its text. Nothing else is
    copied: no relation, approval or decision. With two or more *others* (the folder's other recent records, as
    documents), a section or field that most of them lack was that record's own and is left out
    (`## Authentication`, `RFC:`)."""
    if doc.has_front_matter:
        return None
    rst = is_rst(record.path)
    # A record that says no status is copied by its date line: a status line written as it, below it; one that
    # says neither, as it is: a folder whose records state neither.
    statusless = record.form == UNKNOWN and record.date_line is not None and record.date_span is not None
    bare = record.form == UNKNOWN and record.status_line is None and record.date_line is None
    if not statusless and not bare and (record.status_line is None or record.status_span is None):
        return None
    lines = doc.text_lines()
    # A record without a title heading (its title its file name's words, as DependencyTrack's) is copied without one.
    title_index = record.title_line - 1 if record.title_line is not None else doc.body_start
    title = HEADING.match(lines[title_index]) if record.title_line is not None else None
    # A title underlined with `---` or `===` (Erlang's EEPs: `EEP 49: Title` over `----`, under a `****` rule) is
    # copied so, and so are the sections underlined below it.
    underlined = (underlined_headings(lines, doc.body_start, rst)
                  if title is None and record.title_line is not None else {})
    setext = title_index + 1 in underlined
    if record.title_line is not None and not setext and (title is None or title.group(2) is None):
        return None
    heading, width = (_kept_title(heading_text(title), record.number) if title is not None
                      else _kept_title(lines[title_index].strip()) if setext else ("", 0))
    kept_lines = {at for under, (_, _, first) in underlined.items() if under > title_index + 1
                  for at in range(first, under + 1)}
    spans = {}
    if not statusless and not bare:
        words = marked_as(record.status_raw or "", status_as_written(status, record, words))  # `✅ **승인됨**`: `**제안됨**`
        spans[record.status_line - 1] = [(*record.status_span, words)]
    if record.status_again is not None and lines[record.status_again[0] - 1].startswith("#"):
        # A heading that states the status again (`### Status: Aceito` in a record's second language) says a new
        # record's too, in its own words.
        again, start, end = record.status_again
        spans[again - 1] = [(start, end, restated("proposed", lines[again - 1][start:end]))]
    if record.date_line is not None and record.date_span is not None:
        spans.setdefault(record.date_line - 1, []).append((*record.date_span, "${date}"))
    # In reStructuredText `##` starts no section: it may be a heading's underline.
    first_section = next((i for i, line in enumerate(lines) if i >= title_index and line.startswith("##") and not rst
                          or i in kept_lines), len(lines))
    parts = [_parts(other) for other in others]
    counts = Counter(label for labels in parts for label in labels)
    # Of the record's own sections and fields, those no other record has are left out; of the others',
    # those most of them have and it lacks are added.
    seen = set(counts) if len(others) >= 2 else None
    shared = {label for label, count in counts.items() if 2 * count > len(others)} if len(others) >= 2 else set()
    copied: set[str] = set()
    placed: dict[str, int] = {}  # the line of `out` each section copied is headed on
    out: list[str] = []
    prose = set(outside_code(lines))
    left_out = 7  # the level of the last section left out: the sections within it are left out with it
    for index, line in enumerate(lines):
        if index >= first_section and index not in prose:
            continue  # what the record shows in a code block (a record's form, headings and all) is its own text
        section = HEADING.match(line) if line.startswith("#") and index > title_index else None
        if section is not None:
            if len(section.group(1)) > left_out:
                # `#### Pros` under an option of that record's (`### 1. Next.js`), nor added back from the others
                copied.add("#" + heading_label(heading_text(section)))
                continue
            left_out = 7
        if title is not None and index == title_index:
            line = line[: title.start(2)] + heading
        elif setext and index == title_index:
            line = heading
        elif setext and (index == title_index + 1 or index in kept_lines or index < title_index and adornment(line)):
            pass  # the title's underline, an underlined section's heading, the rule above the title
        elif line.startswith("#") and index not in spans:
            section = HEADING.match(line)
            label = "#" + heading_label(heading_text(section)) if section is not None else ""
            if seen is not None and section is not None and label not in seen and label[1:] not in META_HEADINGS:
                left_out = len(section.group(1))
                continue  # a section only this record has
            copied.add(label)
            line = _label_only(line, label, parts)
            placed[label] = len(out)  # the line it is written on, below
        elif (seen is not None and index not in spans and index < first_section and ":" in line
              and (fields := line_fields(line)) and not any(label in seen for label, *_ in fields)):
            continue  # a field only this record has
        elif index < first_section and line.lstrip().startswith("|") and (
                DELIMITER_ROW.match(line) or index + 1 < len(lines) and DELIMITER_ROW.match(lines[index + 1])):
            pass  # a table's header or delimiter row
        elif index < first_section and (cell := html_row_value(line)) is not None:
            # A row of an HTML table of fields (conda's CEPs): its value cell empty, but a new record's status and date.
            for start, end, text in sorted(spans.get(index) or [(*cell, "")], reverse=True):
                line = line[:start] + text + line[end:]
        elif index < first_section and line.lstrip().lower().startswith(_HTML_TABLE_TAGS):
            pass  # the table's own tags, and the cell a value on lines of its own closes with
        elif index in spans or index < first_section and line.strip() and (fields := line_fields(line)):
            if index not in spans and all(map(_names_a_relation, (label for label, *_ in fields))):
                continue  # a relation of that record's, not a field of every record
            # The status and date as a new record has them; other fields above the sections without values.
            edits = spans.get(index, [])
            if record.form in (NYGARD, BULLETS) and index == record.status_line - 1:
                # A Status section's line or bullet ends with its status (and day): the note after them was that
                # record's (`- Status: Accepted. Supersedes [PDEP-10](...)`).
                end = max(end for _, end, _ in edits)
                line = line[: end + len(re.match(r"[)）*_`\]]*", line[end:]).group())]
            fields = line_fields(line)
            if index >= 2 and column_fields(lines, index - 2):  # the row of a table whose header row names its fields
                fields = [("", start, end, TABLE) for start, end in _cell_words(line)]
            edits += [(start, end, "") for _, start, end, _ in fields
                      if not any(start < e and s < end for s, e, _ in edits)]
            for start, end, text in sorted(edits, reverse=True):
                line = line[:start] + text + line[end:]
        elif not rst and index < first_section and _RULE.match(line):
            pass  # the rule the record draws between its title, its fields and its sections: the folder's layout
        elif rst and index < first_section and line.strip() == "::":
            pass  # the marker of the literal block the fields are shown in: without it they read as a quotation
        elif line.strip():
            continue  # what the record says, which a new one does not
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line.rstrip() if not line.strip() else line)
        if statusless and index == record.date_line - 1:
            out += _status_like(lines, index, record.date_span)
    # Sections most of the folder's records have and this one lacks (its `## Decision`), as they write them, where
    # they write them: before the first of the sections after it in theirs that is copied, else at the end.
    for labels in parts:
        order = [label for label in labels if label.startswith("#")]
        for at, label in enumerate(order):
            if label not in shared or label in copied:
                continue
            line = _label_only(labels[label], label, parts)
            before = next((placed[later] for later in order[at + 1 :] if later in placed), None)
            if before is None:
                out += ["", line] if out and out[-1].strip() else [line]
                placed[label] = len(out) - 1
            else:
                added = [line, ""] if not out[before - 1].strip() else ["", line, ""]
                out[before:before] = added
                placed = {other: (where + len(added) if where >= before else where) for other, where in placed.items()}
                placed[label] = before + added.index(line)
            copied.add(label)
    return doc.newline.join(out).rstrip("\r\n") + doc.newline, width


def _label_only(line: str, label: str, parts: list[dict[str, str]]) -> str:
    """A heading *line* a new record copies: without the words after its label's colon that the folder's records
    word each their own way (`### Option A: A flag, on by default (CHOSEN)` gives `### Option A`)."""
    if ":" not in line or sum(line != labels.get(label, line) for labels in parts) == 0:
        return line
    return line[: line.index(":", len(line) - len(line.lstrip("#")))].rstrip()


def _cell_words(row: str) -> list[tuple[int, int]]:
    """[start, end) of the words of each cell of the table *row* (`| Accepted | 2025-01-07 | @ana |`)."""
    bars = [at for at, char in enumerate(row) if char == "|"]
    words = []
    for left, right in zip(bars, bars[1:]):
        text = row[left + 1 : right]
        if text.strip():
            start = left + 1 + len(text) - len(text.lstrip())
            words.append((start, start + len(text.strip())))
    return words


def _status_like(lines: list[str], index: int, span: tuple[int, int]) -> list[str]:
    """A `Proposed` status written as the date on line *index* (its value at columns *span*) is: a line
    with its label and marks (`**Date:** 2020-02-20` gives `**Status:** Proposed`, `| Date | x |` gives
    `| Status | Proposed |`), or a section after a `## Date` one."""
    line = lines[index]
    start, end = span
    label = re.search(r"[^\W\d_][^\W\d_ ]*(?:[ ][^\W\d_]+)*", line[:start])
    if label is not None:
        name = "STATUS" if label.group().isupper() else "Status"
        rest = line[end:].rstrip()
        rest = rest[: rest.index("|") + 1] if "|" in rest else rest  # a table row's cell closes; other cells stay
        return [line[: label.start()] + name + line[label.end() : start] + "Proposed" + rest]
    heading = next((HEADING.match(text) for text in reversed(lines[:index]) if text.strip()), None)
    if heading is not None:
        return ["", f"{heading.group(1)} Status", "", "Proposed"]
    return ["Status: Proposed"]


_DAY_PART = LazyPattern(r"(?<!\d)(?:0\d|\d)(?!\d)")


def day_example(written: str, others: list[str | None]) -> str:
    """The date to write a new record's day as: *written*, the copied record's, unless its numbers do not show
    whether a day or month is padded (`11-Oct-2021`) and one of *others*, the folder's other records' dates, written
    alike does (`02-Feb-2020`). Only the date: not a note after it (`2025.12.30 (PR #66 참고)`)."""
    written = _the_date(written)
    if _DAY_PART.search(written):
        return written
    shape = _DATE_SHAPE.sub(_shape_of, written)
    return next((_the_date(other) for other in others if other and _DAY_PART.search(_the_date(other))
                 and _DATE_SHAPE.sub(_shape_of, _the_date(other)) == shape), written)


def _the_date(text: str) -> str:
    found = find_date(text)
    return text[found[1] : found[2]] if found is not None else text


_DATE_SHAPE = LazyPattern(r"\d+|[^\W\d_]+")


def _shape_of(part: re.Match) -> str:
    return "9" if part.group()[0].isdigit() else "a"  # `Feb` and `Oct` alike, `02` and `11` alike


def _digits(name: str, prefix: str) -> str:
    """The number of a numbered record's file name as written: `0012` in `ADR-0012-x.md`."""
    rest = name[len(prefix) :]
    return rest[: len(rest) - len(rest.lstrip("0123456789"))]


def _extension(names: list[str]) -> str:
    # A site built with Middleman (GOV.UK's tech docs) renders `0013-x.html.md` as a page and leaves `0013-x.md` out.
    return _most(Counter("html.md" if name.endswith(".html.md") else name.rsplit(".", 1)[-1] for name in names), "md")
