"""Tests for eventcoder.verb_forms: PETRARCH's written verb forms."""

from __future__ import annotations

from eventcoder.dictionaries.schema import VerbEntry
from eventcoder.verb_forms import is_written_form, regular_forms, written_forms


def test_regular_forms_follow_petrarchs_rules() -> None:
    """-S, -D after a final E (else -ED), -ING with the E dropped; no -ES."""
    assert regular_forms("depart") == ("departs", "departed", "departing")
    assert regular_forms("agree") == ("agrees", "agreed", "agreing")


def test_written_forms_add_the_irregular_ones() -> None:
    entries = [VerbEntry("SAY", ("say", "go by"), "010", forms=("said", "went by"))]
    forms = written_forms(entries)
    assert forms["say"] >= {"say", "says", "sayed", "said"}
    assert "went" in forms["go"]
    assert is_written_form("say", "Said", forms, {"say": []})
    assert not is_written_form("depart", "departes", written_forms(
        [VerbEntry("DEPART", ("depart",), "040")]), {"depart": []})
