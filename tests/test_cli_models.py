"""Tests of ``eventcoder models`` and of how ``eventcoder parse`` fails without models.

Run as real subprocesses (``python -m eventcoder``): the network here is unreachable, so
``models download`` really fails; a timeout guards against a hang.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventcoder.conllu import loads_conllu

TEXT = "Syrian troops attacked rebels in Idlib on Monday. Russia condemned the attack.\n"


def eventcoder(*args: str, resources: Path | None = None, timeout: float = 120,
               env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "STANZA_RESOURCES_DIR"}
    if resources is not None:
        env["STANZA_RESOURCES_DIR"] = str(resources)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "eventcoder", *args], capture_output=True,
                          text=True, env=env, timeout=timeout, check=False)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "idlib.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_parse_without_models_fails_with_one_line(tmp_path: Path, article: Path) -> None:
    """``parse --parser stanza`` with an empty STANZA_RESOURCES_DIR exits 3 with one
    stderr line that says what to run, and no traceback."""
    empty = tmp_path / "models"
    empty.mkdir()
    done = eventcoder("parse", "--parser", "stanza", str(article), resources=empty)
    assert done.returncode == 3
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "eventcoder models download" in lines[0] and str(empty) in lines[0]
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_download_fails_cleanly_without_network(tmp_path: Path) -> None:
    """With no network, ``models download`` exits 1 with one line naming the host it could
    not reach, prints no traceback, and leaves no empty folder behind."""
    target = tmp_path / "new" / "models"
    done = eventcoder("models", "download", "--model-dir", str(target), timeout=90)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("eventcoder:")]
    assert len(errors) == 1, done.stderr
    assert errors[0].startswith("eventcoder: error: cannot download stanza models for 'en'")
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "new").exists()


def test_where_reports_missing_models(tmp_path: Path) -> None:
    """``models where`` prints the folder and why the models are missing; exit code 3."""
    done = eventcoder("models", "where", resources=tmp_path)
    assert done.returncode == 3
    assert done.stdout.splitlines()[0] == f"model dir: {tmp_path}"
    assert "not installed" in done.stdout and "no resources.json" in done.stdout
    other = tmp_path / "elsewhere"
    done = eventcoder("models", "where", "--model-dir", str(other), resources=tmp_path)
    assert done.stdout.splitlines()[0] == f"model dir: {other}"
    assert f"eventcoder models download --model-dir {other}" in done.stdout


def test_models_help_and_usage() -> None:
    """``models`` alone prints its help (exit 2); the help has an examples section."""
    done = eventcoder("models")
    assert done.returncode == 2
    assert "examples:" in done.stderr and "models download" in done.stderr
    helped = eventcoder("models", "download", "--help")
    assert helped.returncode == 0 and "--model-dir" in helped.stdout


@pytest.mark.slow
def test_where_lists_installed_models(stanza_toy_resources: Path) -> None:
    """With a stanza resources folder in place, ``where`` lists each processor's model."""
    done = eventcoder("models", "where", resources=stanza_toy_resources)
    assert done.returncode == 0, done.stdout
    assert "installed: en (default)" in done.stdout
    for processor in ("tokenize", "pos", "lemma", "depparse", "ner"):
        assert f"  {processor}: toy" in done.stdout


@pytest.mark.slow
def test_parse_with_installed_models(stanza_toy_resources: Path, article: Path) -> None:
    """End to end: ``parse --parser stanza`` finds the models through
    STANZA_RESOURCES_DIR and writes CoNLL-U that reads back into the same sentences."""
    done = eventcoder("parse", "--parser", "stanza", str(article),
                      resources=stanza_toy_resources)
    assert done.returncode == 0, done.stderr
    (doc,) = loads_conllu(done.stdout)
    assert [s.text for s in doc.sentences] == [
        "Syrian troops attacked rebels in Idlib on Monday.", "Russia condemned the attack."
    ]
    assert [w.text for w in doc.sentences[1]] == ["Russia", "condemned", "the", "attack", "."]


@pytest.fixture
def model_server(stanza_toy_resources: Path, tmp_path: Path) -> Iterator[str]:
    """A local HTTP server laid out like stanza's model hosting (resources_<version>.json
    plus en/<processor>/<model>.pt), serving the toy models; yields its URL."""
    from stanza._version import __resources_version__

    root = tmp_path / "hub"
    shutil.copytree(stanza_toy_resources, root)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0),
        functools.partial(QuietHandler, directory=str(root)),
    )
    url = f"http://127.0.0.1:{server.server_address[1]}"
    resources = json.loads((root / "resources.json").read_text(encoding="utf-8"))
    resources["url"] = url + "/{lang}/{filename}"
    (root / f"resources_{__resources_version__}.json").write_text(json.dumps(resources))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No request log on stderr."""


@pytest.mark.slow
def test_download_installs_what_parse_needs(model_server: str, tmp_path: Path,
                                            article: Path) -> None:
    """``models download`` (stanza's real download code, over HTTP from a local server)
    installs the models; ``where`` then reports them and ``parse`` uses them."""
    target = tmp_path / "installed"
    env = {"STANZA_RESOURCES_URL": model_server}
    done = eventcoder("models", "download", "--model-dir", str(target), env_extra=env,
                      timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"stanza models for en (default) are in {target}"
    assert (target / "en" / "pretrain" / "toy.pt").is_file()
    where = eventcoder("models", "where", "--model-dir", str(target))
    assert where.returncode == 0 and "  ner: toy" in where.stdout
    parsed = eventcoder("parse", "--parser", "stanza", str(article), resources=target)
    assert parsed.returncode == 0, parsed.stderr
    assert len(loads_conllu(parsed.stdout)[0].sentences) == 2
