"""Events from pattern matches: pick source and target actors, apply codes, collapse
duplicates.

For each predicate whose verb gave a code:

- the source is the actor bound by ``$`` in the pattern, else the predicate's sources;
- the target is the actor bound by ``+``, else the first of:

  1. coded objects;
  2. actors in the prepositional phrases of the object: for a light verb (no default
     code of its own: "launch", "carry out", "hold") any of :data:`TARGET_PREPS` ("an
     attack *on* X"); for other verbs :data:`PARTNER_PREPS` ("a deal *with* X", "cut
     aid *to* X"); and "of" when the object is no actor ("positions *of* the SDF");
  3. actors in the verb's obliques, except place and time phrases;
  4. the subject of the verb's ``that``-clause ("demanded that *the government*
     halt"), unless the verb is a statement (root 01); for a threat (13x) whose clause
     names only the threatener, the subject of an *if* / *unless* clause ("warned that
     it would retaliate *if Washington* ...");
  5. the target the dictionary implies for the chosen code (``target:`` of the pattern
     or its block: "Russia vetoed the resolution" gives RUS 129 IGOUNO);

- conjoined actors give one event per source x target pair;
- a paired code ``042:043`` also gives the target -> source event; with conjoined
  sources and no target ("Russia and Turkey met") each source acts on each other one
  with the forward code;
- an event needs a source, a target and a code unless incomplete events are asked for;
  an event is dropped when source and target are the same actor or state (SYR and
  SYRGOV), or when one is coded through a pronoun referring to the other ("its");
- an ``xcomp`` verb ("to attack" in "threatened to attack") gives no event of its own
  when its governor gave one;
- identical events (same source code, target code and code) in a sentence collapse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from eventcoder.actors import Mention, SentenceActors, mentions, refers_back
from eventcoder.dictionaries.patterns import walk_items
from eventcoder.dictionaries.schema import Slot
from eventcoder.events import ActorRef, Event, Location
from eventcoder.model import Sentence, Word
from eventcoder.patterns import VerbMatch, is_block
from eventcoder.petrarch_conventions import (
    first_in_phrase,
    infinitive_objects,
    mixed_subjects,
    modified_objects,
    nested_object_control,
    raising,
    relative_subject,
    subject_phrase_actors,
    subordinate_gerund,
)
from eventcoder.predicates import PLACE_PREPS, Argument, Predicate, conjuncts
from eventcoder.tree import Tree, as_tree

__all__ = ["Candidate", "Outcome", "Settings", "assemble", "choose_actors", "same_state"]

#: Clauses of a verb that are not part of its own phrase when looking for a source.
CLAUSES = ("xcomp", "ccomp", "csubj", "advcl")
#: Prepositions of an object's phrase that can hold the target of a light-verb event.
TARGET_PREPS = frozenset({"on", "against", "with", "to", "at", "for", "toward", "towards",
                          "into", "upon", "from", "by", "between"})
#: ... and of any verb's object ("reached a deal *with* X", "a deal *between* X and Y").
PARTNER_PREPS = frozenset({"with", "against", "between", "to"})
#: ... and of the object of a verb's infinitive complement ("agreed to impose an embargo
#: *on* X", "threatened to launch an offensive *against* X").
COMPLEMENT_PREPS = frozenset({"on", "upon", "against", "with", "to", "at", "into", "toward",
                              "towards", "between"})


@attrs.frozen
class Candidate:
    """A source-code-target triple before it becomes an Event."""

    source: Mention | None
    target: Mention | None
    code: str
    source_code: str | None
    target_code: str | None
    reverse: bool = False


@attrs.frozen
class Outcome:
    """What one predicate produced, and why not when it produced nothing."""

    predicate: Predicate
    match: VerbMatch | None
    events: tuple[Event, ...]
    reason: str | None
    sources: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()


def _default(match: VerbMatch) -> str:
    return (match.entry.code or "") if match.entry is not None else ""


def _object_phrases(sentence: Tree, actors: SentenceActors, args: Sequence[Argument],
                    preps: frozenset[str]) -> list[Mention]:
    heads = []
    for arg in args:
        # the verb's object, or its infinitive complement's ("threatened to cut ties *with*
        # X", "agreed to impose an embargo *on* X")
        if arg.via != "object" and not arg.via.startswith("object of "):
            continue
        # the complement's verb names the act, as a light verb's object does
        allowed = preps if arg.via == "object" else preps | COMPLEMENT_PREPS
        for child in sentence.children(arg.head, "nmod"):
            case = [c.lemma.lower() for c in sentence.children(child, "case")]
            if case and case[0] in allowed and (case[0] != "of" or _coded(actors, child.id)):
                heads.extend(conjuncts(sentence, child.id))
            elif case and case[0] == "of" and not _coded(actors, child.id):
                heads.extend(_partner_nmods(sentence, child.id, preps))  # "a round of talks
                # *between* X and Y"
    return [m for m in mentions(actors, heads) if m.codes]


def _coded(actors: SentenceActors, head: int) -> bool:
    mention = actors.by_head.get(head)
    return mention is not None and bool(mention.codes)


def _partner_nmods(sentence: Tree, noun: int, preps: frozenset[str]) -> list[int]:
    """The heads of a noun's phrases introduced by one of ``preps`` (and their conjuncts)."""
    heads: list[int] = []
    for child in sentence.children(noun, "nmod"):
        case = [c.lemma.lower() for c in sentence.children(child, "case")]
        if case and case[0] in preps and case[0] != "of":
            heads.extend(conjuncts(sentence, child.id))
        if case and case[0] == "between":
            heads.extend(_between_parties(sentence, child))
    return heads


