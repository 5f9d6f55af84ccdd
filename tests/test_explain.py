"""Tests for eventcoder.explain and the ``eventcoder explain`` command."""

from __future__ import annotations

import json

import pytest
from coder_fixtures import CODER_DATA, doc, make_coder

from eventcoder.cli.main import main
from eventcoder.explain import format_tree


def _text(name: str, doc_id: str) -> str:
    return make_coder().explain(doc(name, doc_id)).to_text()


class TestReport:
    def test_tree_is_indented_under_the_root(self) -> None:
        """The parse tree starts at the root verb and indents its dependents."""
        lines = format_tree(doc("args", "paired").sentences[0])
        assert lines[0].startswith("met  (verb, root")
        assert lines[1].startswith("  Russia  (propn, nsubj")

    def test_actors_and_pronoun_resolution_are_shown(self) -> None:
        """Actors list their codes and how they were found; pronouns their antecedent."""
        text = _text("pron", "pronoun-they")
        assert '"Turkish troops" (words 1-2) -> TURMIL   [combined: Turkey + troops]' in text
        assert "\"They\" (words 1-1) -> TURMIL   [pronoun: 'They' = 'Turkish troops'" in text

    def test_patterns_tried_and_chosen(self) -> None:
        """Each tried pattern says whether it matched; the chosen one is named."""
        text = _text("args", "specific")
        assert "* (WITH &WEAPON)  [194]  matched, 2 item(s)" in text
        assert "chosen pattern: * + (WITH ROCKET) [195]" in text
        assert "=> event LBNHEZ  195  SYRREB" in text

    @pytest.mark.parametrize(
        ("doc_id", "reason"),
        [
            ("negation", "=> no event: negated"),
            ("no-target", "=> no event: no target"),
            ("discard", "Not coded: discarded: 'football match'"),
            ("xcomp-threat", "=> no event: planned or intended act (under 'threaten')"),
            ("veto-tie", "=> no event: no target"),
        ],
    )
    def test_reasons_for_no_event(self, doc_id: str, reason: str) -> None:
        """Why a verb gave no event is spelled out."""
        assert reason in _text("args", doc_id)

    def test_blocked_pattern_reason(self) -> None:
        """A "---" pattern is reported as blocking."""
        import attrs
        from coder_fixtures import coder_dictionaries

        from eventcoder.coder import Coder
        from eventcoder.dictionaries.patterns import make_pattern
        from eventcoder.dictionaries.schema import VerbEntry

        dset = coder_dictionaries()
        block = VerbEntry("ATTACK", ("attack",), "190", (make_pattern("* (WITH ROCKET)", "---"),))
        coder = Coder(attrs.evolve(dset, verbs=(block,)))
        text = coder.explain(doc("args", "specific")).to_text()
        assert "=> no event: blocked by pattern ---" in text

    def test_json_round_trip(self) -> None:
        """to_dict() is JSON-ready and holds the same events."""
        explanation = make_coder().explain(doc("args", "passive"))
        data = json.loads(json.dumps(explanation.to_dict()))
        assert [e["code"] for e in data["events"]] == ["190", "190"]
        verb = data["sentences"][0]["verbs"][0]
        assert verb["passive"] is True and verb["lemma"] == "attack"


class TestCommand:
    def test_explain_conllu(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`eventcoder explain --conllu FILE` explains parsed documents without a parser."""
        code = main(["explain", "--conllu", str(CODER_DATA / "pron.conllu"),
                     "--dictionaries", str(CODER_DATA / "actors.yaml"),
                     "--no-default-dictionaries"])
        out = capsys.readouterr().out
        assert code == 0
        assert "Document 'pronoun-it'" in out and "RUS  112  TUR" in out

    def test_explain_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json writes a JSON list for several documents."""
        code = main(["explain", "--conllu", str(CODER_DATA / "pron.conllu"), "--json",
                     "--dictionaries", str(CODER_DATA / "actors.yaml"),
                     "--no-default-dictionaries"])
        data = json.loads(capsys.readouterr().out)
        assert code == 0 and len(data) == 3

    def test_needs_a_sentence_or_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a sentence or --conllu the command is a usage error (exit 2)."""
        assert main(["explain"]) == 2
        assert "SENTENCE" in capsys.readouterr().err
