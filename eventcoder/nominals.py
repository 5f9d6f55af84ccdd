"""Nominal events: event nouns that stand for a verb ("an air strike", "the shelling").

A verb block lists its event nouns (``nouns:``, e.g. CORE_AIR_STRIKE: air strike,
airstrike, bombing); the synset ``LIGHT_VERB`` lists the light verbs whose object names
the act ("launch", "carry out", "conduct"). Two forms are coded with the noun's block
default code (docs/algorithm.md, "Nominal events"):

- a light verb with an event noun as its object (or passive subject, or the noun its
  participle modifies): "Turkey *launched an offensive against* Kurdish fighters"; the
  source is the light verb's, the target the noun's own phrase (*on, against, ...*);
- an event noun with a by-phrase: "*an air strike by* Russia *on* rebels", "*shelling
  by* government forces killed ten civilians": the by-phrase is the source, the noun's
  phrase the target, else (when the noun is the subject of a verb) that verb's object.

A nominal match is an ordinary :class:`~eventcoder.patterns.VerbMatch` (``light``,
no pattern), so events are assembled like a verb's.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.actors import SentenceActors
from eventcoder.dictionaries.schema import Synset, VerbEntry
from eventcoder.model import Word
from eventcoder.patterns import VerbMatch
from eventcoder.predicates import Argument, Predicate, Tree, conjuncts

__all__ = ["LIGHT_VERB_SYNSET", "NOUN_TARGET_PREPS", "NounIndex", "by_phrase_nominals",
           "light_verb_match", "noun_target", "with_nominals"]

#: The synset that lists light verbs ("launch", "carry out").
LIGHT_VERB_SYNSET = "LIGHT_VERB"
#: Prepositions of an event noun's own phrase that hold its target, in order of
#: preference ("an attack *on* X", "talks *with* X", "a visit *to* X", "the siege *of* X").
NOUN_TARGET_PREPS = ("on", "upon", "against", "at", "with", "to", "into", "toward",
                     "towards", "of")
#: Object-like arguments of a light verb that can be its event noun.
_NOUN_ARGS = ("object", "passive subject", "modified noun")


class NounIndex:
    """Event nouns by their last word, and the light verbs, from a dictionary set."""

    def __init__(self, verbs: Sequence[VerbEntry], synsets: Sequence[Synset]) -> None:
        self.verbs = tuple(verbs)
        self.by_last: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for index, entry in enumerate(self.verbs):
            for noun in entry.nouns:
                words = tuple(noun.lower().replace("_", " ").split())
                if words:
                    self.by_last.setdefault(words[-1], []).append((words[:-1], index))
        self.light = frozenset(
            " ".join(word.lower().replace("_", " ").split())
            for synset in synsets if synset.name.upper() == LIGHT_VERB_SYNSET
            for word in synset.words
        )

    def __bool__(self) -> bool:
        return bool(self.by_last)

    def is_light(self, predicate: Predicate) -> bool:
        """True when the predicate's verb (with its particles) is a light verb."""
        phrasal = " ".join([predicate.lemma, *predicate.particles])
        return phrasal in self.light or (not predicate.particles and predicate.lemma in self.light)

    def lookup(self, tree: Tree, noun: Word) -> tuple[VerbEntry, str] | None:
        """The block an event noun stands for and the noun phrase matched: the longest
        dictionary noun ending at ``noun`` ("drone strike" before "strike"); a later
        block wins a tie. Only blocks with a default code count."""
        if noun.upos not in ("NOUN", "PROPN"):
            return None
        candidates = self.by_last.get(noun.lemma.lower()) or self.by_last.get(
            tree.texts[noun.id])
        best: tuple[int, int] | None = None
        for rest, index in candidates or ():
            if not self.verbs[index].code or not _precedes(tree, noun, rest):
                continue
            if best is None or len(rest) >= best[0]:
                best = (len(rest), index)
        if best is None:
            return None
        entry = self.verbs[best[1]]
        words = tree.words[noun.id - 1 - best[0] : noun.id]
        return entry, " ".join(w.text.lower() for w in words)


def _precedes(tree: Tree, noun: Word, rest: tuple[str, ...]) -> bool:
    """The words ``rest`` come right before the noun, inside its phrase ("air" strike)."""
    start = noun.id - len(rest)
    if start < 1:
        return False
    for offset, word in enumerate(rest):
        found = tree.words[start - 1 + offset]
        if word not in (found.lemma.lower(), tree.texts[found.id]):
            return False
        if not start <= found.head <= noun.id:
            return False
    return True


def noun_target(tree: Tree, noun: int, actors: SentenceActors) -> int | None:
    """The head of the coded actor in the noun's own phrase ("an attack *on* X")."""
    phrases = [(_case(tree, child), child) for child in tree.children(noun, "nmod")]
    for prep in NOUN_TARGET_PREPS:
        for case, child in phrases:
            if case != prep:
                continue
            mention = actors.by_head.get(child.id)
            if mention is not None and mention.codes:
                return child.id
    return None


def _case(tree: Tree, word: Word) -> str | None:
    for child in tree.children(word, "case"):
        return child.lemma.lower()
    return None


def light_verb_match(nouns: NounIndex, tree: Tree, predicate: Predicate,
                     actors: SentenceActors) -> VerbMatch | None:
    """A light verb whose object is an event noun, coded as the noun's block (None: the
    predicate is not one)."""
    if not nouns or not nouns.is_light(predicate):
        return None
    for arg in predicate.targets:
        if arg.via not in _NOUN_ARGS:
            continue
        found = nouns.lookup(tree, tree.word(arg.head))
        if found is None:
            continue
        entry, phrase = found
        verb_text = " ".join([predicate.lemma, *predicate.particles, phrase])
        if predicate.irrealis:
            return VerbMatch(entry, verb_text, None, None, None, None, None,
                             predicate.irrealis, light=True)
        target = noun_target(tree, arg.head, actors)
        return VerbMatch(entry, verb_text, None, entry.code, None, None, target, light=True)
    return None


