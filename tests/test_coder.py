"""Tests for eventcoder.coder (and eventcoder.assemble): events from real parses."""

from __future__ import annotations

import pickle

import attrs
from coder_fixtures import CODER_DATA, coder_dictionaries, doc, make_coder, triples
from hypothesis import HealthCheck, given, settings
from strategies import coder_documents

from eventcoder.coder import Coder
from eventcoder.model import Document


def _events(doc_id: str, name: str = "args", **options: bool) -> list:
    return make_coder(**options).code_document(doc(name, doc_id))


class TestEvents:
    def test_passive_by_agent_gives_one_event_per_agent(self) -> None:
        """"were attacked by Syrian troops and Hezbollah": two events, agents as sources."""
        assert triples(_events("passive")) == [
            ("SYRMIL", "190", "SYRREB"), ("LBNHEZ", "190", "SYRREB"),
        ]

    def test_conjoined_subjects_and_objects(self) -> None:
        """One event per source x target pair, never a glued code."""
        assert triples(_events("conj-subjects")) == [("RUS", "122", "TUR"), ("IRN", "122", "TUR")]
        assert triples(_events("conj-objects")) == [("TUR", "122", "RUS"), ("TUR", "122", "IRN")]
        assert triples(_events("conj-modifiers")) == [
            ("SYRMIL", "190", "SYRREB"), ("RUSMIL", "190", "SYRREB"),
        ]

    def test_conjoined_verbs(self) -> None:
        """"attacked and captured" gives both acts against the shared object."""
        assert triples(_events("conj-verbs")) == [
            ("LBNHEZ", "190", "SYRMIL"), ("LBNHEZ", "192", "SYRMIL"),
        ]

    def test_xcomp_threat(self) -> None:
        """"threatened to attack" is a threat (138), not an attack."""
        assert triples(_events("xcomp-threat")) == [("TUR", "138", "SYRMILKUR")]

    def test_reported_speech(self) -> None:
        """"X said Y attacked Z" codes Y -> Z; the bare statement has no target."""
        events = _events("ccomp")
        assert triples(events) == [("SYRREB", "190", "SYRMIL")]
        assert events[0].verb == "attack"

    def test_relative_participle(self) -> None:
        """"Syrian rebels fighting President Assad": the rebels fight Assad."""
        assert triples(_events("relative")) == [("SYRREB", "190", "SYRGOV")]

    def test_negation_yields_nothing(self) -> None:
        """"did not attack" is not an attack."""
        assert _events("negation") == []

    def test_modal_via_pattern(self) -> None:
        """"will attack" is coded only through the "WILL * +" pattern (138)."""
        assert triples(_events("modal")) == [("RUS", "138", "SYRREB")]

    def test_light_verb_nominal_events(self) -> None:
        """The object's PP holds the target of a light verb's nominal event."""
        assert triples(_events("light-verb")) == [("TUR", "190", "SYRMILKUR")]
        assert triples(_events("phrasal-light")) == [("RUSMIL", "195", "SYRREB")]
        assert triples(_events("talks")) == [("IRN", "043", "RUS")]

    def test_object_pp_is_not_searched_for_ordinary_verbs(self) -> None:
        """"vetoed the resolution on Syria": Syria is not the veto's target."""
        assert _events("veto-tie") == []

    def test_accusation_codes_only_the_accusation(self) -> None:
        """"accused Russia of attacking civilians": only Turkey 112 Russia."""
        assert triples(_events("accusation")) == [("TUR", "112", "RUS")]

    def test_paired_codes(self) -> None:
        """"036:036" gives both directions."""
        assert triples(_events("paired")) == [("RUS", "036", "TUR"), ("TUR", "036", "RUS")]

    def test_no_target_no_event_unless_incomplete(self) -> None:
        """"vetoed the resolution" has no target: no event, unless incomplete=True."""
        assert _events("no-target") == []
        events = _events("no-target", incomplete=True)
        assert triples(events) == [("RUS", "161", None), ("CHN", "161", None)]


