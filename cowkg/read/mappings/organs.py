"""A state's organs named after it: "the Polish Foreign Ministry", "the Danish Armed Forces",
"the French Army" (:func:`cowkg.read.agents.with_open_mentions` reads the name as one
organisation's, its ``of`` the state when the head noun is a state's organ).

The name states where the organ is: BASED_IN, the organisation and its state, cited by the name
itself (not its whole sentence: the name is all that states it, and a state the sentence names
elsewhere, "… the Danish Armed Forces and Danish sovereignty", is no argument of it). A body
named after a state's people but not its organ ("the Swedish Diaspora Congress", "the Norwegian
Refugee Council") gets none: a diaspora's congress may sit anywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cowkg.extract.known import make_fact
from cowkg.read.agents import NAMED_AFTER
from cowkg.types import Fact, FactKind, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading


def organ_states(reading: Reading) -> Iterator[Fact]:
    """BASED_IN: each state organ named after its state, wherever a unit writes its name."""
    for unit, _clauses in reading.units:
        for mention in reading.mentions_in(unit.start, unit.end):
            organ = mention.kind is MentionKind.ORGANIZATION and mention.form == NAMED_AFTER
            if not organ or not isinstance(mention.value, Ref) or mention.of is None:
                continue
            args = {"organization": mention.value, "state": mention.of}
            yield make_fact(FactKind.BASED_IN, args, [mention.span], "organ-state")
