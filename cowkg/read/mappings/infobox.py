"""Infobox rows and photo captions of an encyclopedia capture, flattened into lines.

A captured encyclopedia article keeps its infobox as lines: a field label and its value on one
line, glued or not ("Foundation 4 April 2026, Tallinn", "StatusActive"), or the value on the
next line(s) ("Headquarters" / "Riga …"). The labels are the standard ones of encyclopedia
infoboxes of organisations and military units (Wikipedia's Template:Infobox organization /
military unit: founded, foundation, formation, established, founder(s), founding leader, leader
title + name, headquarters, summits held), never one article's wording. Only the entity the
infobox is about — the source's subject, the name its first line writes (a bracketed
disambiguator after it allowed) — is the subject of the rows' facts, and only the coalition or
a force can be (:func:`infobox`):

- **founded / foundation / formation / established** → FOUNDING with each date of the value (and
  the place, ``cow:foundedIn``, when the row gives one date and one place); a date glossed in
  brackets is read with its gloss: founded, formed, launched, established, inaugurated,
  announced or created found it, any other gloss ("agreed", "discussed", "proposed") does not;
- **founder(s) / founding leader** → FOUNDING ``founded_by`` the people named (states and
  counts of a founders' list are left: "Sixteen nations, 2 organizations" names no founder);
- **leader(s) / chair / head** and **founding leader**: a title ("French president") then a
  name, often after a flag file ("Flag of France.svg Ana Ruiz") → POST_HOLDING (the person holds
  that post of the state the title or the flag names; nothing when they disagree); a leader of
  the subject also LEADS it for that state (``cow:ledBy``); a row of bare state names after it is
  left (it says nothing of who leads);
- **headquarters** → COMMAND_POST at the one place the value names (not "not established");
- **summits / meetings held** → a MEETING of the subject's of that kind on every date of the
  value's lines.

- **timeline** entries — a label line, a line opening with a date, its bracketed gloss after
  the date or alone on the next line: a headquarters the label names ('Joint HQ Oslo') was
  inaugurated that day when the gloss says inaugurated or opened (COMMAND_POST), a working group
  of the coalition ('Working group on <topic>') announced when it says announced (GROUP); any
  other gloss ('first met', 'revealed') gives nothing.

A row's value is the rest of its line and the next lines up to a blank line, another label or
three lines, all heading-shaped (no final stop); a label alone on its line may have its value
after one blank line.

**Captions** (:func:`captions`): a verbless line listing people "at" an event ("A, B (left) and
C (not pictured) at a joint press conference"), followed in the same line by a unit that is only
a date and places ("12 May 2026, Kadriorg Palace, Tallinn"), gives the meeting of that day
(``<date>-meeting``: the resolver makes it the one meeting of known kind held that day) at the
most precise place, attended by the listed people. A bracket after a name is read: "pictured",
"not pictured", "left", "L-R" keep them (they were there, in the picture or not); "absent",
"not present", "did not attend" leave them out. Another forum's event ("at the NATO summit", "a
bilateral meeting") gives nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cowkg.extract.force import NAMED_GROUP, working_group_ref
from cowkg.extract.known import Args, make_fact
from cowkg.extract.tables import command_post_ref, meeting_ref
from cowkg.mentions import COALITION
from cowkg.read.frame import names_another_forum
from cowkg.read.units import Unit, UnitKind
from cowkg.sources import span_at
from cowkg.types import EntityKind, Fact, FactKind, Mention, MentionKind, Ref, Span

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_GLUE = r"(?=[\s\u00a0]|[A-Z0-9(]|$)"
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(rf"^(?:{pattern}){_GLUE}"))
    for field, pattern in (
        ("founding-leader", r"Founding\s+(?:leaders?|chair(?:man|person)?s?)"),
        ("founders", r"Founders?|Founded\s+by"),
        ("founded", r"Founded|Foundation|Formation|Formed|Established|Establishment|Inception"),
        ("leaders", r"Leaders?|Chair(?:man|person)?s?|Head"),
        ("headquarters", r"Headquarters"),
        ("meetings", r"(?:Summits|Meetings|Conferences)\s+held"),
        (
            "area",
            r"Country[\s\u00a0]*\([\s\u00a0]*to[\s\u00a0]+(?:secure|defend|protect)[\s\u00a0]*\)",
        ),
    )
)
"""Infobox field labels (standard template labels, not one article's), the more specific first
("Founding leader" before "Founders" and "Founded")."""
_FOOTNOTES = re.compile(r"(?:\s*\[[^\]\n]{1,16}\])+\s*$")
_VALUE_OPENING = re.compile(r"^[\s\u00a0]*(?:$|[A-Z0-9(\[])")
"""A field's value opens with a name, a number or a bracket, or stands on the next line."""
_CONTINUATION = re.compile(
    r"^(?:Flag of |\[|\(|\d|[a-z]"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
)
"""A line going on with the value above it: a flag file before a name, a date, a number, a
footnote or bracket, a lower-case word; another capitalised word may be the next field's label."""
_PROSE_END = re.compile(r"[.!?]\s*$")
_ROW_WORDS = 15
_VALUE_LINES = 3
_GLOSS = re.compile(
    r"\s*(?:\(\d{4}-\d{2}-\d{2}\)\s*)?\((?P<gloss>[A-Za-z][^()\[\]\n]*?)\s*(?:\)|,|$)"
)
_FOUNDING_GLOSS = re.compile(
    r"^(?:founded|formed|launched|established|inaugurated|announced|created|set up)\b", re.I
)
_NEGATION = re.compile(r"\bnot\b|\bno\b|\bnone\b", re.I)
_FLAG = re.compile(r"Flag of (?P<name>[^\n]+?)\.svg")
_DISAMBIGUATOR = re.compile(r"\s*\([^()\n]*\)\s*$")
_KINDS = {"summits": "summit", "meetings": "meeting", "conferences": "meeting"}


@dataclass(frozen=True)
class _Line:
    """One line of the source's body, with its units and mentions."""

    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]
    blank_before: bool
    units: tuple[Unit, ...]
    bulleted: bool