class TestHarderArguments:
    def test_reciprocal_conjoined_subjects(self) -> None:
        """"Russia and Turkey met in Sochi": each meets the other; Sochi (a place phrase)
        is never bound by the bare "+" slot."""
        assert triples(_events("reciprocal", "args2")) == [
            ("RUS", "036", "TUR"), ("TUR", "036", "RUS"),
        ]

    def test_quantity_heads_are_looked_through(self) -> None:
        """"Thousands of Syrian rebels attacked ...": the rebels are the source."""
        assert triples(_events("quantity", "args2")) == [("SYRREB", "190", "TURMIL")]

    def test_by_phrase_of_a_nominal_event(self) -> None:
        """"were killed in an air strike by Syrian troops": the troops are the source."""
        assert triples(_events("nominal-agent", "args2")) == [("SYRMIL", "190", "TURMIL")]

    def test_hyphenated_state(self) -> None:
        """"Russian-led forces" is RUS + ~MIL."""
        assert triples(_events("hyphen", "args2")) == [("RUSMIL", "190", "SYRREB")]

    def test_demand_targets_the_clause_subject(self) -> None:
        """"demanded that Russia withdraw its troops": Turkey 100 Russia; Russia's
        withdrawal of its own troops is no event (and "withdraw" is not asserted)."""
        assert triples(_events("clause-target", "args2")) == [("TUR", "100", "RUS")]

    def test_saying_never_targets_the_reported_subject(self) -> None:
        """"Turkey said Russia attacked Syrian rebels": only Russia's attack."""
        assert triples(_events("said-clause", "args2")) == [("RUS", "190", "SYRREB")]

    def test_positions_of(self) -> None:
        """"struck positions of Kurdish fighters": the fighters are the target."""
        assert triples(_events("positions-of", "args2")) == [("TURMIL", "190", "SYRMILKUR")]

    def test_denial_beats_modal_pattern(self) -> None:
        """"denied that it will attack": WILL * + does not apply to a denied act."""
        assert _events("denied-modal", "args2") == []

    def test_shared_state_in_conjoined_agents(self) -> None:
        """"Turkish jets and artillery": the artillery is Turkish too (one event after
        duplicates collapse)."""
        from eventcoder.actors import ActorLexicon, find_actors

        dset = coder_dictionaries()
        sentence = doc("args2", "shared-modifier").sentences[0]
        found = find_actors(ActorLexicon(dset.actors, dset.agents), sentence, None, [])
        assert found.by_head[4].codes == ("TURMIL",)
        assert triples(_events("shared-modifier", "args2")) == [("TURMIL", "190", "SYRMILKUR")]

    def test_apposition_replaces_modifier_coding(self) -> None:
        """"its Syrian and Russian allies, Assad and Lavrov": the apposition (Assad)
        codes the phrase, not the adjectives in front."""
        assert triples(_events("ccomp-appos", "args2")) == [("IRN", "122", "SYRGOV")]


