"""Loading and checking dictionary YAML: every rule, every problem with its place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.dictionaries.loading import CheckReport, check_dictionaries, load_dictionaries
from eventcoder.dictionaries.schema import DatedCode, SynsetRef, Term
from eventcoder.errors import DictionaryError, Problem

DATA = Path(__file__).parent / "data" / "dictionaries"


def check(tmp_path: Path, text: str, name: str = "dict.yaml", **options: bool) -> CheckReport:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return check_dictionaries([path], include_default=False, **options)


def only(problems: tuple[Problem, ...]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


ACTOR = """
actors:
  - name: Syria
    codes: [SYR]
"""


class TestHeadline:
    def test_bad_code_bad_date_and_syntax_error_all_reported(self) -> None:
        """A bad code and a bad date in one file and a syntax error in another: all three,
        each with file, line, column and field."""
        report = check_dictionaries([DATA / "bad"], include_default=False)
        lines = [str(p) for p in report.errors]
        assert len(lines) == 3, lines
        entries, broken = (str(DATA / "bad" / n) for n in ("10-entries.yaml", "20-broken.yaml"))
        assert lines[0].startswith(f'{entries}:9:16: actor "Bashar al-Assad" -> codes[0].until:')
        assert "'2024-13-45' is not a date" in lines[0]
        assert (
            lines[1] == f"{entries}:13:11: verb \"ATTACK\" -> code: unknown CAMEO event code '1999'"
        )
        assert lines[2].startswith(f"{broken}:5:9: YAML syntax error")

    def test_load_raises_dictionary_error_with_every_problem(self) -> None:
        """load_dictionaries raises one DictionaryError carrying all the errors."""
        with pytest.raises(DictionaryError) as caught:
            load_dictionaries([DATA / "bad"], include_default=False, cache=False)
        assert len(caught.value.problems) == 3
        assert "3 error(s)" in str(caught.value)


class TestStructure:
    def test_unknown_top_level_key(self, tmp_path: Path) -> None:
        """An unknown top-level key is an error that suggests the right one."""
        problem = only(check(tmp_path, "actor:\n  - name: X\n").errors)
        assert (problem.line, problem.column, problem.field) == (1, 1, "actor")
        assert "did you mean 'actors'" in problem.message

    def test_unknown_entry_key(self, tmp_path: Path) -> None:
        """An unknown key inside an entry names the entry and the key."""
        problem = only(check(tmp_path, ACTOR + "    colour: red\n").errors)
        assert (problem.entry, problem.field, problem.line) == ('actor "Syria"', "colour", 5)

    def test_unknown_key_in_dated_code(self, tmp_path: Path) -> None:
        """Unknown keys are found at any depth (here inside a dated code)."""
        text = "actors:\n  - name: S\n    codes:\n      - {code: SYR, since: 2001-01-01}\n"
        problem = only(check(tmp_path, text).errors)
        assert problem.field == "codes[0].since"

    def test_missing_required_field(self, tmp_path: Path) -> None:
        """A missing required field is reported at the entry, naming the field."""
        problem = only(check(tmp_path, "actors:\n  - name: Syria\n").errors)
        assert (problem.field, problem.message, problem.line) == ("codes", "missing (required)", 2)

    def test_wrong_type(self, tmp_path: Path) -> None:
        """A mapping where a list is expected is a type error."""
        problem = only(check(tmp_path, ACTOR + "    aliases: {a: b}\n").errors)
        assert problem.field == "aliases" and "expected a list, got a mapping" in problem.message

    def test_duplicate_entry_names_in_one_file(self, tmp_path: Path) -> None:
        """Two entries with the same name (ignoring case) in one file are an error."""
        problem = only(check(tmp_path, ACTOR + "  - name: SYRIA\n    codes: [SYR]\n").errors)
        assert "duplicate name" in problem.message and problem.line == 5

    def test_duplicate_yaml_key(self, tmp_path: Path) -> None:
        """A key given twice in one mapping is an error (YAML would keep only one)."""
        problem = only(check(tmp_path, ACTOR + "    codes: [SYRGOV]\n").errors)
        assert problem.message == "duplicate key 'codes'"

    def test_top_level_not_a_mapping(self, tmp_path: Path) -> None:
        """A file that is a list is reported, not crashed on."""
        problem = only(check(tmp_path, "- a\n- b\n").errors)
        assert "expected a mapping" in problem.message

    def test_syntax_error_does_not_stop_other_files(self, tmp_path: Path) -> None:
        """A file with a YAML syntax error does not hide the problems of the next file."""
        (tmp_path / "a.yaml").write_text("actors: [\n")
        (tmp_path / "b.yaml").write_text("actors:\n  - name: X\n    codes: [xyz]\n")
        report = check_dictionaries([tmp_path], include_default=False)
        assert [Path(p.file or "").name for p in report.errors] == ["a.yaml", "b.yaml"]

    def test_missing_path(self, tmp_path: Path) -> None:
        """A path that does not exist is an error naming it."""
        report = check_dictionaries([tmp_path / "nope.yaml"], include_default=False)
        assert only(report.errors).message == "no such dictionary file or folder"


class TestScalars:
    def test_codes_like_042_stay_strings(self, tmp_path: Path) -> None:
        """Unquoted 042 and 0871 are strings (no octal or int conversion)."""
        text = "verbs:\n  - name: ASK\n    lemmas: [ask]\n    code: 042\n"
        text += "    patterns:\n      - {pattern: '* +', code: 0871}\n"
        report = check(tmp_path, text)
        assert report.errors == ()
        verb = report.dset.verbs[0]
        assert (verb.code, verb.patterns[0].code) == ("042", "0871")

    def test_dates_quoted_or_not(self, tmp_path: Path) -> None:
        """ISO dates work as YAML dates and as quoted strings."""
        text = "actors:\n  - name: A\n    codes:\n      - {code: SYRGOV, until: 2024-12-07}\n"
        text += "      - {code: SYRELI, from: '2024-12-08'}\n"
        report = check(tmp_path, text)
        import datetime as dt

        assert report.dset.actors[0].codes == (
            DatedCode("SYRGOV", None, dt.date(2024, 12, 7)),
            DatedCode("SYRELI", dt.date(2024, 12, 8), None),
        )

    def test_inverted_date_range(self, tmp_path: Path) -> None:
        """from after until is an error."""
        text = "actors:\n  - name: A\n    codes:\n"
        text += "      - {code: SYR, from: 2020-01-01, until: 2019-01-01}\n"
        problem = only(check(tmp_path, text).errors)
        assert problem.field == "codes[0]" and "inverted" in problem.message

    def test_malformed_actor_code(self, tmp_path: Path) -> None:
        """An actor code that is not upper case / known parts is an error on that code."""
        problem = only(check(tmp_path, "actors:\n  - name: A\n    codes: [SYR, syrgov]\n").errors)
        assert problem.field == "codes[1]" and "upper case" in problem.message

    def test_malformed_agent_code(self, tmp_path: Path) -> None:
        """An agent code needs its '~'."""
        problem = only(check(tmp_path, "agents:\n  - name: troops\n    code: MIL\n").errors)
        assert problem.field == "code" and "'~'" in problem.message

    def test_bad_boolean(self, tmp_path: Path) -> None:
        """standalone must be true or false."""
        text = "agents:\n  - name: troops\n    code: ~MIL\n    standalone: maybe\n"
        assert only(check(tmp_path, text).errors).field == "standalone"

    def test_bad_discard_scope(self, tmp_path: Path) -> None:
        """A discard's scope is sentence or story."""
        problem = only(check(tmp_path, "discards:\n  - {phrase: x, scope: page}\n").errors)
        assert "'page' is not one of" in problem.message


