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
- **founder(s) / founding leader** → FOUNDING ``founded_by`` the people, organisations and
  states named (the counts of a founders' list name none: "Sixteen nations, 2 organizations");
- **leader(s) / chair / head** and **founding leader**: a title ("French president") then a
  name, often after a flag file ("Flag of France.svg Ana Ruiz") → POST_HOLDING (the person holds
  that post of the state the title or the flag names; nothing when they disagree); a leader of
  the subject also LEADS it for that state (``cow:ledBy``); a row of bare state names after it is
  left (it says nothing of who leads);
- **headquarters** → COMMAND_POST at the one place the value names (not "not established");
- **motives / purpose / aims / objectives / goals** whose value is a "to"-infinitive → the
  subject's stated aim: a PLAN ``planned_by`` it, status ``intended``, the value verbatim as its
  aim, with its beneficiary and area as the aim's words name them ("To strengthen <State>'s
  defences": ``beneficiary``); any other value, or a negated one, gives nothing;
- **summits / meetings held** → a MEETING of the subject's of that kind on every date of the
  value's lines.

- **timeline** entries — a label line (a line naming only the state of the label's place may
  follow it: 'Midsummer ceremonies, Oslo' / 'Norway'), a line opening with a date, its bracketed
  gloss after the date or alone on the next line: a headquarters the label names ('Joint HQ
  Oslo') was inaugurated that day when the gloss says inaugurated or opened (COMMAND_POST), a
  working group of the coalition ('Working group on <topic>') announced when it says announced
  (GROUP); an event at one place ('<event>, <city>') where the subject was discussed or agreed
  on ('(discussed, agreed on)') is a MEETING there that day (of no body: the entry names none);
  'Inaugural / First summit(s)' gives the subject's summits on each date of the line ('April
  8/21, 2026'); '<person> chair statement' with no gloss gives the meeting of that day and its
  CHAIR. Any other gloss ('first met', 'revealed', 'mentioned as …') gives nothing, and so does a
  bare date list under a label that says not what happened ('Since November 2024').

- **cells with flags and icons** (fields of the military-operation template): 'Political
  leaders' (the table's other headers may follow it) over the first cell of states only ('A Flag
  of A and B.svg B') → each state LEADS the subject; 'Planned by <Flag of A and B.svg> <code>'
  → the post of that headquarters code has A and B as its lead nations (``cow:leadNation``);
  '<icon.svg> <demonym> Army, <code>' under 'Commanded by' → the post of that code has its
  commander from that army's state (``cow:commanderNation``). A code ('PHQ', 'CHQ') is the post
  of the place written before 'HQ (<code>)', else of the one place a line holding the code
  names ('Riga Flag of Latvia.svg LVA RHQ'); a code given two places, or none, is left.

- **a place's state**: a cell naming places and one state, by name or flag, on its line or on
  the line under it (a line of states only, or a flag file before coordinates) → PLACE
  ``state`` (``cow:inState``) for each place the place list puts in that state; a cell naming
  anything else (a person, a date, an organisation) or two states gives nothing.

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
from cowkg.extract.layout import normalise_name
from cowkg.extract.tables import command_post_ref, meeting_ref
from cowkg.mentions import COALITION, place_state
from cowkg.read.frame import names_another_forum
from cowkg.read.mappings.naming import source_forces
from cowkg.read.mappings.plans import intention_args
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
        ("aims", r"Motives?|Aims?|Purpose|Objectives?|Goals?"),
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
_GLOSS = re.compile(r"\s*\((?P<gloss>[A-Za-z][^()\[\]\n]*?)\s*(?:\)|,|$)")
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
        if not _day(mention):
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
    days = {d.value for d in dates if _day(d)}
    places = {p.value for p in row.mentions(MentionKind.PLACE) if isinstance(p.value, Ref)}
    return places.pop() if len(days) == 1 and len(places) == 1 else None


def _day(mention: Mention) -> dt.date | None:
    """The calendar day a date mention names, not a relative one ('Today'); the recogniser takes
    the ISO repeat of a date ('April 4, 2026 (2026-04-04)') into the date's mention."""
    relative = mention.form == "relative"
    return mention.value if isinstance(mention.value, dt.date) and not relative else None


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
    """The people, organisations and states a founders' row lists (its counts name none)."""
    named = [m for kind in _FOUNDER_KINDS for m in row.mentions(kind)]
    founders = tuple(
        dict.fromkeys(
            m.value
            for m in sorted(named, key=lambda m: m.span.start)
            if isinstance(m.value, Ref) and m.value != entity
        )
    )
    if founders:
        args: Args = {"entity": entity, "founded_by": founders}
        yield make_fact(FactKind.FOUNDING, args, row.evidence(reading), "infobox")


_FOUNDER_KINDS = (MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.STATE)


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
    for mention in row.mentions(MentionKind.DATE):
        day = _day(mention)
        if day is not None:
            line = next(ln for ln in row.lines if ln.start <= mention.span.start < ln.end)
            yield _subject_meeting(day, kind, entity, row.evidence(reading, line))


def _subject_meeting(day: dt.date, kind: str, entity: Ref, evidence: Sequence[Span]) -> Fact:
    """A meeting of the subject's (its body when the subject is the coalition) on ``day``."""
    args: Args = {
        "meeting": meeting_ref(day, kind),
        "date": day,
        "meeting_kind": kind,
        "body": entity if entity.kind is EntityKind.COALITION else None,
    }
    return make_fact(FactKind.MEETING, args, evidence, "infobox")


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


_INFINITIVE = re.compile(r"^[\s\u00a0]*[Tt]o[\s\u00a0]+[a-z]")


def _aims(row: _Row, reading: Reading, entity: Ref) -> Iterator[Fact]:
    """ "Motives / Purpose / Aims  To <do> …": what the subject is to do, in its words, is its
    stated aim (PLAN ``planned_by`` the subject, status ``intended``), with whom it is for and
    where it acts as the aim's words say (:func:`cowkg.read.mappings.plans.intention_args`). A
    value that is no "to"-infinitive ("Aims  Peace", a list of goals) is no aim of anyone's;
    nor is a negated one."""
    line = row.lines[0]
    start, end = row.value_start, line.start + len(_FOOTNOTES.sub("", line.text))
    value = reading.source.text[start:end]
    if not _INFINITIVE.match(value) or _NEGATION.search(value):
        return
    start += len(value) - len(value.lstrip())
    args = intention_args(reading, (entity,), (start, end), "intended")
    yield make_fact(FactKind.PLAN, args, row.evidence(reading, line), "infobox")


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
        elif row.field == "aims":
            yield from _aims(row, reading, entity)
    yield from _timeline(lines, reading, entity)
    yield from _name_uses(lines, reading)
    yield from _cells(lines, reading, entity)
    yield from _place_states(lines, reading)


# -- a force's name in the establishment block ----------------------------------------------

_NAME_GLOSSES = (
    (re.compile(r"^(?:mentioned|titled|named|called|first\s+used|used)\b", re.I), "used"),
    (re.compile(r"^(?:revealed|unveiled|disclosed)\b", re.I), "revealed"),
    (re.compile(r"^confirmed\b", re.I), "confirmed"),
    (re.compile(r"^(?:adopted|renamed)\b", re.I), "adopted"),
)
"""A dated line's gloss under a name, by the act (``cow:nameAct``) it says was done with it."""


def _block_name(lines: Sequence[_Line], index: int, reading: Reading) -> tuple[Ref, str] | None:
    """The force or coalition whose name heads the dated lines above ``index``: the last line
    not opening with a date, or the name line over its bracketed acronym ('Name' / '(ACR)')."""
    above = index - 1
    while above >= 0 and _opening_date(lines[above]):
        above -= 1
    names = source_forces(reading)
    for at in (above, above - 1):
        if at < 0:
            continue
        text = re.sub(r"[\s\u00a0]+", " ", _DISAMBIGUATOR.sub("", lines[at].text)).strip()
        entity = names.get(normalise_name(text)) if text else None
        if entity is not None:
            return entity, text
    return None


def _name_uses(lines: Sequence[_Line], reading: Reading) -> Iterator[Fact]:
    """A dated line glossed as a use of the name above it ('(mentioned as titled in …)',
    '(revealed …)') → NAME of that force with the act and the date; a line with only a
    footnote says nothing."""
    for index, line in enumerate(lines):
        date = _opening_date(line)
        same = _GLOSS.match(reading.source.text, date.span.end, line.end) if date else None
        gloss = same["gloss"] if same and same["gloss"] else ""
        act = next((a for pattern, a in _NAME_GLOSSES if pattern.match(gloss)), None)
        named = _block_name(lines, index, reading) if act and date else None
        if named is None or date is None or not isinstance(date.value, dt.date):
            continue
        entity, label = named
        args: Args = {"entity": entity, "label": label, "lang": "en", "alternative": True,
                      "act": act, "date": date.value}  # fmt: skip
        yield make_fact(FactKind.NAME, args, [span_at(reading.source, line.start, line.end)],
                        "infobox")  # fmt: skip


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
    return first if _day(first) else None


def _entry_gloss(reading: Reading, date: Mention, line: _Line, after: _Line | None) -> str:
    """A timeline date's gloss: in brackets after it, or alone on the next line."""
    same = _GLOSS.match(reading.source.text, date.span.end, line.end)
    if same and same["gloss"]:
        return same["gloss"]
    own = _GLOSS_LINE.match(after.text) if after is not None and not after.blank_before else None
    return own["gloss"] if own else ""


@dataclass(frozen=True)
class _Entry:
    """One timeline entry: its label line, the date it opens its date line with, its gloss, and
    the passage from the label to the gloss."""

    label: _Line
    line: _Line
    date: dt.date
    gloss: str
    evidence: list[Span]


def _entries(lines: Sequence[_Line], reading: Reading) -> Iterator[_Entry]:
    """Every label / date / gloss entry; a line naming only states between the label and the
    date ('Oslo ceremony' / 'Norway' / '3 May 2026') is the label's, the state of its place."""
    for index in range(1, len(lines)):
        line, label = lines[index], lines[index - 1]
        date = _opening_date(line)
        if date is None or not isinstance(date.value, dt.date) or _opening_date(label):
            continue
        if index > 1 and _states_only(label) is not None and not _opening_date(lines[index - 2]):
            label = lines[index - 2]
        after = lines[index + 1] if index + 1 < len(lines) else None
        gloss = _entry_gloss(reading, date, line, after)
        last = after if after is not None and gloss and _GLOSS_LINE.match(after.text) else line
        evidence = [span_at(reading.source, label.start, last.end)]
        yield _Entry(label, line, date.value, gloss, evidence)


def _timeline(lines: Sequence[_Line], reading: Reading, entity: Ref) -> Iterator[Fact]:
    """Timeline entries — a label line, a date line, its gloss (see the module docstring)."""
    for entry in _entries(lines, reading):
        label, gloss, evidence = entry.label, entry.gloss, entry.evidence
        hq = _HQ_WORD.search(label.text)
        places = [p for p in label.mentions if p.kind is MentionKind.PLACE]
        after_hq = [p for p in places if hq and p.span.start >= label.start + hq.end()]
        group = NAMED_GROUP.search(label.text)
        if _INAUGURATED.match(gloss) and after_hq:
            args: Args = {
                "post": command_post_ref(after_hq[0].span.text),
                "inaugurated": entry.date,
            }
            yield make_fact(FactKind.COMMAND_POST, args, evidence, "infobox")
        elif _ANNOUNCED.match(gloss) and group and entity == COALITION:
            args = {
                "group": working_group_ref(group["topic"]),
                "group_kind": "working",
                "parent": COALITION,
                "announced_on": entry.date,
            }
            yield make_fact(FactKind.GROUP, args, evidence, "infobox")
        elif _DISCUSSED.match(gloss) and len({p.value for p in places}) == 1 and not hq:
            yield from _discussed_at(entry, places[0])
        elif _FIRST_MEETINGS.search(label.text):
            yield from _first_meetings(entry, entity)
        elif not gloss and _CHAIR_STATEMENT.search(label.text):
            yield from _chair_statement(entry)


_DISCUSSED = re.compile(r"^(?:discussed|agreed|talked)\b", re.I)
_FIRST_MEETINGS = re.compile(
    r"^[\s\u00a0]*(?:Inaugural|First|Founding)[\s\u00a0]+(?P<noun>summit|meeting)s?(?:/s)?"
    r"[\s\u00a0]*$",
    re.I,
)
_CHAIR_STATEMENT = re.compile(r"\bchair(?:['’]s|man['’]s)?[\s\u00a0]+statement\b", re.I)


def _discussed_at(entry: _Entry, place: Mention) -> Iterator[Fact]:
    """'<event>, <place>' / date / '(discussed, agreed on)': the subject was discussed at an
    event of that day and place, a meeting (of no body the entry names)."""
    meeting = meeting_ref(entry.date, "meeting")
    args: Args = {"meeting": meeting, "date": entry.date, "meeting_kind": "meeting"}
    yield make_fact(FactKind.MEETING, args, entry.evidence, "infobox")
    if isinstance(place.value, Ref):
        args = {"meeting": meeting, "place": place.value}
        yield make_fact(FactKind.MEETING_PLACE, args, entry.evidence, "infobox")


def _first_meetings(entry: _Entry, entity: Ref) -> Iterator[Fact]:
    """'Inaugural summit/s' / 'March 2/15, 2026': the subject's first summits, one per date of
    the date line."""
    match = _FIRST_MEETINGS.search(entry.label.text)
    kind = "summit" if match is not None and match["noun"].lower() == "summit" else "meeting"
    for mention in entry.line.mentions:
        day = _day(mention) if mention.kind is MentionKind.DATE else None
        if day is not None:
            yield _subject_meeting(day, kind, entity, entry.evidence)


def _chair_statement(entry: _Entry) -> Iterator[Fact]:
    """'<person> chair statement' / date: the person chaired the meeting of that day (the
    resolver makes it the one meeting of known kind held that day)."""
    people = {m.value for m in entry.label.mentions if m.kind is MentionKind.PERSON}
    person = people.pop() if len(people) == 1 else None
    if not isinstance(person, Ref):
        return
    meeting = meeting_ref(entry.date, "meeting")
    args: Args = {"meeting": meeting, "date": entry.date, "meeting_kind": "meeting"}
    yield make_fact(FactKind.MEETING, args, entry.evidence, "infobox")
    args = {"meeting": meeting, "chair": person}
    yield make_fact(FactKind.CHAIR, args, entry.evidence, "infobox")


# -- cells: flags, icons and post codes ---------------------------------------------------------

_POST_CODE = re.compile(r"\b[A-Z]{1,3}HQ\b")
"""A headquarters' code in a table cell ('PHQ', 'CHQ', 'JHQ'), bare 'HQ' not."""
_CODE_DEFINED = re.compile(r"[ \u00a0]+HQ[ \u00a0]*\((?P<code>[A-Z]{1,3}HQ)\)")
"""A code defined after the headquarters it abbreviates: 'Oslo HQ (OHQ)'."""
_ARMY = re.compile(r"[ \u00a0]+(?:Army|Navy|Air[ \u00a0]+Force|Armed[ \u00a0]+Forces)\b")
"""A state's service after its demonym ('French Army', 'Flag of the British Army.svg')."""
_ARMY_NAME = re.compile(r"[ \u00a0](?:Army|Navy|Air[ \u00a0]+Force|Armed[ \u00a0]+Forces)$")
"""A state's service named after it, one organisation's mention whose ``of`` is the state
(:func:`cowkg.read.agents.with_open_mentions`)."""
_CELL_LABELS = (
    ("political-leaders", re.compile(r"^Political[ \u00a0]+leaders?(?:[ \u00a0]*$)")),
    ("planned-by", re.compile(r"^Planned[ \u00a0]+by\b")),
    ("commanded-by", re.compile(r"^Commanded[ \u00a0]+by\b")),
)
"""Fields of the template of a military operation whose cells hold flags and icons."""
_FLAG_FILE = re.compile(r"Flag of [^\n]*?\.svg")
_CELL_GLUE = re.compile(r"^[\s\u00a0,;&|•/]*(?:and[\s\u00a0,]*)*$")


def _post_codes(lines: Sequence[_Line]) -> dict[str, Ref]:
    """Each headquarters code of the page → its post: the place before 'HQ (code)', else the
    one place a line with the code names ('Oslo Flag of Norway.svg NOR CHQ'); a code given two
    places is left."""
    found: dict[str, set[Ref]] = {}
    for line in lines:
        places = [m for m in line.mentions if m.kind is MentionKind.PLACE]
        for code in _POST_CODE.finditer(line.text):
            defined = _CODE_DEFINED.search(line.text)
            if defined is not None and defined["code"] == code[0]:
                before = [p for p in places if p.span.end == line.start + defined.start()]
            else:
                before = places if len({p.value for p in places}) == 1 else []
            for place in before[:1]:
                found.setdefault(code[0], set()).add(command_post_ref(place.span.text))
    return {code: posts.pop() for code, posts in found.items() if len(posts) == 1}


def _states_only(line: _Line) -> list[Ref] | None:
    """The states of a cell that holds nothing else (their names, flag files, glue): 'France
    Flag of France and the United Kingdom.svg UK'; None for any other line."""
    text, states, cuts = line.text, [], []
    for mention in line.mentions:
        if mention.kind is not MentionKind.STATE or not isinstance(mention.value, Ref):
            return None
        states.append(mention.value)
        cuts.append((mention.span.start - line.start, mention.span.end - line.start))
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + " " + text[end:]
    bare = _FOOTNOTES.sub("", _FLAG_FILE.sub(" ", text))
    return list(dict.fromkeys(states)) if states and _CELL_GLUE.match(bare) else None


def _cell_field(line: _Line) -> str | None:
    if line.bulleted or not _row_shaped(line):
        return None
    return next((field for field, label in _CELL_LABELS if label.match(line.text)), None)


def _cells(lines: Sequence[_Line], reading: Reading, entity: Ref) -> Iterator[Fact]:
    """Fields whose cells hold flags and icons (see the module docstring)."""
    codes: dict[str, Ref] | None = None
    for index, line in enumerate(lines):
        field = _cell_field(line)
        if field is None:
            continue
        following = list(_cell_lines(lines, index))
        if field == "political-leaders":
            yield from _political_leaders(line, following, reading, entity)
            continue
        codes = _post_codes(lines) if codes is None else codes
        if field == "planned-by":
            yield from _planned_by(line, codes, reading)
        else:
            for cell in (line, *following):
                yield from _commanded_by(line, cell, codes, reading)


def _cell_lines(lines: Sequence[_Line], index: int) -> Iterator[_Line]:
    """The lines after a cell field's label, up to a blank line, another label or four lines."""
    for line in lines[index + 1 : index + 5]:
        if line.blank_before or _label(line) is not None or _cell_field(line) is not None:
            return
        yield line


def _political_leaders(
    label: _Line, following: Sequence[_Line], reading: Reading, entity: Ref
) -> Iterator[Fact]:
    """'Political leaders' (with the table's other headers after it), then the first cell of
    states only: each of them LEADS the subject."""
    cell = next((ln for ln in following if _states_only(ln) is not None), None)
    if cell is None or any(ln.mentions for ln in following[: following.index(cell)]):
        return
    evidence = [span_at(reading.source, ln.start, ln.end) for ln in (label, cell)]
    for state in _states_only(cell) or ():
        yield make_fact(FactKind.LEADS, {"coalition": entity, "leader": state}, evidence, "infobox")


def _planned_by(line: _Line, codes: dict[str, Ref], reading: Reading) -> Iterator[Fact]:
    """'Planned by <Flag of A and B.svg> <code>': the post of that code is A and B's (its lead
    nations), as the flag file names them."""
    flag = _FLAG_FILE.search(line.text)
    code = _POST_CODE.search(line.text, flag.end()) if flag is not None else None
    if flag is None or code is None or code[0] not in codes:
        return
    start, end = line.start + flag.start(), line.start + flag.end()
    states = tuple(
        dict.fromkeys(
            m.value
            for m in line.mentions
            if m.kind is MentionKind.STATE
            and start <= m.span.start < end
            and isinstance(m.value, Ref)
        )
    )
    if states:
        args: Args = {"post": codes[code[0]], "lead_nations": states}
        evidence = [span_at(reading.source, line.start, line.end)]
        yield make_fact(FactKind.COMMAND_POST, args, evidence, "infobox")


def _commanded_by(
    label: _Line, cell: _Line, codes: dict[str, Ref], reading: Reading
) -> Iterator[Fact]:
    """'<icon.svg> <demonym> Army, <code>' under 'Commanded by': the post of that code has its
    commander from that army's state."""
    armies = {
        m.value
        for m in cell.mentions
        if m.kind is MentionKind.STATE and _ARMY.match(reading.source.text, m.span.end)
    } | {m.of for m in cell.mentions if m.of is not None and _ARMY_NAME.search(m.span.text)}
    code = _POST_CODE.search(cell.text)
    if len(armies) != 1 or code is None or code[0] not in codes:
        return
    args: Args = {"post": codes[code[0]], "commander_nation": armies.pop()}
    evidence = [span_at(reading.source, ln.start, ln.end) for ln in dict.fromkeys((label, cell))]
    yield make_fact(FactKind.COMMAND_POST, args, evidence, "infobox")


# -- a place's state ----------------------------------------------------------------------------

_PLACE_CELL = frozenset({MentionKind.PLACE, MentionKind.STATE})
_FLAG_OPENING = re.compile(r"^Flag of [^\n]*?\.svg")


def _place_states(lines: Sequence[_Line], reading: Reading) -> Iterator[Fact]:
    """A cell naming places and one state — its name or flag on the line, or on the line under
    it when that line names states only or opens with a flag before coordinates ('Kyiv Flag of
    Ukraine.svg UKR CHQ', 'Oslo HQ' / 'Flag of Norway.svg 59°54′N …', 'Midsummer ceremonies,
    Oslo' / 'Norway'): each place the place list puts in that state lies in it (a state the
    list does not confirm is left)."""
    for index, line in enumerate(lines):
        if not _row_shaped(line) or not any(m.kind is MentionKind.PLACE for m in line.mentions):
            continue
        cell = [line]
        under = lines[index + 1] if index + 1 < len(lines) else None
        if (
            under is not None
            and not any(m.kind is MentionKind.PLACE for m in under.mentions)
            and (_states_only(under) is not None or _FLAG_OPENING.match(under.text))
        ):
            cell.append(under)
        mentions = [m for ln in cell for m in ln.mentions]
        if any(m.kind not in _PLACE_CELL for m in mentions):  # a cell of places and states
            continue
        states = {m.value for m in mentions if m.kind is MentionKind.STATE}
        state = states.pop() if len(states) == 1 else None
        if not isinstance(state, Ref):
            continue
        evidence = [span_at(reading.source, ln.start, ln.end) for ln in cell]
        places = {m.value for m in mentions if m.kind is MentionKind.PLACE}
        for place in sorted((p for p in places if isinstance(p, Ref)), key=lambda p: p.key):
            if place_state(place.key) == state.key:
                args: Args = {"place": place, "state": state}
                yield make_fact(FactKind.PLACE, args, evidence, "infobox")


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
