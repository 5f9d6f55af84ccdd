"""Give every actor or agent phrase one owner: the first entry that uses it.

PETRARCH keeps one code list per phrase, so a phrase listed under two entries cannot
mean two things there either; our checker reports such a phrase as a conflict. The
importer therefore keeps each phrase (compared the way the matcher compares them,
``normalise_phrase``) on the first entry that has it and drops it from later ones,
reporting each drop as a warning. A later actor whose *name* is taken is folded into
the earlier owner by ``merge``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from eventcoder.dictionaries.phrases import normalise_phrase
from eventcoder.dictionaries.schema import ActorEntry, AgentEntry
from eventcoder.importers.report import ImportProblem

E = TypeVar("E", ActorEntry, AgentEntry)


def _where(entry: ActorEntry | AgentEntry) -> tuple[str, int]:
    return (entry.origin.file, entry.origin.line) if entry.origin else ("?", 0)


def dedupe(
    entries: Sequence[E], merge: Callable[[E, E], E] | None = None
) -> tuple[list[E], list[ImportProblem]]:
    """Entries with phrases owned by their first user (see module docstring)."""
    owner: dict[tuple[str, ...], int] = {}
    out: list[E] = []
    problems: list[ImportProblem] = []
    for entry in entries:
        key = normalise_phrase(entry.name)
        if key in owner:
            index = owner[key]
            first = out[index]
            file, line = _where(entry)
            if merge is not None:
                out[index] = merge(first, entry)
                message = f"{entry.name!r} is already a phrase of {first.name!r}: merged into it"
            else:
                message = f"{entry.name!r} is already a phrase of {first.name!r}: dropped"
            problems.append(ImportProblem(file, line, message, entry.name, "warning"))
            entry = out[index]
            aliases = [a for a in entry.aliases if owner.get(normalise_phrase(a), index) == index]
            for alias in aliases:
                owner.setdefault(normalise_phrase(alias), index)
            out[index] = attrs.evolve(entry, aliases=tuple(aliases))
            continue
        index = len(out)
        owner[key] = index
        kept: list[str] = []
        for alias in entry.aliases:
            alias_key = normalise_phrase(alias)
            if not alias_key or alias_key == key:
                continue
            if owner.setdefault(alias_key, index) != index:
                file, line = _where(entry)
                taken = out[owner[alias_key]].name
                message = f"alias {alias!r} of {entry.name!r} already belongs to {taken!r}: dropped"
                problems.append(ImportProblem(file, line, message, alias, "warning"))
                continue
            if alias_key in {normalise_phrase(k) for k in kept}:
                continue
            kept.append(alias)
        out.append(attrs.evolve(entry, aliases=tuple(kept)))
    return out, problems
