"""Matching verb patterns against a predicate.

A predicate's verb is looked up by lemma (a dictionary verb written as an inflected form,
PETRARCH's ``LEFT`` beside ``LEAVE``, is preferred for that form; phrasal verbs through
their ``compound:prt`` particles or the words right after the verb: "pull out", "open
fire"). Every pattern of
the verb's dictionary blocks is then tried (a pattern with ``verbs`` only when the
predicate's verb is one of them):

- ``after`` items match, in order, in the words of the verb's non-subject dependents
  (objects, obliques, ``xcomp`` and ``ccomp`` clauses), with gaps allowed;
- ``before`` items match, in order, in the subject phrase and the auxiliaries (and, for
  an ``xcomp`` verb, its governor: "plans to");
- a word item matches a lemma (or, with a trailing ``_``, the exact form); ``{A B}`` and
  multiword items match adjacent words; a ``(PREP ...)`` item matches a phrase whose
  ``case`` word is PREP, with its contents inside that phrase; ``&NAME`` matches any word
  of the synset; ``+``/``$`` bind the coded actor phrase at that position (outside a
  ``(PREP ...)`` item, not one in a place or time phrase such as "in Sochi").

The most specific matching pattern wins (the most matched words and slots); ties go to
the pattern that comes first in dictionary order. Negated predicates only match patterns
written ``NOT *``; irrealis predicates (modal, planned, conditional) only match patterns
whose ``before`` items matched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from eventcoder.actors import Mention, SentenceActors, np_head
from eventcoder.dictionaries.patterns import walk_items
from eventcoder.dictionaries.schema import (
    Group,
    Pattern,
    PatternItem,
    PrepPhrase,
    Slot,
    Synset,
    SynsetRef,
    Term,
    VerbEntry,
)
from eventcoder.intent import declares_intent, intent_code
from eventcoder.predicates import (
    NEGATORS,
    PLACE_PREPS,
    Predicate,
    Tree,
    particle_preposition,
)

__all__ = [
    "Attempt",
    "VerbIndex",
    "VerbMatch",
    "compile_items",
    "is_block",
    "match_predicate",
]

BLOCK = "---"
#: Irrealis kinds a dictionary can code through patterns with items before ``*``
#: (intent, plans, threats); denied, alleged and conditional acts are never coded.
INTENT_MOODS = ("modal", "planned")


def is_block(code: str | None, reverse: str | None) -> bool:
    """True for a pattern or default code that blocks coding (``---``)."""
    return (code is None or code == BLOCK) and (reverse is None or reverse == BLOCK)


@attrs.frozen
class Attempt:
    """One pattern tried on a predicate, for explanations."""

    entry: str
    pattern: Pattern
    score: int | None  # None: did not match
    why: str = ""


@attrs.frozen
class VerbMatch:
    """The outcome of pattern matching for one predicate."""

    entry: VerbEntry | None
    verb_text: str
    pattern: Pattern | None
    code: str | None
    reverse_code: str | None
    source: int | None  # bound mention head ($)
    target: int | None  # bound mention head (+)
    reason: str | None = None  # why nothing is coded
    attempts: tuple[Attempt, ...] = ()
    #: A light verb: no default code of its own, its object names the act.
    light: bool = False
    #: The target actor code the dictionary implies for the chosen code (``target:`` of
    #: the pattern, else of its block), used when the sentence names no coded target.
    implied_target: str | None = None


#: Most (entry, anchor words present) keys VerbIndex.candidates remembers.
_CANDIDATES_MEMO = 20_000

#: See VerbIndex.by_anchor.
_AnchorIndex = tuple[dict[str, list[int]], list[int], frozenset[str],
                     dict[int, tuple[frozenset[str], ...]]]


class VerbIndex:
    """Verb dictionary entries by lemma, with pattern anchors for quick rejection."""

    def __init__(self, verbs: Sequence[VerbEntry], synsets: Sequence[Synset]) -> None:
        self.verbs = tuple(verbs)
        self.by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for index, entry in enumerate(self.verbs):
            for lemma in entry.lemmas:
                words = tuple(lemma.lower().replace("_", " ").split())
                if words:
                    self.by_first.setdefault(words[0], []).append((words[1:], index))
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {
            s.name.upper(): tuple(tuple(w.lower().replace("_", " ").split()) for w in s.words)
            for s in synsets
        }
        #: Per entry: (pattern, compiled before, compiled after, anchor word sets).
        self.compiled: tuple[tuple[tuple[Pattern, tuple, tuple, tuple], ...], ...] = tuple(
            tuple(
                (p, compile_items(p.before, self.synsets), compile_items(p.after, self.synsets),
                 self._anchors(p))
                for p in entry.patterns
            )
            for entry in self.verbs
        )
        #: Per entry: word -> positions of the patterns that need that word (one of the
        #: words of their shortest anchor), the positions of patterns that need no
        #: particular word, the words indexed, and by position the other anchors of
        #: patterns that have more than one.
        self.by_anchor: tuple[_AnchorIndex, ...] = tuple(
            self._anchor_index(entry_index) for entry_index in range(len(self.verbs))
        )
        #: Per entry, every word of its patterns' anchors.
        self.anchor_words = tuple(
            frozenset(word for _, _, _, anchors in patterns for anchor in anchors
                      for word in anchor)
            for patterns in self.compiled
        )
        #: (entry, anchor words present) -> candidate positions (see candidates).
        self._candidates: dict[tuple[int, frozenset[str]], list[int]] = {}
        #: Indexes of the entries that have a default code.
        self.coded = frozenset(i for i, entry in enumerate(self.verbs) if entry.code)
        #: First words whose entries are all single words ("attack"): their entries
        #: need no look at the words after the verb.
        self.single: dict[str, tuple[int, ...]] = {
            first: tuple(index for _, index in found)
            for first, found in self.by_first.items() if not any(rest for rest, _ in found)
        }
        #: First words of the entries that imply a target (``target:`` of the block or
        #: of a pattern): only their verbs code an event with a single coded actor.
        self.implying = frozenset(
            first for first, found in self.by_first.items()
            if any(_implies_target(self.verbs[index]) for _, index in found))

    def _anchor_index(self, entry_index: int) -> _AnchorIndex:
        index: dict[str, list[int]] = {}
        free: list[int] = []
        others: dict[int, tuple[frozenset[str], ...]] = {}
        for position, (_, _, _, anchors) in enumerate(self.compiled[entry_index]):
            if not anchors:
                free.append(position)
                continue
            chosen = min(anchors, key=len)
            for word in chosen:
                index.setdefault(word, []).append(position)
            rest = tuple(a for a in anchors if a != chosen)
            if rest:
                others[position] = rest
        return index, free, frozenset(index), others

    def candidates(self, entry_index: int, vocabulary: frozenset[str]) -> list[int]:
        """Positions (in dictionary order) of the entry's patterns whose words all occur.

        They depend only on which words of the entry's anchors occur, a set of dictionary
        words: the answer is memoised by that set (bounded, over the run)."""
        present = self.anchor_words[entry_index] & vocabulary
        if not present:
            return self.by_anchor[entry_index][1]  # patterns that need no particular word
        key = (entry_index, present)
        found = self._candidates.get(key)
        if found is None:
            if len(self._candidates) >= _CANDIDATES_MEMO:
                self._candidates.clear()
            found = self._candidates[key] = self.candidates_among(entry_index, present)
        return found

    def candidates_among(self, entry_index: int, present: frozenset[str]) -> list[int]:
        """:meth:`candidates` without its memo."""
        index, free, keys, others = self.by_anchor[entry_index]
        found: set[int] = set()
        for word in keys & present:
            found.update(index[word])  # their shortest anchor occurs
        return sorted([*free, *[p for p in found
                                if p not in others or _all_occur(others[p], present)]])

    def _anchors(self, pattern: Pattern) -> tuple[frozenset[str], ...]:
        found = []
        for item in walk_items([*pattern.before, *pattern.after]):
            if isinstance(item, Term):
                found.append(frozenset(a.split()[0] for a in item.alternatives if a))
            elif isinstance(item, PrepPhrase):
                found.append(frozenset(p.split()[0] for p in item.preps if p))
            elif isinstance(item, SynsetRef) and item.name in self.synsets:
                found.append(frozenset(w[0] for w in self.synsets[item.name] if w))
        return tuple(found)

    def entries_for(
        self, sentence: Tree, predicate: Predicate
    ) -> tuple[Sequence[int], tuple[int, ...]]:
        """Indexes of the verb entries for the predicate and the word ids the verb uses
        beyond itself ("fire" in "open fire")."""
        form = sentence.texts[predicate.verb]
        if form != predicate.lemma and form in self.by_first:  # a block for "left" itself
            found = self._entries_from(sentence, predicate, form)
            if found[0]:
                return found
        if predicate.lemma not in self.by_first:
            return [], ()
        return self._entries_from(sentence, predicate, predicate.lemma)

    def _entries_from(
        self, sentence: Tree, predicate: Predicate, first: str
    ) -> tuple[Sequence[int], tuple[int, ...]]:
        single = self.single.get(first)
        if single is not None:
            return single, ()
        best: list[int] = []
        best_len = -1
        used: tuple[int, ...] = ()
        for rest, index in self.by_first[first]:
            ids = _rest_ids(sentence, predicate, rest)
            if ids is None or len(rest) < best_len:
                continue
            if len(rest) > best_len:
                best, best_len, used = [], len(rest), ids
            best.append(index)
        return best, used


def _implies_target(entry: VerbEntry) -> bool:
    return entry.target is not None or any(p.target is not None for p in entry.patterns)


def _all_occur(anchors: tuple[frozenset[str], ...], vocabulary: frozenset[str]) -> bool:
    """Whether a word of each anchor occurs (a loop: called for many patterns of many
    predicates, where a generator expression costs more than the test)."""
    for anchor in anchors:  # noqa: SIM110 (see the docstring)
        if anchor.isdisjoint(vocabulary):
            return False
    return True


#: How many words right after a verb a multiword entry may use ("open fire").
_FOLLOWING = 3


def _rest_ids(sentence: Tree, predicate: Predicate, rest: tuple[str, ...]
              ) -> tuple[int, ...] | None:
    """The ids of the words the rest of a multiword entry ("out" of "pull out") takes:
    the verb's particles, or the words right after it; None when it has neither."""
    if not rest:  # the usual case: the lemma alone
        return ()
    if rest == predicate.particles:
        return tuple(c.id for c in sentence.children(predicate.verb, "compound:prt"))
    after = predicate.verb + 1
    if len(rest) <= _FOLLOWING and sentence.lemmas[after : after + len(rest)] == rest:
        return tuple(range(after, after + len(rest)))
    return None


