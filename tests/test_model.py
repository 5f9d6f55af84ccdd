"""Tests for eventcoder.model: the document model and its tree checks.

The sentences are hand-checked UD v2 analyses of real news sentences.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.errors import ParseTreeError
from eventcoder.model import (
    Document,
    Sentence,
    SourceText,
    Word,
    _check_tree,
    _checked_children,
    _children_index,
    _UnfrozenWord,
    build_word,
)

# "Russian warplanes struck rebel positions in Idlib." (UD v2, hand-checked)
ROWS = [
    (1, "Russian", "russian", "ADJ", 2, "amod", "S-NORP"),
    (2, "warplanes", "warplane", "NOUN", 3, "nsubj", "O"),
    (3, "struck", "strike", "VERB", 0, "root", "O"),
    (4, "rebel", "rebel", "NOUN", 5, "compound", "O"),
    (5, "positions", "position", "NOUN", 3, "obj", "O"),
    (6, "in", "in", "ADP", 7, "case", "O"),
    (7, "Idlib", "Idlib", "PROPN", 3, "obl", "S-GPE"),
    (8, ".", ".", "PUNCT", 3, "punct", "O"),
]


def make_words(rows=ROWS) -> list[Word]:
    words = []
    for ident, text, lemma, upos, head, deprel, ner in rows:
        misc = (("SpaceAfter", "No"),) if ident == 7 else ()
        words.append(Word(ident, text, lemma, upos, head, deprel, ner=ner, misc=misc))
    return words


def make_sentence(rows=ROWS) -> Sentence:
    text = "Russian warplanes struck rebel positions in Idlib."
    return Sentence("doc-1", 0, text, make_words(rows))


class TestSentenceTree:
    def test_root_children_subtree(self):
        """Root, children by relation (subtypes included) and subtrees follow the heads."""
        sentence = make_sentence()
        assert sentence.root is not None and sentence.root.text == "struck"
        assert [w.text for w in sentence.children(3, "nsubj")] == ["warplanes"]
        assert [w.text for w in sentence.children(3, "obl")] == ["Idlib"]
        assert [w.text for w in sentence.subtree(5)] == ["rebel", "positions"]
        assert [w.text for w in sentence.subtree(7)] == ["in", "Idlib"]
        assert [w.text for w in sentence.ancestors(sentence.word(6))] == ["Idlib", "struck"]

    def test_span_text_respects_space_after(self):
        """span_text rebuilds the surface text with SpaceAfter=No."""
        sentence = make_sentence()
        assert sentence.span_text(1, 8) == sentence.text
        assert sentence.span_text(4, 5) == "rebel positions"

    def test_subtype_children(self):
        """children('obl') also returns obl:agent dependents."""
        rows = [
            (1, "Rebels", "rebel", "NOUN", 3, "nsubj:pass", "O"),
            (2, "were", "be", "AUX", 3, "aux:pass", "O"),
            (3, "attacked", "attack", "VERB", 0, "root", "O"),
            (4, "by", "by", "ADP", 5, "case", "O"),
            (5, "Hezbollah", "Hezbollah", "PROPN", 3, "obl:agent", "S-ORG"),
        ]
        words = [Word(i, t, lem, u, h, d, ner=n) for i, t, lem, u, h, d, n in rows]
        sentence = Sentence("d", 0, "Rebels were attacked by Hezbollah", words)
        assert [w.id for w in sentence.children(3, "obl")] == [5]
        assert sentence.word(5).base_deprel == "obl"
        assert sentence.word(5).entity_type == "ORG"

    def test_head_outside_sentence(self):
        """A head beyond the last token names document, sentence and token."""
        rows = list(ROWS)
        rows[4] = (5, "positions", "position", "NOUN", 12, "obj", "O")
        with pytest.raises(ParseTreeError, match=r"'doc-1', sentence 0, token 5 'positions'.*12"):
            make_sentence(rows)

    def test_cycle(self):
        """A cycle between two tokens is reported with the tokens in it."""
        rows = list(ROWS)
        rows[3] = (4, "rebel", "rebel", "NOUN", 5, "compound", "O")
        rows[4] = (5, "positions", "position", "NOUN", 4, "obj", "O")
        with pytest.raises(ParseTreeError, match="cycle"):
            make_sentence(rows)

    def test_two_roots(self):
        """Two tokens with head 0 are an error that names both."""
        rows = list(ROWS)
        rows[1] = (2, "warplanes", "warplane", "NOUN", 0, "root", "O")
        with pytest.raises(ParseTreeError, match=r"2 roots \(2 'warplanes', 3 'struck'\)"):
            make_sentence(rows)

    def test_no_root(self):
        """A sentence in which every token has a head is a cycle or has no root."""
        rows = [(1, "Go", "go", "VERB", 2, "root", "O"), (2, "!", "!", "PUNCT", 1, "punct", "O")]
        with pytest.raises(ParseTreeError, match="no root"):
            make_sentence(rows)

    def test_ids_must_be_consecutive(self):
        """Word ids must run 1..n in order."""
        words = make_words()
        words[2] = attrs.evolve(words[2], id=9)
        with pytest.raises(ParseTreeError, match="id 9, expected 3"):
            Sentence("doc-1", 0, "x", words)

    def test_frozen(self):
        """Model objects are immutable."""
        sentence = make_sentence()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            sentence.text = "changed"  # type: ignore[misc]


class TestWord:
    def test_feat(self):
        """feat() reads one feature out of the FEATS column."""
        word = Word(1, "were", "be", "AUX", 0, "root", feats="Mood=Ind|Number=Plur|Tense=Past")
        assert word.feat("Number") == "Plur"
        assert word.feat("Person") is None
        assert Word(1, "x", "x", "X", 0, "root").feat("Number") is None


class TestDocument:
    def test_date_from_iso_string(self):
        """Dates given as ISO strings become datetime.date."""
        doc = Document("d", (make_sentence(),), date="2017-10-24", metadata={"url": "u"})
        assert doc.date == dt.date(2017, 10, 24)
        assert len(doc) == 1 and next(iter(doc)).index == 0
        assert doc.metadata == {"url": "u"}

    def test_bad_date(self):
        """A malformed date is rejected at construction."""
        with pytest.raises(ValueError):
            SourceText("d", "text", date="24/10/2017")


@st.composite
def _any_heads(draw: st.DrawFn) -> list[Word]:
    """Words with arbitrary heads and ids: trees, cycles, several roots, bad ranges."""
    n = draw(st.integers(0, 7))
    ids = draw(st.permutations(range(1, n + 1))) if draw(st.booleans()) else range(1, n + 1)
    return [Word(i, "w", "w", "NOUN", draw(st.integers(-1, n + 1)), "dep") for i in ids]


@given(_any_heads())
def test_fast_tree_check_agrees_with_the_full_check(words: list[Word]) -> None:
    """The column-wise check used on construction accepts exactly the words the word-by-word
    check accepts, and then gives the same children index."""
    fast = _checked_children(tuple(words))
    try:
        _check_tree("d", 0, tuple(words))
    except ParseTreeError:
        assert fast is None
        with pytest.raises(ParseTreeError):
            Sentence("d", 0, "t", words)
        return
    if words:
        assert fast == _children_index(tuple(words))
    assert Sentence("d", 0, "t", words)._children == _children_index(tuple(words))


class TestBuildWord:
    """build_word: the readers' fast Word constructor."""

    def test_equal_to_word_with_the_same_fields(self):
        """Every field lands in its own slot: the built word equals, hashes and prints
        like Word(...) with the same arguments."""
        fields = (7, "Idlib", "Idlib", "PROPN", 3, "obl", "NNP", "Number=Sing", None,
                  "S-GPE", 73, 78, (("SpaceAfter", "No"),))
        built = build_word(*fields)
        expected = Word(*fields)
        assert type(built) is Word
        assert built == expected
        assert hash(built) == hash(expected)
        assert repr(built) == repr(expected)
        assert attrs.astuple(built, recurse=False) == fields

    def test_built_word_is_frozen(self):
        """A built word is an ordinary frozen Word."""
        word = build_word(1, "Syrian", "syrian", "ADJ", 2, "amod", "JJ", "Degree=Pos", None,
                          "S-NORP", 0, 6, ())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            word.head = 3  # type: ignore[misc]
        assert attrs.evolve(word, head=3).head == 3

    def test_builder_has_words_slots(self):
        """The builder's slots are Word's fields, in order (the layout __class__
        assignment needs), so a new Word field cannot be forgotten."""
        assert _UnfrozenWord.__slots__ == tuple(f.name for f in attrs.fields(Word))
        assert Word.__slots__ == _UnfrozenWord.__slots__
