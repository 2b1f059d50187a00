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

import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cowkg.extract.known import make_fact
from cowkg.extract.layout import lines, sentences
from cowkg.mentions import COALITION
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
_REPORTING = re.compile(r"\b(?:said|says|announced|told \w+|stated|confirmed)(?:\s+that)?\b")
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
    ordered = sorted(mentions, key=lambda m: m.span.start)
    out = []
    for parts in merged:
        start, end = parts[0][0], parts[-1][1]
        inside = tuple(m for m in ordered if start <= m.span.start and m.span.end <= end)
        spans = tuple(span_at(source, s, e) for s, e in parts)
        paragraph = sum(1 for p in paragraphs if p <= start)
        out.append(Unit(spans, start, end, source.text[start:end], paragraph, inside))
    return out


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
    unique = list({_identity(f): f for f in reversed(facts)}.values())[::-1]
    log.info("%s: %d fact(s) from sentence rules", source.file, len(unique))
    return unique