class TestEventCodes:
    def test_unknown_cameo_code_in_pattern(self, tmp_path: Path) -> None:
        """A pattern code outside CAMEO is reported at the pattern's code."""
        text = "verbs:\n  - name: A\n    lemmas: [a]\n    patterns:\n"
        text += "      - {pattern: '* +', code: '190:999'}\n"
        report = check(tmp_path, text)
        problem = only(report.errors)
        assert problem.field == "patterns[0].code" and "'999'" in problem.message
        assert report.event_code_table.startswith("CAMEO")

    def test_declared_table_replaces_cameo(self, tmp_path: Path) -> None:
        """With a declared event_codes table, codes are checked against it, and the report
        says so."""
        text = "event_codes:\n  - {code: '064', name: ask}\n"
        text += "verbs:\n  - name: A\n    lemmas: [a]\n    code: '190'\n"
        text += "  - name: B\n    lemmas: [b]\n    code: '064'\n"
        report = check(tmp_path, text)
        problem = only(report.errors)
        assert "not in the declared event_codes table" in problem.message
        assert report.event_code_table.startswith("the declared event_codes table (1 codes")

    def test_bad_declared_code(self, tmp_path: Path) -> None:
        """A declared table row must be 2 to 4 digits."""
        problem = only(check(tmp_path, "event_codes:\n  - {code: x1}\n").errors)
        assert problem.field == "event_codes[0].code"

    def test_negated_code_of_a_row(self, tmp_path: Path) -> None:
        """A row's ``negated`` code is loaded (and checked like a code)."""
        path = tmp_path / "codes.yaml"
        path.write_text("event_codes:\n  - {code: '110', negated: '050'}\n  - {code: '050'}\n")
        rows = load_dictionaries([path], include_default=False, cache=False).event_codes
        assert rows is not None and [(r.code, r.negated) for r in rows] == [
            ("110", "050"), ("050", None)]
        problem = only(check(tmp_path, "event_codes:\n  - {code: '110', negated: x}\n").errors)
        assert problem.field == "event_codes[0].negated"


