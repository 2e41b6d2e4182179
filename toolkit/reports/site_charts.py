"""The decision-log site's pictures: each record's proposed -> decided span, and the relation graph with titles.

Margins are fixed in inches rather than left to a layout engine: measuring every label twice to lay
out a picture of a thousand records costs more than drawing it.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from toolkit.records import days
from toolkit.records.text import visible
from toolkit.reports.charts import STATUS_COLOURS, literal, row_name, text_points


def _figure(width: float, height: float, left: float, right: float, top: float, bottom: float):
    """A figure of *width* x *height* inches whose axes leave the given margins, in inches."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)
    return fig


def save_svg(figure, path) -> None:
    """*figure* as SVG with its text left as text (the browser draws it), the same bytes for the same picture."""
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "decisionbook"}):
        figure.savefig(path, format="svg", metadata={"Date": None})


RELATION_COLOURS = {"supersedes": "#b07cc6", "amends": "#e07b39", "relates to": "#5b8def"}
OTHER_COLOURS = ("#2a9d8f", "#8d6e63", "#c2185b", "#607d8b", "#9e9d24")
COLUMNS = 5  # nodes per row of the graph
ROWS_PER_PART = 12  # rows of nodes per graph picture, so a picture stays readable at any size
LABELLED_ROWS = 60  # above this many records, the timeline's rows are not named one by one
COLUMN_INCHES, ROW_INCHES = 2.3, 1.3  # room for one record in the graph


