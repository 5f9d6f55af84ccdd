"""The Coder: parsed documents (or text) in, coded events out.

>>> coder = Coder()                                  # default dictionaries, stanza parser
>>> events = coder.code_text("Syrian troops attacked rebels.", date="2017-10-24")

The dictionaries are compiled once, when the Coder is made (one phrase trie for
actors, agents and titles; a verb index; a trie for discards and issues). Coding a
sentence is then plain dictionary and tuple work. A Coder pickles (for worker processes
and Dask workers); the parser is rebuilt lazily from its spec where it is unpickled.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from eventcoder.actors import ActorLexicon, Mention, SentenceActors, find_actors
from eventcoder.assemble import Outcome, Settings, assemble
from eventcoder.dictionaries.schema import DictionarySet
from eventcoder.errors import EventCoderError
from eventcoder.events import Event
from eventcoder.lemmas import with_known_lemma
from eventcoder.matcher import PhraseMatcher, WordTokens
from eventcoder.model import Document, Sentence, SourceText
from eventcoder.nominals import NounIndex, by_phrase_nominals, light_verb_match, with_nominals
from eventcoder.parsers.base import Parser
from eventcoder.patterns import INTENT_MOODS, VerbIndex, VerbMatch, match_predicate
from eventcoder.predicates import Predicate, Tree, find_predicates
from eventcoder.repairs import petrarch_infinitives, petrarch_parentheticals, repair_parse
from eventcoder.verb_forms import is_written_form, written_forms

__all__ = ["Coder", "SentenceTrace"]

logger = logging.getLogger(__name__)

DISCARD, ISSUE = 0, 1
#: What the coder does with modal and planned acts (see :class:`Coder`).
IRREALIS_POLICIES = ("skip", "code")
#: Where the coder looks for a target (see :class:`Coder`).
TARGET_POLICIES = ("strict", "phrase")
#: What the coder does with negated verbs (see :class:`Coder`).
NEGATION_POLICIES = ("skip", "table")
#: Which actor conventions the coder applies (see :class:`Coder`).
CONVENTION_POLICIES = ("news", "none")
#: Where a word leading a ``(PREP WORD)`` pattern item may be (see :class:`Coder`).
PREP_POLICIES = ("phrase", "adjacent")
#: How much of the sentence a verb's pattern items match in (see :class:`Coder`).
SCOPE_POLICIES = ("wide", "petrarch")


@attrs.frozen
class SentenceTrace:
    """Everything the coder decided about one sentence (built only when explaining)."""

    sentence: Sentence
    discarded: str | None
    actors: SentenceActors | None
    predicates: tuple[Predicate, ...]
    matches: tuple[VerbMatch | None, ...]
    outcomes: tuple[Outcome, ...]
    events: tuple[Event, ...]
    issues: tuple[str, ...] = ()



def _choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed``; else ValueError naming the option."""
    if value not in allowed:
        raise ValueError(f"{option} must be one of {allowed}, got {value!r}")
    return value

