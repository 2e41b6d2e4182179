"""A design review of one ADR: its history, who weighed in, the evidence behind it, the checklist, its lint."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from toolkit.errors import DecisionbookError
from toolkit.records import files
from toolkit.records.finding import Finding
from toolkit.workspace import Workspace

PHASES = ("expand", "switch", "contract")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^(?:[*+-]|\d+[.)])\s+\S")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PHASE_START = re.compile(r"^\s*(?:#{1,6}\s+|[*+-]\s+|\d+[.)]\s+)?[*_]*\s*(expand|switch|contract)\b", re.I)
_ROLLBACK = re.compile(r"\broll[ -]?back\b", re.I)


@dataclass(frozen=True)
class CheckItem:
    item: str
    result: str  # "pass" | "warn"
    detail: str


@dataclass(frozen=True)
class Section:
    level: int
    title: str
    text: str  # everything under the heading, subsections included


def body_of(data: bytes) -> str:
    """The Markdown after the front matter (the whole text when there is none)."""
    text = data.decode("utf-8-sig", "replace").replace("\r\n", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def sections(text: str) -> list[Section]:
    """Every heading in *text* with the text it governs, in order; fenced code is not scanned."""
    lines = text.split("\n")
    heads, fenced = [], False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            heads.append((index, len(match.group(1)), match.group(2)))
    found = []
    for position, (index, level, title) in enumerate(heads):
        end = next((i for i, lvl, _ in heads[position + 1 :] if lvl <= level), len(lines))
        found.append(Section(level, title, "\n".join(lines[index + 1 : end])))
    return found


def _meaningful(text: str) -> str:
    return _COMMENT.sub("", text).strip()


def _section(found: list[Section], *names: str) -> Section | None:
    return next((s for s in found if any(n in s.title.lower() for n in names)), None)


def phases(plan: str) -> list[tuple[str, str]]:
    """(phase, text) for each expand/switch/contract block of a migration plan, in the order written."""
    blocks: list[tuple[str, list[str]]] = []
    for line in plan.split("\n"):
        match = _PHASE_START.match(line)
        if match:
            blocks.append((match.group(1).lower(), [line]))
        elif blocks:
            blocks[-1][1].append(line)
    return [(name, "\n".join(lines)) for name, lines in blocks]


def checklist(body: str, data_change: bool, migration_plan: str | None = None) -> list[CheckItem]:
    """The review checklist for an ADR whose Markdown body is *body*, one pass/warn line per item."""
    found = sections(body)
    items = []
    options = _section(found, "considered options", "options considered", "alternatives")
    count = sum(1 for line in options.text.split("\n") if _LIST_ITEM.match(line)) if options else 0
    items.append(CheckItem(
        "at least two considered options",
        "pass" if count >= 2 else "warn",
        f"{count} option{'s' if count != 1 else ''} listed" if options else "no Considered Options section",
    ))
    for item, names in (("consequences stated", ("consequences",)), ("confirmation stated", ("confirmation",))):
        section = _section(found, *names)
        stated = section is not None and bool(_meaningful(section.text))
        detail = "stated" if stated else ("section is empty" if section else f"no {names[0].title()} section")
        items.append(CheckItem(item, "pass" if stated else "warn", detail))
    if not data_change:
        return items
    plan_section = _section(found, "migration plan", "migration")
    plan = _meaningful(migration_plan if migration_plan is not None else (plan_section.text if plan_section else ""))
    items.append(CheckItem(
        "migration plan for the data change", "pass" if plan else "warn",
        "present" if plan else "data-change: true but no Migration Plan section",
    ))
    if not plan:
        return items
    written = phases(plan)
    names = [name for name, _ in written]
    separate = names == list(PHASES)
    missing = [p for p in PHASES if p not in names]
    if separate:
        detail = "expand, switch and contract are separate steps, in that order"
    elif missing:
        detail = f"missing: {', '.join(missing)}"
    else:
        detail = f"found {', '.join(names)}; expected each once, in the order expand, switch, contract"
    items.append(CheckItem("expand, switch and contract ship separately", "pass" if separate else "warn", detail))
    without = [name for name, text in written if not _ROLLBACK.search(text)] + missing
    items.append(CheckItem(
        "a rollback at each phase",
        "pass" if written and not without else "warn",
        "every phase says how to roll back" if written and not without
        else f"no rollback for: {', '.join(dict.fromkeys(without)) or ', '.join(PHASES)}",
    ))
    return items


def people(ws: Workspace, decision) -> tuple[list[dict], list[str]]:
    """Who took part and in what role, and the roles from `[people]` that no maker or consulted person holds."""
    roles = ws.config.people
    rows = []
    for part, names in (("decision-maker", decision.decision_makers), ("consulted", decision.consulted),
                        ("informed", decision.informed)):
        rows.extend({"person": name, "part": part, "role": roles.get(name)} for name in names)
    involved = {roles.get(name) for name in (*decision.decision_makers, *decision.consulted)}
    missing = sorted(set(roles.values()) - involved)
    return rows, missing


def status_history(ws: Workspace, decision) -> list[dict]:
    """The ADR's status after each commit that changed it (oldest first); empty when it has no commits."""
    from toolkit.actions.adr_history import adr_history

    try:
        rows = adr_history(ws, decision.key)
    except DecisionbookError:
        return []
    return [{"date": r["date"][:10], "author": r["author"], "subject": r["subject"], "status": r["after"]} for r in rows]