# --- compiled items -------------------------------------------------------------------
# Pattern items are compiled once into plain tuples, so matching does no isinstance
# checks and can skip positions whose word cannot start the item:
#   (WORDS, alternatives, first words, exact)   a Term or a synset reference
#   (SLOT, role)                                 $ + ^ (% is dropped)
#   (PREP, prepositions, items)                  (PREP ...)
#   (GROUP, items)                               {...}

WORDS, SLOT, PREP, GROUP = 0, 1, 2, 3
#: The role of ``^``: it consumes the coded actor phrase at its position, if any, so
#: that a later ``$`` or ``+`` binds the next one ("celebrate Tabaski *with Eriador* at
#: Cirith Ungol": CELEBRATE `* TABASKI ^ $` binds Cirith Ungol).
SKIP = "skip"
Compiled = tuple


def compile_items(items: Sequence[PatternItem], synsets: dict[str, tuple[tuple[str, ...], ...]]
                  ) -> tuple[Compiled, ...]:
    """Pattern items as matching tuples (see the comment above)."""
    out: list[Compiled] = []
    for item in items:
        if isinstance(item, Term):
            alts = tuple(tuple(a.split()) for a in item.alternatives if a.strip())
            out.append((WORDS, alts, frozenset(a[0] for a in alts), item.exact))
        elif isinstance(item, SynsetRef):
            alts = synsets.get(item.name, ())
            out.append((WORDS, alts, frozenset(a[0] for a in alts if a), False))
        elif isinstance(item, Slot):
            if item.role in ("source", "target", SKIP):
                out.append((SLOT, item.role))
        elif isinstance(item, PrepPhrase):
            preps = frozenset(p.split()[0] for p in item.preps if p.strip())
            out.append((PREP, preps, compile_items(item.items, synsets)))
        elif isinstance(item, Group):
            out.append((GROUP, compile_items(item.items, synsets)))
    return tuple(out)


