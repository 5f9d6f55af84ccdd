"""Typed dictionary objects: what the YAML loader builds and the coder reads.

All classes are frozen attrs classes. ``origin`` (file and line of the YAML node an
object came from) is kept for error messages and explanations but takes no part in
equality, so a set dumped to YAML and loaded again compares equal.

The YAML layout and the pattern syntax are documented in ``docs/dictionaries.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs


@attrs.frozen
class Origin:
    """Where an entry was defined: ``file:line`` (1-based)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@attrs.frozen
class DatedCode:
    """An actor code, valid from ``start`` to ``end`` inclusive (None: open-ended)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """True when the code applies on ``day`` (an undated document takes undated codes
        and, failing those, any code; see :meth:`ActorEntry.code_on`)."""
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class ActorEntry:
    """A named actor: canonical name, aliases and (date-bounded) codes."""

    name: str
    codes: tuple[DatedCode, ...]
    aliases: tuple[str, ...] = ()
    country: str | None = None
    notes: str | None = None
    sources: tuple[str, ...] = ()
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    def codes_on(self, day: dt.date | None) -> tuple[str, ...]:
        """The codes that apply on ``day``; for an undated document, the undated codes,
        or else the codes of the latest period."""
        if day is not None:
            return tuple(c.code for c in self.codes if c.valid_on(day))
        undated = tuple(c.code for c in self.codes if c.start is None and c.end is None)
        if undated or not self.codes:
            return undated
        latest = max(self.codes, key=lambda c: c.start or dt.date.min)
        return (latest.code,)


@attrs.frozen
class AgentEntry:
    """A role noun ("troops", "rebels") or a title ("President").

    ``code`` is written the PETRARCH way: ``~MIL`` appends the role to the country or
    actor it combines with (SYR + ~MIL -> SYRMIL); ``IGO~`` puts it in front. An agent
    with no actor to combine with is coded from ``code`` alone only when ``standalone``
    is set (e.g. "the United Nations" style agents); otherwise it is left uncoded.
    ``no_plural`` lists the entry's names (the name or aliases) that match only as
    written, never in a regular plural form (PETRARCH's ``{}``: "police" is not
    "polices").
    """

    name: str
    code: str
    aliases: tuple[str, ...] = ()
    kind: Literal["agent", "title"] = "agent"
    standalone: bool = False
    notes: str | None = None
    no_plural: tuple[str, ...] = ()
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


# --- verb patterns -------------------------------------------------------------------


@attrs.frozen
class Term:
    """One word or a multiword phrase, matched on lemmas (case-insensitive).

    ``alternatives`` holds more than one item for ``BOMBING/EXPLOSION``; a phrase is
    written ``{AIR STRIKE}`` (or ``AIR_STRIKE``) and stored with spaces.
    """

    alternatives: tuple[str, ...]
    exact: bool = False


@attrs.frozen
class SynsetRef:
    """``&NAME``: any word of the named synonym set."""

    name: str


@attrs.frozen
class Slot:
    """Where an actor goes: ``$`` source, ``+`` target, ``%`` both (compound), ``^`` skip."""

    role: Literal["source", "target", "both", "skip"]


@attrs.frozen
class PrepPhrase:
    """``(PREP ...)``: a prepositional phrase with one of ``preps`` and the given contents."""

    preps: tuple[str, ...]
    items: tuple[PatternItem, ...] = ()


@attrs.frozen
class Group:
    """``{...}``: items that must appear together as one noun phrase."""

    items: tuple[PatternItem, ...]


PatternItem = Term | SynsetRef | Slot | PrepPhrase | Group


@attrs.frozen
class Pattern:
    """One verb pattern: what must surround the verb, and the code it gives.

    ``before`` and ``after`` are the items written before and after ``*``. ``code`` is
    the event code for source -> target; ``reverse_code`` (PETRARCH's ``[042:043]``)
    also codes target -> source. ``code`` may be None for ``[:190]`` (reverse only) or
    ``---`` (the pattern blocks the verb's default code). ``verbs`` lists the lemmas of
    the block the pattern applies to (empty: every lemma of the block).
    """

    text: str
    code: str | None
    before: tuple[PatternItem, ...] = ()
    after: tuple[PatternItem, ...] = ()
    reverse_code: str | None = None
    negated: bool = False
    notes: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)
    #: The lemmas of its verb block the pattern was written for (``verbs:`` in YAML);
    #: empty: it applies to every lemma of the block.
    verbs: tuple[str, ...] = ()
    #: An implied target actor code (``target:`` in YAML), used when the sentence names
    #: no coded target ("Russia vetoed the resolution": the target of a veto is the UN
    #: Security Council, IGOUNO); None: none is implied.
    target: str | None = None


@attrs.frozen
class VerbEntry:
    """A verb block: lemmas (phrasal verbs as ``pull out``), a default code, patterns."""

    name: str
    lemmas: tuple[str, ...]
    code: str | None = None
    patterns: tuple[Pattern, ...] = ()
    notes: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)
    #: Event nouns that stand for the verb ("air strike", "shelling", "siege"): coded
    #: with the block's default code as objects of light verbs ("launched an air strike
    #: on X") and with a by-phrase ("shelling by X"); docs/algorithm.md.
    nouns: tuple[str, ...] = ()
    #: An implied target actor code for the block's default code and for its patterns
    #: without a ``target`` of their own (see :attr:`Pattern.target`).
    target: str | None = None
    #: Irregular written forms of the lemmas ("said", "fought"; PETRARCH's ``{SAYS
    #: SAID}``), used only where verbs are matched by their written forms, as PETRARCH
    #: does (``Coder(pattern_scope="petrarch")``, docs/algorithm.md); the regular forms
    #: are derived from the lemmas.
    forms: tuple[str, ...] = ()


@attrs.frozen
class Synset:
    """A named set of words (``&WEAPON``) that patterns can refer to."""

    name: str
    words: tuple[str, ...]
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


# --- discards, issues, event codes ---------------------------------------------------


@attrs.frozen
class DiscardEntry:
    """A phrase that skips the sentence, or the whole story, it appears in."""

    phrase: str
    scope: Literal["sentence", "story"] = "sentence"
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class IssueEntry:
    """A keyword or phrase that tags a sentence with an issue."""

    phrase: str
    issue: str
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class EventCodeDef:
    """A row of a declared event-code table (replaces CAMEO for checking).

    ``negated``: the code a negated verb of this code gives, where the table says so
    (UniversalPetrarch's internal ontology: "did not clash" [110] is 050); used only by
    ``Coder(negation="table")``.
    """

    code: str
    name: str = ""
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)
    negated: str | None = None


@attrs.frozen
class PlaceEntry:
    """A named place (city, province, region, country, ...) and the country it is in.

    A place is not an actor: the coder records it as an event's location and may use
    its country as context. "Damascus said" is still coded through the actor entries
    that list the name (here: the country's), if any.
    """

    name: str
    aliases: tuple[str, ...] = ()
    #: The country the place is in: an actor-code country part (``SYR``).
    country: str | None = None
    #: ``city``, ``town``, ``province``, ``governorate``, ``region``, ``country``, ...
    kind: str | None = None
    notes: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)
    #: The name of an enclosing place (``Douma`` is within ``Eastern Ghouta``).
    within: str | None = None
    sources: tuple[str, ...] = ()


@attrs.frozen
class DictionarySet:
    """Everything the coder needs from dictionaries, after layering."""

    actors: tuple[ActorEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    verbs: tuple[VerbEntry, ...] = ()
    synsets: tuple[Synset, ...] = ()
    discards: tuple[DiscardEntry, ...] = ()
    issues: tuple[IssueEntry, ...] = ()
    #: A declared event-code table; None means the CAMEO ontology.
    event_codes: tuple[EventCodeDef, ...] | None = None
    #: Named places (cities, provinces, regions), after layering.
    places: tuple[PlaceEntry, ...] = ()
    #: Extra 3-character actor-code parts the set declares (an invented test world's
    #: countries, ``ARN``, ``GON``); accepted in actor and agent codes besides CAMEO's.
    actor_code_parts: tuple[str, ...] = ()
