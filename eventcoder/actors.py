"""Actor mentions: noun phrases of a parsed sentence coded from the actor, agent and
title dictionaries.

One :class:`~eventcoder.matcher.PhraseMatcher` holds every actor name and alias, every
agent ("troops") and every title ("foreign minister"). A sentence is matched once
(longest match, left to right); each match is attached to the noun phrase it belongs to
(its head word, climbing ``compound``, ``flat``, ``amod`` and ``nmod:poss`` links), and
the phrase is coded by these rules (see docs/algorithm.md):

1. a named actor at the head of the phrase wins ("President Bashar al-Assad");
2. an agent or title at the head combines with an actor modifier: the modifier's
   country plus the role ("Syrian troops" SYR + ~MIL = SYRMIL, "Assad's forces",
   "Russian Foreign Minister X" RUS + ~GOV) when the modifier is a state or its
   government; a non-state actor keeps its own code ("Hezbollah fighters");
3. an actor modifier alone codes the phrase ("Syria's opposition coalition");
4. an agent alone is coded only when the dictionary marks it ``standalone``;
5. an apposition lends its code to an uncoded head ("Lavrov, Russia's foreign minister").

Pronouns are resolved in :mod:`eventcoder.pronouns`; named entities the dictionaries do
not know are kept as uncoded mentions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from eventcoder.actor_conventions import apply_conventions
from eventcoder.dictionaries.phrases import normalise_phrase, singular, written_tokens
from eventcoder.dictionaries.schema import ActorEntry, AgentEntry, PlaceEntry
from eventcoder.matcher import PhraseMatcher, WordTokens
from eventcoder.model import Sentence, Word
from eventcoder.pronouns import PRONOUNS, Antecedents, is_expletive, resolve_pronoun
from eventcoder.role_stacking import stack_role, stack_roles
from eventcoder.tree import Tree, as_tree

__all__ = [
    "ActorLexicon",
    "Mention",
    "SentenceActors",
    "combine_role",
    "find_actors",
    "np_head",
    "np_span",
    "subject_heads",
]

ACTOR, AGENT, TITLE, PLACE = 0, 1, 2, 3
#: Prepositions that put a country actor's name in a phrase of place ("in southern
#: Syria"): such a mention gives the sentence its country context.
PLACE_CASES = frozenset({"in", "near", "at", "inside", "outside", "around", "across",
                         "throughout", "into", "from", "over", "within", "of"})
#: Nouns naming part of a place: "in the eastern suburbs *of* Damascus" puts the events
#: in Damascus ("in support of the Syrian army" does not put them in Syria).
PART_OF_PLACE = frozenset({"suburb", "suburbs", "outskirts", "outskirt", "countryside",
                           "north", "south", "east", "west", "northeast", "northwest",
                           "southeast", "southwest", "centre", "center", "heart", "part",
                           "parts", "area", "areas", "edge", "province", "city", "town",
                           "region", "district", "neighbourhood", "neighborhood"})
#: Heads of a diplomatic meeting or process named after its venue ("the Geneva talks",
#: "the Astana process"): the city is not where the sentence's events happen.
VENUE_NOUNS = frozenset({"talk", "talks", "conference", "summit", "negotiation",
                         "negotiations", "meeting", "process", "format", "accord", "accords",
                         "agreement", "communique", "declaration", "round"})
#: Agent roles that never take a country from the context: refugees and migrants are
#: from elsewhere by definition; unaffiliated armed men and "people" say nothing of
#: allegiance or nationality.
HELD_SUFFIXES = ("-held", "-controlled", "-run", "-besieged")
HELD_WORDS = frozenset(s[1:] for s in HELD_SUFFIXES)  # "rebel - held" split by the parser
NO_CONTEXT_ROLES = frozenset({"~REF", "~UAF", "~PPL", "~MED", "~EDU"})
#: Relations that keep a word inside the noun phrase of its head.
NP_INTERNAL = frozenset(
    {"compound", "flat", "flat:name", "flat:foreign", "amod", "nmod:poss", "det:poss", "fixed",
     "det"}
)
#: "Russian" in "Russian-led forces" (obl:npmod of "led", itself an amod of "forces").
HYPHEN_MODIFIERS = frozenset({"obl:npmod", "nmod:npmod", "npadvmod", "compound"})
#: "Turkish-*backed* rebels": the backer is a sponsor, not the actor; armed men it backs
#: are proxies (rebels of the country where they fight), not its forces.
SPONSOR_WORDS = frozenset({"back", "backed", "support", "supported", "sponsor", "sponsored",
                           "fund", "funded"})
#: Named-entity types kept as uncoded actor mentions (stanza and spaCy labels).
ACTOR_ENTITIES = frozenset({"PERSON", "PER", "ORG", "GPE", "NORP"})
#: Codes of a state's government role: actors with these combine with agents by country.
STATE_ROLES = ("GOV", "")


@attrs.frozen
class Mention:
    """A coded (or knowingly uncoded) noun phrase.

    ``head`` is the phrase's head word id, ``start``/``end`` its span (1-based,
    inclusive). ``codes`` is empty for an uncoded mention. ``kind`` says how it was
    coded: ``actor`` (a named actor heads the phrase), ``modifier`` (an actor in front of
    an unknown head), ``combined``, ``agent``, ``apposition``, ``pronoun`` or ``uncoded``.
    ``country`` is the base a role can combine with (for a ``place`` mention: the
    country the place is in).
    """

    head: int
    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    entry: str | None
    kind: str
    country: str | None = None
    person: bool = False
    plural: bool = False
    combinable: bool = False
    note: str | None = None
    #: For a pronoun (or a phrase coded through one), the head of the mention it refers
    #: to and that mention's sentence index offset (0: same sentence).
    antecedent: tuple[int, int] | None = None
    #: With role stacking (PETRARCH's conventions), the phrase's codes before the role
    #: of its head agent, which a conjoined agent shares ("Danish Islamist media and
    #: government": DNKMUS, so the government is DNKMUSGOV).
    base: tuple[str, ...] = ()


@attrs.frozen
class SentenceActors:
    """The mentions of one sentence, by head word, and how pronouns were resolved."""

    mentions: tuple[Mention, ...]
    by_head: dict[int, Mention] = attrs.field(eq=False)
    #: Each word id inside a mention -> that mention (the first, for nested ones).
    by_word: dict[int, Mention] = attrs.field(eq=False, factory=dict)
    #: The country where the sentence places its events (its first place name), if any.
    context: str | None = None

    def coded(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.mentions if m.codes)


#: Bound of the memos of matched parts and payloads (each cleared when full).
_PART_MEMO_SIZE = 100_000


class ActorLexicon:
    """The compiled actor, agent and title dictionaries (one phrase matcher)."""

    def __init__(self, actors: Sequence[ActorEntry], agents: Sequence[AgentEntry],
                 places: Sequence[PlaceEntry] = ()) -> None:
        self.actors = tuple(actors)
        self.agents = tuple(agents)
        self.places = tuple(places)
        self.matcher = PhraseMatcher()
        for index, actor in enumerate(self.actors):
            for name in (actor.name, *actor.aliases):
                self.matcher.add(name, (ACTOR, index))
        #: (kind, agent index) -> normalised phrase -> its last word as written, for
        #: the agents' ``no_plural`` names ("police" never matches "polices").
        self.no_plural: dict[tuple[int, int], dict[tuple[str, ...], str]] = {}
        for index, agent in enumerate(self.agents):
            kind = TITLE if agent.kind == "title" else AGENT
            for name in (agent.name, *agent.aliases):
                self.matcher.add(name, (kind, index))
            for name in agent.no_plural:
                written = written_tokens(name)
                if written:
                    phrases = self.no_plural.setdefault((kind, index), {})
                    phrases[normalise_phrase(name)] = written[-1]
        for index, place in enumerate(self.places):
            for name in (place.name, *place.aliases):
                self.matcher.add(name, (PLACE, index))
        #: The first agent (or title) of each name.
        self.agent_by_name: dict[str, AgentEntry] = {}
        for agent in self.agents:
            self.agent_by_name.setdefault(agent.name, agent)
        #: Memo of :func:`_best_part` by (payloads, day): the part without its span.
        self.parts: dict[tuple[tuple, dt.date | None], _Part] = {}
        #: Memo of :func:`_listed_payloads` by (payloads, matched text).
        self.listed: dict[tuple[tuple, str], tuple] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "parts": {}, "listed": {}}

    def listed_payloads(self, payloads: tuple, text: str) -> tuple:
        """:func:`_listed_payloads`, memoised over a run."""
        key = (payloads, text)
        found = self.listed.get(key)
        if found is None:
            if len(self.listed) >= _PART_MEMO_SIZE:
                self.listed.clear()
            found = self.listed[key] = _listed_payloads(self, payloads, text)
        return found

    def agent_named(self, name: str | None) -> AgentEntry | None:
        """The first agent or title called ``name`` (None when there is none)."""
        return self.agent_by_name.get(name) if name is not None else None

    def part(self, payloads: tuple, start: int, end: int, day: dt.date | None) -> _Part:
        """:func:`_best_part` of a matched phrase, memoised over a run (it depends on the
        payloads and the day only)."""
        key = (payloads, day)
        found = self.parts.get(key)
        if found is None:
            if len(self.parts) >= _PART_MEMO_SIZE:
                self.parts.clear()
            found = self.parts[key] = _best_part(self, payloads, 0, 0, day)
        return _Part(found.kind, start, end, found.name, found.codes, found.country,
                     found.combinable, found.role, found.standalone)


def np_head(sentence: Sentence | Tree, word_id: int) -> int:
    """The head of the noun phrase a word belongs to (climbing NP-internal relations,
    and conjuncts of NP-internal words: "Syrian and Russian" in "Syrian and Russian jets")."""
    words = sentence.words
    word = words[word_id - 1]
    while word.head:
        parent = words[word.head - 1]
        if parent.lemma.lower() in SPONSOR_WORDS and parent.deprel in ("amod", "acl"):
            break  # "Turkish" in "Turkish-backed rebels" is the sponsor, not the rebels
        if (word.deprel in NP_INTERNAL
                or (word.deprel == "conj" and parent.deprel in NP_INTERNAL)
                or (word.deprel in HYPHEN_MODIFIERS and parent.deprel in ("amod", "acl"))):
            word = parent
        else:
            break
    return word.id


def conjunct_ids(sentence: Sentence | Tree, word_id: int) -> list[int]:
    """The word and the words conjoined to it (``conj`` chains)."""
    found = [word_id]
    for ident in found:
        found.extend(c.id for c in sentence.children(ident, "conj"))
    return found


def np_span(sentence: Sentence | Tree, head: int) -> tuple[int, int]:
    """First and last word id of the noun phrase headed by ``head`` (NP-internal words)."""
    ids = [head, *(w.id for w in sentence.subtree(head) if np_head(sentence, w.id) == head)]
    return min(ids), max(ids)


def _span_head(words: tuple[Word, ...], first: int, last: int) -> int:
    """The rightmost word of ``first..last`` (ids) whose head lies outside the span."""
    head = last
    for ident in range(first, last + 1):
        parent = words[ident - 1].head
        if parent < first or parent > last:
            head = ident
    return head


# --- one candidate actor inside a phrase ---------------------------------------------


@attrs.frozen
class _Part:
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


def _actor_part(entry: ActorEntry, start: int, end: int, day: dt.date | None) -> _Part:
    codes = entry.codes_on(day)
    country = entry.country or next((c for c in codes if len(c) == 3), None)
    combinable = bool(country) and all(
        c.startswith(country) and c[len(country) :] in STATE_ROLES  # type: ignore[arg-type]
        for c in codes
    )
    return _Part(ACTOR, start, end, entry.name, codes, country, combinable)


def _role_part(kind: int, entry: AgentEntry, start: int, end: int) -> _Part:
    return _Part(kind, start, end, entry.name, role=entry.code, standalone=entry.standalone)


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


def _code_phrase(head: int, parts: list[_Part], stack: bool = False
                 ) -> tuple[tuple[str, ...], str, str, _Part | None]:
    """Codes, entry text and kind for a phrase; the actor part that supplied the country.
    ``stack``: PETRARCH's role stacking (:mod:`eventcoder.role_stacking`)."""
    head_part = next((p for p in parts if p.start <= head <= p.end), None)
    actors = [p for p in parts if p.kind == ACTOR and p.codes]
    if head_part is not None and head_part.kind == ACTOR and head_part.codes:
        title = _title_before(head_part, parts) or _role_after(head_part, parts)
        if title is not None:  # "Bree Prime Minister Romendacil" (BRE + ~GOV)
            owner = _state_of_title(title, parts) or head_part  # "Ithilen's minister X"
            names = f"{owner.name} + {title.name} {head_part.name}" if owner is not head_part \
                else f"{title.name} {head_part.name}"
            return _with_role(owner, title), names, "combined", owner
        return head_part.codes, head_part.name, "actor", head_part
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


