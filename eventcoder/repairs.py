"""Repairs of parser quirks that would hide a verb's arguments (docs/algorithm.md).

Statistical parsers sometimes attach a full verb as an auxiliary of the gerund after
it: spaCy reads "demanded that the government and rebel groups *halt* fighting" with
"halt" as ``aux`` of "fighting", and the clause's subject and *that* under "halt".
UD reserves ``aux`` for auxiliaries (*be, have, do*, the modals, ...), so a word
attached as ``aux`` whose lemma is no auxiliary is a verb: it becomes the head of its
clause, and the word it was attached to becomes its ``xcomp`` ("halt *fighting*", like
"stopped fighting"). The dependents of that word written before the mistaken auxiliary
(its subject, *that*, real auxiliaries, adverbs) move to the new head.

They also read a whole sentence as a noun phrase: "Islamic State militants *abducted*
at least 90 Christians ..." with the noun "militants" as root and "abducted" as its
participle (``acl``). A past-tense ``acl`` of a nominal root that has an object of its
own is no passive participle: it becomes the root and the noun its subject; the noun's
dependents after the verb (final punctuation, an attribution) move with it.

They hang a name's bracketed abbreviation over the name ("the European Union (EU)" with
"EU" the head and "Union" its modifier): the name becomes the head and the
abbreviation its ``appos``. And they attach a negation to the adverb after it ("did
*not* even ever clash", with "not" under "ever"): the negation of a clause belongs to
its predicate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from eventcoder.model import Sentence, Word
from eventcoder.pronouns import RAISING_VERBS, is_expletive

__all__ = ["AUXILIARIES", "petrarch_infinitives", "petrarch_parentheticals",
           "repair_abbreviations", "repair_auxiliaries",
           "repair_coordination", "repair_correlatives", "repair_gerund_conjuncts",
           "repair_infinitive_subjects", "repair_negation", "repair_nominal_compounds",
           "repair_nominal_roots", "repair_parse",
           "repair_passive_subjects"]

#: Lemmas (and contracted forms) that are auxiliaries in English.
AUXILIARIES = frozenset({
    "be", "have", "do", "will", "would", "can", "could", "may", "might", "must", "shall",
    "should", "ought", "need", "dare", "get", "to", "used", "going", "'ll", "wo", "ca",
    "'d", "'s", "'ve", "'re", "'m", "is", "are", "was", "were", "been", "has", "had",
    "did", "does",
})



def _relabel(sentence: Sentence, chosen: Iterable[Word], deprel: str) -> Sentence:
    """The sentence with the ``chosen`` words relabelled ``deprel`` (the same object
    when that changes no word)."""
    ids = {w.id for w in chosen}
    if not ids:
        return sentence
    words = tuple(attrs.evolve(w, deprel=deprel) if w.id in ids else w
                  for w in sentence.words)
    return attrs.evolve(sentence, words=words) if words != sentence.words else sentence

def _false_auxiliary(sentence: Sentence, word: Word) -> bool:
    """A word attached as ``aux`` before a verb that is no auxiliary ("halt fighting")."""
    if word.deprel != "aux" or not word.head or word.head < word.id:
        return False
    if word.lemma.lower() in AUXILIARIES or word.text.lower() in AUXILIARIES:
        return False
    return word.upos in ("AUX", "VERB") and sentence.word(word.head).upos == "VERB"


def repair_auxiliaries(sentence: Sentence) -> Sentence:
    """The sentence with every false auxiliary made the head of its clause (the sentence
    itself when there is none)."""
    for word in sentence.words:
        if word.deprel == "aux" and _false_auxiliary(sentence, word):
            sentence = _promote(sentence, word)
    return sentence


def _promote(sentence: Sentence, aux: Word) -> Sentence:
    verb = sentence.word(aux.head)
    words = []
    for word in sentence.words:
        if word.id == aux.id:
            word = attrs.evolve(word, head=verb.head, deprel=verb.deprel, upos="VERB")
        elif word.id == verb.id:
            word = attrs.evolve(word, head=aux.id, deprel="xcomp")
        elif word.head == verb.id and word.id < aux.id:
            word = attrs.evolve(word, head=aux.id)  # its subject, "that", "would"
        words.append(word)
    return attrs.evolve(sentence, words=tuple(words))


def repair_parse(sentence: Sentence) -> Sentence:
    """All repairs of this module, in order (the sentence itself when none applies).

    Most sentences need no repair, and each repair scans the whole sentence: one scan
    first records what the sentence has (:func:`_features`), and a repair runs only when
    the sentence has everything it needs to change anything (:data:`_REPAIRS`). A repair
    that changes the sentence may give it new relations: the scan is then repeated."""
    features = _features(sentence)
    for repair, needs in _REPAIRS:
        if needs <= features:
            repaired = repair(sentence)
            if repaired is not sentence:
                sentence, features = repaired, _features(repaired)
    return sentence


def _features(sentence: Sentence) -> set[str]:
    """What repairs look for in a sentence: its relations, with and without their
    subtypes ("nmod:poss" and "nmod"), and markers for a negation, the first word of a
    correlative and an opening bracket."""
    words = sentence.words
    found = {w.deprel for w in words}
    found.update([r.partition(":")[0] for r in found if ":" in r])
    lemmas = {w.lemma.lower() for w in words if w.deprel in _LEMMA_RELATIONS}
    if not lemmas.isdisjoint(NEGATIONS):
        found.add(_NEGATION)
    if not lemmas.isdisjoint(_CORRELATIVES):
        found.add(_CORRELATIVE)
    if "(" in [w.text for w in words]:
        found.add("(")
    return found


#: Relations of the words whose lemmas matter (negations, first words of correlatives).
_LEMMA_RELATIONS = frozenset({"advmod", "det", "cc"})
_NEGATION, _CORRELATIVE = "<negation>", "<correlative>"


def repair_coordination(sentence: Sentence) -> Sentence:
    """The sentence with a coordination a parser hung under its last conjunct set right:
    spaCy reads "the Syrian government and rebel groups" with "government" an ``nmod``
    (no preposition) of "groups" and "rebel" a ``conj`` of "government". A case-less
    ``nmod`` before its head whose ``conj`` (with its ``cc``, and maybe premodifiers:
    "and the evil *awful* Gondor") is the word right before the head is the first
    conjunct: it takes the head's place, the head becomes its ``conj`` and the word
    before it the head's modifier (the sentence itself otherwise). The same holds for
    two subjects of one verb ("Iraq, Kuwait and the mighty *awful* Iran welcomed":
    "awful" a conjunct of "Iraq", "Iran" a second subject)."""
    heads = {w.head for w in sentence.words  # ("in": no string built for most words)
             if "conj" in w.deprel and w.deprel.partition(":")[0] == "conj"}
    for first in [sentence.word(i) for i in sorted(heads) if i]:  # those with a conjunct
        for c in sentence.children(first.id, "conj"):
            head = sentence.word(c.id + 1) if c.id < len(sentence.words) else None
            if (head is not None and _split_from(sentence, first, head)
                    and _premodified_conjunct(sentence, c)):
                return _regroup(sentence, first, head, c)
    return sentence


def _split_from(sentence: Sentence, first: Word, head: Word) -> bool:
    """``head`` should be the last conjunct of ``first``: the parser made ``first`` its
    case-less ``nmod``, or made both subjects of one verb."""
    if first.upos not in ("NOUN", "PROPN") or head.upos not in ("NOUN", "PROPN"):
        return False
    if first.deprel == "nmod" and first.head == head.id:
        return not sentence.children(first.id, "case")
    return (first.deprel == head.deprel == "nsubj" and first.head == head.head
            and first.id < head.id)


#: Dependents a conjunct may have before it and still be the head's premodifier:
#: "and the evil *awful* Gondor" ("awful" a conjunct, "Gondor" the head).
_PREMODIFIERS = frozenset({"cc", "det", "amod", "compound", "nummod", "punct"})


def _premodified_conjunct(sentence: Sentence, conjunct: Word) -> bool:
    """The conjunct has its ``cc`` and otherwise only premodifiers, all before it."""
    kids = sentence.children(conjunct.id)
    return (any(k.deprel == "cc" for k in kids)
            and all(k.id < conjunct.id and k.deprel in _PREMODIFIERS for k in kids))


def _regroup(sentence: Sentence, first: Word, head: Word, modifier: Word) -> Sentence:
    words = []
    for word in sentence.words:
        if word.id == first.id:
            word = attrs.evolve(word, head=head.head, deprel=head.deprel)
        elif word.id == head.id:
            word = attrs.evolve(word, head=first.id, deprel="conj")
        elif word.id == modifier.id:
            word = attrs.evolve(word, head=head.id,
                                deprel="amod" if word.upos == "ADJ" else "compound")
        elif word.head == modifier.id:
            word = attrs.evolve(word, head=head.id)  # its "and"
        elif word.head == head.id and word.id < first.id:
            word = attrs.evolve(word, head=first.id)  # "that", "between", the subject's det
        words.append(word)
    return attrs.evolve(sentence, words=tuple(words))


def repair_nominal_roots(sentence: Sentence) -> Sentence:
    """The sentence with a finite verb a parser made the participle of a nominal root
    ("militants *abducted* 90 Christians") as its root (the sentence itself otherwise).
    A noun made the second subject of a later saying verb ("militants abducted ..., a
    monitoring group *said*") counts as a root: the verb becomes the reported clause."""
    for noun in sentence.words:
        if noun.upos not in ("NOUN", "PROPN") or (noun.head and noun.deprel != "nsubj"):
            continue  # (the cheap part of _clause_position)
        if not _clause_position(sentence, noun):
            continue
        verb = next((c for c in sentence.children(noun.id, "acl")
                     if c.id > noun.id and c.upos == "VERB" and c.feat("Tense") == "Past"
                     and sentence.children(c.id, "obj")), None)
        if verb is not None and (noun.head == 0 or noun.head > verb.id):
            return _make_clause(sentence, noun, verb)
    return sentence


def _clause_position(sentence: Sentence, noun: Word) -> bool:
    """The noun is the root, or a subject of a later verb that has another subject."""
    if noun.head == 0:
        return True
    if noun.deprel != "nsubj" or noun.head < noun.id:
        return False
    return any(c.id != noun.id for c in sentence.children(noun.head, "nsubj"))


def _make_clause(sentence: Sentence, noun: Word, verb: Word) -> Sentence:
    deprel = "root" if noun.head == 0 else "ccomp"
    words = []
    for word in sentence.words:
        if word.id == verb.id:
            word = attrs.evolve(word, head=noun.head, deprel=deprel)
        elif word.id == noun.id:
            word = attrs.evolve(word, head=verb.id, deprel="nsubj")
        elif word.head == noun.id and word.id > verb.id:
            word = attrs.evolve(word, head=verb.id)
        words.append(word)
    return attrs.evolve(sentence, words=tuple(words))


def repair_abbreviations(sentence: Sentence) -> Sentence:
    """The sentence with a name's bracketed abbreviation hung under the name: spaCy reads
    "the European Union (EU)" with "EU" the head and "Union" its ``nmod`` or
    ``compound``. A word between brackets whose case-less nominal modifier ends right
    before the opening bracket is an abbreviation of that modifier: the modifier takes
    its place and it becomes the modifier's ``appos`` (the sentence itself otherwise)."""
    if not any(w.text == "(" for w in sentence.words):
        return sentence  # no brackets
    for short in sentence.words:
        name = _abbreviated_name(sentence, short)
        if name is not None:
            return _hang_abbreviation(sentence, name, short)
    return sentence


def _abbreviated_name(sentence: Sentence, short: Word) -> Word | None:
    words = sentence.words
    if not 3 <= short.id < len(words) or short.upos not in ("PROPN", "NOUN"):
        return None
    if words[short.id - 2].text != "(" or words[short.id].text != ")":
        return None
    name = words[short.id - 3]
    if (name.head != short.id or name.deprel not in ("nmod", "compound")
            or name.upos not in ("PROPN", "NOUN") or sentence.children(name.id, "case")):
        return None
    return name


def _hang_abbreviation(sentence: Sentence, name: Word, short: Word) -> Sentence:
    words = []
    for word in sentence.words:
        if word.id == name.id:
            word = attrs.evolve(word, head=short.head, deprel=short.deprel)
        elif word.id == short.id:
            word = attrs.evolve(word, head=name.id, deprel="appos")
        elif word.id in (short.id - 1, short.id + 1) and word.deprel == "punct":
            word = attrs.evolve(word, head=short.id)  # the brackets
        elif word.head == short.id and word.id < name.id:
            word = attrs.evolve(word, head=name.id)  # "the", "and"
        words.append(word)
    return attrs.evolve(sentence, words=tuple(words))


#: Negations a parser may hang under the adverb after them ("not even", "never again").
NEGATIONS = frozenset({"not", "n't", "never"})

#: Focus adverbs that a negation modifies by itself: "*not only* X but also Y" does
#: not negate the clause.
_FOCUS = frozenset({"only", "just", "merely", "simply", "solely"})


def repair_negation(sentence: Sentence) -> Sentence:
    """The sentence with each negation a parser attached to an adverb modifying a
    predicate ("did *not* even ever clash", "not" under "ever") attached to that
    predicate, where its scope is (the sentence itself when there is none); "not only"
    is left alone."""
    for word in sentence.words:
        if word.deprel != "advmod":
            continue  # (the cheap part of _negated_predicate)
        target = _negated_predicate(sentence, word)
        if target is not None:
            sentence = sentence_with_head(sentence, word, target)
    return sentence


def _negated_predicate(sentence: Sentence, word: Word) -> int | None:
    if word.deprel != "advmod" or word.lemma.lower() not in NEGATIONS or not word.head:
        return None
    adverb = sentence.word(word.head)
    if (adverb.upos != "ADV" or adverb.deprel != "advmod" or adverb.id < word.id
            or adverb.lemma.lower() in _FOCUS or not adverb.head):
        return None
    predicate = sentence.word(adverb.head)
    if predicate.upos not in ("VERB", "AUX", "ADJ") or predicate.id < adverb.id:
        return None
    return predicate.id


def sentence_with_head(sentence: Sentence, word: Word, head: int) -> Sentence:
    """The sentence with ``word`` attached to word ``head`` (its relation kept)."""
    words = tuple(attrs.evolve(w, head=head) if w.id == word.id else w for w in sentence.words)
    return attrs.evolve(sentence, words=words)


def repair_nominal_compounds(sentence: Sentence) -> Sentence:
    """The sentence with each case-less nominal ``nmod`` before its nominal head made a
    ``compound``: spaCy reads "the *Gondor* main opposition group" with "Gondor" an
    ``nmod`` of "group" (no preposition: ClearNLP's modifier of a nominal), where UD has
    a ``compound``. One with conjuncts of its own is left to
    :func:`repair_coordination`."""
    return _relabel(sentence, [w for w in sentence.words if w.deprel == "nmod"
                               and _caseless_premodifier(sentence, w)], "compound")


def _caseless_premodifier(sentence: Sentence, word: Word) -> bool:
    if word.deprel != "nmod" or word.upos not in ("NOUN", "PROPN") or word.head <= word.id:
        return False
    if sentence.word(word.head).upos not in ("NOUN", "PROPN"):
        return False
    return not sentence.children(word.id, "case") and not sentence.children(word.id, "conj")


def repair_passive_subjects(sentence: Sentence) -> Sentence:
    """The sentence with the subjects of passive verbs set right. A subject a parser hung
    under an auxiliary is attached to the auxiliary's verb: spaCy reads "The Philippines
    *was* heavily and unjustly criticized" with "Philippines" the ``nsubj`` of "was". A
    participle with an ``aux:pass`` takes an ``nsubj:pass``, not an ``nsubj`` ("The
    Syrian army was heavily and repeatedly criticized")."""
    words = list(sentence.words)
    # each word's first aux:pass (reversed: an earlier one overwrites a later one)
    passive_aux = {w.head: w for w in reversed(sentence.words) if w.deprel == "aux:pass"}
    for subject in sentence.words:
        if subject.deprel not in ("nsubj", "nsubj:pass") or not subject.head:
            continue
        head = sentence.word(subject.head)
        aux: Word | None
        if head.deprel in ("aux", "aux:pass") and head.head:
            verb, aux = sentence.word(head.head), head
            if sentence.children(verb.id, "nsubj", "csubj"):
                continue
        else:
            verb, aux = head, passive_aux.get(head.id)
        if aux is None or verb.upos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
            continue
        passive = aux.deprel == "aux:pass" and verb.feat("VerbForm") == "Part"
        deprel = "nsubj:pass" if passive else subject.deprel
        if subject.head != verb.id or subject.deprel != deprel:
            words[subject.id - 1] = attrs.evolve(subject, head=verb.id, deprel=deprel)
    found = tuple(words)
    return attrs.evolve(sentence, words=found) if found != sentence.words else sentence


def repair_infinitive_subjects(sentence: Sentence) -> Sentence:
    """The sentence with the subject of a *to*-infinitive ``ccomp`` made the object of
    the verb, and the infinitive its ``xcomp``: spaCy reads "hosting *Osgiliath* to
    celebrate May Day" (and "wants Turkey to withdraw") in the ClearNLP way, with
    "Osgiliath" the subject of "celebrate"; UD makes it the object of "hosting", which
    controls the infinitive. Not with *for* ("for them to go") nor when the verb has an
    object already."""
    for clause in sentence.words:
        if clause.deprel != "ccomp":
            continue  # (the cheap part of _infinitive_subject)
        subject = _infinitive_subject(sentence, clause)
        if subject is not None:
            words = tuple(
                attrs.evolve(w, head=clause.head, deprel="obj") if w.id == subject.id
                else attrs.evolve(w, deprel="xcomp") if w.id == clause.id else w
                for w in sentence.words
            )
            sentence = attrs.evolve(sentence, words=words)
    return sentence


def _infinitive_subject(sentence: Sentence, clause: Word) -> Word | None:
    if clause.deprel != "ccomp" or clause.upos != "VERB" or not clause.head:
        return None
    if clause.feat("VerbForm") != "Inf" or sentence.word(clause.head).upos != "VERB":
        return None
    marks = {m.lemma.lower() for m in sentence.children(clause.id, "mark")}
    if marks != {"to"} or sentence.children(clause.head, "obj"):
        return None
    subjects = sentence.children(clause.id, "nsubj")
    if len(subjects) != 1 or not clause.head < subjects[0].id < clause.id:
        return None
    return subjects[0] if subjects[0].upos in ("NOUN", "PROPN", "PRON") else None


def repair_gerund_conjuncts(sentence: Sentence) -> Sentence:
    """The sentence with an *-ing* noun modifier a parser made a verb conjoined with the
    finite verb before it set right: spaCy reads "launched a new bombing and *shelling*
    offensive against Osgiliath" with "shelling" a ``conj`` of "launched" and
    "offensive" its object. An *-ing* ``conj`` with no subject, right after its
    ``cc`` that follows the finite verb's object, whose own object (with no determiner)
    comes right after it, is a modifier of that object; the object becomes a conjunct
    of the verb's object and takes the *-ing* word's other dependents."""
    for gerund in sentence.words:
        if gerund.deprel != "conj":
            continue  # (the cheap part of _gerund_modifier)
        found = _gerund_modifier(sentence, gerund)
        if found is not None:
            return _as_noun_conjunct(sentence, gerund, *found)
    return sentence


def _gerund_modifier(sentence: Sentence, gerund: Word) -> tuple[Word, Word] | None:
    """(the verb's object, the gerund's object) when ``gerund`` is such a modifier."""
    if (gerund.deprel != "conj" or gerund.upos != "VERB" or gerund.xpos != "VBG"
            or not gerund.head or gerund.head > gerund.id):
        return None
    verb = sentence.word(gerund.head)
    if verb.upos != "VERB" or verb.feat("VerbForm") != "Fin":
        return None
    if sentence.children(gerund.id, "nsubj", "nsubj:pass", "aux", "aux:pass"):
        return None
    ccs = sentence.children(gerund.id, "cc")
    objects = [o for o in sentence.children(verb.id, "obj") if o.id < gerund.id]
    own = [o for o in sentence.children(gerund.id, "obj") if o.id == gerund.id + 1]
    if not ccs or ccs[0].id != gerund.id - 1 or len(objects) != 1 or not own:
        return None
    end = max(w.id for w in sentence.subtree(objects[0].id))
    if end != ccs[0].id - 1 or sentence.children(own[0].id, "det"):
        return None
    return objects[0], own[0]


def _as_noun_conjunct(sentence: Sentence, gerund: Word, first: Word, noun: Word) -> Sentence:
    words = []
    for word in sentence.words:
        if word.id == noun.id:
            word = attrs.evolve(word, head=first.id, deprel="conj")
        elif word.id == gerund.id:
            word = attrs.evolve(word, head=noun.id, deprel="compound", upos="NOUN")
        elif word.head == gerund.id:
            deprel = "nmod" if word.deprel == "obl" else word.deprel
            word = attrs.evolve(word, head=noun.id, deprel=deprel)  # "and", "against X"
        words.append(word)
    return attrs.evolve(sentence, words=tuple(words))


def petrarch_infinitives(sentence: Sentence) -> Sentence:
    """PETRARCH's verb phrase (validation only): a *to*-infinitive ``advcl`` with no
    subject right after the verb's object is the verb's ``xcomp`` ("hosting Osgiliath
    *to celebrate* Tabaski"). In real news it is as often a purpose ("bombed the city
    to punish the rebels"), so the default coding keeps the parser's ``advcl``."""
    return _relabel(sentence, [w for w in sentence.words
                               if _infinitive_after_object(sentence, w)], "xcomp")


def _infinitive_after_object(sentence: Sentence, clause: Word) -> bool:
    if clause.deprel != "advcl" or clause.feat("VerbForm") != "Inf" or not clause.head:
        return False
    marks = sentence.children(clause.id, "mark")
    if [m.lemma.lower() for m in marks] != ["to"] or sentence.children(clause.id, "nsubj"):
        return False
    objects = sentence.children(clause.head, "obj")
    if len(objects) != 1 or sentence.children(clause.head, "xcomp"):
        return False
    end = max(w.id for w in sentence.subtree(objects[0].id))
    return end == objects[0].id == marks[0].id - 1 and marks[0].id + 1 == clause.id


#: Dependents of a parenthetical "it seems" that belong to the clause it interrupts.
_INTERRUPTED = ("obj", "iobj", "obl", "nmod")


def petrarch_parentheticals(sentence: Sentence) -> Sentence:
    """PETRARCH's verb phrase (validation only): a parenthetical "it seems" / "it
    appears" (a raising verb whose subject is an expletive "it") is transparent: the
    noun phrases after it that the parser hung under it ("is said to be about to
    restore, it seems, ties *with Gondor*") belong to the clause it interrupts, its
    governor (``parataxis``) or the clause the parser made its ``ccomp``, which takes
    its place. PETRARCH reads the words as one verb phrase; the default coding keeps the
    parser's tree (the phrase is as often the object of the verb right before it)."""
    for word in sentence.words:
        clause = _interrupted_clause(sentence, word)
        if clause is not None:
            return _opened(sentence, word, clause)
    return sentence


def _interrupted_clause(sentence: Sentence, verb: Word) -> Word | None:
    if verb.lemma.lower() not in RAISING_VERBS or not any(
            is_expletive(w, verb) for w in sentence.children(verb.id, "nsubj", "expl")):
        return None
    if verb.deprel == "parataxis" and verb.head:
        return sentence.words[verb.head - 1]
    before = [c for c in sentence.children(verb.id, "ccomp") if c.id < verb.id]
    return before[0] if len(before) == 1 else None


def _opened(sentence: Sentence, verb: Word, clause: Word) -> Sentence:
    raised = clause.head == verb.id  # the parser's ccomp becomes the governor
    words = []
    for w in sentence.words:
        if w.id == clause.id and raised:
            w = attrs.evolve(w, head=verb.head, deprel=verb.deprel)
        elif w.id == verb.id and raised:
            w = attrs.evolve(w, head=clause.id, deprel="parataxis")
        elif (w.head == verb.id and w.id > verb.id
              and w.deprel.split(":")[0] in _INTERRUPTED):
            w = attrs.evolve(w, head=clause.id, deprel="dislocated")  # in its phrase, no argument
        words.append(w)
    return attrs.evolve(sentence, words=tuple(words))


#: First words of correlative coordinations, with the conjunctions they pair with.
_CORRELATIVES = {"neither": "nor", "either": "or", "both": "and"}


def repair_correlatives(sentence: Sentence) -> Sentence:
    """The sentence with the first word of a correlative coordination a parser made a
    determiner ("*Neither* Galadriel nor Gollum", spaCy's ``det`` of "Galadriel")
    made the first conjunct's ``cc:preconj``, as UD has it."""
    if not any(w.lemma.lower() in _CORRELATIVES for w in sentence.words):
        return sentence  # (the cheap part of _correlative)
    return _relabel(sentence, [w for w in sentence.words if _correlative(sentence, w)],
                    "cc:preconj")


def _correlative(sentence: Sentence, word: Word) -> bool:
    pair = _CORRELATIVES.get(word.lemma.lower())
    if pair is None or word.deprel not in ("det", "advmod", "cc") or word.head <= word.id:
        return False
    return any(cc.lemma.lower() == pair
               for conj in sentence.children(word.head, "conj")
               for cc in sentence.children(conj.id, "cc"))


#: The repairs in the order they apply, each with its trigger: the features
#: (:func:`_features`) a sentence must have for the repair to change anything, read off
#: its conditions (a relation without subtype stands for itself and its subtypes, which
#: is all some repairs ask and more than others do). tests/test_repairs.py checks on
#: real parses that a repair skipped for want of them would have changed nothing.
_REPAIRS: tuple[tuple[Callable[[Sentence], Sentence], frozenset[str]], ...] = (
    (repair_auxiliaries, frozenset({"aux"})),
    (repair_nominal_roots, frozenset({"acl", "obj"})),
    (repair_coordination, frozenset({"conj", "cc"})),
    (repair_abbreviations, frozenset({"("})),
    (repair_negation, frozenset({"advmod", _NEGATION})),
    (repair_passive_subjects, frozenset({"nsubj", "aux"})),
    (repair_nominal_compounds, frozenset({"nmod"})),
    (repair_infinitive_subjects, frozenset({"ccomp", "mark", "nsubj"})),
    (repair_gerund_conjuncts, frozenset({"conj", "cc", "obj"})),
    (repair_correlatives, frozenset({_CORRELATIVE, "conj", "cc"})),
)
