"""A compiled cache of loaded dictionary sets, so that a large set loads in milliseconds.

The key is a SHA-256 of eventcoder's version, the Python version and every file's path
and contents, in order: editing, adding, removing or reordering any file gives a new
key. The cache lives in ``$EVENTCODER_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcoder``,
else ``~/.cache/eventcoder``. Only sets without errors are cached. A corrupt, stale or
unreadable cache file is ignored (and replaced); an unwritable directory only costs
speed. The newest few files are kept.
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from eventcoder._version import __version__
from eventcoder.dictionaries import schema
from eventcoder.dictionaries.phrases import NORMALISER_VERSION
from eventcoder.dictionaries.schema import DictionarySet

__all__ = ["cache_dir", "fingerprint", "read_cached", "write_cached"]

logger = logging.getLogger(__name__)

#: Bump when the schema or ``phrases.normalise_phrase`` changes (compiled sets hold
#: normalised phrases); the normaliser's own version is part of the key too.
_FORMAT = b"eventcoder-dictionaries-8"
_KEEP = 8
#: The schema classes and their field names, pickled as constructor calls.
_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(field.name for field in attrs.fields(cls))
    for cls in vars(schema).values()
    if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == schema.__name__
}


class _Pickler(pickle.Pickler):
    """Pickles schema objects as ``Class(*fields)``: smaller, and faster to load than
    attrs' generic ``__setstate__``."""

    def reducer_override(self, obj: Any) -> Any:
        names = _FIELDS.get(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def _loads(data: bytes) -> Any:
    """Unpickle with the cyclic garbage collector paused (it would otherwise run many
    times over the hundreds of thousands of new objects, none of them cyclic)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def cache_dir() -> Path:
    """Where compiled dictionary sets are kept."""
    explicit = os.environ.get("EVENTCODER_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "eventcoder"


def fingerprint(files: Sequence[Path]) -> str:
    """The cache key of a list of files (their paths and contents, in order)."""
    digest = hashlib.sha256()
    digest.update(_FORMAT + b"\0" + __version__.encode() + b"\0" + sys.version.encode())
    digest.update(b"\0normaliser\0" + NORMALISER_VERSION.encode())
    for path in files:
        digest.update(b"\0path\0" + str(path.resolve()).encode("utf-8", "surrogateescape"))
        digest.update(b"\0data\0" + path.read_bytes())
    return digest.hexdigest()


def _file(key: str, directory: Path | None) -> Path:
    return (directory or cache_dir()) / f"dictionaries-{key[:40]}.pickle"


def read_cached(key: str, directory: Path | None = None) -> DictionarySet | None:
    """The cached set for ``key``, or None (missing, corrupt or from another version)."""
    path = _file(key, directory)
    try:
        stored = _loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception as error:  # any unreadable cache (bad pickle, old classes) is a miss
        logger.warning("ignoring unreadable dictionary cache %s: %s", path, error)
        return None
    if (
        isinstance(stored, tuple)
        and len(stored) == 3
        and stored[0] == _FORMAT
        and stored[1] == key
        and isinstance(stored[2], DictionarySet)
    ):
        return stored[2]
    logger.warning("ignoring dictionary cache %s: not a cache of this set", path)
    return None


def write_cached(key: str, dset: DictionarySet, directory: Path | None = None) -> Path | None:
    """Store ``dset`` under ``key`` (atomically); None when the cache is not writable."""
    path = _file(key, directory)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as tmp:
            tmp.write(_dumps((_FORMAT, key, dset)))
        os.replace(tmp.name, path)
    except OSError as error:
        logger.info("dictionary cache not written (%s): %s", path, error)
        return None
    _prune(path.parent)
    return path


def _prune(directory: Path) -> None:
    try:
        files = sorted(
            directory.glob("dictionaries-*.pickle"),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in files[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as error:
        logger.debug("could not prune the dictionary cache: %s", error)
