"""A token-trie phrase matcher: the one engine behind actor, agent, title, discard and
issue look-ups.

Phrases are tuples of normalised tokens (:func:`eventcoder.dictionaries.phrases.normalise_phrase`),
so matching is case-, punctuation-, plural- and possessive-insensitive and agrees with
dictionary look-ups. The trie is nested plain dicts (cheap to pickle, fast to walk);
the payloads stored at a phrase's end are kept in insertion order.

A sentence is turned into tokens word by word (:meth:`PhraseMatcher.word_tokens`);
a match always starts at a word's first token and ends at a word's last token, so
"Iran" never matches inside "Iranian".
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from eventcoder.dictionaries.phrases import normalise_phrase

__all__ = ["Match", "PhraseMatcher", "WordTokens"]

#: A match: first and last word index (0-based, inclusive) and the payloads of the phrase.
Match = tuple[int, int, tuple[Hashable, ...]]
#: Flat tokens of a sentence and, for each token, the index of the word it came from.
WordTokens = tuple[tuple[str, ...], tuple[int, ...]]

_END = ""  # never a token: normalise_phrase drops empty tokens


class PhraseMatcher:
    """Phrases -> payloads in a token trie, with longest-match search over word sequences."""

    def __init__(self, phrases: Iterable[tuple[str, Hashable]] = ()) -> None:
        self._root: dict[str, dict] = {}
        self._cache: dict[str, tuple[str, ...]] = {}
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

    def normalise(self, text: str) -> tuple[str, ...]:
        """``normalise_phrase(text)``, cached (words repeat a lot in news)."""
        tokens = self._cache.get(text)
        if tokens is None:
            tokens = normalise_phrase(text)
            self._cache[text] = tokens
        return tokens

    def word_tokens(self, words: Sequence[str]) -> WordTokens:
        """The flat normalised tokens of ``words`` and the word index of each token."""
        tokens: list[str] = []
        owners: list[int] = []
        normalise = self.normalise
        for index, text in enumerate(words):
            for token in normalise(text):
                tokens.append(token)
                owners.append(index)
        return tuple(tokens), tuple(owners)

    def lookup(self, phrase: str) -> tuple[Hashable, ...]:
        """The payloads stored for exactly this phrase (empty when unknown)."""
        node: dict | None = self._root
        for token in normalise_phrase(phrase):
            node = node.get(token) if node is not None else None
        return node.get(_END, ()) if node else ()  # type: ignore[return-value]

    def find(self, flat: WordTokens) -> list[Match]:
        """Longest non-overlapping matches, left to right, on word boundaries."""
        tokens, owners = flat
        found: list[Match] = []
        n = len(tokens)
        i = 0
        root = self._root
        while i < n:
            if i and owners[i - 1] == owners[i]:
                i += 1  # not the first token of its word
                continue
            best = self._longest_at(root, tokens, owners, i)
            if best is None:
                i += 1
                continue
            last, payloads = best
            found.append((owners[i], owners[last], payloads))
            i = last + 1
        return found

    def find_all(self, flat: WordTokens) -> list[Match]:
        """Every match at every word start (overlaps allowed): for discards and issues."""
        tokens, owners = flat
        found: list[Match] = []
        for i in range(len(tokens)):
            if i and owners[i - 1] == owners[i]:
                continue
            node = self._root
            for j in range(i, len(tokens)):
                node = node.get(tokens[j])  # type: ignore[assignment]
                if node is None:
                    break
                if _END in node and (j + 1 == len(tokens) or owners[j + 1] != owners[j]):
                    found.append((owners[i], owners[j], node[_END]))  # type: ignore[arg-type]
        return found

    @staticmethod
    def _longest_at(
        root: dict, tokens: tuple[str, ...], owners: tuple[int, ...], i: int
    ) -> tuple[int, tuple[Hashable, ...]] | None:
        node = root
        best = None
        n = len(tokens)
        for j in range(i, n):
            node = node.get(tokens[j])
            if node is None:
                break
            if _END in node and (j + 1 == n or owners[j + 1] != owners[j]):
                best = (j, node[_END])
        return best
