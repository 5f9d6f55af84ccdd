"""Lemma candidates for verbs a lemmatizer got wrong (docs/algorithm.md).

Lemmatizers guess the lemma of a rare verb from its suffix, and sometimes guess wrong:
spaCy lemmatizes "cordoned" as *cordone*. When a verb's lemma (and its form) has no verb
dictionary entry, the lemmas its form could have by the regular English inflections
("-ed", "-d", "-ing", "-es", "-s", "-ied") are tried in turn, and the first one the
dictionary knows is used instead. A doubled final consonant ("regretted") is not undone:
lemmatizers get those right, and files whose lemma is the bare stem ("regrett") expect the
verb to stay unknown.
"""

from __future__ import annotations

from collections.abc import Container

import attrs

from eventcoder.predicates import Predicate

__all__ = ["form_lemmas", "with_known_lemma"]

#: (suffix, replacement) of the regular inflections, longest suffixes first.
_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
    ("es", ""), ("s", ""),
)

#: The shortest lemma a form may be reduced to.
_MIN_LENGTH = 3


def form_lemmas(form: str) -> tuple[str, ...]:
    """The lemmas a lower-case verb form could have by a regular inflection, in order:
    "cordoned" -> ("cordon", "cordone"), "allied" -> ("ally", "alli", "allie")."""
    found: list[str] = []
    for suffix, replacement in _INFLECTIONS:
        if form.endswith(suffix):
            lemma = form[: -len(suffix)] + replacement
            if len(lemma) >= _MIN_LENGTH and lemma not in found:
                found.append(lemma)
    return tuple(found)


def with_known_lemma(predicate: Predicate, form: str, known: Container[str]) -> Predicate:
    """The predicate with a lemma the verb dictionary knows, when its own lemma and its
    form are unknown and a regular inflection of the form gives one (the predicate
    itself otherwise)."""
    form = form.lower()
    if predicate.lemma in known or form in known:
        return predicate
    lemma = next((c for c in form_lemmas(form) if c in known), None)
    return predicate if lemma is None else attrs.evolve(predicate, lemma=lemma)
