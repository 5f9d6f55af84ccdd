"""The pattern-string syntax: parsing into items, errors, codes."""

from __future__ import annotations

import re

import pytest

from eventcoder.dictionaries.patterns import (
    PatternSyntaxError,
    make_pattern,
    parse_code,
    parse_pattern,
)
from eventcoder.dictionaries.schema import Group, PrepPhrase, Slot, SynsetRef, Term


class TestParse:
    def test_spec_examples(self) -> None:
        """The layout's examples give the documented items."""
        assert parse_pattern("* (WITH &WEAPON)").after == (
            PrepPhrase(("with",), (SynsetRef("WEAPON"),)),
        )
        assert parse_pattern("* {AIR STRIKE} (ON +)").after == (
            Term(("air strike",)),
            PrepPhrase(("on",), (Slot("target"),)),
        )
        parsed = parse_pattern("$ * +")
        assert (parsed.before, parsed.after) == ((Slot("source"),), (Slot("target"),))

    def test_alternatives_exact_and_underscore_phrases(self) -> None:
        """A/B, WORD_ and A_B parse into one Term each."""
        assert parse_pattern("* BOMBING/AIR_RAID ATTACKS_").after == (
            Term(("bombing", "air raid")),
            Term(("attacks",), exact=True),
        )

    def test_group_with_synset_stays_a_group(self) -> None:
        """{...} of plain words is a phrase; with a synset it is a Group."""
        assert parse_pattern("* {&TIETYPES TIES}").after == (
            Group((SynsetRef("TIETYPES"), Term(("ties",)))),
        )

    def test_prep_alternatives_and_nesting(self) -> None:
        """(TO/FOR {PEACE PLAN}) keeps preposition alternatives and nested phrases."""
        assert parse_pattern("* (TO/FOR {PEACE PLAN})").after == (
            PrepPhrase(("to", "for"), (Term(("peace plan",)),)),
        )

    def test_negation(self) -> None:
        """NOT directly before * marks the pattern negated (and is not an item)."""
        parsed = parse_pattern("SHOULD NOT * DEADLINE")
        assert parsed.negated and parsed.before == (Term(("should",)),)

    def test_compound_and_skip(self) -> None:
        """% and ^ are slots."""
        assert parse_pattern("^ % *").before == (Slot("skip"), Slot("both"))

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("attack", "no '*'"),
            ("* *", "more than one '*'"),
            ("* (TO +", "missing ')'"),
            ("* )", "unmatched ')'"),
            ("* {}", "empty { }"),
            ("* (+)", "must be followed by a preposition"),
            ("$ $ *", "'$' appears more than once"),
            ("% * +", "cannot be combined"),
            ("* a#b", "is not a word"),
            ("* &", "is not a synset name"),
            ("{*}", "cannot be inside"),
        ],
    )
    def test_errors(self, text: str, message: str) -> None:
        """Malformed patterns raise PatternSyntaxError saying what is wrong."""
        with pytest.raises(PatternSyntaxError, match=re.escape(message)):
            parse_pattern(text)


class TestCodes:
    @pytest.mark.parametrize(
        ("text", "codes"),
        [
            ("190", ("190", None)),
            ("042:043", ("042", "043")),
            (":190", (None, "190")),
            ("---", (None, None)),
        ],
    )
    def test_code_forms(self, text: str, codes: tuple[str | None, str | None]) -> None:
        """Plain, paired, reverse-only and blocking codes."""
        assert parse_code(text) == codes

    @pytest.mark.parametrize("text", ["", ":", "1:2:3", "19 0", "--"])
    def test_bad_codes(self, text: str) -> None:
        """Anything else is a syntax error."""
        with pytest.raises(PatternSyntaxError):
            parse_code(text)

    def test_make_pattern_canonical_text(self) -> None:
        """make_pattern stores the canonical text: capitals, single spaces, {A B}."""
        pattern = make_pattern("  $ *   air_strike (on +)", "042:043")
        assert pattern.text == "$ * {AIR STRIKE} (ON +)"
        assert (pattern.code, pattern.reverse_code) == ("042", "043")
