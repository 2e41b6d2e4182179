"""Reading ADRs in every form teams keep them: MADR front matter, MADR bullets, Nygard/adr-tools."""

import datetime as _dt
import os
import re
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import frontmatter
from toolkit.records.adr_words import (
    BESIDE_STATUS,
    HEADING,
    LINKS_IN,
    RECORD_EXTENSIONS,
    RECORD_FILE,
    heading_text,
    is_rst,
    underlined_headings,
    AMBIGUOUS,
    choices,
    chosen,
    LazyPattern,
    DATED_FILE,
    dated_name_problem,
    draft_slug,
    series_label,
    series_record,
    series_reference,
    without_series_label,
    RELATION_STATUS,
    STAGE_FOLDERS,
    STATUSES,
    RELATIONS_IN,
    SUPERSEDES_IN,
    SYNONYMS,
    DAY_FIRST,
    EITHER_WAY,
    FIELD_RELATIONS_IN,
    find_date,
    iso_date,
    language_of,
    marked_status,
    named_once,
    numbered_file,
    present_part,
    read_status,
    record_name,
    split_title,
    status_words,
    title_from_name,
)
from toolkit.records.finding import Finding
from toolkit.records.folder_index import NAME as LIST_NAME, Listed
from toolkit.records.named import named

MADR = "madr"  # YAML front matter (MADR 3 and 4, and decisionbook's own files)
BULLETS = "madr-bullets"  # `* Status: accepted` lines under the title (MADR 2, log4brains)
NYGARD = "nygard"  # `# 12. Title`, `Date:`, a `## Status` section (adr-tools)
BOLD = "bold"  # `**Status:** Accepted`, also as a bullet or beside other fields on one line
FIELD = "field"  # a bare `Status: Accepted` line
TABLE = "table"  # a metadata table: a row `| Status | Accepted |`, or a header row over the values
HTML = "html"  # a row of an HTML table of fields: `<tr><td> Status </td><td> Proposed </td></tr>` (conda's CEPs)
UNKNOWN = "unknown"  # no status anywhere: listed; a status change gives it one (ADR 0071)

# Relations decisionbook understands, each with its reverse; others are kept and warned about.
REVERSE = {
    "supersedes": "superseded by",
    "superseded by": "supersedes",
    "amends": "amended by",
    "amended by": "amends",
    "extends": "extended by",
    "extended by": "extends",
    "reverts": "reverted by",
    "reverted by": "reverts",
    "relates to": "relates to",
}
# Other words for the relations above.
_SAME_RELATION = {"superceded by": "superseded by", "supercedes": "supersedes",  # as adr-tools spells them
                  "replaced by": "superseded by", "obsoleted by": "superseded by", "replaces": "supersedes",
                  "obsoletes": "supersedes", "partially supersedes": "partly supersedes",
                  "partially superseded by": "partly superseded by", "related to": "relates to",
                  "related": "relates to", "related adrs": "relates to", "related adr": "relates to",
                  "related decisions": "relates to", "related records": "relates to",
                  "reemplaza a": "supersedes", "sustituye a": "supersedes",  # Spanish, with its personal `a`
                  **{word: relation for relations in RELATIONS_IN.values() for relation, words in relations.items()
                     for word in words},
                  **{word: "supersedes" for word in SUPERSEDES_IN.values()},
                  **{word: relation for relations in FIELD_RELATIONS_IN.values()
                     for relation, words in relations.items() for word in words}}
_PARTLY = ("partly supersedes", "partly superseded by")  # known, kept as links; one side may say it alone


# Who decided, as MADR names them and as its French, Spanish, Portuguese, German, Dutch, Italian, Russian, Turkish,
# Chinese, Japanese and Korean records do.
MAKER_KEYS = ("decision-makers", "deciders", "decision_makers", "decisionmakers", "decision-maker", "décideurs",
              "décisionnaires", "decisores", "entscheider", "entscheidungsträger", "beslissers", "beslisser",
              "decisori", "решающие", "karar-veren", "karar-verenler", "决策者", "决策人", "決定者", "결정자")
KNOWN_KEYS = frozenset(
    ("title", "status", "date", "consulted", "informed", "supersedes", "links", "prototypes", "data-change")
    + MAKER_KEYS
)

# A link: Markdown's `[text](target)`, reStructuredText's `` `text <target>`_ ``, Sphinx's
# :doc:`target` or :doc:`text <target>`, and a wiki's (Obsidian, Foam) `[[target]]` or `[[target|text]]`;
# `_target` gives the target of a match. The underscores after a reStructuredText link may be cut off
# with a value's trailing emphasis.
# No part may hold the bracket that opens it: from each `[` of a line of `[[[[`, a part that could would
# be tried to the end of the line, and a megabyte of them would take hours.
_LINK = LazyPattern(r"\[([^\[\]]*)\]\((<[^<>\n]+>|\{\{[<%][^{}\n]*?[>%]\}\}|[^()\s]+)\)|`([^`<]*)<([^<>\s`]+)>`(?:__?)?"
                    r"|:doc:`(?:([^`<]*)<([^<>\s`]+)>|([^`<]+))`"
                    r"|\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]*))?\]\]")
_ANY_LINK = (r"(?:\[[^\[\]]*\]\((?:<[^<>\n]+>|\{\{[<%][^{}\n]*?[>%]\}\}|[^()\s]+)\)|`[^`<]*<[^<>\s`]+>`__?|:doc:`[^`]+`"
             r"|\[\[[^\[\]\n]+\]\])")
# A label ends with a letter and meets its link at one colon or one run of spaces: a label that could end
# inside a run of spaces, before a colon that may be absent, would try every split of the run.
# A relation's words, in the Latin and Cyrillic letters of the languages decisionbook reads (`Ersätter`, `Заменяет`).
# The letters a label is written in: Latin (with the accented letters of Western and Central Europe and
# Turkey) and Cyrillic.
_LATIN_CYRILLIC = "A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f\u0400-\u04ff"
# A relation line's label may also be Chinese, as decisionbook writes `取代 [...]` on a Chinese record.
_LABEL_LETTER = _LATIN_CYRILLIC + "\u4e00-\u9fff"
_LABEL = rf"([{_LABEL_LETTER}](?:[{_LABEL_LETTER} -]*?[{_LABEL_LETTER}])?)(?:\s*:\s*|\s+)"
_RELATION_LINE = LazyPattern(rf"^(?:[*-]\s+)?{_LABEL}({_ANY_LINK})\s*$")
_RELATION_FIRST = LazyPattern(rf"^(?:[*-]\s+)?{_LABEL}({_ANY_LINK})(?![\w(\[])")


def _has_link(line: str) -> bool:
    """Whether *line* may hold a link: a cheap look before the patterns."""
    return "](" in line or ">`" in line or ":doc:`" in line or "[[" in line


def markdown_links(text: str) -> str:
    """*text* with its reStructuredText and Sphinx links written as Markdown's; a Sphinx target, which
    has no extension, names its `.rst` file."""

    def written(link: re.Match) -> str:
        if link.group(2) is not None or link.group(8) is not None:  # Markdown's own, or a wiki's
            return link.group(0)
        target = _target(link).strip()
        words = (link.group(3) or link.group(5) or "").strip() or target
        if link.group(3) is None and "." not in target.rsplit("/", 1)[-1]:
            target += ".rst"
        return f"[{words.replace(']', '')}]({target})"

    return _LINK.sub(written, text) if _has_link(text) else text


def _target(link: re.Match) -> str:
    """Where *link* points, as a file name: `<001 - A.md>` and `001%20-%20A.md` name `001 - A.md`."""
    target = link.group(2) or link.group(4) or link.group(6) or link.group(7) or link.group(8)
    if target.startswith("<") and link.group(2):
        target = target[1:-1]
    elif target.startswith("{{") and (page := _SHORTCODE_PAGE.search(target)):
        target = page.group(1)  # Hugo's `{{< ref "0001-x.md" >}}`: the page it links
    if "%" not in target:
        return target
    from urllib.parse import unquote  # only a link with an escaped character pays for the import

    return unquote(target)


_SHORTCODE_PAGE = LazyPattern(r'^\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"')
# A line of its own naming people under a label decisionbook knows: `Deciders: ana, ben`, `Consulted: cy`.
_PLAIN_PEOPLE = LazyPattern(r"^(deciders|decision[ -]makers?|consulted|informed)[ \t]*:[ \t]*(\S.*)$", re.IGNORECASE)
# `* Deciders: ana`, in any language's letters (`* décisionnaires : CTO`, a space before the colon as French sets it);
# its value to be stripped.
_BULLET = LazyPattern(r"^\s*[*-]\s+([^\W\d_](?:(?:[^\W\d]|[ -])*?[^\W\d_])?)\s*:(.*)$")
_COMMENT = LazyPattern(r"<!--.*?-->")
# Under a `# Meta` heading: Buildpacks' `- Name: X`, Couchbase's SDK RFCs' indented ` - RFC Name: X`.
_NAME_FIELD = LazyPattern(r"^[ \t]*[*-][ \t]+(?:RFC )?Name:[ \t]*(.*)$")
# A title written as a field near the top, where no heading gives one: a preamble's `Title: X` (Stellar's SEPs,
# in a code block), an HTML table's row (`<tr><td> Title </td><td> X </td>`, conda's CEPs), `Feature Name: X`.
_TITLE_FIELD = LazyPattern(r"^[ \t]*(?:[*-][ \t]+)?(?:<tr>[ \t]*)?(?:<td>[ \t]*)?[*_]{0,2}(?:Title|Feature Name)"
                           r"[*_]{0,2}[ \t]*(?::|(</td>)[ \t]*<td>)[*_ \t]*([^\n]*)", re.IGNORECASE)
# A line that goes on with a field's value: none that starts a field, a heading, an item, a table or a block.
_RUNS_ON = LazyPattern(r"[ \t]*[^\s*_#|>`<-][^:\n]*$")
# A metadata table's row naming the record (Jupyter's `| Title | Jupyter Enhancement Proposal |`); a header row,
# over `| --- |`, names a column instead.
# Its value is stripped of spaces after the match, not by it: a pattern with three ways to take them is cubic.
_TITLE_ROW = LazyPattern(r"^[ \t]*\|[ \t]*[*_]{0,2}Title[*_]{0,2}[ \t]*\|([^|\n]*)\|", re.IGNORECASE)
_DELIMITER_ROW = LazyPattern(r"^[ \t]*\|?[ \t]*:?-{3,}")
# A front-matter key that names the feature (Rust's RFC header, as GreptimeDB keeps it: `Feature Name:`, `Date:`).
FEATURE_NAME_KEY = LazyPattern(r"feature[ _-]name", re.IGNORECASE)
# `[words][label]`, its target on a line of its own; no bracket inside, so a run of `[` is read in linear time
_REFERENCE_LINK = LazyPattern(r"\[[^\[\]]*\]\[([^\[\]]+)\]")
_LINK_DEFINITION = LazyPattern(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)")
_PROTOTYPE = LazyPattern(r"^(?:[Pp]-?)?0*(\d+)$")


@named
class Link:
    """A relation from one ADR to another: `amends` 5, or a team's own such as `clarified by`."""

    relation: str  # lower-case words: "amends", "amended by", "clarified by"
    target: str  # the other ADR's key; "" when the link does not point at an ADR file
    line: int | None = None


@named
class Decision:
    """One ADR as read from its file; `findings` holds what could not be understood."""

    key: str  # how the CLI names it: "12" for 0012-x.md, the file stem for a log4brains file
    number: int | None
    title: str | None
    status: str | None  # normalised lower-case word, e.g. "superseded"
    status_raw: str | None  # as written, e.g. "Superseded by [13. Foo](0013-foo.md)"
    superseded_by: str | None  # key of the successor
    date: str | None  # ISO YYYY-MM-DD, or None when there is none or it cannot be read
    path: Path
    form: str
    decision_makers: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    prototypes: tuple[int, ...] = ()
    data_change: bool = False
    migration_plan: str | None = None  # text of a "Migration plan" section, when there is one
    extra: dict[str, object] = {}  # front-matter keys decisionbook does not know (never mutated)
    findings: tuple[Finding, ...] = ()
    title_line: int | None = None
    status_line: int | None = None
    data_change_line: int | None = None
    date_raw: str | None = None  # the date as written, e.g. "10 August 2022"
    date_line: int | None = None
    status_span: tuple[int, int] | None = None  # columns of the status words on status_line (body forms)
    date_span: tuple[int, int] | None = None  # columns of the date on date_line (body forms)
    status_list: tuple[int, int] | None = None  # first and last line of a Status section's dated history list
    # A Status section that states the status again below a status field (`- **Status**: Proposed`, then
    # `## 2. Status` over `Proposed`): its line and the columns of its words, which a status change sets too.
    status_again: tuple[int, int, int] | None = None
    body_line: int = 1  # the body's first line, after the front matter: a line above it is the front matter's

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """`ADR-0012` or the slug: how messages name this record."""
        return f"ADR-{self.number:04d}" if self.number is not None else self.key

    @property
    def cited(self) -> str:
        """How the index and other records name this one: its number as its file name writes it, after
        the name's prefix (`ADR-006` for `ADR-006-x.md` or `006-x.md`, `RFC-0003`, `ADR001`), so a folder
        that writes three digits is not given four; `label` where such text would not read back. A record kept as
        a folder is named by the folder's name (`SLEP018` for `slep018/proposal.rst`)."""
        match = RECORD_FILE.match(record_name(self.path.as_posix())) if self.number is not None else None
        if match is None or int(match.group(2)) != self.number:
            return self.label
        prefix = match.group(1).upper().replace("_", "-")
        for text in (prefix and prefix + match.group(2), "ADR-" + match.group(2)):
            if text and ref_key(text) == str(self.number):
                return text
        return self.label


def file_key(name: str) -> str | None:
    """The key of the ADR file *name*, or None when the name is not an ADR file name."""
    numbered = numbered_file(name)
    if numbered:
        return str(numbered[1])
    if DATED_FILE.match(name) or draft_slug(name) is not None or series_record(name):
        return name.rsplit(".", 1)[0]
    return None


def named_by(path: Path) -> tuple[int | None, str]:
    """The number and the key the file name of *path* gives its record."""
    name = record_name(path)  # a record kept as a folder (`CIP-0001/README.md`) is named by the folder
    numbered = numbered_file(name)
    if numbered:
        # An expired text shares its revision's number, which names the revision; its file name names it (ADR 0169).
        return numbered[1], name.rpartition(".")[0] if marked_status(name) else str(numbered[1])
    return None, file_key(name) or name.rpartition(".")[0] or name


def ref_key(value: object) -> str | None:
    """The key an ADR reference means: 12, "0012", "ADR-0012", "#12", a file name or a slug."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value) if value >= 0 else None  # MADR numbers its first record 0000
    if not isinstance(value, str):
        return None
    text = value.strip()
    link = _LINK.search(text)
    if link:
        text = _target(link).strip()
        if text.startswith("#"):
            return None  # a place in the same page (`[Graph API](#graph-api)`), not a record
    if "\\" in text and not text.startswith("\\"):
        text = text.replace("\\", "/")  # a Windows path, as adr-cli for .NET writes links (`.\\00004-x`)
    if text.endswith((".md", ".markdown", ".qmd", ".rst")) or "/" in text:
        # A record kept as a folder is named by the folder, with its page or without (`../CIP-0001/`).
        name = record_name(text.split("#")[0].rstrip("/"))
        if "://" in text and not name.endswith((".md", ".markdown", ".qmd", ".rst")):
            return None  # a page on the web (`.../pull/12`, `.../issues/4`), not a record file
        if marked_status(name) and file_key(name):
            return name.rpartition(".")[0]  # an expired text, named by its file alone, never by its number
        return file_key(name) or file_key(name + ".md")  # Sphinx and wikis name a page without its extension
    if text.endswith((".html", ".htm")) and "://" not in text:  # the page a record is published as (Jekyll)
        return file_key(text.split("#")[0].rsplit("/", 1)[-1].rsplit(".", 1)[0] + ".md")
    bare = re.sub(r"^(?:(?:[a-z]+[-_])*adr[-_ ]?|#(?!##))", "", text, flags=re.IGNORECASE)  # not `####-x`
    if bare == text:  # a series' own letters: `TEP-0004`, `SE-0105`, `NEP 20`; after `ADR-` a series of
        bare = re.sub(r"^[A-Z]{2,5}[-_ ]?(?=\d+$)", "", text)  # records beside (`ADR-CFR-001`), not ADR 1
    text = bare
    if text.isascii() and text.isdigit():
        return text.lstrip("0") or "0"  # as text: Python makes no number of more than 4,300 digits
    if marked_status(text + ".md") is not None and file_key(text + ".md"):  # without `.md`: `0249-x.expired`
        return text
    if re.fullmatch(r"(?:[^\W_]|###)[\w#-]*", text):  # a slug, in any script: `wähle-café`; a draft's `####-x`
        numbered = numbered_file(text + ".md")  # a record's file name without `.md`: `0002-use-x`
        return str(numbered[1]) if numbered else text
    # The key of a record named with spaces, as listed (`2022-06-15 - Keycloak managed by Terraform`), or with a point
    # after its day (`20250214.biome`).
    return text if (" " in text or "." in text) and file_key(text + ".md") == text else None


_FILE_IN_TEXT = LazyPattern(r"(?<![\w.-])[\w.-]+\.(?:md|markdown|qmd|rst)\b")  # from the start of a run only
_NUMBER_IN_TEXT = LazyPattern(r"^\W*(?:[A-Za-z]+[-_ ])*?(?:ADR|RFC|#)[-_ ]?0*(\d+)\b|^\W*0*(\d+)\b", re.IGNORECASE)


def loose_ref_key(text: str) -> str | None:
    """The ADR a phrase such as "ADR-0014 (the body parts)" or "`docs/adr/008-x.md` at noon" names."""
    key = ref_key(text)
    if key is not None:
        return key
    found = _FILE_IN_TEXT.search(text)
    if found and file_key(found.group(0)):
        return file_key(found.group(0))
    number = _NUMBER_IN_TEXT.search(text)
    if number:
        value = int(number.group(1) or number.group(2))
        return str(value) if value > 0 else None
    return None


def prototype_ref(value: object) -> int | None:
    """A prototype number from 7, "7", "P7" or "P-0007"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value > 0 else None
    if isinstance(value, str):
        match = _PROTOTYPE.match(value.strip())
        if match and match.group(1).isascii() and int(match.group(1)) > 0:
            return int(match.group(1))
    return None


