"""Reading gold event sets: JSON Lines, one hand-coded sentence per line.

Each line is ``{"id", "date", "text", "events": [{"source", "code", "target",
"alt_codes", "optional"}], "note"}`` (the layout of ``gold/README.md``). Every value is
checked as it is read; a bad one raises :class:`~eventcoder.errors.InputError` naming
the file, the line and the field (``events[1].code``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from eventcoder.errors import InputError

_CODE = re.compile(r"^\d{3,4}$")
_KEY = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")


@attrs.frozen
class GoldEvent:
    """A hand-coded event: actor keys (``SYR_GOV``), the best code and defensible others."""

    source: str
    code: str
    target: str
    alt_codes: tuple[str, ...] = ()
    optional: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        """The best code followed by the alternatives."""
        return (self.code, *self.alt_codes)

    @property
    def roots(self) -> frozenset[str]:
        """The CAMEO roots (first two digits) of every acceptable code."""
        return frozenset(code[:2] for code in self.codes)


@attrs.frozen
class GoldSentence:
    """One gold sentence with its events, and the line of the file it came from."""

    id: str
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...] = ()
    note: str | None = None
    line: int = 0

    @property
    def required(self) -> tuple[GoldEvent, ...]:
        """The events a coder must find."""
        return tuple(event for event in self.events if not event.optional)


def read_gold(path: str | Path) -> list[GoldSentence]:
    """Read and check a gold JSONL file; ids must be unique. Blank lines are skipped."""
    sentences = list(iter_gold(path))
    seen: dict[str, int] = {}
    for sentence in sentences:
        if sentence.id in seen:
            raise InputError(
                f"duplicate id {sentence.id!r} (first on line {seen[sentence.id]})",
                file=str(path),
                line=sentence.line,
                field="id",
            )
        seen[sentence.id] = sentence.line
    return sentences


def iter_gold(path: str | Path) -> Iterator[GoldSentence]:
    """Gold sentences one by one, each checked (uniqueness of ids is not checked here)."""
    name = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
    except OSError as error:
        raise InputError(f"cannot open: {error.strerror}", file=name) from error
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield parse_gold_line(raw, file=name, line=number)


def parse_gold_line(raw: str, *, file: str | None = None, line: int = 0) -> GoldSentence:
    """One JSONL line as a :class:`GoldSentence`; errors name ``file:line: field``."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not valid JSON: {error.msg}", file=file, line=line, column=error.colno
        ) from error
    return _Reader(file, line).sentence(record)


@attrs.frozen
class _Reader:
    """Checks one record's fields, raising errors that say where the record is."""

    file: str | None
    line: int

    def fail(self, field: str, message: str) -> InputError:
        return InputError(message, file=self.file, line=self.line, field=field)

    def sentence(self, record: Any) -> GoldSentence:
        if not isinstance(record, dict):
            raise self.fail("(record)", f"expected a JSON object, got {_kind(record)}")
        events = record.get("events")
        if not isinstance(events, list):
            raise self.fail("events", f"expected a list, got {_kind(events)}")
        note = record.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail("note", f"expected a string, got {_kind(note)}")
        return GoldSentence(
            id=self.text(record, "id", "id"),
            text=self.text(record, "text", "text"),
            date=self.date(record.get("date")),
            events=tuple(self.event(item, f"events[{i}]") for i, item in enumerate(events)),
            note=note,
            line=self.line,
        )

    def text(self, record: dict[str, Any], key: str, field: str) -> str:
        value = record.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, f"expected a non-empty string, got {_kind(value)}")
        return value

    def date(self, value: Any) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail("date", f"expected an ISO date YYYY-MM-DD, got {value!r}") from None

    def event(self, item: Any, field: str) -> GoldEvent:
        if not isinstance(item, dict):
            raise self.fail(field, f"expected a JSON object, got {_kind(item)}")
        alt_codes = item.get("alt_codes", [])
        if not isinstance(alt_codes, list):
            raise self.fail(f"{field}.alt_codes", f"expected a list, got {_kind(alt_codes)}")
        optional = item.get("optional", False)
        if not isinstance(optional, bool):
            raise self.fail(f"{field}.optional", f"expected true or false, got {optional!r}")
        return GoldEvent(
            source=self.key(item.get("source"), f"{field}.source"),
            code=self.code(item.get("code"), f"{field}.code"),
            target=self.key(item.get("target"), f"{field}.target"),
            alt_codes=tuple(
                self.code(code, f"{field}.alt_codes[{i}]") for i, code in enumerate(alt_codes)
            ),
            optional=optional,
        )

    def code(self, value: Any, field: str) -> str:
        if not isinstance(value, str) or not _CODE.match(value):
            raise self.fail(field, f"expected a CAMEO code of 3 or 4 digits, got {value!r}")
        return value

    def key(self, value: Any, field: str) -> str:
        if not isinstance(value, str) or not _KEY.match(value):
            raise self.fail(field, f"expected an actor key such as 'SYR_GOV', got {value!r}")
        return value


def _kind(value: Any) -> str:
    """A short description of a JSON value for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) < 40 else "a string"
    return type(value).__name__
