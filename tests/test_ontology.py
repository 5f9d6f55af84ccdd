"""Tests for eventcoder.ontology: the CAMEO event-code table, actor codes and PICO files."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import actor_codes, actor_parts, cameo_event_codes

from eventcoder.dictionaries.schema import EventCodeDef, Origin
from eventcoder.errors import DictionaryError, InputError
from eventcoder.events import Plover
from eventcoder.ontology import (
    NULL_ACTOR_CODE,
    Ontology,
    country_of,
    is_country,
    is_event_code_syntax,
    known_parts,
    parent_code,
    parse_value,
    part_kinds,
    quad_class_of_root,
    read_internal_ontology,
    root_of,
    split_actor_code,
    validate_actor_code,
    validate_agent_code,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "eventcoder" / "data"
CAMEO = Ontology.cameo()
#: Phoenix codes the validator rejects on purpose (see docs/cameo.md).
PHOENIX_REJECTED = {NULL_ACTOR_CODE, "NGOEEURENV"}


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """tools/build_ontology.py, imported from its path."""
    spec = importlib.util.spec_from_file_location(
        "build_ontology", REPO / "tools" / "build_ontology.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def csv_rows(shared: Path) -> list[dict[str, str]]:
    """The raw rows of the ICEWS CAMEO table."""
    with (shared / "peers" / "icews" / "cameo-codes.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def phoenix_codes(shared: Path, build: ModuleType) -> set[str]:
    """Every distinct code in the Phoenix actor and agent files (``~`` stripped)."""
    return set(build.phoenix_codes(shared))


class TestShippedData:
    def test_event_file_equals_a_fresh_conversion(self, shared: Path, build: ModuleType) -> None:
        """cameo_events.json is exactly what tools/build_ontology.py makes from ../shared."""
        fresh = build.dump(build.build_event_table(shared))
        assert (DATA / "cameo_events.json").read_text(encoding="utf-8") == fresh

    def test_actor_file_equals_a_fresh_conversion(self, shared: Path, build: ModuleType) -> None:
        """actor_codes.json is exactly what tools/build_ontology.py makes from ../shared."""
        fresh = build.dump(build.build_actor_vocabulary(shared))
        assert (DATA / "actor_codes.json").read_text(encoding="utf-8") == fresh

    def test_every_csv_row_is_in_the_ontology(self, csv_rows: list[dict[str, str]]) -> None:
        """Each of the 312 CSV rows has the same code, root, Goldstein value and name."""
        assert len(csv_rows) == 312
        for row in csv_rows:
            entry = CAMEO.get(row["code"])
            assert entry is not None, row["code"]
            assert entry.root == row["root_code"]
            assert entry.goldstein == float(row["goldstein"])
            assert entry.quad_class == quad_class_of_root(row["root_code"])
            if "\ufffd" not in row["name"]:
                assert entry.name == row["name"].strip()

    def test_no_replacement_characters_are_left(self) -> None:
        """The broken quotes of the CSV are all repaired."""
        text = json.dumps([attrs.asdict(CAMEO.get(code)) for code in CAMEO], ensure_ascii=False)
        assert "\ufffd" not in text

    def test_lost_characters_are_restored_from_context(self) -> None:
        """Quotes, apostrophes and dashes come back where the codebook had them."""
        assert "coded as \u201cApologize\u201d (064)" in CAMEO.get("015").usage_notes
        assert "assailant\u2019s death" in CAMEO.get("1831").usage_notes
        assert "yield\u2014rather than" in CAMEO.get("025").usage_notes
        assert "adversaries\u2019 commitments" in CAMEO.get("038").usage_notes
        assert "somebody else\u2019s property" in CAMEO.get("1711").description

    def test_missing_text_is_none(self) -> None:
        """The CSV's NA becomes None, and text has no trailing blanks."""
        assert CAMEO.get("01").description is None
        assert CAMEO.get("010").description.endswith("specified.")


