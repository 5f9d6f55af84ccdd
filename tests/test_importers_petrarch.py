"""Tests for the PETRARCH/Phoenix importers (eventcoder.importers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.dictionaries.schema import DatedCode
from eventcoder.importers import (
    convert_pattern,
    import_petrarch,
    parse_date,
    parse_range,
    read_actors,
    read_agents,
    read_discards,
    read_issues,
    read_verbs,
    write_import,
)
from eventcoder.importers._lines import source_lines
from eventcoder.importers.dates import DateError
from eventcoder.importers.petrarch import unknown_code_parts
from eventcoder.importers.petrarch_agents import representative
from eventcoder.importers.petrarch_verbs import PROVENANCE_KEYS, regular_forms

D = dt.date


class TestDates:
    def test_century_pivot(self) -> None:
        """Two-digit years up to 30 are 20YY, later ones 19YY; 8-digit dates as written."""
        assert parse_date("070723") == D(2007, 7, 23)
        assert parse_date("300101") == D(2030, 1, 1)
        assert parse_date("320101") == D(1932, 1, 1)
        assert parse_date("19270101") == D(1927, 1, 1)

    def test_restriction_forms(self) -> None:
        """<d is 'until d', >d is 'from d', d1-d2 both inclusive; blanks allowed."""
        assert parse_range("<911226") == (None, D(1991, 12, 26))
        assert parse_range("> 990816") == (D(1999, 8, 16), None)
        assert parse_range("19950601 - 19990815") == (D(1995, 6, 1), D(1999, 8, 15))
        assert parse_range("") == (None, None)

    @pytest.mark.parametrize("bad", ["2004017-20061201", ">201005011", "20121207-20120802"])
    def test_bad_dates_raise(self, bad: str) -> None:
        """Malformed dates (Phoenix has these) and reversed ranges are errors."""
        with pytest.raises(DateError):
            parse_range(bad)

    @given(st.dates(min_value=D(1931, 1, 1), max_value=D(2030, 12, 31)))
    def test_six_digit_round_trip(self, day: dt.date) -> None:
        """Every date in the pivot's window survives YYMMDD writing and reading."""
        assert parse_date(day.strftime("%y%m%d")) == day


class TestComments:
    def test_xml_and_hash_comments(self) -> None:
        """<!-- --> spanning lines, '#' and ';' comments are removed; lines keep numbers."""
        text = "<!-- a\nb -->\nKEEP # c\n\nX <!-- y --> Z;old\n"
        lines = [(line.number, line.text) for line in source_lines(text)]
        assert lines == [(3, "KEEP"), (5, "X  Z")]


ACTORS = """\
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL

MOHAMMAD_ZAHIR_SHAH_  # CountryInfo.txt
\t[AFGELI 320101-331108]
\t[AFGGOV 331108-730717]
\t[AFGELI]
GOLLUM
\t[HOB < 950601]
\t[HOBREB > 990816]
LORIEN  [ELR/GAL]
BOROMIR  [---]
IVO_JOSIPOVIC_
BAD [KORGOV 2004017-20061201]
"""


