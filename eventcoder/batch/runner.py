"""The batch pipeline: read -> (cache | parse) -> code -> write, with worker processes.

>>> from eventcoder.batch import BatchOptions, CoderSpec, iter_items, run_batch
>>> summary = run_batch(iter_items(["news.conllu"]), CoderSpec(),
...                     BatchOptions(output="events.jsonl", workers=2))

The main process reads records, looks texts up in the parse cache, parses the misses
(many texts per parser call) and writes the results; worker processes code chunks of
documents (``workers``). At most ``2 * workers`` chunks are in flight, so memory stays
flat on any input, and results are written in input order, so the output does not
depend on the number of workers.

Every record ends as events, as a "no event" record, or as an error record (written to
the errors file with its file, line, id and reason). When the output is a file the run
keeps a ledger (:mod:`eventcoder.batch.ledger`) and can be resumed after being killed.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import attrs

from eventcoder.batch.cache import ParseCache, cache_key, with_identity
from eventcoder.batch.dedupe import DEDUPE_MODES, DailyDeduper
from eventcoder.batch.heap import freeze_after_build, frozen_heap
from eventcoder.batch.ledger import Ledger
from eventcoder.batch.sources import WorkItem
from eventcoder.batch.spec import CoderSpec, coder_for, parser_for
from eventcoder.batch.writers import FORMATS, EventRow, EventWriter, make_writer
from eventcoder.errors import EventCoderError, InputError, ModelsNotInstalledError
from eventcoder.events import Event
from eventcoder.model import Document, SourceText
from eventcoder.parsers.base import Parser

__all__ = ["BatchOptions", "CodesDocuments", "Summary", "code_payloads", "run_batch"]

logger = logging.getLogger(__name__)


class CodesDocuments(Protocol):
    """Anything that codes a parsed document (a :class:`~eventcoder.coder.Coder`)."""

    def code_document(self, doc: Document) -> list[Event]: ...


@attrs.frozen
class BatchOptions:
    """Where and how a batch run writes.

    ``output``: a file, or ``-`` for standard output. ``format``: jsonl, csv, tsv or
    parquet. ``errors``: a JSONL file for error records (None: logged as warnings).
    ``ledger``: the resume ledger (default ``OUTPUT.ledger``; none for standard output
    or Parquet). ``resume``: continue an interrupted run. ``dedupe``: None or "daily".
    ``cache``: an SQLite parse cache. ``chunk_size``: documents per worker task.
    ``checkpoint_seconds``: how often the output is made durable and the ledger committed.
    """

    output: str = "-"
    format: str = "jsonl"
    workers: int = 1
    chunk_size: int = 64
    cache: str | None = None
    errors: str | None = None
    ledger: str | None = None
    resume: bool = False
    dedupe: str | None = None
    checkpoint_seconds: float = 1.0

    def __attrs_post_init__(self) -> None:
        if self.format not in FORMATS:
            raise EventCoderError(f"unknown output format {self.format!r}: "
                                  f"use one of {', '.join(FORMATS)}")
        if self.dedupe not in (None, *DEDUPE_MODES):
            raise EventCoderError(f"unknown --dedupe {self.dedupe!r}: use 'daily'")
        if self.workers < 1 or self.chunk_size < 1:
            raise EventCoderError("workers and chunk_size must be at least 1")
        if self.resume and (self.output == "-" or self.format == "parquet"):
            raise EventCoderError("--resume needs a JSONL, CSV or TSV output file (-o FILE)")

    @property
    def ledger_path(self) -> str | None:
        if self.output == "-" or self.format == "parquet":
            return None
        return self.ledger or f"{self.output}.ledger"


@attrs.define
class Summary:
    """What a run did: every record is a document (with or without events) or an error."""

    records: int = 0
    documents: int = 0
    sentences: int = 0
    events: int = 0
    no_event: int = 0
    errors: int = 0
    duplicates: int = 0
    resumed: int = 0
    cache_hits: int = 0
    parsed: int = 0
    seconds: float = 0.0
    #: sentences coded by the interrupted run (not part of this run's throughput)
    resumed_sentences: int = 0

    _COUNTS = ("records", "documents", "sentences", "events", "no_event", "errors",
               "duplicates", "cache_hits", "parsed")

    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self._COUNTS}

    def restore(self, counts: dict[str, int]) -> None:
        for name in self._COUNTS:
            setattr(self, name, int(counts.get(name, 0)))
        self.resumed = self.records
        self.resumed_sentences = self.sentences

    def line(self) -> str:
        """A one-line summary for stderr."""
        new_sentences = self.sentences - self.resumed_sentences
        rate = new_sentences / self.seconds if self.seconds > 0 else 0.0
        resumed = f" ({self.resumed:,} from the interrupted run)" if self.resumed else ""
        return (
            f"{self.records:,} records{resumed}: {self.documents:,} documents "
            f"({self.sentences:,} sentences), {self.events:,} events, "
            f"{self.no_event:,} with no event, {self.errors:,} errors"
            + (f", {self.duplicates:,} duplicates dropped" if self.duplicates else "")
            + f"; {self.seconds:.1f} s, {rate:,.0f} sentences/s"
        )


# --------------------------------------------------------------------------- coding


@attrs.frozen
class Coded:
    """A coded document: its sentence count, events and metadata (carried to the events)."""

    sentences: int
    events: list[Event]
    meta: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Failed:
    """A record that could not be coded, and why."""

    reason: str
    line: int | None = None


Outcome = Coded | Failed
#: What a worker codes: a document as CoNLL-U text (with its file and line offset, see
#: :class:`~eventcoder.batch.sources.WorkItem`) or an already parsed Document.
Payload = tuple[str, int, "str | Document"]


def code_payloads(coder: CodesDocuments, payloads: Sequence[Payload]) -> list[Outcome]:
    """Code each payload; failures become :class:`Failed` outcomes, never exceptions."""
    from eventcoder.conllu import loads_conllu

    outcomes: list[Outcome] = []
    for label, offset, payload in payloads:
        if isinstance(payload, str):
            try:
                docs = loads_conllu(payload, name=label)
            except InputError as error:
                outcomes.append(_reading_failure(error, offset))
                continue
            doc = docs[0]
        else:
            doc = payload
        try:
            outcomes.append(
                Coded(len(doc.sentences), coder.code_document(doc), dict(doc.metadata))
            )
        except Exception as error:  # one record's failure is its error record
            logger.debug("coder failure", exc_info=True)
            outcomes.append(Failed(f"coder failure: {type(error).__name__}: {error}"))
    return outcomes


def _reading_failure(error: InputError, offset: int) -> Failed:
    where = error.location.line
    field = f"{error.location.field}: " if error.location.field else ""
    return Failed(f"bad CoNLL-U: {field}{error.message}", offset + where if where else None)


def _code_in_worker(spec: CoderSpec, payloads: Sequence[Payload]) -> list[Outcome]:
    builds = coder_for.cache_info().misses
    coder = coder_for(spec)
    freeze_after_build(coder_for.cache_info().misses != builds)
    return code_payloads(coder, payloads)


# --------------------------------------------------------------------------- tasks


@attrs.define
class _Task:
    """A chunk of records: outcomes known in the main process, payloads for a worker."""

    items: list[WorkItem]
    outcomes: list[Outcome | None]
    payloads: list[Payload]
    #: positions in ``items`` of the payloads
    slots: list[int]


class _Parsing:
    """Turns text records into documents: cache lookups, then one parser call per chunk."""

    def __init__(self, spec: CoderSpec, parser: Parser | None, cache: ParseCache | None,
                 summary: Summary) -> None:
        self._spec = spec
        self._parser = parser
        self.cache = cache
        self._summary = summary

    @property
    def parser(self) -> Parser:
        if self._parser is None:
            self._parser = parser_for(self._spec.parser)
        return self._parser

    def documents(self, texts: list[SourceText]) -> list[Document | str | Failed]:
        """For each text: a Document, cached CoNLL-U (a str), or the parser's failure."""
        results: list[Document | str | Failed | None] = [None] * len(texts)
        keys: list[str] = []
        if self.cache is not None:
            name, version = self.parser.name, self.parser.version
            keys = [cache_key(name, version, text.text) for text in texts]
            found = self.cache.get_many(keys)
            for index, (key, text) in enumerate(zip(keys, texts, strict=False)):
                if key in found:
                    results[index] = with_identity(found[key], text.id, _header(text))
                    self._summary.cache_hits += 1
        todo = [index for index, result in enumerate(results) if result is None]
        parsed = self._parse([texts[index] for index in todo])
        stored: dict[str, Document] = {}
        for index, outcome in zip(todo, parsed, strict=False):
            results[index] = outcome
            if isinstance(outcome, Document):
                self._summary.parsed += 1
                if self.cache is not None:
                    stored[keys[index]] = outcome
        if self.cache is not None and stored:
            self.cache.put_documents(self.parser.name, self.parser.version, stored)
        return [result for result in results if result is not None]

    def _parse(self, texts: list[SourceText]) -> list[Document | Failed]:
        if not texts:
            return []
        parser = self.parser  # a parser that cannot be built stops the run
        try:
            return list(self._checked(texts, list(parser.parse(texts))))
        except ModelsNotInstalledError:
            raise
        except Exception:  # retried one by one to find the culprit
            logger.debug("parser failed on a batch; parsing its texts one by one",
                         exc_info=True)
        return [self._parse_one(text) for text in texts]

    def _checked(self, texts: list[SourceText], docs: list[Document]) -> list[Document]:
        if len(docs) != len(texts):
            raise EventCoderError(f"the parser returned {len(docs)} documents "
                                  f"for {len(texts)} texts")
        return docs

    def _parse_one(self, text: SourceText) -> Document | Failed:
        try:
            return self._checked([text], list(self.parser.parse([text])))[0]
        except ModelsNotInstalledError:
            raise
        except Exception as error:  # one record's failure is its error record
            return Failed(f"parser failure: {type(error).__name__}: {error}")


