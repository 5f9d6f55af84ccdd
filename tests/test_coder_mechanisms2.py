"""More coding mechanisms behind common misses, on real parses (tests/data/coder/
mechanisms2.conllu: spaCy en_core_web_sm 3.8 through the spaCy adapter, hand-checked,
with the parser's quirks kept): participial accusations hung inside a demanded clause,
the owners of a rejected or denied thing as targets, bombings claimed by a named group,
"in defiance of X", the parties of "talks between X and Y", and captures whose clause
names who retreated, and shows of force answering another actor's act."""

from __future__ import annotations

import functools

import pytest
from coder_fixtures import CODER_DATA

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.model import Document
from eventcoder.predicates import Predicate, find_predicates
from eventcoder.repairs import repair_parse

#: Sentence id -> the events the default dictionaries give (source, code, target).
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "accuse-after-demand": [("UKR", "1056", "RUSMIL"), ("UKR", "112", "RUSMIL")],
    "accuse-after-act": [("TUR", "112", "RUS"), ("TUR", "161", "RUS")],
    "reject-owners": [("SYRGOV", "1231", "FRA"), ("SYRGOV", "1231", "USA")],
    "dismiss-possessive": [("TUR", "125", "RUS")],
    "reject-own-plan": [],
    "deny-claim": [("RUS", "016", "USA")],
    "deny-bare": [],
    "car-bomb-claimed": [("SYRREBMUS", "1832", "SYRMIL")],
    "car-bomb-unclaimed": [],
    "suicide-bomber": [("IMGMUSISI", "1831", "IRQMIL")],
    "defiance": [("PRK", "128", "IGOUNO")],
    "defiance-negated": [],
    "host-talks-between": [("KAZ", "039", "SYRGOV"), ("KAZ", "039", "SYRREB")],
    "mediate-talks-between": [("QAT", "039", "ISR"), ("QAT", "039", "PSEREBHMS")],
    "capture-after-retreat": [("IMGMUSISI", "0874", "SYRMIL"), ("SYRMIL", "192", "IMGMUSISI")],
    "sweep-forcing-retreat": [("SYRREBMUS", "192", "SYRMIL")],
    "shell-after-retreat": [],
    "coordination-demand": [("IGOUNO", "1056", "SYRGOV"), ("IGOUNO", "1056", "SYRREB")],
    "demolish-built-by": [("LBNMIL", "1712", "SYRREF")],
    "alert-after-provocation": [("JPN", "152", "PRK")],
    "alert-after-own-act": [],
    "led-by": [("SYRREB", "190", "SYRMIL")],
}


@functools.cache
def coder() -> Coder:
    return Coder()


@functools.cache
def docs() -> dict[str, Document]:
    return {d.id: d for d in read_conllu(CODER_DATA / "mechanisms2.conllu")}


def coded(doc_id: str) -> list[tuple[str, str, str]]:
    events = coder().code_document(docs()[doc_id])
    return sorted({(e.source.code, e.code, e.target.code) for e in events})


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_mechanism_sentence_gives_exactly_its_events(doc_id: str) -> None:
    """Each committed sentence gives exactly the listed events."""
    assert coded(doc_id) == EXPECTED[doc_id]


def test_every_committed_sentence_has_an_expectation() -> None:
    """The CoNLL-U file and the table list the same sentences."""
    assert set(docs()) == set(EXPECTED)


def _predicate(doc_id: str, lemma: str) -> tuple[Predicate, dict[int, str]]:
    sentence = repair_parse(docs()[doc_id].sentences[0])
    words = {w.id: w.text for w in sentence.words}
    found = next(p for p in find_predicates(sentence) if p.lemma == lemma)
    return found, words


def test_participial_accusation_inside_a_demanded_clause_is_the_speakers() -> None:
    """spaCy hangs "accusing" under "leave" (the demanded clause): the accuser is the
    main clause's subject, Ukraine, and the accusation is real, not requested."""
    accusing, words = _predicate("accuse-after-demand", "accuse")
    assert [words[a.head] for a in accusing.sources] == ["Ukraine"]
    assert accusing.irrealis is None


def test_accused_act_is_not_coded() -> None:
    """"accusing Moscow of violating its airspace": the violation is only alleged."""
    violating, _ = _predicate("accuse-after-act", "violate")
    assert violating.irrealis == "alleged act (under 'accuse')"
    assert all(code != "128" for _, code, _ in coded("accuse-after-act"))


def test_rejecting_ones_own_plan_has_no_target() -> None:
    """The owner of a rejected thing is its target only when it is someone else."""
    assert coded("reject-own-plan") == []


def test_unclaimed_bombing_gives_no_event() -> None:
    """An unnamed bomber is not an actor (gold/README "Actors"): no source, no event."""
    assert coded("car-bomb-unclaimed") == []


def test_talks_between_parties_hung_under_each_other() -> None:
    """spaCy makes "government" an ``nmod`` of "groups" inside "between ...": both are
    parties of the talks, so both are targets of the offer to host them."""
    assert {t for _, _, t in coded("host-talks-between")} == {"SYRGOV", "SYRREB"}


def test_coordination_hung_under_its_last_conjunct_is_regrouped() -> None:
    """spaCy makes "government" a case-less ``nmod`` of "groups" and "rebel" its
    ``conj``; the repair makes "groups" the conjunct of "government", "rebel" its
    modifier, and moves "between" to the first conjunct."""
    sentence = repair_parse(docs()["host-talks-between"].sentences[0])
    words = {w.text: w for w in sentence.words}
    assert (words["government"].deprel, words["government"].head) == ("nmod", words["talks"].id)
    assert (words["groups"].deprel, words["groups"].head) == ("conj", words["government"].id)
    assert words["rebel"].head == words["groups"].id
    assert words["between"].head == words["government"].id
    assert words["and"].head == words["groups"].id


def test_regular_coordination_is_left_alone() -> None:
    """A sentence whose conjuncts are parsed right is not changed by the repair."""
    sentence = repair_parse(docs()["mediate-talks-between"].sentences[0])
    assert sentence is docs()["mediate-talks-between"].sentences[0]


def test_a_retreat_in_a_clause_of_an_attack_is_no_target() -> None:
    """Only a capture (192) is aimed at whoever withdrew in its clause: shelling a town
    after the fighters left is no attack on them, and their withdrawal no retreat from
    the shelling."""
    assert coded("shell-after-retreat") == []


def test_a_group_led_by_an_actor_is_no_cooperation() -> None:
    """"Syrian rebels led by Hayat Tahrir al-Sham" says who the rebels are: CORE_LEAD
    blocks the world set's default 060 for "lead", leaving the attack."""
    assert all(code != "060" for _, code, _ in coded("led-by"))