def _between_parties(sentence: Tree, phrase: Word) -> list[int]:
    """Every word of a *between* phrase outside its own prepositional phrases: the parties
    of "talks between the Syrian government and rebel groups" even when the parser hung
    one party under the other (spaCy: "government" an ``nmod`` of "groups")."""
    found: list[int] = []
    stack = [phrase]
    while stack:
        word = stack.pop()
        found.append(word.id)
        stack.extend(c for c in sentence.children(word)
                     if not sentence.children(c, "case") and c.deprel not in ("acl", "acl:relcl"))
    return found


def choose_actors(
    sentence: Sentence | Tree, predicate: Predicate, match: VerbMatch, actors: SentenceActors,
    targets_policy: str = "strict", *, open_clause: bool = False,
) -> tuple[list[Mention], list[Mention]]:
    """Source and target mentions of a matched predicate (see the module docstring).

    With ``targets_policy="phrase"`` (PETRARCH's convention) a predicate that has no
    target by these rules takes the first coded actor of its phrase (the words of its
    non-subject dependents, place phrases and reported clauses included) and that
    actor's conjuncts; a passive one with no source (no by-phrase) takes its source so.
    A statement (010) looks inside its reported clause only with ``open_clause`` (the
    clause gave no event of its own: "noted that Cirith Ungol regretted ...").
    """
    sentence = as_tree(sentence)
    sources, targets = _choose_actors(sentence, predicate, match, actors)
    if (targets_policy == "phrase" and not predicate.passive and match.source is None
            and any(m.codes for m in sources)):
        sources = mixed_subjects(sentence, predicate, actors, sources)
    if targets_policy == "phrase" and match.target is None:
        targets = modified_objects(sentence, predicate, actors, targets)
    if targets_policy == "phrase" and not any(m.codes for m in targets):
        # "X said Y attacked Z": Y is never the target of the saying
        said = _said(match) and not open_clause
        first = first_in_phrase(sentence, predicate, actors, sources, said)
        if first:  # its source may still be the first actor of its subject's phrase
            if not predicate.passive and match.source is None and not any(
                    m.codes for m in sources):
                sources = subject_phrase_actors(sentence, predicate, actors, first) or sources
            return sources, first
    if (targets_policy == "phrase" and not predicate.passive and match.source is None
            and not any(m.codes for m in sources)):
        # "Resumption of ties between Arnor and Gondor may spur ...": ARN, GON
        subject = subject_phrase_actors(sentence, predicate, actors, targets)
        if subject:
            return subject, targets
    if (targets_policy == "phrase" and predicate.passive and not any(m.codes for m in sources)
            and not raising(sentence, predicate)):
        # "The Philippines was criticized over its dispute with Eriador": ERI 111 PHL
        clauses = frozenset(w.id for c in sentence.children(predicate.verb, *CLAUSES)
                            for w in sentence.subtree(c))  # not "was seen to break into X"
        first = first_in_phrase(sentence, predicate, actors, targets, skip=clauses)
        if first:
            return first, targets
    return sources, targets


