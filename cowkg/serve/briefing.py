"""The briefing at the top of an entity page: what an analyst asks first, each fact with its quotes.

A meeting page answers when, where, in what format, who hosted and chaired it, who attended
(states, people with their posts, organisations; in person or online), who stayed away, what was
pledged and said there and how many took part by each source's count; a state's page its meetings,
the posts of its people, its pledges and its membership over time; a person's page their posts,
meetings and statements.

Each section is one SPARQL group pattern (:class:`Section`) in which exactly one triple is read
inside ``GRAPH ?g``: the fact graph(s) stating it name the evidence behind the row (a fact graph
holds the whole fact, so the graph stating "the meeting has this participation" also states its
participant, capacity and mode). All sections of a kind go to the store as one UNION query; rows
are grouped per section and key, and rows that read the same (three sources' "31 countries") are
merged, keeping every source. Statements (``cow:Statement``) are shown where the graph has them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from cowkg.serve.backends import Solutions
from cowkg.serve.quotes import spoken_date
from cowkg.serve.renderers import Term
from cowkg.serve.views import TermView

# Names for the few values the graph does not label (schema.org terms, the ontology's individuals)
VALUE_NAMES = {
    "https://schema.org/OfflineEventAttendanceMode": "in person",
    "https://schema.org/OnlineEventAttendanceMode": "online",
    "https://schema.org/MixedEventAttendanceMode": "hybrid",
    "https://w3id.org/cowkg/ontology#basisAttendance": "attendance",
    "https://w3id.org/cowkg/ontology#basisAnnouncement": "announcement",
    "https://w3id.org/cowkg/ontology#basisPledge": "pledge",
    "https://w3id.org/cowkg/ontology#basisFounding": "founding",
}


Columns = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Section:
    """One part of a briefing: a group pattern over ``$e`` (the entity) binding ``?g`` (the fact
    graph of its one ``GRAPH ?g { … }`` triple), the key variables of a row and its columns."""

    name: str
    title: str
    pattern: str
    columns: Columns
    key: tuple[str, ...] = ("row",)
    sort: tuple[str, ...] = ()
    # (grouping column, value column): rows of one group with different values disagree
    conflict: tuple[str, str] | None = None
    # (column, graph variable): a column whose values rest on facts of their own (the posts a
    # participant holds), quoted in the cell rather than with the row
    sourced: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage of a seed a fact rests on, as stored and as shown."""

    exact: str
    shown: str
    start: int
    end: int
    source: TermView
    file: str
    method: str


@dataclass
class Row:
    """One line of a section: the values of each column and the passages behind them."""

    cells: dict[str, list[TermView]]
    graphs: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    sort_key: tuple[str, ...] = ()
    # kinds of the graphs stating it that carry no quote ("alignment", "inferred")
    unquoted: list[str] = field(default_factory=list)
    cell_graphs: dict[str, set[str]] = field(default_factory=dict)
    cell_evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def first(self, column: str) -> TermView | None:
        values = self.cells.get(column) or []
        return values[0] if values else None


@dataclass
class SectionView:
    """A section as the template shows it: tables (a heading, columns, rows) and, when its
    sources disagree, what they disagree on."""

    name: str
    title: str
    tables: list[tuple[str, Columns, list[Row]]]
    conflicts: list[str] = field(default_factory=list)


def section_view(section: Section, rows: list[Row]) -> SectionView:
    """How a section is laid out: key facts one small table per field ("Date", "Host"…),
    participants split into states, people and organisations, the others one table."""
    tables: list[tuple[str, Columns, list[Row]]]
    if section is OVERVIEW:
        fields: dict[str, list[Row]] = {}
        for row in rows:
            fields.setdefault(" ".join(v.text for v in row.cells["field"]), []).append(row)
        tables = [(name, (("value", ""),), members) for name, members in fields.items()]
    elif section is PARTICIPANTS:
        tables = split_participants(rows)
    else:
        tables = [("", section.columns, rows)]
    tables = [(heading, _filled(columns, members), members) for heading, columns, members in tables]
    return SectionView(section.name, section.title, tables, conflicts(section, rows))


def _filled(columns: Columns, rows: list[Row]) -> Columns:
    """The columns some row has a value in (no empty "Mode" column when all attended in person)."""
    return tuple(c for c in columns if any(row.cells.get(c[0]) for row in rows))


