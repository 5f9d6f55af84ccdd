"""Actor-code parts a set declares (``actor_code_parts:``), and event-code syntax."""

from __future__ import annotations

from pathlib import Path

from dictionary_fixtures import check_files
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.dictionaries.codes import check_event_code_syntax, check_part
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.ontology import is_event_code_syntax

INVENTED = """
actors:
  - {name: Arnor, codes: [ARN]}
  - {name: Group of 77, codes: [G77]}
agents:
  - {name: bedouin, code: "~BED"}
"""
PARTS = "actor_code_parts: [ARN, {part: BED, kind: ethnic, name: Bedouin}, G77]\n"


class TestDeclaredParts:
    def test_unknown_parts_are_errors_without_a_declaration(self, tmp_path: Path) -> None:
        """ARN, G77 and BED are not CAMEO parts: three errors, at each code."""
        report = check_files(tmp_path, ("a.yaml", INVENTED))
        messages = sorted((p.line, p.field, p.message) for p in report.errors)
        assert messages == [
            (3, "codes[0]", "actor code 'ARN' has unknown part 'ARN'"),
            (4, "codes[0]", "actor code 'G77' has parts mixing letters and digits: G77"),
            (6, "code", "agent code '~BED' has unknown part 'BED'"),
        ]

    def test_declared_parts_are_accepted(self, tmp_path: Path) -> None:
        """Declared in the same file, the codes load; the set carries the parts."""
        report = check_files(tmp_path, ("a.yaml", PARTS + INVENTED))
        assert report.problems == ()
        assert report.dset.actor_code_parts == ("ARN", "BED", "G77")

    def test_parts_apply_to_the_whole_set(self, tmp_path: Path) -> None:
        """A declaration in a later file covers codes of earlier files too."""
        report = check_files(tmp_path, ("a.yaml", INVENTED), ("b.yaml", PARTS))
        assert report.problems == ()
        dset = load_dictionaries(
            [tmp_path / "a.yaml", tmp_path / "b.yaml"], include_default=False, cache=False
        )
        assert [a.codes[0].code for a in dset.actors] == ["ARN", "G77"]

    def test_undeclared_part_still_fails_next_to_declared_ones(self, tmp_path: Path) -> None:
        """Only the declared parts are accepted: ARNXYZ names XYZ."""
        text = "actor_code_parts: [ARN]\nactors:\n  - {name: A, codes: [ARNXYZ]}\n"
        (error,) = check_files(tmp_path, ("a.yaml", text)).errors
        assert error.message == "actor code 'ARNXYZ' has unknown part 'XYZ'"

    def test_bad_and_repeated_parts(self, tmp_path: Path) -> None:
        """A part must be 3 upper-case letters or digits, listed once."""
        report = check_files(tmp_path, ("a.yaml", "actor_code_parts: [ARN, arn, ARNO, ARN]\n"))
        shape = "is not an actor-code part (3 upper-case letters or digits)"
        fields = [(p.field, p.message) for p in report.errors]
        assert fields == [
            ("actor_code_parts[1]", f"'arn' {shape}"),
            ("actor_code_parts[2]", f"'ARNO' {shape}"),
            ("actor_code_parts[3]", "part 'ARN' is listed twice"),
        ]

    def test_declaring_a_known_part_is_a_warning(self, tmp_path: Path) -> None:
        """SYR is CAMEO's: declaring it is harmless but flagged, with its place."""
        (warning,) = check_files(tmp_path, ("a.yaml", "actor_code_parts: [SYR]\n")).warnings
        assert (warning.line, warning.column) == (1, 20)
        assert "already a known CAMEO part" in warning.message

    def test_shape_errors_are_still_found_by_the_loader(self, tmp_path: Path) -> None:
        """Lower case or a length that is not a multiple of 3 fails whatever is declared."""
        text = "actor_code_parts: [ARN]\nactors:\n  - {name: A, codes: [arn, ARNX]}\n"
        messages = [p.message for p in check_files(tmp_path, ("a.yaml", text)).errors]
        assert messages == [
            "actor code 'arn' is not upper case (write 'ARN')",
            "actor code 'ARNX' has 4 characters, not a multiple of 3",
        ]

    @given(st.from_regex(r"[A-Z0-9]{3}", fullmatch=True))
    def test_every_three_character_part_can_be_declared(self, part: str) -> None:
        """check_part accepts any 3 upper-case letters or digits."""
        assert check_part(part) is None


class TestEventCodeSyntax:
    @given(st.text(alphabet="0123456789x", max_size=5))
    def test_checker_agrees_with_the_ontology(self, code: str) -> None:
        """The declared-table check accepts exactly what is_event_code_syntax accepts."""
        assert (check_event_code_syntax(code) is None) == is_event_code_syntax(code)

    def test_message_says_three_or_four_digits(self) -> None:
        """A root is a category, not a code: the message says what is expected."""
        assert check_event_code_syntax("08") == "'08' is not an event code (3 or 4 digits)"