# --- matching items -------------------------------------------------------------------

Binds = dict[str, int]
Result = tuple[int, int, Binds]  # end position in the sequence, score, slot bindings


@attrs.define
class _Context:
    """What item matching needs about one sentence (local to one predicate).

    The predicate's word sets (``before``, ``after``, its reported clauses and its place
    phrases) are worked out on first use: most predicates try no pattern with items on
    both sides of ``*`` or with a slot, and working them out is most of the cost of a
    predicate that tries few patterns."""

    sentence: Tree
    predicate: Predicate
    mention_of: Mapping[int, Mention]
    #: Word ids a multiword verb uses beyond itself ("fire" of "open fire").
    used: tuple[int, ...] = ()
    in_prep: bool = False
    #: PETRARCH's reading of ``(PREP WORD ...)``: WORD follows the preposition.
    adjacent_preps: bool = False
    #: PETRARCH's verb phrase (see :func:`match_predicate`): ``before`` leaves out the
    #: verb's adverbs, ``after`` its *that*-clauses; ``^`` items a ``(PREP ...)`` phrase
    #: has no actor for consume the actor phrases after it; a modifier's conjuncts may
    #: come between a term's words.
    narrow: bool = False
    lemmas: tuple[str, ...] = attrs.field(init=False)
    texts: tuple[str, ...] = attrs.field(init=False)
    _places: frozenset[int] | None = attrs.field(init=False, default=None)
    _before: tuple[int, ...] | None = attrs.field(init=False, default=None)
    _after: tuple[int, ...] | None = attrs.field(init=False, default=None)

    def __attrs_post_init__(self) -> None:
        self.lemmas = self.sentence.lemmas
        self.texts = self.sentence.texts

    @property
    def verb(self) -> int:
        """The predicate's verb: its own marker ("to" of "to accord") is not a phrase."""
        return self.predicate.verb

    @property
    def opaque(self) -> frozenset[int]:
        """The predicate's reported clauses: no slot binds in them."""
        return self.predicate.opaque

    @property
    def places(self) -> frozenset[int]:
        """Heads of the verb's place and time phrases ("in Sochi"): a bare slot skips them."""
        if self._places is None:
            self._places = frozenset(a.head for a in self.predicate.obliques
                                     if a.prep in PLACE_PREPS)
        return self._places

    @property
    def spill_skips(self) -> bool:
        return self.narrow

    @property
    def coordinated_terms(self) -> bool:
        return self.narrow

    @property
    def before(self) -> tuple[int, ...]:
        """The words ``before`` items match in (the predicate's, less any left out)."""
        if self._before is None:
            predicate = self.predicate
            self._before = (_without_adverbs(self.sentence, predicate) if self.narrow
                            else predicate.before)
        return self._before

    @property
    def after(self) -> tuple[int, ...]:
        """The words ``after`` items match in (the predicate's, less the words the verb
        uses and any left out)."""
        if self._after is None:
            after = self.predicate.after
            if self.used:
                after = tuple(i for i in after if i not in self.used)
            if self.narrow:
                after = _without_clauses(self.sentence, self.predicate, after)
            self._after = after
        return self._after


