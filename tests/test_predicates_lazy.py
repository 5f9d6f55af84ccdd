"""Lazily worked-out predicate parts (find_predicates(lazy=True)) and the predicates'
cheap-first exits give the same answers as the full computation, on real parses."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from eventcoder.conllu import read_conllu
from eventcoder.model import Sentence
from eventcoder.predicates import Tree, conjuncts, find_predicates
from eventcoder.repairs import repair_parse

DATA = Path(__file__).parent / "data" / "coder"


def _sentences() -> list[Sentence]:
    return [repair_parse(sentence) for path in sorted(DATA.glob("*.conllu"))
            for doc in read_conllu(path) for sentence in doc.sentences]


SENTENCES = _sentences()
LAZY_PARTS = ("sources", "targets", "obliques", "passive", "after", "before", "opaque")


def test_the_fixtures_have_many_predicates() -> None:
    assert sum(len(find_predicates(s)) for s in SENTENCES) > 100


@pytest.mark.parametrize("index", range(0, len(SENTENCES)))
def test_lazy_predicates_equal_full_ones(index: int) -> None:
    sentence = SENTENCES[index]
    full = find_predicates(Tree(sentence))
    lazy = find_predicates(Tree(sentence), lazy=True)
    assert lazy == full  # (equality compares the values, lazy ones worked out)
    for eager, late in zip(full, lazy, strict=True):
        for part in LAZY_PARTS:
            assert getattr(late, part) == getattr(eager, part), (sentence.text, part)


def test_evolved_lazy_predicates_keep_their_own_parts() -> None:
    """assemble evolves predicates (other sources, no governor): ``before`` is still
    worked out from the subjects the verb was found with, as when it is computed first."""
    checked = 0
    for sentence in SENTENCES:
        full = find_predicates(Tree(sentence))
        lazy = find_predicates(Tree(sentence), lazy=True)
        for eager, late in zip(full, lazy, strict=True):
            if not eager.sources or not eager.before:
                continue
            moved = attrs.evolve(late, sources=(), targets=eager.sources, governor=None)
            assert (moved.before, moved.after, moved.opaque, moved.obliques) == (
                eager.before, eager.after, eager.opaque, eager.obliques)
            assert (moved.sources, moved.targets) == ((), eager.sources)
            checked += 1
    assert checked > 20


def test_predicates_without_their_parts_say_so() -> None:
    predicate = find_predicates(SENTENCES[0])[0]
    for part in LAZY_PARTS:
        bare = attrs.evolve(predicate, **{part: None})
        with pytest.raises(ValueError):
            getattr(bare, part)


def test_conjuncts_shortcut_agrees_with_the_walk() -> None:
    """A Tree answers "no conjuncts" from the words with conj/appos dependents; a plain
    Sentence always walks the conj chains and appositions."""
    linked = 0
    for sentence in SENTENCES:
        tree = Tree(sentence)
        for word in sentence.words:
            found = conjuncts(tree, word.id)
            assert found == conjuncts(sentence, word.id), (sentence.text, word.text)
            linked += len(found) > 1
    assert linked > 20


def test_explained_predicates_are_worked_out() -> None:
    """When explaining, every part of every predicate is computed before tracing (they
    hold no reference back to the sentence's builder)."""
    from coder_fixtures import fixture_docs, make_coder

    coder = make_coder()
    traced = 0
    for doc in fixture_docs("args").values():
        for trace in coder.explain(doc).sentences:
            for predicate in trace.predicates:
                detached = attrs.evolve(predicate, parts=None)
                assert all(getattr(detached, part) is not None for part in LAZY_PARTS)
                traced += 1
    assert traced > 5


def test_nominals_read_no_arguments_without_a_coded_by_phrase() -> None:
    """by_phrase_nominals works out the predicates' arguments only when a noun has a
    coded by-phrase or a manner noun is in the sentence: its answer is the same whether
    the predicates are lazy or worked out."""
    from coder_fixtures import CODER_DATA, fixture_docs

    from eventcoder.actors import find_actors
    from eventcoder.coder import Coder
    from eventcoder.dictionaries.loading import load_dictionaries
    from eventcoder.nominals import by_phrase_nominals

    coder = Coder(load_dictionaries([CODER_DATA / "nominal.yaml"], include_default=False,
                                    cache=False))
    found = 0
    for doc in fixture_docs("nominal").values():
        for sentence in doc.sentences:
            tree = Tree(repair_parse(sentence))
            actors = find_actors(coder.lexicon, tree, doc.date, [], uncoded=True)
            full = by_phrase_nominals(coder.nouns, tree, find_predicates(tree), actors)
            lazy = by_phrase_nominals(coder.nouns, tree, find_predicates(tree, lazy=True),
                                      actors)
            assert lazy == full
            found += len(full)
    assert found > 0


def test_after_skips_case_look_ups_only_where_no_attribution_can_be() -> None:
    """``after`` looks up the case words of the verb's phrases (to leave out "according
    to X") only in sentences with such a lemma; forcing the look-ups changes nothing
    (the fixtures include sentences with "according to")."""
    attributed = 0
    for sentence in SENTENCES:
        tree, forced = Tree(sentence), Tree(sentence)
        forced.memo["attributions"] = True
        for plain, looked in zip(find_predicates(tree), find_predicates(forced), strict=True):
            assert plain.after == looked.after, sentence.text
        attributed += "according to" in sentence.text
    assert attributed > 0


def _verbs(sentence: Sentence) -> list:
    return [w for w in sentence.words if w.upos in ("VERB", "AUX")]


def test_a_frame_with_nothing_to_inherit_is_the_own_frame() -> None:
    """_Builder.frame shares the verb's own frame when _inherits_nothing says so: on real
    parses, inheriting into a copy gives that same frame (and the check does hold for
    many verbs, so the shortcut is exercised)."""
    from eventcoder.predicates import _Builder, _Frame

    shared = 0
    for sentence in SENTENCES:
        builder = _Builder(Tree(sentence))
        for verb in _verbs(sentence):
            own = builder.own(verb)
            copy = _Frame(list(own.sources), list(own.targets), list(own.obliques),
                          own.passive, own.has_subject, own.has_object)
            inherited = builder._inherit(verb, copy)
            assert (inherited == own) or not builder._inherits_nothing(verb, own)
            if builder._inherits_nothing(verb, own):
                shared += 1
                assert builder.frame(verb) is own
    assert shared > 50


def _one_pass_modality(tree: Tree, verb: object) -> tuple[bool, tuple[str, ...]]:
    """The former one-pass reading of a verb's negation and modals (the reference)."""
    from eventcoder.predicates import MODALS, NEGATORS

    negated, modals = False, []
    for child in tree.children(verb):  # type: ignore[arg-type]
        relation = child.deprel.partition(":")[0]
        if relation not in ("advmod", "neg", "aux"):
            continue
        if not negated and (child.lemma.lower() in NEGATORS or child.feat("Polarity") == "Neg"):
            negated = True
        if relation == "aux" and tree.lemmas[child.id] in MODALS:
            modals.append(tree.lemmas[child.id])
    return negated, tuple(modals)


def test_modality_by_relation_equals_one_pass() -> None:
    from eventcoder.predicates import _modality

    seen = set()
    for sentence in SENTENCES:
        tree = Tree(sentence)
        for verb in _verbs(sentence):
            found = _modality(tree, verb)
            assert found == _one_pass_modality(tree, verb)
            seen.add(found[0])
            seen.add(bool(found[1]))
    assert seen == {True, False}  # negated and modal verbs are among them
