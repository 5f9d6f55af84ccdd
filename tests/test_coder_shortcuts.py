"""The coder's shortcuts give the events of the full computation, on the real parses of
tests/data/ with the default dictionaries: a sentence with no coded actor is not
coded past its actors (Coder._may_give_events), while explaining codes every sentence
in full; nominals look for by-phrases only in sentences with "by"."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from coder_fixtures import CODER_DATA

from eventcoder.actors import find_actors
from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.dictionaries.schema import DictionarySet
from eventcoder.model import Document
from eventcoder.nominals import _by_phrases
from eventcoder.predicates import find_predicates
from eventcoder.repairs import repair_parse
from eventcoder.tree import Tree

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


def test_by_phrase_nominals_need_the_word_by() -> None:
    """by_phrase_nominals looks at no noun of a sentence without "by": the search it
    skips finds nothing in those sentences, and finds nominals in others."""
    coder = Coder(_dictionaries())
    with_by = 0
    for doc in _docs():
        for sentence in doc.sentences:
            tree = Tree(repair_parse(sentence))
            actors = find_actors(coder.lexicon, tree, doc.date, [], uncoded=True)
            found = _by_phrases(coder.nouns, tree, find_predicates(tree), actors)
            if "by" not in tree.lemmas:
                assert found == [], sentence.text
            with_by += bool(found)
    assert with_by >= 2


def test_sentences_with_one_code_need_a_verb_implying_a_target() -> None:
    """What the single-code shortcut (Coder._may_pair) skips: sentences whose coded
    actors have one code between them give events only through a verb implying a
    target ("Russia vetoed the resolution": RUS 161 IGOUNO)."""
    coder = Coder(_dictionaries())
    implying = coder.verbs.implying
    skipped = implied = 0
    for doc in _docs():
        for trace in coder.explain(doc).sentences:
            if trace.actors is None or len({c for m in trace.actors.coded()
                                            for c in m.codes}) != 1:
                continue
            tree = Tree(trace.sentence)
            if any(p.lemma in implying or tree.texts[p.verb] in implying
                   for p in trace.predicates):
                implied += bool(trace.events)
            else:
                assert not trace.events, trace.sentence.text
                skipped += any(m is not None for m in trace.matches)
    assert skipped > 5 and implied >= 1, (skipped, implied)
