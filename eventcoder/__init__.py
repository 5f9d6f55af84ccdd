"""eventcoder: political events (CAMEO) from English news text.

The public API is what this module exports (``__all__``).
"""

from eventcoder._version import __version__
from eventcoder.errors import (
    DictionaryError,
    EventCoderError,
    InputError,
    ModelsNotInstalledError,
    ParserError,
    ParseTreeError,
    Problem,
)
from eventcoder.events import ActorRef, Event, Location, Plover
from eventcoder.model import Document, MultiwordToken, Sentence, SourceText, Word

__all__ = [
    "ActorRef",
    "DictionaryError",
    "Document",
    "Event",
    "EventCoderError",
    "InputError",
    "Location",
    "ModelsNotInstalledError",
    "MultiwordToken",
    "ParseTreeError",
    "ParserError",
    "Plover",
    "Problem",
    "Sentence",
    "SourceText",
    "Word",
    "__version__",
]
