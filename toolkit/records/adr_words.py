"""What the words of an ADR mean: file names, status phrases, dates and numbered titles."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

STATUSES = ("draft", "proposed", "accepted", "rejected", "deprecated", "superseded")


class LazyPattern:
    """A regular expression compiled on first use: listing records from the parse cache never
    pays for the patterns only parsing needs."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        method = getattr(re.compile(*self._args), name)
        setattr(self, name, method)  # later lookups find the compiled method directly
        return method


# A Markdown ATX heading: its hashes and its text; `heading_text` leaves out closing hashes. The text
# ends at a character that is no space, so no line of spaces makes the match try every split of it.
HEADING = LazyPattern(r"^(#{1,6})[ \t]+(.*\S)?[ \t]*$")


def heading_text(match: re.Match) -> str:
    """The text of a HEADING match, without the hashes that close it (`## Status ##`)."""
    return (match.group(2) or "").rstrip("#").rstrip()


# The line under (and over) a heading's text in reStructuredText, and under it in Markdown (`===`, `---`).
_ADORNMENT = LazyPattern(r"^([=\-~^\"'`#*+:._<>!$%&,;?@|/\\])\1{2,}[ \t]*$")
# A rule of stars or underscores ends what is above it, so text under one is a heading's (Erlang's EEPs:
# `****`, then `EEP 49: Title` over `----`).
_STAR_RULE = LazyPattern(r"^ {0,3}([*_])(?:[ \t]*\1){2,}[ \t]*$")
_NOT_HEADING_TEXT = LazyPattern(r"^(?:[ \t]|[*+-][ \t]|\d+[.)][ \t]|#{1,6}(?:[ \t]|$)|>|\||```|~~~|<!--)")


def adornment(line: str) -> bool:
    """Whether *line* is a line of one symbol, as under (or over) a heading's text."""
    return _ADORNMENT.match(line.rstrip("\r\n")) is not None


def is_rst(path) -> bool:
    """Whether the file at *path* (a Path, or None) is reStructuredText."""
    return path is not None and str(path).lower().endswith(".rst")


def underlined_headings(lines: list[str], start: int, rst: bool) -> dict[int, tuple[int, str, int]]:
    """The headings written as text with a line of one symbol under it (and, in reStructuredText, over
    it), from index *start* on: {index of the line under the text: (level, text, index of the first line)}.

    In Markdown `===` makes level 1 and `---` level 2 (a list item, quote or table row is no heading's
    text). In reStructuredText the first heading is the title, at level 1, and each style (symbol, and
    whether it is also over the text) takes the next level in the order the file first uses it after
    the title, so a title underlined as its sections are stands above them all the same.
    """
    found: dict[int, tuple[int, str, int]] = {}
    styles: list[tuple[str, bool]] = []
    title = None
    index = start + 1
    while index < len(lines):
        under = lines[index]
        if not under or _ADORNMENT.match(under) is None:
            index += 1
            continue
        text = lines[index - 1]
        first = index - 1
        if not text.strip() or _ADORNMENT.match(text) or (not rst and _NOT_HEADING_TEXT.match(text)):
            index += 1
            continue
        symbol = under[0]
        over = first > start and lines[first - 1].rstrip() == under.rstrip()
        if rst and over:
            first -= 1
        elif rst and text[:1] in " \t":
            index += 1
            continue
        elif not rst and (symbol not in "=-" or first > start and lines[first - 1].strip()
                          and not _STAR_RULE.match(lines[first - 1])):
            index += 1  # a paragraph's last line above `---` is text over a rule, in all we read
            continue
        if rst:
            style = (symbol, over)
            if title is None:
                title, level = style, 1
            else:
                if style not in styles:
                    styles.append(style)
                level = 2 + styles.index(style)
        else:
            level = 1 if symbol == "=" else 2
        found[index] = (level, text.strip(), first)
        index += 2
    return found


RECORD_EXTENSIONS = ("md", "markdown", "qmd", "rst")
# Records written in a form decisionbook does not read: named by `decide check`, their numbers taken.
UNREAD_EXTENSIONS = {"adoc": "AsciiDoc", "asciidoc": "AsciiDoc", "mdx": "MDX"}


def unread_record(name: str, extension_less: bool = False) -> tuple[str, str] | None:
    """(what it is, the name read as a Markdown record's) for a file named as a record in a form
    decisionbook does not read, `0001-x.adoc` or `0001-x.mdx`, and with *extension_less* (the name
    is a file's, not a folder's) `ADR002-use-notify`: a number and a slug but no extension."""
    stem, dot, extension = name.rpartition(".")
    if dot and extension.lower() in UNREAD_EXTENSIONS:
        kind = UNREAD_EXTENSIONS[extension.lower()]
    elif extension_less and not dot and not name.startswith("."):
        kind, stem = "extension-less", name
    else:
        return None
    match = RECORD_FILE.match(stem + ".md")
    return (kind, stem + ".md") if match and (kind != "extension-less" or match.group(4)) else None


# A record file: an optional prefix that names a record (`ADR-`, `adr_`, `TEAM-ADR-`, `RFC-`, `oep-`, or
# `adr` itself: `adr001-x.md`), a number of any width, then a slug, ending .md, .markdown or .rst. Other
# words before a number are a slug (`cms-10.md`, `comparison-with-pr-3160.md`), not a record numbered 10.
# log4brains names files by date instead (`20210304-slug.md`), as do teams that write the date as ISO
# does (`2021-03-04-slug.md`). An enhancement or improvement proposal's name in capitals is such a
# prefix too (`KEEP-0371-x.md`, `CIP-0001-x.md`, `TEP-0002-x.md`, Cilium's feature proposals `CFP-22215-x.md`),
# in capitals, or in small letters before a zero-padded number (`cep-0001.md`, `sep-0004.md`) or a number that
# ends the name (Ethereum's `eip-1.md`, Pulsar's `pip-190.md`; `step-2-x.md` is a slug). An issue's number after
# `#` names a record titled after it (Windows Terminal's specs: `#2046 - Command Palette.md`). So do a team's
# own short words in small letters before a number zero-padded to three digits or more that a slug follows
# (CaenCamp's `ccc-jb-001-x.md`), as a slug seldom holds such a number; `ADR-CFR-001-x.md` is a series of its own.
# GitBook names a page titled `Nr. 001: Title` `nr.-001-title.md`.
_PROPOSAL = r"(?-i:[A-Z]{1,3}(?:EP|IP|FP))"
RECORD_FILE = re.compile(
    rf"^((?:[A-Za-z]+[-_])*(?:adrs?|rfc|dr|oep|decision|record|nr\.|{_PROPOSAL}"
    r"|(?-i:[a-z]{1,3}(?:ep|ip))(?=[-_]?(?:0\d|\d+\.(?:md|markdown|qmd|rst)$)))[-_]?|#(?=\d+ )"
    r"|(?-i:(?!adr|rfc)[a-z]{1,4}[-_]){1,3}(?=0\d{2,}[-_.][^/\\])|)(\d+)"
    r"(?:([-_. ])([^/\\]*?))?\.(md|markdown|qmd|rst)$",
    re.IGNORECASE | re.ASCII,
)
# A name shaped as a date names a dated record, a day that does not exist too (`2025-13-40-x.md`, a
# typo): read as the number 2025 it would make the folder a numbered one (`dated_name_problem` says so).
# The slug follows a hyphen, an underscore (`20160720_backup.md`, CockroachDB), a point (`20250214.biome.md`) or
# spaces (`20200707 - X.md`);
# a draft's day may be `xx` (`2021-10-xx-x.md`, Vector). Between separators a month or day may be one digit, as a
# team that names files by hand writes it now and then (`2026-08-3-x.md`): read as the number 2026 it would
# number the one record among the folder's dated ones.
DATED_FILE = re.compile(
    r"^((?:19|20)\d\d([-_]?)(?:\d\d|(?<=[-_])\d)\2(?:\d\d|[xX]{2}|(?<=[-_])\d(?!\d)))(?:[-_.]| +- +| +)([^/\\]+)"
    r"\.(md|markdown|qmd|rst)$"
)  # groups: the date, the separator inside it, the slug, the extension
# A draft waiting for its number, which it gets when accepted: `XXXX-slug.md` (pyadr, CERT/CC's SSVC),
# `00xx-slug.md` (Garden Linux), `oep-XXXX-slug.rst` (Open edX), `nnnn-slug.md` (Swift), `ADR-XX.md` (NATS),
# `000X-slug.md` (Gradle), `####-slug.md` (Konflux), `RFC####-slug.md` (PowerShell), `CFP-TODO-slug.md` (Cilium:
# `TODO` only after a prefix, as `todo-list.md` is a slug).
DRAFT_FILE = LazyPattern(
    rf"^((?:[A-Za-z]+[-_])*(?:adrs?|rfc|dr|oep|decision|record|{_PROPOSAL})[-_]?|)"
    r"(0*[xX]{2,}|0{2,}[xX]|[nN]{4}|#{3,}|(?<=[-_])(?-i:TODO))(?:[-_. ]([^/\\]+?))?"
    r"\.(md|markdown|qmd|rst)$", re.IGNORECASE
)  # groups: the prefix, the placeholder, the slug (or None), the extension
# "Template" in the languages whose status words are read: `0000-szablon.md`, `0000-modello.md`, `0000-vorlage.md`,
# a Norwegian team's `mal.md` (Swedish `mall`, Danish `skabelon`, Finnish `pohja`).
TEMPLATE_WORDS = (r"template|szablon|modell?o|mod[eè]le|plantilla|vorlage|sjabloon|[sš]ablona|[sş]ablon|шаблон"
                  r"|mal|mall|skabelon|pohja|模板|テンプレート|템플릿")
# "Number" as a template's title writes its blank in brackets (`# ADR [Número]: [Título]`,
# `# ADR-[Number]: [Title]`), in the languages whose status words are read; or a letter for it (`[N]`, `[#]`).
NUMBER_WORDS = (r"number|no\.?|nr\.?|num|n[uú]mero|num[eé]ro|nummer|numer|[cč][ií]slo|numara|numero|номер|番号|编号|번호"
                r"|n+|x+|#+")
# A cheap first look, in lower case, for those words: a folder of 10,000 records is listed name by name.
TEMPLATE_HINTS = ("templ", "szablon", "model", "modèle", "vorlage", "plantilla", "sjabloon", "ablon", "шаблон", "mal",
                  "skabelon", "pohja", "模板", "テンプレート", "템플릿")
# `template` anywhere in a name numbered 0 (`0000-adr-template-lite.md`); the other languages' words, which
# are also ordinary words (`modelo`: model), only as its first or last word (`0000-szablon.md`,
# `0000-plantilla-de-adr.md`, `0000-adr-modello.md`; not `0000-usar-o-modelo-c4.md`).
_TEMPLATE = LazyPattern(rf"(?:^|[-_. ])template(?:$|[-_. ])|^(?:{TEMPLATE_WORDS})(?:$|[-_. ])"
                        rf"|(?:^|[-_. ])(?:{TEMPLATE_WORDS})$", re.IGNORECASE)
# `template`, `adr-template`, `GRFC-TEMPLATE`
_TEMPLATE_NAME = LazyPattern(r"^(?:[a-z]+[-_ ])?template$", re.IGNORECASE)
# Files that list the records: `000-index.md`, `README.md` (`README.fr.md` too), mdBook's and GitBook's
# `SUMMARY.md`, the `toc.md` adr-tools' `adr generate toc` is saved as, and "index" or "contents" in the
# languages whose records are read (`ADR-000-索引.md`); a Hugo section's `_index.md`.
_INDEX_NAME = LazyPattern(r"^(?:adrs?[-_ ]|_(?=index))?(?:index|readme|summary|toc|contents|table[-_ ]of[-_ ]contents"
                          r"|indice|índice|inhalt|inhaltsverzeichnis|sommaire|inhoud|innhold|innehåll|spis[-_ ]treści"
                          r"|索引|目录|目次|インデックス|색인|목차)(?:\.[a-z]{2}(?:[-_][a-z]{2})?)?$", re.IGNORECASE)


