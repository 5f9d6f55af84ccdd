"""Pronoun resolution: "they", "it", "its", "he" ... to the nearest compatible actor.

The rule (docs/algorithm.md): a pronoun takes the codes of a compatible coded mention
before it in the same sentence; failing that, in the previous sentences of the
document (up to :data:`LOOKBACK` sentences back, nearest sentence first). Within a
sentence a subject is preferred, then the mention nearest before the pronoun. Compatibility:

- ``he``, ``him``, ``his``, ``she``, ``her``: a person (named-entity type PERSON, or a
  phrase with a title);
- ``it``, ``its``: a singular non-person (a state, an organisation);
- ``they``, ``them``, ``their``: a plural phrase ("rebels") or a non-person group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventcoder.model import Word

if TYPE_CHECKING:
    from eventcoder.actors import Mention

__all__ = ["LOOKBACK", "PRONOUNS", "Antecedents", "compatible", "resolve_pronoun"]

PERSON, THING, GROUP = "person", "thing", "group"
#: Pronoun forms (lower case) and the kind of antecedent they take.
PRONOUNS: dict[str, str] = {
    "he": PERSON, "him": PERSON, "his": PERSON, "she": PERSON, "her": PERSON,
    "it": THING, "its": THING,
    "they": GROUP, "them": GROUP, "their": GROUP,
}
#: How many earlier sentences are searched.
LOOKBACK = 2
#: Mentions of earlier sentences, oldest first; each item holds one sentence's mentions
#: and the head ids of its subjects.
Antecedents = Sequence[tuple[Sequence["Mention"], frozenset[int]]]


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
