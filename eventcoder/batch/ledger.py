"""The resume ledger: which records are finished, and how far the output files are durable.

An SQLite database (next to the output, ``OUT.ledger`` by default) holding:

* ``settings``: the run's settings (inputs, formats, dictionaries, ...); ``--resume``
  refuses to continue a run made with other settings;
* ``done``: the key (``FILE:LINE``) and id of every finished record, in input order;
* ``checkpoint``: the byte offsets up to which the output and error files hold exactly
  the finished records, and the summary counts so far;
* ``dedupe``: the de-duplication keys seen (see :mod:`eventcoder.batch.dedupe`).

The runner writes output, flushes and fsyncs it, and only then commits the ledger (one
transaction). A run killed at any moment therefore leaves a ledger whose offsets point at
durable bytes; resuming truncates the files to those offsets and skips the finished
records, so the final output is byte for byte that of an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from eventcoder.errors import EventCoderError

__all__ = ["Checkpoint", "Ledger"]

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS settings (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT)",
    "CREATE TABLE IF NOT EXISTS done (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, id TEXT)",
    "CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), "
    "records INTEGER, output INTEGER, errors INTEGER, counts TEXT, finished INTEGER)",
)


@attrs.frozen
class Checkpoint:
    """The last committed state: records finished, durable file offsets, counts."""

    records: int = 0
    output: int = 0
    errors: int = 0
    counts: Mapping[str, Any] = attrs.field(factory=dict)
    finished: bool = False


class Ledger:
    """A run's ledger at ``path``; ``resume=False`` starts a new one (removing the old)."""

    def __init__(self, path: str | os.PathLike[str], settings: Mapping[str, Any], *,
                 resume: bool) -> None:
        self.path = os.fspath(path)
        if not resume:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(self.path + suffix).unlink(missing_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA synchronous=FULL")
            for statement in _SCHEMA:
                self.db.execute(statement)
        except sqlite3.Error as error:
            raise EventCoderError(f"{self.path}: cannot open the ledger: {error}") from None
        self._check_settings(dict(settings))
        self._pending: list[tuple[int, str, str | None]] = []
        self.checkpoint = self._read_checkpoint()

    def _check_settings(self, settings: dict[str, Any]) -> None:
        encoded = json.dumps(settings, sort_keys=True, default=str)
        row = self.db.execute("SELECT json FROM settings").fetchone()
        if row is None:
            self.db.execute("INSERT INTO settings VALUES (1, ?)", (encoded,))
            self.db.commit()
        elif row[0] != encoded:
            old = json.loads(row[0])
            changed = sorted(k for k in set(old) | set(settings) if old.get(k) != settings.get(k))
            raise EventCoderError(
                f"{self.path}: cannot resume: the interrupted run had other settings "
                f"({', '.join(changed)}); run again without --resume"
            )

    def _read_checkpoint(self) -> Checkpoint:
        row = self.db.execute(
            "SELECT records, output, errors, counts, finished FROM checkpoint"
        ).fetchone()
        if row is None:
            return Checkpoint()
        return Checkpoint(row[0], row[1], row[2], json.loads(row[3]), bool(row[4]))

    def done_keys(self) -> Iterator[str]:
        """The keys of the finished records, in input order."""
        cursor = self.db.execute(
            "SELECT key FROM done WHERE seq < ? ORDER BY seq", (self.checkpoint.records,)
        )
        for (key,) in cursor:
            yield key

    def finished_record(self, key: str, record_id: str | None) -> None:
        """Note a record as finished (committed with the next checkpoint)."""
        self._pending.append((self.checkpoint.records + len(self._pending), key, record_id))

    def commit(self, output: int, errors: int, counts: Mapping[str, Any], *,
               finished: bool = False) -> None:
        """Commit the records noted since the last checkpoint and the new offsets.

        Call only after the output and error files are flushed and fsync'd up to
        ``output`` and ``errors`` bytes.
        """
        records = self.checkpoint.records + len(self._pending)
        self.db.executemany("INSERT OR REPLACE INTO done VALUES (?, ?, ?)", self._pending)
        self.db.execute(
            "INSERT OR REPLACE INTO checkpoint VALUES (1, ?, ?, ?, ?, ?)",
            (records, output, errors, json.dumps(dict(counts)), int(finished)),
        )
        self.db.commit()
        self._pending = []
        self.checkpoint = Checkpoint(records, output, errors, dict(counts), finished)

    def close(self) -> None:
        self.db.close()
