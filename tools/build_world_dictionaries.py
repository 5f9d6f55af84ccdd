"""Regenerate dictionaries/10-world/ from the Phoenix and CAMEO.2.0 dictionaries (run by hand).

    python tools/build_world_dictionaries.py [--shared ../shared] [--out dictionaries/10-world]

Converts ``peers/petrarch2/`` Phoenix.Countries/International/MilNonState actors,
Phoenix.agents, CAMEO.2.0 verbs, Phoenix.discards and Phoenix.IssueCoding with
:func:`eventcoder.importers.import_petrarch`, then applies documented post-processing
steps:

- patterns (and verb defaults) whose codes are not CAMEO event codes (PETRARCH's
  additions 176 and 1952) are dropped, and the ``event_codes`` table the importer
  would declare for them is not written, so the set is checked against plain CAMEO;
- discard phrases that are only digits (the years 1914-2013: they discarded any
  sentence mentioning a year, "since the war began in 2011") and a few one-word
  discards that are common in political news ("marathon talks", "a landslide
  victory", "a champion of reform") are dropped (listed in ATTRIBUTION.md);
- the agent words that name places, not people (``VILLAGE``, ``SMALL_TOWN``,
  ``SETTLEMENT``, ``NEIGHBORHOOD``, ``NEIGHBOURHOOD``: Phoenix codes them as
  civilians) are dropped: a place stands for its population only when the sentence
  makes that clear (gold/README "Targets"), so "recaptured several villages" must
  not make the villages a civilian target;
- ``08-places.yaml`` lists the capitals that the Phoenix country entries name as
  aliases (``SYRIA`` lists ``DAMASCUS``): which aliases are capitals comes from
  ``tools/world_capitals.tsv``. They stay aliases of the country actor too (the
  Phoenix convention: "Damascus said" is Syria); the other cities and provinces the
  country entries list are not split out, since the data does not mark them.

Nothing here depends on the curated sets beside this folder (``20-syria``): they are
loaded after it and their aliases override this folder's (see docs/dictionaries.md,
Layering), so this folder need not be rebuilt when they change.

It writes the YAML files, LICENSE-PETRARCH.txt (the sources' MIT notice) and
ATTRIBUTION.md, and prints the per-file counts. The generated files are committed;
never edit them by hand: change the importer or this script and run it again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrs

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventcoder.dictionaries.dump import dump_set  # noqa: E402
from eventcoder.dictionaries.phrases import normalise_phrase  # noqa: E402
from eventcoder.dictionaries.schema import (  # noqa: E402
    ActorEntry,
    AgentEntry,
    DictionarySet,
    DiscardEntry,
    PlaceEntry,
    VerbEntry,
)
from eventcoder.importers import PetrarchImport, import_petrarch  # noqa: E402
from eventcoder.importers.petrarch_verbs import PROVENANCE_KEYS  # noqa: E402
from eventcoder.ontology import Ontology, is_country  # noqa: E402

CAPITALS = Path(__file__).with_name("world_capitals.tsv")
#: One-word discards that are everyday words of political news, with the reason.
GENERIC_DISCARDS = {
    "CHAMPION": '"a champion of reform"',
    "CHAMPIONS": '"champions of democracy"',
    "HEAVYWEIGHT": '"a political heavyweight"',
    "LIGHTWEIGHT": '"a political lightweight"',
    "LANDSLIDE": '"won by a landslide"',
    "MARATHON": '"marathon talks"',
    "MILLENNIUM": '"the Millennium Development Goals"',
    "POLLUTION": "environmental disputes between states",
}

SOURCES = {
    "actors": (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ),
    "agents": ("Phoenix.agents.txt",),
    "verbs": ("CAMEO.2.0.txt",),
    "discards": ("Phoenix.discards.txt",),
    "issues": ("Phoenix.IssueCoding.txt",),
}

LICENSE = """The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance
Copyright (c) 2015 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""

