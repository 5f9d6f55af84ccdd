"""Threats, offers and agreements to act, and the targets of infinitive complements, on
real parses (tests/data/coder/intent.conllu: spaCy en_core_web_sm 3.8 through the spaCy
adapter, hand-checked) with the default dictionaries (15-core verb blocks CORE_AGREE,
CORE_OFFER, CORE_THREATEN, CORE_PROTEST)."""

from __future__ import annotations

import functools

from coder_fixtures import CODER_DATA, triples

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu


@functools.cache
def coder() -> Coder:
    return Coder()


@functools.cache
def docs() -> dict:
    return {d.id: d for d in read_conllu(CODER_DATA / "intent.conllu")}


def coded(doc_id: str) -> list:
    return triples(coder().code_document(docs()[doc_id]))


def test_threat_takes_the_target_of_its_complements_object() -> None:
    """"threatened on Monday to cut its ties with Israel": the time phrase does not stop
    the threat from seeing the complement's object, whose with-phrase is the target."""
    assert coded("threat-ties") == [("TUR", "1313", "ISR")]


def test_threat_sees_through_a_light_verbs_event_noun() -> None:
    """"threatened to launch an offensive against the SDF" is a threat of force (138)
    against the SDF; the offensive itself is not coded."""
    assert coded("threat-offensive") == [("TUR", "138", "SYRREB")]


def test_agreement_to_impose_an_embargo_is_the_sanction() -> None:
    """"agreed to impose an embargo on Russian oil imports": 163 on Russia (CAMEO: the
    decision is the act), and no separate 170 for "impose"."""
    assert coded("agree-embargo") == [("IGOEUREEC", "163", "RUS")]


def test_agreement_to_restore_relations_is_reciprocal() -> None:
    """"Saudi Arabia and Iran agreed to restore diplomatic relations": 054 both ways."""
    assert coded("agree-relations") == [("SAU", "054", "IRN"), ("IRN", "054", "SAU")]


def test_crowds_protesting_a_policy_demonstrate_for_change() -> None:
    """"Thousands of Israelis protested against the Israeli government's plan": 1412,
    not the residual 140."""
    assert coded("protest-plan") == [("ISRCVL", "1412", "ISRGOV")]


def test_offer_to_host_talks_is_intent_to_mediate() -> None:
    """"offered to host talks between Israel and Hamas": 039 towards each party, found
    in the between-phrase of the complement's object."""
    assert coded("offer-host") == [("EGY", "039", "ISR"), ("EGY", "039", "PSEREBHMS")]
