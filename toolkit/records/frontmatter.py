"""Markdown files with YAML front matter: strict safe loading, and edits that touch only their lines.

A user's front matter is never re-serialised. Reading keeps the file's lines (BOM and CRLF
included); an edit replaces or inserts whole lines and leaves every other byte as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import DecisionbookError

FENCE = "---"


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 scalars, no aliases, no duplicate keys and no binary values.

    `no`/`on` stay text, `0010` is ten, `12:30:00` is text: what a person typed is what they get.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed here", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be plain text or a number", key_node.start_mark
                ) from None
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)

    def construct_int_12(self, node):
        try:
            return self._int_12(self.construct_scalar(node))
        except ValueError:
            raise yaml.constructor.ConstructorError(None, None, "number too long", node.start_mark) from None

    def construct_checked_timestamp(self, node):
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(None, None, f"not a date: {exc}", node.start_mark) from None

    @staticmethod
    def _int_12(text):
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        return sign * int(digits, 10)


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith((":bool", ":int", ":float"))]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)
StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_int_12)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_checked_timestamp)
StrictLoader.yaml_constructors = {
    tag: fn for tag, fn in StrictLoader.yaml_constructors.items() if tag != "tag:yaml.org,2002:binary"
}


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None


class _StrictCLoader(*((CParser,) if CParser is not None else ()), StrictLoader):
    """StrictLoader's rules on libyaml's parser, 10x faster: listing 1,000 ADRs parses 1,000 blocks.

    libyaml composes aliases itself, so they are refused here: an alias is a node seen twice.
    Plain maps, lists and scalars are built directly; anything else (tags, merge keys) takes
    StrictLoader's own constructor, so both loaders give the same result.
    """

    _SIMPLE = frozenset(
        "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp")
    )

    def __init__(self, stream):
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def construct_document(self, node):
        seen: set[int] = set()
        try:
            return self._build(node, seen)
        except _NotSimple:
            pass
        seen.clear()
        stack = [node]
        while stack:
            current = stack.pop()
            self._once(current, seen)
            if isinstance(current, yaml.SequenceNode):
                stack.extend(current.value)
            elif isinstance(current, yaml.MappingNode):
                for pair in current.value:
                    stack.extend(pair)
        return super().construct_document(node)

    @staticmethod
    def _once(node, seen: set[int]) -> None:
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed here", node.start_mark)
        seen.add(id(node))

    def _build(self, node, seen: set[int]):
        self._once(node, seen)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == "tag:yaml.org,2002:str":
                return node.value
            if tag not in self._SIMPLE:
                raise _NotSimple
            return self.yaml_constructors[tag](self, node)
        if isinstance(node, yaml.SequenceNode) and tag == "tag:yaml.org,2002:seq":
            return [self._build(item, seen) for item in node.value]
        if isinstance(node, yaml.MappingNode) and tag == "tag:yaml.org,2002:map":
            mapping = {}
            for key_node, value_node in node.value:
                key = self._build(key_node, seen)
                if key_node.tag == "tag:yaml.org,2002:merge" or isinstance(key, (list, dict)):
                    raise _NotSimple
                if key in mapping:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark
                    )
                mapping[key] = self._build(value_node, seen)
            return mapping
        raise _NotSimple


class _NotSimple(Exception):
    """A node the direct builder leaves to the full constructor."""


_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")
_LOADER = _StrictCLoader if CParser is not None else StrictLoader


def load_yaml(text: str, path: str | Path | None = None, first_line: int = 1) -> Any:
    """Load YAML strictly; errors carry the file and the line (counting from *first_line*)."""
    try:
        # libyaml folds NEL/LS/PS inside quotes where the pure loader keeps them: leave those to it.
        loader = StrictLoader if _ODD_BREAKS.search(text) else _LOADER
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - both loaders are SafeLoaders
        except yaml.YAMLError:
            # The pure loader words errors the same everywhere and marks an alias where it is used.
            return yaml.load(text, Loader=StrictLoader)  # noqa: S506
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        raise DecisionbookError(f"invalid YAML: {problem}", path, line) from None
    except yaml.YAMLError as exc:
        raise DecisionbookError(f"invalid YAML: {exc}", path, first_line) from None


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its lines; `meta` is the loaded front matter ({} when absent)."""

    path: Path | None
    bom: str
    newline: str
    lines: tuple[str, ...]  # each with its own line ending
    fm_end: int | None  # index of the closing fence; None when the file has no front matter
    meta: Any

    @property
    def has_front_matter(self) -> bool:
        return self.fm_end is not None

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
        line = data[: exc.start].count(b"\n") + 1
        raise DecisionbookError("not valid UTF-8 text", path, line) from None
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
    if not lines or lines[0].rstrip("\r\n").rstrip() != FENCE:
        return Document(Path(path) if path else None, bom, newline, lines, None, {})
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in (FENCE, "..."):
            break
    else:
        raise DecisionbookError("front matter opened with '---' on line 1 is never closed", path, 1)
    meta = load_yaml("".join(lines[1:index]), path, first_line=2)
    return Document(Path(path) if path else None, bom, newline, lines, index, {} if meta is None else meta)


def read(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DecisionbookError(f"cannot read: {exc.strerror}", path) from None
    return parse(data, path)


_KEY = re.compile(r"^([A-Za-z0-9_][A-Za-z0-9_-]*)\s*:")


def key_span(doc: Document, key: str) -> tuple[int, int] | None:
    """Line indexes [start, end) of top-level *key* and its continuation lines, or None."""
    if doc.fm_end is None:
        return None
    for start in range(1, doc.fm_end):
        match = _KEY.match(doc.lines[start])
        if match and match.group(1) == key:
            end = start + 1
            last = start + 1
            while end < doc.fm_end:
                line = doc.lines[end].rstrip("\r\n")
                if line.strip() == "":
                    end += 1
                    continue
                if line[0] in " \t" or line.startswith("- ") or line == "-":
                    end += 1
                    last = end
                    continue
                break
            return start, last
    return None


def with_lines(doc: Document, start: int, end: int, new_lines: list[str]) -> bytes:
    """The file's bytes with lines [start, end) replaced by *new_lines* (given without endings)."""
    replacement = [line + doc.newline for line in new_lines]
    if start > 0 and not doc.lines[start - 1].endswith(("\n", "\r")) and replacement:
        # Inserting after a final line that had no line ending.
        before = list(doc.lines[: start - 1]) + [doc.lines[start - 1] + doc.newline]
    else:
        before = list(doc.lines[:start])
    return doc.to_bytes(before + replacement + list(doc.lines[end:]))


def set_key(doc: Document, key: str, rendered: str | list[str]) -> bytes:
    """Set top-level *key* to an already rendered YAML value, replacing only that key's lines.

    *rendered* is a one-line value (`"accepted"`) or the lines of a block value, indented.
    A missing key is added as the last line of the front matter.
    """
    if doc.fm_end is None:
        raise ValueError("document has no front matter")
    new = [f"{key}: {rendered}"] if isinstance(rendered, str) else [f"{key}:", *rendered]
    span = key_span(doc, key)
    if span is None:
        return with_lines(doc, doc.fm_end, doc.fm_end, new)
    return with_lines(doc, span[0], span[1], new)


# Characters YAML may not hold literally, even inside double quotes (YAML 1.1, section 5.1).
# NEL, LS and PS are allowed but read back as line breaks or spaces, so they are escaped too.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")
_PLAIN = re.compile(r"^[A-Za-z0-9_.][A-Za-z0-9 _./@+-]*$")


def scalar(value: Any) -> str:
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
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def flow_list(values) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"
