"""Shared hypothesis strategies for the document model.

``sentences()`` draws valid dependency trees (one root, no cycles) with random forms,
lemmas, features, MISC items, named-entity tags, character offsets, comments and
multiword tokens; ``documents()`` draws documents of such sentences with random ids,
dates, texts and JSON metadata. Every value is one that CoNLL-U can carry: no tabs or
line breaks in fields, no ``|`` or ``=`` where they would be ambiguous.
"""

from __future__ import annotations

import functools
import string
from typing import Any

from hypothesis import strategies as st

from eventcoder.model import Document, MultiwordToken, Sentence, Word

UPOS = (
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
    "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
)
#: UD v2 relations (no v1 names); ``nmod`` only appears on nominal heads in real v2 data.
DEPRELS = (
    "nsubj", "nsubj:pass", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "obl:tmod",
    "obl:agent", "advcl", "advmod", "aux", "aux:pass", "cop", "mark", "amod", "det",
    "nummod", "acl", "acl:relcl", "appos", "case", "conj", "cc", "fixed", "flat",
    "compound", "compound:prt", "punct", "parataxis", "dep", "nmod:poss", "expl",
)
NER_TAGS = ("O", "B-PERSON", "I-PERSON", "E-PERSON", "S-GPE", "S-ORG", "B-NORP", "E-NORP")
_RESERVED_MISC = frozenset({"ner", "start_char", "end_char"})

#: Characters drawn for fields: ASCII letters, digits, punctuation and space, plus
#: non-ASCII letters, typographic punctuation and a no-break space (a fixed alphabet
#: keeps generation fast; no control characters, tabs or line breaks).
ALPHABET = (
    string.ascii_letters + string.digits + string.punctuation + " "
    + "éüßñçØ中文عربيДа—–’“”…\u00a0"
)
_FIELD_CHARS = st.sampled_from(ALPHABET)


@functools.cache
def field_text(
    *, exclude: str = "", min_size: int = 1, max_size: int = 12
) -> st.SearchStrategy[str]:
    """Text for one CoNLL-U field (no tab, line break, or any character in ``exclude``)."""
    alphabet = "".join(c for c in ALPHABET if c not in exclude)
    return st.text(alphabet, min_size=min_size, max_size=max_size)


@functools.cache
def _optional_column() -> st.SearchStrategy[str | None]:
    return st.none() | field_text().filter(lambda s: s != "_")


@functools.cache
def _misc_items() -> st.SearchStrategy[tuple[tuple[str, str], ...]]:
    key = field_text(exclude="=|", max_size=8).filter(lambda k: k not in _RESERVED_MISC)
    value = field_text(exclude="|", max_size=8)
    return st.lists(st.tuples(key, value), max_size=3).map(tuple)


@st.composite
def heads(draw: st.DrawFn, n: int) -> list[int]:
    """Heads (1-based, 0 = root) of a random tree over ``n`` words."""
    order = draw(st.permutations(range(1, n + 1)))
    result = [0] * n
    for position, node in enumerate(order[1:], start=1):
        result[node - 1] = order[draw(st.integers(0, position - 1))]
    return result


@st.composite
def words(draw: st.DrawFn, n: int) -> list[Word]:
    """``n`` words forming one tree."""
    tree = draw(heads(n))
    made = []
    for ident, head in enumerate(tree, start=1):
        start = draw(st.none() | st.integers(0, 10_000))
        made.append(
            Word(
                id=ident,
                text=draw(field_text()),
                lemma=draw(field_text()),
                upos=draw(st.sampled_from(UPOS)),
                head=head,
                deprel="root" if head == 0 else draw(st.sampled_from(DEPRELS)),
                xpos=draw(_optional_column()),
                feats=draw(_optional_column()),
                deps=draw(_optional_column()),
                ner=draw(st.sampled_from(NER_TAGS)),
                start_char=start,
                end_char=None if start is None else start + draw(st.integers(1, 30)),
                misc=draw(_misc_items()),
            )
        )
    return made


