"""Readers of flattened tables, numbered lists and infobox debris (Wikipedia captures).

A capture keeps a table as a header line of fused column names ("DateHostChairLocation…") and
one line per row whose cells run into each other. Each reader here is written against such a
*pattern* — a header found by its column names, rows found by their leading date, continuation
lines in brackets — never against offsets of one file, so another capture with the same kind of
table is read the same way. Fused numbers are split using what the table itself guarantees: row
numbers ascend 1..N ("215 March 2025" is row 2, 15 March), a year has four digits ("20252" is
2025 and count 2).
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from cowkg.extract.known import Args, Known, make_fact, span, state_prefix, state_ref
from cowkg.extract.layout import (
    Line,
    clean,
    defuse,
    lines,
    make_date,
    number,
    strip_refs,
)
from cowkg.mentions import COALITION, known_place_names, person_ref, slug
from cowkg.read.destinations import beneficiaries, first_allowed
from cowkg.types import EntityKind, Fact, FactKind, Quantity, Ref, Source, Span

log = logging.getLogger(__name__)

_MEETING_ROW = re.compile(
    r"^(?P<num>\d+(?:\s\d{1,2})?)\s(?P<month>[A-Z][a-z]+)\s(?P<year>\d{4})(?P<body>.*)$"
)
_HEADER_CONTINUATION = 4
"""Lines a wrapped header may take below its first line ('Countries', 'Ref.') before row 1."""
_FLAG = re.compile(r"^\s*Flag of (?P<flag>.+?)\.svg\s*")
_QUALIFIER = re.compile(r"^\s*\((?P<q>[^)]*)\)\s*")
_FORMAT = re.compile(r"^(?P<mode>virtual|hybrid|online)\b.*?\b(?:meeting|summit|call)\b", re.I)
_FORMATS = {"virtual": "virtual", "online": "virtual", "hybrid": "hybrid"}
_VENUE_WORD = re.compile(
    r"\b(?:House|Palace|Headquarters|headquarters|HQ|Office|Base|Fort|Castle|Hall|Cent(?:re|er)|"
    r"Building|Chancellery|Residence|Embassy|Ministry)\b"
)
_ATTENDANCE_ROW = re.compile(
    r"^(?P<month>[A-Z][a-z]+)\s(?P<day>\d{1,2}),\s(?P<year>\d{4})(?P<rest>.*)$"
)
_TITLE = re.compile(
    r"\b(?:(?:Deputy|Vice|First|Foreign|Defen[cs]e)\s+)*"
    r"(?:Prime\s+[Mm]inister|Minister|President|Chancellor|Secretary)\b"
)
_OUTLINE = re.compile(
    r"(?P<who>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*) (?:outlined|set out|presented|listed) "
    r"(?P<n>\w+) (?:key |main )?(?:components|points|elements|steps|priorities)\b"
)
_ITEM = re.compile(r"^\s*(?P<i>\d+)\.\s+(?P<text>\S.*?)\s*$")
_COORD = re.compile(r"(?P<lat>\d+(?:\.\d+)?)°(?P<ns>[NS])\s+(?P<lon>\d+(?:\.\d+)?)°(?P<ew>[EW])")
_HQ = re.compile(r"\b(?:[A-Z]?HQ|headquarters)\b|\([^)]*\)", re.I)
_TALLY_LABELS = re.compile(r"^\s*[A-Z][a-z]+(?:[\s\u00a0]{2,}[A-Z][a-z]+)+\s*$")
_TALLY_NUMBERS = re.compile(r"^\s*(?P<nums>\d+(?:\s*•\s*\d+)+)(?:\s+as of\s+(?P<asof>.+?))?\s*$")


def read_tables(source: Source, known: Known) -> list[Fact]:
    """Every fact the structure readers find in ``source``."""
    meetings = read_meetings_table(source, known)
    return [
        *meetings,
        *read_attendance_tables(source, known, meetings),
        *read_representatives_table(source, known),
        *read_numbered_plans(source, known),
        *read_coordinates(source),
        *read_tallies(source),
    ]


def header_lines(all_lines: Sequence[Line], *columns: str) -> Iterator[int]:
    """Indexes of lines that start with the given column names fused together (case and spacing
    ignored): the header of a flattened table."""
    want = "".join(columns).casefold().replace(" ", "")
    for index, line in enumerate(all_lines):
        fused = "".join(line.text.split()).casefold()
        if fused.startswith(want):
            yield index


_COLUMN_GLUE = re.compile(r"(?<=[a-z.)])(?=[A-Z])")
"""Where a capture fused two column names: a capital right after a lower-case letter, a stop or
a closing bracket ("Date of meetingLocation (Format)Official Attendance")."""
_COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        ("date", r"\bdate\b|^when$|^day$"),
        ("host", r"\bhost"),
        ("chair", r"\bchair|\bpresid(?:ed|ency)\b"),
        ("location", r"\blocation\b|\bvenue\b|\bplace\b|\bcity\b"),
        ("format", r"\bformat\b|\bmode\b|\btype\b|\bkind\b"),
        (
            "person",
            r"\battendance\b|\battendee|\bofficial\b|\brepresent|\bleader\b|\bdelegat"
            r"|\bparticipant\b|\bname\b",
        ),
        ("capacity", r"\blevel\b|\btitle\b|\brole\b|\bcapacity\b|\bposition\b|\bpost\b"),
        ("count", r"^(?:count|no\.?|#|number|total|n)$"),
        ("ref", r"^refs?\.?$|^sources?$"),
    )
)
"""What a column holds, read from its name: the standard words of such tables, any order."""
_HEADER_WORDS = 12


@dataclass(frozen=True)
class Header:
    """A flattened table's header: its line, the column names in order and what each holds."""

    index: int
    columns: tuple[str, ...]
    roles: tuple[frozenset[str], ...]

    def has(self, role: str) -> bool:
        return any(role in r for r in self.roles)

    def position(self, role: str) -> int:
        """The first column holding ``role`` (-1 when none does)."""
        return next((i for i, r in enumerate(self.roles) if role in r), -1)


