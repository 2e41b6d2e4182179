"""The report charts, drawn with matplotlib from rows the frames computed; labels are ids and names, never free text."""

from __future__ import annotations

import datetime as dt
import functools

from toolkit.records import days

STATE_COLOURS = {"met": "#4caf50", "unmet": "#f2b705", "killed": "#d9534f", "unmeasured": "#c8cdd2"}
# State by symbol as well as colour, for readers who cannot tell the colours apart and for grey print.
STATE_SYMBOLS = {"met": "✓", "unmet": "✗", "killed": "☠", "unmeasured": "?"}
# At the 96 dpi the report embeds, 8 points are 10.7 pixels: the smallest text a chart may carry.
LABEL_POINTS = 8
LABEL_CHARS = 22
# Refs on one line of a label naming several prototypes at one point of the effort chart.
REFS_PER_LINE = 6
REC_COLOURS = {"keep": "#4caf50", "iterate": "#f2b705", "discard": "#d9534f", "needs-evidence": "#9aa3ad"}
STATUS_COLOURS = {
    "proposed": "#5b8def", "accepted": "#4caf50", "rejected": "#d9534f", "deprecated": "#9aa3ad",
    "superseded": "#b07cc6", "draft": "#c8cdd2",
}


def literal(draw):
    """*draw* (a chart function) with every text it makes drawn as written.

    Matplotlib reads text between two `$` as mathtext (a record named `cost-$\\frac$.md` stops the chart
    with a parse error) and, under `text.usetex`, hands it to LaTeX. The text made inside the function
    keeps the settings it was made with, so saving the figure later still draws it literally.
    """
    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        import matplotlib

        with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
            return draw(*args, **kwargs)

    return drawn


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _legend(ax, colours, **kw):
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=c, label=name) for name, c in colours.items()], fontsize=LABEL_POINTS, **kw)


def _short(text: str) -> str:
    """*text* in at most LABEL_CHARS characters, its start and its end kept: ids that begin alike
    (`p95-latency-checkout-mobile`, `...-desktop`) differ at their ends."""
    if len(text) <= LABEL_CHARS:
        return text
    head = (LABEL_CHARS - 1) // 2
    return f"{text[:head]}…{text[len(text) - (LABEL_CHARS - 1 - head):]}"


# A record's name on a timeline's row: whole on one line up to NAME_CHARS characters, else on two lines; a name
# longer than two lines keeps its start and its end, so that names which begin alike (dated slugs) read apart.
NAME_CHARS = 40