_SERIES = LazyPattern(r"0\d{2,}")
# A record numbered 0 named an example or a sample (`000-example/`, `000-sample-example.md`): what others copy.
_EXAMPLE = LazyPattern(r"(?:adr[-_ ])?(?:example|sample)(?:[-_ ](?:example|sample|adr))*", re.IGNORECASE)


_YEAR_MONTH = LazyPattern(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])")


def _record_match(name: str) -> tuple[str, re.Match] | None:
    """The day a record's name starts with, with the joint after it (`2026-02-26_` in
    `2026-02-26_adr-0001_x.md`, else ""), and the match of RECORD_FILE on the rest; None for a name
    that names no number, or whose number is the date (log4brains' `20210304-x.md`, Cilium's
    `CFP-2022-10-28-x.md`: a day after the prefix is no record number either)."""
    match = RECORD_FILE.match(name)
    if match is None or match.group(1) and DATED_FILE.match(name[match.start(2) :]):
        return None
    dated = DATED_FILE.match(name)
    if dated is None:
        if len(match.group(2)) == 6 and not match.group(1) and match.group(4) and _YEAR_MONTH.fullmatch(match.group(2)):
            return None  # the year and month a proposal was written (Thanos' `202301-x.md`), not its number
        return "", match
    # A dated name whose slug names a record by its number, after a prefix (`adr-0001_x`) or zero-padded to three
    # digits or more as a series is (`003-x`, not `100-percent` nor a day's `01-x`; ADR 0213), is that record.
    inner = RECORD_FILE.match(name[dated.start(3) :])
    if inner is None or not (inner.group(1) or _SERIES.match(inner.group(2)) and inner.group(4)):
        return None
    return name[: dated.start(3)], inner


@functools.lru_cache(maxsize=16384)  # a new ADR reads each name of the folder three times over
def numbered_file(name: str) -> tuple[str, int, str, str] | None:
    """(prefix, number, separator + slug, extension) of a numbered record file name, else None.

    The prefix holds the day a dated name starts with (`2026-02-26_adr-` in `2026-02-26_adr-0001_x.md`).
    Dated log4brains names, templates such as `0000-template.md` and indexes numbered 0
    (`000-index.md`, `0000-README.md`) are not numbered records.
    """
    found = _record_match(name)
    if found is None:
        return None
    day, match = found
    slug = match.group(4) or ""
    # `0000-template.md` or `0000-adr-template.md` is a template; `0039-use-a-template-engine.md` is not. So is an
    # example numbered 0 that proposals are copied from (Concourse's `000-example/`).
    if ("emplate" in slug.lower() and _TEMPLATE_NAME.match(slug)
            or int(match.group(2)) == 0 and (_TEMPLATE.search(slug) or _EXAMPLE.fullmatch(slug))):
        return None
    if int(match.group(2)) == 0 and _INDEX_NAME.match(slug):
        return None
    return day + match.group(1), int(match.group(2)), (match.group(3) or "") + slug, match.group(5)


# A status marked in a record's file name before its extension: AWS CDK keeps an RFC's expired text beside its
# revision, under the same number, as `0249-x.expired.md` (ADR 0169).
_MARKED = LazyPattern(r"\.(expired)\.(?:md|markdown|qmd|rst)$", re.IGNORECASE)

# Folders below the ADR folder named by the stage of the records in them, which a record that states no status
# is at (ADR 0161): linkerd's RFCs move from `problem/` (a problem stated) to `design/` (its design proposed) to
# `active/` (accepted); other teams keep `accepted/`, `rejected/` or `deprecated/` folders.
STAGE_FOLDERS = {"problem": "draft", "design": "proposed", "active": "accepted", "implemented": "accepted",
                 "withdrawn": "rejected", **{status: status for status in STATUSES}}


def marked_status(name: str) -> str | None:
    """The status word the file name *name* is marked with (`expired` for `0249-x.expired.md`), or None."""
    mark = _MARKED.search(name) if name.count(".") > 1 else None
    return mark.group(1).lower() if mark else None


# A record's translation beside it, as mkdocs-static-i18n names them: `0001-x.en.md` by `0001-x.md`.
_TRANSLATION = LazyPattern(r"^(.+)\.[a-z]{2}(?:[-_][A-Za-z]{2})?(\.(?:md|markdown|qmd|rst))$")
# A language's code after a dash, naming a record's translation beside it: a slug's last word may be two letters
# (`-go`, `-ui`), so only these.
_LANGUAGE_CODES = frozenset("de en fr es pt it nl pl cs sk ru uk ja zh ko sv nb nn da fi tr hu ro el bg hr sl sr et lv "
                            "lt id vi th he ar".split())


def translated_name(name: str) -> str | None:
    """The name of the record *name* would be a translation of, by a language's code after a dash (`0001-x-de.md`,
    `0001-x_pt-BR.md` of `0001-x.md`), else None."""
    stem, dot, extension = name.rpartition(".")
    if len(stem) > 6 and stem[-3] in "-_" and stem[-6] in "-_" and stem[-2:].isalpha():
        stem = stem[:-3]  # a region after the language: `-pt-BR`
    if dot and len(stem) > 3 and stem[-3] in "-_" and stem[-2:].lower() in _LANGUAGE_CODES:
        return stem[:-3] + dot + extension
    return None


# What a team adds to a record in a file of the record's number: `ADR-003-ADDENDUM-x.md` by `ADR-003-x.md`.
_ADDENDUM_WORDS = (r"addendum|amendment|appendix|annexe?|supplement|errat(?:a|um)|nachtrag|anhang|bijlage|allegato"
                   r"|anexo|vedlegg")
_ADDENDUM = LazyPattern(rf"^[-_. ]*(?:{_ADDENDUM_WORDS})(?:$|[-_. ]|\d)", re.IGNORECASE)
_ADDENDUM_WORD = LazyPattern(_ADDENDUM_WORDS, re.IGNORECASE)


_NONZERO = frozenset("123456789")


def is_index_file(name: str) -> bool:
    """Whether the file *name* lists the records rather than being one: `README.md`, `index.es.md`,
    `0000-index.md`, `ADR-000-索引.md`, `toc.md`, `README.rst`."""
    stem, dot, extension = name.rpartition(".")
    # No index name holds a digit but 0: the records of a folder of 10,000 are told by that alone.
    if not dot or extension.lower() not in RECORD_EXTENSIONS or not _NONZERO.isdisjoint(stem):
        return False
    if _INDEX_NAME.match(stem):
        return True
    match = RECORD_FILE.match(name)
    return bool(match and int(match.group(2)) == 0 and _INDEX_NAME.match(match.group(4) or ""))


# A file named by a record's number and a letter, as a team names what it keeps beside the record (an approval
# record, `0012D-x.md` by `0012-x.md`).
LETTERED = LazyPattern(r"^(\d+)[A-Za-z]([-_].+)$")


def without_companions(names: list[str]) -> list[str]:
    """*names* but the files that go with a record named among them: its translations (`0001-x.en.md`
    by `0001-x.md`) and addenda (`ADR-003-ADDENDUM-x.md` by `ADR-003-x.md`)."""
    present = set(names)
    kept = [name for name in names if name.count(".") < 2 or (match := _TRANSLATION.match(name)) is None
            or match.group(1) + match.group(2) not in present]
    # A file named by a record's number and a letter and then the record's own name is kept with it (ADR 0226).
    kept = [name for name in kept if not name.lstrip("0123456789")[:1].isalpha() or not name[:1].isdigit()
            or (twin := LETTERED.match(name)) is None or twin.group(1) + twin.group(2) not in present]
    if not _ADDENDUM_WORD.search("\n".join(kept)):  # one search over the folder, not a match per name
        return kept
    addenda = {name: numbered[1] for name in kept
               if (numbered := numbered_file(name)) and _ADDENDUM.match(numbered[2])}
    if not addenda:
        return kept
    numbers = {numbered[1] for name in kept if name not in addenda and (numbered := numbered_file(name))}
    return [name for name in kept if addenda.get(name) not in numbers]


def template_name(stem: str) -> bool:
    """Whether a file named *stem* is a template by its name: `ADR-nnn_Decision_Record_Template`,
    `0000-szablon`, or blanks to fill (`ADR-(YEAR)-(TITLE)`, `{number}-{title}`)."""
    return bool(_TEMPLATE.search(stem)) or any(mark in stem for mark in "({<[")


def numbered_template(name: str) -> bool:
    """Whether the file *name* is numbered as a record from 1 up but named as a template (`0001-adr-template.md`),
    so it is not read as a record: a template, or a record about the folder's template named like one."""
    match = RECORD_FILE.match(name)
    return bool(match and match.group(2).strip("0") and _TEMPLATE_NAME.match(match.group(4) or ""))


def renumbered_name(name: str, number: int) -> str:
    """The numbered record file *name* with *number* in place of its own: its prefix, the width of
    its number and its slug kept (`ADR-007-x.md` -> `ADR-012-x.md`)."""
    day, match = _record_match(name)
    rest = match.string
    return day + rest[: match.start(2)] + str(number).zfill(len(match.group(2))) + rest[match.end(2) :]


def _draft_match(name: str) -> re.Match | None:
    low = name.lower()  # no placeholder, no draft: most names are told without compiling the pattern
    drafted = "xx" in low or "0x" in low or "nnnn" in low or "###" in low or "TODO" in name
    return DRAFT_FILE.match(name) if drafted else None


def draft_slug(name: str) -> str | None:
    """The slug of a draft's file *name* (`XXXX-use-kafka.md`), None when it is not a draft's."""
    match = _draft_match(name)
    if match is None or not (match.group(1) or match.group(3)) or _TEMPLATE.search(match.group(3) or ""):
        return None  # `xx.md` alone is no draft; `XXXX-template.md` is a template
    return match.group(3) or ""


# A record of a series of its own beside the folder's numbered ones: a team's words in capitals before a number
# zero-padded to three digits or more (a vision's `VIS-001-x.md` by `001-x.md`, a component's
# `ODH-ADR-MS-0001-x.md` by `ODH-ADR-0001-x.md`), or a zero-padded number with a letter, a record between two
# (`0004a-x.md`; `3d-printing.md` is a slug).
# Its number is not the folder's, which another record has already: it is named by its file, as a draft is.
_OWN_SERIES = LazyPattern(r"^(?:(?:[A-Z][A-Za-z]*[-_]){1,4}(?=\d{3})0+[1-9]\d*|0\d*[a-z])[-_.][^/\\]+"
                          r"\.(?:md|markdown|qmd|rst)$", re.ASCII)


def series_record(name: str) -> bool:
    """Whether *name* names a record of a series of its own (`VIS-001-x.md`, `0004a-x.md`), keyed by its name."""
    return _OWN_SERIES.match(name) is not None and RECORD_FILE.match(name) is None


_SERIES_NAME = LazyPattern(r"^(?:[A-Za-z]+[-_])*?([A-Za-z]*)[-_]?(\d+)([a-z]?)[-_.]", re.ASCII)
# A reference to a record of a series, casefolded: `VIS-001`, `ADR-CFR-001` or `CFR-001`, `4a`.
_SERIES_REF = LazyPattern(r"^(?:[a-z]+[-_ ])*?([a-z]*)[-_ ]?0*(\d{1,9})([a-z]?)$", re.ASCII)  # a file's number


