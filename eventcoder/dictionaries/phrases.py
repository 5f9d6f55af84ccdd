"""Normalising names and phrases for matching: the one definition the loader's checks,
``dictionaries lookup`` and the coder's phrase matcher all use.

``normalise_phrase("Bashar al-Assad's")`` gives ``("bashar", "al", "assad")``:

- accents are removed and case is folded (``Côte`` -> ``cote``);
- a possessive ending is dropped (``Assad's``, ``rebels'``, and a separate ``'s`` token);
- apostrophes and full stops inside a word are dropped (``U.S.`` -> ``us``, ``d'Ivoire``
  -> ``divoire``);
- any other character that is not a letter or digit separates words (``al-Assad`` ->
  ``al assad``);
- a plural ending is reduced (``rebels`` -> ``rebel``, ``militias`` -> ``militia``,
  ``casualties`` -> ``casualty``) by the small rule in :func:`singular`.

The same function is applied to dictionary aliases and to text, so a rule that
occasionally produces a non-word (``buses`` -> ``buse``) still matches consistently.
What matters is that two different names never meet: ``-as`` is not a plural ending
(``Hamas`` is not ``Hama``, ``Abbas``, ``Texas``, ``Thomas``, ``Christmas``), except in
``-ias``, ``-llas`` and ``-istas`` (``militias``, ``guerrillas``, ``Sandinistas``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["NORMALISER_VERSION", "normalise_phrase", "phrase_key", "singular", "written_tokens"]

#: Changes whenever the normalisation does: compiled dictionary caches include it.
NORMALISER_VERSION = "2"

_APOSTROPHES = "'’‘`´"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s?$")
_JOINERS = re.compile(rf"[{_APOSTROPHES}.]")
_SEPARATORS = re.compile(r"[^\w'’‘`´.]+|_")
#: Endings that look plural but are not (``Damascus``, ``Paris``, ``glass``, ``news``,
#: ``Hamas``, ``Abbas``, ``Texas``).
_NOT_PLURAL = ("ss", "us", "is", "ews", "ous", "as")
#: ... except these, plurals of nouns in ``-a`` (``militias``, ``guerrillas``, ``Sandinistas``).
_PLURAL_AS = ("ias", "llas", "istas")
_ES_AFTER = ("ches", "shes", "sses", "xes", "zes")


def singular(token: str) -> str:
    """A crude, deterministic singular: enough to make ``rebels`` match ``rebel``."""
    if len(token) <= 3 or not token.endswith("s"):
        return token
    if token.endswith(_NOT_PLURAL) and not token.endswith(_PLURAL_AS):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(_ES_AFTER):
        return token[:-2]
    return token[:-1]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _token(raw: str) -> str:
    return singular(_JOINERS.sub("", _POSSESSIVE.sub("", raw)))


def normalise_phrase(text: str) -> tuple[str, ...]:
    """The tokens a name or phrase is matched on (see the module docstring)."""
    tokens = (_token(raw) for raw in _SEPARATORS.split(_fold(text)))
    return tuple(token for token in tokens if token)


def written_tokens(text: str) -> tuple[str, ...]:
    """The tokens of :func:`normalise_phrase` before plural endings are reduced: they
    tell "polices" from "police", which normalise alike."""
    tokens = (_JOINERS.sub("", _POSSESSIVE.sub("", raw)) for raw in _SEPARATORS.split(_fold(text)))
    return tuple(token for token in tokens if token)


def phrase_key(text: str) -> str:
    """The normalised phrase as one string (for dictionary keys and messages)."""
    return " ".join(normalise_phrase(text))
