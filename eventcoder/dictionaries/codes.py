"""Checking codes: actor and agent codes, and event codes against the right table.

Event codes are checked against CAMEO unless the dictionary set declares its own
``event_codes`` table, in which case that table replaces CAMEO. :func:`event_code_table`
says which one is in use, so that ``dictionaries check`` can print it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from eventcoder.dictionaries.schema import EventCodeDef
from eventcoder.ontology import (
    Ontology,
    validate_actor_code,
    validate_agent_code,
)

__all__ = [
    "EventCodeTable",
    "check_actor_code",
    "check_agent_code",
    "check_event_code_syntax",
    "event_code_table",
]


#: What ``Ontology.from_table`` accepts in a declared table: 2 to 4 digits.
_DECLARED_CODE = re.compile(r"\d{2,4}")


def check_actor_code(code: str) -> str | None:
    """What is wrong with an actor code (``SYRGOV``), or None."""
    return validate_actor_code(code)


def check_agent_code(code: str) -> str | None:
    """What is wrong with an agent code (``~MIL`` appends, ``IGO~`` prefixes), or None."""
    return validate_agent_code(code)


def check_event_code_syntax(code: str) -> str | None:
    """What is wrong with the form of an event code in a declared table, or None."""
    if _DECLARED_CODE.fullmatch(code):
        return None
    return f"{code!r} is not an event code (2 to 4 digits)"


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
