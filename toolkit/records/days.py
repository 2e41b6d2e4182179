"""The calendar days decisionbook takes and counts: far enough from the ends of Python's calendar (years 1
and 9999) that adding a timebox, padding a chart's axis or counting weeks never overflows."""

from __future__ import annotations

import datetime as dt

FIRST = dt.date(1900, 1, 1)
LAST = dt.date(2999, 12, 31)
SPAN = f"{FIRST.isoformat()} to {LAST.isoformat()}"
FIRST_YEAR, LAST_YEAR = f"{FIRST.year:04d}", f"{LAST.year:04d}"  # as an ISO date's text starts


def in_range(day: dt.date) -> bool:
    return FIRST <= day <= LAST
