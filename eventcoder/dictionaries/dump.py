"""Writing a DictionarySet as YAML in the documented layout (the loader's inverse).

``load(dump(dset)) == dset`` for every set the loader can produce (origins aside):
patterns are written as their canonical text (``patterns.format_pattern``), codes as
strings, dates as ISO dates, and optional fields only when set.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from eventcoder.dictionaries.loader import ENTRY_SECTIONS
from eventcoder.dictionaries.patterns import format_code, format_pattern
from eventcoder.dictionaries.schema import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    DictionarySet,
    DiscardEntry,
    EventCodeDef,
    IssueEntry,
    Pattern,
    PlaceEntry,
    Synset,
    VerbEntry,
)

__all__ = ["SECTIONS", "dump_set", "dumps", "set_to_data"]

#: The sections ``dump_set`` writes, one file each, in this order.
#: (New sections go at the end, so that existing file names keep their numbers.)
SECTIONS = ("event_codes", *ENTRY_SECTIONS, "actor_code_parts")

_Dumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _skip_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, (), [], "")}


def _dated(code: DatedCode) -> Any:
    if code.start is None and code.end is None:
        return code.code
    return _skip_none(
        {
            "code": code.code,
            "from": code.start,
            "until": code.end,
        }
    )


def _actor(actor: ActorEntry) -> dict[str, Any]:
    return _skip_none(
        {
            "name": actor.name,
            "aliases": list(actor.aliases),
            "country": actor.country,
            "codes": [_dated(code) for code in actor.codes],
            "notes": actor.notes,
            "sources": list(actor.sources),
        }
    )


def _agent(agent: AgentEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": agent.name, "aliases": list(agent.aliases)}
    data["code"] = agent.code
    if agent.standalone:
        data["standalone"] = True
    if agent.no_plural:
        data["no_plural"] = list(agent.no_plural)
    return _skip_none({**data, "notes": agent.notes})


def _pattern(pattern: Pattern) -> dict[str, Any]:
    text = format_pattern(pattern.before, pattern.after, pattern.negated)
    code = format_code(pattern.code, pattern.reverse_code)
    return _skip_none(
        {"pattern": text, "code": code, "verbs": list(pattern.verbs), "notes": pattern.notes,
         "target": pattern.target}
    )


def _verb(verb: VerbEntry) -> dict[str, Any]:
    return _skip_none(
        {
            "name": verb.name,
            "lemmas": list(verb.lemmas),
            "code": verb.code,
            "patterns": [_pattern(pattern) for pattern in verb.patterns],
            "notes": verb.notes,
            "nouns": list(verb.nouns) or None,
            "target": verb.target,
            "forms": list(verb.forms) or None,
        }
    )


def _discard(discard: DiscardEntry) -> dict[str, Any]:
    if discard.scope == "sentence":
        return {"phrase": discard.phrase}
    return {"phrase": discard.phrase, "scope": discard.scope}


def _issue(issue: IssueEntry) -> dict[str, Any]:
    return {"phrase": issue.phrase, "issue": issue.issue}


def _place(place: PlaceEntry) -> dict[str, Any]:
    return _skip_none(
        {
            "name": place.name,
            "aliases": list(place.aliases),
            "country": place.country,
            "kind": place.kind,
            "within": place.within,
            "notes": place.notes,
            "sources": list(place.sources),
        }
    )


def _synsets(synsets: Iterable[Synset]) -> dict[str, list[str]]:
    return {synset.name: list(synset.words) for synset in synsets}


def _event_code(row: EventCodeDef) -> dict[str, str]:
    return _skip_none({"code": row.code, "name": row.name, "negated": row.negated})


def set_to_data(dset: DictionarySet) -> dict[str, Any]:
    """The set as plain YAML-ready data, one key per non-empty section."""
    data: dict[str, Any] = {
        "actors": [_actor(actor) for actor in dset.actors],
        "agents": [_agent(a) for a in dset.agents if a.kind == "agent"],
        "titles": [_agent(a) for a in dset.agents if a.kind == "title"],
        "synsets": _synsets(dset.synsets),
        "verbs": [_verb(verb) for verb in dset.verbs],
        "discards": [_discard(discard) for discard in dset.discards],
        "issues": [_issue(issue) for issue in dset.issues],
        "places": [_place(place) for place in dset.places],
        "actor_code_parts": list(dset.actor_code_parts),
    }
    data = {key: value for key, value in data.items() if value}
    if dset.event_codes is not None:
        data = {"event_codes": [_event_code(row) for row in dset.event_codes], **data}
    return data


def _yaml(data: dict[str, Any]) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=100,
    )


def dumps(dset: DictionarySet) -> str:
    """The whole set as one YAML document."""
    return _yaml(set_to_data(dset))


def dump_set(dset: DictionarySet, directory: str | Path) -> list[Path]:
    """Write one file per non-empty section (``actors.yaml``, ``verbs.yaml``, ...) into
    ``directory`` (created if needed); returns the files written, in load order.

    Files are named ``00-event_codes.yaml``, ``01-actors.yaml``, ... so that loading the
    folder reads them in this order.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for section, value in set_to_data(dset).items():
        path = folder / f"{SECTIONS.index(section):02d}-{section}.yaml"
        path.write_text(_yaml({section: value}), encoding="utf-8")
        written.append(path)
    return written
