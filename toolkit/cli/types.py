"""Click parameter types shared by commands."""

from __future__ import annotations

import click

from toolkit.records.text import digits_hint


class AsciiInt(click.ParamType):
    """A whole number in the range [low, high] written with the digits 0-9 (Python's int() takes any script's)."""

    name = "integer"

    def __init__(self, low: int = 1, high: int | None = None):
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()):
            self.fail(f"{value!r} is not a whole number{digits_hint(text)}", param, ctx)
        number = int(text)
        if number < self.low or (self.high is not None and number > self.high):
            upper = f" to {self.high}" if self.high is not None else " or more"
            self.fail(f"{number} is not in the range {self.low}{upper}", param, ctx)
        return number


class Day(click.ParamType):
    """A calendar day written YYYY-MM-DD, refused with the same words everywhere (a `datetime.date`)."""

    name = "date"

    def convert(self, value, param, ctx):
        from toolkit.actions.prototypes import parse_date  # only when a day is given
        from toolkit.errors import DecisionbookError

        try:
            return parse_date(value, param.opts[0].lstrip("-") if param is not None else "date")
        except DecisionbookError as exc:
            self.fail(exc.message, param, ctx)
