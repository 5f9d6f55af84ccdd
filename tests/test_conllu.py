"""Tests for eventcoder.conllu: streaming CoNLL-U reader and writer."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import conllu as conllu_pkg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents

from eventcoder.conllu import dumps_conllu, loads_conllu, read_conllu, write_conllu
from eventcoder.errors import InputError, ParseTreeError
from eventcoder.model import Document, MultiwordToken, Sentence, Word

DATA = Path(__file__).parent / "data"
STANZA = DATA / "stanza_v2.conllu"
UDPIPE = DATA / "udpipe_v1.conllu"


def _row(*cols: str) -> str:
    return "\t".join(cols) + "\n"


#: "Rebels attacked Homs." hand-checked UD v2, reused by the error tests.
GOOD = (
    _row("1", "Rebels", "rebel", "NOUN", "NNS", "Number=Plur", "2", "nsubj", "_", "_")
    + _row("2", "attacked", "attack", "VERB", "VBD", "Tense=Past", "0", "root", "_", "_")
    + _row("3", "Homs", "Homs", "PROPN", "NNP", "Number=Sing", "2", "obj", "_", "SpaceAfter=No")
    + _row("4", ".", ".", "PUNCT", ".", "_", "2", "punct", "_", "_")
)


def _error(text: str, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        loads_conllu(text, name="bad.conllu", **kwargs)  # type: ignore[arg-type]
    return info.value


class TestReadConllu:
    def test_stanza_style_document(self) -> None:
        """newdoc id/date/text/meta, sent_id, text, comments, NER and offsets are read."""
        doc, empty = read_conllu(STANZA)
        assert doc.id == "afp-2012-03-14-001"
        assert doc.date == dt.date(2012, 3, 14)
        assert doc.metadata == {"source": "AFP", "tags": ["syria", "diplomacy"]}
        assert doc.text is not None and doc.text.startswith("Saudi Arabia closed")
        first, second = doc.sentences
        assert (first.doc_id, first.index, second.index) == (doc.id, 0, 1)
        assert first.sent_id == "afp-2012-03-14-001-1"
        assert first.text == "Saudi Arabia closed its embassy in Damascus on Wednesday."
        assert first.comments == ("newpar id = p1",)
        saudi = first.word(1)
        assert (saudi.ner, saudi.start_char, saudi.end_char) == ("B-GPE", 0, 5)
        assert first.word(9).misc == (("SpaceAfter", "No"),)
        assert first.word(9).ner == "S-DATE"
        assert first.word(3).ner == "O"
        assert doc.text[saudi.start_char : saudi.end_char] == "Saudi"
        assert (empty.id, empty.sentences) == ("empty-doc", ())
        assert empty.metadata == {"note": "no sentences"}

    def test_multiword_token(self) -> None:
        """A multiword token line is kept with its range, surface and MISC."""
        doc = next(read_conllu(STANZA))
        sentence = doc.sentences[1]
        assert sentence.multiword_tokens == (
            MultiwordToken(3, 4, "can't", (("start_char", "69"), ("end_char", "74"))),
        )
        forms = [w.text for w in sentence]
        assert forms == ["The", "rebels", "ca", "n't", "hold", "the", "town", "."]

    def test_canonical_file_is_written_back_byte_for_byte(self) -> None:
        """Reading the stanza-style sample and writing it again reproduces the file."""
        text = STANZA.read_text(encoding="utf-8")
        assert dumps_conllu(read_conllu(STANZA)) == text

    def test_agrees_with_conllu_package(self) -> None:
        """Forms, lemmas, heads and relations match what the conllu package reads."""
        theirs = [
            [(t["form"], t["lemma"], t["head"], t["deprel"]) for t in s if isinstance(t["id"], int)]
            for s in conllu_pkg.parse(UDPIPE.read_text(encoding="utf-8"))
        ]
        ours = [
            [(w.text, w.lemma, w.head, w.deprel) for w in s]
            for d in read_conllu(UDPIPE, normalise=False)
            for s in d
        ]
        assert ours == theirs

    def test_v1_labels_normalised_by_default(self) -> None:
        """UD v1 relations are rewritten to v2 unless normalise=False."""
        normalised = [w.deprel for d in read_conllu(UDPIPE) for s in d for w in s]
        raw = [w.deprel for d in read_conllu(UDPIPE, normalise=False) for s in d for w in s]
        assert "dobj" in raw and "dobj" not in normalised
        assert "nsubj:pass" in normalised and "nsubjpass" not in normalised

    def test_without_newdoc_each_sentence_is_a_document(self) -> None:
        """No newdoc: one document per sentence, named by sent_id (or file stem + number)."""
        docs = list(read_conllu(UDPIPE))
        assert [d.id for d in docs] == ["DEMO-01", "DEMO-26", "DEMO-32"]
        assert all(len(d) == 1 and d.sentences[0].doc_id == d.id for d in docs)
        unnamed = loads_conllu(GOOD + "\n" + GOOD, name="dir/batch.conllu")
        assert [d.id for d in unnamed] == ["batch-1", "batch-2"]

    def test_sentence_text_rebuilt_without_text_comment(self) -> None:
        """Without '# text' the text comes from forms and SpaceAfter=No."""
        (doc,) = loads_conllu(GOOD)
        assert doc.sentences[0].text == "Rebels attacked Homs."

    def test_rebuilt_text_uses_multiword_surface(self) -> None:
        """A multiword token contributes its surface form to the rebuilt text."""
        text = (
            _row("1", "They", "they", "PRON", "PRP", "_", "4", "nsubj", "_", "_")
            + _row("2-3", "can't", "_", "_", "_", "_", "_", "_", "_", "_")
            + _row("2", "ca", "can", "AUX", "MD", "_", "4", "aux", "_", "_")
            + _row("3", "n't", "not", "PART", "RB", "_", "4", "advmod", "_", "_")
            + _row("4", "win", "win", "VERB", "VB", "_", "0", "root", "_", "_")
        )
        (doc,) = loads_conllu(text)
        assert doc.sentences[0].text == "They can't win"

    def test_comment_only_blocks_and_documents(self) -> None:
        """newdoc alone in a block starts a document; a stray comment joins the next sentence."""
        text = "# newdoc id = a\n\n# note = x\n\n" + GOOD + "\n# newdoc id = b\n" + GOOD
        a, b = loads_conllu(text)
        assert (a.id, len(a), a.sentences[0].comments) == ("a", 1, ("note = x",))
        assert (b.id, len(b)) == ("b", 1)

    def test_compact_dates_accepted(self) -> None:
        """A PETRARCH-style YYYYMMDD document date is read too."""
        (doc,) = loads_conllu("# newdoc id = d\n# newdoc date = 19950101\n" + GOOD)
        assert doc.date == dt.date(1995, 1, 1)

    def test_streams_lazily(self) -> None:
        """Documents come one at a time: an error later in the file is not hit by the first."""
        text = "# newdoc id = a\n" + GOOD + "\n# newdoc id = b\n" + GOOD + "\n1\tbroken\n"
        reader = read_conllu(io.StringIO(text), name="s.conllu")
        assert next(reader).id == "a"
        with pytest.raises(InputError):
            next(reader)

    def test_crlf_and_blank_whitespace_lines(self) -> None:
        """Windows line ends and whitespace-only separator lines are accepted."""
        text = (GOOD + " \n" + GOOD).replace("\n", "\r\n")
        assert len(loads_conllu(text)) == 2

    def test_empty_nodes_dropped_on_request(self) -> None:
        """With empty_nodes='drop' enhanced-UD empty nodes are skipped."""
        text = GOOD.replace("4\t.", "3.1\tdid\tdo\tVERB\t_\t_\t_\t_\t2:conj\t_\n4\t.")
        (doc,) = loads_conllu(text, empty_nodes="drop")
        assert len(doc.sentences[0]) == 4

    def test_empty_input(self) -> None:
        """An empty file has no documents."""
        assert loads_conllu("") == []


class TestReadErrors:
    def test_wrong_column_count(self) -> None:
        """A word line without 10 columns is reported with its line."""
        err = _error(GOOD.replace("\t_\tSpaceAfter=No", ""))
        assert (err.location.file, err.location.line) == ("bad.conllu", 3)
        assert "10 tab-separated columns, found 8" in str(err)

    def test_non_integer_id(self) -> None:
        """A word ID that is not a number is reported."""
        err = _error(GOOD.replace("2\tattacked", "x\tattacked"))
        assert (err.location.line, err.location.field) == (2, "ID")

    def test_word_ids_out_of_order(self) -> None:
        """Word IDs must run 1, 2, 3..."""
        err = _error(GOOD.replace("3\tHoms", "5\tHoms"))
        assert err.location.line == 3
        assert "expected 3" in str(err)

    def test_non_integer_head(self) -> None:
        """A HEAD that is not a number is reported with the word's line."""
        err = _error(GOOD.replace("Tense=Past\t0", "Tense=Past\troot"))
        assert (err.location.line, err.location.field) == (2, "HEAD")

    def test_head_outside_sentence(self) -> None:
        """A head pointing past the sentence is a ParseTreeError with file and line."""
        err = _error("# sent_id = s\n" + GOOD.replace("Number=Plur\t2", "Number=Plur\t9"))
        assert isinstance(err, ParseTreeError)
        assert (err.location.file, err.location.line) == ("bad.conllu", 2)
        assert "outside the sentence" in str(err)

    def test_cycle(self) -> None:
        """A cycle is reported as a ParseTreeError naming file and sentence line."""
        text = "\n" + GOOD.replace("Tense=Past\t0", "Tense=Past\t3").replace(
            "Number=Sing\t2\tobj", "Number=Sing\t0\tobj"
        ).replace("Number=Plur\t2", "Number=Plur\t1")
        err = _error(text)
        assert isinstance(err, ParseTreeError)
        assert err.location.line == 2

    def test_bad_date(self) -> None:
        """An impossible document date names the newdoc line."""
        err = _error("# newdoc id = d\n# newdoc date = 2017-13-40\n" + GOOD)
        assert (err.location.line, err.location.field) == (2, "newdoc date")

    def test_comment_inside_sentence(self) -> None:
        """A comment between word lines (a missing blank line) is an error."""
        lines = GOOD.splitlines(keepends=True)
        err = _error("".join([*lines[:2], "# sent_id = next\n", *lines[2:]]))
        assert err.location.line == 3

    def test_empty_node_rejected_by_default(self) -> None:
        """Empty nodes raise a clear error unless dropping is asked for."""
        err = _error(GOOD.replace("4\t.", "3.1\tdid\tdo\tVERB\t_\t_\t_\t_\t2:conj\t_\n4\t."))
        assert "empty node" in str(err) and err.location.line == 4

    def test_bad_offset(self) -> None:
        """A non-numeric start_char in MISC is reported."""
        err = _error(GOOD.replace("SpaceAfter=No", "start_char=x"))
        assert (err.location.line, err.location.field) == (3, "MISC")

    def test_bad_multiword_range(self) -> None:
        """A multiword range that does not start at the next word is reported."""
        err = _error(_row("2-3", "xy", *["_"] * 8) + GOOD)
        assert (err.location.line, err.location.field) == (1, "ID")


