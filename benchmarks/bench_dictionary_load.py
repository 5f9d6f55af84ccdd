"""How long loading dictionaries takes: cold (YAML parse + validate) and warm (cache).

    .venv/bin/python benchmarks/bench_dictionary_load.py            # default + synthetic
    .venv/bin/python benchmarks/bench_dictionary_load.py --actors 40000 --patterns 5000

Measures the default set shipped in ``dictionaries/`` and a synthetic set of N actors
(each with two aliases and a dated code) and M verb patterns, written to a temporary
folder. Each cache is a fresh temporary folder, so "cold" really parses.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from eventcoder.dictionaries import load_dictionaries

COUNTRIES = ("SYR", "IRQ", "TUR", "LBN", "JOR", "ISR", "IRN", "RUS", "USA", "FRA")
ROLES = ("GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "JUD")


def _timed(load: Callable[[], object]) -> float:
    start = time.perf_counter()
    load()
    return time.perf_counter() - start


def write_synthetic(folder: Path, actors: int, patterns: int) -> None:
    """A large, valid set: ``actors`` actors and ``patterns`` patterns in 100-pattern verbs."""
    lines = ["actors:"]
    for i in range(actors):
        code = COUNTRIES[i % len(COUNTRIES)] + ROLES[i % len(ROLES)]
        lines += [
            f"  - name: Person {i} Example",
            f"    aliases: [P{i} Example, Mr Example {i}]",
            "    codes:",
            f"      - {{code: {code}, until: 2015-12-31}}",
            f"      - {{code: {code[:3]}, from: 2016-01-01}}",
        ]
    (folder / "actors.yaml").write_text("\n".join(lines) + "\n")
    lines = ["synsets:", "  WEAPON: [gun, rifle, missile]", "verbs:"]
    for block in range(0, patterns, 100):
        lines += [f"  - name: VERB{block}", f"    lemmas: [verb{block}]", "    code: '190'"]
        lines.append("    patterns:")
        for i in range(block, min(block + 100, patterns)):
            lines.append(f"      - {{pattern: '$ * WORD{i} (WITH &WEAPON) +', code: '19{i % 6}'}}")
    (folder / "verbs.yaml").write_text("\n".join(lines) + "\n")


def measure(label: str, paths: list[Path] | None, include_default: bool) -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["EVENTCODER_CACHE_DIR"] = cache
        cold = _timed(lambda: load_dictionaries(paths, include_default=include_default))
        warm = min(
            _timed(lambda: load_dictionaries(paths, include_default=include_default))
            for _ in range(3)
        )
        dset = load_dictionaries(paths, include_default=include_default)
    names = sum(1 + len(actor.aliases) for actor in dset.actors)
    patterns = sum(len(verb.patterns) for verb in dset.verbs)
    print(
        f"{label}: {len(dset.actors)} actors ({names} names), {patterns} patterns: "
        f"cold {cold:.2f} s, warm (cached) {warm:.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=40_000)
    parser.add_argument("--patterns", type=int, default=5_000)
    parser.add_argument("--skip-default", action="store_true")
    args = parser.parse_args()
    if not args.skip_default:
        measure("default set", None, include_default=True)
    with tempfile.TemporaryDirectory() as folder:
        write_synthetic(Path(folder), args.actors, args.patterns)
        measure("synthetic set", [Path(folder)], include_default=False)


if __name__ == "__main__":
    main()