class TestActors:
    def result(self):  # type: ignore[no-untyped-def]
        return read_actors(ACTORS, "a.txt")

    def test_names_and_synonyms(self) -> None:
        """Phrase lines give names with spaces, '+' lines aliases, trailing '_' dropped."""
        first = self.result().actors[0]
        assert (first.name, first.aliases) == ("AFGHANISTAN", ("AFGHAN", "KABUL"))
        assert first.codes == (DatedCode("AFG"),)

    def test_first_match_and_default(self) -> None:
        """Shared boundary days go to the first restriction; the default fills the gaps."""
        shah = self.result().actors[1]
        assert shah.codes == (
            DatedCode("AFGELI", None, D(1931, 12, 31)),
            DatedCode("AFGELI", D(1932, 1, 1), D(1933, 11, 8)),
            DatedCode("AFGGOV", D(1933, 11, 9), D(1973, 7, 17)),
            DatedCode("AFGELI", D(1973, 7, 18), None),
        )

    def test_open_ranges_without_default(self) -> None:
        """Without a default code, days no restriction covers have no code."""
        gollum = self.result().actors[2]
        assert gollum.codes == (
            DatedCode("HOB", None, D(1995, 6, 1)),
            DatedCode("HOBREB", D(1999, 8, 16), None),
        )

    def test_several_codes(self) -> None:
        """[A/B] gives the actor both codes."""
        assert self.result().actors[3].codes == (DatedCode("ELR"), DatedCode("GAL"))

    def test_unconvertible_lines_reported(self) -> None:
        """Null-only, codeless and bad-date records are problems naming file and line."""
        problems = [str(p) for p in self.result().problems if p.severity == "error"]
        assert any(p.startswith("a.txt:13:") and "null" in p for p in problems)
        assert any(p.startswith("a.txt:14:") and "no code" in p for p in problems)
        assert any(p.startswith("a.txt:15:") and "2004017" in p for p in problems)
        assert len(self.result().actors) == 4


class TestAgents:
    def test_macros_plurals_and_grouping(self) -> None:
        """!X! macros expand, {PLURAL} becomes an alias, one entry per code."""
        text = (
            "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\n"
            "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nPOLICE {} [ ~COP]\nHRB [NGO~]\n"
        )
        agents = read_agents(text, "g.txt").agents
        assert [(a.name, a.aliases, a.code) for a in agents] == [
            ("congressman", ("congresswoman",), "~LEG"),
            ("attorney general", ("attorneys general",), "~GOV"),
            ("police", (), "~COP"),
            ("hrb", (), "NGO~"),
        ]

    def test_no_plural_phrases(self) -> None:
        """``{}`` (no plural form) puts the phrase in the entry's no_plural list; a
        phrase with a plural, or with none given, is not listed."""
        text = "POLICE {} [~COP]\nPOLICEMAN {POLICEMEN} [~COP]\nCOP [~COP]\n"
        (agent,) = read_agents(text, "g.txt").agents
        assert agent.no_plural == ("police",)
        assert set(agent.aliases) | {agent.name} == {"police", "policeman", "policemen", "cop"}

    def test_literal_codes_kept_only_when_asked(self) -> None:
        """``[ITHTV]`` and ``[+++]`` are no CAMEO codes: dropped with an error by default,
        kept as written (with a warning) for in-memory validation sets."""
        text = "ITHILEN_TELEVISION [ITHTV]\nNASGUL [+++]\nGONDOR [GON]\n"
        strict = read_actors(text, "a.txt")
        assert [a.name for a in strict.actors] == ["GONDOR"]
        assert any(p.severity == "error" and "ITHTV" in p.message for p in strict.problems)
        literal = read_actors(text, "a.txt", literal_codes=True)
        assert [(a.name, a.codes[0].code) for a in literal.actors] == [
            ("ITHILEN TELEVISION", "ITHTV"), ("NASGUL", "+++"), ("GONDOR", "GON")]
        assert all(p.severity == "warning" for p in literal.problems)

    def test_bad_lines(self) -> None:
        """A line without a code, or with an undefined marker, is reported."""
        result = read_agents("ISLAMIC_EXTREMIST\n!X!_MAN [~GOV]\n", "g.txt")
        assert [p.line for p in result.problems] == [1, 2]


VERBS = """\
&CURRENCY
+DOLLARS
+CASH_
&AUXVERB3_
+HAVE

--- GRANT [070] ---
GIVE {GAVE GIVEN}
+HAND_OVER [071]
- * &CURRENCY (TO +) [071] # note
- * (TO) [042:043]
- IN_* [075]
- FIGHTER_&CURRENCY * [072]
- * &NOPE [073]

--- OFFEND [:110] ---
OFFEND
~ a (a b ATTACK) SAY = a b 015
"""


