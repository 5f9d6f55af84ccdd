"""PETRARCH's conventions for choosing actors, used only to compare with PETRARCH
(``targets="phrase"`` and ``pattern_scope="petrarch"``, see :mod:`eventcoder.coder`): the
first coded actor of a verb's phrase as its target or source, objects coded by the actors
across their phrase, and the verb phrases that give no source."""

from __future__ import annotations

from collections.abc import Sequence

from eventcoder.actors import Mention, SentenceActors, mentions, refers_back
from eventcoder.model import Word
from eventcoder.predicates import PLACE_PREPS, RELATIVES, Predicate, conjuncts
from eventcoder.tree import Tree

__all__ = ["first_in_phrase", "infinitive_objects", "mixed_subjects", "modified_objects",
           "nested_object_control", "raising", "relative_subject", "subject_phrase_actors",
           "subordinate_gerund"]

def raising(sentence: Tree, predicate: Predicate) -> bool:
    """A passive verb with a *to* complement whose subject is its passive subject
    ("Arnor *is said to* restore ties"): that subject is no patient, so the verb's
    phrase gives no source (:func:`_raised_subjects` codes it)."""
    return bool(predicate.targets) and any(
        m.lemma.lower() == "to" for c in sentence.children(predicate.verb, "xcomp")
        for m in sentence.children(c.id, "mark"))  # not "was shot dead"


def modified_objects(sentence: Tree, predicate: Predicate, actors: SentenceActors,
                     targets: list[Mention]) -> list[Mention]:
    """PETRARCH codes an object by the actors named across its phrase, the last one
    winning: an object actor with a prepositional modifier headed by an actor (not an
    *of* phrase, nor one of place or time) stands for that actor ("warned Gondor about
    the Prince of Dol Amroth", the about-phrase parsed under "Gondor": DOL), as does one
    the verb's such phrase follows at once (the about-phrase parsed under "warned")."""
    objects = {a.head for a in predicate.targets}
    result: list[Mention] = []
    for mention in targets:
        found = mention
        if mention.head in objects and mention.codes:
            phrases = [*sentence.children(mention.head, "nmod"),
                       *_following_obliques(sentence, predicate, mention)]
            inner = [m for m in mentions(actors, (
                phrase.id for phrase in phrases
                if _case_word(sentence, phrase) not in (None, "of", *PLACE_PREPS))) if m.codes]
            found = inner[-1] if inner else mention
        if found not in result:
            result.append(found)
    return result


def _following_obliques(sentence: Tree, predicate: Predicate, mention: Mention
                        ) -> list[Word]:
    """The verb's oblique phrases that start right after ``mention``'s phrase."""
    end = max(w.id for w in sentence.subtree(mention.head))
    return [word for a in predicate.obliques
            if a.via == "oblique" and (word := sentence.word(a.head)).head == predicate.verb
            and min(w.id for w in sentence.subtree(word)) == end + 1]


def _case_word(sentence: Tree, word: Word) -> str | None:
    case = sentence.children(word, "case")
    return case[0].lemma.lower() if case else None


def subject_phrase_actors(sentence: Tree, predicate: Predicate, actors: SentenceActors,
                          targets: Sequence[Mention]) -> list[Mention]:
    """The first coded actor inside the phrase of a subject that is no actor, with its
    conjuncts (PETRARCH's convention, as for targets)."""
    for arg in predicate.sources:
        if arg.via != "subject":
            continue
        for word in sentence.subtree(arg.head):
            mention = actors.by_word.get(word.id)
            if mention is not None and mention.codes and mention not in targets:
                return [m for m in mentions(actors, conjuncts(sentence, mention.head))
                        if m.codes and m not in targets] or [mention]
    return []


