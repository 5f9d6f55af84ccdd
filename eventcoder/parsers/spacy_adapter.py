"""The spaCy adapter: spaCy's English pipeline, converted to Universal Dependencies v2.

spaCy's English models label dependencies in the ClearNLP style (``dobj``, ``prep`` +
``pobj``, ``nsubjpass``, ...). Everything downstream of the parser speaks UD v2, so this
module converts each sentence once, on the way out: renames plus the restructurings
where UD attaches words differently (prepositions become ``case`` children of their
objects, copulas become ``cop`` children of their predicates, conjuncts attach to the
first conjunct). docs/spacy-ud-mapping.md lists every label and what it becomes.

This is the only module that imports spaCy, and it does so lazily, so that eventcoder
works without spaCy installed until a spaCy parser is asked for.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventcoder.errors import ModelsNotInstalledError, ParserError
from eventcoder.model import NO_ENTITY, Document, Sentence, SourceText, Word
from eventcoder.ud import NOMINAL_UPOS, normalise_columns

logger = logging.getLogger(__name__)

#: ClearNLP labels whose UD v2 name needs no context (after the restructurings).
CLEAR_TO_UD: Mapping[str, str] = MappingProxyType(
    {
        "ROOT": "root",
        "acl": "acl",
        "acomp": "xcomp",
        "advcl": "advcl",
        "advmod": "advmod",
        "amod": "amod",
        "appos": "appos",
        "attr": "xcomp",
        "aux": "aux",
        "auxpass": "aux:pass",
        "case": "case",
        "cc": "cc",
        "ccomp": "ccomp",
        "compound": "compound",
        "conj": "conj",
        "csubj": "csubj",
        "csubjpass": "csubj:pass",
        "dep": "dep",
        "det": "det",
        "dobj": "obj",
        "expl": "expl",
        "intj": "discourse",
        "mark": "mark",
        "meta": "parataxis",
        "nmod": "nmod",
        "nsubj": "nsubj",
        "nsubjpass": "nsubj:pass",
        "nummod": "nummod",
        "oprd": "xcomp",
        "parataxis": "parataxis",
        "poss": "nmod:poss",
        "preconj": "cc:preconj",
        "predet": "det:predet",
        "punct": "punct",
        "quantmod": "advmod",
        "prt": "compound:prt",
        "relcl": "acl:relcl",
        "xcomp": "xcomp",
    }
)

#: UD labels the restructurings assign; they pass the final renaming unchanged.
_ASSIGNED_UD: frozenset[str] = frozenset(
    {"obl", "obl:agent", "nmod", "advcl", "acl", "case", "mark", "fixed", "cop"}
)

#: Labels of a preposition that heads a prepositional phrase in ClearNLP style.
PREP_LABELS: frozenset[str] = frozenset({"prep", "agent", "dative"})

#: Labels of a copula's children that make the copula's clause keep the verb as head.
_NOT_COPULAR: frozenset[str] = frozenset({"dobj", "ccomp", "xcomp", "oprd", "expl"})

#: Children of a copula that modify the whole clause (``obl`` under a nominal predicate).
_CLAUSE_LEVEL: frozenset[str] = frozenset({"prep", "agent", "dative", "npadvmod"})

#: UPOS tags of words that head a clause.
_CLAUSAL_UPOS: frozenset[str] = frozenset({"VERB", "AUX"})

_SPACY_HINT = "pip install 'eventcoder[spacy]'"


def load_model(model: str) -> Any:
    """Load a spaCy pipeline, or raise ModelsNotInstalledError saying what to install."""
    try:
        import spacy
    except ImportError as error:
        raise ModelsNotInstalledError(f"spaCy is not installed: run {_SPACY_HINT}") from error
    try:
        return spacy.load(model)
    except OSError as error:
        raise ModelsNotInstalledError(_not_installed(model)) from error
    except Exception as error:  # a broken or incompatible model package
        raise ParserError(f"cannot load spaCy model {model!r}: {error}") from error


#: A hyphen ending a word, the word's own suffix ("anti- Gondor" -> "anti", "-").
_TRAILING_HYPHEN = r"(?<=[^\W\d_])-"


def split_trailing_hyphens(nlp: Any) -> None:
    """Make ``nlp``'s tokenizer split a hyphen off the end of a word.

    spaCy splits "anti-Gondor" into "anti", "-", "Gondor" but keeps "anti- Gondor" (a
    space after the hyphen, common in wire copy) as the token "anti-", which its parser
    then takes for a noun or even a sentence end. Splitting the hyphen off gives both
    spellings the same tokens and parse.
    """
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, _TRAILING_HYPHEN]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


#: The version of this adapter's tokenization and UD conversion, part of
#: :attr:`SpacyParser.version` and so of the parse-cache key: bump it whenever a change
#: here changes the Documents produced from the same spaCy parse.
CONVERSION_VERSION = 2


def model_folder(model: str) -> Path | None:
    """The folder of an installed model package or a model folder, found without
    importing spaCy or the model (importing spaCy alone takes over a second)."""
    if Path(model).is_dir():
        return Path(model)
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


def model_meta(model: str) -> dict[str, Any] | None:
    """The model's meta.json (name, version, ...), read without loading the model."""
    folder = model_folder(model)
    meta_file = folder / "meta.json" if folder else None
    if meta_file is None or not meta_file.is_file():
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    return meta if isinstance(meta, dict) else None