class TestWrite:
    def test_write_to_path_and_read_back(self, tmp_path: Path) -> None:
        """write_conllu returns the number of documents; the file reads back equal."""
        docs = list(read_conllu(STANZA))
        target = tmp_path / "out.conllu"
        assert write_conllu(docs, target) == 2
        assert list(read_conllu(target)) == docs

    def test_normalised_v1_round_trip(self) -> None:
        """A normalised UDPipe parse is written as v2 and reads back equal."""
        docs = list(read_conllu(UDPIPE))
        assert loads_conllu(dumps_conllu(docs)) == docs

    def test_tab_in_field_refused(self) -> None:
        """A field containing a tab cannot be written silently."""
        word = Word(1, "a\tb", "a", "X", 0, "root")
        doc = Document("d", [Sentence("d", 0, "a b", [word])])
        with pytest.raises(ValueError, match="tab"):
            dumps_conllu([doc])

    def test_newline_in_sentence_text_becomes_space(self) -> None:
        """Line breaks in a sentence text are written as spaces (CoNLL-U text is one line)."""
        word = Word(1, "Hi", "hi", "INTJ", 0, "root")
        doc = Document("d", [Sentence("d", 0, "Hi\nthere", [word])])
        assert loads_conllu(dumps_conllu([doc]))[0].sentences[0].text == "Hi there"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), max_size=3))
