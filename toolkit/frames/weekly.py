"""The weekly keep-or-discard meeting: what changed, the agenda, what to decide, and (revealed only) effort."""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections import Counter
from dataclasses import dataclass

from toolkit.frames.links import file_links, source_href
from toolkit.judge.goalposts import explain
from toolkit.records.criteria import format_number
from toolkit.frames.since import DUE_DAYS, Since, due_words, since_last
from toolkit.judge.merit import measured_order
from toolkit.records.ledger import Effort, Evidence
from toolkit.workspace import Workspace

# What needs a decision first: a recommendation to stop outranks one to go on measuring.
RECOMMENDATION_ORDER = ("discard", "iterate", "needs-evidence", "keep")
# Charts stay readable (and reports fast) with hundreds of prototypes: they show the top of the agenda.
CHART_LIMIT = 40
# An iterate verdict with a passed deadline proposes a new timebox this long.
NEXT_TIMEBOX_DAYS = 14
# Warnings that exist only because of effort: the only ones a blind report leaves out.
EFFORT_KINDS = ("high-effort",)


@dataclass(frozen=True)
class Weekly:
    as_of: dt.date
    blind: bool
    agenda: tuple[dict, ...]  # ordered: what needs a decision this week first (`now`), then the rest
    sections: tuple[dict, ...]  # per active prototype, in agenda order, with its criteria rows
    charted: tuple[str, ...]  # refs in the charts: the first CHART_LIMIT of the agenda
    heatmap: tuple[tuple[str, str, str, bool], ...]  # (prototype ref, criterion id, state, must) for the charted refs
    timeline: tuple[dict, ...]  # evidence of the charted refs: date (measured), ref, criterion, new (since)
    closed: tuple[dict, ...]  # kept and discarded prototypes: their verdict and today's recommendation
    problems: tuple  # cards or ledger lines that did not load
    since: Since | None = None  # what changed since the previous meeting
    counts: tuple[tuple[str, int], ...] = ()  # (recommendation, active prototypes), in RECOMMENDATION_ORDER
    decisions: tuple[dict, ...] = ()  # per agenda row: ref, title, recommendation, command, goalposts (moved, or None)
    warnings: tuple[dict, ...] = ()  # blind: every warning but the effort-derived ones, without hours
    warning_counts: tuple[tuple[str, int], ...] = ()  # (kind, warnings) of the meeting's warnings, most first
    verdicts: tuple[dict, ...] = ()  # verdict history up to as_of
    # Filled only when not blind: effort never reaches a blind report.
    effort: tuple[dict, ...] = ()  # ref, title, hours, merit, recommendation
    git: tuple[dict, ...] = ()
    retracted: tuple[dict, ...] = ()  # evidence entries taken back: date, ref, criterion, value, reason
    retracted_effort: tuple[dict, ...] = ()  # date, ref, hours, reason: effort entries that no longer count
    unreadable: tuple = ()  # the cards among `problems`: not judged, so in no count, though they may need a decision

    @property
    def now(self) -> int:
        """How many agenda rows (from the top) need a decision this week."""
        return sum(1 for row in self.agenda if row["now"])


def agenda_key(row: dict) -> tuple:
    if row["killed"]:
        group = 0
    elif row["deadline_passed"]:
        group = 1
    else:
        group = 2
    return (not row["now"], group, RECOMMENDATION_ORDER.index(row["recommendation"]), row["deadline"] or "9999",
            row["number"])


def _why(row: dict, due: str | None, limit: int) -> str:
    """Why agenda *row* needs a decision this week; *due* says when its deadline falls, where within DUE_DAYS."""
    if row["killed"]:
        return "kill condition crossed"
    if row["deadline_passed"]:
        return f"deadline {row['deadline']} passed"
    if due:
        return f"deadline {row['deadline']} {due}"
    if row["extensions"] > limit:
        return f"extended {row['extensions']} times"
    if row["recommendation"] in ("keep", "discard"):
        return f"evidence says {row['recommendation']}"
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
            "deadline": verdict.deadline,
        })
    return rows


