"""PETRARCH verb dictionaries (PETRARCH-2 ``CAMEO.2.0.txt`` and PETRARCH-1
``CAMEO.verbpatterns.150430.txt`` formats) -> synsets and :class:`VerbEntry` objects.

Both formats share the layout: synsets (``&NAME`` then ``+word`` lines), then blocks
``--- NAME [code] ---`` holding verb lines (``SAY {SAYS SAID} [code]``, ``+PULL_OUT``
for a multiword verb) and pattern lines (``- * (TO +) [042:043] # comment``).
PETRARCH-1 patterns are flat word sequences that may glue words to the verb
(``IN_*``) or put a synset inside a phrase (``NEW_&TIETYPES_RELATIONS``); the first
cannot be expressed and is reported, the second becomes a group ``{NEW &TIETYPES
RELATIONS}``. Transformations (``~ a (a b ATTACK) SAY = a b 015``) are reported.

A verb line with its own code that differs from its block's gets its own entry
``BLOCK (code)`` that shares the block's patterns, which is how PETRARCH applies them.

Pattern provenance: CAMEO.2.0 merged the TABARI verb blocks, and the comment of each
pattern line names the verb(s) the pattern was written for (``- * ATTACK [190] #
DELIVER``; the file's header says so). When the comment names verbs of the block (any
form: ``STEPPED_UP`` is ``step up``), the pattern's :attr:`Pattern.verbs` lists those
lemmas and it applies only to them; a comment that names no verb of the block leaves
``verbs`` empty (the pattern applies to every verb of the block) and is counted.
Blocking patterns (``[---]``: ``* &CRIME`` for "combat") say the verb is not a
physical act there, whichever verb of the block it is, so they keep ``verbs`` empty.
"""

from __future__ import annotations

import re

import attrs

from eventcoder.dictionaries.patterns import (
    PatternSyntaxError,
    make_pattern,
    parse_code,
    pattern_synsets,
)
from eventcoder.dictionaries.schema import Origin, Pattern, Synset, VerbEntry
from eventcoder.importers._lines import LineReader, SourceLine, source_lines
from eventcoder.importers.report import Counts, ImportProblem
from eventcoder.ontology import is_event_code_syntax

