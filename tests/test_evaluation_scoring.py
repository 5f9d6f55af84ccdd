"""Tests for eventcoder.evaluation.scoring: the gold set's matching and counting rules."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import InputError
from eventcoder.evaluation.gold import GoldEvent, GoldSentence
from eventcoder.evaluation.scoring import (
    ActorKeys,
    Counts,
    SystemEvent,
    evaluate_gold,
    match_events,
    score_sentence,
)

KEYS = ActorKeys.load()


def gold(source: str, code: str, target: str, *alts: str, optional: bool = False) -> GoldEvent:
    return GoldEvent(source, code, target, tuple(alts), optional)


def sys_(source: str | None, code: str, target: str | None) -> SystemEvent:
    return SystemEvent(source, code, target)


class TestActorKeys:
    def test_listed_prefixes(self) -> None:
        """A listed key takes codes starting with any of its prefixes, and no others."""
        assert KEYS.accepts("SYR_HTS", "SYRREB")
        assert KEYS.accepts("SYR_HTS", "SYRINSHTS")
        assert not KEYS.accepts("SYR_HTS", "SYRMIL")
        assert KEYS.accepts("ISIS", "IMGMUSISI")
        assert KEYS.accepts("LBN_HEZ", "LBNMIL")

    def test_dollar_prefix_is_exact(self) -> None:
        """A prefix ending in $ matches the whole code only (SYR$ takes SYR, not SYRCVL)."""
        assert KEYS.accepts("SYR_GOV", "SYR")
        assert not KEYS.accepts("SYR_GOV", "SYRCVL")
        assert KEYS.accepts("OPCW", "IGO")
        assert not KEYS.accepts("OPCW", "IGOUNO")

    def test_unlisted_role_key(self) -> None:
        """An unlisted CCC_ROLE key takes codes starting CCCROLE."""
        assert KEYS.accepts("TUR_MIL", "TURMIL")
        assert KEYS.accepts("TUR_MIL", "TURMILGOV")
        assert not KEYS.accepts("TUR_MIL", "TURGOV")
        assert not KEYS.accepts("TUR_MIL", "TUR")

    def test_unlisted_gov_extras(self) -> None:
        """An unlisted CCC_GOV key also takes CCCCOP, CCCSPY and the bare CCC, nothing else."""
        for code in ("TURGOV", "TURCOP", "TURSPY", "TUR"):
            assert KEYS.accepts("TUR_GOV", code), code
        assert not KEYS.accepts("TUR_GOV", "TURMIL")
        assert not KEYS.accepts("TUR_GOV", "TURK")

    def test_empty_code_never_matches(self) -> None:
        """An empty or missing actor code matches no key."""
        assert not KEYS.accepts("SYR_GOV", None)
        assert not KEYS.accepts("SYR_GOV", "")

    def test_custom_table_and_errors(self, tmp_path) -> None:
        """A key file can be given; comment keys are skipped; bad values name the key."""
        path = tmp_path / "keys.json"
        path.write_text(json.dumps({"_about": "x", "FOO": ["BAR"]}))
        keys = ActorKeys.load(path)
        assert keys.accepts("FOO", "BARX") and not keys.accepts("FOO", "FOO")
        path.write_text(json.dumps({"FOO": "BAR"}))
        with pytest.raises(InputError, match="FOO"):
            ActorKeys.load(path)

    def test_packaged_copy_matches_shared(self, shared) -> None:
        """The packaged key table is the gold set's actor-keys.json."""
        assert ActorKeys.load(shared / "gold" / "actor-keys.json") == KEYS