def series_reference(ref: object) -> tuple[str, int, str] | None:
    """(word, number, letter) of a reference to a record of a series of its own: ("vis", 1, "") for `VIS-001` or
    `vis-1`, ("cfr", 1, "") for `ADR-CFR-001` or `CFR-001`, ("", 4, "a") for `4a`; None for a number alone."""
    found = _SERIES_REF.match(ref.strip().casefold()) if isinstance(ref, str) else None
    if found is None:
        return None
    word, number, letter = found.groups()
    word = "" if word in ("adr", "rfc") else word
    return (word, int(number), letter) if word or letter else None


def series_label(name: str) -> tuple[str, int, str] | None:
    """(word, number, letter) that the file *name* of a record of a series of its own names it by, else None."""
    if not series_record(name):
        return None
    named = _SERIES_NAME.match(name)
    return named.group(1).casefold(), int(named.group(2)), named.group(3)


def without_series_label(name: str, title: str) -> str:
    """*title* without the label naming the record of a series *name* names (`ADR VIS-001: ` of `VIS-001-x.md`,
    `4a. ` of `0004a-x.md`), as a numbered record's title is without its number."""
    named = _SERIES_NAME.match(name)
    if named is None:
        return title
    word, number, letter = named.groups()
    words = rf"(?:[A-Za-z]+[-_ ]+)*{re.escape(word)}[-_ ]*" if word else r"(?:[A-Za-z]+[-_ ]+)*"
    label = re.match(rf"\[?{words}0*{int(number)}{letter}(?![0-9A-Za-z])\]?\s*[:.)\-–—·|：]?\s*", title.lstrip(),
                     re.IGNORECASE)
    rest = title.lstrip()[label.end() :] if label else ""
    return rest if rest.strip() else title


def is_record_file(name: str) -> bool:
    match = RECORD_FILE.match(name)
    if match is None:
        return draft_slug(name) is not None or series_record(name)
    # Only a name that may be a template or an index needs the full look (listing 10,000 names is hot):
    # numbered 0 (`0000-szablon.md`, `000-index.md`), or `template` in English whatever its number.
    if match.group(2).strip("0") and "emplate" not in name and "EMPLATE" not in name:
        return True
    return numbered_file(name) is not None or DATED_FILE.match(name) is not None


def is_slug_record(name: str) -> bool:
    """Whether *name* may be a record named by its slug alone (`choose-a-database.md`): in a folder
    that holds no numbered or dated record, every Markdown file but README, index, templates and
    files starting with `_` or `.` is one."""
    stem, dot, extension = name.rpartition(".")
    return bool(dot and stem and extension.lower() in RECORD_EXTENSIONS and stem[0] not in "._"
                and RECORD_FILE.match(name) is None and not _INDEX_NAME.match(stem)
                and not _TEMPLATE_NAME.match(stem) and _draft_match(name) is None and not _OWN_SERIES.match(name))


# How many folders below the ADR folder records are read (ADR 0114): categories within categories
# (PowerShell's `Archive/Rejected/`, Unleash's `front-end/deprecated/`) and a level more; no further, so an
# ADR folder at the top of a repository is not walked through.
RECORD_DEPTH = 3
# Folders that dependencies are installed or copied into (npm's, Bower's, Go's and Composer's, Python's, vendored
# sources): a dependency's own records, and its ADR folder, are not the project's.
DEPENDENCY_FOLDERS = frozenset(("node_modules", "bower_components", "vendor", "third_party", "third-party", "venv",
                                "site-packages", "dist-packages"))
# Folders that hold a tool's or a site's files, never records, wherever they are below the ADR folder.
_NO_RECORDS_FOLDERS = DEPENDENCY_FOLDERS | frozenset(("__pycache__", "templates", "template", "assets", "images", "img",
                                                      "static", "media", "attachments"))


def may_hold_records(name: str) -> bool:
    """Whether a folder named *name* below the ADR folder may hold records: not a hidden one (`.git`),
    nor a tool's or a site's (`node_modules`, `templates`, `assets`)."""
    return not name.startswith(".") and name.lower() not in _NO_RECORDS_FOLDERS


# The page of a record kept as a folder of its own (`CIP-0001/README.md`, `0001-use-x/index.md`,
# GreptimeDB's `2022-12-20-promql-in-rust/rfc.md`, scikit-learn's `slep006/proposal.rst`, Windows Terminal's
# `#1043 - Title/spec.md`).
FOLDER_PAGES = frozenset(f"{stem}.{extension}" for stem in ("readme", "index", "rfc", "proposal", "spec")
                         for extension in RECORD_EXTENSIONS)


def folder_record(name: str) -> bool:
    """Whether a folder named *name* is named as a record kept as a folder: a number after a prefix that
    names a record (`CIP-0001`) or before a slug (`0001-use-x`, `1441-shell-debug`), or a day before a slug
    (Eclipse EDC's `2022-02-10-code-coverage`). A number alone names a category (`2019/`) or a record's
    notes (`0009/` by `0009-x.md`)."""
    numbered = numbered_file(name + ".md")
    return numbered is not None and bool(numbered[0] or numbered[2]) or DATED_FILE.match(name + ".md") is not None


def folder_page(names, folder: str = "") -> str | None:
    """The page of a record kept as a folder named *folder*, among the file *names* in it: its README, else its
    index, `rfc.md`, `proposal.md` or `spec.md`, else the page named by the folder's slug (Jupyter's
    `29-jep-process/jep-process.md`)."""
    pages = [name for name in names if name.lower() in FOLDER_PAGES]
    if pages:
        return min(pages, key=lambda name: (not name.lower().startswith("readme"), name))
    return min((name for name in names if slug_page(folder, name)), default=None)


def numbered_slug(name: str) -> str | None:
    """The slug after the number of the numbered record file *name* (`rfc-process` of `0001-rfc-process.md`),
    or None when *name* is no numbered record's."""
    numbered = numbered_file(name)
    return numbered[2].lstrip("-_. ") if numbered else None


def slug_page(folder: str, name: str) -> bool:
    """Whether the file *name* is named by the slug of the numbered record folder *folder* (`jep-process.md` in
    `29-jep-process`)."""
    stem, dot, extension = name.rpartition(".")
    if not (dot and stem and folder.endswith(stem) and extension.lower() in RECORD_EXTENSIONS):
        return False
    return numbered_slug(folder + ".md") == stem


# In the name of a new record's page: its slug, for folders whose pages are named by theirs (see slug_page).
SLUG_PAGE = "${slug}"


def record_name(path) -> str:
    """The file name that numbers and names the record in *path* (a Path or a `/`-separated text): its
    own, or for the page of a record kept as a folder, the folder's (`CIP-0001/README.md`: `CIP-0001.md`,
    `29-jep-process/jep-process.md`: `29-jep-process.md`)."""
    folder, _, name = str(path).rpartition("/")
    dot = name.rfind(".")
    # Asked of every record's name while listing: a page named by its folder's slug ends the folder's name.
    if (page := name.lower() in FOLDER_PAGES) or dot > 0 and folder.endswith(name[:dot]):
        parent = folder.rpartition("/")[2]
        if folder_record(parent) if page else slug_page(parent, name):
            return parent + name[dot:]
    return name


def page_name(path) -> str:
    """How the page of the record kept as a folder in *path* is named, for a new one: as it is (`README.md`),
    or by its folder's slug (SLUG_PAGE)."""
    folder, _, name = str(path).rpartition("/")
    return SLUG_PAGE + name[name.rindex(".") :] if slug_page(folder.rpartition("/")[2], name) else name


def title_from_name(name: str) -> str | None:
    """`Use postgres` from `0005-use-postgres.md`: the title of a record without a heading."""
    slug = numbered_slug(name)
    if slug is None:
        dated = DATED_FILE.match(name)
        slug = dated.group(3) if dated else draft_slug(name)
        if slug is None:
            slug = name.rpartition(".")[0] if is_slug_record(name) else ""
    words = re.split(r"[-_\s]+", slug.strip())
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:] if text else None


# ---- status phrases -------------------------------------------------------------------------

