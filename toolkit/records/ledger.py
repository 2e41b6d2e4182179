"""JSON Lines ledgers of effort, evidence and verdicts: entries, ids, one-line appends, tolerant reading."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import os
import re
import time
from collections.abc import Mapping, Sequence
from array import array
from dataclasses import dataclass, field, fields
from operator import itemgetter, methodcaller
from pathlib import Path
from types import MappingProxyType

from toolkit.errors import DecisionbookError
from toolkit.records import atomic, columns, days, files, parsecache
from toolkit.records.finding import Finding
from toolkit.records.hashes import blake2b

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MAX_HOURS = 10_000.0  # in one effort entry, even with --force: more is a typo, and enough of them would sum to infinity


def new_id() -> str:
    """A ULID: 48 bits of milliseconds then 80 random bits, so ids sort by time and never collide."""
    value = (time.time_ns() // 1_000_000) << 80 | int.from_bytes(os.urandom(10), "big")
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def now() -> str:
    """The current time as ISO 8601 with the local offset, to the second."""
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


class _Bad(ValueError):
    pass


def _text(raw: dict, names: tuple[str, ...], required: bool) -> list:
    """The values of *names*: non-empty text when *required*, else text or absent."""
    values = list(map(raw.get, names))
    if (_STR if required else _STR_OR_NONE).issuperset(map(type, values)) and (not required or all(values)):
        return values
    for name, value in zip(names, values):
        if value is None and required:
            raise _Bad(f"{name} is missing")
        if not (type(value) is str and (value or not required) or value is None and not required):
            raise _Bad(f"{name} must be text")
    return values


_STR = frozenset((str,))
_STR_OR_NONE = frozenset((str, type(None)))


def _number(value, name, required=True):
    if type(value) is float and value - value == 0.0:  # finite: inf - inf and nan - nan are nan
        return value
    if value is None:
        if required:
            raise _Bad(f"{name} is missing")
        return None
    if type(value) not in (int, float):
        raise _Bad(f"{name} must be a number")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise _Bad(f"{name} is not finite")
    return number


def _typed(raw: dict, shape) -> tuple | None:
    """The field values of *raw* when it has exactly the fields a written entry has, each of a type a
    valid entry allows; else None, and the precise checks run to name what is wrong."""
    count, values, types = shape
    if len(raw) == count:
        try:
            row = values(raw)
        except KeyError:  # as many fields, not the same ones
            return None
        if tuple(map(type, row)) in types:
            return row
    return None


def _shape(*spec: tuple[str, tuple[type, ...]]):
    """What `_typed` compares a line with: its field names and every allowed combination of value types."""
    names = [name for name, _ in spec]
    return len(names), itemgetter(*names), frozenset(itertools.product(*(types for _, types in spec)))


def _stamped(at: str) -> bool:
    try:
        stamp = dt.datetime.fromisoformat(at)
    except ValueError:
        return False
    # The year is the text's first four digits: compared as text, 40,000 lines pay for no date object each.
    return stamp.tzinfo is not None and days.FIRST_YEAR <= at[:4] <= days.LAST_YEAR


def _maker(cls):
    """A function making a *cls* from its field values, several times faster than calling *cls*.

    A frozen dataclass sets each field through object.__setattr__; reading a ledger of 20,000 lines
    spent two thirds as long on that as on decoding the JSON. The twin class has the same slots and plain
    attribute stores; the object is then given its real class, which allows no assignment.
    """
    names = [f.name for f in fields(cls)]
    twin = type(cls.__name__, cls.__bases__,
                {"__slots__": cls.__slots__, "__setattr__": object.__setattr__, "__delattr__": object.__delattr__})
    space = {"new": object.__new__, "twin": twin, "cls": cls}
    exec(f"def make({', '.join(names)}):\n    entry = new(twin)\n" + "".join(f"    entry.{n} = {n}\n" for n in names)
         + "    entry.__class__ = cls\n    return entry\n", space)
    return space["make"]


_OPTIONAL_TEXT = (str, type(None))


@dataclass(frozen=True, slots=True)
class Entry:
    """Fields every ledger line has; `extra` carries fields this version does not know."""

    id: str
    at: str
    prototype: int

    def to_json(self) -> str:
        record = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        record.update(self.extra)
        return json.dumps(record, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)

    @property
    def day(self) -> dt.date:
        return dt.datetime.fromisoformat(self.at).date()


@dataclass(frozen=True, slots=True)
class Effort(Entry):
    hours: float
    date: str
    by: str | None = None
    note: str | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, raw: dict) -> Effort:
        row = _typed(raw, _EFFORT)
        # JSON's 1e400 reads as infinity, which no bound lets through
        if row and row[0] and row[1] and 0 <= row[3] <= MAX_HOURS and _stamped(row[1]) and _iso_date(row[4]):
            return _MAKE[cls](*row, _EMPTY)
        hours = _number(raw.get("hours"), "hours")
        if hours < 0:
            raise _Bad("hours must not be negative")
        if hours > MAX_HOURS:
            raise _Bad(f"hours {hours:g} is more than one entry may hold ({MAX_HOURS:,.0f} hours)")
        date, by, note = _text(raw, ("date",), True) + _text(raw, ("by", "note"), False)
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise _Bad(f"date {date!r} is not YYYY-MM-DD") from None
        _in_range(day, date, "date")
        return cls(*_common(raw), hours, date, by, note, _extra(raw, cls))


@dataclass(frozen=True, slots=True)
class Evidence(Entry):
    criterion: str
    value: float | bool
    unit: str | None = None
    source: str | None = None
    note: str | None = None
    by: str | None = None
    criteria_hash: str | None = None
    criterion_hash: str | None = None  # the one criterion's definition; names what moved
    measured: str | None = None  # YYYY-MM-DD the value was taken, when not the day it was recorded
    extra: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, raw: dict) -> Evidence:
        row = _typed(raw, _EVIDENCE)
        if (row and row[0] and row[1] and row[3] and row[4] - row[4] == 0.0 and _stamped(row[1])
                and (row[11] is None or _is_day(row[11]))):
            return _MAKE[cls](*row, _EMPTY)
        value = raw.get("value")
        if type(value) is not bool:
            value = _number(value, "value")
        optional = _text(raw, ("unit", "source", "note", "by", "criteria_hash", "criterion_hash", "measured"), False)
        if optional[-1] is not None:
            _day(optional[-1], "measured")
        return cls(*_common(raw), *_text(raw, ("criterion",), True), value, *optional, _extra(raw, cls))

    @property
    def day(self) -> dt.date:
        """The day the value was measured: `measured` when given, else the day it was recorded."""
        return dt.date.fromisoformat(self.measured) if self.measured else self.recorded

    @property
    def recorded(self) -> dt.date:
        return Entry.day.fget(self)


# Every field, as `decide` writes them; an int value is left to the precise path, which makes it a float.
_EFFORT = _shape(("id", (str,)), ("at", (str,)), ("prototype", (int,)), ("hours", (float,)), ("date", (str,)),
                 ("by", _OPTIONAL_TEXT), ("note", _OPTIONAL_TEXT))
_EVIDENCE = _shape(("id", (str,)), ("at", (str,)), ("prototype", (int,)), ("criterion", (str,)),
                   ("value", (float, bool)), *((name, _OPTIONAL_TEXT) for name in
                   ("unit", "source", "note", "by", "criteria_hash", "criterion_hash", "measured")))


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return days.FIRST_YEAR <= text[:4] <= days.LAST_YEAR


def _in_range(day: dt.date, text: str, name: str) -> None:
    if not days.in_range(day):
        raise _Bad(f"{name} {text!r} is outside the days decisionbook takes ({days.SPAN})")


VERDICTS = ("keep", "iterate", "discard")


@dataclass(frozen=True, slots=True)
class Verdict(Entry):
    verdict: str
    reason: str
    recommendation: str | None = None
    merit: float | None = None
    criteria_hash: str | None = None
    by: str | None = None
    deadline: str | None = None  # iterate only: the new deadline it set (an extension)
    previous_deadline: str | None = None  # the deadline it replaced
    previous_status: str | None = None  # the card's status before the verdict
    archives: str | None = None  # discard only: the branch it archives, unless kept (ADR 0242)
    extra: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, raw: dict) -> Verdict:
        verdict = raw.get("verdict")
        if verdict not in VERDICTS:
            raise _Bad(f"verdict must be one of {', '.join(VERDICTS)}")
        (reason,) = _text(raw, ("reason",), True)
        recommendation, criteria_hash, by = _text(raw, ("recommendation", "criteria_hash", "by"), False)
        merit = _number(raw.get("merit"), "merit", False)
        deadlines = _text(raw, ("deadline", "previous_deadline"), False)
        for name, value in zip(("deadline", "previous_deadline"), deadlines):
            if value is not None:
                _day(value, name)
        previous_status, archives = _text(raw, ("previous_status", "archives"), False)
        return cls(*_common(raw), verdict, reason, recommendation, merit, criteria_hash, by, *deadlines,
                   previous_status, archives, _extra(raw, cls))


@dataclass(frozen=True, slots=True)
class Meeting:
    """A weekly meeting that took place: its date and who attended; the next report starts from it."""

    id: str
    at: str
    date: str
    attendees: tuple[str, ...] = ()
    by: str | None = None
    ended: str | None = None  # when the meeting ended, on its day, as given with --ended
    reports: tuple[str, ...] = ()  # the weekly reports it looked at, as kept at its close (from the workspace root)
    extra: Mapping[str, object] = field(default_factory=dict)

    to_json = Entry.to_json

    @property
    def day(self) -> dt.date:
        return dt.date.fromisoformat(self.date)

    @classmethod
    def build(cls, raw: dict) -> Meeting:
        ident, at, date = _text(raw, ("id", "at", "date"), True)
        _day(date, "date")
        attendees = raw.get("attendees", [])
        if not isinstance(attendees, list) or not all(type(a) is str and a for a in attendees):
            raise _Bad("attendees must be a list of names")
        by, ended = _text(raw, ("by", "ended"), False)
        if ended is not None and not (_stamped(ended) and ended[:10] == date):
            raise _Bad(f"ended {ended!r} is not a time on the meeting's day with a UTC offset")
        reports = raw.get("reports", [])  # absent from the lines of versions that kept no report
        if not isinstance(reports, list) or not all(type(r) is str and r for r in reports):
            raise _Bad("reports must be a list of file paths")
        return cls(ident, at, date, tuple(attendees), by, ended, tuple(reports), _extra(raw, cls))


def _is_day(text: str) -> bool:
    return len(text) == 10 and _iso_date(text)


def _day(text: str, name: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text) if len(text) == 10 else dt.date.fromisoformat("x")
    except ValueError:
        raise _Bad(f"{name} {text!r} is not YYYY-MM-DD") from None
    _in_range(day, text, name)
    return day


RETRACTABLE = ("effort", "evidence")


@dataclass(frozen=True, slots=True)
class Retraction(Entry):
    """A correction: the entry `retracts` of ledger `ledger` no longer counts. Nothing is edited or deleted."""

    ledger: str  # "effort" or "evidence"
    retracts: str  # the id of the retracted entry
    reason: str
    by: str | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, raw: dict) -> Retraction:
        if raw.get("ledger") not in RETRACTABLE:
            raise _Bad(f"ledger must be one of {', '.join(RETRACTABLE)}")
        retracts, reason = _text(raw, ("retracts", "reason"), True)
        (by,) = _text(raw, ("by",), False)
        return cls(*_common(raw), raw["ledger"], retracts, reason, by, _extra(raw, cls))


def _common(raw: dict) -> tuple[str, str, int]:
    ident, at = _text(raw, ("id", "at"), True)
    try:
        stamp = dt.datetime.fromisoformat(at)
    except ValueError:
        raise _Bad(f"at {at!r} is not an ISO 8601 timestamp") from None
    if stamp.tzinfo is None:
        raise _Bad(f"at {at!r} has no UTC offset")
    _in_range(stamp.date(), at, "at")
    prototype = raw.get("prototype")
    if prototype is None:
        raise _Bad("prototype is missing")
    if type(prototype) is not int:
        raise _Bad("prototype must be a whole number")
    return ident, at, prototype


_MAKE = {kind: _maker(kind) for kind in (Effort, Evidence, Verdict, Retraction, Meeting)}

# The JSON of a line as `decide` writes it (`Entry.to_json`): its fields in order, ", " and ": " between.
# A text without escapes or control characters is its own value, so a regular expression reads it exactly.
_JSON_PARTS = {
    "text": r'"([^"\\\x00-\x1f]+)"',  # required: not empty
    "optional": r'(?:"([^"\\\x00-\x1f]*)"|null)',
    "int": r"(-?(?:0|[1-9][0-9]*))",
    "number": r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)",
}
_JSON_PARTS["value"] = f"(?:{_JSON_PARTS['number']}|(true|false))"
# A timestamp as `now` writes it: its time and offset are valid by their digits alone, so only its day is
# left to check, once per day rather than once per line. Any other form takes the line-by-line reading.
_JSON_PARTS["stamp"] = (r'"([0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]'
                        r'[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"')


def _written(kinds: tuple[tuple[str, str], ...], check):
    body = ", ".join(f'"{name}": {_JSON_PARTS[kind]}' for name, kind in kinds)
    # The text of the pattern: compiled at its first use (and kept by re), so a command that finds
    # every ledger in the cache does not pay for compiling it.
    return f"^\\{{{body}\\}}$", kinds, check


_GROUPS = methodcaller("groups")


def _finite(numbers) -> bool:
    return all(map(math.isfinite, numbers))


_DAY_OF = itemgetter(slice(0, 10))


def _days_valid(stamps) -> bool:
    """Whether the days of *stamps*, each in the form `now` writes, are all real days decisionbook takes."""
    return all(map(_iso_date, set(map(_DAY_OF, stamps))))


def _effort_ok(values) -> bool:
    _, at, _, hours, date, _, _ = values
    return (_finite(hours) and min(hours) >= 0 and max(hours) <= MAX_HOURS and _days_valid(at)
            and all(map(_iso_date, set(date))))


def _evidence_ok(values) -> bool:
    at, value, measured = values[1], values[4], values[11]
    return (_finite(v for v in value if type(v) is float) and _days_valid(at)
            and all(_is_day(day) for day in set(measured) if day is not None))


_WRITTEN = {
    Effort: _written((("id", "text"), ("at", "stamp"), ("prototype", "int"), ("hours", "number"), ("date", "text"),
                      ("by", "optional"), ("note", "optional")), _effort_ok),
    Evidence: _written(
        (("id", "text"), ("at", "stamp"), ("prototype", "int"), ("criterion", "text"), ("value", "value"),
         *((name, "optional") for name in ("unit", "source", "note", "by", "criteria_hash", "criterion_hash",
                                           "measured"))),
        _evidence_ok,
    ),
}
_KNOWN_FIELDS: dict[type, frozenset[str]] = {}


def _extra(raw: dict, cls) -> Mapping[str, object]:
    known = _KNOWN_FIELDS.get(cls)
    if known is None:
        known = _KNOWN_FIELDS[cls] = frozenset(f.name for f in fields(cls))
    if len(raw) <= len(known) and known.issuperset(raw):
        return _EMPTY
    return MappingProxyType({k: v for k, v in raw.items() if k not in known})


_EMPTY: Mapping[str, object] = MappingProxyType({})


def append(path: Path, entry: Entry) -> None:
    """Add *entry* as one line at the end of the ledger, without reading the ledger."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.append_line(path, entry.to_json())


