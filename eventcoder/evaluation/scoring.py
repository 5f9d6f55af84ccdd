"""Scoring coded events against a gold set (the convention of the gold set's README).

1. A system event matches a gold event when its source and target codes match the gold
   actor keys (:class:`ActorKeys`) and its code equals the gold code or an alternative
   (at the root level: its first two digits equal the first two digits of one of them).
2. Matching is one-to-one and maximal: required gold events first, then optional ones
   (:func:`match_events`, a maximum bipartite matching, so the figures do not depend on
   the order events are listed in). Identical system events count once.
3. A system event matched to an optional gold event counts neither way; an unmatched
   optional gold event is not a miss.
4. TP: matched to a required gold event; FP: matched to nothing (always so when the
   source or target is empty); FN: a required gold event left unmatched.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Literal

import attrs

from eventcoder.errors import InputError
from eventcoder.evaluation.gold import GoldEvent, GoldSentence
from eventcoder.events import Event

Level = Literal["event", "root"]

#: The CAMEO roles whose unlisted ``CCC_GOV`` key also takes these codes (gold README).
_GOV_EXTRAS = ("COP", "SPY")


@attrs.frozen
class ActorKeys:
    """Which actor codes count as a match for each gold actor key.

    ``prefixes`` maps a key (``SYR_HTS``) to code prefixes (``SYRREB``, ``SYRINS``); a
    prefix ending in ``$`` must equal the whole code. A key not in the table is read as
    ``CCC_ROLE`` and takes codes starting ``CCCROLE``; ``CCC_GOV`` also takes ``CCCCOP``,
    ``CCCSPY`` and the bare ``CCC``. A key with no underscore takes codes starting with it.
    """

    prefixes: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, hash=False)

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorKeys:
        """Read a key table (``{"KEY": ["PREFIX", ...]}``); the packaged copy by default."""
        if path is None:
            text = resources.files("eventcoder").joinpath("data/actor_keys.json").read_text()
            name = "eventcoder/data/actor_keys.json"
        else:
            name = str(path)
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as error:
                raise InputError(f"cannot open: {error.strerror}", file=name) from error
        return cls.from_json(text, name)

    @classmethod
    def from_json(cls, text: str, name: str = "<actor keys>") -> ActorKeys:
        """Build the table from JSON text; keys starting with ``_`` are comments."""
        try:
            table = json.loads(text)
        except json.JSONDecodeError as error:
            message = f"not valid JSON: {error.msg}"
            raise InputError(message, file=name, line=error.lineno) from error
        if not isinstance(table, dict):
            raise InputError("expected a JSON object of key -> prefixes", file=name)
        prefixes: dict[str, tuple[str, ...]] = {}
        for key, value in table.items():
            if key.startswith("_"):
                continue
            if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
                raise InputError("expected a list of code prefixes", file=name, field=key)
            prefixes[key] = tuple(value)
        return cls(prefixes)

    def prefixes_for(self, key: str) -> tuple[str, ...]:
        """The prefixes that match ``key`` (from the table, else by the naming rule)."""
        if key in self.prefixes:
            return self.prefixes[key]
        country, sep, role = key.partition("_")
        if not sep:
            return (key,)
        own = country + role.replace("_", "")
        if role == "GOV":
            return (own, *(country + extra for extra in _GOV_EXTRAS), country + "$")
        return (own,)

    def accepts(self, key: str, code: str | None) -> bool:
        """True when an actor ``code`` matches the gold actor ``key``."""
        if not code:
            return False
        return any(_prefix_matches(prefix, code) for prefix in self.prefixes_for(key))


def _prefix_matches(prefix: str, code: str) -> bool:
    if prefix.endswith("$"):
        return code == prefix[:-1]
    return code.startswith(prefix)


@attrs.frozen
class SystemEvent:
    """The part of a coded event that scoring looks at: source code, event code, target code."""

    source: str | None
    code: str
    target: str | None

    @classmethod
    def from_event(cls, event: Event) -> SystemEvent:
        """The scored triple of a coder :class:`~eventcoder.events.Event`."""
        return cls(
            event.source.code if event.source else None,
            event.code,
            event.target.code if event.target else None,
        )

    def __str__(self) -> str:
        return f"{self.source or '-'} {self.code} {self.target or '-'}"


@attrs.frozen
class Counts:
    """True positives, false positives and false negatives, with P, R and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@attrs.frozen
class Matching:
    """The outcome of matching one sentence's system events to its gold events."""

    tp: tuple[tuple[SystemEvent, GoldEvent], ...] = ()
    optional: tuple[tuple[SystemEvent, GoldEvent], ...] = ()
    fp: tuple[SystemEvent, ...] = ()
    fn: tuple[GoldEvent, ...] = ()

    @property
    def counts(self) -> Counts:
        return Counts(len(self.tp), len(self.fp), len(self.fn))


def code_matches(gold: GoldEvent, code: str, level: Level = "event") -> bool:
    """True when a system event code matches the gold event's code or an alternative."""
    if level == "root":
        return code[:2] in gold.roots
    return code in gold.codes


