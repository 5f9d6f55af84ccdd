"""Coding a gold set with a Coder and scoring it: the library side of ``evaluate``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from eventcoder.coder import Coder
from eventcoder.evaluation.gold import GoldSentence
from eventcoder.evaluation.scoring import ActorKeys, Evaluation, SystemEvent, evaluate_gold
from eventcoder.events import Event
from eventcoder.model import SourceText


def code_gold(
    sentences: Sequence[GoldSentence], coder: Coder
) -> Iterator[tuple[GoldSentence, list[Event]]]:
    """Parse each gold sentence with the coder's parser (as one document, with its
    date) and code it; yields the sentence with its events, in order."""
    texts = (SourceText(s.id, s.text, s.date) for s in sentences)
    documents = coder.parser.parse(texts)
    for sentence, document in zip(sentences, documents, strict=True):
        yield sentence, coder.code_document(document)


def evaluate_coder(
    sentences: Sequence[GoldSentence], coder: Coder, keys: ActorKeys | None = None
) -> tuple[Evaluation, dict[str, list[Event]]]:
    """Code and score a gold set; also returns the coded events by sentence id."""
    coded = {sentence.id: events for sentence, events in code_gold(sentences, coder)}
    triples = {key: [SystemEvent.from_event(e) for e in events] for key, events in coded.items()}
    return evaluate_gold(sentences, triples, keys), coded
