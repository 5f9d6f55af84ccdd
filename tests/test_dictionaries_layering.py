"""Layering: later files override, remove and extend entries of earlier ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from dictionary_fixtures import write_yaml

from eventcoder.dictionaries import loading
from eventcoder.dictionaries.loading import check_dictionaries, load_dictionaries
from eventcoder.dictionaries.schema import DatedCode

BASE = """
actors:
  - name: Syria
    aliases: [Syrian]
    codes: [SYR]
  - name: Hezbollah
    codes: [LBNREB]
agents:
  - {name: troops, aliases: [soldiers], code: "~MIL"}
synsets:
  WEAPON: [gun]
verbs:
  - name: ATTACK
    lemmas: [attack]
    code: "190"
    patterns:
      - {pattern: "* (WITH &WEAPON)", code: "190"}
"""


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return write_yaml(tmp_path, "base/world.yaml", BASE)


class TestOverride:
    def test_same_name_replaces(self, tmp_path: Path, base: Path) -> None:
        """An entry with the same name (any case) in a later file replaces the earlier one."""
        user = write_yaml(tmp_path, "user.yaml", "actors:\n  - {name: SYRIA, codes: [SYRGOV]}\n")
        dset = load_dictionaries([base, user], include_default=False, cache=False)
        syria = [a for a in dset.actors if a.name.lower() == "syria"]
        assert len(syria) == 1 and syria[0].codes == (DatedCode("SYRGOV"),)
        assert syria[0].aliases == ()

    def test_verb_replaced_whole(self, tmp_path: Path, base: Path) -> None:
        """A verb block with the same name replaces lemmas and patterns (no merge)."""
        user = write_yaml(tmp_path, "user.yaml", "verbs:\n  - {name: attack, lemmas: [raid]}\n")
        dset = load_dictionaries([base, user], include_default=False, cache=False)
        assert [(v.lemmas, v.patterns, v.code) for v in dset.verbs] == [(("raid",), (), None)]

    def test_user_folder_is_layered_in_sorted_order(self, tmp_path: Path, base: Path) -> None:
        """A folder contributes its files recursively in sorted path order."""
        write_yaml(tmp_path, "user/b/2.yaml", "actors:\n  - {name: Hezbollah, codes: [LBNMIL]}\n")
        write_yaml(tmp_path, "user/a.yaml", "actors:\n  - {name: Hezbollah, codes: [LBNGOV]}\n")
        write_yaml(tmp_path, "user/.hidden.yaml", "not: valid")
        dset = load_dictionaries([base, tmp_path / "user"], include_default=False, cache=False)
        hezbollah = next(a for a in dset.actors if a.name == "Hezbollah")
        assert hezbollah.codes == (DatedCode("LBNMIL"),)


class TestRemove:
    def test_remove_deletes_earlier_entries(self, tmp_path: Path, base: Path) -> None:
        """remove: deletes entries of earlier files from every section."""
        user = write_yaml(
            tmp_path,
            "user.yaml",
            "remove:\n  actors: [hezbollah]\n  agents: [troops]\n  verbs: [ATTACK]\n",
        )
        report = check_dictionaries([base, user], include_default=False)
        assert report.problems == ()
        assert [a.name for a in report.dset.actors] == ["Syria"]
        assert report.dset.agents == () and report.dset.verbs == ()

    def test_removing_a_missing_entry_is_a_warning(self, tmp_path: Path, base: Path) -> None:
        """Removing a name no earlier file defines is a warning with its place."""
        user = write_yaml(tmp_path, "user.yaml", "remove:\n  actors: [Atlantis]\n")
        report = check_dictionaries([base, user], include_default=False)
        (warning,) = report.warnings
        assert (warning.file, warning.line, warning.field) == (str(user), 2, "remove.actors")
        assert report.errors == ()

    def test_remove_then_redefine_in_the_same_file(self, tmp_path: Path, base: Path) -> None:
        """remove: applies before the file's own entries, which are kept."""
        user = write_yaml(
            tmp_path,
            "user.yaml",
            "remove:\n  actors: [Syria]\nactors:\n  - {name: Syria, codes: [SYRGOV]}\n",
        )
        dset = load_dictionaries([base, user], include_default=False, cache=False)
        assert next(a for a in dset.actors if a.name == "Syria").codes == (DatedCode("SYRGOV"),)


