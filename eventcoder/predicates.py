"""Predicates: every verb of a sentence with its source and target arguments.

The argument rules (docs/algorithm.md, "Predicates and arguments"):

- active verbs: the ``nsubj`` is the source; the ``obj`` is the target, then the
  obliques ("with Russia"), then the prepositional phrases of a non-actor object
  ("launched an attack *on* Kurdish fighters");
- passives: the ``nsubj:pass`` is the target and the by-phrase (``obl:agent``) the source;
- conjoined nouns give one argument each ("Russia and China vetoed");
- a conjoined verb with no subject shares its first conjunct's subject, negation and
  auxiliaries; a first conjunct with no object shares the object of a later one;
- ``xcomp`` verbs take the object of their governor as subject if there is one
  ("urged Moscow to respect"), else its subject ("threatened to attack");
- relative clauses and participles (``acl``, ``acl:relcl``) take the noun they modify
  as subject (or, for a past participle, as target);
- an ``advcl`` with no subject ("..., accusing X of ...") takes its governor's subject.

A predicate is *irrealis* (its own default code does not apply) when it is negated, has a
modal auxiliary ("will", "could"), sits under a non-aspectual governor as ``xcomp``
("plans to attack"), under a denial as ``ccomp``, or in an "if" clause.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from eventcoder.model import Sentence, Word
from eventcoder.tree import Tree

__all__ = [
    "ASPECTUAL",
    "Argument",
    "Predicate",
    "Tree",
    "conjuncts",
    "find_predicates",
    "particle_preposition",
]

SUBJECTS = ("nsubj", "csubj")
#: Dependents of the verb that are not part of what follows it ("after" items).
NOT_AFTER = frozenset(
    {"nsubj", "nsubj:pass", "csubj", "csubj:pass", "aux", "aux:pass", "cop", "punct", "cc",
     "conj", "parataxis", "advcl", "mark", "compound:prt", "discourse", "vocative", "dep",
     "reparandum", "list", "orphan", "expl", "expl:pass"}
)
BEFORE_CHILDREN = frozenset({"aux", "aux:pass", "advmod", "mark"})
NEGATORS = frozenset({"not", "n't", "never"})
MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "must", "can",
                    "'ll", "wo", "ca"})
#: Governors whose ``xcomp`` act really happens ("began to shell").
ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "keep", "manage", "go", "stop"})
#: Governors whose ``ccomp`` act is denied, not reported.
DENIALS = frozenset({"deny", "refute", "dismiss", "reject"})
#: Governors whose ``that``-clause asks for an act that has not happened ("demanded that
#: Israel *stop* bombing Lebanon", a mandative subjunctive).
DIRECTIVES = frozenset({"demand", "urge", "ask", "request", "propose", "recommend", "order",
                        "require", "call", "appeal", "plead", "want", "wish"})
#: Governors whose clause is an accusation, not a report of the act.
ACCUSATIONS = frozenset({"accuse", "blame", "charge", "suspect", "allege"})
#: Nouns whose clause reports a claim, not an act ("denied the claim that ...").
CLAIMS = frozenset({"claim", "allegation", "accusation", "rumour", "rumor"})
#: Prepositions that introduce a place or time rather than a target.
PLACE_PREPS = frozenset({"in", "near", "inside", "outside", "across", "throughout", "around",
                         "within", "during", "over", "since", "until", "after", "before",
                         "despite", "amid", "under", "via", "through", "according", "accord",
                         "like", "as", "than", "unlike", "including", "because"})
#: Relations of a word tagged VERB that is no predicate: function words, and nouns a
#: parser mistagged ("rejected U.S. and French *calls*" as an object VERB; UD attaches a
#: clause as ``ccomp``/``xcomp``, never as ``obj``).
NOT_PREDICATES = frozenset({"case", "fixed", "mark", "cc", "obj", "iobj"})
#: Heads of time phrases ("on Thursday", "last week") that are no argument of the verb.
TIME_NOUNS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "day", "days", "week", "weeks", "weekend", "month", "months",
                        "year", "years", "morning", "afternoon", "evening", "night", "today",
                        "yesterday", "tonight", "time", "date"})
#: Case words of attribution phrases, never matched by patterns ("according to").
ATTRIBUTIONS = frozenset({"according", "accord"})
LOCATION_PREPS = frozenset({"in", "near", "at", "inside", "outside", "around"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
#: Quantity heads looked through to their "of" phrase ("hundreds of rebels").
QUANTITIES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                        "million", "millions", "score", "scores", "number", "some", "many",
                        "most", "all", "several", "few", "both", "each", "one", "none",
                        "majority", "group", "members", "member", "part"})


@attrs.frozen
class Argument:
    """An argument phrase: its head word, how it was found and its preposition."""

    head: int
    via: str
    prep: str | None = None


@attrs.frozen(eq=False)  # (equality and hashing below: by the values, lazy ones included)
class Predicate:
    """A verb with its arguments, word sequences for patterns and its modality.

    The arguments (``sources``, ``targets``, ``obliques``, ``passive``) and the word ids
    patterns match in (``after``, ``before``, ``opaque``) are needed only for the
    predicates a pattern is tried on or an event is assembled for: ``find_predicates(...,
    lazy=True)`` leaves them None and each is worked out on first use by the ``parts``
    that found the predicate (the properties below), from the sentence as it was found
    (a predicate evolved with other sources still has the ``before`` of its own).
    """

    verb: int
    lemma: str
    particles: tuple[str, ...]
    relation: str
    negated: bool
    modals: tuple[str, ...]
    governor: int | None
    irrealis: str | None
    location: tuple[int, int, int] | None = None  # (start, end, head) of "in Idlib"
    #: Subjects of the verb's ``ccomp`` clauses ("demanded that *the government* halt").
    clause_subjects: tuple[Argument, ...] = ()
    _sources: tuple[Argument, ...] | None = attrs.field(default=None, kw_only=True)
    _targets: tuple[Argument, ...] | None = attrs.field(default=None, kw_only=True)
    _obliques: tuple[Argument, ...] | None = attrs.field(default=None, kw_only=True)
    _passive: bool | None = attrs.field(default=None, kw_only=True)
    _after: tuple[int, ...] | None = attrs.field(default=None, kw_only=True)
    _before: tuple[int, ...] | None = attrs.field(default=None, kw_only=True)
    _opaque: frozenset[int] | None = attrs.field(default=None, kw_only=True)
    _parts: _Builder | None = attrs.field(default=None, kw_only=True, repr=False)

    @property
    def sources(self) -> tuple[Argument, ...]:
        """Who does the act: subjects, by-agents (and what the verb inherits)."""
        if self._sources is None:
            self._fill_frame()
        return self._sources  # type: ignore[return-value]

    @property
    def targets(self) -> tuple[Argument, ...]:
        """Who the act is done to: objects, passive subjects (and inherited ones)."""
        if self._targets is None:
            self._fill_frame()
        return self._targets  # type: ignore[return-value]

    @property
    def obliques(self) -> tuple[Argument, ...]:
        """The verb's oblique phrases, with their prepositions."""
        if self._obliques is None:
            self._fill_frame()
        return self._obliques  # type: ignore[return-value]

    @property
    def passive(self) -> bool:
        if self._passive is None:
            self._fill_frame()
        return self._passive  # type: ignore[return-value]

    def _fill_frame(self) -> None:
        """Work out the four parts the verb's frame gives at once (whoever asks for one
        of them most often asks for another). A part already given (``attrs.evolve``
        with other sources) is kept."""
        lazy = self._lazy()
        frame = lazy.frame(lazy.sentence.word(self.verb))
        for name, value in (("_sources", frame.sources), ("_targets", frame.targets),
                            ("_obliques", frame.obliques)):
            if getattr(self, name) is None:
                object.__setattr__(self, name, tuple(value))
        if self._passive is None:
            object.__setattr__(self, "_passive", frame.passive)

    @property
    def after(self) -> tuple[int, ...]:
        """Word ids of the verb's phrase after it (the items after ``*`` match there)."""
        if self._after is None:
            object.__setattr__(self, "_after", self._lazy().after(self.verb))
        return self._after  # type: ignore[return-value]

    @property
    def before(self) -> tuple[int, ...]:
        """Word ids before the verb the items before ``*`` match in (subject phrase,
        auxiliaries, adverbs; an ``xcomp``'s governor)."""
        if self._before is None:
            object.__setattr__(self, "_before", self._lazy().before(self.verb))
        return self._before  # type: ignore[return-value]

    @property
    def opaque(self) -> frozenset[int]:
        """Word ids of the verb's reported clauses (no pattern slot binds in them)."""
        if self._opaque is None:
            object.__setattr__(self, "_opaque", self._lazy().opaque(self.verb))
        return self._opaque  # type: ignore[return-value]

    def _lazy(self) -> _Builder:
        if self._parts is None:
            raise ValueError("a Predicate needs its arguments and word ids (or its parts)")
        return self._parts

    def _values(self) -> tuple[object, ...]:
        return (self.verb, self.lemma, self.particles, self.relation, self.sources,
                self.targets, self.obliques, self.passive, self.negated, self.modals,
                self.governor, self.irrealis, self.after, self.before, self.opaque,
                self.location, self.clause_subjects)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())


