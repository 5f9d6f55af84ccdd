"""PETRARCH issue lists (``Phoenix.IssueCoding.txt``) -> :class:`IssueEntry` objects.

Lines are ``phrase [ISSUE]`` inside ``<ISSUE CATEGORY="..."> ... </ISSUE>`` blocks.
Expansions are applied to the word they prefix: ``n:school`` -> school, schools;
``v:purge`` -> purge, purges, purged, purging; ``pre+k`` -> "pre k", "pre-k". A line
without ``[ISSUE]`` takes its block's CATEGORY (a warning). Lines starting with ``~``
(phrases that cancel issue coding) cannot be expressed and are reported.
"""

from __future__ import annotations

import itertools
import re

import attrs

from eventcoder.dictionaries.schema import IssueEntry, Origin
from eventcoder.importers._lines import LineReader, SourceLine, source_lines
from eventcoder.importers.report import Counts, ImportProblem

_OPEN = re.compile(r'^<ISSUE\s+CATEGORY\s*=\s*"([^"]+)"[^>]*>$', re.IGNORECASE)
_LINE = re.compile(r"^(.*?)\s*(?:\[\s*([^\]\s]+)\s*\])?\s*$")
_ISSUE = re.compile(r"^[A-Za-z0-9_\-]+$")


@attrs.define
class IssueImport:
    """The result of reading one issue file."""

    file: str
    issues: list[IssueEntry] = attrs.field(factory=list)
    problems: list[ImportProblem] = attrs.field(factory=list)
    counts: Counts = attrs.field(factory=Counts)


def _noun(word: str) -> list[str]:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return [word, word[:-1] + "ies"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word, word + "es"]
    return [word, word + "s"]


def _verb(word: str) -> list[str]:
    if word.endswith("e"):
        return [word, word + "s", word + "d", word[:-1] + "ing"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    return [word, word + "s", word + "ed", word + "ing"]


def _part_forms(part: str) -> list[str]:
    if part[:2] == "v:":
        return _verb(part[2:])
    if part[:2] in ("n:", "m:"):
        return _noun(part[2:])
    return [part]


def word_forms(token: str) -> list[str]:
    """The forms one token of an issue phrase stands for (expansions applied)."""
    parts = [_part_forms(part) for part in token.split("+") if part]
    out: list[str] = []
    for combo in itertools.product(*parts):
        out.extend([" ".join(combo), "-".join(combo)] if len(combo) > 1 else list(combo))
    return list(dict.fromkeys(out))


def expand_phrase(phrase: str) -> list[str]:
    """Every phrase an issue line stands for (lower case)."""
    tokens = [word_forms(token) for token in phrase.lower().split()]
    return [" ".join(combo) for combo in itertools.product(*tokens)]


class _Reader(LineReader):
    def __init__(self, file: str) -> None:
        self.result = IssueImport(file)
        self.category: str | None = None
        self.seen: set[str] = set()

    def line(self, line: SourceLine) -> None:
        text = line.text.strip()
        if opened := _OPEN.match(text):
            self.category = opened.group(1)
        elif text.lower() == "</issue>":
            self.category = None
        elif text.startswith("~"):
            self.problem(line, "exclusion phrases ('~') cannot be expressed")
        else:
            self.entry(line, text)

    def entry(self, line: SourceLine, text: str) -> None:
        self.result.counts.add("issue lines")
        match = _LINE.match(text)
        phrase, issue = (match.group(1), match.group(2)) if match else ("", None)
        if issue is None and self.category:
            issue = self.category
            self.problem(line, f"no [ISSUE]; the block's category {issue} used", "warning")
        if not phrase or issue is None or not _ISSUE.match(issue) or "[" in phrase:
            self.problem(line, "not an issue line 'phrase [ISSUE]'")
            return
        for expanded in expand_phrase(phrase):
            if expanded in self.seen:
                continue
            self.seen.add(expanded)
            origin = Origin(self.result.file, line.number)
            self.result.issues.append(IssueEntry(expanded, issue.upper(), origin))
            self.result.counts.add("phrases")


def read_issues(text: str, file: str) -> IssueImport:
    """Convert the text of one PETRARCH issue file."""
    result: IssueImport = _Reader(file).read(source_lines(text))
    return result