def _closed(ws: Workspace, records, as_of: dt.date, file_href) -> list[dict]:
    from toolkit.actions.triage import judge_card

    evidence = records.evidence_by_prototype()
    last = _last_verdicts(records)
    rows = []
    for card in records.cards:
        if card.status == "active":
            continue
        judgement = judge_card(card, evidence.get(card.number, []), as_of, ws.config.keep_threshold)
        verdict = last.get(card.number)
        rows.append({
            "ref": card.ref, "title": card.title, "status": card.status, "href": file_href(card.path),
            "verdict": verdict.verdict if verdict else None, "verdict_on": verdict.day.isoformat() if verdict else None,
            "recommendation": judgement.recommendation, "reason": judgement.reason,
        })
    return rows


def _last_verdicts(records) -> dict:
    last = {}
    for verdict in sorted(records.verdicts, key=lambda v: v.id):
        last[verdict.prototype] = verdict
    return last


def with_unit(value, unit: str | None) -> str | None:
    """A value as the report shows it: numbers without float noise, then the unit when one was recorded."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, (int, float)):
        text = format_number(round(value, 6))
    else:
        text = str(value)
    return f"{text} {unit}" if unit and not isinstance(value, bool) and text not in ("yes", "no") else text


def _adr_files(ws: Workspace, file_href) -> dict[int, str]:
    names: dict[int, str] = {}
    if ws.adr_dir.is_dir():
        for path in sorted(ws.adr_dir.iterdir()):
            found = re.match(r"^(\d+)-.*\.md$", path.name)
            if found:
                names.setdefault(int(found.group(1)), file_href(path))
    return names


def command(row: dict, as_of: dt.date) -> str:
    """The `decide` command that records the recommendation of agenda *row*, quoted for a POSIX shell; its
    reason says when the recommendation rests on goalposts moved after evidence."""
    recommendation = row["recommendation"]
    verb = recommendation if recommendation in ("keep", "discard") else "iterate"
    words = ["decide", verb, row["ref"]]
    # A deadline of the meeting's day ends that night: iterating on it without a new one leaves no time to iterate.
    if verb == "iterate" and (row["deadline"] is None or row["deadline"] <= as_of.isoformat()):
        words += ["--deadline", (as_of + dt.timedelta(days=NEXT_TIMEBOX_DAYS)).isoformat()]
    reason = f"{recommendation} recommended: {row['reason']}"
    if row["moved"]:
        reason += f"; {_moved_words(row['moved'])}"
    words += ["--reason", reason]
    return shlex.join(words)


def _moved_words(criteria) -> str:
    return f"goalposts moved after evidence: {', '.join(criteria)}"


def _units(records) -> dict[tuple[int, str], str]:
    """The unit of the latest evidence (the last measured, see `measured_order`) of each (prototype,
    criterion) that names one."""
    units = {}
    for entry in sorted(records.evidence, key=measured_order):
        if entry.unit:
            units[(entry.prototype, entry.criterion)] = entry.unit
    return units


def weekly(ws: Workspace, as_of: dt.date, blind: bool = True, since: dt.date | None = None) -> Weekly:
    """What the weekly triage report shows as of *as_of*; with *blind* no effort figure is loaded at all.

    The workspace is taken as it stood at the end of *as_of* (`toolkit.actions.triage.as_of_records`),
    as `decide triage --as-of` takes it, so the report and the command agree and a past report can be
    rendered again as it was. "Since" starts at *since* when given, else at the previous meeting
    (prototypes/meetings.jsonl), else a week before *as_of* (`toolkit.actions.meetings.window`).
    """
    from toolkit.actions.ledgers import read_meetings
    from toolkit.actions.meetings import previous_meeting, window
    from toolkit.actions.triage import Records, as_of_records, criterion_rows, load_records, run, warning_rows

    loaded = load_records(ws)
    if blind:
        withdrawn = tuple(w for w in loaded.withdrawn if isinstance(w.entry, Evidence))
        loaded = Records(loaded.cards, loaded.evidence, (), loaded.verdicts, loaded.problems, withdrawn,
                         unreadable=loaded.unreadable)
    meetings = read_meetings(ws)
    records = as_of_records(loaded, as_of, ws)
    result = run(ws, records, as_of, blind)  # on records already as of the date: nothing filtered twice
    goalposts_moved = {w.prototype: w for w in result.warnings if w.kind == "goalposts-moved"}
    last = _last_verdicts(records)
    extensions = Counter(v.prototype for v in records.verdicts if v.verdict == "iterate" and v.deadline is not None)
    units = _units(records)
    file_href = file_links(ws)
    adrs = _adr_files(ws, file_href) if any(row.card.decisions for row in result.rows) else {}
    limit = ws.config.max_extensions
    rows = []
    for row in result.rows:
        card, judgement = row.card, row.judgement
        killed = any(s.state == "killed" for s in judgement.states)
        passed = card.deadline is not None and as_of > card.deadline
        due = due_words(card.deadline, as_of) if card.deadline is not None and not passed and (
            card.deadline - as_of).days <= DUE_DAYS else None
        verdict = last.get(card.number)
        criteria = criterion_rows(row)
        for criterion in criteria:
            unit = units.get((card.number, criterion["criterion"]))
            criterion["unit"] = unit
            criterion["value_shown"] = with_unit(criterion["value"], unit)
            if criterion["aggregate"] != "latest" and criterion["evidence"] > 1 and criterion["value"] is not None:
                # What is judged: the median, mean, min or max of the entries, said so beside the value.
                criterion["value_shown"] += f" ({criterion['aggregate']} of {criterion['evidence']})"
            criterion["target_shown"] = with_unit(criterion["target"], unit) if criterion["target"] not in ("yes", "no") else criterion["target"]
            criterion["kill_shown"] = with_unit(criterion["kill"], unit)
        shaped = {
            "number": card.number, "ref": card.ref, "title": card.title, "owner": card.owner,
            "deadline": card.deadline.isoformat() if card.deadline else None, "branch": card.branch,
            "hypothesis": card.hypothesis, "merit": judgement.merit, "coverage": judgement.coverage,
            "recommendation": judgement.recommendation, "reason": judgement.reason,
            "killed": killed, "deadline_passed": passed, "href": file_href(card.path), "file": card.path.name,
            "decisions": [{"label": f"ADR-{n:04d}", "href": adrs.get(n)} for n in card.decisions],
            "verdict": verdict.verdict if verdict else None, "verdict_on": verdict.day.isoformat() if verdict else None,
            "verdict_by": verdict.by if verdict else None, "verdict_reason": verdict.reason if verdict else None,
            "extensions": extensions.get(card.number, 0),
            "criteria": criteria,
        }
        shaped["extension_warning"] = (
            f"extended {shaped['extensions']} times (limit {limit}): decide, or it lingers"
            if shaped["extensions"] > limit else None)
        # A recommendation that rests on goalposts moved after evidence is for the meeting to weigh, and says so.
        shifted = goalposts_moved.get(card.number)
        shaped["moved"] = list(shifted.criteria) if shifted else []
        shaped["goalposts"] = explain(shifted.moved) if shifted else None
        why = _why(shaped, due, limit)
        shaped["why"] = "; ".join(filter(None, (why, _moved_words(shaped["moved"]) if shifted else None)))
        shaped["now"] = bool(shaped["why"])
        rows.append(shaped)
    rows.sort(key=agenda_key)
    agenda = tuple({k: v for k, v in r.items() if k not in ("criteria", "hypothesis")} for r in rows)
    charted = {r["number"]: r["ref"] for r in rows[:CHART_LIMIT]}
    heatmap = tuple((r["ref"], c["criterion"], c["state"], c["must"]) for r in rows[:CHART_LIMIT] for c in r["criteria"])
    previous = previous_meeting(meetings.entries, as_of)
    is_new = window(previous, since, as_of).is_new
    shown = [(e.day, e.id, e) for e in records.evidence if e.prototype in charted]
    timeline = tuple({"date": day.isoformat(), "ref": charted[e.prototype], "criterion": e.criterion,
                      "new": is_new(e.at, e.id)} for day, _, e in sorted(shown, key=lambda t: t[:2]))
    judged = {row.card.number: (row.card, row.judgement) for row in result.rows}
    changes = since_last(ws, records, judged, previous, since, as_of)
    changes = _with_sources(ws, changes)
    counts = Counter(r["recommendation"] for r in rows)
    cards = {card.number: card for card in records.cards}
    warnings = [w for w in warning_rows(result) if not (blind and w["kind"] in EFFORT_KINDS)]
    if blind:
        warnings = [{k: v for k, v in w.items() if k != "hours"} for w in warnings]
    kinds = Counter(w["kind"] for w in warnings if w["kind"] not in EFFORT_KINDS).most_common()
    weekly_view = Weekly(
        as_of, blind, agenda, tuple(rows), tuple(charted.values()), heatmap, timeline,
        tuple(_closed(ws, records, as_of, file_href)), tuple(result.problems) + tuple(meetings.problems), changes,
        tuple((name, counts[name]) for name in RECOMMENDATION_ORDER),
        tuple({"ref": r["ref"], "title": r["title"], "recommendation": r["recommendation"], "now": r["now"],
               "command": command(r, as_of), "goalposts": r["goalposts"]} for r in agenda),
        tuple(warnings), tuple(kinds), tuple(_verdict_rows(records, cards, as_of)),
        retracted=tuple(
            {"date": w.entry.day.isoformat(), "ref": f"P{w.entry.prototype}", "criterion": w.entry.criterion,
             "value": with_unit(w.entry.value, w.entry.unit), "reason": w.retraction.reason, "by": w.retraction.by}
            for w in records.withdrawn if isinstance(w.entry, Evidence)
        ),
        unreadable=tuple(result.unreadable),
    )
    if blind:
        return weekly_view
    from dataclasses import replace

    from toolkit.actions.git_effort import git_effort
    from toolkit.errors import DecisionbookError
    from toolkit.history.repository import GitUnavailable
    from toolkit.judge.sunkcost import hours_by_prototype

    hours = hours_by_prototype(records.effort)
    effort = tuple(
        {"ref": r["ref"], "title": r["title"], "hours": hours.get(r["number"], 0.0), "merit": r["merit"],
         "recommendation": r["recommendation"], "charted": r["number"] in charted}
        for r in rows
    )
    active = {r["ref"] for r in rows}
    try:
        # As the branches stood on the day: commits made since do not count, and a branch archived since
        # (its prototype discarded after that day) was still a branch.
        past = as_of < dt.date.today()
        git = tuple({**g, "state": "branch" if past and g["state"] == "archived" else g["state"]}
                    for g in git_effort(ws, until=as_of.isoformat()).rows if g["prototype"] in active)
    except GitUnavailable:
        raise  # the branches' work is there, unread: shown as none it would read as none done
    except DecisionbookError:
        git = ()
    retracted_effort = tuple(
        {"date": w.entry.date, "ref": f"P{w.entry.prototype}", "hours": w.entry.hours, "reason": w.retraction.reason}
        for w in records.withdrawn if isinstance(w.entry, Effort)
    )
    return replace(weekly_view, effort=effort, git=git, retracted_effort=retracted_effort)


def _with_sources(ws: Workspace, changes: Since) -> Since:
    from dataclasses import replace

    evidence = tuple({**e, "value_shown": with_unit(e["value"], e["unit"]), "source_href": source_href(ws, e["source"])}
                     for e in changes.evidence)
    return replace(changes, evidence=evidence)