def mixed_subjects(sentence: Tree, predicate: Predicate, actors: SentenceActors,
                   sources: list[Mention]) -> list[Mention]:
    """Conjoined subjects some of which are no actor: each of those gives the first coded
    actor of its own phrase, in order (spaCy: "The information ministry of Gondor and
    the Nasgul", "Nasgul" a conjunct of "ministry": GON and +++)."""
    subjects = [a.head for a in predicate.sources if a.via == "subject"]
    if all(_coded_at(actors, head) for head in subjects):
        return sources
    phrases = {head: {w.id for w in sentence.subtree(head)} for head in subjects}
    result: list[Mention] = []
    for head in subjects:  # its phrase less the other subjects' not around it
        own = phrases[head].difference(*(words for other, words in phrases.items()
                                         if other != head and head not in words))
        found = _coded_at(actors, head) or next(
            (m for w in sorted(own) if (m := _coded_at(actors, w)) is not None), None)
        if found is not None and found not in result:
            result.append(found)
    return [*result, *(m for m in sources if m not in result)]


def _coded_at(actors: SentenceActors, word: int) -> Mention | None:
    mention = actors.by_word.get(word)
    return mention if mention is not None and mention.codes else None


def first_in_phrase(sentence: Tree, predicate: Predicate, actors: SentenceActors,
                    sources: Sequence[Mention], said: bool = False,
                    skip: frozenset[int] = frozenset()) -> list[Mention]:
    """The first coded actor among the predicate's ``after`` words, with its conjuncts
    (for a plain statement, 010, not one inside the reported clause; none in ``skip``;
    not a source, nor a pronoun that refers to one: "Sam Gamgee has begun to question
    whether *he* really has a future with the Morgul Orcs")."""
    for ident in predicate.after:
        if (said and ident in predicate.opaque) or ident in skip:
            continue
        mention = actors.by_word.get(ident)
        if (mention is None or not mention.codes or mention in sources
                or any(refers_back(mention, s) for s in sources)):
            continue  # nor "he" standing for the source
        return [m for m in mentions(actors, conjuncts(sentence, mention.head))
                if m.codes and m not in sources] or [mention]
    return []


def infinitive_objects(sentence: Tree, actors: SentenceActors, predicate: Predicate,
                       sources: Sequence[Mention]) -> list[Mention]:
    """PETRARCH's verb phrase holds a "to" infinitive of the verb ("signed an accord on
    Thursday *to supply Gondor* with wheat", parsed ``advcl``): its coded objects."""
    heads = [obj.id for clause in sentence.children(predicate.verb, "advcl")
             if any(m.lemma.lower() == "to" for m in sentence.children(clause, "mark"))
             for obj in sentence.children(clause, "obj", "iobj")]
    return [m for m in mentions(actors, (i for h in heads for i in conjuncts(sentence, h)))
            if m.codes and m not in sources]


def subordinate_gerund(sentence: Tree, predicate: Predicate) -> bool:
    """An adverbial clause with a subordinator other than "to" and no subject of its
    own ("celebrated Iftar ... *after leaving Eriador*"): PETRARCH gives it no source."""
    return (bool(predicate.sources)
            and all(a.via == "governor's subject" for a in predicate.sources)
            and any(m.lemma.lower() != "to" for m in sentence.children(predicate.verb, "mark")))


def nested_object_control(sentence: Tree, predicate: Predicate) -> bool:
    """An open complement of an open complement whose subject is an object above them
    ("urged Bree to help *win* a greater role", spaCy: "win" an ``xcomp`` of "help",
    Bree the controller): PETRARCH carries no subject into the inner infinitive."""
    verb = sentence.word(predicate.verb)
    return (verb.deprel == "xcomp" and bool(predicate.sources)
            and sentence.word(verb.head).deprel == "xcomp"
            and all(a.via == "controller" and sentence.word(a.head).deprel in ("obj", "iobj")
                    for a in predicate.sources))


def relative_subject(sentence: Tree, predicate: Predicate) -> bool:
    """A relative clause whose subject is a relative pronoun ("Al-Qaeda *who* shot at
    ..."): PETRARCH does not resolve the pronoun, the clause has no source."""
    return predicate.relation == "acl:relcl" and any(
        w.upos == "PRON" and w.lemma.lower() in RELATIVES
        for w in sentence.children(predicate.verb, "nsubj"))
