"""Records written as `@named` classes behave as typing's named tuples do, and the cache keeps them."""

from __future__ import annotations

import io
import pickle

import pytest

from toolkit.records import columns, recordpickle
from toolkit.records.finding import Finding
from toolkit.records.named import named
from toolkit.workspace import Config


def test_fields_defaults_methods_and_docstring_are_kept():
    @named
    class Point:
        """A point."""

        x: int
        y: int = 0

        @property
        def norm(self) -> int:
            return abs(self.x) + abs(self.y)

        def moved(self, dx: int) -> Point:
            return self._replace(x=self.x + dx)

    point = Point(3)
    assert point == (3, 0) and point._fields == ("x", "y") and Point.__doc__ == "A point."
    assert point.moved(-5) == Point(-2, 0) and type(point.moved(1)) is Point and Point(-2, 4).norm == 6
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    with pytest.raises(AttributeError):
        point.z = 1  # no instance dictionary: as small as a tuple


def test_a_field_without_default_after_one_with_is_refused():
    with pytest.raises(TypeError, match="follows one with a default"):
        @named
        class Bad:
            a: int = 1
            b: int


def test_records_round_trip_through_the_cache_pickle():
    finding = Finding("decisions/0001-x.md", 3, "error", "bad date")
    column = columns.Fixed("ab" * 3, 2, 3)
    back = recordpickle.load(io.BytesIO(recordpickle.dumps((finding, column))), {})
    assert back == (finding, column) and type(back[0]) is Finding and type(back[1]) is columns.Fixed
    assert pickle.loads(pickle.dumps(finding)) == finding


def test_settings_keep_their_defaults():
    config = Config(decisions="docs/adr")
    assert config.keep_threshold == 0.7 and config.prototypes == "prototypes" and config.people == {}
    assert Config._fields[0] == "decisions" and "raw" in Config._fields
