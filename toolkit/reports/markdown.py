"""An ADR's Markdown as sanitised HTML: raw HTML shown as text, links resolved or made plain, images as links."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from html import escape, unescape
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from toolkit.reports.sanitize import clean, safe_url

# A relative link's target (without its #fragment) -> the href to write, or None to show the text only.
Resolver = Callable[[str], "str | None"]
_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_TAGS = re.compile(r"<[^>]*>")
PLUGINS = ("table", "strikethrough")


def _renderer_class():
    from mistune.renderers.html import HTMLRenderer

    class LinkingRenderer(HTMLRenderer):
        """Writes a link only when its URL is safe: http(s), mailto, #anchors, or what the resolver allows."""

        def __init__(self, resolve: Resolver | None):
            super().__init__(escape=True)
            self.resolve = resolve
            self.headers: list[str] = []  # of the table being rendered, escaped for an attribute
            self.column = 0

        def href(self, url: str) -> str | None:
            cleaned = _NOISE.sub("", url)
            if safe_url(cleaned):
                return cleaned
            if self.resolve is None or not safe_url(cleaned, relative=True):
                return None
            target, _, fragment = cleaned.partition("#")
            resolved = self.resolve(unquote(target)) if target else ""
            if resolved is None:
                return None
            return resolved + ("#" + fragment if fragment else "")

        def link(self, text: str, url: str, title: str | None = None) -> str:
            href = self.href(url)
            if href is None:
                return f'<span title="{escape(url)}">{text}</span>'
            titled = f' title="{escape(title)}"' if title else ""
            return f'<a href="{escape(href)}"{titled}>{text}</a>'

        def image(self, text: str, url: str, title: str | None = None) -> str:
            # Never load an image from a record: a remote one tracks the reader. Link to it instead.
            return self.link(f"[image: {text or url}]", url, title)

        # A table's cells are rendered before the row, the head and the table that hold them: the head's cells
        # come first, so each later cell can carry its column's header, which a phone shows beside it when the
        # table stacks. The first column heads each stacked row and needs no label.

        def table_cell(self, text: str, align: str | None = None, head: bool = False) -> str:
            from mistune.plugins.table import render_table_cell

            cell = render_table_cell(self, text, align, head)
            if head:
                self.headers.append(escape(unescape(_TAGS.sub("", text)).strip()))
                return cell
            self.column += 1
            if self.column == 1 or self.column > len(self.headers) or not self.headers[self.column - 1]:
                return cell
            return cell.replace("<td", f'<td data-label="{self.headers[self.column - 1]}"', 1)

        def table_row(self, text: str) -> str:
            self.column = 0
            return f"<tr>\n{text}</tr>\n"

        def table(self, text: str) -> str:
            self.headers, self.column = [], 0
            return f"<table>\n{text}</table>\n"

    return LinkingRenderer


def to_html(text: str, resolve: Resolver | None = None) -> str:
    """*text* (Markdown) as HTML with headings, lists, tables and code; raw HTML in it shows as text.

    Links to relative paths go through *resolve* (None: shown as text); the result is sanitised
    again by `sanitize.clean`, so no tag or attribute outside its allow-list survives.
    """
    return clean(_parser(resolve)(text), relative=True)


@functools.lru_cache(maxsize=8)
def _parser(resolve: Resolver | None):
    import mistune

    return mistune.create_markdown(renderer=_renderer_class()(resolve), plugins=list(PLUGINS))


def file_links(root: Path, source_dir: Path, page_dir: Path) -> Resolver:
    """A resolver for a record in *source_dir* shown in a page in *page_dir*: links to files that exist
    inside *root* point at them; anything else becomes text."""
    root = root.resolve()

    def resolve(target: str) -> str | None:
        if urlsplit(target).scheme:
            return None
        path = Path(os.path.realpath(source_dir / target))  # not resolve(): a looping link raises there
        if not path.is_relative_to(root) or not path.exists():
            return None
        return quote(Path(os.path.relpath(path, page_dir.resolve())).as_posix())

    return resolve
