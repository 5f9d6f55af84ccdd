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
not know are kept as uncoded mentions. This module matches and orchestrates: the rules
coding one phrase are in :mod:`eventcoder.actor_phrases`, those between mentions (rule 5,
allegiance, of/in/from states, shared modifiers) in :mod:`eventcoder.actor_relations`,
the country context in :mod:`eventcoder.actor_context`, phrase extents in
:mod:`eventcoder.noun_phrases`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs

from eventcoder.actor_context import apply_context, is_capital, is_country, place_context
from eventcoder.actor_conventions import apply_conventions
from eventcoder.actor_phrases import (
    ACTOR,
    AGENT,
    PLACE,
    TITLE,
    Part,
    actor_part,
    build_part,
    code_phrase,
    combine_role,
    role_part,
    stack_base,
    with_alone,
)
from eventcoder.actor_relations import (
    agents_of_states,
    allegiances,
    lend_appositions,
    share_modifiers,
    sponsored_proxies,
)
from eventcoder.dictionaries.phrases import normalise_phrase, singular, written_tokens
from eventcoder.dictionaries.schema import ActorEntry, AgentEntry, PlaceEntry
from eventcoder.matcher import PhraseMatcher, WordTokens
from eventcoder.model import NO_ENTITY, Sentence, Word
from eventcoder.noun_phrases import SPONSOR_WORDS, np_head, np_span, span_head
from eventcoder.pronouns import PRONOUNS, Antecedents, is_expletive, resolve_pronoun
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

_NER = attrgetter("ner")
_START_HEAD = attrgetter("start", "head")  # the order of a sentence's mentions

#: Named-entity types kept as uncoded actor mentions (stanza and spaCy labels).
ACTOR_ENTITIES = frozenset({"PERSON", "PER", "ORG", "GPE", "NORP"})


@attrs.frozen(weakref_slot=False)  # no weak references: see _UnfrozenMention
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

    def replace(self, **changes: Any) -> Mention:
        """A copy with ``changes``: :func:`attrs.evolve`, faster (the fields are read
        at C speed, the copy is built by :class:`_UnfrozenMention`), for the passes that
        recode mentions."""
        values = dict(zip(_MENTION_FIELDS, _mention_values(self), strict=True))
        values.update(changes)
        return _UnfrozenMention(**values)  # type: ignore[return-value]


_MENTION_FIELDS = tuple(field.name for field in attrs.fields(Mention))
_mention_values = attrgetter(*_MENTION_FIELDS)


class _UnfrozenMention:
    """:class:`Mention`'s slot layout without its frozen guard, to build mentions fast
    (as :class:`eventcoder.model._UnfrozenWord` builds words): it fills the slots with
    plain stores, then turns itself into a Mention, equal to ``Mention(...)`` with the
    same arguments. attrs' frozen ``__init__`` calls ``object.__setattr__`` once per
    field, which made building mentions a tenth of the actor stage. (``__class__``
    assignment needs both classes without a ``__weakref__`` slot.)"""

    __slots__ = _MENTION_FIELDS

    def __init__(
        self, head: int, start: int, end: int, text: str, codes: tuple[str, ...],
        entry: str | None, kind: str, country: str | None = None, person: bool = False,
        plural: bool = False, combinable: bool = False, note: str | None = None,
        antecedent: tuple[int, int] | None = None, base: tuple[str, ...] = (),
    ) -> None:
        self.head = head
        self.start = start
        self.end = end
        self.text = text
        self.codes = codes
        self.entry = entry
        self.kind = kind
        self.country = country
        self.person = person
        self.plural = plural
        self.combinable = combinable
        self.note = note
        self.antecedent = antecedent
        self.base = base
        self.__class__ = Mention  # type: ignore[assignment]


if TYPE_CHECKING:
    build_mention = Mention
else:
    build_mention = _UnfrozenMention  # the class itself: no extra call per mention


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
        #: Memo of :func:`_reading` by (payloads, day).
        self.readings: dict[tuple[tuple, dt.date | None], _Reading] = {}
        #: Memo of :func:`_listed_payloads` by (payloads, matched text).
        self.listed: dict[tuple[tuple, str], tuple] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "readings": {}, "listed": {}}

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

    def reading(self, payloads: tuple, day: dt.date | None) -> _Reading:
        """:func:`_reading` of a match's payloads, memoised over a run (it depends on the
        payloads and the day only)."""
        key = (payloads, day)
        found = self.readings.get(key)
        if found is None:
            if len(self.readings) >= _PART_MEMO_SIZE:
                self.readings.clear()
            found = self.readings[key] = _reading(self, payloads, day)
        return found


@attrs.frozen
class _Reading:
    """What a match's payloads make of it, whatever its span: the :func:`_best_part`
    (with no span), whether an agent without a plural form may drop out
    (:func:`_listed_payloads`), whether an actor is among them (for
    :func:`_sponsor_prefix`)."""

    part: Part
    no_plural: bool
    actor: bool

    def at(self, start: int, end: int) -> Part:
        """The part spanning ``start..end``."""
        part = self.part
        return build_part(part.kind, start, end, part.name, part.codes, part.country,
                          part.combinable, part.role, part.standalone, part.alone)


