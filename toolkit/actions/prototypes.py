"""Prototype cards as operations: create, find by reference, list, show, and edit their criteria."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from toolkit import bundled
from toolkit.actions.numbering import create_numbered
from toolkit.errors import DecisionbookError
from toolkit.judge import goalposts
from toolkit.records import columns, days, files, frontmatter, parsecache, prototype
from toolkit.records.criteria import AGGREGATES, parse_expr, parse_number
from toolkit.records.finding import Finding
from toolkit.records.prototype import Prototype
from toolkit.records.refname import branch_name_problem
from toolkit.records.slug import slugify
from toolkit.records.text import digits_hint, one_line
from toolkit.workspace import Workspace

_REF = re.compile(r"^(?:[Pp]-?)?([0-9]{1,4})$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_TIMEBOX = re.compile(r"^([0-9]{1,3})([dw])$")


def parse_ref(ref: str | int) -> int:
    """The number in a prototype reference: `P7`, `P-0007` or `7`."""
    match = _REF.match(str(ref).strip())
    if not match or int(match.group(1)) == 0:
        raise DecisionbookError(f"{str(ref)!r} is not a prototype reference; write P7, P-0007 or 7{digits_hint(str(ref))}")
    return int(match.group(1))


def parse_date(text: str, what: str = "date") -> dt.date:
    """A calendar date written YYYY-MM-DD within days.FIRST to days.LAST; anything else is refused."""
    if isinstance(text, dt.date):
        day = text
    else:
        try:
            day = dt.date.fromisoformat(text.strip()) if _DATE.match(text.strip()) else None
        except ValueError:
            day = None
        if day is None:
            raise DecisionbookError(f"{what} {text!r} is not a date; write YYYY-MM-DD, e.g. 2026-11-20")
    if not days.in_range(day):
        raise DecisionbookError(f"{what} {str(text)!r} is outside the days decisionbook takes ({days.SPAN})")
    return day


def card_path(ws: Workspace, ref: str | int) -> Path:
    number = parse_ref(ref)
    matches = sorted(ws.proto_dir.glob(f"{number:04d}-*.md")) if ws.proto_dir.is_dir() else []
    if not matches:
        raise DecisionbookError(f"no prototype P{number}: no {number:04d}-*.md in {ws.relative(ws.proto_dir)}/")
    if len(matches) > 1:
        names = ", ".join(ws.relative(p) for p in matches)
        raise DecisionbookError(f"P{number} is ambiguous: {names} share the number; renumber one of them")
    return matches[0]


def load(ws: Workspace, ref: str | int) -> Prototype:
    # Only from inside the workspace, as `read_cards` reads every card: a link out is refused, not followed.
    return prototype.read(card_path(ws, ref), ws.config.max_file_bytes, ws.root)


@dataclass(frozen=True)
class CardsRead:
    """Every card that parses, and an error finding for each one that does not."""

    cards: tuple[Prototype, ...]
    problems: tuple[Finding, ...]


# A card's name as `prototype.CARD_NAME` takes it (P10000 on has five digits), with the file system's case rule.
_CARD_FILE = re.compile(r"(?:[0-9]{4}|[1-9][0-9]{4,})-.*\.md", re.S | (re.I if os.path.normcase("A") == "a" else 0))


def _card_paths(folder: Path) -> list[Path]:
    """The card files in *folder*, in number order (P9999 before P10000), names breaking ties; listing the
    names costs far less than globbing for them."""
    try:
        names = os.listdir(folder)
    except OSError:  # no folder, or one we may not list: no cards, as globbing gives
        return []
    cards = sorted((int(name[: name.index("-")]), name) for name in names if _CARD_FILE.fullmatch(name))
    return [folder / name for _, name in cards]


def read_cards(ws: Workspace, keep: bool = True) -> CardsRead:
    """Every card of the workspace, each taken from the parse cache when kept there; *keep* keeps what was
    parsed (False: another process keeps it)."""
    cards, problems, numbers = [], [], {}
    folder = ws.proto_dir
    paths = _card_paths(folder)
    cache = parsecache.Store(ws.root, "cards", paths)
    for path in paths:
        try:
            data = files.read_bytes(path, ws.config.max_file_bytes, ws.root)
        except OSError as exc:
            problems.append(Finding(ws.relative(path), None, "error", f"cannot read: {exc.strerror}"))
            continue
        except DecisionbookError as exc:
            problems.append(Finding(ws.relative(path), None, "error", exc.message))
            continue
        key = (str(path), parsecache.digest(data)) if cache.enabled else None  # no cache folder: nothing is kept
        card = cache.get(key) if key else None
        if card is None:
            try:
                card = prototype.from_document(frontmatter.parse(data, path))
            except DecisionbookError as exc:
                problems.append(Finding(ws.relative(path), exc.line, "error", exc.message))
                continue
            if key:
                # Triage compares every card's hash, so the cache keeps it; a criterion's own is asked for
                # only where the goalposts moved.
                card.criteria_hash  # noqa: B018 - a cached property, computed for its side effect
                cache.put(key, card)
        if card.number in numbers:
            problems.append(Finding(ws.relative(path), None, "error",
                                    f"P{card.number} is also {ws.relative(numbers[card.number])}; renumber one of them"))
            continue
        numbers[card.number] = path
        cards.append(card)
    if keep:
        cache.save()
    return CardsRead(tuple(cards), tuple(problems))


def earlier_definitions(ws: Workspace, cards: Iterable[Prototype]) -> goalposts.Earlier:
    """The criteria *cards* had in each version committed on HEAD's history of their own files."""
    return goalposts.earlier(committed_cards(ws, cards))


