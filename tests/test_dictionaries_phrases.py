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
        ("Hamas", ("hamas",)),
        ("Hama", ("hama",)),
        ("Daesh", ("daesh",)),
        ("Texas", ("texas",)),
        ("analysis", ("analysis",)),
        ("bus", ("bus",)),
        ("Mahmoud Abbas", ("mahmoud", "abbas")),
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


@pytest.mark.parametrize(
    ("plural", "single"),
    [("rebels", "rebel"), ("forces", "force"), ("militias", "militia"),
     ("guerrillas", "guerrilla"), ("Sandinistas", "Sandinista"), ("soldiers'", "soldier")],
)
def test_plurals_meet_their_singular(plural: str, single: str) -> None:
    """A plural role noun matches its singular alias."""
    assert normalise_phrase(plural) == normalise_phrase(single)


@pytest.mark.parametrize(("one", "other"), [("Hamas", "Hama"), ("Texas", "Texa"),
                                            ("Abbas", "Abba"), ("Paris", "Pari")])
def test_names_in_s_do_not_meet_other_names(one: str, other: str) -> None:
    """A name ending in -as or -is is not the plural of another name (Hamas is not Hama)."""
    assert normalise_phrase(one) != normalise_phrase(other)


@given(st.from_regex(r"[a-z]{2,8}as", fullmatch=True))
def test_as_is_kept_unless_a_plural_ending(word: str) -> None:
    """Words in -as keep their s, except -ias, -llas and -istas plurals."""
    expected = word[:-1] if word.endswith(("ias", "llas", "istas")) else word
    assert normalise_phrase(word) == (expected,)


@given(st.from_regex(r"[a-z]{2,8}[bdfgklmnprtv]", fullmatch=True))
def test_regular_plurals_meet(word: str) -> None:
    """A word ending in a consonant and its plural in -s normalise alike."""
    assert normalise_phrase(word + "s") == normalise_phrase(word)


def test_cache_key_follows_the_normaliser(tmp_path) -> None:
    """The dictionary cache key includes the normaliser's version."""
    from eventcoder.dictionaries import cache

    path = tmp_path / "a.yaml"
    path.write_text("actors: []\n", encoding="utf-8")
    before = cache.fingerprint([path])
    original = cache.NORMALISER_VERSION
    try:
        cache.NORMALISER_VERSION = original + "-changed"
        assert cache.fingerprint([path]) != before
    finally:
        cache.NORMALISER_VERSION = original
