"""Country context: the places a sentence names give its bare agents ("rebels",
"residents") their country (docs/algorithm.md, "Country context")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import TYPE_CHECKING

from eventcoder.actor_phrases import combine_role
from eventcoder.dictionaries.schema import ActorEntry, PlaceEntry
from eventcoder.tree import Tree

if TYPE_CHECKING:  # eventcoder.actors imports this module: no import cycle at run time
    from eventcoder.actors import ActorLexicon, Mention

__all__ = ["apply_context", "is_capital", "is_country", "place_context"]

_START = attrgetter("start")

#: Prepositions that put a country actor's name in a phrase of place ("in southern
#: Syria"): such a mention gives the sentence its country context.
PLACE_CASES = frozenset({"in", "near", "at", "inside", "outside", "around", "across",
                         "throughout", "into", "from", "over", "within", "of"})
#: Nouns naming part of a place: "in the eastern suburbs *of* Damascus" puts the events
#: in Damascus ("in support of the Syrian army" does not put them in Syria).
PART_OF_PLACE = frozenset({"suburb", "suburbs", "outskirts", "outskirt", "countryside",
                           "north", "south", "east", "west", "northeast", "northwest",
                           "southeast", "southwest", "centre", "center", "heart", "part",
                           "parts", "area", "areas", "edge", "province", "city", "town",
                           "region", "district", "neighbourhood", "neighborhood"})
#: Heads of a diplomatic meeting or process named after its venue ("the Geneva talks",
#: "the Astana process"): the city is not where the sentence's events happen.
VENUE_NOUNS = frozenset({"talk", "talks", "conference", "summit", "negotiation",
                         "negotiations", "meeting", "process", "format", "accord", "accords",
                         "agreement", "communique", "declaration", "round"})
#: Suffixes of a place described by who holds it ("rebel-held areas"): no context.
HELD_SUFFIXES = ("-held", "-controlled", "-run", "-besieged")
HELD_WORDS = frozenset(s[1:] for s in HELD_SUFFIXES)  # "rebel - held" split by the parser
#: Agent roles that never take a country from the context: refugees and migrants are
#: from elsewhere by definition; unaffiliated armed men and "people" say nothing of
#: allegiance or nationality.
NO_CONTEXT_ROLES = frozenset({"~REF", "~UAF", "~PPL", "~MED", "~EDU"})
#: Roles that stay at home: a country's civilians, political opposition and monitors
#: are in that country (its forces, armed groups and diplomats may be anywhere:
#: "Hezbollah fighters", "Russian jets", "Turkish officials" give no country context).
HOME_ROLES = frozenset({"OPP", "CVL", "HRI"})
#: A bare agent conjoined with one of these shares its country ("the Syrian government
#: and rebel groups").
PARTNER_ROLES = HOME_ROLES | {"GOV"}
#: Agents that take the weak context (people, not weapons: "anti-aircraft missiles"
#: asked for by Syrian opposition leaders are no Syrian forces).
WEAK_CONTEXT_ROLES = frozenset({"CVL", "OPP", "HRI", "GOV", "REB"})


def is_capital(place: PlaceEntry) -> bool:
    """A capital city (``kind: capital`` or ``capital`` in its notes) stands for its
    state's government ("Damascus said"), so its name stays an actor where one lists it."""
    return place.kind == "capital" or "capital" in (place.notes or "").lower().split()


def is_country(actor: ActorEntry, place: PlaceEntry) -> bool:
    """The actor is the place's country itself (its codes are the bare country code)."""
    codes = {c.code for c in actor.codes}
    return bool(place.country) and codes == {place.country}


def apply_context(sentence: Tree, by_head: dict[int, Mention], lexicon: ActorLexicon,
                  earlier: str | None) -> str | None:
    """Bare agents ("rebels", "government troops", "residents") take the country of the
    nearest place the sentence names, else of the nearest earlier sentence that names
    one (docs/algorithm.md, "Country context"). Returns the sentence's own context."""
    if not any(m.kind == "agent" and not m.codes for m in by_head.values()):
        return place_context(sentence, by_head)  # no bare agent to place
    spots = list(_place_spots(sentence, by_head))
    weak = _domestic_country(by_head.values())
    for head, own in list(by_head.items()):
        if own.kind != "agent" or own.codes:
            continue
        agent = lexicon.agent_named(own.entry)
        if (agent is None or agent.kind == "title" or not agent.code.startswith("~")
                or agent.code in NO_CONTEXT_ROLES or _indefinite(sentence, head)
                or _held_place(sentence, own)):
            continue
        partner = _domestic_conjunct(sentence, by_head, own)
        spot = min(spots, key=lambda m: abs(m.head - head)) if spots else None
        if partner is not None:
            country, where = partner.country, f"its conjunct {partner.text!r}"
        elif spot is not None:
            country, where = spot.country, repr(spot.text)
        elif earlier:
            country, where = earlier, "an earlier sentence"
        elif agent.code[1:4] in WEAK_CONTEXT_ROLES:
            country, where = weak, f"the sentence's {weak} actors"
        else:
            continue
        if not country:
            continue
        by_head[head] = own.replace(
            codes=(combine_role(country, agent.code),), kind="context", country=country,
            entry=f"{own.entry} (country {country} from {where})",
            note=f"country from the context: {where}",
        )
    return spots[0].country if spots else None


