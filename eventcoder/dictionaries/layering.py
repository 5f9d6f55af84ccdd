"""Layering: folding the files of a dictionary set, in order, into one DictionarySet.

Files are applied in order; within one file:

1. ``remove:`` deletes entries defined by *earlier* files (a warning when there is none);
2. each entry replaces an earlier entry of the same section and name (names compare
   case-insensitively; synsets by upper-case name), or is added;
3. ``extend:`` adds aliases, codes, sources, lemmas, patterns or synset words to an
   entry defined earlier or in this file (an error when there is none);
4. ``event_codes:`` given as a table extends the declared table (rows replace rows
   with the same code); ``event_codes: cameo`` goes back to CAMEO.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from eventcoder.dictionaries.loader import (
    ENTRY_SECTIONS,
    Extension,
    Layer,
    PlaceKey,
    Removal,
    entry_key,
    entry_label,
)
from eventcoder.dictionaries.nodereader import Place
from eventcoder.dictionaries.schema import (
    ActorEntry,
    AgentEntry,
    DictionarySet,
    EventCodeDef,
    Synset,
    VerbEntry,
)
from eventcoder.errors import Problem

__all__ = ["Layered", "apply_layers"]

logger = logging.getLogger(__name__)


@attrs.frozen
class Layered:
    """The result of layering: the set, where each entry was written, all problems."""

    dset: DictionarySet
    places: dict[PlaceKey, Place]
    problems: tuple[Problem, ...]
    files: tuple[str, ...]


@attrs.define
class _State:
    """Entries by section and key while layering (local to one call)."""

    entries: dict[str, dict[str, Any]] = attrs.field(
        factory=lambda: {section: {} for section in ENTRY_SECTIONS}
    )
    event_codes: dict[str, EventCodeDef] | None = None
    places: dict[PlaceKey, Place] = attrs.field(factory=dict)
    problems: list[Problem] = attrs.field(factory=list)

    def apply(self, layer: Layer) -> None:
        self.problems.extend(layer.problems)
        for removal in layer.removals:
            self.remove(removal)
        for section in ENTRY_SECTIONS:
            for entry in layer.entries.get(section, ()):
                self.define(section, entry)
        self.places.update(layer.places)
        for extension in layer.extensions:
            self.extend(extension)
        if layer.declares_event_codes:
            self.declare(layer.event_codes)

    def remove(self, removal: Removal) -> None:
        key = entry_key(removal.section, removal.name)
        if self.entries[removal.section].pop(key, None) is None:
            self.problems.append(
                _problem(
                    removal.place,
                    f"nothing named {removal.name!r} in {removal.section} of earlier files",
                    field=f"remove.{removal.section}",
                    severity="warning",
                )
            )

    def define(self, section: str, entry: Any) -> None:
        name = _name(entry)
        key = entry_key(section, name)
        earlier = self.entries[section].get(key)
        if earlier is not None:
            logger.debug("%s replaces the one from %s", entry_label(section, name), earlier.origin)
        self.entries[section][key] = entry

    def extend(self, extension: Extension) -> None:
        section, partial = extension.section, extension.entry
        key = entry_key(section, _name(partial))
        earlier = self.entries[section].get(key)
        if earlier is None:
            self.problems.append(
                _problem(
                    extension.place,
                    f"nothing named {_name(partial)!r} in {section} to extend",
                    field=f"extend.{section}",
                )
            )
            return
        self.entries[section][key] = _merge(earlier, partial)

    def declare(self, rows: tuple[EventCodeDef, ...] | None) -> None:
        if rows is None:
            self.event_codes = None
            return
        table = dict(self.event_codes or {})
        table.update((row.code, row) for row in rows)
        self.event_codes = table

    def result(self, files: Sequence[str]) -> Layered:
        sections = {section: tuple(self.entries[section].values()) for section in ENTRY_SECTIONS}
        table = tuple(self.event_codes.values()) if self.event_codes is not None else None
        dset = DictionarySet(
            actors=sections["actors"],
            agents=sections["agents"] + sections["titles"],
            verbs=sections["verbs"],
            synsets=sections["synsets"],
            discards=sections["discards"],
            issues=sections["issues"],
            event_codes=table,
        )
        return Layered(dset, self.places, tuple(self.problems), tuple(files))


def _name(entry: Any) -> str:
    return entry.name if hasattr(entry, "name") else entry.phrase


def _problem(place: Place, message: str, *, field: str, severity: str = "error") -> Problem:
    return Problem(message, place.file, place.line, place.column, None, field, severity)


def _added(old: tuple[Any, ...], new: Iterable[Any]) -> tuple[Any, ...]:
    return old + tuple(item for item in new if item not in old)


def _merge(earlier: Any, partial: Any) -> Any:
    if isinstance(earlier, ActorEntry):
        return attrs.evolve(
            earlier,
            aliases=_added(earlier.aliases, partial.aliases),
            codes=_added(earlier.codes, partial.codes),
            sources=_added(earlier.sources, partial.sources),
        )
    if isinstance(earlier, AgentEntry):
        return attrs.evolve(earlier, aliases=_added(earlier.aliases, partial.aliases))
    if isinstance(earlier, VerbEntry):
        return attrs.evolve(
            earlier,
            lemmas=_added(earlier.lemmas, partial.lemmas),
            patterns=earlier.patterns + partial.patterns,
        )
    assert isinstance(earlier, Synset)
    return attrs.evolve(earlier, words=_added(earlier.words, partial.words))


def apply_layers(layers: Iterable[Layer]) -> Layered:
    """Fold the layers, in order, into one :class:`DictionarySet`."""
    state = _State()
    files = []
    for layer in layers:
        state.apply(layer)
        files.append(layer.file)
    return state.result(files)