def column_roles(name: str) -> frozenset[str]:
    """What a column of that name holds ('Location (Format)' -> location and format)."""
    return frozenset(role for role, pattern in _COLUMN_ROLES if pattern.search(name.strip()))


def table_header(line: Line, index: int) -> Header | None:
    """The header a line is when its fused column names are mostly known ones (three columns at
    least, a date among them); None for any other line."""
    text = strip_refs(line.text).strip()
    if not text or len(text.split()) > _HEADER_WORDS:
        return None
    columns = tuple(c.strip() for c in _COLUMN_GLUE.split(text) if c.strip())
    roles = tuple(column_roles(c) for c in columns)
    known = sum(1 for r in roles if r)
    if len(columns) < 3 or known * 3 < len(columns) * 2 or not any("date" in r for r in roles):
        return None
    return Header(index, columns, roles)


def table_headers(all_lines: Sequence[Line], *needs: frozenset[str]) -> Iterator[Header]:
    """The headers of the flattened tables that have a column of each role group ``needs``."""
    for index, line in enumerate(all_lines):
        header = table_header(line, index)
        if header and all(any(header.has(role) for role in group) for group in needs):
            yield header


# -- the high-level meetings table -----------------------------------------------------------


@dataclass
class _Row:
    """One table row: its number, date, line span (with continuation lines) and cell text."""

    number: int
    date: dt.date
    start: int
    end: int
    body: list[str] = field(default_factory=list)


def meeting_rows(all_lines: Sequence[Line], header: int) -> list[_Row]:
    """The rows under a meetings-table header: a row starts with '<n><day> <Month> <year>',
    continues on lines that open with '(' or '[', and the table ends at any other line."""
    rows: list[_Row] = []
    for offset, line in enumerate(all_lines[header + 1 :]):
        match = _MEETING_ROW.match(line.text)
        parsed = _number_and_date(match, len(rows) + 1) if match else None
        if match and parsed:
            rows.append(_Row(parsed[0], parsed[1], line.start, line.end, [match["body"]]))
        elif rows and line.text.lstrip().startswith(("(", "[")):
            rows[-1].end = line.end
            rows[-1].body.append(line.text)
        elif rows or offset >= _HEADER_CONTINUATION:
            break
    return rows


def _number_and_date(match: re.Match[str], expected: int) -> tuple[int, dt.date] | None:
    """Split the fused row number and day: the reading whose row number is the expected one,
    else the smallest later row number that leaves a valid day."""
    num, month, year = match["num"], match["month"], int(match["year"])
    if not num.isdigit():
        first, second = num.split()
        splits = [(int(first), int(second))]
    else:
        splits = [(int(num[:i]), int(num[i:])) for i in range(1, len(num))]
    valid = [
        (row, found)
        for row, day in splits
        if row >= expected and (found := make_date(year, month, day)) is not None
    ]
    if not valid:
        return None
    exact = [v for v in valid if v[0] == expected]
    return exact[0] if exact else min(valid, key=lambda v: v[0])


@dataclass
class MeetingRow:
    """What one row of the meetings table says, read from its fused cells."""

    host: Ref | None = None
    kind: str = "summit"
    chairs: list[Ref] = field(default_factory=list)
    venue: str = ""
    format: str = ""


_CELL_ROLES = ("host", "chair", "location")
"""The cells of a meetings row after its date, in the order of the page this reader was first
written for; a header gives its own."""


