"""The verb-pattern syntax: parsing pattern strings into pattern items, and back.

A pattern is whitespace-separated items around exactly one ``*`` (the verb)::

    WORD        a lemma (case-insensitive)       WORD_      that exact word form
    A/B         either word                      A_B {A B}  a multiword phrase
    &NAME       any word of synset NAME          {A &X B}   items forming one noun phrase
    (TO/FOR ..) a prepositional phrase           NOT *      the verb is negated
    $ + %       source, target, both (compound)  ^          skip a phrase

Codes are written ``190``, ``042:043`` (forward:reverse), ``:190`` (reverse only) and
``---`` (the pattern blocks coding).

:func:`parse_pattern` and :func:`format_pattern` are inverses on the items: the
loader stores ``Pattern.text`` as ``format_pattern`` of the parsed items (words in
capitals, one space between items), and the dumper writes that text, so patterns
round-trip exactly. Words are stored lower-case, synset names upper-case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from eventcoder.dictionaries.schema import (
    Group,
    Pattern,
    PatternItem,
    PrepPhrase,
    Slot,
    SynsetRef,
    Term,
)
from eventcoder.errors import EventCoderError

__all__ = [
    "ParsedPattern",
    "PatternSyntaxError",
    "format_code",
    "format_items",
    "format_pattern",
    "make_pattern",
    "parse_code",
    "parse_pattern",
    "pattern_synsets",
    "walk_items",
]

BLOCK_CODE = "---"
_TOKEN = re.compile(r"\s*([(){}]|[^\s(){}]+)")
_WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]*)*")
SYNSET_NAME = re.compile(r"[A-Z0-9][A-Z0-9_]*")
_SLOTS = {"$": "source", "+": "target", "%": "both", "^": "skip"}
_SLOT_TEXT = {role: text for text, role in _SLOTS.items()}
_CODE = re.compile(r"[0-9A-Za-z]+")


class PatternSyntaxError(EventCoderError):
    """A malformed pattern or code string; ``offset`` is the character it was found at."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        self.message = message
        self.offset = offset
        where = f" (at character {offset + 1})" if offset is not None else ""
        super().__init__(f"{message}{where}")


@attrs.frozen
class ParsedPattern:
    """The items of a pattern string: before and after ``*``, and ``NOT *``."""

    before: tuple[PatternItem, ...]
    after: tuple[PatternItem, ...]
    negated: bool = False


# --- tokens -------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[str, int]]:
    tokens = []
    for match in _TOKEN.finditer(text):
        tokens.append((match.group(1), match.start(1)))
    return tokens


class _Cursor:
    """A position in the token list (parsing state, local to one call)."""

    def __init__(self, tokens: list[tuple[str, int]], length: int) -> None:
        self.tokens = tokens
        self.index = 0
        self.length = length

    def peek(self) -> str | None:
        return self.tokens[self.index][0] if self.index < len(self.tokens) else None

    def offset(self) -> int:
        return self.tokens[self.index][1] if self.index < len(self.tokens) else self.length

    def take(self) -> tuple[str, int]:
        token = self.tokens[self.index]
        self.index += 1
        return token


# --- parsing ------------------------------------------------------------------------


def _term(token: str, offset: int) -> Term:
    exact = token.endswith("_") and len(token) > 1
    body = token[:-1] if exact else token
    alternatives = []
    for alternative in body.split("/"):
        words = alternative.split("_")
        if not all(_WORD.fullmatch(word) for word in words):
            raise PatternSyntaxError(f"{token!r} is not a word, phrase or pattern symbol", offset)
        alternatives.append(" ".join(words).lower())
    return Term(tuple(alternatives), exact=exact)


def _atom(token: str, offset: int) -> PatternItem:
    if token in _SLOTS:
        return Slot(_SLOTS[token])  # type: ignore[arg-type]
    if token.startswith("&"):
        name = token[1:].upper()
        if not SYNSET_NAME.fullmatch(name):
            raise PatternSyntaxError(
                f"{token!r} is not a synset name (&LETTERS_AND_DIGITS)", offset
            )
        return SynsetRef(name)
    if token == "*":
        raise PatternSyntaxError("'*' (the verb) cannot be inside ( ) or { }", offset)
    return _term(token, offset)


def _items_until(cursor: _Cursor, closer: str | None) -> list[PatternItem]:
    items: list[PatternItem] = []
    while (token := cursor.peek()) is not None and token != closer:
        items.append(_item(cursor))
    if closer is not None and token is None:
        raise PatternSyntaxError(f"missing {closer!r}", cursor.length)
    return items


def _item(cursor: _Cursor) -> PatternItem:
    token, offset = cursor.take()
    if token in (")", "}"):
        raise PatternSyntaxError(f"unmatched {token!r}", offset)
    if token == "(":
        return _prep_phrase(cursor, offset)
    if token == "{":
        return _group(cursor, offset)
    return _atom(token, offset)


def _prep_phrase(cursor: _Cursor, offset: int) -> PrepPhrase:
    token = cursor.peek()
    if token is None or token in "(){}" or token[0] in "&$+%^*":
        raise PatternSyntaxError("'(' must be followed by a preposition, as in (TO +)", offset)
    prep_token, prep_offset = cursor.take()
    prep = _term(prep_token, prep_offset)
    if prep.exact:
        raise PatternSyntaxError(f"preposition {prep_token!r} cannot end in '_'", prep_offset)
    items = _items_until(cursor, ")")
    cursor.take()
    return PrepPhrase(prep.alternatives, tuple(items))