def _stack_chain(actors: list[_Part], roles: list[_Part], role: _Part) -> list[_Part]:
    """The roles stacked on the phrase's actors: those after the first actor, in text
    order, and the phrase's own role."""
    first = min(a.start for a in actors)
    chain = [p for p in roles if p.role and p.start > first and p is not role]
    return sorted([*chain, role], key=lambda p: p.start)


def _stacked(actors: list[_Part], roles: list[_Part], role: _Part) -> tuple[str, ...]:
    """PETRARCH's codes: each actor's code with every role of the phrase stacked on it
    ("The Danish Islamist media" DNKMUSMED); a bare state code stands for its country."""
    chain = [p.role or "" for p in _stack_chain(actors, roles, role)]
    prefix = _prefix_role(roles, role, actors)  # "An MSF Arnor diplomat": NGO~ in front
    if prefix is not None:
        chain.append(prefix.role or "")
    return tuple(dict.fromkeys(stack_roles(code, chain) for a in actors for code in a.codes))


def _stacked_names(actors: list[_Part], roles: list[_Part], role: _Part) -> str:
    prefix = _prefix_role(roles, role, actors)
    names = " and ".join(a.name for a in actors)
    stacked = " + ".join([names, *(p.name for p in _stack_chain(actors, roles, role))])
    return f"{prefix.name} + {stacked}" if prefix is not None else stacked