def conjuncts(sentence: Tree | Sentence, head: int) -> list[int]:
    """The word and the words conjoined to it (``conj`` chains), in order; a name in
    apposition to a name in a list is a conjunct too (parsers read "Mordor, the Shire,
    Arnor and Bree" as Mordor + appos "the Shire" + its conjuncts)."""
    if isinstance(sentence, Tree):  # memoised on the sentence's view
        if not sentence.children(head, "conj") and not sentence.children(head, "appos"):
            return [head]  # the usual case: no conjunct, no apposition (two look-ups)
        key = ("conjuncts", head)
        memo = sentence.memo.get(key)
        if memo is None:
            memo = sentence.memo[key] = _conjuncts(sentence, head)
        return memo  # type: ignore[return-value]
    return _conjuncts(sentence, head)


def _conjuncts(sentence: Tree | Sentence, head: int) -> list[int]:
    found = [head]
    stack = [head]
    while stack:
        node = stack.pop()
        for child in [*sentence.children(node, "conj"), *_listed_appos(sentence, node)]:
            if child.upos not in ("VERB", "AUX") or sentence.word(head).upos in ("VERB", "AUX"):
                found.append(child.id)
                stack.append(child.id)
    return sorted(found)


def _first_conjunct(sentence: Tree, word: Word) -> Word:
    """The first word of the conjunct chain ``word`` belongs to ("The United States and
    20 other *countries* expelled ...": a participle parsed as modifying the last
    conjunct modifies them all)."""
    while word.deprel == "conj" and word.head:
        word = sentence.word(word.head)
    return word