def cell_order(header: Header | None) -> tuple[str, ...]:
    """The host, chair and location cells in the order the header's columns set them."""
    if header is None:
        return _CELL_ROLES
    order = [next((r for r in _CELL_ROLES if r in roles), "") for roles in header.roles]
    return tuple(dict.fromkeys(r for r in order if r))


def read_meeting_cells(body: str, known: Known, header: Header | None = None) -> MeetingRow:
    """The cells of a row in the order the header sets them: the host (a flag file and the name
    after it, or a state's name), its '(ministerial)' qualifier, the chair(s) and the location
    — a format ('Virtual meeting (…)', which ends the row) or a venue, the text up to the next
    cell: a glue point (a capital right after a lower-case letter: 'RomeFlag'), a flag file or a
    known person's name. An empty cell is skipped (the next column's cell is tried)."""
    row = MeetingRow()
    rest = clean(body)
    for role in cell_order(header):
        rest = _after_qualifier(rest, row)
        rest = rest[_format_cell(rest, row) :]
        if not rest:
            break
        if role == "host":
            rest = rest[_host_cell(rest, row) :]
        elif role == "chair":
            row.chairs, rest = _chairs(rest, known)
        else:
            cut = _next_cell(rest, known)
            row.venue, rest = rest[:cut].strip(" ,;"), rest[cut:]
            row.format = "in-person" if row.venue else row.format
    return row


def _after_qualifier(rest: str, row: MeetingRow) -> str:
    rest = rest.lstrip(" ,;")
    return rest[_qualifier_cell(rest, row) :].lstrip(" ,;")


def _host_cell(rest: str, row: MeetingRow) -> int:
    """Characters of a host cell at the start of ``rest`` (0 if none): a flag file and the name
    shown after it, or a state's name alone."""
    flag = _FLAG.match(rest)
    after = rest[flag.end() :] if flag else rest
    glue = next((m.start() for m in _GLUE_POINT.finditer(after) if m.start() > 0), len(after))
    shown = state_prefix(after[:glue])
    if flag is None:
        row.host = shown[0] if shown is not None else None
        return shown[1] if shown is not None else 0
    if shown is not None:
        row.host = shown[0]
        return flag.end() + shown[1]
    row.host = state_ref(re.sub(r"\(.*?\)", "", flag["flag"]).strip())
    return flag.end()


def _qualifier_cell(rest: str, row: MeetingRow) -> int:
    """Characters of a '(ministerial)' qualifier at the start of ``rest`` (0 if none)."""
    qualifier = _QUALIFIER.match(rest)
    if qualifier is None:
        return 0
    row.kind = "ministerial" if "ministerial" in qualifier["q"].lower() else row.kind
    return qualifier.end()


def _format_cell(rest: str, row: MeetingRow) -> int:
    """A format cell ('Hybrid meeting (…)'): the rest of the row, its gloss included."""
    mode = _FORMAT.match(rest)
    if mode is None:
        return 0
    row.format = _FORMATS[mode["mode"].lower()]
    return len(rest)


def _chairs(rest: str, known: Known) -> tuple[list[Ref], str]:
    """The chair(s) at the start of ``rest`` ('A, B' = co-chairs) and what follows them."""
    chairs: list[Ref] = []
    found = known.person_prefix(rest)
    while found is not None:
        ref, consumed = found
        chairs.append(ref)
        rest = rest[consumed:]
        comma = re.match(r"\s*,\s*", rest)
        found = known.person_prefix(rest[comma.end() :]) if comma else None
        if comma and found is not None:
            rest = rest[comma.end() :]
    return chairs, rest


_GLUE_POINT = re.compile(r"(?<=[a-zà-ÿ)])(?=[A-ZÀ-Þ])|(?=Flag of )")


def _next_cell(rest: str, known: Known) -> int:
    """Where the cell at the start of ``rest`` ends: a glue point, a flag file or a known
    person's name (two words at least) starting a later word; else the end of the row."""
    cuts = [m.start() for m in _GLUE_POINT.finditer(rest) if m.start() > 0]
    for word in re.finditer(r"(?<=\s)\S", rest):
        tail = rest[word.start() :]
        if any(" " in name and tail.startswith(name) for name in known.people):
            cuts.append(word.start())
            break
    return min(cuts, default=len(rest))


def meeting_ref(date: dt.date, kind: str) -> Ref:
    """A meeting by date and kind: the key every rule and seed shares (``2025-03-27-summit``)."""
    return Ref(EntityKind.MEETING, f"{date.isoformat()}-{kind}")


def place_ref(name: str) -> Ref:
    """A place by name; 'Fort Mont Valerien' and 'Mont Valérien' are one place (the fort on it)."""
    name = clean(name)
    core = re.sub(r"^(?:Fort|Forteresse du|Fortress)\s+", "", name)
    return Ref(EntityKind.PLACE, slug(core), name)