def _lines(reading: Reading) -> list[_Line]:
    """Every line of the source's body with its units (reference entries left out), made once
    per reading for both mappings of this module."""
    made = reading.memo.get("infobox-lines")
    if not isinstance(made, list):
        made = reading.memo["infobox-lines"] = _made_lines(reading)
    return made


def _made_lines(reading: Reading) -> list[_Line]:
    grouped: dict[int, list[Unit]] = {}
    for unit, _ in reading.units:
        if unit.kind is not UnitKind.REFERENCE:
            grouped.setdefault(unit.paragraph.index, []).append(unit)
    text = reading.source.text
    out: list[_Line] = []
    previous_end = 0
    for units in grouped.values():
        start, end = units[0].start, units[-1].end
        mentions = tuple(m for m in reading.mentions_in(start, end) if m.span.end <= end)
        blank = text.count("\n", previous_end, start) > 1
        bulleted = bool(text[units[0].paragraph.start : start].strip())
        line = _Line(start, end, text[start:end], mentions, blank, tuple(units), bulleted)
        out.append(line)
        previous_end = end
    return out


def _row_shaped(line: _Line) -> bool:
    """A line an infobox could hold: short, and not ending as prose does."""
    bare = _FOOTNOTES.sub("", line.text)
    return len(bare.split()) <= _ROW_WORDS and not _PROSE_END.search(bare)


def _label(line: _Line) -> tuple[str, int] | None:
    """The field a row-shaped line opens with, and where its value starts (a list item is a
    value, not a row)."""
    if line.bulleted or not _row_shaped(line):
        return None
    for field, pattern in _LABELS:
        match = pattern.match(line.text)
        if match:
            return field, line.start + match.end()
    return None


def subject(reading: Reading, lines: Sequence[_Line]) -> Ref | None:
    """What the source is about: the coalition or a force its first line names, alone (an
    encyclopedia title: 'Northern Force (Baltic mission)'), else None."""
    if not lines:
        return None
    first = lines[0]
    name = _DISAMBIGUATOR.sub("", first.text)
    for mention in first.mentions:
        ref = mention.value
        if (
            isinstance(ref, Ref)
            and ref.kind in {EntityKind.COALITION, EntityKind.FORCE}
            and mention.span.start == first.start
            and mention.span.text == name
        ):
            return ref
    return None