SYNONYMS = {
    "draft": "draft", "wip": "draft", "work in progress": "draft", "in progress": "draft", "drafting": "draft",
    "speculative": "draft",  # Crossplane's design docs: an idea not yet proposed
    "proposed": "proposed", "proposal": "proposed", "pending": "proposed", "in review": "proposed",
    "under review": "proposed", "review": "proposed", "in discussion": "proposed", "public discussion": "proposed",
    "under discussion": "proposed", "open": "proposed", "rfc": "proposed", "suggested": "proposed",
    "last call": "proposed",  # Cosmos SDK: the last days of a proposal's review
    "discussion": "proposed",  # Apache Pulsar's PIPs: on the mailing list
    "active review": "proposed", "awaiting review": "proposed", "scheduled for review": "proposed",  # Swift
    "returned for revision": "proposed",
    "considered": "proposed", "provisional": "proposed",  # Open edX's: to be accepted once its work is done
    "accepted": "accepted", "accept": "accepted", "approved": "accepted", "agreed": "accepted",
    "decided": "accepted", "adopted": "accepted", "implemented": "accepted", "done": "accepted",
    "active": "accepted", "completed": "accepted", "confirmed": "accepted", "amended": "accepted",
    "amended by": "accepted",
    "extended by": "accepted", "implementable": "accepted",  # Kubernetes' KEPs, Tekton's TEPs: approved to build
    "ready for implementation": "accepted",  # Dapr's proposals
    "complete": "accepted",  # Thanos: a proposal whose work is done
    "partially implemented": "accepted", "partly implemented": "accepted",  # NATS: decided, part of it built
    "merged": "accepted",  # the pull request that proposed it was merged
    "tbc": "proposed", "tbd": "proposed", "to be confirmed": "proposed", "to be decided": "proposed",
    "stable": "accepted",  # Kotlin's KEEPs: `Stable in 2.2`
    "living": "accepted",  # EIP-1's and Solana's process documents: in force, and kept up to date
    "activated": "accepted",  # Solana's proposals: in effect on the network
    "released": "accepted",  # Cilium's CFPs: `Released Cilium 1.15`, built and shipped in that release
    "rejected": "rejected", "declined": "rejected", "refused": "rejected", "not accepted": "rejected",
    "withdrawn": "rejected", "abandoned": "rejected", "defunct": "deprecated",  # Crossplane
    "decided against": "rejected", "undecided": "proposed", "deferred": "proposed", "final": "accepted",
    "deprecated": "deprecated", "depreciated": "deprecated", "obsolete": "deprecated", "retired": "deprecated",
    "inactive": "deprecated",  # Cardano's CIPs: no longer in effect, the reason after it in parentheses
    "reverted": "deprecated", "reverted by": "deprecated", "outdated": "deprecated", "deprecated by": "deprecated",
    "superseded": "superseded", "superseded by": "superseded", "superceded": "superseded",
    "superceded by": "superseded", "replaced": "superseded", "replaced by": "superseded",  # Open edX
    "expired": "rejected",  # a proposal left to lapse undecided, as a withdrawn one is
    "obsoleted by": "superseded", "partly superseded": "superseded",  # the IETF's word
    "partly superseded by": "superseded", "partially superseded": "superseded",
    "partially superseded by": "superseded",
}
# The same in the languages teams write their records in most after English: German, French, Spanish,
# Portuguese, Dutch, Italian, Norwegian, Danish, Swedish, Polish, Czech, Ukrainian, Turkish, Finnish and
# Indonesian, with and without accents as keyboards allow, and the feminine (and neuter) forms where a
# record's status agrees with such a noun. The first of each is what
# a change of status writes.
_LANGUAGES = {
    "de": {
        "draft": "Entwurf",
        "proposed": "vorgeschlagen|Vorschlag|in Prüfung|in Pruefung",
        "accepted": "akzeptiert|angenommen|beschlossen|entschieden|genehmigt",
        "rejected": "abgelehnt|verworfen",
        "deprecated": "veraltet|überholt|ueberholt|obsolet",
        "superseded": "ersetzt|abgelöst|abgeloest",
        "superseded by": "ersetzt durch|abgelöst durch|abgeloest durch",
    },
    "fr": {
        "draft": "brouillon",
        "proposed": "proposé|propose|en discussion",
        "accepted": "accepté|accepte|adopté|validé|mergé",
        "rejected": "rejeté|rejete|refusé",
        "deprecated": "obsolète|déprécié",
        "superseded": "remplacé|remplace",
        "superseded by": "remplacé par",
    },
    "fr-f": {
        "proposed": "proposée|proposee",
        "accepted": "acceptée|acceptee|adoptée|validée|mergée",
        "rejected": "rejetée|rejetee|refusée",
        "deprecated": "obsolète|dépréciée",
        "superseded": "remplacée|remplacee",
        "superseded by": "remplacée par",
    },
    "es": {
        "draft": "borrador",
        "proposed": "propuesto",
        "accepted": "aceptado|aprobado",
        "rejected": "rechazado",
        "deprecated": "obsoleto|deprecado",
        "superseded": "reemplazado|sustituido",
        "superseded by": "reemplazado por|sustituido por",
    },
    "es-f": {
        "proposed": "propuesta",
        "accepted": "aceptada|aprobada",
        "rejected": "rechazada",
        "deprecated": "obsoleta|deprecada",
        "superseded": "reemplazada|sustituida",
        "superseded by": "reemplazada por|sustituida por",
    },
    "pt": {
        "draft": "rascunho",
        "proposed": "proposto|em discussão",
        "accepted": "aceito|aprovado|aceite",  # `aceite`: as Portugal writes it, of either gender
        "rejected": "rejeitado|recusado",
        "deprecated": "obsoleto|depreciado",
        "superseded": "substituído|substituido",
        "superseded by": "substituído por",
    },
    "pt-f": {
        "proposed": "proposta",
        "accepted": "aceita|aprovada|aceite",
        "rejected": "rejeitada|recusada",
        "deprecated": "obsoleta|depreciada",
        "superseded": "substituída|substituida",
        "superseded by": "substituída por",
    },
    "it": {
        "draft": "bozza",
        "proposed": "proposto",
        "accepted": "accettato|approvato",
        "rejected": "respinto|rifiutato",
        "deprecated": "deprecato|obsoleto",
        "superseded": "sostituito",
        "superseded by": "sostituito da",
    },
    "it-f": {
        "proposed": "proposta",
        "accepted": "accettata|approvata",
        "rejected": "respinta|rifiutata",
        "deprecated": "deprecata|obsoleta",
        "superseded": "sostituita",
        "superseded by": "sostituita da",
    },
    # Japanese, Chinese (simplified, then traditional) and Korean name a successor before the words
    # (`ADR-0005 により置き換え`, which read_status reads); decisionbook writes a Chinese one so (SUCCESSOR_AROUND),
    # the others in English.
    "ja": {
        "draft": "下書き|ドラフト",
        "proposed": "提案|提案中|検討中|レビュー中",
        "accepted": "採用|採用済み|承認|承認済み|決定|決定済み|受理|対応済み",
        "rejected": "却下|不採用",
        "deprecated": "非推奨|廃止|廃止済み",
        "superseded": "置き換え済み|置き換え|置換済み|代替済み",
    },
    "zh": {
        "draft": "草稿|草案",
        "proposed": "提议|提议中|建议|讨论中|待定",
        "accepted": "已接受|接受|已采纳|采纳|已通过|通过|已批准|批准|完成|已完成",
        "rejected": "已拒绝|拒绝|已否决|否决",
        "deprecated": "已废弃|废弃|已弃用|弃用",
        "superseded": "已取代|被取代|已替代|被替代|取代|替代",
    },
    "zh-hant": {
        "proposed": "提議|提議中|討論中",
        "accepted": "已採納|採納",
        "rejected": "已拒絕|拒絕",
        "deprecated": "已廢棄|廢棄|已棄用|棄用",
    },
    "ko": {
        "draft": "초안",
        "proposed": "제안됨|제안|검토 중|검토중",
        "accepted": "승인됨|승인|채택됨|채택|수락됨|수락",
        "rejected": "거절됨|거절|반려됨|반려|기각",
        "deprecated": "폐기됨|폐기|사용 중단됨|사용중단됨|사용 중단|사용중단",
        "superseded": "대체됨|대체",
    },
    # Russian: the neuter agrees with `решение` (decision), the feminine with `запись` (record).
    "ru": {
        "draft": "черновик",
        "proposed": "предложено|предложен|предложена|на рассмотрении|обсуждается",
        "accepted": "принято|принят|принята|утверждено|утверждён|одобрено|согласовано",
        "rejected": "отклонено|отклонён|отклонен|отклонена",
        "deprecated": "устарело|устарел|устарела|не актуально|неактуально",
        "superseded by": "заменено на|заменено|заменён|заменен|заменена",  # the first with a successor's link
        "superseded": "заменено|заменён|заменен|заменена",
    },
    # Norwegian, Danish and Swedish.
    "no": {
        "draft": "utkast",
        "proposed": "foreslått|forslag|til vurdering",
        "accepted": "akseptert|godkjent|vedtatt|besluttet|implementert",
        "rejected": "avvist|forkastet",
        "deprecated": "utdatert|foreldet",
        "superseded": "erstattet",
        "superseded by": "erstattet av",
    },
    "da": {
        "draft": "udkast",
        "proposed": "foreslået",
        "accepted": "accepteret|godkendt|vedtaget|implementeret",
        "rejected": "afvist",
        "deprecated": "forældet|udfaset",
        "superseded by": "erstattet af",
    },
    "sv": {
        "draft": "utkast",
        "proposed": "föreslagen|föreslaget|förslag",
        "accepted": "accepterad|accepterat|godkänd|godkänt|beslutad|beslutat|implementerad|implementerat",
        "rejected": "avvisad|avvisat|avslagen",
        "deprecated": "föråldrad|föråldrat|utfasad",
        "superseded": "ersatt",
        "superseded by": "ersatt av",
    },
    # Polish: the masculine agrees with `ADR`, the feminine with `decyzja`, the neuter with `rozwiązanie`.
    "pl": {
        "draft": "szkic|wersja robocza",
        "proposed": "proponowany|zaproponowany|propozycja|w trakcie przeglądu",
        "accepted": "zaakceptowany|przyjęty|zatwierdzony",
        "rejected": "odrzucony",
        "deprecated": "przestarzały|wycofany|nieaktualny",
        "superseded": "zastąpiony",
        "superseded by": "zastąpiony przez",
    },
    "pl-f": {
        "proposed": "proponowana|zaproponowana",
        "accepted": "zaakceptowana|przyjęta|zatwierdzona",
        "rejected": "odrzucona",
        "deprecated": "przestarzała|wycofana|nieaktualna",
        "superseded": "zastąpiona",
        "superseded by": "zastąpiona przez",
    },
    "pl-n": {
        "proposed": "proponowane|zaproponowane",
        "accepted": "zaakceptowane|przyjęte|zatwierdzone",
        "rejected": "odrzucone",
        "deprecated": "przestarzałe|wycofane|nieaktualne",
        "superseded": "zastąpione",
        "superseded by": "zastąpione przez",
    },
    "cs": {
        "draft": "koncept",
        "proposed": "navrženo|navržený|návrh",
        "accepted": "přijato|přijatý|schváleno|schválený",
        "rejected": "zamítnuto|zamítnutý",
        "deprecated": "zastaralé|zastaralý",
        "superseded": "nahrazeno|nahrazený",
        "superseded by": "nahrazeno",
    },
    "uk": {
        "draft": "чернетка",
        "proposed": "запропоновано|на розгляді",
        "accepted": "прийнято|затверджено|ухвалено",
        "rejected": "відхилено",
        "deprecated": "застаріло|неактуально",
        "superseded": "замінено",
        "superseded by": "замінено",
    },
    "tr": {
        "draft": "taslak",
        "proposed": "önerildi|önerilen|öneri|incelemede",
        "accepted": "kabul edildi|kabul|onaylandı",
        "rejected": "reddedildi",
        "deprecated": "kullanımdan kaldırıldı|geçersiz",
        "superseded": "yerini aldı|değiştirildi",
    },
    "fi": {
        "draft": "luonnos",
        "proposed": "ehdotettu|ehdotus",
        "accepted": "hyväksytty",
        "rejected": "hylätty",
        "deprecated": "vanhentunut",
        "superseded": "korvattu",
    },
    "id": {
        "draft": "draf",
        "proposed": "diusulkan|usulan",
        "accepted": "diterima|disetujui",
        "rejected": "ditolak",
        "deprecated": "usang",
        "superseded": "digantikan",
        "superseded by": "digantikan oleh",
    },
    "nl": {
        "draft": "concept",
        "proposed": "voorgesteld",
        "accepted": "geaccepteerd|aangenomen",
        "rejected": "afgewezen|verworpen",
        "deprecated": "verouderd",
        "superseded": "vervangen",
        "superseded by": "vervangen door",
    },
}
_READ_IN = {}  # a word or phrase of another language -> (its language, the status it says)
_ALL_LANGUAGES: dict[str, list[str]] = {}  # such a word -> every language it is a status word of
for _language, _words in _LANGUAGES.items():
    for _status, _text in _words.items():
        for _word in _text.lower().split("|"):
            _READ_IN.setdefault(_word, (_language, _status))
            if _language not in _ALL_LANGUAGES.setdefault(_word, []):
                _ALL_LANGUAGES[_word].append(_language)
SYNONYMS.update({word: status.removesuffix(" by") for word, (_, status) in _READ_IN.items()})
# A status phrase that names another record: the relation it records.
RELATION_STATUS = {
    "superseded": "superseded by", "superseded by": "superseded by", "superceded by": "superseded by",
    "replaced by": "superseded by", "obsoleted by": "superseded by", "partly superseded by": "superseded by",
    "partially superseded by": "superseded by", "amended by": "amended by",
    "extended by": "extended by", "reverted by": "reverted by", "deprecated by": "deprecated by",
    **{word: "superseded by" for word, (_, status) in _READ_IN.items() if status == "superseded by"},
}
# Amends, amended by and relates to in the languages whose statuses are read: each read in all its forms
# (feminine, other verbs), written in the first.
RELATIONS_IN = {
    "de": {"amends": ("ändert",), "amended by": ("geändert durch",), "relates to": ("verwandt mit",)},
    "fr": {"amends": ("modifie", "amende"),
           "amended by": ("modifié par", "modifiée par", "amendé par", "amendée par"), "relates to": ("lié à", "liée à")},
    "es": {"amends": ("modifica",), "amended by": ("modificado por", "modificada por"),
           "relates to": ("relacionado con", "relacionada con")},
    "pt": {"amends": ("modifica",), "amended by": ("modificado por", "modificada por"),
           "relates to": ("relacionado a", "relacionada a")},
    "it": {"amends": ("modifica",), "amended by": ("modificato da", "modificata da"), "relates to": ("correlato a",)},
    "nl": {"amends": ("wijzigt",), "amended by": ("gewijzigd door",), "relates to": ("gerelateerd aan",)},
    "zh": {"relates to": ("相关",)},
}
# "Amended by" is also a status phrase, as the English one is (adr-tools' French `## État` over
# `Amendé par [0049-x.md][0049]`).
_AMENDED_BY_IN = tuple(word for words in RELATIONS_IN.values() for word in words.get("amended by", ()))
SYNONYMS.update(dict.fromkeys(_AMENDED_BY_IN, "accepted"))
RELATION_STATUS.update(dict.fromkeys(_AMENDED_BY_IN, "amended by"))
# Relations a status phrase may be alone (`Amended by [5. X](...)`) that say no status but "in force": a change of
# status writes its word before them, as ADR 0050's sentence (`Deprecated. Amended by [...]`), and keeps them.
BESIDE_STATUS = frozenset(("amended by", "extended by"))


