"""PETRARCH's role stacking: every agent of a noun phrase adds its role to the code of
the actor it describes, in the order of the words ("The Danish Islamist media": DNK +
~MUS + ~MED = DNKMUSMED; "West German [GMWGOV] world government activists": GMWGOV +
~WGO = GMWGOVWGO; "activists of Gonzo GMO [GONGMO]": GONGMO + ~OPP = GONGMOOPP).

eventcoder's default keeps one role per phrase, on the state's country code ("Syrian
troops" SYRMIL; a non-state actor keeps its own code); the coder stacks roles only
with PETRARCH's conventions (``Coder(conventions="none")``, docs/algorithm.md).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["stack_role", "stack_roles"]


def stack_role(code: str, role: str) -> str:
    """``DNKMUS`` + ``~MED`` -> ``DNKMUSMED``; a role the code already ends with, or
    already holds as one of its 3-character parts, is not repeated (``GONGOV`` + ``~GOV``
    -> ``GONGOV``); ``NGO~`` puts its part in front; a plain code replaces the code."""
    if role.startswith("~"):
        part = role[1:]
        parts = {code[i : i + 3] for i in range(3, len(code), 3)}
        return code if code.endswith(part) or part in parts else code + part
    if role.endswith("~"):
        return code if code.startswith(role[:-1]) else role[:-1] + code
    return role


def stack_roles(code: str, roles: Iterable[str]) -> str:
    """The code with each of ``roles`` stacked on it in turn."""
    for role in roles:
        code = stack_role(code, role)
    return code
