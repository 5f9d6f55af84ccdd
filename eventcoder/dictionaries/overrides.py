"""Settling aliases across files: a later file's alias wins over an earlier file's.

When the same normalised phrase (see ``phrases``) is a name or alias of entries of one
section (actors, agents, titles, places) that come from different files, the entry
from the latest file keeps it and every entry from an earlier file is rewritten
without it, so that every consumer of the set (the coder, ``dictionaries lookup``)
sees the same thing. An alias added by ``extend:`` counts as written by the extending
file. When the overridden phrase is an entry's *name*, the entry is renamed to its
first remaining alias, or dropped when none remains. Each override is a warning
placed at the winning alias. Entries of the same file that share a phrase are left
alone (the checker reports them).

This lets a user write ``{name: Syrian government, aliases: [Damascus], codes:
[SYRGOV]}`` on top of the default set, whose ``Syria`` entry lists Damascus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

import attrs

from eventcoder.dictionaries.loader import PlaceKey, entry_label
from eventcoder.dictionaries.nodereader import Place
from eventcoder.dictionaries.phrases import normalise_phrase
from eventcoder.errors import Problem

__all__ = ["OVERRIDE_SECTIONS", "settle_aliases"]

#: The sections whose entries have aliases that can be overridden.
OVERRIDE_SECTIONS = ("actors", "agents", "titles", "places")


@attrs.frozen
class _Phrase:
    """One name (position -1) or alias of an entry, and the file it came from."""

    key: str
    text: str
    position: int
    layer: int


def settle_aliases(
    entries: Mapping[str, MutableMapping[str, Any]],
    defined_in: Mapping[tuple[str, str], int],
    extended_in: Mapping[tuple[str, str], Mapping[str, int]],
    places: Mapping[PlaceKey, Place],
) -> list[Problem]:
    """Rewrite earlier entries without the phrases later files give to other entries
    (``entries`` is changed in place); one warning per phrase taken."""
    problems: list[Problem] = []
    for section in OVERRIDE_SECTIONS:
        by_key = entries[section]
        layers = {defined_in.get((section, key), 0) for key in by_key}
        if len(layers) < 2 and not any(s == section for s, _ in extended_in):
            continue
        pairs = list(_overrides(section, by_key, defined_in, extended_in))
        lost: dict[str, set[int]] = defaultdict(set)
        for _, loser in pairs:
            lost[loser.key].add(loser.position)
        for winner, loser in pairs:
            outcome = _consequence(by_key[loser.key], lost[loser.key], loser.position)
            problems.append(_warning(section, by_key, (winner, loser), places, outcome))
        for key, positions in lost.items():
            _rewrite(by_key, key, positions)
    return problems


def _phrases(
    section: str,
    by_key: Mapping[str, Any],
    defined_in: Mapping[tuple[str, str], int],
    extended_in: Mapping[tuple[str, str], Mapping[str, int]],
) -> Iterator[tuple[tuple[str, ...], _Phrase]]:
    for key, entry in by_key.items():
        base = defined_in.get((section, key), 0)
        added = extended_in.get((section, key), {})
        yield normalise_phrase(entry.name), _Phrase(key, entry.name, -1, base)
        for position, alias in enumerate(entry.aliases):
            layer = added.get(alias, base)
            yield normalise_phrase(alias), _Phrase(key, alias, position, layer)


def _overrides(
    section: str,
    by_key: Mapping[str, Any],
    defined_in: Mapping[tuple[str, str], int],
    extended_in: Mapping[tuple[str, str], Mapping[str, int]],
) -> Iterator[tuple[_Phrase, _Phrase]]:
    """(winning phrase, overridden phrase) pairs."""
    index: dict[tuple[str, ...], list[_Phrase]] = defaultdict(list)
    for tokens, phrase in _phrases(section, by_key, defined_in, extended_in):
        if tokens:
            index[tokens].append(phrase)
    for found in index.values():
        if len({phrase.key for phrase in found}) < 2:
            continue
        top = max(phrase.layer for phrase in found)
        winners = [phrase for phrase in found if phrase.layer == top]
        winner_keys = {phrase.key for phrase in winners}
        for phrase in found:
            if phrase.layer < top and phrase.key not in winner_keys:
                yield winners[0], phrase


def _rewrite(by_key: MutableMapping[str, Any], key: str, positions: set[int]) -> None:
    """The entry without the phrases at ``positions`` (-1: its name)."""
    entry = by_key[key]
    aliases = [alias for i, alias in enumerate(entry.aliases) if i not in positions]
    if -1 not in positions:
        by_key[key] = attrs.evolve(entry, aliases=tuple(aliases))
    elif aliases:
        by_key[key] = attrs.evolve(entry, name=aliases[0], aliases=tuple(aliases[1:]))
    else:
        del by_key[key]


def _field(position: int) -> str:
    return "name" if position < 0 else f"aliases[{position}]"


def _named(section: str, entry: Any) -> str:
    where = f" ({entry.origin})" if entry.origin else ""
    return f"{entry_label(section, entry.name)}{where}"


def _consequence(entry: Any, lost: set[int], position: int) -> str:
    if position >= 0:
        return ""
    remaining = [alias for i, alias in enumerate(entry.aliases) if i not in lost]
    if remaining:
        return f"; that entry is renamed {remaining[0]!r}"
    return "; that entry has no other name and is dropped"


def _warning(
    section: str,
    by_key: Mapping[str, Any],
    pair: tuple[_Phrase, _Phrase],
    places: Mapping[PlaceKey, Place],
    outcome: str,
) -> Problem:
    winner, loser = pair
    win_entry, lose_entry = by_key[winner.key], by_key[loser.key]
    field = _field(winner.position)
    place_field = "" if winner.position < 0 else field
    place = places.get((section, winner.key, place_field)) or places.get((section, winner.key, ""))
    origin = win_entry.origin
    file = place.file if place else origin.file if origin else None
    line = place.line if place else origin.line if origin else None
    kind = "name" if loser.position < 0 else "alias"
    message = (
        f"{kind} {loser.text!r} of {_named(section, lose_entry)} is overridden by"
        f" {_named(section, win_entry)}{outcome}"
    )
    return Problem(
        message,
        file,
        line,
        place.column if place else None,
        entry_label(section, win_entry.name),
        field,
        "warning",
    )
