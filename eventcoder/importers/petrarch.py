"""Import a set of PETRARCH/Phoenix dictionary files into one :class:`DictionarySet`.

:func:`import_petrarch` reads each file with its format's reader, merges what they
produce (an actor named twice keeps its first codes and gains the other's aliases),
and builds an ``event_codes`` table when the verbs use codes outside CAMEO (or when an
internal ontology file is given), so that the checker validates against that declared
table instead of silently rejecting or accepting the codes. Likewise, the 3-character
parts of actor and agent codes that CAMEO does not know (an invented test world's
``ARN``, ``GON``, ``~BED``) are declared as ``actor_code_parts`` and listed in
:attr:`PetrarchImport.unknown_parts`, so that the converted set loads and the
declaration is never silent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from os import PathLike
from pathlib import Path

import attrs

from eventcoder.dictionaries.schema import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    DictionarySet,
    EventCodeDef,
    Synset,
    VerbEntry,
)
from eventcoder.importers import _intervals
from eventcoder.importers._dedupe import dedupe
from eventcoder.importers._lines import read_text
from eventcoder.importers.petrarch_actors import read_actors
from eventcoder.importers.petrarch_agents import read_agents
from eventcoder.importers.petrarch_discards import read_discards
from eventcoder.importers.petrarch_issues import read_issues
from eventcoder.importers.petrarch_verbs import read_verbs
from eventcoder.importers.report import ImportProblem

PathArg = str | PathLike[str]


@attrs.frozen
class FileReport:
    """What one source file gave: its kind, counts of items read, entries written."""

    path: str
    kind: str
    counts: dict[str, int]
    converted: int
    problems: tuple[ImportProblem, ...]

    @property
    def skipped(self) -> int:
        """Lines not converted (errors; warnings are converted with a caveat)."""
        return sum(1 for p in self.problems if p.severity == "error")


@attrs.frozen
class PetrarchImport:
    """The converted dictionary set, one report per source file, and merge notes."""

    dictionaries: DictionarySet
    files: tuple[FileReport, ...]
    problems: tuple[ImportProblem, ...]
    #: Source stem of each actor file's entries (used to write one YAML file per source).
    actor_sources: tuple[tuple[str, tuple[ActorEntry, ...]], ...] = ()

    @property
    def unknown_parts(self) -> tuple[str, ...]:
        """Actor-code parts CAMEO does not know, declared as ``actor_code_parts``."""
        return self.dictionaries.actor_code_parts

    def all_problems(self) -> list[ImportProblem]:
        """Every problem, file by file, then the cross-file ones."""
        return [p for f in self.files for p in f.problems] + list(self.problems)


def _report(path: str, kind: str, result: object, converted: int) -> FileReport:
    counts = result.counts.values  # type: ignore[attr-defined]
    problems = tuple(result.problems)  # type: ignore[attr-defined]
    return FileReport(path, kind, dict(counts), converted, problems)


def _merged(target: ActorEntry, extra: ActorEntry) -> ActorEntry:
    """Aliases united; the later entry's codes fill only the days the first leaves open."""
    name = target.name.casefold()
    aliases = [a for a in (*target.aliases, *extra.aliases) if a.casefold() != name]
    covered = [_intervals.to_span(c.start, c.end) for c in target.codes]
    added = []
    for code in extra.codes:
        for span in _intervals.subtract(_intervals.to_span(code.start, code.end), covered):
            start, end = _intervals.from_span(span)
            added.append(DatedCode(code.code, start, end))
    codes = tuple(sorted((*target.codes, *added), key=lambda c: (c.start or dt.date.min, c.code)))
    return attrs.evolve(target, aliases=tuple(dict.fromkeys(aliases)), codes=codes)


def _unique_verbs(verbs: list[VerbEntry]) -> list[VerbEntry]:
    """Verb names unique across files: a repeated block name gets its file's stem."""
    seen: set[str] = set()
    out = []
    for verb in verbs:
        name = verb.name
        if name in seen and verb.origin:
            name = f"{name} [{Path(verb.origin.file).stem}]"
        while name in seen:
            name += "'"
        seen.add(name)
        out.append(attrs.evolve(verb, name=name))
    return out


def _unique_synsets(synsets: list[Synset]) -> list[Synset]:
    """One synset per name across files: words of repeats are added to the first."""
    by_name: dict[str, Synset] = {}
    for synset in synsets:
        first = by_name.get(synset.name)
        words = (*first.words, *synset.words) if first else synset.words
        base = first or synset
        by_name[synset.name] = attrs.evolve(base, words=tuple(dict.fromkeys(words)))
    return list(by_name.values())


def unknown_code_parts(
    actors: Sequence[ActorEntry], agents: Sequence[AgentEntry]
) -> tuple[str, ...]:
    """The parts of the actor and agent codes that CAMEO does not know, sorted
    (numeric parts after the first, CAMEO's religion sub-codes, are not parts)."""
    from eventcoder.ontology import known_parts

    known = known_parts()
    codes = [dated.code for actor in actors for dated in actor.codes]
    codes += [agent.code.strip("~") for agent in agents]
    parts = {
        code[i : i + 3] for code in codes if len(code) % 3 == 0 and code.isalnum()
        for i in range(0, len(code), 3)
    }
    return tuple(sorted(p for p in parts if p not in known and not p.isdigit()))