def _header(text: SourceText) -> Document:
    return Document(text.id, (), text.text, text.date, text.metadata)


def _chunks(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    chunk: list[WorkItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _task(items: list[WorkItem], parsing: _Parsing) -> _Task:
    task = _Task(items, [None] * len(items), [], [])
    texts = [(i, item.text) for i, item in enumerate(items) if item.text is not None]
    documents = parsing.documents([text for _, text in texts]) if texts else []
    parsed = {i: doc for (i, _), doc in zip(texts, documents, strict=False)}
    for index, item in enumerate(items):
        payload: Document | str | Failed | None = parsed.get(index, item.conllu)
        if item.error is not None:
            task.outcomes[index] = Failed(item.error)
        elif isinstance(payload, Failed):
            task.outcomes[index] = payload
        elif payload is not None:
            task.payloads.append((item.file, item.line_offset, payload))
            task.slots.append(index)
        else:
            task.outcomes[index] = Failed("record has neither text nor parse")
    return task


def _fill(task: _Task, outcomes: list[Outcome]) -> list[Outcome]:
    for slot, outcome in zip(task.slots, outcomes, strict=False):
        task.outcomes[slot] = outcome
    return [outcome for outcome in task.outcomes if outcome is not None]


def _serial(tasks: Iterator[_Task], coder: CodesDocuments) -> Iterator[tuple[_Task, list[Outcome]]]:
    for task in tasks:
        yield task, _fill(task, code_payloads(coder, task.payloads))


def _parallel(tasks: Iterator[_Task], spec: CoderSpec, workers: int
              ) -> Iterator[tuple[_Task, list[Outcome]]]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(workers) as pool:
        pending: deque[tuple[_Task, Any]] = deque()
        for task in tasks:
            pending.append((task, pool.apply_async(_code_in_worker, (spec, task.payloads))))
            while len(pending) >= 2 * workers:
                done, result = pending.popleft()
                yield done, _fill(done, result.get())
        while pending:
            done, result = pending.popleft()
            yield done, _fill(done, result.get())


# --------------------------------------------------------------------------- output


class _ErrorLog:
    """Error records as JSONL (``file``, ``line``, ``id``, ``reason``, ``raw``), or as log
    warnings when there is no errors file. The file is created on the first error."""

    def __init__(self, path: str | None, offset: int | None) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None
        if path is not None and offset is not None and Path(path).exists():
            _truncate(path, offset, "errors file")
            self._handle = open(path, "ab")  # noqa: SIM115 - closed in close()
        elif path is not None and offset is None:
            Path(path).unlink(missing_ok=True)

    def write(self, item: WorkItem, failed: Failed) -> None:
        line = failed.line or item.line
        if self.path is None:
            logger.warning("%s:%s: %s", item.file, line, failed.reason)
            return
        if self._handle is None:
            self._handle = open(self.path, "ab")  # noqa: SIM115 - closed in close()
        record = {"file": item.file, "line": line, "id": item.id, "reason": failed.reason,
                  "raw": item.raw.rstrip("\r\n") if item.raw is not None else None}
        self._handle.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))

    def checkpoint(self) -> int:
        if self._handle is None:
            return 0
        self._handle.flush()
        os.fsync(self._handle.fileno())
        return self._handle.tell()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


