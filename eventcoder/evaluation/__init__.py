"""Measuring the coder: scoring against gold event sets and running PETRARCH validation files.

- :mod:`eventcoder.evaluation.gold` reads gold JSON Lines files.
- :mod:`eventcoder.evaluation.scoring` matches system events to gold events and counts
  true/false positives and misses, per the gold set's scoring convention.
- :mod:`eventcoder.evaluation.validate` runs a PETRARCH-style validation file.
- :mod:`eventcoder.evaluation.report` turns results into tables and JSON.
"""

from eventcoder.evaluation.gold import GoldEvent, GoldSentence, read_gold
from eventcoder.evaluation.scoring import (
    ActorKeys,
    Counts,
    Evaluation,
    SentenceScore,
    SystemEvent,
    evaluate_gold,
    score_sentence,
)

__all__ = [
    "ActorKeys",
    "Counts",
    "Evaluation",
    "GoldEvent",
    "GoldSentence",
    "SentenceScore",
    "SystemEvent",
    "evaluate_gold",
    "read_gold",
    "score_sentence",
]
