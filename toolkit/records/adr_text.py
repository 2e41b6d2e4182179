"""The written text of an ADR's sections, told apart from the text its template shipped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.records.adr_words import HEADING, heading_text, underlined_headings

WRITTEN, TEMPLATE, EMPTY = "written", "template", "empty"
PHASES = ("expand", "switch", "contract")

COMMENT = re.compile(r"<!--.*?-->", re.S)  # an HTML comment, over lines too
_MARKER = re.compile(r"^(?:[*+-]|\d+[.)])\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+\S")
_CODE_SPAN = re.compile(r"`[^`]*`")
_DECORATION = re.compile(r"^[^\w(（\[]+(?=\w)")  # symbols before a heading's first word: `🎯 `, `✅ `
# MADR's own placeholders: `{title of option 1}`, `* Good, because {argument a}`. A path such as
# `/orders/{id}` or a mapping such as `{relation: amends}` is not one.
_PLACEHOLDER = re.compile(r"(?<![\w$/{])\{(?![^{}\n]*(?::\s|\"))[^{}\n]*[A-Za-z][^{}\n]*\}")
_OURS = re.compile(r"\\\$\\\{(?:number|title|date)\\\}")
_WILD = re.compile(r"\$\{(?:number|title|date)\}")
_PHASE_START = re.compile(
    r"^\s*(?:(?:#{1,6}|[*+-]|\d+[.)])\s+)?(?:[*_]+\s*)?(expand|switch|contract|roll[ -]?back)\b[*_]*\s*[:.\-—–]?\s*", re.I
)
_ROLLBACK = re.compile(r"\broll(?:s|ed|ing)?[ -]?back\b|\brevert|\bundo\b|\bgo(?:es)? back\b", re.I)
_VERIFY = re.compile(r"\bverif|\bcheck|\btest|\bmonitor|\bconfirm|\bmeasur|\bcompar|\bdashboard|\balert|\bobserv", re.I)
_SEPARATE = re.compile(
    r"\brelease \d+\b|\bseparate(?:ly)?\b|\bown (?:release|deploy\w*|pull request|PR|change|commit)\b|\bindependent(?:ly)?\b"
    r"|\bon its own\b|\bbefore the code\b|\bafter the code\b|\bstandalone\b|\bnot with the code\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")
_LABEL = re.compile(r"\b(roll[ -]?back|verify|verified by|check)\s*:\s*", re.I)


@dataclass(frozen=True)
class Section:
    level: int
    title: str  # the heading text, comments removed
    line: int  # 1-based line of the heading in the file
    own: str  # text up to the next heading of any level
    text: str  # everything under the heading, subsections included
    end: int  # index of the first line after the section


def sections(lines: list[str], start: int = 0, rst: bool = False) -> list[Section]:
    """Every heading in *lines* from index *start* on, with the text it governs; fenced code is not scanned.

    A heading may be underlined (`Status` over `------`); *rst* reads the file as reStructuredText.
    """
    heads, fence = [], None  # (index of the heading's first line, level, title, its text's line, index after it)
    underlined = underlined_headings(lines, start, rst)
    for index in range(start, len(lines)):
        stripped = lines[index].lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
            continue
        if fence:
            continue
        if index in underlined:
            level, title, first = underlined[index]
            heads.append((first, level, COMMENT.sub("", title).strip(), index, index + 1))
            continue
        match = HEADING.match(lines[index])
        if match and index + 1 not in underlined:
            heads.append((index, len(match.group(1)), COMMENT.sub("", heading_text(match)).strip(), index + 1, index + 1))
    ends = [len(lines)] * len(heads)  # each section ends at the next heading of its level or higher
    open_sections: list[int] = []
    for position, (index, level, *_) in enumerate(heads):
        while open_sections and heads[open_sections[-1]][1] >= level:
            ends[open_sections.pop()] = index
        open_sections.append(position)
    found = []
    for position, (index, level, title, line, body) in enumerate(heads):
        own_end = heads[position + 1][0] if position + 1 < len(heads) else len(lines)
        found.append(Section(level, title, line, "\n".join(lines[body:own_end]),
                             "\n".join(lines[body : ends[position]]), ends[position]))
    return found


def heading_key(title: str) -> str:
    """A heading as a required-section name compares: no numbering, colon or case, single spaces, and none of
    the bold marks and emoji some teams set around its words (`## 🎯 **Bağlam (Context)**`)."""
    title = _DECORATION.sub("", COMMENT.sub("", title).replace("**", ""))
    title = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", title).strip().rstrip(":")
    return " ".join(title.split()).casefold()


def _normal(line: str) -> str:
    return " ".join(_MARKER.sub("", line.strip()).split()).casefold()


def content_lines(text: str) -> list[str]:
    """The non-blank lines of *text* once HTML comments are removed, stripped."""
    return [line.strip() for line in COMMENT.sub("", text).split("\n") if line.strip()]


def has_placeholder(line: str) -> bool:
    return bool(_PLACEHOLDER.search(_CODE_SPAN.sub("", line)))


class TemplateText:
    """The lines that templates ship; a line of an ADR equal to one of them was not written by its author."""

    def __init__(self, templates: list[str], rst: tuple[bool, ...] = (), team: int = 0):
        """*rst* says, template by template, which are reStructuredText (none, when left out); the last *team*
        of the *templates* are the team's own, whose section headings `headings` holds."""
        self.lines: set[str] = set()
        self.headings: frozenset[str] | None = None  # as heading_key gives them; None: the team keeps no template
        wild: set[str] = set()  # lines holding `${title}` and the like, which match anything there
        headings = set()
        for at, text in enumerate(templates):
            lines, start = body_lines(text)
            for section in sections(lines, start, rst=at < len(rst) and rst[at]):
                if at >= len(templates) - team and section.level >= 2:
                    headings.add(heading_key(section.title))
                if section.level == 1 or heading_key(section.title) == "status":
                    continue  # the title's own lines are metadata (`Date:`), as is a Status section
                for line in content_lines(section.own):
                    normal = _normal(line)
                    if normal:
                        (wild if "${" in normal else self.lines).add(normal)
        if headings:
            self.headings = frozenset(headings)
        patterns = [_OURS.sub(".*", re.escape(line)) for line in sorted(wild)]
        self._pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
        # A shipped line, once normalised, is a substring of the whole file with its whitespace
        # collapsed: a few substring tests clear most written ADRs without looking at each line.
        self._pieces = sorted(self.lines) + [max(_WILD.split(line), key=len) for line in sorted(wild)]

    def anywhere(self, text: str) -> bool:
        """Whether *text* may hold a template's line or a placeholder (False means surely not)."""
        if "{" in text:
            return True
        flat = " ".join(text.casefold().split())
        return any(piece in flat for piece in self._pieces)

    def shipped(self, line: str) -> bool:
        """Whether *line* is a template's own text or holds a MADR placeholder."""
        normal = _normal(line)
        if normal in self.lines or has_placeholder(line):
            return True
        return bool(self._pattern and self._pattern.fullmatch(normal))

    def written(self, text: str) -> list[str]:
        """The lines of *text* its author wrote: not blank, not comments, not headings, not template text."""
        return [line for line in content_lines(text) if not HEADING.match(line) and not self.shipped(line)]

    def state(self, section: Section) -> str:
        """WRITTEN, TEMPLATE (only template text or placeholders) or EMPTY.

        A section with no text of its own (only subsections) is judged on its subsections.
        """
        text = section.own if content_lines(section.own) else section.text
        lines = [line for line in content_lines(text) if not HEADING.match(line)]
        if not lines:
            return EMPTY
        return WRITTEN if self.written(text) else TEMPLATE


