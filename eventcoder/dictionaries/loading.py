"""Loading a dictionary set: the default set plus user files and folders, in order.

>>> from eventcoder.dictionaries import load_dictionaries
>>> dset = load_dictionaries(["my-dictionaries/"])          # default set + mine
>>> dset = load_dictionaries(["world/"], include_default=False)

A folder means every ``*.yaml``/``*.yml`` file in it, recursively, in sorted path order
(hidden files and folders are skipped). Later files extend or override earlier ones
(see ``layering``). :func:`check_dictionaries` returns every problem (errors and
warnings); :func:`load_dictionaries` raises :class:`DictionaryError` with all errors,
and keeps a compiled cache so that a set loads fast the second time.
"""

from __future__ import annotations

import importlib.resources
import logging
from collections.abc import Sequence
from pathlib import Path

import attrs

from eventcoder.dictionaries.cache import fingerprint, read_cached, write_cached
from eventcoder.dictionaries.checker import check_layered
from eventcoder.dictionaries.layering import Layered, apply_layers
from eventcoder.dictionaries.loader import Layer, load_file
from eventcoder.dictionaries.schema import DictionarySet
from eventcoder.errors import DictionaryError, Problem

__all__ = [
    "CheckReport",
    "check_dictionaries",
    "default_dictionary_dir",
    "dictionary_files",
    "load_dictionaries",
]

logger = logging.getLogger(__name__)

PathLike = str | Path
_SUFFIXES = (".yaml", ".yml")


@attrs.frozen
class CheckReport:
    """The outcome of checking a dictionary set."""

    dset: DictionarySet
    problems: tuple[Problem, ...]
    #: Which event-code table the codes were checked against (CAMEO or declared).
    event_code_table: str
    files: tuple[str, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity != "error")


def default_dictionary_dir() -> Path:
    """The folder of the default set (the package ``eventcoder._dictionaries``)."""
    return Path(str(importlib.resources.files("eventcoder._dictionaries")))


def _folder_files(folder: Path) -> list[Path]:
    found = (
        path
        for path in folder.rglob("*")
        if path.suffix in _SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )
    return sorted(found)


def dictionary_files(
    paths: Sequence[PathLike] | None = None, *, include_default: bool = True
) -> tuple[list[Path], list[Problem]]:
    """The files of a set, in load order, and a problem for each path that is missing.

    A file named twice (``check dictionaries/`` also names the default set) is read once,
    at its first place.
    """
    roots = [default_dictionary_dir()] if include_default else []
    roots += [Path(path) for path in paths or ()]
    files: list[Path] = []
    problems = []
    for root in roots:
        if root.is_dir():
            files += _folder_files(root)
        elif root.is_file():
            files.append(root)
        else:
            problems.append(Problem("no such dictionary file or folder", file=str(root)))
    return _first_of_each(files), problems


def _first_of_each(files: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for path in files:
        real = path.resolve()
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return unique


def _read(files: Sequence[Path]) -> list[Layer]:
    return [load_file(path, display_name(path)) for path in files]


def display_name(path: Path) -> str:
    """How messages and events name a file: ``dictionaries/10-world/05-verbs.yaml`` for
    the default set (wherever it is installed), the path as given for the user's files."""
    default = default_dictionary_dir().resolve()
    try:
        return str(Path("dictionaries") / path.resolve().relative_to(default))
    except ValueError:
        return str(path)


def _sorted(problems: Sequence[Problem], files: Sequence[str]) -> tuple[Problem, ...]:
    order = {file: index for index, file in enumerate(files)}

    def key(problem: Problem) -> tuple[int, int, int]:
        return (order.get(problem.file or "", -1), problem.line or 0, problem.column or 0)

    return tuple(sorted(problems, key=key))


def check_dictionaries(
    paths: Sequence[PathLike] | None = None,
    *,
    include_default: bool = True,
    shadowed: bool = False,
) -> CheckReport:
    """Load and check a set without raising: every error and warning, in file order.

    ``shadowed`` adds the warnings about aliases that start longer aliases.
    """
    files, missing = dictionary_files(paths, include_default=include_default)
    return _check_files(files, missing, shadowed=shadowed)


def _check_files(
    files: Sequence[Path], missing: Sequence[Problem], *, shadowed: bool = False
) -> CheckReport:
    layered: Layered = apply_layers(_read(files))
    problems, table = check_layered(layered, shadowed=shadowed)
    every = _sorted([*missing, *layered.problems, *problems], layered.files)
    return CheckReport(layered.dset, every, table.description, layered.files)


def load_dictionaries(
    paths: Sequence[PathLike] | None = None,
    *,
    include_default: bool = True,
    cache: bool = True,
) -> DictionarySet:
    """The default set (unless ``include_default`` is False) layered with ``paths``.

    Raises :class:`DictionaryError` listing every error. With ``cache`` a set that
    loaded before from identical files comes from the compiled cache.
    """
    files, missing = dictionary_files(paths, include_default=include_default)
    if missing:
        raise DictionaryError(missing)
    key = fingerprint(files) if cache else None
    if key is not None and (cached := read_cached(key)) is not None:
        logger.debug("dictionaries loaded from the cache (%d files)", len(files))
        return cached
    report = _check_files(files, missing)
    if report.errors:
        raise DictionaryError(report.problems)
    _log_warnings(report)
    if key is not None:
        write_cached(key, report.dset)
    return report.dset


def _log_warnings(report: CheckReport) -> None:
    for warning in report.warnings:
        logger.debug("%s", warning)
    if report.warnings:
        logger.info(
            "%d dictionary warning(s); see `eventcoder dictionaries check`", len(report.warnings)
        )
