"""The weekly keep-or-discard meeting: agenda order, per-prototype sections, and (revealed only) effort."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from toolkit.records.ledger import Effort, Evidence
from toolkit.workspace import Workspace

# What needs a decision first: a recommendation to stop outranks one to go on measuring.
RECOMMENDATION_ORDER = ("discard", "iterate", "needs-evidence", "keep")
# Charts stay readable (and reports fast) with hundreds of prototypes: they show the top of the agenda.
CHART_LIMIT = 40
# The evidence log lists what arrived since the last meeting.
LOG_DAYS = 7


@dataclass(frozen=True)
class Weekly:
    as_of: dt.date
    blind: bool
    agenda: tuple[dict, ...]  # ordered: kill crossed, deadline passed, then by recommendation
    sections: tuple[dict, ...]  # per active prototype, in agenda order, with its criteria rows
    charted: tuple[str, ...]  # refs in the charts: the first CHART_LIMIT of the agenda
    heatmap: tuple[tuple[str, str, str], ...]  # (prototype ref, criterion id, state) for the charted refs
    timeline: tuple[dict, ...]  # evidence of the charted refs: date, ref, criterion
    evidence: tuple[dict, ...]  # the last LOG_DAYS days: date, ref, criterion, value, unit, source, note, by, retracted
    log_since: dt.date  # first day of the evidence log
    closed: tuple[dict, ...]  # kept and discarded prototypes: their verdict and today's recommendation
    problems: tuple  # cards or ledger lines that did not load
    # Filled only when not blind: effort never reaches a blind report.
    effort: tuple[dict, ...] = ()  # ref, title, hours, merit, recommendation
    warnings: tuple[dict, ...] = ()
    git: tuple[dict, ...] = ()
    verdicts: tuple[dict, ...] = ()
    retracted_effort: tuple[dict, ...] = ()  # date, ref, hours, reason: entries that no longer count


def agenda_key(row: dict) -> tuple:
    if row["killed"]:
        group = 0
    elif row["deadline_passed"]:
        group = 1
    else:
        group = 2
    return (group, RECOMMENDATION_ORDER.index(row["recommendation"]), row["deadline"] or "9999", row["number"])


def _why(killed: bool, deadline_passed: bool, deadline: dt.date | None) -> str:
    if killed:
        return "kill condition crossed"
    if deadline_passed:
        return f"deadline {deadline.isoformat()} passed"
    return ""


def _verdict_rows(records, cards, as_of: dt.date) -> list[dict]:
    from toolkit.judge.sunkcost import is_override

    rows = []
    for verdict in sorted(records.verdicts, key=lambda v: v.id):
        if verdict.day > as_of:  # as in the sunk-cost check: not yet given on that day
            continue
        card = cards.get(verdict.prototype)
        rows.append({
            "date": verdict.day.isoformat(), "ref": f"P{verdict.prototype}", "title": card.title if card else None,
            "verdict": verdict.verdict, "recommendation": verdict.recommendation, "reason": verdict.reason,
            "by": verdict.by, "override": is_override(verdict.verdict, verdict.recommendation),
        })
    return rows


def _closed(ws: Workspace, records, as_of: dt.date) -> list[dict]:
    from toolkit.actions.triage import judge_card

    evidence = records.evidence_by_prototype()
    rows = []
    for card in records.cards:
        if card.status == "active":
            continue
        judgement = judge_card(card, evidence.get(card.number, []), as_of, ws.config.keep_threshold)
        given = [v for v in records.verdicts if v.prototype == card.number and v.day <= as_of]
        last = max(given, key=lambda v: v.id) if given else None
        rows.append({
            "ref": card.ref, "title": card.title, "status": card.status,
            "verdict": last.verdict if last else None, "verdict_on": last.day.isoformat() if last else None,
            "recommendation": judgement.recommendation, "reason": judgement.reason,
        })
    return rows


def weekly(ws: Workspace, as_of: dt.date, blind: bool = True) -> Weekly:
    """What the weekly triage report shows as of *as_of*; with *blind* no effort figure is loaded at all.

    As in `decide triage`, *as_of* is the day deadlines and staleness are judged against and all
    recorded evidence and effort count, so the report and the command agree; verdicts given after
    *as_of* are left out, as the sunk-cost check leaves them out.
    """
    from toolkit.actions.triage import Records, criterion_rows, load_records, run, warning_rows

    records = load_records(ws)
    if blind:
        withdrawn = tuple(w for w in records.withdrawn if isinstance(w.entry, Evidence))
        records = Records(records.cards, records.evidence, (), records.verdicts, records.problems, withdrawn)
    result = run(ws, records, as_of)
    rows = []
    for row in result.rows:
        card, judgement = row.card, row.judgement
        killed = any(s.state == "killed" for s in judgement.states)
        passed = card.deadline is not None and as_of > card.deadline
        rows.append({
            "number": card.number, "ref": card.ref, "title": card.title, "owner": card.owner,
            "deadline": card.deadline.isoformat() if card.deadline else None, "branch": card.branch,
            "hypothesis": card.hypothesis, "merit": judgement.merit, "coverage": judgement.coverage,
            "recommendation": judgement.recommendation, "reason": judgement.reason,
            "killed": killed, "deadline_passed": passed, "why": _why(killed, passed, card.deadline),
            "criteria": criterion_rows(row),
        })
    rows.sort(key=agenda_key)
    agenda = tuple({k: v for k, v in r.items() if k not in ("criteria", "hypothesis")} for r in rows)
    active = {r["number"]: r["ref"] for r in rows}
    charted = {r["number"]: r["ref"] for r in rows[:CHART_LIMIT]}
    heatmap = tuple((r["ref"], c["criterion"], c["state"]) for r in rows[:CHART_LIMIT] for c in r["criteria"])
    ordered = sorted(records.evidence, key=lambda e: e.id)
    timeline = tuple({"date": e.day.isoformat(), "ref": charted[e.prototype], "criterion": e.criterion}
                     for e in ordered if e.prototype in charted)
    since = as_of - dt.timedelta(days=LOG_DAYS - 1)
    retracted = {w.entry.id: w.retraction for w in records.withdrawn}
    logged = sorted([*records.evidence, *(w.entry for w in records.withdrawn if isinstance(w.entry, Evidence))],
                    key=lambda e: e.id)
    evidence = tuple(
        {"date": e.day.isoformat(), "ref": active[e.prototype], "criterion": e.criterion,
         "value": ("yes" if e.value else "no") if isinstance(e.value, bool) else e.value,
         "unit": e.unit, "source": e.source, "note": e.note, "by": e.by,
         "retracted": f"retracted: {retracted[e.id].reason}" if e.id in retracted else None}
        for e in logged if e.prototype in active and e.day >= since
    )
    weekly_view = Weekly(as_of, blind, agenda, tuple(rows), tuple(charted.values()), heatmap, timeline, evidence,
                         since, tuple(_closed(ws, records, as_of)), tuple(result.problems))
    if blind:
        return weekly_view
    from dataclasses import replace

    from toolkit.actions.git_effort import git_effort
    from toolkit.errors import DecisionbookError
    from toolkit.judge.sunkcost import hours_by_prototype

    hours = hours_by_prototype(records.effort)
    effort = tuple(
        {"ref": r["ref"], "title": r["title"], "hours": hours.get(r["number"], 0.0), "merit": r["merit"],
         "recommendation": r["recommendation"], "charted": r["number"] in charted}
        for r in rows
    )
    try:
        git = tuple(g for g in git_effort(ws).rows if g["prototype"] in active.values())
    except DecisionbookError:
        git = ()
    cards = {card.number: card for card in records.cards}
    retracted_effort = tuple(
        {"date": w.entry.date, "ref": f"P{w.entry.prototype}", "hours": w.entry.hours, "reason": w.retraction.reason}
        for w in records.withdrawn if isinstance(w.entry, Effort)
    )
    return replace(weekly_view, effort=effort, warnings=tuple(warning_rows(result)), git=git,
                   verdicts=tuple(_verdict_rows(records, cards, as_of)), retracted_effort=retracted_effort)
