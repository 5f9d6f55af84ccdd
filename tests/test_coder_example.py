"""The shipped example article, coded with the default dictionaries (real spaCy parses of
examples/idlib-2017-10-24.txt, as README.md lists its events)."""

from __future__ import annotations

import functools
from pathlib import Path

from eventcoder import Coder, read_conllu

NEWS = Path(__file__).resolve().parent / "data" / "batch" / "news.conllu"


@functools.cache
def idlib_events() -> list[tuple[int, str, str, str, str]]:
    doc = next(d for d in read_conllu(NEWS) if d.id == "idlib-2017-10-24")
    return [
        (e.sentence, e.source.code if e.source else "", e.code, e.target.code if e.target else "",
         e.verb)
        for e in Coder().code_document(doc)
    ]


def test_counterattack_is_a_military_attack():
    """"Syrian rebels launched a counterattack against regime forces": SYRREB 190 SYRMIL."""
    assert (0, "SYRREB", "190", "SYRMIL", "launch counterattack") in idlib_events()


def test_attack_on_positions_is_military_not_verbal():
    """"its fighters attacked government positions": 190, not the verbal attack (111) a
    world pattern "* GOVERNMENT" gives; "its" resolves to the Free Syrian Army."""
    found = [e for e in idlib_events() if e[0] == 1]
    assert found == [(1, "SYRREB", "190", "SYRMIL", "attack")]


def test_recaptured_villages_are_no_target():
    """Villages are places, not civilians: "recapturing several villages" has no target."""
    assert not any(e[3] == "SYRCVL" and e[0] == 0 for e in idlib_events())


def test_accused_act_is_not_coded():
    """"Residents of Idlib accused the regime of targeting civilians": only the 112."""
    last = [e for e in idlib_events() if e[0] == 7]
    assert last == [(7, "SYRCVL", "112", "SYRGOV", "accuse")]


def test_provenance_names_the_entry_whose_default_code_applies():
    """"shelled army positions" takes the default code of the latest layer's block
    (15-core's CORE_SHELL, 194); the event names that entry's file and line."""
    doc = next(d for d in read_conllu(NEWS) if d.id == "idlib-2017-10-24")
    (shelling,) = [e for e in Coder().code_document(doc) if e.verb == "shell"]
    assert shelling.code == "194"
    assert shelling.pattern is not None
    assert shelling.pattern.startswith("dictionaries/15-core/verbs.yaml:")
