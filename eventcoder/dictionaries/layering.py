"""Layering: folding the files of a dictionary set, in order, into one DictionarySet.

Files are applied in order; within one file:

1. ``remove:`` deletes entries defined by *earlier* files (a warning when there is none);
2. each entry replaces an earlier entry of the same section and name (names compare
   case-insensitively; synsets by upper-case name), or is added;
3. ``extend:`` adds aliases, codes, sources, lemmas, patterns or synset words to an
   entry defined earlier or in this file (an error when there is none);
4. ``event_codes:`` given as a table extends the declared table (rows replace rows
   with the same code); ``event_codes: cameo`` goes back to CAMEO;
5. ``actor_code_parts:`` adds to the set's declared parts.

After the last file, aliases are settled across files (see ``overrides``): when an
alias of an actor, agent, title or place (normalised) is also an alias of an entry of
the same section from an *earlier* file, the later entry keeps it and the earlier
entry is rewritten without it (a warning says so). Conflicts within one file are left
to the checker.
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
from eventcoder.dictionaries.overrides import settle_aliases
from eventcoder.dictionaries.schema import (
    ActorEntry,
    AgentEntry,
    DictionarySet,
    EventCodeDef,
    PlaceEntry,
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
    actor_code_parts: dict[str, None] = attrs.field(factory=dict)
    #: The index of the file that defined each entry, by (section, key).
    defined_in: dict[tuple[str, str], int] = attrs.field(factory=dict)
    #: Aliases added by ``extend:``: (section, key) -> {alias: file index}.
    extended_in: dict[tuple[str, str], dict[str, int]] = attrs.field(factory=dict)
    layer_index: int = 0

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
        self.actor_code_parts.update(dict.fromkeys(layer.actor_code_parts))
        self.layer_index += 1

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
        self.defined_in[(section, key)] = self.layer_index
        self.extended_in.pop((section, key), None)

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
        added = self.extended_in.setdefault((section, key), {})
        for alias in getattr(partial, "aliases", ()):
            if alias not in earlier.aliases:
                added[alias] = self.layer_index

    def declare(self, rows: tuple[EventCodeDef, ...] | None) -> None:
        if rows is None:
            self.event_codes = None
            return
        table = dict(self.event_codes or {})
        table.update((row.code, row) for row in rows)
        self.event_codes = table

    def result(self, files: Sequence[str]) -> Layered:
        settled = settle_aliases(self.entries, self.defined_in, self.extended_in, self.places)
        self.problems.extend(settled)
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
            places=sections["places"],
            actor_code_parts=tuple(self.actor_code_parts),
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
        return attrs.evolve(earlier, aliases=_added(earlier.aliases, partial.aliases),
                            no_plural=_added(earlier.no_plural, partial.no_plural))
    if isinstance(earlier, PlaceEntry):
        return attrs.evolve(
            earlier,
            aliases=_added(earlier.aliases, partial.aliases),
            sources=_added(earlier.sources, partial.sources),
        )
    if isinstance(earlier, VerbEntry):
        return attrs.evolve(
            earlier,
            lemmas=_added(earlier.lemmas, partial.lemmas),
            patterns=earlier.patterns + partial.patterns,
            nouns=_added(earlier.nouns, partial.nouns),
            forms=_added(earlier.forms, partial.forms),
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