def _require_model(model: str) -> None:
    """Raise ModelsNotInstalledError unless spaCy and the model are installed."""
    if importlib.util.find_spec("spacy") is None:
        raise ModelsNotInstalledError(f"spaCy is not installed: run {_SPACY_HINT}")
    if model_folder(model) is None:
        raise ModelsNotInstalledError(_not_installed(model))


def _not_installed(model: str) -> str:
    return (f"spaCy model {model!r} is not installed: run `python -m spacy download {model}` "
            f"(or `pip install {model}`)")


class SpacyParser:
    """Parses texts with a spaCy pipeline into UD v2 Documents (see module docstring).

    The pipeline is loaded on first use (or by :meth:`load`); a missing spaCy or model
    fails at construction. :attr:`version` reads the model's meta.json without loading
    it, so a run whose texts are all in the parse cache never loads the model.
    """

    __slots__ = ("_meta", "_nlp", "batch_size", "model", "n_process", "name")

    def __init__(
        self, model: str = "en_core_web_sm", *, batch_size: int = 64, n_process: int = 1
    ) -> None:
        _require_model(model)
        self.model = model
        self.name = f"spacy:{model}"
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: Any = None
        self._meta: dict[str, Any] | None = model_meta(model)

    @property
    def loaded(self) -> bool:
        """Whether the spaCy pipeline has been loaded."""
        return self._nlp is not None

    def load(self) -> Any:
        """Load the pipeline now (parse() does it on first use) and return it."""
        if self._nlp is None:
            nlp = load_model(self.model)
            if "parser" not in nlp.pipe_names:
                raise ParserError(f"spaCy pipeline {self.model!r} has no dependency parser")
            split_trailing_hyphens(nlp)
            self._nlp = nlp
            self._meta = dict(nlp.meta)
        return self._nlp

    @property
    def version(self) -> str:
        """spaCy's version, the model's name and version, and the adapter's conversion
        version, e.g. ``spacy 3.8.2; en_core_web_sm 3.8.0; adapter 2``."""
        meta = self._meta if self._meta is not None else dict(self.load().meta)
        model = f"{meta.get('lang', '')}_{meta.get('name', '')}"
        return (f"spacy {metadata.version('spacy')}; {model} {meta.get('version', '?')}; "
                f"adapter {CONVERSION_VERSION}")

    def parse(self, texts: Iterable[SourceText]) -> Iterator[Document]:
        """Parse each text into a Document, lazily, in batches, in input order."""
        nlp = self.load()
        pairs = ((source.text, source) for source in self._checked(texts, nlp.max_length))
        docs = nlp.pipe(
            pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        )
        for spacy_doc, source in docs:
            yield doc_to_document(source, spacy_doc)

    @staticmethod
    def _checked(texts: Iterable[SourceText], limit: int) -> Iterator[SourceText]:
        for source in texts:
            if len(source.text) > limit:
                raise ParserError(
                    f"document {source.id!r}: {len(source.text)} characters is more than "
                    f"spaCy's limit of {limit} (nlp.max_length); split the text"
                )
            yield source