def _no_constant(name: str):
    raise _Bad(f"{name} is not a number a ledger may hold")


# The C scanner reads only ASCII digits, so `١٢` is not JSON; NaN and Infinity are refused here,
# and numbers too large for a float are refused as not finite when an entry is built.
_DECODER = json.JSONDecoder(parse_constant=_no_constant)
_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what bytes.strip() strips: other Unicode spaces do not make a line blank
_JSON_SPACE = " \t\n\r"  # what may follow a JSON value
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Withdrawn:
    """A ledger entry that a retraction took back, with the (first) retraction that did."""

    entry: Entry
    retraction: Retraction


@dataclass(frozen=True)
class LedgerRead:
    """The entries a ledger holds (each id once, in file order) and a finding for every bad line.

    After `withdraw`, `entries` are the ones that count and `withdrawn` the retracted ones.
    """

    entries: Sequence  # a columns.Table when read from a file
    problems: tuple[Finding, ...]
    withdrawn: tuple[Withdrawn, ...] = ()
    lines: Sequence[int] = ()  # the line each of `entries` was read from, when read from a file
    # The ledgers that could not be read at all (also among `problems`): this one, or the retractions
    # that correct it. A judgement made without them would be a wrong one.
    unreadable: tuple[Finding, ...] = ()