class TestExtend:
    def test_extend_adds_aliases_codes_and_patterns(self, tmp_path: Path, base: Path) -> None:
        """extend: adds to an earlier entry instead of replacing it."""
        user = write_yaml(
            tmp_path,
            "user.yaml",
            """
            extend:
              actors:
                - {name: Syria, aliases: [Syrian Arab Republic]}
              synsets:
                WEAPON: [rifle]
              verbs:
                - name: ATTACK
                  lemmas: [raid]
                  patterns:
                    - {pattern: "* +", code: "193"}
            """,
        )
        report = check_dictionaries([base, user], include_default=False)
        assert report.problems == ()
        syria = next(a for a in report.dset.actors if a.name == "Syria")
        assert syria.aliases == ("Syrian", "Syrian Arab Republic")
        assert report.dset.synsets[0].words == ("gun", "rifle")
        verb = report.dset.verbs[0]
        assert verb.lemmas == ("attack", "raid") and len(verb.patterns) == 2

    def test_extending_a_missing_entry_is_an_error(self, tmp_path: Path, base: Path) -> None:
        """extend: of a name nothing defines is an error."""
        user = write_yaml(
            tmp_path, "user.yaml", "extend:\n  actors:\n    - {name: Atlantis, aliases: [x]}\n"
        )
        (error,) = check_dictionaries([base, user], include_default=False).errors
        assert error.field == "extend.actors" and "Atlantis" in error.message


