"""Batch coding at scale: streaming inputs, output formats, worker processes, a parse
cache, error accounting and resumable runs (see docs/scaling.md).

>>> from eventcoder.batch import BatchOptions, CoderSpec, iter_items, run_batch
>>> summary = run_batch(iter_items(["news.conllu"]), CoderSpec(),
...                     BatchOptions(output="events.jsonl", workers=2))
>>> print(summary.line())
"""

from eventcoder.batch.cache import ParseCache, cache_key
from eventcoder.batch.dedupe import DailyDeduper, daily_key
from eventcoder.batch.ledger import Checkpoint, Ledger
from eventcoder.batch.runner import BatchOptions, Summary, code_payloads, run_batch
from eventcoder.batch.sources import WorkItem, conllu_items, iter_items
from eventcoder.batch.spec import CoderSpec, coder_for, parser_for
from eventcoder.batch.writers import (
    CSV_COLUMNS,
    FORMATS,
    PHOENIX_COLUMNS,
    EventRow,
    flat_row,
    make_writer,
    phoenix_row,
)

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "PHOENIX_COLUMNS",
    "BatchOptions",
    "Checkpoint",
    "CoderSpec",
    "DailyDeduper",
    "EventRow",
    "Ledger",
    "ParseCache",
    "Summary",
    "WorkItem",
    "cache_key",
    "code_payloads",
    "coder_for",
    "conllu_items",
    "daily_key",
    "flat_row",
    "iter_items",
    "make_writer",
    "parser_for",
    "phoenix_row",
    "run_batch",
]
