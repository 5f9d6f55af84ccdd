"""Tests for eventcoder.evaluation.gold: reading and checking gold JSONL files."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import InputError
from eventcoder.evaluation.gold import GoldEvent, GoldSentence, parse_gold_line, read_gold

GOOD = {
    "id": "t-1",
    "date": "2017-10-26",
    "text": "Russian jets bombed rebel positions in Idlib.",
    "events": [
        {"source": "RUS_MIL", "code": "195", "target": "SYR_REB", "alt_codes": ["190"],
         "optional": False}
    ],
    "note": "air strike",
}


def write(tmp_path, *records) -> str:
    path = tmp_path / "gold.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


class TestReadGold:
    def test_reads_fields(self, tmp_path) -> None:
        """A good line gives a sentence with typed fields and its line number."""
        path = write(tmp_path, GOOD)
        [sentence] = read_gold(path)
        assert sentence.id == "t-1" and sentence.date == dt.date(2017, 10, 26)
        assert sentence.events == (GoldEvent("RUS_MIL", "195", "SYR_REB", ("190",), False),)
        assert sentence.events[0].roots == frozenset({"19"})
        assert sentence.line == 1 and sentence.note == "air strike"

    def test_defaults_and_blank_lines(self, tmp_path) -> None:
        """alt_codes and optional may be left out; blank lines are skipped."""
        record = dict(GOOD, events=[{"source": "SYR_GOV", "code": "0874", "target": "SYR_REB"}])
        path = write(tmp_path, "", record)
        [sentence] = read_gold(path)
        assert sentence.line == 2
        assert sentence.events[0].alt_codes == () and not sentence.events[0].optional

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"id": ""}, "id"),
            ({"text": 3}, "text"),
            ({"date": "2017-13-01"}, "date"),
            ({"events": {}}, "events"),
            ({"events": [{"source": "RUS_MIL", "code": "19", "target": "SYR_REB"}]},
             "events[0].code"),
            ({"events": [{"source": "rus mil", "code": "190", "target": "SYR_REB"}]},
             "events[0].source"),
            ({"events": [{"source": "RUS_MIL", "code": "190"}]}, "events[0].target"),
            ({"events": [{"source": "RUS_MIL", "code": "190", "target": "SYR_REB",
                          "alt_codes": ["190", "x"]}]}, "events[0].alt_codes[1]"),
            ({"events": [{"source": "RUS_MIL", "code": "190", "target": "SYR_REB",
                          "optional": "yes"}]}, "events[0].optional"),
        ],
    )
    def test_errors_name_file_line_field(self, tmp_path, change, field) -> None:
        """Each bad value raises an error naming the file, the line and the field."""
        path = write(tmp_path, GOOD, {**GOOD, "id": "t-2", **change})
        with pytest.raises(InputError) as caught:
            read_gold(path)
        assert str(caught.value).startswith(f"{path}:2: {field}: ")

    def test_bad_json_and_duplicate_ids(self, tmp_path) -> None:
        """Malformed JSON and a repeated id are reported with their line."""
        with pytest.raises(InputError, match=r"gold.jsonl:2:\d+: not valid JSON"):
            read_gold(write(tmp_path, GOOD, "{oops"))
        with pytest.raises(InputError, match=r"gold.jsonl:2: id: duplicate id 't-1'.*line 1"):
            read_gold(write(tmp_path, GOOD, GOOD))

    def test_missing_file(self, tmp_path) -> None:
        """A missing file is an InputError naming it."""
        with pytest.raises(InputError, match=r"nope\.jsonl"):
            read_gold(tmp_path / "nope.jsonl")

    def test_dev_set_reads(self, shared) -> None:
        """The real dev set reads cleanly and has events and no-event sentences."""
        sentences = read_gold(shared / "gold" / "dev.jsonl")
        assert len(sentences) > 100
        assert any(not s.required for s in sentences)
        assert all(s.date is not None for s in sentences)


keys = st.from_regex(r"[A-Z]{3}(_[A-Z]{3})?", fullmatch=True)
codes = st.from_regex(r"[0-9]{3,4}", fullmatch=True)
events = st.builds(GoldEvent, keys, codes, keys, st.lists(codes, max_size=3).map(tuple),
                   st.booleans())
sentences = st.builds(
    GoldSentence,
    st.text(min_size=1).filter(str.strip),
    st.text(min_size=1).filter(str.strip),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.lists(events, max_size=4).map(tuple),
    st.none() | st.text(),
    st.just(7),
)


@settings(max_examples=100, deadline=None)
@given(sentences)
def test_round_trip(sentence: GoldSentence) -> None:
    """Any sentence written in the gold layout reads back equal."""
    record = {
        "id": sentence.id,
        "date": sentence.date.isoformat() if sentence.date else None,
        "text": sentence.text,
        "events": [
            {"source": e.source, "code": e.code, "target": e.target,
             "alt_codes": list(e.alt_codes), "optional": e.optional}
            for e in sentence.events
        ],
        "note": sentence.note,
    }
    assert parse_gold_line(json.dumps(record), file="x", line=7) == sentence
