"""Pattern matching works out a predicate's word sets (``after``, ``before``, its reported
clauses, its place phrases) only when a pattern needs them; the matches are those of
fully worked-out predicates, on the real parses of tests/data/coder/ with the default
dictionaries."""

from __future__ import annotations

import functools

import pytest
from coder_fixtures import CODER_DATA

from eventcoder.actors import ActorLexicon, SentenceActors, find_actors
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.patterns import VerbIndex, VerbMatch, match_predicate
from eventcoder.predicates import Predicate, find_predicates
from eventcoder.repairs import repair_parse
from eventcoder.tree import Tree


@functools.cache
def _index() -> tuple[VerbIndex, ActorLexicon]:
    dset = load_dictionaries(None)
    return VerbIndex(dset.verbs, dset.synsets), ActorLexicon(dset.actors, dset.agents, dset.places)


@functools.cache
def _sentences() -> tuple[tuple[Tree, SentenceActors], ...]:
    _, lexicon = _index()
    found = []
    for path in sorted(CODER_DATA.glob("*.conllu")):
        for doc in read_conllu(path):
            for sentence in doc.sentences:
                tree = Tree(repair_parse(sentence))
                found.append((tree, find_actors(lexicon, tree, doc.date, [], uncoded=True)))
    return tuple(found)


def _matches(lazy: bool, **options: bool) -> list[tuple[Predicate, VerbMatch | None]]:
    index, _ = _index()
    return [(p, match_predicate(index, tree, p, actors, **options))
            for tree, actors in _sentences() for p in find_predicates(tree, lazy=lazy)]


@pytest.mark.parametrize("options", [{}, {"narrow": True}, {"adjacent_preps": True},
                                     {"explain": True, "narrow": True}])
def test_lazy_predicates_match_as_full_ones(options: dict[str, bool]) -> None:
    lazy = _matches(True, **options)
    full = _matches(False, **options)
    assert len(lazy) > 100
    assert [m for _, m in lazy] == [m for _, m in full]
    assert sum(m is not None and m.pattern is not None for _, m in lazy) > 20


def test_parts_no_pattern_needs_are_not_worked_out() -> None:
    """Most matched verbs try no pattern with items after ``*``: their ``after`` is
    never worked out, and their matches (the test above) are the same."""
    matched = [p for p, m in _matches(True) if m is not None]
    unworked = [p for p in matched if p._after is None]
    assert len(unworked) > len(matched) // 2
    assert any(p._after is not None for p in matched)