def _reading(lexicon: ActorLexicon, payloads: tuple, day: dt.date | None) -> _Reading:
    return _Reading(with_alone(_best_part(lexicon, payloads, 0, 0, day)),
                    any(p in lexicon.no_plural for p in payloads),
                    any(kind == ACTOR for kind, _ in payloads))


# --- a mention from the parts of its phrase ------------------------------------------


#: Named-entity labels of a person (stanza and spaCy).
PERSON_ENTITIES = ("PER", "PERSON")


def _is_person(words: tuple[Word, ...], head: int, parts: list[Part]) -> bool:
    if words[head - 1].entity_type in PERSON_ENTITIES:
        return True
    return TITLE in [p.kind for p in parts]


def _is_plural(word: Word) -> bool:
    """``Number=Plur`` among the word's features (the substring test skips parsing the
    features of the many words without it)."""
    feats = word.feats
    return feats is not None and "Number=Plur" in feats and word.feat("Number") == "Plur"


def _mention(
    sentence: Tree, head: int, parts: list[Part], extra: tuple[int, ...] = (),
    stack: bool = False,
) -> Mention:
    codes, entry, kind, modifier = code_phrase(head, parts, stack)
    start = end = head
    for part in parts:
        if part.start < start:
            start = part.start
        if part.end > end:
            end = part.end
    if extra:
        start, end = min(start, *extra), max(end, *extra)
    words = sentence.words
    country = modifier.country if modifier is not None else None
    combinable = bool(modifier is not None and modifier.combinable and kind != "combined")
    return build_mention(
        head=head,
        start=start,
        end=end,
        text=sentence.span_text(start, end),
        codes=codes,
        entry=entry,
        kind=kind,
        country=country,
        person=_is_person(words, head, parts),
        plural=_is_plural(words[head - 1]),
        combinable=combinable,
        base=stack_base(head, parts) if stack and kind == "combined" else (),
    )


# --- the sentence ---------------------------------------------------------------------


def _collect_parts(
    lexicon: ActorLexicon, sentence: Tree, day: dt.date | None, flat: WordTokens | None
) -> dict[int, list[Part]]:
    words = sentence.words
    if flat is None:
        flat = lexicon.matcher.word_tokens([w.text for w in words])
    phrases: dict[int, list[Part]] = {}
    readings = lexicon.readings
    for first, last, found in lexicon.matcher.find(flat):
        start, end = first + 1, last + 1
        reading = readings.get((found, day)) or lexicon.reading(found, day)
        if reading.no_plural:  # an agent listed without a plural form may drop out
            payloads = lexicon.listed_payloads(found, " ".join(w.text for w in words[first:end]))
            if not payloads:
                continue  # "polices": the plural of an agent that has none
            reading = lexicon.reading(payloads, day)
        if reading.actor and "-" in words[last].text and _sponsor_prefix(words[last].text):
            continue  # "Turkish-backed" as one word: the sponsor is not the phrase's actor
        head = start if start == end else span_head(words, start, end)
        phrases.setdefault(np_head(sentence, head), []).append(reading.at(start, end))
    return {head: parts for head, parts in phrases.items()
            if not _adjective_roles(words, head, parts)}


def _adjective_roles(words: tuple[Word, ...], head: int, parts: list[Part]) -> bool:
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
                            phrases: dict[int, list[Part]], day: dt.date | None) -> None:
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


def _listed_payloads(lexicon: ActorLexicon, payloads: tuple, text: str) -> tuple:
    """The payloads matched as ``text`` minus the agents ``text`` is a plural form of
    when they have none (``no_plural``: "Gondor's polices" is no "police")."""
    written = written_tokens(text)
    last = written[-1] if written else ""
    if singular(last) == last:
        return payloads  # not a plural form
    key = normalise_phrase(text)
    return tuple(p for p in payloads
                 if lexicon.no_plural.get(p, {}).get(key, last) == last)


def _sponsor_prefix(text: str) -> bool:
    """The word is "X-backed": an actor name matched as its first part is a sponsor."""
    if "-" not in text:
        return False
    parts = text.lower().split("-")
    return len(parts) > 1 and parts[-1] in SPONSOR_WORDS


def _best_part(
    lexicon: ActorLexicon, payloads: tuple, start: int, end: int, day: dt.date | None
) -> Part:
    """An actor reading of the phrase if there is one (dictionary order), else the role,
    else the place. A place that is not a capital beats a country actor listing its
    name ("Aleppo" is a place, not Syria; "Damascus" still stands for Syria)."""
    place = next((lexicon.places[i] for k, i in payloads if k == PLACE), None)
    for kind, index in payloads:
        if kind == ACTOR:
            actor = lexicon.actors[index]
            if place is not None and not is_capital(place) and is_country(actor, place):
                break
            return actor_part(actor, start, end, day)
    if place is not None:
        return Part(PLACE, start, end, place.name, country=place.country)
    kind, index = payloads[0]
    return role_part(kind, lexicon.agents[index], start, end)


