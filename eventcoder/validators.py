"""attrs-style validators for eventcoder's value types (CAMEO codes, actor codes, dates,
UD relation names).

Each factory returns a callable ``(instance, attribute, value)`` for
``attrs.field(validator=...)``; it raises :class:`InvalidValueError` (an
:class:`~eventcoder.errors.InputError` and a ``ValueError``) whose message names the
field, what was expected and what came:

>>> import attrs
>>> from eventcoder import validators
>>> @attrs.frozen
... class Coded:
...     code: str = attrs.field(validator=validators.event_code())
>>> try:
...     Coded("999")
... except ValueError as error:
...     print(error)
code: 'code' must be an event code of the CAMEO table, got '999'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import attrs

from eventcoder.errors import InputError
from eventcoder.ontology import Ontology, validate_actor_code

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: The 37 universal dependency relations of UD v2.
UD_RELATIONS: frozenset[str] = frozenset(
    [
        "acl",
        "advcl",
        "advmod",
        "amod",
        "appos",
        "aux",
        "case",
        "cc",
        "ccomp",
        "clf",
        "compound",
        "conj",
        "cop",
        "csubj",
        "dep",
        "det",
        "discourse",
        "dislocated",
        "expl",
        "fixed",
        "flat",
        "goeswith",
        "iobj",
        "list",
        "mark",
        "nmod",
        "nsubj",
        "nummod",
        "obj",
        "obl",
        "orphan",
        "parataxis",
        "punct",
        "reparandum",
        "root",
        "vocative",
        "xcomp",
    ]
)
_SUBTYPE = re.compile(r"[a-z]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class InvalidValueError(InputError, ValueError):
    """A value that a validator refused; ``location.field`` is the attribute's name."""


def _fail(attribute: attrs.Attribute[Any], expected: str, value: Any) -> None:
    raise InvalidValueError(
        f"{attribute.name!r} must be {expected}, got {value!r}", field=attribute.name
    )


def event_code(ontology: Ontology | None = None) -> Validator:
    """A code of ``ontology`` (default: the CAMEO table), e.g. ``"190"`` or ``"0871"``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        table = ontology if ontology is not None else Ontology.cameo()
        if not isinstance(value, str) or value not in table:
            _fail(attribute, f"an event code of the {table.name} table", value)

    return check


def actor_code() -> Validator:
    """A well-formed CAMEO actor code of known parts (``SYRGOV``, ``IGOUNO``)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        problem = validate_actor_code(value)
        if problem:
            _fail(attribute, f"a CAMEO actor code ({problem})", value)

    return check


def iso_date() -> Validator:
    """A ``datetime.date`` or an ISO ``YYYY-MM-DD`` string naming a real day."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return
        if isinstance(value, str) and _ISO_DATE.fullmatch(value) and _is_day(value):
            return
        _fail(attribute, "an ISO date (YYYY-MM-DD)", value)

    return check


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def is_ud_relation(value: object) -> bool:
    """True for a UD v2 relation, bare (``nsubj``) or with a subtype (``nsubj:pass``)."""
    if not isinstance(value, str):
        return False
    base, colon, subtype = value.partition(":")
    return base in UD_RELATIONS and (not colon or _SUBTYPE.fullmatch(subtype) is not None)


def ud_relation() -> Validator:
    """A UD v2 universal relation, optionally with a lower-case subtype (``obl:tmod``)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not is_ud_relation(value):
            _fail(attribute, "a UD v2 relation (e.g. nsubj, obl:tmod)", value)

    return check
