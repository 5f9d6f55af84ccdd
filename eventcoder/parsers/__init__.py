"""Parser adapters: text in, :class:`~eventcoder.model.Document` out.

One module per parser; each is the only place that imports its parser library, and
imports it lazily, so ``import eventcoder`` stays fast and coding CoNLL-U needs no torch.
"""

from __future__ import annotations

from eventcoder.parsers.base import Parser, make_parser, parse_parser_spec

__all__ = ["Parser", "make_parser", "parse_parser_spec"]