def _said(match: VerbMatch) -> bool:
    return match.code == "010" or _default(match) == "010"


def _either_code(match: VerbMatch, prefix: str) -> bool:
    """The matched code or the verb's default code starts with ``prefix``."""
    return (match.code or "").startswith(prefix) or _default(match).startswith(prefix)


def _choose_actors(
    sentence: Tree, predicate: Predicate, match: VerbMatch, actors: SentenceActors
) -> tuple[list[Mention], list[Mention]]:
    if match.source is not None:
        sources = mentions(actors, conjuncts(sentence, match.source))
    else:
        sources = mentions(actors, (a.head for a in predicate.sources))
    if match.target is not None:
        return sources, mentions(actors, conjuncts(sentence, match.target))
    objects = mentions(actors, [a.head for a in predicate.targets])
    # an object that is the source's own ("withdrew *its* troops from Syria") is no target
    coded = [m for m in objects if m.codes and not any(refers_back(m, s) for s in sources)]
    if coded:
        return sources, coded
    preps = TARGET_PREPS if match.light else PARTNER_PREPS
    if not objects:
        preps = preps | {"of"}  # "struck positions *of* the SDF"
    through_object = _object_phrases(sentence, actors, predicate.targets, preps)
    if through_object:
        return sources, through_object
    if _aimed_at_owner(match):
        owners = _owners(sentence, actors, predicate.targets, sources)
        if owners:
            return sources, owners
    obliques = (a.head for a in predicate.obliques if a.prep not in PLACE_PREPS)
    targets = [m for m in mentions(actors, obliques) if m.codes]
    if targets:
        return sources, targets
    code = match.code or _default(match)
    if code == "192":  # a capture, not any attack
        retreating = [m for m in mentions(actors, _retreating(sentence, predicate.verb))
                      if m.codes and not any(m is s or refers_back(m, s) for s in sources)]
        if retreating:
            return sources, retreating
    if code.startswith("15"):  # a show of force answers X
        provokers = [m for m in mentions(actors, _provokers(sentence, predicate.verb))
                     if m.codes and not _own_side(m, sources)]
        if provokers:
            return sources, provokers
    if not _either_code(match, "01"):  # saying verbs never target the subject of what is said
        clause = [m for m in mentions(actors, (a.head for a in predicate.clause_subjects))
                  if m.codes]
        if _threat(match) and all(_own_side(m, sources) for m in clause):
            clause = _condition_subjects(sentence, predicate, actors, sources) or clause
        if clause:
            return sources, clause
    return sources, objects


#: Lemmas of a retreat ("pulled out", "withdrew", "fled").
RETREATS = frozenset({"withdraw", "retreat", "pull", "flee", "evacuate"})


