"""Running a PETRARCH-style validation file: code each record, compare with its expectations.

The comparison is PETRARCH's: an event is the triple (source code, target code, event
code), compared exactly as written (a missing actor is ``---``). For each evaluated
record, expected triples that were coded are *found*, the others *missed*, and coded
triples that were not expected are *extra*; identical coded triples count once. A
record is *exact* when nothing is missed and nothing is extra; a ``noevents`` record
(and one expecting the coder to reject it, ``error="..."``) is exact when nothing is
coded. Records marked ``evaluate="false"`` are skipped and counted.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from eventcoder.coder import Coder
from eventcoder.dictionaries.schema import DictionarySet
from eventcoder.errors import InputError
from eventcoder.events import ActorRef, Event
from eventcoder.model import Document, SourceText
from eventcoder.parsers.base import Parser
from eventcoder.petrarch_records import ValidationRecord, read_environment, read_records

logger = logging.getLogger(__name__)

#: How PETRARCH writes a missing actor.
NULL_ACTOR = "---"
Triple = tuple[str, str, str]  # source, target, event code


def event_triple(event: Event, joined: Mapping[str, str] | None = None) -> Triple:
    """An event as PETRARCH's validation compares it: (source, target, event code).

    ``joined`` maps actor entries to the code PETRARCH writes for them when an entry
    has several codes at once (``THE_SHIRE [FRO/BIL/SAM]``; see :func:`joined_codes`).
    """
    return _actor_code(event.source, joined), _actor_code(event.target, joined), event.code


def _actor_code(ref: ActorRef | None, joined: Mapping[str, str] | None) -> str:
    if ref is None or not ref.code:
        return NULL_ACTOR
    entry = ref.entry
    if joined and entry is not None and entry in joined and ref.code in joined[entry].split("/"):
        return joined[entry]
    return ref.code


def joined_codes(dictionaries: DictionarySet) -> dict[str, str]:
    """Actor entries with several undated codes, and the one code PETRARCH writes for
    them: the importer splits ``[FRO/BIL/SAM]`` into three codes (one event each),
    PETRARCH's validation expects one event with the code ``FRO/BIL/SAM``."""
    return {
        actor.name: "/".join(c.code for c in actor.codes)
        for actor in dictionaries.actors
        if len(actor.codes) > 1 and all(c.start is None and c.end is None for c in actor.codes)
    }


@attrs.frozen
class RecordResult:
    """One evaluated record: what was expected, coded, found, missed and extra."""

    record: ValidationRecord
    coded: tuple[Triple, ...]
    found: tuple[Triple, ...]
    missed: tuple[Triple, ...]
    extra: tuple[Triple, ...]

    @property
    def exact(self) -> bool:
        return not self.missed and not self.extra


def compare_record(record: ValidationRecord, events: Iterable[Event],
                   joined: Mapping[str, str] | None = None) -> RecordResult:
    """Compare a record's coded events with its expectations (PETRARCH's rules)."""
    coded = tuple(dict.fromkeys(event_triple(e, joined) for e in events))
    expected = tuple(dict.fromkeys((e.source, e.target, e.code) for e in record.expected))
    coded_set, expected_set = set(coded), set(expected)
    return RecordResult(
        record=record,
        coded=coded,
        found=tuple(t for t in expected if t in coded_set),
        missed=tuple(t for t in expected if t not in coded_set),
        extra=tuple(t for t in coded if t not in expected_set),
    )


@attrs.frozen
class Tally:
    """Counts over a group of records (the whole file or one category)."""

    records: int = 0
    records_exact: int = 0
    events_expected: int = 0
    events_found: int = 0
    events_extra: int = 0

    def add(self, result: RecordResult) -> Tally:
        return Tally(
            self.records + 1,
            self.records_exact + int(result.exact),
            self.events_expected + len(result.found) + len(result.missed),
            self.events_found + len(result.found),
            self.events_extra + len(result.extra),
        )

    def to_dict(self) -> dict[str, float | int]:
        """Counts and percentages; ``extra_pct`` is extra events per 100 expected."""
        return {
            "records": self.records,
            "records_exact": self.records_exact,
            "records_exact_pct": _pct(self.records_exact, self.records),
            "events_expected": self.events_expected,
            "events_found": self.events_found,
            "events_found_pct": _pct(self.events_found, self.events_expected),
            "events_extra": self.events_extra,
            "extra_pct": _pct(self.events_extra, self.events_expected),
        }


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


@attrs.frozen
class ValidationRun:
    """The results of a validation file: per record, in total and per category."""

    file: str
    results: tuple[RecordResult, ...]
    skipped: tuple[ValidationRecord, ...] = ()

    @property
    def total(self) -> Tally:
        tally = Tally()
        for result in self.results:
            tally = tally.add(result)
        return tally

    @property
    def by_category(self) -> dict[str, Tally]:
        tallies: dict[str, Tally] = {}
        for result in self.results:
            name = result.record.category or "(none)"
            tallies[name] = tallies.get(name, Tally()).add(result)
        return dict(sorted(tallies.items()))

    def to_dict(self) -> dict[str, object]:
        """The shape ``validate-petrarch --json`` prints."""
        return {
            "file": self.file,
            **self.total.to_dict(),
            "skipped": len(self.skipped),
            "by_category": {name: t.to_dict() for name, t in self.by_category.items()},
        }


