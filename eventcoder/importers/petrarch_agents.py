"""PETRARCH agent dictionaries -> :class:`AgentEntry` objects.

Lines are ``PHRASE {PLURAL} [CODE] # comment``: ``~GOV`` appends the role to the
actor code, ``NGO~`` puts it in front. ``{PLURAL}`` gives an irregular plural (kept as
an alias), ``{}`` says there is no plural: the phrases go to the entry's ``no_plural``
list ("POLICE {}" does not match "polices"). Substitution macros ``!PERSON! = MAN, MEN``
are expanded: a phrase containing ``!PERSON!`` becomes one phrase per listed word.
Regular plurals are not generated: the coder matches agent nouns on lemmas.

Phrases with the same code are grouped into one entry, with the others as aliases (the
YAML stays small and reads like a word list). The entry is named after its most
representative phrase (:func:`representative`): the word that heads most of the
group's phrases ("rebel" for "communist rebel", "hindu rebel", "rebel", ...).
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from eventcoder.dictionaries.phrases import normalise_phrase
from eventcoder.dictionaries.schema import AgentEntry, Origin
from eventcoder.importers._lines import LineReader, SourceLine, source_lines
from eventcoder.importers.report import Counts, ImportProblem

_MACRO = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_LINE = re.compile(r"^([^{\[]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]}\s]+)\s*([\]}])\s*$")
_CODE = re.compile(r"^(~[A-Z0-9]+|[A-Z0-9]+~)$")


@attrs.define
class AgentImport:
    """The result of reading one agent file."""

    file: str
    agents: list[AgentEntry] = attrs.field(factory=list)
    problems: list[ImportProblem] = attrs.field(factory=list)
    counts: Counts = attrs.field(factory=Counts)


def _phrase(raw: str) -> str:
    return " ".join(raw.strip().rstrip("_").replace("_", " ").split()).lower()


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str] | None:
    """Every phrase the macros in ``phrase`` stand for; None if a macro is undefined."""
    match = re.search(r"![A-Z0-9_]+!", phrase)
    if not match:
        return [phrase]
    words = macros.get(match.group(0))
    if words is None:
        return None
    out: list[str] = []
    for word in words:
        expanded = _expand(phrase[: match.start()] + word + phrase[match.end() :], macros)
        if expanded is None:
            return None
        out.extend(expanded)
    return out


#: Everyday role nouns that name their group when it lists them.
COMMON_ROLES = ("people", "resident", "government", "soldier", "rebel", "police", "lawmaker")


def representative(phrases: list[str]) -> str:
    """The phrase to name a group of agent phrases by: one of :data:`COMMON_ROLES` when
    the group lists it; else the single word that heads (ends) most of the phrases,
    counting plurals as their singular, ties going to the shorter word, then to the
    earlier; without a single-word phrase, the shortest phrase ending in the most
    common head word."""
    common = [role for role in COMMON_ROLES if role in phrases]
    if common:
        return common[0]
    heads: Counter[str] = Counter()
    for phrase in phrases:
        tokens = normalise_phrase(phrase)
        if tokens:
            heads[tokens[-1]] += 1

    def score(phrase: str) -> tuple[int, int, int]:
        tokens = normalise_phrase(phrase)
        head = heads[tokens[-1]] if tokens else 0
        return (-head, len(phrase), phrases.index(phrase))

    words = [phrase for phrase in phrases if len(phrase.split()) == 1]
    if words:
        return min(words, key=score)
    return min(phrases, key=score) if phrases else ""


class _Reader(LineReader):
    def __init__(self, file: str) -> None:
        self.result = AgentImport(file)
        self.macros: dict[str, list[str]] = {}
        self.groups: dict[str, tuple[list[str], int]] = {}
        self.no_plural: set[str] = set()

    def finish(self) -> None:
        for code, (phrases, number) in self.groups.items():
            unique = list(dict.fromkeys(phrases))
            name = representative(unique)
            aliases = tuple(phrase for phrase in unique if phrase != name)
            origin = Origin(self.result.file, number)
            no_plural = tuple(phrase for phrase in unique if phrase in self.no_plural)
            entry = AgentEntry(name, code, aliases, no_plural=no_plural, origin=origin)
            self.result.agents.append(entry)

    def line(self, line: SourceLine) -> None:
        text = line.text.strip()
        if macro := _MACRO.match(text):
            words = [word.strip() for word in macro.group(2).split(",") if word.strip()]
            self.macros[macro.group(1)] = words
            self.result.counts.add("macros")
            return
        match = _LINE.match(text)
        if not match:
            self.problem(line, "not an agent line 'PHRASE {PLURAL} [~CODE]'")
            return
        code = match.group(3).upper()
        if match.group(4) == "}":
            self.problem(line, "code closed with '}' instead of ']'", "warning")
        if not _CODE.match(code):
            self.problem(line, f"agent code {code!r} is not ~CODE or CODE~")
            return
        phrases = _expand(match.group(1).strip(), self.macros)
        if phrases is None:
            self.problem(line, "undefined substitution marker !...!")
            return
        plural = match.group(2)
        if plural is not None and not plural.strip():  # "POLICE {}": no plural form
            self.no_plural.update(_phrase(p) for p in phrases)
        if plural:
            expanded = _expand(plural.strip(), self.macros) or []
            phrases += expanded
        self.add(line, code, [_phrase(p) for p in phrases if _phrase(p)])

    def add(self, line: SourceLine, code: str, phrases: list[str]) -> None:
        self.result.counts.add("agent lines")
        self.result.counts.add("phrases", len(phrases))
        group = self.groups.setdefault(code, ([], line.number))
        group[0].extend(phrases)


def read_agents(text: str, file: str) -> AgentImport:
    """Convert the text of one PETRARCH agent file."""
    return _Reader(file).read(source_lines(text))
