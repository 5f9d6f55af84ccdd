"""Universal Dependencies v1 -> v2 normalisation.

Older parsers (UDPipe 1.x, the parses in the UniversalPetrarch validation files, early
stanza and CoreNLP models) write UD v1 relation names. Everything downstream of the
reader speaks UD v2, so parses are normalised once, on the way in.

Two kinds of change:

* **Renames** that need no context: :data:`V1_TO_V2` (``dobj`` -> ``obj``,
  ``nsubjpass`` -> ``nsubj:pass``, ``name`` -> ``flat``, ...).
* **Context rules** that look at the head or the word itself:

  - ``nmod`` (and ``nmod:tmod``, ``nmod:npmod`` and other ``nmod:X`` except
    ``nmod:poss``) whose head is *not nominal* (its UPOS is not in
    :data:`NOMINAL_UPOS`, i.e. a verb, adjective, adverb, ...) becomes ``obl``
    (``obl:tmod``, ``obl:npmod``, ``obl:X``). Under a noun, proper noun, pronoun or
    number it stays ``nmod``: "the president *of France*" keeps ``nmod``. This is the
    rule of the reference converter (udapi ``ud.Convert1to2``: "nmod -> obl if parent
    is not nominal"); it does not need a ``case`` child, so bare temporal modifiers
    of verbs ("said *Wednesday*", ``nmod:tmod``) become ``obl:tmod`` too.
  - ``nmod:agent`` always becomes ``obl:agent`` (agents only attach to verbs).
  - ``neg`` becomes ``det`` on a determiner ("*no* weapons") and ``advmod`` otherwise
    ("did *not* attack"). The negation is kept as the feature ``Polarity=Neg``: an
    existing ``Polarity`` feature is left alone, a missing one is added (features stay
    in UD's alphabetical order), so the coder can still tell negation from other
    adverbs.
  - UPOS ``CONJ`` becomes ``CCONJ``; a word with UPOS ``VERB`` attached as ``aux``,
    ``aux:pass`` or ``cop`` becomes ``AUX`` (v2 reserves those relations for AUX).

UD v2 input passes unchanged: none of the v1 names occur in it, v2 has no ``nmod``
under non-nominal heads, ``CONJ`` is gone and ``aux``/``cop`` words are already AUX.
Normalising twice gives the same result as normalising once.

The column-level function :func:`normalise_columns` works on plain lists so that the
CoNLL-U reader and the spaCy adapter can use it before building :class:`Word` objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from operator import eq
from types import MappingProxyType

import attrs

from eventcoder.model import Sentence, Word

#: Context-free renames of UD v1 relations (base relation -> v2 relation).
V1_TO_V2: MappingProxyType[str, str] = MappingProxyType(
    {
        "dobj": "obj",
        "nsubjpass": "nsubj:pass",
        "csubjpass": "csubj:pass",
        "auxpass": "aux:pass",
        "name": "flat",
        "mwe": "fixed",
        "remnant": "orphan",
        "foreign": "flat:foreign",
        "nmod:agent": "obl:agent",
    }
)

#: UPOS tags of nominal heads: ``nmod`` under these stays ``nmod``.
NOMINAL_UPOS: frozenset[str] = frozenset({"NOUN", "PROPN", "PRON", "NUM", "SYM", "X"})

#: Relations that v2 reserves for words tagged AUX.
AUX_RELATIONS: frozenset[str] = frozenset({"aux", "aux:pass", "cop"})

#: v1 relation names that a fully normalised parse never contains.
V1_ONLY_RELATIONS: frozenset[str] = frozenset(
    {"dobj", "nsubjpass", "csubjpass", "auxpass", "name", "mwe", "remnant", "foreign", "neg"}
)


def normalise_deprel(
    deprel: str, *, head_upos: str | None = None, upos: str | None = None
) -> str:
    """The UD v2 name of ``deprel``.

    ``head_upos`` (the UPOS of the word's head, None for the root or when unknown)
    decides ``nmod`` vs ``obl``; ``upos`` (the word's own UPOS) decides whether ``neg``
    becomes ``det`` or ``advmod``. Without them only the context-free renames apply
    (and ``neg`` becomes ``advmod``).
    """
    renamed = V1_TO_V2.get(deprel)
    if renamed is not None:
        return renamed
    base, colon, subtype = deprel.partition(":")
    if base == "nmod":
        if subtype == "poss" or head_upos is None or head_upos in NOMINAL_UPOS:
            return deprel
        return "obl" + colon + subtype
    if base == "neg":
        return "det" if upos == "DET" else "advmod"
    renamed = V1_TO_V2.get(base)
    if renamed is not None and ":" not in renamed:
        return renamed + colon + subtype
    return deprel


def _add_feature(feats: str | None, name: str, value: str) -> str:
    """``feats`` with ``name=value`` added (unless ``name`` is present), sorted as in UD."""
    if not feats:
        return f"{name}={value}"
    items = feats.split("|")
    if any(item.partition("=")[0] == name for item in items):
        return feats
    items.append(f"{name}={value}")
    items.sort(key=str.lower)
    return "|".join(items)


def normalise_columns(
    upos: list[str], feats: list[str | None], heads: Sequence[int], deprels: list[str]
) -> bool:
    """Normalise one sentence given as parallel columns, in place; True if anything changed.

    ``heads`` are 1-based (0 = root) as in CoNLL-U. ``upos``, ``feats`` and
    ``deprels`` are rewritten in place.
    """
    if _already_v2(upos, heads, deprels):
        return False
    changed = False
    n = len(deprels)
    for i, deprel in enumerate(deprels):
        if upos[i] == "CONJ":
            upos[i] = "CCONJ"
            changed = True
        head = heads[i]
        new = normalise_deprel(
            deprel, head_upos=upos[head - 1] if 0 < head <= n else None, upos=upos[i]
        )
        if new != deprel:
            deprels[i] = new
            changed = True
            if deprel == "neg":
                feats[i] = _add_feature(feats[i], "Polarity", "Neg")
        if upos[i] == "VERB" and new in AUX_RELATIONS:
            upos[i] = "AUX"
            changed = True
    return changed


#: Base relations that :func:`normalise_deprel` may rewrite (some only in context).
_REWRITTEN_BASES: frozenset[str] = frozenset(
    {"nmod", "neg"} | {key.partition(":")[0] for key in V1_TO_V2}
)


#: UD v2 relations that :func:`normalise_deprel` never rewrites, whatever the context
#: (so :func:`_already_v2` need not look at them one by one).
_PLAIN_V2: frozenset[str] = frozenset({
    "acl", "acl:relcl", "advcl", "advmod", "amod", "appos", "aux", "aux:pass", "case", "cc",
    "cc:preconj", "ccomp", "clf", "compound", "compound:prt", "conj", "cop", "csubj",
    "csubj:pass", "dep", "det", "det:poss", "det:predet", "discourse", "dislocated", "expl",
    "fixed", "flat", "flat:foreign", "goeswith", "iobj", "list", "mark", "nmod:poss",
    "nsubj", "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:npmod", "obl:tmod",
    "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp",
})


def _already_v2(upos: list[str], heads: Sequence[int], deprels: list[str]) -> bool:
    """True when :func:`normalise_columns` would change nothing (a quick, conservative test:
    False means "maybe")."""
    if "CONJ" in upos:
        return False
    labels = set(deprels)
    if "VERB" in upos and not labels.isdisjoint(AUX_RELATIONS) and not AUX_RELATIONS.isdisjoint(
        compress(deprels, map(eq, upos, repeat("VERB")))
    ):
        return False
    nmod: set[str] = set()
    for label in labels.difference(_PLAIN_V2):
        base = label.partition(":")[0]
        if label in V1_TO_V2:
            return False
        if base == "nmod":
            nmod.add(label)
        elif base in _REWRITTEN_BASES:
            return False
    if not nmod:
        return True
    n = len(deprels)
    for i, deprel in enumerate(deprels):  # nmod stays nmod under a nominal head (or root)
        if deprel in nmod:
            head = heads[i]
            if 0 < head <= n and upos[head - 1] not in NOMINAL_UPOS:
                return False
    return True


def normalise_words(words: Sequence[Word]) -> tuple[Word, ...]:
    """The words with UD v1 relations, UPOS and negation rewritten to UD v2.

    Words that need no change are returned as they are (same objects).
    """
    upos = [w.upos for w in words]
    feats = [w.feats for w in words]
    deprels = [w.deprel for w in words]
    if not normalise_columns(upos, feats, [w.head for w in words], deprels):
        return tuple(words)
    return tuple(
        w
        if (w.upos, w.feats, w.deprel) == (upos[i], feats[i], deprels[i])
        else attrs.evolve(w, upos=upos[i], feats=feats[i], deprel=deprels[i])
        for i, w in enumerate(words)
    )


def normalise_sentence(sentence: Sentence) -> Sentence:
    """The sentence with its words normalised to UD v2 (the same object if unchanged)."""
    words = normalise_words(sentence.words)
    if all(a is b for a, b in zip(words, sentence.words, strict=True)):
        return sentence
    return attrs.evolve(sentence, words=words)


def is_v2(words: Sequence[Word]) -> bool:
    """True when no word carries a UD v1-only relation or the v1 UPOS ``CONJ``."""
    return not any(
        w.base_deprel in V1_ONLY_RELATIONS or w.deprel == "nmod:agent" or w.upos == "CONJ"
        for w in words
    )
