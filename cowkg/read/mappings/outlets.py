"""News outlets as the speakers of what a source relays: "Reuters reported that …", "X said,
citing unnamed sources", "according to the German newspaper X", "according to X's sources",
"the report says that …" (the outlet the source last named).

An outlet is a proper name the source presents as one: the subject of reporting or writing
("X reports", "X writes that …"), a name set beside an outlet noun ("the newspaper X", "the news
agency X"), or the owner of a report or of unnamed sources ("X's sources", "X's report").
What it says is a statement whose speech act is ``reported``
(:mod:`~cowkg.read.mappings.statements`). The state an outlet noun is qualified by ("the German
newspaper X") is the outlet's country, never a party of what it reports: it stays out of the
statement's ``about``: it is where the outlet is based (:func:`outlet_countries`, BASED_IN:
"the German newspaper X", "French broadcaster X", "the Peruvian state news agency X" — only with
a noun of the press between the demonym and the name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import make_fact
from cowkg.mentions import slug
from cowkg.read.agents import PEOPLE_OF_A_POST
from cowkg.read.frame import token_at
from cowkg.read.units import UnitKind
from cowkg.types import EntityKind, Fact, FactKind, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

OUTLET_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "magazine", "tabloid",
                          "agency", "outlet", "broadcaster", "channel", "website", "network",
                          "publication", "wire"})  # fmt: skip
"""Nouns that present the name beside them as a news outlet ("the newspaper X", "news agency X")."""
PUBLISHING = frozenset({"report", "write"})
"""What an outlet does: a proper name as the subject of these is an outlet."""
_OWNED = frozenset({"source", "report", "article", "story", "reporting"})
"""What an outlet owns: "X's sources", "X's report"."""
REPORT_NOUNS = frozenset({"report", "article", "story"})
"""A source's words for the report it relays ("the report says …")."""


def publisher_ref(token: Token) -> Ref | None:
    """The organisation a proper name of spaCy's ``ORG`` entities is ("Reuters", "The Lima
    Times"): not a post's people ("Defence Ministers"), not a name with no letters."""
    if token.ent_type_ != "ORG" or token.pos_ != "PROPN":
        return None
    entity = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    before = token.doc[entity.start - 1] if entity.start > 0 else None
    name = f"The {entity.text}" if before is not None and before.text == "The" else entity.text
    if PEOPLE_OF_A_POST.match(name) or not slug(entity.text):
        return None
    return Ref(EntityKind.ORGANIZATION, slug(entity.text), name)