def _words_at(ctx: _Context, seq: Sequence[int], j: int, words: tuple[str, ...], exact: bool
              ) -> int | None:
    """End position when ``words`` match adjacent words at seq[j], else None."""
    if j + len(words) > len(seq):
        return None
    pos = j
    for k, word in enumerate(words):
        if k:
            pos = _past_conjuncts(ctx, seq, pos)
        if pos >= len(seq) or (k and seq[pos] != seq[pos - 1] + 1):
            return None
        ident = seq[pos]
        if ctx.texts[ident] != word and (exact or ctx.lemmas[ident] != word):
            return None
        pos += 1
    return pos


def _past_conjuncts(ctx: _Context, seq: Sequence[int], pos: int) -> int:
    """With ``coordinated_terms``, the position after the conjuncts that follow the word
    before seq[pos]: a modifier's conjuncts do not split a phrase ("*death* and injury
    *toll*" is DEATH TOLL), whether parsed as its ``conj`` or, after its ``cc``, as a
    sibling with its relation (spaCy: "death" and "injury" both compounds of "toll")."""
    if not ctx.coordinated_terms or pos >= len(seq):
        return pos
    sentence = ctx.sentence
    previous = sentence.words[seq[pos - 1] - 1]
    coordination = {w.id for c in sentence.children(previous, "conj", "cc")
                    if c.id > previous.id for w in sentence.subtree(c)}
    if coordination and previous.head and not any(  # a bare "and": the next sibling
            c.id > previous.id for c in sentence.children(previous, "conj")):
        sibling = next((s for s in sentence.children(previous.head, previous.deprel)
                        if s.id > max(coordination)), None)
        if sibling is not None:
            coordination |= {w.id for w in sentence.subtree(sibling)}
    while pos < len(seq) and seq[pos] in coordination and seq[pos] == seq[pos - 1] + 1:
        pos += 1
    return pos


