"""Reading ADRs in every form teams keep them: MADR front matter, MADR bullets, Nygard/adr-tools."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import DecisionbookError
from toolkit.records import frontmatter
from toolkit.records.finding import Finding

MADR = "madr"  # YAML front matter (MADR 3 and 4, and decisionbook's own files)
BULLETS = "madr-bullets"  # `* Status: accepted` lines under the title (MADR 2, log4brains)
NYGARD = "nygard"  # `# 12. Title`, `Date:`, a `## Status` section (adr-tools)
UNKNOWN = "unknown"  # no status anywhere: listed, never edited

STATUSES = ("draft", "proposed", "accepted", "rejected", "deprecated", "superseded")

# Relations decisionbook understands, each with its reverse; others are kept and warned about.
REVERSE = {
    "supersedes": "superseded by",
    "superseded by": "supersedes",
    "amends": "amended by",
    "amended by": "amends",
    "relates to": "relates to",
}

NUMBERED_FILE = re.compile(r"^([0-9]{4})-[^/\\]+\.md$")
DATED_FILE = re.compile(r"^([0-9]{8})-[^/\\]+\.md$")  # log4brains: identified by slug, not number

MAKER_KEYS = ("decision-makers", "deciders", "decision_makers", "decisionmakers")
KNOWN_KEYS = frozenset(
    ("title", "status", "date", "consulted", "informed", "supersedes", "links", "prototypes", "data-change")
    + MAKER_KEYS
)

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_RELATION_LINE = re.compile(r"^(?:[*-]\s+)?([A-Za-z][A-Za-z -]*?)\s*:?\s+(\[[^\]]*\]\([^)\s]+\))\s*$")
_BULLET = re.compile(r"^\s*[*-]\s+([A-Za-z][A-Za-z _-]*?)\s*:\s*(.*?)\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DATE_LINE = re.compile(r"^Date:\s*(.*?)\s*$")
_NUMBER_PREFIX = re.compile(r"^(\d+)\.\s+")
_COMMENT = re.compile(r"<!--.*?-->")
_PROTOTYPE = re.compile(r"^(?:[Pp]-?)?0*(\d+)$")


@dataclass(frozen=True)
class Link:
    """A relation from one ADR to another: `amends` 5, or a team's own such as `clarified by`."""

    relation: str  # lower-case words: "amends", "amended by", "clarified by"
    target: str  # the other ADR's key; "" when the link does not point at an ADR file
    line: int | None = None


@dataclass(frozen=True)
class Decision:
    """One ADR as read from its file; `findings` holds what could not be understood."""

    key: str  # how the CLI names it: "12" for 0012-x.md, the file stem for a log4brains file
    number: int | None
    title: str | None
    status: str | None  # normalised lower-case word, e.g. "superseded"
    status_raw: str | None  # as written, e.g. "Superseded by [13. Foo](0013-foo.md)"
    superseded_by: str | None  # key of the successor
    date: str | None
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
    extra: dict[str, Any] = field(default_factory=dict)  # front-matter keys decisionbook does not know
    findings: tuple[Finding, ...] = ()
    title_line: int | None = None
    status_line: int | None = None
    data_change_line: int | None = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """`ADR-0012` or the slug: how messages name this record."""
        return f"ADR-{self.number:04d}" if self.number is not None else self.key


def file_key(name: str) -> str | None:
    """The key of the ADR file *name*, or None when the name is not an ADR file name."""
    match = NUMBERED_FILE.match(name)
    if match:
        return str(int(match.group(1)))
    if DATED_FILE.match(name):
        return name[: -len(".md")]
    return None