class Coder:
    """Codes parsed documents into events with a compiled dictionary set.

    ``dictionaries``: a :class:`DictionarySet`, paths of dictionary files and folders
    (layered on the default set, as :func:`load_dictionaries` does), or None for the
    default set. ``parser``: a Parser or a spec (``"stanza"``, ``"spacy:MODEL"``), built
    only when text must be parsed. ``incomplete``: also emit events missing a source or
    target. ``uncoded``: also emit events whose actor is a named entity the dictionaries
    do not know (its code is ``""``). ``quad_scheme``: ``cameo`` or ``phoenix``.
    ``irrealis``: ``"skip"`` (the default: modal and planned acts, "will attack", "is
    about to restore", are coded only by patterns with items before ``*``) or
    ``"code"`` (PETRARCH's convention: they are coded like acts that happened; negated,
    denied, alleged and conditional acts are still not). ``targets``: ``"strict"`` (the
    default: objects, partner phrases, obliques other than place and time) or
    ``"phrase"`` (PETRARCH's conventions: failing those, the first coded actor anywhere
    in the verb's phrase, "criticized the closure of guest houses *in Bree*", with its
    source from the subject's phrase when the subject is no actor, "Resumption of ties
    between *Arnor* and Gondor may spur ..."; a passive with no by-phrase takes its
    source from its phrase, "was criticized over its dispute with *Eriador*", or, when
    its open complement gives no event, its passive subject, "a woman believed linked
    to Al-Qaeda"; a statement with no target takes the first actor of a reported clause
    that gave no event; an object actor with a prepositional modifier headed by an actor
    stands for that actor, "warned Gondor *about the Prince of Dol Amroth*").
    ``negation``: ``"skip"`` (the default: a negated verb is coded only by ``NOT *``
    patterns) or ``"table"`` (UniversalPetrarch's convention: failing those, the verb is
    matched as if not negated and its code replaced by the ``negated`` code the declared
    event-code table gives for it, "did not clash" [110] -> 050; no event without one).
    ``conventions``: ``"news"`` (the default: the gold set's actor conventions,
    "Israelis" is ISRCVL, "Ukrainian positions" UKRMIL, :mod:`eventcoder.actor_conventions`)
    or ``"none"`` (actors are coded as the dictionaries give them, as PETRARCH does, and
    roles stack on the actor's code: :mod:`eventcoder.role_stacking`).
    ``preps``: ``"phrase"`` (the default: in a ``(PREP WORD)`` item WORD may be anywhere
    in the phrase, "against Islamic State *targets*") or ``"adjacent"`` (PETRARCH's
    reading: WORD follows the preposition, determiners aside; ``(FOR ASYLUM)`` does not
    match "for foreign asylum").
    ``pattern_scope``: ``"wide"`` (the default: items before ``*`` match the subject
    phrase, the auxiliaries and the verb's adverbs, ``ABRUPTLY * TALKS``; items after it
    the verb's dependents, *that*-clauses included) or ``"petrarch"`` (PETRARCH's verb
    phrase: not the verb's adverbs other than negators, ``RECENTLY *`` does not match
    "recently allowed", nor its *that*-clauses; an infinitive complement coded by a
    pattern with items after ``*`` codes its governor's phrase when the governor's match
    has none, "will be hosting X *to celebrate Tabaski* ..."; a subordinate clause with
    no subject of its own, "after leaving Eriador", and a relative clause whose subject
    is a relative pronoun, "Al-Qaeda *who* shot at ...", have no source; a verb with no
    coded target takes the objects of its "to" infinitive clause; ``^`` items left over
    in a ``(PREP ...)`` item consume the actor phrases after it; a modifier's conjuncts
    may come between the words of a term, "death and injury toll"; verbs are looked up
    by their written forms, "departes" is no form of "depart" (:mod:`eventcoder.verb_forms`);
    a parenthetical "it seems" is transparent, its noun phrases in the phrase of the
    clause it interrupts).
    """

    def __init__(
        self,
        dictionaries: DictionarySet | Sequence[str | os.PathLike[str]] | None = None,
        parser: Parser | str | None = None,
        *,
        incomplete: bool = False,
        uncoded: bool = False,
        quad_scheme: str = "cameo",
        irrealis: str = "skip",
        targets: str = "strict",
        negation: str = "skip",
        conventions: str = "news",
        preps: str = "phrase",
        pattern_scope: str = "wide",
    ) -> None:
        self.pattern_scope = _choice("pattern_scope", pattern_scope, SCOPE_POLICIES)
        self.preps = _choice("preps", preps, PREP_POLICIES)
        self.conventions = _choice("conventions", conventions, CONVENTION_POLICIES)
        self.negation = _choice("negation", negation, NEGATION_POLICIES)
        self.targets = _choice("targets", targets, TARGET_POLICIES)
        self.irrealis = _choice("irrealis", irrealis, IRREALIS_POLICIES)
        self.dictionaries = _dictionary_set(dictionaries)
        self._parser: Parser | None = None if parser is None or isinstance(parser, str) else parser
        self.parser_spec = parser if isinstance(parser, str) else getattr(parser, "name", "stanza")
        self.incomplete = incomplete
        self.uncoded = uncoded
        self.quad_scheme = quad_scheme
        self._compile()

    # --- compiled structures -------------------------------------------------------

    def _compile(self) -> None:
        dset = self.dictionaries
        self.lexicon = ActorLexicon(dset.actors, dset.agents, dset.places)
        self.verbs = VerbIndex(dset.verbs, dset.synsets)
        self.written = written_forms(dset.verbs) if self.pattern_scope == "petrarch" else {}
        self.nouns = NounIndex(dset.verbs, dset.synsets)
        self.phrases = PhraseMatcher()
        for index, discard in enumerate(dset.discards):
            self.phrases.add(discard.phrase, (DISCARD, index))
        for index, issue in enumerate(dset.issues):
            self.phrases.add(issue.phrase, (ISSUE, index))
        self.ontology = _ontology(dset)
        self.negations = {row.code: row.negated for row in dset.event_codes or ()
                          if row.negated}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["ontology"] = None  # rebuilt on unpickling (it holds read-only mappings)
        if not isinstance(self._parser, str):
            state["_parser"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.ontology = _ontology(self.dictionaries)

    @property
    def parser(self) -> Parser:
        """The parser, built from its spec on first use."""
        if self._parser is None:
            from eventcoder.parsers.base import make_parser

            self._parser = make_parser(self.parser_spec)
        return self._parser

    # --- coding ----------------------------------------------------------------------

    def code_document(self, doc: Document) -> list[Event]:
        """The events of a parsed document, sentence by sentence."""
        return self._code(doc, None)

    def code_documents(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Each document with its events, lazily, in order."""
        for doc in docs:
            yield doc, self._code(doc, None)

    def code_text(
        self, text: str, date: dt.date | str | None = None, doc_id: str = "text"
    ) -> list[Event]:
        """Parse a text (with the Coder's parser) and code it."""
        return self.code_document(self.parse(text, date, doc_id))

    def code_conllu(self, path: str | os.PathLike[str]) -> Iterator[Event]:
        """The events of every document of a CoNLL-U file, streamed."""
        from eventcoder.conllu import read_conllu

        for doc in read_conllu(path):
            yield from self._code(doc, None)

    def parse(self, text: str, date: dt.date | str | None = None, doc_id: str = "text"
              ) -> Document:
        """Parse one text into a Document with the Coder's parser."""
        docs = list(self.parser.parse([SourceText(doc_id, text, date)]))
        if len(docs) != 1:
            raise EventCoderError(f"the parser returned {len(docs)} documents for one text")
        return docs[0]

    def explain(self, doc_or_text: Document | str, date: dt.date | str | None = None) -> Any:
        """An :class:`~eventcoder.explain.Explanation` of how a document (or text) is coded."""
        from eventcoder.explain import Explanation

        doc = doc_or_text if isinstance(doc_or_text, Document) else self.parse(doc_or_text, date)
        traces: list[SentenceTrace] = []
        events = self._code(doc, traces)
        return Explanation(doc, tuple(traces), tuple(events))

    # --- one document ----------------------------------------------------------------

    def _code(self, doc: Document, traces: list[SentenceTrace] | None) -> list[Event]:
        flats = [self.lexicon.matcher.word_tokens([w.text for w in s.words]) for s in doc]
        phrase_hits = [self.phrases.find_all(flat) if self.phrases.size else [] for flat in flats]
        story = self._story_discard(phrase_hits)
        events: list[Event] = []
        history: list[tuple[tuple, frozenset[int]]] = []
        contexts: list[str | None] = []  # each sentence's country context (places)
        for sentence, flat, hits in zip(doc.sentences, flats, phrase_hits, strict=True):
            found = self._code_sentence(doc, sentence, flat, hits, story, history, traces,
                                        contexts)
            events.extend(found)
        return events

    def _story_discard(self, hits: list[list]) -> str | None:
        for sentence_hits in hits:
            for _, _, payloads in sentence_hits:
                for kind, index in payloads:
                    discard = self.dictionaries.discards[index] if kind == DISCARD else None
                    if discard is not None and discard.scope == "story":
                        return f"discarded (story): {discard.phrase!r}"
        return None

    def _sentence_phrases(self, hits: list) -> tuple[str | None, tuple[str, ...]]:
        discarded = None
        issues: list[str] = []
        for _, _, payloads in hits:
            for kind, index in payloads:
                if kind == DISCARD and discarded is None:
                    discarded = f"discarded: {self.dictionaries.discards[index].phrase!r}"
                elif kind == ISSUE:
                    issue = self.dictionaries.issues[index].issue
                    if issue not in issues:
                        issues.append(issue)
        return discarded, tuple(issues)

    def _code_sentence(
        self,
        doc: Document,
        sentence: Sentence,
        flat: WordTokens,
        hits: list,
        story: str | None,
        history: list[tuple[tuple, frozenset[int]]],
        traces: list[SentenceTrace] | None,
        contexts: list[str | None] | None = None,
    ) -> list[Event]:
        discarded, issues = self._sentence_phrases(hits)
        discarded = story or discarded
        if discarded:
            if traces is not None:
                traces.append(SentenceTrace(sentence, discarded, None, (), (), (), (), issues))
            history.append(((), frozenset()))
            return []
        contexts = [] if contexts is None else contexts
        context = next((c for c in reversed(contexts) if c), None)
        sentence = repair_parse(sentence)  # "halt" parsed as an auxiliary, ...
        if self.pattern_scope == "petrarch":
            sentence = petrarch_infinitives(sentence)  # "hosting X to celebrate"
            sentence = petrarch_parentheticals(sentence)  # "restore, it seems, ties"
        tree = Tree(sentence)  # one view of the sentence, shared by every stage
        actors = find_actors(self.lexicon, tree, doc.date, history, uncoded=True, flat=flat,
                             earlier_context=context,
                             conventions=self.conventions == "news")
        contexts.append(actors.context)
        coded = actors.coded()
        history.append((coded, tree.subjects))
        if traces is None and not self._may_give_events(coded):
            return []  # (explaining codes it in full: traces show why nothing was coded)
        # when explaining, every part of every predicate is worked out (traces show them)
        predicates = [with_known_lemma(p, tree.texts[p.verb], self.verbs.by_first)
                      for p in find_predicates(tree, lazy=traces is None)]  # "cordoned"
        if traces is None and not self._may_pair(coded, tree, predicates):
            return []  # (as above)
        if self.irrealis == "code":
            predicates = [_as_realis(p) for p in predicates]
        matches = self._match(tree, predicates, actors, traces is not None)
        predicates, matches = with_nominals(
            predicates, matches, by_phrase_nominals(self.nouns, tree, predicates, actors))
        if self.negation == "table":
            matches = [self._negated_match(tree, p, m, actors, traces is not None)
                       for p, m in zip(predicates, matches, strict=True)]
        settings = Settings(doc.id, doc.date, self.ontology, self.quad_scheme, self.incomplete,
                            self.uncoded, issues, self.targets,
                            petrarch_phrase=self.pattern_scope == "petrarch")
        events, outcomes = assemble(tree, predicates, matches, actors, settings)
        if traces is not None:
            traces.append(SentenceTrace(sentence, None, actors, tuple(predicates), tuple(matches),
                                        tuple(outcomes), tuple(events), issues))
        return events

    def _may_give_events(self, coded: tuple[Mention, ...]) -> bool:
        """Whether a sentence whose coded actors are ``coded`` can give an event. Every
        event has a source and a target (unless ``incomplete``), each a mention of the
        sentence's actors with a code (one with no code gives ``""``, dropped unless
        ``uncoded``), but for a target the dictionary implies. With neither option a
        sentence with no coded actor gives none: its predicates need not be worked
        out, matched or assembled (a third of the sentences of the mixed benchmark)."""
        return bool(coded) or self.incomplete or self.uncoded

    def _may_pair(self, coded: tuple[Mention, ...], tree: Tree,
                  predicates: list[Predicate]) -> bool:
        """Whether a sentence can give an event, given its coded actors and predicates
        (see :meth:`_may_give_events`): an event's source and target have different
        codes, so with a single code among the actors only a verb whose entry implies a
        target (``target:``, "vetoed") can give one."""
        if self.incomplete or self.uncoded or len({c for m in coded for c in m.codes}) > 1:
            return True
        implying = self.verbs.implying
        return any(p.lemma in implying or tree.texts[p.verb] in implying for p in predicates)

    def _match(self, tree: Tree, predicates: list[Predicate], actors: SentenceActors,
               explain: bool) -> list[VerbMatch | None]:
        matches = [
            match_predicate(self.verbs, tree, p, actors, explain=explain,
                            adjacent_preps=self.preps == "adjacent",
                            narrow=self.pattern_scope == "petrarch")
            if self._looked_up(p, tree.texts[p.verb]) else None
            for p in predicates
        ]
        if self.nouns:  # a light verb no pattern coded takes its event noun's code
            for index, (p, m) in enumerate(zip(predicates, matches, strict=True)):
                if m is None or m.pattern is None:
                    matches[index] = light_verb_match(self.nouns, tree, p, actors) or m
        return matches


    def _looked_up(self, predicate: Predicate, text: str) -> bool:
        """Whether the verb is looked up: its lemma or form is a lemma of the verb
        dictionary (and, under ``pattern_scope="petrarch"``, its written form is one of
        the entry's forms: "departes" is no form of "depart", :mod:`eventcoder.verb_forms`)."""
        by_first = self.verbs.by_first
        if predicate.lemma not in by_first and text not in by_first:
            return False
        return (self.pattern_scope != "petrarch"
                or is_written_form(predicate.lemma, text, self.written, by_first))

    def _negated_match(self, tree: Tree, predicate: Predicate, match: VerbMatch | None,
                       actors: SentenceActors, explain: bool) -> VerbMatch | None:
        """``negation="table"``: a negated verb no ``NOT *`` pattern coded is matched as
        if affirmed, then takes the table's negated code ("did not clash" [110] -> 050)."""
        if match is None or not predicate.negated or match.code is not None:
            return match
        affirmed = attrs.evolve(predicate, negated=False, irrealis=(
            None if predicate.irrealis == "negated" else predicate.irrealis))
        found = match_predicate(self.verbs, tree, affirmed, actors, explain=explain,
                                adjacent_preps=self.preps == "adjacent",
                                narrow=self.pattern_scope == "petrarch")
        if found is None or found.code is None or found.reason is not None:
            return match
        code = self.negations.get(found.code)
        if code is None:
            return attrs.evolve(found, code=None, reverse_code=None,
                                reason=f"negated (no negated code for {found.code})")
        reverse = self.negations.get(found.reverse_code) if found.reverse_code else None
        return attrs.evolve(found, code=code, reverse_code=reverse)


def _as_realis(predicate: Predicate) -> Predicate:
    """A modal or planned predicate as an act that happened (PETRARCH's convention)."""
    if predicate.irrealis and predicate.irrealis.startswith(INTENT_MOODS):
        return attrs.evolve(predicate, irrealis=None)
    return predicate


def _dictionary_set(
    dictionaries: DictionarySet | Sequence[str | os.PathLike[str]] | None,
) -> DictionarySet:
    if isinstance(dictionaries, DictionarySet):
        return dictionaries
    from eventcoder.dictionaries.loading import load_dictionaries

    if dictionaries is None:
        return load_dictionaries()
    if isinstance(dictionaries, (str, os.PathLike)):
        dictionaries = [dictionaries]
    return load_dictionaries([os.fspath(p) for p in dictionaries])


def _ontology(dset: DictionarySet) -> Any:
    from eventcoder.ontology import Ontology

    if dset.event_codes is None:
        return Ontology.cameo()
    return Ontology.from_table(dset.event_codes)
