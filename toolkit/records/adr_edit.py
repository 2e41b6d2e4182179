"""Edits to an ADR that keep it in its own form and change only the lines they must."""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections import Counter

from toolkit.errors import DecisionbookError
from toolkit.records import frontmatter
from toolkit.records.adr import (
    REVERSE,
    BARE_NUMBERS,
    BOLD,
    BETWEEN_FIELDS,
    BOLD_LABEL,
    BULLETS,
    COMPUTED_DATES,
    CREATION_LABELS,
    DELIMITER_ROW,
    FEATURE_NAME_KEY,
    FIELD,
    FRONT_MATTER_ALIASES,
    FRONT_MATTER_DATES,
    HTML,
    MADR,
    META_HEADINGS,
    NYGARD,
    STATUS_LABELS,
    TABLE,
    TIMELINE_STAGE_WORDS,
    UNKNOWN,
    UPDATED_LABELS,
    Decision,
    ReadOptions,
    column_fields,
    file_key,
    from_document,
    heading_label,
    html_row,
    html_row_fields,
    is_related_heading,
    line_fields,
    keyed_relation,
    LINK_ITEM,
    ref_key,
    listed_relation,
    placeholder_date,
    relation_of,
    require_editable,
    status_choices,
    status_heading_end,
    status_statement,
)
from toolkit.records.adr_text import COMMENT
from toolkit.records.adr_words import (
    STATUSES,
    BESIDE_STATUS,
    HEADING,
    record_name,
    LazyPattern,
    RELATION_STATUS,
    field_relations,
    find_date,
    heading_text,
    is_rst,
    language_of,
    links_heading,
    present_part,
    read_status,
    relation_word,
    status_mark,
    status_word,
    status_words,
    successor_status,
    underlined_headings,
    with_history,
    months_language,
    order_read,
    written_as,
)

# A stage of a Timeline section: its bullet, its words (`Entered FCP` without `(intent to accept)`) and its day.
_STAGE_ITEM = LazyPattern(r"^([ \t]*[*+-][ \t]+)([A-Za-z][A-Za-z ]*?)[ \t]*(?:\([^)\n]*\))?[ \t]*:[ \t]*(.*)$")
_FLOW = LazyPattern(r"^(\s*\[)(.*?)(\]\s*(?:#.*)?)$")
# A front-matter line holding one value, indented where it stands under a mapping (`adr:` then `  superseded_by: x`).
_KEY_LINE = LazyPattern(r"^([ \t]*([A-Za-z][\w -]*?)[ \t]*:)[ \t]*([^#\s][^#]*?)([ \t]+#.*)?$")
_SCALAR_LINE = LazyPattern(r"""^(([A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*):[ \t]*)("[^"]*"|'[^']*'|[^#]*?)([ \t]+#.*)?$""")


def reference(target: Decision) -> str:
    """How a MADR status names another ADR: `ADR-0013` (`ADR-013` in a folder of three digits), or a
    log4brains slug."""
    return target.cited


def record_link(target: Decision, form: str, source: Decision, rst: bool = False, angled: bool = False) -> str:
    """A link from *source* to *target*, in Markdown or (*rst*) reStructuredText, by the path from the
    one's folder to the other (`../0006-x.md` from a category subfolder); the file name carries the
    number, so a renumbering tool finds every reference by the old file name. The path stands between angle
    brackets when *angled*, as the folder writes it, else its spaces are escaped."""
    if target.number is None:
        text = target.title or target.key
    else:
        text = f"{target.number}. {target.title}" if form == NYGARD else target.cited
    href = _record_path(target, source)
    if rst:  # anonymous (`__`), so two links with one text are no duplicate target
        return f"`{text.replace('`', '').replace('<', '')} <{href}>`__"
    # A bracket in the text would end the link or open another (`... Parts [ACCEPTED]`): the words without them.
    return f"[{text.replace('[', '').replace(']', '')}]({_target_as(href, angled)})"


def _target_as(path: str, angled: bool) -> str:
    """*path* as a Markdown link's target: between angle brackets (`<0003 use x.md>`) when *angled* and nothing in
    it would mean more there (an anchor's `#`, an escape's `%`), else escaped (`link_target`)."""
    return f"<{path}>" if angled and not any(char in path for char in "<>#%\n") else link_target(path)


def _record_path(target: Decision, source: Decision) -> str:
    """The path from *source*'s folder to *target*'s file, as a link names it."""
    if target.path.is_absolute() == source.path.is_absolute():
        return os.path.relpath(target.path, source.path.parent).replace(os.sep, "/")
    return target.name  # one of them named without its folder: nothing to go by but the name


def link_target(path: str) -> str:
    """*path* as a Markdown link's target: the characters that would end it or make it an anchor encoded
    (`001 - A.md` -> `001%20-%20A.md`)."""
    return re.sub(r"[ #()<>%]", lambda char: f"%{ord(char.group()):02X}", path)


def fit_underlines(text: str) -> str:
    """*text* (reStructuredText) with each line under (and over) a heading as long as the heading's
    text: a filled-in title is longer than its template's line, which reStructuredText would refuse."""
    lines = text.split("\n")
    for index, (level, heading, first) in underlined_headings(lines, 0, rst=True).items():
        width = len(lines[index - 1].rstrip())
        if len(lines[index].rstrip()) < width:
            rule = lines[index][0] * width
            lines[index] = rule
            if first < index - 1:
                lines[first] = rule
    return "\n".join(lines)


def _capital(words: str) -> str:
    """*words* with their first letter a capital, past any symbol before it (`✅ accepted` -> `✅ Accepted`)."""
    return re.sub(r"[^\W\d_]", lambda letter: letter.group().upper(), words, count=1)


def _reparse(doc: frontmatter.Document, data: bytes) -> frontmatter.Document:
    return frontmatter.parse(data, doc.path)


def _insert(doc: frontmatter.Document, index: int, lines: list[str]) -> bytes:
    return frontmatter.with_lines(doc, index, index, lines)


def _replace(doc: frontmatter.Document, index: int, line: str) -> bytes:
    return frontmatter.with_lines(doc, index, index + 1, [line])


def _status_section(doc: frontmatter.Document) -> tuple[int, int] | None:
    """[heading index, end) of the Status section, its heading at any level or a bold `**Status**` line
    (which any heading or bold label line ends), or an empty one with the heading below that states the status."""
    lines = doc.text_lines()
    underlined = underlined_headings(lines, doc.body_start, is_rst(doc.path))
    start = level = None
    for index in range(doc.body_start, len(lines)):
        if index in underlined:  # `Status` over `------`: the section starts below the line under it
            depth, text, first = underlined[index]
            if start is not None and depth <= level:
                return start, first
            if start is None and heading_label(text) in STATUS_LABELS:
                start, level = index, depth
            continue
        heading = HEADING.match(lines[index])
        bold = None if heading else BOLD_LABEL.match(lines[index])
        if heading is None and bold is None:
            continue
        depth = len(heading.group(1)) if heading else 7
        if start is not None and depth <= level:
            return start, status_heading_end(lines, start, index) or index  # `## Status` over `## Accepted`
        label = heading_label(heading_text(heading)) if heading else status_words(bold.group("label"))
        if start is None and label in STATUS_LABELS:
            start, level = index, depth
    return (start, len(lines)) if start is not None else None


def _last_content(lines: list[str], start: int, end: int) -> int:
    last = start
    for index in range(start + 1, end):
        if lines[index].strip():
            last = index
    return last


def _bullet_char(doc: frontmatter.Document, decision: Decision) -> str:
    line = doc.text_lines()[decision.status_line - 1]
    return line.lstrip()[0]