class TestPatterns:
    def test_malformed_pattern(self, tmp_path: Path) -> None:
        """A malformed pattern string is reported with what is wrong."""
        text = "verbs:\n  - name: A\n    lemmas: [a]\n    patterns:\n"
        text += "      - {pattern: '* (TO +', code: '190'}\n"
        problem = only(check(tmp_path, text).errors)
        assert problem.field == "patterns[0].pattern" and "missing ')'" in problem.message

    def test_malformed_code(self, tmp_path: Path) -> None:
        """A code that is not 190, 042:043, :190 or --- is reported at the code."""
        text = "verbs:\n  - name: A\n    lemmas: [a]\n    patterns:\n"
        text += "      - {pattern: '* +', code: '1:2:3'}\n"
        assert only(check(tmp_path, text).errors).field == "patterns[0].code"

    def test_unknown_synset(self, tmp_path: Path) -> None:
        """A pattern naming a synset no file defines is an error."""
        text = "synsets:\n  WEAPON: [gun]\nverbs:\n  - name: A\n    lemmas: [a]\n    patterns:\n"
        text += "      - {pattern: '* (WITH &WEAPON) &ARMY', code: '190'}\n"
        problem = only(check(tmp_path, text).errors)
        assert "unknown synset &ARMY" in problem.message and problem.line == 7

    def test_patterns_are_parsed_into_items(self, tmp_path: Path) -> None:
        """Pattern items are built from the text; words lower-case, synsets upper-case."""
        text = "synsets:\n  weapon: [Gun]\nverbs:\n  - name: A\n    lemmas: [Open_Fire]\n"
        text += "    patterns:\n      - {pattern: 'Rebels * &weapon', code: '190'}\n"
        report = check(tmp_path, text)
        assert report.errors == ()
        verb = report.dset.verbs[0]
        assert verb.lemmas == ("open fire",)
        assert verb.patterns[0].before == (Term(("rebels",)),)
        assert verb.patterns[0].after == (SynsetRef("WEAPON"),)
        assert verb.patterns[0].text == "REBELS * &WEAPON"
        assert report.dset.synsets[0].words == ("gun",)