@dataclass(frozen=True)
class _Row:
    field: str
    lines: tuple[_Line, ...]
    value_start: int

    def mentions(self, kind: MentionKind) -> list[Mention]:
        return [
            m
            for line in self.lines
            for m in line.mentions
            if m.kind is kind and m.span.start >= self.value_start
        ]

    def evidence(self, reading: Reading, *lines: _Line) -> list[Span]:
        chosen = lines or self.lines
        return [span_at(reading.source, line.start, line.end) for line in (self.lines[0], *chosen)]


def rows(lines: Sequence[_Line]) -> Iterator[_Row]:
    """Every labelled row with its value lines (see the module docstring)."""
    for index, line in enumerate(lines):
        found = _label(line)
        if found is None:
            continue
        field, value_start = found
        if not _VALUE_OPENING.match(line.text[value_start - line.start :]):
            continue  # 'Leaders meet in …', 'Head of state …': prose, not a field
        alone = not line.text[value_start - line.start :].strip()
        value = [line]
        for following in lines[index + 1 : index + 1 + _VALUE_LINES]:
            first = alone and len(value) == 1  # the value of a label alone on its line
            if not _row_shaped(following) or _label(following) is not None:
                break
            if not first and (following.blank_before or not _CONTINUATION.match(following.text)):
                break
            value.append(following)
        yield _Row(field, tuple(value), value_start)


# -- rows ----------------------------------------------------------------------------------


def _founding_dates(row: _Row, reading: Reading, entity: Ref) -> Iterator[Fact]:
    text = reading.source.text
    dates = row.mentions(MentionKind.DATE)
    place = _founding_place(row, dates)
    for mention in dates:
        if not _dated(mention, dates):
            continue
        line = next(ln for ln in row.lines if ln.start <= mention.span.start < ln.end)
        gloss = _GLOSS.match(text, mention.span.end, line.end)
        if gloss and gloss["gloss"] and not _FOUNDING_GLOSS.match(gloss["gloss"]):
            continue
        args: Args = {"entity": entity, "date": mention.value, "place": place}
        yield make_fact(FactKind.FOUNDING, args, row.evidence(reading, line), "infobox")


def _founding_place(row: _Row, dates: Sequence[Mention]) -> Ref | None:
    """The place of a foundation row of one date: '14 June 2026 (2026-06-14), Oslo' (a row of
    several dates, or of several places, says not which is where)."""
    days = {d.value for d in dates if _dated(d, dates)}
    places = {p.value for p in row.mentions(MentionKind.PLACE) if isinstance(p.value, Ref)}
    return places.pop() if len(days) == 1 and len(places) == 1 else None


def _dated(mention: Mention, dates: Sequence[Mention]) -> bool:
    """A calendar date written in full, not a relative one ('Today') nor the ISO repeat of
    the date before it ('April 4, 2026 (2026-04-04)')."""
    repeat = any(
        other.span.end <= mention.span.start <= other.span.end + 3 and other.value == mention.value
        for other in dates
    )
    return isinstance(mention.value, dt.date) and mention.form != "relative" and not repeat


def _flag_state(line: _Line) -> Ref | None:
    """The state a flag file on the line names ('Flag of Finland.svg')."""
    match = _FLAG.search(line.text)
    if match is None:
        return None
    start, end = line.start + match.start("name"), line.start + match.end("name")
    states = [
        m.value
        for m in line.mentions
        if m.kind is MentionKind.STATE and start <= m.span.start < end and isinstance(m.value, Ref)
    ]
    return states[0] if len(set(states)) == 1 else None


