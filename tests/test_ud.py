"""Tests for eventcoder.ud: UD v1 -> v2 normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import UPOS, heads

from eventcoder.conllu import read_conllu
from eventcoder.model import Sentence, Word
from eventcoder.ud import (
    _PLAIN_V2,
    AUX_RELATIONS,
    V1_ONLY_RELATIONS,
    V1_TO_V2,
    is_v2,
    normalise_deprel,
    normalise_sentence,
    normalise_words,
)
from eventcoder.ud import _already_v2 as _already_v2

DATA = Path(__file__).parent / "data"


def _v1_sentences() -> list[Sentence]:
    return [s for doc in read_conllu(DATA / "udpipe_v1.conllu", normalise=False) for s in doc]


class TestNormaliseDeprel:
    @pytest.mark.parametrize(
        ("v1", "v2"),
        [
            ("dobj", "obj"),
            ("nsubjpass", "nsubj:pass"),
            ("csubjpass", "csubj:pass"),
            ("auxpass", "aux:pass"),
            ("name", "flat"),
            ("mwe", "fixed"),
            ("remnant", "orphan"),
            ("foreign", "flat:foreign"),
            ("nmod:agent", "obl:agent"),
        ],
    )
    def test_context_free_renames(self, v1: str, v2: str) -> None:
        """Every entry of the table is renamed whatever the head."""
        assert normalise_deprel(v1, head_upos="VERB") == v2
        assert normalise_deprel(v1, head_upos="NOUN") == v2

    @pytest.mark.parametrize("head", ["VERB", "ADJ", "ADV", "AUX"])
    def test_nmod_under_predicate_becomes_obl(self, head: str) -> None:
        """nmod and its tmod/npmod subtypes under a non-nominal head become obl."""
        assert normalise_deprel("nmod", head_upos=head) == "obl"
        assert normalise_deprel("nmod:tmod", head_upos=head) == "obl:tmod"
        assert normalise_deprel("nmod:npmod", head_upos=head) == "obl:npmod"

    @pytest.mark.parametrize("head", ["NOUN", "PROPN", "PRON", "NUM"])
    def test_nmod_under_nominal_stays(self, head: str) -> None:
        """nmod under a nominal head is a noun modifier and keeps its name."""
        assert normalise_deprel("nmod", head_upos=head) == "nmod"
        assert normalise_deprel("nmod:npmod", head_upos=head) == "nmod:npmod"

    def test_nmod_poss_and_unknown_head_stay(self) -> None:
        """nmod:poss never changes; without a head UPOS nmod is left alone."""
        assert normalise_deprel("nmod:poss", head_upos="VERB") == "nmod:poss"
        assert normalise_deprel("nmod") == "nmod"

    def test_neg(self) -> None:
        """neg becomes det on a determiner and advmod otherwise."""
        assert normalise_deprel("neg", upos="PART") == "advmod"
        assert normalise_deprel("neg", upos="DET") == "det"

    @pytest.mark.parametrize("v2", ["obj", "obl", "nsubj:pass", "flat", "advmod", "acl:relcl"])
    def test_v2_relations_unchanged(self, v2: str) -> None:
        """UD v2 relations pass through."""
        assert normalise_deprel(v2, head_upos="VERB", upos="NOUN") == v2

    def test_table_has_no_v2_keys(self) -> None:
        """No value of the rename table is itself renamed (one pass is enough)."""
        assert not set(V1_TO_V2.values()) & set(V1_TO_V2)


class TestNormaliseWords:
    def test_real_udpipe_parse(self) -> None:
        """DEMO-01 (UDPipe 1): dobj->obj, nmod under verb->obl, nmod:tmod->obl:tmod, cop->AUX."""
        sentence = normalise_sentence(_v1_sentences()[0])
        by_form = {w.text: w for w in sentence}
        assert by_form["ties"].deprel == "obj"
        assert by_form["Gondor"].deprel == "obl"  # "restore ... with Gondor"
        assert by_form["years"].deprel == "obl:tmod"
        assert by_form["crowds"].deprel == "obl"
        assert by_form["embassy"].deprel == "obj"
        assert by_form["is"].upos == "AUX"
        assert by_form["is"].deprel == "cop"
        assert by_form["its"].deprel == "nmod:poss"

    def test_passive_name_and_conj(self) -> None:
        """DEMO-26: nsubjpass, auxpass, name and CONJ are renamed; nmod under a noun stays."""
        sentence = normalise_sentence(_v1_sentences()[1])
        by_form = {w.text: w for w in sentence}
        assert by_form["hafling"].deprel == "nsubj:pass"
        assert by_form["was"].deprel == "aux:pass"
        assert by_form["Cirith"].deprel == "flat"
        assert by_form["and"].upos == "CCONJ"
        assert by_form["pass"].deprel == "obl"  # "reported on the pass"
        assert by_form["Ungol"].deprel == "nmod"  # "the pass of Cirith Ungol"

    def test_neg_keeps_negation_as_feature(self) -> None:
        """DEMO-32: 'not' (neg) becomes advmod with Polarity=Neg added."""
        sentence = normalise_sentence(_v1_sentences()[2])
        negation = next(w for w in sentence if w.text == "not")
        assert negation.deprel == "advmod"
        assert negation.feat("Polarity") == "Neg"

    def test_existing_polarity_kept_and_features_sorted(self) -> None:
        """An existing Polarity feature is not duplicated; an added one is sorted in."""
        words = [
            Word(1, "no", "no", "DET", 2, "neg", feats="PronType=Neg"),
            Word(2, "deal", "deal", "NOUN", 0, "root"),
            Word(3, "not", "not", "PART", 2, "neg", feats="Polarity=Pos"),
        ]
        out = normalise_words(words)
        assert out[0].deprel == "det"
        assert out[0].feats == "Polarity=Neg|PronType=Neg"
        assert out[2].feats == "Polarity=Pos"

    def test_v2_input_returns_same_objects(self) -> None:
        """A UD v2 parse (stanza style) comes back unchanged, word for word."""
        for doc in read_conllu(DATA / "stanza_v2.conllu", normalise=False):
            for sentence in doc:
                assert is_v2(sentence.words)
                assert normalise_sentence(sentence) is sentence

    def test_no_v1_relation_left(self) -> None:
        """After normalisation no v1-only relation remains in the v1 sample."""
        for sentence in _v1_sentences():
            assert not is_v2(sentence.words)
            out = normalise_sentence(sentence)
            assert is_v2(out.words)
            assert not {w.base_deprel for w in out} & V1_ONLY_RELATIONS


_V1_AND_V2 = (*V1_TO_V2, "neg", "nmod", "nmod:tmod", "nmod:npmod", "nmod:poss", "obj", "obl",
              "aux", "cop", "case", "amod", "conj")


@st.composite
def _v1_words(draw: st.DrawFn) -> list[Word]:
    n = draw(st.integers(1, 8))
    tree = draw(heads(n))
    return [
        Word(
            i, "w", "w", draw(st.sampled_from((*UPOS, "CONJ"))), head,
            "root" if head == 0 else draw(st.sampled_from(_V1_AND_V2)),
            feats=draw(st.none() | st.sampled_from(("Number=Sing", "Polarity=Neg"))),
        )
        for i, head in enumerate(tree, start=1)
    ]


@given(_v1_words())
def test_normalisation_is_idempotent(words: list[Word]) -> None:
    """Normalising twice gives the same words as normalising once, and leaves no v1 names."""
    once = normalise_words(words)
    assert normalise_words(once) == once
    assert is_v2(once)
    assert [w.head for w in once] == [w.head for w in words]


@given(_v1_words())
def test_quick_v2_test_never_skips_a_needed_change(words: list[Word]) -> None:
    """When the quick test says a sentence is already v2, no word's relation or UPOS would
    be rewritten (so skipping the word-by-word pass changes nothing)."""
    upos = [w.upos for w in words]
    heads_ = [w.head for w in words]
    deprels = [w.deprel for w in words]
    if not _already_v2(upos, heads_, deprels):
        return
    for word in words:
        head_upos = upos[word.head - 1] if word.head else None
        assert normalise_deprel(word.deprel, head_upos=head_upos, upos=word.upos) == word.deprel
        assert word.upos != "CONJ"
        assert not (word.upos == "VERB" and word.deprel in AUX_RELATIONS)


def test_quick_v2_test_passes_real_v2_parses() -> None:
    """A real UD v2 parse (spaCy, converted) takes the quick path: nmod under nouns only."""
    doc = next(read_conllu(DATA / "coder" / "idlib.conllu"))
    sentence = doc.sentences[0]
    assert any(w.deprel == "nmod" for d in [doc] for s in d for w in s)
    assert _already_v2([w.upos for w in sentence], [w.head for w in sentence],
                       [w.deprel for w in sentence])


@pytest.mark.parametrize("label", sorted(_PLAIN_V2))
def test_plain_v2_labels_are_never_rewritten(label: str) -> None:
    """The relations the quick test skips keep their name under any head and any UPOS."""
    for head_upos in (None, *UPOS, "CONJ"):
        for upos in (*UPOS, "CONJ"):
            assert normalise_deprel(label, head_upos=head_upos, upos=upos) == label
