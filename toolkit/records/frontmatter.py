"""Markdown files with YAML front matter (or TOML, as Hugo and Zola write it between `+++` lines):
strict safe loading, and edits that touch only their lines.

A user's front matter is never re-serialised. Reading keeps the file's lines (BOM and CRLF
included); an edit replaces or inserts whole lines and leaves every other byte as it was.
"""

import re
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files
from toolkit.records.named import named

FENCE = "---"
TOML_FENCE = "+++"


def load_yaml(text: str, path: str | Path | None = None, first_line: int = 1) -> object:
    """Load YAML strictly; errors carry the file and the line (counting from *first_line*)."""
    from toolkit.records import plainyaml  # not at import: an up-to-date `decide adr index` loads no YAML

    plain = plainyaml.load(text)
    if plain is not None:
        return plain
    from toolkit.records.strictyaml import load_yaml as load  # PyYAML only when a file is really parsed

    return load(text, path, first_line)


@named
class Document:
    """A Markdown file split into its lines; `meta` is the loaded front matter ({} when absent)."""

    path: Path | None
    bom: str
    newline: str
    lines: tuple[str, ...]  # each with its own line ending
    fm_end: int | None  # index of the closing fence; None when the file has no front matter
    meta: object
    loose: tuple[int, ...] = ()  # lines (1-based) that are not YAML, read as the text after their key

    @property
    def has_front_matter(self) -> bool:
        return self.fm_end is not None

    @property
    def is_toml(self) -> bool:
        """Whether the front matter is TOML (`+++` fences) rather than YAML."""
        return self.fm_end is not None and self.lines[0].rstrip() == TOML_FENCE

    @property
    def body_start(self) -> int:
        return 0 if self.fm_end is None else self.fm_end + 1

    def text_lines(self) -> list[str]:
        """The lines without their endings."""
        return [line.rstrip("\r\n") for line in self.lines]

    def to_bytes(self, lines: list[str] | tuple[str, ...] | None = None) -> bytes:
        return (self.bom + "".join(self.lines if lines is None else lines)).encode("utf-8")


def decode(data: bytes, path: str | Path | None) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise files.not_utf8(data, exc.start, path) from None
    if "\x00" in text:
        raise DecisionbookError("contains a NUL character", path, text[: text.index("\x00")].count("\n") + 1)
    return text


def parse(data: bytes, path: str | Path | None = None) -> Document:
    """Split *data* into front matter and body; raise DecisionbookError (with line) when malformed."""
    text = decode(data, path)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom) :]
    lines = tuple(text.splitlines(keepends=True))
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    # A card read in bulk comes with its Path already: building another costs as much as its lines.
    where = path if isinstance(path, Path) else Path(path) if path else None
    if lines and lines[0].rstrip() == TOML_FENCE:
        return _toml_document(where, bom, newline, lines, path)
    if not lines or lines[0].rstrip() != FENCE:
        return Document(where, bom, newline, lines, None, {})
    index = _closing_fence(lines)
    if index is None:
        if len(lines) > 1 and (not lines[1].strip() or lines[1].startswith("#")):
            # A horizontal rule above the title, not an unclosed front matter.
            return Document(where, bom, newline, lines, None, {})
        raise DecisionbookError("front matter opened with '---' on line 1 is never closed", path, 1)
    try:
        meta = load_yaml("".join(lines[1:index]), path, first_line=2)
    except DecisionbookError:
        found = _loose_mapping(lines[1:index], path)
        if found is None:
            raise
        meta, loose = found
        return Document(where, bom, newline, lines, index, meta, loose)
    return Document(where, bom, newline, lines, index, {} if meta is None else meta)


_YAML_OPENERS = "[{\"'|>&*!%#,?-"