def _truncate(path: str, offset: int, what: str) -> None:
    size = Path(path).stat().st_size if Path(path).exists() else 0
    if size < offset:
        raise EventCoderError(f"{path}: cannot resume: the {what} is shorter ({size} bytes) "
                              f"than the ledger's checkpoint ({offset} bytes)")
    with open(path, "r+b") as handle:
        handle.truncate(offset)


@attrs.define
class _Outputs:
    """The output stream, its writer, the errors log, the ledger and the deduper."""

    stream: IO[bytes]
    writer: EventWriter
    errors: _ErrorLog
    ledger: Ledger | None
    deduper: DailyDeduper | None
    dedupe_db: Any = None
    scratch: Any = None

    def checkpoint(self, summary: Summary, *, finished: bool = False) -> None:
        output = self.writer.checkpoint()
        errors = self.errors.checkpoint()
        if self.ledger is not None:
            self.ledger.commit(output, errors, summary.counts(), finished=finished)
        elif self.dedupe_db is not None:
            self.dedupe_db.commit()

    def close(self) -> None:
        self.writer.close()
        self.errors.close()
        if self.stream is not sys.stdout.buffer:
            self.stream.close()
        if self.ledger is not None:
            self.ledger.close()
        if self.dedupe_db is not None:
            self.dedupe_db.close()
        if self.scratch is not None:
            self.scratch.cleanup()


