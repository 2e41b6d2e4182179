"""The review gate of one ADR: required sections, template text, the migration plan and sign-off."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit.actions.adr_form import FOLDER_TEMPLATES, TEMPLATES, own_template
from toolkit.actions.adrs import _editing, _write, find_one, shown_path
from toolkit.errors import DecisionbookError
from toolkit.records import approvals, frontmatter
from toolkit.records.adr import BULLETS, MADR, NYGARD, STATUS_LABELS, Decision
from toolkit.records.adr_words import is_rst
from toolkit.records.adr_text import (
    EMPTY,
    PHASES,
    TEMPLATE,
    WRITTEN,
    TemplateText,
    body_lines,
    heading_key,
    list_items,
    migration_phases,
    sections,
)
from toolkit.records.finding import Finding
from toolkit.records.text import one_line
from toolkit.workspace import Workspace, config_inside, config_line

DEFAULT_REQUIRED = {
    MADR: ("Context and Problem Statement", "Considered Options", "Decision Outcome", "Consequences"),
    BULLETS: ("Context and Problem Statement", "Considered Options", "Decision Outcome"),
    NYGARD: ("Context", "Decision", "Consequences"),
}
# What each required section is called in the records teams write, in English and the languages
# decisionbook reads: a heading stands for the section it names (`## Kontext` is a Nygard record's
# Context, `## Decyzja` its Decision, MADR's "Decision Outcome" is the Decision a Nygard-style gate asks for).
_SECTIONS = {
    "context": "context|context and problem statement|problem statement|problem|background|kontext|hintergrund|contexte"
               "|contexte et définition du problème|contexte et énoncé du problème|définition du problème"
               "|contexto|contexto y problema|contexto y planteamiento del problema|contexto e problema"
               "|contexto e enunciado do problema|contesto|contesto e problema|achtergrond|контекст|контекст и проблема"
               "|コンテキスト|文脈|背景|맥락|배경|kontekst"
               "|bakgrunn|bakgrund|bağlam",
    "decision": "decision|decision outcome|decision statement|outcome|proposal|proposed decision|solution"
                "|proposed solution|entscheidung|décision"
                "|résultat de la décision"
                "|decisión|decisão|resultado de la decisión|resultado da decisão|esito della decisione"
                "|decisione|besluit|beslissing|решение|決定|决定|决策|결정|beslutning|beslut|beslutt|decyzja|karar"
                "|alınan karar",
    # MADR 2 splits them under Decision Outcome: `### Positive Consequences`, `### Negative Consequences`.
    "consequences": "consequences|consequence|positive consequences|negative consequences|implications"
                    "|konsequenzen|auswirkungen"
                    "|conséquences|영향"
                    "|impacts positifs|impacts négatifs|consecuencias|consequências"
                    "|conseguenze|gevolgen|consequenties|последствия|結果|影響|后果|影响|결과|konsekvenser"
                    "|konsekwencje|skutki|sonuçlar",
    "options": "considered options|options considered|alternatives|alternatives considered|options|alternativen"
               "|betrachtete optionen"
               "|options envisagées|solutions étudiées|alternativas|opciones consideradas|opções consideradas"
               "|alternative"
               "|alternatieven|альтернативы|рассмотренные варианты|検討した選択肢|代替案|备选方案|考虑的选项"
               "|고려한 옵션|대안|alternativer|alternatywy|alternatifler|değerlendirilen alternatifler",
}
_SECTION = {name: section for section, names in _SECTIONS.items() for name in names.split("|")}
_OPTIONS = frozenset(_SECTIONS["options"].split("|"))
# Headings only MADR's templates write, every one of them: a body that has one is written as MADR,
# whatever its form. (A Nygard record may add Decision Drivers or call its Decision an outcome.)
_MADR_HEADINGS = frozenset(("context and problem statement", "considered options"))
_STATE_TEXT = {TEMPLATE: "still the template's text", EMPTY: "empty"}
_MAX_TEMPLATE = 1 << 20


@dataclass(frozen=True)
class CheckItem:
    item: str
    result: str  # "pass" | "fail" | "warn"
    detail: str
    required: bool = False  # a failing required item stops `decide adr status N accepted`


@dataclass(frozen=True)
class SignOff:
    person: str
    state: str  # "approved" | "approval outdated" | "outstanding"
    date: str | None  # of the approval
    decision_maker: bool


def _bundled_templates() -> list[Path]:
    from toolkit.bundled import templates_dir

    return [templates_dir() / f"{name}.md" for name in TEMPLATES] + [templates_dir() / "nygard.rst"]


def _team_templates(ws: Workspace) -> list[Path]:
    """The templates the team keeps in its workspace: `[adr] template`, `[review] templates` and the ADR folder's."""
    files = []
    own = ws.config.adr_template
    named = [("adr", "template", own)] if own and own not in TEMPLATES else []
    for table, key, name in named + [("review", "templates", name) for name in ws.config.review_templates]:
        path = config_inside(ws.root, name, table, key)
        if not path.is_file():
            raise DecisionbookError(f"template {name!r} is not a file", ws.config_path,
                                    config_line(ws.config_path, table, key))
        files.append(path)
    files += [ws.adr_dir / name for name in FOLDER_TEMPLATES if (ws.adr_dir / name).is_file()]
    own = own_template(ws)
    files += [own] if own is not None and own not in files else []
    return files


