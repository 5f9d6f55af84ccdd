"""Checking codes: actor and agent codes, and event codes against the right table.

Event codes are checked against CAMEO unless the dictionary set declares its own
``event_codes`` table, in which case that table replaces CAMEO. :func:`event_code_table`
says which one is in use, so that ``dictionaries check`` can print it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs

from eventcoder.dictionaries.schema import EventCodeDef
from eventcoder.ontology import (
    Ontology,
    is_event_code_syntax,
    validate_actor_code,
    validate_agent_code,
)

__all__ = [
    "EventCodeTable",
    "check_actor_code",
    "check_actor_code_shape",
    "check_agent_code",
    "check_agent_code_shape",
    "check_event_code_syntax",
    "check_part",
    "event_code_table",
]

#: A declared actor-code part: three upper-case letters or digits.
_PART = re.compile(r"[A-Z0-9]{3}")


def check_actor_code(code: str, extra_parts: Iterable[str] = ()) -> str | None:
    """What is wrong with an actor code (``SYRGOV``), or None. ``extra_parts`` are
    parts the set declares (``actor_code_parts:``) besides the known CAMEO parts."""
    return validate_actor_code(code, extra_parts=extra_parts)


def check_agent_code(code: str, extra_parts: Iterable[str] = ()) -> str | None:
    """What is wrong with an agent code (``~MIL`` appends, ``IGO~`` prefixes), or None."""
    return validate_agent_code(code, extra_parts=extra_parts)


def _own_parts(code: str) -> tuple[str, ...]:
    body = code.strip("~")
    return tuple(body[i : i + 3] for i in range(0, len(body), 3))


def check_actor_code_shape(code: str) -> str | None:
    """Like :func:`check_actor_code` but accepting any part (the parts are checked
    after layering, when every file's ``actor_code_parts:`` is known)."""
    return validate_actor_code(code, extra_parts=_own_parts(code))


def check_agent_code_shape(code: str) -> str | None:
    """Like :func:`check_agent_code` but accepting any part (see above)."""
    return validate_agent_code(code, extra_parts=_own_parts(code))


def check_part(part: str) -> str | None:
    """What is wrong with a declared actor-code part or a place's country, or None."""
    if _PART.fullmatch(part):
        return None
    return f"{part!r} is not an actor-code part (3 upper-case letters or digits)"


def check_event_code_syntax(code: str) -> str | None:
    """What is wrong with the form of an event code in a declared table, or None
    (the form :func:`eventcoder.ontology.is_event_code_syntax` accepts)."""
    if is_event_code_syntax(code):
        return None
    return f"{code!r} is not an event code (3 or 4 digits)"


@attrs.frozen
class EventCodeTable:
    """The event codes a dictionary set is checked against."""

    description: str
    contains: Callable[[str], bool] = attrs.field(eq=False, repr=False)
    declared: bool = False

    def problem(self, code: str) -> str | None:
        """None when ``code`` is in the table, else a message naming the table."""
        if self.contains(code):
            return None
        if self.declared:
            return f"event code {code!r} is not in the declared event_codes table"
        return f"unknown CAMEO event code {code!r}"


def event_code_table(declared: tuple[EventCodeDef, ...] | None) -> EventCodeTable:
    """CAMEO, or the declared table when there is one."""
    if declared is None:
        ontology = Ontology.cameo()
        return EventCodeTable("CAMEO (the built-in event-code table)", ontology.__contains__)
    codes = frozenset(row.code for row in declared)
    first = next((row.origin for row in declared if row.origin), None)
    where = f", first declared at {first}" if first else ""
    description = f"the declared event_codes table ({len(codes)} codes{where})"
    return EventCodeTable(description, codes.__contains__, declared=True)