def _prefix_role(roles: list[_Part], role: _Part, actors: list[_Part]) -> _Part | None:
    """An agent with a prefix code (``NGO~``, ``IGO~``) in front of the states that
    combine with the phrase's role: it is put in front of the combined codes."""
    first = min(a.start for a in actors)
    found = [p for p in roles if p is not role and p.role and p.role.endswith("~")
             and not p.role.startswith("~") and p.end < first]
    return found[-1] if found else None


def _title_before(actor: _Part, parts: list[_Part]) -> _Part | None:
    """An agent or title in front of a named actor coded with a bare state code only
    (its role then completes the code); None otherwise."""
    if not actor.combinable or any(code != actor.country for code in actor.codes):
        return None
    roles = [p for p in parts if p.kind != ACTOR and p.role and p.end < actor.start]
    return roles[-1] if roles else None


def _state_of_title(title: _Part, parts: list[_Part]) -> _Part | None:
    """A state named in front of the title of a person coded with a bare state code:
    the title is that state's ("Ithilen's minister Calimehtar" is ITH + ~GOV even when
    the dictionary gives Calimehtar only the state CAL)."""
    states = [p for p in parts if p.kind == ACTOR and p.combinable and p.end < title.start]
    return states[-1] if states else None


def _role_after(actor: _Part, parts: list[_Part]) -> _Part | None:
    """An agent ending a phrase headed by a bare state name: "The Kuwait government",
    which parsers read as the name "Kuwait" with "government" a ``flat`` part of it."""
    if not actor.combinable or any(code != actor.country for code in actor.codes):
        return None
    last = max(parts, key=lambda p: p.end)
    return last if last.kind != ACTOR and last.role and last.start > actor.end else None


def _with_role(actor: _Part, role: _Part) -> tuple[str, ...]:
    if actor.combinable and role.role:
        return (combine_role(actor.country or "", role.role),)
    return actor.codes


def _nearest(parts: list[_Part], head: int) -> _Part:
    """The last of ``parts`` (not empty) before the head, else the first."""
    before = [p for p in parts if p.end < head]
    return before[-1] if before else parts[0]


def _is_person(words: tuple[Word, ...], head: int, parts: list[_Part]) -> bool:
    entity = words[head - 1].entity_type
    return entity in ("PER", "PERSON") or any(p.kind == TITLE for p in parts)


