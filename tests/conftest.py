"""Shared fixtures: where the repository and ../shared are."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def repo() -> Path:
    """The repository root."""
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only ../shared folder (peers, gold); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def _toy_trainer():  # -> the tests/stanza_toy/train.py module
    import importlib.util

    path = Path(__file__).resolve().parent / "stanza_toy" / "train.py"
    spec = importlib.util.spec_from_file_location("stanza_toy_train", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def stanza_toy_models(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A tiny real stanza model set (tokenize, pos, lemma, depparse, ner) for the tests.

    Trained once per session from tests/stanza_toy with stanza's own trainers (about a
    minute on 2 cores) and kept in pytest's cache, keyed by the treebank, the training
    script and the stanza version. ``EVENTCODER_STANZA_TOY_CACHE=DIR`` reuses (or fills)
    a model set in DIR instead. Returns the manifest: ``model_paths`` (Pipeline keywords
    such as ``pos_model_path`` -> files), ``resources_dir`` (holds a ``{}`` resources.json)
    and ``seconds`` (training time).
    """
    trainer = _toy_trainer()
    key = trainer.cache_key()
    env = os.environ.get("EVENTCODER_STANZA_TOY_CACHE")
    cache = getattr(request.config, "cache", None)
    if env:
        folder = Path(env)
    elif cache is not None:
        root = Path(cache.mkdir("stanza_toy"))
        for stale in root.iterdir():
            if stale.name != key:
                shutil.rmtree(stale, ignore_errors=True)
        folder = root / key
    else:
        folder = tmp_path_factory.mktemp("stanza_toy") / key
    return trainer.load_manifest(folder, key) or trainer.train(folder)


@pytest.fixture(scope="session")
def stanza_toy_resources(stanza_toy_models, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The toy models laid out as a stanza resources folder (``en/pos/toy.pt`` ... and a
    resources.json whose ``default`` package names them): use it as
    ``STANZA_RESOURCES_DIR`` or ``model_dir`` to run the default code path for real."""
    return _toy_trainer().install_as_resources(
        stanza_toy_models, tmp_path_factory.mktemp("stanza_resources")
    )
