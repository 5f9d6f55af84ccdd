"""Dumping a DictionarySet to YAML and loading it again gives an equal set."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import dictionary_sets, pattern_items

from eventcoder.dictionaries.dump import dump_set, dumps
from eventcoder.dictionaries.layering import apply_layers
from eventcoder.dictionaries.loader import load_file, load_text
from eventcoder.dictionaries.patterns import format_pattern, parse_pattern
from eventcoder.dictionaries.schema import DictionarySet

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_text(text: str) -> tuple[DictionarySet, list[str]]:
    layer = load_text(text, "dumped.yaml")
    layered = apply_layers([layer])
    return layered.dset, [str(p) for p in layered.problems]


class TestRoundTrip:
    @SETTINGS
    @given(dictionary_sets())
    def test_dumps_then_load_is_identity(self, dset: DictionarySet) -> None:
        """dumps() output loads back, without problems, to an equal set."""
        loaded, problems = _load_text(dumps(dset))
        assert problems == []
        assert loaded == dset

    @settings(max_examples=15, deadline=None)
    @given(dictionary_sets())
    def test_dump_set_folder_loads_back(self, dset: DictionarySet) -> None:
        """dump_set() writes one file per section; the files layered in order give the set."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            files = dump_set(dset, folder)
            assert files == sorted(files)
            layered = apply_layers([load_file(path) for path in files])
        assert [str(p) for p in layered.problems] == []
        assert layered.dset == dset

    @SETTINGS
    @given(st.lists(pattern_items(), max_size=4), st.lists(pattern_items(), max_size=4))
    def test_pattern_text_round_trips(self, before: list, after: list) -> None:
        """format_pattern and parse_pattern are inverses on pattern items."""
        parsed = parse_pattern(format_pattern(before, after))
        assert (parsed.before, parsed.after) == (tuple(before), tuple(after))


def test_dump_set_names_files_by_section(tmp_path: Path) -> None:
    """dump_set writes only non-empty sections, named so that folder order is load order."""
    from eventcoder.dictionaries.schema import ActorEntry, DatedCode

    dset = DictionarySet(actors=(ActorEntry("Syria", (DatedCode("SYR"),)),))
    files = dump_set(dset, tmp_path / "out")
    assert [f.name for f in files] == ["01-actors.yaml"]
    assert "codes: [SYR]" in files[0].read_text()