def template_text(ws: Workspace, day: _dt.date | None = None) -> TemplateText:
    """The text of the templates whose text is not content: the bundled ones and the team's; with *day*, the team's
    as the last commit on or before it held them (one not in that commit was no template then), so that a review
    of that day judges its text by the templates of that day."""
    team = _team_templates(ws)
    paths = _bundled_templates() + team
    datas = [_template_data(path) for path in paths]
    if day is not None:
        from toolkit.history.snapshot import contents_on_day

        then = contents_on_day(ws.root, team, day)
        if then is not None:
            datas = [then.get(path, data) for path, data in zip(paths, datas)]
    kept = [(path, data) for path, data in zip(paths, datas) if data is not None]
    return TemplateText([frontmatter.decode(data, path) for path, data in kept], tuple(is_rst(p) for p, _ in kept),
                        team=sum(1 for path, _ in kept if path in team))


def _template_data(path: Path) -> bytes:
    if path.stat().st_size > _MAX_TEMPLATE:
        raise DecisionbookError("a template larger than 1 MB is not a template", path)
    return path.read_bytes()


def required_sections(ws: Workspace, form: str, found=(), headings: frozenset[str] | None = None) -> tuple[str, ...]:
    """The sections an ADR in *form* with the sections *found* must have written: `[review] required`,
    else the defaults of how its body is written (a MADR body, a Nygard body), else of its form; with the
    *headings* of the team's own templates, only those of the defaults that a template of theirs asks for."""
    configured = ws.config.review_required
    if form in configured:
        return configured[form]
    if "*" in configured:
        return configured["*"]
    keys = {heading_key(section.title) for section in found if section.level >= 2}
    if keys & _MADR_HEADINGS:
        required = DEFAULT_REQUIRED[form if form in (MADR, BULLETS) else BULLETS]
    elif any(key in _SECTION for key in keys):
        required = DEFAULT_REQUIRED[NYGARD]
    else:
        required = DEFAULT_REQUIRED.get(form, DEFAULT_REQUIRED[NYGARD])
    if headings is None:
        return required
    asked = {_section_key(heading) for heading in headings}
    return tuple(name for name in required if _section_key(name) in asked)


def template_findings(
    ws: Workspace, decision: Decision, template: TemplateText | None = None, data: bytes | None = None
) -> list[Finding]:
    """One warning per section of the ADR whose text is still its template's (what `decide check` reports).

    *template* and the file's *data* may be passed in when checking many ADRs at once.
    """
    where = shown_path(ws, decision.path)
    text = frontmatter.decode(decision.path.read_bytes() if data is None else data, where)
    template = template or template_text(ws)
    if not template.anywhere(text):
        return []
    lines, start = body_lines(text)
    return [
        Finding(where, section.line, "warning", f'section "{section.title}" is still the template\'s text')
        for section in sections(lines, start, rst=is_rst(decision.path))
        if section.level >= 2 and heading_key(section.title) not in STATUS_LABELS
        and template.state(section) == TEMPLATE
    ]


