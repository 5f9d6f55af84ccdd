"""tools/build_world_dictionaries.py: the post-processing of the generated world set."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from conftest import REPO

from eventcoder.dictionaries.schema import ActorEntry, DatedCode, DictionarySet, DiscardEntry


@pytest.fixture(scope="module")
def build() -> ModuleType:
    path = REPO / "tools" / "build_world_dictionaries.py"
    spec = importlib.util.spec_from_file_location("build_world_dictionaries", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDiscards:
    def test_numeric_and_generic_discards_are_dropped(self, build: ModuleType) -> None:
        """Bare years and everyday one-word discards go, each with its reason; the rest
        stay in order."""
        phrases = ["1971", "football match", "2011", "marathon", "box office", "2014 competition"]
        dset = DictionarySet(discards=tuple(DiscardEntry(p) for p in phrases))
        kept, dropped = build.drop_generic_discards(dset)
        assert [d.phrase for d in kept.discards] == [
            "football match",
            "box office",
            "2014 competition",
        ]
        assert [phrase for phrase, _ in dropped] == ["1971", "2011", "marathon"]
        assert dropped[0][1].startswith("only digits")
        assert "marathon talks" in dropped[2][1]

    def test_shipped_world_set_has_no_numeric_discards(self) -> None:
        """The regenerated 10-world discards contain no phrase made only of digits."""
        data = yaml.safe_load((REPO / "dictionaries/10-world/06-discards.yaml").read_text())
        phrases = [entry["phrase"] for entry in data["discards"]]
        assert phrases and not [p for p in phrases if str(p).strip().isdigit()]
        assert "football" in [str(p).lower() for p in phrases]


class TestCapitals:
    def test_capital_listed_by_the_country_entry_becomes_a_place(self, build: ModuleType) -> None:
        """A capital is a place only when its country's entry lists it; spellings the
        entry lists become aliases (one per normalised form), others are left out."""
        syria = ActorEntry("SYRIA", (DatedCode("SYR"),), ("SYRIAN", "DAMASCUS", "DIMASHQ"))
        ukraine = ActorEntry(
            "UKRAINE",
            (DatedCode("USRUKR", None, None), DatedCode("UKR")),
            ("KIEV", "KYIV"),
        )
        rows = [
            ("SYR", "Damascus", ("Dimashq", "Dimash", "DAMASCUS")),
            ("UKR", "Kiev", ("Kyiv",)),
            ("FRA", "Paris", ()),
        ]
        places, missing = build.capital_places((syria, ukraine), rows)
        assert [(p.name, p.aliases, p.country, p.kind) for p in places] == [
            ("Damascus", ("Dimashq",), "SYR", "city"),
            ("Kiev", ("Kyiv",), "UKR", "city"),
        ]
        assert missing == ["Paris (FRA)"]

    def test_capitals_table_is_well_formed(self, build: ModuleType) -> None:
        """Every row of world_capitals.tsv names a country code and a city."""
        from eventcoder.ontology import is_country

        rows = build.read_capitals(build.CAPITALS)
        assert len(rows) > 190
        assert all(is_country(code) and city for code, city, _ in rows)
        assert ("SYR", "Damascus", ("Dimashq", "Dimash")) in rows

    def test_build_does_not_read_the_syria_set(self, build: ModuleType) -> None:
        """The world set no longer depends on the curated sets beside it."""
        source = Path(build.__file__).read_text(encoding="utf-8")
        assert "regional" not in source and "20-syria" in source
