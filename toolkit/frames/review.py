"""A design review of one ADR: its history, who weighed in, the evidence behind it, the checklist, its lint."""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass

from toolkit.actions.decision_pages import body as body_of, outside_git_note
from toolkit.errors import DecisionbookError
from toolkit.frames.links import file_links
from toolkit.records import sidecar
from toolkit.records.finding import Finding
from toolkit.workspace import Workspace


def people(ws: Workspace, decision) -> tuple[list[dict], list[dict]]:
    """Who took part and in what role, and each role from `[people]` that no maker or consulted person
    holds, with the people who could fill it."""
    roles = ws.config.people
    rows = []
    for part, names in (("decision-maker", decision.decision_makers), ("consulted", decision.consulted),
                        ("informed", decision.informed)):
        rows.extend({"person": name, "part": part, "role": roles.get(name)} for name in names)
    involved = {roles.get(name) for name in (*decision.decision_makers, *decision.consulted)}
    missing = [{"role": role, "who": sorted(name for name, held in roles.items() if held == role)}
               for role in sorted(set(roles.values()) - involved)]
    return rows, missing


def status_history(ws: Workspace, decision) -> list[dict]:
    """The ADR's status after each commit that changed it (oldest first); empty when it has no commits."""
    from toolkit.actions.adr_history import record_history
    from toolkit.history.repository import GitUnavailable

    try:
        rows = record_history(ws, decision)
    except GitUnavailable:
        raise  # a history there but unread would show as "no git history for this file"
    except DecisionbookError:
        return []
    return _history(rows)


def _history(rows) -> list[dict]:
    from toolkit.history.dates import day_text

    return [{"date": day_text(r["date"]), "author": r["author"], "subject": r["subject"], "status": r["after"]}
            for r in rows]


def cited_prototypes(ws: Workspace, numbers, as_of: dt.date) -> list[dict]:
    """Each prototype the ADR cites as `decide triage --as-of` sees it on *as_of* (its status, deadline,
    criteria and evidence of that day), judged, with its latest verdict by then."""
    from toolkit.actions.triage import as_of_records, judge_card, load_records

    records = load_records(ws)
    stood = as_of_records(records, as_of, ws)
    cards = {card.number: card for card in stood.cards}
    started_later = {card.number: card for card in records.cards if card.number not in cards}
    evidence = stood.evidence_by_prototype()
    file_href = file_links(ws)
    rows = []
    for number in numbers:
        card = cards.get(number)
        if card is None:
            rows.append(_not_there(number, started_later.get(number), as_of, file_href))
            continue
        judgement = judge_card(card, evidence.get(number, []), as_of, ws.config.keep_threshold)
        verdicts = sorted((v for v in stood.verdicts if v.prototype == number), key=lambda v: v.id)
        latest = verdicts[-1] if verdicts else None
        rows.append({
            "ref": card.ref, "title": card.title, "status": card.status, "href": file_href(card.path),
            "recommendation": judgement.recommendation, "reason": judgement.reason,
            "merit": judgement.merit, "coverage": judgement.coverage,
            "verdict": latest.verdict if latest else None,
            # Kept although the evidence of that moment recommended otherwise: a judgement, not evidence.
            "override": bool(latest and latest.verdict == "keep" and latest.recommendation not in (None, "keep")),
            "recommended": latest.recommendation if latest else None,
        })
    return rows


def _not_there(number: int, later, as_of: dt.date, file_href) -> dict:
    """The row of a cited prototype with no card on *as_of*: none at all, or one started after that day."""
    row = {"ref": f"P{number}", "title": None, "status": "missing", "href": None, "recommendation": None,
           "reason": "no prototype card with this number", "merit": None, "coverage": None,
           "verdict": None, "override": False}
    if later is not None:
        row.update(ref=later.ref, title=later.title, status="not started", href=file_href(later.path),
                   reason=f"started on {later.started}, after {as_of}")
    return row


