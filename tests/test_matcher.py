"""Tests for eventcoder.matcher: the token-trie phrase matcher."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from eventcoder.matcher import PhraseMatcher


def _matcher() -> PhraseMatcher:
    return PhraseMatcher([
        ("Syria", "SYR"),
        ("Syrian Observatory for Human Rights", "SOHR"),
        ("Bashar al-Assad", "ASSAD"),
        ("Assad", "ASSAD-SHORT"),
        ("troops", "MIL"),
        ("air force", "AIR"),
    ])


def _find(matcher: PhraseMatcher, text: str) -> list[tuple[int, int, tuple]]:
    return matcher.find(matcher.word_tokens(text.split()))


class TestFind:
    def test_longest_match_wins(self) -> None:
        """A longer name starting at the same word beats its prefix."""
        found = _find(_matcher(), "the Syrian Observatory for Human Rights said")
        assert found == [(1, 5, ("SOHR",))]

    def test_case_plural_possessive_insensitive(self) -> None:
        """Case, plural and possessive endings do not matter."""
        found = _find(_matcher(), "BASHAR AL-ASSAD'S TROOP")
        assert found == [(0, 1, ("ASSAD",)), (2, 2, ("MIL",))]

    def test_matches_do_not_overlap(self) -> None:
        """After a match the search resumes after it ("Assad" inside the full name)."""
        found = _find(_matcher(), "Bashar al-Assad met Assad")
        assert [payload for _, _, payload in found] == [("ASSAD",), ("ASSAD-SHORT",)]

    def test_word_boundaries(self) -> None:
        """A phrase never matches part of a word ("Syria" in "Syrians" is a plural, but
        "air" in "airforce" is not "air force")."""
        assert _find(_matcher(), "the airforce") == []
        assert _find(_matcher(), "Syrias") == [(0, 0, ("SYR",))]

    def test_multiword_tokens_split_words(self) -> None:
        """A hyphenated word matches a phrase of its parts ("al-Assad")."""
        matcher = PhraseMatcher([("al Assad", "X")])
        assert _find(matcher, "al-Assad") == [(0, 0, ("X",))]

    def test_hyphenated_parts(self) -> None:
        """A name can be one part of a hyphenated word ("U.N.-led", "pro-Assad")."""
        matcher = PhraseMatcher([("U.N.", "UN"), ("Assad", "A"), ("led", "X")])
        assert _find(matcher, "U.N.-led convoy") == [(0, 0, ("UN",)), (0, 0, ("X",))]
        assert _find(matcher, "pro-Assad militia") == [(0, 0, ("A",))]

    def test_find_all_reports_overlaps(self) -> None:
        """find_all reports every phrase at every start (for discards and issues)."""
        matcher = PhraseMatcher([("football", "A"), ("football match", "B")])
        flat = matcher.word_tokens(["a", "football", "match"])
        assert matcher.find_all(flat) == [(1, 1, ("A",)), (1, 2, ("B",))]


class TestBuild:
    def test_payloads_kept_in_order_without_repeats(self) -> None:
        """Several entries for one phrase keep dictionary order; repeats are dropped."""
        matcher = PhraseMatcher([("army", 1), ("Army", 2), ("army", 1)])
        assert matcher.lookup("ARMY") == (1, 2)
        assert matcher.size == 2

    def test_empty_phrase_is_refused(self) -> None:
        """A phrase with no letters or digits cannot be added."""
        assert PhraseMatcher().add("--", 1) is False

    def test_pickles(self) -> None:
        """A pickled matcher finds the same matches."""
        matcher = _matcher()
        clone = pickle.loads(pickle.dumps(matcher))
        assert _find(clone, "Syrian Observatory for Human Rights") == _find(
            matcher, "Syrian Observatory for Human Rights"
        )


@given(st.lists(st.sampled_from(["Syria", "troops", "air", "force", "the", "Assad's", "-"]),
                max_size=12))
def test_matches_are_ordered_and_disjoint(words: list[str]) -> None:
    """Matches come left to right, never overlap and lie inside the sentence."""
    matcher = _matcher()
    found = matcher.find(matcher.word_tokens(words))
    previous_end = -1
    for first, last, payloads in found:
        assert previous_end < first <= last < len(words)
        assert payloads
        previous_end = last