def _open_outputs(options: BatchOptions, settings: dict[str, Any]) -> _Outputs:
    ledger_path = options.ledger_path
    ledger = Ledger(ledger_path, settings, resume=options.resume) if ledger_path else None
    resuming = ledger is not None and ledger.checkpoint.records > 0
    if options.output == "-":
        stream: IO[bytes] = sys.stdout.buffer
    elif resuming and ledger is not None:
        _truncate(options.output, ledger.checkpoint.output, "output")
        stream = open(options.output, "ab")  # noqa: SIM115 - closed by _Outputs.close
    else:
        stream = open(options.output, "wb")  # noqa: SIM115 - closed by _Outputs.close
    errors_offset = ledger.checkpoint.errors if resuming and ledger is not None else None
    outputs = _Outputs(stream, make_writer(options.format, stream),
                       _ErrorLog(options.errors, errors_offset), ledger, None)
    if options.dedupe == "daily":
        if ledger is not None:
            outputs.deduper = DailyDeduper(ledger.db)
        else:
            outputs.scratch = tempfile.TemporaryDirectory(prefix="eventcoder-dedupe-")
            import sqlite3

            outputs.dedupe_db = sqlite3.connect(os.path.join(outputs.scratch.name, "seen.db"))
            outputs.deduper = DailyDeduper(outputs.dedupe_db)
    return outputs


# --------------------------------------------------------------------------- the run


def _skip_finished(items: Iterable[WorkItem], ledger: Ledger | None) -> Iterator[WorkItem]:
    """The records after those the ledger has as finished (checking they are the same)."""
    iterator = iter(items)
    if ledger is None or ledger.checkpoint.records == 0:
        yield from iterator
        return
    count = 0
    for count, key in enumerate(ledger.done_keys(), 1):
        item = next(iterator, None)
        if item is None or item.key != key:
            found = "the end of the input" if item is None else item.key
            raise EventCoderError(
                f"{ledger.path}: cannot resume: record {count} was {key} in the interrupted "
                f"run but is {found} now (did the input change?); run again without --resume"
            )
    if count != ledger.checkpoint.records:
        raise EventCoderError(f"{ledger.path}: the ledger is damaged; run without --resume")
    yield from iterator


