"""Sign-off recorded in an ADR: who approved, when, and a hash of the text they approved."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from toolkit.errors import DecisionbookError
from toolkit.records import frontmatter
from toolkit.records.adr import MADR, NYGARD, Decision, from_document, require_editable
from toolkit.records.adr_edit import header_key
from toolkit.records.hashes import sha256
from toolkit.records.adr_text import heading_key, sections
from toolkit.records.adr_words import is_iso_day, is_rst, underlined_headings

KEY = "approvals"
_LINE = re.compile(
    r"^\s*(?:(?P<bullet>[*-])\s+)?(?P<colon>:)?Approved by:\s*(?P<by>.+?),\s*(?P<date>\d{4}-\d{2}-\d{2}),\s*(?P<hash>sha256:[0-9a-f]+)\s*$"
)
# A field line's start: `* Status:`, `:Status:` (a reStructuredText field list), `**Status:**`, `Status:`.
_FIELD_START = re.compile(r"^\s*(?:(?P<bullet>[*+-]\s+)|(?P<colon>:))?(?:\*\*|__)?[A-Za-z][A-Za-z /-]{0,30}?(?:\*\*|__)?\s*:")
# Header lines that are bookkeeping, not the decision, as versions before ADR 0055 told them apart.
_HEADER_META_BEFORE = re.compile(r"^\s*(?:[*-]\s+[A-Za-z][\w -]*:|Date:|Approved by:)")
# Header lines that are bookkeeping, not the decision: `* Status: x`, `Status: x`, `**Date:** x`, a
# reStructuredText field (`:Status: x`), `Approved by: ...`.
_HEADER_META = re.compile(
    r"^\s*(?:[*-]\s+[A-Za-z][\w -]*:|:[A-Za-z][\w -]*:|(?:\*\*|__)?(?:Status|Date)\s*:|Approved by:)"
)
_BOOKKEEPING = ("status", "links")
_NUMBER = re.compile(r"^(#\s+)\d+\.\s+")


@dataclass(frozen=True)
class Approval:
    by: str
    date: str  # YYYY-MM-DD
    content: str  # "sha256:" and the first 12 hex digits of the approved text's hash
    line: int  # 1-based line in the file


def content_hash(doc: frontmatter.Document, decision: Decision | None = None) -> str:
    """A hash of what the decision says: its title and text, without bookkeeping the tool edits.

    Left out: the front matter (status, date, people, links, approvals), the lines that hold the
    status or the date of *decision* (read from *doc*: `Status:`, `* Date:`, `:Status:`, a table's
    row, a Date section's line), the header lines between the title and the first section that are
    fields (`* X:`, `:X:`) or approvals, and the Status and Links sections. Line endings, a BOM and
    trailing spaces do not count. Without *decision*, the hash earlier versions wrote: only bulleted
    fields, `Date:` and approvals left out of the header.
    """
    lines = doc.text_lines()
    found = sections(lines, doc.body_start, rst=is_rst(doc.path))
    first = next((s.line for s in found if s.level >= 2), len(lines) + 1)
    skipped: set[int] = set()
    for section in found:
        if section.level == 2 and heading_key(section.title) in _BOOKKEEPING:
            skipped.update(range(section.line - 1, section.end))
    header = _HEADER_META_BEFORE
    if decision is not None:
        header = _HEADER_META
        skipped.update(line - 1 for line in (decision.status_line, decision.date_line) if line is not None)
    kept = []
    for index in range(doc.body_start, len(lines)):
        line = lines[index].rstrip()
        if index in skipped or (index < first - 1 and header.match(line)):
            continue
        kept.append(_NUMBER.sub(r"\1", line) if index < first - 1 else line)
    text = "\n".join(kept).strip("\n")
    return "sha256:" + sha256(text.encode("utf-8")).hexdigest()[:12]


def approved_hashes(doc: frontmatter.Document, decision: Decision) -> set[str]:
    """The hashes an approval of the text as it is now may hold: this version's, and the one earlier
    versions wrote, which kept `Status:` lines under the title in the hash (ADR 0055)."""
    return {content_hash(doc, decision), content_hash(doc)}


def _date(value) -> str | None:
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str) and is_iso_day(value):
        return value
    return None


def _item_lines(doc: frontmatter.Document) -> dict[int, object]:
    """The `- {...}` item lines of the front-matter approvals list, loaded one by one."""
    span = frontmatter.key_span(doc, header_key(doc, KEY))
    if span is None:
        return {}
    items = {}
    for index in range(span[0] + 1, span[1]):
        text = doc.lines[index].strip()
        if text.startswith("- "):
            try:
                items[index] = frontmatter.load_yaml(text[2:])
            except DecisionbookError:
                items[index] = None
    return items


def read(doc: frontmatter.Document, decision: Decision) -> tuple[list[Approval], list[tuple[int, str]]]:
    """The approvals recorded in the file, and (line, message) for each that could not be read."""
    approvals, problems = [], []
    if decision.form == MADR:
        key = header_key(doc, KEY)
        value = doc.meta.get(key) if isinstance(doc.meta, dict) else None
        if value is None:
            return [], []
        span = frontmatter.key_span(doc, key)
        entries = value if isinstance(value, list) else [value]
        lines = [i + 1 for i in _item_lines(doc)] or [span[0] + 1]
        for position, entry in enumerate(entries):
            line = lines[min(position, len(lines) - 1)]
            by = entry.get("by") if isinstance(entry, dict) else None
            date = _date(entry.get("date")) if isinstance(entry, dict) else None
            content = entry.get("content") if isinstance(entry, dict) else None
            if not isinstance(by, str) or not by.strip() or date is None or not isinstance(content, str):
                problems.append((line, f"cannot read approval {entry!r}; write {{by: NAME, date: YYYY-MM-DD, content: HASH}}"))
                continue
            approvals.append(Approval(by.strip(), date, content, line))
        return approvals, problems
    lines = doc.text_lines()
    found = sections(lines, doc.body_start, rst=is_rst(doc.path))
    first = next((s.line - 1 for s in found if s.level >= 2), len(lines))
    for index in range(doc.body_start, first):
        match = _LINE.match(lines[index])
        if match:
            approvals.append(Approval(match.group("by").strip(), match.group("date"), match.group("hash"), index + 1))
    return approvals, problems


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def approve(doc: frontmatter.Document, decision: Decision, by: str, date: str) -> tuple[bytes, str]:
    """The file with *by*'s approval of its current text recorded in its own form (one per person), and
    the hash recorded: that of the text as it reads with the approval in it, since a blank line
    written before the approval (below a table) is text too."""
    require_editable(doc, decision)
    digest = content_hash(doc, decision)
    data = _with_approval(doc, decision, by, date, digest)
    if decision.form != MADR:
        after = frontmatter.parse(data, doc.path)
        written = content_hash(after, from_document(after, decision.path))
        if written != digest:
            digest, data = written, _with_approval(doc, decision, by, date, written)
    return data, digest


def _with_approval(doc: frontmatter.Document, decision: Decision, by: str, date: str, digest: str) -> bytes:
    existing, _ = read(doc, decision)
    mine = next((a for a in existing if _same(a.by, by)), None)
    if decision.form == MADR:
        item = f"{{by: {frontmatter.scalar(by)}, date: {date}, content: {frontmatter.scalar(digest)}}}"
        key = header_key(doc, KEY)  # `Approvals:` among `Status:` and `Date:`
        span = frontmatter.key_span(doc, key)
        if span is None or (
            span[1] == span[0] + 1
            and re.fullmatch(r"approvals:\s*(?:(?:\[\s*\]|null|~)\s*)?(?:#.*)?", doc.text_lines()[span[0]], re.I)
        ):
            return frontmatter.set_key(doc, key, [f"  - {item}"])
        items = _item_lines(doc)
        if not items:
            raise DecisionbookError(
                "cannot add to `approvals`: write it as a list of one-line {by: ..., date: ..., content: ...} items",
                doc.path, span[0] + 1,
            )
        index = mine.line - 1 if mine is not None else max(items)
        indent = doc.lines[index][: len(doc.lines[index]) - len(doc.lines[index].lstrip())]
        if mine is not None:  # one approval per person: the new one replaces the old
            return frontmatter.with_lines(doc, index, index + 1, [f"{indent}- {item}"])
        return frontmatter.with_lines(doc, index + 1, index + 1, [f"{indent}- {item}"])
    lines = doc.text_lines()
    if any(c in by for c in ",\n"):
        raise DecisionbookError(f"an approver's name may not hold a comma in a {decision.form} file: {by!r}")
    if mine is not None:
        index = mine.line - 1
        match = _LINE.match(lines[index])
        bullet = f"{match.group('bullet')} " if match.group("bullet") else match.group("colon") or ""
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        return frontmatter.with_lines(doc, index, index + 1, [f"{indent}{bullet}Approved by: {by}, {date}, {digest}"])
    if decision.form == NYGARD:
        text = f"Approved by: {by}, {date}, {digest}"
        anchor = existing[-1].line if existing else _date_line(doc) or _title_line(doc, decision)
        return frontmatter.with_lines(doc, anchor, anchor, [text])
    # Written as the status is: `* Status: x` has bullets, reStructuredText's `:Status: x` is a field list,
    # and a line ending in two spaces breaks there. A status in a table gets its line below the table.
    status = lines[decision.status_line - 1]
    field = _FIELD_START.match(status)
    prefix = (field.group("bullet") or field.group("colon") or "") if field else ""
    line = f"{prefix}Approved by: {by}, {date}, {digest}{'  ' if status.endswith('  ') else ''}"
    if existing:
        return frontmatter.with_lines(doc, existing[-1].line, existing[-1].line, [line])
    if status.lstrip().startswith("|"):
        end = decision.status_line
        while end < len(lines) and lines[end].lstrip().startswith("|"):
            end += 1
        return frontmatter.with_lines(doc, end, end, ["", line])
    anchor = _last_header_field(doc, decision.status_line)
    return frontmatter.with_lines(doc, anchor, anchor, [line])


def _date_line(doc: frontmatter.Document) -> int | None:
    lines = doc.text_lines()
    for index in range(doc.body_start, len(lines)):
        if lines[index].startswith("## "):
            return None
        if lines[index].startswith("Date:"):
            return index + 1
    return None


def _title_line(doc: frontmatter.Document, decision: Decision) -> int:
    """The line the approvals go below: the title's last (its text's, or the line under it, `=====`); for a record
    titled in a section of its own, the heading above the sections, else the start of the body."""
    if decision.title_line is None:
        raise DecisionbookError("cannot record an approval: the file has no title line", doc.path)
    # The line under the title has index title_line; a heading written so is keyed by it.
    lines = doc.text_lines()
    if decision.title_line in underlined_headings(lines, doc.body_start, is_rst(doc.path)):
        return decision.title_line + 1
    found = sections(lines, doc.body_start, rst=is_rst(doc.path))
    first = next((s.line for s in found if s.level >= 2), len(lines))
    if decision.title_line >= first:
        # Titled in a section of its own (`## Title` over it), perhaps below a heading every record shares: the
        # approvals go above the sections, where they are read, not under a heading further down (`# Appendix`).
        return next((s.line for s in found if s.level == 1 and s.line < first), doc.body_start)
    return decision.title_line


def _last_header_field(doc: frontmatter.Document, status_line: int) -> int:
    """The last line of the run of field lines (`* Date: x`, `Date: x`, `:Date: x`) the status line opens."""
    lines = doc.text_lines()
    index = status_line
    while index < len(lines) and _FIELD_START.match(lines[index]):
        index += 1
    return index
