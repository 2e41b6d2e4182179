"""`decide report log`: the decision log as a static folder of pages that need no script and link relatively."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from toolkit.errors import DecisionbookError
from toolkit.frames.links import file_links
from toolkit.history.dates import day_text
from toolkit.records import files
from toolkit.records.adr import ref_key
from toolkit.records.adr_words import record_name
from toolkit.records.bulk import paused_gc
from toolkit.reports.present import Safe, badge, esc, table
from toolkit.workspace import Workspace

MARKER = ".decisionbook-log"
# The mark's first line; the files the site wrote follow, one JSON string a line. A mark of this line alone
# was written before the list was kept.
MARKER_TEXT = b"a decision-log site written by decisionbook; `decide report log` replaces this folder\n"
GRAPH_PART = re.compile(r"graph-[1-9][0-9]*\.svg")
STATUS_ORDER = ("proposed", "draft", "accepted", "rejected", "deprecated", "superseded")
# What a past day's log in git takes from each record's last commit on or before the day.
_STOOD = "its status, date, title, people, relations and text; later changes, committed or not, are left out"
MINIMUM_NOTE = "A quartile with fewer than {n} verdicts is too small to compare; no conclusion is drawn from it."

CSS = """\
body { font: 15px/1.5 system-ui, sans-serif; color: #1f2937; margin: 0; }
main, nav { max-width: 72rem; margin: 0 auto; padding: .5rem 1.5rem; }
nav { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; border-bottom: 1px solid #e5e7eb; font-size: 14px; }
nav .next { margin-left: auto; }
h1 { font-size: 1.6rem; margin: .6rem 0 .2rem; }
h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 1px solid #e5e7eb; }
a { color: #1d4ed8; }
img { max-width: 100%; height: auto; }
table.db-table { border-collapse: collapse; margin: .5em 0 1em; }
table.db-table th, table.db-table td { border: 1px solid #d1d5db; padding: .2em .6em; text-align: left; vertical-align: top; }
table.db-table th { background: #f3f4f6; }
table.db-table td:first-child { white-space: nowrap; }  /* `ADR-0003` on one line */
.db-muted { color: #6b7280; }
.db-folder { font-weight: normal; }  /* `websre/` before a label that records of other folders share */
.db-rec { display: inline-block; padding: 0 .45em; border-radius: .3em; font-weight: 600; }
.db-keep, .db-accepted { background: #d7f0d9; color: #14532d; }
.db-iterate, .db-proposed, .db-draft { background: #dbe6fd; color: #1e3a8a; }
.db-discard, .db-rejected { background: #fbd5d5; color: #7f1d1d; }
.db-needs-evidence, .db-deprecated, .db-superseded, .db-unknown, .db-not-in-git-then, .db-unreadable {
  background: #e5e7eb; color: #374151; }
.db-record { border-left: 3px solid #e5e7eb; padding-left: 1em; overflow-wrap: anywhere; }
.db-record pre { background: #f6f8fa; padding: .6em; overflow-x: auto; }
.db-record pre.db-text { background: none; padding: 0; white-space: pre-wrap; font-size: .9em; }
.db-record table { border-collapse: collapse; }
.db-record th, .db-record td { border: 1px solid #d1d5db; padding: .2em .5em; }
.db-day { white-space: nowrap; }  /* `2026-10-01`, never `2026-10-` over `01` */
/* A record's name in a table (`2026-09-14-move-the-order-service-events-onto-the-shared-kafka-cluster`) breaks
   after its hyphens in a capped column, leaving the title beside it room for its words (ADR 0171). */
table.db-table td a.db-name { display: inline-block; max-width: 16em; white-space: normal; overflow-wrap: break-word; }
/* A word too long for its column breaks inside it rather than widening the table past the page; the text that
   may hold such a word is marked, so that short words (`active`, `superseded`) never break. */
.db-words { overflow-wrap: anywhere; }
/* A phone has no room for a table's columns side by side: each row becomes a block, its heading cells on the
   first line and every other cell on a line of its own after its column's header, as in the other reports.
   A table in a record stacks too, headed by its first column. */
@media (max-width: 40rem) { main, nav { padding: .4rem .7rem; }
  /* A word longer than the screen (a title, a name, a link) breaks rather than pushing the page wider. */
  body { overflow-wrap: anywhere; }
  table.db-stack, table.db-stack tbody, table.db-stack tr, table.db-stack td,
  .db-record table, .db-record tbody, .db-record tr, .db-record td { display: block; }
  table.db-stack, .db-record table { border-top: 1px solid #d1d5db; }
  table.db-stack thead, .db-record thead { display: none; }
  table.db-stack tr, .db-record tr { border: 1px solid #d1d5db; border-top: none; padding: .3em .6em; }
  table.db-table.db-stack td, .db-record td { border: none; padding: .1em 0; white-space: normal; }
  table.db-stack td:not([data-label]), .db-record td:not([data-label]) {
    display: inline; font-weight: 600; margin-right: .5em; }
  table.db-stack td[data-label]:empty, .db-record td[data-label]:empty { display: none; }
  table.db-stack td a.db-name { display: inline; }  /* the heading of its block, as wide as the screen */
  table.db-stack td[data-label]::before, .db-record td[data-label]::before {
    content: attr(data-label) ": "; color: #6b7280; font-weight: normal; }
  /* A chart keeps the size its labels were drawn at and scrolls in its own frame; the page does not. */
  .db-chart { overflow-x: auto; } .db-chart img { max-width: none; } }
"""


def page_name(decision) -> str:
    """The file name of *decision*'s page: its own file name, with .html; a record kept as a folder
    (`CIP-0001/README.md`) is named by the folder, so no two are `README.html` and none `index.html`."""
    return Path(record_name(decision.path)).stem + ".html"


def _folder(path: Path, adr_dir: Path) -> str:
    """The folder below *adr_dir* holding the record in *path* (`websre`, `teams/websre`); "" for *adr_dir* itself."""
    folder = path.parent if record_name(path) == path.name else path.parent.parent
    return "" if folder == adr_dir else folder.relative_to(adr_dir).as_posix()


def repeated_labels(decisions, adr_dir: Path) -> dict[Path, str]:
    """The folder below *adr_dir* (see `_folder`) of each of *decisions* whose label a record of another folder
    has too (each team's `ADR-0001`): the index and its timeline show it with the label. A record in *adr_dir*
    itself, and one whose label is its own, have none."""
    folders: dict[str, set[str]] = {}
    for d in decisions:
        folders.setdefault(d.label, set()).add(_folder(d.path, adr_dir))
    return {d.path: folder for d in decisions if len(folders[d.label]) > 1 and (folder := _folder(d.path, adr_dir))}


def page_names(decisions, adr_dir: Path) -> dict[Path, str]:
    """The page of each of *decisions*, by its path: `page_name`, or where records in different folders share
    it (each team's `0001-record-architecture-decisions.md`), that after the folders below *adr_dir* holding
    the record: `websre-0001-record-architecture-decisions.html`. A record in *adr_dir* itself keeps its name."""
    shared = Counter(page_name(d) for d in decisions)
    pages = {}
    for d in decisions:
        name = page_name(d)
        if shared[name] > 1:
            name = "-".join((*Path(_folder(d.path, adr_dir)).parts, name))
        pages[d.path] = name
    # Folders joined by "-" can meet again (`a-b/` and `a/b/`): the later record's page takes a free number.
    taken, used = set(pages.values()), set()
    for path, name in pages.items():
        if name in used:
            stem, number = name.removesuffix(".html"), 2
            while (name := f"{stem}-{number}.html") in taken:
                number += 1
            taken.add(name)
            pages[path] = name
        used.add(name)
    return pages


def _inside(path: Path, adr_dir: Path) -> str:
    """*path* inside the ADR folder, which tells apart two teams' `0001-record-architecture-decisions.md`."""
    return path.relative_to(adr_dir).as_posix()


def _href(name: str) -> str:
    return quote(name)


def _a(href: str, text, kind: str = "") -> Safe:
    attributes = f' class="{kind}"' if kind else ""
    return Safe(f'<a{attributes} href="{esc(href)}">{esc(text)}</a>')


def _anchor(word: str) -> str:
    """*word* (a status, which may be words: `not in git`) as one token for an id or a class name."""
    return "-".join(word.split())


def _status(word) -> Safe:
    word = word or "unknown"
    return Safe(f'<span class="db-rec db-{esc(_anchor(word))}">{esc(word)}</span>')


def _page(title: str, nav: list, body: list) -> bytes:
    links = "".join(str(part) for part in nav)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)}</title><link rel="stylesheet" href="style.css"></head>\n'
        f'<body><nav>{links}</nav>\n<main>{"".join(esc(part) for part in body)}</main></body></html>\n'
    ).encode("utf-8")


def _image(name: str, alt: str) -> Safe:
    """The picture *name*, linked to itself so a narrow screen can open it at full size."""
    href = esc(_href(name))
    # On a narrow screen a chart keeps a readable size and scrolls sideways rather than shrinking its text.
    return Safe(f'<p class="db-chart"><a href="{href}"><img src="{href}" alt="{esc(alt)}"></a></p>')


def _day(text) -> Safe:
    """A day that stays on one line however narrow its column."""
    return Safe(f'<span class="db-day">{esc(text)}</span>') if text else Safe("")


def _words(text) -> Safe:
    """Free text of a table cell (a title, names, a commit subject), which may break inside a long word."""
    return Safe(f'<span class="db-words">{esc(text)}</span>') if text else Safe("")


def _decision_link(decision, pages: dict[Path, str]) -> Safe:
    # A record without a number is labelled by its name, which can be a sentence long.
    return _a(_href(pages[decision.path]), decision.label, "db-name" if decision.number is None else "")


def _people(decision) -> Safe:
    rows = [{"part": part, "names": ", ".join(names)} for part, names in
            (("decision-makers", decision.decision_makers), ("consulted", decision.consulted),
             ("informed", decision.informed)) if names]
    return table(rows, [("part", "Part"), ("names", "People", _words)], stack=1) if rows else Safe(
        '<p class="db-muted">Nobody is named as decision-maker, consulted or informed.</p>')


def _when(step) -> str:
    return f"on {day_text(step.date)}" if step.date else "in a commit git cannot date"


def _span(entry, until: dt.date | None) -> str:
    """How *entry* went from proposed to decided in git, by the end of the day *until* where it is given."""
    def by_then(step):
        return None if step and until and step.day and step.day > until else step

    proposed, decided = by_then(entry.proposed), by_then(entry.decided)
    if proposed is None and decided is not None:
        text = f"{decided.status.capitalize()} when it came into git {_when(decided)} by {decided.author}"
        dated = entry.decided_on != decided.day
        return text + (f"; its file dates it {entry.decided_on.isoformat()}." if dated else ".")
    if proposed is None:
        return "No git history for this file yet."
    text = f"{proposed.status.capitalize()} {_when(proposed)} by {proposed.author}"
    if decided:
        text += f"; {decided.status} {_when(decided)} by {decided.author}"
        if decided.day and proposed.day:
            days = (decided.day - proposed.day).days
            text += f" ({days} day{'s' if days != 1 else ''} later)"
        text += "."
    else:
        text += "; not decided yet."
    return text


def _page_note(entry, as_of: dt.date, statuses: str, adr_dir: Path) -> str:
    """Where the page of a log of a past day took its record from; "" for a log of today."""
    from toolkit.actions.decision_pages import outside_git_note

    day = as_of.isoformat()
    renamed = (f" Renamed since: it is {entry.renamed.label} today, {_inside(entry.renamed.path, adr_dir)}."
               if entry.renamed else "")
    if statuses == "today":
        return outside_git_note(as_of)
    if entry.shown == "then":
        return f"Shown as it stood in the last commit on or before {day}: {_STOOD}.{renamed}"
    if entry.shown == "absent":
        return (f"It has no commit on or before {day} (or it was deleted by then): only its name is shown, as it is "
                "today.")
    if entry.shown == "unreadable":
        last = entry.history[-1]
        when = f"on {day_text(last['date'])}" if last["date"] else "in a commit git cannot date"
        return (f"Its last commit on or before {day} ({last['subject']}, {when}) holds a record that cannot be "
                f"read: {entry.problem}; nothing of it is shown but its name.{renamed}")
    return ""


def _statuses_note(data) -> str:
    """Where a log of a past day took its statuses from; "" for a log of today."""
    day = data.as_of.isoformat()
    if data.statuses == "git":
        return f"Each record is shown as it stood in the last commit on or before {day}: {_STOOD}."
    if data.statuses == "today":
        return f"Statuses are as they are today: the folder is not in git, so how they stood on {day} is not known."
    return ""


def _adr_page(entry, pages: dict[Path, str], graph_of, as_of: dt.date, resolve, status_of: dict,
              statuses: str, adr_dir: Path, card_href) -> bytes:
    from toolkit.reports.present import record

    d = entry.decision
    # A record not in git on the day, or unreadable in its commit of that day, shows nothing written in it.
    named = entry.shown not in ("absent", "unreadable")
    why = "was not in git" if entry.shown == "absent" else "cannot be read as it stood"
    left_out = Safe(f'<p class="db-muted">Not shown: the record {why} on {as_of.isoformat()}.</p>')
    nav = [Safe('<a href="index.html">Decision log</a>'), Safe('<a href="graph.html">Graph</a>')]
    if entry.previous:
        nav.append(Safe(f'<span>previous: {_decision_link(entry.previous, pages)} {esc(entry.previous.title)}</span>'))
    if entry.next:
        nav.append(Safe(f'<span class="next">next: {_decision_link(entry.next, pages)} {esc(entry.next.title)}</span>'))
    related = [{
        "relation": item.relation,
        "adr": _decision_link(item.decision, pages) if item.decision else Safe(f"{esc(item.key)} (no such ADR)"),
        "title": item.decision.title if item.decision else None,
        "status": _status(status_of.get(item.decision.path)) if item.decision else None,
        "recorded": {"here": "in this record", "there": "in the other record", "both": "in both"}[item.recorded],
    } for item in entry.related]
    history = [{"date": day_text(row["date"]), "author": row["author"], "before": row["before"], "after": row["after"],
                "subject": row["subject"]} for row in entry.history]
    body = [
        Safe(f"<h1>{esc(d.label)}: {esc(d.title or '(no title)')}</h1>"),
        Safe(f'<p>{_status(entry.status)} <span class="db-muted">date {esc(entry.dated or "none")} · {esc(_inside(d.path, adr_dir))}'
             f'{" · data change" if d.data_change else ""}</span></p>'),
        *([Safe(f'<p class="db-muted">{esc(note)}</p>')] if (note := _page_note(entry, as_of, statuses, adr_dir))
          else []),
        Safe("<h2>People</h2>"), _people(d) if named else left_out,
        Safe("<h2>Relations</h2>"),
        table(related, [("relation", "Relation"), ("adr", "ADR"), ("title", "Title", _words),
                        ("status", "Status"), ("recorded", "Recorded")], stack=2) if related
        else Safe('<p class="db-muted">No relation to another decision.</p>'),
        Safe("<h2>History</h2>"), Safe(f"<p>{esc(_span(entry, as_of if statuses == 'git' else None))}</p>"),
    ]
    if history:
        body.append(table(history, [("date", "Date", _day), ("author", "Author", _words),
                                    ("before", "Status before"), ("after", "Status after"),
                                    ("subject", "Commit", _words)], stack=1))
    body.append(Safe("<h2>Prototypes behind it</h2>"))
    # Each title leads to its card, where the evidence behind the recommendation is; a missing card has no title.
    cards = [{**row, "title": _a(card_href(row["path"]), row["title"], "db-words") if row["path"] else None}
             for row in entry.prototypes]
    body.append(table(cards, [("ref", "#"), ("title", "Prototype"), ("status", "Card"),
                              ("recommendation", f"Evidence recommends (as of {as_of.isoformat()})", badge),
                              ("reason", "Why", _words), ("verdict", "Latest verdict", badge)], stack=2)
                if entry.prototypes else Safe('<p class="db-muted">No prototype informs this decision.</p>'))
    if d.key in graph_of and entry.shown != "absent":  # a key it shares names a record of that day in the graph
        body.append(Safe("<h2>In the graph</h2>"))
        body.append(_image(graph_of[d.key], f"Relations of {d.label} and the records connected to it"))
    body.append(Safe("<h2>The record</h2>"))
    body.append(record(entry.body, resolve, d.path) if named else left_out)
    return _page(f"{d.label}: {d.title or ''}", nav, body)


def _by_key(entries) -> dict:
    """The entry each key names: the first of *entries* with it, a record not in git then only where no record of
    that day has it (its number was given again after a renumber)."""
    return {e.decision.key: e for e in sorted(reversed(entries), key=lambda e: e.shown != "absent")}


def _adr_resolver(pages: dict[str, str]):
    """Links in a record to another ADR's file lead to that ADR's page; other relative links become text."""
    def resolve(target: str) -> str | None:
        if "/" in target.rstrip("/").removeprefix("./") or not target.endswith(".md"):
            return None
        key = ref_key(target)
        return _href(pages[key]) if key in pages else None

    return resolve


def _audit_section(audit, minimum: int) -> list:
    rows = [{"quartile": q.quartile, "hours": f"{q.min_hours:g}–{q.max_hours:g}" if q.min_hours is not None else "",
             "verdicts": q.verdicts, "overrides": q.overrides_toward_keep,
             "rate": f"{q.rate:.0%}" if q.rate is not None else "",
             "enough": "yes" if q.verdicts >= minimum else "too few"} for q in audit.rows]
    return [
        Safe("<h2>Sunk-cost audit</h2>"),
        Safe('<p class="db-muted">Do overrides toward keep follow the hours already spent? '
             "Verdicts grouped by effort quartile.</p>"),
        table(rows, [("quartile", "Effort quartile"), ("hours", "Hours"), ("verdicts", "Verdicts"),
                     ("overrides", "Overrides toward keep"), ("rate", "Rate"), ("enough", "Enough to compare")],
              stack=0),  # on a phone every line is a count after its name, the quartile's first
        Safe(f"<p><strong>{esc(audit.conclusion)}</strong></p>"),
        Safe(f'<p class="db-muted">{esc(MINIMUM_NOTE.format(n=minimum))}</p>'),
    ]


def _index(data, pages: dict[Path, str], folders: dict[Path, str], has_timeline: bool, ws: Workspace) -> bytes:
    from toolkit.judge.audit import MINIMUM_PER_QUARTILE

    entries = data.entries
    by_status: dict[str, list] = {}
    for entry in entries:
        by_status.setdefault(entry.status or "unknown", []).append(entry)
    order = [s for s in STATUS_ORDER if s in by_status] + sorted(s for s in by_status if s not in STATUS_ORDER)
    waiting = sorted(((e.waiting(data.as_of), e) for e in entries if e.waiting(data.as_of) is not None),
                     key=lambda pair: (-pair[0], pair[1].decision.number or 0))

    def labelled(d) -> Safe:
        if d.path not in folders:
            return _decision_link(d, pages)
        return Safe(f'<span class="db-muted db-folder">{esc(folders[d.path])}/</span> {_decision_link(d, pages)}')

    def row(entry) -> dict:
        d = entry.decision
        decided = entry.decided_on.isoformat() if entry.decided_on else day_text(entry.decided.date) if entry.decided \
            else None
        # proposed in a commit after the day the log is for: not proposed yet, that day
        proposed = entry.proposed if entry.proposed and not (entry.proposed.day and entry.proposed.day > data.as_of) \
            else None
        return {"adr": labelled(d), "title": d.title, "status": _status(entry.status), "date": entry.dated,
                "proposed": day_text(proposed.date) if proposed else None,
                # decided after the day the log is for: not decided yet, that day
                "decided": None if entry.decided_on and entry.decided_on > data.as_of else decided}

    body = [
        Safe("<h1>Decision log</h1>"),
        Safe(f'<p class="db-muted">{len(entries)} decisions in {esc(ws.relative(ws.adr_dir))}, '
             f"as of {data.as_of.isoformat()}. " + " · ".join(
                 f'<a href="#{esc(_anchor(s))}">{esc(s)}: {len(by_status[s])}</a>' for s in order) + "</p>"),
    ]
    if _statuses_note(data):
        body.append(Safe(f'<p class="db-muted">{esc(_statuses_note(data))}</p>'))
    if data.unreadable:
        body.append(Safe("<h2>Files that could not be read</h2>"))
        body.append(Safe("<ul>" + "".join(f"<li>{esc(str(f))}</li>" for f in data.unreadable) + "</ul>"))
    body.append(Safe("<h2>Open proposals</h2>"))
    body.append(table([{**row(e), "waited": days, "by": e.proposed.author if e.proposed else None}
                       for days, e in waiting],
                      [("adr", "ADR"), ("title", "Title", _words), ("proposed", "Proposed on", _day),
                       ("by", "By", _words), ("waited", "Days waiting")], stack=2)
                if waiting else Safe('<p class="db-muted">No decision is waiting.</p>'))
    if has_timeline:
        body.append(Safe("<h2>Timeline</h2>"))
        body.append(_image("timeline.svg", "Each decision from proposed to decided"))
    for status in order:
        body.append(Safe(f'<h2 id="{esc(_anchor(status))}">{esc(status.capitalize())} ({len(by_status[status])})</h2>'))
        body.append(table([row(e) for e in by_status[status]],
                          [("adr", "ADR"), ("title", "Title", _words), ("date", "Date", _day),
                           ("proposed", "Proposed on", _day), ("decided", "Decided on", _day)], stack=2))
    body.extend(_audit_section(data.audit, MINIMUM_PER_QUARTILE))
    nav = [Safe('<a href="index.html">Decision log</a>'), Safe('<a href="graph.html">Graph</a>')]
    return _page("Decision log", nav, body)


def _graph_page(parts: list[str], edge_count: int) -> bytes:
    body = [Safe("<h1>How the decisions relate</h1>")]
    if not parts:
        body.append(Safe('<p class="db-muted">No decision records a relation to another.</p>'))
    else:
        body.append(Safe(f'<p class="db-muted">{edge_count} relation{"s" if edge_count != 1 else ""}. Records without any relation are left out; '
                         "each picture holds whole groups of connected records.</p>"))
        body.extend(_image(name, f"Relation graph, part {i}") for i, name in enumerate(parts, 1))
    return _page("Decision graph", [Safe('<a href="index.html">Decision log</a>'), Safe('<a href="graph.html">Graph</a>')],
                 body)


def _pictures(data, folder: Path, folders: dict[Path, str]) -> tuple[bool, list[str], dict[str, str]]:
    """Draw the timeline and the graph parts into *folder*; (timeline drawn, part file names, key -> part).
    A record with a folder in *folders* is named on the timeline after it (`websre/ADR-0001`)."""
    from toolkit.reports import site_charts

    rows = []
    for entry in data.entries:
        d = entry.decision
        start = entry.proposed.day if entry.proposed else None
        if start is None:
            try:
                start = dt.date.fromisoformat(str(entry.dated)[:10])
            except ValueError:
                start = None
        if start is not None and start > data.as_of:
            continue  # proposed after the day the site is as of
        if entry.decided and entry.decided_on is None:
            continue  # decided on no day the axis has: an open bar would say it is still open
        end = entry.decided_on if entry.decided_on and entry.decided_on <= data.as_of else None
        rows.append((f"{folders[d.path]}/{d.label}" if d.path in folders else d.label, start, end, entry.status))
    has_timeline = any(start for _, start, _, _ in rows)
    if has_timeline:
        site_charts.save_svg(site_charts.span_timeline(rows, data.as_of), folder / "timeline.svg")
    # A record not in git then is in the graph only as the end of a link of that day: it had no title then.
    names = {key: (e.decision.label, "(not in git then)" if e.shown == "absent" else e.decision.title)
             for key, e in _by_key(data.entries).items()}
    colours = site_charts.relation_colours(relation for _, relation, _ in data.edges)
    parts, graph_of = [], {}
    layout = site_charts.graph_parts([e.decision.key for e in data.entries], data.edges)
    # Each relation joins two records of one connected group, so it belongs to one picture: hand each
    # picture its own relations rather than all of them.
    part_of = {key: i for i, part in enumerate(layout) for key in part.places}
    own_edges: list[list] = [[] for _ in layout]
    for edge in data.edges:
        if edge[0] in part_of:
            own_edges[part_of[edge[0]]].append(edge)
    for index, part in enumerate(layout, 1):
        name = f"graph-{index}.svg"
        site_charts.save_svg(site_charts.relation_graph(part, names, own_edges[index - 1], colours), folder / name)
        parts.append(name)
        graph_of.update(dict.fromkeys(part.places, name))
    return has_timeline, parts, graph_of


def _mark(names) -> bytes:
    return MARKER_TEXT + "".join(json.dumps(name) + "\n" for name in sorted(names)).encode("utf-8")


def _listed(folder: Path) -> list[str] | None:
    """The files the site in *folder* wrote, as its mark lists them (empty for a mark written before the
    list was kept); None when *folder* holds no site's mark or one that cannot be read."""
    marker = folder / MARKER
    if marker.is_symlink():
        return None
    try:
        text = files.read_bytes(marker)
        if not text.startswith(MARKER_TEXT):
            return None
        names = [json.loads(line) for line in text[len(MARKER_TEXT):].decode("utf-8").splitlines()]
    except (FileNotFoundError, DecisionbookError, ValueError):
        return None
    return names if all(type(name) is str for name in names) else None


def _check_out(ws: Workspace, out: Path) -> None:
    """Refuse an --out that is a file, a link, a folder of the workspace's records, or a non-empty folder
    that no site marked as its own."""
    try:
        os.stat(out)
    except FileNotFoundError:
        pass
    except OSError as exc:  # a link on the way that loops: named, not a traceback or a later "File exists"
        raise DecisionbookError(f"cannot be used: {exc.strerror}", ws.relative(out)) from None
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise DecisionbookError("exists and is not a folder", ws.relative(out))
    where = Path(os.path.realpath(out))  # a link that loops resolves as far as it goes, no error
    for folder in (ws.root, ws.adr_dir, ws.proto_dir):
        inside = Path(os.path.realpath(folder))
        if where == inside or where in inside.parents:
            raise DecisionbookError("holds the workspace's records, which the site would replace; choose another "
                                    "--out", ws.relative(out))
    if out.is_dir() and any(out.iterdir()) and _listed(out) is None:
        raise _not_a_site(ws, out)


def _not_a_site(ws: Workspace, out: Path) -> DecisionbookError:
    return DecisionbookError("folder is not empty and was not written by `decide report log`; choose another --out",
                             ws.relative(out))


def _check_own(ws: Workspace, out: Path, written: set[str]) -> None:
    """Refuse to replace the earlier site *out* while it holds a file that site did not write, naming them.

    Its own are the files its mark lists. A site marked before the list was kept may have written the
    pages of the records there now and every picture: *written* (what this run writes) and any graph part.
    """
    names = os.listdir(out) if out.is_dir() else []
    if not names:
        return
    listed = _listed(out)
    if listed is None:  # its mark went while the site was built
        raise _not_a_site(ws, out)
    own = set(listed) if listed else {*written, *(name for name in names if GRAPH_PART.fullmatch(name))}
    own.add(MARKER)
    added = sorted(name for name in names
                   if name not in own or (out / name).is_symlink() or not (out / name).is_file())
    if added:
        which = "it" if len(added) == 1 else "them"
        raise DecisionbookError(f"holds {', '.join(added[:3])}{', ...' if len(added) > 3 else ''}, which "
                                f"`decide report log` did not write and would remove; move {which} or choose another "
                                "--out", ws.relative(out))


def _replace(built: Path, out: Path) -> None:
    """Put the folder *built* where *out* is, swapping an earlier site out of the way first."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.replace(out, old / "site")
    os.replace(built, out)
    if old is not None:
        shutil.rmtree(old)


def build_site(ws: Workspace, out: Path | None = None, as_of: dt.date | None = None) -> Path:
    """Write the decision-log site to *out* (default reports/decision-log) and return its index.html.

    One page per ADR (relations both ways, git history, prototypes judged as of *as_of*, previous and
    next), an index by status with open proposals and how long they waited, a timeline and a graph.
    The folder is written next to *out* and then swapped in, so a reader never sees half a site; its mark
    lists the files it wrote, the only ones a later run replaces or removes.
    """
    import matplotlib

    matplotlib.use("Agg")
    from toolkit.actions.decision_pages import decision_pages

    day = as_of or dt.date.today()
    out = Path(out) if out is not None else ws.reports_dir / "decision-log"
    out = out if out.is_absolute() else Path.cwd() / out
    _check_out(ws, out)
    with paused_gc():
        data = decision_pages(ws, day)
    # The records stay alive to the end: set them aside from the cyclic collector, whose full
    # collections would otherwise walk all of them again and again while the pages and pictures are made.
    out.parent.mkdir(parents=True, exist_ok=True)
    built = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    gc.freeze()
    try:
        pages = page_names([e.decision for e in data.entries], ws.adr_dir)
        folders = repeated_labels([e.decision for e in data.entries], ws.adr_dir)
        has_timeline, parts, graph_of = _pictures(data, built, folders)
        resolve = _adr_resolver({key: pages[e.decision.path] for key, e in _by_key(data.entries).items()})
        status_of = {e.decision.path: e.status for e in data.entries}
        card_href = file_links(ws, out)
        for entry in data.entries:
            page = _adr_page(entry, pages, graph_of, day, resolve, status_of, data.statuses, ws.adr_dir, card_href)
            (built / pages[entry.decision.path]).write_bytes(page)
        (built / "graph.html").write_bytes(_graph_page(parts, len(data.edges)))
        (built / "style.css").write_text(CSS, encoding="utf-8")
        (built / "index.html").write_bytes(_index(data, pages, folders, has_timeline, ws))
        written = set(os.listdir(built))
        (built / MARKER).write_bytes(_mark(written))
        os.chmod(built, 0o755)
        # Checked last, just before the swap: a file put into the folder while the site was built is kept too.
        _check_own(ws, out, written)
        _replace(built, out)
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise
    finally:
        gc.unfreeze()
    return out / "index.html"