def _retreating(sentence: Tree, verb: int) -> list[int]:
    """Who retreated in a clause of a capture (192) that names no coded target: "seized
    Palmyra *after government troops pulled out*", "swept into Aleppo, *forcing
    government troops to withdraw*": the place was taken from them (gold d-012)."""
    heads: list[int] = []
    for clause in sentence.children(verb, "advcl"):
        if clause.lemma.lower() in RETREATS:
            for subject in sentence.children(clause.id, "nsubj"):
                heads.extend(conjuncts(sentence, subject.id))
        elif any(c.lemma.lower() in RETREATS for c in sentence.children(clause.id, "xcomp")):
            for obj in sentence.children(clause.id, "obj"):  # "forcing X to withdraw"
                heads.extend(conjuncts(sentence, obj.id))
    return heads


#: Marks of an adverbial clause that gives the occasion of an act.
OCCASIONS = frozenset({"after", "because", "as", "when", "since"})


def _provokers(sentence: Tree, verb: int) -> list[int]:
    """The subjects of an occasion clause of a show of force (15x) with no target: "South
    Korea raised its military alert level *after North Korea fired* artillery shells"
    is aimed at North Korea."""
    heads: list[int] = []
    for clause in sentence.children(verb, "advcl"):
        if {c.lemma.lower() for c in sentence.children(clause.id, "mark")} & OCCASIONS:
            for subject in sentence.children(clause.id, "nsubj"):
                heads.extend(conjuncts(sentence, subject.id))
    return heads


def _retreats_from_captors(sentence: Tree, outcomes: list[Outcome],
                           actors: SentenceActors, settings: Settings) -> list[Outcome]:
    """"Islamic State fighters seized Palmyra *after government troops pulled out*": a
    retreat (087x) with no target in a clause of a capture (192) is a retreat from the
    captors (gold d-012: "target recoverable from the sentence"). Forcing someone to
    withdraw in a clause of a capture, and that withdrawal, are part of the capture's
    event.
    """
    out = list(outcomes)
    for capture in outcomes:
        match = capture.match
        if match is None or match.code != "192" or not capture.events:
            continue
        clauses = {c.id for c in sentence.children(capture.predicate.verb, "advcl")
                   if c.lemma.lower() in RETREATS}
        forcing = {i for c in sentence.children(capture.predicate.verb, "advcl")
                   for x in sentence.children(c.id, "xcomp") if x.lemma.lower() in RETREATS
                   for i in (c.id, x.id)}
        for index, other in enumerate(out):  # "swept into X, *forcing* troops to withdraw"
            if other.predicate.verb in forcing and other.events:
                out[index] = attrs.evolve(other, events=(),
                                          reason="part of the capture's event")
        for index, retreat in enumerate(out):
            if (retreat.match is None or retreat.predicate.verb not in clauses
                    or retreat.events or retreat.reason != "no target"):
                continue
            code = retreat.match.code or _default(retreat.match)
            if not code.startswith("087"):
                continue
            candidates = _pairs(code, None, retreat.sources, capture.sources, False)
            events = tuple(_event(sentence, retreat.predicate, retreat.match, cand, actors,
                                  settings) for cand in candidates if _keep(cand, settings) is None)
            if events:
                out[index] = attrs.evolve(retreat, events=events, reason=None,
                                          targets=tuple(capture.sources))
    return out


def _aimed_at_owner(match: VerbMatch) -> bool:
    """A rejection (12x) or a denial (016), aimed at whoever made the rejected thing, or
    a seizure or destruction of property (171x), aimed at its owner."""
    code = match.code or _default(match)
    return bool(code) and (code.startswith(("12", "171")) or code == "016")


#: Relations of an object's modifiers that name its owner ("U.S. and French calls",
#: "Russia's offer", "calls by X"; spaCy tags a mistagged noun's owner ``nsubj``).
_OWNER_RELS = ("nmod:poss", "amod", "compound", "nsubj")