# --------------------------------------------------------------------------- documents


def doc_to_document(source: SourceText, doc: Any) -> Document:
    """A spaCy Doc of ``source.text`` as a Document with UD v2 sentences."""
    entity_of = _entity_index(doc)
    sentences: list[Sentence] = []
    for span in doc.sents:
        tokens = [t for t in span if not t.is_space]
        if tokens:
            sentences.append(_sentence(source, len(sentences), tokens, entity_of))
    return Document(
        source.id, sentences, text=source.text, date=source.date, metadata=source.metadata
    )


def _entity_index(doc: Any) -> tuple[list[int], list[str]]:
    """Per token the number of its entity (-1 outside), and each entity's label."""
    index = [-1] * len(doc)
    labels: list[str] = []
    for number, ent in enumerate(doc.ents):
        labels.append(ent.label_)
        index[ent.start : ent.end] = [number] * (ent.end - ent.start)
    return index, labels


def bioes(entity_ids: Sequence[int], labels: Sequence[str]) -> list[str]:
    """BIOES tags for a run of tokens given each token's entity number (-1 = none).

    >>> bioes([-1, 0, 0, 0, 1], ["ORG", "GPE"])
    ['O', 'B-ORG', 'I-ORG', 'E-ORG', 'S-GPE']
    """
    tags: list[str] = []
    n = len(entity_ids)
    for i, ent in enumerate(entity_ids):
        if ent < 0:
            tags.append(NO_ENTITY)
            continue
        starts = i == 0 or entity_ids[i - 1] != ent
        ends = i == n - 1 or entity_ids[i + 1] != ent
        prefix = "S" if starts and ends else "B" if starts else "E" if ends else "I"
        tags.append(f"{prefix}-{labels[ent]}")
    return tags


def _sentence(
    source: SourceText, index: int, tokens: list[Any], entity_of: tuple[list[int], list[str]]
) -> Sentence:
    """One spaCy sentence (whitespace tokens already removed) as a UD v2 Sentence."""
    position = {t.i: n for n, t in enumerate(tokens)}
    heads = _heads_without_space(tokens, position)
    deps = [t.dep_ for t in tokens]
    upos = [t.pos_ or "X" for t in tokens]
    tags = [t.tag_ for t in tokens]
    lemmas = [t.lemma_ for t in tokens]
    _fix_roots(heads, deps)
    ud_heads, ud_deps = _convert_or_fallback(source.id, index, heads, deps, upos, tags, lemmas)
    ud_heads = [h + 1 for h in ud_heads]
    feats = [str(t.morph) or None for t in tokens]
    normalise_columns(upos, feats, ud_heads, ud_deps)  # what the CoNLL-U reader would do
    ner = bioes([entity_of[0][t.i] for t in tokens], entity_of[1])
    text = source.text
    words = []
    for n, token in enumerate(tokens):
        end = token.idx + len(token.text)
        words.append(
            Word(
                id=n + 1,
                text=token.text,
                lemma=lemmas[n] or token.text,
                upos=upos[n],
                head=ud_heads[n],
                deprel=ud_deps[n],
                xpos=tags[n] or None,
                feats=feats[n],
                ner=ner[n],
                start_char=token.idx,
                end_char=end,
                misc=space_misc(text, end),
            )
        )
    sentence_text = text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return Sentence(source.id, index, one_line(sentence_text), words)


def one_line(text: str) -> str:
    """The text with each line break (``\\r\\n``, ``\\n``, ``\\r``) as one space.

    A sentence's text goes on CoNLL-U's one-line ``# text`` comment; the word offsets
    and the document text keep the original layout.
    """
    if "\n" not in text and "\r" not in text:
        return text
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


