"""Sanitise report HTML by rebuilding it from its tokens in one pass: only a few tags and attributes survive as markup.

Nothing from the input is copied through as markup: every tag written out is re-serialised here with
escaped attribute values, and all text is escaped, so a parser disagreement cannot smuggle a tag out.
A tag that is not allowed is shown as text, the way a title like `<script>` should read.
"""

from __future__ import annotations

import re
from html import escape, unescape

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
VOID_TAGS = frozenset({"br", "hr"})
COMMON_ATTRIBUTES = frozenset({"class", "id", "title"})
TAG_ATTRIBUTES = {
    "a": frozenset({"href", "rel"}),
    "details": frozenset({"open"}),
    # data-label: a cell's column header, shown beside it by the stacked layout of a table on a phone.
    "td": frozenset({"colspan", "rowspan", "data-label"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
}
SAFE_SCHEMES = ("http", "https", "mailto")
# Browsers drop ASCII whitespace and controls inside a URL ("java\tscript:" is javascript:).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def safe_url(value: str, relative: bool = False) -> bool:
    """True for http(s) and mailto URLs and in-page #anchors, and with *relative* for a path to a
    sibling page or file (no scheme, no leading slash); everything else is dropped."""
    cleaned = _URL_NOISE.sub("", value)
    if cleaned.startswith("#"):
        return True
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        return relative and bool(cleaned) and not cleaned.startswith("/") and "\\" not in cleaned
    return scheme.group(1).lower() in SAFE_SCHEMES


# One pass over the page: comments and declarations (dropped), end tags, start tags; what lies between
# is text. Whatever a browser might read differently from these patterns still comes out as escaped text
# or a tag rebuilt here, never as markup copied from the input. Possessive quantifiers, no `<` outside
# quotes and a bounded tag length keep each `<` to one short scan: hostile input cannot make it slow.
_COMMENT = re.compile(r"<!--.*?(?:--!?>|\Z)", re.S)
_TOKEN = re.compile(r"""
    <[!?][^>]*+>?
  | </([a-zA-Z][^\s/<>]*+)[^<>]*+>
  | <([a-zA-Z][^\s/<>]*+)((?:[^<>"']++|"[^"]*+"|'[^']*+')*+)>
""", re.X)
_LONGEST_TAG = 4096
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")

_END_TAGS = {tag: f"</{tag}>" for tag in ALLOWED_TAGS}


def _attributes(text: str):
    for match in _ATTRIBUTE.finditer(text):
        name, double, single, bare = match.groups()
        value = double if double is not None else single if single is not None else bare
        yield name.lower(), None if value is None else unescape(value)


def _start_tag(tag: str, attributes: str, relative: bool) -> str:
    allowed = COMMON_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset())
    kept: dict[str, str] = {}
    for name, value in _attributes(attributes):
        if name in allowed and value is not None and name not in kept:
            if name == "href" and not safe_url(value, relative):
                continue
            kept[name] = value
    return "<" + tag + "".join(f' {name}="{escape(value, quote=True)}"' for name, value in kept.items()) + ">"


def _text(text: str) -> str:
    return escape(unescape(text), quote=False) if "&" in text or "<" in text or ">" in text else text


def clean(html, relative: bool = False) -> str:
    """*html* with only allowed tags and attributes left as markup; everything else escaped or dropped.

    With *relative*, links to relative paths survive too (pages and files next to the page).
    """
    text = html.decode("utf-8", "replace") if isinstance(html, bytes) else str(html)
    out: list[str] = []
    opened: list[str] = []
    # A page repeats a few hundred distinct tags many thousand times: each is worked out once, kept as
    # (markup, the tag it opens or None) for a start tag and (None, the tag it closes) for an end tag.
    # A tag already seen is recognised without the scan: it runs to the first ">", and a tag that matched
    # once matches the same way wherever it appears again.
    known: dict[str, tuple[str | None, str | None]] = {}
    position = 0
    while (begin := text.find("<", position)) >= 0:
        close = text.find(">", begin, begin + _LONGEST_TAG)
        raw = text[begin:close + 1]
        seen = known.get(raw) if close > 0 else None
        if seen is None:
            if text.startswith("<!--", begin):
                match = _COMMENT.match(text, begin)
            else:
                match = _TOKEN.match(text, begin, begin + _LONGEST_TAG)
            if match is None:
                out.append(_text(text[position:begin + 1]))
                position = begin + 1
                continue
            if begin > position:
                out.append(_text(text[position:begin]))
            position = match.end()
            if match.lastindex is None:
                continue  # a comment or declaration: dropped
            raw = match.group()
            seen = known.get(raw)
            if seen is None:
                end, start, attributes = match.groups()
                if end is not None:
                    seen = (None, end.lower())
                elif (tag := start.lower()) in ALLOWED_TAGS:
                    seen = (_start_tag(tag, attributes, relative), None if tag in VOID_TAGS else tag)
                else:
                    seen = (escape(raw), None)
                known[raw] = seen
        else:
            if begin > position:
                out.append(_text(text[position:begin]))
            position = close + 1
        markup, tag = seen
        if markup is not None:
            out.append(markup)
            if tag is not None:
                opened.append(tag)
        elif opened and opened[-1] == tag:
            out.append(_END_TAGS[tag])
            opened.pop()
        elif tag in VOID_TAGS:
            continue
        elif tag not in opened:
            out.append(escape(f"</{tag}>"))
        else:
            while opened:
                current = opened.pop()
                out.append(f"</{current}>")
                if current == tag:
                    break
    if position < len(text):
        out.append(_text(text[position:]))
    return "".join(out) + "".join(f"</{tag}>" for tag in reversed(opened))
