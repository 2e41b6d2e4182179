"""Sanitise report HTML by rebuilding it from its tokens: only a few tags and attributes survive as markup.

Nothing from the input is copied through as markup: every tag written out is re-serialised here with
escaped attribute values, and all text is escaped, so a parser disagreement cannot smuggle a tag out.
A tag that is not allowed is shown as text, the way a title like `<script>` should read.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

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
    "td": frozenset({"colspan", "rowspan"}),
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


class _Rebuilder(HTMLParser):
    def __init__(self, relative: bool):
        super().__init__(convert_charrefs=True)
        self.relative = relative
        self.out: list[str] = []
        self.open: list[str] = []

    def _tag(self, tag: str, attrs) -> str:
        allowed = COMMON_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset())
        kept: dict[str, str] = {}
        for name, value in attrs:
            if name in allowed and value is not None and name not in kept:
                if name == "href" and not safe_url(value, self.relative):
                    continue
                kept[name] = value
        return "<" + tag + "".join(f' {name}="{escape(value, quote=True)}"' for name, value in kept.items()) + ">"

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.out.append(escape(self.get_starttag_text() or f"<{tag}>"))
            return
        self.out.append(self._tag(tag, attrs))
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in VOID_TAGS:
            self.out.append(self._tag(tag, attrs))
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if tag not in self.open:
            self.out.append(escape(f"</{tag}>"))
            return
        while self.open:
            current = self.open.pop()
            self.out.append(f"</{current}>")
            if current == tag:
                break

    def handle_data(self, data):
        self.out.append(escape(data, quote=False))

    def handle_comment(self, data):
        pass  # comments are dropped: conditional comments and `--!>` tricks have no place in a report

    def handle_decl(self, decl):
        pass

    def unknown_decl(self, data):
        pass

    def handle_pi(self, data):
        pass

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def clean(html, relative: bool = False) -> str:
    """*html* with only allowed tags and attributes left as markup; everything else escaped or dropped.

    With *relative*, links to relative paths survive too (pages and files next to the page).
    """
    parser = _Rebuilder(relative)
    parser.feed(html.decode("utf-8", "replace") if isinstance(html, bytes) else str(html))
    return parser.result()