_NO_SPACE: tuple[tuple[str, str], ...] = (("SpaceAfter", "No"),)
_ESCAPES: Mapping[str, str] = MappingProxyType({" ": "\\s", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def space_misc(text: str, end: int) -> tuple[tuple[str, str], ...]:
    """MISC for the whitespace after a word ending at ``end``: none for one space.

    No whitespace gives ``SpaceAfter=No``; other whitespace gives ``SpacesAfter`` with
    UD's escapes (``\\s``, ``\\t``, ``\\n``, ``\\r``; other characters as ``\\uXXXX``).

    >>> space_misc("a b", 1), space_misc("a,b", 1), space_misc("a.\\n\\nB", 2)
    ((), (('SpaceAfter', 'No'),), (('SpacesAfter', '\\\\n\\\\n'),))
    """
    if end >= len(text):
        return ()
    if not text[end].isspace():
        return _NO_SPACE
    if text[end] == " " and (end + 1 == len(text) or not text[end + 1].isspace()):
        return ()
    stop = end
    while stop < len(text) and text[stop].isspace():
        stop += 1
    escaped = "".join(_ESCAPES.get(c) or f"\\u{ord(c):04X}" for c in text[end:stop])
    return (("SpacesAfter", escaped),)


def _heads_without_space(tokens: list[Any], position: dict[int, int]) -> list[int]:
    """0-based sentence-relative heads (-1 = root), skipping removed whitespace tokens."""
    heads = []
    for token in tokens:
        head = token.head
        while head.i != token.i and head.i not in position:
            if head.head.i == head.i:  # a whitespace root: the word becomes a root
                break
            head = head.head
        heads.append(position.get(head.i, -1) if head.i != token.i else -1)
    return heads


def _fix_roots(heads: list[int], deps: list[str]) -> None:
    """Keep one root: others (left by a removed whitespace root) attach to the first as dep."""
    roots = [i for i, h in enumerate(heads) if h == -1]
    for extra in roots[1:]:
        heads[extra] = roots[0]
        deps[extra] = "dep"
    if roots:
        deps[roots[0]] = "ROOT"


def _convert_or_fallback(
    doc_id: str,
    index: int,
    heads: list[int],
    deps: list[str],
    upos: list[str],
    tags: list[str],
    lemmas: list[str],
) -> tuple[list[int], list[str]]:
    """UD v2 heads and labels; on a conversion bug, spaCy's own tree with renamed labels."""
    ud_heads, ud_deps = clear_to_ud(heads, deps, upos, tags, lemmas)
    if _is_tree(ud_heads):
        return ud_heads, ud_deps
    logger.warning(
        "document %r, sentence %d: UD conversion broke the tree; kept spaCy's attachments",
        doc_id,
        index,
    )
    plain = _Tree(list(heads), list(deps), upos, tags, lemmas)
    return plain.heads, [_final_label(plain, i) for i in range(len(heads))]


def _is_tree(heads: Sequence[int]) -> bool:
    """True when exactly one word is the root (-1) and every word reaches it."""
    if sum(1 for h in heads if h == -1) != 1:
        return False
    n = len(heads)
    state = [0] * n  # 0 unknown, 1 on the current path, 2 reaches the root
    for start in range(n):
        path = []
        node = start
        while node != -1 and state[node] == 0:
            if not 0 <= heads[node] < n and heads[node] != -1:
                return False
            state[node] = 1
            path.append(node)
            node = heads[node]
        if node != -1 and state[node] == 1:
            return False  # came back to the current path: a cycle
        for visited in path:
            state[visited] = 2
    return True


# --------------------------------------------------------------------------- conversion


def clear_to_ud(
    heads: Sequence[int],
    deps: Sequence[str],
    upos: Sequence[str],
    tags: Sequence[str],
    lemmas: Sequence[str],
) -> tuple[list[int], list[str]]:
    """Convert one sentence's ClearNLP-style tree to UD v2.

    ``heads`` are 0-based positions in the sentence, -1 for the root. Returns the new
    heads (same convention) and UD v2 relation names. The steps, in order: copulas,
    prepositional phrases, coordination, then the renames of :data:`CLEAR_TO_UD`.
    """
    tree = _Tree(list(heads), list(deps), upos, tags, lemmas)
    _restructure_copulas(tree)
    _restructure_prepositions(tree)
    _restructure_coordination(tree)
    return tree.heads, [_final_label(tree, i) for i in range(len(tree.heads))]


class _Tree:
    """Mutable working copy of one sentence during conversion."""

    __slots__ = ("clause_level", "deps", "heads", "lemmas", "tags", "upos")

    def __init__(
        self,
        heads: list[int],
        deps: list[str],
        upos: Sequence[str],
        tags: Sequence[str],
        lemmas: Sequence[str],
    ) -> None:
        self.heads = heads
        self.deps = deps
        self.upos = upos
        self.tags = tags
        self.lemmas = lemmas
        #: Words moved from a copula to its predicate: they modify the clause.
        self.clause_level: set[int] = set()

    def children(self) -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in self.heads]
        for i, h in enumerate(self.heads):
            if h >= 0:
                kids[h].append(i)
        return kids

    def nominal(self, i: int) -> bool:
        return i >= 0 and self.upos[i] in NOMINAL_UPOS


def _restructure_copulas(tree: _Tree) -> None:
    """"X is a leader": the predicate heads the clause and ``be`` becomes its ``cop``."""
    kids = tree.children()
    for be, lemma in enumerate(tree.lemmas):
        if lemma.lower() != "be" or tree.deps[be] in ("aux", "auxpass"):
            continue
        predicate = _copula_predicate(tree, be, kids[be], kids)
        if predicate is not None:
            _promote(tree, be, predicate, kids[be])


def _copula_predicate(
    tree: _Tree, be: int, kids: list[int], all_kids: list[list[int]]
) -> int | None:
    """The word that is the predicate of copula ``be``, or None when ``be`` is a verb here."""
    labels = [tree.deps[k] for k in kids]
    if any(label in _NOT_COPULAR for label in labels):
        return None
    for wanted in ("attr", "acomp"):
        if wanted in labels:
            return kids[labels.index(wanted)]
    if not any(label in ("nsubj", "nsubjpass", "csubj") for label in labels):
        return None
    for prep in kids:
        if tree.deps[prep] == "prep" and prep > be:
            objects = [k for k in all_kids[prep] if tree.deps[k] == "pobj"]
            if objects and tree.nominal(objects[0]):
                tree.deps[prep] = "case"
                tree.heads[prep] = objects[0]
                for other in all_kids[prep]:
                    if other != objects[0]:
                        tree.heads[other] = objects[0]
                return objects[0]
    return None


def _promote(tree: _Tree, be: int, predicate: int, kids: list[int]) -> None:
    """Put ``predicate`` in ``be``'s place and hang ``be`` and its dependents under it."""
    tree.heads[predicate] = tree.heads[be]
    tree.deps[predicate] = tree.deps[be]
    for kid in kids:
        if kid != predicate and tree.heads[kid] == be:
            tree.heads[kid] = predicate
            if tree.deps[kid] in _CLAUSE_LEVEL:
                tree.clause_level.add(kid)
    tree.heads[be] = predicate
    tree.deps[be] = "cop"


def _prep_object(tree: _Tree, prep: int, kids: list[list[int]]) -> tuple[int | None, list[int]]:
    """The object of a preposition and the prepositions chained above it ("from behind X")."""
    by_label: dict[str, int] = {}
    for kid in kids[prep]:
        by_label.setdefault(tree.deps[kid], kid)
    if "pobj" in by_label:
        return by_label["pobj"], []
    inner = by_label.get("pcomp", by_label.get("prep"))
    if inner is None:
        return None, []
    if tree.upos[inner] == "ADP" or tree.deps[inner] == "prep":
        found, chain = _prep_object(tree, inner, kids)
        if found is not None:
            return found, [inner, *chain]
        if tree.deps[inner] == "prep":
            return None, []
    return inner, []


def _restructure_prepositions(tree: _Tree) -> None:
    """"attack on X": X takes the preposition's place, the preposition becomes its case."""
    kids = tree.children()
    objects: dict[int, tuple[int, list[int]]] = {}
    for i, dep in enumerate(tree.deps):
        if dep in PREP_LABELS or (dep == "pcomp" and tree.upos[i] == "ADP"):
            found, chain = _prep_object(tree, i, kids)
            if found is not None:
                objects[i] = (found, chain)
    original = list(tree.deps)
    for prep, (obj, chain) in objects.items():
        if tree.deps[prep] == "fixed":
            continue
        _fix_multiword(tree, prep, chain)
        target = tree.heads[prep]
        target = objects[target][0] if target in objects else target
        if target != obj:
            tree.heads[obj] = target
            tree.deps[obj] = _object_label(tree, prep, original[prep], obj, target)
        clausal = tree.upos[obj] in _CLAUSAL_UPOS
        for kid in kids[prep]:
            if kid != obj and kid not in chain and tree.heads[kid] == prep:
                _move_prep_child(tree, kid, obj, original)
        tree.heads[prep] = obj
        tree.deps[prep] = "mark" if clausal else "case"


def _fix_multiword(tree: _Tree, prep: int, chain: list[int]) -> None:
    """"according to", "due to", "instead of": the second word is ``fixed`` to the first."""
    if chain and chain[0] == prep + 1 and tree.upos[prep] != "ADP":
        tree.heads[chain[0]] = prep
        tree.deps[chain[0]] = "fixed"


def _move_prep_child(tree: _Tree, kid: int, obj: int, original: list[str]) -> None:
    """A preposition's other dependents: ``of`` in "because of" stays; the rest go to the object."""
    if original[kid] == "pcomp" and tree.upos[kid] == "ADP":
        tree.deps[kid] = "fixed"
        return
    tree.heads[kid] = obj


def _object_label(tree: _Tree, prep: int, prep_dep: str, obj: int, head: int) -> str:
    """The relation of a preposition's object to the preposition's (new) head."""
    if prep_dep not in PREP_LABELS:
        return prep_dep  # the object takes the preposition's place: conj, ROOT, ...
    under_noun = tree.nominal(head) and prep not in tree.clause_level
    if tree.upos[obj] in _CLAUSAL_UPOS:
        return "acl" if under_noun else "advcl"
    if under_noun:
        return "nmod"
    return "obl:agent" if prep_dep == "agent" else "obl"


def _restructure_coordination(tree: _Tree) -> None:
    """UD v2 coordination: cc and commas go to the next conjunct; conjuncts to the first."""
    kids = tree.children()
    for i, dep in enumerate(tree.deps):
        if dep == "cc" or (dep == "punct" and tree.tags[i] in (",", ":")):
            head = tree.heads[i]
            if head < 0 or kids[i] or i < head:
                continue
            later = [k for k in kids[head] if k > i and tree.deps[k] == "conj"]
            if later:
                tree.heads[i] = later[0]
    for i, dep in enumerate(tree.deps):
        if dep == "conj":
            head = tree.heads[i]
            while head >= 0 and tree.deps[head] == "conj" and tree.heads[head] >= 0:
                head = tree.heads[head]
            tree.heads[i] = head


def _final_label(tree: _Tree, i: int) -> str:
    """The UD v2 relation of word ``i`` once the tree has its UD shape."""
    dep = tree.deps[i]
    head = tree.heads[i]
    if dep in ("prep", "agent") or (dep == "dative" and tree.upos[i] == "ADP"):
        return "advmod"  # no object: an intransitive or stranded preposition
    if dep == "dative":
        return "iobj"
    if dep in ("pobj", "pcomp"):  # an object without a preposition above it
        if tree.upos[i] in _CLAUSAL_UPOS:
            return "acl" if tree.nominal(head) else "advcl"
        return "nmod" if tree.nominal(head) else "obl"
    if dep == "npadvmod":
        return "nmod:npmod" if tree.nominal(head) and i not in tree.clause_level else "obl:npmod"
    if dep == "attr" and head >= 0 and _has_expletive(tree, head):
        return "nsubj"  # "there are 200 fighters"
    return _rename(dep, tree.upos[i], tree.tags[i])


def _has_expletive(tree: _Tree, head: int) -> bool:
    return any(tree.heads[k] == head and tree.deps[k] == "expl" for k in range(len(tree.heads)))


def _rename(dep: str, upos: str, tag: str) -> str:
    """The context-free part of the mapping (plus ``to`` -> mark and ``no`` -> det)."""
    if dep == "aux" and tag == "TO":
        return "mark"
    if dep == "neg":
        return "det" if upos == "DET" else "advmod"
    if dep in _ASSIGNED_UD:
        return dep
    return CLEAR_TO_UD.get(dep, "dep")