def _could_start(item: Compiled, ctx: _Context, ident: int) -> bool:
    kind = item[0]
    if kind == WORDS:
        firsts = item[2]
        return ctx.texts[ident] in firsts or (not item[3] and ctx.lemmas[ident] in firsts)
    if kind == PREP:
        return ctx.lemmas[ident] in item[1]
    if kind == SLOT:
        return ident in ctx.mention_of
    return True


def _item_results(item: Compiled, ctx: _Context, seq: Sequence[int], j: int) -> list[Result]:
    kind = item[0]
    if kind == WORDS:
        out: list[Result] = []
        exact, text, lemma = item[3], ctx.texts[seq[j]], ctx.lemmas[seq[j]]
        for words in item[1]:
            if words and words[0] != text and (exact or words[0] != lemma):
                continue  # (the cheap part of _words_at: a synset has many words)
            end = _words_at(ctx, seq, j, words, exact)
            if end is not None:
                out.append((end, end - j, {}))
        return out
    if kind == SLOT:
        return _slot(item[1], ctx, seq, j)
    if kind == PREP:
        return _prep(item, ctx, seq, j)
    return _group(item, ctx, seq, j)


def _slot(role: str, ctx: _Context, seq: Sequence[int], j: int) -> list[Result]:
    ident = seq[j]
    mention = ctx.mention_of.get(ident)
    if mention is None or not mention.codes or mention.head in ctx.opaque:
        return []
    if not ctx.in_prep and mention.head in ctx.places:
        return []
    if j and mention.start <= seq[j - 1] <= mention.end:
        return []  # not the first word of the phrase
    end = j
    while end < len(seq) and mention.start <= seq[end] <= mention.end:
        end += 1
    if role == SKIP:  # consumed, not bound; it adds nothing to the specificity
        return [(end, 0, {})]
    return [(end, 1, {role: mention.head})]


def _prep(item: Compiled, ctx: _Context, seq: Sequence[int], j: int) -> list[Result]:
    word = ctx.sentence.words[seq[j] - 1]
    phrase = particle_preposition(ctx.sentence, word)  # "clash over the efforts"
    if phrase is None and (word.deprel not in ("case", "mark") or word.head == ctx.verb):
        return []
    inside = {w.id for w in ctx.sentence.subtree(phrase.id if phrase else word.head)}
    inner = [i for i in seq[j + 1 :] if i in inside]
    outer, ctx.in_prep = ctx.in_prep, True
    found = _match_prep_items(item[2], ctx, inner) if item[2] else (0, 0, {})
    ctx.in_prep = outer
    if found is None:
        return []
    end = j + 1
    while end < len(seq) and seq[end] in inside:
        end += 1
    if ctx.spill_skips:
        end = _spilled_skips(item[2], ctx, inner, seq, end)
    return [(end, 1 + found[1], found[2])]