def _loose_mapping(lines: tuple[str, ...], path) -> tuple[dict, tuple[int, ...]] | None:
    """Front matter that is YAML but for lines `key: text` or list items `- text` whose text YAML refuses
    unquoted (`title: ADR002: Catalog format`, `deciders: @ana @ben`, `- @ana`), as static site generators take them:
    the mapping with each such text as written, and those lines; None when there are no such lines.
    The rest must be YAML: its error is raised, at its line."""
    texts, loose, kept = {}, [], list(lines)
    for index, line in enumerate(lines):
        item = _LOOSE_ITEM.match(line)
        if item:  # `  - @detiber` in a list of authors: loaded as the text it is
            import json

            kept[index] = f"{item.group(1)}{json.dumps(item.group(2).rstrip())}\n"
            loose.append(index + 2)
            continue
        key = _KEY.match(line)
        rest = line[key.end() :].strip() if key else ""
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not key or not rest or following.startswith((" ", "\t")) or key.group(1) in texts:
            continue
        hashed = _HASHED_LIST.match(rest)
        if hashed:  # `consulted: [Karl (PR #2389)]`: YAML reads a comment from ` #`, and the list never closes
            texts[key.group(1)] = [item.strip() for item in hashed.group(1).split(",") if item.strip()]
        elif rest[0] not in _YAML_OPENERS and (": " in rest or rest[0] in "@`"):
            texts[key.group(1)] = rest  # never YAML, so not asked
        else:
            continue
        loose.append(index + 2)  # the file's line: after the opening fence, counting from 1
        kept[index] = "\n"  # the rest keeps its line numbers for the error it may raise
    if not loose:
        return None
    meta = load_yaml("".join(kept), path, first_line=2) or {}
    if not isinstance(meta, dict) or meta.keys() & texts.keys():
        return None
    return {**meta, **texts}, tuple(loose)


def _toml_document(where: Path | None, bom: str, newline: str, lines: tuple[str, ...], path) -> Document:
    """A file whose front matter is TOML between `+++` lines; an error names the file and line."""
    end = next((index for index in range(1, len(lines)) if lines[index].rstrip() == TOML_FENCE), None)
    if end is None:
        raise DecisionbookError("front matter opened with '+++' on line 1 is never closed", path, 1)
    import tomllib  # only for such a file: the everyday commands read no TOML but their settings

    try:
        meta = tomllib.loads("".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+)", str(exc))
        raise DecisionbookError(f"front matter is not valid TOML: {str(exc).split(' (at')[0]}", path,
                                int(at.group(1)) + 1 if at else 1) from None
    except RecursionError:  # arrays or tables nested thousands deep
        raise DecisionbookError("front matter nests too deep to read", path, 2) from None
    return Document(where, bom, newline, lines, end, meta)


def _closing_fence(lines: tuple[str, ...]) -> int | None:
    """The index of the line closing the front matter opened on the first, or None."""
    for index in range(1, len(lines)):
        line = lines[index]
        # Trailing whitespace, line ending included, is allowed: `rstrip()` only for lines that may be fences.
        if line[0] in "-." and line.rstrip() in (FENCE, "..."):
            return index
    return None


def read(path: Path, limit: int | None = files.DEFAULT_LIMIT, root: Path | None = None) -> Document:
    """The document at *path*; with *root*, a symbolic link out of it is refused, as `files.read_bytes` does."""
    try:
        data = files.read_bytes(path, limit, root)
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc.strerror}", path) from None
    return parse(data, path)


_KEY = re.compile(r"^([A-Za-z0-9_][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*)\s*:")  # `last updated:` is a key too
_LOOSE_ITEM = re.compile(r"^(\s*-\s+)([@`][^\r\n]*)")  # a list item YAML refuses unquoted: `- @ana`
# A list on one line of plain words, one holding ` #`, which YAML reads as a comment's start: `[Karl (PR #2389)]`.
_HASHED_LIST = re.compile(r"^\[([^\[\]{}\"'\r\n]*\s#[^\[\]{}\"'\r\n]*)\]$")


def loose_reason(doc: Document, read: bool = True) -> str:
    """What made the loose lines of *doc* refused as YAML, for the message naming them; *read*: and how they
    were read."""
    lists = [bool(_HASHED_LIST.match(doc.lines[line - 1].split(":", 1)[-1].strip())) for line in doc.loose]
    reasons = (("a `: ` or a leading `@` in unquoted text", "read as the text written, as site generators do",
                not all(lists)),
               ("a ` #` in a `[...]` list, which YAML takes for a comment", "read as the list written", any(lists)))
    return "; ".join(f"{why}; {how}" if read else why for why, how, found in reasons if found)


