"""Target and kill expressions (`<= 200`, `yes`), criterion values, and the hash of a card's criteria."""

from __future__ import annotations

import json
import math
import operator
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from json.encoder import encode_basestring_ascii as _text

from toolkit.errors import DecisionbookError
from toolkit.records.hashes import sha256

AGGREGATES = ("latest", "median", "min", "max", "mean")
ACCEPTED = 'an operator and a number ("<= 200", "> 0.5", "== 3"; operators < <= > >= ==) or "yes" / "no"'

_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
_EXPR = re.compile(r"^(<=|>=|==|<|>)\s*(\S+)$")
_YES = ("yes", "true")
_NO = ("no", "false")


@dataclass(frozen=True)
class Expr:
    """A parsed target or kill condition: `op number`, or a yes/no answer (`op` is "is")."""

    op: str
    operand: float | bool

    @property
    def is_yes_no(self) -> bool:
        return self.op == "is"

    def holds(self, value: float | bool) -> bool:
        if self.is_yes_no:
            return bool(value) == self.operand
        return _COMPARE[self.op](value, self.operand)

    def __str__(self) -> str:
        return self.text

    @cached_property
    def text(self) -> str:
        # Kept: expressions are shared across cards, and every criterion hash writes its target and kill.
        if self.is_yes_no:
            return "yes" if self.operand else "no"
        return f"{self.op} {format_number(self.operand)}"


_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq}


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def parse_number(text: str) -> float | None:
    """A finite number written in ASCII (`1_000`, `NaN`, `inf` and non-ASCII digits are not), else None."""
    text = text.strip()
    if not text.isascii() or not _NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def parse_yes_no(text: str) -> bool | None:
    lowered = text.strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    return None


_YES_NO = {True: Expr("is", True), False: Expr("is", False)}
# Expressions are immutable and repeat across cards ("yes", "<= 200"): 10,000 cards share one of each.
_SEEN: dict[tuple[str, str], Expr] = {}
# The same, by the text a card wrote, so a repeated expression is not parsed again.
_WRITTEN: dict[str, Expr] = {}
_WRITTEN_MAX = 4096


def parse_expr(text, what: str = "target") -> Expr:
    """Parse a target or kill expression; refuse anything else, naming the accepted forms."""
    expr = _WRITTEN.get(text) if type(text) is str else None
    if expr is not None:
        return expr
    if isinstance(text, bool):
        return _YES_NO[text]
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        raise DecisionbookError(f"{what} {text!r} has no operator; write {ACCEPTED}")
    if not isinstance(text, str):
        raise DecisionbookError(f"{what} must be text: {ACCEPTED}")
    answer = parse_yes_no(text)
    if answer is not None:
        expr = _YES_NO[answer]
    else:
        match = _EXPR.match(text.strip())
        number = parse_number(match.group(2)) if match else None
        if number is None:
            raise DecisionbookError(f"{what} {text!r} is not understood; write {ACCEPTED}")
        key = (match.group(1), repr(number))  # repr tells -0.0 from 0.0
        expr = _SEEN.get(key)
        if expr is None:
            expr = _SEEN[key] = Expr(match.group(1), number)
    if len(_WRITTEN) < _WRITTEN_MAX:  # texts vary more than expressions: keep a bounded few
        _WRITTEN[text] = expr
    return expr


def _bounds(expr: Expr) -> tuple[float, bool, float, bool]:
    """The numbers *expr* holds for, as (low, low included, high, high included)."""
    op, n, inf = expr.op, float(expr.operand), math.inf
    if op == "==":
        return n, True, n, True
    if op in ("<", "<="):
        return -inf, False, n, op == "<="
    return n, op == ">=", inf, False