def test_round_trip(docs: list[Document]) -> None:
    """Writing documents and reading them back gives equal documents."""
    assert loads_conllu(dumps_conllu(docs), normalise=False) == docs


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), max_size=2))
def test_written_form_is_stable(docs: list[Document]) -> None:
    """Writing what was read gives the same text again."""
    text = dumps_conllu(docs)
    assert dumps_conllu(loads_conllu(text, normalise=False)) == text


@given(st.lists(documents(), max_size=2), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_reading_a_string_equals_reading_it_as_a_stream(
    docs: list[Document], newline: str, final_newline: bool
) -> None:
    """loads_conllu (which splits the string itself) gives what reading the same text from a
    stream gives: same documents, or the same error at the same line."""
    text = dumps_conllu(docs).replace("\n", newline)
    if not final_newline:
        text = text.rstrip("\r\n")

    def outcome(read: object) -> object:
        try:
            return read()  # type: ignore[operator]
        except (InputError, ParseTreeError) as error:
            return str(error)

    assert outcome(lambda: loads_conllu(text, name="x")) == outcome(
        lambda: list(read_conllu(io.StringIO(text), name="x"))
    )


def test_unusual_word_ids_are_checked_as_integers() -> None:
    """IDs spelled "01" still count as 1 (and out-of-order IDs name the line)."""
    row = "\t".join(["{}", "w", "w", "NOUN", "_", "_", "{}", "{}", "_", "_"])
    good = "\n".join([row.format("01", 0, "root"), row.format("2", 1, "dep")]) + "\n"
    assert [w.id for w in loads_conllu(good)[0].sentences[0]] == [1, 2]
    bad = "\n".join([row.format("1", 0, "root"), row.format("3", 1, "dep")]) + "\n"
    with pytest.raises(InputError, match="out of order") as caught:
        loads_conllu(bad)
    assert caught.value.location.line == 2


def test_missing_file_is_an_input_error_naming_it(tmp_path):
    """A CoNLL-U path that does not exist is an InputError naming the file, not an OSError."""
    from eventcoder.errors import InputError

    missing = tmp_path / "missing.conllu"
    with pytest.raises(InputError, match=r"missing\.conllu: cannot open"):
        list(read_conllu(missing))
