"""Noun phrases in a dependency tree: the head a word's phrase climbs to, its span, its
conjuncts (the phrases actor mentions are attached to)."""

from __future__ import annotations

from eventcoder.model import Sentence, Word
from eventcoder.tree import Tree

__all__ = ["conjunct_ids", "np_head", "np_span", "span_head"]

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


def np_head(sentence: Sentence | Tree, word_id: int) -> int:
    """The head of the noun phrase a word belongs to (climbing NP-internal relations,
    and conjuncts of NP-internal words: "Syrian and Russian" in "Syrian and Russian jets")."""
    words = sentence.words
    word = words[word_id - 1]
    while word.head:
        rel = word.deprel
        if rel not in NP_INTERNAL and rel != "conj" and rel not in HYPHEN_MODIFIERS:
            break  # most words: no relation below can climb (tested first, it is cheap)
        parent = words[word.head - 1]
        if parent.deprel in ("amod", "acl") and parent.lemma.lower() in SPONSOR_WORDS:
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


def span_head(words: tuple[Word, ...], first: int, last: int) -> int:
    """The rightmost word of ``first..last`` (ids) whose head lies outside the span."""
    head = last
    for ident in range(first, last + 1):
        parent = words[ident - 1].head
        if parent < first or parent > last:
            head = ident
    return head