def _people(row: _Row) -> Iterator[tuple[Mention, Mention | None, Ref | None, _Line]]:
    """(person, their title, their state, the line naming them) for each person of a row: the
    title is the last one written before them in the row, the state the title's or the flag's
    (None when both are given and disagree)."""
    roles = row.mentions(MentionKind.ROLE)
    for person in row.mentions(MentionKind.PERSON):
        line = next(ln for ln in row.lines if ln.start <= person.span.start < ln.end)
        before = [r for r in roles if r.span.start < person.span.start]
        role = before[-1] if before else None
        flag = _flag_state(line)
        titled = role.of if role is not None else None
        state = flag if titled is None else titled if flag in {None, titled} else None
        if flag is not None and titled is not None and flag != titled:
            role = None
        yield person, role, state, line


def _leaders(row: _Row, reading: Reading, entity: Ref) -> Iterator[Fact]:
    founding = row.field == "founding-leader"
    for person, role, state, line in _people(row):
        if not isinstance(person.value, Ref):
            continue
        evidence = row.evidence(reading, line)
        if role is not None and isinstance(role.value, Ref) and state is not None:
            args: Args = {"person": person.value, "role": role.value, "organization": state}
            yield make_fact(FactKind.POST_HOLDING, args, evidence, "infobox")
        if founding:
            args = {"entity": entity, "founded_by": (person.value,)}
            yield make_fact(FactKind.FOUNDING, args, evidence, "infobox")
        elif state is not None:  # a coalition or a force led for that state
            yield make_fact(
                FactKind.LEADS, {"coalition": entity, "leader": state}, evidence, "infobox"
            )


def _founders(row: _Row, reading: Reading, entity: Ref) -> Iterator[Fact]:
    people = tuple(p.value for p in row.mentions(MentionKind.PERSON) if isinstance(p.value, Ref))
    if people:
        args: Args = {"entity": entity, "founded_by": people}
        yield make_fact(FactKind.FOUNDING, args, row.evidence(reading), "infobox")


def _headquarters(row: _Row, reading: Reading) -> Iterator[Fact]:
    value = reading.source.text[row.value_start : row.lines[-1].end]
    places = [p for p in row.mentions(MentionKind.PLACE) if isinstance(p.value, Ref)]
    if len({p.value for p in places}) != 1 or _NEGATION.search(value):
        return
    place = places[0]
    line = next(ln for ln in row.lines if ln.start <= place.span.start < ln.end)
    args: Args = {"post": command_post_ref(place.span.text), "place": place.value}
    yield make_fact(FactKind.COMMAND_POST, args, row.evidence(reading, line), "infobox")


def _meetings(row: _Row, reading: Reading, entity: Ref) -> Iterator[Fact]:
    noun = row.lines[0].text.split()[0].lower()
    kind = _KINDS.get(noun, "meeting")
    dates = row.mentions(MentionKind.DATE)
    for mention in dates:
        if not _dated(mention, dates) or not isinstance(mention.value, dt.date):
            continue
        line = next(ln for ln in row.lines if ln.start <= mention.span.start < ln.end)
        args: Args = {
            "meeting": meeting_ref(mention.value, kind),
            "date": mention.value,
            "meeting_kind": kind,
            "body": entity if entity.kind is EntityKind.COALITION else None,
        }
        yield make_fact(FactKind.MEETING, args, row.evidence(reading, line), "infobox")


def _area(row: _Row, reading: Reading, entity: Ref) -> Iterator[Fact]:
    """ "Country (to secure) <State>": the state the subject is to secure is where it is to be
    deployed and act (FORCE_STATUS ``deployment_area``); a demonym or a negated value gives
    nothing."""
    value = reading.source.text[row.value_start : row.lines[-1].end]
    if _NEGATION.search(value):
        return
    for mention in row.mentions(MentionKind.STATE):
        if mention.form == "demonym" or not isinstance(mention.value, Ref):
            continue
        line = next(ln for ln in row.lines if ln.start <= mention.span.start < ln.end)
        args: Args = {"force": entity, "deployment_area": mention.value}
        yield make_fact(FactKind.FORCE_STATUS, args, row.evidence(reading, line), "infobox")


