"""Shared data for the coder tests: the small test dictionaries and the committed
CoNLL-U parses under tests/data/coder/ (spaCy en_core_web_sm 3.8 through the spaCy
adapter, hand-checked)."""

from __future__ import annotations

import functools
from pathlib import Path

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.dictionaries.schema import DictionarySet
from eventcoder.model import Document

CODER_DATA = Path(__file__).resolve().parent / "data" / "coder"


@functools.cache
def coder_dictionaries() -> DictionarySet:
    """tests/data/coder/actors.yaml alone (no default set)."""
    return load_dictionaries([CODER_DATA / "actors.yaml"], include_default=False, cache=False)


@functools.cache
def make_coder(**options: bool) -> Coder:
    """A Coder over the test dictionaries."""
    return Coder(coder_dictionaries(), **options)


@functools.cache
def fixture_docs(name: str) -> dict[str, Document]:
    """The documents of tests/data/coder/NAME.conllu by id."""
    return {doc.id: doc for doc in read_conllu(CODER_DATA / f"{name}.conllu")}


def doc(name: str, doc_id: str) -> Document:
    return fixture_docs(name)[doc_id]


def triples(events: list) -> list[tuple[str | None, str, str | None]]:
    """(source code, event code, target code) of each event, in order."""
    return [
        (e.source.code if e.source else None, e.code, e.target.code if e.target else None)
        for e in events
    ]
