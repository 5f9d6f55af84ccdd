"""The compiled cache: used when files are unchanged, invalidated when any changes,
harmless when corrupt or unwritable."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.dictionaries import cache, loading
from eventcoder.dictionaries.loading import load_dictionaries

TEXT = "actors:\n  - {name: Syria, codes: [SYR]}\n"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "d.yaml"
    path.write_text(TEXT)
    return path


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = loading._check_files

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "_check_files", counting)
    return calls


def test_second_load_comes_from_the_cache(
    cache_dir: Path, dictionary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading unchanged files twice parses them once and gives equal sets."""
    calls = _count_loads(monkeypatch)
    first = load_dictionaries([dictionary], include_default=False)
    second = load_dictionaries([dictionary], include_default=False)
    assert first == second and len(calls) == 1
    assert len(list(cache_dir.glob("dictionaries-*.pickle"))) == 1


def test_changed_file_invalidates(
    cache_dir: Path, dictionary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editing a file gives a new key: the new content is loaded."""
    load_dictionaries([dictionary], include_default=False)
    dictionary.write_text(TEXT.replace("SYR]", "SYRGOV]"))
    dset = load_dictionaries([dictionary], include_default=False)
    assert dset.actors[0].codes[0].code == "SYRGOV"


def test_corrupt_cache_is_ignored(cache_dir: Path, dictionary: Path) -> None:
    """A corrupt cache file is a miss, then replaced by a good one."""
    first = load_dictionaries([dictionary], include_default=False)
    (pickle_file,) = cache_dir.glob("dictionaries-*.pickle")
    pickle_file.write_bytes(b"not a pickle")
    assert load_dictionaries([dictionary], include_default=False) == first
    assert cache.read_cached(cache.fingerprint([dictionary])) == first


def test_unwritable_cache_still_loads(
    tmp_path: Path, dictionary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the cache folder cannot be created, loading works without it."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(blocker / "sub"))
    assert load_dictionaries([dictionary], include_default=False).actors[0].name == "Syria"


def test_sets_with_errors_are_not_cached(cache_dir: Path, tmp_path: Path) -> None:
    """A set with errors raises every time and leaves no cache file."""
    from eventcoder.errors import DictionaryError

    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {name: X, codes: [xx]}\n")
    for _ in range(2):
        with pytest.raises(DictionaryError):
            load_dictionaries([bad], include_default=False)
    assert not list(cache_dir.glob("*.pickle"))
