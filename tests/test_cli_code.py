"""``eventcoder code`` end to end: stdin/stdout, formats, error files and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventcoder.cli.main import build_parser, main

DATA = Path(__file__).resolve().parent / "data" / "batch"
NEWS = DATA / "news.conllu"
DICTS = ["--no-default-dictionaries", "--dictionaries", str(DATA / "dictionaries.yaml")]


def test_stdin_to_stdout() -> None:
    """CoNLL-U on stdin (``-``, --format-in conllu) gives JSONL events on stdout and the
    summary on stderr."""
    result = subprocess.run(
        [sys.executable, "-m", "eventcoder", "code", "-", "--format-in", "conllu", *DICTS],
        input=NEWS.read_bytes(), capture_output=True, check=True, timeout=120,
    )
    events = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert events and events[0]["doc_id"] == "idlib-2017-10-24"
    assert "12 records: 12 documents (23 sentences)" in result.stderr.decode()


def test_errors_go_to_the_errors_file_and_exit_1(tmp_path: Path) -> None:
    """Bad records are written next to the output with their reasons; exit code 1."""
    bad = tmp_path / "in.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    out = tmp_path / "events.csv"
    code = main(["code", str(bad), str(NEWS), "-o", str(out), "--format", "csv", "--quiet",
                 *DICTS])
    assert code == 1
    (error,) = [json.loads(line) for line in
                Path(f"{out}.errors.jsonl").read_text().splitlines()]
    assert error["id"] == "x" and error["reason"] == "field 'text': missing or empty"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and rows[0]["source_code"] == "TUR"


def test_clean_run_exits_0_and_writes_parquet(tmp_path: Path) -> None:
    """A run without errors exits 0; --format parquet writes a table pyarrow reads."""
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    assert main(["code", str(NEWS), "-o", str(out), "--format", "parquet", "--quiet",
                 "--workers", "2", *DICTS]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 4 and table.column("source_code").to_pylist()[0] == "TUR"
    assert not Path(f"{out}.errors.jsonl").exists()


def test_resume_with_parquet_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """--resume needs an appendable format; the error is one line and exit code 1."""
    code = main(["code", str(NEWS), "-o", str(tmp_path / "x.parquet"), "--format", "parquet",
                 "--resume", *DICTS])
    assert code == 1
    assert "--resume needs" in capsys.readouterr().err


def test_help_has_examples() -> None:
    """The command's help lists examples."""
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert "examples:" in commands["code"].description


def test_missing_input_fails_before_writing(tmp_path: Path,
                                            capsys: pytest.CaptureFixture) -> None:
    """A missing input is one error line, exit 1, and no output or ledger is created."""
    out = tmp_path / "events.jsonl"
    assert main(["code", str(tmp_path / "nope.conllu"), "-o", str(out), *DICTS]) == 1
    assert "no such file" in capsys.readouterr().err
    assert not out.exists() and not Path(f"{out}.ledger").exists()


def test_broken_dictionaries_fail_before_writing(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture) -> None:
    """Dictionary errors are reported (exit 1) before any output file is created."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("verbs:\n  - name: X\n    lemmas: [go]\n    code: 9999\n",
                      encoding="utf-8")
    out = tmp_path / "events.jsonl"
    code = main(["code", str(NEWS), "-o", str(out), "--no-default-dictionaries",
                 "--dictionaries", str(broken)])
    assert code == 1 and "error" in capsys.readouterr().err
    assert not out.exists()


def test_uncoded_adds_events_with_unknown_named_actors(tmp_path: Path) -> None:
    """--uncoded also writes events whose actor the dictionaries do not know (code "")."""
    plain, uncoded = tmp_path / "plain.jsonl", tmp_path / "uncoded.jsonl"
    assert main(["code", str(NEWS), "-o", str(plain), "--quiet", *DICTS]) == 0
    assert main(["code", str(NEWS), "-o", str(uncoded), "--quiet", "--uncoded", *DICTS]) == 0
    coded = [json.loads(line) for line in plain.read_text().splitlines()]
    every = [json.loads(line) for line in uncoded.read_text().splitlines()]
    blanks = [e for e in every if "" in (e["source"]["code"], e["target"]["code"])]
    assert blanks, "no event with an uncoded actor"
    assert all(e["source"]["text"] and e["target"]["text"] for e in blanks)
    assert len(every) == len(coded) + len(blanks)