def body_lines(text: str) -> tuple[list[str], int]:
    """The lines of a Markdown file (no BOM, no line endings) and the index where its body starts."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    return lines, _front_matter_end(lines)


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return index + 1
    return 0


def list_items(lines: list[str]) -> int:
    return sum(1 for line in lines if _LIST_ITEM.match(line))


@dataclass(frozen=True)
class Phase:
    """One phase of a migration plan as its author wrote it (template text left out)."""

    name: str  # expand | switch | contract | rollback
    written: bool  # whether anything beyond template text is there
    ships: str  # what ships in this phase
    verified: str  # how it is checked
    rollback: str  # how it is undone
    separate: bool  # whether the text says it ships apart from the code change


def _sorted_clauses(name: str, lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """What ships, how it is verified, how it rolls back: a "Rollback:" or "Verify:" label holds
    until the next label; unlabelled sentences are sorted by their words."""
    text = " ".join([_PHASE_START.sub("", lines[0], count=1), *(_MARKER.sub("", line) for line in lines[1:])])
    parts = _LABEL.split(text)
    segments = [("", parts[0])] + [(parts[i].lower(), parts[i + 1]) for i in range(1, len(parts), 2)]
    ships, verified, rollback = [], [], []
    for kind, segment in segments:
        for sentence in filter(None, (s.strip() for s in _SENTENCE.split(segment))):
            if name == "rollback" or kind.startswith("roll"):
                rollback.append(sentence)
            elif kind:
                verified.append(sentence)
            else:
                (rollback if _ROLLBACK.search(sentence) else verified if _VERIFY.search(sentence) else ships).append(sentence)
    return ships, verified, rollback


def _rank(line: str) -> int:
    heading = re.match(r"#{1,6}\s", line)
    if heading:
        return 9 - len(heading.group(0).strip())
    return 2 if _MARKER.match(line) else 1


def migration_phases(plan: str, template: TemplateText) -> list[Phase]:
    """Each expand / switch / contract / rollback block of a migration plan, in the order written.

    A phase that does not say how it rolls back takes what a written Rollback block says about it
    by name, or all of that block when it names no phase.
    """
    blocks: list[tuple[str, list[str]]] = []
    rank = 0
    for raw in COMMENT.sub("", plan).split("\n"):
        line = raw.strip()
        if not line:
            continue
        # A line that is less of a heading than the first phase's (plain < list item < ### < ## ...), or an
        # indented one, belongs to the phase above it even when it opens with "Rollback:" or "expand:".
        match = _PHASE_START.match(line) if not raw.startswith(("  ", "\t")) or not blocks else None
        if match and blocks and _rank(line) < rank:
            match = None
        if match:
            rank = rank or _rank(line)
            name = match.group(1).lower()
            blocks.append(("rollback" if name.startswith("roll") else name, [line]))
        elif blocks:
            blocks[-1][1].append(line)
    parsed = []
    for name, (first, *rest) in blocks:
        own = ["" if template.shipped(first) else first, *(line for line in rest if not template.shipped(line))]
        parsed.append((name, own, *_sorted_clauses(name, own)))
    general = [c for name, _, _, _, rollback in parsed if name == "rollback" for c in rollback]
    phases = []
    for name, own, ships, verified, rollback in parsed:
        if name != "rollback" and not rollback and general:
            named = [c for c in general if re.search(rf"\b{name}", c, re.I)]
            unnamed = not any(re.search(rf"\b{p}", c, re.I) for c in general for p in PHASES)
            rollback = named or (general if unnamed else [])
        phases.append(Phase(name, any(line and not HEADING.match(line) for line in own),
                            " ".join(ships), " ".join(verified), " ".join(rollback),
                            bool(_SEPARATE.search(" ".join(own)))))
    return phases