def _owners(sentence: Tree, actors: SentenceActors, args: Sequence[Argument],
            sources: Sequence[Mention]) -> list[Mention]:
    """The coded owners of a rejected, denied, seized or destroyed object that is no actor
    itself: "Assad rejected *U.S. and French* calls" is aimed at both (one event each),
    "dismissed *Russia's* offer" and "rejected calls *by* X" at their authors,
    "demolished shelters *built by* Syrian refugees" at the refugees."""
    heads: list[int] = []
    for arg in args:
        if arg.via != "object" or _coded(actors, arg.head):
            continue
        for child in sentence.children(arg.head, *_OWNER_RELS):
            heads.extend(conjuncts(sentence, child.id))
        for child in sentence.children(arg.head, "nmod"):
            if [c.lemma.lower() for c in sentence.children(child, "case")][:1] == ["by"]:
                heads.extend(conjuncts(sentence, child.id))
        for acl in sentence.children(arg.head, "acl"):  # "shelters *built by* refugees"
            if acl.feat("VerbForm") == "Part" and acl.feat("Tense") == "Past":
                for agent in sentence.children(acl.id, "obl:agent", "obl"):
                    if [c.lemma.lower() for c in sentence.children(agent, "case")][:1] == ["by"]:
                        heads.extend(conjuncts(sentence, agent.id))
    return [m for m in mentions(actors, heads)
            if m.codes and not any(m is s or refers_back(m, s) for s in sources)]


def _threat(match: VerbMatch) -> bool:
    return _either_code(match, "13")


def _own_side(mention: Mention, sources: Sequence[Mention]) -> bool:
    """The mention is one of the sources, or their own state, or a pronoun for them."""
    return any(mention is s or refers_back(mention, s) or set(mention.codes) & set(s.codes)
               or any(same_state(a, b) for a in mention.codes for b in s.codes)
               for s in sources)


def _condition_subjects(sentence: Tree, predicate: Predicate, actors: SentenceActors,
                        sources: Sequence[Mention]) -> list[Mention]:
    """"China warned that it would take countermeasures *if the United States* went
    ahead": a threat whose own clause names only the threatener is aimed at the subject
    of its condition (an *if* / *unless* clause of the verb or of its reported clause)."""
    for clause in sentence.children(predicate.verb, "ccomp"):
        objects = mentions(actors, (o.id for o in sentence.children(clause, "obj")))
        if any(m.codes for m in objects):
            return []  # "would strike Iranian forces if ...": the clause names the target
    heads: list[int] = []
    for word in sentence.words:
        if (word.deprel == "advcl" and (word.head == predicate.verb or word.id in predicate.opaque)
                and {c.lemma.lower() for c in sentence.children(word, "mark")} & {"if", "unless"}):
            for subject in sentence.children(word, "nsubj", "nsubj:pass"):
                heads.extend(conjuncts(sentence, subject.id))
    return [m for m in mentions(actors, heads) if m.codes and not _own_side(m, sources)]


def _pairs(code: str | None, reverse: str | None, sources: Sequence[Mention],
           targets: Sequence[Mention | None], incomplete: bool) -> list[Candidate]:
    out = []
    src: Sequence[Mention | None] = sources or ([None] if incomplete else [])
    tgt: Sequence[Mention | None] = targets or ([None] if incomplete else [])
    for s in src:
        for t in tgt:
            for s_code in (s.codes or ("",)) if s else (None,):
                for t_code in (t.codes or ("",)) if t else (None,):
                    if code:
                        out.append(Candidate(s, t, code, s_code, t_code))
                    if reverse:
                        out.append(Candidate(t, s, reverse, t_code, s_code, True))
    return out


def _reciprocal(code: str, sources: Sequence[Mention]) -> list[Candidate]:
    """"X and Y met": with a paired code and no target, each conjoined source acts on
    each other one ("Russian and Turkish troops conducted a joint patrol": the two codes
    of one phrase act on each other too)."""
    coded = [(m, c) for m in sources for c in m.codes or ("",)]
    return [Candidate(s, t, code, s_code, t_code)
            for s, s_code in coded for t, t_code in coded
            if (s is not t or s_code != t_code) and s_code != t_code]


