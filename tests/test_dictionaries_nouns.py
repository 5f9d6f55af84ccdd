"""Event nouns of verb blocks (``nouns:``): loading, extending, dumping, checking."""

from __future__ import annotations

from pathlib import Path

from dictionary_fixtures import write_yaml

from eventcoder.dictionaries.dump import dumps
from eventcoder.dictionaries.loading import check_dictionaries, load_dictionaries

BASE = """\
verbs:
  - name: AIR_STRIKE
    lemmas: [bomb]
    code: "195"
    nouns: [Air_Strike, airstrike]
"""


def test_nouns_are_loaded_normalised(tmp_path: Path) -> None:
    """Nouns are stored like lemmas: lower case, ``_`` as a space."""
    dset = load_dictionaries([write_yaml(tmp_path, "a.yaml", BASE)], include_default=False,
                             cache=False)
    assert dset.verbs[0].nouns == ("air strike", "airstrike")


def test_extend_adds_nouns(tmp_path: Path) -> None:
    """``extend:`` adds nouns to an earlier block and keeps its own."""
    first = write_yaml(tmp_path, "10.yaml", BASE)
    second = write_yaml(tmp_path, "20.yaml", """\
        extend:
          verbs:
            - {name: AIR_STRIKE, nouns: [air raid, airstrike]}
        """)
    dset = load_dictionaries([first, second], include_default=False, cache=False)
    assert dset.verbs[0].nouns == ("air strike", "airstrike", "air raid")


def test_nouns_round_trip_through_dump(tmp_path: Path) -> None:
    """A dumped set reads back with the same nouns."""
    dset = load_dictionaries([write_yaml(tmp_path, "a.yaml", BASE)], include_default=False,
                             cache=False)
    again = write_yaml(tmp_path, "b.yaml", dumps(dset))
    assert load_dictionaries([again], include_default=False, cache=False).verbs == dset.verbs


def test_nouns_without_default_code_warn(tmp_path: Path) -> None:
    """Nouns of a block with no default code can never be coded: a warning."""
    path = write_yaml(tmp_path, "a.yaml", """\
        verbs:
          - {name: LIGHT, lemmas: [launch], nouns: [offensive]}
        """)
    report = check_dictionaries([path], include_default=False)
    assert not report.errors
    assert any("event nouns need a default code" in p.message for p in report.problems)
