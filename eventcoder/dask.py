"""Distributed coding with Dask: bags and dataframes of documents, coded on a cluster.

>>> import dask.bag as db
>>> from eventcoder.batch import CoderSpec
>>> from eventcoder.dask import code_bag, code_conllu_files
>>> spec = CoderSpec(dictionaries=("my-dictionaries/",))
>>> events = code_conllu_files(["part-000.conllu", "part-001.conllu"], spec)
>>> events.map(json.dumps).to_textfiles("events/*.jsonl")

Workers receive the small, picklable :class:`~eventcoder.batch.spec.CoderSpec`, never a
built Coder, and build the coder with :func:`~eventcoder.batch.spec.coder_for`, an
``lru_cache`` keyed by the spec: the dictionaries are loaded and compiled once per
worker process, not once per record or partition. Texts (not yet parsed) are parsed on
the workers with :func:`~eventcoder.batch.spec.parser_for`, also built once per worker.

:func:`code_partition` is a plain function of an iterable of records: Spark users call
it through ``rdd.mapPartitions`` (see docs/scaling.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from eventcoder.batch.spec import CoderSpec, coder_for, parser_for
from eventcoder.batch.writers import CSV_COLUMNS, EventRow, flat_row
from eventcoder.events import Event
from eventcoder.model import Document, SourceText

__all__ = ["code_bag", "code_conllu_files", "code_dataframe", "code_partition", "event_record"]

Record = Document | SourceText | str | Mapping[str, Any]


def event_record(event: Event, number: int, meta: Mapping[str, Any]) -> dict[str, Any]:
    """An event as the JSONL writer writes it: ``to_dict()``, ``event_id``, ``meta``."""
    data = event.to_dict()
    data["event_id"] = f"{event.doc_id}-{number}"
    if meta:
        data["meta"] = dict(meta)
    return data


def _source_text(record: Mapping[str, Any]) -> SourceText:
    date = record.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    meta = {k: v for k, v in record.items() if k not in ("id", "text", "date")}
    return SourceText(str(record["id"]), str(record["text"]), date, meta)


def _documents(records: Iterable[Record], spec: CoderSpec) -> Iterator[Document]:
    """Documents in record order; texts are parsed in one batched parser call."""
    from eventcoder.conllu import loads_conllu

    texts: list[SourceText] = []
    order: list[Document | int] = []
    for record in records:
        if isinstance(record, Document):
            order.append(record)
        elif isinstance(record, str):
            order.extend(loads_conllu(record))
        else:
            text = record if isinstance(record, SourceText) else _source_text(record)
            order.append(len(texts))
            texts.append(text)
    parsed = list(parser_for(spec.parser).parse(texts)) if texts else []
    for item in order:
        yield parsed[item] if isinstance(item, int) else item


def code_partition(records: Iterable[Record], spec: CoderSpec) -> list[dict[str, Any]]:
    """Code one partition: Documents, CoNLL-U strings, SourceTexts or ``{"id", "text",
    "date", ...}`` mappings in, event records (JSON-ready dicts) out, in order."""
    coder = coder_for(spec)
    found: list[dict[str, Any]] = []
    for doc in _documents(records, spec):
        for number, event in enumerate(coder.code_document(doc), 1):
            found.append(event_record(event, number, doc.metadata))
    return found


def _code_files(paths: Iterable[str], spec: CoderSpec) -> list[dict[str, Any]]:
    from eventcoder.conllu import read_conllu

    coder = coder_for(spec)
    found: list[dict[str, Any]] = []
    for path in paths:
        for doc in read_conllu(path):
            for number, event in enumerate(coder.code_document(doc), 1):
                found.append(event_record(event, number, doc.metadata))
    return found


def code_bag(bag: Any, spec: CoderSpec) -> Any:
    """A Dask bag of records (see :func:`code_partition`) -> a bag of event records."""
    return bag.map_partitions(code_partition, spec)


def code_conllu_files(paths: Iterable[str], spec: CoderSpec, *,
                      npartitions: int | None = None) -> Any:
    """A bag of the event records of CoNLL-U files, one file per partition by default
    (each file read streaming on its worker)."""
    import dask.bag as db

    files = [str(path) for path in paths]
    bag = db.from_sequence(files, npartitions=npartitions or max(len(files), 1))
    return bag.map_partitions(_code_files, spec)


def _code_frame(frame: Any, spec: CoderSpec, columns: Mapping[str, str]) -> Any:
    import pandas as pd

    coder = coder_for(spec)
    if "conllu" in columns:
        records: list[Record] = list(frame[columns["conllu"]])
    else:
        records = [
            {"id": row[columns["id"]], "text": row[columns["text"]],
             "date": row[columns["date"]] if columns["date"] in frame else None}
            for _, row in frame.iterrows()
        ]
    rows = []
    for doc in _documents(records, spec):
        for number, event in enumerate(coder.code_document(doc), 1):
            rows.append(flat_row(EventRow(event, f"{event.doc_id}-{number}", doc.metadata)))
    return pd.DataFrame(rows, columns=list(CSV_COLUMNS))


def code_dataframe(frame: Any, spec: CoderSpec, *, text: str = "text", id: str = "id",
                   date: str = "date", conllu: str | None = None) -> Any:
    """A Dask dataframe of texts (columns ``id``, ``text``, ``date``) or of CoNLL-U
    documents (column ``conllu``) -> a dataframe of events with the CSV columns."""
    import pandas as pd

    columns = {"conllu": conllu} if conllu else {"text": text, "id": id, "date": date}
    meta = pd.DataFrame({name: pd.Series(dtype="object") for name in CSV_COLUMNS})
    return frame.map_partitions(_code_frame, spec, columns, meta=meta)
