"""``eventcoder explain``: show how one sentence (or a parsed document) is coded.

A thin layer over :meth:`eventcoder.coder.Coder.explain`: the report lists the parse
tree, the actors found (and pronoun resolutions), each verb with its arguments, the
patterns tried and chosen, and why each event was or was not produced.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from eventcoder.cli.argtypes import iso_date
from eventcoder.cli.dictionaries_cmd import add_dictionary_options, dictionaries_from_args
from eventcoder.cli.main import HelpFormatter
from eventcoder.errors import InputError

DESCRIPTION = """Explain how a sentence is coded: parse tree, actors, verbs and their
arguments, the dictionary patterns tried, and why each event was or was not coded.

Give a sentence to parse it (with --parser), or --conllu FILE to explain documents
that are already parsed (every document of the file).

examples:
  eventcoder explain "Syrian troops shelled rebel positions near Idlib." --date 2017-10-24
  eventcoder explain "Turkey condemned the Russian air strikes." --parser spacy:en_core_web_sm
  eventcoder explain --conllu idlib.conllu
  eventcoder explain "Assad met Lavrov in Damascus." --dictionaries my-actors.yaml --json
  eventcoder explain "Russia met Turkey." --dictionaries mine/ --no-default-dictionaries
"""


def register(subparsers: Any) -> None:
    """Add the ``explain`` command."""
    parser = subparsers.add_parser(
        "explain",
        help="show step by step how a sentence is coded",
        description=DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("sentence", nargs="?", help="the sentence (or text) to explain")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                        help="the article date (decides date-bounded actor codes)")
    parser.add_argument("--conllu", metavar="FILE", help="explain the documents of a CoNLL-U file")
    parser.add_argument("--parser", default="stanza", metavar="SPEC",
                        help="stanza (default), stanza:PACKAGE or spacy:MODEL")
    add_dictionary_options(parser)
    parser.add_argument("--json", action="store_true", help="write the explanation as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the explanation(s); 2 when neither a sentence nor --conllu is given."""
    from eventcoder.coder import Coder

    if not args.sentence and not args.conllu:
        print("eventcoder explain: give a SENTENCE or --conllu FILE", file=sys.stderr)
        return 2
    if args.sentence and args.conllu:
        raise InputError("give either a SENTENCE or --conllu FILE, not both")
    coder = Coder(dictionaries_from_args(args), parser=args.parser)
    if args.conllu:
        from eventcoder.conllu import read_conllu

        explanations = [coder.explain(doc) for doc in read_conllu(args.conllu)]
    else:
        explanations = [coder.explain(args.sentence, date=args.date)]
    if args.json:
        payload = [e.to_dict() for e in explanations]
        json.dump(payload[0] if len(payload) == 1 else payload, sys.stdout, indent=2,
                  ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(e.to_text() for e in explanations))
    return 0