def _ref(mention: Mention | None, code: str | None) -> ActorRef | None:
    if mention is None or code is None:
        return None
    return ActorRef(code, mention.text, mention.start, mention.end, mention.entry)


def _location(sentence: Tree, predicate: Predicate, actors: SentenceActors
              ) -> Location | None:
    if predicate.location is None:
        return None
    start, end, head = predicate.location
    mention = actors.by_head.get(head)
    country = mention.country if mention is not None else None
    return Location(sentence.span_text(start, end), start, end, country)


@attrs.frozen
class Settings:
    """Per-document settings for building events."""

    doc_id: str
    date: dt.date | None
    ontology: object
    quad_scheme: str
    incomplete: bool
    uncoded: bool
    issues: tuple[str, ...]
    #: Where a target may come from: "strict" (the rules above) or "phrase" (also the
    #: first coded actor of the verb's phrase, PETRARCH's convention).
    targets: str = "strict"
    #: PETRARCH's verb phrase: an infinitive complement's pattern codes its governor's
    #: phrase when the governor's own match has no items after ``*``; a subordinate
    #: clause with no subject of its own ("after leaving Eriador") has no source.
    petrarch_phrase: bool = False


def _provenance(match: VerbMatch) -> str | None:
    """Where the code came from: the pattern's ``file:line``, else (the verb's default
    code) the verb entry's ``file:line``; the pattern text when no origin is known."""
    if match.pattern is not None:
        origin = match.pattern.origin
        return str(origin) if origin is not None else match.pattern.text
    if match.entry is not None and match.entry.origin is not None:
        return str(match.entry.origin)
    return None


def _event(sentence: Tree, predicate: Predicate, match: VerbMatch, cand: Candidate,
           actors: SentenceActors, settings: Settings) -> Event:
    ontology = settings.ontology
    entry = ontology.get(cand.code)  # type: ignore[attr-defined]
    return Event(
        doc_id=settings.doc_id,
        sentence=sentence.index,
        date=settings.date,
        source=_ref(cand.source, cand.source_code),
        target=_ref(cand.target, cand.target_code),
        code=cand.code,
        root=entry.root if entry else cand.code[:2],
        quad_class=ontology.quad_class(cand.code, settings.quad_scheme)  # type: ignore[attr-defined]
        if entry else None,
        goldstein=entry.goldstein if entry else None,
        plover=entry.plover if entry else None,
        verb=match.verb_text,
        pattern=_provenance(match),
        negated=predicate.negated,
        location=_location(sentence, predicate, actors),
        text=sentence.text,
        issues=settings.issues,
    )


def _keep(cand: Candidate, settings: Settings) -> str | None:
    """Why the candidate is dropped (None: keep it)."""
    if not settings.incomplete and (cand.source_code is None or cand.target_code is None):
        return "no source" if cand.source_code is None else "no target"
    if "" in (cand.source_code, cand.target_code) and not settings.uncoded:
        return "actor not in the dictionaries"
    if cand.source_code and cand.source_code == cand.target_code:
        return "source and target are the same actor"
    if same_state(cand.source_code, cand.target_code):
        return "source and target are the same state"
    if refers_back(cand.source, cand.target) or refers_back(cand.target, cand.source):
        return "one actor is the other's own (its/their)"
    return None


def same_state(one: str | None, other: str | None) -> bool:
    """ISRGOV and ISR: a state and its own government are one actor."""
    if not one or not other:
        return False
    short, long = sorted((one, other), key=len)
    return len(short) == 3 and long.startswith(short) and long[3:] in ("GOV", "")


def _compound(match: VerbMatch) -> bool:
    """The matched pattern has ``%``: the conjoined subjects act on each other ("Gondor
    and Osgiliath have postponed their meeting", POSTPONE ``% *``)."""
    pattern = match.pattern
    return pattern is not None and any(
        isinstance(item, Slot) and item.role == "both"
        for item in walk_items((*pattern.before, *pattern.after)))


