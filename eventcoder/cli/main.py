"""Entry point of the ``eventcoder`` command: argument parsing and error handling.

Each command lives in its own module under ``eventcoder.cli`` with a ``register``
function that adds its sub-parser and sets ``func``; ``func(args)`` returns the exit
code. Library errors become one line on stderr and the error's exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from eventcoder._version import __version__
from eventcoder.errors import EventCoderError

#: Command modules, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "eventcoder.cli.parse_cmd",
    "eventcoder.cli.code_cmd",
    "eventcoder.cli.models_cmd",
    "eventcoder.cli.dictionaries_cmd",
    "eventcoder.cli.evaluate_cmd",
    "eventcoder.cli.explain_cmd",
)

EPILOG = """examples:
  eventcoder parse examples/idlib-2017-10-24.txt -o idlib.conllu --parser spacy:en_core_web_sm
  eventcoder models download
  eventcoder COMMAND --help

Exit codes: 0 success, 1 error in input or dictionaries, 2 bad usage,
3 parser models not installed, 4 parser failure, 130 interrupted.
"""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples in descriptions and epilogs as written."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventcoder",
        description="Code political events (CAMEO) from English news text.",
        epilog=EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"eventcoder {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def _configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="eventcoder: %(levelname)s: %(message)s")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used by ``python -m eventcoder``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    _configure_logging(args.verbose)
    try:
        return int(args.func(args) or 0)
    except EventCoderError as error:
        print(f"eventcoder: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("eventcoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
