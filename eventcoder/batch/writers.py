"""Output formats for coded events: JSON Lines (default), CSV, Phoenix-style TSV, Parquet.

Each writer takes :class:`EventRow` values (an event, its id and the record's carried
fields) and writes them to a binary stream. JSONL, CSV and TSV writers can report a
durable byte offset (:meth:`checkpoint`), which the resume ledger records; Parquet
files are written whole and cannot be resumed.

* ``jsonl``: ``Event.to_dict()`` plus ``event_id``, and ``meta`` (the input record's
  other fields) when the record had any.
* ``csv``: one row per event with the flat :data:`CSV_COLUMNS`; ``meta`` as JSON.
* ``tsv``: the 26 columns of the Phoenix data set (:data:`PHOENIX_COLUMNS`), with a
  header line; empty where eventcoder has nothing (latitude, longitude, state).
* ``parquet``: the :data:`CSV_COLUMNS` with types; needs pyarrow
  (``pip install 'eventcoder[parquet]'``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Callable, Mapping
from typing import IO, Any, Protocol

import attrs

from eventcoder.batch.jsonl import jsonl_encoder
from eventcoder.errors import EventCoderError
from eventcoder.events import ActorRef, Event

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "PHOENIX_COLUMNS",
    "EventRow",
    "EventWriter",
    "flat_row",
    "make_writer",
    "phoenix_row",
]

FORMATS = ("jsonl", "csv", "tsv", "parquet")


@attrs.frozen
class EventRow:
    """An event as written: the event, its id (``DOC-N``) and the record's other fields."""

    event: Event
    event_id: str
    meta: Mapping[str, Any] = attrs.field(factory=dict)


class EventWriter(Protocol):
    """Writes event rows; ``checkpoint`` makes them durable and returns the byte offset."""

    resumable: bool

    def write(self, row: EventRow) -> None: ...

    def checkpoint(self) -> int: ...

    def close(self) -> None: ...


# --------------------------------------------------------------------------- row shapes

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence", "date", "source_code", "source_text", "source_entry",
    "target_code", "target_text", "target_entry", "code", "root", "quad_class", "goldstein",
    "plover_event", "plover_mode", "plover_context", "verb", "pattern", "negated",
    "location_text", "location_country", "issues", "text", "meta",
)


def _actor(prefix: str, actor: ActorRef | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_code": None, f"{prefix}_text": None, f"{prefix}_entry": None}
    return {f"{prefix}_code": actor.code, f"{prefix}_text": actor.text,
            f"{prefix}_entry": actor.entry}


def flat_row(row: EventRow) -> dict[str, Any]:
    """The event as one flat record of :data:`CSV_COLUMNS` (issues joined by ``;``)."""
    event = row.event
    plover = event.plover
    location = event.location
    return {
        "event_id": row.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "date": event.date.isoformat() if event.date else None,
        **_actor("source", event.source),
        **_actor("target", event.target),
        "code": event.code,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_event": plover.event if plover else None,
        "plover_mode": plover.mode if plover else None,
        "plover_context": plover.context if plover else None,
        "verb": event.verb,
        "pattern": event.pattern,
        "negated": event.negated,
        "location_text": location.text if location else None,
        "location_country": location.country if location else None,
        "issues": ";".join(event.issues),
        "text": event.text,
        "meta": json.dumps(dict(row.meta), ensure_ascii=False, default=str) if row.meta else None,
    }


#: The Phoenix data set's 26 columns, in its order.
PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
)

#: Phoenix's actor roles: a CAMEO country code, or one of these.
_ROLE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})
#: Phoenix's actor entities (sectors).
_ENTITY_CODES = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED",
                           "EDU", "BUS", "CRM", "CVL"})


def split_actor_code(code: str) -> tuple[str, str, str]:
    """``(entity, role, attribute)`` of a CAMEO actor code, as the Phoenix data split them.

    The code is read in 3-character parts. Following the Phoenix documentation, the
    *role* is the first part when it is a country code or IGO/NGO/IMG/MNC; the *entity*
    is the first sector part (GOV, MIL, REB, OPP, ...); every other part, concatenated,
    is the *attribute*.

    >>> split_actor_code("SYRGOVMIL")
    ('GOV', 'SYR', 'MIL')
    """
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    role = ""
    if parts and (parts[0] in _ROLE_CODES or parts[0] not in _ENTITY_CODES):
        role = parts.pop(0)
    entity = next((part for part in parts if part in _ENTITY_CODES), "")
    if entity:
        parts.remove(entity)
    return entity, role, "".join(parts)