def approval_findings(ws: Workspace, decision: Decision, data: bytes | None = None) -> list[Finding]:
    """A warning for each recorded approval that cannot be read (it then counts as no approval)."""
    data = decision.path.read_bytes() if data is None else data
    if b"pprovals:" not in data:  # `approvals:`, or `Approvals:` in a capitalised header
        return []
    where = shown_path(ws, decision.path)
    _, problems = approvals.read(frontmatter.parse(data, where), decision)
    return [Finding(where, line, "warning", message) for line, message in problems]


# A heading with a note in brackets: `背景 (Context)`, `决策（建议默认）`, `Decision (recommended default)`.
_NOTED = re.compile(r"(.*?)\s*[(（]([^()（）]*)[)）]\s*")


def _section_key(title: str) -> str:
    """The section a heading names: its words, else the words before or inside a bracketed note."""
    key = heading_key(title)
    if key not in _SECTION and (noted := _NOTED.fullmatch(key)):
        return next((_SECTION[part] for part in map(heading_key, noted.groups()) if part in _SECTION), key)
    return _SECTION.get(key, key)


def _section_items(found, required: tuple[str, ...], template: TemplateText) -> list[CheckItem]:
    wanted = {_section_key(name): name for name in required}
    items, seen = [], set()
    for section in found:
        key = _section_key(section.title)
        if section.level < 2 or key in STATUS_LABELS:  # a status section says the status, in any language
            continue
        state = template.state(section)
        is_required = key in wanted and key not in seen
        seen.add(key)
        if state == WRITTEN and is_required:
            items.append(CheckItem(f'section "{section.title}"', "pass", "written", True))
        elif state == TEMPLATE or (is_required and state == EMPTY):
            items.append(CheckItem(f'section "{section.title}"', "fail", _STATE_TEXT[state], is_required))
    for key, name in wanted.items():
        if key not in seen:
            items.append(CheckItem(f'section "{name}"', "fail", "missing", True))
    options = next((s for s in found if heading_key(s.title) in _OPTIONS), None)
    if options is not None and template.state(options) == WRITTEN:
        count = list_items(template.written(options.text))
        items.append(CheckItem("at least two considered options", "pass" if count >= 2 else "warn",
                               f"{count} option{'s' if count != 1 else ''} listed"))
    return items


def migration_rows(found, template: TemplateText) -> list[dict] | None:
    """The migration plan, one row per phase: what ships, how it is verified, how it rolls back,
    whether the text says it ships separately from the code change; None without a plan section."""
    plan = next((s for s in found if "migration" in heading_key(s.title)), None)
    if plan is None:
        return None
    return [
        {"phase": p.name, "written": p.written, "ships": p.ships, "verified": p.verified,
         "rollback": p.rollback, "separate": p.separate}
        for p in migration_phases(plan.text, template)
    ]


def _migration_items(rows: list[dict] | None) -> list[CheckItem]:
    if rows is None:
        return [CheckItem("migration plan", "fail", "data-change: true but no Migration plan section", True)]
    items, without = [], []
    for phase in PHASES:
        row = next((r for r in rows if r["phase"] == phase), None)
        if row is None:
            detail = "not in the plan"
        elif not row["written"]:
            detail = "still the template's text"
        elif not row["ships"]:
            detail = "does not say what ships"
        elif not row["rollback"]:
            detail = "does not say how it rolls back"
        else:
            detail = ""
        if row is None or not row["rollback"]:
            without.append(phase)
        items.append(CheckItem(f"migration plan: {phase}", "fail" if detail else "pass",
                               detail or "says what ships and how it rolls back", True))
    items.append(CheckItem("migration plan: rollback", "fail" if without else "pass",
                           f"no rollback for: {', '.join(without)}" if without else "every phase says how to roll back",
                           True))
    order = [r["phase"] for r in rows if r["phase"] in PHASES and r["written"]]
    items.append(CheckItem(
        "expand, switch and contract ship separately", "pass" if order == list(PHASES) else "warn",
        "separate steps, in that order" if order == list(PHASES)
        else f"found {', '.join(order) or 'no written phase'}; expected each once, in the order expand, switch, contract",
    ))
    return items


def sign_off(doc: frontmatter.Document, decision: Decision) -> list[SignOff]:
    """Each decision-maker (and anyone else who approved): approved, approval outdated or outstanding."""
    recorded, _ = approvals.read(doc, decision)
    current = approvals.approved_hashes(doc, decision)
    rows = []
    for person in (*decision.decision_makers, *(a.by for a in recorded)):
        if any(r.person.casefold() == person.casefold() for r in rows):
            continue
        mine = next((a for a in recorded if a.by.casefold() == person.casefold()), None)
        state = "outstanding" if mine is None else ("approved" if mine.content in current else "approval outdated")
        maker = any(m.casefold() == person.casefold() for m in decision.decision_makers)
        rows.append(SignOff(person, state, mine.date if mine else None, maker))
    return rows


