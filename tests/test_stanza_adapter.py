"""Tests of eventcoder.parsers.stanza_adapter.

Three kinds: conversion of real stanza Documents read from hand-checked UD CoNLL-U (no
model needed), the model pre-check (no stanza import), and the real ``stanza.Pipeline``
on raw text with the toy models tests/stanza_toy trains (``slow``; they run in CI).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import ModelsNotInstalledError, ParserError
from eventcoder.model import NO_ENTITY, Document, SourceText
from eventcoder.parsers.base import make_parser
from eventcoder.parsers.stanza_adapter import (
    StanzaParser,
    check_models,
    default_model_dir,
    document_from_stanza,
    download_command,
    model_status,
)

# "The rebels cannot hold Idlib, Russia's army said." - UD English EWT conventions,
# checked by hand; "cannot" is a multiword token (can + not) as in EWT.
CONLLU = textwrap.dedent(
    """\
    # newdoc id = idlib-1
    # sent_id = idlib-1-s1
    # text = The rebels cannot hold Idlib, Russia's army said.
    # newpar
    1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t2:det\tner=O
    2\trebels\trebel\tNOUN\tNNS\tNumber=Plur\t5\tnsubj\t5:nsubj\tner=O
    3-4\tcannot\t_\t_\t_\t_\t_\t_\t_\tner=O
    3\tcan\tcan\tAUX\tMD\tVerbForm=Fin\t5\taux\t5:aux\t_
    4\tnot\tnot\tPART\tRB\tPolarity=Neg\t5\tadvmod\t5:advmod\t_
    5\thold\thold\tVERB\tVB\tVerbForm=Inf\t11\tccomp\t11:ccomp\t_
    6\tIdlib\tIdlib\tPROPN\tNNP\tNumber=Sing\t5\tobj\t5:obj\tSpaceAfter=No|ner=S-GPE
    7\t,\t,\tPUNCT\t,\t_\t11\tpunct\t11:punct\tner=O
    8\tRussia\tRussia\tPROPN\tNNP\tNumber=Sing\t10\tnmod:poss\t10:nmod:poss\tSpaceAfter=No|ner=S-GPE
    9\t's\t's\tPART\tPOS\t_\t8\tcase\t8:case\tner=O
    10\tarmy\tarmy\tNOUN\tNN\tNumber=Sing\t11\tnsubj\t11:nsubj\tner=O|Checked=Yes
    11\tsaid\tsay\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t0:root\tSpaceAfter=No|ner=O
    12\t.\t.\tPUNCT\t.\t_\t11\tpunct\t11:punct\tner=O

    # sent_id = idlib-1-s2
    # text = Syrian troops attacked rebels in Idlib on Monday.
    1\tSyrian\tSyrian\tADJ\tJJ\tDegree=Pos\t2\tamod\t_\tner=S-NORP
    2\ttroops\ttroop\tNOUN\tNNS\tNumber=Plur\t3\tnsubj\t_\tner=O
    3\tattacked\tattack\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\tner=O
    4\trebels\trebel\tNOUN\tNNS\tNumber=Plur\t3\tobj\t_\tner=O
    5\tin\tin\tADP\tIN\t_\t6\tcase\t_\tner=O
    6\tIdlib\tIdlib\tPROPN\tNNP\tNumber=Sing\t3\tobl\t_\tner=S-GPE
    7\ton\ton\tADP\tIN\t_\t8\tcase\t_\tner=O
    8\tMonday\tMonday\tPROPN\tNNP\tNumber=Sing\t3\tobl\t_\tSpaceAfter=No|ner=S-DATE
    9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tner=O

    """
)

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

NEWS = [
    "Syrian troops attacked rebels in Idlib on Monday. Russia condemned the attack.",
    "Turkey's foreign minister criticized the plan.",
    "",
    "At least 12 people were killed in Homs on Sunday.",
    "Sergei Lavrov will visit Damascus next week. The United Nations welcomed the talks.",
]


def stanza_doc(conllu: str = CONLLU, *, reconstruct_text: bool = True):
    """A real stanza Document read from CoNLL-U (stanza's own reader)."""
    from stanza.utils.conll import CoNLL

    return CoNLL.conll2doc(input_str=conllu, reconstruct_text=reconstruct_text)


# ---------------------------------------------------------------------------------------
# document_from_stanza on stanza Documents read from CoNLL-U


def test_conversion_keeps_every_column() -> None:
    """All ten CoNLL-U columns reach the Word; ids are 1-based, sentence index 0-based."""
    doc = document_from_stanza(stanza_doc(), "idlib-1", "2017-10-24", {"source": "test"})
    assert doc.id == "idlib-1" and str(doc.date) == "2017-10-24"
    assert doc.metadata == {"source": "test"}
    assert [s.index for s in doc.sentences] == [0, 1]
    first = doc.sentences[0]
    assert [w.id for w in first.words] == list(range(1, 13))
    said = first.word(11)
    assert (said.text, said.lemma, said.upos, said.xpos) == ("said", "say", "VERB", "VBD")
    assert said.feats == "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"
    assert (said.head, said.deprel, said.deps) == (0, "root", "0:root")
    assert first.root == said
    assert first.word(8).deprel == "nmod:poss" and first.word(8).head == 10
    assert [w.text for w in first.children(11, "nsubj")] == ["army"]
    assert [w.text for w in first.children(5)] == ["rebels", "can", "not", "Idlib"]


def test_multiword_token_and_its_words() -> None:
    """``cannot`` becomes a MultiwordToken 3-4 and two Words that share its NER tag."""
    raw = stanza_doc()
    mwt = raw.sentences[0].tokens[2]
    assert mwt.is_mwt()
    mwt.ner = "S-MISC"  # a tag on the token, to see it reach both words
    sentence = document_from_stanza(raw, "idlib-1").sentences[0]
    (token,) = sentence.multiword_tokens
    assert (token.first, token.last, token.text) == (3, 4, "cannot")
    can, neg = sentence.word(3), sentence.word(4)
    assert (can.lemma, neg.lemma) == ("can", "not")
    assert can.ner == neg.ner == "S-MISC"
    text = raw.text
    assert text[can.start_char : neg.end_char] == "cannot"


def test_ner_offsets_and_misc() -> None:
    """NER comes from ``ner=``; offsets index the text; other MISC items are kept in order."""
    raw = stanza_doc()
    doc = document_from_stanza(raw, "idlib-1")
    first = doc.sentences[0]
    assert [w.ner for w in first.words if w.ner != NO_ENTITY] == ["S-GPE", "S-GPE"]
    assert doc.sentences[1].word(1).ner == "S-NORP"
    assert doc.text == raw.text
    for sentence in doc.sentences:
        for word in sentence.words:
            if not any(t.first <= word.id <= t.last for t in sentence.multiword_tokens):
                assert doc.text[word.start_char : word.end_char] == word.text
            keys = [key for key, _ in word.misc]
            assert not {"ner", "start_char", "end_char"} & set(keys)
    army = first.word(10)
    assert army.misc == (("Checked", "Yes"),)
    assert not first.word(6).space_after and first.word(5).space_after
    assert first.span_text(8, 10) == "Russia's army"


def test_sentence_text_ids_and_comments() -> None:
    """Sentence text, sent_id and other comments survive; ``text``/``sent_id`` are not
    repeated among the comments."""
    doc = document_from_stanza(stanza_doc(), "idlib-1")
    first, second = doc.sentences
    assert first.text == "The rebels cannot hold Idlib, Russia's army said."
    assert (first.sent_id, second.sent_id) == ("idlib-1-s1", "idlib-1-s2")
    assert "newpar" in first.comments
    assert not any(c.startswith(("text", "sent_id")) for c in first.comments + second.comments)
    no_ids = document_from_stanza(stanza_doc(), "idlib-1", keep_sent_ids=False)
    assert [s.sent_id for s in no_ids.sentences] == [None, None]


def test_without_reconstructed_text() -> None:
    """Plain CoNLL-U has no offsets: they stay None and the sentence text comes from
    ``# text``, or from the tokens and SpaceAfter when that is missing too."""
    doc = document_from_stanza(stanza_doc(reconstruct_text=False), "x")
    assert doc.text is None
    assert all(w.start_char is None for w in doc.sentences[1].words)
    assert doc.sentences[1].text == "Syrian troops attacked rebels in Idlib on Monday."
    bare = CONLLU.split("\n\n")[1].replace(
        "# text = Syrian troops attacked rebels in Idlib on Monday.\n", ""
    )
    rebuilt = document_from_stanza(stanza_doc(bare + "\n\n", reconstruct_text=False), "x")
    assert rebuilt.sentences[0].text == "Syrian troops attacked rebels in Idlib on Monday."


def test_missing_heads_raise_parser_error() -> None:
    """A stanza Document without dependency heads (no depparse) is refused with the
    document, sentence and token named."""
    untagged = "\n".join(
        "\t".join([*cols[:6], "_", "_", "_", cols[9]]) if len(cols) == 10 else line
        for line in CONLLU.split("\n\n")[1].splitlines()
        for cols in [line.split("\t")]
    )
    with pytest.raises(ParserError, match=r"document 'd7', sentence 0, token 1 'Syrian'"):
        document_from_stanza(stanza_doc(untagged + "\n\n"), "d7")


@st.composite
def ud_trees(draw: st.DrawFn) -> tuple[list[str], list[int]]:
    """Forms and heads of a random valid dependency tree (one root, no cycles)."""
    size = draw(st.integers(1, 12))
    order = draw(st.permutations(range(1, size + 1)))
    heads = [0] * (size + 1)
    for position, node in enumerate(order):
        heads[node] = 0 if position == 0 else order[draw(st.integers(0, position - 1))]
    forms = draw(st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True),
                          min_size=size, max_size=size))
    return forms, heads[1:]


