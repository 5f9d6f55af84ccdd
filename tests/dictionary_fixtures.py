"""Helpers shared by the dictionary tests: YAML written from indented test strings."""

from __future__ import annotations

import textwrap
from pathlib import Path

from eventcoder.dictionaries.loading import CheckReport, check_dictionaries


def write_yaml(folder: Path, name: str, text: str) -> Path:
    """``text`` (dedented) written to ``folder/name``, creating sub-folders."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def check_files(folder: Path, *files: tuple[str, str]) -> CheckReport:
    """Write each (name, text) into ``folder`` and check them alone, in order."""
    paths = [write_yaml(folder, name, text) for name, text in files]
    return check_dictionaries(paths, include_default=False)