@literal
def span_timeline(rows, as_of: dt.date):
    """A bar per record from proposed to decided (to *as_of*, lighter, while still open), coloured by status.

    *rows* are (label, start, end or None, status); rows without a start, or with a day outside
    days.FIRST to days.LAST (which the axis cannot draw with room around it), are left out.
    """
    from matplotlib.colors import to_rgba
    from matplotlib.dates import date2num
    from matplotlib.patches import Patch

    rows = [(row_name(label), start, end, status) for label, start, end, status in rows
            if start is not None and days.in_range(start) and (end is None or days.in_range(end))]
    count = max(len(rows), 1)
    lines = max((label.count("\n") + 1 for label, *_ in rows), default=1)
    # Above LABELLED_ROWS, every few rows are named: as many as there is room for names of that many lines.
    named = range(len(rows)) if count <= LABELLED_ROWS else range(0, len(rows), -(-count // (40 // lines)))
    names = [rows[i][0] for i in named]
    # Room on the left for the widest name (a slug or a dated name is longer than `ADR-0012`), at 7 points;
    # a tenth more, as text drawn with hinting runs wider than its outline measures.
    left = max(0.9, 0.2 + 1.1 * text_points([line for name in names for line in name.split("\n")], 7) / 72)
    # A row is a line of its name high (7 points, 0.12 inches) for each line, and a gap as high.
    fig = _figure(10, 1.3 + 0.12 * (lines + 1) * count if count <= LABELLED_ROWS else 11, left, 1.4, 0.35, 0.75)
    ax = fig.add_subplot()
    today = date2num(as_of)
    # Dates converted in one call and one line collection for every bar: per-record calls take seconds.
    starts = date2num([start for _, start, _, _ in rows] or [as_of])[: len(rows)]
    ends = date2num([end or as_of for _, _, end, _ in rows] or [as_of])[: len(rows)]
    ends = [max(end, start + 0.8) for start, end in zip(starts, ends)]
    colours = [to_rgba(STATUS_COLOURS.get(status, "#9aa3ad"), 1.0 if end else 0.45) for _, _, end, status in rows]
    height = fig.get_figheight() * 72 * 0.8 / count
    ax.hlines(range(len(rows)), starts, ends, colors=colours, linewidth=min(10.0, max(0.4, 0.7 * height)))
    ax.set_yticks(named, names)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.xaxis_date()
    ax.set_xlim(min(starts, default=today) - 3, max([*ends, today]) + 3)
    ax.axvline(today, color="#d9534f", linewidth=1, linestyle="--")
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"From proposed to decided (pale: still open on {as_of.isoformat()})", fontsize=10)
    shown = {status for _, _, _, status in rows}
    ax.legend(handles=[Patch(color=c, label=s) for s, c in STATUS_COLOURS.items() if s in shown], fontsize=8,
              loc="upper left", bbox_to_anchor=(1.01, 1.0))
    for label in ax.get_xticklabels():
        label.set(rotation=30, horizontalalignment="right")
    return fig


def relation_colours(relations) -> dict[str, str]:
    """A colour for every relation in *relations*: the known ones fixed, a team's own from a palette."""
    colours = {}
    others = 0
    for relation in sorted(set(relations)):
        if relation not in RELATION_COLOURS:
            others += 1
        colours[relation] = RELATION_COLOURS.get(relation) or OTHER_COLOURS[(others - 1) % len(OTHER_COLOURS)]
    return colours


@dataclass(frozen=True)
class GraphPart:
    """One picture of the graph: whole connected groups of records, at (column, row) places."""

    places: dict  # key -> (column, row)
    rows: int


def graph_parts(order, edges) -> list[GraphPart]:
    """Lay out the records that take part in *edges* (in *order*, a list of keys): each connected group
    together, groups packed row by row, COLUMNS to a row, ROWS_PER_PART rows to a picture."""
    parent = {}

    def root(key):
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for source, _, target in edges:
        parent[root(source)] = root(target)
    rank = {key: i for i, key in enumerate(order)}
    groups: dict[str, list[str]] = {}
    for key in sorted(parent, key=lambda k: (rank.get(k, len(rank)), k)):
        groups.setdefault(root(key), []).append(key)
    parts, places, row, column = [], {}, 0, 0
    for members in groups.values():
        if column and column + len(members) > COLUMNS:  # the group does not fit in the rest of this row
            row, column = row + 1, 0
        last_row = row + (column + len(members) - 1) // COLUMNS
        if places and last_row >= ROWS_PER_PART:
            parts.append(GraphPart(places, row + (1 if column else 0)))
            places, row, column = {}, 0, 0
        for key in members:
            places[key] = (column, row)
            column += 1
            if column == COLUMNS:
                row, column = row + 1, 0
    if places:
        parts.append(GraphPart(places, row + (1 if column else 0)))
    return parts


def _clip(a, b, half_w, half_h):
    """The point where the line from box centre *a* towards *b* leaves the box."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    scale = min(half_w / abs(dx) if dx else float("inf"), half_h / abs(dy) if dy else float("inf"))
    return a[0] + dx * scale, a[1] + dy * scale


def _label(name: str, title: str | None) -> str:
    wrapped = textwrap.wrap(visible(title or "(no title)"), 24, max_lines=3, placeholder=" …")
    return "\n".join([name, *wrapped])


@literal
def relation_graph(part: GraphPart, names, edges, colours):
    """One graph picture: a box per record holding its label and title, an arrow per relation, a legend."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    columns = max(column for column, _ in part.places.values()) + 1
    fig = _figure(columns * COLUMN_INCHES + 2.4, 0.3 + ROW_INCHES * part.rows, 0.1, 2.3, 0.1, 0.1)
    ax = fig.add_subplot()
    half_w, half_h = 0.36, 0.22
    centre = {key: (column, -row) for key, (column, row) in part.places.items()}
    for key, (x, y) in centre.items():
        ax.add_artist(FancyBboxPatch((x - half_w, y - half_h), 2 * half_w, 2 * half_h,
                                    boxstyle="round,pad=0,rounding_size=0.05", facecolor="#f5f7fa",
                                    edgecolor="#5b8def", linewidth=1, zorder=3))
        ax.text(x, y, _label(*names.get(key, (key, "(missing record)"))), ha="center", va="center", fontsize=8,
                zorder=4)
    used, pairs = set(), {}
    for source, relation, target in edges:
        if source not in centre or target not in centre:
            continue
        # A second relation between the same two records bends further, so neither hides the other.
        nth = pairs[frozenset((source, target))] = pairs.get(frozenset((source, target)), -1) + 1
        (sx, sy), (tx, ty) = centre[source], centre[target]
        if sy == ty and abs(sx - tx) > 1:
            # Over the boxes in between: from the top of one box to the top of the other, the arc
            # rising about a third of the gap between rows whatever the distance.
            start, end = (sx, sy + half_h), (tx, ty + half_h)
            bend = -0.4 * (1 + 0.6 * nth) * (ROW_INCHES / COLUMN_INCHES) / (tx - sx)
        else:
            start = _clip(centre[source], centre[target], half_w, half_h)
            end = _clip(centre[target], centre[source], half_w, half_h)
            bend = 0.15 + 0.3 * nth
        ax.add_artist(FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={bend}", arrowstyle="-|>",
                                     mutation_scale=11, color=colours[relation], linewidth=1.3, zorder=2))
        used.add(relation)
    ax.set_xlim(-0.5, columns - 0.5)
    ax.set_ylim(-(part.rows - 1) - 0.3, 0.7)
    ax.axis("off")
    ax.legend(handles=[Line2D([], [], color=colours[r], linewidth=2, label=r) for r in sorted(used)],
              title="A → B reads: A (relation) B", fontsize=8, title_fontsize=8,
              loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig
