"""CAMEO actor codes: concatenations of 3-character parts (``SYRGOV``, ``IGOUNO``).

The known parts (countries, regions, international actor types, named organisations,
roles, religions, ethnic groups, and every part the Phoenix dictionaries use) ship in
``eventcoder/data/actor_codes.json``. The grammar is described in ``docs/cameo.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from eventcoder.errors import InputError
from eventcoder.ontology._resources import ACTORS_FILE, load_json

#: PETRARCH's "no actor" code (``[---]`` in a dictionary): not an actor code.
NULL_ACTOR_CODE = "---"


@functools.lru_cache(maxsize=1)
def _parts() -> Mapping[str, Mapping[str, str]]:
    """Part -> {kind: name}; parts attested only in Phoenix map to an empty mapping."""
    data = load_json(ACTORS_FILE)["parts"]
    return MappingProxyType(
        {part: MappingProxyType(dict(entry["kinds"])) for part, entry in data.items()}
    )


def known_parts() -> frozenset[str]:
    """Every 3-letter part the validator accepts."""
    return frozenset(_parts())


def part_kinds(part: str) -> Mapping[str, str]:
    """What a part stands for, by kind (``{"country": "Mauritius", "religion": "Muslim"}``).

    Kinds: country, region, international, organisation, role, religion, ethnic. Empty
    for unknown parts and for parts that are only attested in the Phoenix dictionaries.
    """
    return _parts().get(part, MappingProxyType({}))


def is_country(part: str) -> bool:
    """True for a country code (ISO 3166 alpha-3, former countries, CAMEO's KSV/USR/ROM)."""
    return "country" in part_kinds(part)


def split_actor_code(code: str) -> tuple[str, ...]:
    """``"IMGMUSISI"`` -> ``("IMG", "MUS", "ISI")``; InputError if not a multiple of 3."""
    if not isinstance(code, str) or not code or len(code) % 3:
        raise InputError(
            f"actor code {code!r} is not a non-empty run of 3-character parts", field="code"
        )
    return tuple(code[i : i + 3] for i in range(0, len(code), 3))


def country_of(code: str) -> str | None:
    """The country an actor code starts with (``"SYRMIL"`` -> ``"SYR"``), else None.

    Only the first part counts: ``IGOUNO`` and ``NGOUSAHRI`` have no country.
    """
    if not isinstance(code, str) or len(code) < 3:
        return None
    return code[:3] if is_country(code[:3]) else None


def validate_actor_code(code: object, *, extra_parts: Iterable[str] = ()) -> str | None:
    """None when ``code`` is a well-formed actor code, else a message saying what is wrong.

    A code is upper case, a multiple of 3 characters long, and every part is a known
    part (or one of ``extra_parts``, e.g. an invented test world's countries, which are
    accepted as they are, even ``G77``). A part of 3 digits is accepted after the first
    part: the CAMEO religion codebook's numeric sub-codes (``NGOCHRPRO214``).
    """
    problem = _shape_problem(code)
    if problem or not isinstance(code, str):
        return problem
    extra = frozenset(extra_parts)
    parts = split_actor_code(code)
    if parts[0].isdigit():
        return f"actor code {code!r} starts with a numeric part {parts[0]!r}"
    unknown = [p for p in parts if not p.isdigit() and p not in _parts() and p not in extra]
    mixed = [p for p in parts if not p.isalpha() and not p.isdigit() and p not in extra]
    if mixed:
        return f"actor code {code!r} has parts mixing letters and digits: {', '.join(mixed)}"
    if unknown:
        names = ", ".join(repr(p) for p in unknown)
        return f"actor code {code!r} has unknown part{'s' if len(unknown) > 1 else ''} {names}"
    return None


def _shape_problem(code: object) -> str | None:
    """What is wrong with the characters and length of a code, if anything."""
    if not isinstance(code, str):
        return f"actor code must be a string, got {type(code).__name__}"
    if not code:
        return "actor code is empty"
    if code == NULL_ACTOR_CODE:
        return "'---' is the null code (no actor), not an actor code"
    if code.upper() != code:
        return f"actor code {code!r} is not upper case (write {code.upper()!r})"
    if not code.isascii() or not code.isalnum():
        bad = "".join(sorted({c for c in code if not (c.isascii() and c.isalnum())}))
        return f"actor code {code!r} has characters other than A-Z and 0-9: {bad!r}"
    if len(code) % 3:
        return f"actor code {code!r} has {len(code)} characters, not a multiple of 3"
    return None


def validate_agent_code(code: object, *, extra_parts: Iterable[str] = ()) -> str | None:
    """Like :func:`validate_actor_code` for agent codes: ``~MIL``, ``~GOVMED``, ``IGO~``.

    One ``~`` at the start (the parts follow the actor's code) or at the end (they go
    in front of it) is required.
    """
    if not isinstance(code, str):
        return f"agent code must be a string, got {type(code).__name__}"
    body = code[1:] if code.startswith("~") else code[:-1] if code.endswith("~") else None
    if body is None or "~" in body:
        return f"agent code {code!r} needs one '~' at its start or end (~MIL, IGO~)"
    problem = validate_actor_code(body, extra_parts=extra_parts)
    if problem is None:
        return None
    return problem.replace("actor code", "agent code", 1).replace(repr(body), repr(code), 1)