_TOML_TABLE = LazyPattern(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
_TOML_VALUE = LazyPattern(r"""^(\s*([A-Za-z0-9_-]+)\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^#]*?)(\s*#.*)?$""")


def _set_toml(doc: frontmatter.Document, key: str, value: str, date: bool = False) -> bytes:
    """Set *key* of TOML front matter to text *value* (a day, when *date*) where the file keeps it: at
    the top, else in Zola's `[extra]` table; a missing key is added at the top. A day written bare
    (`date = 2026-02-01`) stays bare, and a comment after the value stays."""
    lines = doc.text_lines()
    table, found = None, None
    for index in range(1, doc.fm_end):
        header = _TOML_TABLE.match(lines[index])
        if header:
            table = header.group(1)
            continue
        match = _TOML_VALUE.match(lines[index])
        if match and match.group(2).lower() == key and table in (None, "extra") and (found is None or table is None):
            found = (index, match)
    import json  # only for such a file

    text = json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")  # TOML's basic string is JSON's
    if found is None:
        first_table = next((i for i in range(1, doc.fm_end) if _TOML_TABLE.match(lines[i])), doc.fm_end)
        return frontmatter.with_lines(doc, first_table, first_table, [f"{key} = {value if date else text}"])
    index, match = found
    bare = date and match.group(3)[:1] not in ("'", '"')
    return _replace(doc, index, f"{match.group(1)}{value if bare else text}{match.group(4) or ''}")


def _set_scalar(doc: frontmatter.Document, key: str, rendered: str) -> bytes:
    """Set a one-line front-matter value, keeping a comment written after the old value and the
    quotes the old value was written in."""
    span = frontmatter.key_span(doc, key)
    if span is not None and span[1] == span[0] + 1:
        match = _SCALAR_LINE.match(doc.text_lines()[span[0]])
        if match and match.group(2) == key:
            quote = match.group(3)[:1]
            if quote in ("'", '"') and not any(c in rendered for c in "'\"\\"):
                rendered = f"{quote}{rendered}{quote}"  # a plain value means the same quoted
            return _replace(doc, span[0], f"{match.group(1)}{rendered}{match.group(4) or ''}")
    return frontmatter.set_key(doc, key, rendered)


def _written_key(doc: frontmatter.Document, name: str) -> str:
    """Front-matter key *name* as the file spells it (`Status`); when the file has none, as a key added to it is
    written: capitalised among keys that all are (`Status` beside `Feature Name`), else *name*."""
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    if name in meta:
        return name
    spelled = next((key for key in meta if isinstance(key, str)
                    and FRONT_MATTER_ALIASES.get(key.lower(), key.lower()) == name), None)
    if spelled is not None:
        return spelled
    return name[:1].upper() + name[1:] if _capitalised_keys(doc) else name


def header_key(doc: frontmatter.Document, name: str) -> str:
    """Front-matter key *name* as the file spells it (`Approvals`); when the file has none, as a key added to it
    is written: capitalised where the status key is (`Status:`), as its other keys then are, else *name*."""
    spelled = next((key for key in doc.meta if isinstance(key, str) and key.lower() == name), None) if isinstance(
        doc.meta, dict) else None
    if spelled is not None:
        return spelled
    return name[:1].upper() + name[1:] if _written_key(doc, "status") == "Status" else name


def _capitalised_keys(doc: frontmatter.Document) -> bool:
    """Whether every key of the front matter starts with a capital (`RFC:`, `Status:`, `Feature Name:`): the
    header of a team's own process, not MADR's, whose keys are lower case."""
    keys = [key for key in doc.meta if isinstance(key, str)] if isinstance(doc.meta, dict) else []
    return bool(keys) and all(key[:1].isupper() for key in keys)


def _in_place(doc: frontmatter.Document, line: int, span: tuple[int, int], text: str) -> bytes:
    """The file with columns *span* of *line* (1-based) replaced by *text*: only those words change."""
    current = doc.text_lines()[line - 1]
    after = current[span[1] :]
    if current.lstrip("> \t").startswith("|") and (padded := _CELL_END.match(after)) is not None:
        # A table's cell keeps the width its column has where the new words fit in it, and one space else.
        room = len(padded.group(1)) - (len(text) - (span[1] - span[0]))
        after = " " * max(1, room) + after[padded.end(1) :]
    return _replace(doc, line - 1, current[: span[0]] + text + after)


_CELL_END = LazyPattern(r"( +)\|")  # the spaces that pad a table's cell, up to the bar that ends it


def _write_status(doc: frontmatter.Document, decision: Decision, text: str, day: str | None = None) -> bytes:
    """The file with *text* as its status, written where and as the record keeps it; *day* dates a new
    entry of a status history."""
    said = read_status(decision.status_raw or "")
    if said[1] in BESIDE_STATUS:  # `Amended by [...]` alone stays as written, after a new status (ADR 0187)
        text = decision.status_raw if said[0] == read_status(text)[0] else f"{text}. {decision.status_raw}"
    if decision.form == MADR:
        if decision.status_span is not None:  # kept under a mapping (`adr:` then `status: ...`)
            return _in_place(doc, decision.status_line, decision.status_span, frontmatter.scalar(text))
        key = _written_key(doc, "status")
        if key not in doc.meta and isinstance(doc.meta.get("adr"), dict):
            # A second status at the top would leave the mapping's, which the team's tool shows, as it was.
            raise DecisionbookError("the status under `adr:` spans several lines; change it by hand",
                                    doc.path, decision.status_line)
        if doc.is_toml:
            return _set_toml(doc, key, text)
        return _set_scalar(doc, key, frontmatter.scalar(text))
    ticked = tick(doc, text, day)
    if ticked is not None:
        return ticked
    if decision.status_list is not None:
        return _add_to_history(doc, decision, text, day)
    if decision.status_line is not None and decision.status_span is not None:
        raw = decision.status_raw or ""
        new = marked_as(raw, text)
        # `Accepted. Superseded by [...]` is superseded (ADR 0052): its first word is no status that stays.
        if decision.status != "superseded" or read_status(raw)[0] == "superseded":
            new = with_history(raw, new)
        line, (start, end) = doc.text_lines()[decision.status_line - 1], decision.status_span
        if (0 < start and end < len(line) and line[start - 1] + line[end] in _WRAPS
                and (link := _MARKDOWN_LINK.search(new)) is not None):
            # A status written as code or in quotes (`` `ACCEPTED` ``): its words stay inside, the link after them,
            # where it is a link.
            return _in_place(doc, decision.status_line, (start, end + 1),
                             f"{new[: link.start()].rstrip()}{line[end]} {new[link.start() :]}")
        return _in_place(doc, decision.status_line, decision.status_span, new)
    lines = doc.text_lines()
    start, _ = _status_section(doc)
    if start + 1 < len(lines) and not lines[start + 1].strip():
        return _insert(doc, start + 2, [text, ""])
    return _insert(doc, start + 1, ["", text])


def marked_as(raw: str, text: str) -> str:
    """*text*, the status to write in place of *raw*, marked as *raw* is: where *raw* has a mark beside its words
    (`✅ **승인됨**`, `Proposed ❓`), on that side the mark *text* carries (`✅ 승인됨`, the folder's for its status)
    or none, and *text* within the emphasis *raw* writes past its mark (ADR 0159)."""
    before, words, after = status_mark(raw)
    if not (before or after):
        return text
    own_before, plain, own_after = status_mark(text)
    mark = (own_before or own_after).strip()
    emphasis = re.match(r"\*\*|__|\*|_", words) if before else None
    if emphasis is not None and words.endswith(emphasis.group()) and len(words) > 2 * len(emphasis.group()):
        plain = f"{emphasis.group()}{plain}{emphasis.group()}"
    if not mark:
        return plain
    if before:
        return f"{mark}{before[len(before.rstrip()) :]}{plain}"
    return f"{plain}{after[: len(after) - len(after.lstrip())]}{mark}"


def _write_status_again(doc: frontmatter.Document, decision: Decision, data: bytes, text: str,
                        status: str | None = None, named: str = "") -> bytes:
    """*data* (*doc* with its status written) with *text* also where a Status section states the status again
    below the fields (`status_again`), when it said the status they said: a record is not left saying two things.
    Where it said the same status in another language (`Aceito` below `Accepted`), *status* is written in that
    language, followed by *named*, the record a relation status names (`Substituído por [3. X](...)`)."""
    if decision.status_again is None:
        return data
    line, start, end = decision.status_again
    written = _reparse(doc, data)
    lines = doc.text_lines()
    said = lines[line - 1][start:end]
    if len(written.text_lines()) != len(lines):
        return data
    if status_words(said) != status_words(decision.status_raw or ""):
        if status is None or read_status(said)[0] != decision.status:
            return data
        if language_of(said) != language_of(decision.status_raw or ""):
            return _in_place(written, line, (start, end), restated(status, said) + named)
        # The same status in other words of the same language (`Proposed` below a table's `Open`): the new one's.
    return _in_place(written, line, (start, end), _first_cased(text, said))


def restated(status: str, said: str) -> str:
    """*status* (a word: `proposed`, `superseded by`) as *said*, a status stated again, writes it: in its language
    and the case of its first letter (`Proposto` for `Aceito`)."""
    return _first_cased(status_word(status, said), said)


def _first_cased(text: str, said: str) -> str:
    """*text* with its first letter in the case of the first letter of *said*: a Status section writes `Accepted`
    below a bullet's `accepted`."""
    first = re.search(r"[^\W\d_]", said)
    if first is None:
        return text
    if first.group().isupper():
        return _capital(text)
    return re.sub(r"[^\W\d_]", lambda letter: letter.group().lower(), text, count=1)


def _add_to_history(doc: frontmatter.Document, decision: Decision, text: str, day: str | None) -> bytes:
    """A status history list (`* Proposed (2021-06-16)`) with a new entry at its newest end, written
    as the latest one is: *text* in place of its words, *day* (default today) in place of its day."""
    first, last = decision.status_list
    latest = doc.text_lines()[decision.status_line - 1].rstrip("\r\n")
    start, end = decision.status_span
    entry = latest[:start] + text + latest[end:]
    day = day or _dt.date.today().isoformat()
    # The day after the words (`* Proposed (2021-06-16)`), or before them (`- 2021-06-16: Proposed`).
    after, before = find_date(latest[end:]), find_date(latest[:start])
    if after is not None:
        at = start + len(text)
        entry = entry[: at + after[1]] + day + entry[at + after[2] :]
    elif before is not None:
        entry = entry[: before[1]] + day + entry[before[2] :]
    newest_first = first != last and decision.status_line == first
    spaced = first != last and not doc.text_lines()[last - 2].strip()  # entries parted by blank lines
    if newest_first:
        return _insert(doc, first - 1, [entry, ""] if spaced else [entry])
    return _insert(doc, last, ["", entry] if spaced else [entry])


# A day to fill in beside a choice: `(dato: ÅÅÅÅ-MM-DD)`, `(date: YYYY-MM-DD)`.
_DAY_BLANK = LazyPattern(r"(?<![^\W\d_])(?:yyyy|rrrr|aaaa|jjjj|åååå|гггг)-mm-dd(?![^\W\d_])", re.IGNORECASE)


def tick(doc: frontmatter.Document, text: str, day: str | None) -> bytes | None:
    """When the Status section lists the choices as a task list (`- [x] Accepted`): the file with the
    choice meaning the status *text* checked and every other one unchecked. That choice is worded as
    *text* when it says more (`Superseded by [...]`); with no such choice, *text* is added, checked,
    after the others. Choices that each hold a day (`- [x] Akseptert (dato: 2025-05-05)`) are a history:
    the checked ones stay checked, and the new one's day is *day*. None when the section lists no choices."""
    section = _status_section(doc)
    lines = doc.text_lines()
    choices = status_choices(lines, *section) if section else []
    if not choices:
        return None
    wanted = read_status(text)[0]
    target = next((index for index, box in choices if read_status(lines[index][box.end() :])[0] == wanted), None)
    dated = all(find_date(lines[i][b.end() :]) or _DAY_BLANK.search(lines[i]) for i, b in choices)
    changes = []  # (index, new line), each a line that changes
    for index, box in choices:
        words = lines[index][box.end() :]
        if index == target and dated and day is not None:
            words = _dated_choice(words, text, day)
        elif index == target and read_status(text)[1] is not None and status_words(words) != status_words(text):
            words = text  # the choice, worded as the status says more: `Superseded by [...]`
        mark = "x" if index == target or dated and box.group(1) != " " else " "
        line = lines[index][: box.start(1)] + mark + lines[index][box.end(1) : box.end()] + words
        if line != lines[index]:
            changes.append((index, line))
    data = doc.to_bytes()
    if target is None:
        last, box = choices[-1]
        data = _insert(doc, last + 1, [lines[last][: box.start(1)] + "x" + lines[last][box.end(1) : box.end()] + text])
    for index, line in changes:  # all above an added line: their indexes hold
        doc = _reparse(doc, data)
        data = _replace(doc, index, line)
    return data


def _dated_choice(words: str, text: str, day: str) -> str:
    """A choice's *words* with *day* as its day (`Erstattet (dato: ÅÅÅÅ-MM-DD)` -> `(dato: 2026-12-02)`),
    worded as the status *text* where that says more, its day kept after: `Erstattet av [5. X](...) (dato: ...)`."""
    blank = _DAY_BLANK.search(words)
    found = (None, *blank.span()) if blank else find_date(words)
    dated = words[: found[1]] + day + words[found[2] :] if found else words
    if read_status(text)[1] is None or status_words(words) == status_words(text):
        return dated
    part = re.search(r"\([^()]*" + re.escape(day) + r"[^()]*\)", dated)
    return f"{text} {part.group()}" if part else text


def _cased(words: str, decision: Decision) -> str:
    """*words* cased as the file writes its status: `ACCEPTED` (Cosmos SDK), `Accepted` or `accepted`."""
    first = re.search(r"[^\W\d_]+", present_part(decision.status_raw or ""))
    # Capitals make a word of four letters or more (`ACCEPTED`); shorter, an abbreviation (`RFC`, `WIP`).
    if first is not None and len(first.group()) > 3 and first.group().isupper():
        return words.upper()
    return _capital(words) if _capitalised(decision) else words


def _capitalised(decision: Decision) -> bool:
    """Whether the file writes its status with a capital, as `Accepted`."""
    words = re.search(r"[^\W\d_]", present_part(decision.status_raw or ""))  # past symbols: `🟢 **Agreed**`
    return words.group().isupper() if words else decision.form == NYGARD


_TAG = LazyPattern(r"<[^<>\n]*>")


def set_date(doc: frontmatter.Document, decision: Decision, date: str) -> bytes:
    """The file with its date set; a body form without a date line, or whose date says when the record
    was created, is left as it is. Only the written date changes: a note beside it stays."""
    if decision.date_span is not None and decision.date_line is not None:
        line = doc.text_lines()[decision.date_line - 1]
        start, end = decision.date_span
        if (status_words(_TAG.sub(" ", line[:start])) in CREATION_LABELS  # `<tr><td> Created </td><td>` too
                or _column_label(doc.text_lines(), decision.date_line - 1, start) in CREATION_LABELS):
            return doc.to_bytes()
        found = find_date(line[start:end])
        if found is not None:
            start, end = start + found[1], start + found[2]
        # Written in the form the record writes its date (`17/08/2020`, `14 March 2024`), else as YYYY-MM-DD; a day
        # that could be either order (`02/12/26`) in the order its date was read in.
        return _in_place(doc, decision.date_line, (start, end),
                         written_as(line[start:end], date, order_read(line[start:end], decision.date),
                                    record_months_language(doc, decision.status_raw)))
    if decision.form == MADR and decision.status_span is not None:
        return doc.to_bytes()  # fields under a mapping (`adr:`, mkdocs-material-adr): the plugin keeps its own days
    if decision.form == MADR:
        key = doc.text_lines()[decision.date_line - 1].split(":", 1)[0].strip() if decision.date_line else ""
        if key and key.lower() not in FRONT_MATTER_DATES and record_name(decision.path) != decision.path.name:
            # A proposal kept as a folder (a CIP's preamble, a KEP's kep.yaml) says when it was created,
            # and its process refuses a field it does not define: the date is kept and none is added.
            return doc.to_bytes()
        if key.lower() not in FRONT_MATTER_DATES and _capitalised_keys(doc):
            # None yet, in a header of the team's own process (PowerShell's RFCs): it keeps no date, and an edit
            # changes only the lines it must. MADR's date says when the record last changed: added there.
            return doc.to_bytes()
        if key.lower() not in FRONT_MATTER_DATES:  # none yet: added as the file spells its status key
            key = header_key(doc, "date")
        return _set_toml(doc, key, date, date=True) if doc.is_toml else _set_scalar(doc, key, date)
    if decision.form == BULLETS:
        bullet = _bullet_char(doc, decision)
        return _insert(doc, decision.status_line, [f"{bullet} Date: {date}"])
    return doc.to_bytes()


def _column_label(lines: list[str], index: int, start: int) -> str | None:
    """The label of the column of a table's header row over line *index* whose cell holds column *start*
    (`Created` over `| 2021-01-16 | Open |`), None where that line is no row under a header row."""
    fields = column_fields(lines, index - 2) if index >= 2 else None
    return next((label for label, row, begin, end in fields or () if row == index and begin <= start <= end), None)


def header_lines(lines: list[str], start: int):
    """(index, line) of the header: the lines from *start* above the first section, only the title before it."""
    titled = False
    for index in range(start, len(lines)):
        line = lines[index]
        if line.startswith("#") and HEADING.match(line):
            if titled:
                return
            titled = True
        titled = titled or bool(line.strip())
        yield index, line


def record_months_language(doc: frontmatter.Document, status: str | None = None) -> str | None:
    """The language *doc*, a record whose status reads *status*, names a month in where the name is shared
    (`Juli`: German, not Dutch), by its status's words and its headings (`months_language`)."""
    headings = [heading_label(heading_text(heading)) for line in doc.text_lines()
                if line.startswith("#") and (heading := HEADING.match(line)) is not None]
    return months_language(headings, status)


def set_updated(doc: frontmatter.Document, day: str) -> bytes:
    """The file with the last-updated field of its header (`Last Updated: 2023-09-29`, `| **Updated** | ... |`)
    set to *day*, in the form it writes its date: that field says when the record last changed, so every change of
    status sets it, where a creation date (`Created`) is kept. Unchanged when the header, the lines above its first
    section, has none; a status in front matter is dated there, by `set_date`."""
    lines = doc.text_lines()
    if is_rst(doc.path) or isinstance(doc.meta, dict) and _written_key(doc, "status") in doc.meta:
        return doc.to_bytes()
    for index, line in header_lines(lines, doc.body_start):
        if not (":" in line[:48] or line.lstrip().startswith("|")):
            continue  # a field's label comes early in its line, as the reader looks for it
        for label, start, end, _ in line_fields(line):
            found = find_date(line[start:end]) if label in UPDATED_LABELS else None
            if found is not None:
                written = line[start + found[1] : start + found[2]]
                return _in_place(doc, index + 1, (start + found[1], start + found[2]),
                                 written_as(written, day, language=record_months_language(doc)))
    return doc.to_bytes()


_FIELD_BULLET = LazyPattern(r"^([ \t]*[*+-])[ \t]+[A-Za-z][\w -]*:")  # `- Deciders: ana`, MADR 2's fields
_BOLD_FIELD = LazyPattern(r"^\*\*[^\W\d_][\w -]*(:\*\*|\*\*:)[ \t]")  # `**Authors:** ana`, `**날짜**: 2024-08-19`


def _header(lines: list[str], title: int) -> tuple[int, list, list, int]:
    """The header below the title at index *title*: where it ends (the first section that holds no fields; `## Meta`
    holds Cilium's), its field bullets and its bold fields (each line's index and match), and the index after
    its last words, for a line of its own."""
    first_section = next((i for i in range(title, len(lines)) if lines[i].startswith("##")
                          and heading_label(lines[i].lstrip("#").strip()) not in META_HEADINGS), len(lines))
    bullets = [(i, m) for i in range(title, first_section) if (m := _FIELD_BULLET.match(lines[i]))]
    bold = [(i, m) for i in range(title, first_section) if (m := _BOLD_FIELD.match(lines[i]))]
    at = first_section
    while at > title and not lines[at - 1].strip():
        at -= 1
    return first_section, bullets, bold, at


def _below_bold(doc: frontmatter.Document, bold: list, label: str, value: str) -> bytes:
    """*doc* with a bold field of *label* and *value* below the last of its *bold* fields, written as that one's
    (`**Label:** value`, `**Label**: value`), a paragraph of its own where they are."""
    (index, match), spaced = bold[-1], len(bold) > 1 and bold[-1][0] - bold[-2][0] > 1
    line = f"**{label}{match.group(1)} {value}"
    return _insert(doc, index + 1, ["", line] if spaced else [line])


def _add_status(doc: frontmatter.Document, decision: Decision, status: str, folder_form: str | None) -> bytes:
    """A record that says no status given one, as it keeps its other fields: a front-matter key, a
    bullet above its first field bullet (MADR 2), a bold field below its last one; with no such fields, as
    *folder_form*, the form the folder's other records state their status in, says (`**Status:** X`,
    `* Status: x`, `Status: X` below its header), else a Status section under its title (Nygard).
    The header runs from the title to the first section that holds no fields (`## Meta` holds Cilium's).
    One that states its status in a form not read is refused: a second status would contradict it."""
    lines = doc.text_lines()
    stated = status_statement(lines[doc.body_start :])
    if stated is not None:
        line = doc.body_start + stated
        raise DecisionbookError(f"cannot change the status: this line states it where or as decisionbook does not "
                                f"edit it ({lines[line].strip()!r}); change it there by hand",
                                decision.path, line + 1)
    if doc.has_front_matter and (decision.form == MADR or folder_form not in _FOLDER_STATUS_FIELDS):
        if not isinstance(doc.meta, dict):
            raise DecisionbookError("cannot edit: the front matter is not a mapping of keys", decision.path, 2)
        if doc.is_toml:
            return _set_toml(doc, "status", status)
        return _set_scalar(doc, _written_key(doc, "status"), status)
    first_section, bullets, bold, at = _header(lines, decision.title_line or doc.body_start)
    for index in range(doc.body_start, first_section):
        row = html_row_fields(lines[index]) if lines[index].lstrip().startswith("<tr>") else []
        if row and row[0][0] in STATUS_LABELS and row[0][1] == row[0][2]:
            return _html_cell_filled(doc, index, _capital(status))
    # A record headed in Chinese, Japanese or Korean names the field in its language (`**상태**: 승인됨`).
    language = _headings_script(lines[first_section:])
    label = _STATUS_HEADINGS.get(language, "Status")
    word = status_word(status, "", language) if language else status
    if bullets:
        index, match = bullets[0]
        return _insert(doc, index, [f"{match.group(1)} {label}: {word}"])
    if bold:
        return _below_bold(doc, bold, label, _capital(word))
    field = _FOLDER_STATUS_FIELDS.get(folder_form)
    if field is not None:
        blank_after = [""] if at < len(lines) and lines[at].strip() else []  # a heading right below the header
        return _insert(doc, at, ["", field.format(label=label, status=word, Status=_capital(word)), *blank_after])
    if language is not None:
        return _insert(doc, at, ["", f"## {label}", "", word])
    return _insert(doc, at, ["", "## Status", "", _capital(status)])


# A Status section's heading in a record whose sections are headed in Chinese, Japanese or Korean.
_STATUS_HEADINGS = {"zh": "状态", "ja": "ステータス", "ko": "상태"}


def _headings_script(lines: list[str]) -> str | None:
    """The language the level-2 headings of *lines* are written in where it is plain: kana Japanese, Hangul
    Korean, a heading only Chinese writes (`## 决策`; `## 背景` is Japanese too); None for any other."""
    headings = [line[3:].strip() for line in lines if line.startswith("## ")]
    if re.search("[\u3040-\u30ff]", "".join(headings)):
        return "ja"
    if re.search("[\uac00-\ud7af]", "".join(headings)):
        return "ko"
    return "zh" if any(heading in _CHINESE_HEADINGS for heading in headings) else None


_CHINESE_HEADINGS = frozenset(("决策", "决定", "后果", "影响", "备选方案", "后续事项", "上下文", "考虑的选项"))


def _html_cell_filled(doc: frontmatter.Document, index: int, words: str) -> bytes:
    """The file with the empty value cell of the HTML table row at line index *index* holding *words*, spaced
    inside the cell as the label's cell is (`<td> Status </td><td> Accepted </td>`)."""
    line = doc.text_lines()[index]
    row = html_row(line)
    label = row.group(1)
    padded = label[: len(label) - len(label.lstrip())] + words + label[len(label.rstrip()) :]
    return _replace(doc, index, line[: row.start(2)] + padded + line[row.end(2) :])


# A status line in the form a folder's records state theirs, for a record of it that states none.
_FOLDER_STATUS_FIELDS = {BOLD: "**{label}:** {Status}", BULLETS: "* {label}: {status}", FIELD: "{label}: {Status}"}


def _relation_as_written(relation: str, decision: Decision, field: bool = False) -> str:
    """*relation* as a relation line of *decision* names it, or the label of a *field* of its own: in its language
    where decisionbook reads that."""
    return relation_word(relation, decision.status_raw or "", field)


def status_as_written(status: str, decision: Decision, words: str | None = None) -> str:
    """*status* (a word: `proposed`, `superseded by`) in the record's language and case, as a change of
    its status writes it (`vorgeschlagen`, `PROPOSED`, `Proposed`); *words*, where given, in its case. A status
    written in the team's language with its English word in brackets (`採用 (Accepted)`) is written so again."""
    raw = decision.status_raw or ""
    glossed = _GLOSSED_STATUS.match(raw) if raw.endswith((")", "）")) else None
    if glossed is not None and not glossed.group(1).isascii() and \
            read_status(glossed.group(1))[0] == read_status(glossed.group(4))[0] in STATUSES:
        local = words or status_word(status, glossed.group(1))
        if _GLOSSED_STATUS.match(local) or status.endswith(" by"):
            return local
        english = status if glossed.group(4).islower() else _capital(status)
        return f"{local}{glossed.group(2)}{glossed.group(3)}{english}{glossed.group(5)}"
    return _cased(words or status_word(status, raw), decision)


# A status in the team's words, and in English in brackets after them: `採用 (Accepted)`, `승인됨(Accepted)`.
_GLOSSED_STATUS = LazyPattern(r"^(.*?\S)(\s*)([(（])([A-Za-z][A-Za-z ]*)([)）])\s*$")


def dated_by_change(doc: frontmatter.Document, decision: Decision, status: str, previous: str | None = "") -> bool:
    """Whether moving *decision* (from *previous*, default its status) to *status* sets its date. A day
    beside the status words is the status's own, and MADR's date says when the record last changed
    (its templates' words): every change sets those. Any other date field says when the decision was
    taken: set when the record is decided (accepted or rejected, from a draft, a proposal or no
    status) and kept after, as adr-tools keeps it; so is a template's placeholder left for its author to
    fill (`YYYY-MM-DD`), in any form (ADR 0188). An RFC's header says when the RFC was written: never set."""
    if (decision.date_raw or "").strip().lower() in COMPUTED_DATES:
        return False  # `date: git Created`: the site generator writes the day
    if decision.form == MADR and _rfc_header(doc):
        return False
    if decision.form in (MADR, BULLETS) and not placeholder_date(decision.date_raw) or _status_day(doc, decision):
        return True
    previous = decision.status if previous == "" else previous
    return status in ("accepted", "rejected") and previous in (None, "draft", "proposed")


def _rfc_header(doc: frontmatter.Document) -> bool:
    """Whether *doc*'s front matter is an RFC's header, not MADR's: it names the feature, as Rust's RFC template
    does, and its date is the day the RFC was started."""
    return isinstance(doc.meta, dict) and any(FEATURE_NAME_KEY.fullmatch(str(key)) for key in doc.meta)


def _status_day(doc: frontmatter.Document, decision: Decision) -> bool:
    """Whether the record's date is the day written with its status (`Accepted (2024-08-01)`, `**Accepted**
    on 2024-06-01`), not a field of its own on that line (`Datum: 2025-08-18 · Status: veraltet`)."""
    if decision.status_list is not None:
        return True
    if decision.date_line is None or decision.date_line != decision.status_line:
        return False
    if decision.date_span is None or decision.status_span is None:
        return True  # the day is inside the status field's text
    between = doc.text_lines()[decision.date_line - 1][decision.status_span[1] : decision.date_span[0]]
    return decision.date_span[0] >= decision.status_span[1] and not any(mark in between for mark in "|:")


def _without_successor_key(doc: frontmatter.Document, successor: str) -> frontmatter.Document:
    """*doc* with the front-matter key that names *successor* (`superseded-by: 5`, `SupercededBy: RFC0045`,
    `superseded_by` under `adr:`) left empty, as a record that names none has it: one whose status no longer says
    superseded names no successor either, as a status line would not (ADR 0186)."""
    lines = doc.text_lines()
    for index in range(1, doc.fm_end or 0):
        match = (_TOML_VALUE if doc.is_toml else _KEY_LINE).match(lines[index])
        if not (match and (relation := keyed_relation(match.group(2))) and relation_of(relation) == "superseded by"):
            continue
        value = match.group(3).strip()
        listed = value.startswith("[") and value.endswith("]")
        if ref_key((value[1:-1] if listed else value).strip("\"' ")) == successor:
            # A list stays a list (`[]`); TOML has no value left empty, its empty string says none.
            empty = "[]" if listed else '""' if doc.is_toml else ""
            head = match.group(1) + (" " if empty and not doc.is_toml else "")
            return _reparse(doc, _replace(doc, index, head + empty + (match.group(4) or "")))
    return doc


def timeline_stage(doc: frontmatter.Document, decision: Decision, status: str, day: str) -> bytes:
    """The file with the stage of its Timeline that *status* means given *day* (Cedar's RFCs): a stage listed with
    its day blank (`- Accepted: TBD`) gets the day, else a stage line is added below the last one. Every stage
    reached before stays as written, as the record's history. A status no stage means is refused at the line."""
    stage = TIMELINE_STAGE_WORDS.get(status)
    if stage is None:
        raise DecisionbookError(f"cannot set the status {status!r}: the record's Timeline has no stage for it; "
                                "edit the file by hand", decision.path, decision.status_line)
    lines = doc.text_lines()
    heading = next((i for i in range(decision.status_line - 1, -1, -1) if lines[i].startswith("#")), None)
    if heading is None:  # a Timeline heading underlined (`Timeline` over `---`): its stages are not told apart here
        raise DecisionbookError("cannot edit: the record's Timeline is not under a `## Timeline` heading; edit the "
                                "file by hand", decision.path, decision.status_line)
    items = []
    for index in range(heading + 1, len(lines)):
        if lines[index].startswith("#"):
            break
        if (item := _STAGE_ITEM.match(lines[index])) is not None:
            items.append((index, item))
    for index, item in items:
        if item.group(2).lower() == stage.lower():
            if find_date(item.group(3)) is not None:
                return doc.to_bytes()  # reached already, on the day it says
            return _replace(doc, index, lines[index][: item.start(3)] + day)
    index, item = items[-1]
    return _insert(doc, index + 1, [f"{item.group(1)}{stage}: {day}"])


def set_status(doc: frontmatter.Document, decision: Decision, status: str, date: str | None,
               words: str | None = None, folder_form: str | None = None) -> bytes:
    """The file with its status set to *status* (a word) and, when given, dated *date* where the change
    dates it (`dated_by_change`); a record that says none is given one, in *folder_form* where its own
    fields say no form (`_add_status`). *words* are the ones the folder writes *status* in (`angenommen`
    where decisionbook would write `akzeptiert`)."""
    if decision.form == UNKNOWN and decision.status_line is not None and not is_rst(decision.path):
        if doc.lines[decision.status_line - 1].lstrip().startswith("|"):
            require_editable(doc, decision)  # a table of stages, ticked by the team: refused, naming it
        return timeline_stage(doc, decision, status, date or _dt.date.today().isoformat())
    if decision.form == UNKNOWN and not is_rst(decision.path):
        data = _add_status(doc, decision, status, folder_form)
        doc = _reparse(doc, data)
        added = from_document(doc, decision.path)
        if date is None:
            return data
        if dated_by_change(doc, added, status, None):
            doc = _reparse(doc, set_date(doc, added, date))
        return set_updated(doc, date)
    dated = date is not None and dated_by_change(doc, decision, status)
    require_editable(doc, decision)
    if status != "superseded" and decision.superseded_by and decision.form == MADR:
        doc = _without_successor_key(doc, decision.superseded_by)
    text = status_as_written(status, decision, words)
    data = _write_status_again(doc, decision, _write_status(doc, decision, text, date), text, status)
    if date is None:
        return data
    doc = _reparse(doc, data)
    if dated:
        doc = _reparse(doc, set_date(doc, _read_again(doc, decision), date))
    return set_updated(doc, date)


def _read_again(doc: frontmatter.Document, decision: Decision) -> Decision:
    """*doc*, an edit of *decision*'s file, read again with its day in the order *decision*'s was read in, which the
    folder's other dates or its settings proved (`05-08-20` is 5 August): a new day is written in that order."""
    order = order_read(decision.date_raw or "", decision.date)
    return from_document(doc, decision.path, options=ReadOptions(date_order=order) if order else None)


def mark_superseded(
    doc: frontmatter.Document, decision: Decision, successor: Decision, day: str | None = None,
    folder_form: str | None = None, links: tuple[str, ...] = (), mark: str = "", words: str | None = None,
) -> bytes:
    """The file marked superseded by *successor*, as its own form writes it (status lines only); *day*
    dates a new entry of a status history. A record that says no status is given one (ADR 0071), in
    *folder_form* where its own fields say no form. A link is written as most of *links*, the folder's
    links to its records, are. *mark* (`⚠️`) is written beside the status where the record marks its own; *words*,
    where given, before the successor (`abgelöst durch`, as the team's template words it)."""
    if decision.form == UNKNOWN and not is_rst(decision.path):
        doc = _reparse(doc, _add_status(doc, decision, "superseded", folder_form))
        decision = from_document(doc, decision.path)
    require_editable(doc, decision)
    if decision.superseded_by == successor.key and decision.status == "superseded":
        return doc.to_bytes()
    if decision.superseded_by == successor.key and decision.form != MADR and decision.status_span is not None:
        # A line of its own names the successor already (`Accepted` above `Superseded by [9. X](...)`, adr-j):
        # the status word changes, and the successor is not named twice.
        return _write_status(doc, decision, f"{status_as_written('superseded', decision)} {mark}".rstrip(), day)
    if decision.form == MADR and decision.status_span is not None:
        return _supersede_in_mapping(doc, decision, successor)
    if decision.form == MADR and (key := _successor_key(doc)) is not None:
        return _supersede_by_key(doc, decision, key, successor)
    if decision.form in (MADR, HTML):  # an HTML cell shows a Markdown link as written: the successor is named
        named = reference(successor)
    elif _in_literal_block(doc, decision) and successor.number is not None:
        named = str(successor.number)
    elif is_rst(decision.path):
        named = record_link(successor, decision.form, decision, rst=True)
        decision = _without_emphasis(doc, decision)  # reStructuredText has no link inside emphasis
    elif decision.form in (BULLETS, BOLD, FIELD) and field_relations(decision.status_raw or ""):
        # A Japanese or Korean team names the successor in a field of its own below the status word (ADR 0192).
        written = _write_status(doc, decision, f"{status_as_written('superseded', decision)} {mark}".rstrip(), day)
        marked = _reparse(doc, written)
        superseded = from_document(marked, decision.path)
        return _insert(marked, superseded.status_line, [_field_line(marked, superseded, "superseded by", successor,
                                                                    links)])
    else:
        named = _new_link(successor, decision.form, decision, False, links)
    text = successor_status(status_as_written("superseded by", decision, words), named, decision.status_raw or "")
    written = _write_status(doc, decision, f"{text} {mark}".rstrip(), day)
    return _write_status_again(doc, decision, written, text, "superseded by", f" {named}")


def _in_literal_block(doc: frontmatter.Document, decision: Decision) -> bool:
    """Whether *decision*'s status line is in a reStructuredText literal block (`::` over indented lines, as EdgeDB's
    RFCs show their fields), where a link shows as written and a record is named by its number (`Supersedes: 1009`)."""
    if not is_rst(decision.path) or decision.status_line is None:
        return False
    lines = doc.text_lines()
    above = next((line for line in reversed(lines[: decision.status_line - 1]) if line.strip()
                  and not line[:1].isspace()), "")
    return lines[decision.status_line - 1][:1].isspace() and above.rstrip().endswith("::")


def superseded_and_dated(doc: frontmatter.Document, decision: Decision, successor: Decision, day: str,
                         folder_form: str | None = None, links: tuple[str, ...] = (), mark: str = "",
                         words: str | None = None) -> bytes:
    """The file marked superseded by *successor* on *day*, its date set to *day* where a change of status
    dates the record (`dated_by_change`), as `decide adr status N superseded` writes it; *folder_form*,
    *links*, *mark* and *words* as for mark_superseded."""
    data = mark_superseded(doc, decision, successor, day, folder_form, links, mark, words)
    if data == doc.to_bytes():
        return data
    try:
        redone = _reparse(doc, data)
    except DecisionbookError:
        return data  # the edit broke the file: the caller's read-back check says so, naming the layout
    if dated_by_change(doc, decision, "superseded"):
        redone = _reparse(redone, set_date(redone, _read_again(redone, decision), day))
    return set_updated(redone, day)


def _without_emphasis(doc: frontmatter.Document, decision: Decision) -> Decision:
    """*decision* with its status span widened over the emphasis around it (`**Accepted**`), if any."""
    width = len(status_emphasis(doc, decision))
    if not width:
        return decision
    start, end = decision.status_span
    return decision._replace(status_span=(start - width, end + width))


def status_emphasis(doc: frontmatter.Document, decision: Decision) -> str:
    """The marks the status words stand between (`**` for `**Accepted**`, `Status: **proposed**`), or ""."""
    if decision.status_line is None or decision.status_span is None or decision.form == MADR:
        return ""
    line = doc.text_lines()[decision.status_line - 1]
    start, end = decision.status_span
    for mark in ("**", "__", "*", "_"):
        width = len(mark)
        if line[max(0, start - width) : start] == mark and line[end : end + width] == mark:
            return mark
    return ""


def status_brackets(decision: Decision) -> str:
    """`[` where the status is written wholly between brackets, not as a link (`[Aceptada]`, a Spanish team's
    `* **Estado:** [Reemplazada por ADR 0011]`), else ""."""
    raw = (decision.status_raw or "").strip()
    return "[" if raw[:1] == "[" and raw[-1:] == "]" and raw.count("[") == raw.count("]") == 1 else ""


def emphasised(doc: frontmatter.Document, decision: Decision, mark: str) -> bytes:
    """The file with its status words between *mark*s (`**Proposed**`; `[` for brackets, `[Propuesta]`), as the
    folder's records write theirs; unchanged where they stand between marks already."""
    if not mark or decision.status_span is None or status_emphasis(doc, decision) or status_brackets(decision):
        return doc.to_bytes()
    start, end = decision.status_span
    words = doc.text_lines()[decision.status_line - 1][start:end]
    return _in_place(doc, decision.status_line, decision.status_span, f"{mark}{words}{']' if mark == '[' else mark}")


def _successor_key(doc: frontmatter.Document) -> str | None:
    """The front-matter key, as the file spells it, that names the record's successor in one value
    (`SupercededBy: N/A`, `superseded_by: 2`), or None."""
    if doc.is_toml or not isinstance(doc.meta, dict):
        return None
    return next((key for key, value in doc.meta.items() if isinstance(key, str) and not isinstance(value, bool)
                 and isinstance(value, (str, int, type(None))) and (relation := keyed_relation(key)) is not None
                 and relation_of(relation) == "superseded by"), None)


def _supersede_by_key(doc: frontmatter.Document, decision: Decision, key: str, successor: Decision) -> bytes:
    """A record with a key of its own for its successor superseded as its folder writes it: the status
    word `superseded`, and the successor's id under that key, so the file does not say two things."""
    marked = _reparse(doc, _write_status(doc, decision, status_as_written("superseded", decision)))
    return _set_scalar(marked, key, frontmatter.scalar(_successor_id(doc.meta[key], successor)))


_ID_VALUE = LazyPattern(r"([A-Za-z]*[-_ ]?)(\d+)")


def _successor_id(old: object, successor: Decision) -> str | int:
    """*successor* named as *old*, the value it replaces, names a record (`RFC0037` -> `RFC0045`, `2` -> 5);
    otherwise as the folder's file names write its number (`RFC0045`, `ADR-006`)."""
    if successor.number is None:
        return successor.cited
    if isinstance(old, int):
        return successor.number
    match = _ID_VALUE.fullmatch(old.strip()) if isinstance(old, str) else None
    return f"{match.group(1)}{successor.number:0{len(match.group(2))}d}" if match else successor.cited


def _supersede_in_mapping(doc: frontmatter.Document, decision: Decision, successor: Decision) -> bytes:
    """A record whose fields stand under `adr:` (mkdocs-material-adr) superseded as that plugin writes
    it: the status word `superseded`, and the successor's file name under `superseded_by`."""
    marked = frontmatter.parse(_in_place(doc, decision.status_line, decision.status_span, "superseded"), doc.path)
    lines = marked.text_lines()
    status = decision.status_line - 1
    indent = lines[status][: len(lines[status]) - len(lines[status].lstrip())]
    entry = f"{indent}superseded_by: {successor.name.rpartition('.')[0]}"
    index = status
    while index > 0 and lines[index - 1].startswith(indent):  # back to the mapping's first line
        index -= 1
    while index < (marked.fm_end or 0) and lines[index].startswith(indent):
        if lines[index][len(indent):].split(":", 1)[0].strip() in ("superseded_by", "superseded-by"):
            return _replace(marked, index, entry)
        index += 1
    return _insert(marked, status + 1, [entry])


def _append_to_list(doc: frontmatter.Document, key: str, item: str) -> bytes:
    """Add *item* (rendered YAML) to the front-matter list *key*, touching only that key's lines."""
    key = _written_key(doc, key)
    frontmatter.require_yaml(doc, key)
    span = frontmatter.key_span(doc, key)
    if span is None:
        return frontmatter.set_key(doc, key, f"[{item}]")
    start, end = span
    lines = doc.text_lines()
    name, _, value = lines[start].partition(":")
    flow = _FLOW.match(value)
    if end == start + 1 and flow:
        inner = flow.group(2).strip()
        joined = f"{inner}, {item}" if inner else item
        return _replace(doc, start, f"{name}:{flow.group(1)}{joined}{flow.group(3)}")
    if end > start + 1 and value.strip().startswith("["):
        raise DecisionbookError(
            f"cannot add to `{key}`: its [...] list spans several lines; add {item} to it by hand",
            doc.path, start + 1,
        )
    if end > start + 1:
        item_line = next((line for line in reversed(lines[start + 1 : end]) if line.lstrip().startswith("-")), None)
        indent = item_line[: len(item_line) - len(item_line.lstrip())] if item_line else "  "
        return _insert(doc, end, [f"{indent}- {item}"])
    old = value.split("#", 1)[0].strip()
    rendered = f"[{old}, {item}]" if old and old not in ("null", "~") else f"[{item}]"
    return _replace(doc, start, f"{name}: {rendered}")


def _key_item(target: Decision) -> str:
    return str(target.number) if target.number is not None else frontmatter.scalar(target.key)


def has_link(decision: Decision, relation: str, target: Decision) -> bool:
    if relation == "supersedes":
        return target.key in decision.supersedes
    if relation == "superseded by":
        return decision.superseded_by == target.key
    return any(link.relation == relation and link.target == target.key for link in decision.links)


def _relations_at(lines: list[str], index: int) -> bool:
    """Whether line *index* holds relation fields (`**Amends**: [...]`)."""
    return index < len(lines) and not HEADING.match(lines[index]) and any(
        relation_of(label) in REVERSE for label, *_ in line_fields(lines[index]))


def add_link(doc: frontmatter.Document, decision: Decision, relation: str, target: Decision,
             links: tuple[str, ...] = ()) -> bytes:
    """The file with `relation target` recorded in its own form; unchanged if already there. A link is written
    as the links of the list it joins are, else as most of *links*, the folder's links to its records, are."""
    if has_link(decision, relation, target):
        return doc.to_bytes()
    if decision.form == UNKNOWN and decision.status_line is None and relation != "superseded by":
        return _link_without_status(doc, decision, relation, target, links)
    require_editable(doc, decision)
    if relation == "superseded by":
        return mark_superseded(doc, decision, target, links=links)
    if decision.form == MADR:
        if relation == "supersedes":
            return _append_to_list(doc, "supersedes", _key_item(target))
        item = f"{{relation: {frontmatter.scalar(relation)}, adr: {_key_item(target)}}}"
        return _append_to_list(doc, "links", item)
    lines = doc.text_lines()
    rst = is_rst(decision.path)
    section = _status_section(doc) if decision.form == NYGARD else None
    item = listed_relation(lines[: section[1]], relation, section[0]) if section else None
    if item is not None:  # the Status section lists the relation's links under its label: one item more
        indent = lines[item][: len(lines[item]) - len(lines[item].lstrip())]
        first = item
        while LINK_ITEM.fullmatch(lines[first - 1].strip()):  # below its label: the label line ends the walk
            first -= 1
        modelled = None if rst else _link_like(lines, list(range(first, item + 1)), target, decision)
        link = modelled or _new_link(target, NYGARD, decision, rst, links)
        return _insert(doc, item + 1, [f"{indent}{lines[item].lstrip()[0]} {link}"])
    items = _related_items(lines, doc.body_start) if relation == "relates to" and not rst else []
    if items:  # a section of related records lists them: one item more, after the last that links a record
        link = _link_like(lines, items, target, decision) or _new_link(target, NYGARD, decision, rst, links)
        bullet = lines[items[-1]][: len(lines[items[-1]]) - len(lines[items[-1]].lstrip()) + 1]
        return _insert(doc, items[-1] + 1, [f"{bullet} {link}"])
    if decision.form == TABLE and (end := _column_table_end(doc, decision)) is not None:
        link = _new_link(target, decision.form, decision, rst, links)
        return _insert_below_table(doc, end, f"{_capital(_relation_as_written(relation, decision))}: {link}")
    if decision.form == HTML and (end := _html_table_end(lines, decision.status_line)) is not None:
        link = _new_link(target, decision.form, decision, rst, links)
        return _insert_below_table(doc, end, f"{_capital(_relation_as_written(relation, decision))}: {link}")
    if decision.form in (BOLD, FIELD, TABLE) or decision.form == BULLETS and field_relations(decision.status_raw or ""):
        at = decision.status_line
        if decision.form == TABLE and at < len(lines) and DELIMITER_ROW.match(lines[at]):
            at += 1  # the status row is the table's header: the new row goes below the delimiter row
        elif at < len(lines) and lines[at].startswith("[") and _ends_in_relation(decision):
            at += 1  # `Superseded by` whose link wraps onto the next line: the two stay together
        # Below the relations written under the status before: they stay in the order they were added. Where they
        # are paragraphs of their own below a status that is one, the new one is a paragraph after them.
        spaced = decision.form != TABLE and at < len(lines) and not lines[at].strip() and _relations_at(lines, at + 1)
        while decision.form != TABLE and (_relations_at(lines, at) or spaced and not lines[at].strip()
                                          and _relations_at(lines, at + 1)):
            at += 1
        listed = _relation_field(lines, doc.body_start, relation) if decision.form != TABLE else None
        if listed is not None and target.number is not None:  # a field names records of the relation: one more
            index, end, bare = listed
            value = str(target.number) if bare else _new_link(target, decision.form, decision, False, links)
            return _in_place(doc, index + 1, (end, end), f"{_joint(lines[index][:end])}{value}")
        field = _field_line(doc, decision, relation, target, links)
        # A status that is a paragraph of its own (`**Status**: accepted` between blank lines): so is the relation.
        alone = (decision.form != TABLE and at == decision.status_line and at < len(lines) and not lines[at].strip()
                 and (at < 2 or not lines[at - 2].strip()))
        return _insert(doc, at, ["", field] if alone or spaced else [field])
    if decision.form == NYGARD:
        start, end = _status_section(doc)
        last = _last_content(lines, start, end)
        words = _capital(_relation_as_written(relation, decision))
        return _insert(doc, last + 1, ["", f"{words} {_new_link(target, NYGARD, decision, rst, links)}"])
    bullet = _bullet_char(doc, decision)
    words = _capital(_relation_as_written(relation, decision))
    line = f"{bullet} {words} {_new_link(target, BULLETS, decision, rst, links)}"
    heading = links_heading(decision.status_raw or "")
    for index in range(doc.body_start, len(lines)):
        # MADR's template heads the section `## Links <!-- optional -->`.
        if re.match(rf"^##\s+(?:Links|{re.escape(heading)})\s*$", COMMENT.sub("", lines[index]), re.IGNORECASE):
            end = next((i for i in range(index + 1, len(lines)) if lines[i].startswith("#")), len(lines))
            blanks = [i for i in range(index + 1, end)
                      if _LINK_BLANK.fullmatch(COMMENT.sub("", lines[i]).strip())]
            if blanks:  # the template's example items (`- [Link type](link to adr)`, `- …`): the link in their place
                kept = list(doc.lines)
                for blank in reversed(blanks[1:]):
                    del kept[blank]
                kept[blanks[0]] = line + doc.newline
                return doc.to_bytes(kept)
            # After the list's last item, above the link definitions a section may end with (`[Git Flow]: https://`).
            items = [i for i in range(index + 1, end) if _ITEM_LINE.match(lines[i])]
            return _insert(doc, (items[-1] if items else _last_content(lines, index, end)) + 1, [line])
    tail = [] if not lines or not lines[-1].strip() else [""]
    return _insert(doc, len(lines), [*tail, f"## {heading}", "", line])


def _link_without_status(doc: frontmatter.Document, decision: Decision, relation: str, target: Decision,
                         links: tuple[str, ...]) -> bytes:
    """`relation target` on a record that says no status, as it keeps its other fields under its title: a field bullet
    below its last (`- Amends: [...]`), a bold field below its last, else a field line of its own below the title's
    lines, in the language its headings are written in where decisionbook writes that (`관련: [...]`)."""
    lines, rst = doc.text_lines(), is_rst(decision.path)
    if rst:
        raise DecisionbookError("cannot edit: the file has no status, and no fields a relation could join",
                                decision.path)
    _, bullets, bold, at = _header(lines, decision.title_line or doc.body_start)
    # No status to tell the record's language by: its headings may (`## 상황 (Context)`).
    language = _headings_script(lines)
    words = _capital(relation_word(relation, status_word("accepted", "", language) if language else "", field=True))
    if bullets:
        index, match = bullets[-1]
        link = _new_link(target, BULLETS, decision, rst, links)
        return _insert(doc, index + 1, [f"{match.group(1)} {words}: {link}"])
    if bold:
        return _below_bold(doc, bold, words, _new_link(target, BOLD, decision, rst, links))
    return _insert(doc, at, ["", f"{words}: {_new_link(target, FIELD, decision, rst, links)}"])


def without_link(doc: frontmatter.Document, decision: Decision, relation: str, target: Decision,
                 links: tuple[str, ...] = (), options=None) -> bytes | None:
    """The file without `relation target` where it holds it as `add_link` writes it with *links*: the file that adding
    it back turns into this one, short of the item, or the lines (a blank line, a heading made for it), it was
    written in. None where the file says it otherwise: words of its author's, left to them."""
    said = _lines_saying(doc, decision, relation, target, options)
    if said is None:
        return None
    data = doc.to_bytes()
    for shorter in _without_mentions(doc, target, *said):
        try:
            shortened = frontmatter.parse(shorter, doc.path)
            record = from_document(shortened, decision.path, None, options)
            if not has_link(record, relation, target) and add_link(shortened, record, relation, target, links) == data:
                return shorter
        except DecisionbookError:  # that cut broke the file: not how the link was written
            continue
    return None


def link_line(doc: frontmatter.Document, decision: Decision, relation: str, target: Decision,
              options=None) -> int | None:
    """The line that says `relation target`, whatever its words: the one without which the file no longer says it."""
    said = _lines_saying(doc, decision, relation, target, options)
    return said[0] + 1 if said is not None and said[0] == said[1] else None


def _lines_saying(doc: frontmatter.Document, decision: Decision, relation: str, target: Decision,
                  options) -> tuple[int, int] | None:
    """The indexes of the first and last lines naming *target* that say `relation target`: the file less the lines
    naming it from the one to the other says it no more. Sought by doubling and halving, so that the record is read
    a few times over, not once for each line naming the target (a long record names a number on many lines). None
    where the file less every line naming the target still says it."""
    named = _mentions(doc.text_lines(), target)

    def unsaid(cut: list[int]) -> bool:
        lines = set(cut)
        try:
            shortened = frontmatter.parse(doc.to_bytes([line for index, line in enumerate(doc.lines)
                                                        if index not in lines]), doc.path)
            return not has_link(from_document(shortened, decision.path, None, options), relation, target)
        except DecisionbookError:  # a file that cut breaks has not been shown to say it no more
            return False

    # Sought from the top, where the link most often is (front matter, status): a few reads find it there.
    last = _fewest(len(named), lambda count: unsaid(named[:count]))
    if last is None:
        return None
    # Never None: the lines before the last, and it, taken out together unsay it, as the search above found.
    count = _fewest(last, lambda count: unsaid(named[last - count:last]))
    return named[last - count], named[last - 1]


def _fewest(count: int, enough) -> int | None:
    """The least number n in 1..*count* for which *enough(n)* holds, where it fails below n and holds from n up; None
    where it fails for *count* too. Tried at 1, 2, 4, ... then halved between: a small n takes few tries."""
    if not count:
        return None
    low = high = 1
    while not enough(high):
        if high == count:
            return None
        low, high = high + 1, min(high * 2, count)
    while low < high:
        middle = (low + high) // 2
        if enough(middle):
            high = middle
        else:
            low = middle + 1
    return low


_NUMBER = LazyPattern(r"(?<![\w.-])[0-9]+(?![\w.-])")


def _numbers(line: str, target: Decision) -> list[tuple[int, int]]:
    """Where *line* names *target* by its number alone (`5`, `0005`)."""
    number = str(target.number)
    return [found.span() for found in _NUMBER.finditer(line) if (found.group().lstrip("0") or "0") == number]


def _mentions(lines: list[str], target: Decision) -> list[int]:
    """The indexes of the lines that may name *target*: by its file, its name (`ADR-0005`) or its number."""
    stem = target.path.name.rpartition(".")[0]
    names = (stem, link_target(stem), reference(target))
    return [index for index, line in enumerate(lines) if any(name in line for name in names) or _numbers(line, target)]


def _without_mentions(doc: frontmatter.Document, target: Decision, first: int, last: int):
    """The file less each item naming *target* on line *first* where that line alone says the link (`, [ADR-0005](...)`,
    the 5 of `[3, 5]`), then less each run of one to four lines holding lines *first* to *last*, fewest first."""
    if first == last:
        line = doc.text_lines()[first]
        spans = [link.span() for link in _MARKDOWN_LINK.finditer(line) if _links_to(link.group(), target)]
        spans += [found.span() for found in re.finditer(re.escape(reference(target)), line)]
        spans += _numbers(line, target)
        for start, end in spans:
            start -= 2 if line[:start].endswith(", ") else 0
            yield _replace(doc, first, line[:start] + line[end:])
    for size in range(last - first + 1, 5):
        for start in range(max(last - size + 1, 0), first + 1):
            yield frontmatter.with_lines(doc, start, start + size, [])


def _links_to(link: str, target: Decision) -> bool:
    """Whether the Markdown *link* names *target*'s file (or its rendered page)."""
    name = _link_parts(link)[1].rpartition("/")[2]
    return name.rpartition(".")[0] == target.path.name.rpartition(".")[0]


def _related_items(lines: list[str], start: int) -> list[int]:
    """The indexes of the list items of the first section of related records (`## Relaterte dokumenter`) that
    link a record, not a web page (`- [issue #554](https://...)`); none when there is no such section."""
    section = None
    for index in range(start, len(lines)):
        heading = HEADING.match(lines[index]) if lines[index].startswith("#") else None
        if heading and section is not None:
            break
        if heading and len(heading.group(1)) == 2 and is_related_heading(heading_text(heading)):
            section = []
        elif section is not None and (item := LINK_ITEM.fullmatch(lines[index].strip())):
            if _links_record(item.group(1)):
                section.append(index)
    return section or []


def _links_record(link: str) -> bool:
    """Whether the Markdown *link* (`[text](target)`) names a record's file (or its rendered page), not a web page
    or another file (`../../RELEASE.md`)."""
    _, href, _ = _link_parts(link)
    name = href.rpartition("/")[2]
    return ":" not in href and file_key(f"{name.rpartition('.')[0]}.md") is not None


def _link_parts(link: str) -> tuple[str, str, bool]:
    """The words of the Markdown *link*, the path its target names, without an anchor (`<0003 use x.md>` and
    `0003%20use%20x.md` both name `0003 use x.md`), and whether the target stands between angle brackets."""
    text, href = link[1 : link.rindex("](")], link[link.rindex("](") + 2 : -1]
    if (page := _SHORTCODE_PAGE.match(href)) is not None:
        return text, page.group(1).partition("#")[0], False  # Hugo's `{{< ref "0003-x.md" >}}`: the page it links
    angled = href.startswith("<") and href.endswith(">")
    path = (href[1:-1] if angled else href).partition("#")[0]
    if "%" in path:
        from urllib.parse import unquote  # only a link with an escaped character pays for the import

        path = unquote(path)
    return text, path, angled


def _angled(links: list[str]) -> bool:
    """Whether *links* put a target between angle brackets (`[ADR 3](<0003 use x.md>)`) more often than they escape
    one (`0003%20use%20x.md`): how a team writes a link to a file name that holds a space."""
    angled = sum(_link_parts(link)[2] for link in links)
    escaped = sum("%" in link[link.rindex("](") :] for link in links if not _link_parts(link)[2])
    return angled > escaped


_DIGITS = LazyPattern(r"\d+")
_BETWEEN = LazyPattern(r"[^\w\[\]]*")  # what parts a link's number from the title after it: `. `, ` - `


def _link_like(lines: list[str], items: list[int], target: Decision, source: Decision) -> str | None:
    """A Markdown link to *target* written as the list items at *items* write theirs: the text as the last one
    words it (`ADR 08. Environment Provisioning`, `ADR-0003 - Bruk av ...`, its file's name), its number padded as
    any of them pads one, and the path as they write it (`./adr-0003-x.md`, the rendered `0008-x.html`). None when
    the last item holds no number or name to go by, or *target* has no number."""
    links = [LINK_ITEM.fullmatch(lines[index].strip()).group(1) for index in items]
    return _link_as(links[-1], target, source, _padding(links), _angled(links))


def _padding(links: list[str]) -> int:
    """The width the numbers in the texts of *links* are padded to (`ADR 014`: 3), 0 when none is padded."""
    texts = [link[1 : link.rindex("](")] for link in links]
    return max((len(found.group()) for words in texts if (found := _DIGITS.search(words)) and found.group()[0] == "0"),
               default=0)


def _link_as(link: str, target: Decision, source: Decision, width: int, angled: bool) -> str | None:
    """A Markdown link to *target* written as *link* is (see `_link_like`), its number *width* digits wide, its path
    between angle brackets when *angled*."""
    text, href, _ = _link_parts(link)
    path = _record_path(target, source)
    if href.startswith("./") and not path.startswith("."):
        path = "./" + path
    if href.endswith(".html") and path.endswith(".md"):
        path = path[:-3] + ".html"  # the team links the rendered pages
    written = link[link.rindex("](") + 2 : -1]
    if (page := _SHORTCODE_PAGE.match(written)) is not None:
        # Hugo's `{{< ref "0003-x.md" >}}`, which a site resolves where a plain path to the file would not.
        shortcode = written[: page.start(1)] + path.rpartition("/")[2] + written[page.end(1) :]
        linked = _link_as(f"[{text}]({href})", target, source, width, angled)
        return linked[: linked.rindex("](") + 2] + shortcode + ")" if linked is not None else None
    name, shown = href.rpartition("/")[2], path.rpartition("/")[2]
    if text in (name, name.rpartition(".")[0]):  # named by its file: `[adr-0001-repo-init.md](adr-0001-repo-init.md)`
        return f"[{shown if text == name else shown.rpartition('.')[0]}]({_target_as(path, angled)})"
    # The marks that close the words (`` `adr-0008` ``, `**ADR 5**`) close the new ones too.
    words = text.rstrip("`*_")
    number = _DIGITS.search(words)
    # The words before the number label it (`ADR `, `#`, `Decision 0`), not a sentence around it: `[major refactor
    # (ADR-002)](...)` is prose that names a record, not how the folder writes its links.
    if number is None or target.number is None or not _LINK_LABEL.fullmatch(words[: number.start()]):
        return None
    written = f"{target.number:0{width}d}"
    after = _BETWEEN.match(words, number.end())
    title = (target.title or "").replace("[", "").replace("]", "") if after.end() < len(words) else ""
    closing = text[len(words) :]
    return (f"[{words[: number.start()]}{written}{after.group() if title else ''}{title}{closing}]"
            f"({_target_as(path, angled)})")


_MARKDOWN_LINK = LazyPattern(r"\[([^\[\]\n]+)\]\((<[^<>\n]+>|\{\{[<%][^{}\n]*?[>%]\}\}|[^()\s]+)\)")
_SHORTCODE_PAGE = LazyPattern(r'^\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"')  # Hugo's link to a page, its path
_WRAPS = ("``", '""', "“”", "«»")  # code and quotes a field's value may be written in
_ITEM_LINE = LazyPattern(r"[ \t]*[-*+][ \t]+\S")
# The example items of MADR's Links section: `- [Link type](link to adr)`, in another language two blanks in
# brackets (`* [Тип ссылки] [Ссылка на ADR]`), and `- …`.
_LINK_BLANK = LazyPattern(r"[-*+]\s+(?:\[Link type\].*|\[[^\[\]\n]+\][ \t]*\[[^\[\]\n]+\]|…|\.\.\.)", re.IGNORECASE)
_LINK_LABEL = LazyPattern(r"[^\w(]*(?:[^\W\d_]+[-_ #.:/]?\s?){0,2}")  # `ADR `, `adr/`, `Decision #`


def record_links(text: str) -> list[str]:
    """The Markdown links in *text* to a record that name it by its number or its file (`[ADR 014](./014-x.md)`,
    `[13. Foo](0013-foo.md)`), as a folder's links to its records are written."""
    found = []
    for match in _MARKDOWN_LINK.finditer(text):
        if not _links_record(match.group()):
            continue
        words, href, _ = _link_parts(match.group())
        name = href.rpartition("/")[2]
        number = _DIGITS.search(words)
        if words in (name, name.rpartition(".")[0]) or (
                number and file_key(f"{name.rpartition('.')[0]}.md") == (number.group().lstrip("0") or "0")):
            found.append(match.group())
    return found


def _new_link(target: Decision, form: str, source: Decision, rst: bool, links: tuple[str, ...]) -> str:
    """A link from *source* to *target* as most of *links*, the folder's links to its records, are written;
    decisionbook's own (`record_link`) where they are none, or the file is reStructuredText. *links* that are names
    alone (`ADR-0005`) say the folder names records in its relations without a link: *target* is named so."""
    if links and not any("](" in link for link in links):
        return reference(target)
    width, angled = _padding(list(links)), _angled(list(links))
    made = Counter(found for link in links if not rst and (found := _link_as(link, target, source, width, angled)))
    return made.most_common(1)[0][0] if made else record_link(target, form, source, rst, angled)


def _column_table_end(doc: frontmatter.Document, decision: Decision) -> int | None:
    """The index after the last row of the table whose header row names the status column, or None
    when the status is a row of a key-value table (`| Status | Accepted |`)."""
    lines = doc.text_lines()
    row = decision.status_line - 1
    table = column_fields(lines, row - 2) if row >= 2 else None
    if not table or not any(label in STATUS_LABELS and at == row for label, at, _, _ in table):
        return None
    end = row + 1
    while end < len(lines) and lines[end].lstrip().startswith("|"):
        end += 1
    return end


def _html_table_end(lines: list[str], start: int) -> int | None:
    """The index after the line that closes (`</table>`) the HTML table holding line index *start*, or None."""
    return next((index + 1 for index in range(start, len(lines)) if "</table>" in lines[index].lower()), None)


_WRITTEN_RELATION = LazyPattern(r"^[A-Z][A-Za-z ]*: \[")  # a line `Relates to: [ADR-0002](...)`, as written below


def _ends_in_relation(decision: Decision) -> bool:
    """Whether the status is a relation alone (`Superseded by`), its record named on the next line."""
    return status_words(decision.status_raw or "") in RELATION_STATUS


def _insert_below_table(doc: frontmatter.Document, end: int, line: str) -> bytes:
    """*line* below the table that ends before index *end*, after the relation lines written there
    before; a blank line keeps it out of the table."""
    lines = doc.text_lines()
    at = end + 1
    while at < len(lines) and _WRITTEN_RELATION.match(lines[at]):
        at += 1
    if at > end + 1 and not lines[end].strip():
        return _insert(doc, at, [line])
    return _insert(doc, end, ["", line] + ([""] if end < len(lines) and lines[end].strip() else []))


_BR_END = LazyPattern(r"<br\s*/?>$", re.IGNORECASE)


def _hard_break(line: str) -> str:
    """The hard break *line* ends in (two spaces or more, `\\`, `<br>`), which a field added below it ends in too,
    lest it run on into the next field when the page is shown; "" when it ends in none."""
    body = line.rstrip(" \t")
    if len(line) - len(body) >= 2:
        return line[len(body) :]
    if body.endswith("\\"):
        return "\\"
    tag = _BR_END.search(body, max(0, len(body) - 16))  # a bounded look: the tag is a few characters long
    return tag.group() if tag else ""


# The label of a status line, whole (`Decision status`, not `status`); `Decision` labels a table's status row.
_STATUS_LABEL = LazyPattern("|".join(sorted([*STATUS_LABELS, "decision"], key=len, reverse=True)), re.IGNORECASE)


def _relation_field(lines: list[str], start: int, relation: str) -> tuple[int, int, bool] | None:
    """Where the header (the lines above the first section) names records of *relation* already, in a field of its
    own (`- **Supersedes:** [ADR 009](...)`, `Replaces: 43`): the line's index, the end of its value, and whether it
    names them by number alone; None when no field does."""
    for index, line in header_lines(lines, start):
        if ":" not in line[:48] and "：" not in line[:48]:  # Chinese fields end their label in a full-width colon
            continue
        for label, begin, end, _ in line_fields(line):
            value = line[begin:end]
            if relation_of(label) == relation and ("](" in value or BARE_NUMBERS.fullmatch(value)):
                return index, end, "](" not in value
    return None


_JOINTS = frozenset(("、", "・", "/", "／"))  # besides the comma, as Japanese teams join a field's links


def _joint(value: str) -> str:
    """What joins the records a field's *value* links, as written between its last two (`、` in Japanese); for one
    link `、` after a full-width colon, as Chinese lists are joined, else `, `, as for links joined by words."""
    named = list(_MARKDOWN_LINK.finditer(value))
    if len(named) < 2:
        return "、" if named and "：" in value[: named[0].start()] else ", "
    between = value[named[-2].end() : named[-1].start()]
    if between.strip() in _JOINTS:
        return between
    # Words of the team's after a link, then the joint: `[GOALS.md](../GOALS.md) G1、[ADR-0003](...)`.
    last = between.rstrip()[-1:]
    return last + between[len(between.rstrip()) :] if last in ("、", "，") else ", "


def _field_line(doc: frontmatter.Document, decision: Decision, relation: str, target: Decision,
                links: tuple[str, ...]) -> str:
    """A line like the status line with its label and value replaced: `**Supersedes:** [ADR-0003](...)`."""
    line = doc.text_lines()[decision.status_line - 1]
    start, _ = decision.status_span
    prefix = line[:start]
    label = max(_STATUS_LABEL.finditer(prefix), key=lambda m: m.start())
    # The status field alone, not the fields before it on its line (`Date: x | `, `Datum: x · `).
    parted = [gap for gap in BETWEEN_FIELDS.finditer(prefix, 0, label.start() + 1) if prefix[: gap.start()].strip()]
    field_start = parted[-1].end() if parted and decision.form != TABLE else 0
    relation = _relation_as_written(relation, decision, field=True)
    # A label in a script without case (`ステータス:`, `**状态**`) says nothing of it: English words start capitalised.
    name = relation if label.group(0)[:1].islower() else _capital(relation)
    if label.group(0).isupper():
        name = relation.upper()
    if _in_literal_block(doc, decision) and target.number is not None:
        value = str(target.number)
    else:
        value = _new_link(target, decision.form, decision, is_rst(decision.path), links)
    if decision.form == TABLE:
        # A row of its own cells: the status cell's emphasis (`| **Accepted** |`) is the status's, and the label
        # cell keeps its width where its spaces allow.
        after = prefix[label.end() : prefix.rindex("|") + 1]
        gap = re.search(r" +\|$", after)
        if gap is not None:
            after = after[: gap.start()] + " " * max(1, len(gap.group(0)) - 1 - len(name) + len(label.group(0))) + "|"
        return prefix[: label.start()] + name + after + f" {value} |"
    # Not the code, quotes or emphasis the status is written in (`` **Status:** `ACCEPTED` ``,
    # `**Status**: _Akzeptiert_`): the value is a link.
    between = re.sub(r"(?<=[\s:：])[*_]+$", "", prefix[label.end() :].rstrip("`\"“«"))
    return prefix[field_start : label.start()] + name + between + value + _hard_break(line)


def add_prototypes(doc: frontmatter.Document, numbers: list[int]) -> bytes:
    data = doc.to_bytes()
    for number in numbers:
        data = _append_to_list(doc, "prototypes", str(number))
        doc = _reparse(doc, data)
    return data


def set_data_change(doc: frontmatter.Document) -> bytes:
    return frontmatter.set_key(doc, _written_key(doc, "data-change"), "true")