def event_code_table(
    codes_seen: set[str], ontology: PathArg | None
) -> tuple[EventCodeDef, ...] | None:
    """None when every code is CAMEO and no ontology is given; else the declared table:
    the ontology's (or CAMEO's) codes plus every other code seen."""
    from eventcoder.ontology import Ontology, read_internal_ontology

    if ontology is not None:
        # a root listed as a code ("08" in PETR_Validate's ontology) is a category too
        base = [row for row in read_internal_ontology(ontology).codes if len(row.code) > 2]
    else:
        cameo = Ontology.cameo()
        if all(code in cameo for code in codes_seen):
            return None
        # root codes ("01") are categories, not codes a verb can give
        base = [EventCodeDef(c, cameo.entries[c].name) for c in cameo.codes if len(c) > 2]
    known = {row.code for row in base}
    extra = [
        EventCodeDef(code, "used by the imported PETRARCH dictionary (not in the table)")
        for code in sorted(codes_seen - known)
    ]
    return tuple(base + extra)


def import_petrarch(
    *,
    actors: Sequence[PathArg] = (),
    agents: Sequence[PathArg] = (),
    verbs: Sequence[PathArg] = (),
    discards: Sequence[PathArg] = (),
    issues: Sequence[PathArg] = (),
    ontology: PathArg | None = None,
    literal_codes: bool = False,
) -> PetrarchImport:
    """Convert PETRARCH/Phoenix dictionary files (OSError when a file cannot be read).

    ``literal_codes``: keep actor codes that are not CAMEO-shaped, as PETRARCH does
    (:func:`~eventcoder.importers.petrarch_actors.read_actors`); for sets coded in
    memory, such as validation runs, not for sets written as YAML."""
    files: list[FileReport] = []
    actor_groups: list[list[ActorEntry]] = []
    all_agents: list[AgentEntry] = []
    all_verbs: list[VerbEntry] = []
    dset: dict[str, list] = {"synsets": [], "discards": [], "issues": []}  # type: ignore[type-arg]
    codes_seen: set[str] = set()
    for path in actors:
        result = read_actors(read_text(path), str(path), literal_codes=literal_codes)
        actor_groups.append(result.actors)
        files.append(_report(str(path), "actors", result, len(result.actors)))
    for path in agents:
        agent_result = read_agents(read_text(path), str(path))
        all_agents.extend(agent_result.agents)
        converted = sum(1 + len(a.aliases) for a in agent_result.agents)
        files.append(_report(str(path), "agents", agent_result, converted))
    for path in verbs:
        verb_result = read_verbs(read_text(path), str(path))
        all_verbs.extend(verb_result.verbs)
        dset["synsets"].extend(verb_result.synsets)
        codes_seen |= verb_result.codes_seen
        converted = verb_result.counts.get("patterns converted")
        files.append(_report(str(path), "verbs", verb_result, converted))
    for path in discards:
        discard_result = read_discards(read_text(path), str(path))
        dset["discards"].extend(discard_result.discards)
        files.append(_report(str(path), "discards", discard_result, len(discard_result.discards)))
    for path in issues:
        issue_result = read_issues(read_text(path), str(path))
        dset["issues"].extend(issue_result.issues)
        files.append(_report(str(path), "issues", issue_result, len(issue_result.issues)))
    all_verbs, dset["synsets"] = _unique_verbs(all_verbs), _unique_synsets(dset["synsets"])
    merged, problems = dedupe([a for group in actor_groups for a in group], _merged)
    agent_list, agent_problems = dedupe(all_agents)
    agent_list = [_own_no_plural(agent) for agent in agent_list]
    problems += agent_problems
    by_file = {str(p): [a for a in merged if a.origin and a.origin.file == str(p)] for p in actors}
    sources = tuple((Path(p).stem, tuple(by_file[str(p)])) for p in actors)
    dictionaries = DictionarySet(
        actors=tuple(merged),
        agents=tuple(agent_list),
        verbs=tuple(all_verbs),
        synsets=tuple(dset["synsets"]),
        discards=tuple(dset["discards"]),
        issues=tuple(dset["issues"]),
        event_codes=event_code_table(codes_seen, ontology) if verbs or ontology else None,
        actor_code_parts=unknown_code_parts(merged, agent_list),
    )
    return PetrarchImport(dictionaries, tuple(files), tuple(problems), sources)


def _own_no_plural(agent: AgentEntry) -> AgentEntry:
    """The agent with only the ``no_plural`` phrases it still owns after deduplication."""
    names = (agent.name, *agent.aliases)
    kept = tuple(phrase for phrase in agent.no_plural if phrase in names)
    return agent if kept == agent.no_plural else attrs.evolve(agent, no_plural=kept)


def write_import(result: PetrarchImport, directory: str | Path) -> list[Path]:
    """Write the converted set as YAML (one file per section, via ``dump_set``)."""
    from eventcoder.dictionaries.dump import dump_set

    return dump_set(result.dictionaries, directory)
