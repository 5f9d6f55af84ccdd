"""Generate the toy English political-news UD treebank the stanza tests train on.

Writes ``en_toy.{train,dev}.conllu`` (UD heads, relations, features; BIOES NER tags in
MISC as ``NER=``, which stanza leaves alone), ``en_toy.{train,dev}.txt`` (the raw text,
five sentences a paragraph, as stanza's tokenizer trainer wants it) and
``en_toy.{train,dev}.ner.json`` (stanza's NER training format) next to this script.

The sentences come from templates over small word lists ("Syrian troops attacked rebels
in Idlib on Monday.", "Russia condemned the attack."); every template's tree was checked
by hand against UD English EWT conventions. The output is committed; regenerate with
``python tests/stanza_toy/gen_treebank.py`` (deterministic for a given seed).
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

PERSONS = [
    ("Sergei", "Lavrov"), ("John", "Kerry"), ("Recep", "Erdogan"), ("Hassan", "Rouhani"),
    ("Angela", "Merkel"), ("Emmanuel", "Macron"), ("Ayman", "Safadi"), ("Michel", "Aoun"),
    ("Haider", "Abadi"), ("Rex", "Tillerson"),
]
COUNTRIES = [
    "Syria", "Russia", "Turkey", "Iran", "Iraq", "Israel", "Egypt", "France", "Jordan",
    "Lebanon", "Germany", "China",
]
CITIES = [
    "Idlib", "Aleppo", "Damascus", "Homs", "Raqqa", "Mosul", "Beirut", "Ankara", "Geneva",
    "Baghdad", "Astana",
]
ORGS = ["NATO", "Hezbollah", "Reuters", "UNICEF", "Interpol", "OPEC"]
ORGS2 = [
    ("United", "Nations"), ("European", "Union"), ("Red", "Cross"), ("Security", "Council"),
    ("Arab", "League"),
]
NORPS = [
    "Syrian", "Russian", "Turkish", "Iranian", "Iraqi", "Kurdish", "Israeli", "American",
    "French", "Lebanese",
]
GROUPS = [
    ("troops", "troop"), ("rebels", "rebel"), ("forces", "force"), ("militants", "militant"),
    ("soldiers", "soldier"), ("officials", "official"), ("jets", "jet"),
    ("protesters", "protester"), ("diplomats", "diplomat"), ("fighters", "fighter"),
]
TITLES = ["government", "army", "military", "ministry", "president", "spokesman", "police",
          "opposition", "coalition"]
VERBS = [
    ("attacked", "attack"), ("condemned", "condemn"), ("shelled", "shell"),
    ("accused", "accuse"), ("criticized", "criticize"), ("welcomed", "welcome"),
    ("rejected", "reject"), ("bombed", "bomb"), ("captured", "capture"),
    ("arrested", "arrest"), ("killed", "kill"), ("blamed", "blame"), ("supported", "support"),
    ("threatened", "threaten"),
]
BASE_VERBS = [("meet", "meet"), ("visit", "visit"), ("support", "support"),
              ("discuss", "discuss"), ("reject", "reject")]
NOUNS = ["attack", "ceasefire", "agreement", "proposal", "offensive", "resolution", "convoy",
         "plan", "strike", "deal", "town", "village"]
PLNOUNS = [("sanctions", "sanction"), ("talks", "talk"), ("civilians", "civilian"),
           ("positions", "position"), ("rebels", "rebel")]
ADJS = ["new", "deadly", "recent", "latest", "major", "final"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROLES = [("foreign", "minister"), (None, "president"), (None, "army"), (None, "government"),
         ("defense", "minister"), (None, "military")]

VBD = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"
DEF = "Definite=Def|PronType=Art"
IND = "Definite=Ind|PronType=Art"


@dataclass(eq=False)
class Tok:
    """One token while a sentence is being built (heads are other Toks)."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str = "_"
    deprel: str = "dep"
    head: Tok | None = None
    ner: str = "O"
    space_after: bool = True
    id: int = 0