def languages_of(phrase: str) -> tuple[str, ...]:
    """Every language a status phrase may be written in (`proposta`: Italian and Portuguese), none for English."""
    words = status_words(present_part(phrase))
    for candidate in (words, words.split(" ", 1)[0]):
        if candidate in _READ_IN:
            return tuple(_ALL_LANGUAGES[candidate])
    return ()


def language_of(phrase: str, likely: Mapping[str, int] | None = None) -> str | None:
    """The language (`de`, `fr-f`...) of a status phrase written in one other than English, else None.
    A word of several languages (`proposta`, Italian and Portuguese) is read in the one *likely* counts
    most (languages without their `-f`: the folder's other records), else in the first."""
    languages = languages_of(phrase)
    if not languages:
        return None
    if not likely:
        return languages[0]
    return max(languages, key=lambda language: likely.get(language.split("-")[0], 0))


# `Supersedes [...]` in the languages whose status words decisionbook reads, as a relation line on the
# newer record: read as `supersedes`, and written so on a record whose status is in that language.
SUPERSEDES_IN = {"de": "ersetzt", "fr": "remplace", "es": "reemplaza", "pt": "substitui", "it": "sostituisce",
                 "nl": "vervangt", "no": "erstatter", "da": "erstatter", "sv": "ersätter", "ru": "заменяет",
                 "pl": "zastępuje", "cs": "nahrazuje", "uk": "замінює", "fi": "korvaa", "id": "menggantikan",
                 "zh": "取代"}
# The relations Japanese and Korean records name in a field of their own (`- 置き換え先: [ADR-0003](...)`,
# `- 관련: [...]`), by the side the linked record is on: `置き換え元`, the record this one replaced; `置き換え先`, the
# record replacing it; `後継`, its successor; `関連`, a record related to it. Each is read so, and the first of each
# written in such a field (ADR 0192).
FIELD_RELATIONS_IN = {
    "ja": {"supersedes": ("置き換え元", "置き換え"), "superseded by": ("置き換え先", "後継"),
           "relates to": ("関連", "関連adr", "関連 adr")},
    "ko": {"supersedes": ("대체함", "대체 대상"), "superseded by": ("대체됨",), "relates to": ("관련", "관련adr", "관련 adr")},
}
# A replacement named with no side (`置換: [ADR 0031](...)`, `대체: [ADR-0010](...)`): teams write it on both records
# of a replacement, so it names the successor of a superseded record and the predecessor of any other.
EITHER_WAY = frozenset(("置換", "대체"))


# MADR's `## Links` section in those languages: the heading a record's first relation line is written under.
LINKS_IN = {"de": "Links", "fr": "Liens", "es": "Enlaces", "pt": "Links", "it": "Collegamenti", "nl": "Links",
            "no": "Lenker", "da": "Links", "sv": "Länkar", "ru": "Ссылки", "pl": "Linki", "cs": "Odkazy",
            "uk": "Посилання", "fi": "Linkit", "id": "Tautan"}


def links_heading(phrase: str) -> str:
    """The heading of the links section of a record whose status reads *phrase*: in its language (`Liens`
    beside `accepté`), else `Links`."""
    language = language_of(phrase)
    return LINKS_IN.get(language.split("-")[0], "Links") if language else "Links"


def relation_word(relation: str, phrase: str, field: bool = False) -> str:
    """*relation* as a record whose status reads *phrase* writes it: in its language where decisionbook reads it
    there (`ersetzt`, `geändert durch` beside `akzeptiert`); as the label of a *field* of its own, also the
    relations a Japanese or Korean field names (`関連` beside `承認`); else in English."""
    language = language_of(phrase)
    if language is None:
        return relation
    language = language.split("-")[0]
    if field and relation in FIELD_RELATIONS_IN.get(language, {}):
        return FIELD_RELATIONS_IN[language][relation][0]
    if relation == "supersedes":
        return SUPERSEDES_IN.get(language, relation)
    return RELATIONS_IN.get(language, {}).get(relation, (relation,))[0]


def field_relations(phrase: str) -> bool:
    """Whether a record whose status reads *phrase* names its relations in fields of their own under its title, as
    Japanese and Korean teams write them (`- 関連: [...]` below `- ステータス: 承認`), not in a links section."""
    language = language_of(phrase)
    return language is not None and language.split("-")[0] in FIELD_RELATIONS_IN


# The words around a successor, in the languages that name it inside them (`被 ADR-0030 取代`, as read_status reads).
SUCCESSOR_AROUND = {"zh": ("被", "取代")}


def successor_status(words: str, named: str, phrase: str) -> str:
    """The status of a record whose status reads *phrase*, superseded by the record *named*: *named* inside its
    language's words where it writes a successor so (`被 [ADR-0032](...) 取代`), else after *words*, the record's
    `superseded by`."""
    language = language_of(phrase)
    around = SUCCESSOR_AROUND.get(language.split("-")[0]) if language else None
    return f"{around[0]} {named} {around[1]}" if around else f"{words} {named}"


# The English words that mean a status and nothing more: a folder's own word for it may stand in for
# decisionbook's (`Approved` for accepted), where `Implemented`, `Withdrawn` or `Retired` say more.
_PLAIN_WORDS = {
    "draft": ("draft", "wip"), "proposed": ("proposed", "proposal", "pending", "in review", "under review"),
    "accepted": ("accepted", "approved", "agreed", "adopted", "decided"),
    "rejected": ("rejected", "declined", "refused", "not accepted"), "deprecated": ("deprecated", "obsolete"),
    "superseded": ("superseded",),
}


def plain_words(status: str, language: str | None) -> frozenset[str]:
    """The words that say *status* and nothing more in *language* (None: English), lower-case."""
    if language is None:
        return frozenset(_PLAIN_WORDS.get(status, ()))
    words = _LANGUAGES[language].get(status) or _LANGUAGES[language.split("-")[0]].get(status) or ""
    return frozenset(word.lower() for word in words.split("|") if word)


def status_word(status: str, phrase: str, language: str | None = None) -> str:
    """*status* (`deprecated`, or `superseded by` for the words before a successor) as a record whose
    status reads *phrase* writes it: in that phrase's language (`veraltet` for `akzeptiert`), or in
    *language* when given, else as is."""
    language = language or language_of(phrase)
    if language is None:
        return status
    # A feminine table names fewer: its masculine one has the rest.
    written = _LANGUAGES[language].get(status) or _LANGUAGES[language.split("-")[0]].get(status)
    return written.split("|")[0] if written else status


_RELATIONS_LONGEST_FIRST = sorted(RELATION_STATUS, key=len, reverse=True)
_LONGEST_SYNONYM = max(len(phrase.split()) for phrase in SYNONYMS)
_SUCCESSOR_FIRST = ("ja", "zh", "zh-hant", "ko")  # languages that write the successor before "superseded"
_SUCCESSOR_LAST = tuple(sorted((word for word, (language, status) in _READ_IN.items()
                                if status == "superseded" and language in _SUCCESSOR_FIRST), key=len, reverse=True))
_NAMED = LazyPattern(r"\[[^\[\]]*\]\((?:<[^<>\n]+>|[^()\s]+)\)|(?<![\w-])(?:ADR|RFC)[-_ #]?\d+(?!\d)",
                     re.IGNORECASE)
# A record named in a status's sentence outside a link: `ADR-24`, or a file name.
_NAMED_ANYWHERE = LazyPattern(r"(?<![\w-])(?:ADR|RFC)[-_ #]?\d+(?!\d)|(?<![\w./-])[\w.-]+\.(?:md|markdown|qmd|rst)\b",
                              re.IGNORECASE)
_RECORD_FILE = LazyPattern(r"\.(?:md|markdown|qmd|rst)(?:#.*)?$", re.IGNORECASE)  # a link's address to a record


def named_once(text: str) -> str | None:
    """The one record *text* names, if it names one (`ersetzt (siehe 2026-02-10_x.md)`, `대체됨 (Superseded
    by ADR-0024)`, `已取代，由 [ADR-016](016-x.md) 取代`): the successor a superseded status names anywhere."""
    named = _named(text)
    return named.popitem()[1] if len(named) == 1 else None


def _named(text: str) -> dict[str, str]:
    """The records *text* names, each by its file name (or `ADR-24`) and as it names it: a link to a record file,
    without its title, whose address may hold spaces (`<0005 new plan.md>`, `0005%20new%20plan.md`), or a record
    named outside the links."""
    named = {}
    for link in _LINK.finditer(text):
        address = link.group(2)
        name = address[1:-1] if address.startswith("<") else address
        if "://" in name or link.group(0).startswith("!") or not _RECORD_FILE.search(name):
            continue
        name = name.split("#", 1)[0]
        if "%" in name:
            from urllib.parse import unquote  # only an escaped address pays for the import

            name = unquote(name)
        named.setdefault(name, f"[{link.group(1)}]({address})")
    for match in _NAMED_ANYWHERE.finditer(_LINK.sub(" ", text)):
        named.setdefault(match.group(0), match.group(0))
    return named


