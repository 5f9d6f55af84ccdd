"""Tests for eventcoder.batch.heap: freezing the long-lived objects while coding."""

from __future__ import annotations

import gc

import pytest

from eventcoder.batch.heap import freeze_after_build, frozen_heap


@pytest.fixture
def unfrozen():
    """Each test starts and ends with nothing frozen."""
    gc.unfreeze()
    yield
    gc.unfreeze()


class TestFrozenHeap:
    def test_freezes_inside_and_unfreezes_after(self, unfrozen):
        """Objects alive on entry are frozen in the block and given back afterwards."""
        with frozen_heap():
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() == 0

    def test_unfreezes_after_an_error(self, unfrozen):
        """An exception in the block still unfreezes."""
        with pytest.raises(RuntimeError), frozen_heap():
            raise RuntimeError("boom")
        assert gc.get_freeze_count() == 0

    def test_leaves_a_process_that_froze_itself_alone(self, unfrozen):
        """A process that froze objects itself keeps them frozen after the block."""
        gc.freeze()
        frozen = gc.get_freeze_count()
        with frozen_heap():
            pass
        assert gc.get_freeze_count() == frozen


class TestFreezeAfterBuild:
    def test_only_after_a_build(self, unfrozen):
        """A worker freezes once, when it has just built its coder."""
        freeze_after_build(False)
        assert gc.get_freeze_count() == 0
        freeze_after_build(True)
        assert gc.get_freeze_count() > 0
