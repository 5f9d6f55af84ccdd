"""Declared intent: acts announced, pledged, offered or planned, coded with CAMEO's
intent (03x) and threat (13x) codes (gold/README "Negation, denial, hypotheticals";
CAMEO 030: "cooperative actions reported in future tense are ... coded under this
category").

A predicate declares intent when its verb has the auxiliary *will* or *would* ("Germany
said it would take in 10,000 refugees") or is the infinitive complement of a verb or
adjective of commitment ("offered to", "pledged to", "plans to", "is ready to"). Its act
is matched as usual and the act's code is replaced by the intent or threat code for it:
073 (humanitarian aid) -> 0333, 046 (negotiate) -> 036, 045 (mediate) -> 039, 195 (air
strike) -> 1384. Acts with no such code (statements, appeals, complaints) give nothing.
"""

from __future__ import annotations

from eventcoder.predicates import Predicate, Tree

__all__ = ["INTENT_GOVERNORS", "declares_intent", "intent_code"]

#: Modal auxiliaries of a declared future act (not "could", "may", "might", "should").
FUTURE_MODALS = ("modal 'will'", "modal 'would'", "modal \"'ll\"")
#: Governors whose infinitive complement is a commitment or plan of their subject.
INTENT_GOVERNORS = frozenset({
    "offer", "pledge", "promise", "vow", "plan", "intend", "agree", "decide", "prepare",
    "ready", "willing", "prepared", "determined", "commit", "aim",
})
#: Act code prefixes and their intent or threat codes, most specific first (CAMEO 03x
#: "Express intent to ..." and 13x "Threaten to ..." mirror the act categories).
INTENT_CODES: tuple[tuple[str, str], ...] = (
    ("045", "039"), ("04", "036"), ("057", "030"), ("05", "032"),
    ("061", "0311"), ("062", "0312"), ("063", "0313"), ("064", "0314"), ("06", "031"),
    ("071", "0331"), ("072", "0332"), ("073", "0333"), ("074", "0334"), ("07", "033"),
    ("081", "0351"), ("082", "0352"), ("083", "034"), ("084", "0353"), ("085", "0354"),
    ("086", "0355"), ("087", "0356"), ("08", "035"),
    ("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "1313"), ("16", "131"),
    ("18", "138"), ("191", "1381"), ("192", "1382"), ("19", "1384"), ("20", "138"),
)


def intent_code(code: str | None) -> str | None:
    """The intent or threat code of an act code, or None when it has none."""
    if not code:
        return None
    return next((intent for prefix, intent in INTENT_CODES if code.startswith(prefix)), None)


def declares_intent(tree: Tree, predicate: Predicate) -> bool:
    """True when the predicate is an act its subject announces, pledges or plans."""
    mood = predicate.irrealis
    if not mood or predicate.negated:
        return False
    if mood.startswith(FUTURE_MODALS):
        return True
    if mood.startswith("planned") and predicate.governor is not None:
        return tree.word(predicate.governor).lemma.lower() in INTENT_GOVERNORS
    return False
