"""HTML pieces for report notebooks: user text always escaped, bidi controls shown, only http(s) and relative links."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from toolkit.records.criteria import format_number
from toolkit.records.text import HIDDEN_CHARACTERS, visible

# Words that get a coloured badge; anything else is shown plain.
BADGES = {
    "met", "unmet", "killed", "unmeasured", "keep", "iterate", "discard", "needs-evidence", "pass", "warn",
    "fail", "approved", "approval outdated", "outstanding",
}


# A day or a record label (`ADR-0006`): a browser breaks either after a hyphen, as it would any word.
_WHOLE = re.compile(r"\b(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[A-Z]{2,6}-[0-9]+)\b")
_LONG_WORD = re.compile(r"[^\s<>]{30}")  # a word no table column is narrower than without breaking it
_TAG = re.compile(r"<[^>]*>")
# Text without any of these needs neither escaping nor marking. Most cells of a report's tables are such
# text, and a large report escapes a few hundred thousand of them.
_PLAIN = re.compile(f"[^&<>\"'{HIDDEN_CHARACTERS}]*+")


class Safe(str):
    """Markup built here from escaped parts; table() and page() insert it as is."""


def esc(value) -> Safe:
    """*value* as HTML text: escaped, with control and bidi characters made visible."""
    kind = type(value)
    if kind is Safe:
        return value
    if kind is str:
        return Safe(value) if _PLAIN.fullmatch(value) else Safe(html.escape(visible(value), quote=True))
    if kind is int:
        return Safe(str(value))
    if value is None:
        return Safe("")
    if isinstance(value, Safe):
        return value
    if isinstance(value, bool):
        return Safe("yes" if value else "no")
    if isinstance(value, float):
        return Safe(format_number(round(value, 2)))
    if isinstance(value, (list, tuple)):
        return Safe(", ".join(esc(v) for v in value))
    return Safe(html.escape(visible(str(value)), quote=True))


def link(url, text=None) -> Safe:
    """A link when *url* is http(s) with a host or a relative path; otherwise the URL as plain text."""
    if not url:
        return esc(text)
    if is_safe_href(str(url).strip()):
        return Safe(f'<a href="{esc(str(url).strip())}" rel="noopener noreferrer nofollow">{esc(text or url)}</a>')
    return esc(text or url)


def is_safe_href(url: str) -> bool:
    """http(s) with a host, or a relative path that names no scheme, host or root (never javascript: and kin)."""
    parts = urlsplit(url)
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    return bool(url) and not url.startswith(("/", "\\")) and "\\" not in url and url.isprintable() and ":" not in url.split("/")[0]


def badge(word) -> Safe:
    if word in BADGES:
        return Safe(f'<span class="db-rec db-{word.replace(" ", "-")}">{esc(word)}</span>')
    return esc(word)


def days(value) -> Safe:
    """*value* (a day, or text holding days: `deadline 2026-10-09 passed`) with each day and record label kept on
    one line: in a narrow column a browser breaks `2026-10-16` after a hyphen, `2026-10-` over `16`, and on a phone
    a heading's `ADR-0006` as `ADR-` over `0006`."""
    if isinstance(value, Safe):
        return value  # markup: its days may be inside a tag
    text = esc(value)
    return Safe(_WHOLE.sub(r'<span class="db-day">\g<0></span>', text)) if "-" in text else text


def named(text) -> Safe:
    """User text (a title, a name, a reason) set apart from the words around it: a browser lays out Arabic or
    Hebrew text with the figures that follow it, `P1 بحث: 30 hours` as `P1 30 :بحث hours`, unless isolated."""
    return Safe(f'<span class="db-name">{esc(text)}</span>')


def warning(row) -> Safe:
    """A warning's message with the prototype's title in it set apart (see named)."""
    prefix = f"{row['ref']} {row['title']}"
    if not row["message"].startswith(prefix):
        return days(row["message"])
    return Safe(f"{esc(row['ref'])} {named(row['title'])}{days(row['message'][len(prefix):])}")


def percent(value) -> Safe:
    return Safe("") if value is None else Safe(f"{value:.0%}")


def heading(text, level: int = 2, page: bool = False) -> Safe:
    """A heading, each day and record label in it kept on one line; *page* starts a new printed page with it."""
    return Safe(f'<h{level} class="db-page">{days(text)}</h{level}>' if page else f"<h{level}>{days(text)}</h{level}>")


def code(text) -> Safe:
    """Text to copy as it is, such as a shell command."""
    return Safe(f"<code>{esc(text)}</code>")


def command(text) -> Safe:
    """A shell command to copy: it wraps only at its spaces, so each word reads whole at any width."""
    words = "</span> <span>".join(esc(word) for word in str(text).split(" "))
    return Safe(f'<code class="db-command"><span>{words}</span></code>')


