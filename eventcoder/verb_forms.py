"""PETRARCH's written verb forms (docs/algorithm.md, "Written verb forms").

PETRARCH and TABARI look verbs up by their written form, not their lemma: a verb line
matches its own form, the irregular forms listed after it (``SAY {SAYS SAID}``,
:attr:`VerbEntry.forms`) and the regular forms generated from it: ``-S``, ``-D`` after
a final ``E`` or ``-ED`` otherwise, and ``-ING`` (a final ``E`` dropped). "Ethiopia
departes" is therefore no form of DEPART. Under ``Coder(pattern_scope="petrarch")`` a
verb whose written form is not one of its entry's forms is not looked up; the default
coder matches lemmas and ignores written forms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventcoder.dictionaries.schema import VerbEntry

__all__ = ["is_written_form", "regular_forms", "written_forms"]


def regular_forms(word: str) -> tuple[str, ...]:
    """PETRARCH's regular forms of a one-word verb: "depart" -> ("departs",
    "departed", "departing"), "agree" -> ("agrees", "agreed", "agreing")."""
    if word.endswith("e"):
        return word + "s", word + "d", word[:-1] + "ing"
    return word + "s", word + "ed", word + "ing"


def _head(phrase: str) -> str:
    return phrase.split()[0] if phrase.split() else ""


def written_forms(verbs: Sequence[VerbEntry]) -> dict[str, frozenset[str]]:
    """Head word of each lemma -> the written forms its entries give that word (the
    word, its regular forms and the first words of the entries' irregular forms)."""
    found: dict[str, set[str]] = {}
    for entry in verbs:
        irregular = {_head(form) for form in entry.forms} - {""}
        for lemma in entry.lemmas:
            head = _head(lemma)
            if head:
                found.setdefault(head, set()).update((head, *regular_forms(head)), irregular)
    return {head: frozenset(forms) for head, forms in found.items()}


def is_written_form(lemma: str, text: str, forms: Mapping[str, frozenset[str]],
                    known: Mapping[str, object]) -> bool:
    """True when the verb written ``text`` with ``lemma`` may be looked up by written
    form: ``text`` is itself a lemma, or one of the forms given for ``lemma``."""
    text = text.lower()
    return text in known or text in forms.get(lemma, frozenset())
