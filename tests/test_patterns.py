"""Tests for eventcoder.patterns: verb patterns matched against real parses."""

from __future__ import annotations

import attrs
from coder_fixtures import coder_dictionaries, doc

from eventcoder.actors import ActorLexicon, find_actors
from eventcoder.dictionaries.patterns import make_pattern
from eventcoder.dictionaries.schema import Synset, VerbEntry
from eventcoder.patterns import VerbIndex, VerbMatch, match_predicate
from eventcoder.predicates import Tree, find_predicates


def _match(doc_id: str, lemma: str, index: VerbIndex | None = None,
           name: str = "args") -> VerbMatch:
    dset = coder_dictionaries()
    index = index or VerbIndex(dset.verbs, dset.synsets)
    document = doc(name, doc_id)
    sentence = document.sentences[0]
    actors = find_actors(ActorLexicon(dset.actors, dset.agents), sentence, document.date, [])
    tree = Tree(sentence)
    for predicate in find_predicates(tree):
        if predicate.lemma == lemma:
            found = match_predicate(index, tree, predicate, actors, explain=True)
            assert found is not None
            return found
    raise AssertionError(lemma)


def _index(*patterns: tuple[str, str], lemma: str = "attack", default: str | None = "190"
           ) -> VerbIndex:
    entry = VerbEntry("TEST", (lemma,), default,
                      tuple(make_pattern(text, code) for text, code in patterns))
    return VerbIndex([entry], [Synset("WEAPON", ("rocket", "missile"))])


class TestSpecificity:
    def test_more_items_win(self) -> None:
        """"* + (WITH ROCKET)" (3 items) beats "* (WITH &WEAPON)" (2 items)."""
        found = _match("specific", "attack")
        assert found.code == "195"
        assert found.pattern is not None and found.pattern.text == "* + (WITH ROCKET)"

    def test_ties_go_to_dictionary_order(self) -> None:
        """Two one-item patterns both match: the first written wins, every time."""
        found = _match("veto-tie", "veto")
        assert found.code == "161"
        reordered = _index(("* RESOLUTION", "162"), ("* &WEAPON", "194"), ("* RESOLUTION", "161"),
                           lemma="veto")
        assert _match("veto-tie", "veto", reordered).code == "162"

    def test_default_code_when_nothing_matches(self) -> None:
        """With no matching pattern the verb's default code applies."""
        found = _match("demonym-agent", "attack", name="actors")
        assert found.pattern is None and found.code == "190"


class TestItems:
    def test_prep_phrase_with_synset(self) -> None:
        """(WITH &WEAPON) matches "with rockets" through the synset."""
        found = _match("specific", "attack", _index(("* (WITH &WEAPON)", "194")))
        assert found.code == "194"

    def test_prep_phrase_needs_its_preposition(self) -> None:
        """(AGAINST &WEAPON) does not match "with rockets"."""
        found = _match("specific", "attack", _index(("* (AGAINST &WEAPON)", "194")))
        assert found.pattern is None

    def test_target_slot_binds_the_phrase(self) -> None:
        """"+" binds the actor phrase at its position (head "rebels")."""
        found = _match("specific", "attack", _index(("* + (WITH ROCKET)", "195")))
        assert found.target == 5

    def test_group_matches_adjacent_words_in_one_phrase(self) -> None:
        """{AIR STRIKE} matches "air strikes" under the light verb "carry out"."""
        found = _match("phrasal-light", "carry")
        assert found.code == "195" and found.verb_text == "carry out"

    def test_before_items_match_auxiliaries(self) -> None:
        """"WILL * +" matches "Russia will attack Syrian rebels"."""
        found = _match("modal", "attack")
        assert found.code == "138"

    def test_exact_form_item(self) -> None:
        """A trailing underscore matches the word form only ("rockets_", not "rocket_")."""
        assert _match("specific", "attack", _index(("* (WITH ROCKETS_)", "195"))).code == "195"
        assert _match("specific", "attack", _index(("* (WITH ROCKET_)", "195"))).pattern is None