def withdraw(read: LedgerRead, retractions) -> LedgerRead:
    """*read* with the entries that *retractions* name moved from `entries` to `withdrawn`."""
    first: dict[str, Retraction] = {}
    for retraction in retractions:
        first.setdefault(retraction.retracts, retraction)
    if not first:
        return read
    kept = columns.select(read.entries, lambda ident: ident not in first, "id")
    gone = tuple(Withdrawn(e, first[e.id]) for e in read.entries if e.id in first)
    lines = [line for line, ident in zip(read.lines, columns.column(read.entries, "id")) if ident not in first]
    return LedgerRead(kept, read.problems, read.withdrawn + gone, lines, read.unreadable)


@dataclass(frozen=True)
class _Progress:
    """What the complete lines before `offset` held: where reading an append-only ledger resumes.

    Entries are kept as one stored column per field (`columns.pack`): far smaller and faster to load
    than pickled dataclasses.
    """

    offset: int
    digest: bytes  # of the bytes before offset; any change to them means reading from the start
    lines: int
    columns: tuple  # of columns.pack values
    numbers: bytes  # the line of each entry, as array("q") bytes
    problems: tuple[Finding, ...]
    strings: tuple[str, ...]  # the shared text values (see _SHARED), the same objects the columns hold


# Text fields whose values repeat from line to line (criteria, people, hashes, dates): one string
# object per value instead of a new one per line keeps the ledgers of 10,000 prototypes small.
_SHARED = {
    "Effort": ("date", "by"),
    "Evidence": ("criterion", "unit", "source", "by", "criteria_hash", "criterion_hash", "measured"),
    "Verdict": ("verdict", "reason", "recommendation", "criteria_hash", "by", "previous_status"),
    "Retraction": ("ledger", "reason", "by"),
    "Meeting": ("by",),
}
# Amounts repeat too. Where a column of them stays a tuple (evidence values mix numbers and yes/no,
# merits may be null) one object per value is kept; pickle makes a new object per number, so they are
# shared again when read from the cache. Whole numbers and all-float columns are packed into arrays.
_AMOUNT = {"Effort": "hours", "Evidence": "value", "Verdict": "merit"}


