"""Keep, iterate and discard: a verdict with its reason, the recommendation it met or overrode, the card's status."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, replace

from toolkit.actions import unfinished
from toolkit.actions.archive import archive_prototype_branch, ensure_archivable
from toolkit.actions.ledgers import read_effort, read_verdicts, require_whole, who
from toolkit.actions.prototypes import card_path, parse_date, read_cards
from toolkit.actions.triage import card_records, judge_stood
from toolkit.actions.unfinished import STATUS_AFTER
from toolkit.errors import DecisionbookError
from toolkit.history.archive import Archived
from toolkit.judge import audit as sunk_audit
from toolkit.judge.merit import Judgement
from toolkit.judge.sunkcost import is_override
from toolkit.records import atomic, files, ledger, prototype
from toolkit.records.ledger import Verdict
from toolkit.records.prototype import Prototype
from toolkit.records.text import one_line
from toolkit.workspace import Workspace

# A reason that leans on what was spent, not on what was measured: `we already invested 40 hours`.
_EFFORT_WORDS = re.compile(r"\b(?:\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|person[- ]?(?:days?|weeks?|months?)|sprints?)"
                           r"|invest(?:ed|ment)|sunk|spent|effort)\b", re.IGNORECASE)


@dataclass(frozen=True)
class VerdictResult:
    entry: Verdict
    card: Prototype  # as it is after the verdict
    judgement: Judgement  # the recommendation the verdict met or overrode
    archived: Archived | None = None  # the branch a discard archived under archive/<branch>
    branch_left_for: tuple[str, ...] = ()  # the cards still naming the branch a discard left as it is
    finished: bool = False  # *entry* was recorded before, by a command that ended before it wrote the card

    @property
    def override(self) -> bool:
        return is_override(self.entry.verdict, self.judgement.recommendation)

    @property
    def effort_words(self) -> str | None:
        """The words of the reason that speak of effort spent (`40 hours`, `invested`), or None: a verdict
        rests on evidence, and effort already spent is sunk."""
        found = _EFFORT_WORDS.search(self.entry.reason)
        return found.group() if found else None


def _judging_day(as_of: dt.date | None, today: dt.date | None = None) -> dt.date:
    """The day a verdict is judged as of: *as_of*, default *today* (read now when not given); a day to come is
    refused, since the recommendation recorded beside the verdict would be one nobody could have seen when it
    was given."""
    today = today or dt.date.today()
    if as_of is not None and as_of > today:
        raise DecisionbookError(f"as-of {as_of} is in the future; a verdict is judged on what is known by today "
                                f"({today}) or an earlier day")
    return as_of or today


def _record(ws: Workspace, ref, verdict: str, reason: str, by: str | None, day: dt.date,
            deadline: dt.date | None = None, archives: str | None = None) -> VerdictResult:
    """Append the verdict with the recommendation and merit as of *day* (from `_judging_day`: judged on the
    criteria of that day, whose hash is recorded with them), then set the card's status (and *deadline*).
    A discard names the branch it *archives*, so `decide check` can tell a branch it left from one kept.

    A card left behind its latest verdict by a command that ended between the two writes is first written as
    that verdict says; given again, that verdict (with the same deadline) is then done, not recorded twice.
    """
    reason = one_line(reason or "", "reason (--reason)")
    by = who(ws, by)  # asks git: done before the lock, so no one waits on it
    path = card_path(ws, ref)
    # The card is locked from the check to the last write, so verdicts given at once come out as given
    # one after another: a second keep is refused, and each deadline replaced is the one the card had.
    with files.locked(path, ws.relative(path)):
        card = prototype.read(path, ws.config.max_file_bytes, ws.root)
        last, _ = unfinished.latest(read_verdicts(ws)).get(card.number, (None, None))
        left = last is not None and unfinished.behind(card, last)
        if left:
            target = unfinished.caught_up(card, last)
            card = _write_card(ws, card, target.status, target.deadline if last.deadline else None)
            if last.verdict == verdict and last.deadline == (deadline.isoformat() if deadline else None):
                stood = card_records(ws, card, day)
                return VerdictResult(last, card, judge_stood(ws, stood, day), finished=True)
        if verdict != "iterate" and card.status == STATUS_AFTER[verdict]:
            raise DecisionbookError(f"{card.ref} is {card.status} already; a second {verdict} would count twice in "
                                    "the sunk-cost audit", ws.relative(path))
        stood = card_records(ws, card, day)  # judged as `decide triage --as-of` judges that day
        judgement = judge_stood(ws, stood, day)
        entry = Verdict(
            ledger.new_id(), ledger.now(), card.number, verdict, reason, judgement.recommendation, judgement.merit,
            # The hash of the criteria the merit was computed from: that day's (ADR 0028), not the card's now.
            stood.cards[0].criteria_hash, by,
            deadline.isoformat() if deadline is not None else None,
            card.deadline.isoformat() if deadline is not None and card.deadline is not None else None,
            card.status, archives,
        )
        # Ctrl-C waits for the card: the verdict and the status it gives are written together (ADR 0215).
        with atomic.uninterrupted():
            ledger.append(ws.verdict_ledger, entry)
            card = _write_card(ws, card, STATUS_AFTER[verdict], deadline)
    return VerdictResult(entry, card, judgement)


def _write_card(ws: Workspace, card: Prototype, status: str, deadline: dt.date | None) -> Prototype:
    """*card* with *status*, and *deadline* when given, written where they differ from what it says."""
    if card.status != status:
        card = prototype.set_status(card.path, status, limit=ws.config.max_file_bytes)
    if deadline is not None:
        card = prototype.set_deadline(card.path, deadline, limit=ws.config.max_file_bytes)
    return card


def keep(ws: Workspace, ref, reason: str, by: str | None = None, as_of: dt.date | None = None) -> VerdictResult:
    """Keep the prototype: its card becomes `kept`."""
    return _record(ws, ref, "keep", reason, by, _judging_day(as_of))


def iterate(
    ws: Workspace, ref, reason: str, deadline: str | None = None, by: str | None = None, as_of: dt.date | None = None
) -> VerdictResult:
    """Keep working on the prototype (status `active`), optionally with a new deadline."""
    new_deadline = parse_date(deadline, "deadline") if deadline is not None else None
    # Read once: an iterate running across midnight checks its deadline and judges on one day, not on two.
    today = dt.date.today()
    day = _judging_day(as_of, today)
    # A verdict recorded late (--as-of) still sets a deadline to come: one passed already makes the card overdue.
    if new_deadline is not None and new_deadline < today:
        raise DecisionbookError(f"deadline {new_deadline} has passed already; give the day the next round ends")
    return _record(ws, ref, "iterate", reason, by, day, new_deadline)


def discard(
    ws: Workspace, ref, reason: str, by: str | None = None, as_of: dt.date | None = None, keep_branch: bool = False
) -> VerdictResult:
    """Discard the prototype: the verdict is recorded, its card becomes `discarded`, and its branch is
    tagged `archive/<branch>` and deleted unless *keep_branch* (a branch in use is refused first), or
    another card not discarded names it too: that prototype's work goes on there."""
    day = _judging_day(as_of)  # refused before the branch is looked at, and judged on that one day
    card = prototype.read(card_path(ws, ref), ws.config.max_file_bytes, ws.root)
    branch = None if keep_branch else card.branch
    # Under the folder's lock, so of two cards sharing a branch discarded at once, the second sees the first's verdict.
    with atomic.folder_lock(ws.proto_dir) if branch else contextlib.nullcontext():
        left_for = tuple(other.ref for other in read_cards(ws).cards if branch and other.branch == branch
                         and other.number != card.number and other.status != STATUS_AFTER["discard"])
        if left_for:
            branch = None
        ensure_archivable(ws, branch, card.path)
        result = (_archive_left(ws, card, branch, day)
                  or _record(ws, ref, "discard", reason, by, day, archives=branch))
        try:
            archived = result.archived or archive_prototype_branch(ws, branch, result.entry.reason)
        except DecisionbookError as exc:
            # The verdict stands; git refused the tag (a signing key it cannot use, say). Giving the verdict again
            # archives the branch without recording it twice (ADR 0215).
            finish = f"once git can make the tag, run `decide discard {card.ref} --reason ...` again to archive it"
            raise DecisionbookError(f"{card.ref} is discarded, but its branch {branch!r} is not archived: "
                                    f"{exc.message}; {finish}", exc.path, exc.line) from None
        return replace(result, archived=archived, branch_left_for=left_for)


def _archive_left(ws: Workspace, card: Prototype, branch: str | None, day: dt.date) -> VerdictResult | None:
    """The discard of *card* finished, where it was recorded and written on the card but the command ended before
    it archived *branch*: the branch archived now, nothing recorded twice. None where there is no such branch."""
    if not branch:
        return None
    card = prototype.read(card.path, ws.config.max_file_bytes, ws.root)  # as the folder's lock found it
    last, _ = unfinished.latest(read_verdicts(ws)).get(card.number, (None, None))
    if card.status != STATUS_AFTER["discard"] or last is None or last.verdict != "discard":
        return None
    archived = archive_prototype_branch(ws, branch, last.reason)
    if archived is None:
        return None
    return VerdictResult(last, card, judge_stood(ws, card_records(ws, card, day), day), archived, finished=True)


def audit(ws: Workspace) -> sunk_audit.Audit:
    """The sunk-cost audit over every verdict recorded; refused while a ledger it counts cannot be read, as
    an audit of none of the verdicts would read as one of a team that has given none."""
    verdicts, effort = read_verdicts(ws), read_effort(ws)
    require_whole(verdicts, effort, until="no audit is made")
    return sunk_audit.audit(verdicts.entries, effort.entries)
