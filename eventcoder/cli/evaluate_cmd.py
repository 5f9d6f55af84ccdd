"""``eventcoder evaluate`` and ``eventcoder validate-petrarch``: measuring the coder.

Thin layers over :mod:`eventcoder.evaluation`: read the gold or validation file, build a
Coder, score, print a table or JSON.
"""

from __future__ import annotations

import argparse
import json
import sys

from eventcoder.cli.dictionaries_cmd import add_dictionary_options, dictionaries_from_args
from eventcoder.cli.main import HelpFormatter

EVALUATE_DESCRIPTION = """Code a gold set (JSON Lines, see docs/evaluation.md) and score the events
against it: micro precision, recall and F1 at the full-code and CAMEO-root
levels, a per-root table, the no-event sentences that drew a false positive,
and the misses and extras with their sentences.

examples:
  eventcoder evaluate gold/dev.jsonl --parser spacy:en_core_web_sm
  eventcoder evaluate gold/dev.jsonl --dictionaries my-syria/ --json > scores.json
  eventcoder evaluate gold/dev.jsonl --show-errors 50
"""

VALIDATE_DESCRIPTION = """Run a PETRARCH-style validation file (<Sentence> records with CoNLL-U
parses and expected <EventCoding> events): code each record and count records
coded exactly, expected events found, and extra events, overall and per
category. Records marked evaluate="false" are skipped (and counted).

The file's <Environment> names PETRARCH dictionaries: convert them on the fly
with --petrarch-dictionaries DIR (the folder holding them), or convert them
once with `eventcoder dictionaries import-petrarch` and pass --dictionaries.
Only the dictionaries given are used (not the default set).

examples:
  eventcoder validate-petrarch PETR_Validate_records_2_02.xml \\
      --petrarch-dictionaries peers/UniversalPetrarch/
  eventcoder validate-petrarch PETR_Validate_records_2_02.xml --dictionaries validate/ --json
  eventcoder validate-petrarch records.xml --petrarch-dictionaries dicts/ \\
      --reparse spacy:en_core_web_sm
"""


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``evaluate`` and ``validate-petrarch``."""
    _register_evaluate(commands)
    _register_validate(commands)


def _register_evaluate(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "evaluate",
        help="score the coder against a gold event set",
        description=EVALUATE_DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("gold", metavar="GOLD.jsonl", help="gold set (JSON Lines)")
    parser.add_argument(
        "--parser", default="stanza", metavar="SPEC",
        help="parser: stanza (default), stanza:PACKAGE or spacy:MODEL",
    )
    add_dictionary_options(parser)
    parser.add_argument(
        "--actor-keys", metavar="FILE",
        help="JSON table of gold actor key -> code prefixes (default: the packaged copy)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--show-errors", type=int, default=20, metavar="N",
        help="list the first N misses and N extras in the table (default 20; 0: none)",
    )
    parser.set_defaults(func=run_evaluate)


def _register_validate(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "validate-petrarch",
        help="run a PETRARCH-style validation file",
        description=VALIDATE_DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("file", metavar="FILE.xml", help="validation records")
    parser.add_argument(
        "--dictionaries", action="append", default=[], metavar="PATH",
        help="converted dictionary file or folder (repeatable; later wins)",
    )
    parser.add_argument(
        "--no-default-dictionaries", action="store_true",
        help="accepted for symmetry with other commands: validate-petrarch never loads"
        " the default set",
    )
    parser.add_argument(
        "--petrarch-dictionaries", metavar="DIR",
        help="convert the PETRARCH dictionaries named in <Environment> from DIR on the fly",
    )
    parser.add_argument(
        "--reparse", metavar="SPEC",
        help="parse the record texts with this parser instead of using the file's parses",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--show-errors", type=int, default=0, metavar="N",
        help="list the first N records not coded exactly",
    )
    parser.set_defaults(func=run_validate)


def run_evaluate(args: argparse.Namespace) -> int:
    """``eventcoder evaluate``."""
    from eventcoder.coder import Coder
    from eventcoder.evaluation.gold import read_gold
    from eventcoder.evaluation.report import evaluation_json, evaluation_table
    from eventcoder.evaluation.run import evaluate_coder
    from eventcoder.evaluation.scoring import ActorKeys

    sentences = read_gold(args.gold)
    keys = ActorKeys.load(args.actor_keys)
    coder = Coder(dictionaries_from_args(args), parser=args.parser)
    evaluation, _ = evaluate_coder(sentences, coder, keys)
    if args.json:
        json.dump(evaluation_json(evaluation, args.gold), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(evaluation_table(evaluation, args.gold, args.show_errors))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    """``eventcoder validate-petrarch``."""
    from eventcoder.dictionaries.loading import load_dictionaries
    from eventcoder.errors import EventCoderError
    from eventcoder.evaluation.report import validation_table
    from eventcoder.evaluation.validate import (
        environment_dictionaries,
        petrarch_coder,
        run_validation,
    )
    from eventcoder.parsers.base import make_parser

    if bool(args.dictionaries) == bool(args.petrarch_dictionaries):
        raise EventCoderError("give either --dictionaries or --petrarch-dictionaries (one)")
    if args.petrarch_dictionaries:
        dset = environment_dictionaries(args.file, args.petrarch_dictionaries)
    else:
        dset = load_dictionaries(args.dictionaries, include_default=False)
    reparse = make_parser(args.reparse) if args.reparse else None
    run = run_validation(args.file, petrarch_coder(dset), reparse=reparse)
    if args.json:
        json.dump(run.to_dict(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(validation_table(run, args.show_errors))
    return 0
