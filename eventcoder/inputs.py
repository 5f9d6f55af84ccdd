"""Reading texts to code: plain text and JSON Lines, one record at a time.

Every input record comes out as an :class:`InputRecord`: either a
:class:`~eventcoder.model.SourceText` ready to parse, or an error saying what is wrong
with the record and where (file and line). Nothing is dropped silently, so a batch run
can account for every record. CoNLL-U input is read by :mod:`eventcoder.conllu`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from eventcoder.errors import InputError
from eventcoder.model import SourceText

Format = Literal["auto", "text", "lines", "jsonl", "conllu"]


@attrs.frozen
class InputRecord:
    """One input record: a text to parse, or why it could not be read."""

    file: str
    line: int
    id: str | None
    text: SourceText | None = None
    error: str | None = None
    #: The record as read, for error files (JSONL lines keep their raw text).
    raw: str | None = None


def detect_format(path: str) -> Format:
    """The format a file name implies: ``.jsonl``/``.ndjson``, ``.conllu``, else text."""
    name = path.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".conllu", ".conll")):
        return "conllu"
    return "text"


def open_text(path: str) -> IO[str]:
    """Open a UTF-8 text file, or standard input for ``-``."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    try:
        return open(path, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot open: {error.strerror}", file=path) from error


def read_text_file(path: str, *, date: dt.date | None = None) -> Iterator[InputRecord]:
    """A whole plain-text file as one document, its id the file name without suffix."""
    with open_text(path) as handle:
        content = handle.read()
    doc_id = "stdin" if path == "-" else Path(path).stem
    yield InputRecord(path, 1, doc_id, SourceText(doc_id, content, date))


def read_lines_file(path: str, *, date: dt.date | None = None) -> Iterator[InputRecord]:
    """Each non-empty line of a text file as one document, its id ``NAME:LINE``."""
    stem = "stdin" if path == "-" else Path(path).stem
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                doc_id = f"{stem}:{number}"
                yield InputRecord(path, number, doc_id, SourceText(doc_id, line.strip(), date))


def read_jsonl_file(path: str) -> Iterator[InputRecord]:
    """JSON Lines records ``{"id", "text", "date", ...}``; other fields become metadata."""
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield jsonl_record(path, number, line)


def jsonl_record(path: str, number: int, line: str) -> InputRecord:
    """One JSONL line as a record, or an error record naming the field at fault."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return InputRecord(path, number, None, error=f"bad JSON: {error.msg}", raw=line)
    if not isinstance(data, dict):
        return InputRecord(path, number, None, error="record is not a JSON object", raw=line)
    doc_id = str(data["id"]) if data.get("id") is not None else f"{Path(path).stem}:{number}"
    problem = _record_problem(data)
    if problem:
        return InputRecord(path, number, doc_id, error=problem, raw=line)
    metadata = {k: v for k, v in data.items() if k not in ("id", "text", "date")}
    date = dt.date.fromisoformat(data["date"][:10]) if data.get("date") else None
    return InputRecord(path, number, doc_id, SourceText(doc_id, data["text"], date, metadata))


def _record_problem(data: dict[str, Any]) -> str | None:
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        return "field 'text': missing or empty"
    date = data.get("date")
    if date is None:
        return None
    if not isinstance(date, str):
        return f"field 'date': expected YYYY-MM-DD, got {date!r}"
    try:
        dt.date.fromisoformat(date[:10])
    except ValueError:
        return f"field 'date': expected YYYY-MM-DD, got {date!r}"
    return None


def read_records(
    path: str, fmt: Format = "auto", *, date: dt.date | None = None
) -> Iterator[InputRecord]:
    """Records from a text or JSONL file (``-`` for stdin); ``fmt="auto"`` goes by suffix."""
    kind = detect_format(path) if fmt == "auto" else fmt
    if kind == "jsonl":
        return read_jsonl_file(path)
    if kind == "lines":
        return read_lines_file(path, date=date)
    if kind == "text":
        return read_text_file(path, date=date)
    raise InputError(f"{kind} input holds parses, not texts: read it with eventcoder.conllu",
                     file=os.fspath(path))
