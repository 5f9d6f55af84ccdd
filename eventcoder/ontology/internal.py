"""UD-PETRARCH's internal coding ontology (PICO): CAMEO codes <-> internal numbers.

UniversalPetrarch ships ``PETR.Internal.Coding.Ontology.txt``: one ``CAMEO:value`` line
per code, where the value is a sum of hexadecimal numbers (``0x2045``,
``-0xFFFF+0x2040+0x300``) and ``#`` starts a comment (``020:0x2000#Appeal``). The file
also has a few codes outside CAMEO (``1824``, ``1951``) and ``---:0`` (no event).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from eventcoder.errors import DictionaryError, Problem
from eventcoder.ontology.event_codes import Ontology

if TYPE_CHECKING:  # eventcoder.dictionaries imports this package: no import cycle at run time
    from eventcoder.dictionaries.schema import EventCodeDef

#: What negation subtracts from an internal value: 120 (reject) is ``-0xFFFF``, 110
#: (disapprove) is ``0x0080+0xFFFF``, so "did not disapprove" is 0x0080, 050.
NEGATION = 0xFFFF
_CODE = re.compile(r"\d{2,4}|---")
_VALUE = re.compile(r"[+-]?(?:0x[0-9a-f]+|\d+)(?:[+-](?:0x[0-9a-f]+|\d+))*", re.IGNORECASE)
_TERM = re.compile(r"[+-]?(?:0x[0-9a-f]+|\d+)", re.IGNORECASE)


def _frozen(mapping: Mapping) -> Mapping:  # type: ignore[type-arg]
    return MappingProxyType(dict(mapping))


@attrs.frozen
class InternalOntology:
    """A parsed PICO file.

    ``to_internal`` maps each CAMEO code (and ``---``) to its internal number;
    ``to_cameo`` maps each number back to the first code in the file that has it
    (several codes share a number, e.g. 082, 0841 and 0842). ``codes`` is the file's
    event-code table (names from CAMEO where it has the code, else the line's comment),
    ready for :meth:`Ontology.from_table`; ``comments`` keeps each line's comment.
    """

    path: str
    to_internal: Mapping[str, int] = attrs.field(converter=_frozen)
    to_cameo: Mapping[int, str] = attrs.field(converter=_frozen)
    codes: tuple[EventCodeDef, ...]
    comments: Mapping[str, str] = attrs.field(converter=_frozen, repr=False)


def parse_value(text: str) -> int:
    """``"-0xFFFF+0x2040+0x300"`` -> -55999 (ValueError when it is not such a sum)."""
    compact = text.replace(" ", "")
    if not _VALUE.fullmatch(compact):
        raise ValueError(f"not a sum of hexadecimal or decimal numbers: {text!r}")
    return sum(int(term, 0) for term in _TERM.findall(compact))


def read_internal_ontology(path: str | PathLike[str]) -> InternalOntology:
    """Parse a PICO file; every bad line is reported together in one DictionaryError."""
    file = str(path)
    text = Path(path).read_text(encoding="utf-8")
    rows: dict[str, tuple[int, str, int]] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        row = _parse_line(line, file, number, rows, problems)
        if row:
            rows[row[0]] = (row[1], row[2], number)
    if problems:
        raise DictionaryError(problems)
    return _build(file, rows)


def _parse_line(
    line: str, file: str, number: int, seen: Mapping[str, object], problems: list[Problem]
) -> tuple[str, int, str] | None:
    """(code, value, comment) of one line, None for blank/comment lines or problems."""
    body, _, comment = line.partition("#")
    if not body.strip():
        return None
    code, colon, value = (part.strip() for part in body.partition(":"))
    if not colon or not _CODE.fullmatch(code):
        message = "expected CODE:VALUE with a 2-4 digit code (or ---)"
        problems.append(Problem(message, file, number, entry=code or None))
        return None
    if code in seen:
        message = f"code {code} is defined twice"
        problems.append(Problem(message, file, number, entry=code, field="code"))
        return None
    try:
        return code, parse_value(value), comment.strip()
    except ValueError as error:
        problems.append(Problem(str(error), file, number, entry=code, field="value"))
        return None


def _build(file: str, rows: Mapping[str, tuple[int, str, int]]) -> InternalOntology:
    from eventcoder.dictionaries.schema import EventCodeDef, Origin

    cameo = Ontology.cameo()
    to_cameo: dict[int, str] = {}
    for code, (value, _, _) in rows.items():
        to_cameo.setdefault(value, code)
    codes: list[EventCodeDef] = []
    for code, (value, comment, line) in rows.items():
        if code != "---":
            entry = cameo.get(code)
            name = entry.name if entry else comment.rsplit("#", 1)[-1].strip()
            negated = to_cameo.get(value - NEGATION)
            negated = negated if negated != "---" else None
            codes.append(EventCodeDef(code, name, Origin(file, line), negated))
    return InternalOntology(
        path=file,
        to_internal={code: row[0] for code, row in rows.items()},
        to_cameo=to_cameo,
        codes=tuple(codes),
        comments={code: row[1] for code, row in rows.items() if row[1]},
    )
