"""What the mention recogniser found in one seed, indexed for the structure readers.

Table cells and infobox lines are too fused for the sentence recognisers ("Emmanuel MacronÉlysée
Palace"), but the same people, organisations and dates are named elsewhere in the seed, where
:func:`cowkg.mentions.find_mentions` does find them. The readers therefore match cell text against
the surface forms found in the seed (longest first) and fall back on a name's shape only when the
seed names someone nowhere else.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cowkg.extract.layout import defuse
from cowkg.mentions import person_ref, slug, state_key
from cowkg.sources import span_at
from cowkg.types import (
    EntityKind,
    Fact,
    FactKind,
    FactValue,
    Mention,
    MentionKind,
    Ref,
    Source,
    Span,
)

Args = dict[str, FactValue | None]
"""A rule's fact arguments before :func:`make_fact` drops the absent (None) ones."""

_PARTICLES = r"(?:von|van|de|der|den|da|di|du|le|la|bin|al)"
_NAME_SHAPE = re.compile(rf"[A-Z][\w'’.-]+(?: {_PARTICLES})*(?: [A-Z][\w'’-]+)")
_NOT_PERSON = frozenset(
    [
        "house",
        "palace",
        "headquarters",
        "office",
        "hall",
        "centre",
        "center",
        "meeting",
        "summit",
        "building",
        "ministry",
        "virtual",
        "hybrid",
        "video",
        "conference",
        "union",
        "council",
        "commission",
        "nato",
        "forum",
    ]
)


@dataclass(frozen=True)
class Known:
    """Surface forms of people and organisations in one seed, and its dated mentions."""

    people: Mapping[str, Ref]
    organizations: Mapping[str, Ref]
    dates: Sequence[tuple[int, int, dt.date]]
    states: Sequence[Mention] = ()
    """The seed's state mentions in text order (what :mod:`cowkg.read.destinations` reads)."""
    bodies: Sequence[Mention] = ()
    """The seed's organisation mentions (the coalition's too) in text order."""

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> Known:
        """Index ``mentions`` (of one seed) by surface text; dates by position."""
        people: dict[str, Ref] = {}
        orgs: dict[str, Ref] = {}
        dates: list[tuple[int, int, dt.date]] = []
        states: list[Mention] = []
        bodies: list[Mention] = []
        for mention in mentions:
            value = mention.value
            if isinstance(value, Ref) and mention.kind is MentionKind.PERSON:
                people.setdefault(mention.span.text, value)
            elif isinstance(value, Ref) and mention.kind is MentionKind.ORGANIZATION:
                orgs.setdefault(mention.span.text, value)
                bodies.append(mention)
            elif mention.kind is MentionKind.DATE and isinstance(value, dt.date):
                dates.append((mention.span.start, mention.span.end, value))
            elif isinstance(value, Ref) and mention.kind is MentionKind.STATE:
                states.append(mention)
        in_order = (tuple(sorted(found, key=lambda m: m.span)) for found in (states, bodies))
        return cls(people, orgs, sorted(dates), *in_order)

    def person_prefix(self, text: str) -> tuple[Ref, int] | None:
        """The person named at the start of ``text`` and the length of that name, if any.

        Known surface forms win (longest first, matched even when a cell is fused onto them);
        otherwise a capitalised two-word name that is not a venue, a meeting format or a state.
        """
        text_start = len(text) - len(text.lstrip())
        body = text[text_start:]
        for surface in sorted(self.people, key=len, reverse=True):
            if " " in surface and body.startswith(surface):
                return self.people[surface], text_start + len(surface)
        match = _NAME_SHAPE.match(defuse(body))
        if match is None:
            return None
        name = match.group(0)
        words = {w.lower() for w in name.split()}
        if words & _NOT_PERSON or state_key(name) is not None:
            return None
        return person_ref(name), text_start + len(name)

    def organization(self, name: str) -> Ref:
        """The organisation a cell names: as recognised elsewhere in the seed, else by slug."""
        name = " ".join(name.split())
        found = self.organizations.get(name)
        if found is not None:
            return found
        for surface, ref in self.organizations.items():
            if surface.casefold() == name.casefold():
                return ref
        return Ref(EntityKind.ORGANIZATION, slug(name), name)

    def date_in(self, start: int, end: int) -> dt.date | None:
        """The first date the recogniser read inside ``[start, end)``, if any (``dates`` are
        sorted: the search starts at ``start``, so a table row costs no scan of the seed)."""
        first = bisect.bisect_left(self.dates, start, key=lambda d: d[0])
        for index in range(first, len(self.dates)):
            d_start, d_end, value = self.dates[index]
            if d_start >= end:
                break
            if d_end <= end:
                return value
        return None


def state_ref(name: str) -> Ref | None:
    """The state a name (or the longest leading run of its words, up to four) denotes."""
    words = name.replace("’", "'").split()
    for size in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[:size])
        phrase = re.sub(r"'s$", "", phrase).strip(" ,.;:")
        key = state_key(phrase)
        if key is not None:
            return Ref(EntityKind.STATE, key, phrase)
    return None


def state_prefix(text: str) -> tuple[Ref, int] | None:
    """The state named at the start of ``text`` and the length of its name (longest match)."""
    body = text.lstrip()
    offset = len(text) - len(body)
    words = list(re.finditer(r"\S+", body))
    for size in range(min(4, len(words)), 0, -1):
        end = words[size - 1].end()
        key = state_key(body[:end].strip(" ,.;:"))
        if key is not None:
            return Ref(EntityKind.STATE, key, body[:end].strip(" ,.;:")), offset + end
    return None


def states_in(text: str) -> tuple[Ref, ...]:
    """The states of a coordinated list: 'France and the United Kingdom' -> (FRA, GBR)."""
    refs = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", text):
        ref = state_ref(re.sub(r"^(?:the)\s+", "", part.strip(), flags=re.I))
        if ref is not None and ref not in refs:
            refs.append(ref)
    return tuple(refs)


def make_fact(
    kind: FactKind, args: Mapping[str, FactValue | None], spans: Iterable[Span], rule: str
) -> Fact:
    """A rule's fact: arguments that are None are left out; evidence is sorted and unique."""
    present = {k: v for k, v in args.items() if v is not None}
    return Fact(kind, present, tuple(sorted(set(spans))), f"rule:{rule}")


def span(source: Source, start: int, end: int) -> Span:
    """Evidence for ``source.text[start:end]`` (re-exported so readers import one module)."""
    return span_at(source, start, end)
