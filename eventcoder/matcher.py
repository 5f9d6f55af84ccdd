"""A token-trie phrase matcher: the one engine behind actor, agent, title, discard and
issue look-ups.

Phrases are tuples of normalised tokens (:func:`eventcoder.dictionaries.phrases.normalise_phrase`),
so matching is case-, punctuation-, plural- and possessive-insensitive and agrees with
dictionary look-ups. The trie is nested plain dicts (cheap to pickle, fast to walk);
the payloads stored at a phrase's end are kept in insertion order.

A sentence is turned into tokens word by word (:meth:`PhraseMatcher.word_tokens`);
a match always starts and ends at a word boundary or a hyphen, so "Iran" never matches
inside "Iranian" but does in "Iran-backed".
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from itertools import compress
from operator import and_

from eventcoder.dictionaries.phrases import normalise_phrase

__all__ = ["Match", "PhraseMatcher", "WordTokens"]

#: A match: first and last word index (0-based, inclusive) and the payloads of the phrase.
Match = tuple[int, int, tuple[Hashable, ...]]
#: Flat tokens of a sentence, the index of the word each came from, and whether a phrase
#: may start at each (start of a word or of a hyphenated part).
WordTokens = tuple[tuple[str, ...], tuple[int, ...], tuple[bool, ...]]

_END = ""  # never a token: normalise_phrase drops empty tokens
_ARTICLES = frozenset({"the", "a", "an"})


class PhraseMatcher:
    """Phrases -> payloads in a token trie, with longest-match search over word sequences."""

    def __init__(self, phrases: Iterable[tuple[str, Hashable]] = ()) -> None:
        self._root: dict[str, dict] = {}
        self._cache: dict[str, tuple[tuple[str, ...], tuple[bool, ...]]] = {}
        self.size = 0
        for phrase, payload in phrases:
            self.add(phrase, payload)

    def __getstate__(self) -> dict[str, object]:
        return {"_root": self._root, "size": self.size}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._cache = {}

    def add(self, phrase: str, payload: Hashable) -> bool:
        """Add a phrase (raw text, normalised here); False when it normalises to nothing."""
        tokens = normalise_phrase(phrase)
        if not tokens:
            return False
        node = self._root
        for token in tokens:
            node = node.setdefault(token, {})
        payloads = node.get(_END, ())
        if payload not in payloads:
            node[_END] = (*payloads, payload)  # type: ignore[assignment]
            self.size += 1
        return True

    def normalise(self, text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """The word's tokens and, for each, whether a phrase may start there (the first
        token of the word or of a hyphenated part: "U.N.-led", "pro-Assad"). Cached:
        words repeat a lot in news."""
        found = self._cache.get(text)
        if found is None:
            tokens: list[str] = []
            starts: list[bool] = []
            for part in text.split("-"):
                part_tokens = normalise_phrase(part)
                tokens.extend(part_tokens)
                starts.extend(k == 0 for k in range(len(part_tokens)))
            found = (tuple(tokens), tuple(starts))
            self._cache[text] = found
        return found

    def word_tokens(self, words: Sequence[str]) -> WordTokens:
        """The flat normalised tokens of ``words``, the word index of each token, and
        whether a phrase may start at each token (see :meth:`normalise`)."""
        tokens: list[str] = []
        owners: list[int] = []
        starts: list[bool] = []
        cache = self._cache
        for index, text in enumerate(words):
            word_tokens, word_starts = cache.get(text) or self.normalise(text)
            if word_tokens:  # none for punctuation
                tokens += word_tokens
                starts += word_starts
                owners += [index] * len(word_tokens)
        return tuple(tokens), tuple(owners), tuple(starts)

    def lookup(self, phrase: str) -> tuple[Hashable, ...]:
        """The payloads stored for exactly this phrase (empty when unknown)."""
        node: dict | None = self._root
        for token in normalise_phrase(phrase):
            node = node.get(token) if node is not None else None
        return node.get(_END, ()) if node else ()  # type: ignore[return-value]

    def find(self, flat: WordTokens) -> list[Match]:
        """Longest non-overlapping matches, left to right, on word (or hyphen) boundaries."""
        tokens, owners, starts = flat
        found: list[Match] = []
        n = len(tokens)
        root = self._root
        resume = 0  # the token after the last match
        # Only tokens that start a word (part) and some phrase can start a match; they
        # are picked at C speed (map/compress): this runs over every token of a text.
        for i in compress(range(n), map(and_, map(root.__contains__, tokens), starts)):
            if i < resume:
                continue  # inside the previous match
            # The walk of _longest_at, inlined: this loop runs for most words of a text.
            node: dict = root[tokens[i]]
            best = None
            j = i
            while True:
                if _END in node and (j + 1 == n or starts[j + 1]):
                    best = (j, node[_END])
                j += 1
                if j == n:
                    break
                child = node.get(tokens[j])
                if child is None:
                    break
                node = child
            if best is None:
                continue
            if tokens[i] in _ARTICLES and i + 1 < n and starts[i + 1]:
                # "the U.S.-led coalition": an alias with its article ("THE US") must not
                # hide a longer phrase starting right after the article.
                after = _longest_at(root, tokens, starts, i + 1)
                if after is not None and after[0] > best[0]:
                    best, i = after, i + 1
            last, payloads = best
            found.append((owners[i], owners[last], payloads))
            resume = last + 1
        return found

    def find_all(self, flat: WordTokens) -> list[Match]:
        """Every match at every word start (overlaps allowed): for discards and issues."""
        tokens, owners, starts = flat
        root = self._root
        if root.keys().isdisjoint(tokens):
            return []  # the usual case: no phrase starts with any token of the sentence
        found: list[Match] = []
        for i in range(len(tokens)):
            if not starts[i] or tokens[i] not in root:
                continue
            node = self._root
            for j in range(i, len(tokens)):
                node = node.get(tokens[j])  # type: ignore[assignment]
                if node is None:
                    break
                if _END in node and (j + 1 == len(tokens) or starts[j + 1]):
                    found.append((owners[i], owners[j], node[_END]))  # type: ignore[arg-type]
        return found


def _longest_at(
    root: dict, tokens: tuple[str, ...], starts: tuple[bool, ...], i: int
) -> tuple[int, tuple[Hashable, ...]] | None:
    """The last token and payloads of the longest phrase starting at token ``i``."""
    node: dict | None = root
    best = None
    n = len(tokens)
    for j in range(i, n):
        node = node.get(tokens[j])  # type: ignore[union-attr]
        if node is None:
            break
        if _END in node and (j + 1 == n or starts[j + 1]):
            best = (j, node[_END])
    return best
