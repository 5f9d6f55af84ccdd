"""Reading one dictionary file into typed entries: a :class:`Layer`.

Everything that can be checked from the file alone is checked here (types, required
and unknown keys, dates, code formats, pattern syntax, duplicate names); what needs
the whole set (event codes, synsets, alias conflicts, and whether the parts of actor
and agent codes are CAMEO's or declared in some file's ``actor_code_parts:``) is
checked in ``checker`` after layering. Every problem is collected; nothing is silently
dropped: an entry with an error is left out of the layer, and the error makes loading
fail.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from eventcoder.dictionaries.codes import (
    check_actor_code_shape,
    check_agent_code_shape,
    check_event_code_syntax,
    check_part,
)
from eventcoder.dictionaries.nodereader import NodeReader, Place
from eventcoder.dictionaries.patterns import (
    SYNSET_NAME,
    PatternSyntaxError,
    make_pattern,
    parse_code,
)
from eventcoder.dictionaries.schema import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    DiscardEntry,
    EventCodeDef,
    IssueEntry,
    Origin,
    Pattern,
    PlaceEntry,
    Synset,
    VerbEntry,
)
from eventcoder.dictionaries.yamlnodes import (
    MappingNode,
    Node,
    ScalarNode,
    compose_file,
    compose_text,
    is_null,
)
from eventcoder.errors import Problem

__all__ = [
    "ENTRY_SECTIONS",
    "Layer",
    "PlaceKey",
    "Removal",
    "entry_key",
    "entry_label",
    "load_file",
    "load_text",
]

#: Sections holding named entries, in the order files are read and dumped.
ENTRY_SECTIONS = (
    "actors",
    "agents",
    "titles",
    "synsets",
    "verbs",
    "discards",
    "issues",
    "places",
)
TOP_KEYS = (*ENTRY_SECTIONS, "event_codes", "actor_code_parts", "remove", "extend")
_SINGULAR = {
    "actors": "actor",
    "agents": "agent",
    "titles": "title",
    "synsets": "synset",
    "verbs": "verb",
    "discards": "discard",
    "issues": "issue",
    "places": "place",
    "event_codes": "event code",
}
#: (section, entry key, field path) -> where it was written.
PlaceKey = tuple[str, str, str]


def entry_key(section: str, name: str) -> str:
    """The identity of an entry for duplicates, overriding and ``remove:``."""
    if section == "synsets":
        return name.upper()
    return " ".join(name.split()).casefold()


def entry_label(section: str, name: str | None, index: int | None = None) -> str:
    """How problems name an entry: ``actor "Hezbollah"`` or ``actors[3]``."""
    if name is None:
        return f"{section}[{index}]"
    return f'{_SINGULAR[section]} "{name}"'


@attrs.frozen
class Removal:
    """``remove: {section: [name]}``: delete an entry defined by an earlier file."""

    section: str
    name: str
    place: Place


@attrs.frozen
class Extension:
    """``extend: {section: [...]}``: add aliases, codes, lemmas, patterns or words to an
    entry defined earlier (a partial entry of the section's type)."""

    section: str
    entry: Any
    place: Place


@attrs.frozen
class Layer:
    """The entries of one file, in file order."""

    file: str
    entries: dict[str, tuple[Any, ...]] = attrs.field(factory=dict)
    event_codes: tuple[EventCodeDef, ...] | None = None
    declares_event_codes: bool = False
    removals: tuple[Removal, ...] = ()
    extensions: tuple[Extension, ...] = ()
    places: dict[PlaceKey, Place] = attrs.field(factory=dict)
    problems: tuple[Problem, ...] = ()
    #: ``actor_code_parts:`` declared by this file (extra 3-character code parts).
    actor_code_parts: tuple[str, ...] = ()


# --- the file -------------------------------------------------------------------------


def load_file(path: Path, display: str | None = None) -> Layer:
    """Load one YAML dictionary file (never raises: problems are in the layer)."""
    node, problems = compose_file(path, display)
    return _layer(node, display or str(path), problems)


def load_text(text: str, file: str = "<string>") -> Layer:
    """Load dictionary YAML given as a string (for tests and tools)."""
    node, problems = compose_text(text, file)
    return _layer(node, file, problems)


def _layer(node: Node | None, file: str, problems: list[Problem]) -> Layer:
    if node is None or is_null(node):
        return Layer(file, problems=tuple(problems))
    builder = _Builder(NodeReader(file))
    builder.read_top(node)
    return builder.layer(problems)


@attrs.define
class _Builder:
    """Collects a file's entries and their places while reading (local to one file)."""

    reader: NodeReader
    entries: dict[str, list[Any]] = attrs.field(factory=lambda: {s: [] for s in ENTRY_SECTIONS})
    places: dict[PlaceKey, Place] = attrs.field(factory=dict)
    event_codes: tuple[EventCodeDef, ...] | None = None
    declares_event_codes: bool = False
    removals: list[Removal] = attrs.field(factory=list)
    extensions: list[Extension] = attrs.field(factory=list)
    actor_code_parts: list[str] = attrs.field(factory=list)

    def layer(self, earlier: list[Problem]) -> Layer:
        return Layer(
            self.reader.file,
            {section: tuple(values) for section, values in self.entries.items()},
            self.event_codes,
            self.declares_event_codes,
            tuple(self.removals),
            tuple(self.extensions),
            self.places,
            (*earlier, *self.reader.problems),
            tuple(self.actor_code_parts),
        )

    def origin(self, node: Node) -> Origin:
        return Origin(self.reader.file, self.reader.place(node).line)

    def mark(self, section: str, name: str, field: str, node: Node) -> None:
        self.places[(section, entry_key(section, name), field)] = self.reader.place(node)

    def read_top(self, node: Node) -> None:
        found = self.reader.fields(node, None, None, TOP_KEYS)
        if found is None:
            return
        for section in ENTRY_SECTIONS:
            if section in found:
                self.read_section(section, found[section], self.entries[section])
        if "event_codes" in found:
            self.read_event_codes(found["event_codes"])
        if "actor_code_parts" in found:
            self.read_actor_code_parts(found["actor_code_parts"])
        if "remove" in found:
            self.read_removals(found["remove"])
        if "extend" in found:
            self.read_extensions(found["extend"])

    def read_section(self, section: str, node: Node, into: list[Any]) -> None:
        seen: dict[str, int] = {}
        read = _READERS[section]
        for index, (name, item) in enumerate(self.section_items(section, node)):
            entry = read(self, item, name, index)
            if entry is None:
                continue
            key = entry_key(section, name)
            if key in seen:
                self.reader.report(
                    item,
                    f"duplicate name: already defined in this file at line {seen[key]}",
                    entry=entry_label(section, name),
                )
                continue
            seen[key] = self.reader.place(item).line
            self.mark(section, name, "", item)
            into.append(entry)

    def section_items(self, section: str, node: Node) -> list[tuple[str, Node]]:
        """(name, node) per entry; synsets are a mapping NAME -> words."""
        if section == "synsets":
            return [(key, value) for key, _, value in self.reader.pairs(node, None, section)]
        items = self.reader.items(node, None, section) or []
        name_field = "phrase" if section in ("discards", "issues") else "name"
        return [(_peek_name(item, name_field), item) for item in items]

    # --- top-level forms ----------------------------------------------------------------

    def read_event_codes(self, node: Node) -> None:
        self.declares_event_codes = True
        if not is_null(node) and getattr(node, "value", None) == "cameo":
            return
        rows = self.reader.items(node, None, "event_codes")
        if rows is None:
            return
        table: dict[str, EventCodeDef] = {}
        for index, row in enumerate(rows):
            definition = _event_code(self, row, index)
            if definition is None:
                continue
            if definition.code in table:
                self.reader.report(
                    row, f"code {definition.code!r} is listed twice", field=f"event_codes[{index}]"
                )
            table[definition.code] = definition
        self.event_codes = tuple(table.values())

    def read_actor_code_parts(self, node: Node) -> None:
        """``actor_code_parts: [ARN, {part: GON, kind: country, name: Gondor}]``."""
        items = self.reader.items(node, None, "actor_code_parts") or []
        for index, item in enumerate(items):
            field = f"actor_code_parts[{index}]"
            if isinstance(item, MappingNode):
                found = self.reader.fields(item, None, field, ("part", "kind", "name"), ("part",))
                if found is None or "part" not in found:
                    continue
                item = found["part"]
                field += ".part"
            part = self.reader.text(item, None, field)
            if part is None:
                continue
            if message := check_part(part):
                self.reader.report(item, message, field=field)
            elif part in self.actor_code_parts:
                self.reader.report(item, f"part {part!r} is listed twice", field=field)
            else:
                self.actor_code_parts.append(part)
                self.places[("actor_code_parts", part, "")] = self.reader.place(item)

    def read_removals(self, node: Node) -> None:
        for section, key_node, value in self.reader.pairs(node, None, "remove"):
            if section not in ENTRY_SECTIONS:
                self.reader.report(
                    key_node,
                    f"cannot remove from {section!r}; sections: " + ", ".join(ENTRY_SECTIONS),
                    field=f"remove.{section}",
                )
                continue
            names = self.reader.items(value, None, f"remove.{section}") or []
            for index, name_node in enumerate(names):
                name = self.reader.text(name_node, None, f"remove.{section}[{index}]")
                if name is not None:
                    place = self.reader.place(name_node)
                    self.removals.append(Removal(section, name, place))

    def read_extensions(self, node: Node) -> None:
        for section, key_node, value in self.reader.pairs(node, None, "extend"):
            if section not in _EXTENDERS:
                self.reader.report(
                    key_node,
                    f"cannot extend {section!r}; sections: " + ", ".join(_EXTENDERS),
                    field=f"extend.{section}",
                )
                continue
            for index, (name, item) in enumerate(self.section_items(section, value)):
                entry = _EXTENDERS[section](self, item, name, index)
                if entry is not None:
                    place = self.reader.place(item)
                    self.extensions.append(Extension(section, entry, place))


def _child(node: Node, key: str) -> Node | None:
    """The value node of ``key`` in a mapping node, if any."""
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    return None


def _peek_name(node: Node, field: str) -> str:
    """The entry's name if it has a usable one (for labels), else ""."""
    if not isinstance(node, MappingNode):
        return ""
    for key_node, value_node in node.value:
        if key_node.value == field and isinstance(value_node, ScalarNode):
            return str(value_node.value).strip()
    return ""


# --- entries --------------------------------------------------------------------------

_ACTOR_FIELDS = ("name", "aliases", "country", "codes", "notes", "sources")
_AGENT_FIELDS = ("name", "aliases", "code", "standalone", "notes", "no_plural")
_VERB_FIELDS = ("name", "lemmas", "code", "patterns", "notes", "nouns", "target", "forms")


def _label(section: str, name: str, index: int) -> str:
    return entry_label(section, name or None, index)


def _actor(b: _Builder, node: Node, name: str, index: int) -> ActorEntry | None:
    label = _label("actors", name, index)
    found = b.reader.fields(node, label, None, _ACTOR_FIELDS, ("name", "codes"))
    if found is None or "name" not in found or "codes" not in found:
        return None
    before = len(b.reader.problems)
    entry_name = b.reader.text(found["name"], label, "name")
    codes = _dated_codes(b, found["codes"], label)
    if codes == ():
        b.reader.report(
            found["codes"], "an actor needs at least one code", entry=label, field="codes"
        )
    aliases = _optional(b, found, "aliases", label, b.reader.texts)
    fields = {
        "aliases": aliases or (),
        "country": _optional(b, found, "country", label, b.reader.text),
        "notes": _optional(b, found, "notes", label, b.reader.text),
        "sources": _optional(b, found, "sources", label, b.reader.texts) or (),
    }
    if len(b.reader.problems) > before or entry_name is None or not codes:
        return None
    _mark_list(b, "actors", entry_name, "aliases", found.get("aliases"))
    _mark_codes(b, entry_name, found["codes"])
    return ActorEntry(entry_name, codes, origin=b.origin(node), **fields)


def _mark_codes(b: _Builder, name: str, node: Node) -> None:
    """Record where each code of an actor was written (``codes[i]``, at its code)."""
    if is_null(node) or not isinstance(node.value, list):
        return
    for index, item in enumerate(node.value):
        b.mark("actors", name, f"codes[{index}]", _child(item, "code") or item)


def _optional(
    b: _Builder, found: dict[str, Node], key: str, label: str | None, read: Callable[..., Any]
) -> Any:
    node = found.get(key)
    if node is None or is_null(node):
        return None
    return read(node, label, key)


def _mark_list(b: _Builder, section: str, name: str, field: str, node: Node | None) -> None:
    if node is None or is_null(node) or not isinstance(node.value, list):
        return
    for index, item in enumerate(node.value):
        b.mark(section, name, f"{field}[{index}]", item)


def _dated_codes(b: _Builder, node: Node, label: str) -> tuple[DatedCode, ...] | None:
    items = b.reader.items(node, label, "codes")
    if items is None:
        return None
    codes = [_dated_code(b, item, label, f"codes[{i}]") for i, item in enumerate(items)]
    return None if None in codes else tuple(code for code in codes if code is not None)


def _dated_code(b: _Builder, node: Node, label: str, field: str) -> DatedCode | None:
    if isinstance(node.value, str) and not is_null(node):
        code = b.reader.text(node, label, field)
        return _checked_actor_code(b, node, code, label, field)
    found = b.reader.fields(node, label, field, ("code", "from", "until"), ("code",))
    if found is None or "code" not in found:
        return None
    code = b.reader.text(found["code"], label, f"{field}.code")
    start = _optional(b, found, "from", label, lambda n, e, f: b.reader.date(n, e, f"{field}.from"))
    end = _optional(b, found, "until", label, lambda n, e, f: b.reader.date(n, e, f"{field}.until"))
    if start and end and start > end:
        b.reader.report(
            found["from"],
            f"the range is inverted: from {start} is after until {end}",
            entry=label,
            field=field,
        )
        return None
    dated = _checked_actor_code(b, found["code"], code, label, f"{field}.code")
    bad_date = ("from" in found and not is_null(found["from"]) and start is None) or (
        "until" in found and not is_null(found["until"]) and end is None
    )
    return None if dated is None or bad_date else DatedCode(dated.code, start, end)


def _checked_actor_code(
    b: _Builder, node: Node, code: str | None, label: str, field: str
) -> DatedCode | None:
    if code is None:
        return None
    message = check_actor_code_shape(code)
    if message:
        b.reader.report(node, message, entry=label, field=field)
        return None
    return DatedCode(code)


def _agent(kind: str) -> Callable[[_Builder, Node, str, int], AgentEntry | None]:
    section = "agents" if kind == "agent" else "titles"

    def read(b: _Builder, node: Node, name: str, index: int) -> AgentEntry | None:
        label = _label(section, name, index)
        found = b.reader.fields(node, label, None, _AGENT_FIELDS, ("name", "code"))
        if found is None or "name" not in found or "code" not in found:
            return None
        before = len(b.reader.problems)
        entry_name = b.reader.text(found["name"], label, "name")
        code = b.reader.text(found["code"], label, "code")
        if code is not None and (message := check_agent_code_shape(code)):
            b.reader.report(found["code"], message, entry=label, field="code")
        aliases = _optional(b, found, "aliases", label, b.reader.texts) or ()
        standalone = _optional(b, found, "standalone", label, b.reader.flag)
        notes = _optional(b, found, "notes", label, b.reader.text)
        no_plural = _optional(b, found, "no_plural", label, b.reader.texts) or ()
        if entry_name is not None:
            _check_no_plural(b, found.get("no_plural"), label, (entry_name, *aliases), no_plural)
        if len(b.reader.problems) > before or entry_name is None or code is None:
            return None
        _mark_list(b, section, entry_name, "aliases", found.get("aliases"))
        b.mark(section, entry_name, "code", found["code"])
        return AgentEntry(
            entry_name,
            code,
            aliases,
            kind,  # type: ignore[arg-type]
            bool(standalone),
            notes,
            no_plural,
            origin=b.origin(node),
        )

    return read


def _check_no_plural(b: _Builder, node: Node | None, label: str, names: tuple[str, ...],
                     no_plural: tuple[str, ...]) -> None:
    """Every ``no_plural`` phrase must be the entry's name or one of its aliases."""
    for phrase in no_plural:
        if phrase not in names:
            b.reader.report(node, f"{phrase!r} is not the name or an alias of the entry",
                            entry=label, field="no_plural")


def _words(b: _Builder, node: Node, label: str, field: str) -> tuple[str, ...] | None:
    values = b.reader.texts(node, label, field)
    if values is None:
        return None
    return tuple(" ".join(value.replace("_", " ").split()).lower() for value in values)


def _synset(b: _Builder, node: Node, name: str, index: int) -> Synset | None:
    label = _label("synsets", name, index)
    upper = name.upper()
    if not SYNSET_NAME.fullmatch(upper):
        b.reader.report(node, f"{name!r} is not a synset name (letters, digits, _)", entry=label)
        return None
    words = _words(b, node, label, "words")
    if words == ():
        b.reader.report(node, "a synset needs at least one word", entry=label)
    if not words:
        return None
    return Synset(upper, words, origin=b.origin(node))


def _verb(b: _Builder, node: Node, name: str, index: int) -> VerbEntry | None:
    label = _label("verbs", name, index)
    found = b.reader.fields(node, label, None, _VERB_FIELDS, ("name", "lemmas"))
    if found is None or "name" not in found or "lemmas" not in found:
        return None
    before = len(b.reader.problems)
    entry_name = b.reader.text(found["name"], label, "name")
    lemmas = _words(b, found["lemmas"], label, "lemmas")
    if lemmas == ():
        b.reader.report(
            found["lemmas"], "a verb needs at least one lemma", entry=label, field="lemmas"
        )
    code = _optional(b, found, "code", label, lambda n, e, f: _default_code(b, n, e))
    patterns = _patterns(b, found.get("patterns"), label, entry_name or "")
    notes = _optional(b, found, "notes", label, b.reader.text)
    nouns = _optional(b, found, "nouns", label, lambda n, e, f: _words(b, n, e, f)) or ()
    target = _implied_target(b, found, label, "target")
    forms = _optional(b, found, "forms", label, lambda n, e, f: _words(b, n, e, f)) or ()
    if len(b.reader.problems) > before or entry_name is None or not lemmas:
        return None
    b.mark("verbs", entry_name, "code", found.get("code", node))
    b.mark("verbs", entry_name, "nouns", found.get("nouns", node))
    b.mark("verbs", entry_name, "target", found.get("target", node))
    return VerbEntry(entry_name, lemmas, code or None, patterns, notes, origin=b.origin(node),
                     nouns=nouns, target=target, forms=forms)


def _implied_target(b: _Builder, found: dict[str, Node], label: str, field: str) -> str | None:
    """A ``target:`` actor code implied by a verb block or pattern (its form; the parts
    are checked after layering)."""
    if "target" not in found:
        return None
    code = b.reader.text(found["target"], label, field)
    message = check_actor_code_shape(code) if code is not None else None
    if message:
        b.reader.report(found["target"], message, entry=label, field=field)
        return None
    return code


def _default_code(b: _Builder, node: Node, label: str) -> str | None:
    text = b.reader.text(node, label, "code")
    if text is None:
        return None
    try:
        forward, reverse = parse_code(text)
    except PatternSyntaxError as error:
        b.reader.report(node, error.message, entry=label, field="code")
        return None
    if reverse is not None:
        b.reader.report(
            node, "a verb's default code cannot be a pair; use a pattern", entry=label, field="code"
        )
    return forward or ""


def _patterns(b: _Builder, node: Node | None, label: str, name: str | None) -> tuple[Pattern, ...]:
    """The patterns of a verb; their places are recorded under ``name`` (None: not)."""
    if node is None:
        return ()
    items = b.reader.items(node, label, "patterns") or []
    patterns: list[Pattern] = []
    for index, item in enumerate(items):
        pattern = _pattern(b, item, label, f"patterns[{index}]")
        if pattern is not None:
            if name is not None:
                field = f"patterns[{len(patterns)}]"
                b.mark("verbs", name, field, item)
                b.mark("verbs", name, f"{field}.code", _child(item, "code") or item)
                b.mark("verbs", name, f"{field}.target", _child(item, "target") or item)
            patterns.append(pattern)
    return tuple(patterns)


def _pattern(b: _Builder, node: Node, label: str, field: str) -> Pattern | None:
    keys = ("pattern", "code", "verbs", "notes", "target")
    found = b.reader.fields(node, label, field, keys, ("pattern", "code"))
    if found is None or "pattern" not in found or "code" not in found:
        return None
    text = b.reader.text(found["pattern"], label, f"{field}.pattern")
    code = b.reader.text(found["code"], label, f"{field}.code")
    notes = _optional(
        b, found, "notes", label, lambda n, e, f: b.reader.text(n, e, f"{field}.notes")
    )
    verbs = (
        _words(b, found["verbs"], label, f"{field}.verbs") if "verbs" in found else ()
    )
    before = len(b.reader.problems)
    target = _implied_target(b, found, label, f"{field}.target")
    if text is None or code is None or verbs is None or len(b.reader.problems) > before:
        return None
    try:
        parse_code(code)
    except PatternSyntaxError as error:
        b.reader.report(found["code"], error.message, entry=label, field=f"{field}.code")
        return None
    try:
        return make_pattern(
            text, code, notes=notes, origin=b.origin(node), verbs=tuple(dict.fromkeys(verbs)),
            target=target,
        )
    except PatternSyntaxError as error:
        b.reader.report(
            found["pattern"], f"{error} in {text!r}", entry=label, field=f"{field}.pattern"
        )
        return None


def _discard(b: _Builder, node: Node, name: str, index: int) -> DiscardEntry | None:
    label = _label("discards", name, index)
    found = b.reader.fields(node, label, None, ("phrase", "scope"), ("phrase",))
    if found is None or "phrase" not in found:
        return None
    phrase = b.reader.text(found["phrase"], label, "phrase")
    scope = _optional(
        b, found, "scope", label, lambda n, e, f: b.reader.choice(n, e, f, ("sentence", "story"))
    )
    if phrase is None or ("scope" in found and scope is None):
        return None
    return DiscardEntry(phrase, scope or "sentence", origin=b.origin(node))


def _issue(b: _Builder, node: Node, name: str, index: int) -> IssueEntry | None:
    label = _label("issues", name, index)
    found = b.reader.fields(node, label, None, ("phrase", "issue"), ("phrase", "issue"))
    if found is None or "phrase" not in found or "issue" not in found:
        return None
    phrase = b.reader.text(found["phrase"], label, "phrase")
    issue = b.reader.text(found["issue"], label, "issue")
    if phrase is None or issue is None:
        return None
    return IssueEntry(phrase, issue, origin=b.origin(node))


_PLACE_FIELDS = ("name", "aliases", "country", "kind", "within", "notes", "sources")


def _place(b: _Builder, node: Node, name: str, index: int) -> PlaceEntry | None:
    label = _label("places", name, index)
    found = b.reader.fields(node, label, None, _PLACE_FIELDS, ("name",))
    if found is None or "name" not in found:
        return None
    before = len(b.reader.problems)
    entry_name = b.reader.text(found["name"], label, "name")
    fields = {
        key: _optional(b, found, key, label, b.reader.text)
        for key in ("country", "kind", "within", "notes")
    }
    aliases = _optional(b, found, "aliases", label, b.reader.texts) or ()
    sources = _optional(b, found, "sources", label, b.reader.texts) or ()
    country = fields["country"]
    if country is not None and (message := check_part(country)):
        b.reader.report(found["country"], message, entry=label, field="country")
    if len(b.reader.problems) > before or entry_name is None:
        return None
    _mark_list(b, "places", entry_name, "aliases", found.get("aliases"))
    if "country" in found:
        b.mark("places", entry_name, "country", found["country"])
    return PlaceEntry(entry_name, aliases, origin=b.origin(node), sources=sources, **fields)


def _event_code(b: _Builder, node: Node, index: int) -> EventCodeDef | None:
    field = f"event_codes[{index}]"
    found = b.reader.fields(node, None, field, ("code", "name", "negated"), ("code",))
    if found is None or "code" not in found:
        return None
    code = b.reader.text(found["code"], None, f"{field}.code")
    name = _optional(b, found, "name", None, lambda n, e, f: b.reader.text(n, e, f"{field}.name"))
    negated = _optional(b, found, "negated", None,
                        lambda n, e, f: b.reader.text(n, e, f"{field}.negated"))
    if code is None:
        return None
    for key, value in (("code", code), ("negated", negated)):
        if value is not None and (message := check_event_code_syntax(value)):
            b.reader.report(found[key], message, field=f"{field}.{key}")
            return None
    return EventCodeDef(code, name or "", origin=b.origin(node), negated=negated)


_READERS: dict[str, Callable[[_Builder, Node, str, int], Any]] = {
    "actors": _actor,
    "agents": _agent("agent"),
    "titles": _agent("title"),
    "synsets": _synset,
    "verbs": _verb,
    "discards": _discard,
    "issues": _issue,
    "places": _place,
}


# --- extend: --------------------------------------------------------------------------


def _extend_fields(section: str, allowed: tuple[str, ...]) -> Callable[..., Any]:
    def read(b: _Builder, node: Node, name: str, index: int) -> Any:
        label = _label(section, name, index)
        found = b.reader.fields(node, label, None, allowed, ("name",))
        if found is None or "name" not in found:
            return None
        before = len(b.reader.problems)
        entry_name = b.reader.text(found["name"], label, "name")
        values = _extension_values(b, section, found, label, entry_name or "")
        if len(b.reader.problems) > before or entry_name is None:
            return None
        return values

    return read


def _extension_values(
    b: _Builder, section: str, found: dict[str, Node], label: str, name: str
) -> Any:
    if section == "actors":
        codes = _optional(b, found, "codes", label, lambda n, e, f: _dated_codes(b, n, e))
        return ActorEntry(
            name,
            codes or (),
            aliases=_optional(b, found, "aliases", label, b.reader.texts) or (),
            sources=_optional(b, found, "sources", label, b.reader.texts) or (),
        )
    if section in ("agents", "titles"):
        aliases = _optional(b, found, "aliases", label, b.reader.texts) or ()
        return AgentEntry(name, "", aliases)
    if section == "places":
        aliases = _optional(b, found, "aliases", label, b.reader.texts) or ()
        sources = _optional(b, found, "sources", label, b.reader.texts) or ()
        return PlaceEntry(name, aliases, sources=sources)
    lemmas = _optional(b, found, "lemmas", label, lambda n, e, f: _words(b, n, e, f)) or ()
    nouns = _optional(b, found, "nouns", label, lambda n, e, f: _words(b, n, e, f)) or ()
    forms = _optional(b, found, "forms", label, lambda n, e, f: _words(b, n, e, f)) or ()
    return VerbEntry(name, lemmas, patterns=_patterns(b, found.get("patterns"), label, None),
                     nouns=nouns, forms=forms)


def _extend_synset(b: _Builder, node: Node, name: str, index: int) -> Synset | None:
    return _synset(b, node, name, index)


_EXTENDERS: dict[str, Callable[[_Builder, Node, str, int], Any]] = {
    "actors": _extend_fields("actors", ("name", "aliases", "codes", "sources")),
    "agents": _extend_fields("agents", ("name", "aliases")),
    "titles": _extend_fields("titles", ("name", "aliases")),
    "verbs": _extend_fields("verbs", ("name", "lemmas", "patterns", "nouns", "forms")),
    "places": _extend_fields("places", ("name", "aliases", "sources")),
    "synsets": _extend_synset,
}
