"""Prototype cards: parse the front matter into `Prototype` and `Criterion`, and edit it line by line."""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from toolkit.errors import DecisionbookError
from toolkit.records import atomic, files, frontmatter
from toolkit.records.criteria import (AGGREGATES, Expr, contradiction, definition_hash, definition_text,
                                      format_number, parse_expr)

STATUSES = ("active", "kept", "discarded")
# Four digits, as `proto new` writes them up to P9999, then as many as it takes (never a leading zero).
CARD_NAME = re.compile(r"^([0-9]{4}|[1-9][0-9]{4,})-[^/\\]*\.md$")
CRITERION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
CRITERION_ID_RULE = "ASCII letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit"

_KNOWN = frozenset(("title", "status", "owner", "started", "deadline", "branch", "decisions", "criteria"))
_CRITERION_KNOWN = frozenset(("id", "metric", "target", "kill", "must", "weight", "aggregate"))
_SECTION = re.compile(r"^(#{1,2})[ \t]+(.*\S)?[ \t]*$")  # its text ends at no space: linear on any line
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ID = operator.attrgetter("id")
_EMPTY_LIST = re.compile(r"^(criteria:)[ \t]*([ \t]#.*)?$")  # the key of a block list, and its comment
_SCALAR_LINE = re.compile(r"""^([A-Za-z0-9_-]+:[ \t]*)("[^"]*"|'[^']*'|[^#]*?)([ \t]+#.*)?$""")


@dataclass(frozen=True)
class Criterion:
    """A success criterion registered on a card before evidence; `kill` crossing recommends discard."""

    id: str
    target: Expr
    kill: Expr | None = None
    must: bool = False
    weight: float = 1.0
    aggregate: str = "latest"
    metric: str | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def yes_no(self) -> bool:
        return self.target.is_yes_no

    def definition(self) -> str:
        """What the criterion asks for, as the JSON that is hashed: changing any of it moves the goalposts."""
        kill = self.kill
        return definition_text(self.id, str(self.target), None if kill is None else str(kill), self.must,
                               format_number(self.weight), self.aggregate)

    @cached_property
    def hash(self) -> str:
        return definition_hash([self.definition()])


def criteria_hash(criteria) -> str:
    """The stable hash of a card's criteria, independent of their order on the card."""
    return definition_hash([c.definition() for c in sorted(criteria, key=_ID)])


@dataclass(frozen=True)
class Prototype:
    """A prototype card. `extra` holds front-matter keys this version does not know, unchanged."""

    number: int
    path: Path
    title: str
    status: str = "active"
    owner: str | None = None
    started: dt.date | None = None
    deadline: dt.date | None = None
    branch: str | None = None
    decisions: tuple[int, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    hypothesis: str = ""
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return f"P{self.number}"

    @cached_property
    def criteria_hash(self) -> str:
        return criteria_hash(self.criteria)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)


def _record(cls, fields: dict):
    """An instance of the frozen dataclass *cls* holding *fields* (every one, in order), built without
    its `__init__`: that sets each field through `object.__setattr__`, which cost more than reading the card."""
    record = object.__new__(cls)
    object.__setattr__(record, "__dict__", fields)
    return record


def card_number(path: Path) -> int | None:
    match = CARD_NAME.match(path.name)
    return int(match.group(1)) if match else None


def _line(doc: frontmatter.Document, key: str) -> int | None:
    span = frontmatter.key_span(doc, key)
    return span[0] + 1 if span else None


def _text(value, key, doc, required=False) -> str | None:
    if value is None and not required:
        return None
    if type(value) is str and value.strip():
        return value  # the usual case: the key's line is looked for only to name it in an error
    line = _line(doc, key)
    if value is None or isinstance(value, str) and not value.strip():
        why = ": a card needs one" if required else "; give it or leave the key out"
        raise DecisionbookError(f"{key} is {'empty' if line else 'missing'}{why}", doc.path, line)
    if not isinstance(value, str):
        kind = "a mapping" if isinstance(value, dict) else type(value).__name__
        raise DecisionbookError(f"{key} must be text, found {kind}{_quoting(doc, line, key, value)}", doc.path, line)
    return value