def propn(word: str) -> Tok:
    return Tok(word, word, "PROPN", "NNP", "Number=Sing")


def noun(form: str, lemma: str, plural: bool = False) -> Tok:
    if plural:
        return Tok(form, lemma, "NOUN", "NNS", "Number=Plur")
    return Tok(form, lemma, "NOUN", "NN", "Number=Sing")


def det(definite: bool = True) -> Tok:
    return Tok("the", "the", "DET", "DT", DEF, "det") if definite else Tok(
        "a", "a", "DET", "DT", IND, "det"
    )


def attach(dependent: Tok, head: Tok, deprel: str) -> None:
    dependent.head, dependent.deprel = head, deprel


def bioes(toks: list[Tok], label: str) -> None:
    if len(toks) == 1:
        toks[0].ner = "S-" + label
        return
    toks[0].ner = "B-" + label
    for tok in toks[1:-1]:
        tok.ner = "I-" + label
    toks[-1].ner = "E-" + label


def person() -> tuple[list[Tok], Tok]:
    first, last = random.choice(PERSONS)
    a, b = propn(first), propn(last)
    attach(b, a, "flat")
    bioes([a, b], "PERSON")
    return [a, b], a


def country() -> tuple[list[Tok], Tok]:
    c = propn(random.choice(COUNTRIES))
    bioes([c], "GPE")
    return [c], c


def org() -> tuple[list[Tok], Tok]:
    if random.random() < 0.5:
        o = propn(random.choice(ORGS))
        bioes([o], "ORG")
        return [o], o
    w1, w2 = random.choice(ORGS2)
    d, a, b = det(), propn(w1), propn(w2)
    attach(d, b, "det")
    attach(a, b, "compound")
    bioes([a, b], "ORG")
    return [d, a, b], b


def group() -> tuple[list[Tok], Tok]:
    """``Syrian troops`` (NORP adjective + plural noun)."""
    adj = Tok(random.choice(NORPS), "", "ADJ", "JJ", "Degree=Pos")
    adj.lemma = adj.form
    form, lemma = random.choice(GROUPS)
    n = noun(form, lemma, plural=True)
    attach(adj, n, "amod")
    bioes([adj], "NORP")
    return [adj, n], n


def title() -> tuple[list[Tok], Tok]:
    d, n = det(), noun(random.choice(TITLES), "")
    n.lemma = n.form
    attach(d, n, "det")
    return [d, n], n


def possessed() -> tuple[list[Tok], Tok]:
    """``Turkey's foreign minister``."""
    (c,), _ = country()
    c.space_after = False
    s = Tok("'s", "'s", "PART", "POS", "_", "case")
    adj, head = random.choice(ROLES)
    n = noun(head, head)
    attach(c, n, "nmod:poss")
    attach(s, c, "case")
    toks = [c, s]
    if adj == "foreign":
        a = Tok(adj, adj, "ADJ", "JJ", "Degree=Pos")
        attach(a, n, "amod")
        toks.append(a)
    elif adj:
        a = noun(adj, adj)
        attach(a, n, "compound")
        toks.append(a)
    return [*toks, n], n


def subject() -> tuple[list[Tok], Tok]:
    maker = random.choices(
        [person, country, org, group, title, possessed], weights=[3, 3, 2, 3, 2, 1]
    )[0]
    return maker()


def obj() -> tuple[list[Tok], Tok]:
    r = random.random()
    if r < 0.45:
        d = det(random.random() < 0.7)
        n = noun(random.choice(NOUNS), "")
        n.lemma = n.form
        toks = [d]
        if random.random() < 0.4:
            a = Tok(random.choice(ADJS), "", "ADJ", "JJ", "Degree=Pos")
            a.lemma = a.form
            attach(a, n, "amod")
            toks.append(a)
        attach(d, n, "det")
        if d.form == "a" and [*toks, n][1].form[0] in "aeiou":
            d.form = "an"
        return [*toks, n], n
    if r < 0.6:
        form, lemma = random.choice(PLNOUNS)
        n = noun(form, lemma, plural=True)
        return [n], n
    return random.choice([person, country, org, group])()