def read_meetings_table(source: Source, known: Known) -> list[Fact]:
    """MEETING (with ordinal), HOST, CHAIR, MEETING_PLACE and MEETING_FORMAT for each row of a
    meetings table: a header with a date and a host or chair column (any order, any other
    columns: :func:`table_header`)."""
    all_lines = lines(source)
    facts: list[Fact] = []
    for header in table_headers(all_lines, frozenset({"date"}), frozenset({"host", "chair"})):
        for row in meeting_rows(all_lines, header.index):
            cells = read_meeting_cells(" ".join(row.body), known, header)
            facts.extend(_meeting_facts(source, row, cells))
        log.debug("%s: meetings table at line %d read", source.file, header.index + 1)
    return facts


def _meeting_facts(source: Source, row: _Row, cells: MeetingRow) -> list[Fact]:
    meeting = meeting_ref(row.date, cells.kind)
    evidence = [span(source, row.start, row.end)]
    rule = "meetings-table"
    facts = [
        make_fact(
            FactKind.MEETING,
            {
                "meeting": meeting,
                "date": row.date,
                "meeting_kind": cells.kind,
                "ordinal": row.number,
                "body": COALITION,
            },
            evidence,
            rule,
        )
    ]
    if cells.host is not None:
        facts.append(
            make_fact(FactKind.HOST, {"meeting": meeting, "host": cells.host}, evidence, rule)
        )
    for chair in cells.chairs:
        facts.append(
            make_fact(FactKind.CHAIR, {"meeting": meeting, "chair": chair}, evidence, rule)
        )
    if cells.venue:
        place: Args = {"meeting": meeting, "place": place_ref(cells.venue)}
        facts.append(make_fact(FactKind.MEETING_PLACE, place, evidence, rule))
        for inner, outer in venue_within(cells.venue):
            within: Args = {"place": inner, "within": outer}
            facts.append(make_fact(FactKind.PLACE, within, evidence, rule))
    if cells.format:
        fmt: Args = {"meeting": meeting, "format": cells.format}
        facts.append(make_fact(FactKind.MEETING_FORMAT, fmt, evidence, rule))
    return facts


def venue_within(venue: str) -> list[tuple[Ref, Ref]]:
    """(place, the place it lies in) as a location cell writes them: 'Lancaster House, London' ->
    the venue in London; 'Kyiv, Mariinskyi Palace' -> in Kyiv; 'Office, Westminster, Greater
    London' -> in Westminster, which is in Greater London. The venue is the part with a venue
    word (House, Palace, Headquarters…); a cell with none says nothing of what lies in what."""
    parts = [clean(p) for p in venue.split(",") if clean(p)]
    venue_parts = [i for i, p in enumerate(parts) if _VENUE_WORD.search(p)]
    if len(parts) < 2 or not venue_parts:
        return []
    after = parts[venue_parts[-1] + 1 :]
    before = parts[: venue_parts[0]]
    chain = [place_ref(venue)] + [place_ref(p) for p in (after or before[::-1][:1])]
    return list(itertools.pairwise(chain))


# -- attendance tables (one state's participations) -----------------------------------------


@dataclass
class _Attendee:
    """The person a row names (or the row above it named), their title and where it was said."""

    person: Ref
    role: Ref
    stated: Span


@dataclass(frozen=True)
class _AttendanceTable:
    """Where an attendance table is (its header), its caption, the state it is about, and
    whether its caption names the coalition (its meetings are the coalition's)."""

    header: Header
    caption: Line
    state: Ref
    coalition: bool


_COALITION_WORDS = re.compile(r"\b(?:CoW|[Cc]oalition)\b")


def read_attendance_tables(source: Source, known: Known, meetings: Sequence[Fact]) -> list[Fact]:
    """Per row of one state's participation table (a header with a date and an attendee column,
    no host or chair; its caption names the state): the meeting (date, kind, place, format)
    and the PARTICIPATION of the person the row names, carried down to rows that leave the name
    out (a merged cell of the page)."""
    all_lines = lines(source)
    facts: list[Fact] = []
    for header in table_headers(all_lines, frozenset({"date"}), frozenset({"person"})):
        if header.has("host") or header.has("chair"):
            continue  # a meetings table
        caption = _title_line(all_lines, header.index)
        state = state_ref(clean(caption.text)) if caption is not None else None
        if caption is None or state is None:
            log.warning(
                "%s: attendance table at line %d names no state", source.file, header.index + 1
            )
            continue
        coalition = bool(_COALITION_WORDS.search(caption.text))
        table = _AttendanceTable(header, caption, state, coalition)
        facts.extend(_attendance_facts(source, known, meetings, all_lines, table))
    return facts


