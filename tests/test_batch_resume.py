"""A real run killed with SIGKILL part-way and resumed gives the uninterrupted output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "batch"


def _corpus(path: Path, copies: int) -> None:
    text = (DATA / "news.conllu").read_text(encoding="utf-8")
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            out.write(text.replace("# newdoc id = ", f"# newdoc id = k{copy}-"))


def _command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "eventcoder", "code", str(corpus), "-o", str(out),
            "--no-default-dictionaries", "--dictionaries", str(DATA / "dictionaries.yaml"),
            "--format", "tsv", "--incomplete", "--chunk-size", "8",
            "--checkpoint-every", "0", "--quiet", *extra]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    """SIGKILL once the ledger has checkpoints; --resume ends with identical bytes."""
    corpus = tmp_path / "big.conllu"
    _corpus(corpus, 300)  # 3,600 documents, 6,900 sentences
    full = tmp_path / "full.tsv"
    subprocess.run(_command(corpus, full), check=True, timeout=600)
    out = tmp_path / "killed.tsv"
    process = subprocess.Popen(_command(corpus, out))
    ledger = Path(f"{out}.ledger")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.stat().st_size > 50_000 and ledger.exists():
            break
        time.sleep(0.01)
    assert process.poll() is None, "the run finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = out.stat().st_size
    assert 0 < partial < full.stat().st_size
    subprocess.run(_command(corpus, out, "--resume"), check=True, timeout=600)
    assert out.read_bytes() == full.read_bytes()