def _listed_appos(sentence: Tree | Sentence, node: int) -> list[Word]:
    """Proper-name appositions of a proper name, when either has conjuncts (a list)."""
    if sentence.word(node).upos != "PROPN":
        return []
    appos = [c for c in sentence.children(node, "appos") if c.upos == "PROPN"]
    if appos and (sentence.children(node, "conj")
                  or any(sentence.children(a, "conj") for a in appos)):
        return appos
    return []


def _expand(sentence: Tree, word: Word, via: str, prep: str | None = None) -> list[Argument]:
    return [Argument(_content(sentence, i), via, prep) for i in conjuncts(sentence, word.id)]


def _content(sentence: Tree, word_id: int) -> int:
    """Look through quantities: "thousands of people" -> "people", "dozens of X" -> X."""
    word = sentence.word(word_id)
    if word.upos != "NUM" and sentence.lemmas[word_id] not in QUANTITIES:
        return word_id  # the usual case
    for _ in range(3):
        if word.upos != "NUM" and sentence.lemmas[word.id] not in QUANTITIES:
            break
        inner = [c for c in sentence.children(word, "nmod") if sentence.case(c) == "of"]
        if not inner:
            break
        word = inner[0]
    return word.id


def _relative(sentence: Tree, verb: Word, word: Word) -> Word:
    """A relative pronoun stands for the noun its clause modifies."""
    if verb.deprel == "acl:relcl" and word.upos == "PRON" and word.lemma.lower() in RELATIVES:
        return sentence.word(verb.head)
    return word


@attrs.define
class _Frame:
    """The arguments of one verb while they are being worked out (local, mutable)."""

    sources: list[Argument] = attrs.Factory(list)
    targets: list[Argument] = attrs.Factory(list)
    obliques: list[Argument] = attrs.Factory(list)
    passive: bool = False
    has_subject: bool = False
    has_object: bool = False


#: Relations of dependents that are no argument of the verb (skipped before the tests of
#: :func:`_own_frame`, which look only at ``nsubj*``, ``obl*``, ``obj`` and ``iobj``).
NOT_ARGUMENTS = frozenset({
    "punct", "det", "aux", "aux:pass", "advmod", "mark", "cc", "conj", "ccomp", "xcomp",
    "advcl", "compound:prt", "parataxis", "amod", "compound", "nmod", "case", "cop", "dep",
    "acl", "acl:relcl", "appos", "nummod", "expl", "discourse", "flat", "fixed", "csubj"})