def ref_key(value: Any) -> str | None:
    """The key an ADR reference means: 12, "0012", "ADR-0012", "#12", a file name or a slug."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return str(value) if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    link = _LINK.search(text)
    if link:
        text = link.group(2)
    if text.endswith(".md") or "/" in text:
        return file_key(text.split("#")[0].rsplit("/", 1)[-1])
    text = re.sub(r"^(?:adr[-_ ]?|#)", "", text, flags=re.IGNORECASE)
    if text.isascii() and text.isdigit():
        return str(int(text)) if int(text) > 0 else None
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        return text
    return None


def prototype_ref(value: Any) -> int | None:
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


def normalise_status(raw: str) -> tuple[str | None, str | None]:
    """(status word, successor key) from text such as `Superseded by [ADR-0005](0005-x.md)`."""
    text = _COMMENT.sub("", raw).strip()
    lowered = text.lower()
    if lowered.startswith("superseded"):
        rest = text[len("superseded") :].strip()
        if rest.lower().startswith("by"):
            rest = rest[2:].strip()
        return "superseded", ref_key(rest) if rest else None
    word = re.match(r"[a-z]+", lowered)
    return (word.group(0) if word else None), None


def _date_text(value: Any) -> str | None:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    return None


class _Reader:
    """Collects the fields and findings of one file while it is being read."""

    def __init__(self, doc: frontmatter.Document, path: Path, display: str | None):
        self.doc = doc
        self.path = path
        self.rel = display or str(path)
        self.lines = doc.text_lines()
        self.findings: list[Finding] = []
        self.fields: dict[str, Any] = {"links": []}

    def warn(self, line: int | None, message: str) -> None:
        self.findings.append(Finding(self.rel, line, "warning", message))

    def error(self, line: int | None, message: str) -> None:
        self.findings.append(Finding(self.rel, line, "error", message))

    def sections(self) -> list[tuple[int, str, int, int]]:
        """(level, heading, index of heading line, index after the section) outside code fences."""
        found: list[list] = []
        fence = None
        lines = self.lines
        for index in range(self.doc.body_start, len(lines)):
            line = lines[index]
            if "```" in line or "~~~" in line:
                stripped = line.lstrip()
                if stripped.startswith(("```", "~~~")):
                    marker = stripped[:3]
                    fence = None if fence == marker else (fence or marker)
                    continue
            if fence or not line.startswith("#"):
                continue
            match = _HEADING.match(line)
            if match:
                found.append([len(match.group(1)), match.group(2), index, len(lines)])
        for i, section in enumerate(found):
            for later in found[i + 1 :]:
                if later[0] <= section[0]:
                    section[3] = later[2]
                    break
        return [tuple(s) for s in found]

    def add_relation(self, relation: str, target_text: str, line: int) -> None:
        relation = relation_name(relation)
        target = ref_key(target_text) or ""
        if not target:
            self.warn(line, f"{relation} {target_text!r}: the link does not point at an ADR file")
            return
        if relation == "supersedes":
            self.fields.setdefault("supersedes", []).append(target)
            return
        if relation == "superseded by":
            self.fields.setdefault("superseded_by", target)
            return
        if relation not in REVERSE:
            self.warn(line, f"relation {relation!r} is not one decisionbook knows; kept as a link")
        self.fields["links"].append(Link(relation, target, line))


def _people(reader: _Reader, value: Any, key: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if isinstance(value, list) and all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in value):
        return tuple(str(p) for p in value)
    reader.warn(line, f"{key} should be a list of names; found {type(value).__name__} (a template placeholder?)")
    return ()



def _references(reader, meta, key, parse, line_of, example) -> list | None:
    """The references listed under front-matter *key* (one or a list), warning about unreadable ones."""
    value = meta.get(key)
    if value is None:
        return None
    parsed = [parse(item) for item in (value if isinstance(value, list) else [value])]
    if None in parsed:
        reader.warn(line_of(key), f"{key} should list {example}")
    return [item for item in parsed if item]

def _read_front_matter(reader: _Reader) -> None:
    doc = reader.doc
    lines = reader.lines

    def line_of(key: str) -> int | None:
        for index in range(1, doc.fm_end):
            line = lines[index]
            if line.startswith(key) and line[len(key) :].lstrip(" \t").startswith(":"):
                return index + 1
        return None

    meta = doc.meta
    fields = reader.fields
    if not isinstance(meta, dict):
        reader.warn(2, f"front matter is a {type(meta).__name__}, not a mapping of keys; its values are ignored")
        return
    fields["extra"] = {k: v for k, v in meta.items() if k not in KNOWN_KEYS}

    def text(key: str) -> str | None:
        value = meta.get(key)
        if value is None:
            return None
        result = _date_text(value) if key == "date" else (value if isinstance(value, str) else None)
        if result is None:
            kind = "mapping" if isinstance(value, dict) else type(value).__name__
            reader.warn(line_of(key), f"{key} holds a {kind} where text belongs (a template placeholder?)")
        return result

    if "title" in meta:
        fields["title"] = text("title")
        fields["title_line"] = line_of("title")
    fields["date"] = text("date")
    status = text("status")
    if status is not None:
        fields["status_raw"] = status
        fields["status_line"] = line_of("status")
    for key in MAKER_KEYS:
        if key in meta:
            fields["decision_makers"] = _people(reader, meta[key], key, line_of(key))
            break
    for key in ("consulted", "informed"):
        fields[key] = _people(reader, meta.get(key), key, line_of(key))

    supersedes = _references(reader, meta, "supersedes", ref_key, line_of, "ADR numbers, e.g. [3, 5]")
    if supersedes is not None:
        fields["supersedes"] = supersedes
    links = meta.get("links")
    if links is not None:
        line = line_of("links")
        for item in links if isinstance(links, list) else [links]:
            relation = item.get("relation") if isinstance(item, dict) else None
            target = ref_key(item.get("adr")) if isinstance(item, dict) else None
            if not isinstance(relation, str) or target is None:
                reader.warn(line, f"links entries look like {{relation: amends, adr: 5}}; cannot read {item!r}")
                continue
            reader.add_relation(relation, target, line)
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


def _read_bullets(reader: _Reader, start: int, end: int) -> bool:
    """Read `* Status: ...` style lines between the title and the first section."""
    fields = reader.fields
    found = False
    extra = fields.setdefault("extra", {})
    for index in range(start, end):
        match = _BULLET.match(reader.lines[index])
        if not match:
            continue
        key = relation_name(match.group(1)).replace(" ", "-")
        value = _COMMENT.sub("", match.group(2)).strip()
        if key == "status":
            found = True
            fields["status_raw"] = value
            fields["status_line"] = index + 1
        elif key == "date":
            fields["date"] = value
        elif key in MAKER_KEYS:
            fields["decision_makers"] = _people(reader, value, key, index + 1)
        elif key in ("consulted", "informed"):
            fields[key] = _people(reader, value, key, index + 1)
        else:
            extra[match.group(1)] = value
    return found


def _read_nygard_status(reader: _Reader, start: int, end: int) -> None:
    fields = reader.fields
    for index in range(start + 1, end):
        line = _COMMENT.sub("", reader.lines[index]).strip()
        if not line:
            continue
        relation = _RELATION_LINE.match(line)
        if relation:
            reader.add_relation(relation.group(1), relation.group(2), index + 1)
        elif "status_raw" not in fields:
            fields["status_raw"] = line
            fields["status_line"] = index + 1


def _read_link_section(reader: _Reader, heading: str, start: int, end: int, bullets_only: bool) -> None:
    """A section whose lines are links: MADR's `## Links`, or a team's own `## Consequence of`."""
    rows = []
    for index in range(start + 1, end):
        line = reader.lines[index].strip()
        if not line:
            continue
        relation = _RELATION_LINE.match(line)
        plain = re.fullmatch(r"(?:[*-]\s+)?(\[[^\]]*\]\([^)\s]+\))", line)
        if relation and ref_key(relation.group(2)):
            rows.append((relation.group(1), relation.group(2), index + 1))
        elif plain and not bullets_only and ref_key(plain.group(1)):
            rows.append((heading, plain.group(1), index + 1))
        elif not bullets_only:
            return  # an ordinary section that happens to contain a link
    for relation, target, line in rows:
        reader.add_relation(relation, target, line)


_ORDINARY = frozenset(("status", "context", "decision", "consequences", "links", "decision outcome"))


def parse(data: bytes, path: Path, display: str | None = None) -> Decision:
    """Read one ADR file; raise DecisionbookError (with line) only when its text or YAML is malformed.

    *display* is the path as messages show it (relative to the workspace root).
    """
    doc = frontmatter.parse(data, display or path)
    return from_document(doc, path, display)


def from_document(doc: frontmatter.Document, path: Path, display: str | None = None) -> Decision:
    reader = _Reader(doc, path, display)
    fields = reader.fields
    sections = reader.sections()
    level1 = next((s for s in sections if s[0] == 1), None)
    first_sub = next((s[2] for s in sections if s[0] >= 2), len(reader.lines))
    if doc.has_front_matter:
        form = MADR
        _read_front_matter(reader)
    else:
        form = UNKNOWN
    if fields.get("title") is None and level1 is not None:
        fields["title"] = level1[1]
        fields["title_line"] = level1[2] + 1
    title_index = level1[2] + 1 if level1 is not None else doc.body_start
    if form == UNKNOWN and _read_bullets(reader, title_index, first_sub):
        form = BULLETS
    for level, heading, start, end in sections:
        name = heading.strip().lower()
        if form == UNKNOWN and level == 2 and name == "status":
            form = NYGARD
            _read_nygard_status(reader, start, end)
        elif name == "links" and form in (BULLETS, NYGARD):
            _read_link_section(reader, heading, start, end, bullets_only=True)
        elif "migration plan" in name:
            fields["migration_plan"] = "\n".join(reader.lines[start + 1 : end])
        elif level == 2 and form in (NYGARD, UNKNOWN) and name not in _ORDINARY:
            _read_link_section(reader, heading, start, end, bullets_only=False)
    if form in (NYGARD, UNKNOWN):
        for index in range(doc.body_start, first_sub):
            match = _DATE_LINE.match(reader.lines[index])
            if match:
                fields["date"] = match.group(1)
                break

    number = None
    key = file_key(path.name)
    match = NUMBERED_FILE.match(path.name)
    if match:
        number = int(match.group(1))
    if key is None:
        key = path.stem
    title = fields.get("title")
    if title is not None:
        prefix = _NUMBER_PREFIX.match(title)
        if prefix and (number is None or int(prefix.group(1)) == number):
            title = title[prefix.end() :]
        title = title.strip() or None
    if title is None:
        reader.error(fields.get("title_line") or 1, "no title: add a `# Title` heading")

    status = None
    raw = fields.get("status_raw")
    if raw is None:
        if form == UNKNOWN:
            reader.warn(1, "no status found (no front matter, `* Status:` line or `## Status` section)")
        elif "superseded_by" in fields:
            status = "superseded"
        else:
            reader.warn(fields.get("title_line"), "no status")
    else:
        status, successor = normalise_status(raw)
        if successor:
            fields["superseded_by"] = successor
        if status not in STATUSES:
            reader.warn(
                fields.get("status_line"),
                f"unknown status {raw!r}; decisionbook knows {', '.join(STATUSES)}",
            )

    return Decision(
        key=key,
        number=number,
        title=title,
        status=status,
        status_raw=raw,
        superseded_by=fields.get("superseded_by"),
        date=fields.get("date"),
        path=path,
        form=form,
        decision_makers=tuple(fields.get("decision_makers", ())),
        consulted=tuple(fields.get("consulted", ())),
        informed=tuple(fields.get("informed", ())),
        supersedes=tuple(dict.fromkeys(fields.get("supersedes", ()))),
        links=tuple(fields["links"]),
        prototypes=tuple(fields.get("prototypes", ())),
        data_change=fields.get("data_change", False),
        migration_plan=fields.get("migration_plan"),
        extra=fields.get("extra", {}),
        findings=tuple(reader.findings),
        title_line=fields.get("title_line"),
        status_line=fields.get("status_line"),
        data_change_line=fields.get("data_change_line"),
    )


def read(path: Path) -> tuple[frontmatter.Document, Decision]:
    """The file's lines and the Decision they hold; DecisionbookError when malformed."""
    doc = frontmatter.read(path)
    return doc, from_document(doc, path)


def require_editable(doc: frontmatter.Document, decision: Decision) -> None:
    """Refuse, naming the file, to edit a record whose form cannot be edited in place."""
    if decision.form == UNKNOWN:
        raise DecisionbookError(
            "cannot edit: the file has no front matter, `* Status:` line or `## Status` section",
            decision.path,
        )
    if decision.form == MADR and not isinstance(doc.meta, dict):
        raise DecisionbookError("cannot edit: the front matter is not a mapping of keys", decision.path, 2)
