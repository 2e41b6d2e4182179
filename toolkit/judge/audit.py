"""The sunk-cost audit: over all verdicts, do overrides toward keep follow the effort already spent?"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.judge.sunkcost import toward_keep
from toolkit.records.ledger import Effort, Verdict


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


def _conclusion(rows: tuple[QuartileRow, ...], n: int, overrides: int) -> str:
    if n == 0:
        return "No verdicts are recorded yet, so there is nothing to audit."
    if overrides == 0:
        return f"None of the {n} verdicts overrode the evidence toward keep, so overrides do not concentrate where effort was high."
    if n < 4:
        return f"Too few verdicts ({n}) to tell whether overrides toward keep follow effort."
    top = rows[3]
    rest_verdicts = sum(r.verdicts for r in rows[:3])
    rest_rate = sum(r.overrides_toward_keep for r in rows[:3]) / rest_verdicts if rest_verdicts else None
    comparison = f"{_percent(top.rate)} of verdicts in the top effort quartile overrode the evidence toward keep, against {_percent(rest_rate)} in the other quartiles"
    if top.rate is not None and (rest_rate is None or top.rate > rest_rate):
        return f"Overrides toward keep concentrate where effort was high: {comparison}; sunk cost may be deciding."
    return f"Overrides toward keep do not concentrate where effort was high: {comparison}."
