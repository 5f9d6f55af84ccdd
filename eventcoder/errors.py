"""eventcoder's error vocabulary.

Every error the library raises on purpose is an :class:`EventCoderError`. Errors about
input carry where the problem is (file, line, column, field) so that a user can go
straight to it; the CLI turns any of them into one line on stderr and an exit code.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs


class EventCoderError(Exception):
    """Base class of every error eventcoder raises on purpose."""

    exit_code: int = 1


@attrs.frozen
class Location:
    """Where a problem is: a file, a 1-based line and column, and a field path."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = ":".join(
            str(part) for part in (self.file, self.line, self.column) if part is not None
        )
        if self.field:
            return f"{place}: {self.field}" if place else self.field
        return place


class InputError(EventCoderError):
    """Malformed input: names the file, line and field, and says what is wrong."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.location = Location(file, line, column, field)
        where = str(self.location)
        super().__init__(f"{where}: {message}" if where else message)


class ParseTreeError(InputError):
    """A dependency tree that is not a tree (bad head, cycle, no or two roots)."""


@attrs.frozen
class Problem:
    """One problem found in a dictionary: ``file:line:col: entry -> field: message``."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    entry: str | None = None
    field: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        place = ":".join(
            str(part) for part in (self.file, self.line, self.column) if part is not None
        )
        path = " -> ".join(part for part in (self.entry, self.field) if part)
        head = ": ".join(part for part in (place, path) if part)
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{head}: {prefix}{self.message}" if head else f"{prefix}{self.message}"


class DictionaryError(EventCoderError):
    """One or more errors in dictionary files, all reported together."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = "\n".join(str(p) for p in errors)
        super().__init__(f"{len(errors)} error(s) in dictionaries:\n{lines}")


class ModelsNotInstalledError(EventCoderError):
    """The parser's models are not on this machine; the message says what to run."""

    exit_code = 3


class ParserError(EventCoderError):
    """A parser failed on a document, or could not be loaded."""

    exit_code = 4