# As in adr.py, no part holds the bracket that opens it, so no line makes these take more than linear time.
_LINK = LazyPattern(r"!?\[([^\[\]]*)\]\((<[^<>\n]*>|[^()\s]*)(?:\s+\"[^\"]*\")?\)")
_REFERENCE = LazyPattern(
    r"(?<!\s)\s*(?:\[[^\[\]]*\]\([^()]*\)|\[[^\[\]]*\]|`[^`]*`__?|:doc:`[^`]*`|(?:ADR|RFC)?[-_ #]?\d+\S*"
    r"|(?<![\w./-])[\w./-]+\.(?:md|markdown|qmd|rst)\b).*$", re.IGNORECASE
)
_DATE_TAIL = LazyPattern(
    r"(?<!\s)(?:\s*(?:(?:\(|,|-|–|—|on|since|as of|in)\s*)?\d{1,4}[-./]\d{1,2}[-./]\d{1,4}.*$|\s*\([^()]*\)\s*$)",
    re.IGNORECASE
)
_WORDS = LazyPattern(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_IMAGE = LazyPattern(r"!\[([^\[\]]*)\]\(([^()\s]*)")
_URL_WORD = LazyPattern(r"[/_.\-]+|%20")


@functools.lru_cache(maxsize=4096)  # headings such as `Context` repeat in every file
def status_words(raw: str) -> str:
    """The words of a status line, lower-case: no symbols, emphasis, links, dates or trailing notes."""
    text = _LINK.sub(lambda m: m.group(1), raw)
    return " ".join(_WORDS.findall(text)).lower()


def read_status(raw: str, team: Mapping[str, str] | None = None) -> tuple[str, str | None, str | None]:
    """(status, relation, reference text) for a status phrase as written.

    The status is one of STATUSES when the phrase (or its leading words) is known to decisionbook
    or mapped by the team; otherwise it is the phrase's words as written. The relation is set when
    the phrase names another record (`Superseded by [ADR-0013](...)`), with the text naming it.
    A phrase that keeps its history (`~~Proposed~~ Accepted`, `Proposed -> Accepted`) is read by
    its present part.
    """
    text = present_part(raw).strip()
    stripped = re.sub(r"^[^\w\[(]+", "", text)  # leading symbols: emoji, bullets, emphasis
    phrase = status_words(text)
    # A team's phrase is read by its words, as the status is: `"draft-accepted"` maps `Draft-Accepted`; one
    # of symbols alone, which has no words, as written.
    lookup = {**SYNONYMS, **{status_words(k) or k.strip().lower(): v for k, v in team.items()}} if team else SYNONYMS
    if phrase in lookup:
        status = lookup[phrase]
    else:
        status = None
        words = phrase.split()
        # No known phrase is longer than the longest key: a line of 50,000 words is not joined 50,000 times.
        longest = max(map(len, map(str.split, lookup))) if team else _LONGEST_SYNONYM
        for size in range(min(len(words) - 1, longest), 0, -1):
            head = " ".join(words[:size])
            if head in lookup:
                status = None if _two_statuses(stripped, lookup) else lookup[head]
                break
    relation = target = None
    lowered = stripped.lower()
    for name in _RELATIONS_LONGEST_FIRST:
        if lowered.startswith(name) and (len(lowered) == len(name) or not lowered[len(name)].isalpha()):
            rest = stripped[len(name) :].strip(" *_")
            if not rest.startswith(":doc:"):  # Sphinx's link to a document keeps its colon
                rest = rest.strip(" :*_")
            if rest:
                relation, target = RELATION_STATUS[name], rest
            break
    if status is None and "![" in text:
        status = _badge_status(text, lookup)
    if status is None and relation is None and phrase:
        # Japanese, Chinese and Korean name the successor first: `ADR-0005 により置き換え`, `被 ADR-0005 取代`.
        last = phrase.rsplit(" ", 1)[-1]
        ending = next((w for w in _SUCCESSOR_LAST if last.endswith(w)), None)
        named = _NAMED.search(text) if ending else None
        if named:
            status, relation, target = "superseded", "superseded by", named.group(0)
    if status == "superseded" and relation is None:
        target = named_once(text)
        relation = "superseded by" if target else None
    if status is None:
        # Symbols before a space or emphasis marks are markup; one joined to the word (`<Parked until Q3>`,
        # `~Parked`) is the team's text.
        shown = _REFERENCE.sub("", stripped) if relation else _MARKUP_LEAD.sub("", text)
        kept = _DATE_TAIL.sub("", shown).strip(" .:*_`")
        status = " ".join(kept.split()) or phrase
    return status, relation, target


_MARKUP_LEAD = LazyPattern(r"^(?:[^\w\s\[(]+\s+|[*_`]+)+")


# `Draft-Accepted`, `Accepted-Deprecated`: two statuses made one word. Which of the two the record is in only
# the team knows (PowerShell's committee accepted the draft, which is not yet final), so it is kept as
# written and warned about, as `Experimental-Accepted` is, until the team maps it (ADR 0112).
_COMPOUND = LazyPattern(r"([^\W\d_]+)-([^\W\d_]+)(?![\w-])")


def _two_statuses(text: str, lookup: Mapping[str, str]) -> bool:
    """Whether *text* opens with one word joined of two that say different statuses (`Draft-Accepted`)."""
    compound = _COMPOUND.match(text)
    if compound is None:
        return False
    first, second = (lookup.get(part.lower()) for part in compound.groups())
    return first is not None and second is not None and first != second


_STRUCK = LazyPattern(r"~~.*?~~")
_ARROWS = ("→", "->", "⇒", "=>")


# `**Accepted**` among `A | B | C`; no part can hold the marks, so each try ends at the next one: linear.
_CHOICE = LazyPattern(r"(\*\*|__)([^*_|\[\]]+)\1")


_CHOICE_SEPARATORS = LazyPattern(r"\s+or\s+|\s*[|/,]\s*")


_CHOICE_PARTS = LazyPattern(r"\s*[|/]\s*")  # between choices that may hold commas: `angenommen | abgelöst durch ...`


def successor_choice(line: str) -> str | None:
    """The words *line*, a template's list of status choices, writes before a successor (`abgelöst durch`, of
    `vorgeschlagen | angenommen | abgelöst durch ADR-YYYY`); None where it names none."""
    for part in _CHOICE_PARTS.split(line):
        _, relation, target = read_status(part.strip(" -*_`[]"))
        if relation == "superseded by" and target and (words := part.strip(" -*_`[]")[: -len(target)].strip()):
            return words
    return None


def choices(phrase: str) -> bool:
    """Whether *phrase* is a template's list of the statuses to choose from, not one of them:
    `Accepted or Rejected`, `proposed/accepted/rejected`, `Proposed, Accepted, Rejected, Superseded by ADRzzz`.
    Choices not joined by `or` are three or more, and listed by commas alone only when accepted and
    rejected are both among them; two side by side (`Superseded / Deprecated`), one meaning (`Accepted /
    Implemented`) or a named record (`Deprecated / Superseded by [ADR-7](...)`) are a status."""
    if len(phrase) > 400:
        return False  # no template lists its choices at such length; and the splitting below stays linear
    text = re.sub(r"^[^\w]*(?:options?\s*:\s*)?", "", " ".join(phrase.split()), flags=re.IGNORECASE)
    parts = [part for part in _CHOICE_SEPARATORS.split(text) if part.strip(" .…")]
    if len(parts) < 2 or len(parts) > 12:
        return False
    meanings, naming = set(), set()
    for part in parts:
        words = status_words(part)
        # A choice in the team's word, its English one after it in brackets (`반려됨(Rejected)`): either says it.
        meaning = (SYNONYMS.get(words) or SYNONYMS.get(words.split(" ", 1)[0])
                   or SYNONYMS.get(words.rsplit(" ", 1)[-1])) if words else None
        if meaning is None:
            return False
        # `Superseded by ADR-7` is a record's own status, unless the others already list the choices
        # (`proposed | rejected | accepted | superseded by [ADR-0005](0005-example.md)`, MADR's example).
        (naming if named_once(part) else meanings).add(meaning)
    if naming and len(meanings) < 3:
        return False
    meanings |= naming
    if " or " in text.lower():
        return len(meanings) > 1
    # Two words side by side may be the record's own (`Superseded / Deprecated`, `Draft/Proposed`).
    only_commas = "," in text and not re.search(r"[|/]", text)
    return len(meanings) > 2 and (not only_commas or {"accepted", "rejected"} <= meanings)


def first_choice(phrase: str) -> str:
    """The first of a template's list of statuses as written (`DRAFT` of `[DRAFT | REVIEW | ACCEPTED]`), the one
    its records start at; *phrase* itself when it lists none."""
    if not choices(phrase):
        return phrase
    return _CHOICE_SEPARATORS.split(phrase.strip().strip("[]{}").strip(), maxsplit=1)[0]


def _mark_length(text: str) -> int:
    """How many of *text*'s first characters are a mark: symbols (`✅`, `⚠️`), not letters, digits or punctuation."""
    length = 0
    while length < len(text) and (unicodedata.category(text[length]) == "So" or text[length] in "\ufe0f\u200d"):
        length += 1
    return length


def status_mark(phrase: str) -> tuple[str, str, str]:
    """(mark before, words, mark after) of a status phrase, each mark with the space between it and the words:
    `✅ **승인됨**` -> ("✅ ", "**승인됨**", ""), `Proposed ❓` -> ("", "Proposed", " ❓"); a mark alone is words."""
    lead = _mark_length(phrase)
    rest = phrase[lead:].lstrip(" \t") if lead else phrase
    tail = _mark_length(rest[::-1])
    words = rest[: len(rest) - tail].rstrip(" \t") if tail else rest
    if not words.strip():
        return "", phrase, ""
    return phrase[: len(phrase) - len(rest)], words, rest[len(words) :]


# What parts a list of marked choices: `[Proposed ❓ | Accepted ✅]`, `<!-- Proposed ❓ OR Accepted ✅ -->`.
_MARKED_CHOICES = LazyPattern(r"\s+or\s+|\s*[|,]\s*|<!--|-->", re.IGNORECASE)


def marked_choices(text: str) -> dict[str, str]:
    """Each status *text* names with a mark beside it, as written (`{"proposed": "Proposed ❓", "accepted":
    "Accepted ✅"}` for `[Proposed ❓ | Accepted ✅]`, `{"accepted": "✅ **승인됨**"}` for `✅ **승인됨**`)."""
    marked = {}
    for part in _MARKED_CHOICES.split(text[:400]):  # no list of choices is longer
        choice = part.strip(" \t[]")
        before, words, after = status_mark(choice)
        status = read_status(words)[0] if before or after else None
        if status in STATUSES:
            marked.setdefault(status, choice)
    return marked


def chosen(phrase: str) -> str | None:
    """The one choice emphasized in a template's list of choices kept as written
    (`Proposed | **Accepted** | Deprecated`), or None."""
    if "|" not in phrase:
        return None
    marked = [match.group(2).strip() for match in _CHOICE.finditer(phrase) if match.group(2).strip()]
    return marked[0] if len(marked) == 1 else None


def _choose(phrase: str, new: str) -> str | None:
    """The list of choices *phrase* with the emphasis moved to the choice *new*; None when it is not one."""
    match = next(m for m in _CHOICE.finditer(phrase) if m.group(2).strip())
    plain = phrase[: match.start()] + match.group(2) + phrase[match.end() :]
    parts = [(part, part.group(0).strip()) for part in re.finditer(r"[^|\[\]]+", plain)]
    # The choice written as *new*, else the one that says the same status in the team's word (`Überholt`, where
    # decisionbook's word for deprecated is `Veraltet`).
    status = read_status(new)[0]
    for part, words in [*((p, w) for p, w in parts if w.lower() == new.lower()),
                        *((p, w) for p, w in parts if _words_status(w) == status)]:
        start = part.start() + part.group(0).index(words)
        return f"{plain[:start]}{match.group(1)}{words}{match.group(1)}{plain[start + len(words):]}"
    return None


def _words_status(words: str) -> str | None:
    """The status *words* say when they are a status word alone (`Überholt`), else None."""
    return SYNONYMS.get(status_words(words))


def present_part(phrase: str) -> str:
    """The part of a status phrase that is the status now: the emphasized one of a list of choices;
    struck words and what comes before the last arrow are its history."""
    choice = chosen(phrase)
    if choice is not None:
        return choice
    if "~~" in phrase:
        phrase = _STRUCK.sub(" ", phrase)
    for arrow in _ARROWS:
        if arrow in phrase:
            phrase = phrase.rsplit(arrow, 1)[1]
    return phrase


def with_history(old: str, new: str) -> str:
    """The status phrase *old* moved on to *new*, keeping its history as *old* keeps it
    (`Proposed -> Accepted -> Deprecated`, `~~Proposed~~ ~~Accepted~~ Deprecated`), or *new* emphasized
    in its list of choices (`Proposed | Accepted | **Deprecated**`), or shown by its badge; *old* itself where
    it says *new* already; else *new*."""
    if chosen(old) is not None:
        return _choose(old, new) or new
    if "![" in old:
        return _rebadged(old, new) or new
    arrow = next((arrow for arrow in _ARROWS if arrow in old), None)
    if arrow is not None:
        return f"{old.rstrip()} {arrow} {new}"
    if "~~" in old:
        now = " ".join(_STRUCK.sub(" ", old).split())
        struck = " ".join(match.group(0) for match in _STRUCK.finditer(old))
        return f"{struck} ~~{now}~~ {new}" if now else f"{struck} {new}"
    said, now = read_status(old), read_status(new)
    if said == now or said[0] == now[0] and now[1] is None:
        # The status stays, and so does what the team wrote after it (`Aceptado (con deudas)`), or the record
        # it says it by (`Deprecated by [5. X](...)`).
        return old
    wrapped = _WRAPPED.fullmatch(old.strip())
    if wrapped is not None:
        return _wrapped_as(wrapped.group(0), new)
    # A note naming other records says how this one stands to them, whatever its status: it stays.
    notes = [note.group(0) for note in _NOTE.finditer(old)
             if _named(note.group(0))]
    # A full-width bracket is written right after the word it follows (`已废弃（取代 ADR-0026）`).
    return new + "".join(note if note.startswith("（") else f" {note}" for note in notes)


# A status written whole in brackets or quotes, as a folder writes all its statuses (Adyen's `[Proposed]`, the
# French health agency's `"proposé"`; ADR 0167); not a link (`[Accepted](pull/1049)`), whose address is the old
# status's.
_WRAPPED = LazyPattern(r'\[[^\[\]()]+\]|"[^"]+"|\'[^\']+\'')


def _wrapped_as(old: str, new: str) -> str:
    """*new* between the marks *old* is written between; where *new* names a record by a link, only its first
    word is bracketed, as the folder's own relation statuses are (`[Superseded] by [11. X](0011-x.md)`)."""
    if old[0] == "[" and "[" in new:
        return re.sub(r"^([^\W\d_]+)", r"[\1]", new, count=1)
    return f"{old[0]}{new}{old[-1]}"


# `(supersedes ADR-0010)`, one bracket deep inside; not a link's address, `[2. B](0002-b.md)`. In full-width
# brackets as Chinese and Japanese write them: `（取代 ADR-0026 的 v0 格式）`.
_NOTE = LazyPattern(r"(?<!\])\((?:[^()]|\([^()]*\))*\)|（[^（）]*）")


def _rebadged(phrase: str, new: str) -> str | None:
    """*phrase*, a status shown as a badge, showing *new* instead: its alt text when that says the status,
    else the word of its address that does (`.../badge/ADR/proposed/orange` -> `.../ADR/accepted/orange`)."""
    match = _IMAGE.search(phrase)
    if match is None or not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", new):
        return None  # no badge, or words a badge cannot show (`Superseded by [ADR-0012](...)`)
    alt, url = match.groups()
    if status_words(alt) in SYNONYMS:
        return phrase[: match.start(1)] + new + phrase[match.end(1) :]
    host = url.find("://")
    start = url.index("/", host + 3) if host >= 0 and "/" in url[host + 3 :] else 0
    for word in re.finditer(r"[^/_.\-?=&]+", url[start:]):
        if word.group(0).lower() in SYNONYMS:
            at = match.start(2) + start + word.start()
            return phrase[:at] + new.lower().replace(" ", "%20") + phrase[at + len(word.group(0)) :]
    return None


def _badge_status(text: str, lookup: Mapping[str, str]) -> str | None:
    """The status a badge image shows: its alt text (`![Accepted](...)`), else a word of its address
    (`https://badgen.net/badge/ADR/approved/green`, `https://img.shields.io/badge/status-accepted-green`)."""
    for match in _IMAGE.finditer(text):
        alt, url = match.groups()
        words = status_words(alt)
        if words in lookup:
            return lookup[words]
        path = (url.split("://", 1)[1].partition("/")[2] if "://" in url else url).split("?", 1)[0]  # not the host
        for word in _URL_WORD.split(path.lower()):
            if word in lookup:
                return lookup[word]
    return None


# ---- dates ----------------------------------------------------------------------------------

DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"
DATE_ORDERS = (DAY_FIRST, MONTH_FIRST)
# Month names and their usual short forms in English, German, French, Spanish, Portuguese, Dutch, Italian,
# Norwegian, Danish, Swedish and Russian; and the months of the other languages whose status words are read. The
# months written in full that a changed date is written in are in `_ENGLISH_MONTHS` and `_MONTHS_IN_LANGUAGES`,
# joined to these in `_MONTHS`.
_MONTH_FORMS = {
    name: index
    for index, names in enumerate(
        ("jan jänner janv ene",
         "feb fevrier févr fevr",
         "mar maerz mär marco mrt marts",
         "apr avr abr",
         "maj",
         "jun",
         "jul juil",
         "aug aout augusti",
         "sep sept setiembre",
         "oct okt",
         "nov",
         "dec dez decembre déc dic desember des"),
        start=1,
    )
    for name in names.split()
} | {
    name: index
    for index, names in enumerate(  # Russian: each month as it follows a day, as it stands alone, and short
        ("января январь янв", "февраля февраль фев", "марта март мар", "апреля апрель апр", "мая май",
         "июня июнь июн", "июля июль июл", "августа август авг", "сентября сентябрь сен сент",
         "октября октябрь окт", "ноября ноябрь ноя нояб", "декабря декабрь дек"),
        start=1,
    )
    for name in names.split()
} | {
    name: index
    for index, names in enumerate(  # Polish, Czech, Ukrainian, Turkish, Finnish and Indonesian, where not above
        ("stycznia styczeń ledna leden січня tammikuuta",
         "lutego luty února únor лютого helmikuuta",
         "marca marzec března březen березня maaliskuuta maret",
         "kwietnia kwiecień dubna duben квітня huhtikuuta",
         "maja května květen травня toukokuuta",
         "czerwca czerwiec června červen червня kesäkuuta",
         "lipca lipiec července červenec липня heinäkuuta",
         "sierpnia sierpień srpna srpen серпня elokuuta agustus",
         "września wrzesień září вересня syyskuuta",
         "października październik října říjen жовтня lokakuuta",
         "listopada listopad listopadu листопада marraskuuta",
         "grudnia grudzień prosince prosinec грудня joulukuuta desember"),
        start=1,
    )
    for name in names.split()
}


def _month_key(name: str) -> str:
    """*name* as `_MONTHS` is looked up by: lowered, and Turkish `ı` and `İ` as `i`, since `KASIM` lowers to `kasim`."""
    return name.lower().rstrip(".").replace("i\u0307", "i").replace("ı", "i")


# Any whole word, that `_named_month` then looks up: a pattern of the 223 names themselves is tried at every
# character of a line, 2 s for 600,000 of them.
_MONTH = r"(?<![^\W\d_])([^\W\d_]+)\.?"
_ISO = LazyPattern(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_YEAR_FIRST_CJK = LazyPattern(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")  # `2024年3月5日`
_COMPACT = LazyPattern(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
# Day first, a space after each dot or none: `14.11.2026`, and as Czech and Slovak write it, `14. 11. 2026`.
_DOTTED = LazyPattern(r"(?<!\d)(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})(?!\d)")
# A year of two digits only between slashes (`12/02/26`, a `dd/mm/aa` template's): `26-02-12` may be year first.
# A year of two digits after slashes (`16/02/26`) or hyphens (GOV.UK Pay's `Date: 13-05-20`).
_SLASHED = LazyPattern(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)"
                       r"|(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\5(\d\d)(?![\d/-])")
# `4 March 2021`, `28. Juli 2026`, `1er mars 2021`, `3 de marzo de 2022`.
_DAY_MONTH = LazyPattern(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º|\.)?[\s-]+(?:de[\s-]+)?" + _MONTH + r",?[\s-]+(?:de[\s-]+)?(\d{4})",
    re.IGNORECASE,
)
# `Nov 23, 2021`, `Nov, 23, 2021` too.
_MONTH_DAY = LazyPattern(_MONTH + r",?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})", re.IGNORECASE)
_YEAR_MONTH_DAY = LazyPattern(r"(\d{4})[\s-]+" + _MONTH + r"[\s-]+(\d{1,2})(?!\d)", re.IGNORECASE)
AMBIGUOUS = "ambiguous"


def dated_name_problem(name: str) -> str | None:
    """What is wrong with the date a dated record's file *name* starts with, or None."""
    dated = DATED_FILE.match(name)
    if dated is None:
        return None
    date, joint = dated.group(1), dated.group(2)
    parts = date.split(joint) if joint else (date[:4], date[4:6], date[6:])
    if not all(part.isdigit() for part in parts) or _valid(*map(int, parts)) is not None:
        return None  # a day of `xx`: a draft's
    return f"the file name's date {dated.group(1)} is no day; rename the file to the day it names"


def _valid(year: int, month: int, day: int) -> str | None:
    import datetime as _dt  # here: an index read from the cache parses no date and need not import it

    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTH_KEYS[_month_key(name)]


def _named_month(pattern, value: str, group: int) -> re.Match | None:
    """The first match of *pattern* in *value* whose word *group* names a month."""
    for match in pattern.finditer(value):
        if _month_key(match.group(group)) in _MONTH_KEYS:
            return match
    return None


def _slashed(match: re.Match) -> tuple[int, int, int]:
    """The first number, the second and the year (`26`: 2026) of a slashed date."""
    first, second, year = (match.group(i) for i in ((1, 2, 3) if match.group(1) else (4, 6, 7)))
    return int(first), int(second), int(year) + (2000 if len(year) == 2 else 0)


def proven_order(value: str) -> str | None:
    """The order a slashed date proves it is written in (`20/08/2023` day first, `08/20/2023` month
    first), None when either could be meant or it is no such date."""
    match = _SLASHED.search(value)
    if match is None:
        return None
    first, second, _ = _slashed(match)
    return DAY_FIRST if first > 12 >= second else MONTH_FIRST if second > 12 >= first else None


def order_read(value: str, day: str | None) -> str | None:
    """The order the slashed date *value* was read in as *day* (YYYY-MM-DD): `12/02/26` read as 2026-02-12 is
    day first, as the folder's other dates proved; None where *value* is no such date or either order gives it."""
    match = _SLASHED.search(value)
    if match is None or not day:
        return None
    first, second, _ = _slashed(match)
    month, date = int(day[5:7]), int(day[8:10])
    if first == second:
        return None
    return DAY_FIRST if (first, second) == (date, month) else MONTH_FIRST if (first, second) == (month, date) else None


def iso_date(value: str, order: str | None = None) -> str | None:
    """The ISO date a written date means, None when there is none, or AMBIGUOUS for `05/02/2018`
    when *order* (day-first or month-first) does not say which number is the month."""
    found = find_date(value, order)
    return found[0] if found else None


_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December")


_ISO_DAY = LazyPattern(r"\d{4}-\d{2}-\d{2}")


def is_iso_day(text: str) -> bool:
    """Whether *text* is written as YYYY-MM-DD, whether or not that day exists."""
    return _ISO_DAY.fullmatch(text) is not None


def written_as(example: str, day: str, order: str | None = None, language: str | None = None) -> str:
    """*day* (YYYY-MM-DD) written as the date *example* is (`17/08/2020`, `2020.08.17`, `14 March 2024`,
    `Nov 14, 2023`, `20200817`, `28 de Dezembro de 2024`): a date a record keeps is changed in its own form, a
    month named in two languages (`Juli`) in *language*, the record's (`months_language`), where it is one of them.
    Forms read but not written here (months named short or in other languages) give *day* as it is."""
    meant = iso_date(example, order)
    text = example.strip()
    if not meant or meant == AMBIGUOUS or is_iso_day(text):
        return day
    year, month, date = day.split("-")
    old_month, old_date = meant[5:7], meant[8:10]
    parts = re.findall(r"(?<!\d)\d{1,2}(?!\d)", text)
    # Padded when a part shows it (`07/08`), not when one is a single digit (`7/8`); else as numbers usually are,
    # which, written with a space after each dot (`14. 11. 2026`), they are not.
    padded = any(p.startswith("0") for p in parts) or (
        not any(len(p) == 1 for p in parts) and len(parts) == 2 and ". " not in text)

    def like(value: str) -> str:
        return value if padded else value.lstrip("0")

    numbers = re.fullmatch(r"(\d{1,2})([/-]|\. ?)(\d{1,2})\2(\d{4}|\d\d)", text)
    if numbers:
        first, sep, second, written_year = numbers.groups()
        if int(date) <= 12 and date != month and sep[0] != "." and order is None:
            return day  # `09/01/2026` could be either order: written so it reads back as one day
        year = year[-len(written_year):]  # `26` where the example writes `12/02/26`
        if int(first) == int(old_date) and int(second) == int(old_month):
            return f"{like(date)}{sep}{like(month)}{sep}{year}"
        return f"{like(month)}{sep}{like(date)}{sep}{year}"
    numbers = re.fullmatch(r"\d{4}([/.])(\d{1,2})\1(\d{1,2})", text)
    if numbers:
        sep = numbers.group(1)
        return f"{year}{sep}{like(month)}{sep}{like(date)}"
    if re.fullmatch(r"\d{8}", text):
        return day.replace("-", "")
    named = re.search(r"[^\W\d_]{3,}", text)
    name = _month_as(named.group(0), int(month), text, language) if named else None
    if name is not None:
        out = text[: named.start()] + name + text[named.end() :]
        out = re.sub(r"(?<!\d)\d{4}(?!\d)", year, out, count=1)
        written = date if parts and parts[0].startswith("0") else date.lstrip("0")
        ordinal = re.search(r"(?<!\d)\d{1,2}(st|nd|rd|th)\b", out)  # `March 5th`: the suffix follows the day
        if ordinal:
            written += _ordinal(int(date)) if ordinal.group(1).islower() else _ordinal(int(date)).upper()
        return re.sub(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\w)", written, out, count=1)
    return day


def _ordinal(day: int) -> str:
    return "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


_ENGLISH_NAMES = frozenset(n.lower() for name in _ENGLISH_MONTHS for n in (name, name[:3]))
# The months written in full in French, German, Spanish, Portuguese, Italian, Dutch and Turkish, as a date is
# changed in the language its month is named in (`28 de Dezembro de 2024`, `14 Temmuz 2025`; ADR 0168).
_MONTHS_IN_LANGUAGES = {language: names.split() for language, names in (
    ("fr", "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    ("de", "januar februar märz april mai juni juli august september oktober november dezember"),
    ("es", "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    ("pt", "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    ("it", "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    ("nl", "januari februari maart april mei juni juli augustus september oktober november december"),
    ("tr", "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"),
)}
_MONTHS = _MONTH_FORMS | {name.lower(): index for names in (_ENGLISH_MONTHS, *_MONTHS_IN_LANGUAGES.values())
                         for index, name in enumerate(names, start=1)}
_MONTH_KEYS = {_month_key(name): index for name, index in _MONTHS.items()}
# Section headings in one of those languages alone (`## Kontext`, `## Achtergrond`).
_HEADINGS_IN_LANGUAGES = {language: frozenset(words.split()) for language, words in (
    ("fr", "contexte décision conséquences"), ("de", "kontext entscheidung konsequenzen folgen hintergrund"),
    ("es", "decisión consecuencias"), ("pt", "decisão consequências"), ("it", "contesto decisione conseguenze"),
    ("nl", "achtergrond besluit beslissing gevolgen"),
)}
_DE = LazyPattern(r"(?<![^\W\d_])de(?![^\W\d_])")  # `3 de marzo de 2022`: Spanish or Portuguese, not Italian


# As `_MONTHS` is looked up (`KASIM` is `Kasım`).
_MONTH_KEYS_IN_LANGUAGES = {language: frozenset(map(_month_key, names))
                            for language, names in _MONTHS_IN_LANGUAGES.items()}


def _month_as(word: str, month: int, date: str, language: str | None = None) -> str | None:
    """The name of *month* (1-12) as the month *word* of the written *date* is named: in its language, length
    and case (`Nov`, `DECEMBER`, `Dezembro`), *language* where *word* is a month of it; None when *word* names no
    month, or one of languages whose *month* differs (`agosto` is Spanish and Portuguese, `Juli` German and Dutch)."""
    lowered, key = word.lower(), _month_key(word)
    if key in _MONTH_KEYS_IN_LANGUAGES.get(language, ()):
        name = _MONTHS_IN_LANGUAGES[language][month - 1]
    elif lowered.rstrip(".") in _ENGLISH_NAMES:
        name = _ENGLISH_MONTHS[month - 1]
        name = name[:3] if len(word) == 3 and lowered != "may" else name  # `Nov`; `May` may be either
    else:
        languages = ("es", "pt") if _DE.search(date.lower()) else tuple(_MONTHS_IN_LANGUAGES)
        names = {_MONTHS_IN_LANGUAGES[language][month - 1] for language in languages
                 if key in _MONTH_KEYS_IN_LANGUAGES[language]}
        if len(names) != 1:
            return None
        name = names.pop()
    if word.isupper() and len(word) > 1:
        return name.upper()
    return name[:1].upper() + name[1:] if word[:1].isupper() else name.lower()


def months_language(headings: list[str], status: str | None) -> str | None:
    """The language of those months are named in here (`de`) that a record is written in, by its status's words
    (`Vorgeschlagen`, not `Proposto`, Portuguese and Italian), else by its section *headings*' (`Kontext`); None
    where neither tells one."""
    stated = {language.split("-")[0] for language in languages_of(status or "")}
    if len(stated) == 1 and (language := stated.pop()) in _MONTHS_IN_LANGUAGES:
        return language
    headed = {language for heading in headings for language, words in _HEADINGS_IN_LANGUAGES.items()
              if heading.lower() in words}
    return headed.pop() if len(headed) == 1 else None


# Hyphens that word processors and wikis write for `-` (`2026‑02‑09` with U+2011): one character each, so
# the spans found in the translated text are the written text's.
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2212", "-----")


def find_date(value: str, order: str | None = None) -> tuple[str | None, int, int] | None:
    """(what `iso_date` says, start, end of the written date in *value*), or None when it holds none."""
    if not value.isascii():
        value = value.translate(_DASHES)
    match = _ISO.search(value)
    if match:
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if month > 12 >= day:  # `2024-14-02`: written year, day, month
            month, day = day, month
        return _valid(year, month, day), *match.span()
    match = _YEAR_FIRST_CJK.search(value)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3))), *match.span()
    match = _DOTTED.search(value)
    if match:  # dotted dates are written day first wherever they are used
        return _valid(int(match.group(3)), int(match.group(2)), int(match.group(1))), *match.span()
    match = _SLASHED.search(value)
    if match:
        first, second, year = _slashed(match)
        if first > 12 or order == DAY_FIRST and second <= 12:
            date = _valid(year, second, first)
        elif second > 12 or order == MONTH_FIRST:
            date = _valid(year, first, second)
        else:
            date = _valid(year, first, second) if first == second else AMBIGUOUS
        return date, *match.span()
    match = _named_month(_DAY_MONTH, value, 2)
    if match:
        return _valid(int(match.group(3)), _month(match.group(2)), int(match.group(1))), *match.span()
    match = _named_month(_MONTH_DAY, value, 1)
    if match:
        return _valid(int(match.group(3)), _month(match.group(1)), int(match.group(2))), *match.span()
    match = _named_month(_YEAR_MONTH_DAY, value, 2)
    if match:
        return _valid(int(match.group(1)), _month(match.group(2)), int(match.group(3))), *match.span()
    match = _COMPACT.search(value)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3))), *match.span()
    return None


