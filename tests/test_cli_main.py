"""Tests for the command-line entry point: help, version, errors as one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventcoder import __version__
from eventcoder.cli.main import COMMAND_MODULES, build_parser, main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventcoder", *args], capture_output=True, text=True, timeout=120
    )


def test_version():
    """--version prints the one version of the package."""
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"eventcoder {__version__}"


def test_help_lists_every_command_with_examples():
    """The top-level help names every registered command and shows examples."""
    result = run_cli("--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert len(commands) >= len(COMMAND_MODULES)
    for name in commands:
        assert name in result.stdout


@pytest.mark.parametrize("command", sorted(build_parser()._subparsers._group_actions[0].choices))  # type: ignore[union-attr]
def test_every_command_help_has_an_example(command):
    """Each subcommand's --help shows at least one example invocation."""
    result = run_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "example" in result.stdout.lower()
    assert "eventcoder " in result.stdout


def test_no_command_prints_usage_and_exits_2(capsys):
    """Running without a command prints help on stderr and exits with 2."""
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err


def test_unknown_option_exits_2():
    """argparse usage errors exit with 2."""
    result = run_cli("--no-such-option")
    assert result.returncode == 2
    assert "usage:" in result.stderr