class TestVerbs:
    def result(self):  # type: ignore[no-untyped-def]
        return read_verbs(VERBS, "v.txt")

    def test_synsets(self) -> None:
        """&NAME_ loses its '_'; words lower-cased, trailing '_' dropped."""
        synsets = {s.name: s.words for s in self.result().synsets}
        assert synsets == {"CURRENCY": ("dollars", "cash"), "AUXVERB3": ("have",)}

    def test_blocks_lemmas_and_own_codes(self) -> None:
        """A verb with its own code gets an entry sharing the block's patterns."""
        verbs = {v.name: v for v in self.result().verbs}
        assert verbs["GRANT"].lemmas == ("give",) and verbs["GRANT"].code == "070"
        own = verbs["GRANT (071)"]
        assert own.lemmas == ("hand over",) and own.patterns == verbs["GRANT"].patterns

    def test_patterns(self) -> None:
        """Patterns convert with codes, pairs and synsets inside phrases as groups."""
        patterns = [(p.text, p.code, p.reverse_code) for p in self.result().verbs[0].patterns]
        assert patterns == [
            ("* &CURRENCY (TO +)", "071", None),
            ("* (TO)", "042", "043"),
            ("{FIGHTER &CURRENCY} *", "072", None),
        ]

    def test_pair_default_becomes_catch_all(self) -> None:
        """A [:110] block default becomes a final '*' pattern (defaults are one code)."""
        offend = {v.name: v for v in self.result().verbs}["OFFEND"]
        assert offend.code is None
        assert (offend.patterns[-1].text, offend.patterns[-1].reverse_code) == ("*", "110")

    def test_unconvertible_reported(self) -> None:
        """Glued verbs, undefined synsets and transformations are reported by line."""
        lines = {p.line for p in self.result().problems if p.severity == "error"}
        assert lines == {12, 14, 18}

    def test_convert_pattern_keeps_known_synsets(self) -> None:
        """A synset name containing '_' is kept whole when it is defined."""
        assert convert_pattern("* (IN &FIGHT_OF_WORDS)", {"FIGHT_OF_WORDS"}) == (
            "* ( IN &FIGHT_OF_WORDS )"
        )


class TestDiscardsAndIssues:
    def test_discards(self) -> None:
        """'+' marks a story discard; duplicates are dropped with a warning."""
        result = read_discards("MONTHS LATER\n+World Golf\nmonths later\n", "d.txt")
        assert [(d.phrase, d.scope) for d in result.discards] == [
            ("months later", "sentence"),
            ("world golf", "story"),
        ]
        assert result.problems[0].line == 3

    def test_issues(self) -> None:
        """n:, v: and + expand; '~' lines are reported; a codeless line takes the category."""
        text = (
            '<ISSUE CATEGORY="EDU">\nn:school [SCHOOLS]\npre+k [EARLY]\n'
            "~a head start\nliteracy\n</ISSUE>\n"
        )
        result = read_issues(text, "i.txt")
        assert [(i.phrase, i.issue) for i in result.issues] == [
            ("school", "SCHOOLS"),
            ("schools", "SCHOOLS"),
            ("pre k", "EARLY"),
            ("pre-k", "EARLY"),
            ("literacy", "EDU"),
        ]
        assert [(p.line, p.severity) for p in result.problems] == [(4, "error"), (5, "warning")]