def event_matches(
    gold: GoldEvent, system: SystemEvent, keys: ActorKeys, level: Level = "event"
) -> bool:
    """Rule 1: actors match the keys and the code matches (empty actors never match)."""
    return (
        keys.accepts(gold.source, system.source)
        and keys.accepts(gold.target, system.target)
        and code_matches(gold, system.code, level)
    )


def match_events(
    gold: Sequence[GoldEvent],
    system: Iterable[SystemEvent],
    keys: ActorKeys,
    level: Level = "event",
) -> Matching:
    """Rules 2-4 for one sentence: a maximum one-to-one matching, required events first.

    Augmenting paths never unmatch a matched gold event, so after the required events
    the number of matched required events is maximal, and the optional events then only
    add matches; the counts do not depend on the order of either list.
    """
    events = list(dict.fromkeys(system))
    order = [i for i, g in enumerate(gold) if not g.optional]
    order += [i for i, g in enumerate(gold) if g.optional]
    edges = {
        i: [j for j, s in enumerate(events) if event_matches(gold[i], s, keys, level)]
        for i in order
    }
    owner = _bipartite_matching(order, edges)
    matched_gold = {g: s for s, g in owner.items()}
    return Matching(
        tp=tuple((events[s], gold[g]) for g, s in sorted(matched_gold.items())
                 if not gold[g].optional),
        optional=tuple((events[s], gold[g]) for g, s in sorted(matched_gold.items())
                       if gold[g].optional),
        fp=tuple(s for j, s in enumerate(events) if j not in owner),
        fn=tuple(g for i, g in enumerate(gold) if i not in matched_gold and not g.optional),
    )


def _bipartite_matching(order: Sequence[int], edges: Mapping[int, list[int]]) -> dict[int, int]:
    """Kuhn's augmenting-path matching; returns system index -> gold index."""
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for s in edges[g]:
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = g
                return True
        return False

    for g in order:
        augment(g, set())
    return owner


@attrs.frozen
class SentenceScore:
    """One gold sentence, the system's events for it, and both levels' matchings."""

    sentence: GoldSentence
    system: tuple[SystemEvent, ...]
    event: Matching
    root: Matching


def score_sentence(
    sentence: GoldSentence, system: Iterable[SystemEvent], keys: ActorKeys
) -> SentenceScore:
    """Match a sentence's system events against its gold events at both levels."""
    events = tuple(dict.fromkeys(system))
    return SentenceScore(
        sentence=sentence,
        system=events,
        event=match_events(sentence.events, events, keys, "event"),
        root=match_events(sentence.events, events, keys, "root"),
    )


@attrs.frozen
class Evaluation:
    """Micro-averaged figures over a gold set, and the per-sentence detail behind them."""

    event: Counts
    root: Counts
    per_root: Mapping[str, Counts] = attrs.field(hash=False)
    sentences: tuple[SentenceScore, ...] = ()

    @property
    def no_event_sentences(self) -> int:
        """How many sentences have no required gold event."""
        return sum(1 for s in self.sentences if not s.sentence.required)

    @property
    def no_event_sentences_with_fp(self) -> int:
        """How many sentences with no required gold event drew at least one FP."""
        return sum(1 for s in self.sentences if not s.sentence.required and s.event.fp)

    def to_dict(self) -> dict[str, object]:
        """The figures as JSON-ready values (the shape ``evaluate --json`` prints)."""
        return {
            "sentences": len(self.sentences),
            "event": self.event.to_dict(),
            "root": self.root.to_dict(),
            "per_root": {root: c.to_dict() for root, c in sorted(self.per_root.items())},
            "no_event_sentences": self.no_event_sentences,
            "no_event_sentences_with_fp": self.no_event_sentences_with_fp,
        }


def summarise(scores: Iterable[SentenceScore]) -> Evaluation:
    """Pool sentence scores into micro-averaged counts (and full-code counts per root).

    In the per-root table a TP or FN counts under the root of the gold event's best
    code, an FP under the root of the system event's code.
    """
    scores = tuple(scores)
    per_root: dict[str, Counts] = {}

    def add(root: str, counts: Counts) -> None:
        per_root[root] = per_root.get(root, Counts()) + counts

    for score in scores:
        for _, gold in score.event.tp:
            add(gold.code[:2], Counts(tp=1))
        for gold in score.event.fn:
            add(gold.code[:2], Counts(fn=1))
        for system in score.event.fp:
            add(system.code[:2], Counts(fp=1))
    return Evaluation(
        event=sum((s.event.counts for s in scores), Counts()),
        root=sum((s.root.counts for s in scores), Counts()),
        per_root=per_root,
        sentences=scores,
    )


def evaluate_gold(
    sentences: Iterable[GoldSentence],
    system: Mapping[str, Iterable[SystemEvent]] | Callable[[GoldSentence], Iterable[SystemEvent]],
    keys: ActorKeys | None = None,
) -> Evaluation:
    """Score system events (by sentence id, or a function of the sentence) against gold.

    A sentence missing from a mapping counts as coded with no events.
    """
    keys = keys or ActorKeys.load()
    if callable(system):
        lookup = system
    else:
        table = system
        lookup = lambda sentence: table.get(sentence.id, ())  # noqa: E731
    return summarise(score_sentence(s, lookup(s), keys) for s in sentences)