class TestDiscardsIssuesAndFields:
    def test_discard_skips_the_sentence(self) -> None:
        """A discard phrase ("football match") skips its sentence."""
        assert _events("discard") == []

    def test_story_discard_skips_the_document(self) -> None:
        """A story-scope discard skips every sentence of the document."""
        from eventcoder.dictionaries.schema import DiscardEntry

        dset = coder_dictionaries()
        story = attrs.evolve(dset, discards=(DiscardEntry("Afrin", "story"),))
        coder = Coder(story)
        assert coder.code_document(doc("pron", "pronoun-they")) == []

    def test_issue_tags_events(self) -> None:
        """An issue phrase tags the sentence's events."""
        events = _events("issue")
        assert triples(events) == [("TUR", "122", "SYR")]
        assert events[0].issues == ("REFUGEES",)

    def test_event_fields(self) -> None:
        """Events carry ontology fields, actor spans, pattern origin and location."""
        events = make_coder().code_document(doc("actors", "non-state"))
        event = events[0]
        assert (event.root, event.quad_class, event.goldstein) == ("19", 4, -10.0)
        assert event.source is not None and (event.source.start, event.source.end) == (1, 2)
        assert event.source.entry == "Hezbollah + troops"
        assert event.pattern is not None and event.pattern.endswith("actors.yaml:79")
        assert event.doc_id == "non-state" and event.sentence == 0
        attack = make_coder().code_document(doc("actors", "demonym-agent"))[0]
        assert attack.location is not None and attack.location.text == "near Aleppo"

    def testsame_state_is_dropped(self) -> None:
        """A state and its own government are one actor (ISRGOV -> ISR is no event)."""
        from eventcoder.assemble import same_state

        assert same_state("ISRGOV", "ISR") and same_state("ISR", "ISR")
        assert not same_state("SYRGOV", "SYRREB") and not same_state("SYR", "SYRREB")

    def test_identical_events_collapse(self) -> None:
        """The same source, code and target twice in a sentence count once."""
        document = doc("args", "conj-verbs")
        words = list(document.sentences[0].words)
        words[4] = attrs.evolve(words[4], lemma="attack")  # "attacked and attacked"
        sentence = attrs.evolve(document.sentences[0], words=words)
        events = make_coder().code_document(attrs.evolve(document, sentences=[sentence]))
        assert triples(events) == [("LBNHEZ", "190", "SYRMIL")]


class TestApi:
    def test_code_conllu_and_code_documents(self) -> None:
        """code_conllu streams the events of every document; code_documents pairs them."""
        coder = make_coder()
        from_file = list(coder.code_conllu(CODER_DATA / "pron.conllu"))
        pairs = list(coder.code_documents(doc("pron", d) for d in
                                          ("pronoun-they", "pronoun-it", "pronoun-he")))
        assert [e for _, events in pairs for e in events] == from_file
        assert len(from_file) == 4

    def test_pickle_round_trip(self) -> None:
        """A pickled Coder codes exactly like the original (worker processes)."""
        coder = make_coder()
        clone = pickle.loads(pickle.dumps(coder))
        document = doc("args", "passive")
        assert clone.code_document(document) == coder.code_document(document)

    def test_parser_is_lazy(self) -> None:
        """Making a Coder never builds its parser."""
        coder = Coder(coder_dictionaries(), parser="spacy:no_such_model")
        assert coder.parser_spec == "spacy:no_such_model"
        assert coder._parser is None

    def test_example_article(self) -> None:
        """The shipped Idlib example (real parse): Turkey condemns the Russian strikes;
        the attribution "according to the Observatory" is never a target."""
        events = list(make_coder().code_conllu(CODER_DATA / "idlib.conllu"))
        found = [(e.sentence, *t) for e, t in zip(events, triples(events), strict=True)]
        assert found == [(6, "TUR", "122", "RUS")]  # docs/algorithm.md walks through why


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coder_documents())
def test_any_parse_codes_without_error_and_deterministically(document: Document) -> None:
    """On any well-formed parse the coder returns, and twice gives the same events."""
    coder = make_coder()
    first = coder.code_document(document)
    assert coder.code_document(document) == first
    for event in first:
        assert event.source is not None and event.target is not None
        assert event.source.code != event.target.code
    explanation = coder.explain(document)
    assert list(explanation.events) == first
    assert explanation.to_text()


def test_unknown_option_values_are_refused_naming_the_option() -> None:
    """Each convention option accepts only its listed values; a typo is a ValueError that
    names the option and the accepted values, not a silently ignored setting."""
    import pytest

    for option in ("irrealis", "targets", "negation", "conventions", "preps",
                   "pattern_scope"):
        with pytest.raises(ValueError, match=rf"^{option} must be one of \("):
            Coder(coder_dictionaries(), **{option: "petrarch-ish"})
    coder = Coder(coder_dictionaries(), targets="phrase", pattern_scope="petrarch")
    assert (coder.targets, coder.pattern_scope, coder.irrealis) == ("phrase", "petrarch", "skip")