def inline(text) -> Safe:
    """A line of user Markdown with its code spans (`` `notes` ``) as code and everything else escaped text."""
    parts = re.split(r"`([^`\n]+)`", str(text))
    return Safe("".join(f"<code>{esc(part)}</code>" if odd else esc(part) for odd, part in
                        ((i % 2, part) for i, part in enumerate(parts))))


def fold(summary, content, opened: bool = False) -> Safe:
    """*content* (markup, or a list of parts) folded under *summary*: a `<details>` block, no script needed."""
    inner = "".join(esc(part) for part in content) if isinstance(content, list) else esc(content)
    attribute = ' open="open"' if opened else ""
    return Safe(f'<details class="db-fold"{attribute}><summary>{esc(summary)}</summary>{inner}</details>')


def paragraph(text, muted: bool = False) -> Safe:
    return Safe(f'<p class="db-muted">{esc(text)}</p>' if muted else f"<p>{esc(text)}</p>")


def bullets(items) -> Safe:
    return Safe("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>")


def block(text) -> Safe:
    """Longer user text (an ADR body, a hypothesis) shown as written, escaped, line breaks kept."""
    return Safe(f'<div class="db-body">{esc(text)}</div>')


def record(text, resolve=None, path=None) -> Safe:
    """An ADR's Markdown rendered and sanitised (`toolkit.reports.markdown.to_html`); *resolve* maps relative links.

    A record in reStructuredText (*path* ends `.rst`) is shown as written, escaped: read as Markdown
    its links and field lists would come out as stray symbols, and plain text is what it is made to
    read as.
    """
    from toolkit.records.adr_words import is_rst

    if is_rst(path):
        return Safe(f'<div class="db-record"><pre class="db-text">{esc(text)}</pre></div>')
    from toolkit.reports.markdown import to_html

    return Safe(f'<div class="db-record">{to_html(text, resolve)}</div>')


def table(rows, columns, beneath=None, stack=None) -> Safe:
    """An HTML table of *rows* (dicts); *columns* is a list of (key, header) or (key, header, formatter).

    *beneath*, a (key, formatter), shows that value of each row on a line of its own under the row, across
    every column: for a value too long to share a row with the others, such as a command to copy.

    *stack*, a number of leading columns, lets a table too wide for a phone stack on a narrow screen: each
    row becomes a block, its first *stack* cells on one line as its heading, then every other cell on a line
    of its own after its column's header. A wide screen shows the table as it is.
    """
    head = "".join(f"<th>{esc(column[1])}</th>" for column in columns)
    shows = [(column[0], column[2] if len(column) > 2 else esc) for column in columns]
    # The header goes on each stacked cell as well: the stacked layout has no header row to show it.
    labels = [esc(column[1]) if stack is not None and i >= stack else None for i, column in enumerate(columns)]
    body = ["<tr>" + "".join([_cell(esc(show(row.get(key))), label) for (key, show), label in zip(shows, labels)])
            + "</tr>" for row in rows]
    kind = "db-table" if stack is None else "db-table db-stack"
    if beneath is None:
        return Safe(f'<table class="{kind}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')
    key, show = beneath
    # A body per row keeps the row and the line under it one block, striped and bordered as one.
    pairs = "".join(f'<tbody class="db-pair">{tr}<tr class="db-beneath"><td colspan="{len(columns)}">'
                    f"{esc(show(row.get(key)))}</td></tr></tbody>" for tr, row in zip(body, rows))
    return Safe(f'<table class="{kind}"><thead><tr>{head}</tr></thead>{pairs}</table>')


def _cell(content: str, label: str | None) -> str:
    """A table cell. One holding a long word (a link, a path, words joined by underscores) may break it anywhere:
    its column then shrinks to fit the page instead of pushing the table, and the columns beside it, out of it.
    Other cells keep their words whole (a date, a state)."""
    attributes = "" if label is None else f' data-label="{label}"'
    if len(content) >= 30 and _LONG_WORD.search(_TAG.sub(" ", content)):
        attributes += ' class="db-long"'
    return f"<td{attributes}>{content}</td>"


def long_table(rows, columns, what: str, limit: int = 15, stack=None) -> Safe:
    """A table of the first *limit* rows, the rest folded under "N more *what*": long lists stay short in print."""
    rows = list(rows)
    if len(rows) <= limit:
        return table(rows, columns, stack=stack)
    return Safe(table(rows[:limit], columns, stack=stack)
                + fold(f"{len(rows) - limit} more {what}", table(rows[limit:], columns, stack=stack)))


def show(*parts) -> None:
    """Display *parts* (Safe markup or text, which is escaped) as one HTML output."""
    from IPython.display import HTML, display

    display(HTML("".join(esc(part) for part in parts)))


def show_figure(figure) -> None:
    """Display a matplotlib figure as an embedded PNG, its title as the image's alt text."""
    import io

    from IPython.display import Image, display

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96)
    title = next((ax.get_title() for ax in figure.axes if ax.get_title()), "chart")
    display(Image(data=buffer.getvalue(), format="png", metadata={"alt": title}))