def _quoting(doc: frontmatter.Document, line: int | None, key: str, value) -> str:
    """How to keep a value YAML read as a number, a day or yes/no (`title: 1984`) as the text written."""
    if line is None or isinstance(value, (dict, list)):
        return ""
    written = doc.lines[line - 1].split(":", 1)[1].split(" #", 1)[0].strip()
    return f'; quote it to keep it as written: {key}: "{written}"' if written and '"' not in written else ""


def _date(value, key, doc) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DecisionbookError(f"{key} must be a date such as 2026-11-20, found {value!r}", doc.path, _line(doc, key))


def _item_lines(doc: frontmatter.Document) -> tuple[list[int], str | None, tuple[int, int] | None]:
    """Line indexes where each block item of `criteria` starts, their indentation, and the key's span."""
    span = frontmatter.key_span(doc, "criteria")
    if span is None:
        return [], None, None
    starts, indent = [], None
    for index in range(span[0] + 1, span[1]):
        line = doc.lines[index].rstrip("\r\n")
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") or stripped == "-":
            here = line[: len(line) - len(stripped)]
            if indent is None:
                indent = here
            if here == indent:
                starts.append(index)
    return starts, indent, span


def _item_end(doc: frontmatter.Document, start: int, limit: int) -> int:
    """Where the `criteria` item starting at line *start* ends: after its last value line, and the comments
    indented into it right below. Blank lines and comments at the dash's margin below it, up to *limit*,
    are written above what follows."""
    margin = len(doc.lines[start]) - len(doc.lines[start].lstrip(" "))
    end = start + 1
    for index in range(start + 1, limit):
        line = doc.lines[index]
        text = line.strip()
        if text and (not text.startswith("#") or index == end and len(line) - len(line.lstrip(" ")) > margin):
            end = index + 1
    return end


def _item_line(doc: frontmatter.Document, index: int, starts: list[int]) -> int | None:
    """The line of criterion *index*: its item's first line, or the `criteria` key's when it has none."""
    return starts[index] + 1 if index < len(starts) else _line(doc, "criteria")


def contradictions(card: Prototype) -> list[tuple[int, str]]:
    """(index, message) for each criterion of *card* whose kill condition a value meeting its target
    can satisfy (see `criteria.overlap`). Such a card is read, and judged with the target first: a value
    that meets the target is `met`, never `killed`."""
    found = []
    for index, criterion in enumerate(card.criteria):
        if criterion.kill is not None:
            why = contradiction(criterion.target, criterion.kill)
            if why is not None:
                found.append((index, f"criterion {criterion.id!r}: {why}"))
    return found


def _invalid(doc, raw: dict, index: int, message: str, key: str | None = None) -> DecisionbookError:
    """The error for criterion *index*, at the line of its *key* when that can be told."""
    # Lines are looked for only now: a card that reads cleanly never scans its lines again.
    starts = _item_lines(doc)[0]
    where = line = _item_line(doc, index, starts)
    if key is not None and index < len(starts):
        end = starts[index + 1] if index + 1 < len(starts) else (doc.fm_end or starts[index] + 1)
        pattern = re.compile(rf"^\s*(?:-\s+)?{re.escape(key)}\s*:")
        where = next((i + 1 for i in range(starts[index], end) if pattern.match(doc.lines[i])), line)
    return DecisionbookError(f"criterion {raw.get('id', index + 1)!r}: {message}", doc.path, where)