def _own_frame(sentence: Tree, verb: Word) -> _Frame:
    frame = _Frame()
    frame.passive = bool(sentence.children(verb, "aux:pass")
                         or sentence.children(verb, "nsubj:pass"))
    relative = verb.deprel == "acl:relcl"
    for child in sentence.children(verb):
        rel = child.deprel
        if rel in NOT_ARGUMENTS:
            continue
        child_word = _relative(sentence, verb, child) if relative else child
        if rel == "nsubj:pass":
            frame.targets.extend(_expand(sentence, child_word, "passive subject"))
            frame.has_subject = True
        elif rel.startswith("nsubj"):
            frame.sources.extend(_expand(sentence, child_word, "subject"))
            frame.sources.extend(_claimers(sentence, child_word))
            frame.has_subject = True
        elif rel == "obl:agent" or (
            (frame.passive or verb.deprel == "csubj")  # "Shelling *by X* killed ..."
            and rel.startswith("obl") and sentence.case(child) == "by"
        ):
            frame.sources.extend(_expand(sentence, child, "by-agent", "by"))
        elif rel in ("obj", "iobj"):
            frame.targets.extend(_expand(sentence, child_word, "object"))
            frame.has_object = True
        elif rel.startswith("obl") and rel not in ("obl:tmod", "obl:npmod"):
            frame.obliques.extend(_expand(sentence, child, "oblique", sentence.case(child)))
    if frame.passive and not frame.sources:
        frame.sources.extend(_nominal_agents(sentence, frame.obliques))
    return frame


def _claimers(sentence: Tree, noun: Word) -> list[Argument]:
    """"A car bomb *claimed by the Nusra Front* exploded ...": whoever claimed the weapon
    or attack that is the subject is the actor behind what it did."""
    found = []
    for acl in sentence.children(noun, "acl"):
        if acl.lemma.lower() != "claim" or acl.feat("VerbForm") != "Part":
            continue
        for child in sentence.children(acl, "obl:agent", "obl"):
            if sentence.case(child) == "by":
                found.extend(_expand(sentence, child, "claimed by", "by"))
    return found


def _nominal_agents(sentence: Tree, obliques: list[Argument]) -> list[Argument]:
    """"were killed in an air strike *by X*": the by-phrase of an oblique noun."""
    found = []
    for arg in obliques:
        for child in sentence.children(arg.head, "nmod"):
            if sentence.case(child) == "by":
                noun = sentence.word(arg.head).lemma.lower()
                found.extend(_expand(sentence, child, f"by-phrase of {noun!r}", "by"))
    return found