PARTICIPATION = """OPTIONAL { ?row cow:inCapacityOf ?capacity }
  OPTIONAL { ?row cow:onBehalfOf ?behalf }
  OPTIONAL { ?row cow:participationMode ?mode }"""

PLEDGE = """OPTIONAL { ?row cow:pledgeKind ?kind }
  OPTIONAL { ?row cow:pledgeQuantity ?q . ?q schema:unitText ?unit .
    OPTIONAL { ?q schema:minValue ?qmin } OPTIONAL { ?q schema:maxValue ?qmax }
    BIND(CONCAT(IF(BOUND(?qmin), STR(?qmin), ""),
                IF(BOUND(?qmax) && (!BOUND(?qmin) || ?qmax != ?qmin), CONCAT("–", STR(?qmax)), ""),
                " ", ?unit) AS ?quantity) }
  OPTIONAL { ?row cow:purpose ?purpose }
  OPTIONAL { ?row cow:pledgeDate ?date }"""

STATEMENT = """?row a ?skind . FILTER(?skind IN (cow:Statement, cow:Principle))
  OPTIONAL { ?row cow:statementText|schema:text ?text }"""

MEETING_OF_ROW = "?meeting schema:startDate ?date ."

OVERVIEW = Section(
    "overview",
    "Key facts",
    """{ VALUES (?prop ?order ?field) {
    (schema:startDate 1 "Date") (schema:endDate 2 "Until") (schema:name 3 "Name")
    (schema:location 4 "Place") (schema:eventAttendanceMode 5 "Format") (cow:hostedBy 6 "Host")
    (cow:chairedBy 7 "Chair") (cow:meetingOf 8 "Meeting of")
    (cow:iso3166Alpha2 9 "ISO 3166 alpha-2") (cow:iso3166Alpha3 10 "ISO 3166 alpha-3")
    (owl:sameAs 11 "Same as") (cow:ledBy 12 "Led by")
    (cow:forceStatus 13 "Status") (cow:forceOf 14 "Force of") (cow:groupOf 15 "Group of") }
  GRAPH ?g { $e ?prop ?value } }
  UNION { GRAPH ?g { ?value cow:ledBy $e }
    BIND(cow:leads AS ?prop) BIND(12 AS ?order) BIND("Leads" AS ?field) }""",
    (("field", ""), ("value", "")),
    key=("prop", "value"),
    sort=("order", "value"),
)

PARTICIPANTS = Section(
    "attended",
    "Who attended",
    f"""GRAPH ?g {{ $e cow:hasParticipation ?row }} ?row cow:participant ?who .
  {PARTICIPATION}
  OPTIONAL {{ GRAPH ?gpost {{ ?held org:member ?who ; org:role ?post }} }}""",
    (
        ("who", "Participant"),
        ("capacity", "As"),
        ("post", "Posts held"),
        ("behalf", "On behalf of"),
        ("mode", "Mode"),
    ),
    sourced=(("post", "gpost"),),
)

ABSENT = Section(
    "absent",
    "Who did not attend",
    "GRAPH ?g { $e cow:notAttendedBy ?who }",
    (("who", "Absent"),),
    key=("who",),
)

MEETING_PLEDGES = Section(
    "pledges",
    "Pledges made there",
    f"GRAPH ?g {{ ?row cow:pledgedAt $e }} OPTIONAL {{ ?row cow:pledgedBy ?by }} {PLEDGE}",
    (
        ("row", "Pledge"),
        ("by", "By"),
        ("kind", "Kind"),
        ("quantity", "Quantity"),
        ("purpose", "Purpose"),
    ),
)

MEETING_STATEMENTS = Section(
    "statements",
    "Statements and principles",
    f"""{{ GRAPH ?g {{ ?row cow:madeAt $e }} }} UNION {{ GRAPH ?g {{ ?row cow:statedAt $e }} }}
  {STATEMENT} OPTIONAL {{ ?row cow:statedBy ?by }} OPTIONAL {{ ?row cow:about ?about }}""",
    (("text", "Said"), ("by", "By"), ("about", "About")),
)