def _mention(
    sentence: Tree, head: int, parts: list[_Part], extra: tuple[int, ...] = (),
    stack: bool = False,
) -> Mention:
    codes, entry, kind, modifier = _code_phrase(head, parts, stack)
    start = end = head
    for part in parts:
        start, end = min(start, part.start), max(end, part.end)
    if extra:
        start, end = min(start, *extra), max(end, *extra)
    words = sentence.words
    country = modifier.country if modifier is not None else None
    combinable = bool(modifier is not None and modifier.combinable and kind != "combined")
    return Mention(
        head=head,
        start=start,
        end=end,
        text=sentence.span_text(start, end),
        codes=codes,
        entry=entry,
        kind=kind,
        country=country,
        person=_is_person(words, head, parts),
        plural=words[head - 1].feat("Number") == "Plur",
        combinable=combinable,
        base=_stack_base(head, parts) if stack and kind == "combined" else (),
    )


def _stack_base(head: int, parts: list[_Part]) -> tuple[str, ...]:
    """The stacked codes of a phrase without its head agent ("Danish Islamist" DNKMUS
    for "Danish Islamist media"); empty when an actor heads the phrase."""
    rest = [p for p in parts if not (p.kind != ACTOR and p.start <= head <= p.end)]
    if len(rest) == len(parts) or not rest:
        return ()
    return _code_phrase(head, rest, True)[0]


# --- the sentence ---------------------------------------------------------------------


def _collect_parts(
    lexicon: ActorLexicon, sentence: Tree, day: dt.date | None, flat: WordTokens | None
) -> dict[int, list[_Part]]:
    words = sentence.words
    if flat is None:
        flat = lexicon.matcher.word_tokens([w.text for w in words])
    phrases: dict[int, list[_Part]] = {}
    for first, last, found in lexicon.matcher.find(flat):
        start, end = first + 1, last + 1
        payloads = _written_as_listed(lexicon, words[first:end], found)
        if not payloads:
            continue  # "polices": the plural of an agent that has none
        if _sponsor_prefix(words[end - 1].text, payloads):
            continue  # "Turkish-backed" as one word: the sponsor is not the phrase's actor
        part = lexicon.part(payloads, start, end, day)
        head = np_head(sentence, _span_head(words, start, end))
        phrases.setdefault(head, []).append(part)
    return {head: parts for head, parts in phrases.items()
            if not _adjective_roles(words, head, parts)}


def _adjective_roles(words: tuple[Word, ...], head: int, parts: list[_Part]) -> bool:
    """Every part of the phrase is an agent or title word used as an adjective of a head
    noun no part names: "his first *official* foreign visit" is no government actor."""
    for part in parts:
        if part.kind not in (AGENT, TITLE) or part.start != part.end or part.start == head:
            return False
        word = words[part.start - 1]
        if word.upos != "ADJ" or word.deprel != "amod":
            return False
    return True


def _names_across_modifiers(lexicon: ActorLexicon, sentence: Tree,
                            phrases: dict[int, list[_Part]], day: dt.date | None) -> None:
    """An actor in front of a head noun no part covers, with only the head's modifiers
    between them, reads as the actor name it makes with the head when the dictionaries
    list that name ("Ithilen state-run television" is ITHILEN TELEVISION, not ITHILEN):
    PETRARCH's reading of a name whose words a noun phrase separates. The modifiers may
    be phrases of their own (spaCy: "state - run", "state" under "run" under the head)."""
    words = sentence.words
    for head, parts in phrases.items():
        if any(p.start <= head <= p.end for p in parts):
            continue
        modifiers = {w.id for w in sentence.subtree(head)}
        for index, part in enumerate(parts):
            between = range(part.end + 1, head)
            if (part.kind != ACTOR or part.end >= head or not between
                    or not modifiers.issuperset(between)):
                continue
            name = " ".join([*(w.text for w in words[part.start - 1 : part.end]),
                             words[head - 1].text])
            payloads = tuple(p for p in lexicon.matcher.lookup(name)
                             if isinstance(p, tuple) and p[0] == ACTOR)
            if payloads:
                parts[index] = _best_part(lexicon, payloads, part.start, head, day)


def _written_as_listed(lexicon: ActorLexicon, words: Sequence[Word], payloads: tuple
                       ) -> tuple:
    """The payloads of a match minus the agents whose matched name has no plural form
    (``no_plural``) when the text's last word is such a form ("Gondor's polices")."""
    if not any(p in lexicon.no_plural for p in payloads):
        return payloads
    return lexicon.listed_payloads(payloads, " ".join(w.text for w in words))


def _listed_payloads(lexicon: ActorLexicon, payloads: tuple, text: str) -> tuple:
    """The payloads matched as ``text`` minus the agents ``text`` is a plural form of
    when they have none (see :func:`_written_as_listed`)."""
    written = written_tokens(text)
    last = written[-1] if written else ""
    if singular(last) == last:
        return payloads  # not a plural form
    key = normalise_phrase(text)
    return tuple(p for p in payloads
                 if lexicon.no_plural.get(p, {}).get(key, last) == last)


def _sponsor_prefix(text: str, payloads: tuple) -> bool:
    """An actor name that is the first part of a one-word "X-backed" modifier."""
    if "-" not in text:
        return False
    parts = text.lower().split("-")
    return (len(parts) > 1 and parts[-1] in SPONSOR_WORDS
            and any(kind == ACTOR for kind, _ in payloads))