class _Builder:
    """Works out all predicates of a sentence (memoised frames; local to one call)."""

    def __init__(self, sentence: Tree) -> None:
        self.sentence = sentence
        self.frames: dict[int, _Frame] = {}
        self.moods: dict[int, str | None] = {}
        self.owns: dict[int, _Frame] = {}
        self.modality: dict[int, tuple[bool, tuple[str, ...]]] = {}
        self.pending = _Frame()  # a verb's frame while it is worked out (always empty)

    def irrealis(self, verb: Word) -> str | None:
        """Why the verb's act did not (or not yet) happen, or None (memoised)."""
        if verb.id in self.moods:
            return self.moods[verb.id]
        self.moods[verb.id] = None  # guards against cycles
        if verb.deprel == "conj":
            chain = [_modality(self.sentence, v) for v in _chain(self.sentence, verb)]
            negated = any(negated for negated, _ in chain)
            modals = tuple(m for _, found in chain for m in found)
        else:  # the usual case: the verb alone
            negated, modals = _modality(self.sentence, verb)
        self.modality[verb.id] = (negated, modals)
        own = _own_irrealis(self.sentence, verb)
        mood = None
        if negated:
            mood = "negated"
        elif own is not None and not own.startswith("planned"):
            mood = own  # denied, alleged or conditional: stronger than a modal
        elif modals:
            mood = f"modal {modals[0]!r}"
        else:
            mood = own
        governor = _speaker(self.sentence, verb) or self.sentence.head_of(verb)
        if (mood is None and governor is not None and governor.upos in ("VERB", "AUX")
                and _shares_governor_mood(self.sentence, verb)):
            inherited = self.irrealis(governor)
            if inherited is not None and inherited != "negated":
                mood = inherited
        self.moods[verb.id] = mood
        return mood

    def after(self, verb: int) -> tuple[int, ...]:
        """The verb's ``Predicate.after`` (what follows it in its phrase)."""
        return _after(self.sentence, self.sentence.word(verb))

    def before(self, verb: int) -> tuple[int, ...]:
        """The verb's ``Predicate.before`` (its subjects as found, not as assembled)."""
        word = self.sentence.word(verb)
        return _before(self.sentence, word, self.frame(word).sources)

    def opaque(self, verb: int) -> frozenset[int]:
        """The verb's ``Predicate.opaque`` (its reported clauses)."""
        return _opaque(self.sentence, self.sentence.word(verb))

    def own(self, verb: Word) -> _Frame:
        """The verb's own arguments, before inheritance (memoised; do not change it)."""
        found = self.owns.get(verb.id)
        if found is None:
            found = self.owns[verb.id] = _own_frame(self.sentence, verb)
        return found

    def frame(self, verb: Word) -> _Frame:
        """The verb's arguments, its own and those it inherits (memoised; do not change
        it)."""
        found = self.frames.get(verb.id)
        if found is None:
            self.frames[verb.id] = self.pending  # guards against cycles through conj/xcomp
            own = self.own(verb)
            if self._inherits_nothing(verb, own):
                found = own  # the usual case: nothing to add, no copy to make
            else:
                found = self._inherit(verb, _Frame(
                    list(own.sources), list(own.targets), list(own.obliques), own.passive,
                    own.has_subject, own.has_object))
            self.frames[verb.id] = found
        return found

    def _inherits_nothing(self, verb: Word, own: _Frame) -> bool:
        """True when :meth:`_inherit` would add nothing to the verb's own frame: it has a
        subject (or no governor), and an object or no ``xcomp`` or ``conj`` to take one
        from (each branch of ``_inherit`` needs what this rules out)."""
        if not own.has_subject and verb.head:
            return False
        if own.has_object:
            return True
        sentence = self.sentence
        return not sentence.children(verb, "xcomp") and (
            verb.deprel == "conj" or not sentence.children(verb, "conj"))

    def _inherit(self, verb: Word, frame: _Frame) -> _Frame:
        sentence = self.sentence
        governor = sentence.head_of(verb)
        if not frame.has_subject and governor is not None:
            self._subject_from_governor(verb, governor, frame)
        if not frame.has_object and not _substantive(sentence, frame.obliques):
            for clause in sentence.children(verb, "xcomp"):
                frame.targets.extend(
                    Argument(a.head, f"object of {clause.lemma.lower()!r}")
                    for a in self.own(clause).targets
                    if a.via == "object"
                )
        if not frame.has_object and verb.deprel != "conj":
            for later in sentence.children(verb, "conj"):
                if later.upos == "VERB" and not sentence.children(later, "nsubj", "nsubj:pass"):
                    frame.targets.extend(
                        a for a in self.own(later).targets if a.via == "object"
                    )
        return frame

    def _subject_from_governor(self, verb: Word, governor: Word, frame: _Frame) -> None:
        sentence = self.sentence
        rel = verb.deprel
        governor = _speaker(sentence, verb) or governor
        if rel == "conj" and governor.upos in ("VERB", "AUX"):
            parent = self.frame(governor)
            frame.sources.extend(a for a in parent.sources)
            if parent.passive and not frame.has_object:
                frame.targets.extend(a for a in parent.targets if a.via == "passive subject")
            frame.passive = frame.passive or parent.passive
        elif rel == "csubj" and not frame.has_object:  # "Shelling by X killed *Y*"
            frame.targets.extend(Argument(a.head, f"object of {governor.lemma.lower()!r}")
                                 for a in self.own(governor).targets if a.via == "object")
        elif rel == "xcomp":  # "urged Moscow to respect", "Moscow was urged to respect"
            parent = self.frame(governor)
            objects = [a for a in parent.targets if a.via in ("object", "passive subject")]
            chosen = objects or parent.sources
            frame.sources.extend(Argument(a.head, "controller", None) for a in chosen)
        elif rel in ("acl", "acl:relcl"):
            modified = _first_conjunct(sentence, governor) if rel == "acl" else governor
            noun = _expand(sentence, modified, "modified noun")
            if (rel == "acl" and verb.feat("VerbForm") == "Part" and verb.feat("Tense") == "Past"
                    and not sentence.children(verb, "obj")):  # "X and Y expelled diplomats"
                frame.targets.extend(noun)
                frame.passive = True
                frame.targets.extend(self._parties(governor) if frame.sources else ())
            else:
                frame.sources.extend(noun)
        elif rel == "advcl" and governor.upos in ("VERB", "AUX"):
            parent = self.frame(governor)
            objects = [a for a in parent.targets if a.via == "object"]
            if objects and sentence.case(verb) in ("of", "for"):
                frame.sources.extend(Argument(a.head, "controller") for a in objects)
            else:
                frame.sources.extend(Argument(a.head, "governor's subject") for a in
                                     parent.sources)


    def _parties(self, noun: Word) -> list[Argument]:
        """"agreed ... in *a deal* brokered by China": a bare event noun in a phrase of a
        verb stands for that verb's act, so the subjects of the verb are the parties the
        participle's by-agent acted on (China 045 the parties of the deal)."""
        sentence = self.sentence
        governor = sentence.head_of(noun)
        if (noun.upos != "NOUN" or not noun.deprel.startswith("obl") or governor is None
                or governor.upos != "VERB"
                or sentence.children(noun, "amod", "compound", "nmod:poss", "flat")):
            return []
        return [Argument(a.head, f"party to {noun.lemma.lower()!r}")
                for a in self.frame(governor).sources]


