"""What an import produced: the converted entries and every line it could not convert.

An :class:`ImportProblem` names the source file and 1-based line, says why the line
was not converted (or was converted with a loss), and quotes the line.
"""

from __future__ import annotations

from typing import Literal

import attrs

Severity = Literal["error", "warning"]


@attrs.frozen
class ImportProblem:
    """A source line that was skipped (``error``) or converted with a caveat (``warning``)."""

    file: str
    line: int
    message: str
    text: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        kind = "skipped" if self.severity == "error" else "warning"
        quoted = f": {self.text.strip()!r}" if self.text.strip() else ""
        return f"{self.file}:{self.line}: {kind}: {self.message}{quoted}"


@attrs.define
class Counts:
    """How many items of each kind an importer produced (mutable tally while reading)."""

    values: dict[str, int] = attrs.field(factory=dict)

    def add(self, key: str, amount: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + amount

    def get(self, key: str) -> int:
        return self.values.get(key, 0)