PEERS = {
    "petrarch2/Phoenix.Countries.actors.txt": "actors",
    "petrarch2/Phoenix.International.actors.txt": "actors",
    "petrarch2/Phoenix.MilNonState.actors.txt": "actors",
    "petrarch2/PETR.Validate.actors.txt": "actors",
    "UniversalPetrarch/PETR_Validate_actors_2_02.txt": "actors",
    "petrarch2/Phoenix.agents.txt": "agents",
    "petrarch2/PETR.Validate.agents.txt": "agents",
    "UniversalPetrarch/PETR_Validate_agents_2_02.txt": "agents",
    "petrarch2/CAMEO.2.0.txt": "verbs",
    "petrarch2/CAMEO.verbpatterns.150430.txt": "verbs",
    "petrarch2/PETR.Validate.verbs.txt": "verbs",
    "UniversalPetrarch/PETR_Validate_verbs_2_02.txt": "verbs",
    "UniversalPetrarch/PETR.Validate.verbs.2.0.txt": "verbs",
    "petrarch2/Phoenix.discards.txt": "discards",
    "petrarch2/PETR.Validate.discards.txt": "discards",
    "UniversalPetrarch/PETR_Validate_discards_2_02.txt": "discards",
    "petrarch2/Phoenix.IssueCoding.txt": "issues",
}


class TestPeerFiles:
    @pytest.mark.parametrize("name", sorted(PEERS))
    def test_every_peer_file_converts(self, shared: Path, name: str) -> None:
        """Each PETRARCH file converts; every skipped line names the file and a line."""
        path = shared / "peers" / name
        result = import_petrarch(**{PEERS[name]: [path]})  # type: ignore[arg-type]
        (report,) = result.files
        assert report.converted > 0
        assert all(p.file == str(path) and p.line > 0 for p in report.problems)
        assert report.skipped < report.converted / 5

    def test_phoenix_countries_figures(self, shared: Path) -> None:
        """The counts match the peers README (18.4k names, 7.5k synonyms, 28.4k codes)."""
        path = shared / "peers/petrarch2/Phoenix.Countries.actors.txt"
        (report,) = import_petrarch(actors=[path]).files
        assert report.counts["primary names"] == 18390
        assert report.counts["synonyms"] == 7527
        assert report.counts["code lines"] == 28389
        assert report.counts["dated code lines"] == 26102
        assert report.converted == 18350 and report.skipped == 48

    def test_cameo2_figures(self, shared: Path) -> None:
        """CAMEO.2.0: 397 blocks, 4,668 pattern lines, 40 synsets; few lines lost."""
        (report,) = import_petrarch(verbs=[shared / "peers/petrarch2/CAMEO.2.0.txt"]).files
        assert report.counts["blocks"] == 397 and report.counts["pattern lines"] == 4668
        assert report.counts["synsets"] == 40
        assert report.converted == 4492

    def test_validation_verbs_load_clean(self, shared: Path, tmp_path: Path) -> None:
        """Converted validation verbs (WEIS codes) check clean against the declared table."""
        from eventcoder.dictionaries.loading import check_dictionaries

        result = import_petrarch(
            verbs=[shared / "peers/UniversalPetrarch/PETR.Validate.verbs.2.0.txt"],
            discards=[shared / "peers/petrarch2/PETR.Validate.discards.txt"],
        )
        assert result.dictionaries.event_codes is not None
        write_import(result, tmp_path)
        report = check_dictionaries([tmp_path], include_default=False)
        assert report.errors == ()
        assert "declared" in report.event_code_table


VALIDATE = "peers/UniversalPetrarch"
VALIDATE_FILES = {
    "--verbs": "PETR_Validate_verbs_2_02.txt",
    "--actors": "PETR_Validate_actors_2_02.txt",
    "--agents": "PETR_Validate_agents_2_02.txt",
    "--discards": "PETR_Validate_discards_2_02.txt",
    "--ontology": "PETR_Validate_Internal_Coding_Ontology_1_01.txt",
}


