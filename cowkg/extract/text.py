"""Sentence-level fact rules: meetings, who took part, who hosted or chaired, who stayed away,
pledges, stated counts, posts held, who leads the coalition, who joined it.

Each rule reads one *unit* — a sentence, or a sentence a paragraph break cut in two ("...in
addition to Starmer, Macron, and Zelenskyy," / "were those of Australia, ...") — together with the
mentions :mod:`cowkg.mentions` found in it, and cites the unit's verbatim span(s) as evidence. A
unit that speaks of "the meeting" or "the event" without a date of its own refers back to the last
meeting named in the seed (anaphora). Rules key on cue words and the mentions' positions, never on
the text of one seed, so a new article yields its meetings, attendees, hosts and pledges as is.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cowkg.extract.known import make_fact
from cowkg.extract.layout import lines, sentences
from cowkg.mentions import COALITION
from cowkg.read.units import body_end
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

log = logging.getLogger(__name__)

AGENTS = (MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION)
_STOP_CLAUSE = re.compile(
    r"\b(?:to|in order to)\s+(?!the\b|a\b|an\b)[a-z]+\b|\bagreed by\b|\bbetween\b|\babout\b|"
    r"\bagainst\b|\bon how\b|\bwhich\b|\bthat would\b|\bsaid\b|\bsays\b",
)
_LEADS = re.compile(r"\b(?:co-)?led by\b", re.IGNORECASE)
_LEAD_ACTIVE = re.compile(r"\b(?:would|will|to|shall) (?:co-)?lead\b", re.IGNORECASE)
_COALITION_WORD = re.compile(r"\b(?:coalition|initiative)\b", re.IGNORECASE)
_JOINED = re.compile(
    r"\b(?:had|has|have) (?:formally |officially )?joined\s+(?:the\s+)?"
    r"(?=[“\"‘']?[Cc]oalition\b(?!['’]s))"
)


@dataclass(frozen=True)
class Unit:
    """A sentence (or one cut by a paragraph break) with its mentions and the paragraph index."""

    spans: tuple[Span, ...]
    start: int
    end: int
    text: str  # the seed text from start to end (may include the paragraph break)
    paragraph: int
    mentions: tuple[Mention, ...]

    def of_kind(self, *kinds: MentionKind) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds]

    def rel(self, mention: Mention) -> int:
        """The mention's offset within :attr:`text`."""
        return mention.span.start - self.start


# --------------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------------


def units(source: Source, mentions: Sequence[Mention]) -> list[Unit]:
    """The seed's sentences as units; a sentence ending in ',' (no full stop) at a paragraph break
    is joined with the next one when that starts in lower case."""
    end_of_body = body_end(source)
    raw = [(s, e) for s, e in sentences(source) if e <= end_of_body]
    paragraphs = _paragraph_starts(source)
    merged: list[list[tuple[int, int]]] = []
    for start, end in raw:
        previous = merged[-1][-1] if merged else None
        if (
            previous
            and source.text[previous[1] - 1] == ","
            and source.text[start].islower()
            and not source.text[previous[1] : start].strip()
        ):
            merged[-1].append((start, end))
        else:
            merged.append([(start, end)])
    ordered = ByStart(mentions)
    out = []
    for parts in merged:
        start, end = parts[0][0], parts[-1][1]
        inside = ordered.inside(start, end)
        spans = tuple(span_at(source, s, e) for s, e in parts)
        paragraph = bisect.bisect_right(paragraphs, start)  # the paragraph starts are ascending
        out.append(Unit(spans, start, end, source.text[start:end], paragraph, inside))
    return out


