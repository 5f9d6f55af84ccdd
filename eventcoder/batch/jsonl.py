"""Events as JSON Lines, written directly: the same bytes as ``json.dumps`` of
``Event.to_dict()`` (plus ``event_id`` and ``meta``) with ``ensure_ascii=False`` and
``default=str``, without building the dictionaries first.

Strings go through :func:`json.encoder.encode_basestring`, the function ``json`` itself
uses with ``ensure_ascii=False``; numbers, booleans and None are spelled as ``json``
spells them. A value of any other type (an event built by other code) makes the row go
through ``json`` itself, so the output never depends on which path wrote it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring
from typing import Any

from eventcoder.events import ActorRef, Event, Location, Plover

__all__ = ["jsonl_encoder"]


def jsonl_encoder() -> Callable[[Event, str, Mapping[str, Any]], str]:
    """A function giving the JSON line (with its newline) of an event, its id and meta."""
    encode = json.JSONEncoder(ensure_ascii=False, default=str).encode

    def line(event: Event, event_id: str, meta: Mapping[str, Any]) -> str:
        try:
            text = _event(event, event_id)
        except (TypeError, AttributeError, ValueError):  # not the usual types: json decides
            data = event.to_dict()
            data["event_id"] = event_id
            text = encode(data)[:-1]
        if meta:
            return f'{text}, "meta": {encode(dict(meta))}}}\n'
        return text + "}\n"

    return line


def _event(event: Event, event_id: str) -> str:
    """The event's JSON object without its closing brace."""
    date = event.date
    return "".join((
        '{"doc_id": ', encode_basestring(event.doc_id),
        ', "sentence": ', _number(event.sentence),
        ', "date": ', "null" if not date else encode_basestring(date.isoformat()),
        ', "source": ', _actor(event.source),
        ', "target": ', _actor(event.target),
        ', "code": ', encode_basestring(event.code),
        ', "root": ', encode_basestring(event.root),
        ', "quad_class": ', _number(event.quad_class),
        ', "goldstein": ', _number(event.goldstein),
        ', "plover": ', _plover(event.plover),
        ', "verb": ', encode_basestring(event.verb),
        ', "pattern": ', _string(event.pattern),
        ', "negated": ', _bool(event.negated),
        ', "location": ', _location(event.location),
        ', "text": ', encode_basestring(event.text),
        ', "issues": [', ", ".join(map(encode_basestring, event.issues)),
        '], "event_id": ', encode_basestring(event_id),
    ))


def _string(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _number(value: float | None) -> str:
    """An int or a finite float as json writes it (None: null)."""
    if value is None:
        return "null"
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return repr(value)
    raise TypeError("not an int or a finite float")


def _bool(value: bool) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    raise TypeError("not a bool")


def _actor(actor: ActorRef | None) -> str:
    if not actor:
        return "null"
    return "".join((
        '{"code": ', encode_basestring(actor.code), ', "text": ', encode_basestring(actor.text),
        ', "start": ', _number(actor.start), ', "end": ', _number(actor.end),
        ', "entry": ', _string(actor.entry), "}",
    ))


def _plover(plover: Plover | None) -> str:
    if not plover:
        return "null"
    return "".join((
        '{"event": ', encode_basestring(plover.event), ', "mode": ', _string(plover.mode),
        ', "context": ', _string(plover.context), "}",
    ))


def _location(location: Location | None) -> str:
    if not location:
        return "null"
    return "".join((
        '{"text": ', encode_basestring(location.text), ', "start": ', _number(location.start),
        ', "end": ', _number(location.end), ', "country": ', _string(location.country), "}",
    ))