def _name_ref(token: Token) -> Ref | None:
    """The organisation a proper name is, read from its tokens (the head and the proper nouns
    compounded on it: "Andes Wire"), whatever entity type the parse gives it."""
    if token.pos_ != "PROPN":
        return None
    words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
    words = sorted(words, key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 != len(words):
        return None
    name = " ".join(t.text for t in words)
    key = slug(name)
    return Ref(EntityKind.ORGANIZATION, key, name) if key else None


def _entity_after(noun: Token) -> Ref | None:
    """The name written right after an outlet noun, however the parse hangs or types it ("the
    newspaper Die Welt": a foreign article read as a verb, the name as a person's): its run of
    capitalised words."""
    words = []
    for token in noun.doc[noun.i + 1 :]:
        if not token.text[:1].isupper() or token.is_punct:
            break
        words.append(token.text)
    name = " ".join(words)
    return Ref(EntityKind.ORGANIZATION, slug(name), name) if words and slug(name) else None


def outlet_named(token: Token) -> Ref | None:
    """The outlet a noun phrase headed by ``token`` names: "the newspaper X" (X set beside the
    noun), "the news agency X" (the noun compounded on X), "X's sources", "X's report"; None when
    the phrase presents no outlet."""
    if token.pos_ == "PROPN":
        outlet = any(c.dep_ == "compound" and c.lemma_.lower() in OUTLET_NOUNS
                     for c in token.children)  # fmt: skip
        return _name_ref(token) if outlet else None
    if token.lemma_.lower() in OUTLET_NOUNS:
        name = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        return _name_ref(name) if name is not None else _entity_after(token)
    if token.lemma_.lower() in _OWNED:
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            return publisher_ref(owner) or _name_ref(owner)
    return None


def outlets(reading: Reading) -> dict[str, Ref]:
    """The outlets of a source by key: the proper names it makes the subjects of reporting or
    writing, or presents with an outlet noun or as owning sources or a report (made once per
    reading)."""
    found = reading.memo.get("outlets")
    if isinstance(found, dict):
        return found
    table: dict[str, Ref] = {}
    paragraphs = {u.paragraph.index: u.paragraph for u, _ in reading.units}
    for paragraph in paragraphs.values():
        for token in paragraph.doc:
            ref = outlet_named(token)
            if ref is None and token.dep_ == "nsubj" and token.head.lemma_.lower() in PUBLISHING:
                ref = publisher_ref(token)
            if ref is not None:
                table.setdefault(outlet_key(ref), ref)
    reading.memo["outlets"] = table
    return table


def known_outlet(reading: Reading, token: Token) -> Ref | None:
    """The outlet of the source a proper name is, whatever entity type the parse gives it in
    this sentence ("Bloomberg" an organisation in one, a place in the next)."""
    ref = _name_ref(token)
    return outlets(reading).get(outlet_key(ref)) if ref is not None else None


def outlet_key(ref: Ref) -> str:
    """An outlet's key without a leading article ("The Lima Times" and "Lima Times" are one)."""
    return slug(re.sub(r"^the\s+", "", ref.label or ref.key, flags=re.IGNORECASE)) or ref.key


REPORT_LOOKBACK = 600
"""How far back (characters) "the report" looks for the outlet it is: a report named further
back may be another (a government's, a think tank's) by then."""


def last_outlet(reading: Reading, before: int) -> Ref | None:
    """The outlet the source names last in the :data:`REPORT_LOOKBACK` characters before offset
    ``before`` (what "the report" relays)."""
    start, text = max(0, before - REPORT_LOOKBACK), reading.source.text
    found = [
        (text.rfind(ref.label or ref.key, start, before), ref) for ref in outlets(reading).values()
    ]
    found = [(at, ref) for at, ref in found if at >= 0]
    return max(found, key=lambda f: f[0])[1] if found else None


PRESS_NOUNS = OUTLET_NOUNS | {"radio", "tv", "television", "station", "broadcaster"}
"""The nouns of the press that tie a demonym to the outlet named after them."""
_PRESS_PHRASE = re.compile(
    r"[\s\u00a0]+(?P<words>(?:(?:[a-z][a-z-]*|TV)[\s\u00a0]+){0,3}?)(?P<noun>[A-Za-z]+)[\s\u00a0]+[A-Z0-9]"
)
"""After a demonym: up to three lower-case words, the press noun, and the capitalised name."""
_PRESS_MODIFIERS = frozenset({"state", "state-owned", "state-run", "public", "private", "national",
                              "news", "business", "financial", "online", "independent", "regional",
                              "local", "television", "radio"})  # fmt: skip
"""Words that may stand between a demonym and its press noun ('state news agency')."""


def _outlet_after(demonym_end: int, reading: Reading) -> tuple[int, str] | None:
    """(offset of the press noun, the noun) when the demonym ending at ``demonym_end`` qualifies a
    press noun that a name follows ('German newspaper Die Welt', 'Peruvian state news agency X')."""
    match = _PRESS_PHRASE.match(reading.source.text, demonym_end)
    noun = match["noun"] if match else ""
    words = match["words"].split() if match else []
    between = all(w.lower() in PRESS_NOUNS or w in _PRESS_MODIFIERS for w in words)
    is_press = between and noun.lower() in PRESS_NOUNS and (noun.islower() or noun == "TV")
    return (match.start("noun"), noun) if match and is_press else None


def outlet_countries(reading: Reading) -> Iterator[Fact]:
    """BASED_IN: the state a demonym before a press noun names is where the outlet named after
    the noun is based ("the German newspaper X"); a demonym before anything else ("the German
    minister X") or an outlet noun with no name after it ("a French newspaper") gives nothing."""
    for unit, _clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE:
            continue
        for mention in reading.mentions_in(unit.start, unit.end):
            demonym = mention.kind is MentionKind.STATE and mention.form == "demonym"
            press = _outlet_after(mention.span.end, reading) if demonym else None
            noun = token_at(unit, press[0], press[0] + len(press[1])) if press else None
            outlet = _entity_after(noun) if noun is not None else None
            if outlet is None or not isinstance(mention.value, Ref):
                continue
            args = {"organization": outlet, "state": mention.value}
            yield make_fact(
                FactKind.BASED_IN, args, [unit.evidence(reading.source)], "outlet-country"
            )
