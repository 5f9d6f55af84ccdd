"""Reader for PETRARCH-style validation record files (``<Sentence>`` records in XML).

The PETRARCH and UniversalPetrarch validation suites (e.g. ``PETR_Validate_records_2_02.xml``)
look like XML but are not well-formed as a whole: a header comment contains a nested
``<!-- ... -->``. This reader is tolerant. It drops comments (counting nested
``<!--``/``-->`` pairs, so a nested comment does not end the outer one), then reads the
file one ``<Sentence ...> ... </Sentence>`` record at a time, so a broken record is
reported with its file and line and never hides the others.

Each record becomes a :class:`ValidationRecord`:

* attributes ``id``, ``date`` (``YYYYMMDD``), ``category`` and ``evaluate``
  (``"false"`` in any case means False; absent means True);
* ``<EventCoding sourcecode= targetcode= eventcode=/>`` -> :class:`ExpectedEvent`;
  ``<EventCoding noevents=.../>`` sets ``noevents``; ``<EventCoding error="X"/>`` sets
  ``error`` (the coder is expected to reject the sentence for reason X);
* ``<Config option= value=/>`` -> ``config`` pairs: the coder options in effect for the
  record. A ``<Config>`` between records applies to every later record until the same
  option is set again (PETRARCH's convention); one inside a record applies to it alone.
  Option values are kept as written (``"false"``, ``"TRUE"``);
* ``<PLEvent {...}>`` -> ``plover`` (the raw JSON text, PLOVER equivalents);
* ``<Text>`` -> ``text`` with whitespace collapsed to single spaces (the files wrap
  lines at about 80 characters);
* ``<Parse>`` -> ``parse``: the 10-column CoNLL-U block read with
  :func:`eventcoder.conllu.read_conllu` and normalised from UD v1 to v2, as one
  :class:`Document` (id, date and text of the record). A one-sentence parse takes the
  record text as its sentence text. Records whose ``<Parse>`` holds a constituency tree
  instead (the original PETRARCH-1 files) are not supported: the parse must be CoNLL-U.

XML character entities (``&amp;``, ``&quot;``, ...) are decoded in attributes, text and
parses.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import unescape

import attrs

from eventcoder.conllu import read_conllu
from eventcoder.errors import InputError, ParseTreeError
from eventcoder.inputs import open_text
from eventcoder.model import Document

__all__ = ["ExpectedEvent", "ValidationRecord", "read_environment", "read_records"]

_ENTITIES = {"&quot;": '"', "&apos;": "'"}
_ATTRIBUTE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_RECORD_START = re.compile(r"<Sentence[\s>]")
_RECORD_END = "</Sentence>"
_EVENT_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_CONFIG = re.compile(r"<Config\b([^>]*)>")
_PLEVENT = re.compile(r"<PLEvent\s+(.*?)>\s*$", re.MULTILINE)
_ELEMENT = re.compile(r"<(\w+)>(.*?)</\1>", re.DOTALL)


@attrs.frozen
class ExpectedEvent:
    """One expected event of a validation record (codes as written in the file)."""

    source: str
    target: str
    code: str


@attrs.frozen
class ValidationRecord:
    """One ``<Sentence>`` record of a validation file."""

    id: str
    date: dt.date | None
    category: str | None
    evaluate: bool
    text: str
    parse: Document | None
    expected: tuple[ExpectedEvent, ...]
    noevents: bool
    #: 1-based line of the record's ``<Sentence`` tag.
    line: int
    #: Reason the coder should reject the record (``<EventCoding error="..."/>``), or None.
    error: str | None = None
    #: Coder options in effect (``<Config option="..." value="..."/>`` lines before the
    #: record or inside it; a later setting of the same option wins), as (option, value).
    config: tuple[tuple[str, str], ...] = ()
    #: Raw JSON of ``<PLEvent ...>`` lines (PLOVER equivalents), in file order.
    plover: tuple[str, ...] = ()


def read_records(path: str | os.PathLike[str]) -> Iterator[ValidationRecord]:
    """The records of a validation file, in file order, one at a time."""
    label = os.fspath(path)
    with open_text(os.fspath(path)) as handle:
        for start, text, options in _raw_records(_visible_lines(handle), label):
            yield _record(text, start, label, options)


def read_environment(path: str | os.PathLike[str]) -> dict[str, str]:
    """The ``<Environment>`` block: element name -> text (``Verbfile`` -> file name).

    ``<Config option="X" value="Y"/>`` entries appear as ``config:X`` -> ``Y``. Empty
    when the file has no environment block.
    """
    with open_text(os.fspath(path)) as handle:
        block = _environment_text(_visible_lines(handle))
    if block is None:
        return {}
    found = {name: unescape(value.strip(), _ENTITIES) for name, value in _ELEMENT.findall(block)}
    for attributes in _CONFIG.findall(block):
        values = _attributes(attributes)
        if "option" in values:
            found[f"config:{values['option']}"] = values.get("value", "")
    return found


def _visible_lines(handle: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Each line with comments removed; ``<!--`` inside a comment nests."""
    depth = 0
    for lineno, raw in enumerate(handle, 1):
        line = raw.rstrip("\r\n")
        if depth == 0 and "<!--" not in line:
            yield lineno, line
            continue
        kept: list[str] = []
        position = 0
        while position < len(line):
            if depth == 0:
                opening = line.find("<!--", position)
                if opening < 0:
                    kept.append(line[position:])
                    break
                kept.append(line[position:opening])
                depth, position = 1, opening + 4
                continue
            opening = line.find("<!--", position)
            closing = line.find("-->", position)
            if closing < 0 and opening < 0:
                break
            if opening >= 0 and (closing < 0 or opening < closing):
                depth, position = depth + 1, opening + 4
            else:
                depth, position = depth - 1, closing + 3
        yield lineno, "".join(kept)