def _criterion(raw, index, doc) -> Criterion:
    if not isinstance(raw, dict):
        starts = _item_lines(doc)[0]
        raise DecisionbookError("each criterion must be a mapping with id and target", doc.path, _item_line(doc, index, starts))
    ident = raw.get("id")
    if not isinstance(ident, str) or not CRITERION_ID.match(ident):
        raise _invalid(doc, raw, index, f"id must be {CRITERION_ID_RULE}", "id")
    if "target" not in raw:
        raise _invalid(doc, raw, index, "has no target")
    try:
        target = parse_expr(raw["target"], "target")
    except DecisionbookError as exc:
        raise _invalid(doc, raw, index, exc.message, "target")
    kill = raw.get("kill")
    if kill is not None:
        try:
            kill = parse_expr(kill, "kill")
        except DecisionbookError as exc:
            raise _invalid(doc, raw, index, exc.message, "kill")
        if kill.is_yes_no != target.is_yes_no:
            raise _invalid(doc, raw, index, "target and kill must both be yes/no or both be numeric", "kill")
    must = raw.get("must", False)
    if not isinstance(must, bool):
        raise _invalid(doc, raw, index, "must is true or false", "must")
    weight = raw.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight < 1e15:
        raise _invalid(doc, raw, index, "weight must be a positive number below 10^15", "weight")
    how = raw.get("aggregate", "latest")
    if how not in AGGREGATES:
        raise _invalid(doc, raw, index, f"aggregate must be one of {', '.join(AGGREGATES)}", "aggregate")
    if target.is_yes_no and how in ("median", "mean"):
        raise _invalid(doc, raw, index, "a yes/no criterion aggregates by latest, min or max", "aggregate")
    metric = raw.get("metric")
    if metric is not None and not isinstance(metric, str):
        raise _invalid(doc, raw, index, "metric must be text", "metric")
    extra = _NONE if raw.keys() <= _CRITERION_KNOWN else MappingProxyType(
        {k: v for k, v in raw.items() if k not in _CRITERION_KNOWN})
    return _record(Criterion, {"id": sys.intern(ident), "target": target, "kill": kill, "must": must,
                               "weight": float(weight), "aggregate": how, "metric": metric, "extra": extra})


def _hypothesis(doc: frontmatter.Document) -> str:
    collected, inside = [], False
    for line in doc.lines[doc.body_start :]:
        heading = _SECTION.match(line.rstrip("\r\n")) if line[0] == "#" else None  # no regex for most lines
        if heading:
            if inside:
                break
            inside = len(heading.group(1)) == 2 and (heading.group(2) or "").rstrip("#").rstrip().lower() == "hypothesis"
        elif inside:
            collected.append(line.rstrip("\r\n"))
    text = "\n".join(collected)
    return " ".join((_COMMENT.sub(" ", text) if "<!--" in text else text).split())


_NONE: Mapping[str, object] = MappingProxyType({})  # read-only, so every card without unknown keys shares it


def _extra(meta: dict) -> Mapping[str, object]:
    if meta.keys() <= _KNOWN:
        return _NONE
    return MappingProxyType({k: v for k, v in meta.items() if k not in _KNOWN})


def from_document(doc: frontmatter.Document) -> Prototype:
    """The card in *doc*; raise DecisionbookError naming the line of the first problem."""
    path = doc.path or Path("card.md")
    number = card_number(path)
    if number is None:
        raise DecisionbookError("a prototype card is named NNNN-slug.md", path)
    if not doc.has_front_matter:
        raise DecisionbookError("no front matter: a card starts with a '---' block", path, 1)
    if doc.loose:  # read from an ADR as site generators read it; a card is decisionbook's own, and exact
        why = frontmatter.loose_reason(doc, read=False)
        raise DecisionbookError(f"invalid YAML: {why}; quote it", path, doc.loose[0])
    meta = doc.meta
    if not isinstance(meta, dict):
        raise DecisionbookError("front matter must be a mapping of keys to values", path, 2)
    status = meta.get("status", "active")
    if status not in STATUSES:
        raise DecisionbookError(f"status must be one of {', '.join(STATUSES)}, found {status!r}", path, _line(doc, "status"))
    decisions = meta.get("decisions") or []
    if not isinstance(decisions, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in decisions):
        raise DecisionbookError("decisions must be a list of ADR numbers such as [12]", path, _line(doc, "decisions"))
    raw_criteria = meta.get("criteria") or []
    if not isinstance(raw_criteria, list):
        raise DecisionbookError("criteria must be a list", path, _line(doc, "criteria"))
    criteria = tuple(_criterion(raw, i, doc) for i, raw in enumerate(raw_criteria))
    seen: set[str] = set()
    for i, c in enumerate(criteria):
        if c.id in seen:
            line = _item_line(doc, i, _item_lines(doc)[0])
            raise DecisionbookError(f"criterion id {c.id!r} appears twice", path, line)
        seen.add(c.id)
    return _record(Prototype, {
        "number": number,
        "path": path,
        "title": _text(meta.get("title"), "title", doc, required=True),
        "status": status,
        "owner": _text(meta.get("owner"), "owner", doc),
        "started": _date(meta.get("started"), "started", doc),
        "deadline": _date(meta.get("deadline"), "deadline", doc),
        "branch": _text(meta.get("branch"), "branch", doc),
        "decisions": tuple(decisions),
        "criteria": criteria,
        "hypothesis": _hypothesis(doc),
        "extra": _extra(meta),
    })