@settings(max_examples=40, deadline=None)
@given(tree=ud_trees())
def test_any_tree_converts_faithfully(tree: tuple[list[str], list[int]]) -> None:
    """For any valid tree, forms, heads and offsets come through unchanged."""
    forms, heads = tree
    rows = [
        f"{i}\t{form}\t{form.lower()}\tX\t_\t_\t{head}\t{'root' if head == 0 else 'dep'}\t_\t_"
        for i, (form, head) in enumerate(zip(forms, heads, strict=True), start=1)
    ]
    text = " ".join(forms)
    doc = document_from_stanza(stanza_doc(f"# text = {text}\n" + "\n".join(rows) + "\n\n"), "p")
    (sentence,) = doc.sentences
    assert [w.text for w in sentence] == forms
    assert [w.head for w in sentence] == heads
    assert [text[w.start_char : w.end_char] for w in sentence] == forms


# ---------------------------------------------------------------------------------------
# Finding models without importing stanza


def test_default_model_dir_matches_stanza() -> None:
    """Computed without stanza, the default folder is the one stanza itself uses."""
    code = (
        "import stanza.resources.common as c;"
        "from eventcoder.parsers.stanza_adapter import default_model_dir;"
        "print(c.DEFAULT_MODEL_DIR); print(default_model_dir())"
    )
    env = {k: v for k, v in os.environ.items() if k != "STANZA_RESOURCES_DIR"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=120).stdout.splitlines()
    assert out[0] == out[1]


