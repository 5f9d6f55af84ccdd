"""The ``places:`` section: loading, checking, layering, dumping and lookup."""

from __future__ import annotations

from pathlib import Path

import pytest
from dictionary_fixtures import check_files

from eventcoder.cli.main import main
from eventcoder.dictionaries import lookup_phrase
from eventcoder.dictionaries.dump import dumps
from eventcoder.dictionaries.loading import check_dictionaries
from eventcoder.dictionaries.schema import PlaceEntry

PLACES = """
places:
  - name: Idlib Governorate
    aliases: [Idlib province]
    country: SYR
    kind: governorate
  - name: Douma
    country: SYR
    kind: town
    within: Eastern Ghouta
    notes: a town
    sources: [https://en.wikipedia.org/wiki/Douma]
"""


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path / "cache"))


class TestLoadAndCheck:
    def test_fields_are_read(self, tmp_path: Path) -> None:
        """Every field of a place is read into a PlaceEntry, with its origin."""
        report = check_files(tmp_path, ("p.yaml", PLACES))
        assert report.problems == ()
        governorate, douma = report.dset.places
        assert governorate == PlaceEntry(
            "Idlib Governorate", ("Idlib province",), country="SYR", kind="governorate"
        )
        assert (douma.within, douma.notes) == ("Eastern Ghouta", "a town")
        assert douma.sources == ("https://en.wikipedia.org/wiki/Douma",)
        assert douma.origin is not None and douma.origin.line == 7

    def test_country_must_be_a_country_part(self, tmp_path: Path) -> None:
        """GOV is a part but not a country; syr is not even a part."""
        text = "places:\n  - {name: A, country: GOV}\n  - {name: B, country: syr}\n"
        report = check_files(tmp_path, ("p.yaml", text))
        problems = sorted((p.line, p.field, p.message) for p in report.errors)
        assert [problem[:2] for problem in problems] == [(2, "country"), (3, "country")]
        assert problems[0][2].startswith("'GOV' is not a country code")
        assert problems[1][2].startswith("'syr' is not an actor-code part")

    def test_declared_part_can_be_a_country(self, tmp_path: Path) -> None:
        """An invented world's declared country part is accepted as a place's country."""
        text = "actor_code_parts: [GON]\nplaces:\n  - {name: Minas Tirith, country: GON}\n"
        assert check_files(tmp_path, ("p.yaml", text)).problems == ()

    def test_alias_conflicts_within_one_file(self, tmp_path: Path) -> None:
        """The same alias in places of two countries is an error; in one country, a
        warning."""
        text = """
        places:
          - {name: Hama, aliases: [Hamah], country: SYR}
          - {name: Hama Governorate, aliases: [Hamah], country: SYR}
          - {name: Tripoli, country: LBY}
          - {name: Tripoli (Lebanon), aliases: [Tripoli], country: LBN}
        """
        report = check_files(tmp_path, ("p.yaml", text))
        (error,) = report.errors
        assert "alias 'Tripoli' is also an alias of place \"Tripoli\"" in error.message
        (warning,) = report.warnings
        assert warning.message.endswith("in the same country")

    def test_unknown_field_is_an_error(self, tmp_path: Path) -> None:
        """Places reject unknown keys like every section."""
        text = "places:\n  - {name: A, population: 3}\n"
        (error,) = check_files(tmp_path, ("p.yaml", text)).errors
        assert "population" in error.message


class TestLayering:
    def test_remove_extend_and_replace(self, tmp_path: Path) -> None:
        """remove:, extend: and a same-name entry work on places like other sections."""
        later = """
        remove:
          places: [Douma]
        extend:
          places:
            - {name: Idlib Governorate, aliases: [Idleb province]}
        places:
          - {name: Hama, country: SYR, kind: city}
        """
        report = check_files(tmp_path, ("a.yaml", PLACES), ("b.yaml", later))
        assert report.problems == ()
        assert [(p.name, p.aliases) for p in report.dset.places] == [
            ("Idlib Governorate", ("Idlib province", "Idleb province")),
            ("Hama", ()),
        ]


class TestDump:
    def test_dump_writes_every_field(self, tmp_path: Path) -> None:
        """dumps() writes a place's fields in the documented layout and loads back."""
        report = check_files(tmp_path, ("p.yaml", PLACES))
        text = dumps(report.dset)
        assert "places:" in text and "within: Eastern Ghouta" in text
        again = check_files(tmp_path, ("q.yaml", text))
        assert again.dset.places == report.dset.places


class TestLookup:
    def test_lookup_lists_the_place_and_country(self, tmp_path: Path) -> None:
        """A phrase naming only a place resolves to it, with no code."""
        report = check_files(tmp_path, ("p.yaml", PLACES))
        found = lookup_phrase(report.dset, "idlib province")
        assert found is not None and found.codes == () and found.matches == ()
        assert [(p.name, p.country) for p in found.places] == [("Idlib Governorate", "SYR")]
        assert found.to_json()["places"][0]["country"] == "SYR"

    def test_cli_lookup_idlib(self, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`dictionaries lookup Idlib` shows the Syria set's place and its country."""
        syria = str(repo / "dictionaries" / "20-syria")
        args = ["--no-default-dictionaries", "--dictionaries", syria]
        assert main(["dictionaries", "lookup", "Idlib", *args]) == 0
        out = capsys.readouterr().out
        assert "place" in out and "city in SYR" in out and "20-syria/places.yaml" in out


def test_default_set_places(tmp_path: Path) -> None:
    """The default set ships the Syria set's places and the world's capitals, and the
    Syria set's Damascus replaces the world's."""
    report = check_dictionaries()
    by_name = {p.name: p for p in report.dset.places}
    assert by_name["Golan Heights"].country == "SYR" and by_name["Golan Heights"].kind == "region"
    assert "Deir Ezzor" in by_name["Deir ez-Zor"].aliases
    assert by_name["Paris"].country == "FRA" and by_name["Paris"].notes == "capital"
    assert by_name["Damascus"].origin is not None
    assert "20-syria" in by_name["Damascus"].origin.file
    assert [p for p in report.errors] == []