# ---- titles ---------------------------------------------------------------------------------

# `ADR-12:`, `TEAM-ADR-12:`, `Architecture Decision Record 12:`, a proposal's `CEP 44 -`, `KEP-1441:`, a day and
# a count within it (`ADR-20250713-001:`), German's `Nr. 001:`; not `Amend ADR-3: ...`, which names another record.
_TITLE_NUMBER = LazyPattern(
    r"^(?:\[?(?:[A-Za-z]+[-_]|(?:Architecture|Architectural|Design|Decision)\s)*"
    rf"(?:ADR|RFC|OEP|Decision|Record|Nr\.|{_PROPOSAL})\s*"
    r"(?:[-_#]\s*)?(\d+)(?!\d|-[01]\d-[0-3]\d)(?:(?<=(?:19|20)\d{6})-\d{1,4}(?!\d))?\]?\s*[:.)\-–—·|：]?\s*"
    # A point or colon before a digit belongs to the number (`1.5x faster builds`, `12:30 deploy freeze`): no
    # record's number is written so.
    r"|#?(\d+)\s*(?:[.:](?!\d)|[)\-–—·|：])\s*|(\d+)\s+(?=\S))",
    re.IGNORECASE,
)


# A symbol before a record's label (`# ⚖️ ADR-0001: Adopt X`): the title is the words after the label.
_MARK_BEFORE_LABEL = LazyPattern(r"[^\w\s\[\](){}<>#`*~\\'\"“‘«,.:;!?-]+\s+(?=(?:ADR|RFC)\b)", re.IGNORECASE)


