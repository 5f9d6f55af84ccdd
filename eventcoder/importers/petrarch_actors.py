"""PETRARCH/Phoenix actor dictionaries -> :class:`ActorEntry` objects.

A record is a primary phrase line (words joined by ``_`` or spaces, optional codes in
``[...]`` on the same line), optional ``+`` synonym lines, then optional indented code
lines ``[CODE]``, ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]``. Dates and
the "first matching restriction wins, else the default" rule are resolved into
inclusive ranges by :mod:`eventcoder.importers.dates` and ``_intervals``.

Lossy but documented (docs/importing.md): the trailing ``_`` (phrase must end there)
and the difference between ``_`` (adjacent words) and a space are dropped; names keep
PETRARCH's upper case.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from eventcoder.dictionaries.schema import ActorEntry, DatedCode, Origin
from eventcoder.importers import _intervals
from eventcoder.importers._lines import LineReader, SourceLine, source_lines
from eventcoder.importers.dates import DateError, Restriction, parse_restriction
from eventcoder.importers.report import Counts, ImportProblem

NULL_CODE = "---"
_CODE = re.compile(r"^[A-Z0-9]+$")
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


def phrase_text(raw: str) -> str:
    """``AL-QAEDA_IN_IRAQ_`` -> ``AL-QAEDA IN IRAQ`` (``_`` and runs of blanks -> one space)."""
    return " ".join(raw.replace("_", " ").split())


@attrs.define
class _Record:
    name: str
    line: int
    aliases: list[str] = attrs.field(factory=list)
    restrictions: list[tuple[Restriction, int]] = attrs.field(factory=list)


@attrs.define
class ActorImport:
    """The result of reading one actor file."""

    file: str
    actors: list[ActorEntry] = attrs.field(factory=list)
    problems: list[ImportProblem] = attrs.field(factory=list)
    counts: Counts = attrs.field(factory=Counts)


def _split_codes(text: str) -> tuple[str, list[str], str]:
    """Phrase part, bracket contents, and any stray text left after the brackets."""
    first = text.find("[")
    head = text if first < 0 else text[:first]
    tail = "" if first < 0 else text[first:]
    inners = _BRACKETS.findall(tail)
    stray = _BRACKETS.sub(" ", tail).strip()
    return head, inners, stray


class _Reader(LineReader):
    def __init__(self, file: str, literal_codes: bool = False) -> None:
        self.result = ActorImport(file)
        self.record: _Record | None = None
        self.literal_codes = literal_codes

    def line(self, line: SourceLine) -> None:
        text = line.text.strip()
        if text.startswith("["):
            self.codes(line, text)
        elif text.startswith("+"):
            self.alias(line, text[1:])
        else:
            self.primary(line, text)

    def primary(self, line: SourceLine, text: str) -> None:
        self.finish()
        head, inners, stray = _split_codes(text)
        name = phrase_text(head)
        if not name or (stray and not inners):
            self.problem(line, "not a phrase followed by [CODE] restrictions")
            return
        if stray:
            self.problem(line, f"text after the codes ignored: {stray!r}", "warning")
        self.record = _Record(name, line.number)
        self.result.counts.add("primary names")
        self.add_restrictions(line, inners)

    def alias(self, line: SourceLine, text: str) -> None:
        head, inners, stray = _split_codes(text)
        alias = phrase_text(head)
        if self.record is None:
            self.problem(line, "synonym line before any primary phrase")
            return
        if not alias or stray:
            self.problem(line, "synonym is not a phrase")
            return
        self.record.aliases.append(alias)
        self.result.counts.add("synonyms")
        self.add_restrictions(line, inners)

    def codes(self, line: SourceLine, text: str) -> None:
        head, inners, stray = _split_codes(text)
        if self.record is None:
            self.problem(line, "code line before any primary phrase")
        elif stray or head.strip():
            self.problem(line, "code line has text outside [...]")
        else:
            self.add_restrictions(line, inners)

    def add_restrictions(self, line: SourceLine, inners: list[str]) -> None:
        assert self.record is not None
        for inner in inners:
            self.result.counts.add("code lines")
            try:
                restriction = parse_restriction(inner)
            except DateError as error:
                self.problem(line, str(error))
                continue
            codes = tuple(code.upper() for code in restriction.codes)
            if not self.codes_fit(line, codes):
                continue
            if codes != restriction.codes:
                self.problem(line, "lower-case actor code upper-cased", "warning")
            if not restriction.is_default:
                self.result.counts.add("dated code lines")
            self.record.restrictions.append((attrs.evolve(restriction, codes=codes), line.number))

    def codes_fit(self, line: SourceLine, codes: tuple[str, ...]) -> bool:
        """False (with an error) for a code that is no CAMEO-shaped actor code; with
        ``literal_codes`` such a code is kept as written, with a warning."""
        for code in codes:
            if code == NULL_CODE:
                continue
            if not _CODE.match(code):
                message = f"actor code {code!r} is not letters and digits"
            elif len(code) % 3:
                message = f"actor code {code!r} is not made of 3-character parts"
            else:
                continue
            if not self.literal_codes:
                self.problem(line, message)
                return False
            self.problem(line, f"{message}: kept as written", "warning")
        return True

    def finish(self) -> None:
        record, self.record = self.record, None
        if record is None:
            return
        codes = resolve_codes([r for r, _ in record.restrictions])
        if not codes:
            message = "actor has only null codes" if record.restrictions else "actor has no code"
            self.result.problems.append(
                ImportProblem(self.result.file, record.line, message, record.name)
            )
            return
        aliases = tuple(dict.fromkeys(a for a in record.aliases if a != record.name))
        origin = Origin(self.result.file, record.line)
        self.result.actors.append(ActorEntry(record.name, codes, aliases, origin=origin))


def resolve_codes(restrictions: list[Restriction]) -> tuple[DatedCode, ...]:
    """PETRARCH's first-match-then-default rule as non-overlapping inclusive ranges."""
    dated = [r for r in restrictions if not r.is_default]
    defaults = [r for r in restrictions if r.is_default]
    if not dated:
        always = [_intervals.to_span(None, None)]
        return tuple(_dated_codes(defaults[0].codes, always)) if defaults else ()
    covered: list[_intervals.Span] = []
    out: list[DatedCode] = []
    for restriction in dated:
        span = _intervals.to_span(restriction.start, restriction.end)
        out.extend(_dated_codes(restriction.codes, _intervals.subtract(span, covered)))
        covered.append(span)
    if defaults:
        whole = _intervals.to_span(None, None)
        out.extend(_dated_codes(defaults[0].codes, _intervals.subtract(whole, covered)))
    return tuple(sorted(out, key=lambda c: (c.start or dt.date.min, c.code)))


def _dated_codes(codes: tuple[str, ...], spans: list[_intervals.Span]) -> list[DatedCode]:
    out: list[DatedCode] = []
    for span in spans:
        start, end = _intervals.from_span(span)
        out.extend(DatedCode(code, start, end) for code in codes if code != NULL_CODE)
    return out


def read_actors(text: str, file: str, *, literal_codes: bool = False) -> ActorImport:
    """Convert the text of one PETRARCH actor file (``file`` names it in problems).

    ``literal_codes``: keep codes that are not CAMEO-shaped (``[ITHTV]``, ``[+++]``:
    PETRARCH writes any code as it finds it) instead of dropping them. Such a set is for
    coding in memory (validation runs); the YAML loader rejects these codes."""
    return _Reader(file, literal_codes).read(source_lines(text))
