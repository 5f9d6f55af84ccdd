"""Tests for eventcoder.tree: the per-sentence view must answer exactly as the Sentence
does, on real parses (tests/data/coder/*.conllu, spaCy through the adapter)."""

from __future__ import annotations

import pytest
from coder_fixtures import doc, fixture_docs

from eventcoder.model import Sentence
from eventcoder.tree import Tree, as_tree

#: Relation queries the coder asks (bare relations also match their subtypes).
QUERIES = [("nmod",), ("obl",), ("obl:agent",), ("conj",), ("case",), ("nsubj", "nsubj:pass"),
           ("advmod", "neg", "aux"), ("obl:agent", "obl"), ("compound:prt",)]


def _sentences(name: str) -> list[Sentence]:
    return [s for d in fixture_docs(name).values() for s in d.sentences]


@pytest.mark.parametrize("name", ["args", "args2", "idlib", "intent"])
def test_children_and_subtrees_agree_with_the_sentence(name: str) -> None:
    for sentence in _sentences(name):
        tree = Tree(sentence)
        for word in sentence.words:
            assert tuple(tree.children(word)) == sentence.children(word)
            for rels in QUERIES:
                expected = sentence.children(word, *rels)
                assert tuple(tree.children(word, *rels)) == expected
                assert tuple(tree.children(word.id, *rels)) == expected  # asked again: memo
            assert tuple(tree.subtree(word)) == sentence.subtree(word)
            assert tree.subtree_ids(word.id) == [w.id for w in sentence.subtree(word)]


def test_bare_relation_matches_its_subtypes() -> None:
    """"attacked by troops and Hezbollah": ``obl`` finds the ``obl:agent``, which
    ``obl:agent`` finds too, and ``obl:tmod`` does not."""
    sentence = doc("args", "passive").sentences[0]
    tree = Tree(sentence)
    verb = next(w for w in sentence.words if w.lemma == "attack")
    agents = tree.children(verb, "obl:agent")
    assert [w.text for w in agents] == ["troops"]
    assert tree.children(verb, "obl")[: len(agents)] == agents
    assert tree.children(verb, "obl:tmod") == []


def test_case_word_of_a_phrase() -> None:
    """The lower-case lemma of a phrase's case word ("by"), None for a phrase without."""
    sentence = doc("args", "passive").sentences[0]
    tree = Tree(sentence)
    troops = next(w for w in sentence.words if w.text == "troops")
    assert tree.case(troops) == "by"
    assert tree.case(troops.id) == "by"
    verb = next(w for w in sentence.words if w.lemma == "attack")
    assert tree.case(verb) is None


def test_lower_case_words_subjects_and_sentence_fields() -> None:
    sentence = doc("args", "passive").sentences[0]
    tree = Tree(sentence)
    assert tree.lemmas[0] == tree.texts[0] == ""
    assert list(tree.texts[1:]) == [w.text.lower() for w in sentence.words]
    assert tree.subjects == frozenset(
        w.id for w in sentence.words if w.deprel.startswith("nsubj"))
    assert (tree.index, tree.text, tree.doc_id) == (sentence.index, sentence.text,
                                                     sentence.doc_id)
    assert tree.span_text(1, len(sentence)) == sentence.span_text(1, len(sentence))
    assert as_tree(tree) is tree
    assert as_tree(sentence).sentence is sentence