class _Reading:
    def __init__(self, kind, name: str, done: _Progress | None):
        self.kind, self.name = kind, name
        self.names = [f.name for f in fields(kind)]
        self.shared = _SHARED.get(kind.__name__, ())
        self.amount = _AMOUNT.get(kind.__name__)
        self.strings: dict[str, str] = {text: text for text in done.strings} if done else {}
        self.floats: dict[float, float] = {}
        # The rows read before (from the cache) as columns; rows read now are added to `new`, one list per field.
        self.old = [self._unpack(name, stored) for name, stored in zip(self.names, done.columns)] if done else []
        self.count = len(self.old[0]) if self.old else 0
        self.new: list[list] = [[] for _ in self.names]
        self.numbers = array("q")
        if done:
            self.numbers.frombytes(done.numbers)
        self.problems = list(done.problems) if done else []
        self.lines = done.lines if done else 0
        self.seen: dict[str, int] | None = None  # id -> row, once new lines come
        self.packed: tuple | None = done.columns if done else None

    def _unpack(self, name: str, stored):
        column = columns.unpack(stored)
        if name == self.amount and type(column) is tuple:
            # Pickle makes a new object per number: amounts that repeat are shared again, as when read.
            floats = self.floats
            column = tuple(floats.setdefault(v, v) if type(v) is float and v else v for v in column)
        return column

    def _entry(self, row: int):
        if row < self.count:
            return _MAKE[self.kind](*[column[row] for column in self.old])
        return _MAKE[self.kind](*[column[row - self.count] for column in self.new])

    def _add(self, entry) -> None:
        for column, name in zip(self.new, self.names):
            column.append(getattr(entry, name))
        self.packed = None

    def feed(self, data: bytes, torn: bool) -> None:
        """Read *data*: whole lines, or (*torn*) one last line that has no line break."""
        if not self.lines and data.startswith(_BOM):
            data = data[len(_BOM):]  # an editor saving the ledger as "UTF-8 with BOM" puts it before the first line
        if self.seen is None:
            self.seen = dict(zip(self.old[0], range(self.count))) if self.old else {}
        try:
            # One decode for the whole chunk; a chunk with a bad byte is decoded line by line below.
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            lines = data.split(b"\n")
        else:
            if not torn and self._feed_written(text):
                return
            lines = text.split("\n")
        if not torn:
            lines.pop()
        scan, decode, kind, name = _DECODER.scan_once, _DECODER.decode, self.kind, self.name
        shared, strings, floats, amount = self.shared, self.strings, self.floats, self.amount
        numbers, problems, seen = self.numbers, self.problems, self.seen
        for number, text in enumerate(lines, start=self.lines + 1):
            if not text.strip(_ASCII_SPACE if type(text) is str else None):
                continue
            try:
                if type(text) is bytes:
                    try:
                        text = text.decode("utf-8")
                    except UnicodeDecodeError:
                        raise _Bad("not valid UTF-8") from None
                try:
                    # The C scanner alone when the value fills the line; else decode, for its exact messages.
                    try:
                        raw, end = scan(text, 0)
                    except StopIteration:  # no value at the start: a leading space, or no JSON
                        end = -1
                    if end != len(text) and (end < 0 or text[end:].strip(_JSON_SPACE)):
                        raw = decode(text)
                except _Bad:
                    raise
                except json.JSONDecodeError as exc:
                    raise _Bad(f"not valid JSON ({exc.msg})") from None
                except (ValueError, RecursionError) as exc:  # a number of 5,000 digits, nesting 100,000 deep
                    raise _Bad(f"not a ledger line ({type(exc).__name__})") from None
                if not isinstance(raw, dict):
                    raise _Bad("a ledger line must be a JSON object")
                for key in shared:
                    value = raw.get(key)
                    if type(value) is str:
                        raw[key] = strings.setdefault(value, value)
                value = raw.get(amount)  # floats only, as True, 1 and 1.0 are equal keys
                if type(value) is float and value:  # not 0.0 and -0.0, which are equal yet differ
                    raw[amount] = floats.setdefault(value, value)
                entry = kind.build(raw)
            except _Bad as exc:
                message = f"torn last line (an interrupted write?): {exc}" if torn else str(exc)
                problems.append(Finding(name, number, "error", message))
                continue
            first = seen.get(entry.id)
            if first is None:
                seen[entry.id] = self.count + len(self.new[0])
                self._add(entry)
                numbers.append(number)
            elif self._entry(first) != entry:
                problems.append(Finding(name, number, "error", f"id {entry.id} already used on line {numbers[first]} for a different entry; the first is kept"))
        self.lines += len(lines)

    def _feed_written(self, text: str) -> bool:
        """Read *text* column by column when every line in it is as `decide` writes it, valid, and new;
        else read nothing and say so, and the lines are read one by one, to the same entries or findings."""
        written = _WRITTEN.get(self.kind)
        if written is None:
            return False
        source, kinds, check = written
        pattern = re.compile(source, re.M)
        rows = list(map(_GROUPS, pattern.finditer(text)))  # findall would give "" for null
        count = len(rows)
        # Each match is one whole line (no group matches a line break), so as many matches as lines is all.
        if not count or count != text.count("\n"):
            return False
        matched = list(zip(*rows))
        values, index, strings = [], 0, self.strings
        for name, kind in kinds:
            column = matched[index]
            index += 1
            if kind == "int":
                column = list(map(int, column))
            elif kind == "number":
                column = list(map(float, column))
            elif kind == "value":  # a number, or yes/no in the next group
                column = [float(n) if n else y == "true" for n, y in zip(column, matched[index])]
                index += 1
            elif name in self.shared:
                column = list(map(strings.setdefault, column, column))
            values.append(column)
        ids = values[0]
        if not check(values) or len(set(ids)) != count or not self.seen.keys().isdisjoint(ids):
            return False  # a value to name, or an id seen before: the line-by-line reading says which
        if self.amount is not None:
            amounts, floats = values[self.names.index(self.amount)], self.floats
            for at, value in enumerate(amounts):
                if type(value) is float and value:  # as in the line-by-line reading
                    amounts[at] = floats.setdefault(value, value)
        start = self.count + len(self.new[0])
        for column, new in zip(self.new, values):
            column.extend(new)
        self.new[-1].extend(itertools.repeat(_EMPTY, count))  # `extra`: written lines hold no other keys
        self.packed = None
        self.seen.update(zip(ids, range(start, start + count)))
        self.numbers.extend(range(self.lines + 1, self.lines + count + 1))
        self.lines += count
        return True

    def _columns(self) -> tuple:
        """Every row read, old and new, as stored columns (packed once)."""
        if self.packed is None:
            pairs = itertools.zip_longest(self.old, self.new, fillvalue=())
            self.packed = tuple(columns.pack([*old, *new]) for old, new in pairs)
        return self.packed

    def progress(self, offset: int, digest: bytes) -> _Progress:
        return _Progress(offset, digest, self.lines, self._columns(), self.numbers.tobytes(), tuple(self.problems),
                         tuple(self.strings))

    def result(self) -> LedgerRead:
        if self.new[0]:
            table = [self._unpack(name, stored) for name, stored in zip(self.names, self._columns())]
        else:
            table = self.old or [() for _ in self.names]
        return LedgerRead(columns.Table(_MAKE[self.kind], self.names, table), tuple(self.problems), (), self.numbers)