def _pronoun_heads(sentence: Tree) -> list[tuple[int, int]]:
    """(phrase head, pronoun id) for each resolvable pronoun in the sentence (not an
    expletive "it": "it seems")."""
    texts = sentence.texts[1:]  # lower-case forms by word
    if PRONOUNS.keys().isdisjoint(texts):
        return []  # most sentences have no pronoun: one set look-up per word
    found = []
    # The words whose form is a pronoun's, filtered at C speed (map/compress).
    for word in compress(sentence.words, map(PRONOUNS.__contains__, texts)):
        if word.upos == "PRON":
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
    pronoun_at = dict(_pronoun_heads(sentence))
    heads = sorted(phrases.keys() | pronoun_at.keys()) if pronoun_at else sorted(phrases)
    by_head: dict[int, Mention] = {}
    for head in heads:
        parts = phrases.get(head)
        mention = None
        if head in pronoun_at:
            mention = _with_pronoun(sentence, head, pronoun_at[head], parts or [], by_head,
                                    antecedents, stack)
        if mention is None and parts:
            mention = _mention(sentence, head, parts, stack=stack)
        if mention is not None:
            by_head[head] = mention
    context = _relate(lexicon, sentence, by_head, earlier_context, conventions)
    if uncoded:
        _add_named_entities(sentence, by_head)
    ordered = tuple(sorted(by_head.values(), key=_START_HEAD))
    by_word: dict[int, Mention] = {}
    for mention in ordered:
        for ident in range(mention.start, mention.end + 1):
            by_word.setdefault(ident, mention)
    return SentenceActors(ordered, {m.head: m for m in ordered}, by_word, context)


def _relate(lexicon: ActorLexicon, sentence: Tree, by_head: dict[int, Mention],
            earlier_context: str | None, conventions: bool) -> str | None:
    """The passes between the mentions of a sentence (in place); returns the sentence's
    country context. The three passes that code bare agents ("rebels" with no actor of
    their own) are skipped when there is none: they only ever recode such agents."""
    if not by_head:
        return None  # nothing for the passes to act on
    stack = not conventions
    bare = any(m.kind == "agent" and not m.codes for m in by_head.values())
    if bare:
        agents_of_states(sentence, by_head, lexicon, stack)
        allegiances(sentence, by_head, lexicon)
        share_modifiers(sentence, by_head, lexicon, stack)
    lend_appositions(sentence, by_head)
    if bare:
        context = apply_context(sentence, by_head, lexicon, earlier_context)
    else:  # no agent for the context to place (the passes above make none)
        context = place_context(sentence, by_head)
    sponsored_proxies(sentence, by_head)
    if conventions:
        apply_conventions(sentence, by_head)  # "Israelis", "Ukrainian positions", "former"
    return context


def _with_pronoun(
    sentence: Tree,
    head: int,
    pronoun: int,
    parts: list[Part],
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
        return build_mention(
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
    stand_in = Part(
        ACTOR, pronoun, pronoun, found.entry or found.text, found.codes, found.country,
        found.combinable,
    )
    mention = _mention(sentence, head, [*parts, stand_in], stack=stack)
    return mention.replace(note=f"{word.text!r} = {found.text!r}", antecedent=antecedent)


def subject_heads(sentence: Sentence | Tree) -> frozenset[int]:
    """Head ids of the sentence's subjects (for pronoun preferences)."""
    return frozenset(w.id for w in sentence.words if w.deprel.startswith("nsubj"))


def _add_named_entities(sentence: Tree, by_head: dict[int, Mention]) -> None:
    spans = [span for span in _entity_spans(sentence.words) if span[2] in ACTOR_ENTITIES]
    if not spans:
        return
    covered: set[int] = set()
    for mention in by_head.values():
        covered.update(range(mention.start, mention.end + 1))
    for first, last, label in spans:
        if not covered.isdisjoint(range(first, last + 1)):
            continue
        head = np_head(sentence, span_head(sentence.words, first, last))
        if head in by_head:
            continue
        by_head[head] = build_mention(
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
    previous = 0  # id of the last tagged word: a gap is an "O" word, which ends an entity
    # The tagged words, filtered at C speed (map/compress): most words are untagged.
    for word in compress(words, map(NO_ENTITY.__ne__, map(_NER, words))):
        if word.id != previous + 1:
            start = None
        previous = word.id
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


def mentions(actors: SentenceActors, heads: Iterable[int]) -> list[Mention]:
    """The mentions headed by ``heads``, in order, each once."""
    found: list[Mention] = []
    for head in heads:
        mention = actors.by_head.get(head)
        if mention is not None and mention not in found:
            found.append(mention)
    return found


def refers_back(one: Mention | None, other: Mention | None) -> bool:
    """True when ``one`` is coded through a pronoun that refers to ``other``."""
    return bool(one and other and one.antecedent == (other.head, 0))
