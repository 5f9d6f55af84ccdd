"""The protocol every parser adapter follows, and the ``--parser`` spec that picks one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from eventcoder.errors import EventCoderError
from eventcoder.model import Document, SourceText


@runtime_checkable
class Parser(Protocol):
    """Many texts in, parsed Documents out, in the same order, batched inside."""

    #: A spec that rebuilds this parser: ``stanza`` or ``spacy:en_core_web_sm``.
    name: str

    @property
    def version(self) -> str:
        """Parser library and model version; part of the parse-cache key."""
        ...

    def parse(self, texts: Iterable[SourceText]) -> Iterator[Document]:
        """Parse each text into a Document (same id, date and metadata), lazily, in order."""
        ...


def parse_parser_spec(spec: str) -> tuple[str, str | None]:
    """Split ``spacy:en_core_web_sm`` into ``("spacy", "en_core_web_sm")``.

    >>> parse_parser_spec("stanza")
    ('stanza', None)
    """
    kind, _, model = spec.partition(":")
    kind = kind.strip().lower()
    if kind not in ("stanza", "spacy"):
        raise EventCoderError(
            f"unknown parser {spec!r}: use 'stanza', 'stanza:PACKAGE' or 'spacy:MODEL'"
        )
    return kind, (model.strip() or None)


def make_parser(spec: str = "stanza", **options: object) -> Parser:
    """Build the parser a ``--parser`` spec names; options go to the adapter."""
    kind, model = parse_parser_spec(spec)
    if kind == "spacy":
        from eventcoder.parsers.spacy_adapter import SpacyParser

        return SpacyParser(model or "en_core_web_sm", **options)  # type: ignore[arg-type]
    from eventcoder.parsers.stanza_adapter import StanzaParser

    if model:
        options.setdefault("package", model)
    return StanzaParser(**options)  # type: ignore[arg-type]