ATTRIBUTION = """# The world dictionaries: sources and licence

The YAML files in this folder are generated by `tools/build_world_dictionaries.py`
from dictionaries of the PETRARCH-2 event coder
(github.com/openeventdata/petrarch2, commit 676801cd, `petrarch2/data/dictionaries/`):

| file here | source |
|---|---|
| 01-actors.yaml | Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, \
Phoenix.MilNonState.actors.txt |
| 02-agents.yaml | Phoenix.agents.txt |
| 04-synsets.yaml, 05-verbs.yaml | CAMEO.2.0.txt |
| 06-discards.yaml | Phoenix.discards.txt |
| 07-issues.yaml | Phoenix.IssueCoding.txt |
| 08-places.yaml | the capitals among the aliases of Phoenix.Countries.actors.txt's \
country entries (which aliases are capitals: tools/world_capitals.tsv) |

Those files are (c) 2014-2015 Open Event Data Alliance, released under the MIT
licence (LICENSE-PETRARCH.txt beside this file). The actor dictionary derives from
CountryInfo.txt of the Computational Event Data System project
(eventdata.parusanalytics.com), funded by the U.S. National Science Foundation
(SES-1004414, SES-1259190); the verb dictionary from the TABARI/CAMEO verb
dictionaries (NSF grants SES89-10738, SES90-25130, SBR-9410023, SBE-0455158,
SBE-0527564, SES-1004414, SES-1259190).

How the conversion works, and what it cannot carry over, is in docs/importing.md.
Post-processing applied to this folder: {postprocessing}

Conversion summary (source lines skipped / entries written):

{summary}
"""


def _cameo_only(verb: VerbEntry, cameo: Ontology) -> tuple[VerbEntry, int]:
    def ok(code: str | None) -> bool:
        return code is None or code in cameo

    kept = tuple(p for p in verb.patterns if ok(p.code) and ok(p.reverse_code))
    code = verb.code if ok(verb.code) else None
    dropped = len(verb.patterns) - len(kept) + (code != verb.code)
    return attrs.evolve(verb, patterns=kept, code=code), dropped


#: Agent words that name places rather than people (see the module docstring).
PLACE_AGENT_WORDS = frozenset(
    {"village", "neighborhood", "neighbourhood", "small town", "settlement"}
)


def postprocess(dset: DictionarySet) -> tuple[DictionarySet, int]:
    """Drop patterns with non-CAMEO codes, the declared table and place-word agents
    (see module doc)."""
    cameo = Ontology.cameo()
    results = [_cameo_only(verb, cameo) for verb in dset.verbs]
    dropped = sum(n for _, n in results)
    verbs = tuple(v for v, _ in results)
    agents = tuple(a for a in map(_without_place_words, dset.agents) if a is not None)
    return attrs.evolve(dset, verbs=verbs, agents=agents, event_codes=None), dropped


def _without_place_words(agent: AgentEntry) -> AgentEntry | None:
    """The agent without aliases that name places; None when nothing is left."""
    names = [n for n in (agent.name, *agent.aliases) if n.lower() not in PLACE_AGENT_WORDS]
    if not names:
        return None
    if len(names) == 1 + len(agent.aliases):
        return agent
    return attrs.evolve(agent, name=names[0], aliases=tuple(names[1:]))


def discard_reason(discard: DiscardEntry) -> str | None:
    """Why a Phoenix discard phrase is not shipped (None: it is kept)."""
    phrase = discard.phrase.strip()
    if phrase.isdigit():
        return "only digits (a year discards every sentence that mentions it)"
    if phrase.upper() in GENERIC_DISCARDS:
        return f"a common word in political news ({GENERIC_DISCARDS[phrase.upper()]})"
    return None


def drop_generic_discards(dset: DictionarySet) -> tuple[DictionarySet, list[tuple[str, str]]]:
    """The set without the discards :func:`discard_reason` rejects, and those dropped."""
    kept, dropped = [], []
    for discard in dset.discards:
        reason = discard_reason(discard)
        if reason is None:
            kept.append(discard)
        else:
            dropped.append((discard.phrase, reason))
    return attrs.evolve(dset, discards=tuple(kept)), dropped