_BLOCK = re.compile(r"^---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*---\s*$")
_PATTERN = re.compile(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$")
_VERB = re.compile(r"^(\+?[^\s{\[]+(?:\s+[^\s{\[]+)*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$")
_PIECES = re.compile(r"[(){}]|[^\s(){}]+")


#: Counts of the import summary: patterns limited to the verbs their comment names, and
#: coding patterns whose comment names no verb of their block (they apply to all).
PROVENANCE_KEYS = (
    "patterns limited to the verbs their comment names",
    "patterns whose comment names no verb of the block",
)


@attrs.define
class _Block:
    name: str
    code: str | None
    line: int
    notes: str | None
    lemmas: dict[str, str | None] = attrs.field(factory=dict)  # lemma -> own code
    patterns: list[Pattern] = attrs.field(factory=list)
    forms: dict[str, str] = attrs.field(factory=dict)  # any form -> lemma
    irregular: dict[str, list[str]] = attrs.field(factory=dict)  # lemma -> {...} forms


@attrs.define
class VerbImport:
    """The result of reading one verb file."""

    file: str
    verbs: list[VerbEntry] = attrs.field(factory=list)
    synsets: list[Synset] = attrs.field(factory=list)
    problems: list[ImportProblem] = attrs.field(factory=list)
    counts: Counts = attrs.field(factory=Counts)
    codes_seen: set[str] = attrs.field(factory=set)


def word_text(raw: str) -> str:
    """A synset word or verb: ``_`` -> space, trailing ``_`` dropped, lower case."""
    return " ".join(raw.strip().rstrip("_").replace("_", " ").split()).lower()


def regular_forms(lemma: str) -> tuple[str, ...]:
    """The regular inflections of a (phrasal) verb: ``step up`` -> ``steps up``,
    ``stepped up``, ``stepping up``, ... (the first word is inflected)."""
    head, _, rest = lemma.partition(" ")
    stems = [head + "s", head + "ed", head + "ing", head + "d", head + "es"]
    if head.endswith("e"):
        stems += [head[:-1] + "ing"]
    if head.endswith("y"):
        stems += [head[:-1] + "ies", head[:-1] + "ied"]
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", head):
        stems += [head + head[-1] + "ed", head + head[-1] + "ing"]
    return tuple(f"{stem} {rest}" if rest else stem for stem in stems)


def _glue_synsets(token: str, synsets: set[str]) -> str:
    """``FIGHTER_&AIRCRAFT`` -> ``{FIGHTER &AIRCRAFT}``; known names are left alone."""
    if "&" not in token or token.lstrip("&").rstrip("_").upper() in synsets:
        return token
    parts = token.split("_")
    out: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.startswith("&"):
            for end in range(len(parts), index, -1):
                name = "_".join(parts[index:end])[1:].upper()
                if name in synsets:
                    out.append("&" + name)
                    index = end
                    break
            else:
                return token
            continue
        out.append(part)
        index += 1
    return "{" + " ".join(out) + "}" if len(out) > 1 else out[0]


def convert_pattern(text: str, synsets: set[str]) -> str:
    """A PETRARCH pattern (text between ``-`` and ``[code]``) as our pattern string.

    Raises :class:`PatternSyntaxError` for what cannot be expressed.
    """
    pieces = _PIECES.findall(text)
    for piece in pieces:
        if "*" in piece and piece != "*":
            raise PatternSyntaxError(f"{piece!r} glues words to the verb; cannot be expressed")
    return " ".join(_glue_synsets(piece, synsets) for piece in pieces)


class _Reader(LineReader):
    def __init__(self, file: str) -> None:
        self.result = VerbImport(file)
        self.synsets: dict[str, tuple[list[str], int]] = {}
        self.synset: str | None = None
        self.block: _Block | None = None
        self.blocks: list[_Block] = []
        self.raw_patterns: list[tuple[_Block, SourceLine, str, str]] = []

    def line(self, line: SourceLine) -> None:
        text = line.text.strip()
        if text.startswith("+") and self.synset is not None:
            self.synset_word(line, text[1:])
            return
        self.synset = None
        if text.startswith("&"):
            self.start_synset(line, text)
        elif text.startswith("---"):
            self.start_block(line, text)
        elif text.startswith("~"):
            self.problem(line, "PETRARCH-2 transformations cannot be expressed")
            self.result.counts.add("transformations")
        elif text.startswith("-"):
            self.pattern(line, text)
        elif text.startswith("*") and self.block is not None:
            # "* (TO QUESTION) [110]" under BEGIN: a pattern without its "-", which
            # PETRARCH reads as a pattern (its validation file expects 110)
            self.problem(line, "pattern line without its leading '-'; read as a pattern",
                         "warning")
            self.pattern(line, "- " + text)
        elif self.block is None:
            self.problem(line, "line outside any synset or verb block")
        else:
            self.verb(line, text)

    def start_synset(self, line: SourceLine, text: str) -> None:
        name = text[1:].strip().rstrip("_").upper()
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9_]*", name):
            self.problem(line, "synset name must be letters, digits and '_'")
            return
        if name in self.synsets:
            self.problem(line, f"synset &{name} defined again; words merged", "warning")
        else:
            self.synsets[name] = ([], line.number)
        self.synset = name
        self.result.counts.add("synsets")

    def synset_word(self, line: SourceLine, text: str) -> None:
        assert self.synset is not None
        if "&" in text:
            self.problem(line, "a synset inside a synset cannot be expressed")
            return
        word = word_text(text)
        if word:
            self.synsets[self.synset][0].append(word)
            self.result.counts.add("synset words")

    def start_block(self, line: SourceLine, text: str) -> None:
        match = _BLOCK.match(text)
        if not match or not match.group(1):
            self.problem(line, "not a block header '--- NAME [code] ---'")
            self.block = None
            return
        try:
            code = self.code(line, match.group(2) or "---")
        except PatternSyntaxError as error:
            self.problem(line, f"{error}; the block gets no default code", "warning")
            code = None
        self.block = _Block(match.group(1).upper(), code, line.number, line.comment or None)
        self.blocks.append(self.block)
        self.result.counts.add("blocks")

    def code(self, line: SourceLine, text: str) -> str | None:
        """A code string checked with our code syntax (None for ``---``)."""
        text = text.strip()
        forward, reverse = parse_code(text)
        for part in (forward, reverse):
            if part and not is_event_code_syntax(part):
                raise PatternSyntaxError(f"{part!r} is not an event code (digits)")
        self.result.codes_seen.update(c for c in (forward, reverse) if c)
        return None if forward is None and reverse is None else text

    def verb(self, line: SourceLine, text: str) -> None:
        assert self.block is not None
        match = _VERB.match(text)
        if not match:
            self.problem(line, "not a verb line 'VERB {FORMS} [code]'")
            return
        phrase = match.group(1).lstrip("+")
        if "+" in phrase:
            self.problem(line, "multiword verb with the verb after other words cannot be expressed")
            return
        try:
            own = self.code(line, match.group(3)) if match.group(3) else self.block.code
        except PatternSyntaxError as error:
            self.problem(line, str(error))
            return
        lemma = word_text(phrase)
        self.block.lemmas.setdefault(lemma, own)
        braced = (match.group(2) or "{}")[1:-1].replace("+", " ").split()
        irregular = [word_text(form) for form in braced]
        listed = self.block.irregular.setdefault(lemma, [])
        listed.extend(f for f in dict.fromkeys(irregular) if f and f != lemma and f not in listed)
        for form in (lemma, *irregular, *regular_forms(lemma)):
            self.block.forms.setdefault(form, lemma)
        self.result.counts.add("verb lines")

    def pattern(self, line: SourceLine, text: str) -> None:
        self.result.counts.add("pattern lines")
        match = _PATTERN.match(text)
        if self.block is None:
            self.problem(line, "pattern outside a verb block")
        elif not match:
            self.problem(line, "pattern line without a [code]")
        else:
            self.raw_patterns.append((self.block, line, match.group(1), match.group(2)))

    def finish(self) -> None:
        names = set(self.synsets)
        for name, (words, number) in self.synsets.items():
            origin = Origin(self.result.file, number)
            self.result.synsets.append(Synset(name, tuple(dict.fromkeys(words)), origin))
        for block, line, text, code in self.raw_patterns:
            self.add_pattern(block, line, text, code, names)
        seen: set[str] = set()
        for block in self.blocks:
            if block.lemmas:
                self.result.verbs.extend(self.entries(block, seen))
            else:
                message = (
                    f"block {block.name} has no verbs; its {len(block.patterns)} patterns dropped"
                )
                self.result.problems.append(ImportProblem(self.result.file, block.line, message))

    def add_pattern(
        self, block: _Block, line: SourceLine, text: str, code: str, names: set[str]
    ) -> None:
        origin = Origin(self.result.file, line.number)
        verbs = self.comment_verbs(block, line.comment)
        try:
            pattern = make_pattern(
                convert_pattern(text, names), code, notes=line.comment or None, origin=origin
            )
            self.code(line, code)
        except PatternSyntaxError as error:
            self.problem(line, str(error))
            return
        if not is_block_code(pattern):
            pattern = attrs.evolve(pattern, verbs=verbs)  # blocking patterns suit every verb
        else:
            verbs = ()
        missing = [name for name in pattern_synsets(pattern) if name not in names]
        same = [i for i, p in enumerate(block.patterns) if _same_pattern(p, pattern)]
        if missing:
            self.problem(line, f"undefined synset &{missing[0]} (PETRARCH ignores the pattern too)")
        elif same:
            self.problem(line, "duplicate pattern in the same block dropped", "warning")
            first = block.patterns[same[0]]
            if first.verbs and verbs:  # written for more verbs: it applies to all of them
                merged = tuple(dict.fromkeys(first.verbs + verbs))
                block.patterns[same[0]] = attrs.evolve(first, verbs=merged)
            elif first.verbs:
                block.patterns[same[0]] = attrs.evolve(first, verbs=())
        else:
            block.patterns.append(pattern)
            self.result.counts.add("patterns converted")
            if verbs:
                self.result.counts.add(PROVENANCE_KEYS[0])
            elif line.comment and not is_block_code(pattern):
                self.result.counts.add(PROVENANCE_KEYS[1])

    def comment_verbs(self, block: _Block, comment: str) -> tuple[str, ...]:
        """The block's lemmas a pattern comment names (``SET , PUT``; any form)."""
        found = (block.forms.get(word_text(piece)) for piece in comment.split(","))
        return tuple(dict.fromkeys(lemma for lemma in found if lemma))

    def entries(self, block: _Block, seen: set[str]) -> list[VerbEntry]:
        groups: dict[str | None, list[str]] = {block.code: []}
        for lemma, code in block.lemmas.items():
            groups.setdefault(code, []).append(lemma)
        out = []
        for code, lemmas in groups.items():
            patterns = _patterns_for(block.patterns, lemmas)
            if code is not None and ":" in code:
                # a pair (042:043) or reverse-only (:110) default becomes a catch-all
                # pattern "*" tried after the others, since a default must be one code
                patterns += (make_pattern("*", code),)
                code_field = None
            else:
                code_field = code
            if not lemmas:
                continue
            name = block.name if code == block.code else f"{block.name} ({code or '---'})"
            while name in seen:
                name += "'"
            seen.add(name)
            origin = Origin(self.result.file, block.line)
            forms = tuple(dict.fromkeys(f for lemma in lemmas for f in block.irregular[lemma]))
            out.append(VerbEntry(name, tuple(lemmas), code_field, patterns, block.notes, origin,
                                 forms=forms))
        return out


def is_block_code(pattern: Pattern) -> bool:
    """True for a blocking pattern (``[---]``)."""
    return pattern.code is None and pattern.reverse_code is None


def _same_pattern(one: Pattern, other: Pattern) -> bool:
    return one.text == other.text and one.code == other.code


def _patterns_for(patterns: list[Pattern], lemmas: list[str]) -> tuple[Pattern, ...]:
    """The block's patterns that apply to ``lemmas`` (an entry's share of the block),
    with ``verbs`` narrowed to them; ``verbs`` naming all of them is left empty."""
    out = []
    for pattern in patterns:
        verbs = tuple(verb for verb in pattern.verbs if verb in lemmas)
        if pattern.verbs and not verbs:
            continue
        if set(verbs) >= set(lemmas):
            verbs = ()
        out.append(pattern if verbs == pattern.verbs else attrs.evolve(pattern, verbs=verbs))
    return tuple(out)


def read_verbs(text: str, file: str) -> VerbImport:
    """Convert the text of one PETRARCH-1 or PETRARCH-2 verb file."""
    return _Reader(file).read(source_lines(text))
