"""A compact view of one sentence's tree, built once and shared by the coding stages.

:class:`Tree` answers the questions :class:`~eventcoder.model.Sentence` answers
(``word``, ``head_of``, ``children``, ``subtree``, ``span_text``) from child lists and an
index of dependents by relation, lower-case lemmas and forms computed once, and memoises
the answers that are asked again and again (subtrees, the case word of a phrase).
Actors, predicates, patterns and assembly of one sentence all read the same Tree; it is
local to that sentence.
"""

from __future__ import annotations

from operator import attrgetter

from eventcoder.model import Sentence, Word

__all__ = ["Tree", "as_tree"]

_NO_WORDS: list[Word] = []
_LEMMA = attrgetter("lemma")
_TEXT = attrgetter("text")


class Tree:
    """Cached child lists, subtrees and lower-case words of one sentence.

    Lists it returns are shared between calls: callers must not change them.
    """

    __slots__ = ("_by_rel", "_cases", "_ids", "_kids", "_subjects", "_subtrees",
                 "_vocabulary", "doc_id", "index", "lemmas", "memo", "sentence", "text", "texts",
                 "words")

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.doc_id = sentence.doc_id
        self.index = sentence.index
        self.text = sentence.text
        words = self.words = sentence.words
        #: Lower-case lemmas and forms by word id (index 0 is the root, "").
        # (map over attrgetters: the per-word work runs at C speed)
        self.lemmas = ("", *map(str.lower, map(_LEMMA, words)))
        self.texts = ("", *map(str.lower, map(_TEXT, words)))
        self._kids, self._by_rel = _index(words)
        self._cases: dict[int, str | None] = {}
        #: Answers of pure functions of this sentence, by a key their module chooses.
        self.memo: dict[object, object] = {}
        self._ids: dict[int, list[int]] = {}
        self._subtrees: dict[int, list[Word]] = {}
        self._vocabulary: frozenset[str] | None = None
        self._subjects: frozenset[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def word(self, word_id: int) -> Word:
        return self.words[word_id - 1]

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every lower-case lemma and form of the sentence."""
        if self._vocabulary is None:
            self._vocabulary = frozenset((*self.lemmas, *self.texts))
        return self._vocabulary

    @property
    def subjects(self) -> frozenset[int]:
        """Head ids of the sentence's subjects (``nsubj`` and its subtypes)."""
        if self._subjects is None:
            self._subjects = frozenset(
                w.id for w in self.words if w.deprel.startswith("nsubj"))
        return self._subjects

    def span_text(self, first: int, last: int) -> str:
        if first == last:  # one word: its text
            return self.words[first - 1].text
        return self.sentence.span_text(first, last)

    def head_of(self, word: Word) -> Word | None:
        return self.words[word.head - 1] if word.head else None

    def children(self, word: Word | int, *deprels: str) -> list[Word]:
        """Dependents in order; a bare relation (``obl``) also matches its subtypes."""
        ident = word if isinstance(word, int) else word.id
        if len(deprels) == 1:
            return self._by_rel.get((ident, deprels[0]), _NO_WORDS)
        if not deprels:
            return self._kids[ident]
        by_rel = self._by_rel
        found = [kids for rel in deprels if (kids := by_rel.get((ident, rel)))]
        if len(found) < 2:  # (most often) no list to merge
            return found[0] if found else _NO_WORDS
        merged = {w.id: w for kids in found for w in kids}  # "obl:agent" is also an "obl"
        return [merged[i] for i in sorted(merged)]

    def case(self, word: Word | int) -> str | None:
        """The lower-case lemma of the phrase's first ``case`` word (or ADP/SCONJ
        ``mark``): "by" for "by Russia"; None when it has none."""
        ident = word if isinstance(word, int) else word.id
        cases = self._cases
        if ident in cases:
            return cases[ident]
        # Worked out on demand: far fewer phrases are asked about than there are words.
        by_rel = self._by_rel
        found = [w.id for w in by_rel.get((ident, "case"), _NO_WORDS) if w.deprel == "case"]
        found += [w.id for w in by_rel.get((ident, "mark"), _NO_WORDS)
                  if w.deprel == "mark" and w.upos in ("ADP", "SCONJ")]
        case = cases[ident] = self.lemmas[min(found)] if found else None
        return case

    def subtree_ids(self, word: Word | int) -> list[int]:
        """The ids of the word and everything below it, in sentence order."""
        ident = word if isinstance(word, int) else word.id
        found = self._ids.get(ident)
        if found is None:
            kids = self._kids
            found = [ident]
            if kids[ident]:
                stack = [ident]
                while stack:
                    for kid in kids[stack.pop()]:
                        found.append(kid.id)
                        stack.append(kid.id)
                found.sort()
            self._ids[ident] = found
        return found

    def subtree(self, word: Word | int) -> list[Word]:
        """The word and everything below it, in sentence order."""
        ident = word if isinstance(word, int) else word.id
        found = self._subtrees.get(ident)
        if found is None:
            words = self.words
            found = [words[i - 1] for i in self.subtree_ids(ident)]
            self._subtrees[ident] = found
        return found


def _index(words: tuple[Word, ...]
           ) -> tuple[list[list[Word]], dict[tuple[int, str], list[Word]]]:
    """In one pass over the words: the dependents of each word id, and the dependents by
    (head id, relation or bare relation)."""
    kids: list[list[Word]] = [[] for _ in range(len(words) + 1)]
    rels: dict[tuple[int, str], list[Word]] = {}
    get = rels.get
    for word in words:
        head = word.head
        kids[head].append(word)
        rel = word.deprel
        key = (head, rel)
        found = get(key)
        if found is None:
            rels[key] = [word]
        else:
            found.append(word)
        if ":" in rel:  # "obl:agent" is also an "obl"
            key = (head, rel.partition(":")[0])
            found = get(key)
            if found is None:
                rels[key] = [word]
            else:
                found.append(word)
    return kids, rels


def as_tree(sentence: Sentence | Tree) -> Tree:
    """The sentence's Tree (the Tree itself when given one)."""
    return sentence if isinstance(sentence, Tree) else Tree(sentence)