def _speaker(sentence: Tree, verb: Word) -> Word | None:
    """The main verb a participial accusation hangs from when the parser attached it
    inside a reported or demanded clause: in "Ukraine demanded that Russian troops
    withdraw ..., *accusing* them of ..." the accuser is Ukraine, not the troops (an
    accusation after a reported clause is the reporter's, gold/README "Clauses")."""
    if (verb.deprel != "advcl" or verb.lemma.lower() not in ACCUSATIONS
            or verb.feat("VerbForm") not in ("Ger", "Part") or verb.feat("Tense") == "Past"
            or sentence.children(verb, "nsubj", "nsubj:pass", "mark")):
        return None
    governor = sentence.head_of(verb)
    if governor is None or governor.deprel != "ccomp":
        return None
    above = sentence.head_of(governor)
    if above is None or above.upos not in ("VERB", "AUX"):
        return None
    return above


def _substantive(sentence: Tree, obliques: list[Argument]) -> bool:
    """True when an oblique is more than a phrase of place or time ("agreed *on
    Thursday* to suspend ..." still takes the complement's object)."""
    return any(a.prep not in PLACE_PREPS
               and sentence.word(a.head).text.lower() not in TIME_NOUNS for a in obliques)


#: Relations (with their subtypes) of the dependents that negate a verb or make it modal.
_MODALITY = ("advmod", "neg", "aux")


def _modality(sentence: Tree, verb: Word) -> tuple[bool, tuple[str, ...]]:
    """Whether the verb itself is negated (an ``advmod``, ``neg`` or ``aux`` negator),
    and its modal auxiliaries in order. Looks only at the dependents with those
    relations (most verbs have few or none: no pass over all its dependents)."""
    lemmas = sentence.lemmas
    auxiliaries = sentence.children(verb, "aux")  # (with "aux:pass", in order)
    modals = tuple([lemmas[c.id] for c in auxiliaries if lemmas[c.id] in MODALS])
    for relation in _MODALITY:
        for child in auxiliaries if relation == "aux" else sentence.children(verb, relation):
            if lemmas[child.id] in NEGATORS or (
                    "Polarity=Neg" in (child.feats or "") and child.feat("Polarity") == "Neg"):
                return True, modals
    return False, modals


def _chain(sentence: Tree, verb: Word) -> Iterator[Word]:
    """The verb, then the verbs it shares negation and modality with (conj heads)."""
    node: Word | None = verb
    while node is not None:
        yield node
        if node.deprel != "conj" or sentence.children(node, "nsubj", "nsubj:pass"):
            return
        node = sentence.head_of(node)