COUNTS = Section(
    "counts",
    "How many took part, by source",
    """GRAPH ?g { ?row cow:about $e } ?row a cow:CountClaim .
  OPTIONAL { ?row cow:countedThing ?thing }
  OPTIONAL { ?row cow:countValue ?exact } OPTIONAL { ?row cow:countMinimum ?cmin }
  OPTIONAL { ?row cow:countMaximum ?cmax } OPTIONAL { ?row cow:countQualifier ?qualifier }
  OPTIONAL { ?row cow:claimText ?claim } OPTIONAL { ?row cow:asOf ?asOf }
  BIND(IF(BOUND(?exact), STR(?exact), CONCAT(IF(BOUND(?qualifier), CONCAT(?qualifier, " "), ""),
       STR(?cmin), IF(BOUND(?cmax) && ?cmax != ?cmin, CONCAT("–", STR(?cmax)), ""))) AS ?count)""",
    (("thing", "Counted"), ("count", "Count"), ("claim", "As written"), ("asOf", "As of")),
    sort=("thing", "count"),
    conflict=("thing", "count"),
)

DATED_MEETING: Columns = (("date", "Date"), ("meeting", "Meeting"))


def _per_meeting(name: str, title: str, pattern: str, columns: Columns = ()) -> Section:
    """A section with one row per meeting (binding ?meeting and its ?date), in date order."""
    return Section(
        name, title, pattern, (*DATED_MEETING, *columns), key=("meeting",), sort=("date",)
    )


MEETINGS_ATTENDED = _per_meeting(
    "meetings",
    "Meetings attended",
    f"""GRAPH ?g {{ ?row cow:participant $e }} ?meeting cow:hasParticipation ?row .
  {MEETING_OF_ROW} {PARTICIPATION}""",
    (("capacity", "As"), ("behalf", "On behalf of"), ("mode", "Mode")),
)

# A state or organisation attends itself (its participation, at leader or ministerial level)
# or through its people (a participation on its behalf): one row per meeting, both kinds merged.
MEETINGS_REPRESENTED = _per_meeting(
    "meetings",
    "Meetings attended",
    f"""{{ GRAPH ?g {{ ?row cow:participant $e }} }}
  UNION {{ GRAPH ?g {{ ?row cow:onBehalfOf $e }} ?row cow:participant ?who }}
  ?meeting cow:hasParticipation ?row . {MEETING_OF_ROW}
  OPTIONAL {{ ?row cow:inCapacityOf ?capacity }} OPTIONAL {{ ?row cow:participationMode ?mode }}""",
    (("who", "Represented by"), ("capacity", "As"), ("mode", "Mode")),
)

# one row per meeting and role: hosting and chairing the same meeting are two facts
HOSTED = Section(
    "hosted",
    "Meetings hosted or chaired",
    f"""VALUES (?role ?roleName) {{ (cow:hostedBy "host") (cow:chairedBy "chair") }}
  GRAPH ?g {{ ?meeting ?role $e }} {MEETING_OF_ROW}""",
    (*DATED_MEETING, ("roleName", "As")),
    key=("meeting", "role"),
    sort=("date",),
)

ABSENT_FROM = _per_meeting(
    "absent",
    "Meetings not attended",
    f"GRAPH ?g {{ ?meeting cow:notAttendedBy $e }} {MEETING_OF_ROW}",
)

POSTS_OF_PEOPLE = Section(
    "posts",
    "Posts of its people",
    """GRAPH ?g { ?row org:organization $e } ?row a cow:PostHolding ; org:member ?person .
  OPTIONAL { ?row org:role ?post } OPTIONAL { ?row cow:asOf ?asOf }""",
    (("person", "Person"), ("post", "Post"), ("asOf", "As of")),
    sort=("person",),
)

POSTS = Section(
    "posts",
    "Posts",
    """GRAPH ?g { ?row org:member $e } ?row a cow:PostHolding .
  OPTIONAL { ?row org:role ?post } OPTIONAL { ?row org:organization ?org }
  OPTIONAL { ?row cow:asOf ?asOf }""",
    (("post", "Post"), ("org", "Of"), ("asOf", "As of")),
)

PLEDGES_BY = Section(
    "pledges",
    "Pledges",
    f"""GRAPH ?g {{ ?row cow:pledgedBy $e }} OPTIONAL {{ ?row cow:pledgedAt ?meeting }} {PLEDGE}""",
    (
        ("row", "Pledge"),
        ("kind", "Kind"),
        ("quantity", "Quantity"),
        ("purpose", "Purpose"),
        ("date", "Date"),
        ("meeting", "At"),
    ),
    sort=("date",),
)