class TestOntologyCameo:
    def test_counts(self) -> None:
        """312 codes: 20 roots, 147 three-digit and 145 four-digit codes."""
        lengths = [len(code) for code in CAMEO.codes]
        assert (len(CAMEO), lengths.count(2), lengths.count(3), lengths.count(4)) == (
            312,
            20,
            147,
            145,
        )
        assert [c for c in CAMEO.codes if len(c) == 2] == [f"{r:02d}" for r in range(1, 21)]

    def test_lookup(self) -> None:
        """get() returns the entry, or None for codes CAMEO does not have."""
        entry = CAMEO.get("0871")
        assert entry is not None
        assert (entry.name, entry.root, entry.goldstein, entry.quad_class) == (
            "Declare truce, ceasefire",
            "08",
            9.0,
            2,
        )
        assert CAMEO.get("0875") is None
        assert "190" in CAMEO and "999" not in CAMEO and 190 not in CAMEO

    def test_goldstein_samples(self) -> None:
        """Goldstein values as in the codebook."""
        assert [CAMEO.goldstein(c) for c in ("190", "0874", "1384", "02", "011")] == [
            -10.0,
            10.0,
            -7.0,
            3.0,
            -0.1,
        ]
        assert CAMEO.goldstein("999") is None

    def test_loaded_once_and_immutable(self) -> None:
        """Ontology.cameo() is one shared object that cannot be changed."""
        assert Ontology.cameo() is CAMEO
        with pytest.raises(TypeError):
            CAMEO.entries["190"] = CAMEO.entries["010"]  # type: ignore[index]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            CAMEO.name = "x"  # type: ignore[misc]

    @given(cameo_event_codes())
    def test_every_code_has_its_root_in_the_table(self, code: str) -> None:
        """root_of(code) is a prefix of the code and a root of the table."""
        root = CAMEO.root_of(code)
        assert code.startswith(root) and root in CAMEO and CAMEO.get(code).root == root


class TestRootOf:
    @pytest.mark.parametrize(
        ("code", "root"), [("1384", "13"), ("190", "19"), ("0871", "08"), ("01", "01")]
    )
    def test_roots(self, code: str, root: str) -> None:
        """The root is the first two digits."""
        assert root_of(code) == root

    @pytest.mark.parametrize("code", ["", "1", "12345", "19a", "---", " 190", 190])
    def test_rejects_non_codes(self, code: object) -> None:
        """Anything but 2 to 4 digits is an InputError naming the value."""
        with pytest.raises(InputError, match="not a CAMEO event code"):
            root_of(code)  # type: ignore[arg-type]

    @given(st.from_regex(r"\d{2,4}", fullmatch=True))
    def test_root_is_a_prefix(self, code: str) -> None:
        """For any 2-4 digit string the root is its 2-digit prefix."""
        assert root_of(code) == code[:2] and code.startswith(root_of(code))


class TestParent:
    def test_parents(self) -> None:
        """One level up: 4 -> 3 digits -> root -> None."""
        assert [CAMEO.parent(c) for c in ("0871", "087", "08")] == ["087", "08", None]
        assert parent_code("1951") == "195"

    def test_parent_outside_the_table(self) -> None:
        """A declared table without the parent code gives None."""
        table = Ontology.from_table([EventCodeDef("1951")])
        assert table.parent("1951") is None


class TestQuadClass:
    @pytest.mark.parametrize(
        ("code", "cameo", "phoenix"),
        [
            ("01", 1, 0),
            ("010", 1, 0),
            ("0211", 1, 0),
            ("036", 1, 1),
            ("057", 1, 1),
            ("0871", 2, 2),
            ("112", 3, 3),
            ("1384", 3, 3),
            ("145", 4, 4),
            ("163", 4, 3),
            ("190", 4, 4),
            ("2042", 4, 4),
        ],
    )
    def test_both_schemes(self, code: str, cameo: int, phoenix: int) -> None:
        """CAMEO 1-4 by root; Phoenix 0 for 01/02 and 3 for 16."""
        assert CAMEO.quad_class(code) == cameo
        assert CAMEO.quad_class(code, scheme="phoenix") == phoenix

    def test_unknown_code_and_scheme(self) -> None:
        """Unknown codes have no QuadClass; an unknown scheme is an InputError."""
        assert CAMEO.quad_class("999") is None
        assert quad_class_of_root("21") is None
        with pytest.raises(InputError, match="scheme"):
            CAMEO.quad_class("190", scheme="gdelt")  # type: ignore[arg-type]

    @given(cameo_event_codes())
    def test_schemes_differ_only_for_01_02_16(self, code: str) -> None:
        """Phoenix agrees with CAMEO except for roots 01, 02 (0) and 16 (3)."""
        same = CAMEO.quad_class(code) == CAMEO.quad_class(code, scheme="phoenix")
        assert same == (root_of(code) not in ("01", "02", "16"))


