"""Reading PETRARCH dictionary files: comments stripped, line numbers kept.

PETRARCH's comment rules (from its dictionary documentation): ``#`` starts a comment
to the end of the line, ``<!-- ... -->`` is a comment that may span lines (only
``-->`` ends it; ``<! --`` is also accepted, as the validation files use it), and
anything after ``;`` is a legacy KEDS/TABARI comment. Blank lines are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from eventcoder.importers.report import ImportProblem, Severity

_OPEN = re.compile(r"<!\s*--")
_CLOSE = "-->"


@attrs.frozen
class SourceLine:
    """One non-blank line with its comments removed; ``raw`` is the line as written."""

    number: int
    text: str
    raw: str
    comment: str = ""


def read_text(path: str | PathLike[str]) -> str:
    """Read a dictionary file (UTF-8, undecodable bytes replaced rather than fatal)."""
    return Path(path).read_text(encoding="utf-8", errors="replace")


def _strip_xml_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    kept: list[str] = []
    rest = line
    while rest:
        if in_comment:
            end = rest.find(_CLOSE)
            if end < 0:
                return "".join(kept), True
            rest = rest[end + len(_CLOSE) :]
            in_comment = False
            continue
        match = _OPEN.search(rest)
        if not match:
            kept.append(rest)
            break
        kept.append(rest[: match.start()])
        rest = rest[match.end() :]
        in_comment = True
    return "".join(kept), in_comment


def split_comment(text: str, legacy_semicolon: bool = True) -> tuple[str, str]:
    """Split ``text`` at the first ``#`` (or ``;``) into content and comment."""
    cut = len(text)
    for mark in ("#", ";") if legacy_semicolon else ("#",):
        at = text.find(mark)
        if 0 <= at < cut:
            cut = at
    return text[:cut], text[cut + 1 :].strip() if cut < len(text) else ""


def source_lines(text: str, legacy_semicolon: bool = True) -> Iterator[SourceLine]:
    """The content lines of a PETRARCH file, comments removed, blank lines skipped."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line, in_comment = _strip_xml_comments(raw, in_comment)
        content, comment = split_comment(line, legacy_semicolon)
        if content.strip():
            yield SourceLine(number, content.rstrip(), raw, comment)


class LineReader:
    """What every PETRARCH file reader shares: problems reported with file and line, and
    reading line by line. ``self.result`` has ``file`` and ``problems``; subclasses
    define ``line`` and may define ``finish``."""

    result: Any

    def problem(self, line: SourceLine, message: str, severity: Severity = "error") -> None:
        """Record a line that was skipped (error) or converted with a caveat (warning)."""
        self.result.problems.append(
            ImportProblem(self.result.file, line.number, message, line.raw, severity)
        )

    def read(self, lines: Iterable[SourceLine]) -> Any:
        """Read every line, then finish; returns ``self.result``."""
        for line in lines:
            self.line(line)
        self.finish()
        return self.result

    def line(self, line: SourceLine) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called after the last line (nothing to do by default)."""
