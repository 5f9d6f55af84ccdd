"""Packaging: the wheel ships the default dictionaries, and the public API is complete."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import REPO

import eventcoder

SKIP_WHEN_COPYING = (
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "out", "tests",
)


def _listed_packages() -> set[str]:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg")
    return {line.strip() for line in config["options"]["packages"].splitlines() if line.strip()}


def test_every_subpackage_is_listed_in_setup_cfg():
    """setup.cfg lists packages explicitly; a new subpackage must be added there."""
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "eventcoder").rglob("__init__.py")
    }
    assert found <= _listed_packages()
    assert "eventcoder._dictionaries" in _listed_packages()


def test_public_names_are_exported():
    """Everything in __all__ exists, and public classes defined in the package are exported."""
    for name in eventcoder.__all__:
        assert hasattr(eventcoder, name), name
    assert sorted(eventcoder.__all__) == sorted(set(eventcoder.__all__))


def test_py_typed_is_shipped():
    """The package is marked as typed."""
    assert (REPO / "eventcoder" / "py.typed").is_file()


@pytest.mark.slow
def test_wheel_install_finds_default_dictionaries(tmp_path):
    """A normal (non-editable) install into a fresh venv ships dictionaries/ inside the wheel."""
    # Build from a clean copy: an in-tree build/ folder may hold stale files.
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*SKIP_WHEN_COPYING))
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheel_dir), str(source)],
        check=True, capture_output=True,
    )
    (wheel,) = wheel_dir.glob("eventcoder-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel],
                   check=True, capture_output=True)
    # Dependencies (attrs, yaml) come from this interpreter's site-packages, the package
    # itself only from the fresh venv: PYTHONPATH does not process .pth (editable) hooks.
    deps = next(p for p in map(Path, sys.path) if p.name == "site-packages")
    script = (
        "import importlib.resources as r, eventcoder, pathlib;"
        "root = r.files('eventcoder._dictionaries');"
        "print(eventcoder.__file__);"
        "print(sorted(str(p.relative_to(pathlib.Path(str(root)))) "
        "for p in pathlib.Path(str(root)).rglob('*.yaml')))"
    )
    out = subprocess.run(
        [python, "-c", script], check=True, capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(deps)},
    ).stdout.splitlines()
    assert str(env_dir) in out[0], "eventcoder was imported from the source tree, not the wheel"
    shipped = eval(out[1])  # a printed list of strings
    expected = sorted(
        str(p.relative_to(REPO / "dictionaries")) for p in (REPO / "dictionaries").rglob("*.yaml")
    )
    assert shipped == expected
