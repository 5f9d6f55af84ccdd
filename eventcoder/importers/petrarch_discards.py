"""PETRARCH discard lists -> :class:`DiscardEntry` objects.

``PHRASE`` skips the sentence, ``+PHRASE`` the whole story. PETRARCH matches a
phrase without a trailing ``_`` as a word stem and one with ``_`` as whole words; our
discards match whole words, so the ``_`` is dropped (documented in docs/importing.md).
"""

from __future__ import annotations

import attrs

from eventcoder.dictionaries.schema import DiscardEntry, Origin
from eventcoder.importers._lines import source_lines
from eventcoder.importers.report import Counts, ImportProblem


@attrs.define
class DiscardImport:
    """The result of reading one discard file."""

    file: str
    discards: list[DiscardEntry] = attrs.field(factory=list)
    problems: list[ImportProblem] = attrs.field(factory=list)
    counts: Counts = attrs.field(factory=Counts)


def read_discards(text: str, file: str) -> DiscardImport:
    """Convert the text of one PETRARCH discard file."""
    result = DiscardImport(file)
    seen: set[str] = set()
    for line in source_lines(text):
        body = line.text.strip()
        story = body.startswith("+")
        phrase = " ".join(body.lstrip("+").rstrip("_").replace("_", " ").split()).lower()
        result.counts.add("discard lines")
        if not phrase:
            result.problems.append(ImportProblem(file, line.number, "empty discard", line.raw))
            continue
        if phrase in seen:
            result.problems.append(
                ImportProblem(file, line.number, "duplicate discard dropped", line.raw, "warning")
            )
            continue
        seen.add(phrase)
        origin = Origin(file, line.number)
        result.discards.append(DiscardEntry(phrase, "story" if story else "sentence", origin))
    return result