def _title_line(all_lines: Sequence[Line], header: int) -> Line | None:
    """The caption of a table: the nearest non-blank line above its header."""
    for line in reversed(all_lines[max(0, header - 3) : header]):
        if line.text.strip():
            return line
    return None


def _attendance_facts(
    source: Source,
    known: Known,
    meetings: Sequence[Fact],
    all_lines: Sequence[Line],
    table: _AttendanceTable,
) -> list[Fact]:
    facts: list[Fact] = []
    attendee: _Attendee | None = None
    caption = span(source, table.caption.start, table.caption.end)
    for count, (line, date, rest) in enumerate(_attendance_rows(all_lines, table.header), 1):
        middle = _without_count(rest, count, source, line) if table.header.has("count") else rest
        if date is None or middle is None:
            continue
        location, attendee = _attendance_cells(source, known, line, middle, attendee, table)
        cell = _location_cell(location, known)
        meeting = _attended_meeting(date, cell.kind, meetings)
        if _placed(meeting, meetings):
            cell = replace(cell, place=None)  # the meetings table names its venue
        row = span(source, line.start, line.end)
        facts.extend(_row_meeting_facts(meeting, date, cell, table, [caption, row]))
        if attendee is None:
            continue
        args: Args = {
            "meeting": meeting,
            "participant": attendee.person,
            "capacity": attendee.role,
            "on_behalf_of": table.state,
        }
        evidence = [caption, row, attendee.stated]
        facts.append(make_fact(FactKind.PARTICIPATION, args, evidence, "attendance-table"))
    return facts


_DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})\s(?P<month>[A-Z][a-z]+)\s(?P<year>\d{4})(?P<rest>.*)$")


def _attendance_rows(
    all_lines: Sequence[Line], header: Header
) -> Iterator[tuple[Line, dt.date | None, str]]:
    """Rows under a participation table's header: lines opening with a date ('Month D, YYYY'
    or 'D Month YYYY'; a wrapped header may take a few lines first); the first other line ends
    the table."""
    started = False
    for offset, line in enumerate(all_lines[header.index + 1 :]):
        match = _ATTENDANCE_ROW.match(line.text) or _DAY_FIRST.match(line.text)
        if match is None:
            if started or offset >= _HEADER_CONTINUATION:
                return
            continue
        started = True
        yield line, make_date(int(match["year"]), match["month"], int(match["day"])), match["rest"]


def _without_count(rest: str, expected: int, source: Source, line: Line) -> str | None:
    """The row's cells without the running count fused onto them ('20252' is 2025 + count 2;
    the four-digit year was already taken), checked against the expected count."""
    rest = strip_refs(rest).rstrip()
    match = re.search(r"(\d+)$", rest)
    if match is None:
        log.warning("%s: offset %d: attendance row has no count", source.file, line.start)
        return None
    if int(match.group(1)) != expected:
        log.warning(
            "%s: offset %d: attendance count %s, expected %d",
            source.file,
            line.start,
            match.group(1),
            expected,
        )
    return rest[: match.start()]


def _attendance_cells(
    source: Source,
    known: Known,
    line: Line,
    middle: str,
    previous: _Attendee | None,
    table: _AttendanceTable,
) -> tuple[str, _Attendee | None]:
    """(location cell, attendee): the title + name a row gives, else the row above's; the
    location is the text before the title, or after the name when the header sets the location
    column after the attendee's."""
    text = defuse(" ".join(strip_refs(middle).split()))
    has_location = table.header.has("location")
    title = _TITLE.search(text)
    found = known.person_prefix(text[title.end() :]) if title is not None else None
    if title is None or found is None:
        return (text if has_location else ""), previous
    role_name = " ".join(title.group(0).split())
    role = Ref(EntityKind.ROLE, slug(role_name.lower()), role_name.lower())
    attendee = _Attendee(found[0], role, span(source, line.start, line.end))
    after = table.header.position("location") > table.header.position("person")
    location = text[title.end() + found[1] :] if after else text[: title.start()]
    return (location if has_location else ""), attendee


@dataclass(frozen=True)
class _LocationCell:
    """What a participation table's location cell says: 'Brussels Ministerial', 'Virtual
    summit', 'Paris Summit (CoW)'."""

    kind: str | None
    place: Ref | None
    format: str | None
    forums: tuple[Ref, ...] = ()
    """The other bodies whose meeting it also is: a bracket naming forums joined by a slash,
    "(CoW/UDCG)", is a joint meeting (:func:`_joint_forums`)."""


_KIND_WORDS = re.compile(r"\b(?P<kind>summit|ministerial|meeting|call|conference)s?\b", re.I)
_MODE_WORDS = re.compile(r"\b(?P<mode>virtual|online|hybrid|video|in[- ]person)\b", re.I)


