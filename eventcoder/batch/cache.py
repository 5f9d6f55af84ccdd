"""The parse cache: parsed sentences stored in SQLite, keyed by text and parser.

The key is the SHA-256 of the parser's name, the parser's version (library and model)
and the text, so a new model version misses the cache and a dictionary change does not.
Values are the document's sentences as CoNLL-U (zlib-compressed); the record's id, date
and metadata are not part of the value, so the same text under another id is a hit.

One process writes (the batch runner's main process); reads and writes go through
:class:`ParseCache`, which commits once per batch of documents.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from eventcoder.conllu import dumps_conllu
from eventcoder.errors import EventCoderError
from eventcoder.model import Document, SourceText

if TYPE_CHECKING:
    from eventcoder.parsers.base import Parser

__all__ = ["ParseCache", "cache_key", "cached_parse", "with_identity"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS parses (
    key TEXT PRIMARY KEY,
    parser TEXT NOT NULL,
    version TEXT NOT NULL,
    conllu BLOB NOT NULL
)
"""


def cache_key(parser: str, version: str, text: str) -> str:
    """The cache key of a text parsed by a parser (name and version)."""
    digest = hashlib.sha256()
    for part in (parser, version, text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def sentences_conllu(doc: Document) -> str:
    """The document's sentences as CoNLL-U, without the ``# newdoc`` header."""
    lines = dumps_conllu([Document("_", doc.sentences)]).split("\n", 1)
    return lines[1] if len(lines) > 1 else ""


def with_identity(sentences: str, doc_id: str, header: Document) -> str:
    """A whole CoNLL-U document: ``header``'s newdoc lines (id, date, text, metadata)
    followed by the cached ``sentences``."""
    head = dumps_conllu([Document(doc_id, (), header.text, header.date, header.metadata)])
    return head.rstrip("\n") + "\n" + sentences


class ParseCache:
    """An SQLite parse cache at ``path`` (created when missing)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
            self._db.commit()
        except sqlite3.Error as error:
            raise EventCoderError(f"{self.path}: cannot open the parse cache: {error}") from None
        self.hits = 0
        self.misses = 0

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        """The cached sentences (CoNLL-U) of those keys that are in the cache."""
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, conllu FROM parses WHERE key IN ({marks})", chunk
            )
            for key, blob in rows:
                found[key] = zlib.decompress(blob).decode("utf-8")
        self.hits += sum(1 for key in keys if key in found)
        self.misses += sum(1 for key in keys if key not in found)
        return found

    def put_many(self, parser: str, version: str, items: Iterable[tuple[str, str]]) -> None:
        """Store ``(key, sentences CoNLL-U)`` pairs and commit."""
        rows = [(key, parser, version, zlib.compress(text.encode("utf-8")))
                for key, text in items]
        if rows:
            self._db.executemany("INSERT OR REPLACE INTO parses VALUES (?, ?, ?, ?)", rows)
            self._db.commit()

    def put_documents(self, parser: str, version: str, docs: Mapping[str, Document]) -> None:
        """Store parsed documents under their text keys."""
        self.put_many(parser, version, ((key, sentences_conllu(doc)) for key, doc in docs.items()))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM parses").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cached_parse(parser: Parser, texts: Iterable[SourceText], cache: ParseCache, *,
                 batch: int = 64) -> Iterator[Document]:
    """Parse texts through the cache: hits are read back, misses parsed (one parser call
    per ``batch`` texts) and stored. Documents come out in input order."""
    from eventcoder.conllu import loads_conllu

    name, version = parser.name, parser.version
    chunk: list[SourceText] = []
    for text in itertools.chain(texts, [None]):
        if text is not None:
            chunk.append(text)
            if len(chunk) < batch:
                continue
        if not chunk:
            break
        keys = [cache_key(name, version, source.text) for source in chunk]
        found = cache.get_many(keys)
        misses = [source for key, source in zip(keys, chunk, strict=False) if key not in found]
        parsed = iter(list(parser.parse(misses)) if misses else [])
        stored: dict[str, Document] = {}
        for key, source in zip(keys, chunk, strict=False):
            if key in found:
                header = Document(source.id, (), source.text, source.date, source.metadata)
                yield loads_conllu(with_identity(found[key], source.id, header))[0]
            else:
                doc = next(parsed)
                stored[key] = doc
                yield doc
        cache.put_documents(name, version, stored)
        chunk = []