def _best_part(
    lexicon: ActorLexicon, payloads: tuple, start: int, end: int, day: dt.date | None
) -> _Part:
    """An actor reading of the phrase if there is one (dictionary order), else the role,
    else the place. A place that is not a capital beats a country actor listing its
    name ("Aleppo" is a place, not Syria; "Damascus" still stands for Syria)."""
    place = next((lexicon.places[i] for k, i in payloads if k == PLACE), None)
    for kind, index in payloads:
        if kind == ACTOR:
            actor = lexicon.actors[index]
            if place is not None and not is_capital(place) and _is_country(actor, place):
                break
            return _actor_part(actor, start, end, day)
    if place is not None:
        return _Part(PLACE, start, end, place.name, country=place.country)
    kind, index = payloads[0]
    return _role_part(kind, lexicon.agents[index], start, end)


def is_capital(place: PlaceEntry) -> bool:
    """A capital city (``kind: capital`` or ``capital`` in its notes) stands for its
    state's government ("Damascus said"), so its name stays an actor where one lists it."""
    return place.kind == "capital" or "capital" in (place.notes or "").lower().split()


def _is_country(actor: ActorEntry, place: PlaceEntry) -> bool:
    """The actor is the place's country itself (its codes are the bare country code)."""
    codes = {c.code for c in actor.codes}
    return bool(place.country) and codes == {place.country}


def _pronoun_heads(sentence: Tree) -> list[tuple[int, int]]:
    """(phrase head, pronoun id) for each resolvable pronoun in the sentence (not an
    expletive "it": "it seems")."""
    found = []
    for word in sentence.words:
        if word.upos == "PRON" and word.text.lower() in PRONOUNS:
            head = sentence.words[word.head - 1] if word.head else None
            if not is_expletive(word, head):
                found.append((np_head(sentence, word.id), word.id))
    return found


def find_actors(
    lexicon: ActorLexicon,
    sentence: Sentence | Tree,
    day: dt.date | None,
    antecedents: Antecedents,
    *,
    uncoded: bool = True,
    flat: WordTokens | None = None,
    earlier_context: str | None = None,
    conventions: bool = True,
) -> SentenceActors:
    """Code the noun phrases of a sentence; ``antecedents`` holds earlier sentences'
    mentions for pronouns (and is not changed here). ``flat`` is the sentence's
    :meth:`~eventcoder.matcher.PhraseMatcher.word_tokens` when already computed.
    ``earlier_context`` is the country context of the nearest earlier sentence that
    has one (for bare agents of a sentence that names no place). ``conventions``: apply
    the news conventions of :mod:`eventcoder.actor_conventions` ("Israelis" ISRCVL);
    without them, roles stack as in PETRARCH (:mod:`eventcoder.role_stacking`)."""
    sentence = as_tree(sentence)
    stack = not conventions  # PETRARCH's role stacking goes with its conventions
    phrases = _collect_parts(lexicon, sentence, day, flat)
    if stack:  # PETRARCH's names skip modifiers: "Ithilen state-run television"
        _names_across_modifiers(lexicon, sentence, phrases, day)
    pronouns = _pronoun_heads(sentence)
    pronoun_at = dict((head, pid) for head, pid in pronouns)
    heads = sorted(set(phrases) | set(pronoun_at))
    by_head: dict[int, Mention] = {}
    for head in heads:
        parts = list(phrases.get(head, ()))
        mention = None
        if head in pronoun_at:
            mention = _with_pronoun(sentence, head, pronoun_at[head], parts, by_head, antecedents,
                                    stack)
        if mention is None and parts:
            mention = _mention(sentence, head, parts, stack=stack)
        if mention is not None:
            by_head[head] = mention
    _agents_of_states(sentence, by_head, lexicon, stack)
    _allegiances(sentence, by_head, lexicon)
    _share_modifiers(sentence, by_head, lexicon, stack)
    _lend_appositions(sentence, by_head)
    context = _apply_context(sentence, by_head, lexicon, earlier_context)
    _sponsored_proxies(sentence, by_head)
    if conventions:
        apply_conventions(sentence, by_head)  # "Israelis", "Ukrainian positions", "former"
    if uncoded:
        _add_named_entities(sentence, by_head)
    mentions = tuple(sorted(by_head.values(), key=lambda m: (m.start, m.head)))
    by_word: dict[int, Mention] = {}
    for mention in mentions:
        for ident in range(mention.start, mention.end + 1):
            by_word.setdefault(ident, mention)
    return SentenceActors(mentions, {m.head: m for m in mentions}, by_word, context)


def _place_spots(sentence: Tree, by_head: dict[int, Mention]) -> list[Mention]:
    """The sentence's place names: place mentions, and country actors named in a
    phrase of place ("in southern Syria", "into Lebanon"), in sentence order."""
    spots = []
    for mention in sorted(by_head.values(), key=lambda m: m.start):
        if not mention.country:
            continue
        if sentence.word(mention.head).lemma.lower() in VENUE_NOUNS:
            continue  # "the Geneva talks": a meeting named after its venue
        if _venue_of_meeting(sentence, mention.head):
            continue  # "the peace conference in Montreux": not where the fighting is
        if mention.kind == "place" or _in_place_phrase(sentence, mention.head):
            spots.append(mention)
    return spots


def _venue_of_meeting(sentence: Tree, head: int) -> bool:
    """A place in a phrase of a meeting ("talks in Astana", "the conference in
    Montreux") is where delegates meet, not where the sentence's fighters are."""
    word = sentence.words[head - 1]
    if not word.head or not word.deprel.startswith(("nmod", "obl")):
        return False
    governor = sentence.words[word.head - 1]
    return governor.lemma.lower() in VENUE_NOUNS or governor.text.lower() in VENUE_NOUNS