class TestAliases:
    def test_conflicting_alias_across_entries(self, tmp_path: Path) -> None:
        """The same normalised alias with different codes in overlapping periods is an
        error naming both entries."""
        text = ACTOR + "  - name: Syrian rebels\n    aliases: [syria's]\n    codes: [SYRREB]\n"
        problem = only(check(tmp_path, text).errors)
        assert problem.entry == 'actor "Syrian rebels"' and problem.field == "aliases[0]"
        assert 'conflicts with actor "Syria"' in problem.message

    def test_alias_in_two_entries_in_different_periods_is_fine(self, tmp_path: Path) -> None:
        """The same alias is legal when the entries' codes do not overlap in time."""
        text = "actors:\n  - name: A\n    aliases: [The Leader]\n    codes:\n"
        text += "      - {code: SYRGOV, until: 2000-06-09}\n"
        text += "  - name: B\n    aliases: [the leader]\n    codes:\n"
        text += "      - {code: SYRGOV, from: 2000-06-10}\n"
        assert check(tmp_path, text).errors == ()

    def test_conflict_found_on_the_right_day(self, tmp_path: Path) -> None:
        """Dated codes that overlap by one day with different codes conflict on that day."""
        text = "actors:\n  - name: A\n    aliases: [Leader]\n    codes:\n"
        text += "      - {code: SYRGOV, until: 2000-06-10}\n"
        text += "  - name: B\n    aliases: [leader]\n    codes:\n"
        text += "      - {code: SYRREB, from: 2000-06-10}\n"
        assert "on 2000-06-10" in only(check(tmp_path, text).errors).message

    def test_conflicting_agent_alias(self, tmp_path: Path) -> None:
        """Two agents sharing an alias with different codes is an error."""
        text = "agents:\n  - {name: troops, aliases: [army], code: ~MIL}\n"
        text += "  - {name: rebels, aliases: [Army], code: ~REB}\n"
        assert only(check(tmp_path, text).errors).entry == 'agent "rebels"'

    def test_repeated_alias_is_a_warning(self, tmp_path: Path) -> None:
        """An alias repeated within an entry (after normalising) is a warning."""
        text = "actors:\n  - name: Bashar al-Assad\n    aliases: [Bashar al Assad]\n"
        text += "    codes: [SYRGOV]\n"
        report = check(tmp_path, text)
        assert report.errors == ()
        assert "repeats" in only(report.warnings).message

    def test_same_alias_same_codes_is_a_warning(self, tmp_path: Path) -> None:
        """The same alias in two entries with the same codes is a warning, not an error."""
        text = ACTOR + "  - name: Syrian Arab Republic\n    aliases: [Syria]\n    codes: [SYR]\n"
        report = check(tmp_path, text)
        assert report.errors == () and "same codes" in only(report.warnings).message

    def test_shadowed_alias_is_a_warning(self, tmp_path: Path) -> None:
        """With shadowed=True, an alias that starts a longer alias of an entry with other
        codes is a warning."""
        text = "actors:\n  - {name: Syria, aliases: [Syrian], codes: [SYR]}\n"
        text += "  - {name: Syrian army, codes: [SYRMIL]}\n"
        assert check(tmp_path, text).problems == ()
        report = check(tmp_path, text, shadowed=True)
        warning = only(report.warnings)
        assert (warning.entry, warning.field) == ('actor "Syria"', "aliases[0]")
        assert "the longer alias applies" in warning.message

    def test_overlapping_dates_in_one_entry_is_a_warning(self, tmp_path: Path) -> None:
        """Two dated codes of one actor that overlap are a warning."""
        text = "actors:\n  - name: A\n    codes:\n      - {code: SYRGOV, until: 2010-01-01}\n"
        text += "      - {code: SYRREB, from: 2009-01-01}\n"
        report = check(tmp_path, text)
        assert report.errors == () and "overlap" in only(report.warnings).message

    def test_multi_code_actor_is_not_a_warning(self, tmp_path: Path) -> None:
        """Several undated codes are a deliberate multi-code actor: no warning."""
        assert check(tmp_path, "actors:\n  - name: A\n    codes: [SYRGOV, SYRMIL]\n").problems == ()


class TestGoodSet:
    def test_syria_test_set_is_clean(self) -> None:
        """The test dictionary used by the lookup tests has no errors or warnings."""
        report = check_dictionaries([DATA / "syria"], include_default=False)
        assert [str(p) for p in report.problems] == []
        assert len(report.dset.actors) == 3 and len(report.dset.agents) == 3


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "actors",
                    "verbs",
                    "name",
                    "codes",
                    "code",
                    "aliases",
                    "patterns",
                    "pattern",
                    "lemmas",
                    "synsets",
                    "remove",
                    "extend",
                    "event_codes",
                    "from",
                    "until",
                    "agents",
                    "x",
                ]
            )
            | st.text(max_size=5),
            inner,
            max_size=4,
        )
    ),
    max_leaves=15,
)