def test_default_model_dir_follows_environment(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    """STANZA_RESOURCES_DIR wins; otherwise the folder is versioned like stanza's cache."""
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert default_model_dir() == tmp_path
    monkeypatch.delenv("STANZA_RESOURCES_DIR")
    assert default_model_dir().name == "resources"


def test_missing_models_fail_before_importing_stanza(tmp_path: Path) -> None:
    """With an empty model folder parse() raises ModelsNotInstalledError naming the
    command to run, and stanza (hence torch) is never imported."""
    code = textwrap.dedent(
        f"""
        import sys
        from eventcoder.errors import ModelsNotInstalledError
        from eventcoder.model import SourceText
        from eventcoder.parsers.stanza_adapter import StanzaParser
        try:
            StanzaParser(model_dir={str(tmp_path)!r}).parse([SourceText("a", "Hi.")])
        except ModelsNotInstalledError as error:
            print(error)
        print("stanza" in sys.modules, "torch" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.splitlines()
    assert out[0].endswith(f"run `eventcoder models download --model-dir {tmp_path}`")
    assert out[1] == "False False"


def test_missing_models_error_in_process(tmp_path: Path) -> None:
    """The error is raised by parse() itself, not on the first next(), and is one line."""
    parser = StanzaParser(model_dir=tmp_path)
    with pytest.raises(ModelsNotInstalledError) as caught:
        parser.parse([])
    assert "\n" not in str(caught.value)
    assert caught.value.exit_code == 3
    assert "eventcoder models download --model-dir" in str(caught.value)


def fake_resources(folder: Path, *, with_mwt: bool, files: bool) -> None:
    """A resources.json shaped like stanza's (processor -> model -> md5/dependencies;
    packages -> default), with or without the model files."""
    pretrain = [{"model": "pretrain", "package": "conll17"}]
    lang = {
        "lang_name": "English",
        "tokenize": {"combined": {"md5": "a1"}},
        "pos": {"combined_charlm": {"md5": "b2", "dependencies": pretrain}},
        "lemma": {"combined_nocharlm": {"md5": "c3"}},
        "depparse": {"combined_charlm": {"md5": "d4", "dependencies": pretrain}},
        "ner": {"ontonotes_charlm": {"md5": "e5", "dependencies": pretrain}},
        "pretrain": {"conll17": {"md5": "f6"}},
        "packages": {"default": {"tokenize": "combined", "pos": "combined_charlm",
                                 "lemma": "combined_nocharlm", "depparse": "combined_charlm",
                                 "ner": ["ontonotes_charlm"]}},
    }
    if with_mwt:
        lang["mwt"] = {"combined": {"md5": "g7"}}
        lang["packages"]["default"]["mwt"] = "combined"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "resources.json").write_text(json.dumps({"en": lang}), encoding="utf-8")
    if files:
        for proc, name in [("tokenize", "combined"), ("pos", "combined_charlm"),
                           ("lemma", "combined_nocharlm"), ("depparse", "combined_charlm"),
                           ("ner", "ontonotes_charlm"), ("pretrain", "conll17"),
                           *([("mwt", "combined")] if with_mwt else [])]:
            (folder / "en" / proc).mkdir(parents=True, exist_ok=True)
            (folder / "en" / proc / f"{name}.pt").write_bytes(b"x")


def test_check_models_resolves_packages_like_stanza(tmp_path: Path) -> None:
    """The default package maps to model files (with their pretrain dependency); mwt is
    kept only when the package has one."""
    fake_resources(tmp_path / "a", with_mwt=True, files=True)
    plan = check_models(model_dir=tmp_path / "a")
    assert plan.processors == ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
    assert ("pos", "combined_charlm", "b2") in plan.models
    fake_resources(tmp_path / "b", with_mwt=False, files=True)
    assert "mwt" not in check_models(model_dir=tmp_path / "b").processors


def test_package_without_ner_takes_the_default_ner(tmp_path: Path) -> None:
    """A syntax-only package (like stanza's English ``gum``) gets the default package's
    NER model, and the processors given to stanza name exactly the checked models."""
    fake_resources(tmp_path, with_mwt=False, files=True)
    resources = json.loads((tmp_path / "resources.json").read_text(encoding="utf-8"))
    for proc in ("tokenize", "pos", "lemma", "depparse"):
        resources["en"][proc]["gum"] = {"md5": proc}
        (tmp_path / "en" / proc / "gum.pt").write_bytes(b"x")
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    plan = check_models(package="gum", model_dir=tmp_path)
    assert dict(plan.stanza_processors) == {
        "tokenize": ("gum",), "pos": ("gum",), "lemma": ("gum",), "depparse": ("gum",),
        "ner": ("ontonotes_charlm",),
    }


def test_check_models_names_the_missing_file(tmp_path: Path) -> None:
    """A missing dependency file (the pretrain) is named with the command to run."""
    fake_resources(tmp_path, with_mwt=False, files=True)
    (tmp_path / "en" / "pretrain" / "conll17.pt").unlink()
    with pytest.raises(ModelsNotInstalledError, match=r"conll17\.pt is missing; run `eventcoder"):
        check_models(model_dir=tmp_path)
    status = model_status(model_dir=tmp_path)
    assert not status.installed and "conll17.pt" in status.message


def test_check_models_other_failures(tmp_path: Path) -> None:
    """Unknown language, unreadable resources.json, missing explicit model files, and a
    package without a needed processor each give their own one-line error."""
    fake_resources(tmp_path, with_mwt=False, files=True)
    with pytest.raises(ModelsNotInstalledError, match="no stanza models for language 'de'"):
        check_models(lang="de", model_dir=tmp_path)
    with pytest.raises(ParserError, match="package 'gum' has no 'tokenize' model for 'en'"):
        check_models(package="gum", model_dir=tmp_path)
    with pytest.raises(ModelsNotInstalledError, match=r"nope\.pt \(pos_model_path\)"):
        check_models(model_dir=tmp_path, model_paths={"pos_model_path": "nope.pt"})
    (tmp_path / "resources.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelsNotInstalledError, match="cannot be read"):
        check_models(model_dir=tmp_path)


def test_download_command_mentions_options() -> None:
    """The hint names --lang, --package and --model-dir only when they differ."""
    assert download_command() == "eventcoder models download"
    assert download_command("fr", "gsd", "/m") == (
        "eventcoder models download --lang fr --package gsd --model-dir /m"
    )


def test_parser_spec_and_options() -> None:
    """make_parser builds a StanzaParser named after its spec; a pipeline without depparse
    cannot make Documents and is refused."""
    parser = make_parser("stanza:gum")
    assert isinstance(parser, StanzaParser) and parser.name == "stanza:gum"
    assert make_parser("stanza").name == "stanza"
    assert parser.version.startswith("stanza ")
    with pytest.raises(ParserError, match="depparse"):
        StanzaParser(processors="tokenize,pos,lemma")


# ---------------------------------------------------------------------------------------
# The real stanza Pipeline with the toy models


def bioes_spans(words) -> list[tuple[int, int, str]]:
    """(first id, last id, type) of each entity; asserts the BIOES sequence is valid."""
    spans, start = [], None
    for word in words:
        tag = word.ner
        prefix, _, label = tag.partition("-")
        assert tag == NO_ENTITY or (prefix in "BIES" and label), tag
        if prefix == "S":
            assert start is None
            spans.append((word.id, word.id, label))
        elif prefix == "B":
            assert start is None
            start = (word.id, label)
        elif prefix in ("I", "E"):
            assert start is not None and start[1] == label, (tag, start)
            if prefix == "E":
                spans.append((start[0], word.id, label))
                start = None
        else:
            assert start is None
    assert start is None
    return spans


@pytest.fixture(scope="module")
def toy_parser(stanza_toy_models) -> StanzaParser:
    return StanzaParser(model_paths=stanza_toy_models["model_paths"],
                        model_dir=stanza_toy_models["resources_dir"], batch_size=2)


def check_document(doc: Document, source: SourceText) -> None:
    assert (doc.id, doc.date, doc.metadata, doc.text) == (
        source.id, source.date, source.metadata, source.text
    )
    for index, sentence in enumerate(doc.sentences):
        assert sentence.index == index and sentence.doc_id == doc.id
        assert [w.id for w in sentence] == list(range(1, len(sentence) + 1))
        assert sum(w.head == 0 for w in sentence) == 1
        for word in sentence:
            assert word.lemma and word.lemma != "_"
            assert word.upos in UPOS
            assert doc.text[word.start_char : word.end_char] == word.text
        first, last = sentence.words[0], sentence.words[-1]
        assert doc.text[first.start_char : last.end_char] == sentence.text
        bioes_spans(sentence.words)


@pytest.mark.slow
def test_pipeline_parses_raw_text_in_batches(toy_parser: StanzaParser) -> None:
    """Five texts (one empty) in batches of two come back in order as valid Documents:
    ids, dates, metadata kept; trees; lemmas; UPOS; offsets into the text; BIOES NER."""
    sources = [SourceText(f"doc-{i}", text, "2017-10-24", {"n": i})
               for i, text in enumerate(NEWS)]
    docs = list(toy_parser.parse(iter(sources)))
    assert [d.id for d in docs] == [s.id for s in sources]
    for doc, source in zip(docs, sources, strict=True):
        check_document(doc, source)
    assert [len(d.sentences) for d in docs] == [2, 1, 0, 1, 2]
    assert [w.text for w in docs[0].sentences[0]] == [
        "Syrian", "troops", "attacked", "rebels", "in", "Idlib", "on", "Monday", "."
    ]
    assert docs[0].sentences[1].text == "Russia condemned the attack."


@pytest.mark.slow
def test_batching_does_not_change_parses(toy_parser: StanzaParser,
                                         stanza_toy_models) -> None:
    """A batched call gives the same Documents as one call per text (nothing leaks between
    documents: sentence ids, indexes, offsets)."""
    sources = [SourceText(f"d{i}", text) for i, text in enumerate(NEWS)]
    batched = list(toy_parser.parse(sources))
    alone = StanzaParser(model_paths=stanza_toy_models["model_paths"],
                         model_dir=stanza_toy_models["resources_dir"], batch_size=1)
    assert batched == list(alone.parse(sources))


@pytest.mark.slow
def test_entities_match_stanza_own_spans(toy_parser: StanzaParser) -> None:
    """The BIOES tags on Words give exactly the entity spans stanza itself reports."""
    text = NEWS[0] + " " + NEWS[4]
    (doc,) = toy_parser.parse([SourceText("e", text)])
    ours = []
    for sentence in doc.sentences:
        for first, last, label in bioes_spans(sentence.words):
            start, end = sentence.word(first).start_char, sentence.word(last).end_char
            ours.append((text[start:end], label, start, end))
    raw = toy_parser._nlp(text)
    assert ours == [(e.text, e.type, e.start_char, e.end_char) for e in raw.ents]
    assert ours, "the toy NER model found no entity at all"


@pytest.mark.slow
def test_explicit_models_need_no_resources_folder(stanza_toy_models, tmp_path: Path) -> None:
    """With every model path explicit, an empty model folder is fine and stays empty."""
    parser = StanzaParser(model_paths=stanza_toy_models["model_paths"], model_dir=tmp_path)
    (doc,) = parser.parse([SourceText("r", "Russia condemned the attack.")])
    assert [w.text for w in doc.sentences[0]] == ["Russia", "condemned", "the", "attack", "."]
    assert list(tmp_path.iterdir()) == []
    assert "pos_model_path=en_toy_tagger.pt@" in parser.version


@pytest.mark.slow
def test_models_from_a_resources_folder(stanza_toy_resources: Path) -> None:
    """The default path: models found through resources.json, as after a download."""
    parser = StanzaParser(model_dir=stanza_toy_resources)
    assert "pos=toy@" in parser.version
    (doc,) = parser.parse([SourceText("f", NEWS[1])])
    check_document(doc, SourceText("f", NEWS[1]))