def petrarch_coder(dictionaries: DictionarySet) -> Coder:
    """A Coder following PETRARCH's conventions, for its validation files.

    The options (see :class:`~eventcoder.coder.Coder` and docs/algorithm.md, "PETRARCH's
    conventions"; eventcoder's defaults differ and do not change):

    - ``irrealis="code"``: modal and planned acts ("Arnor will abandon ties", "is about
      to restore ties") are coded like acts that happened;
    - ``targets="phrase"``: with no object or partner phrase, the first coded actor of
      the verb's phrase is the target and a subject that is no actor gives the first
      actor of its phrase as source; a passive with no by-phrase takes its source from
      its phrase, or its passive subject when its open complement gives no event ("a
      woman believed linked to Al-Qaeda"); a statement takes its target from a reported
      clause that gave no event; an object actor with a prepositional modifier headed by
      an actor stands for that actor ("warned Gondor about the Prince of Dol Amroth");
    - ``negation="table"``: a negated verb takes the negated code of the internal
      ontology, "didn't clash" [110] -> 050;
    - ``conventions="none"``: actors are coded as the dictionaries give them, without the
      news conventions ("+ROHANS" is ROH, not civilians), roles stack ("Danish Islamist
      media" DNKMUSMED) and an actor name reads across a head's modifiers;
    - ``preps="adjacent"``: a word leading a ``(PREP ...)`` item follows its preposition;
    - ``pattern_scope="petrarch"``: pattern items match in PETRARCH's verb phrase, not
      the verb's adverbs ("RECENTLY *" does not match "recently allowed") nor its
      *that*-clauses, with its infinitive complement ("hosting X to celebrate Tabaski")
      and "to" clause; subordinate clauses with no subject ("after leaving Eriador"),
      relative clauses whose subject is a relative pronoun ("Al-Qaeda who shot at ...")
      and open complements inside object-controlled ones ("urged Bree to help *win*")
      have no source; left-over ``^`` items consume actor phrases.
    """
    return Coder(dictionaries, irrealis="code", targets="phrase", negation="table",
                 conventions="none", preps="adjacent", pattern_scope="petrarch")


def run_validation(
    path: str | os.PathLike[str],
    coder: Coder,
    *,
    reparse: Parser | None = None,
    limit: int | None = None,
) -> ValidationRun:
    """Code every evaluated record of a validation file and compare it.

    The records' own CoNLL-U parses are coded unless ``reparse`` is given, in which case
    each record's text is parsed with it. ``limit`` stops after that many records.
    """
    records = list(read_records(path))[:limit]
    evaluated = [r for r in records if r.evaluate]
    skipped = tuple(r for r in records if not r.evaluate)
    documents = _documents(evaluated, reparse, os.fspath(path))
    joined = joined_codes(coder.dictionaries)
    results = tuple(
        compare_record(record, coder.code_document(doc), joined)
        for record, doc in zip(evaluated, documents, strict=True)
    )
    return ValidationRun(os.fspath(path), results, skipped)


def _documents(
    records: Sequence[ValidationRecord], reparse: Parser | None, path: str
) -> Iterator[Document]:
    if reparse is not None:
        texts = (SourceText(r.id, r.text, r.date) for r in records)
        yield from reparse.parse(texts)
        return
    for record in records:
        if record.parse is None:
            raise InputError(
                f"record {record.id!r} has no CoNLL-U parse (use --reparse)",
                file=path,
                line=record.line,
                field="Parse",
            )
        yield record.parse


#: ``<Environment>`` element -> import_petrarch keyword.
_ENVIRONMENT_FILES: Mapping[str, str] = {
    "Verbfile": "verbs",
    "Actorfile": "actors",
    "Agentfile": "agents",
    "Discardfile": "discards",
    "PICOfile": "ontology",
}


def environment_dictionaries(
    path: str | os.PathLike[str], directory: str | os.PathLike[str]
) -> DictionarySet:
    """Convert the PETRARCH dictionaries a validation file's ``<Environment>`` names
    (found in ``directory``) in memory, with the PETRARCH importer; actor codes that
    are not CAMEO-shaped (``[ITHTV]``, ``[+++]``) are kept as the file writes them."""
    from eventcoder.importers.petrarch import import_petrarch

    environment = read_environment(path)
    files: dict[str, object] = {}
    for element, keyword in _ENVIRONMENT_FILES.items():
        name = environment.get(element)
        if not name:
            continue
        file = Path(directory) / name
        if not file.is_file():
            raise InputError(f"{element} {name!r} is not in {directory}", file=os.fspath(path))
        files[keyword] = file if keyword == "ontology" else [file]
    if not files:
        raise InputError("no <Environment> dictionaries named", file=os.fspath(path))
    result = import_petrarch(**files, literal_codes=True)  # type: ignore[arg-type]
    logger.info("converted %d PETRARCH dictionary file(s) in memory", len(result.files))
    return result.dictionaries
