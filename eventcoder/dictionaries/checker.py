"""Checks that need the whole layered set: event codes, synsets, aliases.

Errors:

- an actor or agent code with a part that is neither a known CAMEO part nor declared
  in ``actor_code_parts:`` (the loader only checks the form of codes, since the
  parts a set declares are known only after layering);
- a place whose country is not a country part (known, or declared);
- an event code (a verb's default code, a pattern's code or reverse code) that is not
  in the table the set is checked against (CAMEO, or the declared ``event_codes``);
- a pattern naming a synset that no file defines;
- a pattern whose ``verbs:`` names a word that is not a lemma of its (layered) block;
- an alias conflict: the same normalised alias (see ``phrases``) in two actor entries
  that give different codes on some day, or in two agents (or two titles) with
  different codes; the same alias in two places in different countries.

Conflicts between entries of *different* files never reach the checker: layering
gives the phrase to the later file's entry (see ``overrides``) with a warning.

Warnings (suspicious but legal):

- overlapping date ranges within one actor (where at least one code is dated; two
  undated codes are a deliberate multi-code actor);
- the same alias repeated: twice in one entry (after normalisation, counting the
  name), or in two entries that give the same codes (or two places in one country);
- a declared actor-code part that CAMEO already knows;
- event nouns (``nouns:``) in a verb block without a default code;
- (only when asked for: ``shadowed=True``, ``dictionaries check --shadowed``; the
  world set has over a thousand) a shadowed alias: an actor alias that is the start
  of a longer alias of another actor with different codes (in "Syrian army" the
  longer alias wins, so the shorter one never applies there).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Any

from eventcoder.dictionaries.codes import (
    EventCodeTable,
    check_actor_code,
    check_agent_code,
    event_code_table,
)
from eventcoder.dictionaries.layering import Layered
from eventcoder.dictionaries.loader import PlaceKey, entry_key, entry_label
from eventcoder.dictionaries.nodereader import Place
from eventcoder.dictionaries.phrases import normalise_phrase
from eventcoder.dictionaries.schema import ActorEntry, AgentEntry, DatedCode, PlaceEntry
from eventcoder.errors import Problem
from eventcoder.ontology import is_country, known_parts

__all__ = ["check_layered"]

_Alias = tuple[Any, str, int]  # entry, alias text, index (-1: name)


def check_layered(
    layered: Layered, *, shadowed: bool = False
) -> tuple[list[Problem], EventCodeTable]:
    """All set-level problems, and the event-code table the codes were checked against."""
    table = event_code_table(layered.dset.event_codes)
    where = _Where(layered.places)
    parts = layered.dset.actor_code_parts
    problems = [
        *_actor_codes(layered, parts, where),
        *_declared_parts(layered, where),
        *_place_countries(layered.dset.places, parts, where),
        *_place_aliases(layered.dset.places, where),
        *_event_codes(layered, table, where),
        *_synsets(layered, where),
        *_pattern_verbs(layered, where),
        *_nouns(layered, where),
        *_actor_aliases(layered.dset.actors, where, shadowed),
        *_agent_aliases(layered.dset.agents, where),
        *_date_overlaps(layered.dset.actors, where),
    ]
    return problems, table


class _Where:
    """Finds where an entry or one of its fields was written."""

    def __init__(self, places: dict[PlaceKey, Place]) -> None:
        self.places = places

    def problem(
        self,
        section: str,
        entry: object,
        field: str,
        message: str,
        severity: str = "error",
    ) -> Problem:
        name = getattr(entry, "name", "")
        key = entry_key(section, name)
        place = self.places.get((section, key, field)) or self.places.get((section, key, ""))
        origin = getattr(entry, "origin", None)
        file = place.file if place else origin.file if origin else None
        line = place.line if place else origin.line if origin else None
        column = place.column if place else None
        label = entry_label(section, name)
        return Problem(message, file, line, column, label, field, severity)


# --- codes and synsets ------------------------------------------------------------------


def _actor_codes(layered: Layered, parts: Sequence[str], where: _Where) -> Iterator[Problem]:
    for actor in layered.dset.actors:
        for index, dated in enumerate(actor.codes):
            if message := check_actor_code(dated.code, parts):
                yield where.problem("actors", actor, f"codes[{index}]", message)
    for agent in layered.dset.agents:
        if message := check_agent_code(agent.code, parts):
            section = "agents" if agent.kind == "agent" else "titles"
            yield where.problem(section, agent, "code", message)
    for verb in layered.dset.verbs:  # implied targets ("target: IGOUNO" on a veto)
        if verb.target and (message := check_actor_code(verb.target, parts)):
            yield where.problem("verbs", verb, "target", message)
        for index, pattern in enumerate(verb.patterns):
            if pattern.target and (message := check_actor_code(pattern.target, parts)):
                yield where.problem("verbs", verb, f"patterns[{index}].target", message)


def _declared_parts(layered: Layered, where: _Where) -> Iterator[Problem]:
    known = known_parts()
    for part in layered.dset.actor_code_parts:
        if part in known:
            message = f"actor-code part {part!r} is already a known CAMEO part"
            place = where.places.get(("actor_code_parts", part, ""))
            file, line, column = (place.file, place.line, place.column) if place else (None,) * 3
            yield Problem(message, file, line, column, None, "actor_code_parts", "warning")


def _place_countries(
    places: Sequence[PlaceEntry], parts: Sequence[str], where: _Where
) -> Iterator[Problem]:
    declared = frozenset(parts)
    for place in places:
        country = place.country
        if country is not None and not is_country(country) and country not in declared:
            message = (
                f"{country!r} is not a country code (ISO 3166 alpha-3, or a part"
                " declared in actor_code_parts)"
            )
            yield where.problem("places", place, "country", message)


def _event_codes(layered: Layered, table: EventCodeTable, where: _Where) -> Iterator[Problem]:
    for verb in layered.dset.verbs:
        if verb.code and (message := table.problem(verb.code)):
            yield where.problem("verbs", verb, "code", message)
        for index, pattern in enumerate(verb.patterns):
            for code in (pattern.code, pattern.reverse_code):
                if code and (message := table.problem(code)):
                    field = f"patterns[{index}].code"
                    yield where.problem("verbs", verb, field, f"{message} in {pattern.text!r}")


def _synsets(layered: Layered, where: _Where) -> Iterator[Problem]:
    from eventcoder.dictionaries.patterns import pattern_synsets

    known = {synset.name for synset in layered.dset.synsets}
    for verb in layered.dset.verbs:
        for index, pattern in enumerate(verb.patterns):
            for name in pattern_synsets(pattern):
                if name not in known:
                    message = f"unknown synset &{name} in {pattern.text!r}"
                    yield where.problem("verbs", verb, f"patterns[{index}]", message)


def _nouns(layered: Layered, where: _Where) -> Iterator[Problem]:
    """Event nouns of a block without a default code can never be coded (warning)."""
    for verb in layered.dset.verbs:
        if verb.nouns and not verb.code:
            message = "event nouns need a default code (the code the nouns stand for)"
            yield where.problem("verbs", verb, "nouns", message, "warning")


def _pattern_verbs(layered: Layered, where: _Where) -> Iterator[Problem]:
    for verb in layered.dset.verbs:
        lemmas = set(verb.lemmas)
        for index, pattern in enumerate(verb.patterns):
            for name in pattern.verbs:
                if name not in lemmas:
                    message = (
                        f"verbs: {name!r} is not a lemma of the block, so {pattern.text!r}"
                        " never applies to it"
                    )
                    yield where.problem("verbs", verb, f"patterns[{index}]", message)


# --- aliases ----------------------------------------------------------------------------


def _phrases(entry: Any) -> Iterator[tuple[str, int, tuple[str, ...]]]:
    yield entry.name, -1, normalise_phrase(entry.name)
    for index, alias in enumerate(entry.aliases):
        yield alias, index, normalise_phrase(alias)


def _index(entries: Sequence[Any]) -> dict[tuple[str, ...], list[_Alias]]:
    index: dict[tuple[str, ...], list[_Alias]] = defaultdict(list)
    for entry in entries:
        for text, position, tokens in _phrases(entry):
            if tokens:
                index[tokens].append((entry, text, position))
    return index


def _field(position: int) -> str:
    return "name" if position < 0 else f"aliases[{position}]"


def _repeats(section: str, found: list[_Alias], where: _Where) -> Iterator[Problem]:
    """Within one entry, the same normalised alias more than once."""
    seen: dict[int, tuple[str, int]] = {}
    for entry, text, position in found:
        first, first_position = seen.setdefault(id(entry), (text, position))
        if first_position != position:
            message = f"alias {text!r} repeats {first!r} (the same after normalising)"
            yield where.problem(section, entry, _field(position), message, "warning")


def _actor_aliases(
    actors: Sequence[ActorEntry], where: _Where, shadowed: bool
) -> Iterator[Problem]:
    index = _index(actors)
    for found in index.values():
        yield from _repeats("actors", found, where)
        for (one, _, _), (other, text, position) in _distinct_pairs(found):
            yield _actor_pair(one, other, text, position, where)  # type: ignore[arg-type]
    if shadowed:
        yield from _shadowed(index, where)


def _distinct_pairs(found: list[_Alias]) -> Iterator[tuple[_Alias, _Alias]]:
    firsts: dict[int, _Alias] = {}
    for item in found:
        firsts.setdefault(id(item[0]), item)
    yield from combinations(firsts.values(), 2)


def _actor_pair(
    one: ActorEntry, other: ActorEntry, text: str, position: int, where: _Where
) -> Problem:
    day = _first_difference(one.codes, other.codes)
    field = _field(position)
    if day is None:
        message = f"alias {text!r} is also an alias of {_named(one)} with the same codes"
        return where.problem("actors", other, field, message, "warning")
    when = "" if day == dt.date.min else f" on {day}"
    mine = "/".join(_codes_on(other.codes, day)) or "no code"
    theirs = "/".join(_codes_on(one.codes, day)) or "no code"
    message = (
        f"alias {text!r} conflicts with {_named(one)}: {mine} here, {theirs} there{when}"
        " (use dates, or remove the alias from one entry)"
    )
    return where.problem("actors", other, field, message)


def _named(entry: Any) -> str:
    where = f" ({entry.origin})" if entry.origin else ""
    if isinstance(entry, PlaceEntry):
        kind = "place"
    else:
        kind = "actor" if isinstance(entry, ActorEntry) else entry.kind
    return f'{kind} "{entry.name}"{where}'


def _codes_on(codes: Sequence[DatedCode], day: dt.date) -> tuple[str, ...]:
    return tuple(sorted({c.code for c in codes if c.valid_on(day)}))


def _boundaries(codes: Sequence[DatedCode]) -> Iterator[dt.date]:
    yield dt.date.min
    for code in codes:
        if code.start:
            yield code.start
        if code.end and code.end < dt.date.max:
            yield code.end + dt.timedelta(days=1)


def _first_difference(one: Sequence[DatedCode], other: Sequence[DatedCode]) -> dt.date | None:
    """The first day both entries give codes and the codes differ (None: never)."""
    for day in sorted({*_boundaries(one), *_boundaries(other)}):
        mine, theirs = _codes_on(one, day), _codes_on(other, day)
        if mine and theirs and mine != theirs:
            return day
    return None


def _shadowed(index: dict[tuple[str, ...], list[_Alias]], where: _Where) -> Iterator[Problem]:
    for tokens, found in index.items():
        for length in range(1, len(tokens)):
            shorter = index.get(tokens[:length])
            if shorter:
                yield from _shadow_pairs(shorter, found, where)


def _shadow_pairs(shorter: list[_Alias], longer: list[_Alias], where: _Where) -> Iterator[Problem]:
    for short_entry, short_text, position in shorter:
        for long_entry, long_text, _ in longer:
            if short_entry is long_entry or _all_codes(short_entry) == _all_codes(long_entry):
                continue
            message = (
                f"alias {short_text!r} is the start of {long_text!r} ({_named(long_entry)},"
                f" {'/'.join(sorted(_all_codes(long_entry)))}): where the text has"
                f" {long_text!r}, the longer alias applies"
            )
            yield where.problem("actors", short_entry, _field(position), message, "warning")


def _all_codes(entry: ActorEntry | AgentEntry) -> frozenset[str]:
    if isinstance(entry, AgentEntry):
        return frozenset({entry.code})
    return frozenset(code.code for code in entry.codes)


def _place_aliases(places: Sequence[PlaceEntry], where: _Where) -> Iterator[Problem]:
    for found in _index(places).values():
        yield from _repeats("places", found, where)
        for (one, _, _), (other, text, position) in _distinct_pairs(found):
            same = one.country == other.country
            where_one = f"in {one.country}" if one.country else "with no country"
            message = f"alias {text!r} is also an alias of {_named(one)} " + (
                "in the same country" if same else f"({where_one})"
            )
            severity = "warning" if same else "error"
            yield where.problem("places", other, _field(position), message, severity)


def _agent_aliases(agents: Sequence[AgentEntry], where: _Where) -> Iterator[Problem]:
    for kind in ("agent", "title"):
        section = "agents" if kind == "agent" else "titles"
        index = _index([agent for agent in agents if agent.kind == kind])
        for found in index.values():
            yield from _repeats(section, found, where)
            for (one, _, _), (other, text, position) in _distinct_pairs(found):
                same = one.code == other.code  # type: ignore[union-attr]
                message = (
                    f"alias {text!r} is also an alias of {_named(one)}"
                    + (" with the same code" if same else f" with code {one.code}")  # type: ignore[union-attr]
                )
                severity = "warning" if same else "error"
                yield where.problem(section, other, _field(position), message, severity)


# --- dates ------------------------------------------------------------------------------


def _overlap(one: DatedCode, other: DatedCode) -> bool:
    starts = max(one.start or dt.date.min, other.start or dt.date.min)
    ends = min(one.end or dt.date.max, other.end or dt.date.max)
    return starts <= ends


def _date_overlaps(actors: Sequence[ActorEntry], where: _Where) -> Iterator[Problem]:
    for actor in actors:
        for (i, one), (j, other) in combinations(enumerate(actor.codes), 2):
            undated = not (one.start or one.end or other.start or other.end)
            if not undated and _overlap(one, other):
                message = f"codes[{i}] ({_range(one)}) and codes[{j}] ({_range(other)}) overlap"
                yield where.problem("actors", actor, "codes", message, "warning")


def _range(code: DatedCode) -> str:
    return f"{code.code} {code.start or '…'} to {code.end or '…'}"