def _unmarked(heading: str) -> str:
    """*heading* (stripped) without a symbol before its record's label."""
    if not heading or heading[0].isalnum() or heading[0] in "[(#`*_":
        return heading  # most titles: no pattern compiled for them
    mark = _MARK_BEFORE_LABEL.match(heading)
    return heading[mark.end() :] if mark else heading


def title_number_span(heading: str) -> tuple[int, int] | None:
    """Where the number of a numbered title (`12. Title`, `ADR-0012: Title`) is in *heading*, or None."""
    stripped = heading.lstrip()
    stripped = stripped[len(stripped) - len(_unmarked(stripped)) :]
    match = _TITLE_NUMBER.match(stripped)
    if not match or not stripped[match.end() :].strip():
        return None
    group = next(g for g in (1, 2, 3) if match.group(g) is not None)
    offset = len(heading) - len(stripped)
    return offset + match.start(group), offset + match.end(group)


# A draft's placeholder (`xx. Title`, `ADR-XXXX: Title`, `CFP-XXXXX: Title`), a label with no number
# (`Architecture Decision Record: Title`), or a proposal's label that names its day (`CFP-2022-10-28: Title`).
_TITLE_PLACEHOLDER = LazyPattern(
    rf"^(?:(?:(?:ADR|RFC|OEP|{_PROPOSAL})[-_ ]?)?"
    r"(?:0*[xX]{2,}|0{2,}[xX]|[nN](?=\.\s)|#{3,})\s*[.:)\-–—·|：]"  # `n. Title`: no number
    rf"|{_PROPOSAL}[-_ ](?:19|20)\d\d-\d\d-\d\d\s*[.:)\-–—·|：]"
    r"|(?:Architectur(?:e|al) )?Decision Record\s*(?::|[-–—](?=\s))"  # `Architecture Decision Record - Title`
    r"|(?:ADR|RFC|Proposal)\s*[:：]"  # a label alone: `RFC: Title`, Go's design documents' `Proposal: Title`
    r"|\[(?:ADR|RFC)\])"  # or in brackets: Primer's `[ADR] Title`
    r"\s*(?=\S)", re.IGNORECASE)


def split_title(heading: str) -> tuple[int | None, str]:
    """(number, title) of a heading such as `12. Title`, `ADR-0012: Title` or `ADR 12 Title`; a draft's
    placeholder (`xx. Title`, `ADR-XXXX: Title`) or a label alone (`ADR: Title`) is no number and not
    part of the title."""
    heading = heading.strip()
    unmarked = _unmarked(heading)
    placeholder = _TITLE_PLACEHOLDER.match(unmarked)
    if placeholder:
        return None, unmarked[placeholder.end() :]
    match = _TITLE_NUMBER.match(unmarked)
    if not match:
        return None, heading
    number = next(int(g) for g in match.groups() if g is not None)
    rest = unmarked[match.end() :].strip()
    return (number, rest) if rest else (None, heading)