def _spilled_skips(items: Sequence[Compiled], ctx: _Context, inner: Sequence[int],
                   seq: Sequence[int], end: int) -> int:
    """Where matching goes on after a ``(PREP ...)`` phrase whose ``^`` items outnumber
    its actor phrases: each one left over consumes the next actor phrase after it, as
    PETRARCH's flat matching does ("celebrated Iftar at Osgiliath with the parliament of
    Gondor": IFTAR `(AT ^ ^) +` skips Osgiliath and the parliament, + is Gondor)."""
    skips = sum(1 for i in items if i[0] == SLOT and i[1] == SKIP)
    held = {m.head for i in inner if (m := ctx.mention_of.get(i)) is not None and m.codes}
    for _ in range(skips - len(held)):
        pos = next((k for k in range(end, len(seq))
                    if (m := ctx.mention_of.get(seq[k])) is not None and m.codes
                    and m.head not in ctx.opaque), None)
        if pos is None:
            break
        mention = ctx.mention_of[seq[pos]]
        end = pos
        while end < len(seq) and mention.start <= seq[end] <= mention.end:
            end += 1
    return end


def _match_prep_items(items: Sequence[Compiled], ctx: _Context, inner: Sequence[int]
                      ) -> Result | None:
    """The items of a ``(PREP ...)`` phrase, in order. With ``adjacent_preps`` a leading
    word follows the preposition, with only determiners between (``(FOR ASYLUM)``
    matches "for the asylum", not "for foreign asylum"); a leading slot or group may
    come anywhere in the phrase."""
    if not ctx.adjacent_preps or items[0][0] != WORDS:
        return _match_items(items, 0, ctx, inner, 0, False)
    lead = 0
    while lead < len(inner) and ctx.sentence.words[inner[lead] - 1].upos == "DET":
        lead += 1
    for j in range(min(lead + 1, len(inner))):
        for end, score, binds in _item_results(items[0], ctx, inner, j):
            rest = _match_items(items, 1, ctx, inner, end, False)
            if rest is not None:
                return rest[0], score + rest[1], {**binds, **rest[2]}
    return None


def _group(item: Compiled, ctx: _Context, seq: Sequence[int], j: int) -> list[Result]:
    """``{NEW &TIETYPES RELATIONS}``: the items in order from seq[j], in one noun phrase;
    other words of the phrase may come between the leading items ("new global economic
    relations"), but the last item follows the one before it ("new economic trade
    relations" is not a match)."""
    items = item[1]
    if not items:
        return []
    *lead, last = items
    for q in range(j + 1 if lead else j, len(seq)):
        if not _could_start(last, ctx, seq[q]):
            continue
        before = _group_lead(lead, ctx, seq[:q], j)
        if before is None:
            continue
        for end, score, binds in _item_results(last, ctx, seq, q):
            heads = {np_head(ctx.sentence, i) for i in seq[j:end]}
            if len(heads) == 1:
                return [(end, before[0] + score, {**before[1], **binds})]
    return []


def _group_lead(lead: Sequence[Compiled], ctx: _Context, seq: Sequence[int], j: int
                ) -> tuple[int, Binds] | None:
    """(score, binds) when the leading items of a group match from seq[j] and end
    exactly at the end of seq."""
    if not lead:
        return (0, {}) if j == len(seq) else None
    for end, score, binds in _item_results(lead[0], ctx, seq, j):
        rest = _match_items(lead, 1, ctx, seq, end, False)
        if rest is not None and rest[0] == len(seq):
            return score + rest[1], {**binds, **rest[2]}
    return None


def _match_items(
    items: Sequence[Compiled], k: int, ctx: _Context, seq: Sequence[int], pos: int,
    adjacent: bool,
) -> Result | None:
    """Match items[k:] from seq[pos:] in order (gaps allowed unless ``adjacent``)."""
    if k == len(items):
        return pos, 0, {}
    item = items[k]
    starts = range(pos, min(pos + 1, len(seq))) if adjacent else range(pos, len(seq))
    for j in starts:
        if not _could_start(item, ctx, seq[j]):
            continue
        for end, score, binds in _item_results(item, ctx, seq, j):
            rest = _match_items(items, k + 1, ctx, seq, end, adjacent)
            if rest is not None:
                return rest[0], score + rest[1], {**binds, **rest[2]}
    if item[0] == SLOT and item[1] == SKIP:  # nothing to skip: the rest must match
        return _match_items(items, k + 1, ctx, seq, pos, adjacent)
    return None