def _is_plain_word(item: PatternItem) -> bool:
    return isinstance(item, Term) and not item.exact and len(item.alternatives) == 1


def _group(cursor: _Cursor, offset: int) -> PatternItem:
    items = _items_until(cursor, "}")
    cursor.take()
    if not items:
        raise PatternSyntaxError("empty { }", offset)
    if all(_is_plain_word(item) for item in items):
        return Term((" ".join(item.alternatives[0] for item in items),))  # type: ignore[union-attr]
    return Group(tuple(items))


def walk_items(items: Sequence[PatternItem]) -> Iterator[PatternItem]:
    """Every item, including those nested in groups and prepositional phrases."""
    for item in items:
        yield item
        if isinstance(item, (Group, PrepPhrase)):
            yield from walk_items(item.items)


def _check_slots(items: Sequence[PatternItem]) -> None:
    roles = [item.role for item in walk_items(items) if isinstance(item, Slot)]
    for role in ("source", "target", "both"):
        if roles.count(role) > 1:
            raise PatternSyntaxError(f"{_SLOT_TEXT[role]!r} appears more than once")
    if "both" in roles and ("source" in roles or "target" in roles):
        raise PatternSyntaxError("'%' (source and target) cannot be combined with '$' or '+'")


def parse_pattern(text: str) -> ParsedPattern:
    """Parse a pattern string; raises :class:`PatternSyntaxError` naming the problem."""
    cursor = _Cursor(_tokens(text), len(text))
    before: list[PatternItem] = []
    after: list[PatternItem] | None = None
    while (token := cursor.peek()) is not None:
        if token == "*":
            if after is not None:
                raise PatternSyntaxError("more than one '*' (the verb)", cursor.offset())
            cursor.take()
            after = []
            continue
        (before if after is None else after).append(_item(cursor))
    if after is None:
        raise PatternSyntaxError("no '*' marking where the verb is")
    negated = bool(before) and before[-1] == Term(("not",))
    if negated:
        before.pop()
    _check_slots([*before, *after])
    return ParsedPattern(tuple(before), tuple(after), negated)


# --- formatting ---------------------------------------------------------------------


def _upper(word: str) -> str:
    upper = word.upper()
    return upper if upper.lower() == word else word


def _format_words(alternatives: Sequence[str]) -> str:
    return "/".join(_upper(alternative).replace(" ", "_") for alternative in alternatives)


def _format_term(term: Term) -> str:
    if not term.exact and len(term.alternatives) == 1 and " " in term.alternatives[0]:
        return "{" + _upper(term.alternatives[0]) + "}"
    return _format_words(term.alternatives) + ("_" if term.exact else "")


def _format_item(item: PatternItem) -> str:
    if isinstance(item, Term):
        return _format_term(item)
    if isinstance(item, SynsetRef):
        return "&" + item.name
    if isinstance(item, Slot):
        return _SLOT_TEXT[item.role]
    if isinstance(item, PrepPhrase):
        inner = (_format_item(inner) for inner in item.items)
        return "(" + " ".join([_format_words(item.preps), *inner]) + ")"
    return "{" + format_items(item.items) + "}"


def format_items(items: Sequence[PatternItem]) -> str:
    """Items as pattern text, one space between them."""
    return " ".join(_format_item(item) for item in items)


def format_pattern(
    before: Sequence[PatternItem], after: Sequence[PatternItem], negated: bool = False
) -> str:
    """The canonical pattern string for the items (the inverse of :func:`parse_pattern`)."""
    verb = ["NOT", "*"] if negated else ["*"]
    return " ".join(part for part in (format_items(before), *verb, format_items(after)) if part)


# --- codes --------------------------------------------------------------------------


def parse_code(text: str) -> tuple[str | None, str | None]:
    """``"042:043"`` -> ``("042", "043")``; ``":190"`` -> ``(None, "190")``;
    ``"---"`` -> ``(None, None)``."""
    text = text.strip()
    if text == BLOCK_CODE:
        return None, None
    forward, colon, reverse = text.partition(":")
    for part in (forward, reverse) if colon else (forward,):
        if part and not _CODE.fullmatch(part):
            raise PatternSyntaxError(f"{text!r} is not a code like 190, 042:043, :190 or ---")
    if not forward and not reverse:
        raise PatternSyntaxError(f"{text!r} is not a code like 190, 042:043, :190 or ---")
    return forward or None, reverse or None


def format_code(code: str | None, reverse_code: str | None = None) -> str:
    """The inverse of :func:`parse_code`."""
    if code is None and reverse_code is None:
        return BLOCK_CODE
    return f"{code or ''}:{reverse_code}" if reverse_code else str(code)


def make_pattern(text: str, code: str, **fields: object) -> Pattern:
    """A :class:`Pattern` from pattern and code strings, with canonical ``text``.

    Raises :class:`PatternSyntaxError`; ``fields`` may give ``notes`` and ``origin``.
    """
    parsed = parse_pattern(text)
    forward, reverse = parse_code(code)
    return Pattern(
        text=format_pattern(parsed.before, parsed.after, parsed.negated),
        code=forward,
        before=parsed.before,
        after=parsed.after,
        reverse_code=reverse,
        negated=parsed.negated,
        **fields,  # type: ignore[arg-type]
    )


def pattern_synsets(pattern: Pattern) -> Iterator[str]:
    """The synset names a pattern refers to."""
    for item in walk_items([*pattern.before, *pattern.after]):
        if isinstance(item, SynsetRef):
            yield item.name
