"""CAMEO event codes: the code table, QuadClass, Goldstein values and PLOVER equivalents.

Codes are strings of digits: roots ``"01"`` .. ``"20"``, 3-digit codes (``"190"``) and
4-digit codes (``"0871"``). The first two digits are the root. The rules behind the
shipped table are in ``docs/cameo.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from eventcoder.errors import InputError
from eventcoder.events import Plover
from eventcoder.ontology._resources import EVENTS_FILE, load_json

if TYPE_CHECKING:  # eventcoder.dictionaries imports this package: no import cycle at run time
    from eventcoder.dictionaries.schema import EventCodeDef

QuadScheme = Literal["cameo", "phoenix"]

_EVENT_CODE = re.compile(r"\d{3,4}")
_ANY_CODE = re.compile(r"\d{2,4}")

#: Phoenix's QuadClass by root (openeventdata/phoenix_pipeline, postprocess.py):
#: 0 neutral for 01 and 02, and 16 (reduce relations) counted as verbal conflict.
_PHOENIX_QUAD = MappingProxyType(
    {
        f"{root:02d}": quad
        for quad, roots in (
            (0, (1, 2)),
            (1, (3, 4, 5)),
            (2, (6, 7, 8)),
            (3, (9, 10, 11, 12, 13, 16)),
            (4, (14, 15, 17, 18, 19, 20)),
        )
        for root in roots
    }
)


def is_event_code_syntax(code: object) -> bool:
    """True for a string of 3 or 4 digits (``"190"``, ``"0871"``); roots do not count."""
    return isinstance(code, str) and _EVENT_CODE.fullmatch(code) is not None


def root_of(code: str) -> str:
    """The root (first two digits) of a code: ``"1384"`` -> ``"13"``, ``"190"`` -> ``"19"``."""
    if not isinstance(code, str) or not _ANY_CODE.fullmatch(code):
        raise InputError(f"not a CAMEO event code (2 to 4 digits): {code!r}", field="code")
    return code[:2]


def parent_code(code: str) -> str | None:
    """The code one level up: ``"0871"`` -> ``"087"`` -> ``"08"`` -> None."""
    root_of(code)
    return {4: code[:3], 3: code[:2]}.get(len(code))


def quad_class_of_root(root: str, scheme: QuadScheme = "cameo") -> int | None:
    """QuadClass of a root code, or None for a root outside 01..20.

    ``cameo``: 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal
    conflict (09-13), 4 material conflict (14-20). ``phoenix``: 0 for 01-02, 1 for 03-05,
    2 for 06-08, 3 for 09-13 and 16, 4 for 14-15 and 17-20.
    """
    if scheme == "phoenix":
        return _PHOENIX_QUAD.get(root)
    if scheme != "cameo":
        raise InputError(f"unknown QuadClass scheme {scheme!r} (cameo or phoenix)", field="scheme")
    if not _ANY_CODE.fullmatch(root) or not 1 <= int(root) <= 20:
        return None
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


@attrs.frozen
class EventCode:
    """One row of an event-code table.

    ``plover_source`` is the code whose PLOVER row gave ``plover``: the code itself, or
    the 3-digit parent or root it was inherited from (None when there is no PLOVER row).
    """

    code: str
    name: str
    root: str
    goldstein: float | None
    quad_class: int | None
    description: str | None = None
    usage_notes: str | None = None
    plover: Plover | None = None
    plover_source: str | None = None


def _freeze(entries: Mapping[str, EventCode]) -> Mapping[str, EventCode]:
    return MappingProxyType(dict(entries))


@attrs.frozen
class Ontology:
    """An immutable event-code table with lookups; ``Ontology.cameo()`` is CAMEO's."""

    name: str
    entries: Mapping[str, EventCode] = attrs.field(converter=_freeze, repr=False)

    @classmethod
    def cameo(cls) -> Ontology:
        """The CAMEO table shipped with eventcoder (312 codes), loaded once."""
        return _cameo()

    @classmethod
    def from_table(cls, defs: Iterable[EventCodeDef], name: str = "declared") -> Ontology:
        """A table declared by a dictionary set (e.g. WEIS-era or PETRARCH codes).

        Each code gets its root and the CAMEO-scheme QuadClass of that root; no
        Goldstein value or PLOVER equivalent. Bad or repeated codes raise InputError.
        """
        entries: dict[str, EventCode] = {}
        for item in defs:
            _check_declared(item, entries)
            root = item.code[:2]
            entries[item.code] = EventCode(
                item.code, item.name, root, None, quad_class_of_root(root)
            )
        return cls(name, entries)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code, in table order."""
        return tuple(self.entries)

    def __contains__(self, code: object) -> bool:
        return code in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, code: str) -> EventCode | None:
        """The entry of ``code``, or None when the table does not have it."""
        return self.entries.get(code)

    @staticmethod
    def root_of(code: str) -> str:
        """The root of a code (its first two digits); see :func:`root_of`."""
        return root_of(code)

    def parent(self, code: str) -> str | None:
        """The code one level up when the table has it (``"0871"`` -> ``"087"``)."""
        parent = parent_code(code)
        return parent if parent in self.entries else None

    def quad_class(self, code: str, scheme: QuadScheme = "cameo") -> int | None:
        """QuadClass of a code in the table under ``scheme``; None for unknown codes."""
        entry = self.entries.get(code)
        if entry is None:
            return None
        if scheme == "cameo":
            return entry.quad_class
        return quad_class_of_root(entry.root, scheme)

    def goldstein(self, code: str) -> float | None:
        """The Goldstein value of a code (None for unknown codes and declared tables)."""
        entry = self.entries.get(code)
        return entry.goldstein if entry else None

    def plover(self, code: str) -> Plover | None:
        """The PLOVER equivalent of a code (None for 01/02 codes and unknown codes)."""
        entry = self.entries.get(code)
        return entry.plover if entry else None


def _check_declared(item: EventCodeDef, seen: Mapping[str, EventCode]) -> None:
    file = item.origin.file if item.origin else None
    line = item.origin.line if item.origin else None
    if not isinstance(item.code, str) or not _ANY_CODE.fullmatch(item.code):
        message = f"event code must be 2 to 4 digits, got {item.code!r}"
        raise InputError(message, file=file, line=line, field="code")
    if item.code in seen:
        message = f"event code {item.code} is declared twice"
        raise InputError(message, file=file, line=line, field="code")


def _entry(row: Mapping[str, Any]) -> EventCode:
    plover = row.get("plover")
    return EventCode(
        code=row["code"],
        name=row["name"],
        root=row["root"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        description=row["description"],
        usage_notes=row["usage_notes"],
        plover=Plover(plover["event"], plover["mode"], plover["context"]) if plover else None,
        plover_source=plover["from"] if plover else None,
    )


@functools.lru_cache(maxsize=1)
def _cameo() -> Ontology:
    rows = load_json(EVENTS_FILE)["codes"]
    return Ontology("CAMEO", {row["code"]: _entry(row) for row in rows})