def infobox(reading: Reading) -> Iterator[Fact]:
    """Facts of the source's subject from its infobox rows (see the module docstring)."""
    lines = _lines(reading)
    entity = subject(reading, lines)
    if entity is None:
        return
    for row in rows(lines):
        if row.field == "founded":
            yield from _founding_dates(row, reading, entity)
        elif row.field in {"leaders", "founding-leader"}:
            yield from _leaders(row, reading, entity)
        elif row.field == "founders":
            yield from _founders(row, reading, entity)
        elif row.field == "headquarters":
            yield from _headquarters(row, reading)
        elif row.field == "meetings":
            yield from _meetings(row, reading, entity)
        elif row.field == "area":
            yield from _area(row, reading, entity)
    yield from _timeline(lines, reading, entity)


# -- timeline ------------------------------------------------------------------------------

_HQ_WORD = re.compile(r"\b(?:HQ|[Hh]eadquarters)\b")
_GLOSS_LINE = re.compile(r"^\((?P<gloss>[A-Za-z][^()\n]*)\)$")
_INAUGURATED = re.compile(r"^(?:inaugurated|opened)\b", re.I)
_ANNOUNCED = re.compile(r"^announced\b", re.I)


def _opening_date(line: _Line) -> Mention | None:
    """The full date a line opens with ('17 June 2026 (2026-06-17) (opened)')."""
    first = line.mentions[0] if line.mentions else None
    if first is None or first.span.start != line.start or first.kind is not MentionKind.DATE:
        return None
    return first if _dated(first, line.mentions) else None


def _entry_gloss(reading: Reading, date: Mention, line: _Line, after: _Line | None) -> str:
    """A timeline date's gloss: in brackets after it, or alone on the next line."""
    same = _GLOSS.match(reading.source.text, date.span.end, line.end)
    if same and same["gloss"]:
        return same["gloss"]
    own = _GLOSS_LINE.match(after.text) if after is not None and not after.blank_before else None
    return own["gloss"] if own else ""


def _timeline(lines: Sequence[_Line], reading: Reading, entity: Ref) -> Iterator[Fact]:
    """Timeline entries — a label line, a date line, its gloss: a headquarters the label names
    ('… HQ Oslo …') was inaugurated that day when the gloss says inaugurated or opened, a working
    group of the coalition ('Working group on …') announced when it says announced."""
    for index in range(1, len(lines)):
        line, label = lines[index], lines[index - 1]
        date = _opening_date(line)
        if date is None or not isinstance(date.value, dt.date) or _opening_date(label):
            continue
        after = lines[index + 1] if index + 1 < len(lines) else None
        gloss = _entry_gloss(reading, date, line, after)
        last = after if after is not None and gloss and _GLOSS_LINE.match(after.text) else line
        evidence = [span_at(reading.source, label.start, last.end)]
        hq = _HQ_WORD.search(label.text)
        places = [
            p
            for p in label.mentions
            if p.kind is MentionKind.PLACE and hq and p.span.start >= label.start + hq.end()
        ]
        group = NAMED_GROUP.search(label.text)
        if _INAUGURATED.match(gloss) and places:
            args: Args = {"post": command_post_ref(places[0].span.text), "inaugurated": date.value}
            yield make_fact(FactKind.COMMAND_POST, args, evidence, "infobox")
        elif _ANNOUNCED.match(gloss) and group and entity == COALITION:
            args = {
                "group": working_group_ref(group["topic"]),
                "group_kind": "working",
                "parent": COALITION,
                "announced_on": date.value,
            }
            yield make_fact(FactKind.GROUP, args, evidence, "infobox")


# -- captions ------------------------------------------------------------------------------

_AT_EVENT = re.compile(
    r"^(?P<names>.+?)\s+(?:at|during)\s+(?:an?\s+|the\s+)?(?P<event>[^.]*?"
    r"\b(?P<noun>conference|summit|meeting|talks|ceremony|session|signing)\b[^.]*?)\.?$"
)
"""A caption's list of people at an event ('A and B at a joint press conference')."""
_BRACKET = re.compile(r"\s*\((?P<words>[^()\n]*)\)")
_ABSENT = re.compile(r"\b(?:absent|not\s+present|did\s+not\s+attend|not\s+attending)\b", re.I)
_LIST_GLUE = re.compile(r"^[\s\u00a0,;&]*(?:and[\s\u00a0,]*)*$")


