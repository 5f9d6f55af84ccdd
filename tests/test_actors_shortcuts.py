"""The actor stage's memos and shortcuts give the answers of the plain computations, on
the real parses of tests/data/coder/ with the default dictionaries."""

from __future__ import annotations

import functools
from collections.abc import Hashable, Iterator

import attrs
import pytest
from coder_fixtures import CODER_DATA

import eventcoder.actors as actors_module
from eventcoder.actor_context import apply_context
from eventcoder.actor_conventions import apply_conventions
from eventcoder.actor_phrases import Part, code_phrase
from eventcoder.actor_relations import (
    agents_of_states,
    allegiances,
    lend_appositions,
    share_modifiers,
    sponsored_proxies,
)
from eventcoder.actors import ActorLexicon, Mention, SentenceActors, find_actors
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.matcher import PhraseMatcher, WordTokens
from eventcoder.model import Word
from eventcoder.noun_phrases import conjunct_ids, np_span
from eventcoder.tree import Tree


@functools.cache
def _lexicon() -> ActorLexicon:
    dset = load_dictionaries(None)
    return ActorLexicon(dset.actors, dset.agents, dset.places)


@functools.cache
def _trees() -> tuple[tuple[Tree, object], ...]:
    """(sentence tree, document date) of every committed coder parse."""
    return tuple((Tree(sentence), doc.date)
                 for path in sorted(CODER_DATA.glob("*.conllu"))
                 for doc in read_conllu(path) for sentence in doc.sentences)


def _flat(tree: Tree) -> WordTokens:
    return _lexicon().matcher.word_tokens([w.text for w in tree.words])


def test_fixtures_are_real_and_varied() -> None:
    """The parses have pronouns, entities, appositions and several-word matches."""
    trees = [tree for tree, _ in _trees()]
    assert len(trees) > 100
    words = [w for tree in trees for w in tree.words]
    assert any(w.ner != "O" for w in words) and any(w.deprel == "appos" for w in words)
    assert any(w.upos == "PRON" for w in words)
    assert any(first != last for tree in trees for first, last, _ in
               _lexicon().matcher.find(_flat(tree)))


class TestPartAlone:
    def test_memo_answers_as_the_phrase_rules(self) -> None:
        """A one-part phrase coded from Part.alone gets code_phrase's own answer, with
        the head before, inside and after the part."""
        checked = 0
        for tree, day in _trees():
            for first, last, payloads in _lexicon().matcher.find(_flat(tree)):
                part = _lexicon().reading(payloads, day).at(first + 1, last + 1)
                plain = attrs.evolve(part, alone=None)
                for head in (part.start - 1, part.start, part.end, part.end + 1):
                    assert code_phrase(head, [part]) == code_phrase(head, [plain])
                    checked += 1
        assert checked > 400


def _longest_at(root: dict, tokens: tuple[str, ...], starts: tuple[bool, ...], i: int
                ) -> tuple[int, tuple[Hashable, ...]] | None:
    node: dict | None = root
    best = None
    for j in range(i, len(tokens)):
        node = node.get(tokens[j]) if node is not None else None
        if node is None:
            break
        if "" in node and (j + 1 == len(tokens) or starts[j + 1]):
            best = (j, node[""])
    return best


def _plain_find(matcher: PhraseMatcher, flat: WordTokens) -> list:
    """The longest-match search token by token, as it was before the shortcuts."""
    tokens, owners, starts = flat
    found, i, root = [], 0, matcher._root
    while i < len(tokens):
        best = _longest_at(root, tokens, starts, i) if starts[i] else None
        if best is None:
            i += 1
            continue
        if tokens[i] in ("the", "a", "an") and i + 1 < len(tokens) and starts[i + 1]:
            after = _longest_at(root, tokens, starts, i + 1)
            if after is not None and after[0] > best[0]:
                best, i = after, i + 1
        found.append((owners[i], owners[best[0]], best[1]))
        i = best[0] + 1
    return found


class TestMatcher:
    def test_find_as_the_plain_search(self) -> None:
        """find (candidate tokens picked first, walk inlined) matches the plain search."""
        for tree, _ in _trees():
            flat = _flat(tree)
            assert _lexicon().matcher.find(flat) == _plain_find(_lexicon().matcher, flat)

    def test_find_all_without_a_start_token(self) -> None:
        """find_all returns nothing at once exactly when no phrase starts with a token
        of the sentence."""
        matcher = PhraseMatcher([("Syria", 1), ("Bashar al-Assad", 2), ("air force", 3)])
        for tree, _ in _trees():
            flat = matcher.word_tokens([w.text for w in tree.words])
            hits = matcher.find_all(flat)
            if not hits:
                continue
            assert any(token in ("syria", "bashar", "air") for token in flat[0])


def _plain_entity_spans(words: tuple[Word, ...]) -> list[tuple[int, int, str]]:
    spans, start = [], None
    for word in words:
        tag, _, label = word.ner.partition("-")
        if word.ner == "O" or tag not in ("S", "U", "B", "I", "E", "L"):
            start = None
        elif tag in ("S", "U"):
            spans.append((word.id, word.id, label))
            start = None
        elif tag == "B":
            start = word.id
        elif tag in ("E", "L") and start is not None:
            spans.append((start, word.id, label))
            start = None
    return spans


