"""The document model: what every parser adapter produces and everything downstream reads.

Frozen, slotted attrs classes built once from a parser's output. Word ids are 1-based
as in CoNLL-U; ``head == 0`` marks the root. A :class:`Sentence` checks on creation that
its words form one tree and raises :class:`~eventcoder.errors.ParseTreeError` naming the
document, sentence and token when they do not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from eventcoder.errors import ParseTreeError

#: Named-entity tag of a word outside every entity (BIOES scheme, as stanza writes it).
NO_ENTITY = "O"


@attrs.frozen(weakref_slot=False)
class Word:
    """One syntactic word of a sentence (a CoNLL-U word line).

    Readers of large inputs build words with :func:`build_word` (same arguments, all
    positional), which is several times faster.
    """

    id: int
    text: str
    lemma: str
    upos: str
    head: int
    deprel: str
    xpos: str | None = None
    feats: str | None = None
    deps: str | None = None
    #: BIOES named-entity tag as stanza writes it (``B-ORG``, ``S-GPE``, ``O``).
    ner: str = NO_ENTITY
    start_char: int | None = None
    end_char: int | None = None
    #: MISC items other than ``ner``, ``start_char`` and ``end_char``, in file order.
    misc: tuple[tuple[str, str], ...] = ()

    @property
    def entity_type(self) -> str | None:
        """The entity label without its BIOES prefix (``ORG``), or None outside entities."""
        return None if self.ner == NO_ENTITY else self.ner.split("-", 1)[-1]

    @property
    def space_after(self) -> bool:
        """False when MISC says ``SpaceAfter=No``."""
        return ("SpaceAfter", "No") not in self.misc

    def feat(self, name: str) -> str | None:
        """The value of one morphological feature (``Number`` -> ``Plur``), or None."""
        if not self.feats:
            return None
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None

    @property
    def base_deprel(self) -> str:
        """The relation without its subtype (``obl:agent`` -> ``obl``)."""
        return self.deprel.split(":", 1)[0]


class _UnfrozenWord:
    """:class:`Word`'s slot layout without its frozen guard, to build words fast.

    ``_UnfrozenWord(...)`` fills the slots with plain stores and then turns itself into
    a Word (``__class__`` assignment, allowed between classes with the same slots): the
    result is an ordinary frozen Word, equal to ``Word(...)`` with the same arguments.
    attrs' frozen ``__init__`` instead calls ``object.__setattr__`` once per field,
    which makes it the largest single cost of reading CoNLL-U.
    """

    __slots__ = tuple(field.name for field in attrs.fields(Word))

    def __init__(
        self, id: int, text: str, lemma: str, upos: str, head: int, deprel: str,
        xpos: str | None, feats: str | None, deps: str | None, ner: str,
        start_char: int | None, end_char: int | None, misc: tuple[tuple[str, str], ...],
    ) -> None:
        self.id = id
        self.text = text
        self.lemma = lemma
        self.upos = upos
        self.head = head
        self.deprel = deprel
        self.xpos = xpos
        self.feats = feats
        self.deps = deps
        self.ner = ner
        self.start_char = start_char
        self.end_char = end_char
        self.misc = misc
        self.__class__ = Word  # type: ignore[assignment]


if TYPE_CHECKING:

    def build_word(
        id: int, text: str, lemma: str, upos: str, head: int, deprel: str,
        xpos: str | None, feats: str | None, deps: str | None, ner: str,
        start_char: int | None, end_char: int | None, misc: tuple[tuple[str, str], ...],
    ) -> Word:
        """``Word(...)`` with every field given positionally, several times faster."""

else:
    build_word = _UnfrozenWord  # the class itself: no extra call per word


@attrs.frozen
class MultiwordToken:
    """A CoNLL-U multiword token line (``3-4  don't``), kept for a lossless round trip."""

    first: int
    last: int
    text: str
    misc: tuple[tuple[str, str], ...] = ()


def _check_tree(doc_id: str, index: int, words: tuple[Word, ...]) -> None:
    """Raise ParseTreeError unless ``words`` are numbered 1..n and form one rooted tree."""
    where = f"document {doc_id!r}, sentence {index}"
    n = len(words)
    for position, word in enumerate(words, start=1):
        if word.id != position:
            raise ParseTreeError(f"{where}, token {word.text!r}: id {word.id}, expected {position}")
        if not 0 <= word.head <= n:
            raise ParseTreeError(
                f"{where}, token {word.id} {word.text!r}: head {word.head} is outside "
                f"the sentence (1..{n})"
            )
        if word.head == word.id:
            raise ParseTreeError(f"{where}, token {word.id} {word.text!r}: is its own head")
    roots = [w for w in words if w.head == 0]
    if n and not roots:
        raise ParseTreeError(f"{where}: no root (no token has head 0)")
    if len(roots) > 1:
        names = ", ".join(f"{w.id} {w.text!r}" for w in roots)
        raise ParseTreeError(f"{where}: {len(roots)} roots ({names})")
    _check_acyclic(where, words)


def _check_acyclic(where: str, words: tuple[Word, ...]) -> None:
    reaches_root = [False] * (len(words) + 1)
    reaches_root[0] = True
    for word in words:
        path: list[int] = []
        node = word.id
        while not reaches_root[node]:
            if node in path:
                bad = words[node - 1]
                raise ParseTreeError(
                    f"{where}, token {bad.id} {bad.text!r}: is in a cycle "
                    f"({' -> '.join(str(i) for i in [*path[path.index(node):], node])})"
                )
            path.append(node)
            node = words[node - 1].head
        for visited in path:
            reaches_root[visited] = True


def _words(items: Iterable[Word]) -> tuple[Word, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _multiword(items: Iterable[MultiwordToken]) -> tuple[MultiwordToken, ...]:
    return tuple(items)


def _sentences(items: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(items)


def _children_index(words: tuple[Word, ...]) -> tuple[tuple[int, ...], ...]:
    kids: list[list[int]] = [[] for _ in range(len(words) + 1)]
    for word in words:
        kids[word.head].append(word.id)
    return tuple(tuple(k) for k in kids)


def _checked_children(words: tuple[Word, ...]) -> tuple[tuple[int, ...], ...] | None:
    """The children index when ``words`` pass every check of :func:`_check_tree`, else None.

    The same checks on whole columns (the hot path of reading): ids 1..n, int heads in
    0..n and never the word itself, one root, and every word reachable from the root
    (each word has one head, so that is the same as: no cycle).
    """
    n = len(words)
    ids = [w.id for w in words]
    heads = [w.head for w in words]
    if n == 0 or ids != list(range(1, n + 1)) or set(map(type, heads)) != {int}:
        return None
    if min(heads) < 0 or max(heads) > n or heads.count(0) != 1:
        return None
    kids: list[list[int]] = [[] for _ in range(n + 1)]
    for ident, head in zip(ids, heads, strict=True):
        if head == ident:
            return None
        kids[head].append(ident)
    reached = 0
    frontier = kids[0]
    while frontier:
        reached += len(frontier)
        frontier = [child for node in frontier for child in kids[node]]
    if reached != n:
        return None
    return tuple(tuple(k) for k in kids)


@attrs.frozen
class Sentence:
    """A sentence: its words form one dependency tree (checked on creation)."""

    doc_id: str
    index: int
    text: str
    words: tuple[Word, ...] = attrs.field(converter=_words)
    sent_id: str | None = None
    #: Comment lines other than ``sent_id`` and ``text``, without the leading ``# ``.
    comments: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    multiword_tokens: tuple[MultiwordToken, ...] = attrs.field(
        default=(), converter=_multiword
    )
    _children: tuple[tuple[int, ...], ...] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        children = _checked_children(self.words)
        if children is None:  # not a tree (raises, naming the token), or unusual values
            _check_tree(self.doc_id, self.index, self.words)
            children = _children_index(self.words)
        object.__setattr__(self, "_children", children)

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words)

    def word(self, word_id: int) -> Word:
        """The word with this 1-based id."""
        return self.words[word_id - 1]

    @property
    def root(self) -> Word | None:
        """The root word, or None for an empty sentence."""
        top = self._children[0]
        return self.words[top[0] - 1] if top else None

    def head_of(self, word: Word) -> Word | None:
        """The word's head, or None for the root."""
        return self.words[word.head - 1] if word.head else None

    def children(self, word: Word | int, *deprels: str) -> tuple[Word, ...]:
        """Direct dependents in sentence order, optionally only those with these relations.

        A relation without a subtype (``obl``) also matches its subtypes (``obl:agent``).
        """
        ident = word if isinstance(word, int) else word.id
        words = self.words
        kids = tuple([words[i - 1] for i in self._children[ident]])
        if not deprels:
            return kids
        return tuple(
            [k for k in kids if k.deprel in deprels or k.deprel.split(":", 1)[0] in deprels]
        )

    def subtree(self, word: Word | int) -> tuple[Word, ...]:
        """The word and everything below it, in sentence order."""
        ident = word if isinstance(word, int) else word.id
        found = [ident]
        stack = list(self._children[ident])
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(self._children[node])
        return tuple(self.words[i - 1] for i in sorted(found))

    def span_text(self, first: int, last: int) -> str:
        """The text of words ``first..last`` (1-based, inclusive), spaced as in the source."""
        pieces: list[str] = []
        for word in self.words[first - 1 : last]:
            pieces.append(word.text)
            if word.id != last and word.space_after:
                pieces.append(" ")
        return "".join(pieces)

    def ancestors(self, word: Word) -> Iterator[Word]:
        """The word's head, its head's head, ... up to the root."""
        node = self.head_of(word)
        while node is not None:
            yield node
            node = self.head_of(node)


def _to_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@attrs.frozen
class Document:
    """A parsed document: id, date, text, sentences and untouched caller metadata."""

    id: str
    sentences: tuple[Sentence, ...] = attrs.field(default=(), converter=_sentences)
    text: str | None = None
    date: dt.date | None = attrs.field(default=None, converter=_to_date)
    metadata: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    def __len__(self) -> int:
        return len(self.sentences)


@attrs.frozen
class SourceText:
    """A text waiting to be parsed: what parser adapters take in."""

    id: str
    text: str
    date: dt.date | None = attrs.field(default=None, converter=_to_date)
    metadata: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
