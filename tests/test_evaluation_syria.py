"""The curated Syrian-war dictionaries (dictionaries/20-syria): date-dependent codes and
key names resolve through the loader API with the default set."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dictionaries import load_dictionaries, lookup_phrase
from eventcoder.dictionaries.lookup import PhraseIndex
from eventcoder.evaluation.scoring import ActorKeys

KEYS = ActorKeys.load()


@pytest.fixture(scope="module")
def default_set() -> PhraseIndex:
    """The default set (world + syria) as users get it, indexed for look-ups."""
    return PhraseIndex(load_dictionaries())


def codes(dset: PhraseIndex, phrase: str, day: str | None = None) -> tuple[str, ...]:
    found = lookup_phrase(dset, phrase, dt.date.fromisoformat(day) if day else None)
    return found.codes if found else ()


def test_assad_by_date(default_set) -> None:
    """Assad is the government before the fall of his regime, an ousted elite after."""
    assert codes(default_set, "Bashar al-Assad", "2017-10-26") == ("SYRGOV",)
    after = codes(default_set, "Bashar al-Assad", "2025-03-01")
    assert after and "SYRGOV" not in after
    assert KEYS.accepts("SYR_ELI", after[0])
    assert codes(default_set, "President Assad", "2013-08-21") == ("SYRGOV",)


def test_sharaa_by_date(default_set) -> None:
    """Ahmed al-Sharaa / al-Jolani: HTS leader (SYR_HTS) before 2024-12-08, head of the
    government from 2025."""
    assert codes(default_set, "Ahmed al-Sharaa", "2025-03-01") == ("SYRGOV",)
    assert KEYS.accepts("SYR_HTS", codes(default_set, "Abu Mohammad al-Jolani", "2024-03-01")[0])


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("Hezbollah", "LBN_HEZ"),
        ("Daesh", "ISIS"),
        ("Islamic State", "ISIS"),
        ("Hayat Tahrir al-Sham", "SYR_HTS"),
        ("Nusra Front", "SYR_HTS"),
        ("Free Syrian Army", "SYR_FSA"),
        ("YPG", "SYR_KURD_MIL"),
        ("Syrian Democratic Forces", "SYR_KURD_MIL"),
        ("Syrian Observatory for Human Rights", "SYR_HRI"),
        ("Syrian National Coalition", "SYR_OPP"),
        ("Quds Force", "IRN_MIL"),
        ("shabiha", "SYR_MIL"),
        ("pro-government militias", "SYR_MIL"),
        ("regime forces", "SYR_MIL"),
        ("the regime", "SYR_GOV"),
    ],
)
def test_names_resolve_to_gold_keys(default_set, phrase, key) -> None:
    """Each name resolves (on 2016-06-01) to a code the gold key accepts."""
    found = codes(default_set, phrase, "2016-06-01")
    assert found, phrase
    assert all(KEYS.accepts(key, code) for code in found), (phrase, found)


def test_new_authorities_not_before_the_fall(default_set) -> None:
    """"Syria's new authorities" are the government only from 2024-12-08."""
    assert codes(default_set, "Syria's new authorities", "2025-03-09") == ("SYRGOV",)
    assert codes(default_set, "Syria's new authorities", "2020-01-01") in ((), ("SYR",))


def test_the_regime_needs_its_article(default_set) -> None:
    """Only "the regime" is Syria's: "the Iranian regime" stays Iran's government."""
    found = codes(default_set, "the Iranian regime", "2016-06-01")
    assert found and all(code.startswith("IRN") for code in found)


def test_syria_set_checks_clean_alone(repo) -> None:
    """The Syria set loads on its own with no errors."""
    from eventcoder.dictionaries import check_dictionaries

    report = check_dictionaries([repo / "dictionaries" / "20-syria"], include_default=False)
    assert report.errors == ()
    assert len(report.dset.actors) > 50