def _in_place_phrase(sentence: Tree, head: int) -> bool:
    """"in southern Syria", "in the Damascus suburbs", and one *of* phrase down: "in the
    eastern suburbs of Damascus", "on the outskirts of Aleppo"."""
    cases = [c.lemma.lower() for c in sentence.children(head, "case")]
    if _placed(cases):
        return True
    word = sentence.words[head - 1]
    if not (cases == ["of"] and word.deprel.startswith("nmod") and word.head):
        return False
    governor = sentence.words[word.head - 1]
    return governor.lemma.lower() in PART_OF_PLACE and _placed(
        [c.lemma.lower() for c in sentence.children(governor.id, "case")])


def _placed(cases: list[str]) -> bool:
    """A phrase whose case words put it in a place ("in", "near"; not "of")."""
    return any(case in PLACE_CASES and case != "of" for case in cases)


def _indefinite(sentence: Tree, head: int) -> bool:
    """"a suicide bomber": one unnamed individual, not a side of the conflict."""
    return any(c.lemma.lower() in ("a", "an") for c in sentence.children(head, "det"))


def _held_place(sentence: Tree, mention: Mention) -> bool:
    """"rebel-held areas", "government-controlled towns": a place described by who holds
    it, not the holders (gold/README "Targets")."""
    words = sentence.words[mention.start - 1 : mention.end]
    return any(w.text.lower().endswith(HELD_SUFFIXES)
               or (w.text.lower() in HELD_WORDS and k and words[k - 1].text == "-")
               for k, w in enumerate(words))


def _apply_context(sentence: Tree, by_head: dict[int, Mention], lexicon: ActorLexicon,
                   earlier: str | None) -> str | None:
    """Bare agents ("rebels", "government troops", "residents") take the country of the
    nearest place the sentence names, else of the nearest earlier sentence that names
    one (docs/algorithm.md, "Country context"). Returns the sentence's own context."""
    spots = _place_spots(sentence, by_head)
    if not any(m.kind == "agent" and not m.codes for m in by_head.values()):
        return spots[0].country if spots else None  # no bare agent to place
    weak = _domestic_country(by_head.values())
    for head, own in list(by_head.items()):
        if own.kind != "agent" or own.codes:
            continue
        agent = lexicon.agent_named(own.entry)
        if (agent is None or agent.kind == "title" or not agent.code.startswith("~")
                or agent.code in NO_CONTEXT_ROLES or _indefinite(sentence, head)
                or _held_place(sentence, own)):
            continue
        partner = _domestic_conjunct(sentence, by_head, own)
        spot = min(spots, key=lambda m: abs(m.head - head)) if spots else None
        if partner is not None:
            country, where = partner.country, f"its conjunct {partner.text!r}"
        elif spot is not None:
            country, where = spot.country, repr(spot.text)
        elif earlier:
            country, where = earlier, "an earlier sentence"
        elif agent.code[1:4] in WEAK_CONTEXT_ROLES:
            country, where = weak, f"the sentence's {weak} actors"
        else:
            continue
        if not country:
            continue
        by_head[head] = attrs.evolve(
            own, codes=(combine_role(country, agent.code),), kind="context", country=country,
            entry=f"{own.entry} (country {country} from {where})",
            note=f"country from the context: {where}",
        )
    return spots[0].country if spots else None


#: Roles that stay at home: a country's civilians, political opposition and monitors
#: are in that country (its forces, armed groups and diplomats may be anywhere:
#: "Hezbollah fighters", "Russian jets", "Turkish officials" give no country context).
HOME_ROLES = frozenset({"OPP", "CVL", "HRI"})
#: A bare agent conjoined with one of these shares its country ("the Syrian government
#: and rebel groups").
PARTNER_ROLES = HOME_ROLES | {"GOV"}
#: Agents that take the weak context (people, not weapons: "anti-aircraft missiles"
#: asked for by Syrian opposition leaders are no Syrian forces).
WEAK_CONTEXT_ROLES = frozenset({"CVL", "OPP", "HRI", "GOV", "REB"})


def _domestic(mention: Mention, roles: frozenset[str] = HOME_ROLES) -> str | None:
    """The country of a mention coded only as that country's actors of ``roles``."""
    country = mention.country or next((c[:3] for c in mention.codes), None)
    if not country or len(country) != 3 or not mention.codes:
        return None
    if all(c.startswith(country) and c[3:6] in roles for c in mention.codes):
        return country
    return None


def _domestic_country(mentions: Iterable[Mention]) -> str | None:
    """The weak country context: the one country of the sentence's domestic actors
    ("the Syrian Observatory", "Alawites"), None when there are none or several."""
    found = {c for m in mentions if m.kind != "agent" for c in [_domestic(m)] if c}
    return found.pop() if len(found) == 1 else None


def _domestic_conjunct(sentence: Tree, by_head: dict[int, Mention], own: Mention
                       ) -> Mention | None:
    """"talks between the Syrian government and rebel groups": a bare agent conjoined
    with a country's domestic actor is on that country's side of the table."""
    words = sentence.words
    links: list[int] = []
    for ident in range(own.start, own.end + 1):
        word = words[ident - 1]
        if word.deprel == "conj":
            links.append(word.head)
    links.extend(c.id for c in sentence.children(own.head, "conj"))
    for ident in links:
        mention = by_head.get(ident)
        country = _domestic(mention, PARTNER_ROLES) if mention is not None else None
        if mention is not None and mention is not own and country:
            return attrs.evolve(mention, country=country)
    return None