@st.composite
def multiword_tokens(draw: st.DrawFn, n: int) -> list[MultiwordToken]:
    """Non-overlapping multiword-token ranges over words 1..n."""
    made: list[MultiwordToken] = []
    first = 1
    while first < n:
        if draw(st.booleans()):
            last = draw(st.integers(first + 1, min(n, first + 2)))
            made.append(MultiwordToken(first, last, draw(field_text()), draw(_misc_items())))
            first = last + 1
        else:
            first += 1
    return made


def _is_plain_comment(comment: str) -> bool:
    key, sep, _ = comment.partition("=")
    key = key.strip()
    if key == "newdoc" or key.startswith("newdoc "):
        return False
    return not (sep and key in ("sent_id", "text"))


@st.composite
def sentences(draw: st.DrawFn, doc_id: str = "doc", index: int = 0) -> Sentence:
    """A valid sentence of 1-8 words belonging to document ``doc_id`` at ``index``."""
    n = draw(st.integers(1, 8))
    return Sentence(
        doc_id=doc_id,
        index=index,
        text=draw(field_text(min_size=0, max_size=40)),
        words=draw(words(n)),
        sent_id=draw(st.none() | field_text()),
        comments=draw(
            st.lists(field_text(min_size=0, max_size=20).filter(_is_plain_comment), max_size=2)
        ),
        multiword_tokens=draw(multiword_tokens(n)),
    )


_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(_FIELD_CHARS, max_size=10)
)
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(_FIELD_CHARS, max_size=5), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def documents(draw: st.DrawFn, max_sentences: int = 3) -> Document:
    """A document with 0..max_sentences sentences, optional date/text and JSON metadata."""
    doc_id = draw(field_text(max_size=16))
    count = draw(st.integers(0, max_sentences))
    meta_key = field_text(exclude="=", max_size=8).filter(lambda k: k.strip() == k and k != "")
    return Document(
        id=doc_id,
        sentences=[draw(sentences(doc_id, i)) for i in range(count)],
        text=draw(st.none() | st.text(_FIELD_CHARS | st.sampled_from("\n\t\r"), max_size=60)),
        date=draw(st.none() | st.dates()),
        metadata=draw(st.dictionaries(meta_key, JSON_VALUES, max_size=3)),
    )


# --- CAMEO codes (tests/test_ontology.py, tests/test_validators.py) -------------------


def cameo_event_codes() -> st.SearchStrategy[str]:
    """Any code of the shipped CAMEO table (roots, 3- and 4-digit codes)."""
    from eventcoder.ontology import Ontology

    return st.sampled_from(Ontology.cameo().codes)


def actor_parts() -> st.SearchStrategy[str]:
    """Any 3-letter actor-code part the validator knows."""
    from eventcoder.ontology import known_parts

    return st.sampled_from(sorted(known_parts()))


def actor_codes(max_parts: int = 5) -> st.SearchStrategy[str]:
    """Concatenations of known parts (``SYRGOV``, ``IGOUNOMED``)."""
    return st.lists(actor_parts(), min_size=1, max_size=max_parts).map("".join)


# --- raw text for parser adapters (tests/test_spacy_adapter.py) ----------------------


def news_like_text(max_size: int = 200) -> st.SearchStrategy[str]:
    """Printable text with words, punctuation, line breaks and odd whitespace mixed in."""
    words = st.sampled_from(
        ("Rebels", "attacked", "the", "Syrian", "army", "in", "Idlib", "by", "and", "was",
         "not", "U.S.", "'s", "(", ")", ",", ".", "?", "\"", "-", "$5", "2017", "Assad")
    )
    chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(" \n\t\r\xa0")
    pieces = st.lists(words | st.text(chars, min_size=1, max_size=6), max_size=40)
    return pieces.map(" ".join).map(lambda s: s[:max_size])


# --- dictionary sets (tests/test_dictionaries_roundtrip.py) -----------------------------


def _dictionary_text(max_size: int = 20) -> st.SearchStrategy[str]:
    """A name, alias or note: printable text without line breaks or edge spaces."""
    chars = st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"))
    return st.text(chars, min_size=1, max_size=max_size).filter(
        lambda s: s.strip() == s and s != ""
    )


