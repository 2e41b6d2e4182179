"""The decision-log site's pictures: whole groups per graph picture, titles in the boxes, every relation in the legend."""

from __future__ import annotations

import datetime as dt

from toolkit.reports.site_charts import (
    COLUMNS,
    ROWS_PER_PART,
    graph_parts,
    relation_colours,
    relation_graph,
    save_svg,
    span_timeline,
)


def _chain(first, length, relation="supersedes"):
    return [(str(n + 1), relation, str(n)) for n in range(first, first + length - 1)]


def test_graph_parts_keep_each_group_whole_and_stay_small():
    order = [str(n) for n in range(1, 2001)]
    edges = [edge for start in range(1, 2000, 10) for edge in _chain(start, 3)] + _chain(1500, 9, "amends")
    parts = graph_parts(order, edges)
    placed = [key for part in parts for key in part.places]
    assert sorted(placed, key=int) == sorted({k for s, _, t in edges for k in (s, t)}, key=int)
    assert len(placed) == len(set(placed))
    for part in parts:
        assert part.rows <= ROWS_PER_PART
        assert all(column < COLUMNS for column, _ in part.places.values())
    where = {key: index for index, part in enumerate(parts) for key in part.places}
    assert all(where[s] == where[t] for s, _, t in edges)  # a relation never crosses pictures


def test_the_graph_names_each_record_and_every_relation(tmp_path):
    edges = [("2", "supersedes", "1"), ("3", "amends", "2"), ("3", "relates to", "9"), ("4", "clarifies", "3")]
    names = {"1": ("ADR-0001", "Use $PostgreSQL$ for orders"), "2": ("ADR-0002", "Move to CockroachDB"),
             "3": ("ADR-0003", "Outbox \u202eevents"), "4": ("ADR-0004", None)}
    (part,) = graph_parts(["1", "2", "3", "4"], edges)
    colours = relation_colours(r for _, r, _ in edges)
    assert len(set(colours.values())) == 4
    figure = relation_graph(part, names, edges, colours)
    texts = " ".join(t.get_text() for t in figure.axes[0].texts)
    assert "Use $PostgreSQL$ for\norders" in texts and "Outbox <U+202E>events" in texts
    assert "ADR-0004\n(no title)" in texts and "9\n(missing record)" in texts
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["amends", "clarifies", "relates to", "supersedes"]
    save_svg(figure, tmp_path / "g.svg")
    svg = (tmp_path / "g.svg").read_text()
    assert "Move to CockroachDB" in svg and "<script" not in svg


def test_the_timeline_spans_open_and_decided_records(tmp_path):
    day = dt.date(2026, 1, 1)
    rows = [(f"ADR-{n:04d}", day + dt.timedelta(days=n % 50), day + dt.timedelta(days=n % 50 + 3) if n % 3 else None,
             "accepted" if n % 3 else "proposed") for n in range(1, 301)] + [("ADR-0999", None, None, "draft")]
    figure = span_timeline(rows, dt.date(2026, 3, 1))
    (lines,) = figure.axes[0].collections
    assert len(lines.get_segments()) == 300  # one bar per dated record, in one collection
    save_svg(figure, tmp_path / "t.svg")


def test_the_timeline_leaves_room_for_long_names_and_cuts_the_longest():
    # A record named by its slug or date was cut at the picture's left edge: `nts-have-owners`.
    day = dt.date(2026, 11, 1)
    rows = [("ADR-0001", day, None, "proposed"), ("XXXX-points-have-owners", day, None, "proposed"),
            ("20210304-" + "a-very-long-slug-" * 5, day, day, "accepted")]
    fig = span_timeline(rows, dt.date(2026, 12, 1))
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert labels[:2] == ["ADR-0001", "XXXX-points-have-owners"]
    assert labels[2] == "20210304-a-very-long-slug-a-very-long-\n…slug-a-very-long-slug-a-very-long-slug-"
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    assert min(label.get_window_extent(renderer).x0 for label in fig.axes[0].get_yticklabels()) >= 0


def test_long_names_on_two_lines_stay_inside_the_timelines_and_apart():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from toolkit.reports.charts import decision_timeline

    day = dt.date(2026, 11, 1)
    names = ["ADR-0001", "2026-09-14-move-the-order-service-events-onto-the-shared-kafka-cluster",
             "2026-09-14-move-the-order-service-events-onto-the-shared-postgres-outbox",
             "20210304_" + "A_VERY_LONG_SLUG_WITHOUT_A_HYPHEN" * 3, "XXXX-" + "wide-WWW-MMM-" * 6]
    for many in (1, 20):  # beyond LABELLED_ROWS, every few rows named
        rows = [(f"{name}-{n}" if n else name, day, None, "proposed") for n in range(many) for name in names]
        for fig in (span_timeline(rows, dt.date(2026, 12, 1)),
                    decision_timeline([{"label": r[0], "date": r[1], "status": r[3]} for r in rows])):
            canvas = FigureCanvasAgg(fig)
            canvas.draw()  # lays out the notebook's chart
            renderer = canvas.get_renderer()
            boxes = [label.get_window_extent(renderer) for label in fig.axes[0].get_yticklabels() if label.get_text()]
            assert len(boxes) >= min(len(rows), 20)
            assert min(box.x0 for box in boxes) >= 0 and max(box.x1 for box in boxes) <= fig.axes[0].bbox.x0
            assert all(not a.overlaps(b) for a, b in zip(boxes, boxes[1:]))