# --- one predicate ---------------------------------------------------------------------


def _without_adverbs(tree: Tree, predicate: Predicate) -> tuple[int, ...]:
    """The predicate's ``before`` words less the verb's own adverbs ("*recently*
    allowed", "was *heavily and unjustly* criticized"); a negator ("not", "never") stays,
    it is what ``NOT *`` patterns match. The first word of a correlative coordination
    (``cc:preconj``: "*Neither* Galadriel nor Gollum boycotted") belongs to the subject,
    not the verb phrase."""
    verb = tree.word(predicate.verb)
    adverbs = {w.id for child in tree.children(verb, "advmod")
               if child.id < verb.id and child.lemma.lower() not in NEGATORS
               and child.text.lower() not in NEGATORS
               for w in tree.subtree(child)}
    return tuple(i for i in predicate.before
                 if i not in adverbs and tree.word(i).deprel != "cc:preconj")


def _without_clauses(tree: Tree, predicate: Predicate, after: tuple[int, ...]
                     ) -> tuple[int, ...]:
    """``after`` less the words of the verb's *that*-clauses (``ccomp``): "allowed that
    Mordor isn't *the neatest place* to visit" is not ALLOW `* {THE NEATEST PLACE}`."""
    clauses = {w.id for child in tree.children(tree.word(predicate.verb), "ccomp")
               for w in tree.subtree(child)}
    return tuple(i for i in after if i not in clauses) if clauses else after


def _try(before_items: tuple, after_items: tuple, ctx: _Context) -> tuple[int, Binds] | None:
    # a side with no items matches without its words being worked out
    before = _match_items(before_items, 0, ctx, ctx.before, 0, False) if before_items \
        else _NOTHING
    if before is None:
        return None
    found = _match_items(after_items, 0, ctx, ctx.after, 0, False) if after_items \
        else _NOTHING
    if found is None:
        return None
    return before[1] + found[1], {**before[2], **found[2]}


#: What an empty list of items matches (its bindings are only read).
_NOTHING: Result = (0, 0, {})


def _admissible(pattern: Pattern, predicate: Predicate, intent: bool = False) -> str | None:
    """Why the pattern cannot apply to this predicate (None: it can). A declared intent
    (``intent``) matches every pattern; its act code becomes an intent code later."""
    if pattern.negated != predicate.negated:
        return "predicate is negated" if predicate.negated else "pattern needs a negated verb"
    if predicate.irrealis and not predicate.negated:
        if not predicate.irrealis.startswith(INTENT_MOODS):
            return predicate.irrealis
        if not pattern.before and not intent:
            return f"{predicate.irrealis}: only patterns with items before * apply"
    return None


def _written_for(pattern: Pattern, verb_keys: set[str]) -> str | None:
    """Why a pattern written for other verbs of its block does not apply (None: it does)."""
    if not pattern.verbs or not verb_keys.isdisjoint(pattern.verbs):
        return None
    return f"pattern written for {', '.join(pattern.verbs)}"


