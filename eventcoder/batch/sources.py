"""Inputs as a stream of work items: texts to parse, or parsed documents as CoNLL-U.

Every input record becomes exactly one :class:`WorkItem`: a text (from plain text or
JSON Lines, read by :mod:`eventcoder.inputs`), a CoNLL-U document (its lines, split out
of the file without building the tree, so that the work of reading it happens in the
worker), or an error saying what is wrong with the record and where.

A work item's ``key`` (``FILE:LINE``) names it in the resume ledger and error files.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from eventcoder.errors import InputError
from eventcoder.inputs import Format, InputRecord, detect_format, read_records
from eventcoder.model import SourceText

__all__ = ["WorkItem", "conllu_items", "iter_items", "record_item"]


@attrs.frozen
class WorkItem:
    """One input record on its way through the pipeline.

    Exactly one of ``text`` (a text to parse), ``conllu`` (one parsed document as
    CoNLL-U) and ``error`` (why the record cannot be coded) is set.
    """

    key: str
    file: str
    line: int
    id: str | None
    text: SourceText | None = None
    conllu: str | None = None
    error: str | None = None
    raw: str | None = None
    #: For CoNLL-U: lines the piece's own line numbers are off by (file line - 1 - added).
    line_offset: int = 0


def record_item(record: InputRecord) -> WorkItem:
    """A work item for an input record read by :mod:`eventcoder.inputs`."""
    key = f"{record.file}:{record.line}"
    return WorkItem(key, record.file, record.line, record.id, record.text, None,
                    record.error, record.raw)


def iter_items(
    paths: Sequence[str], fmt: Format = "auto", *, date: dt.date | None = None
) -> Iterator[WorkItem]:
    """Every record of every input, in order (``-`` is standard input, read once).

    Missing inputs raise :class:`InputError` here, before anything is read or written.
    """
    _check_paths(paths)
    return _items(list(paths), fmt, date)


def _items(paths: list[str], fmt: Format, date: dt.date | None) -> Iterator[WorkItem]:
    for path in paths:
        kind = detect_format(path) if fmt == "auto" else fmt
        if kind == "conllu":
            yield from _conllu_file(path)
        else:
            for record in read_records(path, kind, date=date):
                yield record_item(record)


def _check_paths(paths: Sequence[str]) -> None:
    if list(paths).count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    for path in paths:
        if path != "-" and not Path(path).is_file():
            raise InputError("no such file", file=path)


def _conllu_file(path: str) -> Iterator[WorkItem]:
    if path == "-":
        yield from conllu_items(sys.stdin, "-")
        return
    with open(path, encoding="utf-8") as handle:
        yield from conllu_items(handle, path)


# --------------------------------------------------------------------------- CoNLL-U


def _comment_key(line: str) -> str:
    body = line[2:] if line.startswith("# ") else line[1:]
    return body.partition("=")[0].strip()


def _is_newdoc(key: str) -> bool:
    return key == "newdoc" or key.startswith("newdoc ")


#: A document split out of a CoNLL-U stream: first line, text, lines added, document id.
_Piece = tuple[int, str, int, str]


@attrs.define
class _Splitter:
    """Cuts a CoNLL-U stream into documents following :func:`eventcoder.conllu.read_conllu`'s
    rules, and writes each document's id into a ``# newdoc id`` line, so that reading a
    piece on its own gives the same document as reading the whole file."""

    label: str
    base: str
    sentences: int = 0
    docs: int = 0
    lines: list[str] | None = None
    first: int = 0
    added: int = 0
    pending: list[str] = attrs.field(factory=list)
    #: the id of the document in ``lines``
    id: str = ""

    def block(self, lines: list[str], lineno: int) -> Iterator[_Piece]:
        comments = [line for line in lines if line[0] == "#"]  # lines are never empty
        has_rows = len(comments) < len(lines)
        if has_rows:
            self.sentences += 1
        # only a comment that mentions newdoc can be a newdoc line
        newdoc = [line for line in comments if "newdoc" in line]
        keys = [_comment_key(line) for line in newdoc]
        if any(_is_newdoc(key) for key in keys):
            yield from self.flush()
            self.docs += 1
            if "newdoc id" in keys:
                head = []
                self.id = _value(newdoc[keys.index("newdoc id")])
            else:
                self.id = f"{self.base}-{self.docs}"
                head = [f"# newdoc id = {self.id}\n"]
            self.lines, self.first, self.added = head + lines, lineno, len(head)
        elif self.lines is not None:
            self.lines.extend(["\n", *lines])
        elif not has_rows:
            self.pending.extend(lines)
        else:
            sent_id = next((_value(line) for line in comments
                            if _comment_key(line) == "sent_id"), None)
            doc_id = sent_id if sent_id is not None else f"{self.base}-{self.sentences}"
            text = "".join([f"# newdoc id = {doc_id}\n", *self.pending, *lines])
            first = lineno - len(self.pending) - 1 if self.pending else lineno
            self.pending = []
            yield first, text, 1, doc_id

    def flush(self) -> Iterator[_Piece]:
        if self.lines is not None:
            yield self.first, "".join(self.lines), self.added, self.id
            self.lines = None


def _value(line: str) -> str:
    body = line[2:] if line.startswith("# ") else line[1:]
    value = body.partition("=")[2]
    return (value[1:] if value.startswith(" ") else value).rstrip("\r\n")


def conllu_documents(handle: Iterable[str], label: str) -> Iterator[tuple[int, str, int]]:
    """``(first line, CoNLL-U text, lines added)`` of each document of a CoNLL-U stream.

    The text starts with ``lines added`` (0 or 1) ``# newdoc id`` line that the file did
    not have; reading line ``n`` of the text is line ``first + n - 1 - added`` of the file.
    """
    for first, text, added, _ in _pieces(handle, label):
        yield first, text, added


def _pieces(handle: Iterable[str], label: str) -> Iterator[_Piece]:
    """:func:`conllu_documents` with each document's id (its first ``# newdoc id``)."""
    splitter = _Splitter(label, Path(label).stem or "doc")
    lines: list[str] = []
    start = 0
    for lineno, raw in enumerate(handle, 1):
        if raw and not raw.isspace():
            if not lines:
                start = lineno
            lines.append(raw if raw[-1] == "\n" else raw + "\n")
        elif lines:
            yield from splitter.block(lines, start)
            lines = []
    if lines:
        yield from splitter.block(lines, start)
    yield from splitter.flush()


def conllu_items(handle: Iterable[str], label: str) -> Iterator[WorkItem]:
    """Work items for the documents of a CoNLL-U stream."""
    for line, text, added, doc_id in _pieces(handle, label):
        yield WorkItem(f"{label}:{line}", label, line, doc_id, conllu=text + "\n",
                       line_offset=line - 1 - added)
