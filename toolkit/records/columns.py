"""Ledger entries held as columns, made into entry objects only while someone looks at them.

Ten thousand prototypes log some 400,000 evidence and effort entries. As objects each costs about
300 bytes, mostly its object and its two unique strings (`id`, `at`); as columns about 100. A column
whose values are all one object is held once; numbers sit in arrays; text whose values all have one
length and rarely repeat (ids, timestamps) is one string. Entries are made when looked at, so an
entry read twice may be two equal objects, not the same one.
"""

from __future__ import annotations

import itertools
import operator
from array import array
from collections.abc import Mapping, Sequence

from toolkit.records.named import named


# What the parse cache stores for a column; plain named tuples, so its reader may rebuild them.
@named
class Same:
    value: object
    count: int


@named
class Fixed:
    text: str
    width: int
    count: int


@named
class Numbers:
    typecode: str  # "q" (whole numbers) or "d" (floats)
    data: bytes


_INT64 = range(-(2**63), 2**63)


def pack(values: list):
    """*values* in their smallest stored form; `unpack` gives back values equal to them and of their types."""
    count = len(values)
    if not count:
        return ()
    first = values[0]
    # count() finds a column of one value at C speed; identity then tells one object from equal ones.
    if values.count(first) == count and all(map(operator.is_, values, itertools.repeat(first))):
        return Same(first, count)
    types = set(map(type, values))
    if types == {int} and min(values) in _INT64 and max(values) in _INT64:
        return Numbers("q", array("q", values).tobytes())
    if types == {float}:
        return Numbers("d", array("d", values).tobytes())
    if types == {str}:
        width = len(first)
        # One string only pays when values rarely repeat: a repeated value is otherwise one shared object,
        # and each look at a value in one string makes a new string.
        if width and set(map(len, values)) == {width} and len(set(values)) > count // 2:
            return Fixed("".join(values), width, count)
    return tuple(values)


def rows_in(stored) -> int | None:
    """How many rows the stored column *stored* holds; None when it is not one `pack` makes."""
    kind = type(stored)
    if kind is tuple:
        return len(stored)
    if kind is Same:
        return stored.count if type(stored.count) is int and stored.count > 0 else None
    if kind is Fixed:
        text, width, count = stored
        whole = type(text) is str and type(width) is int and type(count) is int and width > 0
        return count if whole and count > 0 and len(text) == width * count else None
    if kind is Numbers and stored.typecode in ("q", "d") and type(stored.data) is bytes and not len(stored.data) % 8:
        return len(stored.data) // 8
    return None


def unpack(stored) -> Sequence:
    """The column *stored* holds, as a sequence to index and iterate."""
    kind = type(stored)
    if kind is Same:
        return _Same(stored.value, stored.count)
    if kind is Fixed:
        return _Fixed(stored.text, stored.width, stored.count)
    if kind is Numbers:
        numbers = array(stored.typecode)
        numbers.frombytes(stored.data)
        return numbers
    return stored


class _Same(Sequence):
    __slots__ = ("value", "count")

    def __init__(self, value, count: int):
        self.value, self.count = value, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int):
        if not -self.count <= index < self.count:
            raise IndexError(index)
        return self.value

    def __iter__(self):
        return itertools.repeat(self.value, self.count)


class _Fixed(Sequence):
    __slots__ = ("text", "width", "count")

    def __init__(self, text: str, width: int, count: int):
        self.text, self.width, self.count = text, width, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> str:
        if index < 0:
            index += self.count
        if not 0 <= index < self.count:
            raise IndexError(index)
        start = index * self.width
        return self.text[start : start + self.width]

    def __iter__(self):
        width, end = self.width, self.count * self.width
        return map(self.text.__getitem__, map(slice, range(0, end, width), range(width, end + width, width)))


class Table(Sequence):
    """Entries of one kind as columns, one per field in *names*' order, and *make* to make an entry of a
    row's values; *rows*, when given, picks and orders the rows shown. Compares equal to any tuple or
    list of the same entries."""

    __slots__ = ("make", "names", "columns", "rows", "made")

    def __init__(self, make, names: Sequence[str], columns: Sequence[Sequence], rows: Sequence[int] | None = None):
        self.make, self.names, self.columns, self.rows = make, tuple(names), tuple(columns), rows
        self.made = _rows_maker(make, self.columns)

    def __len__(self) -> int:
        return len(self.rows) if self.rows is not None else len(self.columns[0])

    def entry(self, row: int):
        """The entry at *row* of the columns, whatever rows this table shows."""
        return self.made((row,))[0]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        if self.rows is not None:
            return self.entry(self.rows[index])
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.entry(index)

    def __iter__(self):
        if self.rows is None:
            return map(self.make, *self.columns)
        rows = self.rows  # a block at a time: a view of 200,000 rows is never made all at once
        blocks = range(0, len(rows), 1024)
        return itertools.chain.from_iterable(self.made(rows[start : start + 1024]) for start in blocks)

    def column(self, name: str) -> Sequence:
        """The values of field *name*, row by row, without making entries."""
        values = self.columns[self.names.index(name)]
        return values if self.rows is None else [values[row] for row in self.rows]

    def take(self, rows: Sequence[int]) -> Table:
        """The entries at *rows* (positions in this table), in that order."""
        if self.rows is not None:
            rows = [self.rows[row] for row in rows]
        return Table(self.make, self.names, self.columns, array("I", rows))

    def __eq__(self, other) -> bool:
        if isinstance(other, (Table, tuple, list)):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"Table({list(self)!r})"


