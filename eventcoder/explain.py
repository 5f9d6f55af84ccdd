"""Explanations: how the coder read a sentence and why each event was or was not coded.

:meth:`eventcoder.coder.Coder.explain` builds an :class:`Explanation`; ``str()`` of it
(or :meth:`Explanation.to_text`) is the readable report ``eventcoder explain`` prints,
and :meth:`Explanation.to_dict` the same content as JSON-ready values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from eventcoder.actors import Mention
from eventcoder.assemble import Outcome
from eventcoder.events import Event
from eventcoder.model import Document, Sentence
from eventcoder.patterns import Attempt

if TYPE_CHECKING:
    from eventcoder.coder import SentenceTrace

__all__ = ["Explanation", "format_tree"]

#: How many tried patterns are listed per verb before the rest are summarised.
MAX_ATTEMPTS = 12


def format_tree(sentence: Sentence, indent: str = "  ") -> list[str]:
    """The dependency tree as indented lines: ``word (UPOS, relation)``."""
    lines: list[str] = []

    def walk(word_id: int, depth: int) -> None:
        word = sentence.word(word_id)
        lines.append(f"{indent * depth}{word.text}  ({word.upos.lower()}, {word.deprel}, "
                     f"#{word.id})")
        for child in sentence.children(word):
            if child.deprel != "punct":
                walk(child.id, depth + 1)

    if sentence.root is not None:
        walk(sentence.root.id, 0)
    return lines


def _mention_dict(mention: Mention) -> dict[str, Any]:
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "codes": list(mention.codes),
        "entry": mention.entry,
        "how": mention.kind,
        "note": mention.note,
    }


def _mention_line(mention: Mention) -> str:
    codes = ", ".join(mention.codes) if mention.codes else "uncoded"
    how = {
        "actor": f"dictionary entry {mention.entry!r}",
        "combined": f"combined: {mention.entry}",
        "modifier": f"from the actor in front: {mention.entry!r}",
        "agent": f"agent {mention.entry!r}" + ("" if mention.codes else ", no country or actor "
                                                 "to combine with"),
        "apposition": f"from its apposition ({mention.entry})",
        "pronoun": f"pronoun: {mention.note} (entry {mention.entry!r})",
        "uncoded": "not in the dictionaries",
    }.get(mention.kind, mention.kind)
    quiet = ("uncoded", "pronoun")
    note = f"; {mention.note}" if mention.note and mention.kind not in quiet else ""
    return f'"{mention.text}" (words {mention.start}-{mention.end}) -> {codes}   [{how}{note}]'


def _attempt_line(attempt: Attempt) -> str:
    origin = f"  ({attempt.pattern.origin})" if attempt.pattern.origin else ""
    code = _code_text(attempt.pattern.code, attempt.pattern.reverse_code)
    if attempt.score is None:
        return f"{attempt.pattern.text}  [{code}]  no: {attempt.why}{origin}"
    return f"{attempt.pattern.text}  [{code}]  matched, {attempt.score} item(s){origin}"


def _code_text(code: str | None, reverse: str | None) -> str:
    if code is None and reverse is None:
        return "---"
    return f"{code or ''}:{reverse}" if reverse else str(code)


def _event_line(event: Event) -> str:
    source = event.source.code if event.source else "(none)"
    target = event.target.code if event.target else "(none)"
    who = (f"{event.source.text if event.source else '?'} -> "
           f"{event.target.text if event.target else '?'}")
    where = f", {event.location.text}" if event.location else ""
    return f"{source}  {event.code}  {target}   ({who}; verb {event.verb!r}{where})"


def _outcome_lines(sentence: Sentence, outcome: Outcome) -> list[str]:
    p = outcome.predicate
    voice = "passive" if p.passive else "active"
    flags = [voice, p.relation]
    if p.negated:
        flags.append("negated")
    if p.modals:
        flags.append("modal " + "/".join(p.modals))
    lines = [f"{sentence.word(p.verb).text!r} (lemma {p.lemma}, word {p.verb}; {', '.join(flags)})"]
    srcs = ", ".join(f"{sentence.word(a.head).text} [{a.via}]" for a in p.sources) or "none"
    tgts = ", ".join(f"{sentence.word(a.head).text} [{a.via}]" for a in p.targets) or "none"
    obls = ", ".join(f"{a.prep or '-'} {sentence.word(a.head).text}" for a in p.obliques)
    lines.append(f"  subject side: {srcs};  object side: {tgts}" + (f";  obliques: {obls}"
                                                                      if obls else ""))
    match = outcome.match
    if match is None:
        lines.append("  verb not in the dictionaries")
        return lines
    default = match.entry.code if match.entry and match.entry.code else "none"
    lines.append(f"  dictionary: {match.entry.name if match.entry else '?'} "
                 f"(verb {match.verb_text!r}, default code {default})")
    lines.extend(_attempt_lines(match.attempts))
    if match.pattern is not None:
        lines.append(f"  chosen pattern: {match.pattern.text} "
                     f"[{_code_text(match.code, match.reverse_code)}]")
    elif match.code:
        lines.append(f"  no pattern matched: the verb's default code {match.code} applies")
    if match.implied_target and any(t.kind == "implied" for t in outcome.targets):
        lines.append(f"  no target in the sentence: implied target from dictionary "
                     f"{match.implied_target}")
    for event in outcome.events:
        lines.append(f"  => event {_event_line(event)}")
    if not outcome.events:
        lines.append(f"  => no event: {outcome.reason}")
    return lines


def _attempt_lines(attempts: tuple[Attempt, ...]) -> list[str]:
    if not attempts:
        return []
    shown = [a for a in attempts if a.why != "a word of the pattern is not in the sentence"]
    hidden = len(attempts) - len(shown)
    lines = ["  patterns tried:"]
    lines.extend(f"    {_attempt_line(a)}" for a in shown[:MAX_ATTEMPTS])
    if len(shown) > MAX_ATTEMPTS:
        lines.append(f"    ... and {len(shown) - MAX_ATTEMPTS} more")
    if hidden:
        lines.append(f"    ({hidden} other pattern(s) need words that are not in the sentence)")
    return lines


@attrs.frozen
class Explanation:
    """How a document was coded: one trace per sentence, and the events."""

    document: Document
    sentences: tuple[SentenceTrace, ...]
    events: tuple[Event, ...]

    def __str__(self) -> str:
        return self.to_text()

    def to_text(self) -> str:
        """The readable report (what ``eventcoder explain`` prints)."""
        out: list[str] = []
        date = self.document.date.isoformat() if self.document.date else "none"
        out.append(f"Document {self.document.id!r}, date {date}")
        for trace in self.sentences:
            out.append("")
            out.extend(self._sentence_text(trace))
        out.append("")
        out.append(f"Events ({len(self.events)}):")
        out.extend(f"  sentence {e.sentence}: {_event_line(e)}" for e in self.events)
        if not self.events:
            out.append("  none")
        return "\n".join(out) + "\n"

    def _sentence_text(self, trace: SentenceTrace) -> list[str]:
        sentence = trace.sentence
        out = [f"Sentence {sentence.index}: {sentence.text}", "", "Parse tree:"]
        out.extend(format_tree(sentence, "  ")[:200])
        if trace.issues:
            out.append(f"Issues: {', '.join(trace.issues)}")
        if trace.discarded:
            out.extend(["", f"Not coded: {trace.discarded}"])
            return out
        out.extend(["", "Actors:"])
        mentions = trace.actors.mentions if trace.actors else ()
        out.extend(f"  {_mention_line(m)}" for m in mentions)
        if not mentions:
            out.append("  none found")
        out.extend(["", "Verbs:"])
        for outcome in trace.outcomes:
            out.extend(f"  {line}" for line in _outcome_lines(sentence, outcome))
        if not trace.outcomes:
            out.append("  none")
        return out

    def to_dict(self) -> dict[str, Any]:
        """The explanation as JSON-ready values."""
        return {
            "doc_id": self.document.id,
            "date": self.document.date.isoformat() if self.document.date else None,
            "sentences": [self._sentence_dict(t) for t in self.sentences],
            "events": [e.to_dict() for e in self.events],
        }

    def _sentence_dict(self, trace: SentenceTrace) -> dict[str, Any]:
        sentence = trace.sentence
        return {
            "index": sentence.index,
            "text": sentence.text,
            "tree": format_tree(sentence),
            "discarded": trace.discarded,
            "issues": list(trace.issues),
            "actors": [_mention_dict(m) for m in trace.actors.mentions] if trace.actors else [],
            "verbs": [_outcome_dict(sentence, o) for o in trace.outcomes],
        }


def _outcome_dict(sentence: Sentence, outcome: Outcome) -> dict[str, Any]:
    p = outcome.predicate
    match = outcome.match
    return {
        "verb": sentence.word(p.verb).text,
        "lemma": p.lemma,
        "word": p.verb,
        "relation": p.relation,
        "passive": p.passive,
        "negated": p.negated,
        "modals": list(p.modals),
        "irrealis": p.irrealis,
        "sources": [{"word": a.head, "via": a.via} for a in p.sources],
        "targets": [{"word": a.head, "via": a.via} for a in p.targets],
        "dictionary": match.entry.name if match and match.entry else None,
        "patterns_tried": [
            {"pattern": a.pattern.text, "code": _code_text(a.pattern.code, a.pattern.reverse_code),
             "matched": a.score is not None, "score": a.score, "why": a.why,
             "origin": str(a.pattern.origin) if a.pattern.origin else None}
            for a in (match.attempts if match else ())
        ],
        "pattern": match.pattern.text if match and match.pattern else None,
        "code": match.code if match else None,
        "events": [e.to_dict() for e in outcome.events],
        "reason": outcome.reason,
    }