def _listed_people(unit: Unit, reading: Reading, names_end: int) -> list[Mention] | None:
    """The people a caption lists before its 'at' (titled or not: "French President A and B"),
    those a bracket says were absent left out; None when the list holds anything but names,
    their titles, brackets, commas and 'and'."""
    listed = [
        m
        for m in reading.mentions_in(unit.start, names_end)
        if m.kind in _LISTED and m.span.end <= names_end
    ]
    text = reading.source.text
    rest, present, cursor = [], [], unit.start
    for mention in listed:
        if mention.span.start < cursor:
            continue  # a title's state inside a titled name
        rest.append(text[cursor : mention.span.start])
        bracket = _BRACKET.match(text, mention.span.end, names_end)
        cursor = bracket.end() if bracket else mention.span.end
        absent = bracket is not None and _ABSENT.search(bracket["words"])
        if mention.kind is MentionKind.PERSON and not absent:
            present.append(mention)
    rest.append(text[cursor:names_end])
    glue = "".join(rest)
    return present if present and _LIST_GLUE.match(_BRACKET.sub("", glue)) else None


_LISTED = frozenset({MentionKind.PERSON, MentionKind.ROLE, MentionKind.STATE})


def _date_and_places(start: int, end: int, reading: Reading) -> tuple[dt.date, list[Ref]] | None:
    """The date and places of a stretch that is nothing else ('12 May 2026, Town Hall, Riga')."""
    mentions = [m for m in reading.mentions_in(start, end) if m.span.end <= end]
    dates = [m.value for m in mentions if m.kind is MentionKind.DATE]
    places = [m.value for m in mentions if m.kind is MentionKind.PLACE]
    day = dates[0] if len(dates) == 1 else None
    if not isinstance(day, dt.date) or not places or len(places) + 1 != len(mentions):
        return None
    text = reading.source.text
    cuts = [start, *(x for m in mentions for x in (m.span.start, m.span.end)), end]
    leftover = "".join(text[a:b] for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    refs = [p for p in places if isinstance(p, Ref)]
    return (day, refs) if _LIST_GLUE.match(leftover) else None


def _other_forum(unit: Unit, match: re.Match[str], reading: Reading) -> bool:
    """The event is another body's or two-sided ("at the G7 summit", "at the NATO summit", "at
    a bilateral meeting"): not a meeting the caption can give the coalition's day."""
    start, end = unit.start + match.start("event"), unit.start + match.end("event")
    bodies = [
        m
        for m in reading.mentions_in(start, end)
        if m.kind is MentionKind.ORGANIZATION and m.value != COALITION
    ]
    return bool(bodies) or names_another_forum(match["event"])


def _caption(line: _Line, reading: Reading) -> Iterator[Fact]:
    if len(line.units) < 2 or _PROSE_END.search(line.text):
        return
    first = line.units[0]
    match = _AT_EVENT.match(first.text)
    when = _date_and_places(line.units[1].start, line.end, reading)
    people = _listed_people(first, reading, first.start + match.end("names")) if match else None
    if match is None or when is None or not people or _other_forum(first, match, reading):
        return
    day, places = when
    kind = "summit" if match["noun"] == "summit" else "meeting"
    meeting = meeting_ref(day, kind)
    evidence = [span_at(reading.source, line.start, line.end)]
    args: Args = {"meeting": meeting, "date": day, "meeting_kind": kind}
    yield make_fact(FactKind.MEETING, args, evidence, "caption")
    venues = [p for p in places if "-" in p.key] or places  # a venue's key carries its town
    args = {"meeting": meeting, "place": venues[0]}
    yield make_fact(FactKind.MEETING_PLACE, args, evidence, "caption")
    for person in people:
        if not isinstance(person.value, Ref):
            continue
        state = person.of or reading.affiliations.get(person.value.key)
        args = {
            "meeting": meeting,
            "participant": person.value,
            "capacity": person.role,
            "on_behalf_of": state,
        }
        yield make_fact(FactKind.PARTICIPATION, args, evidence, "caption")


def captions(reading: Reading) -> Iterator[Fact]:
    """Meetings and their participants from photo captions (see the module docstring)."""
    for line in _lines(reading):
        yield from _caption(line, reading)
