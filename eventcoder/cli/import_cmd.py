"""``eventcoder dictionaries import-petrarch``: convert PETRARCH/Phoenix dictionaries.

Hooked into the ``dictionaries`` command group by :func:`register_import` (called from
``eventcoder.cli.dictionaries_cmd``). A thin layer over
:func:`eventcoder.importers.import_petrarch` and :func:`eventcoder.importers.write_import`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcoder.cli.main import HelpFormatter

DESCRIPTION = """Convert PETRARCH / Phoenix dictionary files into eventcoder YAML.

Every line that cannot be converted is listed on stderr as FILE:LINE with the reason,
and counted in the summary. Actor-code parts CAMEO does not know (an invented test
world's ARN, GON, ~BED) are declared in the output's actor_code_parts: and listed in
the summary. Lines converted with a caveat are listed as warnings
(--quiet-warnings hides them). See docs/importing.md for what maps to what.

Exit codes: 0 when the files were read and converted (skipped lines are reported,
not fatal); 1 when a file cannot be read or written, or when nothing at all was
converted.

examples:
  eventcoder dictionaries import-petrarch \\
      --actors Phoenix.Countries.actors.txt --actors Phoenix.International.actors.txt \\
      --agents Phoenix.agents.txt --verbs CAMEO.2.0.txt -o my-dictionaries/
  eventcoder dictionaries import-petrarch --verbs PETR_Validate_verbs_2_02.txt \\
      --ontology PETR_Validate_Internal_Coding_Ontology_1_01.txt -o validate/
  eventcoder dictionaries check my-dictionaries/
"""


def register_import(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``import-petrarch`` to the ``dictionaries`` group's sub-parsers."""
    parser = subparsers.add_parser(
        "import-petrarch",
        help="convert PETRARCH/Phoenix dictionaries to YAML",
        description=DESCRIPTION,
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--actors",
        action="append",
        default=[],
        metavar="FILE",
        help="actor dictionary (repeatable)",
    )
    parser.add_argument(
        "--agents",
        action="append",
        default=[],
        metavar="FILE",
        help="agent dictionary (repeatable)",
    )
    parser.add_argument(
        "--verbs",
        action="append",
        default=[],
        metavar="FILE",
        help="verb dictionary, PETRARCH-1 or -2 format (repeatable)",
    )
    parser.add_argument(
        "--discards", action="append", default=[], metavar="FILE", help="discard list (repeatable)"
    )
    parser.add_argument(
        "--issues", action="append", default=[], metavar="FILE", help="issue list (repeatable)"
    )
    parser.add_argument(
        "--ontology",
        metavar="FILE",
        help="PETRARCH internal coding ontology: declare its codes as the event-code table",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="DIR",
        help="folder to write the YAML files into (created if missing)",
    )
    parser.add_argument(
        "--quiet-warnings", action="store_true", help="list only skipped lines, not warnings"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import, write, report; returns the exit code."""
    from eventcoder.importers import import_petrarch, write_import

    sources = (args.actors, args.agents, args.verbs, args.discards, args.issues)
    if not any(sources) and not args.ontology:
        print(
            "eventcoder: error: give at least one input file (--actors, --verbs, ...)",
            file=sys.stderr,
        )
        return 2
    try:
        result = import_petrarch(
            actors=args.actors,
            agents=args.agents,
            verbs=args.verbs,
            discards=args.discards,
            issues=args.issues,
            ontology=args.ontology,
        )
        written = write_import(result, Path(args.output))
    except OSError as error:
        print(f"eventcoder: error: {error}", file=sys.stderr)
        return 1
    for problem in result.all_problems():
        if problem.severity == "error" or not args.quiet_warnings:
            print(problem, file=sys.stderr)
    _summary(result, written)
    converted = sum(report.converted for report in result.files)
    return 0 if converted or not any(sources) else 1


def _summary(result: object, written: list[Path]) -> None:
    from eventcoder.importers.petrarch_verbs import PROVENANCE_KEYS

    files = result.files  # type: ignore[attr-defined]
    for report in files:
        warnings = sum(1 for p in report.problems if p.severity == "warning")
        print(
            f"{report.path}: {report.kind}: {report.converted} converted, "
            f"{report.skipped} lines skipped, {warnings} warnings",
            file=sys.stderr,
        )
        for key in PROVENANCE_KEYS:
            if report.counts.get(key):
                print(f"{report.path}: {report.counts[key]} {key}", file=sys.stderr)
    parts = result.unknown_parts  # type: ignore[attr-defined]
    if parts:
        print(
            f"{len(parts)} actor-code part(s) unknown to CAMEO, declared in actor_code_parts: "
            + ", ".join(parts),
            file=sys.stderr,
        )
    merged = len(result.problems)  # type: ignore[attr-defined]
    if merged:
        print(f"{merged} repeated phrases merged or dropped (warnings above)", file=sys.stderr)
    for path in written:
        print(path)