def _settings(spec: CoderSpec | None, options: BatchOptions,
              extra: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "format": options.format,
        "dedupe": options.dedupe,
        "errors": options.errors,
        "coder": attrs.asdict(spec) if spec is not None else None,
        **(extra or {}),
    }


def run_batch(
    items: Iterable[WorkItem],
    spec: CoderSpec | None,
    options: BatchOptions,
    *,
    coder: CodesDocuments | None = None,
    parser: Parser | None = None,
    progress: Callable[[Summary], None] | None = None,
    settings: dict[str, Any] | None = None,
) -> Summary:
    """Code every work item and write events, error records and the ledger.

    ``spec`` says how workers build the coder (and which parser to use for texts);
    ``coder`` overrides it in this process (only with ``workers=1``); ``parser`` overrides
    the spec's parser. ``settings`` (e.g. the input paths) are added to what a resumed
    run must match. Returns the :class:`Summary`; counts include records finished by the
    interrupted run when resuming.
    """
    if spec is None and coder is None:
        raise ValueError("run_batch needs a CoderSpec or a coder")
    if options.workers > 1 and (coder is not None or spec is None):
        raise ValueError("workers > 1 needs a CoderSpec (workers build their own coder)")
    start = time.monotonic()
    # dictionary errors stop the run before any file is touched (workers inherit the
    # coder built here when they are forked)
    local = coder if coder is not None else coder_for(spec)  # type: ignore[arg-type]
    with frozen_heap():  # forked workers inherit the frozen dictionaries
        return _run(items, spec, options, local, parser, progress, settings, start)


def _run(
    items: Iterable[WorkItem],
    spec: CoderSpec | None,
    options: BatchOptions,
    local: CodesDocuments,
    parser: Parser | None,
    progress: Callable[[Summary], None] | None,
    settings: dict[str, Any] | None,
    start: float,
) -> Summary:
    """:func:`run_batch` once the coder is built: open the outputs, code, write, close."""
    summary = Summary()
    outputs = _open_outputs(options, _settings(spec, options, settings))
    cache = ParseCache(options.cache) if options.cache else None
    try:
        if outputs.ledger is not None and outputs.ledger.checkpoint.records:
            summary.restore(dict(outputs.ledger.checkpoint.counts))
        parsing = _Parsing(spec or CoderSpec(), parser, cache, summary)
        todo = _skip_finished(items, outputs.ledger)
        tasks = (_task(chunk, parsing) for chunk in _chunks(todo, options.chunk_size))
        if options.workers > 1 and spec is not None:
            results = _parallel(tasks, spec, options.workers)
        else:
            results = _serial(tasks, local)
        last = time.monotonic()
        for task, outcomes in results:
            _account(task, outcomes, outputs, summary)
            if time.monotonic() - last >= options.checkpoint_seconds:
                outputs.checkpoint(summary)
                last = time.monotonic()
            summary.seconds = time.monotonic() - start
            if progress is not None:
                progress(summary)
        summary.seconds = time.monotonic() - start
        outputs.checkpoint(summary, finished=True)
    finally:
        outputs.close()
        if cache is not None:
            cache.close()
    return summary


def _account(task: _Task, outcomes: list[Outcome], outputs: _Outputs, summary: Summary) -> None:
    for item, outcome in zip(task.items, outcomes, strict=False):
        summary.records += 1
        if isinstance(outcome, Failed):
            summary.errors += 1
            outputs.errors.write(item, outcome)
        else:
            summary.documents += 1
            summary.sentences += outcome.sentences
            if not outcome.events:
                summary.no_event += 1
            meta = outcome.meta
            for number, event in enumerate(outcome.events, 1):
                if outputs.deduper is not None and not outputs.deduper.first(event):
                    summary.duplicates += 1
                    continue
                summary.events += 1
                outputs.writer.write(EventRow(event, f"{event.doc_id}-{number}", meta))
        if outputs.ledger is not None:
            outputs.ledger.finished_record(item.key, item.id)