def _own_irrealis(sentence: Tree, verb: Word) -> str | None:
    """Why the verb's own position makes its act unreal (None: it does not)."""
    rel = verb.deprel
    governor = sentence.head_of(verb)
    if governor is None or rel not in _CLAUSES:
        return None  # (only the clause relations below make an act unreal)
    above = governor.lemma.lower()
    if rel == "xcomp" and above not in ASPECTUAL:
        return f"planned or intended act (under {above!r})"
    if rel in ("ccomp", "acl") and (above in DENIALS or above in CLAIMS):
        return f"denied or claimed act (under {above!r})"
    if above in ACCUSATIONS and rel in ("ccomp", "advcl", "acl", "xcomp"):
        return f"alleged act (under {above!r})"
    accuser = sentence.head_of(governor)
    if rel == "acl" and governor.deprel == "obj" and accuser is not None \
            and accuser.lemma.lower() in ACCUSATIONS:  # "accused the regime [of shelling]"
        return f"alleged act (under {accuser.lemma.lower()!r})"
    if rel == "ccomp" and above in DIRECTIVES:
        return f"requested act (under {above!r})"
    if rel == "advcl" and any(c.lemma.lower() in ("if", "unless")
                              for c in sentence.children(verb, "mark")):
        return "conditional clause"
    return None


#: The relations of clauses :func:`_own_irrealis` looks at.
_CLAUSES = frozenset({"xcomp", "ccomp", "acl", "advcl"})


def _shares_governor_mood(sentence: Tree, verb: Word) -> bool:
    """A clause without its own subject that inherits its governor's irrealis:
    "agreed to suspend ... *to allow*", "claimed jets struck and *killed*"."""
    if verb.deprel == "xcomp":
        return True
    if verb.deprel not in ("advcl", "conj"):
        return False
    return not sentence.children(verb, "nsubj", "nsubj:pass")


def _after(sentence: Tree, verb: Word) -> tuple[int, ...]:
    ids: list[int] = []
    attributions = _has_attributions(sentence)
    for child in sentence.children(verb):
        rel = child.deprel
        if attributions and sentence.case(child) in ATTRIBUTIONS:
            continue  # "according to activists" is not part of the act
        if rel in NOT_AFTER:  # (cheap test first: most dependents are not "after" items)
            if rel == "advcl" and _infinitive_advcl(sentence, verb, child):
                ids.extend(sentence.subtree_ids(child))
            elif rel == "compound:prt" and particle_preposition(sentence, child):
                ids.append(child.id)  # "clash over the efforts": spaCy's particle "over"
        else:
            ids.extend(sentence.subtree_ids(child))
    ids.sort()
    return tuple(ids)


def _has_attributions(tree: Tree) -> bool:
    """Whether a word of the sentence has the lemma of an attribution's case word (when
    none has, no phrase is an attribution: its case word need not be looked up)."""
    found = tree.memo.get("attributions")
    if found is None:
        found = tree.memo["attributions"] = not ATTRIBUTIONS.isdisjoint(tree.lemmas)
    return found  # type: ignore[return-value]


def _infinitive_advcl(sentence: Tree, verb: Word, child: Word) -> bool:
    """"vowed on Thursday *to wage war*": an infinitive a parser made an ``advcl`` (no
    subject of its own, after a verb with no ``xcomp`` and no object) is the verb's
    complement. After an object ("signed an accord ... to supply") it is read as the
    object's modifier, not part of the verb's phrase."""
    return (child.deprel == "advcl" and child.id > verb.id
            and child.feat("VerbForm") == "Inf"
            and any(m.lemma.lower() == "to" for m in sentence.children(child, "mark"))
            and not sentence.children(child, "nsubj", "nsubj:pass")
            and not sentence.children(verb, "xcomp", "obj", "ccomp"))


def particle_preposition(sentence: Tree | Sentence, word: Word) -> Word | None:
    """The object a particle that is a preposition introduces ("clashed *over* the
    efforts", parsed as particle + object), or None."""
    if word.deprel != "compound:prt" or word.upos != "ADP":
        return None
    return next((c for c in sentence.children(word.head, "obj") if c.id > word.id), None)


def _before(sentence: Tree, verb: Word, sources: list[Argument]) -> tuple[int, ...]:
    ids: set[int] = set()
    for arg in sources:
        if arg.head < verb.id:
            ids.update(i for i in sentence.subtree_ids(arg.head) if i < verb.id)
    for child in sentence.children(verb):
        if child.id > verb.id:
            break  # (dependents are in sentence order)
        if child.deprel in BEFORE_CHILDREN:
            ids.update(sentence.subtree_ids(child))
    governor = sentence.head_of(verb)
    if verb.deprel == "xcomp" and governor is not None:
        ids.add(governor.id)
        ids.update(c.id for c in sentence.children(governor, "aux", "advmod") if c.id < verb.id)
        ids.update(c.id for c in sentence.children(verb, "mark"))
    return tuple(sorted(ids))


