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
from dataclasses import dataclass, field

from cowkg.extract.known import make_fact
from cowkg.extract.layout import lines, sentences
from cowkg.mentions import COALITION, slug
from cowkg.sources import span_at
from cowkg.types import (
    EntityKind,
    Fact,
    FactKind,
    FactValue,
    Mention,
    MentionKind,
    Money,
    Quantity,
    Ref,
    Source,
    Span,
)

log = logging.getLogger(__name__)

AGENTS = (MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION)
_BODY_END = re.compile(r"^\s*(?:References|See also|External links|Further reading)\s*$")
_MEETING_CUE = re.compile(
    r"\b(?:meetings?|summits?|talks|met|meets?|meeting|gathered|gathering|convened?|convenes|"
    r"reconvene[sd]?|video ?call|phone call|call|conference|videoconference|assembly)\b",
    re.IGNORECASE,
)
_NOT_OUR_MEETING = re.compile(
    r"^(?:\s+(?:between|with\s+(?:US|U\.S\.|American)\b))|^[^.]{0,30}\bbetween\b", re.IGNORECASE
)
_BILATERAL = re.compile(r"\b[A-Z][\w.]*-[A-Z][\w]*\s+talks\b")
_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ministerial", re.compile(r"\bministerial\b|\b(?:defen[cs]e|foreign) ministers\b", re.I)),
    (
        "military",
        re.compile(
            r"\bmilitary (?:chiefs|officers|officials|planners|leaders|planning)|chiefs of staff|"
            r"\bplanning (?:meetings?|days|sessions?)\b|\bplanners\b",
            re.I,
        ),
    ),
    ("directors", re.compile(r"\bdirectors?(?:-level)?\b", re.I)),
    ("summit", re.compile(r"\bsummits?\b|\bleaders\b|heads of (?:state|government)", re.I)),
)
_FORMAT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hybrid", re.compile(r"\bhybrid\b", re.I)),
    (
        "virtual",
        re.compile(
            r"\bvirtual(?:ly)?\b|\bvideo\b|\bonline\b|\bVTC\b|\bby phone\b|"
            r"\bphone call\b|\bvideoconference\b|\bteleconference\b",
            re.I,
        ),
    ),
    ("in-person", re.compile(r"\bin[ -]person\b|\bface[ -]to[ -]face\b", re.I)),
)
_PRESENT = re.compile(
    r"\b(?:has begun|have begun|begins|began today|starts|is under way|is taking place|"
    r"is being held|is attended|are attending|are meeting|gathers?)\b",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|today['’]s|yesterday['’]s)\s+(?:[\w-]+\s+){0,2}"
    r"(?:meeting|summit|event|gathering|assembly|call|conference|talks)\b(?!s|\s+meetings)",
    re.IGNORECASE,
)
_ATTENDANCE_VERB = re.compile(
    r"\b(?:(?:was|were|is|are) attended by|attended|took part|taking part|participated|"
    r"participating|joined|were those of)\b",
    re.IGNORECASE,
)
_PARTICIPATION_CUE = re.compile(
    r"\b(?:attended|attending|attend|attendance|participat\w*|joined|joining|join|took part|"
    r"were those of|gathered|gathers|brought together|addressed by|present were|represented|"
    r"with representatives|with leaders|with\b|between\b)",
    re.IGNORECASE,
)
_STOP_CLAUSE = re.compile(
    r"\b(?:to|in order to)\s+(?!the\b|a\b|an\b)[a-z]+\b|\bagreed by\b|\bbetween\b|\babout\b|"
    r"\bagainst\b|\bon how\b|\bwhich\b|\bthat would\b|\bsaid\b|\bsays\b",
)
_CAPACITIES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "military-chief",
        "military chief",
        re.compile(r"\bmilitary chiefs|chiefs of (?:the )?(?:defen[cs]e )?staff", re.I),
    ),
    (
        "military-officer",
        "military officer",
        re.compile(r"\bmilitary (?:officers|officials)", re.I),
    ),
    ("military-planner", "military planner", re.compile(r"\b(?:military )?planners\b", re.I)),
    ("defence-minister", "defence minister", re.compile(r"\bdefen[cs]e ministers?\b", re.I)),
    ("foreign-minister", "foreign minister", re.compile(r"\bforeign ministers?\b", re.I)),
    ("representative", "representative", re.compile(r"\brepresentatives?\b", re.I)),
    ("leader", "leader", re.compile(r"\bleaders?\b", re.I)),
)
_HOST_PASSIVE = re.compile(
    r"\b(?:(?:co-)?hosted|organi[sz]ed|convened|(?:co-)?chaired|called)\s+by\b", re.IGNORECASE
)
_HOST_ACTIVE = re.compile(
    r"\b(?P<verb>(?:co-)?host(?:ed|s|ing)?|jointly hosting|organi[sz]ed|convened|held|"
    r"(?:co-)?chair(?:ed|s|ing)?|will (?:co-)?chair)\b",
    re.IGNORECASE,
)
_HOST_NOUN = re.compile(r"(?:co-)?(?:host|chair)s?")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|as)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
_NOT_REPRESENTED = re.compile(
    r"\b(?:was|were) not (?:represented|present|invited)|\b(?:was|were) (?:notably )?absent|"
    r"\bdid not (?:attend|take part|participate|join)|\bnot attending\b|\bstayed away\b",
    re.IGNORECASE,
)
_PLEDGE_CUE = re.compile(
    r"\b(?:pledged|pledges|pledging|pledge|committed|commits|commit|offered(?: to contribute)?|"
    r"announcement of|announced|(?:will|would|to) (?:provide|contribute|send|deploy)|"
    r"would receive|will receive|promised)\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(r"\b(?:said|says|announced|told \w+|stated|confirmed)(?:\s+that)?\b")
_EQUIVALENT_GAP = re.compile(r"\s*\((?:about|approximately|around|roughly|some|c\.)?\s*$")
_PURPOSE = re.compile(
    r"\b(?:to purchase|to buy|to fund|towards|toward|for)\s+(?P<purpose>[^,;.()\[]+)", re.IGNORECASE
)
_TROOPS = re.compile(r"\b(?:troops|soldiers|personnel|unit|battalion|brigade|company)\b", re.I)
_LEADS = re.compile(r"\b(?:co-)?led by\b", re.IGNORECASE)
_LEAD_ACTIVE = re.compile(r"\b(?:would|will|to|shall) (?:co-)?lead\b", re.IGNORECASE)
_COALITION_WORD = re.compile(r"\b(?:coalition|initiative)\b", re.IGNORECASE)
_JOINED = re.compile(
    r"\b(?:had|has|have) (?:formally |officially )?joined\s+(?:the\s+)?"
    r"(?=[“\"‘']?[Cc]oalition\b(?!['’]s))"
)
_COUNT_ABOUT_COALITION = re.compile(
    r"^[^.;]{0,40}?\b(?:participating in|in|of|join(?:ing)?)\s+(?:the\s+)?[“\"‘']?"
    r"(?:Coalition|coalition)\b|^\s*[“\"‘']?(?:Coalition|coalition)\b|^[^.;]{0,25}\b(?:had|have|has)?"
    r"\s*(?:\w+\s+){0,2}(?:pledged|committed)\b",
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


@dataclass
class _State:
    """What a seed has said so far: the meeting "the meeting" refers to, facts produced."""

    meeting: Ref | None = None
    meeting_paragraph: int = -1
    facts: list[Fact] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------------


def _body_end(source: Source) -> int:
    """Where the prose ends: the references and link lists after it are not claims of the seed."""
    for line in lines(source):
        if _BODY_END.match(line.text):
            return line.start
    return len(source.text)


def units(source: Source, mentions: Sequence[Mention]) -> list[Unit]:
    """The seed's sentences as units; a sentence ending in ',' (no full stop) at a paragraph break
    is joined with the next one when that starts in lower case."""
    end_of_body = _body_end(source)
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

    def starting(self, start: int, end: int) -> list[Mention]:
        """The mentions starting within ``[start, end)``, in order."""
        low = bisect.bisect_left(self.starts, start)
        return self.items[low : bisect.bisect_left(self.starts, end)]


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


def _kind(text: str) -> str:
    for kind, pattern in _KIND_CUES:
        if pattern.search(text):
            return kind
    return "meeting"


def _kind_near(text: str, start: int, end: int, reach: int = 40) -> str:
    """The kind cue nearest to ``text[start:end]`` (a date or a meeting word) within ``reach``
    characters: "its second ministerial (3 September" -> ministerial, "the other leaders at
    yesterday's meeting" -> summit, whatever else the sentence speaks of."""
    low, high = max(0, start - reach), min(len(text), end + reach)
    best: tuple[int, str] | None = None
    for kind, pattern in _KIND_CUES:
        for match in pattern.finditer(text, low, high):
            distance = max(0, match.start() - end, start - match.end())
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else "meeting"


def _format(text: str) -> str | None:
    for name, pattern in _FORMAT_CUES:
        if pattern.search(text):
            return name
    return None


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


@dataclass(frozen=True)
class _Meeting:
    ref: Ref
    day: dt.date
    end: dt.date | None
    cue_start: int
    cue_end: int


def _nearest_date(unit: Unit, position: int, claimed: set[int]) -> Mention | None:
    """The date nearest a meeting cue that no earlier cue of the sentence has taken."""
    dated = [m for m in unit.of_kind(MentionKind.DATE) if _dated(m)]
    if not dated:
        return None

    def cost(m: Mention) -> tuple[int, bool, int]:
        start, end = unit.rel(m), unit.rel(m) + len(m.span.text)
        between = unit.text[min(end, position) : max(start, position)]
        return (
            len(_CLAUSE_BREAK.findall(between)),
            m.span.start in claimed,
            min(abs(start - position), abs(end - position)),
        )

    return min(dated, key=cost)


def _meeting_cues(unit: Unit) -> list[re.Match[str]]:
    return [m for m in _MEETING_CUE.finditer(unit.text) if not _bilateral(unit, m)]


def _bilateral(unit: Unit, cue: re.Match[str]) -> bool:
    """A meeting word naming talks between two sides ("the online meeting between Ukraine and
    US", "US-Ukrainian talks"), not a meeting of the coalition. A meeting "between European
    leaders and US representatives" is no such talk: one side is many parties."""
    if _BILATERAL.search(unit.text[max(0, cue.start() - 30) : cue.end()]):
        return True
    return bool(_NOT_OUR_MEETING.match(unit.text[cue.end() :])) and _many_sided(unit, cue) is None


_BETWEEN_SIDES = re.compile(
    r"\s+between\s+(?P<a>[^,;()\[\].]{1,60}?)\s+and\s+(?P<b>[^,;()\[\].]{1,60}?)"
    r"(?=\s*[,;()\[\].]|\s+(?:was|were|is|are|had|has|on|in|at|to|for|part)\b|\s*$)"
)
_GROUP_NOUN = re.compile(
    r"\b(?:leaders|heads of (?:state|government)|ministers|officials|representatives|"
    r"delegations|partners|allies|counterparts|nations|countries|governments)\b",
    re.IGNORECASE,
)


def _many_sided(unit: Unit, cue: re.Match[str]) -> re.Match[str] | None:
    """The "between A and B" right after a meeting word when one side is many parties: a group
    ("European leaders") naming no single state, person or organisation, or naming several. Talks
    between two named parties ("between Ukraine and US") are bilateral."""
    match = _BETWEEN_SIDES.match(unit.text, cue.end())
    if match is None:
        return None
    for side in ("a", "b"):
        start, end = match.span(side)
        named = len(_clause_agents(unit, start, end))
        if (_GROUP_NOUN.search(match[side]) and named != 1) or named >= 2:
            return match
    return None


def _bilateral_clauses(unit: Unit) -> list[tuple[int, int]]:
    """The clauses of the unit that speak of bilateral talks: their format and parties are not
    those of the coalition meeting the rest of the sentence names."""
    out = []
    for cue in _MEETING_CUE.finditer(unit.text):
        if not _bilateral(unit, cue):
            continue
        before = [m.end() for m in _CLAUSE_END.finditer(unit.text, 0, cue.start())]
        after = _CLAUSE_END.search(unit.text, cue.end())
        out.append((before[-1] if before else 0, after.start() if after else len(unit.text)))
    return out


def _masked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _meetings_in(unit: Unit, source: Source) -> list[_Meeting]:
    """Meetings a unit names: each meeting cue with its nearest date (or the source's date when
    a news report speaks in the present: "A meeting ... has begun in Paris")."""
    cues = _meeting_cues(unit)
    sentence_kind = _kind(unit.text)
    found: dict[dt.date, _Meeting] = {}
    kinds: dict[dt.date, list[str]] = {}
    claimed: set[int] = set()
    for cue in cues:
        date = _nearest_date(unit, cue.start(), claimed)
        if date is not None:
            day = _dated(date)
            assert day is not None
            end = date.end
            claimed.add(date.span.start)
        elif source.date and _PRESENT.search(unit.text):
            day, end = source.date, None
        else:
            continue
        by_date = (
            _kind_near(unit.text, unit.rel(date), unit.rel(date) + len(date.span.text))
            if date is not None
            else "meeting"
        )
        by_cue = _kind_near(unit.text, cue.start(), cue.end())
        kinds.setdefault(day, []).extend(k for k in (by_date, by_cue) if k != "meeting")
        if day not in found:
            found[day] = _Meeting(meeting_ref(day, "meeting"), day, end, cue.start(), cue.end())
    out = []
    for day, meeting in found.items():
        # the kind written at the date or the meeting word, else (one meeting) the sentence's
        specific = kinds[day]
        fallback = sentence_kind if len(found) == 1 else "meeting"
        kind = specific[0] if specific else fallback
        out.append(
            _Meeting(meeting_ref(day, kind), day, meeting.end, meeting.cue_start, meeting.cue_end)
        )
    return out


def _local(unit: Unit, meeting: _Meeting, others: Sequence[_Meeting]) -> tuple[int, int]:
    """The stretch of the unit that speaks of this meeting when a sentence names several."""
    if len(others) <= 1:
        return 0, len(unit.text)
    starts = sorted(m.cue_start for m in others)
    index = starts.index(meeting.cue_start)
    begin = (starts[index - 1] + meeting.cue_start) // 2 if index else 0
    stop = (
        (meeting.cue_start + starts[index + 1]) // 2 if index + 1 < len(starts) else len(unit.text)
    )
    return begin, stop


def _meeting_facts(unit: Unit, meeting: _Meeting, others: Sequence[_Meeting]) -> list[Fact]:
    begin, stop = _local(unit, meeting, others)
    local = _masked(unit.text, _bilateral_clauses(unit))[begin:stop]
    facts = [
        _fact(
            FactKind.MEETING,
            {
                "meeting": meeting.ref,
                "date": meeting.day,
                "end_date": meeting.end,
                "meeting_kind": meeting.ref.key[11:],
                "name": _meeting_name(local),
            },
            unit,
            "meeting-sentence",
        )
    ]
    place = _meeting_place(unit, meeting, begin, stop)
    if place is not None:
        facts.append(
            _fact(
                FactKind.MEETING_PLACE,
                {"meeting": meeting.ref, "place": place},
                unit,
                "meeting-place",
            )
        )
    mode = _format(local)
    if mode is not None:
        facts.append(
            _fact(
                FactKind.MEETING_FORMAT,
                {"meeting": meeting.ref, "format": mode},
                unit,
                "meeting-format",
            )
        )
    return facts


_CLAUSE_BREAK = re.compile(r"[,;()—–]|\s-\s")
_CLAUSE_END = re.compile(r"[,;(\[—–]|\s-\s")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NAMED_MEETING = re.compile(
    rf"(?<![\w-])(?P<name>(?:\d{{4}}\s+)?(?:(?!(?:{_MONTHS}|The|A|An|On|In|At)\b)[A-Z][\w'’.-]*\s+)"
    rf"{{1,4}}(?:Summit|Conference)(?:\s+(?:on|for)\s+[A-Z][\w'’-]*)?)"
)


def _meeting_name(text: str) -> str | None:
    """The proper name a sentence gives its meeting: capitalised words (and a year) ending in
    Summit or Conference, with its topic: "the 2025 London Summit on Ukraine"."""
    match = _NAMED_MEETING.search(text)
    return match["name"] if match else None


_PLACE_LEAD = re.compile(r"(?:\bin|\bat|\bnear|\boutside)\s+(?:the\s+)?$", re.IGNORECASE)


def _meeting_place(unit: Unit, meeting: _Meeting, begin: int, stop: int) -> Ref | None:
    """The venue of a meeting: a place written "in/at <place>" near the meeting cue or its date,
    or "<place> hosted"; a venue (Lancaster House) wins over its city."""
    candidates = []
    for mention in unit.of_kind(MentionKind.PLACE):
        rel = unit.rel(mention)
        if not begin <= rel < stop:
            continue
        lead = unit.text[max(0, rel - 12) : rel]
        hosted = re.match(r"\s+hosted\b", unit.text[rel + len(mention.span.text) :])
        near = min(abs(rel - meeting.cue_end), abs(rel - meeting.cue_start)) <= 90
        if (_PLACE_LEAD.search(lead) and near) or hosted:
            candidates.append(mention)
    if not candidates:
        return None
    venues = [m for m in candidates if "-" in _ref(m).key]
    return _ref((venues or candidates)[0])


# --------------------------------------------------------------------------------------------
# Participation, hosts, absences
# --------------------------------------------------------------------------------------------


def _capacity(text_before: str) -> Ref | None:
    """The capacity a list is introduced with: "the leaders of", "military chiefs of" ..."""
    window = text_before
    best: tuple[int, str, str] | None = None
    for key, label, pattern in _CAPACITIES:
        for match in pattern.finditer(window):
            if best is None or match.end() > best[0]:
                best = (match.end(), key, label)
    return Ref(EntityKind.ROLE, best[1], best[2]) if best else None


def _participants(
    unit: Unit, meeting: Ref, begin: int, stop: int, affiliations: Mapping[str, Ref]
) -> list[Fact]:
    cue = next(
        (c for c in _PARTICIPATION_CUE.finditer(unit.text, begin, stop) if _counts_as_cue(unit, c)),
        None,
    )
    if cue is None:
        return []
    subject_start = _subject_start(unit.text, cue.start(), begin)
    opener = list(_CLAUSE_OPENER.finditer(unit.text, subject_start, cue.start()))
    if opener:  # "..., when Shigeru Ishiba, Prime Minister of Japan joined": after "when"
        subject_start = opener[-1].end()
    end = min(stop, _stop_at(unit.text, cue.end()))
    between = cue.group(0).lower() == "between"
    if between:  # the parties are the two sides, up to where the "between" clause ends
        sides = _BETWEEN_SIDES.match(unit.text, cue.start() - 1)
        end = min(end, sides.end() if sides else cue.end())
    agents = (
        _clause_agents(unit, subject_start, cue.start())
        if _is_subject_list(unit.text, subject_start, cue.start())
        and not _NOUN_CUE.fullmatch(cue.group(0))
        and not between
        else []
    )
    agents += _clause_agents(unit, cue.end(), end)
    bilateral = _bilateral_clauses(unit)
    agents = [m for m in agents if not any(a <= unit.rel(m) < b for a, b in bilateral)]
    facts = []
    for mention in agents:
        ref = _ref(mention)
        capacity = mention.role if mention.kind is MentionKind.PERSON else None
        on_behalf = mention.of if mention.kind is MentionKind.PERSON else None
        if mention.kind is MentionKind.PERSON and on_behalf is None:
            on_behalf = affiliations.get(ref.key)
        if mention.kind is not MentionKind.PERSON:
            capacity = (
                _role_for(unit, mention)
                or (_capacity_after(unit, mention) if between else None)
                or _capacity(unit.text[begin : unit.rel(mention)])
            )
        mode = _format(unit.text[begin:stop]) if _format(unit.text[cue.start() : end]) else None
        args: dict[str, FactValue | None] = {
            "meeting": meeting,
            "participant": ref,
            "capacity": capacity,
            "on_behalf_of": on_behalf if on_behalf != ref else None,
            "mode": mode if mode in ("virtual", "in-person") else None,
        }
        facts.append(_fact(FactKind.PARTICIPATION, args, unit, "participation-list"))
    return facts


_NOUN_CUE = re.compile(r"attendance|participation|participants?|present were", re.IGNORECASE)
_CLAUSE_OPENER = re.compile(
    r"\b(?:when|while|whereas|however|but|after|before|where|who|which|whom)\b|[;:]"
)
_NEGATED = re.compile(r"\b(?:not|never|no longer)\s+(?:\w+\s+)?$|n['’]t\s+$", re.IGNORECASE)
_JOINED_OTHER = re.compile(r"\s+(?:the|a|an|its|their)\s+(?P<object>(?:[\w’'-]+\s+){0,3}[\w’'-]+)")


def _counts_as_cue(unit: Unit, cue: re.Match[str]) -> bool:
    """Whether a participation word names who took part in the meeting at hand. Not when it is
    quoted (what someone said), negated ("did not join"), or "joined" takes something other than
    a meeting ("joined the Coalition", "joined the duumvirate"). A bare "with" names participants
    only right after a meeting word ("the London Summit on Ukraine with Emmanuel Macron"), not in
    "coordinating with" or "in partnership with"."""
    if any(a <= cue.start() < b for a, b in _quoted(unit.text)):
        return False
    if _NEGATED.search(unit.text[max(0, cue.start() - 30) : cue.start()]):
        return False
    if cue.group(0).lower() in ("joined", "join", "joining"):
        taken = _JOINED_OTHER.match(unit.text, cue.end())
        if taken and not _MEETING_CUE.search(taken["object"]):
            return False
    if cue.group(0).lower() == "between":  # "the meeting between European leaders and US …"
        meeting = list(_MEETING_CUE.finditer(unit.text, max(0, cue.start() - 12), cue.start()))
        return bool(meeting) and _many_sided(unit, meeting[-1]) is not None
    if cue.group(0).lower() != "with":
        return True
    before = unit.text[max(0, cue.start() - 50) : cue.start()]
    return bool(_MEETING_CUE.search(before)) and not re.search(
        r"\b(?:partnership|coordinat\w*|"
        r"talks|deal)\s*$",
        before,
    )


def _capacity_after(unit: Unit, mention: Mention) -> Ref | None:
    """The group noun right after a state ("US representatives") is its capacity."""
    after = unit.text[unit.rel(mention) + len(mention.span.text) :]
    for key, label, pattern in _CAPACITIES:
        if pattern.match(after.lstrip()) and after[:1].isspace():
            return Ref(EntityKind.ROLE, key, label)
    return None


def _role_for(unit: Unit, mention: Mention) -> Ref | None:
    """The title whose post this state holds in the unit: "the foreign minister of Türkiye"."""
    for role in unit.of_kind(MentionKind.ROLE):
        if role.of == mention.value and 0 <= mention.span.start - role.span.end <= 9:
            return role.value if isinstance(role.value, Ref) else None
    return None


def _subject_start(text: str, cue: int, begin: int) -> int:
    """Where the clause holding the participation verb starts (after 'On 15 March,' etc.)."""
    head = text[begin:cue]
    intro = re.match(r"\s*(?:On|By|At|In|Since|Also on)\s+[^,]{1,40},\s*", head)
    return begin + (intro.end() if intro else 0)


def _is_subject_list(text: str, start: int, cue: int) -> bool:
    """Agents before the verb count ("Rutte, Costa, and von der Leyen also participated") only
    when the verb is active, not after "attended by" or "with"."""
    return not re.search(r"\b(?:by|with|of)\s*$", text[start:cue])


def _hosts(unit: Unit, meeting: Ref, begin: int, stop: int) -> list[Fact]:
    facts = []
    for match in _HOST_PASSIVE.finditer(unit.text, begin, stop):
        rule = "chair-by" if "chair" in match.group(0).lower() else "host-by"
        end = _list_end(unit.text, match.end(), stop)
        for mention in _clause_agents(unit, match.end(), end):
            facts.append(_host_fact(unit, meeting, mention, rule))
    for match in _HOST_ACTIVE.finditer(unit.text, begin, stop):
        verb = match.group("verb").lower()
        if re.match(r"\s+by\b", unit.text[match.end() :]):
            continue
        if _HOST_NOUN.fullmatch(verb) and _DETERMINER_BEFORE.search(unit.text[: match.start()]):
            continue  # "joined ... as the third co-chair": a title, not who chaired which meeting
        rule = "chair-active" if "chair" in verb else "host-active"
        for mention in _subjects(unit, match.start(), begin):
            if verb == "held" and mention.kind is not MentionKind.PERSON:
                continue
            facts.append(_host_fact(unit, meeting, mention, rule))
    return facts


def _host_fact(unit: Unit, meeting: Ref, mention: Mention, rule: str) -> Fact:
    kind = FactKind.CHAIR if rule.startswith("chair") else FactKind.HOST
    role = "chair" if kind is FactKind.CHAIR else "host"
    return _fact(kind, {"meeting": meeting, role: _ref(mention)}, unit, rule)


def _list_end(text: str, start: int, stop: int) -> int:
    """The end of a coordinated list of names: at the first comma not followed by a name or
    'and', or at a clause stop."""
    end = min(stop, _stop_at(text, start))
    match = re.search(r",\s+(?![A-Z]|and\b|the\b)|[;:()]|\s+and\s+(?!the\b)[a-z]", text[start:end])
    return start + match.start() if match else end


def _subjects(unit: Unit, verb: int, begin: int) -> list[Mention]:
    """The subject of an active verb: the first agent of its clause and those joined to it by
    'and' ("Starmer and Macron are jointly hosting"); a parenthetical between is skipped."""
    start = _subject_start(unit.text, verb, begin)
    reporting = list(_REPORTING.finditer(unit.text, start, verb))
    if reporting:  # "Starmer said Britain would provide": the subject follows the verb of saying
        start = reporting[-1].end()
    agents = _clause_agents(unit, start, verb)
    if not agents:
        return []

    def gap(a: int, b: int) -> str:
        return unit.text[a:b]

    def end_of(m: Mention) -> int:
        return unit.rel(m) + len(m.span.text)

    # the agent right before the verb (no comma between) is the subject; else the clause's first
    # ("Starmer, coordinating with French President Macron, hosted" -> Starmer)
    last = [m for m in agents if "," not in gap(end_of(m), verb)]
    chosen = [last[-1]] if last else [agents[0]]
    for mention in reversed(agents[: agents.index(chosen[0])]):
        if not re.fullmatch(
            r"\s*(?:,\s*)?(?:and|&)\s+(?:[\w’'-]+\s+){0,3}",
            gap(end_of(mention), unit.rel(chosen[0])),
        ):
            break
        chosen.insert(0, mention)
    return chosen


def _absence(text: str) -> re.Match[str] | None:
    """Where a unit says a party stayed away — unless it says "not … until <date>", which dates
    when the party first came, not a meeting it missed."""
    for match in _NOT_REPRESENTED.finditer(text):
        clause_end = _CLAUSE_END.search(text, match.end())
        rest = text[match.end() : clause_end.start() if clause_end else len(text)]
        if not re.search(r"\b(?:until|till|before)\b", rest):
            return match
    return None


def _absences(unit: Unit, meetings: Sequence[Ref]) -> list[Fact]:
    match = _absence(unit.text)
    if match is None or not meetings:
        return []
    start = _subject_start(unit.text, match.start(), 0)
    clause = unit.text[start : match.start()]
    comma = clause.rfind(", ")
    parties = _clause_agents(unit, start + comma + 2 if comma >= 0 else start, match.start())
    return [
        _fact(FactKind.NON_ATTENDANCE, {"meeting": m, "party": _ref(p)}, unit, "not-represented")
        for p in parties
        for m in meetings
    ]


# --------------------------------------------------------------------------------------------
# Counts, pledges, posts, leadership, membership
# --------------------------------------------------------------------------------------------


def _count_claim(
    unit: Unit,
    source: Source,
    mention: Mention,
    about: Ref,
    counted: str,
    as_of: dt.date | None,
    rule: str,
) -> Fact:
    """The COUNT_CLAIM that ``mention`` (a count) makes about ``about``, cited by ``unit``."""
    quantity = mention.value
    assert isinstance(quantity, Quantity)
    amount = (
        f"{quantity.minimum}"
        if quantity.minimum == quantity.maximum
        else (f"{quantity.minimum}-{quantity.maximum}")
    )
    key = slug(f"{about.key} {counted} {quantity.qualifier} {amount} {source.file[:3]}")
    args: dict[str, FactValue | None] = {
        "claim": Ref(EntityKind.CLAIM, key, mention.span.text),
        "about": about,
        "counted": counted,
        "quantity": quantity,
        "text": mention.span.text,
        "as_of": as_of,
    }
    return _fact(FactKind.COUNT_CLAIM, args, unit, rule)


_CONTRIBUTORS = re.compile(
    r"^\s+(?:(?:have|has|had)\s+)?(?:(?:formally|publicly|officially|already)\s+)?"
    r"(?:pledged|committed|offered|agreed|promised)\s+(?:to\s+)?"
    r"(?:deploy|send|contribute|provide|troops|forces|soldiers|personnel|a reassurance force)\b"
    r"|^\s+(?:are\s+)?(?:troop|force)-contributing\b"
)
CONTRIBUTORS = "troop-contributing countries"
_DEPLOY_FORCE = re.compile(
    r"\b(?:deploy(?:s|ed|ing)?|send(?:s|ing)?|sent|contribut\w+\s+to)\s+(?:\w+\s+){0,3}"
    r"(?:force|troops|soldiers)\b",
    re.IGNORECASE,
)
_PARTICIPATING = re.compile(r"\b(?:participating|contributing)\b", re.IGNORECASE)


def _contributors(unit: Unit, mention: Mention, after: str) -> bool:
    """Whether a count is of the countries sending forces: "26 nations had formally pledged to
    deploy troops", or "plans … to deploy a multinational force … with the support and input of
    25 participating countries" (the participants of a force its sentence deploys)."""
    if _CONTRIBUTORS.search(after):
        return True
    before = unit.text[: unit.rel(mention)]
    return bool(_PARTICIPATING.search(mention.span.text) and _DEPLOY_FORCE.search(before))


_FORECAST = re.compile(
    r"\b(?:expected|set|likely|forecast|projected)\s+to\s+(?:grow|rise|increase|reach|expand)\s+"
    r"(?:to\s+)?[“\"‘']?$|\b(?:would|will|could|may|might)\s+(?:grow|rise|increase|expand)\s+to\s+"
    r"[“\"‘']?$",
    re.IGNORECASE,
)
FORECAST = "countries (forecast)"


def _counts(
    unit: Unit,
    source: Source,
    meeting: Ref | None,
    as_of: dt.date | None,
    coalition_named: bool = False,
) -> list[Fact]:
    """Count claims of a unit; ``coalition_named``: the context (a citation) names the coalition
    though the unit does not, so a count of contributors or a forecast is the coalition's."""
    facts = []
    for mention in unit.of_kind(MentionKind.COUNT):
        quantity = mention.value
        assert isinstance(quantity, Quantity)
        after = unit.text[unit.rel(mention) + len(mention.span.text) :]
        # "26 nations had formally pledged to deploy troops": those sending troops, not members
        counted = CONTRIBUTORS if _contributors(unit, mention, after) else quantity.unit
        # "the coalition was expected to grow to "more than 30 countries"": a forecast, not a count
        if _FORECAST.search(unit.text[max(0, unit.rel(mention) - 60) : unit.rel(mention)]):
            counted = FORECAST
        about_coalition = bool(_COUNT_ABOUT_COALITION.search(after)) or bool(
            re.search(r"coalition\s+of\s*$", unit.text[: unit.rel(mention)], re.I)
        )
        about = COALITION if about_coalition or meeting is None else meeting
        if counted in (CONTRIBUTORS, FORECAST):
            about = COALITION
        if about == COALITION and not (
            (coalition_named and counted in (CONTRIBUTORS, FORECAST))
            or _COALITION_WORD.search(unit.text)
            or re.search(r"pledged|committed", after[:40])
        ):
            continue
        facts.append(_count_claim(unit, source, mention, about, counted, as_of, "count-claim"))
    return facts


_PLEDGE_CLAUSE = re.compile(
    r",?\s+while\s+|;\s+|,?\s+and\s+(?=[A-Z][\w.]*(?:\s+[A-Z]\w*)?\s+[a-z])"
)


def _pledges(unit: Unit, meeting: Ref | None, day: dt.date | None) -> list[Fact]:
    """One pledge per clause ("Germany pledged €500 million ..., while the Netherlands committed
    200 million euros ...") that has a pledge verb, a pledger and an amount or a troop number."""
    facts = []
    begin = 0
    for stop in [m.start() for m in _PLEDGE_CLAUSE.finditer(unit.text)] + [len(unit.text)]:
        fact = _pledge(unit, begin, stop, meeting, day)
        if fact is not None:
            facts.append(fact)
        begin = stop
    return facts


def _pledge(
    unit: Unit, begin: int, stop: int, meeting: Ref | None, day: dt.date | None
) -> Fact | None:
    cue = _PLEDGE_CUE.search(unit.text, begin, stop)
    if cue is None:
        return None

    def after_cue(kind: MentionKind) -> list[Mention]:
        return [m for m in unit.of_kind(kind) if cue.start() < unit.rel(m) < stop]

    amounts, quantities = after_cue(MentionKind.AMOUNT), after_cue(MentionKind.QUANTITY)
    troops = [q for q in quantities if _TROOPS.search(q.span.text)]
    if not amounts and not troops:
        return None
    pledger = _pledger(unit, begin, cue.start())
    if pledger is None:
        return None
    amount = amounts[0].value if amounts else None
    equivalent = None
    if len(amounts) > 1 and _EQUIVALENT_GAP.fullmatch(
        unit.text[unit.rel(amounts[0]) + len(amounts[0].span.text) : unit.rel(amounts[1])]
    ):
        equivalent = amounts[1].value
    useful = [q for q in quantities if isinstance(q.value, Quantity) and (q.value.maximum or 0) > 1]
    pick = troops or useful
    quantity = pick[0] if pick else None
    purpose = _PURPOSE.search(unit.text, cue.end(), stop)
    assert amount is None or isinstance(amount, Money)
    args: dict[str, FactValue | None] = {
        "pledge": _pledge_ref(pledger, amount, day, unit),
        "pledger": pledger,
        "pledge_kind": "money" if amount else "troops",
        "amount": amount,
        "equivalent": equivalent if isinstance(equivalent, Money) else None,
        "quantity": quantity.value if quantity and isinstance(quantity.value, Quantity) else None,
        "purpose": purpose.group("purpose").strip() if purpose else None,
        "date": day,
        "meeting": meeting,
        "beneficiary": Ref(EntityKind.STATE, "UKR", "Ukraine") if "Ukrain" in unit.text else None,
    }
    return _fact(FactKind.PLEDGE, args, unit, "pledge")


def _pledger(unit: Unit, begin: int, cue: int) -> Ref | None:
    """Who pledges: a demonym right before the cue ("the French announcement of 2 billion
    euros"), else the subject (the state a titled person speaks for, a state, a person); when the
    subject is "his country" after "X said", the state X speaks for."""
    demonym = [
        m
        for m in unit.of_kind(MentionKind.STATE)
        if m.form == "demonym"
        and begin <= unit.rel(m) < cue
        and re.fullmatch(r"\s*", unit.text[unit.rel(m) + len(m.span.text) : cue])
    ]
    if demonym:
        return _ref(demonym[-1])
    subjects = _subjects(unit, cue, begin) or _speakers(unit, cue, begin)
    if not subjects:
        return None
    first = subjects[0]
    if first.kind is MentionKind.PERSON and first.of and first.of.kind is EntityKind.STATE:
        return first.of
    if first.kind is MentionKind.ORGANIZATION:
        return None
    return _ref(first)


def _speakers(unit: Unit, verb: int, begin: int) -> list[Mention]:
    """The subject of the reporting verb before ``verb`` ("Pevkur said his country would ...")."""
    reporting = list(_REPORTING.finditer(unit.text, begin, verb))
    if not reporting:
        return []
    return _subjects(unit, reporting[-1].start(), begin)


def _pledge_ref(pledger: Ref, amount: Money | None, day: dt.date | None, unit: Unit) -> Ref:
    """Pledges of the same amount by the same pledger are one pledge whichever seed states them."""
    if amount is not None:
        key = f"{pledger.key}-{amount.currency}-{amount.value.normalize():f}"
    elif day is not None:
        key = f"{pledger.key}-{day.isoformat()}"
    else:
        key = f"{pledger.key}-{unit.spans[0].seed[:3]}-{unit.start}"
    label = f"pledge by {pledger.label or pledger.key}"
    if amount is not None:
        label += f", {amount.currency} {amount.value.normalize():,f}"
    if day is not None:
        label += f", {day.day} {day:%B} {day.year}"
    return Ref(EntityKind.PLEDGE, slug(key), label)


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


def _absence_meetings(unit: Unit, state: _State) -> list[Ref]:
    """Meetings an absence sentence names by date ("the 10 April 2025 meeting"), else the
    meeting in context."""
    match = _absence(unit.text)
    assert match is not None
    days = [_dated(m) for m in unit.of_kind(MentionKind.DATE) if unit.rel(m) > match.start()]
    named = [meeting_ref(d, "meeting") for d in days if d is not None]
    if named:
        return named
    return [state.meeting] if state.meeting else []


def _unit_facts(
    unit: Unit, source: Source, state: _State, affiliations: Mapping[str, Ref]
) -> list[Fact]:
    facts: list[Fact] = []
    meetings = [] if _absence(unit.text) else _meetings_in(unit, source)
    day = _unit_date(unit) or None
    for meeting in meetings:
        facts += _meeting_facts(unit, meeting, meetings)
        begin, stop = _local(unit, meeting, meetings)
        facts += _participants(unit, meeting.ref, begin, stop, affiliations)
        facts += _hosts(unit, meeting.ref, begin, stop)
    context = None
    if meetings:
        context = meetings[-1].ref
        state.meeting, state.meeting_paragraph = context, unit.paragraph
    elif (
        state.meeting
        and unit.paragraph - state.meeting_paragraph <= 3
        and (_ANAPHOR.search(unit.text) or _ATTENDANCE_VERB.search(unit.text))
        and not _absence(unit.text)
        and not _JOINED.search(unit.text)
    ):
        context = state.meeting
        facts += _participants(unit, context, 0, len(unit.text), affiliations)
        facts += _hosts(unit, context, 0, len(unit.text))
    if _absence(unit.text):
        facts += _absences(unit, _absence_meetings(unit, state))
    facts += _counts(unit, source, context, day or source.date)
    facts += _pledges(unit, meetings[0].ref if meetings else None, day)
    facts += _post_holdings(unit, day or source.date)
    facts += _leads(unit)
    facts += _memberships(unit, day)
    return facts


_CITATION_TITLE = re.compile(r"\)\.\s+[\"“](?P<title>[^\"”\n]{10,300})[\"”]")
_HEADLINE_NOW = re.compile(
    r"\b(?:gather|gathers|gathering|meet|meets|meeting|begins?|starts?|opens?|convene|convenes|"
    r"convening|hold|holds)\b[^.]*?\b(?:summit|meeting|talks|conference)\b|\bright now\b|\btoday\b",
    re.IGNORECASE,
)


def citation_counts(source: Source, mentions: Sequence[Mention]) -> list[Fact]:
    """COUNT_CLAIMs from the titles of cited works, after the prose: a headline dated by its
    citation that reports a meeting as it happens ("Kyiv Independent (27 March 2025). "Leaders
    from 31 countries gather for Paris summit …"") counts the countries at the meeting held on
    the citation's date. A title in another tense ("will participate") or without a meeting word
    says nothing of a dated meeting and is not read."""
    end_of_body = _body_end(source)
    dates = [m for m in mentions if m.kind is MentionKind.DATE and _dated(m)]
    facts: list[Fact] = []
    order = {id(m): i for i, m in enumerate(dates)}
    ends = sorted(dates, key=lambda m: m.span.end)
    by_start = ByStart(mentions)
    for match in _CITATION_TITLE.finditer(source.text, end_of_body):
        near = bisect.bisect_left(ends, match.start() - 2, key=lambda m: m.span.end)
        stop = bisect.bisect_right(ends, match.start(), key=lambda m: m.span.end)
        cited = sorted(ends[near:stop], key=lambda m: order[id(m)])
        title = match["title"]
        if not cited or not _HEADLINE_NOW.search(title) or not _meeting_cues_in(title):
            continue
        day = _dated(cited[-1])
        assert day is not None
        start, end = match.start("title"), match.end("title")
        inside = by_start.inside(start, end)
        unit = Unit((span_at(source, start, end),), start, end, title, -1, inside)
        about = meeting_ref(day, _kind(title))
        for mention in unit.of_kind(MentionKind.COUNT):
            assert isinstance(mention.value, Quantity)
            facts.append(
                _count_claim(
                    unit, source, mention, about, mention.value.unit, day, "citation-title-count"
                )
            )
    return facts


_CITATION_QUOTE = re.compile(
    r"(?:Retrieved|Archived from the original on)\s+[^.\n]{4,40}?\d{4}(?:\s+via\s+[^.\n]+)?\.\s+"
    r"(?P<quote>[A-Z\"“'‘\[][^\n]{20,})$",
    re.MULTILINE,
)
_QUOTE_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def citation_quote_counts(source: Source, mentions: Sequence[Mention]) -> list[Fact]:
    """COUNT_CLAIMs from the passage a reference quotes after its retrieval note (Wikipedia's
    ``quote=``), as :func:`citation_counts` reads titles: the quote is dated by the citation's first
    date (the work's), and only a count the sentence rules classify on their own is read —
    countries sending forces ("… to deploy a multinational force … with the support and input of
    25 participating countries"), a forecast, or the coalition's size ("a coalition of 35
    countries") — about the coalition, when the citation names it. A bare count in a quote says
    nothing of which meeting it counts and is not read."""
    end_of_body = _body_end(source)
    dates = ByStart([m for m in mentions if m.kind is MentionKind.DATE and _dated(m)])
    by_start = ByStart(mentions)
    facts: list[Fact] = []
    for match in _CITATION_QUOTE.finditer(source.text, end_of_body):
        line_start = source.text.rfind("\n", 0, match.start()) + 1
        cited = dates.starting(line_start, match.start("quote"))
        reference = source.text[line_start : match.end()]
        if not cited or not _COALITION_WORD.search(reference):
            continue
        day = _dated(cited[0])
        for sentence in _QUOTE_SENTENCE.finditer(match["quote"]):
            text = sentence.group(0)
            start = match.start("quote") + sentence.start() + len(text) - len(text.lstrip())
            end = match.start("quote") + sentence.start() + len(text.rstrip())
            inside = by_start.inside(start, end)
            unit = Unit(
                (span_at(source, start, end),), start, end, source.text[start:end], -1, inside
            )
            for fact in _counts(unit, source, None, day, coalition_named=True):
                if fact.args["about"] == COALITION:
                    facts.append(
                        Fact(fact.kind, fact.args, fact.evidence, "rule:citation-quote-count")
                    )
    return facts


def _meeting_cues_in(text: str) -> bool:
    return bool(re.search(r"\b(?:summit|meeting|talks|conference|gathering)\b", text, re.I))


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


def extract_text_facts(
    source: Source, mentions: list[Mention], affiliations: Mapping[str, Ref] | None = None
) -> list[Fact]:
    """The facts the sentence rules find in ``source`` (deduplicated, in text order).

    ``affiliations`` (person key → state, see :func:`affiliations_of`) lets a list that names
    "Zelenskyy" alone record him on behalf of Ukraine when another seed gives his title; by
    default only this seed's titles are used.
    """
    known = dict(affiliations_of(mentions))
    known.update(affiliations or {})
    state = _State()
    facts: list[Fact] = []
    for unit in units(source, mentions):
        facts += _unit_facts(unit, source, state, known)
    facts += citation_counts(source, mentions)
    facts += citation_quote_counts(source, mentions)
    unique = list({_identity(f): f for f in reversed(facts)}.values())[::-1]
    log.info("%s: %d fact(s) from sentence rules", source.file, len(unique))
    return unique
