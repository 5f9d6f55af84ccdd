"""Work items from inputs: JSONL/text records and CoNLL-U documents split for workers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import documents

from eventcoder.batch.sources import conllu_documents, iter_items
from eventcoder.conllu import dumps_conllu, loads_conllu, read_conllu
from eventcoder.errors import InputError

DATA = Path(__file__).resolve().parent / "data"
CONLLU_FILES = [DATA / "batch" / "news.conllu", DATA / "stanza_v2.conllu",
                DATA / "udpipe_v1.conllu", *sorted((DATA / "coder").glob("*.conllu"))]


@pytest.mark.parametrize("path", CONLLU_FILES, ids=lambda p: p.name)
def test_split_documents_read_as_the_whole_file(path: Path) -> None:
    """Each split-out piece read alone gives the document read_conllu gives for the file."""
    whole = list(read_conllu(path))
    with open(path, encoding="utf-8") as handle:
        pieces = [loads_conllu(text, name=str(path)) for _, text, _ in
                  conllu_documents(handle, str(path))]
    assert all(len(piece) == 1 for piece in pieces)
    assert [piece[0] for piece in pieces] == whole


def test_split_without_newdoc_names_documents_like_the_reader() -> None:
    """Without ``# newdoc`` each sentence is a document named by sent_id or FILE-N."""
    text = ("# sent_id = s1\n1\tHi\thi\tINTJ\t_\t_\t0\troot\t_\t_\n\n"
            "1\tBye\tbye\tINTJ\t_\t_\t0\troot\t_\t_\n\n")
    pieces = list(conllu_documents(io.StringIO(text), "x/news.conllu"))
    assert [(line, added) for line, _, added in pieces] == [(1, 1), (4, 1)]
    ids = [loads_conllu(piece)[0].id for _, piece, _ in pieces]
    assert ids == ["s1", "news-2"] == [d.id for d in loads_conllu(text, name="x/news.conllu")]


@settings(max_examples=40, deadline=None)
@given(st.lists(documents(), max_size=4, unique_by=lambda d: d.id))
def test_split_round_trips_written_documents(docs: list) -> None:
    """Documents written as CoNLL-U come back one piece per document, equal."""
    text = dumps_conllu(docs)
    pieces = [loads_conllu(piece) for _, piece, _ in conllu_documents(io.StringIO(text), "g")]
    assert [piece[0] for piece in pieces] == loads_conllu(text, name="g")


def test_items_account_for_every_jsonl_line(tmp_path: Path) -> None:
    """Good, bad-JSON and text-less JSONL lines each become one item, errors named."""
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Hello."}\nnot json\n{"id": "c"}\n', encoding="utf-8")
    items = list(iter_items([str(path)]))
    assert [item.key for item in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert items[0].text is not None and items[0].error is None
    assert items[1].error is not None and items[1].error.startswith("bad JSON")
    assert items[2].error == "field 'text': missing or empty"


def test_items_for_conllu_carry_the_document_id() -> None:
    """CoNLL-U items have the document's id, first line and text; no parse is built."""
    items = list(iter_items([str(DATA / "batch" / "news.conllu")]))
    assert items[0].id == "idlib-2017-10-24" and items[0].line == 1
    assert all(item.conllu and item.text is None for item in items)
    assert len(items) == 12


def test_missing_input_is_an_error_before_reading(tmp_path: Path) -> None:
    """A missing file fails with its name before any record is read."""
    with pytest.raises(InputError, match="no such file"):
        iter_items([str(tmp_path / "nope.jsonl")])