def committed_cards(ws: Workspace, cards: Iterable[Prototype]) -> list[Prototype]:
    """Every version of *cards* committed on HEAD's history of their own files that still parses."""
    paths = [card.path for card in cards]
    if not paths:
        return []  # asked only where goalposts moved: no git process otherwise
    from toolkit.history.snapshot import committed_versions

    versions = []
    for path, contents in committed_versions(ws.root, paths).items():
        for data in contents:
            try:
                versions.append(prototype.from_document(frontmatter.parse(data, path)))
            except DecisionbookError:
                continue  # a version that does not parse tells nothing of its criteria
    return versions


def _deadline(deadline, timebox, today: dt.date) -> dt.date | None:
    if deadline is not None and timebox is not None:
        raise DecisionbookError("give --deadline or --timebox, not both")
    if timebox is not None:
        match = _TIMEBOX.match(timebox.strip().lower())
        if not match:
            raise DecisionbookError(f"timebox {timebox!r} is not understood; write days or weeks, e.g. 10d or 2w")
        days = int(match.group(1)) * (7 if match.group(2) == "w" else 1)
        return today + dt.timedelta(days=days)
    return parse_date(deadline, "deadline") if deadline is not None else None


def new(
    ws: Workspace,
    title: str,
    owner: str | None = None,
    deadline: str | None = None,
    timebox: str | None = None,
    branch: str | None = None,
    decisions: tuple[int, ...] = (),
    today: dt.date | None = None,
) -> Path:
    """Create `prototypes/NNNN-slug.md` from the card template with the next free number."""
    today = today or dt.date.today()
    title = one_line(title, "title")
    values = {"title": frontmatter.scalar(title), "started": today.isoformat()}
    if owner is not None:
        values["owner"] = frontmatter.scalar(one_line(owner, "owner"))
    end = _deadline(deadline, timebox, today)
    if end is not None and end < today:
        raise DecisionbookError(f"deadline {end} is before the card starts, on {today}")
    if end is not None:
        values["deadline"] = end.isoformat()
    if branch is not None:
        # Refused here by the rule `decide check` applies to the card, so no card is written that check fails.
        branch = one_line(branch, "branch")
        why = branch_name_problem(branch)
        if why:
            raise DecisionbookError(f"branch {branch!r} is not a name git accepts: {why}")
        values["branch"] = frontmatter.scalar(branch)
    if any(n <= 0 for n in decisions):
        raise DecisionbookError("--decision takes an ADR number such as 12")
    if decisions:
        values["decisions"] = frontmatter.flow_list(sorted(set(decisions)))
    template = (bundled.templates_dir() / "prototype.md").read_bytes()
    data = prototype.fill_template(template, values)
    return create_numbered(ws.root, ws.proto_dir, slugify(title), lambda number: data)


def summary(ws: Workspace, card: Prototype) -> dict:
    """A card as a flat row for listings and JSON."""
    return {
        "prototype": card.number,
        "ref": card.ref,
        "title": card.title,
        "status": card.status,
        "owner": card.owner,
        "started": card.started.isoformat() if card.started else None,
        "deadline": card.deadline.isoformat() if card.deadline else None,
        "branch": card.branch,
        "decisions": list(card.decisions),
        "criteria": len(card.criteria),
        "path": _shown(ws, card.path),
    }


def _shown(ws: Workspace, path: Path) -> str:
    # Cards come from globbing the resolved prototypes folder, so no resolve() per card is needed,
    # and cutting the root's text off is what relative_to does, at a fraction of the cost per card.
    prefix, text = str(ws.root).rstrip("/") + "/", str(path)
    if os.sep == "/" and text.startswith(prefix):
        return text[len(prefix) :]
    try:
        return path.relative_to(ws.root).as_posix()
    except ValueError:
        return ws.relative(path)