def read(path: Path, limit: int | None = files.DEFAULT_LIMIT, root: Path | None = None) -> Prototype:
    return from_document(frontmatter.read(path, limit, root))


def _set_scalar(doc: frontmatter.Document, key: str, rendered: str) -> bytes:
    """Set a one-line key, keeping a trailing `# comment` the user wrote on that line."""
    span = frontmatter.key_span(doc, key)
    if span is not None and span[1] - span[0] == 1:
        match = _SCALAR_LINE.match(doc.lines[span[0]].rstrip("\r\n"))
        if match and match.group(2).strip() not in ("", "|", ">"):
            comment = match.group(3) or ""
            if comment:
                # Keep the comment in its column when the new value fits before it.
                gap = len(comment) - len(comment.lstrip())
                width = len(match.group(2)) + gap - len(rendered)
                comment = " " * max(1, width) + comment.lstrip()
            return frontmatter.with_lines(doc, span[0], span[1], [match.group(1) + rendered + comment])
    return frontmatter.set_key(doc, key, rendered)


def _write_checked(doc: frontmatter.Document, data: bytes, check) -> Prototype:
    """Parse the edited bytes and check them before replacing the file, so a bad edit never lands."""
    card = from_document(frontmatter.parse(data, doc.path))
    check(card)
    atomic.replace(doc.path, data)
    return card


def set_status(path: Path, status: str, limit: int | None = files.DEFAULT_LIMIT) -> Prototype:
    with files.locked(path):  # held from reading to writing, so no concurrent edit is lost
        doc = frontmatter.read(path, limit)
        from_document(doc)
        data = _set_scalar(doc, "status", frontmatter.scalar(status))
        return _write_checked(doc, data, lambda card: card.status == status or _edit_failed(path))


def set_deadline(path: Path, deadline: dt.date, limit: int | None = files.DEFAULT_LIMIT) -> Prototype:
    with files.locked(path):  # held from reading to writing, so no concurrent edit is lost
        doc = frontmatter.read(path, limit)
        from_document(doc)
        data = _set_scalar(doc, "deadline", deadline.isoformat())
        return _write_checked(doc, data, lambda card: card.deadline == deadline or _edit_failed(path))


_YAML_COMMENT = re.compile(r"(?:^|[ \t])#")  # decisions are numbers: no `#` stands inside a quoted text there


def with_decision_renumbered(doc: frontmatter.Document, old: int, new: int) -> bytes | None:
    """The card *doc* with ADR *old* in its `decisions:` made *new*, as wide as it was written (`0007` -> `0012`),
    on those lines alone and not in their comments; None when the card does not list *old*, or when the edit
    would not read back as that one change (a number written as `0x7`)."""
    card = from_document(doc)
    span = frontmatter.key_span(doc, "decisions")
    if old not in card.decisions or span is None:
        return None
    number = re.compile(rf"(?<![\w.+-])0*{old}(?![\w.])")
    lines = list(doc.lines)
    for index in range(*span):
        line = lines[index]
        comment = _YAML_COMMENT.search(line)
        end = comment.start() if comment else len(line)
        lines[index] = number.sub(lambda m: str(new).zfill(len(m.group(0))), line[:end]) + line[end:]
    data = doc.to_bytes(lines)
    wanted = tuple(new if n == old else n for n in card.decisions)
    return data if from_document(frontmatter.parse(data, doc.path)).decisions == wanted else None


def _edit_failed(path):
    raise DecisionbookError("the card's layout defeated a line edit; change it by hand", path)


