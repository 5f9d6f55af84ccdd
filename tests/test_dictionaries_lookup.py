"""``dictionaries lookup`` and ``dictionaries check`` on the command line, and the
lookup library function."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventcoder.cli.main import main
from eventcoder.dictionaries.loading import load_dictionaries
from eventcoder.dictionaries.lookup import combine_codes, lookup_phrase

DATA = Path(__file__).parent / "data" / "dictionaries"
SYRIA = ["--no-default-dictionaries", "--dictionaries", str(DATA / "syria")]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path / "cache"))


def lookup_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["dictionaries", "lookup", *args, "--json", *SYRIA])
    return code, json.loads(capsys.readouterr().out)


class TestLookupCli:
    def test_date_bounded_code_before_and_after(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An actor whose code changes on a date resolves to the code of that day."""
        assert lookup_json(capsys, "Assad", "--date", "2024-12-07")[1]["codes"] == ["SYRGOV"]
        assert lookup_json(capsys, "Assad", "--date", "2024-12-08")[1]["codes"] == ["SYRELI"]

    def test_undated_lookup_takes_the_latest_period(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --date an actor with only dated codes gives its latest code."""
        assert lookup_json(capsys, "HTS")[1]["codes"] == ["SYRGOV"]

    def test_actor_plus_agent(self, capsys: pytest.CaptureFixture[str]) -> None:
        """ "Syrian troops" splits into Syria + troops: SYR + ~MIL = SYRMIL."""
        code, data = lookup_json(capsys, "Syrian troops")
        assert code == 0 and data["codes"] == ["SYRMIL"]
        assert [(m["kind"], m["name"], m["matched"]) for m in data["matches"]] == [
            ("actor", "Syria", "syrian"),
            ("agent", "troops", "troop"),
        ]

    def test_possessive_and_plural(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Case, possessives and plurals do not matter: "ASSAD'S FORCES" in 2015."""
        assert lookup_json(capsys, "ASSAD'S FORCES", "--date", "2015-01-01")[1]["codes"] == [
            "SYRGOVMIL"
        ]

    def test_actor_plus_title(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A title after an actor gives the actor's code with the title's role."""
        assert lookup_json(capsys, "the Syrian foreign minister")[1]["codes"] == ["SYRGOV"]

    def test_text_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The readable output names the entry, its file and line, and the code."""
        assert main(["dictionaries", "lookup", "Assad", "--date", "2020-01-01", *SYRIA]) == 0
        out = capsys.readouterr().out
        assert '"Bashar al-Assad"' in out and "actors.yaml:8" in out and "code: SYRGOV" in out

    def test_no_match_exits_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A phrase nothing matches exits 1 (with an empty JSON result)."""
        code, data = lookup_json(capsys, "Atlantis")
        assert code == 1 and data["matches"] == []

    def test_bad_date_is_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed --date is rejected by argument parsing (exit 2)."""
        with pytest.raises(SystemExit) as caught:
            main(["dictionaries", "lookup", "Assad", "--date", "2024-13-01", *SYRIA])
        assert caught.value.code == 2

    def test_dictionary_errors_exit_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Lookup on a broken set reports the errors on stderr and exits 1."""
        code = main(
            [
                "dictionaries",
                "lookup",
                "x",
                "--no-default-dictionaries",
                "--dictionaries",
                str(DATA / "bad"),
            ]
        )
        assert code == 1 and "3 error(s)" in capsys.readouterr().err


class TestCheckCli:
    def test_bad_folder_reports_all_and_exits_1(self, capsys: pytest.CaptureFixture[str]) -> None:
        """check prints the table, every problem with its place, a summary; exit 1."""
        code = main(["dictionaries", "check", str(DATA / "bad"), "--no-default-dictionaries"])
        out = capsys.readouterr().out.splitlines()
        assert code == 1
        assert out[0].endswith("event codes against CAMEO (the built-in event-code table)")
        assert any("10-entries.yaml:9:16:" in line and "codes[0].until" in line for line in out)
        assert any("10-entries.yaml:13:11:" in line and "-> code:" in line for line in out)
        assert any("20-broken.yaml:5:9: YAML syntax error" in line for line in out)
        assert out[-1] == "3 error(s), 0 warning(s) in 2 file(s)"

    def test_clean_set_exits_0(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A set without errors exits 0."""
        assert (
            main(["dictionaries", "check", str(DATA / "syria"), "--no-default-dictionaries"]) == 0
        )
        assert capsys.readouterr().out.splitlines()[-1] == "0 error(s), 0 warning(s) in 2 file(s)"

    def test_warnings_do_not_fail(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Warnings are printed but the exit code stays 0; --no-warnings hides them."""
        path = tmp_path / "w.yaml"
        path.write_text("remove:\n  actors: [Atlantis]\n")
        assert main(["dictionaries", "check", str(path), "--no-default-dictionaries"]) == 0
        assert "warning: nothing named 'Atlantis'" in capsys.readouterr().out
        main(["dictionaries", "check", str(path), "--no-default-dictionaries", "--no-warnings"])
        assert "Atlantis" not in capsys.readouterr().out


class TestLookupLibrary:
    def test_lookup_phrase_returns_none_without_match(self) -> None:
        """lookup_phrase gives None when nothing matches."""
        dset = load_dictionaries([DATA / "syria"], include_default=False)
        assert lookup_phrase(dset, "Atlantis") is None
        assert lookup_phrase(dset, "Syria", dt.date(2020, 1, 1)).codes == ("SYR",)  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("actor", "agent", "expected"),
        [("SYR", "~MIL", "SYRMIL"), ("SYRGOV", "~GOV", "SYRGOV"), ("UNO", "IGO~", "IGOUNO")],
    )
    def test_combine_codes(self, actor: str, agent: str, expected: str) -> None:
        """~ROLE appends, ROLE~ prefixes, and a role already there is not repeated."""
        assert combine_codes(actor, agent) == expected