@dataclass(frozen=True)
class Review:
    decision: object  # toolkit.records.adr.Decision
    body: str
    related: tuple  # toolkit.actions.adrs.Related
    history: tuple[dict, ...]
    people: tuple[dict, ...]
    missing_roles: tuple[dict, ...]  # {"role", "who": [people who hold it in [people]]}
    roles_known: bool  # whether decisionbook.toml names anyone's role
    prototypes: tuple[dict, ...]
    checklist: tuple  # toolkit.actions.adr_review.CheckItem
    migration: tuple[dict, ...] | None  # one row per phase; None without a migration plan
    sign_off: tuple  # toolkit.actions.adr_review.SignOff
    findings: tuple[Finding, ...]
    as_of: dt.date
    # Which record it reviews: "now", the file as it is (a review of today); "today", the file as it is, for a past
    # day outside git; "then", as the last commit by `as_of` held it, whose `findings` are then only the checks of
    # its own text; "absent", named only, with no commit by then; "unreadable", named only, that commit's record
    # cannot be read (`problem` says why). Named only, it has no people, checklist, sign-off, findings or text.
    shown: str = "now"
    problem: str | None = None
    renamed: object = None  # the record of today (toolkit.records.adr.Decision), where its file had another name then
    ref: str = ""  # the record as the review was asked for (a number, a slug, a file), for the commands it prints

    @property
    def backed_by_evidence(self) -> bool:
        """Whether a cited prototype's evidence recommends keep; a verdict that overrode it does not count."""
        return any(p["recommendation"] == "keep" for p in self.prototypes)

    @property
    def overrides(self) -> list[dict]:
        """Cited prototypes kept against their recommendation."""
        return [p for p in self.prototypes if p["override"]]

    @property
    def closed(self) -> bool:
        """Whether the record was decided (or replaced) already: the review is then a record of the decision."""
        from toolkit.actions.decision_pages import CLOSED

        return self.decision.status in CLOSED

    @property
    def named_only(self) -> bool:
        """Whether nothing written in the record is shown: it had no commit by `as_of`, or that commit's record
        cannot be read."""
        return self.shown in ("absent", "unreadable")

    @property
    def note(self) -> str:
        """Which record the review shows, for a past day; "" for a review of today."""
        day = self.as_of.isoformat()
        if self.shown == "today":
            return outside_git_note(self.as_of)
        if self.shown == "then":
            return (f"Shown as it stood in the last commit on or before {day}: its title, status, people, relations, "
                    "checklist, sign-off and text; later changes, committed or not, are left out.")
        if self.shown == "absent":
            return (f"{self.decision.label} was not in git on {day}: it has no commit on or before that day (or it "
                    "was deleted by then), so nothing written in it is shown.")
        if self.shown == "unreadable":
            return (f"Its last commit on or before {day} holds a record that cannot be read: {self.problem}; nothing "
                    "written in it is shown.")
        return ""

    @property
    def signing(self) -> bool:
        """Whether the review asks for sign-off now: it shows today's record, not yet decided."""
        return self.shown == "now" and not self.closed

    @property
    def to_approve(self) -> list[str]:
        """The decision-makers whose approval of today's text is missing or outdated, where sign-off is asked for."""
        return [s.person for s in self.sign_off if s.decision_maker and s.state != "approved"] if self.signing else []

    def approve_command(self, person: str) -> str:
        """The command that records *person*'s approval of this record's text, quoted for a shell."""
        return shlex.join(["decide", "adr", "approve", self.ref, "--by", person])

    @property
    def acceptable(self) -> bool:
        """Whether `decide adr status N accepted` would pass the review gate."""
        return not any(item.required and item.result == "fail" for item in self.checklist)


def lint_findings(ws: Workspace, decision) -> list[Finding]:
    """What `decide check` reports for this one ADR file."""
    from toolkit.actions.adrs import shown_path
    from toolkit.actions.lint import check

    path = shown_path(ws, decision.path)
    return [f for f in check(ws).findings if f.path == path]


def review(ws: Workspace, ref, as_of: dt.date) -> Review:
    """Everything the design-review report shows for ADR *ref*, with prototypes judged as of *as_of*; for a past
    day in git, the record as its last commit on or before that day held it, as the decision log of that day
    shows it."""
    from toolkit.actions.adr_review import gate
    from toolkit.actions.adrs import show
    from toolkit.records import frontmatter

    if as_of < dt.date.today():
        from toolkit.actions.decision_pages import record_as_of

        then, related, statuses = record_as_of(ws, ref, as_of)
        if statuses == "git":
            return _review_then(ws, then, related, as_of)
    shown = show(ws, ref)
    decision = shown.decision
    # A KEP's fields and approvals are in its kep.yaml: read with its page, as `decide adr approve` wrote them.
    data = sidecar.read(decision.path, ws.config.max_file_bytes, ws.root, shown.path)
    body = body_of(data)
    checked = gate(ws, frontmatter.parse(data, shown.path), decision)
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
        checklist=checked.checklist,
        migration=checked.migration,
        sign_off=checked.sign_off,
        findings=tuple(lint_findings(ws, decision)),
        as_of=as_of,
        shown="today" if as_of < dt.date.today() else "now",
        ref=str(ref),
    )


def _review_then(ws: Workspace, then, related: tuple, as_of: dt.date) -> Review:
    """The review of the record *then* (`toolkit.actions.decision_pages.AsOf`) as it stood on *as_of*: the gate
    run on that commit's text, so an approval or a section written later does not count."""
    from toolkit.actions.adr_review import gate, template_text
    from toolkit.actions.adrs import prototype_titles, shown_path
    from toolkit.actions.lint import own_findings
    from toolkit.records import frontmatter

    decision = then.decision
    # Cards are today's: they name the record by its number of today.
    cited = prototype_titles(ws, decision._replace(number=(then.renamed or decision).number))
    named = dict(decision=decision, related=related, history=tuple(_history(then.history)), roles_known=bool(
        ws.config.people), as_of=as_of, shown=then.shown, problem=then.problem, renamed=then.renamed,
        prototypes=tuple(cited_prototypes(ws, [n for n, _ in cited], as_of)))
    if then.content is None:  # not in git then, or unreadable: nothing written in it is shown
        return Review(body="", people=(), missing_roles=(), checklist=(), migration=None, sign_off=(), findings=(),
                      **named)
    template = template_text(ws, as_of)  # a section is judged by the templates of that day
    checked = gate(ws, frontmatter.parse(then.content, shown_path(ws, decision.path)), decision, template)
    rows, missing = people(ws, decision)
    return Review(body=then.body, people=tuple(rows), missing_roles=tuple(missing), checklist=checked.checklist,
                  migration=checked.migration, sign_off=checked.sign_off,
                  findings=tuple(own_findings(ws, decision, then.content, template)), **named)