def _with_pronoun(
    sentence: Tree,
    head: int,
    pronoun: int,
    parts: list[_Part],
    earlier: dict[int, Mention],
    antecedents: Antecedents,
    stack: bool = False,
) -> Mention | None:
    word = sentence.words[pronoun - 1]
    same = [m for m in earlier.values() if m.end < pronoun and m.codes]
    found = resolve_pronoun(word, same, sentence.subjects, antecedents)
    if found is None:
        return None
    antecedent = (found.head, 0 if found in same else -1)
    if pronoun == head:
        return Mention(
            head=head,
            start=pronoun,
            end=pronoun,
            text=word.text,
            codes=found.codes,
            entry=found.entry,
            kind="pronoun",
            country=found.country,
            person=found.person,
            plural=found.plural,
            combinable=found.combinable,
            note=f"{word.text!r} = {found.text!r}",
            antecedent=antecedent,
        )
    if not any(p.kind != ACTOR and p.start <= head <= p.end for p in parts):
        return None  # "its offensive": a possessive pronoun only codes an agent or title
    stand_in = _Part(
        ACTOR, pronoun, pronoun, found.entry or found.text, found.codes, found.country,
        found.combinable,
    )
    mention = _mention(sentence, head, [*parts, stand_in], stack=stack)
    return attrs.evolve(mention, note=f"{word.text!r} = {found.text!r}", antecedent=antecedent)


def subject_heads(sentence: Sentence | Tree) -> frozenset[int]:
    """Head ids of the sentence's subjects (for pronoun preferences)."""
    return frozenset(w.id for w in sentence.words if w.deprel.startswith("nsubj"))


#: Prepositions that attach a state to an agent after it: "lawmakers *in* Arnor",
#: "soldiers *from* Gondor", "the government *of* Gondor".
AGENT_OF_PREPS = frozenset({"of", "in", "from"})


def _agents_of_states(sentence: Tree, by_head: dict[int, Mention],
                      lexicon: ActorLexicon, stack: bool = False) -> None:
    """"Lawmakers and officials in Arnor and Gondor": an agent with no actor of its own
    combines with each state of a following of/in/from phrase (one code per state), and
    so do the agents conjoined to it. With role stacking any coded actor of the phrase
    takes the role ("activists of Gonzo GMO" GONGMO + ~OPP)."""
    for head in sorted(by_head):  # the words that head a mention, in order
        own = by_head[head]
        if own.kind != "agent" or own.codes:
            continue
        word = sentence.words[head - 1]
        states = _following_states(sentence, by_head, word, stack)
        named = lexicon.agent_named(own.entry)
        role = named.code if named is not None else None
        if not states or role is None:
            continue
        codes = tuple(dict.fromkeys(
            stack_role(code, role) for m in states for code in m.codes) if stack else
            dict.fromkeys(combine_role(m.country or "", role) for m in states))
        by_head[word.id] = attrs.evolve(
            own, codes=codes, kind="combined", country=states[0].country,
            entry=f"{own.entry} of {' and '.join(m.text for m in states)}",
            note="combined with the state of its of/in/from phrase",
        )


#: "fighters *allied with* X", "militias *loyal to* X", "gunmen *aligned with* X".
ALLEGIANCE_WORDS = frozenset({"ally", "allied", "align", "aligned", "loyal", "affiliate",
                              "affiliated"})
#: Roles of armed men: allied with a state, they are its forces (gold/README: after
#: 2024-12-08 "their forces and allied fighters are SYR_MIL"; "pro-government militias").
ARMED_ROLES = frozenset({"~MIL", "~UAF", "~REB", "~INS"})


def _allegiances(sentence: Tree, by_head: dict[int, Mention],
                 lexicon: ActorLexicon) -> None:
    """"Fighters allied with Syria's new authorities", "militias loyal to Assad": an agent
    with no actor of its own takes the code of the actor it is allied with or loyal to.
    Armed men allied with a state are its forces (country + MIL); with a non-state actor
    they are that actor ("gunmen aligned with Hezbollah" LBNREB). Backing ("Turkish-backed
    rebels") is sponsorship, not allegiance, and is not read this way."""
    for head in sorted(by_head):  # the words that head a mention, in order
        own = by_head[head]
        if own.kind != "agent" or own.codes:
            continue
        word = sentence.words[head - 1]
        named = lexicon.agent_named(own.entry)
        role = named.code if named is not None else None
        ally = _allied_actor(sentence, by_head, word.id)
        if role is None or ally is None:
            continue
        if ally.combinable and ally.country:
            armed = role in ARMED_ROLES
            codes: tuple[str, ...] = (
                ally.country + "MIL" if armed else combine_role(ally.country, role),)
        else:
            codes = ally.codes
        by_head[word.id] = attrs.evolve(
            own, codes=codes, kind="combined", country=ally.country if ally.combinable else None,
            entry=f"{own.entry} allied with {ally.text}",
            note=f"takes the code of the actor it is allied with: {ally.text!r}",
            antecedent=(ally.head, 0),  # "allied with X" itself is no event between them
        )


def _sponsored_proxies(sentence: Tree, by_head: dict[int, Mention]) -> None:
    """"Turkish-backed Syrian fighters", "U.S.-backed forces in Syria": armed men backed
    by a foreign sponsor are rebels of their own (or the context's) country, not its
    army (gold: the Turkish-backed Syrian National Army is SYR_REB)."""
    for head, mention in list(by_head.items()):
        codes = mention.codes
        if not codes or not all(len(c) == 6 and c[3:] in ("MIL", "UAF") for c in codes):
            continue
        if not any(c.lemma.lower() in SPONSOR_WORDS or c.text.lower() in SPONSOR_WORDS
                   for c in sentence.children(head, "amod")):
            continue
        words = sentence.words[mention.start - 1 : mention.end]
        if any(w.lemma.lower() in ("government", "regime", "army") for w in words):
            continue  # "Russian-backed government forces" are the government's
        by_head[head] = attrs.evolve(
            mention, codes=tuple(dict.fromkeys(c[:3] + "REB" for c in codes)),
            note="armed men backed by a sponsor are rebels, not its forces")


