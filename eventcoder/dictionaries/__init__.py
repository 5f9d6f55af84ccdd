"""YAML actor and verb dictionaries: loading, checking, layering, dumping, lookup.

The layout and the pattern syntax are documented in ``docs/dictionaries.md``.

>>> from eventcoder.dictionaries import load_dictionaries, lookup_phrase
>>> dset = load_dictionaries(["my-dictionaries/"])   # default set + mine, cached
"""

from eventcoder.dictionaries.dump import dump_set, dumps
from eventcoder.dictionaries.loading import (
    CheckReport,
    check_dictionaries,
    default_dictionary_dir,
    load_dictionaries,
)
from eventcoder.dictionaries.lookup import Resolution, combine_codes, lookup_phrase
from eventcoder.dictionaries.patterns import (
    PatternSyntaxError,
    format_pattern,
    make_pattern,
    parse_pattern,
)
from eventcoder.dictionaries.phrases import normalise_phrase
from eventcoder.dictionaries.schema import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    DictionarySet,
    DiscardEntry,
    EventCodeDef,
    Group,
    IssueEntry,
    Origin,
    Pattern,
    PlaceEntry,
    PrepPhrase,
    Slot,
    Synset,
    SynsetRef,
    Term,
    VerbEntry,
)

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "CheckReport",
    "DatedCode",
    "DictionarySet",
    "DiscardEntry",
    "EventCodeDef",
    "Group",
    "IssueEntry",
    "Origin",
    "Pattern",
    "PatternSyntaxError",
    "PlaceEntry",
    "PrepPhrase",
    "Resolution",
    "Slot",
    "Synset",
    "SynsetRef",
    "Term",
    "VerbEntry",
    "check_dictionaries",
    "combine_codes",
    "default_dictionary_dir",
    "dump_set",
    "dumps",
    "format_pattern",
    "load_dictionaries",
    "lookup_phrase",
    "make_pattern",
    "normalise_phrase",
    "parse_pattern",
]
