"""The sunk-cost audit: over all verdicts, do overrides toward keep follow the effort already spent?"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.judge.sunkcost import toward_keep
from toolkit.records.ledger import Effort, Verdict

# Below this many verdicts in an effort quartile, one verdict more or less swings its rate by 20
# points or more: the audit then says it cannot tell, rather than compare rates of 0 and 100%.
MINIMUM_PER_QUARTILE = 5
# A difference is stated only when chance alone would produce it less often than this (one-sided).
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class QuartileRow:
    quartile: int  # 1 = least effort, 4 = most
    min_hours: float | None
    max_hours: float | None
    verdicts: int
    overrides_toward_keep: int

    @property
    def rate(self) -> float | None:
        return self.overrides_toward_keep / self.verdicts if self.verdicts else None


@dataclass(frozen=True)
class Audit:
    rows: tuple[QuartileRow, ...]
    verdicts: int
    overrides_toward_keep: int
    conclusion: str


def hours_at_verdicts(verdicts: Iterable[Verdict], effort: Iterable[Effort]) -> list[tuple[Verdict, float]]:
    """Each verdict with the hours logged on its prototype up to the verdict's day."""
    logged: dict[int, list[tuple[dt.date, float]]] = defaultdict(list)
    for entry in effort:
        logged[entry.prototype].append((dt.date.fromisoformat(entry.date), entry.hours))
    return [
        (v, sum((h for day, h in logged.get(v.prototype, ()) if day <= v.day), 0.0))
        for v in sorted(verdicts, key=lambda v: v.id)
    ]


def _percent(rate: float | None) -> str:
    return "no verdicts" if rate is None else f"{rate:.0%}"


def audit(verdicts: Iterable[Verdict], effort: Iterable[Effort]) -> Audit:
    pairs = sorted(hours_at_verdicts(verdicts, effort), key=lambda pair: pair[1])
    n = len(pairs)
    quartile_of_hours: dict[float, int] = {}
    for position, (_, hours) in enumerate(pairs):
        # Equal hours share the quartile of the first of them, so ties never split.
        quartile_of_hours.setdefault(hours, min(4, position * 4 // n + 1))
    groups: dict[int, list[tuple[Verdict, float]]] = defaultdict(list)
    for verdict, hours in pairs:
        groups[quartile_of_hours[hours]].append((verdict, hours))
    rows = tuple(
        QuartileRow(
            q,
            min((h for _, h in groups[q]), default=None),
            max((h for _, h in groups[q]), default=None),
            len(groups[q]),
            sum(toward_keep(v.verdict, v.recommendation) for v, _ in groups[q]),
        )
        for q in (1, 2, 3, 4)
    )
    overrides = sum(r.overrides_toward_keep for r in rows)
    return Audit(rows, n, overrides, _conclusion(rows, n, overrides))


def p_value(top_overrides: int, top_verdicts: int, overrides: int, verdicts: int) -> float:
    """Fisher's exact test, one-sided: the chance that *top_verdicts* verdicts drawn at random from all
    *verdicts* hold *top_overrides* or more of the *overrides*."""
    most = min(overrides, top_verdicts)
    tail = sum(math.comb(overrides, k) * math.comb(verdicts - overrides, top_verdicts - k)
               for k in range(top_overrides, most + 1))
    return tail / math.comb(verdicts, top_verdicts)


def _conclusion(rows: tuple[QuartileRow, ...], n: int, overrides: int) -> str:
    if n == 0:
        return "No verdicts are recorded yet, so there is nothing to audit."
    if overrides == 0:
        return f"None of the {n} verdicts overrode the evidence toward keep, so no override follows effort."
    small = [str(r.quartile) for r in rows if r.verdicts < MINIMUM_PER_QUARTILE]
    if small:
        return (f"Too few verdicts ({n}) to tell whether overrides toward keep follow effort: effort quartile"
                f"{'s' if len(small) > 1 else ''} {', '.join(small)} {'hold' if len(small) > 1 else 'holds'} fewer than "
                f"{MINIMUM_PER_QUARTILE} verdicts (at least {MINIMUM_PER_QUARTILE} in each quartile are needed).")
    top = rows[3]
    rest_verdicts = n - top.verdicts
    rest_rate = (overrides - top.overrides_toward_keep) / rest_verdicts
    p = p_value(top.overrides_toward_keep, top.verdicts, overrides, n)
    comparison = (f"{_percent(top.rate)} of verdicts in the top effort quartile overrode the evidence toward keep, "
                  f"against {_percent(rest_rate)} in the other quartiles (one-sided Fisher test, p = {p:.2g})")
    if top.rate > rest_rate and p < SIGNIFICANCE:
        return f"Overrides toward keep concentrate where effort was high: {comparison}; sunk cost may be deciding."
    return f"The verdicts do not show overrides toward keep concentrating where effort was high: {comparison}."
