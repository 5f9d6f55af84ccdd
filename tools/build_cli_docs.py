"""Write docs/cli.md from the commands' own ``--help`` (tests/test_docs.py checks it is current).

Run: python tools/build_cli_docs.py
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
WIDTH = "100"

HEADER = """# Command-line reference

Generated from each command's `--help` by `tools/build_cli_docs.py`; do not edit by hand
(`tests/test_docs.py` fails when this page and the commands disagree).
"""


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _sections(parser: argparse.ArgumentParser, name: str) -> list[str]:
    parts = [f"\n## `{name}`\n", "```text", parser.format_help().rstrip(), "```"]
    for sub, child in _subparsers(parser).items():
        parts += _sections(child, f"{name} {sub}")
    return parts


def render() -> str:
    """The whole page, at a fixed help width so that it does not depend on the terminal."""
    os.environ["COLUMNS"] = WIDTH
    from eventcoder.cli.main import build_parser

    return "\n".join([HEADER, *_sections(build_parser(), "eventcoder")]) + "\n"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stderr.write(f"wrote {DOC}\n")