def place_pp(prep: str = "in") -> tuple[list[Tok], Tok]:
    p = Tok(prep, prep, "ADP", "IN", "_", "case")
    place = propn(random.choice(CITIES + COUNTRIES))
    attach(p, place, "case")
    bioes([place], "GPE")
    return [p, place], place


def day_pp() -> tuple[list[Tok], Tok]:
    p = Tok("on", "on", "ADP", "IN", "_", "case")
    d = propn(random.choice(DAYS))
    attach(p, d, "case")
    bioes([d], "DATE")
    return [p, d], d


def finish(toks: list[Tok], root: Tok) -> tuple[list[Tok], Tok]:
    toks[-1].space_after = False
    return [*toks, Tok(".", ".", "PUNCT", ".", "_", "punct", head=root)], root


def past_verb() -> Tok:
    form, lemma = random.choice(VERBS)
    return Tok(form, lemma, "VERB", "VBD", VBD, "root")


def s_transitive() -> tuple[list[Tok], Tok]:
    """``Syrian troops attacked rebels in Idlib on Monday.``"""
    st, sh = subject()
    v = past_verb()
    attach(sh, v, "nsubj")
    ot, oh = obj()
    attach(oh, v, "obj")
    toks = [*st, v, *ot]
    if random.random() < 0.5:
        pt, ph = place_pp()
        attach(ph, v, "obl")
        toks += pt
    if random.random() < 0.5:
        dt, dh = day_pp()
        attach(dh, v, "obl")
        toks += dt
    return finish(toks, v)


def s_said() -> tuple[list[Tok], Tok]:
    """``Russia said on Monday that the army shelled the town.``"""
    st, sh = subject()
    said = Tok("said", "say", "VERB", "VBD", VBD, "root")
    attach(sh, said, "nsubj")
    dt, dh = day_pp()
    attach(dh, said, "obl")
    that = Tok("that", "that", "SCONJ", "IN", "_", "mark")
    st2, sh2 = subject()
    v = past_verb()
    attach(v, said, "ccomp")
    attach(sh2, v, "nsubj")
    attach(that, v, "mark")
    ot, oh = obj()
    attach(oh, v, "obj")
    return finish([*st, said, *dt, that, *st2, v, *ot], said)


def s_will() -> tuple[list[Tok], Tok]:
    """``Sergei Lavrov will visit Damascus next week.``"""
    st, sh = subject()
    form, lemma = random.choice(BASE_VERBS)
    aux = Tok("will", "will", "AUX", "MD", "VerbForm=Fin", "aux")
    v = Tok(form, lemma, "VERB", "VB", "VerbForm=Inf", "root")
    attach(aux, v, "aux")
    attach(sh, v, "nsubj")
    if form == "visit":
        place = propn(random.choice(CITIES + COUNTRIES))
        bioes([place], "GPE")
        ot, oh = [place], place
    else:
        ot, oh = obj()
    attach(oh, v, "obj")
    nxt = Tok("next", "next", "ADJ", "JJ", "Degree=Pos", "amod")
    unit = random.choice(["week", "month", "year"])
    when = noun(unit, unit)
    attach(nxt, when, "amod")
    attach(when, v, "obl:tmod")
    bioes([nxt, when], "DATE")
    return finish([*st, aux, v, *ot, nxt, when], v)