class ByStart:
    """Mentions in order of their start, and those inside a span found by bisection: a scan of
    every mention for every sentence made extraction quadratic in a source's length."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.span.start)  # stable: ties keep their order
        self.starts = [m.span.start for m in self.items]

    def inside(self, start: int, end: int) -> tuple[Mention, ...]:
        """The mentions within ``[start, end)``, in order."""
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_right(self.starts, end)
        return tuple(m for m in self.items[low:high] if m.span.end <= end)


def _paragraph_starts(source: Source) -> list[int]:
    return [line.start for line in lines(source) if line.text.strip()]


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _dated(mention: Mention) -> dt.date | None:
    if mention.kind is MentionKind.DATE and isinstance(mention.value, dt.date):
        if mention.form == "relative-week":
            return None
        return mention.value
    return None


def meeting_ref(day: dt.date, kind: str) -> Ref:
    """The key every rule and seed shares for one meeting: ``<ISO date>-<kind>``."""
    return Ref(EntityKind.MEETING, f"{day.isoformat()}-{kind}")


def _ref(mention: Mention) -> Ref:
    assert isinstance(mention.value, Ref)
    return mention.value


def _fact(kind: FactKind, args: Mapping[str, FactValue | None], unit: Unit, rule: str) -> Fact:
    return make_fact(kind, args, unit.spans, rule)


def _clause_agents(unit: Unit, start: int, end: int) -> list[Mention]:
    """Agents (states, people, organisations) between offsets ``start`` and ``end`` of the unit.

    A state named as the post of a titled person ("French President Macron") is not an agent of
    its own; the person is, on behalf of it. The coalition itself is never an agent here.
    """
    found = [
        m
        for m in unit.of_kind(*AGENTS)
        if start <= unit.rel(m)
        and unit.rel(m) + len(m.span.text) <= end
        and _ref(m) != COALITION
        and m.form != "demonym"
    ]
    owners = _title_owners(unit)
    quoted = _quoted(unit.text)
    return [
        m
        for m in found
        if m.span.start not in owners
        and not any(a <= unit.rel(m) < b for a, b in quoted)
        and not _is_topic(unit, m)
    ]


_TOPIC_LEAD = re.compile(
    r"\b(?:on|for|about|regarding|concerning|against|over|in|into|to)\s+(?:the\s+)?$"
)


def _is_topic(unit: Unit, mention: Mention) -> bool:
    """A state a phrase is about or set in, not one taking part: "the London Summit on Ukraine",
    "support for Ukraine", "troops in Ukraine", "aid to Ukraine"."""
    return mention.kind is MentionKind.STATE and bool(
        _TOPIC_LEAD.search(unit.text[max(0, unit.rel(mention) - 16) : unit.rel(mention)])
    )


def _title_owners(unit: Unit) -> set[int]:
    """Offsets of state/organisation mentions that only say whose post a titled person holds
    ("French President Macron"); "the foreign minister of Türkiye" (no name) keeps Türkiye."""
    owners = set()
    for person in unit.of_kind(MentionKind.PERSON):
        if person.of is None:
            continue
        near = [
            m
            for m in unit.of_kind(MentionKind.STATE, MentionKind.ORGANIZATION)
            if m.value == person.of and 0 <= person.span.start - m.span.end <= 60
        ]
        if near:
            owners.add(near[-1].span.start)
        # "Shigeru Ishiba, Prime Minister of Japan": the title after the name
        after = [
            m
            for m in unit.of_kind(MentionKind.STATE, MentionKind.ORGANIZATION)
            if m.value == person.of
            and re.fullmatch(
                r",?\s+(?:the\s+)?[\w\s-]{2,40}?\s+of\s+(?:the\s+)?",
                unit.text[unit.rel(person) + len(person.span.text) : unit.rel(m)],
            )
        ]
        if after:
            owners.add(after[0].span.start)
    return owners


def _quoted(text: str) -> list[tuple[int, int]]:
    """Stretches inside quotation marks: what someone said is not who attended."""
    return [m.span() for m in re.finditer(r"“[^”]*(?:”|$)|\"[^\"]{20,}\"", text)]


def _stop_at(text: str, start: int) -> int:
    match = _STOP_CLAUSE.search(text, start)
    return match.start() if match else len(text)


# --------------------------------------------------------------------------------------------
# Meetings
# --------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------
# Participation, hosts, absences
# --------------------------------------------------------------------------------------------


def _list_end(text: str, start: int, stop: int) -> int:
    """The end of a coordinated list of names: at the first comma not followed by a name or
    'and', or at a clause stop."""
    end = min(stop, _stop_at(text, start))
    match = re.search(r",\s+(?![A-Z]|and\b|the\b)|[;:()]|\s+and\s+(?!the\b)[a-z]", text[start:end])
    return start + match.start() if match else end


# --------------------------------------------------------------------------------------------
# Counts, pledges, posts, leadership, membership
# --------------------------------------------------------------------------------------------


def _post_holdings(unit: Unit, as_of: dt.date | None) -> list[Fact]:
    facts = []
    for mention in unit.of_kind(MentionKind.PERSON):
        if mention.role is None:
            continue
        args: dict[str, FactValue | None] = {
            "person": _ref(mention),
            "role": mention.role,
            "organization": mention.of,
            "as_of": as_of,
        }
        facts.append(
            make_fact(FactKind.POST_HOLDING, args, (mention.span, *unit.spans), "post-title")
        )
    return facts


def _leads(unit: Unit) -> list[Fact]:
    facts = []
    for match in _LEADS.finditer(unit.text):
        if not _COALITION_WORD.search(unit.text[max(0, match.start() - 45) : match.start()]):
            continue
        end = _list_end(unit.text, match.end(), len(unit.text))
        for mention in _clause_agents(unit, match.end(), end):
            if mention.kind is MentionKind.STATE:
                facts.append(
                    _fact(
                        FactKind.LEADS,
                        {"coalition": COALITION, "leader": _ref(mention)},
                        unit,
                        "led-by",
                    )
                )
    for match in _LEAD_ACTIVE.finditer(unit.text):
        if not _COALITION_WORD.search(unit.text[match.end() : match.end() + 60]):
            continue
        for mention in _subjects_before(unit, match.start()):
            facts.append(
                _fact(
                    FactKind.LEADS,
                    {"coalition": COALITION, "leader": _ref(mention)},
                    unit,
                    "would-lead",
                )
            )
    return facts


def _subjects_before(unit: Unit, verb: int) -> list[Mention]:
    """States coordinated right before a verb: "Britain and France would lead"."""
    states = [m for m in unit.of_kind(MentionKind.STATE) if unit.rel(m) < verb]
    chosen: list[Mention] = []
    cursor = verb
    for mention in reversed(states):
        gap = unit.text[unit.rel(mention) + len(mention.span.text) : cursor]
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", gap):
            break
        chosen.insert(0, mention)
        cursor = unit.rel(mention)
    return chosen


def _memberships(unit: Unit, day: dt.date | None) -> list[Fact]:
    facts = []
    for match in _JOINED.finditer(unit.text):
        for mention in _subjects_before(unit, match.start()):
            args: dict[str, FactValue | None] = {
                "member": _ref(mention),
                "coalition": COALITION,
                "basis": "announcement",
                "date": day,
            }
            facts.append(_fact(FactKind.MEMBERSHIP, args, unit, "joined-announcement"))
    return facts


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


def _unit_date(unit: Unit) -> dt.date | None:
    for mention in unit.of_kind(MentionKind.DATE):
        day = _dated(mention)
        if day is not None:
            return day
    return None


def _unit_facts(unit: Unit, source: Source) -> list[Fact]:
    facts: list[Fact] = []
    day = _unit_date(unit) or None
    facts += _post_holdings(unit, day or source.date)
    facts += _leads(unit)
    facts += _memberships(unit, day)
    return facts


def _identity(fact: Fact) -> tuple[object, ...]:
    """What makes two facts the same claim from the same passage (Fact's args are a dict)."""
    return (fact.kind, tuple(sorted(fact.args.items())), fact.evidence, fact.method)


def affiliations_of(mentions: Iterable[Mention]) -> dict[str, Ref]:
    """Person key → the state a seed names as their post's ("British Prime Minister Starmer"),
    for people a list names without a title; a person given two states is left out."""
    found: dict[str, set[Ref]] = {}
    for mention in mentions:
        if (
            mention.kind is MentionKind.PERSON
            and mention.of
            and mention.of.kind is EntityKind.STATE
        ):
            found.setdefault(_ref(mention).key, set()).add(mention.of)
    return {key: next(iter(refs)) for key, refs in found.items() if len(refs) == 1}


def extract_text_facts(source: Source, mentions: list[Mention]) -> list[Fact]:
    """The facts the remaining sentence rules (posts, leaders, announced memberships) find in
    ``source``, deduplicated, in text order; meetings, attendance, pledges, counts and statements
    are read by the reading layer (:mod:`cowkg.read`)."""
    facts: list[Fact] = []
    for unit in units(source, mentions):
        facts += _unit_facts(unit, source)
    unique = list({_identity(f): f for f in reversed(facts)}.values())[::-1]
    log.info("%s: %d fact(s) from sentence rules", source.file, len(unique))
    return unique
