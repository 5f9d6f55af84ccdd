"""The progress line: shown on a terminal, silent when stderr is piped."""

from __future__ import annotations

import io

from eventcoder.batch.progress import Progress


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_is_silent_when_piped() -> None:
    """A stream that is not a terminal gets nothing, however often it is updated."""
    stream = io.StringIO()
    progress = Progress(stream=stream, interval=0.0)
    progress.update(10, 20, 3, 1)
    progress.close()
    assert not progress.enabled and stream.getvalue() == ""


def test_progress_on_a_terminal_shows_counts_and_clears_the_line() -> None:
    """On a terminal the counts are written on one rewritten line, cleared at the end."""
    stream = Terminal()
    progress = Progress(stream=stream, interval=0.0)
    progress.update(1_234, 5_678, 9, 0)
    shown = stream.getvalue()
    assert shown.startswith("\r1,234 documents, 5,678 sentences, 9 events, 0 errors")
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_quiet_disables_progress_on_a_terminal() -> None:
    """enabled=False (--quiet) writes nothing even on a terminal."""
    stream = Terminal()
    Progress(False, stream=stream, interval=0.0).update(1, 1, 1, 1)
    assert stream.getvalue() == ""