def read_capitals(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """(country code, city, other spellings) rows of ``world_capitals.tsv``."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, city, *rest = line.split("\t")
        spellings = tuple(s.strip() for s in rest[0].split(";") if s.strip()) if rest else ()
        rows.append((code.strip(), city.strip(), spellings))
    return rows


def _country_phrases(actors: tuple[ActorEntry, ...]) -> dict[str, set[tuple[str, ...]]]:
    """Country code -> the normalised phrases of the actors coded as that country on
    some day (``UKRAINE`` is ``USRUKR`` until 1991, then ``UKR``: its phrases count
    for ``UKR``)."""
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for actor in actors:
        codes = {dated.code for dated in actor.codes if len(dated.code) == 3}
        codes = {code for code in codes if is_country(code)}
        if not codes:
            continue
        tokens = {normalise_phrase(text) for text in (actor.name, *actor.aliases)}
        for code in codes:
            phrases.setdefault(code, set()).update(tokens)
    return phrases


def capital_places(
    actors: tuple[ActorEntry, ...], capitals: list[tuple[str, str, tuple[str, ...]]]
) -> tuple[tuple[PlaceEntry, ...], list[str]]:
    """A place for each capital the country's Phoenix entry lists, and those it does not."""
    phrases = _country_phrases(actors)
    places, missing = [], []
    for code, city, spellings in capitals:
        found = phrases.get(code, set())
        distinct: dict[tuple[str, ...], str] = {}
        for spelling in (city, *spellings):
            distinct.setdefault(normalise_phrase(spelling), spelling)
        listed = [s for tokens, s in distinct.items() if tokens in found]
        if not listed:
            missing.append(f"{city} ({code})")
            continue
        place = PlaceEntry(listed[0], tuple(listed[1:]), country=code, kind="city")
        places.append(attrs.evolve(place, notes="capital"))
    return tuple(places), missing


def summary(result: PetrarchImport) -> str:
    rows = [
        "| source | kind | entries written | lines skipped | warnings |",
        "|---|---|---|---|---|",
    ]
    for report in result.files:
        warnings = sum(1 for p in report.problems if p.severity == "warning")
        name = Path(report.path).name
        rows.append(
            f"| {name} | {report.kind} | {report.converted} | {report.skipped} | {warnings} |"
        )
    rows.append(f"\nRepeated phrases merged or dropped across entries: {len(result.problems)}.")
    return "\n".join(rows)


def build(shared: Path, out: Path) -> int:
    peers = shared / "peers" / "petrarch2"
    paths = {kind: [peers / name for name in names] for kind, names in SOURCES.items()}
    result = import_petrarch(**paths)  # type: ignore[arg-type]
    dset, dropped = postprocess(result.dictionaries)
    dset, discards = drop_generic_discards(dset)
    places, missing = capital_places(dset.actors, read_capitals(CAPITALS))
    dset = attrs.evolve(dset, places=places)
    for old in out.glob("*.yaml"):
        old.unlink()
    written = dump_set(dset, out)
    note = (
        f"{dropped} pattern(s) whose codes are not CAMEO event codes (176, 1952) were "
        "dropped, so the folder declares no event_codes table and is checked against CAMEO; "
        f"{len(discards)} discard phrase(s) were dropped (listed below); "
        f"{len(places)} capital(s) listed as aliases of their country were written as places "
        f"(tools/world_capitals.tsv; {len(missing)} capital(s) the country entries do not "
        "list were left out). "
        + _provenance(result)
    )
    details = _dropped_discards(discards) + "\n\nCapitals not listed by their country entry: "
    details += ", ".join(missing) + "."
    (out / "LICENSE-PETRARCH.txt").write_text(LICENSE, encoding="utf-8")
    text = ATTRIBUTION.format(postprocessing=f"{note}\n\n{details}", summary=summary(result))
    (out / "ATTRIBUTION.md").write_text(text, encoding="utf-8")
    for report in result.files:
        print(f"{Path(report.path).name}: {report.converted} converted, {report.skipped} skipped")
    print(note)
    for phrase, reason in discards:
        print(f"dropped discard {phrase!r}: {reason}")
    for path in written:
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


def _provenance(result: PetrarchImport) -> str:
    """How many verb patterns are limited to the verbs their comment names."""
    counts = [report.counts for report in result.files if report.kind == "verbs"]
    limited, unnamed = (sum(c.get(key, 0) for c in counts) for key in PROVENANCE_KEYS)
    return (
        f"Pattern provenance: {limited} verb pattern(s) apply only to the verb(s) their "
        f"CAMEO.2.0 comment names (`verbs:`); {unnamed} coding pattern(s) whose comment "
        "names no verb of their block apply to every verb of it (docs/importing.md)."
    )


def _dropped_discards(dropped: list[tuple[str, str]]) -> str:
    digits = [phrase for phrase, reason in dropped if phrase.isdigit()]
    lines = ["Dropped discard phrases:", ""]
    if digits:
        lines.append(
            f"- {digits[0]} to {digits[-1]} ({len(digits)} phrases): only digits (a year"
            " discards every sentence that mentions it)"
        )
    lines += [f"- {phrase}: {reason}" for phrase, reason in dropped if not phrase.isdigit()]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "dictionaries" / "10-world")
    args = parser.parse_args()
    return build(args.shared, args.out)


if __name__ == "__main__":
    sys.exit(main())
