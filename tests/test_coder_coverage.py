"""CAMEO verb coverage of the shipped dictionaries: one plain news sentence per common
verb or phrase of each CAMEO root (01-20), coded with the default dictionaries (10-world,
15-core, 20-syria) on real parses (tests/data/coder/coverage.conllu: spaCy
en_core_web_sm 3.8 through the spaCy adapter, hand-checked). Only sentences whose
coding is unambiguous under CAMEO are listed; each event is compared as (source
country, code, target country), the first three letters of the actor codes, so that the
test checks the verb data rather than the actor dictionaries' exact codes."""

from __future__ import annotations

import functools

import pytest
from coder_fixtures import CODER_DATA

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu

#: Sentence id -> the events the default dictionaries must give (sorted, distinct).
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "apologise": [('JPN', '055', 'KOR')],
    "urge-halt": [('FRA', '0256', 'RUS')],
    "call-on": [('EGY', '0256', 'ISR')],
    "appeal-aid": [('JOR', '0233', 'IGO')],
    "pledge-aid": [('DEU', '0333', 'JOR')],
    "offer-mediate": [('KWT', '039', 'QAT'), ('KWT', '039', 'SAU')],
    "meet": [('RUS', '040', 'TUR')],
    "talks": [('RUS', '046', 'TUR'), ('TUR', '046', 'RUS')],
    "phone": [('RUS', '041', 'TUR'), ('TUR', '041', 'RUS')],
    "visit": [('FRA', '042', 'LBN'), ('LBN', '043', 'FRA')],
    "praise": [('CHN', '051', 'IRN')],
    "endorse": [('RUS', '051', 'TUR')],
    "recognise": [('RUS', '054', 'GEO')],
    "defend": [('IRN', '052', 'RUS')],
    "sign-deal": [('ARE', '057', 'ISR'), ('ISR', '057', 'ARE')],
    "reach-deal": [('IRN', '057', 'USA'), ('USA', '057', 'IRN')],
    "joint-exercise": [('CHN', '062', 'RUS'), ('RUS', '062', 'CHN')],
    "share-intel": [('JOR', '064', 'GBR')],
    "send-aid": [('DEU', '073', 'TUR')],
    "provide-weapons": [('USA', '072', 'UKR')],
    "deliver-aid": [('IGO', '073', 'SYR')],
    "grant-asylum": [('DEU', '075', 'SYR')],
    "release": [('ISR', '0841', 'PSE')],
    "ease-sanctions": [('IGO', '085', 'IRN')],
    "lift-siege": [('ISR', '0872', 'PSE')],
    "withdraw": [('RUS', '0874', 'SYR')],
    "demand-withdraw": [('UKR', '1056', 'RUS')],
    "demand-release": [('GBR', '1053', 'IRN')],
    "condemn": [('RUS', '111', 'USA')],
    "criticise": [('TUR', '111', 'FRA')],
    "denounce": [('IRN', '111', 'SAU')],
    "accuse": [('GBR', '1124', 'RUS')],
    "reject-talks": [('IRN', '125', 'USA')],
    "refuse": [('IRN', '125', 'USA')],
    "threaten": [('TUR', '130', 'USA')],
    "threaten-attack": [('TUR', '1384', 'SYR')],
    "warn": [('IRN', '130', 'ISR')],
    "threaten-sanctions": [('USA', '1312', 'TUR')],
    "protest": [('PSE', '141', 'ISR')],
    "riot": [('SYR', '145', 'JOR')],
    "mass-troops": [('RUS', '154', 'UKR')],
    "mobilise": [('RUS', '154', 'UKR')],
    "alert": [('KOR', '152', 'PRK')],
    "sever-ties": [('SAU', '161', 'IRN')],
    "cut-ties": [('BHR', '161', 'IRN')],
    "expel": [('GBR', '161', 'RUS')],
    "recall": [('ITA', '161', 'FRA')],
    "sanction": [('USA', '163', 'IRN')],
    "suspend-aid": [('USA', '162', 'EGY')],
    "arrest": [('TUR', '173', 'DEU')],
    "detain": [('RUS', '173', 'USA')],
    "deport": [('TUR', '174', 'SYR')],
    "seize": [('IRN', '1711', 'GBR')],
    "confiscate": [('ISR', '1711', 'PSE')],
    "demolish": [('ISR', '1712', 'PSE')],
    "abduct": [('PSE', '181', 'ISR')],
    "kidnap": [('IMG', '181', 'SYR')],
    "hostage": [('PSE', '181', 'ISR')],
    "torture": [('SYR', '1822', 'SYR')],
    "execute": [('IMG', '202', 'EGY')],
    "assassinate": [('ISR', '186', 'IRN')],
    "suicide-bomb": [('IMG', '1831', 'TUR')],
    "airstrike": [('ISR', '195', 'LBN')],
    "shell": [('TUR', '194', 'SYR')],
    "attack": [('TUR', '190', 'SYR')],
    "clash": [('CHN', '190', 'IND'), ('IND', '190', 'CHN')],
    "capture": [('IMG', '192', 'SYR')],
    "besiege": [('SYR', '191', 'SYR')],
    "shoot-down": [('TUR', '190', 'RUS')],
    "bomb-air": [('RUS', '195', 'SYR')],
    "massacre": [('SYR', '202', 'SYR')],
    "chemical": [('SYR', '2041', 'SYR')],
    "chem-weapons": [('SYR', '2041', 'SYR')],
    "claim-attack": [('PSE', '015', 'ISR')],
    "defy2": [('PRK', '128', 'IGO')],
    "mass-border": [('RUS', '154', 'UKR')],
    "phone-both": [('RUS', '041', 'TUR'), ('TUR', '041', 'RUS')],
    "expel-refugees": [('PAK', '174', 'AFG')],
    "gas-attack": [('SYR', '2041', 'SYR')],
    "clash-with": [('CHN', '190', 'IND'), ('IND', '190', 'CHN')],
    "hand-over": [('TUR', '072', 'SYR')],
    "express-hope": [('TUR', '013', 'RUS')],
}


@functools.cache
def coder() -> Coder:
    return Coder()


@functools.cache
def docs() -> dict:
    return {d.id: d for d in read_conllu(CODER_DATA / "coverage.conllu")}


def coded(doc_id: str) -> list[tuple[str, str, str]]:
    events = coder().code_document(docs()[doc_id])
    return sorted({(e.source.code[:3], e.code, e.target.code[:3]) for e in events})


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_common_news_verb_gets_its_cameo_code(doc_id: str) -> None:
    """Each sentence gives exactly the listed events: the verb's CAMEO code, source and
    target (e.g. "Britain expelled 23 Russian diplomats" is 161, not 192 or 174)."""
    assert coded(doc_id) == EXPECTED[doc_id]


def test_every_committed_sentence_has_an_expectation() -> None:
    """The CoNLL-U file and the table list the same sentences (none is left untested)."""
    assert set(docs()) == set(EXPECTED)


def test_an_object_that_is_the_sources_own_is_passed_over() -> None:
    """"Russia withdrew its troops from Syria": "its troops" is Russia's own, so the
    target is the from-phrase (RUS 0874 SYR), not a dropped self-event."""
    assert coded("withdraw") == [("RUS", "0874", "SYR")]


def test_offer_to_mediate_is_intent_to_mediate() -> None:
    """"Kuwait offered to mediate between Saudi Arabia and Qatar": the complement's 045
    becomes 039 (express intent to mediate), not the generic 036."""
    assert coded("offer-mediate") == [("KWT", "039", "QAT"), ("KWT", "039", "SAU")]