def relation_name(text: str) -> str:
    """A relation in canonical form: lower-case words separated by single spaces."""
    return " ".join(re.split(r"[\s_-]+", text.strip().lower()))


def keyed_relation(key: str) -> str | None:
    """The relation front-matter *key* records (`supersedes`, `replaces`, `superseded-by`), or None."""
    lowered = key.lower()
    return "supersedes" if lowered == "supersedes" else _KEYED_RELATIONS.get(lowered)


def _date_text(value: object) -> str | None:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    return None


class _Reader:
    """Collects the fields and findings of one file while it is being read."""

    def __init__(self, doc: frontmatter.Document, path: Path, display: str | None, slugs: tuple[str, ...] = (),
                 series: tuple[str, ...] = (), adr_dir: str = ""):
        self.doc = doc
        self.path = path
        self.rel = display or str(path)
        self.lines = doc.text_lines()
        self.findings: list[Finding] = []
        self.fields: dict[str, object] = {"links": []}
        self.slugs = slugs
        self.series = series
        self.adr_dir = adr_dir
        self.underlined = underlined_headings(self.lines, doc.body_start, is_rst(path))

    def ref(self, text: object) -> str | None:
        """The record *text* names: a record of a series of its own by its label (`VIS-001`, which ref_key
        reads as 1), as ref_key reads it, or a link to a record named by its slug alone."""
        if self.adr_dir and isinstance(text, str) and "/" in text and self._elsewhere(text):
            return None  # `[01-contracts.md](../design/phases/01-contracts.md)`: a document, not a record
        if self.series and (label := series_reference(text)) is not None:
            named = [stem for stem in self.series if series_label(stem + ".md") == label]
            if named:
                return named[0]
        key = ref_key(text)
        if key is None and self.slugs and isinstance(text, str):
            link = _LINK.search(text)
            name = (_target(link) if link else text).split("#")[0].rsplit("/", 1)[-1].strip()
            stem, dot, extension = name.rpartition(".")
            if not dot or extension.lower() not in RECORD_EXTENSIONS:
                stem = name if link and link.group(8) else None  # a wiki link names the page alone
            key = stem if stem in self.slugs else None
        return key

    def _elsewhere(self, text: str) -> bool:
        """Whether the link in *text* leads out of the ADR folder, to a file of the repository's."""
        link = _LINK.search(text)
        target = _target(link).split("#", 1)[0] if link else ""
        if not target or "://" in target or target.startswith(("/", "{")) or not self.path.is_absolute():
            return False
        linked = os.path.normpath(os.path.join(self.path.parent, target))
        return not (linked + os.sep).startswith(self.adr_dir.rstrip(os.sep) + os.sep)

    def loose(self, text: str) -> str | None:
        """The record a phrase names (`ADR-0014 (the body parts)`, `VIS-001`), as loose_ref_key reads it, else ref."""
        if self.series and (own := self.ref(text)) in self.series:
            return own
        return loose_ref_key(text) or self.ref(text)

    def inline_links(self, text: str) -> str:
        """*text* with each reference link a line of the file defines written inline: `[x][0018]` as
        `[x](./0018-x.md)`."""
        def inline(link: re.Match) -> str:
            target = self.defined_link(link.group(0))
            return f"{link.group(0)[: -len(link.group(1)) - 2]}({target})" if target else link.group(0)

        return _REFERENCE_LINK.sub(inline, text)

    def defined_link(self, text: str) -> str | None:
        """For a reference link in *text* (`[2024-02-16][adr-08]`), the target its definition line gives
        (`[adr-08]: ./08-update.md`); None when no line defines it. Else *text*."""
        link = _REFERENCE_LINK.search(text)
        if link is None:
            return text
        label = link.group(1).lower()
        for line in self.lines:
            defined = _LINK_DEFINITION.match(line)
            if defined and defined.group(1).lower() == label:
                return defined.group(2)
        return None

    def warn(self, line: int | None, message: str) -> None:
        finding = Finding(self.rel, line, "warning", message)
        if finding not in self.findings:
            self.findings.append(finding)

    def error(self, line: int | None, message: str) -> None:
        self.findings.append(Finding(self.rel, line, "error", message))

    def sections(self) -> list[tuple[int, str, int, int]]:
        """(level, heading, index of heading line, index after the section) outside code fences.

        A heading underlined (`Status` over `------`) has the index of the line under it, so that its
        text starts on the next line as an ATX heading's does; `underlined` keeps its text's line.
        """
        found: list[list] = []
        fence = None
        lines = self.lines
        underlined = self.underlined
        for index in range(self.doc.body_start, len(lines)):
            line = lines[index]
            if "```" in line or "~~~" in line:
                stripped = line.lstrip()
                if stripped.startswith(("```", "~~~")):
                    marker = stripped[:3]
                    fence = None if fence == marker else (fence or marker)
                    continue
            if fence:
                continue
            if index in underlined:
                level, text, _ = underlined[index]
                found.append([level, text, index, len(lines)])
                continue
            if not line.startswith("#"):
                continue
            match = HEADING.match(line)
            if match and index + 1 not in underlined:
                found.append([len(match.group(1)), heading_text(match), index, len(lines)])
        open_sections: list[list] = []  # each section ends at the next heading of its level or higher
        for section in found:
            while open_sections and open_sections[-1][0] >= section[0]:
                open_sections.pop()[3] = section[2]
            open_sections.append(section)
        return [tuple(s) for s in found]

    def add_relation(self, relation: str, target_text: str, line: int) -> None:
        relation = relation_of(relation)
        if relation in EITHER_WAY:
            superseded = read_status(self.fields.get("status_raw") or "")[0] == "superseded"
            relation = "superseded by" if superseded else "supersedes"
        target = self.ref(target_text) or ""
        if not target:
            self.warn(line, f"{relation} {target_text!r}: the link does not point at an ADR file")
            return
        if relation == "supersedes":
            predecessors = self.fields.setdefault("supersedes", [])
            if target not in predecessors:  # said twice (a status's note and a relation line) is one relation
                predecessors.append(target)
            return
        if relation == "superseded by":
            self.fields.setdefault("superseded_by", target)
            return
        if relation not in REVERSE and relation not in _PARTLY:
            self.warn(line, f"relation {relation!r} is not one decisionbook knows; kept as a link")
        self.fields["links"].append(Link(relation, target, line))


def _split_people(text: str) -> list[str]:
    """*text* split at its commas, but those between brackets: a person's note (`Ana (format research, docs/)`);
    handles with no comma between them at their spaces (`eljobe@ plasmapower@`, `@ana @ben`)."""
    if "," not in text and all(word.startswith("@") or word.endswith("@") for word in text.split()):
        return text.split()
    if "(" not in text and "（" not in text:
        return text.split(",")
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(depth - 1, 0)
        elif char == "," and not depth:
            parts.append(text[start:at])
            start = at + 1
    return [*parts, text[start:]]


def _people(reader: _Reader, value: object, key: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        inner = value.strip()
        if inner.casefold() in _NOBODY:
            return ()  # `consulted: "no"`: no one was
        if (inner[:1] + inner[-1:] in ("[]", "{}") and "," not in inner and len(inner.split()) >= 4
                and not any(mark in inner[1:-1] for mark in "[]{}")):
            # log4brains' `[list everyone involved in the decision]`: words to replace, not a person
            reader.warn(line, f"{key} {value.strip()!r} is the template's placeholder; name the people")
            return ()
        if inner[:1] + inner[-1:] == "[]" and not any(mark in inner[1:-1] for mark in "[]"):
            value = inner[1:-1]  # `[Ana Lima, Ben Ode]`, a list written as YAML would write it
        return tuple(_person(p) for p in _split_people(value) if p.strip())
    if isinstance(value, list) and all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in value):
        return tuple(str(p) for p in value)
    reader.warn(line, f"{key} should be a list of names; found {type(value).__name__} (a template placeholder?)")
    return ()


_NOBODY = frozenset(("no", "none", "nobody", "no one", "n/a", "-", "—", "keine", "niemand", "aucun", "personne",
                     "nadie", "ninguno", "ninguém", "nessuno", "geen"))
_LINKED_PERSON = LazyPattern(r"\[([^\[\]]+)\]\([^()\s]+\)")  # `[@butonic](https://github.com/butonic)`


def _person(written: str) -> str:
    """A person as named, without the quotes or the link around the name."""
    name = written.strip()
    linked = _LINKED_PERSON.fullmatch(name)
    if linked is not None:
        return linked.group(1).strip()
    return name[1:-1].strip() if len(name) > 2 and name[0] + name[-1] in ('""', "''", "“”", "«»") else name


def _references(reader, meta, key, parse, line_of, example) -> list | None:
    """The references listed under front-matter *key* (one or a list), warning about unreadable ones."""
    value = meta.get(key)
    if value is None:
        return None
    items = [item for item in (value if isinstance(value, list) else [value])
             if not (isinstance(item, str) and item.strip().lower() in _NO_REFERENCE)]
    parsed = [parse(item) for item in items]
    if None in parsed:
        reader.warn(line_of(key), f"{key} should list {example}")
    return [item for item in parsed if item]


# Front-matter keys of a record's date, MADR's first, the others as other tools name them; a status
# change sets the first of these a record has, and adds `date` beside a creation date.
# Keys in the languages teams write their front matter in (`statut: accepté`, `consultés:`, MADR in French).
FRONT_MATTER_ALIASES = {"statut": "status", "estado": "status", "stato": "status",
                        "consultés": "consulted", "informés": "informed"}
FRONT_MATTER_DATES = ("date", "decision-date", "decision_date", "decided", "last-updated", "last_updated", "updated",
                      "updated_at",
                      "last revised", "last-revised", "last_revised", "last updated",
                      "date-issued", "date_issued")  # the day a decision was issued (Hackney's data platform)
_FRONT_MATTER_DATES = FRONT_MATTER_DATES + ("created", "created_at", "date-created", "date_created", "creation-date",
                                             "creation_date",  # KEPs and the proposals modelled on them
                                             "created on",  # Windows Terminal's specs
                                             "start-date", "date-started",  # Nix's RFCs, Jupyter's JEPs
                                             "start date")  # AWS CDK's RFCs
_KEYS = KNOWN_KEYS | frozenset(_FRONT_MATTER_DATES)  # read whatever their case
# Relations as other tools name them in front matter (`superseded_by`, `amended-by`, `extends`);
# `supersedes` is decisionbook's own key, read on its own.
_KEYED_RELATIONS = {
    joined.join(relation.split()): relation for relation in (*REVERSE, *_SAME_RELATION) if relation != "supersedes"
    for joined in ("_", "-", " ", "")
}  # with other words for them: `replaces`, `replaced-by` (Tekton's TEPs), `SupercededBy` (PowerShell's RFCs)


def read_as_field(key: str) -> bool:
    """Whether the front-matter *key* is one the reader takes for a field of the record (its status, a day, who
    decided, a relation, its approvals), not one of a documentation site's keys (`layout`, `parent`)."""
    lowered = FRONT_MATTER_ALIASES.get(key.lower(), key.lower())
    return (lowered in _KEYS or lowered in _KEYED_RELATIONS or lowered in ("adr", "approvals")
            or FEATURE_NAME_KEY.fullmatch(key) is not None)


# What a template's relation key holds until there is one: `SupercededBy: N/A`.
_NO_REFERENCE = frozenset(("n/a", "na", "none", "-", "—", "tbd", ""))


def _read_front_matter(reader: _Reader) -> None:
    doc = reader.doc
    lines = reader.lines

    keyed: dict[str, int] = {}  # each top-level key, lower-case, and the line it is on
    separator = "=" if doc.is_toml else ":"
    for index in range(1, doc.fm_end or 1):
        name, colon, _ = lines[index].partition(separator)
        if colon and name[:1] not in (" ", "\t", "-", "#", "["):
            name = name.strip(" \t")
            lowered = FRONT_MATTER_ALIASES.get(name.lower(), name.lower())
            if name.islower() or lowered not in keyed:  # `date:` beside `Date:` is the one read
                keyed[lowered] = index + 1

    def line_of(key: str) -> int | None:  # a key as the file spells it (`SupercededBy`) is on its line too
        return keyed.get(FRONT_MATTER_ALIASES.get(key.lower(), key.lower()))

    meta = doc.meta
    fields = reader.fields
    if not isinstance(meta, dict):
        hint = ""
        if isinstance(meta, str) and re.match(r"[\w-]+:\S", meta):  # `tag:Web Client`, meant as `tag: Web Client`
            key, value = meta.split(":", 1)
            hint = f"; a key needs a space after its colon: {key}: {value[:40]}"
        reader.warn(2, f"front matter is a {type(meta).__name__}, not a mapping of keys; its values are ignored{hint}")
        return
    if doc.is_toml and isinstance(meta.get("extra"), dict):
        # Zola keeps a page's own fields in its `[extra]` table: `status` there is the record's.
        meta = {**{key: value for key, value in meta["extra"].items() if key not in meta}, **meta}
        del meta["extra"]
    known, relations, extra = {}, {}, {}
    for key, value in meta.items():
        lowered = FRONT_MATTER_ALIASES.get(key.lower(), key.lower()) if isinstance(key, str) else key
        if lowered in _KEYS:
            known[lowered] = value
        elif lowered in _KEYED_RELATIONS:
            relations[key] = _KEYED_RELATIONS[lowered]
        else:
            extra[key] = value
    fields["extra"] = extra
    # `Status:` and `Date:` as some teams capitalise them mean what `status:` and `date:` do.
    meta = {**known, **meta}

    def text(key: str) -> str | None:
        value = meta.get(key)
        if value is None:
            return None
        result = _date_text(value) if key in _FRONT_MATTER_DATES else (value if isinstance(value, str) else None)
        if result is None:
            kind = "mapping" if isinstance(value, dict) else type(value).__name__
            reader.warn(line_of(key), f"{key} holds a {kind} where text belongs (a template placeholder?)")
        return result

    if "title" in meta:
        fields["title"] = text("title")
        fields["title_line"] = line_of("title")
    named = next((key for key in meta if isinstance(key, str) and FEATURE_NAME_KEY.fullmatch(key)), None)
    if named is not None and isinstance(meta[named], str) and meta[named].strip():
        # A title given as a field (`Feature Name: Remote WAL Purge`): read where no heading gives one.
        fields["title_field"] = (meta[named], line_of(named.lower()))
    key = next((key for key in _FRONT_MATTER_DATES if meta.get(key) is not None), None)
    if key is not None:
        fields["date_raw"] = text(key)
        fields["date_line"] = line_of(key)
        fields["date_key"] = key
    status = text("status")
    if status is not None:
        fields["status_raw"] = status
        fields["status_line"] = line_of("status")
    elif isinstance(meta.get("adr"), dict) and isinstance(meta["adr"].get("status"), str):
        _read_adr_mapping(reader, meta["adr"], line_of("adr"))
    for key in MAKER_KEYS:
        if key in meta:
            fields["decision_makers"] = _people(reader, meta[key], key, line_of(key))
            break
    for key in ("consulted", "informed"):
        fields[key] = _people(reader, meta.get(key), key, line_of(key))

    supersedes = _references(reader, meta, "supersedes", reader.ref, line_of, "ADR numbers, e.g. [3, 5]")
    if supersedes is not None:
        fields["supersedes"] = supersedes
    links = meta.get("links")
    if links is not None:
        line = line_of("links")
        for item in links if isinstance(links, list) else [links]:
            relation = item.get("relation") if isinstance(item, dict) else None
            target = reader.ref(item.get("adr")) if isinstance(item, dict) else None
            if not isinstance(relation, str) or target is None:
                reader.warn(line, f"links entries look like {{relation: amends, adr: 5}}; cannot read {item!r}")
                continue
            reader.add_relation(relation, target, line)
    # Relations as other tools keep them in front matter: `superseded_by: 2`, `amended-by: [5]`.
    for key, relation in relations.items():
        for target in _references(reader, meta, key, reader.ref, line_of, "ADR numbers, e.g. [3, 5]") or ():
            reader.add_relation(relation, target, line_of(key))
    prototypes = _references(reader, meta, "prototypes", prototype_ref, line_of, "prototype numbers, e.g. [7] or [P7]")
    if prototypes is not None:
        fields["prototypes"] = tuple(prototypes)
    data_change = meta.get("data-change")
    if data_change is not None:
        fields["data_change_line"] = line_of("data-change")
        if isinstance(data_change, bool):
            fields["data_change"] = data_change
        else:
            reader.warn(fields["data_change_line"], "data-change should be true or false")


