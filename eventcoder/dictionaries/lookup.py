"""Which dictionary entries and codes a phrase resolves to, on a date.

Used by ``eventcoder dictionaries lookup``. The phrase is normalised with
:func:`~eventcoder.dictionaries.phrases.normalise_phrase` (as the coder does), then
tried, in this order:

1. as a whole: an actor name or alias (the codes valid on the date), else an agent
   or title alone (its role code, e.g. ``~MIL``);
2. split into an actor followed by an agent or title, the actor part as long as
   possible: "Syrian troops" -> Syria (SYR) + troops (~MIL) = SYRMIL;
3. split into an agent or title followed by an actor: "President Assad".

A leading "the" is ignored when the phrase does not match with it.

Places (``places:``) whose name or alias is the whole phrase are listed too, with
their country: a place is not an actor, so it adds no code ("Idlib" is a place in
SYR; "Damascus" is both a place and, in the default set, an alias of Syria).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

import attrs

from eventcoder.dictionaries.phrases import normalise_phrase
from eventcoder.dictionaries.schema import ActorEntry, AgentEntry, DictionarySet, PlaceEntry

__all__ = ["Match", "PhraseIndex", "Resolution", "combine_codes", "lookup_phrase"]

Tokens = tuple[str, ...]


@attrs.frozen
class Match:
    """One entry matched by part of the phrase."""

    kind: Literal["actor", "agent", "title"]
    entry: ActorEntry | AgentEntry
    words: Tokens
    codes: tuple[str, ...]


@attrs.frozen
class Resolution:
    """What a phrase resolves to: the entries matched and the resulting codes."""

    phrase: str
    tokens: Tokens
    date: dt.date | None
    matches: tuple[Match, ...]
    codes: tuple[str, ...]
    #: Places named by the whole phrase (they add no code).
    places: tuple[PlaceEntry, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "phrase": self.phrase,
            "normalised": " ".join(self.tokens),
            "date": self.date.isoformat() if self.date else None,
            "codes": list(self.codes),
            "matches": [
                {
                    "kind": match.kind,
                    "name": match.entry.name,
                    "matched": " ".join(match.words),
                    "codes": list(match.codes),
                    "origin": str(match.entry.origin) if match.entry.origin else None,
                }
                for match in self.matches
            ],
            "places": [
                {
                    "name": place.name,
                    "country": place.country,
                    "kind": place.kind,
                    "origin": str(place.origin) if place.origin else None,
                }
                for place in self.places
            ],
        }


def combine_codes(actor_code: str, agent_code: str) -> str:
    """``SYR`` + ``~MIL`` -> ``SYRMIL``; ``UNO`` + ``IGO~`` -> ``IGOUNO``; a role the
    actor code already ends (or starts) with is not repeated."""
    if agent_code.startswith("~"):
        role = agent_code[1:]
        return actor_code if actor_code.endswith(role) else actor_code + role
    role = agent_code.rstrip("~")
    return actor_code if actor_code.startswith(role) else role + actor_code


class PhraseIndex:
    """Actors, agents and titles by normalised name and alias."""

    def __init__(self, dset: DictionarySet) -> None:
        self.actors: dict[Tokens, list[ActorEntry]] = defaultdict(list)
        self.roles: dict[Tokens, list[AgentEntry]] = defaultdict(list)
        self.places: dict[Tokens, list[PlaceEntry]] = defaultdict(list)
        for actor in dset.actors:
            for phrase in (actor.name, *actor.aliases):
                _add(self.actors, normalise_phrase(phrase), actor)
        for agent in dset.agents:
            for phrase in (agent.name, *agent.aliases):
                _add(self.roles, normalise_phrase(phrase), agent)
        for place in dset.places:
            for phrase in (place.name, *place.aliases):
                _add(self.places, normalise_phrase(phrase), place)

    def place_matches(self, words: Tokens) -> tuple[PlaceEntry, ...]:
        found = self.places.get(words)
        if not found and words[:1] == ("the",):
            found = self.places.get(words[1:])
        return tuple(found or ())

    def actor_matches(self, words: Tokens, day: dt.date | None) -> list[Match]:
        return [
            Match("actor", actor, words, actor.codes_on(day))
            for actor in self.actors.get(words, ())
        ]

    def role_matches(self, words: Tokens) -> list[Match]:
        return [
            Match(agent.kind, agent, words, (agent.code,)) for agent in self.roles.get(words, ())
        ]


def _add(index: dict[Tokens, list], tokens: Tokens, entry: object) -> None:  # type: ignore[type-arg]
    if tokens and entry not in index[tokens]:
        index[tokens].append(entry)


def _combined(actors: Sequence[Match], roles: Sequence[Match]) -> tuple[str, ...]:
    codes = [
        combine_codes(code, role.codes[0])
        for actor in actors
        for code in actor.codes
        for role in roles
    ]
    return tuple(dict.fromkeys(codes))


def _resolve(index: PhraseIndex, tokens: Tokens, day: dt.date | None) -> list[Match] | None:
    if actors := index.actor_matches(tokens, day):
        return actors
    if roles := index.role_matches(tokens):
        return roles
    for cut in range(len(tokens) - 1, 0, -1):
        actors, roles = index.actor_matches(tokens[:cut], day), index.role_matches(tokens[cut:])
        if actors and roles:
            return [*actors, *roles]
    for cut in range(1, len(tokens)):
        roles, actors = index.role_matches(tokens[:cut]), index.actor_matches(tokens[cut:], day)
        if actors and roles:
            return [*roles, *actors]
    return None


def lookup_phrase(
    dset: DictionarySet | PhraseIndex, phrase: str, day: dt.date | None = None
) -> Resolution | None:
    """What ``phrase`` resolves to on ``day`` (None: nothing matches)."""
    index = dset if isinstance(dset, PhraseIndex) else PhraseIndex(dset)
    tokens = normalise_phrase(phrase)
    places = index.place_matches(tokens)
    matches = _resolve(index, tokens, day)
    if matches is None and tokens[:1] == ("the",):
        tokens = tokens[1:]
        matches = _resolve(index, tokens, day)
    if not matches:
        return Resolution(phrase, tokens, day, (), (), places) if places else None
    actors = [m for m in matches if m.kind == "actor"]
    roles = [m for m in matches if m.kind != "actor"]
    if actors and roles:
        codes = _combined(actors, roles)
    else:
        codes = tuple(dict.fromkeys(code for match in matches for code in match.codes))
    return Resolution(phrase, tokens, day, tuple(matches), codes, places)
