"""Typed reads of YAML nodes that record a :class:`Problem` instead of raising.

A :class:`NodeReader` reads one file. Each method returns the value, or None after
recording what was wrong (``file:line:col: entry -> field: message``), so a loader can
carry on and report every problem in the file at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Collection, Iterator

import attrs

from eventcoder.dictionaries.yamlnodes import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    is_null,
    kind_of,
    position,
)
from eventcoder.errors import Problem

__all__ = ["NodeReader", "Place"]

_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


@attrs.frozen
class Place:
    """A position in a dictionary file (1-based line and column)."""

    file: str
    line: int
    column: int


@attrs.define
class NodeReader:
    """Reads the nodes of one file, collecting problems."""

    file: str
    problems: list[Problem] = attrs.field(factory=list)

    def place(self, node: Node) -> Place:
        line, column = position(node)
        return Place(self.file, line, column)

    def report(
        self,
        node: Node | None,
        message: str,
        *,
        entry: str | None = None,
        field: str | None = None,
        severity: str = "error",
    ) -> None:
        line, column = position(node) if node is not None else (None, None)
        self.problems.append(Problem(message, self.file, line, column, entry, field, severity))

    # --- scalars ---------------------------------------------------------------------

    def text(self, node: Node, entry: str | None, field: str) -> str | None:
        """A non-empty string (any plain or quoted scalar, taken literally)."""
        if not isinstance(node, ScalarNode) or is_null(node):
            self.report(node, f"expected a string, got {kind_of(node)}", entry=entry, field=field)
            return None
        value = node.value.strip()
        if not value:
            self.report(node, "must not be empty", entry=entry, field=field)
            return None
        return value

    def flag(self, node: Node, entry: str | None, field: str) -> bool | None:
        """``true``/``false`` (also yes/no, on/off)."""
        value = node.value.lower() if isinstance(node, ScalarNode) else None
        if value in _TRUE or value in _FALSE:
            return value in _TRUE
        self.report(node, f"expected true or false, got {_shown(node)}", entry=entry, field=field)
        return None

    def date(self, node: Node, entry: str | None, field: str) -> dt.date | None:
        """An ISO date ``YYYY-MM-DD`` (quoted or not)."""
        value = self.text(node, entry, field)
        if value is None:
            return None
        try:
            if len(value) != 10:
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            self.report(node, f"{value!r} is not a date (YYYY-MM-DD)", entry=entry, field=field)
            return None

    def choice(
        self, node: Node, entry: str | None, field: str, choices: Collection[str]
    ) -> str | None:
        value = self.text(node, entry, field)
        if value is not None and value not in choices:
            allowed = ", ".join(sorted(choices))
            self.report(node, f"{value!r} is not one of: {allowed}", entry=entry, field=field)
            return None
        return value

    # --- collections -----------------------------------------------------------------

    def items(self, node: Node, entry: str | None, field: str) -> list[Node] | None:
        """The nodes of a list (an empty value is an empty list)."""
        if is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.report(node, f"expected a list, got {kind_of(node)}", entry=entry, field=field)
            return None
        return list(node.value)

    def texts(self, node: Node, entry: str | None, field: str) -> tuple[str, ...] | None:
        """A list of non-empty strings."""
        nodes = self.items(node, entry, field)
        if nodes is None:
            return None
        values = [self.text(item, entry, f"{field}[{i}]") for i, item in enumerate(nodes)]
        return tuple(value for value in values if value is not None)

    def pairs(
        self, node: Node, entry: str | None, field: str | None
    ) -> Iterator[tuple[str, Node, Node]]:
        """The (key, key node, value node) pairs of a mapping; duplicate keys are errors."""
        if not isinstance(node, MappingNode):
            self.report(node, f"expected a mapping, got {kind_of(node)}", entry=entry, field=field)
            return
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, "keys must be plain strings", entry=entry, field=field)
                continue
            key = key_node.value
            if key in seen:
                where = _join(field, key)
                self.report(key_node, f"duplicate key {key!r}", entry=entry, field=where)
                continue
            seen.add(key)
            yield key, key_node, value_node

    def fields(
        self,
        node: Node,
        entry: str | None,
        field: str | None,
        allowed: Collection[str],
        required: Collection[str] = (),
    ) -> dict[str, Node] | None:
        """A mapping with known keys: unknown keys and missing required ones are errors."""
        if not isinstance(node, MappingNode):
            self.report(node, f"expected a mapping, got {kind_of(node)}", entry=entry, field=field)
            return None
        found: dict[str, Node] = {}
        for key, key_node, value_node in self.pairs(node, entry, field):
            if key in allowed:
                found[key] = value_node
            else:
                self.report(key_node, _unknown(key, allowed), entry=entry, field=_join(field, key))
        for key in required:
            if key not in found or is_null(found[key]):
                where = _join(field, key)
                self.report(node, "missing (required)", entry=entry, field=where)
        return found


def _join(field: str | None, key: str) -> str:
    return f"{field}.{key}" if field else key


def _shown(node: Node) -> str:
    return repr(node.value) if isinstance(node, ScalarNode) else kind_of(node)


def _unknown(key: str, allowed: Collection[str]) -> str:
    close = difflib.get_close_matches(key, list(allowed), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {key!r}{hint}; allowed: {', '.join(sorted(allowed))}"