def _read_adr_mapping(reader: _Reader, block: dict, start: int | None) -> None:
    """Fields kept under an `adr:` key, as mkdocs-material-adr writes them: status, created, author,
    superseded_by, extends. The status is edited where it stands."""
    fields, lines = reader.fields, reader.lines
    where: dict[str, tuple[int, int, int]] = {}  # key -> (line, value start, value end); a block's value is empty
    for index in range(start or 1, reader.doc.fm_end):
        line = lines[index]
        if not line.startswith((" ", "\t")):
            break
        key, colon, value = line.partition(":")
        if colon and key.strip() in block and key.strip() not in where:
            begin = len(line) - len(value.lstrip())
            where[key.strip()] = (index + 1, *_clean_span(line, begin, len(re.split(r"[ \t]#", line)[0].rstrip())))
    fields["status_raw"] = block["status"]
    if "status" in where:
        fields["status_line"], *span = where["status"]
        # Edited in place only when its line holds all of it (not `status: >` and lines below).
        if lines[fields["status_line"] - 1][span[0] : span[1]].strip("\"'") == block["status"]:
            fields["status_span"] = tuple(span)
    date_key = next((key for key in _FRONT_MATTER_DATES if block.get(key) is not None), None)
    if date_key is not None and "date_raw" not in fields:
        fields["date_raw"] = _date_text(block[date_key])
        fields["date_line"] = where.get(date_key, (start,))[0]
    if "decision_makers" not in fields and block.get("author") is not None:
        fields["decision_makers"] = _people(reader, block["author"], "author", where.get("author", (start,))[0])
    for key in block:
        relation = "supersedes" if key == "supersedes" else _KEYED_RELATIONS.get(str(key).lower())
        if relation is not None:
            line = where.get(key, (start,))[0]
            for target in _references(reader, block, key, ref_key, lambda _: line, "ADRs, e.g. [0001-use-x]") or ():
                reader.add_relation(relation, target, line)


# A field line: `Status: X`, `* Status: X`, `**Status:** X`, `- **Status**: X`, `> Status: X`, `*Status:* X`,
# reStructuredText's field list, `:Status: X`, a directive's option, `:proposal_date: x`, and a label after an emoji
# (Primer's `📆 Date: x`).
# The letters a label is written in: Latin, Cyrillic, and Japanese, Chinese and Korean, whose colon is wide.
_LETTER = _LATIN_CYRILLIC + "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_FIELD = LazyPattern(
    r"(?P<pre>[ \t]*(?:>[ \t]*)?(?P<bullet>[*+-][ \t]+)?(?:[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?[ \t]+)?"
    r"(?::(?=[A-Za-z]))?)(?P<open>_\*\*|\*\*|__|\*|_)?"
    rf"(?P<label>[{_LETTER}][{_LETTER} /_-]{{0,30}}?)[ \t]*(?:(?P<close>\*\*|__|\*|_)[ \t]*)?[:：][ \t]*"
    r"(?P<after>\*\*|__|\*|_)?[ \t]*"
)
# `Date: x | Status: y`, `Datum: x · Status: y`, and run-in labels after a sentence: `**Date.** x. **Status.** y`.
BETWEEN_FIELDS = LazyPattern(r" \| | · |(?<![ \t])[ \t]{2,}(?=\S)|(?<=\.)[ \t]+(?=\*\*|__)")
_RUN_IN = LazyPattern(r"(\*\*|__)([A-Za-z][A-Za-z /-]{0,30}?)\.(\1)")
_NEXT_FIELD = LazyPattern(r"[ \t]*(?:\*\*|__|\*|_)?[A-Za-z][A-Za-z /-]{0,30}?[ \t]*(?:(?:\*\*|__|\*|_)[ \t]*)?:")
_BYLINE = LazyPattern(r"[ \t]*[A-Za-z][\w .'-]{0,60}? \| (?=[A-Za-z][A-Za-z ]{0,30}:)")
# The release a status holds since, after its words (Kotlin's KEEPs: `Experimental since 2.2`, `Beta in 1.9`).
_SINCE_RELEASE = LazyPattern(r"[ \t]+(?:since|in|from|as of)[ \t]+v?\d+(?:\.\d+)*[\w.-]*$", re.IGNORECASE)
_PLACEHOLDER = LazyPattern(r"^\s*\[[^\]]*\|")  # `[proposed | accepted | ...]`, a template's choices
_BR = LazyPattern(r"<br\s*/?>$")
# `Status` in English, German, Dutch and Polish; `Statut` or `État` (adr-tools' French), `Estado`, `Stato` in French,
# Spanish and Portuguese, Italian; `Durum`, `Stav`, `Tila` in Turkish, Czech, Finnish; Japanese, Chinese (simplified
# and traditional), Korean, Russian and Ukrainian.
STATUS_LABELS = frozenset(
    ("status", "decision status", "current status", "adr status", "rfc status", "proposal status", "design status",
     "state", "statut", "état", "etat", "estado", "stato",
     "durum", "stav", "tila", "ステータス", "状態", "状态", "狀態", "상태", "статус", "состояние")
)
# Dates a record was first written on: a later change of status leaves them as they are.
CREATION_LABELS = ("created", "date created", "date proposed", "proposed on", "proposal date", "creation date",
                   "start date",  # Rust's RFCs and those modelled on them: the day the proposal was opened
                   "started",  # Cedar's RFCs, first of their Timeline: `- Started: 2024-06-26`
                   "begin design discussion",  # Cilium's CFPs: the day their design discussion began
                   "submitted", "date submitted", "submitted on",  # Qiskit's RFCs: `| **Submitted** | 2023-11-21 |`
                   # Ugrow's records, in their closing notes, in English and in Portuguese
                   "registration date", "data do registro", "data de registro")
# Dates that say when a record last changed: every change of its status sets them.
UPDATED_LABELS = ("last updated", "updated", "last modified", "date updated", "last revised", "revised",
                  "last update", "última atualização", "ultima atualizacao")
_DATE_LABELS = (
    ("date", "decision date", "date decided", "decided", "decided on", "accepted on", "approved on", "date accepted",
     "date approved", "approval date", "datum", "fecha", "dato", "tarih", "päivämäärä", "tanggal", "日付", "日期",
     "날짜", "дата", "дата принятия", "发表于"),
    (*UPDATED_LABELS, *CREATION_LABELS),
)
META_HEADINGS = STATUS_LABELS | {"date", "meta", "metadata", "decision date", "preamble"} | set(_DATE_LABELS[1])
# Headings of a record's parts, which a record without a title heading starts with (RFCs: `# Summary`).
_PART_HEADINGS = frozenset((
    "summary", "abstract", "overview", "introduction", "context", "context and problem statement", "background",
    "motivation", "problem", "problem statement", "goals", "decision drivers", "considered options", "options",
    "alternatives", "proposal", "decision", "decision outcome", "rationale", "consequences", "details",
))
_STATUS_OR_DATE = STATUS_LABELS | frozenset(_DATE_LABELS[0])  # in any language: no extra field (`* Статус:`)
_LINKS_HEADINGS = frozenset(("links", *(heading.lower() for heading in LINKS_IN.values())))
_RELATION_LABELS = frozenset(("supersedes", "amends", "extends", "reverts", "relates to", "related to",
                              *_SAME_RELATION, *EITHER_WAY))
# The fields a table's header row may name, each read from the column below it; and the labels of a
# record's metadata: a header row names nothing else (a table of related records, `| ADR | Title |
# Status |`, is not the record's own), and a key-value table's row starts with one of them.
_COLUMN_LABELS = STATUS_LABELS | frozenset(_DATE_LABELS[0] + _DATE_LABELS[1]) | _RELATION_LABELS | frozenset(REVERSE)
_META_LABELS = _COLUMN_LABELS | frozenset(MAKER_KEYS) | {
    "decision makers", "deciders", "consulted", "informed", "author", "authors", "author(s)", "owner", "owners",
    "reviewers", "tags", "version",
}


@named
class ReadOptions:
    """A team's reading settings: its own status words, and how to read `05/02/2018`."""

    statuses: tuple[tuple[str, str], ...] = ()  # [adr.statuses] phrase = status
    date_order: str | None = None  # [adr] date-order: day-first | month-first
    slugs: tuple[str, ...] = ()  # the folder's records named by their slug alone, which links name by file
    adr_dir: str = ""  # the ADR folder, below which a folder may name its records' stage (STAGE_FOLDERS)
    listed: tuple[Listed, ...] = ()  # the records the ADR folder's list names with their fields (folder_index)
    series: tuple[str, ...] = ()  # the file stems of the folder's records of a series of their own (`VIS-001-x`)


