"""Tests for eventcoder.petrarch_records: PETRARCH-style validation record files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.errors import InputError, ParseTreeError
from eventcoder.petrarch_records import ExpectedEvent, read_environment, read_records
from eventcoder.ud import V1_ONLY_RELATIONS

UP = "peers/UniversalPetrarch"
VALIDATE = "PETR_Validate_records_2_02.xml"
UNIT = "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"
GIGAWORD = "GigaWord.sample.PETR_parsed.xml"

_PARSE = (
    "1\tArnor\tArnor\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
    "2\tprotested\tprotest\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"
)


def _file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "records.xml"
    path.write_text(f"<Validation>\n<Sentences>\n{body}</Sentences>\n</Validation>\n", "utf-8")
    return path


def _record(attrs: str = 'id="T-1" date="19950101" category="DEMO"', parse: str = _PARSE) -> str:
    return (
        f"<Sentence {attrs}>\n<EventCoding eventcode=\"141\" sourcecode=\"ARN\" "
        f"targetcode=\"---\" />\n<Text>\nArnor\n protested.\n</Text>\n<Parse>\n{parse}</Parse>\n"
        "</Sentence>\n"
    )


class TestPeerFiles:
    @pytest.mark.parametrize("name", [VALIDATE, UNIT, GIGAWORD])
    def test_every_parse_reads_and_is_normalised(self, shared: Path, name: str) -> None:
        """Every <Parse> block reads into the model with no UD v1 label left."""
        records = list(read_records(shared / UP / name))
        assert records and all(r.parse is not None for r in records)
        for record in records:
            assert record.parse is not None
            assert record.parse.id == record.id
            for sentence in record.parse:
                assert sentence.doc_id == record.id
                assert not {w.base_deprel for w in sentence} & V1_ONLY_RELATIONS
                assert not any(w.upos == "CONJ" for w in sentence)

    def test_validation_suite_counts(self, shared: Path) -> None:
        """Counts match peers/README.md, less the example record inside the header comment.

        The README's 275 records / 11 evaluate="false" count the line
        ``Use <Sentence ... evaluate="false"> to bypass ...`` of the header comment;
        the real records are 274, 10 of them not evaluated.
        """
        path = shared / UP / VALIDATE
        records = list(read_records(path))
        raw = path.read_text(encoding="utf-8")
        assert raw.count("<Sentence ") == 275 and raw.count('evaluate="false"') == 11
        assert len(records) == 274
        assert sum(not r.evaluate for r in records) == 10
        assert sum(len(r.expected) for r in records) == 322
        assert sum(r.noevents for r in records) == 20
        assert sum(r.error is not None for r in records) == 7
        assert sum(len(r.plover) for r in records) == 38  # a 39th is in the header comment

    def test_unit_test_and_gigaword_counts(self, shared: Path) -> None:
        """The unit-test file has 284 records and 349 expected events; GigaWord 76 records."""
        unit = list(read_records(shared / UP / UNIT))
        assert len(unit) == 284
        assert sum(len(r.expected) for r in unit) == 349
        giga = list(read_records(shared / UP / GIGAWORD))
        assert len(giga) == 76
        assert all(not r.expected and r.category is None for r in giga)

    def test_first_record(self, shared: Path) -> None:
        """DEMO-01: attributes, expected event, collapsed text and a normalised parse."""
        record = next(read_records(shared / UP / VALIDATE))
        assert (record.id, record.category, record.evaluate) == ("DEMO-01", "DEMO", True)
        assert record.date == dt.date(1995, 1, 1)
        assert record.expected == (ExpectedEvent("ARN", "GON", "050"),)
        assert record.text.startswith("Arnor is about to restore full diplomatic ties with Gondor")
        assert "almost five years" in record.text  # the line break is now one space
        assert record.parse is not None
        sentence = record.parse.sentences[0]
        assert sentence.text == record.text
        assert {w.text: w.deprel for w in sentence}["ties"] == "obj"
        assert record.line == 63

    def test_entities_decoded(self, shared: Path) -> None:
        """&quot; in codes and &amp; in parses are decoded."""
        records = {r.id: r for r in read_records(shared / UP / UNIT)}
        sources = {e.source for r in records.values() for e in r.expected}
        assert '"INJURY TOLL"' in sources
        forms = {w.text for r in records.values() if r.parse for s in r.parse for w in s}
        assert "&" in forms and "&amp;" not in forms

    def test_environment(self, shared: Path) -> None:
        """The <Environment> block gives the dictionary file names."""
        env = read_environment(shared / UP / VALIDATE)
        assert env["Verbfile"] == "PETR_Validate_verbs_2_02.txt"
        assert env["PICOfile"] == "PETR_Validate_Internal_Coding_Ontology_1_01.txt"
        assert read_environment(shared / UP / UNIT)["config:stop_on_error"] == "True"
        assert read_environment(shared / UP / GIGAWORD) == {}

    def test_config_options_carry_forward(self, shared: Path) -> None:
        """A <Config> between records applies to the following records."""
        records = {r.id: r for r in read_records(shared / UP / VALIDATE)}
        assert records["DEMO-01"].config == ()
        assert dict(records["COMPOUND-03"].config)["require_dyad"] == "false"


class TestSyntheticFiles:
    def test_nested_comments_hide_records(self, tmp_path: Path) -> None:
        """A record inside a comment with a nested comment is not read."""
        body = "<!-- header\n<!-- nested --> still comment\n" + _record() + "-->\n" + _record(
            'id="T-2" date="19950102"'
        )
        (record,) = read_records(_file(tmp_path, body))
        assert record.id == "T-2"
        assert record.text == "Arnor protested."
        assert record.category is None and record.evaluate

    def test_bad_date(self, tmp_path: Path) -> None:
        """A record date that is not YYYYMMDD names the file and line."""
        path = _file(tmp_path, _record('id="T-1" date="1995-01-01"'))
        with pytest.raises(InputError) as info:
            list(read_records(path))
        assert (info.value.location.line, info.value.location.field) == (3, "date")
        assert info.value.location.file == str(path)

    def test_unclosed_record(self, tmp_path: Path) -> None:
        """A record without </Sentence> is reported at its start line."""
        path = _file(tmp_path, _record().replace("</Sentence>", "") + _record())
        with pytest.raises(InputError, match="not closed") as info:
            list(read_records(path))
        assert info.value.location.line == 3

    def test_broken_parse_line_is_a_file_line(self, tmp_path: Path) -> None:
        """A bad CoNLL-U row is reported with its line in the XML file."""
        path = _file(tmp_path, _record(parse=_PARSE.replace("\t0\troot", "\tx\troot")))
        with pytest.raises(InputError) as info:
            list(read_records(path))
        assert info.value.location.line == 11  # the second row, after <Parse> on line 9
        assert "T-1" in str(info.value)

    def test_parse_cycle_is_parse_tree_error(self, tmp_path: Path) -> None:
        """A parse that is not a tree raises ParseTreeError with the file line."""
        path = _file(tmp_path, _record(parse=_PARSE.replace("\t0\troot", "\t1\troot")))
        with pytest.raises(ParseTreeError) as info:
            list(read_records(path))
        assert info.value.location.line == 10  # the sentence's first row

    def test_incomplete_event_coding(self, tmp_path: Path) -> None:
        """An EventCoding without codes (and not noevents/error) is an error."""
        path = _file(tmp_path, _record().replace('eventcode="141" ', ""))
        with pytest.raises(InputError, match="EventCoding"):
            list(read_records(path))


def test_missing_file_is_an_input_error_naming_it(tmp_path):
    """A validation file that does not exist is an InputError naming the file."""
    from eventcoder.errors import InputError

    missing = tmp_path / "missing.xml"
    with pytest.raises(InputError, match=r"missing\.xml: cannot open"):
        list(read_records(missing))
    with pytest.raises(InputError, match=r"missing\.xml: cannot open"):
        read_environment(missing)