def by_phrase_nominals(nouns: NounIndex, tree: Tree, predicates: Sequence[Predicate],
                       actors: SentenceActors) -> list[tuple[Predicate, VerbMatch]]:
    """Event nouns with a coded by-phrase ("shelling *by* X"), as predicates with matches.

    The target is the noun's own phrase, else, when the noun is the subject of a verb,
    that verb's objects ("shelling by X *killed ten civilians*"). A noun under a verb
    that did not (or not yet) happen inherits its irrealis. Nouns whose by-phrase is the
    agent of a passive verb ("were killed in an air strike by X") are left to that verb.
    """
    if not nouns:
        return []
    # a by-phrase needs the word "by" (most sentences have none: no noun is looked at)
    found = _by_phrases(nouns, tree, predicates, actors) if "by" in tree.lemmas else []
    return found + _manner_nominals(nouns, tree, predicates, actors)


def _by_phrases(nouns: NounIndex, tree: Tree, predicates: Sequence[Predicate],
                actors: SentenceActors) -> list[tuple[Predicate, VerbMatch]]:
    """:func:`by_phrase_nominals` less the manner nouns."""
    by_verb = {p.verb: p for p in predicates}
    agents: set[int] | None = None  # (worked out for the first coded by-phrase: it reads
    found = []                      # the arguments of every predicate)
    for word in tree.words:
        if word.upos != "NOUN":
            continue  # (the cheap part of _by_agent)
        agent = _by_agent(tree, word, actors)
        if agent is None:
            continue
        if agents is None:
            agents = {a.head for p in predicates for a in p.sources
                      if a.via.startswith("by-phrase")}
        if agent.id in agents:
            continue
        looked = nouns.lookup(tree, word)
        if looked is None:
            continue
        entry, phrase = looked
        governor = by_verb.get(word.head)
        targets: tuple[Argument, ...] = ()
        if word.deprel == "nsubj" and governor is not None:
            targets = tuple(a for a in governor.targets if a.via == "object")
        irrealis = governor.irrealis if governor is not None else None
        predicate = Predicate(
            verb=word.id, lemma=word.lemma.lower(), particles=(), relation=word.deprel,
            sources=tuple(Argument(i, "by-phrase", "by") for i in conjuncts(tree, agent.id)),
            targets=targets, obliques=(), passive=False,
            negated=bool(governor and governor.negated), modals=(), governor=None,
            irrealis=irrealis, after=(), before=(), opaque=frozenset(),
        )
        if irrealis:
            match = VerbMatch(entry, phrase, None, None, None, None, None, irrealis, light=True)
        else:
            match = VerbMatch(entry, phrase, None, entry.code, None, None,
                              noun_target(tree, word.id, actors), light=True)
        found.append((predicate, match))
    return found


#: Event nouns that, in an *in*-phrase of a verb, code the verb's subject's stance
#: towards the noun's *of*-phrase ("fired a missile *in defiance of* UN resolutions").
MANNER_NOUNS = frozenset({"defiance"})


def _manner_nominals(nouns: NounIndex, tree: Tree, predicates: Sequence[Predicate],
                     actors: SentenceActors) -> list[tuple[Predicate, VerbMatch]]:
    """"North Korea fired a missile *in defiance of* U.N. Security Council resolutions":
    the verb's subject defies the owner of the *of*-phrase (CORE_DEFY 128), whatever the
    verb's own code; nothing when the verb's act did not (or not yet) happen."""
    found: list[tuple[Predicate, VerbMatch]] = []
    if MANNER_NOUNS.isdisjoint(tree.lemmas):
        return found  # the usual case (no need to read the predicates' arguments)
    for governor in predicates:
        if governor.irrealis or governor.negated or not governor.sources:
            continue
        for arg in governor.obliques:
            noun = tree.word(arg.head)
            if arg.prep != "in" or noun.lemma.lower() not in MANNER_NOUNS:
                continue
            looked = nouns.lookup(tree, noun)
            target = noun_target(tree, noun.id, actors)
            if looked is None or target is None:
                continue
            entry, phrase = looked
            predicate = Predicate(
                verb=noun.id, lemma=noun.lemma.lower(), particles=(), relation=noun.deprel,
                sources=governor.sources, targets=(), obliques=(), passive=False,
                negated=False, modals=(), governor=None, irrealis=None, after=(), before=(),
                opaque=frozenset(),
            )
            found.append((predicate, VerbMatch(entry, phrase, None, entry.code, None, None,
                                               target, light=True)))
    return found


def _by_agent(tree: Tree, noun: Word, actors: SentenceActors) -> Word | None:
    if noun.upos != "NOUN":
        return None
    for child in tree.children(noun, "nmod"):
        if _case(tree, child) == "by":
            mention = actors.by_head.get(child.id)
            if mention is not None and mention.codes:
                return child
    return None


def with_nominals(predicates: list[Predicate], matches: list[VerbMatch | None],
                  extra: list[tuple[Predicate, VerbMatch]]
                  ) -> tuple[list[Predicate], list[VerbMatch | None]]:
    """The predicates and matches with the nominal ones merged in sentence order."""
    if not extra:
        return predicates, matches
    merged = sorted([*zip(predicates, matches, strict=True), *extra],
                    key=lambda pair: pair[0].verb)
    return [p for p, _ in merged], [m for _, m in merged]