def _location_cell(text: str, known: Known) -> _LocationCell:
    """The kind ('summit', 'ministerial'), the place (a listed place's name in the cell), the
    format (virtual, hybrid) and the other forums of a joint meeting a location cell names."""
    kind = _KIND_WORDS.search(text)
    found = kind["kind"].lower() if kind else None
    mode = _MODE_WORDS.search(text)
    fmt = None
    if mode:
        word = mode["mode"].lower()
        fmt = "hybrid" if word == "hybrid" else "in-person" if "person" in word else "virtual"
    names = known_place_names()
    bare = re.sub(r"\([^()]*\)", " ", text)
    place = None
    for part in re.split(r"[,;/]|\s{2,}", _MODE_WORDS.sub(" ", _KIND_WORDS.sub(" ", bare))):
        name = clean(part)
        if name and slug(name) in names:
            place = place_ref(name)
            break
    kind_found = found if found in {"summit", "ministerial"} else None
    return _LocationCell(kind_found, place, fmt, _joint_forums(text, known))


_JOINT = re.compile(r"\((?P<names>[^()/]+(?:/[^()/]+)+)\)")
"""A bracket of names joined by slashes: "(CoW/UDCG)"."""


def _joint_forums(text: str, known: Known) -> tuple[Ref, ...]:
    """The organisations besides the coalition a cell's slashed bracket names ("Brussels
    Ministerial (CoW/UDCG)": the meeting is the coalition's and the UDCG's, held jointly). Every
    name of the bracket must be the coalition or an organisation the source's recogniser read
    (a bracket of anything else, "(video/phone)", names no forum); none when none is another
    body than the coalition."""
    match = _JOINT.search(text)
    if match is None:
        return ()
    names = [" ".join(n.split()) for n in match["names"].split("/")]
    coalition = [n for n in names if _COALITION_WORDS.fullmatch(n)]
    others = [known.organizations.get(n) for n in names if n not in coalition]
    if not coalition or any(ref is None for ref in others):
        return ()
    return tuple(dict.fromkeys(ref for ref in others if ref is not None))


def _row_meeting_facts(
    meeting: Ref, date: dt.date, cell: _LocationCell, table: _AttendanceTable, evidence: list[Span]
) -> list[Fact]:
    """The meeting a participation row names: its date (and kind), where and how it was held."""
    rule = "attendance-table"
    args: Args = {
        "meeting": meeting,
        "date": date,
        "meeting_kind": meeting.key.rsplit("-", 1)[-1],
        "body": COALITION if table.coalition else None,
    }
    facts = [make_fact(FactKind.MEETING, args, evidence, rule)]
    for forum in cell.forums:  # a joint meeting: the other forum's meeting too
        joint: Args = {**args, "body": forum}
        facts.append(make_fact(FactKind.MEETING, joint, evidence, rule))
    if cell.place is not None:
        place: Args = {"meeting": meeting, "place": cell.place}
        facts.append(make_fact(FactKind.MEETING_PLACE, place, evidence, rule))
    if cell.format is not None:
        fmt: Args = {"meeting": meeting, "format": cell.format}
        facts.append(make_fact(FactKind.MEETING_FORMAT, fmt, evidence, rule))
    return facts


def _placed(meeting: Ref, meetings: Sequence[Fact]) -> bool:
    """Whether the meetings table gives the meeting a place (its venue: 'Élysée Palace, Paris'
    says more than a participation row's 'Paris Summit')."""
    return any(f.kind is FactKind.MEETING_PLACE and f.args["meeting"] == meeting for f in meetings)


def _attended_meeting(date: dt.date, kind: str | None, meetings: Sequence[Fact]) -> Ref:
    """The meeting of a row: of the kind its location cell names ('Brussels Ministerial'), else
    the meetings table's meeting on that date, else a meeting of unknown kind (resolve merges
    it)."""
    if kind is not None:
        return meeting_ref(date, kind)
    for fact in meetings:
        if fact.kind is FactKind.MEETING and fact.args.get("date") == date:
            ref = fact.args["meeting"]
            if isinstance(ref, Ref):
                return ref
    return meeting_ref(date, "meeting")


# -- the organisations' representatives table -----------------------------------------------


def read_representatives_table(source: Source, known: Known) -> list[Fact]:
    """POST_HOLDING for each person of an 'Organisation / Represented by / Title' table.

    The caption says these people "also attended the above meetings"; it does not say which, and
    the next line says another official "took part in some of the summits", so no participation
    in any particular meeting is asserted from it.
    """
    all_lines = lines(source)
    facts: list[Fact] = []
    for spelling in ("Organisation", "Organization"):
        for header in header_lines(all_lines, spelling, "Represented by", "Title"):
            for row in _flag_rows(all_lines, header):
                facts.extend(_representative_facts(source, known, row))
    return facts


