"""A one-line progress display on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Rewrites one stderr line with the counts at most every ``interval`` seconds.

    ``enabled=None`` means: only when ``stream`` is a terminal (quiet when piped).
    """

    def __init__(self, enabled: bool | None = None, *, stream: TextIO | None = None,
                 interval: float = 0.25) -> None:
        self._stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self._stream, "isatty", lambda: False)())
        self.enabled = enabled
        self._interval = interval
        self._start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def update(self, documents: int, sentences: int, events: int, errors: int) -> None:
        """Show the counts (if enabled and the interval has passed)."""
        now = time.monotonic()
        if not self.enabled or now - self._last < self._interval:
            return
        self._last = now
        rate = sentences / max(now - self._start, 1e-9)
        self._stream.write(
            f"\r{documents:,} documents, {sentences:,} sentences, {events:,} events, "
            f"{errors:,} errors ({rate:,.0f} sentences/s)\x1b[K"
        )
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        """End the progress line so that what follows starts on a new line."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