def render_criterion(fields: dict, indent: str) -> list[str]:
    """The block lines of one new criterion; expressions are quoted so any YAML reader sees text."""
    lines = []
    for key, value in fields.items():
        text = json.dumps(value, ensure_ascii=False) if key in ("target", "kill") else frontmatter.scalar(value)
        lines.append(f"{indent}- {key}: {text}" if not lines else f"{indent}  {key}: {text}")
    return lines


def add_criterion(path: Path, fields: dict, limit: int | None = files.DEFAULT_LIMIT) -> Prototype:
    """Append the criterion *fields* (id first) to the card's `criteria` list, touching no other line."""
    with files.locked(path):  # held from reading to writing, so no concurrent edit is lost
        doc = frontmatter.read(path, limit)
        card = from_document(doc)
        existing = card.criterion(fields["id"])
        if existing is not None:
            raise DecisionbookError(f"criterion {existing.id!r} already exists (target {existing.target})", path)
        starts, indent, span = _item_lines(doc)
        if card.criteria and not starts:
            raise DecisionbookError("criteria are written in flow style [...]; use one '- id:' item per block to edit them", path, _line(doc, "criteria"))
        if starts:
            data = frontmatter.with_lines(doc, span[1], span[1], render_criterion(fields, indent))
        else:
            data = frontmatter.set_key(doc, "criteria", render_criterion(fields, "  "))
        wanted = [c.id for c in card.criteria] + [fields["id"]]

        def check(new: Prototype) -> None:
            if [c.id for c in new.criteria] != wanted:
                _edit_failed(path)
            added = new.criteria[-1]
            why = contradiction(added.target, added.kill)
            if why is not None:
                raise DecisionbookError(f"criterion {added.id!r}: {why}", path)

        return _write_checked(doc, data, check)


def remove_criterion(path: Path, criterion_id: str, limit: int | None = files.DEFAULT_LIMIT) -> Prototype:
    with files.locked(path):  # held from reading to writing, so no concurrent edit is lost
        doc = frontmatter.read(path, limit)
        card = from_document(doc)
        ids = [c.id for c in card.criteria]
        if criterion_id not in ids:
            known = ", ".join(ids) or "none"
            raise DecisionbookError(f"no criterion {criterion_id!r} on {card.ref} (criteria: {known})", path)
        starts, _, span = _item_lines(doc)
        if len(starts) != len(ids):
            raise DecisionbookError("criteria are written in flow style [...]; edit them by hand", path, _line(doc, "criteria"))
        index = ids.index(criterion_id)
        end = _item_end(doc, starts[index], starts[index + 1] if index + 1 < len(starts) else span[1])
        data = frontmatter.with_lines(doc, starts[index], end, [])
        if len(ids) == 1:  # the key's own line says the list is empty; the comments written in it stay
            emptied = frontmatter.parse(data, doc.path)
            line = _EMPTY_LIST.sub(r"\1 []\2", emptied.lines[span[0]].rstrip("\r\n"))
            data = frontmatter.with_lines(emptied, span[0], span[0] + 1, [line])
        wanted = [i for i in ids if i != criterion_id]
        return _write_checked(doc, data, lambda new: [c.id for c in new.criteria] == wanted or _edit_failed(path))


def criterion_line(path: Path, criterion_id: str, limit: int | None = files.DEFAULT_LIMIT) -> int | None:
    """The line where criterion *criterion_id* starts on the card at *path*, to point a finding at (the
    `criteria` key's line for criteria in flow style); None when it cannot be told."""
    try:
        doc = frontmatter.read(path, limit)
        ids = [c.id for c in from_document(doc).criteria]
    except (DecisionbookError, OSError):
        return None
    if criterion_id not in ids:
        return None
    starts = _item_lines(doc)[0]
    return starts[ids.index(criterion_id)] + 1 if len(starts) == len(ids) else _line(doc, "criteria")


def fill_template(template: bytes, values: dict[str, str]) -> bytes:
    """A new card's bytes: the template with each key in *values* (rendered YAML) set on its own line."""
    data = template
    for key, rendered in values.items():
        data = _set_scalar(frontmatter.parse(data), key, rendered)
    return data