def _flag_rows(all_lines: Sequence[Line], header: int) -> list[list[Line]]:
    """Rows of a table whose rows open with a flag image name; a blank line ends the table."""
    rows: list[list[Line]] = []
    for line in all_lines[header + 1 :]:
        if not line.text.strip():
            break
        if _FLAG.match(line.text):
            rows.append([line])
        elif rows:
            rows[-1].append(line)
    return rows


def _representative_facts(source: Source, known: Known, row: list[Line]) -> list[Fact]:
    first = _FLAG.sub("", clean(row[0].text), count=1)
    org_end = _first_person_at(first, known)
    if org_end is None:
        return []
    organization = known.organization(first[:org_end])
    items = [first[org_end:]] + [clean(line.text) for line in row[1:]]
    names: list[Ref] = []
    titles: list[str] = []
    for item in filter(None, (i.strip() for i in items)):
        _split_item(item, known, names, titles)
    if len(names) != len(titles):
        log.warning(
            "%s: offset %d: %d names but %d titles",
            source.file,
            row[0].start,
            len(names),
            len(titles),
        )
        return []
    evidence = [span(source, row[0].start, row[-1].end)]
    facts = []
    for person, title in zip(names, titles, strict=True):
        role, org = _role_of(title, organization, known)
        args: Args = {"person": person, "role": role, "organization": org}
        facts.append(make_fact(FactKind.POST_HOLDING, args, evidence, "representatives-table"))
    return facts


def _first_person_at(text: str, known: Known) -> int | None:
    """Offset of the first word of ``text`` (after the first) where a person's name begins."""
    for word in re.finditer(r"(?<= )\S", text):
        if known.person_prefix(text[word.start() :]) is not None:
            return word.start()
    return None


def _split_item(item: str, known: Known, names: list[Ref], titles: list[str]) -> None:
    """An item is a person's name, a title, or a name followed by its title on one line."""
    found = known.person_prefix(item)
    if found is None:
        titles.append(item)
        return
    names.append(found[0])
    if item[found[1] :].strip():
        titles.append(item[found[1] :].strip())


def _role_of(title: str, organization: Ref, known: Known) -> tuple[Ref, Ref]:
    """'President of the European Council' -> (role president, European Council); a title
    without 'of' is a post in the row's organisation."""
    match = re.match(r"^(?P<role>.+?) of (?:the )?(?P<org>.+)$", title)
    role_name = (match["role"] if match else title).lower()
    org = known.organization(match["org"]) if match else organization
    return Ref(EntityKind.ROLE, slug(role_name), role_name), org


# -- numbered lists -------------------------------------------------------------------------


def read_numbered_plans(source: Source, known: Known) -> list[Fact]:
    """PLAN + PLAN_POINT from '<Person> outlined <n> key components' followed by a numbered
    list '1. … n.' (the list must have exactly n items)."""
    all_lines = lines(source)
    facts: list[Fact] = []
    for index, line in enumerate(all_lines):
        match = _OUTLINE.search(line.text)
        count = number(match["n"]) if match else None
        if match is None or count is None:
            continue
        items = _numbered_items(all_lines[index + 1 :], count)
        if items is None:
            continue
        who = match["who"]
        person = known.people.get(who) or person_ref(who)
        plan = Ref(
            EntityKind.PLAN, slug(f"{who} {count}-point plan"), f"{who}'s {count}-point plan"
        )
        outline = span(source, line.start + match.start(), line.start + match.end())
        args: Args = {"plan": plan, "plan_kind": "plan", "points": count, "outlined_by": person}
        facts.append(make_fact(FactKind.PLAN, args, [outline], "numbered-plan"))
        for position, (item, text) in enumerate(items, start=1):
            beneficiary = _point_beneficiary(source, known, item)
            point: Args = {
                "plan": plan,
                "position": position,
                "text": clean(text),
                "beneficiary": beneficiary,
                "about": _point_about(known, item, beneficiary) or None,
            }
            evidence = [
                span(source, item.start + len(item.text) - len(item.text.lstrip()), item.end)
            ]
            facts.append(make_fact(FactKind.PLAN_POINT, point, evidence, "numbered-plan"))
    return facts


def _point_beneficiary(source: Source, known: Known, item: Line) -> Ref | None:
    """The state a plan's point is for ("aid to X", "guarantee X's security"; see
    :mod:`cowkg.read.destinations`): the plan is for it too."""
    found = beneficiaries(source.text, known.states, item.start, item.end)
    return first_allowed(source.text, found, item.start)


