"""The batch runner: error accounting, workers, de-duplication, ledger and resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.batch import BatchOptions, CoderSpec, iter_items, run_batch
from eventcoder.batch.spec import coder_for
from eventcoder.conllu import read_conllu
from eventcoder.errors import EventCoderError
from eventcoder.events import Event
from eventcoder.model import Document

DATA = Path(__file__).resolve().parent / "data" / "batch"
NEWS = DATA / "news.conllu"
SPEC = CoderSpec((str(DATA / "dictionaries.yaml"),), include_default=False)


def _corpus(tmp_path: Path, copies: int) -> Path:
    """news.conllu repeated with new document ids (real parses, more records); copies
    2k and 2k+1 have the same dates, a century apart from other pairs."""
    text = NEWS.read_text(encoding="utf-8")
    path = tmp_path / "corpus.conllu"
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            out.write(text.replace("# newdoc id = ", f"# newdoc id = c{copy}-")
                      .replace("# newdoc date = 20", f"# newdoc date = {20 + copy // 2}"))
    return path


def _run(paths: list[Path], out: Path, **options: object) -> tuple[object, bytes]:
    summary = run_batch(iter_items([str(p) for p in paths]), SPEC,
                        BatchOptions(output=str(out), **options))  # type: ignore[arg-type]
    return summary, out.read_bytes()


def test_every_record_is_accounted_for(tmp_path: Path) -> None:
    """Bad JSON, missing text, bad date and broken CoNLL-U become error records; the
    counts add up to the input records."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('not json\n{"id": "t1"}\n{"id": "d1", "text": "x", "date": "2017-02-30"}\n',
                   encoding="utf-8")
    broken = tmp_path / "broken.conllu"
    broken.write_text("# newdoc id = b1\n1\tHi\thi\tINTJ\n\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    summary, output = _run([bad, NEWS, broken], tmp_path / "out.jsonl", errors=str(errors))
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["line"]) for r in records] == [
        (str(bad), 1), (str(bad), 2), (str(bad), 3), (str(broken), 2)]
    assert records[0]["reason"].startswith("bad JSON") and records[0]["raw"] == "not json"
    assert records[1]["reason"] == "field 'text': missing or empty"
    assert "date" in records[2]["reason"] and records[2]["id"] == "d1"
    assert "10 tab-separated columns" in records[3]["reason"] and records[3]["id"] == "b1"
    assert summary.records == 16 == summary.documents + summary.errors  # type: ignore[attr-defined]
    assert summary.errors == 4 and summary.documents == 12  # type: ignore[attr-defined]
    events = output.decode().splitlines()
    assert summary.events == len(events) > 0  # type: ignore[attr-defined]
    with_events = len({json.loads(line)["doc_id"] for line in events})
    assert summary.documents == with_events + summary.no_event  # type: ignore[attr-defined]


def test_output_is_the_coders_events_in_input_order(tmp_path: Path) -> None:
    """The JSONL output is exactly Coder.code_document's events for each document."""
    _, output = _run([NEWS], tmp_path / "out.jsonl")
    coder = coder_for(SPEC)
    expected = [event.to_dict() for doc in read_conllu(NEWS)
                for event in coder.code_document(doc)]
    got = [json.loads(line) for line in output.decode().splitlines()]
    for line in got:
        del line["event_id"]
        line.pop("meta", None)
    assert got == expected


def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    """workers=2 (small chunks, out-of-order completion possible) gives identical bytes."""
    corpus = _corpus(tmp_path, 6)
    _, one = _run([corpus], tmp_path / "one.jsonl", workers=1, chunk_size=5)
    summary, two = _run([corpus], tmp_path / "two.jsonl", workers=2, chunk_size=5)
    assert one == two and one
    assert summary.documents == 72  # type: ignore[attr-defined]