def _environment_text(lines: Iterable[tuple[int, str]]) -> str | None:
    collected: list[str] | None = None
    for _, line in lines:
        if collected is None:
            if "<Environment>" in line:
                collected = [line.split("<Environment>", 1)[1]]
            elif _RECORD_START.search(line):
                return None
            continue
        if "</Environment>" in line:
            collected.append(line.split("</Environment>", 1)[0])
            return "\n".join(collected)
        collected.append(line)
    return None


def _raw_records(
    lines: Iterable[tuple[int, str]], label: str
) -> Iterator[tuple[int, str, tuple[tuple[str, str], ...]]]:
    """(line of ``<Sentence``, record text, options in effect) for each record.

    A ``<Config option= value=/>`` between records sets an option for every later
    record (until set again), as in PETRARCH's validation runner.
    """
    start = 0
    body: list[str] = []
    options: dict[str, str] = {}
    for lineno, line in lines:
        match = _RECORD_START.search(line)
        if match and start:
            raise InputError(
                f"<Sentence> record is not closed before the next one (line {lineno})",
                file=label, line=start,
            )
        if not start and not match:
            _update_options(options, line)
            continue
        if match:
            start, line = lineno, line[match.start():]
        end = line.find(_RECORD_END)
        if end < 0:
            body.append(line)
            continue
        body.append(line[:end])
        yield start, "\n".join(body), tuple(options.items())
        start, body = 0, []
    if start:
        raise InputError("<Sentence> record is not closed", file=label, line=start)


def _update_options(options: dict[str, str], line: str) -> None:
    if "<Environment>" in line:  # the environment's options are not record options
        return
    for attributes in _CONFIG.findall(line):
        values = _attributes(attributes)
        if "option" in values:
            options[values["option"]] = values.get("value", "")


def _attributes(text: str) -> dict[str, str]:
    return {key: unescape(value, _ENTITIES) for key, value in _ATTRIBUTE.findall(text)}


def _line_of(text: str, position: int, start: int) -> int:
    return start + text.count("\n", 0, position)


