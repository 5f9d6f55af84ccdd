"""Daily de-duplication, as the Phoenix data did: one event per date, source, target, code.

The keys seen so far live in an SQLite table, not in memory, so memory stays flat on
any corpus; when a run keeps a resume ledger the table is in the ledger's database and
is committed with each checkpoint, so a resumed run drops exactly what an uninterrupted
run would have dropped.
"""

from __future__ import annotations

import sqlite3

from eventcoder.events import Event

__all__ = ["DEDUPE_MODES", "DailyDeduper", "daily_key"]

DEDUPE_MODES = ("daily",)


def daily_key(event: Event) -> str:
    """The de-duplication key: date, source code, target code and event code."""
    source = event.source.code if event.source else ""
    target = event.target.code if event.target else ""
    date = event.date.isoformat() if event.date else ""
    return f"{date}\t{source}\t{target}\t{event.code}"


class DailyDeduper:
    """Says whether an event is the first of its day, source, target and code.

    Keys are inserted into ``connection`` without committing; whoever owns the
    connection commits (the ledger, at each checkpoint).
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._db.execute("CREATE TABLE IF NOT EXISTS dedupe (key TEXT PRIMARY KEY)")

    def first(self, event: Event) -> bool:
        """True the first time an event's key is seen (and records it)."""
        cursor = self._db.execute("INSERT OR IGNORE INTO dedupe VALUES (?)", (daily_key(event),))
        return cursor.rowcount == 1