class TestDeclaredParts:
    def test_unknown_parts_are_collected(self) -> None:
        """Parts CAMEO does not know (HOB, ELR, GAL) are declared; known ones are not."""
        agents = read_agents("BEDOUIN_ [~BED]\nSOLDIER_ [~MIL]\n", "g.txt").agents
        assert unknown_code_parts((), read_agents("SOLDIER_ [~MIL]\n", "g.txt").agents) == ()
        parts = unknown_code_parts(read_actors(ACTORS, "a.txt").actors, agents)
        assert parts == ("BED", "ELR", "GAL", "HOB")

    def test_written_folder_declares_and_loads(self, tmp_path: Path) -> None:
        """The converted folder has actor_code_parts: and checks without errors."""
        from eventcoder.dictionaries.loading import check_dictionaries

        source = tmp_path / "actors.txt"
        source.write_text(ACTORS, encoding="utf-8")
        result = import_petrarch(actors=[source])
        files = write_import(result, tmp_path / "out")
        assert "09-actor_code_parts.yaml" in [f.name for f in files]
        report = check_dictionaries([tmp_path / "out"], include_default=False)
        assert report.errors == ()
        assert report.dset.actor_code_parts == result.unknown_parts

    def test_import_then_validate_petrarch(
        self, shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The documented two-step route: import-petrarch names the declared parts in its
        summary, and validate-petrarch loads the folder and runs every record."""
        import json

        from eventcoder.cli.main import main

        args = [
            a
            for flag, name in VALIDATE_FILES.items()
            for a in (flag, str(shared / VALIDATE / name))
        ]
        out = tmp_path / "validate-dicts"
        assert main(["dictionaries", "import-petrarch", *args, "-o", str(out)]) == 0
        err = capsys.readouterr().err
        assert "actor-code part(s) unknown to CAMEO, declared in actor_code_parts: " in err
        assert "ARN" in err and "G77" in err
        records = shared / VALIDATE / "PETR_Validate_records_2_02.xml"
        code = main(
            [
                "validate-petrarch",
                str(records),
                "--dictionaries",
                str(out),
                "--no-default-dictionaries",
                "--json",
            ]
        )
        assert code == 0
        data = json.loads(capsys.readouterr().out)
        assert data["records"] == 264 and data["skipped"] == 10

    def test_ontology_roots_are_not_declared_codes(self, shared: Path) -> None:
        """The validation ontology lists the root 08; the declared table leaves it out."""
        ontology = shared / VALIDATE / VALIDATE_FILES["--ontology"]
        result = import_petrarch(ontology=ontology)
        codes = {row.code for row in result.dictionaries.event_codes or ()}
        assert "08" not in codes and "0871" in codes


PROVENANCE = """\
--- PHYSICAL_CONFLICT [190] ---
BATTLE
HAMMER {HAMMERS HAMMERED}
+STEP_UP {+STEPS_UP +STEPPED_UP}
- * TRUCE [030] # HAMMER
- * DEAL [057] # STEPPED_UP , HAMMERED
- * EXTREMISM [---] # BATTLE
- * PEACE [030] # CONCLUDE
- * ARMS [190]
- * (WITH CORRUPTION) [111] # BATTLE
- * (WITH CORRUPTION) [111] # STEP_UP
"""


class TestPatternProvenance:
    def patterns(self) -> dict[str, tuple[str, ...]]:
        (verb,) = read_verbs(PROVENANCE, "p.txt").verbs
        return {p.text: p.verbs for p in verb.patterns}

    def test_comment_names_the_verbs_a_pattern_applies_to(self) -> None:
        """The comment's verbs, in any form (STEPPED_UP, HAMMERED), become lemmas."""
        found = self.patterns()
        assert found["* TRUCE"] == ("hammer",)
        assert found["* DEAL"] == ("step up", "hammer")

    def test_unnamed_and_blocking_patterns_apply_to_every_verb(self) -> None:
        """No comment, a comment naming no verb of the block, or a --- pattern: all verbs."""
        found = self.patterns()
        assert found["* PEACE"] == found["* ARMS"] == found["* EXTREMISM"] == ()

    def test_repeated_pattern_merges_its_verbs(self) -> None:
        """A pattern written for two verbs (two lines) applies to both."""
        assert self.patterns()["* (WITH CORRUPTION)"] == ("battle", "step up")

    def test_summary_counts(self) -> None:
        """The import counts limited patterns and coding comments naming no block verb."""
        counts = read_verbs(PROVENANCE, "p.txt").counts.values
        assert counts[PROVENANCE_KEYS[0]] == 3 and counts[PROVENANCE_KEYS[1]] == 1

    def test_irregular_forms_are_kept(self) -> None:
        """The forms in braces (PETRARCH's written forms) become the entry's ``forms``;
        the regular ones are derived when needed (eventcoder.verb_forms)."""
        text = "--- SAY [010] ---\nSAY {SAYS SAID}\nTELL {TOLD SAID}\n+GO_BY {+WENT_BY}\n"
        (verb,) = read_verbs(text, "s.txt").verbs
        assert verb.lemmas == ("say", "tell", "go by")
        assert verb.forms == ("says", "said", "told", "went by")

    def test_own_code_entry_keeps_only_its_verbs_patterns(self) -> None:
        """An entry split off by its own code keeps the patterns written for its verbs."""
        text = "--- GRANT [070] ---\nGIVE\nLEND [071]\n"
        text += "- * AID [071] # GIVE\n- * LOAN [071] # LEND\n"
        verbs = {v.name: v for v in read_verbs(text, "g.txt").verbs}
        assert [(p.text, p.verbs) for p in verbs["GRANT"].patterns] == [("* AID", ())]
        assert [p.text for p in verbs["GRANT (071)"].patterns] == ["* LOAN"]

    def test_regular_forms(self) -> None:
        """Regular inflections of the first word of a (phrasal) verb."""
        assert {"stepped up", "steps up", "stepping up"} <= set(regular_forms("step up"))
        assert {"denied", "denies", "denying"} <= set(regular_forms("deny"))

    def test_cameo2_provenance_figures(self, shared: Path) -> None:
        """CAMEO.2.0: most coding patterns are limited; 30 comments name no block verb."""
        (report,) = import_petrarch(verbs=[shared / "peers/petrarch2/CAMEO.2.0.txt"]).files
        assert report.counts[PROVENANCE_KEYS[0]] == 4258
        assert report.counts[PROVENANCE_KEYS[1]] == 30

    def test_pattern_line_without_its_dash(self, shared: Path) -> None:
        """PETR_Validate_verbs_2_02: "* (TO QUESTION) [110]" under BEGIN lacks its "-";
        it is read as a pattern (with a warning), not as a verb "* (to question)"."""
        file = shared / "peers/UniversalPetrarch/PETR_Validate_verbs_2_02.txt"
        (report,) = import_petrarch(verbs=[file]).files
        verbs = {v.name: v for v in import_petrarch(verbs=[file]).dictionaries.verbs}
        assert "BEGIN (110)" not in verbs
        assert [(p.text, p.code) for p in verbs["BEGIN"].patterns] == [("* (TO QUESTION)", "110")]
        assert any("leading '-'" in p.message and p.severity == "warning"
                   for p in report.problems)


class TestAgentNames:
    def test_common_role_noun_names_the_group(self) -> None:
        """An everyday role noun the group lists names it, not the first phrase."""
        text = "COMMUNIST_REBEL [~REB]\nINSURGENT [~REB]\nREBEL {REBELS} [~REB]\n"
        (agent,) = read_agents(text, "a.txt").agents
        assert agent.name == "rebel"
        assert agent.aliases == ("communist rebel", "insurgent", "rebels")

    def test_most_common_head_word(self) -> None:
        """Otherwise the single word heading most phrases, plurals counted as singular."""
        assert representative(["adoption group", "aid groups", "charity", "group"]) == "group"
        assert representative(["shia militia", "tribal militias", "army"]) == "army"
        assert representative(["shia militia", "tribal militia", "armed band"]) == "shia militia"