def _lower_words(max_words: int = 2) -> st.SearchStrategy[str]:
    """A lemma or synset word as the loader stores it: lower case, single spaces."""
    word = st.from_regex(r"[a-z]{1,8}", fullmatch=True).filter(lambda w: w != "not")
    return st.lists(word, min_size=1, max_size=max_words).map(" ".join)


def _dates() -> st.SearchStrategy[tuple[Any, Any]]:
    from datetime import date

    day = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
    return st.tuples(day, day).map(
        lambda pair: tuple(sorted(pair)) if None not in pair else pair
    )


@st.composite
def dated_codes(draw: st.DrawFn) -> Any:
    from eventcoder.dictionaries.schema import DatedCode

    start, end = draw(_dates())
    return DatedCode(draw(actor_codes(max_parts=2)), start, end)


def _unique_names(strategy: st.SearchStrategy[Any], key: Any, max_size: int = 3) -> Any:
    return st.lists(strategy, max_size=max_size, unique_by=key).map(tuple)


def _casefold_key(entry: Any) -> str:
    name = getattr(entry, "name", None) or entry.phrase
    return " ".join(name.split()).casefold()


@st.composite
def actor_entries(draw: st.DrawFn) -> Any:
    from eventcoder.dictionaries.schema import ActorEntry

    optional = st.none() | _dictionary_text()
    return ActorEntry(
        name=draw(_dictionary_text()),
        codes=tuple(draw(st.lists(dated_codes(), min_size=1, max_size=3))),
        aliases=tuple(draw(st.lists(_dictionary_text(), max_size=3))),
        country=draw(optional),
        notes=draw(optional),
        sources=tuple(draw(st.lists(_dictionary_text(), max_size=2))),
    )


@st.composite
def agent_entries(draw: st.DrawFn, kind: str = "agent") -> Any:
    from eventcoder.dictionaries.schema import AgentEntry

    part = draw(actor_parts())
    return AgentEntry(
        name=draw(_dictionary_text()),
        code=draw(st.sampled_from([f"~{part}", f"{part}~"])),
        aliases=tuple(draw(st.lists(_dictionary_text(), max_size=3))),
        kind=kind,  # type: ignore[arg-type]
        standalone=draw(st.booleans()),
        notes=draw(st.none() | _dictionary_text()),
    )


def _terms() -> st.SearchStrategy[Any]:
    from eventcoder.dictionaries.schema import Term

    alternatives = st.lists(_lower_words(), min_size=1, max_size=2).map(tuple)
    return st.builds(Term, alternatives, st.booleans())


def _leaf_items() -> st.SearchStrategy[Any]:
    from eventcoder.dictionaries.schema import Slot, SynsetRef

    synset = st.from_regex(r"[A-Z][A-Z0-9_]{0,6}", fullmatch=True).map(SynsetRef)
    return _terms() | synset | st.just(Slot("skip"))


def _is_plain(item: Any) -> bool:
    from eventcoder.dictionaries.schema import Term

    return isinstance(item, Term) and not item.exact and len(item.alternatives) == 1


