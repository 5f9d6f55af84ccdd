"""Tests for eventcoder.predicates: verbs and their arguments on real parses."""

from __future__ import annotations

from coder_fixtures import doc

from eventcoder.predicates import Predicate, find_predicates


def _predicate(doc_id: str, lemma: str, name: str = "args") -> tuple[Predicate, object]:
    sentence = doc(name, doc_id).sentences[0]
    for predicate in find_predicates(sentence):
        if predicate.lemma == lemma:
            return predicate, sentence
    raise AssertionError(f"no predicate {lemma!r} in {doc_id}")


def _words(sentence: object, args: tuple) -> list[tuple[str, str]]:
    return [(sentence.word(a.head).text, a.via) for a in args]  # type: ignore[attr-defined]


class TestArguments:
    def test_passive_with_by_agent(self) -> None:
        """nsubj:pass is the target; the by-phrase (and its conjunct) the sources."""
        p, s = _predicate("passive", "attack")
        assert p.passive
        assert _words(s, p.sources) == [("troops", "by-agent"), ("Hezbollah", "by-agent")]
        assert _words(s, p.targets) == [("rebels", "passive subject")]

    def test_conjoined_subjects_and_objects(self) -> None:
        """Each conjunct is its own argument."""
        p, s = _predicate("conj-subjects", "condemn")
        assert _words(s, p.sources) == [("Russia", "subject"), ("Iran", "subject")]
        p, s = _predicate("conj-objects", "condemn")
        assert _words(s, p.targets) == [("Russia", "object"), ("Iran", "object")]

    def test_conjoined_verbs_share_arguments(self) -> None:
        """"attacked and captured Syrian soldiers": both verbs get subject and object."""
        attack, s = _predicate("conj-verbs", "attack")
        capture, _ = _predicate("conj-verbs", "capture")
        assert _words(s, attack.sources) == _words(s, capture.sources) == [
            ("fighters", "subject")
        ]
        assert [w for w, _ in _words(s, attack.targets)] == ["soldiers"]
        assert [w for w, _ in _words(s, capture.targets)] == ["soldiers"]

    def test_xcomp_takes_the_governors_subject(self) -> None:
        """"threatened to attack": "attack" is controlled by Turkey and is irrealis;
        "threaten" sees the xcomp's object as its target."""
        attack, s = _predicate("xcomp-threat", "attack")
        assert _words(s, attack.sources) == [("Turkey", "controller")]
        assert attack.irrealis is not None and "threaten" in attack.irrealis
        threaten, _ = _predicate("xcomp-threat", "threaten")
        assert _words(s, threaten.targets) == [("fighters", "object of 'attack'")]

    def test_ccomp_keeps_its_own_subject(self) -> None:
        """"X said its fighters attacked Y": the reported verb has its own subject and
        the clause is opaque to the saying verb's slots."""
        attack, s = _predicate("ccomp", "attack")
        assert _words(s, attack.sources) == [("fighters", "subject")]
        assert attack.irrealis is None
        say, _ = _predicate("ccomp", "say")
        assert attack.verb in say.opaque

    def test_participle_takes_the_modified_noun(self) -> None:
        """"Syrian rebels fighting President Assad": the acl verb's subject is "rebels"."""
        fight, s = _predicate("relative", "fight")
        assert _words(s, fight.sources) == [("rebels", "modified noun")]
        assert _words(s, fight.targets) == [("Assad", "object")]

    def test_accused_act_is_irrealis_with_object_control(self) -> None:
        """"accused Russia of attacking": Russia is the attacker and the act alleged."""
        attack, s = _predicate("accusation", "attack")
        assert _words(s, attack.sources) == [("Russia", "controller")]
        assert attack.irrealis is not None and "accuse" in attack.irrealis


class TestModality:
    def test_negation(self) -> None:
        """"did not attack" is negated (and so irrealis)."""
        p, _ = _predicate("negation", "attack")
        assert p.negated and p.irrealis == "negated"

    def test_modal_future(self) -> None:
        """"will attack" carries its modal; its before-sequence holds "will"."""
        p, s = _predicate("modal", "attack")
        assert p.modals == ("will",)
        assert [s.word(i).text for i in p.before] == ["Russia", "will"]  # type: ignore[attr-defined]

    def test_particles_and_location(self) -> None:
        """compound:prt particles are kept ("carry out"); "in Damascus" is the location."""
        p, _ = _predicate("phrasal-light", "carry")
        assert p.particles == ("out",)
        meet, s = _predicate("title-name", "meet", name="actors")
        assert meet.location is None  # "in Damascus" hangs on Lavrov, not on the verb
        attack, s = _predicate("demonym-agent", "attack", name="actors")
        assert attack.location is not None
        assert s.span_text(*attack.location[:2]) == "near Aleppo"  # type: ignore[attr-defined]