def s_fronted() -> tuple[list[Tok], Tok]:
    """``In Aleppo, rebels captured a village on Friday.``"""
    pt, ph = place_pp()
    pt[-1].space_after = False
    comma = Tok(",", ",", "PUNCT", ",", "_", "punct")
    st, sh = subject()
    v = past_verb()
    attach(ph, v, "obl")
    attach(comma, v, "punct")
    attach(sh, v, "nsubj")
    ot, oh = obj()
    attach(oh, v, "obj")
    toks = [*pt, comma, *st, v, *ot]
    if random.random() < 0.4:
        dt, dh = day_pp()
        attach(dh, v, "obl")
        toks += dt
    return finish(toks, v)


def s_killed() -> tuple[list[Tok], Tok]:
    """``At least 12 people were killed in Homs on Sunday.``"""
    at = Tok("at", "at", "ADP", "IN", "_", "advmod")
    least = Tok("least", "least", "ADJ", "JJS", "Degree=Sup", "fixed", head=at)
    num = Tok(str(random.randint(2, 60)), "", "NUM", "CD", "NumForm=Digit|NumType=Card")
    num.lemma = num.form
    attach(at, num, "advmod")
    bioes([at, least, num], "CARDINAL")
    people = noun("people", "person", plural=True)
    attach(num, people, "nummod")
    were = Tok("were", "be", "AUX", "VBD", "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin")
    killed = Tok("killed", "kill", "VERB", "VBN", "Tense=Past|VerbForm=Part|Voice=Pass", "root")
    attach(people, killed, "nsubj:pass")
    attach(were, killed, "aux:pass")
    pt, ph = place_pp()
    attach(ph, killed, "obl")
    toks = [at, least, num, people, were, killed, *pt]
    if random.random() < 0.6:
        dt, dh = day_pp()
        attach(dh, killed, "obl")
        toks += dt
    return finish(toks, killed)


TEMPLATES = [s_transitive, s_transitive, s_transitive, s_said, s_will, s_fronted, s_killed]


def to_conllu(toks: list[Tok], sent_id: str) -> tuple[str, str]:
    """The sentence's CoNLL-U block and its text (first letter capitalised)."""
    for number, tok in enumerate(toks, start=1):
        tok.id = number
    toks[0].form = toks[0].form[0].upper() + toks[0].form[1:]
    text = "".join(
        tok.form + (" " if tok.space_after and i < len(toks) - 1 else "")
        for i, tok in enumerate(toks)
    )
    lines = [f"# sent_id = {sent_id}", f"# text = {text}"]
    for i, tok in enumerate(toks):
        head = 0 if tok.head is None else tok.head.id
        misc = [] if tok.space_after or i == len(toks) - 1 else ["SpaceAfter=No"]
        misc.append("NER=" + tok.ner)
        row = [str(tok.id), tok.form, tok.lemma, tok.upos, tok.xpos, tok.feats, str(head),
               "root" if head == 0 else tok.deprel, "_", "|".join(misc)]
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n", text


def write_split(count: int, prefix: Path) -> None:
    blocks, texts, ner = [], [], []
    for k in range(count):
        toks, root = random.choice(TEMPLATES)()
        root.head, root.deprel = None, "root"
        block, text = to_conllu(toks, f"{prefix.name}-{k + 1}")
        blocks.append(block)
        texts.append(text)
        ner.append([{"text": tok.form, "ner": tok.ner} for tok in toks])
    Path(f"{prefix}.conllu").write_text("\n".join(blocks) + "\n", encoding="utf-8")
    paragraphs = [" ".join(texts[i : i + 5]) for i in range(0, len(texts), 5)]
    Path(f"{prefix}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    Path(f"{prefix}.ner.json").write_text(json.dumps(ner) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--train", type=int, default=160, help="training sentences")
    parser.add_argument("--dev", type=int, default=40, help="dev sentences")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder")
    args = parser.parse_args()
    random.seed(args.seed)
    write_split(args.train, args.out / "en_toy.train")
    write_split(args.dev, args.out / "en_toy.dev")


if __name__ == "__main__":
    main()
