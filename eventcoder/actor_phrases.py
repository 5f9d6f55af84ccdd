"""Coding one noun phrase: the actor, agent, title and place parts matched inside it
combine into the phrase's codes (rules 1-4 of :mod:`eventcoder.actors`; PETRARCH's role
stacking with ``stack``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from eventcoder.dictionaries.schema import ActorEntry, AgentEntry
from eventcoder.role_stacking import stack_roles

__all__ = ["Alone", "Part", "actor_part", "build_part", "code_phrase", "combine_role", "role_part",
           "stack_base", "with_alone"]

ACTOR, AGENT, TITLE, PLACE = 0, 1, 2, 3
#: Codes of a state's government role: actors with these combine with agents by country.
STATE_ROLES = ("GOV", "")


# --- one candidate actor inside a phrase ---------------------------------------------


@attrs.frozen(weakref_slot=False)  # no weak references: see _UnfrozenPart
class Part:
    """A matched piece of a noun phrase: an actor, agent, title or resolved pronoun."""

    kind: int
    start: int
    end: int
    name: str
    codes: tuple[str, ...] = ()
    country: str | None = None
    combinable: bool = False
    role: str | None = None  # agent/title code ("~MIL")
    standalone: bool = False
    #: :func:`code_phrase` of a phrase made of this part alone, with its head inside
    #: the part and outside it (see :func:`with_alone`); None when not computed.
    alone: tuple[Alone, Alone] | None = attrs.field(default=None, eq=False, repr=False)


#: What :func:`code_phrase` answers for a phrase of one part: codes, entry, kind and
#: whether that part is the modifier it returns.
Alone = tuple[tuple[str, ...], str, str, bool]


class _UnfrozenPart:
    """:class:`Part`'s slot layout without its frozen guard: builds a Part with plain
    stores, then turns itself into one, equal to ``Part(...)`` with the same arguments
    (see :class:`eventcoder.model._UnfrozenWord`). Every dictionary match of a sentence
    becomes a part, and attrs' frozen ``__init__`` costs a call per field."""

    __slots__ = tuple(field.name for field in attrs.fields(Part))

    def __init__(
        self, kind: int, start: int, end: int, name: str, codes: tuple[str, ...] = (),
        country: str | None = None, combinable: bool = False, role: str | None = None,
        standalone: bool = False, alone: tuple[Alone, Alone] | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name
        self.codes = codes
        self.country = country
        self.combinable = combinable
        self.role = role
        self.standalone = standalone
        self.alone = alone
        self.__class__ = Part  # type: ignore[assignment]


if TYPE_CHECKING:
    build_part = Part
else:
    build_part = _UnfrozenPart  # the class itself: no extra call per part


def with_alone(part: Part) -> Part:
    """The part with its :attr:`Part.alone` answers: most phrases are one dictionary
    match, so the phrase rules are run once per dictionary reading, not per mention.
    For one part the answer depends only on whether the head is inside it."""
    answers = []
    for head in (part.start, part.end + 1):  # inside, outside
        codes, entry, kind, modifier = code_phrase(head, [part])
        answers.append((codes, entry, kind, modifier is not None))
    return attrs.evolve(part, alone=(answers[0], answers[1]))


def actor_part(entry: ActorEntry, start: int, end: int, day: dt.date | None) -> Part:
    codes = entry.codes_on(day)
    country = entry.country or next((c for c in codes if len(c) == 3), None)
    combinable = bool(country) and all(
        c.startswith(country) and c[len(country) :] in STATE_ROLES  # type: ignore[arg-type]
        for c in codes
    )
    return Part(ACTOR, start, end, entry.name, codes, country, combinable)


def role_part(kind: int, entry: AgentEntry, start: int, end: int) -> Part:
    return Part(kind, start, end, entry.name, role=entry.code, standalone=entry.standalone)


def combine_role(base: str, role: str) -> str:
    """``SYR`` + ``~MIL`` -> ``SYRMIL``; ``IGO~`` + ``SYR`` -> ``IGOSYR``; plain codes win."""
    if role.startswith("~"):
        return base + role[1:]
    if role.endswith("~"):
        return role[:-1] + base
    return role


def _standalone_code(role: str) -> str:
    return role.strip("~")


# --- coding one noun phrase -----------------------------------------------------------


def code_phrase(head: int, parts: list[Part], stack: bool = False
                ) -> tuple[tuple[str, ...], str, str, Part | None]:
    """Codes, entry text and kind for a phrase; the actor part that supplied the country.
    ``stack``: PETRARCH's role stacking (:mod:`eventcoder.role_stacking`)."""
    alone = parts[0].alone if len(parts) == 1 and not stack else None
    if alone is not None:
        return _answer_alone(head, parts[0], alone)
    head_part = None
    for part in parts:
        if part.start <= head <= part.end:
            head_part = part
            break
    if head_part is not None and head_part.kind == ACTOR and head_part.codes:
        title = _title_before(head_part, parts) or _role_after(head_part, parts)
        if title is not None:  # "Bree Prime Minister Romendacil" (BRE + ~GOV)
            owner = _state_of_title(title, parts) or head_part  # "Ithilen's minister X"
            names = f"{owner.name} + {title.name} {head_part.name}" if owner is not head_part \
                else f"{title.name} {head_part.name}"
            return _with_role(owner, title), names, "combined", owner
        return head_part.codes, head_part.name, "actor", head_part
    actors = [p for p in parts if p.kind == ACTOR and p.codes]
    places = [p for p in parts if p.kind == PLACE and p.country]
    roles = [p for p in parts if p.kind not in (ACTOR, PLACE)]
    if head_part is not None and head_part.kind == PLACE and not actors:
        return (), head_part.name, "place", head_part  # "the rebel-held town of Qusayr"
    role = head_part if head_part is not None and head_part.kind != ACTOR else None
    if role is None and roles:
        role = roles[-1]
    modifier = _nearest(actors, head) if actors else None
    if stack and role is not None and modifier is not None:
        return _stacked(actors, roles, role), _stacked_names(actors, roles, role), "combined", \
            modifier
    if role is not None and modifier is not None:
        codes: list[str] = []
        for actor in actors:  # conjoined modifiers: "Syrian and Russian warplanes"
            for code in _with_role(actor, role):
                if code not in codes:
                    codes.append(code)
        names = " and ".join(a.name for a in actors)
        kind = "combined" if any(a.combinable for a in actors) and role.role else "actor"
        prefix = _prefix_role(roles, role, actors) if kind == "combined" else None
        if prefix is not None:  # "An MSF Arnor diplomat": NGO~ + ARN + ~GOV
            codes = [combine_role(code, prefix.role or "") for code in codes]
            names = f"{prefix.name} + {names}"
        return tuple(codes), f"{names} + {role.name}", kind, modifier
    if modifier is not None:  # conjoined modifiers each count: "Iranian and Turkish envoys"
        merged = tuple(dict.fromkeys(code for actor in actors for code in actor.codes))
        return merged, " and ".join(a.name for a in actors), "modifier", modifier
    if role is not None and role.role and role.role.startswith("~") and places:
        place = _nearest(places, head)  # "Aleppo residents", "Idlib rebels"
        code = combine_role(place.country or "", role.role)
        return (code,), f"{place.name} (place) + {role.name}", "combined", place
    if role is not None and role.standalone and role.role:
        return (_standalone_code(role.role),), role.name, "agent", None
    if role is not None:
        return (), role.name, "agent", None
    if places:
        place = _nearest(places, head)
        return (), place.name, "place", place
    return (), None, "uncoded", None  # type: ignore[return-value]


def _answer_alone(head: int, part: Part, alone: tuple[Alone, Alone]
                  ) -> tuple[tuple[str, ...], str, str, Part | None]:
    codes, entry, kind, own = alone[0 if part.start <= head <= part.end else 1]
    return codes, entry, kind, part if own else None


def _stack_chain(actors: list[Part], roles: list[Part], role: Part) -> list[Part]:
    """The roles stacked on the phrase's actors: those after the first actor, in text
    order, and the phrase's own role."""
    first = min(a.start for a in actors)
    chain = [p for p in roles if p.role and p.start > first and p is not role]
    return sorted([*chain, role], key=lambda p: p.start)


def _stacked(actors: list[Part], roles: list[Part], role: Part) -> tuple[str, ...]:
    """PETRARCH's codes: each actor's code with every role of the phrase stacked on it
    ("The Danish Islamist media" DNKMUSMED); a bare state code stands for its country."""
    chain = [p.role or "" for p in _stack_chain(actors, roles, role)]
    prefix = _prefix_role(roles, role, actors)  # "An MSF Arnor diplomat": NGO~ in front
    if prefix is not None:
        chain.append(prefix.role or "")
    return tuple(dict.fromkeys(stack_roles(code, chain) for a in actors for code in a.codes))


def _stacked_names(actors: list[Part], roles: list[Part], role: Part) -> str:
    prefix = _prefix_role(roles, role, actors)
    names = " and ".join(a.name for a in actors)
    stacked = " + ".join([names, *(p.name for p in _stack_chain(actors, roles, role))])
    return f"{prefix.name} + {stacked}" if prefix is not None else stacked


def _prefix_role(roles: list[Part], role: Part, actors: list[Part]) -> Part | None:
    """An agent with a prefix code (``NGO~``, ``IGO~``) in front of the states that
    combine with the phrase's role: it is put in front of the combined codes."""
    first = min(a.start for a in actors)
    found = [p for p in roles if p is not role and p.role and p.role.endswith("~")
             and not p.role.startswith("~") and p.end < first]
    return found[-1] if found else None


def _title_before(actor: Part, parts: list[Part]) -> Part | None:
    """An agent or title in front of a named actor coded with a bare state code only
    (its role then completes the code); None otherwise."""
    if not actor.combinable or any(code != actor.country for code in actor.codes):
        return None
    roles = [p for p in parts if p.kind != ACTOR and p.role and p.end < actor.start]
    return roles[-1] if roles else None


def _state_of_title(title: Part, parts: list[Part]) -> Part | None:
    """A state named in front of the title of a person coded with a bare state code:
    the title is that state's ("Ithilen's minister Calimehtar" is ITH + ~GOV even when
    the dictionary gives Calimehtar only the state CAL)."""
    states = [p for p in parts if p.kind == ACTOR and p.combinable and p.end < title.start]
    return states[-1] if states else None


def _role_after(actor: Part, parts: list[Part]) -> Part | None:
    """An agent ending a phrase headed by a bare state name: "The Kuwait government",
    which parsers read as the name "Kuwait" with "government" a ``flat`` part of it."""
    if not actor.combinable or any(code != actor.country for code in actor.codes):
        return None
    last = max(parts, key=lambda p: p.end)
    return last if last.kind != ACTOR and last.role and last.start > actor.end else None


def _with_role(actor: Part, role: Part) -> tuple[str, ...]:
    if actor.combinable and role.role:
        return (combine_role(actor.country or "", role.role),)
    return actor.codes


def _nearest(parts: list[Part], head: int) -> Part:
    """The last of ``parts`` (not empty) before the head, else the first."""
    before = [p for p in parts if p.end < head]
    return before[-1] if before else parts[0]


def stack_base(head: int, parts: list[Part]) -> tuple[str, ...]:
    """The stacked codes of a phrase without its head agent ("Danish Islamist" DNKMUS
    for "Danish Islamist media"); empty when an actor heads the phrase."""
    rest = [p for p in parts if not (p.kind != ACTOR and p.start <= head <= p.end)]
    if len(rest) == len(parts) or not rest:
        return ()
    return code_phrase(head, rest, True)[0]