class TestPlover:
    def test_direct_rows(self) -> None:
        """Codes with their own row in the PLOVER table."""
        assert CAMEO.plover("0871") == Plover("RETREAT", "ceasefire", "military")
        assert CAMEO.plover("1384") == Plover("THREATEN", "violence", "military")
        assert CAMEO.plover("0861") == Plover("RETREAT", "access", "peacekeeping")
        assert CAMEO.plover("091") == Plover("ACCUSE", "investigate", "crime; corruption")
        assert CAMEO.get("0871").plover_source == "0871"

    def test_row_beats_its_block_heading(self) -> None:
        """163 sits under SANCTION but its own row says COERCE; root 08 takes its first heading."""
        assert CAMEO.plover("163") == Plover("COERCE", "restrict", "diplomatic")
        assert CAMEO.plover("08") == Plover("CONCEDE")
        assert CAMEO.plover("084") == Plover("RETREAT")

    def test_statements_and_appeals_have_none(self) -> None:
        """PLOVER has no row for roots 01 and 02 or their codes."""
        assert [CAMEO.plover(c) for c in ("01", "010", "02", "0211")] == [None] * 4
        assert CAMEO.get("010").plover_source is None

    def test_inheritance_from_parent_and_root(self, build: ModuleType) -> None:
        """A code without a row takes its 3-digit parent's, else its root's."""
        table = {"12": {"event": "REJECT"}, "124": {"event": "REJECT", "mode": "change"}}
        assert build.plover_for("1245", table)["from"] == "124"
        assert build.plover_for("1299", table)["from"] == "12"
        assert build.plover_for("0211", table) is None


class TestFromTable:
    def test_declared_codes(self) -> None:
        """A declared table holds exactly its codes, with root and CAMEO-scheme quad class."""
        table = Ontology.from_table([EventCodeDef("064", "WEIS grant"), EventCodeDef("212")])
        assert table.codes == ("064", "212") and table.name == "declared"
        entry = table.get("064")
        assert (entry.name, entry.root, entry.quad_class, entry.goldstein, entry.plover) == (
            "WEIS grant",
            "06",
            2,
            None,
            None,
        )
        assert "190" not in table and table.goldstein("064") is None

    def test_repeated_code_names_its_origin(self) -> None:
        """A code declared twice is an InputError at the second definition."""
        defs = [EventCodeDef("064"), EventCodeDef("064", origin=Origin("codes.yaml", 7))]
        with pytest.raises(InputError, match=r"codes\.yaml:7: code: event code 064"):
            Ontology.from_table(defs)

    @pytest.mark.parametrize("code", ["6", "ABC", "12345", "---"])
    def test_bad_code(self, code: str) -> None:
        """Codes that are not 2-4 digits are refused."""
        with pytest.raises(InputError, match="2 to 4 digits"):
            Ontology.from_table([EventCodeDef(code)])


class TestIsEventCodeSyntax:
    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("190", True),
            ("0871", True),
            ("064", True),
            ("01", False),
            ("19a", False),
            ("12345", False),
            (190, False),
            ("", False),
            ("190 ", False),
        ],
    )
    def test_examples(self, code: object, expected: bool) -> None:
        """3 or 4 digits as a string, nothing else."""
        assert is_event_code_syntax(code) is expected

    @given(st.from_regex(r"\d{3,4}", fullmatch=True))
    def test_digits(self, code: str) -> None:
        """Any 3-4 digit string passes."""
        assert is_event_code_syntax(code)


