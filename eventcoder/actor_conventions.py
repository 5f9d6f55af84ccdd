"""Coding conventions for state actors described by a noun (gold/README "Coding
conventions used"), applied to a sentence's coded mentions after the phrase rules:

- a plural nationality noun standing alone is that country's civilians: "Israelis",
  "Syrians", "Palestinians" (ISR + CVL);
- a place-like military noun ("positions", "bases", "checkpoints", "outposts") with a
  state in front stands for the state's forces holding it: "Ukrainian positions" (UKR +
  MIL), "government positions" (SYRGOV -> SYRMIL); a non-state holder keeps its code
  ("rebel positions", "Hezbollah positions");
- a *former* state official or officer is an elite outside the government of the day:
  "a former Syrian intelligence colonel" (SYR + ELI);
- a state's *opposition* is its opposition: "Venezuela's opposition", "the Belarusian
  opposition" (VEN + OPP);
- a state's act named by a noun ("Russia's military intervention", "an Israeli drone
  attack") stands for the state when it is not the subject of a verb: what a government
  condemns, praises or complains about is the other state's act (RUS, ISR; gold d-057,
  d-089), while "A U.S. drone strike killed ..." keeps its military code.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventcoder.model import Sentence
from eventcoder.tree import Tree, as_tree

if TYPE_CHECKING:
    from eventcoder.actors import Mention

__all__ = ["ACT_NOUNS", "FORMER", "MILITARY_PLACES", "apply_conventions"]

#: Heads that name a military place held by a side.
MILITARY_PLACES = frozenset({"position", "positions", "base", "bases", "checkpoint",
                             "checkpoints", "outpost", "outposts", "post", "posts",
                             "barracks", "garrison", "garrisons", "airbase", "airbases",
                             "stronghold", "strongholds", "trench", "trenches"})
#: Nouns naming a state's (military) act.
ACT_NOUNS = frozenset({"intervention", "attack", "attacks", "strike", "strikes", "airstrike",
                       "airstrikes", "offensive", "operation", "operations", "campaign",
                       "raid", "raids", "incursion", "invasion", "bombing", "bombings",
                       "shelling", "bombardment", "involvement", "deployment", "aggression"})
#: Words that make an official a former one.
FORMER = frozenset({"former", "ex"})
#: A demonym in the plural: "Syrians", "Israelis", "Iraqis", "Afghans" (not "Philippines").
_PLURAL_DEMONYM = re.compile(r"[a-z](?:an|i)s$")
#: Roles of the state itself (its government and forces), which the conventions recode.
_STATE_ROLES = ("", "GOV", "MIL", "COP", "SPY")


def apply_conventions(sentence: Sentence | Tree, by_head: dict[int, Mention]) -> None:
    """Recode the mentions the conventions above apply to (in place)."""
    tree = as_tree(sentence)
    for head, mention in list(by_head.items()):
        country = mention.country
        if not country or len(country) != 3 or not mention.codes:
            continue
        if not all(c[:3] == country and c[3:] in _STATE_ROLES for c in mention.codes):
            continue
        found = _convention(tree, mention, country)
        if found is not None:
            code, why = found
            by_head[head] = mention.replace(codes=(code,), note=why)


def _convention(sentence: Tree, mention: Mention, country: str) -> tuple[str, str] | None:
    head = mention.head
    word = sentence.words[head - 1]
    lemma, text = sentence.lemmas[head], sentence.texts[head]  # lower-case
    if (mention.kind == "actor" and mention.start == mention.end
            and _PLURAL_DEMONYM.search(text) and word.text[:1].isupper()):
        return country + "CVL", "a plural nationality noun stands for civilians"
    if mention.kind == "actor":
        return None
    if lemma in MILITARY_PLACES or text in MILITARY_PLACES:
        return country + "MIL", "a state's military place stands for its forces"
    if lemma == "opposition":
        return country + "OPP", "a state's opposition"
    if ((lemma in ACT_NOUNS or text in ACT_NOUNS)
            and not word.deprel.startswith("nsubj") and mention.codes != (country,)):
        return country, "a state's act named by a noun (not a subject) stands for the state"
    span = [*range(mention.start, mention.end + 1),
            *(w.id for w in sentence.children(head, "amod"))]  # "a *former* Syrian colonel"
    lemmas, texts = sentence.lemmas, sentence.texts
    if any(lemmas[i] in FORMER or texts[i].startswith("ex-") for i in span):
        return country + "ELI", "a former official is an elite outside the government"
    return None
