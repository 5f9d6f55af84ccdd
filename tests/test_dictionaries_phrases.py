"""normalise_phrase: the single definition of how names and text are matched."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.dictionaries.phrases import normalise_phrase


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Bashar al-Assad's", ("bashar", "al", "assad")),
        ("Assad 's", ("assad",)),
        ("rebels'", ("rebel",)),
        ("U.S.", ("us",)),
        ("Côte d’Ivoire", ("cote", "divoire")),
        ("Syrian TROOPS", ("syrian", "troop")),
        ("casualties", ("casualty",)),
        ("churches", ("church",)),
        ("Damascus", ("damascus",)),
        ("Paris", ("paris",)),
        ("AIR_STRIKE", ("air", "strike")),
        ("  ", ()),
    ],
)
def test_examples(text: str, tokens: tuple[str, ...]) -> None:
    """Case, accents, possessives, inner dots and plurals are normalised away."""
    assert normalise_phrase(text) == tokens


@given(st.text(max_size=40))
def test_idempotent(text: str) -> None:
    """Normalising normalised tokens changes nothing (aliases and text meet in one form)."""
    once = normalise_phrase(text)
    assert normalise_phrase(" ".join(once)) == once


@given(st.text(max_size=40))
def test_case_insensitive(text: str) -> None:
    """Upper- and lower-case versions of a phrase normalise alike."""
    assert normalise_phrase(text.upper()) == normalise_phrase(text.upper().lower())
