"""Streaming CoNLL-U reader and writer for :class:`~eventcoder.model.Document`.

The format, the comment and MISC conventions and the multi-document rules are described
in docs/conllu.md. In short:

* ``# newdoc id = X`` starts a document; ``# newdoc date = YYYY-MM-DD``,
  ``# newdoc text = "JSON string"`` and ``# newdoc meta:KEY = JSON`` carry its date, text
  and metadata. Without any ``# newdoc`` each sentence is its own document, named by its
  ``sent_id`` (or ``<file stem>-<n>``).
* ``# sent_id`` and ``# text`` fill :class:`Sentence` fields; other comments are kept.
* MISC ``ner=``, ``start_char=`` and ``end_char=`` fill :class:`Word` fields; other MISC
  items are kept in order.
* UD v1 relations are normalised to UD v2 (:mod:`eventcoder.ud`) unless
  ``normalise=False``.

Writing a document and reading it back gives an equal document.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import attrs

from eventcoder.errors import InputError, ParseTreeError
from eventcoder.inputs import open_text
from eventcoder.model import NO_ENTITY, Document, MultiwordToken, Sentence, Word, build_word
from eventcoder.ud import normalise_columns

__all__ = ["dumps_conllu", "loads_conllu", "read_conllu", "write_conllu"]

logger = logging.getLogger(__name__)

_COLUMNS = ("ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC")
_EMPTY_NODE_POLICIES = ("error", "drop")


@attrs.frozen
class _Block:
    """One blank-line-separated block of the file: comments and word lines."""

    comments: list[tuple[int, str]]
    rows: list[list[str]]
    first_row_line: int


@attrs.define
class _DocState:
    """The document being assembled (mutable, local to one read)."""

    id: str
    line: int
    date: dt.date | None = None
    text: str | None = None
    metadata: dict[str, Any] = attrs.field(factory=dict)
    sentences: list[Sentence] = attrs.field(factory=list)

    def build(self) -> Document:
        return Document(self.id, self.sentences, self.text, self.date, self.metadata)


# --------------------------------------------------------------------------- reading


def read_conllu(
    source: str | os.PathLike[str] | TextIO,
    *,
    name: str | None = None,
    normalise: bool = True,
    empty_nodes: str = "error",
) -> Iterator[Document]:
    """Read documents from a CoNLL-U file (a path) or an open text stream, one at a time.

    ``name`` labels the source in error messages and names documents of files without
    ``# newdoc`` (default: the path, or the stream's ``name``). ``normalise`` rewrites UD
    v1 labels to UD v2. ``empty_nodes`` says what to do with enhanced-UD empty nodes
    (``8.1`` lines): ``"error"`` (default) raises :class:`InputError`, ``"drop"`` skips
    them. Malformed input raises :class:`InputError` (or :class:`ParseTreeError` for a
    broken tree) naming the file and line.
    """
    if empty_nodes not in _EMPTY_NODE_POLICIES:
        raise ValueError(f"empty_nodes must be one of {_EMPTY_NODE_POLICIES}, not {empty_nodes!r}")
    if isinstance(source, (str, os.PathLike)):
        label = name or os.fspath(source)
        with open_text(os.fspath(source)) as handle:
            yield from _read_stream(handle, label, normalise, empty_nodes == "drop")
    else:
        label = name or str(getattr(source, "name", "<stream>"))
        yield from _read_stream(source, label, normalise, empty_nodes == "drop")


def loads_conllu(
    text: str, *, name: str | None = None, normalise: bool = True, empty_nodes: str = "error"
) -> list[Document]:
    """All documents in a CoNLL-U string (see :func:`read_conllu`)."""
    if empty_nodes not in _EMPTY_NODE_POLICIES:
        raise ValueError(f"empty_nodes must be one of {_EMPTY_NODE_POLICIES}, not {empty_nodes!r}")
    # the lines io.StringIO(text) would give (split on "\n" only), without its overhead
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return list(_read_stream(lines, name or "<string>", normalise, empty_nodes == "drop"))


def _blocks(handle: Iterable[str], label: str) -> Iterator[_Block]:
    """Split the stream into blocks of comments and word rows (the hot loop)."""
    comments: list[tuple[int, str]] = []
    rows: list[list[str]] = []
    first = 0
    lineno = 0
    for lineno, raw in enumerate(handle, 1):
        line = raw.rstrip("\r\n")
        if not line or line.isspace():
            if rows or comments:
                yield _Block(comments, rows, first)
                comments, rows = [], []
            continue
        if line[0] == "#":
            if rows:
                raise InputError(
                    "comment line inside a sentence (comments must come before the word "
                    "lines; is a blank line missing?)",
                    file=label,
                    line=lineno,
                )
            comments.append((lineno, line))
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputError(
                f"expected 10 tab-separated columns, found {len(cols)}", file=label, line=lineno
            )
        if not rows:
            first = lineno
        rows.append(cols)
    if rows or comments:
        yield _Block(comments, rows, first or lineno)


def _read_stream(
    handle: Iterable[str], label: str, normalise: bool, drop_empty: bool
) -> Iterator[Document]:
    doc: _DocState | None = None
    pending: list[str] = []
    n_sentences = n_docs = 0
    for block in _blocks(handle, label):
        newdoc, sent_id, text, comments = _split_comments(block.comments)
        if newdoc is not None:
            if doc is not None:
                yield doc.build()
            n_docs += 1
            doc = _start_document(newdoc, n_docs, label)
        if not block.rows:
            pending.extend(comments)
            continue
        n_sentences += 1
        if doc is None:
            doc_id = sent_id if sent_id is not None else _default_id(label, n_sentences)
            sentence = _sentence(
                block, doc_id, 0, sent_id, text, pending + comments, label, normalise, drop_empty
            )
            yield Document(doc_id, (sentence,))
        else:
            doc.sentences.append(
                _sentence(
                    block, doc.id, len(doc.sentences), sent_id, text, pending + comments,
                    label, normalise, drop_empty,
                )
            )
        pending = []
    if pending:
        logger.debug("%s: %d comment line(s) after the last sentence ignored", label, len(pending))
    if doc is not None:
        yield doc.build()


def _split_comments(
    lines: list[tuple[int, str]],
) -> tuple[list[tuple[int, str, str]] | None, str | None, str | None, list[str]]:
    """Sort a block's comment lines into newdoc items, sent_id, text and other comments."""
    newdoc: list[tuple[int, str, str]] | None = None
    sent_id = text = None
    others: list[str] = []
    for lineno, line in lines:
        body = line[2:] if line.startswith("# ") else line[1:]
        key, sep, value = body.partition("=")
        key = key.strip()
        if value.startswith(" "):
            value = value[1:]
        if key == "newdoc" or key.startswith("newdoc "):
            newdoc = newdoc if newdoc is not None else []
            newdoc.append((lineno, key[6:].strip(), value))
        elif sep and key == "sent_id":
            sent_id = value
        elif sep and key == "text":
            text = value
        else:
            others.append(body)
    return newdoc, sent_id, text, others