def _nested_items(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    from eventcoder.dictionaries.schema import Group, PrepPhrase

    preps = st.lists(_lower_words(1), min_size=1, max_size=2).map(tuple)
    prep = st.builds(PrepPhrase, preps, st.lists(children, max_size=2).map(tuple))
    group = (
        st.lists(children, min_size=1, max_size=3)
        .filter(lambda items: not all(_is_plain(item) for item in items))
        .map(lambda items: Group(tuple(items)))
    )
    return prep | group


def pattern_items() -> st.SearchStrategy[Any]:
    """One pattern item (words, synsets, skips, groups and phrases, nested)."""
    return st.recursive(_leaf_items(), _nested_items, max_leaves=6)


@st.composite
def patterns(draw: st.DrawFn, lemmas: tuple[str, ...] = ()) -> Any:
    """A Pattern whose text is the canonical rendering of its items; its ``verbs`` are
    some of ``lemmas`` (the lemmas of the block it belongs to), in order, or none."""
    from eventcoder.dictionaries.patterns import format_pattern
    from eventcoder.dictionaries.schema import Pattern, Slot

    before = draw(st.lists(pattern_items(), max_size=3))
    after = draw(st.lists(pattern_items(), max_size=3))
    slot_sets = [(), ("source",), ("target",), ("source", "target"), ("both",)]
    for role in draw(st.sampled_from(slot_sets)):
        side = draw(st.sampled_from([before, after]))
        side.insert(draw(st.integers(0, len(side))), Slot(role))
    negated = draw(st.booleans())
    code = draw(st.none() | cameo_event_codes())
    reverse = draw(st.none() | cameo_event_codes())
    return Pattern(
        text=format_pattern(before, after, negated),
        code=code,
        before=tuple(before),
        after=tuple(after),
        reverse_code=reverse,
        negated=negated,
        notes=draw(st.none() | _dictionary_text()),
        verbs=tuple(dict.fromkeys(draw(st.lists(st.sampled_from(lemmas), max_size=2))))
        if lemmas
        else (),
        target=draw(st.none() | st.sampled_from(["IGOUNO", "SYRGOV", "USA"])),
    )


@st.composite
def verb_entries(draw: st.DrawFn) -> Any:
    from eventcoder.dictionaries.schema import VerbEntry

    lemmas = tuple(draw(st.lists(_lower_words(), min_size=1, max_size=3)))
    return VerbEntry(
        name=draw(_dictionary_text()),
        lemmas=lemmas,
        code=draw(st.none() | cameo_event_codes()),
        patterns=tuple(draw(st.lists(patterns(lemmas), max_size=3))),
        notes=draw(st.none() | _dictionary_text()),
        nouns=tuple(draw(st.lists(_lower_words(), max_size=2, unique=True))),
        target=draw(st.none() | st.sampled_from(["IGOUNO", "SYRGOV", "USA"])),
        forms=tuple(draw(st.lists(_lower_words(), max_size=2, unique=True))),
    )


def synsets() -> st.SearchStrategy[Any]:
    from eventcoder.dictionaries.schema import Synset

    name = st.from_regex(r"[A-Z][A-Z0-9_]{0,8}", fullmatch=True)
    words = st.lists(_lower_words(), min_size=1, max_size=3).map(tuple)
    return st.builds(Synset, name, words)


def country_parts() -> st.SearchStrategy[str]:
    """Any country part the validator knows (``SYR``, ``USA``)."""
    from eventcoder.ontology import is_country, known_parts

    return st.sampled_from(sorted(part for part in known_parts() if is_country(part)))


@st.composite
def place_entries(draw: st.DrawFn) -> Any:
    """A PlaceEntry as the loader builds it (country a known country part, or none)."""
    from eventcoder.dictionaries.schema import PlaceEntry

    optional = st.none() | _dictionary_text()
    return PlaceEntry(
        name=draw(_dictionary_text()),
        aliases=tuple(draw(st.lists(_dictionary_text(), max_size=3))),
        country=draw(st.none() | country_parts()),
        kind=draw(st.none() | st.sampled_from(["city", "province", "region", "town"])),
        notes=draw(optional),
        within=draw(optional),
        sources=tuple(draw(st.lists(_dictionary_text(), max_size=2))),
    )


def declared_parts() -> st.SearchStrategy[tuple[str, ...]]:
    """An ``actor_code_parts:`` list: distinct 3-character upper-case parts."""
    part = st.from_regex(r"[A-Z0-9]{3}", fullmatch=True)
    return st.lists(part, max_size=4, unique=True).map(tuple)


@st.composite
def dictionary_sets(draw: st.DrawFn) -> Any:
    """DictionarySets the YAML loader can produce (each entry valid on its own)."""
    from eventcoder.dictionaries.schema import (
        DictionarySet,
        DiscardEntry,
        EventCodeDef,
        IssueEntry,
    )

    discard = st.builds(DiscardEntry, _dictionary_text(), st.sampled_from(["sentence", "story"]))
    issue = st.builds(IssueEntry, _dictionary_text(), _dictionary_text())
    codes = cameo_event_codes().filter(lambda code: len(code) > 2)  # roots are categories
    row = st.builds(EventCodeDef, codes, st.just("") | _dictionary_text())
    table = st.none() | st.lists(row, max_size=3, unique_by=lambda r: r.code).map(tuple)
    agents = draw(_unique_names(agent_entries("agent"), _casefold_key))
    titles = draw(_unique_names(agent_entries("title"), _casefold_key))
    return DictionarySet(
        actors=draw(_unique_names(actor_entries(), _casefold_key)),
        agents=agents + titles,
        verbs=draw(_unique_names(verb_entries(), _casefold_key, max_size=2)),
        synsets=draw(_unique_names(synsets(), lambda s: s.name)),
        discards=draw(_unique_names(discard, _casefold_key)),
        issues=draw(_unique_names(issue, _casefold_key)),
        event_codes=draw(table),
        places=draw(_unique_names(place_entries(), _casefold_key)),
        actor_code_parts=draw(declared_parts()),
    )


# --- parses the coder can bite on (tests/test_coder.py) -----------------------------

#: Words (form, lemma, UPOS) that hit the coder's test dictionaries
#: (tests/data/coder/actors.yaml), mixed with function words and pronouns.
CODER_VOCABULARY = (
    ("Syria", "Syria", "PROPN"), ("Syrian", "syrian", "ADJ"), ("Russia", "Russia", "PROPN"),
    ("Turkey", "Turkey", "PROPN"), ("Assad", "Assad", "PROPN"), ("'s", "'s", "PART"),
    ("troops", "troop", "NOUN"), ("rebels", "rebel", "NOUN"), ("President", "President", "PROPN"),
    ("attacked", "attack", "VERB"), ("met", "meet", "VERB"), ("threatened", "threaten", "VERB"),
    ("launched", "launch", "VERB"), ("attack", "attack", "NOUN"), ("said", "say", "VERB"),
    ("pulled", "pull", "VERB"), ("out", "out", "ADP"), ("with", "with", "ADP"),
    ("on", "on", "ADP"), ("by", "by", "ADP"), ("rockets", "rocket", "NOUN"),
    ("not", "not", "PART"), ("will", "will", "AUX"), ("they", "they", "PRON"),
    ("its", "its", "PRON"), ("who", "who", "PRON"), ("and", "and", "CCONJ"),
    ("the", "the", "DET"), ("to", "to", "PART"), ("football", "football", "NOUN"),
    ("match", "match", "NOUN"), ("refugee", "refugee", "NOUN"), (".", ".", "PUNCT"),
)
CODER_DEPRELS = (
    "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "xcomp", "ccomp", "advcl",
    "acl", "acl:relcl", "conj", "cc", "amod", "compound", "compound:prt", "nmod", "nmod:poss",
    "appos", "case", "mark", "aux", "aux:pass", "advmod", "det", "flat", "punct", "dep",
)
CODER_NER = ("O", "O", "O", "S-GPE", "B-PERSON", "E-PERSON", "S-ORG", "I-PERSON")


@st.composite
def coder_sentences(draw: st.DrawFn, doc_id: str = "doc", index: int = 0) -> Sentence:
    """A valid tree of 1-12 words drawn from :data:`CODER_VOCABULARY`, any relations."""
    n = draw(st.integers(1, 12))
    tree = draw(heads(n))
    made = []
    for ident, head in enumerate(tree, start=1):
        text, lemma, upos = draw(st.sampled_from(CODER_VOCABULARY))
        made.append(Word(
            id=ident, text=text, lemma=lemma, upos=upos, head=head,
            deprel="root" if head == 0 else draw(st.sampled_from(CODER_DEPRELS)),
            feats=draw(st.sampled_from((None, "Number=Plur", "Polarity=Neg",
                                        "Tense=Past|VerbForm=Part"))),
            ner=draw(st.sampled_from(CODER_NER)),
        ))
    return Sentence(doc_id, index, " ".join(w.text for w in made), made)


@st.composite
def coder_documents(draw: st.DrawFn, max_sentences: int = 3) -> Document:
    """Documents of :func:`coder_sentences`, dated or not."""
    count = draw(st.integers(1, max_sentences))
    return Document(
        id="doc",
        sentences=[draw(coder_sentences("doc", i)) for i in range(count)],
        date=draw(st.none() | st.dates()),
    )