def key_span(doc: Document, key: str) -> tuple[int, int] | None:
    """Line indexes [start, end) of top-level *key* and its continuation lines, or None."""
    if doc.fm_end is None:
        return None
    if doc.is_toml:
        return _toml_key_span(doc, key)
    for start in range(1, doc.fm_end):
        match = _KEY.match(doc.lines[start])
        if match and match.group(1) == key:
            end = start + 1
            last = start + 1
            while end < doc.fm_end:
                line = doc.lines[end].rstrip("\r\n")
                if line.strip() == "" or line[0] == "#":  # a comment at the margin does not end the value
                    end += 1
                    continue
                if line[0] in " \t" or line.startswith("- ") or line == "-":
                    end += 1
                    last = end
                    continue
                break
            return start, last
    return None


_TOML_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def _toml_key_span(doc: Document, key: str) -> tuple[int, int] | None:
    """[start, end) of top-level *key* of TOML front matter: its line, and the indented lines or the
    closing bracket of an array written over several."""
    for start in range(1, doc.fm_end):
        line = doc.lines[start]
        if line.lstrip().startswith("["):
            return None  # a table: the top-level keys are all above it
        match = _TOML_KEY.match(line)
        if match and match.group(1) == key:
            end = start + 1
            while end < doc.fm_end and doc.lines[end][:1] in (" ", "\t", "]"):
                end += 1
            return start, end
    return None


def key_line(path: Path, key: str) -> int | None:
    """The line of front-matter *key* in the file at *path*, to point a finding at; None when it cannot be told."""
    try:
        span = key_span(read(path), key)
    except (DecisionbookError, OSError):
        return None
    return span[0] + 1 if span else None


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def with_lines(doc: Document, start: int, end: int, new_lines: list[str]) -> bytes:
    """The file's bytes with lines [start, end) replaced by *new_lines* (given without endings).

    New lines end as the first line they replace did, or else as the line they follow: in a file
    of mixed line endings an edit keeps the ending that part of the file has.
    """
    near = doc.lines[start] if start < end else doc.lines[start - 1] if start > 0 else ""
    newline = _ending(near) or doc.newline
    replacement = [line + newline for line in new_lines]
    if start > 0 and not doc.lines[start - 1].endswith(("\n", "\r")) and replacement:
        # Inserting after a final line that had no line ending.
        before = list(doc.lines[: start - 1]) + [doc.lines[start - 1] + newline]
    else:
        before = list(doc.lines[:start])
    return doc.to_bytes(before + replacement + list(doc.lines[end:]))


def require_yaml(doc: Document, key: str) -> None:
    """Refuse to write *key* into TOML front matter, where decisionbook sets only the status and date."""
    if doc.is_toml:
        raise DecisionbookError(f"the front matter is TOML, where decisionbook sets the status and date only; "
                                f"add `{key}` by hand", doc.path, 1)


def set_key(doc: Document, key: str, rendered: str | list[str]) -> bytes:
    """Set top-level *key* to an already rendered YAML value, replacing only that key's lines.

    *rendered* is a one-line value (`"accepted"`) or the lines of a block value, indented.
    A missing key is added as the last line of the front matter.
    """
    if doc.fm_end is None:
        raise ValueError("document has no front matter")
    require_yaml(doc, key)
    new = [f"{key}: {rendered}"] if isinstance(rendered, str) else [f"{key}:", *rendered]
    span = key_span(doc, key)
    if span is None:
        return with_lines(doc, doc.fm_end, doc.fm_end, new)
    return with_lines(doc, span[0], span[1], new)


# Characters YAML may not hold literally, even inside double quotes (YAML 1.1, section 5.1).
# NEL, LS and PS are allowed but read back as line breaks or spaces, so they are escaped too.
_UNPRINTABLE = "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
_PLAIN = re.compile(r"^[\w.][\w ./@+-]*$")  # letters of every language: `accepté` as a French team writes it


def scalar(value: object) -> str:
    """Render a scalar as YAML that StrictLoader reads back as exactly *value*."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if _PLAIN.match(text) and not text.endswith(" ") and load_yaml(f"k: {text}") == {"k": text}:
        return text
    # Compiled here, not at import: the class's ranges take longer to compile than reading 100 ADRs.
    import json

    return re.sub(_UNPRINTABLE, lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def flow_list(values) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"
