"""The country context of bare agents, places that are not actors, reciprocal codes of
one phrase, attribution phrases and pattern ties between layers, on real parses
(tests/data/coder/context.conllu: spaCy en_core_web_sm 3.8 through the spaCy adapter,
hand-checked) with the test dictionaries tests/data/coder/context.yaml."""

from __future__ import annotations

import functools

from coder_fixtures import CODER_DATA

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries


@functools.cache
def coder() -> Coder:
    dset = load_dictionaries([CODER_DATA / "context.yaml"], include_default=False, cache=False)
    return Coder(dset)


@functools.cache
def docs() -> dict:
    return {d.id: d for d in read_conllu(CODER_DATA / "context.conllu")}


def coded(doc_id: str) -> list[tuple[str, str, str]]:
    events = coder().code_document(docs()[doc_id])
    return [(e.source.code, e.code, e.target.code) for e in events]  # type: ignore[union-attr]


def test_bare_agent_takes_the_country_of_a_place_in_the_sentence() -> None:
    """"battled rebels in the town of Qusayr": Qusayr is in Syria, so the rebels are SYRREB."""
    assert coded("place-context") == [("LBNREB", "190", "SYRREB")]


def test_bare_agent_without_a_place_stays_uncoded() -> None:
    """With no place in the sentence (or before it) "rebels" has no country: no event."""
    assert coded("no-place") == []


def test_bare_agents_take_the_country_of_an_earlier_sentence() -> None:
    """"Fighting raged around Qusayr. Government troops shelled rebels.": the second
    sentence names no place, so it takes the first one's country (and the later of two
    equally specific patterns wins: SHELL_LATE's 194)."""
    assert coded("earlier-sentence") == [("SYRMIL", "194", "SYRREB")]


def test_a_city_is_a_place_not_its_country() -> None:
    """"Rebels captured Aleppo from government troops": Aleppo (a place that is not a
    capital) is not the actor Syria, so the target is the troops, and it places the event
    in Syria for the bare agents."""
    assert coded("city-not-actor") == [("SYRREB", "192", "SYRMIL")]


def test_a_capital_stays_an_actor() -> None:
    """"Damascus" is a capital: the Syria entry that lists it still codes it."""
    sentence = docs()["city-not-actor"].sentences[0]
    from eventcoder.actors import find_actors

    found = find_actors(coder().lexicon, sentence, None, [])
    aleppo = next(m for m in found.mentions if m.text == "Aleppo")
    assert (aleppo.kind, aleppo.codes, aleppo.country) == ("place", (), "SYR")
    assert coder().lexicon.matcher.lookup("Damascus")[0][0] == 0  # actor payload first


def test_a_held_place_is_not_its_holders() -> None:
    """"shelled rebel-held areas near Qusayr": the areas are a place, not the rebels."""
    assert coded("held-place") == []


def test_an_indefinite_individual_takes_no_country() -> None:
    """"A suicide bomber attacked government troops in Qusayr": the bomber is not coded
    (gold/README: unnamed individuals are not actors)."""
    assert coded("bomber") == []


def test_one_phrase_with_two_states_is_reciprocal() -> None:
    """"Russian and Turkish troops conducted a joint patrol": both directions of 062."""
    assert sorted(coded("joint-patrol")) == [("RUSMIL", "062", "TURMIL"),
                                             ("TURMIL", "062", "RUSMIL")]


def test_attribution_is_not_part_of_the_act() -> None:
    """"..., according to a monitoring group": "according" never matches &TREATY."""
    assert coded("attribution") == [("LBNREB", "190", "SYRREB")]