def _predicate_outcome(sentence: Tree, predicate: Predicate, match: VerbMatch | None,
                       actors: SentenceActors, settings: Settings,
                       open_clause: bool = False) -> Outcome:
    if match is None:
        return Outcome(predicate, None, (), "verb not in the dictionaries")
    if match.reason is not None or is_block(match.code, match.reverse_code):
        return Outcome(predicate, match, (), match.reason or "no code")
    if settings.petrarch_phrase and match.source is None and subordinate_gerund(
            sentence, predicate):
        return Outcome(predicate, match, (), "a subordinate clause without its own subject")
    if settings.petrarch_phrase and match.source is None and nested_object_control(
            sentence, predicate):
        return Outcome(predicate, match, (), "an infinitive inside an infinitive has no source")
    if settings.petrarch_phrase and match.source is None and relative_subject(
            sentence, predicate):
        return Outcome(predicate, match, (), "a relative pronoun is no actor")
    sources, targets = choose_actors(sentence, predicate, match, actors, settings.targets,
                                     open_clause=open_clause)
    if settings.petrarch_phrase and not any(t.codes for t in targets):
        targets = infinitive_objects(sentence, actors, predicate, sources) or targets
    if match.implied_target and not any(t.codes for t in targets):
        targets = [_implied_target(sentence, predicate, match.implied_target)]
    if match.code and sum(len(s.codes) for s in sources) > 1 and (
            _compound(match) or (not any(t.codes for t in targets) and match.reverse_code)):
        candidates = _reciprocal(match.code, sources)
    else:
        candidates = _pairs(match.code, match.reverse_code, sources, targets,
                            settings.incomplete)
    events = []
    reasons = []
    for cand in candidates:
        why = _keep(cand, settings)
        if why is None:
            events.append(_event(sentence, predicate, match, cand, actors, settings))
        else:
            reasons.append(why)
    reason = None
    if not events:
        reason = (reasons[0] if reasons else
                  "no source" if not sources else "no target" if not targets else "no code")
    return Outcome(predicate, match, tuple(events), reason, tuple(sources), tuple(targets))


#: The text and entry of a target the dictionary implies (``target:``), for explanations.
IMPLIED = "implied target from dictionary"


def _implied_target(sentence: Tree, predicate: Predicate, code: str) -> Mention:
    """The target a verb block or pattern implies when the sentence names none (gold
    README: "The target of a veto is UNSC"); its span is the verb's."""
    verb = sentence.word(predicate.verb)
    return Mention(verb.id, verb.id, verb.id, f"({IMPLIED})", (code,), IMPLIED, "implied",
                   note=f"{IMPLIED} for {verb.text!r}")


def _open_silent_clauses(sentence: Tree, outcomes: list[Outcome], actors: SentenceActors,
                         settings: Settings) -> list[Outcome]:
    """PETRARCH's convention: a statement (010) with no target whose reported clause gave
    no event takes the first actor of that clause ("Falastur noted that Cirith Ungol
    regretted ...": GONGOV 010 MORMIL). Not a clause in front of the verb: in "...,
    a senior official said" the statement is an attribution of the whole sentence."""
    coded = {o.predicate.verb for o in outcomes if o.events}
    result = list(outcomes)
    for index, outcome in enumerate(outcomes):
        predicate, match = outcome.predicate, outcome.match
        if (outcome.events or match is None or not predicate.opaque or not _said(match)
                or coded & predicate.opaque or min(predicate.opaque) < predicate.verb):
            continue
        result[index] = _predicate_outcome(sentence, predicate, match, actors, settings,
                                           open_clause=True)
    return result


