"""Keeping the garbage collector away from the coder's dictionaries while coding.

A built :class:`~eventcoder.coder.Coder` holds hundreds of thousands of long-lived
objects (the compiled dictionaries). Coding allocates millions of short-lived ones
(words, sentences, events), and each of CPython's full collections walks every object
alive, so on a large corpus the collector spends a noticeable share of the run walking
dictionaries that never become garbage. :func:`gc.freeze` moves the objects alive at
that moment into a generation the collector ignores; nothing is freed or changed.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["freeze_after_build", "frozen_heap"]


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Freeze the objects alive now for the duration of the block (then unfreeze them).

    Does nothing when the process has frozen objects already (its owner manages
    freezing). Garbage made inside the block is collected as usual.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def freeze_after_build(built: bool) -> None:
    """In a worker process: freeze the objects alive now if a coder was just ``built``
    (workers live only to code, so they stay frozen)."""
    if built:
        gc.freeze()