def _sign_off_item(ws: Workspace, rows: list[SignOff], decision: Decision) -> CheckItem:
    """Enough current approvals from decision-makers (from anyone, when the ADR names none)."""
    makers = [r for r in rows if r.decision_maker]
    counted = makers if decision.decision_makers else rows
    approved = [r.person for r in counted if r.state == "approved"]
    needed = ws.config.approvals_needed
    if needed is None:
        needed = len(makers)
    if len(approved) >= needed:
        detail = f"{len(approved)} approval(s), {needed} needed" if needed else "no approvals needed"
        return CheckItem("sign-off", "pass", detail, True)
    waiting = [f"{r.person} ({r.state})" for r in counted if r.state != "approved"]
    detail = f"{len(approved)} of {needed} approval(s) needed" + (f"; waiting for {', '.join(waiting)}" if waiting else "")
    return CheckItem("sign-off", "fail", detail, True)


@dataclass(frozen=True)
class Gate:
    """What the review gate found for one ADR."""

    checklist: tuple[CheckItem, ...]
    migration: tuple[dict, ...] | None
    sign_off: tuple[SignOff, ...]

    @property
    def blocking(self) -> list[CheckItem]:
        """The failing items that stop acceptance."""
        return [item for item in self.checklist if item.required and item.result == "fail"]


def gate(ws: Workspace, doc: frontmatter.Document, decision: Decision, template: TemplateText | None = None) -> Gate:
    """The checklist of *decision* (read as *doc*) against *template* (default: the templates of today), its
    migration plan rows and who has signed off."""
    template = template or template_text(ws)
    found = sections(doc.text_lines(), doc.body_start, rst=is_rst(doc.path))
    items = _section_items(found, required_sections(ws, decision.form, found, template.headings), template)
    rows = migration_rows(found, template)
    if decision.data_change:
        items += _migration_items(rows)
    people = sign_off(doc, decision)
    items.append(_sign_off_item(ws, people, decision))
    return Gate(tuple(items), tuple(rows) if rows is not None else None, tuple(people))


def review_gate(ws: Workspace, ref) -> Gate:
    """The gate for ADR *ref*, read fresh from its file."""
    doc, decision = find_one(ws, ref)
    return gate(ws, doc, decision)


def require_acceptable(ws: Workspace, doc: frontmatter.Document, decision: Decision) -> None:
    """Refuse (exit 1) to accept an ADR whose required items fail, naming each of them."""
    from toolkit.errors import CheckFailed

    blocking = gate(ws, doc, decision).blocking
    if blocking:
        listed = "".join(f"\n  {item.item}: {item.detail}" for item in blocking)
        raise CheckFailed(
            f"{decision.label} cannot be accepted yet (--force accepts it anyway):{listed}",
            shown_path(ws, decision.path),
        )


@dataclass(frozen=True)
class Approved:
    decision: Decision
    by: str
    date: str
    content: str  # the hash of the text approved
    changed: bool  # False when the same approval was already recorded

    @property
    def counted(self) -> bool:
        """Whether the approval counts toward sign-off: the approver is a decision-maker, or none is named."""
        makers = self.decision.decision_makers
        return not makers or any(maker.casefold() == self.by.casefold() for maker in makers)


def approve(ws: Workspace, ref, by: str | None = None, date: _dt.date | None = None) -> Approved:
    """Record *by*'s approval of ADR *ref*'s current text (default approver: git's user.name, else the login name)."""
    if by is None:
        from toolkit.history.identity import user_name

        by = user_name(ws.root)
        if not by:
            raise DecisionbookError("no approver: name one with --by (git has no user.name and there is no login name)")
    by = one_line(by, "approver")
    day = (date or _dt.date.today()).isoformat()
    with _editing(ws, ref) as (doc, decision):
        before = doc.to_bytes()
        after, digest = approvals.approve(doc, decision, by, day)
        changed = _write(ws, decision.path, before, after)
    return Approved(decision, by, day, digest, changed)