def _point_about(known: Known, item: Line, beneficiary: Ref | None) -> tuple[Ref, ...]:
    """The states and organisations a plan's point names, in text order, but whom it is for
    ("increasing economic pressure on X", "a coalition of the willing …"): what it speaks of."""
    named = sorted((*known.states, *known.bodies), key=lambda m: m.span)
    inside = (m.value for m in named if item.start <= m.span.start and m.span.end <= item.end)
    return tuple(dict.fromkeys(r for r in inside if isinstance(r, Ref) and r != beneficiary))


def _numbered_items(following: Sequence[Line], count: int) -> list[tuple[Line, str]] | None:
    """The items '1. …' to 'count. …' right after an outline sentence (blank lines skipped)."""
    items: list[tuple[Line, str]] = []
    for line in following:
        if not line.text.strip():
            if items:
                break
            continue
        match = _ITEM.match(line.text)
        if match is None or int(match["i"]) != len(items) + 1:
            break
        items.append((line, match["text"]))
    return items if len(items) == count else None


# -- infobox debris -------------------------------------------------------------------------


def read_coordinates(source: Source) -> list[Fact]:
    """PLACE (lat/long) from infobox coordinates '50.45°N 30.5236°E', named by the caption line
    above them ('Mont Valérien, Paris HQ (PHQ)'); a caption naming an HQ also gives the command
    post's location."""
    all_lines = lines(source)
    facts: list[Fact] = []
    for index, line in enumerate(all_lines):
        match = _COORD.search(line.text)
        caption = _caption_above(all_lines, index) if match else None
        if match is None or caption is None:
            continue
        places, city = _caption_places(caption.text)
        if not places:
            continue
        evidence = [span(source, caption.start, caption.end), span(source, line.start, line.end)]
        lat = Decimal(match["lat"]) * (-1 if match["ns"] == "S" else 1)
        long = Decimal(match["lon"]) * (-1 if match["ew"] == "W" else 1)
        place = place_ref(places[0])
        within = place_ref(places[1]) if len(places) > 1 else None
        args: Args = {"place": place, "lat": lat, "long": long, "within": within}
        facts.append(make_fact(FactKind.PLACE, args, evidence, "infobox-coordinates"))
        if city:
            post = {"post": command_post_ref(city), "place": place}
            facts.append(make_fact(FactKind.COMMAND_POST, post, evidence, "infobox-coordinates"))
    return facts


def command_post_ref(city: str) -> Ref:
    """A headquarters by its city ('paris-hq'): the key the text rules and the infobox share."""
    city = clean(city)
    return Ref(EntityKind.COMMAND_POST, f"{slug(city)}-hq", f"{city} headquarters")


def _caption_above(all_lines: Sequence[Line], index: int) -> Line | None:
    for line in reversed(all_lines[max(0, index - 3) : index]):
        if line.text.strip() and not _COORD.search(line.text):
            return line
    return None


def _caption_places(caption: str) -> tuple[list[str], str]:
    """Places a caption names (states left out; the first is the place, the next contains it)
    and the city of the HQ it names ('' if it names none)."""
    places: list[str] = []
    city = ""
    for part in clean(caption).split(","):
        core = " ".join(_HQ.sub(" ", part).split())
        if not core:
            continue
        is_state = state_ref(core) is not None
        if _HQ.search(part) and not is_state:
            city = core
        if not is_state:
            places.append(core)
    if places and not city and any(_HQ.search(p) for p in caption.split(",")):
        city = places[0]
    return places, city


def read_tallies(source: Source) -> list[Fact]:
    """COUNT_CLAIM from an infobox tally: a line of labels ('Summits  Ministerials') and, below
    it, their numbers ('12 • 2 as of DEC 2025')."""
    all_lines = lines(source)
    facts: list[Fact] = []
    for index, line in enumerate(all_lines):
        if not _TALLY_LABELS.match(line.text):
            continue
        below = next((ln for ln in all_lines[index + 1 : index + 3] if ln.text.strip()), None)
        numbers = _TALLY_NUMBERS.match(below.text) if below else None
        labels = line.text.split()
        if below is None or numbers is None:
            continue
        values = [int(n) for n in re.findall(r"\d+", numbers["nums"])]
        if len(values) != len(labels):
            continue
        evidence = [span(source, line.start, below.end)]
        text = clean(f"{line.text} {below.text}")
        for label, value in zip(labels, values, strict=True):
            counted = label.lower()
            claim = Ref(
                EntityKind.CLAIM, f"{counted}-{source.file[:3]}-{line.start}", f"{value} {counted}"
            )
            qty = Quantity(Decimal(value), Decimal(value), counted)
            args: Args = {
                "claim": claim,
                "about": COALITION,
                "counted": counted,
                "quantity": qty,
                "text": text,
            }
            facts.append(make_fact(FactKind.COUNT_CLAIM, args, evidence, "infobox-tally"))
    return facts
