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


def test_future_act_in_reported_speech_is_intent() -> None:
    """"Germany said it would take in 10,000 Syrian refugees": sheltering refugees (073)
    announced with "would" is intent to provide humanitarian aid, 0333."""
    assert coded("would-take-in") == [("DEU", "0333", "SYRREF")]


def test_readiness_to_act_is_intent() -> None:
    """"Iran is ready to help rebuild Syria": the complement of "ready" is a commitment
    (material aid, 033)."""
    assert coded("ready-to-help") == [("IRN", "033", "SYR")]


def test_future_attack_is_a_threat() -> None:
    """"Netanyahu warned that Israel would strike Iranian forces": the announced strike
    is a threat of conventional attack (1384) by Israel; the warning itself has no target
    of its own (Israel is Netanyahu's own state)."""
    assert coded("would-strike") == [("ISR", "1384", "IRNMIL")]


def test_speculation_is_not_intent() -> None:
    """"Officials said Russia could attack Ukraine": "could" is a possibility, not an
    announcement: no event."""
    assert coded("could-attack") == []


def test_willingness_to_negotiate_is_intent_to_negotiate() -> None:
    """"The SDF said it was willing to negotiate with Damascus": 036 (CAMEO: future
    commitments to meet or negotiate)."""
    assert coded("willing-negotiate") == [("SYRREB", "036", "SYR")]


def test_meeting_named_after_a_city_gives_no_country_context() -> None:
    """"suspended its participation in the Geneva talks, accusing the government ...":
    Geneva names the talks, not where the sentence happens, so "the government" and
    "the main opposition bloc" do not become Swiss (no CHEGOV/CHEOPP event)."""
    assert coded("venue-talks") == []


def test_a_noun_tagged_as_an_object_verb_is_no_predicate() -> None:
    """spaCy tags "calls" in "rejected U.S. and French calls for him to step down" as a
    VERB attached as ``obj``: it is a noun, so there is no phone call (041) between the
    United States and France; the calls' owners are the targets of the rejection."""
    events = coded("calls-as-verb")
    assert not [e for e in events if e[1].startswith("04")]
    assert sorted(events) == [("SYRGOV", "1231", "FRA"), ("SYRGOV", "1231", "USA")]


def test_conditional_threat_is_aimed_at_the_subject_of_its_condition() -> None:
    """"Beijing warned that it would take firm countermeasures if Washington imposed new
    sanctions": the warned clause names only Beijing itself, so the threat (130) is aimed
    at the subject of the *if* clause; the conditional sanctions are not coded."""
    assert coded("threat-if") == [("CHN", "130", "USA")]


def test_every_intent_code_is_a_cameo_intent_or_threat_code() -> None:
    """The intent table only produces CAMEO codes of roots 03 and 13, and acts of
    saying, appeal or complaint have no intent code."""
    from eventcoder.intent import INTENT_CODES, intent_code
    from eventcoder.ontology import Ontology

    cameo = Ontology.cameo()
    for _, code in INTENT_CODES:
        assert cameo.get(code) is not None and code[:2] in ("03", "13")
    assert intent_code("073") == "0333" and intent_code("0874") == "0356"
    assert intent_code("195") == "1384" and intent_code("192") == "1382"
    assert intent_code("010") is None and intent_code("111") is None
