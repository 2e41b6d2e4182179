"""The author dates git writes (`%aI`): kept as git writes them, read as days where Python's calendar can."""

from __future__ import annotations

import datetime as dt
import re

# A year past 9999 keeps all its digits (33658-09-27T01:46:39+00:00). A date git cannot read, such as
# one before 1970 that an import wrote, comes out as the placeholder itself ("%aI").
_WRITTEN = re.compile(r"[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}")


def written(text: str) -> str | None:
    """git's `%aI` *text* when git wrote a date there, else None."""
    return text if _WRITTEN.fullmatch(text) else None


def day_text(date: str | None) -> str:
    """The day of git's date *date* as git wrote it ("33658-09-27"); "" when git wrote none."""
    return date.partition("T")[0] if date else ""


def day_order(day: str) -> tuple[int, ...]:
    """A day YYYY-MM-DD, its year of any length, as numbers that sort as the days do."""
    return tuple(int(part) for part in day.split("-"))


def moment(date: str | None) -> dt.datetime | None:
    """git's date *date* as a datetime; None when git wrote none or its year is past Python's 9999."""
    try:
        return dt.datetime.fromisoformat(date) if date else None
    except ValueError:
        return None


def day(date: str | None) -> dt.date | None:
    """The calendar day of git's date *date*; None when git wrote none or its year is past Python's 9999."""
    found = moment(date)
    return found.date() if found else None