def _allied_actor(sentence: Tree, by_head: dict[int, Mention], head: int
                  ) -> Mention | None:
    """The coded actor of "allied with X" / "loyal to X" modifying the word ``head``."""
    for child in sentence.children(head):
        allegiance = (child.lemma.lower() in ALLEGIANCE_WORDS
                      or child.text.lower() in ALLEGIANCE_WORDS)
        if child.deprel not in ("acl", "amod") or not allegiance:
            continue
        for arg in sentence.children(child.id):
            if not arg.deprel.startswith(("obl", "nmod")):
                continue
            case = [c.lemma.lower() for c in sentence.children(arg.id, "case")]
            if case and case[0] in ("with", "to"):
                mention = by_head.get(arg.id)
                if mention is not None and mention.codes:
                    return mention
    return None


def _following_states(sentence: Tree, by_head: dict[int, Mention], word: Word,
                      any_actor: bool = False) -> list[Mention]:
    """The states (coded, combinable mentions; any coded actor with ``any_actor``) of
    the of/in/from phrases of the word or of the agents conjoined with it."""
    group = [word.id]
    top = word
    while top.deprel == "conj" and top.head:
        top = sentence.words[top.head - 1]
        group.append(top.id)
    group.extend(conjunct_ids(sentence, top.id))
    states: list[Mention] = []
    for ident in dict.fromkeys(group):
        for child in sentence.children(ident, "nmod"):
            case = [c.lemma.lower() for c in sentence.children(child.id, "case")]
            if not case or case[0] not in AGENT_OF_PREPS:
                continue
            if case[0] == "in" and sentence.children(child.id, "amod"):
                continue  # "people in southern Israel": a region, not the state
            for conj in conjunct_ids(sentence, child.id):
                mention = by_head.get(conj)
                state = any_actor or (mention is not None and mention.combinable
                                      and bool(mention.country))
                if mention is not None and mention.codes and state and mention not in states:
                    states.append(mention)
    return states


def _share_modifiers(sentence: Tree, by_head: dict[int, Mention],
                     lexicon: ActorLexicon, stack: bool = False) -> None:
    """"Turkish jets and artillery": a conjoined agent with no actor of its own shares
    the state of the first conjunct (TURMIL for both); with role stacking, the first
    conjunct's codes before its own role ("Danish Islamist media and government":
    DNKMUS + ~GOV)."""
    for head in sorted(by_head):  # the words that head a mention, in order
        word = sentence.words[head - 1]
        if word.deprel != "conj" or word.head not in by_head:
            continue
        first = by_head[word.head]
        own = by_head.get(word.id)
        if (own is None or own.kind != "agent" or own.codes or first.kind != "combined"
                or not first.country):
            continue
        named = lexicon.agent_named(own.entry)
        role = named.code if named is not None else None
        if role is None:
            continue
        codes = tuple(dict.fromkeys(stack_role(b, role) for b in first.base)) \
            if stack and first.base else (combine_role(first.country, role),)
        by_head[word.id] = attrs.evolve(
            own, codes=codes, kind="combined", country=first.country,
            entry=f"{first.entry} (shared) / {own.entry}",
            note=f"shares the state of {first.text!r}",
        )


def _lend_appositions(sentence: Tree, by_head: dict[int, Mention]) -> None:
    for word in sentence.words:
        if word.deprel != "appos" or word.id not in by_head:
            continue
        lender = by_head[word.id]
        codes = tuple(dict.fromkeys(
            code for i in conjunct_ids(sentence, word.id) if i in by_head
            for code in by_head[i].codes
        ))
        own = by_head.get(word.head)
        if codes and (own is None or not own.codes or own.kind == "modifier"):
            first, last = np_span(sentence, word.head)
            if own is not None:
                first, last = min(first, own.start), max(last, own.end)
            by_head[word.head] = attrs.evolve(
                lender,
                head=word.head,
                start=first,
                end=last,
                text=sentence.span_text(first, last),
                codes=codes,
                kind="apposition",
                note=f"coded by its apposition {lender.text!r}",
            )


def _add_named_entities(sentence: Tree, by_head: dict[int, Mention]) -> None:
    covered: set[int] = set()
    for mention in by_head.values():
        covered.update(range(mention.start, mention.end + 1))
    for first, last, label in _entity_spans(sentence.words):
        if label not in ACTOR_ENTITIES:
            continue
        if covered.intersection(range(first, last + 1)):
            continue
        head = np_head(sentence, _span_head(sentence.words, first, last))
        if head in by_head:
            continue
        by_head[head] = Mention(
            head=head,
            start=first,
            end=last,
            text=sentence.span_text(first, last),
            codes=(),
            entry=None,
            kind="uncoded",
            person=label in ("PER", "PERSON"),
            note=f"named entity ({label}) not in the dictionaries",
        )


def _entity_spans(words: tuple[Word, ...]) -> list[tuple[int, int, str]]:
    """(first id, last id, label) of each BIOES entity."""
    spans = []
    start = None
    for word in words:
        if word.ner == "O":
            start = None
            continue
        tag, _, label = word.ner.partition("-")
        if tag in ("S", "U"):
            spans.append((word.id, word.id, label))
            start = None
        elif tag == "B":
            start = word.id
        elif tag in ("E", "L") and start is not None:
            spans.append((start, word.id, label))
            start = None
        elif tag not in ("I",):
            start = None
    return spans
