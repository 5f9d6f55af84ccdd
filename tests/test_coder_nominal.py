"""Nominal events, light verbs, participles with a by-agent and the actor conventions
(eventcoder.nominals, eventcoder.actor_conventions), on real spaCy parses
(tests/data/coder/nominal.conllu, hand-checked) with tests/data/coder/nominal.yaml."""

from __future__ import annotations

import functools

import pytest
from coder_fixtures import CODER_DATA, triples

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.dictionaries.schema import Synset, VerbEntry
from eventcoder.nominals import NounIndex
from eventcoder.predicates import Tree


@functools.cache
def _coder() -> Coder:
    dset = load_dictionaries([CODER_DATA / "nominal.yaml"], include_default=False, cache=False)
    return Coder(dset)


@functools.cache
def _docs() -> dict:
    return {doc.id: doc for doc in read_conllu(CODER_DATA / "nominal.conllu")}


def _coded(doc_id: str) -> list[tuple[str | None, str, str | None]]:
    return triples(_coder().code_document(_docs()[doc_id]))


class TestLightVerbs:
    def test_event_noun_object_codes_as_its_verb(self) -> None:
        """"launched an offensive against X": the noun's block code, its against-phrase."""
        assert _coded("light-offensive") == [("TUR", "190", "SYRREBKUR")]

    def test_quantity_and_multiword_noun(self) -> None:
        """"carried out dozens of air strikes on X": the longest noun, "air strike" (195)."""
        assert _coded("light-air-strikes") == [("RUSMIL", "195", "SYRREB")]

    def test_of_phrase_and_visit(self) -> None:
        """"tightened their siege of X" is 191; "paid a visit to Moscow" is 042."""
        assert _coded("light-siege") == [("SYRMIL", "191", "SYRREB")]
        assert _coded("light-visit") == [("TURGOV", "042", "RUS")]

    @pytest.mark.parametrize("doc_id", ["light-negated", "light-planned"])
    def test_negated_or_planned_light_verb_gives_nothing(self, doc_id: str) -> None:
        """"did not launch" / "plans to launch" an offensive: the act did not happen."""
        assert _coded(doc_id) == []


class TestByPhrases:
    def test_event_noun_subject_with_by_and_on_phrases(self) -> None:
        """"An air strike by X on Y killed ...": X 195 Y, coded like a verb."""
        assert _coded("by-subject") == [("RUSMIL", "195", "SYRREB")]

    def test_gerund_subject_takes_the_verbs_object(self) -> None:
        """"Shelling by X killed Y" (spaCy: csubj gerund): X 194 Y, no separate killing."""
        assert _coded("by-gerund") == [("SYRMIL", "194", "SYRCVL")]

    def test_event_noun_object_of_another_verb(self) -> None:
        """"condemned the attack by X on Y": the attack itself is X 190 Y."""
        assert ("LBNHEZ", "190", "SYRREB") in _coded("by-object")

    def test_passive_agent_is_left_to_the_verb(self) -> None:
        """"were killed in an air strike by X": one event, the verb's (no double)."""
        assert _coded("by-passive") == [("RUSMIL", "190", "SYRREB")]

    def test_participle_by_agent_acts_on_the_parties(self) -> None:
        """"agreed ... in a deal brokered by China": China 045 each party."""
        assert _coded("brokered") == [("CHN", "045", "SAU"), ("CHN", "045", "IRN")]
        assert ("ARE", "045", "RUS") in _coded("mediated")
        assert ("ARE", "045", "UKR") in _coded("mediated")


class TestActorConventions:
    def test_plural_nationality_noun_is_civilians(self) -> None:
        """"Israelis protested against the government": ISRCVL 141 ISRGOV."""
        assert _coded("demonym") == [("ISRCVL", "141", "ISRGOV")]

    def test_country_name_ending_in_s_is_not_a_demonym(self) -> None:
        """"The Philippines" stays the state."""
        assert _coded("not-demonym") == [("PHL", "111", "CHN")]

    def test_state_military_place_is_its_forces(self) -> None:
        """"Ukrainian positions" are UKRMIL."""
        assert _coded("positions") == [("RUSMIL", "194", "UKRMIL")]

    def test_former_officer_is_an_elite(self) -> None:
        """"a former Syrian intelligence colonel" is SYRELI, not SYRMIL."""
        assert _coded("former") == [("DEUJUD", "116", "SYRELI")]


class TestNounIndex:
    def test_longest_noun_and_light_verbs(self) -> None:
        """"air strike" beats "strike"; a block without a default code is ignored."""
        verbs = [VerbEntry("A", ("assault",), "190", nouns=("strike",)),
                 VerbEntry("B", ("bomb",), "195", nouns=("air strike",)),
                 VerbEntry("C", ("x",), None, nouns=("offensive",))]
        index = NounIndex(verbs, [Synset("LIGHT_VERB", ("carry out",))])
        sentence = _docs()["by-subject"].sentences[0]
        tree = Tree(sentence)
        found = index.lookup(tree, tree.word(3))
        assert found is not None and found[0].name == "B" and found[1] == "air strike"
        assert "carry out" in index.light
        offensive = _docs()["light-offensive"].sentences[0]
        assert index.lookup(Tree(offensive), Tree(offensive).word(4)) is None
