"""Coded events: the coder's output, one JSON object per line when written out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs


@attrs.frozen
class ActorRef:
    """An event's source or target: its code, the matched text and token span, the entry.

    ``start`` and ``end`` are 1-based word ids, inclusive. ``entry`` is the dictionary
    entry's name (``Bashar al-Assad``), or, for a combination, the entries joined by
    `` + `` (``Syrian + troops``).
    """

    code: str
    text: str
    start: int
    end: int
    entry: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "start": self.start, "end": self.end,
                "entry": self.entry}


@attrs.frozen
class Plover:
    """The PLOVER equivalent of a CAMEO code."""

    event: str
    mode: str | None = None
    context: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "context": self.context}


@attrs.frozen
class Location:
    """The place an event happened in ("in Idlib") and its country code when known."""

    text: str
    start: int
    end: int
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "country": self.country}


@attrs.frozen
class Event:
    """One coded event: source - code - target in a sentence of a document."""

    doc_id: str
    sentence: int
    date: dt.date | None
    source: ActorRef | None
    target: ActorRef | None
    code: str
    root: str
    quad_class: int | None
    goldstein: float | None
    plover: Plover | None
    verb: str
    pattern: str | None
    negated: bool
    location: Location | None
    text: str
    issues: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The event as plain JSON-ready values (dates as ISO strings)."""
        return {
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "code": self.code,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover.to_dict() if self.plover else None,
            "verb": self.verb,
            "pattern": self.pattern,
            "negated": self.negated,
            "location": self.location.to_dict() if self.location else None,
            "text": self.text,
            "issues": list(self.issues),
        }
