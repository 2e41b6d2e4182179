"""`decide adr graph`: supersedes, amends and other links between ADRs as Graphviz dot or Mermaid."""

from __future__ import annotations

import re

from toolkit.actions.adrs import Decisions, load_decisions, outgoing, reverse_seen
from toolkit.errors import DecisionbookError
from toolkit.records.adr import REVERSE
from toolkit.records.text import visible
from toolkit.workspace import Workspace


def edges(decisions: Decisions) -> list[tuple[str, str, str]]:
    """(from, relation, to), each relation drawn once, in its forward direction."""
    forward = {rev: rel for rel, rev in REVERSE.items() if rel in ("supersedes", "amends")}
    edges = {}
    by_key = {record.key: record for record in decisions.records}
    for record in decisions.records:
        for relation, key in outgoing(record):
            edge = (key, forward[relation], record.key) if relation in forward else (record.key, relation, key)
            if relation == "relates to":
                edge = (min(record.key, key), relation, max(record.key, key))
            elif relation not in REVERSE and key in by_key:
                # A pair of the team's own (`clarifies` / `clarified by`): drawn once, from the smaller key.
                back = reverse_seen(relation, record.key, by_key[key])
                if not back.endswith(" (reverse)") and (key, back, record.key) in edges:
                    continue
            edges[edge] = None
    return list(edges)


def _node(key: str) -> str:
    return "adr_" + re.sub(r"[^A-Za-z0-9_]", "_", key)


def graph(ws: Workspace, fmt: str = "dot") -> str:
    """Supersedes, amends and other links between ADRs as Graphviz dot or Mermaid text; a record that
    cannot be read is named as the error, not left out of the picture."""
    decisions = load_decisions(ws)
    if (error := decisions.unreadable_error()) is not None:
        raise error
    drawn = edges(decisions)
    if fmt == "mermaid":
        lines = ["graph LR"]
        for record in decisions.records:
            label = f"{record.label}: {visible(record.title or '')} ({record.status or '?'})"
            lines.append(f'  {_node(record.key)}["{_mermaid(label)}"]')
        for source, relation, target in drawn:
            lines.append(f"  {_node(source)} -->|{_mermaid(relation)}| {_node(target)}")
        return "\n".join(lines)
    if fmt != "dot":
        raise DecisionbookError(f"unknown graph format {fmt!r}; use dot or mermaid")
    lines = ["digraph decisions {", "  rankdir=LR;", "  node [shape=box];"]
    for record in decisions.records:
        label = f"{record.label}: {visible(record.title or '')}\n({record.status or '?'})"
        lines.append(f"  {_node(record.key)} [label={_dot(label)}];")
    for source, relation, target in drawn:
        lines.append(f"  {_node(source)} -> {_node(target)} [label={_dot(relation)}];")
    lines.append("}")
    return "\n".join(lines)


def _dot(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _mermaid(text: str) -> str:
    return re.sub(r'["|<>\[\]{}]', lambda m: f"#{ord(m.group())};", text)
