"""Scoring one article: its gold entry against what the graph holds from it, per category."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from cowkg.evaluate.corpus import GoldArticle
from cowkg.evaluate.names import (
    Agent,
    agent_of,
    name_parts,
    organisation_key,
    place_matches,
    same_agent,
)
from cowkg.evaluate.readback import Evidence, GraphArticle, GraphMeeting
from cowkg.evaluate.scores import Item, Miss, Outcome, match
from cowkg.mentions import slug, state_key

GoldMeeting = Mapping[str, Any]
PledgeValue = tuple[Agent, str, Decimal | None, str | None, Decimal | None, Decimal | None]
_GROUP_NAME = re.compile(r"[\d,]|\b(?:countries|allies|leaders|parties|participants)\b", re.I)
_ASIDE = re.compile(r"\s*\([^)]*\)")


def gold_agent(name: str) -> Agent:
    """A gold speaker, pledger, host or chair as an agent, its parenthetical aside dropped
    ("Coalition of the Willing (co-chairs …)" is the coalition). A group ("26 of Ukraine's
    allies", "European leaders", a list "Estonia, Finland") stays a group, which no graph agent
    equals."""
    core = _ASIDE.sub("", name).strip()
    return ("group", name) if _GROUP_NAME.search(core) else agent_of(core)


def gold_spans(text: str, evidence: Iterable[str]) -> list[Evidence]:
    """The offsets of each gold evidence string in the article (its first occurrence)."""
    spans = []
    for quote in evidence:
        start = text.find(quote)
        if start >= 0:
            spans.append(Evidence(quote, start, start + len(quote)))
    return spans


def overlaps(a: Iterable[Evidence], b: Iterable[Evidence]) -> bool:
    """Whether any passage of ``a`` shares a code point with any passage of ``b``."""
    b = list(b)
    return any(x.start < y.end and y.start < x.end for x in a for y in b)


def gold_passage(text: str, name: str, evidence: Sequence[str]) -> str:
    """The gold evidence string that names ``name`` (or its surname), else the article's
    sentence that does, else all the evidence."""
    needles = [n for n in (name, name_parts(name)[1]) if len(n) > 2]
    for needle in needles:
        for quote in evidence:
            if needle.casefold() in quote.casefold():
                return quote
    for needle in needles:
        found = re.search(re.escape(needle), text, re.I)
        if found:
            start = max(
                text.rfind(". ", 0, found.start()) + 2, text.rfind("\n", 0, found.start()) + 1
            )
            ends = [
                i for i in (text.find(". ", found.end()), text.find("\n", found.end())) if i >= 0
            ]
            return text[start : min(min(ends, default=len(text)) + 1, start + 400)].strip()
    return " … ".join(evidence)


def _gold_date(meeting: GoldMeeting) -> str | None:
    return str(meeting["date"]) if meeting.get("date") else None


def _gold_where(meeting: GoldMeeting) -> tuple[str | None, str | None]:
    return meeting.get("place") or None, meeting.get("venue") or None


def same_meeting(gold: GoldMeeting, graph: GraphMeeting) -> bool:
    """Dates equal and places agree (module docstring, 'coalition meetings')."""
    if _gold_date(gold) != graph.date:
        return False
    place, venue = _gold_where(gold)
    if place or venue:
        return any(place_matches(place, venue, names) for names in graph.places)
    return not graph.places


def compatible_meeting(gold: GoldMeeting, graph: GraphMeeting) -> bool:
    """Dates equal and places not contradicting: either side has none, or they match."""
    if _gold_date(gold) != graph.date:
        return False
    return not any(_gold_where(gold)) or not graph.places or same_meeting(gold, graph)


def same_amount(gold: Mapping[str, Any], value: PledgeValue) -> bool:
    """The gold pledge's value against the graph pledge's money value or quantity bounds."""
    _, _, money, currency, low, high = value
    if gold.get("value") is None:
        return money is None and low is None and high is None
    wanted = _number(gold["value"])
    if wanted is None:  # a value written as text ("10,000 troops") equals no number
        return False
    if money is not None and money == wanted:
        return not (gold.get("currency") and currency) or gold["currency"] == currency
    return wanted in {low, high}


def _number(value: object) -> Decimal | None:
    """A gold value as a number; None when it is not one."""
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _describe_meeting(gold: GoldMeeting) -> str:
    place, venue = _gold_where(gold)
    where = ", ".join(p for p in (venue, place) if p) or "no place"
    return f"{_gold_date(gold) or 'undated'} {where}"


def _quotes(item: Mapping[str, Any]) -> str:
    return " … ".join(str(q) for q in item.get("evidence") or [])


def _found_elsewhere(gold: GoldMeeting, others: Iterable[GraphMeeting]) -> str:
    """A note for a missed coalition meeting that the article does yield, but not as the
    coalition's (no ``cow:meetingOf``): the fix is then the link, not the reading."""
    found = [m for m in others if same_meeting(gold, m)]
    if not found:
        return ""
    key = found[0].iri.rsplit("/", 1)[-1]
    return f" (the graph has it from this article as {key}, not as the coalition's)"


def _describe_graph_meeting(meeting: GraphMeeting) -> str:
    places = "/".join(sorted(meeting.places.values())) or "no place"
    return f"{meeting.date or 'undated'} {places} ({meeting.iri.rsplit('/', 1)[-1]})"


def distinct(items: Iterable[Item[Agent]]) -> list[Item[Agent]]:
    """The items naming distinct agents (the first of each): a host that also chairs is one."""
    kept: list[Item[Agent]] = []
    for item in items:
        if not any(same_agent(item.value, k.value) for k in kept):
            kept.append(item)
    return kept


def _as_kind(kind: str, name: str) -> Agent:
    """A gold attendee of a known kind: states and organisations by their lists' keys."""
    if kind == "state":
        return ("state", state_key(name) or name)
    if kind == "organization":
        return ("organization", organisation_key(name) or slug(name))
    return ("person", name)


_ATTENDEES = (
    ("attending states", "attending_countries", "state"),
    ("people", "attending_people", "person"),
    ("organisations", "attending_organisations", "organization"),
)
"""Attendee categories: (category, gold key, agent kind)."""


@dataclass
class ArticleScorer:
    """Scores one article's graph facts against its gold entry, into a shared :class:`Outcome`."""

    article: GoldArticle
    graph: GraphArticle
    outcome: Outcome
    violations: list[Miss] = field(default_factory=list)

    @property
    def doc(self) -> str:
        return self.article.doc

    def gold_meetings(self, coalition: bool) -> list[GoldMeeting]:
        return [
            m
            for m in self.article.entry.get("meetings") or []
            if bool(m.get("coalition_meeting")) is coalition
        ]

    def run(self) -> None:
        """Every category and check for this article."""
        aligned = self.meetings()
        for gold, meeting in aligned:
            self.attributes(gold, meeting)
        self.non_coalition({id(m) for _g, m in aligned})
        self.pledges()
        self.counts()
        self.statements()

    def meetings(self) -> list[tuple[GoldMeeting, GraphMeeting]]:
        """Score coalition meetings (date + place) and return the aligned pairs."""
        gold = self.gold_meetings(True)
        graph = [m for m in self.graph.meetings.values() if m.coalition]
        others = [m for m in self.graph.meetings.values() if not m.coalition]
        gold_items = [
            Item(_describe_meeting(m) + _found_elsewhere(m, others), m, _quotes(m)) for m in gold
        ]
        graph_items = [Item(_describe_graph_meeting(m), m, m.passage) for m in graph]
        strict = self.outcome.score(
            "coalition meetings", self.doc, gold_items, graph_items, same_meeting
        )
        rest_gold = [i for i in range(len(gold)) if i not in strict]
        rest_graph = [j for j in range(len(graph)) if j not in set(strict.values())]
        loose = match(
            [gold[i] for i in rest_gold], [graph[j] for j in rest_graph], compatible_meeting
        )
        pairs = [(gold[i], graph[j]) for i, j in strict.items()]
        return pairs + [(gold[rest_gold[i]], graph[rest_graph[j]]) for i, j in loose.items()]

    def attributes(self, gold: GoldMeeting, meeting: GraphMeeting) -> None:
        """Format, hosts/chairs and attendees of one aligned pair."""
        label = _describe_meeting(gold)
        quotes = [str(q) for q in gold.get("evidence") or []]

        def agents(key: str, kind: Callable[[str], Agent], role: str = "") -> list[Item[Agent]]:
            return [
                Item(
                    f"{role}{name} at {label}",
                    kind(name),
                    gold_passage(self.article.text, name, quotes),
                )
                for name in (str(n) for n in gold.get(key) or [])
            ]

        fmt = gold.get("format")
        gold_formats = [Item(f"{fmt} at {label}", str(fmt), " … ".join(quotes))] if fmt else []
        graph_formats = [Item(f"{m} at {label}", m, p) for m, p in meeting.formats.items()]
        self.outcome.score("format", self.doc, gold_formats, graph_formats, str.__eq__)

        leaders = agents("host_country", gold_agent, "host ") + agents(
            "chairs", gold_agent, "chair "
        )
        graph_leaders = [Item(f"{i.what} at {label}", i.value, i.passage) for i in meeting.leaders]
        self.outcome.score(
            "hosts/chairs", self.doc, distinct(leaders), distinct(graph_leaders), same_agent
        )
        for category, key, kind in _ATTENDEES:
            graph_items = [
                Item(f"{i.what} at {label}", i.value, i.passage)
                for i in meeting.attendees
                if i.value[0] == kind
            ]
            gold_items = distinct(agents(key, functools.partial(_as_kind, kind)))
            self.outcome.score(category, self.doc, gold_items, graph_items, same_agent)

    def non_coalition(self, aligned: set[int]) -> None:
        """Participations on graph coalition meetings that gold says are not coalition meetings."""
        others = self.gold_meetings(False)
        graph = [
            m
            for m in self.graph.meetings.values()
            if m.coalition and id(m) not in aligned and m.attendees
        ]
        for i, j in match(others, graph, compatible_meeting).items():
            for attendee in graph[j].attendees:
                what = (
                    f"{attendee.what} at {_describe_graph_meeting(graph[j])}, which gold says "
                    f"is no coalition meeting ({_describe_meeting(others[i])})"
                )
                self.violations.append(
                    Miss("non-coalition attendees", self.doc, "FP", what, attendee.passage)
                )

    def pledges(self) -> None:
        """Pledger + kind, and pledger + kind + amount."""
        gold = self.article.entry.get("pledges") or []
        gold_items = [
            Item(
                f"{p.get('pledger')}: {p.get('kind')} {p.get('amount') or ''}".strip(),
                p,
                _quotes(p),
            )
            for p in gold
        ]

        def same_pledger_kind(g: Mapping[str, Any], v: PledgeValue) -> bool:
            return same_agent(gold_agent(str(g.get("pledger"))), v[0]) and g.get("kind") == v[1]

        def same_with_amount(g: Mapping[str, Any], v: PledgeValue) -> bool:
            return same_pledger_kind(g, v) and same_amount(g, v)

        self.outcome.score(
            "pledges (pledger+kind)", self.doc, gold_items, self.graph.pledges, same_pledger_kind
        )
        self.outcome.score(
            "pledges (+amount)", self.doc, gold_items, self.graph.pledges, same_with_amount
        )

    def counts(self) -> None:
        """Value equal and evidence overlapping."""
        text = self.article.text
        gold_items = [
            Item(
                f"{c.get('qualifier') or ''} {c.get('value')} {c.get('counted')}".strip(),
                (_number(c.get("value")), gold_spans(text, c.get("evidence") or [])),
                _quotes(c),
            )
            for c in self.article.entry.get("counts") or []
            if c.get("value") is not None
        ]

        def same(
            g: tuple[Decimal | None, list[Evidence]], p: tuple[set[Decimal], list[Evidence]]
        ) -> bool:
            return g[0] in p[0] and overlaps(g[1], p[1])

        self.outcome.score("counts", self.doc, gold_items, self.graph.counts, same)

    def statements(self) -> None:
        """Speaker equal and evidence overlapping."""
        text = self.article.text
        gold_items = [
            Item(
                f"{s.get('who')}: {str(s.get('gist') or '')[:80]}",
                (gold_agent(str(s.get("who"))), gold_spans(text, s.get("evidence") or [])),
                _quotes(s),
            )
            for s in self.article.entry.get("statements") or []
        ]

        def same(g: tuple[Agent, list[Evidence]], p: tuple[Agent, list[Evidence]]) -> bool:
            return same_agent(g[0], p[0]) and overlaps(g[1], p[1])

        self.outcome.score("statements", self.doc, gold_items, self.graph.statements, same)

    def evidence_verified(self) -> tuple[int, int]:
        """(fact graphs with passages, each the article's text at its offsets; fact graphs)."""
        text = self.article.text
        verified = sum(
            bool(evs) and all(text[e.start : e.end] == e.quote for e in evs)
            for evs in self.graph.evidence.values()
        )
        return verified, len(self.graph.evidence)
