"""eventcoder: political events (CAMEO) from English news text.

>>> from eventcoder import Coder
>>> coder = Coder(parser="spacy:en_core_web_sm")          # or the default, stanza
>>> for event in coder.code_text("Syrian troops shelled rebel positions.", date="2017-10-24"):
...     print(event.source.code, event.code, event.target.code)

The public API is what this module exports (``__all__``). Parsers are imported lazily:
``import eventcoder`` loads neither torch, stanza nor spaCy.
"""

from eventcoder._version import __version__
from eventcoder.coder import Coder
from eventcoder.conllu import dumps_conllu, loads_conllu, read_conllu, write_conllu
from eventcoder.dictionaries import (
    CheckReport,
    DictionarySet,
    check_dictionaries,
    load_dictionaries,
    lookup_phrase,
)
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
from eventcoder.explain import Explanation
from eventcoder.model import Document, MultiwordToken, Sentence, SourceText, Word
from eventcoder.ontology import EventCode, Ontology
from eventcoder.parsers import Parser, make_parser

__all__ = [
    "ActorRef",
    "CheckReport",
    "Coder",
    "DictionaryError",
    "DictionarySet",
    "Document",
    "Event",
    "EventCode",
    "EventCoderError",
    "Explanation",
    "InputError",
    "Location",
    "ModelsNotInstalledError",
    "MultiwordToken",
    "Ontology",
    "ParseTreeError",
    "Parser",
    "ParserError",
    "Plover",
    "Problem",
    "Sentence",
    "SourceText",
    "Word",
    "__version__",
    "check_dictionaries",
    "dumps_conllu",
    "load_dictionaries",
    "loads_conllu",
    "lookup_phrase",
    "make_parser",
    "read_conllu",
    "write_conllu",
]