def overlap(target: Expr, kill: Expr) -> float | bool | None:
    """A value that meets *target* and crosses *kill* as well, or None when no value can do both.

    A kill condition names values that miss the target badly enough to stop; one that a value meeting
    the target can satisfy contradicts its target (`<= 5` and kill `< 10`: 3 meets and kills).
    """
    if target.is_yes_no or kill.is_yes_no:
        return target.operand if target.is_yes_no and kill.is_yes_no and target.operand == kill.operand else None
    t_low, t_low_in, t_high, t_high_in = _bounds(target)
    k_low, k_low_in, k_high, k_high_in = _bounds(kill)
    low, low_in = max((t_low, t_low_in), (k_low, k_low_in), key=lambda b: (b[0], not b[1]))
    high, high_in = min((t_high, t_high_in), (k_high, k_high_in), key=lambda b: (b[0], b[1]))
    if low > high or low == high and not (low_in and high_in):
        return None
    if low_in:
        return low
    if high_in:
        return high
    if math.isinf(low) and math.isinf(high):  # pragma: no cover - one side is always a number
        return 0.0
    if math.isinf(low):
        return math.floor(high) - 1.0 if high == math.floor(high) else float(math.floor(high))
    if math.isinf(high):
        return math.floor(low) + 1.0
    return (low + high) / 2


@lru_cache(maxsize=4096)  # expressions repeat across cards: `decide check` over 10,000 asks a few pairs
def contradiction(target: Expr, kill: Expr | None) -> str | None:
    """Why *kill* contradicts *target* (see `overlap`), or None when it does not."""
    if kill is None:
        return None
    value = overlap(target, kill)
    if value is None:
        return None
    shown = f"the answer {kill.text}" if isinstance(value, bool) else f"a value such as {format_number(value)}"
    return (f"kill {kill.text!r} overlaps target {target.text!r}: {shown} would meet the target and cross the "
            "kill condition; a kill condition holds only for values that miss the target")


def parse_value(text: str, yes_no: bool, criterion: str) -> float | bool:
    """An evidence value for a numeric or a yes/no criterion, from the command line."""
    if yes_no:
        answer = parse_yes_no(text)
        if answer is None:
            raise DecisionbookError(f"criterion {criterion!r} is yes/no: the value must be yes or no, not {text!r}")
        return answer
    number = parse_number(text)
    if number is None:
        raise DecisionbookError(
            f"criterion {criterion!r} is numeric: {text!r} is not a finite number written in ASCII digits"
        )
    return number


def aggregate(values: list[float | bool], how: str) -> float | bool:
    """Combine a criterion's evidence values (oldest first) as the criterion says."""
    if how == "latest":
        return values[-1]
    if how == "min":
        return min(values)
    if how == "max":
        return max(values)
    return of_sorted(sorted(float(v) for v in values), how)


def of_sorted(numbers: list[float], how: str) -> float:
    """The mean or the median of *numbers*, sorted ascending (a list kept sorted as values come, too)."""
    if how == "mean":
        try:
            return math.fsum(numbers) / len(numbers)
        except OverflowError:  # the sum passes the largest float; the mean of finite numbers never does
            return math.fsum(number / len(numbers) for number in numbers)
    middle = len(numbers) // 2
    # Halved first: the two middle values may sum past the largest float, their mean never does.
    return numbers[middle] if len(numbers) % 2 else numbers[middle - 1] / 2 + numbers[middle] / 2


def definition_text(ident, target, kill, must, weight, aggregate) -> str:
    """One criterion's definition as canonical JSON: the bytes of
    `json.dumps({...}, sort_keys=True, separators=(",", ":"), ensure_ascii=True)`, written without
    building a dict and an encoder per criterion. Hashes of it are kept in users' ledgers, so not one
    byte may differ: text goes through json's own escaping, and anything unusual through json.dumps.
    """
    if must is True or must is False:
        try:
            return (f'{{"aggregate":{_text(aggregate)},"id":{_text(ident)},'
                    f'"kill":{"null" if kill is None else _text(kill)},"must":{"true" if must else "false"},'
                    f'"target":{_text(target)},"weight":{_text(weight)}}}')
        except TypeError:  # a value that is not text
            pass
    definition = {"id": ident, "target": target, "kill": kill, "must": must, "weight": weight, "aggregate": aggregate}
    return json.dumps(definition, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def definition_hash(texts: list[str]) -> str:
    """A stable short hash of the JSON list of criterion definitions *texts* (see definition_text).

    The metric's wording is left out: rewording a description does not move a goalpost.
    """
    return sha256(f"[{','.join(texts)}]".encode("ascii")).hexdigest()[:16]
