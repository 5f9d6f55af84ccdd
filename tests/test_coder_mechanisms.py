"""Coding mechanisms behind common misses, on real parses (tests/data/coder/
mechanisms.conllu: spaCy en_core_web_sm 3.8 through the spaCy adapter, hand-checked;
the parses keep the parser's quirks, which the coder repairs): implied targets declared
in the dictionary (a veto's target is the UN Security Council), verbs parsed as
auxiliaries ("halt fighting"), sentences parsed as a noun phrase ("militants abducted
..."), requests that did not happen ("demanded that Israel stop bombing"), and
optimism about relations with an actor ("said he was hopeful that relations with
Russia ...")."""

from __future__ import annotations

import functools

import pytest
from coder_fixtures import CODER_DATA

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.dump import dumps
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.model import Document
from eventcoder.predicates import find_predicates
from eventcoder.repairs import repair_parse

#: Sentence id -> the events the default dictionaries give, as (source country, code,
#: target) with the target's full code when it is implied, else its country.
EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "veto-resolution": [("USA", "129", "IGOUNO")],
    "veto-draft": [("RUS", "129", "IGOUNO")],
    "veto-council": [("CHN", "129", "IGOUNO"), ("RUS", "129", "IGOUNO")],
    "veto-bill": [],
    "veto-negated": [],
    "aux-halt": [("IGO", "1056", "SYR")],
    "aux-stop": [("IRN", "1056", "ISR")],
    "demand-withdraw-clause": [("IRN", "1056", "ISR")],
    "hopeful-relations": [("TUR", "013", "RUS")],
    "optimistic-talks": [("TUR", "013", "RUS")],
    "pessimistic-talks": [("RUS", "012", "USA")],
    "hopeful-other": [],
    "abduct-root": [("IMG", "181", "SYR")],
    "abduct-said": [("IMG", "181", "SYR")],
}


@functools.cache
def coder() -> Coder:
    return Coder()


@functools.cache
def docs() -> dict[str, Document]:
    return {d.id: d for d in read_conllu(CODER_DATA / "mechanisms.conllu")}


def coded(doc_id: str) -> list[tuple[str, str, str]]:
    events = coder().code_document(docs()[doc_id])
    return sorted({(e.source.code[:3], e.code,
                    e.target.code if e.target.code == "IGOUNO" else e.target.code[:3])
                   for e in events})


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_mechanism_sentence_gives_exactly_its_events(doc_id: str) -> None:
    """Each committed sentence gives exactly the listed events."""
    assert coded(doc_id) == EXPECTED[doc_id]


def test_every_committed_sentence_has_an_expectation() -> None:
    """The CoNLL-U file and the table list the same sentences."""
    assert set(docs()) == set(EXPECTED)


def test_implied_target_is_shown_in_the_explanation() -> None:
    """"The United States vetoed the resolution" names no target: explain says the
    dictionary implied IGOUNO, and the event's target text says so."""
    explanation = coder().explain(docs()["veto-resolution"])
    assert "implied target from dictionary IGOUNO" in explanation.to_text()
    (event,) = explanation.events
    assert event.target is not None and "implied" in event.target.text


def test_a_veto_of_a_bill_has_no_implied_target() -> None:
    """The implied target is declared on resolution patterns only: a president's veto of
    a bill is not aimed at the Security Council (no event, not a wrong one)."""
    assert coded("veto-bill") == []


def test_false_auxiliary_becomes_the_head_of_its_clause() -> None:
    """spaCy attaches "stop" as ``aux`` of "bombing" with the clause's subject under it;
    the repair makes "stop" the ``ccomp`` of "demanded", with "Israel" its subject and
    "bombing" its ``xcomp``."""
    sentence = repair_parse(docs()["aux-stop"].sentences[0])
    words = {w.text: w for w in sentence.words}
    assert (words["stop"].deprel, words["stop"].head) == ("ccomp", words["demanded"].id)
    assert (words["Israel"].deprel, words["Israel"].head) == ("nsubj", words["stop"].id)
    assert (words["bombing"].deprel, words["bombing"].head) == ("xcomp", words["stop"].id)
    assert words["stop"].upos == "VERB"


def test_real_auxiliaries_are_left_alone() -> None:
    """A sentence with only true auxiliaries ("would have condemned") is not changed."""
    sentence = docs()["veto-draft"].sentences[0]
    assert repair_parse(sentence) is sentence


def test_requested_act_in_a_that_clause_is_irrealis() -> None:
    """"demanded that Israel withdraw its troops": the withdrawal has not happened."""
    sentence = repair_parse(docs()["demand-withdraw-clause"].sentences[0])
    withdraw = next(p for p in find_predicates(sentence) if p.lemma == "withdraw")
    assert withdraw.irrealis == "requested act (under 'demand')"


def test_participle_with_object_of_a_nominal_root_becomes_the_verb() -> None:
    """"Islamic State militants abducted ..., a monitoring group said": spaCy makes
    "militants" a second subject of "said" and "abducted" its participle; the repair
    makes "abducted" the reported clause with "militants" as its subject."""
    sentence = repair_parse(docs()["abduct-said"].sentences[0])
    words = {w.text: w for w in sentence.words}
    assert (words["abducted"].deprel, words["abducted"].head) == ("ccomp", words["said"].id)
    assert (words["militants"].deprel, words["militants"].head) == ("nsubj",
                                                                    words["abducted"].id)


def test_implied_target_round_trips_and_is_checked(tmp_path) -> None:
    """``target:`` on a block and a pattern survives load -> dump -> load; an invalid
    actor code there is an error naming the field."""
    good = tmp_path / "good.yaml"
    good.write_text(
        "verbs:\n"
        "  - name: VETO\n"
        "    lemmas: [veto]\n"
        "    code: '129'\n"
        "    target: IGOUNO\n"
        "    patterns:\n"
        "      - {pattern: '* RESOLUTION', code: '129', target: IGOUNO}\n",
        encoding="utf-8")
    dset = load_dictionaries([good], include_default=False, cache=False)
    (verb,) = dset.verbs
    assert verb.target == "IGOUNO" and verb.patterns[0].target == "IGOUNO"
    again = tmp_path / "again.yaml"
    again.write_text(dumps(dset), encoding="utf-8")
    assert load_dictionaries([again], include_default=False, cache=False).verbs == dset.verbs
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("target: IGOUNO}", "target: igo}"),
                   encoding="utf-8")
    with pytest.raises(Exception, match="target"):
        load_dictionaries([bad], include_default=False, cache=False)
