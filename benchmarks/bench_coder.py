"""Coding throughput on a CoNLL-U file: sentences per second of CPU time.

    python benchmarks/bench_coder.py FILE.conllu [--dictionaries PATH ...] [--repeat N]

Parsing is not measured: the documents are read first, then coded ``--repeat`` times.
The figure printed is sentences / CPU seconds of this process (wall time is shown too;
CPU time is steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import time

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.dictionaries.loading import load_dictionaries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", help="parsed documents (CoNLL-U)")
    parser.add_argument("--dictionaries", action="append", default=None,
                        help="dictionary file or folder (default: the shipped set)")
    parser.add_argument("--no-default", action="store_true",
                        help="use only --dictionaries, not the shipped set under them")
    parser.add_argument("--repeat", type=int, default=3, help="coding passes (default 3)")
    args = parser.parse_args()
    started = time.perf_counter()
    dictionaries = load_dictionaries(args.dictionaries, include_default=not args.no_default)
    coder = Coder(dictionaries)
    ready = time.perf_counter()
    docs = list(read_conllu(args.conllu))
    sentences = sum(len(doc) for doc in docs)
    for doc in docs:  # warm the word caches once, as a long batch run would
        coder.code_document(doc)
    cpu, wall = time.process_time(), time.perf_counter()
    events = 0
    for _ in range(args.repeat):
        for doc in docs:
            events += len(coder.code_document(doc))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    total = sentences * args.repeat
    print(f"dictionaries + compile: {ready - started:.1f} s")
    print(f"{total} sentences, {events} events in {cpu:.2f} s CPU ({wall:.2f} s wall)")
    print(f"{total / cpu:,.0f} sentences/s per core (CPU time)")


if __name__ == "__main__":
    main()
