"""The decision log: every ADR's status and dates, supersede edges, time to decide, verdicts per month."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from toolkit.workspace import Workspace

STATUS_ORDER = ("draft", "proposed", "accepted", "rejected", "deprecated", "superseded")


@dataclass(frozen=True)
class DecisionLog:
    status_counts: tuple[tuple[str, int], ...]  # (status, count), known statuses first
    timeline: tuple[dict, ...]  # one row per ADR: number, label, title, date, status
    supersedes: tuple[tuple[str, str], ...]  # (newer label, older label)
    pending: tuple[tuple[str, str], ...]  # the supersedes edges whose newer ADR is yet to be accepted
    time_to_decide: tuple[dict, ...]  # label, proposed_on, accepted_on, days
    verdicts_by_month: tuple[dict, ...]  # month "YYYY-MM", kept, discarded
    audit: object  # toolkit.judge.audit.Audit
    problems: tuple  # findings for ADR files that could not be read


def status_counts(statuses) -> list[tuple[str, int]]:
    counts = Counter(s or "unknown" for s in statuses)
    known = [(s, counts[s]) for s in STATUS_ORDER if counts[s]]
    return known + sorted((s, n) for s, n in counts.items() if s not in STATUS_ORDER)


def supersede_edges(records) -> list[tuple[str, str]]:
    """(newer, older) ADR labels from `supersedes` lists and `superseded by` statuses, each pair once."""
    labels = {r.key: r.label for r in records}
    edges = []
    for record in records:
        for older in record.supersedes:
            edges.append((record.label, labels.get(older, f"ADR-{older}")))
        if record.superseded_by:
            edges.append((labels.get(record.superseded_by, f"ADR-{record.superseded_by}"), record.label))
    return list(dict.fromkeys(edges))


def pending_edges(records) -> list[tuple[str, str]]:
    """(newer, older) labels where the older ADR is to be superseded once the newer one is accepted."""
    from toolkit.actions.adrs import to_be_superseded

    by_key = {r.key: r for r in records}
    return [
        (record.label, by_key[older].label)
        for record in records
        for older in record.supersedes
        if older in by_key and to_be_superseded(by_key[older], record)
    ]


def verdicts_by_month(verdicts) -> list[dict]:
    """Keep and discard verdicts counted by the month they were given, oldest month first."""
    months: dict[str, Counter] = {}
    for verdict in verdicts:
        if verdict.verdict in ("keep", "discard"):
            months.setdefault(verdict.day.strftime("%Y-%m"), Counter())[verdict.verdict] += 1
    return [{"month": m, "kept": c["keep"], "discarded": c["discard"]} for m, c in sorted(months.items())]


def decision_log(ws: Workspace) -> DecisionLog:
    """Everything the decision-log report shows, computed once."""
    from toolkit.actions.adr_history import decision_dates
    from toolkit.actions.adrs import load_decisions
    from toolkit.actions.ledgers import read_effort, read_verdicts, require_whole
    from toolkit.errors import DecisionbookError
    from toolkit.history.repository import GitUnavailable
    from toolkit.judge.audit import audit

    decisions = load_decisions(ws)
    records = decisions.records
    timeline = [
        {"number": r.number, "label": r.label, "title": r.title, "date": r.date, "status": r.status}
        for r in records
    ]
    try:
        dates = decision_dates(ws)
    except GitUnavailable:
        raise  # the records' days are in git, unread: shown as none, every record would read as undecided
    except DecisionbookError:
        dates = {}
    waits = [
        {"label": r.label, "title": r.title, "proposed_on": dates[r.path]["proposed_on"].isoformat(),
         "accepted_on": dates[r.path]["accepted_on"].isoformat(), "days": dates[r.path]["days_to_decide"]}
        for r in records
        if dates.get(r.path, {}).get("accepted_on") and dates[r.path].get("days_to_decide") is not None
    ]
    verdicts, effort = read_verdicts(ws), read_effort(ws)
    require_whole(verdicts, effort, until="no audit is made")
    return DecisionLog(
        status_counts=tuple(status_counts(r.status for r in records)),
        timeline=tuple(timeline),
        supersedes=tuple(supersede_edges(records)),
        pending=tuple(pending_edges(records)),
        time_to_decide=tuple(waits),
        verdicts_by_month=tuple(verdicts_by_month(verdicts.entries)),
        audit=audit(verdicts.entries, effort.entries),
        problems=tuple(decisions.unreadable),
    )