class TestReadInternalOntology:
    @pytest.mark.parametrize(
        "name",
        ["PETR.Internal.Coding.Ontology.txt", "PETR_Validate_Internal_Coding_Ontology_1_01.txt"],
    )
    def test_peer_files(self, shared: Path, name: str) -> None:
        """Both UD-PETRARCH files (CRLF and LF) give the same 266 mappings."""
        pico = read_internal_ontology(shared / "peers" / "UniversalPetrarch" / name)
        assert len(pico.to_internal) == 266
        assert pico.to_internal["010"] == 0x1000
        assert pico.to_internal["122"] == -0xFFFF + 0x2040 + 0x300
        assert pico.to_internal["110"] == 0x1007F
        assert pico.to_internal["---"] == 0
        assert pico.to_cameo[0x020C] == "082" and pico.to_cameo[0x1000] == "010"
        assert pico.comments["020"] == "Appeal"

    def test_code_table(self, shared: Path) -> None:
        """The table has the file's codes (not ---), CAMEO names, and line origins."""
        path = shared / "peers" / "UniversalPetrarch" / "PETR.Internal.Coding.Ontology.txt"
        pico = read_internal_ontology(path)
        by_code = {d.code: d for d in pico.codes}
        assert "---" not in by_code and len(by_code) == 265
        assert by_code["1041"].name == CAMEO.get("1041").name
        assert by_code["1824"].name == "" and "1824" not in CAMEO
        assert by_code["010"].origin == Origin(str(path), 31)
        assert "1951" in Ontology.from_table(pico.codes)

    def test_problems_are_collected(self, tmp_path: Path) -> None:
        """Every bad line is reported, with its line number, in one DictionaryError."""
        path = tmp_path / "pico.txt"
        path.write_text("# header\n010:0x1000\nfoo\n011:0xZZ\n010:0x1\n", encoding="utf-8")
        with pytest.raises(DictionaryError) as caught:
            read_internal_ontology(path)
        lines = [(p.line, p.field) for p in caught.value.problems]
        assert lines == [(3, None), (4, "value"), (5, "code")]
        assert f"{path}:4: 011 -> value:" in str(caught.value)


class TestParseValue:
    @given(st.lists(st.integers(-0xFFFFF, 0xFFFFF), min_size=1, max_size=4), st.booleans())
    def test_sums(self, terms: list[int], as_hex: bool) -> None:
        """A signed sum of hex or decimal numbers evaluates to its sum."""
        text = "".join(
            ("-" if t < 0 else "+") + (hex(abs(t)) if as_hex else str(abs(t))) for t in terms
        )
        assert parse_value(text.lstrip("+")) == sum(terms)

    @pytest.mark.parametrize("text", ["", "0x", "1+", "0x10*2", "abc"])
    def test_rejects(self, text: str) -> None:
        """Anything else is a ValueError."""
        with pytest.raises(ValueError, match="not a sum"):
            parse_value(text)


class TestValidateActorCode:
    @pytest.mark.parametrize(
        "code",
        [
            "SYRGOV",
            "SYRMIL",
            "IGOUNO",
            "NGOHRI",
            "IMGMUSISI",
            "USAMILSPY",
            "KSV",
            "USR",
            "IGOWSTNAT",
            "NGOCHRPRO214",
            "MUSGOV",
            "REB",
        ],
    )
    def test_accepts(self, code: str) -> None:
        """Well-formed codes of known parts."""
        assert validate_actor_code(code) is None

    @pytest.mark.parametrize(
        ("code", "message"),
        [
            ("syrgov", "is not upper case (write 'SYRGOV')"),
            ("SYRGO", "has 5 characters, not a multiple of 3"),
            ("SYRXYZ", "unknown part 'XYZ'"),
            ("XYZQQQ", "unknown parts 'XYZ', 'QQQ'"),
            ("SYR GOV", "characters other than A-Z and 0-9: ' '"),
            ("SY1GOV", "mixing letters and digits: SY1"),
            ("214NGO", "starts with a numeric part '214'"),
            ("", "is empty"),
            ("---", "null code"),
            (214, "must be a string, got int"),
        ],
    )
    def test_rejects(self, code: object, message: str) -> None:
        """Malformed codes get a message naming what is wrong."""
        problem = validate_actor_code(code)
        assert problem is not None and message in problem

    def test_extra_parts(self) -> None:
        """An invented world's countries are accepted when passed in."""
        assert "unknown part 'ARN'" in (validate_actor_code("ARNGOV") or "")
        assert validate_actor_code("ARNGOV", extra_parts={"ARN"}) is None

    def test_phoenix_codes(self, phoenix_codes: set[str]) -> None:
        """Every Phoenix actor and agent code validates except the two known oddities."""
        rejected = {code for code in phoenix_codes if validate_actor_code(code)}
        assert rejected == PHOENIX_REJECTED
        assert len(phoenix_codes) > 3000

    def test_gold_role_keys(self, shared: Path) -> None:
        """The gold actor keys' 3-letter-part prefixes validate (OPCW's guesses aside)."""
        keys = json.loads((shared / "gold" / "actor-keys.json").read_text(encoding="utf-8"))
        prefixes = {p.rstrip("$") for k, v in keys.items() if not k.startswith("_") for p in v}
        rejected = {p for p in prefixes if validate_actor_code(p)}
        assert rejected == {"IGOOPCW", "IGOUNOOPCW", "IGOCHM"}

    @given(actor_codes())
    def test_concatenations_of_known_parts(self, code: str) -> None:
        """Any concatenation of known parts is valid."""
        assert validate_actor_code(code) is None

    @given(actor_codes(), st.integers(0, 30), st.sampled_from("abcxyz~-. 7"))
    def test_foreign_character_is_caught(self, code: str, at: int, char: str) -> None:
        """Inserting a lower-case letter or symbol, or breaking the length, is reported."""
        at = min(at, len(code))
        assert validate_actor_code(code[:at] + char + code[at:]) is not None