class TestMatchEvents:
    def test_exact_and_alt_codes(self) -> None:
        """A system code equal to the gold code or an alt code matches; others do not."""
        g = [gold("SAU_GOV", "161", "SYR_GOV", "160")]
        assert match_events(g, [sys_("SAUGOV", "160", "SYRGOV")], KEYS).counts == Counts(1, 0, 0)
        assert match_events(g, [sys_("SAUGOV", "163", "SYRGOV")], KEYS).counts == Counts(0, 1, 1)

    def test_root_level(self) -> None:
        """At root level only the first two digits count, against code and alt codes."""
        g = [gold("SYR_FSA", "190", "SYR_MIL", "193")]
        system = [sys_("SYRREB", "195", "SYRMIL")]
        assert match_events(g, system, KEYS, "event").counts == Counts(0, 1, 1)
        assert match_events(g, system, KEYS, "root").counts == Counts(1, 0, 0)
        g2 = [gold("SYR_MIL", "202", "SYR_CVL", "1823")]
        assert match_events(g2, [sys_("SYRMIL", "180", "SYRCVL")], KEYS, "root").counts.tp == 1

    def test_optional_counts_neither_way(self) -> None:
        """A match to an optional event is no TP and no FP; a missed optional is no FN."""
        g = [gold("SAU_GOV", "161", "SYR_GOV"), gold("USA_GOV", "161", "SYR_GOV", optional=True)]
        result = match_events(
            g, [sys_("SAUGOV", "161", "SYRGOV"), sys_("USAGOV", "161", "SYRGOV")], KEYS
        )
        assert result.counts == Counts(1, 0, 0)
        assert len(result.optional) == 1
        assert match_events(g, [], KEYS).counts == Counts(0, 0, 1)

    def test_duplicates_collapse(self) -> None:
        """Identical system events count once: no FP for the repeat."""
        g = [gold("TUR_MIL", "195", "SYR_KURD_MIL")]
        system = [sys_("TURMIL", "195", "SYRREB")] * 3
        assert match_events(g, system, KEYS).counts == Counts(1, 0, 0)

    def test_one_to_one(self) -> None:
        """One system event cannot satisfy two gold events, nor two system events one."""
        g = [gold("SYR_REB", "190", "SYR_MIL"), gold("SYR_FSA", "190", "SYR_MIL")]
        assert match_events(g, [sys_("SYRREB", "190", "SYRMIL")], KEYS).counts == Counts(1, 0, 1)
        g1 = [gold("SYR_MIL", "190", "SYR_REB", "193")]
        two = [sys_("SYRMIL", "190", "SYRREB"), sys_("SYRMIL", "193", "SYRREB")]
        assert match_events(g1, two, KEYS).counts == Counts(1, 1, 0)

    def test_optimal_assignment_not_greedy(self) -> None:
        """The matching is maximal: a greedy first-fit would give 1 TP here, the optimum 2.

        System event A (SYRREB) fits both SYR_FSA and SYR_REB gold events; B (SYRINS) fits
        only SYR_REB. Greedy in list order gives A to SYR_REB (listed first) and leaves
        B unmatched.
        """
        g = [gold("SYR_REB", "190", "SYR_MIL"), gold("SYR_FSA", "190", "SYR_MIL")]
        system = [sys_("SYRREB", "190", "SYRMIL"), sys_("SYRINS", "190", "SYRMIL")]
        assert match_events(g, system, KEYS).counts == Counts(2, 0, 0)
        assert match_events(g, system[::-1], KEYS).counts == Counts(2, 0, 0)

    def test_required_before_optional(self) -> None:
        """A system event that fits a required and an optional event goes to the required."""
        g = [
            gold("SYR_REB", "190", "SYR_MIL", optional=True),
            gold("SYR_FSA", "190", "SYR_MIL"),
        ]
        result = match_events(g, [sys_("SYRREB", "190", "SYRMIL")], KEYS)
        assert result.counts == Counts(1, 0, 0)
        assert result.optional == ()

    def test_empty_actor_is_fp(self) -> None:
        """A system event with no source or no target is always a false positive."""
        g = [gold("SYR_MIL", "190", "SYR_REB")]
        result = match_events(g, [sys_(None, "190", "SYRREB"), sys_("SYRMIL", "190", "")], KEYS)
        assert result.counts == Counts(0, 2, 1)

    def test_wrong_direction_is_fp_and_fn(self) -> None:
        """Source and target are not interchangeable."""
        g = [gold("RUS_GOV", "016", "USA_GOV")]
        assert match_events(g, [sys_("USAGOV", "016", "RUSGOV")], KEYS).counts == Counts(0, 1, 1)