def _default_id(label: str, number: int) -> str:
    """The id of the ``number``-th document or sentence of a source without ids (only
    built when needed: the batch path reads millions of pieces that all have ids)."""
    return f"{Path(label).stem or 'doc'}-{number}"


def _start_document(items: list[tuple[int, str, str]], number: int, label: str) -> _DocState:
    """The ``number``-th document of the source, from its ``# newdoc`` lines."""
    ids = [value for _, key, value in items if key == "id"]
    doc = _DocState(ids[-1] if ids else _default_id(label, number), items[0][0])
    for lineno, key, value in items:
        if key == "id":
            continue
        if key == "date":
            doc.date = _parse_date(value, label, lineno)
        elif key == "text":
            decoded = _json_or_raw(value)
            doc.text = decoded if isinstance(decoded, str) else value
        elif key:
            doc.metadata[key[5:] if key.startswith("meta:") else key] = _json_or_raw(value)
    return doc


def _parse_date(value: str, label: str, lineno: int) -> dt.date:
    text = value.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(
            f"bad document date {value!r} (expected YYYY-MM-DD): {exc}",
            file=label,
            line=lineno,
            field="newdoc date",
        ) from None


def _json_or_raw(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def _sentence(
    block: _Block,
    doc_id: str,
    index: int,
    sent_id: str | None,
    text: str | None,
    comments: list[str],
    label: str,
    normalise: bool,
    drop_empty: bool,
) -> Sentence:
    """Build and check one sentence from its rows."""
    rows = block.rows
    mwts: list[MultiwordToken] = []
    checked = _canonical_ids(rows)
    if not checked:
        rows, mwts = _word_rows(block, label, drop_empty)
        checked = _canonical_ids(rows)
    heads = _heads(rows, block, label)
    upos = [cols[3] for cols in rows]
    deprels = [cols[7] for cols in rows]
    feats: list[str | None] = [None if cols[5] == "_" else cols[5] for cols in rows]
    if normalise:
        normalise_columns(upos, feats, heads, deprels)
    words = [
        _word(cols, i + 1, heads[i], upos[i], deprels[i], feats[i], label, block, checked)
        for i, cols in enumerate(rows)
    ]
    if text is None:
        text = _rebuild_text(words, mwts)
    try:
        return Sentence(doc_id, index, text, words, sent_id, comments, mwts)
    except ParseTreeError as exc:
        raise ParseTreeError(exc.message, file=label, line=block.first_row_line) from None


def _word_rows(
    block: _Block, label: str, drop_empty: bool
) -> tuple[list[list[str]], list[MultiwordToken]]:
    """The block's word rows, with multiword-token lines taken out (and empty nodes)."""
    if all(cols[0].isdecimal() for cols in block.rows):  # no multiword tokens, no empty nodes
        return block.rows, []
    rows: list[list[str]] = []
    mwts: list[MultiwordToken] = []
    for offset, cols in enumerate(block.rows):
        ident = cols[0]
        if ident.isdecimal():
            rows.append(cols)
        elif "-" in ident:
            mwts.append(_multiword(cols, len(rows) + 1, label, block.first_row_line + offset))
        elif "." in ident and drop_empty:
            continue
        elif "." in ident:
            raise InputError(
                f"empty node {ident!r} (enhanced UD) is not supported; read with "
                "empty_nodes='drop' to skip empty nodes",
                file=label, line=block.first_row_line + offset, field="ID",
            )
        else:
            raise InputError(
                f"ID {ident!r} is not an integer", file=label,
                line=block.first_row_line + offset, field="ID",
            )
    return rows, mwts


def _multiword(cols: list[str], next_id: int, label: str, lineno: int) -> MultiwordToken:
    first, _, last = cols[0].partition("-")
    if not (first.isdecimal() and last.isdecimal()):
        raise InputError(
            f"multiword token ID {cols[0]!r} is not a range like 3-4",
            file=label, line=lineno, field="ID",
        )
    if int(first) != next_id or int(last) < int(first):
        raise InputError(
            f"multiword token range {cols[0]!r} must start at the next word ({next_id}) "
            "and not end before it starts",
            file=label, line=lineno, field="ID",
        )
    return MultiwordToken(int(first), int(last), cols[1], _misc_items(cols[9]))


def _heads(rows: list[list[str]], block: _Block, label: str) -> list[int]:
    try:
        return [int(cols[6]) for cols in rows]
    except ValueError:
        pass
    heads = []
    for cols in rows:
        try:
            heads.append(int(cols[6]))
        except ValueError:
            raise InputError(
                f"HEAD {cols[6]!r} of word {cols[0]} {cols[1]!r} is not an integer",
                file=label, line=_row_line(block, cols), field="HEAD",
            ) from None
    return heads


def _row_line(block: _Block, cols: list[str]) -> int:
    for offset, row in enumerate(block.rows):
        if row is cols:
            return block.first_row_line + offset
    return block.first_row_line


def _misc_items(misc: str) -> tuple[tuple[str, str], ...]:
    if misc == "_":
        return ()
    pairs = (item.partition("=") for item in misc.split("|"))
    return tuple((key, value) for key, _, value in pairs)


#: The ID column of a sentence of up to this many words, spelled 1, 2, 3, ...
_ID_TEXTS: tuple[str, ...] = tuple(str(number) for number in range(1, 1001))


def _canonical_ids(rows: list[list[str]]) -> bool:
    """True when the word IDs are spelled 1, 2, 3, ... (so need no check word by word, and
    there are no multiword tokens or empty nodes)."""
    n = len(rows)
    if n > len(_ID_TEXTS):
        return [cols[0] for cols in rows] == [str(number) for number in range(1, n + 1)]
    return tuple([cols[0] for cols in rows]) == _ID_TEXTS[:n]


def _word(
    cols: list[str],
    ident: int,
    head: int,
    upos: str,
    deprel: str,
    feats: str | None,
    label: str,
    block: _Block,
    checked: bool = False,
) -> Word:
    """One Word from a row's columns (MISC split into ner, offsets and the rest).

    ``checked``: the row's ID is known to be ``ident`` (see :func:`_canonical_ids`).
    """
    if not checked and int(cols[0]) != ident:
        raise InputError(
            f"word ID {cols[0]} out of order (expected {ident})",
            file=label, line=_row_line(block, cols), field="ID",
        )
    ner = NO_ENTITY
    start = end = None
    misc: tuple[tuple[str, str], ...] = ()
    if cols[9] != "_":
        items = []
        for item in cols[9].split("|"):
            key, _, value = item.partition("=")
            if key == "ner":
                ner = value
            elif key == "start_char":
                start = int(value) if value.isdecimal() else _offset(value, key, label, block, cols)
            elif key == "end_char":
                end = int(value) if value.isdecimal() else _offset(value, key, label, block, cols)
            else:
                items.append((key, value))
        if items:
            misc = tuple(items)
    xpos = None if cols[4] == "_" else cols[4]
    deps = None if cols[8] == "_" else cols[8]
    return build_word(
        ident, cols[1], cols[2], upos, head, deprel, xpos, feats, deps, ner, start, end, misc
    )


def _offset(value: str, key: str, label: str, block: _Block, cols: list[str]) -> int:
    if not value.isdecimal():
        raise InputError(
            f"MISC {key}={value!r} is not a non-negative integer",
            file=label, line=_row_line(block, cols), field="MISC",
        )
    return int(value)


def _rebuild_text(words: list[Word], mwts: list[MultiwordToken]) -> str:
    """Sentence text from forms and SpaceAfter=No (multiword tokens use their surface)."""
    by_first = {m.first: m for m in mwts}
    pieces: list[str] = []
    i = 0
    while i < len(words):
        mwt = by_first.get(i + 1)
        if mwt is not None:
            pieces.append(mwt.text)
            pieces.append("" if ("SpaceAfter", "No") in mwt.misc else " ")
            i = mwt.last
        else:
            pieces.append(words[i].text)
            pieces.append(" " if words[i].space_after else "")
            i += 1
    return "".join(pieces).rstrip(" ")


# --------------------------------------------------------------------------- writing


def write_conllu(docs: Iterable[Document], dest: str | os.PathLike[str] | TextIO) -> int:
    """Write documents as CoNLL-U to a path or an open text stream; returns the count."""
    if isinstance(dest, (str, os.PathLike)):
        with open(dest, "w", encoding="utf-8", newline="\n") as handle:
            return _write(docs, handle)
    return _write(docs, dest)


def dumps_conllu(docs: Iterable[Document]) -> str:
    """The documents as one CoNLL-U string."""
    buffer = io.StringIO()
    _write(docs, buffer)
    return buffer.getvalue()


def _write(docs: Iterable[Document], handle: TextIO) -> int:
    count = 0
    for doc in docs:
        handle.write("".join(line + "\n" for line in _document_lines(doc)))
        count += 1
    return count


def _document_lines(doc: Document) -> Iterator[str]:
    header = [f"# newdoc id = {_one_line(doc.id, 'document id')}"]
    if doc.date is not None:
        header.append(f"# newdoc date = {doc.date.isoformat()}")
    if doc.text is not None:
        header.append("# newdoc text = " + json.dumps(doc.text, ensure_ascii=False))
    for key, value in doc.metadata.items():
        if "=" in key or not key.strip() or key != key.strip():
            raise ValueError(f"document {doc.id!r}: metadata key {key!r} cannot be written")
        encoded = json.dumps(value, ensure_ascii=False, default=str)
        header.append(f"# newdoc meta:{_one_line(key, 'metadata key')} = {encoded}")
    if not doc.sentences:
        yield from header
        yield ""
    for number, sentence in enumerate(doc.sentences):
        if number == 0:
            yield from header
        yield from _sentence_lines(sentence)


def _one_line(value: str, what: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"{what} {value!r} contains a line break and cannot be written")
    return value


def _sentence_lines(sentence: Sentence) -> Iterator[str]:
    if sentence.sent_id is not None:
        yield f"# sent_id = {_one_line(sentence.sent_id, 'sent_id')}"
    text = sentence.text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    yield f"# text = {text}"
    for comment in sentence.comments:
        yield "# " + _one_line(comment, "comment")
    mwts = {m.first: m for m in sentence.multiword_tokens}
    for word in sentence.words:
        mwt = mwts.get(word.id)
        if mwt is not None:
            yield _check_row(
                f"{mwt.first}-{mwt.last}\t{mwt.text}\t_\t_\t_\t_\t_\t_\t_\t{_misc(mwt.misc)}"
            )
        yield _check_row(_word_row(word))
    yield ""


def _word_row(word: Word) -> str:
    misc: list[tuple[str, str]] = []
    if word.start_char is not None:
        misc.append(("start_char", str(word.start_char)))
    if word.end_char is not None:
        misc.append(("end_char", str(word.end_char)))
    if word.ner != NO_ENTITY:
        misc.append(("ner", word.ner))
    misc.extend(word.misc)
    return "\t".join(
        (
            str(word.id), word.text, word.lemma, word.upos, word.xpos or "_",
            word.feats or "_", str(word.head), word.deprel, word.deps or "_", _misc(misc),
        )
    )


def _misc(items: Iterable[tuple[str, str]]) -> str:
    text = "|".join(f"{key}={value}" if value else key for key, value in items)
    return text or "_"


def _check_row(row: str) -> str:
    if row.count("\t") != 9 or "\n" in row or "\r" in row:
        raise ValueError(f"a field contains a tab or line break; cannot write {row!r}")
    return row
