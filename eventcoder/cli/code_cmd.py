"""``eventcoder code``: texts or CoNLL-U in, coded events out, at scale.

A thin layer over :mod:`eventcoder.batch`: build the work items, the coder spec and the
options from the arguments, run, and print the summary on stderr.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eventcoder.cli.argtypes import iso_date, positive_int
from eventcoder.cli.main import HelpFormatter

DESCRIPTION = """Code political events (CAMEO) in texts or parsed documents.

Each input is a plain-text file (one document; --format-in lines: one per line), a JSON
Lines file of {"id", "text", "date", ...} records (other fields are carried to each
event as "meta"), a CoNLL-U file of parsed documents, or - for standard input. Events
are written as JSON Lines (default), CSV, Phoenix-style TSV (26 columns) or Parquet.

Every record ends as events, as "no event", or as an error record (FILE.errors.jsonl
next to the output, or --errors FILE); a summary goes to stderr. Writing to a file keeps
a ledger (OUT.ledger) so that a killed run continues with --resume, with exactly the
output an uninterrupted run gives. Exit code 1 when some records were errors.

examples:
  eventcoder code news.conllu -o events.jsonl
  eventcoder code articles.jsonl -o events.tsv --format tsv --parser spacy:en_core_web_sm \\
      --cache parses.sqlite --workers 4
  eventcoder code corpus/*.conllu -o events.jsonl --resume
  eventcoder code articles.jsonl -o events.csv --format csv --dedupe daily \\
      --dictionaries my-dictionaries/
  cat article.txt | eventcoder code - --date 2017-10-24 --parser spacy:en_core_web_sm
"""


def register(subparsers: Any) -> None:
    """Add the ``code`` command."""
    parser = subparsers.add_parser(
        "code", help="code events in texts or CoNLL-U (batch)", description=DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="text, JSONL or CoNLL-U file; - for stdin")
    parser.add_argument("-o", "--output", default="-", metavar="OUT",
                        help="events file (default: stdout)")
    parser.add_argument("--format-in", default="auto",
                        choices=("auto", "text", "lines", "jsonl", "conllu"),
                        help="input format (default auto: by suffix .jsonl/.ndjson, "
                             ".conllu/.conll, anything else text)")
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "csv", "tsv", "parquet"),
                        help="output format (default jsonl; parquet needs pyarrow)")
    parser.add_argument("--parser", default="stanza", metavar="SPEC",
                        help="parser for text inputs: stanza (default) or spacy:MODEL")
    parser.add_argument("--dictionaries", action="append", default=[], metavar="PATH",
                        help="dictionary file or folder layered on the default set (repeatable)")
    parser.add_argument("--no-default-dictionaries", action="store_true",
                        help="use only the --dictionaries given")
    parser.add_argument("--workers", type=positive_int, default=1, metavar="N",
                        help="coding processes (default 1)")
    parser.add_argument("--chunk-size", type=positive_int, default=64, metavar="N",
                        help="documents per worker task (default 64)")
    parser.add_argument("--cache", metavar="PATH", help="SQLite parse cache (created if missing)")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run from its ledger")
    parser.add_argument("--ledger", metavar="PATH", help="resume ledger (default OUT.ledger)")
    parser.add_argument("--checkpoint-every", type=float, default=1.0, metavar="SECONDS",
                        help="make the output durable and commit the ledger this often")
    parser.add_argument("--errors", metavar="FILE",
                        help="error records as JSONL (default OUT.errors.jsonl; "
                             "with stdout output: warnings on stderr)")
    parser.add_argument("--dedupe", choices=("daily",),
                        help="keep one event per date, source, target and code")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="date of text inputs (JSONL records and CoNLL-U carry their own)")
    parser.add_argument("--incomplete", action="store_true",
                        help="also write events missing a source or a target")
    parser.add_argument("--uncoded", action="store_true",
                        help="also write events whose actor is a named entity the "
                             "dictionaries do not know (its code is empty): shows what "
                             "the dictionaries miss")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress line and no summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Code the inputs; 1 when some records were errors."""
    from eventcoder.batch import BatchOptions, CoderSpec, iter_items, run_batch
    from eventcoder.batch.progress import Progress

    spec = CoderSpec(tuple(args.dictionaries), not args.no_default_dictionaries, args.parser,
                     args.incomplete, args.uncoded)
    errors = args.errors
    if errors is None and args.output != "-":
        errors = f"{args.output}.errors.jsonl"
    options = BatchOptions(
        output=args.output, format=args.format, workers=args.workers,
        chunk_size=args.chunk_size, cache=args.cache, errors=errors, ledger=args.ledger,
        resume=args.resume, dedupe=args.dedupe, checkpoint_seconds=args.checkpoint_every,
    )
    items = iter_items(args.inputs, args.format_in, date=args.date)
    progress = Progress(False if args.quiet else None)
    settings = {"inputs": list(args.inputs), "format_in": args.format_in,
                "date": args.date.isoformat() if args.date else None}
    try:
        summary = run_batch(
            items, spec, options, settings=settings,
            progress=lambda s: progress.update(s.documents, s.sentences, s.events, s.errors),
        )
    finally:
        progress.close()
    if not args.quiet:
        print(f"eventcoder: {summary.line()}", file=sys.stderr)
        if summary.errors and errors:
            print(f"eventcoder: error records in {errors}", file=sys.stderr)
    return 1 if summary.errors else 0