events_st = st.lists(
    st.builds(
        SystemEvent,
        st.sampled_from(["SYRREB", "SYRINS", "SYRMIL", "SYR", None]),
        st.sampled_from(["190", "193", "195"]),
        st.sampled_from(["SYRMIL", "SYRREB", "SYRCVL"]),
    ),
    max_size=6,
)
gold_st = st.lists(
    st.builds(
        GoldEvent,
        st.sampled_from(["SYR_REB", "SYR_FSA", "SYR_GOV", "SYR_MIL"]),
        st.sampled_from(["190", "193", "195"]),
        st.sampled_from(["SYR_MIL", "SYR_REB", "SYR_CVL"]),
        st.sampled_from([(), ("190",), ("193", "195")]),
        st.booleans(),
    ),
    max_size=6,
)


class TestMatchingProperties:
    @settings(max_examples=200, deadline=None)
    @given(gold_st, events_st, st.randoms(use_true_random=False))
    def test_order_independent(self, gold_events, system, rnd) -> None:
        """Shuffling either list never changes the counts."""
        base = match_events(gold_events, system, KEYS).counts
        shuffled_gold, shuffled_sys = list(gold_events), list(system)
        rnd.shuffle(shuffled_gold)
        rnd.shuffle(shuffled_sys)
        assert match_events(shuffled_gold, shuffled_sys, KEYS).counts == base

    @settings(max_examples=200, deadline=None)
    @given(gold_st, events_st)
    def test_accounting(self, gold_events, system) -> None:
        """Every distinct system event is a TP, an optional match or an FP; every required
        gold event is a TP or an FN; the root level never has fewer TPs."""
        result = match_events(gold_events, system, KEYS)
        distinct = len(set(system))
        assert len(result.tp) + len(result.optional) + len(result.fp) == distinct
        required = sum(1 for g in gold_events if not g.optional)
        assert len(result.tp) + len(result.fn) == required
        assert match_events(gold_events, system, KEYS, "root").counts.tp >= len(result.tp)


class TestCounts:
    def test_figures(self) -> None:
        """Precision, recall and F1 are computed from the counts; zero denominators give 0."""
        c = Counts(tp=3, fp=1, fn=3)
        assert c.precision == 0.75 and c.recall == 0.5
        assert c.f1 == pytest.approx(0.6)
        assert Counts().to_dict()["f1"] == 0.0


class TestEvaluateGold:
    def test_pooled_and_no_event_sentences(self) -> None:
        """Counts pool over sentences; no-event sentences with FPs are counted; per-root
        counts put TPs and FNs under the gold root and FPs under the system root."""
        s1 = GoldSentence("a", "x", None, (gold("SYR_MIL", "195", "SYR_REB"),))
        s2 = GoldSentence("b", "y", None, (gold("USA_GOV", "042", "SYR_GOV", optional=True),))
        s3 = GoldSentence("c", "z", None, ())
        coded = {
            "a": [sys_("SYRMIL", "195", "SYRREB"), sys_("SYRMIL", "173", "SYRREB")],
            "b": [sys_("USAGOV", "042", "SYRGOV"), sys_("USAGOV", "010", "SYRGOV")],
        }
        result = evaluate_gold([s1, s2, s3], coded, KEYS)
        assert result.event == Counts(tp=1, fp=2, fn=0)
        assert result.no_event_sentences == 2
        assert result.no_event_sentences_with_fp == 1
        assert result.per_root["19"] == Counts(tp=1)
        assert result.per_root["17"] == Counts(fp=1)
        assert result.per_root["01"] == Counts(fp=1)
        shape = result.to_dict()
        assert set(shape["event"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}

    def test_score_sentence_keeps_detail(self) -> None:
        """A sentence score lists misses and extras at both levels."""
        s = GoldSentence("a", "x", None, (gold("SYR_MIL", "195", "SYR_REB"),))
        score = score_sentence(s, [sys_("SYRMIL", "194", "SYRREB")], KEYS)
        assert score.event.fn == s.events and score.event.fp == score.system
        assert score.root.counts == Counts(1, 0, 0)
