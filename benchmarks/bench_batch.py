"""Batch-coding benchmarks (run by hand; figures go in reports, never in tests).

    .venv/bin/python benchmarks/make_corpus.py --sentences 100000 10000
    .venv/bin/python benchmarks/bench_batch.py [--corpus benchmarks/out/corpus-100000.conllu]

Measures, each in a fresh process:

* dictionary load time of the full default set (cold: no compiled cache; warm: cached);
* the time merely to read the CoNLL-U with the ``conllu`` package (``parse_incr``), and
  with eventcoder's own reader, for comparison;
* coding throughput (sentences/s) of ``run_batch`` with the full default dictionaries at
  1 and 2 workers, and peak memory (max RSS of the main process and of its workers), on
  the 100k corpus and on the 10k corpus (memory must not grow with input size);
* end to end, as users run it (``python -m eventcoder code CORPUS -o OUT --workers N``,
  interpreter start, imports and dictionary load included): wall seconds, sentences/s,
  CPU seconds and peak memory at 1 and 2 workers, and the 2-worker speedup
  (``--no-cli`` skips these runs).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def one_dictionaries() -> dict[str, float]:
    from eventcoder.dictionaries.loading import load_dictionaries

    start = time.perf_counter()
    load_dictionaries(cache=False)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    load_dictionaries()
    load_dictionaries()
    warm = (time.perf_counter() - start) / 2
    return {"cold_s": cold, "warm_s": warm}


def one_read(corpus: str) -> dict[str, float]:
    import conllu

    from eventcoder.conllu import read_conllu

    start = time.perf_counter()
    with open(corpus, encoding="utf-8") as handle:
        sentences = sum(1 for _ in conllu.parse_incr(handle))
    package = time.perf_counter() - start
    start = time.perf_counter()
    ours = sum(len(doc) for doc in read_conllu(corpus))
    own = time.perf_counter() - start
    return {"sentences": sentences, "conllu_package_s": package, "eventcoder_reader_s": own,
            "eventcoder_sentences": ours}


def one_code(corpus: str, workers: int) -> dict[str, float]:
    from eventcoder.batch import BatchOptions, CoderSpec, iter_items, run_batch
    from eventcoder.batch.spec import coder_for

    spec = CoderSpec()
    start = time.perf_counter()
    coder_for(spec)
    load = time.perf_counter() - start
    OUT.mkdir(exist_ok=True)
    output = OUT / f"events-w{workers}.jsonl"
    summary = run_batch(iter_items([corpus]), spec,
                        BatchOptions(output=str(output), workers=workers, chunk_size=64,
                                     checkpoint_seconds=5.0))
    return {"workers": workers, "sentences": summary.sentences, "events": summary.events,
            "coding_s": summary.seconds, "dictionary_load_s": load,
            "sentences_per_s": summary.sentences / summary.seconds,
            "main_maxrss_mb": _maxrss_mb(resource.RUSAGE_SELF),
            "workers_maxrss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def cli_code(corpus: str, workers: int, sentences: int) -> dict[str, float]:
    """``eventcoder code`` as a user runs it, timed from outside (run in a fresh process:
    the peak memory is that of the largest process of this run)."""
    OUT.mkdir(exist_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eventcoder", "code", corpus, "-q",
                    "-o", str(OUT / f"cli-w{workers}.jsonl"), "--workers", str(workers)],
                   check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"workers": workers, "wall_s": wall, "sentences_per_s": sentences / wall,
            "cpu_s": cpu, "maxrss_mb": after.ru_maxrss / 1024}


def _child(*args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "_one", *args], check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_one":
        kind, *rest = sys.argv[2:]
        if kind == "dictionaries":
            print(json.dumps(one_dictionaries()))
        elif kind == "read":
            print(json.dumps(one_read(rest[0])))
        elif kind == "cli":
            print(json.dumps(cli_code(rest[0], int(rest[1]), int(rest[2]))))
        else:
            print(json.dumps(one_code(rest[0], int(rest[1]))))
        return
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(OUT / "corpus-100000.conllu"))
    parser.add_argument("--small", default=str(OUT / "corpus-10000.conllu"))
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI runs")
    args = parser.parse_args()
    report: dict[str, object] = {"dictionaries": _child("dictionaries"),
                                 "read": _child("read", args.corpus)}
    for workers in (1, 2):
        report[f"code_w{workers}"] = _child("code", args.corpus, str(workers))
    if Path(args.small).exists():
        report["code_w1_small"] = _child("code", args.small, "1")
    sentences = int(report["read"]["sentences"])  # type: ignore[index]
    if not args.no_cli:
        one, two = (_child("cli", args.corpus, str(workers), str(sentences))
                    for workers in (1, 2))
        report["cli_w1"], report["cli_w2"] = one, two
        report["cli_speedup_w2"] = one["wall_s"] / two["wall_s"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
