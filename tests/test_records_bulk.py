"""Bulk loads pause the cyclic garbage collector and always leave it as they found it."""

from __future__ import annotations

import gc

import pytest

from toolkit.records.bulk import paused_gc


@pytest.fixture
def restore_gc():
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_state_is_restored(restore_gc, enabled):
    (gc.enable if enabled else gc.disable)()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_collector_is_restored_after_an_error(restore_gc):
    gc.enable()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("bad record")
    assert gc.isenabled()


def test_works_as_a_decorator(restore_gc):
    gc.enable()

    @paused_gc()
    def load():
        return gc.isenabled()

    assert load() is False and load() is False
    assert gc.isenabled()
