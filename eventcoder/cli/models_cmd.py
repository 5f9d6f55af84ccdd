"""``eventcoder models``: download the stanza models, or say where they are.

``models download`` wraps ``stanza.download`` (with its own progress bar) for the
processors eventcoder uses; ``models where`` prints the model folder and whether the
models are installed, without importing stanza.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from eventcoder.cli.main import HelpFormatter

DESCRIPTION = """Manage the stanza models eventcoder parses with.

The models go to the folder stanza itself uses: $STANZA_RESOURCES_DIR if set, else
stanza's cache folder (~/.cache/stanza/<version>/resources on Linux), or --model-dir.
Only the processors eventcoder needs are fetched (tokenize, mwt when the package has
it, pos, lemma, depparse, ner).

examples:
  eventcoder models download
  eventcoder models download --package default --model-dir /data/stanza
  eventcoder models where
  STANZA_RESOURCES_DIR=/data/stanza eventcoder models where
"""

DOWNLOAD = """Download the stanza models eventcoder needs (needs network access).

examples:
  eventcoder models download
  eventcoder models download --model-dir /data/stanza
"""

WHERE = """Print the stanza model folder and whether the models are installed.

Exit code 0 when they are, 3 when they are not.

examples:
  eventcoder models where
  eventcoder models where --model-dir /data/stanza
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", help="language code (default: en)")
    parser.add_argument(
        "--package", default="default", help="stanza package (default: default)"
    )
    parser.add_argument(
        "--model-dir",
        metavar="DIR",
        help="model folder (default: $STANZA_RESOURCES_DIR or stanza's cache folder)",
    )


def register(subparsers: Any) -> None:
    """Add the ``models`` command with its ``download`` and ``where`` subcommands."""
    parser = subparsers.add_parser(
        "models",
        help="download the stanza models or show where they are",
        description=DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    actions = parser.add_subparsers(dest="models_command", metavar="ACTION")
    download = actions.add_parser(
        "download", help="download the stanza models", description=DOWNLOAD,
        formatter_class=HelpFormatter,
    )
    _common(download)
    download.set_defaults(func=run_download)
    where = actions.add_parser(
        "where", help="show the model folder and whether models are installed",
        description=WHERE, formatter_class=HelpFormatter,
    )
    _common(where)
    where.set_defaults(func=run_where)
    parser.set_defaults(func=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_download(args: argparse.Namespace) -> int:
    """Download the models; network failures become one error line (exit 1)."""
    from eventcoder.parsers.stanza_adapter import download_models, model_status

    folder = download_models(lang=args.lang, package=args.package, model_dir=args.model_dir)
    status = model_status(lang=args.lang, package=args.package, model_dir=folder)
    print(f"stanza models for {args.lang} ({args.package}) are in {folder}")
    return 0 if status.installed else 3


def run_where(args: argparse.Namespace) -> int:
    """Print the folder and the installed models; 3 when they are missing."""
    from eventcoder.parsers.stanza_adapter import model_status

    status = model_status(lang=args.lang, package=args.package, model_dir=args.model_dir)
    print(f"model dir: {status.model_dir}")
    if not status.installed:
        print(f"not installed: {status.message}")
        return 3
    print(f"installed: {args.lang} ({args.package})")
    for processor, name, _md5 in status.models:
        print(f"  {processor}: {name}")
    return 0