def row_name(name: str) -> str:
    """*name* (a record's label or slug) as a timeline's row shows it: see NAME_CHARS. A line ends after a
    `-`, `_`, `/`, `.` or space where one is near, so words stay whole."""
    if len(name) <= NAME_CHARS:
        return name
    if len(name) <= 2 * NAME_CHARS:
        cut = max(_breaks(name, len(name) - NAME_CHARS, NAME_CHARS), default=NAME_CHARS)
        return f"{name[:cut].rstrip()}\n{name[cut:]}"
    head = max(_breaks(name, NAME_CHARS // 2, NAME_CHARS), default=NAME_CHARS)
    tail = min(_breaks(name, len(name) - NAME_CHARS + 1, len(name) - NAME_CHARS // 2),
               default=len(name) - NAME_CHARS + 1)
    return f"{name[:head].rstrip()}\n…{name[tail:]}"


def _breaks(name: str, first: int, last: int) -> list[int]:
    """The places from *first* to *last* just after a character that parts the words of a name."""
    return [at for at in range(first, last + 1) if name[at - 1] in "-_/. "]


def text_points(texts, size: float) -> float:
    """The width in points of the widest of *texts* at *size* points (0 when there are none)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(size=size)
    return max((text_to_path.get_text_width_height_descent(t, prop, ismath=False)[0] for t in texts), default=0.0)


def _placed(width: float, height: float, left: float, right: float, top: float, bottom: float):
    """A figure of *width* x *height* inches whose axes leave the given margins (inches) to labels and legend.

    The two large weekly charts place their axes themselves: with a layout engine, saving the figure draws
    it twice (once to measure every label, once to paint), and on 40 prototypes the measuring pass costs as
    much as the painting.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height)
    return fig


# Margins of the placed charts, in inches: a 10-point title above the axes, a one-row 8-point legend
# below them, and the gap between a tick label and the figure's edge.
TITLE_INCHES = 0.38
LEGEND_INCHES = 0.42
EDGE_INCHES = 0.1
# Tick length plus the gap to its label (3.5 + 3.5 points by default).
TICK_INCHES = 7 / 72


@literal
def criteria_heatmap(cells):
    """Prototype x criterion coloured by state, with the state's symbol; must-haves starred.

    *cells* are (prototype ref, criterion id, state, must); names longer than LABEL_CHARS are shortened.
    """
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Patch

    refs = list(dict.fromkeys(cell[0] for cell in cells))
    per_ref = {ref: [cell[1:] for cell in cells if cell[0] == ref] for ref in refs}
    width = max((len(v) for v in per_ref.values()), default=1)
    left = EDGE_INCHES + text_points(refs, LABEL_POINTS + 1) / 72 + TICK_INCHES
    fig = _placed(2.6 + 2.2 * width, 1.0 + 0.45 * max(len(refs), 1), left, EDGE_INCHES, TITLE_INCHES, LEGEND_INCHES)
    ax = fig.add_subplot()
    corners, colours = [], []
    for y, ref in enumerate(refs):
        for x, (criterion, state, must) in enumerate(per_ref[ref]):
            corners.append((x, y))
            colours.append(STATE_COLOURS.get(state, "#ffffff"))
            label = f"{STATE_SYMBOLS.get(state, '')} {_short(criterion)}{' *' if must else ''}"
            ax.text(x + 0.5, y + 0.5, label, ha="center", va="center", fontsize=LABEL_POINTS,
                    fontweight="bold" if must else "normal")
    # Every cell in one collection, one draw call; a narrow white gap keeps the cells apart.
    cell = np.array([(0.03, 0.06), (0.97, 0.06), (0.97, 0.94), (0.03, 0.94)])
    ax.add_collection(PolyCollection(np.array(corners, dtype=float).reshape(-1, 1, 2) + cell,
                                     facecolors=colours, edgecolors=colours, zorder=1), autolim=False)
    ax.set_xlim(0, width)
    ax.set_ylim(len(refs), 0)
    ax.set_yticks([y + 0.5 for y in range(len(refs))], refs, fontsize=LABEL_POINTS + 1)
    ax.set_xticks([])
    # An explicit y keeps the title where it is, sparing the search for tick labels it might overlap.
    ax.set_title("Criteria by state (* must-have)", fontsize=10, y=1.0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    handles = [Patch(color=c, label=f"{STATE_SYMBOLS[name]} {name}") for name, c in STATE_COLOURS.items()]
    fig.legend(handles=handles, fontsize=LABEL_POINTS, loc="lower center", ncols=len(handles))
    return fig


@literal
def evidence_timeline(rows, as_of: dt.date, order, since: str = ""):
    """One row per prototype (refs in *order*), a dot per day it has evidence measured on, with the number of
    entries beside it where there are several (dots at one place would read as one); the meeting date as a line.
    A dot holding an entry recorded since the last meeting (a row's `new`) has its own colour, and *since* names
    that meeting in the legend: a value recorded late for an earlier day is new too, left of the line.
    The date axis always spans at least a week, so one day of evidence reads."""
    import math
    from collections import Counter

    import matplotlib.dates as mdates

    # Date labels are turned 30 degrees: they reach down by their width's half plus their height.
    date_drop = (text_points(["2000-00-00"], LABEL_POINTS) * math.sin(math.radians(30))
                 + LABEL_POINTS * 1.2 * math.cos(math.radians(30))) / 72
    # Turned labels end at their tick: the first one reaches left of the axes by most of its width.
    date_reach = text_points(["2000-00-00"], LABEL_POINTS) * math.cos(math.radians(30)) / 72
    left = max(EDGE_INCHES + text_points(order, LABEL_POINTS + 1) / 72 + TICK_INCHES, EDGE_INCHES + date_reach)
    height = 1.2 + 0.42 * max(len(order), 1)
    bottom = LEGEND_INCHES + date_drop + TICK_INCHES
    fig = _placed(8, height, left, 0.25, TITLE_INCHES, bottom)
    ax = fig.add_subplot()
    position = {ref: i for i, ref in enumerate(order)}
    placed = [((dt.date.fromisoformat(r["date"]), position[r["ref"]]), r.get("new"))
              for r in rows if r["ref"] in position]
    per_day = Counter(place for place, _ in placed)
    fresh = {place for place, new in placed if new}
    xs = [day for day, _ in per_day]
    new_label = f"new since {since}" if since else "new"
    for dots, colour, label in (([p for p in per_day if p not in fresh], "#5b8def", "evidence"),
                                ([p for p in per_day if p in fresh], "#f0932b", new_label)):
        if dots:
            ax.scatter([day for day, _ in dots], [y for _, y in dots], s=28, color=colour, zorder=3, label=label)
    for (day, y), entries in per_day.items():
        if entries > 1:
            ax.annotate(f"×{entries}", (day, y), textcoords="offset points", xytext=(5, 3), fontsize=LABEL_POINTS)
    ax.axvline(as_of, color="#d9534f", linewidth=1, linestyle="--", label=f"as of {as_of.isoformat()}")
    first, last = min(xs + [as_of]), max(xs + [as_of])
    pad = max(dt.timedelta(days=1), (last - first) / 20)
    if last - first < dt.timedelta(days=7):
        pad = (dt.timedelta(days=7) - (last - first)) / 2 + dt.timedelta(days=1)
    ax.set_xlim(first - pad, last + pad)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax.set_yticks(range(len(order)), order, fontsize=LABEL_POINTS + 1)
    ax.set_ylim(max(len(order), 1) - 0.5, -0.5)
    ax.tick_params(axis="x", labelsize=LABEL_POINTS)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Evidence by day measured", fontsize=10, y=1.0)
    fig.legend(fontsize=LABEL_POINTS, loc="lower center", ncols=3)
    fig.autofmt_xdate(bottom=bottom / height)
    return fig


@literal
def effort_vs_merit(rows):
    """Hours spent (x) against merit (y), coloured by recommendation; only rows marked `charted` are labelled.

    Prototypes at one point (every new one sits at 0 hours and merit 0) share one label naming them all, a few to
    a line: a label each would print them over one another.
    """
    fig = _figure(6.5, 4)
    ax = fig.add_subplot()
    at_point: dict[tuple[float, float], list[str]] = {}
    for row in rows:
        ax.scatter(row["hours"], row["merit"], s=60, color=REC_COLOURS.get(row["recommendation"], "#000000"), zorder=3)
        if row.get("charted", True):
            at_point.setdefault((row["hours"], row["merit"]), []).append(row["ref"])
    most = max([row["hours"] for row in rows] + [1.0])
    for (hours, merit), refs in at_point.items():
        lines = [", ".join(refs[start:start + REFS_PER_LINE]) for start in range(0, len(refs), REFS_PER_LINE)]
        # A label grows away from the nearer edges, so a long one stays inside the axes.
        left, low = hours <= most / 2, merit < 0.5
        ax.annotate(",\n".join(lines), (hours, merit), textcoords="offset points",
                    xytext=(5 if left else -5, 4 if low else -4), ha="left" if left else "right",
                    va="bottom" if low else "top", fontsize=LABEL_POINTS)
    ax.set_xlabel("hours logged (h)")
    ax.set_ylabel("merit (share of criterion weight met)")
    ax.set_xlim(-0.04 * most, most * 1.12)  # a margin on every side: a dot at 0 h or merit 0 or 1 shows whole
    ax.set_ylim(-0.06, 1.08)
    ax.grid(alpha=0.3)
    ax.set_title("Effort and merit", fontsize=10)
    _legend(ax, REC_COLOURS, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


@literal
def status_counts(counts):
    """A bar per ADR status; *counts* are (status, n)."""
    fig = _figure(6, 2.8)
    ax = fig.add_subplot()
    names = [name for name, _ in counts]
    ax.bar(names, [n for _, n in counts], color=[STATUS_COLOURS.get(n, "#9aa3ad") for n in names])
    ax.set_ylabel("decisions")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("Decisions by status", fontsize=10)
    return fig


@literal
def decision_timeline(rows):
    """Each ADR at its date, coloured by status; rows without a readable date, or with one outside
    days.FIRST to days.LAST, are left out."""
    dated = []
    for row in rows:
        try:
            day = dt.date.fromisoformat(str(row["date"])[:10])
        except ValueError:
            continue
        if days.in_range(day):
            dated.append((day, row_name(row["label"]), row["status"]))
    lines = max((label.count("\n") + 1 for _, label, _ in dated), default=1)
    # A row is a line of its name high (9 points, 0.15 inches) for each line, and a gap.
    fig = _figure(8, 0.8 + (0.17 + 0.15 * lines) * max(len(dated), 1))
    ax = fig.add_subplot()
    for y, (day, _, status) in enumerate(dated):
        ax.scatter([day], [y], s=50, color=STATUS_COLOURS.get(status, "#9aa3ad"), zorder=3)
    ax.set_yticks(range(len(dated)), [label for _, label, _ in dated], fontsize=LABEL_POINTS + 1)
    ax.set_ylim(len(dated) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Decisions over time", fontsize=10)
    _legend(ax, {s: c for s, c in STATUS_COLOURS.items() if any(st == s for _, _, st in dated)},
            loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.autofmt_xdate()
    return fig


@literal
def supersede_graph(labels, edges):
    """ADRs on a line in number order; an arc from each newer ADR to the one it supersedes."""
    from matplotlib.patches import FancyArrowPatch

    involved = [label for label in labels if any(label in edge for edge in edges)] or list(labels)
    fig = _figure(max(4, 1.3 * len(involved)), 2.4)
    ax = fig.add_subplot()
    x = {label: i for i, label in enumerate(involved)}
    for label, i in x.items():
        ax.scatter([i], [0], s=900, color="#eef2f7", edgecolors="#5b8def", zorder=3)
        ax.text(i, 0, label.replace("ADR-", ""), ha="center", va="center", fontsize=8, zorder=4)
    for newer, older in edges:
        if newer in x and older in x:
            ax.add_patch(FancyArrowPatch((x[newer], 0.12), (x[older], 0.12), connectionstyle="arc3,rad=0.4",
                                         arrowstyle="-|>", mutation_scale=12, color="#b07cc6"))
    ax.set_xlim(-0.7, len(involved) - 0.3)
    ax.set_ylim(-0.5, 1.0)
    ax.axis("off")
    ax.set_title("Supersedes (arrow from the newer decision)", fontsize=10)
    return fig


@literal
def verdicts_by_month(rows):
    """Prototypes kept and discarded per month, side by side."""
    fig = _figure(6, 2.8)
    ax = fig.add_subplot()
    months = [r["month"] for r in rows]
    positions = range(len(months))
    ax.bar([p - 0.2 for p in positions], [r["kept"] for r in rows], width=0.4, color=REC_COLOURS["keep"], label="kept")
    ax.bar([p + 0.2 for p in positions], [r["discarded"] for r in rows], width=0.4, color=REC_COLOURS["discard"],
           label="discarded")
    ax.set_xticks(list(positions), months)
    ax.set_xlim(-0.8, len(months) - 0.2)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8)
    ax.set_title("Prototypes kept and discarded per month", fontsize=10)
    return fig
