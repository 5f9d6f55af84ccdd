"""``eventcoder parse``: texts in, CoNLL-U (Universal Dependencies v2) out.

A thin layer: read records with :mod:`eventcoder.inputs`, parse them with the parser a
``--parser`` spec names, write them with :func:`eventcoder.conllu.write_conllu`. Records
that cannot be read are reported on stderr with their file and line; the good ones are
still written, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from eventcoder.cli.argtypes import iso_date, positive_int
from eventcoder.cli.main import HelpFormatter
from eventcoder.errors import InputError
from eventcoder.inputs import InputRecord, read_records
from eventcoder.model import SourceText

DESCRIPTION = """Parse English texts into Universal Dependencies v2 and write CoNLL-U.

Each input is a plain-text file (one document; --format lines: one document per line),
a JSON Lines file of {"id", "text", "date", ...} records (by the .jsonl suffix or
--format jsonl), or - for standard input. Records that cannot be read are reported
on stderr as FILE:LINE: message; the others are still written and the exit code is 1.

examples:
  eventcoder parse examples/idlib-2017-10-24.txt -o idlib.conllu --date 2017-10-24
  eventcoder parse examples/articles.jsonl -o articles.conllu --parser spacy:en_core_web_sm
  cat article.txt | eventcoder parse - --parser spacy:en_core_web_sm > article.conllu
  eventcoder parse headlines.txt --format lines -o headlines.conllu --batch-size 256
"""


def register(subparsers: Any) -> None:
    """Add the ``parse`` command."""
    parser = subparsers.add_parser(
        "parse",
        help="parse texts into UD v2 CoNLL-U",
        description=DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="text or JSONL file, - for stdin"
    )
    parser.add_argument(
        "-o", "--output", default="-", metavar="OUT", help="CoNLL-U file to write (default: stdout)"
    )
    parser.add_argument(
        "--parser",
        default="stanza",
        metavar="SPEC",
        help="stanza (default), stanza:PACKAGE or spacy:MODEL (e.g. spacy:en_core_web_sm)",
    )
    parser.add_argument(
        "--format",
        default="auto",
        choices=("auto", "text", "lines", "jsonl"),
        help="input format (default auto: .jsonl/.ndjson is JSON Lines, anything else text)",
    )
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date of text inputs (JSONL records carry their own)",
    )
    parser.add_argument(
        "--batch-size", type=positive_int, metavar="N", help="texts per parser batch"
    )
    parser.add_argument(
        "--cache", metavar="PATH",
        help="SQLite parse cache: texts parsed before are read from it, new parses stored "
        "(the same cache `eventcoder code --cache` uses)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Parse the inputs and write CoNLL-U; 1 when some records could not be read."""
    from eventcoder.conllu import write_conllu
    from eventcoder.parsers.base import make_parser

    _check_inputs(args.inputs)
    options = {} if args.batch_size is None else {"batch_size": args.batch_size}
    parser = make_parser(args.parser, **options)
    bad: list[InputRecord] = []
    records = _all_records(args.inputs, args.format, args.date)
    texts = _good_texts(records, bad)
    if args.cache:
        from eventcoder.batch.cache import ParseCache, cached_parse

        docs = cached_parse(parser, texts, ParseCache(args.cache))
    else:
        docs = parser.parse(texts)
    if args.output == "-":
        write_conllu(docs, sys.stdout)
        sys.stdout.flush()
    else:
        write_conllu(docs, args.output)
    if bad:
        print(f"eventcoder: {len(bad)} record(s) not parsed (see above)", file=sys.stderr)
    return 1 if bad else 0


def _check_inputs(paths: list[str]) -> None:
    """Fail before parsing anything when an input is missing or stdin is named twice."""
    if paths.count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    for path in paths:
        if path != "-" and not os.path.isfile(path):
            raise InputError("no such file", file=path)


def _all_records(
    paths: Iterable[str], fmt: Any, date: dt.date | None
) -> Iterator[InputRecord]:
    for path in paths:
        yield from read_records(path, fmt, date=date)


def _good_texts(records: Iterable[InputRecord], bad: list[InputRecord]) -> Iterator[SourceText]:
    """The readable texts; each bad record is reported on stderr and kept in ``bad``."""
    for record in records:
        if record.text is None:
            bad.append(record)
            where = f"{record.file}:{record.line}"
            print(f"eventcoder: error: {where}: {record.error}", file=sys.stderr)
        else:
            yield record.text