class TestBlocksAndNegation:
    def test_block_code(self) -> None:
        """A matching "---" pattern blocks the default code."""
        found = _match("specific", "attack", _index(("* (WITH ROCKET)", "---")))
        assert found.reason == "blocked by pattern ---"

    def test_negated_predicate_ignores_plain_patterns_and_default(self) -> None:
        """"did not attack": no plain pattern and no default code apply."""
        found = _match("negation", "attack")
        assert found.code is None and found.reason == "negated"

    def test_negated_pattern_matches_negated_verb(self) -> None:
        """"NOT * +" maps "did not condemn Russia" to its own code."""
        found = _match("negated-pattern", "condemn")
        assert found.code == "120"
        assert found.pattern is not None and found.pattern.negated

    def test_irrealis_needs_before_items(self) -> None:
        """An xcomp under "threaten" gets no default code ("to attack" is not an attack)."""
        found = _match("xcomp-threat", "attack")
        assert found.code is None
        assert found.reason is not None and "threaten" in found.reason

    def test_paired_code(self) -> None:
        """"042:043"-style codes keep both directions."""
        found = _match("paired", "meet")
        assert (found.code, found.reverse_code) == ("036", "036")

    def test_phrasal_verb_via_following_particle(self) -> None:
        """"pulled out of Syria" finds the "pull out" entry."""
        found = _match("phrasal", "pull")
        assert found.entry is not None and found.entry.name == "WITHDRAW"
        assert found.verb_text == "pull out"


def test_index_pickles_and_candidates_are_ordered() -> None:
    """Candidate patterns come back in dictionary order and the index pickles."""
    import pickle

    index = _index(("* (WITH &WEAPON)", "194"), ("* +", "190"), ("* ROCKET", "195"))
    clone = pickle.loads(pickle.dumps(index))
    assert clone.candidates(0, frozenset({"rocket", "with"})) == [0, 1, 2]
    assert clone.candidates(0, frozenset({"with"})) == [1]
    assert attrs.has(type(clone.compiled[0][0][0]))


class TestPatternVerbs:
    def _index(self, verbs: tuple[str, ...]) -> VerbIndex:
        pattern = make_pattern("* (WITH &WEAPON)", "195", verbs=verbs)
        entry = VerbEntry("FIGHT", ("attack", "hammer", "pull out"), "190", (pattern,))
        return VerbIndex([entry], [Synset("WEAPON", ("rocket", "missile"))])

    def test_pattern_for_another_verb_does_not_apply(self) -> None:
        """A pattern written for "hammer" is not tried on "attacked"; the default applies."""
        found = _match("specific", "attack", self._index(("hammer",)))
        assert found.pattern is None and found.code == "190"
        assert any("written for hammer" in a.why for a in found.attempts)

    def test_pattern_for_this_verb_applies(self) -> None:
        """A pattern whose verbs include the predicate's lemma applies as usual."""
        assert _match("specific", "attack", self._index(("hammer", "attack"))).code == "195"

    def test_phrasal_verb_is_matched_whole(self) -> None:
        """A pattern for "pull out" applies to "pulled out" (the dictionary lemma)."""
        pattern = make_pattern("*", "0874", verbs=("pull out",))
        other = make_pattern("* (OF +)", "190", verbs=("pull",))
        entry = VerbEntry("WITHDRAW", ("pull out", "pull"), None, (other, pattern))
        found = _match("phrasal", "pull", VerbIndex([entry], []))
        assert found.verb_text == "pull out" and found.code == "0874"


def test_memoised_candidates_are_the_patterns_whose_anchors_all_occur() -> None:
    """VerbIndex.candidates remembers its answers by the anchor words present (dictionary
    words): on every predicate of the real parses in tests/data/coder, with the default
    dictionaries, asked once (computed) and again (remembered), it gives the patterns
    whose anchors all occur in the sentence, in dictionary order; single-word entries
    (looked up without the following words) are the entries the general lookup finds."""
    from coder_fixtures import CODER_DATA

    from eventcoder.conllu import read_conllu
    from eventcoder.dictionaries.loading import load_dictionaries

    dset = load_dictionaries()
    index = VerbIndex(dset.verbs, dset.synsets)
    general = VerbIndex(dset.verbs, dset.synsets)
    general.single = {}  # every lookup reads the following words
    asked = 0
    for path in sorted(CODER_DATA.glob("*.conllu")):
        for document in read_conllu(path):
            for sentence in document.sentences:
                tree = Tree(sentence)
                for predicate in find_predicates(tree):
                    entries, used = index.entries_for(tree, predicate)
                    assert (list(entries), used) == general.entries_for(tree, predicate)
                    for entry in entries:
                        expected = [p for p, (_, _, _, anchors) in enumerate(index.compiled[entry])
                                    if all(a & tree.vocabulary for a in anchors)]
                        assert index.candidates(entry, tree.vocabulary) == expected
                        assert index.candidates(entry, tree.vocabulary) == expected
                        asked += 1
    assert asked > 300 and index._candidates
    assert all(words <= index.anchor_words[entry] for entry, words in index._candidates)
