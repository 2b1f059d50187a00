"""A place written with the state it lies in: "the Chilean capital, Santiago", "Santiago, the
Chilean capital", "Jeddah, Saudi Arabia", "the Peruvian city of Cusco".

Read from the text between a place mention and a state mention of one unit, by shape: the state
(or its demonym) before "capital" / "city of" / "town of" / "port of" and the place, the place
before ", the <state> capital", or the place followed by a comma and the state alone (the
state closing the phrase: "Jeddah, Saudi Arabia," — not "Lima, Peru and Chile"). A PLACE fact
with ``state`` (``cow:inState``), only when the place list puts the place in that very state
(:func:`cowkg.mentions.place_state`), as the infobox reader does: the text confirms the list,
and a state written beside a place it does not hold ("talks in Geneva, Russia said") gives
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from cowkg.extract.known import make_fact
from cowkg.mentions import place_state
from cowkg.read.units import UnitKind
from cowkg.types import Fact, FactKind, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_STATE_THEN_PLACE = re.compile(
    r"^(?:['’]s)?\s+(?:capital|(?:city|town|port)\s+of)\s*,?\s+$", re.IGNORECASE
)
"""Between a state and a place: "Chile's capital, ", " capital ", " city of "."""
_PLACE_THEN_STATE = re.compile(r"^,\s+(?:the\s+)?$")
"""Between a place and a state: ", the " (then " capital") or ", " (the state alone)."""
_CAPITAL_AFTER = re.compile(r"^(?:['’]s)?\s+capital\b", re.IGNORECASE)
_STATE_ALONE_AFTER = re.compile(r"^(?:[,;.)]|\s*$|\s+(?:on|in|at|for|to|from|where|when)\b)")
"""What follows a state that closes "<place>, <state>": a stop, a bracket, the end, or a
preposition that goes on with the sentence (not "and" or another name)."""


def place_states(reading: Reading) -> Iterator[Fact]:
    """A PLACE fact with ``state`` for each place a unit writes with its state (module doc)."""
    text = reading.source.text
    for unit, _ in reading.units:
        if unit.kind is UnitKind.REFERENCE:
            continue
        inside = [m for m in reading.mentions_in(unit.start, unit.end) if m.span.end <= unit.end]
        places = [m for m in inside if m.kind is MentionKind.PLACE]
        states = [m for m in inside if m.kind is MentionKind.STATE]
        for place in places:
            for state in states:
                if _written_with(text, place, state) and _listed_in(place, state):
                    args = {"place": place.value, "state": state.value}
                    yield make_fact(
                        FactKind.PLACE, args, [unit.evidence(reading.source)], "place-state"
                    )


def _written_with(text: str, place: Mention, state: Mention) -> bool:
    """Whether the text between them writes the place as lying in the state."""
    if state.span.end <= place.span.start:
        return bool(_STATE_THEN_PLACE.match(text[state.span.end : place.span.start]))
    between = text[place.span.end : state.span.start]
    after = text[state.span.end : state.span.end + 12]
    if not _PLACE_THEN_STATE.match(between):
        return False
    if "the" in between.lower():
        return bool(_CAPITAL_AFTER.match(after))
    return state.form != "demonym" and bool(_STATE_ALONE_AFTER.match(after))


def _listed_in(place: Mention, state: Mention) -> bool:
    """The place list puts the place in the state (both read as entities)."""
    return (
        isinstance(place.value, Ref)
        and isinstance(state.value, Ref)
        and place_state(place.value.key) == state.value.key
    )