MEMBERSHIP = Section(
    "membership",
    "Membership over time",
    """GRAPH ?g { ?row org:member $e } ?row a cow:CoalitionMembership .
  OPTIONAL { ?row cow:inCoalition ?coalition } OPTIONAL { ?row cow:membershipBasis ?basis }
  OPTIONAL { ?row cow:asOf ?asOf }""",
    (("asOf", "As of"), ("coalition", "Coalition"), ("basis", "On the basis of")),
    sort=("asOf",),
)

STATEMENTS_BY = Section(
    "statements",
    "Statements",
    f"""GRAPH ?g {{ ?row cow:statedBy $e }} {STATEMENT}
  OPTIONAL {{ ?row cow:madeAt|cow:statedAt ?meeting }} OPTIONAL {{ ?row cow:about ?about }}""",
    (("text", "Said"), ("meeting", "At"), ("about", "About")),
)

PARTY = (MEETINGS_REPRESENTED, HOSTED, ABSENT_FROM, POSTS_OF_PEOPLE, PLEDGES_BY, STATEMENTS_BY)
SECTIONS: dict[str, tuple[Section, ...]] = {
    "meeting": (OVERVIEW, PARTICIPANTS, ABSENT, MEETING_PLEDGES, MEETING_STATEMENTS, COUNTS),
    "state": (OVERVIEW, *PARTY, MEMBERSHIP),
    "person": (OVERVIEW, POSTS, MEETINGS_ATTENDED, HOSTED, ABSENT_FROM, PLEDGES_BY, STATEMENTS_BY),
    "organization": (OVERVIEW, *PARTY, MEMBERSHIP),
    "coalition": (OVERVIEW, HOSTED),
    "force": (OVERVIEW,),
    "group": (OVERVIEW,),
}


def sections_for(kind: str) -> tuple[Section, ...]:
    """The sections of an entity of ``kind`` (the ``id/{kind}/`` segment of its IRI)."""
    return SECTIONS.get(kind, ())


def briefing_query(sections: Iterable[Section], entity: str) -> str:
    """One SELECT for all ``sections`` about ``entity`` (a UNION, each branch tagged ?section)."""
    node = str(ox.NamedNode(entity))
    branches = [
        "{ " + s.pattern.replace("$e", node) + f'\n  BIND("{s.name}" AS ?section) }}'
        for s in sections
    ]
    return "SELECT * WHERE {\n  " + "\n  UNION ".join(branches) + "\n}"


@dataclass
class _Builder:
    section: Section
    rows: dict[tuple[str, ...], Row] = field(default_factory=dict)


def collect(
    sections: Iterable[Section], result: Solutions, show: Callable[[Term], TermView]
) -> list[tuple[Section, list[Row]]]:
    """Rows per section from the briefing query's solutions; ``show`` turns a term into how it
    appears (label, local link), see :func:`views.view`."""
    builders = {s.name: _Builder(s) for s in sections}
    position = {v: i for i, v in enumerate(result.variables)}
    for solution in result.rows:
        name = _value(solution[position["section"]])
        builder = builders[name]
        section = builder.section

        def term(var: str, sol: tuple[Term | None, ...] = solution) -> Term | None:
            return sol[position[var]] if var in position else None

        key = tuple(str(term(k)) for k in section.key)
        row = builder.rows.setdefault(key, Row({c: [] for c, _ in section.columns}))
        graph = term("g")
        if isinstance(graph, ox.NamedNode):
            row.graphs.add(graph.value)
        for column, _ in section.columns:
            value = term(column)
            if value is not None:
                shown = _plain(show(value), value)
                if shown not in row.cells[column]:
                    row.cells[column].append(shown)
        for column, var in section.sourced:
            backing = term(var)
            if term(column) is not None and isinstance(backing, ox.NamedNode):
                row.cell_graphs.setdefault(column, set()).add(backing.value)
        if not row.sort_key:
            row.sort_key = tuple(_sortable(term(v)) for v in section.sort)
    return [(b.section, list(b.rows.values())) for b in builders.values()]


def _plain(shown: TermView, term: Term) -> TermView:
    """A value as a briefing shows it: dates written out, no datatype or language tag."""
    if not isinstance(term, ox.Literal):
        return shown
    return TermView(spoken_date(term.value) or term.value)


def _value(term: Term | None) -> str:
    return str(getattr(term, "value", "")) if term is not None else ""