_CHUNK = 1024 * 1024  # bytes read and parsed at a time: a ledger is never held whole in memory


def _read(chunks, kind, name: str, done: _Progress | None, keep: bool, restart=None) -> tuple[LedgerRead, _Progress | None]:
    """Read the ledger whose bytes *chunks* yields, resuming after *done* when it still describes the
    start of them (else *restart*() gives the chunks again from the start); *keep* makes a new progress."""
    hasher = blake2b(digest_size=16)
    if done is not None:
        chunks, done = _skip(chunks, done, hasher)
        if done is None:
            hasher = blake2b(digest_size=16)
            if restart is not None:
                chunks = restart()
    start = end = done.offset if done is not None else 0
    reading = _Reading(kind, name, done)
    pending = bytearray()
    for chunk in chunks:
        cut = chunk.rfind(b"\n") + 1
        if not cut:
            pending += chunk
            continue
        whole = bytes(pending) + chunk[:cut] if pending else chunk[:cut]
        if keep:
            hasher.update(whole)
        reading.feed(whole, torn=False)
        end += len(whole)
        pending = bytearray(chunk[cut:])
    if end > start:
        done = reading.progress(end, hasher.digest()) if keep else None
    if pending:
        reading.feed(bytes(pending), torn=True)
    return reading.result(), done


