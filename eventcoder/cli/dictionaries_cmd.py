"""``eventcoder dictionaries``: check dictionary files, look up a phrase.

Sub-commands are ``check`` and ``lookup`` (here) and those named in
:data:`SUBCOMMANDS` as ``"module:function"``: the function is called with the
sub-parsers object of ``eventcoder dictionaries`` and adds its parser, setting
``func`` like a top-level command. Other commands that read dictionaries use
:func:`add_dictionary_options` and :func:`dictionaries_from_args`, so that every
command layers dictionaries the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
from collections.abc import Sequence

from eventcoder.cli.argtypes import iso_date
from eventcoder.cli.main import HelpFormatter
from eventcoder.dictionaries.loading import check_dictionaries, load_dictionaries
from eventcoder.dictionaries.lookup import Resolution, lookup_phrase
from eventcoder.dictionaries.schema import DictionarySet

#: More ``eventcoder dictionaries`` sub-commands: ``"module:function"``, the function
#: taking the group's sub-parsers object (one line per command; keep the order).
SUBCOMMANDS: tuple[str, ...] = ("eventcoder.cli.import_cmd:register_import",)

DESCRIPTION = """Work with YAML actor and verb dictionaries (see docs/dictionaries.md).

examples:
  eventcoder dictionaries check my-dictionaries/
  eventcoder dictionaries lookup "Syrian troops" --date 2015-03-01
  eventcoder dictionaries lookup "Assad" --date 2025-01-10 --dictionaries my-syria/ --json
"""

CHECK_DESCRIPTION = """Check dictionary files and folders, layered on the default set: print every
error and warning as file:line:col: entry -> field: message, then a summary.
Exit 1 when there is an error, 0 otherwise (warnings do not fail).

examples:
  eventcoder dictionaries check my-dictionaries/
  eventcoder dictionaries check syria.yaml --no-default-dictionaries
"""

LOOKUP_DESCRIPTION = """Show which dictionary entries and code a phrase resolves to (on a date):
an actor name or alias, an agent or title, or an actor + agent combination such
as "Syrian troops" -> SYR + ~MIL = SYRMIL. A place the phrase names is shown
with its country (a place adds no code). Exit 1 when nothing matches.

examples:
  eventcoder dictionaries lookup "Hezbollah"
  eventcoder dictionaries lookup "Syrian troops" --date 2015-03-01
  eventcoder dictionaries lookup "Assad" --date 2025-01-10 --json
  eventcoder dictionaries lookup "Idlib"
"""


def add_dictionary_options(parser: argparse.ArgumentParser) -> None:
    """``--dictionaries PATH`` (repeatable) and ``--no-default-dictionaries``."""
    parser.add_argument(
        "--dictionaries",
        metavar="PATH",
        action="append",
        default=[],
        help="a dictionary file or folder layered on the default set (repeatable; later wins)",
    )
    parser.add_argument(
        "--no-default-dictionaries",
        action="store_true",
        help="do not load the default dictionaries shipped with eventcoder",
    )


def dictionaries_from_args(args: argparse.Namespace) -> DictionarySet:
    """The set the options name (raises DictionaryError listing every error)."""
    return load_dictionaries(args.dictionaries, include_default=not args.no_default_dictionaries)


def register(commands: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """Add ``eventcoder dictionaries`` and its sub-commands; returns the group."""
    parser = commands.add_parser(
        "dictionaries",
        help="check dictionaries, look up a phrase",
        description=DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    group = parser.add_subparsers(dest="dictionaries_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: _usage(parser))
    _register_check(group)
    _register_lookup(group)
    for name in SUBCOMMANDS:
        module, _, function = name.partition(":")
        getattr(importlib.import_module(module), function)(group)
    return group


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _register_check(group: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = group.add_parser(
        "check",
        help="report every error and warning in dictionary files",
        description=CHECK_DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="dictionary files or folders")
    parser.add_argument(
        "--no-default-dictionaries",
        action="store_true",
        help="check the given files alone, not layered on the default set",
    )
    parser.add_argument("--no-warnings", action="store_true", help="print errors only")
    parser.add_argument(
        "--shadowed",
        action="store_true",
        help="also warn about aliases that start a longer alias of another actor",
    )
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    report = check_dictionaries(
        args.paths, include_default=not args.no_default_dictionaries, shadowed=args.shadowed
    )
    print(f"checking {len(report.files)} file(s); event codes against {report.event_code_table}")
    shown = report.errors if args.no_warnings else report.problems
    for problem in shown:
        print(problem)
    errors, warnings = len(report.errors), len(report.warnings)
    print(f"{errors} error(s), {warnings} warning(s) in {len(report.files)} file(s)")
    return 1 if errors else 0


def _register_lookup(group: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = group.add_parser(
        "lookup",
        help="show the entry and code a phrase resolves to",
        description=LOOKUP_DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("phrase", metavar="PHRASE", help='a name or phrase, e.g. "Syrian troops"')
    parser.add_argument("--date", type=iso_date, help="the day to resolve dated codes on")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_dictionary_options(parser)
    parser.set_defaults(func=run_lookup)


def run_lookup(args: argparse.Namespace) -> int:
    dset = dictionaries_from_args(args)
    resolution = lookup_phrase(dset, args.phrase, args.date)
    if args.json:
        data = resolution.to_json() if resolution else _no_match_json(args.phrase, args.date)
        print(json.dumps(data, ensure_ascii=False))
    elif resolution is None:
        print(f"no actor, agent, title or place matches {args.phrase!r}")
    else:
        print("\n".join(_describe(resolution)))
    return 0 if resolution else 1


def _no_match_json(phrase: str, day: dt.date | None) -> dict[str, object]:
    date = day.isoformat() if day else None
    return {"phrase": phrase, "date": date, "codes": [], "matches": [], "places": []}


def _describe(resolution: Resolution) -> Sequence[str]:
    when = f" on {resolution.date}" if resolution.date else " (no date)"
    lines = [f'"{resolution.phrase}" (normalised: {" ".join(resolution.tokens)}){when}']
    for match in resolution.matches:
        origin = f" [{match.entry.origin}]" if match.entry.origin else ""
        codes = ", ".join(match.codes) or "no code on this date"
        matched = " ".join(match.words)
        lines.append(
            f'  {match.kind:<6} "{match.entry.name}" (matched: {matched}){origin} -> {codes}'
        )
    for place in resolution.places:
        origin = f" [{place.origin}]" if place.origin else ""
        kind = place.kind or "place"
        lines.append(f'  place  "{place.name}"{origin}: {kind} in {place.country or "?"}')
    lines.append(f"  code: {', '.join(resolution.codes) or 'none'}")
    return lines