_MAKERS: dict[tuple, object] = {}


def _rows_maker(make, columns: tuple):
    """A function giving the list of entries at a list of rows (`Table.made`).

    It is one list comprehension written for the kinds of these columns (a value held once is passed
    as is, one-string text is sliced in place), made once per kind of table: making the 20 entries of a
    prototype through a call per field cost more than judging them. Only the kinds shape the code;
    every value, widths included, is passed in, so nothing read from a cache file becomes code.
    """
    layout = tuple(_Fixed if type(column) is _Fixed else _Same if type(column) is _Same else None for column in columns)
    factory = _MAKERS.get(layout)
    if factory is None:
        names = [f"c{index}" for index in range(len(columns))]
        parts = [name if kind is _Same else f"{name}[r * w{name}:r * w{name} + w{name}]" if kind is _Fixed else name + "[r]"
                 for name, kind in zip(names, layout)]
        widths = [f"w{name}" for name, kind in zip(names, layout) if kind is _Fixed]
        space: dict = {}
        exec(f"def factory(make, {', '.join(names + widths)}):\n"
             f"    return lambda rows: [make({', '.join(parts)}) for r in rows]\n", space)
        factory = _MAKERS[layout] = space["factory"]
    values = [column.value if type(column) is _Same else column.text if type(column) is _Fixed else column
              for column in columns]
    return factory(make, *values, *(column.width for column in columns if type(column) is _Fixed))


def column(entries: Sequence, name: str) -> list:
    """The values of field *name* of each entry, read from the columns of a Table."""
    if isinstance(entries, Table):
        return list(entries.column(name))
    return list(map(operator.attrgetter(name), entries))


def values(entries: Sequence, *names: str):
    """The values of fields *names* of each entry, as tuples, read from the columns of a Table."""
    if isinstance(entries, Table):
        return zip(*map(entries.column, names))
    values = map(operator.attrgetter(*names), entries)
    return values if len(names) > 1 else zip(values)


def select(entries: Sequence, keep, *names: str) -> Sequence:
    """The *entries* for which *keep*, given the values of fields *names*, is true, in order: *entries*
    itself when that is all of them, a view of its columns for a Table, else a tuple."""
    flags = list(itertools.starmap(keep, values(entries, *names)))
    if all(flags):
        return entries if isinstance(entries, (Table, tuple)) else tuple(entries)
    if isinstance(entries, Table):
        return entries.take(list(itertools.compress(range(len(flags)), flags)))
    return tuple(itertools.compress(entries, flags))


def grouped(entries: Sequence, key: str, order: str) -> Mapping:
    """{value of field *key*: its entries in order of field *order*} (do not change the lists). A Table's
    groups hold rows and make their entries when looked at, keeping only the first few thousand made,
    so grouping 200,000 entries does not keep 200,000 objects."""
    if isinstance(entries, Table):
        return _Groups(entries, key, order)
    groups: dict = {}
    for entry in sorted(entries, key=operator.attrgetter(order)):
        groups.setdefault(getattr(entry, key), []).append(entry)
    return groups


class _Groups(Mapping):
    # Groups made are kept until they hold this many entries in all (a few MiB), and made again on each
    # look after that: 1,000 prototypes are judged and shown from entries made once, and 10,000 do not
    # keep all their entries. Keeping the first groups rather than the latest serves passes over all
    # prototypes in turn, which is how they are read.
    KEEP = 25_000

    def __init__(self, table: Table, key: str, order: str):
        self.table, self.order = table, operator.attrgetter(order)
        self.kept: dict = {}
        self.room = self.KEEP
        values = table.columns[table.names.index(key)]
        groups: dict = {}
        for row in range(len(values)) if table.rows is None else table.rows:
            value = values[row]
            rows = groups.get(value)
            if rows is None:
                rows = groups[value] = array("I")
            rows.append(row)
        self.groups = groups

    def __getitem__(self, value) -> list:
        entries = self.kept.get(value)
        if entries is None:
            entries = self.table.made(self.groups[value])
            entries.sort(key=self.order)
            if len(entries) <= self.room:
                self.kept[value] = entries
                self.room -= len(entries)
        return entries

    def __iter__(self):
        return iter(self.groups)

    def __len__(self) -> int:
        return len(self.groups)
