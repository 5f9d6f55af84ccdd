"""PETRARCH's coding conventions, checked on the real UDPipe parses of PETRARCH's
validation file (PETR_Validate_records_2_02.xml) with its own dictionaries.

Covers the Coder options ``irrealis="code"`` and ``targets="phrase"`` (the defaults
stay eventcoder's), the agent/actor combinations PETRARCH expects (state after an agent,
title before a bare-state person, a state tagged ``det``), verb blocks written as an
inflected form, and a floor for the whole validation file.
"""

from __future__ import annotations

import pytest

from eventcoder.coder import Coder
from eventcoder.evaluation.validate import (
    environment_dictionaries,
    petrarch_coder,
    run_validation,
)
from eventcoder.petrarch_records import ValidationRecord, read_records

VALIDATE_FILE = "peers/UniversalPetrarch/PETR_Validate_records_2_02.xml"


@pytest.fixture(scope="module")
def dictionaries(shared):
    path = shared / VALIDATE_FILE
    return environment_dictionaries(path, path.parent)


@pytest.fixture(scope="module")
def records(shared) -> dict[str, ValidationRecord]:
    return {r.id: r for r in read_records(shared / VALIDATE_FILE)}


def triples(coder: Coder, record: ValidationRecord) -> set[tuple[str, str, str]]:
    assert record.parse is not None
    return {
        (e.source.code if e.source else "---", e.target.code if e.target else "---", e.code)
        for e in coder.code_document(record.parse)
    }


def mention_codes(coder: Coder, record: ValidationRecord) -> dict[str, tuple[str, ...]]:
    assert record.parse is not None
    trace = coder.explain(record.parse).sentences[0]
    return {m.text: m.codes for m in trace.actors.mentions}


def test_planned_act_coded_only_with_irrealis_code(dictionaries, records) -> None:
    """"Arnor is about to restore full diplomatic ties with Gondor": eventcoder's default
    does not code the planned act; PETRARCH's convention does."""
    record = records["DEMO-01"]
    assert triples(Coder(dictionaries), record) == set()
    assert triples(Coder(dictionaries, irrealis="code"), record) == {("ARN", "GON", "050")}


def test_negated_act_stays_uncoded_with_irrealis_code(dictionaries, records) -> None:
    """irrealis="code" codes modal and planned acts, never negated ones ("didn't clash")."""
    coder = petrarch_coder(dictionaries)
    assert triples(coder, records["SYNSET-13"]) == set()
    assert ("BREGOV", "ERI", "110") in triples(coder, records["SYNSET-12"])


def test_target_from_phrase_only_with_phrase_policy(dictionaries, records) -> None:
    """"criticized the recent closure of guest houses in Bree": the strict default finds
    no target (a place phrase); targets="phrase" takes the first actor of the phrase."""
    record = records["DATE-04"]
    assert triples(Coder(dictionaries), record) == set()
    coder = Coder(dictionaries, targets="phrase")
    assert triples(coder, record) == {("HOBGOV", "BRE", "111")}


def test_policies_are_checked(dictionaries) -> None:
    """An unknown policy name is an error, not a silent default."""
    with pytest.raises(ValueError, match="irrealis"):
        Coder(dictionaries, irrealis="always")
    with pytest.raises(ValueError, match="targets"):
        Coder(dictionaries, targets="anything")


def test_agent_combines_with_states_after_it(dictionaries, records) -> None:
    """"Lawmakers and officials in Arnor and Gondor": each agent takes each state."""
    codes = mention_codes(Coder(dictionaries), records["COMPOUND-10"])
    assert codes["Lawmakers"] == ("ARNLEG", "GONLEG")
    assert codes["officials"] == ("ARNGOV", "GONGOV")


def test_title_completes_a_bare_state_person(dictionaries, records) -> None:
    """"Bree Prime Minister Romendacil": ROMENDACIL is [BRE]; the title adds ~GOV."""
    codes = mention_codes(Coder(dictionaries), records["SYNSET-12"])
    assert codes["Bree Prime Minister Romendacil"] == ("BREGOV",)


def test_state_parsed_as_det_combines(dictionaries, records) -> None:
    """UDPipe tags "Osgiliath" in "an attack by Osgiliath soldiers" as det: still one
    phrase, OSG + ~MIL."""
    codes = mention_codes(Coder(dictionaries), records["AGENT-09"])
    assert codes["Osgiliath soldiers"] == ("OSGMIL",)


def test_verb_block_for_an_inflected_form(dictionaries, records) -> None:
    """PETRARCH's LEFT [042:043] block wins over LEAVE [012] for the form "left"."""
    found = triples(Coder(dictionaries, targets="phrase"), records["DEMO-04"])
    assert found == {("ELF", "GON", "042"), ("GON", "ELF", "043")}


def test_whole_validation_file_floor(shared, dictionaries) -> None:
    """The whole file, coded with its own parses: a floor against regressions (measured
    72.7% records exact, 72.1% events found, 13.0 extra per 100 expected)."""
    run = run_validation(shared / VALIDATE_FILE, petrarch_coder(dictionaries))
    total = run.total.to_dict()
    assert total["records"] == 264
    assert total["records_exact_pct"] >= 72.0
    assert total["events_found_pct"] >= 71.0
    assert total["extra_pct"] <= 14.0