def _record(
    text: str, start: int, label: str, options: tuple[tuple[str, str], ...]
) -> ValidationRecord:
    """Build one record from its text (comments already removed)."""
    head = text[: text.index(">") + 1]
    attributes = _attributes(head)
    record_id = attributes.get("id")
    if not record_id:
        raise InputError(
            "<Sentence> record has no id attribute", file=label, line=start, field="id"
        )
    date = _record_date(attributes.get("date"), label, start)
    sentence_text = _element(text, "Text")
    body = " ".join(unescape(sentence_text, _ENTITIES).split()) if sentence_text else ""
    expected, noevents, error = _codings(text, start, label, record_id)
    return ValidationRecord(
        id=record_id,
        date=date,
        category=attributes.get("category"),
        evaluate=attributes.get("evaluate", "true").strip().lower() != "false",
        text=body,
        parse=_parse(text, start, label, record_id, date, body),
        expected=expected,
        noevents=noevents,
        line=start,
        error=error,
        config=_record_options(text, options),
        plover=tuple(match.strip() for match in _PLEVENT.findall(text)),
    )


def _record_options(
    text: str, options: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, str], ...]:
    """Options in effect for the record: earlier top-level ones, then the record's own."""
    merged = dict(options)
    _update_options(merged, text)
    return tuple(merged.items())


def _record_date(value: str | None, label: str, line: int) -> dt.date | None:
    if value is None:
        return None
    digits = value.strip()
    try:
        if len(digits) != 8 or not digits.isdecimal():
            raise ValueError("expected 8 digits YYYYMMDD")
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as exc:
        raise InputError(
            f"bad record date {value!r}: {exc}", file=label, line=line, field="date"
        ) from None


def _element(text: str, name: str) -> str | None:
    opening = text.find(f"<{name}>")
    if opening < 0:
        return None
    closing = text.find(f"</{name}>", opening)
    return text[opening + len(name) + 2 : closing if closing >= 0 else len(text)]


def _codings(
    text: str, start: int, label: str, record_id: str
) -> tuple[tuple[ExpectedEvent, ...], bool, str | None]:
    expected: list[ExpectedEvent] = []
    noevents = False
    error = None
    for match in _EVENT_CODING.finditer(text):
        values = _attributes(match.group(1))
        if "noevents" in values:
            noevents = True
        elif "error" in values:
            error = values["error"]
        elif {"sourcecode", "targetcode", "eventcode"} <= values.keys():
            expected.append(
                ExpectedEvent(values["sourcecode"], values["targetcode"], values["eventcode"])
            )
        else:
            raise InputError(
                f"record {record_id}: <EventCoding> needs sourcecode, targetcode and "
                "eventcode (or noevents / error)",
                file=label, line=_line_of(text, match.start(), start), field="EventCoding",
            )
    return tuple(expected), noevents, error


def _parse(
    text: str, start: int, label: str, record_id: str, date: dt.date | None, body: str
) -> Document | None:
    """The record's CoNLL-U parse as one normalised Document, or None without ``<Parse>``."""
    opening = text.find("<Parse>")
    if opening < 0:
        return None
    block = _element(text, "Parse") or ""
    offset = _line_of(text, opening, start) - 1
    try:
        docs = list(read_conllu(io.StringIO(unescape(block, _ENTITIES)), name=label))
    except InputError as exc:
        kind = ParseTreeError if isinstance(exc, ParseTreeError) else InputError
        line = None if exc.location.line is None else exc.location.line + offset
        raise kind(
            f"record {record_id}: {exc.message}", file=label, line=line, field=exc.location.field
        ) from None
    sentences = [s for doc in docs for s in doc.sentences]
    rebuilt = [
        attrs.evolve(s, doc_id=record_id, index=i, text=body if len(sentences) == 1 else s.text)
        for i, s in enumerate(sentences)
    ]
    return Document(record_id, rebuilt, text=body, date=date)
