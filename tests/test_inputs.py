"""Tests for eventcoder.inputs: text and JSONL records, with every bad record accounted for."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.errors import InputError
from eventcoder.inputs import detect_format, jsonl_record, read_records


class TestReadRecords:
    def test_text_file_is_one_document(self, tmp_path):
        """A plain-text file is one document named after the file."""
        path = tmp_path / "story.txt"
        path.write_text("Rebels attacked.\n\nTroops retreated.\n", encoding="utf-8")
        (record,) = read_records(str(path), date=dt.date(2017, 10, 24))
        assert record.id == "story" and record.error is None
        assert record.text is not None and record.text.text.startswith("Rebels attacked.")
        assert record.text.date == dt.date(2017, 10, 24)

    def test_lines_format(self, tmp_path):
        """In 'lines' format each non-empty line is a document with its line number."""
        path = tmp_path / "s.txt"
        path.write_text("One.\n\nTwo.\n", encoding="utf-8")
        records = list(read_records(str(path), "lines"))
        assert [r.id for r in records] == ["s:1", "s:3"]
        assert [r.line for r in records] == [1, 3]

    def test_jsonl_good_and_bad_records(self, tmp_path):
        """Every JSONL line becomes a record; bad ones carry their reason and line."""
        lines = [
            json.dumps({"id": "a", "text": "Rebels attacked.", "date": "2017-10-24", "url": "u"}),
            "{not json",
            json.dumps({"id": "c", "text": ""}),
            json.dumps({"id": "d", "text": "x", "date": "24.10.2017"}),
            json.dumps(["a list"]),
        ]
        path = tmp_path / "in.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        records = list(read_records(str(path)))
        assert len(records) == 5
        good = records[0]
        assert good.text is not None and good.text.metadata == {"url": "u"}
        assert good.text.date == dt.date(2017, 10, 24)
        errors = {r.line: r.error for r in records[1:]}
        assert errors[2] is not None and errors[2].startswith("bad JSON")
        assert errors[3] == "field 'text': missing or empty"
        assert errors[4] is not None and "field 'date'" in errors[4]
        assert errors[5] == "record is not a JSON object"

    def test_missing_file(self, tmp_path):
        """A missing file is an InputError naming it."""
        missing = str(tmp_path / "missing.txt")
        with pytest.raises(InputError, match=r"missing\.txt"):
            list(read_records(missing))

    def test_conllu_is_not_text(self):
        """CoNLL-U is refused here: it holds parses, read with eventcoder.conllu."""
        assert detect_format("x.conllu") == "conllu"
        with pytest.raises(InputError, match=r"eventcoder\.conllu"):
            read_records("x.conllu")


@given(st.text(max_size=200))
def test_jsonl_record_never_raises(line):
    """Any line gives a record: either a text or an error, never an exception."""
    record = jsonl_record("f.jsonl", 7, line)
    assert (record.text is None) != (record.error is None)
    assert record.line == 7


@given(
    st.fixed_dictionaries(
        {"id": st.text(min_size=1, max_size=10), "text": st.text(min_size=1, max_size=50)},
        optional={"date": st.dates().map(dt.date.isoformat), "extra": st.integers()},
    )
)
def test_jsonl_valid_records_round_trip(data):
    """Well-formed records keep id, text, date and carry other fields as metadata."""
    record = jsonl_record("f.jsonl", 1, json.dumps(data))
    if not data["text"].strip():
        assert record.error is not None
        return
    assert record.text is not None
    assert record.text.id == data["id"] and record.text.text == data["text"]
    assert (record.text.date.isoformat() if record.text.date else None) == data.get("date")
    assert dict(record.text.metadata) == ({"extra": data["extra"]} if "extra" in data else {})