def _phoenix_actor(actor: ActorRef | None) -> list[str]:
    if actor is None or not actor.code:
        return ["", "", "", ""]
    return [actor.code, *split_actor_code(actor.code)]


def _meta_text(meta: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, (list, tuple)):
            return ";".join(str(item) for item in value)
        if value:
            return str(value)
    return ""


def phoenix_row(row: EventRow) -> list[str]:
    """The event as the 26 Phoenix columns (strings; empty where we have nothing)."""
    event = row.event
    date = event.date
    location = event.location
    values = [
        row.event_id,
        date.strftime("%Y%m%d") if date else "",
        str(date.year) if date else "",
        str(date.month) if date else "",
        str(date.day) if date else "",
        *_phoenix_actor(event.source),
        *_phoenix_actor(event.target),
        event.code,
        event.root,
        "" if event.quad_class is None else str(event.quad_class),
        "" if event.goldstein is None else str(event.goldstein),
        ";".join(f"{issue},1" for issue in event.issues),
        "",
        "",
        location.text if location else "",
        "",
        location.country or "" if location else "",
        f"{event.doc_id}_{event.sentence + 1}",
        _meta_text(row.meta, "urls", "url"),
        _meta_text(row.meta, "news_sources", "news_source", "source"),
    ]
    return [" ".join(str(value).split()) if value else "" for value in values]


# --------------------------------------------------------------------------- writers


class _StreamWriter:
    """Encodes rows to bytes and appends them to a binary stream."""

    resumable = True

    def __init__(self, stream: IO[bytes], encode: Callable[[EventRow], bytes],
                 header: bytes = b"") -> None:
        self._stream = stream
        self._encode = encode
        if header and _position(stream) == 0:
            stream.write(header)

    def write(self, row: EventRow) -> None:
        self._stream.write(self._encode(row))

    def checkpoint(self) -> int:
        self._stream.flush()
        # a pipe or a terminal: nothing to make durable
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.fsync(self._stream.fileno())
        return _position(self._stream)

    def close(self) -> None:
        self._stream.flush()


def _position(stream: IO[bytes]) -> int:
    try:
        return stream.tell()
    except (OSError, io.UnsupportedOperation):
        return 0


def _jsonl_encoder() -> Callable[[EventRow], bytes]:
    """The JSONL encoder (see :mod:`eventcoder.batch.jsonl`)."""
    line = jsonl_encoder()

    def jsonl(row: EventRow) -> bytes:
        return line(row.event, row.event_id, row.meta).encode("utf-8")

    return jsonl


def _delimited(values: list[Any], delimiter: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(values)
    return buffer.getvalue().encode("utf-8")


def _csv(row: EventRow) -> bytes:
    flat = flat_row(row)
    return _delimited(["" if flat[c] is None else flat[c] for c in CSV_COLUMNS], ",")


def _tsv(row: EventRow) -> bytes:
    return ("\t".join(phoenix_row(row)) + "\n").encode("utf-8")


class ParquetWriter:
    """Writes :data:`CSV_COLUMNS` to a Parquet file in row groups (not resumable)."""

    resumable = False

    def __init__(self, stream: IO[bytes], row_group: int = 10_000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as error:
            raise EventCoderError(
                "Parquet output needs pyarrow: pip install 'eventcoder[parquet]'"
            ) from error
        self._pa = pa
        self._schema = pa.schema([(name, _ARROW_TYPES.get(name, "string"))
                                  for name in CSV_COLUMNS])
        self._writer = pq.ParquetWriter(stream, self._schema)
        self._rows: list[dict[str, Any]] = []
        self._row_group = row_group

    def write(self, row: EventRow) -> None:
        self._rows.append(flat_row(row))
        if len(self._rows) >= self._row_group:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def checkpoint(self) -> int:
        return 0

    def close(self) -> None:
        self._flush()
        self._writer.close()


_ARROW_TYPES = {"sentence": "int32", "quad_class": "int8", "goldstein": "float64",
                "negated": "bool"}


def make_writer(fmt: str, stream: IO[bytes]) -> EventWriter:
    """A writer of format ``fmt`` (one of :data:`FORMATS`) appending to ``stream``."""
    if fmt == "jsonl":
        return _StreamWriter(stream, _jsonl_encoder())
    if fmt == "csv":
        return _StreamWriter(stream, _csv, _delimited(list(CSV_COLUMNS), ","))
    if fmt == "tsv":
        return _StreamWriter(stream, _tsv, ("\t".join(PHOENIX_COLUMNS) + "\n").encode())
    if fmt == "parquet":
        return ParquetWriter(stream)
    raise EventCoderError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