def place_context(sentence: Tree, by_head: dict[int, Mention]) -> str | None:
    """The sentence's own country context: the country of its first place name."""
    first = next(_place_spots(sentence, by_head), None)
    return first.country if first is not None else None


def _place_spots(sentence: Tree, by_head: dict[int, Mention]) -> Iterator[Mention]:
    """The sentence's place names: place mentions, and country actors named in a
    phrase of place ("in southern Syria", "into Lebanon"), in sentence order (lazily:
    without a bare agent to place only the first is needed)."""
    placed = [m for m in by_head.values() if m.country]
    for mention in sorted(placed, key=_START):
        if sentence.lemmas[mention.head] in VENUE_NOUNS:
            continue  # "the Geneva talks": a meeting named after its venue
        if _venue_of_meeting(sentence, mention.head):
            continue  # "the peace conference in Montreux": not where the fighting is
        if mention.kind == "place" or _in_place_phrase(sentence, mention.head):
            yield mention


def _venue_of_meeting(sentence: Tree, head: int) -> bool:
    """A place in a phrase of a meeting ("talks in Astana", "the conference in
    Montreux") is where delegates meet, not where the sentence's fighters are."""
    word = sentence.words[head - 1]
    if not word.head or not word.deprel.startswith(("nmod", "obl")):
        return False
    return sentence.lemmas[word.head] in VENUE_NOUNS or sentence.texts[word.head] in VENUE_NOUNS


def _in_place_phrase(sentence: Tree, head: int) -> bool:
    """"in southern Syria", "in the Damascus suburbs", and one *of* phrase down: "in the
    eastern suburbs of Damascus", "on the outskirts of Aleppo"."""
    lemmas = sentence.lemmas
    cases = [lemmas[c.id] for c in sentence.children(head, "case")]
    if _placed(cases):
        return True
    word = sentence.words[head - 1]
    if not (cases == ["of"] and word.deprel.startswith("nmod") and word.head):
        return False
    return lemmas[word.head] in PART_OF_PLACE and _placed(
        [lemmas[c.id] for c in sentence.children(word.head, "case")])


def _placed(cases: list[str]) -> bool:
    """A phrase whose case words put it in a place ("in", "near"; not "of")."""
    return any(case in PLACE_CASES and case != "of" for case in cases)


def _indefinite(sentence: Tree, head: int) -> bool:
    """"a suicide bomber": one unnamed individual, not a side of the conflict."""
    lemmas = sentence.lemmas
    return any(lemmas[c.id] in ("a", "an") for c in sentence.children(head, "det"))


def _held_place(sentence: Tree, mention: Mention) -> bool:
    """"rebel-held areas", "government-controlled towns": a place described by who holds
    it, not the holders (gold/README "Targets")."""
    texts = sentence.texts  # lower-case forms by word id
    return any(texts[i].endswith(HELD_SUFFIXES)
               or (texts[i] in HELD_WORDS and i > mention.start and texts[i - 1] == "-")
               for i in range(mention.start, mention.end + 1))


def _domestic(mention: Mention, roles: frozenset[str] = HOME_ROLES) -> str | None:
    """The country of a mention coded only as that country's actors of ``roles``."""
    country = mention.country or next((c[:3] for c in mention.codes), None)
    if not country or len(country) != 3 or not mention.codes:
        return None
    if all(c.startswith(country) and c[3:6] in roles for c in mention.codes):
        return country
    return None


def _domestic_country(mentions: Iterable[Mention]) -> str | None:
    """The weak country context: the one country of the sentence's domestic actors
    ("the Syrian Observatory", "Alawites"), None when there are none or several."""
    found = {c for m in mentions if m.kind != "agent" for c in [_domestic(m)] if c}
    return found.pop() if len(found) == 1 else None


def _domestic_conjunct(sentence: Tree, by_head: dict[int, Mention], own: Mention
                       ) -> Mention | None:
    """"talks between the Syrian government and rebel groups": a bare agent conjoined
    with a country's domestic actor is on that country's side of the table."""
    words = sentence.words
    links: list[int] = []
    for ident in range(own.start, own.end + 1):
        word = words[ident - 1]
        if word.deprel == "conj":
            links.append(word.head)
    links.extend(c.id for c in sentence.children(own.head, "conj"))
    for ident in links:
        mention = by_head.get(ident)
        country = _domestic(mention, PARTNER_ROLES) if mention is not None else None
        if mention is not None and mention is not own and country:
            return mention.replace(country=country)
    return None
