"""Reading YAML files as node trees that keep their positions.

Dictionaries are read with ``yaml.compose`` rather than ``yaml.safe_load``: every node
keeps the line and column it came from, so every problem can name its place, and no
scalar is converted implicitly (``042`` stays the string ``"042"``, ``2024-12-07`` is
the string we parse as a date, ``no`` is not ``False``). The loader decides what each
scalar means from the field it is in. libyaml is used when PyYAML was built with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eventcoder.errors import Problem

__all__ = [
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "compose_file",
    "compose_text",
    "is_null",
    "kind_of",
    "position",
]

_NULL_TAG = "tag:yaml.org,2002:null"

_STR_TAG = "tag:yaml.org,2002:str"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
#: libyaml's parser when PyYAML was built with it, else the pure-Python one.
_Parser: Any = yaml.cyaml.CParser if yaml.__with_libyaml__ else yaml.SafeLoader  # type: ignore[attr-defined]


class _Loader(_Parser, yaml.resolver.Resolver):  # type: ignore[misc]
    """libyaml's parser (when PyYAML has it) with a resolver that only recognises null.

    Every other scalar is tagged as a string: the loader interprets each value from the
    field it is in, and skipping PyYAML's regular-expression resolver makes composing a
    large file several times faster.
    """

    def __init__(self, stream: str | bytes) -> None:
        _Parser.__init__(self, stream)
        yaml.resolver.Resolver.__init__(self)

    def resolve(self, kind: type, value: object, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            plain = implicit[0]
            return _NULL_TAG if plain and value in _NULLS else _STR_TAG
        return super().resolve(kind, value, implicit)


def position(node: Node) -> tuple[int, int]:
    """The 1-based line and column where ``node`` starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def is_null(node: Node) -> bool:
    """True for an empty value, ``~`` or ``null`` written without quotes."""
    return isinstance(node, ScalarNode) and node.tag == _NULL_TAG and node.style is None


def kind_of(node: Node) -> str:
    """A word for the node's type in error messages."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return "nothing" if is_null(node) else "a string"


def compose_text(text: str | bytes, file: str) -> tuple[Node | None, list[Problem]]:
    """Compose one YAML document; a syntax error becomes a :class:`Problem`."""
    try:
        return yaml.compose(text, Loader=_Loader), []  # type: ignore[arg-type]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, file)]
    except yaml.YAMLError as error:
        return None, [Problem(f"YAML error: {error}", file=file)]
    except RecursionError:
        return None, [Problem("YAML nesting is too deep", file=file)]


def compose_file(path: Path, display: str | None = None) -> tuple[Node | None, list[Problem]]:
    """Read and compose ``path``; unreadable or undecodable files become problems."""
    file = display or str(path)
    try:
        data = path.read_bytes()
        data.decode("utf-8")  # libyaml reads bytes faster than str, but check them first
    except OSError as error:
        return None, [Problem(f"cannot read file: {error.strerror or error}", file=file)]
    except UnicodeDecodeError as error:
        return None, [Problem(f"not UTF-8 text (byte {error.start})", file=file)]
    return compose_text(data, file)


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    message = " ".join(part for part in (error.context, error.problem) if part)
    if error.context_mark and mark and error.context_mark.line != mark.line:
        context = error.context_mark
        message += f" (the construct began at line {context.line + 1}, column {context.column + 1})"
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return Problem(f"YAML syntax error: {message}", file=file, line=line, column=column)
