"""Strict YAML loading for front matter: YAML 1.2 scalars, no aliases, no duplicate keys, no binary.

Kept apart from `frontmatter` so that commands answered from the parse cache never import PyYAML.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import DecisionbookError


MAX_DEPTH = 64  # nesting levels; Python's own recursion limit would be hit near 500


def _too_deep(mark):
    return yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep", mark)


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
        self._depth = depth = getattr(self, "_depth", 0) + 1
        if depth > MAX_DEPTH:
            raise _too_deep(self.peek_event().start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth - 1

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
            return self._build(node, seen, 1)
        except _NotSimple:
            pass
        seen.clear()
        stack = [(node, 1)]
        while stack:
            current, depth = stack.pop()
            self._once(current, seen)
            if depth > MAX_DEPTH:
                raise _too_deep(current.start_mark)
            if isinstance(current, yaml.SequenceNode):
                stack.extend((item, depth + 1) for item in current.value)
            elif isinstance(current, yaml.MappingNode):
                for key, value in current.value:
                    stack += [(key, depth + 1), (value, depth + 1)]
        return super().construct_document(node)

    @staticmethod
    def _once(node, seen: set[int]) -> None:
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed here", node.start_mark)
        seen.add(id(node))

    def _build(self, node, seen: set[int], depth: int):
        self._once(node, seen)
        if depth > MAX_DEPTH:
            raise _too_deep(node.start_mark)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == "tag:yaml.org,2002:str":
                return node.value
            if tag not in self._SIMPLE:
                raise _NotSimple
            return self.yaml_constructors[tag](self, node)
        if isinstance(node, yaml.SequenceNode) and tag == "tag:yaml.org,2002:seq":
            return [self._build(item, seen, depth + 1) for item in node.value]
        if isinstance(node, yaml.MappingNode) and tag == "tag:yaml.org,2002:map":
            mapping = {}
            for key_node, value_node in node.value:
                key = self._build(key_node, seen, depth + 1)
                if key_node.tag == "tag:yaml.org,2002:merge" or isinstance(key, (list, dict)):
                    raise _NotSimple
                if key in mapping:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark
                    )
                mapping[key] = self._build(value_node, seen, depth + 1)
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
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context_mark is not None and ("<stream end>" in problem or "end of stream" in problem):
            # Found only at the end of the block: the line that opened what was never closed.
            mark = exc.context_mark
            problem = f"{exc.context} that is never closed"
        elif exc.context_mark is not None and mark is not None and mark.line > exc.context_mark.line \
                and problem.startswith("expected ',' or "):
            # A `[` or `{` left open runs on into the next key, where the parser stops: the line to fix is the one
            # that opened it.
            found = first_line + mark.line
            mark = exc.context_mark
            problem = f"{exc.context} that is never closed: {problem} on line {found}"
        line = first_line + mark.line if mark is not None else first_line
        raise DecisionbookError(f"invalid YAML: {problem}", path, line) from None
    except yaml.reader.ReaderError as exc:
        # Its own words name no line and span two (`in "<unicode string>", position 433`): the character's line.
        line = first_line + text.count("\n", 0, exc.position)
        raise DecisionbookError(f"invalid YAML: {exc.reason} (U+{exc.character:04X})", path, line) from None
    except yaml.YAMLError as exc:
        raise DecisionbookError(f"invalid YAML: {exc}", path, first_line) from None
    except RecursionError:  # a structure the depth checks above did not see, e.g. deep inside a tag
        raise DecisionbookError(f"invalid YAML: nested more than {MAX_DEPTH} levels deep", path, first_line) from None
