"""Inclusive day intervals: PETRARCH's "first matching restriction wins" made explicit.

PETRARCH checks an actor's dated restrictions in file order and takes the first one
that covers the sentence date, falling back to the default code. Our dictionaries
list codes with plain validity ranges, so the importer clips every restriction by the
ones before it and gives the default code the days no restriction covers.
"""

from __future__ import annotations

import datetime as dt

Span = tuple[int, int]  # inclusive ordinals

_MIN = dt.date.min.toordinal()
_MAX = dt.date.max.toordinal()


def to_span(start: dt.date | None, end: dt.date | None) -> Span:
    """A (possibly open) date range as ordinals; open ends become the extreme days."""
    return (start.toordinal() if start else _MIN, end.toordinal() if end else _MAX)


def from_span(span: Span) -> tuple[dt.date | None, dt.date | None]:
    """Back to dates; the extreme days become open ends (None)."""
    low, high = span
    start = None if low == _MIN else dt.date.fromordinal(low)
    end = None if high == _MAX else dt.date.fromordinal(high)
    return start, end


def subtract(span: Span, covered: list[Span]) -> list[Span]:
    """The parts of ``span`` that no span in ``covered`` overlaps, in order."""
    pieces = [span]
    for low, high in covered:
        next_pieces: list[Span] = []
        for a, b in pieces:
            if high < a or low > b:
                next_pieces.append((a, b))
                continue
            if a < low:
                next_pieces.append((a, low - 1))
            if high < b:
                next_pieces.append((high + 1, b))
        pieces = next_pieces
    return sorted(pieces)