def _clean_span(line: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of *line* without surrounding blanks, trailing comments, emphasis or line breaks.

    Taken off from the end one at a time: a pattern of them, tried from each character, took minutes
    on a line of `** ** ** ...`."""
    while end > start:  # indexes, not slices: a line of `****...` is taken off two characters at a time
        last = line[end - 1]
        if last in " \t\\":
            end -= 1
        elif end - start >= 2 and line[end - 2] == last and last in "*_" and (
            last == "*" or end - 2 == start or line[end - 3] != "`"
        ):
            end -= 2  # the underscores that end a reStructuredText link (`` `x <y>`__ ``) are the link's
        elif line.endswith("-->", start, end) and (opening := line.rfind("<!--", start, end)) >= 0:
            end = opening
        elif last == ">" and (br := _BR.search(line, max(start, end - 16), end)) is not None:
            end = br.start()
        else:
            break
    while start < end and line[start] in " \t":
        start += 1
    return start, end


def _code_inside(line: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of a table cell's value without the backticks it is written in (`` `Implemented` ``),
    which an edit keeps."""
    if end - start > 2 and line[start] == line[end - 1] == "`" and "`" not in line[start + 1 : end - 1]:
        return start + 1, end - 1
    return start, end


def _quoted_inside(line: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of a field's value without the quotes it is written in (`**statut**: "accepté"`), which an
    edit keeps."""
    if (end - start > 2 and line[start] + line[end - 1] in ('""', "“”", "«»")
            and line[start] not in line[start + 1 : end - 1]):
        return start + 1, end - 1
    return start, end


def _strong_inside(line: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of a table cell's value without the bold it is written in (Qiskit's `| **Accepted** |`), which
    an edit keeps; the marks that close it are left out of [start, end) already."""
    if line.startswith(("**", "__"), start) and line.startswith(line[start : start + 2], end):
        return start + 2, end
    return start, end


DELIMITER_ROW = LazyPattern(r"^[ \t]*(?:>[ \t]*)*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$")


def _cells(line: str) -> list[tuple[int, int]]:
    """[start, end) of each cell of the table row *line* (`| a | b |`), between its bars."""
    bars = _bars(line)
    return [(left + 1, right) for left, right in zip(bars, bars[1:])]


def _bars(line: str) -> list[int]:
    """Where the bars of the table row *line* part its cells; a row may leave out the last (`| pyr | 2021-01-08`)."""
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    end = len(line.rstrip())
    if bars and bars[-1] < end - 1 and line[bars[-1] + 1 : end].strip():
        bars.append(end)
    return bars


def _cell_label(line: str, cell: tuple[int, int]) -> str:
    return line[cell[0] : cell[1]].strip(" \t*_`:").lower()


def column_fields(lines: list[str], header: int) -> list[tuple[str, int, int, int]] | None:
    """(label, row, value start, value end) of each field of a table whose header row, at index
    *header*, names the fields and whose first row holds their values:

        | Status   | Date       | Author(s) |
        |----------|------------|-----------|
        | Accepted | 2024-03-18 | @ana      |

    None when the rows there are not such a table: its header row names something other than the
    record's metadata (a value, as `| Status | Accepted |`; a table of other records), or its next
    row starts with a label (a key-value table under a header row).
    """
    if header + 2 >= len(lines) or not DELIMITER_ROW.match(lines[header + 1]):
        return None
    head, row = lines[header], lines[header + 2]
    if not row.lstrip("> \t").startswith("|"):
        return None
    names, values = _cells(head), _cells(row)
    labels = [_cell_label(head, cell) for cell in names]
    if (not values or not all(label in _META_LABELS for label in labels if label)
            or not any(label in _COLUMN_LABELS for label in labels) or _cell_label(row, values[0]) in _META_LABELS):
        return None
    found = []
    for label, cell in zip(labels, values):
        if label in _COLUMN_LABELS:
            start, end = _code_inside(row, *_clean_span(row, *cell))
            found.append((label, header + 2, start, end))
    return found


def line_fields(line: str) -> list[tuple[str, int, int, str]]:
    """(label, value start, value end, style) of each field written on *line*.

    Styles: `table` (`| Status | Accepted |`), `bold` (`**Status:** X`), `madr-bullets`
    (`* Status: X`) and `field` (`Status: X`). Several fields may share a line, split by `|`.
    """
    stripped = line.lstrip()
    if stripped.lstrip("> \t").startswith("|"):  # a table row, in a blockquote too (`>| Status | RFC |`)
        bars = _bars(line)
        if len(bars) < 3:
            return []
        label = line[bars[0] + 1 : bars[1]].strip(" \t*_`:：")
        start, end = _code_inside(line, *_strong_inside(line, *_clean_span(line, bars[1] + 1, bars[2])))
        return [(_label(label), start, end, "table")] if label else []
    run_in = ".**" in line or ".__" in line
    if run_in:
        # `**Status.** Accepted.`, a run-in label: read as `**Status:**`, which has the same length, so
        # every span found is one of *line* too; the period that ends the value's sentence is not the value's.
        line = _RUN_IN.sub(lambda m: f"{m.group(1)}{m.group(2)}:{m.group(3)}", line)
    found = []
    position = 0
    while position < len(line):
        match = _FIELD.match(line, position)
        if not match and not found and (byline := _BYLINE.match(line)) is not None:
            # .NET's designs name their author before their fields: `Kay Doll | Status: Draft` (ADR 0138).
            match = _FIELD.match(line, byline.end())
        if not match:
            break
        end = position = len(line)
        for between in BETWEEN_FIELDS.finditer(line, match.end()):
            # A middle dot ends a field; a `|` or a wide gap only before another (a `|` may stand in a
            # value, as in `[ accepted | rejected ]`).
            if between.group() == " · " or _NEXT_FIELD.match(line, between.end()):
                end, position = between.start(), between.end()
                break
        start, stop = _clean_span(line, match.end(), end)
        if match.group("open") and not match.group("close") and not match.group("after"):
            # `**Status: Accepted**`: the emphasis closes after the value.
            stop = stop - len(match.group("open")) if line[start:stop].endswith(match.group("open")) else stop
        after = match.group("after")
        if after in ("_", "*") and stop - start > 1 and line[stop - 1] == after and line[stop - 2] != after:
            stop -= 1  # `**Status**: _Akzeptiert_`: the emphasis opened after the colon closes after the words
        elif line.count("**", start, stop) % 2 and line.startswith("**", stop):
            stop += 2  # `🔄 **Proposed**`: opened after the mark, the emphasis closes after the words
        if run_in and stop > start and line[stop - 1] == ".":
            stop -= 1
        bold = bool(match.group("open"))
        style = "bold" if bold else ("madr-bullets" if match.group("bullet") else "field")
        found.append((_label(match.group("label")), *_quoted_inside(line, *_code_inside(line, start, stop)), style))
    return found


def _label(written: str) -> str:
    """A field's label as compared: lower-case words parted by single spaces (`Last-Modified`, `Replaced-By`,
    `proposal_date`), without the time zone a day is said in (`Fecha UTC`)."""
    return _TIME_ZONE.sub("", " ".join(written.lower().replace("-", " ").replace("_", " ").split()))


_TIME_ZONE = LazyPattern(r"(?<=\w) (?:utc|gmt)$")


def heading_label(heading: str) -> str:
    """The words naming a section: `status` for `Status` and for `Status: Accepted`."""
    return section_label(heading.split(":", 1)[0])


# A label followed by the same in another language, in brackets or after a slash: `상태 (Status)`, `背景 / Context`.
_GLOSSED = LazyPattern(r"^\s*([^()（）/]+?)\s*(?:[(（]([^()（）]+)[)）]|/\s*([^()（）/]+))\s*$")
# A heading without them glosses nothing: most are told so without compiling the pattern.
_GLOSS_MARKS = frozenset("(（/")


def section_label(heading: str) -> str:
    """The words of a section's *heading*; of a heading naming it in two languages, the label decisionbook knows."""
    words = status_words(heading)
    if words in _KNOWN_SECTIONS or _GLOSS_MARKS.isdisjoint(heading) or (glossed := _GLOSSED.match(heading)) is None:
        return words
    parts = [(part, status_words(part)) for part in glossed.groups() if part]
    # Two languages: each part a label decisionbook knows or written in another script; two English words
    # (`Background / History`) name a section of their own.
    if all(label in _KNOWN_SECTIONS or not part.isascii() for part, label in parts):
        return next((label for _, label in parts if label in _KNOWN_SECTIONS), words)
    return words


def _section_first_line(reader: "_Reader", start: int, end: int) -> int | None:
    for index in range(start + 1, end):
        if _COMMENT.sub("", reader.lines[index]).strip():
            return index
    return None


def _bare_span(line: str) -> tuple[int, int]:
    """The words of a line that holds only a value: no quote mark, bullet, emphasis or trailing comment."""
    match = re.match(r"[ \t]*(?:#{1,6}[ \t]+)?(?:>[ \t]*)?(?:[*+-][ \t]+)?(?:\*\*|__|\*|_)?", line)
    start, end = _clean_span(line, match.end(), len(line))
    while end > start and line[end - 1] in "*_" and not line[start:end].rstrip("_").endswith("`"):
        end -= 1  # emphasis, not the underscores that end a reStructuredText link
    return start, end


_EMPHASIS_START = LazyPattern(r"[ \t]*(?:>[ \t]*)?(?:[*+-][ \t]+)?([^\w\s*_>]+[ \t]*)?(\*\*|__|\*|_)(?=\S)")
_CONNECTORS = (" on", " since", " as of", " from")  # the words between a status and its day


def _before_date(words: str) -> str:
    """*words* without the symbols and words that lead to a day after them (`Accepted on`, `**Agreed** (`,
    `Approved (ARB`: a parenthesis the day is inside, with what it holds before the day); the underscores
    that end a reStructuredText link stay."""
    if "(" in words:
        opened = []
        for at, char in enumerate(words):
            if char == "(":
                opened.append(at)
            elif char == ")" and opened:
                opened.pop()
        words = words[: opened[0]] if opened else words
    while True:
        kept = words.rstrip(" \t([,;:*–—-（，；：")
        while kept.endswith("_") and not kept.rstrip("_").endswith("`"):
            kept = kept[:-1].rstrip(" \t([,;:*–—-（，；：")
        lowered = kept.lower()
        connector = next((c for c in _CONNECTORS if lowered.endswith(c)), None)
        if connector is not None:
            kept = kept[: -len(connector)]
        if kept == words:
            return kept
        words = kept


def _status_span(line: str) -> tuple[int, int, tuple[int, int] | None]:
    """The status words of a line that holds a status (`**Accepted** *2023-09-13*`, `Accepted (2021-01-04)`):
    their span, and the span of the date written after them, if any. Emphasis ends the words, so a
    status change rewrites them alone and the note after them stays; a symbol before the emphasis
    (`🟢 **Agreed**`) is part of the status, and goes with it. A list of choices with one emphasized
    (`**Proposed** | Accepted`) is the status whole, emphasis and all."""
    if chosen(line) is not None:
        match = re.match(r"[ \t]*(?:>[ \t]*)?(?:[*+-][ \t]+)?", line)
        return match.end(), len(line.rstrip()), None
    start, end = _code_inside(line, *_bare_span(line))  # `` `Proposed` ``: the words, the backticks stay
    tail = end
    emphasis = _EMPHASIS_START.match(line)
    if emphasis is not None:
        mark = emphasis.group(2)
        close = line.find(mark, emphasis.end())
        if close > emphasis.end():
            end = close + len(mark) if emphasis.group(1) else close
    masked = _LINK.sub(lambda link: " " * len(link.group()), line[:tail])  # a link's address is no date
    found = find_date(masked[start:])
    if found is None or found[1] == 0:
        if end - start > 1 and line[end - 1] == "." and line[end - 2] != "." and _is_status(line[start : end - 1]):
            end -= 1  # `Accepted.`: the sentence's period stays after the words a status change writes
        return start, end, None
    date = (start + found[1], start + found[2])
    if date[0] < end:
        end = start + len(_before_date(line[start : date[0]]))
    return start, end, date


# A label in bold alone on its line, `**Status**` or `**Status:**`: a heading written as emphasis.
BOLD_LABEL = LazyPattern(
    rf"^[ \t]*(?:\*\*|__)(?P<label>[{_LATIN_CYRILLIC}][{_LATIN_CYRILLIC} /-]{{0,30}}?)[ \t]*(?::[ \t]*)?(?:\*\*|__)"
    r"[ \t]*(?::[ \t]*)?$"
)

# A bold label with its value in parentheses after it, alone on its line: AWS CDK's RFCs write `**Status** (DRAFT)`.
_BOLD_NOTED = LazyPattern(
    rf"^[ \t]*(?:\*\*|__)(?P<label>[{_LATIN_CYRILLIC}][{_LATIN_CYRILLIC} /-]{{0,30}}?)[ \t]*(?:\*\*|__)[ \t]*"
    r"\(([^()\n]{1,80})\)[ \t]*$"
)


# A task-list item, `- [x] Accepted`: a Status section of them says its status by the one checked.
_CHECKBOX = LazyPattern(r"^[ \t]*[-*+][ \t]+\[([ xX])\][ \t]+")


def _is_status(text: str) -> bool:
    """Whether *text* is a status phrase (`Accepted`), not a decision's words: a table's `Decision`
    row holds either."""
    return read_status(text)[0] in STATUSES


# The word a status is labelled by, then what follows it: a colon, a bar, a cell's end and a cell's start
# (`<td> Status </td><td> Proposed </td>`), emphasis; the value runs to the next bar, tag or bracket. Each part
# is bounded, so a line of a megabyte costs linear time.
_STATUS_STATEMENT = LazyPattern(
    r"(?<![\w-])(?:status|statut|stato|estado)(?![\w-])[\s*_:|`]{0,20}(?:<[^>\n]{0,80}>[\s*_:|`]{0,20}){0,4}"
    r"([^|<>\n()\[\]]{1,80})",
    re.IGNORECASE)


def status_statement(lines: list[str]) -> int | None:
    """The index of the first of *lines* that states a status (a status label, then a status), in any
    form: for a record whose status is not read, where its own statement is (`* RFC Status: draft`,
    an HTML table's row, a preamble in a code block), which a change must not contradict."""
    example = None  # the fence of a block of an example's code (```` ```markdown ````, ```` ```yaml ````)
    for index, line in enumerate(lines):
        fence = line.lstrip()[:3]
        if fence in ("```", "~~~"):
            example = None if example == fence else example or (fence if line.strip()[3:].strip() else None)
            continue
        if example or "tat" not in line.lower():
            continue
        # Not in code on a line of prose: `Example: `Status: Accepted`` shows the form, it states nothing.
        ticks, counted = 0, 0  # the backticks before the statement looked at, counted once along the line
        for match in _STATUS_STATEMENT.finditer(line):
            ticks, counted = ticks + line.count("`", counted, match.start()), match.start()
            if ticks % 2 == 0 and _is_status(match.group(1).strip(" *_`.")):
                return index
    return None


def stated_status(lines: list[str]) -> str | None:
    """The words the first of *lines* that states a status (see status_statement) states it in, to the
    statement's end (`Draft | Proposed | Accepted` in `<td> Status </td><td> Draft | Proposed | Accepted </td>`),
    or None."""
    at = status_statement(lines)
    if at is None:
        return None
    line = lines[at]
    stated = next(match for match in _STATUS_STATEMENT.finditer(line) if _is_status(match.group(1).strip(" *_`.")))
    return line[stated.start(1) :].split("<", 1)[0].strip(" *_`|")


def template_choices(raw: str) -> bool:
    """Whether the status *raw* is a template's list of the statuses to choose from, none of them chosen
    (`[proposed | accepted]`, `Draft | Proposed | Accepted`; not `Proposed | **Accepted**`)."""
    return bool(_PLACEHOLDER.match(raw) or choices(raw)) and chosen(raw) is None


def status_choices(lines: list[str], start: int, end: int) -> list[tuple[int, re.Match]]:
    """The task-list items (`- [x] Accepted`) of the section of *lines* between *start* and *end*,
    when they list the choices of its status: most of them name a status. Else none (a checklist
    of follow-ups is no status)."""
    items = [(index, box) for index in range(start + 1, end) if (box := _CHECKBOX.match(lines[index]))]
    named = sum(_is_status(lines[index][box.end() :]) for index, box in items)
    return items if items and 2 * named >= len(items) else []


_LIST_LABEL = LazyPattern(r"[*_]{0,2}([^\W\d_][\w ]{2,40}?)[*_]{0,2}:[*_]{0,2}")
# A link's target: a name that holds spaces stands between angle brackets (`<0003 use x.md>`), else escaped (`%20`).
_TARGET = r"(?:<[^<>\n]+>|[^)\s]+)"
LINK_ITEM = LazyPattern(rf"[*+-][ \t]+(\[[^\]\n]*\]\({_TARGET}\))[.,;]?")


def relation_of(words: str) -> str:
    """The relation *words* name as decisionbook names it: `Superceded by`, `Ersetzt durch` are "superseded by"."""
    relation = relation_name(words)
    if relation not in REVERSE:
        relation = _SAME_RELATION.get(relation) or RELATION_STATUS.get(relation, relation)
    return relation


def listed_relation(lines: list[str], relation: str, start: int) -> int | None:
    """The index of the last item of the list of *relation*'s links under its label (`Supersedes:` over
    `* [ADR 8](...)`) in *lines* from *start*, or None when they hold no such list."""
    for index in range(start, len(lines)):
        line = lines[index]
        label = _LIST_LABEL.fullmatch(line.strip()) if line.rstrip().endswith(":") else None
        if label and relation_of(label.group(1)) == relation:
            end = index + 1
            while end < len(lines) and LINK_ITEM.fullmatch(lines[end].strip()):
                end += 1
            if end > index + 1:
                return end - 1
    return None


def _read_status_heading_again(reader: "_Reader", index: int) -> None:
    """The status stated again in the heading at *index* (`### Status: Aceito` in the Portuguese half of a record
    whose English half says `### Status: Accepted`): a change of status writes both (ADR 0138)."""
    line = reader.lines[index]
    offset = len(line) - len(line.lstrip("#"))
    for label, start, end, _ in line_fields(line[offset:]):
        if label in STATUS_LABELS and start < end:
            reader.fields["status_again"] = (index + 1, start + offset, end + offset)
            return


def _stated_words(line: str) -> tuple[int, int]:
    """The columns of the status a line states, without the sentence's period and a note after it (`Accepted.
    Backfill: applied 2026-05-06.` gives `Accepted`)."""
    start, end = _bare_span(line)
    sentence = re.match(r"([^.]+)\.(?:[ \t]|$)", line[start:end])
    if sentence is not None and _is_status(sentence.group(1).strip(" *_`")):
        return start, start + len(sentence.group(1).rstrip())
    return start, end


_ALERT = LazyPattern(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.IGNORECASE)


def _quoted_guidance(lines: list[str], index: int, end: int) -> bool:
    """Whether line *index* of a Status section ending at *end* quotes guidance rather than the status: a quoted
    sentence that is no status, with the section's own words below it (a template's `> A decision may be
    "proposed" if ...` over `{Deprecated|Proposed|Accepted}`). A status a team words its own way is a few words."""
    if not lines[index].lstrip().startswith(">"):
        return False
    first = index
    while first > 0 and lines[first - 1].lstrip().startswith(">"):
        first -= 1
    last = index
    while last + 1 < end and lines[last + 1].lstrip().startswith(">"):
        last += 1
    words = " ".join(line.strip().lstrip(">").strip() for line in lines[first : last + 1])
    if _ALERT.match(words):
        return True  # GitHub's alert (`> [!TIP]` over the template's advice): a note to the reader, never the status
    if len(words.split()) <= 5 or _is_status(words.strip(" *_`.")):
        return False
    below = lines[last + 1 : end]
    return any(_COMMENT.sub("", later).strip() and not later.lstrip().startswith(">") for later in below)


# Primer's records (GitHub's design system) say where a decision stands in a table of stages under the Status
# heading, each ticked once reached: `| Stage | Status |` over `| Approved | ✅ |` and `| Adopted | 🚧 |`.
_STAGE_HEADERS = frozenset(("stage", "phase", "step"))
_TICKS = ("✅", "✔", "☑", "✓", "[x]", "[X]")


def _stage_table(lines: list[str], header: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """(row, [start, end) of its stage) of the last stage ticked in the table of stages whose header row is at
    *header*, or (*header*, (0, 0)) where none is ticked yet; None where no such table starts there."""
    head = lines[header]
    cells = _cells(head)
    if (len(cells) != 2 or _cell_label(head, cells[0]) not in _STAGE_HEADERS
            or _cell_label(head, cells[1]) not in STATUS_LABELS
            or header + 1 >= end or not DELIMITER_ROW.match(lines[header + 1])):
        return None
    reached = (header, (0, 0))
    for index in range(header + 2, end):
        row = lines[index]
        cells = _cells(row)
        if len(cells) != 2:
            break
        if _cell_label(row, cells[0]) in STATUS_LABELS:
            return None  # a row `| Status | Proposed ⚠️ |`: a table of fields, the status read as one
        mark = _COMMENT.sub("", row[cells[1][0] : cells[1][1]]).strip(" \t*_`")
        if mark.startswith(_TICKS):
            reached = (index, _strong_inside(row, *_clean_span(row, *cells[0])))
    return reached


def _read_status_section(reader: "_Reader", start: int, end: int) -> None:
    """A Status heading at any level: a `Status:` field in it (a table's column too), else its checked
    choice, else its first line, is the status; later lines may be relations."""
    fields = reader.fields
    choices = dict(status_choices(reader.lines, start, end))
    chosen = listed = None  # *listed*: a relation whose links follow as items (`Supersedes:` over `* [ADR 8](...)`)
    for index in range(start + 1, end):
        line = _COMMENT.sub("", reader.lines[index]).strip()
        if not line or index in choices:
            continue
        if listed is not None and (item := LINK_ITEM.fullmatch(line)) and reader.ref(item.group(1)):
            reader.add_relation(listed, item.group(1), index + 1)
            continue
        listed = None
        if "][" in line:  # `Amende [0018-x.md][0018]`, the link's address on a line of its own below
            line = reader.inline_links(line)
        elif chosen is None and _LINK_DEFINITION.match(line):
            continue  # that line: `[0018]: ./0018-x.md`
        if chosen and (label := _LIST_LABEL.fullmatch(line)) and _known_relation(label.group(1)):
            listed = label.group(1)
            continue
        table = column_fields(reader.lines, index) if line.startswith("|") else None
        status = [(row, (a, b)) for label, row, a, b in table or () if label in STATUS_LABELS]
        status = status or [(index, f[1:3]) for f in line_fields(reader.lines[index]) if f[0] in STATUS_LABELS]
        if status and line.startswith(">") and template_choices(reader.lines[index][slice(*status[0][1])]):
            continue  # `> 상태: 제안됨(Proposed)|승인됨(Accepted)|…` over the status: the template's hint
        if status:
            chosen, choices = status[0], {}
            break
        stages = _stage_table(reader.lines, index, end) if chosen is None and line.startswith("|") else None
        if stages is not None:
            # The last stage reached is the status (`Approved`), in the team's words; none yet: proposed. Its line
            # is the status's, which edits refuse: ticking a stage is the team's own step.
            row, (a, b) = stages
            fields["status_raw"] = reader.lines[row][a:b] if b else "Proposed"
            fields["status_line"] = row + 1
            fields["form"] = UNKNOWN
            return
        relation = _relation_line(line)
        if relation and not (_known_relation(relation.group(1)) or reader.ref(relation.group(2))):
            relation = None  # `Accepted in [PR 12](https://...)`: words and a link to no record, the status
        if relation and (chosen or choices or relation_name(relation.group(1)) not in RELATION_STATUS):
            reader.add_relation(relation.group(1), relation.group(2), index + 1)
        elif chosen and (named := _named_relation(line)):
            for number in named[1]:
                reader.add_relation(named[0], number, index + 1)
        elif chosen is None and not line.startswith("|") and not _quoted_guidance(reader.lines, index, end):
            words_start, words_end, date = _status_span(reader.lines[index])
            chosen = (index, (words_start, words_end))
            if date is not None:
                fields["status_date"] = (index, *date)
    if choices:  # the checked choice, or none yet; of several (a history), the latest by its day, else the last
        checked = [(index, box) for index, box in choices.items() if box.group(1) != " "]
        if checked:
            index, box = max(checked, key=lambda choice: (_choice_day(reader.lines[choice[0]], choice[1]), choice[0]))
            chosen = (index, _clean_span(reader.lines[index], box.end(), len(reader.lines[index])))
        if chosen is not None and (day := _latest_date(reader.lines[chosen[0]], *chosen[1])) is not None:
            fields["status_date"] = (chosen[0], *day)  # `- [x] Akseptert (dato: 2025-05-05)`
    elif chosen is not None and (history := _history(reader.lines, chosen[0], end)):
        # `* Proposed (2021-06-16)` / `* Rejected (2022-09-26)`: the latest entry is the status now.
        index, span, date = history[-1]
        chosen = (index, span)
        fields["status_date"] = (index, *date)
        fields["status_list"] = (min(history)[0] + 1, max(history)[0] + 1)
    if chosen is not None:
        index, span = chosen
        fields["status_raw"] = reader.lines[index][span[0] : span[1]]
        fields["status_line"] = index + 1
        fields["status_span"] = span


def _choice_day(line: str, box: re.Match) -> str:
    """The ISO day a task-list choice was checked on (`- [x] Akseptert (dato: 2025-05-05)`), "" for none."""
    found = find_date(line[box.end() : box.end() + 200])
    return found[0] if found and found[0] not in (None, AMBIGUOUS) else ""


_ITEM = LazyPattern(r"[ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]+\S")


def _history(lines: list[str], first: int, end: int) -> list[tuple[int, tuple[int, int], tuple[int, int]]]:
    """The list items (or lines that open with their day) from line *first* on that each hold a status
    and its day, a status history (`* Proposed (2021-06-16)`, `2017-11-22 Proposed`), as (line, status
    span, date span), oldest first; one such item is a history too, which a status change adds to."""
    items = []
    for index in range(first, end):
        line = lines[index]
        if not line.strip():
            continue
        day_first = find_date(line.strip()[:40])
        if not _ITEM.match(line) and not (day_first and day_first[1] == 0):  # an item, or a line opened by its day
            break
        start, stop, date = _status_span(line)
        found = find_date(line[start:stop]) if date is None else None
        if found is not None and found[1] == 0:  # `- 2022-09-26: Accepted`, the day first
            date = (start, start + found[2])
            start = date[1] + len(line[date[1] : stop]) - len(line[date[1] : stop].lstrip(" \t:–—-"))
        day = iso_date(line[date[0] : date[1]]) if date else None
        if day is None or day == AMBIGUOUS or read_status(line[start:stop])[0] not in STATUSES:
            break
        items.append((day, index, (start, stop), date))
    newest_first = len(items) > 1 and items[0][0] > items[-1][0]
    # By day; the same day keeps the list's order, whichever way the list runs.
    items.sort(key=lambda item: (item[0], -item[1] if newest_first else item[1]))
    return [(index, span, date) for _, index, span, date in items]


def _read_people_and_extra(reader: "_Reader", start: int, end: int) -> None:
    """`* Deciders: ana, ben`-style lines under the title; unknown bullet labels are kept as extra."""
    fields = reader.fields
    extra = fields.setdefault("extra", {})
    for index in range(start, end):
        line = reader.lines[index]
        match = _BULLET.match(line)
        if not match:
            if "**" in line or "__" in line:  # `**Deciders:** Ana, Ben`, `- **Consulted**: Cy`
                _read_bold_people(reader, line, index)
            elif (plain := _PLAIN_PEOPLE.match(line)) is not None:  # `Deciders: ana, ben` below `Date: ...`
                key = plain.group(1).lower().replace(" ", "-")
                key = FRONT_MATTER_ALIASES.get(key, key)
                name = "decision_makers" if key in MAKER_KEYS else key
                if not fields.get(name):  # front matter that names none leaves them to the body
                    fields[name] = _people(reader, _COMMENT.sub("", plain.group(2)).strip(), key, index + 1)
            continue
        key = relation_name(match.group(1)).replace(" ", "-")
        key = FRONT_MATTER_ALIASES.get(key, key)  # `* consultés : CTO`
        value = _COMMENT.sub("", match.group(2)).strip()
        if key in MAKER_KEYS:
            fields.setdefault("decision_makers", _people(reader, value, key, index + 1))
        elif key in ("consulted", "informed"):
            fields.setdefault(key, _people(reader, value, key, index + 1))
        elif key not in ("status", "date") and _label(key) not in _STATUS_OR_DATE and not _LINK.search(value):
            extra[match.group(1)] = value


def _read_bold_people(reader: "_Reader", line: str, index: int) -> None:
    for label, start, stop, style in line_fields(line):
        key = label.replace(" ", "-")
        key = FRONT_MATTER_ALIASES.get(key, key)
        if style == "bold" and (key in MAKER_KEYS or key in ("consulted", "informed")):
            value = _COMMENT.sub("", line[start:stop]).strip()
            reader.fields.setdefault("decision_makers" if key in MAKER_KEYS else key,
                                     _people(reader, value, key, index + 1))


def _status_alone(text: str) -> bool:
    """Whether *text* states a status and no more, or a status and the record that follows (`Superseded by
    ADR-0019`)."""
    status, relation, _ = read_status(text)
    return status in STATUSES and (relation is not None or status_words(present_part(text)) in SYNONYMS)


def status_heading_end(lines: list[str], start: int, end: int) -> int | None:
    """Where a Status section from heading line *start* to *end* that holds nothing but a heading stating the
    status (`## Status` over `## Accepted`) ends with that heading's section; None for any other section."""
    if end >= len(lines) or any(_COMMENT.sub("", line).strip() for line in lines[start + 1 : end]):
        return None
    heading = HEADING.match(lines[end])
    if heading is None:
        return None
    # Its words are a status and no more (or name the successor): `## Proposed Solution` under a template's
    # empty `## Status` is a section of its own, not the status.
    if not _status_alone(heading_text(heading)):
        return None
    level = len(heading.group(1))
    return next((index for index in range(end + 1, len(lines))
                 if (below := HEADING.match(lines[index])) and len(below.group(1)) <= level), len(lines))


def _read_section(reader: "_Reader", name: str, start: int, end: int, dates: dict) -> None:
    """A section named *name* (a heading, or a bold label line standing for one) from line *start* to
    *end*: a Status section's status, or a Date section's first line as a date."""
    if name in STATUS_LABELS and "status_raw" not in reader.fields:
        _read_status_section(reader, start, status_heading_end(reader.lines, start, end) or end)
        reader.fields.setdefault("form", NYGARD)

    elif name in _DATE_LABELS[0] + _DATE_LABELS[1] or name == "data":
        first = _section_first_line(reader, start, end)
        # `## Data` is the Date section in Portuguese and Italian, and in English one about data: a day says which.
        if first is not None and (name != "data" or find_date(reader.lines[first])):
            dates.setdefault(1 if name in _DATE_LABELS[1] else 0, (first, *_bare_span(reader.lines[first])))
    elif name in _CHANGELOG_LABELS:
        reader.fields.setdefault("changelog", (start, end))


def _latest_date(line: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) of the latest of the dates written in *line* between *start* and *end*; a field's few
    dates are near its start, so only that is looked at (a line of thousands would take quadratic time)."""
    latest, end = None, min(end, start + 200)
    while start < end and (found := find_date(line[start:end])) is not None:
        if found[0] not in (None, AMBIGUOUS) and (latest is None or found[0] >= latest[0]):
            latest = (found[0], start + found[1], start + found[2])
        start += found[2]
    return latest[1:] if latest else None


_CHANGELOG_LABELS = ("changelog", "change log", "changes", "revision history", "history")
_KNOWN_SECTIONS = frozenset((*STATUS_LABELS, *_DATE_LABELS[0], *_DATE_LABELS[1], "data", *_CHANGELOG_LABELS))


def _changelog_date(lines: list[str], start: int, end: int) -> str | None:
    """The latest day, as written, of a Changelog section's entries that each start with their day
    (`- 2020 March 06: Initial draft`, `* Dec 06, 2019: Accepted`); None when none does."""
    latest = None
    for index in range(start + 1, end):
        item = _ITEM.match(lines[index])
        entry = lines[index][item.end() - 1 :] if item else ""
        found = find_date(entry) if item else None
        if found is None or found[1] != 0 or found[0] in (None, AMBIGUOUS):
            continue
        if latest is None or found[0] >= latest[0]:
            latest = (found[0], entry[: found[2]])
    return latest[1] if latest else None


# A row of an HTML table of fields (conda's CEPs: `<tr><td> Created </td><td> Feb 5, 2025</td></tr>`): its label,
# then its value up to the next tag. Each part is bounded by a tag, so a line of a megabyte is read in linear time.
_HTML_ROW = LazyPattern(r"[ \t]*<tr>[ \t]*<td>([^<\n]{1,80})</td>[ \t]*<td>([^<\n]*)")


def html_row(line: str) -> re.Match | None:
    """*line* as a row of an HTML table of fields, its label cell's text group 1 and its value cell's group 2."""
    return _HTML_ROW.match(line)


def html_row_value(line: str) -> tuple[int, int] | None:
    """The columns of the words in the value cell of *line* when it is a row of an HTML table of fields
    (`<tr><td> Created </td><td> Feb 5, 2025</td></tr>`), without the spaces inside the cell; else None."""
    row = html_row(line)
    if row is None:
        return None
    value = row.group(2)
    return row.end() - len(value.lstrip()), max(row.start(2) + len(value.rstrip()), row.end() - len(value.lstrip()))


def html_row_fields(line: str) -> list[tuple[str, int, int, str]]:
    """The field of an HTML table's row, as `line_fields` gives fields, when it is a status or a date
    (`Created`): its span is the cell's words, without the spaces inside the cell."""
    row = html_row(line)
    label = _label(row.group(1)) if row else ""
    if label not in STATUS_LABELS and label not in _DATE_LABELS[0] + _DATE_LABELS[1]:
        return []
    return [(label, *html_row_value(line), HTML)]


def _scan_fields(reader: "_Reader", sections, head_end: int) -> None:
    """Status, date and relation fields written as lines, bold labels, table rows or headings."""
    fields = reader.fields
    doc = reader.doc
    heading_at = {s[2]: s for s in sections}
    dates: dict[int, tuple[int, int, int]] = {}
    columns: dict[int, list] = {}  # row index -> the fields a header row above it names
    near = 0  # the line of the last field read: fields come in runs (relations below a status), read to their end
    below_status = range(0)  # the lines under a heading that states the status (`### Status: Accepted`)
    fence = None
    block = _metadata_block(reader.lines, doc.body_start, head_end)
    for index in range(doc.body_start, len(reader.lines)):
        if 0 in dates and "status_line" in fields and index >= max(head_end, fields["status_line"] + 4, near + 4):
            break  # status and date found, and the lines a relation is written on are behind us
        line = reader.lines[index]
        stripped = line.lstrip()
        row = stripped.lstrip("> \t") if stripped.startswith(">") else stripped  # a table may stand in a quote
        if index in block:
            continue  # the fences of a block of fields: the lines between them are read
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
            continue
        if fence:
            continue
        section = heading_at.get(index)
        if section is not None:
            _read_section(reader, section_label(section[1]), section[2], section[3], dates)
            offset = len(line) - len(line.lstrip("#"))
            found = [(label, start + offset, end + offset, "nygard")
                     for label, start, end, _ in (line_fields(line[offset:]) if ":" in line or "：" in line else ())]
            if "status_raw" not in fields and any(label in STATUS_LABELS and a < b for label, a, b, _ in found):
                below_status = range(index + 1, section[3])  # its relation lines, in a section of its own
        elif stripped.startswith("#"):
            continue
        elif (bold := BOLD_LABEL.match(line)) is not None:
            # `**Status**` alone on its line: a heading in all but name, its value on the lines below.
            end = next((i for i in range(index + 1, len(reader.lines))
                        if reader.lines[i].startswith("#") or BOLD_LABEL.match(reader.lines[i])), len(reader.lines))
            _read_section(reader, status_words(bold.group("label")), index, end, dates)
            continue
        elif ((item := _ITEM_LABEL.match(line)) is not None
              and ((name := status_words(item.group(1))) in STATUS_LABELS or name in _DATE_LABELS[0])):
            # `3. Статус:` in a numbered list of the record's parts, its value the items indented below it.
            end = index + 1
            while end < len(reader.lines) and reader.lines[end][:1] in (" ", "\t") and reader.lines[end].strip():
                end += 1
            _read_section(reader, name, index, end, dates)
            continue
        elif index in columns:
            found = columns.pop(index)
        elif row.startswith("|") and index < head_end and (table := column_fields(reader.lines, index)):
            for label, row, start, end in table:
                columns.setdefault(row, []).append((label, start, end, TABLE))
            continue
        elif index < head_end and 2 not in dates and (day := _day_alone(line)) is not None:
            dates[2] = (index, *day)  # a day alone on its line under the title (adr-cli for .NET, `July 19, 2018`)
            continue
        elif (row.startswith("|") and index >= head_end and index + 1 < len(reader.lines)
              and DELIMITER_ROW.match(reader.lines[index + 1])):
            # The header row of a table in the body names its columns (`| Date | Author | Change |`,
            # `| Status | Meaning |`), unless it is a key-value table's first pair (`| Status | Accepted |`).
            found = [(label, start, end, style) for label, start, end, style in line_fields(line)
                     if len(_cells(line)) == 2 and (label in STATUS_LABELS and _is_status(line[start:end])
                                                    or label in _DATE_LABELS[0] and find_date(line[start:end]))]
        elif row.startswith("<tr>"):
            found = html_row_fields(line)
        elif ((noted := _BOLD_NOTED.match(line)) is not None and _label(noted.group("label")) in STATUS_LABELS
              and _is_status(noted.group(2))):  # not a form's `**Status** (optional)`
            found = [(_label(noted.group("label")), *_clean_span(line, *noted.span(2)), BOLD)]
        elif (":" in line[:48] or "：" in line[:48] or row.startswith("|") or ".**" in line[:48]
              or ".__" in line[:48]):
            found = line_fields(line)  # a field's label comes early in its line: most prose is skipped
        else:
            found = ()
        if any(label in _COLUMN_LABELS or label.endswith(" by") for label, *_ in found):
            near = index + 1
        for label, start, end, style in found:
            if "status_raw" not in fields and start < end and (
                label in STATUS_LABELS or label == "decision" and style == TABLE and _is_status(line[start:end])
            ):
                fields["status_raw"] = line[start:end]
                fields["status_line"] = index + 1
                fields["status_span"] = (start, end)
                fields.setdefault("form", style)
                if (after := _DAY_AFTER.match(line, end)) is not None and find_date(after.group(1)):
                    fields["status_date"] = (index, *after.span(1))  # `aceptado · 2026-09-21.`: the day it was
            elif 0 not in dates and (label in _DATE_LABELS[0] or label == "data" and (
                    find_date(line[start:end]) or _DATE_BLANK.search(line[start:end]))):
                # `Data:` is the date in Portuguese and Italian, and in English what a record is about.
                dates[0] = (index, start, end)
            elif 0 not in dates and label == "dates" and (latest := _latest_date(line, start, end)):
                dates[0] = (index, *latest)  # `Dates: proposed - 2021-01-04, last updated - 2021-03-02`
            elif label in _DATE_LABELS[1] and 1 not in dates:
                dates[1] = (index, start, end)
            elif label in _RELATION_LABELS or label in REVERSE or index < head_end and label.endswith(" by"):
                for link in _LINK.finditer(line, start, end):
                    if reader.ref(link.group(0)):
                        reader.add_relation(label, link.group(0), index + 1)
                if index < head_end and BARE_NUMBERS.fullmatch(line, start, end):
                    # Records named by number alone, as PEPs and EEPs do: `Replaces: 43`, `Superseded-By: 104`.
                    for number in re.findall(r"\d+", line[start:end]):
                        reader.add_relation(label, number, index + 1)
                elif index < head_end and (_NAMED_RECORDS.fullmatch(line, start, end)
                                           or _NAMED_FIRST.match(line, start, end)):
                    # Or by their label and number alone, no link: `- Reemplaza a: ADR-0002`, `Supersedes: ADR 7`,
                    # `- 関連: ADR-0003（ランタイム選定）, 設計書 01/02`; not a sentence naming one
                    # (`Partial exception to ADR-004`), nor the records named in the note after the first.
                    listed = _NAMED_RECORDS.fullmatch(line, start, end) is not None
                    for record in _NAMED_RECORD.finditer(line, start, end) if listed else (
                            _NAMED_RECORD.search(line, start, end),):
                        reader.add_relation(label, record.group(1), index + 1)
                elif index < head_end and reader.series and reader.ref(line[start:end].strip(" .,;")) in reader.series:
                    reader.add_relation(label, line[start:end].strip(" .,;"), index + 1)  # `Supersedes: VIS-001`
        if ((index < head_end or index in below_status) and not found and _has_link(stripped)
                and not stripped.startswith("#")):
            _read_relation_line(reader, index)
        elif (index < head_end and stripped.startswith(("* ", "- "))
              and not any(label in _COLUMN_LABELS or label.endswith(" by") for label, *_ in found)
              and (named := _named_relation(stripped)) is not None):
            for number in named[1]:  # `- Amends ADR-0020 (front only)` among the header's bullets
                reader.add_relation(named[0], number, index + 1)
        if index < head_end:
            _read_supersedes_sentence(reader, index)
    if dates and ("date_raw" not in fields or fields.get("date_key") == "date"
                  and _PAGE_STAMP.fullmatch(fields["date_raw"])):
        # A front matter's `date:` to the minute is a site's page date (Hugo's); a date field below says
        # when the decision was taken.
        index, start, end = dates[min(dates)]
        fields["date_raw"] = reader.lines[index][start:end]
        fields["date_line"] = index + 1
        fields["date_span"] = (start, end)


# Front-matter keys naming the day a decision was taken; others say when its page was made or edited (`updated:`).
_DECISION_KEYS = ("date", "decision-date", "decision_date", "decided")


def _read_body_date(reader: "_Reader", sections, title_index: int, first_sub: int) -> None:
    """For a record whose front matter says its status but not the day it was decided: the day its body gives, in a
    date field under the title (`**Date:** 2026-02-26`) or alone there, or in a Date section, or as a date field
    of its Status section (`- 日付: 2026-01-17`)."""
    lines, found = reader.lines, None
    status = next(((start, end) for level, heading, start, end in sections
                   if level >= 2 and heading_label(heading) in STATUS_LABELS), (0, 0))
    for index in (*range(title_index, first_sub), *range(status[0] + 1, status[1])):
        line = lines[index]
        fields = line_fields(line) if ":" in line[:48] or "：" in line[:48] else ()
        found = found or next(((index, start, end) for label, start, end, _ in fields
                               if label in _DATE_LABELS[0] and find_date(line[start:end])), None)
        if found is None and index < first_sub and (day := _day_alone(line)) is not None:
            found = (index, *day)
        if found is not None and index >= first_sub:
            break
    if found is None:
        section = next(((start, end) for level, heading, start, end in sections
                        if level >= 2 and section_label(heading) in _DATE_LABELS[0]), None)
        first = _section_first_line(reader, *section) if section else None
        if first is not None and find_date(lines[first]):
            found = (first, *_bare_span(lines[first]))
    if found is not None:
        index, start, end = found
        reader.fields.update(date_raw=lines[index][start:end], date_line=index + 1, date_span=(start, end))
        reader.fields.pop("date_key", None)


_DAY_AFTER = LazyPattern(r"[ \t]*[·•][ \t]*([^\s·•|]+?)[ \t]*\.?[ \t]*$")  # a day after a status, set apart by a dot
_ITEM_LABEL = LazyPattern(r"^(?:\d+[.)]|[*+-])[ \t]+([^\W\d_][^:：\n]{0,30}?)[ \t]*[:：][ \t]*$")
_PAGE_STAMP = LazyPattern(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")


# A header field naming records by number alone (`Replaces: 43, 44`), read and joined as a relation.
BARE_NUMBERS = LazyPattern(r"\d+(?:[ \t]*,[ \t]*\d+)*")
_NAMED_RECORD = LazyPattern(r"(?<![\w-])ADR[-_ #]?0*(\d+)(?!\d)", re.IGNORECASE)
# After a record named by number, a part of it and a note: `ADR-0015 §4 (User-Forbidden Fields)`.
_RECORD_NOTE = r"(?:[ \t]*§[ \t]*\d+(?:\.\d+)*)?(?:[ \t]*\([^()\n]*\))?"
# A field's value that starts by naming a record, a note in brackets after it and more after that:
# `ADR-0003（...）, ...`.
_NAMED_FIRST = LazyPattern(r"ADR[-_ #]?\d+[ \t]*[(（][^()（）\n]*[)）][ \t]*[,;、]", re.IGNORECASE)
_NAMED_RECORDS = LazyPattern(rf"ADR[-_ #]?\d+{_RECORD_NOTE}"
                             rf"(?:[ \t]*(?:,|and|&|y|und|et|e)[ \t]*ADR[-_ #]?\d+{_RECORD_NOTE})*", re.IGNORECASE)


# GHC's proposals say under their title when they were accepted, as a directive: `.. date-accepted:: 2019-05-02`.
_ACCEPTED_DIRECTIVE = LazyPattern(r"\.\.[ \t]+date-accepted::[ \t]*")


def _read_accepted_directive(reader: "_Reader", head_end: int) -> None:
    """A proposal accepted on the day its `.. date-accepted::` directive holds; one whose directive holds no day
    yet (its template's words) says no status. The directive's line is the status's, which edits refuse."""
    fields = reader.fields
    for index in range(reader.doc.body_start, head_end):
        directive = _ACCEPTED_DIRECTIVE.match(reader.lines[index])
        if directive is None:
            continue
        fields["status_line"] = index + 1
        found = find_date(reader.lines[index][directive.end() :])
        # A day that cannot be read (`2021-02-30`, `04/07/2021`) is a day all the same: accepted, and the date
        # warned about where it is written, as other dates are.
        if found is not None and found[1] == 0:
            fields["status_raw"] = "Accepted"
            fields["date_raw"] = reader.lines[index][directive.end() :][: found[2]]
            fields["date_line"] = index + 1
        return


# Cedar's RFCs say where a proposal stands by the days in their Timeline section, one stage a line
# (`- Started: 2023-07-14`, `- Entered FCP (intent to accept): ...`, `- Accepted: ...`, `- Landed: ...`); a stage
# whose day is still blank (`- Accepted: TBD`) has not been reached. Each stage's status, by its first word.
_TIMELINE_STAGES = {
    "started": "Proposed", "entered": "Proposed", "accepted": "Accepted", "landed": "Accepted",
    "stabilized": "Accepted", "stabilised": "Accepted", "released": "Accepted", "rejected": "Rejected",
    "withdrawn": "Rejected", "postponed": "Proposed",
}

# The stage a status change writes into a Timeline; the others are reached by the process, not by a status.
TIMELINE_STAGE_WORDS = {"accepted": "Accepted", "rejected": "Rejected"}


def _read_timeline(reader: "_Reader", sections) -> None:
    """The status of a record whose Timeline section says it: that of the last stage given a day, dated by the
    first stage of that status (accepted on its `Accepted:` day, not on the day it landed). Its line is the
    status's, which edits refuse, as they do a `.. date-accepted::` directive's."""
    section = next((s for s in sections if s[0] == 2 and heading_label(s[1]) == "timeline"), None)
    if section is None:
        return
    reached = []  # (status, line index, [start, end) of the day)
    for index in range(section[2] + 1, section[3]):
        line = reader.lines[index]
        item = _ITEM.match(line)
        colon = line.find(":") if item else -1
        stage = _TIMELINE_STAGES.get(line[item.end() - 1 : colon].split(" ", 1)[0].lower()) if colon > 0 else None
        found = find_date(line[colon + 1 :]) if stage else None
        if found is not None and found[0] not in (None, AMBIGUOUS):
            reached.append((stage, index, (colon + 1 + found[1], colon + 1 + found[2])))
    if not reached:
        return
    status = reached[-1][0]
    _, index, (start, end) = next(r for r in reached if r[0] == status)
    fields = reader.fields
    fields["status_raw"], fields["status_line"] = status, reached[-1][1] + 1
    fields["date_raw"], fields["date_line"] = reader.lines[index][start:end], index + 1
    fields.pop("date_span", None)


# A template's blank for a date: the year's letters in English, Polish, French, Spanish, Portuguese, Italian,
# German, Dutch and Russian (`YYYY-MM-DD`, `RRRR-MM-DD`, `AAAA-MM-JJ`, `JJJJ-MM-TT`, `ГГГГ-ММ-ДД`).
_DATE_BLANK = LazyPattern(r"(?<![^\W\d_])(?:yyyy|rrrr|aaaa|jjjj|åååå|гггг)(?![^\W\d_])", re.IGNORECASE)
# Emphasised or in backticks as code (`` `2021-07-02` ``), as some teams set a day apart.
_BARE_DATE = LazyPattern(r"[ \t]*(?:[*_]{0,2}|`)((?:19|20)\d\d-\d\d-\d\d)(?:[*_]{0,2}|`)[ \t]*")


def _day_alone(line: str) -> tuple[int, int] | None:
    """[start, end) of the day that *line* holds alone (`2021-07-02`, `` `2021-07-02` ``, `*27 July 2022*`,
    `July 19, 2018`), else None."""
    bare = _BARE_DATE.fullmatch(line)
    if bare is not None:
        return bare.span(1)
    if len(line) > 40 or not any(character.isdigit() for character in line):
        return None
    start, end = _bare_span(line)
    found = find_date(line[start:end]) if start < end and not line[start] in "|[>" else None
    return (start, end) if found and found[0] and found[1:] == (0, end - start) else None


_FIELD_LINE = LazyPattern(r"^\s*([A-Za-z](?:[A-Za-z _-]*?[A-Za-z])?)\s*:\s")


# A name numbered by the second the record was made (`20240516132303-x.md`): its first eight digits are the day.
_STAMPED_NAME = LazyPattern(r"^((?:19|20)\d{6})\d{6}[-_.]")


def _named_day(name: str) -> str | None:
    """The day the file name *name* gives its record, as written there, or None."""
    dated = DATED_FILE.match(name)
    if dated and dated.group(1)[-1].isdigit():
        return dated.group(1).replace("_", "-")
    stamped = _STAMPED_NAME.match(name)
    return stamped.group(1) if stamped and iso_date(stamped.group(1)) not in (None, AMBIGUOUS) else None


def placeholder_date(raw: str | None) -> bool:
    """Whether *raw*, a record's date as written, is its template's placeholder (`YYYY-MM-DD`, `dd/mm/YYYY`)."""
    return raw is not None and _DATE_BLANK.search(raw) is not None


def _metadata_block(lines: list[str], start: int, end: int) -> tuple[int, int] | tuple[()]:
    """The opening and closing fence lines of a code block above the first section that holds only
    `Label: value` lines, one of them the status (`Author: ana` / `Date: ...` / `Status: Active`)."""
    for index in range(start, end):
        stripped = lines[index].strip()
        if not stripped.startswith(("```", "~~~")):
            continue
        labels = []
        for close in range(index + 1, end):
            inner = lines[close].strip()
            if inner.startswith(stripped[:3]):
                break
            field = _FIELD_LINE.match(inner)
            if inner and field is None:
                return ()
            if field is not None:
                labels.append(status_words(field.group(1)))
        else:
            return ()
        return (index, close) if any(label in STATUS_LABELS for label in labels) else ()
    return ()


def _known_relation(words: str) -> bool:
    name = relation_name(words)
    return (_SAME_RELATION.get(name, name) in REVERSE or name in _PARTLY or name in RELATION_STATUS
            or name.endswith(" by"))


# A relation and the records it names by number, with no link, on a line below the status: `Vervangt ADR-002`,
# `* Supersedes: ADR 2.`, as the status itself names a successor (`Vervangen door ADR-002`); by their numbers
# alone (`Amended by 0005, 0006`), each perhaps with a note (`Amends ADR-0020 (front only)`), and a clause of
# the team's own after them (`Amends 0008, builds on 0009 and 0010`).
_NAMED = rf"(?:(?:ADR|RFC)[-_ #]?)?\d+{_RECORD_NOTE}"
_NAMED_RELATION = LazyPattern(rf"^(?:[*-]\s+)?{_LABEL}({_NAMED}(?:[ \t]*(?:,|and|&)[ \t]*{_NAMED})*)(?:[,;]\s.*|\.)?$",
                              re.IGNORECASE)
_NAMED_NUMBER = LazyPattern(r"\([^()\n]*\)|(\d+)")


def _named_relation(line: str) -> tuple[str, list[str]] | None:
    """The relation of a line that names records by their numbers alone, and those numbers, if decisionbook
    knows the relation."""
    if not any(character.isdigit() for character in line[:80]):
        return None  # most lines name no number: no pattern for them
    match = _NAMED_RELATION.match(line)
    if match is None or not _known_relation(match.group(1)):
        return None
    return match.group(1), [number for number in _NAMED_NUMBER.findall(match.group(2)) if number]


_RELATION_WORDS = 3  # a team's own relation is named in a few words (`Clarifies`, `Depends on`, `See also`)


def _relation_line(text: str) -> re.Match | None:
    """A line that is a relation and a link (`Supersedes [ADR-0001](0001-x.md)`, `* Clarified by [...]`),
    or that starts with one decisionbook knows and goes on (`Amended by [ADR-0001](...), for this layer`)."""
    match = _RELATION_LINE.match(text)
    if match is None:
        match = _RELATION_FIRST.match(text)
        return match if match and _known_relation(match.group(1)) else None
    if (":" not in text[match.end(1) : match.start(2)] and not _known_relation(match.group(1))
            and len(match.group(1).split()) > _RELATION_WORDS):
        return None  # a sentence ending in a link (`Naming is defined in [ADR-6](ADR-6.md)`), not a relation
    return match


_SENTENCE_RELATION = LazyPattern(rf"[.;,]\s+{_LABEL}({_ANY_LINK})")
# A sentence under the title: `This ADR updates and supersedes [ADR0003](...)`, `This decision supersedes
# decision: [0015 ...](...)`, `This document supersedes [...]` (Unleash); the links that follow it, joined by
# commas or "and", are the records replaced. The sentence starts at "This": `Nothing in this document
# supersedes [...]` says the opposite.
_THIS_SUPERSEDES = LazyPattern(
    r"(?<!\w\s)\bthis (?:adr|decision|record|document)(?: (?:\w+ and|also|hereby|now))? super[sc]edes"
    r"(?: (?:the )?(?:adr|decision|record)s?)?"
    rf"(?:[ \t]*:)?[ \t]*({_ANY_LINK}(?:[ \t]*(?:,|and|&)[ \t]*{_ANY_LINK})*)", re.IGNORECASE)
# A note after a status that names the records this one replaces: `Accepted (supersedes ADR-0010)`,
# `Zaakceptowany (zastępuje ADR-0010)`; the records it names run to the note's end.
_SUPERSEDES_NOTE = LazyPattern(
    r"[(,;]\s*(?:supersedes|supercedes|replaces|" + "|".join(SUPERSEDES_IN.values()) + r")"
    # Not `ersetzt durch`, `remplacé par`: replaced *by* names the successor.
    r"(?!\s+(?:by|durch|von|par|por|da|door|av|af|przez|oleh|на)\b)(?:\s*:)?\s+([^();]*)"
    # Chinese, with or without a space, often in full-width brackets: `已接受（取代 ADR-0026 的 v0 格式）`.
    r"|[(（,，;；]\s*[*_]*(?:取代|替代)\s*([^()（）;；]*)",
    re.IGNORECASE)
_NOTED = LazyPattern(rf"{_ANY_LINK}|(?<![\w-])(?:ADR|RFC)[-_ #]?\d+(?!\d)", re.IGNORECASE)
# A Chinese note naming the one record that replaced this one: `已废弃（被 ADR-0030 取代）`. Not `被 ADR-0004 部分取代`
# (in part), nor two records.
# Set apart by a bracket, a comma or a dash (`已废弃 —— 被 [ADR-0003](...) 取代`).
_SUCCESSOR_NOTE = LazyPattern(rf"(?:[(（,，;；—–]|\s-\s)\s*[*_]*已?被\s*({_ANY_LINK}|(?:ADR|RFC)[-_ #]?\d+(?!\d))\s*"
                              r"(?:取代|替代)", re.IGNORECASE)


# What a note starts with, in both patterns above: a status without one is told so without compiling them.
_NOTE_MARKS = frozenset("(（,，;；")


def _noted_predecessors(phrase: str) -> list[str]:
    """The records a status's note says this one supersedes (links, or `ADR-0010`), as written."""
    found = []
    if _NOTE_MARKS.isdisjoint(phrase):
        return found
    for note in _SUPERSEDES_NOTE.finditer(phrase):
        found += [named.group(0) for named in _NOTED.finditer("".join(note.groups("")))]
    return found


def noted_records(phrase: str) -> list[str]:
    """The records the notes of a status name, as written: those this one supersedes (`已接受（取代 ADR-0026）`), and
    the one that replaced it (`已废弃（被 ADR-0030 取代）`)."""
    successor = _noted_successor(phrase)
    return [*_noted_predecessors(phrase), *([successor.group(1)] if successor else [])]


def _noted_successor(phrase: str) -> re.Match | None:
    """The match of _SUCCESSOR_NOTE in a status's *phrase*, or None."""
    return _SUCCESSOR_NOTE.search(phrase) if "被" in phrase else None


def _status_then_relation(reader: _Reader, raw: str) -> tuple[str, str]:
    """The status as written and the words it is read from, for `Accepted. Amended by [ADR-0001](...)`:
    the words before the sentence that records a relation, which is read, and which a change of status
    leaves as it is. A successor named so (`Accepted. Superseded by [...]`) is the status, as on a line
    of its own: the later sentence says what the record is now, and a status change replaces both."""
    match = _SENTENCE_RELATION.search(raw)
    if match is None or not _known_relation(match.group(1)):
        return raw, raw
    if relation_name(match.group(1)) == "superseded by":
        return raw, raw[match.start(1) :]
    fields = reader.fields
    reader.add_relation(match.group(1), match.group(2), fields["status_line"])
    start, _ = fields["status_span"]
    fields["status_raw"], fields["status_span"] = raw[: match.start()], (start, start + match.start())
    return raw[: match.start()], raw[: match.start()]


_SENTENCE_BREAK = LazyPattern(r"[.;]\s+")


def _status_then_named(reader: _Reader, raw: str) -> str:
    """The words of a front-matter status before a sentence naming the record that amends or extends it
    (`deprecated. amended by ADR-0005`), that relation read: ADR 0050's sentence, in a value."""
    for stop in _SENTENCE_BREAK.finditer(raw):
        _, relation, target = read_status(raw[stop.end() :])
        if relation in BESIDE_STATUS and (named := reader.loose(target)):
            reader.add_relation(relation, named, reader.fields.get("status_line") or 1)
            return raw[: stop.start()]
    return raw


def _read_supersedes_sentence(reader: _Reader, index: int) -> None:
    """The records a sentence under the title says this one supersedes (`This document supersedes [...]`)."""
    line = reader.lines[index]
    if ("upersede" in line or "upercede" in line) and _has_link(line):  # as adr-tools spells it too
        for sentence in _THIS_SUPERSEDES.finditer(line):
            for link in _LINK.finditer(sentence.group(1)):
                reader.add_relation("supersedes", link.group(0), index + 1)


def _read_relation_line(reader: _Reader, index: int) -> None:
    """A line that is one relation (`Supersedes [ADR-0001](0001-x.md)`, `* Amended by [...]`)."""
    relation = _relation_line(reader.lines[index].strip())
    if relation and _known_relation(relation.group(1)):
        reader.add_relation(relation.group(1), relation.group(2), index + 1)


def _read_link_section(reader: _Reader, heading: str, start: int, end: int, bullets_only: bool,
                       pages_too: bool = False) -> None:
    """A section whose lines are links: MADR's `## Links`, or a team's own `## Consequence of`; a section
    of related records (*pages_too*) may list pages beside them (`- [issue #554](https://...)`)."""
    rows, listed = [], None  # *listed*: the relation a label names for the items indented below it
    for index in range(start + 1, end):
        raw = reader.lines[index]
        line = raw.strip()
        if not line:
            continue
        if listed is not None and raw[:1] in (" ", "\t") and (item := LINK_ITEM.fullmatch(line)) and reader.ref(
                item.group(1)):
            rows.append((listed, item.group(1), index + 1))  # `- Previous ADRs:` over `  - [ADR 0016](...)`
            continue
        label = _LIST_LABEL.fullmatch(line[2:]) if line[:2] in ("- ", "* ") and line.endswith(":") else None
        listed = ("relates to" if is_related_heading(label.group(1)) else label.group(1)) if label else None
        if listed is not None and (listed == "relates to" or _known_relation(listed)):
            continue
        listed = None
        if pages_too and (named := _RELATED_ITEM.match(line)) is not None:
            rows.append((heading, named.group(1), index + 1))  # `- ADR-003 (API naming): ...`, no link
            continue
        if pages_too and not _has_link(line):
            continue  # a page named without a link beside the records (`- Issue: #12`)
        relation = _relation_line(line)
        plain = re.fullmatch(rf"(?:[*-]\s+)?(\[[^\]]*\]\({_TARGET}\))", line)
        if plain is None and pages_too:  # a link and a note after it: `- [ADR-027](...) — one authority per value`
            plain = re.match(rf"(?:[*-]\s+)?(\[[^\]]*\]\({_TARGET}\))(?=[\s,;:.—–-]|$)", line)
        if relation and pages_too and relation.group(1).lower() in _LINK_KINDS and reader.ref(relation.group(2)):
            rows.append((heading, relation.group(2), index + 1))  # `- ADR: [ADR-001](...)`: what it links, not how
        elif relation and reader.ref(relation.group(2)):
            rows.append((relation.group(1), relation.group(2), index + 1))
        elif plain and not bullets_only and reader.ref(plain.group(1)):
            rows.append((heading, plain.group(1), index + 1))
        elif plain and pages_too:
            continue
        elif not bullets_only:
            return  # an ordinary section that happens to contain a link
    for relation, target, line in rows:
        reader.add_relation(relation, target, line)


_ORDINARY = frozenset(("status", "context", "decision", "consequences", "links", "decision outcome"))
# An item of a section of related records naming one by its label and number, no link: `- ADR-003 (API naming): ...`.
_RELATED_ITEM = LazyPattern(r"[*-]\s+(?:\*\*)?(ADR[-_ #]?\d+)\b(?!\.\d)", re.IGNORECASE)  # an RFC is the IETF's
# Sections whose links are related records, in the languages records are written in: each a `relates to`.
_RELATED_HEADINGS = frozenset((
    "related", "related decisions", "related documents", "related adrs", "related records", "see also",
    "additional links", "further reading", "previous adrs", "previous decisions",
    "references", "siehe auch", "verwandte entscheidungen", "voir aussi", "décisions liées", "ver también",
    "decisiones relacionadas", "relacionados", "veja também", "см. также", "связанные решения", "相关文档",
    "相关决策", "相关", "関連", "関連ドキュメント", "関連する決定", "관련 문서", "관련 결정", "관련",
    "verweise", "referenzen", "zie ook", "gerelateerde beslissingen", "gerelateerde documenten", "vedi anche",
    "verwandte dokumente", "documents liés", "documentos relacionados",
    "riferimenti", "decisioni correlate", "documenti correlati", "referências", "decisões relacionadas",
    "referencias", "relaterte dokumenter", "relaterte beslutninger", "relaterede beslutninger", "relaterade beslut",
    "se også", "se även", "zobacz też", "powiązane decyzje", "související rozhodnutí", "ilgili kararlar",
    "liittyvät päätökset", "tài liệu liên quan", "quyết định liên quan",
))

# Labels that say what a link in a section of related records points at, not how it relates: `- ADR: [...]`.
_LINK_KINDS = frozenset(("adr", "adrs", "rfc", "decision", "decisions", "record", "document", "doc", "docs", "see"))


def is_related_heading(heading: str) -> bool:
    """Whether a section's *heading* names the records related to this one (`Related ADR(s)`, `Relaterte
    dokumenter`): the links its list items hold are each a `relates to`."""
    return status_words(heading.strip().lower().replace("(s)", "s")) in _RELATED_HEADINGS


def parse(data: bytes, path: Path, display: str | None = None, options: ReadOptions | None = None) -> Decision:
    """Read one ADR file; raise DecisionbookError (with line) only when its text or YAML is malformed.

    *display* is the path as messages show it (relative to the workspace root).
    """
    doc = frontmatter.parse(data, display or path)
    return from_document(doc, path, display, options)


def front_matter_value(line: str):
    """What the plain front-matter line *line* (`key: value`) holds, or None when it is not that plain."""
    from toolkit.records import plainyaml

    meta = plainyaml.load(line if line.endswith("\n") else line + "\n")
    return next(iter(meta.values())) if isinstance(meta, dict) and len(meta) == 1 else None


def front_matter_status(line: str, options: ReadOptions | None = None) -> tuple[bool, str | None]:
    """(whether *line* is a plain `status: words` line of front matter, the status a record holding it has).

    For a history of status changes: a revision that differs from a parsed one only in such a line
    has that line's status, with no need to parse the whole file again.
    """
    if not line.startswith("status:"):
        return False, None
    raw = front_matter_value(line)
    if not isinstance(raw, str):
        return False, None
    if _PLACEHOLDER.match(raw) or choices(raw):
        return True, None
    return True, read_status(_COMMENT.sub("", raw), dict((options or ReadOptions()).statuses))[0]


# The dates Eleventy fills in itself (`date: git Created`): no day to read, and nothing wrong.
COMPUTED_DATES = frozenset(("git created", "git last modified", "created", "last modified"))
# A heading's id as Pandoc, kramdown and Doxygen write it (`# 18) Title {#adr_0018}`): no part of the title.
_HEADING_ID = LazyPattern(r"\s*\{:?\s*#[\w.:-]+(?:\s+[.#]?[\w.:=-]+)*\s*\}\s*$")
# Bold and emphasis inside a title (`Use **Feast** for *daily_synthetic* features`): their words.
_RST_LITERAL = LazyPattern(r"``([^`\n]+)``")  # each run of backquotes read once: linear on any line
_STRONG = LazyPattern(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
_PROJECT_NUMBER = LazyPattern(r"(?:[^\W\d_]+[ -]){1,4}(?:ADR|RFC)[-_ #]*(\d+)\s*[:.)\-–—·|：]\s*(?=\S)")
# A project's own letters before the record's number (Matrix's `MSC1772: Title`, `GEP-7: Title`): joined to
# them, the number has three digits or more, so `EC2: Title` and `S3: Title` stay whole. Its zeros are read by
# int(), not split off by the pattern: two ways to take a run of them is quadratic.
# A number that starts a title bare or joined to a word by a hyphen (`2024 roadmap`, `12-factor config`): the
# record's own number when it is the file's, else the title's first word; zero-padded, a record's number still.
_NUMBER_WORD = LazyPattern(r"(?!0\d)\d+(?:\s+(?=[^\W_])|-(?=\w))")
_LETTERS_NUMBER = LazyPattern(r"[A-Z]{2,6}(?:[-_ ](\d+)|(\d{3,}))\s*[:.)\-–—·|：]\s*(?=\S)")
_EMPHASIZED = LazyPattern(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")


def project_number(title: str, number: int | None) -> tuple[int, int, int] | None:
    """(start, end) of *number*, the record's own, in *title* after words or letters naming its project
    (`EWC RFC012: Title`, `MSC1772: Title`), and where the title's words start; None when it stands in no such place."""
    for pattern in (_PROJECT_NUMBER, _LETTERS_NUMBER) if number is not None else ():
        own = pattern.match(title)
        group = next((g for g in range(1, pattern.groups + 1) if own and own.group(g)), None)
        if group is not None and int(own.group(group)) == number:
            return own.start(group), own.end(group), own.end()
    return None


# A status written as a template's blank, in small letters (`[On hold]`, `<Parked until Q3>` are a team's words):
# `[change when approved]`, `{status}`, `<status>`.
_STATUS_BLANK = LazyPattern(r"\[[^\[\]A-Z][^\[\]]*\]|\{[^{}A-Z][^{}]*\}|<[^<>A-Z][^<>]*>")
_STATUS_BANNER = LazyPattern(r"[ \t]*\[([^\[\]]+)\][ \t]+(?=\S)")


def _title(reader: _Reader, sections, number: int | None, name: str) -> str | None:
    """The title: the first heading's when it is of level 1 and names no part of the record, else front
    matter's, else the first heading's of level 2 naming no part, else a title field's (`Feature Name:`,
    `<td> Title </td>`), else the file name's words."""
    fields = reader.fields
    title = fields.get("title")
    first = sections[0] if sections else None
    if (title is not None and first is not None and first[0] == 1 and "{{" not in first[1]
            and status_words(first[1]) not in META_HEADINGS | _PART_HEADINGS
            and name == str(reader.path).rpartition("/")[2]):
        # A site's page titles itself by its heading; the front matter's title is its label in the site's menu,
        # often the file name's words (`0003-Convergence-des-deux-portails`). A heading the site fills in
        # (`# {{ page.title }}`) names nothing; a record kept as a folder is titled by its fields, which may be
        # kept beside its page (a KEP's kep.yaml) (ADR 0166).
        title = None
    if title is None and first is not None and status_words(first[1]) == "meta":
        # Buildpacks' RFCs open with `# Meta` and name themselves in a field under it: `- Name: RFC Process`.
        named = next((i for i in range(first[2] + 1, first[3]) if _NAME_FIELD.match(reader.lines[i])), None)
        if named is not None:
            title = _NAME_FIELD.match(reader.lines[named]).group(1).strip() or None
            fields["title_line"] = named + 1
    if title is None:
        # A Title section (`## Title` over `Biome as formatter and linter`), under a heading every record shares.
        named = next(((start, end) for level, heading, start, end in sections
                      if level >= 2 and status_words(heading) in TITLE_HEADINGS), None)
        line = _section_first_line(reader, *named) if named else None
        if line is not None and not HEADING.match(reader.lines[line]):
            start, end = _bare_span(reader.lines[line])
            title, fields["title_line"] = reader.lines[line][start:end] or None, line + 1
    # A level-2 first heading is a title above level-1 ones too (GreptimeDB's `Procedure Framework` underlined
    # with `---`, over `# Summary`); a deeper one is where every other heading is below it (a guidebook's chapter
    # holding its records: `### ADR-001 Title` over `#### Status`).
    if (title is None and first is not None
            and (first[0] <= 2 or all(section[0] > first[0] for section in sections[1:]))
            and status_words(first[1]) not in META_HEADINGS | _PART_HEADINGS):
        title = first[1]
        fields["title_line"] = first[2] if first[2] in reader.underlined else first[2] + 1  # the text's line
    if title is None and "title_field" in fields:
        title, fields["title_line"] = fields["title_field"]
    if title is None:
        head = range(reader.doc.body_start, min(len(reader.lines), reader.doc.body_start + 40))
        named = next((i for i in head if _TITLE_FIELD.match(reader.lines[i])), None)
        title = _title_field(reader.lines, named) if named is not None else None
        if title is None:
            named = next((i for i in head if _TITLE_ROW.match(reader.lines[i])
                          and not (i + 1 < len(reader.lines) and _DELIMITER_ROW.match(reader.lines[i + 1]))), None)
            title = _TITLE_ROW.match(reader.lines[named]).group(1).strip(" \t*_") or None if named is not None else None
        if title is None:
            return title_from_name(name)
        fields["title_line"] = named + 1
    if "](" in title:  # a link in a title heading: its words (`Use [Go](https://go.dev)`)
        title = _LINK.sub(lambda link: link.group(0) if link.group(1) is None else link.group(1), title)
    if len(title) <= 1000:  # a longer heading is no title to tidy, and the patterns stay linear on it
        title = _HEADING_ID.sub("", title) if "{" in title else title
        if "``" in title and is_rst(reader.path):  # rST's inline literal, as Markdown writes code: ``x`` -> `x`
            title = _RST_LITERAL.sub(r"`\1`", title)
        if "*" in title or "__" in title:
            # Emphasis outside code spans: a code span keeps its marks (`__init__`).
            title = "".join(part if part.startswith("`") else _EMPHASIZED.sub(r"\1", _STRONG.sub(
                lambda strong: strong.group(1) or strong.group(2), part)) for part in _CODE_SPAN.split(title))
    banner = _STATUS_BANNER.match(title)
    if banner and _status_alone(banner.group(1)):
        title = title[banner.end() :]  # `[Superseded by ADR-0019] Push metrics`: the status told again, set apart
    if number is None and series_record(name):
        # `ADR VIS-001: Modules`: the label of the record's own series is no number of the folder's.
        heading_number, words = None, without_series_label(name, title)
    else:
        heading_number, words = split_title(title)
    if number is None and heading_number is not None and title.lstrip()[:3].upper() == "ADR":
        fields["title_number"] = heading_number  # a dated file's record numbered by its title alone
    if heading_number is not None and number is not None and heading_number != number \
            and _NUMBER_WORD.match(title.lstrip()):
        heading_number, words = None, title.strip()  # `2024 roadmap`, `12-factor config`: a word of the title
    title = words
    if title.startswith("[") and title.endswith("]") and title.count("[") == 1 and title.count("]") == 1:
        title = title[1:-1]  # `# [Gestion des Dates]`, written in the brackets of MADR's `[short title]`
    if heading_number is None and number is not None and ("ADR" in title or "RFC" in title):
        # The record's own number after words naming its project (`AI Gateway ADR 001: Allow ...`);
        # another's (`Amend ADR-3: ...`) is part of the title.
        own = _PROJECT_NUMBER.match(title)
        title = title[own.end() :] if own and int(own.group(1)) == number else title
    if heading_number is None and number is not None and title[:2].isupper():  # `MSC1772: `, as the pattern needs
        own = _LETTERS_NUMBER.match(title)
        title = title[own.end() :] if own and int(own.group(1) or own.group(2)) == number else title
    if heading_number is not None and number is not None and heading_number != number:
        reader.warn(fields.get("title_line"), f"the title says {heading_number}, the file name {number}")
    return title.strip() or None


# The headings of a section holding the record's title (`## Title` over `Biome as formatter and linter`).
TITLE_HEADINGS = frozenset(("title", "titel", "titre", "título", "titolo", "tytuł", "название", "タイトル", "标题",
                             "제목"))
_CODE_SPAN = LazyPattern(r"(`[^`\n]*`)")


def _title_field(lines: list[str], index: int) -> str | None:
    """The value of the title field on line *index* (`**Title**: Report errors using `StatusOr<T>``), with the
    lines that run on from it, without the emphasis and spaces around it; an HTML row's cell without its tags."""
    field = _TITLE_FIELD.match(lines[index])
    value = field.group(2).split("</td>", 1)[0] if field.group(1) else field.group(2)
    if not field.group(1):
        for line in lines[index + 1 : title_field_end(lines, index)]:
            value = f"{value.rstrip()} {line.strip()}"
    # Stripped, not matched: linear on any line; emphasis inside it (`*instead of*`) is taken off with the title's.
    return value.strip(" \t*_") or None


def title_field(line: str) -> int | None:
    """Where the value of the title field *line* holds starts (`**Title**: ...`), None when it holds none."""
    field = _TITLE_FIELD.match(line)
    return field.start(2) if field is not None and not field.group(1) else None


def title_field_end(lines: list[str], index: int) -> int:
    """The index of the line after the last one the title field on line *index* runs on to."""
    index += 1
    while index < len(lines) and _RUNS_ON.match(lines[index]):
        index += 1
    return index


_CONFLICT_MARKS = frozenset(("<<<<<<< ", ">>>>>>> "))  # the first eight characters of git's conflict lines


def _conflict_line(lines: list[str]) -> int | None:
    """The line (1-based) of the first conflict mark git left outside a code block, or None."""
    fence = None
    for at, line in enumerate(lines, 1):
        if line[:8] in _CONFLICT_MARKS and fence is None:
            return at
        if line.startswith(("```", "~~~")):
            fence = None if fence == line[:3] else fence or line[:3]
    return None


def from_document(
    doc: frontmatter.Document, path: Path, display: str | None = None, options: ReadOptions | None = None
) -> Decision:
    options = options or ReadOptions()
    reader = _Reader(doc, path, display, options.slugs, options.series, options.adr_dir)
    fields = reader.fields
    conflict = _conflict_line(reader.lines)
    if conflict is not None:
        reader.error(conflict, "an unresolved merge conflict (git's <<<<<<< marks); resolve it before reading on")
    sections = reader.sections()
    if doc.has_front_matter:
        if doc.loose:
            more = f" (and lines {', '.join(map(str, doc.loose[1:]))})" if len(doc.loose) > 1 else ""
            reader.warn(doc.loose[0], f"not valid YAML{more}: {frontmatter.loose_reason(doc)}; quote it")
        _read_front_matter(reader)
    title_index = next((s[2] + 1 for s in sections if s[0] == 1), doc.body_start)
    first_sub = next((s[2] for s in sections if s[0] >= 2), len(reader.lines))
    if "status_raw" in fields:
        form = MADR
        # The front matter says status and date; relation lines may still stand under the title.
        for index in range(title_index, first_sub):
            line = reader.lines[index]
            labelled = line_fields(line) if ":" in line[:48] or "：" in line[:48] else ()
            related = [(label, start, end) for label, start, end, _ in labelled if label in _RELATION_LABELS]
            for label, start, end in related:  # `- **相关**：[ADR-0003](...)、[ADR-0006](...)`
                for link in _LINK.finditer(line, start, end):
                    if reader.ref(link.group(0)):
                        reader.add_relation(label, link.group(0), index + 1)
            if _has_link(line) and not related:
                _read_relation_line(reader, index)
                _read_supersedes_sentence(reader, index)
            if "status_again" not in fields:
                # The status stated again under the title (`**Status:** Accepted`): a change of status writes it too.
                stated = next(((start, end) for label, start, end, _ in labelled if label in STATUS_LABELS), None)
                if stated is not None:
                    fields["status_again"] = (index + 1, *stated)
        if fields.get("date_key") not in _DECISION_KEYS:
            _read_body_date(reader, sections, title_index, first_sub)
        if "decision_makers" not in fields:  # named below the title, where the front matter names none
            _read_people_and_extra(reader, title_index, first_sub)
    else:
        # No status in the front matter (or none at all): the body says it, in its own form.
        # A record titled by a heading of level 2, with none of level 1 (`## Building fetch in Clojure`): its header
        # is below that title.
        titled = sections[1:] if sections and sections[0][0] == 2 and all(s[0] >= 2 for s in sections) and \
            status_words(sections[0][1]) not in META_HEADINGS | _PART_HEADINGS else sections
        head_end = next(
            (s[2] for s in titled if s[0] >= 2 and heading_label(s[1]) not in META_HEADINGS), len(reader.lines)
        )
        _scan_fields(reader, sections, head_end)
        if "status_raw" not in fields and is_rst(path):
            _read_accepted_directive(reader, head_end)
        elif "status_raw" not in fields:
            _read_timeline(reader, sections)
        form = fields.get("form", UNKNOWN)
        _read_people_and_extra(reader, title_index, first_sub)
        if form == UNKNOWN and doc.has_front_matter and isinstance(doc.meta, dict) and (
                not doc.meta or any(isinstance(key, str) and key.lower() in _KEYS for key in doc.meta)):
            # Front matter of the record's fields without a status: the status is added there. A site's own
            # (`parent:`, `nav_order:` for Jekyll's menu) holds none: the record is edited in its body.
            form = MADR
    for level, heading, start, end in sections:
        name = _COMMENT.sub("", heading).strip().lower()  # MADR's `## Links <!-- optional -->`
        if (form in (BOLD, FIELD, BULLETS, MADR, TABLE) and "status_again" not in fields
                and section_label(name) in STATUS_LABELS):
            # The status stated again, below the fields or the front matter (`## 상태 (Status)` holding `**Accepted**`).
            first = _section_first_line(reader, start, end)
            if first is not None and first + 1 != fields.get("status_line"):
                fields["status_again"] = (first + 1, *_stated_words(reader.lines[first]))
        elif (form == NYGARD and "status_again" not in fields and ":" in heading
              and start + 1 != fields.get("status_line") and heading_label(name) in STATUS_LABELS):
            _read_status_heading_again(reader, start)
        elif name in _LINKS_HEADINGS:  # `## Links`, `## Ссылки` (MADR in the record's language)
            _read_link_section(reader, heading, start, end, bullets_only=True)
        elif "migration plan" in name:
            fields["migration_plan"] = "\n".join(reader.lines[start + 1 : end])
        elif level >= 2 and is_related_heading(name):
            _read_link_section(reader, "relates to", start, end, bullets_only=False, pages_too=True)
        elif level == 2 and form != MADR and name not in _ORDINARY and status_words(name) not in META_HEADINGS:
            _read_link_section(reader, heading, start, end, bullets_only=False)

    name = record_name(path)
    number, key = named_by(path)
    if number is None and (problem := dated_name_problem(name)) is not None:
        reader.warn(None, problem)
    listed = _listed(path, options)
    title = _title(reader, sections, number, name)
    if number is None and "title_number" in fields and DATED_FILE.match(name):
        # Named by its day alone and numbered in its title (`2024-05-01-x.md`, `# ADR-003: Title`): the team
        # calls it by that number, which the file name does not give.
        number = fields["title_number"]
    if listed is not None and listed.title and (title is None or "{{" in title):
        title = listed.title  # the page's title is the site's template filling it in from the list (`{{ rfc.title }}`)
    if title is None:
        reader.error(fields.get("title_line") or 1, "no title: add a `# Title` heading")

    date_raw = fields.get("date_raw")
    status_raw = fields.get("status_raw")
    if date_raw is None and "status_date" in fields:
        # No date field, but the status says when, after its words (`**Accepted** *2023-09-13*`,
        # `acceptée, 2 octobre 2026`): a status change writes its own date there.
        index, start, end = fields["status_date"]
        date_raw = fields["date_raw"] = reader.lines[index][start:end]
        fields["date_line"], fields["date_span"] = index + 1, (start, end)
    elif date_raw is None and isinstance(status_raw, str) and (found := find_date(_LINK.sub(" ", status_raw))):
        # A date in the status field itself (`Status: Accepted (2021-01-04)`); a link's address is no
        # date (`Superseded by [...](20210304-x.md)`).
        date_raw = fields["date_raw"] = _LINK.sub(" ", status_raw)[found[1] : found[2]]
        fields["date_line"] = fields.get("status_line")
    elif date_raw is None and "changelog" in fields:
        # Only a Changelog says when (Cosmos SDK): its latest entry, which a status change leaves as it is.
        date_raw = fields["date_raw"] = _changelog_date(reader.lines, *fields["changelog"])
    elif date_raw is None and listed is not None and listed.date:
        date_raw = fields["date_raw"] = listed.date  # the folder's list says when, where the page says nothing
    # Nothing inside says when, or only the template's blank: the file's name does (`2021_12_12_x.md` as
    # `2021-12-12`; `20240516132303-x.md`, numbered by the second it was made, as `20240516`).
    named_day = _named_day(name) if date_raw is None or placeholder_date(date_raw) else None
    if named_day is not None and date_raw is None:
        date_raw = fields["date_raw"] = named_day
    date = None
    if date_raw is not None:
        # The languages decisionbook reads besides English all write the day first (`05/08/2026`).
        order = options.date_order or (DAY_FIRST if language_of(status_raw or "") else None)
        date = iso_date(date_raw, order)
        if date == AMBIGUOUS:
            date = None
            reader.warn(
                fields.get("date_line"),
                f"date {date_raw!r} could be day or month first; set [adr] date-order = \"day-first\" "
                "or \"month-first\" in decisionbook.toml",
            )
        elif date is None and date_raw.strip().lower() in COMPUTED_DATES:
            pass  # Eleventy writes the day from git or the file when it builds the page: no day is written here
        elif date is None and date_raw.strip():
            if _DATE_BLANK.search(date_raw):  # `{YYYY-MM-DD when the decision was last updated}`, `dd/mm/YYYY`
                date = iso_date(named_day) if named_day else None
                reader.warn(fields.get("date_line"), f"date {date_raw!r} is the template's placeholder; write the day"
                            + (f" (read as {date}, from the file's name)" if date else ""))
            elif (found := find_date(date_raw)) is not None and found[0] is None:  # `31/06/2016`: June has 30 days
                reader.warn(fields.get("date_line"), f"date {date_raw[found[1] : found[2]]!r} names a day that does "
                            "not exist; write the day it means")
            else:  # a whole paragraph where a date belongs: its start says which
                shown = repr(date_raw) if len(date_raw) <= 80 else f"{date_raw[:60]!r}... ({len(date_raw)} characters)"
                reader.warn(fields.get("date_line"),
                            f"date {shown} is not a date decisionbook can read; write YYYY-MM-DD")

    status = None
    raw = fields.get("status_raw")
    named = _named_status(path, options, listed) if raw is None else None
    if named is not None:
        raw, status = named
        if status not in STATUSES:  # only the folder's list gives a status word of the team's own
            _unknown_status(reader, None, status, f" (given by the folder's {LIST_NAME})")
    elif raw is None:
        if form == UNKNOWN and (stated := status_statement(reader.lines)) is not None:
            reader.warn(stated + 1, f"states its status where or as decisionbook does not read it "
                                    f"({reader.lines[stated].strip()!r}): no status is read")
        elif form == UNKNOWN:
            reader.warn(1, "no status found (no front matter, `Status:` line or Status section)")
        elif "superseded_by" in fields:
            status = "superseded"
        else:
            reader.warn(fields.get("title_line"), "no status")
    elif template_choices(raw):
        reader.warn(fields.get("status_line"), f"status {raw!r} is the template's list of choices; write one of them")
    elif _STATUS_BLANK.fullmatch(raw.strip()) and read_status(raw, dict(options.statuses))[0] not in STATUSES:
        reader.warn(fields.get("status_line"), f"status {raw!r} is the template's placeholder; write the status")
        raw = None  # no status yet: one set is written in its place, in the folder's words, not in its brackets
    else:
        words = raw
        if form != MADR and fields.get("status_span") is not None:
            raw, words = _status_then_relation(reader, raw)
        elif form == MADR:
            words = _status_then_named(reader, raw)
        status, relation, target = read_status(_COMMENT.sub("", words), dict(options.statuses))
        line = fields.get("status_line")
        if relation is None and line is not None and line < len(reader.lines) and form != MADR:
            # `Superseded by` at the end of a line whose paragraph goes on: the link opens the next line.
            wrapped = RELATION_STATUS.get(status_words(raw))
            link = _LINK.match(reader.lines[line].strip()) if wrapped else None
            if link:
                relation, target = wrapped, link.group(0)
        if status == "superseded" and relation is None and line is not None and form == NYGARD:
            # A Status section's sentence names the successor after the day the status ends at
            # (`已取代（2026-09-02），由 [ADR-016](...) 取代`); a line of fields names other things.
            start = fields["status_span"][0] if fields.get("status_span") else 0
            target = named_once(reader.lines[line - 1][start:])
            relation = "superseded by" if target else None
        elif status == "superseded" and relation is None and form == MADR and "superseded_by" not in fields:
            # Front matter says superseded; the body's Status section says by which record
            # (`## 상태` over `대체됨 (Superseded by ADR-0024)`).
            section = next((s for s in sections if s[0] >= 2 and status_words(s[1]) in STATUS_LABELS), None)
            first = _section_first_line(reader, section[2], section[3]) if section else None
            target = named_once(reader.lines[first]) if first is not None else None
            relation = "superseded by" if target else None
        if relation and target and "][" in target:
            target = reader.defined_link(target)
        named = reader.loose(target) if relation and target else None
        if named:
            reader.add_relation(relation, named, fields.get("status_line") or 1)
        again = fields.get("status_again")
        said = reader.lines[again[0] - 1][again[1] : again[2]] if again is not None else ""
        restated = read_status(said, dict(options.statuses))[0] if again is not None else status
        if again is not None and form == NYGARD and restated != status:
            reader.warn(again[0], f"states its status again ({said!r}), in words a change of status does not write: "
                                  f"change them by hand with the status on line {fields.get('status_line')}")
        elif restated != status and restated in STATUSES and status in STATUSES:
            # `status: active` in front matter over `## Status` / `Proposed`: a reader cannot tell which is meant.
            reader.warn(again[0], f"states its status again as {said!r}, where line {fields.get('status_line') or 1} "
                                  f"says {raw!r}: make them agree")
        if status in STATUSES:
            for predecessor in _noted_predecessors(words):
                reader.add_relation("supersedes", predecessor, fields.get("status_line") or 1)
            if relation is None and (successor := _noted_successor(words)) is not None:
                reader.add_relation("superseded by", successor.group(1), fields.get("status_line") or 1)
        if status not in STATUSES:
            _unknown_status(reader, fields.get("status_line"), status)

    return Decision(
        key=key,
        number=number,
        title=title,
        status=status,
        status_raw=raw,
        superseded_by=fields.get("superseded_by"),
        date=date,
        path=path,
        form=form,
        decision_makers=tuple(fields.get("decision_makers", ())),
        consulted=tuple(fields.get("consulted", ())),
        informed=tuple(fields.get("informed", ())),
        supersedes=tuple(dict.fromkeys(fields.get("supersedes", ()))),
        links=tuple(dict.fromkeys(fields["links"])),
        prototypes=tuple(fields.get("prototypes", ())),
        data_change=fields.get("data_change", False),
        migration_plan=fields.get("migration_plan"),
        extra=fields.get("extra", {}),
        findings=tuple(reader.findings),
        title_line=fields.get("title_line"),
        status_line=fields.get("status_line"),
        data_change_line=fields.get("data_change_line"),
        date_raw=date_raw,
        date_line=fields.get("date_line"),
        status_span=fields.get("status_span"),
        date_span=fields.get("date_span"),
        status_list=fields.get("status_list"),
        status_again=fields.get("status_again"),
        body_line=doc.body_start + 1,
    )


def _unknown_status(reader: _Reader, line: int | None, status: str, given: str = "") -> None:
    """Warn at *line* that *status* (*given* says where from, when not there) is no status decisionbook knows."""
    import json  # only for this message

    if len(status) > 80:  # a whole paragraph where a status belongs: its start says which
        reader.warn(line, f"unknown status {status[:60]!r}... ({len(status)} characters){given}")
    else:
        # `Experimental since 2.2`: a mapping of the words before the release covers every release.
        mapped = _SINCE_RELEASE.sub("", status) or status
        reader.warn(line, f"unknown status {status!r}{given}; decisionbook knows {', '.join(STATUSES)}; map it to "
                          f"the one it means in decisionbook.toml under [adr.statuses]: {json.dumps(mapped.lower())} "
                          '= "..."')


def _named_status(path: Path, options: ReadOptions, listed: Listed | None) -> tuple[str, str] | None:
    """(as written, as read) the status of a record that states none, where its file name's mark (`0249-x.expired.md`),
    the folder's list of records (*listed*, its entry; read with the team's status words, as a page is) or the
    folder it is in below the ADR folder (linkerd's `design/`) says it; else None."""
    mark = marked_status(path.name)
    if mark is not None:
        return mark, read_status(mark)[0]
    if listed is not None and listed.status:
        return listed.status, read_status(listed.status, dict(options.statuses))[0]
    folder = path.parent if record_name(path) == path.name else path.parent.parent
    stage, adr_dir = folder.name.lower(), options.adr_dir
    if stage in STAGE_FOLDERS and adr_dir and folder != Path(adr_dir) and folder.is_relative_to(adr_dir):
        return folder.name, STAGE_FOLDERS[stage]
    return None


_by_file: tuple[tuple[Listed, ...], dict[str, Listed]] = ((), {})


def _listed_files(listed: tuple[Listed, ...]) -> dict[str, Listed]:
    """*listed* by page. Kept for the one list every page of a listing reads, told by identity: a cache keyed by
    the list hashed all of it again for each page, 10,000 entries times 10,000 pages."""
    global _by_file
    if _by_file[0] is not listed:
        _by_file = (listed, {entry.file: entry for entry in listed})
    return _by_file[1]


def _listed(path: Path, options: ReadOptions) -> Listed | None:
    """The entry of the ADR folder's list of records (folder_index) naming the page *path*, or None."""
    if not options.listed or not path.is_relative_to(options.adr_dir):
        return None
    return _listed_files(options.listed).get(path.relative_to(options.adr_dir).as_posix())


def read(path: Path, options: ReadOptions | None = None) -> tuple[frontmatter.Document, Decision]:
    """The file's lines and the Decision they hold; DecisionbookError when malformed."""
    doc = frontmatter.read(path)
    return doc, from_document(doc, path, options=options)


def require_editable(doc: frontmatter.Document, decision: Decision) -> None:
    """Refuse, naming the file, to edit a record whose form cannot be edited in place."""
    if decision.form == UNKNOWN and decision.status_line is not None:
        # Only `_read_accepted_directive`, `_read_timeline` and `_stage_table` give one: a directive, a Timeline's
        # stage, or a table of stages.
        said = doc.lines[decision.status_line - 1].strip()
        where = ("its `.. date-accepted::` directive" if said.startswith("..")
                 else f"its table of stages ({said!r})" if said.startswith("|") else f"its Timeline's {said!r}")
        raise DecisionbookError(f"cannot edit: the record states its status by {where}, a form decisionbook does "
                                "not write; edit the file by hand", decision.path, decision.status_line)
    if decision.form == UNKNOWN:
        raise DecisionbookError(
            "cannot edit: the file has no status to change (no front matter, `Status:` line or Status section)",
            decision.path,
        )
    if decision.form == MADR and not isinstance(doc.meta, dict):
        raise DecisionbookError("cannot edit: the front matter is not a mapping of keys", decision.path, 2)
