"""What a worker needs to rebuild the coder (and parser): a small, hashable, picklable spec.

Worker processes (``--workers N``) and Dask workers receive a :class:`CoderSpec`, never a
built :class:`~eventcoder.coder.Coder`, and call :func:`coder_for` with it. ``coder_for``
is an ``lru_cache`` on the spec, so the dictionaries are loaded and compiled once per
worker process, however many records or partitions it codes. :func:`parser_for` does the
same for parsers.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from eventcoder.coder import Coder
    from eventcoder.parsers.base import Parser

__all__ = ["CoderSpec", "coder_for", "parser_for"]


def _paths(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)  # type: ignore[attr-defined]


@attrs.frozen
class CoderSpec:
    """How to build a Coder: dictionary paths (layered in order) and coding options.

    ``dictionaries`` are layered on the default set unless ``include_default`` is False,
    as :func:`~eventcoder.dictionaries.load_dictionaries` does. ``parser`` is the parser
    spec (``"stanza"``, ``"spacy:MODEL"``) used where texts must be parsed.
    """

    dictionaries: tuple[str, ...] = attrs.field(default=(), converter=_paths)
    include_default: bool = True
    parser: str = "stanza"
    incomplete: bool = False
    uncoded: bool = False

    def build(self) -> Coder:
        """A new Coder for this spec (loads and compiles the dictionaries)."""
        from eventcoder.coder import Coder
        from eventcoder.dictionaries.loading import load_dictionaries

        dset = load_dictionaries(list(self.dictionaries), include_default=self.include_default)
        return Coder(dset, self.parser, incomplete=self.incomplete, uncoded=self.uncoded)


@functools.lru_cache(maxsize=4)
def coder_for(spec: CoderSpec) -> Coder:
    """The Coder for ``spec``, built once per process and reused (an ``lru_cache``)."""
    return spec.build()


@functools.lru_cache(maxsize=2)
def parser_for(spec: str) -> Parser:
    """The parser for a ``--parser`` spec, built once per process and reused."""
    from eventcoder.parsers.base import make_parser

    return make_parser(spec)