class TestValidateAgentCode:
    @pytest.mark.parametrize("code", ["~GOV", "~GOVMED", "IGO~", "~CHRCTH", "~NGO"])
    def test_accepts(self, code: str) -> None:
        """A tilde at the start or end, then known parts."""
        assert validate_agent_code(code) is None

    @pytest.mark.parametrize(
        ("code", "message"),
        [
            ("GOV", "needs one '~'"),
            ("~GOV~", "needs one '~'"),
            ("~~GOV", "needs one '~'"),
            ("~XYZ", "agent code '~XYZ' has unknown part 'XYZ'"),
            ("~GO", "agent code '~GO' has 2 characters"),
            (None, "must be a string"),
        ],
    )
    def test_rejects(self, code: object, message: str) -> None:
        """The message names the agent code as written."""
        problem = validate_agent_code(code)
        assert problem is not None and message in problem

    def test_phoenix_agents(self, shared: Path) -> None:
        """Every agent code of Phoenix.agents.txt validates."""
        text = (shared / "peers" / "petrarch2" / "Phoenix.agents.txt").read_text(encoding="utf-8")
        codes = {
            token[1:-1]
            for line in text.splitlines()
            if not line.startswith("#")
            for token in line.split()
            if token.startswith("[") and token.endswith("]")
        }
        assert len(codes) > 80
        assert [c for c in codes if validate_agent_code(c)] == []


class TestSplitActorCode:
    def test_split(self) -> None:
        """Three characters per part."""
        assert split_actor_code("IMGMUSISI") == ("IMG", "MUS", "ISI")

    @pytest.mark.parametrize("code", ["", "SYRG", 12])
    def test_bad_length(self, code: object) -> None:
        """Codes that are not runs of 3-character parts raise InputError."""
        with pytest.raises(InputError, match="3-character parts"):
            split_actor_code(code)  # type: ignore[arg-type]

    @given(actor_codes())
    def test_round_trip(self, code: str) -> None:
        """Joining the parts gives the code back."""
        assert "".join(split_actor_code(code)) == code


class TestCountries:
    @pytest.mark.parametrize(
        ("code", "country"),
        [
            ("SYRMIL", "SYR"),
            ("SYR", "SYR"),
            ("IGOUNO", None),
            ("NGOUSAHRI", None),
            ("MUSGOV", "MUS"),
            ("", None),
            ("SY", None),
            ("USRGOV", "USR"),
        ],
    )
    def test_country_of(self, code: str, country: str | None) -> None:
        """Only a country in first place counts."""
        assert country_of(code) == country

    def test_is_country(self) -> None:
        """ISO, former and CAMEO codes are countries; SUN (Sunni) is not."""
        assert all(is_country(p) for p in ("SYR", "USA", "PSE", "KSV", "USR", "YUG", "ROM"))
        assert not any(is_country(p) for p in ("SUN", "GOV", "IGO", "EUR", "UNO"))

    def test_part_kinds(self) -> None:
        """A part can be two things; Phoenix-only parts have no kinds but are known."""
        assert dict(part_kinds("MUS")) == {"country": "Mauritius", "religion": "Muslim"}
        assert dict(part_kinds("WST")) == {"region": "The West"}
        assert dict(part_kinds("ISI")) == {} and "ISI" in known_parts()
        assert dict(part_kinds("XYZ")) == {}

    @given(actor_parts())
    def test_parts_are_three_upper_case_letters(self, part: str) -> None:
        """The shipped vocabulary holds only 3-letter upper-case parts."""
        assert len(part) == 3 and part.isalpha() and part.isupper()
