"""Tests for eventcoder.batch.jsonl: the direct JSON Lines encoder of events.

The events are the default coder's on a real spaCy parse (tests/data/coder/idlib.conllu).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from eventcoder.batch import CoderSpec
from eventcoder.batch.jsonl import jsonl_encoder
from eventcoder.batch.spec import coder_for
from eventcoder.conllu import read_conllu
from eventcoder.events import ActorRef, Event, Location

DATA = Path(__file__).parent / "data"


@functools.cache
def _events() -> tuple[Event, ...]:
    coder = coder_for(CoderSpec())
    return tuple(e for doc in read_conllu(DATA / "coder" / "idlib.conllu")
                 for e in coder.code_document(doc))


def _reference(event: Event, event_id: str, meta: dict[str, Any]) -> str:
    """What the writer wrote before: json.dumps of to_dict() plus event_id and meta."""
    data = event.to_dict()
    data["event_id"] = event_id
    if meta:
        data["meta"] = dict(meta)
    return json.dumps(data, ensure_ascii=False, default=str) + "\n"


class TestJsonlEncoder:
    def test_real_events_as_json_dumps_writes_them(self):
        """Every event coded from a real parse gives json.dumps' exact line, with and
        without meta."""
        events = _events()
        assert len(events) >= 5
        line = jsonl_encoder()
        meta = {"source": "AFP", "urls": ["https://example.org/é"], "score": 0.5}
        for number, event in enumerate(events, 1):
            for carried in ({}, meta):
                assert line(event, f"d-{number}", carried) == _reference(
                    event, f"d-{number}", carried
                )

    @pytest.mark.parametrize(
        "changes",
        [
            {"goldstein": 3},  # an int where a float is usual
            {"goldstein": float("nan")},  # json writes NaN
            {"goldstein": None, "quad_class": None, "plover": None, "pattern": None},
            {"sentence": True},  # a bool is not written as an int
            {"negated": 1},
            {"code": 190},  # not a string: json (default=str) decides
            {"date": None, "source": None, "target": None},
            {"text": 'quote " backslash \\ newline \n tab \t é \u2028 \x00'},
            {"issues": ("no-target", "nominal")},
            {"location": Location("in Idlib", 9, 11, None)},
            {"source": ActorRef("SYR", "Syria", 1, 1)},
        ],
    )
    def test_unusual_values_as_json_dumps_writes_them(self, changes):
        """Odd types and characters give the same line as json.dumps (directly or by
        falling back to it)."""
        event = attrs.evolve(_events()[0], **changes)
        assert jsonl_encoder()(event, "x-1", {}) == _reference(event, "x-1", {})
