"""Relations between the mentions of a sentence: an agent takes its code from the state
of its of/in/from phrase, from the actor it is allied with, from a conjunct or from an
apposition; armed men a sponsor backs are rebels."""

from __future__ import annotations

from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

from eventcoder.actor_phrases import combine_role
from eventcoder.model import Word
from eventcoder.noun_phrases import SPONSOR_WORDS, conjunct_ids, np_span
from eventcoder.role_stacking import stack_role
from eventcoder.tree import Tree

if TYPE_CHECKING:  # eventcoder.actors imports this module: no import cycle at run time
    from eventcoder.actors import ActorLexicon, Mention

__all__ = ["agents_of_states", "allegiances", "lend_appositions", "share_modifiers",
           "sponsored_proxies"]

_DEPREL = attrgetter("deprel")

#: Prepositions that attach a state to an agent after it: "lawmakers *in* Arnor",
#: "soldiers *from* Gondor", "the government *of* Gondor".
AGENT_OF_PREPS = frozenset({"of", "in", "from"})


def agents_of_states(sentence: Tree, by_head: dict[int, Mention],
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
        by_head[word.id] = own.replace(
            codes=codes, kind="combined", country=states[0].country,
            entry=f"{own.entry} of {' and '.join(m.text for m in states)}",
            note="combined with the state of its of/in/from phrase",
        )


#: "fighters *allied with* X", "militias *loyal to* X", "gunmen *aligned with* X".
ALLEGIANCE_WORDS = frozenset({"ally", "allied", "align", "aligned", "loyal", "affiliate",
                              "affiliated"})
#: Roles of armed men: allied with a state, they are its forces (gold/README: after
#: 2024-12-08 "their forces and allied fighters are SYR_MIL"; "pro-government militias").
ARMED_ROLES = frozenset({"~MIL", "~UAF", "~REB", "~INS"})


def allegiances(sentence: Tree, by_head: dict[int, Mention],
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
        by_head[word.id] = own.replace(
            codes=codes, kind="combined", country=ally.country if ally.combinable else None,
            entry=f"{own.entry} allied with {ally.text}",
            note=f"takes the code of the actor it is allied with: {ally.text!r}",
            antecedent=(ally.head, 0),  # "allied with X" itself is no event between them
        )


def sponsored_proxies(sentence: Tree, by_head: dict[int, Mention]) -> None:
    """"Turkish-backed Syrian fighters", "U.S.-backed forces in Syria": armed men backed
    by a foreign sponsor are rebels of their own (or the context's) country, not its
    army (gold: the Turkish-backed Syrian National Army is SYR_REB)."""
    if SPONSOR_WORDS.isdisjoint(sentence.lemmas) and SPONSOR_WORDS.isdisjoint(sentence.texts):
        return  # no word of backing: the usual case
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
        by_head[head] = mention.replace(
            codes=tuple(dict.fromkeys(c[:3] + "REB" for c in codes)),
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


def share_modifiers(sentence: Tree, by_head: dict[int, Mention],
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
        by_head[word.id] = own.replace(
            codes=codes, kind="combined", country=first.country,
            entry=f"{first.entry} (shared) / {own.entry}",
            note=f"shares the state of {first.text!r}",
        )


def lend_appositions(sentence: Tree, by_head: dict[int, Mention]) -> None:
    words = sentence.words
    if all(words[head - 1].deprel != "appos" for head in by_head):
        return  # only a mention that is an apposition lends (most sentences have none)
    # The appositions, filtered at C speed (map/compress): few sentences have one.
    for word in compress(words, map("appos".__eq__, map(_DEPREL, words))):
        if word.id not in by_head:
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
            by_head[word.head] = lender.replace(
                head=word.head,
                start=first,
                end=last,
                text=sentence.span_text(first, last),
                codes=codes,
                kind="apposition",
                note=f"coded by its apposition {lender.text!r}",
            )