def cited_prototypes(ws: Workspace, numbers, as_of: dt.date) -> list[dict]:
    """Each prototype the ADR cites, judged on its evidence up to *as_of*, with its latest verdict."""
    from toolkit.actions.triage import judge_card, load_records

    records = load_records(ws)
    cards = {card.number: card for card in records.cards}
    evidence = records.evidence_by_prototype()
    rows = []
    for number in numbers:
        card = cards.get(number)
        if card is None:
            rows.append({"ref": f"P{number}", "title": None, "status": "missing", "recommendation": None,
                         "reason": "no prototype card with this number", "merit": None, "coverage": None,
                         "verdict": None})
            continue
        seen = [e for e in evidence.get(number, []) if e.day <= as_of]
        judgement = judge_card(card, seen, as_of, ws.config.keep_threshold)
        verdicts = sorted((v for v in records.verdicts if v.prototype == number and v.day <= as_of), key=lambda v: v.id)
        rows.append({
            "ref": card.ref, "title": card.title, "status": card.status,
            "recommendation": judgement.recommendation, "reason": judgement.reason,
            "merit": judgement.merit, "coverage": judgement.coverage,
            "verdict": verdicts[-1].verdict if verdicts else None,
        })
    return rows


@dataclass(frozen=True)
class Review:
    decision: object  # toolkit.records.adr.Decision
    body: str
    related: tuple  # toolkit.actions.adrs.Related
    history: tuple[dict, ...]
    people: tuple[dict, ...]
    missing_roles: tuple[str, ...]
    roles_known: bool  # whether decisionbook.toml names anyone's role
    prototypes: tuple[dict, ...]
    checklist: tuple[CheckItem, ...]
    findings: tuple[Finding, ...]

    @property
    def backed_by_evidence(self) -> bool:
        """Whether a cited prototype's evidence recommends keep; a verdict that overrode it does not count."""
        return any(p["recommendation"] == "keep" for p in self.prototypes)


def lint_findings(ws: Workspace, decision) -> list[Finding]:
    """What `decide check` reports for this one ADR file."""
    from toolkit.actions.adrs import shown_path
    from toolkit.actions.lint import check

    path = shown_path(ws, decision.path)
    return [f for f in check(ws).findings if f.path == path]


def review(ws: Workspace, ref, as_of: dt.date) -> Review:
    """Everything the design-review report shows for ADR *ref*, with prototypes judged as of *as_of*."""
    from toolkit.actions.adrs import show

    shown = show(ws, ref)
    decision = shown.decision
    body = body_of(files.read_bytes(decision.path, ws.config.max_file_bytes, ws.root, shown.path))
    rows, missing = people(ws, decision)
    return Review(
        decision=decision,
        body=body,
        related=shown.related,
        history=tuple(status_history(ws, decision)),
        people=tuple(rows),
        missing_roles=tuple(missing),
        roles_known=bool(ws.config.people),
        prototypes=tuple(cited_prototypes(ws, [n for n, _ in shown.prototypes], as_of)),
        checklist=tuple(checklist(body, decision.data_change, decision.migration_plan)),
        findings=tuple(lint_findings(ws, decision)),
    )
