"""The coder's shortcuts give the events of the full computation, on the real parses of
tests/data/ with the default dictionaries: a sentence with no coded actor is not
coded past its actors (Coder._may_give_events), while explaining codes every sentence
in full."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from coder_fixtures import CODER_DATA

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.dictionaries.schema import DictionarySet
from eventcoder.model import Document

DATA = CODER_DATA.parent


@functools.cache
def _dictionaries() -> DictionarySet:
    return load_dictionaries(None)


@functools.cache
def _docs() -> tuple[Document, ...]:
    return tuple(doc for path in sorted(DATA.rglob("*.conllu")) for doc in read_conllu(path))


OPTIONS: list[dict[str, Any]] = [
    {}, {"targets": "phrase", "pattern_scope": "petrarch", "preps": "adjacent"},
    {"irrealis": "code", "negation": "table", "conventions": "none"},
    {"incomplete": True}, {"uncoded": True},
]


@pytest.mark.parametrize("options", OPTIONS)
def test_coding_gives_the_events_of_explaining(options: dict[str, Any]) -> None:
    coder = Coder(_dictionaries(), **options)
    for doc in _docs():
        assert coder.code_document(doc) == list(coder.explain(doc).events), doc.id


def test_sentences_without_coded_actors_give_no_events_when_coded_in_full() -> None:
    """What the shortcut skips: sentences with verbs of the dictionaries but no coded
    actor, whose full coding (explaining) gives nothing."""
    coder = Coder(_dictionaries())
    skipped = 0
    for doc in _docs():
        for trace in coder.explain(doc).sentences:
            if trace.actors is None or trace.actors.coded():
                continue
            assert not trace.events, trace.sentence.text
            skipped += any(m is not None for m in trace.matches)
    assert skipped > 3, skipped


def test_incomplete_events_need_no_actor() -> None:
    """Why the shortcut is off with ``incomplete``: a verb with no coded actor still
    gives an event."""
    coder = Coder(_dictionaries(), incomplete=True)
    found = [trace for doc in _docs() for trace in coder.explain(doc).sentences
             if trace.actors is not None and not trace.actors.coded() and trace.events]
    assert found