def _usable(done, kind) -> bool:
    """Whether *done*, from the cache, is a progress of *kind* in the form this version writes."""
    if type(done) is not _Progress or len(done.columns) != len(fields(kind)):
        return False
    rows = {columns.rows_in(stored) for stored in done.columns}
    return (len(rows) == 1 and None not in rows and type(done.numbers) is bytes
            and len(done.numbers) == 8 * rows.pop())


def _skip(chunks, done: _Progress, hasher):
    """Hash the first `done.offset` bytes of *chunks* into *hasher*: the rest of the chunks and *done*,
    or None in place of *done* when those bytes are not the ones it describes."""
    chunks, need = iter(chunks), done.offset
    for chunk in chunks:
        if len(chunk) >= need:
            hasher.update(memoryview(chunk)[:need])
            if hasher.digest() != done.digest:
                return chunks, None
            rest = chunk[need:]
            return (itertools.chain((rest,), chunks) if rest else chunks), done
        hasher.update(chunk)
        need -= len(chunk)
    return chunks, None if need else done


def _pieces(data: bytes):
    view = memoryview(data)
    for start in range(0, len(data), _CHUNK):
        yield bytes(view[start : start + _CHUNK])


def parse_lines(data: bytes, kind, name: str) -> LedgerRead:
    """Read ledger bytes tolerantly: a bad line becomes a finding at `name:LINE`, the rest loads."""
    return _read(_pieces(data), kind, name, None, keep=False)[0]