def match_predicate(
    index: VerbIndex,
    tree: Tree,
    predicate: Predicate,
    actors: SentenceActors,
    *,
    explain: bool = False,
    adjacent_preps: bool = False,
    narrow: bool = False,
) -> VerbMatch | None:
    """Match the predicate's verb patterns; None when the verb is not in the dictionaries.
    ``adjacent_preps``: a word leading a ``(PREP ...)`` item must follow the preposition
    (PETRARCH's reading; by default it may come anywhere in the phrase).
    ``narrow``: PETRARCH's verb phrase, items before ``*`` do not match the verb's own
    adverbs ("RECENTLY *" does not match "recently allowed") and items after it do not
    match in its *that*-clauses."""
    vocabulary = tree.vocabulary
    entries, used = index.entries_for(tree, predicate)
    if not entries:
        return None
    intent = declares_intent(tree, predicate)
    verb_text, verb_keys = _verb_keys(tree, predicate, used)
    ctx: _Context | None = None
    best: tuple[int, Pattern, VerbEntry, Binds] | None = None
    attempts: list[Attempt] = []
    for entry_index in entries:
        entry = index.verbs[entry_index]
        compiled = index.compiled[entry_index]
        positions = range(len(compiled)) if explain else index.candidates(entry_index, vocabulary)
        for position in positions:
            pattern, before_items, after_items, anchors = compiled[position]
            why = _admissible(pattern, predicate, intent) or _written_for(pattern, verb_keys)
            if why is None and explain and not all(a & vocabulary for a in anchors):
                why = "a word of the pattern is not in the sentence"
            result = None
            if why is None:
                ctx = ctx or _Context(tree, predicate, actors.by_word, used,
                                      adjacent_preps=adjacent_preps, narrow=narrow)
                result = _try(before_items, after_items, ctx)
            if explain:
                attempts.append(Attempt(entry.name, pattern, result[0] if result else None,
                                        why or ("" if result else "items not found in order")))
            if result is not None and (best is None or result[0] > best[0] or (
                    result[0] == best[0] and entry is not best[2])):  # later block wins a tie
                best = (result[0], pattern, entry, result[1])
    found = _outcome(index, entries, predicate, verb_text, best, tuple(attempts), intent)
    return _as_intent(found, predicate) if intent else found


def _verb_keys(tree: Tree, predicate: Predicate, used: tuple[int, ...]) -> tuple[str, set[str]]:
    """The verb as its entry names it ("pull out") and the keys a pattern's ``verbs``
    may name it by (its lemma or its form, with the words it uses)."""
    if not used:  # the usual case: one word
        return predicate.lemma, {predicate.lemma, tree.texts[predicate.verb]}
    rest = [tree.lemmas[i] for i in used]
    verb_text = " ".join([predicate.lemma, *rest])
    return verb_text, {verb_text, " ".join([tree.texts[predicate.verb], *rest])}


def _as_intent(found: VerbMatch, predicate: Predicate) -> VerbMatch:
    """A declared intent's act code as its intent or threat code (eventcoder.intent);
    a pattern with items before ``*`` ("WILL * +") keeps the code it was written with."""
    if found.reason is not None or is_block(found.code, found.reverse_code):
        return found
    if found.pattern is not None and found.pattern.before:
        return found
    code = intent_code(found.code)
    if code is None:
        return attrs.evolve(found, code=None, reverse_code=None,
                            reason=f"{predicate.irrealis}: no intent code for {found.code}")
    return attrs.evolve(found, code=code, reverse_code=None)


def _outcome(
    index: VerbIndex,
    entries: Sequence[int],
    predicate: Predicate,
    verb_text: str,
    best: tuple[int, Pattern, VerbEntry, Binds] | None,
    attempts: tuple[Attempt, ...],
    intent: bool = False,
) -> VerbMatch:
    if best is not None:
        _, pattern, entry, binds = best
        reason = "blocked by pattern ---" if is_block(pattern.code, pattern.reverse_code) else None
        light = index.coded.isdisjoint(entries)
        return VerbMatch(entry, verb_text, pattern, pattern.code, pattern.reverse_code,
                         binds.get("source"), binds.get("target"), reason, attempts, light,
                         pattern.target or entry.target)
    entry = index.verbs[entries[0]]
    # the default code of the last block (the latest layer) that has one
    coded = [i for i in entries if i in index.coded]
    coding = index.verbs[coded[-1]] if coded else None
    code = coding.code if coding is not None else None
    if predicate.irrealis and not intent:
        return VerbMatch(entry, verb_text, None, None, None, None, None,
                         predicate.irrealis, attempts)
    if code is None or is_block(code, None):
        return VerbMatch(entry, verb_text, None, None, None, None, None,
                         "the verb has no default code and no pattern matched", attempts)
    # the entry whose default code applies (explain and the event's provenance name it)
    return VerbMatch(coding or entry, verb_text, None, code, None, None, None, None, attempts,
                     implied_target=coding.target if coding is not None else None)
