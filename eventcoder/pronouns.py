"""Pronoun resolution: "they", "it", "its", "he" ... to the nearest compatible actor.

The rule (docs/algorithm.md): a pronoun takes the codes of a compatible coded mention
before it in the same sentence; failing that, in the previous sentences of the
document (up to :data:`LOOKBACK` sentences back, nearest sentence first). Within a
sentence a subject is preferred, then the mention nearest before the pronoun. Compatibility:

- ``he``, ``him``, ``his``, ``she``, ``her``: a person (named-entity type PERSON, or a
  phrase with a title);
- ``it``, ``its``: a singular non-person (a state, an organisation);
- ``they``, ``them``, ``their``: a plural phrase ("rebels") or a non-person group.

An expletive "it" refers to nothing and is never resolved: a dependent ``expl``, and
the subject of a raising verb, "it seems", "it appears" (also as a parenthetical,
"Arnor is about to restore, it seems, ties with Gondor").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventcoder.model import Word

if TYPE_CHECKING:
    from eventcoder.actors import Mention

__all__ = [
    "LOOKBACK", "PRONOUNS", "RAISING_VERBS", "Antecedents", "compatible", "is_expletive",
    "resolve_pronoun",
]

PERSON, THING, GROUP = "person", "thing", "group"
#: Pronoun forms (lower case) and the kind of antecedent they take.
PRONOUNS: dict[str, str] = {
    "he": PERSON, "him": PERSON, "his": PERSON, "she": PERSON, "her": PERSON,
    "it": THING, "its": THING,
    "they": GROUP, "them": GROUP, "their": GROUP,
}
#: Verbs whose subject "it" is an expletive ("it seems", "it appears").
RAISING_VERBS = frozenset({"seem", "appear"})
#: How many earlier sentences are searched.
LOOKBACK = 2
#: Mentions of earlier sentences, oldest first; each item holds one sentence's mentions
#: and the head ids of its subjects.
Antecedents = Sequence[tuple[Sequence["Mention"], frozenset[int]]]


def is_expletive(word: Word, head: Word | None) -> bool:
    """Is this "it" an expletive ("it seems", an ``expl`` dependent)? ``head`` is the
    word it depends on (None at the root)."""
    if word.text.lower() != "it":
        return False
    if word.deprel.startswith("expl"):
        return True
    return (word.deprel.startswith("nsubj") and head is not None
            and head.lemma.lower() in RAISING_VERBS)


def compatible(kind: str, mention: Mention) -> bool:
    """Can a pronoun of this kind refer to the mention?"""
    if not mention.codes:
        return False
    if kind == PERSON:
        return mention.person
    if kind == THING:
        return not mention.person and not mention.plural
    return mention.plural or not mention.person


def resolve_pronoun(
    word: Word,
    same_sentence: Sequence[Mention],
    subjects: frozenset[int],
    earlier: Antecedents,
) -> Mention | None:
    """The mention the pronoun refers to, or None when none is compatible.

    ``subjects`` are the head ids of the current sentence's subjects (preferred).
    """
    kind = PRONOUNS.get(word.text.lower())
    if kind is None:
        return None
    searched = [*list(earlier)[-LOOKBACK:], (same_sentence, subjects)][::-1]
    for mentions, heads in searched:
        ranked = sorted(mentions, key=lambda m: (m.head in heads, m.end), reverse=True)
        for mention in ranked:
            if compatible(kind, mention):
                return mention
    return None