class TestNeverCrashes:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(max_size=200))
    def test_arbitrary_text(self, text: str) -> None:
        """Any text either loads or raises DictionaryError; nothing else escapes."""
        _load_or_dictionary_error(text)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(YAMLISH)
    def test_arbitrary_yaml_structures(self, data: object) -> None:
        """Any YAML structure with dictionary-like keys loads or raises DictionaryError."""
        import yaml

        _load_or_dictionary_error(yaml.safe_dump(data))


def _load_or_dictionary_error(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_dictionaries([path], include_default=False, cache=False)
        except DictionaryError as error:
            assert error.problems


class TestFilesNamedTwice:
    def test_a_file_named_twice_is_read_once(self, tmp_path):
        """Naming a file again (as `check dictionaries/` names the default set) reads it once."""
        from eventcoder.dictionaries.loading import dictionary_files

        path = tmp_path / "a.yaml"
        path.write_text("actors:\n  - {name: Hezbollah, codes: [LBNREB]}\n", encoding="utf-8")
        files, missing = dictionary_files([path, tmp_path, str(path)], include_default=False)
        assert files == [path] and missing == []
        report = check_dictionaries([path, tmp_path], include_default=False)
        assert report.errors == ()


class TestPatternVerbs:
    VERB = """
    verbs:
      - name: FIGHT
        lemmas: [fight, hammer, step_up]
        code: "190"
        patterns:
          - pattern: "* DEAL"
            code: "057"
            verbs: [Hammer, step_up]
    """

    def test_verbs_load_as_lemmas(self, tmp_path: Path) -> None:
        """`verbs:` on a pattern is read like lemmas: lower case, '_' as a space."""
        path = tmp_path / "v.yaml"
        path.write_text(textwrap.dedent(self.VERB), encoding="utf-8")
        (verb,) = load_dictionaries([path], include_default=False, cache=False).verbs
        assert verb.patterns[0].verbs == ("hammer", "step up")

    def test_a_verb_outside_the_block_is_an_error(self, tmp_path: Path) -> None:
        """A pattern limited to a word the block does not list could never apply."""
        report = check(tmp_path, self.VERB.replace("[Hammer, step_up]", "[hammer, battle]"))
        problem = only(report.errors)
        assert "'battle' is not a lemma of the block" in problem.message
        assert problem.field == "patterns[0]" and problem.line == 7

    def test_extend_may_name_lemmas_of_the_earlier_block(self, tmp_path: Path) -> None:
        """Patterns added with extend: may name lemmas the block got from an earlier file."""
        (tmp_path / "a.yaml").write_text(textwrap.dedent(self.VERB), encoding="utf-8")
        extra = "extend:\n  verbs:\n    - name: FIGHT\n      patterns:\n"
        extra += "        - {pattern: '* TRUCE', code: '030', verbs: [fight]}\n"
        (tmp_path / "b.yaml").write_text(extra, encoding="utf-8")
        report = check_dictionaries([tmp_path], include_default=False)
        assert report.errors == ()


class TestNoPlural:
    def test_no_plural_loads_and_round_trips(self, tmp_path: Path) -> None:
        """``no_plural`` names of an agent load, and a dumped set loads back equal."""
        from eventcoder.dictionaries.dump import dump_set

        path = tmp_path / "agents.yaml"
        path.write_text(
            "agents:\n  - name: police\n    aliases: [riot police, policeman]\n"
            "    code: ~COP\n    no_plural: [police, riot police]\n", encoding="utf-8")
        dset = load_dictionaries([path], include_default=False, cache=False)
        assert dset.agents[0].no_plural == ("police", "riot police")
        dump_set(dset, tmp_path / "out")
        again = load_dictionaries([tmp_path / "out"], include_default=False, cache=False)
        assert again.agents == dset.agents

    def test_no_plural_must_name_the_entry(self, tmp_path: Path) -> None:
        """A no_plural phrase that is not the name or an alias is an error."""
        path = tmp_path / "agents.yaml"
        path.write_text("agents:\n  - name: police\n    code: ~COP\n    no_plural: [cops]\n",
                        encoding="utf-8")
        with pytest.raises(DictionaryError, match="not the name or an alias"):
            load_dictionaries([path], include_default=False, cache=False)