def list_cards(ws: Workspace, status: str | None = None) -> tuple[list[dict], tuple[Finding, ...]]:
    """The cards (only *status* when given) as rows in file order, and the cards that could not be read.

    A card that could not be read is a row too, with status `unreadable` and the `line` and `problem`
    that say why: its status cannot be told, so it is listed whatever *status* asks for.
    """
    read = read_cards(ws)
    rows = [summary(ws, c) for c in read.cards if status is None or c.status == status]
    if read.problems:
        rows = sorted(rows + [unreadable_row(problem) for problem in read.problems], key=lambda row: row["path"])
    return rows, read.problems


def unreadable_row(problem: Finding) -> dict:
    """A card that could not be read, as a listing row: its number from the file name, nothing from inside."""
    number = prototype.card_number(Path(problem.path))
    return {"prototype": number, "ref": f"P{number}" if number is not None else None, "title": None,
            "status": "unreadable", "owner": None, "started": None, "deadline": None, "branch": None, "decisions": [],
            "criteria": None, "path": problem.path, "line": problem.line, "problem": problem.message}


def unreadable_error(problems: tuple[Finding, ...]) -> DecisionbookError | None:
    """The first card that could not be read, as the error naming it (and how many more), or None."""
    if not problems:
        return None
    first, more = problems[0], len(problems) - 1
    suffix = f" (and {more} more cards that could not be read)" if more else ""
    return DecisionbookError(first.message + suffix, first.path, first.line)


def add_criterion(
    ws: Workspace,
    ref: str | int,
    criterion_id: str,
    target: str,
    kill: str | None = None,
    must: bool = False,
    weight: str | float | None = None,
    metric: str | None = None,
    aggregate: str | None = None,
) -> CriterionEdit:
    """Register a criterion on the card; the expressions are checked before anything is written. Evidence
    recorded under another definition with this id is a warning: the goalposts moved."""
    if not prototype.CRITERION_ID.match(criterion_id):
        raise DecisionbookError(f"criterion id {criterion_id!r}: use {prototype.CRITERION_ID_RULE}")
    target_expr = parse_expr(target, "target")
    fields: dict = {"id": criterion_id}
    if metric is not None:
        fields["metric"] = one_line(metric, "metric")
    fields["target"] = str(target_expr)
    if kill is not None:
        kill_expr = parse_expr(kill, "kill")
        if kill_expr.is_yes_no != target_expr.is_yes_no:
            raise DecisionbookError("target and kill must both be yes/no or both be numeric")
        fields["kill"] = str(kill_expr)
    if must:
        fields["must"] = True
    if weight is not None:
        number = parse_number(str(weight))
        if number is None or number <= 0:
            raise DecisionbookError(f"weight {weight!r} must be a positive number")
        fields["weight"] = int(number) if number.is_integer() else number
    if aggregate is not None:
        if aggregate not in AGGREGATES:
            raise DecisionbookError(f"aggregate must be one of {', '.join(AGGREGATES)}")
        if target_expr.is_yes_no and aggregate in ("median", "mean"):
            raise DecisionbookError("a yes/no criterion aggregates by latest, min or max")
        fields["aggregate"] = aggregate
    before = load(ws, ref)
    card = prototype.add_criterion(before.path, fields, limit=ws.config.max_file_bytes)
    return CriterionEdit(card, _moved_warning(ws, card, criterion_id, before))


def remove_criterion(ws: Workspace, ref: str | int, criterion_id: str) -> CriterionEdit:
    """Take a criterion off the card; its evidence stays in the ledger, and if there is any, the goalposts moved."""
    before = load(ws, ref)
    card = prototype.remove_criterion(before.path, criterion_id, limit=ws.config.max_file_bytes)
    return CriterionEdit(card, _moved_warning(ws, card, criterion_id, before))


@dataclass(frozen=True)
class CriterionEdit:
    """A card after a criterion was added or removed; *warning* when that moved the goalposts of evidence."""

    card: Prototype
    warning: str | None = None


def _moved_warning(ws: Workspace, card: Prototype, criterion_id: str, before: Prototype) -> str | None:
    """What to say when evidence for *criterion_id* was recorded under another definition than *card* has now
    (*before*: the card before the edit), as triage will flag it."""
    from toolkit.actions.ledgers import read_evidence  # it reads cards through this module

    mine = columns.select(read_evidence(ws).entries, lambda n, c: n == card.number and c == criterion_id,
                          "prototype", "criterion")
    if not goalposts.moved(card, mine):
        return None
    # With the definitions known from before, an entry without its own criterion hash may turn out unmoved.
    found = goalposts.moved(card, mine, goalposts.earlier([before, *committed_cards(ws, [card])]))
    return f"{goalposts.said(found[0])}. Triage will flag {card.ref} as goalposts moved." if found else None