def test_entity_spans_as_word_by_word() -> None:
    """The entity spans read from the tagged words only are those read word by word."""
    found = 0
    for tree, _ in _trees():
        spans = actors_module._entity_spans(tree.words)
        assert spans == _plain_entity_spans(tree.words)
        found += len(spans)
    assert found > 50


def test_mention_replace_as_attrs_evolve() -> None:
    """Mention.replace makes what attrs.evolve makes."""
    for tree, day in _trees():
        for mention in find_actors(_lexicon(), tree, day, [], flat=_flat(tree)).mentions:
            changes = {"codes": ("XXX",), "note": "n", "antecedent": (1, 0)}
            assert mention.replace(**changes) == attrs.evolve(mention, **changes)
            assert mention.replace() == mention


def _every_pass(lexicon: ActorLexicon, sentence: Tree, by_head: dict[int, Mention],
                earlier_context: str | None, conventions: bool) -> str | None:
    """_relate with no pass skipped."""
    stack = not conventions
    agents_of_states(sentence, by_head, lexicon, stack)
    allegiances(sentence, by_head, lexicon)
    share_modifiers(sentence, by_head, lexicon, stack)
    lend_appositions(sentence, by_head)
    context = apply_context(sentence, by_head, lexicon, earlier_context)
    sponsored_proxies(sentence, by_head)
    if conventions:
        apply_conventions(sentence, by_head)
    return context


def _all_actors(conventions: bool) -> Iterator[SentenceActors]:
    for tree, day in _trees():
        for earlier in (None, "SYR"):
            yield find_actors(_lexicon(), tree, day, [], flat=_flat(tree),
                              earlier_context=earlier, conventions=conventions)


@pytest.mark.parametrize("conventions", [True, False])
def test_skipped_passes_change_nothing(monkeypatch: pytest.MonkeyPatch,
                                       conventions: bool) -> None:
    """The passes skipped when a sentence has nothing for them (no mention, no bare
    agent, no word of backing, no apposition) would not have changed its mentions."""
    fast = [(a.mentions, a.context) for a in _all_actors(conventions)]
    monkeypatch.setattr(actors_module, "_relate", _every_pass)
    assert fast == [(a.mentions, a.context) for a in _all_actors(conventions)]
    assert any(m.kind == "context" for mentions, _ in fast for m in mentions)


@pytest.mark.parametrize("conventions", [True, False])
def test_built_mentions_are_attrs_mentions(conventions: bool) -> None:
    """Mentions built by _UnfrozenMention (and Mention.replace) are ordinary frozen
    Mentions, equal to (and hashing as) Mention(...) with the same fields."""
    checked = 0
    for actors in _all_actors(conventions):
        for mention in actors.mentions:
            assert type(mention) is Mention
            plain = Mention(**attrs.asdict(mention, recurse=False))
            assert mention == plain and hash(mention) == hash(plain)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                mention.head = 0  # type: ignore[misc]
            checked += 1
    assert checked > 200


def test_built_parts_are_attrs_parts() -> None:
    """Parts built by _UnfrozenPart (a reading at a span) are ordinary frozen Parts,
    equal to Part(...) with the same fields, alone answers included."""
    checked = 0
    for tree, day in _trees():
        for first, last, payloads in _lexicon().matcher.find(_flat(tree)):
            part = _lexicon().reading(payloads, day).at(first + 1, last + 1)
            assert type(part) is Part
            plain = Part(**attrs.asdict(part, recurse=False))
            assert part == plain and hash(part) == hash(plain) and part.alone == plain.alone
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                part.start = 0  # type: ignore[misc]
            checked += 1
    assert checked > 400


def _plain_lend_appositions(sentence: Tree, by_head: dict[int, Mention]) -> None:
    """lend_appositions without its shortcut (every apposition word looked at)."""
    for word in sentence.words:
        if word.deprel != "appos" or word.id not in by_head:
            continue
        lender = by_head[word.id]
        codes = tuple(dict.fromkeys(code for i in conjunct_ids(sentence, word.id)
                                    if i in by_head for code in by_head[i].codes))
        own = by_head.get(word.head)
        if codes and (own is None or not own.codes or own.kind == "modifier"):
            first, last = np_span(sentence, word.head)
            if own is not None:
                first, last = min(first, own.start), max(last, own.end)
            by_head[word.head] = lender.replace(
                head=word.head, start=first, end=last, text=sentence.span_text(first, last),
                codes=codes, kind="apposition", note=f"coded by its apposition {lender.text!r}")


def test_lend_appositions_shortcut_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping lend_appositions when no mention is an apposition changes no mention."""
    fast = [a.mentions for a in _all_actors(True)]
    monkeypatch.setattr(actors_module, "lend_appositions", _plain_lend_appositions)
    assert fast == [a.mentions for a in _all_actors(True)]
    assert any(m.kind == "apposition" for mentions in fast for m in mentions)