def _sortable(term: Term | None) -> str:
    """Numbers sort as numbers (zero-padded), everything else as its text."""
    text = _value(term)
    if isinstance(term, ox.Literal) and text.isdigit():
        return text.rjust(12, "0")
    return text


def merged(rows: list[Row]) -> list[Row]:
    """Rows that read the same, one row: every source behind them kept, each passage once."""
    out: dict[tuple[tuple[str, ...], ...], Row] = {}
    for row in sorted(rows, key=lambda r: r.sort_key):
        shown = tuple(tuple(v.text for v in values) for values in row.cells.values())
        if shown in out:
            kept = out[shown]
            kept.graphs |= row.graphs
            kept.evidence = unique_evidence([*kept.evidence, *row.evidence])
            kept.unquoted = sorted({*kept.unquoted, *row.unquoted})
            for column, passages in row.cell_evidence.items():
                both = [*kept.cell_evidence.get(column, []), *passages]
                kept.cell_evidence[column] = unique_evidence(both)
        else:
            out[shown] = row
    return list(out.values())


def unique_evidence(passages: Iterable[Evidence]) -> list[Evidence]:
    """Each passage once (the same span of the same seed backs several facts)."""
    seen: dict[tuple[str | None, int, int], Evidence] = {}
    for ev in passages:
        seen.setdefault((ev.source.iri or ev.source.text, ev.start, ev.end), ev)
    return sorted(seen.values(), key=lambda e: (e.source.text, e.start))


def conflicts(section: Section, rows: list[Row]) -> list[str]:
    """ "countries: 31 / nearly 30" for every group whose rows give different values."""
    if section.conflict is None:
        return []
    group, value = section.conflict
    values: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        label = ", ".join(v.text for v in row.cells.get(group, [])) or "count"
        for v in row.cells.get(value, []):
            if v.text not in values[label]:
                values[label].append(v.text)
    return [f"{g}: {' / '.join(v)}" for g, v in values.items() if len(v) > 1]


PARTICIPANT_GROUPS = (
    ("state", "States", (("who", "State"), ("via", "Represented by"), ("mode", "Mode"))),
    (
        "person",
        "People",
        (
            ("who", "Person"),
            ("capacity", "As"),
            ("post", "Posts held"),
            ("behalf", "On behalf of"),
            ("mode", "Mode"),
        ),
    ),
    ("organization", "Organisations", (("who", "Organisation"), ("via", "Represented by"))),
)


def split_participants(rows: list[Row]) -> list[tuple[str, Columns, list[Row]]]:
    """A meeting's participations as three tables — states, people, organisations — where a state
    or organisation one of the people attended for is listed too, with who represented it."""
    groups: dict[str, list[Row]] = {kind: [] for kind, _, _ in PARTICIPANT_GROUPS}
    for row in rows:
        _drop_posts_in_capacity(row)
        groups[_kind_of(row.first("who"), "organization")].append(row)
    listed = {w.text for r in rows for w in r.cells.get("who", [])}
    for row in groups["person"]:
        for party in row.cells.get("behalf", []):
            if party.text not in listed:
                listed.add(party.text)
                cells = {"who": [party], "via": list(row.cells["who"]), "mode": []}
                groups[_kind_of(party, "organization")].append(
                    Row(cells, set(row.graphs), list(row.evidence))
                )
    out: list[tuple[str, Columns, list[Row]]] = []
    for kind, title, columns in PARTICIPANT_GROUPS:
        members = sorted(groups[kind], key=lambda r: (r.first("who") or TermView("")).text)
        if members:
            out.append((title, columns, members))
    return out


def _drop_posts_in_capacity(row: Row) -> None:
    """Posts held are worth a column only where they add to the capacity the person attended in:
    the post the participation names already is dropped, its quotes with it."""
    capacity = {v.text for v in row.cells.get("capacity", [])}
    posts = [v for v in row.cells.get("post", []) if v.text not in capacity]
    row.cells["post"] = posts
    if not posts:
        row.cell_evidence.pop("post", None)


def _kind_of(term: TermView | None, default: str) -> str:
    """ "state", "person"… from the ``/id/{kind}/`` path of an entity's link."""
    path = (term.href or "") if term else ""
    for kind, _, _ in PARTICIPANT_GROUPS:
        if f"/id/{kind}/" in path:
            return kind
    return default