class TestDefaultSet:
    def test_default_set_is_loaded_first(
        self, tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """include_default puts the default folder before the user's paths."""
        monkeypatch.setattr(loading, "default_dictionary_dir", lambda: base.parent)
        user = write_yaml(tmp_path, "user.yaml", "remove:\n  actors: [Syria]\n")
        with_default = check_dictionaries([user])
        without = check_dictionaries([user], include_default=False)
        assert [a.name for a in with_default.dset.actors] == ["Hezbollah"]
        assert without.dset.actors == () and len(without.warnings) == 1

    def test_default_folder_is_the_package(self) -> None:
        """The default set is the eventcoder._dictionaries package folder."""
        folder = loading.default_dictionary_dir()
        assert (folder / "__init__.py").is_file()


class TestAliasOverride:
    def test_later_file_takes_the_alias(self, tmp_path: Path, base: Path) -> None:
        """A later file's alias wins: the earlier entry loses it (keeping its others), and
        check reports a warning naming both entries and their places."""
        user = write_yaml(
            tmp_path,
            "user.yaml",
            "actors:\n  - name: Syrian government\n    aliases: [SYRIANS]\n    codes: [SYRGOV]\n",
        )
        report = check_dictionaries([base, user], include_default=False)
        assert report.errors == ()
        (warning,) = report.warnings
        assert (warning.file, warning.line, warning.field) == (str(user), 3, "aliases[0]")
        assert warning.message == (
            f"alias 'Syrian' of actor \"Syria\" ({base}:3) is overridden by"
            f' actor "Syrian government" ({user}:2)'
        )
        syria = next(a for a in report.dset.actors if a.name == "Syria")
        assert syria.aliases == () and syria.codes == (DatedCode("SYR"),)

    def test_every_consumer_sees_the_override(self, tmp_path: Path, base: Path) -> None:
        """lookup_phrase on the loaded set resolves the alias to the later entry only."""
        from eventcoder.dictionaries import lookup_phrase

        user = write_yaml(
            tmp_path, "user.yaml", "actors:\n  - {name: Gov, aliases: [syrian], codes: [SYRGOV]}\n"
        )
        dset = load_dictionaries([base, user], include_default=False, cache=False)
        found = lookup_phrase(dset, "Syrian")
        assert found is not None and found.codes == ("SYRGOV",)
        assert [m.entry.name for m in found.matches] == ["Gov"]

    def test_conflict_in_one_file_is_still_an_error(self, tmp_path: Path) -> None:
        """Two entries of the same file with the same alias and different codes: an error,
        and neither entry is rewritten."""
        one = write_yaml(
            tmp_path,
            "one.yaml",
            "actors:\n  - {name: A, aliases: [Damascus], codes: [SYR]}\n"
            "  - {name: B, aliases: [Damascus], codes: [SYRGOV]}\n",
        )
        report = check_dictionaries([one], include_default=False)
        (error,) = report.errors
        assert "conflicts with" in error.message and report.warnings == ()
        assert [a.aliases for a in report.dset.actors] == [("Damascus",), ("Damascus",)]

    def test_taken_name_renames_or_drops_the_entry(self, tmp_path: Path) -> None:
        """When a later file takes an earlier entry's name, the entry is renamed to its
        next alias; with no alias left it is dropped."""
        world = write_yaml(
            tmp_path,
            "10.yaml",
            "actors:\n  - {name: ASSAD, aliases: [SYRIAN REGIME], codes: [SYRGOV]}\n"
            "  - {name: JOLANI, codes: [SYRREB]}\n",
        )
        syria = write_yaml(
            tmp_path,
            "20.yaml",
            "actors:\n  - {name: Bashar al-Assad, aliases: [Assad], codes: [SYRGOV]}\n"
            "  - {name: Ahmed al-Sharaa, aliases: [Jolani], codes: [SYRREBMUS]}\n",
        )
        report = check_dictionaries([world, syria], include_default=False)
        names = [a.name for a in report.dset.actors]
        assert names == ["SYRIAN REGIME", "Bashar al-Assad", "Ahmed al-Sharaa"]
        renamed, dropped = report.warnings
        assert renamed.message.endswith("that entry is renamed 'SYRIAN REGIME'")
        assert dropped.message.endswith("that entry has no other name and is dropped")

    def test_extended_alias_counts_as_the_later_file(self, tmp_path: Path, base: Path) -> None:
        """An alias added by a later file's extend: wins over an earlier entry's alias."""
        middle = write_yaml(tmp_path, "b.yaml", "actors:\n  - {name: Regime, codes: [SYRGOV]}\n")
        user = write_yaml(
            tmp_path, "c.yaml", "extend:\n  actors:\n    - {name: Hezbollah, aliases: [Syrian]}\n"
        )
        report = check_dictionaries([base, middle, user], include_default=False)
        assert report.errors == ()
        by_name = {a.name: a for a in report.dset.actors}
        assert by_name["Syria"].aliases == () and by_name["Hezbollah"].aliases == ("Syrian",)
        (warning,) = report.warnings
        assert "alias 'Syrian' of actor \"Syria\"" in warning.message

    def test_agents_titles_and_places_are_overridden_too(self, tmp_path: Path) -> None:
        """The rule holds per section for agents, titles and places."""
        first = write_yaml(
            tmp_path,
            "1.yaml",
            """
            agents:
              - {name: troops, aliases: [forces], code: "~MIL"}
            titles:
              - {name: president, aliases: [leader], code: "~GOV"}
            places:
              - {name: Idlib Governorate, aliases: [Idlib], country: SYR}
            """,
        )
        second = write_yaml(
            tmp_path,
            "2.yaml",
            """
            agents:
              - {name: rebel forces, aliases: [forces], code: "~REB"}
            titles:
              - {name: party leader, aliases: [leader], code: "~PTY"}
            places:
              - {name: Idlib, country: SYR, kind: city}
            """,
        )
        report = check_dictionaries([first, second], include_default=False)
        assert report.errors == () and len(report.warnings) == 3
        agents = {a.name: a.aliases for a in report.dset.agents}
        assert agents["troops"] == () and agents["president"] == ()
        assert report.dset.places[0].aliases == ()

    def test_default_set_layers_world_before_syria(self) -> None:
        """The default folders are named so that the curated core corrections load after
        the generated world set and the curated Syria set loads last."""
        folders = sorted(p.name for p in loading.default_dictionary_dir().iterdir() if p.is_dir())
        assert [f for f in folders if not f.startswith("_")] == ["10-world", "15-core",
                                                                 "20-syria"]
        files = [f.parent.name for f in loading.dictionary_files()[0]]
        assert files.index("20-syria") > max(i for i, f in enumerate(files) if f == "10-world")