def _complement_governor(sentence: Tree, verb: Word) -> int | None:
    """The verb an infinitive complements: its ``xcomp`` head, or the verb whose object
    an infinitival ``acl`` modifies (UDPipe's reading of "urged Eriador *to respond*")."""
    governor = sentence.head_of(verb)
    if governor is None:
        return None
    if verb.deprel == "xcomp":
        return governor.id
    if (verb.deprel == "acl" and verb.feat("VerbForm") == "Inf"
            and governor.deprel in ("obj", "iobj")
            and any(m.lemma.lower() == "to" for m in sentence.children(verb, "mark"))):
        above = sentence.head_of(governor)
        return above.id if above is not None and above.upos in ("VERB", "AUX") else None
    return None


#: Personal pronouns that, as the subject of an adjective clause of a saying verb, speak
#: of the speaker's own state ("said *he* was hopeful that ...").
SPEAKERS = frozenset({"i", "we", "he", "she", "they"})


def _opaque(sentence: Tree, verb: Word) -> frozenset[int]:
    """The words of the verb's reported clauses (no pattern slot binds in them), except
    a clause stating the speaker's own attitude: an adjective with a personal pronoun
    subject ("said *he was hopeful* that relations with Russia ...")."""
    if not sentence.children(verb, "ccomp") and not sentence.children(verb, "csubj"):
        return frozenset()  # the usual case (two look-ups, no list built)
    ids: set[int] = set()
    for child in sentence.children(verb, "ccomp", "csubj"):
        if child.upos == "ADJ" and any(
                s.lemma.lower() in SPEAKERS or s.text.lower() in SPEAKERS
                for s in sentence.children(child, "nsubj")):
            continue
        ids.update(sentence.subtree_ids(child))
    return frozenset(ids)


def _location(sentence: Tree, verb: Word) -> tuple[int, int, int] | None:
    for child in sentence.children(verb, "obl"):
        if child.upos == "PROPN" and sentence.case(child) in LOCATION_PREPS:
            span = sentence.subtree_ids(child)
            return span[0], span[-1], child.id
    return None


def find_predicates(sentence: Sentence | Tree, *, lazy: bool = False) -> list[Predicate]:
    """Every verb of the sentence as a :class:`Predicate`, in sentence order.
    ``lazy``: leave the arguments (``sources``, ``targets``, ``obliques``, ``passive``)
    and ``after``, ``before`` and ``opaque`` to be worked out on first use (the coder
    does, except when explaining); the predicates are equal either way."""
    if not isinstance(sentence, Tree):
        sentence = Tree(sentence)
    builder = _Builder(sentence)
    found = []
    for word in sentence.words:
        if word.upos == "VERB" and word.deprel not in NOT_PREDICATES:
            found.append(_predicate(sentence, builder, word, lazy))
    return found


def _predicate(sentence: Tree, builder: _Builder, verb: Word, lazy: bool) -> Predicate:
    particles = sentence.children(verb, "compound:prt")
    irrealis = builder.irrealis(verb)
    negated, modals = builder.modality.get(verb.id, (False, ()))
    predicate = Predicate(
        verb=verb.id,
        lemma=verb.lemma.lower(),
        particles=tuple([c.lemma.lower() for c in particles]) if particles else (),
        relation=verb.deprel,
        negated=negated,
        modals=modals,
        governor=_complement_governor(sentence, verb),
        irrealis=irrealis,
        location=_location(sentence, verb),
        clause_subjects=_clause_subjects(sentence, verb),
        parts=builder,
    )
    if lazy:
        return predicate
    frame = builder.frame(verb)
    return attrs.evolve(  # every part worked out, with no reference back to the builder
        predicate, sources=tuple(frame.sources), targets=tuple(frame.targets),
        obliques=tuple(frame.obliques), passive=frame.passive, after=predicate.after,
        before=predicate.before, opaque=predicate.opaque, parts=None)


def _clause_subjects(sentence: Tree, verb: Word) -> tuple[Argument, ...]:
    clauses = sentence.children(verb, "ccomp")
    if not clauses:
        return ()
    return tuple(Argument(i, "subject of its clause")
                 for clause in clauses
                 for subject in sentence.children(clause, "nsubj", "nsubj:pass")
                 for i in conjuncts(sentence, subject.id))