def _raised_subjects(sentence: Tree, outcomes: list[Outcome], actors: SentenceActors,
                     settings: Settings) -> list[Outcome]:
    """PETRARCH's convention: a passive verb with no by-phrase whose open complement
    (``xcomp``) gave no event is said of its passive subject, the complement's subject:
    "A Pakistani woman believed linked to Al-Qaeda" (BELIEVE `* LINKED` [111]) gives
    PAK 111 IMGMOSALQ, the target the first actor of the verb's phrase."""
    coded = {o.predicate.verb for o in outcomes if o.events}
    result = list(outcomes)
    for index, outcome in enumerate(outcomes):
        predicate, match = outcome.predicate, outcome.match
        if (outcome.events or match is None or match.reason is not None
                or not predicate.passive or match.source is not None or predicate.sources):
            continue
        complements = [c.id for c in sentence.children(predicate.verb, "xcomp")]
        if not complements or coded & set(complements):
            continue
        raised = attrs.evolve(predicate, sources=predicate.targets, targets=())
        result[index] = _predicate_outcome(sentence, raised, match, actors, settings)
    return result


def _joined_complements(sentence: Tree, outcomes: list[Outcome], actors: SentenceActors,
                        settings: Settings) -> list[Outcome]:
    """PETRARCH's verb phrase joins a verb and its infinitive complement ("will be
    hosting Osgiliath *to celebrate Tabaski* ..."): when the governor was coded with no
    items after ``*`` (its default code, ``WILL *``) and the complement by a pattern with
    items after it (CELEBRATE `* TABASKI ^ $`), the complement codes the phrase. Its
    subject is the governor's; when ``$`` binds another source, that subject is the
    target (MORMIL 017 MOR). The governor's own events are dropped."""
    by_verb = {o.predicate.verb: i for i, o in enumerate(outcomes)}
    result = list(outcomes)
    for outcome in outcomes:
        predicate, match = outcome.predicate, outcome.match
        index = by_verb.get(predicate.governor) if predicate.governor is not None else None
        if (index is None or match is None or match.pattern is None
                or not match.pattern.after or match.reason is not None):
            continue
        governor = result[index]
        if (not governor.events or governor.match is None
                or (governor.match.pattern is not None and governor.match.pattern.after)):
            continue
        joined = attrs.evolve(predicate, sources=governor.predicate.sources, governor=None)
        if match.source is not None and match.target is None:
            joined = attrs.evolve(joined, targets=governor.predicate.sources)
        result[by_verb[predicate.verb]] = _predicate_outcome(sentence, joined, match, actors,
                                                             settings)
        result[index] = attrs.evolve(governor, events=(), reason=(
            f"joined with its complement {sentence.word(predicate.verb).text!r}"))
    return result


def assemble(
    sentence: Sentence | Tree,
    predicates: Sequence[Predicate],
    matches: Sequence[VerbMatch | None],
    actors: SentenceActors,
    settings: Settings,
) -> tuple[list[Event], list[Outcome]]:
    """The sentence's events (duplicates collapsed) and each predicate's outcome."""
    sentence = as_tree(sentence)
    outcomes = [
        _predicate_outcome(sentence, p, m, actors, settings)
        for p, m in zip(predicates, matches, strict=True)
    ]
    if settings.targets == "phrase":
        outcomes = _open_silent_clauses(sentence, outcomes, actors, settings)
        outcomes = _raised_subjects(sentence, outcomes, actors, settings)
    outcomes = _retreats_from_captors(sentence, outcomes, actors, settings)
    if settings.petrarch_phrase:
        outcomes = _joined_complements(sentence, outcomes, actors, settings)
    coded_verbs = {o.predicate.verb for o in outcomes if o.events}
    events: list[Event] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    for index, outcome in enumerate(outcomes):
        governor = outcome.predicate.governor
        if outcome.events and governor in coded_verbs:
            outcomes[index] = attrs.evolve(
                outcome, events=(), reason="part of its governing verb's event"
            )
            continue
        for event in outcome.events:
            key = (event.source.code if event.source else None,
                   event.target.code if event.target else None, event.code)
            if key not in seen:
                seen.add(key)
                events.append(event)
    return events, outcomes