def test_daily_dedupe_keeps_one_event_per_day_source_target_code(tmp_path: Path) -> None:
    """A story seen twice on the same day adds no events with --dedupe daily."""
    corpus = _corpus(tmp_path, 1)
    twice = tmp_path / "twice.conllu"
    twice.write_text(corpus.read_text() + corpus.read_text().replace("c0-", "again-"),
                     encoding="utf-8")
    once_summary, once = _run([corpus], tmp_path / "once.jsonl", dedupe="daily")
    summary, both = _run([twice], tmp_path / "both.jsonl", dedupe="daily")
    assert both == once
    assert summary.duplicates == once_summary.events > 0  # type: ignore[attr-defined]
    _, plain = _run([twice], tmp_path / "plain.jsonl")
    assert len(plain.splitlines()) == 2 * len(once.splitlines())


class InterruptingCoder:
    """Test double for the ledger bookkeeping: codes with the real coder, then raises
    (like a kill) when asked for its ``limit``-th document."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen = 0

    def code_document(self, doc: Document) -> list[Event]:
        self.seen += 1
        if self.seen >= self.limit:
            raise SystemExit("interrupted")
        return coder_for(SPEC).code_document(doc)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv"])
def test_resume_after_an_interruption_gives_the_uninterrupted_output(
    tmp_path: Path, fmt: str
) -> None:
    """A run stopped part-way and resumed writes what one uninterrupted run writes,
    and the summary counts every record once."""
    corpus = _corpus(tmp_path, 5)
    options = {"format": fmt, "chunk_size": 4, "checkpoint_seconds": 0.0, "dedupe": "daily"}
    full_summary, full = _run([corpus], tmp_path / f"full.{fmt}", **options)
    out = tmp_path / f"resumed.{fmt}"
    with pytest.raises(SystemExit):
        run_batch(iter_items([str(corpus)]), SPEC, BatchOptions(output=str(out), **options),
                  coder=InterruptingCoder(limit=31))
    assert 0 < out.stat().st_size < len(full)
    assert full_summary.duplicates > 0  # type: ignore[attr-defined]
    summary, resumed = _run([corpus], out, resume=True, **options)
    assert resumed == full
    assert summary.resumed > 0  # type: ignore[attr-defined]
    assert summary.counts() == full_summary.counts()  # type: ignore[attr-defined]


def test_resume_refuses_other_settings_or_changed_input(tmp_path: Path) -> None:
    """The ledger ties a run to its settings and records; resuming otherwise fails."""
    corpus = _corpus(tmp_path, 2)
    out = tmp_path / "out.jsonl"
    _run([corpus], out, chunk_size=4, checkpoint_seconds=0.0)
    with pytest.raises(EventCoderError, match="other settings"):
        _run([corpus], out, resume=True, dedupe="daily")
    shorter = _corpus(tmp_path / "x" if (tmp_path / "x").mkdir() is None else tmp_path, 1)
    with pytest.raises(EventCoderError, match="did the input change"):
        _run([shorter], out, resume=True)


def test_resume_of_a_finished_run_changes_nothing(tmp_path: Path) -> None:
    """Resuming a run that finished skips every record and keeps the output."""
    corpus = _corpus(tmp_path, 2)
    out = tmp_path / "out.jsonl"
    first, before = _run([corpus], out)
    summary, after = _run([corpus], out, resume=True)
    assert after == before
    assert summary.resumed == summary.records == first.records  # type: ignore[attr-defined]


def test_options_are_checked() -> None:
    """Unknown formats, resuming to stdout or Parquet, and zero workers are refused."""
    with pytest.raises(EventCoderError, match="format"):
        BatchOptions(format="xml")
    with pytest.raises(EventCoderError, match="--resume"):
        BatchOptions(output="-", resume=True)
    with pytest.raises(EventCoderError, match="--resume"):
        BatchOptions(output="x.parquet", format="parquet", resume=True)
    with pytest.raises(EventCoderError, match="workers"):
        BatchOptions(workers=0)