def _file_chunks(fd: int, name: str):
    while True:
        try:
            chunk = os.read(fd, _CHUNK)
        except OSError as exc:
            raise DecisionbookError(f"cannot read: {exc.strerror}", name) from None
        if not chunk:
            return
        yield chunk


def read(path: Path, kind, name: str, root: Path | None = None) -> LedgerRead:
    """Read the ledger at *path* (absent means empty) as entries of *kind*; with *root*, only from inside it.

    Ledgers only grow, so no size limit applies; a ledger that is not a regular file reads as one error.
    The file is read a few MiB at a time, so memory holds its entries, not its text.
    """
    try:
        fd = files.open_regular(path, root, name)
    except FileNotFoundError:
        return LedgerRead((), ())
    except DecisionbookError as exc:
        return _unreadable(name, exc)
    try:
        # Ledgers only grow: the lines read last time are taken from the cache and only new ones parsed.
        cache = parsecache.Store(path.parent, f"ledger-{path.stem}-{parsecache.digest(str(path).encode()).hex()[:12]}")
        key = (str(path), kind.__name__, name)
        done = cache.get(key)
        if done is not None and not _usable(done, kind):
            done = None  # not what this version writes: read the whole ledger, as with no cache

        def restart():
            os.lseek(fd, 0, os.SEEK_SET)
            return _file_chunks(fd, name)

        try:
            read_now, progress = _read(_file_chunks(fd, name), kind, name, done, cache.enabled, restart)
        except DecisionbookError as exc:
            return _unreadable(name, exc)
    finally:
        os.close(fd)
    if progress is not done:
        cache.put(key, progress)
        cache.save()
    return read_now


def _unreadable(name: str, exc: DecisionbookError) -> LedgerRead:
    finding = Finding(name, None, "error", exc.message)
    return LedgerRead((), (finding,), unreadable=(finding,))
